//! The room screen end to end: `voer run` in one pseudo-terminal and `voer room` in another,
//! on the same sessions folder. Every wait is for a screen or a file, with a deadline.
use std::{
    fs,
    os::unix::fs::PermissionsExt,
    path::Path,
    thread,
    time::{Duration, Instant, SystemTime},
};

use crate::common::*;

const SPACE: &str = " ";
const CTRL_R: &str = "\x12";
const CTRL_B: &str = "\x02";
/// How long the room screen is watched for something that must not appear on it. How fast
/// changes reach it is a figure of benches/room_latency.py, not of this test: here every
/// wait is for the screen, with the harness's deadline, so a busy machine cannot fail it.
const WATCHED: Duration = Duration::from_millis(2500);

/// Watches a screen for `how_long` and fails if `bad` ever holds on it.
pub fn never(v: &Voer, how_long: Duration, what: &str, bad: impl Fn(&str) -> bool) {
    let end = Instant::now() + how_long;
    while Instant::now() < end {
        let s = v.screen();
        assert!(!bad(&s), "{what}; the room screen:\n{s}");
        thread::sleep(Duration::from_millis(20));
    }
}

fn stamp(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = fs::read(path).expect("the session file");
    let modified = fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("its time");
    (bytes, modified)
}

fn presence(file: &Path) -> std::path::PathBuf {
    let name = file.file_name().unwrap().to_string_lossy();
    file.with_file_name(format!(".{name}.room"))
}

#[test]
fn the_room_screen_follows_the_facilitator_and_writes_nothing_but_its_presence() {
    let sb = Sandbox::new();
    let mut room = sb.voer(&["room"]);
    room.wait_for_text("Wachten op een gesprek", WAIT);
    let mut run = start_run(&sb, "Zaaltest");
    let file = sb.session_file();
    room.wait_for_text("Aflevering 4", WAIT);
    // The room announces itself, privately; the facilitator's screen knows.
    run.wait_for_text("▣ zaal", WAIT);
    let mode = fs::metadata(presence(&file)).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the presence file is the owner's only");

    for (keys, facilitator, on_room) in [
        (RIGHT, "Stap 2 van", "We kijken de video"),
        (RIGHT, "Stap 3 van", "— Jef Mol"),
        (RIGHT, "Stap 4 van", "Vraag 1"),
    ] {
        run.send(keys);
        room.wait_for_text(on_room, WAIT);
        run.wait_for_text(facilitator, WAIT);
    }

    // The tips are the facilitator's: on the console, never on the room screen.
    let session = load(&file).unwrap();
    let tip = session.steps[3]
        .tip
        .clone()
        .expect("the first prompt has a tip");
    let tip_start: String = tip.chars().take(24).collect();
    run.wait_for_text(&tip_start, WAIT);
    never(
        &room,
        Duration::from_millis(300),
        "a tip on the room screen",
        |s| s.contains(&tip_start) || s.contains("Tip:"),
    );

    // The timer moves, pauses and goes on with the facilitator's.
    let before = room.screen();
    room.wait_for(WAIT, "the timer to move", |s| s != before);
    run.send(SPACE);
    room.wait_for_text("GEPAUZEERD", WAIT);
    let paused = room.screen();
    never(
        &room,
        Duration::from_millis(2200),
        "the timer moved while paused",
        |s| s != paused,
    );
    run.send(SPACE);
    room.wait_for_no_text("GEPAUZEERD", WAIT);
    let running = room.screen();
    room.wait_for(WAIT, "the timer to go on", |s| s != running);

    // Notes typed while the room does not show them stay off it …
    run.send(ENTER);
    run.wait_for_text("Notities — typen", WAIT);
    run.send("Meer tijd voor koffie");
    wait_for_file(&file, WAIT, "the notes", |s| {
        s.steps[3].notes.contains("koffie")
    });
    never(
        &room,
        WATCHED,
        "notes on the room screen while hidden",
        |s| s.contains("koffie"),
    );
    // … and reach it once the facilitator shows them (Ctrl+R, also while typing).
    run.send(CTRL_R);
    room.wait_for_text("Meer tijd voor koffie", WAIT);
    run.wait_for_text("zaal + notities", WAIT);
    run.send(" en de tuin");
    room.wait_for_text("koffie en de tuin", WAIT);

    // Blanking blanks the room screen too; any key brings both back.
    stop_typing(&mut run);
    run.send(CTRL_B);
    room.wait_for(WAIT, "a blank room screen", |s| s.trim().is_empty());
    run.send(ESC);
    room.wait_for_text("Vraag 1", WAIT);

    // The facilitator stops: the room waits for the next run and lets its presence go.
    run.send(CTRL_C);
    run.wait_exit(WAIT);
    let after_run = stamp(&file);
    room.wait_for_text("Wachten op een gesprek", WAIT);
    let gone = Instant::now() + WAIT;
    while presence(&file).exists() {
        assert!(
            Instant::now() < gone,
            "the presence file stays after the run"
        );
        thread::sleep(Duration::from_millis(20));
    }
    let files_before: Vec<_> = fs::read_dir(sb.sessions())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    room.send("q");
    room.wait_exit(WAIT);
    assert!(
        !room.alternate_screen(),
        "the room screen gives the terminal back"
    );
    assert_eq!(
        stamp(&file),
        after_run,
        "the room screen changed the session file"
    );
    let files_after: Vec<_> = fs::read_dir(sb.sessions())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(files_before, files_after);
    assert!(
        files_after
            .iter()
            .all(|n| !n.to_string_lossy().ends_with(".room"))
    );
}

#[test]
fn a_named_finished_session_shows_its_summary() {
    let sb = Sandbox::new();
    let mut run = start_run(&sb, "Klaar");
    for _ in 0..9 {
        run.send(PAGE_DOWN);
    }
    run.wait_for_text("Samenvatting", WAIT);
    run.send(CTRL_C);
    run.wait_exit(WAIT);
    let file = sb.session_file();
    let before = stamp(&file);
    let mut room = sb.voer(&["zaal", file.to_str().unwrap()]);
    room.wait_for_text("Het gesprek is afgerond", WAIT);
    room.wait_for_text("Totaal", WAIT);
    assert!(
        !room.screen().contains(".toml"),
        "no file paths on the room screen"
    );
    room.send(CTRL_C);
    room.wait_exit(WAIT);
    assert_eq!(stamp(&file), before);
}

/// How long the room screen is watched at rest, and how many read calls it may make in that
/// time: a file event taken in, a look at the folder every few seconds, the followed session
/// read once when its run saves. Before it ignored its own reads, it made tens of thousands.
#[cfg(target_os = "linux")]
const REST: Duration = Duration::from_secs(3);
#[cfg(target_os = "linux")]
const READS_AT_REST: u64 = 20;

/// The read calls of `v` over [`REST`], nothing being touched.
#[cfg(target_os = "linux")]
fn reads_at_rest(v: &Voer) -> u64 {
    let before = v.reads();
    // Not a wait for something to happen: the time the count is taken over.
    thread::sleep(REST);
    v.reads() - before
}

/// The room screen at rest costs what the run costs: in a folder with years of meetings it
/// reads nothing while it waits, nor while it shows the opening of the next meeting with what
/// the group agreed last time. Counted, not timed: the kernel counts its read calls.
#[cfg(target_os = "linux")]
#[test]
fn the_room_screen_at_rest_reads_nothing_in_a_folder_with_history() {
    let sb = Sandbox::new();
    let made = crate::lived_in::generate(&sb.sessions(), &crate::lived_in::Spec::new(150, 24))
        .expect("a lived-in folder");
    let room = sb.voer(&["room"]);
    room.wait_for_text("Wachten op een gesprek", WAIT);
    let waiting = reads_at_rest(&room);
    assert!(
        waiting <= READS_AT_REST,
        "waiting, the room screen made {waiting} read calls in {REST:?}"
    );

    let run = start_run(&sb, crate::lived_in::FIRST_GROUP);
    // The opening shows the group's open agreements of last time: read from their own files.
    let open = made.open_actions(crate::lived_in::FIRST_GROUP);
    let oldest = open.first().expect("the group has open actions");
    let owner = oldest.owner.clone().expect("an owner");
    room.wait_for_text("Vorige keer afgesproken", WAIT);
    room.wait_for_text(&format!("{} · {owner}", oldest.text), WAIT);
    run.wait_for_text("Stap 1 van", WAIT);
    let following = reads_at_rest(&room);
    assert!(
        following <= READS_AT_REST,
        "following the opening, the room screen made {following} read calls in {REST:?}"
    );
    assert!(
        room.screen().contains("Vorige keer afgesproken"),
        "{}",
        room.screen()
    );
}
