//! The group's notes for the current step, in the editor widget. The room can see them.
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
    let title = if typing {
        format!(" {} — {} ", t.notes, t.typing)
    } else {
        format!(" {} ", t.notes)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(if typing {
            BorderType::Thick
        } else {
            BorderType::Rounded
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
