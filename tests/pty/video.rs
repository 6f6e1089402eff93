//! `F5` on the video step: the system's opener gets exactly the address or the file, as one
//! argument, never through a shell. A fake `xdg-open` on PATH stands in for the real one (no
//! browser is started); PATH holds nothing else, so the real one cannot be reached.

use std::{
    fs,
    os::unix::fs::PermissionsExt,
    path::{Path, PathBuf},
    thread,
    time::Instant,
};

use crate::common::*;

const VIDEO: usize = 1;
const PAGE: &str = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/";

/// A folder with a fake `xdg-open` that writes how many arguments it got, each on a line, and
/// `end` into `<sandbox>/opened`. Only shell builtins: PATH has nothing else on it.
fn fake_opener(sb: &Sandbox) -> PathBuf {
    let bin = sb.path().join("bin");
    fs::create_dir_all(&bin).unwrap();
    let script = bin.join("xdg-open");
    let out = sb.path().join("opened");
    fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" end > '{}'\n",
            out.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// The arguments the fake opener was called with, once it has written them all.
fn opened_with(sb: &Sandbox) -> Vec<String> {
    let file = sb.path().join("opened");
    let deadline = Instant::now() + WAIT;
    loop {
        if let Ok(text) = fs::read_to_string(&file)
            && text.ends_with("end\n")
        {
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            lines.pop();
            let count: usize = lines.remove(0).parse().expect("a count");
            assert_eq!(count, lines.len(), "{text:?}");
            return lines;
        }
        assert!(Instant::now() < deadline, "the opener was not called");
        thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// `voer run 4 --audience team ARGS…` with only `bin` on PATH, on the video step.
fn on_video_step(sb: &Sandbox, bin: &Path, extra: &[&str]) -> Voer {
    let mut args = vec!["run", "4", "--audience", "team", "--group", "Team Noord"];
    args.extend_from_slice(extra);
    let mut v = sb.voer_env(&args, &[("PATH", bin.to_str().unwrap())]);
    v.wait_for_text("Stap 1 van", WAIT);
    v.send(RIGHT);
    v.wait_for_text("Stap 2 van", WAIT);
    v.wait_for_text("F5 video", WAIT);
    v
}

/// Episode 4 in a prompts folder of the sandbox, its `[video]` changed by `video`.
fn episode_with(sb: &Sandbox, video: &str) -> PathBuf {
    let dir = sb.path().join("afleveringen");
    fs::create_dir_all(&dir).unwrap();
    let ep = include_str!("../../prompts/jef-mol.toml");
    let changed = ep.replacen("url = \"\"\ntip.nl", &format!("{video}\ntip.nl"), 1);
    assert_ne!(changed, ep, "the fixture changed");
    fs::write(dir.join("jef-mol.toml"), changed).unwrap();
    dir
}

#[test]
fn f5_opens_the_episodes_page_when_the_video_has_no_address_and_the_room_hears_it() {
    let sb = Sandbox::new();
    let bin = fake_opener(&sb);
    let mut v = on_video_step(&sb, &bin, &[]);
    v.send(F5);
    assert_eq!(opened_with(&sb), [PAGE]);
    v.wait_for_text("Geen webadres van de video; de pagina", WAIT);
    let file = sb.session_file();
    wait_for_file(&file, WAIT, "the video playing", |s| s.steps[VIDEO].playing);
    // Leaving the step, the video is done.
    v.send(RIGHT);
    v.wait_for_text("Stap 3 van", WAIT);
    wait_for_file(&file, WAIT, "the video done", |s| {
        s.session.current_step == VIDEO + 1 && !s.steps[VIDEO].playing
    });
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn f5_hands_the_video_address_over_whole_whatever_it_holds() {
    let sb = Sandbox::new();
    let bin = fake_opener(&sb);
    let url = "https://example.org/video?a=1&b=$(touch gehackt)&c='d' e;f";
    let dir = episode_with(&sb, &format!("url = \"{url}\""));
    let mut v = on_video_step(&sb, &bin, &["--prompts", dir.to_str().unwrap()]);
    v.send(F5);
    assert_eq!(opened_with(&sb), [url]);
    v.wait_for_text("De video gaat open in de browser", WAIT);
    assert!(
        !sb.path().join("gehackt").exists(),
        "no shell saw the address"
    );
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn f5_plays_the_file_given_with_video_or_named_beside_the_episode() {
    // --video for this meeting wins over the address, given relative to the working folder.
    let sb = Sandbox::new();
    let bin = fake_opener(&sb);
    fs::write(sb.path().join("de video (kopie).mp4"), b"film").unwrap();
    let mut v = on_video_step(&sb, &bin, &["--video", "de video (kopie).mp4"]);
    v.send(F5);
    let played = sb.path().join("de video (kopie).mp4");
    assert_eq!(opened_with(&sb), [played.to_str().unwrap()]);
    v.wait_for_text("Het videobestand gaat open in de speler", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());

    // The episode's own copy, relative to the episode file.
    let sb = Sandbox::new();
    let bin = fake_opener(&sb);
    let dir = episode_with(&sb, "url = \"\"\nfile = \"films/jef.mp4\"");
    fs::create_dir_all(dir.join("films")).unwrap();
    fs::write(dir.join("films/jef.mp4"), b"film").unwrap();
    let mut v = on_video_step(&sb, &bin, &["--prompts", dir.to_str().unwrap()]);
    v.send(F5);
    let played = dir.join("films/jef.mp4");
    assert_eq!(opened_with(&sb), [played.to_str().unwrap()]);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}

#[test]
fn without_an_opener_or_a_file_the_status_line_says_so() {
    let sb = Sandbox::new();
    let empty = sb.path().join("leeg");
    fs::create_dir_all(&empty).unwrap();
    let mut v = on_video_step(&sb, &empty, &[]);
    v.send(F5);
    v.wait_for_text("De video openen lukte niet: xdg-open ontbreekt", WAIT);
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());

    // A copy the episode names that is not there: nothing is handed to the opener.
    let sb = Sandbox::new();
    let bin = fake_opener(&sb);
    let dir = episode_with(&sb, "url = \"\"\nfile = \"weg.mp4\"");
    let mut v = on_video_step(&sb, &bin, &["--prompts", dir.to_str().unwrap()]);
    v.send(F5);
    v.wait_for_text("De video openen lukte niet: het bestand", WAIT);
    assert!(!sb.path().join("opened").exists());
    v.send(CTRL_C);
    assert!(v.wait_exit(WAIT).success());
}
