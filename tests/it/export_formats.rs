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

/// Every format as text (docx: its paragraphs).
fn every_format(sessions: &[Session]) -> Vec<(Format, String)> {
    [
        Format::Md,
        Format::Html,
        Format::Txt,
        Format::Json,
        Format::Csv,
        Format::Docx,
    ]
    .into_iter()
    .map(|f| {
        let out = match f {
            Format::Docx => {
                docx_paragraphs(&export::render(f, sessions, &Options::default()).expect("renders"))
                    .join("\n")
            }
            _ => text(f, sessions, &Options::default()),
        };
        (f, out)
    })
    .collect()
}

#[test]
fn a_session_with_and_one_without_a_video_step_share_their_questions() {
    let mut old = fixture_v1();
    old.session.group = "Cliëntenraad Het Anker".into();
    assert!(old.video_url().is_none(), "saved before the video step");
    let md = text(Format::Md, &[fixture(), old], &Options::default());
    // One report of the same conversation: each question once, both groups under it.
    assert!(
        md.starts_with("# Verslag: Cliënten met professionals aan het stuur\n"),
        "{md}"
    );
    assert_eq!(md.matches("## Vraag 1\n").count(), 1, "{md}");
    // Four questions and the closing; no notes at the opening or the quote.
    assert_eq!(
        md.matches("### Cliëntenraad Het Anker\n").count(),
        5,
        "{md}"
    );
    // The video only for the group that had it.
    let video = md
        .split("## Video\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a video section");
    assert!(video.contains("### Cliëntenraad De Linde"), "{video}");
    assert!(!video.contains("Het Anker"), "{video}");
}

#[test]
fn a_translated_quote_shows_the_speakers_own_words_first() {
    let lib = voer::episode::Library::embedded();
    let ep = lib.find("jef-mol").expect("episode 4");
    let meta = voer::session::Meta {
        group: "Team Noord".into(),
        facilitator: String::new(),
        ..Default::default()
    };
    let started = chrono::DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").expect("t");
    let s = Session::new(ep, voer::episode::Audience::Team, &meta, Lang::En, started);
    let dutch = "Niet vanuit een probleem gedacht, maar omdat collega’s en cliënten daar echt de vruchten van plukken";
    let english =
        "Not thought up from a problem, but because colleagues and clients truly reap the benefits";
    assert_eq!(s.quote(), Some(english));
    assert_eq!(s.quote_original(), Some(dutch));
    let sessions = [s];
    for (f, out) in every_format(&sessions) {
        if f == Format::Csv {
            continue; // rows of notes only; there are none
        }
        let (d, e) = (
            out.find("Niet vanuit een probleem"),
            out.find("Not thought up"),
        );
        assert!(d.is_some() && e.is_some(), "{f:?}: both texts: {out}");
        if f != Format::Json {
            assert!(d < e, "{f:?}: the original comes first");
            assert!(
                out.contains("Translation: "),
                "{f:?}: marked as a translation"
            );
        }
    }
}

#[test]
fn format_2_round_trips_and_reaches_every_export() {
    use voer::session::{ActionItem, Phase, Round};
    let mut s = fixture();
    let t = s.session.started_at;
    s.session.participants = vec!["Anna".into(), "Bert".into(), "C.".into()];
    s.session.until = chrono::NaiveTime::from_hms_opt(15, 30, 0);
    s.session.blanked = true;
    s.session.room_notes = true;
    s.session.timer_started_at = Some(t);
    s.steps[3].phases = vec![
        Phase {
            label: "1".into(),
            minutes: 1,
            current: false,
            started: Some(0),
        },
        Phase {
            label: "2".into(),
            minutes: 2,
            current: true,
            started: Some(60),
        },
    ];
    s.steps[4].round = Some(Round {
        order: s.session.participants.clone(),
        current: 1,
        turns_taken: 1,
        turn_started: 95,
        minutes_per_person: Some(2),
        passed: vec!["C.".into()],
    });
    s.steps[4].planned_seconds += 120;
    s.actions = vec![ActionItem {
        id: "2026-11-20-linde-1".into(),
        text: "Voorstel schrijven".into(),
        owner: Some("Meneer Bakker".into()),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
        done: false,
        step: 8,
        created_at: t,
    }];
    let toml = s.to_toml();
    assert!(toml.starts_with("format_version = 2\n"), "{toml}");
    assert!(toml.contains("until = \"15:30\""), "{toml}");
    let back = Session::from_toml(&toml).expect("reads back");
    assert_eq!(back, s);
    assert_eq!(back.to_toml(), toml);
    let url = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/";
    for (f, out) in every_format(&[back]) {
        assert!(out.contains("Meneer Bakker"), "{f:?}: the notes");
        // Step 4 got two minutes more: the episode's plan, the new one and the actual time.
        match f {
            Format::Csv => {}
            Format::Json => assert!(out.contains("\"episode_seconds\": 600"), "{out}"),
            _ => assert!(
                out.contains("herpland") || out.contains("re-planned"),
                "{f:?}: planned, re-planned and actual: {out}"
            ),
        }
        match f {
            // Rows of notes only: the video has none here.
            Format::Csv => {}
            // Plain text wraps the link at its hyphens.
            Format::Txt => assert!(out.contains("Video\n-----"), "{f:?}: {out}"),
            _ => assert!(out.contains(url), "{f:?}: the video's link: {out}"),
        }
    }
}
