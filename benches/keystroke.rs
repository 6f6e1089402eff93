//! One keystroke in the notes editor (keymap + update + a full redraw on a TestBackend), at
//! 80×24 and 200×60, with empty notes, with one screenful of notes and with 1 MB of notes in the
//! current step; the same redraw without the keystroke; and the floor: a bare `Paragraph`
//! filling the same area. The screenful separates what the size of the notes costs from what
//! drawing a panel full of text costs (the panel holds at most a screenful, however long the
//! notes are).
//!
//! `cargo bench --bench keystroke`, then `python3 benches/ratios.py` for the goal ratios.
use std::{hint::black_box, time::Duration};

use chrono::{FixedOffset, TimeZone};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
    text::Line,
    widgets::Paragraph,
};
use voer::{
    app::{Action, EpisodeView, Model, clock::Now, map_key, update_run},
    episode::{Audience, Library},
    lang::Lang,
    session::{Meta, Session},
    ui,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];
/// The first prompt of the client-council run of episode 4.
const PROMPT: usize = 3;

fn now() -> Now {
    Now {
        mono: std::time::Instant::now(),
        wall: FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 20, 14, 0, 0)
            .unwrap(),
    }
}

/// About `bytes` of notes in lines of about 90 bytes (1 MB: about 12,000 lines), with
/// diacritics, curly quotes and emoji, and lines longer than the notes panel so that word wrap
/// has work to do.
fn notes_of(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 100);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "{i:05} Mevrouw Jansen: “de koffie regelen we zelf” 😀 en meneer De Vries wil één ding.\n"
        ));
        i += 1;
    }
    s.pop();
    s
}

fn megabyte_of_notes() -> String {
    notes_of(1 << 20)
}

/// 80 lines: more than the notes panel shows at 200×60.
fn screenful_of_notes() -> String {
    notes_of(80 * 90)
}

/// A run at the first prompt, typing, with `notes` in that step; the cursor at the end.
fn model(notes: &str, now: Now) -> Model {
    let lib = Library::embedded();
    let ep = lib.find("jef-mol").expect("episode 4 is embedded");
    let meta = Meta {
        group: "Cliëntenraad De Linde".into(),
        facilitator: "Anna".into(),
        ..Default::default()
    };
    let mut s = Session::new(ep, Audience::ClientCouncil, &meta, Lang::Nl, now.wall);
    s.steps[PROMPT].notes = notes.to_string();
    s.session.current_step = PROMPT;
    let mut m = Model::new(
        s,
        "/tmp/voer-bench.toml".into(),
        EpisodeView::new(ep, Lang::Nl),
        now,
    );
    update_run(&mut m, Action::StartTyping, now);
    m
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn keystroke(c: &mut Criterion) {
    let (screen, big) = (screenful_of_notes(), megabyte_of_notes());
    let t = now();
    let mut g = c.benchmark_group("keystroke");
    for (w, h) in SIZES {
        for (label, notes) in [
            ("empty", ""),
            ("screen", screen.as_str()),
            ("1MB", big.as_str()),
        ] {
            let mut m = model(notes, t);
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| ui::draw_run(&m, &ui::Theme::calm(), t, f))
                .unwrap();
            // Type a letter, then take it back: the notes keep their size over the run.
            let keys = [key(KeyCode::Char('a')), key(KeyCode::Backspace)];
            let mut i = 0usize;
            g.bench_function(BenchmarkId::new(label, format!("{w}x{h}")), |b| {
                b.iter(|| {
                    let k = keys[i % 2];
                    i += 1;
                    if let Some(action) = map_key(&m, k) {
                        black_box(update_run(&mut m, action, t));
                    }
                    term.draw(|f| ui::draw_run(&m, &ui::Theme::calm(), t, f))
                        .unwrap();
                })
            });
            assert_eq!(m.notes_text(PROMPT).len(), notes.len() + (i % 2));
        }
    }
    g.finish();
}

/// The redraw alone, and the floor it is measured against.
fn redraw(c: &mut Criterion) {
    let (screen, big) = (screenful_of_notes(), megabyte_of_notes());
    let t = now();
    let mut g = c.benchmark_group("redraw");
    for (w, h) in SIZES {
        let size = format!("{w}x{h}");
        for (label, notes) in [
            ("empty", ""),
            ("screen", screen.as_str()),
            ("1MB", big.as_str()),
        ] {
            let m = model(notes, t);
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            g.bench_function(BenchmarkId::new(label, &size), |b| {
                b.iter(|| {
                    term.draw(|f| ui::draw_run(&m, &ui::Theme::calm(), t, f))
                        .unwrap()
                        .area
                })
            });
        }
        // The floor: one Paragraph of text filling the whole area.
        let lines: Vec<Line> = (0..h)
            .map(|i| Line::from(format!("{i:03} {}", "Wat nemen we mee? ".repeat(12))))
            .collect();
        let para = Paragraph::new(lines);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        g.bench_function(BenchmarkId::new("paragraph_floor", &size), |b| {
            b.iter(|| {
                term.draw(|f| f.render_widget(&para, f.area()))
                    .unwrap()
                    .area
            })
        });
    }
    g.finish();
}

/// What a save costs the UI thread: the snapshot handed to the saver.
fn snapshot(c: &mut Criterion) {
    let big = megabyte_of_notes();
    let t = now();
    let mut g = c.benchmark_group("snapshot");
    for (label, notes) in [("empty", ""), ("1MB", big.as_str())] {
        let m = model(notes, t);
        g.bench_function(label, |b| b.iter(|| m.snapshot(t)));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = keystroke, redraw, snapshot
}
criterion_main!(benches);
