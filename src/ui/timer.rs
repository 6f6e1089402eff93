//! The time left, big enough to read from across the room.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    style::Style,
    text::{Line, Span},
    widgets::Paragraph,
};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{Model, clock::Now};

/// How many rows the timer takes in an area of this size.
pub fn height(area: Rect, with_notes: bool) -> u16 {
    let room = if with_notes {
        area.height / 2
    } else {
        area.height
    };
    if room >= 16 && area.width >= 70 {
        8
    } else if room >= 7 && area.width >= 40 {
        4
    } else {
        1
    }
}

fn timer_style(m: &Model, theme: &Theme, now: Now) -> Style {
    match m.remaining(now.mono) {
        Some(r) => theme.countdown(r, theme.timer),
        None => theme.timer,
    }
}

pub fn draw(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let Some(remaining) = m.remaining(now.mono) else {
        return;
    };
    let t = m.texts();
    let shown = remaining.display();
    let style = timer_style(m, theme, now);
    let mut flags = Vec::new();
    // The warning colour, said in a word too.
    if let Some(alert) = remaining.alert() {
        flags.push(Span::styled(super::parts::alert_flag(t, alert), style));
        flags.push(Span::raw(" "));
    }
    if m.paused {
        flags.push(Span::styled(format!(" ⏸ {} ", t.paused), theme.paused));
        flags.push(Span::raw(" "));
    }
    if m.muted {
        flags.push(Span::styled(format!("🔕 {}", t.muted), theme.dim));
    }
    let flags_width: u16 = flags.iter().map(|s| s.content.width() as u16).sum();
    let [big_area, flag_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(flags_width)])
            .spacing(1)
            .areas(area);
    if area.height >= 4 {
        let size = if area.height >= 8 {
            PixelSize::Full
        } else {
            PixelSize::HalfHeight
        };
        let big = BigText::builder()
            .pixel_size(size)
            .style(style)
            .lines(vec![Line::from(shown.as_str())])
            .build();
        frame.render_widget(big, big_area);
    } else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                shown.as_str(),
                style.add_modifier(ratatui::style::Modifier::BOLD),
            )),
            big_area,
        );
    }
    let [flag_row] = Layout::vertical([Constraint::Length(1)])
        .flex(ratatui::layout::Flex::Center)
        .areas(flag_area);
    frame.render_widget(
        Paragraph::new(Line::from(flags)).style(theme.base),
        flag_row,
    );
}
