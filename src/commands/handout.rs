//! `voer handout`: the participants' sheet of an episode for one audience, in large print:
//! Markdown on standard output, or written to `--output F.html|F.docx` (or `.md`).
use std::{path::Path, process::ExitCode};

use super::{Context, check_audience, find_episode, parse_audience, print, write_document};
use crate::{
    error::UserError,
    export::{self, Look, Paper, handout},
};

/// `voer handout EPISODE --audience A [--output FILE] [--force]`, in the interface language.
pub fn exec(
    cx: &Context,
    episode: &str,
    audience: &str,
    output: Option<&Path>,
    force: bool,
) -> Result<ExitCode, UserError> {
    let format = match output {
        Some(out) => Paper::for_path(out).ok_or_else(|| UserError::PaperExtension {
            path: out.to_path_buf(),
            handout: true,
        })?,
        None => Paper::Md,
    };
    let lib = cx.library()?;
    let ep = find_episode(&lib, episode)?;
    let audience = parse_audience(audience)?;
    check_audience(ep, audience)?;
    let elements = handout::outline(ep, audience, cx.lang);
    let bytes = export::paper(
        &elements,
        format,
        cx.lang,
        Look::Handout,
        &super::document_time(),
    )
    .map_err(export::ExportError::from)?;
    match output {
        Some(out) => write_document(out, &bytes, force, cx.t.paper.handout_written)?,
        None => print(&String::from_utf8_lossy(&bytes)),
    }
    Ok(ExitCode::SUCCESS)
}
