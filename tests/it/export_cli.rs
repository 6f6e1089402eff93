//! `voer export` as a user meets it: the real binary, real files.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Output},
};

use crate::export_support::*;

fn voer(dir: &Path, args: &[&str]) -> Output {
    Command::new(crate::bin::voer_bin())
        .current_dir(dir)
        .args(args)
        // A global option: it may stand before or after the command.
        .args(["--lang", "en"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        // No config file of the machine's user.
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .output()
        .expect("voer runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A temporary folder holding a copy of the fixture as `s.toml`.
fn workdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("s.toml");
    fs::copy(fixture_path(), &file).expect("copy fixture");
    (dir, file)
}

#[test]
fn markdown_to_stdout_by_default() {
    let (dir, _) = workdir();
    let o = voer(dir.path(), &["export", "s.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // --lang en: the interface words are English, the notes stay as they were typed.
    assert!(stdout(&o).starts_with("# Report: Cliënten met professionals aan het stuur\n"));
    assert!(stdout(&o).contains("## Question 1"));
    assert!(stdout(&o).contains("activiteitenkalender"));
}

#[test]
fn the_session_language_is_used_without_lang() {
    let (dir, _) = workdir();
    let o = Command::new(crate::bin::voer_bin())
        .current_dir(dir.path())
        .args(["export", "s.toml"])
        .env("LANG", "C")
        .env("XDG_CONFIG_HOME", dir.path().join(".config"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("voer runs");
    assert!(stdout(&o).contains("## Vraag 1"), "{}", stdout(&o));
}

#[test]
fn output_format_follows_the_extension_and_is_owner_only() {
    let (dir, _) = workdir();
    for (name, start) in [
        ("v.html", &b"<!DOCTYPE html>"[..]),
        ("v.md", b"# Report"),
        ("v.txt", b"Report: "),
        ("v.json", b"{\n  \"format\": \"voer-export\""),
        ("v.csv", "\u{feff}date,group".as_bytes()),
        ("v.docx", b"PK"),
    ] {
        let o = voer(dir.path(), &["export", "s.toml", "--output", name]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{name}: nothing on stdout");
        assert!(
            stderr(&o).contains(name),
            "{name}: says where: {}",
            stderr(&o)
        );
        let bytes = fs::read(dir.path().join(name)).expect("written");
        assert!(bytes.starts_with(start), "{name}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join(name))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
}

#[test]
fn format_wins_over_the_extension() {
    let (dir, _) = workdir();
    let o = voer(
        dir.path(),
        &["export", "s.toml", "--format", "json", "-o", "v.txt"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(dir.path().join("v.txt")).expect("written");
    assert!(text.starts_with('{'));
}

#[test]
fn an_unknown_extension_asks_for_format() {
    let (dir, _) = workdir();
    let o = voer(dir.path(), &["export", "s.toml", "-o", "v.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--format"), "{}", stderr(&o));
    assert!(!dir.path().join("v.pdf").exists());
}

#[test]
fn an_existing_file_is_not_overwritten_without_force() {
    let (dir, _) = workdir();
    let target = dir.path().join("verslag.html");
    fs::write(&target, "mine").expect("write");
    let o = voer(dir.path(), &["export", "s.toml", "-o", "verslag.html"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("verslag.html already exists"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(fs::read_to_string(&target).expect("read"), "mine");

    let o = voer(
        dir.path(),
        &["export", "s.toml", "-o", "verslag.html", "--force"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        fs::read_to_string(&target)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn a_session_file_is_never_overwritten() {
    let (dir, file) = workdir();
    let before = fs::read(&file).expect("read");
    let o = voer(
        dir.path(),
        &[
            "export", "s.toml", "-o", "s.toml", "--force", "--format", "md",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("session files"), "{}", stderr(&o));
    assert_eq!(fs::read(&file).expect("read"), before);
}

#[test]
fn docx_needs_an_output_file() {
    let (dir, _) = workdir();
    let o = voer(dir.path(), &["export", "s.toml", "--format", "docx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("--output"), "{}", stderr(&o));
}

#[test]
fn csv_with_a_semicolon() {
    let (dir, _) = workdir();
    let o = voer(
        dir.path(),
        &[
            "export",
            "s.toml",
            "--format",
            "csv",
            "--csv-delimiter",
            ";",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with(
            "\u{feff}date;group;audience;episode;step;question;note;who;when;done\r\n"
        )
    );
    let o = voer(
        dir.path(),
        &[
            "export",
            "s.toml",
            "--format",
            "csv",
            "--csv-delimiter",
            "\"",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn several_files_make_one_report() {
    let (dir, _) = workdir();
    let second = dir.path().join("t.toml");
    fs::write(&second, second_council().to_toml()).expect("write");
    let o = voer(dir.path(), &["export", "s.toml", "t.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert_eq!(md.matches("# Report").count(), 1);
    assert!(md.contains("## Groups"));
    assert!(md.contains("### Cliëntenraad De Linde"));
    assert!(md.contains("### Cliëntenraad Het Anker"));
}

#[test]
fn a_missing_file_is_named_with_where_voer_looked() {
    let (dir, _) = workdir();
    let sessions = dir.path().join("sessies");
    let s = sessions.to_str().expect("a UTF-8 path");
    let o = voer(
        dir.path(),
        &["export", "s.toml", "weg.toml", "--sessions", s],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    // The current folder as the system names it (on macOS /var is /private/var).
    let said = |here: &Path| {
        let looked = format!("in {} and {}.", here.display(), sessions.display());
        stderr(&o).contains(&format!("No session ‘weg.toml’ found {looked}"))
    };
    let real = fs::canonicalize(dir.path()).expect("the folder");
    assert!(said(dir.path()) || said(&real), "{}", stderr(&o));
}

#[test]
fn a_corrupt_file_is_named_with_its_problem() {
    let (dir, _) = workdir();
    fs::write(
        dir.path().join("kapot.toml"),
        "format_version = 1\n[session\nepisode = ",
    )
    .expect("w");
    fs::write(dir.path().join("ander.toml"), "title = \"geen sessie\"\n").expect("w");
    fs::write(dir.path().join("bin.toml"), [0xff, 0xfe, 0x00, 0x81]).expect("w");
    let o = voer(
        dir.path(),
        &["export", "kapot.toml", "ander.toml", "bin.toml"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("kapot.toml: line 2"), "{err}");
    assert!(
        err.contains("ander.toml: this is not a voer session file"),
        "{err}"
    );
    assert!(err.contains("bin.toml: "), "{err}");
    assert!(
        err.contains("Session files that could not be read: 3"),
        "{err}"
    );
}

#[test]
fn skip_bad_exports_the_others() {
    let (dir, _) = workdir();
    fs::write(dir.path().join("kapot.toml"), "niet = [toml").expect("w");
    let o = voer(
        dir.path(),
        &["export", "kapot.toml", "s.toml", "--skip-bad", "-o", "v.md"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: skipped: kapot.toml: line 1"),
        "{}",
        stderr(&o)
    );
    let md = fs::read_to_string(dir.path().join("v.md")).expect("written");
    assert!(md.contains("activiteitenkalender"));

    let o = voer(dir.path(), &["export", "kapot.toml", "--skip-bad"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("No readable session file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_empty_session_exports() {
    let (dir, file) = workdir();
    fs::write(&file, empty().to_toml()).expect("write");
    let o = voer(dir.path(), &["export", "s.toml", "--format", "txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).matches("No notes.").count(), 4);
}

#[test]
fn a_newer_session_file_is_refused_and_left_untouched() {
    let (dir, _) = workdir();
    let text = fs::read_to_string(fixture_path())
        .expect("fixture")
        .replacen("format_version = 2", "format_version = 3", 1);
    let file = dir.path().join("nieuw.toml");
    fs::write(&file, &text).expect("w");
    for format in ["md", "json", "docx"] {
        let out = format!("verslag.{format}");
        let o = voer(dir.path(), &["export", "nieuw.toml", "--output", &out]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        assert!(stderr(&o).contains("update voer"), "{}", stderr(&o));
        assert!(!dir.path().join(&out).exists(), "{format}: nothing written");
    }
    assert_eq!(fs::read_to_string(&file).expect("r"), text, "byte for byte");
}

#[test]
fn a_version_1_session_exports_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let v1 = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_V1);
    let file = dir.path().join("oud.toml");
    fs::copy(&v1, &file).expect("copy");
    let before = fs::read(&file).expect("r");
    for format in ["md", "html", "txt", "json", "csv", "docx"] {
        let out = format!("verslag.{format}");
        let o = voer(dir.path(), &["export", "oud.toml", "--output", &out]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(dir.path().join(&out).exists(), "{format}");
    }
    let md = stdout(&voer(dir.path(), &["export", "oud.toml"]));
    assert!(md.contains("Meneer Bakker"), "{md}");
    assert!(
        !md.contains("## Video"),
        "a version-1 session had no video step: {md}"
    );
    assert_eq!(
        fs::read(&file).expect("r"),
        before,
        "export never writes the session"
    );
}

#[test]
fn a_failed_write_names_the_target_not_a_temporary_file() {
    let (dir, _) = workdir();
    let o = voer(
        dir.path(),
        &["export", "s.toml", "--output", "weg/verslag.md"],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("weg/verslag.md: "), "{err}");
    assert!(!err.contains(".tmp"), "{err}");
}
