//! End-to-end: two episodes chosen on the picker make one meeting, the action form's choice
//! records a question for the organisation, and a board's meeting answers a council's.

use crate::common::*;

use std::os::unix::fs::PermissionsExt;

use voer::{
    episode::{Audience, Library},
    session::series,
};

const DOWN: &str = "\x1b[B";
const SHIFT_TAB: &str = "\x1b[Z";
const TAB: &str = "\t";
const CTRL_A: &str = "\x01";
const CTRL_L: &str = "\x0c";
const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

fn type_keys(v: &mut Voer, text: &str) {
    for c in text.chars() {
        v.send(&c.to_string());
    }
}

#[test]
fn two_episodes_chosen_on_the_picker_make_one_meeting() {
    let sb = Sandbox::new();
    let mut v = sb.voer(&[]);
    v.wait_for_text("Kies een aflevering", WAIT);
    v.wait_for_text("Spatie meer afleveringen", WAIT);
    // Space chooses the highlighted episode (1), ↓ and Space the next (4).
    v.send(" ");
    v.wait_for_text("Gekozen: 1", WAIT);
    v.send(DOWN);
    v.send(" ");
    // With the whole meeting's minutes, from the shortest audience's to the longest's.
    let lib = Library::embedded();
    let both = [lib.find("1").unwrap(), lib.find("4").unwrap()];
    let minutes: Vec<u32> = series::common_audiences(&both)
        .iter()
        .map(|a| series::planned_minutes(&both, *a))
        .collect();
    let (lo, hi) = (minutes.iter().min().unwrap(), minutes.iter().max().unwrap());
    v.wait_for_text(&format!("Gekozen: 1, 4 · samen {lo}–{hi} min"), WAIT);
    assert!(v.screen().contains("[2]  4"), "{}", v.screen());
    v.send(ENTER);
    v.wait_for_text("Kies de doelgroep", WAIT);
    v.wait_for_text("Samen: 1 · De droom wordt groter + 4 · Cliënten", WAIT);
    // The second audience is the board.
    v.send(DOWN);
    v.send(ENTER);
    v.wait_for_text("Naam van de groep", WAIT);
    // What an end time would fit: the board's plan of both episodes.
    let board = series::planned_minutes(&both, Audience::Board);
    v.wait_for_text(
        &format!("Zonder eindtijd duurt het gesprek {board} min"),
        WAIT,
    );
    type_keys(&mut v, "Raad van bestuur");
    v.send(ENTER);
    v.wait_for_text("Afleveringen 1, 4", WAIT);
    v.wait_for_text("totaal", WAIT);
    let file = sb.session_file();
    let s = load(&file).unwrap();
    assert_eq!(s.session.episodes, ["vera-jansweijer", "jef-mol"]);
    assert_eq!(s.session.audience, Audience::Board);
    // The video of episode 1 first, then, further on, episode 4's.
    v.send(RIGHT);
    v.wait_for_text("Aflevering 1 · De droom wordt groter", WAIT);
    let second_video = s
        .steps
        .iter()
        .rposition(|st| st.kind == voer::session::StepKind::Video)
        .unwrap();
    for _ in 1..second_video {
        v.send(PAGE_DOWN);
    }
    v.wait_for_text("Aflevering 4 · Cliënten met", WAIT);
    wait_for_file(&file, WAIT, "the step of episode 4's video", |s| {
        s.session.current_step == second_video
    });
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn the_action_form_chooses_a_question_for_the_organisation() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Cliëntenraad De Linde");
    v.send(CTRL_A);
    v.wait_for_text("Afspraak vastleggen", WAIT);
    v.wait_for_text("(•) Afspraak", WAIT);
    // Up to the choice, and Space: a question.
    v.send(SHIFT_TAB);
    v.wait_for_text("Spatie of ←→ kiest", WAIT);
    v.send(" ");
    v.wait_for_text("Vraag aan de organisatie vastleggen", WAIT);
    v.wait_for_text("(•) Vraag of advies", WAIT);
    // What is typed there is the question itself.
    type_keys(&mut v, "Mogen bewoners meebeslissen?");
    v.send(TAB);
    v.wait_for_text("Aan: leeg is de raad van bestuur", WAIT);
    v.send(TAB);
    type_keys(&mut v, "15-1-2027");
    v.send(ENTER);
    v.wait_for_text("Vraag vastgelegd: Mogen bewoners meebeslissen?", WAIT);
    v.wait_for_text("antwoord vóór 15 jan 2027", WAIT);
    let s = wait_for_file(&sb.session_file(), WAIT, "the question", |s| {
        !s.actions.is_empty()
    });
    let q = &s.actions[0];
    assert!(q.is_question(), "{q:?}");
    assert_eq!(q.text, "Mogen bewoners meebeslissen?");
    assert_eq!(q.to, None);
    assert_eq!(q.due, chrono::NaiveDate::from_ymd_opt(2027, 1, 15));
    // In the list it waits for its answer: Space does not tick it off, and says why.
    v.send(CTRL_L);
    v.wait_for_text("Afspraken en vragen van dit gesprek", WAIT);
    v.wait_for_text("[?] Mogen bewoners meebeslissen?", WAIT);
    v.send(" ");
    v.wait_for_text("wordt niet afgevinkt maar beantwoord", WAIT);
    assert!(!load(&sb.session_file()).unwrap().actions[0].done);
    v.send(ESC);
    v.wait_for_no_text("Afspraken en vragen van dit gesprek", WAIT);
    // To the end of the meeting: afterwards voer says how to make the letter.
    for step in 2..=8 {
        v.send(RIGHT);
        v.wait_for_text(&format!("Stap {step} van 8"), WAIT);
    }
    v.wait_for_text("Samenvatting", WAIT);
    v.wait_for_text("Vragen voor de organisatie", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let file = sb.session_file();
    let out = v.output();
    assert!(
        out.contains(&format!(
            "Brief met de vragen aan de organisatie: voer export {} --format letter --output brief.docx",
            file.display()
        )),
        "{out}"
    );
}

#[test]
fn a_board_meeting_answers_the_councils_question_and_voer_actions_shows_it() {
    let sb = Sandbox::new();
    let dir = sb.sessions();
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    // The council's meeting of 20 November, with its two questions for the board.
    let council = dir.join("2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml");
    std::fs::write(
        &council,
        EXAMPLE.replace("example = true", "example = false"),
    )
    .unwrap();
    std::fs::set_permissions(&council, std::fs::Permissions::from_mode(0o600)).unwrap();

    let mut v = sb.voer(&[
        "run",
        "4",
        "--audience",
        "board",
        "--group",
        "Raad van bestuur",
        "--questions-from",
        "clientenraad de linde",
    ]);
    v.wait_for_text("Vragen van Cliëntenraad De Linde", WAIT);
    v.wait_for_text("[?] Waar loopt de organisatie in de weg", WAIT);
    v.wait_for_text("Ctrl+L, Enter", WAIT);
    // The room screen shows them on the opening too.
    let mut room = sb.voer(&["room"]);
    room.wait_for_text("Vragen van Cliëntenraad De Linde", WAIT);
    room.wait_for_text("Waar loopt de organisatie in de weg", WAIT);
    // Ctrl+L lists them after the meeting's own (none yet); Enter on the first: its answer.
    v.send(CTRL_L);
    v.wait_for_text("Nog geen afspraken", WAIT);
    v.send(ENTER);
    v.wait_for_text("Antwoord vastleggen", WAIT);
    type_keys(&mut v, "We vragen het de teams in januari.");
    v.send(ENTER);
    v.wait_for_text("Antwoord bewaard in 2026-11-20_1400", WAIT);
    v.wait_for_text("↳ Antwoord: We vragen het de teams in januari.", WAIT);
    room.wait_for_text("We vragen het de teams in januari.", WAIT);
    // In the council's own file, with the time it was given.
    let s = wait_for_file(&council, WAIT, "the answer", |s| {
        s.actions.iter().any(|a| a.is_answered())
    });
    let a = s.actions.iter().find(|a| a.is_answered()).unwrap();
    assert_eq!(a.id, "q7h2mc");
    assert_eq!(
        a.answer.as_deref(),
        Some("We vragen het de teams in januari.")
    );
    assert!(a.answered_at.is_some());
    // The board's own file names the council it answered.
    let board = sb
        .session_files()
        .into_iter()
        .find(|p| p != &council)
        .unwrap();
    let b = load(&board).unwrap();
    assert_eq!(
        b.session.questions_from.as_deref(),
        Some("Cliëntenraad De Linde")
    );
    v.send(ESC);
    v.wait_for_no_text("Antwoord vastleggen", WAIT);
    v.wait_for_no_text("Nog geen afspraken", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    room.send(CTRL_C);
    room.wait_exit(WAIT);

    // Resumed, the board's meeting shows the council's questions again, the answered one too.
    let mut again = sb.voer(&["resume", board.to_str().unwrap()]);
    again.wait_for_text("Vragen van Cliëntenraad De Linde", WAIT);
    again.wait_for_text("[✓] Waar loopt de organisatie in de weg", WAIT);
    again.wait_for_text("[?] Mogen bewoners meebeslissen", WAIT);
    again.send(CTRL_C);
    assert!(again.wait_exit(WAIT).success());

    // The council sees it answered; the other question is still asked.
    let mut actions = sb.voer(&["actions", "--group", "Cliëntenraad De Linde"]);
    actions.wait_for_text("Vragen voor de organisatie", WAIT);
    actions.wait_for_text("beantwoord", WAIT);
    actions.wait_for_text("We vragen het de teams in januari.", WAIT);
    actions.wait_for_text("gevraagd", WAIT);
    assert!(actions.wait_exit(WAIT).success());
}

#[test]
fn voer_run_one_comma_four_holds_both_episodes_with_the_total_in_the_header() {
    let sb = Sandbox::new();
    let mut v = sb.voer(&["run", "1,4", "--audience", "board", "--group", "Bestuur"]);
    v.wait_for_text("Afleveringen 1, 4", WAIT);
    let lib = Library::embedded();
    let both = [lib.find("1").unwrap(), lib.find("4").unwrap()];
    let total = series::planned_minutes(&both, Audience::Board);
    v.wait_for_text(&format!("totaal {total} min"), WAIT);
    // The agenda groups the steps under each episode.
    v.wait_for_text("1 · De droom wordt grot", WAIT);
    v.wait_for_text("4 · Cliënten met profes", WAIT);
    let s = load(&sb.session_file()).unwrap();
    assert_eq!(s.session.episodes, ["vera-jansweijer", "jef-mol"]);
    assert_eq!(
        s.steps.iter().filter(|st| st.kind.is_question()).count(),
        both.iter()
            .map(|e| e.prompts_for(Audience::Board).count())
            .sum::<usize>()
            + 1,
        "each episode's prompts and one closing"
    );
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}
