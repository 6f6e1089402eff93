//! `voer resume [FILE]`: continues a session where it stopped.
use std::{path::PathBuf, process::ExitCode};

use super::{Context, run::home, say_where};
use crate::{
    actions::folder::Listing,
    app::{App, EpisodeView, Model},
    episode::Library,
    error::UserError,
    lang::Lang,
    session::{
        SessionTheme,
        store::{self, SessionLock, StoreError, cache::Index},
    },
    tui,
    ui::Theme,
};

/// `voer resume [FILE] [--projector]`.
pub fn exec(cx: &Context, file: Option<PathBuf>, projector: bool) -> Result<ExitCode, UserError> {
    let file = file.map(|f| cx.finder().file(&f)).transpose()?;
    let saved = resume(ResumeOptions {
        file,
        prompts: cx.global.prompts.clone(),
        sessions_dir: cx.sessions_dir.clone(),
        lang: cx.global.lang,
        projector,
        config_projector: cx.projector(false),
        notice: super::expired_notice(cx),
    })?;
    say_where(saved, cx.t);
    Ok(ExitCode::SUCCESS)
}

pub struct ResumeOptions {
    pub file: Option<PathBuf>,
    /// `--prompts`: where an episode that is not built in may be found.
    pub prompts: Option<PathBuf>,
    pub sessions_dir: PathBuf,
    /// `--lang` as given; without it the session's own language is used.
    pub lang: Option<Lang>,
    /// `--projector` as given: the projector's colours and the tips hidden, whatever the file
    /// says. Without it the file's own colours and tips count.
    pub projector: bool,
    /// The config file's `theme = "projector"`: for a file that says nothing of its colours.
    pub config_projector: bool,
    /// What the status line says as the run opens (sessions past the retention period).
    pub notice: Option<String>,
}

/// Continues a session; returns where the notes were saved.
pub fn resume(opts: ResumeOptions) -> Result<Option<PathBuf>, UserError> {
    // The sessions folder, read once: for the session to resume and for what its group
    // agreed at earlier meetings.
    let mut listing = None;
    // A file named: its folder is read on a thread of its own while the file is read (a
    // session of many megabytes takes a while).
    let mut reading = None;
    let path = match &opts.file {
        Some(f) => {
            let dir = std::path::absolute(f)
                .ok()
                .and_then(|a| a.parent().map(std::path::Path::to_path_buf));
            reading = dir.map(|d| (Listing::read_in_background(&d), d));
            f.clone()
        }
        None => {
            let rescue = crate::config::rescue_dir();
            let index = match Index::read(&opts.sessions_dir) {
                Err(e) if e.is_not_found() => Index::empty(&opts.sessions_dir),
                other => other?,
            };
            let newest = store::newest_unfinished_of(&index, rescue.as_deref());
            let any = !index.entries.is_empty();
            listing = Some((opts.sessions_dir.clone(), Listing::of(index)));
            newest.ok_or_else(|| UserError::NothingToResume {
                dir: std::path::absolute(&opts.sessions_dir)
                    .unwrap_or_else(|_| opts.sessions_dir.clone()),
                any,
            })?
        }
    };
    let path = std::path::absolute(&path).unwrap_or(path);
    // Before the lock: a wrong path is reported as the session file's, not the lock file's.
    std::fs::metadata(&path).map_err(|e| StoreError::read(&path, e))?;
    let lock = SessionLock::acquire(&path)?;
    // Saved under its real name: a symbolic link to it stays a link to the notes.
    let path = lock.session().to_path_buf();
    let (mut session, warnings) = store::load_checked(&path)?;
    super::warn_all(&warnings, opts.lang.unwrap_or(session.session.language));
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        store::ensure_writable(dir)?;
    }
    if let Some(lang) = opts.lang {
        session.session.language = lang;
    }
    let lang = session.session.language;
    // The file has what the steps need; the library adds the page URL and all quotes.
    let library = Library::load(opts.prompts.as_deref()).unwrap_or_else(|_| Library::embedded());
    let view = library
        .find(&session.session.episode)
        .map(|e| EpisodeView::new(e, lang))
        .unwrap_or_else(|| EpisodeView::from_session(&session));
    // After the checks of the file, so that a wrong one is still told as such.
    super::need_terminal("resume")?;
    // The colours and the tips as the run left them, unless the command line says otherwise.
    let (projector, tips_hidden) = match session.session.theme {
        _ if opts.projector => (true, true),
        Some(theme) => (
            theme == SessionTheme::Projector,
            session.session.tips_hidden,
        ),
        None => (opts.config_projector, opts.config_projector),
    };
    session.session.theme = Some(if projector {
        SessionTheme::Projector
    } else {
        SessionTheme::Default
    });
    let theme = Theme::choose(projector, tui::no_color());
    // The earlier meetings are those in the folder this session is in.
    let dir = path
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let listing = match (listing, reading) {
        (Some((listed_dir, l)), _) if same_folder(&listed_dir, &dir) => l,
        (_, Some((r, read_dir))) => {
            let l = r.join(&read_dir);
            if same_folder(&read_dir, &dir) {
                l
            } else {
                Listing::read(&dir)
            }
        }
        _ => Listing::read(&dir),
    };
    let (earlier, taken, refresh) = listing.for_run(&session, &path);
    let more = EpisodeView::more_of(&session, &library, lang);
    // A board's meeting that answers a council's questions shows them again, as they are now.
    let council = session.session.questions_from.as_deref().and_then(|group| {
        let since = Some(session.session.started_at);
        crate::actions::questions::open_of_group(&dir, group, since)
    });
    let model = Model::new(session, path, view)
        .with_more_episodes(more)
        .with_earlier_actions(earlier, taken)
        .with_council(council);
    // Nothing to pick: the run is there from the start.
    let mut create = |_| unreachable!("a resumed session has no picker");
    let result = tui::run(
        App::run(model)
            .with_home(home())
            .with_tips_hidden(tips_hidden)
            .with_notice(opts.notice.clone()),
        &theme,
        &mut create,
    );
    drop(lock);
    // The folder's cache, brought up to date off the meeting's way (see `store::cache`).
    refresh.write();
    result
}

/// Whether two paths name one folder.
fn same_folder(a: &std::path::Path, b: &std::path::Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}
