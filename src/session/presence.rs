//! The room screen (`crate::room`) announces itself with a small owner-only file beside the session,
//! `.<session>.toml.room`, touched every few seconds and removed when it closes. The
//! facilitator's screen takes a fresh one as "a room screen follows". It is the only file the
//! room screen writes.
use std::{
    fs::{self, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
    time::{Duration, SystemTime},
};

/// The room rewrites its presence file this often …
pub const REFRESH: Duration = Duration::from_secs(4);
/// … and a presence file older than this is stale (a room screen that was killed).
pub const STALE: Duration = Duration::from_secs(15);

pub fn path(session_path: &Path) -> PathBuf {
    let name = session_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    session_path.with_file_name(format!(".{name}.room"))
}

/// Whether a room screen follows this session now.
pub fn is_fresh(session_path: &Path, now: SystemTime) -> bool {
    fs::metadata(path(session_path))
        .and_then(|m| m.modified())
        .is_ok_and(|t| now.duration_since(t).unwrap_or_default() < STALE)
}

/// The presence file of one room screen; removed when dropped.
#[derive(Debug)]
pub struct Presence {
    path: PathBuf,
}

impl Presence {
    pub fn announce(session_path: &Path) -> io::Result<Presence> {
        let p = Presence {
            path: path(session_path),
        };
        p.refresh()?;
        Ok(p)
    }

    /// Rewrites the file, so its time says the room screen is still there.
    pub fn refresh(&self) -> io::Result<()> {
        let mut opts = OpenOptions::new();
        opts.create(true).write(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(&self.path)?;
        writeln!(f, "room screen, process {}", std::process::id())
    }

    pub fn session_path(&self) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let inner = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".room"))
            .unwrap_or_default()
            .to_string();
        self.path.with_file_name(inner)
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_presence_file_is_fresh_while_there_and_gone_when_dropped() {
        let dir = tempfile::tempdir().expect("a folder");
        let session = dir.path().join("s.toml");
        assert!(!is_fresh(&session, SystemTime::now()));
        let p = Presence::announce(&session).expect("written");
        assert_eq!(p.session_path(), session);
        assert!(is_fresh(&session, SystemTime::now()));
        assert!(!is_fresh(
            &session,
            SystemTime::now() + STALE + Duration::from_secs(1)
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(path(&session))
                .expect("there")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        drop(p);
        assert!(!path(&session).exists());
    }
}
