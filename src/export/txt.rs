//! Plain text for the body of an e-mail: wrapped at 72 columns (measured in terminal columns,
//! so accents, CJK and emoji line up), headings underlined, notes indented under their question.
use textwrap::Options;
use unicode_width::UnicodeWidthStr;

use super::outline::Element;

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
            Element::Prompt(text) => {
                for line in super::lines(text.trim()) {
                    wrap_into(line, "", "", &mut out);
                }
                out.push('\n');
            }
            Element::Aside(text) => {
                wrap_into(&format!("({text})"), "", "", &mut out);
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
    let text: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|&c| !super::is_control(c))
        .collect();
    if level >= 3 {
        wrap_into(&text, "» ", "  ", out);
        out.push('\n');
        return;
    }
    let mark = if level == 1 { "=" } else { "-" };
    let lines = textwrap::wrap(&text, WIDTH);
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
    let clean = |s: &str| -> String {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .filter(|&c| !super::is_control(c))
            .collect()
    };
    let head: Vec<String> = head.iter().map(|c| clean(c)).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
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
            .map(|(c, &w)| {
                textwrap::wrap(c, Options::new(w).break_words(true))
                    .into_iter()
                    .map(|l| l.into_owned())
                    .collect()
            })
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

/// Wraps one line of text at [`WIDTH`]; long words (a URL, 100 KB without a space) are broken.
fn wrap_into(text: &str, first: &str, rest: &str, out: &mut String) {
    // unicode-width gives a tab no width; spaces keep the columns honest. Control characters
    // (an escape sequence in pasted text) would repaint the terminal of whoever reads this.
    let text: String = text
        .replace('\t', "    ")
        .chars()
        .filter(|&c| !super::is_control(c))
        .collect();
    let opts = Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    for l in textwrap::wrap(&text, opts) {
        out.push_str(l.trim_end());
        out.push('\n');
    }
}
