//! voer: step a group through an episode of "Radicale vernieuwing zorg".
//!
//! Where things live:
//! - `episode`: the episode file format and the library of episodes (embedded + `--prompts`).
//! - `session`: the session file format; `session::store` writes it (atomic, off the UI thread).
//! - `app`: the model of a run, the actions, the keymap and the one `update` function.
//! - `ui`: drawing, one file per region of the screen.
//! - `tui`: the terminal loop that ties input, time, saving and drawing together.
//! - `export`: reports in md, html, txt, json, csv, docx.
//! - `actions`: agreements with an owner and a date, across sessions (`voer actions`).
//! - `commands`, `cli`: the command line; `config`: the config file and the sessions folder.
pub mod actions;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod episode;
pub mod export;
pub mod i18n;
pub mod lang;
pub mod session;
pub mod tui;
pub mod ui;
