//! The subcommands, one file each: run and resume open the screen; room opens the room
//! screen; list, show, handout, validate, sessions, actions, export, delete, privacy, config
//! and completions print and exit. [`dispatch`] sends the parsed command line to its file.
pub mod actions;
pub mod completions;
pub mod config;
pub mod delete;
pub mod export;
pub mod handout;
pub mod list;
pub mod privacy;
pub mod resume;
pub mod room;
pub mod run;
pub mod sessions;
pub mod show;
pub mod validate;

use std::{
    io::{self, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use unicode_truncate::{Alignment, UnicodeTruncateStr};
use unicode_width::UnicodeWidthStr;

use crate::{
    cli::{Cli, Command, GlobalArgs},
    config::{Config, ConfigError, ConfigTheme},
    episode::{Audience, Episode, Library},
    error::UserError,
    i18n::{self, Localize, Texts, fill},
    lang::Lang,
    printable::{one_line, printable, shell_word},
    session::{
        Status,
        find::Finder,
        store::{self, StoreError},
    },
};

/// What every subcommand may need besides its own arguments.
pub struct Context<'a> {
    /// `--prompts`, `--sessions` and `--lang` as given.
    pub global: &'a GlobalArgs,
    /// The config file's settings (empty when there is none).
    pub config: &'a Config,
    /// The sessions folder in effect, absolute.
    pub sessions_dir: PathBuf,
    /// The language of the messages.
    pub lang: Lang,
    pub t: &'static Texts,
}

impl Context<'_> {
    /// The projector theme: asked for with `--projector`, or chosen in the config file.
    pub fn projector(&self, flag: bool) -> bool {
        flag || self.config.theme == Some(ConfigTheme::Projector)
    }

    /// Finds sessions by the names `voer sessions` shows, in the sessions folder and then
    /// among the rescue copies.
    pub fn finder(&self) -> Finder {
        Finder::new(&self.sessions_dir).with_rescue(crate::config::rescue_dir())
    }

    /// The episodes, built in and from `--prompts`; their problems are warned about.
    pub fn library(&self) -> Result<Library, UserError> {
        let lib = Library::load(self.global.prompts.as_deref())?;
        warn_broken(&lib, self.lang);
        Ok(lib)
    }
}

/// Runs the command that was parsed. `config` is the config file as read: broken, it stops
/// every command but `voer config`, which says what is wrong with it.
pub fn dispatch(
    cli: Cli,
    config_path: Option<PathBuf>,
    config: Result<Config, ConfigError>,
    lang: Lang,
) -> Result<ExitCode, UserError> {
    let t = i18n::texts(lang);
    if matches!(cli.command, Some(Command::Config)) {
        return config::exec(&cli.global, config_path, config, t);
    }
    let config = config.map_err(UserError::Config)?;
    let (sessions_dir, _) = crate::config::sessions_dir(cli.global.sessions.as_deref(), &config);
    // A name Windows refuses (CON, `notes?`) is reported as such, not as a puzzling I/O error.
    crate::platform::check_user_path(&sessions_dir)
        .map_err(|e| StoreError::unwritable(&sessions_dir, e))?;
    let cx = Context {
        global: &cli.global,
        config: &config,
        sessions_dir,
        lang,
        t,
    };
    match &cli.command {
        None => run::exec(&cx, &cli.run),
        Some(Command::Run(args)) => run::exec(&cx, args),
        Some(Command::Resume {
            session_file,
            projector,
        }) => resume::exec(&cx, session_file.clone(), *projector),
        Some(Command::Room {
            session_file,
            projector,
        }) => {
            let file = session_file.as_deref().map(|f| cx.finder().file(f));
            room::run(room::RoomOptions {
                file: file.transpose()?,
                sessions_dir: cx.sessions_dir.clone(),
                lang,
                projector: cx.projector(*projector),
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List) => list::exec(&cx),
        Some(Command::Show {
            episode,
            audience,
            output,
            force,
        }) => show::exec(&cx, episode, audience.as_deref(), output.as_deref(), *force),
        Some(Command::Handout {
            episode,
            audience,
            output,
            force,
        }) => handout::exec(&cx, episode, audience, output.as_deref(), *force),
        Some(Command::Validate { paths }) => validate::exec(&cx, paths),
        Some(Command::Sessions) => sessions::exec(&cx),
        Some(Command::Actions(args)) => actions::exec(&cx, args),
        Some(Command::Export(args)) => export::exec(&cx, args),
        Some(Command::Delete(args)) => delete::exec(&cx, args),
        Some(Command::Privacy) => privacy::exec(&cx),
        Some(Command::Completions { shell }) => completions::exec(&cx, *shell),
        Some(Command::Config) => unreachable!("handled before the config is checked"),
    }
}

/// At the start of a run: how many sessions are past the retention period, and the command
/// that removes them; `None` without a period or when none are.
pub fn expired_notice(cx: &Context) -> Option<String> {
    let months = cx.config.retention_months?;
    let now = chrono::Local::now().fixed_offset();
    sessions::expired_line(
        &cx.sessions_dir,
        sessions::Retention::new(months, now),
        cx.lang,
    )
}

/// Prints `s` on standard output, made printable.
pub fn print(s: &str) {
    let mut out = io::stdout().lock();
    // A closed pipe (`voer list | head`) is not an error worth reporting.
    let _ = out.write_all(printable(s).as_bytes());
    let _ = out.flush();
}

/// Writes a document a command made (the plan, the handout) to `out`: owner-only and atomic,
/// over an existing file only with `force`, never over something that is not a file. Says
/// where on stderr, with `written`.
pub fn write_document(
    out: &Path,
    bytes: &[u8],
    force: bool,
    written: crate::i18n::Tpl<1>,
) -> Result<(), UserError> {
    crate::platform::check_user_path(out).map_err(|e| StoreError::write(out, e))?;
    export::check_target(out, &[], force)?;
    store::write_atomic(out, bytes).map_err(|e| StoreError::write(out, e))?;
    let shown = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    eprintln!("{}", printable(&fill(written, [&shown.display()])));
    Ok(())
}

/// The time a Word document made now says it was created: RFC 3339, in UTC.
pub fn document_time() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// After the screen closes: where the notes are, and how to go on from there, in the
/// session's own language (as its screens were), whatever the system's locale says. `t`: for a
/// file that cannot be read back.
pub fn say_where(saved: Option<PathBuf>, t: &Texts) {
    let Some(path) = saved else { return };
    // From the session's own table: a file of many megabytes is not read whole again.
    let head = store::cache::head(&path).or_else(|| {
        store::load(&path)
            .ok()
            .map(|s| store::cache::Head::of(&s.session))
    });
    let t = head.as_ref().map_or(t, |h| i18n::texts(h.language));
    let finished = head.is_some_and(|h| h.status == Status::Finished);
    // Questions for the organisation that wait for their answer: the letter that sends them.
    // Only a finished meeting offers it, so only then is the whole file read again.
    let asks = finished
        && store::load(&path).is_ok_and(|s| {
            s.actions
                .iter()
                .any(|a| a.is_question() && !a.is_answered())
        });
    let file = shell_word(&path);
    let message = if finished {
        let report = path.with_extension("md");
        let report = report
            .file_name()
            .map_or_else(|| "verslag.md".to_string(), |n| shell_word(Path::new(n)));
        let mut message = fill(t.finished_at_exit, [&path.display(), &file, &report, &file]);
        if asks {
            message.push('\n');
            message.push_str(&fill(t.series.letter_at_exit, [&file]));
        }
        message
    } else {
        fill(t.saved_at_exit, [&path.display(), &file])
    };
    print(&format!("{message}\n"));
}

pub fn find_episode<'a>(lib: &'a Library, key: &str) -> Result<&'a Episode, UserError> {
    lib.find(key).ok_or_else(|| UserError::UnknownEpisode {
        key: key.to_string(),
        valid: lib.valid_list(),
    })
}

pub fn parse_audience(s: &str) -> Result<Audience, UserError> {
    s.parse().map_err(|_| UserError::UnknownAudience {
        given: s.to_string(),
    })
}

/// Checks the episode has prompts for the audience.
pub fn check_audience(ep: &Episode, audience: Audience) -> Result<(), UserError> {
    if ep.prompts_for(audience).next().is_some() {
        return Ok(());
    }
    Err(UserError::NoPromptsFor {
        number: ep.number,
        audience,
        has: ep.audiences(),
    })
}

/// Refuses to start a meeting whose screen would not reach a person: `voer run > file`.
pub fn need_terminal(command: &'static str) -> Result<(), UserError> {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(UserError::NotATerminal { command })
    }
}

/// Pads `s` with spaces to `width` terminal columns.
pub fn pad(s: &str, width: usize) -> String {
    s.unicode_pad(width, Alignment::Left, false).into_owned()
}

/// The widest a cell of a table may be, in columns (but the last, which nothing follows).
pub const MAX_CELL: usize = 60;

/// Renders rows as a table with columns separated by two spaces. A cell is one line of
/// printable text: a control character in a name cannot break the table or the terminal. A
/// cell wider than [`MAX_CELL`] is cut with "…", so that one long name cannot push the columns
/// after it off every line; the last column (a file name to copy) is kept whole.
pub fn table(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let last = r.len().saturating_sub(1);
            r.iter()
                .enumerate()
                .map(|(i, c)| {
                    let c = one_line(c);
                    if i == last || c.width() <= MAX_CELL {
                        return c.into_owned();
                    }
                    format!("{}…", c.unicode_truncate(MAX_CELL - 1).0)
                })
                .collect()
        })
        .collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let last = row.len().saturating_sub(1);
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                if i == last {
                    cell.clone()
                } else {
                    pad(cell, widths[i])
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Prints warnings (such as times in a session file read as 24 hours) on stderr.
pub fn warn_all(warnings: &[impl Localize], lang: Lang) {
    let t = i18n::texts(lang);
    for w in warnings {
        eprintln!("voer: {}: {}", t.warning, printable(&w.render(lang)));
    }
}

/// Prints the library's load warnings on stderr.
pub fn warn_broken(lib: &Library, lang: Lang) {
    let t = i18n::texts(lang);
    for w in &lib.warnings {
        eprintln!("voer: {}: {}", t.warning, printable(&w.render(lang)));
    }
}
