//! The lock that keeps a second voer off a session that is open: an OS file lock beside the
//! session file, taken again when the folder was removed and made again.
use std::{
    fs::{self, File, OpenOptions, TryLockError},
    io,
    path::{Path, PathBuf},
};

use super::{StoreError, atomic::remove_leftovers};
use crate::{
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
};

/// Holds an exclusive lock on a session, so that a second voer cannot edit the same file.
/// The lock is an OS file lock: it is released when the process ends, even by `kill -9`,
/// so a crashed run never blocks a resume. It is taken on the session file's real path,
/// its symbolic links resolved, so that no second name for the file gets around it.
#[derive(Debug)]
pub struct SessionLock {
    session: PathBuf,
}

/// The locks this process holds, by session file: `save` takes one again when its lock file
/// was removed with the folder (see `relock`).
static HELD: std::sync::Mutex<Vec<Held>> = std::sync::Mutex::new(Vec::new());

#[derive(Debug)]
struct Held {
    session: PathBuf,
    lock_path: PathBuf,
    file: File,
}

fn held() -> std::sync::MutexGuard<'static, Vec<Held>> {
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Why a session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another voer has the session at `path` open.
    InUse { path: PathBuf },
    /// The session file at `path` has more than one name (a hard link): a lock on one name
    /// would not keep a voer on the other away.
    Linked { path: PathBuf },
    /// The lock file at `path` is not a regular file (a symbolic link, a device, a pipe).
    NotAFile { path: PathBuf },
    /// The lock file at `path` could not be made or locked.
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Localize for LockError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            LockError::InUse { path } => fill(t.session_in_use, [&path.display()]),
            LockError::Linked { path } => fill(t.session_linked, [&path.display()]),
            LockError::NotAFile { path } => fill(t.lock_not_a_file, [&path.display()]),
            LockError::Io { path, source } => fill(
                t.cannot_lock,
                [&format!("{}: {}", path.display(), os_reason(source, lang))],
            ),
        }
    }
}

i18n::english_display!(LockError);

impl SessionLock {
    /// Locks the session at `session_path` (which need not exist yet). The path the lock is
    /// known by is the real one: see [`real_path`].
    pub fn acquire(session_path: &Path) -> Result<SessionLock, LockError> {
        let session = real_path(session_path);
        if fs::metadata(&session).is_ok_and(|meta| links(&meta) > 1) {
            return Err(LockError::Linked { path: session });
        }
        let lock_path = lock_path(&session);
        let file = lock_file(&lock_path).map_err(|e| match e {
            LockError::InUse { .. } => LockError::InUse {
                path: session_path.to_path_buf(),
            },
            e => e,
        })?;
        remove_leftovers(&session);
        held().push(Held {
            session: session.clone(),
            lock_path,
            file,
        });
        Ok(SessionLock { session })
    }

    /// The session file's real path, under which it is locked.
    pub fn session(&self) -> &Path {
        &self.session
    }
}

/// The path a session file is locked and saved under: symbolic links resolved, so that an
/// alias names the same file. For a file still to be made, its folder's links are resolved.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(p) = crate::platform::canonicalize(path) {
        return p;
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => crate::platform::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(abs.clone()),
        _ => abs,
    }
}

#[cfg(unix)]
fn links(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn links(_: &fs::Metadata) -> u64 {
    1
}

/// Opens and locks the lock file at `path`, made owner-only if new. A symbolic link there is
/// not followed, and anything but a regular file is refused: a link planted in the folder
/// cannot make voer create or open a file elsewhere.
fn lock_file(path: &Path) -> Result<File, LockError> {
    let mut opts = OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a pipe for writing would otherwise wait for a reader.
        opts.mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let io_error = |source: io::Error| LockError::Io {
        path: path.to_path_buf(),
        source,
    };
    let not_a_file = || LockError::NotAFile {
        path: path.to_path_buf(),
    };
    // A voer that quits removes its lock file while holding the lock. Whoever locked the
    // removed file in the meantime holds nothing: check the path still names our file,
    // and try again if not.
    let mut busy = 0;
    for _ in 0..10 {
        if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
            return Err(not_a_file());
        }
        let file = match opts.open(path) {
            Ok(f) => f,
            // ELOOP: the path is a symbolic link (O_NOFOLLOW); ENXIO: a pipe with no reader.
            #[cfg(unix)]
            Err(e) if matches!(e.raw_os_error(), Some(libc::ELOOP | libc::ENXIO)) => {
                return Err(not_a_file());
            }
            Err(e) => return Err(io_error(e)),
        };
        if !file.metadata().map_err(io_error)?.is_file() {
            return Err(not_a_file());
        }
        match file.try_lock() {
            Ok(()) if still_named(&file, path) => return Ok(file),
            Ok(()) => continue,
            // A room screen looks whether a voer holds the lock by taking a shared lock for
            // an instant: a moment later, that is not in the way.
            Err(TryLockError::WouldBlock) if busy < 3 => {
                busy += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
                continue;
            }
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::InUse {
                    path: path.to_path_buf(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(e)),
        }
    }
    Err(LockError::InUse {
        path: path.to_path_buf(),
    })
}

/// Before a save of a session this voer has locked, and every few seconds in between (see
/// [`check_held`]): when its lock file no longer has its name (removed, replaced by another
/// file, or its folder removed and made again), lock the session again, so that a second voer
/// cannot open it. `true`: the lock was made again. Fails when another voer holds it now (it
/// opened the session meanwhile: this one must no longer write it), or the lock cannot be made.
pub(super) fn relock(session: &Path) -> Result<bool, StoreError> {
    let mut held = held();
    let Some(h) = held.iter_mut().find(|h| h.session == session) else {
        return Ok(false);
    };
    if still_named(&h.file, &h.lock_path) {
        return Ok(false);
    }
    match lock_file(&h.lock_path) {
        Ok(file) => {
            h.file = file;
            Ok(true)
        }
        Err(LockError::InUse { .. }) => Err(StoreError::InUse {
            path: session.to_path_buf(),
        }),
        Err(LockError::Io { source, .. }) => Err(StoreError::write(session, source)),
        Err(_) => Err(StoreError::InUse {
            path: session.to_path_buf(),
        }),
    }
}

/// Checks every lock this process holds, as [`relock`] does before a save: the sessions whose
/// lock was made again (`Ok(true)`) or is lost to another voer (`Err`). A removed lock file is
/// noticed within a few seconds, not only at the next save, which may be long in coming.
pub fn check_held() -> Vec<(PathBuf, Result<bool, StoreError>)> {
    let sessions: Vec<PathBuf> = held().iter().map(|h| h.session.clone()).collect();
    sessions
        .into_iter()
        .map(|s| {
            let r = relock(&s);
            (s, r)
        })
        .filter(|(_, r)| !matches!(r, Ok(false)))
        .collect()
}

/// Whether `path` still names the open `file` (it was not removed or replaced meanwhile).
fn still_named(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    // Windows: std has no stable file id to compare. A lock file removed while another voer
    // was opening it is the only way to get this wrong, and only when two start at once.
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let mut held = held();
        if let Some(i) = held.iter().position(|h| h.session == self.session) {
            let h = held.swap_remove(i);
            // Removed while still locked (the file closes after this), see `lock_file`; only
            // if the name is still ours.
            if still_named(&h.file, &h.lock_path) {
                let _ = fs::remove_file(&h.lock_path);
            }
        }
    }
}

pub fn lock_path(session_path: &Path) -> PathBuf {
    let mut name = session_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    session_path.with_file_name(format!(".{}", name.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_in_use_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let _held = SessionLock::acquire(&path).unwrap();
        let e = SessionLock::acquire(&path).unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!(
                "{} is al geopend in een ander venster met voer. Sluit dat eerst.",
                path.display()
            )
        );
    }

    /// What [`check_held`] says about `session` (other tests hold locks of their own).
    fn checked(session: &Path) -> Option<Result<bool, StoreError>> {
        check_held()
            .into_iter()
            .find(|(s, _)| s == session)
            .map(|(_, r)| r)
    }

    #[test]
    fn a_removed_lock_file_is_made_again_at_the_next_check_and_then_keeps_a_second_voer_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let held = SessionLock::acquire(&path).unwrap();
        let session = held.session().to_path_buf();
        assert!(
            checked(&session).is_none(),
            "nothing to say while it is there"
        );
        fs::remove_file(lock_path(&session)).unwrap();
        assert!(matches!(checked(&session), Some(Ok(true))));
        assert!(lock_path(&session).exists());
        let e = SessionLock::acquire(&path).unwrap_err();
        assert!(matches!(e, LockError::InUse { .. }), "{e:?}");
        // Replaced by another file: the same.
        let other = dir.path().join("ander");
        fs::write(&other, "").unwrap();
        fs::rename(&other, lock_path(&session)).unwrap();
        assert!(matches!(checked(&session), Some(Ok(true))));
        assert!(matches!(
            SessionLock::acquire(&path),
            Err(LockError::InUse { .. })
        ));
    }

    #[test]
    fn a_voer_that_opened_the_session_while_the_lock_was_gone_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let first = SessionLock::acquire(&path).unwrap();
        let session = first.session().to_path_buf();
        fs::remove_file(lock_path(&session)).unwrap();
        // Another voer (here: another lock in this process) opens it before the first looks.
        let second = lock_file(&lock_path(&session)).unwrap();
        let e = relock(&session).unwrap_err();
        assert!(matches!(e, StoreError::InUse { .. }), "{e:?}");
        drop(second);
        drop(first);
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_or_a_pipe_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.toml");
        let outside = dir.path().join("buiten");
        std::os::unix::fs::symlink(&outside, lock_path(&session)).unwrap();
        let e = SessionLock::acquire(&session).unwrap_err();
        assert!(matches!(e, LockError::NotAFile { .. }), "{e:?}");
        assert!(!outside.exists());
        let other = dir.path().join("t.toml");
        let fifo = std::ffi::CString::new(lock_path(&other).to_str().unwrap()).unwrap();
        // SAFETY: a valid C string; mkfifo only makes a file.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let e = SessionLock::acquire(&other).unwrap_err();
        assert!(matches!(e, LockError::NotAFile { .. }), "{e:?}");
    }
}
