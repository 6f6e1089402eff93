//! The nastiest notes, in every format: nothing breaks the document's structure, nothing runs,
//! and every word comes back out (JSON and CSV are parsed back and compared).

use crate::export_support::*;
use pulldown_cmark::{Event, Options as CmOptions, Parser, Tag, TagEnd};
use voer::{
    export::{self, Format, Options, json::Export},
    session::Session,
};

fn render(format: Format, sessions: &[Session], opts: &Options) -> Vec<u8> {
    export::render(format, sessions, opts).expect("renders")
}

fn text(format: Format, sessions: &[Session]) -> String {
    String::from_utf8(render(format, sessions, &Options::default())).expect("utf-8")
}

/// The notes each test throws at every format.
fn cases() -> Vec<(&'static str, String)> {
    vec![("hostile", HOSTILE.to_string()), ("100 KB", big_notes())]
}

// ---------------------------------------------------------------- Markdown

/// Headings, block quotes, paragraphs and everything that should not be there, as parsed by
/// a CommonMark parser with every extension switched on (tables, footnotes, math, …).
#[derive(Default, Debug)]
struct MdShape {
    headings: Vec<String>,
    paragraphs: Vec<String>,
    /// The text of each list item (a tight list holds no paragraphs).
    items: Vec<String>,
    quotes: usize,
    lists: usize,
    rules: usize,
    intruders: Vec<String>,
}

fn md_shape(md: &str) -> MdShape {
    let opts = CmOptions::all()
        - CmOptions::ENABLE_SMART_PUNCTUATION
        - CmOptions::ENABLE_YAML_STYLE_METADATA_BLOCKS
        - CmOptions::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut shape = MdShape::default();
    let mut text: Option<String> = None;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Heading { .. } | Tag::Paragraph) => text = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => shape.headings.extend(text.take()),
            Event::End(TagEnd::Paragraph) => shape.paragraphs.extend(text.take()),
            Event::Text(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::HardBreak => {
                if let Some(s) = text.as_mut() {
                    s.push('\n');
                }
            }
            Event::SoftBreak => shape.intruders.push("soft break".into()),
            Event::Start(Tag::BlockQuote(_)) => shape.quotes += 1,
            Event::Start(Tag::List(_)) => shape.lists += 1,
            Event::Rule => shape.rules += 1,
            Event::Start(Tag::Item) => text = Some(String::new()),
            Event::End(TagEnd::Item) => shape.items.extend(text.take()),
            Event::Start(Tag::Emphasis | Tag::Strong) | Event::End(_) => {}
            other => shape.intruders.push(format!("{other:?}")),
        }
    }
    shape
}

/// What the outline says the report holds, to compare the parsed Markdown with.
fn expected_headings(sessions: &[Session]) -> Vec<String> {
    use voer::export::{outline::Element, outline::outline, report::Report};
    outline(&Report::new(sessions, None))
        .into_iter()
        .filter_map(|e| match e {
            Element::Heading { text, .. } => Some(text),
            _ => None,
        })
        .collect()
}

#[test]
fn markdown_structure_survives_hostile_notes() {
    for (name, notes) in cases() {
        let sessions = [with_notes(&notes)];
        let md = text(Format::Md, &sessions);
        let shape = md_shape(&md);
        assert!(shape.intruders.is_empty(), "{name}: {:?}", shape.intruders);
        assert_eq!(shape.headings, expected_headings(&sessions), "{name}");
        assert_eq!(shape.quotes, 1, "{name}: only the episode's quote");
        // A facilitator's lists stay lists: per step one of bullets ("* ster", "- streep",
        // "+ plus"), then "1. een" and "2) twee", each a list of its own (another delimiter).
        let lists = if notes.contains("\n- streep\n") {
            fixture().steps.len() * 3
        } else {
            0
        };
        assert_eq!(
            shape.lists,
            1 + lists,
            "{name}: the facts and the notes' lists"
        );
        assert_eq!(
            shape.rules, 1,
            "{name}: only the one before the closing step"
        );
        // Every line of the notes comes back, word for word, as a line of a paragraph or of a
        // list item (without its bullet). Markdown drops a line's leading and trailing spaces,
        // so the comparison does too.
        let lines: Vec<&str> = shape
            .paragraphs
            .iter()
            .chain(&shape.items)
            .flat_map(|p| p.lines())
            .collect();
        let typed: Vec<String> = voer::export::paragraphs(&notes)
            .into_iter()
            .flatten()
            .map(|line| {
                let line = line.trim();
                let digits = line.bytes().take_while(u8::is_ascii_digit).count();
                let numbered = (digits > 0)
                    .then(|| {
                        line[digits..]
                            .strip_prefix(". ")
                            .or(line[digits..].strip_prefix(") "))
                    })
                    .flatten();
                ["- ", "* ", "+ "]
                    .iter()
                    .find_map(|b| line.strip_prefix(b))
                    .or(numbered)
                    .unwrap_or(line)
                    .to_string()
            })
            .collect();
        for want in &typed {
            let times = typed.iter().filter(|t| *t == want).count();
            let found = lines.iter().filter(|l| **l == want).count();
            // Every step carries the notes: opening, video, quote, the prompts, closing.
            assert_eq!(
                found,
                fixture().steps.len() * times,
                "{name}: line not found intact: {want:?}"
            );
        }
    }
}

#[test]
fn markdown_group_names_cannot_make_structure() {
    let mut a = with_notes("gewoon");
    a.session.group = "# <b>Groep</b> | *1* [x](y)".into();
    let mut b = with_notes("ook gewoon");
    b.session.group = "1. ---".into();
    let sessions = [a, b];
    let shape = md_shape(&text(Format::Md, &sessions));
    assert!(shape.intruders.is_empty(), "{:?}", shape.intruders);
    assert_eq!(shape.headings, expected_headings(&sessions));
    assert_eq!(shape.rules, 1);
    assert_eq!(shape.lists, 2, "the facts and the list of groups");
    assert!(
        shape
            .headings
            .contains(&"# <b>Groep</b> | *1* [x](y)".to_string())
    );

    // Alone, the group and the facilitator are facts in a list.
    let mut one = sessions[1].clone();
    one.session.facilitator = "> <i>iemand</i> `x`".into();
    let shape = md_shape(&text(Format::Md, &[one]));
    assert!(shape.intruders.is_empty(), "{:?}", shape.intruders);
    assert_eq!((shape.lists, shape.quotes), (1, 1));
}

// ---------------------------------------------------------------- HTML

fn unescape_html(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The links of a page, each checked to be exactly `<a href="ADDRESS" rel="noreferrer">`
/// with an http(s) address and the address as its text; the page without their tags.
fn links(html: &str) -> (Vec<String>, String) {
    let mut found = Vec::new();
    let mut rest = html;
    let mut text = String::new();
    while let Some(i) = rest.find("<a ") {
        text.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').expect("a closed tag") + i;
        let tag = &rest[i..=tag_end];
        let href = tag
            .strip_prefix("<a href=\"")
            .and_then(|t| t.strip_suffix("\" rel=\"noreferrer\">"))
            .unwrap_or_else(|| panic!("a link of another shape: {tag}"));
        assert!(
            (href.starts_with("http://") || href.starts_with("https://"))
                && !href.contains(['"', '<', '>', ' ']),
            "{href}"
        );
        let close = rest[tag_end..].find("</a>").expect("a closed link") + tag_end;
        assert_eq!(
            &rest[tag_end + 1..close],
            href,
            "the text of a link is its address"
        );
        text.push_str(href);
        found.push(unescape_html(href));
        rest = &rest[close + "</a>".len()..];
    }
    text.push_str(rest);
    (found, text)
}

/// The names of all tags in a page.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|t| {
            t.split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .trim_start_matches('/')
                .to_ascii_lowercase()
        })
        .collect()
}

#[test]
fn html_escapes_everything_and_loads_nothing() {
    const ALLOWED: &[&str] = &[
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "h4",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "p",
        "br",
        "ul",
        "li",
        "div",
        "section",
    ];
    for (name, notes) in cases() {
        let html = text(Format::Html, &[with_notes(&notes)]);
        // Only the addresses in the notes (and the video's) are links; nothing else is.
        let (found, html) = links(&html);
        if name == "hostile" {
            assert!(
                found.contains(&"http://example.com".to_string())
                    && found.contains(&"http://evil.example".to_string()),
                "{found:?}"
            );
        }
        for tag in tags(&html) {
            assert!(ALLOWED.contains(&tag.as_str()), "{name}: tag <{tag}>");
        }
        for needle in [
            "src=", "href=", "url(", "@import", "<script", "<link", "<img",
        ] {
            assert!(!html.to_lowercase().contains(needle), "{name}: {needle}");
        }
        // The notes come back out of every notes block exactly.
        let want = notes.trim_matches(['\n', '\r']).trim_end();
        let blocks: Vec<String> = html
            .split("<div class=\"notes\">")
            .skip(1)
            .map(|b| unescape_html(b.split("</div>").next().unwrap_or("")))
            .collect();
        assert_eq!(blocks.len(), fixture().steps.len(), "{name}");
        for b in blocks {
            assert_eq!(b, want, "{name}");
        }
    }
}

#[test]
fn html_escapes_names_and_titles() {
    let mut s = with_notes("x");
    s.session.group = "<script>alert(1)</script>".into();
    s.session.facilitator = "\"><img src=x>".into();
    s.session.episode_title = "</title><script>".into();
    let html = text(Format::Html, &[s]);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

// ---------------------------------------------------------------- plain text

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn txt_is_wrapped_at_72_columns_and_keeps_every_word() {
    for (name, notes) in cases() {
        let txt = text(Format::Txt, &[with_notes(&notes)]);
        for line in txt.lines() {
            assert!(within_72_columns(line), "{name}: too wide: {line}");
        }
        // Wrapping only adds line ends and indentation: without whitespace, the notes are there.
        let all = squeeze(&txt);
        for line in voer::export::lines(&notes) {
            assert!(all.contains(&squeeze(line)), "{name}: lost {line:?}");
        }
    }
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_round_trips() {
    for (name, notes) in cases() {
        let sessions = [with_notes(&notes), second_council(), empty()];
        let json = text(Format::Json, &sessions);
        let back: Export = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, export::json::export(&sessions, false), "{name}");
        for (s, b) in sessions.iter().zip(&back.sessions) {
            assert_eq!(b.group, s.session.group);
            let notes_in: Vec<&str> = s.steps.iter().map(|st| st.notes.as_str()).collect();
            let notes_out: Vec<&str> = b.steps.iter().map(|st| st.notes.as_str()).collect();
            assert_eq!(notes_out, notes_in, "{name}");
        }
    }
}

// ---------------------------------------------------------------- CSV

/// Reads a CSV export back: (group, step, prompt, note) per row, the formula guard removed.
fn read_csv(bytes: &[u8], delimiter: u8) -> Vec<[String; 4]> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("starts with a byte order mark");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body);
    assert_eq!(r.headers().expect("header").len(), 10);
    r.records()
        .map(|rec| {
            let rec = rec.expect("a valid record");
            assert_eq!(rec.len(), 10);
            let cell = |i: usize| export::csv::unguard(&rec[i]).to_string();
            [cell(1), cell(4), cell(5), cell(6)]
        })
        .collect()
}

#[test]
fn csv_round_trips_with_both_delimiters() {
    for (name, notes) in cases() {
        let mut s = with_notes(&notes);
        s.session.group = "Groep \"A\"; met, alles\nerin".into();
        let sessions = [s];
        for delimiter in [b',', b';'] {
            let opts = Options {
                csv_delimiter: delimiter,
                ..Options::default()
            };
            let rows = read_csv(&render(Format::Csv, &sessions, &opts), delimiter);
            let want: Vec<String> = sessions[0]
                .steps
                .iter()
                .flat_map(|st| voer::export::lines(&st.notes).filter(|l| !l.trim().is_empty()))
                .map(str::to_string)
                .collect();
            let got: Vec<String> = rows.iter().map(|r| r[3].clone()).collect();
            assert_eq!(got, want, "{name}, delimiter {}", delimiter as char);
            assert!(rows.iter().all(|r| r[0] == sessions[0].session.group));
            let prompts: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
            assert!(prompts.contains(&sessions[0].steps[3].text.as_str()));
        }
    }
}

#[test]
fn csv_cells_cannot_become_formulas() {
    let csv = text(Format::Csv, &[with_notes(HOSTILE)]);
    let rows = csv::ReaderBuilder::new()
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .into_records()
        .map(|r| r.expect("valid"))
        .collect::<Vec<_>>();
    for r in &rows {
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a spreadsheet would run {cell:?}"
            );
        }
    }
}

// ---------------------------------------------------------------- Word

#[test]
fn docx_opens_and_keeps_the_notes() {
    for (name, notes) in cases() {
        let bytes = render(Format::Docx, &[with_notes(&notes)], &Options::default());
        // docx-rs's own reader is strict about the XML.
        docx_rs::read_docx(&bytes).unwrap_or_else(|e| panic!("{name}: unreadable docx: {e}"));
        let paras = docx_paragraphs(&bytes);
        for want in note_paragraphs(&notes) {
            let found = paras.iter().filter(|p| **p == want).count();
            assert_eq!(
                found,
                fixture().steps.len(),
                "{name}: paragraph not found intact: {want:?}"
            );
        }
    }
}

#[test]
fn docx_shows_characters_xml_forbids_as_signs() {
    let bytes = render(
        Format::Docx,
        &[with_notes("bel\u{7}letter\u{0}nul\u{1b}[31m")],
        &Options::default(),
    );
    docx_rs::read_docx(&bytes).expect("readable");
    assert!(docx_paragraphs(&bytes).contains(&"bel␇letter␀nul␛[31m".to_string()));
}

// ---------------------------------------------------------------- all formats

/// Escape codes, a lone carriage return (which makes a terminal print over what came before:
/// `Secret Group X\rGroup: Harmless` shows as `Group: Harmless`) and bidirectional controls
/// (which reorder what is shown).
const UNSAFE: &str = "bel\u{7} nul\u{0} esc\u{1b}[31mrood\u{9b}2J del\u{7f} \
                      Secret Group X\rGroup: Harmless \u{202e}kcab\u{2066}x\u{200f}y\u{61c}";

#[test]
fn control_and_bidirectional_characters_reach_no_report_raw() {
    let mut s = with_notes(UNSAFE);
    s.session.group = "Secret Group X\rGroup: \u{202e}Harmless".into();
    let s = [s];
    for (f, kept) in [
        (
            Format::Md,
            "esc␛\\[31mrood⟨U+009B⟩2J del␡ Secret Group X␍Group: Harmless ⟨U+202E⟩kcab",
        ),
        (
            Format::Html,
            "esc␛[31mrood⟨U+009B⟩2J del␡ Secret Group X␍Group: Harmless &#x202E;kcab",
        ),
        (Format::Txt, "⟨U+202E⟩kcab⟨U+2066⟩x⟨U+200F⟩y⟨U+061C⟩"),
        (
            Format::Csv,
            "esc␛[31mrood⟨U+009B⟩2J del␡ Secret Group X␍Group: Harmless ⟨U+202E⟩kcab",
        ),
        (
            Format::Json,
            "esc\\u001b[31mrood\\u009b2J del\\u007f Secret Group X\\rGroup: Harmless \\u202ekcab",
        ),
    ] {
        // A line may end in "\r\n" (CSV does); anywhere else a carriage return is unsafe.
        let out = text(f, &s).replace("\r\n", "\n");
        let bad: Vec<char> = out
            .chars()
            .filter(|&c| voer::printable::is_unsafe(c))
            .collect();
        assert!(bad.is_empty(), "{f:?}: {bad:?}");
        assert!(out.contains(kept), "{f:?}: the text stays:\n{out}");
    }
    // JSON's escapes read back as the very characters.
    let back: Export = serde_json::from_str(&text(Format::Json, &s)).expect("JSON");
    let back = serde_json::to_value(&back).unwrap();
    assert_eq!(back["sessions"][0]["group"], s[0].session.group.as_str());
    // In html and docx they are shut in: each line with them is an isolate of its own, and
    // what it opens it closes.
    let html = text(Format::Html, &s);
    assert!(
        html.contains("&#x2068;Secret Group X␍Group: &#x202E;Harmless&#x202C;&#x2069;"),
        "{html}"
    );
    let docx = docx_paragraphs(&render(Format::Docx, &s, &Options::default())).join("\n");
    assert!(
        docx.contains("\u{2068}Secret Group X␍Group: \u{202e}Harmless\u{202c}\u{2069}"),
        "{docx}"
    );
    assert!(
        !docx.chars().any(voer::printable::is_unprintable),
        "{docx:?}"
    );
}

#[test]
fn every_format_carries_the_facts() {
    let s = [fixture()];
    for f in [Format::Md, Format::Html, Format::Txt, Format::Json] {
        let out = text(f, &s);
        for fact in [
            "4",
            "Cliënten met professionals aan het stuur",
            "Jef Mol",
            "Niet vanuit een probleem gedacht",
            "Cliëntenraad De Linde",
            "Marieke Jansen",
            "2026",
            "14:00",
            "een proef van drie maanden",
        ] {
            assert!(out.contains(fact), "{f:?} lacks {fact:?}");
        }
    }
    let docx = docx_paragraphs(&render(Format::Docx, &s, &Options::default())).join("\n");
    for fact in [
        "Jef Mol",
        "Marieke Jansen",
        "20 november 2026",
        "14:00–14:57",
    ] {
        assert!(docx.contains(fact), "docx lacks {fact:?}");
    }
}

#[test]
fn a_hundred_sessions_export_quickly() {
    let sessions: Vec<Session> = (0..100).map(|_| with_notes(HOSTILE)).collect();
    for f in crate::export_support::FORMATS {
        let start = std::time::Instant::now();
        render(f, &sessions, &Options::default());
        let took = start.elapsed();
        // Generous: debug build on a busy machine. A regression to quadratic work shows.
        assert!(took.as_secs() < 20, "{f:?} took {took:?}");
        eprintln!("100 sessions as {f:?}: {took:?}");
    }
}
