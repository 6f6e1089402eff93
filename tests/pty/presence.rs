//! The room screen's presence file, `.<session>.toml.room`: written beside itself and renamed
//! over, never through a link; never waited on; shared by the room screens that follow one
//! session; a file it cannot show is named with the reason. Every wait is for a screen or a
//! file, with a deadline.
use std::{
    fs,
    os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt},
    path::{Path, PathBuf},
};

use crate::common::*;

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

/// A session on its opening step, in the sandbox's sessions folder, as a run leaves it.
fn session(sb: &Sandbox, name: &str) -> PathBuf {
    fs::create_dir_all(sb.sessions()).unwrap();
    let path = sb.sessions().join(name);
    let text = EXAMPLE
        .replace("example = true\n", "")
        .replace("status = \"finished\"", "status = \"in-progress\"")
        .replace("current_step = 7", "current_step = 0");
    fs::write(&path, text).unwrap();
    path
}

fn presence(file: &Path) -> PathBuf {
    let name = file.file_name().unwrap().to_string_lossy();
    file.with_file_name(format!(".{name}.room"))
}

/// `voer room FILE`, once it shows the session.
fn room_on(sb: &Sandbox, file: &Path) -> Voer {
    let room = sb.voer(&["room", file.to_str().unwrap()]);
    room.wait_for_text("Aflevering 4", WAIT);
    room
}

fn quit(mut room: Voer) {
    room.send("q");
    assert!(room.wait_exit(WAIT).success());
}

#[test]
fn a_link_at_the_presence_path_is_never_written_through() {
    let sb = Sandbox::new();
    let file = session(&sb, "s.toml");
    let other = session(&sb, "ander.toml");
    let before = fs::read(&other).unwrap();
    std::os::unix::fs::symlink(&other, presence(&file)).unwrap();
    let room = room_on(&sb, &file);
    quit(room);
    assert_eq!(
        fs::read(&other).unwrap(),
        before,
        "the linked session was written"
    );
    assert!(fs::symlink_metadata(presence(&file)).unwrap().is_symlink());
}

#[test]
fn a_second_name_of_a_session_at_the_presence_path_is_replaced_not_written() {
    let sb = Sandbox::new();
    let file = session(&sb, "s.toml");
    let other = session(&sb, "ander.toml");
    let before = fs::read(&other).unwrap();
    fs::hard_link(&other, presence(&file)).unwrap();
    // Readable by everyone, as a presence file someone made by hand may be.
    fs::set_permissions(presence(&file), fs::Permissions::from_mode(0o666)).unwrap();
    let room = room_on(&sb, &file);
    let ino = fs::metadata(&other).unwrap().ino();
    wait_until("a presence file of its own", || {
        fs::metadata(presence(&file)).is_ok_and(|m| m.ino() != ino)
    });
    let mode = fs::metadata(presence(&file)).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(
        fs::read(&other).unwrap(),
        before,
        "the other session was written"
    );
    quit(room);
    assert_eq!(fs::read(&other).unwrap(), before);
}

#[test]
fn a_pipe_at_the_presence_path_holds_up_neither_the_screen_nor_its_keys() {
    let sb = Sandbox::new();
    let file = session(&sb, "s.toml");
    let c = std::ffi::CString::new(presence(&file).to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only makes a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let room = room_on(&sb, &file);
    quit(room);
    let meta = fs::symlink_metadata(presence(&file)).unwrap();
    assert!(meta.file_type().is_fifo(), "the pipe is left as it was");
}

#[test]
fn a_room_screen_that_closes_leaves_the_presence_another_one_wrote_since() {
    let sb = Sandbox::new();
    let file = session(&sb, "s.toml");
    let room = room_on(&sb, &file);
    let modified = || {
        fs::metadata(presence(&file))
            .and_then(|m| m.modified())
            .ok()
    };
    // Right after one of this screen's own refreshes, so that it writes nothing in the
    // moment below: another room screen writes the file (as voer does: beside it, renamed).
    wait_until("the presence file", || modified().is_some());
    let first = modified();
    wait_until("the room screen's next refresh", || modified() != first);
    let other = "room screen, process 1, since 0\n";
    let beside = presence(&file).with_extension("other");
    fs::write(&beside, other).unwrap();
    fs::rename(&beside, presence(&file)).unwrap();
    quit(room);
    assert_eq!(
        fs::read_to_string(presence(&file)).ok().as_deref(),
        Some(other),
        "the other room screen's presence is gone"
    );
    // Alone, a room screen takes its presence with it.
    fs::remove_file(presence(&file)).unwrap();
    let room = room_on(&sb, &file);
    wait_until("the presence file", || modified().is_some());
    quit(room);
    assert!(!presence(&file).exists());
}

#[test]
fn a_file_from_a_newer_voer_is_named_as_such_not_waited_for() {
    let sb = Sandbox::new();
    let file = session(&sb, "nieuwer.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace("format_version = 2", "format_version = 3"),
    )
    .unwrap();
    let mut room = sb.voer(&["room", file.to_str().unwrap()]);
    let status = room.wait_exit(WAIT);
    assert!(!status.success());
    assert!(room.output().contains("werk voer bij"), "{}", room.output());
    assert!(!presence(&file).exists());
}

/// The process whose mark the presence file holds: `room screen, process N, …`.
fn writer(file: &Path) -> Option<u32> {
    let text = fs::read_to_string(presence(file)).ok()?;
    let after = text.split("process ").nth(1)?;
    after
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Watches the presence file until one of the `live` room screens wrote it and, soon after,
/// another one did: the first is returned. It writes again only a refresh (four seconds)
/// after its write, so it can quit now with another screen's mark in the file.
fn wrote_before_another(file: &Path, live: &[u32]) -> u32 {
    let deadline = std::time::Instant::now() + WAIT;
    let mut last: Option<(u32, std::time::Instant)> = None;
    loop {
        assert!(
            std::time::Instant::now() < deadline,
            "no two room screens of {live:?} wrote the presence file one after the other"
        );
        if let Some(now) = writer(file) {
            match last {
                Some((p, _)) if p == now => {}
                Some((p, at))
                    if live.contains(&p)
                        && at.elapsed() < std::time::Duration::from_millis(2500) =>
                {
                    return p;
                }
                _ => last = Some((now, std::time::Instant::now())),
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn ten_room_screens_share_one_presence_file_until_the_last_one_closes() {
    let sb = Sandbox::new();
    let file = session(&sb, "s.toml");
    let mut rooms: Vec<Voer> = (0..10).map(|_| room_on(&sb, &file)).collect();
    while rooms.len() > 1 {
        let live: Vec<u32> = rooms.iter().map(|r| r.pid).collect();
        let quitter = wrote_before_another(&file, &live);
        let at = rooms.iter().position(|r| r.pid == quitter).unwrap();
        quit(rooms.swap_remove(at));
        let left = writer(&file);
        assert!(
            left.is_some_and(|p| p != quitter && live.contains(&p)),
            "with {} room screens still open, the presence file holds {left:?} after {quitter} closed",
            rooms.len()
        );
    }
    // The last one's mark is in the file (only screens that had not written last closed).
    let last = rooms.pop().unwrap();
    assert_eq!(writer(&file), Some(last.pid));
    quit(last);
    assert!(
        !presence(&file).exists(),
        "the last room screen left its presence"
    );
}
