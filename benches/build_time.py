#!/usr/bin/env python3
"""Time a fresh release build of voer: `cargo clean && cargo build --release --locked`.

Runs it N times (default 3) in a target folder of its own, so the everyday `target/` stays warm,
and prints per run the load average before it, the wall time, the user+sys CPU time (much less
sensitive to other work on the machine than the wall time), the number of crates compiled, and
the size of the binary; then the medians.

The crates must already be downloaded (`cargo fetch`): the build runs with `--locked` and times
compiling, not downloading. The release profile is used as it is in Cargo.toml.

    python3 benches/build_time.py                       # this checkout, 3 runs
    python3 benches/build_time.py --runs 1 --repo ../other-checkout --target-dir /tmp/voer-bt
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def one_run(repo, target_dir):
    env = dict(os.environ, CARGO_TARGET_DIR=target_dir)
    subprocess.run(["cargo", "clean"], cwd=repo, env=env, check=True, capture_output=True)
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as times:
        cmd = ["cargo", "build", "--release", "--locked"]
        if os.path.exists("/usr/bin/time"):
            cmd = ["/usr/bin/time", "-f", "%e %U %S", "-o", times.name] + cmd
        start = time.monotonic()
        done = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True)
        wall = time.monotonic() - start
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            sys.exit(f"cargo build failed in {repo}")
        cpu = None
        fields = times.read().split()
        if len(fields) >= 3:
            cpu = float(fields[-2]) + float(fields[-1])
    crates = len(re.findall(r"^\s*Compiling ", done.stderr, re.MULTILINE))
    size = os.path.getsize(os.path.join(target_dir, "release", "voer"))
    return {"load": load, "wall": wall, "cpu": cpu, "crates": crates, "size": size}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--target-dir", default=os.path.join(tempfile.gettempdir(), "voer-buildtime"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    rev = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=args.repo, capture_output=True, text=True
    ).stdout.strip()
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"repo {args.repo} at {rev or '?'} · {rustc} · nproc {os.cpu_count()}")
    runs = []
    try:
        for i in range(args.runs):
            r = one_run(args.repo, args.target_dir)
            runs.append(r)
            cpu = f"{r['cpu']:.1f} s" if r["cpu"] is not None else "?"
            print(
                f"run {i + 1}: load {r['load']:.2f} before · wall {r['wall']:.1f} s"
                f" · user+sys {cpu} · {r['crates']} crates · binary {r['size'] / 1e6:.2f} MB",
                flush=True,
            )
    finally:
        shutil.rmtree(args.target_dir, ignore_errors=True)
    wall = statistics.median(r["wall"] for r in runs)
    cpus = [r["cpu"] for r in runs if r["cpu"] is not None]
    cpu = f"{statistics.median(cpus):.1f} s" if cpus else "?"
    print(
        f"median of {len(runs)}: wall {wall:.1f} s · user+sys {cpu} · {runs[-1]['crates']} crates"
        f" · binary {runs[-1]['size'] / 1e6:.2f} MB ({runs[-1]['size']} bytes)"
    )


if __name__ == "__main__":
    main()
