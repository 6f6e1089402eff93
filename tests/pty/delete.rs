//! `voer delete` beside a running meeting: the session the run has open is refused, nothing
//! goes, and the meeting goes on; once it has ended, the same command deletes it, asking on the
//! terminal first.
use crate::common::*;

#[test]
fn a_session_open_in_a_run_is_refused_until_the_run_ends() {
    let sb = Sandbox::new();
    let mut run = start_run(&sb, "Raad");
    let file = sb.session_file();
    let name = file.file_stem().unwrap().to_string_lossy().into_owned();

    let mut refused = sb.voer(&["delete", &name, "--yes"]);
    assert!(!refused.wait_exit(WAIT).success());
    refused.wait_for_text("is geopend in een lopende voer", WAIT);
    assert!(file.exists());
    // The meeting goes on.
    run.send(RIGHT);
    run.wait_for_text("Stap 2 van", WAIT);
    run.send(CTRL_C);
    assert!(run.wait_exit(WAIT).success());

    let mut delete = sb.voer(&["delete", &name]);
    delete.wait_for_text("Typ ja en Enter", WAIT);
    delete.send("ja\r");
    assert!(delete.wait_exit(WAIT).success(), "{}", delete.screen());
    delete.wait_for_text("Verwijderd: 1 sessie,", WAIT);
    assert!(!file.exists());
}
