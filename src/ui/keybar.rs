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
    app::{Mode, Model},
    i18n::fill,
};

/// The keys for the current mode, most important first (the bar drops from the end).
pub fn keys(m: &Model) -> Vec<(&'static str, &'static str)> {
    let t = m.texts();
    match &m.mode {
        Mode::Typing => vec![
            ("Esc", t.key_stop_typing),
            ("PgDn/PgUp", t.key_step),
            ("Ctrl+A", m.action_words().key_record),
            ("Ctrl+C", t.key_quit),
            ("Ctrl+L", m.action_words().key_list),
        ],
        Mode::Help => vec![("Esc", t.key_close)],
        Mode::ActionForm => {
            let w = m.action_words();
            vec![
                ("Tab", w.form_what_next),
                ("Enter", w.form_save),
                ("Esc", w.form_cancel),
            ]
        }
        Mode::ActionList => {
            let w = m.action_words();
            vec![
                ("↑↓", w.list_choose),
                ("Spatie", w.list_done),
                ("Enter", w.list_edit),
                ("Del", w.list_remove),
                ("Ctrl+A", w.key_record),
                ("Esc", t.key_close),
            ]
        }
        Mode::Blank => vec![],
        Mode::Unsaved { .. } => vec![],
        Mode::Navigate if m.on_summary() => vec![
            ("x", t.key_export),
            ("←", t.key_prev),
            ("q", t.key_quit),
            ("?", t.key_help),
            ("Ctrl+A", m.action_words().key_record),
            ("Ctrl+L", m.action_words().key_list),
        ],
        Mode::Navigate => {
            // Most needed first: a narrow bar drops from the end, never help or quit.
            let mut k = vec![("→", t.key_next), ("←", t.key_prev)];
            if m.is_timed() {
                k.push(("Spatie", if m.paused { t.key_resume } else { t.key_pause }));
            }
            k.push(("Enter", t.key_type));
            k.push(("?", t.key_help));
            k.push(("q", t.key_quit));
            if m.is_timed() {
                k.push(("+/-", t.key_more_less));
            }
            k.push((
                "h",
                if m.notes_hidden {
                    t.key_show_notes
                } else {
                    t.key_hide_notes
                },
            ));
            k.push(("Ctrl+A", m.action_words().key_record));
            k.push(("Ctrl+L", m.action_words().key_list));
            k.push(("b", t.key_blank));
            k.push(("x", t.key_export));
            k
        }
    }
}

fn space_key(m: &Model, key: &'static str) -> &'static str {
    match (key, m.lang) {
        ("Spatie", crate::lang::Lang::En) => "Space",
        _ => key,
    }
}

pub fn draw(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let (status, status_style) = if let Some(e) = &m.save.error {
        // The path is the session file's: the reason is what the bar has room for.
        (fill(t.saving_failed, &[&e.detail(m.lang)]), theme.error)
    } else if let Some((msg, _)) = &m.status {
        (msg.clone(), theme.keybar)
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
    let status = format!("{} ", truncate_middle(&status, room.saturating_sub(2)));
    let budget = usize::from(area.width).saturating_sub(status.width());
    let mut spans = vec![Span::styled(" ", theme.keybar)];
    let mut used = 1;
    for (key, label) in keys(m) {
        let key = space_key(m, key);
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
/// and the file it names (its end) stay readable.
fn truncate_middle(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let head_room = width.saturating_sub(1) / 2;
    let tail_room = width.saturating_sub(1) - head_room;
    let head = super::agenda::truncate(s, head_room + 1);
    let head = head.trim_end_matches('…');
    let mut tail: Vec<char> = Vec::new();
    let mut w = 0;
    for c in s.chars().rev() {
        let cw = c.to_string().width();
        if w + cw > tail_room {
            break;
        }
        w += cw;
        tail.push(c);
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
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
