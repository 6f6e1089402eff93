//! The binary under test, run with a home of its own. `VOER_BIN` runs these tests against
//! another build of voer (an older release, to see a test fail where a fix is missing).
use std::{path::Path, process::Command};

/// `voer` as these tests run it: `VOER_BIN` if set, else the binary of this build.
pub fn voer_bin() -> std::ffi::OsString {
    std::env::var_os("VOER_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_voer").into())
}

/// What a run of voer gave: exit code, standard output, standard error.
pub struct Ran {
    pub code: i32,
    pub out: String,
    pub err: String,
}

/// Runs `voer ARGS --sessions <home>/sessions` in `home`, with `home` as its home folder (no
/// config file of the machine's user), in Dutch.
pub fn voer_in(home: &Path, args: &[&str]) -> Ran {
    let out = command(home)
        .args(args)
        .arg("--sessions")
        .arg(home.join("sessions"))
        .output()
        .expect("run voer");
    ran(&out)
}

/// voer in `home` as [`voer_in`] starts it, without arguments yet (nor `--sessions`).
pub fn command(home: &Path) -> Command {
    let mut cmd = Command::new(voer_bin());
    cmd.current_dir(home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("LANG", "nl_NL.UTF-8")
        .env("HOME", home);
    cmd
}

pub fn ran(out: &std::process::Output) -> Ran {
    Ran {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
