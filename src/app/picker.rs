//! The picker: asks for what the command line left out (episode, audience, group name).
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::{Input, TextArea};

use crate::{
    episode::{Audience, Episode},
    lang::Lang,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Episode,
    Audience,
    Group,
}

pub struct Picker {
    pub episodes: Vec<Episode>,
    pub lang: Lang,
    pub stage: Stage,
    pub episode: usize,
    pub audience: usize,
    pub group: TextArea<'static>,
    /// Stages that the command line already answered are skipped.
    ask_episode: bool,
    ask_audience: bool,
    ask_group: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Cancel,
    Done,
}

impl Picker {
    pub fn new(
        episodes: Vec<Episode>,
        lang: Lang,
        episode: Option<&Episode>,
        audience: Option<Audience>,
        group: Option<&str>,
    ) -> Picker {
        let ep_idx = episode
            .and_then(|e| episodes.iter().position(|x| x.id == e.id))
            .unwrap_or(0);
        let aud_idx = audience
            .and_then(|a| {
                episodes
                    .get(ep_idx)
                    .and_then(|e| e.audiences().iter().position(|x| *x == a))
            })
            .unwrap_or(0);
        let mut ta = TextArea::new(vec![group.unwrap_or_default().to_string()]);
        ta.move_cursor(ratatui_textarea::CursorMove::End);
        ta.set_cursor_line_style(ratatui::style::Style::default());
        let mut p = Picker {
            episodes,
            lang,
            stage: Stage::Episode,
            episode: ep_idx,
            audience: aud_idx,
            group: ta,
            ask_episode: episode.is_none(),
            ask_audience: audience.is_none(),
            ask_group: group.is_none(),
        };
        p.stage = p.first_stage().unwrap_or(Stage::Group);
        p
    }

    fn stages(&self) -> Vec<Stage> {
        let mut s = Vec::new();
        if self.ask_episode {
            s.push(Stage::Episode);
        }
        if self.ask_audience {
            s.push(Stage::Audience);
        }
        if self.ask_group {
            s.push(Stage::Group);
        }
        s
    }

    fn first_stage(&self) -> Option<Stage> {
        self.stages().first().copied()
    }

    /// Whether this is the first question: Esc then leaves the program.
    pub fn on_first_stage(&self) -> bool {
        self.first_stage() == Some(self.stage)
    }

    /// Whether there is anything to ask at all.
    pub fn needed(&self) -> bool {
        self.first_stage().is_some()
    }

    pub fn selected_episode(&self) -> Option<&Episode> {
        self.episodes.get(self.episode)
    }

    /// The audiences the selected episode has prompts for.
    pub fn audiences(&self) -> Vec<Audience> {
        self.selected_episode()
            .map(Episode::audiences)
            .unwrap_or_default()
    }

    pub fn selected_audience(&self) -> Option<Audience> {
        self.audiences().get(self.audience).copied()
    }

    pub fn group_name(&self) -> String {
        self.group.lines().join(" ").trim().to_string()
    }

    pub fn key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::Continue;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Outcome::Cancel;
        }
        let stages = self.stages();
        let pos = stages.iter().position(|s| *s == self.stage).unwrap_or(0);
        match key.code {
            KeyCode::Enter => match stages.get(pos + 1) {
                Some(next) => {
                    if self.stage == Stage::Episode {
                        self.audience = self.audience.min(self.audiences().len().saturating_sub(1));
                    }
                    self.stage = *next;
                    Outcome::Continue
                }
                None => Outcome::Done,
            },
            KeyCode::Esc => match pos.checked_sub(1) {
                Some(prev) => {
                    self.stage = stages[prev];
                    Outcome::Continue
                }
                None => Outcome::Cancel,
            },
            code => {
                match self.stage {
                    Stage::Episode => {
                        // A digit picks the episode with that number, as `voer list` shows it.
                        let by_number = match code {
                            KeyCode::Char(c) => c
                                .to_digit(10)
                                .and_then(|d| self.episodes.iter().position(|e| e.number == d)),
                            _ => None,
                        };
                        self.episode = by_number
                            .unwrap_or_else(|| step(self.episode, self.episodes.len(), code));
                    }
                    Stage::Audience => {
                        self.audience = step(self.audience, self.audiences().len(), code)
                    }
                    Stage::Group => {
                        self.group.input(Input::from(key));
                    }
                }
                Outcome::Continue
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.stage == Stage::Group {
            self.group
                .insert_str(text.lines().next().unwrap_or_default());
        }
    }
}

fn step(i: usize, len: usize, code: KeyCode) -> usize {
    match code {
        KeyCode::Up | KeyCode::Char('k') => i.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => (i + 1).min(len.saturating_sub(1)),
        KeyCode::Home => 0,
        KeyCode::End => len.saturating_sub(1),
        KeyCode::Char(c) if c.is_ascii_digit() => {
            let d = c.to_digit(10).unwrap_or(0) as usize;
            if d >= 1 && d <= len { d - 1 } else { i }
        }
        _ => i,
    }
}
