# shellcheck shell=bash
# Sourced by .ci/windows.sh and .ci/macos.sh: the Rust toolchain that Debian ships, used to build
# for systems this Linux machine is not. rustup's toolchain cannot: the standard library of the
# Windows and macOS targets is not installable for it here. Debian's rustc-web comes with the
# standard library's source (rust-web-src), so cargo builds std for the target itself
# (-Zbuild-std, allowed on a stable compiler by RUSTC_BOOTSTRAP=1).
#
# Debian's cargo and rustc are called by their full path: rustup's, earlier on PATH, would
# otherwise be used by cargo for rustc.

debian_cargo=/usr/bin/cargo
debian_rustc=/usr/bin/rustc

# Installs the Debian packages that are not installed yet (as root, as in CI). The package
# lists are refreshed first: an old list may offer an older Rust than voer needs.
debian_install() {
  local missing=() package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Debian's Rust and the standard library's source, for debian_install.
# shellcheck disable=SC2034 # used by the scripts that source this one
debian_rust_packages=(rustc-web cargo-web rust-web-src)

# Fails unless Debian's rustc is new enough for voer (rust-version in Cargo.toml).
debian_rust_check() {
  local need have
  need=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)
  have=$("$debian_rustc" --version | awk '{print $2}')
  if [ "$(printf '%s\n%s\n' "$need" "$have" | sort -V | head -n 1)" != "$need" ]; then
    echo "Debian's rustc is $have; voer needs $need or newer (apt-get update, then install rustc-web)" >&2
    exit 1
  fi
}

# Debian's cargo with Debian's rustc, std built from source for --target.
debian_cargo() {
  RUSTC="$debian_rustc" RUSTC_BOOTSTRAP=1 "$debian_cargo" "$@" -Zbuild-std=std,panic_abort
}
