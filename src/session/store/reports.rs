//! The reports `Ctrl+E` writes beside a session file: `<session>.md`, recorded in the session
//! file with their SHA-256 ([`ReportFile`]). voer replaces only a report of its own that
//! nobody changed since; a report someone edited by hand stays as it is, and the new one takes
//! the next free name (`<session>-2.md`, …). `voer delete` removes only the reports
//! [`unchanged_reports`] names.
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use super::{StoreError, atomic::write_atomic, atomic::write_new_file, session_file::MAX_BYTES};
use crate::session::{ReportFile, Session};

/// A report written beside its session file.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    /// What the session file is to record of it.
    pub record: ReportFile,
    /// The report that would have been replaced, left as it is: it was changed since voer
    /// wrote it, or voer did not write it.
    pub kept: Option<PathBuf>,
}

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes `contents` as the report beside the session file at `session_path`: over the first
/// of `<stem>.md`, `<stem>-2.md` … that is not there or is one of `recorded`, unchanged;
/// never over anything else.
pub fn write_report(
    session_path: &Path,
    recorded: &[ReportFile],
    contents: &[u8],
    now: DateTime<FixedOffset>,
) -> Result<Written, StoreError> {
    let record = |path: &Path| ReportFile {
        name: file_name(path),
        sha256: sha256_hex(contents),
        written_at: now,
        ..ReportFile::default()
    };
    let mut kept = None;
    for path in names(session_path) {
        let ours = recorded.iter().find(|r| r.name == file_name(&path));
        let result = match ours {
            Some(r) if is_unchanged(&path, r) => {
                write_atomic(&path, contents).map_err(|e| StoreError::write(&path, e))
            }
            // Anything there now was not written by voer, or was changed since.
            _ => write_new_file(&path, contents),
        };
        match result {
            Ok(()) => {
                return Ok(Written {
                    record: record(&path),
                    path,
                    kept,
                });
            }
            Err(StoreError::Exists { .. }) => {
                kept.get_or_insert(path);
            }
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::Exists {
        path: session_path.with_extension("md"),
    })
}

/// The reports of this session that voer wrote and nobody changed since: the ones `voer
/// delete` may remove with the session. A report changed by hand, gone, or not a plain file
/// is not among them.
pub fn unchanged_reports(session_path: &Path, session: &Session) -> Vec<PathBuf> {
    let dir = session_path.parent().unwrap_or(Path::new("."));
    session
        .reports
        .iter()
        // A name is a file beside the session, never a path elsewhere.
        .filter(|r| Path::new(&r.name).file_name() == Some(r.name.as_ref()))
        .map(|r| (dir.join(&r.name), r))
        .filter(|(path, r)| is_unchanged(path, r))
        .map(|(path, _)| path)
        .collect()
}

/// Whether the plain file at `path` still holds what voer wrote there.
fn is_unchanged(path: &Path, record: &ReportFile) -> bool {
    let plain = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
    plain
        && crate::platform::read_regular(path, MAX_BYTES)
            .is_ok_and(|bytes| sha256_hex(&bytes) == record.sha256)
}

/// `<stem>.md`, then `<stem>-2.md` … beside the session file.
fn names(session_path: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..=1000).map(move |n| match n {
        1 => session_path.with_file_name(format!("{stem}.md")),
        n => session_path.with_file_name(format!("{stem}-{n}.md")),
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::session::store::fixtures::example;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-20T14:30:00+01:00").unwrap()
    }

    #[test]
    fn a_report_of_its_own_is_replaced_one_changed_by_hand_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let session_path = dir.path().join("s.toml");
        let mut s = example();
        let first = write_report(&session_path, &s.reports, b"een", now()).unwrap();
        assert_eq!(first.path, dir.path().join("s.md"));
        assert_eq!(first.kept, None);
        assert_eq!(first.record.sha256, sha256_hex(b"een"));
        s.reports.push(first.record);
        assert_eq!(
            unchanged_reports(&session_path, &s),
            [dir.path().join("s.md")]
        );

        // Unchanged: replaced, under the same name.
        let again = write_report(&session_path, &s.reports, b"twee", now()).unwrap();
        assert_eq!(again.path, dir.path().join("s.md"));
        s.reports[0] = again.record;
        assert_eq!(fs::read(dir.path().join("s.md")).unwrap(), b"twee");

        // Edited by hand: kept; the report goes to the next free name, and says so.
        fs::write(dir.path().join("s.md"), "twee, met de hand aangevuld").unwrap();
        assert_eq!(unchanged_reports(&session_path, &s), Vec::<PathBuf>::new());
        let third = write_report(&session_path, &s.reports, b"drie", now()).unwrap();
        assert_eq!(third.path, dir.path().join("s-2.md"));
        assert_eq!(third.kept, Some(dir.path().join("s.md")));
        assert_eq!(
            fs::read_to_string(dir.path().join("s.md")).unwrap(),
            "twee, met de hand aangevuld"
        );
        s.reports.push(third.record);
        assert_eq!(
            unchanged_reports(&session_path, &s),
            [dir.path().join("s-2.md")]
        );

        // A file voer never wrote is never replaced either.
        let other = dir.path().join("t.toml");
        fs::write(dir.path().join("t.md"), "van iemand anders").unwrap();
        let w = write_report(&other, &[], b"vier", now()).unwrap();
        assert_eq!(w.path, dir.path().join("t-2.md"));
        assert_eq!(
            fs::read_to_string(dir.path().join("t.md")).unwrap(),
            "van iemand anders"
        );
    }

    #[test]
    fn a_recorded_name_never_leads_out_of_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("buiten.md");
        fs::write(&outside, "x").unwrap();
        let inner = dir.path().join("sessies");
        fs::create_dir(&inner).unwrap();
        let mut s = example();
        s.reports.push(ReportFile {
            name: "../buiten.md".into(),
            sha256: sha256_hex(b"x"),
            written_at: now(),
            ..ReportFile::default()
        });
        assert_eq!(
            unchanged_reports(&inner.join("s.toml"), &s),
            Vec::<PathBuf>::new()
        );
    }
}
