//! Saving and loading a session with 1 MB of notes (about 12,600 lines spread over the timed
//! steps): the full atomic save (serialise, temporary file, fsync, rename, fsync of the folder),
//! serialising alone, and loading (read and parse). The folder is under `target/tmp`, on the
//! same disk as the project, not a RAM disk.
//!
//! `cargo bench --bench store`
mod common;

use std::{hint::black_box, time::Duration};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use voer::session::{Session, store};

const NOTES_BYTES: usize = 1 << 20;

/// A client-council session of episode 4 whose timed steps share 1 MB of notes.
fn big_session() -> Session {
    let mut s = common::session(common::fixed_now());
    let timed: Vec<usize> = (0..s.steps.len())
        .filter(|&i| s.steps[i].kind.is_timed())
        .collect();
    let line = "Mevrouw Jansen: “koffie” regelen we zelf 😀, café — ĳs, zei ze gisteren.\n";
    let lines = NOTES_BYTES / (line.len() + 6);
    for (n, i) in (0..lines).zip(timed.iter().cycle()) {
        s.steps[*i].notes.push_str(&format!("{n:05} {line}"));
    }
    s
}

fn bench(c: &mut Criterion) {
    let session = big_session();
    let bytes: usize = session.steps.iter().map(|s| s.notes.len()).sum();
    let lines: usize = session.steps.iter().map(|s| s.notes.lines().count()).sum();
    eprintln!(
        "notes: {bytes} bytes, {lines} lines; file: {} bytes",
        session.to_toml().len()
    );
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a temporary folder");
    let path = dir.path().join("sessie.toml");
    store::save(&path, &session).expect("a first save");
    assert_eq!(store::load(&path).expect("loads"), session);

    let mut g = c.benchmark_group("store_1mb");
    g.sample_size(20)
        .measurement_time(Duration::from_secs(6))
        .throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("save", |b| {
        b.iter(|| store::save(&path, black_box(&session)).expect("saves"))
    });
    g.bench_function("to_toml", |b| b.iter(|| black_box(&session).to_toml()));
    g.bench_function("load", |b| {
        b.iter(|| store::load(black_box(&path)).expect("loads"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
