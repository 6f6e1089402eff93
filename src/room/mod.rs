//! The room screen (`voer room`): a read-only view of a session for the projector.
//! It reads only the session file that a running voer writes, and shows what is for the room:
//! never the tips, the keys, file paths or the agenda.
//!
//! - `run`: the loop: watching the folder, re-reading the session, drawing when it changed;
//! - `follow`: which session to show (the one a running voer holds locked) and reading it;
//! - `big`: text in large letters, with the punctuation the big font lacks mapped to plain;
//! - `draw`: the screen, from the model and the wall clock.
//!
//! It announces itself beside the session (`crate::session::presence`), so the facilitator's
//! screen knows it is followed.
pub mod big;
pub mod draw;
pub mod follow;
pub mod run;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::{
    lang::Lang,
    session::{Session, Status, countdown::Remaining},
    ui::Theme,
};

/// What the room screen knows: the session it shows, if any. Drawing only reads it.
pub struct Room {
    /// The last good state of the followed session; `None`: waiting for one.
    pub shown: Option<Session>,
    /// The language until a session is followed (then the session's own).
    pub fallback_lang: Lang,
    pub theme: Theme,
    /// What the group agreed at earlier meetings and is still open, read from those sessions'
    /// own files while the opening is shown.
    pub earlier: Vec<crate::actions::folder::Found>,
    /// With `--questions-from`: the council's questions this meeting answers, read from the
    /// council's own files while the opening is shown.
    pub council: Option<crate::actions::questions::Asked>,
    /// The session `earlier` was read for.
    pub earlier_of: Option<std::path::PathBuf>,
    /// When `shown` was read, on the monotonic clock, and the time the timer was at then.
    read_at: Option<(Instant, DateTime<FixedOffset>)>,
}

impl Room {
    pub fn new(fallback_lang: Lang, theme: Theme) -> Room {
        Room {
            shown: None,
            fallback_lang,
            theme,
            earlier: Vec::new(),
            council: None,
            earlier_of: None,
            read_at: None,
        }
    }

    /// Shows `s`, just read from its file at `wall` (the wall clock, read now) and `mono`.
    /// The wall clock is read once per change of the file, to know how long ago it was
    /// written; from then on the timer counts with the monotonic clock, so that a wall clock
    /// set forward or back (by hand, by a time server) cannot make it jump or stand still.
    /// A difference below zero or over 24 hours means the two clocks disagree (this
    /// computer's and the facilitator's): it counts as none.
    pub fn show(&mut self, s: Session, wall: DateTime<FixedOffset>, mono: Instant) {
        let written = s.session.updated_at;
        let since = (wall - written)
            .to_std()
            .ok()
            .filter(|d| d.as_secs() <= crate::session::MAX_STEP_SECONDS)
            .unwrap_or_default();
        let since = chrono::Duration::from_std(since).unwrap_or_default();
        self.read_at = Some((mono, written + since));
        self.shown = Some(s);
    }

    /// The time the timer is at, at `mono` (see [`Room::show`]): what to draw with.
    pub fn timer_now(&self, mono: Instant) -> DateTime<FixedOffset> {
        match self.read_at {
            Some((at, then)) => {
                let passed = chrono::Duration::from_std(mono.saturating_duration_since(at))
                    .unwrap_or_default();
                then + passed
            }
            None => chrono::Local::now().fixed_offset(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.shown
            .as_ref()
            .map_or(self.fallback_lang, |s| s.session.language)
    }

    /// Whether the timer on screen is running, so the screen must change every second.
    pub fn ticking(&self) -> bool {
        self.shown.as_ref().is_some_and(|s| {
            running(s) && !s.session.blanked && s.steps.get(s.session.current_step).is_some()
        })
    }
}

/// Whether the current step's timer runs, as the file says.
fn running(s: &Session) -> bool {
    s.session.status == Status::InProgress
        && !s.session.paused
        && s.session.timer_started_at.is_some()
}

/// Time spent on the current step at `now` (wall clock): what the file says it had when it
/// was written, plus the time since then while the timer runs.
pub fn elapsed(s: &Session, now: DateTime<FixedOffset>) -> Duration {
    let Some(step) = s.steps.get(s.session.current_step) else {
        return Duration::ZERO;
    };
    let saved = Duration::from_secs(step.elapsed_seconds);
    if !running(s) {
        return saved;
    }
    let since = (now - s.session.updated_at).to_std().unwrap_or_default();
    saved + since
}

/// Time left (or over) on the current step, when it is timed.
pub fn remaining(s: &Session, now: DateTime<FixedOffset>) -> Option<Remaining> {
    s.steps
        .get(s.session.current_step)?
        .remaining(elapsed(s, now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        episode::{Audience, Library},
        session::Meta,
    };

    fn session() -> Session {
        let lib = Library::embedded();
        let ep = lib.find("jef-mol").expect("embedded");
        let now = DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").expect("a time");
        Session::new(ep, Audience::ClientCouncil, &Meta::default(), Lang::Nl, now)
    }

    /// The session on its first prompt, 5 minutes planned, 20 seconds of them spent when the
    /// file was written, its timer running since 20 seconds before that.
    fn on_a_prompt() -> Session {
        let mut s = session();
        let prompt = s
            .steps
            .iter()
            .position(|st| st.kind.is_question())
            .expect("a prompt");
        s.session.current_step = prompt;
        s.steps[prompt].planned_seconds = 300;
        s.steps[prompt].elapsed_seconds = 20;
        s.session.timer_started_at = Some(s.session.updated_at - chrono::Duration::seconds(20));
        s
    }

    #[test]
    fn the_timer_counts_on_the_monotonic_clock_whatever_the_wall_clock_says() {
        let s = on_a_prompt();
        let written = s.session.updated_at;
        let mono = Instant::now();
        let later = mono + Duration::from_secs(30);
        for (wall, shows) in [
            // The clocks agree: written 5 s ago, 30 s since.
            (written + chrono::Duration::seconds(5), "4:05"),
            // This computer's wall clock 30 days ahead, or 3 hours behind: as if just written.
            (written + chrono::Duration::days(30), "4:10"),
            (written - chrono::Duration::hours(3), "4:10"),
        ] {
            let mut room = Room::new(Lang::Nl, crate::ui::Theme::calm());
            room.show(s.clone(), wall, mono);
            let r = remaining(&s, room.timer_now(later)).map(|r| r.display());
            assert_eq!(r.as_deref(), Some(shows), "{wall}");
        }
    }

    #[test]
    fn the_timer_runs_from_the_file_and_the_wall_clock_and_stops_when_paused() {
        let mut s = on_a_prompt();
        let at = s.session.updated_at;
        let later = at + chrono::Duration::seconds(30);
        assert_eq!(
            remaining(&s, later).map(|r| r.display()),
            Some("4:10".into())
        );
        s.session.paused = true;
        assert_eq!(
            remaining(&s, later).map(|r| r.display()),
            Some("4:40".into())
        );
        s.session.paused = false;
        let over = at + chrono::Duration::seconds(300);
        assert_eq!(
            remaining(&s, over).map(|r| r.display()),
            Some("+0:20".into())
        );
        s.session.current_step = 0;
        assert_eq!(remaining(&s, later), None);
    }
}
