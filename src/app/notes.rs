//! Where new words go in the notes, so that every line says who said it and in which part of
//! the conversation: entering the notes starts a fresh line after text; a new speaker's turn
//! starts a line with their name, and a new phase (or the open discussion after a round) a
//! heading line, wherever the cursor was. Nothing is ever glued to the line before.
//! Names and headings are the group's: they go into the group's notes even while the
//! facilitator's private notes are open.
use ratatui_textarea::{CursorMove, TextArea};

use super::{model::Model, rounds};
use crate::session::timing;

/// A heading line in the notes: a phase's label, or the open discussion after a round.
pub fn heading(label: &str) -> String {
    format!("— {label} —")
}

/// What voer itself writes at the start of a line and the facilitator may leave bare: a
/// speaker's name (`Anna: `), or a heading line.
enum Mark {
    Speaker(String),
    Heading(String),
}

/// Whether `line` is only a speaker's name as voer writes it (`Anna:`), with nothing said yet.
fn is_bare_name(m: &Model, line: &str) -> bool {
    let line = line.trim();
    rounds::round(m).is_some_and(|r| {
        r.order
            .iter()
            .any(|n| line.strip_suffix(':').is_some_and(|l| l.trim_end() == n))
    })
}

/// Whether `line` is a heading voer writes on this step (a phase, or the open discussion).
fn is_heading(m: &Model, line: &str) -> bool {
    let line = line.trim();
    let Some(step) = m.current() else {
        return false;
    };
    step.phases.iter().any(|p| line == heading(&p.label))
        || (step.round.is_some() && line == heading(m.texts().round_open_heading))
}

fn editor(m: &mut Model) -> Option<&mut TextArea<'static>> {
    m.notes.get_mut(m.step)
}

fn to_end(ta: &mut TextArea<'static>) {
    ta.move_cursor(CursorMove::Bottom);
    ta.move_cursor(CursorMove::End);
}

fn last_line(ta: &TextArea<'static>) -> String {
    ta.lines().last().cloned().unwrap_or_default()
}

/// Entering the notes (Enter, a first key, a paste): the cursor goes to the end, on a fresh
/// line when the last one holds text. A speaker's name with nothing after it is where the
/// words go, so it stays the line. Returns whether the notes changed.
pub(super) fn enter(m: &mut Model) -> bool {
    let mut changed = flush_pending(m);
    let last = match m.notes.get(m.step) {
        Some(ta) => last_line(ta),
        None => return changed,
    };
    let fresh = last.trim().is_empty() || is_bare_name(m, &last);
    if let Some(ta) = editor(m) {
        to_end(ta);
        if !fresh {
            ta.insert_newline();
            changed = true;
        }
    }
    changed
}

/// The floor goes to the next speaker (Tab, Ctrl+K): their line starts with their name at the
/// end of the notes; after the last speaker, a heading for the open discussion. A name left
/// bare by the one before (nothing typed for them) makes way.
pub(super) fn new_turn(m: &mut Model) -> bool {
    in_group_notes(m, new_turn_here)
}

/// Runs `f` with the group's notes in the editor, and then puts back what was open.
fn in_group_notes<R>(m: &mut Model, f: impl FnOnce(&mut Model) -> R) -> R {
    let private = m.private_open;
    if private {
        m.toggle_private();
    }
    let r = f(m);
    if private {
        m.toggle_private();
    }
    r
}

fn new_turn_here(m: &mut Model) -> bool {
    let mark = match rounds::round(m) {
        Some(r) => match r.note_prefix() {
            Some(prefix) => Mark::Speaker(prefix),
            None => Mark::Heading(heading(m.texts().round_open_heading)),
        },
        None => return false,
    };
    flush_pending(m);
    start_line(m, mark);
    true
}

/// The group moves to another phase. Tab (the facilitator's own key) starts the phase's heading
/// line at once; a phase that ends by itself while a line is being typed waits until that line
/// is done (Enter at its end, Esc, Tab), so no sentence is cut in two.
pub(super) fn new_phase(m: &mut Model, by_hand: bool) -> bool {
    in_group_notes(m, |m| new_phase_here(m, by_hand))
}

fn new_phase_here(m: &mut Model, by_hand: bool) -> bool {
    let Some(step) = m.current() else {
        return false;
    };
    let Some(i) = timing::current_phase(&step.phases) else {
        return false;
    };
    let label = heading(&step.phases[i].label);
    let first = step.phases.first().map(|p| heading(&p.label));
    // Notes typed before the first change were the first phase's: it gets its heading too.
    let mut changed = false;
    if i == 1
        && let Some(first) = first
        && let Some(ta) = m.notes.get_mut(m.step)
        && ta.lines().iter().any(|l| !l.trim().is_empty())
        && ta.lines().first().is_none_or(|l| l.trim() != first)
    {
        let cursor = ta.cursor();
        ta.move_cursor(CursorMove::Top);
        ta.move_cursor(CursorMove::Head);
        ta.insert_str(format!("{first}\n"));
        ta.move_cursor(CursorMove::Jump(
            u16::try_from(cursor.0 + 1).unwrap_or(u16::MAX),
            u16::try_from(cursor.1).unwrap_or(u16::MAX),
        ));
        changed = true;
    }
    let mid_line = m.mode == super::Mode::Typing
        && m.notes.get(m.step).is_some_and(|ta| {
            let row = ta.cursor().0;
            ta.lines()
                .get(row)
                .is_some_and(|l| !l.trim().is_empty() && !is_bare_name(m, l))
        });
    if mid_line && !by_hand {
        m.pending_heading = Some(label);
        return changed;
    }
    m.pending_heading = None;
    start_line(m, Mark::Heading(label));
    true
}

/// A phase's heading that waited for the line being typed: written now, at the end.
pub(super) fn flush_pending(m: &mut Model) -> bool {
    match m.pending_heading.take() {
        Some(label) => {
            in_group_notes(m, |m| start_line(m, Mark::Heading(label)));
            true
        }
        None => false,
    }
}

/// Whether Enter would only leave a bare line behind: the cursor at the end of a line voer
/// started and nothing typed on it yet (a speaker's name, or the line under a heading). Such
/// an Enter does nothing, so a habit of pressing Enter after Tab leaves no empty name behind.
pub(super) fn enter_is_idle(m: &Model) -> bool {
    let Some(ta) = m.notes.get(m.step) else {
        return false;
    };
    let ratatui_textarea::DataCursor(row, col) = ta.cursor();
    let lines = ta.lines();
    let line = &lines[row];
    if col != line.chars().count() || row + 1 != lines.len() {
        return false;
    }
    is_bare_name(m, line) || (line.trim().is_empty() && row > 0 && is_heading(m, &lines[row - 1]))
}

/// After a key in the notes: Enter at the end of the notes finishes the line a waiting heading
/// was waiting for.
pub(super) fn after_key(m: &mut Model, was_enter: bool) -> bool {
    if !was_enter || m.pending_heading.is_none() {
        return false;
    }
    let at_end = m.notes.get(m.step).is_some_and(|ta| {
        let ratatui_textarea::DataCursor(row, col) = ta.cursor();
        row + 1 == ta.lines().len() && col == ta.lines()[row].chars().count()
    });
    at_end && flush_pending(m)
}

/// Leaving a step: a name or a heading voer wrote at the end, with nothing under it, goes
/// (it would stand bare in every export). Returns whether the notes changed.
pub(super) fn leave(m: &mut Model) -> bool {
    m.pending_heading = None;
    in_group_notes(m, leave_here)
}

fn leave_here(m: &mut Model) -> bool {
    let Some(ta) = m.notes.get(m.step) else {
        return false;
    };
    let lines = ta.lines();
    let n = lines.len();
    let last = lines[n - 1].clone();
    let bare_name = is_bare_name(m, &last);
    let bare_heading = last.trim().is_empty() && n >= 2 && is_heading(m, &lines[n - 2]);
    let Some(ta) = editor(m) else { return false };
    if !(bare_name || bare_heading) {
        return false;
    }
    to_end(ta);
    ta.delete_line_by_head();
    if bare_heading {
        ta.delete_newline();
        ta.delete_line_by_head();
    }
    // And the line break before it.
    ta.delete_newline();
    true
}

/// Starts a line at the end of the notes with `mark`, after whatever text is there, and puts
/// the cursor after it. A bare name at the end goes; so does a bare heading before another.
fn start_line(m: &mut Model, mark: Mark) {
    let last = m.notes.get(m.step).map(last_line).unwrap_or_default();
    let bare_name = is_bare_name(m, &last);
    // A heading with nothing under it yet: the lines before the last.
    let bare_heading = last.trim().is_empty()
        && m.notes.get(m.step).is_some_and(|ta| {
            let n = ta.lines().len();
            n >= 2 && is_heading(m, &ta.lines()[n - 2])
        });
    let Some(ta) = editor(m) else { return };
    to_end(ta);
    if bare_name {
        ta.delete_line_by_head();
    }
    if bare_heading && matches!(mark, Mark::Heading(_)) {
        // The empty line under it, then the heading itself.
        ta.delete_newline();
        ta.delete_line_by_head();
    }
    if !last_line(ta).trim().is_empty() {
        ta.insert_newline();
    }
    match mark {
        Mark::Speaker(prefix) => {
            ta.insert_str(prefix);
        }
        Mark::Heading(h) => {
            ta.insert_str(h);
            ta.insert_newline();
        }
    }
}
