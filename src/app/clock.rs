//! Time as a value: a monotonic instant for timers and the wall clock for the session file,
//! and the clock of each step. What is left of a step, a turn or a phase is
//! `crate::session::countdown`, for this screen and the room's.
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Local, SubsecRound};

#[derive(Debug, Clone, Copy)]
pub struct Now {
    pub mono: Instant,
    pub wall: DateTime<FixedOffset>,
}

impl Now {
    pub fn real() -> Now {
        Now {
            mono: Instant::now(),
            // Whole seconds: the session file is read by people.
            wall: Local::now().fixed_offset().trunc_subsecs(0),
        }
    }

    /// The same moment moved forward, for tests and for the loop's deadlines.
    pub fn plus(self, d: Duration) -> Now {
        // Far beyond any meeting, the sum would overflow: stay at the last moment there is.
        let wall = chrono::Duration::from_std(d)
            .ok()
            .and_then(|d| self.wall.checked_add_signed(d))
            .unwrap_or(DateTime::<chrono::Utc>::MAX_UTC.fixed_offset());
        Now {
            mono: self.mono.checked_add(d).unwrap_or(self.mono),
            wall,
        }
    }
}

/// Time spent on one step: what was accumulated before, plus the running stretch.
/// Never adds up ticks: elapsed is always `accumulated + (now - since)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepClock {
    accumulated: Duration,
    running_since: Option<Instant>,
}

impl StepClock {
    pub fn with_elapsed(accumulated: Duration) -> StepClock {
        StepClock {
            accumulated,
            running_since: None,
        }
    }

    pub fn elapsed(&self, now: Instant) -> Duration {
        self.accumulated.saturating_add(
            self.running_since
                .map_or(Duration::ZERO, |s| now.saturating_duration_since(s)),
        )
    }

    /// How long the clock has been running since it last started, if it runs.
    pub fn running_for(&self, now: Instant) -> Option<Duration> {
        self.running_since.map(|s| now.saturating_duration_since(s))
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn start(&mut self, now: Instant) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    pub fn stop(&mut self, now: Instant) {
        self.accumulated = self.elapsed(now);
        self.running_since = None;
    }
}

/// How long until the shown second of a clock that has run `elapsed` changes.
pub fn until_next_second(elapsed: Duration) -> Duration {
    let into = elapsed.subsec_nanos();
    Duration::from_nanos(u64::from(1_000_000_000 - into))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_counts_only_while_running() {
        let t0 = Instant::now();
        let mut c = StepClock::default();
        c.start(t0);
        c.stop(t0 + Duration::from_secs(10));
        assert_eq!(
            c.elapsed(t0 + Duration::from_secs(100)),
            Duration::from_secs(10)
        );
        c.start(t0 + Duration::from_secs(100));
        assert_eq!(
            c.elapsed(t0 + Duration::from_secs(105)),
            Duration::from_secs(15)
        );
    }
}
