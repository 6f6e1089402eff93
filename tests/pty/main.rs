//! The tests that run the real voer binary in a pseudo-terminal and read its screen.
//!
//! cargo test --test pty                 # all of them
//!
//! The kill -9 test is a binary of its own (`tests/kill9.rs`), so that it runs alone.

// Unix only: the pseudo-terminal harness, signals and file modes. On Windows the console
// handler that saves on closing the window is unit-tested in src/platform.
#![cfg(unix)]

mod common;
#[path = "../../benches/lived_in/mod.rs"]
mod lived_in;

mod attacks;
mod delete;
mod durability;
mod e2e;
mod e2e_actions;
mod history;
mod lock;
mod meeting;
mod panic;
mod presence;
mod private_notes;
mod reports;
mod room;
mod room_robust;
mod rounds;
mod series;
mod video;
