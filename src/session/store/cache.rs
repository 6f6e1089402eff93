//! The folder's cache, `.voer-cache.json`: what the folder-wide commands need of each session
//! file ([`Summary`]), kept beside the files so that a folder of thousands of sessions is
//! listed by reading one file instead of thousands.
//!
//! It is never the source of truth. Each entry carries the stamp of the file it was made from
//! (modification time, size, inode); a file whose stamp differs, or that the cache does not
//! know, is read in full, and its summary is made from that reading, exactly as from any other
//! ([`Summary::of`]). So the cache and the files never disagree: at worst the cache is stale
//! and costs a full read. A file changed less than [`SETTLED`] ago is not cached (its time
//! may not show a second change within the clock's step). Unreadable files are never cached:
//! their reason is read again each time. A missing, damaged or other-version cache is simply
//! rebuilt.
//!
//! The cache is owner-only (it holds the groups' names and their actions' texts and owners,
//! which the session files hold too), one JSON object a line after a line naming the format.
//! It is written (atomically, in place of the old one) by whoever read a stale one, except
//! the room screen, which writes nothing but its presence file; [`forget`] drops the entries
//! of files that were deleted.
use std::{
    collections::HashMap,
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{StoreError, TimeClamped, list::Listed, load_checked, session_file::MAX_BYTES};
use crate::platform::read_regular;
use crate::{
    episode::Audience,
    lang::Lang,
    session::{Action, Clamped, Session, SessionInfo, Status, group_key},
};
use std::ops::Range;

/// The cache's name in the sessions folder.
pub const FILE_NAME: &str = ".voer-cache.json";
/// The first line of the cache starts so, and goes on with the length of its first part;
/// another version is not read (and is rewritten).
const HEADER_START: &str = "{\"voer_cache\":4,\"heads\":";
/// A cache larger than this is not read (and is written anew): some thousand times what a
/// summary takes, for each of tens of thousands of sessions.
const MAX_CACHE_BYTES: u64 = 1 << 30;
/// A file changed more recently than this is read in full rather than cached.
const SETTLED: Duration = Duration::from_secs(2);

/// Where the cache of the sessions folder `dir` is.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// What identifies one version of a file on disk: a changed file differs in one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Nanoseconds since 1970.
    modified: Option<u64>,
    len: u64,
    ino: u64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        Stamp {
            modified: meta
                .modified()
                .ok()
                .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
                .and_then(|d| u64::try_from(d.as_nanos()).ok()),
            len: meta.len(),
            #[cfg(unix)]
            ino: std::os::unix::fs::MetadataExt::ino(meta),
            #[cfg(not(unix))]
            ino: 0,
        }
    }

    /// The stamp of the file at `path` (its symbolic links followed), if there is one.
    pub fn read(path: &Path) -> Option<Stamp> {
        fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }

    /// Whether the file changed so recently that a second change might keep this stamp.
    fn is_recent(&self, now: SystemTime) -> bool {
        let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        self.modified
            .is_none_or(|m| now.saturating_sub(u128::from(m)) < SETTLED.as_nanos())
    }
}

/// What the folder-wide commands need of one session: `voer sessions`' row, the actions for
/// `voer actions` and the next meeting's opening, and what resume and `--last`/`--group` pick by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub session: Head,
    /// The group's key ([`group_key`]): which sessions are one group's.
    pub group_key: Option<String>,
    /// Lines of notes that hold something, over all steps.
    pub note_lines: usize,
    /// Whether any step holds the facilitator's private notes: such a session is not empty.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private_notes: bool,
    #[serde(default)]
    pub actions: Vec<Action>,
    /// In a meeting of several episodes, the episode of each action (see
    /// [`Session::episode_number_of`]), in the order of `actions`.
    #[serde(default)]
    pub action_episodes: Vec<Option<u32>>,
    /// The times over 24 hours the file held (read as 24 hours), for the warnings.
    #[serde(default)]
    pub clamped: Vec<Clamped>,
}

/// The part of a session's `[session]` table the summary keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    pub episode: String,
    pub episode_number: u32,
    /// Every episode of the meeting, in order, by number and id (one, but for a series).
    #[serde(default)]
    pub episodes: Vec<(u32, String)>,
    pub audience: Audience,
    pub group: String,
    /// The session's language: what is said about it after its run.
    pub language: Lang,
    pub example: bool,
    pub status: Status,
    pub started_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
}

impl Head {
    /// The episode as the tables show it: "4 jef-mol"; a meeting of several: "1+4
    /// vera-jansweijer+jef-mol".
    pub fn episode_cell(&self) -> String {
        if self.episodes.is_empty() {
            return format!("{} {}", self.episode_number, self.episode);
        }
        let numbers: Vec<String> = self.episodes.iter().map(|(n, _)| n.to_string()).collect();
        let ids: Vec<&str> = self.episodes.iter().map(|(_, id)| id.as_str()).collect();
        format!("{} {}", numbers.join("+"), ids.join("+"))
    }

    pub fn of(i: &SessionInfo) -> Head {
        Head {
            episode: i.episode.clone(),
            episode_number: i.episode_number,
            episodes: i
                .episode_list()
                .into_iter()
                .map(|e| (e.number, e.id))
                .collect(),
            audience: i.audience,
            group: i.group.clone(),
            language: i.language,
            example: i.example,
            status: i.status,
            started_at: i.started_at,
            updated_at: i.updated_at,
        }
    }
}

impl Summary {
    /// The summary of a session as read from its file, with the times that were cut.
    pub fn of(s: &Session, clamped: Vec<Clamped>) -> Summary {
        Summary {
            session: Head::of(&s.session),
            group_key: group_key(&s.session.group),
            note_lines: s.note_lines(),
            private_notes: s.steps.iter().any(|st| !st.private_notes.trim().is_empty()),
            actions: s.actions.clone(),
            action_episodes: s.actions.iter().map(|a| s.episode_number_of(a)).collect(),
            clamped,
        }
    }

    /// The warnings for the times the file at `path` held over 24 hours.
    pub fn warnings(&self, path: &Path) -> Vec<TimeClamped> {
        self.clamped
            .iter()
            .map(|c| TimeClamped {
                path: path.to_path_buf(),
                field: c.field.clone(),
                value: c.value,
            })
            .collect()
    }

    /// Lines of notes that hold something.
    pub fn note_lines(&self) -> usize {
        self.note_lines
    }

    /// Opened and closed without a word: no line of notes (the group's or the facilitator's
    /// own), and no action.
    pub fn has_no_notes(&self) -> bool {
        self.actions.is_empty() && self.note_lines == 0 && !self.private_notes
    }
}

/// What a run, resume and the room screen need of every file, one line each in the cache's
/// first part (the summaries, in the second part, are read only for the few files they need
/// more of): tab-separated, in this order.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    name: String,
    stamp: Stamp,
    key: Option<String>,
    example: bool,
    unfinished: bool,
    /// Not a session file voer can read (its reason is read again where it is shown).
    unreadable: bool,
    ids: Vec<String>,
    /// Where the summary's JSON is in the second part.
    summary: Range<u64>,
}

impl Line {
    /// `name mtime len ino key flags ids start end`, tab-separated; `None` for what a line
    /// cannot hold (a tab or a line break in the name, an id with a comma): such a file is
    /// read in full each time.
    fn line(&self) -> Option<String> {
        let plain = |s: &str| !s.contains(['\t', '\n', '\r']);
        if !plain(&self.name) || !self.ids.iter().all(|i| plain(i) && !i.contains(',')) {
            return None;
        }
        let mut flags = String::new();
        for (on, flag) in [
            (self.example, 'e'),
            (self.unfinished, 'u'),
            (self.unreadable, 'x'),
        ] {
            if on {
                flags.push(flag);
            }
        }
        if flags.is_empty() {
            flags.push('-');
        }
        Some(format!(
            "{}\t{}\t{}\t{}\t{}\t{flags}\t{}\t{}\t{}",
            self.name,
            self.stamp
                .modified
                .map_or_else(|| "-".to_string(), |m| m.to_string()),
            self.stamp.len,
            self.stamp.ino,
            self.key.as_deref().unwrap_or(""),
            self.ids.join(","),
            self.summary.start,
            self.summary.end,
        ))
    }

    fn parse(line: &str) -> Option<Line> {
        let mut f = line.split('\t');
        let name = f.next()?.to_string();
        let modified = match f.next()? {
            "-" => None,
            m => Some(m.parse().ok()?),
        };
        let len = f.next()?.parse().ok()?;
        let ino = f.next()?.parse().ok()?;
        let key = Some(f.next()?)
            .filter(|k| !k.is_empty())
            .map(str::to_string);
        let flags = f.next()?;
        let ids = match f.next()? {
            "" => Vec::new(),
            ids => ids.split(',').map(str::to_string).collect(),
        };
        let start = f.next()?.parse().ok()?;
        let end = f.next()?.parse().ok()?;
        if f.next().is_some() || end < start {
            return None;
        }
        Some(Line {
            name,
            stamp: Stamp { modified, len, ino },
            key,
            example: flags.contains('e'),
            unfinished: flags.contains('u'),
            unreadable: flags.contains('x'),
            ids,
            summary: start..end,
        })
    }
}

/// One session file of the folder, as the cache or the file itself says.
pub struct Entry {
    pub path: PathBuf,
    /// What the cache holds (or will hold) of it in its first part.
    line: Line,
    /// Whether a newer cache holds it (read well, and not changed just now).
    cacheable: bool,
    /// Where the summary is: in the cache, or read from the file (or why not).
    summary: Source,
}

impl Entry {
    /// The group's key ([`group_key`]).
    pub fn group_key(&self) -> Option<&str> {
        self.line.key.as_deref()
    }

    pub fn example(&self) -> bool {
        self.line.example
    }

    /// In progress.
    pub fn unfinished(&self) -> bool {
        self.line.unfinished
    }

    /// The ids of its actions.
    pub fn ids(&self) -> &[String] {
        &self.line.ids
    }
}

enum Source {
    Cached(Range<u64>),
    /// As read from the file; boxed, as the other sources are small.
    Read(Box<Result<Summary, StoreError>>),
    /// Glanced at (see `glance`), to be read in full when its summary is asked for.
    Stale,
    /// Known not to read, at this stamp: read again only for its reason.
    Unreadable,
}

/// The cache as opened: its file (its second part read only where asked), and where in it
/// the second part starts.
struct Opened {
    file: fs::File,
    second: u64,
}

/// The session files (`*.toml`) of a folder, each as the cache says it is when its file is as
/// it was when it was cached, else as read in full from the file. Unreadable files carry their
/// reason, as in [`super::list`], which this agrees with file for file.
pub struct Index {
    dir: PathBuf,
    cache: Option<Opened>,
    pub entries: Vec<Entry>,
    /// Whether the cache is out of date: a file was cached anew, or a cached one is gone or
    /// changed.
    stale: bool,
}

impl Index {
    /// Lists `dir` and checks the stamp of each of its session files against the cache. Only
    /// the cache's first part is read here.
    pub fn read(dir: &Path) -> Result<Index, StoreError> {
        let listing = fs::read_dir(dir).map_err(|e| StoreError::List {
            dir: dir.to_path_buf(),
            source: Arc::new(e),
        })?;
        // The cache is read while the folder is listed and its files' stamps are taken.
        let (cache, files) = std::thread::scope(|scope| {
            let cache = scope.spawn(|| open_cache(dir));
            let files: Vec<fs::DirEntry> = listing
                .flatten()
                .filter(|e| {
                    Path::new(&e.file_name())
                        .extension()
                        .is_some_and(|x| x == "toml")
                })
                .collect();
            let files = stamps(files);
            (cache.join().ok().flatten(), files)
        });
        let (cache, mut heads) = match cache {
            Some((opened, heads)) => (Some(opened), heads),
            None => (None, Lines::new(Vec::new())),
        };
        let now = SystemTime::now();
        let mut stale = false;
        let mut entries = Vec::with_capacity(files.len());
        for (e, stamp) in files {
            let path = e.path();
            let name = e.file_name();
            let name = name.to_str();
            match name.and_then(|n| heads.take(n)) {
                Some(line) if line.stamp == stamp => entries.push(Entry {
                    path,
                    summary: if line.unreadable {
                        Source::Unreadable
                    } else {
                        Source::Cached(line.summary.clone())
                    },
                    line,
                    cacheable: true,
                }),
                old => {
                    stale |= old.is_some();
                    // A file changed just now may change again within its time's step.
                    let cacheable = name.is_some() && !stamp.is_recent(now);
                    let name = name.unwrap_or_default().to_string();
                    // A glance tells what is needed of every file; the file is read in full
                    // where more is needed of it (and before it is cached).
                    if let Some(line) = glance(&path, &name, stamp) {
                        stale |= cacheable;
                        entries.push(Entry {
                            path,
                            line,
                            cacheable,
                            summary: Source::Stale,
                        });
                        continue;
                    }
                    let read = from_file(&path);
                    let cacheable = cacheable && is_known(&read);
                    stale |= cacheable;
                    entries.push(Entry::read(
                        path,
                        Line::of(name, stamp, &read),
                        cacheable,
                        read,
                    ));
                }
            }
        }
        // Lines left over are of files that are gone.
        stale |= heads.left();
        Ok(Index {
            dir: dir.to_path_buf(),
            cache,
            entries,
            stale,
        })
    }

    /// An index of a folder without sessions (one that is not there).
    pub fn empty(dir: &Path) -> Index {
        Index {
            dir: dir.to_path_buf(),
            cache: None,
            entries: Vec::new(),
            stale: false,
        }
    }

    /// The summary of an entry: from the cache's second part (or from its file after all,
    /// when that does not read), or as read from the file.
    pub fn summary(&self, e: &Entry) -> Result<Summary, StoreError> {
        match &e.summary {
            Source::Read(r) => (**r).clone(),
            Source::Unreadable | Source::Stale => from_file(&e.path),
            Source::Cached(at) => self
                .cached_json(at.clone())
                .and_then(|json| serde_json::from_str(&json).ok())
                .map_or_else(|| from_file(&e.path), Ok),
        }
    }

    /// The JSON of a summary in the cache's second part.
    fn cached_json(&self, at: Range<u64>) -> Option<String> {
        let c = self.cache.as_ref()?;
        let len = usize::try_from(at.end - at.start).ok()?;
        let mut buf = vec![0; len];
        read_at(&c.file, &mut buf, c.second + at.start).ok()?;
        String::from_utf8(buf).ok()
    }

    /// The cache's whole second part.
    fn second_part(&self) -> String {
        let Some(c) = &self.cache else {
            return String::new();
        };
        let mut text = String::new();
        let mut f = &c.file;
        let read = io::Seek::seek(&mut f, io::SeekFrom::Start(c.second))
            .and_then(|_| io::Read::read_to_string(&mut f, &mut text));
        if read.is_err() {
            text.clear();
        }
        text
    }

    /// Every file summarised, newest first by when it started (unreadable files last), as
    /// [`super::list`] lists them; and what brings the cache up to date.
    pub fn list(self) -> (Vec<Listed<Summary>>, Refresh) {
        let second = self.second_part();
        let mut out: Vec<Listed<Summary>> = Vec::with_capacity(self.entries.len());
        let mut lines = Vec::new();
        for e in self.entries {
            let keep = self.stale && e.cacheable;
            let (path, summary, line) = settle(e, &second, keep);
            lines.extend(line);
            let warnings = match &summary {
                Ok(s) => s.warnings(&path),
                Err(_) => Vec::new(),
            };
            out.push(Listed {
                path,
                session: summary,
                warnings,
            });
        }
        super::list::sort(&mut out, |s| s.session.started_at);
        let refresh = Refresh {
            dir: self.dir,
            update: self.stale.then_some(Update::Lines(lines)),
        };
        (out, refresh)
    }

    /// Writes the cache anew when it is out of date, reading in full only the files it is to
    /// hold that changed (not those changed just now).
    fn write(self) {
        if !self.stale {
            return;
        }
        let second = self.second_part();
        let lines = self
            .entries
            .into_iter()
            .filter(|e| e.cacheable)
            .filter_map(|e| settle(e, &second, true).2)
            .collect();
        let _ = write_cache(&self.dir, lines);
    }

    /// The entries, and what brings the cache up to date (when it is out of date: the folder
    /// read again, and all of the cache written, when [`Refresh::write`] is called).
    pub fn split(self) -> (Vec<Entry>, Refresh) {
        let refresh = Refresh {
            dir: self.dir,
            update: self.stale.then_some(Update::Again),
        };
        (self.entries, refresh)
    }
}

/// An entry's path and summary (read in full where the cache does not hold it) and, with
/// `keep`, what a newer cache holds of it: its line and its summary's JSON (as the cache had
/// it, or anew; none for a file that does not read). A file that could not be opened is not
/// kept: it may be readable the next time, and its stamp would not tell (permissions are no
/// part of it).
fn settle(
    e: Entry,
    second: &str,
    keep: bool,
) -> (PathBuf, Result<Summary, StoreError>, Option<(Line, String)>) {
    let cached_json = |at: &Range<u64>| {
        let (a, b) = (
            usize::try_from(at.start).ok()?,
            usize::try_from(at.end).ok()?,
        );
        second.get(a..b)
    };
    let (summary, json, line) = match e.summary {
        Source::Read(r) => (*r, None, e.line),
        Source::Unreadable => (from_file(&e.path), None, e.line),
        Source::Stale => {
            let read = from_file(&e.path);
            let line = Line::of(e.line.name.clone(), e.line.stamp, &read);
            (read, None, line)
        }
        Source::Cached(at) => match cached_json(&at).map(|j| (serde_json::from_str(j), j)) {
            Some((Ok(s), json)) => (Ok(s), Some(json), e.line),
            _ => (from_file(&e.path), None, e.line),
        },
    };
    let kept = (keep && is_known(&summary))
        .then(|| {
            let json = match &summary {
                Ok(s) => json
                    .map(str::to_string)
                    .or_else(|| serde_json::to_string(s).ok())?,
                Err(_) => String::new(),
            };
            Some((line, json))
        })
        .flatten();
    (e.path, summary, kept)
}

/// Whether a reading says what the file holds (it read, or it holds what voer cannot use),
/// rather than that it could not be opened.
fn is_known(read: &Result<Summary, StoreError>) -> bool {
    !matches!(read, Err(StoreError::Read { .. }))
}

/// The `[session]` table of the session file at `path`, read from the lines before its first
/// `[[` table (a file of many megabytes is not read whole for it); `None` when that does not
/// read so (then read the file in full, as `load` does). A meeting of several episodes lists
/// its later episodes in tables of their own, after that line: their numbers are not in the
/// head.
pub fn head(path: &Path) -> Option<Head> {
    #[derive(Deserialize)]
    struct Top {
        format_version: u32,
        session: SessionInfo,
    }
    // voer writes the table first; a few kilobytes hold it.
    const ENOUGH: u64 = 64 * 1024;
    let mut bytes = Vec::new();
    let file = crate::platform::open_regular(path).ok()?;
    io::Read::read_to_end(&mut io::Read::take(file, ENOUGH), &mut bytes).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let top: Top = toml::from_str(&text[..text.find("\n[[")?]).ok()?;
    (1..=crate::session::FORMAT_VERSION)
        .contains(&top.format_version)
        .then(|| Head::of(&top.session))
}

/// A glance at a session file the cache does not hold (or holds as it was), for what is
/// needed of every file of a folder: its group, whether it is an example or unfinished, and
/// the ids of its actions. The `[session]` table is read from the lines before its first
/// `[[` table, the ids from the `id = "…"` lines of its `[[actions]]` tables; the rest of the
/// file is not parsed. `None` for a file where that is not so simple (it is then read in
/// full). What a glance says only chooses which files are read in full: what is shown or
/// decided about a file always comes from that full reading.
fn glance(path: &Path, name: &str, stamp: Stamp) -> Option<Line> {
    #[derive(Deserialize)]
    struct Top {
        format_version: u32,
        session: Info,
    }
    #[derive(Deserialize)]
    struct Info {
        #[serde(default)]
        group: String,
        #[serde(default)]
        example: bool,
        status: Status,
    }
    let text = String::from_utf8(read_regular(path, MAX_BYTES).ok()?).ok()?;
    let head = &text[..text.find("\n[[")?];
    let top: Top = toml::from_str(head).ok()?;
    if !(1..=crate::session::FORMAT_VERSION).contains(&top.format_version) {
        return None;
    }
    // Each `[[actions]]` table's id: `Some(None)` while in one whose id is not found yet.
    let mut ids = Vec::new();
    let mut wanted: Option<Option<&str>> = None;
    for l in text.lines() {
        if l.starts_with('[') {
            if wanted == Some(None) {
                return None;
            }
            wanted = (l == "[[actions]]").then_some(None);
        } else if wanted == Some(None)
            && let Some(id) = l.strip_prefix("id = \"").and_then(|l| l.strip_suffix('"'))
        {
            if id.contains(['\\', '"']) {
                return None;
            }
            ids.push(id.to_string());
            wanted = Some(Some(id));
        }
    }
    if wanted == Some(None) {
        return None;
    }
    Some(Line {
        name: name.to_string(),
        stamp,
        key: group_key(&top.session.group),
        example: top.session.example,
        unfinished: top.session.status == Status::InProgress,
        unreadable: false,
        ids,
        summary: 0..0,
    })
}

impl Entry {
    fn read(
        path: PathBuf,
        line: Line,
        cacheable: bool,
        read: Result<Summary, StoreError>,
    ) -> Entry {
        Entry {
            path,
            line,
            cacheable,
            summary: Source::Read(Box::new(read)),
        }
    }
}

impl Line {
    /// The line of a file as read (its summary's place is given when the cache is written).
    fn of(name: String, stamp: Stamp, read: &Result<Summary, StoreError>) -> Line {
        let (key, example, unfinished, ids) = match read {
            Ok(s) => (
                s.group_key.clone(),
                s.session.example,
                s.session.status == Status::InProgress,
                s.actions.iter().map(|a| a.id.clone()).collect(),
            ),
            Err(_) => (None, false, false, Vec::new()),
        };
        Line {
            name,
            stamp,
            key,
            example,
            unfinished,
            unreadable: read.is_err(),
            ids,
            summary: 0..0,
        }
    }
}

#[cfg(unix)]
fn read_at(f: &fs::File, buf: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, at)
}

#[cfg(windows)]
fn read_at(f: &fs::File, buf: &mut [u8], at: u64) -> io::Result<()> {
    let mut f = f;
    io::Seek::seek(&mut f, io::SeekFrom::Start(at))?;
    io::Read::read_exact(&mut f, buf)
}

/// The summary of the file at `path`, read in full.
fn from_file(path: &Path) -> Result<Summary, StoreError> {
    load_checked(path).map(|(s, w)| Summary::of(&s, w.into_iter().map(Clamped::from).collect()))
}

/// How a newer cache is made.
#[derive(Debug)]
enum Update {
    /// Of these heads and summaries (a listing that read every summary).
    Lines(Vec<(Line, String)>),
    /// By reading the folder again (a listing that read only the first part).
    Again,
}

/// A newer cache, to be written when the one read was stale (or missing): see
/// [`Refresh::write`]. Dropping it writes nothing.
#[must_use = "the cache is only brought up to date by `write`"]
#[derive(Debug, Default)]
pub struct Refresh {
    dir: PathBuf,
    /// `None`: the cache was up to date.
    update: Option<Update>,
}

impl Refresh {
    /// Writes the new cache; the cache is never needed, so a failure is not reported.
    pub fn write(self) {
        match self.update {
            None => {}
            Some(Update::Lines(lines)) => {
                let _ = write_cache(&self.dir, lines);
            }
            Some(Update::Again) => {
                if let Ok(index) = Index::read(&self.dir) {
                    index.write();
                }
            }
        }
    }

    /// Whether writing would change the cache.
    pub fn is_needed(&self) -> bool {
        self.update.is_some()
    }
}

/// Every session file (`*.toml`) in `dir`, newest first, summarised: from the cache where the
/// file is as it was when it was cached, else read in full (see [`Index`]).
pub fn list(dir: &Path) -> Result<(Vec<Listed<Summary>>, Refresh), StoreError> {
    Index::read(dir).map(Index::list)
}

/// The regular files among `files` (through a symbolic link, as `list` takes them), each with
/// its stamp. Asking the system for thousands of stamps takes milliseconds: with many files,
/// two threads ask at once.
fn stamps(files: Vec<fs::DirEntry>) -> Vec<(fs::DirEntry, Stamp)> {
    const ALONE: usize = 1000;
    if files.len() <= ALONE {
        return files.into_iter().filter_map(stamped).collect();
    }
    let mut first = files;
    let second = first.split_off(first.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| second.into_iter().filter_map(stamped).collect::<Vec<_>>());
        let mut out: Vec<_> = first.into_iter().filter_map(stamped).collect();
        out.extend(other.join().unwrap_or_default());
        out
    })
}

/// A directory entry with its stamp, if it is a regular file: for a plain entry from the
/// folder itself (no path to walk), else by its path.
fn stamped(e: fs::DirEntry) -> Option<(fs::DirEntry, Stamp)> {
    let meta = match e.file_type() {
        Ok(t) if !t.is_symlink() => e.metadata().ok()?,
        _ => fs::metadata(e.path()).ok()?,
    };
    meta.is_file().then(|| (e, Stamp::of(&meta)))
}

/// Drops the cache's entries of `files` (session files in the sessions folder `folder`, by
/// name), as when they are deleted: nothing of them stays behind in the cache. The other
/// entries are kept as they are. Without a cache, or with none of these in it, nothing is
/// written.
pub fn forget(folder: &Path, files: &[PathBuf]) -> io::Result<()> {
    let dir = folder;
    let Some((opened, heads)) = open_cache(dir) else {
        return Ok(());
    };
    let names: Vec<&str> = files
        .iter()
        .filter_map(|f| f.file_name().and_then(|n| n.to_str()))
        .collect();
    if !names.iter().any(|n| heads.contains(n)) {
        return Ok(());
    }
    let index = Index {
        dir: dir.to_path_buf(),
        cache: Some(opened),
        entries: Vec::new(),
        stale: true,
    };
    let second = index.second_part();
    let kept: Vec<Line> = heads
        .into_lines()
        .filter(|h| !names.contains(&h.name.as_str()))
        .collect();
    let lines = kept
        .into_iter()
        .filter_map(|h| {
            let (a, b) = (
                usize::try_from(h.summary.start).ok()?,
                usize::try_from(h.summary.end).ok()?,
            );
            let json = second.get(a..b)?.to_string();
            Some((h, json))
        })
        .collect();
    write_cache(dir, lines)
}

/// The cache's lines, in the order they were written: the order the folder was listed in
/// then, which is the order it is listed in now while it did not change. So each file's line
/// is looked for first where the last one was found; only a file out of that order is looked
/// up by name.
struct Lines {
    lines: Vec<Option<Line>>,
    next: usize,
    by_name: Option<HashMap<String, usize>>,
    taken: usize,
}

impl Lines {
    fn new(lines: Vec<Line>) -> Lines {
        Lines {
            lines: lines.into_iter().map(Some).collect(),
            next: 0,
            by_name: None,
            taken: 0,
        }
    }

    /// The line of the file `name`, taken out.
    fn take(&mut self, name: &str) -> Option<Line> {
        let i = match self.lines.get(self.next) {
            Some(Some(l)) if l.name == name => self.next,
            _ => {
                let lines = &self.lines;
                let by_name = self.by_name.get_or_insert_with(|| {
                    let named = lines.iter().enumerate();
                    named
                        .filter_map(|(i, l)| Some((l.as_ref()?.name.clone(), i)))
                        .collect()
                });
                by_name.remove(name)?
            }
        };
        self.next = i + 1;
        let line = self.lines.get_mut(i)?.take()?;
        self.taken += 1;
        Some(line)
    }

    /// Whether lines are left that no file took: of files that are gone.
    fn left(&self) -> bool {
        self.taken < self.lines.len()
    }

    fn contains(&self, name: &str) -> bool {
        self.lines.iter().flatten().any(|l| l.name == name)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lines.len()
    }

    fn into_lines(self) -> impl Iterator<Item = Line> {
        self.lines.into_iter().flatten()
    }
}

/// The cache of `dir` opened, and its first part read: the heads by file name. `None` when
/// there is none, or it is no regular file (a planted link or pipe is not read, not even
/// opened), or someone else's or others may write in it, or it is over its size limit, or of
/// another version, or damaged. A line that does not read is left out (its file is read in
/// full).
fn open_cache(dir: &Path) -> Option<(Opened, Lines)> {
    let file = crate::platform::open_own_regular(&path(dir)).ok()?;
    let meta = file.metadata().ok()?;
    let size = meta.len();
    if size > MAX_CACHE_BYTES || !is_own(&meta) {
        return None;
    }
    let mut reader = io::BufReader::new(&file);
    let mut first = String::new();
    io::BufRead::read_line(&mut reader, &mut first).ok()?;
    let first_len = first.len() as u64;
    let heads_len: u64 = first
        .strip_prefix(HEADER_START)?
        .strip_suffix("}\n")?
        .parse()
        .ok()?;
    if first_len + heads_len > size {
        return None;
    }
    let mut part = vec![0; usize::try_from(heads_len).ok()?];
    io::Read::read_exact(&mut reader, &mut part).ok()?;
    let part = String::from_utf8(part).ok()?;
    let heads = Lines::new(part.lines().filter_map(Line::parse).collect());
    Some((
        Opened {
            file,
            second: first_len + heads_len,
        },
        heads,
    ))
}

/// Whether the cache is the user's own, and only theirs to change: one someone else made or
/// could write in is not believed.
fn is_own(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        meta.uid() == unsafe { libc::geteuid() } && meta.mode() & 0o022 == 0
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        true
    }
}

/// Writes a cache of these heads and summaries: the first line, the heads (each pointing
/// at its summary), the summaries.
fn write_cache(dir: &Path, lines: Vec<(Line, String)>) -> io::Result<()> {
    let mut heads = String::new();
    let mut second = String::new();
    for (mut head, json) in lines {
        let start = second.len() as u64;
        head.summary = start..start + json.len() as u64;
        if let Some(line) = head.line() {
            heads.push_str(&line);
            heads.push('\n');
            if !json.is_empty() {
                second.push_str(&json);
                second.push('\n');
            }
        }
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{FILE_NAME}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    writeln!(tmp, "{HEADER_START}{}}}", heads.len())?;
    tmp.write_all(heads.as_bytes())?;
    tmp.write_all(second.as_bytes())?;
    // Not flushed to disk: a cache lost in a crash is rebuilt.
    tmp.persist(path(dir)).map(drop).map_err(|e| e.error)
}

/// Whether an event in the sessions folder concerns only the cache (or its temporary file),
/// which is no news to anyone watching the sessions.
pub fn is_cache_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == FILE_NAME || (n.starts_with(FILE_NAME) && n.ends_with(".tmp")))
}

impl From<TimeClamped> for Clamped {
    fn from(t: TimeClamped) -> Clamped {
        Clamped {
            field: t.field,
            value: t.value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::store::{fixtures::example, list as list_files, save};

    /// A folder with the example as three sessions of one's own, a day apart, their files'
    /// times an hour ago (settled).
    fn folder() -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        for day in 0..3 {
            let mut s = example();
            s.session.started_at += chrono::Duration::days(day);
            let p = dir.path().join(s.file_name());
            fs::write(&p, s.to_toml()).unwrap();
            settle(&p);
            paths.push(p);
        }
        (dir, paths)
    }

    fn settle(p: &Path) {
        let f = fs::File::options().write(true).open(p).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
    }

    /// How many files the cache holds.
    fn cached(dir: &Path) -> usize {
        open_cache(dir).map_or(0, |(_, heads)| heads.len())
    }

    fn summaries(dir: &Path) -> Vec<(PathBuf, Summary)> {
        let (listed, refresh) = list(dir).unwrap();
        refresh.write();
        listed
            .into_iter()
            .map(|l| (l.path, l.session.unwrap()))
            .collect()
    }

    fn truth(dir: &Path) -> Vec<(PathBuf, Summary)> {
        list_files(dir)
            .unwrap()
            .into_iter()
            .map(|l| {
                let s = l.session.unwrap();
                let clamped = l.warnings.into_iter().map(Clamped::from).collect();
                (l.path, Summary::of(&s, clamped))
            })
            .collect()
    }

    #[test]
    fn the_cache_gives_what_the_files_give_and_is_owner_only() {
        let (dir, _) = folder();
        assert!(!path(dir.path()).exists());
        let first = summaries(dir.path());
        assert_eq!(first, truth(dir.path()));
        assert!(path(dir.path()).exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(path(dir.path())).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // From the cache now: the same.
        assert_eq!(summaries(dir.path()), first);
        let (_, refresh) = list(dir.path()).unwrap();
        assert!(!refresh.is_needed(), "nothing to write when up to date");
    }

    #[test]
    fn a_changed_file_is_read_again_even_at_the_same_size() {
        let (dir, paths) = folder();
        summaries(dir.path());
        let mut s = load_checked(&paths[1]).unwrap().0;
        // The same number of letters: only the time and the inode tell.
        s.session.group = s.session.group.replace("Linde", "Lindx");
        save(&paths[1], &s).unwrap();
        settle(&paths[1]);
        let after = summaries(dir.path());
        assert_eq!(after, truth(dir.path()));
        assert!(
            after
                .iter()
                .any(|(_, s)| s.session.group.ends_with("Lindx"))
        );
    }

    #[test]
    fn a_file_just_written_is_read_again_rather_than_trusted() {
        let (dir, paths) = folder();
        let mut s = load_checked(&paths[0]).unwrap().0;
        s.actions.clear();
        fs::write(&paths[0], s.to_toml()).unwrap();
        summaries(dir.path());
        assert_eq!(cached(dir.path()), 2, "the recent file is not cached");
        let (_, refresh) = list(dir.path()).unwrap();
        assert!(
            !refresh.is_needed(),
            "a recent file is no change to the cache"
        );
    }

    #[test]
    fn gone_and_forgotten_files_leave_the_cache() {
        let (dir, paths) = folder();
        summaries(dir.path());
        fs::remove_file(&paths[0]).unwrap();
        assert_eq!(summaries(dir.path()).len(), 2);
        assert_eq!(cached(dir.path()), 2);
        forget(dir.path(), &paths[1..2]).unwrap();
        assert_eq!(cached(dir.path()), 1);
        let text = fs::read_to_string(path(dir.path())).unwrap();
        let gone = paths[1].file_name().unwrap().to_str().unwrap();
        assert!(!text.contains(gone), "{text}");
    }

    #[test]
    fn forget_removes_only_the_deleted_sessions_entries() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        for (day, group) in ["Raad Noord", "Raad Oost", "Raad Zuid"].iter().enumerate() {
            let mut s = example();
            s.session.started_at += chrono::Duration::days(day as i64);
            s.session.group = group.to_string();
            for a in &mut s.actions {
                a.id = format!("{}{day}", &a.id[..a.id.len().min(5)]);
                a.text = format!("{} voor {group}", a.text);
            }
            let p = dir.path().join(s.file_name());
            fs::write(&p, s.to_toml()).unwrap();
            settle(&p);
            paths.push(p);
        }
        // No cache yet: nothing to forget, and none is made.
        forget(dir.path(), &paths[..1]).unwrap();
        assert!(!path(dir.path()).exists());
        summaries(dir.path());
        let before = fs::read_to_string(path(dir.path())).unwrap();
        // A file the cache does not know: the cache is left as it is.
        forget(dir.path(), &[dir.path().join("onbekend.toml")]).unwrap();
        assert_eq!(fs::read_to_string(path(dir.path())).unwrap(), before);

        // `voer delete` removes the file, then its entry (given by its path).
        fs::remove_file(&paths[1]).unwrap();
        forget(dir.path(), &paths[1..2]).unwrap();
        let text = fs::read_to_string(path(dir.path())).unwrap();
        for gone in [
            paths[1].file_name().unwrap().to_str().unwrap(),
            "Raad Oost",
            "raad-oost",
        ] {
            assert!(!text.contains(gone), "{gone} left in the cache: {text}");
        }
        assert!(text.contains("Raad Noord") && text.contains("Raad Zuid"));
        // The others are still read from the cache, as the files say.
        let index = Index::read(dir.path()).unwrap();
        assert_eq!(index.entries.len(), 2);
        assert!(
            index
                .entries
                .iter()
                .all(|e| matches!(e.summary, Source::Cached(_)))
        );
        assert!(!index.stale, "nothing left to bring up to date");
        assert_eq!(summaries(dir.path()), truth(dir.path()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(path(dir.path())).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_damaged_cache_or_unreadable_file_is_read_from_the_files() {
        let (dir, paths) = folder();
        summaries(dir.path());
        let text = fs::read_to_string(path(dir.path())).unwrap();
        // Cut in the middle of a line, and a line of nonsense.
        let cut = format!("{}\nnonsense\n", &text[..text.len() - 40]);
        fs::write(path(dir.path()), cut).unwrap();
        assert_eq!(summaries(dir.path()), truth(dir.path()));
        fs::write(path(dir.path()), "not the header\n").unwrap();
        assert_eq!(summaries(dir.path()), truth(dir.path()));
        fs::write(&paths[2], "format_version = 2\n[session\n").unwrap();
        settle(&paths[2]);
        for _ in 0..2 {
            // Known to be unreadable, from the cache the second time: its reason is still told.
            let (listed, refresh) = list(dir.path()).unwrap();
            refresh.write();
            let bad: Vec<_> = listed
                .iter()
                .filter_map(|l| l.session.as_ref().err())
                .collect();
            assert_eq!(bad.len(), 1);
            assert!(matches!(bad[0], StoreError::Invalid { .. }), "{:?}", bad[0]);
        }
        let index = Index::read(dir.path()).unwrap();
        let e = index.entries.iter().find(|e| e.path == paths[2]).unwrap();
        assert!(matches!(e.summary, Source::Unreadable));
        assert!(e.ids().is_empty() && e.group_key().is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_not_read_and_is_replaced_not_followed() {
        let (dir, _) = folder();
        let outside = dir.path().join("elders");
        fs::write(&outside, "").unwrap();
        std::os::unix::fs::symlink(&outside, path(dir.path())).unwrap();
        assert_eq!(summaries(dir.path()), truth(dir.path()));
        assert_eq!(fs::read_to_string(&outside).unwrap(), "");
        assert!(fs::symlink_metadata(path(dir.path())).unwrap().is_file());
    }

    /// A cache that says something else of every file than the files do: the group renamed,
    /// at the same length (the summaries' places stay right).
    #[cfg(unix)]
    fn lying_copy(dir: &Path, to: &Path) {
        let text = fs::read_to_string(path(dir)).unwrap();
        assert!(text.contains("Linde"), "{text}");
        fs::write(to, text.replace("Linde", "Lieg!")).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_cache_elsewhere_is_not_believed() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, _) = folder();
        summaries(dir.path());
        let elsewhere = tempfile::tempdir().unwrap();
        let outside = elsewhere.path().join("cache.json");
        lying_copy(dir.path(), &outside);
        fs::set_permissions(&outside, fs::Permissions::from_mode(0o600)).unwrap();
        fs::remove_file(path(dir.path())).unwrap();
        std::os::unix::fs::symlink(&outside, path(dir.path())).unwrap();
        assert_eq!(summaries(dir.path()), truth(dir.path()));
        // Without the link, the same lie is believed: the test can tell.
        fs::remove_file(path(dir.path())).unwrap();
        fs::copy(&outside, path(dir.path())).unwrap();
        fs::set_permissions(path(dir.path()), fs::Permissions::from_mode(0o600)).unwrap();
        let (listed, _) = list(dir.path()).unwrap();
        assert!(
            listed
                .iter()
                .all(|l| l.session.as_ref().unwrap().session.group.contains("Lieg!"))
        );
        // One that others may write in is not believed either.
        fs::set_permissions(path(dir.path()), fs::Permissions::from_mode(0o666)).unwrap();
        assert_eq!(summaries(dir.path()), truth(dir.path()));
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_as_the_cache_or_special_session_files_never_hold_the_folder_up() {
        let (dir, _) = folder();
        let mkfifo = |p: &Path| {
            let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
            // SAFETY: a valid C string; mkfifo only makes a file.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        };
        mkfifo(&path(dir.path()));
        mkfifo(&dir.path().join("pijp.toml"));
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("nul.toml")).unwrap();
        // Read without waiting for a writer, and without reading /dev/zero: only the
        // session files are listed, as `list` lists them.
        assert_eq!(summaries(dir.path()), truth(dir.path()));
        assert_eq!(summaries(dir.path()).len(), 3);
        let index = Index::read(dir.path()).unwrap();
        assert_eq!(index.entries.len(), 3);
    }

    #[test]
    fn a_session_file_over_the_size_limit_is_not_glanced_at_but_refused() {
        let (dir, paths) = folder();
        // Larger than voer reads of a session: the file's head still reads, the file does not.
        let f = fs::File::options().append(true).open(&paths[0]).unwrap();
        f.set_len(MAX_BYTES + 1).unwrap();
        settle(&paths[0]);
        let (listed, refresh) = list(dir.path()).unwrap();
        refresh.write();
        let refused = listed.iter().find(|l| l.path == paths[0]).unwrap();
        assert!(
            matches!(refused.session, Err(StoreError::Read { .. })),
            "{:?}",
            refused.session.as_ref().err()
        );
        let index = Index::read(dir.path()).unwrap();
        let e = index.entries.iter().find(|e| e.path == paths[0]).unwrap();
        assert!(e.ids().is_empty(), "not glanced at: {:?}", e.ids());
    }

    #[test]
    fn the_head_of_a_session_file_is_its_session_table_or_nothing() {
        let (dir, paths) = folder();
        let s = load_checked(&paths[0]).unwrap().0;
        assert_eq!(head(&paths[0]), Some(Head::of(&s.session)));
        // Not within the first 64 KiB, not a session, too new, not there: read in full
        // instead (or not at all).
        let far = dir.path().join("ver.toml");
        let text = fs::read_to_string(&paths[0]).unwrap();
        fs::write(&far, format!("{}{text}", "# …\n".repeat(20_000))).unwrap();
        let other = dir.path().join("ander.toml");
        fs::write(&other, "[[x]]\na = 1\n").unwrap();
        let newer = dir.path().join("nieuwer.toml");
        fs::write(
            &newer,
            text.replacen("format_version = ", "format_version = 9", 1),
        )
        .unwrap();
        for p in [&far, &other, &newer, &dir.path().join("weg.toml")] {
            assert_eq!(head(p), None, "{}", p.display());
        }
        #[cfg(unix)]
        {
            let c = std::ffi::CString::new(dir.path().join("p.toml").to_str().unwrap()).unwrap();
            // SAFETY: a valid C string; mkfifo only makes a file.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            assert_eq!(
                head(&dir.path().join("p.toml")),
                None,
                "a pipe, never waited on"
            );
        }
    }

    #[test]
    fn only_the_cache_and_its_temporary_files_are_the_cache() {
        assert!(is_cache_file(Path::new("/s/.voer-cache.json")));
        assert!(is_cache_file(Path::new("/s/.voer-cache.json.a1B2c3.tmp")));
        assert!(!is_cache_file(Path::new("/s/2026-11-20_1400_x.toml")));
        assert!(!is_cache_file(Path::new("/s/.voer-cache.json.bak")));
    }
}
