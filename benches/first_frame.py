#!/usr/bin/env python3
"""Time from starting voer to its first frame, measured from outside.

    python3 benches/first_frame.py [--runs 20] [--size 80x24] [--no-build]
    python3 benches/first_frame.py --lived 500,5000,20000 [--runs 5] [--before OLD_BINARY]
    python3 benches/first_frame.py --big 50 [--runs 5] [--before OLD_BINARY]

Builds the release binary (unless --no-build), then, each run, starts
`voer run 4 --audience client-council` in a pseudo-terminal in a fresh temporary folder (--sessions
there: the run creates its session file before the screen opens) and times from just before the
fork to the moment the output holds the whole first frame: the last word of its key bar, which is on
the bottom row and so written last. Also runs `voer` without arguments, which opens on the picker.
Prints the minimum, median and maximum.

--lived N,…: in a lived-in sessions folder of N sessions each (made by benches/lived_in through
`examples/lived_in.rs`, the same from the same --seed), the four figures a folder of years of
meetings costs: the first frame of the next meeting of a group that has met before (`voer run 4
--audience client-council --group "Cliëntenraad De Linde"`: its opening shows the open actions of
last time), the first frame of `voer resume` (the newest unfinished session), and `voer sessions`
and `voer actions` from start to exit. With --before, the same for another binary (the build
before a change), run by run in turn with this one, so both see the same machine. Then, per
figure, the growth per tenfold more sessions: (t(b) / t(a)) ^ (1 / log10(b / a)). The first run
of each size builds the folder's cache; the medians are of runs with it in place, and the
first (cold) run is printed apart.

--big MB: `voer resume` of a session with MB megabytes of notes: the first frame, and quitting
(Ctrl+C to the process's end).

A resume opens on whatever step the session is at, whose key bar differs: its first frame is
timed to the moment the bottom row stands on the screen (the output fed to a small terminal
model), the row ratatui writes last.
"""
import argparse
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from voer_pty import BINARY, FIRST_FRAME_WORD, LIVED_IN, Voer, build  # noqa: E402

# The picker's key bar, on its bottom row, ends with "Ctrl+C stoppen".
PICKER_WORD = b"stoppen"
# The group whose next meeting the lived-in runs open (the generator's first group).
GROUP = "Cliëntenraad De Linde"
RUN = ["run", "4", "--audience", "client-council", "--group", GROUP]


def once(cols, rows, args, word, sessions=None, binary=None):
    """Start to first frame: to `word` (the last word of the key bar), or with `word` None
    to the bottom row drawn (a resume opens on any step, whose key bar differs)."""
    return timed(cols, rows, args, word, sessions, binary)[0]


def timed(cols, rows, args, word, sessions=None, binary=None, timeout=120):
    """As `once`, with the CPU time the process took to get there (all its threads, clock
    ticks from /proc/PID/stat): what a busy machine changes much less than the wall time."""
    voer = Voer(cols, rows, args, sessions=sessions, binary=binary)
    try:
        shown = voer.wait_for_frame(timeout) if word is None else voer.wait_for(word, timeout)
        return shown - voer.started, voer.cpu()[1] / os.sysconf("SC_CLK_TCK")
    finally:
        voer.stop()


def report(label, times):
    ms = sorted(t * 1000 for t in times)
    print(f"  {label:<44} min {ms[0]:6.1f} ms   median {statistics.median(ms):6.1f} ms"
          f"   max {ms[-1]:6.1f} ms   ({len(ms)} runs)")


def loadavg():
    return open("/proc/loadavg").read().split()[0]


def lived_folder(root, n, seed):
    """A lived-in sessions folder of n sessions, made once per size and seed."""
    path = os.path.join(root, f"lived-{n}-{seed}")
    if not os.path.isdir(path):
        subprocess.run([LIVED_IN, path, "--sessions", str(n), "--seed", str(seed)], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def own_files(sessions):
    return set(os.listdir(sessions))


def run_once(binary, sessions, cols, rows):
    """The first frame of the group's next meeting; the session it made is removed after."""
    before = own_files(sessions)
    t = timed(cols, rows, RUN, FIRST_FRAME_WORD, sessions=sessions, binary=binary)
    for name in own_files(sessions) - before:
        if name.endswith(".toml"):
            os.remove(os.path.join(sessions, name))
    return t


def resume_once(binary, sessions, cols, rows):
    return timed(cols, rows, ["resume"], None, sessions=sessions, binary=binary)


def command_once(binary, sessions, command):
    """Start to exit of `voer COMMAND`, its output read through a pipe; and its CPU time."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    subprocess.run([binary, command, "--sessions", sessions, "--lang", "nl"], check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (now.ru_utime + now.ru_stime) - (used.ru_utime + used.ru_stime)


def lived(args, cols, rows):
    binaries = [("after", BINARY)]
    if args.before:
        binaries.insert(0, ("before", os.path.abspath(args.before)))
    sizes = [int(n) for n in args.lived.split(",")]
    root = args.folders or tempfile.mkdtemp(prefix="voer-lived-")
    figures = [
        ("first frame, run (next meeting of a group)", lambda b, s: run_once(b, s, cols, rows)),
        ("first frame, resume (newest unfinished)", lambda b, s: resume_once(b, s, cols, rows)),
        ("voer sessions", lambda b, s: command_once(b, s, "sessions")),
        ("voer actions", lambda b, s: command_once(b, s, "actions")),
    ]
    medians = {}
    cpu_medians = {}
    cold_runs = {}
    try:
        for n in sizes:
            sessions = lived_folder(root, n, args.seed)
            print(f"\n{n} sessions ({len(os.listdir(sessions))} files), {cols}x{rows}, "
                  f"load average {loadavg()}:")
            for label, measure in figures:
                times = {name: [] for name, _ in binaries}
                cold = {}
                # The first run of each binary (the cache built), then the runs in turn.
                for name, binary in binaries:
                    cold[name] = measure(binary, sessions)
                for _ in range(args.runs):
                    for name, binary in binaries:
                        times[name].append(measure(binary, sessions))
                for name, _ in binaries:
                    ms = sorted(t * 1000 for t, _ in times[name])
                    med = statistics.median(ms)
                    cpu = statistics.median(c * 1000 for _, c in times[name])
                    medians[(label, name, n)] = med
                    cpu_medians[(label, name, n)] = cpu
                    cold_runs[(label, name, n)] = cold[name][0] * 1000
                    print(f"  {label:<44} {name:<6} median {med:7.1f} ms   min {ms[0]:7.1f}"
                          f"   max {ms[-1]:7.1f}   CPU median {cpu:7.1f} ms   first run "
                          f"{cold[name][0] * 1000:7.1f} ms   (load {loadavg()})")
        if len(sizes) > 1:
            print("\ngrowth per tenfold more sessions: (t(b)/t(a)) ^ (1/log10(b/a))")
            for label, _ in figures:
                for name, _ in binaries:
                    steps = []
                    for a, b in zip(sizes, sizes[1:]):
                        ta, tb = medians[(label, name, a)], medians[(label, name, b)]
                        steps.append(f"{a}→{b}: {(tb / ta) ** (1 / math.log10(b / a)):.2f}×")
                    print(f"  {label:<44} {name:<6} " + "   ".join(steps))
    finally:
        if not args.folders:
            shutil.rmtree(root, ignore_errors=True)
    return [label for label, _ in figures], medians, cold_runs, cpu_medians


def big(args, cols, rows):
    """Resume of a session with args.big MB of notes: first frame, and quitting."""
    binaries = [("after", BINARY)]
    if args.before:
        binaries.insert(0, ("before", os.path.abspath(args.before)))
    root = tempfile.mkdtemp(prefix="voer-big-")
    medians = {}
    try:
        sessions = os.path.join(root, "sessions")
        subprocess.run([LIVED_IN, sessions, "--sessions", "1", "--seed", str(args.seed)],
                       check=True, stdout=subprocess.DEVNULL)
        name = next(n for n in os.listdir(sessions)
                    if n.endswith(".toml") and not n.startswith("voorbeeld"))
        path = os.path.join(sessions, name)
        grow(path, args.big * 1_000_000)
        os.remove(os.path.join(sessions, next(n for n in os.listdir(sessions)
                                              if n.startswith("voorbeeld"))))
        print(f"resume of a session of {os.path.getsize(path) / 1e6:.1f} MB, {cols}x{rows}, "
              f"load average {loadavg()}:")
        results = {name: ([], [], []) for name, _ in binaries}
        pristine = open(path, "rb").read()
        for _ in range(args.runs):
            for name, binary in binaries:
                with open(path, "wb") as f:
                    f.write(pristine)
                voer = Voer(cols, rows, ["resume", path], sessions=sessions, binary=binary)
                first = voer.wait_for_frame(timeout=120) - voer.started
                # The CPU it took to get there, all threads (clock ticks): what a busy machine
                # changes much less than the wall time.
                cpu_first = voer.cpu()[1] / os.sysconf("SC_CLK_TCK")
                t0 = time.monotonic()
                voer.send(b"\x03")
                while True:
                    voer.read(0.01)
                    done, _ = os.waitpid(voer.pid, os.WNOHANG)
                    if done:
                        break
                    if time.monotonic() - t0 > 120:
                        sys.exit("voer did not quit within 120 s")
                quit_s = time.monotonic() - t0
                os.close(voer.fd)
                results[name][0].append(first)
                results[name][1].append(quit_s)
                results[name][2].append(cpu_first)
        for name, _ in binaries:
            first, quit_s, cpu = results[name]
            medians[name] = (statistics.median(first), statistics.median(quit_s),
                             statistics.median(cpu))
            print(f"  {name:<6} first frame median {statistics.median(first):6.2f} s "
                  f"(min {min(first):.2f}, max {max(first):.2f}; CPU to it median "
                  f"{statistics.median(cpu):.2f} s)   quitting median "
                  f"{statistics.median(quit_s):6.2f} s (min {min(quit_s):.2f}, max {max(quit_s):.2f})"
                  f"   (load {loadavg()})")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return medians


def grow(path, size):
    """Makes the session at `path` an unfinished one at its first prompt, whose notes there
    are `size` bytes of typed lines (as a very long meeting, or a paste, leaves them)."""
    import tomllib
    with open(path, "rb") as f:
        s = tomllib.load(f)
    prompt = next(i for i, st in enumerate(s["steps"]) if st["kind"] == "prompt")
    line = "- Truus: de bewoners willen meebeslissen over de tuin, de maaltijd en ‘samen aan het stuur’.\n"
    notes = line * (size // len(line.encode()))
    text = open(path, encoding="utf-8").read()
    text = text.replace('status = "finished"', 'status = "in-progress"')
    text = text.replace(f"current_step = {len(s['steps'])}", f"current_step = {prompt}")
    # The first prompt's notes: a TOML literal multi-line string holds them as they are.
    marker = f'text = {toml_string(s["steps"][prompt]["text"])}'
    head, tail = text.split(marker, 1)
    start = tail.index("notes = ")
    end = tail.index("\n\n", start) if "\n\n" in tail[start:] else len(tail)
    tail = tail[:start] + "notes = '''\n" + notes + "'''" + tail[end:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + marker + tail)


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=None,
                    help="runs per figure (default 20; 5 with --lived or --big)")
    ap.add_argument("--size", default="80x24", help="COLSxROWS of the pseudo-terminal")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--lived", help="sizes of lived-in folders, e.g. 500,5000,20000")
    ap.add_argument("--big", type=int, help="resume a session of this many MB of notes")
    ap.add_argument("--seed", type=int, default=1, help="of the lived-in folders")
    ap.add_argument("--before", help="another voer binary, measured in turn with this build")
    ap.add_argument("--folders", help="keep the lived-in folders here (made once, reused)")
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    build(args.no_build, examples=bool(args.lived or args.big))

    if args.lived or args.big:
        args.runs = args.runs or 5
        if args.lived:
            lived(args, cols, rows)
        if args.big:
            big(args, cols, rows)
        return 0
    runs = args.runs or 20
    run = [once(cols, rows, None, FIRST_FRAME_WORD) for _ in range(runs)]
    picker = [once(cols, rows, [], PICKER_WORD) for _ in range(runs)]
    print(f"voer, start to first frame, {cols}x{rows}:")
    report("voer run 4 --audience client-council", run)
    report("voer (the picker)", picker)
    return 0


if __name__ == "__main__":
    sys.exit(main())
