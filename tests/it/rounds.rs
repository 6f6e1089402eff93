//! Speaking rounds, phases and ending on time, driven through `update` with a fake clock.
use crate::fixture::fixed_now;

use std::time::Duration;

use chrono::NaiveTime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{Input, Key};
use voer::{
    app::{Effect, EpisodeView, Model, Msg, clock::Now, map_key, rounds, update_run},
    episode::{Audience, Library, Localized, PhaseDef},
    lang::Lang,
    session::{Meta, Session, timing::Pace},
};

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

const FIRST: usize = 3;
const SECOND: usize = 4;

/// Episode 4 for a client council (opening 2, video 5, quote 2, prompts 5 · 10 · 10 · 10,
/// closing 10), its first prompt a round and its second in phases of 1 · 2 · 3 · 4 minutes.
fn session(names: &[&str], until: Option<&str>, now: Now) -> Session {
    let lib = Library::embedded();
    let mut ep = lib.find("jef-mol").expect("episode 4").clone();
    // The default opening and quote: two minutes each.
    ep.opening.clear();
    for c in ep.closing.iter_mut() {
        c.minutes = 10;
    }
    // This shape, whatever the built-in council questions are: four plain prompts.
    let council = |p: &&mut voer::episode::Prompt| p.audience == Audience::ClientCouncil;
    while ep.prompts_for(Audience::ClientCouncil).count() < 4 {
        let last = ep
            .prompts
            .iter()
            .rposition(|p| p.audience == Audience::ClientCouncil)
            .expect("council questions");
        let copy = ep.prompts[last].clone();
        ep.prompts.insert(last + 1, copy);
    }
    for (p, minutes) in ep.prompts.iter_mut().filter(council).zip([5, 10, 10, 10]) {
        p.minutes = minutes;
        p.round = false;
        p.minutes_per_person = None;
        p.phases.clear();
    }
    let mut prompts: Vec<_> = ep
        .prompts
        .iter_mut()
        .filter(|p| p.audience == Audience::ClientCouncil)
        .collect();
    prompts[0].round = true;
    prompts[1].phases = [
        ("Alleen", 1),
        ("Tweetallen", 2),
        ("Viertallen", 3),
        ("Iedereen", 4),
    ]
    .iter()
    .map(|(nl, minutes)| PhaseDef {
        label: Localized {
            nl: nl.to_string(),
            en: None,
        },
        minutes: *minutes,
    })
    .collect();
    let meta = Meta {
        group: "Cliëntenraad".into(),
        facilitator: String::new(),
        participants: names.iter().map(|n| n.to_string()).collect(),
        until: until.map(|u| NaiveTime::parse_from_str(u, "%H:%M").unwrap()),
    };
    Session::new(&ep, Audience::ClientCouncil, &meta, Lang::Nl, now.wall)
}

fn model_of(s: Session, now: Now) -> Model {
    let view = EpisodeView::from_session(&s);
    let mut m = Model::new(s, "/tmp/x/s.toml".into(), view);
    update_run(&mut m, Msg::Start, now);
    m
}

fn model(names: &[&str], until: Option<&str>, now: Now) -> Model {
    model_of(session(names, until, now), now)
}

fn go(m: &mut Model, step: usize, now: Now) {
    while m.step < step {
        update_run(m, Msg::Next, now);
    }
}

fn speaker(m: &Model) -> Option<String> {
    rounds::round(m).and_then(|r| r.speaker().map(str::to_string))
}

fn turn(m: &Model, now: Now) -> String {
    m.turn_remaining(now.mono).expect("a turn").display()
}

fn typed(m: &mut Model, text: &str, now: Now) {
    for c in text.chars() {
        let input = if c == '\n' {
            Input {
                key: Key::Enter,
                ..Default::default()
            }
        } else {
            Input {
                key: Key::Char(c),
                ..Default::default()
            }
        };
        update_run(m, Msg::Edit(input), now);
    }
}

#[test]
fn a_round_goes_by_name_with_each_speakers_countdown() {
    let t0 = fixed_now();
    let mut m = model(&["Anna", "Bert", "Cor"], None, t0);
    go(&mut m, FIRST, t0);
    // Five minutes: half of it shared by three is 50 s a turn.
    assert_eq!(speaker(&m).as_deref(), Some("Anna"));
    assert_eq!(turn(&m, t0), "0:50");
    assert_eq!(turn(&m, t0.plus(secs(20))), "0:30");
    assert_eq!(turn(&m, t0.plus(secs(55))), "+0:05");
    update_run(&mut m, Msg::NextTurn, t0.plus(secs(55)));
    assert_eq!(speaker(&m).as_deref(), Some("Bert"));
    assert_eq!(turn(&m, t0.plus(secs(60))), "0:45", "Bert's own countdown");
    // Bert passes: Cor is next, and no turn is counted.
    update_run(&mut m, Msg::Pass, t0.plus(secs(60)));
    let r = rounds::round(&m).unwrap();
    assert_eq!(
        (r.speaker(), r.passed.as_slice()),
        (Some("Cor"), &["Bert".to_string()][..])
    );
    assert_eq!(r.turns_taken, 1);
    // After the last speaker: open discussion for the rest of the prompt's time.
    update_run(&mut m, Msg::NextTurn, t0.plus(secs(100)));
    let r = rounds::round(&m).unwrap();
    assert!(r.is_open());
    assert_eq!(r.turns_taken, 2);
    assert!(m.turn_remaining(t0.plus(secs(100)).mono).is_none());
    assert_eq!(
        m.remaining(t0.plus(secs(100)).mono).unwrap().display(),
        "3:20"
    );
}

#[test]
fn a_turn_is_never_under_thirty_seconds() {
    let t0 = fixed_now();
    let names: Vec<String> = (1..=12).map(|i| format!("P{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut m = model(&names, None, t0);
    go(&mut m, FIRST, t0);
    // 150 s shared by twelve would be 12 s.
    assert_eq!(turn(&m, t0), "0:30");
}

#[test]
fn shuffle_draws_the_speakers_not_yet_spoken() {
    let t0 = fixed_now();
    let names = ["Anna", "Bert", "Cor", "Dirk", "Eva", "Frits", "Gea"];
    let mut m = model(&names, None, t0);
    go(&mut m, FIRST, t0);
    update_run(&mut m, Msg::NextTurn, t0.plus(secs(30)));
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..10 {
        update_run(&mut m, Msg::Shuffle, t0.plus(secs(31 + i)));
        let order = rounds::round(&m).unwrap().order.clone();
        assert_eq!(&order[..2], &["Anna", "Bert"], "who spoke or speaks stays");
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, names, "nobody lost or added");
        seen.insert(order);
    }
    assert!(seen.len() > 1, "the order changes");
    let key = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert!(matches!(map_key(&m, key), Some(Msg::Shuffle)));
}

#[test]
fn notes_typed_in_a_turn_start_with_the_speakers_name() {
    let t0 = fixed_now();
    let mut m = model(&["Anna", "Bert"], None, t0);
    go(&mut m, FIRST, t0);
    update_run(&mut m, Msg::StartTyping, t0);
    typed(&mut m, "mooi verhaal\nmeer tijd", t0);
    update_run(&mut m, Msg::NextTurn, t0.plus(secs(40)));
    typed(&mut m, "\nte veel regels", t0.plus(secs(41)));
    update_run(&mut m, Msg::NextTurn, t0.plus(secs(80)));
    typed(&mut m, "\nopen vraag", t0.plus(secs(81)));
    assert_eq!(
        m.notes_text(FIRST),
        "Anna: mooi verhaal\nAnna: meer tijd\nBert: te veel regels\n— Open gesprek —\nopen vraag"
    );
}

#[test]
fn a_resume_continues_the_round_where_it_was() {
    let t0 = fixed_now();
    let mut m = model(&["Anna", "Bert", "Cor"], None, t0);
    go(&mut m, FIRST, t0);
    update_run(&mut m, Msg::NextTurn, t0.plus(secs(50)));
    let at = t0.plus(secs(70));
    let text = m.snapshot(at).to_toml();
    let s = Session::from_toml(&text).expect("reads back");
    let later = at.plus(secs(3600));
    let m2 = model_of(s, later);
    assert_eq!(speaker(&m2).as_deref(), Some("Bert"));
    assert_eq!(rounds::round(&m2).unwrap().turns_taken, 1);
    // Bert had 20 s of 50: the time away does not count.
    assert_eq!(turn(&m2, later), "0:30");
}

#[test]
fn without_participants_a_round_is_an_ordinary_prompt_and_ctrl_w_makes_one() {
    let t0 = fixed_now();
    let mut m = model(&[], None, t0);
    go(&mut m, FIRST, t0);
    assert!(rounds::round(&m).is_none());
    update_run(&mut m, Msg::ToggleRound, t0);
    assert!(rounds::round(&m).is_none());
    assert!(m.status.is_some(), "says how to give participants");

    let mut m = model(&["Anna", "Bert"], None, t0);
    go(&mut m, SECOND, t0);
    assert!(rounds::round(&m).is_none());
    update_run(&mut m, Msg::ToggleRound, t0.plus(secs(30)));
    assert_eq!(speaker(&m).as_deref(), Some("Anna"));
    assert_eq!(turn(&m, t0.plus(secs(30))), "2:30", "the turn starts now");
    update_run(&mut m, Msg::ToggleRound, t0.plus(secs(40)));
    assert!(rounds::round(&m).is_none(), "and back");
    let key = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert!(matches!(map_key(&m, key), Some(Msg::ToggleRound)));
}

fn bells(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| matches!(e, Effect::Bell)).count()
}

fn phase(m: &Model, now: Now) -> (usize, String) {
    let (i, left) = m.phase_remaining(now.mono).expect("a phase");
    (i, left.display())
}

#[test]
fn phases_move_on_by_themselves_with_one_bell_each() {
    let t0 = fixed_now();
    let mut m = model(&[], None, t0);
    go(&mut m, SECOND, t0);
    assert_eq!(phase(&m, t0), (0, "1:00".into()));
    assert_eq!(phase(&m, t0.plus(secs(59))), (0, "0:01".into()));
    let mut rung = 0;
    for s in 58..=65 {
        rung += bells(&update_run(&mut m, Msg::Tick, t0.plus(secs(s))));
    }
    assert_eq!(rung, 1, "one bell at the change");
    assert_eq!(phase(&m, t0.plus(secs(65))), (1, "1:55".into()));
    // Tab: the next phase early.
    let fx = update_run(&mut m, Msg::NextTurn, t0.plus(secs(100)));
    assert_eq!(bells(&fx), 0);
    assert_eq!(phase(&m, t0.plus(secs(100))), (2, "3:00".into()));
    // Muted: the phase still moves, silently.
    update_run(&mut m, Msg::ToggleMute, t0.plus(secs(100)));
    assert_eq!(bells(&update_run(&mut m, Msg::Tick, t0.plus(secs(280)))), 0);
    assert_eq!(phase(&m, t0.plus(secs(280))).0, 3);
    // The phase is in the file for a resume.
    let s = m.snapshot(t0.plus(secs(281)));
    assert!(s.steps[SECOND].phases[3].current);
    assert_eq!(s.steps[SECOND].phases[3].started, Some(280));
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert!(matches!(map_key(&m, tab), Some(Msg::NextTurn)));
}

fn minutes(m: &Model) -> Vec<u64> {
    m.session
        .steps
        .iter()
        .map(|s| s.planned_seconds / 60)
        .collect()
}

fn episode_minutes(m: &Model) -> Vec<u64> {
    m.session
        .steps
        .iter()
        .map(|s| s.episode_seconds / 60)
        .collect()
}

#[test]
fn at_the_start_the_steps_shrink_to_end_on_time() {
    let t0 = fixed_now(); // 14:00
    // Planned: 50 timed minutes and 2 × 2 for opening and quote; 40 minutes are there.
    let m = model(&[], Some("14:40"), t0);
    let planned = minutes(&m);
    let total: u64 = planned.iter().sum();
    assert_eq!(
        total, 40,
        "the timed steps fit in 40 − 4 minutes: {planned:?}"
    );
    assert!(
        planned
            .iter()
            .zip(episode_minutes(&m))
            .all(|(p, e)| *p <= e),
        "never stretched"
    );
    assert!(
        planned[1..]
            .iter()
            .zip(&m.session.steps[1..])
            .all(|(p, s)| !s.kind.is_timed() || *p >= 1)
    );
    assert_eq!(rounds::pace(&m, t0), Some(Pace::Ahead(0)));
    assert!(
        m.status.as_ref().is_some_and(|s| s.text.contains("14:40")),
        "says so"
    );
    // The episode's own plan is kept beside it.
    assert_eq!(episode_minutes(&m), [2, 5, 2, 5, 10, 10, 10, 10]);
}

#[test]
fn a_plan_that_fits_is_left_alone() {
    let t0 = fixed_now();
    let m = model(&[], Some("16:00"), t0);
    assert_eq!(minutes(&m), episode_minutes(&m));
    assert_eq!(rounds::pace(&m, t0), Some(Pace::Ahead(66 * 60)));
    let m = model(&[], None, t0);
    assert_eq!(
        rounds::pace(&m, t0),
        None,
        "without --until nothing changes"
    );
}

#[test]
fn an_impossible_until_is_said_plainly_and_no_step_goes_below_a_minute() {
    let t0 = fixed_now();
    let m = model(&[], Some("14:05"), t0);
    let timed = m.session.steps.iter().filter(|s| s.kind.is_timed());
    assert!(timed.map(|s| s.planned_seconds).all(|x| x <= 60));
    assert!(matches!(rounds::pace(&m, t0), Some(Pace::Impossible(_))));
    let msg = &m.status.as_ref().unwrap().text;
    assert!(
        msg.contains("14:05") && msg.contains("niet haalbaar"),
        "{msg}"
    );
}

#[test]
fn on_resume_the_steps_still_to_come_shrink() {
    let t0 = fixed_now();
    let mut m = model(&[], Some("15:00"), t0);
    assert_eq!(
        minutes(&m),
        episode_minutes(&m),
        "an hour is enough at first"
    );
    go(&mut m, SECOND, t0.plus(secs(15 * 60)));
    let s = m.snapshot(t0.plus(secs(20 * 60)));
    // Resumed at 14:50: 5 minutes of the 10 left on this step, 30 more to come.
    let later = t0.plus(secs(50 * 60));
    let m2 = model_of(Session::from_toml(&s.to_toml()).unwrap(), later);
    let planned = minutes(&m2);
    assert_eq!(
        &planned[..=SECOND],
        &[2, 5, 2, 5, 10],
        "done and current keep their plan"
    );
    assert_eq!(planned[5..].iter().sum::<u64>(), 5, "{planned:?}");
    assert!(planned[5..].iter().all(|&x| x >= 1));
    assert_eq!(rounds::pace(&m2, later), Some(Pace::Ahead(0)));
}

#[test]
fn ctrl_o_takes_an_overrun_from_the_steps_still_to_come() {
    let t0 = fixed_now();
    // 14:54: exactly enough (2 × 2 untimed + 50 timed), so nothing shrinks at the start.
    let mut m = model(&[], Some("14:54"), t0);
    assert_eq!(minutes(&m), episode_minutes(&m));
    go(&mut m, FIRST, t0.plus(secs(9 * 60)));
    assert_eq!(
        rounds::pace(&m, t0.plus(secs(9 * 60))),
        Some(Pace::Ahead(0))
    );
    let before = minutes(&m);
    // The first prompt runs 4 minutes over: behind now, and nothing re-plans by itself.
    let late = t0.plus(secs(9 * 60 + 9 * 60));
    update_run(&mut m, Msg::Tick, late);
    assert_eq!(minutes(&m), before);
    assert_eq!(rounds::pace(&m, late), Some(Pace::Behind(4 * 60)));
    update_run(&mut m, Msg::TakeOverrun, late);
    let after = minutes(&m);
    assert_eq!(
        after[FIRST], before[FIRST],
        "the step that ran over keeps its plan"
    );
    let to_come = |v: &[u64]| v[FIRST + 1..].iter().sum::<u64>();
    assert_eq!(
        to_come(&before) - to_come(&after),
        4,
        "{before:?} → {after:?}"
    );
    assert_eq!(rounds::pace(&m, late), Some(Pace::Ahead(0)));
    let key = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert!(matches!(map_key(&m, key), Some(Msg::TakeOverrun)));
}

#[test]
fn a_resume_on_another_day_leaves_the_plan_alone() {
    let t0 = fixed_now();
    let mut m = model(&[], Some("15:00"), t0);
    go(&mut m, SECOND, t0.plus(secs(15 * 60)));
    let s = m.snapshot(t0.plus(secs(20 * 60)));
    let next_day = t0.plus(secs(24 * 3600));
    let m2 = model_of(Session::from_toml(&s.to_toml()).unwrap(), next_day);
    assert_eq!(minutes(&m2), episode_minutes(&m2));
    assert_eq!(rounds::pace(&m2, next_day), None);
}

#[test]
fn the_picker_asks_for_participants_and_an_end_time_beside_the_group() {
    use voer::app::{App, map_app_key, picker::Picker, update};
    let lib = Library::embedded();
    let ep = lib.find("4").unwrap().clone();
    let picker = Picker::new(
        lib.episodes().to_vec(),
        Lang::Nl,
        Some(&ep),
        Some(Audience::Team),
        None,
    )
    .with_time(&["Anna".to_string()], None);
    let mut app = App::picker(picker);
    let t0 = fixed_now();
    let mut press = |code: KeyCode| -> Vec<Effect> {
        let k = KeyEvent::new(code, KeyModifiers::NONE);
        match map_app_key(&app, k) {
            Some(a) => update(&mut app, a, t0),
            None => Vec::new(),
        }
    };
    for c in "Team".chars() {
        press(KeyCode::Char(c));
    }
    // Past who leads the conversation, to the participants.
    press(KeyCode::Tab);
    press(KeyCode::Tab);
    for c in ", Bert".chars() {
        press(KeyCode::Char(c));
    }
    press(KeyCode::Tab);
    for c in "25:00".chars() {
        press(KeyCode::Char(c));
    }
    assert!(
        press(KeyCode::Enter).is_empty(),
        "no time of day: the question stays"
    );
    for _ in 0..5 {
        press(KeyCode::Backspace);
    }
    for c in "15:30".chars() {
        press(KeyCode::Char(c));
    }
    let fx = press(KeyCode::Enter);
    let [Effect::CreateSession(choice)] = &fx[..] else {
        panic!("expected a session to be made, got {fx:?}");
    };
    assert_eq!(choice.group, "Team");
    assert_eq!(choice.participants, ["Anna", "Bert"]);
    assert_eq!(choice.until, NaiveTime::from_hms_opt(15, 30, 0));
}

/// The keys matrix of the typing promise, in a round and in a phased prompt: each sentence,
/// typed without Enter first through the real keymap, lands in the notes verbatim (in a
/// round after the speaker's name), and the speaker, the phase and the step stay as they were.
#[test]
fn a_sentence_typed_in_a_round_or_a_phase_never_runs_a_command() {
    use crate::update::{SENTENCES, char_key, press_key};
    for sentence in SENTENCES {
        let t0 = fixed_now();
        let now = t0.plus(secs(20));
        let mut m = model(&["Anna", "Bert", "Cor"], None, t0);
        go(&mut m, FIRST, t0);
        let round_before = rounds::round(&m).cloned();
        for c in sentence.chars() {
            press_key(&mut m, char_key(c), now);
        }
        assert_eq!(m.step, FIRST, "{sentence}");
        assert_eq!(rounds::round(&m).cloned(), round_before, "{sentence}");
        assert_eq!(m.notes_text(FIRST), format!("Anna: {sentence}"));

        let mut m = model(&["Anna", "Bert", "Cor"], None, t0);
        go(&mut m, SECOND, t0);
        let phase_before = m.phase_remaining(now.mono).map(|(i, _)| i);
        for c in sentence.chars() {
            press_key(&mut m, char_key(c), now);
        }
        assert_eq!(m.step, SECOND, "{sentence}");
        assert_eq!(
            m.phase_remaining(now.mono).map(|(i, _)| i),
            phase_before,
            "{sentence}"
        );
        assert_eq!(m.notes_text(SECOND), sentence);
    }
}

#[test]
fn a_planned_opening_and_quote_count_by_their_own_minutes() {
    // Episode 4 as built in for a client council: opening 5, video 5, quote 2, three prompts
    // of 10 and a closing of 8 make 50 minutes, and 14:50 is exactly enough.
    let t0 = fixed_now();
    let lib = Library::embedded();
    let ep = lib.find("jef-mol").expect("episode 4");
    let meta = Meta {
        until: NaiveTime::from_hms_opt(14, 50, 0),
        ..Meta::default()
    };
    let s = Session::new(ep, Audience::ClientCouncil, &meta, Lang::Nl, t0.wall);
    let m = model_of(s, t0);
    assert_eq!(minutes(&m), [5, 5, 2, 10, 10, 10, 8]);
    assert_eq!(rounds::pace(&m, t0), Some(Pace::Ahead(0)));
    // The expected end counts what is left of the opening too.
    assert_eq!(m.expected_end(t0), t0.wall + chrono::Duration::minutes(50));
    let later = t0.plus(secs(3 * 60));
    assert_eq!(
        m.expected_end(later),
        t0.wall + chrono::Duration::minutes(50)
    );
}
