//! Actions in a run: recording one (Ctrl+A) from anywhere, an action or a question for the
//! organisation, the list (Ctrl+L) in which they are edited, removed and marked done, marking
//! the earlier sessions' actions done, and answering a council's questions (`--questions-from`).
use ratatui_textarea::{Input, Key};

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
    session::{Action, ActionKind},
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
                // On the choice of kind, a paste goes to "what".
                if f.focused_field().is_none() {
                    f.focus = 0;
                    f.show_focus();
                }
                if let Some(field) = f.focused_field() {
                    field.insert_str(one);
                }
                f.problem = None;
            }
        }
        Msg::SaveAction if answering(m) => save_answer(m, now, fx),
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
            } else if let Some(q) = council_question(m, i).cloned() {
                // A council's question: Enter records the organisation's answer.
                m.actions.form = Some(Form::answer(q));
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
                    fill(m.texts().actions.saved_in, [&file_name(path.as_deref())])
                }
                Err(e) => e.render(m.lang),
            };
            m.status = Some(StatusLine::new(msg, now.mono + STATUS_FOR));
        }
        Msg::EarlierAnswered(result) => {
            let msg = match result {
                Ok(answered) => {
                    let mut path = None;
                    let asked = m.actions.council.iter_mut().flat_map(|c| &mut c.questions);
                    for q in asked.filter(|q| q.action.id == answered.id) {
                        q.action = (*answered).clone();
                        path = Some(q.path.clone());
                    }
                    fill(
                        m.texts().series.answer_saved_in,
                        [&file_name(path.as_deref())],
                    )
                }
                Err(e) => e.render(m.lang),
            };
            m.status = Some(StatusLine::new(msg, now.mono + STATUS_FOR));
        }
        _ => {}
    }
}

/// The name of the session file an earlier action or a council's question was saved in.
fn file_name(path: Option<&std::path::Path>) -> String {
    path.and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether the form answers a council's question.
fn answering(m: &Model) -> bool {
    m.actions
        .form
        .as_ref()
        .is_some_and(|f| f.answering.is_some())
}

/// Row `i` of the list, when it is one of the council's questions (after this session's own
/// and the earlier actions).
fn council_question(m: &Model, i: usize) -> Option<&crate::actions::folder::Found> {
    let at = i.checked_sub(m.session.actions.len() + m.actions.earlier.len())?;
    m.actions.council.as_ref()?.questions.get(at)
}

/// Enter in the answer form: the answer goes to the council's own file, under its lock; the
/// list shows it once it is there.
fn save_answer(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    let Some(form) = m.actions.form.take() else {
        return;
    };
    if let Some(q) = form.answering {
        let answer = form.fields[0].lines().join(" ");
        fx.push(Effect::AnswerEarlier {
            path: q.path,
            id: q.action.id,
            answer: answer.split_whitespace().collect::<Vec<_>>().join(" "),
            at: now.wall,
        });
    }
    m.mode = Mode::ActionList;
}

/// Saves what is in the form before quitting: what was typed there is never lost.
pub(super) fn keep_form_on_quit(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    if m.mode != Mode::ActionForm {
        return;
    }
    // An answer typed for a council's question goes to the council's file before the run ends.
    if answering(m) {
        save_answer(m, now, fx);
        m.mode = Mode::Navigate;
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

/// This session's actions, then the earlier sessions', then the council's questions.
fn rows(m: &Model) -> usize {
    let council = m.actions.council.as_ref().map_or(0, |c| c.questions.len());
    m.session.actions.len() + m.actions.earlier.len() + council
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
    let Some(f) = &mut m.actions.form else {
        return;
    };
    f.problem = None;
    if f.focus == Form::KIND {
        match input.key {
            // On the choice: Space and the arrows choose between an action and a question.
            Key::Char(' ') | Key::Left | Key::Right | Key::Up | Key::Down => {
                return f.toggle_kind();
            }
            // Anything typed there is the start of "what": no letter is lost.
            Key::Char(_) => {
                f.focus = 0;
                f.show_focus();
            }
            _ => return,
        }
    }
    if let Some(field) = f.focused_field() {
        field.input(input);
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
        let problem = match draft.kind {
            ActionKind::Action => w.form_needs_text,
            ActionKind::Question => m.texts().series.form_needs_question,
        };
        if let Some(f) = &mut m.actions.form {
            f.problem = Some(problem.to_string());
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
            let seed = actions::id_seed(&file_name(Some(&m.path)), &created_at, n);
            let id = actions::new_id(&seed, |id| {
                m.actions.taken.contains(id) || m.session.actions.iter().any(|a| a.id == id)
            });
            m.session.actions.push(Action {
                id,
                kind: ActionKind::Action,
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
    let recorded = match action.kind {
        ActionKind::Action => w.recorded,
        ActionKind::Question => m.texts().series.recorded,
    };
    let until = now.mono + STATUS_FOR * 2;
    m.status = Some(match warning {
        // What was typed for "when" is not a date: the warning names it, and stays whole
        // however narrow the bar (the what and who give way first).
        Some(warning) => {
            let mut what = action.clone();
            what.due_text = None;
            let head = fill(recorded, [&actions::summary_line(&what, m.lang)]);
            StatusLine::keeping_end(&head, &format!(" · {warning}"), until)
        }
        None => StatusLine::new(
            fill(recorded, [&actions::summary_line(action, m.lang)]),
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
        // A question is not done by the group: it waits for the organisation's answer.
        if a.is_question() {
            m.status = Some(StatusLine::new(
                m.texts().series.not_done_but_answered.to_string(),
                now.mono + STATUS_FOR * 2,
            ));
            return;
        }
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
