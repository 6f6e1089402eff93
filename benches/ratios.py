#!/usr/bin/env python3
"""The goals of BENCHMARKS.md as ratios, from the figures of the last `cargo bench` run.

    cargo bench --bench keystroke --bench slow_disk --bench files && python3 benches/ratios.py

Reads criterion's estimates (the median of each benchmark) from target/criterion. Ratios are taken
between benchmarks of the same run, so a busy machine moves both sides alike. Exits 1 when a goal
is missed, 2 when a figure is missing.
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "criterion")
SIZES = ["80x24", "200x60"]


def median(bench):
    path = os.path.join(ROOT, *bench.split("/"), "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]  # nanoseconds
    except FileNotFoundError:
        print(f"missing: {bench} (run the benches first: see the top of this file)")
        sys.exit(2)


def fmt(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


rows = []  # (goal, measured, ratio, limit)


def check(goal, a, b, limit):
    ra, rb = median(a), median(b)
    rows.append((goal, f"{fmt(ra)} / {fmt(rb)}", ra / rb, limit))


for size in SIZES:
    check(f"keystroke, 1 MB notes / empty notes, {size}",
          f"keystroke/1MB/{size}", f"keystroke/empty/{size}", 1.2)
    check(f"keystroke, 1 MB notes / a screenful of notes, {size}",
          f"keystroke/1MB/{size}", f"keystroke/screen/{size}", 1.2)
for size in SIZES:
    for notes in ["empty", "screen", "1MB"]:
        check(f"full redraw ({notes} notes) / bare Paragraph, {size}",
              f"redraw/{notes}/{size}", f"redraw/paragraph_floor/{size}", 2.0)
check("frame after a save on a 200 ms disk / frame without a save",
      "frame_after_save/disk_200ms", "frame_after_save/no_save", 1.2)
rows.append(("frame after a save on a 200 ms disk / the 200 ms save",
             fmt(median("frame_after_save/disk_200ms")) + " / 200 ms",
             median("frame_after_save/disk_200ms") / 200e6, 0.05))

width = max(len(r[0]) for r in rows)
missed = 0
print(f"{'goal'.ljust(width)}  {'measured (median)':>24}  ratio  limit")
for goal, measured, ratio, limit in rows:
    ok = ratio <= limit
    missed += not ok
    print(f"{goal.ljust(width)}  {measured:>24}  {ratio:5.2f}  ≤ {limit:<4} {'ok' if ok else 'MISSED'}")

print()
print("other figures (median):")
for bench in ["snapshot/empty", "snapshot/1MB", "load_200_episodes", "export_100_sessions_md"]:
    print(f"  {bench:<28} {fmt(median(bench))}")
# The save/load benches of benches/store.rs, when they have run.
for group in sorted(os.listdir(ROOT)) if os.path.isdir(ROOT) else []:
    if group.startswith(("save", "load_session", "store")):
        for dirpath, _, files in os.walk(os.path.join(ROOT, group)):
            if dirpath.endswith(os.sep + "new") and "estimates.json" in files:
                bench = os.path.relpath(os.path.dirname(dirpath), ROOT)
                print(f"  {bench:<28} {fmt(median(bench))}")
sys.exit(1 if missed else 0)
