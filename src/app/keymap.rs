//! Which key does what: on the picker per question, during a run per mode.
//! The key bars and the help screen describe the same keys.
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::Input;

use super::{
    Action, App, Mode, Pick, Screen, UnsavedView,
    picker::{Picker, Stage},
};

/// The action for a key on the screen that is showing.
pub fn map_app_key(app: &App, key: KeyEvent) -> Option<Action> {
    match &app.screen {
        Screen::Picker(p) => map_picker_key(p, key),
        Screen::Run(m) => map_key(&m.mode, key),
    }
}

/// The picker's keys: arrows, j/k, Home/End and digits choose; Enter goes on, Esc back.
pub fn map_picker_key(p: &Picker, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Pick(Pick::Cancel));
    }
    let pick = match key.code {
        KeyCode::Enter => Pick::Next,
        KeyCode::Esc => Pick::Back,
        _ if p.stage == Stage::Group => return Some(Action::Edit(Input::from(key))),
        KeyCode::Up | KeyCode::Char('k') => Pick::Up,
        KeyCode::Down | KeyCode::Char('j') => Pick::Down,
        KeyCode::Home => Pick::First,
        KeyCode::End => Pick::Last,
        KeyCode::Char(c) => Pick::Digit(c.to_digit(10)?),
        _ => return None,
    };
    Some(Action::Pick(pick))
}

/// How far PageUp and PageDown scroll the help.
const HELP_PAGE: i16 = 5;

/// The keys of a run, per mode.
pub fn map_key(mode: &Mode, key: KeyEvent) -> Option<Action> {
    // Windows and some terminals also report releases: act on presses (and held keys) only.
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let ctrl_c = ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C'));
    let ctrl_key = |c: char| ctrl && key.code == KeyCode::Char(c);
    // Actions from anywhere in a run, typing notes too: keys that never start a sentence.
    if matches!(mode, Mode::Navigate | Mode::Typing | Mode::ActionList) {
        if ctrl_key('a') {
            return Some(Action::RecordAction);
        }
        if ctrl_key('l') && *mode != Mode::ActionList {
            return Some(Action::ListActions);
        }
    }
    match mode {
        Mode::ActionForm => match key.code {
            _ if ctrl_c => Some(Action::Quit),
            KeyCode::Esc => Some(Action::CloseOverlay),
            KeyCode::Enter => Some(Action::SaveAction),
            KeyCode::Tab => Some(Action::NextField),
            KeyCode::BackTab => Some(Action::PrevField),
            KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
            _ => Some(Action::Edit(Input::from(key))),
        },
        Mode::ActionList => match key.code {
            _ if ctrl_c => Some(Action::Quit),
            KeyCode::Esc => Some(Action::CloseOverlay),
            _ if ctrl => None,
            KeyCode::Up | KeyCode::Char('k') => Some(Action::MoveInList(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::MoveInList(1)),
            KeyCode::Enter => Some(Action::EditAction),
            KeyCode::Char(' ') => Some(Action::ToggleActionDone),
            KeyCode::Delete | KeyCode::Backspace => Some(Action::RemoveAction),
            _ => None,
        },
        Mode::Blank => Some(Action::Unblank),
        Mode::Help => Some(match key.code {
            _ if ctrl_c => Action::Quit,
            // On a small screen the help scrolls; any other key closes it.
            KeyCode::Up | KeyCode::Char('k') => Action::ScrollHelp(-1),
            KeyCode::Down | KeyCode::Char('j') => Action::ScrollHelp(1),
            KeyCode::PageUp => Action::ScrollHelp(-HELP_PAGE),
            KeyCode::PageDown => Action::ScrollHelp(HELP_PAGE),
            _ => Action::CloseOverlay,
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
        Mode::Unsaved {
            view: UnsavedView::Choices,
            ..
        } => match key.code {
            KeyCode::Char('w') => Some(Action::StartSaveElsewhere),
            KeyCode::Char('r') => Some(Action::RetrySave),
            KeyCode::Char('d') => Some(Action::DiscardAndQuit),
            KeyCode::Esc => Some(Action::CloseOverlay),
            _ => None,
        },
        Mode::Unsaved {
            view: UnsavedView::SavePath,
            ..
        } => match key.code {
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
