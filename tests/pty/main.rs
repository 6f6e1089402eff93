//! The tests that run the real voer binary in a pseudo-terminal and read its screen.
//!
//! cargo test --test pty                 # all of them
//! cargo test --test pty kill9 -- --nocapture

mod common;

mod durability;
mod e2e;
mod kill9;
mod panic;
