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
