//! Shared by the benches: the tests' fixture (episode 4 for a client council at a fixed time),
//! a run typing at the first prompt, and one criterion configuration.
#![allow(dead_code)] // each bench uses its own part

use std::{path::Path, time::Duration};

use criterion::Criterion;
use voer::{
    app::{Model, Msg, clock::Now, update_run},
    episode::Audience,
    lang::Lang,
};

#[path = "../../tests/it/fixture.rs"]
mod fixture;
#[allow(unused_imports)] // not every bench takes the fixed time
pub use fixture::fixed_now;

/// The first prompt of the client-council run of episode 4.
pub const PROMPT: usize = 3;

/// 20 samples in 3 s per benchmark, after 1 s of warm-up.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

/// A Dutch client-council session of episode 4, not yet opened.
pub fn session(now: Now) -> voer::session::Session {
    fixture::session(Audience::ClientCouncil, Lang::Nl, now)
}

/// A run at the first prompt, typing, with `notes` in that step (the cursor at their end),
/// saved to `path`.
pub fn typing(notes: &str, path: &Path, now: Now) -> Model {
    let mut s = session(now);
    s.steps[PROMPT].notes = notes.to_string();
    s.session.current_step = PROMPT;
    let mut m = fixture::model_of(s, now);
    m.path = path.into();
    update_run(&mut m, Msg::StartTyping, now);
    m
}
