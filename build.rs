//! Embeds every `prompts/*.toml` in the binary, so `voer` works from any folder, and records
//! the commit the binary is built from for `voer --version`.
use std::{
    env, fs,
    path::{Path, PathBuf},
    process::Command,
};

#[path = "src/version.rs"]
#[allow(dead_code)]
mod version;

fn main() {
    embed_prompts();
    let commit = git_commit();
    println!(
        "cargo:rustc-env=VOER_VERSION={}",
        version::describe(
            &env::var("CARGO_PKG_VERSION").expect("cargo sets it"),
            commit.as_ref()
        )
    );
}

fn embed_prompts() {
    // Absolute paths: a build of a copy of this folder sharing the target folder (as CI does)
    // then names files this folder does not have, so the next build here embeds its own.
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("prompts");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("prompts/ folder is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from(
        "/// (file name, contents) of each embedded episode.\npub const EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let abs = fs::canonicalize(f).expect("prompt file path");
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 file name");
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            abs.display().to_string()
        ));
    }
    out.push_str("];\n");
    let target = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("embedded.rs");
    fs::write(target, out).expect("write embedded.rs");
}

/// Runs git in the package folder; None when git is missing or fails.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status.success().then_some(())?;
    Some(String::from_utf8(out.stdout).ok()?.trim().to_string())
}

/// The commit this package is built from, if it is built from its own git checkout: a source
/// archive unpacked inside some other repository must not report that repository's commit.
fn git_commit() -> Option<version::Commit> {
    let here = fs::canonicalize(env::var("CARGO_MANIFEST_DIR").ok()?).ok()?;
    let top = fs::canonicalize(git(&["rev-parse", "--show-toplevel"])?).ok()?;
    if top != here {
        return None;
    }
    // Build again when HEAD moves: HEAD itself (another branch), the ref it names (a new
    // commit), and packed-refs (where git may keep that ref). Only existing files: a missing
    // one would make cargo run this script on every build.
    let mut watch = vec![git(&["rev-parse", "--git-path", "HEAD"])?];
    if let Some(head_ref) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch.extend(git(&["rev-parse", "--git-path", &head_ref]));
    }
    watch.extend(git(&["rev-parse", "--git-path", "packed-refs"]));
    for path in watch.iter().map(PathBuf::from).filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    version::parse_git_log(&git(&["log", "-1", "--abbrev=7", "--format=%h %cs"])?)
}
