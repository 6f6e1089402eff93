//! `voer validate`: checks episode files and reports every problem as PATH[:LINE:COL]: message.
use std::{fs, path::PathBuf};

use crate::episode::{Library, LoadError, episode_files, parse_episode};

/// Returns the problems found and how many files were checked.
pub fn check(paths: &[PathBuf], prompts_dir: Option<&PathBuf>) -> (Vec<LoadError>, usize) {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let targets: Vec<PathBuf> = if paths.is_empty() {
        prompts_dir.cloned().into_iter().collect()
    } else {
        paths.to_vec()
    };
    if targets.is_empty() {
        // The built-in episodes, with the same checks (including duplicates).
        let lib = Library::embedded();
        return (
            lib.warnings.clone(),
            lib.episodes().len() + lib.warnings.len(),
        );
    }
    for t in targets {
        if t.is_dir() {
            match episode_files(&t) {
                Ok(f) => files.extend(f),
                Err(e) => errors.push(e),
            }
        } else {
            files.push(t);
        }
    }
    let mut seen_ids: Vec<(String, String)> = Vec::new();
    let mut seen_numbers: Vec<(u32, String)> = Vec::new();
    for f in &files {
        let path = f.display().to_string();
        let text = match fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                errors.push(LoadError {
                    path,
                    position: None,
                    field: None,
                    message: format!("cannot read: {e}"),
                });
                continue;
            }
        };
        match parse_episode(&path, &text) {
            Err(errs) => errors.extend(errs),
            Ok(ep) => {
                if let Some((_, first)) = seen_ids.iter().find(|(id, _)| *id == ep.id) {
                    errors.push(LoadError {
                        path: path.clone(),
                        position: None,
                        field: Some("id".into()),
                        message: format!("duplicate id '{}', already used by {first}", ep.id),
                    });
                }
                if let Some((_, first)) = seen_numbers.iter().find(|(n, _)| *n == ep.number) {
                    errors.push(LoadError {
                        path: path.clone(),
                        position: None,
                        field: Some("number".into()),
                        message: format!("duplicate number {}, already used by {first}", ep.number),
                    });
                }
                seen_ids.push((ep.id.clone(), path.clone()));
                seen_numbers.push((ep.number, path));
            }
        }
    }
    (errors, files.len())
}
