//! The lock of an open session, `.<session>.toml.lock`, removed or replaced while the meeting
//! runs: the voer that holds it notices within seconds (not only at its next save), makes it
//! again and says so, and a second voer started after that is refused.
use std::{fs, path::Path};

use crate::common::*;

fn lock_of(file: &Path) -> std::path::PathBuf {
    let name = file.file_name().unwrap().to_string_lossy();
    file.with_file_name(format!(".{name}.lock"))
}

fn second_is_refused(sb: &Sandbox, file: &Path) {
    let mut second = sb.voer(&["resume", file.to_str().unwrap()]);
    let status = second.wait_exit(WAIT);
    assert!(!status.success(), "a second voer opened the session");
    assert!(
        second
            .output()
            .contains("al geopend in een ander venster met voer"),
        "{}",
        second.output()
    );
}

/// Waits until a voer holds the lock file at `lock` (a shared lock on it is refused).
fn wait_until_held(lock: &Path) {
    wait_until("a voer to take the lock file again", || {
        let file = fs::File::open(lock).unwrap();
        matches!(file.try_lock_shared(), Err(fs::TryLockError::WouldBlock))
    });
}

#[test]
fn a_lock_removed_mid_meeting_is_made_again_and_keeps_a_second_voer_out() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Slottest");
    let file = sb.session_file();
    let lock = lock_of(&file);
    // Removed while nothing is typed, so no save comes to notice it.
    fs::remove_file(&lock).unwrap();
    v.wait_for_text("Het slotbestand van deze sessie was weg", WAIT);
    assert!(lock.exists());
    second_is_refused(&sb, &file);

    // Replaced by another file written over it: the same, once voer holds that one.
    let other = sb.sessions().join("ander");
    fs::write(&other, "").unwrap();
    fs::rename(&other, &lock).unwrap();
    wait_until_held(&lock);
    v.wait_for_text("Het slotbestand van deze sessie was weg", WAIT);
    second_is_refused(&sb, &file);

    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert!(!lock.exists(), "the lock goes with the run");
}
