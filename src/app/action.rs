use std::path::PathBuf;

use ratatui_textarea::Input;

use crate::session::{
    Session,
    store::{SaveOutcome, StoreError},
};

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
    Help,
    CloseOverlay,
    /// `q` or Ctrl+C: save and quit.
    Quit,
    /// SIGTERM or SIGHUP: save and quit without asking anything.
    Terminate,
    Export,
    /// Tab: the next speaker in a round, or the next phase early.
    NextTurn,
    /// Ctrl+K: the current speaker passes.
    Pass,
    /// Ctrl+U: shuffle the speakers not yet spoken.
    Shuffle,
    /// Ctrl+W: make this prompt a speaking round (and back).
    ToggleRound,
    /// Ctrl+O: take the overrun from the steps still to come.
    TakeOverrun,
    /// Time passed (the loop woke up for a deadline).
    Tick,
    Saved(SaveOutcome),
    /// The final save before quitting failed: ask what to do.
    QuitSaveFailed(StoreError),
    /// In the unsaved dialog.
    RetrySave,
    StartSaveElsewhere,
    ConfirmSaveElsewhere,
    DiscardAndQuit,
    ExportDone(Result<PathBuf, StoreError>),
    SavedElsewhere(Result<PathBuf, StoreError>),
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
