//! Opening a web address or a file with the system's own program (the browser, the video
//! player), as a person would by double-clicking it:
//! - Linux and the BSDs: `xdg-open ADDRESS`, and macOS: `open ADDRESS`, each looked up on
//!   `PATH` (so a test can put its own there) and started directly, never through a shell: the
//!   address is one argument, whatever characters it holds;
//! - Windows: `ShellExecuteW` with the verb "open" (`windows.rs`).
//!
//! voer itself makes no connection: the browser does, once it has the address.
use std::{
    ffi::OsStr,
    fmt, io,
    path::{Path, PathBuf},
    process::Child,
};

/// The program that opens addresses and files on this system, as the messages name it.
pub const OPENER: &str = if cfg!(windows) {
    "Windows"
} else if cfg!(target_os = "macos") {
    "open"
} else {
    "xdg-open"
};

/// Why an address or a file was not opened.
#[derive(Debug)]
pub enum OpenError {
    /// The opener is not on `PATH` (xdg-utils not installed).
    NoOpener(&'static str),
    /// The opener could not be started.
    Start(&'static str, io::Error),
    /// The opener ended with this code (`None`: it was ended by a signal).
    Exit(&'static str, Option<i32>),
    /// Windows's ShellExecute returned this code (32 or lower).
    Windows(isize),
}

/// In English, for logs; voer words it for the user.
impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NoOpener(p) => write!(f, "{p} is not on PATH"),
            OpenError::Start(p, e) => write!(f, "{p} did not start: {e}"),
            OpenError::Exit(p, Some(code)) => write!(f, "{p} stopped with code {code}"),
            OpenError::Exit(p, None) => write!(f, "{p} was stopped"),
            OpenError::Windows(code) => write!(f, "ShellExecute returned {code}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// Starts opening `target` (a web address or an absolute path). Returns the running opener,
/// to wait for, or `None` when the system has already handed it on (Windows).
pub fn open(target: &str) -> Result<Option<Child>, OpenError> {
    #[cfg(windows)]
    {
        super::windows::shell_open(target).map_err(OpenError::Windows)?;
        Ok(None)
    }
    #[cfg(not(windows))]
    {
        use std::process::{Command, Stdio};
        let path = std::env::var_os("PATH");
        let program = find_on_path(OPENER, path.as_deref()).ok_or(OpenError::NoOpener(OPENER))?;
        use std::os::unix::process::CommandExt;
        // Its output would draw over the screen, and it must not read the keys; in a process
        // group of its own, the browser or player it starts outlives voer's terminal window.
        Command::new(program)
            .arg(target)
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map(Some)
            .map_err(|e| OpenError::Start(OPENER, e))
    }
}

/// Waits for an opener [`open`] started; its failure, if it failed.
pub fn wait(mut child: Child) -> Result<(), OpenError> {
    match child.wait() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(OpenError::Exit(OPENER, status.code())),
        Err(e) => Err(OpenError::Start(OPENER, e)),
    }
}

/// The first executable file named `program` in the folders of `path` (as `PATH` lists them).
/// Only absolute folders count: an empty or relative entry would run whatever lies in the
/// current folder.
pub fn find_on_path(program: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_opener_is_the_first_executable_one_on_path_in_an_absolute_folder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (plain, runnable) = (dir.path().join("a"), dir.path().join("b"));
        for d in [&plain, &runnable] {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("xdg-open"), "#!/bin/sh\n").unwrap();
        }
        let exe = runnable.join("xdg-open");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = std::env::join_paths([&plain, &runnable]).unwrap();
        assert_eq!(find_on_path("xdg-open", Some(&path)), Some(exe.clone()));
        // "" and "." would be the current folder: never looked in.
        let relative = std::env::join_paths([Path::new("."), Path::new("")]).unwrap();
        assert_eq!(find_on_path("xdg-open", Some(&relative)), None);
        assert_eq!(find_on_path("xdg-open", None), None);
        assert_eq!(find_on_path("open-nothing", Some(&path)), None);
    }
}
