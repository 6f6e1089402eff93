//! Which session files a person means. A team leader never types a data folder's path: a
//! session is named the way `voer sessions` shows it, or asked for as the newest one, or as
//! all of a group's. Every command that takes sessions (`export`, `resume`, `room`, `delete`)
//! finds them here, so a name means the same everywhere.
//!
//! ```text
//! voer export 2026-12-03_0730_jef-mol_client-council_clientenraad-de-linde   # a name, .toml optional
//! voer export ~/Downloads/kopie.toml                                          # a path from here
//! voer export --last                                                          # the newest session
//! voer export --group "clientenraad de linde"                                 # all of the group's
//! ```
//!
//! Examples (`example = true`) are never picked by `--last` or `--group`; named, they are found.
pub mod words;

use std::{
    fs,
    path::{Component, Path, PathBuf},
};

use chrono::{DateTime, FixedOffset};
use unicode_width::UnicodeWidthStr;

pub use words::{Words, words};

use super::{
    group_key,
    store::{self, Listed, StoreError, cache::Summary},
};
use crate::{
    i18n::{Localize, fill},
    lang::Lang,
    printable::shell_word,
};

/// The extension of a session file, which a name may leave out.
const EXTENSION: &str = "toml";
/// How many near names a message offers.
const NEAREST: usize = 3;

/// The sessions a person asked for on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Session files as typed: each a path that exists from the current folder, or else a
    /// file name in the sessions folder, with or without `.toml`.
    Names(Vec<PathBuf>),
    /// The newest session, by when it started (the top row of `voer sessions`), finished or
    /// not; never an example.
    Last,
    /// Every session of the group, oldest first, matched by [`group_key`] as the next
    /// meeting's agreements are; never an example.
    Group(String),
}

/// Finds sessions by name in the sessions folder (and, for names, the rescue folder).
///
/// ```no_run
/// # use voer::session::find::{Choice, Finder};
/// # fn main() -> Result<(), voer::session::find::FindError> {
/// let finder = Finder::new("/home/anna/.local/share/voer/sessions");
/// let files = finder.resolve(&Choice::Group("Cliëntenraad De Linde".into()))?;
/// let one = finder.file("2026-12-03_0730_jef-mol_client-council_clientenraad-de-linde".as_ref())?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Finder {
    sessions: PathBuf,
    rescue: Option<PathBuf>,
}

/// Why no session was found, worded with where voer looked and what is there instead.
#[derive(Debug, thiserror::Error)]
pub enum FindError {
    /// `name` is no path from here and no session in the folders looked in: `looked` are
    /// those folders (the current one first), or, for a path with folders in it, that path
    /// made absolute. `nearest` are the names in the sessions folder closest to it.
    NotFound {
        name: PathBuf,
        looked: Vec<PathBuf>,
        nearest: Vec<String>,
    },
    /// `--last` in a folder without a session of its own; `example` is the name of an
    /// example that is there (not picked unless named).
    NoSessions {
        dir: PathBuf,
        example: Option<String>,
    },
    /// `--group` that matches no session in `dir`; `groups` are the nearest group names
    /// there (all of them, up to a few, when none is near).
    NoGroup {
        group: String,
        dir: PathBuf,
        groups: Vec<String>,
    },
    /// A command that needs sessions was given none: what to give, with examples from the
    /// folder (`voer {command} --last`, a real name, a real group).
    NothingNamed {
        command: &'static str,
        dir: PathBuf,
        newest: Option<Newest>,
    },
    /// The sessions folder could not be read.
    Store(#[from] StoreError),
}

/// The newest session of a folder, for the examples of [`FindError::NothingNamed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Newest {
    /// Its file name without `.toml`, as it can be typed.
    pub name: String,
    pub group: String,
    pub started_at: DateTime<FixedOffset>,
}

impl Finder {
    /// A finder for the sessions folder `sessions` (absolute, as messages name it).
    pub fn new(sessions: impl Into<PathBuf>) -> Finder {
        Finder {
            sessions: sessions.into(),
            rescue: None,
        }
    }

    /// Also finds names among the rescue copies (which `voer sessions` lists too), after the
    /// sessions folder.
    pub fn with_rescue(mut self, rescue: Option<PathBuf>) -> Finder {
        self.rescue = rescue;
        self
    }

    /// The files `choice` stands for, in the order a report shows them: names as given,
    /// a group's sessions oldest first. A group's unreadable files (by their file name) are
    /// included, so the command reports them rather than quietly leaving a meeting out.
    pub fn resolve(&self, choice: &Choice) -> Result<Vec<PathBuf>, FindError> {
        match choice {
            Choice::Names(names) => names.iter().map(|n| self.file(n)).collect(),
            Choice::Last => Ok(vec![self.last()?]),
            Choice::Group(g) => self.group(g),
        }
    }

    /// One session by name: `name` itself when it exists from the current folder, else the
    /// file of that name in the sessions folder (then the rescue folder), `.toml` optional.
    /// Only a bare file name is looked up in the folders: a path with folders in it is a path.
    pub fn file(&self, name: &Path) -> Result<PathBuf, FindError> {
        if fs::symlink_metadata(name).is_ok() {
            return Ok(name.to_path_buf());
        }
        let here = std::path::absolute(name).unwrap_or_else(|_| name.to_path_buf());
        let mut looked = Vec::new();
        if is_bare(name) {
            looked.extend(here.parent().map(Path::to_path_buf));
            // The rescue folder is named only where there is one: it seldom is.
            let rescue = self.rescue.iter().filter(|r| r.is_dir());
            for dir in std::iter::once(&self.sessions).chain(rescue) {
                if let Some(found) = candidates(dir, name).into_iter().find(|c| c.is_file()) {
                    return Ok(found);
                }
                looked.push(dir.clone());
            }
        } else {
            looked.push(here);
        }
        Err(FindError::NotFound {
            name: name.to_path_buf(),
            looked,
            nearest: self.nearest_names(name),
        })
    }

    /// The newest session in the sessions folder by when it started, finished or not; never
    /// an example.
    pub fn last(&self) -> Result<PathBuf, FindError> {
        let listed = self.list()?;
        // Listed newest first.
        if let Some(l) = listed.iter().find(|l| is_own(l)) {
            return Ok(l.path.clone());
        }
        let example = listed
            .iter()
            .find(|l| l.session.as_ref().is_ok_and(|s| s.session.example))
            .and_then(|l| l.path.file_name())
            .map(|n| n.to_string_lossy().into_owned());
        Err(FindError::NoSessions {
            dir: self.sessions.clone(),
            example,
        })
    }

    /// Every session of `group` in the sessions folder, oldest first, examples left out; and
    /// the unreadable files whose name says they are the group's.
    pub fn group(&self, group: &str) -> Result<Vec<PathBuf>, FindError> {
        let listed = self.list()?;
        let want = group_key(group);
        let mut found: Vec<&Listed<Summary>> = listed
            .iter()
            .filter(|l| match (&l.session, &want) {
                (_, None) => false,
                (Ok(s), Some(w)) => {
                    !s.session.example && group_key(&s.session.group).as_ref() == Some(w)
                }
                (Err(_), Some(w)) => named_for_group(&l.path, w),
            })
            .collect();
        if found.is_empty() {
            return Err(FindError::NoGroup {
                group: group.to_string(),
                dir: self.sessions.clone(),
                groups: nearest_groups(&listed, group),
            });
        }
        found.reverse();
        Ok(found.into_iter().map(|l| l.path.clone()).collect())
    }

    /// The error for a command given no session at all, with examples from this folder.
    pub fn nothing_named(&self, command: &'static str) -> FindError {
        let newest = self.list().ok().and_then(|listed| {
            listed.iter().find(|l| is_own(l)).and_then(|l| {
                let s = l.session.as_ref().ok()?;
                Some(Newest {
                    name: l.path.file_stem()?.to_string_lossy().into_owned(),
                    group: s.session.group.clone(),
                    started_at: s.session.started_at,
                })
            })
        });
        FindError::NothingNamed {
            command,
            dir: self.sessions.clone(),
            newest,
        }
    }

    /// The sessions folder's sessions, newest first, summarised through the folder's cache
    /// (brought up to date); a folder that is not there has none.
    fn list(&self) -> Result<Vec<Listed<Summary>>, StoreError> {
        match store::cache::list(&self.sessions) {
            Ok((listed, refresh)) => {
                refresh.write();
                Ok(listed)
            }
            Err(e) if e.is_not_found() => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }

    /// The session files in the sessions folder whose names are closest to `name`, best first.
    fn nearest_names(&self, name: &Path) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.sessions) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.') && n.ends_with(".toml"))
            .collect();
        // Newest first among equals: the names start with their date.
        names.sort_by(|a, b| b.cmp(a));
        let typed = name
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        nearest(&typed, names.iter().map(|n| (stem(n), n.clone())))
    }
}

impl Choice {
    /// `FILE...`, `--last` or `--group G` as given (the parser lets only one of them be given);
    /// `None` when none was.
    pub fn from_args(files: &[PathBuf], last: bool, group: Option<&str>) -> Option<Choice> {
        match (files, last, group) {
            (_, _, Some(g)) => Some(Choice::Group(g.to_string())),
            (_, true, None) => Some(Choice::Last),
            ([], false, None) => None,
            (files, false, None) => Some(Choice::Names(files.to_vec())),
        }
    }
}

/// A session of one's own, readable: what `--last` and the examples may pick.
fn is_own(l: &Listed<Summary>) -> bool {
    l.session.as_ref().is_ok_and(|s| !s.session.example)
}

/// One plain file name, no folder in it: `2026-…-de-linde` or `….toml`.
fn is_bare(name: &Path) -> bool {
    let mut parts = name.components();
    matches!(
        (parts.next(), parts.next()),
        (Some(Component::Normal(_)), None)
    )
}

/// `dir/name`, and `dir/name.toml` when the name does not end in `.toml` already.
fn candidates(dir: &Path, name: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if name.extension().is_some_and(|e| e == EXTENSION) {
        out.push(dir.join(name));
    } else {
        let mut with = name.as_os_str().to_owned();
        with.push(".");
        with.push(EXTENSION);
        out.push(dir.join(with));
        out.push(dir.join(name));
    }
    out
}

/// A file name without `.toml`.
fn stem(name: &str) -> String {
    name.strip_suffix(".toml").unwrap_or(name).to_string()
}

/// Whether a session file's name says it is the group's: `…_<audience>_<group>.toml`, or
/// `<group>-2` for a second file of the same minute.
fn named_for_group(path: &Path, key: &str) -> bool {
    let Some(name) = path.file_stem().map(|n| n.to_string_lossy().into_owned()) else {
        return false;
    };
    let Some(last) = name.rsplit('_').next().filter(|_| name.contains('_')) else {
        return false;
    };
    last == key
        || last
            .strip_prefix(key)
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|n| n.parse::<u16>().is_ok())
}

/// The group names in `listed` closest to `group`; when none is close, all of them, up to a
/// few, so that the message still shows what there is.
fn nearest_groups(listed: &[Listed<Summary>], group: &str) -> Vec<String> {
    let mut groups: Vec<(String, String)> = Vec::new();
    for l in listed {
        let Ok(s) = &l.session else { continue };
        let Some(key) = group_key(&s.session.group) else {
            continue;
        };
        if !s.session.example && !groups.iter().any(|(k, _)| *k == key) {
            groups.push((key, s.session.group.trim().to_string()));
        }
    }
    let typed = group_key(group).unwrap_or_default();
    let near = nearest(&typed, groups.iter().cloned());
    if near.is_empty() {
        groups
            .into_iter()
            .take(NEAREST + 2)
            .map(|(_, g)| g)
            .collect()
    } else {
        near
    }
}

/// Of `(key, shown)` pairs, the shown names whose key is nearest to `typed`: a key that holds
/// what was typed first, then by likeness (as the command typo's suggestion, with strsim).
fn nearest(typed: &str, options: impl Iterator<Item = (String, String)>) -> Vec<String> {
    let typed = stem(&typed.to_lowercase());
    if typed.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, usize, String)> = options
        .enumerate()
        .filter_map(|(i, (key, shown))| {
            let key = key.to_lowercase();
            let score = if key.contains(&typed) {
                2.0
            } else {
                strsim::normalized_damerau_levenshtein(&typed, &key)
            };
            (score >= 0.6).then_some((score, i, shown))
        })
        .collect();
    // Best first; among equals, in the order given (newest first). A clear best (a typo in
    // one name) is offered alone, not with every name that shares most of its letters.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|s| s.0 >= best - 0.05)
        .take(NEAREST)
        .map(|(_, _, s)| s)
        .collect()
}

impl Localize for FindError {
    fn render(&self, lang: Lang) -> String {
        let w = words(lang);
        match self {
            FindError::NotFound {
                name,
                looked,
                nearest,
            } => {
                let mut out = if is_bare(name) {
                    let mut looked: Vec<String> =
                        looked.iter().map(|p| p.display().to_string()).collect();
                    let last = looked.pop().unwrap_or_default();
                    let looked = match looked.is_empty() {
                        true => last,
                        false => format!("{}{}{last}", looked.join(", "), w.and),
                    };
                    fill(w.not_found_in, [&name.display(), &looked])
                } else {
                    let path = looked.first().map_or(name.as_path(), PathBuf::as_path);
                    fill(w.no_such_path, [&path.display()])
                };
                if !nearest.is_empty() {
                    out.push('\n');
                    out.push_str(w.did_you_mean);
                    for n in nearest {
                        out.push_str("\n  ");
                        out.push_str(n);
                    }
                }
                out.push('\n');
                out.push_str(w.see_sessions);
                out
            }
            FindError::NoSessions { dir, example } => {
                let mut out = fill(w.no_sessions, [&dir.display()]);
                if let Some(e) = example {
                    out.push('\n');
                    out.push_str(&fill(w.example_not_counted, [e]));
                }
                out
            }
            FindError::NoGroup { group, dir, groups } => {
                let mut out = fill(w.no_group, [group, &dir.display()]);
                if !groups.is_empty() {
                    let quoted: Vec<String> = groups.iter().map(|g| format!("“{g}”")).collect();
                    out.push('\n');
                    out.push_str(&fill(w.groups_there, [&quoted.join(", ")]));
                }
                out
            }
            FindError::NothingNamed {
                command,
                dir,
                newest,
            } => match newest {
                None => fill(w.nothing_yet, [&dir.display(), command]),
                Some(n) => {
                    let when = n.started_at.format("%Y-%m-%d %H:%M");
                    let mut lines = vec![(
                        format!("voer {command} --last"),
                        match n.group.trim() {
                            "" => fill(w.example_last, [&when]),
                            g => fill(w.example_last_of, [&when, &g]),
                        },
                    )];
                    if group_key(&n.group).is_some() {
                        let group = shell_word(Path::new(n.group.trim()));
                        let line = format!("voer {command} --group {group}");
                        lines.push((line, w.example_group.to_string()));
                    }
                    // Aligned with each other; the long file name comes last, on its own.
                    let width = lines.iter().map(|(c, _)| c.width()).max().unwrap_or(0);
                    let mut out = fill(w.which_session, [&dir.display()]);
                    for (cmd, why) in lines {
                        out.push_str(&format!(
                            "\n  {cmd}{}   {why}",
                            " ".repeat(width - cmd.width())
                        ));
                    }
                    let name = shell_word(Path::new(&n.name));
                    out.push_str(&format!("\n  voer {command} {name}"));
                    out
                }
            },
            FindError::Store(e) => e.render(lang),
        }
    }
}

crate::i18n::english_display!(FindError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_is_one_plain_component() {
        assert!(is_bare(Path::new("2026-12-03_0730_x.toml")));
        assert!(is_bare(Path::new("naam")));
        assert!(!is_bare(Path::new("sessions/naam.toml")));
        assert!(!is_bare(Path::new("../naam")));
        assert!(!is_bare(Path::new("/naam")));
        assert!(!is_bare(Path::new("")));
    }

    #[test]
    fn a_files_name_says_its_group_with_or_without_a_second_files_number() {
        let key = "clientenraad-de-linde";
        for name in [
            "2026-12-03_0730_jef-mol_client-council_clientenraad-de-linde.toml",
            "2026-12-03_0730_jef-mol_client-council_clientenraad-de-linde-2.toml",
        ] {
            assert!(named_for_group(Path::new(name), key), "{name}");
        }
        for name in [
            "2026-12-03_0730_jef-mol_client-council_clientenraad-de-linden.toml",
            "clientenraad-de-linde.toml",
            "2026-12-03_0730_jef-mol_client-council_clientenraad-de-linde-x.toml",
        ] {
            assert!(!named_for_group(Path::new(name), key), "{name}");
        }
    }

    /// The example of `sessions/` as a session of one's own, of `group`, `days` later.
    fn meeting(dir: &Path, group: &str, days: i64) -> PathBuf {
        let text = include_str!(
            "../../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
        );
        let mut s = crate::session::Session::from_toml(text).unwrap();
        s.session.example = false;
        s.session.group = group.into();
        s.session.started_at += chrono::Duration::days(days);
        let path = dir.join(s.file_name());
        fs::write(&path, s.to_toml()).unwrap();
        path
    }

    #[test]
    fn a_groups_unreadable_file_is_taken_by_its_name_so_the_export_can_say_so() {
        let dir = tempfile::tempdir().unwrap();
        let june = meeting(dir.path(), "Cliëntenraad De Linde", -150);
        let march = meeting(dir.path(), "clientenraad de linde", -250);
        meeting(dir.path(), "Team 3B", 0);
        let broken = dir
            .path()
            .join("2026-12-03_1400_jef-mol_client-council_clientenraad-de-linde.toml");
        fs::write(&broken, "format_version = 2\n[session\n").unwrap();
        let finder = Finder::new(dir.path());
        let found = finder.group("Cliëntenraad de Linde").unwrap();
        // Readable ones oldest first; an unreadable one has no date and comes first.
        assert_eq!(found, [broken, march, june]);
    }

    #[test]
    fn a_rescue_copy_is_found_by_name_after_the_sessions_folder() {
        let (sessions, rescue) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let copy = meeting(rescue.path(), "Team 3B", 0);
        let finder = Finder::new(sessions.path()).with_rescue(Some(rescue.path().into()));
        let name = copy.file_stem().unwrap();
        assert_eq!(finder.file(Path::new(name)).unwrap(), copy);
        // In the sessions folder as well: that one is the session, the copy only its rescue.
        let own = meeting(sessions.path(), "Team 3B", 0);
        assert_eq!(finder.file(Path::new(name)).unwrap(), own);
    }

    #[test]
    fn the_nearest_names_hold_what_was_typed_or_look_like_it() {
        let names = [
            "2026-12-03_0730_jef-mol_client-council_clientenraad-de-linde",
            "2026-11-20_1400_jef-mol_board_bestuur",
            "2026-10-01_0900_vera-jansweijer_team_team-3b",
        ];
        let options = || names.iter().map(|n| (n.to_string(), format!("{n}.toml")));
        assert_eq!(
            nearest("de-linde", options()),
            vec![format!("{}.toml", names[0])]
        );
        // A mistyped minute, with .toml.
        assert_eq!(
            nearest(
                "2026-12-03_0731_jef-mol_client-council_clientenraad-de-linde.toml",
                options()
            ),
            vec![format!("{}.toml", names[0])]
        );
        assert!(nearest("iets heel anders", options()).is_empty());
        assert!(nearest("", options()).is_empty());
    }
}
