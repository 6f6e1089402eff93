//! `voer sessions`: the saved sessions, newest first; unreadable files with their reason;
//! then the rescue copies, if the last save of a session ever failed.
use std::{path::Path, process::ExitCode};

use super::{Context, print};
use crate::{
    error::UserError,
    i18n::{self, fill},
    lang::Lang,
    session::{
        Status,
        store::{self, Listed, cache::Summary},
    },
};

pub fn exec(cx: &Context) -> Result<ExitCode, UserError> {
    let rescue = crate::config::rescue_dir();
    print(&render(&cx.sessions_dir, rescue.as_deref(), cx.lang)?);
    Ok(ExitCode::SUCCESS)
}

pub fn render(dir: &Path, rescue: Option<&Path>, lang: Lang) -> Result<String, UserError> {
    let t = i18n::texts(lang);
    // Through the folder's cache: thousands of sessions are listed without reading each.
    let listed = match store::cache::list(dir) {
        Ok((l, refresh)) => {
            refresh.write();
            l
        }
        Err(e) if e.is_not_found() => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    // The rescue folder holds a copy or two, and is not the sessions folder: read in full.
    let rescued: Vec<Listed<Summary>> = rescue
        .and_then(|r| store::list(r).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|l| Listed {
            session: l.session.map(|s| Summary::of(&s, Vec::new())),
            path: l.path,
            warnings: l.warnings,
        })
        .collect();
    let mut out = if listed.is_empty() {
        format!("{}\n", fill(t.no_sessions, [&dir.display()]))
    } else {
        // Which folder: another terminal or another default shows another list.
        let mut out = format!("{}\n\n", fill(t.sessions_in, [&dir.display()]));
        out.push_str(&section(&listed, false, lang));
        out
    };
    if let (Some(r), false) = (rescue, rescued.is_empty()) {
        out.push_str(&format!("\n{}\n\n", fill(t.rescue_heading, [&r.display()])));
        out.push_str(&section(&rescued, true, lang));
    }
    Ok(out)
}

/// The table of `listed` and the problems of the unreadable ones; `rescued`: the status
/// column says so, for the copies in the rescue folder.
fn section(listed: &[Listed<Summary>], rescued: bool, lang: Lang) -> String {
    let t = i18n::texts(lang);
    let mut rows = vec![vec![
        t.col_date.to_string(),
        t.col_episode.to_string(),
        t.audience.to_string(),
        t.col_group.to_string(),
        t.col_status.to_string(),
        t.col_notes.to_string(),
        t.col_file.to_string(),
    ]];
    let mut problems = Vec::new();
    for l in listed {
        super::warn_all(&l.warnings, lang);
        let file = l
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match &l.session {
            Ok(s) => {
                let i = &s.session;
                rows.push(vec![
                    i.started_at.format("%Y-%m-%d %H:%M").to_string(),
                    episode_cell(i),
                    // The table's language: `Cliëntenraad`, not `client-council`.
                    i.audience.name(lang).to_string(),
                    i.group.clone(),
                    match i.status {
                        _ if rescued => t.rescued,
                        Status::InProgress => t.in_progress,
                        Status::Finished => t.finished,
                    }
                    .to_string(),
                    // Opened and closed without a word: kept, and said to be empty.
                    if s.has_no_notes() {
                        t.notes_empty.to_string()
                    } else {
                        s.note_lines().to_string()
                    },
                    file,
                ]);
            }
            Err(e) => {
                rows.push(vec![
                    "?".into(),
                    "?".into(),
                    "?".into(),
                    "?".into(),
                    t.unreadable.to_string(),
                    "?".into(),
                    file.clone(),
                ]);
                // The table shows the file; the path would only repeat it.
                problems.push(format!("{file}: {}", e.detail(lang)));
            }
        }
    }
    let mut out = super::table(&rows);
    for p in problems {
        out.push_str(&format!("{}: {p}\n", t.unreadable));
    }
    out
}

/// "4 jef-mol"; a meeting of several: "1+4 vera-jansweijer+jef-mol".
fn episode_cell(i: &store::cache::Head) -> String {
    let numbers: Vec<String> = i.episodes.iter().map(|(n, _)| n.to_string()).collect();
    let ids: Vec<&str> = i.episodes.iter().map(|(_, id)| id.as_str()).collect();
    format!("{} {}", numbers.join("+"), ids.join("+"))
}
