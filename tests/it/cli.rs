//! The command line, by running the real binary.
use std::{fs, path::Path, process::Command};

pub fn voer(args: &[&str], lang_env: &str) -> (i32, String, String) {
    let home = tempfile::tempdir().unwrap();
    voer_at(home.path(), args, &[("LANG", lang_env)])
}

/// Runs voer with a home folder of its own: no config file and no sessions but those the test
/// puts there. `env` adds variables; LANG and the LC_* are unset unless given.
pub fn voer_at(home: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(crate::bin::voer_bin());
    cmd.args(args)
        .current_dir(home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run voer");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn list_shows_number_id_title_speaker_and_minutes() {
    let (code, out, _) = voer(&["list"], "nl_NL.UTF-8");
    assert_eq!(code, 0);
    assert!(out.starts_with("Nr  Id"), "{out}");
    assert!(out.contains(" 1  vera-jansweijer"), "{out}");
    assert!(out.contains(" 4  jef-mol"), "{out}");
    assert!(out.contains("Jef Mol"));
    // Seven audiences; the opening's, the video's and the quote's minutes count in every total.
    assert!(
        out.contains("Minuten (cliëntenraad/bestuur/team/klas/naasten/buurt/toezicht)"),
        "{out}"
    );
    assert!(out.contains("50/53/47/43/54/54/57"), "{out}");
    assert!(out.contains("50/57/55/43/54/54/57"), "{out}");
    let (_, out_en, _) = voer(&["list"], "en_GB.UTF-8");
    assert!(out_en.starts_with("No  Id  "), "{out_en}");
    assert!(out_en.contains("Clients in the driver’s seat"));
}

#[test]
fn show_prints_a_plan_with_quote_prompts_tips_and_total() {
    let (code, out, _) = voer(&["show", "4", "--audience", "board", "--lang", "nl"], "C");
    assert_eq!(code, 0);
    assert!(out.contains("Aflevering 4 — Cliënten met professionals aan het stuur"));
    assert!(out.contains("“Niet vanuit een probleem gedacht, maar omdat collega’s en cliënten"));
    assert!(out.contains("Doelgroep: Bestuur / raad van toezicht (board)"));
    // The opening and the quote are in the plan, with their minutes and tips.
    assert!(out.contains("  Opening (3 min)\n     Tip: "), "{out}");
    assert!(out.contains("  Video (5 min)\n"), "{out}");
    assert!(out.contains("  Citaat (2 min)\n     Tip: "), "{out}");
    assert!(out.contains("1. (5 min)"));
    assert!(out.contains("  Afsluiting (10 min)"));
    // The article's page is more information; the seed does not say the video is there.
    assert!(
        out.contains("Meer informatie: https://www.radicalevernieuwing.nl/"),
        "{out}"
    );
    assert!(out.contains("Video (5 min): Geen webadres bekend"), "{out}");
    assert!(out.contains("Totaal: 57 min"), "{out}");
    assert!(!out.contains("client-council"), "only the board");
}

#[test]
fn show_without_audience_covers_all_seven_and_accepts_ids_and_dutch_aliases() {
    for episode in ["1", "4"] {
        let (code, out, _) = voer(&["show", episode], "en_US.UTF-8");
        assert_eq!(code, 0);
        for a in [
            "(client-council)",
            "(board)",
            "(team)",
            "(classroom)",
            "(relatives)",
            "(citizens)",
            "(oversight)",
        ] {
            assert!(out.contains(a), "{episode}: {a}");
        }
        assert_eq!(out.matches("\nAudience: ").count(), 7, "{out}");
    }
    for (alias, id) in [
        ("naasten", "relatives"),
        ("familieraad", "relatives"),
        ("burgerinitiatief", "citizens"),
        ("buurt", "citizens"),
        ("toezicht", "oversight"),
        ("beleid", "oversight"),
    ] {
        let (code, out, err) = voer(&["show", "1", "--audience", alias], "nl_NL");
        assert_eq!(code, 0, "{alias}: {err}");
        assert!(out.contains(&format!("({id})")), "{alias}");
    }
    let (code, out, _) = voer(&["show", "jef-mol", "--audience", "cliëntenraad"], "nl_NL");
    assert_eq!(code, 0);
    assert!(out.contains("(client-council)"));
}

#[test]
fn unknown_episode_or_audience_fails_and_lists_the_valid_ones() {
    let (code, _, err) = voer(&["show", "9"], "nl_NL.UTF-8");
    assert_ne!(code, 0);
    assert!(err.contains("Onbekende aflevering '9'"), "{err}");
    assert!(err.contains("1 (vera-jansweijer), 4 (jef-mol)"), "{err}");
    let (code, _, err) = voer(&["show", "4", "--audience", "ouders"], "en_GB");
    assert_ne!(code, 0);
    assert!(err.contains("Unknown audience 'ouders'"), "{err}");
    assert!(
        err.contains("client-council") && err.contains("classroom"),
        "{err}"
    );
    let (code, _, err) = voer(&["run", "7", "--audience", "team"], "en_GB");
    assert_ne!(code, 0);
    assert!(err.contains("Unknown episode '7'"), "{err}");
}

#[test]
fn validate_accepts_the_embedded_episodes() {
    let (code, out, err) = voer(&["validate"], "nl_NL");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 in orde"), "{out}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
    let (code, _, err) = voer(&["validate", dir.to_str().unwrap()], "en");
    assert_eq!(code, 0, "{err}");
}

#[test]
fn validate_reports_path_line_col_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let good = include_str!("../../prompts/jef-mol.toml");
    fs::write(dir.path().join("ok.toml"), good).unwrap();
    fs::write(dir.path().join("syntax.toml"), "id = \"x\"\nnumber = = 3\n").unwrap();
    fs::write(
        dir.path().join("zero.toml"),
        good.replacen("id = \"jef-mol\"", "id = \"zero\"", 1)
            .replacen("number = 4", "number = 2", 1)
            .replacen("minutes = 10\nround", "minutes = 0\nround", 1),
    )
    .unwrap();
    let (code, _, err) = voer(&["validate", dir.path().to_str().unwrap()], "en");
    assert_eq!(code, 1);
    let syntax = dir.path().join("syntax.toml");
    assert!(err.contains(&format!("{}:2:", syntax.display())), "{err}");
    assert!(
        err.contains("zero.toml: prompts[1].minutes: must be 1 or more"),
        "{err}"
    );
    assert!(!err.contains("ok.toml"), "{err}");
}

#[test]
fn a_broken_file_in_the_prompts_folder_warns_but_list_still_shows_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("kapot.toml"), "[title\n").unwrap();
    let (code, out, err) = voer(
        &["list", "--prompts", dir.path().to_str().unwrap()],
        "nl_NL",
    );
    assert_eq!(code, 0);
    assert!(out.contains("jef-mol") && out.contains("vera-jansweijer"));
    assert!(
        err.contains("waarschuwing") && err.contains("kapot.toml:1:"),
        "{err}"
    );
}

#[test]
fn language_follows_lang_and_the_flag_wins() {
    let (_, nl, _) = voer(&["show", "4", "--audience", "team"], "nl_BE.UTF-8");
    assert!(nl.contains("Totaal"));
    let (_, en, _) = voer(
        &["show", "4", "--audience", "team", "--lang", "en"],
        "nl_NL",
    );
    assert!(en.contains("Total:") && en.contains("Episode 4"));
}

#[test]
fn completions_and_sessions_work() {
    let (code, out, _) = voer(&["completions", "bash"], "en");
    assert_eq!(code, 0);
    assert!(out.contains("voer"));
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("none");
    let (code, out, _) = voer(&["sessions", "--sessions", empty.to_str().unwrap()], "en");
    assert_eq!(code, 0);
    assert!(out.contains("No sessions yet"), "{out}");
}

#[test]
fn global_options_may_stand_before_the_command_and_run_is_the_default() {
    let (code, out, _) = voer(&["--lang", "en", "list"], "nl_NL");
    assert_eq!(code, 0);
    assert!(out.starts_with("No  Id"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = voer(
        &["--sessions", dir.path().to_str().unwrap(), "sessions"],
        "en",
    );
    assert_eq!(code, 0);
    assert!(out.contains("No sessions yet"), "{out}");
    // Without a command the arguments are for `run`: an unknown episode is reported as such.
    let (code, _, err) = voer(&["--lang", "en", "9", "--audience", "team"], "nl");
    assert_ne!(code, 0);
    assert!(err.contains("Unknown episode '9'"), "{err}");
}

#[test]
fn csv_export_separates_with_semicolons_for_a_dutch_report_and_commas_for_english() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml",
    );
    let f = fixture.to_str().unwrap();
    let (code, nl, err) = voer(&["export", f, "--format", "csv"], "nl_NL");
    assert_eq!(code, 0, "{err}");
    let header = nl.lines().next().unwrap();
    assert!(header.contains(';') && !header.contains(','), "{header}");
    let (_, en, _) = voer(&["export", f, "--format", "csv", "--lang", "en"], "nl_NL");
    let header = en.lines().next().unwrap();
    assert!(header.contains(',') && !header.contains(';'), "{header}");
    let (_, forced, _) = voer(
        &["export", f, "--format", "csv", "--csv-delimiter", ","],
        "nl",
    );
    assert!(forced.lines().next().unwrap().contains(','));
}

#[test]
fn a_dutch_user_reads_file_errors_in_dutch_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessies");
    fs::create_dir(&sessions).unwrap();
    let kapot = sessions.join("kapot.toml");
    fs::write(&kapot, "format_version = 1\n[session\nepisode = \"x\"\n").unwrap();
    let s = sessions.to_str().unwrap();

    // The table names the file; the reason gives the line.
    let (code, out, err) = voer(&["sessions", "--lang", "nl", "--sessions", s], "C");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("onleesbaar: kapot.toml: regel 2, kolom 9: de inhoud klopt niet ("),
        "{out}"
    );

    // Resuming it names the whole path and the line.
    let (code, _, err) = voer(&["resume", kapot.to_str().unwrap(), "--lang", "nl"], "C");
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("voer: {}: regel 2, kolom 9: ", kapot.display())),
        "{err}"
    );

    // A file that is not there: the system's reason in Dutch words, not its English text.
    let weg = dir.path().join("weg.toml");
    let (code, _, err) = voer(&["export", weg.to_str().unwrap(), "--lang", "nl"], "C");
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "voer: Geen sessie: {} bestaat niet",
            weg.display()
        )),
        "{err}"
    );
    assert!(
        !err.contains("No such file") && !err.contains("os error"),
        "{err}"
    );

    let (code, _, err) = voer(&["list", "--prompts", weg.to_str().unwrap()], "nl_NL");
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "{}: kan de map met afleveringen niet lezen: bestaat niet",
            weg.display()
        )),
        "{err}"
    );
}

#[test]
fn validate_speaks_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let good = include_str!("../../prompts/jef-mol.toml");
    // The first prompt's minutes: the video's come before them.
    let (video, prompts) = good.split_once("[[prompts]]").unwrap();
    let bad = format!(
        "{video}[[prompts]]{}",
        prompts.replacen("minutes = 10", "minutes = 0", 1)
    );
    fs::write(dir.path().join("nul.toml"), bad).unwrap();
    let (code, _, err) = voer(&["validate", dir.path().to_str().unwrap()], "nl_NL");
    assert_eq!(code, 1);
    assert!(
        err.contains("nul.toml: prompts[1].minutes: moet 1 of meer zijn"),
        "{err}"
    );
}

#[test]
fn a_sessions_folder_without_permission_is_refused_in_dutch() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let closed = dir.path().join("dicht");
    fs::create_dir(&closed).unwrap();
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o500)).unwrap();
    if fs::write(closed.join("proef"), "").is_ok() {
        // Root writes in a read-only folder anyway: there is no refusal to see.
        eprintln!("skipped: this user may write in a read-only folder");
        return;
    }
    let c = closed.to_str().unwrap();
    let (code, _, err) = voer(
        &[
            "run",
            "4",
            "--audience",
            "team",
            "--lang",
            "nl",
            "--sessions",
            c,
        ],
        "C",
    );
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "Kan niet opslaan in de map '{c}': geen toestemming."
        )),
        "{err}"
    );
    assert!(
        !err.contains("Permission denied") && !err.contains("os error"),
        "{err}"
    );

    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    let (code, _, err) = voer(&["sessions", "--lang", "nl", "--sessions", c], "C");
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("Kan de map '{c}' niet lezen: geen toestemming")),
        "{err}"
    );
}

#[test]
fn run_options_work_before_or_after_the_episode_and_with_or_without_run() {
    for args in [
        &["4", "--audience", "ouders"][..],
        &["-a", "ouders", "4"],
        &["run", "4", "-a", "ouders"],
        &["-a", "ouders", "run", "4"],
        &["--lang", "en", "4", "--audience", "ouders"],
    ] {
        let (code, _, err) = voer(args, "en_GB");
        assert_ne!(code, 0);
        assert!(err.contains("Unknown audience 'ouders'"), "{args:?}: {err}");
    }
}

#[test]
fn run_options_given_to_another_command_are_refused() {
    let (code, out, err) = voer(&["-a", "team", "list"], "nl_NL.UTF-8");
    assert_eq!(code, 2, "{out}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("--audience hoort bij een gesprek (voer run), niet bij voer list"),
        "{err}"
    );
    let (code, _, err) = voer(&["--projector", "sessions", "--lang", "en"], "nl");
    assert_eq!(code, 2);
    assert!(
        err.contains("--projector belongs to a conversation"),
        "{err}"
    );
}

#[test]
fn parser_errors_speak_dutch_without_a_locale_and_name_the_help_to_read() {
    let (code, _, err) = voer_at(
        tempfile::tempdir().unwrap().path(),
        &["list", "--bogus"],
        &[],
    );
    assert_eq!(code, 2);
    assert!(err.contains("onbekende optie of waarde '--bogus'"), "{err}");
    assert!(err.contains("Meer uitleg: voer list --help"), "{err}");
    assert!(!err.contains("error:") && !err.contains("Usage"), "{err}");
    let (_, _, err) = voer(&["show"], "C");
    assert!(err.contains("ontbreekt: <EPISODE>"), "{err}");
    let (_, _, err) = voer(&["export", "x.toml", "--format", "pdf"], "C.UTF-8");
    assert!(
        err.contains("ongeldige waarde 'pdf' voor --format"),
        "{err}"
    );
    assert!(
        err.contains("mogelijk: md, html, txt, json, csv, docx"),
        "{err}"
    );
    let (_, _, err) = voer(&["list", "--lang", "de"], "nl_NL");
    assert!(err.contains("ongeldige waarde 'de' voor --lang"), "{err}");
    let (_, _, err) = voer(&["list", "--bogus"], "en_GB.UTF-8");
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    let (_, _, err) = voer(&["export", "x.toml", "--outptu", "y"], "nl");
    assert!(err.contains("bedoelt u '--output'?"), "{err}");
}

#[test]
fn a_mistyped_command_is_not_taken_for_an_episode() {
    for (args, cmd) in [
        (&["expotr", "x.toml"][..], "export"),
        (&["rn", "4"], "run"),
        (&["rn"], "run"),
        (&["sesions"], "sessions"),
        (&["lsit"], "list"),
    ] {
        let (code, _, err) = voer(args, "nl_BE.UTF-8");
        assert_ne!(code, 0);
        assert!(
            err.contains(&format!("bedoelt u `voer {cmd}`?")),
            "{args:?}: {err}"
        );
    }
    let (_, _, err) = voer(&["expotr", "x.toml"], "en_US.UTF-8");
    assert!(err.contains("did you mean `voer export`?"), "{err}");
    // An unknown episode that looks like no command is reported as an unknown episode.
    let (_, _, err) = voer(&["zorg"], "nl");
    assert!(err.contains("Onbekende aflevering 'zorg'"), "{err}");
    assert!(!err.contains("bedoelt"), "{err}");
}

#[test]
fn help_is_in_the_chosen_language() {
    let (code, nl, _) = voer(&["--help"], "C");
    assert_eq!(code, 0);
    assert!(
        nl.contains("Gebruik: voer [run] [EPISODE[,EPISODE…]]"),
        "{nl}"
    );
    assert!(
        nl.contains("--questions-from <GROUP>") && nl.contains("meer afleveringen in één gesprek"),
        "{nl}"
    );
    assert!(nl.contains("Commando's:") && nl.contains("Opties:"), "{nl}");
    assert!(nl.contains("De bewaarde sessies, nieuwste eerst."), "{nl}");
    assert!(!nl.contains("possible values"), "{nl}");
    let (_, en, _) = voer(&["--help"], "en_GB.UTF-8");
    assert!(en.contains("Usage: voer [run]") && en.contains("List the saved sessions"));
    for args in [
        &["--lang", "en", "--help"][..],
        &["export", "--help", "--lang=en"],
    ] {
        let (_, en, _) = voer(args, "nl_NL.UTF-8");
        assert!(en.contains("Usage:") && !en.contains("Gebruik"), "{en}");
    }
    let (_, sub, _) = voer(&["help", "export"], "nl_NL");
    assert!(
        sub.contains("Een of meer sessies: de naam zoals voer sessions"),
        "{sub}"
    );
}

#[test]
fn the_language_comes_from_the_flag_then_the_config_file_then_the_locale() {
    let home = tempfile::tempdir().unwrap();
    let show = ["show", "4", "--audience", "team"];
    let (_, out, _) = voer_at(home.path(), &show, &[]);
    assert!(out.contains("Totaal"), "no locale: Dutch");
    let (_, out, _) = voer_at(
        home.path(),
        &show,
        &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "nl_NL")],
    );
    assert!(out.contains("Total:"), "LC_ALL first");
    let (_, out, _) = voer_at(home.path(), &show, &[("LC_ALL", ""), ("LANG", "en_US")]);
    assert!(out.contains("Total:"), "an empty LC_ALL is passed over");
    fs::create_dir_all(home.path().join(".config/voer")).unwrap();
    fs::write(
        home.path().join(".config/voer/voer.toml"),
        "language = \"en\"\n",
    )
    .unwrap();
    let (_, out, _) = voer_at(home.path(), &show, &[("LANG", "nl_NL.UTF-8")]);
    assert!(
        out.contains("Total:"),
        "the config file wins over the locale: {out}"
    );
    let mut with_flag = show.to_vec();
    with_flag.extend(["--lang", "nl"]);
    let (_, out, _) = voer_at(home.path(), &with_flag, &[("LANG", "en_GB")]);
    assert!(out.contains("Totaal"), "the flag wins over the config file");
}

#[test]
fn sessions_live_in_the_local_data_folder_whatever_folder_voer_starts_in() {
    let home = tempfile::tempdir().unwrap();
    let (code, out, _) = voer_at(home.path(), &["sessions"], &[("LANG", "nl_NL")]);
    assert_eq!(code, 0);
    let default = home.path().join(".local/share/voer/sessions");
    assert!(
        out.contains(&format!("Nog geen sessies in {}", default.display())),
        "{out}"
    );
    let data = tempfile::tempdir().unwrap();
    let sessions = data.path().join("voer/sessions");
    fs::create_dir_all(&sessions).unwrap();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml",
        ),
        sessions.join("s.toml"),
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let xdg = [
        ("XDG_DATA_HOME", data.path().to_str().unwrap()),
        ("LANG", "en"),
    ];
    for cwd in [home.path(), elsewhere.path()] {
        let mut cmd = Command::new(crate::bin::voer_bin());
        let out = cmd
            .arg("sessions")
            .current_dir(cwd)
            .env("HOME", home.path())
            .env_remove("XDG_CONFIG_HOME")
            .envs(xdg)
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&out.stdout);
        assert!(out.contains("Cliëntenraad De Linde"), "{out}");
        assert!(
            out.starts_with(&format!("Sessions in {}\n", sessions.display())),
            "{out}"
        );
    }
}

#[test]
fn the_config_file_sets_the_sessions_folder_and_voer_config_says_where_each_value_comes_from() {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("conf");
    fs::create_dir_all(config_dir.join("voer")).unwrap();
    let file = config_dir.join("voer/voer.toml");
    let env = [
        ("XDG_CONFIG_HOME", config_dir.to_str().unwrap()),
        ("LANG", "nl_NL"),
    ];
    let (code, out, _) = voer_at(home.path(), &["config"], &env);
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!("Configuratiebestand: {}", file.display())),
        "{out}"
    );
    assert!(out.contains("bestaat nog niet"), "{out}");
    assert!(
        out.contains("(standaard)") && out.contains("(systeeminstelling)"),
        "{out}"
    );

    fs::write(
        &file,
        "sessions = \"notities\"\nfacilitator = \"Anna\"\ntheme = \"projector\"\n\
         participants = [\"Anna\", \"Bert\"]\n",
    )
    .unwrap();
    let (code, out, _) = voer_at(home.path(), &["config", "--lang", "en"], &env);
    assert_eq!(code, 0);
    let notes = config_dir.join("voer/notities");
    for want in [
        format!("sessions folder     {}", notes.display()),
        "(config file)".into(),
        "facilitator         Anna".into(),
        "theme               projector".into(),
        "participants        Anna, Bert".into(),
        "language            en".into(),
        "(command line)".into(),
    ] {
        assert!(out.contains(&want), "{want}: {out}");
    }
    let (_, out, _) = voer_at(home.path(), &["sessions"], &env);
    assert!(out.contains(&notes.display().to_string()), "{out}");
}

#[test]
fn a_broken_config_file_is_named_with_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/voer");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("voer.toml");
    fs::write(&file, "facilitator = \"Anna\"\ntheme = \"donker\"\n").unwrap();
    for args in [&["list"][..], &["config"]] {
        let (code, _, err) = voer_at(home.path(), args, &[("LANG", "nl_NL")]);
        assert_eq!(code, 1, "{args:?}");
        assert!(
            err.contains("Het configuratiebestand is niet te gebruiken"),
            "{err}"
        );
        assert!(err.contains(&format!("{}:2:9: ", file.display())), "{err}");
    }
    // Help still works, so the way out can be read.
    let (code, out, _) = voer_at(home.path(), &["--help"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("Gebruik"));
}
/// `voer --version` names the commit it was built from: here, the checkout the tests run in.
#[test]
fn version_names_the_commit_it_was_built_from() {
    let (code, out, _) = voer(&["--version"], "C");
    assert_eq!(code, 0);
    let version = env!("CARGO_PKG_VERSION");
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let top = git(&["rev-parse", "--show-toplevel"]).and_then(|t| fs::canonicalize(t).ok());
    let own_checkout = top == fs::canonicalize(env!("CARGO_MANIFEST_DIR")).ok();
    match git(&["log", "-1", "--abbrev=7", "--format=%h %cs"]) {
        Some(commit) if own_checkout => {
            assert_eq!(out.trim(), format!("voer {version} ({commit})"));
        }
        // A source archive: no commit to name, and it says so.
        _ => assert_eq!(
            out.trim(),
            format!("voer {version} (built without git: commit unknown)")
        ),
    }
}

#[test]
fn an_until_that_is_no_time_is_refused_before_the_screen_opens() {
    let (code, _, err) = voer(
        &["run", "4", "-a", "team", "--until", "25:00"],
        "nl_NL.UTF-8",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("--until '25:00': geef een tijd als UU:MM"),
        "{err}"
    );
    let (code, _, err) = voer(&["--until", "half vijf", "list"], "en_GB");
    assert_eq!(code, 2);
    assert!(
        err.contains("--until 'half vijf': give a time as HH:MM"),
        "{err}"
    );
}

#[test]
fn show_documents_rounds_and_phases() {
    let dir = tempfile::tempdir().unwrap();
    let ep = include_str!("../../prompts/jef-mol.toml").replacen(
        "[[prompts]]\naudience = \"team\"\nminutes = 5\nround = true\n",
        "[[prompts]]\naudience = \"team\"\nminutes = 5\nround = true\nminutes_per_person = 2\n",
        1,
    );
    assert!(ep.contains("minutes_per_person = 2"), "the fixture changed");
    fs::write(dir.path().join("jef.toml"), ep).unwrap();
    let prompts = dir.path().to_str().unwrap();
    let (code, out, err) = voer(
        &[
            "--prompts",
            prompts,
            "show",
            "4",
            "-a",
            "team",
            "--lang",
            "en",
        ],
        "en",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Speaking round: everyone in turn (2 min each), then open discussion"),
        "{out}"
    );
}

#[test]
fn a_video_file_that_is_not_there_stops_the_run_before_the_meeting_starts() {
    let home = tempfile::tempdir().unwrap();
    let sessions = home.path().join("sessies");
    let sessions = sessions.to_str().unwrap();
    let run = |video: &str, lang: &str| {
        voer_at(
            home.path(),
            &[
                "run",
                "4",
                "-a",
                "team",
                "--video",
                video,
                "--sessions",
                sessions,
            ],
            &[("LANG", lang)],
        )
    };
    let (code, _, err) = run("film.mp4", "nl_NL.UTF-8");
    assert_ne!(code, 0);
    let missing = home.path().join("film.mp4");
    assert!(
        err.contains(&format!(
            "Het videobestand {} is niet te openen",
            missing.display()
        )) && err.contains("laat --video weg"),
        "{err}"
    );
    let (code, _, err) = run(".", "en_GB.UTF-8");
    assert_ne!(code, 0);
    assert!(err.contains("is a folder, not a video file"), "{err}");
    // Nothing was made: no session, not even the folder.
    assert!(!Path::new(sessions).exists());
}

/// `retention_months = 0` would put today's meetings up for deletion (`voer delete --expired`);
/// it, a negative number and a number in quotes are refused in words, with where they are.
#[test]
fn a_retention_period_that_is_not_a_whole_number_of_months_is_refused_in_words() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join(".config/voer");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("voer.toml");
    for value in ["0", "-1", "\"12\"", "1.5"] {
        fs::write(&file, format!("retention_months = {value}\n")).unwrap();
        for (lang, want) in [
            (
                "nl_NL",
                "retention_months moet een heel aantal maanden zijn, 1 of meer",
            ),
            (
                "en_GB",
                "retention_months must be a whole number of months, 1 or more",
            ),
        ] {
            let (code, _, err) = voer_at(home.path(), &["delete", "--expired"], &[("LANG", lang)]);
            assert_eq!(code, 1, "{value}: {err}");
            assert!(err.contains(want), "{value}: {err}");
            assert!(
                err.contains(&format!("{}:1:20", file.display())),
                "{value}: {err}"
            );
            assert!(!err.contains("u32"), "{value}: {err}");
        }
    }
    fs::write(&file, "retention_months = 12\n").unwrap();
    let (code, out, err) = voer_at(home.path(), &["privacy"], &[("LANG", "nl_NL")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("12 maanden"), "{out}");
}
