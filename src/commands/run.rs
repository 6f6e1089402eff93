//! `voer [run]`: the picker asks what the command line left out, then the meeting runs: one
//! episode, or several in one meeting (`voer run 1,4`).
use std::{
    path::{Path, PathBuf},
    process::ExitCode,
};

use super::{Context, check_audience, find_episode, need_terminal, parse_audience, say_where};
use crate::{
    actions::{
        folder::{Listing, Reading},
        questions::{self, Asked},
    },
    app::{App, Choice, EpisodeView, Model, Opened, clock::Now, picker::Picker},
    cli::{self, CliError, RunArgs},
    episode::{Audience, Episode, Library},
    error::UserError,
    lang::Lang,
    session::{
        Meta, Session, SessionTheme,
        store::{self, SessionLock, cache::Refresh},
    },
    tui,
    ui::Theme,
};

/// `voer [run]` as typed: what was given is checked before the screen opens, so that a
/// mistake is told on the command line; the rest is asked on screen.
pub fn exec(cx: &Context, args: &RunArgs) -> Result<ExitCode, UserError> {
    let lib = cx.library()?;
    let episodes = match &args.episode {
        Some(keys) => episodes_of(&lib, keys)?,
        None => Vec::new(),
    };
    let audience: Option<Audience> = match &args.audience {
        Some(a) => Some(parse_audience(a)?),
        None => None,
    };
    if let Some(a) = audience {
        for ep in &episodes {
            check_audience(ep, a)?;
        }
    }
    let video = args.video.as_deref().map(video_file).transpose()?;
    let council = match &args.questions_from {
        Some(group) => Some(council(&cx.sessions_dir, group)?),
        None => None,
    };
    // After the checks of what was typed, so that a mistake is still told as such.
    need_terminal("run")?;
    let saved = run(RunOptions {
        library: lib,
        episodes,
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
        notice: super::expired_notice(cx),
        council,
    })?;
    say_where(saved, cx.t);
    Ok(ExitCode::SUCCESS)
}

/// `1,4` (numbers or ids, in the order of the meeting): each must be an episode, and none twice.
fn episodes_of(lib: &Library, keys: &str) -> Result<Vec<Episode>, UserError> {
    let mut out: Vec<Episode> = Vec::new();
    for key in keys.split(',').map(str::trim).filter(|k| !k.is_empty()) {
        match find_episode(lib, key) {
            Ok(ep) if out.iter().any(|e| e.id == ep.id) => {}
            Ok(ep) => out.push(ep.clone()),
            // `voer rn`, `voer expotr`: a mistyped command, not an episode.
            Err(e) => {
                return Err(match cli::command_like(key) {
                    Some(command) if !keys.contains(',') => {
                        UserError::Cli(CliError::MistypedCommand {
                            typed: key.to_string(),
                            command,
                        })
                    }
                    _ => e,
                });
            }
        }
    }
    if out.is_empty() {
        return Err(UserError::UnknownEpisode {
            key: keys.to_string(),
            valid: lib.valid_list(),
        });
    }
    Ok(out)
}

/// `--questions-from GROUP`: the group's questions still without an answer. A group the
/// folder has no session of is a mistake, told before the meeting starts.
fn council(dir: &Path, group: &str) -> Result<Asked, UserError> {
    questions::open_of_group(dir, group, None).ok_or_else(|| UserError::NoSuchGroup {
        group: group.to_string(),
        dir: std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf()),
    })
}

pub struct RunOptions {
    pub library: Library,
    /// The episodes the command line gave, in order (none: asked on the picker).
    pub episodes: Vec<Episode>,
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
    /// What the status line says as the run opens (sessions past the retention period).
    pub notice: Option<String>,
    /// `--questions-from`: the council whose open questions this meeting answers.
    pub council: Option<Asked>,
}

/// Runs a conversation; returns where the notes were saved (None: nothing to save).
pub fn run(opts: RunOptions) -> Result<Option<PathBuf>, UserError> {
    let dir = &opts.sessions_dir;
    // Refuse before the meeting starts, not halfway through it; but make the folder only for
    // a session, not for a picker that is left with Esc or Ctrl+C.
    store::check_writable(dir)?;
    let theme = Theme::choose(opts.projector, tui::no_color());
    let picker = Picker::for_meeting(
        opts.library.episodes().to_vec(),
        opts.lang,
        opts.episodes.iter().collect(),
        opts.audience,
        opts.group.as_deref(),
    )
    .with_time(&opts.participants, opts.until)
    .with_facilitator(&opts.facilitator);
    // What the group agreed at earlier meetings and the ids in use: when the meeting opens at
    // once, the folder is read while its session file is made (after the picker, when the
    // choice is made). The folder's cache is brought up to date when the meeting ends (see
    // `store::cache`).
    let mut reading = (!picker.needed()).then(|| Listing::read_in_background(dir));
    let mut refresh = None;
    let mut create = |choice: Choice| create_session(&opts, choice, reading.take(), &mut refresh);
    let (app, lock) = if picker.needed() {
        (App::picker(picker), None)
    } else {
        let Some(choice) = picker.choice() else {
            return Ok(None);
        };
        let (opened, lock) = create(choice)?;
        let model = Model::new(opened.session, opened.path, opened.episode)
            .with_more_episodes(opened.more_episodes)
            .with_earlier_actions(opened.earlier, opened.taken)
            .with_council(opened.council);
        (App::run(model), Some(lock))
    };
    let result = tui::run(
        app.with_home(home())
            .with_tips_hidden(opts.projector)
            .with_notice(opts.notice.clone()),
        &theme,
        &mut create,
    );
    drop(lock);
    if let Some(r) = refresh {
        r.write();
    }
    result
}

/// Makes, locks and first saves the session file for what was chosen.
fn create_session(
    opts: &RunOptions,
    choice: Choice,
    reading: Option<Reading>,
    refresh: &mut Option<Refresh>,
) -> Result<(Opened, SessionLock), UserError> {
    let dir = &opts.sessions_dir;
    store::ensure_writable(dir)?;
    let meta = Meta {
        group: choice.group,
        facilitator: choice.facilitator,
        participants: choice.participants,
        until: choice.until,
    };
    let episodes: Vec<&Episode> = choice.episodes.iter().collect();
    let mut session = Session::new_meeting(
        &episodes,
        choice.audience,
        &meta,
        opts.lang,
        Now::real().wall,
    );
    // `--video` for this meeting (the first episode's, in a meeting of several), else the copy
    // each episode names beside its file.
    let several = episodes.len() > 1;
    for (i, ep) in episodes.iter().enumerate() {
        let given = opts.video.clone().filter(|_| i == 0);
        if let Some(file) = given.or_else(|| ep.video_file()) {
            session.set_video_file_of(several.then_some(ep.id.as_str()), &file);
        }
    }
    session.session.questions_from = opts.council.as_ref().map(|c| c.group.clone());
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
    let mut views = episodes.iter().map(|e| EpisodeView::new(e, opts.lang));
    let episode = views.next().unwrap_or_default();
    // What the group agreed at earlier meetings, and the ids a new action must not take.
    let listing = match reading {
        Some(r) => r.join(dir),
        None => Listing::read(dir),
    };
    let (earlier, taken, stale) = listing.for_run(&session, &path);
    *refresh = Some(stale);
    Ok((
        Opened {
            session,
            path,
            episode,
            more_episodes: views.collect(),
            council: opts.council.clone(),
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
