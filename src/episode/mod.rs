//! An episode of the series and its file format (see `prompts/TEMPLATE.toml.example`).
mod audience;
mod error;
mod library;

pub use audience::Audience;
pub use error::{LoadError, Problem};
pub(crate) use library::line_col;
pub use library::{Library, episode_files, parse_episode};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// Text a reader sees: Dutch is required, English falls back to Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub nl: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self
                .en
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or(&self.nl),
            Lang::Nl => &self.nl,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub audience: Audience,
    /// The prompt's minutes; may be left out when `phases` define them.
    #[serde(default)]
    pub minutes: u32,
    pub text: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Localized>,
    /// A speaking round: each participant in turn, then open discussion.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub round: bool,
    /// A round's minutes for each speaker (default: half the prompt's time shared equally).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_per_person: Option<u32>,
    /// Timed parts of the prompt, in order (e.g. alone, in pairs, in fours, all together).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<PhaseDef>,
}

/// One timed part of a prompt in the episode file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseDef {
    pub label: Localized,
    pub minutes: u32,
}

impl Prompt {
    /// The minutes the phases add up to.
    pub fn phase_minutes(&self) -> u32 {
        self.phases
            .iter()
            .fold(0u32, |sum, p| sum.saturating_add(p.minutes))
    }

    /// A prompt whose minutes are left out takes them from its phases.
    fn fill_minutes(&mut self) {
        if self.minutes == 0 {
            self.minutes = self.phase_minutes();
        }
    }
}

impl Prompt {
    /// Longer than this is surely a typo: a meeting is an afternoon at most. It also keeps
    /// the totals that `voer list` adds up far from the largest number they can hold.
    pub const MAX_MINUTES: u32 = 240;
}

/// How a meeting of one audience starts: the opening (welcome, ground rules, the context)
/// and the quote, each planned with its minutes and a tip of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    pub audience: Audience,
    #[serde(default = "Opening::default_minutes")]
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Localized>,
    #[serde(default = "Opening::default_minutes")]
    pub quote_minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_tip: Option<Localized>,
}

impl Opening {
    /// The minutes of the opening, and of the quote, when an episode file does not say.
    pub const DEFAULT_MINUTES: u32 = 2;

    fn default_minutes() -> u32 {
        Self::DEFAULT_MINUTES
    }

    /// The opening of an audience the episode file says nothing about.
    pub fn default_for(audience: Audience) -> Opening {
        Opening {
            audience,
            minutes: Self::DEFAULT_MINUTES,
            tip: None,
            quote_minutes: Self::DEFAULT_MINUTES,
            quote_tip: None,
        }
    }
}

/// The video the group watches after the opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Video {
    /// How long the video step is planned to take.
    #[serde(default = "Video::default_minutes")]
    pub minutes: u32,
    /// Where the video is; the episode's `url` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// For the facilitator, whatever the audience (testing the link and the sound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Localized>,
    /// A copy of the video on this computer, relative to the episode file: `F5` plays it
    /// with the system's player instead of opening the address (a room with bad Wi-Fi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Video {
    /// The minutes when an episode file does not say: the seeds give no length.
    pub const DEFAULT_MINUTES: u32 = 5;
    /// Longer than this is surely a typo: the videos of the series are short.
    pub const MAX_MINUTES: u32 = 60;

    fn default_minutes() -> u32 {
        Self::DEFAULT_MINUTES
    }
}

impl Default for Video {
    fn default() -> Self {
        Video {
            minutes: Self::DEFAULT_MINUTES,
            url: None,
            tip: None,
            file: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Episode {
    pub id: String,
    pub number: u32,
    pub speaker: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub title: Localized,
    pub role: Localized,
    pub context: Localized,
    pub quotes: Vec<Localized>,
    /// How the meeting starts, per audience; an audience without one gets the default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opening: Vec<Opening>,
    pub prompts: Vec<Prompt>,
    pub closing: Vec<Prompt>,
    #[serde(default)]
    pub video: Video,
    /// The file the episode was read from; `None` for a built-in episode.
    #[serde(skip)]
    pub source: Option<std::path::PathBuf>,
}

impl Episode {
    /// Fills what the file may leave out (a prompt's minutes from its phases).
    pub fn complete(&mut self) {
        for p in self.prompts.iter_mut().chain(self.closing.iter_mut()) {
            p.fill_minutes();
        }
    }

    /// The timed prompts for one audience, in order.
    pub fn prompts_for(&self, audience: Audience) -> impl Iterator<Item = &Prompt> {
        self.prompts.iter().filter(move |p| p.audience == audience)
    }

    pub fn closing_for(&self, audience: Audience) -> Option<&Prompt> {
        self.closing.iter().find(|p| p.audience == audience)
    }

    /// How the meeting of this audience starts: the file's opening, else the default.
    pub fn opening_for(&self, audience: Audience) -> Opening {
        self.opening
            .iter()
            .find(|o| o.audience == audience)
            .cloned()
            .unwrap_or_else(|| Opening::default_for(audience))
    }

    /// The audiences this episode has prompts for, in the standard order.
    pub fn audiences(&self) -> Vec<Audience> {
        Audience::ALL
            .into_iter()
            .filter(|a| self.prompts_for(*a).next().is_some())
            .collect()
    }

    /// Planned minutes of a run for this audience: the opening, the video, the quote, the
    /// prompts and the closing.
    pub fn total_minutes(&self, audience: Audience) -> u32 {
        let opening = self.opening_for(audience);
        // Saturating: an episode that was not validated cannot make the sum wrap.
        self.prompts_for(audience)
            .chain(self.closing_for(audience))
            .fold(
                self.video
                    .minutes
                    .saturating_add(opening.minutes)
                    .saturating_add(opening.quote_minutes),
                |sum, p| sum.saturating_add(p.minutes),
            )
    }

    /// Where the video is: its own URL, else the episode's.
    pub fn video_url(&self) -> Option<&str> {
        self.video
            .url
            .as_deref()
            .or(self.url.as_deref())
            .filter(|u| !u.trim().is_empty())
    }

    /// The local copy of the video the episode names (`[video] file`), relative to the
    /// episode file; a built-in episode has no folder, so only an absolute path counts there.
    pub fn video_file(&self) -> Option<std::path::PathBuf> {
        let file = self
            .video
            .file
            .as_deref()
            .filter(|f| !f.trim().is_empty())?;
        let file = std::path::Path::new(file);
        match self.source.as_deref().and_then(std::path::Path::parent) {
            _ if file.is_absolute() => Some(file.to_path_buf()),
            Some(folder) => Some(folder.join(file)),
            None => None,
        }
    }

    pub fn main_quote(&self) -> &Localized {
        // Validation guarantees at least one quote.
        &self.quotes[0]
    }

    /// Every text a reader sees, with its field name.
    fn reader_texts(&self) -> Vec<(String, &str)> {
        let mut named: Vec<(String, &Localized)> = vec![
            ("title".into(), &self.title),
            ("role".into(), &self.role),
            ("context".into(), &self.context),
        ];
        named.extend(
            self.quotes
                .iter()
                .enumerate()
                .map(|(i, q)| (format!("quotes[{}]", i + 1), q)),
        );
        for (list, items) in [("prompts", &self.prompts), ("closing", &self.closing)] {
            named.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("{list}[{}].text", i + 1), &p.text)),
            );
            for (i, p) in items.iter().enumerate() {
                named.extend(p.phases.iter().enumerate().map(|(j, ph)| {
                    (
                        format!("{list}[{}].phases[{}].label", i + 1, j + 1),
                        &ph.label,
                    )
                }));
            }
        }
        let mut out = vec![("speaker".to_string(), self.speaker.as_str())];
        for (name, l) in named {
            out.push((format!("{name}.nl"), l.nl.as_str()));
            if let Some(en) = &l.en {
                out.push((format!("{name}.en"), en.as_str()));
            }
        }
        out
    }

    /// Every text that is shown or printed, with its field name: the reader's texts, the
    /// tips, the links, the themes and the keywords.
    fn printed_texts(&self) -> Vec<(String, &str)> {
        let mut out = self.reader_texts();
        for (list, items) in [("prompts", &self.prompts), ("closing", &self.closing)] {
            for (i, p) in items.iter().enumerate() {
                if let Some(tip) = &p.tip {
                    out.push((format!("{list}[{}].tip.nl", i + 1), tip.nl.as_str()));
                    if let Some(en) = &tip.en {
                        out.push((format!("{list}[{}].tip.en", i + 1), en.as_str()));
                    }
                }
            }
        }
        for (i, o) in self.opening.iter().enumerate() {
            for (name, tip) in [("tip", &o.tip), ("quote_tip", &o.quote_tip)] {
                if let Some(tip) = tip {
                    out.push((format!("opening[{}].{name}.nl", i + 1), tip.nl.as_str()));
                    if let Some(en) = &tip.en {
                        out.push((format!("opening[{}].{name}.en", i + 1), en.as_str()));
                    }
                }
            }
        }
        if let Some(tip) = &self.video.tip {
            out.push(("video.tip.nl".to_string(), tip.nl.as_str()));
            if let Some(en) = &tip.en {
                out.push(("video.tip.en".to_string(), en.as_str()));
            }
        }
        out.extend(self.url.as_deref().map(|u| ("url".to_string(), u)));
        out.extend(
            self.video
                .url
                .as_deref()
                .map(|u| ("video.url".to_string(), u)),
        );
        out.extend(
            self.video
                .file
                .as_deref()
                .map(|f| ("video.file".to_string(), f)),
        );
        for (list, items) in [("themes", &self.themes), ("keywords", &self.keywords)] {
            out.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (format!("{list}[{}]", i + 1), t.as_str())),
            );
        }
        out
    }

    /// Checks what the TOML grammar cannot: returns (field, problem) pairs.
    pub fn problems(&self) -> Vec<(String, Problem)> {
        let mut out = Vec::new();
        let mut bad = |field: String, problem: Problem| out.push((field, problem));
        if self.id.is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            bad("id".into(), Problem::BadId);
        }
        if self.number == 0 {
            bad("number".into(), Problem::NotPositive);
        }
        if self.speaker.trim().is_empty() {
            bad("speaker".into(), Problem::Empty);
        }
        for (name, t) in [
            ("title", &self.title),
            ("role", &self.role),
            ("context", &self.context),
        ] {
            if t.nl.trim().is_empty() {
                bad(format!("{name}.nl"), Problem::Empty);
            }
        }
        if self.quotes.is_empty() {
            bad("quotes".into(), Problem::NoQuote);
        }
        for (i, q) in self.quotes.iter().enumerate() {
            if q.nl.trim().is_empty() {
                bad(format!("quotes[{}].nl", i + 1), Problem::Empty);
            }
        }
        if self.prompts.is_empty() {
            bad("prompts".into(), Problem::NoPrompt);
        }
        if !(1..=Video::MAX_MINUTES).contains(&self.video.minutes) {
            bad(
                "video.minutes".into(),
                Problem::OutOfRange {
                    min: 1,
                    max: Video::MAX_MINUTES,
                },
            );
        }
        for (list, items) in [("prompts", &self.prompts), ("closing", &self.closing)] {
            for (i, p) in items.iter().enumerate() {
                if p.minutes == 0 {
                    bad(format!("{list}[{}].minutes", i + 1), Problem::NotPositive);
                } else if p.minutes > Prompt::MAX_MINUTES {
                    bad(
                        format!("{list}[{}].minutes", i + 1),
                        Problem::OutOfRange {
                            min: 1,
                            max: Prompt::MAX_MINUTES,
                        },
                    );
                }
                if p.text.nl.trim().is_empty() {
                    bad(format!("{list}[{}].text.nl", i + 1), Problem::Empty);
                }
                if p.minutes_per_person == Some(0) {
                    bad(
                        format!("{list}[{}].minutes_per_person", i + 1),
                        Problem::NotPositive,
                    );
                }
                for (j, ph) in p.phases.iter().enumerate() {
                    let field = format!("{list}[{}].phases[{}]", i + 1, j + 1);
                    if ph.minutes == 0 {
                        bad(format!("{field}.minutes"), Problem::NotPositive);
                    }
                    if ph.label.nl.trim().is_empty() {
                        bad(format!("{field}.label.nl"), Problem::Empty);
                    }
                }
                if !p.phases.is_empty() && p.phase_minutes() != p.minutes {
                    bad(
                        format!("{list}[{}].phases", i + 1),
                        Problem::PhasesDoNotAddUp {
                            phases: p.phase_minutes(),
                            minutes: p.minutes,
                        },
                    );
                }
            }
        }
        for (field, text) in self.reader_texts() {
            let t = text.trim();
            if t.starts_with('[') && t.ends_with(']') {
                bad(field, Problem::Placeholder);
            }
        }
        for (field, text) in self.printed_texts() {
            // An escape code in a title would be obeyed by the terminal that `voer list` or
            // `voer show` prints it on. A carriage return before a line feed is a Windows
            // line end, and kept.
            let text = text.replace("\r\n", "\n");
            if text.chars().any(crate::printable::is_unprintable) {
                bad(field, Problem::ControlCharacter);
            }
        }
        for a in self.audiences() {
            match self.closing.iter().filter(|p| p.audience == a).count() {
                0 => bad("closing".into(), Problem::NoClosing(a)),
                1 => {}
                _ => bad("closing".into(), Problem::TwoClosings(a)),
            }
        }
        for p in &self.closing {
            if self.prompts_for(p.audience).next().is_none() {
                bad("closing".into(), Problem::ClosingAlone(p.audience));
            }
        }
        for (i, o) in self.opening.iter().enumerate() {
            for (name, minutes) in [("minutes", o.minutes), ("quote_minutes", o.quote_minutes)] {
                let field = format!("opening[{}].{name}", i + 1);
                if minutes == 0 {
                    bad(field, Problem::NotPositive);
                } else if minutes > Prompt::MAX_MINUTES {
                    bad(
                        field,
                        Problem::OutOfRange {
                            min: 1,
                            max: Prompt::MAX_MINUTES,
                        },
                    );
                }
            }
            if self.prompts_for(o.audience).next().is_none() {
                bad("opening".into(), Problem::OpeningAlone(o.audience));
            }
            if self.opening[..i].iter().any(|e| e.audience == o.audience) {
                bad("opening".into(), Problem::TwoOpenings(o.audience));
            }
        }
        out
    }
}
