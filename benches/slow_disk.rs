//! Typing never waits for the disk. The loop in `src/tui/runtime.rs` hands a save to the saver
//! thread (`Saver::submit`) and draws the next frame at once. Here the saver takes 200 ms per save
//! (`Saver::with_delay`, a slow USB stick), and we time what the loop does after `update` asked
//! for a save: the submit, and the frame drawn after it. Compared with the same with an
//! instant disk and with a frame after no save at all, and with the 200 ms of the disk.
//!
//! `cargo bench --bench slow_disk`
mod common;

use std::{
    sync::mpsc,
    time::{Duration, Instant},
};

use common::{fixed_now, typing};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
};
use voer::{
    app::{Effect, Model, Msg, SAVE_DELAY, clock::Now, map_key, update_run},
    session::store::Saver,
    ui,
};

/// 40 lines of notes in the current step.
fn notes() -> String {
    (0..40)
        .map(|i| format!("{i:02} Mevrouw Jansen: “de koffie regelen we zelf” 😀"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[derive(Clone, Copy)]
enum Disk {
    /// No save at all: the frame as it is without one.
    NoSave,
    Delay(Duration),
}

/// One round: a key is typed; when the save falls due, `update` returns it as an effect; the
/// loop submits it and draws. Returns the time from the submit to the end of that frame.
fn round(
    m: &mut Model,
    term: &mut Terminal<TestBackend>,
    saver: Option<&Saver>,
    now: &mut Now,
    i: usize,
) -> Duration {
    let c = if i.is_multiple_of(2) { 'a' } else { 'b' };
    let action = map_key(m, key(c)).expect("typing");
    update_run(m, action, *now);
    // The save falls due: the loop wakes up for it (a tick), as in `tui::run_session`.
    *now = now.plus(SAVE_DELAY + Duration::from_millis(1));
    let effects = update_run(m, Msg::Tick, *now);
    let t0 = Instant::now();
    let mut saved = false;
    for fx in effects {
        if let Effect::Save(s, rev) = fx {
            if let Some(saver) = saver {
                saver.submit(&m.path.clone(), *s, rev, None);
            }
            saved = true;
        }
    }
    term.draw(|f| ui::draw_run(m, &ui::Theme::calm(), *now, f))
        .unwrap();
    let took = t0.elapsed();
    assert!(saved, "a save was due");
    *now = now.plus(Duration::from_millis(300));
    took
}

fn frame_after_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut g = c.benchmark_group("frame_after_save");
    for (label, disk) in [
        ("no_save", Disk::NoSave),
        ("disk_0ms", Disk::Delay(Duration::ZERO)),
        ("disk_200ms", Disk::Delay(Duration::from_millis(200))),
    ] {
        let path = dir.path().join(format!("{label}.toml"));
        let mut now = fixed_now();
        let mut m = typing(&notes(), &path, now);
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let (tx, rx) = mpsc::channel();
        let saver = match disk {
            Disk::NoSave => None,
            Disk::Delay(d) => Some(Saver::with_delay(d, move |o| {
                let _ = tx.send(o);
            })),
        };
        // The first save on the slow disk: submitted, the frame drawn, and the disk not done.
        round(&mut m, &mut term, saver.as_ref(), &mut now, 0);
        if matches!(disk, Disk::Delay(d) if d >= Duration::from_millis(200)) {
            assert!(
                rx.try_recv().is_err(),
                "the frame after a submit was drawn before the slow save ended"
            );
        }
        let mut i = 1;
        g.bench_function(BenchmarkId::from_parameter(label), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    total += round(&mut m, &mut term, saver.as_ref(), &mut now, i);
                    i += 1;
                }
                total
            })
        });
        if let Some(saver) = saver {
            saver.finish();
            // The slow saver did write: the newest revision is on disk.
            let outcomes: Vec<_> = rx.try_iter().collect();
            assert!(!outcomes.is_empty(), "{label}: the saver reported");
            let on_disk = std::fs::read_to_string(&path).unwrap();
            assert!(on_disk.contains("Mevrouw Jansen"), "{label}: saved");
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = frame_after_save
}
criterion_main!(benches);
