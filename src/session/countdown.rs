//! Countdowns, as both screens show them: the time left on a step, in a speaker's turn and in
//! a phase, from the step and the time spent on it. The facilitator's screen measures that time
//! with its own clock (`app::clock`); the room screen reads it from the session file.
use std::time::Duration;

use super::{Step, timing};

/// Time left on a timed step: counting down, or the overrun once past zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remaining {
    Left(Duration),
    Over(Duration),
}

impl Remaining {
    pub fn of(planned: Duration, elapsed: Duration) -> Remaining {
        if elapsed <= planned {
            Remaining::Left(planned - elapsed)
        } else {
            Remaining::Over(elapsed - planned)
        }
    }

    /// `m:ss` counting down (rounded up, so a fresh 5-minute timer shows 5:00 and 0:00 means
    /// time is up), or `+m:ss` for the overrun.
    pub fn display(self) -> String {
        match self {
            Remaining::Left(d) => m_ss(d.as_secs() + u64::from(d.subsec_nanos() > 0)),
            Remaining::Over(d) => format!("+{}", m_ss(d.as_secs())),
        }
    }

    pub fn is_over(self) -> bool {
        matches!(self, Remaining::Over(_))
    }

    /// In the last minute, the timer turns to a warning colour.
    pub fn is_last_minute(self) -> bool {
        matches!(self, Remaining::Left(d) if d <= Duration::from_secs(60))
    }

    /// What the countdown's warning colour says, so that a screen can say it in a word too:
    /// colour is never the only sign.
    pub fn alert(self) -> Option<Alert> {
        if self.is_over() {
            Some(Alert::Over)
        } else if self.is_last_minute() {
            Some(Alert::LastMinute)
        } else {
            None
        }
    }
}

/// A countdown in its last minute, or past its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alert {
    LastMinute,
    Over,
}

/// `m:ss` of a duration, for planned and actual times.
pub fn minutes_seconds(d: Duration) -> String {
    m_ss(d.as_secs())
}

fn m_ss(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

impl Step {
    /// Time left (or over) on this step, `elapsed` into it, if it is timed.
    pub fn remaining(&self, elapsed: Duration) -> Option<Remaining> {
        self.kind
            .is_timed()
            .then(|| Remaining::of(Duration::from_secs(self.planned_seconds), elapsed))
    }

    /// Time left (or over) in the current speaker's turn, while a round has speakers to go.
    pub fn turn_remaining(&self, elapsed: Duration) -> Option<Remaining> {
        let r = self.round.as_ref().filter(|r| !r.is_open())?;
        let turn = Duration::from_secs(r.turn_seconds(self.planned_seconds));
        let spent = elapsed.saturating_sub(Duration::from_secs(r.turn_started));
        Some(Remaining::of(turn, spent))
    }

    /// The current phase's index, and its time left (or over).
    pub fn phase_remaining(&self, elapsed: Duration) -> Option<(usize, Remaining)> {
        let i = timing::current_phase(&self.phases)?;
        let p = &self.phases[i];
        let planned = Duration::from_secs(u64::from(p.minutes) * 60);
        let spent = elapsed.saturating_sub(Duration::from_secs(p.started.unwrap_or(0)));
        Some((i, Remaining::of(planned, spent)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_shows_rounded_up_and_overrun_with_plus() {
        let five = Duration::from_secs(300);
        assert_eq!(Remaining::of(five, Duration::ZERO).display(), "5:00");
        assert_eq!(
            Remaining::of(five, Duration::from_millis(1)).display(),
            "5:00"
        );
        assert_eq!(
            Remaining::of(five, Duration::from_millis(1001)).display(),
            "4:59"
        );
        assert_eq!(Remaining::of(five, five).display(), "0:00");
        assert_eq!(
            Remaining::of(five, Duration::from_secs(372)).display(),
            "+1:12"
        );
        assert_eq!(minutes_seconds(Duration::from_millis(61_900)), "1:01");
    }
}
