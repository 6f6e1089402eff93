//! Markdown: CommonMark that reads well as plain text (for an e-mail) and converts well with
//! pandoc.
//!
//! User text is escaped only where it would break the document, because a report pasted into
//! an e-mail shows every backslash: a note that starts with `#`, `>`, a code fence or a line of
//! `===` or `---`, or holds `<tags>`, `*stars*` or `|pipes|`, cannot become a heading, quote,
//! code block, rule, HTML or table; `=SOM(A1:A3)`, `+31 6`, `#2` and `-5 graden` stay as typed.
//! A facilitator's list (lines starting with `- `, `* `, `+ `, `1. ` or `1) `) stays a list. Line breaks in
//! notes become hard line breaks (two spaces at the end of the line, invisible in an e-mail),
//! blank lines paragraphs.
use super::outline::Element;
use crate::printable;

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
            Element::Prompt(text) | Element::Notes(text) | Element::Paragraph(text) => {
                for para in paragraphs(text) {
                    out.push_str(&para);
                    out.push_str("\n\n");
                }
            }
            // A numbered list, one question an item; the lines to write on are for paper.
            Element::Question { number, text, .. } => {
                out.push_str(&format!("{number}. {}\n\n", escape_line(&one_line(text))));
            }
            Element::Aside(text) | Element::NoNotes(text) => {
                out.push_str(&format!("*{}*\n\n", escape_line(&one_line(text))));
            }
            Element::Table { head, rows } => {
                // A pipe table: GitHub, pandoc and most mail programs show it as a table, and
                // it reads as one in plain text too.
                let row = |cells: &[String]| {
                    let cells: Vec<String> =
                        cells.iter().map(|c| escape_inline(&one_line(c))).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&row(head));
                let rule: Vec<&str> = head.iter().map(|_| "---").collect();
                out.push_str(&format!("| {} |\n", rule.join(" | ")));
                for r in rows {
                    out.push_str(&row(r));
                }
                out.push('\n');
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

/// Escaped paragraphs of multi-line text; lines inside a paragraph end in a hard line break,
/// list lines stay list items.
fn paragraphs(text: &str) -> Vec<String> {
    super::paragraphs(text)
        .into_iter()
        .map(|p| {
            p.iter()
                .map(|l| {
                    let l = l.trim();
                    if let Some(item) = list_item(l) {
                        format!("- {}", escape_line(item))
                    } else if let Some((number, item)) = numbered_item(l) {
                        format!("{number} {}", escape_line(item))
                    } else {
                        escape_line(l)
                    }
                })
                .collect::<Vec<_>>()
                .join("  \n")
        })
        .collect()
}

/// The text of a bulleted line (`- koffie`, `* thee`, `+ taart`), if it is one.
fn list_item(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['-', '*', '+'])?;
    let item = rest.strip_prefix([' ', '\t'])?.trim_start();
    (!item.is_empty()).then_some(item)
}

/// A numbered line (`1. koffie`, `2) thee`) as its number with "." or ")" and its text.
fn numbered_item(line: &str) -> Option<(&str, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=9).contains(&digits) || !matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return None;
    }
    let (number, rest) = line.split_at(digits + 1);
    let item = rest.strip_prefix([' ', '\t'])?.trim_start();
    (!item.is_empty()).then_some((number, item))
}

/// Names and labels are single lines wherever they appear.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes a line that may start a block: besides the inline escapes, a heading, quote, list
/// marker, code fence, rule or setext underline at its start. Leading whitespace is dropped:
/// four spaces would start a code block.
fn escape_line(line: &str) -> String {
    let line = line.trim_start();
    let mut out = escape_inline(line);
    let first = line.chars().next();
    let rule_or_underline = first.is_some_and(|c| {
        "-*_=".contains(c) && line.chars().all(|x| x == c || x == ' ' || x == '\t')
    });
    let marker = list_item(line).is_some()
        || rule_or_underline
        || matches!(first, Some('#' | '>'))
        // pandoc's definition (": text") and example ("(@)") lists.
        || line.starts_with(": ")
        || line.starts_with(":\t")
        || line.starts_with("(@");
    if marker {
        if !out.starts_with('\\') {
            out.insert(0, '\\');
        }
        return out;
    }
    // "1. ", "12) ", and pandoc's "a. ", "iv) " list markers: escape the dot or paren
    // (not the full stop of "Klaar.").
    let run = line
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let next = line.as_bytes().get(run).copied();
    let after = line.as_bytes().get(run + 1).copied();
    let numeral = &line[..run];
    let list_number = numeral.bytes().all(|b| b.is_ascii_digit())
        || numeral.len() == 1
        || numeral.bytes().all(|b| b"ivxlcdmIVXLCDM".contains(&b));
    if (1..=9).contains(&run)
        && list_number
        && matches!(next, Some(b'.' | b')'))
        && after.is_none_or(|b| b == b' ' || b == b'\t')
    {
        // The run is ASCII, so it was copied unchanged to the start of `out`.
        out.insert(run, '\\');
    }
    out
}

/// Escapes every character that has inline meaning in CommonMark or in pandoc's Markdown
/// (emphasis, code, links, HTML, tables, strike-out, super/subscript, math, attributes,
/// citations, entities). Backslash escapes of ASCII punctuation are always literal in both.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut prev: Option<char> = None;
    let chars: Vec<char> = text.chars().collect();
    for (n, (i, c)) in text.char_indices().enumerate() {
        let next = chars.get(n + 1).copied();
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let escape = match c {
            '`' | '[' | ']' | '|' | '{' | '}' => true,
            // Literal unless before punctuation, or at the end where it makes a hard break.
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
            // A tag, comment or autolink starts with "<" and a letter, "/", "!" or "?".
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(n)),
            // Emphasis, strike-out, super/subscript and math need a delimiter touching a word.
            '*' | '~' | '^' | '$' => !(space(prev) && space(next)),
            // Inside a word ("jan_de_vries") an underscore is literal.
            '_' => !(space(prev) && space(next) || word(prev) && word(next)),
            _ => false,
        };
        if escape {
            out.push('\\');
            out.push(c);
            prev = Some(c);
            continue;
        }
        match c {
            // "@name" is a citation in pandoc; "jan@example.nl" is not.
            '@' if !prev.is_some_and(char::is_alphanumeric) => out.push_str("\\@"),
            // "&amp;" or "&#60;" would be read as a character reference.
            '&' if is_entity(&text[i..]) => out.push_str("\\&"),
            // A lone carriage return (it would end a line in CommonMark), an escape sequence or
            // a bidirectional control: a visible sign.
            c if printable::is_unsafe(c) => out.push_str(&printable::sign(c)),
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
        assert_eq!(escape_line("---"), "\\---");
        assert_eq!(escape_line("* * *"), "\\* * *");
        assert_eq!(escape_line("iv) optie"), "iv\\) optie");
        assert_eq!(escape_line("2026 was goed"), "2026 was goed");
        assert_eq!(escape_line("> citaat"), "\\> citaat");
        assert_eq!(escape_line("```rust"), "\\`\\`\\`rust");
        assert_eq!(escape_line("    code?"), "code?");
        assert_eq!(escape_line("==="), "\\===");
    }

    #[test]
    fn inline_specials_are_escaped() {
        assert_eq!(escape_inline("<b>&amp;</b>"), "\\<b>\\&amp;\\</b>");
        assert_eq!(escape_inline("koffie & thee"), "koffie & thee");
        assert_eq!(escape_inline("a | b"), "a \\| b");
        assert_eq!(
            escape_inline("jan@example.nl @jan"),
            "jan@example.nl \\@jan"
        );
        assert_eq!(escape_inline("*niet* vet"), "\\*niet\\* vet");
        assert_eq!(
            escape_inline("~~weg~~ $x$ ^s^"),
            "\\~\\~weg\\~\\~ \\$x\\$ \\^s\\^"
        );
        assert_eq!(escape_inline("eind \\"), "eind \\\\");
    }

    #[test]
    fn what_cannot_break_the_document_shows_as_typed() {
        for plain in [
            "=SOM(A1:A3)",
            "-5 graden",
            "+31 6 1234",
            "koffie & thee, 3 * per week",
            "punt #2 van jan_de_vries",
            "Klaar.",
            "(zie boven) 50% <3 of < 5 > 4",
            "C:\\map\\bestand en 5 ~ 6",
        ] {
            assert_eq!(escape_line(plain), plain);
        }
    }

    #[test]
    fn a_facilitators_list_stays_a_list() {
        assert_eq!(
            paragraphs("Afspraken:\n- koffie\n* thee\n+ # taart"),
            vec!["Afspraken:  \n- koffie  \n- thee  \n- \\# taart".to_string()]
        );
        assert_eq!(paragraphs("- - x"), vec!["- \\- x".to_string()]);
        assert_eq!(
            paragraphs("1. koffie\n2) # thee\n2026. Klaar."),
            vec!["1. koffie  \n2) \\# thee  \n2026. Klaar.".to_string()]
        );
    }

    #[test]
    fn notes_keep_line_breaks_and_paragraphs() {
        assert_eq!(
            paragraphs("een\ntwee\n\n\ndrie\r\n"),
            vec!["een  \ntwee".to_string(), "drie".to_string()]
        );
    }
}
