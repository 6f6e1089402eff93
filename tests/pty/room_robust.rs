//! The room screen holds whatever the computer around it does:
//!
//! - its timer counts with the monotonic clock from the moment the file changed, so a wall
//!   clock set 30 days ahead or 3 hours back on the projector's computer neither shows
//!   `+43190:13` nor stands still (needs `faketime`, Debian: faketime, which moves the wall
//!   clock of one process and not its monotonic clock);
//! - `q` and Ctrl+C close it while the folder it watches is busy;
//! - a pipe where a lock file would be does not hold it up.
use std::{
    ffi::OsString,
    io::Write,
    sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst},
};

use crate::common::*;

fn installed(program: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `voer room FILE` with its wall clock moved by `offset` (faketime's `-f`, e.g. `+30d`).
fn room_at(sb: &Sandbox, file: &std::path::Path, offset: &str) -> Voer {
    let mut args: Vec<OsString> = vec!["-f".into(), offset.into(), voer_bin()];
    for a in ["room", file.to_str().unwrap(), "--lang", "nl"] {
        args.push(a.into());
    }
    Voer::spawn_program(
        "faketime".as_ref(),
        sb.path(),
        &args,
        &[("FAKETIME_DONT_FAKE_MONOTONIC", "1")],
    )
}

/// Waits until `moved` has shown two screens in a row that `room` showed in a row (two
/// seconds of its timer): a timer that stood still, or ran from another time, does not. The
/// two need not change at the same instant: the file's times are whole seconds, so one may
/// run up to a second behind the other.
fn keep_time_together(room: &Voer, moved: &Voer, offset: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    // `room`'s screens in the order they came, and which of them `moved` showed.
    let mut seen: Vec<String> = Vec::new();
    let mut matched: Vec<usize> = Vec::new();
    // What shows: a cell once written and now blank is a space at the end of a line on one
    // screen and nothing on the other, though both look the same.
    let shown = |v: &Voer| {
        v.screen()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    loop {
        let (r, m) = (shown(room), shown(moved));
        if seen.last() != Some(&r) {
            seen.push(r.clone());
        }
        if let Some(at) = seen.iter().rposition(|s| *s == m)
            && matched.last() != Some(&at)
        {
            matched.push(at);
        }
        if matched.windows(2).any(|w| w[1] == w[0] + 1) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the timer with the clock at {offset} keeps other time:\n{m}\nthe room screen:\n{r}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn the_room_timer_keeps_time_when_its_wall_clock_is_moved() {
    if !installed("faketime") {
        if std::env::var_os("CI").is_some() {
            panic!("faketime is not installed, and CI needs this test to run");
        }
        // Straight to stderr, past the test harness's capture, so that it is seen.
        let _ = writeln!(std::io::stderr(), "skipped: faketime not installed");
        return;
    }
    let sb = Sandbox::new();
    let mut run = start_run(&sb, "Klok");
    let file = sb.session_file();
    for _ in 0..3 {
        run.send(RIGHT);
    }
    run.wait_for_text("Stap 4 van", WAIT);
    // A room screen with the right time, and one with its wall clock moved: from the file's
    // next change on, they show the same, second after second.
    let room = sb.voer(&["room", file.to_str().unwrap()]);
    room.wait_for_text("Vraag 1", WAIT);
    for offset in ["+30d", "-3h"] {
        let moved = room_at(&sb, &file, offset);
        moved.wait_for_text("Vraag 1", WAIT);
        // A minute more: the file changes at once.
        run.send("+");
        keep_time_together(&room, &moved, offset);
    }
    run.send(CTRL_C);
    assert!(run.wait_exit(WAIT).success());
}

#[test]
fn ctrl_c_closes_the_room_screen_while_files_change_around_it() {
    let sb = Sandbox::new();
    let mut run = start_run(&sb, "Druk");
    let file = sb.session_file();
    run.send(CTRL_C);
    assert!(run.wait_exit(WAIT).success());
    for key in [CTRL_C, "q"] {
        let mut room = sb.voer(&["room", file.to_str().unwrap()]);
        room.wait_for_text("Aflevering 4", WAIT);
        // Another program writes in the folder all the while (a sync client, a second run).
        let busy = Busy::default();
        std::thread::scope(|s| {
            s.spawn(|| {
                let other = sb.sessions().join("andere.txt");
                while !busy.stop.load(SeqCst) {
                    let _ = std::fs::write(&other, "x");
                    busy.writes.fetch_add(1, SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
            });
            // Stops the writer whatever happens below, so that the scope ends.
            let _stop = StopOnDrop(&busy.stop);
            // Once the screen has had a few of those changes to take in.
            wait_until("the other program's writes", || {
                busy.writes.load(SeqCst) >= 20
            });
            room.send(key);
            assert!(room.wait_exit(WAIT).success(), "{key:?}");
        });
    }
}

#[derive(Default)]
struct Busy {
    stop: AtomicBool,
    writes: AtomicUsize,
}

struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, SeqCst);
    }
}

#[test]
fn a_pipe_where_a_lock_would_be_holds_up_neither_the_screen_nor_its_keys() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.sessions()).unwrap();
    let fifo = sb.sessions().join(".vast.toml.lock");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only makes a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    // Old enough for the room screen to look whether a voer holds it (see room::follow).
    let old = libc::timespec {
        tv_sec: 1,
        tv_nsec: 0,
    };
    // SAFETY: a valid C string and two valid times; only the pipe's times change.
    assert_eq!(
        unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), [old, old].as_ptr(), 0) },
        0
    );
    let mut room = sb.voer(&["room"]);
    room.wait_for_text("Wachten op een gesprek", WAIT);
    room.send("q");
    assert!(room.wait_exit(WAIT).success());
}
