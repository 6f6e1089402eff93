//! Why a report is not made: a writer failed ([`RenderError`]), or what `voer export` was
//! asked cannot be done ([`ExportError`]).
use std::path::PathBuf;

use crate::{
    i18n::{self, Localize, fill},
    lang::Lang,
};

/// A report that could not be made: a writer failed. Rare, as they write to memory.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    Csv(#[source] ::csv::Error),
    Docx(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl Localize for RenderError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            RenderError::Csv(e) => fill(t.report_failed, [&"csv", e]),
            RenderError::Docx(e) => fill(t.report_failed, [&"docx", e]),
        }
    }
}

i18n::english_display!(RenderError);

/// Why `voer export` does not export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// docx is binary: it cannot go to standard output.
    DocxNeedsOutput,
    /// The extension of `--output` names no format we write.
    UnknownExtension {
        path: PathBuf,
    },
    BadDelimiter(char),
    /// `--output` names one of the session files.
    SameAsInput {
        path: PathBuf,
    },
    /// `--output` is there, but not as a regular file (a device, a pipe, a folder).
    NotAFile {
        path: PathBuf,
    },
    /// `--output` exists and `--force` was not given.
    Exists {
        path: PathBuf,
    },
    /// `--output` is one of voer's own files (a session, a lock, a presence file, a rescue
    /// copy): never replaced by a report, not even with `--force`.
    VoersOwn {
        path: PathBuf,
    },
    /// This many files could not be read (each was named on the way); others could.
    BadFiles(usize),
    /// None of the files, this many, could be read.
    Unreadable(usize),
    /// With --skip-bad, no readable file was left.
    NothingLeft,
    /// `--format letter` with an `--output` that is neither .md nor .docx.
    LetterExtension {
        path: PathBuf,
    },
    /// `--format letter` of sessions (these files) without an open question.
    NoQuestions {
        files: Vec<String>,
    },
    Render(#[from] RenderError),
}

impl Localize for ExportError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            ExportError::DocxNeedsOutput => t.export_docx_needs_output.to_string(),
            ExportError::UnknownExtension { path } => {
                fill(t.export_unknown_extension, [&path.display()])
            }
            ExportError::BadDelimiter(c) => fill(t.export_bad_delimiter, [&c.escape_default()]),
            ExportError::SameAsInput { path } => fill(t.export_same_as_input, [&path.display()]),
            ExportError::Exists { path } => fill(t.export_exists, [&path.display()]),
            ExportError::VoersOwn { path } => fill(t.export_voers_own, [&path.display()]),
            ExportError::NotAFile { path } => fill(t.export_not_a_file, [&path.display()]),
            ExportError::BadFiles(n) => fill(t.export_bad_files, [n]),
            ExportError::Unreadable(n) => fill(t.export_unreadable, [n]),
            ExportError::NothingLeft => t.export_nothing_left.to_string(),
            ExportError::LetterExtension { path } => {
                fill(t.series.letter_format, [&path.display()])
            }
            ExportError::NoQuestions { files } => {
                fill(t.series.letter_no_questions, [&files.join(", ")])
            }
            ExportError::Render(e) => e.render(lang),
        }
    }
}

i18n::english_display!(ExportError);
