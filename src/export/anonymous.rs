//! `voer export --anonymous`: the people of a report replaced by numbered words. The
//! participants, the facilitator and the owners of actions become `Deelnemer 1`, `Deelnemer 2`
//! … (`Participant 1` … in English), the same person the same number throughout the report,
//! also where the notes name them: as a whole word, in any case, with or without diacritics
//! (`Ánna` typed as `anna`). The facilitator line is left out. A name typed in the notes that
//! is nobody's in the session cannot be known, and is left as it is (the report says so).
use crate::session::{Session, timing::clean_names};

/// The people of `sessions`, numbered in the order they appear, and their names replaced
/// everywhere a report reads them. `word` is the numbered word: "Deelnemer".
pub fn anonymize(sessions: &mut [Session], word: &str) {
    let people = People::of(sessions);
    let name = |n: usize| format!("{word} {n}");
    for s in sessions {
        let info = &mut s.session;
        info.participants = clean_names(&info.participants)
            .iter()
            .map(|p| people.replace(p, &name))
            .collect();
        info.facilitator = String::new();
        for step in &mut s.steps {
            step.notes = people.replace(&step.notes, &name);
            step.private_notes = people.replace(&step.private_notes, &name);
            if let Some(round) = &mut step.round {
                for n in round.order.iter_mut().chain(round.passed.iter_mut()) {
                    *n = people.replace(n, &name);
                }
            }
        }
        for a in &mut s.actions {
            a.text = people.replace(&a.text, &name);
            if let Some(owner) = &mut a.owner {
                *owner = people.replace(owner, &name);
            }
            // Who a question is for, the organisation's answer: free text, as the notes are.
            for text in [&mut a.due_text, &mut a.to, &mut a.answer]
                .into_iter()
                .flatten()
            {
                *text = people.replace(text, &name);
            }
        }
    }
}

/// A name as words compared without case or diacritics: "Ánna van Dijk" → ["anna", "van", "dijk"].
fn key_words(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(_, _, k)| k).collect()
}

/// The words of a text: start and end (bytes) and the word as compared.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push((s, i, compare(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn compare(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase()
}

/// The people of a report: each name (as key words) with its number.
struct People {
    /// Longest first, so that "Anna de Vries" is replaced before "Anna".
    names: Vec<(Vec<String>, usize)>,
}

impl People {
    fn of(sessions: &[Session]) -> People {
        let mut people = People { names: Vec::new() };
        let mut count = 0;
        // The participants first, in the order given, then the speakers of the rounds, the
        // facilitator and the owners of actions.
        for s in sessions {
            let info = &s.session;
            let rounds = s
                .steps
                .iter()
                .filter_map(|st| st.round.as_ref())
                .flat_map(|r| r.order.iter().chain(&r.passed));
            let owners = s.actions.iter().filter_map(|a| a.owner.as_ref());
            for name in info
                .participants
                .iter()
                .chain(rounds)
                .chain(std::iter::once(&info.facilitator))
                .chain(owners)
            {
                people.add(name, &mut count);
            }
        }
        people
            .names
            .sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        people
    }

    /// Adds a person, unless known. A name of several words is known by its first word too
    /// (people are called by their first name), unless that is someone else's already; a
    /// full name whose first word is a person already is that person ("Anna" and "Anna de
    /// Vries" as owner).
    fn add(&mut self, name: &str, count: &mut usize) {
        let words = key_words(name);
        if words.is_empty() || self.number(&words).is_some() {
            return;
        }
        let first = words[..1].to_vec();
        let number = match self.number(&first) {
            Some(n) if words.len() > 1 => n,
            _ => {
                *count += 1;
                *count
            }
        };
        if words.len() > 1 && self.number(&first).is_none() && first[0].chars().count() > 1 {
            self.names.push((first, number));
        }
        self.names.push((words, number));
    }

    fn number(&self, words: &[String]) -> Option<usize> {
        self.names
            .iter()
            .find(|(w, _)| w.as_slice() == words)
            .map(|(_, n)| *n)
    }

    /// `text` with every name of a person, as whole words, replaced by `name(number)`.
    fn replace(&self, text: &str, name: &impl Fn(usize) -> String) -> String {
        let found = words(text);
        let mut out = String::with_capacity(text.len());
        let (mut i, mut copied) = (0, 0);
        'words: while i < found.len() {
            for (person, number) in &self.names {
                let n = person.len();
                let Some(run) = found.get(i..i + n) else {
                    continue;
                };
                let same = run.iter().zip(person).all(|((_, _, k), p)| k == p);
                // The words of one name stand together: a space or a hyphen between them.
                let together = run
                    .windows(2)
                    .all(|w| is_gap_in_name(&text[w[0].1..w[1].0]));
                if same && together {
                    out.push_str(&text[copied..run[0].0]);
                    out.push_str(&name(*number));
                    copied = run[n - 1].1;
                    i += n;
                    continue 'words;
                }
            }
            i += 1;
        }
        out.push_str(&text[copied..]);
        out
    }
}

fn is_gap_in_name(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().count() <= 3 && gap.chars().all(|c| c == ' ' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(names: &[&str]) -> People {
        let mut p = People { names: Vec::new() };
        let mut count = 0;
        for n in names {
            p.add(n, &mut count);
        }
        p.names.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        p
    }

    fn replaced(p: &People, text: &str) -> String {
        p.replace(text, &|n| format!("D{n}"))
    }

    #[test]
    fn whole_words_in_any_case_with_or_without_diacritics() {
        let p = people(&["Ánna", "Bert", "Marieke Jansen"]);
        assert_eq!(
            replaced(&p, "anna en ANNA, Ánna's idee; Annabel niet. bert: ja"),
            "D1 en D1, D1's idee; Annabel niet. D2: ja"
        );
        assert_eq!(
            replaced(&p, "Marieke Jansen zei het, Marieke ook, jansen niet"),
            "D3 zei het, D3 ook, jansen niet"
        );
    }

    #[test]
    fn a_full_name_of_someone_known_by_first_name_is_that_person() {
        let p = people(&["Anna", "Cor", "anna de Vries"]);
        assert_eq!(replaced(&p, "Anna de Vries belt Cor"), "D1 belt D2");
        assert_eq!(p.number(&key_words("Anna de Vries")), Some(1));
    }
}
