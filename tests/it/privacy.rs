//! Privacy a care organisation can sign off: `voer delete` removes a session and exactly what
//! voer wrote for it; the retention period marks, counts and removes what is past it; the
//! facilitator's private notes stay out of every report unless asked for; `--anonymous` leaves
//! no participant's name in any format; `voer privacy` says what is stored where.
use std::{
    collections::BTreeSet,
    fs,
    io::Write,
    path::{Path, PathBuf},
    process::Stdio,
};

use chrono::{DateTime, FixedOffset};
use voer::{
    commands::sessions::{Retention, render as sessions_list},
    export::{self, Format, Options},
    lang::Lang,
    session::{Action, Session, retention, store},
};

use crate::{
    bin::{Ran, command, ran, voer_in},
    export_support::{FORMATS, fixture, report_text},
};

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A session of one's own of `group`, started at `at`, with one action `id`, made as a run
/// makes it (the lock goes when this returns, as when the run ended).
fn session_in(dir: &Path, group: &str, started: &str, id: &str) -> PathBuf {
    let mut s = Session::from_toml(EXAMPLE).unwrap();
    s.session.example = false;
    s.session.group = group.into();
    s.session.started_at = at(started);
    s.actions = vec![Action {
        id: id.into(),
        text: format!("Afspraak {id}"),
        created_at: at(started),
        ..Action::default()
    }];
    let (path, _lock) = store::create(dir, &s).unwrap();
    path
}

/// Writes the `Ctrl+E` report beside the session at `path` and records it, as a run does.
fn report_beside(path: &Path, contents: &str) -> PathBuf {
    let mut s = store::load(path).unwrap();
    let w = store::write_report(
        path,
        &s.reports,
        contents.as_bytes(),
        at("2026-11-20T15:00:00+01:00"),
    )
    .unwrap();
    s.reports.push(w.record);
    store::save(path, &s).unwrap();
    w.path
}

/// `path` from `root`, its parts joined by `/` on every system.
fn relative(root: &Path, path: &Path) -> String {
    let parts: Vec<String> = path
        .strip_prefix(root)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Every file under `dir`, by its path from there.
fn files(dir: &Path) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(relative(root, &p));
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

/// voer with `input` on its standard input (none: an input that ends at once).
fn voer_answering(home: &Path, args: &[&str], input: Option<&str>) -> Ran {
    let mut child = command(home)
        .args(args)
        .arg("--sessions")
        .arg(home.join("sessions"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(text) = input {
        stdin.write_all(text.as_bytes()).unwrap();
    }
    drop(stdin);
    ran(&child.wait_with_output().unwrap())
}

/// A home with an empty sessions folder in it.
fn empty_folder() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    (home, dir)
}

fn name(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// A folder as it is after a year of meetings: the session to delete with its lock (left by a
/// run that crashed), its room screen's presence, its report (unchanged), a second report
/// changed by hand, a rescue copy; a report someone made by hand; another group's session with
/// its own report and rescue copy.
struct Lived {
    home: tempfile::TempDir,
    dir: PathBuf,
    /// Where voer keeps rescue copies with this home; `None` where that is not in the home
    /// (on Windows, the user's own data folder), so that no test writes there.
    rescue: Option<PathBuf>,
    doomed: PathBuf,
    other: PathBuf,
}

fn lived() -> Lived {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir_all(&dir).unwrap();
    // As voer itself names it.
    let privacy = voer_in(home.path(), &["privacy"]);
    let rescue = privacy
        .out
        .lines()
        .find_map(|l| l.strip_prefix("- Reddingsmap: "))
        .map(PathBuf::from)
        .filter(|r| r.starts_with(home.path()));
    let doomed = session_in(
        &dir,
        "Cliëntenraad De Linde",
        "2026-10-01T14:00:00+02:00",
        "lind01",
    );
    let other = session_in(&dir, "Team 3B", "2026-10-02T09:00:00+02:00", "team01");
    // A report, then changed by hand: it is the user's now; the next one goes beside it.
    let first = report_beside(&doomed, "# Verslag\n");
    fs::write(&first, "# Verslag, met de hand aangevuld\n").unwrap();
    let second = report_beside(&doomed, "# Verslag, later\n");
    assert_ne!(second, first);
    report_beside(&other, "# Verslag van het team\n");
    fs::write(dir.join(format!(".{}.toml.lock", name(&doomed))), "").unwrap();
    fs::write(dir.join(format!(".{}.toml.room", name(&doomed))), "zaal").unwrap();
    fs::write(dir.join("notities-van-anna.md"), "met de hand\n").unwrap();
    if let Some(rescue) = &rescue {
        fs::create_dir_all(rescue).unwrap();
        for p in [&doomed, &other] {
            fs::copy(p, rescue.join(p.file_name().unwrap())).unwrap();
        }
    }
    Lived {
        home,
        dir,
        rescue,
        doomed,
        other,
    }
}

#[test]
fn delete_removes_exactly_the_sessions_own_files_and_nothing_else() {
    let l = lived();
    // The folder's cache holds the sessions (as files settled a while ago).
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for f in fs::read_dir(&l.dir).unwrap() {
        let f = fs::File::options()
            .append(true)
            .open(f.unwrap().path())
            .unwrap();
        f.set_modified(past).unwrap();
    }
    assert_eq!(voer_in(l.home.path(), &["sessions"]).code, 0);
    let cache = l.dir.join(".voer-cache.json");
    let doomed = name(&l.doomed);
    let cached = fs::read_to_string(&cache).unwrap();
    assert!(cached.contains(&doomed) && cached.contains(&name(&l.other)));
    let before = files(l.home.path());
    let r = voer_in(l.home.path(), &["delete", &doomed, "--yes"]);
    assert_eq!(r.code, 0, "{}\n{}", r.out, r.err);
    // Its entries are gone from the cache; the other group's stay.
    let cached = fs::read_to_string(&cache).unwrap();
    assert!(!cached.contains(&doomed), "{cached}");
    assert!(cached.contains(&name(&l.other)), "{cached}");
    let after = files(l.home.path());
    let gone: BTreeSet<String> = before.difference(&after).cloned().collect();
    let rescued = |name: &str| {
        l.rescue
            .as_ref()
            .map(|r| relative(l.home.path(), &r.join(format!("{name}.toml"))))
    };
    let mut expected: BTreeSet<String> = [
        format!("sessions/{doomed}.toml"),
        format!("sessions/.{doomed}.toml.lock"),
        format!("sessions/.{doomed}.toml.room"),
        format!("sessions/{doomed}-2.md"),
    ]
    .into();
    expected.extend(rescued(&doomed));
    assert_eq!(gone, expected, "{}", r.out);
    assert!(after.is_subset(&before), "nothing new: {after:?}");
    // What stays: the report changed by hand, the one made by hand, the other group's.
    let other = name(&l.other);
    let stays = [
        format!("sessions/{doomed}.md"),
        "sessions/notities-van-anna.md".to_string(),
        format!("sessions/{other}.toml"),
        format!("sessions/{other}.md"),
    ];
    for stays in stays.into_iter().chain(rescued(&other)) {
        assert!(after.contains(&stays), "{stays} must stay: {after:?}");
    }
    // It said what it removed, with date and group, and what stays and why.
    assert!(r.out.contains("2026-10-01 14:00"), "{}", r.out);
    assert!(r.out.contains("Cliëntenraad De Linde"), "{}", r.out);
    assert!(
        r.out.contains(&format!(
            "Blijft staan: {}",
            l.dir.join(format!("{doomed}.md")).display()
        )),
        "{}",
        r.out
    );
    assert!(r.out.contains("elders zijn opgeslagen"), "{}", r.out);
    assert!(l.rescue.is_none_or(|r| r.is_dir()));
}

#[test]
fn delete_asks_first_and_deletes_nothing_without_a_yes() {
    let l = lived();
    // A lock a crashed run left behind is let go as any lock is: the rest stays as it was.
    let unlocked = |home: &Path| -> BTreeSet<String> {
        files(home)
            .into_iter()
            .filter(|f| !f.ends_with(".lock"))
            .collect()
    };
    let before = unlocked(l.home.path());
    let doomed = name(&l.doomed);
    for (input, says) in [
        (None, "--yes"),
        (Some("nee\n"), "Er is niets verwijderd."),
        (Some("\n"), "Er is niets verwijderd."),
    ] {
        let r = voer_answering(l.home.path(), &["delete", &doomed], input);
        assert_ne!(r.code, 0, "{input:?}");
        r.says(says);
        assert!(
            r.out.contains(&format!("{doomed}.toml")),
            "shown first: {}",
            r.out
        );
        assert_eq!(unlocked(l.home.path()), before, "{input:?}");
    }
    let r = voer_answering(l.home.path(), &["delete", &doomed], Some("ja\n"));
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(!l.doomed.exists());
}

#[test]
fn a_session_open_in_a_run_is_refused_and_nothing_is_deleted() {
    let l = lived();
    let before = files(l.home.path());
    // A running voer holds the lock of the session it has open.
    let held = store::SessionLock::acquire(&l.doomed).unwrap();
    for args in [
        vec!["delete".to_string(), name(&l.doomed), "--yes".into()],
        // One of several held: none goes.
        vec![
            "delete".into(),
            name(&l.other),
            name(&l.doomed),
            "--yes".into(),
        ],
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = voer_in(l.home.path(), &args);
        assert_ne!(r.code, 0, "{}", r.out);
        r.says("is geopend in een lopende voer");
        assert_eq!(files(l.home.path()), before);
    }
    drop(held);
    let r = voer_in(l.home.path(), &["delete", &name(&l.doomed), "--yes"]);
    assert_eq!(r.code, 0, "{}", r.err);
}

#[test]
fn after_deleting_a_group_its_actions_are_gone_from_voer_actions_and_the_next_opening() {
    let (home, dir) = empty_folder();
    session_in(
        &dir,
        "Cliëntenraad De Linde",
        "2025-10-01T14:00:00+02:00",
        "lind01",
    );
    session_in(
        &dir,
        "clientenraad de linde",
        "2026-10-01T14:00:00+02:00",
        "lind02",
    );
    session_in(&dir, "Team 3B", "2026-10-02T09:00:00+02:00", "team01");
    let listed = voer_in(home.path(), &["actions"]);
    assert!(
        listed.out.contains("lind01") && listed.out.contains("lind02"),
        "{}",
        listed.out
    );

    let r = voer_in(
        home.path(),
        &["delete", "--group", "Clientenraad De Linde", "--yes"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("2 sessies"), "{}", r.out);
    let listed = voer_in(home.path(), &["actions"]);
    assert!(!listed.out.contains("lind0"), "{}", listed.out);
    assert!(listed.out.contains("team01"), "{}", listed.out);

    // The group's next meeting opens without them.
    let mut next = Session::from_toml(EXAMPLE).unwrap();
    next.session.example = false;
    next.session.group = "Cliëntenraad De Linde".into();
    next.session.started_at = at("2026-12-01T14:00:00+01:00");
    next.actions.clear();
    let path = dir.join("volgende.toml");
    let (earlier, _, _) = voer::actions::folder::for_run(&dir, &next, &path);
    assert!(
        earlier.is_empty(),
        "{:?}",
        earlier.iter().map(|f| &f.action.id).collect::<Vec<_>>()
    );
}

#[test]
fn sessions_past_the_retention_period_on_a_given_day() {
    let (_home, dir) = empty_folder();
    let old = session_in(
        &dir,
        "Cliëntenraad De Linde",
        "2025-11-19T14:00:00+01:00",
        "old001",
    );
    let new = session_in(
        &dir,
        "Cliëntenraad De Linde",
        "2025-11-21T14:00:00+01:00",
        "new001",
    );
    let today = at("2026-11-20T10:00:00+01:00");
    assert_eq!(
        retention::expired(&dir, 12, today).unwrap(),
        vec![old.clone()]
    );
    let later = at("2026-11-21T10:00:00+01:00");
    assert_eq!(
        retention::expired(&dir, 12, later).unwrap(),
        vec![old.clone(), new.clone()]
    );

    let list = sessions_list(&dir, None, Some(Retention::new(12, today)), Lang::Nl).unwrap();
    let marked: Vec<&str> = list
        .lines()
        .filter(|l| l.contains("bewaartermijn voorbij"))
        .collect();
    assert_eq!(marked.len(), 1, "{list}");
    assert!(marked[0].contains(&name(&old)), "{list}");
    assert!(
        list.contains("Ouder dan de bewaartermijn van 12 maanden: 1 sessie. Verwijderen: voer delete --expired"),
        "{list}"
    );
    let without = sessions_list(&dir, None, None, Lang::Nl).unwrap();
    assert!(!without.contains("bewaartermijn"), "{without}");
}

#[test]
fn delete_expired_removes_only_what_is_past_the_period_and_never_runs_without_one() {
    let (home, dir) = empty_folder();
    let old = session_in(
        &dir,
        "Cliëntenraad De Linde",
        "2020-03-01T14:00:00+01:00",
        "old001",
    );
    let recent = chrono::Local::now().fixed_offset().to_rfc3339();
    let new = session_in(&dir, "Cliëntenraad De Linde", &recent, "new001");

    let r = voer_in(home.path(), &["delete", "--expired", "--yes"]);
    assert_ne!(r.code, 0);
    r.says("Er is geen bewaartermijn ingesteld");
    assert!(old.exists() && new.exists());

    let config = home.path().join(".config/voer");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("voer.toml"), "retention_months = 24\n").unwrap();
    let listed = voer_in(home.path(), &["sessions"]);
    assert!(
        listed.out.contains("bewaartermijn voorbij"),
        "{}",
        listed.out
    );
    let r = voer_in(home.path(), &["delete", "--expired", "--yes"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(!old.exists() && new.exists());
    let r = voer_in(home.path(), &["delete", "--expired", "--yes"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.contains("Geen sessies ouder dan 24 maanden"),
        "{}",
        r.out
    );
    assert!(new.exists());
}

/// The fixture with the facilitator's private notes on a prompt and on the closing.
fn with_private() -> Session {
    let mut s = fixture();
    let prompt = s
        .steps
        .iter()
        .position(|st| st.kind == voer::session::StepKind::Prompt)
        .unwrap();
    s.steps[prompt].private_notes = "Mevrouw K. vertelde over haar diagnose".into();
    let last = s.steps.len() - 1;
    s.steps[last].private_notes = "Zorgen over de thuissituatie van meneer P.".into();
    s
}

#[test]
fn private_notes_are_in_no_format_unless_asked_for_and_then_marked() {
    let s = [with_private()];
    for format in FORMATS {
        let plain = report_text(format, &s, &Options::default());
        for secret in ["diagnose", "thuissituatie", "Privénotities", "privé"] {
            assert!(
                !plain.contains(secret),
                "{format:?} holds {secret}:\n{plain}"
            );
        }
        let with = report_text(
            format,
            &s,
            &Options {
                with_private: true,
                ..Options::default()
            },
        );
        assert!(
            with.contains("diagnose") && with.contains("thuissituatie"),
            "{format:?}"
        );
        let marked = match format {
            Format::Json => "\"private_notes\"",
            Format::Csv => "(privé)",
            _ => "Privénotities van de gespreksleider",
        };
        assert!(with.contains(marked), "{format:?}:\n{with}");
    }
    // Ctrl+E's report beside the session never holds them.
    let md = export::markdown(&s, None);
    assert!(!md.contains("diagnose"), "{md}");
}

#[test]
fn export_with_private_on_the_command_line() {
    let (home, dir) = empty_folder();
    let mut s = with_private();
    s.session.example = false;
    let (path, lock) = store::create(&dir, &s).unwrap();
    drop(lock);
    let file = name(&path);
    let plain = voer_in(home.path(), &["export", &file]);
    assert_eq!(plain.code, 0, "{}", plain.err);
    assert!(!plain.out.contains("diagnose"), "{}", plain.out);
    let with = voer_in(home.path(), &["export", &file, "--with-private"]);
    assert!(with.out.contains("diagnose"), "{}", with.out);
}

/// A council whose names are written every way a facilitator types them.
fn named() -> Session {
    let mut s = fixture();
    s.session.participants = vec!["Ánna".into(), "Bert".into(), "Gerdien".into()];
    s.session.facilitator = "Marieke Jansen".into();
    for st in &mut s.steps {
        st.round = None;
    }
    let prompt = s
        .steps
        .iter()
        .position(|st| st.kind == voer::session::StepKind::Prompt)
        .unwrap();
    s.steps[prompt].notes = "anna vond het mooi. BERT: niet mee eens.\nÁnna en bert's idee; \
                             Marieke vatte samen. Gerdien-achtig? Nee: gerdien zelf. Annabel bleef."
        .into();
    s.steps[prompt].private_notes = "Ánna had pijn".into();
    s.actions = vec![Action {
        id: "anon01".into(),
        text: "anna belt met Cor".into(),
        owner: Some("Cor".into()),
        created_at: at("2026-11-20T14:50:00+01:00"),
        ..Action::default()
    }];
    s
}

/// Whether `text` holds `name` as a whole word, in any case, with or without diacritics.
fn names_word(text: &str, name: &str) -> bool {
    let plain = |t: &str| deunicode::deunicode(t).to_lowercase();
    plain(text)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == plain(name))
}

#[test]
fn anonymous_reports_hold_no_participants_name_in_any_format() {
    let s = [named()];
    for format in FORMATS {
        for with_private in [false, true] {
            let opts = Options {
                anonymous: true,
                with_private,
                ..Options::default()
            };
            let text = report_text(format, &s, &opts);
            for who in ["Anna", "Bert", "Gerdien", "Marieke", "Jansen", "Cor"] {
                assert!(!names_word(&text, who), "{format:?} names {who}:\n{text}");
            }
            assert!(text.contains("Deelnemer 1"), "{format:?}:\n{text}");
            // Not a name: left alone.
            assert!(text.contains("Annabel"), "{format:?}");
            if format != Format::Csv && format != Format::Json {
                assert!(text.contains("Namen zijn vervangen"), "{format:?}:\n{text}");
                assert!(!text.contains("Gespreksleider"), "{format:?}:\n{text}");
            }
        }
    }
    // The same person keeps the same number: Ánna typed as anna is Deelnemer 1 throughout.
    let md = report_text(
        Format::Md,
        &s,
        &Options {
            anonymous: true,
            ..Options::default()
        },
    );
    assert!(
        md.contains("Deelnemer 1 vond het mooi. Deelnemer 2: niet mee eens."),
        "{md}"
    );
    assert!(md.contains("Deelnemer 1 en Deelnemer 2's idee"), "{md}");
    assert!(md.contains("Deelnemer 4 vatte samen"), "{md}");
    assert!(
        md.contains("Deelnemer 3-achtig? Nee: Deelnemer 3 zelf."),
        "{md}"
    );
    assert!(md.contains("Deelnemer 1 belt met Deelnemer 5"), "{md}");
    // In English, the word is English.
    let en = report_text(
        Format::Txt,
        &s,
        &Options {
            anonymous: true,
            lang: Some(Lang::En),
            ..Options::default()
        },
    );
    assert!(
        en.contains("Participant 1") && en.contains("Names were replaced"),
        "{en}"
    );
    // A normal report names who was there.
    let normal = report_text(Format::Md, &s, &Options::default());
    assert!(normal.contains("Ánna, Bert, Gerdien"), "{normal}");
    let json: serde_json::Value = serde_json::from_str(&report_text(
        Format::Json,
        &s,
        &Options {
            anonymous: true,
            ..Options::default()
        },
    ))
    .unwrap();
    assert_eq!(json["anonymous"], true);
    assert_eq!(json["sessions"][0]["facilitator"], "");
}

#[test]
fn anonymous_on_the_command_line() {
    let (home, dir) = empty_folder();
    let mut s = named();
    s.session.example = false;
    let (path, lock) = store::create(&dir, &s).unwrap();
    drop(lock);
    let r = voer_in(
        home.path(),
        &["export", &name(&path), "--anonymous", "--format", "txt"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        !names_word(&r.out, "anna") && r.out.contains("Deelnemer 1"),
        "{}",
        r.out
    );
}

#[test]
fn voer_privacy_names_the_folders_in_full_and_the_retention() {
    let home = tempfile::tempdir().unwrap();
    let r = voer_in(home.path(), &["privacy"]);
    assert_eq!(r.code, 0, "{}", r.err);
    let sessions = home.path().join("sessions");
    #[cfg(target_os = "linux")]
    for folder in [
        format!(
            "Reddingsmap: {}",
            home.path().join(".local/share/voer/rescue").display()
        ),
        format!(
            "Configuratiebestand: {}",
            home.path().join(".config/voer/voer.toml").display()
        ),
    ] {
        assert!(r.out.contains(&folder), "{folder}:\n{}", r.out);
    }
    for want in [
        format!("Sessies: {}", sessions.display()),
        "Reddingsmap: ".into(),
        "Configuratiebestand: ".into(),
        "geen enkele netwerkverbinding".into(),
        "0600".into(),
        ".voer-cache.json".into(),
        "Geen bewaartermijn ingesteld".into(),
        "voer delete --expired".into(),
    ] {
        assert!(r.out.contains(&want), "{want}:\n{}", r.out);
    }
    let config = home.path().join(".config/voer");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("voer.toml"), "retention_months = 18\n").unwrap();
    let r = voer_in(home.path(), &["privacy", "--lang", "en"]);
    assert!(r.out.contains("makes no network connection"), "{}", r.out);
    assert!(r.out.contains("18 months"), "{}", r.out);
}

/// In a round: Ctrl+F takes the typing to the facilitator's own notes, without a speaker's
/// name; the floor passing still writes the next name in the group's notes; Ctrl+F again goes
/// back. Both are in the file, each in its own field.
#[test]
fn ctrl_f_switches_the_editor_between_the_groups_notes_and_the_facilitators_own() {
    use ratatui::crossterm::event::KeyCode;

    use crate::{
        fixture::fixed_now,
        meeting_notes::{council, ctrl, key, type_text},
    };
    let now = fixed_now();
    let mut m = council(&["Anna", "Bert"], Lang::Nl, now);
    let step = m.step;
    type_text(&mut m, "koffie", now);
    ctrl(&mut m, 'f', now);
    assert!(m.private_open);
    type_text(&mut m, "Anna oogt moe", now);
    // The floor passes while the private notes are open: the name goes to the group's.
    key(&mut m, KeyCode::Tab, now);
    ctrl(&mut m, 'f', now);
    assert!(!m.private_open);
    type_text(&mut m, "thee", now);
    assert_eq!(m.notes_text(step), "Anna: koffie\nBert: thee");
    assert_eq!(m.private_notes_text(step), "Anna oogt moe");
    let saved = m.snapshot(now);
    assert_eq!(saved.steps[step].notes, "Anna: koffie\nBert: thee");
    assert_eq!(saved.steps[step].private_notes, "Anna oogt moe");
    // Read back, each is where it was.
    let again = crate::fixture::model_of(saved, now);
    assert_eq!(again.private_notes_text(step), "Anna oogt moe");
    assert!(!again.private_open);
}

/// A run's start says how many sessions are past the retention period and how to remove
/// them, in the bottom line, whether the run opens at once or after the picker.
#[test]
fn a_runs_start_says_how_many_sessions_are_past_the_period() {
    use voer::app::{App, Msg, update};

    use crate::fixture::{fixed_now, model};
    let now = fixed_now();
    let (_home, dir) = empty_folder();
    session_in(
        &dir,
        "Cliëntenraad De Linde",
        "2024-01-10T14:00:00+01:00",
        "old001",
    );
    let line = voer::commands::sessions::expired_line(&dir, Retention::new(12, now.wall), Lang::Nl)
        .expect("one is past it");
    assert!(
        line.contains("1 sessie.") && line.ends_with("voer delete --expired"),
        "{line}"
    );
    let m = model(voer::episode::Audience::ClientCouncil, Lang::Nl, now);
    let mut app = App::run(m).with_notice(Some(line.clone()));
    update(&mut app, Msg::Start, now);
    let shown = app
        .run_model()
        .and_then(|m| m.status.clone())
        .map(|s| s.text);
    assert_eq!(shown.as_deref(), Some(line.as_str()));
    assert_eq!(
        voer::commands::sessions::expired_line(&dir, Retention::new(36, now.wall), Lang::Nl),
        None
    );
}

/// A link to a session is not the session: refused, with where it points; both stay.
#[cfg(unix)]
#[test]
fn a_link_to_a_session_is_refused_with_where_it_points() {
    let l = lived();
    let link = l.dir.join("koppeling.toml");
    std::os::unix::fs::symlink(&l.doomed, &link).unwrap();
    let before = files(l.home.path());
    let r = voer_in(l.home.path(), &["delete", "koppeling", "--yes"]);
    assert_ne!(r.code, 0);
    r.says("is een koppeling naar");
    r.says(&l.doomed.display().to_string());
    assert_eq!(files(l.home.path()), before);
}

/// The council's letter to the organisation, made without names, names nobody either.
#[test]
fn an_anonymous_letter_names_no_participant() {
    let mut s = fixture();
    let question = s.actions.iter().position(|a| a.is_question()).unwrap();
    s.actions[question].text = "Truus vraagt: mogen bewoners meebeslissen?".into();
    let opts = Options {
        anonymous: true,
        ..Options::default()
    };
    let letter = report_text(Format::Letter, &[s.clone()], &opts);
    assert!(letter.contains("Deelnemer 1 vraagt"), "{letter}");
    for who in &s.session.participants {
        assert!(!names_word(&letter, who), "{who}:\n{letter}");
    }
    assert!(!names_word(&letter, "Marieke"), "{letter}");
}

/// A session that holds only the facilitator's own notes is not listed as empty (it is not
/// a session to throw away unseen), from its file or from the folder's cache.
#[test]
fn a_session_with_only_private_notes_is_not_empty() {
    let (_home, dir) = empty_folder();
    let mut s = Session::from_toml(EXAMPLE).unwrap();
    s.session.example = false;
    s.actions.clear();
    for st in &mut s.steps {
        st.notes.clear();
    }
    let (empty, lock) = store::create(&dir, &s).unwrap();
    drop(lock);
    s.session.group = "Team 3B".into();
    s.steps[3].private_notes = "Alleen voor mij".into();
    let (private, lock) = store::create(&dir, &s).unwrap();
    drop(lock);
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&empty, &private] {
        let f = fs::File::options().append(true).open(p).unwrap();
        f.set_modified(past).unwrap();
    }
    // Read from the files, then (the cache written) from the cache.
    for _ in 0..2 {
        let list = sessions_list(&dir, None, None, Lang::Nl).unwrap();
        let row = |p: &Path| {
            list.lines()
                .find(|l| l.contains(&name(p)))
                .unwrap()
                .to_string()
        };
        assert!(row(&empty).contains("leeg"), "{list}");
        assert!(!row(&private).contains("leeg"), "{list}");
    }
    assert!(dir.join(".voer-cache.json").exists());
}
