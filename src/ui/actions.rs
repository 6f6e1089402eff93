//! Actions on the screen: the form (Ctrl+A), the list (Ctrl+L), the earlier meetings' actions
//! on the opening, and the table on the summary.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Rect},
    text::{Line, Span},
    widgets::{Block, Borders, Cell, Paragraph, Row, Table, Wrap},
};

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::{Theme, parts::wrap_lines};
use crate::{
    actions::{self, folder::Found},
    app::{
        Model,
        actions::Form,
        clock::Now,
        keys::{self, Where},
    },
    i18n::fill,
    session::{Action, ActionKind},
};

/// The kind (an action, or a question for the organisation), then what, who, when: one-line
/// fields, the one being typed in marked. Answering a council's question: the question, and the
/// answer's one field.
pub fn form(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(f) = &m.actions.form else { return };
    if let Some(q) = &f.answering {
        return answer_form(m, f, q, theme, frame, area);
    }
    let w = m.texts().actions;
    let q = m.texts().series;
    let question = f.kind == ActionKind::Question;
    let width = area.width.saturating_sub(4).min(76);
    let title = if question {
        q.form_title_question
    } else {
        w.form_title
    };
    // The keys on one line where they fit, else on two (they are longer in English).
    let keys = keys::dialog_keys(Where::ActionForm, m.lang);
    let key_lines = if keys.width() > usize::from(width.saturating_sub(2)) {
        2
    } else {
        1
    };
    let inner = framed(frame, area, (width, 10 + key_lines), title, theme);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(key_lines),
    ])
    .split(inner);
    let labels = if question {
        [q.form_question, q.form_to, q.form_by]
    } else {
        [w.form_what, w.form_who, w.form_when]
    };
    let label_w = labels
        .iter()
        .chain([&q.form_kind, &w.form_what, &w.form_who, &w.form_when])
        .chain([&q.form_question, &q.form_to, &q.form_by])
        .map(|l| l.width())
        .max()
        .unwrap_or(4) as u16
        + 4;
    let mark = |focused: bool| {
        if focused {
            ("▸ ", theme.heading)
        } else {
            ("  ", theme.dim)
        }
    };
    // The choice: both kinds, the chosen one marked, so that it reads without colour too.
    let [l, choice] =
        Layout::horizontal([Constraint::Length(label_w), Constraint::Min(0)]).areas(rows[0]);
    let (m0, style) = mark(f.focus == Form::KIND);
    frame.render_widget(
        Paragraph::new(format!("{m0}{}:", q.form_kind)).style(style),
        l,
    );
    let option = |on: bool, word: &str| {
        let text = format!("{} {word}", if on { "(•)" } else { "( )" });
        Span::styled(text, if on { theme.heading } else { theme.dim })
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            option(!question, q.kind_action),
            Span::raw("   "),
            option(question, q.kind_question),
        ])),
        choice,
    );
    for (i, label) in labels.iter().enumerate() {
        let [l, field] = Layout::horizontal([Constraint::Length(label_w), Constraint::Min(0)])
            .areas(rows[i + 1]);
        let (mk, style) = mark(i == f.focus);
        frame.render_widget(Paragraph::new(format!("{mk}{label}:")).style(style), l);
        frame.render_widget(&f.fields[i], field);
    }
    let note = match &f.problem {
        Some(p) => Line::styled(p.clone(), theme.error),
        None if f.focus == Form::KIND => Line::styled(q.form_kind_hint, theme.dim),
        None if question && f.focus == 1 => {
            Line::styled(fill(q.form_to_hint, [&q.to_board]), theme.dim)
        }
        None => Line::styled(format!("{}: {}", labels[2], w.form_when_hint), theme.dim),
    };
    frame.render_widget(Paragraph::new(note).wrap(Wrap { trim: true }), rows[5]);
    frame.render_widget(
        Paragraph::new(Line::styled(keys, theme.heading)).wrap(Wrap { trim: true }),
        rows[7],
    );
}

/// A popup of `width`×`height` over `area`, framed and titled; returns the room inside.
fn framed(
    frame: &mut Frame,
    area: Rect,
    (width, height): (u16, u16),
    title: &str,
    theme: &Theme,
) -> Rect {
    let rect = super::parts::popup(frame, area, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_active)
        .title(Span::styled(format!(" {title} "), theme.heading))
        .style(theme.base);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// The answer to a council's question: the question as the council put it, and one field.
fn answer_form(m: &Model, f: &Form, q: &Found, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = m.texts().series;
    let width = area.width.saturating_sub(4).min(76);
    let inner_w = width.saturating_sub(2);
    let asked = wrap_lines(&actions::summary_line(&q.action, m.lang), inner_w);
    let keys = wrap_lines(&keys::dialog_keys(Where::ActionForm, m.lang), inner_w);
    let height = (asked.len() as u16 + keys.len() as u16 + 5).min(area.height.saturating_sub(2));
    let inner = framed(frame, area, (width, height), s.answer_title, theme);
    let [question, _, answer, _, keys_area] = Layout::vertical([
        Constraint::Length(asked.len() as u16),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(keys.len() as u16),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(
            asked
                .into_iter()
                .map(|l| Line::styled(l, theme.base))
                .collect::<Vec<_>>(),
        ),
        question,
    );
    let label = format!("▸ {}: ", s.answer_field);
    let [l, field] =
        Layout::horizontal([Constraint::Length(label.width() as u16), Constraint::Min(0)])
            .areas(answer);
    frame.render_widget(Paragraph::new(label).style(theme.heading), l);
    frame.render_widget(&f.fields[0], field);
    let keys: Vec<Line> = keys
        .into_iter()
        .map(|l| Line::styled(l, theme.heading))
        .collect();
    frame.render_widget(Paragraph::new(keys), keys_area);
}

/// This session's actions, then the open ones of earlier meetings; the chosen one marked,
/// the overdue ones marked too.
pub fn list(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let today = now.wall.date_naive();
    let w = m.texts().actions;
    let own = &m.session.actions;
    let earlier = &m.actions.earlier;
    let width = area.width.saturating_sub(4).min(100);
    // Each row whole, on as many lines as it takes inside the frame.
    let inner_w = width.saturating_sub(2);
    let mut lines: Vec<Line> = Vec::new();
    // The last line of the chosen row: kept in sight.
    let mut selected_line = 0;
    if own.is_empty() {
        lines.push(Line::styled(w.list_empty, theme.dim));
    }
    for (i, a) in own.iter().enumerate() {
        let chosen = i == m.actions.selected;
        lines.extend(row(m, theme, a, None, chosen, today, inner_w));
        if chosen {
            selected_line = lines.len() - 1;
        }
    }
    if !earlier.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(w.earlier, theme.accent));
        for (j, f) in earlier.iter().enumerate() {
            let chosen = own.len() + j == m.actions.selected;
            lines.extend(row(m, theme, &f.action, Some(f), chosen, today, inner_w));
            if chosen {
                selected_line = lines.len() - 1;
            }
        }
    }
    // A council's questions (`--questions-from`): Enter records the answer.
    if let Some(c) = &m.actions.council {
        let s = m.texts().series;
        lines.push(Line::default());
        lines.push(Line::styled(
            fill(s.council_heading, [&c.group]),
            theme.accent,
        ));
        for (j, f) in c.questions.iter().enumerate() {
            let i = own.len() + earlier.len() + j;
            let chosen = i == m.actions.selected;
            lines.extend(row(m, theme, &f.action, Some(f), chosen, today, inner_w));
            if let Some(answer) = f.action.answer.as_deref().filter(|a| !a.trim().is_empty()) {
                let style = if chosen { theme.current } else { theme.dim };
                let answer = fill(s.answered, [&answer]);
                let opts = textwrap::Options::new(usize::from(inner_w.max(8)))
                    .initial_indent("    ↳ ")
                    .subsequent_indent("      ");
                for l in textwrap::wrap(&answer, opts) {
                    lines.push(Line::styled(l.into_owned(), style));
                }
            }
            if chosen {
                selected_line = lines.len() - 1;
            }
        }
    }
    // The rows, the borders and three lines of keys.
    let height = (lines.len() as u16 + 5)
        .min(area.height.saturating_sub(2))
        .max(8);
    let title = if own.iter().any(Action::is_question) {
        m.texts().series.list_title
    } else {
        w.list_title
    };
    let inner = framed(frame, area, (width, height), title, theme);
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

/// One action or question of the list, wrapped to `width` (the lines after the first indented
/// under its text).
fn row<'a>(
    m: &Model,
    theme: &Theme,
    a: &Action,
    earlier: Option<&Found>,
    selected: bool,
    today: NaiveDate,
    width: u16,
) -> Vec<Line<'a>> {
    let (line, late) = actions::summary_line_on(a, today, m.lang);
    let mut text = format!("{} {line}", mark(a));
    if let Some(f) = earlier {
        text.push_str(&format!(
            "  ({})",
            actions::date_label(f.started_at.date_naive(), m.lang)
        ));
    }
    let style = if selected {
        theme.current
    } else if a.done || a.is_answered() {
        theme.dim
    } else if late {
        theme.late
    } else {
        theme.base
    };
    let opts = textwrap::Options::new(usize::from(width.max(8))).subsequent_indent("    ");
    textwrap::wrap(&text, opts)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect()
}

/// How a row starts: an action done or open, a question answered or waiting for its answer.
fn mark(a: &Action) -> &'static str {
    match (a.is_question(), a.is_answered(), a.done) {
        (true, true, _) => "[✓]",
        (true, false, _) => "[?]",
        (false, _, true) => "[x]",
        (false, _, false) => "[ ]",
    }
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

/// With `--questions-from`, for the opening: the council's questions, each answered or not,
/// and how to record an answer.
pub fn council_lines(m: &Model, theme: &Theme, now: Now, width: u16) -> Vec<Line<'static>> {
    let Some(c) = &m.actions.council else {
        return Vec::new();
    };
    let s = m.texts().series;
    let today = now.wall.date_naive();
    let mut lines = vec![Line::styled(
        fill(s.council_heading, [&c.group]),
        theme.heading,
    )];
    if c.questions.is_empty() {
        lines.push(Line::styled(fill(s.council_none, [&c.group]), theme.dim));
    }
    for f in &c.questions {
        let (line, late) = actions::summary_line_on(&f.action, today, m.lang);
        let style = match (f.action.is_answered(), late) {
            (true, _) => theme.dim,
            (false, true) => theme.late,
            (false, false) => theme.base,
        };
        let mut text = format!("{} {line}", mark(&f.action));
        if let Some(answer) = f.action.answer.as_deref().filter(|a| !a.trim().is_empty()) {
            text.push_str(&format!(" — {}", fill(s.answered, [&answer])));
        }
        for (n, l) in wrap_lines(&text, width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let l = if n == 0 { l } else { format!("    {l}") };
            lines.push(Line::styled(l, style));
        }
    }
    if !c.questions.is_empty() {
        lines.push(Line::styled(s.council_keys, theme.dim));
    }
    lines.push(Line::default());
    lines
}

/// The actions of this session as a table (what · who · when · done), for the summary; the
/// questions for the organisation have a table of their own ([`questions_table`]).
pub fn summary_table(m: &Model, theme: &Theme, width: u16) -> Option<(Table<'static>, u16)> {
    let w = m.texts().actions;
    let rows: Vec<Vec<String>> = m
        .session
        .actions
        .iter()
        .filter(|a| !a.is_question())
        .map(|a| {
            vec![
                one_line(&a.text),
                a.owner.clone().unwrap_or_default(),
                actions::due_label(a, m.lang),
                if a.done { w.yes } else { w.no }.to_string(),
            ]
        })
        .collect();
    items_table(&w.columns, rows, theme, width)
}

/// This session's questions for the organisation as a table (question · to · answer by), for
/// the summary.
pub fn questions_table(m: &Model, theme: &Theme, width: u16) -> Option<(Table<'static>, u16)> {
    let s = m.texts().series;
    let rows: Vec<Vec<String>> = m
        .session
        .actions
        .iter()
        .filter(|a| a.is_question())
        .map(|a| {
            vec![
                one_line(&a.text),
                actions::questions::to_label(a, m.lang),
                actions::due_label(a, m.lang),
            ]
        })
        .collect();
    items_table(&s.columns[..3], rows, theme, width)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table of the summary in `width` columns, and its height; none without rows. The columns
/// after the first as wide as what they hold (up to a limit); the first gets the rest, and a
/// text longer than that ends in an ellipsis.
fn items_table(
    head: &[&'static str],
    rows: Vec<Vec<String>>,
    theme: &Theme,
    width: u16,
) -> Option<(Table<'static>, u16)> {
    const SPACING: u16 = 2;
    if rows.is_empty() {
        return None;
    }
    let widths: Vec<u16> = (1..head.len())
        .map(|i| {
            rows.iter()
                .map(|r| r.get(i).map_or(0, |c| c.width()))
                .chain([head[i].width()])
                .max()
                .unwrap_or(0)
                .min(24) as u16
        })
        .collect();
    let rest = widths.iter().sum::<u16>() + SPACING * widths.len() as u16;
    let first = width.saturating_sub(rest).max(16);
    let height = rows.len() as u16 + 2;
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|mut r| {
            if let Some(what) = r.first_mut() {
                *what = super::agenda::truncate(what, usize::from(first));
            }
            Row::new(r.into_iter().map(Cell::from))
        })
        .collect();
    let constraints: Vec<Constraint> = std::iter::once(Constraint::Min(16))
        .chain(widths.into_iter().map(Constraint::Length))
        .collect();
    let header = Row::new(head.iter().map(|c| Cell::from(*c))).style(theme.accent);
    let table = Table::new(rows, constraints)
        .column_spacing(SPACING)
        .header(header)
        .style(theme.base);
    Some((table, height))
}
