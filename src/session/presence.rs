//! The room screen (`crate::room`) announces itself with a small owner-only file beside the
//! session, `.<session>.toml.room`, rewritten every few seconds. The facilitator's screen
//! takes a fresh one as "a room screen follows". It is the only file the room screen writes.
//!
//! Several room screens may follow one session (a projector in each room): they share the one
//! file. Each write replaces it by a rename, so no write goes through whatever is at that name
//! (a link to another file, a second name of a session) and the file is always owner-only;
//! anything there that is not a plain file (a link, a pipe, a folder) is left alone, and the
//! room screen then goes without. Each screen writes a mark of its own; one that closes removes
//! the file only if its own mark is still in it, so it never takes away another screen's.
//! The writes happen on a thread of their own: a disk that does not answer never holds up the
//! room screen's keys.
use std::{
    fs,
    path::{Path, PathBuf},
    sync::mpsc::{self, RecvTimeoutError},
    thread,
    time::{Duration, SystemTime},
};

use super::store;

/// The room rewrites its presence file this often …
pub const REFRESH: Duration = Duration::from_secs(4);
/// … and a presence file older than this is stale (a room screen that was killed).
pub const STALE: Duration = Duration::from_secs(15);
/// How long a closing room screen waits for its presence file to be removed.
const CLOSING: Duration = Duration::from_secs(1);
/// The most of a presence file that is read, to see whose mark it holds.
const MAX_BYTES: u64 = 4096;

/// `.<session file name>.room`, beside the session file.
pub fn path(session_path: &Path) -> PathBuf {
    let name = session_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    session_path.with_file_name(format!(".{name}.room"))
}

/// Whether a room screen follows this session now: its presence file is a plain file,
/// written less than [`STALE`] ago.
pub fn is_fresh(session_path: &Path, now: SystemTime) -> bool {
    fs::symlink_metadata(path(session_path))
        .ok()
        .filter(fs::Metadata::is_file)
        .and_then(|m| m.modified().ok())
        .is_some_and(|t| now.duration_since(t).unwrap_or_default() < STALE)
}

/// One room screen's presence beside a session; it ends when dropped.
#[derive(Debug)]
pub struct Presence {
    session: PathBuf,
    stop: Option<mpsc::Sender<()>>,
    done: mpsc::Receiver<()>,
}

impl Presence {
    /// Starts announcing a room screen beside `session_path`, now and every [`REFRESH`].
    pub fn announce(session_path: &Path) -> Presence {
        Presence::every(session_path, REFRESH)
    }

    /// As [`Presence::announce`], rewritten every `refresh`.
    pub fn every(session_path: &Path, refresh: Duration) -> Presence {
        let file = path(session_path);
        let mark = mark();
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let (done_tx, done_rx) = mpsc::channel();
        let spawned = thread::Builder::new()
            .name("voer-presence".into())
            .spawn(move || {
                loop {
                    // A failed write is tried again at the next refresh.
                    let _ = write(&file, &mark);
                    match stop_rx.recv_timeout(refresh) {
                        Err(RecvTimeoutError::Timeout) => {}
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
                remove_if_ours(&file, &mark);
                let _ = done_tx.send(());
            });
        let stop = spawned.is_ok().then_some(stop_tx);
        Presence {
            session: session_path.to_path_buf(),
            stop,
            done: done_rx,
        }
    }

    /// The session file this presence is beside.
    pub fn session_path(&self) -> &Path {
        &self.session
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        if self.stop.take().is_some() {
            // The thread removes the file; waited for a moment, so that a room screen that
            // quits leaves nothing behind, but never for a disk that does not answer.
            let _ = self.done.recv_timeout(CLOSING);
        }
    }
}

/// What this room screen writes in the file: the process and when the screen started, so
/// that no two screens write the same.
fn mark() -> String {
    let since = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    format!(
        "room screen, process {}, since {since}\n",
        std::process::id()
    )
}

/// Writes `mark` to `file` beside itself and renames it over; anything at `file` that is not
/// a plain file is left as it is (and nothing is written).
fn write(file: &Path, mark: &str) -> std::io::Result<()> {
    match fs::symlink_metadata(file) {
        Ok(m) if !m.is_file() => Err(std::io::ErrorKind::InvalidInput.into()),
        _ => store::write_atomic_ending(file, mark.as_bytes(), ".room"),
    }
}

/// Removes `file` if it is a plain file that still holds `mark`: no other room screen has
/// written it since this one last did.
fn remove_if_ours(file: &Path, mark: &str) {
    let plain = fs::symlink_metadata(file).is_ok_and(|m| m.is_file());
    if plain && crate::platform::read_regular(file, MAX_BYTES).is_ok_and(|b| b == mark.as_bytes()) {
        let _ = fs::remove_file(file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Long enough that no refresh comes during a test: each write is the one asked for.
    const NEVER: Duration = Duration::from_secs(3600);

    fn written(session: &Path) -> String {
        fs::read_to_string(path(session)).unwrap_or_default()
    }

    /// Waits until the presence file is written (the thread does it soon after the start).
    fn wait_for_mark(session: &Path, not: &str) -> String {
        for _ in 0..1000 {
            let w = written(session);
            if !w.is_empty() && w != not {
                return w;
            }
            thread::sleep(Duration::from_millis(5));
        }
        panic!("no presence file written");
    }

    #[test]
    fn a_presence_file_is_fresh_while_there_and_gone_when_dropped() {
        let dir = tempfile::tempdir().expect("a folder");
        let session = dir.path().join("s.toml");
        assert!(!is_fresh(&session, SystemTime::now()));
        let p = Presence::every(&session, NEVER);
        assert_eq!(p.session_path(), session);
        wait_for_mark(&session, "");
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
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_room_screen_that_closes_leaves_the_file_another_one_wrote_since() {
        let dir = tempfile::tempdir().expect("a folder");
        let session = dir.path().join("s.toml");
        let first = Presence::every(&session, NEVER);
        let first_mark = wait_for_mark(&session, "");
        let second = Presence::every(&session, NEVER);
        let second_mark = wait_for_mark(&session, &first_mark);
        drop(first);
        assert_eq!(
            written(&session),
            second_mark,
            "the second one's file stays"
        );
        drop(second);
        assert!(!path(&session).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_or_a_second_name_at_the_presence_path_is_never_written_through() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a folder");
        let other = dir.path().join("ander.toml");
        fs::write(&other, "format_version = 2\n").unwrap();
        // A symbolic link: left as it is, the file it points at untouched.
        let session = dir.path().join("s.toml");
        std::os::unix::fs::symlink(&other, path(&session)).unwrap();
        drop(Presence::every(&session, NEVER));
        assert!(fs::symlink_metadata(path(&session)).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&other).unwrap(), "format_version = 2\n");
        assert!(!is_fresh(&session, SystemTime::now()));
        // A hard link to another session, made readable by all: replaced by a file of its own.
        let session = dir.path().join("t.toml");
        fs::hard_link(&other, path(&session)).unwrap();
        fs::set_permissions(path(&session), fs::Permissions::from_mode(0o666)).unwrap();
        let p = Presence::every(&session, NEVER);
        wait_for_mark(&session, "format_version = 2\n");
        assert_eq!(fs::read_to_string(&other).unwrap(), "format_version = 2\n");
        let mode = fs::metadata(path(&session)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        drop(p);
    }
}
