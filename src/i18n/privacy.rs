//! The words about privacy, in Dutch and English: the facilitator's private notes, reports
//! without names, `voer delete`, the retention period and `voer privacy`. A part of each
//! language's table (`Texts::privacy`), kept together so that a privacy officer's questions
//! find their answers in one place.
use super::Tpl;

pub struct PrivacyTexts {
    // the private notes in a run
    /// The notes panel's title while the private notes are open.
    pub private_title: &'static str,
    pub private_placeholder: &'static str,
    /// The key bar: the key opens the private notes …
    pub key_private: &'static str,
    /// … and, while they are open, the group's notes again.
    pub key_group_notes: &'static str,
    pub help_private: &'static str,
    // reports
    /// Over the private notes in a report made with `--with-private`.
    pub private_heading: &'static str,
    /// The step column of a csv row of private notes: "Vraag 2 (privé)".
    pub private_step: Tpl<1>,
    /// The word a participant's name is replaced by, numbered: "Deelnemer 1".
    pub participant_word: &'static str,
    /// At the top of a report made with `--anonymous`.
    pub anonymous_notice: &'static str,
    /// The label of the participants in a report's header.
    pub participants: &'static str,
    // voer delete
    pub delete_heading: Tpl<2>,
    pub delete_kept: Tpl<1>,
    pub delete_exports: &'static str,
    pub delete_ask: &'static str,
    pub delete_cancelled: &'static str,
    pub delete_done: Tpl<2>,
    pub delete_needs_yes: &'static str,
    pub delete_in_run: Tpl<1>,
    pub delete_failed: Tpl<2>,
    pub delete_link: Tpl<2>,
    pub delete_no_retention: Tpl<1>,
    pub delete_none_expired: Tpl<2>,
    /// The words a person types to confirm (lowercase); the first is asked for.
    pub yes_words: &'static [&'static str],
    // retention
    /// In the status column of `voer sessions`: past the retention period.
    pub expired_mark: &'static str,
    pub expired_count: Tpl<3>,
    /// "1 sessie" / "2 sessies", "1 bestand" / "2 bestanden": a count with its noun.
    pub sessions_counted: [&'static str; 2],
    pub files_counted: [&'static str; 2],
    // voer privacy
    pub statement: Tpl<5>,
    pub retention_none: &'static str,
    pub retention_months: Tpl<1>,
    /// A config file's `retention_months` that is not a whole number from 1 on.
    pub bad_retention: &'static str,
    pub no_config_file: &'static str,
    pub unknown_folder: &'static str,
}

pub static NL: PrivacyTexts = PrivacyTexts {
    private_title: "Privénotities — alleen voor de gespreksleider",
    private_placeholder: "Eigen notities: nooit op het zaalscherm, niet in een verslag",
    key_private: "privé",
    key_group_notes: "groepsnotities",
    help_private: "eigen privénotities / terug naar die van de groep",
    private_heading: "Privénotities van de gespreksleider",
    private_step: Tpl::new("{} (privé)"),
    participant_word: "Deelnemer",
    anonymous_notice: "Namen zijn vervangen: de deelnemers, de gespreksleider en wie een actie \
                       op zich nam heten hier Deelnemer 1, Deelnemer 2 enzovoort, ook in de \
                       notities. Een naam die in de notities staat en niet bij de deelnemers \
                       hoort, kan voer niet herkennen: lees het verslag na voordat u het deelt.",
    participants: "Deelnemers",
    delete_heading: Tpl::new("Te verwijderen uit {}: {}"),
    delete_kept: Tpl::new(
        "Blijft staan: {} (na het schrijven veranderd, of niet door voer geschreven).",
    ),
    delete_exports: "Verslagen die met voer export elders zijn opgeslagen, zijn van u en blijven \
                     staan: verwijder die zelf.",
    delete_ask: "Verwijderen? Typ ja en Enter (iets anders: er wordt niets verwijderd): ",
    delete_cancelled: "Er is niets verwijderd.",
    delete_done: Tpl::new("Verwijderd: {}, {}."),
    delete_needs_yes: "voer delete vraagt om bevestiging, maar er is geen terminal om die te \
                       typen. Er is niets verwijderd. Geef --yes om zonder vragen te verwijderen.",
    delete_in_run: Tpl::new(
        "{} is geopend in een lopende voer. Sluit die eerst; er is niets verwijderd.",
    ),
    delete_failed: Tpl::new("{} kon niet worden verwijderd: {}"),
    delete_link: Tpl::new(
        "{} is een koppeling naar {}. Noem het sessiebestand zelf; er is niets verwijderd.",
    ),
    delete_no_retention: Tpl::new(
        "Er is geen bewaartermijn ingesteld. Zet bijvoorbeeld retention_months = 12 in het \
         configuratiebestand {}; voer config laat zien wat geldt.",
    ),
    delete_none_expired: Tpl::new("Geen sessies ouder dan {} maanden in {}."),
    yes_words: &["ja", "j", "yes", "y"],
    expired_mark: "bewaartermijn voorbij",
    sessions_counted: ["sessie", "sessies"],
    files_counted: ["bestand", "bestanden"],
    expired_count: Tpl::new("Ouder dan de bewaartermijn van {1} maanden: {0}. Verwijderen: {2}"),
    statement: Tpl::new(
        "Wat voer bewaart, en waar (voor het verwerkingsregister)

voer is een programma op deze computer voor gesprekken over een video uit de serie \
'Radicale vernieuwing zorg'. Het maakt geen enkele netwerkverbinding: er gaat niets naar \
internet, naar een server of naar de makers.

Wat wordt bewaard
- Per gesprek één sessiebestand (TOML, leesbare tekst): de groep, de gespreksleider, de \
voornamen of initialen van de deelnemers, de notities van de groep, de eigen notities van de \
gespreksleider (privénotities), de afspraken met wie ze doet en wanneer, en de tijden. \
Notities van een cliëntenraad kunnen persoons- en gezondheidsgegevens bevatten.
- Naast elk sessiebestand X.toml, zolang het gesprek loopt: .X.toml.lock (het slot) en \
.X.toml.room (het zaalscherm volgt mee); zonder inhoud over het gesprek.
- Het verslag dat Ctrl+E naast het sessiebestand schrijft (X.md); voer noteert het in het \
sessiebestand.
- {4} in de map met sessies, als die er is: een kopie uit de sessiebestanden van \
wat het overzicht nodig heeft (groepen, data, afspraken met wie ze doet), om snel te lijsten; \
nooit de bron.
- Alleen als de laatste opslag van een gesprek mislukt: een reservekopie in de reddingsmap.
- De instellingen, als er een configuratiebestand is.

Waar
- Sessies: {0}
- Reddingsmap: {1}
- Configuratiebestand: {2}
Een verslag dat iemand met voer export --output ergens anders wegschrijft, en een sessie die \
na een mislukte opslag elders is bewaard, staan waar die persoon ze neerzet.

Rechten
Elk bestand dat voer maakt is alleen leesbaar voor de eigen gebruiker (0600, mappen 0700).

Bewaartermijn
{3}
voer verwijdert nooit vanzelf. voer sessions markeert sessies die ouder zijn dan de termijn, \
en elk gesprek meldt bij de start hoeveel het er zijn.

Verwijderen
- voer delete NAAM: één sessie (de naam zoals voer sessions die toont)
- voer delete --group GROEP: alle sessies van een groep
- voer delete --expired: alle sessies ouder dan de bewaartermijn
voer delete toont eerst wat het verwijdert en vraagt om bevestiging. Het verwijdert het \
sessiebestand, het slot, het aanwezigheidsbestand, de reservekopieën, de regels in de cache en \
de Ctrl+E-verslagen die sinds het schrijven niet zijn veranderd. Een sessie die open is in een \
lopende voer wordt niet verwijderd. Verslagen die elders zijn opgeslagen, verwijdert de \
gebruiker zelf.

Verslagen zonder namen: voer export --anonymous vervangt de deelnemers, de gespreksleider en \
wie een actie op zich nam door Deelnemer 1, Deelnemer 2 enzovoort. De privénotities staan \
alleen in een verslag met voer export --with-private.
",
    ),
    retention_none: "Geen bewaartermijn ingesteld (retention_months in het configuratiebestand).",
    retention_months: Tpl::new("{} maanden (retention_months in het configuratiebestand)."),
    bad_retention: "retention_months moet een heel aantal maanden zijn, 1 of meer (bijvoorbeeld \
                    retention_months = 12); zonder die regel is er geen bewaartermijn",
    no_config_file: "(geen: er is geen map voor instellingen op deze computer)",
    unknown_folder: "(onbekend op deze computer)",
};

pub static EN: PrivacyTexts = PrivacyTexts {
    private_title: "Private notes — for the facilitator only",
    private_placeholder: "Your own notes: never on the room screen, not in a report",
    key_private: "private",
    key_group_notes: "group notes",
    help_private: "your own private notes / back to the group's",
    private_heading: "The facilitator's private notes",
    private_step: Tpl::new("{} (private)"),
    participant_word: "Participant",
    anonymous_notice: "Names were replaced: the participants, the facilitator and whoever took \
                       on an action are called Participant 1, Participant 2 and so on, also in \
                       the notes. A name in the notes that is not one of the participants cannot \
                       be recognised by voer: read the report before you share it.",
    participants: "Participants",
    delete_heading: Tpl::new("To delete from {}: {}"),
    delete_kept: Tpl::new("Left in place: {} (changed since it was written, or not voer's)."),
    delete_exports: "Reports saved elsewhere with voer export are yours and stay where they \
                     are: delete those yourself.",
    delete_ask: "Delete? Type yes and Enter (anything else: nothing is deleted): ",
    delete_cancelled: "Nothing was deleted.",
    delete_done: Tpl::new("Deleted: {}, {}."),
    delete_needs_yes: "voer delete asks for confirmation, but there is no terminal to type it \
                       in. Nothing was deleted. Give --yes to delete without asking.",
    delete_in_run: Tpl::new("{} is open in a running voer. Close it first; nothing was deleted."),
    delete_failed: Tpl::new("{} could not be deleted: {}"),
    delete_link: Tpl::new("{} is a link to {}. Name the session file itself; nothing was deleted."),
    delete_no_retention: Tpl::new(
        "No retention period is set. Put for example retention_months = 12 in the config file \
         {}; voer config shows what is in effect.",
    ),
    delete_none_expired: Tpl::new("No sessions older than {} months in {}."),
    yes_words: &["yes", "y", "ja", "j"],
    expired_mark: "past retention",
    sessions_counted: ["session", "sessions"],
    files_counted: ["file", "files"],
    expired_count: Tpl::new(
        "Older than the retention period of {1} months: {0}. To delete them: {2}",
    ),
    statement: Tpl::new(
        "What voer stores, and where (for the record of processing)

voer is a program on this computer for conversations about a video of the series \
'Radicale vernieuwing zorg'. It makes no network connection at all: nothing goes to the \
internet, to a server or to its makers.

What is stored
- One session file per conversation (TOML, readable text): the group, the facilitator, the \
first names or initials of the participants, the group's notes, the facilitator's own notes \
(private notes), the actions with who does them and when, and the times. Notes of a client \
council may hold personal and health information.
- Beside each session file X.toml, while the conversation runs: .X.toml.lock (the lock) and \
.X.toml.room (a room screen follows); nothing about the conversation is in them.
- The report Ctrl+E writes beside the session file (X.md); voer records it in the session file.
- {4} in the sessions folder, if there is one: a copy from the session files of \
what the overview needs (groups, dates, actions with who does them), to list them fast; never \
the source.
- Only when the last save of a conversation fails: a rescue copy in the rescue folder.
- The settings, if there is a config file.

Where
- Sessions: {0}
- Rescue folder: {1}
- Config file: {2}
A report someone writes elsewhere with voer export --output, and a session saved elsewhere \
after a failed save, are where that person puts them.

Permissions
Every file voer makes can be read by its own user only (0600, folders 0700).

Retention
{3}
voer never deletes by itself. voer sessions marks the sessions older than the period, and \
every conversation says at its start how many there are.

Deleting
- voer delete NAME: one session (the name as voer sessions shows it)
- voer delete --group GROUP: all sessions of a group
- voer delete --expired: all sessions older than the retention period
voer delete first shows what it will delete and asks to confirm. It deletes the session file, \
the lock, the presence file, the rescue copies, its lines in the cache and the Ctrl+E reports \
unchanged since they were written. A session open in a running voer is not deleted. Reports \
saved elsewhere are deleted by the user.

Reports without names: voer export --anonymous replaces the participants, the facilitator \
and whoever took on an action by Participant 1, Participant 2 and so on. The private notes are \
only in a report made with voer export --with-private.
",
    ),
    retention_none: "No retention period set (retention_months in the config file).",
    retention_months: Tpl::new("{} months (retention_months in the config file)."),
    bad_retention: "retention_months must be a whole number of months, 1 or more (for example \
                    retention_months = 12); without that line there is no retention period",
    no_config_file: "(none: this computer has no folder for settings)",
    unknown_folder: "(unknown on this computer)",
};

/// `n` with its noun, one or more: "1 sessie", "3 sessies".
pub fn counted(n: usize, nouns: [&str; 2]) -> String {
    format!("{n} {}", if n == 1 { nouns[0] } else { nouns[1] })
}
