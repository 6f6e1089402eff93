//! The picker's questions: choose an episode, an audience, a group name, then start.
use crate::app::{
    msg::{Effect, Msg, Pick},
    picker::{Picker, Stage},
};

pub(super) fn update(p: &mut Picker, msg: Msg) -> Vec<Effect> {
    match msg {
        // An end time that is no time of day: said under it, and the question stays.
        Msg::Pick(Pick::Next) if p.stage == Stage::Group && !p.until_is_valid() => {
            p.until_error = true;
            p.focus(crate::app::picker::Field::UNTIL);
            Vec::new()
        }
        Msg::Pick(Pick::Next) => match p.next_stage() {
            Some(_) => Vec::new(),
            // The last question answered: the loop makes the session file.
            None => p
                .choice()
                .map(|c| Effect::CreateSession(Box::new(c)))
                .into_iter()
                .collect(),
        },
        // Esc on the first question quits.
        Msg::Pick(Pick::Back) if !p.back() => vec![Effect::Quit],
        // Nothing was made yet: quitting leaves nothing behind.
        Msg::Pick(Pick::Cancel) | Msg::Quit | Msg::Terminate => vec![Effect::Quit],
        Msg::Pick(Pick::Toggle) => {
            p.toggle_episode();
            Vec::new()
        }
        Msg::Pick(key) => {
            p.select(&key);
            Vec::new()
        }
        Msg::Edit(input) => {
            p.edit(input);
            Vec::new()
        }
        Msg::Paste(text) => {
            p.paste(&text);
            Vec::new()
        }
        _ => Vec::new(),
    }
}
