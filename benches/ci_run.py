#!/usr/bin/env python3
"""Time the whole of CI, `bash .ci/run`, as it runs on this checkout: warm, with the target
folder (Linux and Windows) and the Debian packages kept from an earlier run, voer's own code
touched first as after a new commit.

Prints the wall time, the user+sys CPU time of everything it ran (much less sensitive to other
work on the machine than the wall time), the load average before and after, and the two counts
CI ends with: the Windows suite's under Wine and the Linux tests'.

    python3 benches/ci_run.py

For a fresh machine, add the cold figure of `python3 benches/windows_ci.py --cold` (the Debian
packages, std for Windows, every crate) to the Linux part (a release build and the tests from
nothing: `python3 benches/build_time.py` and the Build time table in BENCHMARKS.md).
"""

import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main():
    (REPO / "src" / "lib.rs").touch()
    load_before = os.getloadavg()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(["bash", str(REPO / ".ci" / "run")], cwd=REPO, capture_output=True,
                          text=True)
    wall = time.monotonic() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_after = os.getloadavg()
    out = done.stdout + done.stderr
    if done.returncode != 0:
        sys.stdout.write(out[-8000:])
        sys.exit(f".ci/run failed (exit {done.returncode})")
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    print(f"warm .ci/run: wall {wall / 60:.1f} min ({wall:.0f} s) · user+sys {cpu / 60:.1f} min"
          f" · load average {load_before[0]:.2f} before, {load_after[0]:.2f} after"
          f" (5 min: {load_before[1]:.2f} / {load_after[1]:.2f}) · nproc {os.cpu_count()}")
    for pattern in (r"^windows tests under Wine: .*$", r"^tests: .*$"):
        found = re.search(pattern, out, re.MULTILINE)
        print(found.group(0) if found else f"no line {pattern} in the output")


if __name__ == "__main__":
    main()
