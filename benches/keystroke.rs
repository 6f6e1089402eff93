//! One keystroke in the notes editor (keymap + update + a full redraw on a TestBackend), at
//! 80×24 and 200×60, with empty notes, with one screenful of notes and with 1 MB of notes in the
//! current step; the same redraw without the keystroke; and the floor: a bare `Paragraph`
//! filling the same area. The screenful separates what the size of the notes costs from what
//! drawing a panel full of text costs (the panel holds at most a screenful, however long the
//! notes are).
//!
//! `cargo bench --bench keystroke`, then `python3 benches/ratios.py` for the goal ratios.
mod common;

use std::{hint::black_box, path::Path};

use common::{PROMPT, fixed_now, typing};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
    text::Line,
    widgets::Paragraph,
};
use voer::{
    app::{map_key, update_run},
    ui,
};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

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

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn keystroke(c: &mut Criterion) {
    let (screen, big) = (screenful_of_notes(), megabyte_of_notes());
    let t = fixed_now();
    let mut g = c.benchmark_group("keystroke");
    for (w, h) in SIZES {
        for (label, notes) in [
            ("empty", ""),
            ("screen", screen.as_str()),
            ("1MB", big.as_str()),
        ] {
            let mut m = typing(notes, Path::new("/tmp/voer-bench.toml"), t);
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
    let t = fixed_now();
    let mut g = c.benchmark_group("redraw");
    for (w, h) in SIZES {
        let size = format!("{w}x{h}");
        for (label, notes) in [
            ("empty", ""),
            ("screen", screen.as_str()),
            ("1MB", big.as_str()),
        ] {
            let m = typing(notes, Path::new("/tmp/voer-bench.toml"), t);
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
    let t = fixed_now();
    let mut g = c.benchmark_group("snapshot");
    for (label, notes) in [("empty", ""), ("1MB", big.as_str())] {
        let m = typing(notes, Path::new("/tmp/voer-bench.toml"), t);
        g.bench_function(label, |b| b.iter(|| m.snapshot(t)));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = keystroke, redraw, snapshot
}
criterion_main!(benches);
