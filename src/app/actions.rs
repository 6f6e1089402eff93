//! What a run knows about actions beyond the session's own `[[actions]]`: the form in which one
//! is recorded or edited (Ctrl+A: an action, or a question for the organisation), the list
//! (Ctrl+L), the open actions of the group's earlier sessions, shown on the opening and marked
//! done in their own files, and with `--questions-from` a council's open questions, answered
//! in the council's own files.
use std::collections::HashSet;

use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

use super::mode::Mode;
use crate::{
    actions::{Draft, folder::Found, questions::Asked},
    session::ActionKind,
};

#[derive(Default)]
pub struct Actions {
    /// Open actions of earlier sessions of this group (examples never), oldest meeting first.
    /// Marked done here, they are saved in their own session file, never copied into this one.
    pub earlier: Vec<Found>,
    /// The ids the sessions folder held when the run started: a new id differs from them all.
    pub taken: HashSet<String>,
    /// `--questions-from`: the group whose questions to the organisation this meeting answers,
    /// as its newest session names it, and its questions still without an answer when the run
    /// started (oldest first). An answer is saved in the question's own session file.
    pub council: Option<Asked>,
    /// The form, while it is open.
    pub form: Option<Form>,
    /// The chosen row of the list: this session's actions first, then the earlier ones.
    pub selected: usize,
    /// The row whose removal waits for a second Del.
    pub confirm_remove: Option<usize>,
    /// Where Esc or saving goes back to: the notes while typing, otherwise navigation.
    pub back_to: Option<Mode>,
}

/// Recording a new action or question, editing one of this session's, or answering a council's
/// question.
pub struct Form {
    /// An action, or a question for the organisation: the choice on the form's first line.
    pub kind: ActionKind,
    /// What, who, when (for a question: what, for whom, an answer by when). Answering a
    /// council's question: the answer, in the first.
    pub fields: [TextArea<'static>; 3],
    /// Which field takes the keys: 0 to 2, or [`Form::KIND`], the choice.
    pub focus: usize,
    /// Index into the session's actions, when editing.
    pub editing: Option<usize>,
    /// Opened from the list: Esc and saving go back to it.
    pub from_list: bool,
    /// Why Enter did not save (nothing typed under "what").
    pub problem: Option<String>,
    /// The council's question being answered: the form is then its one field, the answer.
    pub answering: Option<Found>,
}

impl Form {
    /// The focus on the choice between an action and a question.
    pub const KIND: usize = 3;

    pub fn new(draft: &Draft, editing: Option<usize>, from_list: bool) -> Form {
        let mut form = Form {
            kind: draft.kind,
            fields: [field(&draft.text), field(&draft.owner), field(&draft.when)],
            focus: 0,
            editing,
            from_list,
            problem: None,
            answering: None,
        };
        form.show_focus();
        form
    }

    /// The form for the answer to a council's question (from the list, always).
    pub fn answer(question: Found) -> Form {
        let answer = question.action.answer.clone().unwrap_or_default();
        let mut form = Form::new(
            &Draft {
                text: answer,
                ..Draft::default()
            },
            None,
            true,
        );
        form.answering = Some(question);
        form
    }

    /// Moves to the next field (or back), the choice of kind after "when" and before "what",
    /// and shows the cursor there only. The answer form has its one field.
    pub fn move_focus(&mut self, forward: bool) {
        if self.answering.is_some() {
            return;
        }
        const ORDER: [usize; 4] = [Form::KIND, 0, 1, 2];
        let at = ORDER.iter().position(|f| *f == self.focus).unwrap_or(1);
        self.focus = ORDER[(at + if forward { 1 } else { 3 }) % 4];
        self.show_focus();
    }

    /// The text field that has the keys, unless the choice has them.
    pub fn focused_field(&mut self) -> Option<&mut TextArea<'static>> {
        self.fields.get_mut(self.focus)
    }

    /// An action becomes a question, and back.
    pub fn toggle_kind(&mut self) {
        self.kind = match self.kind {
            ActionKind::Action => ActionKind::Question,
            ActionKind::Question => ActionKind::Action,
        };
    }

    pub fn show_focus(&mut self) {
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.set_cursor_style(if i == self.focus {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            });
        }
    }

    pub fn draft(&self) -> Draft {
        let text = |i: usize| self.fields[i].lines().join(" ");
        Draft {
            kind: self.kind,
            text: text(0),
            owner: text(1),
            when: text(2),
        }
    }
}

/// A one-line field of the form.
fn field(s: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![s.to_string()]);
    ta.set_cursor_line_style(Style::default());
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}
