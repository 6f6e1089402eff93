//! The loop of the room screen (`voer room`). It watches the sessions folder for changes (with a
//! slow poll as well, for folders whose events are unreliable: network and synced folders),
//! re-reads the followed session when it changed, and redraws only when what it shows changed
//! or the timer's second did. Its only input is `q` or Ctrl+C to close.
use std::{
    path::{Path, PathBuf},
    sync::mpsc::{self, RecvTimeoutError, Sender},
    time::{Duration, Instant},
};

use chrono::{Local, Timelike};
use notify::{RecursiveMode, Watcher};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{
    Room, draw,
    follow::{self, Followed},
};
use crate::{
    session::presence::Presence,
    tui::{self, Screen},
};

/// How often the folder is looked at without a file event.
const POLL: Duration = Duration::from_secs(1);
/// A poll this close to due is done at a wake-up for something else.
const POLL_SLACK: Duration = Duration::from_millis(150);
/// How often a followed run's lock is checked to still be held (a voer killed with -9
/// leaves its lock file, unlocked).
const PROBE: Duration = Duration::from_secs(5);

/// What wakes the loop.
enum Incoming {
    Input(Event),
    Files,
    Quit,
}

/// Shows the room screen on `screen` until it is closed (or the window is), following the
/// session `file`, or without one whichever session a running voer holds in `dir`.
pub fn run(screen: &mut Screen, mut room: Room, dir: &Path, file: Option<PathBuf>) {
    let (tx, rx) = mpsc::channel();
    tui::spawn_input(&tx, Incoming::Input, || Incoming::Quit);
    let mut watcher = watch(dir, &tx);
    let mut followed = file.map(|f| Followed::new(f, true));
    let mut presence: Option<Presence> = None;
    let mut files_changed = true;
    let mut next_poll = Instant::now();
    let mut next_probe = Instant::now() + PROBE;
    // What the last frame showed: redraw only when it would differ.
    let mut drawn: Option<(i64, bool)> = None;
    let mut resized = true;
    loop {
        let now = Instant::now();
        // Also a little early: while the timer ticks, the poll rides on its wake-ups.
        if files_changed || now + POLL_SLACK >= next_poll {
            let probe = now >= next_probe;
            if probe {
                next_probe = now + PROBE;
            }
            if sync(&mut followed, &mut room, dir, probe, files_changed) {
                drawn = None;
            }
            if watcher.is_none() {
                watcher = watch(dir, &tx);
            }
            files_changed = false;
            next_poll = now + POLL;
        }
        // The presence file goes with the followed session (and refreshes itself).
        let want = followed.as_ref().map(|f| f.path.as_path());
        if presence.as_ref().map(Presence::session_path) != want {
            presence = want.map(Presence::announce);
        }
        // The timer's clock: the wall clock of the file's last change, counted on (see
        // `Room::show`).
        let wall = room.timer_now(Instant::now());
        let key = (wall.timestamp(), room.ticking());
        let due = drawn.is_none() || resized || (room.ticking() && drawn != Some(key));
        if due {
            // A closed window: nothing left to show on.
            if screen.draw(|f| draw::draw(&room, wall, f)).is_err() {
                return;
            }
            drawn = Some(key);
            resized = false;
        }
        let wait = if room.ticking() {
            // Just after the next whole second, when the timer's shown second changes; the
            // poll is seen to at these wake-ups too.
            let into = Duration::from_nanos(u64::from(wall.nanosecond() % 1_000_000_000));
            Duration::from_secs(1).saturating_sub(into) + Duration::from_millis(2)
        } else {
            next_poll.saturating_duration_since(Instant::now())
        };
        match rx.recv_timeout(wait) {
            Ok(Incoming::Input(Event::Key(k))) if closes(&k) => return,
            Ok(Incoming::Input(Event::Resize(..))) => resized = true,
            Ok(Incoming::Input(_)) | Err(RecvTimeoutError::Timeout) => {}
            Ok(Incoming::Files) => {
                files_changed = true;
                // One save makes several events: take them in as one.
                while let Ok(m) = rx.try_recv() {
                    match m {
                        Incoming::Quit => return,
                        // Ctrl+C too, not only q: a key that came with a file event is
                        // not lost.
                        Incoming::Input(Event::Key(k)) if closes(&k) => return,
                        Incoming::Input(Event::Resize(..)) => resized = true,
                        _ => {}
                    }
                }
            }
            Ok(Incoming::Quit) | Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Whether a key closes the room screen: `q` or Ctrl+C (a release is no key).
fn closes(k: &KeyEvent) -> bool {
    let ctrl_c =
        k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c' | 'C'));
    k.kind != KeyEventKind::Release && (ctrl_c || matches!(k.code, KeyCode::Char('q' | 'Q')))
}

/// Brings the room up to date with the folder; returns whether what it shows changed.
/// `files_changed`: a file in the folder changed (another session's, when an action of last
/// time is marked done in the run).
fn sync(
    followed: &mut Option<Followed>,
    room: &mut Room,
    dir: &Path,
    probe: bool,
    files_changed: bool,
) -> bool {
    let changed = sync_session(followed, room, dir, probe);
    changed | sync_earlier(followed.as_ref(), room, changed || probe || files_changed)
}

/// On the opening, what the group agreed last time, from those sessions' own files: read when
/// a file in the folder changed, and on the probe.
fn sync_earlier(followed: Option<&Followed>, room: &mut Room, look: bool) -> bool {
    let on_opening = room
        .shown
        .as_ref()
        .is_some_and(|s| s.session.current_step == 0 && !s.steps.is_empty());
    let earlier = match (followed, &room.shown) {
        (Some(f), Some(s)) if on_opening && look => {
            let folder = f.path.parent().unwrap_or(Path::new("."));
            crate::actions::folder::open_for_group(
                folder,
                &s.session.group,
                s.session.started_at,
                &f.path,
            )
        }
        _ if on_opening => return false,
        _ => Vec::new(),
    };
    if earlier == room.earlier {
        return false;
    }
    room.earlier = earlier;
    true
}

fn sync_session(followed: &mut Option<Followed>, room: &mut Room, dir: &Path, probe: bool) -> bool {
    let mut changed = false;
    if let Some(f) = followed.as_mut() {
        if let Some(s) = f.read_if_changed() {
            room.show(s, Local::now().fixed_offset(), Instant::now());
            changed = true;
        }
        if f.named {
            return changed;
        }
        let lock_gone = !crate::session::store::lock_path(&f.path).exists();
        if !(lock_gone || (probe && follow::run_ended(f))) {
            return changed;
        }
        // The run ended: a finished one leaves its summary up until the next run starts.
        *followed = None;
        if !room.shown.as_ref().is_some_and(follow::finished) {
            room.shown = None;
            changed = true;
        }
    }
    let (found, _) = follow::locked_sessions(dir);
    if let Some((path, s)) = found.into_iter().next() {
        let mut f = Followed::new(path, false);
        room.show(
            f.read_if_changed().unwrap_or(s),
            Local::now().fixed_offset(),
            Instant::now(),
        );
        *followed = Some(f);
        changed = true;
    }
    changed
}

/// Tells the loop when something in the folder changes; `None` when the folder cannot be
/// watched (not there yet, or no file events here): the poll does the work then.
fn watch(dir: &Path, tx: &Sender<Incoming>) -> Option<notify::RecommendedWatcher> {
    let tx = tx.clone();
    let mut w = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // The room's own presence file changes every few seconds: not news.
        let ours = res.as_ref().is_ok_and(|e| {
            !e.paths.is_empty()
                && e.paths
                    .iter()
                    .all(|p| p.extension().is_some_and(|x| x == "room"))
        });
        if !ours {
            let _ = tx.send(Incoming::Files);
        }
    })
    .ok()?;
    w.watch(dir, RecursiveMode::NonRecursive).ok()?;
    Some(w)
}
