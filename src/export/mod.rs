//! Reports from session files: md, html, txt, json, csv, docx; and the documents for before
//! the meeting: the facilitator's plan on paper and the participants' handout.
//!
//! [`report`] decides what a report holds (which groups, which notes under which question),
//! [`outline`] lays that out as a list of pieces, and md, html, txt and docx each render that
//! list. json and csv are data for other tools: they are made from the sessions directly.
//! [`plan`] and [`handout`] make lists of the same pieces from an episode, rendered by the
//! same md, html and docx ([`paper`]). [`letter`] is the letter with a council's questions to
//! the organisation, rendered by md and docx.
pub mod anonymous;
pub mod csv;
pub mod docx;
mod error;
pub mod handout;
pub mod html;
pub mod json;
pub mod letter;
pub mod md;
pub mod outline;
pub mod plan;
pub mod report;
pub mod txt;

use std::{ops::Range, path::Path};

pub use error::{ExportError, RenderError};
use report::Report;

use crate::{lang::Lang, session::Session};

/// How a document looks on paper: a report or a plan in ordinary print, or the participants'
/// handout in large print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    Report,
    Handout,
}

/// The format of a report, as `voer export --format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Txt,
    Json,
    Csv,
    Docx,
    /// The council's questions and advice to the organisation as a letter: md or docx.
    Letter,
}

pub struct Options {
    /// The language of the interface words; `None`: the first session's language.
    pub lang: Option<Lang>,
    /// The field separator of csv.
    pub csv_delimiter: u8,
    /// `--anonymous`: people replaced by numbered words (see [`anonymous`]).
    pub anonymous: bool,
    /// `--with-private`: the facilitator's private notes are in the report, marked.
    pub with_private: bool,
    /// The date a letter bears; `None`: the day of its last meeting.
    pub today: Option<chrono::NaiveDate>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: None,
            csv_delimiter: b',',
            anonymous: false,
            with_private: false,
            today: None,
        }
    }
}

/// The sessions as a report may show them: without the facilitator's private notes unless
/// asked for, and with the people replaced by numbers when asked. Every report is made from
/// what this returns, so that nothing private reaches one by another way.
pub fn prepare(sessions: &[Session], opts: &Options) -> Vec<Session> {
    let mut sessions = sessions.to_vec();
    if !opts.with_private {
        for step in sessions.iter_mut().flat_map(|s| s.steps.iter_mut()) {
            step.private_notes.clear();
        }
    }
    if opts.anonymous {
        let lang = opts
            .lang
            .or_else(|| sessions.first().map(|s| s.session.language))
            .unwrap_or_default();
        anonymous::anonymize(
            &mut sessions,
            crate::i18n::texts(lang).privacy.participant_word,
        );
    }
    sessions
}

/// One report of all `sessions` in `format`. Only docx and csv can fail (in their writers).
pub fn render(
    format: Format,
    sessions: &[Session],
    opts: &Options,
) -> Result<Vec<u8>, RenderError> {
    if format == Format::Letter {
        return letter_of(sessions, opts, Paper::Md).map(Option::unwrap_or_default);
    }
    let sessions = &prepare(sessions, opts)[..];
    let mut report = Report::new(sessions, opts.lang);
    report.anonymous = opts.anonymous;
    let text = match format {
        Format::Md => md::render(&outline::outline(&report)),
        Format::Html => html::render(&outline::outline(&report), report.lang, Look::Report),
        Format::Txt => txt::render(&outline::outline(&report)),
        Format::Json => json::render(sessions, opts.anonymous),
        Format::Letter => String::new(),
        Format::Csv => csv::render(sessions, &report, opts.csv_delimiter)?,
        Format::Docx => {
            let (created, modified) = document_times(sessions);
            return docx::render(
                &outline::outline(&report),
                Look::Report,
                &created,
                &modified,
            );
        }
    };
    Ok(text.into_bytes())
}

/// The letter of the open questions of `sessions` (see [`letter`]) in `format` (md or docx;
/// html is not a letter's). `None` when they hold no open question.
pub fn letter_of(
    sessions: &[Session],
    opts: &Options,
    format: Paper,
) -> Result<Option<Vec<u8>>, RenderError> {
    let sessions = &prepare(sessions, opts)[..];
    let report = Report::new(sessions, opts.lang);
    let Some(elements) = letter::letter(sessions, &report, opts.today) else {
        return Ok(None);
    };
    Ok(Some(match format {
        Paper::Md => md::render(&elements).into_bytes(),
        Paper::Html => html::render(&elements, report.lang, Look::Report).into_bytes(),
        Paper::Docx => {
            let (created, modified) = document_times(sessions);
            docx::render(&elements, Look::Report, &created, &modified)?
        }
    }))
}

/// The formats of a document made before the meeting (the plan on paper, the handout).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    Md,
    Html,
    Docx,
}

impl Paper {
    /// The format a file name asks for; `None` when it is not one of these.
    pub fn for_path(path: &Path) -> Option<Paper> {
        match format_for_path(path)? {
            Format::Md => Some(Paper::Md),
            Format::Html => Some(Paper::Html),
            Format::Docx => Some(Paper::Docx),
            Format::Txt | Format::Json | Format::Csv | Format::Letter => None,
        }
    }
}

/// A document of `elements` in `format`, in `lang` and `look`; `time` (RFC 3339) is a Word
/// file's creation time. Only docx can fail (in its writer).
pub fn paper(
    elements: &[outline::Element],
    format: Paper,
    lang: Lang,
    look: Look,
    time: &str,
) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Paper::Md => md::render(elements).into_bytes(),
        Paper::Html => html::render(elements, lang, look).into_bytes(),
        Paper::Docx => docx::render(elements, look, time, time)?,
    })
}

/// A Markdown report of one or more sessions (Ctrl+E in a run uses this): without the
/// facilitator's private notes.
pub fn markdown(sessions: &[Session], lang: Option<Lang>) -> String {
    let sessions = prepare(
        sessions,
        &Options {
            lang,
            ..Options::default()
        },
    );
    md::render(&outline::outline(&Report::new(&sessions, lang)))
}

/// The format a file name asks for: `None` when the extension is not one we write.
/// A name without an extension gets Markdown, the default format.
pub fn format_for_path(path: &Path) -> Option<Format> {
    let Some(ext) = path.extension() else {
        return Some(Format::Md);
    };
    match ext.to_string_lossy().to_ascii_lowercase().as_str() {
        "md" | "markdown" => Some(Format::Md),
        "html" | "htm" => Some(Format::Html),
        "txt" | "text" => Some(Format::Txt),
        "json" => Some(Format::Json),
        "csv" => Some(Format::Csv),
        "docx" => Some(Format::Docx),
        _ => None,
    }
}

/// The lines of a text as a person typed them: "\n" or "\r\n" end a line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}

/// The web addresses (http and https) in a text, as byte ranges, in order, without the
/// punctuation that ends a sentence after them. The txt export keeps them whole; the HTML
/// export makes them links.
pub fn urls(text: &str) -> Vec<Range<usize>> {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    finder
        .links(text)
        .filter(|l| {
            let scheme = l
                .as_str()
                .split_once("://")
                .map(|(s, _)| s.to_ascii_lowercase());
            matches!(scheme.as_deref(), Some("http" | "https"))
        })
        .map(|l| l.start()..l.end())
        .collect()
}

/// Whether a character is a control character other than tab and line ends. In a report
/// they print as nothing or as garbage, an escape sequence can repaint a terminal that shows
/// the text, and XML forbids most of them.
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Paragraphs of a text: runs of lines with something on them, split at blank lines.
pub fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for line in lines(text) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The first start and the last update of the sessions, for a document's properties.
fn document_times(sessions: &[Session]) -> (String, String) {
    let created = sessions.iter().map(|s| s.session.started_at).min();
    let modified = sessions.iter().map(|s| s.session.updated_at).max();
    let rfc = |t: Option<chrono::DateTime<chrono::FixedOffset>>| {
        t.map(|t| t.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string())
    };
    (rfc(created), rfc(modified))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(format_for_path(Path::new("v.HTML")), Some(Format::Html));
        assert_eq!(format_for_path(Path::new("verslag")), Some(Format::Md));
        assert_eq!(format_for_path(Path::new("v.pdf")), None);
    }

    #[test]
    fn web_addresses_are_found_without_the_sentence_around_them() {
        let text = "Zie https://www.radicalevernieuwing.nl/a-b/?x=1, of (http://x.nl/y). \
                    Niet: javascript:alert(1), ftp://x.nl, mailto:a@b.nl";
        let found: Vec<&str> = urls(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            [
                "https://www.radicalevernieuwing.nl/a-b/?x=1",
                "http://x.nl/y"
            ]
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(
            paragraphs("a\r\nb\n \n\nc"),
            vec![vec!["a", "b"], vec!["c"]]
        );
        assert!(paragraphs("").is_empty());
    }
}
