//! `voer show`: the facilitator's plan of an episode for one or all audiences, printed, or
//! written to a file for paper (`--output plan.html|.docx|.md|.txt`).
use std::{path::Path, process::ExitCode};

use super::{Context, check_audience, find_episode, parse_audience, print, write_document};
use crate::{
    error::UserError,
    export::{self, Look, Paper, plan},
};

/// `voer show EPISODE [--audience A] [--output FILE] [--force]`.
pub fn exec(
    cx: &Context,
    episode: &str,
    audience: Option<&str>,
    output: Option<&Path>,
    force: bool,
) -> Result<ExitCode, UserError> {
    // A name voer cannot write is told before anything else is looked at.
    let format = output.map(format_for).transpose()?;
    let lib = cx.library()?;
    let ep = find_episode(&lib, episode)?;
    let audiences = match audience {
        Some(a) => {
            let a = parse_audience(a)?;
            check_audience(ep, a)?;
            vec![a]
        }
        None => ep.audiences(),
    };
    let plan = plan::Plan::new(ep, &audiences, cx.lang);
    let (Some(out), Some(format)) = (output, format) else {
        print(&plan::text(&plan, cx.t));
        return Ok(ExitCode::SUCCESS);
    };
    let bytes = match format {
        // The text as it is printed.
        None => plan::text(&plan, cx.t).into_bytes(),
        Some(paper) => export::paper(
            &plan::outline(&plan, cx.t),
            paper,
            cx.lang,
            Look::Report,
            &super::document_time(),
        )
        .map_err(export::ExportError::from)?,
    };
    write_document(out, &bytes, force, cx.t.paper.plan_written)?;
    Ok(ExitCode::SUCCESS)
}

/// The format `--output` asks for: one of the paper formats, or `None` for `.txt`.
fn format_for(out: &Path) -> Result<Option<Paper>, UserError> {
    if export::format_for_path(out) == Some(export::Format::Txt) {
        return Ok(None);
    }
    Paper::for_path(out)
        .map(Some)
        .ok_or_else(|| UserError::PaperExtension {
            path: out.to_path_buf(),
            handout: false,
        })
}
