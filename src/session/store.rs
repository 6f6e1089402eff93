//! The sessions folder: atomic saves off the UI thread, a lock per session, listing.
use std::{
    fs::{self, File, OpenOptions},
    io::{self, Write},
    path::{Path, PathBuf},
    sync::mpsc::{self, Sender},
    thread,
    time::{Duration, Instant},
};

use fs4::fs_std::FileExt;

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

/// Whether the folder could be used, without creating anything: an existing folder is probed
/// as in `ensure_writable`; for one still to be made, the nearest existing parent must be a
/// folder that is not read-only. For the picker, which makes the folder only for a session.
pub fn check_writable(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        return ensure_writable(dir);
    }
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
            match file.try_lock_exclusive() {
                Ok(true) if still_named(&file, &path) => {
                    remove_leftovers(session_path);
                    return Ok(SessionLock { _file: file, path });
                }
                Ok(true) => continue,
                Ok(false) => return Err(LockError::InUse),
                Err(e) => return Err(LockError::Io(format!("{}: {e}", path.display()))),
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

/// A file that is not the session file (an export, a copy saved elsewhere): written in turn,
/// never merged with other jobs.
struct WriteJob {
    path: PathBuf,
    contents: Vec<u8>,
    done: Box<dyn FnOnce(io::Result<()>) + Send>,
}

enum Job {
    Save(Box<SaveJob>),
    Write(WriteJob),
}

/// Does every write of a run on a background thread, so typing never waits for the disk.
/// Session saves that queue up while a slow save runs are collapsed: only the newest is written
/// (it holds everything the older ones do), and whoever waits for an older one is told.
/// Other files (`write`) are written in the order asked, each reporting its own outcome.
pub struct Saver {
    jobs: Option<Sender<Job>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Saver {
    /// `report` hears the outcome of every session save.
    pub fn start(report: impl Fn(SaveOutcome) + Send + 'static) -> Saver {
        Self::with_delay(Duration::ZERO, report)
    }

    /// A saver whose every write takes at least `delay` longer: simulates a slow disk.
    pub fn with_delay(delay: Duration, report: impl Fn(SaveOutcome) + Send + 'static) -> Saver {
        let (jobs_tx, jobs_rx) = mpsc::channel::<Job>();
        let thread = thread::Builder::new()
            .name("voer-saver".into())
            .spawn(move || {
                while let Ok(first) = jobs_rx.recv() {
                    // Everything queued meanwhile: the newest session save stands for all.
                    let mut newest: Option<Box<SaveJob>> = None;
                    let mut waiting: Vec<Sender<SaveOutcome>> = Vec::new();
                    let mut writes: Vec<WriteJob> = Vec::new();
                    for job in std::iter::once(first).chain(jobs_rx.try_iter()) {
                        match job {
                            Job::Save(mut newer) => {
                                waiting.extend(newer.reply.take());
                                newest = Some(newer);
                            }
                            Job::Write(w) => writes.push(w),
                        }
                    }
                    for w in writes {
                        if !delay.is_zero() {
                            thread::sleep(delay);
                        }
                        (w.done)(write_atomic(&w.path, &w.contents));
                    }
                    let Some(job) = newest else { continue };
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
            let _ = tx.send(Job::Save(Box::new(SaveJob {
                revision,
                path: path.to_path_buf(),
                session,
                reply,
            })));
        }
    }

    /// Queues writing `contents` to `path` (atomically); `done` hears the outcome.
    pub fn write(
        &self,
        path: &Path,
        contents: Vec<u8>,
        done: impl FnOnce(io::Result<()>) + Send + 'static,
    ) {
        let job = Job::Write(WriteJob {
            path: path.to_path_buf(),
            contents,
            done: Box::new(done),
        });
        if let Some(tx) = &self.jobs
            && let Err(mpsc::SendError(Job::Write(w))) = tx.send(job)
        {
            (w.done)(Err(io::Error::other("the saver has stopped")));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        episode::{Audience, Library},
        lang::Lang,
        session::Meta,
    };

    fn session() -> Session {
        let lib = Library::embedded();
        let ep = lib.find("jef-mol").expect("episode 4 is embedded");
        let meta = Meta {
            group: "Team".into(),
            facilitator: String::new(),
        };
        Session::new(
            ep,
            Audience::Team,
            &meta,
            Lang::Nl,
            chrono::Local::now().fixed_offset(),
        )
    }

    #[test]
    fn other_files_are_written_in_turn_between_merged_session_saves() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = mpsc::channel();
        let saver = Saver::start(move |o| {
            let _ = tx.send(o);
        });
        // The saver is held busy until everything below has queued up.
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let (busy_tx, busy_rx) = mpsc::channel();
        saver.write(&dir.path().join("0.md"), b"first".to_vec(), move |_| {
            let _ = busy_tx.send(());
            let _ = gate_rx.recv();
        });
        busy_rx.recv().unwrap();
        let file = dir.path().join("sessie.toml");
        let (done_tx, done_rx) = mpsc::channel();
        for rev in 1..=3 {
            saver.submit(&file, session(), rev, None);
            let (path, done) = (dir.path().join(format!("{rev}.md")), done_tx.clone());
            saver.write(&path, format!("export {rev}").into_bytes(), move |r| {
                let _ = done.send(r.is_ok());
            });
        }
        drop(gate_tx);
        saver.finish();
        let written: Vec<bool> = done_rx.try_iter().collect();
        assert_eq!(written, [true, true, true], "every file is written once");
        for rev in 1..=3 {
            let text = fs::read_to_string(dir.path().join(format!("{rev}.md"))).unwrap();
            assert_eq!(text, format!("export {rev}"));
        }
        let saved: Vec<u64> = rx
            .try_iter()
            .map(|o| match o {
                SaveOutcome::Saved { revision, .. } => revision,
                SaveOutcome::Failed { error, .. } => panic!("{error}"),
            })
            .collect();
        assert_eq!(
            saved,
            [3],
            "saves that queued up are merged into the newest"
        );
        assert!(load(&file).is_ok());
    }
}
