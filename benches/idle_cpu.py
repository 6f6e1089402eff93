#!/usr/bin/env python3
"""Idle CPU of voer with the timer running, measured from outside.

    python3 benches/idle_cpu.py [--seconds 30] [--size 80x24] [--no-build]

Builds the release binary (unless --no-build), runs `voer run 4 --audience client-council` in a
pseudo-terminal in a temporary folder (--sessions there), steps to the first prompt so that its
timer runs, and then, touching nothing, reads voer's CPU time from /proc over the measuring time:
nanoseconds from /proc/PID/task/*/schedstat, and clock ticks from /proc/PID/stat (utime + stime,
10 ms each, as a cross-check). The goal: at most 0.1% of one core.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from voer_pty import FIRST_FRAME_WORD, Voer, build  # noqa: E402

GOAL_PERCENT = 0.1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--size", default="80x24", help="COLSxROWS of the pseudo-terminal")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    build(args.no_build)

    voer = Voer(cols, rows)
    try:
        voer.wait_for(FIRST_FRAME_WORD)
        voer.send(b"n")
        voer.wait_for_step(1)
        voer.send(b"n")
        voer.wait_for_step(2)  # the first prompt: its timer runs
        s = voer.session()
        assert s["steps"][2]["kind"] == "prompt", s["steps"][2]
        # Let the start settle (the step-change save, the first frames).
        end = time.monotonic() + 1
        while time.monotonic() < end:
            voer.read(end - time.monotonic())

        ns0, ticks0 = voer.cpu()
        bytes0 = len(voer.output)
        t0 = time.monotonic()
        end = t0 + args.seconds
        while time.monotonic() < end:
            voer.read(end - time.monotonic())  # keep the pty drained, as a terminal does
        ns1, ticks1 = voer.cpu()
        wall = time.monotonic() - t0
        written = len(voer.output) - bytes0
    finally:
        voer.stop()

    per_thread = {name: ns1[name] - ns0.get(name, 0) for name in ns1}
    cpu_s = sum(per_thread.values()) / 1e9
    tick = 1 / os.sysconf("SC_CLK_TCK")
    ticks_s = (ticks1 - ticks0) * tick
    percent = 100 * cpu_s / wall
    print(f"voer idle at a running timer, {cols}x{rows}, over {wall:.1f} s:")
    print(f"  CPU time (schedstat)    {cpu_s * 1000:8.2f} ms")
    print(f"  CPU time (stat, ticks)  {ticks_s * 1000:8.0f} ms  ({ticks1 - ticks0} ticks of {tick * 1000:.0f} ms)")
    print(f"  share of one core       {percent:8.4f} %   (goal ≤ {GOAL_PERCENT} %: ratio {percent / GOAL_PERCENT:.2f})")
    print(f"  CPU per minute          {cpu_s * 1000 * 60 / wall:8.2f} ms")
    print(f"  written to the terminal {written / wall:8.0f} bytes/s")
    print("  per thread: " + ", ".join(f"{n} {v / 1e6:.2f} ms" for n, v in sorted(per_thread.items())))
    return 0 if percent <= GOAL_PERCENT else 1


if __name__ == "__main__":
    sys.exit(main())
