//! A panic inside the real binary, with the screen open in a pseudo-terminal, gives the terminal
//! back: the alternate screen is left, raw mode and bracketed paste are off, the cursor shows,
//! and the panic's message is printed on the ordinary screen.
//!
//! The panic is forced with `VOER_TEST_PANIC=1`, which `run_session` in `src/tui.rs` reads right
//! after the first frame (so the cursor is hidden too); it exists only for this test.

use std::ffi::OsString;

use crate::common::{
    ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN, SHOW_CURSOR, Sandbox, Voer, WAIT, contains_bytes,
};

fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

#[test]
fn a_panic_gives_the_terminal_back() {
    let sb = Sandbox::new();
    let args: Vec<OsString> = [
        "run",
        "4",
        "--audience",
        "client-council",
        "--group",
        "Paniek",
        "--lang",
        "nl",
        "--sessions",
    ]
    .iter()
    .map(OsString::from)
    .chain([sb.sessions().into_os_string()])
    .collect();
    let mut v = Voer::spawn(sb.path(), &args, &[("VOER_TEST_PANIC", "1")]);
    let status = v.wait_exit(WAIT);
    assert!(!status.success(), "a panic ends voer with a failure");

    let raw = v.raw();
    let entered = find_from(&raw, ENTER_ALT_SCREEN, 0).expect("the screen was opened");
    let frame = find_from(&raw, b"Aflevering", entered).expect("the first frame was drawn");
    let hidden = find_from(&raw, b"\x1b[?25l", entered).expect("the frame hid the cursor");
    let left = find_from(&raw, LEAVE_ALT_SCREEN, entered)
        .unwrap_or_else(|| panic!("the alternate screen was not left: {:?}", v.output()));
    let message = find_from(&raw, b"VOER_TEST_PANIC", entered)
        .unwrap_or_else(|| panic!("no panic message: {:?}", v.output()));
    assert!(frame < left && hidden < left);
    assert!(
        left < message,
        "the panic message is printed after the screen is left, where it can be read"
    );
    assert!(
        find_from(&raw, SHOW_CURSOR, hidden).is_some(),
        "the cursor is shown again"
    );
    assert!(
        contains_bytes(&raw[entered..], b"\x1b[?2004l"),
        "bracketed paste is turned off"
    );
    assert!(v.terminal_is_cooked(), "raw mode is off");
    assert!(!v.alternate_screen());
    assert!(!v.bracketed_paste());
}
