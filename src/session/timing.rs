//! Time that serves the conversation: speaking rounds, phases, and re-planning the rest of a
//! meeting to end on time. Pure functions of a step's own time (seconds into the step), so a
//! pause or a resume never eats into a turn or a phase, and tests need no clock at all.
use chrono::{DateTime, FixedOffset, NaiveTime};

use super::{Phase, Round, Step};

/// A turn is never shorter than this.
pub const MIN_TURN_SECONDS: u64 = 30;
/// What an untimed step (opening, quote) without minutes of its own is counted as when
/// planning to end on time.
pub const UNTIMED_SECONDS: u64 = 120;
/// Re-planning never makes a step shorter than this.
pub const MIN_STEP_SECONDS: u64 = 60;

/// Names as typed: trimmed, the empty ones left out.
pub fn clean_names(names: &[String]) -> Vec<String> {
    names
        .iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// `"Anna, Bert,Cor"` → `["Anna", "Bert", "Cor"]`.
pub fn parse_names(text: &str) -> Vec<String> {
    text.split(',')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

impl Round {
    /// A round of these speakers, its first turn starting at `at` (seconds into the step).
    pub fn new(order: Vec<String>, minutes_per_person: Option<u32>, at: u64) -> Round {
        Round {
            order,
            current: 0,
            turns_taken: 0,
            turn_started: at,
            minutes_per_person,
            ..Round::default()
        }
    }

    /// How long each turn is: the episode's minutes per person, or half of the prompt's
    /// planned time shared equally; never under 30 seconds.
    pub fn turn_seconds(&self, planned_seconds: u64) -> u64 {
        let n = self.order.len().max(1) as u64;
        let own = match self.minutes_per_person {
            Some(m) => u64::from(m) * 60,
            None => planned_seconds / 2 / n,
        };
        own.max(MIN_TURN_SECONDS)
    }

    /// Who speaks now; `None` once everyone had their turn (open discussion).
    pub fn speaker(&self) -> Option<&str> {
        self.order.get(self.current).map(String::as_str)
    }

    /// Who speaks after the current speaker, if anyone.
    pub fn next_speaker(&self) -> Option<&str> {
        self.order
            .get(self.current.saturating_add(1))
            .map(String::as_str)
    }

    /// After the last speaker the rest of the prompt's time is open discussion.
    pub fn is_open(&self) -> bool {
        self.current >= self.order.len()
    }

    /// The current speaker has had their turn: the next one starts.
    pub fn next(&mut self, elapsed: u64) {
        if self.is_open() {
            return;
        }
        self.turns_taken += 1;
        self.current += 1;
        self.turn_started = elapsed;
    }

    /// The current speaker passes: no turn is counted, the next one starts.
    pub fn pass(&mut self, elapsed: u64) {
        if let Some(name) = self.speaker().map(str::to_string) {
            self.passed.push(name);
            self.current += 1;
            self.turn_started = elapsed;
        }
    }

    /// Shuffles the speakers who have not spoken yet. Before anyone spoke the first speaker
    /// is drawn too (and the turn starts afresh); later the current speaker keeps the turn.
    /// `seed` makes it repeatable (a test, or the moment of the key press).
    pub fn shuffle(&mut self, seed: u64, elapsed: u64) {
        let fresh = self.current == 0 && self.turns_taken == 0 && self.passed.is_empty();
        let from = if fresh {
            0
        } else {
            self.current.saturating_add(1)
        };
        if from >= self.order.len() {
            return;
        }
        let rest = &mut self.order[from..];
        // A small xorshift: good enough to draw an order of a few names.
        let mut x = seed | 1;
        for i in (1..rest.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            rest.swap(i, (x % (i as u64 + 1)) as usize);
        }
        if fresh {
            self.turn_started = elapsed;
        }
    }

    /// What a line of notes typed during the current turn starts with.
    pub fn note_prefix(&self) -> Option<String> {
        self.speaker().map(|s| format!("{s}: "))
    }
}

/// Index of the phase the group is in.
pub fn current_phase(phases: &[Phase]) -> Option<usize> {
    phases.iter().position(|p| p.current)
}

/// The phases begin with the step: the first one is current from `elapsed` on.
pub fn start_phases(phases: &mut [Phase], elapsed: u64) {
    if current_phase(phases).is_none()
        && let Some(first) = phases.first_mut()
        && first.started.is_none()
    {
        first.current = true;
        first.started = Some(elapsed);
    }
}

/// Moves on by itself to the next phase when the current one's time is up (more than one
/// when a long stretch passed unseen). Returns whether the phase changed: the bell rings once.
pub fn advance_phases(phases: &mut [Phase], elapsed: u64) -> bool {
    let mut changed = false;
    while let Some(i) = current_phase(phases) {
        if i + 1 >= phases.len() {
            break;
        }
        let end = phases[i]
            .started
            .unwrap_or(0)
            .saturating_add(u64::from(phases[i].minutes) * 60);
        if elapsed < end {
            break;
        }
        phases[i].current = false;
        phases[i + 1].current = true;
        phases[i + 1].started = Some(end);
        changed = true;
    }
    changed
}

/// The facilitator moves to the next phase early. Returns whether there was one.
pub fn next_phase(phases: &mut [Phase], elapsed: u64) -> bool {
    match current_phase(phases) {
        Some(i) if i + 1 < phases.len() => {
            phases[i].current = false;
            phases[i + 1].current = true;
            phases[i + 1].started = Some(elapsed);
            true
        }
        _ => false,
    }
}

/// Seconds from `now` until `until` today; a time more than twelve hours back is taken as
/// tomorrow's (a meeting past midnight).
pub fn seconds_until(now: DateTime<FixedOffset>, until: NaiveTime) -> i64 {
    let secs = (until - now.time()).num_seconds();
    if secs < -12 * 3600 {
        secs + 24 * 3600
    } else {
        secs
    }
}

/// Seconds the rest of the meeting needs as planned: what is left of the current step, the
/// planned time of the steps after it, and for an untimed step its plan (two minutes when
/// it has none).
/// `floor`: count each timed step to come at its shortest (one minute) instead.
fn seconds_needed(steps: &[Step], current: usize, elapsed: u64, floor: bool) -> u64 {
    let Some(step) = steps.get(current) else {
        return 0;
    };
    let untimed = |s: &Step| match s.planned_seconds {
        0 => UNTIMED_SECONDS,
        planned => planned,
    };
    let now = if step.kind.is_timed() {
        step.planned_seconds.saturating_sub(elapsed)
    } else {
        untimed(step).saturating_sub(elapsed)
    };
    steps[current + 1..]
        .iter()
        .map(|s| match (s.kind.is_timed(), floor) {
            (false, _) => untimed(s),
            (true, false) => s.planned_seconds,
            (true, true) => s.planned_seconds.min(MIN_STEP_SECONDS),
        })
        .fold(now, u64::saturating_add)
        // Far beyond any meeting; keeps the arithmetic in i64 below.
        .min(i64::MAX as u64 / 2)
}

/// Whether the meeting runs ahead or behind the time it must end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// It ends this many seconds before `until` at this pace (0: on time).
    Ahead(u64),
    /// It ends this many seconds after `until`, but shorter steps can still make it.
    Behind(u64),
    /// Even with every step to come at one minute it ends this many seconds late.
    Impossible(u64),
}

/// Ahead or behind `until`, with `seconds_left` until then.
pub fn pace(steps: &[Step], current: usize, elapsed: u64, seconds_left: i64) -> Pace {
    let need = seconds_needed(steps, current, elapsed, false) as i64;
    let least = seconds_needed(steps, current, elapsed, true) as i64;
    if least > seconds_left {
        Pace::Impossible((least - seconds_left) as u64)
    } else if need > seconds_left {
        Pace::Behind((need - seconds_left) as u64)
    } else {
        Pace::Ahead((seconds_left - need) as u64)
    }
}

/// What a re-plan did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replan {
    /// The plan already ends in time: nothing changed (a plan is never stretched).
    Fits,
    /// The steps to come were shortened by this many seconds in all.
    Shrunk(u64),
    /// Even at one minute each the steps to come do not fit; they were shortened as far as
    /// they go, and the meeting still ends this many seconds late.
    Impossible { shortened: u64, late: u64 },
}

/// Shrinks the timed steps after `current` in proportion, in whole minutes, so that the
/// meeting ends `seconds_left` from now: never stretching a step, never below one minute.
pub fn replan(steps: &mut [Step], current: usize, elapsed: u64, seconds_left: i64) -> Replan {
    if current >= steps.len() {
        return Replan::Fits;
    }
    let need = seconds_needed(steps, current, elapsed, false) as i64;
    if need <= seconds_left {
        return Replan::Fits;
    }
    let to_come: Vec<usize> = (current + 1..steps.len())
        .filter(|&i| steps[i].kind.is_timed())
        .collect();
    let planned: u64 = to_come
        .iter()
        .map(|&i| steps[i].planned_seconds)
        .fold(0, u64::saturating_add)
        .min(i64::MAX as u64 / 2);
    // What the steps to come may take together: the rest is fixed.
    let fixed = need - planned as i64;
    let budget_min = ((seconds_left - fixed).max(0) / 60) as u64;
    // Largest remainders: each step its share of the budget in whole minutes, the minutes
    // left over to the steps that lost most by rounding down.
    let mut new: Vec<u64> = Vec::with_capacity(to_come.len());
    let mut rest: Vec<(u64, usize)> = Vec::new();
    for (k, &i) in to_come.iter().enumerate() {
        let own = steps[i].planned_seconds;
        let cap = (own / 60).max(1);
        let share = own as u128 * budget_min as u128;
        let whole = (share / planned.max(1) as u128) as u64;
        let frac = (share % planned.max(1) as u128) as u64;
        new.push(whole.clamp(1, cap));
        rest.push((frac, k));
    }
    let mut spare = budget_min.saturating_sub(new.iter().fold(0, |a, b| a.saturating_add(*b)));
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, k) in rest {
        if spare == 0 {
            break;
        }
        let cap = (steps[to_come[k]].planned_seconds / 60).max(1);
        if new[k] < cap {
            new[k] += 1;
            spare -= 1;
        }
    }
    let mut shortened = 0;
    for (k, &i) in to_come.iter().enumerate() {
        let s = &mut steps[i];
        let to = (new[k] * 60).min(s.planned_seconds);
        shortened += s.planned_seconds - to;
        s.planned_seconds = to;
    }
    let now_need = seconds_needed(steps, current, elapsed, false) as i64;
    if now_need > seconds_left {
        Replan::Impossible {
            shortened,
            late: (now_need - seconds_left) as u64,
        }
    } else {
        Replan::Shrunk(shortened)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::session::{StepKind, countdown::Remaining};

    fn step(kind: StepKind, minutes: u32) -> Step {
        Step::new(kind, "", minutes)
    }

    /// Opening, video 5, quote, prompts 5 / 10 / 10, closing 5: 35 timed + 4 untimed.
    fn meeting() -> Vec<Step> {
        use StepKind::*;
        vec![
            step(Opening, 0),
            step(Video, 5),
            step(Quote, 0),
            step(Prompt, 5),
            step(Prompt, 10),
            step(Prompt, 10),
            step(Closing, 5),
        ]
    }

    fn minutes(steps: &[Step]) -> Vec<u64> {
        steps.iter().map(|s| s.planned_seconds / 60).collect()
    }

    #[test]
    fn a_plan_that_fits_is_never_stretched() {
        let mut s = meeting();
        // 35 timed + 2 × 2 untimed = 39 minutes; an hour is plenty.
        assert_eq!(replan(&mut s, 0, 0, 3600), Replan::Fits);
        assert_eq!(minutes(&s), [0, 5, 0, 5, 10, 10, 5]);
        assert_eq!(pace(&s, 0, 0, 3600), Pace::Ahead(21 * 60));
    }

    #[test]
    fn the_steps_to_come_shrink_in_proportion_and_the_totals_add_up() {
        let mut s = meeting();
        // 4 minutes for opening and quote, 35 for the timed steps: 30 must do.
        let left = 34 * 60;
        assert_eq!(pace(&s, 0, 0, left), Pace::Behind(5 * 60));
        assert_eq!(replan(&mut s, 0, 0, left), Replan::Shrunk(5 * 60));
        let m = minutes(&s);
        assert_eq!(m[1] + m[3] + m[4] + m[5] + m[6], 30);
        // In proportion: the ten-minute prompts stay twice the five-minute ones, or near.
        assert!(m[4] >= 8 && m[5] >= 8 && m[3] >= 4 && m[3] <= 5, "{m:?}");
        assert_eq!(pace(&s, 0, 0, left), Pace::Ahead(0));
    }

    #[test]
    fn on_resume_only_the_steps_to_come_shrink() {
        let mut s = meeting();
        // Mid-way through the 10-minute prompt (step 4), 4 minutes in; 15 minutes left.
        // Needed: 6 left of this step + 10 + 5 = 21.
        assert_eq!(pace(&s, 4, 240, 15 * 60), Pace::Behind(6 * 60));
        assert_eq!(replan(&mut s, 4, 240, 15 * 60), Replan::Shrunk(6 * 60));
        let m = minutes(&s);
        assert_eq!(
            &m[..5],
            &[0, 5, 0, 5, 10],
            "steps done and the current one stay"
        );
        assert_eq!(m[5] + m[6], 9);
    }

    #[test]
    fn no_step_goes_below_one_minute_and_an_impossible_end_is_said() {
        let mut s = meeting();
        // 3 minutes left at the start: 4 untimed minutes alone do not fit.
        let p = pace(&s, 0, 0, 180);
        assert!(matches!(p, Pace::Impossible(_)), "{p:?}");
        let r = replan(&mut s, 0, 0, 180);
        assert!(matches!(r, Replan::Impossible { .. }), "{r:?}");
        assert_eq!(minutes(&s), [0, 1, 0, 1, 1, 1, 1]);
        // Past the end time already.
        assert!(matches!(pace(&meeting(), 0, 0, -60), Pace::Impossible(_)));
    }

    #[test]
    fn an_overrun_is_taken_from_the_steps_still_to_come() {
        let mut s = meeting();
        // The 5-minute prompt (step 3) ran 9 minutes; 25 minutes are left until the end.
        // Needed: 0 left of it + 10 + 10 + 5 = 25: on time exactly, no change.
        assert_eq!(replan(&mut s, 3, 540, 25 * 60), Replan::Fits);
        // With 21 minutes left, the four minutes over come off the rest.
        assert_eq!(replan(&mut s, 3, 540, 21 * 60), Replan::Shrunk(4 * 60));
        let m = minutes(&s);
        assert_eq!(m[3], 5, "the step that ran over keeps its plan");
        assert_eq!(m[4] + m[5] + m[6], 21);
    }

    #[test]
    fn until_is_counted_from_the_wall_clock() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T16:20:00+01:00").unwrap();
        let t = |s| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        assert_eq!(seconds_until(now, t("17:00")), 40 * 60);
        assert_eq!(seconds_until(now, t("16:10")), -10 * 60);
        let late = DateTime::parse_from_rfc3339("2026-11-25T23:40:00+01:00").unwrap();
        assert_eq!(seconds_until(late, t("00:20")), 40 * 60);
    }

    fn round(names: &[&str]) -> Round {
        Round::new(names.iter().map(|n| n.to_string()).collect(), None, 0)
    }

    #[test]
    fn a_turn_is_half_the_time_shared_never_under_thirty_seconds() {
        let r = round(&["Anna", "Bert", "Cor"]);
        assert_eq!(r.turn_seconds(600), 100);
        assert_eq!(r.turn_seconds(120), 30);
        let own = Round::new(vec!["A".into()], Some(2), 0);
        assert_eq!(own.turn_seconds(600), 120);
    }

    #[test]
    fn next_pass_and_then_open_discussion() {
        let mut r = round(&["Anna", "Bert", "Cor"]);
        assert_eq!(
            (r.speaker(), r.next_speaker()),
            (Some("Anna"), Some("Bert"))
        );
        r.next(90);
        assert_eq!(r.speaker(), Some("Bert"));
        // A turn of 100 seconds (three speakers, ten minutes), 10 of them spent.
        let prompt = Step {
            round: Some(r.clone()),
            ..step(StepKind::Prompt, 10)
        };
        assert_eq!(
            prompt.turn_remaining(Duration::from_secs(100)),
            Some(Remaining::Left(Duration::from_secs(90)))
        );
        r.pass(100);
        assert_eq!(r.passed, ["Bert"]);
        assert_eq!((r.speaker(), r.next_speaker()), (Some("Cor"), None));
        r.next(200);
        assert!(r.is_open());
        assert_eq!(r.turns_taken, 2);
        assert_eq!(r.speaker(), None);
        assert_eq!(r.note_prefix(), None);
        r.next(210);
        assert_eq!(r.turns_taken, 2, "next in open discussion does nothing");
    }

    #[test]
    fn shuffle_keeps_who_spoke_and_draws_the_rest() {
        let names = ["A", "B", "C", "D", "E", "F"];
        let mut r = round(&names);
        r.next(10);
        r.shuffle(12345, 20);
        assert_eq!(&r.order[..2], &["A", "B"]);
        let mut sorted = r.order.clone();
        sorted.sort();
        assert_eq!(sorted, names);
        let mut fresh = round(&names);
        let orders: std::collections::BTreeSet<_> = (1..20)
            .map(|seed| {
                let mut f = fresh.clone();
                f.shuffle(seed, 5);
                f.order
            })
            .collect();
        assert!(orders.len() > 1, "different seeds draw different orders");
        fresh.shuffle(7, 5);
        assert_eq!(fresh.turn_started, 5);
    }

    fn phases(minutes: &[u32]) -> Vec<Phase> {
        minutes
            .iter()
            .enumerate()
            .map(|(i, &m)| Phase {
                label: format!("p{i}"),
                minutes: m,
                current: false,
                started: None,
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn phases_move_on_by_themselves_and_early() {
        let mut p = phases(&[1, 2, 4, 5]);
        start_phases(&mut p, 0);
        assert_eq!(current_phase(&p), Some(0));
        assert!(!advance_phases(&mut p, 59));
        assert!(advance_phases(&mut p, 60));
        assert!(!advance_phases(&mut p, 61), "one change, one signal");
        assert_eq!(current_phase(&p), Some(1));
        // The phase's own time left: 2 minutes planned, 30 seconds of them spent.
        let left = |p: &[Phase], at: u64| {
            let prompt = Step {
                phases: p.to_vec(),
                ..step(StepKind::Prompt, 12)
            };
            prompt.phase_remaining(Duration::from_secs(at))
        };
        assert_eq!(
            left(&p, 90),
            Some((1, Remaining::Left(Duration::from_secs(90))))
        );
        assert!(next_phase(&mut p, 100));
        assert_eq!(
            left(&p, 100),
            Some((2, Remaining::Left(Duration::from_secs(240))))
        );
        assert!(advance_phases(&mut p, 100 + 240 + 10));
        assert_eq!(current_phase(&p), Some(3));
        assert!(!next_phase(&mut p, 400), "no phase after the last");
        // A long stretch unseen: two changes at once, still one signal.
        let mut q = phases(&[1, 2, 4, 5]);
        start_phases(&mut q, 0);
        assert!(advance_phases(&mut q, 200));
        assert_eq!(current_phase(&q), Some(2));
        assert_eq!(q[2].started, Some(180));
    }
}
