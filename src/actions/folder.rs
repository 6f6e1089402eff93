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
        store::{
            self, Listed, LockError, SessionLock, StoreError,
            cache::{Index, Refresh, Summary},
        },
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
    /// In a meeting of several episodes: the number of the episode whose step it was recorded
    /// on (none on the opening and the closing, and in a meeting of one).
    pub episode: Option<u32>,
}

impl Found {
    /// `action` of the session `s`, whose file is at `path`.
    pub fn of(path: &Path, s: &Session, action: Action) -> Found {
        let episode = s.episode_number_of(&action);
        Found {
            path: path.to_path_buf(),
            group: s.session.group.clone(),
            started_at: s.session.started_at,
            action,
            episode,
        }
    }

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

/// The folder's sessions, summarised (from its cache where that is up to date, see
/// [`store::cache`]); a folder that is not there has none.
fn listing(dir: &Path) -> Result<(Vec<Listed<Summary>>, Refresh), StoreError> {
    match store::cache::list(dir) {
        Err(e) if e.is_not_found() => Ok((Vec::new(), Refresh::default())),
        other => other,
    }
}

/// The actions of one summarised session, with where they are from.
pub(super) fn actions_of(path: &Path, s: Summary) -> impl Iterator<Item = Found> + '_ {
    let group = s.session.group;
    let started_at = s.session.started_at;
    let episodes = s.action_episodes;
    s.actions
        .into_iter()
        .enumerate()
        .map(move |(i, action)| Found {
            path: path.to_path_buf(),
            group: group.clone(),
            started_at,
            action,
            episode: episodes.get(i).copied().flatten(),
        })
}

/// Reads the folder (and brings its cache up to date); a folder that is not there holds no
/// actions.
pub fn scan(dir: &Path) -> Result<Scan, StoreError> {
    let (listed, refresh) = listing(dir)?;
    refresh.write();
    let mut out = Scan::default();
    for l in listed {
        match l.session {
            Ok(s) if s.session.example => {}
            Ok(s) => out.found.extend(actions_of(&l.path, s)),
            Err(e) => out.unreadable.push(e),
        }
    }
    Ok(out)
}

/// The open actions of the sessions of `group` (the same [`group_key`]) that started before `before`
/// (or in the same second),
/// oldest meeting first; the session at `except` (the one being run) is left out, and so are
/// examples. An unnamed group has no earlier meetings: its sessions are not known to be the
/// same group. Writes nothing (the room screen asks this).
pub fn open_for_group(
    dir: &Path,
    group: &str,
    before: DateTime<FixedOffset>,
    except: &Path,
) -> Vec<Found> {
    Listing::read(dir).earlier(group, before, except).0
}

/// What a run needs from the folder, read once: the open actions of its group's earlier
/// sessions ([`open_for_group`]) and every id in use, examples' included (an id must differ
/// from theirs too). The cache is brought up to date by the returned [`Refresh`], which the
/// run writes when it ends, off the meeting's way.
pub fn for_run(
    dir: &Path,
    session: &Session,
    path: &Path,
) -> (Vec<Found>, HashSet<String>, Refresh) {
    Listing::read(dir).for_run(session, path)
}

/// The sessions of a folder, as its cache says (see [`store::cache`]), for what a run or the
/// room screen needs of them: every id, and the actions of one group's sessions. Only those
/// sessions' summaries are read.
pub struct Listing {
    index: Index,
}

impl Listing {
    /// Reads the folder; one that is not there, or cannot be read, has no sessions.
    pub fn read(dir: &Path) -> Listing {
        Listing {
            index: Index::read(dir).unwrap_or_else(|_| Index::empty(dir)),
        }
    }

    /// Reads the folder on a thread of its own, while the caller makes its session file: see
    /// [`Reading::join`].
    pub fn read_in_background(dir: &Path) -> Reading {
        let dir = dir.to_path_buf();
        Reading(
            std::thread::Builder::new()
                .name("voer-folder".into())
                .spawn(move || Listing::read(&dir))
                .ok(),
        )
    }

    /// A folder's index read elsewhere.
    pub fn of(index: Index) -> Listing {
        Listing { index }
    }

    /// Whether the folder holds no session file.
    pub fn is_empty(&self) -> bool {
        self.index.entries.is_empty()
    }

    /// The sessions of the group `key` ([`group_key`]), examples never, newest first: only
    /// those sessions' summaries are read.
    pub fn of_group(&self, key: &str) -> Vec<(PathBuf, Summary)> {
        let mut out: Vec<(PathBuf, Summary)> = self
            .index
            .entries
            .iter()
            .filter(|e| !e.example() && e.group_key() == Some(key))
            .filter_map(|e| Some((e.path.clone(), self.index.summary(e).ok()?)))
            .collect();
        out.sort_by_key(|(_, s)| std::cmp::Reverse(s.session.started_at));
        out
    }

    /// See [`for_run`].
    pub fn for_run(self, session: &Session, path: &Path) -> (Vec<Found>, HashSet<String>, Refresh) {
        let info = &session.session;
        self.earlier(&info.group, info.started_at, path)
    }

    /// The open actions of `group`'s sessions before `before` but `except`'s (see
    /// [`open_for_group`]), every id in the folder, and the cache's refresh.
    fn earlier(
        self,
        group: &str,
        before: DateTime<FixedOffset>,
        except: &Path,
    ) -> (Vec<Found>, HashSet<String>, Refresh) {
        let ids = self
            .index
            .entries
            .iter()
            .flat_map(|e| e.ids().iter().cloned())
            .collect();
        let mut found = Vec::new();
        let sessions = group_key(group).map_or_else(Vec::new, |want| self.of_group(&want));
        for (path, s) in sessions {
            // Times are whole seconds: a meeting started in the same second as this one (a
            // short one, just before) is earlier too. This one's own file is not.
            if s.session.started_at <= before && !same_file(&path, except) {
                // A question to the organisation waits for its answer, not for the group.
                found.extend(
                    actions_of(&path, s).filter(|f| !f.action.done && !f.action.is_question()),
                );
            }
        }
        found.sort_by(|a, b| {
            (a.started_at, a.action.created_at).cmp(&(b.started_at, b.action.created_at))
        });
        (found, ids, self.index.split().1)
    }
}

/// A folder being read on a thread of its own ([`Listing::read_in_background`]).
pub struct Reading(Option<std::thread::JoinHandle<Listing>>);

impl Reading {
    /// The folder as read, once the thread is done (read here, if it could not be started).
    pub fn join(self, dir: &Path) -> Listing {
        self.0
            .and_then(|h| h.join().ok())
            .unwrap_or_else(|| Listing::read(dir))
    }
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
    /// The council's session whose question is being answered is open in a run.
    AnswerWhileOpen {
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
            ActionError::AnswerWhileOpen { path } => fill(
                i18n::texts(lang).series.answer_while_open,
                [&path.display()],
            ),
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
    let (listed, refresh) = listing(dir)?;
    refresh.write();
    let mut hits: Vec<Found> = listed
        .into_iter()
        .filter_map(|l| l.session.ok().map(|s| (l.path, s)))
        .flat_map(|(path, s)| {
            actions_of(&path, s)
                .filter(|f| f.action.id.to_lowercase() == want)
                .collect::<Vec<_>>()
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
    change(path, id, |a| {
        let changed = a.done != done;
        a.done = done;
        changed
    })
}

/// Records the organisation's answer to the question `id` in the session file at `path` (the
/// council's own), at `at`, as [`set_done`] marks an action: under that session's lock, with
/// the atomic save a run uses, refused while it is open in a run. An empty answer takes the
/// answer away. Returns the question as it now is.
pub fn set_answer(
    path: &Path,
    id: &str,
    answer: &str,
    at: DateTime<FixedOffset>,
) -> Result<Action, ActionError> {
    let answer = answer.trim();
    change(path, id, |a| {
        if a.answer.as_deref().unwrap_or_default() == answer {
            return false;
        }
        (a.answer, a.answered_at) = match answer {
            "" => (None, None),
            _ => (Some(answer.to_string()), Some(at)),
        };
        true
    })
    .map(|(a, _)| a)
    .map_err(|e| match e {
        ActionError::OpenInRun { path } => ActionError::AnswerWhileOpen { path },
        e => e,
    })
}

/// Changes the action `id` in its session file under the session's lock: `f` says whether it
/// changed anything, and only then is the file written.
fn change(
    path: &Path,
    id: &str,
    f: impl FnOnce(&mut Action) -> bool,
) -> Result<(Action, bool), ActionError> {
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
    if !f(a) {
        return Ok((a.clone(), false));
    }
    let out = a.clone();
    store::save(path, &session)?;
    Ok((out, true))
}
