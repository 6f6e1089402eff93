//! A small pseudo-terminal harness: runs the real `voer` binary in a pty of a fixed size,
//! feeds its output to a vt100 parser, and lets a test type keys and wait for the screen.
//! Every wait polls with a deadline; nothing sleeps blindly.

use std::{
    ffi::OsString,
    io::{Read, Write},
    num::NonZeroU16,
    os::fd::BorrowedFd,
    path::{Path, PathBuf},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    thread,
    time::{Duration, Instant},
};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use voer::session::Session;

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;

pub const RIGHT: &str = "\x1b[C";
pub const LEFT: &str = "\x1b[D";
pub const PAGE_DOWN: &str = "\x1b[6~";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const CTRL_C: &str = "\x03";
pub const BACKSPACE: &str = "\x7f";
pub const F5: &str = "\x1b[15~";

/// Leaving the alternate screen: the terminal was given back.
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// An upper bound for waits; they normally end within milliseconds.
pub const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(10);

/// The binary under test: `VOER_BIN` if set (to run a test against another build, such as an
/// older release, and see it fail where a fix is missing), else the one of this build.
pub fn voer_bin() -> OsString {
    std::env::var_os("VOER_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_voer").into())
}

/// A temporary working folder for one test; sessions go to `<dir>/sessions`.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::Builder::new()
                .prefix("voer-e2e")
                .tempdir()
                .expect("a temporary folder"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn sessions(&self) -> PathBuf {
        self.dir.path().join("sessions")
    }

    /// `voer ARGS --sessions <sandbox>/sessions --lang nl`, in the sandbox as working folder.
    pub fn voer(&self, args: &[&str]) -> Voer {
        self.voer_env(args, &[])
    }

    /// As [`Sandbox::voer`], with these environment variables set as well.
    pub fn voer_env(&self, args: &[&str], env: &[(&str, &str)]) -> Voer {
        let mut all: Vec<OsString> = args.iter().map(OsString::from).collect();
        all.push("--sessions".into());
        all.push(self.sessions().into());
        all.push("--lang".into());
        all.push("nl".into());
        Voer::spawn(self.path(), &all, env)
    }

    /// As [`Sandbox::voer`], started by `sh -c SCRIPT` (see [`Voer::spawn_sh`]).
    pub fn voer_sh(&self, script: &str, args: &[&str]) -> Voer {
        let mut all: Vec<OsString> = args.iter().map(OsString::from).collect();
        all.push("--sessions".into());
        all.push(self.sessions().into());
        all.push("--lang".into());
        all.push("nl".into());
        Voer::spawn_sh(self.path(), script, &all)
    }

    /// The session files (`*.toml`) in the sessions folder, sorted by name.
    pub fn session_files(&self) -> Vec<PathBuf> {
        session_files(&self.sessions())
    }

    /// The one session file in the sessions folder.
    pub fn session_file(&self) -> PathBuf {
        let files = self.session_files();
        assert_eq!(files.len(), 1, "expected one session file, found {files:?}");
        files[0].clone()
    }
}

pub fn session_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Reads and parses a session file the way voer does.
pub fn load(path: &Path) -> Result<Session, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Session::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Polls a session file until `pred` holds; panics with the last state after `timeout`.
pub fn wait_for_file(
    path: &Path,
    timeout: Duration,
    what: &str,
    pred: impl Fn(&Session) -> bool,
) -> Session {
    let deadline = Instant::now() + timeout;
    loop {
        let got = load(path);
        if let Ok(s) = &got
            && pred(s)
        {
            return s.clone();
        }
        if Instant::now() >= deadline {
            panic!(
                "timed out waiting for {what} in {}: {got:?}",
                path.display()
            );
        }
        thread::sleep(POLL);
    }
}

/// Polls until `pred` holds (a file there, a lock taken …); panics after `WAIT`.
pub fn wait_until(what: &str, pred: impl Fn() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !pred() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        thread::sleep(POLL);
    }
}

/// The real binary in a pseudo-terminal.
pub struct Voer {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    eof: Arc<AtomicBool>,
    /// Set when the test closes the terminal: the reader lets go of its end too.
    hung_up: Arc<AtomicBool>,
    pub pid: u32,
    exit: Option<portable_pty::ExitStatus>,
}

impl Voer {
    pub fn spawn(cwd: &Path, args: &[OsString], env: &[(&str, &str)]) -> Voer {
        Voer::spawn_program(&voer_bin(), cwd, args, env)
    }

    /// `voer ARGS` started by `sh -c SCRIPT`, where SCRIPT runs it as `"$VOER" "$@"`: for a
    /// limit (`ulimit -f 20; exec "$VOER" "$@"`) or a redirection (`… > out.bin`).
    pub fn spawn_sh(cwd: &Path, script: &str, args: &[OsString]) -> Voer {
        let mut all: Vec<OsString> = vec!["-c".into(), script.into(), "sh".into()];
        all.extend(args.iter().cloned());
        Voer::spawn_program(
            "/bin/sh".as_ref(),
            cwd,
            &all,
            &[("VOER", &voer_bin().to_string_lossy())],
        )
    }

    pub fn spawn_program(
        program: &std::ffi::OsStr,
        cwd: &Path,
        args: &[OsString],
        env: &[(&str, &str)],
    ) -> Voer {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("LANG", "nl_NL.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("NO_COLOR");
        cmd.env("TERM", "xterm-256color");
        // No config file or data folder of the machine's user.
        cmd.env("HOME", cwd);
        cmd.env("XDG_CONFIG_HOME", cwd.join(".config"));
        cmd.env("XDG_DATA_HOME", cwd.join(".local/share"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("voer starts");
        // Only the child keeps the slave side open, so reading ends when it exits.
        drop(pair.slave);
        let pid = child.process_id().expect("a process id");
        let mut reader = pair.master.try_clone_reader().expect("a pty reader");
        // Our own handle on the master rather than `take_writer`, whose drop types a newline
        // and Ctrl+D into the terminal: in the notes editor that is Ctrl+J, "delete line".
        let fd = pair.master.as_raw_fd().expect("a pty master fd");
        // SAFETY: `fd` is open and owned by `pair.master`, alive here; it is duplicated at once.
        let writer = unsafe { BorrowedFd::borrow_raw(fd) }
            .try_clone_to_owned()
            .expect("a pty writer");
        let writer: Box<dyn Write + Send> = Box::new(std::fs::File::from(writer));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(ROWS).unwrap(),
            NonZeroU16::new(COLS).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let eof = Arc::new(AtomicBool::new(false));
        let hung_up = Arc::new(AtomicBool::new(false));
        {
            let (parser, raw, eof, hung_up) =
                (parser.clone(), raw.clone(), eof.clone(), hung_up.clone());
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        // Dropping the reader closes the last handle on the terminal.
                        Ok(_) if hung_up.load(Ordering::SeqCst) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
                eof.store(true, Ordering::SeqCst);
            });
        }
        Voer {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            parser,
            raw,
            eof,
            hung_up,
            pid,
            exit: None,
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    pub fn send_bytes(&mut self, bytes: &[u8]) {
        if let Some(w) = self.writer.as_mut() {
            // A write error means voer is gone; the test's next wait says so.
            let _ = w.write_all(bytes);
            let _ = w.flush();
        }
    }

    /// A bracketed paste, as a terminal sends it.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send_bytes(&bytes);
    }

    /// Closes our end of the pty, as a terminal window being closed does. The reader's handle
    /// closes at its next read (voer redraws at least every second while a timer runs); then
    /// the kernel hangs up the terminal and sends SIGHUP.
    pub fn close_terminal(&mut self) {
        self.hung_up.store(true, Ordering::SeqCst);
        self.writer.take();
        self.master.take();
    }

    /// Resizes the terminal, as dragging the window's corner does.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.parser.lock().unwrap().screen_mut().set_size(
            NonZeroU16::new(rows).expect("at least one row"),
            NonZeroU16::new(cols).expect("at least one column"),
        );
        if let Some(m) = &self.master {
            m.resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the terminal resizes");
        }
    }

    /// What the screen shows now.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The background colour of the cell at `row`, `col` (counted from 0).
    pub fn background(&self, row: u16, col: u16) -> Option<vt100::Color> {
        let parser = self.parser.lock().unwrap();
        parser.screen().cell(row, col).map(|c| c.bgcolor())
    }

    /// Whether voer asked the terminal for bracketed paste.
    pub fn bracketed_paste(&self) -> bool {
        self.parser.lock().unwrap().screen().bracketed_paste()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Whether the terminal is in its ordinary (cooked) mode: line editing and echo on, as
    /// before voer switched to raw mode.
    pub fn terminal_is_cooked(&self) -> bool {
        let termios = self
            .master
            .as_ref()
            .and_then(|m| m.get_termios())
            .expect("the terminal's settings");
        // The flag type is nix's; its names are enough here.
        let flags = format!("{:?}", termios.local_flags);
        flags.contains("ICANON") && flags.contains("ECHO")
    }

    /// Every byte voer wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Everything voer wrote, as text (for messages printed outside the screen).
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw()).into_owned()
    }

    /// Waits until the screen contains `text`; panics with the screen after `timeout`.
    pub fn wait_for_text(&self, text: &str, timeout: Duration) {
        self.wait_for(timeout, &format!("{text:?} on the screen"), |s| {
            s.contains(text)
        });
    }

    /// Waits until the screen no longer contains `text`.
    pub fn wait_for_no_text(&self, text: &str, timeout: Duration) {
        self.wait_for(timeout, &format!("{text:?} to leave the screen"), |s| {
            !s.contains(text)
        });
    }

    pub fn wait_for(&self, timeout: Duration, what: &str, pred: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {timeout:?} waiting for {what}; the screen:\n{screen}\n\
                     output so far: {:?}",
                    tail(&self.output(), 600)
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the process to end and for all its output to be read.
    pub fn wait_exit(&mut self, timeout: Duration) -> portable_pty::ExitStatus {
        if let Some(s) = &self.exit {
            return s.clone();
        }
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                // The reader sees EOF once the child is gone; give it a moment to drain.
                let drain = Instant::now() + Duration::from_secs(2);
                while !self.eof.load(Ordering::SeqCst) && Instant::now() < drain {
                    thread::sleep(Duration::from_millis(2));
                }
                self.exit = Some(status.clone());
                return status;
            }
            if Instant::now() >= deadline {
                panic!(
                    "voer did not exit within {timeout:?}; the screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn is_running(&mut self) -> bool {
        self.exit.is_none() && matches!(self.child.try_wait(), Ok(None))
    }

    /// Sends a signal by name (`KILL`, `TERM`, `HUP`, `INT`).
    pub fn signal(&self, name: &str) {
        signal(self.pid, name);
    }

    /// How many read calls the process has made so far, all its threads together (the
    /// kernel's count, `syscr` in /proc/PID/io): reading a file takes a few, and so does
    /// taking in a file event.
    #[cfg(target_os = "linux")]
    pub fn reads(&self) -> u64 {
        let io = std::fs::read_to_string(format!("/proc/{}/io", self.pid)).expect("/proc/PID/io");
        io.lines()
            .find_map(|l| l.strip_prefix("syscr: "))
            .and_then(|n| n.trim().parse().ok())
            .expect("a syscr line")
    }
}

pub fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .args(["-s", name, &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -s {name} {pid} failed");
}

impl Drop for Voer {
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            signal(self.pid, "KILL");
            let _ = self.child.wait();
        }
    }
}

fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// Whether `needle` occurs in `hay`.
pub fn contains_bytes(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Removes a folder voer writes in (the sessions folder, as a pulled USB stick or a hasty
/// `rm -r` does) with voer stopped meanwhile: a save or a lock made in the middle of the
/// removal would leave the folder not empty, and the removal would fail. Once voer goes on,
/// the folder is gone.
pub fn remove_folder_under(v: &Voer, dir: &Path) {
    v.signal("STOP");
    let removed = std::fs::remove_dir_all(dir);
    v.signal("CONT");
    removed.expect("the folder removed");
}

/// Starts `voer run 4 --audience client-council` and waits for the opening screen.
pub fn start_run(sb: &Sandbox, group: &str) -> Voer {
    let v = sb.voer(&["run", "4", "--audience", "client-council", "--group", group]);
    v.wait_for_text("Stap 1 van", WAIT);
    v
}

/// `voer run 4 --audience client-council --group Raad` with `extra` arguments, at the
/// council's first question (a round in the episode).
pub fn council_at_first_question(sb: &Sandbox, extra: &[&str]) -> Voer {
    let mut args = vec![
        "run",
        "4",
        "--audience",
        "client-council",
        "--group",
        "Raad",
    ];
    args.extend_from_slice(extra);
    let mut v = sb.voer(&args);
    v.wait_for_text("Stap 1 van", WAIT);
    for step in 2..=4 {
        v.send(RIGHT);
        v.wait_for_text(&format!("Stap {step} van"), WAIT);
    }
    v
}

/// From the opening step, past the video and the quote: to the first prompt, typing.
pub fn to_first_prompt_typing(v: &mut Voer) {
    v.send(RIGHT);
    v.wait_for_text("Stap 2 van", WAIT);
    v.send(RIGHT);
    v.wait_for_text("Stap 3 van", WAIT);
    v.send(RIGHT);
    v.wait_for_text("Stap 4 van", WAIT);
    v.send(ENTER);
    v.wait_for_text("Notities — typen", WAIT);
}

/// Stops typing and waits until the key bar shows navigation again.
pub fn stop_typing(v: &mut Voer) {
    v.send(ESC);
    v.wait_for_no_text("Notities — typen", WAIT);
}
