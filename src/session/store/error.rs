//! What can go wrong with a session file or the sessions folder, as one value.
use std::{
    io,
    path::{Path, PathBuf},
    sync::Arc,
};

use crate::{
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
    session::FileError,
};

/// What went wrong with a session file or the sessions folder: the path and the system's
/// error travel inside; the words are made where the error is shown ([`Localize`]).
/// The `io::Error` is shared, so that the saver can tell everyone who waits for a save.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// A session file could not be read.
    Read {
        path: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// A session file holds bytes that are not UTF-8 text.
    NotText { path: PathBuf },
    /// A session file was read, but it is not one this voer can use.
    Invalid {
        path: PathBuf,
        #[source]
        source: FileError,
    },
    /// A file (the session, a report, a copy elsewhere) could not be written.
    Write {
        path: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// The disk did not answer in time while `path` was being saved.
    NoAnswer { path: PathBuf },
    /// A new file was to be made at `path`, but there is one already: it is left alone.
    Exists { path: PathBuf },
    /// The session's lock was lost (its folder was removed and made again) and another voer
    /// took it meanwhile: this one no longer writes the file.
    InUse { path: PathBuf },
    /// The saver thread had already stopped, so `path` was not written.
    SaverStopped { path: PathBuf },
    /// The sessions folder cannot be made or written in.
    Unwritable {
        dir: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// The sessions folder cannot be read.
    List {
        dir: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
}

impl StoreError {
    pub fn read(path: &Path, source: io::Error) -> StoreError {
        StoreError::Read {
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }

    pub fn write(path: &Path, source: io::Error) -> StoreError {
        StoreError::Write {
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }

    pub fn unwritable(dir: &Path, source: io::Error) -> StoreError {
        StoreError::Unwritable {
            dir: dir.to_path_buf(),
            source: Arc::new(source),
        }
    }

    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Read { path, .. }
            | StoreError::NotText { path }
            | StoreError::Invalid { path, .. }
            | StoreError::Write { path, .. }
            | StoreError::NoAnswer { path }
            | StoreError::Exists { path }
            | StoreError::InUse { path }
            | StoreError::SaverStopped { path } => path,
            StoreError::Unwritable { dir, .. } | StoreError::List { dir, .. } => dir,
        }
    }

    /// Whether the file or folder is not there at all.
    pub fn is_not_found(&self) -> bool {
        match self {
            StoreError::Read { source, .. }
            | StoreError::Write { source, .. }
            | StoreError::Unwritable { source, .. }
            | StoreError::List { source, .. } => source.kind() == io::ErrorKind::NotFound,
            _ => false,
        }
    }

    /// What is wrong, without the path: for where the path is already shown beside it.
    pub fn detail(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            // Writing makes a file in the folder: "not found" means the folder went away.
            StoreError::Write { source, .. } if source.kind() == io::ErrorKind::NotFound => {
                t.os_folder_gone.to_string()
            }
            StoreError::Read { source, .. }
            | StoreError::Write { source, .. }
            | StoreError::Unwritable { source, .. }
            | StoreError::List { source, .. } => os_reason(source, lang),
            StoreError::NotText { .. } => t.not_text.to_string(),
            StoreError::Invalid { source, .. } => source.render(lang),
            StoreError::NoAnswer { .. } => t.os_no_answer.to_string(),
            StoreError::Exists { path } => fill(t.save_as_exists, [&path.display()]),
            StoreError::InUse { path } => fill(t.session_in_use, [&path.display()]),
            StoreError::SaverStopped { .. } => t.saver_stopped.to_string(),
        }
    }
}

impl Localize for StoreError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        let detail = self.detail(lang);
        match self {
            StoreError::Unwritable { dir, .. } => {
                fill(t.sessions_unwritable, [&dir.display(), &detail])
            }
            StoreError::List { dir, .. } => fill(t.sessions_unreadable, [&dir.display(), &detail]),
            // The path is in the sentence already.
            StoreError::Exists { .. } | StoreError::InUse { .. } => detail,
            _ => format!("{}: {detail}", self.path().display()),
        }
    }
}

i18n::english_display!(StoreError);

/// Equal when they say the same: `io::Error` itself has no equality.
impl PartialEq for StoreError {
    fn eq(&self, other: &StoreError) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for StoreError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::store::write_atomic;

    #[test]
    fn writing_into_a_folder_that_went_away_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("weg").join("s.toml");
        let e = write_atomic(&path, b"x").map_err(|e| StoreError::write(&path, e));
        let e = e.unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!("{}: de map bestaat niet (meer)", path.display())
        );
        assert!(e.is_not_found());
    }

    #[test]
    fn a_write_after_the_saver_stopped_is_named_in_the_users_language() {
        let e = StoreError::SaverStopped {
            path: PathBuf::from("verslag.md"),
        };
        assert_eq!(
            e.render(Lang::Nl),
            "verslag.md: niet geschreven: het opslaan was al gestopt"
        );
        assert_eq!(
            e.render(Lang::En),
            "verslag.md: not written: saving had already stopped"
        );
    }
}
