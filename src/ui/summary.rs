//! After the closing step: planned against actual time, notes per step, where the file is.
use std::time::Duration;

use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    text::Line,
    widgets::{Cell, Paragraph, Row, Table, Wrap},
};

use super::Theme;
use crate::{
    app::{Model, clock::Now},
    session::{countdown::minutes_seconds, step_name},
};

pub fn draw(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let steps = &m.session.steps;
    let mut rows = Vec::new();
    // When the plan was changed (re-planned to end on time, or a minute more or less), the
    // episode's own plan stands beside it.
    let replanned = steps
        .iter()
        .any(|s| s.kind.is_timed() && s.episode_seconds != s.planned_seconds);
    let mut episode_total = 0u64;
    let (mut planned_total, mut actual_total, mut lines_total) = (0u64, Duration::ZERO, 0usize);
    for (i, s) in steps.iter().enumerate() {
        // Whole seconds per step, so the total is the sum of what the rows show.
        let actual = Duration::from_secs(m.elapsed(i, now.mono).as_secs());
        // The group's lines, also while the private notes are open.
        let lines = m
            .notes_text(i)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        planned_total = planned_total.saturating_add(s.planned_seconds);
        episode_total = episode_total.saturating_add(s.episode_seconds);
        actual_total = actual_total.saturating_add(actual);
        lines_total += lines;
        let planned = if s.is_planned() {
            minutes_seconds(Duration::from_secs(s.planned_seconds))
        } else {
            "–".into()
        };
        let own = if s.is_planned() {
            minutes_seconds(Duration::from_secs(s.episode_seconds))
        } else {
            "–".into()
        };
        let mut cells = vec![Cell::from(step_name(&m.session, i, t))];
        if replanned {
            cells.push(Cell::from(own));
        }
        cells.extend([
            Cell::from(planned),
            Cell::from(minutes_seconds(actual)),
            Cell::from(lines.to_string()),
        ]);
        rows.push(Row::new(cells));
    }
    let mut total = vec![Cell::from(t.total)];
    if replanned {
        total.push(Cell::from(minutes_seconds(Duration::from_secs(
            episode_total,
        ))));
    }
    total.extend([
        Cell::from(minutes_seconds(Duration::from_secs(planned_total))),
        Cell::from(minutes_seconds(actual_total)),
        Cell::from(lines_total.to_string()),
    ]);
    rows.push(Row::new(total).style(theme.heading));
    let header = if replanned {
        Row::new(vec!["", t.planned, t.col_replanned, t.actual, t.lines])
    } else {
        Row::new(vec!["", t.planned, t.actual, t.lines])
    }
    .style(theme.accent);
    let table_height = rows.len() as u16 + 1;
    // The actions, and the questions for the organisation, each a table under its heading.
    let tables: Vec<(&str, Table, u16)> = [
        super::actions::summary_table(m, theme, area.width)
            .map(|(t, h)| (m.texts().actions.heading, t, h)),
        super::actions::questions_table(m, theme, area.width)
            .map(|(t, h)| (m.texts().series.heading, t, h)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut constraints = vec![Constraint::Length(2), Constraint::Length(table_height)];
    constraints.extend(tables.iter().map(|(_, _, h)| Constraint::Length(*h)));
    constraints.push(Constraint::Min(0));
    let areas = Layout::vertical(constraints).spacing(1).split(area);
    let (title, table_area, foot) = (areas[0], areas[1], areas[areas.len() - 1]);
    for ((heading, table, _), at) in tables.into_iter().zip(areas[2..].iter()) {
        let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(*at);
        frame.render_widget(Paragraph::new(Line::styled(heading, theme.heading)), head);
        frame.render_widget(table, body);
    }
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(t.step_summary, theme.heading),
            Line::styled(
                t.session_finished_for(m.session.session.audience),
                theme.base,
            ),
        ])
        .style(theme.base),
        title,
    );
    // One column more: narrower ones, so that it fits beside the agenda at 80 columns.
    let widths: Vec<u16> = if replanned {
        vec![12, 9, 11, 9, 6]
    } else {
        vec![16, 10, 10, 8]
    };
    let widths = widths.into_iter().map(Constraint::Length);
    let table = Table::new(rows, widths).header(header).style(theme.base);
    frame.render_widget(table, table_area);
    let foot_lines = vec![
        Line::styled(format!("{}:", t.saved_to), theme.dim),
        Line::styled(m.path.display().to_string(), theme.base),
    ];
    frame.render_widget(
        Paragraph::new(foot_lines)
            .wrap(Wrap { trim: false })
            .style(theme.base),
        foot,
    );
}
