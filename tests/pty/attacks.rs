//! Attacks on voer that once got through: hostile session and episode files, escape codes,
//! symlinks, hard links, signals, races. Each test runs the real binary where a user would
//! meet the attack.

use std::{
    fs,
    path::Path,
    process::{Command, Output},
};

use crate::common::*;

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);
const EPISODE: &str = include_str!("../../prompts/jef-mol.toml");

/// `voer ARGS` with Dutch words, in `dir`, with a home folder of its own.
fn voer_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(voer_bin())
        .current_dir(dir)
        .args(args)
        .args(["--lang", "nl"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env("XDG_DATA_HOME", dir.join(".local/share"))
        .output()
        .expect("voer runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The example session, unfinished, with every time as large as the format can hold.
fn huge_times() -> String {
    let mut out = String::new();
    for line in EXAMPLE.lines() {
        let line = match line.split_once(" = ") {
            Some((k, _)) if k.ends_with("_seconds") => format!("{k} = 9223372036854775807"),
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out.replace("status = \"finished\"", "status = \"in-progress\"")
        .replace("example = true\n", "")
}

// 1. Large numbers in a session file.

#[test]
fn huge_times_in_a_session_file_are_read_as_24_hours_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("groot.toml"), huge_times()).unwrap();
    let o = voer_in(dir.path(), &["export", "groot.toml"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("groot.toml: steps[4].planned_seconds = 9223372036854775807 is meer dan 24 uur; gelezen als 24 uur"),
        "{err}"
    );
    let out = text(&o.stdout);
    assert!(!out.contains("153722867280912930"), "{out}");
    assert!(out.contains("1440 min"), "{out}");
    let o = voer_in(dir.path(), &["sessions", "--sessions", "."]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr)
            .contains("steps[4].elapsed_seconds = 9223372036854775807 is meer dan 24 uur"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn a_session_with_huge_times_resumes_and_reaches_the_summary() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.sessions()).unwrap();
    let file = sb.sessions().join("groot.toml");
    fs::write(&file, huge_times()).unwrap();
    let mut v = sb.voer(&["resume", file.to_str().unwrap()]);
    v.wait_for_text("Stap ", WAIT);
    assert!(v.output().contains("is meer dan 24 uur"), "{}", v.output());
    for _ in 0..12 {
        v.send(PAGE_DOWN);
    }
    v.wait_for_text("Samenvatting", WAIT);
    v.send(CTRL_C);
    let status = v.wait_exit(WAIT);
    assert!(status.success(), "{}", v.output());
    // Still a file that opens: the notes stay reachable.
    let again = voer_in(sb.path(), &["export", file.to_str().unwrap()]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(text(&again.stdout).contains("activiteitenkalender"));
}

#[test]
fn validate_refuses_minutes_that_would_wrap_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    // The video's minutes and the first question's (the council's round, 10 minutes).
    let ep = EPISODE
        .replacen("minutes = 5", "minutes = 4294967295", 1)
        .replacen("minutes = 10\nround", "minutes = 4294967295\nround", 1);
    fs::write(dir.path().join("ep.toml"), &ep).unwrap();
    let o = voer_in(dir.path(), &["validate", "ep.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    let err = text(&o.stderr);
    assert!(
        err.contains("ep.toml: prompts[1].minutes: moet 1 tot en met 240 zijn"),
        "{err}"
    );
}

// 3. Terminal escape codes.

const HOSTILE_NAME: &str = "esc\x1b]0;TITLE\x07\x1b[2Jx\nnieuwe regel";

fn no_control(what: &str, s: &str) {
    let bad: Vec<char> = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}: {s:?}");
}

#[test]
fn sessions_shows_escape_codes_in_a_group_name_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessies");
    fs::create_dir(&sessions).unwrap();
    let group = toml::Value::String(HOSTILE_NAME.into()).to_string();
    let hostile = EXAMPLE
        .replace(
            "group = \"Cliëntenraad De Linde\"",
            &format!("group = {group}"),
        )
        .replace("example = true\n", "");
    assert!(hostile.contains("TITLE"));
    fs::write(sessions.join("s\x1b[2J.toml"), hostile).unwrap();
    let o = voer_in(dir.path(), &["sessions", "--sessions", "sessies"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    no_control("voer sessions", &out);
    assert!(out.contains("esc␛]0;TITLE␇␛[2Jx␊nieuwe regel"), "{out}");
    assert!(out.contains("s␛[2J.toml"), "{out}");
    // The table is still one row per session: the header and one more.
    let rows = out.lines().filter(|l| l.contains("2026-11-20")).count();
    assert_eq!(rows, 1, "{out}");
}

#[test]
fn list_show_and_validate_do_not_pass_escape_codes_on() {
    let dir = tempfile::tempdir().unwrap();
    let prompts = dir.path().join("afleveringen");
    fs::create_dir(&prompts).unwrap();
    let ep = EPISODE.replacen(
        "nl = \"Cliënten met professionals aan het stuur\"",
        "nl = \"Cliënten\\u001b]0;TITLE\\u0007 aan het stuur\"",
        1,
    );
    assert_ne!(ep, EPISODE);
    fs::write(prompts.join("jef-mol.toml"), &ep).unwrap();
    let o = voer_in(dir.path(), &["validate", "afleveringen/jef-mol.toml"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    let err = text(&o.stderr);
    assert!(
        err.contains("jef-mol.toml: title.nl: bevat een stuurteken"),
        "{err}"
    );
    for args in [
        &["list", "--prompts", "afleveringen"][..],
        &["show", "4", "--prompts", "afleveringen"][..],
    ] {
        let o = voer_in(dir.path(), args);
        no_control(&format!("stdout of {args:?}"), &text(&o.stdout));
        no_control(&format!("stderr of {args:?}"), &text(&o.stderr));
    }
}

#[test]
fn csv_cells_hold_no_control_characters_also_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let notes = toml::Value::String("bel\x07 esc\x1b[2J nul\0 klaar".into()).to_string();
    let group = toml::Value::String(HOSTILE_NAME.into()).to_string();
    let hostile = EXAMPLE
        .replacen("notes = \"", &format!("notes = {notes}\nx_notes = \""), 1)
        .replace(
            "group = \"Cliëntenraad De Linde\"",
            &format!("group = {group}"),
        );
    fs::write(dir.path().join("s.toml"), hostile).unwrap();
    let o = voer_in(dir.path(), &["export", "s.toml", "--format", "csv"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    no_control("the csv", &out.replace("\r\n", "\n"));
    assert!(out.contains("bel␇ esc␛[2J nul␀ klaar"), "{out}");
}

// 2. `--audience` on an episode that lacks some audiences.

/// Episode 4 with only the audiences given, in a prompts folder of its own.
fn episode_for(dir: &Path, audiences: &[&str]) -> std::path::PathBuf {
    let mut ep: toml::Table = EPISODE.parse().unwrap();
    for list in ["opening", "prompts", "closing"] {
        let items = ep[list].as_array_mut().unwrap();
        items.retain(|p| audiences.contains(&p["audience"].as_str().unwrap()));
    }
    let prompts = dir.join("afleveringen");
    fs::create_dir_all(&prompts).unwrap();
    fs::write(prompts.join("jef-mol.toml"), toml::to_string(&ep).unwrap()).unwrap();
    prompts
}

fn run_audience(audiences: &[&str], wanted: &str) {
    let sb = Sandbox::new();
    let prompts = episode_for(sb.path(), audiences);
    let team_first = EPISODE
        .split("[[prompts]]\naudience = \"team\"")
        .nth(1)
        .and_then(|rest| rest.split("nl = \"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let mut v = sb.voer(&[
        "run",
        "4",
        "--audience",
        wanted,
        "--group",
        "Team Oost",
        "--prompts",
        prompts.to_str().unwrap(),
    ]);
    v.wait_for_text("Stap 1 van", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success(), "{}", v.output());
    let s = load(&sb.session_file()).unwrap();
    assert_eq!(s.session.audience.id(), wanted);
    let first = s
        .steps
        .iter()
        .find(|s| s.kind == voer::session::StepKind::Prompt);
    assert_eq!(first.unwrap().text, team_first);
}

#[test]
fn audience_team_runs_the_team_prompts_when_the_board_is_missing() {
    run_audience(&["client-council", "team", "classroom"], "team");
}

#[test]
fn audience_team_runs_when_it_is_the_only_audience() {
    run_audience(&["team"], "team");
}

// 5. The lock bypassed.

const PROMPT: usize = 3;

fn typed(v: &mut Voer, text: &str) {
    v.send(text);
    v.wait_for_text(text, WAIT);
}

/// A run at its first prompt, typing, with `words` on disk.
fn meeting(sb: &Sandbox, group: &str, words: &str) -> (Voer, std::path::PathBuf) {
    let mut v = start_run(sb, group);
    to_first_prompt_typing(&mut v);
    typed(&mut v, words);
    let file = sb.session_file();
    wait_for_file(&file, WAIT, "the first words", |s| {
        s.steps[PROMPT].notes == words
    });
    (v, file)
}

/// `voer resume FILE` while another voer has it open: refused, saying so.
fn second_resume_refused(sb: &Sandbox, file: &Path, says: &str) {
    let mut second = sb.voer(&["resume", file.to_str().unwrap()]);
    let status = second.wait_exit(WAIT);
    assert!(!status.success(), "a second voer opened {}", file.display());
    assert!(second.output().contains(says), "{}", second.output());
}

#[test]
fn the_lock_is_taken_again_when_the_folder_is_made_again() {
    let sb = Sandbox::new();
    let (mut v, file) = meeting(&sb, "Opnieuw", "een");
    remove_folder_under(&v, &sb.sessions());
    typed(&mut v, " twee");
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    fs::create_dir(sb.sessions()).unwrap();
    wait_for_file(&file, WAIT, "the file written again", |s| {
        s.steps[PROMPT].notes == "een twee"
    });
    second_resume_refused(&sb, &file, "al geopend in een ander venster met voer");
    typed(&mut v, " drie");
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert_eq!(load(&file).unwrap().steps[PROMPT].notes, "een twee drie");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_an_open_session_is_refused() {
    let sb = Sandbox::new();
    let (mut v, file) = meeting(&sb, "Alias", "een");
    let alias = sb.path().join("alias.toml");
    std::os::unix::fs::symlink(&file, &alias).unwrap();
    second_resume_refused(&sb, &alias, "al geopend in een ander venster met voer");
    assert!(fs::symlink_metadata(&alias).unwrap().is_symlink());
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[cfg(unix)]
#[test]
fn a_session_file_with_a_second_name_is_refused() {
    let sb = Sandbox::new();
    let (mut v, file) = meeting(&sb, "Hard", "een");
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let other = sb.path().join("ook.toml");
    fs::hard_link(&file, &other).unwrap();
    second_resume_refused(&sb, &other, "meer dan één naam");
    second_resume_refused(&sb, &file, "meer dan één naam");
}

// 6. The lock file's symbolic link.

#[cfg(unix)]
#[test]
fn a_planted_lock_file_link_is_not_followed() {
    let sb = Sandbox::new();
    let (mut v, file) = meeting(&sb, "Slot", "een");
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let lock = voer::session::store::lock_path(&file);
    let elsewhere = sb.path().join("buiten.txt");
    std::os::unix::fs::symlink(&elsewhere, &lock).unwrap();
    second_resume_refused(&sb, &file, "geen gewoon bestand");
    assert!(!elsewhere.exists(), "voer made a file through the link");
}

// 8. SIGXFSZ.

#[test]
fn past_the_file_size_limit_the_notes_are_kept_and_voer_says_so() {
    let sb = Sandbox::new();
    let mut v = sb.voer_sh(
        "ulimit -f 20; exec \"$VOER\" \"$@\"",
        &["run", "4", "-a", "client-council", "-g", "Groot"],
    );
    v.wait_for_text("Stap 1 van", WAIT);
    to_first_prompt_typing(&mut v);
    let paste: String = (0..1000)
        .map(|i| format!("regel {i:04} met tekst\n"))
        .collect();
    v.paste(&paste);
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    assert!(v.is_running(), "voer was killed: {}", v.output());
    // Still typing: the paste is in memory.
    v.wait_for_text("Notities — typen", WAIT);
}

// 10. `export --output` onto a pipe or a device.

#[cfg(unix)]
#[test]
fn export_never_replaces_a_pipe_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.toml"), EXAMPLE).unwrap();
    let fifo = dir.path().join("pijp.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let o = voer_in(
        dir.path(),
        &["export", "s.toml", "--output", "pijp.md", "--force"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("geen gewoon bestand"),
        "{}",
        text(&o.stderr)
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

// 11. A blind run.

#[test]
fn run_resume_and_room_refuse_when_the_output_is_not_a_terminal() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.sessions()).unwrap();
    let file = sb.sessions().join("s.toml");
    fs::write(&file, EXAMPLE.replace("example = true\n", "")).unwrap();
    let resume = ["resume", file.to_str().unwrap()];
    let room = ["room", file.to_str().unwrap()];
    for args in [&["run", "4", "-a", "team"][..], &resume[..], &room[..]] {
        let mut v = sb.voer_sh("exec \"$VOER\" \"$@\" > uit.bin", args);
        let status = v.wait_exit(WAIT);
        assert_eq!(status.exit_code(), 1, "{args:?}: {}", v.output());
        assert!(
            v.output().contains("heeft een terminal nodig"),
            "{args:?}: {}",
            v.output()
        );
        assert_eq!(fs::read(sb.path().join("uit.bin")).unwrap(), b"");
    }
    // Nothing was started: no new session, and the lock is let go.
    assert_eq!(sb.session_files(), std::slice::from_ref(&file));
    assert!(!voer::session::store::lock_path(&file).exists());
}

// 12. Six starts in the same minute for the same group.

#[test]
fn six_simultaneous_starts_each_get_a_file() {
    let sb = Sandbox::new();
    let mut all: Vec<Voer> = (0..6)
        .map(|_| sb.voer(&["run", "4", "-a", "team", "-g", "Zes"]))
        .collect();
    for v in &all {
        v.wait_for_text("Stap 1 van", WAIT);
    }
    for v in &mut all {
        v.send(CTRL_C);
        assert!(v.wait_exit(WAIT).success(), "{}", v.output());
    }
    assert_eq!(sb.session_files().len(), 6, "{:?}", sb.session_files());
}

// 4. Save elsewhere over an existing file.

#[test]
fn saving_elsewhere_refuses_an_existing_file_and_names_the_one_written() {
    let sb = Sandbox::new();
    let home = sb.path().join("home");
    fs::create_dir(&home).unwrap();
    let mut args: Vec<std::ffi::OsString> = ["run", "4", "-a", "team", "-g", "Elders"]
        .iter()
        .map(Into::into)
        .collect();
    args.extend(["--lang".into(), "nl".into(), "--sessions".into()]);
    args.push(sb.sessions().into());
    let mut v = Voer::spawn(sb.path(), &args, &[("HOME", home.to_str().unwrap())]);
    v.wait_for_text("Stap 1 van", WAIT);
    to_first_prompt_typing(&mut v);
    let file = sb.session_file();
    // An earlier copy where the dialog will suggest saving.
    let earlier = home.join(file.file_name().unwrap());
    fs::write(&earlier, "eerdere kopie").unwrap();
    fs::rename(sb.sessions(), sb.path().join("weg")).unwrap();
    typed(&mut v, "niet verliezen");
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    stop_typing(&mut v);
    v.send(CTRL_C);
    v.wait_for_text("Niet alles is opgeslagen", WAIT);
    v.send("w");
    v.wait_for_text("Opslaan als", WAIT);
    v.send(ENTER);
    v.wait_for_text("bestaat al", WAIT);
    assert!(v.is_running());
    assert_eq!(fs::read_to_string(&earlier).unwrap(), "eerdere kopie");
    // Ctrl+U empties the field; a relative name is written where voer runs.
    v.send("\x15");
    v.send("nieuw.toml");
    v.wait_for_text("nieuw.toml", WAIT);
    v.send(ENTER);
    assert!(v.wait_exit(WAIT).success(), "{}", v.output());
    let written = sb.path().join("nieuw.toml");
    assert_eq!(
        load(&written).unwrap().steps[PROMPT].notes,
        "niet verliezen"
    );
    assert!(
        v.output()
            .contains(&format!("Notities bewaard in {}", written.display())),
        "{}",
        v.output()
    );
}

// 7. The folder gone, then the window closed.

#[cfg(unix)]
#[test]
fn a_failed_last_save_leaves_a_rescue_copy_that_sessions_and_resume_find() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    let (mut v, file) = meeting(&sb, "Gered", "voor");
    fs::rename(sb.sessions(), sb.path().join("weg")).unwrap();
    typed(&mut v, " en na");
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    v.close_terminal();
    let status = v.wait_exit(WAIT);
    assert!(!status.success());
    let rescue = sb.path().join(".local/share/voer/rescue");
    let copy = rescue.join(file.file_name().unwrap());
    assert_eq!(load(&copy).unwrap().steps[PROMPT].notes, "voor en na");
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&rescue), 0o700);
    assert_eq!(mode(&copy), 0o600);
    // The sessions folder is back, with the older file: both are listed, the copy as rescued.
    fs::rename(sb.path().join("weg"), sb.sessions()).unwrap();
    let o = voer_in(
        sb.path(),
        &["sessions", "--sessions", sb.sessions().to_str().unwrap()],
    );
    let out = text(&o.stdout);
    assert!(out.contains(&rescue.display().to_string()), "{out}");
    assert!(out.lines().any(|l| l.contains("gered")), "{out}");
    // voer resume takes the rescue copy: it is the newest.
    let mut again = sb.voer(&["resume"]);
    again.wait_for_text("Stap 4 van", WAIT);
    again.wait_for_text("voor en na", WAIT);
    again.send(CTRL_C);
    assert!(again.wait_exit(WAIT).success());
}

#[cfg(unix)]
#[test]
fn a_rescue_folder_that_is_a_link_is_neither_followed_nor_chmodded() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    // The rescue folder is a link to a folder readable by all (a shared one, say).
    let shared = sb.path().join("gedeeld");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o755)).unwrap();
    let data = sb.path().join(".local/share/voer");
    fs::create_dir_all(&data).unwrap();
    std::os::unix::fs::symlink(&shared, data.join("rescue")).unwrap();
    let (mut v, _) = meeting(&sb, "Koppeling", "voor");
    fs::rename(sb.sessions(), sb.path().join("weg")).unwrap();
    typed(&mut v, " en na");
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    v.signal("TERM");
    v.wait_exit(WAIT);
    let mode = fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755, "the folder the link points at was chmodded");
    assert_eq!(
        fs::read_dir(&shared).unwrap().count(),
        0,
        "written through the link"
    );
    assert!(
        v.output()
            .contains("Ook een reservekopie kon niet worden geschreven")
            && v.output().contains("symbolische koppeling"),
        "{}",
        v.output()
    );
}

#[test]
fn sigterm_with_the_folder_gone_says_where_the_rescue_copy_is() {
    let sb = Sandbox::new();
    let (mut v, file) = meeting(&sb, "Gestopt", "een");
    remove_folder_under(&v, &sb.sessions());
    typed(&mut v, " twee");
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    v.signal("TERM");
    v.wait_exit(WAIT);
    let copy = sb
        .path()
        .join(".local/share/voer/rescue")
        .join(file.file_name().unwrap());
    assert!(
        v.output().contains("reservekopie") && v.output().contains(&copy.display().to_string()),
        "{}",
        v.output()
    );
    assert_eq!(load(&copy).unwrap().steps[PROMPT].notes, "een twee");
}

// 13. SIGQUIT and SIGUSR1.

#[test]
fn sigquit_and_sigusr1_save_everything_and_restore_the_terminal() {
    for sig in ["QUIT", "USR1"] {
        let sb = Sandbox::new();
        let mut v = start_run(&sb, &format!("Signaal {sig}"));
        to_first_prompt_typing(&mut v);
        let words = "laatste woorden";
        v.send(words);
        v.signal(sig);
        let status = v.wait_exit(WAIT);
        assert!(status.success(), "{sig}: exit {status}");
        assert!(v.terminal_is_cooked(), "{sig}: raw mode left on");
        let s = load(&sb.session_file()).unwrap();
        assert_eq!(s.steps[PROMPT].notes, words, "{sig}");
        // The room screen too gives the terminal back.
        let mut room = sb.voer(&["room"]);
        room.wait_for(WAIT, "the room screen", |s| !s.trim().is_empty());
        room.signal(sig);
        assert!(room.wait_exit(WAIT).success(), "room, {sig}");
        assert!(room.terminal_is_cooked(), "room, {sig}: raw mode left on");
    }
}

#[test]
fn a_windows_line_end_in_an_episode_is_fine_a_lone_carriage_return_is_not() {
    use voer::episode::parse_episode;
    let crlf = EPISODE.replace('\n', "\r\n");
    assert!(parse_episode("crlf.toml", &crlf).is_ok());
    let lone = EPISODE.replacen(
        "nl = \"Cliënten met professionals aan het stuur\"",
        "nl = \"Cliënten\\r met professionals aan het stuur\"",
        1,
    );
    let errs: Vec<String> = parse_episode("cr.toml", &lone)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errs.iter()
            .any(|e| e.contains("title.nl") && e.contains("control character")),
        "{errs:?}"
    );
}
