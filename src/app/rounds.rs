//! Speaking rounds, phases and ending on time, as the run uses them. The rules themselves are
//! in `crate::session::timing`; here they meet the model, the keys and the status line.
use std::time::Duration;

use ratatui_textarea::{Input, Key};

use super::{clock::Now, model::Model, msg::Effect};
use crate::{
    i18n::fill,
    session::{
        Round,
        countdown::Remaining,
        timing::{self, Pace, Replan},
    },
};

/// How long a message about the plan stays in the status line.
const SAY_FOR: Duration = Duration::from_secs(8);

fn elapsed(m: &Model, now: Now) -> u64 {
    m.elapsed(m.step, now.mono).as_secs()
}

fn say(m: &mut Model, msg: String, now: Now) {
    m.status = Some(super::StatusLine::new(msg, now.mono + SAY_FOR));
}

/// A step is opened (the run starts, resumes, or moves): its phases begin.
pub(super) fn step_opened(m: &mut Model, now: Now) {
    let at = elapsed(m, now);
    if let Some(s) = m.session.steps.get_mut(m.step) {
        timing::start_phases(&mut s.phases, at);
    }
}

/// At the start and on resume: with `until`, shrink the steps to come to end in time.
pub(super) fn plan_to_end_on_time(m: &mut Model, now: Now) -> bool {
    let Some(until) = m.session.session.until else {
        return false;
    };
    // Resumed on another day (to add notes): that meeting's end time is past, not missed.
    if now.wall - m.session.session.started_at > chrono::Duration::hours(12) {
        return false;
    }
    let left = timing::seconds_until(now.wall, until);
    let at = elapsed(m, now);
    let result = timing::replan(&mut m.session.steps, m.step, at, left);
    let t = m.texts();
    let until = until.format("%H:%M").to_string();
    let msg = match result {
        Replan::Fits => return false,
        Replan::Shrunk(secs) => fill(t.replan_shrunk, [&until, &secs.div_ceil(60)]),
        Replan::Impossible { late, .. } => fill(t.replan_impossible, [&until, &late.div_ceil(60)]),
    };
    say(m, msg, now);
    true
}

/// Ctrl+O: take the overrun from the steps still to come.
pub(super) fn take_overrun(m: &mut Model, now: Now) -> bool {
    if m.session.session.until.is_none() {
        let msg = m.texts().replan_no_until.to_string();
        say(m, msg, now);
        return false;
    }
    if plan_to_end_on_time(m, now) {
        return true;
    }
    let msg = m.texts().replan_fits.to_string();
    say(m, msg, now);
    false
}

/// Ahead or behind `until`, if the meeting has one.
pub fn pace(m: &Model, now: Now) -> Option<Pace> {
    let until = m.session.session.until?;
    if m.on_summary() || now.wall - m.session.session.started_at > chrono::Duration::hours(12) {
        return None;
    }
    let left = timing::seconds_until(now.wall, until);
    Some(timing::pace(
        &m.session.steps,
        m.step,
        elapsed(m, now),
        left,
    ))
}

/// The round on the current step, if it is one.
pub fn round(m: &Model) -> Option<&Round> {
    m.current().and_then(|s| s.round.as_ref())
}

/// Whether Tab moves something here: a speaker in a round, or a phase with one after it.
pub fn has_turns(m: &Model) -> bool {
    round(m).is_some_and(|r| !r.is_open())
        || m.current().is_some_and(|s| {
            timing::current_phase(&s.phases).is_some_and(|i| i + 1 < s.phases.len())
        })
}

/// Tab: the next speaker in a round, else the next phase early. Returns whether anything moved.
pub(super) fn next(m: &mut Model, now: Now) -> bool {
    let at = elapsed(m, now);
    let Some(s) = m.session.steps.get_mut(m.step) else {
        return false;
    };
    if let Some(r) = s.round.as_mut().filter(|r| !r.is_open()) {
        r.next(at);
        // The next speaker's words start on a line of their own, under their name.
        super::notes::new_turn(m);
        return true;
    }
    if !timing::next_phase(&mut s.phases, at) {
        return false;
    }
    super::notes::new_phase(m, true);
    true
}

/// The current step's round while speakers still have turns (not yet open discussion).
fn speaking_round(m: &mut Model) -> Option<&mut Round> {
    m.session
        .steps
        .get_mut(m.step)
        .and_then(|s| s.round.as_mut())
        .filter(|r| !r.is_open())
}

/// Ctrl+K: the current speaker passes.
pub(super) fn pass(m: &mut Model, now: Now) -> bool {
    let at = elapsed(m, now);
    match speaking_round(m) {
        Some(r) => {
            r.pass(at);
            super::notes::new_turn(m);
            true
        }
        None => false,
    }
}

/// Ctrl+U: shuffle the speakers not yet spoken.
pub(super) fn shuffle(m: &mut Model, now: Now) -> bool {
    let at = elapsed(m, now);
    let seed = (now.wall.timestamp() as u64)
        ^ (m.elapsed(m.step, now.mono).as_nanos() as u64).rotate_left(17);
    match speaking_round(m) {
        Some(r) => {
            r.shuffle(seed, at);
            true
        }
        None => false,
    }
}

/// Ctrl+W: make this prompt a round of the participants (and back).
pub(super) fn toggle_round(m: &mut Model, now: Now) -> bool {
    let at = elapsed(m, now);
    let names = m.session.session.participants.clone();
    let Some(s) = m
        .session
        .steps
        .get_mut(m.step)
        .filter(|s| s.kind.is_question())
    else {
        return false;
    };
    if s.round.take().is_some() {
        return true;
    }
    if names.is_empty() {
        let msg = m.texts().round_no_participants.to_string();
        say(m, msg, now);
        return false;
    }
    s.round = Some(Round::new(names, None, at));
    true
}

/// Before a key is typed into the notes during a turn: a new line starts with the speaker's
/// name, so the notes (and every export) say who said it.
pub(super) fn prefix_note(m: &mut Model, input: &Input) -> bool {
    let printable = matches!(input.key, Key::Char(_)) && !input.ctrl && !input.alt;
    printable && prefix_line(m)
}

/// A paste during a turn: each of its lines after the first starts with the speaker's name
/// too, as each typed line does (the first gets it from [`prefix_line`]).
pub(super) fn prefix_pasted_lines(m: &Model, text: &str) -> String {
    let prefix = round(m).and_then(Round::note_prefix);
    let Some(prefix) = prefix.filter(|_| !m.private_open) else {
        return text.to_string();
    };
    let name = prefix.trim_end();
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            if i == 0 || line.trim().is_empty() || line.trim_start().starts_with(name) {
                line.to_string()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Puts the speaker's name at the start of the notes' current line if it is empty (the
/// group's notes only: the facilitator's own are not minutes).
pub(super) fn prefix_line(m: &mut Model) -> bool {
    let prefix = round(m).and_then(Round::note_prefix);
    let Some(prefix) = prefix.filter(|_| !m.private_open) else {
        return false;
    };
    let Some(ta) = m.notes.get_mut(m.step) else {
        return false;
    };
    let row = ta.cursor().0;
    let line_empty = ta.lines().get(row).is_none_or(|l| l.trim().is_empty());
    if line_empty {
        ta.insert_str(prefix);
    }
    line_empty
}

/// What time alone makes due here: a phase that ends moves on by itself, with one bell (and
/// its heading in the notes); a speaker's turn does not (the facilitator gives the floor), but
/// when its time is up the bell rings once. Returns whether the session changed.
pub(super) fn tick(m: &mut Model, now: Now, fx: &mut Vec<Effect>) -> bool {
    turn_time_up(m, now, fx);
    let at = elapsed(m, now);
    let Some(s) = m.session.steps.get_mut(m.step) else {
        return false;
    };
    if !timing::advance_phases(&mut s.phases, at) {
        return false;
    }
    super::notes::new_phase(m, false);
    if !m.muted {
        fx.push(Effect::Bell);
    }
    true
}

/// The current turn, as the bell remembers it: step, speaker's place, start of the turn.
fn turn_id(m: &Model) -> Option<(usize, usize, u64)> {
    round(m)
        .filter(|r| !r.is_open())
        .map(|r| (m.step, r.current, r.turn_started))
}

/// One bell when the current speaker's time is up (unless muted); the turn goes on.
fn turn_time_up(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    let over = m.turn_remaining(now.mono).is_some_and(Remaining::is_over);
    let id = turn_id(m);
    if over && id.is_some() && m.turn_bell != id {
        m.turn_bell = id;
        if !m.muted {
            fx.push(Effect::Bell);
        }
    }
}

/// A turn that was already over when the run opened (a resume) does not ring again.
pub(super) fn turn_bell_rung_if_over(m: &mut Model, now: Now) {
    if m.turn_remaining(now.mono).is_some_and(Remaining::is_over) {
        m.turn_bell = turn_id(m);
    }
}

/// When the current phase ends, if it does before the next whole second anyway.
pub fn next_phase_change(m: &Model, now: Now) -> Option<Duration> {
    let step = m.current()?;
    let i = timing::current_phase(&step.phases)?;
    if i + 1 >= step.phases.len() || !m.clocks.get(m.step)?.is_running() {
        return None;
    }
    match m.phase_remaining(now.mono)?.1 {
        Remaining::Left(d) => Some(d),
        Remaining::Over(_) => Some(Duration::ZERO),
    }
}
