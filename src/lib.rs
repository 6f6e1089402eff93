//! voer: step a group through an episode of "Radicale vernieuwing zorg".
//!
//! Where things live:
//! - `episode`: the episode file format and the library of episodes (embedded + `--prompts`).
//! - `session`: the session file format; `session::store` writes it (atomic, off the UI thread);
//!   `session::countdown` is the time left on a step, a turn or a phase, for both screens.
//! - `app`: the model (the picker or a run), the messages (`Msg`), every key of a run in one table
//!   (`app/keys.rs`, read by `app/keymap.rs`) and the one `update` function, split by concern
//!   under `app/update/`.
//! - `ui`: drawing, one file per screen or region of the screen; colours in `ui/theme.rs`.
//! - `room`: the room screen (`voer room`), read-only, from the session file, with its own loop
//!   (`room::run`) on the terminal and input of `tui`.
//! - `tui`: the terminal (`terminal`), where messages come from (`events`) and the loop that
//!   ties input, time, saving and drawing together (`runtime`).
//! - `export`: reports in md, html, txt, json, csv, docx.
//! - `actions`: agreements with an owner and a date, across sessions (`voer actions`).
//! - `error`: the one error a user meets before or after the screen (`UserError`), below the
//!   commands and the terminal loop that both return it.
//! - `i18n`: every word the program says, one table per language (`i18n/actions.rs`: the
//!   words about actions).
//! - `commands`, `cli`: the command line, one file per subcommand (`run`, `resume`, …);
//!   `config`: the config file and the sessions folder; `version`: what `--version` says.
//! - `platform`: what differs between Windows and Unix, as portable logic tested everywhere.
//! - `printable`: text from outside made safe to print on a terminal.
pub mod actions;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod episode;
pub mod error;
pub mod export;
pub mod i18n;
pub mod lang;
pub mod platform;
pub mod printable;
pub mod room;
pub mod session;
pub mod tui;
pub mod ui;
pub mod version;
