//! The terminal side of a run:
//! - `terminal`: raw mode and the alternate screen, given back on exit, error and panic;
//! - `events`: the input, signal and saver messages on one channel;
//! - `runtime`: the loop that feeds them to `update`, carries out the effects and draws.
mod events;
mod runtime;
mod terminal;

pub use runtime::{CreateSession, run};

/// `NO_COLOR` set and not empty: draw without colours.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
