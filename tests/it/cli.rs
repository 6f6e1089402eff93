//! The command line, by running the real binary.
use std::{fs, path::Path, process::Command};

fn voer(args: &[&str], lang_env: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_voer"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang_env)
        .output()
        .expect("run voer");
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
    assert!(out.contains("45/47/45/43"), "{out}");
    let (_, out_en, _) = voer(&["list"], "en_GB.UTF-8");
    assert!(out_en.starts_with("No  Id  "), "{out_en}");
    assert!(out_en.contains("Clients at the wheel"));
}

#[test]
fn show_prints_a_plan_with_quote_prompts_tips_and_total() {
    let (code, out, _) = voer(&["show", "4", "--audience", "board", "--lang", "nl"], "C");
    assert_eq!(code, 0);
    assert!(out.contains("Aflevering 4 — Cliënten met professionals aan het stuur"));
    assert!(out.contains("“Niet vanuit een probleem gedacht, maar omdat collega’s en cliënten"));
    assert!(out.contains("Doelgroep: Bestuur / raad van toezicht (board)"));
    assert!(out.contains("1. (5 min)"));
    assert!(out.contains("Tip: "));
    assert!(out.contains("  Afsluiting (10 min)"));
    assert!(out.contains("Totaal: 47 min"), "{out}");
    assert!(!out.contains("client-council"), "only the board");
}

#[test]
fn show_without_audience_covers_all_four_and_accepts_ids_and_dutch_aliases() {
    let (code, out, _) = voer(&["show", "1"], "en_US.UTF-8");
    assert_eq!(code, 0);
    for a in ["(client-council)", "(board)", "(team)", "(classroom)"] {
        assert!(out.contains(a), "{a}");
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
            .replacen("minutes = 5", "minutes = 0", 1),
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
