//! The two languages voer speaks, and how the default is chosen.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The language of the environment: the first of LC_ALL, LC_MESSAGES, LANG that is set and
    /// not empty, else the system locale on Windows and macOS (where LANG is rarely set).
    pub fn from_env() -> Lang {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Self::from_locale(var.or_else(system_locale).as_deref())
    }

    /// English for a locale that starts with `en` (`en_GB.UTF-8`, `en-US`, Windows'
    /// `English_United States.1252`); Dutch, the language of the series, for everything else,
    /// including no locale, `C` and `POSIX`.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.trim().to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Nl,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

#[cfg(any(windows, target_os = "macos"))]
fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

#[cfg(not(any(windows, target_os = "macos")))]
fn system_locale() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_only_for_an_english_locale_and_dutch_otherwise() {
        let table = [
            (None, Lang::Nl),
            (Some(""), Lang::Nl),
            (Some("C"), Lang::Nl),
            (Some("POSIX"), Lang::Nl),
            (Some("C.UTF-8"), Lang::Nl),
            (Some("nl_NL.UTF-8"), Lang::Nl),
            (Some("nl_BE"), Lang::Nl),
            (Some("fy_NL"), Lang::Nl),
            (Some("de_DE.UTF-8"), Lang::Nl),
            (Some("en_GB.UTF-8"), Lang::En),
            (Some("en_US"), Lang::En),
            (Some("en"), Lang::En),
            // Windows: sys-locale gives BCP 47 tags; the C runtime's names are long.
            (Some("en-US"), Lang::En),
            (Some("nl-NL"), Lang::Nl),
            (Some("English_United States.1252"), Lang::En),
            (Some("Dutch_Netherlands.1252"), Lang::Nl),
            (Some("German_Germany.1252"), Lang::Nl),
        ];
        for (locale, want) in table {
            assert_eq!(Lang::from_locale(locale), want, "{locale:?}");
        }
    }
}
