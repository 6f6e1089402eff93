//! The config file `voer.toml` in the platform's config folder, and where the sessions folder
//! is: the command line wins, then the config file, then the platform's default.
use std::{
    path::{Path, PathBuf},
    sync::Arc,
};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::{
    i18n::{self, Localize, os_reason},
    lang::Lang,
};

/// What a facilitator may set once instead of on every command line.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub language: Option<Lang>,
    /// Folder for session files; `~/` is the home folder, a relative path is taken from the
    /// folder the config file is in.
    pub sessions: Option<PathBuf>,
    pub facilitator: Option<String>,
    pub theme: Option<ConfigTheme>,
    /// Names of the usual participants (kept for the runs that will ask for them).
    pub participants: Option<Vec<String>>,
    /// How many months a session is kept: older ones are marked, counted at the start of a
    /// run, and removed by `voer delete --expired` (never by themselves). None by default;
    /// a whole number of at least 1 (0 would put today's meetings up for deletion).
    #[serde(default, deserialize_with = "months")]
    pub retention_months: Option<u32>,
}

/// The message of a `retention_months` that is not a whole number from 1 on; worded by
/// [`ConfigProblem::RetentionMonths`] in the user's language.
const BAD_MONTHS: &str = "retention_months: not a whole number of months from 1 on";

fn months<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let value = toml::Value::deserialize(d)?;
    match value.as_integer().and_then(|n| u32::try_from(n).ok()) {
        Some(n) if n >= 1 => Ok(Some(n)),
        _ => Err(serde::de::Error::custom(BAD_MONTHS)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConfigTheme {
    Default,
    Projector,
}

/// The most voer reads of a config file: a few lines of settings, far under this.
pub const MAX_BYTES: u64 = 1 << 20;

/// A config file that cannot be used: which file, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when the problem is at a place in the file.
    pub position: Option<(usize, usize)>,
    pub problem: ConfigProblem,
}

/// What is wrong with a config file.
#[derive(Debug, Clone)]
pub enum ConfigProblem {
    /// It could not be read (not a regular file, too large, no permission …).
    Read(Arc<std::io::Error>),
    /// It holds bytes that are not UTF-8 text.
    NotText,
    /// The TOML reader's description of what is wrong at `position`.
    Toml(String),
    /// `retention_months` is not a whole number from 1 on (`0`, `-1`, `"12"`).
    RetentionMonths,
}

/// Equal when they say the same: `io::Error` itself has no equality.
impl PartialEq for ConfigProblem {
    fn eq(&self, other: &ConfigProblem) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}

impl Localize for ConfigError {
    fn render(&self, lang: Lang) -> String {
        let problem = match &self.problem {
            ConfigProblem::Read(e) => os_reason(e, lang),
            ConfigProblem::NotText => i18n::texts(lang).not_text.to_string(),
            ConfigProblem::Toml(message) => message.clone(),
            ConfigProblem::RetentionMonths => i18n::texts(lang).privacy.bad_retention.to_string(),
        };
        match self.position {
            Some((line, col)) => format!("{}:{line}:{col}: {problem}", self.path.display()),
            None => format!("{}: {problem}", self.path.display()),
        }
    }
}

i18n::english_display!(ConfigError);

impl std::error::Error for ConfigError {}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "voer")
}

/// Where the config file is looked for (it need not exist).
pub fn path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("voer.toml"))
}

/// The default sessions folder: `sessions` in the platform's local data folder (on Linux
/// `$XDG_DATA_HOME/voer/sessions`, on Windows `%LOCALAPPDATA%\voer\data\sessions`, on macOS
/// `~/Library/Application Support/voer/sessions`), never a synced Documents folder.
pub fn default_sessions_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_local_dir().join("sessions"))
}

/// The rescue folder: `rescue` in the platform's local data folder, whatever `--sessions`
/// says. Only written when the last save of a session fails (see `store::rescue`).
pub fn rescue_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_local_dir().join("rescue"))
}

/// Reads the config file; a missing file is an empty config. Only a regular file of at most
/// [`MAX_BYTES`] is read: a pipe or `/dev/zero` put there never holds up a command.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let error = |problem| ConfigError {
        path: path.to_path_buf(),
        position: None,
        problem,
    };
    let bytes = match crate::platform::read_regular(path, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(error(ConfigProblem::Read(Arc::new(e)))),
    };
    let text = String::from_utf8(bytes).map_err(|_| error(ConfigProblem::NotText))?;
    parse(path, &text)
}

/// Parses the text of a config file; `path` is used in messages and for relative folders.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let mut config: Config = toml::from_str(text).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        position: e.span().map(|s| crate::episode::line_col(text, s.start)),
        problem: if e.message().contains(BAD_MONTHS) {
            ConfigProblem::RetentionMonths
        } else {
            ConfigProblem::Toml(e.message().trim().replace('\n', " "))
        },
    })?;
    if let Some(dir) = config.sessions.take() {
        config.sessions = Some(resolve(path, &dir));
    }
    Ok(config)
}

/// `~/x` → home/x; a relative folder is taken from the config file's folder.
fn resolve(config_path: &Path, dir: &Path) -> PathBuf {
    if let Ok(rest) = dir.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    if dir.is_absolute() {
        return dir.to_path_buf();
    }
    config_path
        .parent()
        .map_or_else(|| dir.to_path_buf(), |p| p.join(dir))
}

/// Where a value in effect came from, for `voer config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    CommandLine,
    ConfigFile,
    Environment,
    Default,
}

/// The sessions folder in effect, always absolute, and where it came from.
pub fn sessions_dir(flag: Option<&Path>, config: &Config) -> (PathBuf, Source) {
    let (dir, source) = if let Some(dir) = flag {
        (dir.to_path_buf(), Source::CommandLine)
    } else if let Some(dir) = &config.sessions {
        (dir.clone(), Source::ConfigFile)
    } else if let Some(dir) = default_sessions_dir() {
        (dir, Source::Default)
    } else {
        // No home folder at all: the working folder is all there is.
        (PathBuf::from("sessions"), Source::Default)
    };
    (std::path::absolute(&dir).unwrap_or(dir), source)
}

/// The language in effect and where it came from.
pub fn language(flag: Option<Lang>, config: &Config) -> (Lang, Source) {
    match (flag, config.language) {
        (Some(l), _) => (l, Source::CommandLine),
        (None, Some(l)) => (l, Source::ConfigFile),
        (None, None) => (Lang::from_env(), Source::Environment),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config_parses_and_a_relative_folder_is_taken_from_the_config_folder() {
        let path = Path::new("/etc/voer/voer.toml");
        let c = parse(
            path,
            "language = \"en\"\nsessions = \"notes\"\nfacilitator = \"Anna\"\n\
             theme = \"projector\"\nparticipants = [\"Anna\", \"Bert\"]\n",
        )
        .unwrap();
        assert_eq!(c.language, Some(Lang::En));
        assert_eq!(c.sessions, Some(PathBuf::from("/etc/voer/notes")));
        assert_eq!(c.facilitator.as_deref(), Some("Anna"));
        assert_eq!(c.theme, Some(ConfigTheme::Projector));
        assert_eq!(c.participants, Some(vec!["Anna".into(), "Bert".into()]));
        assert_eq!(parse(path, "").unwrap(), Config::default());
    }

    #[test]
    fn a_broken_config_names_the_file_line_and_column() {
        let path = Path::new("/home/a/.config/voer/voer.toml");
        let e = parse(path, "facilitator = \"Anna\"\nlanguage = \"de\"\n").unwrap_err();
        assert_eq!(e.position, Some((2, 12)), "{e}");
        assert!(
            e.to_string()
                .starts_with("/home/a/.config/voer/voer.toml:2:12: "),
            "{e}"
        );
        let e = parse(path, "\n\nthema = \"projector\"\n").unwrap_err();
        assert_eq!(e.position.map(|p| p.0), Some(3), "{e}");
        assert!(e.to_string().contains("thema"), "{e}");
        let e = parse(path, "theme = \"dark\"").unwrap_err();
        assert!(e.to_string().contains(":1:9: "), "{e}");
        let e = parse(path, "language = \n").unwrap_err();
        assert!(e.to_string().contains(":1:"), "{e}");
    }

    #[test]
    fn the_flag_wins_over_the_config_file() {
        let config = Config {
            sessions: Some(PathBuf::from("/data/voer")),
            language: Some(Lang::En),
            ..Config::default()
        };
        assert_eq!(
            sessions_dir(Some(Path::new("/tmp/s")), &config),
            (PathBuf::from("/tmp/s"), Source::CommandLine)
        );
        assert_eq!(
            sessions_dir(None, &config),
            (PathBuf::from("/data/voer"), Source::ConfigFile)
        );
        let (rel, _) = sessions_dir(Some(Path::new("rel")), &config);
        assert!(rel.is_absolute() && rel.ends_with("rel"));
        assert_eq!(
            language(Some(Lang::Nl), &config),
            (Lang::Nl, Source::CommandLine)
        );
        assert_eq!(language(None, &config), (Lang::En, Source::ConfigFile));
    }
}
