#!/usr/bin/env bash
# Type-checks and lints src/platform, with its Windows-only module, on Linux: no Windows target
# can be installed here, so the module is compiled with `--cfg windows` for voer's code only
# (Linux's std, the real windows-sys), in a scratch crate that holds just src/platform.
# This catches wrong names, types and signatures; it does not link or run anything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

dependency=$(grep '^windows-sys = ' "$root/Cargo.toml") ||
  { echo "check-windows.sh: no windows-sys line in Cargo.toml" >&2; exit 1; }
mkdir "$scratch/src"
cat >"$scratch/Cargo.toml" <<TOML
[package]
name = "voer-windows-check"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$dependency
TOML
cp "$root/Cargo.lock" "$scratch/"
# src/platform depends on nothing else in voer.
cat >"$scratch/src/lib.rs" <<RUST
#[path = "$root/src/platform/mod.rs"]
pub mod platform;
RUST
cd "$scratch"
cargo clippy --quiet --lib --target-dir "$root/target/windows-check" -- \
  --cfg windows -A explicit_builtin_cfgs_in_flags -D warnings
echo "src/platform checks as Windows code"
