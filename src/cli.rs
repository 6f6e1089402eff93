//! The command line (the contract in PRODUCT.md).
use std::{ffi::OsString, path::PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::{
    export,
    i18n::{Texts, fill},
    lang::Lang,
    session::find::Choice,
};

#[derive(Debug, Parser)]
#[command(
    name = "voer",
    version = env!("VOER_VERSION"),
    about = "Voer (voor) inspiratiegesprekken: step a group through an episode of \
             'Radicale vernieuwing zorg': the quote, timed prompts, the group's notes."
)]
pub struct Cli {
    /// Without a command the arguments are those of `run`: `voer 4 --audience bestuur`.
    #[command(flatten)]
    pub run: RunArgs,

    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Folder with extra episode files (*.toml); they add to or override the built-in ones by id.
    #[arg(long, global = true, value_name = "DIR")]
    pub prompts: Option<PathBuf>,

    /// Folder where session files are kept (default: from the config file, else the
    /// platform's local data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub sessions: Option<PathBuf>,

    /// Language of the program: nl or en (default: from the config file, else the system).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args, Clone, Default, PartialEq)]
pub struct RunArgs {
    /// Episode number or id, or several in one meeting: `1,4` (asked on screen when missing).
    #[arg(value_name = "EPISODE[,EPISODE…]")]
    pub episode: Option<String>,

    /// Audience: client-council (cliëntenraad), board (bestuur), team, classroom (klas),
    /// relatives (naasten), citizens (buurt), oversight (toezicht).
    #[arg(long, short)]
    pub audience: Option<String>,

    /// Name of the group, e.g. "Cliëntenraad De Linde".
    #[arg(long, short)]
    pub group: Option<String>,

    /// Name of the facilitator.
    #[arg(long, short)]
    pub facilitator: Option<String>,

    /// High-contrast theme for a projector.
    #[arg(long)]
    pub projector: bool,

    /// First names or initials of the participants, for speaking rounds: "Anna,Bert,Cor".
    #[arg(long, value_name = "NAMES")]
    pub participants: Option<String>,

    /// When the meeting must end (HH:MM): the steps to come are shortened to fit.
    #[arg(long, value_name = "HH:MM")]
    pub until: Option<String>,

    /// A copy of the video on this computer, for this meeting: F5 on the video step plays it.
    #[arg(long, value_name = "PATH")]
    pub video: Option<PathBuf>,

    /// A board's meeting that answers a client council's questions to the organisation: they
    /// are on the opening, and each answer is saved in the council's own session file.
    #[arg(long, value_name = "GROUP")]
    pub questions_from: Option<String>,
}

impl RunArgs {
    /// `--until` as a time of day (checked by `parse`).
    pub fn until_time(&self) -> Option<chrono::NaiveTime> {
        self.until.as_deref().and_then(parse_hhmm)
    }
}

/// `17:30` (or `9:05`) as a time of day.
pub fn parse_hhmm(text: &str) -> Option<chrono::NaiveTime> {
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Hold a conversation: opening, quote, timed prompts, closing (the default).
    Run(RunArgs),
    /// Continue a session where it stopped (default: the newest unfinished one).
    Resume {
        /// A session: a path, or a name as `voer sessions` shows it.
        session_file: Option<PathBuf>,
        /// High-contrast theme for a projector.
        #[arg(long)]
        projector: bool,
    },
    /// The room screen for the projector, in a second terminal: follows the session a running
    /// voer holds (or the file named), read-only.
    #[command(visible_alias = "zaal")]
    Room {
        /// A session to follow: a path, or a name as `voer sessions` shows it (default: the
        /// one a running voer has open).
        session_file: Option<PathBuf>,
        /// High-contrast theme for a projector.
        #[arg(long)]
        projector: bool,
    },
    /// List the episodes: number, id, title, speaker, minutes per audience.
    List,
    /// Print the plan of an episode: quote, prompts with minutes and tips.
    Show {
        /// Episode number or id.
        episode: String,
        /// Only this audience (default: all seven).
        #[arg(long, short)]
        audience: Option<String>,
        /// Write the plan to this file (.html to print, .docx, .md or .txt).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The participants' sheet: the quote and the questions in large print, to hand out.
    Handout {
        /// Episode number or id.
        episode: String,
        /// The audience whose questions are on it.
        #[arg(long, short)]
        audience: String,
        /// Write the handout to this file (.html to print, .docx); without it, Markdown is
        /// printed.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check episode files (default: the built-in episodes and the --prompts folder).
    Validate {
        /// Episode files or folders.
        paths: Vec<PathBuf>,
    },
    /// List the saved sessions, newest first.
    Sessions,
    /// The actions of every session, per group, earliest date first.
    Actions(ActionsArgs),
    /// Export session notes as a report.
    Export(ExportArgs),
    /// Delete sessions and what voer wrote for them (lock, presence, rescue copies, reports).
    Delete(DeleteArgs),
    /// What voer stores where, for a privacy officer.
    Privacy,
    /// Show where the config file is and which settings are in effect.
    Config,
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

impl Command {
    fn run_args(&self) -> Option<&RunArgs> {
        match self {
            Command::Run(a) => Some(a),
            _ => None,
        }
    }
}

#[derive(Debug, Args, Clone, Default, PartialEq)]
pub struct ActionsArgs {
    #[command(subcommand)]
    pub command: Option<ActionsCommand>,

    /// Only the actions of this group.
    #[arg(long, short)]
    pub group: Option<String>,

    /// Only the actions still open.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Subcommand, Clone, PartialEq)]
pub enum ActionsCommand {
    /// Mark an action done (in the session file that holds it).
    Done {
        /// The action's id, as `voer actions` shows it.
        id: String,
    },
}

/// Which sessions a command is about: `FILE...`, `--last` or `--group G` (one of them).
/// Flattened into the commands that take sessions; [`SessionArgs::choice`] gives what the
/// finder in `session::find` resolves.
#[derive(Debug, Args, Clone, Default, PartialEq)]
pub struct SessionArgs {
    /// Session files: a path, or a name as `voer sessions` shows it (with or without .toml).
    #[arg(value_name = "FILE", conflicts_with_all = ["last", "group"])]
    pub files: Vec<PathBuf>,

    /// The newest session, finished or not (never the example).
    #[arg(long, conflicts_with = "group")]
    pub last: bool,

    /// Every session of this group, however its name is spelled.
    #[arg(long, short, value_name = "GROUP")]
    pub group: Option<String>,
}

impl SessionArgs {
    /// What was asked for; `None` when nothing was.
    pub fn choice(&self) -> Option<Choice> {
        Choice::from_args(&self.files, self.last, self.group.as_deref())
    }
}

#[derive(Debug, Args, Clone)]
pub struct ExportArgs {
    /// One or more sessions; several make one report.
    #[command(flatten)]
    pub sessions: SessionArgs,

    /// Output format (default: from the --output extension, else md).
    #[arg(long, value_enum)]
    pub format: Option<export::Format>,

    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,

    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,

    /// Skip session files that cannot be read, and export the others.
    #[arg(long)]
    pub skip_bad: bool,

    /// Field separator for csv (default: ';' for a Dutch report, as Dutch spreadsheets
    /// expect, ',' for an English one).
    #[arg(long, value_name = "CHAR")]
    pub csv_delimiter: Option<char>,

    /// Replace the participants, the facilitator and the owners of actions by "Participant 1"
    /// …, also in the notes; leave out the facilitator line.
    #[arg(long)]
    pub anonymous: bool,

    /// Include the facilitator's private notes, marked as such.
    #[arg(long)]
    pub with_private: bool,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteArgs {
    /// The sessions to delete, named as for export.
    #[command(flatten)]
    pub sessions: SessionArgs,

    /// Every session older than the retention period (`retention_months` in the config file).
    #[arg(long, conflicts_with_all = ["files", "last", "group"])]
    pub expired: bool,

    /// Delete without asking (for scripts).
    #[arg(long, short)]
    pub yes: bool,
}

/// The parser with its help in the user's language: the texts come from i18n, the doc comments
/// above are only the English source of truth for readers of the code.
pub fn command(t: &Texts) -> clap::Command {
    let mut cmd = Cli::command();
    // Built first, so the generated --help, --version and `help` exist and can be translated.
    cmd.build();
    localize(cmd, "voer", t)
        .after_help(t.cli_after_help)
        .override_usage(
            "voer [run] [EPISODE[,EPISODE…]] [--audience A] [--group NAME] [--facilitator NAME] [--projector]\n       \
             voer <COMMAND> …",
        )
}

fn localize(mut cmd: clap::Command, key: &str, t: &Texts) -> clap::Command {
    if let Some(about) = help_text(t, key) {
        cmd = cmd.about(about);
    }
    cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            t.cli_usage
        ))
        .subcommand_help_heading(t.cli_commands);
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help =
            help_text(t, &format!("{key}.{id}")).or_else(|| help_text(t, &format!("*.{id}")));
        let heading = if positional {
            t.cli_arguments
        } else {
            t.cli_options
        };
        cmd = cmd.mut_arg(id, |a| {
            // clap words the list of values in English; the help texts name them.
            let a = a.help_heading(heading).hide_possible_values(true);
            match help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &name, t));
    }
    cmd
}

fn help_text(t: &Texts, key: &str) -> Option<&'static str> {
    t.cli_help.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// `--lang` as it stands on the command line, read before parsing so that help and errors
/// from the parser itself are in that language.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        let value = match arg.as_ref() {
            "--" => return None,
            "--lang" => iter.next().map(|v| v.into_owned()),
            a => match a.strip_prefix("--lang=") {
                Some(v) => Some(v.to_string()),
                None => continue,
            },
        };
        return value.and_then(|v| Lang::from_str(&v, true).ok());
    }
    None
}

/// What can go wrong on the command line before anything runs.
#[derive(Debug)]
pub enum CliError {
    /// The parser's own error, or its help and version text.
    Clap(clap::Error),
    /// A run option given to another command: `voer -a team list`.
    RunOptionWithCommand {
        option: &'static str,
        command: String,
    },
    /// A word in the place of an episode that looks like a mistyped command: `voer rn 4`.
    MistypedCommand { typed: String, command: String },
    /// `voer -g G export --last`: a group before the command, and another choice after it.
    GroupAndChoice { command: String },
    /// `--until` that is not a time of day.
    BadUntil { typed: String },
}

/// Parses the command line; `voer [run] …` without a command is `run`.
pub fn parse(args: Vec<OsString>, t: &Texts) -> Result<Cli, CliError> {
    let matches = match command(t).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            if e.use_stderr() {
                // `voer rn 4`: "rn" took the place of the episode and "4" is left over.
                let partial = command(t).ignore_errors(true).try_get_matches_from(&args);
                if let Some(typed) = partial
                    .ok()
                    .and_then(|m| m.get_one::<String>("episode").cloned())
                    && let Some(command) = command_like(&typed)
                {
                    return Err(CliError::MistypedCommand { typed, command });
                }
            }
            return Err(CliError::Clap(e));
        }
    };
    let mut cli = Cli::from_arg_matches(&matches).map_err(CliError::Clap)?;
    for run in [
        Some(&cli.run),
        cli.command.as_ref().and_then(Command::run_args),
    ]
    .into_iter()
    .flatten()
    {
        if let Some(typed) = &run.until
            && parse_hhmm(typed).is_none()
        {
            return Err(CliError::BadUntil {
                typed: typed.clone(),
            });
        }
    }
    let Some(name) = matches.subcommand_name() else {
        return Ok(cli);
    };
    if let Some(Command::Run(args)) = &mut cli.command {
        // `voer -a team run 4` is as clear as `voer run 4 -a team`.
        let top = std::mem::take(&mut cli.run);
        args.episode = args.episode.take().or(top.episode);
        args.audience = args.audience.take().or(top.audience);
        args.group = args.group.take().or(top.group);
        args.facilitator = args.facilitator.take().or(top.facilitator);
        args.projector |= top.projector;
        args.participants = args.participants.take().or(top.participants);
        args.until = args.until.take().or(top.until);
        args.video = args.video.take().or(top.video);
        args.questions_from = args.questions_from.take().or(top.questions_from);
        return Ok(cli);
    }
    if let Some(Command::Actions(args)) = &mut cli.command
        && args.group.is_none()
    {
        // `voer -g "De Linde" actions` asks for that group's actions.
        args.group = cli.run.group.take();
    }
    // `voer -g "De Linde" export` (or `delete`) asks for that group's sessions, likewise; with
    // `--last` or a name as well, it is not clear which was meant.
    let sessions = match &mut cli.command {
        Some(Command::Export(args)) => Some((&mut args.sessions, false)),
        Some(Command::Delete(args)) => Some((&mut args.sessions, args.expired)),
        _ => None,
    };
    if let Some((sessions, expired)) = sessions
        && cli.run.group.is_some()
    {
        if sessions.choice().is_some() || expired {
            return Err(CliError::GroupAndChoice {
                command: name.to_string(),
            });
        }
        sessions.group = cli.run.group.take();
    }
    let given = [
        ("--audience", cli.run.audience.is_some()),
        ("--group", cli.run.group.is_some()),
        ("--facilitator", cli.run.facilitator.is_some()),
        ("--projector", cli.run.projector),
        ("--participants", cli.run.participants.is_some()),
        ("--until", cli.run.until.is_some()),
        ("--video", cli.run.video.is_some()),
        ("--questions-from", cli.run.questions_from.is_some()),
    ];
    if let Some((option, _)) = given.into_iter().find(|(_, g)| *g) {
        return Err(CliError::RunOptionWithCommand {
            option,
            command: name.to_string(),
        });
    }
    Ok(cli)
}

/// The command a mistyped word is close to (`expotr` → `export`), if any. Numbers are episodes.
pub fn command_like(word: &str) -> Option<String> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let word = word.to_lowercase();
    Cli::command()
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_visible_aliases()))
        .map(|name| (strsim::damerau_levenshtein(&word, name), name.to_string()))
        .filter(|(d, _)| *d <= 2 && *d < word.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// The message for a command-line error, in the user's language (clap's own are English).
/// Help and version text are returned as clap made them (already translated).
pub fn render_error(e: &CliError, t: &Texts) -> String {
    match e {
        CliError::RunOptionWithCommand { option, command } => format!(
            "{}\n{}",
            fill(t.cli_run_option_elsewhere, [option, command]),
            fill(t.cli_more_info, [&format!("voer {command} --help")])
        ),
        CliError::MistypedCommand { typed, command } => {
            fill(t.cli_mistyped_command, [typed, command])
        }
        CliError::GroupAndChoice { command } => format!(
            "{}\n{}",
            fill(t.cli_group_and_choice, [command]),
            fill(t.cli_more_info, [&format!("voer {command} --help")])
        ),
        CliError::BadUntil { typed } => fill(t.cli_bad_until, [typed]),
        CliError::Clap(e) => render_clap_error(e, t),
    }
}

fn render_clap_error(e: &clap::Error, t: &Texts) -> String {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    if !e.use_stderr() {
        return e.to_string();
    }
    let get = |k| match e.get(k) {
        Some(V::String(s)) => s.clone(),
        Some(V::Strings(v)) => v.join(", "),
        Some(V::StyledStr(s)) => s.to_string(),
        Some(V::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = get(K::InvalidArg);
    let mut msg = match e.kind() {
        ErrorKind::UnknownArgument => fill(t.cli_err_unknown_argument, [&arg]),
        ErrorKind::InvalidSubcommand => {
            fill(t.cli_err_unknown_argument, [&get(K::InvalidSubcommand)])
        }
        ErrorKind::InvalidValue if get(K::InvalidValue).is_empty() => {
            fill(t.cli_err_missing_value, [&arg])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut m = fill(t.cli_err_invalid_value, [&get(K::InvalidValue), &arg]);
            let valid = get(K::ValidValue);
            if !valid.is_empty() {
                m.push_str("; ");
                m.push_str(&fill(t.cli_err_possible_values, [&valid]));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => fill(t.cli_err_missing, [&arg]),
        ErrorKind::ArgumentConflict => fill(t.cli_err_conflict, [&arg, &get(K::PriorArg)]),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues => fill(t.cli_err_values, [&arg]),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t.cli_err_missing_command.to_string()
        }
        ErrorKind::InvalidUtf8 => t.cli_err_utf8.to_string(),
        _ => e.kind().to_string(),
    };
    let suggested = [K::SuggestedSubcommand, K::SuggestedArg, K::SuggestedValue]
        .into_iter()
        .map(get)
        .find(|s| !s.is_empty());
    if let Some(s) = suggested {
        msg.push_str("; ");
        msg.push_str(&fill(t.cli_err_did_you_mean, [&s]));
    }
    // The usage line names the command: "Usage: voer show [OPTIONS] <EPISODE>".
    let usage = get(K::Usage);
    let usage = usage.trim();
    let usage = usage.split_once(": ").map_or(usage, |(_, u)| u);
    let command: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    let command = if command.is_empty() {
        "voer".to_string()
    } else {
        command.join(" ")
    };
    format!(
        "{msg}\n{}",
        fill(t.cli_more_info, [&format!("{command} --help")])
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, NL};

    /// Every command and argument has its help in both languages, so `--help` never falls
    /// back to the English doc comments in a Dutch screen.
    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        fn walk(cmd: &clap::Command, key: &str, missing: &mut Vec<String>) {
            for t in [&NL, &EN] {
                if help_text(t, key).is_none() {
                    missing.push(key.to_string());
                }
                for a in cmd.get_arguments() {
                    let id = a.get_id().as_str();
                    if help_text(t, &format!("{key}.{id}")).is_none()
                        && help_text(t, &format!("*.{id}")).is_none()
                    {
                        missing.push(format!("{key}.{id}"));
                    }
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, sub.get_name(), missing);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "voer", &mut missing);
        assert!(missing.is_empty(), "no help text for {missing:?}");
    }

    #[test]
    fn lang_is_read_before_parsing() {
        let args = |a: &[&str]| -> Vec<OsString> {
            std::iter::once("voer")
                .chain(a.iter().copied())
                .map(OsString::from)
                .collect()
        };
        assert_eq!(
            lang_in_args(&args(&["--lang", "en", "list"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["list", "--lang=nl"])), Some(Lang::Nl));
        assert_eq!(lang_in_args(&args(&["--", "--lang", "en"])), None);
        assert_eq!(lang_in_args(&args(&["--lang", "de"])), None);
    }

    #[test]
    fn mistyped_commands_are_recognised_and_episodes_are_not() {
        assert_eq!(command_like("expotr").as_deref(), Some("export"));
        assert_eq!(command_like("rn").as_deref(), Some("run"));
        assert_eq!(command_like("zal").as_deref(), Some("zaal"));
        assert_eq!(command_like("Resmue").as_deref(), Some("resume"));
        assert_eq!(command_like("4"), None);
        assert_eq!(command_like("jef-mol"), None);
        assert_eq!(command_like("x"), None);
    }
}
