use std::path::PathBuf;

use ratatui_textarea::Input;

use crate::session::{Session, store::SaveOutcome};

/// Everything that can happen to a run.
#[derive(Debug, Clone)]
pub enum Action {
    Next,
    Prev,
    TogglePause,
    AddMinute,
    RemoveMinute,
    StartTyping,
    StopTyping,
    /// A key for the notes editor (or the save-as field).
    Edit(Input),
    Paste(String),
    /// A letter that is no command, in navigation: tell how to type notes.
    TypingHint,
    Undo,
    Redo,
    /// Ctrl+U in the save-as field: start the path afresh.
    ClearField,
    ToggleNotes,
    Blank,
    /// Any key while the screen is blank.
    Unblank,
    ToggleMute,
    /// Ctrl+T: hide / show the tips on a single screen.
    ToggleTips,
    /// Ctrl+R: the room screen shows / hides the notes (saved at once).
    ToggleRoomNotes,
    /// Whether a room screen follows (its presence file is fresh), as the loop found.
    RoomFollowing(bool),
    Help,
    CloseOverlay,
    /// `q` or Ctrl+C: save and quit.
    Quit,
    /// SIGTERM or SIGHUP: save and quit without asking anything.
    Terminate,
    Export,
    /// Time passed (the loop woke up for a deadline).
    Tick,
    Saved(SaveOutcome),
    /// The final save before quitting failed: ask what to do.
    QuitSaveFailed(String),
    /// In the unsaved dialog.
    RetrySave,
    StartSaveElsewhere,
    ConfirmSaveElsewhere,
    DiscardAndQuit,
    ExportDone(Result<PathBuf, String>),
    SavedElsewhere(Result<PathBuf, String>),
}

/// What the loop must do after an update.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Write this snapshot (revision) to the session file, off the UI thread.
    Save(Box<Session>, u64),
    /// Save synchronously, then quit (report failure as `QuitSaveFailed`).
    SaveAndQuit(Box<Session>, u64),
    /// Write the session to another path (after the folder went away).
    SaveTo(Box<Session>, PathBuf),
    Bell,
    /// Write a Markdown report beside the session file.
    Export(Box<Session>),
    Quit,
}
