//! `voer actions`: the actions of every session in the folder, per group, earliest date
//! first, overdue ones marked, each with its id, and after them the group's questions for the
//! organisation, asked or answered (with the answer); `voer actions done ID` marks one done.
use std::{collections::HashMap, path::Path, process::ExitCode};

use chrono::NaiveDate;

use super::{Context, UserError, print};
use crate::{
    actions::{self, folder, questions},
    cli::{ActionsArgs, ActionsCommand},
    i18n::{self, fill},
    lang::Lang,
    session::slug,
};

/// `voer actions [--group G] [--open]`, or `voer actions done ID`.
pub fn exec(cx: &Context, args: &ActionsArgs) -> Result<ExitCode, UserError> {
    let dir = &cx.sessions_dir;
    let out = match &args.command {
        Some(ActionsCommand::Done { id }) => format!("{}\n", done(dir, id, cx.lang)?),
        None => render(
            dir,
            args.group.as_deref(),
            args.open,
            chrono::Local::now().date_naive(),
            cx.lang,
        )?,
    };
    print(&out);
    Ok(ExitCode::SUCCESS)
}

/// The list, as printed. `today` decides what is overdue.
pub fn render(
    dir: &Path,
    group: Option<&str>,
    open_only: bool,
    today: NaiveDate,
    lang: Lang,
) -> Result<String, UserError> {
    let w = i18n::texts(lang).actions;
    let t = i18n::texts(lang);
    let scan = folder::scan(dir)?;
    let want = group.map(slug);
    // Open: an action not done, a question without its answer.
    let is_open = |a: &crate::session::Action| {
        if a.is_question() {
            !a.is_answered()
        } else {
            !a.done
        }
    };
    // Each action with its group's key, made once: a folder holds thousands.
    let mut found: Vec<(String, folder::Found)> = scan
        .found
        .into_iter()
        .filter(|f| !open_only || is_open(&f.action))
        .map(|f| (f.group_slug(), f))
        .filter(|(key, _)| want.as_ref().is_none_or(|g| key == g))
        .collect();
    let mut out = String::new();
    if found.is_empty() {
        out.push_str(&match group {
            Some(g) => fill(w.none_for_group, [&g, &dir.display()]),
            None => fill(w.none_in, [&dir.display()]),
        });
        out.push('\n');
    } else {
        out.push_str(&fill(w.list_in, [&dir.display()]));
        out.push('\n');
    }
    // Per group (by slug), named as its newest session names it, in alphabetical order.
    found.sort_by_key(|(_, f)| std::cmp::Reverse(f.started_at));
    let mut names: HashMap<&str, String> = HashMap::new();
    for (key, f) in &found {
        names.entry(key).or_insert_with(|| match f.group.trim() {
            "" => t.export_unnamed_group.to_string(),
            g => g.to_string(),
        });
    }
    let mut groups: Vec<(&str, String)> = names.into_iter().collect();
    groups.sort_by_key(|(key, name)| (name.to_lowercase(), *key));
    // Earliest date first; without a date after those, in the order they were agreed.
    let mut per_group: HashMap<&str, Vec<&folder::Found>> = HashMap::new();
    for (key, f) in &found {
        per_group.entry(key).or_default().push(f);
    }
    for (key, name) in &groups {
        out.push('\n');
        out.push_str(&crate::printable::one_line(name));
        out.push('\n');
        let mut mine = per_group.remove(key).unwrap_or_default();
        mine.sort_by(|a, b| {
            let due = |f: &folder::Found| (f.action.due.is_none(), f.action.due);
            due(a)
                .cmp(&due(b))
                .then(a.action.created_at.cmp(&b.action.created_at))
        });
        // The questions for the organisation have a table of their own, after the actions.
        let (questions, actions): (Vec<&folder::Found>, Vec<&folder::Found>) =
            mine.into_iter().partition(|f| f.action.is_question());
        push_actions(&mut out, &actions, today, lang);
        if !questions.is_empty() {
            if !actions.is_empty() {
                out.push('\n');
            }
            push_questions(&mut out, &questions, today, lang);
        }
    }
    if !scan.unreadable.is_empty() {
        out.push('\n');
    }
    for e in &scan.unreadable {
        let file = e
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push_str(&format!("{}: {file}: {}\n", w.unreadable, e.detail(lang)));
    }
    Ok(out)
}

/// One group's actions as a table, indented under its name.
fn push_actions(out: &mut String, found: &[&folder::Found], today: NaiveDate, lang: Lang) {
    if found.is_empty() {
        return;
    }
    let w = i18n::texts(lang).actions;
    let mut rows = vec![vec![
        w.col_id.to_string(),
        w.columns[0].to_string(),
        w.columns[1].to_string(),
        w.columns[2].to_string(),
        w.col_state.to_string(),
        w.col_agreed.to_string(),
    ]];
    for f in found {
        let a = &f.action;
        let state = if a.done {
            w.state_done
        } else if actions::is_overdue(a, today) {
            w.state_overdue
        } else {
            w.state_open
        };
        rows.push(vec![
            a.id.clone(),
            one_line(&a.text),
            a.owner.clone().unwrap_or_default(),
            actions::due_label(a, lang),
            state.to_string(),
            met(f, lang),
        ]);
    }
    push_table(out, &rows, &[]);
}

/// A table indented under its group's name; `under[i]`, when there is one, on a line of its own
/// under row `i` (counting the head as row 0).
fn push_table(out: &mut String, rows: &[Vec<String>], under: &[Option<String>]) {
    for (i, line) in super::table(rows).lines().enumerate() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
        if let Some(Some(extra)) = i.checked_sub(1).and_then(|r| under.get(r)) {
            out.push_str(&format!(
                "          ↳ {}\n",
                crate::printable::one_line(extra)
            ));
        }
    }
}

/// One group's questions for the organisation: asked (overdue when the date for the answer has
/// passed) or answered, the answer on a line of its own under its question.
fn push_questions(out: &mut String, found: &[&folder::Found], today: NaiveDate, lang: Lang) {
    let w = i18n::texts(lang).actions;
    let q = i18n::texts(lang).series;
    out.push_str(&format!("  {}\n", q.heading));
    let mut rows = vec![vec![
        w.col_id.to_string(),
        q.columns[0].to_string(),
        q.columns[1].to_string(),
        q.columns[2].to_string(),
        w.col_state.to_string(),
        q.col_asked.to_string(),
    ]];
    // The answers, by the row of the table they go under.
    let mut answers = Vec::new();
    for f in found {
        let a = &f.action;
        let state = if !a.is_answered() && actions::is_overdue(a, today) {
            w.state_overdue
        } else {
            questions::state(a, lang)
        };
        rows.push(vec![
            a.id.clone(),
            one_line(&a.text),
            questions::to_label(a, lang),
            actions::due_label(a, lang),
            state.to_string(),
            met(f, lang),
        ]);
        let answer = a.answer.as_deref().filter(|_| a.is_answered());
        answers.push(answer.map(|text| {
            let on = a
                .answered_at
                .map(|at| actions::date_label(at.date_naive(), lang))
                .unwrap_or_default();
            fill(q.answer_line, [&on, &one_line(text)])
        }));
    }
    push_table(out, &rows, &answers);
}

/// `voer actions done ID`: the message to print once it is marked.
pub fn done(dir: &Path, id: &str, lang: Lang) -> Result<String, UserError> {
    let w = i18n::texts(lang).actions;
    let t = i18n::texts(lang);
    let found = folder::find(dir, id)?;
    // A question is not done: it gets its answer at the organisation's meeting.
    if found.action.is_question() {
        return Err(UserError::DoneOnQuestion {
            id: found.action.id,
        });
    }
    let (action, changed) = folder::set_done(&found.path, &found.action.id, true)?;
    let group = match found.group.trim() {
        "" => t.export_unnamed_group.to_string(),
        g => g.to_string(),
    };
    Ok(if changed {
        fill(w.marked_done, [&action.id, &one_line(&action.text), &group])
    } else {
        fill(w.already_done, [&action.id, &one_line(&action.text)])
    })
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The day of the meeting an action was agreed at, and in a meeting of several the episode:
/// "20 nov 2026, afl. 4".
fn met(f: &folder::Found, lang: Lang) -> String {
    let day = actions::date_label(f.started_at.date_naive(), lang);
    match f.episode {
        Some(n) => fill(i18n::texts(lang).series.met_at_episode, [&day, &n]),
        None => day,
    }
}
