//! What voer prints on the terminal never holds a control or bidirectional character raw,
//! whatever the session files hold: not `voer sessions`, `voer actions`, an export to standard
//! output, nor a message that names a file. A long name cannot widen every line of a table.
use std::{fs, path::Path};

use voer::{printable::is_unsafe, session::Session};

use crate::bin::voer_in;

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

/// Overwrites what was printed (`Secret Group X` shows as `Group: Harmless`), repaints,
/// reorders.
const GROUP: &str = "Secret Group X\rGroup: Harmless \u{202e}kcab\u{2066}";
const NOTES: &str =
    "CSI\u{9b}2J esc\u{1b}[2J cr\rover \u{202e}drow\u{2069} \u{200e}\u{200f}\u{61c}";

/// A session of `group` with `notes` on every step and the example's actions, in `dir`.
fn session_in(dir: &Path, name: &str, group: &str, notes: &str) -> std::path::PathBuf {
    let mut s = Session::from_toml(EXAMPLE).unwrap();
    s.session.example = false;
    s.session.group = group.into();
    s.session.facilitator = format!("Anna{}", '\u{202e}');
    for st in &mut s.steps {
        st.notes = notes.into();
    }
    for a in &mut s.actions {
        a.text = format!("{}{notes}", a.text);
        a.owner = Some("Bram\u{202d}\u{9b}".into());
    }
    fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, s.to_toml()).unwrap();
    path
}

/// The characters of `out` that may not reach a terminal; a line may end in "\r\n".
fn raw(out: &str) -> Vec<char> {
    out.replace("\r\n", "\n")
        .chars()
        .filter(|&c| is_unsafe(c))
        .collect()
}

#[test]
fn exports_to_the_terminal_carry_no_control_or_bidirectional_character() {
    let home = tempfile::tempdir().unwrap();
    let path = session_in(&home.path().join("sessions"), "s.toml", GROUP, NOTES);
    for format in ["md", "txt", "html", "json", "csv"] {
        let ran = voer_in(
            home.path(),
            &["export", path.to_str().unwrap(), "--format", format],
        );
        assert_eq!(ran.code, 0, "{format}: {}", ran.err);
        assert!(ran.out.contains("Harmless"), "{format}: {}", ran.out);
        assert_eq!(raw(&ran.out), Vec::<char>::new(), "{format}:\n{}", ran.out);
    }
}

#[test]
fn sessions_and_actions_show_signs() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    session_in(&dir, "s.toml", GROUP, NOTES);
    for args in [&["sessions"][..], &["actions"]] {
        let ran = voer_in(home.path(), args);
        assert_eq!(ran.code, 0, "{args:?}: {}", ran.err);
        assert!(ran.out.contains("Harmless"), "{args:?}: {}", ran.out);
        assert_eq!(raw(&ran.out), Vec::<char>::new(), "{args:?}:\n{}", ran.out);
        assert_eq!(raw(&ran.err), Vec::<char>::new(), "{args:?}:\n{}", ran.err);
    }
}

#[test]
fn a_ten_thousand_character_group_name_is_cut_in_the_sessions_table() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    session_in(&dir, "s.toml", "Raad", "");
    session_in(&dir, "lang.toml", &"Cliëntenraad ".repeat(800), "");
    let ran = voer_in(home.path(), &["sessions"]);
    assert_eq!(ran.code, 0, "{}", ran.err);
    // The rows of the short names are not padded to the long one's width.
    for line in ran.out.lines() {
        assert!(
            line.chars().count() < 300,
            "a line of {} characters",
            line.len()
        );
    }
    assert!(ran.out.contains("Cliëntenraad Cliëntenraad"), "{}", ran.out);
}

#[test]
fn a_file_name_with_a_line_end_stays_on_its_line_in_a_message() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    // Two sessions with the same action id: `done` is refused and names both files.
    session_in(&dir, "eerste.toml", "Raad", "");
    session_in(&dir, "tweede\nvoer: alles is in orde.toml", "Raad", "");
    let id = Session::from_toml(EXAMPLE).unwrap().actions[0].id.clone();
    let ran = voer_in(home.path(), &["actions", "done", &id]);
    assert_ne!(ran.code, 0);
    assert!(
        ran.err.contains("tweede␊voer: alles is in orde.toml"),
        "{}",
        ran.err
    );
    assert_eq!(ran.err.trim_end().lines().count(), 1, "{}", ran.err);
}
