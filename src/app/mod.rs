//! A run of one session: the model, the actions, the keymap and the one `update` function.
//! `update` does no I/O: it returns effects that the terminal loop (`crate::tui`) carries out.
mod action;
pub mod clock;
mod keymap;
mod model;
pub mod picker;
pub mod rounds;
mod update;

pub use action::{Action, Effect};
pub use keymap::map_key;
pub use model::{EpisodeView, Mode, Model, SaveState, Theme};
pub use update::{SAVE_DELAY, next_deadline, update};
