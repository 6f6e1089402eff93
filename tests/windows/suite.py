#!/usr/bin/env python3
"""The Windows suite: voer.exe under Wine, used as a facilitator on a Windows laptop uses it.

    python3 tests/windows/suite.py --wine WINE64 --exe VOER.EXE --helpers DIR
                                   [--version 0.1.0] [--commit abc1234] [TEST ...]

.ci/windows.sh builds everything it needs and runs it (see there). VOER.EXE has Wine's missing
bcryptprimitives.dll beside it; DIR holds holdopen.exe (tests/windows/holdopen.c). Every run has
a Wine prefix of its own in a temporary folder, removed afterwards, so nothing of this machine's
Wine or of an earlier run takes part. Python's standard library and tmux only.

What Wine shows and what it does not. Wine runs the Windows program itself: its file system
calls, console calls, paths, environment and error codes, with Windows's rules for names,
sharing and renames as Wine implements them. What only a real Windows machine shows:
- Windows Terminal (ConPTY) and its keyboard: here keys reach Wine's console from tmux as a
  terminal's bytes, which Wine turns into console key events; Windows Terminal makes those
  events itself (and sends a paste as typed keys). The key events voer reads are the same kind.
- The drawing: Wine 8's console loses an escape sequence that arrives split over two writes,
  and Rust's standard library writes to the console in pieces (at most 4 KB, and its line
  buffer every 1 KB). Windows's console keeps its parser's state from one write to the next.
  So a large redraw (a new step) can land misplaced under Wine, and the run below waits for
  the session file, not for the layout, and reads only small updates off the screen.
- Closing the window, logging off and shutting down (CTRL_CLOSE_EVENT, WM_ENDSESSION): Wine
  has no window here (no display) and cannot send Ctrl+Break to another program's console.
- NTFS access lists (who may read the sessions folder), OneDrive itself, SmartScreen and
  Defender, fonts: how “ ” and ë look in Consolas.
- Wine writes console text in the Linux locale's character set, so it runs under C.UTF-8.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import traceback
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
EXAMPLE = next((REPO / "sessions").glob("voorbeeld_*.toml"))
EXAMPLE_GROUP = "Cliëntenraad De Linde"
# The example session's file name, as a real session's.
SESSION = EXAMPLE.name.removeprefix("voorbeeld_")
# An action in the example session, open.
EXAMPLE_ACTION = "k4m7qd"
# An upper bound for every wait: under Wine on a loaded machine a start takes seconds.
WAIT = 60.0
VERBATIM = "\\\\?\\"

TESTS = []


def test(f):
    TESTS.append(f)
    return f


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def no_verbatim(text, what):
    check(VERBATIM not in text, f"{what} shows a path with \\\\?\\: {text!r}")


def wait_until(what, probe, timeout=WAIT):
    """Polls probe() until it returns something true; returns that. Fails after timeout."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            got = probe()
        except (OSError, ValueError, tomllib.TOMLDecodeError) as e:
            got, last = None, e
        if got:
            return got
        if time.monotonic() > deadline:
            raise Failure(f"timed out waiting for {what} (last error: {last})")
        time.sleep(0.05)


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8")
        self.err = proc.stderr.decode("utf-8")

    def __str__(self):
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


class Wine:
    """A Wine prefix of its own, and voer.exe run in it."""

    def __init__(self, args):
        self.wine = args.wine
        self.exe = str(Path(args.exe).resolve())
        self.helpers = Path(args.helpers).resolve()
        self.home = Path(tempfile.mkdtemp(prefix="voer-wine-"))
        self.prefix = self.home / "prefix"
        self.drive = self.prefix / "drive_c"
        self.tmux_socket = self.home / "tmux"
        self.wineserver = str(Path(self.wine).with_name("wineserver"))
        self.keep = args.keep
        # Nothing of this machine's Wine, locale or terminal.
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "TMPDIR": str(self.home),
            "USER": "facilitator",
            "WINEPREFIX": str(self.prefix),
            "LANG": "C.UTF-8",
        }

    def serve(self):
        """Keeps Wine's server running between the programs of the suite (by default it stops
        three seconds after the last one, and each start would take seconds)."""
        self.prefix.mkdir(exist_ok=True)
        subprocess.run([self.wineserver, "-p"], env=self.env, check=True)

    def env_with(self, **extra):
        env = dict(self.env, WINEDEBUG="-all")
        for k, v in extra.items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env

    def folder(self, name):
        """A new, empty folder C:\\voer\\NAME; returns its path on Linux."""
        p = self.drive / "voer" / name
        shutil.rmtree(p, ignore_errors=True)
        p.mkdir(parents=True)
        return p

    def win(self, path):
        """The Windows name of a path under the prefix's drive C:."""
        rel = Path(path).relative_to(self.drive)
        return "C:\\" + "\\".join(rel.parts)

    def voer(self, *args, cwd=None, env=None):
        return self.run(self.exe, *args, cwd=cwd, env=env)

    def run(self, program, *args, cwd=None, env=None):
        """A Windows program (voer.exe, or one of Wine's own such as reg), to its end."""
        # Output to files, not pipes: the programs Wine starts beside the first one (its
        # services) inherit them and keep a pipe open after voer has ended.
        with tempfile.TemporaryFile(dir=self.home) as out, \
                tempfile.TemporaryFile(dir=self.home) as err:
            proc = subprocess.run(
                [self.wine, str(program), *args],
                # Before Wine made the prefix: the temporary folder, Z:\tmp\… to Windows.
                cwd=cwd or (self.drive if self.drive.exists() else self.home),
                env=env or self.env_with(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                timeout=300,
            )
            out.seek(0)
            err.seek(0)
            proc.stdout, proc.stderr = out.read(), err.read()
        return Result(proc)

    def start(self, program, *args):
        """A Windows program started in the background, its output read line by line."""
        return subprocess.Popen(
            [self.wine, str(program), *args],
            cwd=self.drive,
            env=self.env_with(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def close(self):
        subprocess.run(
            ["tmux", "-S", str(self.tmux_socket), "kill-server"],
            capture_output=True,
        )
        subprocess.run([self.wineserver, "-k"], env=self.env, capture_output=True)
        subprocess.run([self.wineserver, "-w"], env=self.env, capture_output=True)
        shutil.rmtree(self.home, ignore_errors=True)


def read_line(proc, what):
    """The next line the program prints (no blind wait: it says when it is ready)."""
    box = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(WAIT)
    check(box and box[0], f"{what}: no line from the program ({proc.poll()})")
    return box[0].strip()


def sessions_with_example(w, name):
    """A sessions folder with the example session in it as a real one (voer leaves the
    example out of `sessions` and `actions`)."""
    d = w.folder(name)
    text = EXAMPLE.read_text("utf-8").replace("\nexample = true\n", "\nexample = false\n")
    (d / SESSION).write_text(text, "utf-8")
    return d


# ---------------------------------------------------------------------------------------------
# The program starts, and says which it is


@test
def version_in_a_fresh_prefix_names_the_commit(w, args):
    # Nothing set but the prefix: Wine makes it on this first start, and voer.exe runs with
    # only what lies beside it.
    env = dict(w.env)
    r = w.voer("--version", env=env)
    check(r.code == 0, f"voer --version\n{r}")
    expected = f"voer {args.version} ("
    if args.commit:
        expected += args.commit + " "
    check(r.out.startswith(expected), f"expected {expected!r}…, got {r.out!r}")


@test
def help_is_in_dutch(w, args):
    r = w.voer("--help", env=w.env_with(LANG="nl_NL.UTF-8"))
    check(r.code == 0, str(r))
    for text in ["Gebruik: voer", "Commando's:", "Doelgroep: client-council (cliëntenraad)",
                 "Deze uitleg tonen."]:
        check(text in r.out, f"{text!r} not in the Dutch help:\n{r.out}")
    check("\r" not in r.out.replace("\r\n", ""), "a stray carriage return in the help")


@test
def help_follows_the_language_setting_and_else_the_system(w, args):
    r = w.voer("--help", env=w.env_with(LANG="en_GB.UTF-8"))
    check(r.code == 0 and "Usage: voer" in r.out, str(r))
    # No LANG at all: Windows's own language setting (GetUserDefaultLocaleName), which Wine
    # sets to en-US here: English.
    r = w.voer("--help", env=w.env_with(LANG=None))
    check(r.code == 0 and "Usage: voer" in r.out, f"system language en-US:\n{r}")


# ---------------------------------------------------------------------------------------------
# Every command


@test
def list_shows_the_episodes(w, args):
    r = w.voer("list")
    check(r.code == 0, str(r))
    for text in ["jef-mol", "Jef Mol", "Cliënten met professionals aan het stuur",
                 "vera-jansweijer", "Minuten (cliëntenraad/"]:
        check(text in r.out, f"{text!r} not in voer list:\n{r.out}")


@test
def show_prints_the_plan(w, args):
    r = w.voer("show", "4", "--audience", "cliëntenraad")
    check(r.code == 0, str(r))
    for text in ["Aflevering 4 — Cliënten met professionals aan het stuur", "Citaat",
                 "“Niet vanuit een probleem gedacht"]:
        check(text in r.out, f"{text!r} not in voer show:\n{r.out}")


@test
def validate_names_the_broken_file_with_line_and_column(w, args):
    d = w.folder("validate")
    (d / "goed.toml").write_bytes((REPO / "prompts" / "jef-mol.toml").read_bytes())
    r = w.voer("validate", w.win(d / "goed.toml"))
    check(r.code == 0, f"a good episode file:\n{r}")
    # Line 3, column 9: the string that is never closed. Written with Windows line ends, as
    # Notepad saves it.
    (d / "kapot.toml").write_bytes(b'id = "kapot"\r\nnumber = 9\r\ntitle = "Nooit dicht\r\n')
    r = w.voer("validate", w.win(d))
    check(r.code != 0, f"a broken file passes:\n{r}")
    where = w.win(d / "kapot.toml") + ":3:"
    text = r.out + r.err
    check(re.search(re.escape(where) + r"\d+: ", text), f"expected {where}COL: in\n{r}")
    no_verbatim(text, "validate")


@test
def sessions_lists_the_saved_sessions(w, args):
    d = sessions_with_example(w, "sessions")
    r = w.voer("sessions", "--sessions", w.win(d))
    check(r.code == 0, str(r))
    check(EXAMPLE_GROUP in r.out, f"the example session is not listed:\n{r.out}")
    no_verbatim(r.out + r.err, "sessions")


@test
def actions_lists_and_marks_done(w, args):
    d = sessions_with_example(w, "actions")
    r = w.voer("actions", "--sessions", w.win(d))
    check(r.code == 0, str(r))
    check(EXAMPLE_ACTION in r.out and "Truus" in r.out, f"the example's actions:\n{r.out}")
    r = w.voer("actions", "done", EXAMPLE_ACTION, "--sessions", w.win(d))
    check(r.code == 0, str(r))
    check("is klaar" in r.out, str(r))
    session = tomllib.loads((d / SESSION).read_text("utf-8"))
    done = [a["done"] for a in session["actions"] if a["id"] == EXAMPLE_ACTION]
    check(done == [True], f"not marked done in the file: {done}")


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


EXPORT_CHECKS = {
    "md": lambda p: p.read_text("utf-8"),
    "html": lambda p: p.read_text("utf-8"),
    "txt": lambda p: p.read_text("utf-8"),
    "json": lambda p: json.dumps(json.loads(p.read_text("utf-8")), ensure_ascii=False),
    # With a byte-order mark, so that Excel reads the accents; ';' for a Dutch Excel.
    "csv": lambda p: p.read_text("utf-8-sig") if p.read_bytes().startswith(b"\xef\xbb\xbf")
    else "",
    "docx": docx_text,
}


@test
def export_writes_all_six_formats_and_the_letter(w, args):
    d = w.folder("export")
    shutil.copy(EXAMPLE, d / "sessie.toml")
    for ext, read in EXPORT_CHECKS.items():
        out = d / f"verslag.{ext}"
        r = w.voer("export", w.win(d / "sessie.toml"), "--output", w.win(out))
        check(r.code == 0, f"{ext}:\n{r}")
        check(f"Verslag geschreven: {w.win(out)}" in r.out + r.err, f"{ext}:\n{r}")
        no_verbatim(r.out + r.err, f"export {ext}")
        text = read(out)
        check(EXAMPLE_GROUP in text, f"{ext}: the group is not in the report: {text[:300]!r}")
    check("<html" in (d / "verslag.html").read_text("utf-8"), "html: no <html")
    check(";" in (d / "verslag.csv").read_text("utf-8-sig").splitlines()[0], "csv: not ';'")
    # The council's letter to the organisation, in Word and in Markdown.
    for ext, read in [("docx", docx_text), ("md", lambda p: p.read_text("utf-8"))]:
        out = d / f"brief.{ext}"
        r = w.voer("export", w.win(d / "sessie.toml"), "--format", "letter", "--output", w.win(out))
        check(r.code == 0 and f"Brief geschreven: {w.win(out)}" in r.out + r.err, f"letter:\n{r}")
        text = read(out)
        check("Geachte bestuurder" in text and "Mogen bewoners meebeslissen" in text,
              f"letter {ext}: {text[:300]!r}")
    # To standard output, from the working folder, by a relative name.
    r = w.voer("export", "sessie.toml", cwd=d)
    check(r.code == 0 and EXAMPLE_GROUP in r.out, str(r))


@test
def show_and_handout_write_their_papers(w, args):
    # The facilitator's plan and the participants' sheet, to files named the Windows way; an
    # existing file is kept unless --force.
    d = w.folder("papers")
    papers = [
        (["show", "4", "--audience", "client-council"], "draaiboek.html", "Citaat"),
        (["show", "4", "--audience", "client-council"], "draaiboek.docx", "Citaat"),
        (["handout", "4", "--audience", "cliëntenraad"], "hand-out.html", "Wat vond u"),
        (["handout", "4", "--audience", "cliëntenraad"], "hand-out.docx", "Wat vond u"),
    ]
    for command, name, text in papers:
        out = d / name
        r = w.voer(*command, "--output", w.win(out))
        check(r.code == 0, f"{name}:\n{r}")
        check(w.win(out) in r.out + r.err, f"{name}: the file is not named:\n{r}")
        no_verbatim(r.out + r.err, name)
        body = docx_text(out) if name.endswith(".docx") else out.read_text("utf-8")
        check(text in body and "Jef Mol" in body, f"{name}: {body[:400]!r}")
    before = (d / "hand-out.html").read_bytes()
    r = w.voer("handout", "4", "--audience", "cliëntenraad", "--output", w.win(d / "hand-out.html"))
    check(r.code != 0 and (d / "hand-out.html").read_bytes() == before, f"replaced:\n{r}")
    check("bestaat al" in r.err and w.win(d / "hand-out.html") in r.err, f"the reason:\n{r}")
    r = w.voer("handout", "4", "--audience", "cliëntenraad")
    check(r.code == 0 and "# Aflevering 4" in r.out and "Wat vond u" in r.out, str(r))


@test
def config_shows_windows_folders(w, args):
    r = w.voer("config")
    check(r.code == 0, str(r))
    profile = "C:\\users\\" + w.env["USER"] + "\\AppData\\"
    for text in [profile + "Roaming\\voer\\config\\voer.toml",
                 profile + "Local\\voer\\data\\sessions"]:
        check(text in r.out, f"{text!r} not in voer config:\n{r.out}")
    no_verbatim(r.out, "config")
    check("/" not in "".join(re.findall(r"C:\\\S*", r.out)), f"a / in a Windows path:\n{r.out}")


@test
def privacy_names_the_windows_folders_and_delete_removes_a_session_and_its_report(w, args):
    r = w.voer("privacy")
    check(r.code == 0, str(r))
    profile = "C:\\users\\" + w.env["USER"] + "\\AppData\\Local\\voer\\data\\"
    for text in [profile + "sessions", profile + "rescue", "netwerkverbinding"]:
        check(text in r.out, f"{text!r} not in voer privacy:\n{r.out}")
    no_verbatim(r.out, "privacy")
    d = sessions_with_example(w, "delete")
    report = d / SESSION.replace(".toml", ".md")
    report.write_text("met de hand\n", "utf-8")
    name = SESSION.removesuffix(".toml")
    r = w.voer("delete", name, "--sessions", w.win(d))
    check(r.code != 0 and (d / SESSION).exists(), f"deleted without a yes:\n{r}")
    r = w.voer("delete", name, "--yes", "--sessions", w.win(d))
    check(r.code == 0, str(r))
    check(not (d / SESSION).exists(), f"the session is still there:\n{r}")
    check(report.exists(), "a report voer did not write was deleted")
    check(sorted(p.name for p in d.iterdir()) == [report.name],
          f"left beside it: {sorted(p.name for p in d.iterdir())}")
    no_verbatim(r.out + r.err, "delete")


@test
def completions_for_powershell(w, args):
    r = w.voer("completions", "powershell")
    check(r.code == 0 and "Register-ArgumentCompleter" in r.out, str(r))


# ---------------------------------------------------------------------------------------------
# Names Windows refuses, files other programs hold


@test
def reserved_and_impossible_names_are_refused(w, args):
    d = w.folder("names")
    shutil.copy(EXAMPLE, d / "sessie.toml")
    session = w.win(d / "sessie.toml")
    cases = [
        ("CON.md", "'CON.md' is de naam van een apparaat"),
        ("con.txt", "'con.txt' is de naam van een apparaat"),
        ("aux\\verslag.md", "'aux' is de naam van een apparaat"),
        ("verslag.", "'verslag.' eindigt op een punt of een spatie"),
        ("wat?.md", "'wat?.md' bevat '?'"),
    ]
    for name, reason in cases:
        r = w.voer("export", session, "--format", "md", "--output", w.win(d) + "\\" + name)
        check(r.code != 0, f"{name} accepted:\n{r}")
        check("Windows staat deze naam niet toe: " + reason in r.err, f"{name}:\n{r}")
    check(sorted(p.name for p in d.iterdir()) == ["sessie.toml"],
          f"files were made: {sorted(p.name for p in d.iterdir())}")
    r = w.voer("sessions", "--sessions", w.win(d) + "\\NUL")
    check(r.code != 0 and "'NUL' is de naam van een apparaat" in r.err, f"--sessions NUL:\n{r}")


@test
def reading_a_device_or_a_huge_file_is_refused_with_the_reason(w, args):
    # Through platform/files.rs: CON is the console in every folder (reading it would wait for
    # keys), COM1 a serial port; a file larger than voer ever writes is not read at all.
    d = w.folder("read")
    for name in ["CON", "com1.toml", w.win(d) + "\\nul.toml"]:
        r = w.voer("validate", name, cwd=d)
        check(r.code != 0, f"{name} passes:\n{r}")
        check(f"{name}: kan niet lezen: geen gewoon bestand" in r.out + r.err, f"{name}:\n{r}")
    (d / "groot.toml").write_bytes(b"a" * (3 << 20))
    r = w.voer("validate", w.win(d / "groot.toml"))
    check(r.code != 0 and "groter dan 1 MiB" in r.out + r.err, f"a 3 MiB file:\n{r}")


@test
def a_save_waits_for_a_file_held_open_for_a_moment(w, args):
    # OneDrive or a virus scanner has the session file open while voer saves it: Windows
    # refuses the rename over it. The holder lets go 150 ms after voer's temporary file
    # appears, so voer's first try is refused; a later one must succeed.
    d = sessions_with_example(w, "held-moment")
    file = d / SESSION
    before = file.read_bytes()
    temp = w.win(d) + "\\." + SESSION + ".*.tmp"
    holder = w.start(w.helpers / "holdopen.exe", w.win(file), temp, "150")
    try:
        check(read_line(holder, "holdopen") == "held", "holdopen did not open the file")
        r = w.voer("actions", "done", EXAMPLE_ACTION, "--sessions", w.win(d))
        check(r.code == 0, f"the save gave up while the file was held for 150 ms:\n{r}")
        check(read_line(holder, "holdopen") == "released", "the holder never let go")
    finally:
        holder.kill()
        holder.wait()
    after = file.read_bytes()
    check(after != before and b"\r" not in after, "the file was not rewritten with \\n ends")
    check(not list(d.glob(".*.tmp")), f"a temporary file is left: {list(d.iterdir())}")


@test
def a_save_gives_up_on_a_file_held_open_and_says_why(w, args):
    d = sessions_with_example(w, "held-for-good")
    file = d / SESSION
    before = file.read_bytes()
    release = d / "release"
    holder = w.start(w.helpers / "holdopen.exe", w.win(file), w.win(release))
    try:
        check(read_line(holder, "holdopen") == "held", "holdopen did not open the file")
        started = time.monotonic()
        r = w.voer("actions", "done", EXAMPLE_ACTION, "--sessions", w.win(d))
        took = time.monotonic() - started
    finally:
        release.write_text("")
        holder.wait(timeout=WAIT)
    check(r.code != 0, f"the save claims to have worked:\n{r}")
    reason = "het bestand is in gebruik bij een ander programma, zoals OneDrive of een virusscanner"
    check(reason in r.err and w.win(file) in r.err, f"the message:\n{r}")
    check(took >= 0.8, f"gave up after {took:.2f} s, before trying for about a second")
    check(file.read_bytes() == before, "the held file was changed")
    check(not list(d.glob(".*.tmp")), f"a temporary file is left: {list(d.iterdir())}")


# ---------------------------------------------------------------------------------------------
# A meeting in Wine's console, in a pseudo-terminal (tmux)


class Pane:
    """voer.exe in a tmux pane of 100×30: Wine makes it a Windows console on that terminal."""

    def __init__(self, w, *args, name="voer"):
        self.w = w
        self.name = name
        self.tmux = ["tmux", "-S", str(w.tmux_socket)]
        if not w.tmux_socket.exists():
            # One server for the suite, with Wine's environment; a pane stays when voer has
            # ended, so that its last screen can be read.
            subprocess.run(
                [*self.tmux, "-f", "/dev/null", "start-server", ";",
                 "set-option", "-s", "exit-empty", "off", ";",
                 "set-option", "-g", "remain-on-exit", "on"],
                env=w.env_with(), check=True,
            )
        self.exit_file = w.home / f"{name}.exit"
        command = f"{shlex.join([w.wine, w.exe, *args])}; echo $? >{shlex.quote(str(self.exit_file))}"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", name, "-x", "100", "-y", "30",
             "-c", str(w.drive), command],
            check=True,
        )

    def screen(self):
        """What the pane shows, with what scrolled off the top of it."""
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-S", "-", "-t", self.name],
            capture_output=True, check=True,
        ).stdout.decode("utf-8")

    def wait_for_text(self, text, what=None):
        try:
            return wait_until(what or f"{text!r} on the screen", lambda: text in self.screen())
        except Failure as e:
            raise Failure(f"{e}; the screen:\n{self.screen()}") from None

    def type(self, text):
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def key(self, *keys):
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def exit_code(self):
        """Waits for voer to end; its exit code, as the shell in the pane wrote it down (tmux's
        own record of it is not always there when the pane has closed)."""
        def ended():
            text = self.exit_file.read_text().strip()
            return text if text.isdigit() else None
        try:
            return int(wait_until(f"voer to end in the pane {self.name}", ended))
        except Failure as e:
            raise Failure(f"{e}; the screen:\n{self.screen()}") from None

    def close(self):
        if not self.w.keep:
            subprocess.run([*self.tmux, "kill-session", "-t", self.name], capture_output=True)


def one_file(folder):
    files = list(folder.glob("*.toml"))
    return files[0] if len(files) == 1 else None


def session_when(file, what, pred):
    def probe():
        s = tomllib.loads(file.read_text("utf-8"))
        return s if pred(s) else None
    return wait_until(what, probe)


GROUP = "Cliëntenraad “De Linde”"
NOTES = "Mevrouw Jansen: de “koffie” regelen we zelf.\nDhr. Öztürk: één ĳsje, naïef, café ë"


@test
def a_meeting_in_the_console_from_picker_to_ctrl_c(w, args):
    # The console's output and input are Windows's own: text written with WriteConsoleW, keys
    # read as console key events, raw mode by SetConsoleMode. See the top of this file for
    # what Wine's console does not show.
    d = w.folder("run")
    sessions = d / "sessions"
    pane = Pane(w, "--sessions", w.win(sessions))
    try:
        # The picker: the episode (4, by its number), the audience (the first: the client
        # council), the group's name. Its first screen has no clock on it, so under Wine it is
        # drawn the same way each time; after that the keys go into the console's input
        # queue, read in order, and the session file says what they did.
        pane.wait_for_text("Kies een aflevering")
        pane.type("4")
        pane.key("Enter", "Enter")
        pane.type(GROUP)
        pane.key("Enter")
        file = wait_until("the session file", lambda: one_file(sessions))
        s = session_when(file, "the new session", lambda s: s["session"]["current_step"] == 0)
        check(s["session"]["group"] == GROUP, f"group {s['session']['group']!r}")
        check(s["session"]["audience"] == "client-council", s["session"]["audience"])
        check(s["session"]["episode"] == "jef-mol", s["session"]["episode"])
        # PageDown past the opening, the video and the quote, to the first question.
        for step in (1, 2, 3):
            pane.key("PageDown")
            session_when(file, f"step {step}", lambda s: s["session"]["current_step"] == step)
        # Typing starts the notes; Enter is a new line in them.
        first, second = NOTES.split("\n")
        pane.type(first)
        pane.key("Enter")
        pane.type(second)
        session_when(file, "the typed notes", lambda s: s["steps"][3]["notes"] == NOTES)
        # Ctrl+A: an action, with an owner; then Esc (done typing) and on to the next step.
        pane.key("C-a")
        pane.type("Voorstel “kalender” schrijven")
        pane.key("Tab")
        pane.type("Truus")
        pane.key("Enter")
        s = session_when(file, "the action", lambda s: len(s.get("actions", [])) == 1)
        action = s["actions"][0]
        check(action["text"] == "Voorstel “kalender” schrijven" and action["owner"] == "Truus",
              f"action {action}")
        check(s["steps"][3]["notes"] == NOTES, "the form's keys went into the notes")
        pane.key("Escape")
        pane.key("PageDown")
        session_when(file, "step 4", lambda s: s["session"]["current_step"] == 4)
        # Ctrl+C: saved, the console given back, and where the notes are, as Windows writes it.
        pane.key("C-c")
        code = pane.exit_code()
        screen = pane.screen()
        check(code == 0, f"voer ended with {code}:\n{screen}")
        no_verbatim(screen, "the message after quitting")
        flat = screen.replace("\n", "")
        check(f"Notities bewaard in {w.win(file)}" in flat, f"where the notes are:\n{screen}")
        check(f"Verdergaan: voer resume {w.win(file)}" in flat, f"how to go on:\n{screen}")
    finally:
        pane.close()

    # The file as Windows wrote it: UTF-8 without a byte-order mark, "\n" line ends, the
    # notes exactly as typed, and readable by voer on any system.
    raw = file.read_bytes()
    check(not raw.startswith(b"\xef\xbb\xbf"), "the session file starts with a byte-order mark")
    check(b"\r" not in raw, "the session file has \\r in it")
    text = raw.decode("utf-8")
    s = tomllib.loads(text)
    check(s["steps"][3]["notes"] == NOTES, f"notes {s['steps'][3]['notes']!r}")
    check(s["session"]["status"] == "in-progress", s["session"]["status"])
    check("“De Linde”" in text and "ĳsje" in text, "the typed characters as UTF-8")

    # The command it printed, typed back: the same session, one step on. The key may come
    # before voer reads the console: the console keeps it in its input queue (Wine shows it
    # on the screen until voer draws; Windows does not), and the file says when it was read.
    pane = Pane(w, "resume", w.win(file), name="resume")
    try:
        pane.key("PageDown")
        session_when(file, "step 5 after resume", lambda s: s["session"]["current_step"] == 5)
        pane.key("C-c")
        check(pane.exit_code() == 0, pane.screen())
    finally:
        pane.close()
    r = w.voer("sessions", "--sessions", w.win(sessions))
    check(GROUP in r.out, f"voer sessions:\n{r}")
    no_verbatim(r.out, "sessions")


@test
def f5_plays_the_copy_with_the_program_windows_opens_it_with(w, args):
    # F5 on the video step hands the copy to ShellExecuteW ("open", as a double-click). In
    # this prefix .mp4 files open with player.exe (tests/windows/player.c), registered as
    # Windows registers a player, which writes down the path it was given. What this does not
    # prove: that Windows's own player (or VLC) then plays it, and Windows's "How do you want
    # to open this file?" when no player is set.
    d = w.folder("f5")
    player = d / "player.exe"
    shutil.copy(w.helpers / "player.exe", player)
    record = d / "geopend.txt"
    video = d / "Film “één”.mp4"
    video.write_bytes(b"\0" * 16)
    command = f'"{w.win(player)}" "%1" "{w.win(record)}"'
    for key, value in [("HKLM\\Software\\Classes\\.mp4", "voertest.video"),
                       ("HKLM\\Software\\Classes\\voertest.video\\shell\\open\\command",
                        command)]:
        r = w.run("reg", "add", key, "/ve", "/d", value, "/f")
        check(r.code == 0, f"reg add {key}:\n{r}")
    sessions = d / "sessions"
    pane = Pane(w, "run", "4", "--audience", "client-council", "--group", "Team F5",
                "--facilitator", "Anna", "--video", w.win(video), "--sessions", w.win(sessions),
                name="f5")
    try:
        file = wait_until("the session file", lambda: one_file(sessions))
        session_when(file, "the opening", lambda s: s["session"]["current_step"] == 0)
        pane.key("PageDown")
        s = session_when(file, "the video step", lambda s: s["session"]["current_step"] == 1)
        check(s["steps"][1].get("file") == w.win(video), f"the copy: {s['steps'][1]}")
        pane.key("F5")
        try:
            opened = wait_until("the player to be started", lambda: record.exists() and
                                record.read_text("utf-8"))
        except Failure as e:
            raise Failure(f"{e}; the screen:\n{pane.screen()}") from None
        check(opened == w.win(video), f"the player was given {opened!r}, not {w.win(video)!r}")
        session_when(file, "playing in the file", lambda s: s["steps"][1].get("playing") is True)
        # The bottom line then says "Het videobestand gaat open in de speler: …", but under
        # Wine it lands amid the QR code's redraw (see the top of this file): not read here;
        # the pty tests read it on Linux.
        pane.key("C-c")
        check(pane.exit_code() == 0, pane.screen())
        no_verbatim(pane.screen(), "the run with --video")
    finally:
        pane.close()


@test
def command_output_in_the_console_keeps_the_accents(w, args):
    # Printed to the console (WriteConsoleW), not to a pipe as in the tests above.
    pane = Pane(w, "list", name="list")
    try:
        check(pane.exit_code() == 0, pane.screen())
        screen = pane.screen()
        check("Cliënten met professionals aan het stuur" in screen, screen)
    finally:
        pane.close()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--wine", required=True)
    p.add_argument("--exe", required=True)
    p.add_argument("--helpers", required=True)
    p.add_argument("--version", default="")
    p.add_argument("--commit", default="")
    p.add_argument("--keep", action="store_true",
                   help="leave the Wine prefix, its server and the tmux panes, to look into them")
    p.add_argument("only", nargs="*", help="run only the tests whose names contain these")
    args = p.parse_args()
    chosen = [t for t in TESTS if not args.only or any(o in t.__name__ for o in args.only)]
    w = Wine(args)
    w.serve()
    failed = []
    started = time.monotonic()
    try:
        for t in chosen:
            t0 = time.monotonic()
            try:
                t(w, args)
                print(f"ok   {t.__name__} ({time.monotonic() - t0:.1f} s)", flush=True)
            except Exception as e:  # a failed check or anything unexpected: report, go on
                failed.append(t.__name__)
                detail = str(e) if isinstance(e, Failure) else traceback.format_exc()
                print(f"FAIL {t.__name__}: {detail}", flush=True)
    finally:
        if args.keep:
            print(f"kept: WINEPREFIX={w.prefix}, tmux -S {w.tmux_socket}")
        else:
            w.close()
    passed = len(chosen) - len(failed)
    print(f"windows tests under Wine: {passed} passed, {len(failed)} failed "
          f"({time.monotonic() - started:.0f} s)")
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
