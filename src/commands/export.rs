//! `voer export FILE...`: reads the session files, makes one report, writes it to standard
//! output or to `--output` (owner-only, atomic, never over an existing file without --force).
use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use super::UserError;
use crate::{
    cli::ExportArgs,
    export::{self, Format, Options},
    i18n::{Texts, fill},
    lang::Lang,
    session::{Session, store},
};

/// `lang`: the `--lang` given on the command line, if any; `t`: the words for messages.
pub fn run(args: &ExportArgs, lang: Option<Lang>, t: &Texts) -> Result<(), UserError> {
    let format = choose_format(args, t)?;
    if format == Format::Docx && args.output.is_none() {
        return Err(UserError(t.export_docx_needs_output.to_string()));
    }
    if let Some(out) = &args.output {
        crate::platform::check_user_path(out, t).map_err(UserError)?;
        check_target(out, &args.files, args.force, t)?;
    }
    let sessions = load_all(&args.files, args.skip_bad, t)?;
    // Dutch spreadsheet settings split on ';' (the comma is the decimal separator there).
    let report_lang = lang.unwrap_or(sessions[0].session.language);
    let delimiter = match args.csv_delimiter {
        Some(c) => delimiter(c, t)?,
        None if report_lang == Lang::Nl => b';',
        None => b',',
    };
    let bytes = export::render(
        format,
        &sessions,
        &Options {
            lang,
            csv_delimiter: delimiter,
        },
    )
    .map_err(UserError)?;
    match &args.output {
        Some(out) => {
            store::write_atomic(out, &bytes)
                .map_err(|e| UserError(format!("{}: {e}", out.display())))?;
            eprintln!("{}", fill(t.exported_to, &[&out.display()]));
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`voer export … | head`) is not worth an error.
            let _ = stdout.write_all(&bytes);
            let _ = stdout.flush();
        }
    }
    Ok(())
}

/// `--format` wins; otherwise the extension of `--output`; otherwise Markdown.
fn choose_format(args: &ExportArgs, t: &Texts) -> Result<Format, UserError> {
    match (args.format, &args.output) {
        (Some(f), _) => Ok(f),
        (None, Some(out)) => export::format_for_path(out)
            .ok_or_else(|| UserError(fill(t.export_unknown_extension, &[&out.display()]))),
        (None, None) => Ok(Format::Md),
    }
}

/// The csv writer takes one byte; a quote or a line end would make the file unreadable.
fn delimiter(c: char, t: &Texts) -> Result<u8, UserError> {
    match u8::try_from(c) {
        Ok(b) if (b.is_ascii_punctuation() || b == b'\t' || b == b' ') && b != b'"' => Ok(b),
        _ => Err(UserError(fill(
            t.export_bad_delimiter,
            &[&c.escape_default()],
        ))),
    }
}

/// Refuses an existing output without --force, and a session file even with it: a report
/// over a session file would lose the group's notes.
fn check_target(out: &Path, inputs: &[PathBuf], force: bool, t: &Texts) -> Result<(), UserError> {
    if !out.exists() {
        return Ok(());
    }
    let same = |p: &PathBuf| match (fs::canonicalize(p), fs::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if inputs.iter().any(same) {
        return Err(UserError(fill(t.export_same_as_input, &[&out.display()])));
    }
    if !force {
        return Err(UserError(fill(t.export_exists, &[&out.display()])));
    }
    Ok(())
}

/// Every readable session, in the order given. Each unreadable file is named with its problem;
/// without --skip-bad any of them stops the export.
fn load_all(files: &[PathBuf], skip_bad: bool, t: &Texts) -> Result<Vec<Session>, UserError> {
    let mut sessions = Vec::new();
    let mut bad = 0;
    for f in files {
        match store::load(f) {
            Ok(s) => sessions.push(s),
            Err(e) if skip_bad => {
                eprintln!("voer: {}: {}", t.warning, fill(t.export_skipped, &[&e]));
            }
            Err(e) => {
                eprintln!("voer: {e}");
                bad += 1;
            }
        }
    }
    if bad > 0 && files.len() > bad {
        return Err(UserError(fill(t.export_bad_files, &[&bad])));
    }
    if bad > 0 {
        // Nothing else to export: the advice about --skip-bad would not help.
        return Err(UserError(fill(t.export_unreadable, &[&bad])));
    }
    if sessions.is_empty() {
        return Err(UserError(t.export_nothing_left.to_string()));
    }
    Ok(sessions)
}
