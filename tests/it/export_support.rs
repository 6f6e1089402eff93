//! Shared by the export tests: the fixture session, hostile notes, and a reader for docx text.

use std::{io::Read, path::PathBuf};

use voer::{
    episode::{Audience, Library},
    lang::Lang,
    session::{Meta, Session, Status, store},
};

pub const FIXTURE: &str =
    "sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml";

/// An example session as version 1 wrote it: before the video step and format 2 (the
/// questions of its day; kept for the format tests).
pub const FIXTURE_V1: &str = "tests/fixtures/session_v1.toml";

/// Whether a line of a txt report keeps to 72 columns; only a web address, which is never
/// broken, may stand past the edge, and then alone.
pub fn within_72_columns(line: &str) -> bool {
    use unicode_width::UnicodeWidthStr;
    let one_address = line.split_whitespace().count() == 1 && line.contains("://");
    line.width() <= 72 || one_address
}

pub fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

pub fn fixture() -> Session {
    store::load(&fixture_path()).expect("the fixture session loads")
}

/// Everything that has broken a report somewhere: markup of every format, quotes and
/// separators, line ends, emoji, CJK, right-to-left text, spreadsheet formulas.
pub const HOSTILE: &str = "<script>alert(\"x\")</script> & &amp; &#60; <b>vet</b> <!-- c -->
# Kop
## ook een kop
* ster
- streep
+ plus
1. een
2) twee
a. letter
> citaat
```rust
fn main() {}
```
~~~
| a | b |
|---|---|
---
===
    ingesprongen code
[link](http://example.com) ![img](http://example.com/y.png) <http://example.com>
*nadruk* _ook_ **vet** `code` ~~weg~~ ^sup^ ~sub~ $x$ @citaat [@doe] {#id} [[wiki]]
\"aanhalingstekens\", 'enkel'; komma, puntkomma; \"\"dubbel\"\" tab\there
regel met \\ backslash aan het eind \\
: definitie
Emoji: 👵🏽 ❤️ 🎉  CJK: 介護の会議について話す 中文 한국어  RTL: مرحبا بكم
=HYPERLINK(\"http://evil.example\")
@SUM(1)
+31 6 1234
'al een apostrof
windows\r\nregeleinde

Ĳsselmeer, één, café, naïef, À la carte";

/// 100 KB of notes: long lines of words, and one word of 10 000 letters without a break.
pub fn big_notes() -> String {
    let mut s = String::new();
    for i in 1.. {
        if s.len() >= 90_000 {
            break;
        }
        s.push_str("De bewoners willen zelf de koffie zetten & de tuin <beheren>; ");
        if i % 25 == 0 {
            s.push('\n');
        }
    }
    s.push('\n');
    s.push_str(&"ä".repeat(5_000));
    s.push('\n');
    s
}

/// The fixture with `notes` on every step (also on the opening and the quote).
/// Without the example's actions: what is tested with it is the notes (the actions as a
/// report shows them have tests of their own).
pub fn with_notes(notes: &str) -> Session {
    let mut s = fixture();
    for st in &mut s.steps {
        st.notes = notes.to_string();
    }
    s.actions.clear();
    s
}

/// The fixture with no notes anywhere, as a session nobody typed in.
pub fn empty() -> Session {
    with_notes("")
}

/// A second client council that held the same conversation a week later.
pub fn second_council() -> Session {
    let mut s = fixture();
    let shift = chrono::Duration::days(7) - chrono::Duration::minutes(30);
    s.session.group = "Cliëntenraad Het Anker".into();
    s.session.facilitator = "Youssef El Amrani".into();
    s.session.started_at += shift;
    s.session.updated_at += shift;
    s.session.finished_at = s.session.finished_at.map(|t| t + shift);
    let notes = [
        "",
        "",
        "",
        "Herkenbaar: \"wij worden pas gevraagd als alles al besloten is\".",
        "Bewoners regelen zelf de bingo en het krantenrondje; dat lukt omdat een vrijwilliger de sleutel heeft.\nOver het eten beslist de organisatie.",
        "Stapje terug: de bewonersvergadering door bewoners zelf laten voorzitten.",
        "Afspraak: voorstel voor een bewonersvoorzitter naar de bestuurder.\nActie: Youssef plant een gesprek in januari.",
    ];
    let elapsed = [95, 305, 60, 760, 700, 730, 575];
    for ((st, n), e) in s.steps.iter_mut().zip(notes).zip(elapsed) {
        st.notes = n.to_string();
        st.elapsed_seconds = e;
    }
    s
}

/// A board that discussed the same episode: other prompts, so a section of its own.
pub fn board() -> Session {
    let lib = Library::load(None).expect("built-in episodes load");
    let ep = lib.find("jef-mol").expect("episode 4 is built in");
    let start =
        chrono::DateTime::parse_from_rfc3339("2026-12-03T19:30:00+01:00").expect("a valid time");
    let mut s = Session::new(
        ep,
        Audience::Board,
        &Meta {
            group: "Raad van bestuur".into(),
            facilitator: "Els Vermeulen".into(),
            ..Default::default()
        },
        Lang::Nl,
        start,
    );
    s.steps[3].notes =
        "We komen vaak binnen met een aanbod.\nMinder vaak ondersteunen we wat er al is.".into();
    s.steps[3].elapsed_seconds = 310;
    s.session.status = Status::InProgress;
    s.session.updated_at = start + chrono::Duration::minutes(12);
    s
}

/// Every format of a report, in the order of `--format`'s help.
pub const FORMATS: [voer::export::Format; 6] = {
    use voer::export::Format::*;
    [Md, Html, Txt, Json, Csv, Docx]
};

/// A report as text: docx by its paragraphs.
pub fn report_text(
    format: voer::export::Format,
    sessions: &[Session],
    opts: &voer::export::Options,
) -> String {
    let bytes = voer::export::render(format, sessions, opts).expect("renders");
    match format {
        voer::export::Format::Docx => docx_paragraphs(&bytes).join("\n"),
        _ => String::from_utf8(bytes).expect("utf-8"),
    }
}

/// The parts of a .docx (a zip archive) by name.
pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a docx is a zip");
    let mut part = zip.by_name(name).expect("part exists");
    let mut s = String::new();
    part.read_to_string(&mut s).expect("utf-8 xml");
    s
}

/// The paragraphs of word/document.xml as text: `<w:br/>` is a line break, `<w:tab/>` a tab.
pub fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let xml = docx_part(bytes, "word/document.xml");
    let mut paras = Vec::new();
    let mut cur = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find('<') {
        let Some(end) = rest[i..].find('>') else {
            break;
        };
        let tag = &rest[i + 1..i + end];
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .find(|s| !s.is_empty())
            .unwrap_or("");
        let closing = tag.starts_with('/');
        rest = &rest[i + end + 1..];
        match (name, closing) {
            ("w:t", false) if !tag.ends_with('/') => {
                let stop = rest.find("</w:t>").expect("closed w:t");
                cur.push_str(&unescape_xml(&rest[..stop]));
                rest = &rest[stop..];
            }
            ("w:br", false) => cur.push('\n'),
            ("w:tab", false) => cur.push('\t'),
            ("w:p", true) => paras.push(std::mem::take(&mut cur)),
            _ => {}
        }
    }
    paras
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#xA;", "\n")
        .replace("&amp;", "&")
}

/// Paragraphs of notes as the document formats show them: split at blank lines, each line
/// without trailing whitespace.
pub fn note_paragraphs(notes: &str) -> Vec<String> {
    voer::export::paragraphs(notes)
        .into_iter()
        .map(|p| {
            p.iter()
                .map(|l| l.trim_end())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}
