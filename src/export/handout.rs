//! The participants' handout (`voer handout`): the episode's title and speaker, the quote and
//! the audience's questions in order, numbered, in large print (`Look::Handout`). Nothing for
//! the facilitator's eyes: no tips, no minutes, no keys. A classroom gets ruled lines under each
//! question to write on; the other groups read along.
use super::outline::Element;
use crate::{
    episode::{Audience, Episode},
    i18n::{self, fill},
    lang::Lang,
};

/// Lines to write on under each question of a classroom's handout.
const CLASSROOM_LINES: u8 = 4;

pub fn outline(ep: &Episode, audience: Audience, lang: Lang) -> Vec<Element> {
    let t = i18n::texts(lang);
    let p = t.paper;
    let mut out = vec![
        Element::Heading {
            level: 1,
            text: format!(
                "{} — {}",
                fill(t.episode_number, [&ep.number]),
                ep.title.get(lang)
            ),
        },
        Element::Paragraph(format!("{}, {}", ep.speaker, ep.role.get(lang))),
    ];
    // The speaker's own words; a translation under them, marked as one.
    let quote = ep.main_quote();
    out.push(Element::Quote(format!("“{}”", quote.nl.trim())));
    let translated = quote.get(lang);
    if translated != quote.nl {
        out.push(Element::Aside(format!(
            "{}: “{}”",
            t.translation,
            translated.trim()
        )));
    }
    let (intro, lines) = match audience {
        Audience::Classroom => (p.handout_intro_write, CLASSROOM_LINES),
        a if a.is_addressed_formally() => (p.handout_intro_formal, 0),
        _ => (p.handout_intro, 0),
    };
    out.push(Element::Paragraph(intro.to_string()));
    out.extend(
        ep.prompts_for(audience)
            .enumerate()
            .map(|(i, q)| Element::Question {
                number: i + 1,
                text: q.text.get(lang).to_string(),
                lines,
            }),
    );
    out
}
