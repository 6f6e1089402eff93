//! What the loop reports back from the disk: saves, saving elsewhere, the Ctrl+E export.
use super::time::STATUS_FOR;
use crate::{
    app::{
        clock::Now,
        mode::{Mode, UnsavedView},
        model::{Model, StatusLine},
        msg::{Effect, Msg},
    },
    i18n::{Localize, fill},
    session::store::SaveOutcome,
};

pub(super) fn update(m: &mut Model, msg: Msg, now: Now, fx: &mut Vec<Effect>) {
    match msg {
        Msg::Export => fx.push(Effect::Export(Box::new(m.snapshot(now)))),
        Msg::ExportDone(result) => {
            let t = m.texts();
            let msg = match result {
                // The file name only: it sits beside the session file, and the bar is short.
                Ok(p) => fill(
                    t.exported_to,
                    [&p.file_name().map_or(p.display().to_string(), |n| {
                        n.to_string_lossy().into_owned()
                    })],
                ),
                Err(e) => fill(t.export_failed, [&e.render(m.lang)]),
            };
            m.status = Some(StatusLine::new(msg, now.mono + STATUS_FOR));
        }
        Msg::Saved(outcome) => match outcome {
            SaveOutcome::Saved { revision, .. } => {
                m.save.saved = m.save.saved.max(revision);
                m.save.error = None;
            }
            SaveOutcome::Failed { error, .. } => m.save.error = Some(error),
        },
        Msg::SavedElsewhere(Ok(_)) => fx.push(Effect::Quit),
        Msg::SavedElsewhere(Err(error)) => {
            m.mode = Mode::Unsaved {
                error,
                view: UnsavedView::SavePath,
            }
        }
        _ => {}
    }
}
