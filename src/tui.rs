//! The terminal loop: input, signals and save results arrive on one channel; `update` decides;
//! effects are carried out here; the screen is redrawn only when something may have changed.
use std::{
    collections::VecDeque,
    io::{self, Write},
    mem::ManuallyDrop,
    path::{Path, PathBuf},
    sync::mpsc::{self, Receiver, RecvTimeoutError, Sender},
    thread,
    time::{Duration, Instant},
};

use ratatui::{
    DefaultTerminal,
    crossterm::{
        event::{self, DisableBracketedPaste, EnableBracketedPaste, Event},
        execute,
        terminal::{self, LeaveAlternateScreen},
    },
};

use crate::{
    app::{self, Action, Effect, EpisodeView, Model, Theme, clock::Now, picker},
    commands::UserError,
    episode::{Audience, Episode, Library},
    export,
    lang::Lang,
    session::{
        Meta, Session,
        store::{self, SaveOutcome, Saver, SessionLock, StoreError},
    },
    ui,
};

/// How long quitting waits for the disk before it asks what to do.
const FINAL_SAVE_TIMEOUT: Duration = Duration::from_secs(10);
/// After a termination signal, input still arriving is taken in for at most this long,
/// and until it has been quiet for `SIGNAL_QUIET`.
const SIGNAL_DRAIN: Duration = Duration::from_millis(250);
const SIGNAL_QUIET: Duration = Duration::from_millis(30);

pub struct RunOptions {
    pub library: Library,
    pub episode: Option<Episode>,
    pub audience: Option<Audience>,
    pub group: Option<String>,
    pub facilitator: String,
    /// First names or initials, for speaking rounds.
    pub participants: Vec<String>,
    /// When the meeting must end.
    pub until: Option<chrono::NaiveTime>,
    pub sessions_dir: PathBuf,
    pub lang: Lang,
    pub projector: bool,
}

pub struct ResumeOptions {
    pub file: Option<PathBuf>,
    /// `--prompts`: where an episode that is not built in may be found.
    pub prompts: Option<PathBuf>,
    pub sessions_dir: PathBuf,
    /// `--lang` as given; without it the session's own language is used.
    pub lang: Option<Lang>,
    pub projector: bool,
}

enum Msg {
    Event(Event),
    Signal,
    Saved(SaveOutcome),
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The terminal in raw mode with bracketed paste; restored when dropped, also on error.
/// `ratatui::init` installs a panic hook that restores it on a panic.
struct Screen {
    /// Never dropped: its drop only shows the cursor, which `Screen::drop` does, and when the
    /// window was closed it would report the failure on stderr, which is gone too: a panic.
    terminal: ManuallyDrop<DefaultTerminal>,
}

impl Screen {
    fn open() -> Result<Screen, UserError> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // ratatui's hook leaves the screen and raw mode; the cursor and paste are ours.
            let _ = execute!(
                io::stdout(),
                DisableBracketedPaste,
                ratatui::crossterm::cursor::Show
            );
            hook(info);
        }));
        let terminal = ratatui::try_init().map_err(UserError::Terminal)?;
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(Screen {
            terminal: ManuallyDrop::new(terminal),
        })
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        // Step by step, errors ignored: after the window is closed there is nothing to restore,
        // and `ratatui::restore` would print to the closed stderr, which panics.
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        let _ = terminal::disable_raw_mode();
        let _ = execute!(io::stdout(), LeaveAlternateScreen);
        let _ = self.terminal.show_cursor();
    }
}

/// Input and termination signals, on one channel with the saver's results.
fn spawn_sources() -> (Sender<Msg>, Receiver<Msg>) {
    let (tx, rx) = mpsc::channel();
    let input = tx.clone();
    thread::Builder::new()
        .name("voer-input".into())
        .spawn(move || {
            while let Ok(ev) = event::read() {
                if input.send(Msg::Event(ev)).is_err() {
                    break;
                }
            }
        })
        .ok();
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            let sig = tx.clone();
            thread::Builder::new()
                .name("voer-signals".into())
                .spawn(move || {
                    for _ in signals.forever() {
                        if sig.send(Msg::Signal).is_err() {
                            break;
                        }
                    }
                })
                .ok();
        }
    }
    (tx, rx)
}

/// Runs a conversation; returns where the notes were saved (None: nothing to save).
pub fn run(opts: RunOptions) -> Result<Option<PathBuf>, UserError> {
    let dir = &opts.sessions_dir;
    // Refuse before the meeting starts, not halfway through it.
    store::ensure_writable(dir)?;
    let theme = Theme::choose(opts.projector, no_color());
    let mut screen = Screen::open()?;
    let (tx, rx) = spawn_sources();

    let mut pick = picker::Picker::new(
        opts.library.episodes().to_vec(),
        opts.lang,
        opts.episode.as_ref(),
        opts.audience,
        opts.group.as_deref(),
    );
    if pick.needed() && !run_picker(&mut screen, &rx, &mut pick, &theme)? {
        return Ok(None);
    }
    let (Some(episode), Some(audience)) =
        (pick.selected_episode().cloned(), pick.selected_audience())
    else {
        return Ok(None);
    };
    let meta = Meta {
        group: pick.group_name(),
        facilitator: opts.facilitator.clone(),
        participants: opts.participants.clone(),
        until: opts.until,
    };
    let now = Now::real();
    let session = Session::new(&episode, audience, &meta, opts.lang, now.wall);
    // Absolute, so the summary and messages say exactly where the notes are.
    let path = std::path::absolute(store::new_path(dir, &session))
        .map_err(|e| StoreError::unwritable(dir, e))?;
    let lock = SessionLock::acquire(&path)?;
    store::save(&path, &session)?;
    let view = EpisodeView::new(&episode, opts.lang);
    let model = Model::new(session, path, view, theme, now);
    let result = run_session(&mut screen, tx, rx, model);
    drop(screen);
    drop(lock);
    result
}

/// Continues a session; returns where the notes were saved.
pub fn resume(opts: ResumeOptions) -> Result<Option<PathBuf>, UserError> {
    let path = match &opts.file {
        Some(f) => f.clone(),
        None => {
            let newest = match store::newest_unfinished(&opts.sessions_dir) {
                Err(e) if e.is_not_found() => None,
                other => other?,
            };
            newest.ok_or_else(|| UserError::NothingToResume {
                dir: std::path::absolute(&opts.sessions_dir)
                    .unwrap_or_else(|_| opts.sessions_dir.clone()),
                any: store::list(&opts.sessions_dir).is_ok_and(|l| !l.is_empty()),
            })?
        }
    };
    let path = std::path::absolute(&path).unwrap_or(path);
    // Before the lock: a wrong path is reported as the session file's, not the lock file's.
    std::fs::metadata(&path).map_err(|e| StoreError::read(&path, e))?;
    let lock = SessionLock::acquire(&path)?;
    let mut session = store::load(&path)?;
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        store::ensure_writable(dir)?;
    }
    if let Some(lang) = opts.lang {
        session.session.language = lang;
    }
    let lang = session.session.language;
    // The file has what the steps need; the library adds the page URL and all quotes.
    let library = Library::load(opts.prompts.as_deref()).unwrap_or_else(|_| Library::embedded());
    let view = library
        .find(&session.session.episode)
        .map(|e| EpisodeView::new(e, lang))
        .unwrap_or_else(|| EpisodeView::from_session(&session));
    let theme = Theme::choose(opts.projector, no_color());
    let mut screen = Screen::open()?;
    let (tx, rx) = spawn_sources();
    let model = Model::new(session, path, view, theme, Now::real());
    let result = run_session(&mut screen, tx, rx, model);
    drop(screen);
    drop(lock);
    result
}

/// Returns false when the user cancelled.
fn run_picker(
    screen: &mut Screen,
    rx: &Receiver<Msg>,
    pick: &mut picker::Picker,
    theme: &Theme,
) -> Result<bool, UserError> {
    loop {
        draw_with(screen, |f| ui::picker::draw(pick, theme, f))?;
        match rx.recv() {
            Ok(Msg::Event(Event::Key(k))) => match pick.key(k) {
                picker::Outcome::Continue => {}
                picker::Outcome::Cancel => return Ok(false),
                picker::Outcome::Done => return Ok(true),
            },
            Ok(Msg::Event(Event::Paste(s))) => pick.paste(&s),
            Ok(Msg::Signal) | Err(_) => return Ok(false),
            Ok(_) => {}
        }
    }
}

fn draw_with(screen: &mut Screen, f: impl FnOnce(&mut ratatui::Frame)) -> Result<(), UserError> {
    screen.terminal.draw(f).map(|_| ()).map_err(UserError::Draw)
}

fn run_session(
    screen: &mut Screen,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    mut model: Model,
) -> Result<Option<PathBuf>, UserError> {
    let saver = Saver::start(move |o| {
        let _ = tx.send(Msg::Saved(o));
    });
    let mut terminating = false;
    let mut saved_elsewhere = None;
    // Messages to handle before waiting for new ones: keys taken in after a signal.
    let mut pending: VecDeque<Msg> = VecDeque::new();
    // The first draw, then one per message or deadline.
    draw_with(screen, |f| ui::draw(&model, Now::real(), f))?;
    // Only for tests/panic.rs: a panic with the screen open (raw mode, alternate screen,
    // bracketed paste, cursor hidden by the frame) must give the terminal back.
    if std::env::var_os("VOER_TEST_PANIC").is_some_and(|v| v == "1") {
        panic!("VOER_TEST_PANIC=1: a panic on purpose, to test that the terminal is restored");
    }
    loop {
        let now = Now::real();
        let msg = match pending.pop_front() {
            Some(m) => Ok(m),
            None => rx.recv_timeout(app::next_deadline(&model, now)),
        };
        let now = Now::real();
        let action = match msg {
            Ok(Msg::Event(Event::Key(k))) => app::map_key(&model.mode, k),
            Ok(Msg::Event(Event::Paste(s))) => Some(Action::Paste(s)),
            Ok(Msg::Event(_)) => None,
            Ok(Msg::Saved(o)) => Some(Action::Saved(o)),
            Ok(Msg::Signal) if !terminating => {
                // Keys the terminal sent before the signal are notes too: take them in first.
                terminating = true;
                pending.extend(sent_before_signal(&rx));
                pending.push_back(Msg::Signal);
                None
            }
            Ok(Msg::Signal) | Err(RecvTimeoutError::Disconnected) => {
                terminating = true;
                Some(Action::Terminate)
            }
            Err(RecvTimeoutError::Timeout) => Some(Action::Tick),
        };
        let mut queue: Vec<Action> = action.into_iter().collect();
        while let Some(action) = queue.pop() {
            for fx in app::update(&mut model, action, now) {
                match fx {
                    Effect::Save(s, rev) => saver.submit(&model.path, *s, rev, None),
                    Effect::SaveAndQuit(s, rev) => match final_save(&saver, &model.path, *s, rev) {
                        Ok(()) => return Ok(Some(model.path.clone())),
                        Err(source) if terminating => {
                            return Err(UserError::NotSaved {
                                path: model.path.clone(),
                                source,
                            });
                        }
                        Err(e) => queue.push(Action::QuitSaveFailed(e)),
                    },
                    Effect::SaveTo(s, path) => {
                        let result = store::save(&path, &s)
                            .inspect(|()| saved_elsewhere = Some(path.clone()))
                            .map(|()| path.clone());
                        queue.push(Action::SavedElsewhere(result));
                    }
                    Effect::Bell => {
                        let _ = io::stdout().write_all(b"\x07");
                        let _ = io::stdout().flush();
                    }
                    Effect::Export(s) => {
                        queue.push(Action::ExportDone(export_beside(&model.path, &s)))
                    }
                    Effect::Quit => return Ok(saved_elsewhere),
                }
            }
        }
        if draw_with(screen, |f| ui::draw(&model, now, f)).is_err() && !terminating {
            // The window was closed: save and stop, as on SIGHUP, rather than leave with the
            // last keystrokes unsaved. There is no one left to tell about the error.
            pending.push_front(Msg::Signal);
        }
    }
}

/// After a termination signal: the messages that still arrive within a moment, such as keys
/// the terminal had sent but the input thread had not yet read. Bounded, so that a held key
/// cannot delay quitting.
fn sent_before_signal(rx: &Receiver<Msg>) -> Vec<Msg> {
    let until = Instant::now() + SIGNAL_DRAIN;
    let mut out = Vec::new();
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(SIGNAL_QUIET.min(left)) {
            Ok(Msg::Signal) => {}
            Ok(m) => out.push(m),
            Err(_) => return out,
        }
        if left.is_zero() {
            return out;
        }
    }
}

/// Hands the newest snapshot to the saver and waits until it is on disk.
fn final_save(saver: &Saver, path: &Path, session: Session, rev: u64) -> Result<(), StoreError> {
    let (reply_tx, reply_rx) = mpsc::channel();
    saver.submit(path, session, rev, Some(reply_tx));
    match reply_rx.recv_timeout(FINAL_SAVE_TIMEOUT) {
        Ok(SaveOutcome::Saved { .. }) => Ok(()),
        Ok(SaveOutcome::Failed { error, .. }) => Err(error),
        Err(_) => Err(StoreError::NoAnswer {
            path: path.to_path_buf(),
        }),
    }
}

/// `x`: a Markdown report beside the session file, same name with `.md`.
fn export_beside(path: &Path, session: &Session) -> Result<PathBuf, StoreError> {
    let target = path.with_extension("md");
    let md = export::markdown(std::slice::from_ref(session), None);
    store::write_atomic(&target, md.as_bytes())
        .map(|()| target.clone())
        .map_err(|e| StoreError::write(&target, e))
}
