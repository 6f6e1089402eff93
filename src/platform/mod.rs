//! What differs between Windows and Unix, as portable logic that is tested on every system.
//! The thin calls into Windows live in `windows.rs`, compiled on Windows only.
//!
//! Where the rest of the code assumes Unix, it says so in a `cfg`:
//! - Termination signals (SIGHUP, SIGTERM, SIGINT) are read by a thread in the terminal loop
//!   (signal-hook); on Windows [`install_shutdown_handler`] sends the same message.
//! - Owner-only permissions (0o700 folders, 0o600 files) are set with `std::os::unix`; on
//!   Windows new files and folders take the access list of the folder they are in, which under
//!   the user's profile is already the user's own.
//! - `session::store` syncs the folder after a rename on Unix; NTFS journals the rename itself.
//!
//! The two Windows reasons a file operation can fail here, [`NameProblem`] and [`HeldOpen`],
//! and those of reading a file or using a folder someone else put there (`files`:
//! [`NotRegular`], [`TooLarge`], [`UnsafeFolder`]) travel inside an `io::Error`, so they reach
//! the screen the way the system's own reasons do; `i18n::os_reason` words them in the user's
//! language. Nothing here depends on the rest of voer.
//!
//! Paths a person reads are written as the system writes them: [`canonicalize`] leaves out the
//! `\\?\` that Windows puts before a resolved path (`C:\Users\…`, not `\\?\C:\Users\…`).
use std::{
    fmt, io,
    path::{Path, PathBuf},
    time::Duration,
};

mod files;
pub mod open;
#[cfg(windows)]
mod windows;

pub use files::{
    NotRegular, TooLarge, UnsafeFolder, check_own_folder, open_own_regular, open_regular,
    read_regular,
};

// ---------------------------------------------------------------------------------------------
// Closing the window, logging off, shutting down

/// Makes closing the console window, logging off and shutting down (and Ctrl+C or Ctrl+Break
/// outside raw mode) call `notify`, which tells the terminal loop to save the notes and stop,
/// as SIGHUP and SIGTERM do on Unix. A later call replaces the earlier `notify`.
///
/// On Unix this does nothing: the terminal loop reads the signals itself.
pub fn install_shutdown_handler(notify: impl Fn() + Send + 'static) {
    #[cfg(windows)]
    windows::install_shutdown_handler(Box::new(notify));
    #[cfg(not(windows))]
    let _ = notify;
}

/// The console control events of Windows (the `CTRL_*_EVENT` values of the Windows API;
/// `windows.rs` checks at compile time that they agree).
pub mod console_event {
    pub const CTRL_C: u32 = 0;
    pub const CTRL_BREAK: u32 = 1;
    pub const CLOSE: u32 = 2;
    pub const LOGOFF: u32 = 5;
    pub const SHUTDOWN: u32 = 6;
}

/// How long the console handler holds Windows off after the window is closed, or the user logs
/// off or shuts down. Windows ends the program as soon as the handler returns (and after a few
/// seconds in any case), so the handler waits while the notes are saved; the program exits on
/// its own once they are. As long as the terminal loop waits for the last save
/// (`FINAL_SAVE_TIMEOUT` in the terminal loop).
pub const CLOSE_WAIT: Duration = Duration::from_secs(10);

/// What the console handler does with an event: `true` when it handled it. `notify` tells the
/// terminal loop to save and stop; `wait` blocks the handler (see [`CLOSE_WAIT`]).
pub fn handle_console_event(event: u32, notify: &dyn Fn(), wait: &dyn Fn(Duration)) -> bool {
    use console_event::*;
    match event {
        // The program goes on after these: the loop saves and quits, as after SIGINT.
        CTRL_C | CTRL_BREAK => {
            notify();
            true
        }
        CLOSE | LOGOFF | SHUTDOWN => {
            notify();
            wait(CLOSE_WAIT);
            true
        }
        // Unknown: the next handler (in the end Windows's own) decides.
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Resolved paths

/// `path` made absolute with its symbolic links resolved, as `fs::canonicalize` does, but
/// written as the system writes paths: on Windows without the verbatim prefix (`\\?\C:\…`,
/// `\\?\UNC\server\…`) wherever the path means the same without it. voer shows these paths
/// (where the notes are kept, the command to go on) and a facilitator types them back.
pub fn canonicalize(path: &Path) -> io::Result<PathBuf> {
    dunce::canonicalize(path)
}

// ---------------------------------------------------------------------------------------------
// File names Windows refuses

/// Why Windows cannot use a path a user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// A device name such as CON or LPT1, also with an extension (`con.txt`).
    Reserved(String),
    /// A name ending in a dot or a space, which Windows silently drops.
    TrailingDotOrSpace(String),
    /// A name with one of `<>:"|?*` or a control character.
    BadCharacter(String, char),
}

const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "COM¹", "COM²", "COM³", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
    "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// The first part of `path` that Windows would refuse or change, judged by Windows's rules on
/// any system: both `\` and `/` separate folders, and a drive (`C:`) or `\\?\` prefix is allowed
/// at the start.
pub fn windows_name_problem(path: &str) -> Option<NameProblem> {
    let mut rest = path;
    for verbatim in [r"\\?\", r"\\.\", "//?/", "//./"] {
        if let Some(r) = rest.strip_prefix(verbatim) {
            rest = r;
            break;
        }
    }
    let drive = rest.as_bytes();
    if drive.len() >= 2 && drive[0].is_ascii_alphabetic() && drive[1] == b':' {
        rest = &rest[2..];
    }
    rest.split(['\\', '/'])
        .filter(|c| !c.is_empty() && *c != "." && *c != "..")
        .find_map(component_problem)
}

fn component_problem(name: &str) -> Option<NameProblem> {
    if let Some(c) = name
        .chars()
        .find(|c| "<>:\"|?*".contains(*c) || c.is_control())
    {
        return Some(NameProblem::BadCharacter(name.to_string(), c));
    }
    if name.ends_with(['.', ' ']) {
        return Some(NameProblem::TrailingDotOrSpace(name.to_string()));
    }
    // `con.txt` and `con .txt` name the device too.
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    RESERVED
        .iter()
        .any(|r| r.eq_ignore_ascii_case(stem))
        .then(|| NameProblem::Reserved(name.to_string()))
}

/// Whether the last part of `path` is the name of a Windows device (`CON`, `nul`, `com1.toml`),
/// by Windows's rules on any system: in every folder such a name opens the device, and reading
/// it would wait for the console's keys or a serial port.
pub fn names_a_device(path: &Path) -> bool {
    path.file_name().is_some_and(|name| {
        matches!(
            component_problem(&name.to_string_lossy()),
            Some(NameProblem::Reserved(_))
        )
    })
}

/// In English, for logs; `i18n::os_reason` words it for the user.
impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::Reserved(name) => write!(
                f,
                "Windows does not allow this name: '{name}' is the name of a device"
            ),
            NameProblem::TrailingDotOrSpace(name) => write!(
                f,
                "Windows does not allow this name: '{name}' ends in a dot or a space"
            ),
            NameProblem::BadCharacter(name, c) => write!(
                f,
                "Windows does not allow this name: '{name}' holds '{}'",
                c.escape_default()
            ),
        }
    }
}

impl std::error::Error for NameProblem {}

/// Checks a path the user typed (`--sessions`, `--output`, save elsewhere) before it is used:
/// on Windows a name it would refuse or change is an `InvalidFilename` error carrying the
/// [`NameProblem`]. Elsewhere those names are fine, and nothing is checked.
pub fn check_user_path(path: &Path) -> io::Result<()> {
    if !cfg!(windows) {
        return Ok(());
    }
    name_check(path)
}

/// The check of [`check_user_path`], on every system (for tests).
pub fn name_check(path: &Path) -> io::Result<()> {
    match windows_name_problem(&path.to_string_lossy()) {
        Some(problem) => Err(io::Error::new(io::ErrorKind::InvalidFilename, problem)),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Replacing a file another program holds open

/// The waits between tries when a rename is refused because another program holds the target
/// open: five tries over about a second.
pub const HELD_OPEN_BACKOFF: [Duration; 4] = [
    Duration::from_millis(60),
    Duration::from_millis(120),
    Duration::from_millis(240),
    Duration::from_millis(480),
];

/// Tries `attempt` again, after the waits of [`HELD_OPEN_BACKOFF`], while it fails with an error
/// that `held` says is passing (another program holds the file open); then gives up with
/// [`HeldOpen`]. Any other error is returned at once. `sleep` waits (a fake one in tests).
pub fn retry_while_held<T>(
    mut attempt: impl FnMut() -> io::Result<T>,
    held: impl Fn(&io::Error) -> bool,
    mut sleep: impl FnMut(Duration),
) -> io::Result<T> {
    let mut waits = HELD_OPEN_BACKOFF.iter();
    loop {
        match attempt() {
            Ok(v) => return Ok(v),
            Err(e) if held(&e) => match waits.next() {
                Some(w) => sleep(*w),
                None => return Err(io::Error::new(e.kind(), HeldOpen(e))),
            },
            Err(e) => return Err(e),
        }
    }
}

/// A save given up because another program kept the file open.
#[derive(Debug)]
pub struct HeldOpen(pub io::Error);

impl fmt::Display for HeldOpen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the file is held open by another program, such as OneDrive or a virus scanner; \
             close that program or wait a moment, then save again ({})",
            self.0
        )
    }
}

impl std::error::Error for HeldOpen {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// Whether a failed rename or write may succeed in a moment, because another program (a sync
/// client, a virus scanner, an editor) holds the file open. Only Windows refuses to replace an
/// open file; on Unix no error means that.
pub fn held_open(e: &io::Error) -> bool {
    cfg!(windows) && is_windows_sharing_error(e.raw_os_error())
}

/// Windows error codes for a file in use: access denied (what MoveFileEx reports for a target
/// open without delete sharing), sharing violation, lock violation, a mapped file.
pub fn is_windows_sharing_error(code: Option<i32>) -> bool {
    matches!(code, Some(5 | 32 | 33 | 1224))
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;

    #[test]
    fn a_device_is_named_by_the_last_part_of_the_path_only() {
        for device in ["CON", "nul", "com1.toml", "prompts/Aux.toml", "LPT¹"] {
            assert!(names_a_device(Path::new(device)), "{device}");
        }
        for file in [
            "console.toml",
            "con/jef-mol.toml",
            "sessies/nul-meting.toml",
            "",
        ] {
            assert!(!names_a_device(Path::new(file)), "{file}");
        }
    }

    fn problem(p: &str) -> Option<NameProblem> {
        windows_name_problem(p)
    }

    #[test]
    fn device_names_are_reserved_in_any_case_and_with_an_extension() {
        for name in [
            "CON",
            "con",
            "Prn",
            "aux",
            "NUL",
            "com1",
            "COM9",
            "lpt1",
            "LPT9",
            "con.txt",
            "nul.tar.gz",
            "AUX .md",
            "COM¹",
            "lpt³.txt",
        ] {
            assert_eq!(
                problem(name),
                Some(NameProblem::Reserved(name.to_string())),
                "{name}"
            );
        }
        assert_eq!(
            problem(r"C:\Users\jef\Documents\con.txt"),
            Some(NameProblem::Reserved("con.txt".into()))
        );
        assert_eq!(
            problem("sessies/PRN/notes.toml"),
            Some(NameProblem::Reserved("PRN".into()))
        );
    }

    #[test]
    fn names_that_only_look_like_devices_are_fine() {
        for ok in [
            "console.txt",
            "com10",
            "lpt0",
            "com",
            "connie.md",
            "nullen.csv",
            "auxiliary",
            "verslag.docx",
            "sessions",
            r"C:\Users\jef\Documents\verslag clientenraad.md",
            r"\\?\C:\Users\jef\notes.toml",
            r"\\server\share\voer\sessions",
            "../sessions/./2026",
            "Cliëntenraad De Linde.md",
            "/home/jef/notes.md",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn a_trailing_dot_or_space_is_refused() {
        assert_eq!(
            problem("verslag."),
            Some(NameProblem::TrailingDotOrSpace("verslag.".into()))
        );
        assert_eq!(
            problem(r"C:\notes \a.md"),
            Some(NameProblem::TrailingDotOrSpace("notes ".into()))
        );
    }

    #[test]
    fn characters_windows_refuses_are_named() {
        for (path, c) in [
            ("wat?.md", '?'),
            ("a<b", '<'),
            ("a>b", '>'),
            ("x|y.csv", '|'),
            ("\"quoted\".md", '"'),
            ("ster*.txt", '*'),
            (r"C:\notes\12:30.md", ':'),
            ("tab\there", '\t'),
        ] {
            match problem(path) {
                Some(NameProblem::BadCharacter(_, got)) => assert_eq!(got, c, "{path}"),
                other => panic!("{path}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_error_carries_the_problem_and_the_check_applies_on_windows_only() {
        let e = name_check(Path::new(r"C:\Users\jef\con.txt")).expect_err("reserved");
        assert_eq!(e.kind(), io::ErrorKind::InvalidFilename);
        let inner = e.get_ref().and_then(|r| r.downcast_ref::<NameProblem>());
        assert_eq!(inner, Some(&NameProblem::Reserved("con.txt".into())));
        assert!(name_check(Path::new("verslag.md")).is_ok());
        assert_eq!(
            check_user_path(Path::new("con.txt")).is_err(),
            cfg!(windows)
        );
        assert!(check_user_path(Path::new("verslag.md")).is_ok());
    }

    fn sharing_violation() -> io::Error {
        io::Error::new(io::ErrorKind::PermissionDenied, "in use")
    }

    fn simulated_held(e: &io::Error) -> bool {
        e.kind() == io::ErrorKind::PermissionDenied
    }

    #[test]
    fn a_rename_refused_for_a_moment_succeeds_on_a_later_try() {
        let tries = Cell::new(0);
        let slept = RefCell::new(Vec::new());
        let result = retry_while_held(
            || {
                tries.set(tries.get() + 1);
                if tries.get() < 3 {
                    Err(sharing_violation())
                } else {
                    Ok("renamed")
                }
            },
            simulated_held,
            |d| slept.borrow_mut().push(d),
        );
        assert_eq!(result.expect("third try"), "renamed");
        assert_eq!(tries.get(), 3);
        assert_eq!(*slept.borrow(), HELD_OPEN_BACKOFF[..2]);
    }

    #[test]
    fn a_file_held_open_for_good_gives_up_after_about_a_second_and_says_why() {
        let tries = Cell::new(0);
        let slept = RefCell::new(Vec::new());
        let result: io::Result<()> = retry_while_held(
            || {
                tries.set(tries.get() + 1);
                Err(sharing_violation())
            },
            simulated_held,
            |d| slept.borrow_mut().push(d),
        );
        let e = result.expect_err("gives up");
        assert_eq!(tries.get(), 5);
        let waited: Duration = slept.borrow().iter().sum();
        assert!(
            waited >= Duration::from_millis(500) && waited <= Duration::from_millis(1500),
            "{waited:?}"
        );
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        let msg = e.to_string();
        assert!(
            msg.contains("held open by another program") && msg.contains("OneDrive"),
            "{msg}"
        );
        assert!(msg.contains("in use"), "keeps the system's reason: {msg}");
    }

    #[test]
    fn other_errors_are_not_retried() {
        let tries = Cell::new(0);
        let result: io::Result<()> = retry_while_held(
            || {
                tries.set(tries.get() + 1);
                Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
            },
            simulated_held,
            |_| panic!("no wait for an error that will not pass"),
        );
        assert_eq!(
            result.expect_err("fails").kind(),
            io::ErrorKind::StorageFull
        );
        assert_eq!(tries.get(), 1);
    }

    #[test]
    fn windows_sharing_errors_are_recognised_by_code() {
        for code in [5, 32, 33, 1224] {
            assert!(is_windows_sharing_error(Some(code)), "{code}");
        }
        for code in [None, Some(2), Some(3), Some(112)] {
            assert!(!is_windows_sharing_error(code), "{code:?}");
        }
        // Unix error numbers must not be read as Windows codes: EPIPE is 32 on Linux.
        assert_eq!(held_open(&io::Error::from_raw_os_error(32)), cfg!(windows));
    }

    #[test]
    fn closing_the_window_saves_and_holds_windows_off_until_saved() {
        for event in [
            console_event::CLOSE,
            console_event::LOGOFF,
            console_event::SHUTDOWN,
        ] {
            let notified = Cell::new(0);
            let waited = Cell::new(None);
            let handled = handle_console_event(event, &|| notified.set(notified.get() + 1), &|d| {
                waited.set(Some(d))
            });
            assert!(handled, "{event}");
            assert_eq!(notified.get(), 1, "{event}");
            assert_eq!(waited.get(), Some(CLOSE_WAIT), "{event}");
        }
    }

    #[test]
    fn ctrl_c_saves_and_quits_without_holding_the_handler() {
        for event in [console_event::CTRL_C, console_event::CTRL_BREAK] {
            let notified = Cell::new(false);
            let handled = handle_console_event(event, &|| notified.set(true), &|_| {
                panic!("Ctrl+C does not end the program: no need to wait")
            });
            assert!(handled && notified.get(), "{event}");
        }
    }

    #[test]
    fn unknown_console_events_are_left_to_windows() {
        let handled = handle_console_event(99, &|| panic!("not ours"), &|_| panic!("not ours"));
        assert!(!handled);
    }
}
