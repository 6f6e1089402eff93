//! `voer show`: a printable plan of an episode for one or all audiences.
use std::process::ExitCode;

use super::{Context, check_audience, find_episode, parse_audience, print};
use crate::{
    episode::{Audience, Episode, Prompt},
    error::UserError,
    i18n::{Texts, fill},
    lang::Lang,
};

/// `voer show EPISODE [--audience A]`.
pub fn exec(cx: &Context, episode: &str, audience: Option<&str>) -> Result<ExitCode, UserError> {
    let lib = cx.library()?;
    let ep = find_episode(&lib, episode)?;
    let audiences = match audience {
        Some(a) => {
            let a = parse_audience(a)?;
            check_audience(ep, a)?;
            vec![a]
        }
        None => ep.audiences(),
    };
    print(&render(ep, &audiences, cx.lang, cx.t));
    Ok(ExitCode::SUCCESS)
}

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

fn prompt_block(label: &str, p: &Prompt, lang: Lang, t: &Texts, out: &mut String) {
    out.push_str(&format!("  {label} ({} {})\n", p.minutes, t.minutes_short));
    wrap_indented(p.text.get(lang), "     ", out);
    if p.round {
        let each = match p.minutes_per_person {
            Some(m) => fill(t.show_round_each, [&m]),
            None => t.show_round_default.to_string(),
        };
        wrap_indented(&fill(t.show_round, [&each]), "     ", out);
    }
    if !p.phases.is_empty() {
        let phases = p
            .phases
            .iter()
            .map(|ph| format!("{} {}", ph.label.get(lang), ph.minutes))
            .collect::<Vec<_>>()
            .join(" · ");
        wrap_indented(&format!("{}: {phases}", t.show_phases), "     ", out);
    }
    if let Some(tip) = &p.tip {
        wrap_indented(&format!("{}: {}", t.tip, tip.get(lang)), "     ", out);
    }
    out.push('\n');
}

/// A step without a question of its own (the opening, the quote): its minutes and its tip.
fn step_block(
    label: &str,
    minutes: u32,
    tip: Option<&crate::episode::Localized>,
    lang: Lang,
    t: &Texts,
    out: &mut String,
) {
    out.push_str(&format!("  {label} ({minutes} {})\n", t.minutes_short));
    if let Some(tip) = tip {
        wrap_indented(&format!("{}: {}", t.tip, tip.get(lang)), "     ", out);
    }
    out.push('\n');
}

pub fn render(ep: &Episode, audiences: &[Audience], lang: Lang, t: &Texts) -> String {
    let mut out = String::new();
    let ep_word = if lang == Lang::Nl {
        "Aflevering"
    } else {
        "Episode"
    };
    out.push_str(&format!(
        "{ep_word} {} — {}\n",
        ep.number,
        ep.title.get(lang)
    ));
    out.push_str(&format!("{}, {}\n", ep.speaker, ep.role.get(lang)));
    if let Some(url) = &ep.url {
        out.push_str(&format!("{}: {url}\n", t.more_at));
    }
    let video = match ep.video_url() {
        Some(url) => url.to_string(),
        None => t.video_no_url.to_string(),
    };
    out.push_str(&format!(
        "{} ({} {}): {video}\n",
        t.step_video, ep.video.minutes, t.minutes_short
    ));
    if let Some(tip) = &ep.video.tip {
        wrap_indented(&format!("{}: {}", t.tip, tip.get(lang)), "  ", &mut out);
    }
    out.push('\n');
    out.push_str(&format!("{}\n", t.context_heading));
    wrap_indented(ep.context.get(lang), "  ", &mut out);
    out.push('\n');
    out.push_str(&format!("{}\n", t.quote_heading));
    for q in &ep.quotes {
        // The speaker's own words first; a translation under them, marked as one.
        wrap_indented(&format!("“{}”", q.nl), "  ", &mut out);
        let text = q.get(lang);
        if text != q.nl {
            wrap_indented(&format!("{}: “{text}”", t.translation), "  ", &mut out);
        }
        out.push('\n');
    }
    for &a in audiences {
        let rule = "─".repeat(WIDTH);
        out.push_str(&format!(
            "{rule}\n{}: {} ({})\n\n",
            t.audience,
            a.name(lang),
            a.id()
        ));
        let opening = ep.opening_for(a);
        step_block(
            t.step_opening,
            opening.minutes,
            opening.tip.as_ref(),
            lang,
            t,
            &mut out,
        );
        // The video's link and tip stand once, at the top.
        step_block(t.step_video, ep.video.minutes, None, lang, t, &mut out);
        step_block(
            t.step_quote,
            opening.quote_minutes,
            opening.quote_tip.as_ref(),
            lang,
            t,
            &mut out,
        );
        for (i, p) in ep.prompts_for(a).enumerate() {
            prompt_block(&format!("{}.", i + 1), p, lang, t, &mut out);
        }
        if let Some(c) = ep.closing_for(a) {
            prompt_block(t.step_closing, c, lang, t, &mut out);
        }
        out.push_str(&format!(
            "  {}: {} {}\n\n",
            t.total,
            ep.total_minutes(a),
            t.minutes_short
        ));
    }
    out
}
