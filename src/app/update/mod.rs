//! All behaviour, in one `update` function per screen. No I/O: the effects say what the loop
//! must do. By concern:
//! - `navigation`: steps, the timer, the overlays (help, blank screen), the tips and the
//!   room screen's notes;
//! - `editing`: typing notes, pasting, undo;
//! - `quit`: quitting and the dialog when the last save failed;
//! - `disk`: what the loop reports back (saves, save elsewhere, export);
//! - `time`: what time alone makes due (bell, autosave, retry), and when to wake up;
//! - `open`: the run opens (its clock starts, its plan is fitted to the end time);
//! - `picker`: the questions before a run;
//! - `actions`: recording, listing and marking actions;
//! - `video`: `F5` opens the video.
mod actions;
mod disk;
mod editing;
mod navigation;
mod open;
mod picker;
mod quit;
mod rounds;
mod time;
mod video;

pub use time::{SAVE_DELAY, next_deadline};

use super::{
    clock::Now,
    mode::Overlay,
    model::{App, Model, Screen},
    msg::{Effect, Msg},
};

/// The one update of the app: the message goes to the screen that is showing.
pub fn update(app: &mut App, msg: Msg, now: Now) -> Vec<Effect> {
    match &mut app.screen {
        Screen::Picker(p) => match msg {
            Msg::Opened(opened) => {
                let opened = *opened;
                let mut m = Model::new(opened.session, opened.path, opened.episode)
                    .with_more_episodes(opened.more_episodes)
                    .with_earlier_actions(opened.earlier, opened.taken)
                    .with_council(opened.council);
                m.home = app.home.clone();
                m.tips_hidden = app.tips_hidden;
                m.notice = app.notice.take();
                let fx = update_run(&mut m, Msg::Start, now);
                app.screen = Screen::Run(Box::new(m));
                fx
            }
            msg => picker::update(p, msg),
        },
        Screen::Run(m) => update_run(m, msg, now),
    }
}

/// All behaviour of a run.
pub fn update_run(m: &mut Model, msg: Msg, now: Now) -> Vec<Effect> {
    let mut fx = Vec::new();
    if matches!(msg, Msg::Quit | Msg::Terminate) {
        actions::keep_form_on_quit(m, now, &mut fx);
    }
    // A key that is not the help's or the blank screen's own closes them first, then does
    // what it does underneath: nothing typed over them is lost.
    // F1 over the video's code goes on to the help.
    let code_to_help = m.overlay == Some(Overlay::Code) && matches!(msg, Msg::Help);
    if m.overlay.is_some() && closes_overlay(&msg) && !code_to_help {
        navigation::close_overlay(m, now, &mut fx);
    }
    match msg {
        Msg::Edit(_) | Msg::Paste(_) | Msg::CloseOverlay if actions::is_open(m) => {
            actions::update(m, msg, now, &mut fx)
        }
        Msg::RecordAction
        | Msg::ListActions
        | Msg::NextField
        | Msg::PrevField
        | Msg::SaveAction
        | Msg::MoveInList(_)
        | Msg::EditAction
        | Msg::ToggleActionDone
        | Msg::RemoveAction
        | Msg::EarlierMarked(_)
        | Msg::EarlierAnswered(_) => actions::update(m, msg, now, &mut fx),
        Msg::Next
        | Msg::Prev
        | Msg::TogglePause
        | Msg::AddMinute
        | Msg::RemoveMinute
        | Msg::ToggleNotes
        | Msg::ToggleBlank
        | Msg::Unblank
        | Msg::ToggleMute
        | Msg::ToggleTips
        | Msg::ToggleRoomNotes
        | Msg::RoomFollowing(_)
        | Msg::Help
        | Msg::ScrollHelp(_)
        | Msg::CloseOverlay => navigation::update(m, msg, now, &mut fx),
        Msg::StartTyping
        | Msg::StopTyping
        | Msg::Edit(_)
        | Msg::Paste(_)
        | Msg::Undo
        | Msg::Redo
        | Msg::TogglePrivate
        | Msg::ClearField => editing::update(m, msg, now),
        Msg::Quit
        | Msg::Terminate
        | Msg::RetrySave
        | Msg::QuitSaveFailed(_)
        | Msg::StartSaveElsewhere
        | Msg::ConfirmSaveElsewhere
        | Msg::DiscardAndQuit => quit::update(m, msg, now, &mut fx),
        Msg::Export | Msg::ExportDone(_) | Msg::Saved(_) | Msg::SavedElsewhere(_) => {
            disk::update(m, msg, now, &mut fx)
        }
        Msg::NextTurn | Msg::Pass | Msg::Shuffle | Msg::ToggleRound | Msg::TakeOverrun => {
            rounds::update(m, msg, now, &mut fx)
        }
        Msg::OpenVideo | Msg::VideoOpened(..) => video::update(m, msg, now, &mut fx),
        Msg::Start => open::open(m, now),
        Msg::Tick | Msg::Pick(_) | Msg::Opened(_) => {}
    }
    time::housekeeping(m, now, &mut fx);
    m.sync_editor();
    fx
}

/// Whether an msg comes from the user and is not the overlays' own (those handle them).
fn closes_overlay(msg: &Msg) -> bool {
    !matches!(
        msg,
        Msg::ScrollHelp(_)
            | Msg::CloseOverlay
            | Msg::Unblank
            | Msg::ToggleBlank
            | Msg::Tick
            | Msg::Saved(_)
            | Msg::ExportDone(_)
            | Msg::SavedElsewhere(_)
            | Msg::QuitSaveFailed(_)
            | Msg::Terminate
            | Msg::Pick(_)
            | Msg::Start
            | Msg::Opened(_)
            | Msg::EarlierMarked(_)
            | Msg::EarlierAnswered(_)
            | Msg::VideoOpened(..)
    )
}
