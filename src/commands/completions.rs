//! `voer completions SHELL`: the completion script for a shell, with the help in the
//! user's language.
use std::process::ExitCode;

use super::Context;
use crate::{cli, error::UserError};

pub fn exec(cx: &Context, shell: clap_complete::Shell) -> Result<ExitCode, UserError> {
    clap_complete::generate(
        shell,
        &mut cli::command(cx.t),
        "voer",
        &mut std::io::stdout(),
    );
    Ok(ExitCode::SUCCESS)
}
