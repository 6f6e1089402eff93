"""Runs the real release binary of voer in a pseudo-terminal, for the scripts beside this file.

Only the Python standard library: python3 is on every machine that builds voer.
"""
import codecs
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import tomllib

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
BINARY = os.path.join(TARGET, "release", "voer")
# The lived-in folder generator (benches/lived_in, through examples/lived_in.rs).
LIVED_IN = os.path.join(TARGET, "release", "examples", "lived_in")
CSI = re.compile(r"\x1b\[([0-9;?]*)([ -/]*)([@-~])")
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")
# The last word of the key bar at the opening step: the bottom row is written last, so it
# shows that the whole first frame has been written.
FIRST_FRAME_WORD = b"stoppen"


def build(skip, examples=False):
    """Builds the release binary (and with `examples`, the lived-in folder generator,
    `examples/lived_in.rs`), unless `skip`."""
    if not skip:
        extra = ["--example", "lived_in", "--bin", "voer"] if examples else []
        subprocess.run(["cargo", "build", "--release", "--quiet"] + extra, cwd=REPO, check=True)
    if not os.path.exists(BINARY):
        sys.exit(f"{BINARY} is missing: run `cargo build --release`")


class Screen:
    """Enough of a terminal for ratatui's output: cursor positioning, colours ignored, text."""

    def __init__(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.pending = ""

    def feed(self, data):
        text = self.pending + self.decoder.decode(data)
        self.pending = ""
        i = 0
        while i < len(text):
            c = text[i]
            if c == "\x1b":
                m = CSI.match(text, i)
                if not m:
                    if len(text) - i < 16:  # an escape cut in two: wait for the rest
                        self.pending = text[i:]
                        return
                    i += 2
                    continue
                params, final = m.group(1), m.group(3)
                if final == "H":
                    parts = [int(p) if p.isdigit() else 1 for p in params.split(";")] if params else [1, 1]
                    self.y, self.x = parts[0] - 1, (parts[1] if len(parts) > 1 else 1) - 1
                elif final == "J" and params in ("2", "3"):
                    self.grid = [[" "] * self.cols for _ in range(self.rows)]
                i = m.end()
                continue
            if c in "\r\n\x07":
                i += 1
                continue
            if 0 <= self.y < self.rows and 0 <= self.x < self.cols:
                self.grid[self.y][self.x] = c
            self.x += 1
            i += 1

    def text(self):
        return "\n".join("".join(r) for r in self.grid)


class Voer:
    """`voer run 4 --audience client-council` in a pty of `cols`×`rows`, in a temporary folder
    (or in `dir`, shared with another voer, which then is not removed by `stop`), with the
    sessions folder `sessions` (default: `sessions` in that folder), as `binary` (default: the
    release build)."""

    def __init__(self, cols=80, rows=24, args=None, dir=None, sessions=None, binary=None,
                 plain=False):
        self.own_dir = dir is None
        self.dir = dir or tempfile.mkdtemp(prefix="voer-bench-")
        self.sessions = sessions or os.path.join(self.dir, "sessions")
        argv = [binary or BINARY] + (args if args is not None else [
            "run", "4", "--audience", "client-council", "--group", "Bench"])
        # `plain`: another program (to compare with), given only `args`.
        if not plain:
            argv += ["--sessions", self.sessions, "--lang", "nl"]
        env = dict(os.environ, TERM="xterm-256color", LANG="nl_NL.UTF-8")
        env.pop("NO_COLOR", None)
        self.output = bytearray()
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # the child: sets the terminal's size before voer starts, becomes voer
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.chdir(self.dir)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.cols, self.rows = cols, rows

    def read(self, timeout):
        """Reads what voer wrote within `timeout` seconds; returns the number of bytes."""
        ready, _, _ = select.select([self.fd], [], [], max(0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return 0
        self.output.extend(data)
        return len(data)

    def text(self):
        return ANSI.sub(b"", bytes(self.output))

    def wait_for(self, what, timeout=10):
        """Reads until `what` (bytes, in the text without escape codes) shows; returns when."""
        deadline = time.monotonic() + timeout
        while what not in self.text():
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                sys.exit(f"voer did not show {what!r} within {timeout} s")
            self.read(left)
        return time.monotonic()

    def wait_for_frame(self, timeout=10):
        """Reads until the first frame is whole, its bottom row drawn (ratatui writes a frame
        row by row, and the bottom row holds the key bar, whatever the step); returns when."""
        screen = Screen(self.cols, self.rows)
        fed = 0
        deadline = time.monotonic() + timeout
        while True:
            screen.feed(bytes(self.output[fed:]))
            fed = len(self.output)
            if screen.grid[-1] != [" "] * self.cols:
                return time.monotonic()
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                sys.exit(f"voer drew no whole frame within {timeout} s")
            self.read(left)

    def send(self, keys):
        os.write(self.fd, keys)

    def session(self):
        """The session file as voer last saved it, or None."""
        try:
            names = [n for n in os.listdir(self.sessions) if n.endswith(".toml")]
            if len(names) != 1:
                return None
            with open(os.path.join(self.sessions, names[0]), "rb") as f:
                return tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError):
            return None

    def wait_for_step(self, step, timeout=10):
        """Waits until the session file says the run is at `step` (saved on every step change)."""
        deadline = time.monotonic() + timeout
        while True:
            s = self.session()
            if s and s["session"].get("current_step") == step:
                return
            if time.monotonic() > deadline:
                self.stop()
                sys.exit(f"voer did not reach step {step} within {timeout} s")
            self.read(0.02)

    def cpu(self):
        """({thread name: CPU ns} of voer's live threads from /proc/PID/task/*/schedstat,
        CPU ticks of the whole process from /proc/PID/stat: utime + stime)."""
        threads = {}
        for tid in os.listdir(f"/proc/{self.pid}/task"):
            try:
                with open(f"/proc/{self.pid}/task/{tid}/comm") as f:
                    name = f"{f.read().strip()} ({tid})"
                with open(f"/proc/{self.pid}/task/{tid}/schedstat") as f:
                    threads[name] = int(f.read().split()[0])
            except OSError:
                pass  # a thread that just ended
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        return threads, ticks

    def read_calls(self):
        """The read calls the process made so far, all its threads (`syscr`, /proc/PID/io)."""
        with open(f"/proc/{self.pid}/io") as f:
            for line in f:
                if line.startswith("syscr:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        """Quits with Ctrl+C (voer saves and exits, on any screen), or kills it after 10 s."""
        try:
            self.send(b"\x03")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                self.read(0.05)
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        finally:
            try:
                os.close(self.fd)
            except OSError:
                pass
            if self.own_dir:
                shutil.rmtree(self.dir, ignore_errors=True)
