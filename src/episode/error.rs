//! What can be wrong with an episode file or the prompts folder, worded where it is shown.
use std::{
    io,
    path::{Path, PathBuf},
    sync::Arc,
};

use super::Audience;
use crate::{
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
};

/// Something wrong with one episode file, or with the prompts folder: where, and what.
/// Shown as `PATH[:LINE:COL][: FIELD]: problem`.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// The prompts folder cannot be read.
    Folder {
        path: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// An episode file cannot be read.
    Read {
        path: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },
    /// An episode file holds bytes that are not UTF-8 text.
    NotText { path: PathBuf },
    /// Not TOML, or not the shape of an episode; `position` is the 1-based line and column.
    Syntax {
        path: PathBuf,
        position: Option<(usize, usize)>,
        #[source]
        source: Box<toml::de::Error>,
    },
    /// A field the format allows but the rules do not.
    Invalid {
        path: PathBuf,
        field: String,
        problem: Problem,
    },
    /// An id that an earlier file (`first`) already has.
    DuplicateId {
        path: PathBuf,
        id: String,
        first: PathBuf,
    },
    /// A number that another episode (`episode`, its id) already has.
    DuplicateNumber {
        path: PathBuf,
        number: u32,
        episode: String,
    },
}

impl LoadError {
    pub(crate) fn folder(path: &Path, source: io::Error) -> LoadError {
        LoadError::Folder {
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }

    pub(crate) fn read(path: &Path, source: io::Error) -> LoadError {
        LoadError::Read {
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }

    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Folder { path, .. }
            | LoadError::Read { path, .. }
            | LoadError::NotText { path }
            | LoadError::Syntax { path, .. }
            | LoadError::Invalid { path, .. }
            | LoadError::DuplicateId { path, .. }
            | LoadError::DuplicateNumber { path, .. } => path,
        }
    }
}

impl Localize for LoadError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        let path = self.path().display();
        match self {
            LoadError::Folder { source, .. } => {
                format!(
                    "{path}: {}",
                    fill(t.episode_folder, [&os_reason(source, lang)])
                )
            }
            LoadError::Read { source, .. } => {
                format!(
                    "{path}: {}",
                    fill(t.episode_read, [&os_reason(source, lang)])
                )
            }
            LoadError::NotText { .. } => format!("{path}: {}", t.not_text),
            LoadError::Syntax {
                position, source, ..
            } => {
                let msg = source.message().trim().replace('\n', " ");
                let problem = fill(t.toml_problem, [&msg]);
                match position {
                    Some((line, col)) => format!("{path}:{line}:{col}: {problem}"),
                    None => format!("{path}: {problem}"),
                }
            }
            LoadError::Invalid { field, problem, .. } => {
                format!("{path}: {field}: {}", problem.render(lang))
            }
            LoadError::DuplicateId { id, first, .. } => format!(
                "{path}: id: {}",
                fill(t.episode_duplicate_id, [id, &first.display()])
            ),
            LoadError::DuplicateNumber {
                number, episode, ..
            } => format!(
                "{path}: number: {}",
                fill(t.episode_duplicate_number, [number, episode])
            ),
        }
    }
}

i18n::english_display!(LoadError);

/// What the rules of the format (beyond TOML's grammar) find wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The id has characters other than lowercase letters, digits and '-'.
    BadId,
    /// A number or a count of minutes is 0.
    NotPositive,
    /// A text that must say something is empty.
    Empty,
    NoQuote,
    NoPrompt,
    /// A text still reads as the template's `[placeholder]`.
    Placeholder,
    NoClosing(Audience),
    TwoClosings(Audience),
    /// A closing prompt for an audience without prompts.
    ClosingAlone(Audience),
    TwoOpenings(Audience),
    /// An opening for an audience without prompts.
    OpeningAlone(Audience),
    /// A control character (such as ESC, the start of a terminal escape code) in a text.
    ControlCharacter,
    /// A number outside the range it must lie in.
    OutOfRange {
        min: u32,
        max: u32,
    },
    /// A prompt's phases add up to other minutes than the prompt has.
    PhasesDoNotAddUp {
        phases: u32,
        minutes: u32,
    },
}

impl Localize for Problem {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            Problem::BadId => t.problem_bad_id.to_string(),
            Problem::NotPositive => t.problem_not_positive.to_string(),
            Problem::Empty => t.problem_empty.to_string(),
            Problem::NoQuote => t.problem_no_quote.to_string(),
            Problem::NoPrompt => t.problem_no_prompt.to_string(),
            Problem::Placeholder => t.problem_placeholder.to_string(),
            Problem::NoClosing(a) => fill(t.problem_no_closing, [a]),
            Problem::TwoClosings(a) => fill(t.problem_two_closings, [a]),
            Problem::ClosingAlone(a) => fill(t.problem_closing_alone, [a]),
            Problem::TwoOpenings(a) => fill(t.problem_two_openings, [a]),
            Problem::OpeningAlone(a) => fill(t.problem_opening_alone, [a]),
            Problem::OutOfRange { min, max } => fill(t.problem_out_of_range, [min, max]),
            Problem::PhasesDoNotAddUp { phases, minutes } => {
                fill(t.problem_phases_sum, [phases, minutes])
            }
            Problem::ControlCharacter => t.problem_control_character.to_string(),
        }
    }
}

i18n::english_display!(Problem);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_in_the_language_asked_for() {
        let e = LoadError::Invalid {
            path: "nul.toml".into(),
            field: "prompts[1].minutes".into(),
            problem: Problem::NotPositive,
        };
        assert_eq!(
            e.render(Lang::En),
            "nul.toml: prompts[1].minutes: must be 1 or more"
        );
        assert_eq!(
            e.render(Lang::Nl),
            "nul.toml: prompts[1].minutes: moet 1 of meer zijn"
        );
        assert_eq!(e.to_string(), e.render(Lang::En));
    }

    #[test]
    fn an_unreadable_file_says_why_in_dutch() {
        let e = LoadError::read(
            Path::new("weg.toml"),
            io::ErrorKind::PermissionDenied.into(),
        );
        assert_eq!(
            e.render(Lang::Nl),
            "weg.toml: kan niet lezen: geen toestemming"
        );
    }
}
