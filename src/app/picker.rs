//! The picker's state: asks for what the command line left out (episode, audience, group name,
//! and beside the name who leads the conversation, the participants and the end time).
//! Its keys are in `keymap`, its behaviour in `update::picker`, its screen in `ui::picker`.
use ratatui_textarea::{Input, TextArea};

use super::msg::{Choice, Pick};
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
    /// Beside the group name: who leads the conversation (for the reports), the participants
    /// (for speaking rounds) and the end time.
    pub facilitator: TextArea<'static>,
    pub participants: TextArea<'static>,
    pub until: TextArea<'static>,
    /// Which field of the group stage takes the keys (see [`Field`]).
    pub field: usize,
    /// The end time typed is not a time of day (shown under it until it is fixed).
    pub until_error: bool,
    /// Stages that the command line already answered are skipped.
    ask_episode: bool,
    ask_audience: bool,
    ask_group: bool,
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
        let mut p = Picker {
            episodes,
            lang,
            stage: Stage::Episode,
            episode: ep_idx,
            audience: aud_idx,
            group: field(group.unwrap_or_default()),
            facilitator: field(""),
            participants: field(""),
            until: field(""),
            field: 0,
            until_error: false,
            ask_episode: episode.is_none(),
            ask_audience: audience.is_none(),
            ask_group: group.is_none(),
        };
        p.stage = p.first_stage().unwrap_or(Stage::Group);
        p
    }

    /// What the command line (or the config file) gave for the participants and the end
    /// time: shown in their fields, to be changed on the group question.
    pub fn with_time(
        mut self,
        participants: &[String],
        until: Option<chrono::NaiveTime>,
    ) -> Picker {
        self.participants = field(&participants.join(", "));
        self.until = field(
            &until
                .map(|u| u.format("%H:%M").to_string())
                .unwrap_or_default(),
        );
        self.focus(Field::GROUP);
        self
    }

    /// Who leads the conversation, from the command line or the config file: shown in its
    /// field, to be changed on the group question.
    pub fn with_facilitator(mut self, name: &str) -> Picker {
        self.facilitator = field(name);
        self.focus(Field::GROUP);
        self
    }

    /// Moves the keys to another field of the group question.
    pub(super) fn focus(&mut self, i: usize) {
        self.field = i.min(Field::COUNT - 1);
        let focused = self.field;
        for (k, ta) in [
            &mut self.group,
            &mut self.facilitator,
            &mut self.participants,
            &mut self.until,
        ]
        .into_iter()
        .enumerate()
        {
            ta.set_cursor_style(if k == focused {
                ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                ratatui::style::Style::default()
            });
        }
    }

    fn focused(&mut self) -> &mut TextArea<'static> {
        match self.field {
            Field::GROUP => &mut self.group,
            Field::FACILITATOR => &mut self.facilitator,
            Field::PARTICIPANTS => &mut self.participants,
            _ => &mut self.until,
        }
    }

    /// The end time typed, if it is one.
    pub fn until_time(&self) -> Option<chrono::NaiveTime> {
        crate::cli::parse_hhmm(&self.until.lines().join(""))
    }

    /// Whether the end time field is empty or holds a time of day.
    pub fn until_is_valid(&self) -> bool {
        let text = self.until.lines().join("");
        text.trim().is_empty() || crate::cli::parse_hhmm(&text).is_some()
    }

    pub fn participant_names(&self) -> Vec<String> {
        crate::session::timing::parse_names(&self.participants.lines().join(","))
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

    /// Enter: on to the next question; None when this was the last one.
    pub(super) fn next_stage(&mut self) -> Option<Stage> {
        let stages = self.stages();
        let pos = stages.iter().position(|s| *s == self.stage).unwrap_or(0);
        let next = *stages.get(pos + 1)?;
        if self.stage == Stage::Episode {
            self.audience = self.audience.min(self.audiences().len().saturating_sub(1));
        }
        self.stage = next;
        Some(next)
    }

    /// Esc: back to the previous question; false on the first, where Esc quits.
    /// The group name always has one to go back to: when the command line gave the audience,
    /// that choice is shown again, to be changed.
    pub(super) fn back(&mut self) -> bool {
        let stages = self.stages();
        let pos = stages.iter().position(|s| *s == self.stage).unwrap_or(0);
        match pos.checked_sub(1) {
            Some(prev) => {
                self.stage = stages[prev];
                true
            }
            None if self.stage == Stage::Group => {
                self.ask_audience = true;
                self.stage = Stage::Audience;
                true
            }
            None => false,
        }
    }

    /// Moves the selection of the episode or audience list.
    pub(super) fn select(&mut self, key: &Pick) {
        match self.stage {
            Stage::Episode => {
                // A digit picks the episode with that number, as `voer list` shows it.
                let by_number = match key {
                    Pick::Digit(d) => self.episodes.iter().position(|e| e.number == *d),
                    _ => None,
                };
                self.episode =
                    by_number.unwrap_or_else(|| step(self.episode, self.episodes.len(), key));
            }
            Stage::Audience => self.audience = step(self.audience, self.audiences().len(), key),
            // Tab, ↓ and ↑ move between the fields.
            Stage::Group => match key {
                Pick::Down => self.focus((self.field + 1) % Field::COUNT),
                Pick::Up => self.focus((self.field + Field::COUNT - 1) % Field::COUNT),
                _ => {}
            },
        }
    }

    /// A key for the group name field.
    pub(super) fn edit(&mut self, input: Input) {
        if self.stage == Stage::Group {
            self.focused().input(input);
            if self.field == Field::UNTIL {
                self.until_error = false;
            }
        }
    }

    /// What was chosen, once every question is answered.
    pub fn choice(&self) -> Option<Choice> {
        Some(Choice {
            episode: self.selected_episode()?.clone(),
            audience: self.selected_audience()?,
            group: self.group_name(),
            facilitator: self.facilitator.lines().join(" ").trim().to_string(),
            participants: self.participant_names(),
            until: self.until_time(),
        })
    }

    pub fn paste(&mut self, text: &str) {
        if self.stage == Stage::Group {
            self.focused()
                .insert_str(text.lines().next().unwrap_or_default());
        }
    }
}

/// The fields of the group question, in the order Tab goes through them.
pub struct Field;

impl Field {
    pub const GROUP: usize = 0;
    pub const FACILITATOR: usize = 1;
    pub const PARTICIPANTS: usize = 2;
    pub const UNTIL: usize = 3;
    pub const COUNT: usize = 4;
}

/// A one-line text field of the group question.
fn field(text: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![text.to_string()]);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta.set_cursor_line_style(ratatui::style::Style::default());
    ta
}

fn step(i: usize, len: usize, key: &Pick) -> usize {
    match key {
        Pick::Up => i.saturating_sub(1),
        Pick::Down => (i + 1).min(len.saturating_sub(1)),
        Pick::First => 0,
        Pick::Last => len.saturating_sub(1),
        Pick::Digit(d) => {
            let d = *d as usize;
            if d >= 1 && d <= len { d - 1 } else { i }
        }
        _ => i,
    }
}
