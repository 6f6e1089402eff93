//! The picker's questions: choose an episode, an audience, a group name, then start.
use crate::app::{
    Action, Effect, Pick,
    picker::{Picker, Stage},
};

pub(super) fn update(p: &mut Picker, action: Action) -> Vec<Effect> {
    match action {
        // An end time that is no time of day: said under it, and the question stays.
        Action::Pick(Pick::Next) if p.stage == Stage::Group && !p.until_is_valid() => {
            p.until_error = true;
            p.focus(2);
            Vec::new()
        }
        Action::Pick(Pick::Next) => match p.next_stage() {
            Some(_) => Vec::new(),
            // The last question answered: the loop makes the session file.
            None => p
                .choice()
                .map(|c| Effect::CreateSession(Box::new(c)))
                .into_iter()
                .collect(),
        },
        // Esc on the first question quits.
        Action::Pick(Pick::Back) if !p.back() => vec![Effect::Quit],
        // Nothing was made yet: quitting leaves nothing behind.
        Action::Pick(Pick::Cancel) | Action::Quit | Action::Terminate => vec![Effect::Quit],
        Action::Pick(key) => {
            p.select(&key);
            Vec::new()
        }
        Action::Edit(input) => {
            p.edit(input);
            Vec::new()
        }
        Action::Paste(text) => {
            p.paste(&text);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
