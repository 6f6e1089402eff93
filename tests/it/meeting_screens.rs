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
        (Lang::Nl, "nl", "Stap 7 van 8", "7 min voor op 14:15", "▣"),
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

const URL: &str = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/";

/// The video step of episode 4 for a client council.
fn video(now: Now) -> Model {
    let mut s = session(Audience::ClientCouncil, Lang::Nl, now);
    // An episode file of the organisation's own may give the video's address (the seed does not).
    s.steps[1].url = Some(URL.to_string());
    let mut m = model_of(s, now);
    update_run(&mut m, Msg::Next, now);
    m
}

fn drawn(m: &Model, now: Now, (w, h): (u16, u16)) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw_run(m, &Theme::calm(), now, f))
        .unwrap();
    term
}

/// Whether the address stands whole on the screen (broken over lines where it must be).
fn address_whole(rows: &[String]) -> bool {
    // The text column: right of the agenda, left of a code beside it.
    let text: String = rows
        .iter()
        .map(|r| {
            let r = r.split('│').nth(1).unwrap_or(r).trim_start();
            r.split("  ")
                .next()
                .unwrap_or_default()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .concat();
    text.contains(URL)
}

#[test]
fn at_100x30_the_videos_address_and_code_come_before_an_empty_notes_panel() {
    let t0 = fixed_now();
    let mut m = video(t0);
    let term = drawn(&m, t0, (100, 30));
    let rows = screen(&m, t0, (100, 30));
    assert_eq!(
        crate::screens::decode(term.backend().buffer(), 229, 0),
        [URL],
        "{}",
        rows.join("\n")
    );
    assert!(address_whole(&rows), "{}", rows.join("\n"));
    assert!(
        !rows.join("\n").contains("Notities"),
        "no empty notes panel"
    );
    // Typing notes: the panel shows, and the address and the code stay.
    type_text(&mut m, "de muziek was te hard", t0);
    let term = drawn(&m, t0, (100, 30));
    let rows = screen(&m, t0, (100, 30));
    let text = rows.join("\n");
    assert!(text.contains("de muziek was te hard"), "{text}");
    assert!(address_whole(&rows), "{text}");
    assert_eq!(
        crate::screens::decode(term.backend().buffer(), 229, 0),
        [URL],
        "{text}"
    );
}

#[test]
fn where_the_code_cannot_fit_the_screen_says_where_it_is_and_f1_shows_it() {
    let t0 = fixed_now();
    let mut m = video(t0);
    let rows = screen(&m, t0, (80, 24));
    let text = rows.join("\n");
    assert!(address_whole(&rows), "{text}");
    assert!(text.contains("F1 toont hem groot"), "{text}");
    assert!(text.contains("F1 QR-code"), "the key bar says so: {text}");
    // F1: the code alone, readable at 80×24.
    key(&mut m, KeyCode::F(1), t0);
    let term = drawn(&m, t0, (80, 24));
    assert_eq!(
        crate::screens::decode(term.backend().buffer(), 229, 0),
        [URL],
        "{}",
        screen(&m, t0, (80, 24)).join("\n")
    );
    // F1 again: all keys; Esc: back to the step.
    key(&mut m, KeyCode::F(1), t0);
    assert!(screen(&m, t0, (80, 24)).join("\n").contains("PageDown"));
    key(&mut m, KeyCode::Esc, t0);
    assert_eq!(m.overlay, None);
    // A key that is not the code's own closes it and does what it does: nothing lost.
    key(&mut m, KeyCode::F(1), t0);
    type_text(&mut m, "x", t0);
    assert_eq!(m.overlay, None);
    assert_eq!(m.notes_text(m.step), "x");
}

#[test]
fn the_room_thanks_a_client_council_as_the_console_does() {
    use voer::room::{Room, draw};
    for (audience, thanks) in [
        (Audience::ClientCouncil, "Dank u wel!"),
        (Audience::Team, "Dank jullie wel!"),
    ] {
        let t0 = fixed_now();
        let mut m = model_of(session(audience, Lang::Nl, t0), t0);
        while !m.on_summary() {
            update_run(&mut m, Msg::Next, t0);
        }
        let console = screen(&m, t0, (100, 30)).join("\n");
        assert!(console.contains(thanks), "{console}");
        let mut room = Room::new(Lang::Nl, Theme::calm());
        room.shown = Some(m.snapshot(t0));
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        term.draw(|f| draw::draw(&room, t0.wall, f)).unwrap();
        let shown = format!("{}", term.backend());
        assert!(shown.contains(thanks), "{audience:?}: {shown}");
    }
}

#[test]
fn a_when_that_is_not_a_date_is_said_whole_however_narrow_the_bar() {
    let t0 = fixed_now();
    let mut m = council(&SEVEN, Lang::Nl, t0);
    ctrl(&mut m, 'a', t0);
    type_text(
        &mut m,
        "Voorstel schrijven over de activiteitenkalender",
        t0,
    );
    key(&mut m, KeyCode::Tab, t0);
    type_text(&mut m, "Bram", t0);
    key(&mut m, KeyCode::Tab, t0);
    type_text(&mut m, "na de zomer", t0);
    key(&mut m, KeyCode::Enter, t0);
    for size in [(80, 24), (100, 30)] {
        let rows = screen(&m, t0, size);
        let bar = rows.last().unwrap();
        assert!(
            bar.contains(" · 'na de zomer' is geen datum: zo bewaard"),
            "{size:?}: {bar}"
        );
        assert!(
            bar.contains("Afspraak vastgelegd: Voorstel"),
            "{size:?}: {bar}"
        );
    }
}

#[test]
fn text_typed_below_the_smallest_size_is_kept_and_said_so() {
    let t0 = fixed_now();
    let mut m = council(&[], Lang::Nl, t0);
    type_text(&mut m, "de tuin is te klein", t0);
    let text = screen(&m, t0, (34, 9)).join("\n");
    assert!(text.contains("Maak het venster groter"), "{text}");
    assert!(text.contains("Bewaard in de notities:"), "{text}");
    assert!(text.contains("te klein"), "{text}");
    assert_eq!(m.notes_text(m.step), "de tuin is te klein");
}

#[test]
fn past_the_closing_the_bar_says_it_is_finished_and_pageup_reopens_it() {
    let t0 = fixed_now();
    let mut m = council(&[], Lang::Nl, t0);
    // A clicker pressed quickly: to the summary.
    for _ in 0..5 {
        key(&mut m, KeyCode::PageDown, t0);
    }
    assert!(m.on_summary());
    assert_eq!(m.session.session.status, voer::session::Status::Finished);
    let bar = screen(&m, t0, (80, 24)).pop().unwrap();
    assert!(
        bar.contains("afgerond en bewaard · PageUp opent het weer"),
        "{bar}"
    );
    key(&mut m, KeyCode::PageUp, t0);
    assert!(!m.on_summary());
    assert_eq!(m.session.session.status, voer::session::Status::InProgress);
    assert_eq!(m.session.session.finished_at, None);
    let bar = screen(&m, t0, (80, 24)).pop().unwrap();
    assert!(bar.contains("weer geopend: niet meer afgerond"), "{bar}");
    // And finished again at the end, with the time it was finished then.
    key(&mut m, KeyCode::PageDown, t0.plus(Duration::from_secs(60)));
    assert_eq!(
        m.session.session.finished_at,
        Some(t0.plus(Duration::from_secs(60)).wall)
    );
}
