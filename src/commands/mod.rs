//! The subcommands, one file each: run and resume open the screen; room opens the room
//! screen; list, show, validate, sessions, actions and export print and exit.
pub mod actions;
pub mod export;
pub mod list;
pub mod resume;
pub mod room;
pub mod run;
pub mod sessions;
pub mod show;
pub mod validate;

use std::{io, path::PathBuf};

use unicode_truncate::{Alignment, UnicodeTruncateStr};
use unicode_width::UnicodeWidthStr;

use crate::{
    episode::{Audience, Episode, Library, LoadError},
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
    printable::{one_line, printable},
    session::store::{LockError, StoreError},
};

/// An error a user meets on the command line or before the screen opens. A value until main
/// prints it, worded then in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    /// No episode has this number or id; `valid` lists the ones there are.
    UnknownEpisode {
        key: String,
        valid: String,
    },
    UnknownAudience {
        given: String,
    },
    /// Episode `number` has no prompts for `audience`; `has` are the audiences it has.
    NoPromptsFor {
        number: u32,
        audience: Audience,
        has: Vec<Audience>,
    },
    /// The prompts folder cannot be read.
    Episodes(#[from] LoadError),
    Store(#[from] StoreError),
    Lock(#[from] LockError),
    Export(#[from] export::ExportError),
    Actions(#[from] crate::actions::folder::ActionError),
    /// `voer resume` without a file finds nothing to resume in `dir`; `any`: there are
    /// sessions, but all are finished.
    NothingToResume {
        dir: PathBuf,
        any: bool,
    },
    /// A signal ended the run and the last save of `path` failed.
    NotSaved {
        path: PathBuf,
        #[source]
        source: StoreError,
        /// Where a rescue copy of the notes was written instead, if it could be.
        rescued: Option<PathBuf>,
    },
    /// A word where the episode goes that looks like a mistyped command.
    Cli(crate::cli::CliError),
    /// `voer run` or `voer resume` (the command) with its output going to a file or a pipe:
    /// the screen would be drawn into it, the meeting run blind.
    NotATerminal {
        command: &'static str,
    },
    /// The terminal could not be opened.
    Terminal(#[source] io::Error),
    /// The terminal could not be drawn on.
    Draw(#[source] io::Error),
}

impl Localize for UserError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            UserError::UnknownEpisode { key, valid } => fill(t.unknown_episode, [key, valid]),
            UserError::Cli(e) => crate::cli::render_error(e, t),
            UserError::UnknownAudience { given } => {
                fill(t.unknown_audience, [given, &Audience::valid_list()])
            }
            UserError::NoPromptsFor {
                number,
                audience,
                has,
            } => {
                let has: Vec<&str> = has.iter().map(|a| a.id()).collect();
                fill(
                    t.no_prompts_for_audience,
                    [number, &audience.id(), &has.join(", ")],
                )
            }
            UserError::Episodes(e) => e.render(lang),
            UserError::Store(e) => e.render(lang),
            UserError::Lock(e) => e.render(lang),
            UserError::Export(e) => e.render(lang),
            UserError::Actions(e) => e.render(lang),
            UserError::NothingToResume { dir, any } => fill(
                if *any { t.no_unfinished } else { t.no_sessions },
                [&dir.display()],
            ),
            UserError::NotSaved {
                path,
                source,
                rescued,
            } => {
                let not_saved = fill(t.notes_not_saved, [&path.display(), &source.detail(lang)]);
                match rescued {
                    Some(r) => format!(
                        "{not_saved}\n{}",
                        fill(t.rescued_to, [&r.display(), &shell_word(r)])
                    ),
                    None => not_saved,
                }
            }
            UserError::NotATerminal { command } => fill(t.needs_terminal, [command]),
            UserError::Terminal(e) => fill(t.terminal_failed, [&os_reason(e, lang)]),
            UserError::Draw(e) => fill(t.draw_failed, [&os_reason(e, lang)]),
        }
    }
}

i18n::english_display!(UserError);

impl From<crate::session::store::CreateError> for UserError {
    fn from(e: crate::session::store::CreateError) -> UserError {
        match e {
            crate::session::store::CreateError::Store(e) => UserError::Store(e),
            crate::session::store::CreateError::Lock(e) => UserError::Lock(e),
        }
    }
}

pub fn find_episode<'a>(lib: &'a Library, key: &str) -> Result<&'a Episode, UserError> {
    lib.find(key).ok_or_else(|| UserError::UnknownEpisode {
        key: key.to_string(),
        valid: lib.valid_list(),
    })
}

pub fn parse_audience(s: &str) -> Result<Audience, UserError> {
    s.parse().map_err(|_| UserError::UnknownAudience {
        given: s.to_string(),
    })
}

/// Checks the episode has prompts for the audience.
pub fn check_audience(ep: &Episode, audience: Audience) -> Result<(), UserError> {
    if ep.prompts_for(audience).next().is_some() {
        return Ok(());
    }
    Err(UserError::NoPromptsFor {
        number: ep.number,
        audience,
        has: ep.audiences(),
    })
}

/// A path as one word a shell takes as is: quoted when it holds anything but plain characters.
pub fn shell_word(path: &std::path::Path) -> String {
    let s = path.display().to_string();
    if s.chars()
        .all(|c| c.is_alphanumeric() || "/\\._-:+".contains(c))
    {
        s
    } else {
        format!("\"{s}\"")
    }
}

/// Refuses to start a meeting whose screen would not reach a person: `voer run > file`.
pub fn need_terminal(command: &'static str) -> Result<(), UserError> {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(UserError::NotATerminal { command })
    }
}

/// Pads `s` with spaces to `width` terminal columns.
pub fn pad(s: &str, width: usize) -> String {
    s.unicode_pad(width, Alignment::Left, false).into_owned()
}

/// Renders rows as a table with columns separated by two spaces. A cell is one line of
/// printable text: a control character in a name cannot break the table or the terminal.
pub fn table(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| one_line(c).into_owned()).collect())
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let last = row.len().saturating_sub(1);
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                if i == last {
                    cell.clone()
                } else {
                    pad(cell, widths[i])
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Prints warnings (such as times in a session file read as 24 hours) on stderr.
pub fn warn_all(warnings: &[impl Localize], lang: Lang) {
    let t = i18n::texts(lang);
    for w in warnings {
        eprintln!("voer: {}: {}", t.warning, printable(&w.render(lang)));
    }
}

/// Prints the library's load warnings on stderr.
pub fn warn_broken(lib: &Library, lang: Lang) {
    let t = i18n::texts(lang);
    for w in &lib.warnings {
        eprintln!("voer: {}: {}", t.warning, printable(&w.render(lang)));
    }
}
