//! Markdown: CommonMark that reads well as plain text (for an e-mail) and converts well with
//! pandoc.
//!
//! Every piece of user text is escaped, so notes are always read as plain paragraphs: a note
//! that starts with `# `, `- `, `1.`, `>` or a code fence, or holds `<tags>`, `*stars*` or
//! `|pipes|`, cannot become a heading, list, quote, code block, HTML or table. Line breaks in
//! notes become hard line breaks (two spaces at the end of the line: invisible when the report
//! is pasted into an e-mail, where a backslash would show), blank lines paragraphs.
use super::outline::Element;

pub fn render(elements: &[Element]) -> String {
    let mut out = String::new();
    for e in elements {
        match e {
            Element::Heading { level, text } => {
                let marks = "#".repeat(usize::from((*level).clamp(1, 6)));
                out.push_str(&format!("{marks} {}\n\n", escape_line(&one_line(text))));
            }
            Element::Facts(facts) => {
                for (label, value) in facts {
                    out.push_str(&format!(
                        "- **{}:** {}\n",
                        escape_line(label),
                        escape_inline(&one_line(value))
                    ));
                }
                out.push('\n');
            }
            Element::Quote(q) => {
                for para in paragraphs(q) {
                    out.push_str("> ");
                    out.push_str(&para.replace('\n', "\n> "));
                    out.push_str("\n>\n");
                }
                // The last "\n>\n" would glue the next block to the quote.
                if out.ends_with("\n>\n") {
                    out.truncate(out.len() - 2);
                }
                out.push('\n');
            }
            Element::List(items) => {
                for item in items {
                    // An item's text starts a block of its own: "- 1. x" would nest a list.
                    out.push_str(&format!("- {}\n", escape_line(&one_line(item))));
                }
                out.push('\n');
            }
            Element::Prompt(text) | Element::Notes(text) => {
                for para in paragraphs(text) {
                    out.push_str(&para);
                    out.push_str("\n\n");
                }
            }
            Element::Aside(text) | Element::NoNotes(text) => {
                out.push_str(&format!("*{}*\n\n", escape_line(&one_line(text))));
            }
            Element::BeginClosing => out.push_str("---\n\n"),
            Element::EndClosing => {}
        }
    }
    // One newline at the end, not a blank line.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Escaped paragraphs of multi-line text; lines inside a paragraph end in a hard line break.
fn paragraphs(text: &str) -> Vec<String> {
    super::paragraphs(text)
        .into_iter()
        .map(|p| {
            p.iter()
                .map(|l| escape_line(l.trim()))
                .collect::<Vec<_>>()
                .join("  \n")
        })
        .collect()
}

/// Names and labels are single lines wherever they appear.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes a line that may start a block: besides the inline escapes, a leading marker of a
/// heading, list, thematic break, setext underline, definition or numbered item is escaped.
/// Leading whitespace is dropped: four spaces would start a code block.
fn escape_line(line: &str) -> String {
    let line = line.trim_start();
    let mut out = escape_inline(line);
    match line.chars().next() {
        Some('-' | '+' | '=' | ':' | '(' | '%') => out.insert(0, '\\'),
        _ => {
            // "1. ", "12) ", and pandoc's "a. ", "iv) " list markers: escape the dot or paren.
            let run = line
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let next = line.as_bytes().get(run).copied();
            let after = line.as_bytes().get(run + 1).copied();
            if (1..=9).contains(&run)
                && matches!(next, Some(b'.' | b')'))
                && after.is_none_or(|b| b == b' ' || b == b'\t')
            {
                // The run is ASCII, so it was copied unchanged to the start of `out`.
                out.insert(run, '\\');
            }
        }
    }
    out
}

/// Escapes every character that has inline meaning in CommonMark or in pandoc's Markdown
/// (emphasis, code, links, HTML, tables, strike-out, super/subscript, math, attributes,
/// citations, entities). Backslash escapes of ASCII punctuation are always literal in both.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '^' | '$' | '#' | '{'
            | '}' => {
                out.push('\\');
                out.push(c);
            }
            // "@name" is a citation in pandoc; "jan@example.nl" is not.
            '@' if !prev.is_some_and(char::is_alphanumeric) => out.push_str("\\@"),
            // "&amp;" or "&#60;" would be read as a character reference.
            '&' if is_entity(&text[i..]) => out.push_str("\\&"),
            // A lone carriage return ends a line in CommonMark.
            '\r' => out.push(' '),
            c if super::is_control(c) => {}
            _ => out.push(c),
        }
        prev = Some(c);
    }
    out
}

fn is_entity(s: &str) -> bool {
    let body = &s[1..];
    let len = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    len > 0 && body.as_bytes().get(len) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_markers_are_escaped() {
        assert_eq!(escape_line("# kop"), "\\# kop");
        assert_eq!(escape_line("- punt"), "\\- punt");
        assert_eq!(escape_line("1. eerste"), "1\\. eerste");
        assert_eq!(escape_line("a) optie"), "a\\) optie");
        assert_eq!(escape_line("Klaar."), "Klaar\\.");
        assert_eq!(escape_line("2026 was goed"), "2026 was goed");
        assert_eq!(escape_line("> citaat"), "\\> citaat");
        assert_eq!(escape_line("```rust"), "\\`\\`\\`rust");
        assert_eq!(escape_line("    code?"), "code?");
        assert_eq!(escape_line("==="), "\\===");
    }

    #[test]
    fn inline_specials_are_escaped() {
        assert_eq!(escape_inline("<b>&amp;</b>"), "\\<b\\>\\&amp;\\</b\\>");
        assert_eq!(escape_inline("koffie & thee"), "koffie & thee");
        assert_eq!(escape_inline("a | b"), "a \\| b");
        assert_eq!(
            escape_inline("jan@example.nl @jan"),
            "jan@example.nl \\@jan"
        );
        assert_eq!(escape_inline("*niet* vet"), "\\*niet\\* vet");
    }

    #[test]
    fn notes_keep_line_breaks_and_paragraphs() {
        assert_eq!(
            paragraphs("een\ntwee\n\n\ndrie\r\n"),
            vec!["een  \ntwee".to_string(), "drie".to_string()]
        );
    }
}
