use std::{io::Write, path::PathBuf, process::ExitCode};

use voer::{
    cli::{self, Cli, CliError, Command, RunArgs},
    commands,
    config::{self, Config, ConfigTheme},
    episode::{Audience, Library},
    error::UserError,
    i18n::{self, Localize, Texts, fill},
    lang::Lang,
    printable::{printable, shell_word},
    session::{Status, store},
};

fn main() -> ExitCode {
    // Past the file size limit (`ulimit -f`) the system would kill voer with SIGXFSZ, the
    // notes unsaved and the terminal left raw. Ignored, the write fails with EFBIG instead,
    // and voer says the notes are not saved and offers to save them elsewhere.
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN, before any thread is started.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config_path = config::path();
    let config = config_path
        .as_deref()
        .map_or_else(|| Ok(Config::default()), config::load);
    let usable = config.clone().unwrap_or_default();
    // The language is known before parsing, so that help and parser errors speak it too.
    let (lang, _) = config::language(cli::lang_in_args(&args), &usable);
    let t = i18n::texts(lang);
    let cli = match cli::parse(args, t) {
        Ok(cli) => cli,
        Err(CliError::Clap(e)) if !e.use_stderr() => {
            // --help, --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("voer: {}", printable(&cli::render_error(&e, t)));
            return ExitCode::from(2);
        }
    };
    let (lang, _) = config::language(cli.global.lang, &usable);
    let t = i18n::texts(lang);
    let is_config = matches!(cli.command, Some(Command::Config));
    if let (Err(e), false) = (&config, is_config) {
        eprintln!("voer: {}", printable(&fill(t.config_broken, [e])));
        return ExitCode::FAILURE;
    }
    if is_config {
        return show_config(&cli, config_path, config, t);
    }
    match dispatch(cli, lang, usable, t) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("voer: {}", printable(&e.render(lang)));
            ExitCode::FAILURE
        }
    }
}

fn print(s: &str) -> Result<(), UserError> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`voer list | head`) is not an error worth reporting.
    let _ = out.write_all(printable(s).as_bytes());
    let _ = out.flush();
    Ok(())
}

fn load_library(cli: &Cli, lang: Lang) -> Result<Library, UserError> {
    let lib = Library::load(cli.global.prompts.as_deref())?;
    commands::warn_broken(&lib, lang);
    Ok(lib)
}

fn dispatch(
    cli: Cli,
    lang: Lang,
    config: Config,
    t: &'static Texts,
) -> Result<ExitCode, UserError> {
    let (sessions_dir, _) = config::sessions_dir(cli.global.sessions.as_deref(), &config);
    // A name Windows refuses (CON, `notes?`) is reported as such, not as a puzzling I/O error.
    voer::platform::check_user_path(&sessions_dir)
        .map_err(|e| voer::session::store::StoreError::unwritable(&sessions_dir, e))?;
    let projector_theme = config.theme == Some(ConfigTheme::Projector);
    match &cli.command {
        None => run(&cli, &cli.run, &config, &sessions_dir, lang, t),
        Some(Command::Run(args)) => run(&cli, args, &config, &sessions_dir, lang, t),
        Some(Command::Resume {
            session_file,
            projector,
        }) => {
            let lang_given = cli.global.lang;
            let saved = commands::resume::resume(commands::resume::ResumeOptions {
                file: session_file.clone(),
                prompts: cli.global.prompts.clone(),
                sessions_dir,
                lang: lang_given,
                projector: *projector || projector_theme,
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
                sessions_dir,
                lang,
                projector: *projector || projector_theme,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List) => {
            let lib = load_library(&cli, lang)?;
            print(&commands::list::render(&lib, lang, t))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Show { episode, audience }) => {
            let lib = load_library(&cli, lang)?;
            let ep = commands::find_episode(&lib, episode)?;
            let audiences = match audience {
                Some(a) => {
                    let a = commands::parse_audience(a)?;
                    commands::check_audience(ep, a)?;
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
                eprintln!("{}", printable(&e.render(lang)));
            }
            if errors.is_empty() {
                print(&format!("{}\n", fill(t.validate_ok, [&checked])))?;
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("{}", fill(t.validate_bad, [&errors.len()]));
                Ok(ExitCode::FAILURE)
            }
        }
        Some(Command::Sessions) => {
            print(&commands::sessions::render(
                &sessions_dir,
                config::rescue_dir().as_deref(),
                lang,
            )?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Actions(args)) => {
            let out = match &args.command {
                Some(cli::ActionsCommand::Done { id }) => {
                    format!("{}\n", commands::actions::done(&sessions_dir, id, lang)?)
                }
                None => commands::actions::render(
                    &sessions_dir,
                    args.group.as_deref(),
                    args.open,
                    chrono::Local::now().date_naive(),
                    lang,
                )?,
            };
            print(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export(args)) => {
            commands::export::run(args, cli.global.lang, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut cli::command(t), "voer", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config) => unreachable!("handled before dispatch"),
    }
}

/// `voer config`: where the file is, and each setting in effect with where it came from.
fn show_config(
    cli: &Cli,
    path: Option<PathBuf>,
    config: Result<Config, config::ConfigError>,
    t: &Texts,
) -> ExitCode {
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
            let _ = print(&out);
            eprintln!("voer: {}", printable(&fill(t.config_broken, [&e])));
            return ExitCode::FAILURE;
        }
    };
    let source = |s: config::Source| {
        t.config_sources[match s {
            config::Source::CommandLine => 0,
            config::Source::ConfigFile => 1,
            config::Source::Environment => 2,
            config::Source::Default => 3,
        }]
    };
    let from_file = |set: bool| {
        if set {
            t.config_sources[1]
        } else {
            t.config_sources[3]
        }
    };
    let (lang, lang_from) = config::language(cli.global.lang, &config);
    let (dir, dir_from) = config::sessions_dir(cli.global.sessions.as_deref(), &config);
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
    ];
    out.push_str(t.config_in_effect);
    out.push('\n');
    for line in commands::table(&rows).lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    let _ = print(&out);
    ExitCode::SUCCESS
}

fn run(
    cli: &Cli,
    args: &RunArgs,
    config: &Config,
    sessions_dir: &std::path::Path,
    lang: Lang,
    t: &'static Texts,
) -> Result<ExitCode, UserError> {
    let lib = load_library(cli, lang)?;
    let episode = match &args.episode {
        Some(key) => match commands::find_episode(&lib, key) {
            Ok(ep) => Some(ep.clone()),
            // `voer rn`, `voer expotr`: a mistyped command, not an episode.
            Err(e) => match cli::command_like(key) {
                Some(command) => {
                    return Err(UserError::Cli(CliError::MistypedCommand {
                        typed: key.clone(),
                        command,
                    }));
                }
                None => return Err(e),
            },
        },
        None => None,
    };
    let audience: Option<Audience> = match &args.audience {
        Some(a) => Some(commands::parse_audience(a)?),
        None => None,
    };
    if let (Some(ep), Some(a)) = (&episode, audience) {
        commands::check_audience(ep, a)?;
    }
    // After the checks of what was typed, so that a mistake is still told as such.
    commands::need_terminal("run")?;
    let saved = commands::run::run(commands::run::RunOptions {
        library: lib,
        episode,
        audience,
        group: args.group.clone(),
        facilitator: args
            .facilitator
            .clone()
            .or_else(|| config.facilitator.clone())
            .unwrap_or_default(),
        participants: args
            .participants
            .as_deref()
            .map(voer::session::timing::parse_names)
            .or_else(|| config.participants.clone())
            .unwrap_or_default(),
        until: args.until_time(),
        sessions_dir: sessions_dir.to_path_buf(),
        lang,
        projector: args.projector || config.theme == Some(ConfigTheme::Projector),
    })?;
    say_where(saved, t);
    Ok(ExitCode::SUCCESS)
}

/// After the screen closes: where the notes are, and how to go on from there.
fn say_where(saved: Option<std::path::PathBuf>, t: &Texts) {
    let Some(path) = saved else { return };
    let finished = store::load(&path).is_ok_and(|s| s.session.status == Status::Finished);
    let file = shell_word(&path);
    let message = if finished {
        let report = path.with_extension("md");
        let report = report.file_name().map_or_else(
            || "verslag.md".to_string(),
            |n| shell_word(std::path::Path::new(n)),
        );
        fill(t.finished_at_exit, [&path.display(), &file, &report, &file])
    } else {
        fill(t.saved_at_exit, [&path.display(), &file])
    };
    let _ = print(&format!("{message}\n"));
}
