//! The picker's questions, driven through the keymap and `update`: going back, quitting, and
//! the session made only once every question is answered.

use crate::fixture::fixed_now;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use voer::{
    app::{
        App, Effect, Msg, Opened, Pick, Screen, map_app_key,
        picker::{Picker, Stage},
        update,
    },
    episode::{Audience, Library},
    lang::Lang,
};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The picker for what the command line left out, as `App`.
fn picker(episode: Option<&str>, audience: Option<Audience>, group: Option<&str>) -> App {
    let lib = Library::embedded();
    let ep = episode.map(|e| lib.find(e).expect("an embedded episode").clone());
    App::picker(Picker::new(
        lib.episodes().to_vec(),
        Lang::Nl,
        ep.as_ref(),
        audience,
        group,
    ))
}

/// Presses a key on the app: the keymap, then the one update.
fn press(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    match map_app_key(app, k) {
        Some(msg) => update(app, msg, fixed_now()),
        None => Vec::new(),
    }
}

fn stage(app: &App) -> Stage {
    match &app.screen {
        Screen::Picker(p) => p.stage,
        Screen::Run(_) => panic!("the run has started"),
    }
}

#[test]
fn esc_goes_back_a_question_and_quits_on_the_first() {
    let mut app = picker(None, None, None);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(stage(&app), Stage::Group);
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert_eq!(stage(&app), Stage::Audience);
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert_eq!(stage(&app), Stage::Episode);
    let fx = press(&mut app, key(KeyCode::Esc));
    assert!(matches!(fx[..], [Effect::Quit]), "{fx:?}");
}

#[test]
fn esc_on_the_group_name_goes_back_even_when_the_audience_was_given() {
    // `voer 4 -a team`: the group name is the only question, and its key bar says "Esc terug".
    let mut app = picker(Some("4"), Some(Audience::Team), None);
    assert_eq!(stage(&app), Stage::Group);
    assert!(
        press(&mut app, key(KeyCode::Esc)).is_empty(),
        "Esc must not quit"
    );
    assert_eq!(stage(&app), Stage::Audience);
    let Screen::Picker(p) = &app.screen else {
        unreachable!()
    };
    assert_eq!(
        p.selected_audience(),
        Some(Audience::Team),
        "the given audience"
    );
    assert!(
        p.on_first_stage(),
        "Esc quits from here, as the key bar then says"
    );
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(stage(&app), Stage::Group);
    let fx = press(&mut app, key(KeyCode::Enter));
    match &fx[..] {
        [Effect::CreateSession(c)] => {
            assert_eq!(c.episodes[0].number, 4);
            assert_ne!(c.audience, Audience::Team, "the audience was changed");
        }
        other => panic!("expected a session to be made, got {other:?}"),
    }
}

#[test]
fn the_picker_asks_the_loop_to_make_the_session_only_at_the_end() {
    let mut app = picker(None, None, None);
    for k in [KeyCode::Char('4'), KeyCode::Enter, KeyCode::Enter] {
        assert!(press(&mut app, key(k)).is_empty());
    }
    for c in "Team Zuid".chars() {
        assert!(press(&mut app, key(KeyCode::Char(c))).is_empty());
    }
    let fx = press(&mut app, key(KeyCode::Enter));
    let [Effect::CreateSession(choice)] = &fx[..] else {
        panic!("expected a session to be made, got {fx:?}");
    };
    assert_eq!(choice.episodes[0].number, 4);
    assert_eq!(choice.group, "Team Zuid");
    // The loop made the file: the run starts, with the home folder it was given, and with
    // the tips hidden as `--projector` asked (one projected screen).
    let lib = Library::embedded();
    let ep = lib.find("4").unwrap();
    let session = voer::session::Session::new(
        ep,
        choice.audience,
        &voer::session::Meta {
            group: choice.group.clone(),
            facilitator: String::new(),
            ..Default::default()
        },
        Lang::Nl,
        fixed_now().wall,
    );
    let mut app = app.with_home("/home/anna".into()).with_tips_hidden(true);
    let opened = Opened {
        session,
        path: "/tmp/sessie.toml".into(),
        episode: voer::app::EpisodeView::new(ep, Lang::Nl),
        more_episodes: Vec::new(),
        council: None,
        earlier: Vec::new(),
        taken: Default::default(),
    };
    update(&mut app, Msg::Opened(Box::new(opened)), fixed_now());
    let m = app.run_model().expect("the run has started");
    assert_eq!(m.session.session.group, "Team Zuid");
    assert_eq!(m.home, std::path::PathBuf::from("/home/anna"));
    assert!(!m.shows_tips(), "--projector hides the tips");
}

#[test]
fn ctrl_c_and_signals_leave_the_picker_at_once() {
    for msg in [None, Some(Msg::Terminate)] {
        let mut app = picker(None, None, None);
        let fx = match msg {
            None => press(
                &mut app,
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            ),
            Some(a) => update(&mut app, a, fixed_now()),
        };
        assert!(matches!(fx[..], [Effect::Quit]), "{fx:?}");
    }
}

#[test]
fn the_group_question_asks_who_leads_the_conversation_filled_from_the_config() {
    let lib = Library::embedded();
    let ep = lib.find("4").unwrap().clone();
    // As `voer` passes it: `--facilitator`, else the config file's `facilitator`.
    let picker = Picker::new(
        lib.episodes().to_vec(),
        Lang::Nl,
        Some(&ep),
        Some(Audience::ClientCouncil),
        None,
    )
    .with_facilitator("Anna");
    let mut app = App::picker(picker);
    for c in "De Linde".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    press(&mut app, key(KeyCode::Tab));
    {
        let Screen::Picker(p) = &app.screen else {
            unreachable!()
        };
        assert_eq!(p.facilitator.lines(), ["Anna"], "filled from the config");
    }
    press(&mut app, key(KeyCode::Char('-')));
    for c in "Marie".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    let fx = press(&mut app, key(KeyCode::Enter));
    let [Effect::CreateSession(choice)] = &fx[..] else {
        panic!("expected a session to be made, got {fx:?}");
    };
    assert_eq!(choice.group, "De Linde");
    assert_eq!(choice.facilitator, "Anna-Marie");
}

/// An episode without prompts for `gone`: as a file of one's own (`--prompts`) may be.
fn without(key: &str, gone: Audience) -> voer::episode::Episode {
    let mut e = Library::embedded().find(key).unwrap().clone();
    e.prompts.retain(|p| p.audience != gone);
    e.closing.retain(|p| p.audience != gone);
    e
}

fn the_picker(app: &App) -> &Picker {
    match &app.screen {
        Screen::Picker(p) => p,
        Screen::Run(_) => panic!("the run has started"),
    }
}

#[test]
fn the_audience_given_stays_that_audience_whichever_episodes_are_chosen() {
    let lib = Library::embedded();
    // Episode 1 has no team prompts here: the audiences of 1 and of 4 are not the same list.
    let episodes = vec![without("1", Audience::Team), lib.find("4").unwrap().clone()];
    let pick = |app: &mut App, key: Pick| {
        update(app, Msg::Pick(key), fixed_now());
    };
    let mut app = App::picker(Picker::new(
        episodes.clone(),
        Lang::Nl,
        None,
        Some(Audience::Relatives),
        Some("Familieraad"),
    ));
    // Episode 4 alone: the last question answered, the meeting is the relatives'.
    pick(&mut app, Pick::Down);
    assert_eq!(
        the_picker(&app).selected_audience(),
        Some(Audience::Relatives)
    );
    let made = update(&mut app, Msg::Pick(Pick::Next), fixed_now());
    let choice = made
        .iter()
        .find_map(|e| match e {
            Effect::CreateSession(c) => Some(c),
            _ => None,
        })
        .expect("the session is made");
    assert_eq!(choice.audience, Audience::Relatives);
    // Both, where 1 has no team prompts: the team given is asked again, not replaced.
    let mut app = App::picker(Picker::new(
        episodes,
        Lang::Nl,
        None,
        Some(Audience::Team),
        Some("Team"),
    ));
    pick(&mut app, Pick::Toggle);
    pick(&mut app, Pick::Down);
    pick(&mut app, Pick::Toggle);
    pick(&mut app, Pick::Next);
    assert_eq!(
        stage(&app),
        Stage::Audience,
        "episode 1 has no team prompts"
    );
    assert!(!the_picker(&app).audiences().contains(&Audience::Team));
}

/// Under the end time: the plan without one, and once one is typed, that the steps fit it
/// (it said "without an end time" while one stood in the field).
#[test]
fn the_line_under_the_end_time_says_what_the_typed_time_does() {
    let mut app = picker(Some("4"), Some(Audience::ClientCouncil), None);
    let shown = |app: &App| {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        term.draw(|f| voer::ui::draw(app, &voer::ui::Theme::calm(), fixed_now(), f))
            .unwrap();
        let buf = term.backend().buffer().clone();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        shown(&app).contains("Zonder eindtijd duurt het gesprek"),
        "{}",
        shown(&app)
    );
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Tab));
    }
    for c in "15:30".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    let screen = shown(&app);
    assert!(
        screen.contains("om 15:30 klaar: de stappen passen zich zo nodig aan"),
        "{screen}"
    );
    assert!(!screen.contains("Zonder eindtijd"), "{screen}");
}
