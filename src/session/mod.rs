//! One group's run through one episode, and its file format (see the README).
//! - `timing`: speaking rounds, phases and re-planning to end on time;
//! - `countdown`: what is left of a step, a turn or a phase, as both screens show it;
//! - `store`: reading and writing session files;
//! - `find`: a session by the name `voer sessions` shows, `--last` or `--group`;
//! - `presence`: the file beside a session by which a room screen says it follows it;
//! - `retention`: which sessions are past the retention period;
//! - `series`: a meeting of several episodes (`voer run 1,4`): which step is whose.
//! - `unknown`: what a newer voer wrote in a session file, kept as it was.
pub mod countdown;
pub mod find;
pub mod presence;
pub mod retention;
pub mod series;
pub mod store;
pub mod timing;
mod unknown;

pub use unknown::Unknown;

pub use series::{EpisodeFacts, Section};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::{
    episode::{Audience, Episode},
    i18n::{self, Localize, Texts, fill},
    lang::Lang,
};

/// The most time a step can hold in a session file: 24 hours. A meeting is never longer; a
/// larger number is a mistake or an attack, and would overflow the clocks that add to it.
pub const MAX_STEP_SECONDS: u64 = 24 * 60 * 60;

/// A time in a session file over [`MAX_STEP_SECONDS`], cut down when the file was read.
/// `field` is named as in the file, with the step counted from 1: `steps[4].planned_seconds`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clamped {
    pub field: String,
    /// The number the file held.
    pub value: u64,
}

/// The version this build writes. Readers accept this and every older version; an older file
/// is written back in this version.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    InProgress,
    Finished,
}

/// The colours of a run, as in the config file: `default`, or `projector` (high contrast).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionTheme {
    Default,
    Projector,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    Opening,
    /// Watching the episode's video: timed, with its URL.
    Video,
    Quote,
    #[default]
    Prompt,
    Closing,
}

impl StepKind {
    pub fn is_timed(self) -> bool {
        matches!(self, StepKind::Video | StepKind::Prompt | StepKind::Closing)
    }

    /// Whether the group answers a question here (prompts and the closing; not the video).
    pub fn is_question(self) -> bool {
        matches!(self, StepKind::Prompt | StepKind::Closing)
    }

    /// What a step of this kind is called: "Opening", "Vraag 2", "Afsluiting". `prompt` is a
    /// prompt's number, counted from 1 (not used for the other kinds).
    pub fn label(self, prompt: usize, t: &Texts) -> String {
        match self {
            StepKind::Opening => t.step_opening.to_string(),
            StepKind::Video => t.step_video.to_string(),
            StepKind::Quote => t.step_quote.to_string(),
            StepKind::Prompt => format!("{} {prompt}", t.step_prompt),
            StepKind::Closing => t.step_closing.to_string(),
        }
    }
}

/// The short name of step `index` in the agenda, the summary, the room screen and the CSV;
/// past the last step, the summary's. In a meeting of several episodes the prompts are
/// counted within their own episode.
pub fn step_label(steps: &[Step], index: usize, t: &Texts) -> String {
    match steps.get(index) {
        Some(step) => {
            let prompt = steps[..=index]
                .iter()
                .filter(|s| s.kind == StepKind::Prompt && s.episode == step.episode)
                .count();
            step.kind.label(prompt, t)
        }
        None => t.step_summary.to_string(),
    }
}

/// [`step_label`], and in a meeting of several with the number of the step's episode in front
/// ("4 · Vraag 1"), where a list of all steps shows no episode headings: the summary, the room
/// screen, the CSV.
pub fn step_name(s: &Session, index: usize, t: &Texts) -> String {
    let label = step_label(&s.steps, index, t);
    match s.steps.get(index).and_then(|st| st.episode.as_deref()) {
        Some(id) if s.session.is_series() => {
            let number = s.session.facts_of(Some(id)).map_or(0, |f| f.number);
            format!("{number} · {label}")
        }
        _ => label,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub episode: String,
    pub episode_number: u32,
    /// Copied from the episode so that a session file stands on its own (export, resume).
    #[serde(default)]
    pub episode_title: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub speaker_role: String,
    /// In a meeting of several episodes: their ids, in the order of the meeting (the fields
    /// above are the first one's). Absent for a meeting of one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub episodes: Vec<String>,
    /// In a meeting of several episodes: what the file needs to know of the second and later
    /// ones (number, title, speaker), so that it stands on its own as for the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_episodes: Vec<EpisodeFacts>,
    pub audience: Audience,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub facilitator: String,
    pub language: Lang,
    /// First names or initials of the people in the room, for speaking rounds.
    #[serde(default)]
    pub participants: Vec<String>,
    /// When the meeting must end (HH:MM), if the facilitator said so.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "hhmm")]
    pub until: Option<NaiveTime>,
    /// `--questions-from`: the group (a client council) whose open questions to the
    /// organisation this meeting answers; a resume shows them again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions_from: Option<String>,
    /// The example session that comes with voer: never picked unless named.
    #[serde(default)]
    pub example: bool,
    /// Whether the screen is blanked (a sensitive moment): the room screen follows it.
    #[serde(default)]
    pub blanked: bool,
    /// Whether the room screen shows the notes.
    #[serde(default)]
    pub room_notes: bool,
    /// The colours the run was started with: a resume keeps them. Absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<SessionTheme>,
    /// Whether the facilitator's tips are hidden (one projected screen): a resume keeps it.
    /// Written only when they are.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tips_hidden: bool,
    pub status: Status,
    pub started_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<DateTime<FixedOffset>>,
    /// Index into `steps` (the summary is `steps.len()`), where a resume continues.
    #[serde(default)]
    pub current_step: usize,
    /// Whether the timer was paused when the file was written.
    #[serde(default)]
    pub paused: bool,
    /// When the current step's timer last started (wall clock), while it runs: a follower
    /// adds the time since then to what the step had before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer_started_at: Option<DateTime<FixedOffset>>,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One timed part of a prompt (e.g. 1-2-4-All).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub label: String,
    pub minutes: u32,
    /// Whether this is the phase the group is in.
    #[serde(default)]
    pub current: bool,
    /// When this phase started, once it has: seconds into the step's own time (so a pause
    /// or a resume does not eat into it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<u64>,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A speaking round: each participant in turn.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// The speakers, in the order they take their turn.
    pub order: Vec<String>,
    /// Index into `order` of the one speaking now.
    #[serde(default)]
    pub current: usize,
    /// How many turns have been taken (a pass is no turn).
    #[serde(default)]
    pub turns_taken: usize,
    /// When the current turn started: seconds into the step's own time.
    #[serde(default)]
    pub turn_started: u64,
    /// Minutes for each speaker, when the episode says; else half the prompt's time is
    /// shared equally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_person: Option<u32>,
    /// Who passed their turn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passed: Vec<String>,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// What a recorded item is: an action the group takes itself, or a question (or a piece of
/// advice) the group puts to the organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    #[default]
    Action,
    Question,
}

impl ActionKind {
    pub fn is_action(&self) -> bool {
        *self == ActionKind::Action
    }
}

/// An agreement or action recorded during the meeting, or a question for the organisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// Stable and unique in the sessions folder.
    pub id: String,
    /// An action (the default, and absent from the file), or a question for the organisation.
    #[serde(default, skip_serializing_if = "ActionKind::is_action")]
    pub kind: ActionKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// A question: who it is for (absent: the board).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The "when" as it was typed, when it is not a date ("na de zomer"): kept, never lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_text: Option<String>,
    #[serde(default)]
    pub done: bool,
    /// Index of the step it was recorded on.
    #[serde(default)]
    pub step: usize,
    pub created_at: DateTime<FixedOffset>,
    /// A question: the organisation's answer, recorded at its own meeting
    /// (`--questions-from`), and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<DateTime<FixedOffset>>,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Action {
    pub fn is_question(&self) -> bool {
        self.kind == ActionKind::Question
    }

    /// A question that has its answer.
    pub fn is_answered(&self) -> bool {
        self.answer.as_deref().is_some_and(|a| !a.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub kind: StepKind,
    pub text: String,
    /// The Dutch words of a quote whose `text` is a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// Where the video is (video step).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A copy of the video on this computer, an absolute path (video step): `F5` plays it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The facilitator opened the video with `F5` and has not left the step (video step):
    /// the room screen says the video is playing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub playing: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Round>,
    /// The current plan, after `+`/`-`.
    pub planned_seconds: u64,
    /// What the episode planned for this step.
    #[serde(default)]
    pub episode_seconds: u64,
    pub elapsed_seconds: u64,
    #[serde(default)]
    pub notes: String,
    /// The facilitator's own notes: never on the room screen, in a report only when asked for
    /// (`voer export --with-private`). Written only when there are any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_notes: String,
    /// In a meeting of several episodes: the id of the episode the step belongs to (absent on
    /// the opening and the closing, which are the meeting's, and in a meeting of one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<String>,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl Step {
    /// A step of `minutes` in the plan, nothing done yet.
    pub fn new(kind: StepKind, text: &str, minutes: u32) -> Step {
        Step {
            kind,
            text: text.to_string(),
            planned_seconds: u64::from(minutes) * 60,
            episode_seconds: u64::from(minutes) * 60,
            ..Step::default()
        }
    }

    /// Whether the step has minutes in the plan: every timed step, and an opening or a quote
    /// planned by its episode (a session from before that has none).
    pub fn is_planned(&self) -> bool {
        self.kind.is_timed() || self.planned_seconds > 0
    }

    /// Lines of notes that hold something.
    pub fn note_lines(&self) -> usize {
        self.notes.lines().filter(|l| !l.trim().is_empty()).count()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format_version: u32,
    pub session: SessionInfo,
    pub steps: Vec<Step>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The reports `Ctrl+E` wrote beside the session file (see `store::reports`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportFile>,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// A report `Ctrl+E` wrote beside the session file, as it was written: voer replaces it (and
/// `voer delete` removes it) only while the file still has this content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportFile {
    /// The file's name, in the session file's folder.
    pub name: String,
    /// The SHA-256 of what voer wrote, in lowercase hexadecimal.
    pub sha256: String,
    pub written_at: DateTime<FixedOffset>,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Who is in the room, given at the start of a run.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub group: String,
    pub facilitator: String,
    /// First names or initials, for speaking rounds.
    pub participants: Vec<String>,
    /// When the meeting must end.
    pub until: Option<NaiveTime>,
}

impl Session {
    /// A new session for one audience: opening, video, quote, each prompt, closing.
    pub fn new(
        episode: &Episode,
        audience: Audience,
        meta: &Meta,
        lang: Lang,
        now: DateTime<FixedOffset>,
    ) -> Session {
        Session::new_meeting(&[episode], audience, meta, lang, now)
    }

    /// The quote step's text, if the session has one.
    pub fn quote(&self) -> Option<&str> {
        self.quote_step().map(|s| s.text.as_str())
    }

    /// The Dutch original of the quote, when the quote's text is a translation.
    pub fn quote_original(&self) -> Option<&str> {
        self.quote_step().and_then(|s| s.original.as_deref())
    }

    fn quote_step(&self) -> Option<&Step> {
        self.steps.iter().find(|s| s.kind == StepKind::Quote)
    }

    /// Gives the video step a copy of the video on this computer (`--video`, or the
    /// episode's `[video] file`), which `F5` plays instead of opening the address.
    pub fn set_video_file(&mut self, file: &std::path::Path) {
        self.set_video_file_of(None, file);
    }

    /// [`Session::set_video_file`] for the video of one episode in a meeting of several
    /// (`None`: the first video, the only one in a meeting of one).
    pub fn set_video_file_of(&mut self, episode: Option<&str>, file: &std::path::Path) {
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let video = self.steps.iter_mut().filter(|s| s.kind == StepKind::Video);
        let mut video = video.filter(|s| episode.is_none() || s.episode.as_deref() == episode);
        if let Some(s) = video.next() {
            s.file = Some(file.to_string_lossy().into_owned());
        }
    }

    /// The video step's URL, if the session has one.
    pub fn video_url(&self) -> Option<&str> {
        self.steps
            .iter()
            .find(|s| s.kind == StepKind::Video)
            .and_then(|s| s.url.as_deref())
    }

    pub fn note_lines(&self) -> usize {
        self.steps.iter().map(Step::note_lines).sum()
    }

    /// Opened and closed without a word: no line of notes on any step (the group's or the
    /// facilitator's own), and no action.
    pub fn has_no_notes(&self) -> bool {
        self.actions.is_empty()
            && self
                .steps
                .iter()
                .all(|s| s.note_lines() == 0 && s.private_notes.trim().is_empty())
    }

    pub fn to_toml(&self) -> String {
        // Serialising plain structs of strings and numbers cannot fail.
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// Parses a session file's text; a newer format version is refused with a clear message.
    /// Times over 24 hours are cut to 24 hours (see [`Session::from_toml_checked`]).
    pub fn from_toml(text: &str) -> Result<Session, FileError> {
        Session::from_toml_checked(text).map(|(s, _)| s)
    }

    /// As [`Session::from_toml`], and says which times were cut to 24 hours, so that the
    /// user can be warned. The notes stay reachable whatever the numbers say.
    pub fn from_toml_checked(text: &str) -> Result<(Session, Vec<Clamped>), FileError> {
        #[derive(Deserialize)]
        struct Version {
            format_version: Option<u32>,
        }
        // The version is a key before the first table: read from the lines before it, a file
        // of many megabytes is not parsed twice. (What those lines alone do not read as, the
        // whole file is read for, with the error as it says it.)
        let top = text.find("\n[").map_or(text, |at| &text[..at]);
        let v: Version = match toml::from_str(top) {
            Ok(v) => v,
            Err(_) => toml::from_str(text).map_err(|e| FileError::toml(text, e))?,
        };
        match v.format_version {
            None => return Err(FileError::NoVersion),
            Some(v) if v > FORMAT_VERSION => return Err(FileError::TooNew { version: v }),
            Some(0) => return Err(FileError::VersionZero),
            Some(_) => {}
        }
        let mut s: Session = toml::from_str(text).map_err(|e| FileError::toml(text, e))?;
        if s.format_version < 2 {
            // Version 1 kept no separate episode plan: the plan it had is the best there is.
            for step in &mut s.steps {
                step.episode_seconds = step.planned_seconds;
            }
        }
        // Written back in this build's version.
        s.format_version = FORMAT_VERSION;
        if s.session.current_step > s.steps.len() {
            return Err(FileError::StepOutOfRange {
                current: s.session.current_step,
                steps: s.steps.len(),
            });
        }
        let clamped = s.clamp_times();
        Ok((s, clamped))
    }

    /// Cuts every time over 24 hours to 24 hours; returns what it cut.
    fn clamp_times(&mut self) -> Vec<Clamped> {
        let mut out = Vec::new();
        let mut clamp = |field: String, value: &mut u64, max: u64| {
            if *value > max {
                out.push(Clamped {
                    field,
                    value: *value,
                });
                *value = max;
            }
        };
        for (i, step) in self.steps.iter_mut().enumerate() {
            let n = i + 1;
            clamp(
                format!("steps[{n}].planned_seconds"),
                &mut step.planned_seconds,
                MAX_STEP_SECONDS,
            );
            clamp(
                format!("steps[{n}].episode_seconds"),
                &mut step.episode_seconds,
                MAX_STEP_SECONDS,
            );
            clamp(
                format!("steps[{n}].elapsed_seconds"),
                &mut step.elapsed_seconds,
                MAX_STEP_SECONDS,
            );
            for (j, phase) in step.phases.iter_mut().enumerate() {
                let mut minutes = u64::from(phase.minutes);
                clamp(
                    format!("steps[{n}].phases[{}].minutes", j + 1),
                    &mut minutes,
                    MAX_STEP_SECONDS / 60,
                );
                phase.minutes = u32::try_from(minutes).unwrap_or(u32::MAX);
            }
        }
        out
    }

    /// `YYYY-MM-DD_HHMM_<episode-id>_<audience>_<group-slug>.toml`; a meeting of several
    /// episodes names them all: `…_vera-jansweijer-jef-mol_board_…`.
    pub fn file_name(&self) -> String {
        let group = slug(&self.session.group);
        let group = if group.is_empty() {
            "groep".to_string()
        } else {
            group
        };
        format!(
            "{}_{}_{}_{}.toml",
            self.session.started_at.format("%Y-%m-%d_%H%M"),
            slug(&self.session.episode_ids().join(" ")),
            self.session.audience.id(),
            group
        )
    }
}

/// `until` as the facilitator types it: "HH:MM".
mod hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.format("%H:%M").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        let text = Option::<String>::deserialize(d)?;
        text.map(|t| {
            NaiveTime::parse_from_str(&t, "%H:%M")
                .map_err(|_| D::Error::custom(format!("until: expected HH:MM, found '{t}'")))
        })
        .transpose()
    }
}

/// Why a text is not a session file this voer can use. Carries no path: the store adds it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Not TOML, or not the shape of a session; `position` is the 1-based line and column.
    Toml {
        position: Option<(usize, usize)>,
        #[source]
        source: Box<toml::de::Error>,
    },
    /// TOML, but no `format_version`: some other file.
    NoVersion,
    /// Written by a newer voer.
    TooNew {
        version: u32,
    },
    VersionZero,
    /// `session.current_step` points past the steps.
    StepOutOfRange {
        current: usize,
        steps: usize,
    },
}

impl FileError {
    fn toml(text: &str, source: toml::de::Error) -> FileError {
        FileError::Toml {
            position: source
                .span()
                .map(|s| crate::episode::line_col(text, s.start)),
            source: Box::new(source),
        }
    }
}

impl Localize for FileError {
    fn render(&self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            FileError::Toml { position, source } => {
                let msg = source.message().trim().replace('\n', " ");
                let problem = fill(t.toml_problem, [&msg]);
                match position {
                    Some((line, col)) => fill(t.session_at, [line, col, &problem]),
                    None => problem,
                }
            }
            FileError::NoVersion => t.session_no_version.to_string(),
            FileError::TooNew { version } => fill(t.session_too_new, [version, &FORMAT_VERSION]),
            FileError::VersionZero => t.session_version_zero.to_string(),
            FileError::StepOutOfRange { current, steps } => {
                fill(t.session_bad_step, [current, steps])
            }
        }
    }
}

i18n::english_display!(FileError);

/// A file-name-safe form of a name: lowercase ASCII letters and digits joined by '-', other
/// scripts transliterated ("Cliëntenraad De Linde" → "clientenraad-de-linde", "Søren" → "soren").
/// Never holds '/', '.' or '\\', so it cannot lead out of the sessions folder.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in deunicode::deunicode(name).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out.truncate(60);
    out.trim_end_matches('-').to_string()
}

/// The group a group name stands for: sessions are of the same group when their names make the
/// same [`slug`] ("Cliëntenraad De Linde" and "clientenraad de linde"), as in the session files'
/// names. `None` for a name without a letter or digit: unnamed sessions are not known to be one
/// group. The next meeting's agreements, `voer actions --group` and `voer export --group` all
/// match groups by this key.
pub fn group_key(name: &str) -> Option<String> {
    Some(slug(name)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_the_same_however_its_name_is_spelled() {
        let key = group_key("Cliëntenraad De Linde");
        assert_eq!(key.as_deref(), Some("clientenraad-de-linde"));
        for spelled in [
            "clientenraad de linde",
            "CLIËNTENRAAD  DE LINDE",
            "Cliëntenraad-De-Linde",
        ] {
            assert_eq!(group_key(spelled), key, "{spelled}");
        }
        assert_ne!(group_key("Cliëntenraad De Linden"), key);
        assert_eq!(group_key(""), None);
        assert_eq!(group_key(" — "), None);
    }

    #[test]
    fn slugs_are_safe_file_name_parts() {
        assert_eq!(slug("Cliëntenraad De Linde"), "clientenraad-de-linde");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("/"), "");
        assert_eq!(slug("Team 3B — nacht"), "team-3b-nacht");
        assert_eq!(slug("..\\..\\x"), "x");
        assert_eq!(slug(""), "");
    }

    #[test]
    fn slugs_transliterate_other_letters() {
        assert_eq!(slug("Søren"), "soren");
        assert_eq!(slug("Zoë"), "zoe");
        assert_eq!(slug("Ĳsselmonde Straße"), "ijsselmonde-strasse");
        assert_eq!(slug("北京"), "bei-jing");
        assert_eq!(slug("Team 😀"), "team-grinning");
        for name in ["Søren", "Zoë", "北京", "😀🎉", "", "../Ørjan/..", "\\x\0y"] {
            let s = slug(name);
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name:?} → {s:?}"
            );
            assert!(!s.starts_with('-') && !s.ends_with('-'), "{name:?} → {s:?}");
        }
    }
}
