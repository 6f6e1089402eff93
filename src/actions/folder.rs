//! The actions across the sessions folder: listing them, finding one by id, and changing one
//! in its own session file with the same lock and atomic save as a run.
use std::{
    collections::HashSet,
    path::{Path, PathBuf},
};

use chrono::{DateTime, FixedOffset};

use crate::{
    i18n::{self, Localize, fill},
    lang::Lang,
    session::{
        Action, Session, group_key, slug,
        store::{self, LockError, SessionLock, StoreError},
    },
};

/// One action and the session it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    /// The group's name as that session wrote it.
    pub group: String,
    pub started_at: DateTime<FixedOffset>,
    pub action: Action,
}

impl Found {
    /// The key of the group, as [`group_key`] makes it ("Cliëntenraad De Linde" and
    /// "clientenraad de linde" are one group), with the unnamed sessions under "".
    pub fn group_slug(&self) -> String {
        slug(&self.group)
    }
}

/// Every action in the folder's sessions, examples left out, and the files that could not be
/// read with their reason.
#[derive(Debug, Default)]
pub struct Scan {
    pub found: Vec<Found>,
    pub unreadable: Vec<StoreError>,
}

/// Reads the folder; a folder that is not there holds no actions.
pub fn scan(dir: &Path) -> Result<Scan, StoreError> {
    let listed = match store::list(dir) {
        Ok(l) => l,
        Err(e) if e.is_not_found() => Vec::new(),
        Err(e) => return Err(e),
    };
    let mut out = Scan::default();
    for l in listed {
        match l.session {
            Ok(s) if s.session.example => {}
            Ok(s) => out.found.extend(s.actions.into_iter().map(|action| Found {
                path: l.path.clone(),
                group: s.session.group.clone(),
                started_at: s.session.started_at,
                action,
            })),
            Err(e) => out.unreadable.push(e),
        }
    }
    Ok(out)
}

/// Every id in the folder, examples included (an id must differ from theirs too).
pub fn ids(dir: &Path) -> HashSet<String> {
    store::list(dir)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|l| l.session.ok())
        .flat_map(|s| s.actions.into_iter().map(|a| a.id))
        .collect()
}

/// The open actions of the sessions of `group` (the same [`group_key`]) that started before `before`
/// (or in the same second),
/// oldest meeting first; the session at `except` (the one being run) is left out, and so are
/// examples. An unnamed group has no earlier meetings: its sessions are not known to be the
/// same group.
pub fn open_for_group(
    dir: &Path,
    group: &str,
    before: DateTime<FixedOffset>,
    except: &Path,
) -> Vec<Found> {
    let found = scan(dir).map(|s| s.found).unwrap_or_default();
    earlier_of(found, group, before, except)
}

/// What a run needs from the folder, read once: the open actions of its group's earlier
/// sessions ([`open_for_group`]) and every id in use ([`ids`]).
pub fn for_run(dir: &Path, session: &Session, path: &Path) -> (Vec<Found>, HashSet<String>) {
    let mut ids = HashSet::new();
    let mut found = Vec::new();
    for l in store::list(dir).unwrap_or_default() {
        let Ok(s) = l.session else { continue };
        ids.extend(s.actions.iter().map(|a| a.id.clone()));
        if !s.session.example {
            found.extend(s.actions.into_iter().map(|action| Found {
                path: l.path.clone(),
                group: s.session.group.clone(),
                started_at: s.session.started_at,
                action,
            }));
        }
    }
    let info = &session.session;
    (earlier_of(found, &info.group, info.started_at, path), ids)
}

fn earlier_of(
    found: Vec<Found>,
    group: &str,
    before: DateTime<FixedOffset>,
    except: &Path,
) -> Vec<Found> {
    let Some(want) = group_key(group) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = found
        .into_iter()
        .filter(|f| {
            !f.action.done
                && f.group_slug() == want
                // Times are whole seconds: a meeting started in the same second as this one
                // (a short one, just before) is earlier too. This one's own file is not.
                && f.started_at <= before
                && !same_file(&f.path, except)
        })
        .collect();
    found.sort_by(|a, b| {
        (a.started_at, a.action.created_at).cmp(&(b.started_at, b.action.created_at))
    });
    found
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Why an action could not be found or changed.
#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    /// No session in `dir` holds an action with this id.
    NoSuchId {
        id: String,
        dir: PathBuf,
    },
    /// More than one session holds it.
    Twice {
        id: String,
        paths: Vec<PathBuf>,
    },
    /// The session is open in a run (or another voer holds its lock).
    OpenInRun {
        path: PathBuf,
    },
    Lock(#[source] LockError),
    Store(#[from] StoreError),
    /// The file changed meanwhile and no longer holds the action.
    Gone {
        id: String,
        path: PathBuf,
    },
}

impl Localize for ActionError {
    fn render(&self, lang: Lang) -> String {
        let w = i18n::texts(lang).actions;
        match self {
            ActionError::NoSuchId { id, dir } => fill(w.no_such_id, [id, &dir.display()]),
            ActionError::Twice { id, paths } => {
                // On one line each, whatever a name holds: a line end would start a line of
                // its own on the terminal.
                let files: Vec<String> = paths.iter().map(|p| crate::printable::path(p)).collect();
                fill(w.id_twice, [id, &files.join(", ")])
            }
            ActionError::OpenInRun { path } => fill(w.open_in_run, [&path.display()]),
            ActionError::Lock(e) => e.render(lang),
            ActionError::Store(e) => e.render(lang),
            ActionError::Gone { id, path } => fill(w.gone, [id, &path.display()]),
        }
    }
}

crate::i18n::english_display!(ActionError);

/// The action with this id (any case), in whichever session of the folder holds it.
pub fn find(dir: &Path, id: &str) -> Result<Found, ActionError> {
    let want = id.trim().to_lowercase();
    let mut hits: Vec<Found> = store::list(dir)
        .or_else(|e| {
            if e.is_not_found() {
                Ok(Vec::new())
            } else {
                Err(e)
            }
        })?
        .into_iter()
        .filter_map(|l| l.session.ok().map(|s| (l.path, s)))
        .flat_map(|(path, s)| {
            let group = s.session.group.clone();
            let started_at = s.session.started_at;
            s.actions
                .into_iter()
                .filter(|a| a.id.to_lowercase() == want)
                .map(move |action| Found {
                    path: path.clone(),
                    group: group.clone(),
                    started_at,
                    action,
                })
        })
        .collect();
    match hits.len() {
        0 => Err(ActionError::NoSuchId {
            id: id.trim().to_string(),
            dir: dir.to_path_buf(),
        }),
        1 => Ok(hits.remove(0)),
        _ => Err(ActionError::Twice {
            id: id.trim().to_string(),
            paths: hits.into_iter().map(|f| f.path).collect(),
        }),
    }
}

/// Sets the action `id` in the session file at `path` to `done`, under the session's lock,
/// with the atomic save a run uses. Refused while the session is open in a run. Returns the
/// action as it now is, and whether it changed.
pub fn set_done(path: &Path, id: &str, done: bool) -> Result<(Action, bool), ActionError> {
    let _lock = SessionLock::acquire(path).map_err(|e| match e {
        LockError::InUse { path } => ActionError::OpenInRun { path },
        e => ActionError::Lock(e),
    })?;
    // Read again under the lock: the file may have changed since it was listed.
    let mut session = store::load(path)?;
    let Some(a) = session.actions.iter_mut().find(|a| a.id == id) else {
        return Err(ActionError::Gone {
            id: id.to_string(),
            path: path.to_path_buf(),
        });
    };
    if a.done == done {
        return Ok((a.clone(), false));
    }
    a.done = done;
    let out = a.clone();
    store::save(path, &session)?;
    Ok((out, true))
}
