//! `Ctrl+E` writes the report beside the session file and records it there (name and
//! SHA-256): it replaces a report of its own that nobody changed, never one edited by hand.
use std::{fs, path::PathBuf};

use crate::common::*;

const CTRL_E: &str = "\x05";

fn report_of(file: &std::path::Path, suffix: &str) -> PathBuf {
    let stem = file.file_stem().unwrap().to_string_lossy();
    file.with_file_name(format!("{stem}{suffix}.md"))
}

#[test]
fn ctrl_e_never_replaces_a_report_edited_by_hand() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Verslagtest");
    let file = sb.session_file();
    let first = report_of(&file, "");
    v.send(CTRL_E);
    v.wait_for_text("Verslag geschreven", WAIT);
    let s = wait_for_file(&file, WAIT, "the report recorded", |s| s.reports.len() == 1);
    assert_eq!(
        s.reports[0].name,
        first.file_name().unwrap().to_string_lossy()
    );
    let written = fs::read(&first).unwrap();
    assert_eq!(
        s.reports[0].sha256,
        voer::session::store::sha256_hex(&written)
    );

    // Unchanged: the next one replaces it.
    to_first_prompt_typing(&mut v);
    v.send("Koffie regelen we zelf");
    stop_typing(&mut v);
    v.send(CTRL_E);
    wait_for_file(&file, WAIT, "the second report recorded", |s| {
        s.reports.len() == 1 && s.reports[0].sha256 != voer::session::store::sha256_hex(&written)
    });
    assert!(!report_of(&file, "-2").exists());

    // Edited by hand: kept as it is, the report goes beside it, and the bar says so.
    let edited = format!(
        "{}\nAangevuld door de voorzitter.\n",
        fs::read_to_string(&first).unwrap()
    );
    fs::write(&first, &edited).unwrap();
    v.send(CTRL_E);
    let s = wait_for_file(&file, WAIT, "the report beside it recorded", |s| {
        s.reports.len() == 2
    });
    v.wait_for_text("met de hand veranderd", WAIT);
    assert_eq!(fs::read_to_string(&first).unwrap(), edited);
    let second = report_of(&file, "-2");
    assert_eq!(
        s.reports[1].name,
        second.file_name().unwrap().to_string_lossy()
    );
    assert!(fs::read_to_string(&second).unwrap().contains("Verslagtest"));
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    // The hand-edited report is no longer voer's own; the one beside it is.
    let s = load(&file).unwrap();
    assert_eq!(voer::session::store::unchanged_reports(&file, &s), [second]);
}
