//! Actions on the screen: the form (Ctrl+A), the list (Ctrl+L), the earlier meetings' actions
//! on the opening, and the table on the summary.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap},
};

use super::{Theme, parts::wrap_lines};
use crate::{
    actions::{self, folder::Found},
    app::{
        Model,
        clock::Now,
        keys::{self, Where},
    },
    session::Action,
};
use chrono::NaiveDate;

/// What, who, when: three one-line fields, the one being typed in marked.
pub fn form(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(f) = &m.actions.form else { return };
    let w = m.texts().actions;
    let width = area.width.saturating_sub(4).min(76);
    let rect = super::parts::popup(frame, area, width, 10);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_active)
        .title(Span::styled(format!(" {} ", w.form_title), theme.heading))
        .style(theme.base);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .split(inner);
    let labels = [w.form_what, w.form_who, w.form_when];
    let label_w = labels.iter().map(|l| l.chars().count()).max().unwrap_or(4) as u16 + 4;
    for (i, label) in labels.iter().enumerate() {
        let [l, field] =
            Layout::horizontal([Constraint::Length(label_w), Constraint::Min(0)]).areas(rows[i]);
        let (mark, style) = if i == f.focus {
            ("▸ ", theme.heading)
        } else {
            ("  ", theme.dim)
        };
        frame.render_widget(Paragraph::new(format!("{mark}{label}:")).style(style), l);
        frame.render_widget(&f.fields[i], field);
    }
    let note = match &f.problem {
        Some(p) => Line::styled(p.clone(), theme.error),
        None => Line::styled(format!("{}: {}", w.form_when, w.form_when_hint), theme.dim),
    };
    frame.render_widget(Paragraph::new(note).wrap(Wrap { trim: true }), rows[4]);
    let keys = keys::dialog_keys(Where::ActionForm, m.lang);
    frame.render_widget(Paragraph::new(Line::styled(keys, theme.heading)), rows[6]);
}

/// This session's actions, then the open ones of earlier meetings; the chosen one marked,
/// the overdue ones marked too.
pub fn list(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let today = now.wall.date_naive();
    let w = m.texts().actions;
    let own = &m.session.actions;
    let earlier = &m.actions.earlier;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    if own.is_empty() {
        lines.push(Line::styled(w.list_empty, theme.dim));
    }
    for (i, a) in own.iter().enumerate() {
        if i == m.actions.selected {
            selected_line = lines.len();
        }
        lines.push(row(m, theme, a, None, i == m.actions.selected, today));
    }
    if !earlier.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(w.earlier, theme.accent));
        for (j, f) in earlier.iter().enumerate() {
            let i = own.len() + j;
            if i == m.actions.selected {
                selected_line = lines.len();
            }
            lines.push(row(
                m,
                theme,
                &f.action,
                Some(f),
                i == m.actions.selected,
                today,
            ));
        }
    }
    let width = area.width.saturating_sub(4).min(100);
    // The rows, the borders and three lines of keys.
    let height = (lines.len() as u16 + 5)
        .min(area.height.saturating_sub(2))
        .max(8);
    let rect = super::parts::popup(frame, area, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_active)
        .title(Span::styled(format!(" {} ", w.list_title), theme.heading))
        .style(theme.base);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [body, bar] = Layout::vertical([Constraint::Min(0), Constraint::Length(3)]).areas(inner);
    // Keep the chosen row in sight.
    let scroll = (selected_line as u16).saturating_sub(body.height.saturating_sub(1));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), body);
    let words = keys::dialog_keys(Where::ActionList, m.lang);
    frame.render_widget(
        Paragraph::new(Line::styled(words, theme.heading)).wrap(Wrap { trim: true }),
        bar,
    );
}

fn row<'a>(
    m: &Model,
    theme: &Theme,
    a: &Action,
    earlier: Option<&Found>,
    selected: bool,
    today: NaiveDate,
) -> Line<'a> {
    let mark = if a.done { "[x]" } else { "[ ]" };
    let (line, late) = actions::summary_line_on(a, today, m.lang);
    let mut text = format!("{mark} {line}");
    if let Some(f) = earlier {
        text.push_str(&format!(
            "  ({})",
            actions::date_label(f.started_at.date_naive(), m.lang)
        ));
    }
    let style = if selected {
        theme.current
    } else if a.done {
        theme.dim
    } else if late {
        theme.late
    } else {
        theme.base
    };
    Line::styled(text, style)
}

/// "Vorige keer afgesproken" and the earlier meetings' open actions, for the opening; the
/// overdue ones marked in a word and a colour.
pub fn earlier_lines(m: &Model, theme: &Theme, now: Now, width: u16) -> Vec<Line<'static>> {
    let today = now.wall.date_naive();
    let earlier = &m.actions.earlier;
    if earlier.is_empty() {
        return Vec::new();
    }
    let w = m.texts().actions;
    let mut lines = vec![Line::styled(w.earlier, theme.heading)];
    for f in earlier {
        let mark = if f.action.done { "[x]" } else { "[ ]" };
        let (line, late) = actions::summary_line_on(&f.action, today, m.lang);
        let text = format!("{mark} {line}");
        let style = match (f.action.done, late) {
            (true, _) => theme.dim,
            (false, true) => theme.late,
            (false, false) => theme.base,
        };
        for (n, l) in wrap_lines(&text, width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let l = if n == 0 { l } else { format!("    {l}") };
            lines.push(Line::styled(l, style));
        }
    }
    lines.push(Line::styled(w.earlier_keys, theme.dim));
    lines.push(Line::default());
    lines
}

/// The actions of this session as a table (what · who · when · done), for the summary.
pub fn summary_table(m: &Model, theme: &Theme) -> Option<(Table<'static>, u16)> {
    let own = &m.session.actions;
    if own.is_empty() {
        return None;
    }
    let w = m.texts().actions;
    let header = Row::new(w.columns.iter().map(|c| Cell::from(*c))).style(theme.accent);
    let rows: Vec<Row> = own
        .iter()
        .map(|a| {
            Row::new(vec![
                Cell::from(a.text.split_whitespace().collect::<Vec<_>>().join(" ")),
                Cell::from(a.owner.clone().unwrap_or_default()),
                Cell::from(actions::due_label(a, m.lang)),
                Cell::from(if a.done { w.yes } else { w.no }),
            ])
        })
        .collect();
    let height = rows.len() as u16 + 2;
    // Who, when and done as wide as what they hold (up to a limit); what gets the rest.
    let widest = |i: usize, cells: &dyn Fn(&Action) -> String| {
        own.iter()
            .map(|a| cells(a).chars().count())
            .chain([w.columns[i].chars().count()])
            .max()
            .unwrap_or(0)
            .min(24) as u16
    };
    let who = widest(1, &|a| a.owner.clone().unwrap_or_default());
    let when = widest(2, &|a| actions::due_label(a, m.lang));
    let done = widest(3, &|a| if a.done { w.yes } else { w.no }.to_string());
    let table = Table::new(
        rows,
        [
            Constraint::Min(16),
            Constraint::Length(who),
            Constraint::Length(when),
            Constraint::Length(done),
        ],
    )
    .column_spacing(2)
    .header(header)
    .style(theme.base);
    Some((table, height))
}
