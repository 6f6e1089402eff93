//! What the opening and quote steps show about the episode: from the library, or, for an
//! episode it does not have, from the session file itself.
use crate::{
    episode::Episode,
    lang::Lang,
    session::{Session, StepKind},
};

/// What the opening and quote steps show about the episode.
#[derive(Debug, Clone, Default)]
pub struct EpisodeView {
    pub number: u32,
    pub title: String,
    pub speaker: String,
    pub role: String,
    pub url: Option<String>,
    pub context: String,
    pub quotes: Vec<String>,
}

impl EpisodeView {
    pub fn new(ep: &Episode, lang: Lang) -> EpisodeView {
        EpisodeView {
            number: ep.number,
            title: ep.title.get(lang).to_string(),
            speaker: ep.speaker.clone(),
            role: ep.role.get(lang).to_string(),
            url: ep.url.clone(),
            context: ep.context.get(lang).to_string(),
            quotes: ep.quotes.iter().map(|q| q.get(lang).to_string()).collect(),
        }
    }

    /// For a session whose episode is not in the library: what the file itself holds.
    pub fn from_session(s: &Session) -> EpisodeView {
        let step = |k| {
            s.steps
                .iter()
                .find(|st| st.kind == k)
                .map(|st| st.text.clone())
                .unwrap_or_default()
        };
        EpisodeView {
            number: s.session.episode_number,
            title: s.session.episode_title.clone(),
            speaker: s.session.speaker.clone(),
            role: s.session.speaker_role.clone(),
            url: s.video_url().map(str::to_string),
            context: step(StepKind::Opening),
            quotes: vec![step(StepKind::Quote)],
        }
    }
}
