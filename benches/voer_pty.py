"""Runs the real release binary of voer in a pseudo-terminal, for the scripts beside this file.

Only the Python standard library: python3 is on every machine that builds voer.
"""
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


class Voer:
    """`voer run 4 --audience client-council` in a pty of `cols`×`rows`, in a temporary folder
    (or in `dir`, shared with another voer, which then is not removed by `stop`), with the
    sessions folder `sessions` (default: `sessions` in that folder), as `binary` (default: the
    release build)."""

    def __init__(self, cols=80, rows=24, args=None, dir=None, sessions=None, binary=None):
        self.own_dir = dir is None
        self.dir = dir or tempfile.mkdtemp(prefix="voer-bench-")
        self.sessions = sessions or os.path.join(self.dir, "sessions")
        argv = [binary or BINARY] + (args if args is not None else [
            "run", "4", "--audience", "client-council", "--group", "Bench"]) + [
                "--sessions", self.sessions, "--lang", "nl"]
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
