//! Work on many files: loading a prompts folder of 200 episode files, and exporting 100
//! sessions to one Markdown report. (Saving and loading one session with 1 MB of notes is in
//! `benches/store.rs`.)
//!
//! `cargo bench --bench files`
mod common;

use std::{hint::black_box, path::Path};

use criterion::{Criterion, criterion_group, criterion_main};
use voer::{
    episode::Library,
    lang::Lang,
    session::{Meta, Session, Status},
};

const EPISODES: usize = 200;
const SESSIONS: usize = 100;

/// 200 copies of `prompts/jef-mol.toml` with their own id and number.
fn write_episodes(dir: &Path) {
    let text = include_str!("../prompts/jef-mol.toml");
    assert!(text.contains("id = \"jef-mol\"\nnumber = 4\n"));
    for n in 0..EPISODES {
        let number = 100 + n;
        let copy = text.replace(
            "id = \"jef-mol\"\nnumber = 4\n",
            &format!("id = \"aflevering-{number}\"\nnumber = {number}\n"),
        );
        std::fs::write(dir.join(format!("{number}-aflevering.toml")), copy).unwrap();
    }
}

fn load_episodes(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_episodes(dir.path());
    let lib = Library::load(Some(dir.path())).unwrap();
    assert_eq!(lib.episodes().len(), EPISODES + 2, "{:?}", lib.warnings);
    assert!(lib.warnings.is_empty(), "{:?}", lib.warnings);
    c.bench_function("load_200_episodes", |b| {
        b.iter(|| Library::load(Some(black_box(dir.path()))).unwrap())
    });
}

/// 100 finished sessions of four groups and two episodes, each step with a few lines of notes.
fn sessions() -> Vec<Session> {
    let lib = Library::embedded();
    let start = common::fixed_now().wall;
    (0..SESSIONS)
        .map(|i| {
            let ep = &lib.episodes()[i % lib.episodes().len()];
            let audience = ep.audiences()[i % ep.audiences().len()];
            let meta = Meta {
                group: format!("Groep {}", i % 4),
                facilitator: "Anna".into(),
                ..Default::default()
            };
            let at = start + chrono::Duration::days(i as i64);
            let mut s = Session::new(ep, audience, &meta, Lang::Nl, at);
            for (k, step) in s.steps.iter_mut().enumerate() {
                step.elapsed_seconds = step.planned_seconds + 30;
                step.notes = (0..5)
                    .map(|l| {
                        format!("Sessie {i}, stap {k}, regel {l}: “de koffie regelen we zelf” 😀")
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            s.session.status = Status::Finished;
            s.session.finished_at = Some(at + chrono::Duration::minutes(50));
            s
        })
        .collect()
}

fn export_report(c: &mut Criterion) {
    let sessions = sessions();
    let md = voer::export::markdown(&sessions, None);
    assert!(
        md.contains("Sessie 99, stap 0, regel 4"),
        "all sessions in the report"
    );
    c.bench_function("export_100_sessions_md", |b| {
        b.iter(|| voer::export::markdown(black_box(&sessions), None))
    });
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = load_episodes, export_report
}
criterion_main!(benches);
