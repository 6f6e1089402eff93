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

impl Ran {
    /// Fails unless voer said `text` on standard error.
    #[track_caller]
    pub fn says(&self, text: &str) {
        assert!(
            self.err.contains(text),
            "expected {text:?} on standard error:\n{}",
            self.err
        );
    }
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

/// As [`voer_in`], but gives up on a voer that has not ended within `limit` (it is killed):
/// `None` then. For the tests of what must never hang.
pub fn voer_in_within(home: &Path, args: &[&str], limit: std::time::Duration) -> Option<Ran> {
    use std::process::Stdio;
    let mut child = command(home)
        .args(args)
        .arg("--sessions")
        .arg(home.join("sessions"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start voer");
    // Read as it runs, so that a full pipe never holds voer up.
    let mut pipes = (child.stdout.take(), child.stderr.take());
    let out = std::thread::spawn(move || read_all(pipes.0.take()));
    let err = std::thread::spawn(move || read_all(pipes.1.take()));
    let deadline = std::time::Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("voer's state") {
            break Some(status);
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    let (out, err) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    status.map(|s| Ran {
        code: s.code().unwrap_or(-1),
        out,
        err,
    })
}

fn read_all(pipe: Option<impl std::io::Read>) -> String {
    let mut bytes = Vec::new();
    if let Some(mut p) = pipe {
        let _ = p.read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}
