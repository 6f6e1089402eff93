//! The words for before and around the meeting, in Dutch and English: the participants' handout
//! and the facilitator's plan on paper (`voer handout`, `voer show --output`), and playing the
//! video at a key (`F5`). A part of each language's table (`Texts::paper`).
use super::Tpl;

pub struct PaperTexts {
    // the handout
    /// Above the questions, for a group addressed with "u".
    pub handout_intro_formal: &'static str,
    /// Above the questions, for a group addressed with "je" and "jullie".
    pub handout_intro: &'static str,
    /// Above the questions with lines to write on (a classroom).
    pub handout_intro_write: &'static str,
    pub handout_written: Tpl<1>,
    /// `--output` with an extension the handout is not made in.
    pub handout_extension: Tpl<1>,
    // the plan on paper
    pub plan_written: Tpl<1>,
    pub plan_extension: Tpl<1>,
    // F5 on the video step
    pub key_video: &'static str,
    pub help_video: &'static str,
    pub opening_url: Tpl<1>,
    pub opening_page: Tpl<1>,
    pub opening_file: Tpl<1>,
    pub nothing_to_open: &'static str,
    pub open_failed: Tpl<1>,
    // why the opener failed
    pub no_opener: Tpl<1>,
    pub opener_exit: Tpl<2>,
    pub opener_start: Tpl<2>,
    pub opener_stopped: Tpl<1>,
    pub opener_windows: Tpl<1>,
    pub file_gone: Tpl<1>,
    pub not_web: Tpl<1>,
    /// The room screen, while the facilitator has opened the video.
    pub room_playing: &'static str,
    /// `voer run --video PATH` with a file that is not there.
    pub video_missing: Tpl<2>,
    pub video_not_a_file: Tpl<1>,
}

pub(super) static NL: PaperTexts = PaperTexts {
    handout_intro_formal: "Na de video praten we samen over deze vragen. U kunt ze vooraf rustig doorlezen.",
    handout_intro: "Na de video praten we samen over deze vragen. Je kunt ze vooraf rustig doorlezen.",
    handout_intro_write: "Na de video praten we samen over deze vragen. Schrijf onder elke vraag alvast op wat je denkt.",
    handout_written: Tpl::new("Hand-out geschreven: {}"),
    handout_extension: Tpl::new(
        "Onbekende soort bestand: {}. Kies een naam die eindigt op .html (om af te drukken), .docx (Word) of .md.",
    ),
    plan_written: Tpl::new("Draaiboek geschreven: {}"),
    plan_extension: Tpl::new(
        "Onbekende soort bestand: {}. Kies een naam die eindigt op .html (om af te drukken), .docx (Word), .md of .txt.",
    ),
    key_video: "video",
    help_video: "videostap: de video openen (browser of speler)",
    opening_url: Tpl::new("De video gaat open in de browser: {}"),
    opening_page: Tpl::new(
        "Geen webadres van de video; de pagina van de aflevering gaat open in de browser: {}",
    ),
    opening_file: Tpl::new("Het videobestand gaat open in de speler: {}"),
    nothing_to_open: "Geen webadres en geen videobestand: speel de video af van waar u hem heeft, of start voer met --video BESTAND.",
    open_failed: Tpl::new("De video openen lukte niet: {}"),
    no_opener: Tpl::new("{} ontbreekt op deze computer (xdg-utils)"),
    opener_exit: Tpl::new("{} stopte met code {}"),
    opener_start: Tpl::new("{} startte niet ({})"),
    opener_stopped: Tpl::new("{} werd gestopt"),
    opener_windows: Tpl::new("Windows kon het niet openen (code {})"),
    file_gone: Tpl::new("het bestand {} is er niet"),
    not_web: Tpl::new("'{}' is geen webadres (http of https)"),
    room_playing: "De video wordt afgespeeld",
    video_missing: Tpl::new(
        "Het videobestand {} is niet te openen: {}. Geef een bestand dat er is, of laat --video weg.",
    ),
    video_not_a_file: Tpl::new(
        "{} is geen videobestand maar een map. Geef het bestand zelf, of laat --video weg.",
    ),
};

pub(super) static EN: PaperTexts = PaperTexts {
    handout_intro_formal: "After the video we talk about these questions together. You can read them through beforehand.",
    handout_intro: "After the video we talk about these questions together. You can read them through beforehand.",
    handout_intro_write: "After the video we talk about these questions together. Write down under each question what you think.",
    handout_written: Tpl::new("Handout written: {}"),
    handout_extension: Tpl::new(
        "Unknown kind of file: {}. Choose a name ending in .html (to print), .docx (Word) or .md.",
    ),
    plan_written: Tpl::new("Plan written: {}"),
    plan_extension: Tpl::new(
        "Unknown kind of file: {}. Choose a name ending in .html (to print), .docx (Word), .md or .txt.",
    ),
    key_video: "video",
    help_video: "video step: open the video (browser or player)",
    opening_url: Tpl::new("The video is opening in the browser: {}"),
    opening_page: Tpl::new(
        "No web address of the video; the episode's page is opening in the browser: {}",
    ),
    opening_file: Tpl::new("The video file is opening in the player: {}"),
    nothing_to_open: "No web address and no video file: play the video from wherever you have it, or start voer with --video FILE.",
    open_failed: Tpl::new("Opening the video failed: {}"),
    no_opener: Tpl::new("{} is missing on this computer (xdg-utils)"),
    opener_exit: Tpl::new("{} stopped with code {}"),
    opener_start: Tpl::new("{} did not start ({})"),
    opener_stopped: Tpl::new("{} was stopped"),
    opener_windows: Tpl::new("Windows could not open it (code {})"),
    file_gone: Tpl::new("the file {} is not there"),
    not_web: Tpl::new("'{}' is not a web address (http or https)"),
    room_playing: "The video is playing",
    video_missing: Tpl::new(
        "The video file {} cannot be opened: {}. Name a file that exists, or leave out --video.",
    ),
    video_not_a_file: Tpl::new(
        "{} is a folder, not a video file. Name the file itself, or leave out --video.",
    ),
};
