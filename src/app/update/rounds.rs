//! Speaking rounds, phases and the plan to end on time: the keys (Tab, Ctrl+K/U/W/O).
use super::time::{changed, save_now};
use crate::app::{
    clock::Now,
    model::Model,
    msg::{Effect, Msg},
    rounds,
};

pub(super) fn update(m: &mut Model, msg: Msg, now: Now, fx: &mut Vec<Effect>) {
    if m.on_summary() {
        return;
    }
    let moved = match msg {
        Msg::NextTurn => rounds::next(m, now),
        Msg::Pass => rounds::pass(m, now),
        Msg::Shuffle => rounds::shuffle(m, now),
        Msg::ToggleRound => rounds::toggle_round(m, now),
        Msg::TakeOverrun => rounds::take_overrun(m, now),
        _ => false,
    };
    // The round, the phase and the plan are in the file at once, for the room screen.
    if moved {
        changed(m, now);
        save_now(m, now, fx);
    }
}
