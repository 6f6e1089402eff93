//! Colour is never the only sign: the last minute, the overrun, a speaker who passed and an
//! overdue action each carry a sign or a word as well, on the facilitator's screen and on the
//! room screen. Drawn without colours (`NO_COLOR`), they must still be there.

use std::time::Duration;

use crate::fixture::{fixed_now, model};
use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend, style::Color};
use voer::{
    actions::folder::Found,
    app::{Model, Msg, clock::Now, update_run},
    episode::Audience,
    lang::Lang,
    room::{Room, draw},
    session::{Action, Round},
    ui::{self, Theme},
};

/// The first question of episode 4 for a council: ten minutes.
const PROMPT: usize = 3;

/// The facilitator's screen without colours, as text; every cell checked to have none.
fn console(m: &Model, now: Now) -> String {
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| ui::draw_run(m, &Theme::no_color(), now, f))
        .unwrap();
    no_colours(&term);
    format!("{}", term.backend())
}

/// The room screen without colours, as text.
fn room(m: &Model, now: Now, earlier: Vec<Found>) -> String {
    let mut room = Room::new(m.lang, Theme::no_color());
    room.shown = Some(m.snapshot(now));
    room.earlier = earlier;
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| draw::draw(&room, now.wall, f)).unwrap();
    no_colours(&term);
    format!("{}", term.backend())
}

fn no_colours(term: &Terminal<TestBackend>) {
    let cells = term.backend().buffer().content();
    assert!(
        cells
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "NO_COLOR draws no colour"
    );
}

/// A council's model on its first question, `seconds` into it.
fn on_the_question(lang: Lang, seconds: u64) -> (Model, Now) {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, lang, t0);
    for _ in 0..PROMPT {
        update_run(&mut m, Msg::Next, t0);
    }
    (m, t0.plus(Duration::from_secs(seconds)))
}

#[test]
fn the_last_minute_says_so_in_words() {
    let (m, at) = on_the_question(Lang::Nl, 9 * 60 + 30);
    let text = console(&m, at);
    assert!(text.contains("⚠ laatste minuut"), "{text}");
    insta::assert_snapshot!("signs_last_minute_nl_80x24", text);
    let text = room(&m, at, Vec::new());
    assert!(text.contains("⚠ laatste minuut"), "{text}");
    insta::assert_snapshot!("signs_room_last_minute_nl_80x24", text);
    // Before the last minute there is nothing to warn about.
    let (m, at) = on_the_question(Lang::Nl, 8 * 60);
    assert!(!console(&m, at).contains('⚠'));
    assert!(!room(&m, at, Vec::new()).contains('⚠'));
}

#[test]
fn the_overrun_says_so_in_words() {
    let (m, at) = on_the_question(Lang::En, 10 * 60 + 30);
    let text = console(&m, at);
    assert!(text.contains("⚠ over time"), "{text}");
    insta::assert_snapshot!("signs_over_en_80x24", text);
    let text = room(&m, at, Vec::new());
    assert!(text.contains("⚠ over time"), "{text}");
    insta::assert_snapshot!("signs_room_over_en_80x24", text);
}

#[test]
fn a_speaker_who_passed_is_marked_in_words() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    let names: Vec<String> = ["Anna", "Bert", "Cor"].map(String::from).into();
    m.session.session.participants = names.clone();
    m.session.steps[PROMPT].round = Some(Round::new(names, None, 0));
    for _ in 0..PROMPT {
        update_run(&mut m, Msg::Next, t0);
    }
    let at = |s: u64| t0.plus(Duration::from_secs(s));
    update_run(&mut m, Msg::NextTurn, at(40));
    update_run(&mut m, Msg::Pass, at(45));
    let text = console(&m, at(50));
    assert!(text.contains("Anna ✓ · Bert (gepast)"), "{text}");
    insta::assert_snapshot!("signs_passed_nl_80x24", text);
}

#[test]
fn an_overdue_action_is_marked_in_words() {
    let now = fixed_now();
    let agreed = chrono::DateTime::parse_from_rfc3339("2026-10-01T14:00:00+02:00").unwrap();
    let action = |id: &str, text: &str, due| Action {
        id: id.into(),
        text: text.into(),
        owner: Some("Marieke".into()),
        due,
        step: 8,
        created_at: agreed,
        ..Action::default()
    };
    // Due before today (20 November 2026), and due after it.
    let earlier = vec![
        Found {
            episode: None,
            path: "/home/anna/sessions/2026-10-01_1400_jef-mol_client-council_de-linde.toml".into(),
            group: "Cliëntenraad De Linde".into(),
            started_at: agreed,
            action: action(
                "vorig1",
                "Notulen rondsturen",
                NaiveDate::from_ymd_opt(2026, 10, 8),
            ),
        },
        Found {
            episode: None,
            path: "/home/anna/sessions/2026-10-01_1400_jef-mol_client-council_de-linde.toml".into(),
            group: "Cliëntenraad De Linde".into(),
            started_at: agreed,
            action: action("vorig2", "Menukaart", NaiveDate::from_ymd_opt(2026, 12, 1)),
        },
    ];
    let m = model(Audience::ClientCouncil, Lang::Nl, now)
        .with_earlier_actions(earlier.clone(), Default::default());
    let text = console(&m, now);
    assert_eq!(text.matches("TE LAAT").count(), 1, "{text}");
    insta::assert_snapshot!("signs_overdue_opening_nl_80x24", text);
    let text = room(&m, now, earlier);
    assert_eq!(text.matches("⚠\u{a0}TE LAAT").count(), 1, "{text}");
    insta::assert_snapshot!("signs_room_overdue_nl_80x24", text);
    // The list of actions (Ctrl+L) says it too.
    let mut m = m;
    update_run(&mut m, Msg::ListActions, now);
    let text = console(&m, now);
    assert!(text.contains("8 okt 2026 · ⚠\u{a0}TE LAAT"), "{text}");
}
