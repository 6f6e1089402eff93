//! Actions in a run: recording one (Ctrl+A) from anywhere, the list (Ctrl+L) in which they are
//! edited, removed and marked done, and marking the earlier sessions' actions done.
use ratatui_textarea::Input;

use super::time::{STATUS_FOR, save_at_once};
use crate::{
    actions::{self, Draft},
    app::{
        actions::Form,
        clock::Now,
        mode::Mode,
        model::{Model, StatusLine},
        msg::{Effect, Msg},
    },
    i18n::{Localize, fill},
    session::Action,
};

/// Whether the form or the list has the keys.
pub(super) fn is_open(m: &Model) -> bool {
    matches!(m.mode, Mode::ActionForm | Mode::ActionList)
}

pub(super) fn update(m: &mut Model, msg: Msg, now: Now, fx: &mut Vec<Effect>) {
    let a = &mut m.actions;
    if !matches!(msg, Msg::RemoveAction) {
        a.confirm_remove = None;
    }
    match msg {
        Msg::RecordAction => {
            if m.mode == Mode::ActionForm {
                return;
            }
            let from_list = m.mode == Mode::ActionList;
            remember_where(m);
            m.actions.form = Some(Form::new(&Draft::default(), None, from_list));
            m.mode = Mode::ActionForm;
        }
        Msg::ListActions => {
            if m.mode == Mode::ActionForm {
                return;
            }
            remember_where(m);
            m.actions.selected = 0;
            m.mode = Mode::ActionList;
        }
        Msg::NextField | Msg::PrevField => {
            if let Some(f) = &mut m.actions.form {
                f.move_focus(matches!(msg, Msg::NextField));
            }
        }
        Msg::Edit(input) => edit(m, input),
        Msg::Paste(text) => {
            if let Some(f) = &mut m.actions.form {
                // One line per field: line ends become spaces.
                let one: String = text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .filter(|c| !c.is_control())
                    .collect();
                f.fields[f.focus].insert_str(one);
                f.problem = None;
            }
        }
        Msg::SaveAction => save_form(m, now, fx),
        Msg::CloseOverlay => close(m),
        Msg::MoveInList(by) => {
            let rows = rows(m);
            if rows > 0 {
                let at = m.actions.selected as i64 + i64::from(by);
                m.actions.selected = at.clamp(0, rows as i64 - 1) as usize;
            }
        }
        Msg::EditAction => {
            let i = m.actions.selected;
            if let Some(a) = m.session.actions.get(i) {
                let draft = actions::draft_of(a);
                m.actions.form = Some(Form::new(&draft, Some(i), true));
                m.mode = Mode::ActionForm;
            }
        }
        Msg::ToggleActionDone => toggle_done(m, now, fx),
        Msg::RemoveAction => remove(m, now, fx),
        Msg::EarlierMarked(result) => {
            let msg = match result {
                Ok((id, done)) => {
                    let mut path = None;
                    for f in &mut m.actions.earlier {
                        if f.action.id == id {
                            f.action.done = done;
                            path = Some(f.path.clone());
                        }
                    }
                    let file = path
                        .as_deref()
                        .and_then(|p| p.file_name())
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    fill(m.texts().actions.saved_in, [&file])
                }
                Err(e) => e.render(m.lang),
            };
            m.status = Some(StatusLine::new(msg, now.mono + STATUS_FOR));
        }
        _ => {}
    }
}

/// Saves what is in the form before quitting: what was typed there is never lost.
pub(super) fn keep_form_on_quit(m: &mut Model, now: Now) {
    if m.mode != Mode::ActionForm {
        return;
    }
    let has_text = m
        .actions
        .form
        .as_ref()
        .is_some_and(|f| !f.draft().text.trim().is_empty());
    if has_text {
        let mut fx = Vec::new();
        save_form(m, now, &mut fx);
    }
    m.actions.form = None;
    m.mode = Mode::Navigate;
}

/// This session's actions, then the earlier sessions'.
fn rows(m: &Model) -> usize {
    m.session.actions.len() + m.actions.earlier.len()
}

fn remember_where(m: &mut Model) {
    if matches!(m.mode, Mode::Navigate | Mode::Typing) {
        m.actions.back_to = Some(m.mode.clone());
    }
}

fn back(m: &mut Model) -> Mode {
    m.actions.back_to.clone().unwrap_or(Mode::Navigate)
}

fn edit(m: &mut Model, input: Input) {
    if let Some(f) = &mut m.actions.form {
        f.fields[f.focus].input(input);
        f.problem = None;
    }
}

fn close(m: &mut Model) {
    match (&m.mode, &m.actions.form) {
        (Mode::ActionForm, Some(f)) if f.from_list => {
            m.actions.form = None;
            m.mode = Mode::ActionList;
        }
        _ => {
            m.actions.form = None;
            m.mode = back(m);
        }
    }
}

fn save_form(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    let Some(form) = &m.actions.form else {
        return;
    };
    let draft = form.draft();
    let w = m.texts().actions;
    if draft.text.trim().is_empty() {
        if let Some(f) = &mut m.actions.form {
            f.problem = Some(w.form_needs_text.to_string());
            f.focus = 0;
            f.show_focus();
        }
        return;
    }
    let read = actions::read_draft(&draft, now.wall.date_naive(), m.lang);
    let editing = form.editing;
    let from_list = form.from_list;
    let index = match editing {
        Some(i) if i < m.session.actions.len() => i,
        _ => {
            let created_at = now.wall;
            let n = m.session.actions.len();
            let file = m
                .path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let seed = actions::id_seed(&file, &created_at, n);
            let id = actions::new_id(&seed, |id| {
                m.actions.taken.contains(id) || m.session.actions.iter().any(|a| a.id == id)
            });
            m.session.actions.push(Action {
                id,
                // On the summary: the closing step, the last one with a question.
                step: m.step.min(m.step_count().saturating_sub(1)),
                created_at,
                ..Action::default()
            });
            n
        }
    };
    let warning = read.apply(&mut m.session.actions[index]);
    let action = &m.session.actions[index];
    let until = now.mono + STATUS_FOR * 2;
    m.status = Some(match warning {
        // What was typed for "when" is not a date: the warning names it, and stays whole
        // however narrow the bar (the what and who give way first).
        Some(warning) => {
            let mut what = action.clone();
            what.due_text = None;
            let head = fill(w.recorded, [&actions::summary_line(&what, m.lang)]);
            StatusLine::keeping_end(&head, &format!(" · {warning}"), until)
        }
        None => StatusLine::new(
            fill(w.recorded, [&actions::summary_line(action, m.lang)]),
            until,
        ),
    });
    m.actions.form = None;
    if from_list {
        m.actions.selected = index;
        m.mode = Mode::ActionList;
    } else {
        m.mode = back(m);
    }
    save_at_once(m, now, fx);
}

fn toggle_done(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    let i = m.actions.selected;
    let own = m.session.actions.len();
    if let Some(a) = m.session.actions.get_mut(i) {
        a.done = !a.done;
        save_at_once(m, now, fx);
    } else if let Some(f) = m.actions.earlier.get(i - own) {
        // Saved in the session it belongs to, with that session's lock; shown once it is.
        fx.push(Effect::MarkEarlier {
            path: f.path.clone(),
            id: f.action.id.clone(),
            done: !f.action.done,
        });
    }
}

fn remove(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    let i = m.actions.selected;
    let Some(a) = m.session.actions.get(i) else {
        // An earlier session's action is not this run's to remove.
        return;
    };
    let w = m.texts().actions;
    let line = actions::summary_line(a, m.lang);
    if m.actions.confirm_remove != Some(i) {
        m.actions.confirm_remove = Some(i);
        m.status = Some(StatusLine::new(
            fill(w.confirm_remove, [&line]),
            now.mono + STATUS_FOR,
        ));
        return;
    }
    m.actions.confirm_remove = None;
    m.session.actions.remove(i);
    m.actions.selected = i.min(rows(m).saturating_sub(1));
    m.status = Some(StatusLine::new(
        fill(w.removed, [&line]),
        now.mono + STATUS_FOR,
    ));
    save_at_once(m, now, fx);
}
