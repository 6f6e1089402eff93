//! A pipe, a device or an oversized file where voer reads a config, an episode or a session:
//! refused at once with a message that names the file, never waited on or read whole.
use std::{fs, path::Path, time::Duration};

use crate::bin::{Ran, voer_in, voer_in_within};

/// Far more than any of these needs; a voer that hangs is killed after it.
const LIMIT: Duration = Duration::from_secs(20);

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only makes a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// A file of `len` bytes that takes no room on the disk.
fn sparse(path: &Path, len: u64) {
    fs::File::create(path).unwrap().set_len(len).unwrap();
}

fn within(home: &Path, args: &[&str]) -> Ran {
    voer_in_within(home, args, LIMIT).unwrap_or_else(|| panic!("voer {args:?} hangs"))
}

fn config_file(home: &Path) -> std::path::PathBuf {
    let dir = home.join(".config/voer");
    fs::create_dir_all(&dir).unwrap();
    dir.join("voer.toml")
}

#[cfg(unix)]
#[test]
fn a_config_file_that_is_a_pipe_or_dev_zero_holds_up_no_command() {
    for (what, make) in [
        ("a pipe", mkfifo as fn(&Path)),
        ("a link to /dev/zero", |p: &Path| {
            std::os::unix::fs::symlink("/dev/zero", p).unwrap()
        }),
    ] {
        let home = tempfile::tempdir().unwrap();
        let config = config_file(home.path());
        make(&config);
        let ran = within(home.path(), &["config"]);
        assert_ne!(ran.code, 0, "{what}: {}", ran.out);
        ran.says(&format!(
            "Het configuratiebestand is niet te gebruiken: {}: geen gewoon bestand",
            config.display()
        ));
        // Every command says so at once, as for a broken config file.
        let ran = within(home.path(), &["list"]);
        ran.says("geen gewoon bestand");
    }
}

#[test]
fn a_config_file_over_a_mebibyte_is_not_read() {
    let home = tempfile::tempdir().unwrap();
    let config = config_file(home.path());
    sparse(&config, (1 << 20) + 1);
    let ran = within(home.path(), &["config"]);
    ran.says(&format!(
        "{}: groter dan 1 MiB; zo groot maakt voer dit bestand nooit",
        config.display()
    ));
}

#[cfg(unix)]
#[test]
fn an_episode_file_that_is_a_pipe_or_too_large_is_named_and_skipped() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("pijp.toml");
    mkfifo(&fifo);
    let big = home.path().join("groot.toml");
    sparse(&big, (1 << 20) + 1);
    let ran = within(
        home.path(),
        &["validate", fifo.to_str().unwrap(), big.to_str().unwrap()],
    );
    assert_eq!(ran.code, 1, "{}{}", ran.out, ran.err);
    let all = format!("{}{}", ran.out, ran.err);
    assert!(all.contains("pijp.toml"), "{all}");
    assert!(all.contains("geen gewoon bestand"), "{all}");
    assert!(all.contains("groot.toml"), "{all}");
    assert!(all.contains("groter dan 1 MiB"), "{all}");
}

#[test]
fn a_session_file_over_256_mebibytes_is_refused_and_57_megabytes_of_notes_open() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    let big = dir.join("groot.toml");
    sparse(&big, (256 << 20) + 1);
    let ran = within(home.path(), &["export", big.to_str().unwrap()]);
    assert_ne!(ran.code, 0);
    ran.says("groot.toml: groter dan 256 MiB; zo groot maakt voer dit bestand nooit");
    fs::remove_file(&big).unwrap();

    let line = "Een regel notities met wat woorden erin, en nog wat meer tekst erbij.\n";
    let notes = line.repeat(57_000_000 / line.len());
    let text = EXAMPLE.replacen("notes = \"\"\"\n", &format!("notes = \"\"\"\n{notes}"), 1);
    let path = dir.join("veel.toml");
    fs::write(&path, text).unwrap();
    let ran = voer_in(
        home.path(),
        &["export", path.to_str().unwrap(), "--format", "txt"],
    );
    assert_eq!(ran.code, 0, "{}", ran.err);
    assert!(ran.out.len() > 57_000_000);
}

#[cfg(unix)]
#[test]
fn a_pipe_given_to_export_or_resume_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    let good = dir.join("2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml");
    fs::write(&good, EXAMPLE.replace("example = true\n", "")).unwrap();
    let fifo = dir.join("pijp.toml");
    mkfifo(&fifo);
    // What a glob of the folder gives: the pipe among the sessions.
    let ran = within(
        home.path(),
        &["export", good.to_str().unwrap(), fifo.to_str().unwrap()],
    );
    assert_ne!(ran.code, 0, "{}", ran.out);
    ran.says(&format!("{}: geen gewoon bestand", fifo.display()));
    let ran = within(home.path(), &["resume", fifo.to_str().unwrap()]);
    assert_ne!(ran.code, 0, "{}", ran.out);
    ran.says(&format!("{}: geen gewoon bestand", fifo.display()));
    // The folder's listings pass it by.
    let ran = within(home.path(), &["sessions"]);
    assert_eq!(ran.code, 0, "{}", ran.err);
    assert!(!ran.out.contains("pijp"), "{}", ran.out);
}

#[test]
fn the_room_screen_says_a_file_from_a_newer_voer_needs_a_newer_voer() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    let newer = dir.join("nieuwer.toml");
    fs::write(
        &newer,
        EXAMPLE.replace("format_version = 2", "format_version = 3"),
    )
    .unwrap();
    let ran = within(home.path(), &["room", newer.to_str().unwrap()]);
    assert_ne!(ran.code, 0);
    ran.says(&format!(
        "{}: dit sessiebestand heeft formaatversie 3; deze voer leest tot versie 2: werk voer bij",
        newer.display()
    ));
}
