//! Who speaks now and who is next in a round, and the current phase: each with its countdown.
//! Names are never cut: what does not fit on a line goes to the next, and a speaking order too
//! long for its line counts the names before and after instead of showing them.
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::{
    app::{Model, clock::Now, rounds},
    i18n::{Texts, fill},
    session::{
        Round,
        countdown::{Remaining, minutes_seconds as mss},
    },
};

/// Who is next and how many come after them: "daarna: Fatima (1:00), dan nog 3"; for the last
/// speaker "de laatste". `turn`: the length of a turn, shown after the next name.
pub fn next_words(r: &Round, t: &Texts, turn: Option<std::time::Duration>) -> String {
    let Some(next) = r.next_speaker() else {
        return t.round_last.to_string();
    };
    let turn = turn.map(|d| format!(" ({})", mss(d))).unwrap_or_default();
    let after = r.order.len().saturating_sub(r.current + 2);
    let rest = if after > 0 {
        fill(t.round_then_more, [&after])
    } else {
        t.round_last.to_string()
    };
    format!("{}: {next}{turn}, {rest}", t.round_next)
}

/// A piece of a line that is never split: its spans, and whether a " · " goes before it when
/// it does not start the line.
struct Piece(Vec<Span<'static>>, bool);

impl Piece {
    fn width(&self) -> usize {
        self.0.iter().map(|s| s.content.width()).sum()
    }
}

/// The pieces on as few lines of `width` as they go, each whole.
fn pack(pieces: Vec<Piece>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    const SEP: &str = " · ";
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for p in pieces {
        let sep = if line.is_empty() || !p.1 {
            0
        } else {
            SEP.width()
        };
        if !line.is_empty() && used + sep + p.width() > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if !line.is_empty() && p.1 {
            line.push(Span::styled(SEP, theme.dim));
            used += SEP.width();
        }
        used += p.width();
        line.extend(p.0);
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// The speaking order, with who has spoken (✓), who passed, and who speaks now: whole when it
/// fits on one line; else those before the speaker counted, and the last names counted too.
fn order_line(r: &Round, t: &Texts, theme: &Theme, width: usize) -> Line<'static> {
    let head = Span::styled(format!("{}: ", t.round_turns), theme.dim);
    let name = |i: usize, n: &str| {
        if i < r.current {
            let mark = if r.passed.iter().any(|p| p == n) {
                format!("{n} ({})", t.round_passed)
            } else {
                format!("{n} ✓")
            };
            Span::styled(mark, theme.done)
        } else if i == r.current {
            Span::styled(format!(" {n} "), theme.current)
        } else {
            Span::styled(n.to_string(), theme.base)
        }
    };
    let join = |spans: Vec<Span<'static>>| {
        let mut out = vec![head.clone()];
        for (i, s) in spans.into_iter().enumerate() {
            if i > 0 {
                out.push(Span::styled(" · ", theme.dim));
            }
            out.push(s);
        }
        Line::from(out)
    };
    let all: Vec<Span> = r
        .order
        .iter()
        .enumerate()
        .map(|(i, n)| name(i, n))
        .collect();
    let full = join(all);
    if full.width() <= width {
        return full;
    }
    // Short: the ones before counted, the speaker and as many after as fit, the rest counted.
    let mut shown: Vec<Span> = Vec::new();
    if r.current > 0 {
        shown.push(Span::styled(
            fill(t.round_done_count, [&r.current.min(r.order.len())]),
            theme.done,
        ));
    }
    let upcoming: Vec<usize> = (r.current..r.order.len()).collect();
    for take in (1..=upcoming.len()).rev() {
        let mut spans = shown.clone();
        spans.extend(upcoming[..take].iter().map(|&i| name(i, &r.order[i])));
        let rest = upcoming.len() - take;
        if rest > 0 {
            spans.push(Span::styled(fill(t.round_more_count, [&rest]), theme.dim));
        }
        let line = join(spans);
        if line.width() <= width || take == 1 {
            return line;
        }
    }
    join(shown)
}

/// The lines a round or phased prompt shows under its question (none for an ordinary one),
/// in `width` columns: who speaks now (and whether their time is up), who is next and how many
/// are still to come, then the order; and the phase.
pub fn lines(m: &Model, theme: &Theme, now: Now, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    let t = m.texts();
    if let (Some(step), Some(r)) = (m.current(), rounds::round(m)) {
        match (r.speaker(), m.turn_remaining(now.mono)) {
            (Some(name), Some(left)) => {
                let style = theme.countdown(left, theme.heading);
                let mut pieces = vec![Piece(
                    vec![
                        Span::styled(format!("▶ {}: {name} ", t.round_now), theme.heading),
                        Span::styled(countdown(left), style),
                    ],
                    false,
                )];
                if left.is_over() {
                    pieces.push(Piece(
                        vec![Span::styled(t.round_time_up.to_string(), style)],
                        true,
                    ));
                }
                let turn = std::time::Duration::from_secs(r.turn_seconds(step.planned_seconds));
                pieces.push(Piece(
                    vec![Span::styled(next_words(r, t, Some(turn)), theme.base)],
                    true,
                ));
                out.extend(pack(pieces, width, theme));
                out.push(order_line(r, t, theme, width));
            }
            _ => out.push(Line::styled(t.round_open, theme.heading)),
        }
    }
    if let (Some(step), Some((i, left))) = (m.current(), m.phase_remaining(now.mono)) {
        let p = &step.phases[i];
        let style = theme.countdown(left, theme.heading);
        let mut pieces = vec![Piece(
            vec![
                Span::styled(
                    format!(
                        "{}: {} ",
                        fill(t.phase_of, [&(i + 1), &step.phases.len()]),
                        p.label
                    ),
                    theme.heading,
                ),
                Span::styled(countdown(left), style),
            ],
            false,
        )];
        if let Some(next) = step.phases.get(i + 1) {
            pieces.push(Piece(
                vec![Span::styled(
                    format!(
                        "{}: {} ({} {})",
                        t.round_next, next.label, next.minutes, t.minutes_short
                    ),
                    theme.base,
                )],
                true,
            ));
        }
        out.extend(pack(pieces, width, theme));
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
