//! A lived-in sessions folder: what years of meetings leave behind, the same from the same seed.
//!
//! No user has an empty sessions folder: a council that meets monthly has dozens of sessions
//! after two years, an organisation that shares one folder for thirty groups has thousands.
//! [`generate`] makes such a folder: `sessions` session files over several groups (about forty
//! meetings a group, a month apart, each about the size of the example session), most finished
//! and some left in progress, with the agreements of each meeting (older ones mostly done),
//! a few files voer cannot read (cut off, not UTF-8, too new, empty, another program's TOML,
//! unreadable by permission), lock files that a killed run left behind, a file of another
//! program, and the example session that comes with voer.
//!
//! Used by the room and run tests (`tests/it`, `tests/pty`, through `#[path]`) and by the
//! measurement scripts in `benches/` (through `examples/lived_in.rs`):
//!
//! ```text
//! cargo run --release --example lived_in -- /tmp/lived --sessions 5000 --seed 1
//! ```
#![allow(dead_code)] // each user takes its own part

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
    time::SystemTime,
};

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use voer::{
    actions,
    episode::{Audience, Episode, Library},
    lang::Lang,
    session::{Action, Meta, Session, Status, StepKind},
};

/// The example session as voer ships it.
const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);
/// Its file name in the folder.
const EXAMPLE_NAME: &str =
    "voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml";

/// The first group, a client council, always there: the tests and benchmarks run its next meeting.
pub const FIRST_GROUP: &str = "Cliëntenraad De Linde";

/// What to make.
#[derive(Debug, Clone)]
pub struct Spec {
    /// How many session files of one's own (the example and the other files come on top).
    pub sessions: usize,
    pub seed: u64,
    /// The newest meeting is before this moment; the others go back a month at a time.
    pub until: DateTime<FixedOffset>,
}

impl Spec {
    /// `sessions` sessions from `seed`, the newest before 30 November 2026.
    pub fn new(sessions: usize, seed: u64) -> Spec {
        Spec {
            sessions,
            seed,
            until: FixedOffset::east_opt(3600)
                .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).single())
                .expect("a valid time"),
        }
    }
}

/// What was made.
#[derive(Debug, Clone)]
pub struct Folder {
    pub dir: PathBuf,
    /// The readable sessions of one's own, in the order they were made.
    pub sessions: Vec<Made>,
    /// The session files voer cannot read.
    pub unreadable: Vec<PathBuf>,
    /// The groups' names, [`FIRST_GROUP`] first.
    pub groups: Vec<String>,
    /// The example session.
    pub example: PathBuf,
}

/// One session file.
#[derive(Debug, Clone)]
pub struct Made {
    pub path: PathBuf,
    pub group: String,
    pub started_at: DateTime<FixedOffset>,
    pub finished: bool,
    pub actions: Vec<Action>,
}

impl Folder {
    /// The open actions of `group`'s sessions, oldest meeting first: what its next meeting
    /// shows on the opening.
    pub fn open_actions(&self, group: &str) -> Vec<&Action> {
        let mut made: Vec<&Made> = self.sessions.iter().filter(|m| m.group == group).collect();
        made.sort_by_key(|m| m.started_at);
        made.iter()
            .flat_map(|m| m.actions.iter().filter(|a| !a.done))
            .collect()
    }

    /// Every file in the folder.
    pub fn files(&self) -> usize {
        fs::read_dir(&self.dir).map_or(0, |d| d.count())
    }
}

/// Makes the folder `dir` (owner-only), which must be empty or not there yet.
pub fn generate(dir: &Path, spec: &Spec) -> io::Result<Folder> {
    make_dir(dir)?;
    if fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty: a lived-in folder is made in an empty one",
                dir.display()
            ),
        ));
    }
    let mut rng = Rng::new(spec.seed);
    let library = Library::embedded();
    let groups = groups(spec.sessions, &mut rng);
    // Each group's meetings, a month apart (give or take a week), back from `until`.
    let mut per_group = vec![0usize; groups.len()];
    let order: Vec<usize> = (0..spec.sessions).map(|i| i % groups.len()).collect();
    for &g in &order {
        per_group[g] += 1;
    }
    let mut folder = Folder {
        dir: dir.to_path_buf(),
        sessions: Vec::new(),
        unreadable: Vec::new(),
        groups: groups.iter().map(|g| g.name.clone()).collect(),
        example: dir.join(EXAMPLE_NAME),
    };
    let mut taken = std::collections::HashSet::new();
    let mut seen = vec![0usize; groups.len()];
    for &g in &order {
        let group = &groups[g];
        let k = seen[g];
        seen[g] += 1;
        // k counts from the oldest; the last few of a group are its recent meetings.
        let months_back = (per_group[g] - k) as i64;
        // In the day, between 9:00 and 20:45.
        let day = spec.until.date_naive()
            - Duration::days(30 * months_back)
            - Duration::days(rng.below(7) as i64);
        let time =
            chrono::NaiveTime::from_hms_opt(9 + rng.below(12) as u32, 15 * rng.below(4) as u32, 0)
                .expect("a valid time");
        let started = spec
            .until
            .timezone()
            .from_local_datetime(&day.and_time(time))
            .single()
            .expect("a fixed offset has every time");
        let recent = per_group[g] - k <= 3;
        let episodes: Vec<&Episode> = library
            .episodes()
            .iter()
            .filter(|e| e.prompts_for(group.audience).next().is_some())
            .collect();
        let episode = episodes[rng.below(episodes.len())];
        let session = meeting(episode, group, started, recent, &mut rng, &mut taken);
        let path = write_session(dir, &session)?;
        folder.sessions.push(Made {
            path,
            group: group.name.clone(),
            started_at: session.session.started_at,
            finished: session.session.status == Status::Finished,
            actions: session.actions.clone(),
        });
    }
    fs::write(&folder.example, EXAMPLE)?;
    private(&folder.example)?;
    age(
        &folder.example,
        FixedOffset::east_opt(3600)
            .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 20, 15, 0, 0).single())
            .expect("a valid time"),
    )?;
    folder.unreadable = unreadable(dir, spec.sessions)?;
    leftovers(dir, &folder, &mut rng)?;
    Ok(folder)
}

/// A group: its name and the audience its meetings are for.
struct Group {
    name: String,
    audience: Audience,
}

/// About forty meetings a group, at least three groups; [`FIRST_GROUP`] first.
fn groups(sessions: usize, rng: &mut Rng) -> Vec<Group> {
    const PLACES: [&str; 12] = [
        "De Linde",
        "Het Anker",
        "De Wilgen",
        "Zonnehof",
        "De Beuk",
        "Het Baken",
        "Rivierduin",
        "De Horst",
        "Ruwaard",
        "Elckerlyc",
        "De Vijverhof",
        "Sint Jozef",
    ];
    let count = (sessions / 40).max(3);
    let mut out = vec![Group {
        name: FIRST_GROUP.to_string(),
        audience: Audience::ClientCouncil,
    }];
    let mut names = std::collections::HashSet::new();
    names.insert(voer::session::slug(FIRST_GROUP));
    while out.len() < count {
        let place = PLACES[rng.below(PLACES.len())];
        let (audience, name) = match rng.below(4) {
            0 => (Audience::ClientCouncil, format!("Cliëntenraad {place}")),
            1 => (Audience::Board, format!("Raad van toezicht {place}")),
            2 => (
                Audience::Team,
                format!(
                    "Team {place} {}",
                    ["noord", "zuid", "nacht", "dag"][rng.below(4)]
                ),
            ),
            _ => (
                Audience::Classroom,
                format!(
                    "Klas {}{} Verzorgende IG",
                    1 + rng.below(4),
                    ["A", "B", "C"][rng.below(3)]
                ),
            ),
        };
        let name = if names.contains(&voer::session::slug(&name)) {
            format!("{name} {}", out.len())
        } else {
            name
        };
        names.insert(voer::session::slug(&name));
        out.push(Group { name, audience });
    }
    out
}

const FIRST_NAMES: [&str; 16] = [
    "Truus", "Henk", "Ali", "Gerda", "Wim", "Fatma", "Joke", "Kees", "Anouk", "Sevda", "Bram",
    "Noor", "Jan", "Ineke", "Mohamed", "Zoë",
];
const FACILITATORS: [&str; 5] = [
    "Marieke Jansen",
    "Anna de Vries",
    "Peter Bakker",
    "Yasmina El Amrani",
    "Ruud Hendriks",
];
const WORDS: [&str; 48] = [
    "bewoners",
    "naasten",
    "zeggenschap",
    "de tuin",
    "het team",
    "de bestuurder",
    "vertrouwen",
    "tijd",
    "koffie",
    "de huiskamer",
    "een voorstel",
    "de dagbesteding",
    "het rooster",
    "een vast gezicht",
    "meebeslissen",
    "de maaltijd",
    "samen",
    "vrijwilligers",
    "het budget",
    "de wijk",
    "cliënten",
    "professionals",
    "eigen regie",
    "luisteren",
    "ruimte",
    "de regels",
    "een proef",
    "drie maanden",
    "het verslag",
    "de agenda",
    "privacy",
    "zorgen",
    "‘samen aan het stuur’",
    "de organisatie",
    "stapje terug",
    "de buurt",
    "uitstapjes",
    "bezoektijden",
    "de kalender",
    "aanspreekpunt",
    "€ 500",
    "verbeteren",
    "terugkoppeling",
    "mantelzorg",
    "de nacht",
    "rust",
    "overleg",
    "afspraken",
];
const ACTIONS: [&str; 8] = [
    "Het voorstel schrijven en rondsturen",
    "Op de agenda zetten van het overleg met de bestuurder",
    "Navragen bij het team hoe het rooster nu gemaakt wordt",
    "Een proef van drie maanden voorbereiden",
    "Het verslag delen met de leden die er niet waren",
    "Uitzoeken welk budget er is voor de huiskamer",
    "Vragen aan de vrijwilligers of zij de koffieochtend willen draaien",
    "Terugkoppelen aan de bewoners wat er besloten is",
];

/// One meeting of `group`: notes on every step, agreements at the closing; finished, or
/// (now and then) left in progress.
fn meeting(
    episode: &Episode,
    group: &Group,
    started: DateTime<FixedOffset>,
    recent: bool,
    rng: &mut Rng,
    taken: &mut std::collections::HashSet<String>,
) -> Session {
    let participants: Vec<String> = (0..4 + rng.below(5))
        .map(|_| FIRST_NAMES[rng.below(FIRST_NAMES.len())].to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let meta = Meta {
        group: group.name.clone(),
        facilitator: FACILITATORS[rng.below(FACILITATORS.len())].to_string(),
        participants: participants.clone(),
        until: None,
    };
    let mut s = Session::new(episode, group.audience, &meta, Lang::Nl, started);
    for step in &mut s.steps {
        step.elapsed_seconds = step.planned_seconds.max(60) + rng.below(120) as u64;
        let lines = match step.kind {
            StepKind::Prompt | StepKind::Closing => 2 + rng.below(5),
            StepKind::Opening => rng.below(3),
            _ => 0,
        };
        step.notes = (0..lines)
            .map(|_| sentence(rng))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let closing = s.steps.len().saturating_sub(1);
    let file_name = s.file_name();
    for i in 0..rng.below(5) {
        let created_at = started + Duration::minutes(40 + rng.below(15) as i64);
        let seed = actions::id_seed(&file_name, &created_at, i);
        let id = actions::new_id(&seed, |id| taken.contains(id));
        taken.insert(id.clone());
        s.actions.push(Action {
            id,
            text: ACTIONS[rng.below(ACTIONS.len())].to_string(),
            owner: Some(participants[rng.below(participants.len())].clone()),
            due: Some((started + Duration::days(14 + rng.below(40) as i64)).date_naive()),
            due_text: None,
            // What was agreed long ago is mostly done by now.
            done: rng.below(100) < if recent { 30 } else { 95 },
            step: closing,
            created_at,
            ..Action::default()
        });
    }
    let in_progress = rng.below(100) < 7;
    let info = &mut s.session;
    if in_progress {
        info.status = Status::InProgress;
        info.current_step = rng.below(s.steps.len());
        info.paused = true;
        info.updated_at = started + Duration::minutes(5 + rng.below(50) as i64);
    } else {
        info.status = Status::Finished;
        info.current_step = s.steps.len();
        info.updated_at = started + Duration::minutes(60 + rng.below(35) as i64);
        info.finished_at = Some(info.updated_at);
    }
    s
}

/// A line of notes, as a facilitator types them while people talk.
fn sentence(rng: &mut Rng) -> String {
    let who = FIRST_NAMES[rng.below(FIRST_NAMES.len())];
    let words: Vec<&str> = (0..6 + rng.below(10))
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect();
    format!("- {who}: {}.", words.join(" "))
}

/// Writes a session under its own name (`-2`, `-3` … when two meetings share a minute),
/// owner-only, with the file's time that of its last save.
fn write_session(dir: &Path, s: &Session) -> io::Result<PathBuf> {
    let name = s.file_name();
    let stem = name.trim_end_matches(".toml");
    let path = (1..)
        .map(|n| match n {
            1 => dir.join(&name),
            n => dir.join(format!("{stem}-{n}.toml")),
        })
        .find(|p| !p.exists())
        .expect("a free name");
    fs::write(&path, s.to_toml())?;
    private(&path)?;
    age(&path, s.session.updated_at)?;
    Ok(path)
}

/// Gives a file the time it would have had: that of its last save.
fn age(path: &Path, at: DateTime<FixedOffset>) -> io::Result<()> {
    fs::File::options()
        .write(true)
        .open(path)?
        .set_modified(SystemTime::from(at))
}

/// About one file in two hundred that voer cannot read, at least one of each kind from a
/// hundred sessions on.
fn unreadable(dir: &Path, sessions: usize) -> io::Result<Vec<PathBuf>> {
    let count = if sessions < 20 {
        0
    } else {
        (sessions / 200).max(6)
    };
    let library = Library::embedded();
    let episode = &library.episodes()[0];
    let mut out = Vec::new();
    for i in 0..count {
        let at = FixedOffset::east_opt(3600)
            .and_then(|tz| {
                tz.with_ymd_and_hms(2024, 1 + (i % 12) as u32, 1 + (i % 28) as u32, 10, 0, 0)
                    .single()
            })
            .expect("a valid time");
        let s = Session::new(
            episode,
            Audience::ClientCouncil,
            &Meta {
                group: format!("Werkgroep {i}"),
                ..Meta::default()
            },
            Lang::Nl,
            at,
        );
        let text = s.to_toml();
        let path = dir.join(s.file_name());
        let bytes: Vec<u8> = match i % 6 {
            // Cut off: a copy that stopped halfway.
            0 => text.as_bytes()[..text.len() / 2].to_vec(),
            // Saved by another program in Latin-1.
            1 => text
                .replace('ë', "\u{0}")
                .bytes()
                .map(|b| if b == 0 { 0xEB } else { b })
                .collect(),
            // Written by a newer voer.
            2 => text
                .replacen("format_version = 2", "format_version = 9", 1)
                .into_bytes(),
            3 => Vec::new(),
            // Another program's TOML.
            4 => b"[editor]\ntheme = \"dark\"\n".to_vec(),
            _ => text.into_bytes(),
        };
        fs::write(&path, bytes)?;
        private(&path)?;
        age(&path, at)?;
        if i % 6 == 5 {
            // Unreadable by permission (the owner itself is refused; not so for root).
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&path, fs::Permissions::from_mode(0o000))?;
            }
            if fs::read(&path).is_ok() {
                continue;
            }
        }
        out.push(path);
    }
    Ok(out)
}

/// What else is found in a folder that has been used for years: the lock files of runs that
/// were killed (left unlocked), and a file of another program.
fn leftovers(dir: &Path, folder: &Folder, rng: &mut Rng) -> io::Result<()> {
    for m in folder.sessions.iter().filter(|m| !m.finished) {
        if rng.below(3) == 0 {
            let name = m
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let lock = dir.join(format!(".{name}.lock"));
            fs::write(&lock, "")?;
            private(&lock)?;
            age(&lock, m.started_at)?;
        }
    }
    let mut f = fs::File::create(dir.join("lees mij.txt"))?;
    writeln!(f, "Hier staan de verslagen van onze gesprekken.")?;
    private(&dir.join("lees mij.txt"))
}

fn make_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

fn private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    }
    let _ = path;
    Ok(())
}

/// SplitMix64: small, fast and the same everywhere, so a seed makes the same folder.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` ≥ 1).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
