//! Sessions named as `voer sessions` shows them, `--last` and `--group`, as a team leader
//! meets them the evening after a meeting: the real binary, run from another folder than the
//! sessions folder, which holds several groups' sessions and the example.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

use chrono::Duration;
use voer::session::Session;

use crate::export_support::*;

/// A home folder with a sessions folder in it, and another folder to start voer from.
struct Desk {
    home: tempfile::TempDir,
    sessions: PathBuf,
    elsewhere: PathBuf,
}

impl Desk {
    fn new() -> Desk {
        let home = tempfile::tempdir().expect("temp dir");
        let sessions = home.path().join("gegevens/voer/sessions");
        let elsewhere = home.path().join("Bureaublad");
        fs::create_dir_all(&sessions).expect("sessions folder");
        fs::create_dir_all(&elsewhere).expect("another folder");
        Desk {
            home,
            sessions,
            elsewhere,
        }
    }

    /// Saves `s` in the sessions folder under the name voer gives it; returns that name.
    fn put(&self, s: &Session) -> String {
        let name = s.file_name();
        fs::write(self.sessions.join(&name), s.to_toml()).expect("session written");
        name
    }

    /// voer in `lang`, started in the other folder, with the sessions folder given as a
    /// config or a data folder would give it.
    fn voer(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(crate::bin::voer_bin())
            .current_dir(&self.elsewhere)
            .args(args)
            .args(["--lang", lang, "--sessions"])
            .arg(&self.sessions)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .env("HOME", self.home.path())
            .env_remove("XDG_DATA_HOME")
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .output()
            .expect("voer runs")
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The fixture as a meeting of `group`, `days` after the fixture's, not the example.
fn meeting(group: &str, days: i64) -> Session {
    let mut s = fixture();
    s.session.example = false;
    s.session.group = group.into();
    let shift = Duration::days(days);
    s.session.started_at += shift;
    s.session.updated_at += shift;
    s.session.finished_at = s.session.finished_at.map(|t| t + shift);
    s
}

/// The example, as the repository's `sessions/` holds it, newer than every other session.
fn example(days: i64) -> Session {
    let mut s = meeting("Cliëntenraad De Linde", days);
    s.session.example = true;
    s
}

#[test]
fn a_session_is_exported_by_its_name_from_another_folder_with_or_without_toml() {
    let desk = Desk::new();
    let name = desk.put(&meeting("Cliëntenraad De Linde", 13));
    desk.put(&meeting("Team 3B", 2));
    let stem = name.strip_suffix(".toml").expect("a .toml name");
    for typed in [name.as_str(), stem] {
        let o = desk.voer("nl", &["export", typed]);
        assert!(o.status.success(), "{typed}: {}", err(&o));
        assert!(out(&o).starts_with("# Verslag: "), "{typed}: {}", out(&o));
        assert!(out(&o).contains("3 december 2026"), "{typed}: {}", out(&o));
    }
    // The report goes where the team leader is, not into the sessions folder.
    let o = desk.voer("nl", &["export", stem, "--output", "verslag.docx"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(desk.elsewhere.join("verslag.docx").is_file());
    assert!(!desk.sessions.join("verslag.docx").exists());
    // A path from here is still a path, and wins over a name.
    fs::write(desk.elsewhere.join(&name), meeting("Hier", 1).to_toml()).expect("copy here");
    let o = desk.voer("en", &["export", &name]);
    assert!(out(&o).contains("**Group:** Hier"), "{}", out(&o));
}

#[test]
fn a_name_found_nowhere_says_where_voer_looked_and_offers_the_nearest() {
    let desk = Desk::new();
    let name = desk.put(&meeting("Cliëntenraad De Linde", 13));
    let typo = name.replace("_1400_", "_1401_");
    let o = desk.voer("nl", &["export", &typo]);
    assert_eq!(o.status.code(), Some(1));
    let here = fs::canonicalize(&desk.elsewhere).expect("the folder");
    let e = err(&o);
    assert!(
        e.contains(&format!("Geen sessie ‘{typo}’ gevonden in "))
            && e.contains(&format!(" en {}.", desk.sessions.display()))
            && (e.contains(&here.display().to_string())
                || e.contains(&desk.elsewhere.display().to_string())),
        "{e}"
    );
    assert!(e.contains(&format!("Bedoelt u:\n  {name}\n")), "{e}");
    let o = desk.voer("en", &["resume", "de-linde"]);
    assert!(
        err(&o).contains(&format!("Did you mean:\n  {name}\n")),
        "{}",
        err(&o)
    );
}

#[test]
fn last_is_the_newest_session_finished_or_not_and_never_the_example() {
    let desk = Desk::new();
    desk.put(&meeting("Team 3B", 2));
    let mut unfinished = meeting("Cliëntenraad De Linde", 13);
    unfinished.session.status = voer::session::Status::InProgress;
    unfinished.session.finished_at = None;
    let newest = desk.put(&unfinished);
    desk.put(&example(40));
    let o = desk.voer("nl", &["export", "--last", "--output", "verslag.md"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        err(&o).contains(&format!("De nieuwste sessie: {newest}")),
        "{}",
        err(&o)
    );
    let md = fs::read_to_string(desk.elsewhere.join("verslag.md")).expect("written");
    assert!(
        md.contains("3 december 2026") && md.contains("niet afgerond"),
        "{md}"
    );

    // Only the example: it is not taken, and the message names it.
    let only = Desk::new();
    let name = only.put(&example(0));
    let o = only.voer("en", &["export", "--last"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).is_empty());
    assert!(
        err(&o).contains(&format!(
            "No sessions yet in {}\nThe example does not count; name it to use it: {name}",
            only.sessions.display()
        )),
        "{}",
        err(&o)
    );
}

#[test]
fn group_takes_every_session_of_the_group_however_it_is_spelled_oldest_first() {
    let desk = Desk::new();
    desk.put(&meeting("Cliëntenraad De Linde", -200));
    desk.put(&meeting("cliëntenraad de linde", 13));
    desk.put(&meeting("Cliëntenraad Het Anker", 5));
    desk.put(&example(40));
    let o = desk.voer(
        "nl",
        &[
            "export",
            "--group",
            "CLIENTENRAAD  de Linde",
            "--output",
            "jaar.md",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        err(&o).contains("Sessies van de groep ‘cliëntenraad de linde’: 2"),
        "{}",
        err(&o)
    );
    let md = fs::read_to_string(desk.elsewhere.join("jaar.md")).expect("written");
    assert!(!md.contains("Het Anker"), "{md}");
    // Oldest first, each meeting with its date, and the example never.
    let may = md
        .find("- Cliëntenraad De Linde — ")
        .expect("the May meeting");
    let december = md
        .find("- cliëntenraad de linde — ")
        .expect("the December meeting");
    assert!(may < december, "{md}");
    assert!(md.contains("### Cliëntenraad De Linde, 4 mei 2026"), "{md}");
    assert!(
        md.contains("### cliëntenraad de linde, 3 december 2026"),
        "{md}"
    );
    assert!(
        !md.contains("30 december 2026"),
        "the example is left out: {md}"
    );

    // A group that is not there: what is there instead.
    let o = desk.voer("en", &["export", "--group", "Clientenraad De Lind"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains(&format!(
            "No sessions of the group ‘Clientenraad De Lind’ in {}.\nGroups there: “cliëntenraad de linde”",
            desk.sessions.display()
        )),
        "{}",
        err(&o)
    );
}

#[test]
fn export_with_nothing_says_what_to_give_with_examples_from_the_folder() {
    let desk = Desk::new();
    desk.put(&meeting("Team 3B", 2));
    let name = desk.put(&meeting("Cliëntenraad De Linde", 13));
    let stem = name.strip_suffix(".toml").expect("a .toml name");
    let nl = desk.voer("nl", &["export"]);
    assert_eq!(nl.status.code(), Some(1));
    let e = err(&nl);
    assert!(!e.contains("ontbreekt") && !e.contains("<FILE>"), "{e}");
    assert!(
        e.starts_with(&format!(
            "voer: Welke sessie? Geef een naam zoals `voer sessions` die toont, of --last of \
             --group. Bijvoorbeeld, met de sessies in {}:\n",
            desk.sessions.display()
        )),
        "{e}"
    );
    for line in [
        "  voer export --last                            de nieuwste (2026-12-03 14:00, Cliëntenraad De Linde)\n",
        "  voer export --group \"Cliëntenraad De Linde\"   alle sessies van die groep\n",
        &format!("  voer export {stem}\n"),
    ] {
        assert!(e.contains(line), "{line:?} in {e}");
    }
    let en = desk.voer("en", &["export"]);
    let e = err(&en);
    assert!(
        e.contains("Which session? Give a name as `voer sessions` shows it"),
        "{e}"
    );
    assert!(
        e.contains("the newest (2026-12-03 14:00, Cliëntenraad De Linde)"),
        "{e}"
    );
    assert!(e.contains("every session of that group"), "{e}");
    assert!(!e.contains("missing"), "{e}");

    let empty = Desk::new();
    let e = err(&empty.voer("nl", &["export"]));
    assert!(
        e.contains(&format!(
            "Nog geen sessies in {}. Na een gesprek vindt `voer export --last` het nieuwste.",
            empty.sessions.display()
        )),
        "{e}"
    );
}

/// The cells of the table's rows (two spaces or more between them), without the heading
/// line above the table.
fn rows(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn the_sessions_table_speaks_its_language_and_marks_an_empty_session() {
    let desk = Desk::new();
    desk.put(&meeting("Cliëntenraad De Linde", 13));
    let mut opened = meeting("Team 3B", 20);
    opened.session.audience = voer::episode::Audience::Team;
    for st in &mut opened.steps {
        st.notes.clear();
    }
    opened.actions.clear();
    desk.put(&opened);
    for (lang, council, team, empty, notes) in [
        (
            "nl",
            "Cliëntenraad",
            "Zorgteam / medewerkers",
            "leeg",
            "Notities",
        ),
        (
            "en",
            "Client council",
            "Care team / staff",
            "empty",
            "Notes",
        ),
    ] {
        let o = desk.voer(lang, &["sessions"]);
        assert!(o.status.success(), "{}", err(&o));
        let table = out(&o);
        let rows = rows(&table);
        assert_eq!(rows[0][5], notes, "{table}");
        // Newest first: the opened and closed team session, then the council's.
        assert_eq!(rows[1][2], team, "{table}");
        assert_eq!(rows[1][5], empty, "{table}");
        assert_eq!(rows[2][2], council, "{table}");
        assert_eq!(rows[2][5], fixture().note_lines().to_string(), "{table}");
        assert!(!rows.iter().any(|r| r[2] == "client-council"), "{table}");
    }
}

#[test]
fn resume_and_room_find_a_session_by_its_name_too() {
    let desk = Desk::new();
    let mut s = meeting("Cliëntenraad De Linde", 13);
    s.session.status = voer::session::Status::InProgress;
    let name = desk.put(&s);
    let stem = name.strip_suffix(".toml").expect("a .toml name");
    // Found: what stops them is that their screen would go into a pipe, not the name.
    for command in ["resume", "room"] {
        let o = desk.voer("en", &[command, stem]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            err(&o).contains("needs a terminal"),
            "{command}: {}",
            err(&o)
        );
        let o = desk.voer("en", &[command, "weg"]);
        assert!(
            err(&o).contains("No session ‘weg’ found in"),
            "{command}: {}",
            err(&o)
        );
    }
}

#[test]
fn a_folder_path_is_a_path_not_a_name() {
    let desk = Desk::new();
    let name = desk.put(&meeting("Cliëntenraad De Linde", 13));
    let typed = Path::new("ergens").join(&name);
    let o = desk.voer("nl", &["export", typed.to_str().expect("UTF-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("Geen sessie: "), "{}", err(&o));
    assert!(err(&o).contains("bestaat niet."), "{}", err(&o));
    // Offered, not taken.
    assert!(err(&o).contains(&format!("\n  {name}\n")), "{}", err(&o));
}

/// `voer -g G export --last`: the group before the command and `--last` after it. Which one
/// was meant is not clear, and voer says so (it said `--group` had no place in an export).
#[test]
fn a_group_before_the_command_and_last_after_it_asks_for_one() {
    let desk = Desk::new();
    desk.put(&meeting("Cliëntenraad De Linde", -3));
    let o = desk.voer("nl", &["-g", "De Linde", "export", "--last"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(
        err(&o).contains("--group en nog een keuze (--last, --expired of een naam) samen"),
        "{}",
        err(&o)
    );
    assert!(!err(&o).contains("hoort bij een gesprek"), "{}", err(&o));
    let o = desk.voer("en", &["-g", "De Linde", "delete", "--expired"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("voer delete --group"), "{}", err(&o));
    // Before the command and nothing else: that group's sessions, as ever.
    let o = desk.voer("nl", &["-g", "clientenraad de linde", "export"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("Cliëntenraad De Linde"), "{}", out(&o));
}
