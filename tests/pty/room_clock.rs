//! The room screen's timer counts with the monotonic clock from the moment the file changed,
//! so a wall clock set 30 days ahead or 3 hours back on the projector's computer neither
//! shows `+43190:13` nor stands still. Needs `faketime` (Debian: faketime), which moves the
//! wall clock of one process and not its monotonic clock.
use std::{ffi::OsString, io::Write};

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

/// Waits until `moved` has shown what `room` showed for two seconds running (two screens of
/// `room`'s in a row): a timer that stood still, or ran from another time, does not.
fn keep_time_together(room: &Voer, moved: &Voer, offset: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    // `room`'s screens in the order they came, and which of them `moved` showed too.
    let mut seen: Vec<String> = Vec::new();
    let mut matched: Vec<usize> = Vec::new();
    loop {
        let (r, m) = (room.screen(), moved.screen());
        if seen.last() != Some(&r) {
            seen.push(r.clone());
        }
        let at = seen.len() - 1;
        if r == m && matched.last() != Some(&at) {
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
