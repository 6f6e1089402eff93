#!/usr/bin/env python3
"""What a folder of years of meetings costs: this build beside an earlier one, in one run.

    python3 benches/lived_in.py --before OLD_VOER [--tclock TCLOCK] [--sizes 500,5000,20000]
        [--runs 5] [--seconds 20] [--big 50] [--only room,folder,big] [--no-build]

Builds the release binary and the lived-in folder generator (benches/lived_in, through
examples/lived_in.rs) unless --no-build, and measures, for OLD_VOER ("before", e.g. a release
binary of an earlier round) and this build ("after"), each in turn so both see the same machine:

room   The room screen's CPU in a lived-in folder of 500 sessions (--room-size), over --seconds
       each, touching nothing, in three states: waiting (`voer room`, no conversation running),
       following the opening of a group's next meeting (its open actions of last time shown),
       and following the first question with its timer running. In the same window the
       facilitator's run is measured (for "waiting" one in a copy of the folder, at its first
       question, so the room does not follow it), and, with --tclock, clock-tui's `tclock timer`
       (cargo install clock-tui). CPU from /proc/PID/task/*/schedstat; read calls from
       /proc/PID/io (syscr). Goals: the room at most the facilitator's, and at most 0.5x tclock.
folder The first frame of a run (the next meeting of a group with history) and of `voer resume`,
       and `voer sessions` and `voer actions` from start to exit, at each of --sizes, median of
       --runs (benches/first_frame.py --lived), with the growth per tenfold more sessions.
big    `voer resume` of a session with --big MB of notes: the first frame, and quitting
       (benches/first_frame.py --big). Goal: the first frame within 2 s.

Ends with the figures as a Markdown table, as in BENCHMARKS.md.
"""
import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import first_frame  # noqa: E402
from voer_pty import BINARY, FIRST_FRAME_WORD, LIVED_IN, Voer, build  # noqa: E402

GROUP = first_frame.GROUP
RUN = first_frame.RUN
RIGHT = b"\x1b[C"


def settle(voers, seconds=1.0):
    """Reads what the programs write for a moment, so that a start or a step is over."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for v in voers:
            v.read(0.01)


def cpu_over(voers, seconds):
    """CPU (ms) and read calls of each program over `seconds`, their terminals kept drained
    (as a terminal does)."""
    before = [(sum(v.cpu()[0].values()), v.read_calls()) for v in voers]
    t0 = time.monotonic()
    end = t0 + seconds
    while time.monotonic() < end:
        for v in voers:
            v.read(min(0.05, max(0, end - time.monotonic())))
    wall = time.monotonic() - t0
    out = []
    for v, (ns0, r0) in zip(voers, before):
        ns1, r1 = sum(v.cpu()[0].values()), v.read_calls()
        out.append(((ns1 - ns0) / 1e6, (r1 - r0) / wall, wall))
    return out


def started(run, sessions, before):
    """Waits for the first frame of `run`; returns the path of the session file it made (the
    one not among `before`, the folder's names before it started)."""
    run.wait_for(FIRST_FRAME_WORD)
    new = [n for n in os.listdir(sessions) if n.endswith(".toml") and n not in before]
    if len(new) != 1:
        run.stop()
        sys.exit(f"expected one new session file in {sessions}, found {new}")
    return os.path.join(sessions, new[0])


def to_first_question(run, path, timeout=10):
    """From the opening to the first question, step by step, each seen in the session file
    (saved at every step change): the terminal shows only the digits that change."""
    for step in (1, 2, 3):
        run.send(RIGHT)
        deadline = time.monotonic() + timeout
        while True:
            try:
                with open(path, "rb") as f:
                    s = tomllib.load(f)
                if s["session"].get("current_step") == step:
                    break
            except (OSError, tomllib.TOMLDecodeError):
                pass
            if time.monotonic() > deadline:
                run.stop()
                sys.exit(f"the run did not reach step {step + 1} within {timeout} s")
            run.read(0.02)
    kind = s["steps"][3]["kind"]
    if kind != "prompt":
        sys.exit(f"step 4 of the council's episode 4 is a {kind}, not the first question")


def room_states(name, binary, folder, args, cols, rows, tclock):
    """The three states of the room screen for one binary, each in a fresh copy of `folder`."""
    work = tempfile.mkdtemp(prefix=f"voer-room-{name}-")
    results = {}
    extra = []
    try:
        def copy(label):
            dst = os.path.join(work, label)
            shutil.copytree(folder, dst, symlinks=True)
            return dst

        def with_tclock(voers):
            return voers + extra

        if tclock:
            extra.append(Voer(cols, rows, ["timer", "-d", "25m"], dir=work, binary=tclock,
                              plain=True))
        # Waiting: the room in one copy, the facilitator at a first question in another.
        a, b = copy("waiting"), copy("facilitator")
        room = Voer(cols, rows, ["room"], dir=work, sessions=a, binary=binary)
        names = set(os.listdir(b))
        run = Voer(cols, rows, RUN, dir=work, sessions=b, binary=binary)
        try:
            room.wait_for(b"Wachten op een gesprek")
            to_first_question(run, started(run, b, names))
            settle(with_tclock([room, run]))
            results["waiting"] = cpu_over(with_tclock([room, run]), args.seconds)
        finally:
            run.stop()
            room.stop()
        # Following: the room and the next meeting of a group with history, in one copy.
        c = copy("following")
        room = Voer(cols, rows, ["room"], dir=work, sessions=c, binary=binary)
        run = None
        try:
            room.wait_for(b"Wachten op een gesprek")
            names = set(os.listdir(c))
            run = Voer(cols, rows, RUN, dir=work, sessions=c, binary=binary)
            path = started(run, c, names)
            room.wait_for(b"Vorige keer afgesproken")
            settle(with_tclock([room, run]))
            results["following, opening"] = cpu_over(with_tclock([room, run]), args.seconds)
            to_first_question(run, path)
            settle(with_tclock([room, run]))
            results["following, timer running"] = cpu_over(with_tclock([room, run]),
                                                           args.seconds)
        finally:
            if run:
                run.stop()
            room.stop()
    finally:
        for v in extra:
            v.stop()
        shutil.rmtree(work, ignore_errors=True)
    return results


def room(args, binaries, cols, rows, root):
    folder = first_frame.lived_folder(root, args.room_size, args.seed)
    print(f"\nthe room screen, {args.room_size} sessions, {cols}x{rows}, {args.seconds:.0f} s "
          f"each, load average {first_frame.loadavg()}:")
    out = {}
    for name, binary in binaries:
        out[name] = room_states(name, binary, folder, args, cols, rows, args.tclock)
        for state, figures in out[name].items():
            (r_ms, r_reads, wall), (f_ms, f_reads, _) = figures[0], figures[1]
            line = (f"  {name:<6} {state:<26} room {r_ms:8.1f} ms CPU ({r_reads:8.1f} reads/s)"
                    f"   facilitator {f_ms:6.1f} ms ({f_reads:5.1f} reads/s)")
            if len(figures) > 2:
                line += f"   tclock {figures[2][0]:6.1f} ms"
            print(line + f"   in {wall:.1f} s (load {first_frame.loadavg()})")
    return out


def percent(ms, wall):
    return 100 * ms / 1000 / wall


def table(args, binaries, room_out, folder_out, big_out):
    """The figures as a Markdown table."""
    names = [n for n, _ in binaries]
    print("\n| figure | " + " | ".join(names) + " | goal | command |")
    print("|---|" + "---|" * len(names) + "---|---|")
    before = ["--before OLD_VOER"] if "before" in names else []
    tclock = ["--tclock TCLOCK"] if args.tclock else []
    cmd = " ".join(["python3 benches/lived_in.py"] + before + tclock)
    if room_out:
        rcmd = f"`{cmd} --only room --seconds {args.seconds:.0f}`"
        states = list(next(iter(room_out.values())).keys())
        for state in states:
            cells = []
            for n in names:
                figures = room_out[n][state]
                (r_ms, r_reads, wall), (f_ms, _, _) = figures[0], figures[1]
                cell = (f"{percent(r_ms, wall):.3f} % ({r_ms:.0f} ms in {wall:.0f} s, "
                        f"{r_reads:.0f} reads/s); run {percent(f_ms, wall):.3f} %")
                if len(figures) > 2:
                    t_ms = figures[2][0]
                    cell += f"; tclock {percent(t_ms, wall):.3f} %"
                cells.append(cell)
            print(f"| room screen {state}, {args.room_size} sessions | " + " | ".join(cells) +
                  " | ≤ the run's, ≤ 0.5× tclock's | " + rcmd + " |")
    if folder_out:
        labels, medians, cold, cpu = folder_out
        sizes = [int(n) for n in args.sizes.split(",")]
        fcmd = f"`{cmd} --only folder --sizes {args.sizes} --runs {args.runs}`"
        goals = {labels[0]: 300, labels[1]: 300, labels[2]: 300, labels[3]: 500}
        for label in labels:
            for n in sizes:
                cells = [f"{medians[(label, name, n)]:.0f} ms, CPU {cpu[(label, name, n)]:.0f} ms"
                         f" (first run {cold[(label, name, n)]:.0f} ms)" for name in names]
                goal = f"≤ {goals[label]} ms" if n == 5000 else ""
                print(f"| {label}, {n} sessions | " + " | ".join(cells) + f" | {goal} | {fcmd} |")
            if len(sizes) > 1:
                cells = []
                for name in names:
                    steps = []
                    for a, b in zip(sizes, sizes[1:]):
                        ta, tb = medians[(label, name, a)], medians[(label, name, b)]
                        steps.append(f"{(tb / ta) ** (1 / math.log10(b / a)):.2f}×")
                    cells.append(" · ".join(steps))
                goal = "< 2× per tenfold" if label.startswith("first frame") else ""
                print(f"| {label}: growth per tenfold ({args.sizes}) | " + " | ".join(cells) +
                      f" | {goal} | {fcmd} |")
    if big_out:
        bcmd = f"`{cmd} --only big --big {args.big} --runs {args.runs}`"
        cells = [f"{big_out[n][0]:.2f} s, {big_out[n][2]:.2f} s of CPU (quitting "
                 f"{big_out[n][1]:.2f} s)" for n in names]
        print(f"| resume of a {args.big} MB session, first frame | " + " | ".join(cells) +
              f" | ≤ 2 s | {bcmd} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", help="an earlier voer binary, measured in turn with this build")
    ap.add_argument("--tclock", help="clock-tui's tclock, for the room screen's comparison")
    ap.add_argument("--sizes", default="500,5000,20000")
    ap.add_argument("--room-size", type=int, default=500)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--big", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", default="80x24", help="COLSxROWS of the pseudo-terminals")
    ap.add_argument("--only", default="room,folder,big")
    ap.add_argument("--folders", help="keep the lived-in folders here (made once, reused)")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    only = set(args.only.split(","))
    build(args.no_build, examples=True)
    if not os.path.exists(LIVED_IN):
        sys.exit(f"{LIVED_IN} is missing: run `cargo build --release --example lived_in`")
    binaries = [("after", BINARY)]
    if args.before:
        binaries.insert(0, ("before", os.path.abspath(args.before)))
    if args.tclock:
        args.tclock = shutil.which(args.tclock) or os.path.abspath(args.tclock)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
          f"load average {first_frame.loadavg()}; "
          + ", ".join(f"{n} = {b}" for n, b in binaries))
    kept = args.folders
    root = kept or tempfile.mkdtemp(prefix="voer-lived-")
    room_out = folder_out = big_out = None
    try:
        if "room" in only:
            room_out = room(args, binaries, cols, rows, root)
        if "folder" in only:
            args.lived = args.sizes
            args.folders = root
            folder_out = first_frame.lived(args, cols, rows)
        if "big" in only:
            big_out = first_frame.big(args, cols, rows)
    finally:
        if not kept:
            shutil.rmtree(root, ignore_errors=True)
    table(args, binaries, room_out, folder_out, big_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
