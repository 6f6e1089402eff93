//! The command line (the contract in PRODUCT.md).
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "voer",
    version,
    about = "Voer (voor) inspiratiegesprekken: step a group through an episode of \
             'Radicale vernieuwing zorg': the quote, timed prompts, the group's notes.",
    after_help = "Without a command, voer runs a conversation: `voer 4 --audience bestuur` is \
                  `voer run 4 --audience bestuur`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Subcommand names; anything else in first place is an episode for `run`.
const COMMANDS: &[&str] = &[
    "run",
    "resume",
    "room",
    "zaal",
    "list",
    "show",
    "validate",
    "sessions",
    "export",
    "completions",
    "help",
];
/// Options that take a separate value, so the value is not mistaken for a command.
const TAKES_VALUE: &[&str] = &[
    "--prompts",
    "--sessions",
    "--lang",
    "--audience",
    "-a",
    "--group",
    "-g",
    "--facilitator",
    "-f",
];

/// `voer [run] …`: inserts `run` when the command line names no command, so that
/// `voer 4 --audience team` and `voer --lang en` run a conversation, while global options may
/// still stand before a command (`voer --lang en list`).
pub fn with_default_command(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut i = 1;
    while let Some(arg) = args.get(i).map(|a| a.to_string_lossy().into_owned()) {
        if arg == "--" {
            break;
        }
        if ["-h", "--help", "-V", "--version"].contains(&arg.as_str()) {
            return args;
        }
        if arg.starts_with('-') {
            i += if TAKES_VALUE.contains(&arg.as_str()) {
                2
            } else {
                1
            };
            continue;
        }
        if COMMANDS.contains(&arg.as_str()) {
            return args;
        }
        break;
    }
    args.insert(1.min(args.len()), "run".into());
    args
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Folder with extra episode files (*.toml); they add to or override the built-in ones by id.
    #[arg(long, global = true, value_name = "DIR")]
    pub prompts: Option<PathBuf>,

    /// Folder where session files are kept.
    #[arg(long, global = true, value_name = "DIR", default_value = "sessions")]
    pub sessions: PathBuf,

    /// Language of the program: nl or en (default: from LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct RunArgs {
    /// Episode number or id (asked on screen when missing).
    #[arg(value_name = "EPISODE")]
    pub episode: Option<String>,

    /// Audience: client-council (cliëntenraad), board (bestuur), team, classroom (klas).
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
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Hold a conversation: opening, quote, timed prompts, closing (the default).
    Run(RunArgs),
    /// Continue a session where it stopped (default: the newest unfinished one).
    Resume {
        /// A session file.
        session_file: Option<PathBuf>,
        /// High-contrast theme for a projector.
        #[arg(long)]
        projector: bool,
    },
    /// The room screen for the projector, in a second terminal: follows the session a running
    /// voer holds (or the file named), read-only.
    #[command(visible_alias = "zaal")]
    Room {
        /// A session file to follow (default: the one a running voer has open).
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
        /// Only this audience (default: all four).
        #[arg(long, short)]
        audience: Option<String>,
    },
    /// Check episode files (default: the built-in episodes and the --prompts folder).
    Validate {
        /// Episode files or folders.
        paths: Vec<PathBuf>,
    },
    /// List the saved sessions, newest first.
    Sessions,
    /// Export session notes as a report.
    Export(ExportArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args, Clone)]
pub struct ExportArgs {
    /// One or more session files; several make one report.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format (default: from the --output extension, else md).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Html,
    Txt,
    Json,
    Csv,
    Docx,
}
