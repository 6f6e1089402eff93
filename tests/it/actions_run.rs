//! Actions in a run, driven by keys through the keymap and `update`, with a fixed clock:
//! recording (Ctrl+A), the list (Ctrl+L), editing, removing, marking done, and the earlier
//! meetings' actions.

use crate::fixture::{fixed_now, model};

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use voer::{
    actions::folder::Found,
    app::{Effect, Mode, Model, Msg, clock::Now, map_key, update_run},
    episode::Audience,
    lang::Lang,
    session::{Action, Session},
};

fn press(m: &mut Model, key: KeyEvent, now: Now) -> Vec<Effect> {
    match map_key(m, key) {
        Some(a) => update_run(m, a, now),
        None => Vec::new(),
    }
}

fn code(m: &mut Model, c: KeyCode, now: Now) -> Vec<Effect> {
    press(m, KeyEvent::new(c, KeyModifiers::NONE), now)
}

fn ctrl(m: &mut Model, c: char, now: Now) -> Vec<Effect> {
    press(
        m,
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        now,
    )
}

fn type_str(m: &mut Model, s: &str, now: Now) {
    for c in s.chars() {
        code(m, KeyCode::Char(c), now);
    }
}

fn saved(fx: &[Effect]) -> Option<&Session> {
    fx.iter().find_map(|e| match e {
        Effect::Save(s, _) | Effect::SaveAndQuit(s, _) => Some(&**s),
        _ => None,
    })
}

fn status(m: &Model) -> String {
    m.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Opening → video → quote → first prompt, typing notes there.
fn typing_at_first_prompt(m: &mut Model, now: Now) {
    for _ in 0..3 {
        code(m, KeyCode::Right, now);
    }
    code(m, KeyCode::Enter, now);
    type_str(m, "Eerste reactie", now);
    assert_eq!(m.mode, Mode::Typing);
}

#[test]
fn ctrl_a_records_an_action_while_typing_and_goes_back_to_the_notes() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now);
    typing_at_first_prompt(&mut m, now);
    ctrl(&mut m, 'a', now);
    assert_eq!(m.mode, Mode::ActionForm);
    type_str(&mut m, "Voorstel schrijven", now);
    code(&mut m, KeyCode::Tab, now);
    type_str(&mut m, "Bram", now);
    code(&mut m, KeyCode::Tab, now);
    type_str(&mut m, "1 dec", now);
    let fx = code(&mut m, KeyCode::Enter, now);

    assert_eq!(m.mode, Mode::Typing, "back where the facilitator was");
    assert_eq!(m.notes_text(3), "Eerste reactie", "the notes are untouched");
    assert_eq!(
        status(&m),
        "Afspraak vastgelegd: Voorstel schrijven · Bram · 1 dec 2026"
    );
    let a = &m.session.actions[0];
    assert_eq!(a.text, "Voorstel schrijven");
    assert_eq!(a.owner.as_deref(), Some("Bram"));
    assert_eq!(a.due, NaiveDate::from_ymd_opt(2026, 12, 1));
    assert_eq!(a.step, 3, "the step it was recorded on");
    assert_eq!(a.created_at, now.wall);
    assert_eq!(a.id.len(), 6);
    // Saved at once, with the notes.
    let s = saved(&fx).expect("saved at once");
    assert_eq!(s.actions, m.session.actions);
    assert_eq!(s.steps[3].notes, "Eerste reactie");

    // Typing goes on in the notes.
    type_str(&mut m, "!", now);
    assert_eq!(m.notes_text(3), "Eerste reactie!");
}

#[test]
fn esc_cancels_and_an_empty_what_is_refused_with_a_reason() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::En, now);
    ctrl(&mut m, 'a', now);
    code(&mut m, KeyCode::Tab, now);
    type_str(&mut m, "Bert", now);
    code(&mut m, KeyCode::Enter, now);
    assert_eq!(m.mode, Mode::ActionForm, "nothing to save yet");
    let problem = m.actions.form.as_ref().unwrap().problem.clone();
    assert_eq!(problem.as_deref(), Some("First type what was agreed"));
    assert_eq!(m.actions.form.as_ref().unwrap().focus, 0);
    code(&mut m, KeyCode::Esc, now);
    assert_eq!(m.mode, Mode::Navigate);
    assert!(m.session.actions.is_empty());
}

#[test]
fn a_when_that_is_not_a_date_is_kept_and_said_so() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now);
    ctrl(&mut m, 'a', now);
    type_str(&mut m, "Bewoners vragen", now);
    code(&mut m, KeyCode::Tab, now);
    code(&mut m, KeyCode::Tab, now);
    type_str(&mut m, "na de zomer", now);
    code(&mut m, KeyCode::Enter, now);
    let a = &m.session.actions[0];
    assert_eq!(a.due, None);
    assert_eq!(a.due_text.as_deref(), Some("na de zomer"));
    assert_eq!(
        status(&m),
        "Afspraak vastgelegd: Bewoners vragen · 'na de zomer' is geen datum: zo bewaard"
    );
}

#[test]
fn the_list_edits_marks_done_and_removes_after_asking() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now);
    for text in ["Eerste", "Tweede"] {
        ctrl(&mut m, 'a', now);
        type_str(&mut m, text, now);
        code(&mut m, KeyCode::Enter, now);
    }
    assert_ne!(m.session.actions[0].id, m.session.actions[1].id);
    ctrl(&mut m, 'l', now);
    assert_eq!(m.mode, Mode::ActionList);
    code(&mut m, KeyCode::Down, now);
    // Edit the second: the form holds what it says.
    code(&mut m, KeyCode::Enter, now);
    assert_eq!(m.mode, Mode::ActionForm);
    let form = m.actions.form.as_ref().unwrap();
    assert_eq!(form.draft().text, "Tweede");
    code(&mut m, KeyCode::Tab, now);
    type_str(&mut m, "Anna", now);
    code(&mut m, KeyCode::Tab, now);
    type_str(&mut m, "morgen", now);
    code(&mut m, KeyCode::Enter, now);
    assert_eq!(m.mode, Mode::ActionList, "back to the list");
    assert_eq!(m.session.actions.len(), 2, "edited, not added");
    assert_eq!(m.session.actions[1].owner.as_deref(), Some("Anna"));
    assert_eq!(
        m.session.actions[1].due,
        NaiveDate::from_ymd_opt(2026, 11, 21)
    );

    let fx = code(&mut m, KeyCode::Char(' '), now);
    assert!(m.session.actions[1].done);
    assert!(saved(&fx).unwrap().actions[1].done, "saved at once");
    code(&mut m, KeyCode::Char(' '), now);
    assert!(!m.session.actions[1].done, "and open again");

    // Del asks first; another key forgets the question.
    code(&mut m, KeyCode::Delete, now);
    assert_eq!(m.session.actions.len(), 2);
    assert!(status(&m).starts_with("Nogmaals Del om te verwijderen: Tweede"));
    code(&mut m, KeyCode::Up, now);
    code(&mut m, KeyCode::Delete, now);
    assert_eq!(m.session.actions.len(), 2);
    let fx = code(&mut m, KeyCode::Delete, now);
    assert_eq!(m.session.actions.len(), 1);
    assert_eq!(m.session.actions[0].text, "Tweede");
    assert_eq!(saved(&fx).unwrap().actions.len(), 1);
    code(&mut m, KeyCode::Esc, now);
    assert_eq!(m.mode, Mode::Navigate);
}

fn earlier_action() -> Found {
    Found {
        episode: None,
        path:
            "/home/anna/sessions/2026-10-01_1400_jef-mol_client-council_clientenraad-de-linde.toml"
                .into(),
        group: "Cliëntenraad De Linde".into(),
        started_at: chrono::DateTime::parse_from_rfc3339("2026-10-01T14:00:00+02:00").unwrap(),
        action: Action {
            kind: Default::default(),
            to: None,
            answer: None,
            answered_at: None,
            id: "vorig1".into(),
            text: "Notulen rondsturen".into(),
            owner: Some("Marieke".into()),
            due: NaiveDate::from_ymd_opt(2026, 10, 8),
            due_text: None,
            done: false,
            step: 8,
            created_at: chrono::DateTime::parse_from_rfc3339("2026-10-01T14:50:00+02:00").unwrap(),
            ..Default::default()
        },
    }
}

#[test]
fn an_earlier_meetings_action_is_marked_done_in_its_own_file_never_copied() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now)
        .with_earlier_actions(vec![earlier_action()], Default::default());
    ctrl(&mut m, 'l', now);
    let fx = code(&mut m, KeyCode::Char(' '), now);
    match fx.as_slice() {
        [Effect::MarkEarlier { path, id, done }] => {
            assert_eq!(path, &earlier_action().path);
            assert_eq!(id, "vorig1");
            assert!(*done);
        }
        other => panic!("expected one MarkEarlier, got {other:?}"),
    }
    assert!(
        m.session.actions.is_empty(),
        "never copied into this session"
    );
    assert!(!m.actions.earlier[0].action.done, "shown once it is saved");
    update_run(&mut m, Msg::EarlierMarked(Ok(("vorig1".into(), true))), now);
    assert!(m.actions.earlier[0].action.done);
    assert_eq!(
        status(&m),
        "Bewaard in 2026-10-01_1400_jef-mol_client-council_clientenraad-de-linde.toml"
    );
    assert!(m.snapshot(now).actions.is_empty());
}

#[test]
fn what_is_typed_in_the_form_is_kept_when_quitting() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now);
    ctrl(&mut m, 'a', now);
    type_str(&mut m, "Half getypt", now);
    let fx = ctrl(&mut m, 'c', now);
    let s = saved(&fx).expect("the final save");
    assert_eq!(s.actions.len(), 1);
    assert_eq!(s.actions[0].text, "Half getypt");
}

#[test]
fn a_new_id_differs_from_every_id_in_the_folder() {
    let now = fixed_now();
    let record = |m: &mut Model| {
        ctrl(m, 'a', now);
        type_str(m, "x", now);
        code(m, KeyCode::Enter, now);
        m.session.actions[0].id.clone()
    };
    let first = record(&mut model(Audience::ClientCouncil, Lang::Nl, now));
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now)
        .with_earlier_actions(Vec::new(), [first.clone()].into_iter().collect());
    let second = record(&mut m);
    assert_ne!(first, second);
}
