//! `voer resume [FILE]`: continues a session where it stopped.
use std::{io, path::PathBuf};

use super::run::{home, lock, unwritable};
use crate::{
    app::{App, EpisodeView, Model, clock::Now},
    commands::UserError,
    episode::Library,
    i18n::{self, fill},
    lang::Lang,
    session::store,
    tui,
    ui::Theme,
};

pub struct ResumeOptions {
    pub file: Option<PathBuf>,
    /// `--prompts`: where an episode that is not built in may be found.
    pub prompts: Option<PathBuf>,
    pub sessions_dir: PathBuf,
    /// `--lang` as given; without it the session's own language is used.
    pub lang: Option<Lang>,
    pub fallback_lang: Lang,
    pub projector: bool,
}

/// Continues a session; returns where the notes were saved.
pub fn resume(opts: ResumeOptions) -> Result<Option<PathBuf>, UserError> {
    let t = i18n::texts(opts.lang.unwrap_or(opts.fallback_lang));
    let path = match &opts.file {
        Some(f) => f.clone(),
        None => {
            let newest = match store::newest_unfinished(&opts.sessions_dir) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => None,
                other => {
                    other.map_err(|e| UserError(format!("{}: {e}", opts.sessions_dir.display())))?
                }
            };
            newest.ok_or_else(|| {
                let dir = std::path::absolute(&opts.sessions_dir)
                    .unwrap_or_else(|_| opts.sessions_dir.clone());
                let dir = dir.display();
                let any = store::list(&opts.sessions_dir).is_ok_and(|l| !l.is_empty());
                UserError(fill(
                    if any { t.no_unfinished } else { t.no_sessions },
                    &[&dir],
                ))
            })?
        }
    };
    let path = std::path::absolute(&path).unwrap_or(path);
    // Before the lock: a wrong path is reported as the session file's, not the lock file's.
    std::fs::metadata(&path).map_err(|e| UserError(format!("{}: {e}", path.display())))?;
    let lock = lock(&path, t)?;
    let mut session = store::load(&path).map_err(UserError)?;
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        store::ensure_writable(dir).map_err(unwritable(t, dir))?;
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
    let theme = Theme::choose(opts.projector, tui::no_color());
    let model = Model::new(session, path, view, Now::real());
    // Nothing to pick: the run is there from the start.
    let mut create = |_| Err(UserError("a resumed session has no picker".into()));
    let result = tui::run(App::run(model).with_home(home()), &theme, &mut create);
    drop(lock);
    result
}
