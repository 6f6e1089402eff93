//! Where we are: the header line and the agenda with the expected end time.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Paragraph},
};
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use crate::{
    app::{
        Model,
        clock::{Now, mss},
    },
    i18n::fill,
    session::StepKind,
};

/// The short name of a step in the agenda: "Opening", "Vraag 2", "Afsluiting".
pub fn step_label(m: &Model, index: usize) -> String {
    let t = m.texts();
    let steps = &m.session.steps;
    match steps.get(index).map(|s| s.kind) {
        Some(StepKind::Opening) => t.step_opening.to_string(),
        Some(StepKind::Quote) => t.step_quote.to_string(),
        Some(StepKind::Prompt) => {
            let n = steps[..=index]
                .iter()
                .filter(|s| s.kind == StepKind::Prompt)
                .count();
            format!("{} {n}", t.step_prompt)
        }
        Some(StepKind::Closing) => t.step_closing.to_string(),
        None => t.step_summary.to_string(),
    }
}

fn ends_at(m: &Model, now: Now) -> String {
    fill(m.texts().ends_at, &[&m.expected_end(now).format("%H:%M")])
}

/// One line: episode and audience on the left, step k of n and the end time on the right.
pub fn header(m: &Model, now: Now, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let info = &m.session.session;
    let mut left = format!(
        " {} · {} · {}",
        m.episode.number,
        m.episode.title,
        info.audience.name(m.lang)
    );
    if !info.group.is_empty() {
        left.push_str(&format!(" · {}", info.group));
    }
    let total = m.step_count() + 1;
    let right = format!(
        "{} · {} ",
        fill(t.step_of, &[&(m.step + 1), &total]),
        ends_at(m, now)
    );
    let room = usize::from(area.width).saturating_sub(right.width() + 1);
    let left = truncate(&left, room);
    let gap = usize::from(area.width).saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, m.theme.heading),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, m.theme.accent),
    ]);
    frame.render_widget(Paragraph::new(line).style(m.theme.base), area);
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
pub fn sidebar(m: &Model, now: Now, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(m.theme.border)
        .title(Span::styled(format!(" {} ", t.agenda), m.theme.heading));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [list, foot] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
    let width = usize::from(list.width);
    let mut lines = Vec::new();
    for i in 0..=m.step_count() {
        let label = step_label(m, i);
        let minutes = m
            .session
            .steps
            .get(i)
            .filter(|s| s.kind.is_timed())
            .map(|s| {
                if i < m.step {
                    mss(m.elapsed(i, now.mono))
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
            m.theme.current
        } else if i < m.step {
            m.theme.done
        } else {
            m.theme.base
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines).style(m.theme.base), list);
    let planned: u64 = m.session.steps.iter().map(|s| s.planned_seconds).sum();
    let foot_lines = vec![
        Line::styled(
            format!("{}: {} {}", t.total, planned / 60, t.minutes_short),
            m.theme.dim,
        ),
        Line::styled(ends_at(m, now), m.theme.accent),
    ];
    frame.render_widget(Paragraph::new(foot_lines).style(m.theme.base), foot);
}
