//! The screens of actions, drawn on a TestBackend and compared with reviewed snapshots: the
//! form, the list, the opening with last meeting's actions, the summary's table.

use crate::fixture::{fixed_now, model};

use chrono::NaiveDate;
use ratatui::{Terminal, backend::TestBackend};
use voer::{
    actions::folder::Found,
    app::{Model, Msg, clock::Now, update_run},
    episode::Audience,
    lang::Lang,
    session::Action,
    ui::{self, Theme},
};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn snapshot(name: &str, m: &Model, now: Now) {
    for (w, h) in SIZES {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| ui::draw_run(m, &Theme::calm(), now, f))
            .unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
    }
}

fn action(id: &str, text: &str, owner: Option<&str>, due: Option<(i32, u32, u32)>) -> Action {
    Action {
        kind: Default::default(),
        to: None,
        answer: None,
        answered_at: None,
        id: id.into(),
        text: text.into(),
        owner: owner.map(str::to_string),
        due: due.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        due_text: None,
        done: false,
        step: 8,
        created_at: fixed_now().wall,
        ..Default::default()
    }
}

fn earlier() -> Vec<Found> {
    let at = chrono::DateTime::parse_from_rfc3339("2026-10-01T14:00:00+02:00").unwrap();
    vec![
        Found {
            episode: None,
            path: "/home/anna/sessions/2026-10-01_1400_jef-mol_client-council_clientenraad-de-linde.toml".into(),
            group: "Cliëntenraad De Linde".into(),
            started_at: at,
            action: action("vorig1", "Notulen rondsturen", Some("Marieke"), Some((2026, 10, 8))),
        },
        Found {
            episode: None,
            path: "/home/anna/sessions/2026-10-01_1400_jef-mol_client-council_clientenraad-de-linde.toml".into(),
            group: "Cliëntenraad De Linde".into(),
            started_at: at,
            action: Action {
                kind: Default::default(),
                to: None,
                answer: None,
                answered_at: None,
                due_text: Some("na de zomer".into()),
                ..action("vorig2", "Bewoners vragen naar de maaltijden", None, None)
            },
        },
    ]
}

#[test]
fn the_opening_shows_what_was_agreed_last_time() {
    let now = fixed_now();
    let m = model(Audience::ClientCouncil, Lang::Nl, now)
        .with_earlier_actions(earlier(), Default::default());
    snapshot("actions_opening_nl", &m, now);
}

#[test]
fn the_form() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now);
    update_run(&mut m, Msg::RecordAction, now);
    update_run(&mut m, Msg::Paste("Voorstel schrijven".into()), now);
    update_run(&mut m, Msg::NextField, now);
    update_run(&mut m, Msg::Paste("Meneer Bakker".into()), now);
    snapshot("actions_form_nl", &m, now);
}

#[test]
fn the_list_with_last_times_actions() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::En, now)
        .with_earlier_actions(earlier(), Default::default());
    m.session.actions = vec![action(
        "k7m2qx",
        "Write the proposal",
        Some("Mr Baker"),
        Some((2026, 12, 15)),
    )];
    update_run(&mut m, Msg::ListActions, now);
    update_run(&mut m, Msg::MoveInList(1), now);
    snapshot("actions_list_en", &m, now);
}

#[test]
fn the_summary_has_the_table() {
    let now = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, now);
    m.session.actions = vec![
        action(
            "k7m2qx",
            "Voorstel schrijven",
            Some("Meneer Bakker"),
            Some((2026, 12, 15)),
        ),
        Action {
            kind: Default::default(),
            to: None,
            answer: None,
            answered_at: None,
            done: true,
            ..action("p3x9ab", "Koffie regelen", None, None)
        },
    ];
    let n = m.step_count();
    for _ in 0..n {
        update_run(&mut m, Msg::Next, now);
    }
    snapshot("actions_summary_nl", &m, now);
}

#[test]
fn the_room_screens_opening_shows_what_was_agreed_last_time() {
    use voer::room::{Room, draw};
    let now = fixed_now();
    let m = model(Audience::ClientCouncil, Lang::Nl, now);
    let mut room = Room::new(Lang::Nl, Theme::calm());
    room.shown = Some(m.snapshot(now));
    room.earlier = earlier();
    for (w, h) in SIZES {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| draw::draw(&room, now.wall, f)).unwrap();
        insta::assert_snapshot!(format!("actions_room_opening_nl_{w}x{h}"), term.backend());
    }
}
