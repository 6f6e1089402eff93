//! Drawing. Reads the model, never changes it. One file per screen or region of the screen;
//! the colours are in `theme`.
mod actions;
mod agenda;
mod dialog;
mod help;
mod keybar;
mod notes;
pub mod parts;
pub mod picker;
pub mod qr;
pub mod round;
mod step;
mod summary;
mod theme;
mod timer;

pub use theme::Theme;

use ratatui::{
    Frame,
    layout::{Alignment, Constraint, Layout, Rect},
    text::Line,
    widgets::{Block, Paragraph},
};
use unicode_width::UnicodeWidthStr;

use crate::{
    app::{App, Mode, Model, Overlay, Screen, clock::Now},
    i18n::fill,
};

/// From this width on, the agenda stands beside the content.
const AGENDA_BESIDE_FROM: u16 = 80;

/// The one draw: the screen that is showing.
pub fn draw(app: &App, theme: &Theme, now: Now, frame: &mut Frame) {
    match &app.screen {
        Screen::Picker(p) => picker::draw(p, theme, frame),
        Screen::Run(m) => draw_run(m, theme, now, frame),
    }
}

/// Typing goes on below the smallest size (no letter is lost): the bottom line shows what was
/// typed, and that it is kept in the notes.
fn kept_while_too_small(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(ta) = m.notes.get(m.step).filter(|_| m.mode == Mode::Typing) else {
        return;
    };
    if area.height < 4 || area.width < 8 {
        return;
    }
    let row = ta.cursor().0;
    let lines = ta.lines();
    let line = lines[..=row.min(lines.len() - 1)]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(String::as_str)
        .unwrap_or_default();
    let label = fill(m.texts().too_small_kept, [&""]);
    let room = usize::from(area.width).saturating_sub(label.width() + 1);
    let text = fill(m.texts().too_small_kept, [&tail_of(line, room)]);
    let bottom = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme.accent)).alignment(Alignment::Center),
        bottom,
    );
}

/// The end of `s` in `width` columns, with an ellipsis where it was cut.
fn tail_of(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    format!("…{}", parts::last_columns(s, width.saturating_sub(1)))
}

/// A run: header, agenda, the step or the summary, the key bar, and any overlay.
pub fn draw_run(m: &Model, theme: &Theme, now: Now, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::default().style(theme.base), area);
    if m.overlay == Some(Overlay::Blank) {
        // A blank screen for a sensitive moment: nothing at all.
        return;
    }
    if parts::is_too_small(area) {
        parts::too_small(m.texts(), theme, frame, area);
        kept_while_too_small(m, theme, frame, area);
        return;
    }
    let [header, body, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    agenda::header(m, theme, now, frame, header);
    let main = if area.width >= AGENDA_BESIDE_FROM {
        let side = if area.width >= 140 { 34 } else { 25 };
        let [agenda_area, main] =
            Layout::horizontal([Constraint::Length(side), Constraint::Min(0)]).areas(body);
        agenda::sidebar(m, theme, now, frame, agenda_area);
        main
    } else {
        body
    };
    let main = main.inner(ratatui::layout::Margin::new(1, 0));
    if m.on_summary() {
        summary::draw(m, theme, now, frame, main);
    } else {
        step::draw(m, theme, now, frame, main);
    }
    keybar::draw(m, theme, frame, bar);
    match m.overlay {
        Some(Overlay::Help) => help::draw(m, theme, frame, area),
        Some(Overlay::Code) => qr::overlay(m, theme, frame, area),
        _ => {}
    }
    if let Mode::Unsaved { error, view } = &m.mode {
        dialog::unsaved(m, theme, error, *view, frame, area);
    }
    match &m.mode {
        Mode::ActionForm => actions::form(m, theme, frame, area),
        Mode::ActionList => actions::list(m, theme, now, frame, area),
        _ => {}
    }
}
