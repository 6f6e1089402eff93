//! The terminal side of a run:
//! - `terminal`: raw mode and the alternate screen, given back on exit, error and panic;
//! - `events`: the input, signal and saver messages on one channel;
//! - `runtime`: the loop that feeds them to `update`, carries out the effects and draws.
//!
//! The room screen (`crate::room::run`) has its own small loop, on the same `Screen` and the
//! same input source (`spawn_input`).
mod events;
mod runtime;
mod terminal;

pub use events::spawn_input;
pub use runtime::{CreateSession, run};
pub use terminal::Screen;

/// `NO_COLOR` set and not empty: draw without colours.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
