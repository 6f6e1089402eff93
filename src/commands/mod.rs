//! The subcommands that print and exit: list, show, validate, sessions, export, completions.
pub mod export;
pub mod list;
pub mod sessions;
pub mod show;
pub mod validate;

use unicode_truncate::{Alignment, UnicodeTruncateStr};
use unicode_width::UnicodeWidthStr;

use crate::{
    episode::{Audience, Episode, Library},
    i18n::{Texts, fill},
};

/// An error for the user, already worded; main prints it and exits with status 1.
#[derive(Debug)]
pub struct UserError(pub String);

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

pub fn find_episode<'a>(lib: &'a Library, key: &str, t: &Texts) -> Result<&'a Episode, UserError> {
    lib.find(key)
        .ok_or_else(|| UserError(fill(t.unknown_episode, &[&key, &lib.valid_list()])))
}

pub fn parse_audience(s: &str, t: &Texts) -> Result<Audience, UserError> {
    s.parse()
        .map_err(|_| UserError(fill(t.unknown_audience, &[&s, &Audience::valid_list()])))
}

/// Checks the episode has prompts for the audience.
pub fn check_audience(ep: &Episode, audience: Audience, t: &Texts) -> Result<(), UserError> {
    if ep.prompts_for(audience).next().is_some() {
        return Ok(());
    }
    let has: Vec<&str> = ep.audiences().iter().map(|a| a.id()).collect();
    Err(UserError(fill(
        t.no_prompts_for_audience,
        &[&ep.number, &audience.id(), &has.join(", ")],
    )))
}

/// Pads `s` with spaces to `width` terminal columns.
pub fn pad(s: &str, width: usize) -> String {
    s.unicode_pad(width, Alignment::Left, false).into_owned()
}

/// Renders rows as a table with columns separated by two spaces.
pub fn table(rows: &[Vec<String>]) -> String {
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
    for row in rows {
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

/// Prints the library's load warnings on stderr.
pub fn warn_broken(lib: &Library, t: &Texts) {
    for w in &lib.warnings {
        eprintln!("voer: {}: {w}", t.warning);
    }
}
