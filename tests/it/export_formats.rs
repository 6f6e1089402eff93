//! Golden files: every format of the example session in sessions/, and reports of several
//! sessions. The fixture is fixed, so nothing is masked.

use crate::export_support::*;
use voer::{
    export::{self, Format, Options},
    lang::Lang,
    session::Session,
};

fn text(format: Format, sessions: &[Session], opts: &Options) -> String {
    let bytes = export::render(format, sessions, opts).expect("renders");
    String::from_utf8(bytes).expect("utf-8")
}

#[test]
fn the_fixture_is_in_the_shape_voer_writes() {
    let on_disk = std::fs::read_to_string(fixture_path()).expect("fixture readable");
    assert_eq!(fixture().to_toml(), on_disk);
}

#[test]
fn markdown() {
    insta::assert_snapshot!(text(Format::Md, &[fixture()], &Options::default()));
}

#[test]
fn markdown_is_what_the_tui_writes() {
    let s = [fixture()];
    assert_eq!(
        export::markdown(&s, None),
        text(Format::Md, &s, &Options::default())
    );
}

#[test]
fn html() {
    insta::assert_snapshot!(text(Format::Html, &[fixture()], &Options::default()));
}

#[test]
fn txt() {
    insta::assert_snapshot!(text(Format::Txt, &[fixture()], &Options::default()));
}

#[test]
fn json() {
    insta::assert_snapshot!(text(Format::Json, &[fixture()], &Options::default()));
}

#[test]
fn csv() {
    insta::assert_snapshot!(text(Format::Csv, &[fixture()], &Options::default()));
}

#[test]
fn csv_for_dutch_spreadsheets() {
    let opts = Options {
        csv_delimiter: b';',
        ..Options::default()
    };
    insta::assert_snapshot!(text(Format::Csv, &[fixture()], &opts));
}

#[test]
fn docx() {
    let bytes = export::render(Format::Docx, &[fixture()], &Options::default()).expect("docx");
    // The document part, one paragraph a line, so that a change shows as a readable diff.
    let xml = docx_part(&bytes, "word/document.xml").replace("</w:p>", "</w:p>\n");
    insta::assert_snapshot!(xml);
}

#[test]
fn interface_words_follow_lang() {
    let opts = Options {
        lang: Some(Lang::En),
        ..Options::default()
    };
    insta::assert_snapshot!(text(Format::Txt, &[fixture()], &opts));
}

#[test]
fn several_groups_on_the_same_questions() {
    let s = [fixture(), second_council()];
    insta::assert_snapshot!(text(Format::Md, &s, &Options::default()));
}

#[test]
fn several_groups_on_the_same_questions_txt() {
    let s = [fixture(), second_council()];
    insta::assert_snapshot!(text(Format::Txt, &s, &Options::default()));
}

#[test]
fn sessions_that_differ_get_a_section_each() {
    let s = [fixture(), board(), second_council()];
    insta::assert_snapshot!(text(Format::Md, &s, &Options::default()));
}

#[test]
fn an_empty_session_exports_cleanly() {
    let s = [empty()];
    let md = text(Format::Md, &s, &Options::default());
    assert_eq!(md.matches("*Geen notities.*").count(), 5, "{md}");
    insta::assert_snapshot!(md);
    let csv = text(Format::Csv, &s, &Options::default());
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
    for f in [Format::Html, Format::Txt, Format::Json, Format::Docx] {
        assert!(
            !export::render(f, &s, &Options::default())
                .expect("renders")
                .is_empty()
        );
    }
}

#[test]
fn the_opening_shows_only_groups_that_wrote_there() {
    let mut second = second_council();
    second.steps[0].notes = "Iedereen had de video al gezien.".into();
    let md = text(Format::Md, &[fixture(), second], &Options::default());
    let opening = md
        .split("## Opening\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("an opening section");
    assert_eq!(
        opening.trim(),
        "### Cliëntenraad Het Anker\n\nIedereen had de video al gezien."
    );
}
