//! The letter a council sends (`voer export … --format letter`): from the council, to the board
//! (or whom the questions name), the meeting and the episode they came from, the questions and
//! advice numbered, the date an answer is asked for, ready to sign. Dutch in the formal
//! register ("Geachte …", "u"), English with `--lang en`. It is a list of the report's pieces,
//! so md and docx render it as they render a report.
use chrono::NaiveDate;

use super::{outline::Element, report::Report};
use crate::{
    actions::{self, questions},
    i18n::fill,
    session::{Action, EpisodeFacts, Session},
};

/// The letter of the open questions (those without an answer) of `sessions`, dated `today`
/// (none: the day of the last meeting). `None` when they hold no open question.
pub fn letter(sessions: &[Session], r: &Report, today: Option<NaiveDate>) -> Option<Vec<Element>> {
    let t = r.t;
    let q = t.series;
    let lang = r.lang;
    // The sessions that ask something, each with its open questions in the order recorded.
    let asking: Vec<(&Session, Vec<&Action>)> = sessions
        .iter()
        .map(|s| {
            let mut open: Vec<&Action> = s
                .actions
                .iter()
                .filter(|a| a.is_question() && !a.is_answered())
                .collect();
            open.sort_by_key(|a| a.created_at);
            (s, open)
        })
        .filter(|(_, open)| !open.is_empty())
        .collect();
    let (first, _) = asking.first()?;
    let all: Vec<&Action> = asking.iter().flat_map(|(_, o)| o.iter().copied()).collect();
    let sender = match first.session.group.trim() {
        "" => first.session.audience.name(lang).to_string(),
        g => g.to_string(),
    };
    // To whom: the one all questions name, else the board (and each other one says its own).
    let to_of = |a: &Action| questions::to_label(a, lang);
    let addressee = to_of(all[0]);
    let one_addressee = all.iter().all(|a| to_of(a) == addressee);
    let addressee = if one_addressee {
        addressee
    } else {
        q.to_board.to_string()
    };
    let default_to = addressee == q.to_board;
    let last_day = asking
        .iter()
        .map(|(s, _)| s.session.started_at)
        .max()
        .map(|d| d.date_naive());
    let dated = today
        .or(last_day)
        .map(|d| long_date(r, d))
        .unwrap_or_default();
    let mut out = vec![
        Element::Paragraph(sender.clone()),
        Element::Paragraph(format!(
            "{}\n{}",
            fill(q.letter_to, [&addressee]),
            fill(q.letter_date, [&dated])
        )),
    ];
    // Which meetings, which episodes.
    let meetings: Vec<String> = asking
        .iter()
        .map(|(s, _)| r.date(&s.session.started_at))
        .collect();
    let mut episodes: Vec<EpisodeFacts> = Vec::new();
    for (s, _) in &asking {
        for e in s.session.episode_list() {
            if !episodes.iter().any(|x| x.id == e.id) {
                episodes.push(e);
            }
        }
    }
    let phrase = joined(
        r,
        &episodes
            .iter()
            .map(|e| episode_phrase(r, e))
            .collect::<Vec<_>>(),
    );
    out.push(Element::Paragraph(if asking.len() == 1 {
        fill(q.letter_subject_one, [&phrase])
    } else {
        q.letter_subject_more.to_string()
    }));
    out.push(Element::Paragraph(if default_to {
        q.letter_dear_board.to_string()
    } else {
        fill(q.letter_dear, [&salutation(&addressee)])
    }));
    let intro = if asking.len() == 1 {
        fill(q.letter_intro, [&meetings[0], &phrase])
    } else {
        fill(q.letter_intro_more, [&joined(r, &meetings), &phrase])
    };
    let lead = if all.len() == 1 {
        q.letter_lead_one
    } else {
        q.letter_lead
    };
    out.push(Element::Paragraph(format!("{intro} {lead}")));
    // The dates asked for an answer: one for all, said once at the end; else each its own.
    let due = |a: &Action| actions::due_label(a, lang);
    let one_date = all.iter().all(|a| due(a) == due(all[0]));
    let mut number = 0;
    for (s, open) in &asking {
        for a in open {
            number += 1;
            let mut notes = Vec::new();
            if asking.len() > 1 {
                let from = s.episode_of_step(a.step);
                notes.push(fill(
                    q.letter_from_meeting,
                    [&r.date(&s.session.started_at), &short_episode(r, &from)],
                ));
            } else if s.session.is_series()
                && let Some(id) = s.steps.get(a.step).and_then(|st| st.episode.as_deref())
                && let Some(from) = s.session.facts_of(Some(id))
            {
                notes.push(short_episode(r, &from));
            }
            if to_of(a) != addressee {
                notes.push(fill(q.letter_for, [&to_of(a)]));
            }
            if !one_date && !due(a).is_empty() {
                notes.push(fill(q.letter_reply_by_each, [&long_due(r, a)]));
            }
            let text = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let text = match notes.is_empty() {
                true => text,
                false => format!("{text} ({})", notes.join("; ")),
            };
            out.push(Element::Question {
                number,
                text,
                lines: 0,
            });
        }
    }
    let dated = all.iter().filter(|a| !due(a).is_empty()).count();
    out.push(Element::Paragraph(match (one_date, dated) {
        (_, 0) => q.letter_reply.to_string(),
        (true, _) => fill(q.letter_reply_by, [&long_due(r, all[0])]),
        (false, 1) => q.letter_reply_date_one.to_string(),
        (false, _) => q.letter_reply_dates.to_string(),
    }));
    out.push(Element::Paragraph(format!(
        "{}\n{}",
        q.letter_regards,
        fill(q.letter_on_behalf, [&sender])
    )));
    out.push(Element::Paragraph(q.letter_sign.to_string()));
    Some(out)
}

/// "aflevering 4, ‘Cliënten met professionals aan het stuur’ (Jef Mol)"
fn episode_phrase(r: &Report, e: &EpisodeFacts) -> String {
    fill(r.t.series.letter_episode, [&e.number, &e.title, &e.speaker])
}

/// "aflevering 4": where a question came from.
fn short_episode(r: &Report, e: &EpisodeFacts) -> String {
    fill(r.t.episode_number, [&e.number]).to_lowercase()
}

/// "a", "a en b", "a, b en c".
fn joined(r: &Report, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), r.t.series.letter_and),
    }
}

/// "20 november 2026": as a letter writes a date.
fn long_date(r: &Report, d: NaiveDate) -> String {
    let at = d
        .and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().fixed_offset())
        .unwrap_or_default();
    r.date(&at)
}

/// The date asked for an answer, in full; the words typed when it is no date.
fn long_due(r: &Report, a: &Action) -> String {
    match (a.due, &a.due_text) {
        (Some(d), _) => long_date(r, d),
        (None, Some(text)) => text.clone(),
        (None, None) => String::new(),
    }
}

/// Whom "Geachte …" addresses: the name typed, without its article ("de bestuurder" →
/// "bestuurder").
fn salutation(to: &str) -> String {
    let lower = to.to_lowercase();
    for article in ["de ", "het ", "the "] {
        if lower.starts_with(article) {
            return to[article.len()..].trim().to_string();
        }
    }
    to.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_salutation_leaves_out_the_article() {
        assert_eq!(salutation("de bestuurder"), "bestuurder");
        assert_eq!(salutation("The executive board"), "executive board");
        assert_eq!(salutation("Raad van bestuur"), "Raad van bestuur");
        assert_eq!(salutation("Deborah"), "Deborah");
    }
}
