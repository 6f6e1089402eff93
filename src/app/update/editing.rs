//! Typing notes (and the path in the unsaved dialog): keys, pastes, undo.
use super::time::changed;
use crate::app::{
    clock::Now,
    mode::{Mode, UnsavedView},
    model::{Model, path_field},
    msg::Msg,
    notes,
};

pub(super) fn update(m: &mut Model, msg: Msg, now: Now) {
    match msg {
        Msg::StartTyping if !m.on_summary() => {
            let entered = start_typing(m);
            if entered {
                changed(m, now);
            }
        }
        Msg::StopTyping => {
            m.mode = Mode::Navigate;
            // A phase's heading that waited for the line being typed.
            if notes::flush_pending(m) {
                changed(m, now);
            }
        }
        Msg::Edit(input) => match &m.mode {
            // A sentence started without Enter: its first key starts the notes and is kept.
            Mode::Navigate | Mode::Typing if !m.on_summary() => {
                let entered = start_typing(m);
                // In a round, a new line starts with the speaker's name.
                let prefixed = crate::app::rounds::prefix_note(m, &input);
                let enter = input.key == ratatui_textarea::Key::Enter && !input.ctrl && !input.alt;
                if enter && !entered && notes::enter_is_idle(m) {
                    return;
                }
                let typed = m.notes.get_mut(m.step).is_some_and(|ta| ta.input(input));
                let headed = notes::after_key(m, enter);
                if entered || prefixed || typed || headed {
                    changed(m, now);
                }
            }
            Mode::Unsaved {
                view: UnsavedView::SavePath,
                ..
            } => {
                m.save_as.input(input);
            }
            _ => {}
        },
        Msg::Paste(text) => paste(m, &text, now),
        Msg::Undo | Msg::Redo => {
            if m.mode == Mode::Typing
                && let Some(ta) = m.notes.get_mut(m.step)
                && (if matches!(msg, Msg::Undo) {
                    ta.undo()
                } else {
                    ta.redo()
                })
            {
                changed(m, now);
            }
        }
        Msg::ClearField => m.save_as = path_field(""),
        // The other notes open as they were left; typing goes on there.
        Msg::TogglePrivate if !m.on_summary() => {
            notes::flush_pending(m);
            m.toggle_private();
            m.notes_hidden = false;
        }
        _ => {}
    }
}

/// Into the notes: from outside them, the cursor goes to a fresh line at the end (see
/// `notes::enter`); already typing, it stays where it is. Returns whether the notes changed.
fn start_typing(m: &mut Model) -> bool {
    m.notes_hidden = false;
    if m.mode == Mode::Typing {
        return false;
    }
    m.mode = Mode::Typing;
    notes::enter(m)
}

fn paste(m: &mut Model, text: &str, now: Now) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    match &m.mode {
        Mode::Unsaved {
            view: UnsavedView::SavePath,
            ..
        } => {
            m.save_as
                .insert_str(text.lines().next().unwrap_or_default());
        }
        Mode::Typing | Mode::Navigate if !m.on_summary() => {
            // From outside the notes a paste starts a fresh line; inside, it goes at the cursor.
            let entered = start_typing(m);
            let prefixed = !text.trim().is_empty() && crate::app::rounds::prefix_line(m);
            let text = crate::app::rounds::prefix_pasted_lines(m, &text);
            let pasted = m
                .notes
                .get_mut(m.step)
                .is_some_and(|ta| ta.insert_str(&text));
            if entered || prefixed || pasted {
                changed(m, now);
            }
        }
        _ => {}
    }
}
