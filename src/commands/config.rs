//! `voer config`: where the config file is, and each setting in effect with where it came
//! from.
use std::{path::PathBuf, process::ExitCode};

use super::{print, table};
use crate::{
    cli::GlobalArgs,
    config::{self, Config, ConfigError, ConfigTheme, Source},
    error::UserError,
    i18n::{Texts, fill},
};

/// Prints what `voer config` shows. A broken config file is named first, then its problem.
pub fn exec(
    global: &GlobalArgs,
    path: Option<PathBuf>,
    config: Result<Config, ConfigError>,
    t: &Texts,
) -> Result<ExitCode, UserError> {
    let mut out = String::new();
    match &path {
        Some(p) if p.exists() => out.push_str(&fill(t.config_file, [&p.display()])),
        Some(p) => out.push_str(&format!(
            "{} {}",
            fill(t.config_file, [&p.display()]),
            t.config_not_there
        )),
        None => out.push_str(t.config_no_folder),
    }
    out.push('\n');
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            // Where it is, then what is wrong with it.
            print(&out);
            return Err(UserError::Config(e));
        }
    };
    let source = |s: Source| {
        t.config_sources[match s {
            Source::CommandLine => 0,
            Source::ConfigFile => 1,
            Source::Environment => 2,
            Source::Default => 3,
        }]
    };
    let from_file = |set: bool| {
        if set {
            t.config_sources[1]
        } else {
            t.config_sources[3]
        }
    };
    let (lang, lang_from) = config::language(global.lang, &config);
    let (dir, dir_from) = config::sessions_dir(global.sessions.as_deref(), &config);
    let theme = match config.theme {
        Some(ConfigTheme::Projector) => "projector",
        _ => "default",
    };
    let participants = config.participants.as_ref().map(|p| p.join(", "));
    let rows = vec![
        vec![
            t.config_labels[0].to_string(),
            lang.code().to_string(),
            format!("({})", source(lang_from)),
        ],
        vec![
            t.config_labels[1].to_string(),
            dir.display().to_string(),
            format!("({})", source(dir_from)),
        ],
        vec![
            t.config_labels[2].to_string(),
            config
                .facilitator
                .clone()
                .unwrap_or_else(|| t.config_not_set.to_string()),
            format!("({})", from_file(config.facilitator.is_some())),
        ],
        vec![
            t.config_labels[3].to_string(),
            theme.to_string(),
            format!("({})", from_file(config.theme.is_some())),
        ],
        vec![
            t.config_labels[4].to_string(),
            participants.unwrap_or_else(|| t.config_not_set.to_string()),
            format!("({})", from_file(config.participants.is_some())),
        ],
        vec![
            t.config_labels[5].to_string(),
            config
                .retention_months
                .map_or_else(|| t.config_not_set.to_string(), |m| m.to_string()),
            format!("({})", from_file(config.retention_months.is_some())),
        ],
    ];
    out.push_str(t.config_in_effect);
    out.push('\n');
    for line in table(&rows).lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    print(&out);
    Ok(ExitCode::SUCCESS)
}
