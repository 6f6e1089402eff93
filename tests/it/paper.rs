//! Before the meeting, on paper: the participants' handout (`voer handout`) and the
//! facilitator's plan (`voer show --output`). Golden files for the handout in both languages;
//! the promises behind them checked one by one: large print, the questions in order and
//! numbered, nothing for the facilitator's eyes, "u" for a council, room to write for a class.
//! How the handout prints in a browser is checked in `export_browser.rs`.

use std::fs;

use crate::{
    cli::{voer, voer_at},
    export_support::{docx_paragraphs, docx_part},
};
use voer::{
    episode::{Audience, Episode, Library},
    export::{self, Look, Paper, handout, plan},
    i18n,
    lang::Lang,
};

const TIME: &str = "2026-11-19T16:00:00Z";

fn jef() -> Episode {
    Library::embedded()
        .find("jef-mol")
        .expect("episode 4 is embedded")
        .clone()
}

fn handout_in(format: Paper, audience: Audience, lang: Lang) -> Vec<u8> {
    let elements = handout::outline(&jef(), audience, lang);
    export::paper(&elements, format, lang, Look::Handout, TIME).expect("a handout")
}

fn html(audience: Audience, lang: Lang) -> String {
    String::from_utf8(handout_in(Paper::Html, audience, lang)).unwrap()
}

/// The Word document's paragraphs, each with its style: "[Question] 1.\tWat vond u …".
fn docx_text(bytes: &[u8]) -> String {
    let xml = docx_part(bytes, "word/document.xml");
    let styles = xml.split("</w:p>").map(|p| {
        p.split_once("<w:pStyle w:val=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map_or("Normal", |(style, _)| style)
            .to_string()
    });
    docx_paragraphs(bytes)
        .into_iter()
        .zip(styles)
        .map(|(text, style)| format!("[{style}] {text}\n"))
        .collect()
}

#[test]
fn handout_html_golden() {
    insta::assert_snapshot!(
        "handout_council_nl_html",
        html(Audience::ClientCouncil, Lang::Nl)
    );
    insta::assert_snapshot!(
        "handout_council_en_html",
        html(Audience::ClientCouncil, Lang::En)
    );
    insta::assert_snapshot!(
        "handout_classroom_nl_html",
        html(Audience::Classroom, Lang::Nl)
    );
}

#[test]
fn handout_docx_golden() {
    for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let bytes = handout_in(Paper::Docx, Audience::ClientCouncil, lang);
        insta::assert_snapshot!(format!("handout_council_{code}_docx"), docx_text(&bytes));
    }
    let bytes = handout_in(Paper::Docx, Audience::Classroom, Lang::En);
    insta::assert_snapshot!("handout_classroom_en_docx", docx_text(&bytes));
}

#[test]
fn the_handout_has_the_questions_in_order_numbered_and_nothing_for_the_facilitator() {
    let ep = jef();
    for a in ep.audiences() {
        for lang in [Lang::Nl, Lang::En] {
            let md = String::from_utf8(handout_in(Paper::Md, a, lang)).unwrap();
            let mut at = 0;
            for (i, p) in ep.prompts_for(a).enumerate() {
                let numbered = format!("{}. {}", i + 1, p.text.get(lang));
                let found = md[at..].find(&numbered);
                assert!(found.is_some(), "{a:?} {lang:?}: {numbered}\n{md}");
                at += found.unwrap_or(0);
                let tip = p.tip.as_ref().map(|t| t.get(lang));
                assert!(tip.is_none_or(|t| !md.contains(t)), "a tip on the handout");
            }
            // The closing's agreements are for the meeting, not for the sheet.
            let closing = ep.closing_for(a).map(|c| c.text.get(lang));
            assert!(closing.is_none_or(|c| !md.contains(c)), "{md}");
            let t = i18n::texts(lang);
            // No tips, no minutes, no keys.
            let facilitators = [
                format!("{}:", t.tip),
                format!(" {})", t.minutes_short),
                "Ctrl+".to_string(),
                "F5".to_string(),
            ];
            for word in facilitators {
                assert!(!md.contains(&word), "{word:?} on the handout:\n{md}");
            }
            assert!(md.starts_with(&format!(
                "# {} — {}",
                i18n::fill(t.episode_number, [&ep.number]),
                ep.title.get(lang)
            )));
            assert!(md.contains("Jef Mol, "), "{md}");
            assert!(md.contains(&ep.main_quote().nl), "{md}");
        }
    }
}

#[test]
fn a_council_is_addressed_with_u_a_team_with_je_and_a_class_gets_lines_to_write_on() {
    let md = |a| String::from_utf8(handout_in(Paper::Md, a, Lang::Nl)).unwrap();
    assert!(md(Audience::ClientCouncil).contains("U kunt ze vooraf"));
    assert!(md(Audience::Relatives).contains("U kunt ze vooraf"));
    assert!(md(Audience::Team).contains("Je kunt ze vooraf"));
    assert!(md(Audience::Classroom).contains("Schrijf onder elke vraag"));
    // Ruled lines under each of the class's questions, none on the council's.
    let questions = jef().prompts_for(Audience::Classroom).count();
    let class = html(Audience::Classroom, Lang::Nl);
    assert_eq!(class.matches("<div class=\"write\"").count(), questions);
    assert!(!html(Audience::ClientCouncil, Lang::Nl).contains("class=\"write\""));
    let docx = docx_text(&handout_in(Paper::Docx, Audience::Classroom, Lang::Nl));
    assert_eq!(docx.matches("[WriteLine]").count(), questions * 4);
}

#[test]
fn the_handout_is_in_large_print_with_real_headings_and_no_script() {
    let page = html(Audience::ClientCouncil, Lang::Nl);
    assert!(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    assert!(!page.contains("<script"));
    assert!(page.contains("font-size: 16pt") && page.contains("h2.question { font-size: 20pt"));
    assert!(page.contains("@page { size: A4"));
    // Word: the default text 16 pt, the questions 20 pt and a heading to Word, nothing smaller.
    let bytes = handout_in(Paper::Docx, Audience::ClientCouncil, Lang::Nl);
    let styles = docx_part(&bytes, "word/styles.xml");
    let question = styles
        .split("<w:style ")
        .find(|s| s.contains("w:styleId=\"Question\""))
        .expect("a Question style");
    assert!(question.contains("<w:sz w:val=\"40\" />"), "{question}");
    assert!(
        question.contains("<w:outlineLvl w:val=\"1\" />"),
        "{question}"
    );
    assert!(styles.contains("<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"32\" />"));
    for size in styles.split("<w:sz w:val=\"").skip(1) {
        let half_points: u32 = size.split('"').next().unwrap().parse().unwrap();
        assert!(
            half_points >= 32,
            "a size under 16 pt in the handout: {half_points}"
        );
    }
    let text = docx_text(&bytes);
    assert!(text.starts_with("[Heading1] Aflevering 4 — "), "{text}");
    assert_eq!(text.matches("[Question] ").count(), 3, "{text}");
}

#[test]
fn voer_handout_prints_markdown_in_the_interface_language_or_writes_the_file() {
    let (code, out, err) = voer(&["handout", "4", "-a", "cliëntenraad"], "nl_NL.UTF-8");
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Aflevering 4 — "), "{out}");
    assert!(
        out.contains("\n1. Wat vond u van het verhaal van Jef?"),
        "{out}"
    );
    let (_, out, _) = voer(&["handout", "4", "-a", "board"], "en_GB.UTF-8");
    assert!(out.starts_with("# Episode 4 — "), "{out}");
    let (_, out, _) = voer(&["handout", "4", "-a", "board", "--lang", "nl"], "en_GB");
    assert!(out.starts_with("# Aflevering 4 — "), "--lang wins: {out}");

    let home = tempfile::tempdir().unwrap();
    for name in ["hand-out.html", "hand-out.docx"] {
        let (code, _, err) = voer_at(
            home.path(),
            &["handout", "4", "-a", "klas", "--output", name],
            &[("LANG", "nl_NL")],
        );
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("Hand-out geschreven: "), "{err}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(home.path().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
    let written = fs::read_to_string(home.path().join("hand-out.html")).unwrap();
    assert!(written.contains("<html lang=\"nl\">"), "{written}");
    // Not over yesterday's sheet without --force; not as a PDF at all.
    let again = ["handout", "4", "-a", "klas", "--output", "hand-out.html"];
    let (code, _, err) = voer_at(home.path(), &again, &[("LANG", "nl_NL")]);
    assert_ne!(code, 0);
    assert!(
        err.contains("bestaat al") && err.contains("--force"),
        "{err}"
    );
    let forced = [&again[..], &["--force"]].concat();
    assert_eq!(voer_at(home.path(), &forced, &[("LANG", "nl_NL")]).0, 0);
    let pdf = ["handout", "4", "-a", "klas", "--output", "hand-out.pdf"];
    let (code, _, err) = voer_at(home.path(), &pdf, &[("LANG", "en_GB")]);
    assert_ne!(code, 0);
    assert!(
        err.contains("hand-out.pdf") && err.contains(".html"),
        "{err}"
    );
    assert!(!home.path().join("hand-out.pdf").exists());
    let (code, _, err) = voer(&["handout", "4"], "en_GB");
    assert_ne!(code, 0, "the audience is needed: {err}");
}

#[test]
fn the_plan_on_paper_is_the_plan_voer_show_prints() {
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| voer_at(home.path(), args, &[("LANG", "nl_NL.UTF-8")]);
    let (code, printed, _) = run(&["show", "4", "-a", "bestuur"]);
    assert_eq!(code, 0);
    for name in ["plan.html", "plan.docx", "plan.md", "plan.txt"] {
        let (code, _, err) = run(&["show", "4", "-a", "bestuur", "--output", name]);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(err.contains("Draaiboek geschreven: "), "{err}");
    }
    assert_eq!(
        fs::read_to_string(home.path().join("plan.txt")).unwrap(),
        printed
    );
    // The same plan as pieces: every tip, every step's minutes and the total, in each format.
    let ep = jef();
    let t = i18n::texts(Lang::Nl);
    let p = plan::Plan::new(&ep, &[Audience::Board], Lang::Nl);
    let md = fs::read_to_string(home.path().join("plan.md")).unwrap();
    let html = fs::read_to_string(home.path().join("plan.html")).unwrap();
    let docx = docx_paragraphs(&fs::read(home.path().join("plan.docx")).unwrap()).join("\n");
    for s in &p.parts[0].steps {
        let heading = format!("{} ({} min)", s.heading, s.minutes);
        assert!(md.contains(&format!("### {heading}")), "{heading}\n{md}");
        assert!(html.contains(&format!("<h3>{heading}</h3>")), "{heading}");
        assert!(docx.contains(&heading), "{heading}");
        if let Some(tip) = &s.tip {
            assert!(
                md.contains(tip.as_str()) && docx.contains(tip.as_str()),
                "{tip}"
            );
            let start: String = tip.chars().take(20).collect();
            assert!(printed.contains(&start), "{tip}");
        }
    }
    assert!(md.contains("**Totaal:** 57 min"), "{md}");
    assert!(html.contains("<dt>Totaal</dt><dd>57 min</dd>"), "{html}");
    assert!(docx.contains("Totaal: 57 min"), "{docx}");
    assert!(printed.contains("Totaal: 57 min"));
    assert!(html.contains("default-src 'none'") && !html.contains("<script"));
    assert_eq!(
        md,
        String::from_utf8(
            export::paper(
                &plan::outline(&p, t),
                Paper::Md,
                Lang::Nl,
                Look::Report,
                TIME
            )
            .unwrap(),
        )
        .unwrap()
    );
    let (code, _, err) = run(&["show", "4", "--output", "plan.pdf"]);
    assert_ne!(code, 0);
    assert!(err.contains("plan.pdf") && err.contains(".txt"), "{err}");
}
