#!/usr/bin/env bash
# Builds voer for Windows on Linux and runs the Windows suite on it under Wine. .ci/run calls it;
# the release workflow ships the zip it makes.
#
#   .ci/windows.sh [DIST]
#
# 1. Installs what is missing, from Debian alone (as root, as in CI): Debian's Rust with the
#    standard library's source (see .ci/debian-rust.sh), MinGW-w64, Wine 8, tmux, zip, unzip.
# 2. Builds target/x86_64-pc-windows-gnu/release/voer.exe with Debian's cargo and rustc, std
#    built for the target from its source, linked by MinGW; debug info left out (see the
#    README's Development section). A warning in voer's code fails the build.
# 3. Builds from tests/windows/*.c, with the same MinGW, what Wine 8 lacks:
#    bcryptprimitives.dll (ProcessPrng, which Rust's std calls), placed beside voer.exe, so that
#    `wine64 voer.exe …` runs in a fresh WINEPREFIX with nothing else set; and, for the suite,
#    holdopen.exe, a program that holds a file open as OneDrive does, and player.exe, which the
#    suite's prefix opens .mp4 files with (F5), writing down what it was given.
# 4. Packs voer.exe for download with .ci/package.sh, as voer-VERSION-x86_64-pc-windows-gnu.zip
#    in DIST (default: a temporary folder, removed afterwards).
# 5. Runs tests/windows/suite.py on the voer.exe unpacked from that zip: the program that is
#    shipped is the program that is tested.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/debian-rust.sh
. .ci/debian-rust.sh

# 1. What is missing.
target=x86_64-pc-windows-gnu
tools=()
for tool in tmux:tmux zip:zip unzip:unzip python3:python3; do
  command -v "${tool%%:*}" >/dev/null || tools+=("${tool#*:}")
done
debian_install "${debian_rust_packages[@]}" gcc-mingw-w64-x86-64 wine64 "${tools[@]}"
debian_rust_check
# Debian puts wine64 beside Wine's other programs, not on PATH.
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
[ -x "$wine" ] || { echo "windows.sh: no wine64 (dpkg -L wine64 says where)" >&2; exit 1; }

# 2. voer.exe
out="${CARGO_TARGET_DIR:-$PWD/target}/$target/release"
log=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$log" "$work"' EXIT
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  CARGO_PROFILE_RELEASE_STRIP=debuginfo \
  debian_cargo build --release --locked --target "$target" 2>&1 | tee "$log"
# Warnings in voer's own code (those of the dependencies and of std are not shown): the
# Windows-only code is compiled nowhere else here.
if grep -q '^warning' "$log"; then
  echo "windows.sh: voer has warnings when compiled for Windows (above)" >&2
  exit 1
fi

# 3. What Wine lacks, and the suite's helper.
mingw() { x86_64-w64-mingw32-gcc -O2 -s -Wall -Werror "$@"; }
mingw -shared -o "$out/bcryptprimitives.dll" tests/windows/bcryptprimitives.c -ladvapi32
mkdir "$work/helpers"
mingw -municode -o "$work/helpers/holdopen.exe" tests/windows/holdopen.c
mingw -municode -o "$work/helpers/player.exe" tests/windows/player.c

# 4. The download.
dist=${1:-$work/dist}
archive=$(.ci/package.sh package "$target" "$out/voer.exe" "$dist")
mkdir "$work/unpacked"
unzip -q "$archive" -d "$work/unpacked"
name=$(basename "$archive" .zip)
(cd "$(dirname "$archive")" && sha256sum --check --status "$name.zip.sha256") ||
  { echo "windows.sh: the checksum of $archive does not match" >&2; exit 1; }
(cd "$work/unpacked" && sha256sum --check --status "$(dirname "$archive")/$name.program.sha256") ||
  { echo "windows.sh: the checksum of voer.exe in $archive does not match" >&2; exit 1; }
exe="$work/unpacked/$name/voer.exe"
cp "$out/bcryptprimitives.dll" "$(dirname "$exe")/"

echo "voer.exe: $(stat -c %s "$out/voer.exe") bytes; $(basename "$archive"): $(stat -c %s "$archive") bytes"

# 5. The Windows suite.
commit=
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  commit=$(git log -1 --abbrev=7 --format=%h)
fi
python3 tests/windows/suite.py --wine "$wine" --exe "$exe" --helpers "$work/helpers" \
  --version "$(.ci/package.sh version)" --commit "$commit"
