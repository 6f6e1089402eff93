//! Quitting: the final save, and the dialog when it failed (retry, save elsewhere, discard).
use crate::app::{
    clock::Now,
    mode::{Mode, UnsavedView},
    model::{Model, path_field},
    msg::{Effect, Msg},
};

pub(super) fn update(m: &mut Model, msg: Msg, now: Now, fx: &mut Vec<Effect>) {
    match msg {
        Msg::Quit | Msg::Terminate | Msg::RetrySave => {
            // A phase's heading still waiting for its line goes in the file too, after it.
            if crate::app::notes::flush_pending(m) {
                super::time::changed(m, now);
            }
            m.quitting = true;
            let rev = m.save.revision;
            m.save.submitted = rev;
            fx.push(Effect::SaveAndQuit(Box::new(m.snapshot(now)), rev));
        }
        Msg::QuitSaveFailed(error) => {
            m.quitting = false;
            m.save.error = Some(error.clone());
            m.mode = Mode::Unsaved {
                error,
                view: UnsavedView::Choices,
            };
        }
        Msg::StartSaveElsewhere => {
            if let Mode::Unsaved { error, .. } = &m.mode {
                let suggestion = m.home.join(m.path.file_name().unwrap_or_default());
                m.save_as = path_field(&suggestion.display().to_string());
                m.mode = Mode::Unsaved {
                    error: error.clone(),
                    view: UnsavedView::SavePath,
                };
            }
        }
        Msg::ConfirmSaveElsewhere => {
            let path = m.save_as.lines().join("").trim().to_string();
            if !path.is_empty() {
                fx.push(Effect::SaveTo(Box::new(m.snapshot(now)), path.into()));
            }
        }
        Msg::DiscardAndQuit => fx.push(Effect::Quit),
        _ => {}
    }
}
