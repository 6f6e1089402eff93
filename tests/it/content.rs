//! The conversations themselves: what a facilitator relies on when handing out `voer show`.
//! Each test holds one promise about the built-in episodes and the example session.
use std::{collections::BTreeMap, fs, path::Path};

use voer::{
    episode::{Audience, Episode, Library, Prompt},
    i18n,
    lang::Lang,
    session::{Meta, Session, StepKind, store},
};

/// When the example session started: any time will do for a plan.
fn example_time() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-20T14:00:00+01:00").expect("a valid time")
}

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

/// The formal "u" that relatives and a council get, and the others do not.
fn formal_you(text: &str) -> Vec<String> {
    words(text).filter(|w| w == "u" || w == "uw").collect()
}

/// Every Dutch text an audience's run shows or its plan prints, with the tips.
fn texts_for(ep: &Episode, a: Audience) -> Vec<String> {
    let mut out = Vec::new();
    let opening = ep.opening_for(a);
    for tip in [&opening.tip, &opening.quote_tip].into_iter().flatten() {
        out.push(tip.nl.clone());
    }
    for p in ep.prompts_for(a).chain(ep.closing_for(a)) {
        out.push(p.text.nl.clone());
        out.extend(p.tip.as_ref().map(|t| t.nl.clone()));
    }
    out
}

fn council_texts(ep: &Episode) -> Vec<String> {
    // The opening shows the context to every audience, the quote step the first quote.
    let mut out = vec![ep.context.nl.clone(), ep.main_quote().nl.clone()];
    out.extend(texts_for(ep, Audience::ClientCouncil));
    out
}

#[test]
fn each_audience_is_addressed_as_the_template_says() {
    // "u" for a client council and for relatives, "je" and "jullie" for the others.
    let lib = Library::embedded();
    for ep in lib.episodes() {
        for a in Audience::ALL {
            for text in texts_for(ep, a) {
                if a.is_addressed_formally() {
                    assert_eq!(
                        informal_you(&text),
                        Vec::<String>::new(),
                        "{} {a}: {text}",
                        ep.id
                    );
                } else {
                    assert_eq!(
                        formal_you(&text),
                        Vec::<String>::new(),
                        "{} {a}: {text}",
                        ep.id
                    );
                }
            }
        }
    }
    let template = include_str!("../../prompts/TEMPLATE.toml.example");
    assert!(template.contains("\"u\" voor een cliëntenraad en voor naasten"));
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
    // Its notes quote with curly quotes, as the episodes do.
    for step in &example.steps {
        assert!(
            !step.notes.contains('"'),
            "a straight quote: {}",
            step.notes
        );
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
fn a_council_plan_fits_an_agenda_item_of_45_minutes_besides_the_video() {
    // A client council's meeting gives a subject 30 to 45 minutes. The opening and the quote
    // are in the plan, so what the agenda and the summary add up is what the room spends.
    let lib = Library::embedded();
    for ep in lib.episodes() {
        let a = Audience::ClientCouncil;
        let s = Session::new(ep, a, &Meta::default(), Lang::Nl, example_time());
        let besides_video: u64 = s
            .steps
            .iter()
            .filter(|st| st.kind != StepKind::Video)
            .map(|st| st.planned_seconds)
            .sum();
        for kind in [StepKind::Opening, StepKind::Quote] {
            let step = s.steps.iter().find(|st| st.kind == kind).expect("a step");
            assert!(
                step.planned_seconds >= 60,
                "{}: {kind:?} is not planned",
                ep.id
            );
        }
        assert!(
            besides_video <= 45 * 60,
            "{}: {} minutes besides the video",
            ep.id,
            besides_video / 60
        );
        assert_eq!(
            u64::from(ep.total_minutes(a)) * 60,
            besides_video + u64::from(ep.video.minutes) * 60,
            "{}: voer list and voer show add up what the run plans",
            ep.id
        );
        assert!(
            ep.prompts_for(a).count() <= 3,
            "{}: more than three questions",
            ep.id
        );
    }
}

#[test]
fn no_tip_is_used_for_two_audiences() {
    // A tip is written for the room it is used in: a council, a board, a team of twelve, a
    // class of twenty-five, relatives, neighbours and regulators need different things, also
    // at the opening and the first question.
    let lib = Library::embedded();
    let mut seen: BTreeMap<&str, (Audience, &str)> = BTreeMap::new();
    for ep in lib.episodes() {
        let prompts = ep
            .prompts
            .iter()
            .chain(&ep.closing)
            .map(|p| (p.audience, &p.tip));
        let openings = ep
            .opening
            .iter()
            .flat_map(|o| [(o.audience, &o.tip), (o.audience, &o.quote_tip)]);
        for (audience, tip) in prompts.chain(openings) {
            let Some(tip) = tip else { continue };
            for text in [Some(&tip.nl), tip.en.as_ref()].into_iter().flatten() {
                if let Some((a, id)) = seen.insert(text.as_str(), (audience, ep.id.as_str())) {
                    assert_eq!(
                        a, audience,
                        "{text:?}: in {id} for {a} and in {} for {audience}",
                        ep.id
                    );
                }
            }
        }
    }
}

/// The seed's words with every run of whitespace made one space.
fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/seeds")
        .join(name);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fragments a text puts between ‘ ’. The closing ’ is the one not followed by a letter
/// (collega’s is one word).
fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for fragment in text.split('‘').skip(1) {
        let chars: Vec<char> = fragment.chars().collect();
        let end = (0..chars.len())
            .find(|&i| chars[i] == '’' && !chars.get(i + 1).is_some_and(|c| c.is_alphabetic()))
            .unwrap_or(chars.len());
        out.push(chars[..end].iter().collect());
    }
    out
}

/// Whether `fragment` is in `seed` as it is, starting where a sentence or a clause of the
/// seed starts: at the start, after punctuation or an opening quote, or after a conjunction.
fn starts_a_clause_of(seed: &str, fragment: &str) -> bool {
    const CONJUNCTIONS: [&str; 7] = ["en", "maar", "dat", "dus", "omdat", "want", "of"];
    // A relative or a subordinate clause starts with its own word: "(een zorg) waar regels …".
    const OPENING: [&str; 6] = ["waar", "die", "dat", "om", "omdat", "wanneer"];
    let first = fragment.split(' ').next().unwrap_or_default();
    if OPENING.contains(&first) && seed.contains(fragment) {
        return true;
    }
    seed.match_indices(fragment).any(|(at, _)| {
        let before = seed[..at].trim_end();
        let Some(last) = before.chars().last() else {
            return true;
        };
        if ".?!:;,“”‘’(…–-".contains(last) {
            return true;
        }
        let word = before.rsplit(' ').next().unwrap_or_default().to_lowercase();
        CONJUNCTIONS.contains(&word.as_str())
    })
}

#[test]
fn words_a_question_quotes_are_the_seeds_own_from_where_its_clause_starts() {
    // Words between ‘ ’ in a question, a closing or the context are the article's, character
    // for character (curly quotes and diacritics too), and start where the article's sentence
    // or clause starts: no capital the article lacks, no half of a phrase. The quotes shown
    // large are the article's word for word.
    let lib = Library::embedded();
    for (id, file) in [
        ("vera-jansweijer", "vera-jansweijer.txt"),
        ("jef-mol", "jef-mol.txt"),
    ] {
        let text = seed(file);
        let ep = lib.find(id).expect("built in");
        for q in &ep.quotes {
            assert!(
                text.contains(&q.nl),
                "{id}: the quote is not in the seed: {}",
                q.nl
            );
        }
        let mut count = 0;
        let texts = ep.prompts.iter().chain(&ep.closing).map(|p| &p.text.nl);
        for t in texts.chain([&ep.context.nl]) {
            for fragment in quoted(t) {
                assert!(
                    text.contains(&fragment),
                    "{id}: ‘{fragment}’ is not in the seed"
                );
                assert!(
                    starts_a_clause_of(&text, &fragment),
                    "{id}: ‘{fragment}’ starts in the middle of the seed's clause"
                );
                count += 1;
            }
        }
        assert!(count > 0, "{id}: the questions quote the speaker");
    }
}

#[test]
fn the_quote_check_knows_a_fragment_that_starts_mid_clause() {
    let text = seed("vera-jansweijer.txt");
    // Round two's board question: a capital the seed lacks.
    assert!(!text.contains("Over de grenzen van zorgorganisaties heen"));
    assert!(starts_a_clause_of(
        &text,
        "over de grenzen van zorgorganisaties heen"
    ));
    // Half of a phrase: "die mensen als passend en helpend ervaren".
    assert!(!starts_a_clause_of(&text, "passend en helpend"));
    assert!(starts_a_clause_of(&text, "Er is veel enthousiasme"));
    assert!(starts_a_clause_of(
        &text,
        "om tot voorzieningen te komen die mensen als passend en helpend ervaren"
    ));
}

/// The questions a text asks: the sentences that end in `?`, with the words it quotes left
/// out (a quoted question is the speaker's, not ours).
fn questions(text: &str) -> Vec<String> {
    let mut own = text.to_string();
    for fragment in quoted(text) {
        own = own.replace(&format!("‘{fragment}’"), "");
    }
    let mut out = Vec::new();
    let mut sentence = String::new();
    for c in own.chars() {
        sentence.push(c);
        if matches!(c, '.' | '!' | '?') {
            if c == '?' {
                out.push(sentence.trim().to_string());
            }
            sentence.clear();
        }
    }
    out
}

/// Whether a question is open: it, or a part of it after a colon ("Jef vraagt: …", "Vraag
/// door: wie …"), starts with a question word (what, who, where, …), perhaps after a
/// preposition or "and" ("Met wie", "By which date", "En wat"), or after a clause of
/// condition ("Als …, wat", "If …, what"). A question that starts with a verb asks for yes
/// or no ("Kun je …?"), or for one of two ("Kwam dat voort uit A, of uit B?").
fn is_open(question: &str) -> bool {
    question.split(':').any(starts_asking)
}

fn starts_asking(question: &str) -> bool {
    const ASKING: &[&str] = &[
        "wat", "wie", "wiens", "waar", "waarom", "wanneer", "hoe", "hoeveel", "welk", "welke",
        "waardoor", "waarover", "waarmee", "waaraan", "waarin", "waarop", "waarvan", "waarvoor",
        "waarbij", "waaruit", "waarnaar", "waartoe", "what", "who", "whom", "whose", "where",
        "when", "why", "how", "which",
    ];
    const BEFORE: &[&str] = &[
        "met", "in", "over", "bij", "voor", "van", "aan", "op", "uit", "tot", "naar", "door", "en",
        "maar", "with", "about", "at", "for", "from", "to", "by", "on", "of", "and", "but", "into",
        "onto",
    ];
    const CONDITION: [&str; 4] = ["als", "stel", "if", "suppose"];
    let words: Vec<String> = words(question).collect();
    let asks = |w: &[String]| match w {
        [first, ..] if ASKING.contains(&first.as_str()) => true,
        [first, second, ..] => {
            BEFORE.contains(&first.as_str()) && ASKING.contains(&second.as_str())
        }
        _ => false,
    };
    if words
        .first()
        .is_some_and(|w| CONDITION.contains(&w.as_str()))
        && let Some((_, rest)) = question.split_once(',')
    {
        return starts_asking(rest);
    }
    asks(&words)
}

#[test]
fn the_closed_question_check_knows_yes_no_and_either_or() {
    for closed in [
        "Kun je ook als zorgprofessional in de weg lopen?",
        "Can you get in the way as a care professional too?",
        "Kwam dat voort uit een probleem, of uit wat cliënten en collega’s er echt aan hebben?",
        "Did it come from a problem, or from what clients and colleagues truly gain from it?",
        "Jef vraagt: ‘Wanneer loop je als zorgorganisatie in de weg?’ Kun je dat ook?",
    ] {
        assert!(
            questions(closed).iter().any(|q| !is_open(q)),
            "not seen as closed: {closed}"
        );
    }
    for open in [
        "Jef vraagt: ‘Wanneer loop je als zorgorganisatie in de weg?’ Hoe merk je dat?",
        "Als de buurt meer te zeggen krijgt, wat betekent dat voor je vak?",
        "Met wie in onze regio willen we daarover in gesprek?",
        "Who does what, and by which date?",
        "Vraag door: wie, waar en wanneer?",
        "Welk contact gaat al goed: buren, vrijwilligers of de winkel om de hoek?",
    ] {
        assert!(
            questions(open).iter().all(|q| is_open(q)),
            "seen as closed: {open}"
        );
    }
}

#[test]
fn no_question_asks_for_yes_or_no_or_for_one_of_two() {
    // An open question (what, how, where) lets a group tell; a closed one lets it answer in a
    // word. Checked in both languages, in every question and closing.
    let lib = Library::embedded();
    let mut closed = Vec::new();
    for ep in lib.episodes() {
        for p in ep.prompts.iter().chain(&ep.closing) {
            for text in [Some(&p.text.nl), p.text.en.as_ref()].into_iter().flatten() {
                for q in questions(text) {
                    if !is_open(&q) {
                        closed.push(format!("{} {}: {q}", ep.id, p.audience));
                    }
                }
            }
        }
    }
    assert!(
        closed.is_empty(),
        "closed questions:\n{}",
        closed.join("\n")
    );
}

#[test]
fn every_audience_has_three_questions_or_more_and_one_closing_in_each_episode() {
    let lib = Library::embedded();
    for ep in lib.episodes() {
        for a in Audience::ALL {
            let n = ep.prompts_for(a).count();
            assert!(n >= 3, "{} {a}: {n} questions", ep.id);
            let closings = ep.closing.iter().filter(|p| p.audience == a).count();
            assert_eq!(closings, 1, "{} {a}: {closings} closings", ep.id);
            assert!(
                ep.opening
                    .iter()
                    .any(|o| o.audience == a && o.tip.is_some()),
                "{} {a}: the opening is not planned, or has no tip",
                ep.id
            );
        }
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

/// Every question and closing of an audience, in Dutch, as one lower-case text.
fn questions_of(ep: &Episode, a: Audience) -> String {
    ep.prompts_for(a)
        .chain(ep.closing_for(a))
        .map(|p| p.text.nl.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_new_audiences_are_asked_about_their_own_part() {
    let lib = Library::embedded();
    for ep in lib.episodes() {
        // Regulators and policy makers: their own rules and protocols, and stepping aside.
        let oversight = questions_of(ep, Audience::Oversight);
        assert!(
            oversight.contains("regels, protocollen"),
            "{}: {oversight}",
            ep.id
        );
        assert!(oversight.contains("stap opzij"), "{}: {oversight}", ep.id);
        // Citizens: what they already organise themselves, and what they need of care.
        let citizens = questions_of(ep, Audience::Citizens);
        assert!(citizens.contains("al zelf"), "{}: {citizens}", ep.id);
        assert!(citizens.contains("nodig van"), "{}: {citizens}", ep.id);
        // Relatives: their place beside the client, as the article names them.
        let relatives = questions_of(ep, Audience::Relatives);
        assert!(
            relatives.contains("net als naasten"),
            "{}: {relatives}",
            ep.id
        );
    }
}

#[test]
fn the_articles_own_words_for_what_it_is_about_are_asked_about() {
    // "Waardevol leven" opens both articles; "Van regels naar relaties" is one of Vera's
    // keywords.
    let lib = Library::embedded();
    for ep in lib.episodes() {
        let all: String = ep
            .prompts
            .iter()
            .map(|p| p.text.nl.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(all.contains("Waardevol leven"), "{}", ep.id);
    }
    let vera = lib.find("vera-jansweijer").expect("built in");
    assert!(
        vera.prompts
            .iter()
            .any(|p| p.text.nl.contains("Van regels naar relaties"))
    );
}

#[test]
fn a_classroom_plan_fits_a_lesson_and_keeps_professional_secrecy() {
    let lib = Library::embedded();
    for ep in lib.episodes() {
        let opening = ep.opening_for(Audience::Classroom);
        let tip = opening.tip.expect("a classroom opening tip");
        // What to drop in a 50-minute lesson, what to add in a 90-minute block.
        assert!(
            tip.nl.contains("50 minuten") && tip.nl.contains("90 minuten"),
            "{}",
            ep.id
        );
        let en = tip.en.expect("in English too");
        assert!(
            en.contains("50-minute") && en.contains("90-minute"),
            "{}",
            ep.id
        );
        // Students tell about clients from their placement: without anything that names them.
        assert!(tip.nl.contains("beroepsgeheim"), "{}", ep.id);
        assert!(en.contains("confidentiality"), "{}", ep.id);
        // Five minutes of a 50-minute lesson go to moving chairs and finding pairs.
        assert!(ep.total_minutes(Audience::Classroom) <= 45, "{}", ep.id);
    }
}

#[test]
fn one_name_for_each_liberating_structure() {
    for (name, text) in [
        (
            "template",
            include_str!("../../prompts/TEMPLATE.toml.example"),
        ),
        ("vera", include_str!("../../prompts/vera-jansweijer.toml")),
        ("jef", include_str!("../../prompts/jef-mol.toml")),
    ] {
        assert!(
            !text.contains("1-2-4-iedereen"),
            "{name}: 1-2-4-allen it is"
        );
    }
}

#[test]
fn the_video_step_reminds_to_switch_on_the_subtitles_and_check_the_sound() {
    let lib = Library::embedded();
    for ep in lib.episodes() {
        let tip = ep.video.tip.as_ref().expect("a video tip");
        let (nl, en) = (tip.nl.to_lowercase(), tip.get(Lang::En).to_lowercase());
        assert!(
            nl.contains("ondertiteling aan") && nl.contains("geluid"),
            "{}: {nl}",
            ep.id
        );
        assert!(
            en.contains("switch on the subtitles") && en.contains("sound"),
            "{}: {en}",
            ep.id
        );
    }
}
