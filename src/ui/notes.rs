//! The notes for the current step, in the editor widget: the group's, which the room can see,
//! or the facilitator's private notes, which it never sees, with a title and a border that
//! say so.
use ratatui::{
    Frame,
    layout::Rect,
    text::Span,
    widgets::{Block, BorderType, Borders},
};

use super::Theme;
use crate::app::{Mode, Model};

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(editor) = m.notes.get(m.step) else {
        return;
    };
    let t = m.texts();
    let typing = m.mode == Mode::Typing;
    let name = match m.private_open {
        true => t.privacy.private_title,
        false => t.notes,
    };
    let title = if typing {
        format!(" {name} — {} ", t.typing)
    } else {
        format!(" {name} ")
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(match (m.private_open, typing) {
            (true, _) => BorderType::Double,
            (false, true) => BorderType::Thick,
            (false, false) => BorderType::Rounded,
        })
        .border_style(if typing {
            theme.border_active
        } else {
            theme.border
        })
        .title(Span::styled(title, theme.heading))
        .style(theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(editor, inner);
}
