//! JSON: the whole of every session, in a shape that other tools can rely on.
//!
//! The shape is its own (not the session file's), so the session file can change without
//! breaking readers of the export. Within `"version": 1` fields are only ever added; a field
//! never changes name, type or meaning. Keys are English whatever `--lang` says.
//!
//! ```text
//! {
//!   "format": "voer-export",            always this string
//!   "version": 1,                       the version of this shape
//!   "anonymous": false,                 true: people replaced by "Deelnemer 1" … (--anonymous)
//!   "sessions": [                       in the order the files were given
//!     {
//!       "episode": {
//!         "id": "jef-mol",
//!         "number": 4,
//!         "title": "Cliënten met professionals aan het stuur",
//!         "speaker": "Jef Mol",
//!         "speaker_role": "bestuurder Santé Partners",   may be ""
//!         "quote": "Niet vanuit een probleem gedacht, …"  null when the session has no quote
//!         "quote_original": null,         the Dutch words when "quote" is a translation
//!         "video_url": "https://…"        null when the session has no link to the video
//!       },
//!       "episodes": [                     every episode of the meeting, in order: one, or
//!         { "id": "vera-jansweijer",      several in a meeting of several (`voer run 1,4`);
//!           "number": 1,                  "episode" above is the first
//!           "title": "De droom wordt groter",
//!           "speaker": "Vera Jansweijer",
//!           "speaker_role": "…" }
//!       ],
//!       "audience": "client-council",    client-council | board | team | classroom
//!       "group": "Cliëntenraad De Linde", may be ""
//!       "facilitator": "Marieke Jansen",  may be ""; "" in an export made with --anonymous
//!       "participants": ["Anna", "Bert"], first names or initials of those present
//!       "language": "nl",                 nl | en: the language the session ran in
//!       "status": "finished",             finished | in-progress
//!       "started_at": "2026-11-20T14:00:00+01:00",   RFC 3339, with the local offset
//!       "finished_at": "2026-11-20T14:53:10+01:00",  null while in progress
//!       "updated_at": "2026-11-20T14:53:10+01:00",   last save
//!       "steps": [                        in the order of the conversation
//!         {
//!           "kind": "prompt",             opening | video | quote | prompt | closing
//!           "number": 1,                  1, 2, … for prompts; null for the other kinds
//!           "text": "Wat vond je …",      what the screen showed: context, title, quote, question
//!           "original": null,             the Dutch words of a translated quote, or null
//!           "url": null,                  where the video is (video step), or null
//!           "tip": "Laat eerst …",        the facilitator's tip, or null
//!           "episode_seconds": 300,       what the episode planned
//!           "planned_seconds": 300,       the plan at the end: re-planned, or a minute more
//!           "actual_seconds": 342,        time spent on the step
//!           "planned_minutes": 5,         the same, rounded to whole minutes as in the reports
//!           "actual_minutes": 6,
//!           "notes": "regel 1\nregel 2",  exactly as typed; "" when none
//!           "private_notes": "…",         the facilitator's own notes: only with --with-private
//!           "episode": null               in a meeting of several the id of the step's episode
//!         }                               ("jef-mol"); null on its opening and closing, and in
//!                                         a meeting of one
//!       ],
//!       "actions": [                      what was agreed, in the order it was recorded
//!         {
//!           "id": "k7m2qx",               stable, unique in the sessions folder
//!           "kind": "action",             action | question (a question or advice for the
//!                                         organisation)
//!           "text": "Voorstel schrijven",
//!           "owner": "Bram",     null when nobody was named
//!           "due": "2026-12-15",          YYYY-MM-DD, or null
//!           "due_text": null,             the "when" as typed when it is not a date, or null
//!           "done": false,
//!           "step": 8,                    index into "steps" of where it was recorded
//!           "created_at": "2026-11-20T14:50:00+01:00",
//!           "to": null,                   a question: whom it is for (null: the board)
//!           "answer": null,               a question: the organisation's answer, or null
//!           "answered_at": null           when the answer was recorded (RFC 3339), or null
//!         }
//!       ]
//!     }
//!   ]
//! }
//! ```
use serde::{Deserialize, Serialize};

use super::report::minutes;
use crate::{
    episode::Audience,
    lang::Lang,
    session::{ActionKind, Session, Status, StepKind},
};

pub const FORMAT: &str = "voer-export";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    /// The people were replaced by numbered words (`--anonymous`).
    #[serde(default)]
    pub anonymous: bool,
    pub sessions: Vec<ExportedSession>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedSession {
    pub episode: ExportedEpisode,
    pub audience: Audience,
    pub group: String,
    pub facilitator: String,
    /// First names or initials of the people present.
    #[serde(default)]
    pub participants: Vec<String>,
    pub language: Lang,
    pub status: Status,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub updated_at: String,
    pub steps: Vec<ExportedStep>,
    #[serde(default)]
    pub actions: Vec<ExportedAction>,
    /// Every episode of the meeting, in order.
    #[serde(default)]
    pub episodes: Vec<ExportedFacts>,
}

/// An episode of a meeting: what the session file holds of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedFacts {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub speaker: String,
    pub speaker_role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedAction {
    pub id: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub due_text: Option<String>,
    pub done: bool,
    pub step: usize,
    pub created_at: String,
    #[serde(default)]
    pub kind: ActionKind,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub answered_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedEpisode {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub speaker: String,
    pub speaker_role: String,
    pub quote: Option<String>,
    #[serde(default)]
    pub quote_original: Option<String>,
    #[serde(default)]
    pub video_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedStep {
    pub kind: StepKind,
    pub number: Option<usize>,
    pub text: String,
    #[serde(default)]
    pub original: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    pub tip: Option<String>,
    /// What the episode planned; `planned_seconds` is the plan at the end (re-planned).
    #[serde(default)]
    pub episode_seconds: u64,
    pub planned_seconds: u64,
    pub actual_seconds: u64,
    pub planned_minutes: u64,
    pub actual_minutes: u64,
    pub notes: String,
    /// The facilitator's private notes, only in an export made with `--with-private`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_notes: Option<String>,
    #[serde(default)]
    pub episode: Option<String>,
}

pub fn export(sessions: &[Session], anonymous: bool) -> Export {
    Export {
        format: FORMAT.to_string(),
        version: VERSION,
        anonymous,
        sessions: sessions.iter().map(session).collect(),
    }
}

/// `sessions` as prepared for a report (see `export::prepare`); `anonymous` says the people
/// in them were replaced.
pub fn render(sessions: &[Session], anonymous: bool) -> String {
    // A tree of strings and numbers always serialises. What serde_json leaves raw that may not
    // reach a terminal (DEL, C1, bidirectional controls) is escaped: it reads back the same.
    let mut out = crate::printable::json_escaped(
        serde_json::to_string_pretty(&export(sessions, anonymous)).unwrap_or_default(),
    );
    out.push('\n');
    out
}

fn session(s: &Session) -> ExportedSession {
    let i = &s.session;
    let mut prompt_no = 0;
    ExportedSession {
        episode: ExportedEpisode {
            id: i.episode.clone(),
            number: i.episode_number,
            title: i.episode_title.clone(),
            speaker: i.speaker.clone(),
            speaker_role: i.speaker_role.clone(),
            quote: s.quote().map(str::to_string),
            quote_original: s.quote_original().map(str::to_string),
            video_url: s.video_url().map(str::to_string),
        },
        audience: i.audience,
        group: i.group.clone(),
        facilitator: i.facilitator.clone(),
        participants: crate::session::timing::clean_names(&i.participants),
        language: i.language,
        status: i.status,
        started_at: i.started_at.to_rfc3339(),
        finished_at: i.finished_at.map(|t| t.to_rfc3339()),
        updated_at: i.updated_at.to_rfc3339(),
        steps: s
            .steps
            .iter()
            .map(|st| ExportedStep {
                kind: st.kind,
                number: (st.kind == StepKind::Prompt).then(|| {
                    prompt_no += 1;
                    prompt_no
                }),
                text: st.text.clone(),
                original: st.original.clone(),
                url: st.url.clone(),
                tip: st.tip.clone(),
                episode_seconds: st.episode_seconds,
                planned_seconds: st.planned_seconds,
                actual_seconds: st.elapsed_seconds,
                planned_minutes: minutes(st.planned_seconds),
                actual_minutes: minutes(st.elapsed_seconds),
                notes: st.notes.clone(),
                private_notes: (!st.private_notes.trim().is_empty())
                    .then(|| st.private_notes.clone()),
                episode: st.episode.clone(),
            })
            .collect(),
        actions: s
            .actions
            .iter()
            .map(|a| ExportedAction {
                id: a.id.clone(),
                text: a.text.clone(),
                owner: a.owner.clone(),
                due: a.due.map(|d| d.format("%Y-%m-%d").to_string()),
                due_text: a.due_text.clone(),
                done: a.done,
                step: a.step,
                created_at: a.created_at.to_rfc3339(),
                kind: a.kind,
                to: a.to.clone(),
                answer: a.answer.clone(),
                answered_at: a.answered_at.map(|t| t.to_rfc3339()),
            })
            .collect(),
        episodes: i
            .episode_list()
            .into_iter()
            .map(|e| ExportedFacts {
                id: e.id,
                number: e.number,
                title: e.title,
                speaker: e.speaker,
                speaker_role: e.speaker_role,
            })
            .collect(),
    }
}
