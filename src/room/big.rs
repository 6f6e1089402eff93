//! Large letters (tui-big-text) for the room screen. Its 8×8 font has no glyphs for the
//! typographic punctuation the episodes use (the cells would stay blank: "collega’s" would read
//! "collega s"), so those are mapped to their plain forms first.
use ratatui::{
    buffer::Buffer,
    layout::{Alignment, Rect},
    style::Style,
    text::Line,
    widgets::Widget,
};
use tui_big_text::{BigText, PixelSize};

use crate::ui::parts::wrap_lines;

/// The big sizes the room uses, largest first, with the cells one letter takes (columns, rows).
/// Only half and quadrant blocks: every terminal font has them (sextants and octants are rare).
pub const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// Text with the punctuation the big font lacks replaced by what it has.
pub fn plain_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => out.push('\''),
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
            '…' => out.push_str("..."),
            '–' | '—' | '‒' | '―' | '−' | '‐' | '‑' => out.push('-'),
            '\u{a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Lines of big text: `text` wrapped to what fits in `width` columns at this size.
pub fn wrap(text: &str, width: u16, letter_width: u16) -> Vec<String> {
    let per_line = width / letter_width.max(1);
    if per_line == 0 {
        return Vec::new();
    }
    wrap_lines(&plain_punctuation(text), per_line)
}

/// Draws lines of big text, each centred.
pub fn render(lines: &[String], size: PixelSize, style: Style, area: Rect, buf: &mut Buffer) {
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .alignment(Alignment::Center)
        .lines(
            lines
                .iter()
                .map(|l| Line::from(l.clone()))
                .collect::<Vec<_>>(),
        )
        .build()
        .render(area, buf);
}

/// Whether the big font draws something for `c` (a space draws nothing, rightly).
pub fn has_glyph(c: char) -> bool {
    let area = Rect::new(0, 0, 8, 8);
    let mut buf = Buffer::empty(area);
    render(
        &[c.to_string()],
        PixelSize::Full,
        Style::default(),
        area,
        &mut buf,
    );
    buf.content().iter().any(|cell| cell.symbol() != " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_punctuation_becomes_what_the_font_can_draw() {
        assert_eq!(
            plain_punctuation("collega’s “zo” … – ja"),
            "collega's \"zo\" ... - ja"
        );
        for c in "'\".-éëï".chars() {
            assert!(has_glyph(c), "{c:?}");
        }
        assert!(!has_glyph('’'), "the font has no ’: the mapping is needed");
    }
}
