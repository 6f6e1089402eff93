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

/// One line, by priority as the room needs it: the step and the end time first (on the right,
/// always whole), then the group's name, then, while a room screen follows, a short sign of it
/// that says whether it shows the notes, then the episode's title. What does not fit goes in
/// the reverse order.
pub fn header(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let info = &m.session.session;
    let total = m.step_count() + 1;
    let mut core = fill(t.step_of, [&(m.step + 1), &total]);
    // A meeting of several is long: without an end time the header says how long in all.
    if m.is_series() && info.until.is_none() {
        core.push_str(&format!(
            " · {}",
            fill(t.series.total_minutes, [&(planned_seconds(m) / 60)])
        ));
    }
    let core = format!("{core} · {}", ends_at_and_pace(m, now));
    let markers = if m.room_following {
        let (notes, short) = if info.room_notes {
            (t.room_notes_on, t.room_short_notes)
        } else {
            (t.room_notes_off, t.room_short)
        };
        [
            format!("▣ {} ({notes}) · ", t.room_following),
            format!("▣ {short} · "),
            "▣ ".to_string(),
        ]
    } else {
        [String::new(), String::new(), String::new()]
    };
    // Without a group's name, the audience says which meeting this is.
    let audience = info.audience.name(m.lang);
    // In a meeting of several: the episode of the step, or on the opening and the closing all
    // of them ("1 + 4").
    let (number, title) = episode_in_header(m);
    let parts = if info.group.trim().is_empty() {
        HeaderParts {
            number: &number,
            title: &title,
            audience: "",
            group: audience,
        }
    } else {
        HeaderParts {
            number: &number,
            title: &title,
            audience,
            group: &info.group,
        }
    };
    let (left, right) = fit_header(&parts, &markers, &core, usize::from(area.width));
    let gap = usize::from(area.width).saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, theme.heading),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, theme.accent),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.base), area);
}

/// The episode's number and title for the header: the step's own episode, or in a meeting of
/// several on a step of the whole meeting, every number and title.
fn episode_in_header(m: &Model) -> (String, String) {
    let in_section = m.current().is_some_and(|s| s.episode.is_some());
    if !m.is_series() || in_section {
        let e = m.episode_at(m.step);
        return (e.number.to_string(), e.title.clone());
    }
    let all: Vec<&crate::app::EpisodeView> = std::iter::once(&m.episode)
        .chain(&m.more_episodes)
        .collect();
    let numbers: Vec<String> = all.iter().map(|e| e.number.to_string()).collect();
    let titles: Vec<&str> = all.iter().map(|e| e.title.as_str()).collect();
    (numbers.join(" + "), titles.join(" + "))
}

/// The plan of the whole meeting, in seconds.
fn planned_seconds(m: &Model) -> u64 {
    m.session
        .steps
        .iter()
        .fold(0u64, |sum, s| sum.saturating_add(s.planned_seconds))
}

/// What the header's left side tells: the episode, for which audience, which group (without a
/// name, the audience is the group and `audience` is empty).
struct HeaderParts<'a> {
    number: &'a str,
    title: &'a str,
    audience: &'a str,
    group: &'a str,
}

/// The header's left and right side in `width` columns: the first of the ever shorter forms that
/// fits. `markers`: the room screen's sign, full, short and shortest (empty when none follows).
fn fit_header(
    p: &HeaderParts,
    markers: &[String; 3],
    core: &str,
    width: usize,
) -> (String, String) {
    const MIN_TITLE: usize = 12;
    const MIN_GROUP: usize = 8;
    let right = |marker: &str| format!("{marker}{core} ");
    let fits = |left: &str, right: &str| left.width() + 1 + right.width() <= width;
    let group = |g: &str| {
        if p.group.is_empty() {
            String::new()
        } else {
            format!(" · {g}")
        }
    };
    let episode = |title: &str, audience: bool| {
        let audience = if audience && !p.audience.is_empty() {
            format!(" · {}", p.audience)
        } else {
            String::new()
        };
        format!(" {} · {title}{audience}{}", p.number, group(p.group))
    };
    // Everything; the sign short; the audience left out.
    for (marker, audience) in [
        (&markers[0], true),
        (&markers[1], true),
        (&markers[1], false),
    ] {
        let (l, r) = (episode(p.title, audience), right(marker));
        if fits(&l, &r) {
            return (l, r);
        }
    }
    // The title shortened, as far as it stays recognisable, with a clear gap before the
    // right side (one space would read as one phrase); then without the title: whether the
    // room sees the notes ("zaal + notities") says more than the episode's title.
    let fixed = format!(" {} · ", p.number).width() + group(p.group).width();
    let shortened = |marker: &str| {
        let r = right(marker);
        let title_room = width.saturating_sub(r.width() + 3 + fixed);
        (title_room >= MIN_TITLE).then(|| (episode(&truncate(p.title, title_room), false), r))
    };
    // The episode's number and the group (the sign shortest next); the group alone; the group
    // shortened.
    let number_group = if p.group.is_empty() {
        format!(" {}", p.number)
    } else {
        format!(" {} · {}", p.number, p.group)
    };
    if let Some(found) = shortened(&markers[1]) {
        return found;
    }
    if fits(&number_group, &right(&markers[1])) {
        return (number_group, right(&markers[1]));
    }
    if let Some(found) = shortened(&markers[2]) {
        return found;
    }
    for (l, r) in [
        (number_group, right(&markers[2])),
        (format!(" {}", p.group), right(&markers[2])),
    ] {
        if fits(&l, &r) {
            return (l, r);
        }
    }
    let r = right(&markers[2]);
    let room = width.saturating_sub(r.width() + 1);
    if !p.group.is_empty() && room > MIN_GROUP {
        return (format!(" {}", truncate(p.group, room - 1)), r);
    }
    // Only the step and the end time, cut at the end if even they do not fit.
    (String::new(), truncate(&right(&markers[2]), width))
}

/// Cuts a string to a width in terminal columns, with an ellipsis.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let (kept, _) = s.unicode_truncate(width.saturating_sub(1));
    // "Clients in the…", not "Clients in the …".
    format!("{}…", kept.trim_end())
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
    // In a meeting of several, each episode's steps under its number and title.
    let sections = m.session.sections();
    let mut current_line = 0;
    for i in 0..=m.step_count() {
        if let Some(sec) = sections.iter().find(|sec| sec.steps.start == i) {
            let head = format!("{} · {}", sec.facts.number, sec.facts.title);
            lines.push(Line::styled(truncate(&head, width), theme.accent));
        }
        if i == m.step {
            current_line = lines.len();
        }
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
    // A long agenda keeps the current step in sight, with two steps after it.
    let height = usize::from(list.height);
    let scroll = (current_line + 3)
        .saturating_sub(height)
        .min(lines.len().saturating_sub(height));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .style(theme.base),
        list,
    );
    let planned = planned_seconds(m);
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

    fn parts() -> HeaderParts<'static> {
        HeaderParts {
            number: "4",
            title: "Cliënten met professionals aan het stuur",
            audience: "Cliëntenraad",
            group: "Cliëntenraad De Linde",
        }
    }

    #[test]
    fn the_step_and_end_time_stay_whole_then_the_group_then_the_episode() {
        let markers = [
            "▣ zaalscherm volgt (notities niet zichtbaar) · ".to_string(),
            "▣ zaal · ".to_string(),
            "▣ ".to_string(),
        ];
        let core = "Stap 7 van 8 · einde ± 14:46 · 2 min voor op 15:30";
        for width in 40..=220 {
            let (l, r) = fit_header(&parts(), &markers, core, width);
            assert!(l.width() + r.width() <= width, "{width}: {l}|{r}");
            if width > core.width() + 3 {
                assert!(r.contains(core), "{width}: {r}");
                assert!(r.starts_with('▣'), "{width}: the sign stays: {r}");
            }
            // The episode goes before the group does.
            if !l.contains("Cliëntenraad De Linde") {
                assert!(!l.contains("Cliënten met"), "{width}: {l}");
            }
        }
        let (l, r) = fit_header(&parts(), &markers, core, 220);
        assert_eq!(
            l,
            " 4 · Cliënten met professionals aan het stuur · Cliëntenraad · Cliëntenraad De Linde"
        );
        assert!(r.starts_with("▣ zaalscherm volgt"), "{r}");
    }
}
