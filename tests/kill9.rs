//! `kill -9` at random moments while notes are typed: after every kill the session file parses
//! and holds everything typed more than `GRACE` before the kill.
//!
//! cargo test --test kill9 -- --nocapture                    # 52 kills, about 30 s
//! VOER_KILLS=500 cargo test --test kill9 -- --nocapture      # more
//! VOER_SEED=1234 cargo test --test kill9 -- --nocapture      # repeat a run
//!
//! A binary of its own, apart from `tests/pty/`: the losses it measures are timings, and it
//! should not share the machine with the other terminal tests running beside it.

//! One run of its own (`the_folder_made_again_mid_meeting`) removes the sessions folder and
//! makes it again while notes are typed, then has a second voer try to open the session
//! before each kill: the first voer takes its lock again when it saves, so the second is
//! refused (VOER_RECREATE_KILLS sets how many rounds, 12 by default).
//!
//! Another (`the_lock_removed_mid_meeting`) removes the lock file, or renames another file
//! over it, mid-meeting, and has a second voer try to open the session, at a random moment or
//! once the first voer says it made its lock again: the goal is no session written by two
//! voers, and a second voer always refused once the lock is made again (VOER_LOCK_ROUNDS, 12).
// Unix only: the pseudo-terminal harness, signals and file modes. On Windows the console
// handler that saves on closing the window is unit-tested in src/platform.
#![cfg(unix)]

use std::{
    path::{Path, PathBuf},
    thread,
    time::{Duration, Instant},
};

#[allow(dead_code)] // the terminal tests' harness; this test uses the part that starts voer
#[path = "pty/common.rs"]
mod common;

use common::*;

/// Typing older than this at the moment of a kill must be on disk (the promise is "about a
/// second"; a save is due 0.7 s after a change).
const GRACE: Duration = Duration::from_millis(1200);
const PROMPT: usize = 3;
/// Keys typed, with what each adds to the notes.
const KEYS: &[(&str, &str)] = &[
    ("a", "a"),
    ("e", "e"),
    ("n", "n"),
    ("q", "q"),
    (" ", " "),
    (" ", " "),
    ("é", "é"),
    ("ë", "ë"),
    ("ĳ", "ĳ"),
    ("“", "“"),
    ("”", "”"),
    ("😀", "😀"),
    ("日", "日"),
    ("\r", "\n"),
];

struct Outcome {
    kills: usize,
    /// Rounds in which a second voer tried to open the session, and was refused.
    second_refused: usize,
    second_tried: usize,
    survived: usize,
    most_lost: Duration,
    failures: Vec<String>,
}

/// One session, killed `kills` times; resumed after each kill.
/// `recreate`: in every round, the sessions folder is removed and made again while typing,
/// and a second voer tries to open the session.
fn worker(sb: &Sandbox, name: &str, kills: usize, seed: u64, recreate: bool) -> Outcome {
    let mut rng = Rng::new(seed);
    let mut v = start_run(sb, name);
    to_first_prompt_typing(&mut v);
    let path = find_session(sb, name);
    wait_for_file(&path, WAIT, "the first prompt", |s| {
        s.session.current_step == PROMPT
    });
    let mut on_disk = String::new();
    let mut out = Outcome {
        kills: 0,
        second_refused: 0,
        second_tried: 0,
        survived: 0,
        most_lost: Duration::ZERO,
        failures: Vec::new(),
    };
    for round in 0..kills {
        // Going into the notes again starts a fresh line after text: voer's own line break,
        // before anything typed in this round.
        let mut entered = on_disk.clone();
        if round > 0 {
            v = sb.voer(&["resume", path.to_str().unwrap()]);
            // Now and then a kill while voer is still starting.
            if rng.range(0, 10) == 0 {
                thread::sleep(Duration::from_millis(rng.range(0, 60)));
                v.signal("KILL");
                v.wait_exit(WAIT);
                out.kills += 1;
                match load(&path) {
                    Ok(s) if s.steps[PROMPT].notes == on_disk => out.survived += 1,
                    other => out.failures.push(format!(
                        "{name} round {round}: killed while starting: {:?}",
                        other.map(|s| s.steps[PROMPT].notes.clone())
                    )),
                }
                continue;
            }
            v.wait_for_text("Stap 4 van", WAIT);
            v.send(ENTER);
            v.wait_for_text("Notities — typen", WAIT);
            if on_disk
                .rsplit('\n')
                .next()
                .is_some_and(|l| !l.trim().is_empty())
            {
                entered.push('\n');
            }
        }
        // Type for a random while, at a random pace, then kill.
        let typing_for = Duration::from_millis(rng.range(150, 2200));
        let start = Instant::now();
        let mut sent: Vec<(Instant, &str)> = Vec::new();
        while start.elapsed() < typing_for {
            let (key, adds) = *rng.pick(KEYS);
            v.send(key);
            sent.push((Instant::now(), adds));
            thread::sleep(Duration::from_millis(rng.range(5, 70)));
        }
        if recreate {
            // The folder is removed, notes and lock file with it, and made again. voer is
            // stopped meanwhile: a save in the middle of the removal would put a file in the
            // folder being removed. Once it goes on, its save finds the folder new.
            v.signal("STOP");
            std::fs::remove_dir_all(sb.sessions()).unwrap();
            std::fs::create_dir(sb.sessions()).unwrap();
            v.signal("CONT");
            for _ in 0..rng.range(3, 12) {
                let (key, adds) = *rng.pick(KEYS);
                v.send(key);
                sent.push((Instant::now(), adds));
                thread::sleep(Duration::from_millis(rng.range(5, 70)));
            }
            // voer writes the file again within its retry time, and takes its lock again.
            wait_for_file(&path, WAIT, "the file written again", |_| true);
            let mut second = sb.voer(&["resume", path.to_str().unwrap()]);
            let status = second.wait_exit(WAIT);
            out.second_tried += 1;
            if !status.success()
                && second
                    .output()
                    .contains("al geopend in een ander venster met voer")
            {
                out.second_refused += 1;
            } else {
                out.failures.push(format!(
                    "{name} round {round}: a second voer opened the session after the folder was made again"
                ));
            }
        }
        let killed_at = Instant::now();
        v.signal("KILL");
        v.wait_exit(WAIT);
        out.kills += 1;

        let session = match load(&path) {
            Ok(s) => s,
            Err(e) => {
                out.failures.push(format!(
                    "{name} round {round}: the file does not parse: {e}"
                ));
                break;
            }
        };
        let notes = session.steps[PROMPT].notes.clone();
        let typed: String = sent.iter().map(|(_, a)| *a).collect();
        let all = format!("{entered}{typed}");
        if !notes.starts_with(&on_disk) || !all.starts_with(&notes) {
            out.failures.push(format!(
                "{name} round {round}: the notes are not what was typed:\n  file: {notes:?}\n  typed: {all:?}"
            ));
            break;
        }
        // How many of this round's keys reached the file, and how old the oldest lost one was.
        let base = if notes.starts_with(&entered) {
            &entered
        } else {
            &on_disk
        };
        let mut kept_len = notes.len() - base.len();
        let mut kept = 0;
        for (_, adds) in &sent {
            if kept_len < adds.len() {
                break;
            }
            kept_len -= adds.len();
            kept += 1;
        }
        let must_keep = sent.iter().filter(|(t, _)| killed_at - *t > GRACE).count();
        if let Some((t, _)) = sent.get(kept) {
            out.most_lost = out.most_lost.max(killed_at - *t);
        }
        if kept >= must_keep {
            out.survived += 1;
        } else {
            out.failures.push(format!(
                "{name} round {round}: {} of {must_keep} keys older than {GRACE:?} are on disk; lost {:?} of typing",
                kept,
                killed_at - sent[kept].0
            ));
        }
        on_disk = notes;
    }
    // A last resume and a clean quit: everything is still there.
    let mut v = sb.voer(&["resume", path.to_str().unwrap()]);
    v.wait_for_text("Stap 4 van", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert_eq!(load(&path).unwrap().steps[PROMPT].notes, on_disk);
    out
}

fn find_session(sb: &Sandbox, name: &str) -> PathBuf {
    let slug = voer::session::slug(name);
    sb.session_files()
        .into_iter()
        .find(|p| file_name(p).ends_with(&format!("_{slug}.toml")))
        .expect("the session file")
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn run(kills: usize) {
    let outcomes = in_sandbox(kills, &["Kamer Een", "Kamer Twee"], false);
    report(&outcomes, kills.min(50));
}

fn in_sandbox(kills: usize, names: &[&str], recreate: bool) -> Vec<Outcome> {
    let seed = Rng::seed_from_env();
    println!("kill -9 test: seed {seed} (repeat with VOER_SEED={seed})");
    let sb = Sandbox::new();
    // Sessions side by side, so the kills take less time.
    let per_worker = kills.div_ceil(names.len());
    let outcomes: Vec<Outcome> = thread::scope(|s| {
        let workers: Vec<_> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let sb = &sb;
                s.spawn(move || worker(sb, name, per_worker, seed.wrapping_add(i as u64), recreate))
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    // A kill in the middle of a save leaves a temporary copy of the notes; the next resume
    // removes it, so none pile up in the folder.
    let leftovers: Vec<_> = std::fs::read_dir(sb.sessions())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    outcomes
}

/// Prints the figures and fails on any failure.
fn report(outcomes: &[Outcome], at_least: usize) {
    let kills: usize = outcomes.iter().map(|o| o.kills).sum();
    let survived: usize = outcomes.iter().map(|o| o.survived).sum();
    let most_lost = outcomes
        .iter()
        .map(|o| o.most_lost)
        .max()
        .unwrap_or_default();
    println!(
        "kills survived: {survived}/{kills}, most typing lost: {:.2} s",
        most_lost.as_secs_f64()
    );
    let tried: usize = outcomes.iter().map(|o| o.second_tried).sum();
    if tried > 0 {
        let refused: usize = outcomes.iter().map(|o| o.second_refused).sum();
        println!("second voer refused after the folder was made again: {refused}/{tried}");
    }
    let failures: Vec<&String> = outcomes.iter().flat_map(|o| &o.failures).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(kills >= at_least);
}

#[test]
fn kill_9_at_random_moments_never_loses_more_than_a_second() {
    let kills = std::env::var("VOER_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(52);
    run(kills);
}

#[test]
fn the_folder_made_again_mid_meeting() {
    let kills = std::env::var("VOER_RECREATE_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(12);
    println!("the sessions folder removed and made again in every round:");
    let outcomes = in_sandbox(kills, &["Kamer Drie"], true);
    report(&outcomes, kills);
}

/// What the rounds of [`lock_removed_worker`] came to.
#[derive(Default)]
struct LockOutcome {
    rounds: usize,
    /// A second voer started at a random moment after the lock was removed: refused, or
    /// opened (before the first voer noticed; it then no longer writes).
    refused: usize,
    opened: usize,
    /// Started after the first voer said it made the lock again: must all be refused.
    after_notice: usize,
    /// Rounds in which both voers wrote the session file: the goal is none.
    written_by_two: usize,
    failures: Vec<String>,
}

/// One session; in every round its lock file is removed (or another file renamed over it)
/// mid-meeting, and a second voer tries to open the session: at a random moment, or once the
/// first voer says it made the lock again. The round ends with `kill -9`.
fn lock_removed_worker(sb: &Sandbox, name: &str, rounds: usize, seed: u64) -> LockOutcome {
    let mut rng = Rng::new(seed);
    let mut out = LockOutcome::default();
    let mut v = start_run(sb, name);
    to_first_prompt_typing(&mut v);
    let path = find_session(sb, name);
    let lock = {
        let n = file_name(&path);
        path.with_file_name(format!(".{n}.lock"))
    };
    for round in 0..rounds {
        if round > 0 {
            v = sb.voer(&["resume", path.to_str().unwrap()]);
            v.wait_for_text("Stap 4 van", WAIT);
            v.send(ENTER);
            v.wait_for_text("Notities — typen", WAIT);
        }
        out.rounds += 1;
        let type_some = |v: &mut Voer, rng: &mut Rng, n: u64| {
            for _ in 0..n {
                v.send(rng.pick(KEYS).0);
                thread::sleep(Duration::from_millis(rng.range(5, 70)));
            }
        };
        let keys = rng.range(3, 20);
        type_some(&mut v, &mut rng, keys);
        if round % 2 == 0 {
            std::fs::remove_file(&lock).unwrap();
        } else {
            let other = sb.sessions().join(format!("{name}.ander"));
            std::fs::write(&other, "").unwrap();
            std::fs::rename(&other, &lock).unwrap();
        }
        let when = rng.range(0, 3);
        let after_notice = when == 0;
        if after_notice {
            v.wait_for_text("Het slotbestand van deze sessie was weg", WAIT);
        } else if when == 2 {
            // A random moment, after more typing (and so a save) or not.
            let keys = rng.range(0, 4);
            type_some(&mut v, &mut rng, keys);
            thread::sleep(Duration::from_millis(rng.range(0, 2500)));
        }
        // Otherwise at once, most likely before the first voer noticed.
        let mut second = sb.voer(&["resume", path.to_str().unwrap()]);
        let opened = loop {
            if !second.is_running() {
                break false;
            }
            if second.screen().contains("Stap 4 van") {
                break true;
            }
            thread::sleep(Duration::from_millis(10));
        };
        if !opened {
            second.wait_exit(WAIT);
            if second
                .output()
                .contains("al geopend in een ander venster met voer")
            {
                out.refused += 1;
            } else {
                out.failures.push(format!(
                    "{name} round {round}: the second voer ended without saying why: {}",
                    second.output()
                ));
            }
            out.after_notice += usize::from(after_notice);
        } else if after_notice {
            out.failures.push(format!(
                "{name} round {round}: a second voer opened the session after the first made its lock again"
            ));
        } else {
            out.opened += 1;
            // The first voer no longer writes: its words stay on its screen, and quitting
            // asks where to put them, for the file is the second voer's now.
            v.send("X");
            v.send(CTRL_C);
            v.wait_for_text("Niet alles is opgeslagen", WAIT);
            second.send(ENTER);
            second.wait_for_text("Notities — typen", WAIT);
            second.send("Y");
            wait_for_file(&path, WAIT, "the second voer's word", |s| {
                s.steps[PROMPT].notes.ends_with('Y')
            });
            v.signal("KILL");
            v.wait_exit(WAIT);
            second.send(CTRL_C);
            second.wait_exit(WAIT);
            match load(&path) {
                Ok(s) if s.steps[PROMPT].notes.contains('X') => out.written_by_two += 1,
                Ok(_) => {}
                Err(e) => out.failures.push(format!("{name} round {round}: {e}")),
            }
            continue;
        }
        v.signal("KILL");
        v.wait_exit(WAIT);
        if let Err(e) = load(&path) {
            out.failures.push(format!("{name} round {round}: {e}"));
        }
    }
    out
}

#[test]
fn the_lock_removed_mid_meeting() {
    let rounds: usize = std::env::var("VOER_LOCK_ROUNDS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(12);
    let seed = Rng::seed_from_env();
    println!("the lock removed mid-meeting: seed {seed} (repeat with VOER_SEED={seed})");
    let sb = Sandbox::new();
    let names = ["Kamer Vier", "Kamer Vijf"];
    let outcomes: Vec<LockOutcome> = thread::scope(|s| {
        let workers: Vec<_> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let sb = &sb;
                let per = rounds.div_ceil(names.len());
                s.spawn(move || lock_removed_worker(sb, name, per, seed.wrapping_add(i as u64)))
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let sum = |f: fn(&LockOutcome) -> usize| outcomes.iter().map(f).sum::<usize>();
    println!(
        "rounds: {}; second voer at a random moment: refused {}, opened {} (the first then wrote no more)",
        sum(|o| o.rounds),
        sum(|o| o.refused) - sum(|o| o.after_notice),
        sum(|o| o.opened),
    );
    println!(
        "after the first said it made its lock again: refused {} of {}; sessions written by two voers: {}",
        sum(|o| o.after_notice),
        sum(|o| o.after_notice),
        sum(|o| o.written_by_two),
    );
    let failures: Vec<&String> = outcomes.iter().flat_map(|o| &o.failures).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(
        sum(|o| o.written_by_two),
        0,
        "sessions written by two voers"
    );
    assert!(sum(|o| o.rounds) >= rounds);
}

#[test]
#[ignore = "long: 400 kills, about four minutes"]
fn kill_9_many_times() {
    run(400);
}

/// A tiny deterministic random number generator (xorshift64*), so a failing run can be
/// repeated with the seed it printed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// A seed from `VOER_SEED` if set, else from the clock.
    fn seed_from_env() -> u64 {
        std::env::var("VOER_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `lo..hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo).max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}
