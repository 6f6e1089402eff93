//! The error a user meets on the command line or before the screen opens: one value for
//! every layer's error, worded in the user's language where main prints it. Below the
//! commands and the terminal loop, so that both take it from here.
use std::{io, path::PathBuf};

use crate::{
    actions::folder::ActionError,
    cli,
    config::ConfigError,
    episode::{Audience, LoadError},
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
    printable::shell_word,
    session::{
        find::FindError,
        store::{CreateError, DeleteError, LockError, StoreError},
    },
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
    /// The config file cannot be used.
    Config(ConfigError),
    /// The prompts folder cannot be read.
    Episodes(#[from] LoadError),
    Store(#[from] StoreError),
    Lock(#[from] LockError),
    Export(#[from] crate::export::ExportError),
    Actions(#[from] ActionError),
    /// A session named, or asked for with `--last` or `--group`, that is not there.
    Find(#[from] FindError),
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
        /// Where a rescue copy of the notes was written instead, or why it could not be
        /// (`None`: there is no rescue folder, as without a home folder).
        rescued: Option<Result<PathBuf, Box<StoreError>>>,
    },
    /// A word where the episode goes that looks like a mistyped command.
    Cli(cli::CliError),
    /// `voer run` or `voer resume` (the command) with its output going to a file or a pipe:
    /// the screen would be drawn into it, the meeting run blind.
    NotATerminal {
        command: &'static str,
    },
    /// `--output` of `voer show` (`handout`: of `voer handout`) names a kind of file it does
    /// not write.
    PaperExtension {
        path: PathBuf,
        handout: bool,
    },
    /// `voer run --video PATH` names a file that is not there (the system's reason), or a
    /// folder (`None`).
    VideoFile {
        path: PathBuf,
        #[source]
        source: Option<io::Error>,
    },
    /// A session that `voer delete` cannot delete (open in a run, unreadable, …).
    Delete(#[from] DeleteError),
    /// `voer delete --expired` without a retention period; `config` is where it is set.
    NoRetention {
        config: Option<PathBuf>,
    },
    /// `voer delete` without `--yes` and without an answer to its question.
    NeedsYes,
    /// `--questions-from GROUP` names a group the sessions folder `dir` has no session of.
    NoSuchGroup {
        group: String,
        dir: PathBuf,
    },
    /// `voer actions done ID` names a question for the organisation: it gets an answer.
    DoneOnQuestion {
        id: String,
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
            UserError::Cli(e) => cli::render_error(e, t),
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
            UserError::Config(e) => fill(t.config_broken, [&e.render(lang)]),
            UserError::Episodes(e) => e.render(lang),
            UserError::Store(e) => e.render(lang),
            UserError::Lock(e) => e.render(lang),
            UserError::Export(e) => e.render(lang),
            UserError::Actions(e) => e.render(lang),
            UserError::Find(e) => e.render(lang),
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
                    Some(Ok(r)) => format!(
                        "{not_saved}\n{}",
                        fill(t.rescued_to, [&r.display(), &shell_word(r)])
                    ),
                    Some(Err(e)) => {
                        format!("{not_saved}\n{}", fill(t.rescue_failed, [&e.render(lang)]))
                    }
                    None => not_saved,
                }
            }
            UserError::NotATerminal { command } => fill(t.needs_terminal, [command]),
            UserError::PaperExtension { path, handout } => fill(
                if *handout {
                    t.paper.handout_extension
                } else {
                    t.paper.plan_extension
                },
                [&path.display()],
            ),
            UserError::VideoFile { path, source } => match source {
                Some(e) => fill(
                    t.paper.video_missing,
                    [&path.display(), &os_reason(e, lang)],
                ),
                None => fill(t.paper.video_not_a_file, [&path.display()]),
            },
            UserError::Delete(e) => e.render(lang),
            UserError::NoRetention { config } => {
                let shown = config.as_ref().map(|c| c.display().to_string());
                let shown = shown.unwrap_or_else(|| t.privacy.no_config_file.to_string());
                fill(t.privacy.delete_no_retention, [&shown])
            }
            UserError::NeedsYes => t.privacy.delete_needs_yes.to_string(),
            UserError::NoSuchGroup { group, dir } => {
                fill(t.series.no_such_group, [group, &dir.display()])
            }
            UserError::DoneOnQuestion { id } => fill(t.series.no_done_for_question, [id]),
            UserError::Terminal(e) => fill(t.terminal_failed, [&os_reason(e, lang)]),
            UserError::Draw(e) => fill(t.draw_failed, [&os_reason(e, lang)]),
        }
    }
}

i18n::english_display!(UserError);

impl From<CreateError> for UserError {
    fn from(e: CreateError) -> UserError {
        match e {
            CreateError::Store(e) => UserError::Store(e),
            CreateError::Lock(e) => UserError::Lock(e),
        }
    }
}
