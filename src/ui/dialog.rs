//! Quitting while the notes are not on disk: never lose them without asking.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph, Wrap},
};

use crate::{
    app::Model,
    i18n::{Localize, fill},
    session::store::StoreError,
};

pub fn unsaved(m: &Model, error: &StoreError, save_as: bool, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let width = area.width.saturating_sub(4).min(90);
    let rect = super::popup(frame, area, width, 11);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(m.theme.error)
        .title(Span::styled(
            format!(" {} ", t.unsaved_title),
            m.theme.error,
        ))
        .style(m.theme.base);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [body, field] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(if save_as { 2 } else { 0 }),
    ])
    .areas(inner);
    let folder = m
        .path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut lines = vec![
        Line::from(fill(t.unsaved_body, &[&folder])),
        Line::styled(error.render(m.lang), m.theme.dim),
        Line::default(),
    ];
    if save_as {
        lines.push(Line::styled(t.save_elsewhere_prompt, m.theme.heading));
    } else {
        lines.push(Line::styled(t.unsaved_keys, m.theme.heading));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .style(m.theme.base),
        body,
    );
    if save_as {
        frame.render_widget(&m.save_as, field);
    }
}
