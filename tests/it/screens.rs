//! Whole screens drawn on a TestBackend and compared with reviewed snapshots (insta).
//! Time is a fixed value, so the clock times on screen are stable without masking.

use crate::fixture::{fixed_now, model};

use std::time::Duration;

use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
    style::Color,
};
use voer::{
    app::{Action, Model, Theme, clock::Now, map_key, picker::Picker, update},
    episode::{Audience, Library},
    lang::Lang,
    ui,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn render(m: &Model, now: Now, (w, h): (u16, u16)) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(m, now, f)).unwrap();
    term
}

fn snapshot(name: &str, m: &Model, now: Now) {
    for size in SIZES {
        let term = render(m, now, size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), term.backend());
    }
}

fn steps(m: &mut Model, n: usize, now: Now) {
    for _ in 0..n {
        update(m, Action::Next, now);
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
        steps(&mut m, 1, t0);
        snapshot(&format!("quote_{code}"), &m, t0);
    });
}

#[test]
fn prompt_with_notes_while_typing() {
    each_lang(|lang, code| {
        let t0 = fixed_now();
        let mut m = model(Audience::ClientCouncil, lang, t0);
        steps(&mut m, 2, t0);
        update(
            &mut m,
            Action::Paste(
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
        update(&mut m, Action::ToggleMute, t0);
        update(
            &mut m,
            Action::TogglePause,
            t0.plus(Duration::from_secs(125)),
        );
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
            update(
                &mut m,
                Action::Next,
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
        steps(&mut m, 2, t0);
        update(&mut m, Action::Help, t0);
        snapshot(&format!("help_{code}"), &m, t0);
    });
}

#[test]
fn tiny_terminal_asks_for_a_larger_window_and_recovers() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 2, t0);
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
    steps(&mut m, 2, t0);
    let colours = |at: u64| {
        let term = render(&m, t0.plus(Duration::from_secs(at)), (80, 24));
        let buf = term.backend().buffer().clone();
        buf.content()
            .iter()
            .filter(|c| c.symbol().chars().any(|ch| "█▀▄".contains(ch)))
            .map(|c| c.fg)
            .collect::<std::collections::HashSet<Color>>()
    };
    assert!(colours(10).contains(&Color::Green));
    assert!(colours(250).contains(&Color::Yellow));
    assert!(colours(310).contains(&Color::LightRed));
}

#[test]
fn projector_theme_is_dark_on_light() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    m.theme = Theme::projector();
    steps(&mut m, 1, t0);
    let term = render(&m, t0, (80, 24));
    let cell = &term.backend().buffer()[(40, 12)];
    assert_eq!(cell.bg, Color::White);
}

#[test]
fn picker_screens() {
    each_lang(|lang, code| {
        let lib = Library::embedded();
        let mut p = Picker::new(lib.episodes().to_vec(), lang, None, None, None);
        for stage in ["episode", "audience", "group"] {
            let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
            term.draw(|f| ui::picker::draw(&p, &Theme::calm(), f))
                .unwrap();
            insta::assert_snapshot!(format!("picker_{stage}_{code}"), term.backend());
            p.key(ratatui::crossterm::event::KeyEvent::from(
                ratatui::crossterm::event::KeyCode::Enter,
            ));
        }
    });
}

// The notes editor kept its top row as a u16: beyond 65,535 rows the panel showed another
// part of the notes and what was typed was not on screen.
#[test]
fn typing_after_70001_lines_is_on_screen() {
    let t0 = fixed_now();
    let mut m = model(Audience::ClientCouncil, Lang::Nl, t0);
    steps(&mut m, 2, t0);
    let lines: Vec<String> = (0..70_001).map(|i| format!("regel {i}")).collect();
    update(&mut m, Action::Paste(lines.join("\n")), t0);
    for c in " erbij getypt".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let action = map_key(&m.mode, key).expect("typing takes every key");
        update(&mut m, action, t0);
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
