//! Behaviour of a run, driven through `update` with a fake clock: no terminal, no sleeping.

use crate::fixture::{fixed_now, model};

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use voer::{
    app::{Action, Effect, Mode, Model, clock::Now, map_key, update},
    episode::Audience,
    lang::Lang,
    session::{Status, StepKind, store::SaveOutcome},
};

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// Opening → quote → first prompt.
fn to_first_prompt(m: &mut Model, now: Now) {
    update(m, Action::Next, now);
    update(m, Action::Next, now);
    assert_eq!(m.current().unwrap().kind, StepKind::Prompt);
}

fn shown(m: &Model, now: Now) -> String {
    m.remaining(now.mono).expect("a timed step").display()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn timer_counts_down_from_the_prompt_minutes() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    assert_eq!(shown(&m, t0), "5:00");
    assert_eq!(shown(&m, t0.plus(secs(61))), "3:59");
    assert_eq!(shown(&m, t0.plus(secs(300))), "0:00");
}

#[test]
fn pause_stops_the_clock_and_resume_continues() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update(&mut m, Action::TogglePause, t0.plus(secs(10)));
    assert!(m.paused);
    assert_eq!(shown(&m, t0.plus(secs(200))), "4:50");
    update(&mut m, Action::TogglePause, t0.plus(secs(200)));
    assert_eq!(shown(&m, t0.plus(secs(205))), "4:45");
}

#[test]
fn overrun_counts_up_and_rings_the_bell_once() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let fx = update(&mut m, Action::Tick, t0.plus(secs(299)));
    assert!(!fx.iter().any(|f| matches!(f, Effect::Bell)));
    let later = t0.plus(secs(312));
    let fx = update(&mut m, Action::Tick, later);
    assert_eq!(fx.iter().filter(|f| matches!(f, Effect::Bell)).count(), 1);
    assert_eq!(shown(&m, later), "+0:12");
    let fx = update(&mut m, Action::Tick, t0.plus(secs(400)));
    assert!(
        !fx.iter().any(|f| matches!(f, Effect::Bell)),
        "rings only once"
    );
}

#[test]
fn muted_bell_stays_silent() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update(&mut m, Action::ToggleMute, t0);
    let fx = update(&mut m, Action::Tick, t0.plus(secs(301)));
    assert!(!fx.iter().any(|f| matches!(f, Effect::Bell)));
}

#[test]
fn plus_and_minus_change_the_time_by_a_minute() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update(&mut m, Action::AddMinute, t0);
    assert_eq!(shown(&m, t0), "6:00");
    for _ in 0..10 {
        update(&mut m, Action::RemoveMinute, t0);
    }
    assert_eq!(shown(&m, t0), "1:00", "never below one minute");
}

#[test]
fn adding_time_after_the_bell_lets_it_ring_again() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update(&mut m, Action::Tick, t0.plus(secs(301)));
    update(&mut m, Action::AddMinute, t0.plus(secs(302)));
    assert_eq!(shown(&m, t0.plus(secs(302))), "0:58");
    let fx = update(&mut m, Action::Tick, t0.plus(secs(361)));
    assert!(fx.iter().any(|f| matches!(f, Effect::Bell)));
}

#[test]
fn each_step_keeps_its_time_when_going_back_and_forth() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let first = m.step;
    update(&mut m, Action::Next, t0.plus(secs(30)));
    update(&mut m, Action::Prev, t0.plus(secs(50)));
    assert_eq!(m.step, first);
    assert_eq!(m.elapsed(first, t0.plus(secs(50)).mono), secs(30));
    assert_eq!(m.elapsed(first + 1, t0.plus(secs(50)).mono), secs(20));
    assert_eq!(shown(&m, t0.plus(secs(60))), "4:20");
}

#[test]
fn stepping_past_the_closing_finishes_the_session() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    let steps = m.step_count();
    let mut fx = Vec::new();
    for i in 0..steps {
        fx = update(&mut m, Action::Next, t0.plus(secs(60 * i as u64)));
    }
    assert!(m.on_summary());
    assert_eq!(m.session.session.status, Status::Finished);
    let saved = fx
        .iter()
        .find_map(|f| match f {
            Effect::Save(s, _) => Some(s),
            _ => None,
        })
        .expect("finishing saves at once");
    assert_eq!(saved.session.status, Status::Finished);
    assert!(saved.session.finished_at.is_some());
    update(&mut m, Action::Next, t0.plus(secs(1000)));
    assert!(m.on_summary(), "nothing after the summary");
    update(&mut m, Action::Prev, t0.plus(secs(1000)));
    assert_eq!(m.session.session.status, Status::Finished, "stays finished");
}

fn type_text(m: &mut Model, text: &str, now: Now) {
    for c in text.chars() {
        let k = map_key(&m.mode, key(KeyCode::Char(c))).expect("typing takes every key");
        update(m, k, now);
    }
}

#[test]
fn notes_are_saved_within_a_second_of_typing() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update(&mut m, Action::StartTyping, t0);
    type_text(&mut m, "Mevrouw Jansen: “koffie” 😀", t0.plus(secs(1)));
    let fx = update(&mut m, Action::Tick, t0.plus(Duration::from_millis(1300)));
    assert!(
        !fx.iter().any(|f| matches!(f, Effect::Save(..))),
        "typing is batched"
    );
    let fx = update(&mut m, Action::Tick, t0.plus(Duration::from_millis(1750)));
    let saved = fx
        .iter()
        .find_map(|f| match f {
            Effect::Save(s, _) => Some(s),
            _ => None,
        })
        .expect("a save within a second of the first unsaved keystroke");
    assert_eq!(saved.steps[m.step].notes, "Mevrouw Jansen: “koffie” 😀");
}

#[test]
fn keys_are_text_while_typing_and_commands_otherwise() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    assert!(matches!(
        map_key(&m.mode, key(KeyCode::Char('q'))),
        Some(Action::Quit)
    ));
    update(&mut m, Action::StartTyping, t0);
    assert!(matches!(
        map_key(&m.mode, key(KeyCode::Char('q'))),
        Some(Action::Edit(_))
    ));
    assert!(matches!(
        map_key(&m.mode, key(KeyCode::PageDown)),
        Some(Action::Next)
    ));
    assert!(matches!(
        map_key(
            &m.mode,
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ),
        Some(Action::Quit)
    ));
    let mut release = key(KeyCode::Esc);
    release.kind = KeyEventKind::Release;
    assert!(map_key(&m.mode, release).is_none(), "releases are ignored");
}

#[test]
fn paste_lands_in_one_go() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let novel = "regel met café\r\n".repeat(5000);
    update(&mut m, Action::Paste(novel), t0);
    assert_eq!(m.mode, Mode::Typing);
    assert_eq!(m.notes_text(m.step).lines().count(), 5000);
    assert!(!m.notes_text(m.step).contains('\r'));
}

#[test]
fn a_failed_save_is_retried_and_shown() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update(
        &mut m,
        Action::Saved(SaveOutcome::Failed {
            revision: 1,
            error: "No such file or directory".into(),
        }),
        t0,
    );
    assert!(m.save.error.is_some());
    let fx = update(&mut m, Action::Tick, t0.plus(secs(3)));
    assert!(fx.iter().any(|f| matches!(f, Effect::Save(..))), "retried");
    let revision = m.save.revision;
    update(
        &mut m,
        Action::Saved(SaveOutcome::Saved {
            revision,
            took: Duration::ZERO,
        }),
        t0.plus(secs(3)),
    );
    assert!(m.save.is_clean());
}

#[test]
fn quitting_saves_first_and_a_failure_asks_instead_of_losing_notes() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let fx = update(&mut m, Action::Quit, t0);
    assert!(matches!(fx.as_slice(), [Effect::SaveAndQuit(..)]));
    update(&mut m, Action::QuitSaveFailed("disk gone".into()), t0);
    assert!(matches!(m.mode, Mode::Unsaved { .. }));
    let fx = update(&mut m, Action::CloseOverlay, t0);
    assert!(!fx.iter().any(|f| matches!(f, Effect::Quit)));
    assert_eq!(m.mode, Mode::Navigate);
}

#[test]
fn blank_screen_returns_on_any_key() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    update(&mut m, Action::Blank, t0);
    assert_eq!(m.mode, Mode::Blank);
    let a = map_key(&m.mode, key(KeyCode::Char('x'))).unwrap();
    assert!(matches!(a, Action::Unblank));
    update(&mut m, a, t0);
    assert_eq!(m.mode, Mode::Navigate);
}

#[test]
fn editor_shortcuts_that_delete_text_are_off_and_undo_works() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update(&mut m, Action::StartTyping, t0);
    type_text(&mut m, "koffie zelf zetten", t0);
    for c in ['k', 'j', 'w', 'd', 'h', 'u'] {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        if let Some(a) = map_key(&m.mode, ev) {
            update(&mut m, a, t0);
        }
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT);
        if let Some(a) = map_key(&m.mode, ev) {
            update(&mut m, a, t0);
        }
    }
    assert_eq!(m.notes_text(m.step), "koffie zelf zetten");
    let undo = map_key(
        &m.mode,
        KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL),
    );
    update(&mut m, undo.expect("Ctrl+Z undoes"), t0);
    assert_ne!(m.notes_text(m.step), "koffie zelf zetten");
    let redo = map_key(
        &m.mode,
        KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL),
    );
    update(&mut m, redo.expect("Ctrl+Y redoes"), t0);
    assert_eq!(m.notes_text(m.step), "koffie zelf zetten");
}
