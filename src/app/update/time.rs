//! What time alone makes due (the bell, the autosave, a retry, a message expiring), and when the
//! loop must wake up for it.
use std::time::Duration;

use crate::app::{
    clock::{Now, until_next_second},
    model::{App, Model, Screen},
    msg::Effect,
};

/// A save is due this long after the oldest unsaved change, so nothing typed waits longer
/// than about a second to reach the disk, even while typing goes on.
pub const SAVE_DELAY: Duration = Duration::from_millis(700);
/// After a failed save, try again this often.
const RETRY_EVERY: Duration = Duration::from_secs(2);
/// While a clock runs and nothing else changed, refresh the elapsed times on disk this often.
const REFRESH_EVERY: Duration = Duration::from_secs(15);
/// How long a message stays in the status line.
pub(super) const STATUS_FOR: Duration = Duration::from_secs(6);
/// Marks the session as changed: a save becomes due.
pub(super) fn changed(m: &mut Model, now: Now) {
    m.save.revision += 1;
    m.save.dirty_since.get_or_insert(now.mono);
}

/// A change that a room screen reads from the file (the step, the blank screen, the notes
/// shown to the room, a round, a phase, the plan, an action): marked and written at once,
/// not after the autosave's delay.
pub(super) fn save_at_once(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    changed(m, now);
    save_now(m, now, fx);
}

fn save_now(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    let rev = m.save.revision;
    m.save.submitted = rev;
    m.save.dirty_since = None;
    m.save.last_attempt = Some(now.mono);
    fx.push(Effect::Save(Box::new(m.snapshot(now)), rev));
}

/// What time alone makes due: the bell, the autosave, a retry, the status message expiring.
pub(super) fn housekeeping(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    // A phase whose time is up moves on by itself, with one bell; it is in the file at once.
    if crate::app::rounds::tick(m, now, fx) {
        changed(m, now);
    }
    if let Some(r) = m.remaining(now.mono)
        && r.is_over()
        && !m.bell_rung[m.step]
    {
        m.bell_rung[m.step] = true;
        if !m.muted {
            fx.push(Effect::Bell);
        }
    }
    if m.quitting {
        return;
    }
    let s = &m.save;
    let due = match (s.error.is_some(), s.last_attempt) {
        // After a failure: retry every few seconds, whatever changed.
        (true, Some(last)) => now.mono >= last + RETRY_EVERY,
        _ => s.revision > s.submitted && s.dirty_since.is_some_and(|d| now.mono >= d + SAVE_DELAY),
    };
    let refresh = !m.paused
        && !m.on_summary()
        && s.revision == s.saved
        && s.last_attempt
            .is_some_and(|l| now.mono >= l + REFRESH_EVERY);
    if refresh {
        changed(m, now);
    }
    if due || refresh {
        save_now(m, now, fx);
    }
    if m.status.as_ref().is_some_and(|s| now.mono >= s.until) {
        m.status = None;
    }
}

/// When the loop must wake up next, if nothing else happens: the timer's shown second
/// changing, a save falling due, a retry, the status message expiring.
pub fn next_deadline(app: &App, now: Now) -> Duration {
    match &app.screen {
        Screen::Run(m) => run_deadline(m, now),
        // The picker changes only on input.
        Screen::Picker(_) => Duration::from_secs(3600),
    }
}

fn run_deadline(m: &Model, now: Now) -> Duration {
    let mut next = Duration::from_secs(60 - now.wall.timestamp().rem_euclid(60) as u64);
    let mut consider = |at: std::time::Instant| {
        next = next.min(at.saturating_duration_since(now.mono));
    };
    if let Some(c) = m.clocks.get(m.step)
        && c.is_running()
    {
        consider(now.mono + until_next_second(c.elapsed(now.mono)));
    }
    let s = &m.save;
    if s.error.is_some() {
        if let Some(l) = s.last_attempt {
            consider(l + RETRY_EVERY);
        }
    } else if s.revision > s.submitted
        && let Some(d) = s.dirty_since
    {
        consider(d + SAVE_DELAY);
    } else if let Some(l) = s.last_attempt
        && !m.paused
        && !m.on_summary()
    {
        consider(l + REFRESH_EVERY);
    }
    if let Some(s) = &m.status {
        consider(s.until);
    }
    if let Some(d) = crate::app::rounds::next_phase_change(m, now) {
        next = next.min(d);
    }
    next
}
