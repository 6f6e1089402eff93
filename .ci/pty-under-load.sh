#!/usr/bin/env bash
# The terminal tests under load: `cargo test --test pty` RUNS times (20 by default) while a
# release build of voer runs over and over beside them, in a target folder of its own (as on a
# CI machine that builds something else meanwhile). Prints each run's outcome and the names of
# the tests that failed; exits 1 if any run failed. The logs of failed runs are kept.
#
#   .ci/pty-under-load.sh [RUNS] [TEST FILTER]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
filter=${2:-}
work=$(mktemp -d)
echo "logs of failed runs: $work"

# The load: a release build from nothing, again and again, in a process group of its own so
# that all of it can be stopped at the end.
# shellcheck disable=SC2016 # $1 is the inner shell's own
setsid bash -c '
  while :; do
    cargo build --release --quiet --target-dir "$1/load-target" >/dev/null 2>&1 || true
    rm -rf "$1/load-target"
  done' load "$work" &
load=$!
trap 'kill -TERM -- "-$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true; rm -rf "$work/load-target" "$work/pty" "$work/voer"' EXIT

# The test binary and voer are built once and copied: every run tests the same build (a change
# in the work tree meanwhile changes nothing), and no run waits for the compiler.
tests=$(cargo test --test pty --no-run --message-format=json 2>/dev/null |
  sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | grep '/pty-' | tail -1)
[ -x "$tests" ] || { echo "no pty test binary was built" >&2; exit 2; }
cp "$tests" "$work/pty"
cp "$(dirname "$(dirname "$tests")")/voer" "$work/voer"
failed=0
for i in $(seq 1 "$runs"); do
  log="$work/run-$i.log"
  start=$(date +%s)
  # shellcheck disable=SC2086 # the filter is one word or none
  if VOER_BIN="$work/voer" "$work/pty" -q $filter >"$log" 2>&1; then
    echo "run $i: ok ($(($(date +%s) - start)) s, load $(cut -d' ' -f1 /proc/loadavg))"
    rm "$log"
  else
    failed=$((failed + 1))
    echo "run $i: FAILED ($(($(date +%s) - start)) s, load $(cut -d' ' -f1 /proc/loadavg)): $log"
    grep -E '^    [a-z_:0-9]+$' "$log" | sed 's/^/  /' || true
  fi
done
echo "$failed of $runs runs failed"
[ "$failed" -eq 0 ]
