//! Reports from session files. (Being written: see the export issue.)
use crate::{lang::Lang, session::Session};

/// A Markdown report of one or more sessions.
pub fn markdown(sessions: &[Session], lang: Option<Lang>) -> String {
    let _ = lang;
    sessions
        .iter()
        .map(|s| format!("# {}\n", s.session.episode_title))
        .collect()
}
