//! Behaviour of a run, driven through `update` with a fake clock: no terminal, no sleeping.
//! The picker's questions are in `picker.rs`.

use crate::fixture::{fixed_now, model};

use std::{io, path::Path, time::Duration};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use voer::{
    app::{Effect, Mode, Model, Msg, Overlay, clock::Now, map_key, update_run},
    episode::Audience,
    lang::Lang,
    session::{
        Status, StepKind,
        store::{SaveOutcome, StoreError},
    },
};

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// Opening → video → quote → first prompt.
fn to_first_prompt(m: &mut Model, now: Now) {
    update_run(m, Msg::Next, now);
    update_run(m, Msg::Next, now);
    update_run(m, Msg::Next, now);
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
    let mut m = model(Audience::Board, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    assert_eq!(shown(&m, t0), "5:00");
    assert_eq!(shown(&m, t0.plus(secs(61))), "3:59");
    assert_eq!(shown(&m, t0.plus(secs(300))), "0:00");
}

#[test]
fn pause_stops_the_clock_and_resume_continues() {
    let t0 = fixed_now();
    let mut m = model(Audience::Board, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update_run(&mut m, Msg::TogglePause, t0.plus(secs(10)));
    assert!(m.paused);
    assert_eq!(shown(&m, t0.plus(secs(200))), "4:50");
    update_run(&mut m, Msg::TogglePause, t0.plus(secs(200)));
    assert_eq!(shown(&m, t0.plus(secs(205))), "4:45");
}

#[test]
fn overrun_counts_up_and_rings_the_bell_once() {
    let t0 = fixed_now();
    let mut m = model(Audience::Board, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(299)));
    assert!(!fx.iter().any(|f| matches!(f, Effect::Bell)));
    let later = t0.plus(secs(312));
    let fx = update_run(&mut m, Msg::Tick, later);
    assert_eq!(fx.iter().filter(|f| matches!(f, Effect::Bell)).count(), 1);
    assert_eq!(shown(&m, later), "+0:12");
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(400)));
    assert!(
        !fx.iter().any(|f| matches!(f, Effect::Bell)),
        "rings only once"
    );
}

#[test]
fn muted_bell_stays_silent() {
    let t0 = fixed_now();
    let mut m = model(Audience::Board, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update_run(&mut m, Msg::ToggleMute, t0);
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(301)));
    assert!(!fx.iter().any(|f| matches!(f, Effect::Bell)));
}

#[test]
fn plus_and_minus_change_the_time_by_a_minute() {
    let t0 = fixed_now();
    let mut m = model(Audience::Board, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update_run(&mut m, Msg::AddMinute, t0);
    assert_eq!(shown(&m, t0), "6:00");
    for _ in 0..10 {
        update_run(&mut m, Msg::RemoveMinute, t0);
    }
    assert_eq!(shown(&m, t0), "1:00", "never below one minute");
}

#[test]
fn adding_time_after_the_bell_lets_it_ring_again() {
    let t0 = fixed_now();
    let mut m = model(Audience::Board, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update_run(&mut m, Msg::Tick, t0.plus(secs(301)));
    update_run(&mut m, Msg::AddMinute, t0.plus(secs(302)));
    assert_eq!(shown(&m, t0.plus(secs(302))), "0:58");
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(361)));
    assert!(fx.iter().any(|f| matches!(f, Effect::Bell)));
}

#[test]
fn each_step_keeps_its_time_when_going_back_and_forth() {
    let t0 = fixed_now();
    let mut m = model(Audience::Board, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let first = m.step;
    update_run(&mut m, Msg::Next, t0.plus(secs(30)));
    update_run(&mut m, Msg::Prev, t0.plus(secs(50)));
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
        fx = update_run(&mut m, Msg::Next, t0.plus(secs(60 * i as u64)));
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
    update_run(&mut m, Msg::Next, t0.plus(secs(1000)));
    assert!(m.on_summary(), "nothing after the summary");
    // Back from the summary: open again, and said so (see meeting_screens).
    update_run(&mut m, Msg::Prev, t0.plus(secs(1000)));
    assert_eq!(m.session.session.status, Status::InProgress, "open again");
}

fn type_text(m: &mut Model, text: &str, now: Now) {
    for c in text.chars() {
        let k = map_key(m, key(KeyCode::Char(c))).expect("typing takes every key");
        update_run(m, k, now);
    }
}

#[test]
fn notes_are_saved_within_a_second_of_typing() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update_run(&mut m, Msg::StartTyping, t0);
    type_text(&mut m, "Mevrouw Jansen: “koffie” 😀", t0.plus(secs(1)));
    let fx = update_run(&mut m, Msg::Tick, t0.plus(Duration::from_millis(1300)));
    assert!(
        !fx.iter().any(|f| matches!(f, Effect::Save(..))),
        "typing is batched"
    );
    let fx = update_run(&mut m, Msg::Tick, t0.plus(Duration::from_millis(1750)));
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
    // Not typing yet: a letter starts the notes, and commands are keys no sentence starts with.
    assert!(matches!(
        map_key(&m, key(KeyCode::Char('q'))),
        Some(Msg::Edit(_))
    ));
    assert!(matches!(
        map_key(&m, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Msg::Quit)
    ));
    assert!(matches!(map_key(&m, key(KeyCode::Right)), Some(Msg::Next)));
    update_run(&mut m, Msg::StartTyping, t0);
    assert!(matches!(
        map_key(&m, key(KeyCode::Char('q'))),
        Some(Msg::Edit(_))
    ));
    assert!(matches!(
        map_key(&m, key(KeyCode::PageDown)),
        Some(Msg::Next)
    ));
    assert!(matches!(
        map_key(&m, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Msg::Quit)
    ));
    let mut release = key(KeyCode::Esc);
    release.kind = KeyEventKind::Release;
    assert!(map_key(&m, release).is_none(), "releases are ignored");
}

#[test]
fn paste_lands_in_one_go() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let novel = "regel met café\r\n".repeat(5000);
    update_run(&mut m, Msg::Paste(novel), t0);
    assert_eq!(m.mode, Mode::Typing);
    assert_eq!(m.notes_text(m.step).lines().count(), 5000);
    assert!(!m.notes_text(m.step).contains('\r'));
}

#[test]
fn a_failed_save_is_retried_and_shown() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update_run(
        &mut m,
        Msg::Saved(SaveOutcome::Failed {
            revision: 1,
            error: StoreError::write(Path::new("s.toml"), io::ErrorKind::NotFound.into()),
        }),
        t0,
    );
    assert!(m.save.error.is_some());
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(3)));
    assert!(fx.iter().any(|f| matches!(f, Effect::Save(..))), "retried");
    let revision = m.save.revision;
    update_run(
        &mut m,
        Msg::Saved(SaveOutcome::Saved {
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
    let fx = update_run(&mut m, Msg::Quit, t0);
    assert!(matches!(fx.as_slice(), [Effect::SaveAndQuit(..)]));
    let full = StoreError::write(Path::new("s.toml"), io::ErrorKind::StorageFull.into());
    update_run(&mut m, Msg::QuitSaveFailed(full), t0);
    assert!(matches!(m.mode, Mode::Unsaved { .. }));
    let fx = update_run(&mut m, Msg::CloseOverlay, t0);
    assert!(!fx.iter().any(|f| matches!(f, Effect::Quit)));
    assert_eq!(m.mode, Mode::Navigate);
}

#[test]
fn the_blank_key_only_brings_the_screen_back_and_any_other_key_also_does_its_job() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    let ctrl_b = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::CONTROL);
    press_key(&mut m, ctrl_b, t0);
    assert_eq!(m.overlay, Some(Overlay::Blank));
    press_key(&mut m, ctrl_b, t0);
    assert_eq!(m.overlay, None);
    assert_eq!(
        (m.mode.clone(), m.notes_text(m.step)),
        (Mode::Navigate, String::new())
    );
    // A key the blank screen has no use for: back, and it is the first letter of the notes.
    press_key(&mut m, ctrl_b, t0);
    press_key(&mut m, key(KeyCode::Char('x')), t0);
    assert_eq!(m.overlay, None);
    assert_eq!(m.notes_text(m.step), "x");
    // Blanking while typing: typing goes on where it was.
    press_key(&mut m, ctrl_b, t0);
    press_key(&mut m, key(KeyCode::Char('y')), t0);
    assert_eq!(
        (m.mode.clone(), m.notes_text(m.step)),
        (Mode::Typing, "xy".into())
    );
    // PageDown over the blank screen: back, and the next step.
    press_key(&mut m, ctrl_b, t0);
    let step = m.step;
    press_key(&mut m, key(KeyCode::PageDown), t0);
    assert_eq!((m.overlay, m.step), (None, step + 1));
    // A key that does nothing underneath still brings the screen back.
    press_key(&mut m, ctrl_b, t0);
    press_key(
        &mut m,
        KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL),
        t0,
    );
    assert_eq!(m.overlay, None);
}

/// Presses a key on a run: the keymap, then the update.
pub(crate) fn press_key(m: &mut Model, k: KeyEvent, now: Now) -> Vec<Effect> {
    match map_key(m, k) {
        Some(a) => update_run(m, a, now),
        None => Vec::new(),
    }
}

/// A typed character as the terminal reports it: capitals with Shift.
pub(crate) fn char_key(c: char) -> KeyEvent {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), shift)
}

/// Sentences a facilitator types straight away, without Enter first: they start with keys
/// that were commands once (b . - + ? n p q x e h m …) and all have spaces inside.
pub(crate) const SENTENCES: [&str; 20] = [
    "bij ons regelen de bewoners de koffie zelf",
    "...en toen werd het stil in de kamer.",
    "- koffie zelf zetten, vanaf maandag",
    "+ meer tijd voor een praatje met de buren",
    "? wie neemt dit mee naar het bestuur",
    "niet alles hoeft via de teamleider te gaan",
    "praten mét de cliënt, niet over de cliënt",
    "quote van Jef: 'gewoon doen' sprak iedereen aan",
    "x-aantal collega's wil meedoen aan de proef",
    "eerst vragen wat iemand zelf wil.",
    "het hoeft niet perfect, het moet wel veilig",
    "mevrouw Öztürk wil graag zelf koken op zondag",
    "Afspraak: Öztürk mailt de bestuurder.",
    "Anna zegt: prima",
    "1e stap: de familie vaker uitnodigen (in mei)",
    "= de cliëntenraad denkt mee over het menu",
    "Wat houdt ons tegen? Vooral de regels & de tijd!",
    "b.v. een vaste koffietafel op woensdag @ 10:00",
    "“Zorg is maatwerk” — dat blijft hangen 😀",
    "_zelf_ beslissen: # keuze, ~ vrijheid, / ruimte",
];

/// What typing must never change on a step: (step, paused, time on the clock, bell rung,
/// muted, blank or help over the run).
fn untouchable(m: &Model, now: Now) -> (usize, bool, Duration, Vec<bool>, bool, Option<Overlay>) {
    (
        m.step,
        m.paused,
        m.elapsed(m.step, now.mono),
        m.bell_rung.clone(),
        m.muted,
        m.overlay,
    )
}

/// A fresh run standing on the first step of `kind` (or on the summary), not typing.
fn on_step(kind: Option<StepKind>, t0: Now) -> Model {
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    while m.current().map(|s| s.kind) != kind {
        update_run(&mut m, Msg::Next, t0);
    }
    assert_eq!(m.mode, Mode::Navigate);
    m
}

#[test]
fn a_sentence_typed_without_enter_lands_in_the_notes_verbatim_on_every_step() {
    for kind in [
        StepKind::Opening,
        StepKind::Video,
        StepKind::Quote,
        StepKind::Prompt,
        StepKind::Closing,
    ] {
        for sentence in SENTENCES {
            let t0 = fixed_now();
            let mut m = on_step(Some(kind), t0);
            let now = t0.plus(secs(30));
            let before = untouchable(&m, now);
            let mut fx = Vec::new();
            for c in sentence.chars() {
                fx.extend(press_key(&mut m, char_key(c), now));
            }
            assert_eq!(m.notes_text(m.step), sentence, "{kind:?}");
            assert_eq!(untouchable(&m, now), before, "{kind:?}: {sentence}");
            assert_eq!(m.mode, Mode::Typing, "{kind:?}: {sentence}");
            assert!(!m.notes_hidden);
            assert!(
                fx.iter().all(|f| matches!(f, Effect::Save(..))),
                "{kind:?}: {sentence}: only saves, got {fx:?}"
            );
            // The notes of other steps are untouched.
            for i in (0..m.step_count()).filter(|&i| i != m.step) {
                assert_eq!(m.notes_text(i), "", "{kind:?}: step {i}");
            }
        }
    }
}

#[test]
fn a_sentence_typed_on_the_summary_changes_nothing() {
    for sentence in SENTENCES {
        let t0 = fixed_now();
        let mut m = on_step(None, t0);
        assert!(m.on_summary());
        let now = t0.plus(secs(30));
        let before = m.snapshot(now).to_toml();
        let state = untouchable(&m, now);
        for c in sentence.chars() {
            let fx = press_key(&mut m, char_key(c), now);
            assert!(fx.is_empty(), "{sentence}: {c:?} did {fx:?}");
        }
        assert_eq!(m.snapshot(now).to_toml(), before, "{sentence}");
        assert_eq!(untouchable(&m, now), state, "{sentence}");
        assert_eq!((m.mode.clone(), m.status.clone()), (Mode::Navigate, None));
    }
}

#[test]
fn a_sentence_typed_over_the_blank_screen_or_the_help_is_kept_whole() {
    let ctrl_b = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::CONTROL);
    for open in [ctrl_b, key(KeyCode::F(1))] {
        for typing_first in [false, true] {
            let t0 = fixed_now();
            let mut m = on_step(Some(StepKind::Prompt), t0);
            if typing_first {
                press_key(&mut m, key(KeyCode::Enter), t0);
            }
            press_key(&mut m, open, t0);
            assert!(m.overlay.is_some());
            for c in SENTENCES[0].chars() {
                press_key(&mut m, char_key(c), t0);
            }
            assert_eq!(m.overlay, None);
            assert_eq!(m.notes_text(m.step), SENTENCES[0], "{open:?}");
        }
    }
}

#[test]
fn page_down_and_page_up_change_step_from_anywhere() {
    let t0 = fixed_now();
    let mut m = on_step(Some(StepKind::Prompt), t0);
    let step = m.step;
    for setup in [None, Some(key(KeyCode::Enter)), Some(key(KeyCode::F(1)))] {
        if let Some(k) = setup {
            press_key(&mut m, k, t0);
        }
        press_key(&mut m, key(KeyCode::PageDown), t0);
        assert_eq!(m.step, step + 1, "{setup:?}");
        press_key(&mut m, key(KeyCode::PageUp), t0);
        assert_eq!(m.step, step, "{setup:?}");
        assert_eq!(m.overlay, None);
    }
}

#[test]
fn editor_shortcuts_that_delete_text_are_off_and_undo_works() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    update_run(&mut m, Msg::StartTyping, t0);
    type_text(&mut m, "koffie zelf zetten", t0);
    for c in ['k', 'j', 'w', 'd', 'h', 'u'] {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        if let Some(a) = map_key(&m, ev) {
            update_run(&mut m, a, t0);
        }
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT);
        if let Some(a) = map_key(&m, ev) {
            update_run(&mut m, a, t0);
        }
    }
    assert_eq!(m.notes_text(m.step), "koffie zelf zetten");
    let undo = map_key(&m, KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    update_run(&mut m, undo.expect("Ctrl+Z undoes"), t0);
    assert_ne!(m.notes_text(m.step), "koffie zelf zetten");
    let redo = map_key(&m, KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL));
    update_run(&mut m, redo.expect("Ctrl+Y redoes"), t0);
    assert_eq!(m.notes_text(m.step), "koffie zelf zetten");
}

/// The saved snapshots among the effects.
fn saves(fx: &[Effect]) -> Vec<&voer::session::Session> {
    fx.iter()
        .filter_map(|f| match f {
            Effect::Save(s, _) | Effect::SaveAndQuit(s, _) => Some(&**s),
            _ => None,
        })
        .collect()
}

#[test]
fn the_video_comes_between_the_opening_and_the_quote_and_is_timed() {
    for lang in [Lang::Nl, Lang::En] {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        let kinds: Vec<StepKind> = m.session.steps.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds[..3],
            [StepKind::Opening, StepKind::Video, StepKind::Quote]
        );
        update_run(&mut m, Msg::Next, t0);
        let video = m.current().unwrap();
        assert_eq!(video.kind, StepKind::Video);
        // The seed gives the article's page, not the video's: no address, and a tip to test
        // the video beforehand.
        assert_eq!(video.url.as_deref(), None);
        assert!(video.tip.as_deref().is_some_and(|t| !t.is_empty()));
        assert_eq!(shown(&m, t0), "5:00");
        // Its minutes count in the expected end: 5 for the video, 40 for the rest (the quote
        // 2, three questions of 10, the closing 8).
        assert_eq!(
            m.expected_end(t0).format("%H:%M").to_string(),
            "14:45",
            "{lang:?}"
        );
        // The facilitator changes them with + and -; the episode's own minutes stay.
        update_run(&mut m, Msg::AddMinute, t0);
        update_run(&mut m, Msg::AddMinute, t0);
        assert_eq!(shown(&m, t0), "7:00");
        assert_eq!(m.expected_end(t0).format("%H:%M").to_string(), "14:47");
        let fx = update_run(&mut m, Msg::Next, t0.plus(secs(430)));
        let saved = saves(&fx)[0];
        assert_eq!(saved.steps[1].planned_seconds, 420);
        assert_eq!(saved.steps[1].episode_seconds, 300);
        assert_eq!(saved.steps[1].elapsed_seconds, 430);
        assert_eq!(m.current().unwrap().kind, StepKind::Quote);
    }
}

#[test]
fn save_elsewhere_suggests_the_home_folder_it_was_given() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    m.home = "/home/anna".into();
    update_run(
        &mut m,
        Msg::QuitSaveFailed(StoreError::NoAnswer {
            path: "s.toml".into(),
        }),
        t0,
    );
    update_run(&mut m, Msg::StartSaveElsewhere, t0);
    let field = m.save_as.lines().join("");
    assert!(field.starts_with("/home/anna/"), "{field}");
    assert!(field.ends_with(".toml"), "{field}");
}

#[test]
fn the_video_rings_the_bell_when_its_time_is_up() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    update_run(&mut m, Msg::Next, t0);
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(299)));
    assert!(!fx.iter().any(|f| matches!(f, Effect::Bell)));
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(301)));
    assert!(fx.iter().any(|f| matches!(f, Effect::Bell)));
    assert_eq!(shown(&m, t0.plus(secs(301))), "+0:01");
}

#[test]
fn the_quote_keeps_the_speakers_own_words_beside_a_translation() {
    let t0 = fixed_now();
    let en = model(Audience::ClientCouncil, Lang::En, t0);
    let quote = &en.session.steps[2];
    assert!(quote.text.starts_with("Not starting from a problem"));
    assert!(
        quote
            .original
            .as_deref()
            .is_some_and(|o| o.starts_with("Niet vanuit een probleem gedacht"))
    );
    let nl = model(Audience::ClientCouncil, Lang::Nl, t0);
    assert!(
        nl.session.steps[2].original.is_none(),
        "no translation, no original"
    );
}

#[test]
fn blanking_and_unblanking_save_at_once() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    let fx = update_run(&mut m, Msg::ToggleBlank, t0.plus(secs(3)));
    let saved = saves(&fx);
    assert_eq!(saved.len(), 1, "saved without waiting");
    assert!(saved[0].session.blanked);
    let fx = update_run(&mut m, Msg::Unblank, t0.plus(secs(4)));
    assert!(!saves(&fx)[0].session.blanked);
}

#[test]
fn the_file_says_when_the_running_timer_started() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    update_run(&mut m, Msg::Next, t0.plus(secs(20)));
    let at = t0.plus(secs(50));
    let s = m.snapshot(at);
    // The video step opened at 14:00:20.
    assert_eq!(s.session.timer_started_at, Some(t0.plus(secs(20)).wall));
    assert_eq!(s.steps[1].elapsed_seconds, 30);
    update_run(&mut m, Msg::TogglePause, at);
    assert_eq!(m.snapshot(at).session.timer_started_at, None, "paused");
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn the_room_screens_notes_toggle_is_saved_at_once_from_any_mode() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    for mode in [Mode::Navigate, Mode::Typing] {
        m.mode = mode;
        let action = map_key(&m, ctrl('r')).expect("Ctrl+R does something");
        let was = m.session.session.room_notes;
        let fx = update_run(&mut m, action, t0);
        let saved = saves(&fx);
        assert_eq!(saved.len(), 1, "saved at once");
        assert_eq!(saved[0].session.room_notes, !was);
    }
    // Ctrl+B blanks from the notes too, and the room screen reads it from the file.
    m.mode = Mode::Typing;
    let blank = map_key(&m, ctrl('b')).expect("Ctrl+B blanks");
    let fx = update_run(&mut m, blank, t0);
    assert!(saves(&fx).iter().any(|s| s.session.blanked));
}

#[test]
fn tips_hide_on_a_single_screen_and_always_show_when_a_room_screen_follows() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    to_first_prompt(&mut m, t0);
    assert!(m.shows_tips());
    let tips = map_key(&m, ctrl('t')).expect("Ctrl+T toggles the tips");
    update_run(&mut m, tips, t0);
    assert!(!m.shows_tips());
    update_run(&mut m, Msg::RoomFollowing(true), t0);
    assert!(
        m.shows_tips(),
        "the room screen never shows them: the console does"
    );
    update_run(&mut m, Msg::RoomFollowing(false), t0);
    assert!(!m.shows_tips());
}
