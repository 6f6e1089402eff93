//! A meeting as it really runs, in the real binary: the colours and tips a resume keeps, the
//! session's language after the screen closes.
use std::ffi::OsString;

use crate::common::*;

const CTRL_T: &str = "\x14";

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

/// Whether the screen has the projector's light background (the calm theme has none).
fn light_background(v: &Voer) -> bool {
    !matches!(v.background(2, 40), Some(vt100::Color::Default) | None)
}

#[test]
fn resume_keeps_the_projector_colours_and_the_hidden_tips() {
    let sb = Sandbox::new();
    let mut v = sb.voer(&[
        "run",
        "4",
        "--audience",
        "client-council",
        "--group",
        "Raad",
        "--projector",
    ]);
    v.wait_for_text("Stap 1 van", WAIT);
    for step in 2..=4 {
        v.send(RIGHT);
        v.wait_for_text(&format!("Stap {step} van"), WAIT);
    }
    assert!(light_background(&v), "--projector: dark on light");
    assert!(!v.screen().contains("Tip:"), "--projector hides the tips");
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let file = sb.session_file();
    let s = load(&file).unwrap();
    assert_eq!(
        s.session.theme,
        Some(voer::session::SessionTheme::Projector)
    );
    assert!(s.session.tips_hidden);

    // Resumed without --projector: the colours and the hidden tips are as they were.
    let mut v = sb.voer(&["resume"]);
    v.wait_for_text("Stap 4 van", WAIT);
    assert!(light_background(&v), "the projector's colours again");
    assert!(!v.screen().contains("Tip:"), "the tips still hidden");
    // Shown again with Ctrl+T: kept for the next resume too.
    v.send(CTRL_T);
    v.wait_for_text("Tip:", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let mut v = sb.voer(&["resume"]);
    v.wait_for_text("Stap 4 van", WAIT);
    v.wait_for_text("Tip:", WAIT);
    assert!(light_background(&v));
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn an_english_session_says_goodbye_in_english_whatever_the_locale() {
    let sb = Sandbox::new();
    let sessions = sb.sessions();
    let sessions = sessions.to_str().expect("a UTF-8 path");
    let c = [("LANG", "C")];
    let mut v = Voer::spawn(
        sb.path(),
        &args(&[
            "--lang",
            "en",
            "run",
            "4",
            "--audience",
            "client-council",
            "--group",
            "Council",
            "--sessions",
            sessions,
        ]),
        &c,
    );
    v.wait_for_text("Step 1 of", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert!(v.output().contains("Notes saved in"), "{}", v.output());
    // Resumed with the system's locale C, which is Dutch for voer: the session is English.
    let mut v = Voer::spawn(sb.path(), &args(&["resume", "--sessions", sessions]), &c);
    v.wait_for_text("Step 1 of", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let out = v.output();
    let after = out.rsplit("\x1b[?1049l").next().unwrap_or(&out);
    assert!(after.contains("Notes saved in"), "{after}");
    assert!(after.contains("To continue: voer resume"), "{after}");
    assert!(!after.contains("Notities"), "{after}");
}
