//! Speaking rounds, phases and the plan to end on time: the keys (Tab, Ctrl+K/U/W/O).
use super::time::save_at_once;
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
    if moved {
        save_at_once(m, now, fx);
    }
}
