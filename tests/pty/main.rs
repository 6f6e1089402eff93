//! The tests that run the real voer binary in a pseudo-terminal and read its screen.
//!
//! cargo test --test pty                 # all of them
//!
//! The kill -9 test is a binary of its own (`tests/kill9.rs`), so that it runs alone.

mod common;

mod durability;
mod e2e;
mod panic;
