//! The loop: messages arrive (`events`), `update` decides, the effects are carried out here,
//! and the screen is redrawn only when something may have changed. Every write goes through
//! the saver thread; the loop learns the outcome as a message.
use std::{
    collections::VecDeque,
    io::{self, Write},
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex, PoisonError,
        mpsc::{self, Receiver, RecvTimeoutError, Sender},
    },
    time::{Duration, Instant, SystemTime},
};

use ratatui::crossterm::event::Event;

use super::{
    events::{self, Incoming},
    terminal::Screen,
};
use crate::{
    app::{self, App, Choice, Effect, Msg, Opened, VideoError, VideoTarget, clock::Now},
    error::UserError,
    export,
    session::{
        ReportFile, Session, presence,
        store::{self, SaveOutcome, Saver, SessionLock, StoreError},
    },
    ui::{self, Theme},
};

/// How often the loop looks whether a room screen follows (its presence file is fresh).
const ROOM_CHECK: Duration = Duration::from_secs(2);
/// How long quitting waits for the disk before it asks what to do.
const FINAL_SAVE_TIMEOUT: Duration = Duration::from_secs(10);

/// Makes the session file for the picker's choice, and locks it.
pub type CreateSession<'a> = dyn FnMut(Choice) -> Result<(Opened, SessionLock), UserError> + 'a;

/// Shows the app until it quits; returns where the notes were saved (None: nothing to save).
pub fn run(
    mut app: App,
    theme: &Theme,
    create: &mut CreateSession,
) -> Result<Option<PathBuf>, UserError> {
    let mut screen = Screen::open()?;
    let (tx, rx) = events::spawn_sources();
    let report = tx.clone();
    let saver = Saver::start(move |o| {
        let _ = report.send(Incoming::Saved(o));
    });
    let mut runner = Runner {
        saver,
        tx,
        create,
        lock: None,
        terminating: false,
        saved_elsewhere: None,
        room_checked: None,
        answering: Vec::new(),
        reports: Arc::default(),
    };
    let result = runner.run(&mut screen, &rx, &mut app, theme);
    // An answer on its way to a council's file (typed just before quitting) gets there.
    for writing in runner.answering.drain(..) {
        let _ = writing.join();
    }
    drop(screen);
    // The lock goes last: the file stays ours until the terminal is given back.
    drop(runner);
    result
}

enum Flow {
    Go,
    Exit(Option<PathBuf>),
}

struct Runner<'a, 'c> {
    saver: Saver,
    /// For the outcomes of writes, sent back to the loop.
    tx: Sender<Incoming>,
    create: &'a mut CreateSession<'c>,
    /// The lock on a session the picker created.
    lock: Option<SessionLock>,
    terminating: bool,
    /// Where the notes were saved when the sessions folder could not be written.
    saved_elsewhere: Option<PathBuf>,
    /// When the loop last looked for a room screen.
    room_checked: Option<Instant>,
    /// The writes of answers to a council's questions, in their own files: waited for before
    /// voer ends. Each holds a lock taken without waiting, so it never hangs.
    answering: Vec<std::thread::JoinHandle<()>>,
    /// The reports Ctrl+E wrote in this run, as the saver thread wrote them: a second Ctrl+E
    /// queued before the first was reported knows the first's report as voer's own.
    reports: Arc<Mutex<Vec<ReportFile>>>,
}

impl Runner<'_, '_> {
    fn run(
        &mut self,
        screen: &mut Screen,
        rx: &Receiver<Incoming>,
        app: &mut App,
        theme: &Theme,
    ) -> Result<Option<PathBuf>, UserError> {
        // Messages to handle before waiting for new ones: all ready input, keys taken in after
        // a signal.
        let mut pending: VecDeque<Incoming> = VecDeque::new();
        // A run from the command line opens now (its clock starts); the picker waits.
        if let Flow::Exit(saved) = self.apply(app, Msg::Start, Now::real())? {
            return Ok(saved);
        }
        // The first draw, then one per batch of messages or deadline.
        screen.draw(|f| ui::draw(app, theme, Now::real(), f))?;
        // Only for tests/panic.rs: a panic with the screen open (raw mode, alternate screen,
        // bracketed paste, cursor hidden by the frame) must give the terminal back.
        if std::env::var_os("VOER_TEST_PANIC").is_some_and(|v| v == "1") {
            panic!("VOER_TEST_PANIC=1: a panic on purpose, to test that the terminal is restored");
        }
        loop {
            let now = Now::real();
            let timeout = app::next_deadline(app, now).min(self.until_room_check(app, now.mono));
            match events::wait_for_ready(rx, timeout, &mut pending) {
                Ok(true) => {}
                Ok(false) => {
                    if let Flow::Exit(saved) = self.apply(app, Msg::Tick, Now::real())? {
                        return Ok(saved);
                    }
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    self.terminating = true;
                    if let Flow::Exit(saved) = self.apply(app, Msg::Terminate, Now::real())? {
                        return Ok(saved);
                    }
                }
            }
            while let Some(incoming) = pending.pop_front() {
                let now = Now::real();
                let Some(msg) = self.msg_for(app, incoming, rx, &mut pending) else {
                    continue;
                };
                if let Flow::Exit(saved) = self.apply(app, msg, now)? {
                    return Ok(saved);
                }
            }
            let now = Now::real();
            if let Some(msg) = self.room_check(app, now.mono)
                && let Flow::Exit(saved) = self.apply(app, msg, now)?
            {
                return Ok(saved);
            }
            if screen.draw(|f| ui::draw(app, theme, now, f)).is_err() && !self.terminating {
                // The window was closed: save and stop, as on SIGHUP, rather than leave with the
                // last keystrokes unsaved. There is no one left to tell about the error.
                pending.push_front(Incoming::Signal);
            }
        }
    }

    /// Whether a room screen follows the run (its presence file is fresh), looked at every
    /// `ROOM_CHECK`: the message when that changed.
    fn room_check(&mut self, app: &App, now: Instant) -> Option<Msg> {
        let m = app.run_model()?;
        if self.room_checked.is_some_and(|c| now < c + ROOM_CHECK) {
            return None;
        }
        self.room_checked = Some(now);
        let following = presence::is_fresh(&m.path, SystemTime::now());
        (following != m.room_following).then_some(Msg::RoomFollowing(following))
    }

    /// How long until the room screen is looked for again (only during a run).
    fn until_room_check(&self, app: &App, now: Instant) -> Duration {
        match (app.run_model(), self.room_checked) {
            (None, _) => Duration::MAX,
            (Some(_), None) => Duration::ZERO,
            (Some(_), Some(c)) => (c + ROOM_CHECK).saturating_duration_since(now),
        }
    }

    /// What an incoming message means for the app.
    fn msg_for(
        &mut self,
        app: &App,
        incoming: Incoming,
        rx: &Receiver<Incoming>,
        pending: &mut VecDeque<Incoming>,
    ) -> Option<Msg> {
        match incoming {
            Incoming::Event(Event::Key(k)) => app::map_app_key(app, k),
            Incoming::Event(Event::Paste(s)) => Some(Msg::Paste(s)),
            Incoming::Event(_) => None,
            Incoming::Saved(o) => Some(Msg::Saved(o)),
            Incoming::SavedElsewhere(path, result) => {
                if result.is_ok() {
                    self.saved_elsewhere = Some(path.clone());
                }
                Some(Msg::SavedElsewhere(result.map(|()| path)))
            }
            Incoming::Exported(result) => Some(Msg::ExportDone(result)),
            Incoming::EarlierMarked(result) => Some(Msg::EarlierMarked(result)),
            Incoming::EarlierAnswered(result) => Some(Msg::EarlierAnswered(result)),
            Incoming::VideoOpened(target, result) => Some(Msg::VideoOpened(
                target,
                result.map_err(std::sync::Arc::new),
            )),
            Incoming::Signal if !self.terminating => {
                // Keys the terminal sent before the signal are notes too: take them in first.
                self.terminating = true;
                pending.extend(events::sent_before_signal(rx));
                pending.push_back(Incoming::Signal);
                None
            }
            Incoming::Signal => Some(Msg::Terminate),
        }
    }

    /// Updates the app and carries out the effects.
    fn apply(&mut self, app: &mut App, msg: Msg, now: Now) -> Result<Flow, UserError> {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for fx in app::update(app, msg, now) {
                let path = app.run_model().map(|m| m.path.clone()).unwrap_or_default();
                match fx {
                    Effect::CreateSession(choice) => {
                        let (opened, lock) = (self.create)(*choice)?;
                        self.lock = Some(lock);
                        queue.push(Msg::Opened(Box::new(opened)));
                    }
                    Effect::Save(s, rev) => self.saver.submit(&path, *s, rev, None),
                    Effect::SaveAndQuit(s, rev) => {
                        // Kept for a rescue copy: after a signal there is no one to ask.
                        let copy = self.terminating.then(|| (*s).clone());
                        match final_save(&self.saver, &path, *s, rev) {
                            Ok(()) => return Ok(Flow::Exit(Some(path))),
                            Err(source) if self.terminating => {
                                let rescued = copy.and_then(|s| rescue(&path, &s));
                                return Err(UserError::NotSaved {
                                    path,
                                    source,
                                    rescued,
                                });
                            }
                            Err(e) => queue.push(Msg::QuitSaveFailed(e)),
                        }
                    }
                    Effect::SaveTo(s, target) => {
                        // A name Windows cannot use is refused before anything is written.
                        if let Err(e) = crate::platform::check_user_path(&target) {
                            let error = StoreError::write(&target, e);
                            let _ = self.tx.send(Incoming::SavedElsewhere(target, Err(error)));
                            continue;
                        }
                        // Absolute, so that the message after quitting names it exactly; never
                        // over an existing file, such as an earlier copy.
                        let target = std::path::absolute(&target).unwrap_or(target);
                        let tx = self.tx.clone();
                        let to = target.clone();
                        self.saver
                            .write_new(&target, s.to_toml().into_bytes(), move |result| {
                                let _ = tx.send(Incoming::SavedElsewhere(to, result));
                            });
                    }
                    Effect::Export(s) => {
                        // Ctrl+E: a Markdown report beside the session file, same name with
                        // `.md` (or the next free one, see `store::write_report`).
                        let md = export::markdown(std::slice::from_ref(&*s), None);
                        let tx = self.tx.clone();
                        let at = s.session.updated_at;
                        let beside = path.clone();
                        let written = self.reports.clone();
                        let queued = self.saver.run(move || {
                            let mut written =
                                written.lock().unwrap_or_else(PoisonError::into_inner);
                            let mut recorded = s.reports.clone();
                            recorded.retain(|r| !written.iter().any(|w| w.name == r.name));
                            recorded.extend(written.iter().cloned());
                            let result = store::write_report(&beside, &recorded, md.as_bytes(), at);
                            if let Ok(w) = &result {
                                written.retain(|r| r.name != w.record.name);
                                written.push(w.record.clone());
                            }
                            let _ = tx.send(Incoming::Exported(result));
                        });
                        if !queued {
                            let stopped = StoreError::SaverStopped {
                                path: path.with_extension("md"),
                            };
                            let _ = self.tx.send(Incoming::Exported(Err(stopped)));
                        }
                    }
                    Effect::MarkEarlier { path, id, done } => {
                        // Another session's file, under its own lock: off the UI thread.
                        let tx = self.tx.clone();
                        std::thread::spawn(move || {
                            let result = crate::actions::folder::set_done(&path, &id, done)
                                .map(|(a, _)| (a.id, a.done))
                                .map_err(std::sync::Arc::new);
                            let _ = tx.send(Incoming::EarlierMarked(result));
                        });
                    }
                    Effect::AnswerEarlier {
                        path,
                        id,
                        answer,
                        at,
                    } => {
                        // The council's own file, under its own lock: off the UI thread.
                        let tx = self.tx.clone();
                        self.answering.retain(|w| !w.is_finished());
                        self.answering.push(std::thread::spawn(move || {
                            let result =
                                crate::actions::folder::set_answer(&path, &id, &answer, at)
                                    .map(Box::new)
                                    .map_err(std::sync::Arc::new);
                            let _ = tx.send(Incoming::EarlierAnswered(result));
                        }));
                    }
                    Effect::OpenVideo(target) => {
                        // The opener may take a while, or wait for the player it starts.
                        let tx = self.tx.clone();
                        std::thread::spawn(move || open_video(target, &tx));
                    }
                    Effect::Bell => {
                        let _ = io::stdout().write_all(b"\x07");
                        let _ = io::stdout().flush();
                    }
                    Effect::Quit => return Ok(Flow::Exit(self.saved_elsewhere.clone())),
                }
            }
        }
        Ok(Flow::Go)
    }
}

/// Opens the video with the system's opener and reports it: once the opener has started, and
/// again if it then ends badly. A file that is not there is not handed to the opener.
fn open_video(target: VideoTarget, tx: &Sender<Incoming>) {
    use crate::platform::open;
    let report = |result| {
        let _ = tx.send(Incoming::VideoOpened(target.clone(), result));
    };
    if let VideoTarget::File(file) = &target
        && !Path::new(file).is_file()
    {
        return report(Err(VideoError::FileGone(PathBuf::from(file))));
    }
    match open::open(target.address()) {
        Err(e) => report(Err(VideoError::Open(e))),
        Ok(None) => report(Ok(())),
        Ok(Some(child)) => {
            report(Ok(()));
            if let Err(e) = open::wait(child) {
                report(Err(VideoError::Open(e)));
            }
        }
    }
}

/// The last save failed as voer was told to stop (the window closed, the sessions folder
/// gone): a copy of the notes in the rescue folder, which `voer sessions` and `voer resume`
/// look in. Returns where, or why it could not be written; `None` without a rescue folder.
fn rescue(path: &Path, session: &Session) -> Option<Result<PathBuf, Box<StoreError>>> {
    let dir = crate::config::rescue_dir()?;
    Some(store::rescue(&dir, path.file_name()?, session).map_err(Box::new))
}

/// Hands the newest snapshot to the saver and waits until it is on disk.
fn final_save(saver: &Saver, path: &Path, session: Session, rev: u64) -> Result<(), StoreError> {
    let (reply_tx, reply_rx) = mpsc::channel();
    saver.submit(path, session, rev, Some(reply_tx));
    match reply_rx.recv_timeout(FINAL_SAVE_TIMEOUT) {
        Ok(SaveOutcome::Failed { error, .. }) => Err(error),
        Ok(SaveOutcome::Saved { .. } | SaveOutcome::LockMadeAgain { .. }) => Ok(()),
        Err(_) => Err(StoreError::NoAnswer {
            path: path.to_path_buf(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        app::{EpisodeView, Mode, Model},
        episode::{Audience, Library},
        lang::Lang,
        session::{Meta, store},
    };

    const WAIT: Duration = Duration::from_secs(10);

    fn app_in(dir: &Path) -> App {
        let lib = Library::embedded();
        let ep = lib.find("jef-mol").expect("episode 4 is embedded");
        let now = Now::real();
        let meta = Meta {
            group: "Team Noord".into(),
            facilitator: String::new(),
            ..Default::default()
        };
        let s = Session::new(ep, Audience::Team, &meta, Lang::Nl, now.wall);
        let path = dir.join("sessie.toml");
        let mut app = App::run(Model::new(s, path, EpisodeView::new(ep, Lang::Nl)));
        app::update(&mut app, Msg::Start, now);
        app
    }

    /// Runs `f` with a runner whose saver reports to `rx`, as the loop's does.
    fn with_runner(f: impl FnOnce(&mut Runner, &Receiver<Incoming>)) {
        let (tx, rx) = mpsc::channel();
        let report = tx.clone();
        let mut create = |_: Choice| unreachable!("no picker here");
        let mut runner = Runner {
            saver: Saver::start(move |o| {
                let _ = report.send(Incoming::Saved(o));
            }),
            tx,
            create: &mut create,
            lock: None,
            terminating: false,
            saved_elsewhere: None,
            room_checked: None,
            answering: Vec::new(),
            reports: Arc::default(),
        };
        f(&mut runner, &rx);
    }

    /// The next message that is not a session save.
    fn next_write(rx: &Receiver<Incoming>) -> Incoming {
        loop {
            match rx.recv_timeout(WAIT).expect("the saver reports") {
                Incoming::Saved(_) => {}
                m => return m,
            }
        }
    }

    #[test]
    fn the_export_is_written_by_the_saver_and_reported_as_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path());
        with_runner(|r, rx| {
            assert!(matches!(
                r.apply(&mut app, Msg::Export, Now::real()),
                Ok(Flow::Go)
            ));
            let incoming = next_write(rx);
            let Incoming::Exported(Ok(written)) = &incoming else {
                panic!("expected an export report");
            };
            assert_eq!(written.path, dir.path().join("sessie.md"));
            assert_eq!(written.record.name, "sessie.md");
            assert!(
                std::fs::read_to_string(&written.path)
                    .unwrap()
                    .contains("Team Noord")
            );
            let mut pending = VecDeque::new();
            let msg = r.msg_for(&app, incoming, rx, &mut pending).unwrap();
            assert!(matches!(msg, Msg::ExportDone(Ok(_))));
        });
    }

    #[test]
    fn a_second_report_asked_before_the_first_was_heard_replaces_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path());
        with_runner(|r, rx| {
            for _ in 0..2 {
                assert!(matches!(
                    r.apply(&mut app, Msg::Export, Now::real()),
                    Ok(Flow::Go)
                ));
            }
            for _ in 0..2 {
                let Incoming::Exported(Ok(written)) = next_write(rx) else {
                    panic!("expected an export report");
                };
                assert_eq!(written.path, dir.path().join("sessie.md"));
                assert_eq!(written.kept, None);
            }
            assert!(!dir.path().join("sessie-2.md").exists());
        });
    }

    #[test]
    fn saving_elsewhere_is_written_by_the_saver_and_then_quits() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elders.toml");
        let mut app = app_in(dir.path());
        with_runner(|r, rx| {
            let now = Now::real();
            for msg in [
                Msg::QuitSaveFailed(StoreError::NoAnswer {
                    path: dir.path().join("sessie.toml"),
                }),
                Msg::StartSaveElsewhere,
                Msg::ClearField,
                Msg::Paste(target.display().to_string()),
            ] {
                assert!(matches!(r.apply(&mut app, msg, now), Ok(Flow::Go)));
            }
            assert!(matches!(
                app.run_model().unwrap().mode,
                Mode::Unsaved { .. }
            ));
            // Confirming hands the write to the saver; the dialog stays until it reports.
            assert!(matches!(
                r.apply(&mut app, Msg::ConfirmSaveElsewhere, now),
                Ok(Flow::Go)
            ));
            let incoming = next_write(rx);
            assert!(matches!(&incoming, Incoming::SavedElsewhere(p, Ok(())) if *p == target));
            let mut pending = VecDeque::new();
            let msg = r.msg_for(&app, incoming, rx, &mut pending).unwrap();
            match r.apply(&mut app, msg, now) {
                Ok(Flow::Exit(Some(saved))) => assert_eq!(saved, target),
                _ => panic!("saving elsewhere quits and says where"),
            }
            let s = store::load(&target).unwrap();
            assert_eq!(s.session.group, "Team Noord");
        });
    }

    #[test]
    fn a_failed_save_elsewhere_is_shown_in_the_dialog() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("bestaat-niet").join("elders.toml");
        let mut app = app_in(dir.path());
        with_runner(|r, rx| {
            let now = Now::real();
            for msg in [
                Msg::QuitSaveFailed(StoreError::NoAnswer {
                    path: dir.path().join("sessie.toml"),
                }),
                Msg::StartSaveElsewhere,
                Msg::ClearField,
                Msg::Paste(target.display().to_string()),
                Msg::ConfirmSaveElsewhere,
            ] {
                assert!(matches!(r.apply(&mut app, msg, now), Ok(Flow::Go)));
            }
            let incoming = next_write(rx);
            let mut pending = VecDeque::new();
            let msg = r.msg_for(&app, incoming, rx, &mut pending).unwrap();
            assert!(matches!(r.apply(&mut app, msg, now), Ok(Flow::Go)));
            match &app.run_model().unwrap().mode {
                Mode::Unsaved { error, .. } => {
                    assert_eq!(error.path(), target, "{error}")
                }
                other => panic!("the dialog must stay open, not {other:?}"),
            }
            assert_eq!(r.saved_elsewhere, None);
        });
    }
}
