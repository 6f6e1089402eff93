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

/// How often the folder is looked at without a file event, when it cannot be watched …
const POLL: Duration = Duration::from_secs(1);
/// … and when it is: then events tell of every change, and the poll only catches what they
/// might miss. A look never takes more than a thousandth of the time between looks (a folder
/// of many thousands of files takes milliseconds to list).
const POLL_WATCHED: Duration = Duration::from_secs(5);
const POLL_SHARE: u32 = 1000;
/// A poll this close to due is done at a wake-up for something else.
const POLL_SLACK: Duration = Duration::from_millis(150);
/// How often a followed run's lock is checked to still be held (a voer killed with -9
/// leaves its lock file, unlocked).
const PROBE: Duration = Duration::from_secs(5);

/// What wakes the loop.
enum Incoming {
    Input(Event),
    /// Files in the folder changed (these; none named: anything may have).
    Files(Vec<PathBuf>),
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
    let mut changes = Changes::All;
    let mut next_poll = Instant::now();
    let mut next_probe = Instant::now() + PROBE;
    // What the last frame showed: redraw only when it would differ.
    let mut drawn: Option<(i64, bool)> = None;
    let mut resized = true;
    loop {
        let now = Instant::now();
        // Also a little early: while the timer ticks, the poll rides on its wake-ups.
        let polled = now + POLL_SLACK >= next_poll;
        if changes != Changes::None || polled {
            let probe = now >= next_probe;
            if probe {
                next_probe = now + PROBE;
            }
            // Without events, the earlier sessions are looked at again with the probe.
            if polled && probe && watcher.is_none() {
                changes = Changes::All;
            }
            let Synced { changed, unsure } = sync(&mut followed, &mut room, dir, probe, changes);
            if changed {
                drawn = None;
            }
            if watcher.is_none() {
                watcher = watch(dir, &tx);
            }
            changes = Changes::None;
            let took = now.elapsed();
            next_poll = if unsure {
                // A run that is just starting: its lock can be tried in a moment.
                now + follow::SETTLE
            } else if watcher.is_some() {
                now + POLL_WATCHED.max(took * POLL_SHARE)
            } else {
                now + POLL
            };
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
            Ok(Incoming::Files(paths)) => {
                changes.add(&paths, followed.as_ref());
                // One save makes several events: take them in as one.
                while let Ok(m) = rx.try_recv() {
                    match m {
                        Incoming::Quit => return,
                        // Ctrl+C too, not only q: a key that came with a file event is
                        // not lost.
                        Incoming::Input(Event::Key(k)) if closes(&k) => return,
                        Incoming::Input(Event::Resize(..)) => resized = true,
                        Incoming::Files(paths) => changes.add(&paths, followed.as_ref()),
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

/// What changed in the folder since the room last looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Changes {
    None,
    /// Only the followed session's own files (its file, its lock, its saves' temporary files).
    Followed,
    /// Another session file too (an earlier session whose action the run marked done), or
    /// anything: the earlier sessions are looked at again.
    All,
}

impl Changes {
    fn add(&mut self, paths: &[PathBuf], followed: Option<&Followed>) {
        let own = |p: &PathBuf| {
            followed.is_some_and(|f| {
                let name = f.path.file_name().unwrap_or_default().to_string_lossy();
                let other = p.file_name().unwrap_or_default().to_string_lossy();
                // `X.toml`, `.X.toml.lock`, `.X.toml.<random>.tmp`.
                other == name
                    || other
                        .strip_prefix('.')
                        .is_some_and(|o| o.starts_with(&*name))
            })
        };
        let this = if !paths.is_empty() && paths.iter().all(own) {
            Changes::Followed
        } else {
            Changes::All
        };
        *self = match (*self, this) {
            (Changes::All, _) | (_, Changes::All) => Changes::All,
            _ => Changes::Followed,
        };
    }
}

/// What a look at the folder found.
struct Synced {
    /// What the room shows changed.
    changed: bool,
    /// A run's lock was too new to try: look again in a moment.
    unsure: bool,
}

/// Brings the room up to date with the folder.
fn sync(
    followed: &mut Option<Followed>,
    room: &mut Room,
    dir: &Path,
    probe: bool,
    changes: Changes,
) -> Synced {
    let (changed, unsure) = sync_session(followed, room, dir, probe);
    // The earlier sessions are read for a session newly followed, and again only when a
    // file other than its own changed: never because of the room's own reads.
    let look = changes == Changes::All;
    Synced {
        changed: changed | sync_earlier(followed.as_ref(), room, look),
        unsure,
    }
}

/// On the opening, what the group agreed last time, from those sessions' own files: read when
/// `look`, kept while the opening is shown, let go after it.
fn sync_earlier(followed: Option<&Followed>, room: &mut Room, look: bool) -> bool {
    let on_opening = room
        .shown
        .as_ref()
        .is_some_and(|s| s.session.current_step == 0 && !s.steps.is_empty());
    let (earlier, council) = match (followed, &room.shown) {
        (Some(f), Some(s)) if on_opening && (look || room.earlier_of.as_ref() != Some(&f.path)) => {
            let folder = f.path.parent().unwrap_or(Path::new("."));
            room.earlier_of = Some(f.path.clone());
            let earlier = crate::actions::folder::open_for_group(
                folder,
                &s.session.group,
                s.session.started_at,
                &f.path,
            );
            // A board's meeting that answers a council's questions shows them too.
            let council = s.session.questions_from.as_deref().and_then(|group| {
                let since = Some(s.session.started_at);
                crate::actions::questions::open_of_group(folder, group, since)
            });
            (earlier, council)
        }
        _ if on_opening => return false,
        _ => {
            room.earlier_of = None;
            (Vec::new(), None)
        }
    };
    if earlier == room.earlier && council == room.council {
        return false;
    }
    room.earlier = earlier;
    room.council = council;
    true
}

/// The followed session read again when it changed, or the run to follow found; returns
/// whether what the room shows changed, and whether a lock was too new to try.
fn sync_session(
    followed: &mut Option<Followed>,
    room: &mut Room,
    dir: &Path,
    probe: bool,
) -> (bool, bool) {
    let mut changed = false;
    if let Some(f) = followed.as_mut() {
        if let Some(s) = f.read_if_changed() {
            room.show(s, Local::now().fixed_offset(), Instant::now());
            changed = true;
        }
        if f.named {
            return (changed, false);
        }
        let lock_gone = !crate::session::store::lock_path(&f.path).exists();
        if !(lock_gone || (probe && follow::run_ended(f))) {
            return (changed, false);
        }
        // The run ended: a finished one leaves its summary up until the next run starts.
        *followed = None;
        if !room.shown.as_ref().is_some_and(follow::finished) {
            room.shown = None;
            changed = true;
        }
    }
    let (found, unsure) = follow::locked_sessions(dir);
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
    (changed, unsure)
}

/// Tells the loop when something in the folder changes; `None` when the folder cannot be
/// watched (not there yet, or no file events here): the poll does the work then.
fn watch(dir: &Path, tx: &Sender<Incoming>) -> Option<notify::RecommendedWatcher> {
    let tx = tx.clone();
    let mut w = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let paths = match res {
            Ok(e) if !is_news(&e) => return,
            Ok(e) => e.paths,
            // Events were lost: anything may have changed.
            Err(_) => Vec::new(),
        };
        let _ = tx.send(Incoming::Files(paths));
    })
    .ok()?;
    w.watch(dir, RecursiveMode::NonRecursive).ok()?;
    Some(w)
}

/// Whether a file event tells of a change. Reading a file is no change: the room's own
/// reads (Linux reports every open) would otherwise wake it to read again, without end. Nor
/// are the room's presence file, which it rewrites every few seconds, and the folder's cache,
/// which only repeats what the session files say.
fn is_news(e: &notify::Event) -> bool {
    use notify::event::{AccessKind, AccessMode, EventKind};
    match e.kind {
        // A file written and closed: a change, even if no other event said so.
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => {}
        EventKind::Access(_) => return false,
        _ => {}
    }
    let quiet = |p: &PathBuf| {
        p.extension().is_some_and(|x| x == "room") || crate::session::store::cache::is_cache_file(p)
    };
    e.paths.is_empty() || !e.paths.iter().all(quiet)
}

#[cfg(test)]
mod tests {
    use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind};

    use super::*;

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn reads_presence_and_cache_are_no_news_writes_are() {
        let s = "/s/2026-11-20_1400_jef-mol_client-council_x.toml";
        for quiet in [
            event(EventKind::Access(AccessKind::Open(AccessMode::Any)), s),
            event(EventKind::Access(AccessKind::Close(AccessMode::Read)), s),
            event(EventKind::Access(AccessKind::Open(AccessMode::Any)), "/s"),
            event(EventKind::Modify(ModifyKind::Any), "/s/.x.toml.room"),
            event(
                EventKind::Create(CreateKind::File),
                "/s/.voer-cache.json.Ab12.tmp",
            ),
        ] {
            assert!(!is_news(&quiet), "{quiet:?}");
        }
        for news in [
            event(EventKind::Modify(ModifyKind::Any), s),
            event(EventKind::Access(AccessKind::Close(AccessMode::Write)), s),
            event(EventKind::Create(CreateKind::File), "/s/.x.toml.lock"),
            notify::Event::new(EventKind::Other),
        ] {
            assert!(is_news(&news), "{news:?}");
        }
    }

    #[test]
    fn the_followed_sessions_own_files_are_told_from_the_others() {
        let f = Followed::new("/s/a.toml".into(), false);
        let mut c = Changes::None;
        c.add(
            &["/s/a.toml".into(), "/s/.a.toml.x1y2.tmp".into()],
            Some(&f),
        );
        assert_eq!(c, Changes::Followed);
        c.add(&["/s/.a.toml.lock".into()], Some(&f));
        assert_eq!(c, Changes::Followed);
        c.add(&["/s/b.toml".into()], Some(&f));
        assert_eq!(c, Changes::All);
        let mut c = Changes::None;
        c.add(&[], Some(&f));
        assert_eq!(c, Changes::All, "unnamed: anything");
        let mut c = Changes::None;
        c.add(&["/s/a.toml".into()], None);
        assert_eq!(c, Changes::All);
    }
}
