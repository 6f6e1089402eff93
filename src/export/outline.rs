//! The report as a flat list of typed pieces (heading, facts, quote, notes, …). Markdown, HTML,
//! plain text and Word each render this same list, so every format carries the same content
//! in the same order and only the layout differs. The plan on paper (`plan`) and the handout
//! (`handout`) are lists of the same pieces.
use super::report::{Block, Part, Report};
use crate::session::StepKind;

#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    /// Level 1 is the report's title; parts, questions and groups go one level down each.
    Heading {
        level: u8,
        text: String,
    },
    /// Label and value pairs: episode, speaker, audience, group, date, …
    Facts(Vec<(String, String)>),
    Quote(String),
    /// Short single-line items, e.g. the groups taking part.
    List(Vec<String>),
    /// The question as it was asked.
    Prompt(String),
    /// A secondary line: minutes, the closing step's subtitle.
    Aside(String),
    /// The group's words; line breaks matter.
    Notes(String),
    /// Plain text: a plan's context and tips, a handout's opening words.
    Paragraph(String),
    /// A question on a handout, numbered in order, with `lines` ruled lines under it to
    /// write on (none: only the question).
    Question {
        number: usize,
        text: String,
        lines: u8,
    },
    NoNotes(String),
    /// Rows under a head row: the actions (what · who · when · done).
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The closing step is set apart from the questions.
    BeginClosing,
    EndClosing,
}

pub fn outline(r: &Report) -> Vec<Element> {
    let mut out = vec![Element::Heading {
        level: 1,
        text: r.title(),
    }];
    let single = r.parts.len() == 1;
    if r.anonymous {
        out.push(Element::Paragraph(r.t.privacy.anonymous_notice.to_string()));
    }
    actions_outline(r, &mut out);
    questions_outline(r, &mut out);
    if !single && r.lists_groups() {
        out.push(Element::Heading {
            level: 2,
            text: r.t.export_groups.to_string(),
        });
        out.push(Element::List(
            r.groups.iter().map(|g| r.group_line(g, true)).collect(),
        ));
    }
    for part in &r.parts {
        part_outline(r, part, single, &mut out);
    }
    out
}

/// What was agreed comes first, set apart from the notes: one table, or one per group when
/// the report holds several.
fn actions_outline(r: &Report, out: &mut Vec<Element>) {
    let w = r.t.actions;
    let rows = |g: &super::report::Group| r.action_rows(g);
    tables_outline(r, w.heading, &w.columns, &rows, out);
}

/// The questions and advice for the organisation, a section of their own after the actions:
/// the question, to whom, by when, and the answer once the organisation gave it.
fn questions_outline(r: &Report, out: &mut Vec<Element>) {
    let q = r.t.series;
    let rows = |g: &super::report::Group| r.question_rows(g);
    tables_outline(r, q.heading, &q.columns, &rows, out);
}

/// A section of tables under `heading`: one, or one per group when the report holds several;
/// a group whose `rows` are none has no table.
fn tables_outline(
    r: &Report,
    heading: &str,
    columns: &[&str],
    rows: &dyn Fn(&super::report::Group) -> Vec<Vec<String>>,
    out: &mut Vec<Element>,
) {
    let with: Vec<_> = r
        .groups
        .iter()
        .map(|g| (g, rows(g)))
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    if with.is_empty() {
        return;
    }
    out.push(Element::Heading {
        level: 2,
        text: heading.to_string(),
    });
    let head: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    for (g, rows) in with {
        if r.lists_groups() {
            out.push(Element::Heading {
                level: 3,
                text: g.heading.clone(),
            });
        }
        out.push(Element::Table {
            head: head.clone(),
            rows,
        });
    }
}

fn part_outline(r: &Report, part: &Part, single: bool, out: &mut Vec<Element>) {
    // With one part the title already names the episode, so questions sit right below it.
    let base = if single { 1 } else { 2 };
    let one_group = part.members.len() == 1;
    if !single {
        let who = if one_group {
            r.groups[part.members[0]].heading.clone()
        } else {
            r.audience_name(part.info.audience).to_string()
        };
        out.push(Element::Heading {
            level: 2,
            text: format!("{} — {who}", r.episode_line(part.info)),
        });
    }
    let t = r.t;
    let info = part.info;
    // A meeting of several: every episode and speaker, in order.
    let episodes = info.episode_list();
    let (episode_label, speaker_label, episode, speaker) = if info.is_series() {
        let list = |f: &dyn Fn(&crate::session::EpisodeFacts) -> String| {
            episodes.iter().map(f).collect::<Vec<_>>().join("; ")
        };
        (
            t.series.episodes_label,
            t.series.speakers_label,
            list(&|e| format!("{} – {}", e.number, e.title)),
            list(&|e| e.speaker_line()),
        )
    } else {
        (
            t.col_episode,
            t.col_speaker,
            format!("{} – {}", info.episode_number, info.episode_title),
            r.speaker_line(info),
        )
    };
    let mut facts = vec![
        (episode_label.to_string(), episode),
        (speaker_label.to_string(), speaker),
        (
            t.audience.to_string(),
            r.audience_name(info.audience).to_string(),
        ),
    ];
    if one_group {
        let g = &r.groups[part.members[0]];
        facts.push((t.group.to_string(), g.name.clone()));
        if !g.info.facilitator.trim().is_empty() {
            facts.push((
                t.facilitator.to_string(),
                g.info.facilitator.trim().to_string(),
            ));
        }
        let present = crate::session::timing::clean_names(&g.info.participants);
        if !present.is_empty() {
            facts.push((t.privacy.participants.to_string(), present.join(", ")));
        }
        facts.push((t.col_date.to_string(), r.date(&g.info.started_at)));
        facts.push((t.export_time.to_string(), r.time_span(g.info)));
    }
    out.push(Element::Facts(facts));
    // A meeting of several has each episode's quote at the head of its section.
    if !info.is_series() {
        quote_outline(r, part.quote, part.quote_original, out);
    }
    if single && !one_group {
        out.push(Element::Heading {
            level: 2,
            text: t.export_groups.to_string(),
        });
        out.push(Element::List(
            part.members
                .iter()
                .map(|&i| r.group_line(&r.groups[i], false))
                .collect(),
        ));
    }
    // In a meeting of several, each episode's steps are a section under its number and title,
    // with its speaker and its quote; the opening and the closing are the whole meeting's.
    let mut section: Option<&str> = None;
    for block in &part.blocks {
        if block.episode.is_some() && block.episode != section {
            section = block.episode;
            let facts = info.facts_of(block.episode).unwrap_or_default();
            out.push(Element::Heading {
                level: base + 1,
                text: r.section_line(&facts),
            });
            out.push(Element::Aside(facts.speaker_line()));
            let quote = part
                .blocks
                .iter()
                .find(|b| b.kind == StepKind::Quote && b.episode == block.episode);
            quote_outline(
                r,
                quote.map(|b| b.text),
                quote.and_then(|b| b.original),
                out,
            );
        }
        if block.is_shown() {
            let level = base + u8::from(block.episode.is_some());
            block_outline(r, block, level, one_group, out);
        }
    }
}

/// The quote: the speaker's own words, with the translation under them, marked as one.
fn quote_outline(r: &Report, quote: Option<&str>, original: Option<&str>, out: &mut Vec<Element>) {
    match (quote, original) {
        (Some(q), Some(original)) => {
            out.push(Element::Quote(original.to_string()));
            out.push(Element::Aside(format!("{}: “{q}”", r.t.translation)));
        }
        (Some(q), None) => out.push(Element::Quote(q.to_string())),
        _ => {}
    }
}

fn block_outline(r: &Report, b: &Block, base: u8, one_group: bool, out: &mut Vec<Element>) {
    let closing = b.kind == StepKind::Closing;
    if closing {
        out.push(Element::BeginClosing);
    }
    out.push(Element::Heading {
        level: base + 1,
        text: r.block_label(b),
    });
    if closing {
        out.push(Element::Aside(r.t.export_closing_sub.to_string()));
    }
    let timed = b.kind.is_timed();
    if b.kind == StepKind::Video {
        if let Some(url) = b.url {
            out.push(Element::Aside(url.to_string()));
        }
    } else if timed {
        out.push(Element::Prompt(b.text.to_string()));
    }
    // At a question, "no notes" from a group says something; at the opening it is noise.
    let entries = b
        .entries
        .iter()
        .filter(|e| timed || e.has_notes() || e.has_private_notes());
    for e in entries {
        if !one_group {
            out.push(Element::Heading {
                level: base + 2,
                text: r.groups[e.group].heading.clone(),
            });
        }
        if timed {
            out.push(Element::Aside(r.minutes_line(e)));
        }
        if e.has_notes() {
            out.push(Element::Notes(e.notes.to_string()));
        } else if b.kind.is_question() {
            out.push(Element::NoNotes(r.t.export_no_notes.to_string()));
        }
        // Only in a report asked to hold them (`--with-private`), and marked as what they are.
        if e.has_private_notes() {
            out.push(Element::Aside(format!("{}:", r.t.privacy.private_heading)));
            out.push(Element::Notes(e.private_notes.to_string()));
        }
    }
    if closing {
        out.push(Element::EndClosing);
    }
}
