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
    layout::{Constraint, Layout},
    widgets::Block,
};

use crate::app::{App, Mode, Model, Overlay, Screen, clock::Now};

/// From this width on, the agenda stands beside the content.
const AGENDA_BESIDE_FROM: u16 = 80;

/// The one draw: the screen that is showing.
pub fn draw(app: &App, theme: &Theme, now: Now, frame: &mut Frame) {
    match &app.screen {
        Screen::Picker(p) => picker::draw(p, theme, frame),
        Screen::Run(m) => draw_run(m, theme, now, frame),
    }
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
        Mode::ActionList => actions::list(m, theme, frame, area),
        _ => {}
    }
}
