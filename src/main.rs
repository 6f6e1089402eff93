//! `voer`: read the config and the command line, run the command, report what went wrong.
use std::process::ExitCode;

use voer::{
    cli::{self, CliError},
    commands,
    config::{self, Config},
    i18n::{self, Localize},
    printable::printable,
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
    let cli = match cli::parse(args, i18n::texts(lang)) {
        Ok(cli) => cli,
        Err(CliError::Clap(e)) if !e.use_stderr() => {
            // --help, --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!(
                "voer: {}",
                printable(&cli::render_error(&e, i18n::texts(lang)))
            );
            return ExitCode::from(2);
        }
    };
    let (lang, _) = config::language(cli.global.lang, &usable);
    match commands::dispatch(cli, config_path, config, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("voer: {}", printable(&e.render(lang)));
            ExitCode::FAILURE
        }
    }
}
