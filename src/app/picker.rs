//! The picker's state: asks for what the command line left out (the episode, or several with
//! Space, the audience, the group name, and beside the name who leads the conversation, the
//! participants and the end time).
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
    /// The highlighted episode.
    pub episode: usize,
    /// The episodes chosen with Space, in the order chosen: a meeting of several. Empty: the
    /// highlighted one alone.
    pub chosen: Vec<usize>,
    pub audience: usize,
    /// The audience the command line gave: found again in the audiences of the episodes
    /// chosen, which may be fewer than the first one's.
    wanted: Option<Audience>,
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
        Picker::for_meeting(
            episodes,
            lang,
            episode.into_iter().collect(),
            audience,
            group,
        )
    }

    /// As [`Picker::new`], with the episodes the command line gave (`voer run 1,4`: several,
    /// in that order; none: asked on the first question).
    pub fn for_meeting(
        episodes: Vec<Episode>,
        lang: Lang,
        given: Vec<&Episode>,
        audience: Option<Audience>,
        group: Option<&str>,
    ) -> Picker {
        let chosen: Vec<usize> = given
            .iter()
            .filter_map(|e| episodes.iter().position(|x| x.id == e.id))
            .collect();
        let ep_idx = chosen.first().copied().unwrap_or(0);
        let mut p = Picker {
            episodes,
            lang,
            stage: Stage::Episode,
            episode: ep_idx,
            // One episode given is the highlighted one; several are a meeting of several.
            chosen: if chosen.len() > 1 { chosen } else { Vec::new() },
            audience: 0,
            wanted: audience,
            group: field(group.unwrap_or_default()),
            facilitator: field(""),
            participants: field(""),
            until: field(""),
            field: 0,
            until_error: false,
            ask_episode: given.is_empty(),
            ask_audience: audience.is_none(),
            ask_group: group.is_none(),
        };
        p.audience = audience
            .and_then(|a| p.audiences().iter().position(|x| *x == a))
            .unwrap_or(0);
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

    /// The episodes of the meeting: those chosen with Space, in that order, else the
    /// highlighted one.
    pub fn selected_episodes(&self) -> Vec<&Episode> {
        if self.chosen.is_empty() {
            self.selected_episode().into_iter().collect()
        } else {
            self.chosen
                .iter()
                .filter_map(|&i| self.episodes.get(i))
                .collect()
        }
    }

    /// Space on the first question: the highlighted episode joins the meeting, or leaves it.
    pub(super) fn toggle_episode(&mut self) {
        if self.stage != Stage::Episode {
            return;
        }
        match self.chosen.iter().position(|&i| i == self.episode) {
            Some(at) => {
                self.chosen.remove(at);
            }
            None => self.chosen.push(self.episode),
        }
    }

    /// The audiences every selected episode has prompts for.
    pub fn audiences(&self) -> Vec<Audience> {
        crate::session::series::common_audiences(&self.selected_episodes())
    }

    /// The minutes the meeting of the selected episodes takes for `audience`.
    pub fn minutes_for(&self, audience: Audience) -> u32 {
        crate::session::series::planned_minutes(&self.selected_episodes(), audience)
    }

    /// The audience the command line gave, while the picker does not ask for it.
    pub fn given_audience(&self) -> Option<Audience> {
        self.wanted.filter(|_| !self.ask_audience)
    }

    /// The audience of the meeting: the one the command line gave while it is one of the
    /// chosen episodes' (the list changes with them), else the one highlighted.
    pub fn selected_audience(&self) -> Option<Audience> {
        let audiences = self.audiences();
        self.given_audience()
            .filter(|a| audiences.contains(a))
            .or_else(|| audiences.get(self.audience).copied())
    }

    pub fn group_name(&self) -> String {
        self.group.lines().join(" ").trim().to_string()
    }

    /// Enter: on to the next question; None when this was the last one.
    pub(super) fn next_stage(&mut self) -> Option<Stage> {
        if self.stage == Stage::Episode {
            let audiences = self.audiences();
            match self
                .given_audience()
                .map(|a| audiences.iter().position(|x| *x == a))
            {
                Some(Some(i)) => self.audience = i,
                // The episodes chosen have no prompts for the audience given: it is asked.
                Some(None) => {
                    self.ask_audience = true;
                    self.audience = 0;
                    self.stage = Stage::Audience;
                    return Some(Stage::Audience);
                }
                None => self.audience = self.audience.min(audiences.len().saturating_sub(1)),
            }
        }
        let stages = self.stages();
        let pos = stages.iter().position(|s| *s == self.stage).unwrap_or(0);
        let next = *stages.get(pos + 1)?;
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
        let episodes: Vec<Episode> = self.selected_episodes().into_iter().cloned().collect();
        if episodes.is_empty() {
            return None;
        }
        Some(Choice {
            episodes,
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
