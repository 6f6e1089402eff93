//! `voer delete`: a session file and what voer wrote for it, and nothing else. What that is:
//! the lock (`.<file>.toml.lock`), the room screen's presence (`.<file>.toml.room`), the rescue
//! copies of the session, the `Ctrl+E` reports beside it that nobody changed since voer wrote
//! them (`reports`), their entries in the folder's cache (`cache`), and the temporary files of
//! an atomic save that was cut off. A report changed by hand, or an export written elsewhere,
//! is the user's and stays.
//!
//! Each session is locked before anything is shown, and stays locked until it is gone: a
//! session open in a running voer is refused, and none can open it in the meantime.
use std::{
    fs, io,
    path::{Path, PathBuf},
};

use super::{LockError, SessionLock, StoreError, cache, load, lock_path, unchanged_reports};
use crate::{
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
    session::{Session, presence},
};

/// One session to delete, locked: what will go, and what stays.
#[derive(Debug)]
pub struct Doomed {
    /// The session file.
    pub path: PathBuf,
    pub session: Session,
    /// What voer wrote for it that is there now, besides the session file and its lock.
    pub files: Vec<PathBuf>,
    /// Reports recorded in the session that were changed since: left in place.
    pub kept: Vec<PathBuf>,
    /// A lock file was there before this one took the lock (a run that crashed left it).
    had_lock: bool,
    lock: SessionLock,
}

/// Why a session cannot be deleted. Nothing is deleted then.
#[derive(Debug, thiserror::Error)]
pub enum DeleteError {
    /// The session is open in a running voer (its lock is held).
    InRun { path: PathBuf },
    /// `path` is a symbolic link (to `target`): the session file itself is to be named.
    Link { path: PathBuf, target: PathBuf },
    /// It cannot be read as a session file: nothing is known of what voer wrote for it.
    Store(#[from] StoreError),
    /// It could not be locked for another reason (a second name, a lock that is no file …).
    Lock(LockError),
    /// A file could not be removed; the ones before it are gone.
    Remove {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Localize for DeleteError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang).privacy;
        match self {
            DeleteError::InRun { path } => fill(t.delete_in_run, [&path.display()]),
            DeleteError::Link { path, target } => {
                fill(t.delete_link, [&path.display(), &target.display()])
            }
            DeleteError::Store(e) => e.render(lang),
            DeleteError::Lock(e) => e.render(lang),
            DeleteError::Remove { path, source } => {
                fill(t.delete_failed, [&path.display(), &os_reason(source, lang)])
            }
        }
    }
}

i18n::english_display!(DeleteError);

/// Locks the session at `path` and finds what voer wrote for it; `rescue` is the rescue folder.
/// Refused for a session open in a run, and for a file that is not a session file voer can read.
pub fn prepare(path: &Path, rescue: Option<&Path>) -> Result<Doomed, DeleteError> {
    // A link is not the session: deleting it would leave the file, deleting its target
    // would reach outside what was named.
    let meta = fs::symlink_metadata(path).map_err(|e| StoreError::read(path, e))?;
    if meta.is_symlink() {
        return Err(DeleteError::Link {
            path: path.to_path_buf(),
            target: super::real_path(path),
        });
    }
    if !meta.is_file() {
        let not_plain = io::Error::new(io::ErrorKind::InvalidInput, crate::platform::NotRegular);
        return Err(StoreError::read(path, not_plain).into());
    }
    let session = load(path)?;
    let had_lock = fs::symlink_metadata(lock_path(&super::real_path(path))).is_ok();
    let lock = SessionLock::acquire(path).map_err(|e| match e {
        LockError::InUse { .. } => DeleteError::InRun {
            path: path.to_path_buf(),
        },
        e => DeleteError::Lock(e),
    })?;
    let mut files = Vec::new();
    let room = presence::path(path);
    if fs::symlink_metadata(&room).is_ok_and(|m| m.is_file()) {
        files.push(room);
    }
    files.extend(rescue_copies(path, &session, rescue));
    let unchanged = unchanged_reports(path, &session);
    let dir = path.parent().unwrap_or(Path::new("."));
    let kept = session
        .reports
        .iter()
        .filter(|r| Path::new(&r.name).file_name() == Some(r.name.as_ref()))
        .map(|r| dir.join(&r.name))
        .filter(|p| fs::symlink_metadata(p).is_ok() && !unchanged.contains(p))
        .collect();
    files.extend(unchanged);
    Ok(Doomed {
        path: path.to_path_buf(),
        session,
        files,
        kept,
        had_lock,
        lock,
    })
}

/// The copies of `session` in the rescue folder: under its file name (`-2`, `-3` … when that
/// was taken), and the same meeting (episode, group and start). Never the file itself.
fn rescue_copies(path: &Path, session: &Session, rescue: Option<&Path>) -> Vec<PathBuf> {
    let Some(dir) = rescue.filter(|d| d.is_dir()) else {
        return Vec::new();
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let own = fs::canonicalize(path).ok();
    let same = |other: &Session| {
        let (a, b) = (&other.session, &session.session);
        a.episode == b.episode && a.group == b.group && a.started_at == b.started_at
    };
    (1..=1000)
        .map(|n| match n {
            1 => dir.join(format!("{stem}.toml")),
            n => dir.join(format!("{stem}-{n}.toml")),
        })
        .take_while(|p| fs::symlink_metadata(p).is_ok())
        .filter(|p| fs::symlink_metadata(p).is_ok_and(|m| m.is_file()))
        .filter(|p| fs::canonicalize(p).ok() != own)
        .filter(|p| load(p).is_ok_and(|s| same(&s)))
        .collect()
}

impl Doomed {
    /// Every file that goes, the session file first, as the list before the question shows it
    /// (the lock only when one was there before: the one taken for the delete is gone after it).
    pub fn all_files(&self) -> Vec<PathBuf> {
        let mut all = vec![self.path.clone()];
        all.extend(self.files.iter().cloned());
        if self.had_lock {
            all.push(lock_path(self.lock.session()));
        }
        all
    }

    /// Removes the session's own files, then the session file; the lock goes last, as the
    /// lock is let go. Returns how many files were removed.
    pub fn remove(self) -> Result<usize, DeleteError> {
        let mut removed = 0;
        for f in &self.files {
            match fs::remove_file(f) {
                Ok(()) => removed += 1,
                // Gone meanwhile (a room screen that closed): what was asked for.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(DeleteError::Remove {
                        path: f.clone(),
                        source,
                    });
                }
            }
        }
        fs::remove_file(&self.path).map_err(|source| DeleteError::Remove {
            path: self.path.clone(),
            source,
        })?;
        removed += 1;
        // The folder's cache (and the rescue folder's, if it has one) forgets them.
        let gone = std::iter::once(&self.path).chain(&self.files);
        for file in gone.filter(|f| f.extension().is_some_and(|x| x == "toml")) {
            let dir = file.parent().unwrap_or(Path::new("."));
            cache::forget(dir, std::slice::from_ref(file)).map_err(|source| {
                DeleteError::Remove {
                    path: cache::path(dir),
                    source,
                }
            })?;
        }
        drop(self.lock);
        Ok(removed + usize::from(self.had_lock))
    }
}
