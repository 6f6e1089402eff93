//! Plain text for the body of an e-mail: wrapped at 72 columns (measured in terminal columns,
//! so accents, CJK and emoji line up), headings underlined, notes indented under their question.
//! A web address is never broken: a mail program could not open half of one.
use std::ops::Range;

use textwrap::{
    WordSeparator, WordSplitter, WrapAlgorithm,
    core::{Word, break_words},
    word_splitters::split_words,
};
use unicode_width::UnicodeWidthStr;

use super::outline::Element;
use crate::printable::printable;

/// A name or a cell on one line: its whitespace one space, anything unsafe a visible sign.
fn one_line(text: &str) -> String {
    printable(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

pub const WIDTH: usize = 72;
const NOTES_INDENT: &str = "  ";

pub fn render(elements: &[Element]) -> String {
    let mut out = String::new();
    for e in elements {
        match e {
            Element::Heading { level, text } => heading(*level, text, &mut out),
            Element::Facts(facts) => {
                let label_width = facts.iter().map(|(l, _)| l.width() + 1).max().unwrap_or(0);
                for (label, value) in facts {
                    let first = format!("{label}:{}", " ".repeat(label_width - label.width() + 1));
                    let rest = " ".repeat(first.width());
                    wrap_into(value, &first, &rest, &mut out);
                }
                out.push('\n');
            }
            Element::Quote(q) => {
                let text = format!("“{}”", q.trim());
                for line in super::lines(&text) {
                    wrap_into(line, "    ", "    ", &mut out);
                }
                out.push('\n');
            }
            Element::List(items) => {
                for item in items {
                    wrap_into(item, "- ", "  ", &mut out);
                }
                out.push('\n');
            }
            Element::Prompt(text) | Element::Paragraph(text) => {
                for line in super::lines(text.trim()) {
                    wrap_into(line, "", "", &mut out);
                }
                out.push('\n');
            }
            Element::Aside(text) => {
                wrap_into(&format!("({text})"), "", "", &mut out);
                out.push('\n');
            }
            Element::Question {
                number,
                text,
                lines,
            } => {
                let first = format!("{number}. ");
                let rest = " ".repeat(first.width());
                wrap_into(text.trim(), &first, &rest, &mut out);
                for _ in 0..*lines {
                    out.push('\n');
                    out.push_str(&rest);
                    out.push_str(&"_".repeat(WIDTH - rest.width()));
                    out.push('\n');
                }
                out.push('\n');
            }
            Element::Notes(text) => {
                let mut blank = false;
                for line in super::lines(text.trim_end()) {
                    if line.trim().is_empty() {
                        blank = true;
                        continue;
                    }
                    if blank && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    blank = false;
                    // "- item" and "1. item" lines wrap under their text, not under the marker.
                    let hang = format!("{NOTES_INDENT}{}", " ".repeat(marker_width(line)));
                    wrap_into(line.trim_end(), NOTES_INDENT, &hang, &mut out);
                }
                out.push('\n');
            }
            Element::NoNotes(text) => {
                wrap_into(text, NOTES_INDENT, NOTES_INDENT, &mut out);
                out.push('\n');
            }
            Element::Table { head, rows } => {
                table(head, rows, &mut out);
                out.push('\n');
            }
            Element::BeginClosing => {
                out.push_str(&"=".repeat(WIDTH));
                out.push_str("\n\n");
            }
            Element::EndClosing => {}
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Level 1 and 2 are underlined with `=` and `-`, deeper levels marked with `»`.
fn heading(level: u8, text: &str, out: &mut String) {
    let text = one_line(text);
    if level >= 3 {
        wrap_into(&text, "» ", "  ", out);
        out.push('\n');
        return;
    }
    let mark = if level == 1 { "=" } else { "-" };
    let lines = wrap(&text, WIDTH, "", "");
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str(&mark.repeat(widest));
    out.push_str("\n\n");
}

/// Columns two spaces apart within [`WIDTH`]: the last columns (who, when, done) as wide as
/// their widest cell up to a limit, the first (what) gets the rest; cells wrap in their column.
fn table(head: &[String], rows: &[Vec<String>], out: &mut String) {
    const GAP: usize = 2;
    let head: Vec<String> = head.iter().map(|c| one_line(c)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| one_line(c)).collect())
        .collect();
    let cols = head.len();
    if cols == 0 {
        return;
    }
    let widest = |i: usize| {
        std::iter::once(&head)
            .chain(rows.iter())
            .filter_map(|r| r.get(i))
            .map(|c| c.width())
            .max()
            .unwrap_or(0)
    };
    let mut widths: Vec<usize> = (0..cols).map(|i| widest(i).clamp(1, 18)).collect();
    let others: usize = widths[1..].iter().map(|w| w + GAP).sum();
    widths[0] = WIDTH.saturating_sub(others).max(16).min(widest(0).max(1));
    let line = |cells: &[String], out: &mut String| {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| wrap(c, w, "", ""))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for n in 0..height {
            let mut l = String::new();
            for (i, w) in widths.iter().enumerate() {
                let cell = wrapped
                    .get(i)
                    .and_then(|c| c.get(n))
                    .map_or("", String::as_str);
                l.push_str(cell);
                if i + 1 < cols {
                    l.push_str(&" ".repeat(w.saturating_sub(cell.width()) + GAP));
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        }
    };
    line(&head, out);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&rule.join(&" ".repeat(GAP)));
    out.push('\n');
    for r in &rows {
        line(r, out);
    }
}

/// The width of a list marker ("- ", "• ", "12. ", "3) ") at the start of a line, or 0.
fn marker_width(line: &str) -> usize {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let marker = if digits > 0 {
        [". ", ") "]
            .iter()
            .find(|m| rest.starts_with(*m))
            .map(|m| digits + m.len())
    } else {
        ["- ", "* ", "• ", "– "]
            .iter()
            .find(|m| line.starts_with(*m))
            .map(|m| m.width())
    };
    marker.unwrap_or(0)
}

/// Wraps one line of text at [`WIDTH`]; long words (100 KB without a space) are broken, a
/// web address never.
fn wrap_into(text: &str, first: &str, rest: &str, out: &mut String) {
    // unicode-width gives a tab no width; spaces keep the columns honest. Control characters
    // (an escape sequence in pasted text, a lone carriage return) would repaint the terminal of
    // whoever reads this, and bidirectional controls reorder what it shows: visible signs.
    let text = text.replace('\t', "    ");
    let text = printable(&text);
    for l in wrap(&text, WIDTH, first, rest) {
        out.push_str(l.trim_end());
        out.push('\n');
    }
}

/// One line of text wrapped at `width` columns, the first line starting with `first`, the
/// others with `rest`: as `textwrap::wrap` does (its word separator, hyphen splitting, long
/// words broken, optimal fit), except that a web address is one word that is never split or
/// broken. A longer one stands on a line of its own, past the width.
fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let widths = [
        width.saturating_sub(first.width()),
        width.saturating_sub(rest.width()),
    ];
    let mut words = Vec::new();
    // As textwrap does with an indent: an empty first word, so that a first word too long
    // for the first line can go to the next.
    if !first.is_empty() {
        words.push(Word::from(""));
    }
    for (word, whole) in words_of(text, &super::urls(text)) {
        if whole {
            words.push(word);
        } else {
            let split = split_words(std::iter::once(word), &WordSplitter::HyphenSplitter);
            words.extend(break_words(split, widths[1]));
        }
    }
    let mut lines: Vec<String> = WrapAlgorithm::new()
        .wrap(&words, &widths)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mut l = String::from(if i == 0 { first } else { rest });
            for (j, w) in line.iter().enumerate() {
                l.push_str(w.word);
                l.push_str(if j + 1 == line.len() {
                    w.penalty
                } else {
                    w.whitespace
                });
            }
            l
        })
        .collect();
    // An empty first word alone on the first line: the indent with nothing after it.
    if lines.len() > 1 && lines[0].trim().is_empty() && !text.trim().is_empty() {
        lines.remove(0);
        if let Some(l) = lines.first_mut() {
            *l = format!("{first}{}", l.strip_prefix(rest).unwrap_or(l));
        }
    }
    if lines.is_empty() {
        lines.push(first.to_string());
    }
    lines
}

/// The words of `text` as textwrap finds them, with the pieces of each web address in
/// `urls` joined into one word that must stay whole (marked `true`).
fn words_of<'a>(text: &'a str, urls: &[Range<usize>]) -> Vec<(Word<'a>, bool)> {
    let mut out: Vec<(usize, Word<'a>, bool)> = Vec::new();
    let mut at = 0;
    for w in WordSeparator::new().find_words(text) {
        let (start, end) = (at, at + w.word.len() + w.whitespace.len());
        at = end;
        let whole = urls
            .iter()
            .any(|u| u.start < start + w.word.len() && start < u.end);
        match out.last_mut() {
            // The next piece of the same address: nothing between them.
            Some((from, prev, true)) if whole && prev.whitespace.is_empty() => {
                *prev = Word::from(&text[*from..end]);
            }
            _ => out.push((start, w, whole)),
        }
    }
    out.into_iter().map(|(_, w, whole)| (w, whole)).collect()
}
