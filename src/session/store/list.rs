//! What is in a sessions folder: every session file, newest first, and the one to resume.
use std::{
    fs,
    path::{Path, PathBuf},
    sync::Arc,
};

use chrono::{DateTime, FixedOffset};

use super::{
    StoreError, TimeClamped,
    cache::{Head, Index, Summary},
    load_checked,
};
use crate::session::{Session, Status};

/// One session file of a folder: the session as read (or its summary, see `cache`), or why
/// it could not be read.
pub struct Listed<S = Session> {
    pub path: PathBuf,
    pub session: Result<S, StoreError>,
    /// Times the file held over 24 hours, read as 24 hours.
    pub warnings: Vec<TimeClamped>,
}

/// Every `*.toml` in the sessions folder, newest first; unreadable files carry their reason.
pub fn list(dir: &Path) -> Result<Vec<Listed>, StoreError> {
    let entries = fs::read_dir(dir).map_err(|e| StoreError::List {
        dir: dir.to_path_buf(),
        source: Arc::new(e),
    })?;
    let mut out: Vec<Listed> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .map(|path| {
            let (session, warnings) = match load_checked(&path) {
                Ok((s, w)) => (Ok(s), w),
                Err(e) => (Err(e), Vec::new()),
            };
            Listed {
                session,
                warnings,
                path,
            }
        })
        .collect();
    sort(&mut out, |s| s.session.started_at);
    Ok(out)
}

/// Newest first by when they started, unreadable files last; by name among equals.
pub(super) fn sort<S>(listed: &mut [Listed<S>], started: impl Fn(&S) -> DateTime<FixedOffset>) {
    listed.sort_by(|a, b| {
        let key = |l: &Listed<S>| l.session.as_ref().ok().map(&started);
        key(b).cmp(&key(a)).then_with(|| b.path.cmp(&a.path))
    });
}

/// The newest unfinished session in the folder; examples are left out.
pub fn newest_unfinished(dir: &Path) -> Result<Option<PathBuf>, StoreError> {
    newest_unfinished_with(dir, None)
}

/// As [`newest_unfinished`], with the rescue copies in `rescue` too: a copy written there when
/// the last save failed is newer than the file it stands in for. The sessions folder is read
/// through its cache (see `cache`), which this does not write.
pub fn newest_unfinished_with(
    dir: &Path,
    rescue: Option<&Path>,
) -> Result<Option<PathBuf>, StoreError> {
    let index = match Index::read(dir) {
        Ok(index) => index,
        Err(e) if e.is_not_found() && rescue.is_some() => Index::empty(dir),
        Err(e) => return Err(e),
    };
    Ok(newest_unfinished_of(&index, rescue))
}

/// As [`newest_unfinished_with`], of a sessions folder already listed: only the summaries of
/// its unfinished sessions are read.
pub fn newest_unfinished_of(index: &Index, rescue: Option<&Path>) -> Option<PathBuf> {
    let mut all: Vec<(PathBuf, Head)> = index
        .entries
        .iter()
        .filter(|e| e.unfinished() && !e.example())
        .filter_map(|e| Some((e.path.clone(), index.summary(e).ok()?.session)))
        .collect();
    // In the order `list` gives, so that of two saved at the same moment the same is taken.
    all.sort_by(|a, b| (b.1.started_at, &b.0).cmp(&(a.1.started_at, &a.0)));
    let rescued = rescue.and_then(|r| list(r).ok()).unwrap_or_default();
    all.extend(rescued.into_iter().filter_map(|l| {
        let s = l.session.ok()?;
        Some((l.path, Summary::of(&s, Vec::new()).session))
    }));
    all.into_iter()
        .filter(|(_, s)| s.status == Status::InProgress && !s.example)
        .max_by_key(|(_, s)| s.updated_at)
        .map(|(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        lang::Lang,
        session::store::{fixtures::EXAMPLE, load, save},
    };

    #[test]
    fn a_listed_file_keeps_its_problem_without_repeating_the_path() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("leeg.toml"), "").unwrap();
        let listed = list(dir.path()).unwrap();
        let e = listed[0].session.as_ref().unwrap_err();
        assert_eq!(e.path(), dir.path().join("leeg.toml"));
        assert_eq!(
            e.detail(Lang::Nl),
            "dit is geen sessiebestand van voer (format_version ontbreekt)"
        );
    }

    #[test]
    fn the_example_mark_is_kept_and_resume_never_picks_an_example() {
        let dir = tempfile::tempdir().unwrap();
        // An unfinished example, newer than the real unfinished session.
        let example = EXAMPLE
            .replace("status = \"finished\"", "status = \"in-progress\"")
            .replace("2026-11-20T14:57:00", "2026-11-29T14:57:00");
        fs::write(dir.path().join("example.toml"), &example).unwrap();
        let loaded = load(&dir.path().join("example.toml")).unwrap();
        assert!(loaded.session.example);
        save(&dir.path().join("copy.toml"), &loaded).unwrap();
        assert!(load(&dir.path().join("copy.toml")).unwrap().session.example);
        fs::remove_file(dir.path().join("copy.toml")).unwrap();
        assert_eq!(newest_unfinished(dir.path()).unwrap(), None);

        let real = example.replace("example = true\n", "");
        fs::write(
            dir.path().join("real.toml"),
            real.replace("2026-11-29", "2026-11-21"),
        )
        .unwrap();
        assert!(!load(&dir.path().join("real.toml")).unwrap().session.example);
        assert_eq!(
            newest_unfinished(dir.path()).unwrap(),
            Some(dir.path().join("real.toml"))
        );
    }
}
