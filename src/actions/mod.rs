//! Actions that carry over: actions with an owner and a date, recorded in a run, listed
//! across the sessions folder (`voer actions`), and shown again at the group's next meeting.
//!
//! The actions themselves are stored in their session's file (`[[actions]]`); this module holds
//! what is the same wherever they are shown: reading a typed date ([`date`]), making ids,
//! wording a due date, and finding and changing actions in the sessions folder ([`folder`]).
pub mod date;
pub mod folder;
pub mod questions;

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

pub use date::{Due, NotADate};

use crate::{
    i18n::{self, fill},
    lang::Lang,
    session::{Action, ActionKind},
};

/// Letters of an id: digits and lowercase letters without i, l, o and u, so that an id read
/// aloud or copied by hand is not mistyped (Crockford's base 32).
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A new id: six letters (30 bits) from a hash of `seed` (the session file's name, the moment of
/// recording and the action's place in the session), tried again with a counter while `taken`
/// says it is in use.
///
/// Why this shape: short enough to type after `voer actions done`, the same for the same
/// input (tests, and no random source needed), and unique in the folder: the seed names the
/// session file, which is unique there, and the run checks the id against every id the folder
/// held when it started. Two runs recording at once in one folder would have to hit the same
/// 30 bits from different seeds; a `done` on such an id is refused as ambiguous rather than
/// guessed.
pub fn new_id(seed: &str, taken: impl Fn(&str) -> bool) -> String {
    (0u32..)
        .map(|n| {
            let mut h = DefaultHasher::new();
            (seed, n).hash(&mut h);
            let bits = h.finish();
            (0..6)
                .map(|i| char::from(ALPHABET[((bits >> (i * 5)) & 31) as usize]))
                .collect::<String>()
        })
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// The seed of an action's id: what makes it differ from every other action.
pub fn id_seed(file_name: &str, created_at: &DateTime<FixedOffset>, index: usize) -> String {
    format!(
        "{file_name}|{}|{index}",
        created_at.to_rfc3339_opts(chrono::SecondsFormat::Nanos, false)
    )
}

/// "1 dec 2026": short, and the same in every table.
pub fn date_label(d: NaiveDate, lang: Lang) -> String {
    let w = i18n::texts(lang).actions;
    format!(
        "{} {} {}",
        d.day(),
        w.months_short[d.month0() as usize],
        d.year()
    )
}

/// When the action is due, as a table shows it: the date, the text as typed, or nothing.
pub fn due_label(a: &Action, lang: Lang) -> String {
    match (&a.due, &a.due_text) {
        (Some(d), _) => date_label(*d, lang),
        (None, Some(t)) => t.clone(),
        (None, None) => String::new(),
    }
}

/// Open, with a date that has passed (a question: without an answer by its date).
pub fn is_overdue(a: &Action, today: NaiveDate) -> bool {
    let open = if a.is_question() {
        !a.is_answered()
    } else {
        !a.done
    };
    open && a.due.is_some_and(|d| d < today)
}

/// What the facilitator typed for a new action or an edit. For a question, `owner` is whom it
/// is for and `when` the date by which an answer is asked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub kind: ActionKind,
    pub text: String,
    pub owner: String,
    pub when: String,
}

/// The fields an action gets from a draft: the owner (for a question: whom it is for) and the
/// due date (or the text as typed, with a message that says it is not a date).
pub struct Read {
    pub kind: ActionKind,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub due_text: Option<String>,
    pub warning: Option<String>,
}

pub fn read_draft(d: &Draft, today: NaiveDate, lang: Lang) -> Read {
    let w = i18n::texts(lang).actions;
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let when = one_line(&d.when);
    let (due, due_text, warning) = match date::parse(&when, today) {
        Due::None => (None, None, None),
        Due::Date(date) => (Some(date), None, None),
        Due::NotADate(why) => {
            let template = match why {
                NotADate::Unknown => w.not_a_date,
                NotADate::NoSuchDay => w.no_such_day,
            };
            (None, Some(when.clone()), Some(fill(template, [&when])))
        }
    };
    let owner = one_line(&d.owner);
    Read {
        kind: d.kind,
        text: d.text.trim().to_string(),
        owner: (!owner.is_empty()).then_some(owner),
        due,
        due_text,
        warning,
    }
}

impl Read {
    pub fn apply(self, a: &mut Action) -> Option<String> {
        a.kind = self.kind;
        a.text = self.text;
        // A question names whom it is for; an action who does it.
        (a.owner, a.to) = match self.kind {
            ActionKind::Action => (self.owner, None),
            ActionKind::Question => (None, self.owner),
        };
        a.due = self.due;
        a.due_text = self.due_text;
        self.warning
    }
}

/// "Notulen rondsturen · Marieke · 1 dec 2026": one action on one line; a question says whom
/// it is for and by when it asks an answer: "Mogen bewoners …? · voor de raad van bestuur ·
/// antwoord vóór 15 jan 2027".
pub fn summary_line(a: &Action, lang: Lang) -> String {
    let mut bits = vec![a.text.split_whitespace().collect::<Vec<_>>().join(" ")];
    let due = due_label(a, lang);
    if a.is_question() {
        let q = i18n::texts(lang).series;
        bits.push(fill(q.for_whom, [&questions::to_label(a, lang)]));
        if !due.is_empty() {
            bits.push(fill(q.answer_by, [&due]));
        }
        return bits.join(" · ");
    }
    bits.extend(a.owner.clone());
    if !due.is_empty() {
        bits.push(due);
    }
    bits.join(" · ")
}

/// [`summary_line`], with "⚠ TE LAAT" after an open action whose date has passed (a screen
/// colours it too: colour is never the only sign); and whether it is overdue.
pub fn summary_line_on(a: &Action, today: NaiveDate, lang: Lang) -> (String, bool) {
    let line = summary_line(a, lang);
    if is_overdue(a, today) {
        let late = i18n::texts(lang).actions.state_overdue;
        (format!("{line} · ⚠\u{a0}{late}"), true)
    } else {
        (line, false)
    }
}

/// The draft that edits an existing action.
pub fn draft_of(a: &Action) -> Draft {
    let owner = if a.is_question() { &a.to } else { &a.owner };
    Draft {
        kind: a.kind,
        text: a.text.clone(),
        owner: owner.clone().unwrap_or_default(),
        when: match (&a.due, &a.due_text) {
            (Some(d), _) => d.format("%-d-%-m-%Y").to_string(),
            (None, Some(t)) => t.clone(),
            (None, None) => String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_plain_and_avoid_the_taken() {
        let a = new_id("seed", |_| false);
        assert_eq!(a.len(), 6);
        assert!(a.bytes().all(|b| ALPHABET.contains(&b)), "{a}");
        assert_eq!(new_id("seed", |_| false), a, "the same for the same seed");
        let b = new_id("seed", |id| id == a);
        assert_ne!(a, b);
        assert_ne!(new_id("other seed", |_| false), a);
    }

    #[test]
    fn a_when_that_is_not_a_date_is_kept_with_a_message() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let r = read_draft(
            &Draft {
                kind: ActionKind::Action,
                text: " Voorstel schrijven ".into(),
                owner: "  ".into(),
                when: "na de  zomer".into(),
            },
            today,
            Lang::Nl,
        );
        assert_eq!(r.text, "Voorstel schrijven");
        assert_eq!(r.owner, None);
        assert_eq!(r.due, None);
        assert_eq!(r.due_text.as_deref(), Some("na de zomer"));
        assert_eq!(
            r.warning.as_deref(),
            Some("'na de zomer' is geen datum: zo bewaard")
        );
        let r = read_draft(
            &Draft {
                kind: ActionKind::Action,
                text: "x".into(),
                owner: "Bert".into(),
                when: "31-2".into(),
            },
            today,
            Lang::En,
        );
        assert_eq!(
            r.warning.as_deref(),
            Some("'31-2' is not a date that exists: kept as typed")
        );
        let r = read_draft(
            &Draft {
                kind: ActionKind::Action,
                text: "x".into(),
                owner: "Bert".into(),
                when: "1 dec".into(),
            },
            today,
            Lang::En,
        );
        assert_eq!(r.due, NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(r.warning, None);
    }
}
