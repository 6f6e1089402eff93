//! Reports never take the place of voer's own files: `voer export --force` never replaces a
//! session file (open in a run or not, given as input or not), a lock, a room screen's
//! presence or a rescue copy.
use std::fs;

use voer::session::store::SessionLock;

use crate::bin::voer_in;

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

#[test]
fn export_force_never_replaces_a_session_a_lock_a_presence_or_a_rescue_copy() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    let input = dir.join("invoer.toml");
    fs::write(&input, EXAMPLE.replace("example = true\n", "")).unwrap();
    // Another session, open in a run (its lock held), and a newer voer's session.
    let open = dir.join("open.toml");
    fs::write(&open, EXAMPLE.replace("example = true\n", "")).unwrap();
    let lock = SessionLock::acquire(&open).unwrap();
    let newer = dir.join("nieuwer.toml");
    fs::write(
        &newer,
        EXAMPLE.replace("format_version = 2", "format_version = 3"),
    )
    .unwrap();
    let presence = dir.join(".open.toml.room");
    fs::write(&presence, "room screen, process 1\n").unwrap();
    let rescue = home.path().join(".local/share/voer/rescue");
    fs::create_dir_all(&rescue).unwrap();
    let copy = rescue.join("open.toml.md");
    fs::write(&copy, "gered").unwrap();
    let lock_file = dir.join(".open.toml.lock");
    for target in [&open, &newer, &presence, &lock_file, &copy] {
        let before = fs::read(target).unwrap();
        let ran = voer_in(
            home.path(),
            &[
                "export",
                input.to_str().unwrap(),
                "--format",
                "md",
                "--output",
                target.to_str().unwrap(),
                "--force",
            ],
        );
        assert_ne!(ran.code, 0, "{} was replaced", target.display());
        assert!(
            ran.err.contains("is een bestand van voer zelf"),
            "{}: {}",
            target.display(),
            ran.err
        );
        assert_eq!(fs::read(target).unwrap(), before, "{}", target.display());
    }
    // A report of one's own is replaced with --force, as before.
    let report = home.path().join("verslag.md");
    fs::write(&report, "oud").unwrap();
    let ran = voer_in(
        home.path(),
        &[
            "export",
            input.to_str().unwrap(),
            "--output",
            report.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(ran.code, 0, "{}", ran.err);
    assert!(fs::read_to_string(&report).unwrap().contains("Verslag"));
    drop(lock);
}
