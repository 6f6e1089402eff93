//! HTML: one self-contained page that prints as tidy A4 pages from any browser.
//!
//! Inline CSS only, no scripts, no images, no fonts to fetch; a Content-Security-Policy in the
//! page forbids anything else, so even a mistake cannot make it load or run something. Every
//! piece of text is escaped. Notes keep their line breaks through `white-space: pre-wrap`.
//! Web addresses (http and https) are links that send no referrer; a link is only followed
//! when the reader clicks it, which the policy has no say over and the page does not need.
use super::{Look, outline::Element};
use crate::{lang::Lang, printable};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 12pt; line-height: 1.45; color: #1d1d1b; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7em; line-height: 1.2; margin: 0 0 .8rem; color: #1f4e5a; }
h2 { font-size: 1.3em; margin: 1.8rem 0 .4rem; color: #1f4e5a; border-bottom: 1px solid #c9d6d9; padding-bottom: .15rem; }
h3 { font-size: 1.1em; margin: 1.3rem 0 .3rem; color: #1f4e5a; }
h4 { font-size: 1em; margin: 1rem 0 .2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; color: #4a4a48; }
dl.facts dd { margin: 0; }
blockquote { margin: 1rem 0 1.2rem; padding: .6rem 1rem; border-left: 4px solid #1f4e5a;
  background: #eef3f4; font-size: 1.15em; font-style: italic; }
blockquote p { margin: 0; }
ul.groups { padding-left: 1.2rem; }
p.prompt { font-weight: 600; margin: .2rem 0 .3rem; }
p.aside { color: #5b5b58; font-size: .9em; font-style: italic; margin: .1rem 0 .4rem; }
div.notes { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0 .8rem;
  padding-left: .8rem; border-left: 2px solid #d9e2e4; }
p.no-notes { color: #77776f; font-style: italic; }
table.actions { border-collapse: collapse; width: 100%; margin: .3rem 0 1.2rem; }
table.actions th, table.actions td { text-align: left; vertical-align: top; padding: .25rem .6rem .25rem 0;
  border-bottom: 1px solid #c9d6d9; overflow-wrap: anywhere; }
table.actions th { color: #4a4a48; font-weight: 600; border-bottom: 2px solid #1f4e5a; }
table.actions tr { break-inside: avoid; page-break-inside: avoid; }
section.closing { margin-top: 2rem; padding: .2rem 1rem .6rem; border: 2px solid #1f4e5a; border-radius: 6px;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
section.closing h2, section.closing h3 { border: 0; margin-top: .8rem; }
h1, h2, h3, h4, p.prompt, p.aside { break-after: avoid; page-break-after: avoid; }
blockquote, dl.facts, li { break-inside: avoid; page-break-inside: avoid; }
div.notes { orphans: 3; widows: 3; }
@page { size: A4; margin: 18mm 17mm 20mm; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  blockquote { background: none; }
  /* The agreements on one page of their own when they fit; a browser splits them otherwise. */
  section.closing { break-inside: avoid; page-break-inside: avoid; }
}
"#;

/// The handout for the participants: large print (16 pt text, 20 pt questions), black on
/// white, one A4 page where it fits, each question kept whole with the lines under it.
const HANDOUT_STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 16pt; line-height: 1.35; color: #000; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 24pt; line-height: 1.2; margin: 0 0 .3rem; }
p { margin: 0 0 .6rem; }
p.aside { font-style: italic; }
blockquote { margin: .6rem 0 .8rem; padding: .1rem 0 .1rem 1rem; border-left: 4px solid #000;
  font-style: italic; }
blockquote p { margin: 0; }
section.question { break-inside: avoid; page-break-inside: avoid; margin: 1.1rem 0 0; }
h2.question { font-size: 20pt; line-height: 1.3; margin: 0; padding-left: 1.6em; text-indent: -1.6em; }
h2.question span.number { display: inline-block; width: 1.6em; text-indent: 0; }
div.write div { height: 1.15cm; border-bottom: 1px solid #6f6f6b; }
@page { size: A4; margin: 15mm 17mm 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
}
"#;

pub fn render(elements: &[Element], lang: Lang, look: Look) -> String {
    let title = elements
        .iter()
        .find_map(|e| match e {
            Element::Heading { level: 1, text } => Some(text.as_str()),
            _ => None,
        })
        .unwrap_or("voer");
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", lang.code()));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(title)));
    let style = match look {
        Look::Report => STYLE,
        Look::Handout => HANDOUT_STYLE,
    };
    out.push_str(&format!("<style>{style}</style>\n</head>\n<body>\n"));
    for e in elements {
        render_element(e, &mut out);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn render_element(e: &Element, out: &mut String) {
    match e {
        Element::Heading { level, text } => {
            let l = (*level).clamp(1, 6);
            out.push_str(&format!("<h{l}>{}</h{l}>\n", escape(text)));
        }
        Element::Facts(facts) => {
            out.push_str("<dl class=\"facts\">\n");
            for (label, value) in facts {
                out.push_str(&format!(
                    "<dt>{}</dt><dd>{}</dd>\n",
                    escape(label),
                    linked(value)
                ));
            }
            out.push_str("</dl>\n");
        }
        Element::Quote(q) => {
            let lines: Vec<String> = super::lines(q.trim()).map(escape).collect();
            out.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                lines.join("<br>\n")
            ));
        }
        Element::List(items) => {
            out.push_str("<ul class=\"groups\">\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", linked(item)));
            }
            out.push_str("</ul>\n");
        }
        Element::Prompt(text) => {
            let lines: Vec<String> = super::lines(text.trim()).map(linked).collect();
            out.push_str(&format!(
                "<p class=\"prompt\">{}</p>\n",
                lines.join("<br>\n")
            ));
        }
        Element::Aside(text) => {
            out.push_str(&format!("<p class=\"aside\">{}</p>\n", linked(text)));
        }
        Element::Paragraph(text) => {
            let lines: Vec<String> = super::lines(text.trim()).map(linked).collect();
            out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
        }
        Element::Question {
            number,
            text,
            lines,
        } => {
            out.push_str(&format!(
                "<section class=\"question\">\n<h2 class=\"question\"><span class=\"number\">{number}.</span>{}</h2>\n",
                escape(text.trim())
            ));
            if *lines > 0 {
                out.push_str("<div class=\"write\" aria-hidden=\"true\">");
                out.push_str(&"<div></div>".repeat(usize::from(*lines)));
                out.push_str("</div>\n");
            }
            out.push_str("</section>\n");
        }
        Element::Notes(text) => {
            // Leading and trailing blank lines would show as empty space in pre-wrap.
            let text = text.trim_matches(|c| c == '\n' || c == '\r').trim_end();
            out.push_str(&format!("<div class=\"notes\">{}</div>\n", linked(text)));
        }
        Element::NoNotes(text) => {
            out.push_str(&format!("<p class=\"no-notes\">{}</p>\n", escape(text)));
        }
        Element::Table { head, rows } => {
            out.push_str("<table class=\"actions\">\n<thead><tr>");
            for h in head {
                out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for r in rows {
                out.push_str("<tr>");
                for c in r {
                    out.push_str(&format!("<td>{}</td>", linked(c.trim())));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Element::BeginClosing => out.push_str("<section class=\"closing\">\n"),
        Element::EndClosing => out.push_str("</section>\n"),
    }
}

/// Escapes text for element content, with its web addresses as links:
/// `<a href="https://…" rel="noreferrer">https://…</a>`, the address escaped in both places.
pub fn linked(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for url in super::urls(text) {
        out.push_str(&escape(&text[at..url.start]));
        let address = escape(&text[url.clone()]);
        out.push_str(&format!(
            "<a href=\"{address}\" rel=\"noreferrer\">{address}</a>"
        ));
        at = url.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Escapes text for element content and quoted attribute values. Control characters, which
/// HTML does not allow in text, are visible signs; bidirectional controls are shut in per
/// line (see [`printable::isolated`]) and written as character references, so that neither
/// a browser nor a terminal the page is printed to reorders the text around them.
pub fn escape(text: &str) -> String {
    let text = printable::isolated(text);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if printable::is_bidi_control(c) => {
                out.push_str(&format!("&#x{:X};", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_links_and_the_rest_is_text() {
        assert_eq!(
            linked("Zie <https://x.nl/a?b=1&c=\"2\">, of javascript:alert(1)."),
            "Zie &lt;<a href=\"https://x.nl/a?b=1&amp;c=\" rel=\"noreferrer\">\
             https://x.nl/a?b=1&amp;c=</a>&quot;2&quot;&gt;, of javascript:alert(1)."
        );
        assert_eq!(linked("geen adres & <b>"), escape("geen adres & <b>"));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
