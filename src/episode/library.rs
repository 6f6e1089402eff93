//! Loading episodes: the embedded ones, then a prompts folder that adds or overrides by id.
use std::{
    collections::BTreeMap,
    fmt, fs,
    path::{Path, PathBuf},
};

use super::Episode;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Something wrong with one episode file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    /// 1-based line and column, when the problem has a place in the text.
    pub position: Option<(usize, usize)>,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some((line, col)) = self.position {
            write!(f, ":{line}:{col}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for LoadError {}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Parses and checks one episode file; `path` is only used in messages.
pub fn parse_episode(path: &str, text: &str) -> Result<Episode, Vec<LoadError>> {
    let episode: Episode = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().replace('\n', " ");
        vec![LoadError {
            path: path.to_string(),
            position: e.span().map(|s| line_col(text, s.start)),
            field: None,
            message,
        }]
    })?;
    let problems = episode.problems();
    if problems.is_empty() {
        Ok(episode)
    } else {
        Err(problems
            .into_iter()
            .map(|(field, message)| LoadError {
                path: path.to_string(),
                position: None,
                field: Some(field),
                message,
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
            .map(|(name, text)| (format!("prompts/{name}"), text.to_string()));
        lib.add_files(files);
        lib
    }

    /// The embedded episodes, with the episodes of `dir` added or overriding them by id.
    pub fn load(dir: Option<&Path>) -> Result<Library, LoadError> {
        let mut lib = Library::embedded();
        if let Some(dir) = dir {
            let files = episode_files(dir)?;
            let mut read = Vec::new();
            for path in files {
                match fs::read_to_string(&path) {
                    Ok(text) => read.push((path.display().to_string(), text)),
                    Err(e) => lib.warnings.push(LoadError {
                        path: path.display().to_string(),
                        position: None,
                        field: None,
                        message: format!("cannot read: {e}"),
                    }),
                }
            }
            lib.add_files(read);
        }
        Ok(lib)
    }

    /// Adds files in order: a later file with an id already loaded from an earlier
    /// *batch* overrides it; a duplicate id or number within the result is reported.
    fn add_files(&mut self, files: impl IntoIterator<Item = (String, String)>) {
        let mut batch: BTreeMap<String, (String, Episode)> = BTreeMap::new();
        for (path, text) in files {
            match parse_episode(&path, &text) {
                Err(errs) => self.warnings.extend(errs),
                Ok(ep) => {
                    if let Some((first, _)) = batch.get(&ep.id) {
                        self.warnings.push(LoadError {
                            path,
                            position: None,
                            field: Some("id".into()),
                            message: format!("duplicate id '{}', already used by {first}", ep.id),
                        });
                    } else {
                        batch.insert(ep.id.clone(), (path, ep));
                    }
                }
            }
        }
        // The new batch overrides earlier episodes by id.
        self.episodes.retain(|e| !batch.contains_key(&e.id));
        let mut added: Vec<(String, Episode)> = batch.into_values().collect();
        added.sort_by_key(|(_, e)| e.number);
        for (path, ep) in added {
            if let Some(other) = self.episodes.iter().find(|e| e.number == ep.number) {
                self.warnings.push(LoadError {
                    path,
                    position: None,
                    field: Some("number".into()),
                    message: format!(
                        "duplicate number {}, already used by episode '{}'",
                        ep.number, other.id
                    ),
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
    let entries = fs::read_dir(dir).map_err(|e| LoadError {
        path: dir.display().to_string(),
        position: None,
        field: None,
        message: format!("cannot read the prompts folder: {e}"),
    })?;
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
