//! What a lived-in sessions folder costs the commands that read it whole, per part: listing
//! the folder and checking each file's stamp (the floor any cache pays), the cache's listing
//! (`store::cache::list`), what a run reads before its first frame (`actions::folder::for_run`),
//! and the same without a cache (every file parsed, as before the cache).
//!
//! `cargo bench --bench folder` (folders of 500 and 5,000 sessions, from benches/lived_in)
mod common;
#[path = "lived_in/mod.rs"]
mod lived_in;

use std::{fs, hint::black_box, path::Path};

use criterion::{Criterion, criterion_group, criterion_main};
use voer::{actions::folder, session::store};

const SIZES: [usize; 2] = [500, 5000];

/// Listing the folder and reading each file's stamp: what checking the cache costs at least.
fn stamps(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter_map(|e| fs::metadata(e.path()).ok())
        .count()
}

fn bench(c: &mut Criterion) {
    for n in SIZES {
        let tmp = tempfile::tempdir().unwrap();
        let made = lived_in::generate(&tmp.path().join("s"), &lived_in::Spec::new(n, 1)).unwrap();
        let dir = made.dir.as_path();
        let (_, refresh) = store::cache::list(dir).unwrap();
        refresh.write();
        let next = {
            let first = made
                .sessions
                .iter()
                .find(|m| m.group == lived_in::FIRST_GROUP)
                .unwrap();
            let mut s = store::load(&first.path).unwrap();
            s.session.started_at = chrono::Local::now().fixed_offset();
            s
        };
        let own = dir.join("next.toml");
        c.bench_function(&format!("folder/{n}/stamps"), |b| {
            b.iter(|| stamps(black_box(dir)))
        });
        c.bench_function(&format!("folder/{n}/cache_list"), |b| {
            b.iter(|| store::cache::list(black_box(dir)).unwrap().0.len())
        });
        c.bench_function(&format!("folder/{n}/for_run"), |b| {
            b.iter(|| folder::for_run(black_box(dir), &next, &own).0.len())
        });
        c.bench_function(&format!("folder/{n}/parse_every_file"), |b| {
            b.iter(|| store::list(black_box(dir)).unwrap().len())
        });
    }
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = bench
}
criterion_main!(benches);
