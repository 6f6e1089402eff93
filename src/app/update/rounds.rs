//! Speaking rounds, phases and the plan to end on time: the keys (Tab, Ctrl+K/U/W/O).
use super::time::{changed, save_now};
use crate::app::{Action, Effect, clock::Now, model::Model, rounds};

pub(super) fn update(m: &mut Model, action: Action, now: Now, fx: &mut Vec<Effect>) {
    if m.on_summary() {
        return;
    }
    let moved = match action {
        Action::NextTurn => rounds::next(m, now),
        Action::Pass => rounds::pass(m, now),
        Action::Shuffle => rounds::shuffle(m, now),
        Action::ToggleRound => rounds::toggle_round(m, now),
        Action::TakeOverrun => rounds::take_overrun(m, now),
        _ => false,
    };
    // The round, the phase and the plan are in the file at once, for the room screen.
    if moved {
        changed(m, now);
        save_now(m, now, fx);
    }
}
