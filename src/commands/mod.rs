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

use std::io;

use unicode_truncate::{Alignment, UnicodeTruncateStr};
use unicode_width::UnicodeWidthStr;

use crate::error::UserError;
use crate::{
    episode::{Audience, Episode, Library},
    i18n::{self, Localize},
    lang::Lang,
    printable::{one_line, printable},
};

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
