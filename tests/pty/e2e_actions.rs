//! End-to-end: an action recorded with Ctrl+A in one meeting is on the opening of the group's
//! next meeting, and marked done there in its own file.

use crate::common::*;
use voer::session::Status;

const CTRL_A: &str = "\x01";
const CTRL_L: &str = "\x0c";
const TAB: &str = "\t";

#[test]
fn an_action_recorded_in_one_meeting_is_on_the_opening_of_the_next() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Cliëntenraad De Linde");
    to_first_prompt_typing(&mut v);
    v.send("Idee: zelf de kalender maken");
    v.wait_for_text("zelf de kalender maken", WAIT);
    // Ctrl+A from the notes: the form, then back to typing.
    v.send(CTRL_A);
    v.wait_for_text("Afspraak vastleggen", WAIT);
    v.send("Voorstel schrijven");
    v.send(TAB);
    v.send("Meneer Bakker");
    v.send(TAB);
    v.send("volgende week");
    v.send(ENTER);
    v.wait_for_text(
        "Afspraak vastgelegd: Voorstel schrijven · Meneer Bakker",
        WAIT,
    );
    v.send(" en delen");
    let first = sb.session_file();
    let s = wait_for_file(&first, WAIT, "the action and the notes", |s| {
        s.actions.len() == 1 && s.steps[3].notes.ends_with("maken en delen")
    });
    let action = s.actions[0].clone();
    assert_eq!(action.owner.as_deref(), Some("Meneer Bakker"));
    assert!(action.due.is_some());
    assert!(!action.done);
    stop_typing(&mut v);
    // To the summary: the table of actions.
    for step in 5..=8 {
        v.send(RIGHT);
        v.wait_for_text(&format!("Stap {step} van 8"), WAIT);
    }
    v.send(RIGHT);
    v.wait_for_text("Samenvatting", WAIT);
    v.wait_for_text("Afspraken", WAIT);
    assert!(v.screen().contains("Voorstel schrijven"), "{}", v.screen());
    wait_for_file(&first, WAIT, "finished", |s| {
        s.session.status == Status::Finished
    });
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());

    // The next meeting of the same group (another spelling of its name), with the room screen.
    let mut room = sb.voer(&["room"]);
    room.wait_for_text("Wachten op een gesprek", WAIT);
    let mut v = start_run(&sb, "clientenraad de linde");
    v.wait_for_text("Vorige keer afgesproken", WAIT);
    v.wait_for_text("[ ] Voorstel schrijven · Meneer Bakker", WAIT);
    room.wait_for_text("Vorige keer afgesproken", WAIT);
    room.wait_for_text("Voorstel schrijven · Meneer Bakker", WAIT);
    // Marked done from the list, in the file it belongs to.
    v.send(CTRL_L);
    v.wait_for_text("Afspraken van dit gesprek", WAIT);
    v.send(" ");
    v.wait_for_text("Bewaard in", WAIT);
    v.wait_for_text("[x] Voorstel schrijven", WAIT);
    let s = wait_for_file(&first, WAIT, "done in its own file", |s| s.actions[0].done);
    assert_eq!(s.actions[0].id, action.id);
    // Done, it is no longer on the table in the room.
    room.wait_for_no_text("Vorige keer afgesproken", WAIT);
    room.send("q");
    assert!(room.wait_exit(WAIT).success());
    v.send(ESC);
    // Esc and the next key at once would read as Alt and that key.
    v.wait_for_no_text("Afspraken van dit gesprek", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let files = sb.session_files();
    assert_eq!(files.len(), 2);
    let second = files.iter().find(|f| **f != first).unwrap();
    assert!(
        load(second).unwrap().actions.is_empty(),
        "never copied into the new session"
    );

    // `voer actions` shows it once, done.
    let mut v = sb.voer(&["actions"]);
    assert!(v.wait_exit(WAIT).success());
    let out = v.output();
    assert_eq!(out.matches("Voorstel schrijven").count(), 1, "{out}");
    assert!(out.contains("klaar"), "{out}");
}
