//! Where we are: the header line and the agenda with the expected end time.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph},
};
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::{
    app::{Model, clock::Now},
    i18n::fill,
    session::{countdown::minutes_seconds, step_label, timing::Pace},
};

fn ends_at(m: &Model, now: Now) -> String {
    let mut end = m.expected_end(now);
    // With an end time the forecast counts the untimed steps too, as the plan does.
    if let (Some(until), Some(p)) = (m.session.session.until, crate::app::rounds::pace(m, now)) {
        let left = crate::session::timing::seconds_until(now.wall, until);
        let off = match p {
            Pace::Ahead(s) => -(s as i64),
            Pace::Behind(s) => s as i64,
            Pace::Impossible(_) => 0,
        };
        if !matches!(p, Pace::Impossible(_)) {
            end = now.wall + chrono::Duration::seconds(left + off);
        }
    }
    fill(m.texts().ends_at, [&end.format("%H:%M")])
}

/// The header's end: the time, and with `until` whether that is ahead or behind it.
fn ends_at_and_pace(m: &Model, now: Now) -> String {
    let end = ends_at(m, now);
    match pace(m, now) {
        Some(p) => format!("{end} · {p}"),
        None => end,
    }
}

/// With an end time: whether the meeting runs ahead or behind it, or cannot make it.
fn pace(m: &Model, now: Now) -> Option<String> {
    let t = m.texts();
    let until = m.session.session.until?.format("%H:%M").to_string();
    Some(match crate::app::rounds::pace(m, now)? {
        Pace::Ahead(s) if s < 60 => fill(t.pace_on_time, [&until]),
        Pace::Ahead(s) => fill(t.pace_ahead, [&(s / 60), &until]),
        Pace::Behind(s) => fill(t.pace_behind, [&s.div_ceil(60), &until]),
        Pace::Impossible(_) => fill(t.pace_impossible, [&until]),
    })
}

/// One line: episode and audience on the left, step k of n and the end time on the right.
pub fn header(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let info = &m.session.session;
    let total = m.step_count() + 1;
    // A small marker while a room screen follows, saying whether it shows the notes.
    let marker = if m.room_following {
        let notes = if info.room_notes {
            t.room_notes_on
        } else {
            t.room_notes_off
        };
        format!("▣ {} ({notes}) · ", t.room_following)
    } else {
        String::new()
    };
    let right = format!(
        "{marker}{} · {} ",
        fill(t.step_of, [&(m.step + 1), &total]),
        ends_at_and_pace(m, now)
    );
    let room = usize::from(area.width).saturating_sub(right.width() + 1);
    let left = header_left(
        m.episode.number,
        &m.episode.title,
        info.audience.name(m.lang),
        &info.group,
        room,
    );
    let gap = usize::from(area.width).saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, theme.heading),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.accent),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.base), area);
}

/// " 4 · title · audience · group" in `room` columns. The group says which meeting this is,
/// so when space is short the title is shortened first, then the audience left out, and only
/// then the group cut.
fn header_left(number: u32, title: &str, audience: &str, group: &str, room: usize) -> String {
    const MIN_TITLE: usize = 12;
    let prefix = format!(" {number} · ");
    let full = |suffix: &str| format!("{prefix}{title}{suffix}");
    let with_audience = if group.is_empty() {
        format!(" · {audience}")
    } else {
        format!(" · {audience} · {group}")
    };
    let without_audience = if group.is_empty() {
        String::new()
    } else {
        format!(" · {group}")
    };
    for suffix in [&with_audience, &without_audience] {
        if full(suffix).width() <= room {
            return full(suffix);
        }
        let title_room = room.saturating_sub(prefix.width() + suffix.width());
        if title_room >= MIN_TITLE {
            return format!("{prefix}{}{suffix}", truncate(title, title_room));
        }
    }
    truncate(
        &format!("{prefix}{}{without_audience}", truncate(title, MIN_TITLE)),
        room,
    )
}

/// Cuts a string to a width in terminal columns, with an ellipsis.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let (kept, _) = s.unicode_truncate(width.saturating_sub(1));
    format!("{kept}…")
}

/// The agenda beside the content: every step with its minutes, the current one marked.
pub fn sidebar(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(theme.border)
        .title(Span::styled(format!(" {} ", t.agenda), theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [list, foot] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
    let width = usize::from(list.width);
    let mut lines = Vec::new();
    for i in 0..=m.step_count() {
        let label = step_label(&m.session.steps, i, t);
        let minutes = m
            .session
            .steps
            .get(i)
            .filter(|s| s.is_planned())
            .map(|s| {
                if i < m.step {
                    minutes_seconds(m.elapsed(i, now.mono))
                } else {
                    format!("{} {}", s.planned_seconds / 60, t.minutes_short)
                }
            })
            .unwrap_or_default();
        let mark = if i == m.step {
            "▶ "
        } else if i < m.step {
            "✓ "
        } else {
            "  "
        };
        let left = truncate(
            &format!("{mark}{label}"),
            width.saturating_sub(minutes.width() + 1),
        );
        let gap = width.saturating_sub(left.width() + minutes.width());
        let text = format!("{left}{}{minutes}", " ".repeat(gap));
        let style = if i == m.step {
            theme.current
        } else if i < m.step {
            theme.done
        } else {
            theme.base
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), list);
    let planned = m
        .session
        .steps
        .iter()
        .fold(0u64, |sum, s| sum.saturating_add(s.planned_seconds));
    let foot_lines = vec![
        Line::styled(
            format!("{}: {} {}", t.total, planned / 60, t.minutes_short),
            theme.dim,
        ),
        Line::styled(ends_at(m, now), theme.accent),
    ];
    frame.render_widget(Paragraph::new(foot_lines).style(theme.base), foot);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_header_keeps_the_group_name() {
        let title = "Cliënten met professionals aan het stuur";
        let group = "Cliëntenraad De Linde";
        let h = header_left(4, title, "Cliëntenraad", group, 49);
        assert!(h.ends_with(" · Cliëntenraad De Linde"), "{h}");
        assert!(h.starts_with(" 4 · Cliënten"), "{h}");
        assert!(h.width() <= 49, "{h}");
        let wide = header_left(4, title, "Cliëntenraad", group, 120);
        assert_eq!(wide, format!(" 4 · {title} · Cliëntenraad · {group}"));
        let tiny = header_left(4, title, "Cliëntenraad", group, 20);
        assert!(tiny.width() <= 20, "{tiny}");
    }
}
