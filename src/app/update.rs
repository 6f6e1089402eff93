use std::time::Duration;

use super::{
    Action, Effect,
    clock::{Now, Remaining, until_next_second},
    model::{Mode, Model},
};
use crate::{
    i18n::{Localize, fill},
    session::{Status, store::SaveOutcome},
};

/// A save is due this long after the oldest unsaved change, so nothing typed waits longer
/// than about a second to reach the disk, even while typing goes on.
pub const SAVE_DELAY: Duration = Duration::from_millis(700);
/// After a failed save, try again this often.
pub const RETRY_EVERY: Duration = Duration::from_secs(2);
/// While a clock runs and nothing else changed, refresh the elapsed times on disk this often.
pub const REFRESH_EVERY: Duration = Duration::from_secs(15);
/// How long a message stays in the status line.
pub const STATUS_FOR: Duration = Duration::from_secs(6);
const MINUTE: u64 = 60;

/// All behaviour of a run. No I/O: the effects say what the loop must do.
pub fn update(m: &mut Model, action: Action, now: Now) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Next => {
            if !m.on_summary() {
                go_to(m, m.step + 1, now, &mut fx);
            }
        }
        Action::Prev => {
            if m.step > 0 {
                go_to(m, m.step - 1, now, &mut fx);
            }
        }
        Action::TogglePause => {
            if !m.on_summary() {
                m.paused = !m.paused;
                if m.paused {
                    m.stop_clock(now.mono);
                } else {
                    m.start_clock(now.mono);
                }
                changed(m, now);
            }
        }
        Action::AddMinute => adjust_planned(m, true, now),
        Action::RemoveMinute => adjust_planned(m, false, now),
        Action::StartTyping => {
            if !m.on_summary() {
                m.notes_hidden = false;
                m.mode = Mode::Typing;
                // The hint about Enter has done its job.
                m.status = None;
            }
        }
        Action::StopTyping => m.mode = Mode::Navigate,
        Action::Unblank => {
            m.mode = Mode::Navigate;
            // The blank state is in the file, for the room screen: save at once.
            changed(m, now);
            save_now(m, now, &mut fx);
        }
        Action::CloseOverlay => {
            m.mode = match &m.mode {
                Mode::Unsaved {
                    error,
                    save_as: true,
                } => Mode::Unsaved {
                    error: error.clone(),
                    save_as: false,
                },
                _ => Mode::Navigate,
            }
        }
        Action::Edit(input) => match &m.mode {
            Mode::Typing => {
                let prefixed = super::rounds::prefix_note(m, &input);
                if let Some(ta) = m.notes.get_mut(m.step)
                    && (ta.input(input) || prefixed)
                {
                    changed(m, now);
                }
            }
            Mode::Unsaved { save_as: true, .. } => {
                m.save_as.input(input);
            }
            _ => {}
        },
        Action::Paste(text) => paste(m, &text, now),
        Action::TypingHint => {
            if !m.on_summary() {
                let hint = m.texts().type_hint.to_string();
                m.status = Some((hint, now.mono + STATUS_FOR));
            }
        }
        Action::Undo | Action::Redo => {
            if m.mode == Mode::Typing
                && let Some(ta) = m.notes.get_mut(m.step)
                && (if matches!(action, Action::Undo) {
                    ta.undo()
                } else {
                    ta.redo()
                })
            {
                changed(m, now);
            }
        }
        Action::ClearField => {
            m.save_as = super::model::path_field("");
        }
        Action::ToggleNotes => {
            m.notes_hidden = !m.notes_hidden;
            if m.notes_hidden && m.mode == Mode::Typing {
                m.mode = Mode::Navigate;
            }
        }
        Action::Blank => {
            m.mode = Mode::Blank;
            changed(m, now);
            save_now(m, now, &mut fx);
        }
        Action::ToggleMute => m.muted = !m.muted,
        Action::Help => m.mode = Mode::Help,
        Action::Quit | Action::Terminate | Action::RetrySave => {
            m.quitting = true;
            let rev = m.save.revision;
            m.save.submitted = rev;
            fx.push(Effect::SaveAndQuit(Box::new(m.snapshot(now)), rev));
        }
        Action::QuitSaveFailed(error) => {
            m.quitting = false;
            m.save.error = Some(error.clone());
            m.mode = Mode::Unsaved {
                error,
                save_as: false,
            };
        }
        Action::StartSaveElsewhere => {
            if let Mode::Unsaved { error, .. } = &m.mode {
                let suggestion = std::env::var_os("HOME")
                    .map(std::path::PathBuf::from)
                    .unwrap_or_default()
                    .join(m.path.file_name().unwrap_or_default());
                m.save_as = super::model::path_field(&suggestion.display().to_string());
                m.mode = Mode::Unsaved {
                    error: error.clone(),
                    save_as: true,
                };
            }
        }
        Action::ConfirmSaveElsewhere => {
            let path = m.save_as.lines().join("").trim().to_string();
            if !path.is_empty() {
                fx.push(Effect::SaveTo(Box::new(m.snapshot(now)), path.into()));
            }
        }
        Action::SavedElsewhere(Ok(_)) | Action::DiscardAndQuit => fx.push(Effect::Quit),
        Action::SavedElsewhere(Err(error)) => {
            m.mode = Mode::Unsaved {
                error,
                save_as: true,
            }
        }
        Action::Export => fx.push(Effect::Export(Box::new(m.snapshot(now)))),
        Action::NextTurn | Action::Pass | Action::Shuffle | Action::ToggleRound
            if m.on_summary() => {}
        Action::NextTurn => {
            if super::rounds::next(m, now) {
                changed(m, now);
                save_now(m, now, &mut fx);
            }
        }
        Action::Pass => {
            if super::rounds::pass(m, now) {
                changed(m, now);
                save_now(m, now, &mut fx);
            }
        }
        Action::Shuffle => {
            if super::rounds::shuffle(m, now) {
                changed(m, now);
                save_now(m, now, &mut fx);
            }
        }
        Action::ToggleRound => {
            if super::rounds::toggle_round(m, now) {
                changed(m, now);
                save_now(m, now, &mut fx);
            }
        }
        Action::TakeOverrun => {
            if super::rounds::take_overrun(m, now) {
                changed(m, now);
                save_now(m, now, &mut fx);
            }
        }
        Action::ExportDone(result) => {
            let t = m.texts();
            let msg = match result {
                // The file name only: it sits beside the session file, and the bar is short.
                Ok(p) => fill(
                    t.exported_to,
                    &[&p.file_name().map_or(p.display().to_string(), |n| {
                        n.to_string_lossy().into_owned()
                    })],
                ),
                Err(e) => fill(t.export_failed, &[&e.render(m.lang)]),
            };
            m.status = Some((msg, now.mono + STATUS_FOR));
        }
        Action::Saved(outcome) => match outcome {
            SaveOutcome::Saved { revision, .. } => {
                m.save.saved = m.save.saved.max(revision);
                m.save.error = None;
            }
            SaveOutcome::Failed { error, .. } => m.save.error = Some(error),
        },
        Action::Tick => {}
    }
    housekeeping(m, now, &mut fx);
    sync_editor(m);
    fx
}

/// The notes editor shows its cursor, and a placeholder that fits, only while typing.
pub(super) fn sync_editor(m: &mut Model) {
    let typing = m.mode == Mode::Typing;
    let t = m.texts();
    if let Some(ta) = m.notes.get_mut(m.step) {
        ta.set_cursor_style(if typing {
            ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            ratatui::style::Style::default()
        });
        ta.set_placeholder_text(if typing {
            t.notes_placeholder_typing
        } else {
            t.notes_placeholder
        });
    }
}

/// Marks the session as changed: a save becomes due.
pub(super) fn changed(m: &mut Model, now: Now) {
    m.save.revision += 1;
    m.save.dirty_since.get_or_insert(now.mono);
}

fn save_now(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    let rev = m.save.revision;
    m.save.submitted = rev;
    m.save.dirty_since = None;
    m.save.last_attempt = Some(now.mono);
    fx.push(Effect::Save(Box::new(m.snapshot(now)), rev));
}

fn go_to(m: &mut Model, step: usize, now: Now, fx: &mut Vec<Effect>) {
    m.stop_clock(now.mono);
    m.step = step.min(m.step_count());
    // Opening a step starts its timer.
    m.paused = false;
    if m.on_summary() {
        m.mode = Mode::Navigate;
        m.session.session.status = Status::Finished;
        m.session.session.finished_at.get_or_insert(now.wall);
    } else {
        m.start_clock(now.mono);
        super::rounds::step_opened(m, now);
        if m.mode != Mode::Typing {
            m.mode = Mode::Navigate;
        }
    }
    changed(m, now);
    save_now(m, now, fx);
}

fn adjust_planned(m: &mut Model, more: bool, now: Now) {
    if !m.is_timed() {
        return;
    }
    let step = m.step;
    let s = &mut m.session.steps[step];
    s.planned_seconds = if more {
        s.planned_seconds + MINUTE
    } else {
        s.planned_seconds.saturating_sub(MINUTE).max(MINUTE)
    };
    // With time added back, the bell may ring again when the new time runs out.
    if !m.remaining(now.mono).is_some_and(Remaining::is_over) {
        m.rang[step] = false;
    }
    changed(m, now);
}

fn paste(m: &mut Model, text: &str, now: Now) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    match &m.mode {
        Mode::Unsaved { save_as: true, .. } => {
            m.save_as
                .insert_str(text.lines().next().unwrap_or_default());
        }
        Mode::Typing | Mode::Navigate if !m.on_summary() => {
            m.notes_hidden = false;
            m.mode = Mode::Typing;
            if let Some(ta) = m.notes.get_mut(m.step)
                && ta.insert_str(&text)
            {
                changed(m, now);
            }
        }
        _ => {}
    }
}

/// What time alone makes due: the bell, the autosave, a retry, the status message expiring.
fn housekeeping(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    if super::rounds::tick(m, now, fx) {
        // The new phase is in the file, for the room screen and a resume.
        changed(m, now);
    }
    if let Some(r) = m.remaining(now.mono)
        && r.is_over()
        && !m.rang[m.step]
    {
        m.rang[m.step] = true;
        if !m.muted {
            fx.push(Effect::Bell);
        }
    }
    if m.quitting {
        return;
    }
    let s = &m.save;
    let due = match (s.error.is_some(), s.last_attempt) {
        // After a failure: retry every few seconds, whatever changed.
        (true, Some(last)) => now.mono >= last + RETRY_EVERY,
        _ => s.revision > s.submitted && s.dirty_since.is_some_and(|d| now.mono >= d + SAVE_DELAY),
    };
    let refresh = !m.paused
        && !m.on_summary()
        && s.revision == s.saved
        && s.last_attempt
            .is_some_and(|l| now.mono >= l + REFRESH_EVERY);
    if refresh {
        changed(m, now);
    }
    if due || refresh {
        save_now(m, now, fx);
    }
    if m.status
        .as_ref()
        .is_some_and(|(_, until)| now.mono >= *until)
    {
        m.status = None;
    }
}

/// When the loop must wake up next, if nothing else happens: the timer's shown second
/// changing, a save falling due, a retry, the status message expiring.
pub fn next_deadline(m: &Model, now: Now) -> Duration {
    let mut next = Duration::from_secs(60 - now.wall.timestamp().rem_euclid(60) as u64);
    let mut consider = |at: std::time::Instant| {
        next = next.min(at.saturating_duration_since(now.mono));
    };
    if let Some(c) = m.clocks.get(m.step)
        && c.is_running()
    {
        consider(now.mono + until_next_second(c.elapsed(now.mono)));
    }
    let s = &m.save;
    if s.error.is_some() {
        if let Some(l) = s.last_attempt {
            consider(l + RETRY_EVERY);
        }
    } else if s.revision > s.submitted
        && let Some(d) = s.dirty_since
    {
        consider(d + SAVE_DELAY);
    } else if let Some(l) = s.last_attempt
        && !m.paused
        && !m.on_summary()
    {
        consider(l + REFRESH_EVERY);
    }
    if let Some((_, until)) = &m.status {
        consider(*until);
    }
    if let Some(d) = super::rounds::next_phase_change(m, now) {
        next = next.min(d);
    }
    next
}
