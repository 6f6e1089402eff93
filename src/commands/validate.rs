//! `voer validate`: checks episode files and reports every problem as PATH[:LINE:COL]: message.
use std::{path::PathBuf, process::ExitCode};

use super::{Context, print};
use crate::{
    episode::{Library, LoadError, episode_files},
    error::UserError,
    i18n::{Localize, fill},
    printable::printable,
};

/// Prints every problem on standard error; fails when there is one.
pub fn exec(cx: &Context, paths: &[PathBuf]) -> Result<ExitCode, UserError> {
    let (errors, checked) = check(paths, cx.global.prompts.as_ref());
    for e in &errors {
        eprintln!("{}", printable(&e.render(cx.lang)));
    }
    if errors.is_empty() {
        print(&format!("{}\n", fill(cx.t.validate_ok, [&checked])));
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{}", fill(cx.t.validate_bad, [&errors.len()]));
        Ok(ExitCode::FAILURE)
    }
}

/// Returns the problems found and how many files were checked. The files are loaded as a
/// prompts folder is, so that validate finds exactly what loading them would report.
pub fn check(paths: &[PathBuf], prompts_dir: Option<&PathBuf>) -> (Vec<LoadError>, usize) {
    let targets: Vec<PathBuf> = if paths.is_empty() {
        prompts_dir.cloned().into_iter().collect()
    } else {
        paths.to_vec()
    };
    if targets.is_empty() {
        // The built-in episodes, with the same checks (including duplicates).
        let lib = Library::embedded();
        let checked = lib.episodes().len() + lib.warnings.len();
        return (lib.warnings, checked);
    }
    let mut errors = Vec::new();
    let mut files = Vec::new();
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
    errors.extend(Library::from_files(&files).warnings);
    (errors, files.len())
}
