//! End-to-end: the real binary in a pseudo-terminal, keys typed, the session file checked on disk.

use std::{fs, os::unix::fs::PermissionsExt, path::Path};

use crate::common::*;
use voer::session::{Status, StepKind};

/// The first prompt of episode 4 for a client council.
const PROMPT: usize = 3;

fn type_slowly(v: &mut Voer, text: &str) {
    for c in text.chars() {
        let key = if c == '\n' {
            ENTER.to_string()
        } else {
            c.to_string()
        };
        v.send(&key);
    }
}

#[test]
fn notes_with_diacritics_and_emoji_reach_the_file() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Cliëntenraad De Linde");
    to_first_prompt_typing(&mut v);
    let text =
        "Mevrouw Jansen: “koffie” regelen we zelf 😀, café\nDhr. Öztürk: ‘één’ ĳsje, naïef — 日本";
    type_slowly(&mut v, text);
    v.wait_for_text("regelen we zelf 😀, café", WAIT);
    stop_typing(&mut v);
    let file = sb.session_file();
    let s = wait_for_file(&file, WAIT, "the typed notes", |s| {
        s.steps[PROMPT].notes == text
    });
    assert_eq!(s.steps[PROMPT].kind, StepKind::Prompt);
    assert_eq!(s.session.group, "Cliëntenraad De Linde");
    assert_eq!(s.session.current_step, PROMPT);
    assert!(
        file.file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with("_jef-mol_client-council_clientenraad-de-linde.toml"),
        "{file:?}"
    );
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn a_large_paste_lands_in_one_go() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Team Noord");
    v.send(RIGHT);
    v.wait_for_text("Stap 2 van", WAIT);
    v.send(RIGHT);
    v.wait_for_text("Stap 3 van", WAIT);
    v.send(RIGHT);
    v.wait_for_text("Stap 4 van", WAIT);
    assert!(v.bracketed_paste(), "voer should turn on bracketed paste");
    // Pasted in navigation mode: were it read as keys, `q` would quit and `n`, `p`, `b` would
    // step or blank the screen. 400 lines, about 30 KB.
    let text: String = (1..=400)
        .map(|i| format!("regel {i}: qnpb “zorg” café 😀 ĳs — de cliënt aan het stuur\n"))
        .collect();
    let text = text.trim_end().to_string();
    v.paste(&text);
    let file = sb.session_file();
    let s = wait_for_file(&file, WAIT, "the pasted notes", |s| {
        s.steps[PROMPT].notes == text
    });
    assert_eq!(s.session.current_step, PROMPT, "the paste must not step");
    v.wait_for_text("Notities — typen", WAIT);
    assert!(v.screen().contains("Stap 4 van"));
    assert!(v.is_running(), "the paste must not quit");
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn q_quits_in_progress_and_stepping_past_closing_finishes() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Bestuur");
    assert!(!v.terminal_is_cooked(), "voer runs in raw mode");
    to_first_prompt_typing(&mut v);
    type_slowly(&mut v, "eerste indruk");
    stop_typing(&mut v);
    v.send(CTRL_C);
    let status = v.wait_exit(WAIT);
    assert!(status.success(), "q should exit 0, got {status}");
    let raw = v.raw();
    assert!(
        contains_bytes(&raw, LEAVE_ALT_SCREEN),
        "alternate screen left"
    );
    assert!(contains_bytes(&raw, SHOW_CURSOR), "cursor shown again");
    assert!(!v.alternate_screen());
    assert!(v.terminal_is_cooked(), "raw mode is switched off");
    let file = sb.session_file();
    let s = load(&file).unwrap();
    assert_eq!(s.session.status, Status::InProgress);
    assert_eq!(s.steps[PROMPT].notes, "eerste indruk");
    // How to go on: this very file, wherever the next terminal is opened.
    let out = v.output();
    assert!(
        out.contains(&format!("Verdergaan: voer resume {}", file.display())),
        "{out}"
    );

    // Resume, and step past the closing step.
    let mut v = sb.voer(&["resume", file.to_str().unwrap()]);
    v.wait_for_text("Stap 4 van 8", WAIT);
    for step in 5..=8 {
        v.send(RIGHT);
        v.wait_for_text(&format!("Stap {step} van 8"), WAIT);
    }
    v.wait_for_text("Samenvatting", WAIT);
    let s = wait_for_file(&file, WAIT, "finished", |s| {
        s.session.status == Status::Finished
    });
    assert!(s.session.finished_at.is_some());
    assert_eq!(s.session.current_step, s.steps.len());
    assert_eq!(s.steps[PROMPT].notes, "eerste indruk");
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert_eq!(load(&file).unwrap().session.status, Status::Finished);
    // A finished conversation is not "continued": the way to a report, and to add notes.
    let out = v.output();
    let report = file.with_extension("md");
    let report = report.file_name().unwrap().to_string_lossy();
    assert!(
        out.contains(&format!(
            "Verslag maken: voer export {} --output {report}",
            file.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Notities aanvullen: voer resume {}",
            file.display()
        )),
        "{out}"
    );
    assert!(!out.contains("Verdergaan"), "{out}");
    assert!(
        !out.contains("Brief met de vragen"),
        "no question, no letter: {out}"
    );
}

/// Writes a session file as if a run had stopped at `step`, with notes on every step.
fn stopped_at(file: &std::path::Path, step: usize, paused: bool, status: Status) {
    let mut s = load(file).unwrap();
    for (i, st) in s.steps.iter_mut().enumerate() {
        st.notes = format!("notitie {i}: “ja” 😀\ntweede regel {i}");
        st.elapsed_seconds = 30 + i as u64 * 7;
    }
    s.session.current_step = step;
    s.session.paused = paused;
    s.session.status = status;
    if status == Status::Finished {
        s.session.finished_at = Some(s.session.started_at);
    }
    fs::write(file, s.to_toml()).unwrap();
}

#[test]
fn resume_brings_back_every_step_kind() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Klas 3");
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let file = sb.session_file();
    let steps = load(&file).unwrap().steps.len();
    assert_eq!(steps, 7);
    // opening, video, quote, prompt, closing, summary; paused and running.
    let cases = [
        (0, false, "Aflevering 4"),
        (1, true, "We kijken de video"),
        (1, false, "Geen webadres bekend"),
        (2, true, "Jef Mol"),
        (3, true, "Vraag 1"),
        (4, false, "Vraag 2"),
        (6, true, "Afsluiting"),
        (7, false, "Samenvatting"),
    ];
    for (step, paused, shows) in cases {
        stopped_at(&file, step, paused, Status::InProgress);
        let before = load(&file).unwrap();
        let mut v = sb.voer(&["resume", file.to_str().unwrap()]);
        v.wait_for_text(&format!("Stap {} van 8", step + 1), WAIT);
        v.wait_for_text(shows, WAIT);
        if step < steps {
            v.wait_for_text(&format!("notitie {step}: “ja” 😀"), WAIT);
        }
        let timed = matches!(step, 1 | 3..=6);
        if timed && paused {
            v.wait_for_text("GEPAUZEERD", WAIT);
        } else {
            assert!(!v.screen().contains("GEPAUZEERD"), "step {step}");
        }
        v.send(CTRL_C);
        assert!(v.wait_exit(WAIT).success(), "step {step}");
        let after = load(&file).unwrap();
        assert_eq!(after.session.current_step, step);
        assert_eq!(after.session.paused, paused, "step {step}");
        assert_eq!(after.session.status, Status::InProgress);
        for (i, (a, b)) in after.steps.iter().zip(&before.steps).enumerate() {
            assert_eq!(a.notes, b.notes, "notes of step {i}");
            if i == step && !paused {
                assert!(a.elapsed_seconds >= b.elapsed_seconds, "step {i}");
                assert!(a.elapsed_seconds <= b.elapsed_seconds + 5, "step {i}");
            } else {
                assert_eq!(a.elapsed_seconds, b.elapsed_seconds, "elapsed of step {i}");
            }
        }
    }
}

#[test]
fn a_finished_session_reopened_stays_finished_and_says_so() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Raad van toezicht");
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let file = sb.session_file();
    for step in [0, 7] {
        stopped_at(&file, step, false, Status::Finished);
        let finished_at = load(&file).unwrap().session.finished_at;
        let mut v = sb.voer(&["resume", file.to_str().unwrap()]);
        v.wait_for_text(&format!("Stap {} van 8", step + 1), WAIT);
        v.wait_for_text("was al afgerond", WAIT);
        // Add a note on the closing step.
        v.send(LEFT);
        if step == 0 {
            // From the opening, go to the closing step instead.
            for s in 2..=7 {
                v.send(RIGHT);
                v.wait_for_text(&format!("Stap {s} van 8"), WAIT);
            }
        }
        v.wait_for_text("Stap 7 van 8", WAIT);
        v.send(ENTER);
        v.wait_for_text("Notities — typen", WAIT);
        type_slowly(&mut v, " nog iets");
        stop_typing(&mut v);
        v.send(CTRL_C);
        assert!(v.wait_exit(WAIT).success());
        let s = load(&file).unwrap();
        assert_eq!(
            s.session.status,
            Status::Finished,
            "reopened from step {step}"
        );
        assert_eq!(s.session.finished_at, finished_at);
        assert!(
            s.steps[6].notes.ends_with(" nog iets"),
            "{:?}",
            s.steps[6].notes
        );
    }
}

#[test]
fn unreadable_session_files_are_refused_and_left_alone() {
    let sb = Sandbox::new();
    let dir = sb.sessions();
    fs::create_dir_all(&dir).unwrap();
    let mut valid = {
        let mut v = start_run(&sb, "Geldig");
        v.send(CTRL_C);
        assert!(v.wait_exit(WAIT).success());
        load(&sb.session_file()).unwrap()
    };
    valid.format_version = 99;
    // In Dutch (the sandbox runs with --lang nl); the parser's own words may follow in brackets.
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "kapot.toml",
            b"format_version = 1\n[session\nepisode = \"x\"\n".to_vec(),
            "regel 2, kolom 9: de inhoud klopt niet (",
        ),
        (
            "toekomst.toml",
            valid.to_toml().into_bytes(),
            "formaatversie 99",
        ),
        (
            "boodschappen.toml",
            b"[lijst]\nmelk = 2\nbrood = 1\n".to_vec(),
            "geen sessiebestand van voer",
        ),
        ("leeg.toml", Vec::new(), "geen sessiebestand van voer"),
        (
            "half.toml",
            b"format_version = 1\n[session]\nepisode = \"jef-mol\"\n".to_vec(),
            "de inhoud klopt niet (missing field",
        ),
        (
            "binair.toml",
            vec![0xff, 0xfe, 0x00, 0x80, b'a', 0xc3],
            "geen tekstbestand (geen geldige UTF-8)",
        ),
    ];
    for (name, bytes, problem) in &cases {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap();
        let mut v = sb.voer(&["resume", path.to_str().unwrap()]);
        let status = v.wait_exit(WAIT);
        let out = v.output();
        assert!(!status.success(), "{name}: resume should fail");
        assert!(out.contains(name), "{name}: message names the file: {out}");
        assert!(out.contains(problem), "{name}: says {problem:?}: {out}");
        assert!(
            !contains_bytes(&v.raw(), ENTER_ALT_SCREEN),
            "{name}: no screen"
        );
        assert_eq!(&fs::read(&path).unwrap(), bytes, "{name}: bytes unchanged");
    }
    // A file that is not there, in a folder that is not there: the message names the file.
    let missing = sb.path().join("weg").join("sessie.toml");
    let mut v = sb.voer(&["resume", missing.to_str().unwrap()]);
    assert!(!v.wait_exit(WAIT).success());
    let out = v.output();
    assert!(
        out.contains(&format!("Geen sessie: {} bestaat niet", missing.display())),
        "{out}"
    );
    assert!(
        !out.contains("No such file") && !out.contains("os error"),
        "{out}"
    );
    assert!(!sb.path().join("weg").exists());
    // `voer sessions` lists each of them with its reason.
    let out = std::process::Command::new(voer_bin())
        .args(["sessions", "--lang", "nl", "--sessions"])
        .arg(&dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let listing = String::from_utf8_lossy(&out.stdout);
    for (name, _, problem) in &cases {
        let line = listing
            .lines()
            .find(|l| l.starts_with("onleesbaar") && l.contains(name))
            .unwrap_or_else(|| panic!("{name} is not listed as unreadable:\n{listing}"));
        assert!(line.contains(problem), "{name}: {line}");
    }
    assert!(listing.contains("geldig"), "{listing}");
    // Nothing was written into the folder on the way.
    for (name, bytes, _) in &cases {
        assert_eq!(&fs::read(dir.join(name)).unwrap(), bytes);
    }
}

#[test]
fn hostile_group_names_stay_inside_the_sessions_folder() {
    let long = "abc/".repeat(125);
    let names = [
        "../../etc/passwd",
        "/",
        "..",
        ".",
        "a/b\\c",
        "C:\\Windows\\evil",
        long.as_str(),
        "😀🎉",
        "line\nbreak",
        "-rf *",
    ];
    let sb = Sandbox::new();
    for (i, name) in names.iter().enumerate() {
        let mut v = sb.voer(&[
            "run",
            "4",
            "--audience",
            "team",
            &format!("--group={name}"),
            "--facilitator=../../../tmp/x",
        ]);
        v.wait_for_text("Stap 1 van", WAIT);
        v.send(CTRL_C);
        assert!(v.wait_exit(WAIT).success(), "group {name:?}");
        let files = sb.session_files();
        assert_eq!(files.len(), i + 1, "group {name:?}: {files:?}");
        for f in &files {
            assert_eq!(f.parent().unwrap(), sb.sessions());
            let file_name = f.file_name().unwrap().to_str().unwrap();
            assert!(
                file_name.len() < 120
                    && file_name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                    && !file_name.starts_with('.')
                    && file_name.contains("_jef-mol_team_"),
                "group {name:?}: unsafe file name {file_name}"
            );
        }
        let newest = files
            .iter()
            .find(|f| load(f).unwrap().session.group == name.trim())
            .unwrap_or_else(|| panic!("no file holds group {name:?}"));
        assert_eq!(load(newest).unwrap().session.facilitator, "../../../tmp/x");
    }
    // Nothing outside the sessions folder.
    let entries: Vec<_> = fs::read_dir(sb.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries, vec![std::ffi::OsString::from("sessions")]);
}

#[test]
fn files_and_folders_are_private() {
    let sb = Sandbox::new();
    // A nested folder that does not exist yet.
    let dir = sb.path().join("a").join("sessions");
    let args = |extra: &[&str]| {
        let mut a: Vec<std::ffi::OsString> = extra.iter().map(Into::into).collect();
        a.extend(["--sessions".into(), dir.clone().into_os_string()]);
        a
    };
    let mut v = Voer::spawn(
        sb.path(),
        &args(&["run", "4", "--audience", "board", "--group", "Privé"]),
        &[],
    );
    v.wait_for_text("Stap 1 van", WAIT);
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700, "sessions folder");
    let file = session_files(&dir).pop().expect("a session file");
    assert_eq!(mode(&file), 0o600, "session file");
    let lock = voer::session::store::lock_path(&file);
    assert_eq!(mode(&lock), 0o600, "lock file");
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert_eq!(mode(&file), 0o600, "session file after the last save");

    // A file made world-readable by hand becomes private again at the next save.
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let mut resume = args(&["resume"]);
    resume.insert(1, file.clone().into_os_string());
    let mut v = Voer::spawn(sb.path(), &resume, &[]);
    v.wait_for_text("Stap 1 van", WAIT);
    v.send(RIGHT);
    v.wait_for_text("Stap 2 van", WAIT);
    wait_for_file(&file, WAIT, "the step change", |s| {
        s.session.current_step == 1
    });
    assert_eq!(mode(&file), 0o600, "session file after a save");
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn an_unwritable_sessions_folder_is_refused_before_the_screen_opens() {
    let sb = Sandbox::new();
    let regular = sb.path().join("een-bestand");
    fs::write(&regular, "geen map").unwrap();
    let under_file = regular.join("sessions");
    for (dir, reason) in [
        // The folder is made only for a session, so its nearest parent is checked: read-only.
        (std::path::PathBuf::from("/proc/nope"), "geen toestemming"),
        (under_file, "geen map"),
        (regular.clone(), "geen map"),
    ] {
        let mut v = Voer::spawn(
            sb.path(),
            &[
                "run".into(),
                "4".into(),
                "--audience".into(),
                "team".into(),
                "--lang".into(),
                "nl".into(),
                "--sessions".into(),
                dir.clone().into_os_string(),
            ],
            &[],
        );
        let status = v.wait_exit(WAIT);
        let out = v.output();
        assert!(!status.success(), "{dir:?}: should refuse");
        assert!(
            out.contains(&format!("'{}'", dir.display())),
            "{dir:?}: the message names the folder: {out}"
        );
        assert!(out.contains("Kan niet opslaan in de map"), "{out}");
        // The system's reason in Dutch words, not its English text.
        assert!(out.contains(&format!("': {reason}.")), "{dir:?}: {out}");
        assert!(!out.contains("os error"), "{dir:?}: {out}");
        assert!(
            !contains_bytes(&v.raw(), ENTER_ALT_SCREEN),
            "{dir:?}: the screen must not open"
        );
    }
    assert_eq!(fs::read_to_string(&regular).unwrap(), "geen map");
}

#[test]
fn leaving_the_picker_leaves_no_sessions_folder() {
    for key in [CTRL_C, ESC] {
        let sb = Sandbox::new();
        let mut v = sb.voer(&[]);
        v.wait_for_text("Kies een aflevering", WAIT);
        v.send(key);
        assert!(v.wait_exit(WAIT).success(), "{key:?}");
        assert!(
            !sb.sessions().exists(),
            "{key:?}: nothing was started, so no folder may be made"
        );
    }
}

#[test]
fn esc_on_the_group_name_goes_back_to_the_audience() {
    let sb = Sandbox::new();
    let mut v = sb.voer(&["run", "4", "--audience", "team"]);
    v.wait_for_text("Naam van de groep", WAIT);
    v.send(ESC);
    v.wait_for_text("Kies de doelgroep", WAIT);
    assert!(v.is_running(), "Esc on the group name must not quit");
    assert!(!sb.sessions().exists());
    v.send(ENTER);
    v.wait_for_text("Naam van de groep", WAIT);
    type_slowly(&mut v, "Team Zuid\n");
    v.wait_for_text("Stap 1 van", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let s = load(&sb.session_file()).unwrap();
    assert_eq!(s.session.group, "Team Zuid");
    assert_eq!(s.session.audience, voer::episode::Audience::Team);
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "the input source that reads all ready input is chosen on Linux only"
)]
fn typed_input_without_paste_brackets_is_taken_in_at_once() {
    // A terminal without bracketed paste sends a paste as keys: all of it must arrive,
    // without waiting for a key after it.
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Team Noord");
    to_first_prompt_typing(&mut v);
    // Nearly 4 KB: several of the reads in which voer takes in keys (the old input source
    // took one and left the rest until the next key), within what the terminal holds at once.
    let text: String = (1..=100)
        .map(|i| format!("regel {i} over de zorg en de cliënt. "))
        .collect();
    let text = format!("{}Einde.", text);
    v.send(&text);
    let file = sb.session_file();
    // A debug build checks the notes editor after every key, which takes a while for this many
    // on a busy machine: the point is that it all arrives without another key after it, not
    // how fast, so the deadline only bounds a hang.
    wait_for_file(&file, WAIT * 12, "all typed input", |s| {
        s.steps[PROMPT].notes == text
    });
    v.wait_for_text("Einde.", WAIT);
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn quitting_after_a_resize_leaves_nothing_of_the_screen_behind() {
    for (rows, cols) in [(20, 70), (40, 120)] {
        let sb = Sandbox::new();
        let mut v = start_run(&sb, "Team Noord");
        v.resize(rows, cols);
        v.send(RIGHT);
        v.wait_for_text("Stap 2 van", WAIT);
        v.send(CTRL_C);
        assert!(v.wait_exit(WAIT).success());
        assert!(!v.alternate_screen());
        let shell = v.screen();
        assert!(
            !shell.contains("Stap") && !shell.contains("Agenda"),
            "{rows}×{cols}: the shell shows what was on voer's screen:\n{shell}"
        );
    }
}

#[test]
fn a_version_1_session_resumes_and_is_written_back_as_version_2() {
    let sb = Sandbox::new();
    fs::create_dir_all(sb.sessions()).unwrap();
    let file = sb.sessions().join("oud.toml");
    let v1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/session_v1.toml");
    fs::copy(&v1, &file).unwrap();
    let before = load(&file).unwrap();
    // Saved before the video step existed: seven steps, and the summary.
    assert_eq!(before.steps.len(), 7);
    let mut v = sb.voer(&["resume", file.to_str().unwrap()]);
    v.wait_for_text("Stap 8 van 8", WAIT);
    v.wait_for_text("Samenvatting", WAIT);
    v.send(LEFT);
    v.wait_for_text("Stap 7 van 8", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("format_version = 2\n"), "{text}");
    let after = load(&file).unwrap();
    assert_eq!(after.steps.len(), 7);
    for (a, b) in after.steps.iter().zip(&before.steps) {
        assert_eq!(a.notes, b.notes);
        assert_eq!(a.kind, b.kind);
        // Version 1 kept one plan: it is the episode's plan too.
        assert_eq!(a.episode_seconds, b.planned_seconds);
    }
}

/// Goes to step `n` (1-based) with →, then types `sentence` key by key without Enter first,
/// and quits with Ctrl+C. Returns the saved session; voer must still be running until then.
fn type_a_sentence_on_step(n: usize, sentence: &str) -> voer::session::Session {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Team Noord");
    for k in 2..=n {
        v.send(RIGHT);
        v.wait_for_text(&format!("Stap {k} van"), WAIT);
    }
    type_slowly(&mut v, sentence);
    assert!(v.is_running(), "step {n}: typing quit voer");
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success(), "step {n}");
    let s = load(&sb.session_file()).unwrap();
    assert_eq!(s.session.current_step, n - 1, "typing changed the step");
    assert!(!s.session.paused && !s.session.blanked, "step {n}");
    s
}

/// A notes step: the sentence, typed straight away, is its notes, to the letter.
fn typed_into_the_notes(n: usize, kind: StepKind, sentence: &str) {
    let s = type_a_sentence_on_step(n, sentence);
    assert_eq!(s.steps[n - 1].kind, kind);
    assert_eq!(s.steps[n - 1].notes, sentence, "{kind:?}");
}

#[test]
fn a_sentence_typed_at_once_on_the_opening_is_its_notes() {
    typed_into_the_notes(
        1,
        StepKind::Opening,
        "bij ons regelen de bewoners de koffie zelf",
    );
}

#[test]
fn a_sentence_typed_at_once_on_the_video_is_its_notes() {
    typed_into_the_notes(2, StepKind::Video, "- koffie zelf zetten, vanaf maandag");
}

#[test]
fn a_sentence_typed_at_once_on_the_quote_is_its_notes() {
    typed_into_the_notes(3, StepKind::Quote, "...en toen werd het stil in de kamer.");
}

#[test]
fn a_sentence_typed_at_once_on_a_prompt_is_its_notes() {
    typed_into_the_notes(
        PROMPT + 1,
        StepKind::Prompt,
        "quote van Jef: 'gewoon doen' + 'niet te veel praten'?",
    );
}

#[test]
fn a_sentence_typed_at_once_on_the_closing_is_its_notes() {
    typed_into_the_notes(
        7,
        StepKind::Closing,
        "Afspraak: Öztürk mailt de bestuurder.",
    );
}

#[test]
fn a_sentence_typed_on_the_summary_changes_nothing() {
    let s = type_a_sentence_on_step(8, "x: bel mevrouw Öztürk en mail de bestuurder? ja.");
    assert_eq!(s.session.status, Status::Finished);
    assert!(s.steps.iter().all(|step| step.notes.is_empty()));
}
