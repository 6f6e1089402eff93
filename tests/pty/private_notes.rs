//! The facilitator's private notes end to end: typed on the console with `Ctrl+F`, saved in
//! the session file as `private_notes`, never on the room screen, even while it shows the
//! group's notes.
use crate::{common::*, room::never};

const CTRL_F: &str = "\x06";
const CTRL_R: &str = "\x12";

#[test]
fn private_notes_are_saved_and_never_reach_the_room_screen() {
    let sb = Sandbox::new();
    let room = sb.voer(&["room"]);
    room.wait_for_text("Wachten op een gesprek", WAIT);
    let mut run = start_run(&sb, "Raad");
    let file = sb.session_file();
    room.wait_for_text("Aflevering 4", WAIT);
    to_first_prompt_typing(&mut run);
    room.wait_for_text("Vraag 1", WAIT);
    // The room shows the group's notes.
    run.send(CTRL_R);
    run.send("Meer tijd voor koffie");
    room.wait_for_text("Meer tijd voor koffie", WAIT);

    // Ctrl+F: the facilitator's own notes, and the panel says so.
    run.send(CTRL_F);
    run.wait_for_text("Privénotities", WAIT);
    run.send("Meneer P. vertelde over zijn diagnose");
    wait_for_file(&file, WAIT, "the private notes", |s| {
        s.steps[3].private_notes.contains("diagnose")
    });
    let saved = load(&file).unwrap();
    assert_eq!(saved.steps[3].notes, "Meer tijd voor koffie");
    never(
        &room,
        std::time::Duration::from_millis(2500),
        "private notes on the room screen",
        |s| s.contains("diagnose") || s.contains("Privé"),
    );

    // Back to the group's notes: the room follows them as before, and still not the others.
    run.send(CTRL_F);
    run.wait_for_no_text("Privénotities", WAIT);
    run.send(" en thee");
    room.wait_for_text("koffie en thee", WAIT);
    assert!(!room.screen().contains("diagnose"), "{}", room.screen());
    wait_for_file(&file, WAIT, "both notes", |s| {
        s.steps[3].notes == "Meer tijd voor koffie en thee"
            && s.steps[3].private_notes == "Meneer P. vertelde over zijn diagnose"
    });
}
