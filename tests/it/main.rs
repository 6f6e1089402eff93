//! The tests that need no terminal, in one binary: the library through its public API, the
//! binary's command-line subcommands, the exports, the screens and property tests.
//! The tests that run voer in a pseudo-terminal are in `tests/pty/`.

mod bin;
mod export_support;
mod fixture;

mod actions;
mod actions_run;
mod cli;
mod content;
mod episodes;
mod export_browser;
mod export_cli;
mod export_formats;
mod export_hostile;
mod meeting_notes;
mod meeting_screens;
mod paper;
mod picker;
mod privacy;
mod props;
mod questions;
mod reports_beside;
mod room_screens;
mod rounds;
mod safe_output;
mod screens;
mod screens_actions;
mod series;
mod session_names;
mod signs;
mod special_files;
mod unknown_fields;
mod update;
mod video;
