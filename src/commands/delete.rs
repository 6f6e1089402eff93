//! `voer delete [FILE...|--last|--group G|--expired] [--yes]`: shows which sessions will go
//! (date, group, episode) with every file voer wrote for them, asks, and removes exactly those
//! (see `session::store::delete`). A session open in a run is refused before anything is asked.
use std::{
    io::{self, BufRead, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use chrono::{DateTime, FixedOffset};

use super::{Context, print, table};
use crate::{
    cli::DeleteArgs,
    error::UserError,
    i18n::{Texts, fill, privacy::counted},
    lang::Lang,
    printable::printable,
    session::{
        retention,
        store::{self, Doomed},
    },
};

pub fn exec(cx: &Context, args: &DeleteArgs) -> Result<ExitCode, UserError> {
    let now = chrono::Local::now().fixed_offset();
    let Some(files) = chosen(cx, args, now)? else {
        return Ok(ExitCode::SUCCESS);
    };
    let doomed = lock_all(&files)?;
    print(&plan(&doomed, &cx.sessions_dir, cx.lang));
    if !args.yes && !confirmed(cx.t)? {
        eprintln!("{}", cx.t.privacy.delete_cancelled);
        return Ok(ExitCode::from(1));
    }
    let sessions = doomed.len();
    let mut removed = 0;
    for d in doomed {
        removed += d.remove()?;
    }
    print(&format!(
        "{}\n{}\n",
        fill(
            cx.t.privacy.delete_done,
            [
                &counted(sessions, cx.t.privacy.sessions_counted),
                &counted(removed, cx.t.privacy.files_counted),
            ],
        ),
        cx.t.privacy.delete_exports
    ));
    Ok(ExitCode::SUCCESS)
}

/// The session files asked for: named as for `voer export`, or past the retention period on
/// `now`. `None`: nothing is past it (said so), nothing to do.
pub fn chosen(
    cx: &Context,
    args: &DeleteArgs,
    now: DateTime<FixedOffset>,
) -> Result<Option<Vec<PathBuf>>, UserError> {
    let t = cx.t.privacy;
    if args.expired {
        let Some(months) = cx.config.retention_months else {
            return Err(UserError::NoRetention {
                config: crate::config::path(),
            });
        };
        let files = retention::expired(&cx.sessions_dir, months, now)?;
        if files.is_empty() {
            print(&format!(
                "{}\n",
                fill(t.delete_none_expired, [&months, &cx.sessions_dir.display()])
            ));
            return Ok(None);
        }
        return Ok(Some(files));
    }
    let finder = cx.finder();
    let choice = args
        .sessions
        .choice()
        .ok_or_else(|| finder.nothing_named("delete"))?;
    let mut files = finder.resolve(&choice)?;
    // The same file named twice goes once.
    let mut seen = Vec::new();
    files.retain(|f| {
        let real = store::real_path(f);
        let new = !seen.contains(&real);
        seen.push(real);
        new
    });
    Ok(Some(files))
}

/// Every session locked, or none: one open in a run stops the whole command before anything
/// is asked or removed (the locks taken so far are let go).
fn lock_all(files: &[PathBuf]) -> Result<Vec<Doomed>, UserError> {
    let rescue = crate::config::rescue_dir();
    files
        .iter()
        .map(|f| store::prepare_delete(f, rescue.as_deref()).map_err(UserError::from))
        .collect()
}

/// What will be removed: per session its date, group and episode, then its files (by name in
/// its own folder, in full elsewhere), and the reports that stay.
pub fn plan(doomed: &[Doomed], dir: &Path, lang: Lang) -> String {
    let t = crate::i18n::texts(lang);
    let p = t.privacy;
    let mut out = format!(
        "{}\n\n",
        fill(
            p.delete_heading,
            [&dir.display(), &counted(doomed.len(), p.sessions_counted)]
        )
    );
    let mut kept = Vec::new();
    for d in doomed {
        let i = &d.session.session;
        let row = vec![
            i.started_at.format("%Y-%m-%d %H:%M").to_string(),
            match i.group.trim() {
                "" => t.export_unnamed_group.to_string(),
                g => g.to_string(),
            },
            store::cache::Head::of(i).episode_cell(),
            i.audience.name(lang).to_string(),
        ];
        out.push_str(&format!("- {}", table(&[row])));
        let home = d.path.parent();
        for f in d.all_files() {
            let shown = match f.parent() == home || store::real_path(&f).parent() == home {
                true => f.file_name().map(PathBuf::from).unwrap_or(f.clone()),
                false => f.clone(),
            };
            out.push_str(&format!("    {}\n", shown.display()));
        }
        kept.extend(d.kept.iter().cloned());
    }
    for k in kept {
        out.push_str(&format!("{}\n", fill(p.delete_kept, [&k.display()])));
    }
    out
}

/// Asks on the terminal; `true` for a yes. An input that ends without an answer (no terminal,
/// nothing piped in) is no yes: the message says to give `--yes`.
fn confirmed(t: &Texts) -> Result<bool, UserError> {
    let p = t.privacy;
    eprint!("{}", p.delete_ask);
    let _ = io::stderr().flush();
    let mut answer = String::new();
    let read = io::stdin().lock().read_line(&mut answer);
    match read {
        Ok(0) | Err(_) => {
            eprintln!();
            Err(UserError::NeedsYes)
        }
        Ok(_) => {
            let answer = printable(answer.trim()).to_lowercase();
            Ok(p.yes_words.contains(&answer.as_str()))
        }
    }
}
