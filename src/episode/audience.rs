//! The seven audiences a conversation is written for.
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
    /// Relatives of clients: a family council or a relatives' evening.
    Relatives,
    /// A citizens' initiative or a neighbourhood.
    Citizens,
    /// Regulators and policy makers: inspectorate, care office, municipality, ministry.
    Oversight,
}

impl Audience {
    pub const ALL: [Audience; 7] = [
        Audience::ClientCouncil,
        Audience::Board,
        Audience::Team,
        Audience::Classroom,
        Audience::Relatives,
        Audience::Citizens,
        Audience::Oversight,
    ];

    /// The identifier used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Audience::ClientCouncil => "client-council",
            Audience::Board => "board",
            Audience::Team => "team",
            Audience::Classroom => "classroom",
            Audience::Relatives => "relatives",
            Audience::Citizens => "citizens",
            Audience::Oversight => "oversight",
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
            (Audience::Relatives, Lang::Nl) => "Naasten / familieraad",
            (Audience::Relatives, Lang::En) => "Relatives / family council",
            (Audience::Citizens, Lang::Nl) => "Burgerinitiatief / buurt",
            (Audience::Citizens, Lang::En) => "Citizens / neighbourhood",
            (Audience::Oversight, Lang::Nl) => "Toezicht en beleid",
            (Audience::Oversight, Lang::En) => "Regulators and policy makers",
        }
    }

    /// Whether voer addresses this group with the formal "u" rather than "je" and "jullie": a
    /// client council and relatives, often older people who do not work in care. The one rule
    /// for every screen, message and paper to the group.
    pub fn is_addressed_formally(self) -> bool {
        matches!(self, Audience::ClientCouncil | Audience::Relatives)
    }

    /// A list of the valid names, for error messages.
    pub fn valid_list() -> String {
        "client-council (clientenraad, cliëntenraad), board (bestuur), team, classroom (klas, onderwijs), \
         relatives (naasten, familieraad), citizens (burgerinitiatief, buurt), oversight (toezicht, beleid)"
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
            "relatives" | "naasten" | "familieraad" => Ok(Audience::Relatives),
            "citizens" | "burgerinitiatief" | "buurt" => Ok(Audience::Citizens),
            "oversight" | "toezicht" | "beleid" => Ok(Audience::Oversight),
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
            ("naasten", Audience::Relatives),
            ("familieraad", Audience::Relatives),
            ("burgerinitiatief", Audience::Citizens),
            ("buurt", Audience::Citizens),
            ("toezicht", Audience::Oversight),
            ("beleid", Audience::Oversight),
        ] {
            assert_eq!(s.parse::<Audience>(), Ok(a), "{s}");
        }
        assert!("ouders".parse::<Audience>().is_err());
    }

    #[test]
    fn every_audience_is_found_by_its_id_and_listed_in_the_message() {
        for a in Audience::ALL {
            assert_eq!(a.id().parse::<Audience>(), Ok(a));
            assert!(Audience::valid_list().contains(a.id()), "{a}");
        }
    }
}
