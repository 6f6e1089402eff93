#!/usr/bin/env bash
# Type-checks voer for macOS (Apple silicon and Intel) on Linux, with Debian's Rust (see
# .ci/debian-rust.sh): the macOS-only code (the system's language through sys-locale, FSEvents
# for the room screen) must compile, without warnings. Nothing is linked or run: that needs
# Apple's SDK and a Mac (the macOS job of .github/workflows/ci.yml runs the tests there).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/debian-rust.sh
. .ci/debian-rust.sh
debian_install "${debian_rust_packages[@]}"
debian_rust_check

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# --release: the build scripts and macros are then the ones .ci/windows.sh built (same compiler,
# same profile), not compiled once more.
debian_cargo check --release --locked --target aarch64-apple-darwin --target x86_64-apple-darwin \
  2>&1 | tee "$log"
# Warnings in voer's own code (those of the dependencies and of std are not shown).
if grep -q '^warning' "$log"; then
  echo "macos.sh: voer has warnings when compiled for macOS (above)" >&2
  exit 1
fi
echo "voer type-checks for aarch64-apple-darwin and x86_64-apple-darwin"
