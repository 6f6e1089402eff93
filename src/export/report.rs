//! What every report format shows, decided once: which groups, in which order, and which notes
//! belong under which question. The format modules only lay this out.
//!
//! Sessions that answered the same questions (same episode, audience and step texts) form one
//! [`Part`]: per question, the notes of each group under it. Any other session gets a part of
//! its own. Input order is kept, both for parts and for groups.
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::{
    episode::Audience,
    i18n::{self, Texts, fill},
    lang::Lang,
    session::{Action, Session, SessionInfo, Status, StepKind, group_key},
};

pub struct Report<'a> {
    pub lang: Lang,
    pub t: &'static Texts,
    /// One per session, in the order the files were given.
    pub groups: Vec<Group<'a>>,
    pub parts: Vec<Part<'a>>,
    /// The people were replaced by numbers (`--anonymous`): the report says so at the top.
    pub anonymous: bool,
}

/// One session seen as a group in the room.
pub struct Group<'a> {
    pub info: &'a SessionInfo,
    /// The group's name, or a neutral label when it was left empty.
    pub name: String,
    /// What a heading over this session's notes says: the name, with the date when the
    /// report holds another meeting of the same group (a group's year: `--group`).
    pub heading: String,
    /// What the group agreed, in the order it was recorded.
    pub actions: &'a [Action],
}

/// Sessions that answered the same questions.
pub struct Part<'a> {
    /// The first session's info; episode and audience are the same for every member.
    pub info: &'a SessionInfo,
    pub quote: Option<&'a str>,
    /// The Dutch original, when `quote` is a translation.
    pub quote_original: Option<&'a str>,
    /// Indexes into [`Report::groups`].
    pub members: Vec<usize>,
    pub blocks: Vec<Block<'a>>,
}

/// One step of the conversation with what each group said there.
pub struct Block<'a> {
    pub kind: StepKind,
    /// 1, 2, … for prompts (within their episode, in a meeting of several); 0 for the other
    /// kinds.
    pub number: usize,
    pub text: &'a str,
    /// The Dutch words of a translated quote.
    pub original: Option<&'a str>,
    /// In a meeting of several: the episode the step belongs to (none for the opening and the
    /// closing).
    pub episode: Option<&'a str>,
    /// Where the video is (video step).
    pub url: Option<&'a str>,
    /// One per member of the part that has this step, in the same order.
    pub entries: Vec<Entry<'a>>,
}

pub struct Entry<'a> {
    pub group: usize,
    /// The episode's own plan for the step.
    pub episode_seconds: u64,
    /// The plan as it stood at the end (re-planned to end on time, or a minute more or less).
    pub planned_seconds: u64,
    pub actual_seconds: u64,
    pub notes: &'a str,
    /// The facilitator's private notes: empty unless the report was asked to hold them.
    pub private_notes: &'a str,
}

impl Entry<'_> {
    pub fn has_notes(&self) -> bool {
        !self.notes.trim().is_empty()
    }

    pub fn has_private_notes(&self) -> bool {
        !self.private_notes.trim().is_empty()
    }
}

impl Block<'_> {
    pub fn has_notes(&self) -> bool {
        self.entries.iter().any(Entry::has_notes)
    }

    /// Opening and quote steps are not questions: they only appear when someone wrote there.
    pub fn is_shown(&self) -> bool {
        self.kind.is_timed()
            || self.has_notes()
            || self.entries.iter().any(Entry::has_private_notes)
    }
}

/// Whole minutes, rounded to the nearest (the JSON export's figure).
pub fn minutes(seconds: u64) -> u64 {
    seconds.saturating_add(30) / 60
}

/// A time as a reader should see it: "5 min" when it is whole minutes, else "1:22", so that
/// 82 seconds do not read as 1 minute and a short step with notes not as 0.
pub fn duration(seconds: u64) -> String {
    if seconds.is_multiple_of(60) {
        format!("{} min", seconds / 60)
    } else {
        format!("{}:{:02}", seconds / 60, seconds % 60)
    }
}

impl<'a> Report<'a> {
    /// `lang` overrides the language of the first session for the interface words.
    pub fn new(sessions: &'a [Session], lang: Option<Lang>) -> Report<'a> {
        let lang = lang
            .or_else(|| sessions.first().map(|s| s.session.language))
            .unwrap_or_default();
        let t = i18n::texts(lang);
        let mut groups: Vec<Group> = sessions
            .iter()
            .map(|s| {
                let name = match s.session.group.trim() {
                    "" => t.export_unnamed_group.to_string(),
                    g => g.to_string(),
                };
                Group {
                    info: &s.session,
                    heading: name.clone(),
                    name,
                    actions: &s.actions,
                }
            })
            .collect();
        date_the_headings(&mut groups, lang);
        let mut parts: Vec<Part<'a>> = Vec::new();
        let mut keys: Vec<Key<'a>> = Vec::new();
        for (i, s) in sessions.iter().enumerate() {
            let key = key(s);
            match keys.iter().position(|k| *k == key) {
                Some(p) => join(&mut parts[p], i, s),
                None => {
                    keys.push(key);
                    parts.push(new_part(i, s));
                }
            }
        }
        Report {
            lang,
            t,
            groups,
            parts,
            anonymous: false,
        }
    }

    /// "Verslag: <episode title>" when all groups answered the same questions,
    /// "Verslag: 3 gesprekken" otherwise.
    pub fn title(&self) -> String {
        match self.parts.as_slice() {
            [only] => format!("{}: {}", self.t.export_report, self.titles(only.info)),
            _ => format!(
                "{}: {}",
                self.t.export_report,
                fill(self.t.export_conversations, [&self.groups.len()])
            ),
        }
    }

    /// Label of a block: "Vraag 2", "Afsluiting: wat nemen we mee?", "Opening", …
    pub fn block_label(&self, b: &Block) -> String {
        match b.kind {
            // A report says more than the agenda's word where there is room for it.
            StepKind::Quote => self.t.export_quote_notes.to_string(),
            StepKind::Closing => self.t.closing_heading.to_string(),
            kind => kind.label(b.number, self.t),
        }
    }

    pub fn minutes_line(&self, e: &Entry) -> String {
        if e.episode_seconds != e.planned_seconds {
            return fill(
                self.t.export_minutes_replanned,
                [
                    &duration(e.episode_seconds),
                    &duration(e.planned_seconds),
                    &duration(e.actual_seconds),
                ],
            );
        }
        fill(
            self.t.export_minutes,
            [&duration(e.planned_seconds), &duration(e.actual_seconds)],
        )
    }

    pub fn episode_line(&self, info: &SessionInfo) -> String {
        format!("{}: {}", self.numbers(info), self.titles(info))
    }

    /// "Aflevering 4", or for a meeting of several "Afleveringen 1, 4".
    pub fn numbers(&self, info: &SessionInfo) -> String {
        if !info.is_series() {
            return fill(self.t.episode_number, [&info.episode_number]);
        }
        let numbers: Vec<String> = info
            .episode_list()
            .iter()
            .map(|e| e.number.to_string())
            .collect();
        format!("{} {}", self.t.series.episodes_label, numbers.join(", "))
    }

    /// The episode's title, or the titles of a meeting of several: "De droom wordt groter en
    /// Cliënten met professionals aan het stuur".
    pub fn titles(&self, info: &SessionInfo) -> String {
        if !info.is_series() {
            return info.episode_title.clone();
        }
        let titles: Vec<String> = info.episode_list().into_iter().map(|e| e.title).collect();
        titles.join(&format!(" {} ", self.t.series.letter_and))
    }

    /// "Jef Mol, bestuurder Santé Partners"
    pub fn speaker_line(&self, info: &SessionInfo) -> String {
        match info.speaker_role.trim() {
            "" => info.speaker.clone(),
            role => format!("{}, {role}", info.speaker),
        }
    }

    pub fn audience_name(&self, a: Audience) -> &'static str {
        a.name(self.lang)
    }

    /// "20 november 2026"
    pub fn date(&self, at: &DateTime<FixedOffset>) -> String {
        date(self.t, at)
    }

    /// "14:00–14:52", with the end's date when it is another day, and a word when unfinished.
    pub fn time_span(&self, info: &SessionInfo) -> String {
        let start = info.started_at;
        let end = info.finished_at.unwrap_or(info.updated_at);
        let end_text = if end.date_naive() == start.date_naive() {
            end.format("%H:%M").to_string()
        } else {
            format!("{} {}", self.date(&end), end.format("%H:%M"))
        };
        let mut out = format!("{}–{end_text}", start.format("%H:%M"));
        if info.status == Status::InProgress {
            out.push_str(&format!(" ({})", self.t.export_not_finished));
        }
        out
    }

    /// "20 november 2026, 14:00–14:52"
    pub fn when(&self, info: &SessionInfo) -> String {
        format!("{}, {}", self.date(&info.started_at), self.time_span(info))
    }

    /// One line about a group for the list of groups:
    /// "Cliëntenraad De Linde — gespreksleider Marieke Jansen — 20 november 2026, 14:00–14:52";
    /// `with_episode` adds episode and audience, for reports that mix them.
    pub fn group_line(&self, g: &Group, with_episode: bool) -> String {
        let mut bits = vec![g.name.clone()];
        if with_episode {
            bits.push(self.numbers(g.info));
            bits.push(self.audience_name(g.info.audience).to_string());
        }
        if !g.info.facilitator.trim().is_empty() {
            bits.push(format!(
                "{} {}",
                self.t.facilitator.to_lowercase(),
                g.info.facilitator.trim()
            ));
        }
        bits.push(self.when(g.info));
        bits.join(" — ")
    }

    /// The actions of a group as table rows: what, who, when, done.
    pub fn action_rows(&self, g: &Group) -> Vec<Vec<String>> {
        let w = self.t.actions;
        g.actions
            .iter()
            .filter(|a| !a.is_question())
            .map(|a| {
                vec![
                    a.text.trim().to_string(),
                    a.owner.clone().unwrap_or_default(),
                    crate::actions::due_label(a, self.lang),
                    if a.done { w.yes } else { w.no }.to_string(),
                ]
            })
            .collect()
    }

    /// The questions for the organisation of a group as table rows: the question, to whom,
    /// answer by, the answer (with its date) when there is one.
    pub fn question_rows(&self, g: &Group) -> Vec<Vec<String>> {
        g.actions
            .iter()
            .filter(|a| a.is_question())
            .map(|a| {
                let answer = match (a.answer.as_deref(), a.answered_at) {
                    (Some(text), Some(at)) if a.is_answered() => {
                        format!("{} ({})", text.trim(), self.date(&at))
                    }
                    (Some(text), None) if a.is_answered() => text.trim().to_string(),
                    _ => String::new(),
                };
                vec![
                    a.text.trim().to_string(),
                    crate::actions::questions::to_label(a, self.lang),
                    crate::actions::due_label(a, self.lang),
                    answer,
                ]
            })
            .collect()
    }

    /// "Aflevering 4: Cliënten met professionals aan het stuur", for an episode of a meeting of
    /// several.
    pub fn section_line(&self, f: &crate::session::EpisodeFacts) -> String {
        format!("{}: {}", fill(self.t.episode_number, [&f.number]), f.title)
    }

    /// Whether the reader needs a list of groups at the top: only when there are several.
    pub fn lists_groups(&self) -> bool {
        self.groups.len() > 1
    }
}

fn date(t: &Texts, at: &DateTime<FixedOffset>) -> String {
    let month = t.export_months[at.month0() as usize % 12];
    format!("{} {month} {}", at.day(), at.year())
}

/// Several meetings of one group (the same [`group_key`]) are told apart by their date, and
/// by the time as well when they were on the same day.
fn date_the_headings(groups: &mut [Group], lang: Lang) {
    let met: Vec<(Option<String>, NaiveDate)> = groups
        .iter()
        .map(|g| (group_key(&g.info.group), g.info.started_at.date_naive()))
        .collect();
    let t = i18n::texts(lang);
    for (i, g) in groups.iter_mut().enumerate() {
        let (key, day) = &met[i];
        let others = || {
            met.iter()
                .enumerate()
                .filter(|(j, (k, _))| *j != i && k == key)
        };
        if key.is_none() || others().next().is_none() {
            continue;
        }
        let at = &g.info.started_at;
        g.heading = format!("{}, {}", g.name, date(t, at));
        if others().any(|(_, (_, d))| d == day) {
            g.heading.push_str(&at.format(" %H:%M").to_string());
        }
    }
}

/// Sessions with equal keys answered the same questions, in the same steps. The texts of the
/// opening and the quote are left out: they are not questions. The texts of the questions are
/// in: a group that answered other words (another language, an edited episode) gets its own part.
/// The video step is left out: sessions saved before it existed have none, and are still the
/// same conversation. A meeting of several episodes is the same conversation only as another
/// meeting of the same episodes, in the same order.
#[derive(PartialEq)]
struct Key<'a> {
    episode: &'a str,
    audience: Audience,
    steps: Vec<(StepKind, Option<&'a str>, Option<&'a str>)>,
}

fn key(s: &Session) -> Key<'_> {
    Key {
        episode: &s.session.episode,
        audience: s.session.audience,
        steps: s
            .steps
            .iter()
            .filter(|st| st.kind != StepKind::Video)
            .map(|st| {
                (
                    st.kind,
                    st.kind.is_question().then_some(st.text.as_str()),
                    st.episode.as_deref(),
                )
            })
            .collect(),
    }
}

fn new_part(index: usize, s: &Session) -> Part<'_> {
    let blocks = s
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let number = if st.kind == StepKind::Prompt {
                // "Vraag 2" as the agenda says it: counted within the episode.
                s.steps[..=i]
                    .iter()
                    .filter(|x| x.kind == StepKind::Prompt && x.episode == st.episode)
                    .count()
            } else {
                0
            };
            Block {
                kind: st.kind,
                number,
                text: &st.text,
                original: st.original.as_deref(),
                episode: st.episode.as_deref(),
                url: st.url.as_deref(),
                entries: vec![entry(index, st)],
            }
        })
        .collect();
    Part {
        info: &s.session,
        quote: s.quote(),
        quote_original: s.quote_original(),
        members: vec![index],
        blocks,
    }
}

/// Adds a session with the same steps. Apart from a video step, which one of them may lack,
/// they line up one to one (the key guarantees it): each step goes to the next block of its
/// kind, and a video step the part has no block for gets one in its place.
fn join<'a>(part: &mut Part<'a>, index: usize, s: &'a Session) {
    part.members.push(index);
    let mut at = 0;
    for st in &s.steps {
        match part.blocks[at..].iter().position(|b| b.kind == st.kind) {
            Some(skip) => {
                at += skip;
                part.blocks[at].entries.push(entry(index, st));
            }
            None => part.blocks.insert(
                at,
                Block {
                    kind: st.kind,
                    number: 0,
                    text: &st.text,
                    original: st.original.as_deref(),
                    episode: st.episode.as_deref(),
                    url: st.url.as_deref(),
                    entries: vec![entry(index, st)],
                },
            ),
        }
        at += 1;
    }
}

fn entry(group: usize, st: &crate::session::Step) -> Entry<'_> {
    Entry {
        group,
        episode_seconds: st.episode_seconds,
        planned_seconds: st.planned_seconds,
        actual_seconds: st.elapsed_seconds,
        notes: &st.notes,
        private_notes: &st.private_notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_show_seconds_where_minutes_would_hide_them() {
        assert_eq!(duration(300), "5 min");
        assert_eq!(duration(82), "1:22");
        assert_eq!(duration(14), "0:14");
        assert_eq!(duration(0), "0 min");
        assert_eq!(duration(3605), "60:05");
    }

    #[test]
    fn minutes_round_to_nearest() {
        assert_eq!(minutes(0), 0);
        assert_eq!(minutes(29), 0);
        assert_eq!(minutes(30), 1);
        assert_eq!(minutes(600), 10);
        assert_eq!(minutes(629), 10);
    }
}
