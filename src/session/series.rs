//! A meeting of several episodes (`voer run 1,4`): one opening, then for each episode its
//! video, its quote and its prompts, then one closing and the summary. Each of those middle
//! steps names its episode (`[[steps]] episode`), and the session's header lists the episodes
//! in order (`episodes`) with what the file needs to know of each (`more_episodes`), so that the
//! file stands on its own for the room screen, a resume and the exports.
//!
//! A meeting of one episode writes none of these fields: its file is as it always was.
use std::ops::Range;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{
    FORMAT_VERSION, Meta, Phase, Round, Session, SessionInfo, Status, Step, StepKind, Unknown,
    timing,
};
use crate::{
    episode::{Audience, Episode, Localized, Prompt},
    lang::Lang,
};

/// What a session file holds of an episode: enough to name it and its speaker.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EpisodeFacts {
    pub id: String,
    #[serde(default)]
    pub number: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub speaker: String,
    #[serde(default)]
    pub speaker_role: String,
    /// What this voer does not know (see [`Unknown`]).
    #[serde(flatten)]
    pub unknown: Unknown,
}

impl EpisodeFacts {
    pub fn of(e: &Episode, lang: Lang) -> EpisodeFacts {
        EpisodeFacts {
            id: e.id.clone(),
            number: e.number,
            title: e.title.get(lang).to_string(),
            speaker: e.speaker.clone(),
            speaker_role: e.role.get(lang).to_string(),
            unknown: Unknown::default(),
        }
    }

    /// "Jef Mol, bestuurder Santé Partners"
    pub fn speaker_line(&self) -> String {
        match self.speaker_role.trim() {
            "" => self.speaker.clone(),
            role => format!("{}, {role}", self.speaker),
        }
    }
}

/// The steps of one episode in a meeting: its video, quote and prompts.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub facts: EpisodeFacts,
    /// Indexes into the session's steps.
    pub steps: Range<usize>,
}

impl SessionInfo {
    /// The ids of the meeting's episodes, in order: one for a meeting of one.
    pub fn episode_ids(&self) -> Vec<String> {
        if self.episodes.is_empty() {
            vec![self.episode.clone()]
        } else {
            self.episodes.clone()
        }
    }

    /// Whether this is a meeting of several episodes.
    pub fn is_series(&self) -> bool {
        self.episodes.len() > 1
    }

    /// The first episode, from the header's own fields.
    pub fn first_episode(&self) -> EpisodeFacts {
        EpisodeFacts {
            id: self.episode.clone(),
            number: self.episode_number,
            title: self.episode_title.clone(),
            speaker: self.speaker.clone(),
            speaker_role: self.speaker_role.clone(),
            unknown: Unknown::default(),
        }
    }

    /// Every episode of the meeting, in order. An id the file says nothing more of gets its
    /// id alone (a file edited by hand).
    pub fn episode_list(&self) -> Vec<EpisodeFacts> {
        let first = self.first_episode();
        self.episode_ids()
            .iter()
            .map(|id| self.facts_of(Some(id)).unwrap_or_else(|| bare(id, &first)))
            .collect()
    }

    /// What the file holds of the episode with this id; `None` (a step of the whole meeting,
    /// or a meeting of one): the first episode.
    pub fn facts_of(&self, id: Option<&str>) -> Option<EpisodeFacts> {
        let first = self.first_episode();
        match id {
            None => Some(first),
            Some(id) if id == first.id => Some(first),
            Some(id) => self.more_episodes.iter().find(|e| e.id == id).cloned(),
        }
    }
}

fn bare(id: &str, first: &EpisodeFacts) -> EpisodeFacts {
    if id == first.id {
        return first.clone();
    }
    EpisodeFacts {
        id: id.to_string(),
        ..EpisodeFacts::default()
    }
}

impl Session {
    /// The episodes' parts of a meeting of several, in order: each episode's run of steps.
    /// Empty for a meeting of one.
    pub fn sections(&self) -> Vec<Section> {
        let info = &self.session;
        if !info.is_series() {
            return Vec::new();
        }
        let mut out: Vec<Section> = Vec::new();
        for (i, step) in self.steps.iter().enumerate() {
            let Some(id) = step.episode.as_deref() else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.facts.id == id && last.steps.end == i => last.steps.end = i + 1,
                _ => out.push(Section {
                    facts: info
                        .facts_of(Some(id))
                        .unwrap_or_else(|| bare(id, &info.first_episode())),
                    steps: i..i + 1,
                }),
            }
        }
        out
    }

    /// The episode step `index` belongs to (the first for the opening, the closing and the
    /// summary, and in a meeting of one).
    pub fn episode_of_step(&self, index: usize) -> EpisodeFacts {
        let id = self.steps.get(index).and_then(|s| s.episode.as_deref());
        self.session
            .facts_of(id)
            .unwrap_or_else(|| bare(id.unwrap_or_default(), &self.session.first_episode()))
    }

    /// In a meeting of several episodes: the number of the episode on whose step `action` was
    /// recorded (none on the opening and the closing, and in a meeting of one).
    pub fn episode_number_of(&self, action: &super::Action) -> Option<u32> {
        self.steps
            .get(action.step)
            .filter(|st| st.episode.is_some() && self.session.is_series())
            .map(|_| self.episode_of_step(action.step).number)
    }

    /// A meeting of `episodes` (one or more, in this order) for one audience: one opening (the
    /// first episode's), then per episode its video, its quote and its prompts, then one closing
    /// (the last episode's). Every step has the minutes its episode plans.
    pub fn new_meeting(
        episodes: &[&Episode],
        audience: Audience,
        meta: &Meta,
        lang: Lang,
        now: DateTime<FixedOffset>,
    ) -> Session {
        let (Some(first), Some(last)) = (episodes.first(), episodes.last()) else {
            // Every caller names an episode; without one there is no meeting to hold.
            unreachable!("a meeting has at least one episode")
        };
        let several = episodes.len() > 1;
        let tip = |t: &Option<Localized>| t.as_ref().map(|t| t.get(lang).to_string());
        let participants = timing::clean_names(&meta.participants);
        let opening = first.opening_for(audience);
        // A meeting of several starts with every episode's context, in order.
        let context = episodes
            .iter()
            .map(|e| e.context.get(lang))
            .collect::<Vec<_>>()
            .join("\n\n");
        let mut steps = vec![Step {
            tip: tip(&opening.tip),
            ..Step::new(StepKind::Opening, &context, opening.minutes)
        }];
        for e in episodes {
            let id = several.then(|| e.id.clone());
            let own = e.opening_for(audience);
            let quote = e.main_quote();
            let text = quote.get(lang);
            steps.push(Step {
                url: e.video_url().map(str::to_string),
                tip: tip(&e.video.tip),
                episode: id.clone(),
                ..Step::new(StepKind::Video, e.title.get(lang), e.video.minutes)
            });
            steps.push(Step {
                // The speaker's own words stay beside a translation.
                original: (text != quote.nl).then(|| quote.nl.clone()),
                tip: tip(&own.quote_tip),
                episode: id.clone(),
                ..Step::new(StepKind::Quote, text, own.quote_minutes)
            });
            steps.extend(e.prompts_for(audience).map(|p| Step {
                episode: id.clone(),
                ..timed(StepKind::Prompt, p, &participants, lang)
            }));
        }
        if let Some(p) = last.closing_for(audience) {
            steps.push(timed(StepKind::Closing, p, &participants, lang));
        }
        Session {
            format_version: FORMAT_VERSION,
            session: SessionInfo {
                episode: first.id.clone(),
                episode_number: first.number,
                episode_title: first.title.get(lang).to_string(),
                speaker: first.speaker.clone(),
                speaker_role: first.role.get(lang).to_string(),
                episodes: if several {
                    episodes.iter().map(|e| e.id.clone()).collect()
                } else {
                    Vec::new()
                },
                more_episodes: episodes[1..]
                    .iter()
                    .map(|e| EpisodeFacts::of(e, lang))
                    .collect(),
                audience,
                group: meta.group.trim().to_string(),
                facilitator: meta.facilitator.trim().to_string(),
                language: lang,
                participants,
                until: meta.until,
                questions_from: None,
                example: false,
                blanked: false,
                room_notes: false,
                theme: None,
                tips_hidden: false,
                status: Status::InProgress,
                started_at: now,
                updated_at: now,
                finished_at: None,
                current_step: 0,
                paused: false,
                timer_started_at: None,
                unknown: Unknown::default(),
            },
            steps,
            actions: Vec::new(),
            reports: Vec::new(),
            unknown: Unknown::default(),
        }
    }
}

/// A prompt or the closing, with its phases and, with participants, its round.
fn timed(kind: StepKind, p: &Prompt, participants: &[String], lang: Lang) -> Step {
    Step {
        tip: p.tip.as_ref().map(|t| t.get(lang).to_string()),
        phases: p
            .phases
            .iter()
            .map(|ph| Phase {
                label: ph.label.get(lang).to_string(),
                minutes: ph.minutes,
                ..Phase::default()
            })
            .collect(),
        // Without participants a round prompt is an ordinary prompt.
        round: (p.round && !participants.is_empty())
            .then(|| Round::new(participants.to_vec(), p.minutes_per_person, 0)),
        ..Step::new(kind, p.text.get(lang), p.minutes)
    }
}

/// The minutes a meeting of `episodes` takes for `audience`, as [`Session::new_meeting`] plans
/// it: the first episode's opening, each episode's video, quote and prompts, the last one's
/// closing. For one episode, the episode's own total.
pub fn planned_minutes(episodes: &[&Episode], audience: Audience) -> u32 {
    let (Some(first), Some(last)) = (episodes.first(), episodes.last()) else {
        return 0;
    };
    let mut sum = first.opening_for(audience).minutes;
    for e in episodes {
        sum = e.prompts_for(audience).fold(
            sum.saturating_add(e.video.minutes)
                .saturating_add(e.opening_for(audience).quote_minutes),
            |s, p| s.saturating_add(p.minutes),
        );
    }
    sum.saturating_add(last.closing_for(audience).map_or(0, |p| p.minutes))
}

/// The audiences every one of `episodes` has prompts for, in the standard order.
pub fn common_audiences(episodes: &[&Episode]) -> Vec<Audience> {
    Audience::ALL
        .into_iter()
        .filter(|a| episodes.iter().all(|e| e.prompts_for(*a).next().is_some()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::Library;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").expect("a time")
    }

    #[test]
    fn a_meeting_of_two_has_one_opening_each_episode_and_one_closing() {
        let lib = Library::embedded();
        let (vera, jef) = (lib.find("1").unwrap(), lib.find("4").unwrap());
        let s = Session::new_meeting(
            &[vera, jef],
            Audience::Board,
            &Meta::default(),
            Lang::Nl,
            now(),
        );
        let kinds: Vec<StepKind> = s.steps.iter().map(|st| st.kind).collect();
        assert_eq!(kinds.first(), Some(&StepKind::Opening));
        assert_eq!(kinds.last(), Some(&StepKind::Closing));
        assert_eq!(kinds.iter().filter(|k| **k == StepKind::Opening).count(), 1);
        assert_eq!(kinds.iter().filter(|k| **k == StepKind::Video).count(), 2);
        assert_eq!(kinds.iter().filter(|k| **k == StepKind::Closing).count(), 1);
        let sections = s.sections();
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].facts.number, 1);
        assert_eq!(sections[1].facts.speaker, "Jef Mol");
        assert_eq!(s.session.episodes, ["vera-jansweijer", "jef-mol"]);
        let planned: u64 = s.steps.iter().map(|st| st.planned_seconds).sum();
        assert_eq!(
            planned / 60,
            u64::from(planned_minutes(&[vera, jef], Audience::Board))
        );
        // Read back from its own file, it is the same meeting.
        let back = Session::from_toml(&s.to_toml()).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.sections(), sections);
    }

    #[test]
    fn a_meeting_of_one_writes_none_of_the_new_fields() {
        let lib = Library::embedded();
        let jef = lib.find("4").unwrap();
        let s = Session::new(jef, Audience::Board, &Meta::default(), Lang::Nl, now());
        let text = s.to_toml();
        for field in ["episodes", "more_episodes", "episode =", "questions_from"] {
            let written = text.lines().filter(|l| l.starts_with(field)).count();
            assert!(
                written <= usize::from(field == "episode ="),
                "{field} in\n{text}"
            );
        }
        assert!(s.sections().is_empty());
        assert_eq!(
            planned_minutes(&[jef], Audience::Board),
            jef.total_minutes(Audience::Board)
        );
    }
}
