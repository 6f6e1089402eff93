//! A speaking round of three names in the real binary, in a pseudo-terminal.
use crate::common::*;

const CTRL_W: &str = "\x17";
const CTRL_K: &str = "\x0b";
const TAB: &str = "\t";

#[test]
fn a_round_of_three_names_goes_by_name_and_ends_in_open_discussion() {
    let sb = Sandbox::new();
    let mut v = council_at_first_question(&sb, &["--participants", "Anna, Bert,Cor"]);
    // The council's first question is a round in the episode; Ctrl+W makes it an ordinary
    // question and a round again.
    v.wait_for_text("Nu: Anna", WAIT);
    v.send(CTRL_W);
    v.wait_for_no_text("Nu: Anna", WAIT);
    v.send(CTRL_W);
    v.wait_for_text("Nu: Anna", WAIT);
    v.wait_for_text("daarna: Bert", WAIT);
    v.send("koffie");
    v.wait_for_text("Anna: koffie", WAIT);
    v.send(TAB);
    v.wait_for_text("Nu: Bert", WAIT);
    v.send(CTRL_K);
    v.wait_for_text("Bert (gepast)", WAIT);
    v.wait_for_text("Nu: Cor", WAIT);
    v.send(TAB);
    v.wait_for_text("open gesprek", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let s = load(&sb.session_file()).unwrap();
    let round = s.steps[3].round.as_ref().expect("the round is in the file");
    assert_eq!(round.order, ["Anna", "Bert", "Cor"]);
    assert_eq!(round.current, 3);
    assert_eq!(round.turns_taken, 2);
    assert_eq!(round.passed, ["Bert"]);
    assert_eq!(s.session.participants, ["Anna", "Bert", "Cor"]);
    // Each speaker's line under their name; after the round, the open discussion's heading,
    // with nothing under it yet.
    assert_eq!(s.steps[3].notes, "Anna: koffie\n— Open gesprek —\n");
}
