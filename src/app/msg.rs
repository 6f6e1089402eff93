use std::{path::PathBuf, sync::Arc};

use ratatui_textarea::Input;

use super::{
    episode_view::EpisodeView,
    video::{VideoError, VideoTarget},
};
use crate::{
    actions::folder::{ActionError, Found},
    episode::{Audience, Episode},
    session::{
        Action, Session,
        store::{SaveOutcome, StoreError},
    },
};

/// Everything that can happen, on the picker or during a run: the messages `update` takes.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key on the picker.
    Pick(Pick),
    /// The loop has started: a run given on the command line (new or resumed) opens; the
    /// picker waits for its keys.
    Start,
    /// The picker's choice became a session file (the loop created and locked it): the run
    /// opens.
    Opened(Box<Opened>),
    Next,
    Prev,
    TogglePause,
    AddMinute,
    RemoveMinute,
    StartTyping,
    StopTyping,
    /// A key for the notes editor (or the save-as field, or the group name on the picker).
    /// Outside the notes, on a step with notes, it starts typing with that key.
    Edit(Input),
    Paste(String),
    Undo,
    Redo,
    /// Ctrl+U in the save-as field: start the path afresh.
    ClearField,
    ToggleNotes,
    /// Ctrl+F: the facilitator's private notes in the editor, or the group's again.
    TogglePrivate,
    /// Blank the screen, or bring it back.
    ToggleBlank,
    /// A key that is not the blank key while the screen is blank: bring it back.
    Unblank,
    ToggleMute,
    /// Ctrl+T: hide / show the tips on a single screen.
    ToggleTips,
    /// Ctrl+R: the room screen shows / hides the notes (saved at once).
    ToggleRoomNotes,
    /// Whether a room screen follows (its presence file is fresh), as the loop found.
    RoomFollowing(bool),
    Help,
    /// Scroll the help screen by this many lines (negative: up).
    ScrollHelp(i16),
    CloseOverlay,
    /// Ctrl+C: save and quit (on the picker: quit, nothing was made yet).
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
    /// The Ctrl+E report was written: where, and what the session file is to record of it.
    ExportDone(Result<crate::session::store::Written, StoreError>),
    SavedElsewhere(Result<PathBuf, StoreError>),
    /// Ctrl+A: record an action (what, who, when), from anywhere.
    RecordAction,
    /// Ctrl+L: the list of actions.
    ListActions,
    /// Tab and Shift+Tab in the form.
    NextField,
    PrevField,
    /// Enter in the form.
    SaveAction,
    /// ↑↓ in the list.
    MoveInList(i16),
    /// Enter in the list: edit the chosen action.
    EditAction,
    /// Space in the list: done, or open again.
    ToggleActionDone,
    /// Del in the list (twice: the first asks).
    RemoveAction,
    /// An earlier session's action was marked in its own file (its id and the new state), or not.
    EarlierMarked(Result<(String, bool), Arc<ActionError>>),
    /// A council's question got its answer in the council's own file (the question as it now
    /// is, boxed: a message stays small), or not.
    EarlierAnswered(Result<Box<Action>, Arc<ActionError>>),
    /// F5: open the video (on the video step).
    OpenVideo,
    /// The opener started for this target, or it failed (also later, when it ended badly).
    VideoOpened(VideoTarget, Result<(), Arc<VideoError>>),
}

/// The picker's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Up,
    Down,
    First,
    Last,
    /// A digit: the episode with that number, or the item at that place in the list.
    Digit(u32),
    /// Space on the episodes: the highlighted one joins the meeting (several), or leaves it.
    Toggle,
    /// Enter: the next question, or start.
    Next,
    /// Esc: the previous question, or quit on the first.
    Back,
    /// Ctrl+C: quit.
    Cancel,
}

/// A new session, written and locked, ready to run.
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: Session,
    pub path: PathBuf,
    pub episode: EpisodeView,
    /// In a meeting of several: the second and later episodes.
    pub more_episodes: Vec<EpisodeView>,
    /// `--questions-from`: the council and its questions without an answer.
    pub council: Option<crate::actions::questions::Asked>,
    /// The open actions of the group's earlier sessions.
    pub earlier: Vec<Found>,
    /// The ids in use in the sessions folder.
    pub taken: std::collections::HashSet<String>,
}

/// What the picker chose: the loop makes a session file of it.
#[derive(Debug, Clone)]
pub struct Choice {
    /// One or more, in the order of the meeting.
    pub episodes: Vec<Episode>,
    pub audience: Audience,
    pub group: String,
    /// Who leads the conversation (may be empty).
    pub facilitator: String,
    /// First names or initials, for speaking rounds.
    pub participants: Vec<String>,
    /// When the meeting must end.
    pub until: Option<chrono::NaiveTime>,
}

/// What the loop must do after an update.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Create, lock and save a new session file for the picker's choice, then report `Opened`.
    CreateSession(Box<Choice>),
    /// Write this snapshot (revision) to the session file, off the UI thread.
    Save(Box<Session>, u64),
    /// Save synchronously, then quit (report failure as `QuitSaveFailed`).
    SaveAndQuit(Box<Session>, u64),
    /// Write the session to another path (after the folder went away), off the UI thread;
    /// report `SavedElsewhere`.
    SaveTo(Box<Session>, PathBuf),
    Bell,
    /// Open the video's address or file with the system's opener, off the UI thread; report
    /// `VideoOpened`.
    OpenVideo(VideoTarget),
    /// Write a Markdown report beside the session file, off the UI thread; report `ExportDone`.
    Export(Box<Session>),
    /// Mark the action `id` in the session file at `path` done (or open), under that
    /// session's lock, off the UI thread; report `EarlierMarked`.
    MarkEarlier {
        path: PathBuf,
        id: String,
        done: bool,
    },
    /// Record `answer` (at `at`) to the council's question `id` in its session file at `path`,
    /// under that session's lock, off the UI thread; report `EarlierAnswered`.
    AnswerEarlier {
        path: PathBuf,
        id: String,
        answer: String,
        at: chrono::DateTime<chrono::FixedOffset>,
    },
    Quit,
}
