//! The notes as a meeting really types them: every speaker's words on a line of their own,
//! under their name, whatever the cursor was doing; a fresh line after Esc; a paste that
//! never merges with the line before. Keys go through the keymap, as in the real program.
use crate::fixture::{fixed_now, model_of, session};

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use voer::{
    app::{Effect, Model, Msg, clock::Now, map_key, rounds, update_run},
    episode::Audience,
    lang::Lang,
    session::Phase,
};

pub const SEVEN: [&str; 7] = ["Truus", "Joop", "Bram", "Fatima", "Kees", "Els", "Henk"];
/// The council's first question: a round in the episode.
const ROUND: usize = 3;

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// Episode 4 for a client council with these participants, at its first question.
pub fn council(names: &[&str], lang: Lang, now: Now) -> Model {
    let mut s = session(Audience::ClientCouncil, lang, now);
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    s.session.participants = names.clone();
    s.steps[ROUND].round =
        (!names.is_empty()).then(|| voer::session::Round::new(names, Some(1), 0));
    let mut m = model_of(s, now);
    while m.step < ROUND {
        update_run(&mut m, Msg::Next, now);
    }
    m
}

/// Presses a key: the keymap says what it means where the run is, then `update` does it.
pub fn press(m: &mut Model, code: KeyCode, mods: KeyModifiers, now: Now) -> Vec<Effect> {
    match map_key(m, KeyEvent::new(code, mods)) {
        Some(msg) => update_run(m, msg, now),
        None => Vec::new(),
    }
}

pub fn key(m: &mut Model, code: KeyCode, now: Now) -> Vec<Effect> {
    press(m, code, KeyModifiers::NONE, now)
}

pub fn ctrl(m: &mut Model, c: char, now: Now) -> Vec<Effect> {
    press(m, KeyCode::Char(c), KeyModifiers::CONTROL, now)
}

/// Types text key by key (`\n` is Enter).
pub fn type_text(m: &mut Model, text: &str, now: Now) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        key(m, code, now);
    }
}

fn notes(m: &Model) -> String {
    m.notes_text(m.step)
}

#[test]
fn tab_without_enter_starts_the_next_speakers_line_with_their_name() {
    let t0 = fixed_now();
    let mut m = council(&SEVEN, Lang::Nl, t0);
    type_text(&mut m, "eerste punt van Truus", t0);
    key(&mut m, KeyCode::Tab, t0.plus(secs(50)));
    type_text(&mut m, "vindt de maaltijden prima", t0.plus(secs(55)));
    // Bram passes: Fatima's line starts; Bram's name had nothing after it and goes.
    key(&mut m, KeyCode::Tab, t0.plus(secs(80)));
    ctrl(&mut m, 'k', t0.plus(secs(85)));
    type_text(&mut m, "mist de tuin", t0.plus(secs(90)));
    assert_eq!(
        notes(&m),
        "Truus: eerste punt van Truus\nJoop: vindt de maaltijden prima\nFatima: mist de tuin"
    );
    let r = rounds::round(&m).unwrap();
    assert_eq!((r.speaker(), r.passed.len()), (Some("Fatima"), 1));
}

#[test]
fn the_next_speakers_name_goes_at_the_end_wherever_the_cursor_was() {
    let t0 = fixed_now();
    let mut m = council(&SEVEN, Lang::Nl, t0);
    type_text(&mut m, "een\ntwee", t0);
    // Back to the first line, as when correcting a word.
    key(&mut m, KeyCode::Up, t0);
    key(&mut m, KeyCode::Home, t0);
    key(&mut m, KeyCode::Tab, t0.plus(secs(30)));
    type_text(&mut m, "drie", t0.plus(secs(31)));
    assert_eq!(notes(&m), "Truus: een\nTruus: twee\nJoop: drie");
    // Not typing at all: Tab still starts the line, and Enter goes to it.
    key(&mut m, KeyCode::Esc, t0.plus(secs(32)));
    key(&mut m, KeyCode::Tab, t0.plus(secs(40)));
    key(&mut m, KeyCode::Enter, t0.plus(secs(41)));
    type_text(&mut m, "vier", t0.plus(secs(42)));
    assert_eq!(notes(&m), "Truus: een\nTruus: twee\nJoop: drie\nBram: vier");
    // Enter after Tab, out of habit, leaves no empty name behind.
    key(&mut m, KeyCode::Tab, t0.plus(secs(50)));
    key(&mut m, KeyCode::Enter, t0.plus(secs(51)));
    type_text(&mut m, "vijf", t0.plus(secs(52)));
    assert_eq!(
        notes(&m),
        "Truus: een\nTruus: twee\nJoop: drie\nBram: vier\nFatima: vijf"
    );
}

#[test]
fn after_the_last_speaker_the_open_discussion_starts_under_a_heading() {
    let t0 = fixed_now();
    let mut m = council(&["Anna", "Bert"], Lang::Nl, t0);
    type_text(&mut m, "koffie", t0);
    key(&mut m, KeyCode::Tab, t0.plus(secs(60)));
    type_text(&mut m, "thee", t0.plus(secs(61)));
    key(&mut m, KeyCode::Tab, t0.plus(secs(120)));
    assert!(rounds::round(&m).unwrap().is_open());
    type_text(&mut m, "samen verder", t0.plus(secs(121)));
    assert_eq!(
        notes(&m),
        "Anna: koffie\nBert: thee\n— Open gesprek —\nsamen verder"
    );
    // A name or heading left bare goes when the step is left.
    let mut m = council(&["Anna", "Bert"], Lang::Nl, t0);
    type_text(&mut m, "koffie", t0);
    key(&mut m, KeyCode::Tab, t0.plus(secs(60)));
    key(&mut m, KeyCode::PageDown, t0.plus(secs(61)));
    assert_eq!(m.notes_text(ROUND), "Anna: koffie");
}

#[test]
fn a_turn_never_moves_on_by_itself_and_its_time_up_rings_once() {
    let t0 = fixed_now();
    let mut m = council(&SEVEN, Lang::Nl, t0);
    // A minute a person: at 59 s nothing rings.
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(59)));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Bell)), "{fx:?}");
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(61)));
    assert_eq!(
        fx.iter().filter(|e| matches!(e, Effect::Bell)).count(),
        1,
        "{fx:?}"
    );
    for s in [62, 90, 200] {
        let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(s)));
        assert!(!fx.iter().any(|e| matches!(e, Effect::Bell)), "{s}: {fx:?}");
    }
    assert_eq!(
        rounds::round(&m).unwrap().speaker(),
        Some("Truus"),
        "the facilitator gives the floor"
    );
    // The next turn rings on its own time; muted, nothing rings.
    key(&mut m, KeyCode::Tab, t0.plus(secs(200)));
    ctrl(&mut m, 'g', t0.plus(secs(200)));
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(270)));
    assert!(!fx.iter().any(|e| matches!(e, Effect::Bell)), "{fx:?}");
}

/// The council's second question in three phases (the council's prompts have none).
fn phased(now: Now) -> Model {
    let mut s = session(Audience::ClientCouncil, Lang::Nl, now);
    s.steps[4].phases = [("Alleen", 1), ("Tweetallen", 2), ("Iedereen", 5)]
        .iter()
        .map(|(label, minutes)| Phase {
            label: label.to_string(),
            minutes: *minutes,
            current: false,
            started: None,
            ..Phase::default()
        })
        .collect();
    let mut m = model_of(s, now);
    while m.step < 4 {
        update_run(&mut m, Msg::Next, now);
    }
    m
}

#[test]
fn a_phase_change_starts_a_heading_line_and_never_cuts_a_sentence() {
    let t0 = fixed_now();
    let mut m = phased(t0);
    type_text(&mut m, "ieder voor zich", t0);
    // Tab: the next phase at once, its heading on a line of its own.
    key(&mut m, KeyCode::Tab, t0.plus(secs(30)));
    type_text(&mut m, "in tweetallen gepraat", t0.plus(secs(31)));
    assert_eq!(
        notes(&m),
        "— Alleen —\nieder voor zich\n— Tweetallen —\nin tweetallen gepraat"
    );
    // The phase ends by itself in the middle of a sentence: the heading waits for its end.
    type_text(&mut m, " en nog", t0.plus(secs(149)));
    let fx = update_run(&mut m, Msg::Tick, t0.plus(secs(150)));
    assert!(fx.iter().any(|e| matches!(e, Effect::Bell)), "{fx:?}");
    type_text(&mut m, " meer\nsamen", t0.plus(secs(151)));
    assert_eq!(
        notes(&m),
        "— Alleen —\nieder voor zich\n— Tweetallen —\nin tweetallen gepraat en nog meer\n\
         — Iedereen —\nsamen"
    );
}

#[test]
fn after_esc_a_new_sentence_starts_on_a_fresh_line() {
    let t0 = fixed_now();
    let mut m = council(&[], Lang::Nl, t0);
    type_text(&mut m, "de “quotes”", t0);
    key(&mut m, KeyCode::Esc, t0);
    type_text(&mut m, "nieuwe zin na Esc.", t0);
    assert_eq!(notes(&m), "de “quotes”\nnieuwe zin na Esc.");
    // Enter into the notes, then a paste: on a line of its own too.
    key(&mut m, KeyCode::Esc, t0);
    key(&mut m, KeyCode::Enter, t0);
    update_run(&mut m, Msg::Paste("geplakt een\ngeplakt twee".into()), t0);
    assert_eq!(
        notes(&m),
        "de “quotes”\nnieuwe zin na Esc.\ngeplakt een\ngeplakt twee"
    );
    // A paste straight from outside the notes, too.
    key(&mut m, KeyCode::Esc, t0);
    update_run(&mut m, Msg::Paste("los geplakt".into()), t0);
    assert!(
        notes(&m).ends_with("geplakt twee\nlos geplakt"),
        "{}",
        notes(&m)
    );
    // An empty last line is the fresh line: no second one.
    type_text(&mut m, "\n", t0);
    key(&mut m, KeyCode::Esc, t0);
    type_text(&mut m, "x", t0);
    assert!(notes(&m).ends_with("los geplakt\nx"), "{}", notes(&m));
}

#[test]
fn inside_the_notes_a_paste_goes_where_the_cursor_is() {
    let t0 = fixed_now();
    let mut m = council(&[], Lang::Nl, t0);
    type_text(&mut m, "koffie thee", t0);
    for _ in 0.." thee".len() {
        key(&mut m, KeyCode::Left, t0);
    }
    update_run(&mut m, Msg::Paste(" en melk".into()), t0);
    assert_eq!(notes(&m), "koffie en melk thee");
}

#[test]
fn in_csv_each_row_holds_one_point() {
    let t0 = fixed_now();
    let mut m = council(&["Anna", "Bert"], Lang::Nl, t0);
    type_text(&mut m, "koffie", t0);
    key(&mut m, KeyCode::Tab, t0.plus(secs(60)));
    type_text(&mut m, "thee", t0.plus(secs(61)));
    key(&mut m, KeyCode::Esc, t0);
    type_text(&mut m, "nog iets", t0);
    let s = m.snapshot(t0);
    let opts = voer::export::Options::default();
    let csv = voer::export::render(voer::export::Format::Csv, &[s], &opts).expect("a CSV");
    let csv = String::from_utf8(csv).expect("UTF-8");
    let rows: Vec<&str> = csv.lines().filter(|l| l.contains("Vraag 1")).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[0].contains(",Anna: koffie,"), "{}", rows[0]);
    assert!(rows[1].contains(",Bert: thee,"), "{}", rows[1]);
    assert!(rows[2].contains(",Bert: nog iets,"), "{}", rows[2]);
}

#[test]
fn every_line_of_a_paste_in_a_turn_is_under_the_speakers_name() {
    let t0 = fixed_now();
    let mut m = council(&SEVEN, Lang::Nl, t0);
    key(&mut m, KeyCode::Tab, t0);
    update_run(
        &mut m,
        Msg::Paste("koffie om tien uur\nthee om drie uur\n\nJoop: al genoemd".into()),
        t0,
    );
    assert_eq!(
        notes(&m),
        "Joop: koffie om tien uur\nJoop: thee om drie uur\n\nJoop: al genoemd"
    );
}

#[test]
fn a_heading_still_waiting_for_its_line_is_saved_on_quitting() {
    let t0 = fixed_now();
    let mut m = phased(t0);
    type_text(&mut m, "ieder voor zich", t0);
    // The first phase ends by itself in the middle of a sentence, and the meeting stops.
    update_run(&mut m, Msg::Tick, t0.plus(secs(61)));
    type_text(&mut m, " verder", t0.plus(secs(62)));
    let fx = update_run(&mut m, Msg::Quit, t0.plus(secs(63)));
    let saved = fx
        .iter()
        .find_map(|e| match e {
            Effect::SaveAndQuit(s, _) => Some(s),
            _ => None,
        })
        .expect("the final save");
    assert_eq!(
        saved.steps[4].notes,
        "— Alleen —\nieder voor zich verder\n— Tweetallen —\n"
    );
}
