use std::{io::Write, process::ExitCode};

use clap::{CommandFactory, Parser};
use voer::{
    cli::{Cli, Command, RunArgs},
    commands::{self, UserError},
    episode::{Audience, Library},
    i18n::{self, Texts, fill},
    lang::Lang,
    tui,
};

fn main() -> ExitCode {
    let cli = Cli::parse_from(voer::cli::with_default_command(
        std::env::args_os().collect(),
    ));
    let lang = cli.global.lang.unwrap_or_else(Lang::from_env);
    let t = i18n::texts(lang);
    match dispatch(cli, lang, t) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("voer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print(s: &str) -> Result<(), UserError> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`voer list | head`) is not an error worth reporting.
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
    Ok(())
}

fn load_library(cli: &Cli, t: &Texts) -> Result<Library, UserError> {
    let lib = Library::load(cli.global.prompts.as_deref()).map_err(|e| UserError(e.to_string()))?;
    commands::warn_broken(&lib, t);
    Ok(lib)
}

fn dispatch(cli: Cli, lang: Lang, t: &'static Texts) -> Result<ExitCode, UserError> {
    match &cli.command {
        None => run(&cli, &RunArgs::default(), lang, t),
        Some(Command::Run(args)) => run(&cli, args, lang, t),
        Some(Command::Resume {
            session_file,
            projector,
        }) => {
            let lang_given = cli.global.lang;
            let saved = tui::resume(tui::ResumeOptions {
                file: session_file.clone(),
                prompts: cli.global.prompts.clone(),
                sessions_dir: cli.global.sessions.clone(),
                lang: lang_given,
                projector: *projector,
                fallback_lang: lang,
            })?;
            say_where(saved, t);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Room {
            session_file,
            projector,
        }) => {
            commands::room::run(commands::room::RoomOptions {
                file: session_file.clone(),
                sessions_dir: cli.global.sessions.clone(),
                lang: cli.global.lang.unwrap_or(lang),
                projector: *projector,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List) => {
            let lib = load_library(&cli, t)?;
            print(&commands::list::render(&lib, lang, t))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Show { episode, audience }) => {
            let lib = load_library(&cli, t)?;
            let ep = commands::find_episode(&lib, episode, t)?;
            let audiences = match audience {
                Some(a) => {
                    let a = commands::parse_audience(a, t)?;
                    commands::check_audience(ep, a, t)?;
                    vec![a]
                }
                None => ep.audiences(),
            };
            print(&commands::show::render(ep, &audiences, lang, t))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Validate { paths }) => {
            let (errors, checked) = commands::validate::check(paths, cli.global.prompts.as_ref());
            for e in &errors {
                eprintln!("{e}");
            }
            if errors.is_empty() {
                print(&format!("{}\n", fill(t.validate_ok, &[&checked])))?;
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("{}", fill(t.validate_bad, &[&errors.len()]));
                Ok(ExitCode::FAILURE)
            }
        }
        Some(Command::Sessions) => {
            print(&commands::sessions::render(&cli.global.sessions, t)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export(args)) => {
            commands::export::run(args, cli.global.lang, t)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "voer", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run(cli: &Cli, args: &RunArgs, lang: Lang, t: &'static Texts) -> Result<ExitCode, UserError> {
    let lib = load_library(cli, t)?;
    let episode = match &args.episode {
        Some(key) => Some(commands::find_episode(&lib, key, t)?.clone()),
        None => None,
    };
    let audience: Option<Audience> = match &args.audience {
        Some(a) => Some(commands::parse_audience(a, t)?),
        None => None,
    };
    if let (Some(ep), Some(a)) = (&episode, audience) {
        commands::check_audience(ep, a, t)?;
    }
    let saved = tui::run(tui::RunOptions {
        library: lib,
        episode,
        audience,
        group: args.group.clone(),
        facilitator: args.facilitator.clone().unwrap_or_default(),
        sessions_dir: cli.global.sessions.clone(),
        lang,
        projector: args.projector,
    })?;
    say_where(saved, t);
    Ok(ExitCode::SUCCESS)
}

/// After the screen closes: where the notes are, and how to go on.
fn say_where(saved: Option<std::path::PathBuf>, t: &Texts) {
    if let Some(path) = saved {
        let _ = print(&format!("{}\n", fill(t.saved_at_exit, &[&path.display()])));
    }
}
