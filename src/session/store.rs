//! The sessions folder: atomic saves off the UI thread, a lock per session, listing.
use std::{
    fs::{self, File, OpenOptions, TryLockError},
    io::{self, Write},
    path::{Path, PathBuf},
    sync::mpsc::{self, Sender},
    thread,
    time::{Duration, Instant},
};

use super::Session;

/// Creates the folder (owner-only) if needed and proves it is writable by writing a probe file.
pub fn ensure_writable(dir: &Path) -> io::Result<()> {
    create_private_dir(dir)?;
    let probe = tempfile::Builder::new()
        .prefix(".voer-probe")
        .tempfile_in(dir)?;
    drop(probe);
    Ok(())
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, readable by
/// the owner only, flushed to disk, then renamed over the target. A reader or a crash sees
/// the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // tempfile creates its files with mode 0600 on Unix. Named after the target, so that a
    // copy left by a crash can be found and removed (see `remove_leftovers`).
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        // Makes the rename itself durable; failure here is not worth failing the save for.
        let _ = d.sync_all();
    }
    Ok(())
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
fn remove_leftovers(path: &Path) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Saves a session to its file.
pub fn save(path: &Path, session: &Session) -> io::Result<()> {
    write_atomic(path, session.to_toml().as_bytes())
}

/// Reads a session file, with a message that says what is wrong.
pub fn load(path: &Path) -> Result<Session, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Session::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A free path for a new session file in `dir` (adds -2, -3 … when the name is taken).
pub fn new_path(dir: &Path, session: &Session) -> PathBuf {
    let name = session.file_name();
    let stem = name.trim_end_matches(".toml");
    let mut path = dir.join(&name);
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.toml"));
        n += 1;
    }
    path
}

/// Holds an exclusive lock on a session, so that a second voer cannot edit the same file.
/// The lock is an OS file lock: it is released when the process ends, even by `kill -9`,
/// so a crashed run never blocks a resume.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
}

/// Why a session could not be locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Another voer has this session open.
    InUse,
    /// The lock file could not be made or locked.
    Io(String),
}

impl SessionLock {
    pub fn acquire(session_path: &Path) -> Result<SessionLock, LockError> {
        let path = lock_path(session_path);
        let mut opts = OpenOptions::new();
        opts.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        // A voer that quits removes its lock file while holding the lock. Whoever locked the
        // removed file in the meantime holds nothing: check the path still names our file,
        // and try again if not.
        for _ in 0..10 {
            let file = opts
                .open(&path)
                .map_err(|e| LockError::Io(format!("{}: {e}", path.display())))?;
            match file.try_lock() {
                Ok(()) if still_named(&file, &path) => {
                    remove_leftovers(session_path);
                    return Ok(SessionLock { _file: file, path });
                }
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) => return Err(LockError::InUse),
                Err(TryLockError::Error(e)) => {
                    return Err(LockError::Io(format!("{}: {e}", path.display())));
                }
            }
        }
        Err(LockError::InUse)
    }
}

/// Whether `path` still names the open `file` (it was not removed or replaced meanwhile).
fn still_named(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still locked (the file closes after this), see `acquire`.
        let _ = fs::remove_file(&self.path);
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

/// The outcome of one background save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved; carries the revision that was written.
    Saved {
        revision: u64,
        took: Duration,
    },
    Failed {
        revision: u64,
        error: String,
    },
}

struct SaveJob {
    revision: u64,
    path: PathBuf,
    session: Session,
    reply: Option<Sender<SaveOutcome>>,
}

/// Saves sessions on a background thread, so typing never waits for the disk.
/// Jobs that queue up while a slow save runs are collapsed: only the newest is written
/// (it holds everything the older ones do), and whoever waits for an older one is told.
pub struct Saver {
    jobs: Option<Sender<SaveJob>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Saver {
    /// `report` hears the outcome of every save.
    pub fn start(report: impl Fn(SaveOutcome) + Send + 'static) -> Saver {
        Self::with_delay(Duration::ZERO, report)
    }

    /// A saver whose every write takes at least `delay` longer: simulates a slow disk.
    pub fn with_delay(delay: Duration, report: impl Fn(SaveOutcome) + Send + 'static) -> Saver {
        let (jobs_tx, jobs_rx) = mpsc::channel::<SaveJob>();
        let thread = thread::Builder::new()
            .name("voer-saver".into())
            .spawn(move || {
                while let Ok(mut job) = jobs_rx.recv() {
                    let mut waiting: Vec<Sender<SaveOutcome>> =
                        job.reply.take().into_iter().collect();
                    while let Ok(mut newer) = jobs_rx.try_recv() {
                        waiting.extend(newer.reply.take());
                        job = newer;
                    }
                    let start = Instant::now();
                    if !delay.is_zero() {
                        thread::sleep(delay);
                    }
                    let outcome = match save(&job.path, &job.session) {
                        Ok(()) => SaveOutcome::Saved {
                            revision: job.revision,
                            took: start.elapsed(),
                        },
                        Err(e) => SaveOutcome::Failed {
                            revision: job.revision,
                            error: e.to_string(),
                        },
                    };
                    for w in waiting {
                        let _ = w.send(outcome.clone());
                    }
                    report(outcome);
                }
            })
            .ok();
        Saver {
            jobs: Some(jobs_tx),
            thread,
        }
    }

    /// Queues a save; `reply` (if any) hears its outcome.
    pub fn submit(
        &self,
        path: &Path,
        session: Session,
        revision: u64,
        reply: Option<Sender<SaveOutcome>>,
    ) {
        if let Some(tx) = &self.jobs {
            let _ = tx.send(SaveJob {
                revision,
                path: path.to_path_buf(),
                session,
                reply,
            });
        }
    }

    /// Waits for the queued saves to finish.
    pub fn finish(mut self) {
        self.jobs.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// One row of `voer sessions`.
pub struct Listed {
    pub path: PathBuf,
    pub session: Result<Session, String>,
}

/// Every `*.toml` in the sessions folder, newest first; unreadable files carry their reason.
pub fn list(dir: &Path) -> io::Result<Vec<Listed>> {
    let mut out: Vec<Listed> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .map(|path| Listed {
            session: load(&path).map_err(|e| {
                // load() prefixes the path; the table already shows it.
                e.strip_prefix(&format!("{}: ", path.display()))
                    .unwrap_or(&e)
                    .to_string()
            }),
            path,
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |l: &Listed| l.session.as_ref().ok().map(|s| s.session.started_at);
        key(b).cmp(&key(a)).then_with(|| b.path.cmp(&a.path))
    });
    Ok(out)
}

/// The newest unfinished session in the folder.
pub fn newest_unfinished(dir: &Path) -> io::Result<Option<PathBuf>> {
    Ok(list(dir)?
        .into_iter()
        .filter(|l| {
            l.session
                .as_ref()
                .is_ok_and(|s| s.session.status == super::Status::InProgress)
        })
        .max_by_key(|l| l.session.as_ref().ok().map(|s| s.session.updated_at))
        .map(|l| l.path))
}
