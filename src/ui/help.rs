//! `?`: all keys, for navigating and for typing.
use ratatui::{
    Frame,
    layout::Rect,
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph},
};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::Model;

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let key_w = t
        .help_rows
        .iter()
        .chain(t.help_typing_rows)
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0);
    let row = |(k, d): &(&str, &str)| {
        Line::from(vec![
            Span::styled(format!(" {k:<key_w$}  "), theme.heading),
            Span::styled(d.to_string(), theme.base),
        ])
    };
    let mut lines: Vec<Line> = t.help_rows.iter().map(row).collect();
    lines.push(Line::default());
    lines.push(Line::styled(format!(" {}:", t.notes), theme.accent));
    lines.extend(t.help_typing_rows.iter().map(row));
    let width = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 4;
    let height = lines.len() as u16 + 2;
    let rect = super::popup(frame, area, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_active)
        .title(Span::styled(format!(" {} ", t.help_title), theme.heading))
        .style(theme.base);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
