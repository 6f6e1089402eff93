//! CSV: one row per line of notes, for a spreadsheet or another tool.
//!
//! Columns: date (YYYY-MM-DD), group, audience, episode, step, prompt (the question; at the
//! video, its link), note, who, when, done; the header row and the audience and step names
//! are in the report's language. The actions are rows of the same file after the notes of
//! their session, with the step "Afspraak" / "Action", the action in the note column, and who,
//! when (YYYY-MM-DD, or the words typed when they are no date) and done ("ja"/"nee",
//! "yes"/"no"); a row of notes leaves those three empty. A question for the organisation is a
//! row with the step "Vraag aan de organisatie" / "Question for the organisation", whom it is
//! for under who, the date asked for an answer under when, and under done whether it has its
//! answer; the answer, once given, is the next row, with the step "Antwoord" / "Answer" and the
//! day it was recorded under when. In a meeting of several episodes the episode column names
//! each step's own episode. RFC 4180 quoting by the
//! `csv` crate, CRLF line ends, UTF-8 with a byte order mark so that Excel reads the accents.
//! Blank lines of notes make no row. The facilitator's private notes, in an export asked to
//! hold them, are rows after the group's, their step marked "(privé)" / "(private)".
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
//! formula by Excel and LibreOffice ("- koffie zelf zetten" shows as an error, "=HYPERLINK(…)"
//! is an attack), so such a cell gets a leading `'`, and so does a cell that itself starts
//! with `'`. To read the original text back: drop one leading `'` when a cell starts with one.
//!
//! Control characters other than line feed and tab (ESC, BEL, NUL…) are shown as signs
//! (␛, ␇, ␀): a CSV sent to a terminal cannot repaint it, and a spreadsheet shows what was there.
use super::{RenderError, report::Report};
use crate::{
    printable::printable,
    session::{Session, StepKind, step_label},
};

pub const BOM: &str = "\u{feff}";

pub fn render(sessions: &[Session], report: &Report, delimiter: u8) -> Result<String, RenderError> {
    let t = report.t;
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = RenderError::Csv;
    let words = t.actions;
    let header = t.export_csv_header.iter().chain(&words.csv_columns);
    w.write_record(header).map_err(fail)?;
    for s in sessions {
        let i = &s.session;
        let date = i.started_at.format("%Y-%m-%d").to_string();
        let audience = report.audience_name(i.audience);
        let episode_of = |id: Option<&str>| {
            let f = i.facts_of(id).unwrap_or_else(|| i.first_episode());
            format!("{}: {}", f.number, f.title)
        };
        let episode = episode_of(None);
        for (index, st) in s.steps.iter().enumerate() {
            let step = step_label(&s.steps, index, t);
            let step_episode = episode_of(st.episode.as_deref());
            // The opening's text is the episode's long context: not worth a copy on each row.
            // At the video, the link says which video it was.
            let prompt = match st.kind {
                StepKind::Prompt | StepKind::Closing => st.text.as_str(),
                StepKind::Video => st.url.as_deref().unwrap_or_default(),
                _ => "",
            };
            // The private notes are in the sessions only when the export was asked for them.
            let private_step = crate::i18n::fill(t.privacy.private_step, [&step]);
            let group_lines = super::lines(&st.notes).map(|l| (l, step.as_str()));
            let private_lines = super::lines(&st.private_notes).map(|l| (l, private_step.as_str()));
            for (note, step) in group_lines
                .chain(private_lines)
                .filter(|(l, _)| !l.trim().is_empty())
            {
                let row = [
                    date.as_str(),
                    i.group.as_str(),
                    audience,
                    step_episode.as_str(),
                    step,
                    prompt,
                    note,
                    "",
                    "",
                    "",
                ];
                let cells = row.map(|c| guard_owned(printable(c).into_owned()));
                w.write_record(cells.iter().map(|c| c.as_bytes()))
                    .map_err(fail)?;
            }
        }
        let q = t.series;
        for a in &s.actions {
            let when = match (&a.due, &a.due_text) {
                (Some(d), _) => d.format("%Y-%m-%d").to_string(),
                (None, Some(t)) => t.clone(),
                (None, None) => String::new(),
            };
            let (step, who, done) = if a.is_question() {
                let to = crate::actions::questions::to_label(a, report.lang);
                (q.csv_step, to, a.is_answered())
            } else {
                (words.csv_step, a.owner.clone().unwrap_or_default(), a.done)
            };
            let mut rows = vec![[
                date.clone(),
                i.group.clone(),
                audience.to_string(),
                episode.clone(),
                step.to_string(),
                String::new(),
                a.text.trim().to_string(),
                who,
                when,
                if done { words.yes } else { words.no }.to_string(),
            ]];
            if let Some(answer) = a.answer.as_deref().filter(|_| a.is_answered()) {
                let on = a.answered_at.map(|t| t.format("%Y-%m-%d").to_string());
                rows.push([
                    date.clone(),
                    i.group.clone(),
                    audience.to_string(),
                    episode.clone(),
                    q.csv_answer.to_string(),
                    String::new(),
                    answer.trim().to_string(),
                    String::new(),
                    on.unwrap_or_default(),
                    String::new(),
                ]);
            }
            for row in rows {
                let cells = row.map(|c| guard_owned(printable(&c).into_owned()));
                w.write_record(cells.iter().map(|c| c.as_bytes()))
                    .map_err(fail)?;
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| fail(e.into_error().into()))?;
    let body = String::from_utf8(bytes)
        .map_err(|e| fail(std::io::Error::new(std::io::ErrorKind::InvalidData, e).into()))?;
    Ok(format!("{BOM}{body}"))
}

/// Makes a spreadsheet read the cell as text (see the module documentation).
pub fn guard(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\'') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

fn guard_owned(cell: String) -> String {
    match guard(&cell) {
        std::borrow::Cow::Owned(g) => g,
        std::borrow::Cow::Borrowed(_) => cell,
    }
}

/// The inverse of [`guard`], for tools and tests that read the file back.
pub fn unguard(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_round_trips() {
        for s in ["- koffie", "=1+1", "'quoted", "gewoon", "", "@x", "+31"] {
            assert_eq!(unguard(&guard(s)), s);
        }
        assert_eq!(guard("- koffie"), "'- koffie");
        assert_eq!(guard("gewoon"), "gewoon");
    }
}
