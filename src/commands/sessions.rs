//! `voer sessions`: the saved sessions, newest first; unreadable files with their reason;
//! then the rescue copies, if the last save of a session ever failed. With a retention
//! period, the sessions past it are marked and counted, with the command that removes them.
use std::{path::Path, process::ExitCode};

use chrono::{DateTime, FixedOffset};

use super::{Context, print};
use crate::{
    error::UserError,
    i18n::{self, fill},
    lang::Lang,
    session::{
        Status, retention,
        store::{self, Listed, cache::Summary},
    },
};

pub fn exec(cx: &Context) -> Result<ExitCode, UserError> {
    let rescue = crate::config::rescue_dir();
    let retention = cx
        .config
        .retention_months
        .map(|m| Retention::new(m, chrono::Local::now().fixed_offset()));
    print(&render(
        &cx.sessions_dir,
        rescue.as_deref(),
        retention,
        cx.lang,
    )?);
    Ok(ExitCode::SUCCESS)
}

/// The retention period in months, and the day it is measured on.
#[derive(Debug, Clone, Copy)]
pub struct Retention {
    pub months: u32,
    pub now: DateTime<FixedOffset>,
}

impl Retention {
    pub fn new(months: u32, now: DateTime<FixedOffset>) -> Retention {
        Retention { months, now }
    }
}

/// The line a run's start and `voer sessions` show when sessions in `dir` are past the
/// period: how many, and the command that removes them. `None` when there are none.
pub fn expired_line(dir: &Path, r: Retention, lang: Lang) -> Option<String> {
    let n = retention::expired(dir, r.months, r.now).ok()?.len();
    (n > 0).then(|| {
        let p = i18n::texts(lang).privacy;
        fill(
            p.expired_count,
            [
                &i18n::privacy::counted(n, p.sessions_counted),
                &r.months,
                &"voer delete --expired",
            ],
        )
    })
}

pub fn render(
    dir: &Path,
    rescue: Option<&Path>,
    retention: Option<Retention>,
    lang: Lang,
) -> Result<String, UserError> {
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
        out.push_str(&section(&listed, false, retention, lang));
        if let Some(line) = retention.and_then(|r| expired_line(dir, r, lang)) {
            out.push_str(&format!("\n{line}\n"));
        }
        out
    };
    if let (Some(r), false) = (rescue, rescued.is_empty()) {
        out.push_str(&format!("\n{}\n\n", fill(t.rescue_heading, [&r.display()])));
        out.push_str(&section(&rescued, true, None, lang));
    }
    Ok(out)
}

/// The table of `listed` and the problems of the unreadable ones; `rescued`: the status
/// column says so, for the copies in the rescue folder.
fn section(
    listed: &[Listed<Summary>],
    rescued: bool,
    retention: Option<Retention>,
    lang: Lang,
) -> String {
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
                    i.episode_cell(),
                    // The table's language: `Cliëntenraad`, not `client-council`.
                    i.audience.name(lang).to_string(),
                    i.group.clone(),
                    {
                        let status = match i.status {
                            _ if rescued => t.rescued,
                            Status::InProgress => t.in_progress,
                            Status::Finished => t.finished,
                        };
                        let expired = retention.is_some_and(|r| {
                            retention::is_past(i.example, i.started_at, r.months, r.now)
                        });
                        match expired {
                            true => format!("{status}, {}", t.privacy.expired_mark),
                            false => status.to_string(),
                        }
                    },
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
