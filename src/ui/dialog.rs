//! Quitting while the notes are not on disk: never lose them without asking.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph, Wrap},
};

use super::Theme;
use crate::{
    app::{
        Model, UnsavedView,
        keys::{self, Where},
    },
    i18n::{Localize, fill},
    session::store::StoreError,
};

pub fn unsaved(
    m: &Model,
    theme: &Theme,
    error: &StoreError,
    view: UnsavedView,
    frame: &mut Frame,
    area: Rect,
) {
    let t = m.texts();
    let width = area.width.saturating_sub(4).min(90);
    let rect = super::parts::popup(frame, area, width, 11);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error)
        .title(Span::styled(format!(" {} ", t.unsaved_title), theme.error))
        .style(theme.base);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [body, field] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(if view == UnsavedView::SavePath { 2 } else { 0 }),
    ])
    .areas(inner);
    let folder = m
        .path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let mut lines = vec![
        Line::from(fill(t.unsaved_body, [&folder])),
        Line::styled(error.render(m.lang), theme.dim),
        Line::default(),
    ];
    if view == UnsavedView::SavePath {
        lines.push(Line::styled(t.save_elsewhere_prompt, theme.heading));
    } else {
        lines.push(Line::styled(
            keys::dialog_keys(Where::Unsaved, m.lang),
            theme.heading,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .style(theme.base),
        body,
    );
    if view == UnsavedView::SavePath {
        frame.render_widget(&m.save_as, field);
    }
}
