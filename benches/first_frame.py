#!/usr/bin/env python3
"""Time from starting voer to its first frame, measured from outside.

    python3 benches/first_frame.py [--runs 20] [--size 80x24] [--no-build]

Builds the release binary (unless --no-build), then, each run, starts
`voer run 4 --audience client-council` in a pseudo-terminal in a fresh temporary folder (--sessions
there: the run creates its session file before the screen opens) and times from just before the
fork to the moment the output holds the whole first frame: the last word of its key bar, which is on
the bottom row and so written last. Also runs `voer` without arguments, which opens on the picker.
Prints the minimum, median and maximum.
"""
import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from voer_pty import FIRST_FRAME_WORD, Voer, build  # noqa: E402

# The picker's key bar, on its bottom row, ends with "Ctrl+C stoppen".
PICKER_WORD = b"stoppen"


def once(cols, rows, args, word):
    voer = Voer(cols, rows, args)
    try:
        return voer.wait_for(word) - voer.started
    finally:
        voer.stop()


def report(label, times):
    ms = sorted(t * 1000 for t in times)
    print(f"  {label:<44} min {ms[0]:6.1f} ms   median {statistics.median(ms):6.1f} ms"
          f"   max {ms[-1]:6.1f} ms   ({len(ms)} runs)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--size", default="80x24", help="COLSxROWS of the pseudo-terminal")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    cols, rows = (int(x) for x in args.size.split("x"))
    build(args.no_build)

    run = [once(cols, rows, None, FIRST_FRAME_WORD) for _ in range(args.runs)]
    picker = [once(cols, rows, [], PICKER_WORD) for _ in range(args.runs)]
    print(f"voer, start to first frame, {cols}x{rows}:")
    report("voer run 4 --audience client-council", run)
    report("voer (the picker)", picker)
    return 0


if __name__ == "__main__":
    sys.exit(main())
