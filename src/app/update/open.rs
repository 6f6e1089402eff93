//! The run opens, new or resumed: its clock starts (unless the file says it was paused), the
//! step's phases begin, the steps to come are fitted to the end time, and a file that was
//! finished says so, and so do sessions past the retention period.
use std::time::Duration;

use super::time::changed;
use crate::app::{
    clock::Now,
    model::{Model, StatusLine},
    rounds,
};

/// How long the message about a finished file reopened stays in the status line.
const REOPENED_FOR: Duration = Duration::from_secs(20);

pub(super) fn open(m: &mut Model, now: Now) {
    if !m.paused {
        m.start_clock(now.mono);
    }
    rounds::step_opened(m, now);
    rounds::turn_bell_rung_if_over(m, now);
    // At the start and on resume: end at `until` (a message says what changed).
    if rounds::plan_to_end_on_time(m, now) {
        changed(m, now);
    }
    let reopened = m
        .reopened_finished
        .then(|| m.texts().reopened_finished.to_string());
    let said: Vec<String> = reopened.into_iter().chain(m.notice.take()).collect();
    if !said.is_empty() {
        m.status = Some(StatusLine::new(said.join(" "), now.mono + REOPENED_FOR));
    }
}
