//! A meeting of several episodes (`voer run 1,4`), driven through `update` with a fake clock:
//! the plan, the re-plan to `--until`, every step in order, a resume in the middle of the second
//! episode, and what the screens, the room screen, `voer sessions` and the reports show of it.

use crate::{
    export_support::docx_paragraphs,
    fixture::{drawn, fixed_now},
};

use std::time::Duration;

use chrono::NaiveTime;
use ratatui::{Terminal, backend::TestBackend};
use voer::{
    app::{EpisodeView, Model, Msg, clock::Now, update_run},
    episode::{Audience, Library},
    export::{self, Format, Options},
    lang::Lang,
    room::Room,
    session::{Meta, Session, Status, StepKind, series},
    ui::Theme,
};

fn meeting(audience: Audience, until: Option<&str>, now: Now) -> Session {
    let lib = Library::embedded();
    let (vera, jef) = (lib.find("1").unwrap(), lib.find("4").unwrap());
    let meta = Meta {
        group: "Raad van bestuur".into(),
        facilitator: "Anna".into(),
        until: until.map(|u| NaiveTime::parse_from_str(u, "%H:%M").unwrap()),
        ..Default::default()
    };
    Session::new_meeting(&[vera, jef], audience, &meta, Lang::Nl, now.wall)
}

/// The model as voer opens a meeting of several: the first episode's view, the others after it.
fn model_of(session: Session, now: Now) -> Model {
    let lib = Library::embedded();
    let first = EpisodeView::new(lib.find(&session.session.episode).unwrap(), Lang::Nl);
    let more = EpisodeView::more_of(&session, &lib, Lang::Nl);
    let mut m = Model::new(session, "/tmp/voer-test/vergadering.toml".into(), first)
        .with_more_episodes(more);
    update_run(&mut m, Msg::Start, now);
    m
}

fn planned_minutes(s: &Session) -> u64 {
    s.steps.iter().map(|st| st.planned_seconds).sum::<u64>() / 60
}

#[test]
fn a_meeting_of_one_and_four_has_one_opening_both_episodes_and_one_closing() {
    let t0 = fixed_now();
    let s = meeting(Audience::Board, None, t0);
    let lib = Library::embedded();
    let ids: Vec<Option<&str>> = s.steps.iter().map(|st| st.episode.as_deref()).collect();
    let kinds: Vec<StepKind> = s.steps.iter().map(|st| st.kind).collect();
    // Opening; episode 1: video, quote, its board prompts; episode 4 likewise; closing.
    let prompts = |id| lib.find(id).unwrap().prompts_for(Audience::Board).count();
    let (one, four) = (prompts("1"), prompts("4"));
    assert_eq!(kinds.len(), 1 + (2 + one) + (2 + four) + 1);
    assert_eq!(kinds[0], StepKind::Opening);
    assert_eq!(ids[0], None, "the opening is the whole meeting's");
    assert_eq!(&kinds[1..3], &[StepKind::Video, StepKind::Quote]);
    assert!(
        ids[1..3 + one]
            .iter()
            .all(|i| *i == Some("vera-jansweijer"))
    );
    assert_eq!(
        &kinds[3 + one..5 + one],
        &[StepKind::Video, StepKind::Quote]
    );
    assert!(
        ids[3 + one..kinds.len() - 1]
            .iter()
            .all(|i| *i == Some("jef-mol"))
    );
    assert_eq!(kinds.last(), Some(&StepKind::Closing));
    assert_eq!(ids.last(), Some(&None));
    // The plan is every step's minutes, as the picker says before the meeting.
    let (vera, jef) = (lib.find("1").unwrap(), lib.find("4").unwrap());
    assert_eq!(
        planned_minutes(&s),
        u64::from(series::planned_minutes(&[vera, jef], Audience::Board))
    );
    // Each episode numbers its own questions, as its agenda shows them.
    let t = voer::i18n::texts(Lang::Nl);
    assert_eq!(voer::session::step_label(&s.steps, 3, t), "Vraag 1");
    assert_eq!(voer::session::step_label(&s.steps, 5 + one, t), "Vraag 1");
    assert_eq!(voer::session::step_name(&s, 5 + one, t), "4 · Vraag 1");
    // The file says which episodes, in order, and names the second.
    let text = s.to_toml();
    assert!(
        text.contains("episodes = [\n    \"vera-jansweijer\",\n    \"jef-mol\",\n]"),
        "{text}"
    );
    assert!(text.contains("[[session.more_episodes]]\nid = \"jef-mol\"\nnumber = 4"));
    assert!(
        s.file_name().contains("_vera-jansweijer-jef-mol_board_"),
        "{}",
        s.file_name()
    );
}

#[test]
fn without_an_end_time_the_header_says_the_total_and_the_agenda_has_both_episodes() {
    let t0 = fixed_now();
    let m = model_of(meeting(Audience::Board, None, t0), t0);
    let total = planned_minutes(&m.session);
    let shown = drawn(&m, t0, (100, 30));
    let header = shown.lines().next().unwrap();
    assert!(header.contains(&format!("totaal {total} min")), "{header}");
    assert!(
        header.contains("1 + 4"),
        "the opening is both episodes': {header}"
    );
    assert!(shown.contains("1 · De droom wordt groter"), "{shown}");
    assert!(shown.contains("4 · Cliënten met"), "{shown}");
    assert!(shown.contains("Afleveringen 1, 4"), "{shown}");
    assert!(
        shown.contains("Vera Jansweijer") && shown.contains("Jef Mol"),
        "{shown}"
    );
    // Readable at 80×24 too: the agenda keeps the current step in sight.
    let small = drawn(&m, t0, (80, 24));
    assert!(small.contains("▶ Opening"), "{small}");
}

#[test]
fn a_meeting_of_one_and_four_ends_at_until_through_every_step() {
    // A board: 1 and 4 take longer than the ninety minutes there are until 15:30.
    let t0 = fixed_now();
    let s = meeting(Audience::Board, Some("15:30"), t0);
    assert!(planned_minutes(&s) > 90, "{}", planned_minutes(&s));
    let mut m = model_of(s, t0);
    // At the start the steps to come were fitted to the end time: the plan ends by then.
    assert!(
        planned_minutes(&m.session) <= 90,
        "{}",
        planned_minutes(&m.session)
    );
    let until = t0.wall + chrono::Duration::minutes(90);
    assert!(m.expected_end(t0) <= until, "{}", m.expected_end(t0));
    let header = drawn(&m, t0, (120, 30));
    assert!(
        header
            .lines()
            .next()
            .unwrap()
            .contains("op tijd voor 15:30"),
        "{header}"
    );
    // Every step in turn, each taking what its plan says: the meeting ends on time.
    let mut now = t0;
    let mut seen = Vec::new();
    while !m.on_summary() {
        let step = m.current().unwrap().clone();
        seen.push((step.kind, step.episode.clone()));
        let shown = drawn(&m, now, (100, 30));
        if let Some(id) = &step.episode {
            let n = if id == "jef-mol" { "4" } else { "1" };
            assert!(
                shown.lines().next().unwrap().contains(&format!(" {n} · ")),
                "the header names the step's episode:\n{shown}"
            );
        }
        if step.kind == StepKind::Quote {
            let speaker = if step.episode.as_deref() == Some("jef-mol") {
                "Jef Mol"
            } else {
                "Vera Jansweijer"
            };
            assert!(shown.contains(&format!("— {speaker}")), "{shown}");
        }
        now = now.plus(Duration::from_secs(step.planned_seconds));
        update_run(&mut m, Msg::Tick, now);
        update_run(&mut m, Msg::Next, now);
    }
    assert_eq!(seen.len(), m.step_count());
    assert_eq!(m.session.session.status, Status::Finished);
    assert!(now.wall <= until, "ended at {}", now.wall);
    // The summary names each step with its episode.
    let summary = drawn(&m, now, (100, 40));
    assert!(
        summary.contains("1 · Vraag 1") && summary.contains("4 · Vraag 1"),
        "{summary}"
    );
}

#[test]
fn a_council_holds_ninety_minutes_on_two_episodes() {
    let t0 = fixed_now();
    let m = model_of(meeting(Audience::ClientCouncil, Some("15:30"), t0), t0);
    // It fits as the episodes plan it: nothing shortened, and the header says it is ahead.
    assert!(
        m.session
            .steps
            .iter()
            .all(|s| s.planned_seconds == s.episode_seconds)
    );
    let end = m.expected_end(t0);
    assert!(end <= t0.wall + chrono::Duration::minutes(90), "{end}");
}

#[test]
fn a_resume_in_the_middle_of_the_second_episode_goes_on_there() {
    let t0 = fixed_now();
    let mut m = model_of(meeting(Audience::Board, Some("15:30"), t0), t0);
    // On to the second question of episode 4, two minutes in.
    let target = m
        .session
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == StepKind::Prompt && s.episode.as_deref() == Some("jef-mol"))
        .map(|(i, _)| i)
        .nth(1)
        .unwrap();
    let mut now = t0;
    while m.step < target {
        now = now.plus(Duration::from_secs(60));
        update_run(&mut m, Msg::Next, now);
    }
    update_run(&mut m, Msg::StartTyping, now);
    for c in "Wie beslist?".chars() {
        let key = ratatui_textarea::Input {
            key: ratatui_textarea::Key::Char(c),
            ..Default::default()
        };
        update_run(&mut m, Msg::Edit(key), now);
    }
    let later = now.plus(Duration::from_secs(120));
    let text = m.snapshot(later).to_toml();
    let planned_before: Vec<u64> = m.session.steps.iter().map(|s| s.planned_seconds).collect();

    // The file alone, as `voer resume` reads it, half an hour later.
    let saved = Session::from_toml(&text).unwrap();
    assert_eq!(saved.session.current_step, target);
    let back = later.plus(Duration::from_secs(30 * 60));
    let r = model_of(saved, back);
    assert_eq!(r.step, target);
    assert_eq!(r.episode_at(r.step).id, "jef-mol");
    assert_eq!(r.elapsed(target, back.mono), Duration::from_secs(120));
    assert_eq!(r.notes_text(target), "Wie beslist?");
    // The re-plan on resume shortens only the steps still to come, to end at 15:30 still.
    let planned_after: Vec<u64> = r.session.steps.iter().map(|s| s.planned_seconds).collect();
    assert_eq!(planned_after[..=target], planned_before[..=target]);
    assert!(
        r.expected_end(back) <= t0.wall + chrono::Duration::minutes(90) || {
            // Half an hour lost may be more than the steps to come can give: then it says so.
            matches!(
                voer::app::rounds::pace(&r, back),
                Some(voer::session::timing::Pace::Impossible(_))
            )
        }
    );
    let shown = drawn(&r, back, (100, 30));
    let header = shown.lines().next().unwrap();
    assert!(header.contains("4 · Cliënten"), "{header}");
    assert!(shown.contains("Wie beslist?"), "{shown}");
    // The episode's own questions: this is its second.
    assert!(shown.contains("Vraag 2 ·"), "{shown}");
}

#[test]
fn the_room_screen_shows_each_episode_with_its_own_speaker() {
    let t0 = fixed_now();
    let mut s = meeting(Audience::Board, None, t0);
    let draw = |s: &Session| {
        let mut room = Room::new(Lang::Nl, Theme::calm());
        room.shown = Some(s.clone());
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        term.draw(|f| voer::room::draw::draw(&room, t0.wall, f))
            .unwrap();
        let buf = term.backend().buffer().clone();
        (0..30)
            .map(|y| (0..100).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let opening = draw(&s);
    assert!(opening.contains("Afleveringen 1, 4"), "{opening}");
    assert!(
        opening.contains("Jef Mol") && opening.contains("Vera Jansweijer"),
        "{opening}"
    );
    let quote = s
        .steps
        .iter()
        .rposition(|st| st.kind == StepKind::Quote)
        .unwrap();
    s.session.current_step = quote;
    let shown = draw(&s);
    assert!(shown.contains("— Jef Mol"), "{shown}");
    s.session.current_step = quote + 1;
    let shown = draw(&s);
    assert!(shown.contains("4 · Vraag 1"), "{shown}");
}

#[test]
fn every_report_has_a_section_per_episode() {
    let t0 = fixed_now();
    let mut s = meeting(Audience::Board, None, t0);
    for (i, st) in s.steps.iter_mut().enumerate() {
        if st.kind.is_question() {
            st.notes = format!("notitie bij stap {i}");
        }
    }
    let md =
        String::from_utf8(export::render(Format::Md, &[s.clone()], &Options::default()).unwrap())
            .unwrap();
    assert!(
        md.starts_with("# Verslag: De droom wordt groter en Cliënten met"),
        "{md}"
    );
    assert!(
        md.contains("- **Afleveringen:** 1 – De droom wordt groter; 4 – Cliënten"),
        "{md}"
    );
    assert!(
        md.contains("- **Sprekers:** Vera Jansweijer, coördinator"),
        "{md}"
    );
    let one = md
        .find("## Aflevering 1: De droom wordt groter")
        .expect("a section for 1");
    let four = md
        .find("## Aflevering 4: Cliënten met")
        .expect("a section for 4");
    let closing = md.find("## Afsluiting").expect("the closing");
    assert!(one < four && four < closing, "{md}");
    assert!(md[one..four].contains("### Vraag 1") && md[four..closing].contains("### Vraag 1"));
    assert!(
        md[four..closing].contains("*Jef Mol, bestuurder Santé Partners*"),
        "{md}"
    );
    // The txt and docx have the same sections; csv and json name each step's episode.
    let txt =
        String::from_utf8(export::render(Format::Txt, &[s.clone()], &Options::default()).unwrap())
            .unwrap();
    let (one, four) = (
        txt.find("Aflevering 1: De droom wordt groter")
            .expect("1 in txt"),
        txt.find("Aflevering 4: Cliënten met").expect("4 in txt"),
    );
    assert!(one < four && txt[four..].contains("Jef Mol"), "{txt}");
    let docx =
        docx_paragraphs(&export::render(Format::Docx, &[s.clone()], &Options::default()).unwrap());
    let at = |p: &str| docx.iter().position(|l| l.starts_with(p));
    let (one, four) = (
        at("Aflevering 1: De droom wordt groter").expect("1 in docx"),
        at("Aflevering 4: Cliënten met").expect("4 in docx"),
    );
    assert!(one < four, "{docx:?}");
    let csv =
        String::from_utf8(export::render(Format::Csv, &[s.clone()], &Options::default()).unwrap())
            .unwrap();
    assert!(csv.contains("1: De droom wordt groter,Vraag 1"), "{csv}");
    assert!(
        csv.contains("4: Cliënten met professionals aan het stuur,Vraag 1"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &export::render(Format::Json, &[s.clone()], &Options::default()).unwrap(),
    )
    .unwrap();
    let session = &json["sessions"][0];
    assert_eq!(session["episodes"][1]["id"], "jef-mol");
    assert_eq!(session["steps"][1]["episode"], "vera-jansweijer");
    let html = String::from_utf8(export::render(Format::Html, &[s], &Options::default()).unwrap())
        .unwrap();
    assert!(
        html.contains("Aflevering 4: Cliënten met"),
        "the html has the sections too"
    );
}

#[test]
fn voer_sessions_lists_a_meeting_of_several_by_all_its_episodes() {
    let t0 = fixed_now();
    let dir = tempfile::tempdir().unwrap();
    let s = meeting(Audience::Board, None, t0);
    voer::session::store::create(dir.path(), &s).unwrap();
    let out = voer::commands::sessions::render(dir.path(), None, None, Lang::Nl).unwrap();
    assert!(out.contains("1+4 vera-jansweijer+jef-mol"), "{out}");
}

#[test]
fn a_version_2_file_without_the_new_fields_loads_and_is_written_back_without_them() {
    // The example as round two wrote it: one episode, actions only.
    let example = include_str!(
        "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
    );
    let old = &example[..example.find("[[actions]]\nid = \"q7h2mc\"").unwrap()];
    let old = old.trim_end().to_string() + "\n";
    let s = Session::from_toml(&old).unwrap();
    assert!(!s.session.is_series());
    assert!(s.actions.iter().all(|a| !a.is_question()));
    let again = s.to_toml();
    for field in [
        "episodes",
        "more_episodes",
        "questions_from",
        "kind = \"",
        "to =",
        "answer",
    ] {
        let new_lines = again
            .lines()
            .filter(|l| l.starts_with(field) && !old.lines().any(|o| o == *l))
            .count();
        assert_eq!(new_lines, 0, "{field} was added:\n{again}");
    }
    assert_eq!(again, old, "written back as it was");
}
