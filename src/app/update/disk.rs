//! What the loop reports back from the disk: saves, saving elsewhere, the Ctrl+E export.
use super::time::{STATUS_FOR, save_at_once};
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
            // File names only: they sit beside the session file, and the bar is short.
            let name = |p: &std::path::Path| {
                p.file_name().map_or(p.display().to_string(), |n| {
                    n.to_string_lossy().into_owned()
                })
            };
            let msg = match result {
                Ok(w) => {
                    let msg = match &w.kept {
                        None => fill(t.exported_to, [&name(&w.path)]),
                        Some(kept) => fill(t.exported_beside, [&name(&w.path), &name(kept)]),
                    };
                    // Recorded in the session file, so that the next Ctrl+E (and `voer
                    // delete`) knows this report as voer's own while it is unchanged.
                    let reports = &mut m.session.reports;
                    reports.retain(|r| r.name != w.record.name);
                    reports.push(w.record);
                    save_at_once(m, now, fx);
                    msg
                }
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
            // Said, so that the facilitator knows why: someone removed the lock file.
            SaveOutcome::LockMadeAgain { .. } => {
                let msg = m.texts().lock_made_again.to_string();
                m.status = Some(StatusLine::new(msg, now.mono + STATUS_FOR));
            }
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
