//! Whole screens drawn on a TestBackend and compared with reviewed snapshots (insta).
//! Time is a fixed value, so the clock times on screen are stable without masking.

use crate::fixture::{fixed_now, model};

use std::{io, path::Path, time::Duration};

use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
    style::Color,
};
use voer::{
    app::{App, Model, Msg, Pick, clock::Now, map_key, picker::Picker, update, update_run},
    episode::{Audience, Library},
    lang::Lang,
    session::store::{SaveOutcome, StoreError},
    ui::{self, Theme},
};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn render(m: &Model, now: Now, size: (u16, u16)) -> Terminal<TestBackend> {
    render_with(m, &Theme::calm(), now, size)
}

fn render_with(m: &Model, theme: &Theme, now: Now, (w, h): (u16, u16)) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw_run(m, theme, now, f)).unwrap();
    term
}

fn snapshot(name: &str, m: &Model, now: Now) {
    for size in SIZES {
        let term = render(m, now, size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), term.backend());
    }
}

/// Where episode 4's video would be if the article said so: a video step with a link.
const VIDEO_URL: &str = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/";

/// A council's model of episode 4 whose video has a known address (an organisation's own
/// episode file may give one; the seed does not).
fn linked(audience: Audience, lang: Lang, now: Now) -> Model {
    let mut m = model(audience, lang, now);
    m.session.steps[1].url = Some(VIDEO_URL.to_string());
    m
}

fn steps(m: &mut Model, n: usize, now: Now) {
    for _ in 0..n {
        update_run(m, Msg::Next, now);
    }
}

fn each_lang(f: impl Fn(Lang, &str)) {
    f(Lang::Nl, "nl");
    f(Lang::En, "en");
}

#[test]
fn opening() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let m = model(Audience::ClientCouncil, lang, t0);
        snapshot(&format!("opening_{code}"), &m, t0);
    });
}

#[test]
fn quote() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        steps(&mut m, 2, t0);
        snapshot(&format!("quote_{code}"), &m, t0);
    });
}

#[test]
fn video() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = linked(Audience::ClientCouncil, lang, t0);
        steps(&mut m, 1, t0);
        // 80×24 has only room for the link; 160×45 shows the QR code beside it.
        snapshot(
            &format!("video_{code}"),
            &m,
            t0.plus(Duration::from_secs(42)),
        );
    });
}

#[test]
fn video_without_a_link_says_to_play_it_from_wherever_it_is() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let lib = Library::embedded();
        let ep = lib.find("vera-jansweijer").expect("episode 1");
        let s = voer::session::Session::new(
            ep,
            Audience::Team,
            &voer::session::Meta::default(),
            lang,
            t0.wall,
        );
        let mut m = Model::new(
            s,
            "/tmp/s.toml".into(),
            voer::app::EpisodeView::new(ep, lang),
        );
        update_run(&mut m, Msg::Start, t0);
        steps(&mut m, 1, t0);
        let term = render(&m, t0, (80, 24));
        insta::assert_snapshot!(format!("video_no_link_{code}_80x24"), term.backend());
    });
}

#[test]
fn prompt_with_notes_while_typing() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        steps(&mut m, 3, t0);
        update_run(
            &mut m,
            Msg::Paste(
                "Mevrouw Jansen: “de koffie regelen we zelf” 😀\nCafé in de hal — 日本語".into(),
            ),
            t0,
        );
        snapshot(
            &format!("prompt_typing_{code}"),
            &m,
            t0.plus(Duration::from_secs(83)),
        );
    });
}

#[test]
fn closing_paused_and_muted() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        let last = m.step_count() - 1;
        steps(&mut m, last, t0);
        update_run(&mut m, Msg::ToggleMute, t0);
        update_run(&mut m, Msg::TogglePause, t0.plus(Duration::from_secs(125)));
        snapshot(
            &format!("closing_paused_{code}"),
            &m,
            t0.plus(Duration::from_secs(300)),
        );
    });
}

#[test]
fn summary() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        for i in 0..m.step_count() {
            update_run(
                &mut m,
                Msg::Next,
                t0.plus(Duration::from_secs(61 * (i as u64 + 1))),
            );
        }
        snapshot(
            &format!("summary_{code}"),
            &m,
            t0.plus(Duration::from_secs(1000)),
        );
    });
}

#[test]
fn help() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        steps(&mut m, 3, t0);
        update_run(&mut m, Msg::Help, t0);
        snapshot(&format!("help_{code}"), &m, t0);
    });
}

#[test]
fn tiny_terminal_asks_for_a_larger_window_and_recovers() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 3, t0);
    let term = render(&m, t0, (30, 8));
    insta::assert_snapshot!("too_small_30x8", term.backend());
    for (w, h) in [(1, 1), (0, 0), (39, 11), (40, 12), (41, 5)] {
        render(&m, t0, (w, h));
    }
    let term = render(&m, t0, (80, 24));
    let text = format!("{}", term.backend());
    assert!(
        text.contains("Vraag 1"),
        "draws normally again when resized"
    );
}

#[test]
fn timer_turns_to_warning_colour_in_the_last_minute_and_red_after() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 3, t0);
    let colours = |at: u64| {
        let term = render(&m, t0.plus(Duration::from_secs(at)), (80, 24));
        let buf = term.backend().buffer().clone();
        buf.content()
            .iter()
            .filter(|c| c.symbol().chars().any(|ch| "█▀▄".contains(ch)))
            .map(|c| c.fg)
            .collect::<std::collections::HashSet<Color>>()
    };
    // The council's first question has 10 minutes.
    assert!(colours(10).contains(&Color::Green));
    assert!(colours(570).contains(&Color::Yellow));
    assert!(colours(610).contains(&Color::LightRed));
}

#[test]
fn projector_theme_is_dark_on_light() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 2, t0);
    let term = render_with(&m, &Theme::projector(), t0, (80, 24));
    let cell = &term.backend().buffer()[(40, 12)];
    assert_eq!(cell.bg, Color::White);
}

#[test]
fn every_screen_asks_for_a_larger_window_alike() {
    // The picker, a run and the room screen: the same words and the size needed, centred.
    let t0 = fixed_now();
    let lib = Library::embedded();
    let size = (30, 8);
    let draw = |f: &mut dyn FnMut(&mut ratatui::Frame)| {
        let mut term = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        term.draw(|frame| f(frame)).unwrap();
        screen_text(&term)
    };
    let picker = App::picker(Picker::new(
        lib.episodes().to_vec(),
        Lang::Nl,
        None,
        None,
        None,
    ));
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 3, t0);
    let mut room = voer::room::Room::new(Lang::Nl, Theme::calm());
    room.shown = Some(m.snapshot(t0));
    let run = draw(&mut |f| ui::draw_run(&m, &Theme::calm(), t0, f));
    assert!(run.contains("Maak het venster groter"), "{run}");
    assert!(run.contains("30×8 → 40×12"), "{run}");
    assert_eq!(draw(&mut |f| ui::draw(&picker, &Theme::calm(), t0, f)), run);
    assert_eq!(
        draw(&mut |f| voer::room::draw::draw(&room, t0.wall, f)),
        run
    );
}

#[test]
fn picker_screens() {
    each_lang(|lang, code| {
        let lib = Library::embedded();
        let t0 = fixed_now();
        let mut app = App::picker(Picker::new(lib.episodes().to_vec(), lang, None, None, None));
        for stage in ["episode", "audience", "group"] {
            let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
            term.draw(|f| ui::draw(&app, &ui::Theme::calm(), t0, f))
                .unwrap();
            insta::assert_snapshot!(format!("picker_{stage}_{code}"), term.backend());
            update(&mut app, Msg::Pick(Pick::Next), t0);
        }
    });
}

#[test]
fn the_help_scrolls_on_a_small_screen() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    update_run(&mut m, Msg::Help, t0);
    let text = |m: &Model| {
        let term = render(m, t0, (40, 12));
        let buf = term.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    };
    let top = text(&m);
    assert!(top.contains("PageDown"), "{top}");
    assert!(top.contains('↓'), "the help shows there is more: {top}");
    for _ in 0..30 {
        update_run(&mut m, Msg::ScrollHelp(1), t0);
    }
    let bottom = text(&m);
    assert!(
        bottom.contains("Ctrl+Z"),
        "the last key must be reachable at 40×12: {bottom}"
    );
    // Back to the top, however far it was scrolled.
    for _ in 0..30 {
        update_run(&mut m, Msg::ScrollHelp(-1), t0);
    }
    assert_eq!(text(&m), top);
}

/// How bright a colour looks, on a terminal whose own text and background are `fg` and `bg`.
fn luma(c: Color, default: u8) -> u8 {
    match c {
        Color::Reset => default,
        Color::Black => 0,
        Color::White => 255,
        Color::Gray => 170,
        Color::DarkGray => 85,
        Color::Rgb(r, g, b) => ((u32::from(r) * 3 + u32::from(g) * 6 + u32::from(b)) / 10) as u8,
        _ => 128,
    }
}

/// The screen as a person sees it, in grey levels: a cell is 4 pixels wide and 8 high, so a
/// half block is a square. `fg` and `bg` are the terminal's own colours (for `Reset`).
fn bitmap(buf: &ratatui::buffer::Buffer, fg: u8, bg: u8) -> (usize, usize, Vec<u8>) {
    const S: usize = 4;
    let (cols, rows) = (usize::from(buf.area.width), usize::from(buf.area.height));
    let (w, h) = (cols * S, rows * 2 * S);
    let mut px = vec![0u8; w * h];
    for row in 0..rows {
        for col in 0..cols {
            let cell = &buf[(col as u16, row as u16)];
            let (mut ink, mut paper) = (luma(cell.fg, fg), luma(cell.bg, bg));
            if cell.modifier.contains(ratatui::style::Modifier::REVERSED) {
                std::mem::swap(&mut ink, &mut paper);
            }
            let (top, bottom) = match cell.symbol() {
                "▀" => (ink, paper),
                "▄" => (paper, ink),
                "█" => (ink, ink),
                // Letters are thin strokes: the background is what the eye sees.
                _ => (paper, paper),
            };
            for y in 0..2 * S {
                let v = if y < S { top } else { bottom };
                let start = (row * 2 * S + y) * w + col * S;
                px[start..start + S].fill(v);
            }
        }
    }
    (w, h, px)
}

pub fn decode(buf: &ratatui::buffer::Buffer, fg: u8, bg: u8) -> Vec<String> {
    let (w, h, px) = bitmap(buf, fg, bg);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| px[y * w + x]);
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

#[test]
fn the_qr_code_on_the_video_step_reads_back_as_its_link() {
    let url = VIDEO_URL;
    // (theme, the terminal's own text and background colours as a person sees them)
    let cases = [
        ("default, dark terminal", Theme::calm(), 229, 0),
        ("default, light terminal", Theme::calm(), 0, 255),
        ("--projector, dark terminal", Theme::projector(), 229, 0),
        ("--projector, light terminal", Theme::projector(), 0, 255),
        // Without colours the code is drawn in the text colour, for light text on dark.
        ("NO_COLOR", Theme::no_color(), 229, 0),
    ];
    for (name, theme, fg, bg) in cases {
        let t0 = fixed_now();
        let mut m = linked(Audience::ClientCouncil, Lang::Nl, t0);
        steps(&mut m, 1, t0);
        let term = render_with(&m, &theme, t0, (160, 45));
        assert_eq!(decode(term.backend().buffer(), fg, bg), [url], "{name}");
    }
    // Too small for the code with its quiet zone: the link alone, and no half-drawn code.
    let t0 = fixed_now();
    let mut m = linked(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 1, t0);
    let term = render(&m, t0, (80, 24));
    assert!(decode(term.backend().buffer(), 229, 0).is_empty());
    assert!(format!("{}", term.backend()).contains("https://www.radicalevernieuwing.nl/"));
}

/// The characters on the screen, row by row.
fn screen_text(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn save_errors_are_shown_in_the_users_language() {
    for (lang, full, no_answer, english) in [
        (
            Lang::Nl,
            "NIET OPGESLAGEN: de schijf is vol",
            "sessie.toml: de schijf antwoordt niet",
            Some("disk"),
        ),
        (
            Lang::En,
            "NOT SAVED: The disk is full",
            "sessie.toml: The disk does not answer",
            None,
        ),
    ] {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        steps(&mut m, 2, t0);
        let error = StoreError::write(Path::new("sessie.toml"), io::ErrorKind::StorageFull.into());
        update_run(
            &mut m,
            Msg::Saved(SaveOutcome::Failed { revision: 1, error }),
            t0,
        );
        let screen = screen_text(&render(&m, t0, (160, 45)));
        assert!(screen.contains(full), "{lang:?}: the status line\n{screen}");
        // Quitting waits for the disk in vain: the dialog says why.
        let error = StoreError::NoAnswer {
            path: "sessie.toml".into(),
        };
        update_run(&mut m, Msg::QuitSaveFailed(error), t0);
        let screen = screen_text(&render(&m, t0, (160, 45)));
        assert!(screen.contains(no_answer), "{lang:?}: the dialog\n{screen}");
        if let Some(word) = english {
            assert!(
                !screen.contains(word),
                "{lang:?}: English on screen\n{screen}"
            );
        }
    }
}

#[test]
fn console_while_a_room_screen_follows() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        steps(&mut m, 3, t0);
        update_run(&mut m, Msg::RoomFollowing(true), t0);
        update_run(&mut m, Msg::ToggleRoomNotes, t0);
        snapshot(&format!("console_room_following_{code}"), &m, t0);
    });
}

#[test]
fn tips_hidden_on_a_single_screen() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 3, t0);
    update_run(&mut m, Msg::ToggleTips, t0);
    let screen = format!("{}", render(&m, t0, (160, 45)).backend());
    assert!(!screen.contains("Tip:"), "{screen}");
    assert!(
        screen.contains("Ctrl+T"),
        "the key bar says how to bring them back:\n{screen}"
    );
}

#[test]
fn the_opening_the_video_and_the_quote_show_their_tips_to_the_facilitator() {
    // The council's ground rules at the opening, testing the video beforehand, reading the
    // quote aloud: on the facilitator's screen, and gone with Ctrl+T like a prompt's tip.
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    for (step, words) in [
        (0, "we laten elkaar uitpraten"),
        (1, "test de link"),
        (2, "Lees het citaat langzaam en hardop voor"),
    ] {
        let screen = format!("{}", render(&m, t0, (160, 45)).backend());
        assert!(screen.contains("Tip:"), "step {step}:\n{screen}");
        assert!(screen.contains(words), "step {step}:\n{screen}");
        update_run(&mut m, Msg::ToggleTips, t0);
        let hidden = format!("{}", render(&m, t0, (160, 45)).backend());
        assert!(!hidden.contains(words), "step {step}:\n{hidden}");
        update_run(&mut m, Msg::ToggleTips, t0);
        update_run(&mut m, Msg::Next, t0);
    }
}

/// A model whose first prompt is a round of four and whose second is in four phases, with an
/// end time, as a run started with --participants and --until shows it.
fn timed_model(lang: Lang, now: Now) -> Model {
    use voer::session::{Phase, Round};
    let mut m = model(Audience::ClientCouncil, lang, now);
    let names: Vec<String> = ["Anna", "Bert", "Cor", "Dirk"].map(String::from).into();
    m.session.session.participants = names.clone();
    m.session.session.until = chrono::NaiveTime::from_hms_opt(14, 50, 0);
    m.session.steps[3].round = Some(Round::new(names, None, 0));
    let labels = match lang {
        Lang::Nl => ["Alleen", "Tweetallen", "Viertallen", "Iedereen"],
        Lang::En => ["Alone", "In pairs", "In fours", "All together"],
    };
    m.session.steps[4].phases = labels
        .iter()
        .zip([1, 2, 3, 4])
        .map(|(l, minutes)| Phase {
            label: l.to_string(),
            minutes,
            current: false,
            started: None,
            ..Default::default()
        })
        .collect();
    m
}

#[test]
fn a_round_shows_who_speaks_now_and_who_is_next() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = timed_model(lang, t0);
        let at = |s: u64| t0.plus(Duration::from_secs(9 * 60 + s));
        steps(&mut m, 3, at(0));
        update_run(&mut m, Msg::Paste("koffie".into()), at(10));
        update_run(&mut m, Msg::NextTurn, at(40));
        update_run(&mut m, Msg::Pass, at(45));
        snapshot(&format!("round_{code}"), &m, at(70));
    });
}

#[test]
fn a_phased_prompt_shows_its_phase_and_countdown() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = timed_model(lang, t0);
        let at = |s: u64| t0.plus(Duration::from_secs(20 * 60 + s));
        steps(&mut m, 4, at(0));
        update_run(&mut m, Msg::Tick, at(75));
        snapshot(&format!("phases_{code}"), &m, at(75));
    });
}

#[test]
fn the_summary_shows_the_episodes_plan_the_new_plan_and_the_actual_time() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        // What re-planning to end on time leaves: two prompts a few minutes shorter.
        m.session.steps[5].planned_seconds = 8 * 60;
        m.session.steps[6].planned_seconds = 7 * 60;
        steps(&mut m, 9, t0);
        let term = render(&m, t0, (80, 24));
        let text = format!("{}", term.backend());
        assert!(text.contains("8:00") && text.contains("10:00"), "{text}");
        insta::assert_snapshot!(format!("summary_replanned_{code}_80x24"), term.backend());
    });
}

// The notes editor kept its top row as a u16: beyond 65,535 rows the panel showed another
// part of the notes and what was typed was not on screen.
#[test]
fn typing_after_70001_lines_is_on_screen() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 3, t0);
    let lines: Vec<String> = (0..70_001).map(|i| format!("regel {i}")).collect();
    update_run(&mut m, Msg::Paste(lines.join("\n")), t0);
    for c in " erbij getypt".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let msg = map_key(&m, key).expect("typing takes every key");
        update_run(&mut m, msg, t0);
    }
    for size in SIZES {
        let screen = format!("{}", render(&m, t0, size).backend());
        assert!(
            screen.contains("regel 70000 erbij getypt"),
            "{}x{}:\n{screen}",
            size.0,
            size.1
        );
        assert!(screen.contains("regel 69999"), "the lines above it too");
    }
}
