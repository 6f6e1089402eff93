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
    assert_eq!(md.matches("*Geen notities.*").count(), 4, "{md}");
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
    let mut first = fixture();
    first.steps[0].notes.clear();
    let md = text(Format::Md, &[first, second], &Options::default());
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
    FORMATS
        .into_iter()
        .map(|f| (f, report_text(f, sessions, &Options::default())))
        .collect()
}

#[test]
fn a_session_with_and_one_without_a_video_step_share_their_questions() {
    // As a version-1 file holds it: no video step (the fixture of version 1 itself has the
    // questions of its day, so it is tested on its own in export_cli).
    let mut old = fixture();
    old.steps
        .retain(|s| s.kind != voer::session::StepKind::Video);
    old.actions.clear(); // version 1 had no actions either
    old.session.group = "Cliëntenraad Het Anker".into();
    assert!(old.video_url().is_none(), "saved before the video step");
    let md = text(Format::Md, &[fixture(), old], &Options::default());
    // One report of the same conversation: each question once, both groups under it.
    assert!(
        md.starts_with("# Verslag: Cliënten met professionals aan het stuur\n"),
        "{md}"
    );
    assert_eq!(md.matches("## Vraag 1\n").count(), 1, "{md}");
    // Notes at the opening, three questions and the closing; none at the quote.
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
        "Not starting from a problem, but because colleagues and clients truly reap the benefits";
    assert_eq!(s.quote(), Some(english));
    assert_eq!(s.quote_original(), Some(dutch));
    let sessions = [s];
    for (f, out) in every_format(&sessions) {
        if f == Format::Csv {
            continue; // rows of notes only; there are none
        }
        let (d, e) = (
            out.find("Niet vanuit een probleem"),
            out.find("Not starting from a problem"),
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
    use voer::session::{Action, Phase, Round};
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
            ..Default::default()
        },
        Phase {
            label: "2".into(),
            minutes: 2,
            current: true,
            started: Some(60),
            ..Default::default()
        },
    ];
    s.steps[4].round = Some(Round {
        order: s.session.participants.clone(),
        current: 1,
        turns_taken: 1,
        turn_started: 95,
        minutes_per_person: Some(2),
        passed: vec!["C.".into()],
        ..Default::default()
    });
    s.steps[4].planned_seconds += 120;
    s.actions = vec![Action {
        kind: Default::default(),
        to: None,
        answer: None,
        answered_at: None,
        id: "2026-11-20-linde-1".into(),
        text: "Voorstel schrijven".into(),
        owner: Some("Truus".into()),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
        due_text: None,
        done: false,
        step: 8,
        created_at: t,
        ..Default::default()
    }];
    let toml = s.to_toml();
    assert!(toml.starts_with("format_version = 2\n"), "{toml}");
    assert!(toml.contains("until = \"15:30\""), "{toml}");
    let back = Session::from_toml(&toml).expect("reads back");
    assert_eq!(back, s);
    assert_eq!(back.to_toml(), toml);
    let url = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/";
    for (f, out) in every_format(&[back]) {
        assert!(out.contains("activiteitenkalender"), "{f:?}: the notes");
        // Step 4 got two minutes more: the episode's plan, the new one and the actual time.
        match f {
            Format::Csv => {}
            Format::Json => assert!(out.contains("\"episode_seconds\": 720"), "{out}"),
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

/// The example session with two actions: one with an owner and a date, one done with a "when"
/// that is not a date.
fn with_actions() -> Session {
    use voer::session::Action;
    let mut s = fixture();
    let t = s.session.started_at;
    s.actions = vec![
        Action {
            kind: Default::default(),
            to: None,
            answer: None,
            answered_at: None,
            id: "k7m2qx".into(),
            text: "Voorstel schrijven | samen met de raad".into(),
            owner: Some("Meneer Bakker".into()),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
            due_text: None,
            done: false,
            step: 8,
            created_at: t,
            ..Default::default()
        },
        Action {
            kind: Default::default(),
            to: None,
            answer: None,
            answered_at: None,
            id: "p3x9ab".into(),
            text: "- bewoners vragen".into(),
            owner: None,
            due: None,
            due_text: Some("na de zomer".into()),
            done: true,
            step: 5,
            created_at: t,
            ..Default::default()
        },
    ];
    s
}

#[test]
fn actions_round_trip_through_the_session_file() {
    let s = with_actions();
    let toml = s.to_toml();
    assert!(toml.contains("[[actions]]\nid = \"k7m2qx\""), "{toml}");
    assert!(toml.contains("due = \"2026-12-15\""), "{toml}");
    assert!(toml.contains("due_text = \"na de zomer\""), "{toml}");
    assert_eq!(Session::from_toml(&toml).expect("reads back"), s);
}

#[test]
fn markdown_with_actions() {
    insta::assert_snapshot!(text(Format::Md, &[with_actions()], &Options::default()));
}

#[test]
fn txt_with_actions() {
    insta::assert_snapshot!(text(Format::Txt, &[with_actions()], &Options::default()));
}

#[test]
fn actions_are_a_table_first_after_the_heading_in_every_report() {
    let s = [with_actions()];
    let opts = Options::default();
    // Markdown: a pipe table right under the title, that a Markdown reader sees as a table.
    let md = text(Format::Md, &s, &opts);
    let title_end = md.find('\n').unwrap();
    assert!(
        md[title_end..].starts_with(
            "\n\n## Afspraken\n\n| Wat | Wie | Wanneer | Klaar |\n| --- | --- | --- | --- |\n\
             | Voorstel schrijven \\| samen met de raad | Meneer Bakker | 15 dec 2026 | nee |\n\
             | - bewoners vragen |  | na de zomer | ja |\n"
        ),
        "{md}"
    );
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag};
    let cells = Parser::new_ext(&md, MdOptions::ENABLE_TABLES)
        .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
        .count();
    assert_eq!(cells, 12, "a table of three rows of four cells");

    // HTML: the table is the first thing after the heading.
    let html = text(Format::Html, &s, &opts);
    let body = &html[html.find("</h1>").unwrap()..];
    assert!(
        body.starts_with("</h1>\n<h2>Afspraken</h2>\n<table class=\"actions\">"),
        "{body}"
    );
    assert!(body.contains("<td>Voorstel schrijven | samen met de raad</td><td>Meneer Bakker</td><td>15 dec 2026</td><td>nee</td>"));
    assert!(body.contains("<td>- bewoners vragen</td><td></td><td>na de zomer</td><td>ja</td>"));

    // Word: a real table, right after the title and the table's heading.
    let docx = export::render(Format::Docx, &s, &opts).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    let table = xml.find("<w:tbl>").expect("a table");
    assert!(xml[..table].matches("<w:p ").count() <= 2 && xml[..table].contains("Afspraken"));
    let paras = docx_paragraphs(&docx);
    assert_eq!(paras[1], "Afspraken");
    assert_eq!(
        paras[2..10],
        [
            "Wat",
            "Wie",
            "Wanneer",
            "Klaar",
            "Voorstel schrijven | samen met de raad",
            "Meneer Bakker",
            "15 dec 2026",
            "nee"
        ]
    );

    // Plain text: columns under the title.
    let txt = text(Format::Txt, &s, &opts);
    assert!(txt.contains("Afspraken\n---------\n\nWat "), "{txt}");
    assert!(
        txt.lines().any(|l| l.contains("Meneer Bakker")
            && l.contains("15 dec 2026")
            && l.ends_with("nee")),
        "{txt}"
    );

    // JSON: every field.
    let json: export::json::Export = serde_json::from_str(&text(Format::Json, &s, &opts)).unwrap();
    let a = &json.sessions[0].actions;
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].id, "k7m2qx");
    assert_eq!(a[0].owner.as_deref(), Some("Meneer Bakker"));
    assert_eq!(a[0].due.as_deref(), Some("2026-12-15"));
    assert!(!a[0].done && a[1].done);
    assert_eq!(a[1].due_text.as_deref(), Some("na de zomer"));
    assert_eq!(a[1].step, 5);

    // CSV: rows of the same file with the step "Afspraak" and columns for who, when and done.
    let csv = text(
        Format::Csv,
        &s,
        &Options {
            csv_delimiter: b';',
            ..Options::default()
        },
    );
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "datum",
            "groep",
            "doelgroep",
            "aflevering",
            "stap",
            "vraag",
            "notitie",
            "wie",
            "wanneer",
            "klaar"
        ]
    );
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| {
            rec.unwrap()
                .iter()
                .map(|c| export::csv::unguard(c).to_string())
                .collect()
        })
        .collect();
    let actions: Vec<&Vec<String>> = rows.iter().filter(|r| r[4] == "Afspraak").collect();
    assert_eq!(actions.len(), 2);
    assert_eq!(
        actions[0][6..],
        [
            "Voorstel schrijven | samen met de raad",
            "Meneer Bakker",
            "2026-12-15",
            "nee"
        ]
    );
    assert_eq!(
        actions[1][6..],
        ["- bewoners vragen", "", "na de zomer", "ja"]
    );
    assert!(
        rows.iter()
            .filter(|r| r[4] != "Afspraak")
            .all(|r| r[7..] == ["", "", ""])
    );
}

#[test]
fn a_report_of_several_groups_lists_the_actions_per_group() {
    let mut other = second_council();
    other.actions = vec![voer::session::Action {
        kind: Default::default(),
        to: None,
        answer: None,
        answered_at: None,
        id: "z2z2z2".into(),
        text: "Gesprek plannen".into(),
        owner: Some("Youssef".into()),
        due: None,
        due_text: None,
        done: false,
        step: 8,
        created_at: other.session.started_at,
        ..Default::default()
    }];
    let s = [with_actions(), second_council(), other];
    for f in [Format::Md, Format::Txt, Format::Html] {
        let out = text(f, &s, &Options::default());
        let at = |needle: &str| {
            out.find(needle)
                .unwrap_or_else(|| panic!("{f:?}: {needle} in {out}"))
        };
        let heading = at("Afspraken");
        let linde = at("Cliëntenraad De Linde");
        let bakker = at("Meneer Bakker");
        let anker = out[bakker..]
            .find("Cliëntenraad Het Anker")
            .map(|i| i + bakker)
            .expect("the second group");
        let youssef = out[anker..]
            .find("Gesprek plannen")
            .map(|i| i + anker)
            .expect("its action");
        assert!(
            heading < linde && linde < bakker && bakker < anker && anker < youssef,
            "{f:?}: {out}"
        );
    }
}

/// A mail program opens an address only when it is whole on one line: the txt export wraps
/// at 72 columns around it, and one longer than a line stands alone.
#[test]
fn txt_never_breaks_a_web_address() {
    let short = "https://www.radicalevernieuwing.nl/clienten-met-ruimte";
    let long = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/?utm_source=verslag";
    let mut s = fixture();
    s.actions.clear();
    // Where 72 columns would fall in the middle of the first address, and at its hyphens.
    s.steps[3].notes = format!(
        "Het filmpje en de tekst staan op {short} en daar lezen we verder.\n\
         - Lang adres ({long}), om door te sturen.\n\
         Ook zonder adres wordt een heel lange regel gewoon op tweeënzeventig kolommen afgebroken zoals altijd."
    );
    let txt = text(Format::Txt, &[s], &Options::default());
    for url in [short, long] {
        assert!(
            txt.lines().any(|l| l.contains(url)),
            "{url} is broken over lines:\n{txt}"
        );
    }
    let alone = txt
        .lines()
        .find(|l| l.contains(long))
        .expect("the long address");
    assert_eq!(alone.trim(), format!("({long}),"), "{txt}");
    // The video's address is longer than a line too, and stands alone as well.
    for line in txt.lines() {
        assert!(within_72_columns(line), "too wide: {line}");
    }
    assert!(
        txt.contains("\n  Ook zonder adres wordt een heel lange regel gewoon op tweeënzeventig\n")
    );
}
