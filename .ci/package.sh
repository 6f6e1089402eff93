#!/usr/bin/env bash
# Packages a built voer for download, and checks that the download works.
# Used by the release workflow and by .ci/run; plain bash that also runs in Git Bash on Windows.
#
#   .ci/package.sh package TARGET BINARY OUTDIR [zip|tar.gz]
#       Puts BINARY with README.md (and LICENSE*, if any) in voer-VERSION-TARGET/, packs that
#       folder as OUTDIR/voer-VERSION-TARGET.zip (Windows targets) or .tar.gz (others), writes
#       its SHA-256 checksum beside it (.sha256) and that of the program inside it
#       (voer-VERSION-TARGET.program.sha256), and prints the archive's path.
#   .ci/package.sh smoke ARCHIVE SESSION_FILE
#       Checks both checksums, unpacks ARCHIVE in a temporary folder and runs the program from
#       there: --version, list, and an export of SESSION_FILE to a file.
#   .ci/package.sh version
#       Prints the version in Cargo.toml (the release workflow checks the tag against it).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

die() {
  echo "package.sh: $*" >&2
  exit 1
}

version() {
  sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1
}

sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$@"
  else
    shasum -a 256 "$@"
  fi
}

sha256_check() {
  if command -v sha256sum >/dev/null; then
    sha256sum --check --status "$@"
  else
    shasum -a 256 --check --status "$@"
  fi
}

# zip: Linux and macOS have zip; the Windows runners have 7-Zip (Git Bash has no zip).
make_zip() { # ARCHIVE FOLDER, run in the folder's parent
  if command -v zip >/dev/null; then
    zip -qr "$1" "$2"
  elif command -v 7z >/dev/null; then
    7z a -tzip -bd "$1" "$2" >/dev/null
  else
    die "neither zip nor 7z is installed"
  fi
}

unpack() { # ARCHIVE INTO
  case "$1" in
    *.zip)
      if command -v unzip >/dev/null; then
        unzip -q "$1" -d "$2"
      elif command -v 7z >/dev/null; then
        7z x -bd "-o$2" "$1" >/dev/null
      else
        die "neither unzip nor 7z is installed"
      fi
      ;;
    *.tar.gz) tar -xzf "$1" -C "$2" ;;
    *) die "unknown archive type: $1" ;;
  esac
}

package() {
  local target=$1 binary=$2 outdir=$3 format=${4:-}
  [ -f "$binary" ] || die "no binary at $binary (build it first)"
  if [ -z "$format" ]; then
    case "$target" in
      *windows*) format=zip ;;
      *) format=tar.gz ;;
    esac
  fi
  local name exe stage archive
  name="voer-$(version)-$target"
  exe=voer
  case "$target" in *windows*) exe=voer.exe ;; esac
  mkdir -p "$outdir"
  outdir=$(cd "$outdir" && pwd)
  stage=$(mktemp -d)
  mkdir "$stage/$name"
  cp "$binary" "$stage/$name/$exe"
  chmod 755 "$stage/$name/$exe"
  cp "$root/README.md" "$stage/$name/"
  for f in "$root"/LICENSE*; do
    if [ -f "$f" ]; then cp "$f" "$stage/$name/"; fi
  done
  archive="$name.$format"
  rm -f "$outdir/$archive" "$outdir/$archive.sha256"
  (
    cd "$stage"
    case "$format" in
      zip) make_zip "$outdir/$archive" "$name" ;;
      tar.gz) tar -czf "$outdir/$archive" "$name" ;;
      *) die "unknown format: $format (zip or tar.gz)" ;;
    esac
  )
  # "HASH  file name", as sha256sum --check reads it. The program's own checksum too: that is
  # what an IT department allow-lists (Windows Defender, Intune) on the managed laptops.
  (cd "$outdir" && sha256 "$archive" >"$archive.sha256")
  (cd "$stage" && sha256 "$name/$exe" >"$outdir/$name.program.sha256")
  rm -rf "$stage"
  echo "$outdir/$archive"
}

# Fails with what was expected and what came, when $2 does not contain $3.
expect() { # WHAT OUTPUT NEEDLE
  case "$2" in
    *"$3"*) ;;
    *) die "$1: expected '$3' in: $2" ;;
  esac
}

smoke() {
  local archive=$1 session=$2
  [ -f "$archive" ] || die "no archive at $archive"
  [ -f "$session" ] || die "no session file at $session"
  archive=$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")
  session=$(cd "$(dirname "$session")" && pwd)/$(basename "$session")
  (cd "$(dirname "$archive")" && sha256_check "$(basename "$archive").sha256") ||
    die "checksum does not match: $archive"

  local tmp
  tmp=$(mktemp -d)
  # shellcheck disable=SC2064 # expand now: tmp is local
  trap "rm -rf '$tmp'" EXIT
  mkdir "$tmp/unpacked" "$tmp/work"
  unpack "$archive" "$tmp/unpacked"
  local bin
  bin=$(find "$tmp/unpacked" -maxdepth 2 -type f \( -name voer -o -name voer.exe \) | head -n 1)
  [ -n "$bin" ] || die "no voer program in $archive"
  [ -f "$(dirname "$bin")/README.md" ] || die "no README.md in $archive"
  local program_sum="${archive%.zip}"
  program_sum="${program_sum%.tar.gz}.program.sha256"
  (cd "$tmp/unpacked" && sha256_check "$program_sum") ||
    die "the program's checksum in $program_sum does not match"

  # From an empty folder, as a facilitator would: nothing may depend on the source tree.
  cd "$tmp/work"
  local out
  out=$("$bin" --version)
  expect "voer --version" "$out" "voer $(version) ("
  out=$("$bin" --lang en list)
  expect "voer list" "$out" "jef-mol"
  expect "voer list" "$out" "Jef Mol"
  "$bin" --lang en export "$session" --output "$tmp/work/report.md" 2>/dev/null
  [ -s "$tmp/work/report.md" ] || die "voer export wrote no report"
  local group
  group=$(sed -n 's/^group = "\(.*\)"$/\1/p' "$session" | head -n 1)
  expect "voer export" "$(cat "$tmp/work/report.md")" "$group"
  # list and export write nothing but the report: no sessions folder, no stray files.
  out=$(ls -A "$tmp/work")
  [ "$out" = "report.md" ] || die "unexpected files left in the working folder: $out"
  echo "smoke test passed: $(basename "$archive") ($("$bin" --version))"
}

command=${1:-}
shift || true
case "$command" in
  package)
    if [ $# -lt 3 ]; then die "usage: package TARGET BINARY OUTDIR [zip|tar.gz]"; fi
    package "$@"
    ;;
  smoke)
    if [ $# -ne 2 ]; then die "usage: smoke ARCHIVE SESSION_FILE"; fi
    smoke "$@"
    ;;
  version) version ;;
  *) die "usage: package.sh package|smoke|version ... (see the top of this file)" ;;
esac
