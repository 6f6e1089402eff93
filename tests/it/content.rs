//! The conversations themselves: what a facilitator relies on when handing out `voer show`.
//! Each test holds one promise about the built-in episodes and the example session.
use std::{collections::BTreeMap, fs, path::Path};

use voer::{
    episode::{Audience, Episode, Library, Prompt},
    i18n,
    session::store,
};

const EXAMPLE: &str =
    "sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml";

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The informal "you" a client council is never addressed with: it is "u" there.
fn informal_you(text: &str) -> Vec<String> {
    const INFORMAL: [&str; 6] = ["je", "jij", "jou", "jouw", "jullie", "jezelf"];
    words(text)
        .filter(|w| INFORMAL.contains(&w.as_str()))
        .collect()
}

fn council_texts(ep: &Episode) -> Vec<String> {
    let a = Audience::ClientCouncil;
    // The opening shows the context to every audience, the quote step the first quote.
    let mut out = vec![ep.context.nl.clone(), ep.main_quote().nl.clone()];
    for p in ep.prompts_for(a).chain(ep.closing_for(a)) {
        out.push(p.text.nl.clone());
        out.extend(p.tip.as_ref().map(|t| t.nl.clone()));
    }
    out
}

#[test]
fn a_client_council_is_addressed_with_u_everywhere() {
    let lib = Library::embedded();
    for ep in lib.episodes() {
        for text in council_texts(ep) {
            assert_eq!(
                informal_you(&text),
                Vec::<String>::new(),
                "{}: {text}",
                ep.id
            );
        }
    }
    // The example session is a client council's meeting: what it shows and what it noted.
    let example = store::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
        .expect("the example session loads");
    assert_eq!(example.session.audience, Audience::ClientCouncil);
    for step in &example.steps {
        for text in [&step.text, &step.notes].into_iter().chain(&step.tip) {
            assert_eq!(informal_you(text), Vec::<String>::new(), "{text}");
        }
    }
    for action in &example.actions {
        assert_eq!(
            informal_you(&action.text),
            Vec::<String>::new(),
            "{}",
            action.text
        );
    }
    // The words the screens show the room during and after a council's meeting.
    let t = &i18n::NL;
    for word in [
        t.step_opening,
        t.step_video,
        t.video_watch,
        t.video_scan,
        t.step_quote,
        t.translation,
        t.step_prompt,
        t.step_closing,
        t.step_summary,
        t.agenda,
        t.paused,
        t.notes,
        t.total,
        t.planned,
        t.actual,
        t.lines,
        t.session_finished_formal,
        t.room_waiting,
        t.room_waiting_sub,
    ] {
        assert_eq!(informal_you(word), Vec::<String>::new(), "{word}");
    }
}

/// A question that asks what already works: appreciative inquiry's discovery. Marked by the
/// words such a question cannot do without in Dutch: what goes or went well (`goed`), what
/// works or worked (`lukt`, `lukte`, `werkt`, `werkte`), what made it possible (`mogelijk`).
fn is_appreciative(p: &Prompt) -> bool {
    const MARKERS: [&str; 6] = ["goed", "lukt", "lukte", "werkt", "werkte", "mogelijk"];
    words(&p.text.nl).any(|w| MARKERS.contains(&w.as_str()))
}

/// A question that starts from what is in the way: Jef's "in de weg", stepping back or aside,
/// letting go, chafing, irritations.
fn is_problem_first(p: &Prompt) -> bool {
    const MARKERS: [&str; 7] = [
        "in de weg",
        "stap terug",
        "stapje terug",
        "stap opzij",
        "loslaten",
        "schuur",
        "ergernis",
    ];
    let text = p.text.nl.to_lowercase();
    MARKERS.iter().any(|m| text.contains(m))
}

#[test]
fn every_audience_is_asked_what_works_before_what_is_in_the_way() {
    let lib = Library::embedded();
    for ep in lib.episodes() {
        for a in Audience::ALL {
            let prompts: Vec<&Prompt> = ep.prompts_for(a).collect();
            let appreciative = prompts.iter().position(|p| is_appreciative(p));
            let Some(appreciative) = appreciative else {
                panic!("{} {a}: no question asks what already works", ep.id);
            };
            if let Some(problem) = prompts.iter().position(|p| is_problem_first(p)) {
                assert!(
                    appreciative < problem,
                    "{} {a}: question {} starts from what is in the way before question {} asks what works",
                    ep.id,
                    problem + 1,
                    appreciative + 1
                );
            }
        }
    }
}

#[test]
fn a_client_council_gets_at_most_three_questions_of_at_least_twelve_minutes() {
    let lib = Library::embedded();
    for ep in lib.episodes() {
        let prompts: Vec<&Prompt> = ep.prompts_for(Audience::ClientCouncil).collect();
        assert!(prompts.len() <= 3, "{}: {} questions", ep.id, prompts.len());
        for p in prompts {
            assert!(
                p.minutes >= 12,
                "{}: {} min: {}",
                ep.id,
                p.minutes,
                p.text.nl
            );
        }
    }
}

#[test]
fn no_tip_is_used_for_two_audiences() {
    // A tip is written for the room it is used in: a council, a board, a team of twelve and a
    // class of twenty-five need different things, also at the first question.
    let lib = Library::embedded();
    let mut seen: BTreeMap<&str, (Audience, &str)> = BTreeMap::new();
    for ep in lib.episodes() {
        for p in ep.prompts.iter().chain(&ep.closing) {
            let Some(tip) = &p.tip else { continue };
            for text in [Some(&tip.nl), tip.en.as_ref()].into_iter().flatten() {
                if let Some((a, id)) = seen.insert(text.as_str(), (p.audience, ep.id.as_str())) {
                    assert_eq!(
                        a, p.audience,
                        "{text:?}: in {id} for {a} and in {} for {}",
                        ep.id, p.audience
                    );
                }
            }
        }
    }
}

/// The seed's words with every run of whitespace made one space, in lower case.
fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[test]
fn words_a_question_quotes_are_the_speakers_own() {
    // A question that puts words between ‘ ’ quotes the speaker: those words are in the
    // seed as they are (a capital at the start of a question aside).
    let lib = Library::embedded();
    for (id, file) in [
        ("vera-jansweijer", "vera-jansweijer.txt"),
        ("jef-mol", "jef-mol.txt"),
    ] {
        let text = seed(file);
        let ep = lib.find(id).expect("built in");
        let mut quoted = 0;
        for p in &ep.prompts {
            for fragment in p.text.nl.split('‘').skip(1) {
                // The closing ’ is the one not followed by a letter (collega’s is one word).
                let chars: Vec<char> = fragment.chars().collect();
                let end = (0..chars.len())
                    .find(|&i| {
                        chars[i] == '’' && !chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
                    })
                    .unwrap_or(chars.len());
                let fragment: String = chars[..end].iter().collect();
                assert!(
                    text.contains(&fragment.to_lowercase()),
                    "{id}: ‘{fragment}’ is not in the seed"
                );
                quoted += 1;
            }
        }
        assert!(quoted > 0, "{id}: the questions quote the speaker");
    }
}

#[test]
fn the_template_and_the_episodes_say_the_numbers_and_titles_are_ours() {
    let template = include_str!("../../prompts/TEMPLATE.toml.example");
    assert!(template.contains("een serie korte video’s"));
    assert!(!template.contains("de serie \"Radicale vernieuwing zorg\""));
    for file in [
        include_str!("../../prompts/vera-jansweijer.toml"),
        include_str!("../../prompts/jef-mol.toml"),
    ] {
        assert!(file.contains("een serie korte video’s"));
        assert!(file.contains("Het nummer"));
    }
}

#[test]
fn the_classroom_runs_use_phases_and_the_council_opens_with_a_round() {
    // A class of 25 works alone, in pairs and in fours before the whole class (1-2-4-All):
    // every classroom question and closing is in timed phases that fill its minutes and
    // start small, and each episode has at least one full 1-2-4-All.
    let lib = Library::embedded();
    for ep in lib.episodes() {
        let a = Audience::Classroom;
        let mut full = 0;
        for p in ep.prompts_for(a).chain(ep.closing_for(a)) {
            let labels: Vec<&str> = p.phases.iter().map(|ph| ph.label.nl.as_str()).collect();
            assert!(labels.len() >= 2, "{}: no phases: {}", ep.id, p.text.nl);
            assert_eq!(
                p.phases.iter().map(|ph| ph.minutes).sum::<u32>(),
                p.minutes,
                "{}: {}",
                ep.id,
                p.text.nl
            );
            assert_ne!(labels[0], "Met de hele klas", "{}: {}", ep.id, p.text.nl);
            if labels.len() == 4 {
                full += 1;
            }
        }
        assert!(full >= 1, "{}: no 1-2-4-All", ep.id);
        // A council of eight to ten starts with each member in turn, by name.
        let first = ep
            .prompts_for(Audience::ClientCouncil)
            .next()
            .expect("a council question");
        assert!(
            first.round,
            "{}: the council's first question is a round",
            ep.id
        );
    }
}
