#!/usr/bin/env python3
"""Time .ci/windows.sh (the Windows build and its suite under Wine), warm or cold.

Prints the load average before and after, the wall time, the user+sys CPU time of everything it
ran (much less sensitive to other work on the machine than the wall time), the size of voer.exe
and of the release zip, and the suite's count of tests.

    python3 benches/windows_ci.py            # warm: this checkout's target folder, kept from an
                                             # earlier run; voer's own code touched first, as
                                             # after a new commit
    python3 benches/windows_ci.py --cold     # cold, as on a fresh CI machine: a fresh clone of
                                             # this checkout's last commit, a new target folder
                                             # and cargo home, and (as root) the Debian packages
                                             # that .ci/windows.sh installs removed first

--cold removes rustc-web, cargo-web, rust-web-src, gcc-mingw-w64-x86-64 and wine64 with
`apt-get purge`, and then what only they needed (`apt-get autoremove`); it refuses when
autoremove would remove anything before that, so that nothing else goes. Not for a machine
where something else needs those packages.
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ["rustc-web", "cargo-web", "rust-web-src", "gcc-mingw-w64-x86-64", "wine64"]


def remove_packages():
    def autoremovable():
        out = subprocess.run(["apt-get", "-s", "autoremove"], capture_output=True, text=True,
                             check=True).stdout
        return [line.split()[1] for line in out.splitlines() if line.startswith("Remv ")]

    if autoremovable():
        sys.exit(f"apt-get autoremove would already remove {autoremovable()}: not removing")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "purge", "-y", "-qq", *PACKAGES], env=env, check=True,
                   capture_output=True)
    subprocess.run(["apt-get", "autoremove", "--purge", "-y", "-qq"], env=env, check=True,
                   capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()

    env = dict(os.environ)
    scratch = None
    repo = REPO
    if args.cold:
        remove_packages()
        scratch = Path(tempfile.mkdtemp(prefix="voer-windows-ci-"))
        # A clone, as CI checks out: what is committed, whatever happens here meanwhile.
        repo = scratch / "voer"
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(repo)],
                       check=True)
        env["CARGO_TARGET_DIR"] = str(scratch / "target")
        env["CARGO_HOME"] = str(scratch / "cargo")
    else:
        (REPO / "src" / "lib.rs").touch()
    target = Path(env.get("CARGO_TARGET_DIR", repo / "target"))
    dist = Path(tempfile.mkdtemp(prefix="voer-windows-dist-"))
    try:
        load_before = os.getloadavg()
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        done = subprocess.run([str(repo / ".ci" / "windows.sh"), str(dist)], cwd=repo, env=env,
                              capture_output=True, text=True)
        wall = time.monotonic() - start
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        load_after = os.getloadavg()
        if done.returncode != 0:
            sys.stdout.write(done.stdout[-5000:])
            sys.stderr.write(done.stderr[-5000:])
            sys.exit(".ci/windows.sh failed")
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
        exe = target / "x86_64-pc-windows-gnu" / "release" / "voer.exe"
        zips = list(dist.glob("*.zip"))
        tests = re.search(r"^windows tests under Wine: .*$", done.stdout, re.MULTILINE)
        crates = len(re.findall(r"^\s*Compiling ", done.stdout + done.stderr, re.MULTILINE))
        print(f"{'cold' if args.cold else 'warm'}: wall {wall / 60:.1f} min ({wall:.0f} s)"
              f" · user+sys {cpu / 60:.1f} min · {crates} crates compiled"
              f" · load average {load_before[0]:.2f} before, {load_after[0]:.2f} after"
              f" (5 min: {load_before[1]:.2f} / {load_after[1]:.2f}) · nproc {os.cpu_count()}")
        print(f"voer.exe {exe.stat().st_size / 1e6:.2f} MB ({exe.stat().st_size} bytes)"
              f" · {zips[0].name} {zips[0].stat().st_size / 1e6:.2f} MB"
              f" ({zips[0].stat().st_size} bytes)")
        print(tests.group(0) if tests else "no count of the Windows tests in the output")
    finally:
        shutil.rmtree(dist, ignore_errors=True)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
