//! A QR code of the video's link, drawn with half blocks: two modules per terminal cell.
use qrcode::QrCode;
use ratatui::{
    Frame,
    buffer::Buffer,
    layout::{Alignment, Constraint, Flex, Layout, Rect},
    style::Style,
    text::Line,
    widgets::{Block, Clear, Paragraph, Wrap},
};

use super::Theme;
use crate::{app::Model, i18n::fill};

/// Light modules around the code: the standard asks for four, and scanners need them.
const QUIET: usize = 4;

pub struct Code {
    /// Modules per side, without the quiet zone.
    width: usize,
    dark: Vec<bool>,
}

impl Code {
    /// The code for a text, or `None` when it is too long for a QR code. The lowest error
    /// correction: a screen is never torn or smudged, and the code is smaller (an episode's
    /// address fits a 100×30 window beside its text).
    pub fn new(text: &str) -> Option<Code> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L).ok()?;
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Some(Code {
            width: code.width(),
            dark,
        })
    }

    /// Columns and rows it takes on screen, quiet zone included.
    pub fn size(&self) -> (u16, u16) {
        let side = self.width + 2 * QUIET;
        let cols = u16::try_from(side).unwrap_or(u16::MAX);
        let rows = u16::try_from(side.div_ceil(2)).unwrap_or(u16::MAX);
        (cols, rows)
    }

    /// Whether the module at (x, y), counted from the quiet zone's corner, is dark.
    fn is_dark(&self, x: usize, y: usize) -> bool {
        let (Some(x), Some(y)) = (x.checked_sub(QUIET), y.checked_sub(QUIET)) else {
            return false;
        };
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// Draws the code at the top left of `area`; nothing when it does not fit whole.
    pub fn draw(&self, theme: &Theme, buf: &mut Buffer, area: Rect) {
        let (cols, rows) = self.size();
        if area.width < cols || area.height < rows {
            return;
        }
        for row in 0..rows {
            for col in 0..cols {
                let (x, y) = (usize::from(col), usize::from(row) * 2);
                let (top, bottom) = (self.is_dark(x, y), self.is_dark(x, y + 1));
                let (symbol, style) = match theme.qr {
                    // Dark and light as colours: the upper half in the foreground colour.
                    Some((dark, light)) => {
                        let colour = |d| if d { dark } else { light };
                        ("▀", Style::default().fg(colour(top)).bg(colour(bottom)))
                    }
                    // No colours (NO_COLOR): the text colour draws the light modules, as on a
                    // terminal with light text on a dark background.
                    None => {
                        let symbol = match (top, bottom) {
                            (false, false) => "█",
                            (false, true) => "▀",
                            (true, false) => "▄",
                            (true, true) => " ",
                        };
                        (symbol, Style::default())
                    }
                };
                if let Some(cell) = buf.cell_mut((area.x + col, area.y + row)) {
                    cell.set_symbol(symbol).set_style(style);
                }
            }
        }
    }
}

/// F1 on the video step: the code alone, as the whole window, with one line under it; or,
/// when even the whole window is too small, the size it needs.
pub fn overlay(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    frame.render_widget(Block::default().style(theme.base), area);
    let Some(code) = m.video_url().and_then(Code::new) else {
        return;
    };
    let t = m.texts();
    let (w, h) = code.size();
    if area.width < w || area.height < h + 1 {
        let msg = fill(t.video_code_too_small, [&w, &(h + 1)]);
        let [mid] = Layout::vertical([Constraint::Length(3)])
            .flex(Flex::Center)
            .areas(area);
        frame.render_widget(
            Paragraph::new(Line::styled(msg, theme.heading))
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            mid,
        );
        return;
    }
    let [block] = Layout::vertical([Constraint::Length(h + 1)])
        .flex(Flex::Center)
        .areas(area);
    let [code_row, caption] =
        Layout::vertical([Constraint::Length(h), Constraint::Length(1)]).areas(block);
    let [code_area] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(code_row);
    code.draw(theme, frame.buffer_mut(), code_area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            super::agenda::truncate(t.video_code_keys, usize::from(area.width)),
            theme.dim,
        ))
        .alignment(Alignment::Center),
        caption,
    );
}
