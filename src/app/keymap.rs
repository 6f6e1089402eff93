//! Which key does what: on the picker per question; during a run from the binding table
//! (`keys.rs`), which the key bar and the help screen describe too.
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::Input;

use super::{
    keys::{self, Do},
    mode::{Mode, Overlay, UnsavedView},
    model::{App, Model, Screen},
    msg::{Msg, Pick},
    picker::{Picker, Stage},
};

/// The message for a key on the screen that is showing.
pub fn map_app_key(app: &App, key: KeyEvent) -> Option<Msg> {
    match &app.screen {
        Screen::Picker(p) => map_picker_key(p, key),
        Screen::Run(m) => map_key(m, key),
    }
}

/// The picker's keys: arrows, j/k, Home/End and digits choose; Enter goes on, Esc back.
pub fn map_picker_key(p: &Picker, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Msg::Pick(Pick::Cancel));
    }
    let pick = match key.code {
        KeyCode::Enter => Pick::Next,
        KeyCode::Esc => Pick::Back,
        KeyCode::Tab | KeyCode::Down if p.stage == Stage::Group => Pick::Down,
        KeyCode::BackTab | KeyCode::Up if p.stage == Stage::Group => Pick::Up,
        _ if p.stage == Stage::Group => return Some(Msg::Edit(Input::from(key))),
        KeyCode::Up | KeyCode::Char('k') => Pick::Up,
        KeyCode::Down | KeyCode::Char('j') => Pick::Down,
        KeyCode::Home => Pick::First,
        KeyCode::Char(' ') if p.stage == Stage::Episode => Pick::Toggle,
        KeyCode::End => Pick::Last,
        KeyCode::Char(c) => Pick::Digit(c.to_digit(10)?),
        _ => return None,
    };
    Some(Msg::Pick(pick))
}

/// The keys of a run: what the binding table (`keys.rs`) says for where the run is.
pub fn map_key(m: &Model, key: KeyEvent) -> Option<Msg> {
    // Windows and some terminals also report releases: act on presses (and held keys) only.
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let at = keys::places(m);
    match keys::lookup(&at, &key) {
        Some(Do::Act(msg)) => Some(msg),
        Some(Do::Edit) => Some(Msg::Edit(Input::from(key))),
        // The editor's other keys (Backspace, Enter, Tab, Ctrl+arrows …) edit; but its Emacs
        // shortcuts (Ctrl+K, Ctrl+W, Alt+D …) delete text in one key press and a facilitator
        // does not know them, so other letters with Ctrl or Alt do nothing.
        None if editing(m) && !is_command_letter(&key) => Some(Msg::Edit(Input::from(key))),
        // Over the blank screen or the help, any other key brings the run back.
        None => match m.overlay {
            Some(Overlay::Blank) => Some(Msg::Unblank),
            Some(Overlay::Help | Overlay::Code) => Some(Msg::CloseOverlay),
            None => None,
        },
    }
}

/// Whether keys go to an editor: the notes, or the path field of the unsaved dialog.
fn editing(m: &Model) -> bool {
    matches!(
        m.mode,
        Mode::Typing
            | Mode::Unsaved {
                view: UnsavedView::SavePath,
                ..
            }
    )
}

/// A letter with Ctrl or with Alt (not both: that is AltGr, which types).
fn is_command_letter(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_)) && !keys::is_printable(key)
}
