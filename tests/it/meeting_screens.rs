//! The facilitator's screen in a real meeting: the header with a room screen following, the
//! speaking order of seven, the video's address and code, the too-small screen while typing.
use crate::{
    fixture::{fixed_now, model_of, session},
    meeting_notes::{SEVEN, council, ctrl, key, type_text},
};

use std::time::Duration;

use chrono::NaiveTime;
use ratatui::{Terminal, backend::TestBackend, crossterm::event::KeyCode};
use unicode_width::UnicodeWidthStr;
use voer::{
    app::{Model, Msg, clock::Now, update_run},
    episode::Audience,
    lang::Lang,
    ui::{self, Theme},
};

fn screen(m: &Model, now: Now, (w, h): (u16, u16)) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw_run(m, &Theme::calm(), now, f))
        .unwrap();
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = sym.width().saturating_sub(1);
                line.push_str(sym);
            }
            line
        })
        .collect()
}

/// The closing of episode 4 for Cliëntenraad De Linde, to end at 14:15 (the closing's ten
/// minutes end at 14:10), with a room screen following (its notes hidden).
fn closing_with_room(lang: Lang, now: Now) -> Model {
    let mut m = model_of(session(Audience::ClientCouncil, lang, now), now);
    while m.step < 6 {
        update_run(&mut m, Msg::Next, now);
    }
    m.session.session.until = NaiveTime::from_hms_opt(14, 15, 0);
    update_run(&mut m, Msg::RoomFollowing(true), now);
    m
}

#[test]
fn the_header_keeps_step_end_time_and_group_first_with_the_room_following() {
    for (lang, code, step, pace, room) in [
        (Lang::Nl, "nl", "Stap 7 van 8", "5 min voor op 14:15", "▣"),
        (Lang::En, "en", "Step 7 of 8", "ahead of 14:15", "▣"),
    ] {
        let t0 = fixed_now();
        let m = closing_with_room(lang, t0);
        let mut shown = Vec::new();
        for size in [(80, 24), (100, 30), (200, 50)] {
            let head = screen(&m, t0, size)[0].clone();
            let w = size.0;
            assert!(head.contains(step), "{w}: {head}");
            assert!(head.contains(pace), "{w}: the end time whole: {head}");
            assert!(head.contains(room), "{w}: the room's sign: {head}");
            assert!(
                head.contains("Cliëntenraad De Linde"),
                "{w}: the group whole: {head}"
            );
            shown.push(format!("{w:>3}: {head}"));
        }
        let at_200 = screen(&m, t0, (200, 50))[0].clone();
        assert!(at_200.contains(m.episode.title.as_str()), "{at_200}");
        insta::assert_snapshot!(format!("header_room_following_{code}"), shown.join("\n"));
    }
}

#[test]
fn the_speaking_order_of_seven_is_whole_at_80x24_and_follows_the_turn() {
    let t0 = fixed_now();
    let mut m = council(&SEVEN, Lang::Nl, t0);
    let rows = screen(&m, t0, (80, 24));
    let text = rows.join("\n");
    assert!(text.contains("Nu: Truus"), "{text}");
    assert!(text.contains("daarna: Joop (1:00), dan nog 5"), "{text}");
    // Truus speaks, Joop passes, Bram speaks: the order follows.
    key(&mut m, KeyCode::Tab, t0.plus(Duration::from_secs(50)));
    ctrl(&mut m, 'k', t0.plus(Duration::from_secs(55)));
    type_text(&mut m, "de tuin", t0.plus(Duration::from_secs(56)));
    let now = t0.plus(Duration::from_secs(60));
    let rows = screen(&m, now, (80, 24));
    let text = rows.join("\n");
    assert!(text.contains("Nu: Bram"), "{text}");
    assert!(text.contains("daarna: Fatima (1:00), dan nog 3"), "{text}");
    // Every name on the order's line is whole: no name is cut at the edge.
    let order = rows
        .iter()
        .find(|r| r.contains("rondje:"))
        .expect("the order's line");
    let after = order.split("rondje:").nth(1).unwrap();
    for word in after.split(" · ").map(str::trim) {
        let word = word.trim_end_matches(['│', ' ']).trim();
        let known = SEVEN.iter().any(|n| word.starts_with(n))
            || word.ends_with("geweest")
            || word.starts_with('+');
        assert!(known, "{word:?} in {order}");
    }
    insta::assert_snapshot!("round_of_seven_nl_80x24", text);
    // The last one is said to be the last.
    for _ in 0..3 {
        key(&mut m, KeyCode::Tab, now);
    }
    let text = screen(&m, now, (80, 24)).join("\n");
    assert!(text.contains("Nu: Els"), "{text}");
    assert!(text.contains("daarna: Henk (1:00), de laatste"), "{text}");
}

#[test]
fn when_a_turns_time_is_up_the_screen_says_so() {
    let t0 = fixed_now();
    let later = t0.plus(Duration::from_secs(75));
    let mut m = council(&SEVEN, Lang::En, t0);
    update_run(&mut m, Msg::Tick, later);
    let text = screen(&m, later, (100, 30)).join("\n");
    assert!(text.contains("Now: Truus +0:15"), "{text}");
    assert!(text.contains("time is up"), "{text}");
}
