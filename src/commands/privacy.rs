//! `voer privacy`: what voer stores and where on this computer, that it makes no network
//! connection, the file permissions, the retention period and how to delete, in the user's
//! language: the paragraph a privacy officer puts in the record of processing.
use std::process::ExitCode;

use super::{Context, print};
use crate::{error::UserError, i18n::fill};

pub fn exec(cx: &Context) -> Result<ExitCode, UserError> {
    print(&render(cx));
    Ok(ExitCode::SUCCESS)
}

/// The statement, with this computer's folders in full.
pub fn render(cx: &Context) -> String {
    let p = cx.t.privacy;
    let or_unknown = |path: Option<std::path::PathBuf>, none: &str| {
        path.map_or_else(|| none.to_string(), |p| p.display().to_string())
    };
    let rescue = or_unknown(crate::config::rescue_dir(), p.unknown_folder);
    let config = or_unknown(crate::config::path(), p.no_config_file);
    let retention = match cx.config.retention_months {
        Some(m) => fill(p.retention_months, [&m]),
        None => p.retention_none.to_string(),
    };
    fill(
        p.statement,
        [
            &cx.sessions_dir.display(),
            &rescue,
            &config,
            &retention,
            &crate::session::store::cache::FILE_NAME,
        ],
    )
}
