//! The app: one model (`App`) showing the picker or a run, the actions, the keys (one table,
//! `keys.rs`; the keymap reads it in `keymap.rs`) and the one
//! `update` function. `update` does no I/O: it returns effects that the terminal loop
//! (`crate::tui::runtime`) carries out.
mod action;
pub mod agreements;
pub mod clock;
mod keymap;
pub mod keys;
mod model;
pub mod picker;
pub mod rounds;
mod update;

pub use action::{Action, Choice, Effect, Opened, Pick};
pub use keymap::{map_app_key, map_key, map_picker_key};
pub use model::{App, EpisodeView, Mode, Model, Overlay, SaveState, Screen, UnsavedView};
pub use update::{SAVE_DELAY, next_deadline, update, update_run};
