//! F1: all keys of a run, by where they work, made from the binding table (`app/keys.rs`).
use ratatui::{
    Frame,
    layout::Rect,
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph},
};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{
    Model,
    keys::{self, HelpLine},
};

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let help = keys::help_lines(m.lang);
    let key_w = help
        .iter()
        .filter_map(|l| match l {
            HelpLine::Row(k, _) => Some(k.width()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = help
        .iter()
        .map(|l| match l {
            HelpLine::Heading(h) => Line::styled(format!(" {h}:"), theme.accent),
            HelpLine::Row(k, d) => Line::from(vec![
                Span::styled(format!(" {k:<key_w$}  "), theme.heading),
                Span::styled(d.to_string(), theme.base),
            ]),
            HelpLine::Gap => Line::default(),
        })
        .collect();
    let width = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let rect = super::parts::popup(frame, area, width, height);
    // On a small screen the help scrolls (↑↓): never past its last line.
    let visible = rect.height.saturating_sub(2);
    let hidden = (lines.len() as u16).saturating_sub(visible);
    let scroll = m.help_scroll.min(hidden);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_active)
        .title(Span::styled(format!(" {} ", t.help_title), theme.heading))
        .style(theme.base);
    if hidden > 0 {
        let arrows = match (scroll > 0, scroll < hidden) {
            (true, true) => " ↑↓ ",
            (true, false) => " ↑ ",
            _ => " ↓ ",
        };
        block = block.title_bottom(Line::styled(arrows, theme.heading).right_aligned());
    }
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), rect);
}
