//! Where messages come from: the input thread, the signal thread and the saver's reports all
//! arrive on one channel; the loop takes everything that is ready before it draws. The input
//! and signal threads are the room screen's too (`spawn_input`).
use std::{
    collections::VecDeque,
    path::PathBuf,
    sync::mpsc::{self, Receiver, RecvTimeoutError, Sender},
    thread,
    time::{Duration, Instant},
};

use ratatui::crossterm::event::{self, Event};

use crate::session::store::{SaveOutcome, StoreError};

/// After a termination signal, input still arriving is taken in for at most this long,
/// and until it has been quiet for `SIGNAL_QUIET`.
const SIGNAL_DRAIN: Duration = Duration::from_millis(250);
const SIGNAL_QUIET: Duration = Duration::from_millis(30);

/// What reaches the loop from outside `update`: the terminal's events, a signal, and the
/// outcome of work done off the UI thread.
pub enum Incoming {
    Event(Event),
    Signal,
    /// A session save finished.
    Saved(SaveOutcome),
    /// The copy saved elsewhere was written, or not.
    SavedElsewhere(PathBuf, Result<(), StoreError>),
    /// The Ctrl+E report was written (where, and what the session file records of it), or not.
    Exported(Result<crate::session::store::Written, StoreError>),
    /// An earlier session's action was marked in its own file, or not.
    EarlierMarked(Result<(String, bool), std::sync::Arc<crate::actions::folder::ActionError>>),
    /// A council's question got its answer in its own file, or not.
    EarlierAnswered(
        Result<Box<crate::session::Action>, std::sync::Arc<crate::actions::folder::ActionError>>,
    ),
    /// The system's opener started for the video, or failed (also when it ended badly).
    VideoOpened(crate::app::VideoTarget, Result<(), crate::app::VideoError>),
}

/// Every signal that would otherwise end voer on the spot, the terminal left raw and the last
/// keys unsaved: SIGQUIT and the user signals too, not only SIGTERM, SIGHUP and SIGINT. Each
/// saves and quits as SIGTERM does.
#[cfg(unix)]
pub const STOP_SIGNALS: [std::ffi::c_int; 7] = {
    use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
    [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]
};

/// Input and termination signals, on one channel that the saver's reports join.
pub fn spawn_sources() -> (Sender<Incoming>, Receiver<Incoming>) {
    let (tx, rx) = mpsc::channel();
    spawn_input(&tx, Incoming::Event, || Incoming::Signal);
    (tx, rx)
}

/// The terminal's events and the signals that would end voer, sent on `tx` as the loop's own
/// messages (`on_event`, `on_signal`): one input source for a run and for the room screen.
pub fn spawn_input<M: Send + 'static>(
    tx: &Sender<M>,
    on_event: fn(Event) -> M,
    on_signal: fn() -> M,
) {
    let input = tx.clone();
    thread::Builder::new()
        .name("voer-input".into())
        .spawn(move || {
            while let Ok(ev) = event::read() {
                if input.send(on_event(ev)).is_err() {
                    break;
                }
            }
        })
        .ok();
    #[cfg(unix)]
    {
        if let Ok(mut signals) = signal_hook::iterator::Signals::new(STOP_SIGNALS) {
            let sig = tx.clone();
            thread::Builder::new()
                .name("voer-signals".into())
                .spawn(move || {
                    for _ in signals.forever() {
                        if sig.send(on_signal()).is_err() {
                            break;
                        }
                    }
                })
                .ok();
        }
    }
    // Windows: closing the console window, logging off, shutting down (signals on Unix).
    let sig = tx.clone();
    crate::platform::install_shutdown_handler(move || {
        let _ = sig.send(on_signal());
    });
}

/// Waits up to `timeout` for a message, then takes every other message that is already
/// waiting, so that a burst of input (a large paste without bracketed paste, a held key) is
/// handled in one go and drawn once. Returns false on timeout; `Err` when every sender is gone.
pub fn wait_for_ready(
    rx: &Receiver<Incoming>,
    timeout: Duration,
    into: &mut VecDeque<Incoming>,
) -> Result<bool, RecvTimeoutError> {
    if into.is_empty() {
        match rx.recv_timeout(timeout) {
            Ok(m) => into.push_back(m),
            Err(RecvTimeoutError::Timeout) => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    into.extend(rx.try_iter());
    Ok(true)
}

/// After a termination signal: the messages that still arrive within a moment, such as keys
/// the terminal had sent but the input thread had not yet read. Bounded, so that a held key
/// cannot delay quitting.
pub fn sent_before_signal(rx: &Receiver<Incoming>) -> Vec<Incoming> {
    let until = Instant::now() + SIGNAL_DRAIN;
    let mut out = Vec::new();
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(SIGNAL_QUIET.min(left)) {
            Ok(Incoming::Signal) => {}
            Ok(m) => out.push(m),
            Err(_) => return out,
        }
        if left.is_zero() {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_ready_is_taken_before_drawing() {
        let (tx, rx) = mpsc::channel();
        for c in "a large paste".chars() {
            tx.send(Incoming::Event(Event::Key(event::KeyCode::Char(c).into())))
                .unwrap();
        }
        let mut batch = VecDeque::new();
        assert_eq!(
            wait_for_ready(&rx, Duration::from_secs(5), &mut batch),
            Ok(true)
        );
        assert_eq!(
            batch.len(),
            "a large paste".len(),
            "all ready input, at once"
        );
    }

    #[test]
    fn nothing_ready_is_a_timeout() {
        let (_tx, rx) = mpsc::channel();
        let mut batch = VecDeque::new();
        assert_eq!(
            wait_for_ready(&rx, Duration::from_millis(1), &mut batch),
            Ok(false)
        );
        assert!(batch.is_empty());
    }
}
