//! Which session the room screen shows, and reading it without ever writing it.
//!
//! A running voer holds an OS lock on `.<session>.toml.lock` beside its session file (see
//! `session::store`). The room finds that file and checks the lock is held by trying a shared
//! lock for an instant. It only tries on lock files that are a second old: a voer that is just
//! starting takes its lock right after creating the file, and must never find it taken.
use std::{
    fs, io,
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, SystemTime},
};

use crate::session::{
    Session, Status,
    store::{self, StoreError, cache::Stamp},
};

/// A lock file younger than this is not probed yet (see the module comment).
pub const SETTLE: Duration = Duration::from_secs(1);

/// Whether a running voer holds the lock of this session. `None`: cannot tell yet (the lock
/// file is too new to probe).
pub fn is_held(session_path: &Path) -> Option<bool> {
    let lock = store::lock_path(session_path);
    let Ok(meta) = fs::metadata(&lock) else {
        return Some(false);
    };
    let age = meta
        .modified()
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .unwrap_or_default();
    if age < SETTLE {
        return None;
    }
    // Never waits: a pipe put there (not voer's) would hold the room screen up for good.
    let Ok(file) = crate::platform::open_regular(&lock) else {
        return Some(false);
    };
    match file.try_lock_shared() {
        // Nobody holds it (a voer that was killed left it): let go at once.
        Ok(()) => {
            let _ = file.unlock();
            Some(false)
        }
        Err(std::fs::TryLockError::WouldBlock) => Some(true),
        Err(std::fs::TryLockError::Error(_)) => Some(false),
    }
}

/// The sessions in `dir` that a running voer holds, newest first (example sessions never).
/// The second value says whether a lock file was too new to tell: look again soon.
pub fn locked_sessions(dir: &Path) -> (Vec<(PathBuf, Session)>, bool) {
    let mut found = Vec::new();
    let mut unsure = false;
    let Ok(entries) = fs::read_dir(dir) else {
        return (found, false);
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let Some(session_name) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".lock"))
            .filter(|n| n.ends_with(".toml"))
        else {
            continue;
        };
        let path = dir.join(session_name);
        match is_held(&path) {
            Some(true) => {}
            Some(false) => continue,
            None => {
                unsure = true;
                continue;
            }
        }
        if let Ok(s) = store::load(&path)
            && !s.session.example
        {
            found.push((path, s));
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.1.session.updated_at));
    (found, unsure)
}

/// The file the room follows, and what it last read of it.
pub struct Followed {
    pub path: PathBuf,
    /// Named on the command line: followed whatever holds it.
    pub named: bool,
    stamp: Option<Stamp>,
}

impl Followed {
    pub fn new(path: PathBuf, named: bool) -> Followed {
        Followed {
            path,
            named,
            stamp: None,
        }
    }

    /// The session, when the file changed since the last read and reads well. A missing,
    /// unreadable or half-written file gives `None`: the screen keeps what it had.
    pub fn read_if_changed(&mut self) -> Option<Session> {
        let now = Stamp::read(&self.path);
        if now.is_none() || now == self.stamp {
            return None;
        }
        let session = store::load(&self.path).ok()?;
        // Only remembered once read well: a half-written file is read again next time.
        self.stamp = now;
        Some(session)
    }
}

/// Whether the run the room followed has ended: its voer let go of the lock.
pub fn run_ended(f: &Followed) -> bool {
    !f.named && is_held(&f.path) == Some(false)
}

/// Whether the session shown is finished.
pub fn finished(s: &Session) -> bool {
    s.session.status == Status::Finished
}

/// An error for a folder that cannot be read, for the message before the screen opens.
pub fn check_dir(dir: &Path) -> Result<(), StoreError> {
    match fs::read_dir(dir) {
        Ok(_) => Ok(()),
        // Not there yet: the first run will make it.
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::List {
            dir: dir.to_path_buf(),
            source: Arc::new(e),
        }),
    }
}
