//! Who speaks now and who is next in a round, and the current phase: each with its countdown.
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::{
    app::{Model, clock::Now, rounds},
    i18n::fill,
    session::countdown::{Remaining, minutes_seconds as mss},
};

/// The lines a round or phased prompt shows under its question (none for an ordinary one).
pub fn lines(m: &Model, theme: &Theme, now: Now) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let t = m.texts();
    if let (Some(step), Some(r)) = (m.current(), rounds::round(m)) {
        // The order, with who has spoken, who passed and who speaks now.
        let mut spans = vec![Span::styled(format!("{}: ", t.round_turns), theme.dim)];
        for (i, name) in r.order.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme.dim));
            }
            if i < r.current {
                let mark = if r.passed.contains(name) {
                    format!("{name} ({})", t.round_passed)
                } else {
                    format!("{name} ✓")
                };
                spans.push(Span::styled(mark, theme.done));
            } else if i == r.current {
                spans.push(Span::styled(format!(" {name} "), theme.current));
            } else {
                spans.push(Span::styled(name.clone(), theme.base));
            }
        }
        out.push(Line::from(spans));
        match (r.speaker(), m.turn_remaining(now.mono)) {
            (Some(name), Some(left)) => {
                let style = theme.countdown(left, theme.heading);
                let mut spans = vec![
                    Span::styled(format!("▶ {}: {name} ", t.round_now), theme.heading),
                    Span::styled(countdown(left), style),
                ];
                if let Some(next) = r.next_speaker() {
                    let turn = std::time::Duration::from_secs(r.turn_seconds(step.planned_seconds));
                    spans.push(Span::styled(
                        format!("  · {}: {next} ({})", t.round_next, mss(turn)),
                        theme.base,
                    ));
                }
                out.push(Line::from(spans));
            }
            _ => out.push(Line::styled(t.round_open, theme.heading)),
        }
    }
    if let (Some(step), Some((i, left))) = (m.current(), m.phase_remaining(now.mono)) {
        let p = &step.phases[i];
        let style = theme.countdown(left, theme.heading);
        let mut spans = vec![
            Span::styled(
                format!(
                    "{}: {} ",
                    fill(t.phase_of, [&(i + 1), &step.phases.len()]),
                    p.label
                ),
                theme.heading,
            ),
            Span::styled(countdown(left), style),
        ];
        if let Some(next) = step.phases.get(i + 1) {
            spans.push(Span::styled(
                format!(
                    "  · {}: {} ({} {})",
                    t.round_next, next.label, next.minutes, t.minutes_short
                ),
                theme.base,
            ));
        }
        out.push(Line::from(spans));
    }
    out
}

/// A turn's or a phase's time left, with a sign when its colour warns: colour is never the
/// only sign.
fn countdown(left: Remaining) -> String {
    match left.alert() {
        Some(_) => format!("{} ⚠", left.display()),
        None => left.display(),
    }
}
