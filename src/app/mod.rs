//! The app: one model (`App`) showing the picker or a run, the messages (`Msg`), the keys (one
//! table, `keys.rs`; the keymap reads it in `keymap.rs`) and the one `update` function.
//! `update` does no I/O: it returns effects that the terminal loop (`crate::tui::runtime`)
//! carries out. `Model::new` only builds a run; it opens (its clock starts) on `Msg::Start`.
pub mod actions;
pub mod clock;
mod episode_view;
mod keymap;
pub mod keys;
mod mode;
mod model;
mod msg;
mod notes;
pub mod picker;
pub mod rounds;
mod update;
mod video;

pub use episode_view::EpisodeView;
pub use keymap::{map_app_key, map_key, map_picker_key};
pub use mode::{Mode, Overlay, UnsavedView};
pub use model::{App, Model, SaveState, Screen, StatusLine};
pub use msg::{Choice, Effect, Msg, Opened, Pick};
pub use update::{SAVE_DELAY, next_deadline, update, update_run};
pub use video::{VideoError, VideoTarget};
