//! The words about finding sessions by name, in Dutch and English. A table of its own beside
//! `crate::i18n`, in the same shape, so that the feature's words are found in one place.
use crate::{i18n::Tpl, lang::Lang};

pub struct Words {
    /// The name as typed, the folders looked in.
    pub not_found_in: Tpl<2>,
    /// The path as typed, made absolute.
    pub no_such_path: Tpl<1>,
    /// Between the last two of a list.
    pub and: &'static str,
    /// Above a list of names, one a line.
    pub did_you_mean: &'static str,
    pub see_sessions: &'static str,
    pub no_sessions: Tpl<1>,
    pub example_not_counted: Tpl<1>,
    /// The group as typed, the folder.
    pub no_group: Tpl<2>,
    pub groups_there: Tpl<1>,
    /// The folder the examples come from.
    pub which_session: Tpl<1>,
    /// The folder, the command.
    pub nothing_yet: Tpl<2>,
    /// When the newest session started (and its group).
    pub example_last: Tpl<1>,
    pub example_last_of: Tpl<2>,
    pub example_group: &'static str,
}

pub static NL: Words = Words {
    not_found_in: Tpl::new("Geen sessie ‘{}’ gevonden in {}."),
    no_such_path: Tpl::new("Geen sessie: {} bestaat niet."),
    and: " en ",
    did_you_mean: "Bedoelt u:",
    see_sessions: "Alle sessies met hun naam: voer sessions",
    no_sessions: Tpl::new("Nog geen sessies in {}"),
    example_not_counted: Tpl::new("Het voorbeeld telt niet mee; noem het bij naam: {}"),
    no_group: Tpl::new("Geen sessies van de groep ‘{}’ in {}."),
    groups_there: Tpl::new("Groepen daar: {}"),
    which_session: Tpl::new(
        "Welke sessie? Geef een naam zoals `voer sessions` die toont, of --last of --group. \
         Bijvoorbeeld, met de sessies in {}:",
    ),
    nothing_yet: Tpl::new(
        "Nog geen sessies in {}. Na een gesprek vindt `voer {} --last` het nieuwste.",
    ),
    example_last: Tpl::new("de nieuwste ({})"),
    example_last_of: Tpl::new("de nieuwste ({}, {})"),
    example_group: "alle sessies van die groep",
};

pub static EN: Words = Words {
    not_found_in: Tpl::new("No session ‘{}’ found in {}."),
    no_such_path: Tpl::new("No session: {} does not exist."),
    and: " and ",
    did_you_mean: "Did you mean:",
    see_sessions: "All sessions with their names: voer sessions",
    no_sessions: Tpl::new("No sessions yet in {}"),
    example_not_counted: Tpl::new("The example does not count; name it to use it: {}"),
    no_group: Tpl::new("No sessions of the group ‘{}’ in {}."),
    groups_there: Tpl::new("Groups there: {}"),
    which_session: Tpl::new(
        "Which session? Give a name as `voer sessions` shows it, or --last or --group. \
         For example, with the sessions in {}:",
    ),
    nothing_yet: Tpl::new(
        "No sessions yet in {}. After a conversation, `voer {} --last` finds the newest.",
    ),
    example_last: Tpl::new("the newest ({})"),
    example_last_of: Tpl::new("the newest ({}, {})"),
    example_group: "every session of that group",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
