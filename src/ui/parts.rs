//! What every screen uses, the room screen too: the smallest window it draws in (and what it
//! shows below that), a centred box for an overlay, text wrapped to a width.
use ratatui::{
    Frame,
    layout::{Alignment, Constraint, Flex, Layout, Rect},
    text::Line,
    widgets::{Clear, Paragraph, Wrap},
};

use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::i18n::Texts;

/// Below this size the screen only asks for a larger window.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Whether `area` is below the smallest size.
pub fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The screen below the smallest size, on every screen: "make the window larger", with the
/// size it is and the size it needs.
pub fn too_small(t: &Texts, theme: &Theme, frame: &mut Frame, area: Rect) {
    let msg = Paragraph::new(vec![
        Line::from(t.too_small).style(theme.heading),
        Line::from(format!(
            "{}×{} → {}×{}",
            area.width, area.height, MIN_WIDTH, MIN_HEIGHT
        )),
    ])
    .alignment(Alignment::Center)
    .wrap(Wrap { trim: true });
    let [mid] = Layout::vertical([Constraint::Length(2)])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(msg, mid);
}

/// The sign beside a countdown in its last minute or past its time, with the word for it:
/// "⚠ laatste minuut", "⚠ over tijd". Colour is never the only sign.
pub fn alert_flag(t: &Texts, alert: crate::session::countdown::Alert) -> String {
    use crate::session::countdown::Alert;
    let word = match alert {
        Alert::LastMinute => t.timer_last_minute,
        Alert::Over => t.timer_over,
    };
    format!("⚠ {word}")
}

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

/// The longest end of `s` that fits in `width` columns.
pub fn last_columns(s: &str, width: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        used += c.to_string().width();
        if used > width {
            break;
        }
        start = i;
    }
    &s[start..]
}

/// A web address on lines of `width` columns, whole: broken after a `/`, `.`, `-`, `?`, `&`,
/// `=` or `_` where one is in the line's last two thirds (`radicalevernieuwing.nl/` stays one
/// piece), else at any character.
pub fn wrap_url(url: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    let mut rest: Vec<char> = url.chars().collect();
    while !rest.is_empty() {
        // As many characters as fit.
        let mut used = 0;
        let mut fit = 0;
        for c in &rest {
            let w = c.to_string().width();
            if used + w > width {
                break;
            }
            used += w;
            fit += 1;
        }
        let fit = fit.max(1);
        let cut = if fit == rest.len() {
            fit
        } else {
            // The last break after a separator, if it keeps a third of the line or more.
            rest[..fit]
                .iter()
                .rposition(|c| "/.-?&=_".contains(*c))
                .map(|i| i + 1)
                .filter(|&i| i * 3 >= fit)
                .unwrap_or(fit)
        };
        lines.push(rest[..cut].iter().collect());
        rest.drain(..cut);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_address_breaks_after_its_separators_and_stays_whole() {
        let url = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/";
        for width in [1, 5, 12, 26, 53, 60, 200] {
            let lines = wrap_url(url, width);
            assert_eq!(lines.concat(), url, "{width}");
            assert!(
                lines.iter().all(|l| l.width() <= usize::from(width)),
                "{width}: {lines:?}"
            );
        }
        assert_eq!(
            wrap_url(url, 26),
            [
                "https://www.",
                "radicalevernieuwing.nl/",
                "praktijkvoorbeelden/",
                "clienten-met-",
                "professionals-aan-het-",
                "stuur/"
            ]
        );
    }
}
