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
    let mut v = council_at_first_question(&sb, &["--projector"]);
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

const TAB: &str = "\t";
const CTRL_A: &str = "\x01";
const CTRL_K: &str = "\x0b";
const PAGE_UP: &str = "\x1b[5~";

/// The test's own episodes: a council episode with a round and a prompt in phases.
const PROMPTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pty/prompts");
/// What the export of the replayed meeting must say, line by line (times masked). After a
/// change that is meant to change it, `VOER_WRITE_GOLDEN=1` writes it anew: review its diff.
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pty/meeting.golden.md");

/// Types text and waits until `shown` is on the screen, so that every key was taken in
/// before the next one comes.
fn type_and_see(v: &mut Voer, text: &str, shown: &str) {
    v.send(text);
    v.wait_for_text(shown, WAIT);
}

/// Types text and waits until it is on the screen.
fn type_seen(v: &mut Voer, text: &str) {
    type_and_see(v, text, text);
}

/// The report with what changes from run to run (the date, the clock times, the minutes
/// spent) masked, so that the rest can be compared line by line.
fn masked(report: &str) -> String {
    report
        .lines()
        .map(|line| {
            for fact in ["- **Datum:** ", "- **Tijd:** "] {
                if line.starts_with(fact) {
                    return format!("{fact}‹…›");
                }
            }
            match line.find("werkelijk ") {
                Some(at) if line.starts_with('*') && line.ends_with('*') => {
                    format!("{}werkelijk ‹…›*", &line[..at])
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A whole client council meeting as a facilitator runs it, from the picker to the export:
/// a round of seven where Tab comes without Enter, a pass, notes typed after Esc, a paste, an
/// action, a phase change, the room screen following, quit and resume, the summary. The
/// exported Markdown must hold every line in its place, under the right name.
#[test]
fn a_whole_council_meeting_exports_every_line_under_the_right_name() {
    let sb = Sandbox::new();
    // The facilitator's name in the config file, as a facilitator would keep it.
    let config = sb.path().join(".config/voer");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("voer.toml"), "facilitator = \"Marieke\"\n").unwrap();

    // The picker: episode 9 (the test's own), the council, the group, who leads, who speaks.
    let mut v = sb.voer(&["--prompts", PROMPTS, "run"]);
    v.wait_for_text("Kies een aflevering", WAIT);
    v.send("9");
    v.wait_for_text("▶  9", WAIT);
    v.send(ENTER);
    v.wait_for_text("Kies de doelgroep", WAIT);
    v.send(ENTER);
    v.wait_for_text("Gespreksleider", WAIT);
    v.wait_for_text("Marieke", WAIT);
    type_seen(&mut v, "Cliëntenraad De Linde");
    v.send(TAB);
    v.send(TAB);
    type_and_see(
        &mut v,
        "Truus, Joop, Bram, Fatima, Kees, Els, Henk",
        "Kees, Els, Henk",
    );
    v.send(ENTER);
    v.wait_for_text("Stap 1 van 7", WAIT);
    v.send(PAGE_DOWN);
    v.wait_for_text("Stap 2 van 7", WAIT);

    // The room screen on the projector follows; the console says so with its sign.
    let mut room = sb.voer(&["room"]);
    room.wait_for_text("We kijken de video", WAIT);
    v.wait_for_text("▣", WAIT);
    v.send(PAGE_DOWN);
    v.wait_for_text("Stap 3 van 7", WAIT);
    v.send(PAGE_DOWN);
    v.wait_for_text("Stap 4 van 7", WAIT);
    v.wait_for_text("Nu: Truus", WAIT);
    room.wait_for_text("Nu: Truus", WAIT);

    // The round: Tab without Enter, every time.
    type_and_see(&mut v, "de video was mooi", "Truus: de video was mooi");
    v.send(TAB);
    v.wait_for_text("Nu: Joop", WAIT);
    type_and_see(
        &mut v,
        "vindt de maaltijden prima",
        "Joop: vindt de maaltijden prima",
    );
    v.send(TAB);
    v.wait_for_text("Nu: Bram", WAIT);
    // Bram passes.
    v.send(CTRL_K);
    v.wait_for_text("Nu: Fatima", WAIT);
    room.wait_for_text("Nu: Fatima", WAIT);
    type_and_see(&mut v, "mist de tuin", "Fatima: mist de tuin");
    // Esc, and on typing: a fresh line, still hers.
    stop_typing(&mut v);
    type_and_see(&mut v, "en de bankjes", "Fatima: en de bankjes");
    v.send(TAB);
    v.wait_for_text("Nu: Kees", WAIT);
    // A paste of two lines: both under his name.
    v.paste("koffie om tien uur\nthee om drie uur");
    v.wait_for_text("Kees: thee om drie uur", WAIT);
    // An action, as it is said, while typing.
    v.send(CTRL_A);
    v.wait_for_text("Afspraak vastleggen", WAIT);
    type_seen(&mut v, "Voorstel schrijven");
    v.send(TAB);
    type_seen(&mut v, "Truus");
    v.send(TAB);
    type_seen(&mut v, "na de zomer");
    v.send(ENTER);
    v.wait_for_text("'na de zomer' is geen datum", WAIT);
    v.send(TAB);
    v.wait_for_text("Nu: Els", WAIT);
    type_and_see(
        &mut v,
        "wil vaker naar buiten",
        "Els: wil vaker naar buiten",
    );
    v.send(TAB);
    v.wait_for_text("Nu: Henk", WAIT);
    type_and_see(
        &mut v,
        "sluit zich aan bij Els",
        "Henk: sluit zich aan bij Els",
    );
    v.send(TAB);
    v.wait_for_text("open gesprek", WAIT);
    v.wait_for_text("— Open gesprek —", WAIT);
    type_seen(&mut v, "iedereen wil een vast aanspreekpunt");

    // The question in phases: Tab moves to the next one, under its heading.
    v.send(PAGE_DOWN);
    v.wait_for_text("Stap 5 van 7", WAIT);
    v.wait_for_text("Fase 1/3: Alleen", WAIT);
    type_seen(&mut v, "ieder schrijft voor zich");
    v.send(TAB);
    v.wait_for_text("Fase 2/3: Tweetallen", WAIT);
    v.wait_for_text("— Tweetallen —", WAIT);
    type_seen(&mut v, "de tuin samen onderhouden");

    // Quit halfway, and resume.
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert!(v.output().contains("voer resume"), "{}", v.output());
    let mut v = sb.voer(&["--prompts", PROMPTS, "resume"]);
    v.wait_for_text("Stap 5 van 7", WAIT);
    v.wait_for_text("Fase 2/3: Tweetallen", WAIT);
    type_seen(&mut v, "na de pauze: een moestuin");
    v.send(TAB);
    v.wait_for_text("Fase 3/3: Iedereen", WAIT);
    type_seen(&mut v, "samen kiezen we de planten");
    v.send(PAGE_DOWN);
    v.wait_for_text("Stap 6 van 7", WAIT);
    type_seen(&mut v, "voorstel aan de bestuurder: een moestuin");
    // One PageDown too many is the summary: finished, and said so; PageUp opens it again.
    v.send(PAGE_DOWN);
    v.wait_for_text("Stap 7 van 7", WAIT);
    v.wait_for_text("Dank u wel!", WAIT);
    v.wait_for_text("PageUp opent het weer", WAIT);
    room.wait_for_text("Dank u wel!", WAIT);
    v.send(PAGE_UP);
    v.wait_for_text("weer geopend", WAIT);
    v.send(PAGE_DOWN);
    v.wait_for_text("Stap 7 van 7", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert!(v.output().contains("voer export"), "{}", v.output());
    room.send("q");
    assert!(room.wait_exit(WAIT).success());

    // The export, as the closing message says.
    let file = sb.session_file();
    let out = sb.path().join("verslag.md");
    let status = std::process::Command::new(voer_bin())
        .arg("export")
        .arg(&file)
        .args(["--format", "md", "--output"])
        .arg(&out)
        .args(["--lang", "nl"])
        .arg("--sessions")
        .arg(sb.sessions())
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.path().join(".config"))
        .env("XDG_DATA_HOME", sb.path().join(".local/share"))
        .status()
        .expect("voer export runs");
    assert!(status.success());
    let report = masked(&std::fs::read_to_string(&out).expect("the report"));
    if std::env::var_os("VOER_WRITE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, format!("{report}\n")).unwrap();
    }
    let golden = std::fs::read_to_string(GOLDEN).expect("the golden report");
    let (want, got): (Vec<&str>, Vec<&str>) = (golden.lines().collect(), report.lines().collect());
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        assert_eq!(g, w, "line {} of the report:\n{report}", i + 1);
    }
    assert_eq!(got.len(), want.len(), "the report:\n{report}");
}
