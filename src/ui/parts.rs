//! What every screen uses, the room screen too: the smallest window it draws in, a centred
//! box for an overlay, text wrapped to a width.
use ratatui::{
    Frame,
    layout::{Constraint, Flex, Layout, Rect},
    widgets::Clear,
};

/// Below this size the screen only asks for a larger window.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// A centred box of the given size (clipped to the area), cleared for an overlay.
pub fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, rect);
    rect
}

/// Text pre-wrapped to a width, so the number of lines is known before drawing.
pub fn wrap_lines(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    text.split('\n')
        .flat_map(|para| {
            if para.trim().is_empty() {
                vec![String::new()]
            } else {
                textwrap::wrap(para, width)
                    .into_iter()
                    .map(|c| c.into_owned())
                    .collect()
            }
        })
        .collect()
}
