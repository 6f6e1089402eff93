//! Typing notes (and the path in the unsaved dialog): keys, pastes, undo.
use super::time::changed;
use crate::app::{
    clock::Now,
    mode::{Mode, UnsavedView},
    model::{Model, path_field},
    msg::Msg,
};

pub(super) fn update(m: &mut Model, msg: Msg, now: Now) {
    match msg {
        Msg::StartTyping if !m.on_summary() => start_typing(m),
        Msg::StopTyping => m.mode = Mode::Navigate,
        Msg::Edit(input) => match &m.mode {
            // A sentence started without Enter: its first key starts the notes and is kept.
            Mode::Navigate | Mode::Typing if !m.on_summary() => {
                start_typing(m);
                // In a round, a new line starts with the speaker's name.
                let prefixed = crate::app::rounds::prefix_note(m, &input);
                if let Some(ta) = m.notes.get_mut(m.step)
                    && (ta.input(input) || prefixed)
                {
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
        _ => {}
    }
}

fn start_typing(m: &mut Model) {
    m.notes_hidden = false;
    m.mode = Mode::Typing;
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
            m.notes_hidden = false;
            m.mode = Mode::Typing;
            let prefixed = !text.trim().is_empty() && crate::app::rounds::prefix_line(m);
            if let Some(ta) = m.notes.get_mut(m.step)
                && (ta.insert_str(&text) || prefixed)
            {
                changed(m, now);
            }
        }
        _ => {}
    }
}
