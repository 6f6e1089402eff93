//! The notes survive: termination signals, a closed window, the sessions folder going away
//! and coming back, a second voer on the same file.

use std::{fs, os::unix::fs::PermissionsExt};

use crate::common::*;

const PROMPT: usize = 3;

fn typed(v: &mut Voer, text: &str) {
    for c in text.chars() {
        v.send(&c.to_string());
    }
}

/// The terminal was given back: the alternate screen left and the cursor shown, after the
/// last time the screen was entered.
fn assert_restored(v: &Voer) {
    let raw = v.raw();
    let entered = raw
        .windows(ENTER_ALT_SCREEN.len())
        .rposition(|w| w == ENTER_ALT_SCREEN)
        .expect("the screen was opened");
    let rest = &raw[entered..];
    assert!(
        contains_bytes(rest, LEAVE_ALT_SCREEN),
        "the alternate screen was not left"
    );
    assert!(
        contains_bytes(rest, SHOW_CURSOR),
        "the cursor was not shown"
    );
    assert!(
        contains_bytes(rest, b"\x1b[?2004l"),
        "bracketed paste was not turned off"
    );
    assert!(v.terminal_is_cooked(), "raw mode was not switched off");
}

/// A signal while typing: everything typed is saved, the terminal restored, exit 0.
fn signal_saves_everything(how: &str) {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, &format!("Signaal {how}"));
    to_first_prompt_typing(&mut v);
    let text = "wat we net zeiden: “eigen regie” — ëën 😀";
    typed(&mut v, text);
    // The signal straight after the last key, well within the autosave delay, often while
    // voer is still taking in the keys: what the terminal had sent before it counts as typed.
    match how {
        "CTRL_C" => v.send(CTRL_C),
        sig => v.signal(sig),
    }
    let status = v.wait_exit(WAIT);
    assert!(status.success(), "{how}: exit {status}");
    assert_restored(&v);
    let s = load(&sb.session_file()).unwrap();
    assert_eq!(s.steps[PROMPT].notes, text, "{how}");
    assert_eq!(s.session.status, voer::session::Status::InProgress);
    assert!(
        !voer::session::store::lock_path(&sb.session_file()).exists(),
        "{how}: the lock file is cleaned up"
    );
}

#[test]
fn sigterm_saves_everything_and_restores_the_terminal() {
    signal_saves_everything("TERM");
}

#[test]
fn sighup_saves_everything_and_restores_the_terminal() {
    signal_saves_everything("HUP");
}

#[test]
fn sigint_saves_everything_and_restores_the_terminal() {
    signal_saves_everything("INT");
}

#[test]
fn ctrl_c_saves_everything_and_restores_the_terminal() {
    signal_saves_everything("CTRL_C");
}

#[test]
fn ctrl_c_in_navigation_quits_safely() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Navigatie");
    to_first_prompt_typing(&mut v);
    typed(&mut v, "nog even");
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert_restored(&v);
    assert_eq!(
        load(&sb.session_file()).unwrap().steps[PROMPT].notes,
        "nog even"
    );
}

/// The window is closed: the terminal goes away and the kernel sends SIGHUP. Drawing fails
/// from then on; the notes must still be saved.
#[test]
fn closing_the_window_saves_everything() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Venster");
    to_first_prompt_typing(&mut v);
    let text = "laatste woorden voor het venster dichtging";
    typed(&mut v, text);
    // Keys still in the terminal when it hangs up are gone with it; these reached voer.
    v.wait_for_text(text, WAIT);
    v.close_terminal();
    let status = v.wait_exit(WAIT);
    assert!(status.success(), "exit {status}");
    let s = load(&sb.session_file()).unwrap();
    assert_eq!(s.steps[PROMPT].notes, text);
}

#[test]
fn the_folder_going_away_and_coming_back() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "USB-stick");
    to_first_prompt_typing(&mut v);
    typed(&mut v, "eerste");
    let file = sb.session_file();
    wait_for_file(&file, WAIT, "the first words", |s| {
        s.steps[PROMPT].notes == "eerste"
    });
    // The stick is pulled: the folder is gone.
    let away = sb.path().join("sessions.away");
    fs::rename(sb.sessions(), &away).unwrap();
    typed(&mut v, " tweede");
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    typed(&mut v, " derde");
    v.wait_for_text("eerste tweede derde", WAIT);
    assert!(v.is_running());
    assert!(
        !sb.sessions().exists(),
        "voer must not recreate the folder elsewhere"
    );
    // The stick is back.
    fs::rename(&away, sb.sessions()).unwrap();
    wait_for_file(&file, WAIT, "everything after the folder came back", |s| {
        s.steps[PROMPT].notes == "eerste tweede derde"
    });
    v.wait_for_no_text("NIET OPGESLAGEN", WAIT);
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
    assert_eq!(
        load(&file).unwrap().steps[PROMPT].notes,
        "eerste tweede derde"
    );
}

#[test]
fn the_folder_deleted_and_made_again() {
    let sb = Sandbox::new();
    let mut v = start_run(&sb, "Weggegooid");
    to_first_prompt_typing(&mut v);
    typed(&mut v, "een");
    let file = sb.session_file();
    wait_for_file(&file, WAIT, "the first word", |s| {
        s.steps[PROMPT].notes == "een"
    });
    // The folder is deleted, session file and all: the notes are only in memory now.
    remove_folder_under(&v, &sb.sessions());
    typed(&mut v, " twee");
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    fs::create_dir(sb.sessions()).unwrap();
    let s = wait_for_file(&file, WAIT, "the file written again", |s| {
        s.steps[PROMPT].notes == "een twee"
    });
    assert_eq!(s.session.group, "Weggegooid");
    v.wait_for_no_text("NIET OPGESLAGEN", WAIT);
    stop_typing(&mut v);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

/// Starts a run, types `text`, takes the sessions folder away, waits for the warning and asks to
/// quit: the dialog must come up and voer must keep running.
fn quit_while_unsaved(sb: &Sandbox, text: &str, env: &[(&str, &str)]) -> Voer {
    let mut args: Vec<std::ffi::OsString> = [
        "run",
        "4",
        "--audience",
        "client-council",
        "--group",
        "Onopgeslagen",
        "--lang",
        "nl",
        "--sessions",
    ]
    .iter()
    .map(Into::into)
    .collect();
    args.push(sb.sessions().into());
    let mut v = Voer::spawn(sb.path(), &args, env);
    v.wait_for_text("Stap 1 van", WAIT);
    to_first_prompt_typing(&mut v);
    wait_for_file(&sb.session_file(), WAIT, "the step", |s| {
        s.session.current_step == PROMPT
    });
    fs::rename(sb.sessions(), sb.path().join("sessions.away")).unwrap();
    typed(&mut v, text);
    v.wait_for_text("NIET OPGESLAGEN", WAIT);
    stop_typing(&mut v);
    v.send(CTRL_C);
    v.wait_for_text("Niet alles is opgeslagen", WAIT);
    assert!(v.is_running(), "voer must not quit with unsaved notes");
    // Why, in the user's language: not the system's English.
    v.wait_for_text("de map bestaat niet (meer)", WAIT);
    let screen = v.screen();
    assert!(
        !screen.contains("No such file") && !screen.contains("os error"),
        "{screen}"
    );
    v
}

#[test]
fn quitting_unsaved_asks_and_saves_elsewhere() {
    let sb = Sandbox::new();
    let home = sb.path().join("home");
    fs::create_dir(&home).unwrap();
    let text = "dit mag niet verloren gaan: “mevrouw De Vries” 😀";
    let mut v = quit_while_unsaved(&sb, text, &[("HOME", home.to_str().unwrap())]);
    // Esc goes back to the run, q asks again.
    v.send(ESC);
    v.wait_for_no_text("Niet alles is opgeslagen", WAIT);
    assert!(v.is_running());
    v.send(CTRL_C);
    v.wait_for_text("Niet alles is opgeslagen", WAIT);
    // w: save elsewhere; the suggestion is the same file name in the home folder.
    v.send("w");
    v.wait_for_text("Opslaan als", WAIT);
    v.send(ENTER);
    let status = v.wait_exit(WAIT);
    assert!(status.success(), "exit {status}");
    assert_restored(&v);
    let saved: Vec<_> = session_files(&home);
    assert_eq!(saved.len(), 1, "{saved:?}");
    let s = load(&saved[0]).unwrap();
    assert_eq!(s.steps[PROMPT].notes, text);
    let mode = fs::metadata(&saved[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn quitting_unsaved_saves_elsewhere_to_a_typed_path() {
    let sb = Sandbox::new();
    let home = sb.path().join("home");
    fs::create_dir(&home).unwrap();
    let mut v = quit_while_unsaved(&sb, "getypt pad", &[("HOME", home.to_str().unwrap())]);
    v.send("w");
    v.wait_for_text("Opslaan als", WAIT);
    // Clear the suggestion, then type a path of our own.
    for _ in 0..300 {
        v.send(BACKSPACE);
    }
    let target = sb.path().join("elders.toml");
    v.send(target.to_str().unwrap());
    v.wait_for_text("elders.toml", WAIT);
    v.send(ENTER);
    assert!(v.wait_exit(WAIT).success());
    assert_eq!(load(&target).unwrap().steps[PROMPT].notes, "getypt pad");
}

#[test]
fn quitting_unsaved_retry_after_the_folder_is_back() {
    let sb = Sandbox::new();
    let mut v = quit_while_unsaved(&sb, "nog een poging", &[]);
    fs::rename(sb.path().join("sessions.away"), sb.sessions()).unwrap();
    v.send("r");
    assert!(v.wait_exit(WAIT).success());
    let s = load(&sb.session_file()).unwrap();
    assert_eq!(s.steps[PROMPT].notes, "nog een poging");
}

#[test]
fn quitting_unsaved_discard_only_when_asked() {
    let sb = Sandbox::new();
    let mut v = quit_while_unsaved(&sb, "weg", &[]);
    v.send("d");
    assert!(v.wait_exit(WAIT).success());
    assert_restored(&v);
}

#[test]
fn a_second_voer_on_the_same_file_is_refused_and_a_stale_lock_does_not_block() {
    let sb = Sandbox::new();
    let mut first = start_run(&sb, "Slot");
    to_first_prompt_typing(&mut first);
    typed(&mut first, "van de eerste");
    let file = sb.session_file();
    wait_for_file(&file, WAIT, "the notes", |s| {
        s.steps[PROMPT].notes == "van de eerste"
    });
    let before = fs::read(&file).unwrap();
    for args in [vec!["resume", file.to_str().unwrap()], vec!["resume"]] {
        let mut second = sb.voer(&args);
        let status = second.wait_exit(WAIT);
        assert!(!status.success(), "{args:?}: a second voer must be refused");
        let out = second.output();
        assert!(
            out.contains(file.file_name().unwrap().to_str().unwrap()),
            "{args:?}: the message names the file: {out}"
        );
        assert!(
            out.contains("another voer") || out.contains("ander venster"),
            "{out}"
        );
        assert!(!contains_bytes(&second.raw(), ENTER_ALT_SCREEN));
    }
    assert!(first.is_running());
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "the refused voer wrote nothing"
    );

    // The first one crashes; its lock file stays behind but must not block.
    first.signal("KILL");
    first.wait_exit(WAIT);
    assert!(voer::session::store::lock_path(&file).exists());
    // A kill in the middle of a save leaves a temporary copy; the next resume removes it, and
    // only it.
    let name = file.file_name().unwrap().to_str().unwrap();
    let leftover = sb.sessions().join(format!(".{name}.a1B2c3.tmp"));
    let other = sb
        .sessions()
        .join(".2026-01-01_0900_jef-mol_team_x.toml.a1B2c3.tmp");
    fs::write(&leftover, "half").unwrap();
    fs::write(&other, "half").unwrap();
    let mut third = sb.voer(&["resume"]);
    third.wait_for_text("Stap 4 van", WAIT);
    assert!(
        !leftover.exists(),
        "the leftover of this session is removed"
    );
    assert!(other.exists(), "another session's file is left alone");
    third.wait_for_text("van de eerste", WAIT);
    third.send(ENTER);
    third.wait_for_text("Notities — typen", WAIT);
    // Into the notes again: a line of its own.
    typed(&mut third, "en de derde");
    stop_typing(&mut third);
    third.send(CTRL_C);
    assert!(third.wait_exit(WAIT).success());
    assert_eq!(
        load(&file).unwrap().steps[PROMPT].notes,
        "van de eerste\nen de derde"
    );
}
