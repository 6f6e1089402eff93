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
    pub id: String,
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
            id: ep.id.clone(),
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
            id: s.session.episode.clone(),
            number: s.session.episode_number,
            title: s.session.episode_title.clone(),
            speaker: s.session.speaker.clone(),
            role: s.session.speaker_role.clone(),
            url: s.video_url().map(str::to_string),
            context: step(StepKind::Opening),
            quotes: vec![step(StepKind::Quote)],
        }
    }

    /// For a later episode of a meeting of several that the library does not have: what the
    /// file holds of it (its facts, and its own video and quote steps).
    pub fn from_section(s: &Session, section: &crate::session::Section) -> EpisodeView {
        let steps = &s.steps[section.steps.clone()];
        let step = |k| steps.iter().find(|st| st.kind == k);
        let f = &section.facts;
        EpisodeView {
            id: f.id.clone(),
            number: f.number,
            title: f.title.clone(),
            speaker: f.speaker.clone(),
            role: f.speaker_role.clone(),
            url: step(StepKind::Video).and_then(|st| st.url.clone()),
            context: String::new(),
            quotes: step(StepKind::Quote)
                .map(|st| vec![st.text.clone()])
                .unwrap_or_default(),
        }
    }

    /// The views of the second and later episodes of a meeting of several: from the library
    /// where it has them, else from the file.
    pub fn more_of(
        s: &Session,
        library: &crate::episode::Library,
        lang: crate::lang::Lang,
    ) -> Vec<EpisodeView> {
        s.sections()
            .iter()
            .skip(1)
            .map(|section| match library.find(&section.facts.id) {
                Some(e) => EpisodeView::new(e, lang),
                None => EpisodeView::from_section(s, section),
            })
            .collect()
    }
}
