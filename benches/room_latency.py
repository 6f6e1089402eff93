#!/usr/bin/env python3
"""The room screen against the facilitator's: latency of a step change, and idle CPU.

    python3 benches/room_latency.py [--changes 50] [--seconds 30] [--size 80x24] [--no-build]

Builds the release binary (unless --no-build) and runs, in one temporary folder, `voer run 4
--audience client-council` in one pseudo-terminal and `voer room` in another (--sessions shared).

Latency: from writing a key to the facilitator's terminal to the moment the room screen shows the
new step, over --changes step changes back and forth between the video and the quote. The room's
output is fed to a small terminal model (cursor moves and text), so a word counts as shown only
when it stands on the screen. Goal: the worst ≤ 250 ms.

Idle CPU: both screens at the first prompt with its timer running, touching nothing, CPU time of
each from /proc over --seconds (as benches/idle_cpu.py measures the facilitator's). Goal: the room
screen's at most the facilitator's.
"""
import argparse
import os
import select
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from voer_pty import FIRST_FRAME_WORD, Screen, Voer, build  # noqa: E402

GOAL_WORST_MS = 250
# What the room shows on the video and on the quote, as plain text.
VIDEO, QUOTE = "We kijken de video", "— Jef Mol"


class Room(Voer):
    def __init__(self, cols, rows, dir):
        self.screen = Screen(cols, rows)
        super().__init__(cols, rows, args=["room"], dir=dir)

    def read(self, timeout):
        before = len(self.output)
        n = super().read(timeout)
        if n:
            self.screen.feed(bytes(self.output[before:]))
        return n

    def wait_for_screen(self, what, timeout=10):
        deadline = time.monotonic() + timeout
        while what not in self.screen.text():
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit(f"the room screen did not show {what!r} within {timeout} s:\n{self.screen.text()}")
            self.read(left)
        return time.monotonic()


def drain(*voers, seconds):
    """Keeps both terminals read, as a terminal does, for `seconds`."""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([v.fd for v in voers], [], [], left)
        for v in voers:
            if v.fd in ready:
                v.read(0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--size", default="80x24", help="COLSxROWS of both pseudo-terminals")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    build(args.no_build)

    shared = tempfile.mkdtemp(prefix="voer-room-bench-")
    room = Room(cols, rows, shared)
    run = None
    try:
        room.wait_for_screen("Wachten op een gesprek")
        run = Voer(cols, rows, dir=shared)
        run.wait_for(FIRST_FRAME_WORD)
        room.wait_for_screen("Aflevering 4")
        run.send(b"\x1b[C")
        run.wait_for_step(1)
        room.wait_for_screen(VIDEO)

        latencies = []
        for i in range(args.changes):
            forward = i % 2 == 0
            drain(run, room, seconds=0.05)
            t0 = time.monotonic()
            run.send(b"\x1b[C" if forward else b"\x1b[D")
            t1 = room.wait_for_screen(QUOTE if forward else VIDEO)
            latencies.append((t1 - t0) * 1000)
            run.read(0)

        # To the first prompt (step 3), its timer running on both screens.
        while True:
            s = run.session()
            step = s["session"]["current_step"] if s else 0
            if step == 3:
                break
            run.send(b"\x1b[C")
            run.wait_for_step(step + 1)
        room.wait_for_screen("Vraag 1")
        drain(run, room, seconds=1)
        room_ns0, _ = room.cpu()
        run_ns0, _ = run.cpu()
        room_bytes0, run_bytes0 = len(room.output), len(run.output)
        t0 = time.monotonic()
        drain(run, room, seconds=args.seconds)
        wall = time.monotonic() - t0
        room_ns1, _ = room.cpu()
        run_ns1, _ = run.cpu()
        room_bytes = len(room.output) - room_bytes0
        run_bytes = len(run.output) - run_bytes0
    finally:
        if run:
            run.stop()
        room.stop()
        import shutil
        shutil.rmtree(shared, ignore_errors=True)

    def cpu(ns0, ns1):
        return sum(ns1[n] - ns0.get(n, 0) for n in ns1) / 1e9

    room_cpu, run_cpu = cpu(room_ns0, room_ns1), cpu(run_ns0, run_ns1)
    lat = sorted(latencies)
    print(f"room screen, {cols}x{rows}:")
    print(f"  step change → room screen over {len(lat)} changes: median {statistics.median(lat):.1f} ms, "
          f"p90 {lat[int(len(lat) * 0.9) - 1]:.1f} ms, worst {lat[-1]:.1f} ms, best {lat[0]:.1f} ms "
          f"(goal: worst ≤ {GOAL_WORST_MS} ms)")
    print(f"  idle over {wall:.1f} s, timer running: room {room_cpu * 1000:.2f} ms CPU "
          f"({100 * room_cpu / wall:.4f} % of a core, {room_bytes / wall:.0f} bytes/s), "
          f"facilitator {run_cpu * 1000:.2f} ms ({100 * run_cpu / wall:.4f} %, {run_bytes / wall:.0f} bytes/s); "
          f"ratio {room_cpu / run_cpu if run_cpu else float('inf'):.2f} (goal ≤ 1)")
    return 0 if lat[-1] <= GOAL_WORST_MS and room_cpu <= run_cpu else 1


if __name__ == "__main__":
    sys.exit(main())
