//! `voer export [FILE...|--last|--group G]`: finds the sessions (by name, see
//! `session::find`), reads them, makes one report, writes it to standard output or to
//! `--output` (owner-only, atomic, never over an existing file without --force).
use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use super::Context;
use crate::{
    cli::ExportArgs,
    error::UserError,
    export::{self, ExportError, Format, Options},
    i18n::{self, Localize, fill},
    lang::Lang,
    printable::printable,
    session::{
        Session,
        find::Choice,
        store::{self, StoreError},
    },
};

/// The report is in the language `--lang` gives, else in the first session's; the messages
/// are in the user's language.
pub fn exec(cx: &Context, args: &ExportArgs) -> Result<ExitCode, UserError> {
    let (lang, ui) = (cx.global.lang, cx.lang);
    let t = i18n::texts(ui);
    let format = choose_format(args)?;
    if format == Format::Docx && args.output.is_none() {
        return Err(ExportError::DocxNeedsOutput.into());
    }
    let finder = cx.finder();
    let choice = args
        .sessions
        .choice()
        .ok_or_else(|| finder.nothing_named("export"))?;
    let files = finder.resolve(&choice)?;
    if let Some(out) = &args.output {
        crate::platform::check_user_path(out).map_err(|e| StoreError::write(out, e))?;
        check_target(out, &files, args.force)?;
    }
    let sessions = load_all(&files, args.skip_bad, ui)?;
    say_which(&choice, &files, &sessions, ui);
    // Dutch spreadsheet settings split on ';' (the comma is the decimal separator there).
    let report_lang = lang.unwrap_or(sessions[0].session.language);
    let delimiter = match args.csv_delimiter {
        Some(c) => delimiter(c)?,
        None if report_lang == Lang::Nl => b';',
        None => b',',
    };
    let opts = Options {
        lang,
        csv_delimiter: delimiter,
        today: Some(chrono::Local::now().date_naive()),
        anonymous: args.anonymous,
        with_private: args.with_private,
    };
    let bytes = match format {
        Format::Letter => letter(&sessions, &opts, args.output.as_deref(), &files)?,
        format => export::render(format, &sessions, &opts).map_err(ExportError::from)?,
    };
    match &args.output {
        Some(out) => {
            store::write_atomic(out, &bytes).map_err(|e| StoreError::write(out, e))?;
            let written = match format {
                Format::Letter => t.series.letter_written_to,
                _ => t.exported_to,
            };
            eprintln!("{}", printable(&fill(written, [&out.display()])));
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`voer export … | head`) is not worth an error.
            let _ = stdout.write_all(&bytes);
            let _ = stdout.flush();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--format letter`: Markdown, or Word by the name of `--output` (`.docx`).
fn letter(
    sessions: &[Session],
    opts: &Options,
    output: Option<&Path>,
    files: &[PathBuf],
) -> Result<Vec<u8>, ExportError> {
    let paper = match output.map(export::format_for_path) {
        None | Some(Some(Format::Md)) => export::Paper::Md,
        Some(Some(Format::Docx)) => export::Paper::Docx,
        Some(_) => {
            return Err(ExportError::LetterExtension {
                path: output.map(Path::to_path_buf).unwrap_or_default(),
            });
        }
    };
    export::letter_of(sessions, opts, paper)?.ok_or_else(|| ExportError::NoQuestions {
        files: files
            .iter()
            .filter_map(|f| f.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect(),
    })
}

/// With `--last` or `--group`, which sessions were taken: the reader never saw their names.
fn say_which(choice: &Choice, files: &[PathBuf], sessions: &[Session], ui: Lang) {
    let t = i18n::texts(ui);
    let line = match choice {
        Choice::Names(_) => return,
        Choice::Last => {
            let name = files.first().and_then(|f| f.file_name());
            let name = name.map(|n| n.to_string_lossy()).unwrap_or_default();
            fill(t.export_took_last, [&name])
        }
        // Named as the newest of them names it, however it was typed.
        Choice::Group(typed) => {
            let group = sessions
                .last()
                .map_or(typed.as_str(), |s| s.session.group.trim());
            fill(t.export_took_group, [&group, &sessions.len()])
        }
    };
    eprintln!("{}", printable(&line));
}

/// `--format` wins; otherwise the extension of `--output`; otherwise Markdown.
fn choose_format(args: &ExportArgs) -> Result<Format, ExportError> {
    match (args.format, &args.output) {
        (Some(f), _) => Ok(f),
        (None, Some(out)) => export::format_for_path(out)
            .ok_or_else(|| ExportError::UnknownExtension { path: out.clone() }),
        (None, None) => Ok(Format::Md),
    }
}

/// The csv writer takes one byte; a quote or a line end would make the file unreadable.
fn delimiter(c: char) -> Result<u8, ExportError> {
    match u8::try_from(c) {
        Ok(b) if (b.is_ascii_punctuation() || b == b'\t' || b == b' ') && b != b'"' => Ok(b),
        _ => Err(ExportError::BadDelimiter(c)),
    }
}

/// Refuses an existing output without --force, and a session file (or another of voer's own
/// files) even with it: a report over a session file would lose the group's notes.
pub(super) fn check_target(out: &Path, inputs: &[PathBuf], force: bool) -> Result<(), ExportError> {
    let Ok(meta) = fs::metadata(out) else {
        return Ok(());
    };
    // A device, a pipe or a folder would be replaced by a regular file: never.
    if !meta.is_file() {
        return Err(ExportError::NotAFile {
            path: out.to_path_buf(),
        });
    }
    let same = |p: &PathBuf| match (fs::canonicalize(p), fs::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if inputs.iter().any(same) {
        return Err(ExportError::SameAsInput {
            path: out.to_path_buf(),
        });
    }
    if store::is_voers_own(out, crate::config::rescue_dir().as_deref()) {
        return Err(ExportError::VoersOwn {
            path: out.to_path_buf(),
        });
    }
    if !force {
        return Err(ExportError::Exists {
            path: out.to_path_buf(),
        });
    }
    Ok(())
}

/// Every readable session, in the order given. Each unreadable file is named with its problem;
/// without --skip-bad any of them stops the export.
fn load_all(files: &[PathBuf], skip_bad: bool, ui: Lang) -> Result<Vec<Session>, ExportError> {
    let t = i18n::texts(ui);
    let mut sessions = Vec::new();
    let mut bad = 0;
    for f in files {
        match store::load_checked(f) {
            Ok((s, warnings)) => {
                super::warn_all(&warnings, ui);
                sessions.push(s);
            }
            Err(e) if skip_bad => {
                let skipped = fill(t.export_skipped, [&e.render(ui)]);
                eprintln!("voer: {}: {}", t.warning, printable(&skipped));
            }
            Err(e) => {
                eprintln!("voer: {}", printable(&e.render(ui)));
                bad += 1;
            }
        }
    }
    if bad > 0 && files.len() > bad {
        return Err(ExportError::BadFiles(bad));
    }
    if bad > 0 {
        // Nothing else to export: the advice about --skip-bad would not help.
        return Err(ExportError::Unreadable(bad));
    }
    if sessions.is_empty() {
        return Err(ExportError::NothingLeft);
    }
    Ok(sessions)
}
