//! Questions and advice for the organisation: recorded by a group (a client council) with the
//! action form as `kind = "question"` items, with whom they are for (the board when nobody is
//! named) and a date for the answer; answered at the organisation's own meeting
//! (`voer run … --questions-from GROUP`), in the council's own session file.
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::folder::{Found, Listing, actions_of};
use crate::{
    i18n,
    lang::Lang,
    session::{Action, group_key},
};

/// Whom a question is for, as a reader sees it: the name typed, else the board.
pub fn to_label(a: &Action, lang: Lang) -> String {
    match a.to.as_deref().map(str::trim) {
        Some(to) if !to.is_empty() => to.to_string(),
        _ => i18n::texts(lang).series.to_board.to_string(),
    }
}

/// The state of a question as `voer actions` shows it: asked, or answered.
pub fn state(a: &Action, lang: Lang) -> &'static str {
    let q = i18n::texts(lang).series;
    if a.is_answered() {
        q.state_answered
    } else {
        q.state_asked
    }
}

/// A group's questions still without an answer (`--questions-from`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Asked {
    /// The group's name as its newest session writes it.
    pub group: String,
    /// Oldest meeting first, in the order they were recorded.
    pub questions: Vec<Found>,
}

/// The questions of the sessions of `group` (the same [`group_key`], however the name is
/// spelled; examples never) that have no answer yet, or got it from `since` on (a resumed
/// meeting shows what it answered before). `None` when the folder holds no session of that
/// group at all, or the name has no letter or digit.
pub fn open_of_group(
    dir: &Path,
    group: &str,
    since: Option<DateTime<FixedOffset>>,
) -> Option<Asked> {
    let want = group_key(group)?;
    // From the folder's cache: a board's meeting never reads every session of the folder.
    let mut sessions = Listing::read(dir).of_group(&want);
    // Newest first: that one names the group.
    let name = sessions.first()?.1.session.group.trim().to_string();
    sessions.reverse();
    let mut questions = Vec::new();
    for (path, s) in sessions {
        let mut own: Vec<Found> = actions_of(&path, s)
            .filter(|f| {
                let a = &f.action;
                let answered_here = since.is_some_and(|t| a.answered_at.is_some_and(|at| at >= t));
                a.is_question() && (!a.is_answered() || answered_here)
            })
            .collect();
        own.sort_by_key(|f| f.action.created_at);
        questions.extend(own);
    }
    Some(Asked {
        group: name,
        questions,
    })
}
