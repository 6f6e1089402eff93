//! What a run knows about actions beyond the session's own `[[actions]]`: the form in which one
//! is recorded or edited (Ctrl+A), the list (Ctrl+L), and the open actions of the group's
//! earlier sessions, shown on the opening and marked done in their own files.
use std::collections::HashSet;

use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

use super::mode::Mode;
use crate::actions::{Draft, folder::Found};

#[derive(Default)]
pub struct Actions {
    /// Open actions of earlier sessions of this group (examples never), oldest meeting first.
    /// Marked done here, they are saved in their own session file, never copied into this one.
    pub earlier: Vec<Found>,
    /// The ids the sessions folder held when the run started: a new id differs from them all.
    pub taken: HashSet<String>,
    /// The form, while it is open.
    pub form: Option<Form>,
    /// The chosen row of the list: this session's actions first, then the earlier ones.
    pub selected: usize,
    /// The row whose removal waits for a second Del.
    pub confirm_remove: Option<usize>,
    /// Where Esc or saving goes back to: the notes while typing, otherwise navigation.
    pub back_to: Option<Mode>,
}

/// Recording a new action, or editing one of this session's.
pub struct Form {
    /// What, who, when.
    pub fields: [TextArea<'static>; 3],
    pub focus: usize,
    /// Index into the session's actions, when editing.
    pub editing: Option<usize>,
    /// Opened from the list: Esc and saving go back to it.
    pub from_list: bool,
    /// Why Enter did not save (nothing typed under "what").
    pub problem: Option<String>,
}

impl Form {
    pub fn new(draft: &Draft, editing: Option<usize>, from_list: bool) -> Form {
        let field = |s: &str| {
            let mut ta = TextArea::new(vec![s.to_string()]);
            ta.set_cursor_line_style(Style::default());
            ta.move_cursor(ratatui_textarea::CursorMove::End);
            ta
        };
        let mut form = Form {
            fields: [field(&draft.text), field(&draft.owner), field(&draft.when)],
            focus: 0,
            editing,
            from_list,
            problem: None,
        };
        form.show_focus();
        form
    }

    /// Moves to the next field (or back), and shows the cursor there only.
    pub fn move_focus(&mut self, forward: bool) {
        self.focus = (self.focus + if forward { 1 } else { 2 }) % 3;
        self.show_focus();
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
            text: text(0),
            owner: text(1),
            when: text(2),
        }
    }
}
