//! `voer actions`: the actions of every session in the folder, per group, earliest date
//! first, overdue ones marked, each with its id; `voer actions done ID` marks one done.
use std::{path::Path, process::ExitCode};

use chrono::NaiveDate;

use super::{Context, UserError, print};
use crate::{
    actions::{self, folder},
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
    let mut found: Vec<folder::Found> = scan
        .found
        .into_iter()
        .filter(|f| !(open_only && f.action.done))
        .filter(|f| want.as_ref().is_none_or(|g| f.group_slug() == *g))
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
    found.sort_by_key(|f| std::cmp::Reverse(f.started_at));
    let mut groups: Vec<(String, String)> = Vec::new();
    for f in &found {
        let key = f.group_slug();
        if !groups.iter().any(|(k, _)| *k == key) {
            let name = match f.group.trim() {
                "" => t.export_unnamed_group.to_string(),
                g => g.to_string(),
            };
            groups.push((key, name));
        }
    }
    groups.sort_by_key(|(_, name)| name.to_lowercase());
    // Earliest date first; without a date after those, in the order they were agreed.
    found.sort_by(|a, b| {
        let due = |f: &folder::Found| (f.action.due.is_none(), f.action.due);
        due(a)
            .cmp(&due(b))
            .then(a.action.created_at.cmp(&b.action.created_at))
    });
    for (key, name) in &groups {
        out.push('\n');
        out.push_str(&crate::printable::one_line(name));
        out.push('\n');
        let mut rows = vec![vec![
            w.col_id.to_string(),
            w.columns[0].to_string(),
            w.columns[1].to_string(),
            w.columns[2].to_string(),
            w.col_state.to_string(),
            w.col_agreed.to_string(),
        ]];
        for f in found.iter().filter(|f| f.group_slug() == *key) {
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
                actions::date_label(f.started_at.date_naive(), lang),
            ]);
        }
        for line in super::table(&rows).lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
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

/// `voer actions done ID`: the message to print once it is marked.
pub fn done(dir: &Path, id: &str, lang: Lang) -> Result<String, UserError> {
    let w = i18n::texts(lang).actions;
    let t = i18n::texts(lang);
    let found = folder::find(dir, id)?;
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
