//! One session file: read (with its warnings), saved, made under a free name for a new
//! session, or copied to the rescue folder when its last save failed.
use std::{
    fs, io,
    path::{Path, PathBuf},
};

use super::{
    LockError, SessionLock, StoreError,
    atomic::{without_temp_name, write_atomic_checked, write_new, write_new_file},
    folder::create_private_dir,
    lock::relock,
};
use crate::{
    i18n::{self, Localize, fill},
    lang::Lang,
    platform::read_regular,
    session::Session,
};

/// The most voer reads of a session file: a meeting of several hours typed in full is a few
/// hundred kilobytes; notes of tens of megabytes still open.
pub const MAX_BYTES: u64 = 256 << 20;

/// Saves a session to its file. When this voer holds the session's lock but the lock file
/// is gone (removed, or the folder removed and made again), the lock is taken again before
/// the file is replaced (after the new text is on the disk, so that a slow disk leaves no
/// time for a second voer to open the session unnoticed); when another voer took it
/// meanwhile, nothing is written.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    save_relocking(path, session).map(drop)
}

/// As [`save`]; `true` when the lock had to be made again first, which the run says.
pub(super) fn save_relocking(path: &Path, session: &Session) -> Result<bool, StoreError> {
    write_atomic_checked(path, session.to_toml().as_bytes(), || relock(path))
}

/// Reads a session file; the error says which file and what is wrong with it.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_checked(path).map(|(s, _)| s)
}

/// A time in a session file that was over 24 hours and was read as 24 hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeClamped {
    pub path: PathBuf,
    /// As the file names it: `steps[4].planned_seconds`.
    pub field: String,
    /// The number the file held.
    pub value: u64,
}

impl Localize for TimeClamped {
    fn render(&self, lang: Lang) -> String {
        fill(
            i18n::texts(lang).time_clamped,
            [&self.path.display(), &self.field, &self.value],
        )
    }
}

/// As [`load`], with a warning for each time the file held over 24 hours: those are read as
/// 24 hours, so that the notes can always be opened and exported. Only a regular file of at
/// most [`MAX_BYTES`] is read: a pipe or a device given as a session never holds voer up.
pub fn load_checked(path: &Path) -> Result<(Session, Vec<TimeClamped>), StoreError> {
    let bytes = read_regular(path, MAX_BYTES).map_err(|e| StoreError::read(path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::NotText {
        path: path.to_path_buf(),
    })?;
    let (session, clamped) =
        Session::from_toml_checked(&text).map_err(|source| StoreError::Invalid {
            path: path.to_path_buf(),
            source,
        })?;
    let warnings = clamped
        .into_iter()
        .map(|c| TimeClamped {
            path: path.to_path_buf(),
            field: c.field,
            value: c.value,
        })
        .collect();
    Ok((session, warnings))
}

/// Whether `path` is one of voer's own files, which no report may replace: a session file
/// (of this voer's format or a newer one's, open in a run or not), the lock or the room
/// screen's presence beside one (`.<file>.toml.lock`, `.<file>.toml.room`), or anything in the
/// rescue folder.
pub fn is_voers_own(path: &Path, rescue: Option<&Path>) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.') && (name.ends_with(".toml.lock") || name.ends_with(".toml.room")) {
        return true;
    }
    let real = |p: &Path| fs::canonicalize(p).ok();
    if let (Some(r), Some(dir)) = (rescue.and_then(real), path.parent().and_then(real))
        && dir.starts_with(&r)
    {
        return true;
    }
    /// What makes a file a session file, whatever else it holds.
    #[derive(serde::Deserialize)]
    struct Probe {
        format_version: i64,
        session: toml::Table,
    }
    read_regular(path, MAX_BYTES)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|text| toml::from_str::<Probe>(&text).ok())
        .is_some_and(|p| p.format_version >= 0 && !p.session.is_empty())
}

/// Why a new session file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Lock(#[from] LockError),
}

/// Makes, locks and first saves the file of a new session in `dir`: the first free name,
/// adding -2, -3 … when it is taken. Each name is locked and then claimed in one step, so that
/// voers started in the same minute for the same group each get a file of their own.
/// Returns the file's absolute path (the folder's symbolic links resolved) and its lock.
pub fn create(dir: &Path, session: &Session) -> Result<(PathBuf, SessionLock), CreateError> {
    let dir = crate::platform::canonicalize(dir).map_err(|e| StoreError::unwritable(dir, e))?;
    let name = session.file_name();
    let stem = name.trim_end_matches(".toml");
    let contents = session.to_toml();
    for path in free_names(&dir, stem) {
        if path.exists() {
            continue;
        }
        let lock = match SessionLock::acquire(&path) {
            Ok(lock) => lock,
            // Another voer is making this very file: on to the next name.
            Err(LockError::InUse { .. }) => continue,
            Err(e) => return Err(e.into()),
        };
        match write_new(&path, contents.as_bytes()) {
            Ok(()) => return Ok((path, lock)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::write(&path, without_temp_name(e)).into()),
        }
    }
    Err(StoreError::Exists {
        path: dir.join(name),
    }
    .into())
}

/// Writes a rescue copy of a session whose last save failed (the sessions folder gone as the
/// window closed) into `dir`, an owner-only folder made if needed (never a link, nor someone
/// else's folder), under the session file's
/// name (`-2`, `-3` … if taken). Returns where.
pub fn rescue(
    dir: &Path,
    name: &std::ffi::OsStr,
    session: &Session,
) -> Result<PathBuf, StoreError> {
    // A link there (to a folder of the user's, or to anyone's) or someone else's folder is
    // refused, not followed: voer writes only in a rescue folder of its own. One it makes is
    // owner-only from the start; one that is there keeps its permissions.
    crate::platform::check_own_folder(dir)
        .and_then(|()| create_private_dir(dir))
        .map_err(|e| StoreError::unwritable(dir, e))?;
    let name = Path::new(name);
    let stem = name.file_stem().unwrap_or_default().to_string_lossy();
    let contents = session.to_toml();
    for path in free_names(dir, &stem) {
        match write_new_file(&path, contents.as_bytes()) {
            Err(StoreError::Exists { .. }) => continue,
            other => return other.map(|()| path),
        }
    }
    Err(StoreError::Exists {
        path: dir.join(name),
    })
}

/// The names a new file called `<stem>.toml` may take in `dir`, in order: `<stem>.toml`, then
/// `<stem>-2.toml`, `<stem>-3.toml` … up to a thousand.
fn free_names<'a>(dir: &'a Path, stem: &'a str) -> impl Iterator<Item = PathBuf> + 'a {
    (1..=1000).map(move |n| match n {
        1 => dir.join(format!("{stem}.toml")),
        n => dir.join(format!("{stem}-{n}.toml")),
    })
}

#[cfg(test)]
mod tests {
    use std::thread;

    use super::*;
    use crate::session::store::fixtures::example;

    #[test]
    fn a_corrupt_file_is_named_with_its_line_in_the_users_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kapot.toml");
        fs::write(&path, "format_version = 1\n[session\nepisode = 1\n").unwrap();
        let e = load(&path).unwrap_err();
        assert_eq!(e.path(), path);
        let nl = e.render(Lang::Nl);
        assert!(
            nl.starts_with(&format!(
                "{}: regel 2, kolom 9: de inhoud klopt niet (",
                path.display()
            )),
            "{nl}"
        );
        let en = e.render(Lang::En);
        assert!(en.contains("kapot.toml: line 2, column 9: "), "{en}");
        assert!(!e.detail(Lang::Nl).contains("kapot.toml"));
    }

    #[test]
    fn starts_in_the_same_minute_each_claim_a_name_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let session = example();
        let barrier = std::sync::Barrier::new(6);
        let made: Vec<PathBuf> = thread::scope(|s| {
            let handles: Vec<_> = (0..6)
                .map(|_| {
                    s.spawn(|| {
                        barrier.wait();
                        let (path, lock) = create(dir.path(), &session).unwrap();
                        // Held until all have made theirs, as a running meeting holds it.
                        barrier.wait();
                        drop(lock);
                        path
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let mut names: Vec<String> = made
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 6, "{names:?}");
        for p in &made {
            assert!(load(p).is_ok());
        }
    }
}
