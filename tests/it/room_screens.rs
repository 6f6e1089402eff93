//! The room screen drawn on a TestBackend from session files, per step and size, and the
//! big font checked against every character the built-in episodes put on it.
use std::time::Duration;

use crate::fixture::{fixed_now, model};
use ratatui::{Terminal, backend::TestBackend};
use voer::{
    app::{Msg, update_run},
    episode::{Audience, Library},
    lang::Lang,
    room::{Room, big, draw},
    session::Session,
    ui::Theme,
};

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (250, 70)];

fn screen(room: &Room, at: chrono::DateTime<chrono::FixedOffset>, (w, h): (u16, u16)) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| draw::draw(room, at, f)).unwrap();
    format!("{}", term.backend())
}

/// The session file as the facilitator's voer writes it at `step`, 42 s into the step.
fn session_at(
    lang: Lang,
    step: usize,
    notes: Option<&str>,
) -> (Session, chrono::DateTime<chrono::FixedOffset>) {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, lang, t0);
    // A video with a known address, as an organisation's own episode file may give, so that
    // the room shows its QR code.
    m.session.steps[1].url = Some(
        "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/"
            .into(),
    );
    for _ in 0..step {
        update_run(&mut m, Msg::Next, t0);
    }
    if let Some(n) = notes {
        update_run(&mut m, Msg::Paste(n.into()), t0);
        update_run(&mut m, Msg::StopTyping, t0);
    }
    let at = t0.plus(Duration::from_secs(42));
    let s = m.snapshot(at);
    (s, at.wall)
}

#[test]
fn every_step_at_every_size() {
    let (s, _) = session_at(Lang::Nl, 0, None);
    for step in 0..=s.steps.len() {
        let (s, at) = session_at(Lang::Nl, step, None);
        let mut room = Room::new(Lang::En, Theme::calm());
        room.shown = Some(s);
        for size in SIZES {
            insta::assert_snapshot!(
                format!("room_step{step}_{}x{}", size.0, size.1),
                screen(&room, at, size)
            );
        }
    }
}

#[test]
fn english_quote_with_its_dutch_original_and_notes_shown() {
    let (s, at) = session_at(Lang::En, 2, None);
    let mut room = Room::new(Lang::Nl, Theme::no_color());
    room.shown = Some(s);
    insta::assert_snapshot!("room_quote_en_160x45", screen(&room, at, (160, 45)));
    let (mut s, at) = session_at(
        Lang::En,
        3,
        Some("More time for each resident\nAsk the family"),
    );
    s.session.room_notes = true;
    s.session.paused = true;
    room.shown = Some(s);
    insta::assert_snapshot!(
        "room_prompt_notes_paused_en_160x45",
        screen(&room, at, (160, 45))
    );
    insta::assert_snapshot!(
        "room_prompt_notes_paused_en_80x24",
        screen(&room, at, (80, 24))
    );
}

#[test]
fn the_room_never_shows_tips_keys_or_paths_and_hides_notes_unless_told() {
    for step in 0..9 {
        for lang in [Lang::Nl, Lang::En] {
            let (mut s, at) = session_at(lang, step, Some("GEHEIM-NOTITIE"));
            let tips: Vec<String> = s.steps.iter().filter_map(|st| st.tip.clone()).collect();
            let mut room = Room::new(lang, Theme::calm());
            room.shown = Some(s.clone());
            for size in SIZES {
                let shown = screen(&room, at, size);
                assert!(
                    !shown.contains("GEHEIM"),
                    "notes shown while hidden:\n{shown}"
                );
                for word in [
                    "Tip", "Ctrl", "Spatie", "Space", "sessions", ".toml", "Agenda",
                ] {
                    assert!(
                        !shown.contains(word),
                        "{word:?} on the room screen:\n{shown}"
                    );
                }
                for tip in &tips {
                    let start: String = tip.chars().take(20).collect();
                    assert!(
                        !shown.contains(&start),
                        "a tip on the room screen:\n{shown}"
                    );
                }
            }
            s.session.blanked = true;
            room.shown = Some(s);
            let blank = screen(&room, at, (80, 24));
            assert!(
                blank.chars().all(|c| " \"\n|".contains(c)),
                "blanked:\n{blank}"
            );
        }
    }
}

#[test]
fn waiting_for_a_session() {
    let at = fixed_now().wall;
    insta::assert_snapshot!(
        "room_waiting_nl_80x24",
        screen(&Room::new(Lang::Nl, Theme::calm()), at, (80, 24))
    );
    insta::assert_snapshot!(
        "room_waiting_en_80x24",
        screen(&Room::new(Lang::En, Theme::projector()), at, (80, 24))
    );
}

#[test]
fn every_character_of_the_built_in_quotes_and_prompts_has_a_big_glyph() {
    let lib = Library::embedded();
    let mut texts: Vec<String> = Vec::new();
    for ep in lib.episodes() {
        for lang in [Lang::Nl, Lang::En] {
            texts.extend(ep.quotes.iter().map(|q| format!("“{}”", q.get(lang))));
            texts.push(ep.title.get(lang).to_string());
            for a in Audience::ALL {
                texts.extend(ep.prompts_for(a).map(|p| p.text.get(lang).to_string()));
                texts.extend(ep.closing_for(a).map(|p| p.text.get(lang).to_string()));
            }
        }
    }
    assert!(texts.len() > 50, "the library holds the episodes");
    let mut missing = std::collections::BTreeSet::new();
    for text in &texts {
        for c in big::plain_punctuation(text).chars() {
            if !c.is_whitespace() && !big::has_glyph(c) {
                missing.insert((c, text.clone()));
            }
        }
    }
    assert!(missing.is_empty(), "no big glyph for: {missing:#?}");
}

mod following {
    use std::{
        fs,
        time::{Duration, SystemTime},
    };

    use voer::{
        room::follow::{self, Followed},
        session::store::{self, SessionLock},
    };

    use super::*;

    /// Makes a lock file look as old as a running voer's (the room waits a second before it
    /// probes a new one).
    fn age(lock_of: &std::path::Path) {
        let f = fs::File::options()
            .write(true)
            .open(store::lock_path(lock_of))
            .expect("the lock file");
        f.set_modified(SystemTime::now() - Duration::from_secs(5))
            .expect("its time set back");
    }

    #[test]
    fn the_room_follows_the_locked_session_and_never_the_example() {
        let dir = tempfile::tempdir().unwrap();
        let (mut example, _) = session_at(Lang::Nl, 0, None);
        example.session.example = true;
        let (real, _) = session_at(Lang::Nl, 3, None);
        let (idle, _) = session_at(Lang::Nl, 1, None);
        let paths = ["a.toml", "b.toml", "c.toml"].map(|n| dir.path().join(n));
        for (p, s) in paths.iter().zip([&example, &real, &idle]) {
            store::save(p, s).unwrap();
        }
        let _locks: Vec<SessionLock> = paths[..2]
            .iter()
            .map(|p| SessionLock::acquire(p).unwrap())
            .collect();
        let (found, unsure) = follow::locked_sessions(dir.path());
        assert!(unsure, "new lock files are not probed yet");
        assert!(found.is_empty());
        for p in &paths[..2] {
            age(p);
        }
        let (found, _) = follow::locked_sessions(dir.path());
        let names: Vec<_> = found.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(
            names,
            vec![paths[1].clone()],
            "only the running, real session"
        );
        // Probing did not take the lock from the running voer.
        assert!(SessionLock::acquire(&paths[1]).is_err());
    }

    #[test]
    fn a_missing_or_broken_file_keeps_the_last_good_state() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let (s, _) = session_at(Lang::Nl, 3, None);
        store::save(&path, &s).unwrap();
        let mut f = Followed::new(path.clone(), true);
        assert_eq!(f.read_if_changed(), Some(s.clone()));
        assert_eq!(f.read_if_changed(), None, "unchanged: not read again");
        let text = s.to_toml();
        let half = (text.len() / 2..text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        fs::write(&path, &text[..half]).unwrap();
        assert_eq!(f.read_if_changed(), None, "half a file");
        fs::remove_file(&path).unwrap();
        assert_eq!(f.read_if_changed(), None, "no file");
        store::save(&path, &s).unwrap();
        assert_eq!(f.read_if_changed(), Some(s), "read again once whole");
    }
}

#[test]
fn the_projector_theme_and_no_color_hold_on_the_room_screen() {
    use ratatui::style::Color;
    let (s, at) = session_at(Lang::Nl, 3, None);
    let mut room = Room::new(Lang::Nl, Theme::projector());
    room.shown = Some(s.clone());
    let mut term = Terminal::new(TestBackend::new(160, 45)).unwrap();
    term.draw(|f| draw::draw(&room, at, f)).unwrap();
    let buf = term.backend().buffer();
    assert!(
        buf.content().iter().all(|c| c.bg == Color::White),
        "dark on white everywhere"
    );
    room.theme = Theme::no_color();
    term.draw(|f| draw::draw(&room, at, f)).unwrap();
    let buf = term.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "no colours with NO_COLOR"
    );
}

#[test]
fn the_room_sees_whose_turn_it_is_and_the_phase() {
    use voer::session::{Phase, Round};
    for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let (mut s, at) = session_at(lang, 3, None);
        // A five-minute question, whatever the built-in one has.
        s.steps[3].planned_seconds = 300;
        let mut r = Round::new(vec!["Anna".into(), "Bert".into(), "Cor".into()], None, 0);
        r.next(30);
        s.steps[3].round = Some(r);
        s.steps[3].phases = vec![
            Phase {
                label: "Alleen".into(),
                minutes: 1,
                current: false,
                started: Some(0),
                ..Default::default()
            },
            Phase {
                label: "Iedereen".into(),
                minutes: 4,
                current: true,
                started: Some(20),
                ..Default::default()
            },
        ];
        let mut room = Room::new(lang, Theme::calm());
        room.shown = Some(s);
        let text = screen(&room, at, (160, 45));
        // 42 s into the step: Bert's 50 s turn began at 30 s, the phase at 20 s.
        assert!(text.contains("Bert  0:38"), "{text}");
        assert!(text.contains("Cor"), "{text}");
        assert!(text.contains("2/2: Iedereen  3:38"), "{text}");
        insta::assert_snapshot!(format!("room_round_{code}_160x45"), text);
    }
}
