//! The council's questions to the organisation: recorded with the action form (its choice
//! between an action and a question), shown on the summary and in `voer actions`, written as a
//! letter (`--format letter`, golden in both languages, md and docx), and answered at the
//! board's own meeting (`--questions-from`), in the council's own session file.

use crate::{
    export_support::{docx_paragraphs, fixture},
    fixture::{drawn, fixed_now, model},
};

use std::path::Path;

use chrono::NaiveDate;
use ratatui_textarea::{Input, Key};
use voer::{
    actions::{folder, questions},
    app::{Effect, EpisodeView, Mode, Model, Msg, clock::Now, update_run},
    episode::{Audience, Library},
    export::{self, Options, Paper},
    lang::Lang,
    session::{ActionKind, Meta, Session, store},
};

fn typed(m: &mut Model, text: &str, now: Now) {
    for c in text.chars() {
        let input = Input {
            key: Key::Char(c),
            ..Default::default()
        };
        update_run(m, Msg::Edit(input), now);
    }
}

#[test]
fn the_action_form_records_a_question_for_the_organisation() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    update_run(&mut m, Msg::RecordAction, t0);
    // The form opens on "what", an action; Shift+Tab goes up to the choice.
    let form = m.actions.form.as_ref().unwrap();
    assert_eq!((form.kind, form.focus), (ActionKind::Action, 0));
    update_run(&mut m, Msg::PrevField, t0);
    let space = Input {
        key: Key::Char(' '),
        ..Default::default()
    };
    update_run(&mut m, Msg::Edit(space), t0);
    let shown = drawn(&m, t0, (80, 24));
    assert!(
        shown.contains("Vraag aan de organisatie vastleggen"),
        "{shown}"
    );
    assert!(
        shown.contains("(•) Vraag of advies aan de organisatie"),
        "{shown}"
    );
    assert!(shown.contains("Antwoord vóór:"), "{shown}");
    // A letter typed on the choice is the start of the question: nothing is lost.
    typed(
        &mut m,
        "Mogen bewoners meebeslissen over de bezoektijden?",
        t0,
    );
    update_run(&mut m, Msg::NextField, t0);
    let shown = drawn(&m, t0, (80, 24));
    assert!(
        shown.contains("Aan: leeg is de raad van bestuur"),
        "{shown}"
    );
    update_run(&mut m, Msg::NextField, t0);
    typed(&mut m, "15-1-2027", t0);
    update_run(&mut m, Msg::SaveAction, t0);
    assert_eq!(m.mode, Mode::Navigate);
    let q = &m.session.actions[0];
    assert_eq!(q.kind, ActionKind::Question);
    assert_eq!(q.text, "Mogen bewoners meebeslissen over de bezoektijden?");
    assert_eq!((q.owner.as_deref(), q.to.as_deref()), (None, None));
    assert_eq!(q.due, NaiveDate::from_ymd_opt(2027, 1, 15));
    let status = &m.status.as_ref().unwrap().text;
    assert_eq!(
        status,
        "Vraag vastgelegd: Mogen bewoners meebeslissen over de bezoektijden? · aan de raad van \
         bestuur · antwoord vóór 15 jan 2027"
    );
    // In the file it is a question, whom it is for left to the default.
    let text = m.snapshot(t0).to_toml();
    assert!(text.contains("kind = \"question\""), "{text}");
    assert!(!text.contains("to = "), "{text}");
    // In the list (Ctrl+L), at 80×24 too, the whole line: the date is not cut off.
    update_run(&mut m, Msg::ListActions, t0);
    let list = drawn(&m, t0, (80, 24));
    assert!(
        list.contains("Afspraken en vragen van dit gesprek"),
        "{list}"
    );
    assert!(list.contains("[?] Mogen bewoners meebeslissen"), "{list}");
    assert!(
        list.lines()
            .any(|l| l.trim_start().starts_with("│    ") && l.contains("antwoord vóór 15 jan 2027")),
        "the rest of the row on a line of its own in the list: {list}"
    );
    update_run(&mut m, Msg::CloseOverlay, t0);
    // On the summary: a table of its own, apart from the actions.
    while !m.on_summary() {
        update_run(&mut m, Msg::Next, t0);
    }
    let summary = drawn(&m, t0, (100, 30));
    assert!(summary.contains("Vragen voor de organisatie"), "{summary}");
    assert!(
        summary.contains("de raad van bestuur  15 jan 2027"),
        "{summary}"
    );
    // A question longer than its column says so with an ellipsis, not cut off mid-word.
    let row = summary
        .lines()
        .find(|l| l.contains("Mogen bewoners"))
        .expect("the question's row");
    assert!(row.contains("bezoektijden?") || row.contains("… "), "{row}");
    assert!(
        !summary.contains("Afspraken"),
        "no action was recorded: {summary}"
    );
}

#[test]
fn an_action_stays_an_action_and_a_question_can_be_made_an_action_again() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::En, t0);
    update_run(&mut m, Msg::RecordAction, t0);
    // The form's keys are whole, also in English, where they take two lines.
    let shown = drawn(&m, t0, (100, 30));
    assert!(
        shown.contains("Ctrl+C = save what the form holds, and quit"),
        "{shown}"
    );
    typed(&mut m, "Send the minutes", t0);
    update_run(&mut m, Msg::SaveAction, t0);
    assert_eq!(m.session.actions[0].kind, ActionKind::Action);
    let text = m.snapshot(t0).to_toml();
    let actions = &text[text.find("[[actions]]").unwrap()..];
    assert!(
        !actions.contains("kind ="),
        "an action writes no kind: {actions}"
    );
    // Edited from the list into a question, and its "who" becomes whom it is for.
    update_run(&mut m, Msg::ListActions, t0);
    update_run(&mut m, Msg::EditAction, t0);
    update_run(&mut m, Msg::NextField, t0);
    typed(&mut m, "the works council", t0);
    update_run(&mut m, Msg::NextField, t0);
    update_run(&mut m, Msg::NextField, t0);
    let right = Input {
        key: Key::Right,
        ..Default::default()
    };
    update_run(&mut m, Msg::Edit(right), t0);
    update_run(&mut m, Msg::SaveAction, t0);
    let a = &m.session.actions[0];
    assert_eq!(a.kind, ActionKind::Question);
    assert_eq!(a.to.as_deref(), Some("the works council"));
    assert_eq!(a.owner, None);
}

/// A council's meeting with two questions, saved in `dir`; returns its path.
fn council_meeting(dir: &Path) -> std::path::PathBuf {
    let mut s = fixture();
    s.session.example = false;
    let (path, _lock) = store::create(dir, &s).unwrap();
    path
}

/// A board's meeting that answers the council's questions, as `voer run 4 --audience board
/// --questions-from "Cliëntenraad De Linde"` opens it.
fn board_meeting(dir: &Path, now: Now) -> Model {
    let lib = Library::embedded();
    let ep = lib.find("4").unwrap();
    let meta = Meta {
        group: "Raad van bestuur".into(),
        ..Default::default()
    };
    let mut s = Session::new(ep, Audience::Board, &meta, Lang::Nl, now.wall);
    let asked = questions::open_of_group(dir, "clientenraad de linde", None).unwrap();
    s.session.questions_from = Some(asked.group.clone());
    let mut m = Model::new(s, dir.join("bestuur.toml"), EpisodeView::new(ep, Lang::Nl))
        .with_council(Some(asked));
    update_run(&mut m, Msg::Start, now);
    m
}

/// `voer ARGS --sessions SESSIONS`, with `SESSIONS` as its home too: success, out, err.
fn voer(sessions: &Path, args: &[&str]) -> (bool, String, String) {
    let out = crate::bin::command(sessions)
        .args(args)
        .arg("--sessions")
        .arg(sessions)
        .output()
        .expect("run voer");
    let ran = crate::bin::ran(&out);
    (ran.code == 0, ran.out, ran.err)
}

#[test]
fn a_board_meeting_answers_a_councils_question_and_voer_actions_shows_it_answered() {
    let dir = tempfile::tempdir().unwrap();
    let council = council_meeting(dir.path());
    let (ok, before, _) = voer(dir.path(), &["actions"]);
    assert!(ok);
    assert!(before.contains("Vragen voor de organisatie"), "{before}");
    assert!(before.contains("gevraagd"), "{before}");

    let t0 = fixed_now();
    let mut m = board_meeting(dir.path(), t0);
    // The opening shows the council's open questions, and how to answer them.
    let opening = drawn(&m, t0, (100, 30));
    assert!(
        opening.contains("Vragen van Cliëntenraad De Linde"),
        "{opening}"
    );
    assert!(
        opening.contains("[?] Waar loopt de organisatie in de weg"),
        "{opening}"
    );
    assert!(opening.contains("Ctrl+L, Enter"), "{opening}");
    // Ctrl+L, down to the first of the council's questions, Enter: its answer.
    update_run(&mut m, Msg::ListActions, t0);
    update_run(&mut m, Msg::EditAction, t0);
    let shown = drawn(&m, t0, (100, 30));
    assert!(shown.contains("Antwoord vastleggen"), "{shown}");
    typed(
        &mut m,
        "We vragen het de teams in de eerste week van januari.",
        t0,
    );
    let fx = update_run(&mut m, Msg::SaveAction, t0);
    assert_eq!(m.mode, Mode::ActionList);
    let [
        Effect::AnswerEarlier {
            path,
            id,
            answer,
            at,
        },
    ] = &fx[..]
    else {
        panic!("expected the answer to go to the council's file, got {fx:?}");
    };
    assert_eq!(path, &council);
    // While the council's session is open in a run, the answer waits: refused, and said.
    {
        let _open = store::SessionLock::acquire(&council).unwrap();
        let refused = folder::set_answer(path, id, answer, *at).unwrap_err();
        assert!(
            matches!(refused, folder::ActionError::AnswerWhileOpen { .. }),
            "{refused:?}"
        );
        // Said in the board's status line, with where the question is.
        let said = std::sync::Arc::new(refused);
        update_run(&mut m, Msg::EarlierAnswered(Err(said)), t0);
        let status = &m.status.as_ref().unwrap().text;
        assert!(status.starts_with("De vraag staat in "), "{status}");
        assert!(
            m.actions.council.as_ref().unwrap().questions[0]
                .action
                .answer
                .is_none()
        );
    }
    // As the loop does it: in the council's file, under its lock.
    let result = folder::set_answer(path, id, answer, *at)
        .map(Box::new)
        .map_err(std::sync::Arc::new);
    update_run(&mut m, Msg::EarlierAnswered(result), t0);
    assert!(
        m.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Antwoord bewaard in "),
        "{:?}",
        m.status
    );
    let list = drawn(&m, t0, (100, 30));
    assert!(list.contains("[✓] Waar loopt de organisatie"), "{list}");
    assert!(
        list.contains("↳ Antwoord: We vragen het de teams"),
        "{list}"
    );
    // In the council's own file: the answer and when.
    let saved = store::load(&council).unwrap();
    let q = saved.actions.iter().find(|a| a.id == *id).unwrap();
    assert_eq!(
        q.answer.as_deref(),
        Some("We vragen het de teams in de eerste week van januari.")
    );
    assert_eq!(q.answered_at, Some(t0.wall));
    assert!(
        m.session.actions.is_empty(),
        "nothing is copied into the board's file"
    );

    // `voer actions`: answered, with the answer under it; `--open` leaves it out.
    let (ok, after, err) = voer(dir.path(), &["actions"]);
    assert!(ok, "{err}");
    assert!(after.contains("beantwoord"), "{after}");
    assert!(
        after.contains(
            "↳ Antwoord (20 nov 2026): We vragen het de teams in de eerste week van januari."
        ),
        "{after}"
    );
    let (_, open, _) = voer(dir.path(), &["actions", "--open"]);
    assert!(!open.contains("Waar loopt de organisatie"), "{open}");
    assert!(open.contains("Mogen bewoners meebeslissen"), "{open}");
    // A question is answered, never done.
    let (ok, _, err) = voer(dir.path(), &["actions", "done", "w5n8ta"]);
    assert!(!ok);
    assert!(err.contains("is een vraag aan de organisatie"), "{err}");
    // The next board meeting that answers the council starts from what is still open.
    let next = questions::open_of_group(dir.path(), "Cliëntenraad De Linde", None).unwrap();
    let ids: Vec<&str> = next
        .questions
        .iter()
        .map(|f| f.action.id.as_str())
        .collect();
    assert_eq!(ids, ["w5n8ta"]);
}

#[test]
fn questions_from_a_group_without_sessions_is_refused_before_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    council_meeting(dir.path());
    let (ok, _, err) = voer(
        dir.path(),
        &[
            "run",
            "4",
            "--audience",
            "board",
            "--questions-from",
            "Ouderraad",
        ],
    );
    assert!(!ok);
    assert!(err.contains("Geen sessies van 'Ouderraad'"), "{err}");
}

/// The example's letter; in English, of the example as an English council would have recorded
/// it (the questions in its own words, for the board, as nobody was named).
fn letter(lang: Lang, paper: Paper) -> Vec<u8> {
    let opts = Options {
        lang: Some(lang),
        today: NaiveDate::from_ymd_opt(2026, 11, 20),
        ..Options::default()
    };
    let mut s = fixture();
    if lang == Lang::En {
        s.session.language = Lang::En;
        s.session.episode_title =
            "Clients in the driver’s seat, together with professionals".into();
        s.actions[3].text =
            "Where does the organisation get in the way, according to the staff?".into();
        s.actions[4].text = "May residents have a say in the visiting hours?".into();
        for q in &mut s.actions[3..] {
            q.to = None;
        }
    }
    export::letter_of(&[s], &opts, paper)
        .unwrap()
        .expect("the example has two questions")
}

#[test]
fn the_letter_in_dutch() {
    let md = String::from_utf8(letter(Lang::Nl, Paper::Md)).unwrap();
    insta::assert_snapshot!("letter_nl_md", md);
    let docx = docx_paragraphs(&letter(Lang::Nl, Paper::Docx)).join("\n");
    insta::assert_snapshot!("letter_nl_docx", docx);
}

#[test]
fn the_letter_in_english() {
    let md = String::from_utf8(letter(Lang::En, Paper::Md)).unwrap();
    insta::assert_snapshot!("letter_en_md", md);
    let docx = docx_paragraphs(&letter(Lang::En, Paper::Docx)).join("\n");
    insta::assert_snapshot!("letter_en_docx", docx);
}

#[test]
fn the_letter_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let council = council_meeting(dir.path());
    let name = council.file_name().unwrap().to_str().unwrap().to_string();
    let out = dir.path().join("brief.docx");
    let (ok, _, err) = voer(
        dir.path(),
        &[
            "export",
            &name,
            "--format",
            "letter",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    assert!(err.contains("Brief geschreven: "), "{err}");
    let paras = docx_paragraphs(&std::fs::read(&out).unwrap());
    assert!(
        paras.iter().any(|p| p == "Geachte bestuurder,"),
        "{paras:?}"
    );
    let (ok, md, _) = voer(dir.path(), &["export", &name, "--format", "letter"]);
    assert!(ok);
    assert!(md.starts_with("Cliëntenraad De Linde\n"), "{md}");
    let (ok, _, err) = voer(
        dir.path(),
        &[
            "export",
            &name,
            "--format",
            "letter",
            "--output",
            "brief.html",
        ],
    );
    assert!(!ok);
    assert!(err.contains("Een brief wordt .md of .docx"), "{err}");
    // Answered, nothing is left to ask: said, and no empty letter.
    for id in ["q7h2mc", "w5n8ta"] {
        folder::set_answer(&council, id, "Ja.", fixed_now().wall).unwrap();
    }
    let (ok, _, err) = voer(dir.path(), &["export", &name, "--format", "letter"]);
    assert!(!ok);
    assert!(err.contains("Geen open vragen of adviezen"), "{err}");
}

#[test]
fn a_question_with_its_own_addressee_and_date_says_so_in_the_letter() {
    let mut s = fixture();
    s.actions[4].to = Some("de ondernemingsraad".into());
    s.actions[4].due = NaiveDate::from_ymd_opt(2027, 2, 1);
    let opts = Options {
        lang: Some(Lang::Nl),
        today: NaiveDate::from_ymd_opt(2026, 11, 20),
        ..Options::default()
    };
    let md = String::from_utf8(
        export::letter_of(&[s.clone()], &opts, Paper::Md)
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert!(md.contains("Aan de raad van bestuur"), "{md}");
    assert!(
        md.contains("Geachte leden van de raad van bestuur,"),
        "{md}"
    );
    assert!(
        md.contains(
            "bezoektijden? (voor de ondernemingsraad; graag antwoord vóór 1 februari 2027)"
        ),
        "{md}"
    );
    assert!(
        md.contains("Wij ontvangen uw antwoord graag vóór de genoemde data."),
        "{md}"
    );
    // One question with a date, one without: the date stays with its question, and the
    // closing speaks of one date.
    s.actions[3].due = None;
    let mut s1 = s.clone();
    let md =
        String::from_utf8(export::letter_of(&[s], &opts, Paper::Md).unwrap().unwrap()).unwrap();
    assert!(md.contains("zelf? (voor de bestuurder)\n"), "{md}");
    assert!(
        md.contains("op de vraag met een datum graag vóór die datum."),
        "{md}"
    );
    assert!(!md.contains("genoemde data"), "{md}");
    assert!(md.contains("de volgende vragen en adviezen voor."), "{md}");
    // A letter of one question does not speak of questions and advice.
    s1.actions.remove(3);
    let md =
        String::from_utf8(export::letter_of(&[s1], &opts, Paper::Md).unwrap().unwrap()).unwrap();
    assert!(
        md.contains("Naar aanleiding daarvan leggen wij u het volgende voor."),
        "{md}"
    );
    assert!(!md.contains("vragen en adviezen"), "{md}");
}
