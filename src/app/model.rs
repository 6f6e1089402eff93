use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use super::{
    actions::Actions,
    clock::{Now, StepClock},
    episode_view::EpisodeView,
    mode::{Mode, Overlay},
    picker::Picker,
};
use crate::{
    i18n::{self, Texts},
    lang::Lang,
    session::{Session, Status, countdown::Remaining, store::StoreError},
};

/// Where the notes stand with the disk.
#[derive(Debug, Clone, Default)]
pub struct SaveState {
    /// Bumped by every change worth saving.
    pub revision: u64,
    /// The newest revision known to be on disk.
    pub saved: u64,
    /// The newest revision handed to the saver.
    pub submitted: u64,
    /// When the oldest change not yet handed to the saver was made: a save is due soon after.
    pub dirty_since: Option<Instant>,
    /// The last save's error, until a save succeeds.
    pub error: Option<StoreError>,
    pub last_attempt: Option<Instant>,
}

impl SaveState {
    pub fn is_clean(&self) -> bool {
        self.saved == self.revision && self.error.is_none()
    }
}

/// A short message in the status line, until it expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    /// How many bytes at the end of `text` a narrow bar never cuts: what must be read whole
    /// ("'na de zomer' is geen datum"); the start gives way first.
    pub keep: usize,
    pub until: Instant,
}

impl StatusLine {
    pub fn new(text: String, until: Instant) -> StatusLine {
        StatusLine {
            text,
            keep: 0,
            until,
        }
    }

    /// `head` then `tail`, of which the tail is never cut.
    pub fn keeping_end(head: &str, tail: &str, until: Instant) -> StatusLine {
        StatusLine {
            text: format!("{head}{tail}"),
            keep: tail.len(),
            until,
        }
    }

    /// The part a narrow bar may shorten, and the part it never cuts.
    pub fn parts(&self) -> (&str, &str) {
        let at = self.text.len().saturating_sub(self.keep);
        match self.text.is_char_boundary(at) {
            true => self.text.split_at(at),
            false => (self.text.as_str(), ""),
        }
    }
}

/// Everything a run knows. Drawing only reads it; `update` is the only writer.
pub struct Model {
    pub session: Session,
    pub path: PathBuf,
    /// The episode (in a meeting of several, the first).
    pub episode: EpisodeView,
    /// In a meeting of several: the second and later episodes, in order.
    pub more_episodes: Vec<EpisodeView>,
    pub lang: Lang,
    /// One notes editor per step: the open one, the group's notes or (while
    /// [`Model::private_open`]) the facilitator's own. Every key and paste goes here.
    pub notes: Vec<TextArea<'static>>,
    /// The other notes of each step, closed: the facilitator's own while the group's are open,
    /// and the other way round. `Ctrl+F` swaps the two.
    pub other_notes: Vec<TextArea<'static>>,
    /// The facilitator's private notes are open in the editor (see `notes`).
    pub private_open: bool,
    pub clocks: Vec<StepClock>,
    /// Per step: whether the overrun bell has rung.
    pub bell_rung: Vec<bool>,
    /// Current step; `steps.len()` is the summary.
    pub step: usize,
    pub paused: bool,
    pub mode: Mode,
    pub overlay: Option<Overlay>,
    pub notes_hidden: bool,
    pub muted: bool,
    pub save: SaveState,
    /// A short message in the status line, until it expires.
    pub status: Option<StatusLine>,
    /// The file held finished status before this run reopened it.
    pub reopened_finished: bool,
    /// The path typed in the unsaved dialog.
    pub save_as: TextArea<'static>,
    pub quitting: bool,
    /// How far the help screen is scrolled, in lines.
    pub help_scroll: u16,
    /// The user's home folder, where saving elsewhere suggests a path (empty: unknown).
    /// Given by the loop, so that `update` reads no environment.
    pub home: PathBuf,
    /// The form and list of actions, and the earlier sessions' open actions.
    pub actions: Actions,
    /// A room screen (`voer room`) follows this session: this screen is the console.
    pub room_following: bool,
    /// The tips are hidden (one projected screen); a following room screen shows them here anyway.
    pub tips_hidden: bool,
    /// A phase's heading that waits for the line being typed to end (see `notes`).
    pub pending_heading: Option<String>,
    /// The turn whose time-is-up bell has rung: step, speaker's place, when the turn started.
    pub turn_bell: Option<(usize, usize, u64)>,
    /// What the status line says as the run opens (sessions past the retention period).
    pub notice: Option<String>,
}

/// The whole app: one screen at a time, and what every screen needs.
pub struct App {
    pub screen: Screen,
    /// The user's home folder (see `Model::home`), handed to the run when it starts.
    pub home: PathBuf,
    /// The run starts with the tips hidden (`--projector`: one projected screen).
    pub tips_hidden: bool,
    /// What the status line says as the run opens (see `Model::notice`).
    pub notice: Option<String>,
}

/// The screens: the picker asks what the command line left out; a run is the meeting.
pub enum Screen {
    Picker(Box<Picker>),
    Run(Box<Model>),
}

impl App {
    pub fn picker(picker: Picker) -> App {
        App {
            screen: Screen::Picker(Box::new(picker)),
            home: PathBuf::new(),
            tips_hidden: false,
            notice: None,
        }
    }

    pub fn run(model: Model) -> App {
        App {
            screen: Screen::Run(Box::new(model)),
            home: PathBuf::new(),
            tips_hidden: false,
            notice: None,
        }
    }

    /// Sets where saving elsewhere suggests a path.
    pub fn with_home(mut self, home: PathBuf) -> App {
        if let Screen::Run(m) = &mut self.screen {
            m.home = home.clone();
        }
        self.home = home;
        self
    }

    /// Starts the run with the tips hidden (`--projector`), or shown.
    pub fn with_tips_hidden(mut self, hidden: bool) -> App {
        if let Screen::Run(m) = &mut self.screen {
            m.tips_hidden = hidden;
        }
        self.tips_hidden = hidden;
        self
    }

    /// What the status line says as the run opens.
    pub fn with_notice(mut self, notice: Option<String>) -> App {
        if let Screen::Run(m) = &mut self.screen {
            m.notice = notice.clone();
        }
        self.notice = notice;
        self
    }

    /// The run, once the meeting has started.
    pub fn run_model(&self) -> Option<&Model> {
        match &self.screen {
            Screen::Run(m) => Some(m),
            Screen::Picker(_) => None,
        }
    }
}

pub fn notes_editor(text: &str, lang: Lang) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_string).collect()
    };
    let mut ta = TextArea::new(lines);
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.set_cursor_line_style(Style::default());
    ta.set_placeholder_text(i18n::texts(lang).notes_placeholder);
    // Faint rather than the editor's own dark grey: no colour where NO_COLOR asks for none.
    ta.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
    ta.set_max_histories(200);
    // Open at the end of the notes, where the group goes on.
    ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

/// The one-line field in which a path is typed (the unsaved dialog).
pub fn path_field(text: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![text.to_string()]);
    ta.set_cursor_line_style(Style::default());
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

impl Model {
    /// A model for a session, at the step the file says, with its elapsed times. Nothing runs
    /// yet: the run opens on `Msg::Start` (the clock starts, the plan is fitted to `until`).
    pub fn new(session: Session, path: PathBuf, episode: EpisodeView) -> Model {
        let lang = session.session.language;
        let notes = session
            .steps
            .iter()
            .map(|s| notes_editor(&s.notes, lang))
            .collect();
        let other_notes = session
            .steps
            .iter()
            .map(|s| notes_editor(&s.private_notes, lang))
            .collect();
        let clocks = session
            .steps
            .iter()
            .map(|s| StepClock::with_elapsed(Duration::from_secs(s.elapsed_seconds)))
            .collect();
        let bell_rung = session
            .steps
            .iter()
            .map(|s| s.kind.is_timed() && s.elapsed_seconds > s.planned_seconds)
            .collect();
        let step = session.session.current_step.min(session.steps.len());
        let paused = session.session.paused;
        let reopened_finished = session.session.status == Status::Finished;
        let session_tips_hidden = session.session.tips_hidden;
        let save_as = path_field("");
        let mut m = Model {
            session,
            path,
            episode,
            more_episodes: Vec::new(),
            lang,
            notes,
            other_notes,
            private_open: false,
            clocks,
            bell_rung,
            step,
            paused,
            mode: Mode::Navigate,
            overlay: None,
            notes_hidden: false,
            muted: false,
            save: SaveState::default(),
            status: None,
            reopened_finished,
            save_as,
            quitting: false,
            help_scroll: 0,
            home: PathBuf::new(),
            actions: Actions::default(),
            room_following: false,
            tips_hidden: session_tips_hidden,
            pending_heading: None,
            turn_bell: None,
            notice: None,
        };
        m.sync_editor();
        m
    }

    /// The notes editor shows its cursor, and a placeholder that fits, only while typing.
    pub(super) fn sync_editor(&mut self) {
        let typing = self.mode == Mode::Typing;
        let t = self.texts();
        if let Some(ta) = self.notes.get_mut(self.step) {
            ta.set_cursor_style(if typing {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            });
            ta.set_placeholder_text(match (self.private_open, typing) {
                (true, _) => t.privacy.private_placeholder,
                (false, true) => t.notes_placeholder_typing,
                (false, false) => t.notes_placeholder,
            });
        }
    }

    /// Whether this screen shows the facilitator's tips: always when a room screen follows
    /// (the room never sees them), else unless hidden.
    pub fn shows_tips(&self) -> bool {
        self.room_following || !self.tips_hidden
    }

    /// The web address of the video, on the video step (F1 shows its code there).
    pub fn video_url(&self) -> Option<&str> {
        self.current()
            .filter(|s| s.kind == crate::session::StepKind::Video)
            .and_then(|s| s.url.as_deref())
            .filter(|u| !u.trim().is_empty())
    }

    /// Whether the current step has a facilitator's tip.
    pub fn has_tip(&self) -> bool {
        self.session
            .steps
            .get(self.step)
            .is_some_and(|s| s.tip.as_deref().is_some_and(|t| !t.trim().is_empty()))
    }

    pub fn texts(&self) -> &'static Texts {
        i18n::texts(self.lang)
    }

    /// Gives the run the open actions of the group's earlier sessions and the ids in use in
    /// the sessions folder (both read by the loop before the run starts).
    pub fn with_earlier_actions(
        mut self,
        earlier: Vec<crate::actions::folder::Found>,
        taken: std::collections::HashSet<String>,
    ) -> Model {
        self.actions.earlier = earlier;
        self.actions.taken = taken;
        self
    }

    /// The second and later episodes of a meeting of several (see [`EpisodeView::more_of`]).
    pub fn with_more_episodes(mut self, more: Vec<EpisodeView>) -> Model {
        self.more_episodes = more;
        self
    }

    /// `--questions-from`: the council whose questions this meeting answers.
    pub fn with_council(mut self, council: Option<crate::actions::questions::Asked>) -> Model {
        self.actions.council = council;
        self
    }

    /// The episode step `index` belongs to: in a meeting of several the one it names, else
    /// (and for the opening, the closing and the summary) the first.
    pub fn episode_at(&self, index: usize) -> &EpisodeView {
        let id = self
            .session
            .steps
            .get(index)
            .and_then(|s| s.episode.as_deref());
        id.and_then(|id| self.more_episodes.iter().find(|e| e.id == id))
            .unwrap_or(&self.episode)
    }

    /// Whether this is a meeting of several episodes.
    pub fn is_series(&self) -> bool {
        self.session.session.is_series()
    }

    pub fn step_count(&self) -> usize {
        self.session.steps.len()
    }

    pub fn on_summary(&self) -> bool {
        self.step >= self.step_count()
    }

    pub fn current(&self) -> Option<&crate::session::Step> {
        self.session.steps.get(self.step)
    }

    pub fn is_timed(&self) -> bool {
        self.current().is_some_and(|s| s.kind.is_timed())
    }

    pub fn elapsed(&self, step: usize, now: Instant) -> Duration {
        self.clocks
            .get(step)
            .map_or(Duration::ZERO, |c| c.elapsed(now))
    }

    pub fn planned(&self, step: usize) -> Duration {
        self.session
            .steps
            .get(step)
            .map_or(Duration::ZERO, |s| Duration::from_secs(s.planned_seconds))
    }

    /// Time left (or over) on the current step, if it is timed.
    pub fn remaining(&self, now: Instant) -> Option<Remaining> {
        self.current()?.remaining(self.elapsed(self.step, now))
    }

    /// Time left (or over) in the current speaker's turn, while a round has speakers to go.
    pub fn turn_remaining(&self, now: Instant) -> Option<Remaining> {
        self.current()?.turn_remaining(self.elapsed(self.step, now))
    }

    /// The current phase's index, and its time left (or over).
    pub fn phase_remaining(&self, now: Instant) -> Option<(usize, Remaining)> {
        self.current()?
            .phase_remaining(self.elapsed(self.step, now))
    }

    /// The wall-clock time at which the meeting ends at this pace: now, plus what is left of
    /// the current step, plus the planned time of the steps after it.
    pub fn expected_end(&self, now: Now) -> chrono::DateTime<chrono::FixedOffset> {
        // What is left of the current step's plan, an opening's or a quote's too.
        let mut left = self
            .planned(self.step)
            .saturating_sub(self.elapsed(self.step, now.mono));
        for i in (self.step + 1)..self.step_count() {
            left = left.saturating_add(self.planned(i));
        }
        now.plus(left).wall
    }

    pub(super) fn start_clock(&mut self, now: Instant) {
        if let Some(c) = self.clocks.get_mut(self.step) {
            c.start(now);
        }
    }

    pub(super) fn stop_clock(&mut self, now: Instant) {
        if let Some(c) = self.clocks.get_mut(self.step) {
            c.stop(now);
        }
    }

    /// The session as it should be on disk now.
    pub fn snapshot(&self, now: Now) -> Session {
        let mut s = self.session.clone();
        for (i, step) in s.steps.iter_mut().enumerate() {
            step.elapsed_seconds = self.elapsed(i, now.mono).as_secs();
            step.notes = self.notes_text(i);
            step.private_notes = self.private_notes_text(i);
        }
        s.session.current_step = self.step;
        s.session.paused = self.paused;
        s.session.blanked = self.overlay == Some(Overlay::Blank);
        s.session.tips_hidden = self.tips_hidden;
        // When the running timer started, as a follower can use it: now minus its stretch.
        s.session.timer_started_at = self
            .clocks
            .get(self.step)
            .and_then(|c| c.running_for(now.mono))
            .and_then(|d| chrono::Duration::from_std(d).ok())
            .map(|d| chrono::SubsecRound::round_subsecs(now.wall - d, 0));
        s.session.updated_at = now.wall;
        s
    }

    /// The group's notes of one step as the file holds them, whichever notes are open.
    pub fn notes_text(&self, step: usize) -> String {
        self.text_of(false, step)
    }

    /// The facilitator's private notes of one step as the file holds them.
    pub fn private_notes_text(&self, step: usize) -> String {
        self.text_of(true, step)
    }

    /// The text of one step's private notes (`private`) or the group's.
    fn text_of(&self, private: bool, step: usize) -> String {
        let editors = match self.private_open == private {
            true => &self.notes,
            false => &self.other_notes,
        };
        editors
            .get(step)
            .map(|n| n.lines().join("\n"))
            .unwrap_or_default()
    }

    /// Opens the facilitator's private notes in the editor, or the group's again.
    pub(super) fn toggle_private(&mut self) {
        std::mem::swap(&mut self.notes, &mut self.other_notes);
        self.private_open = !self.private_open;
    }
}
