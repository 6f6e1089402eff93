//! Embeds every `prompts/*.toml` in the binary, so `voer` works from any folder.
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("prompts");
    println!("cargo:rerun-if-changed=prompts");
    let mut files: Vec<_> = fs::read_dir(dir)
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
