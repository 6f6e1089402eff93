//! Which key does what, per mode. The key bar and the help screen describe the same keys.
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::Input;

use super::{Action, Mode};

/// Rounds, phases and the plan: the same keys while typing and not.
fn time_key(code: KeyCode, ctrl: bool) -> Option<Action> {
    match code {
        KeyCode::Tab => Some(Action::NextTurn),
        KeyCode::Char('k') if ctrl => Some(Action::Pass),
        KeyCode::Char('u') if ctrl => Some(Action::Shuffle),
        KeyCode::Char('w') if ctrl => Some(Action::ToggleRound),
        KeyCode::Char('o') if ctrl => Some(Action::TakeOverrun),
        _ => None,
    }
}

pub fn map_key(mode: &Mode, key: KeyEvent) -> Option<Action> {
    // Windows and some terminals also report releases: act on presses (and held keys) only.
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let ctrl_c = ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C'));
    if matches!(mode, Mode::Typing | Mode::Navigate)
        && let Some(a) = time_key(key.code, ctrl)
    {
        return Some(a);
    }
    match mode {
        Mode::Blank => Some(Action::Unblank),
        Mode::Help => Some(if ctrl_c {
            Action::Quit
        } else {
            Action::CloseOverlay
        }),
        Mode::Typing => match key.code {
            _ if ctrl_c => Some(Action::Quit),
            KeyCode::Esc => Some(Action::StopTyping),
            KeyCode::PageDown => Some(Action::Next),
            KeyCode::PageUp => Some(Action::Prev),
            KeyCode::Char('z') if ctrl => Some(Action::Undo),
            KeyCode::Char('y') if ctrl => Some(Action::Redo),
            // The editor's Emacs shortcuts (Ctrl+K, Ctrl+J, Ctrl+W, Alt+D …) delete text in
            // one key press; a facilitator does not know them, so letters with Ctrl or Alt do
            // nothing. Ctrl/Alt with arrows, Home/End and Backspace still work.
            KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
            _ => Some(Action::Edit(Input::from(key))),
        },
        Mode::Unsaved { save_as: false, .. } => match key.code {
            KeyCode::Char('w') => Some(Action::StartSaveElsewhere),
            KeyCode::Char('r') => Some(Action::RetrySave),
            KeyCode::Char('d') => Some(Action::DiscardAndQuit),
            KeyCode::Esc => Some(Action::CloseOverlay),
            _ => None,
        },
        Mode::Unsaved { save_as: true, .. } => match key.code {
            KeyCode::Enter => Some(Action::ConfirmSaveElsewhere),
            KeyCode::Esc => Some(Action::CloseOverlay),
            KeyCode::Char('u') if ctrl => Some(Action::ClearField),
            _ if ctrl => None,
            _ => Some(Action::Edit(Input::from(key))),
        },
        Mode::Navigate => match key.code {
            _ if ctrl_c => Some(Action::Quit),
            _ if ctrl => None,
            KeyCode::Right | KeyCode::PageDown | KeyCode::Char('n') => Some(Action::Next),
            KeyCode::Left | KeyCode::PageUp | KeyCode::Char('p') => Some(Action::Prev),
            KeyCode::Char(' ') => Some(Action::TogglePause),
            KeyCode::Char('+') | KeyCode::Char('=') => Some(Action::AddMinute),
            KeyCode::Char('-') | KeyCode::Char('_') => Some(Action::RemoveMinute),
            KeyCode::Enter | KeyCode::Char('e') => Some(Action::StartTyping),
            KeyCode::Char('h') => Some(Action::ToggleNotes),
            KeyCode::Char('b') => Some(Action::Blank),
            KeyCode::Char('m') => Some(Action::ToggleMute),
            KeyCode::Char('?') | KeyCode::F(1) => Some(Action::Help),
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Char('x') => Some(Action::Export),
            // Someone starts typing notes without Enter: say how, rather than do nothing.
            KeyCode::Char(c) if !c.is_control() => Some(Action::TypingHint),
            _ => None,
        },
    }
}
