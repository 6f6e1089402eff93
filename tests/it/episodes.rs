//! The episode format: loader and validator on good and broken files, and the embedded content.
use std::{fs, path::Path};

use voer::episode::{Audience, Library, parse_episode};

const GOOD: &str = include_str!("../../prompts/jef-mol.toml");

fn errors(text: &str) -> Vec<String> {
    match parse_episode("x.toml", text) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_toml_syntax_error_names_path_line_and_column() {
    let broken = GOOD.replacen("speaker = \"Jef Mol\"", "speaker = \"Jef Mol", 1);
    let errs = errors(&broken);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let line = GOOD.lines().position(|l| l.starts_with("speaker")).unwrap() + 1;
    assert!(
        errs[0].starts_with(&format!("x.toml:{line}:")),
        "{}",
        errs[0]
    );
}

#[test]
fn semantic_problems_name_the_field() {
    let cases = [
        (
            GOOD.replacen("minutes = 10\nround", "minutes = 0\nround", 1),
            "prompts[1].minutes",
        ),
        (
            GOOD.replacen("[video]\n", "[video]\nminutes = 0\n", 1)
                .replacen("minutes = 5\n#", "#", 1),
            "video.minutes",
        ),
        (
            GOOD.replacen("[video]\n", "[video]\nminutes = 500\n", 1)
                .replacen("minutes = 5\n#", "#", 1),
            "video.minutes",
        ),
        (
            GOOD.replacen("id = \"jef-mol\"", "id = \"Jef Mol\"", 1),
            "id",
        ),
        (GOOD.replacen("number = 4", "number = 0", 1), "number"),
    ];
    for (text, field) in cases {
        let errs = errors(&text);
        assert!(
            errs.iter()
                .any(|e| e.starts_with(&format!("x.toml: {field}:"))),
            "{field}: {errs:?}"
        );
    }
}

#[test]
fn an_unknown_audience_is_an_error_with_its_place() {
    let errs = errors(&GOOD.replacen("audience = \"board\"", "audience = \"ouders\"", 1));
    assert_eq!(errs.len(), 1);
    assert!(errs[0].contains("ouders"), "{}", errs[0]);
    assert!(errs[0].starts_with("x.toml:"), "{}", errs[0]);
}

#[test]
fn no_quote_and_no_prompts_are_errors() {
    let no_quotes: String = {
        let v: toml::Value = toml::from_str(GOOD).unwrap();
        let mut t = v.as_table().unwrap().clone();
        t.insert("quotes".into(), toml::Value::Array(vec![]));
        t.insert("prompts".into(), toml::Value::Array(vec![]));
        toml::to_string(&t).unwrap()
    };
    let errs = errors(&no_quotes);
    assert!(errs.iter().any(|e| e.contains("quotes")), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("prompts")), "{errs:?}");
}

#[test]
fn a_missing_closing_prompt_is_reported() {
    let v: toml::Value = toml::from_str(GOOD).unwrap();
    let mut t = v.as_table().unwrap().clone();
    let closing: Vec<toml::Value> = t["closing"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["audience"].as_str() != Some("team"))
        .cloned()
        .collect();
    t.insert("closing".into(), toml::Value::Array(closing));
    let errs = errors(&toml::to_string(&t).unwrap());
    assert!(
        errs.iter()
            .any(|e| e.contains("closing") && e.contains("team")),
        "{errs:?}"
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_prompts_folder_adds_and_overrides_and_one_broken_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let extra = GOOD
        .replacen("id = \"jef-mol\"", "id = \"extra\"", 1)
        .replacen("number = 4", "number = 3", 1);
    write(dir.path(), "extra.toml", &extra);
    let override_ = GOOD.replacen(
        "nl = \"Cliënten met professionals aan het stuur\"",
        "nl = \"Eigen titel\"",
        1,
    );
    write(dir.path(), "jef.toml", &override_);
    write(dir.path(), "kapot.toml", "id = ");
    let lib = Library::load(Some(dir.path())).unwrap();
    let ids: Vec<&str> = lib.episodes().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["vera-jansweijer", "extra", "jef-mol"]);
    assert_eq!(lib.find("4").unwrap().title.nl, "Eigen titel");
    assert_eq!(lib.warnings.len(), 1);
    assert!(lib.warnings[0].to_string().contains("kapot.toml:1:"));
}

#[test]
fn duplicate_ids_and_numbers_in_a_folder_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.toml", GOOD);
    write(dir.path(), "b.toml", GOOD);
    let other_id = GOOD.replacen("id = \"jef-mol\"", "id = \"other\"", 1);
    write(dir.path(), "c.toml", &other_id);
    let lib = Library::load(Some(dir.path())).unwrap();
    let w: Vec<String> = lib.warnings.iter().map(ToString::to_string).collect();
    assert!(
        w.iter()
            .any(|e| e.contains("b.toml") && e.contains("duplicate id")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|e| e.contains("c.toml") && e.contains("duplicate number")),
        "{w:?}"
    );
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn embedded_episodes_have_timed_prompts_for_every_audience_and_fit_a_meeting() {
    let lib = Library::embedded();
    assert!(lib.warnings.is_empty(), "{:?}", lib.warnings);
    let numbers: Vec<u32> = lib.episodes().iter().map(|e| e.number).collect();
    assert_eq!(numbers, [1, 4]);
    for ep in lib.episodes() {
        for a in Audience::ALL {
            let n = ep.prompts_for(a).count();
            assert!((3..=5).contains(&n), "{} {a}: {n} prompts", ep.id);
            assert!(ep.closing_for(a).is_some(), "{} {a}: no closing", ep.id);
            let total = ep.total_minutes(a);
            assert!((30..=60).contains(&total), "{} {a}: {total} min", ep.id);
            for p in ep.prompts_for(a).chain(ep.closing_for(a)) {
                assert!(p.text.en.is_some(), "{} {a}: English missing", ep.id);
            }
        }
    }
}

#[test]
fn quotes_match_the_seed_text_verbatim() {
    // The seed texts the quotes were taken from, kept verbatim in the repo.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let lib = Library::embedded();
    for (id, seed) in [
        ("vera-jansweijer", "vera-jansweijer.txt"),
        ("jef-mol", "jef-mol.txt"),
    ] {
        let text = fs::read_to_string(seeds.join(seed))
            .unwrap_or_else(|e| panic!("{}: {e}", seeds.join(seed).display()));
        let text = collapse(&text);
        let ep = lib.find(id).unwrap();
        for q in &ep.quotes {
            assert!(
                text.contains(&collapse(&q.nl)),
                "{id}: not in the seed: {}",
                q.nl
            );
        }
        assert!(text.contains(&ep.speaker));
        if let Some(url) = &ep.url {
            assert!(text.contains(url.as_str()));
        }
    }
    let jef = lib.find("jef-mol").unwrap();
    assert!(
        jef.quotes.iter().any(|q| q.nl.contains('’')),
        "curly apostrophes kept"
    );
}

#[test]
fn the_template_parses_and_validation_asks_to_fill_in_its_placeholders() {
    let text = include_str!("../../prompts/TEMPLATE.toml.example");
    // An organisation copies it and fills it in: the shape is right, the placeholders are not.
    let errs = errors(text);
    assert!(!errs.is_empty());
    assert!(
        errs.iter().all(|e| e.contains("placeholder")),
        "only placeholders are wrong: {errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.starts_with("x.toml: speaker:")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.starts_with("x.toml: quotes[1].nl:")),
        "{errs:?}"
    );
}

#[test]
fn the_video_links_only_what_the_seeds_give() {
    let lib = Library::embedded();
    // Episode 4: seed 003 gives the article's page, and does not say the video is on it: the
    // page is "more information", the video has no address. Episode 1: the seed gives no link.
    let jef = lib.find("jef-mol").unwrap();
    assert_eq!(
        jef.url.as_deref(),
        Some(
            "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/"
        )
    );
    assert_eq!(jef.video_url(), None);
    let tip = jef
        .video
        .tip
        .as_ref()
        .expect("a tip to test the video beforehand");
    assert!(tip.nl.contains("beeld en het geluid"), "{}", tip.nl);
    assert_eq!(jef.video.minutes, 5);
    let vera = lib.find("vera-jansweijer").unwrap();
    assert_eq!(vera.video_url(), None);
    assert_eq!(vera.video.minutes, 5);
}

#[test]
fn video_minutes_default_to_five_and_its_url_to_the_episode_url() {
    let without = {
        let v: toml::Value = toml::from_str(GOOD).unwrap();
        let mut t = v.as_table().unwrap().clone();
        t.remove("video");
        toml::to_string(&t).unwrap()
    };
    let ep = parse_episode("x.toml", &without).unwrap();
    assert_eq!(ep.video.minutes, 5);
    assert_eq!(ep.video_url(), ep.url.as_deref());
    let own = GOOD.replacen("url = \"\"\n", "url = \"https://example.org/v\"\n", 1);
    let ep = parse_episode("x.toml", &own).unwrap();
    assert_eq!(ep.video_url(), Some("https://example.org/v"));
    let errs = errors(&GOOD.replacen("[video]\n", "[video]\nlength = 3\n", 1));
    assert!(errs.iter().any(|e| e.contains("length")), "{errs:?}");
}

#[test]
fn phases_must_add_up_to_the_prompts_minutes_or_give_them() {
    let phased = |minutes: &str, a: u32, b: u32| {
        GOOD.replacen(
            "[[prompts]]\naudience = \"team\"\nminutes = 5",
            &format!(
                "[[prompts]]\naudience = \"team\"\n{minutes}\n\
                 phases = [{{ label.nl = \"Alleen\", minutes = {a} }}, \
                 {{ label.nl = \"Samen\", label.en = \"Together\", minutes = {b} }}]"
            ),
            1,
        )
    };
    let ok = phased("minutes = 5", 2, 3);
    assert_ne!(ok, GOOD, "the fixture changed");
    assert_eq!(errors(&ok), Vec::<String>::new());
    // Left out, the minutes come from the phases.
    let ep = parse_episode("x.toml", &phased("", 1, 4)).expect("valid");
    let p = ep.prompts_for(Audience::Team).next().unwrap();
    assert_eq!((p.minutes, p.phases.len()), (5, 2));
    let errs = errors(&phased("minutes = 5", 2, 2));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].contains("phases: the phases add up to 4 minutes, the prompt has 5"),
        "{}",
        errs[0]
    );
    let errs = errors(&phased("minutes = 5", 0, 5));
    assert!(
        errs.iter().any(|e| e.contains("phases[1].minutes")),
        "{errs:?}"
    );
}

/// The built-in episode with its `[[opening]]` tables left out, or changed by `edit`.
fn with_openings(edit: impl Fn(&mut Vec<toml::Value>)) -> String {
    let v: toml::Value = toml::from_str(GOOD).unwrap();
    let mut t = v.as_table().unwrap().clone();
    let mut openings = t["opening"].as_array().unwrap().clone();
    edit(&mut openings);
    t.insert("opening".into(), toml::Value::Array(openings));
    toml::to_string(&t).unwrap()
}

#[test]
fn the_opening_and_the_quote_are_planned_and_default_to_two_minutes_each() {
    let lib = Library::embedded();
    let jef = lib.find("jef-mol").unwrap();
    let council = jef.opening_for(Audience::ClientCouncil);
    assert_eq!((council.minutes, council.quote_minutes), (5, 2));
    // voer list and voer show count them: 5 + video 5 + quote 2 + 10 + 10 + 10 + closing 8.
    assert_eq!(jef.total_minutes(Audience::ClientCouncil), 50);
    let without = parse_episode("x.toml", &with_openings(|o| o.clear())).unwrap();
    let plain = without.opening_for(Audience::ClientCouncil);
    assert_eq!((plain.minutes, plain.quote_minutes), (2, 2));
    assert_eq!(plain.tip, None);
    assert_eq!(without.total_minutes(Audience::ClientCouncil), 47);
}

#[test]
fn an_opening_is_checked_like_a_prompt() {
    let zero = with_openings(|o| {
        o[0].as_table_mut()
            .unwrap()
            .insert("quote_minutes".into(), toml::Value::Integer(0));
    });
    let errs = errors(&zero);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("x.toml: opening[1].quote_minutes:")),
        "{errs:?}"
    );
    let twice = with_openings(|o| {
        let first = o[0].clone();
        o.push(first);
    });
    let errs = errors(&twice);
    assert!(
        errs.iter()
            .any(|e| e.contains("opening") && e.contains("client-council")),
        "{errs:?}"
    );
    let unknown = with_openings(|o| {
        o[0].as_table_mut()
            .unwrap()
            .insert("length".into(), toml::Value::Integer(3));
    });
    assert!(errors(&unknown).iter().any(|e| e.contains("length")));
}
