//! Loading episodes: the embedded ones, then a prompts folder that adds or overrides by id.
use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

use super::{Episode, LoadError};

/// The most voer reads of an episode file: the longest has a few kilobytes of prompts.
pub const MAX_BYTES: u64 = 1 << 20;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Parses and checks one episode file; `path` is only used in messages.
pub fn parse_episode(path: impl AsRef<Path>, text: &str) -> Result<Episode, Vec<LoadError>> {
    let path = path.as_ref();
    let mut episode: Episode = toml::from_str(text).map_err(|source| {
        vec![LoadError::Syntax {
            path: path.to_path_buf(),
            position: source.span().map(|s| line_col(text, s.start)),
            source: Box::new(source),
        }]
    })?;
    episode.complete();
    let problems = episode.problems();
    if problems.is_empty() {
        Ok(episode)
    } else {
        Err(problems
            .into_iter()
            .map(|(field, problem)| LoadError::Invalid {
                path: path.to_path_buf(),
                field,
                problem,
            })
            .collect())
    }
}

/// All episodes voer knows, plus the problems found while loading them.
#[derive(Debug, Default)]
pub struct Library {
    episodes: Vec<Episode>,
    pub warnings: Vec<LoadError>,
}

impl Library {
    /// The embedded episodes only.
    pub fn embedded() -> Library {
        let mut lib = Library::default();
        let files = embedded::EMBEDDED
            .iter()
            .map(|(name, text)| (Path::new("prompts").join(name), text.to_string()));
        lib.add_files(files, false);
        lib
    }

    /// The embedded episodes, with the episodes of `dir` added or overriding them by id.
    pub fn load(dir: Option<&Path>) -> Result<Library, LoadError> {
        let mut lib = Library::embedded();
        if let Some(dir) = dir {
            lib.add_paths(&episode_files(dir)?);
        }
        Ok(lib)
    }

    /// The episodes of these files alone, checked as a prompts folder is (`voer validate`).
    pub fn from_files(paths: &[PathBuf]) -> Library {
        let mut lib = Library::default();
        lib.add_paths(paths);
        lib
    }

    /// Reads the files and adds them as one batch; a file that cannot be read is a warning.
    fn add_paths(&mut self, paths: &[PathBuf]) {
        let mut read = Vec::new();
        for path in paths {
            match crate::platform::read_regular(path, MAX_BYTES) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => read.push((path.clone(), text)),
                    Err(_) => self
                        .warnings
                        .push(LoadError::NotText { path: path.clone() }),
                },
                Err(e) => self.warnings.push(LoadError::read(path, e)),
            }
        }
        self.add_files(read, true);
    }

    /// Adds files in order: a later file with an id already loaded from an earlier
    /// *batch* overrides it; a duplicate id or number within the result is reported.
    /// `on_disk`: the paths are real files (not the built-in ones), which an episode's
    /// `[video] file` is relative to.
    fn add_files(&mut self, files: impl IntoIterator<Item = (PathBuf, String)>, on_disk: bool) {
        let mut batch: BTreeMap<String, (PathBuf, Episode)> = BTreeMap::new();
        for (path, text) in files {
            match parse_episode(&path, &text) {
                Err(errs) => self.warnings.extend(errs),
                Ok(mut ep) => {
                    if on_disk {
                        ep.source = Some(std::path::absolute(&path).unwrap_or(path.clone()));
                    }
                    if let Some((first, _)) = batch.get(&ep.id) {
                        self.warnings.push(LoadError::DuplicateId {
                            first: first.clone(),
                            id: ep.id,
                            path,
                        });
                    } else {
                        batch.insert(ep.id.clone(), (path, ep));
                    }
                }
            }
        }
        // The new batch overrides earlier episodes by id.
        self.episodes.retain(|e| !batch.contains_key(&e.id));
        let mut added: Vec<(PathBuf, Episode)> = batch.into_values().collect();
        added.sort_by_key(|(_, e)| e.number);
        for (path, ep) in added {
            if let Some(other) = self.episodes.iter().find(|e| e.number == ep.number) {
                self.warnings.push(LoadError::DuplicateNumber {
                    path,
                    number: ep.number,
                    episode: other.id.clone(),
                });
                continue;
            }
            self.episodes.push(ep);
        }
        self.episodes.sort_by_key(|e| e.number);
    }

    pub fn episodes(&self) -> &[Episode] {
        &self.episodes
    }

    /// Finds an episode by number or id.
    pub fn find(&self, key: &str) -> Option<&Episode> {
        let key = key.trim();
        match key.parse::<u32>() {
            Ok(n) => self.episodes.iter().find(|e| e.number == n),
            Err(_) => self
                .episodes
                .iter()
                .find(|e| e.id.eq_ignore_ascii_case(key)),
        }
    }

    /// "1 (vera-jansweijer), 4 (jef-mol)", for error messages.
    pub fn valid_list(&self) -> String {
        self.episodes
            .iter()
            .map(|e| format!("{} ({})", e.number, e.id))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The `*.toml` files of a folder, sorted; a missing folder is an error.
pub fn episode_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| LoadError::folder(dir, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
        assert_eq!(line_col("é\nx", 3), (2, 1));
    }
}
