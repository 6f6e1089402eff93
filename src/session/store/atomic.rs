//! Writing a file so that a crash or a reader never sees half of it: a temporary file beside
//! the target, flushed, then renamed over it (or, for a new file, only where none is).
use std::{
    fs,
    io::{self, Write},
    path::Path,
    thread,
};

use super::StoreError;

/// Writes `contents` to `path` atomically: a temporary file in the same folder, readable by
/// the owner only, flushed to disk, then renamed over the target. A reader or a crash sees
/// the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_via_temp(path, contents, TEMP_SUFFIX, true).map_err(without_temp_name)
}

/// As [`write_atomic`], for a file that matters only while voer runs (the room screen's
/// presence file): not flushed to disk, and the temporary file's name ends in `suffix` rather
/// than `.tmp`, so that a watcher of the folder can tell these writes by their name.
pub fn write_atomic_ending(path: &Path, contents: &[u8], suffix: &str) -> io::Result<()> {
    write_via_temp(path, contents, suffix, false).map_err(without_temp_name)
}

/// How the name of a temporary file ends, unless said otherwise.
const TEMP_SUFFIX: &str = ".tmp";

/// tempfile names its temporary file (`.x.md.iTSfmO.tmp`) in its errors; the user should only
/// see the reason, with the target named by the caller.
pub(super) fn without_temp_name(e: io::Error) -> io::Error {
    // Our own reasons name no temporary file, and are worded in the user's language later.
    if e.get_ref()
        .is_some_and(|r| r.is::<crate::platform::HeldOpen>())
    {
        return e;
    }
    // tempfile words it as "<reason> at path \"<temp file>\"".
    let text = e.to_string();
    match text.split_once(" at path ") {
        Some((reason, _)) => io::Error::new(e.kind(), reason.to_string()),
        None => e,
    }
}

/// `contents` in a temporary file beside `path`, flushed to disk. tempfile creates its files
/// with mode 0600 on Unix (on Windows they take the folder's access list). Named after the
/// target, so that a copy left by a crash can be found and removed (see `remove_leftovers`).
fn temp_beside(
    path: &Path,
    contents: &[u8],
    suffix: &str,
    durable: bool,
) -> io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(suffix)
        .tempfile_in(folder_of(path))?;
    tmp.write_all(contents)?;
    if durable {
        tmp.as_file().sync_all()?;
    }
    Ok(tmp)
}

/// Makes a rename in the folder of `path` durable; failure here is not worth failing the save
/// for. Windows cannot open a folder as a file; NTFS journals the rename itself.
fn sync_folder_of(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn write_via_temp(path: &Path, contents: &[u8], suffix: &str, durable: bool) -> io::Result<()> {
    let tmp = temp_beside(path, contents, suffix, durable)?;
    replace_with(path, tmp, durable)
}

/// As [`write_atomic`], with `check` asked between the flush and the rename: when it fails,
/// the temporary file is removed and `path` left as it was. For a session, `check` is its
/// lock (see `lock::relock`): asked only after the flush, which can take seconds on a slow
/// disk, no second voer can open the session in the meantime unnoticed.
pub(super) fn write_atomic_checked<T>(
    path: &Path,
    contents: &[u8],
    check: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let tmp = temp_beside(path, contents, TEMP_SUFFIX, true)
        .map_err(|e| StoreError::write(path, without_temp_name(e)))?;
    let checked = check()?;
    replace_with(path, tmp, true).map_err(|e| StoreError::write(path, without_temp_name(e)))?;
    Ok(checked)
}

/// Renames the flushed `tmp` over `path`.
fn replace_with(path: &Path, tmp: tempfile::NamedTempFile, durable: bool) -> io::Result<()> {
    // Windows refuses to replace a file that a sync client or a virus scanner holds open for
    // a moment: try again for about a second, then say so (see `platform::retry_while_held`).
    let mut tmp = Some(tmp);
    crate::platform::retry_while_held(
        || match tmp.take() {
            Some(t) => t.persist(path).map(drop).map_err(|e| {
                tmp = Some(e.file);
                e.error
            }),
            None => Err(io::Error::other("the temporary file is gone")),
        },
        crate::platform::held_open,
        thread::sleep,
    )?;
    if durable {
        sync_folder_of(path);
    }
    Ok(())
}

/// The folder a file is in; "." for a bare file name.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `.<file name>.`: the start of the name of a temporary file that will become `path`.
fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Removes the temporary copies of `path` that a crash in the middle of a save left behind:
/// they hold the notes, and would otherwise stay in the folder after the session is deleted.
/// Only safe while holding the session's lock: no one else is saving this file.
pub(super) fn remove_leftovers(path: &Path) {
    let dir = folder_of(path);
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Writes `contents` to a new file at `path`; an existing file is left alone (`Exists`).
pub fn write_new_file(path: &Path, contents: &[u8]) -> Result<(), StoreError> {
    write_new(path, contents).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            StoreError::Exists {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::write(path, without_temp_name(e))
        }
    })
}

/// As `write_via_temp`, but the temporary file takes the name only if no file has it: in
/// one step, so that two voers cannot both take it.
pub(super) fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    temp_beside(path, contents, TEMP_SUFFIX, true)?
        .persist_noclobber(path)
        .map_err(|e| e.error)?;
    sync_folder_of(path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_does_not_name_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("weg/verslag.md");
        let e = write_atomic(&target, b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert!(!e.to_string().contains(".tmp"), "{e}");
        assert!(!e.to_string().contains("verslag"), "{e}");
        #[cfg(unix)]
        assert_eq!(e.to_string(), "No such file or directory (os error 2)");
    }

    #[test]
    fn a_check_that_fails_after_the_flush_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("s.toml");
        fs::write(&target, "oud").unwrap();
        let e = write_atomic_checked(&target, b"nieuw", || {
            // Asked once the new text is on the disk, beside the file.
            assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
            Err::<(), _>(StoreError::InUse {
                path: target.clone(),
            })
        })
        .unwrap_err();
        assert!(matches!(e, StoreError::InUse { .. }), "{e:?}");
        assert_eq!(fs::read_to_string(&target).unwrap(), "oud");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "{left:?}");
        assert_eq!(
            write_atomic_checked(&target, b"nieuw", || Ok::<_, StoreError>(7)).unwrap(),
            7
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "nieuw");
    }
}
