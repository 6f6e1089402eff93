//! The saver thread: every write of a run, off the UI thread, session saves merged.
use std::{
    path::{Path, PathBuf},
    sync::mpsc::{self, Sender},
    thread,
    time::{Duration, Instant},
};

use super::{
    StoreError, atomic::write_atomic, atomic::write_new_file, lock::check_held,
    session_file::save_relocking,
};
use crate::session::Session;

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
        error: StoreError,
    },
    /// The session's lock file was gone (removed, replaced, its folder made again), and this
    /// voer made it again, before a save or at a check in between: a second voer started
    /// after this is refused. Told to the run only, not to who waits for a save.
    LockMadeAgain {
        path: PathBuf,
    },
}

/// How often the saver looks, between saves, whether the locks of the run are still there.
pub const LOCK_CHECK: Duration = Duration::from_secs(2);

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
    /// Only as a new file: an existing one is left alone (save elsewhere).
    new: bool,
    done: Box<dyn FnOnce(Result<(), StoreError>) + Send>,
}

enum Job {
    Save(Box<SaveJob>),
    Write(WriteJob),
    /// Other disk work of the run (the Ctrl+E report), in turn with the writes.
    Run(Box<dyn FnOnce() + Send>),
}

/// A write or other disk work, done in the order asked.
enum InTurn {
    Write(WriteJob),
    Run(Box<dyn FnOnce() + Send>),
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
                loop {
                    let first = match jobs_rx.recv_timeout(LOCK_CHECK) {
                        Ok(job) => job,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            // Nothing to write: see whether the lock is still this voer's.
                            for (path, result) in check_held() {
                                report(match result {
                                    Ok(_) => SaveOutcome::LockMadeAgain { path },
                                    Err(error) => SaveOutcome::Failed { revision: 0, error },
                                });
                            }
                            continue;
                        }
                        Err(mpsc::RecvTimeoutError::Disconnected) => break,
                    };
                    // Everything queued meanwhile: the newest session save stands for all.
                    let mut newest: Option<Box<SaveJob>> = None;
                    let mut waiting: Vec<Sender<SaveOutcome>> = Vec::new();
                    let mut writes: Vec<InTurn> = Vec::new();
                    for job in std::iter::once(first).chain(jobs_rx.try_iter()) {
                        match job {
                            Job::Save(mut newer) => {
                                waiting.extend(newer.reply.take());
                                newest = Some(newer);
                            }
                            Job::Write(w) => writes.push(InTurn::Write(w)),
                            Job::Run(r) => writes.push(InTurn::Run(r)),
                        }
                    }
                    for w in writes {
                        if !delay.is_zero() {
                            thread::sleep(delay);
                        }
                        let w = match w {
                            InTurn::Write(w) => w,
                            InTurn::Run(r) => {
                                r();
                                continue;
                            }
                        };
                        let result = if w.new {
                            write_new_file(&w.path, &w.contents)
                        } else {
                            write_atomic(&w.path, &w.contents)
                                .map_err(|e| StoreError::write(&w.path, e))
                        };
                        (w.done)(result);
                    }
                    let Some(job) = newest else { continue };
                    let start = Instant::now();
                    if !delay.is_zero() {
                        thread::sleep(delay);
                    }
                    let mut relocked = false;
                    let outcome = match save_relocking(&job.path, &job.session) {
                        Ok(made_again) => {
                            relocked = made_again;
                            SaveOutcome::Saved {
                                revision: job.revision,
                                took: start.elapsed(),
                            }
                        }
                        Err(error) => SaveOutcome::Failed {
                            revision: job.revision,
                            error,
                        },
                    };
                    for w in waiting {
                        let _ = w.send(outcome.clone());
                    }
                    report(outcome);
                    if relocked {
                        report(SaveOutcome::LockMadeAgain { path: job.path });
                    }
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
        done: impl FnOnce(Result<(), StoreError>) + Send + 'static,
    ) {
        self.queue_write(path, contents, false, Box::new(done));
    }

    /// As [`Saver::write`], but only as a new file: an existing file at `path` is left alone
    /// and `done` hears [`StoreError::Exists`].
    pub fn write_new(
        &self,
        path: &Path,
        contents: Vec<u8>,
        done: impl FnOnce(Result<(), StoreError>) + Send + 'static,
    ) {
        self.queue_write(path, contents, true, Box::new(done));
    }

    /// Queues other disk work of the run, done in turn with the writes. `false`: the saver had
    /// already stopped, and `job` will not run.
    pub fn run(&self, job: impl FnOnce() + Send + 'static) -> bool {
        self.jobs
            .as_ref()
            .is_some_and(|tx| tx.send(Job::Run(Box::new(job))).is_ok())
    }

    fn queue_write(
        &self,
        path: &Path,
        contents: Vec<u8>,
        new: bool,
        done: Box<dyn FnOnce(Result<(), StoreError>) + Send>,
    ) {
        let job = Job::Write(WriteJob {
            path: path.to_path_buf(),
            contents,
            new,
            done,
        });
        if let Some(tx) = &self.jobs
            && let Err(mpsc::SendError(Job::Write(w))) = tx.send(job)
        {
            (w.done)(Err(StoreError::SaverStopped { path: w.path }));
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

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::{
        episode::{Audience, Library},
        i18n::Localize,
        lang::Lang,
        session::{
            Meta,
            store::{fixtures::example, load},
        },
    };

    fn session() -> Session {
        let lib = Library::embedded();
        let ep = lib.find("jef-mol").expect("episode 4 is embedded");
        let meta = Meta {
            group: "Team".into(),
            facilitator: String::new(),
            ..Default::default()
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
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            saved,
            [3],
            "saves that queued up are merged into the newest"
        );
        assert!(load(&file).is_ok());
    }

    #[test]
    fn saving_elsewhere_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let saver = Saver::start(|_| {});
        let there = dir.path().join("kopie.toml");
        fs::write(&there, "eerdere kopie").unwrap();
        let new = dir.path().join("nieuw.toml");
        let (done_tx, done_rx) = mpsc::channel();
        for path in [&there, &new] {
            let done = done_tx.clone();
            saver.write_new(path, example().to_toml().into_bytes(), move |r| {
                let _ = done.send(r);
            });
        }
        saver.finish();
        let results: Vec<Result<(), StoreError>> = done_rx.try_iter().collect();
        let e = results[0].clone().unwrap_err();
        assert_eq!(
            e.render(Lang::Nl),
            format!("{} bestaat al; kies een andere naam", there.display())
        );
        assert_eq!(fs::read_to_string(&there).unwrap(), "eerdere kopie");
        assert_eq!(results[1], Ok(()));
        assert!(load(&new).is_ok());
    }
}
