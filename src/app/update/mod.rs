//! All behaviour, in one `update` function per screen. No I/O: the effects say what the loop
//! must do. By concern:
//! - `navigation`: steps, the timer, the overlays (help, blank screen), the tips and the
//!   room screen's notes;
//! - `editing`: typing notes, pasting, undo;
//! - `quit`: quitting and the dialog when the last save failed;
//! - `disk`: what the loop reports back (saves, save elsewhere, export);
//! - `time`: what time alone makes due (bell, autosave, retry), and when to wake up;
//! - `picker`: the questions before a run;
//! - `agreements`: recording, listing and marking actions.
mod agreements;
mod disk;
mod editing;
mod navigation;
mod picker;
mod quit;
mod rounds;
mod time;

pub use time::{SAVE_DELAY, next_deadline};

use super::{Action, App, Effect, Model, Screen, clock::Now};

pub(crate) use time::changed;

/// The one update of the app: the action goes to the screen that is showing.
pub fn update(app: &mut App, action: Action, now: Now) -> Vec<Effect> {
    match &mut app.screen {
        Screen::Picker(p) => match action {
            Action::Opened(opened) => {
                let opened = *opened;
                let mut m = Model::new(opened.session, opened.path, opened.episode, now)
                    .with_agreements(opened.earlier, opened.taken);
                m.home = app.home.clone();
                m.tips_hidden = app.tips_hidden;
                app.screen = Screen::Run(Box::new(m));
                Vec::new()
            }
            action => picker::update(p, action),
        },
        Screen::Run(m) => update_run(m, action, now),
    }
}

/// All behaviour of a run.
pub fn update_run(m: &mut Model, action: Action, now: Now) -> Vec<Effect> {
    let mut fx = Vec::new();
    if matches!(action, Action::Quit | Action::Terminate) {
        agreements::keep_form_on_quit(m, now);
    }
    // A key that is not the help's or the blank screen's own closes them first, then does
    // what it does underneath: nothing typed over them is lost.
    if m.overlay.is_some() && closes_overlay(&action) {
        navigation::close_overlay(m, now, &mut fx);
    }
    match action {
        Action::Edit(_) | Action::Paste(_) | Action::CloseOverlay if agreements::is_open(m) => {
            agreements::update(m, action, now, &mut fx)
        }
        Action::RecordAction
        | Action::ListActions
        | Action::NextField
        | Action::PrevField
        | Action::SaveAction
        | Action::MoveInList(_)
        | Action::EditAction
        | Action::ToggleActionDone
        | Action::RemoveAction
        | Action::EarlierMarked(_) => agreements::update(m, action, now, &mut fx),
        Action::Next
        | Action::Prev
        | Action::TogglePause
        | Action::AddMinute
        | Action::RemoveMinute
        | Action::ToggleNotes
        | Action::ToggleBlank
        | Action::Unblank
        | Action::ToggleMute
        | Action::ToggleTips
        | Action::ToggleRoomNotes
        | Action::RoomFollowing(_)
        | Action::Help
        | Action::ScrollHelp(_)
        | Action::CloseOverlay => navigation::update(m, action, now, &mut fx),
        Action::StartTyping
        | Action::StopTyping
        | Action::Edit(_)
        | Action::Paste(_)
        | Action::Undo
        | Action::Redo
        | Action::ClearField => editing::update(m, action, now),
        Action::Quit
        | Action::Terminate
        | Action::RetrySave
        | Action::QuitSaveFailed(_)
        | Action::StartSaveElsewhere
        | Action::ConfirmSaveElsewhere
        | Action::DiscardAndQuit => quit::update(m, action, now, &mut fx),
        Action::Export | Action::ExportDone(_) | Action::Saved(_) | Action::SavedElsewhere(_) => {
            disk::update(m, action, now, &mut fx)
        }
        Action::NextTurn
        | Action::Pass
        | Action::Shuffle
        | Action::ToggleRound
        | Action::TakeOverrun => rounds::update(m, action, now, &mut fx),
        Action::Tick | Action::Pick(_) | Action::Opened(_) => {}
    }
    time::housekeeping(m, now, &mut fx);
    m.sync_editor();
    fx
}

/// Whether an action comes from the user and is not the overlays' own (those handle them).
fn closes_overlay(action: &Action) -> bool {
    !matches!(
        action,
        Action::ScrollHelp(_)
            | Action::CloseOverlay
            | Action::Unblank
            | Action::ToggleBlank
            | Action::Tick
            | Action::Saved(_)
            | Action::ExportDone(_)
            | Action::SavedElsewhere(_)
            | Action::QuitSaveFailed(_)
            | Action::Terminate
            | Action::Pick(_)
            | Action::Opened(_)
            | Action::EarlierMarked(_)
    )
}
