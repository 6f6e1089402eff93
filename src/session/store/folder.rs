//! The sessions folder (and the rescue folder): made owner-only, and proven writable before a
//! meeting starts rather than halfway through it.
use std::{fs, io, path::Path};

use super::StoreError;

/// Creates the folder (owner-only) if needed and proves it is writable by writing a probe file.
pub fn ensure_writable(dir: &Path) -> Result<(), StoreError> {
    let probe = create_private_dir(dir).and_then(|()| {
        tempfile::Builder::new()
            .prefix(".voer-probe")
            .tempfile_in(dir)
    });
    probe.map(drop).map_err(|e| StoreError::unwritable(dir, e))
}

/// Whether the folder could be used, without creating anything: an existing folder is probed
/// as in `ensure_writable`; for one still to be made, the nearest existing parent must be a
/// folder that is not read-only. For the picker, which makes the folder only for a session.
pub fn check_writable(dir: &Path) -> Result<(), StoreError> {
    if dir.exists() {
        return ensure_writable(dir);
    }
    would_be_writable(dir).map_err(|e| StoreError::unwritable(dir, e))
}

fn would_be_writable(dir: &Path) -> io::Result<()> {
    let dir = std::path::absolute(dir)?;
    let mut parent = dir.parent();
    while let Some(p) = parent {
        match fs::metadata(p) {
            Ok(meta) if !meta.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!("{} is not a folder", p.display()),
                ));
            }
            Ok(meta) if meta.permissions().readonly() => {
                return Err(io::Error::from(io::ErrorKind::PermissionDenied));
            }
            Ok(_) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => parent = p.parent(),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

pub(super) fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if dir.exists() {
        // The system would say "already exists", which reads as if all were well.
        return Err(io::ErrorKind::NotADirectory.into());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    // On Windows the folder takes the access list of its parent instead (see `platform`).
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{i18n::Localize, lang::Lang};

    #[test]
    fn a_file_where_the_sessions_folder_should_be_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bestand");
        fs::write(&file, "").unwrap();
        let e = ensure_writable(&file).unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!(
                "Kan niet opslaan in de map '{}': geen map. Kies een andere map met --sessions MAP.",
                file.display()
            )
        );
    }
}
