//! What the keys work on (`Mode`) and what covers the run for a moment (`Overlay`).
use crate::session::store::StoreError;

/// What the keys work on: the step, its notes, or the dialog after a failed last save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Navigate,
    Typing,
    /// Recording or editing an action (what, who, when).
    ActionForm,
    /// The actions of this session and the open ones of earlier sessions.
    ActionList,
    /// The last save before quitting failed; the notes are only in memory.
    Unsaved {
        error: StoreError,
        view: UnsavedView,
    },
}

/// What covers the run for a moment. Underneath, the mode stays as it was: a key that is not
/// the overlay's own closes it and then does what it does there (typing goes on typing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// All keys.
    Help,
    /// A blank screen for a sensitive moment (the room screen blanks too).
    Blank,
    /// The video's QR code as large as the window allows (F1 on the video step).
    Code,
}

/// What the unsaved-notes dialog shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedView {
    /// The choices: save elsewhere, retry, discard.
    Choices,
    /// The field in which the path to save elsewhere is typed.
    SavePath,
}
