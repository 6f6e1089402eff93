//! Moving through the steps, the timer, the overlays (help, blank screen), and what shows
//! where (the notes panel, the tips, the notes on the room screen).
use super::time::{changed, save_at_once};
use crate::{
    app::{
        clock::Now,
        keys,
        mode::{Mode, Overlay, UnsavedView},
        model::{Model, StatusLine},
        msg::{Effect, Msg},
    },
    session::{Status, countdown::Remaining},
};

const MINUTE: u64 = 60;
/// How long the status line says that the meeting was finished or reopened.
const SAID_FOR: std::time::Duration = std::time::Duration::from_secs(12);

pub(super) fn update(m: &mut Model, msg: Msg, now: Now, fx: &mut Vec<Effect>) {
    match msg {
        Msg::Next if !m.on_summary() => go_to(m, m.step + 1, now, fx),
        Msg::Prev if m.step > 0 => go_to(m, m.step - 1, now, fx),
        Msg::TogglePause if !m.on_summary() => {
            m.paused = !m.paused;
            if m.paused {
                m.stop_clock(now.mono);
            } else {
                m.start_clock(now.mono);
            }
            changed(m, now);
        }
        Msg::AddMinute => adjust_planned(m, true, now),
        Msg::RemoveMinute => adjust_planned(m, false, now),
        Msg::ToggleNotes => {
            m.notes_hidden = !m.notes_hidden;
            if m.notes_hidden && m.mode == Mode::Typing {
                m.mode = Mode::Navigate;
            }
        }
        Msg::ToggleBlank if m.overlay == Some(Overlay::Blank) => close_overlay(m, now, fx),
        // The blank state is in the file, for the room screen.
        Msg::ToggleBlank => {
            m.overlay = Some(Overlay::Blank);
            save_at_once(m, now, fx);
        }
        Msg::Unblank => close_overlay(m, now, fx),
        Msg::ToggleMute => m.muted = !m.muted,
        // Kept in the file: a resume shows them as they were.
        Msg::ToggleTips => {
            m.tips_hidden = !m.tips_hidden;
            changed(m, now);
        }
        Msg::ToggleRoomNotes => {
            m.session.session.room_notes = !m.session.session.room_notes;
            save_at_once(m, now, fx);
        }
        Msg::RoomFollowing(following) => m.room_following = following,
        // On the video step F1 first shows the video's code, large; F1 again all keys.
        Msg::Help => {
            let code = m.overlay.is_none() && m.video_url().is_some();
            m.overlay = Some(if code { Overlay::Code } else { Overlay::Help });
            m.help_scroll = 0;
        }
        Msg::ScrollHelp(by) if m.overlay == Some(Overlay::Help) => {
            let last = keys::help_lines(m.lang).len() as u16;
            m.help_scroll = m.help_scroll.saturating_add_signed(by).min(last);
        }
        Msg::CloseOverlay if m.overlay.is_some() => close_overlay(m, now, fx),
        Msg::CloseOverlay => {
            m.mode = match &m.mode {
                // Esc in the path field goes back to the dialog's choices.
                Mode::Unsaved {
                    error,
                    view: UnsavedView::SavePath,
                } => Mode::Unsaved {
                    error: error.clone(),
                    view: UnsavedView::Choices,
                },
                _ => Mode::Navigate,
            }
        }
        _ => {}
    }
}

/// The help or the blank screen goes; the run underneath is as it was.
pub(super) fn close_overlay(m: &mut Model, now: Now, fx: &mut Vec<Effect>) {
    if m.overlay.take() == Some(Overlay::Blank) {
        save_at_once(m, now, fx);
    }
}

fn go_to(m: &mut Model, step: usize, now: Now, fx: &mut Vec<Effect>) {
    let from_summary = m.on_summary();
    m.stop_clock(now.mono);
    // The video plays while its step is on (for the room screen); leaving it, it is done.
    if let Some(left) = m.session.steps.get_mut(m.step) {
        left.playing = false;
    }
    // A speaker's name or a heading left with nothing under it goes with the step.
    crate::app::notes::leave(m);
    m.step = step.min(m.step_count());
    // Opening a step starts its timer.
    m.paused = false;
    if m.on_summary() {
        m.mode = Mode::Navigate;
        m.session.session.status = Status::Finished;
        m.session.session.finished_at.get_or_insert(now.wall);
        // A clicker pressed once too often finishes the meeting: said, and undone with PageUp.
        let msg = m.texts().finished_status.to_string();
        m.status = Some(StatusLine::new(msg, now.mono + SAID_FOR));
    } else {
        // Back from the summary: a meeting finished in this run is open again; one that was
        // finished before this run stays finished, its additions kept.
        if from_summary {
            let msg = if m.reopened_finished {
                m.texts().reopened_finished
            } else {
                m.session.session.status = Status::InProgress;
                m.session.session.finished_at = None;
                m.texts().reopened_status
            };
            m.status = Some(StatusLine::new(msg.to_string(), now.mono + SAID_FOR));
        }
        m.start_clock(now.mono);
        crate::app::rounds::step_opened(m, now);
        if m.mode != Mode::Typing {
            m.mode = Mode::Navigate;
        }
    }
    save_at_once(m, now, fx);
}

fn adjust_planned(m: &mut Model, more: bool, now: Now) {
    if !m.is_timed() {
        return;
    }
    let step = m.step;
    let s = &mut m.session.steps[step];
    s.planned_seconds = if more {
        s.planned_seconds.saturating_add(MINUTE)
    } else {
        s.planned_seconds.saturating_sub(MINUTE).max(MINUTE)
    };
    // With time added back, the bell may ring again when the new time runs out.
    if !m.remaining(now.mono).is_some_and(Remaining::is_over) {
        m.bell_rung[step] = false;
    }
    changed(m, now);
}
