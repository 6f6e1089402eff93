//! Makes a lived-in sessions folder for the measurement scripts in `benches/` (see
//! `benches/lived_in/mod.rs`): the same folder from the same seed.
//!
//! ```text
//! cargo run --release --example lived_in -- DIR [--sessions 500] [--seed 1]
//! ```
#[path = "../benches/lived_in/mod.rs"]
mod lived_in;

use std::{path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir: Option<PathBuf> = None;
    let mut sessions = 500;
    let mut seed = 1;
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Option<u64> {
            let n = args.next().and_then(|v| v.parse().ok());
            if n.is_none() {
                eprintln!("{name} takes a number");
            }
            n
        };
        match a.as_str() {
            "--sessions" => match number("--sessions") {
                Some(n) => sessions = n as usize,
                None => return ExitCode::FAILURE,
            },
            "--seed" => match number("--seed") {
                Some(n) => seed = n,
                None => return ExitCode::FAILURE,
            },
            _ if dir.is_none() && !a.starts_with('-') => dir = Some(a.into()),
            _ => {
                eprintln!("usage: lived_in DIR [--sessions N] [--seed S]");
                return ExitCode::FAILURE;
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: lived_in DIR [--sessions N] [--seed S]");
        return ExitCode::FAILURE;
    };
    match lived_in::generate(&dir, &lived_in::Spec::new(sessions, seed)) {
        Ok(f) => {
            let finished = f.sessions.iter().filter(|m| m.finished).count();
            let actions: usize = f.sessions.iter().map(|m| m.actions.len()).sum();
            println!(
                "{}: {} sessions ({finished} finished) of {} groups, {actions} actions, {} unreadable, {} files in all",
                dir.display(),
                f.sessions.len(),
                f.groups.len(),
                f.unreadable.len(),
                f.files()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
