//! The one-line bar of the keys that matter now, with the save state on the right.
use ratatui::{
    Frame,
    layout::Rect,
    text::{Line, Span},
    widgets::Paragraph,
};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::{
    app::{Model, keys},
    i18n::fill,
};

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let (status, status_style) = if let Some(e) = &m.save.error {
        // The path is the session file's: the reason is what the bar has room for.
        (fill(t.saving_failed, [&e.detail(m.lang)]), theme.error)
    } else if let Some(line) = &m.status {
        (line.text.clone(), theme.keybar)
    } else if m.save.is_clean() && m.save.last_attempt.is_some() {
        (format!("✓ {}", t.saved), theme.keybar)
    } else {
        (String::new(), theme.keybar)
    };
    // A passing message ("Verslag geschreven: x.md") or an error gets all the room it needs
    // and the keys give way until it is gone; "✓ opgeslagen" leaves the keys their place.
    let room = if m.save.error.is_some() || m.status.is_some() {
        usize::from(area.width)
    } else {
        usize::from(area.width) / 2
    };
    let room = room.saturating_sub(2);
    let shown = match m.status.as_ref().map(|l| l.parts()) {
        // A message whose end must be read whole: its start gives way, with an ellipsis.
        Some((head, tail))
            if m.save.error.is_none()
                && !tail.is_empty()
                && status.width() > room
                && tail.width() + 2 <= room =>
        {
            let head = super::agenda::truncate(head, room - tail.width());
            format!("{head}{tail}")
        }
        _ => truncate_middle(&status, room),
    };
    let status = format!("{shown} ");
    let budget = usize::from(area.width).saturating_sub(status.width());
    let mut spans = vec![Span::styled(" ", theme.keybar)];
    let mut used = 1;
    // The keys that matter now, from the binding table; a narrow bar drops from the end.
    for (key, label) in keys::bar(m) {
        let w = key.width() + label.width() + 3;
        if used + w > budget {
            break;
        }
        used += w;
        spans.push(Span::styled(key.to_string(), theme.key));
        spans.push(Span::styled(format!(" {label}  "), theme.keybar));
    }
    let gap = usize::from(area.width).saturating_sub(used + status.width());
    spans.push(Span::styled(" ".repeat(gap), theme.keybar));
    spans.push(Span::styled(status, status_style));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.keybar), area);
}

/// Cuts the middle out of a message that is too wide, so that both what happened (its start)
/// and the file it names (its end) stay readable; the cut is marked ` … `, never glued.
fn truncate_middle(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let head_room = width.saturating_sub(3) / 2;
    let tail_room = width.saturating_sub(3) - head_room;
    let head = super::agenda::truncate(s, head_room + 1);
    let head = head.trim_end_matches('…');
    let tail = super::parts::last_columns(s, tail_room);
    format!("{} … {}", head.trim_end(), tail.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_message_keeps_its_start_and_the_file_name() {
        let msg = "Verslag geschreven: voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.md";
        let short = truncate_middle(msg, 78);
        assert!(short.width() <= 78, "{short}");
        assert!(short.starts_with("Verslag geschreven: "), "{short}");
        assert!(short.ends_with("clientenraad-de-linde.md"), "{short}");
        assert_eq!(truncate_middle("kort", 10), "kort");
    }
}
