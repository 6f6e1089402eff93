//! `voer [run]`: the picker asks what the command line left out, then the meeting runs.
use std::{path::PathBuf, process::ExitCode};

use super::{Context, check_audience, find_episode, need_terminal, parse_audience, say_where};
use crate::{
    actions::folder,
    app::{App, Choice, EpisodeView, Model, Opened, clock::Now, picker::Picker},
    cli::{self, CliError, RunArgs},
    episode::{Audience, Episode, Library},
    error::UserError,
    lang::Lang,
    session::{
        Meta, Session, SessionTheme,
        store::{self, SessionLock},
    },
    tui,
    ui::Theme,
};

/// `voer [run]` as typed: what was given is checked before the screen opens, so that a
/// mistake is told on the command line; the rest is asked on screen.
pub fn exec(cx: &Context, args: &RunArgs) -> Result<ExitCode, UserError> {
    let lib = cx.library()?;
    let episode = match &args.episode {
        Some(key) => match find_episode(&lib, key) {
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
        Some(a) => Some(parse_audience(a)?),
        None => None,
    };
    if let (Some(ep), Some(a)) = (&episode, audience) {
        check_audience(ep, a)?;
    }
    let video = args.video.as_deref().map(video_file).transpose()?;
    // After the checks of what was typed, so that a mistake is still told as such.
    need_terminal("run")?;
    let saved = run(RunOptions {
        library: lib,
        episode,
        audience,
        group: args.group.clone(),
        facilitator: args
            .facilitator
            .clone()
            .or_else(|| cx.config.facilitator.clone())
            .unwrap_or_default(),
        participants: args
            .participants
            .as_deref()
            .map(crate::session::timing::parse_names)
            .or_else(|| cx.config.participants.clone())
            .unwrap_or_default(),
        until: args.until_time(),
        video,
        sessions_dir: cx.sessions_dir.clone(),
        lang: cx.lang,
        projector: cx.projector(args.projector),
    })?;
    say_where(saved, cx.t);
    Ok(ExitCode::SUCCESS)
}

pub struct RunOptions {
    pub library: Library,
    pub episode: Option<Episode>,
    pub audience: Option<Audience>,
    pub group: Option<String>,
    pub facilitator: String,
    /// First names or initials, for speaking rounds.
    pub participants: Vec<String>,
    /// When the meeting must end.
    pub until: Option<chrono::NaiveTime>,
    /// `--video`: a copy of the video on this computer (absolute, checked to be a file).
    pub video: Option<PathBuf>,
    pub sessions_dir: PathBuf,
    pub lang: Lang,
    pub projector: bool,
}

/// Runs a conversation; returns where the notes were saved (None: nothing to save).
pub fn run(opts: RunOptions) -> Result<Option<PathBuf>, UserError> {
    let dir = &opts.sessions_dir;
    // Refuse before the meeting starts, not halfway through it; but make the folder only for
    // a session, not for a picker that is left with Esc or Ctrl+C.
    store::check_writable(dir)?;
    let theme = Theme::choose(opts.projector, tui::no_color());
    let picker = Picker::new(
        opts.library.episodes().to_vec(),
        opts.lang,
        opts.episode.as_ref(),
        opts.audience,
        opts.group.as_deref(),
    )
    .with_time(&opts.participants, opts.until)
    .with_facilitator(&opts.facilitator);
    let mut create = |choice: Choice| create_session(&opts, choice);
    let (app, lock) = if picker.needed() {
        (App::picker(picker), None)
    } else {
        let Some(choice) = picker.choice() else {
            return Ok(None);
        };
        let (opened, lock) = create(choice)?;
        let model = Model::new(opened.session, opened.path, opened.episode)
            .with_earlier_actions(opened.earlier, opened.taken);
        (App::run(model), Some(lock))
    };
    let result = tui::run(
        app.with_home(home()).with_tips_hidden(opts.projector),
        &theme,
        &mut create,
    );
    drop(lock);
    result
}

/// Makes, locks and first saves the session file for what was chosen.
fn create_session(opts: &RunOptions, choice: Choice) -> Result<(Opened, SessionLock), UserError> {
    let dir = &opts.sessions_dir;
    store::ensure_writable(dir)?;
    let meta = Meta {
        group: choice.group,
        facilitator: choice.facilitator,
        participants: choice.participants,
        until: choice.until,
    };
    let mut session = Session::new(
        &choice.episode,
        choice.audience,
        &meta,
        opts.lang,
        Now::real().wall,
    );
    // `--video` for this meeting, else the copy the episode names beside its file.
    if let Some(file) = opts.video.clone().or_else(|| choice.episode.video_file()) {
        session.set_video_file(&file);
    }
    // The colours and the tips as this run starts: `voer resume` keeps them.
    session.session.theme = Some(if opts.projector {
        SessionTheme::Projector
    } else {
        SessionTheme::Default
    });
    session.session.tips_hidden = opts.projector;
    // Absolute, so the summary and messages say exactly where the notes are; claimed in one
    // step, so voers started in the same minute for the same group each get their own.
    let (path, lock) = store::create(dir, &session)?;
    let episode = EpisodeView::new(&choice.episode, opts.lang);
    // What the group agreed at earlier meetings, and the ids a new action must not take.
    let (earlier, taken) = folder::for_run(dir, &session, &path);
    Ok((
        Opened {
            session,
            path,
            episode,
            earlier,
            taken,
        },
        lock,
    ))
}

/// `--video PATH`, checked before the meeting starts: a file that is there, made absolute so
/// that `F5` finds it whatever folder the player starts in.
fn video_file(path: &std::path::Path) -> Result<PathBuf, UserError> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match std::fs::metadata(&absolute) {
        Ok(meta) if meta.is_dir() => Err(UserError::VideoFile {
            path: absolute,
            source: None,
        }),
        Ok(_) => Ok(absolute),
        Err(e) => Err(UserError::VideoFile {
            path: absolute,
            source: Some(e),
        }),
    }
}

/// The user's home folder, where saving elsewhere suggests a path.
/// HOME on Unix, the user's profile folder on Windows.
pub(super) fn home() -> PathBuf {
    std::env::home_dir().unwrap_or_default()
}
