//! One group's run through one episode, and its file format (see the README).
pub mod store;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::{
    episode::{Audience, Episode},
    lang::Lang,
};

/// The version this build writes. Readers accept this and every older version.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    InProgress,
    Finished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    Opening,
    Quote,
    Prompt,
    Closing,
}

impl StepKind {
    pub fn is_timed(self) -> bool {
        matches!(self, StepKind::Prompt | StepKind::Closing)
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
    pub audience: Audience,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub facilitator: String,
    pub language: Lang,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub kind: StepKind,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<String>,
    pub planned_seconds: u64,
    pub elapsed_seconds: u64,
    #[serde(default)]
    pub notes: String,
}

impl Step {
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
}

/// Who is in the room, given at the start of a run.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub group: String,
    pub facilitator: String,
}

impl Session {
    /// A new session for one audience: opening, quote, each prompt, closing.
    pub fn new(
        episode: &Episode,
        audience: Audience,
        meta: &Meta,
        lang: Lang,
        now: DateTime<FixedOffset>,
    ) -> Session {
        let untimed = |kind, text: &str| Step {
            kind,
            text: text.to_string(),
            tip: None,
            planned_seconds: 0,
            elapsed_seconds: 0,
            notes: String::new(),
        };
        let mut steps = vec![
            untimed(StepKind::Opening, episode.context.get(lang)),
            untimed(StepKind::Quote, episode.main_quote().get(lang)),
        ];
        let timed = |kind, p: &crate::episode::Prompt| Step {
            kind,
            text: p.text.get(lang).to_string(),
            tip: p.tip.as_ref().map(|t| t.get(lang).to_string()),
            planned_seconds: u64::from(p.minutes) * 60,
            elapsed_seconds: 0,
            notes: String::new(),
        };
        steps.extend(
            episode
                .prompts_for(audience)
                .map(|p| timed(StepKind::Prompt, p)),
        );
        if let Some(p) = episode.closing_for(audience) {
            steps.push(timed(StepKind::Closing, p));
        }
        Session {
            format_version: FORMAT_VERSION,
            session: SessionInfo {
                episode: episode.id.clone(),
                episode_number: episode.number,
                episode_title: episode.title.get(lang).to_string(),
                speaker: episode.speaker.clone(),
                speaker_role: episode.role.get(lang).to_string(),
                audience,
                group: meta.group.trim().to_string(),
                facilitator: meta.facilitator.trim().to_string(),
                language: lang,
                status: Status::InProgress,
                started_at: now,
                updated_at: now,
                finished_at: None,
                current_step: 0,
                paused: false,
            },
            steps,
        }
    }

    /// The quote step's text, if the session has one.
    pub fn quote(&self) -> Option<&str> {
        self.steps
            .iter()
            .find(|s| s.kind == StepKind::Quote)
            .map(|s| s.text.as_str())
    }

    pub fn note_lines(&self) -> usize {
        self.steps.iter().map(Step::note_lines).sum()
    }

    pub fn to_toml(&self) -> String {
        // Serialising plain structs of strings and numbers cannot fail.
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// Parses a session file's text; a newer format version is refused with a clear message.
    pub fn from_toml(text: &str) -> Result<Session, String> {
        #[derive(Deserialize)]
        struct Version {
            format_version: Option<u32>,
        }
        let v: Version = toml::from_str(text).map_err(|e| describe_toml_error(text, &e))?;
        match v.format_version {
            None => return Err("this is not a voer session file (no format_version)".into()),
            Some(v) if v > FORMAT_VERSION => {
                return Err(format!(
                    "this session file has format version {v}; this voer reads up to version {FORMAT_VERSION}: update voer"
                ));
            }
            Some(0) => return Err("format_version 0 is not a valid version".into()),
            Some(_) => {}
        }
        let s: Session = toml::from_str(text).map_err(|e| describe_toml_error(text, &e))?;
        if s.session.current_step > s.steps.len() {
            return Err(format!(
                "session.current_step is {}, but the file has {} steps",
                s.session.current_step,
                s.steps.len()
            ));
        }
        Ok(s)
    }

    /// `YYYY-MM-DD_HHMM_<episode-id>_<audience>_<group-slug>.toml`
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
            slug(&self.session.episode),
            self.session.audience.id(),
            group
        )
    }
}

fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let msg = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let (line, col) = crate::episode::line_col(text, span.start);
            format!("line {line}, column {col}: {msg}")
        }
        None => msg,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
