//! The four audiences a conversation is written for.
use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    ClientCouncil,
    Board,
    Team,
    Classroom,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::ClientCouncil,
        Audience::Board,
        Audience::Team,
        Audience::Classroom,
    ];

    /// The identifier used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Audience::ClientCouncil => "client-council",
            Audience::Board => "board",
            Audience::Team => "team",
            Audience::Classroom => "classroom",
        }
    }

    /// What people in the room call this audience.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Audience::ClientCouncil, Lang::Nl) => "Cliëntenraad",
            (Audience::ClientCouncil, Lang::En) => "Client council",
            (Audience::Board, Lang::Nl) => "Bestuur / raad van toezicht",
            (Audience::Board, Lang::En) => "Board / supervisory board",
            (Audience::Team, Lang::Nl) => "Zorgteam / medewerkers",
            (Audience::Team, Lang::En) => "Care team / staff",
            (Audience::Classroom, Lang::Nl) => "Onderwijs / klas",
            (Audience::Classroom, Lang::En) => "Classroom / education",
        }
    }

    /// Whether voer addresses this group with the formal "u" (a client council) rather than
    /// "jullie": the one rule for every screen and message to the group.
    pub fn is_addressed_formally(self) -> bool {
        matches!(self, Audience::ClientCouncil)
    }

    /// A list of the valid names, for error messages.
    pub fn valid_list() -> String {
        "client-council (clientenraad, cliëntenraad), board (bestuur), team, classroom (klas, onderwijs)"
            .to_string()
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Audience {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "client-council" | "clientcouncil" | "client_council" | "clientenraad"
            | "cliëntenraad" => Ok(Audience::ClientCouncil),
            "board" | "bestuur" | "raad-van-toezicht" | "rvt" => Ok(Audience::Board),
            "team" | "zorgteam" | "care-team" => Ok(Audience::Team),
            "classroom" | "klas" | "onderwijs" => Ok(Audience::Classroom),
            _ => Err(format!("unknown audience '{s}'")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_aliases_are_accepted() {
        for (s, a) in [
            ("clientenraad", Audience::ClientCouncil),
            ("cliëntenraad", Audience::ClientCouncil),
            ("Cliëntenraad", Audience::ClientCouncil),
            ("bestuur", Audience::Board),
            ("klas", Audience::Classroom),
            ("onderwijs", Audience::Classroom),
            ("team", Audience::Team),
        ] {
            assert_eq!(s.parse::<Audience>(), Ok(a), "{s}");
        }
        assert!("ouders".parse::<Audience>().is_err());
    }
}
