//! `voer actions` and `voer actions done`, by running the real binary on a folder of sessions.
use std::{fs, path::Path, process::Command};

use chrono::{DateTime, NaiveDate};
use voer::session::{Action, Session, store};

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

fn voer(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(crate::bin::voer_bin())
        .args(args)
        .arg("--sessions")
        .arg(home.join("sessions"))
        .current_dir(home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env("LANG", "nl_NL.UTF-8")
        .env("HOME", home)
        .output()
        .expect("run voer");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn action(id: &str, text: &str, owner: Option<&str>, due: Option<(i32, u32, u32)>) -> Action {
    Action {
        kind: Default::default(),
        to: None,
        answer: None,
        answered_at: None,
        id: id.into(),
        text: text.into(),
        owner: owner.map(str::to_string),
        due: due.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        due_text: None,
        done: false,
        step: 8,
        created_at: DateTime::parse_from_rfc3339("2026-11-20T14:50:00+01:00").unwrap(),
        ..Default::default()
    }
}

/// A real (not example) session of `group`, started at `at`, holding `actions`.
fn session(dir: &Path, group: &str, at: &str, actions: Vec<Action>) -> std::path::PathBuf {
    let mut s = Session::from_toml(EXAMPLE).unwrap();
    s.session.example = false;
    s.session.group = group.into();
    s.session.started_at = DateTime::parse_from_rfc3339(at).unwrap();
    s.actions = actions;
    // Made as a run makes it; the lock goes when this returns, as when that run ended.
    let (path, _lock) = store::create(dir, &s).unwrap();
    path
}

fn folder() -> (tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    session(
        &dir,
        "Cliëntenraad De Linde",
        "2026-10-01T14:00:00+02:00",
        vec![
            action(
                "linde1",
                "Notulen rondsturen",
                Some("Marieke"),
                Some((2020, 10, 8)),
            ),
            action("linde2", "Voorstel aan bestuur", None, Some((2099, 1, 5))),
            Action {
                kind: Default::default(),
                to: None,
                answer: None,
                answered_at: None,
                done: true,
                ..action("linde3", "Koffie regelen", Some("Bert"), Some((2020, 1, 1)))
            },
        ],
    );
    session(
        &dir,
        "clientenraad de linde",
        "2026-11-05T14:00:00+01:00",
        vec![Action {
            kind: Default::default(),
            to: None,
            answer: None,
            answered_at: None,
            due_text: Some("na de zomer".into()),
            ..action("linde4", "Bewoners vragen", Some("Anna"), None)
        }],
    );
    session(
        &dir,
        "Team 3B",
        "2026-11-10T09:00:00+01:00",
        vec![action(
            "team01",
            "Overdracht anders",
            Some("Kees"),
            Some((2099, 3, 1)),
        )],
    );
    // The example that comes with voer: never listed.
    let mut ex = Session::from_toml(EXAMPLE).unwrap();
    ex.actions = vec![action("exmpl1", "Voorbeeldafspraak", None, None)];
    store::save(&dir.join("voorbeeld.toml"), &ex).unwrap();
    fs::write(dir.join("kapot.toml"), "format_version = 2\n[session\n").unwrap();
    (home, dir)
}

#[test]
fn actions_of_every_group_earliest_first_overdue_marked_examples_left_out() {
    let (home, dir) = folder();
    let (code, out, err) = voer(home.path(), &["actions"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("Afspraken in {}\n", dir.display())),
        "{out}"
    );
    assert!(
        !out.contains("Voorbeeldafspraak"),
        "the example is left out: {out}"
    );
    // One group for both spellings of De Linde, named as its newest session names it.
    let linde = out.find("\nclientenraad de linde\n").expect(&out);
    let team = out.find("\nTeam 3B\n").expect(&out);
    assert!(linde < team, "{out}");
    assert!(!out.contains("Cliëntenraad De Linde\n"), "{out}");
    let row = |id: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap_or_else(|| panic!("{id} in {out}"))
            .to_string()
    };
    let first = row("linde3");
    assert!(first.contains("klaar"), "{first}");
    let overdue = row("linde1");
    assert!(overdue.contains("TE LAAT"), "{overdue}");
    assert!(
        overdue.contains("Marieke") && overdue.contains("8 okt 2020"),
        "{overdue}"
    );
    assert!(
        overdue.contains("1 okt 2026"),
        "the meeting it was agreed at: {overdue}"
    );
    assert!(row("linde2").contains("open"));
    assert!(row("linde4").contains("na de zomer"));
    // Earliest date first; no date last.
    let pos = |id| out.find(id).unwrap();
    assert!(pos("linde3") < pos("linde1"));
    assert!(pos("linde1") < pos("linde2"));
    assert!(pos("linde2") < pos("linde4"));
    // The corrupt file is named with its reason.
    assert!(out.contains("onleesbaar: kapot.toml: regel 2"), "{out}");

    let (_, open, _) = voer(
        home.path(),
        &["actions", "--open", "--group", "Cliëntenraad De Linde"],
    );
    assert!(!open.contains("linde3"), "done ones left out: {open}");
    assert!(open.contains("linde1") && open.contains("linde4"), "{open}");
    assert!(!open.contains("team01"), "{open}");
    let (_, none, _) = voer(home.path(), &["actions", "--group", "Bestuur"]);
    assert!(
        none.starts_with("Geen afspraken van 'Bestuur' in "),
        "{none}"
    );
}

#[test]
fn done_marks_the_action_in_its_own_file_and_is_refused_while_that_session_runs() {
    let (home, dir) = folder();
    let path = store::list(&dir)
        .unwrap()
        .into_iter()
        .find(|l| {
            l.session
                .as_ref()
                .is_ok_and(|s| s.session.group == "Team 3B")
        })
        .unwrap()
        .path;
    let before = fs::read_to_string(&path).unwrap();

    // Open in a run: the run holds the session's lock.
    let lock = store::SessionLock::acquire(&path).unwrap();
    let (code, _, err) = voer(home.path(), &["actions", "done", "TEAM01"]);
    assert_ne!(code, 0);
    assert!(err.contains("open in een gesprek"), "{err}");
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before, "not written");
    drop(lock);

    let (code, out, err) = voer(home.path(), &["actions", "done", "TEAM01"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "Afspraak team01 is klaar: Overdracht anders (Team 3B)\n"
    );
    let after = store::load(&path).unwrap();
    assert!(after.actions[0].done);
    let mut expected = Session::from_toml(&before).unwrap();
    expected.actions[0].done = true;
    assert_eq!(after, expected, "nothing else changed");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "owner only");
    }

    let (code, out, _) = voer(home.path(), &["actions", "done", "team01"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Afspraak team01 was al klaar"), "{out}");
    let (code, _, err) = voer(home.path(), &["actions", "done", "nope42"]);
    assert_ne!(code, 0);
    assert!(err.contains("Geen afspraak met id 'nope42'"), "{err}");
}

#[test]
fn a_run_sees_the_open_actions_of_its_groups_earlier_sessions_only() {
    let (_home, dir) = folder();
    // A later session of De Linde (not earlier than the run) and the run's own file.
    session(
        &dir,
        "Cliëntenraad De Linde",
        "2026-12-20T14:00:00+01:00",
        vec![action("later1", "Later", None, None)],
    );
    let mut run = Session::from_toml(EXAMPLE).unwrap();
    run.session.example = false;
    run.session.group = "CLIËNTENRAAD de Linde".into();
    run.session.started_at = DateTime::parse_from_rfc3339("2026-12-01T14:00:00+01:00").unwrap();
    run.actions = vec![action("eigen1", "Eigen", None, None)];
    // The run holds its session's lock.
    let (path, _lock) = store::create(&dir, &run).unwrap();

    let (earlier, taken, _) = voer::actions::folder::for_run(&dir, &run, &path);
    let ids: Vec<&str> = earlier.iter().map(|f| f.action.id.as_str()).collect();
    // Oldest meeting first; done ones, other groups, later sessions, its own and the
    // example's are left out.
    assert_eq!(ids, ["linde1", "linde2", "linde4"]);
    // Every id in the folder is taken, the example's too.
    for id in ["linde3", "team01", "exmpl1", "later1", "eigen1"] {
        assert!(taken.contains(id), "{id}");
    }
    assert_eq!(
        voer::actions::folder::open_for_group(
            &dir,
            "clientenraad de linde",
            run.session.started_at,
            &path
        ),
        earlier
    );
    // A meeting of the group that started in the same second (times are whole seconds) and
    // has ended is an earlier one too.
    session(
        &dir,
        "Cliëntenraad De Linde",
        "2026-12-01T14:00:00+01:00",
        vec![action("zelfde", "Net ervoor", None, None)],
    );
    let (earlier, _, _) = voer::actions::folder::for_run(&dir, &run, &path);
    assert!(
        earlier.iter().any(|f| f.action.id == "zelfde"),
        "{earlier:?}"
    );
    // An unnamed group has no earlier meetings.
    run.session.group = String::new();
    assert!(
        voer::actions::folder::for_run(&dir, &run, &path)
            .0
            .is_empty()
    );
}
