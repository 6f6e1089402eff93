//! The one-line bar of the keys that matter now, with the save state on the right.
use ratatui::{
    Frame,
    layout::Rect,
    text::{Line, Span},
    widgets::Paragraph,
};
use unicode_width::UnicodeWidthStr;

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
            ("Ctrl+C", t.key_quit),
        ],
        Mode::Help => vec![("Esc", t.key_close)],
        Mode::Blank => vec![],
        Mode::Unsaved { .. } => vec![],
        Mode::Navigate if m.on_summary() => vec![
            ("x", t.key_export),
            ("←", t.key_prev),
            ("q", t.key_quit),
            ("?", t.key_help),
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
            k.push(("b", t.key_blank));
            if m.room_following {
                k.push((
                    "Ctrl+R",
                    if m.session.session.room_notes {
                        t.key_room_notes_hide
                    } else {
                        t.key_room_notes_show
                    },
                ));
            } else if m.current().is_some_and(|s| s.tip.is_some()) {
                k.push((
                    "Ctrl+T",
                    if m.tips_hidden {
                        t.key_show_tips
                    } else {
                        t.key_hide_tips
                    },
                ));
            }
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

pub fn draw(m: &Model, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let (status, status_style) = if let Some(e) = &m.save.error {
        (fill(t.saving_failed, &[e]), m.theme.error)
    } else if let Some((msg, _)) = &m.status {
        (msg.clone(), m.theme.keybar)
    } else if m.save.is_clean() && m.save.last_attempt.is_some() {
        (format!("✓ {}", t.saved), m.theme.keybar)
    } else {
        (String::new(), m.theme.keybar)
    };
    // A message gets at most half the bar (an error all it needs); keys fill what is left.
    let room = if m.save.error.is_some() {
        usize::from(area.width)
    } else {
        usize::from(area.width) / 2
    };
    let status = format!(
        "{} ",
        super::agenda::truncate(&status, room.saturating_sub(1))
    );
    let budget = usize::from(area.width).saturating_sub(status.width());
    let mut spans = vec![Span::styled(" ", m.theme.keybar)];
    let mut used = 1;
    for (key, label) in keys(m) {
        let key = space_key(m, key);
        let w = key.width() + label.width() + 3;
        if used + w > budget {
            break;
        }
        used += w;
        spans.push(Span::styled(key.to_string(), m.theme.key));
        spans.push(Span::styled(format!(" {label}  "), m.theme.keybar));
    }
    let gap = usize::from(area.width).saturating_sub(used + status.width());
    spans.push(Span::styled(" ".repeat(gap), m.theme.keybar));
    spans.push(Span::styled(status, status_style));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(m.theme.keybar),
        area,
    );
}
