//! The facilitator's plan of an episode (`voer show`): what it holds, once, and its two
//! layouts: the text `voer show` prints on a terminal ([`text`]), and the list of pieces that
//! Markdown, HTML and Word render for the plan on paper ([`outline`]).
use super::outline::Element;
use crate::{
    episode::{Audience, Episode, Localized, Prompt},
    i18n::{self, Texts, fill},
    lang::Lang,
};

/// An episode's plan for one or more audiences, in the words of one language.
pub struct Plan {
    /// "Aflevering 4 — Cliënten met professionals aan het stuur".
    pub title: String,
    /// "Jef Mol, bestuurder Santé Partners".
    pub speaker: String,
    /// The episode's page.
    pub more_at: Option<String>,
    pub video_minutes: u32,
    /// The video's address; `None`: none known.
    pub video_url: Option<String>,
    pub video_tip: Option<String>,
    pub context: String,
    /// Each quote in the speaker's own words, with its translation when it differs.
    pub quotes: Vec<(String, Option<String>)>,
    pub parts: Vec<Part>,
}

/// The plan for one audience.
pub struct Part {
    /// "Bestuur / raad van toezicht (board)".
    pub audience: String,
    pub steps: Vec<Step>,
    pub total: u32,
}

/// One step of a meeting as the plan lists it.
pub struct Step {
    /// "Opening", "1.", "Afsluiting".
    pub label: String,
    /// The step's word in a heading: "Opening", "Vraag 1", "Afsluiting".
    pub heading: String,
    pub minutes: u32,
    /// The question, for a prompt and the closing.
    pub question: Option<String>,
    /// How the step runs: a speaking round, timed phases.
    pub how: Vec<String>,
    pub tip: Option<String>,
}

impl Plan {
    pub fn new(ep: &Episode, audiences: &[Audience], lang: Lang) -> Plan {
        let t = i18n::texts(lang);
        let tip = |l: Option<&Localized>| l.map(|l| l.get(lang).to_string());
        let parts = audiences
            .iter()
            .map(|&a| {
                let opening = ep.opening_for(a);
                let plain = |label: &str, minutes, tip: Option<String>| Step {
                    label: label.to_string(),
                    heading: label.to_string(),
                    minutes,
                    question: None,
                    how: Vec::new(),
                    tip,
                };
                let mut steps = vec![
                    plain(t.step_opening, opening.minutes, tip(opening.tip.as_ref())),
                    // The video's link and tip stand once, at the top.
                    plain(t.step_video, ep.video.minutes, None),
                    plain(
                        t.step_quote,
                        opening.quote_minutes,
                        tip(opening.quote_tip.as_ref()),
                    ),
                ];
                steps.extend(ep.prompts_for(a).enumerate().map(|(i, p)| {
                    prompt_step(
                        format!("{}.", i + 1),
                        format!("{} {}", t.step_prompt, i + 1),
                        p,
                        lang,
                        t,
                    )
                }));
                if let Some(c) = ep.closing_for(a) {
                    steps.push(prompt_step(
                        t.step_closing.to_string(),
                        t.step_closing.to_string(),
                        c,
                        lang,
                        t,
                    ));
                }
                Part {
                    audience: format!("{} ({})", a.name(lang), a.id()),
                    steps,
                    total: ep.total_minutes(a),
                }
            })
            .collect();
        Plan {
            title: format!(
                "{} — {}",
                fill(t.episode_number, [&ep.number]),
                ep.title.get(lang)
            ),
            speaker: format!("{}, {}", ep.speaker, ep.role.get(lang)),
            more_at: ep.url.clone(),
            video_minutes: ep.video.minutes,
            video_url: ep.video_url().map(str::to_string),
            video_tip: tip(ep.video.tip.as_ref()),
            context: ep.context.get(lang).to_string(),
            quotes: ep
                .quotes
                .iter()
                .map(|q| {
                    let text = q.get(lang);
                    (q.nl.clone(), (text != q.nl).then(|| text.to_string()))
                })
                .collect(),
            parts,
        }
    }
}

fn prompt_step(label: String, heading: String, p: &Prompt, lang: Lang, t: &Texts) -> Step {
    let mut how = Vec::new();
    if p.round {
        let each = match p.minutes_per_person {
            Some(m) => fill(t.show_round_each, [&m]),
            None => t.show_round_default.to_string(),
        };
        how.push(fill(t.show_round, [&each]));
    }
    if !p.phases.is_empty() {
        let phases = p
            .phases
            .iter()
            .map(|ph| format!("{} {}", ph.label.get(lang), ph.minutes))
            .collect::<Vec<_>>()
            .join(" · ");
        how.push(format!("{}: {phases}", t.show_phases));
    }
    Step {
        label,
        heading,
        minutes: p.minutes,
        question: Some(p.text.get(lang).to_string()),
        how,
        tip: p.tip.as_ref().map(|tip| tip.get(lang).to_string()),
    }
}

/// The width `voer show` wraps at.
const WIDTH: usize = 78;

fn wrap_indented(text: &str, indent: &str, out: &mut String) {
    // Never break "1-2-4-allen" or a compound at its hyphen.
    let opts = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, opts) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The plan as `voer show` prints it: wrapped at 78 columns, each step indented under its
/// audience.
pub fn text(plan: &Plan, t: &Texts) -> String {
    let mut out = String::new();
    out.push_str(&format!("{}\n{}\n", plan.title, plan.speaker));
    if let Some(url) = &plan.more_at {
        out.push_str(&format!("{}: {url}\n", t.more_at));
    }
    out.push_str(&format!(
        "{} ({} {}): {}\n",
        t.step_video,
        plan.video_minutes,
        t.minutes_short,
        plan.video_url.as_deref().unwrap_or(t.video_no_url)
    ));
    if let Some(tip) = &plan.video_tip {
        wrap_indented(&format!("{}: {tip}", t.tip), "  ", &mut out);
    }
    out.push('\n');
    out.push_str(&format!("{}\n", t.context_heading));
    wrap_indented(&plan.context, "  ", &mut out);
    out.push('\n');
    out.push_str(&format!("{}\n", t.quote_heading));
    for (words, translation) in &plan.quotes {
        wrap_indented(&format!("“{words}”"), "  ", &mut out);
        if let Some(text) = translation {
            wrap_indented(&format!("{}: “{text}”", t.translation), "  ", &mut out);
        }
        out.push('\n');
    }
    for part in &plan.parts {
        let rule = "─".repeat(WIDTH);
        out.push_str(&format!("{rule}\n{}: {}\n\n", t.audience, part.audience));
        for s in &part.steps {
            out.push_str(&format!(
                "  {} ({} {})\n",
                s.label, s.minutes, t.minutes_short
            ));
            let lines = s.question.iter().chain(&s.how).cloned();
            for line in lines.chain(s.tip.iter().map(|tip| format!("{}: {tip}", t.tip))) {
                wrap_indented(&line, "     ", &mut out);
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "  {}: {} {}\n\n",
            t.total, part.total, t.minutes_short
        ));
    }
    out
}

/// The plan as pieces for paper: the same content and order as [`text`], with headings.
pub fn outline(plan: &Plan, t: &Texts) -> Vec<Element> {
    let mut out = vec![Element::Heading {
        level: 1,
        text: plan.title.clone(),
    }];
    let mut facts = vec![(t.col_speaker.to_string(), plan.speaker.clone())];
    if let Some(url) = &plan.more_at {
        facts.push((t.more_at.to_string(), url.clone()));
    }
    facts.push((
        format!(
            "{} ({} {})",
            t.step_video, plan.video_minutes, t.minutes_short
        ),
        plan.video_url
            .clone()
            .unwrap_or_else(|| t.video_no_url.to_string()),
    ));
    out.push(Element::Facts(facts));
    if let Some(tip) = &plan.video_tip {
        out.push(Element::Paragraph(format!("{}: {tip}", t.tip)));
    }
    out.push(Element::Heading {
        level: 2,
        text: t.context_heading.to_string(),
    });
    out.push(Element::Paragraph(plan.context.clone()));
    out.push(Element::Heading {
        level: 2,
        text: t.quote_heading.to_string(),
    });
    for (words, translation) in &plan.quotes {
        out.push(Element::Quote(format!("“{words}”")));
        if let Some(text) = translation {
            out.push(Element::Aside(format!("{}: “{text}”", t.translation)));
        }
    }
    for part in &plan.parts {
        out.push(Element::Heading {
            level: 2,
            text: format!("{}: {}", t.audience, part.audience),
        });
        for s in &part.steps {
            out.push(Element::Heading {
                level: 3,
                text: format!("{} ({} {})", s.heading, s.minutes, t.minutes_short),
            });
            if let Some(q) = &s.question {
                out.push(Element::Prompt(q.clone()));
            }
            out.extend(s.how.iter().cloned().map(Element::Aside));
            if let Some(tip) = &s.tip {
                out.push(Element::Paragraph(format!("{}: {tip}", t.tip)));
            }
        }
        out.push(Element::Facts(vec![(
            t.total.to_string(),
            format!("{} {}", part.total, t.minutes_short),
        )]));
    }
    out
}
