//! Every word the program says, in Dutch and English: one table per language (the words about
//! actions in a part of their own, `actions.rs`). Episode text is not here; it comes from the
//! episode files.
mod actions;
mod paper;
pub mod privacy;
mod series;

pub use actions::ActionTexts;
pub use paper::PaperTexts;
pub use privacy::PrivacyTexts;
pub use series::SeriesTexts;

use crate::lang::Lang;

pub struct Texts {
    /// The words about actions: recording them in a run, the list, reports, `voer actions`.
    pub actions: &'static ActionTexts,
    /// The words for the handout, the plan on paper and playing the video (`F5`).
    pub paper: &'static PaperTexts,
    /// The words about privacy: private notes, reports without names, delete, retention.
    pub privacy: &'static PrivacyTexts,
    /// The words for a meeting of several episodes and the questions to the organisation.
    pub series: &'static SeriesTexts,
    // list / show / validate
    pub col_number: &'static str,
    pub col_id: &'static str,
    pub col_title: &'static str,
    pub col_speaker: &'static str,
    pub col_minutes: &'static str,
    pub audience: &'static str,
    pub total: &'static str,
    pub minutes_short: &'static str,
    pub tip: &'static str,
    pub closing_heading: &'static str,
    pub quote_heading: &'static str,
    pub context_heading: &'static str,
    pub more_at: &'static str,
    pub unknown_episode: Tpl<2>,
    pub unknown_audience: Tpl<2>,
    pub no_prompts_for_audience: Tpl<3>,
    pub warning: &'static str,
    pub error: &'static str,
    pub validate_ok: Tpl<1>,
    pub validate_bad: Tpl<1>,
    // sessions
    pub col_date: &'static str,
    pub col_episode: &'static str,
    pub col_group: &'static str,
    pub col_status: &'static str,
    pub col_notes: &'static str,
    pub col_file: &'static str,
    pub in_progress: &'static str,
    pub finished: &'static str,
    pub unreadable: &'static str,
    /// In the notes column: a session without a line of notes or an action.
    pub notes_empty: &'static str,
    pub no_sessions: Tpl<1>,
    pub sessions_in: Tpl<1>,
    pub no_unfinished: Tpl<1>,
    pub saved_at_exit: Tpl<2>,
    pub finished_at_exit: Tpl<4>,
    pub pick_keys_first: &'static str,
    pub pick_keys_field: &'static str,
    // steps
    pub step_opening: &'static str,
    pub step_quote: &'static str,
    pub step_video: &'static str,
    pub video_watch: &'static str,
    pub video_no_url: &'static str,
    pub video_local_copy: Tpl<1>,
    pub video_scan: &'static str,
    /// Where the code is when it does not fit beside the address.
    pub video_code_elsewhere: &'static str,
    /// Under the code shown large with F1.
    pub video_code_keys: &'static str,
    /// The window is too small even for the code alone: the size it needs.
    pub video_code_too_small: Tpl<2>,
    pub translation: &'static str,
    pub step_prompt: &'static str,
    pub step_closing: &'static str,
    pub step_summary: &'static str,
    pub step_of: Tpl<2>,
    pub ends_at: Tpl<1>,
    pub agenda: &'static str,
    pub paused: &'static str,
    pub muted: &'static str,
    /// Beside the timer in its last minute, and once it counts the overrun: a word as well
    /// as the colour.
    pub timer_last_minute: &'static str,
    pub timer_over: &'static str,
    pub notes: &'static str,
    pub notes_placeholder: &'static str,
    pub notes_placeholder_typing: &'static str,
    pub typing: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub lines: &'static str,
    pub saved_to: &'static str,
    pub session_finished: &'static str,
    /// For a client council, addressed with "u" throughout.
    pub session_finished_formal: &'static str,
    pub reopened_finished: &'static str,
    /// In the status line on arriving at the summary, and on going back from it.
    pub finished_status: &'static str,
    pub reopened_status: &'static str,
    /// Under "enlarge the window" while typing: the words go into the notes all the same.
    pub too_small_kept: Tpl<1>,
    pub group: &'static str,
    pub facilitator: &'static str,
    // status line
    pub saved: &'static str,
    pub saving_failed: Tpl<1>,
    pub exported_to: Tpl<1>,
    /// The session's lock file was gone and voer made it again.
    pub lock_made_again: &'static str,
    /// The report went to the first name (1) because the usual one (2) was changed by hand.
    pub exported_beside: Tpl<2>,
    pub export_failed: Tpl<1>,
    // keys bar
    pub key_pause: &'static str,
    pub key_resume: &'static str,
    pub key_more_less: &'static str,
    pub key_type: &'static str,
    pub key_stop_typing: &'static str,
    pub key_step: &'static str,
    pub key_help: &'static str,
    /// F1's word in the key bar on the video step, where it first shows the QR code.
    pub key_help_code: &'static str,
    pub key_quit: &'static str,
    pub key_hide_notes: &'static str,
    pub key_show_notes: &'static str,
    pub key_export: &'static str,
    pub key_blank: &'static str,
    pub key_mute: &'static str,
    pub key_unmute: &'static str,
    pub key_close: &'static str,
    pub help_title: &'static str,
    pub key_scroll: &'static str,
    pub key_space: &'static str,
    pub key_printable: &'static str,
    pub key_editing: &'static str,
    pub help_step: &'static str,
    pub help_pause: &'static str,
    pub help_notes: &'static str,
    pub help_blank: &'static str,
    pub help_mute: &'static str,
    pub help_export: &'static str,
    pub help_help: &'static str,
    pub help_quit: &'static str,
    pub help_minute: &'static str,
    pub help_type: &'static str,
    pub help_type_at_once: &'static str,
    pub help_text: &'static str,
    pub help_stop_typing: &'static str,
    pub help_editing: &'static str,
    pub help_undo: &'static str,
    pub help_scroll: &'static str,
    pub help_close: &'static str,
    pub help_save_elsewhere: &'static str,
    pub help_retry: &'static str,
    pub help_discard: &'static str,
    pub help_back: &'static str,
    pub help_save_path: &'static str,
    pub help_clear_field: &'static str,
    pub help_path_field: &'static str,
    pub where_always: &'static str,
    pub where_not_typing: &'static str,
    pub where_not_typing_notes: &'static str,
    pub where_typing: &'static str,
    pub where_help: &'static str,
    pub where_unsaved: &'static str,
    pub where_save_path: &'static str,
    pub where_action_form: &'static str,
    pub where_action_list: &'static str,
    pub help_record_action: &'static str,
    pub help_list_actions: &'static str,
    pub help_form_field: &'static str,
    pub help_form_save: &'static str,
    pub help_form_cancel: &'static str,
    pub help_form_quit: &'static str,
    pub help_text_field: &'static str,
    pub help_list_move: &'static str,
    pub help_list_done: &'static str,
    pub help_list_edit: &'static str,
    pub help_list_remove: &'static str,
    pub help_list_close: &'static str,
    pub help_tips: &'static str,
    pub help_room_notes: &'static str,
    pub too_small: &'static str,
    // the room screen, and what the facilitator's screen says about it
    pub room_waiting: &'static str,
    pub room_waiting_sub: &'static str,
    pub room_following: &'static str,
    pub room_notes_on: &'static str,
    pub room_notes_off: &'static str,
    /// The header's short sign while a room screen follows: "▣ zaal", with the notes shown.
    pub room_short: &'static str,
    pub room_short_notes: &'static str,
    pub next_step: &'static str,
    pub key_room_notes_show: &'static str,
    pub key_room_notes_hide: &'static str,
    pub key_show_tips: &'static str,
    pub key_hide_tips: &'static str,
    // quit with unsaved notes
    pub unsaved_title: &'static str,
    pub unsaved_body: Tpl<1>,
    pub save_elsewhere_prompt: &'static str,
    // picker
    pub picker_brand: &'static str,
    pub pick_episode: &'static str,
    pub pick_audience: &'static str,
    pub pick_group: &'static str,
    /// An example group name per audience, in the order of `Audience::ALL`.
    pub pick_group_hint: [&'static str; 7],
    pub pick_keys: &'static str,
    // errors before the screen opens
    pub sessions_unwritable: Tpl<2>,
    pub session_in_use: Tpl<1>,
    pub cannot_lock: Tpl<1>,
    // errors: what went wrong, with the operating system's reason in words
    pub sessions_unreadable: Tpl<2>,
    pub notes_not_saved: Tpl<2>,
    pub terminal_failed: Tpl<1>,
    pub draw_failed: Tpl<1>,
    pub report_failed: Tpl<2>,
    pub os_not_found: &'static str,
    pub os_folder_gone: &'static str,
    pub os_permission_denied: &'static str,
    pub os_storage_full: &'static str,
    pub os_quota: &'static str,
    pub os_read_only: &'static str,
    pub os_not_a_folder: &'static str,
    pub os_is_a_folder: &'static str,
    /// A pipe, a device or a socket where a file was expected.
    pub os_not_regular: &'static str,
    /// A file larger than voer reads: the limit in MiB.
    pub os_too_large: Tpl<1>,
    /// Where voer's own folder should be: a symbolic link; someone else's folder.
    pub os_folder_link: &'static str,
    pub os_folder_not_yours: &'static str,
    pub os_exists: &'static str,
    pub os_other: Tpl<1>,
    pub os_no_answer: &'static str,
    pub saver_stopped: &'static str,
    pub not_text: &'static str,
    pub toml_problem: Tpl<1>,
    pub session_at: Tpl<3>,
    pub session_no_version: &'static str,
    pub session_too_new: Tpl<2>,
    pub session_version_zero: &'static str,
    pub session_bad_step: Tpl<2>,
    pub episode_read: Tpl<1>,
    pub episode_folder: Tpl<1>,
    pub episode_duplicate_id: Tpl<2>,
    pub episode_duplicate_number: Tpl<2>,
    pub problem_bad_id: &'static str,
    pub problem_not_positive: &'static str,
    pub problem_empty: &'static str,
    pub problem_no_quote: &'static str,
    pub problem_no_prompt: &'static str,
    pub problem_placeholder: &'static str,
    pub problem_out_of_range: Tpl<2>,
    pub problem_phases_sum: Tpl<2>,
    pub cli_bad_until: Tpl<1>,
    pub pick_facilitator: &'static str,
    pub pick_participants: &'static str,
    pub pick_until: &'static str,
    pub pick_until_bad: &'static str,
    pub help_next_turn: &'static str,
    pub help_pass: &'static str,
    pub help_shuffle: &'static str,
    pub help_toggle_round: &'static str,
    pub help_take_overrun: &'static str,
    pub key_next_speaker: &'static str,
    pub key_next_phase: &'static str,
    pub key_pass: &'static str,
    pub show_round: Tpl<1>,
    pub show_round_default: &'static str,
    pub show_round_each: Tpl<1>,
    pub show_phases: &'static str,
    pub replan_shrunk: Tpl<2>,
    pub replan_impossible: Tpl<2>,
    pub replan_no_until: &'static str,
    pub replan_fits: &'static str,
    pub round_no_participants: &'static str,
    pub pace_ahead: Tpl<2>,
    pub pace_on_time: Tpl<1>,
    pub pace_behind: Tpl<2>,
    pub pace_impossible: Tpl<1>,
    pub round_now: &'static str,
    pub round_next: &'static str,
    pub round_open: &'static str,
    pub round_passed: &'static str,
    pub round_turns: &'static str,
    /// The heading line in the notes where the open discussion after a round starts.
    pub round_open_heading: &'static str,
    /// Beside the speaker's countdown once their turn's time is up.
    pub round_time_up: &'static str,
    /// After who is next: how many more are still to come after them.
    pub round_then_more: Tpl<1>,
    /// The one who speaks (or is next) is the last of the round.
    pub round_last: &'static str,
    /// In a short speaking order: how many have had their turn (or passed).
    pub round_done_count: Tpl<1>,
    /// In a short speaking order: how many more names there are.
    pub round_more_count: Tpl<1>,
    pub phase_of: Tpl<2>,
    pub col_replanned: &'static str,
    pub problem_no_closing: Tpl<1>,
    pub problem_two_closings: Tpl<1>,
    pub problem_closing_alone: Tpl<1>,
    pub problem_two_openings: Tpl<1>,
    pub problem_opening_alone: Tpl<1>,
    // export (reports)
    pub export_report: &'static str,
    pub export_conversations: Tpl<1>,
    pub episode_number: Tpl<1>,
    pub export_groups: &'static str,
    pub export_time: &'static str,
    pub export_minutes: Tpl<2>,
    pub export_minutes_replanned: Tpl<3>,
    pub export_no_notes: &'static str,
    pub export_closing_sub: &'static str,
    pub export_quote_notes: &'static str,
    pub export_not_finished: &'static str,
    pub export_unnamed_group: &'static str,
    pub export_csv_header: [&'static str; 7],
    pub export_months: [&'static str; 12],
    pub export_exists: Tpl<1>,
    pub export_same_as_input: Tpl<1>,
    pub export_voers_own: Tpl<1>,
    pub export_docx_needs_output: &'static str,
    pub export_unknown_extension: Tpl<1>,
    pub export_bad_delimiter: Tpl<1>,
    pub export_skipped: Tpl<1>,
    pub export_nothing_left: &'static str,
    pub export_bad_files: Tpl<1>,
    pub export_unreadable: Tpl<1>,
    /// Which session `--last` took (its file name).
    pub export_took_last: Tpl<1>,
    /// Which sessions `--group` took: the group, how many.
    pub export_took_group: Tpl<2>,
    // command line: help, errors of the parser, the config file
    pub cli_usage: &'static str,
    pub cli_commands: &'static str,
    pub cli_arguments: &'static str,
    pub cli_options: &'static str,
    pub cli_after_help: &'static str,
    /// Help per command ("run") and argument ("run.audience"; "*.lang" for any command).
    pub cli_help: &'static [(&'static str, &'static str)],
    pub cli_more_info: Tpl<1>,
    pub cli_err_unknown_argument: Tpl<1>,
    pub cli_err_missing_value: Tpl<1>,
    pub cli_err_invalid_value: Tpl<2>,
    pub cli_err_possible_values: Tpl<1>,
    pub cli_err_missing: Tpl<1>,
    pub cli_err_conflict: Tpl<2>,
    pub cli_err_values: Tpl<1>,
    pub cli_err_missing_command: &'static str,
    pub cli_err_utf8: &'static str,
    pub cli_err_did_you_mean: Tpl<1>,
    pub cli_run_option_elsewhere: Tpl<2>,
    pub cli_mistyped_command: Tpl<2>,
    pub cli_group_and_choice: Tpl<1>,
    pub config_file: Tpl<1>,
    pub config_not_there: &'static str,
    pub config_no_folder: &'static str,
    pub config_in_effect: &'static str,
    pub config_labels: [&'static str; 6],
    pub config_sources: [&'static str; 4],
    pub config_not_set: &'static str,
    pub config_broken: Tpl<1>,
    pub problem_control_character: &'static str,
    pub time_clamped: Tpl<3>,
    pub save_as_exists: Tpl<1>,
    pub session_linked: Tpl<1>,
    pub lock_not_a_file: Tpl<1>,
    pub export_not_a_file: Tpl<1>,
    pub needs_terminal: Tpl<1>,
    pub rescued_to: Tpl<2>,
    /// Not even a rescue copy could be written: why.
    pub rescue_failed: Tpl<1>,
    pub rescued: &'static str,
    pub rescue_heading: Tpl<1>,
    // Windows: a name it refuses (the name[, the character]); a file another program holds
    pub os_reserved_name: Tpl<1>,
    pub os_trailing_dot: Tpl<1>,
    pub os_bad_character: Tpl<2>,
    pub os_held_open: &'static str,
}

pub static NL: Texts = Texts {
    actions: &actions::NL,
    paper: &paper::NL,
    privacy: &privacy::NL,
    series: &series::NL,
    col_number: "Nr",
    col_id: "Id",
    col_title: "Titel",
    col_speaker: "Spreker",
    col_minutes: "Minuten (cliëntenraad/bestuur/team/klas/naasten/buurt/toezicht)",
    audience: "Doelgroep",
    total: "Totaal",
    minutes_short: "min",
    tip: "Tip",
    closing_heading: "Afsluiting",
    quote_heading: "Citaat",
    context_heading: "Context",
    more_at: "Meer informatie",
    unknown_episode: Tpl::new("Onbekende aflevering '{}'. Kies uit: {}"),
    unknown_audience: Tpl::new("Onbekende doelgroep '{}'. Kies uit: {}"),
    no_prompts_for_audience: Tpl::new("Aflevering {} heeft geen vragen voor '{}'. Wel voor: {}"),
    warning: "waarschuwing",
    error: "fout",
    validate_ok: Tpl::new("{} in orde"),
    validate_bad: Tpl::new("{} fout(en) gevonden"),
    col_date: "Datum",
    col_episode: "Aflevering",
    col_group: "Groep",
    col_status: "Status",
    col_notes: "Notities",
    col_file: "Bestand",
    in_progress: "bezig",
    finished: "afgerond",
    notes_empty: "leeg",
    unreadable: "onleesbaar",
    no_sessions: Tpl::new("Nog geen sessies in {}"),
    sessions_in: Tpl::new("Sessies in {}"),
    saved_at_exit: Tpl::new("Notities bewaard in {}\nVerdergaan: voer resume {}"),
    finished_at_exit: Tpl::new(
        "Het gesprek is afgerond; de notities staan in {}\nVerslag maken: voer export {} --output {}\nNotities aanvullen: voer resume {}",
    ),
    pick_keys_first: "↑↓ kiezen   Enter verder   Esc stoppen",
    pick_keys_field: "Enter beginnen   Tab volgend veld   Esc terug   Ctrl+C stoppen",
    no_unfinished: Tpl::new(
        "Geen onafgeronde sessie in {}. Een afgeronde sessie aanvullen: voer resume BESTAND (zie voer sessions).",
    ),
    step_opening: "Opening",
    step_quote: "Citaat",
    step_video: "Video",
    video_watch: "We kijken de video",
    video_no_url: "Geen webadres bekend: speel de video af van waar u hem heeft.",
    video_local_copy: Tpl::new("De video staat op deze computer: {}. F5 speelt hem af."),
    video_scan: "Scan de code om de video op een telefoon te openen.",
    video_code_elsewhere: "QR-code: F1 toont hem groot; ook in een groter venster en op het zaalscherm (voer room).",
    video_code_keys: "Scan de code om de video te openen · F1 alle toetsen · Esc terug",
    video_code_too_small: Tpl::new("Maak het venster groter voor de QR-code: {}×{} is nodig"),
    translation: "Vertaling",
    step_prompt: "Vraag",
    step_closing: "Afsluiting",
    step_summary: "Samenvatting",
    step_of: Tpl::new("Stap {} van {}"),
    ends_at: Tpl::new("einde ± {}"),
    agenda: "Agenda",
    paused: "GEPAUZEERD",
    muted: "bel uit",
    timer_last_minute: "laatste minuut",
    timer_over: "over tijd",
    notes: "Notities",
    notes_placeholder: "Begin te typen voor notities",
    notes_placeholder_typing: "Typ hier de notities van de groep",
    typing: "typen",
    planned: "gepland",
    actual: "werkelijk",
    lines: "regels",
    saved_to: "Opgeslagen in",
    session_finished: "Het gesprek is afgerond. Dank jullie wel!",
    session_finished_formal: "Het gesprek is afgerond. Dank u wel!",
    reopened_finished: "Deze sessie was al afgerond; aanvullingen worden bewaard.",
    finished_status: "Het gesprek is afgerond en bewaard · PageUp opent het weer",
    reopened_status: "Het gesprek is weer geopend: niet meer afgerond",
    too_small_kept: Tpl::new("Bewaard in de notities: {}"),
    group: "Groep",
    facilitator: "Gespreksleider",
    saved: "opgeslagen",
    saving_failed: Tpl::new(
        "NIET OPGESLAGEN: {} — notities blijven bewaard in het geheugen, voer probeert het opnieuw",
    ),
    exported_to: Tpl::new("Verslag geschreven: {}"),
    lock_made_again: "Het slotbestand van deze sessie was weg; voer heeft het opnieuw gemaakt, zodat een tweede voer de sessie niet kan openen.",
    exported_beside: Tpl::new(
        "Verslag geschreven: {} ({} is met de hand veranderd en blijft zoals het is)",
    ),
    export_failed: Tpl::new("Verslag schrijven mislukt: {}"),
    key_pause: "pauze",
    key_resume: "verder",
    key_more_less: "minuut",
    key_type: "notities",
    key_stop_typing: "klaar met typen",
    key_step: "stap",
    key_help: "hulp",
    key_help_code: "QR-code",
    key_quit: "stoppen",
    key_hide_notes: "notities verbergen",
    key_show_notes: "notities tonen",
    key_export: "verslag",
    key_blank: "scherm leeg",
    key_mute: "bel uit",
    key_unmute: "bel aan",
    key_close: "sluiten",
    help_title: "Toetsen",
    key_scroll: "schuiven",
    key_space: "Spatie",
    key_printable: "letter of teken",
    key_editing: "pijltjes Home End",
    help_step: "volgende / vorige stap",
    help_pause: "timer pauzeren / verder",
    help_notes: "notities verbergen / tonen",
    help_blank: "scherm leeg / terug",
    help_mute: "bel aan / uit",
    help_export: "verslag (Markdown) naast het sessiebestand",
    help_help: "alle toetsen; bij de video eerst de QR-code",
    help_quit: "stoppen (alles wordt bewaard)",
    help_minute: "een minuut meer / minder",
    help_type: "notities typen",
    help_type_at_once: "begint de notities, met dat teken",
    help_text: "tekst; Enter begint een nieuwe regel",
    help_stop_typing: "klaar met typen",
    help_editing: "cursor verplaatsen",
    help_undo: "ongedaan maken / opnieuw",
    help_scroll: "de hulp schuiven",
    help_close: "sluiten (een andere toets sluit en doet wat hij doet)",
    help_save_elsewhere: "ergens anders opslaan",
    help_retry: "opnieuw proberen",
    help_discard: "toch stoppen (de notities gaan verloren)",
    help_back: "terug",
    help_save_path: "opslaan",
    help_clear_field: "het pad wissen",
    help_path_field: "het pad typen",
    where_always: "Altijd",
    where_not_typing: "Niet tijdens typen",
    where_not_typing_notes: "Niet tijdens typen, op een stap met notities",
    where_typing: "Tijdens typen",
    where_help: "In deze hulp",
    where_unsaved: "Als opslaan mislukt bij stoppen",
    where_save_path: "In het veld 'ergens anders opslaan'",
    where_action_form: "In het formulier van een afspraak",
    where_action_list: "In de lijst van afspraken",
    help_record_action: "afspraak of vraag vastleggen",
    help_list_actions: "de afspraken: wijzigen, verwijderen, op klaar zetten",
    help_form_field: "volgend / vorig veld",
    help_form_save: "bewaren",
    help_form_cancel: "annuleren",
    help_form_quit: "bewaren wat in het formulier staat, en stoppen",
    help_text_field: "het veld typen; op Soort kiezen Spatie en ←→ afspraak of vraag",
    help_list_move: "kiezen",
    help_list_done: "klaar / weer open",
    help_list_edit: "wijzigen, of beantwoorden",
    help_list_remove: "verwijderen (twee keer drukken)",
    help_list_close: "sluiten",
    help_tips: "tips verbergen / tonen (één scherm)",
    help_room_notes: "zaalscherm: notities tonen / verbergen",
    too_small: "Maak het venster groter",
    room_waiting: "Wachten op een gesprek",
    room_waiting_sub: "Dit scherm volgt vanzelf het gesprek dat voer opent.",
    room_following: "zaalscherm volgt",
    room_notes_on: "notities zichtbaar",
    room_notes_off: "notities niet zichtbaar",
    room_short: "zaal",
    room_short_notes: "zaal + notities",
    next_step: "Hierna",
    key_room_notes_show: "notities naar zaal",
    key_room_notes_hide: "notities uit zaal",
    key_show_tips: "tips tonen",
    key_hide_tips: "tips verbergen",
    unsaved_title: "Niet alles is opgeslagen",
    unsaved_body: Tpl::new("De notities konden niet worden opgeslagen in {}."),
    save_elsewhere_prompt: "Opslaan als (volledig pad), Enter = opslaan, Esc = terug:",
    picker_brand: " · gesprekken bij de video's van Radicale vernieuwing zorg",
    pick_episode: "Kies een aflevering",
    pick_audience: "Kies de doelgroep",
    pick_group: "Naam van de groep (niet verplicht)",
    pick_group_hint: [
        "bijvoorbeeld: Cliëntenraad De Linde",
        "bijvoorbeeld: Raad van bestuur Zorggroep Oost",
        "bijvoorbeeld: Team Wijkverpleging Noord",
        "bijvoorbeeld: Klas MBO Verzorgende IG 2B",
        "bijvoorbeeld: Familieraad De Linde",
        "bijvoorbeeld: Buurtinitiatief De Groene Wijk",
        "bijvoorbeeld: Zorgkantoor en gemeente regio Oost",
    ],
    pick_keys: "↑↓ kiezen   Enter verder   Esc terug   Ctrl+C stoppen",
    sessions_unwritable: Tpl::new(
        "Kan niet opslaan in de map '{}': {}. Kies een andere map met --sessions MAP.",
    ),
    session_in_use: Tpl::new("{} is al geopend in een ander venster met voer. Sluit dat eerst."),
    cannot_lock: Tpl::new("Kan de sessie niet vergrendelen: {}"),
    sessions_unreadable: Tpl::new("Kan de map '{}' niet lezen: {}"),
    notes_not_saved: Tpl::new("{}: de notities konden niet worden opgeslagen: {}"),
    terminal_failed: Tpl::new("Kan het scherm niet openen: {}"),
    draw_failed: Tpl::new("Kan het scherm niet tekenen: {}"),
    report_failed: Tpl::new("Het verslag kon niet worden gemaakt ({}: {})"),
    os_not_found: "bestaat niet",
    os_folder_gone: "de map bestaat niet (meer)",
    os_permission_denied: "geen toestemming",
    os_storage_full: "de schijf is vol",
    os_quota: "de toegestane schijfruimte is op",
    os_read_only: "de schijf is alleen-lezen",
    os_not_a_folder: "geen map",
    os_is_a_folder: "een map, geen bestand",
    os_not_regular: "geen gewoon bestand (maar een pijp, een apparaat of een socket); voer leest het niet",
    os_too_large: Tpl::new("groter dan {} MiB; zo groot maakt voer dit bestand nooit"),
    os_folder_link: "een symbolische koppeling, geen map van zichzelf; voer schrijft daar niet",
    os_folder_not_yours: "een map van een andere gebruiker; voer schrijft daar niet",
    os_exists: "bestaat al",
    os_other: Tpl::new("fout van het systeem ({})"),
    os_no_answer: "de schijf antwoordt niet",
    saver_stopped: "niet geschreven: het opslaan was al gestopt",
    not_text: "geen tekstbestand (geen geldige UTF-8)",
    toml_problem: Tpl::new("de inhoud klopt niet ({})"),
    session_at: Tpl::new("regel {}, kolom {}: {}"),
    session_no_version: "dit is geen sessiebestand van voer (format_version ontbreekt)",
    session_too_new: Tpl::new(
        "dit sessiebestand heeft formaatversie {}; deze voer leest tot versie {}: werk voer bij",
    ),
    session_version_zero: "format_version 0 is geen geldige versie",
    session_bad_step: Tpl::new("session.current_step is {}, maar het bestand heeft {} stappen"),
    episode_read: Tpl::new("kan niet lezen: {}"),
    episode_folder: Tpl::new("kan de map met afleveringen niet lezen: {}"),
    episode_duplicate_id: Tpl::new("id '{}' komt twee keer voor, eerst in {}"),
    episode_duplicate_number: Tpl::new(
        "nummer {} komt twee keer voor, al gebruikt door aflevering '{}'",
    ),
    problem_bad_id: "gebruik alleen kleine letters, cijfers en '-'",
    problem_not_positive: "moet 1 of meer zijn",
    problem_empty: "is leeg",
    problem_no_quote: "er moet minstens één citaat zijn",
    problem_no_prompt: "er moet minstens één vraag zijn",
    problem_placeholder: "bevat nog de voorbeeldtekst van het sjabloon: vul die in",
    problem_out_of_range: Tpl::new("moet {} tot en met {} zijn"),
    replan_shrunk: Tpl::new("om {} klaar: de stappen die nog komen zijn samen {} min korter"),
    replan_impossible: Tpl::new("{} is niet haalbaar: ook met 1 min per stap {} min te laat"),
    replan_no_until: "geen eindtijd: start met --until UU:MM",
    replan_fits: "de planning past al: niets ingekort",
    round_no_participants: "geen deelnemers: start met --participants \"Anna,Bert\"",
    pace_ahead: Tpl::new("{} min voor op {}"),
    pace_on_time: Tpl::new("op tijd voor {}"),
    pace_behind: Tpl::new("{} min achter op {}"),
    pace_impossible: Tpl::new("{} niet haalbaar"),
    round_now: "Nu",
    round_next: "daarna",
    round_open: "Iedereen is geweest: open gesprek",
    round_passed: "gepast",
    round_turns: "rondje",
    round_open_heading: "Open gesprek",
    round_time_up: "tijd is om",
    round_then_more: Tpl::new("dan nog {}"),
    round_last: "de laatste",
    round_done_count: Tpl::new("{} geweest"),
    round_more_count: Tpl::new("+{}"),
    phase_of: Tpl::new("Fase {}/{}"),
    col_replanned: "herpland",
    show_round: Tpl::new("Rondje: iedereen om de beurt ({}), daarna open gesprek"),
    show_round_default: "samen de helft van de tijd",
    show_round_each: Tpl::new("{} min per persoon"),
    show_phases: "Fasen (min)",
    help_next_turn: "in een rondje: volgende spreker; bij fasen: volgende fase",
    help_pass: "in een rondje: de spreker past",
    help_shuffle: "in een rondje: wie nog niet sprak door elkaar",
    help_toggle_round: "van deze vraag een rondje maken (en terug)",
    help_take_overrun: "met --until: de uitloop van de komende stappen afhalen",
    key_next_speaker: "volgende",
    key_next_phase: "volgende fase",
    key_pass: "past",
    pick_facilitator: "Gespreksleider (niet verplicht): komt in het verslag",
    pick_participants: "Deelnemers voor een rondje (voornamen of initialen, met komma's)",
    pick_until: "Klaar om (UU:MM, niet verplicht): de stappen worden zo nodig korter",
    pick_until_bad: "Geef een tijd als UU:MM, bijvoorbeeld 16:30, of laat het leeg",
    cli_bad_until: Tpl::new("--until '{}': geef een tijd als UU:MM, bijvoorbeeld 16:30"),
    problem_phases_sum: Tpl::new(
        "de fasen duren samen {} minuten, de vraag {}: maak ze gelijk (of laat minutes weg)",
    ),
    problem_no_closing: Tpl::new("geen afsluitende vraag voor doelgroep '{}'"),
    problem_two_closings: Tpl::new("meer dan één afsluitende vraag voor '{}'"),
    problem_closing_alone: Tpl::new("afsluitende vraag voor '{}', die geen vragen heeft"),
    problem_two_openings: Tpl::new("meer dan één opening voor '{}'"),
    problem_opening_alone: Tpl::new("opening voor '{}', die geen vragen heeft"),
    export_report: "Verslag",
    export_conversations: Tpl::new("{} gesprekken"),
    episode_number: Tpl::new("Aflevering {}"),
    export_groups: "Groepen",
    export_time: "Tijd",
    export_minutes: Tpl::new("gepland {} · werkelijk {}"),
    export_minutes_replanned: Tpl::new("gepland {} · herpland {} · werkelijk {}"),
    export_no_notes: "Geen notities.",
    export_closing_sub: "Afspraken, acties en vragen voor de organisatie",
    export_quote_notes: "Bij het citaat",
    export_not_finished: "niet afgerond",
    export_unnamed_group: "Groep zonder naam",
    export_csv_header: [
        "datum",
        "groep",
        "doelgroep",
        "aflevering",
        "stap",
        "vraag",
        "notitie",
    ],
    export_months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    export_exists: Tpl::new("{} bestaat al. Kies een andere naam, of overschrijf het met --force."),
    export_same_as_input: Tpl::new(
        "{} is een van de sessiebestanden; een verslag mag dat niet overschrijven.",
    ),
    export_voers_own: Tpl::new(
        "{} is een bestand van voer zelf (een sessie, het slot of de aanwezigheid van een zaalscherm ervan, of een reservekopie); een verslag komt daar nooit overheen, ook niet met --force. Kies een andere naam.",
    ),
    export_docx_needs_output: "Een Word-bestand (docx) kan niet naar het scherm. Geef een bestand op, bijvoorbeeld --output verslag.docx",
    export_unknown_extension: Tpl::new(
        "Aan '{}' is niet te zien welk formaat het moet worden. Kies er een met --format md|html|txt|json|csv|docx",
    ),
    export_bad_delimiter: Tpl::new(
        "--csv-delimiter moet één gewoon teken zijn, zoals ';' of ',' (niet '{}')",
    ),
    export_skipped: Tpl::new("overgeslagen: {}"),
    export_nothing_left: "Er is geen leesbaar sessiebestand over om te exporteren.",
    export_bad_files: Tpl::new(
        "Niet te lezen sessiebestanden: {}. Met --skip-bad worden de andere toch geëxporteerd.",
    ),
    export_unreadable: Tpl::new(
        "Niet te lezen sessiebestanden: {}; er is niets te exporteren. Welke sessies er zijn: voer sessions",
    ),
    export_took_last: Tpl::new("De nieuwste sessie: {}"),
    export_took_group: Tpl::new("Sessies van de groep ‘{}’: {}"),
    cli_usage: "Gebruik",
    cli_commands: "Commando's",
    cli_arguments: "Argumenten",
    cli_options: "Opties",
    cli_after_help: "Zonder commando houdt voer een gesprek: `voer 4 --audience bestuur` is `voer run 4 --audience bestuur`.",
    cli_help: &[
        (
            "voer",
            "Voer (voor) inspiratiegesprekken: leid een groep door een aflevering van 'Radicale vernieuwing zorg': het citaat, vragen met een klok, de notities van de groep.",
        ),
        (
            "*.episode",
            "Nummer of id van de aflevering (gevraagd op het scherm als het ontbreekt).",
        ),
        (
            "voer.episode",
            "Nummer of id van de aflevering, of meer afleveringen in één gesprek: 1,4 (gevraagd op het scherm als het ontbreekt).",
        ),
        (
            "run.episode",
            "Nummer of id van de aflevering, of meer afleveringen in één gesprek: 1,4 (gevraagd op het scherm als het ontbreekt).",
        ),
        (
            "*.questions_from",
            "Een bestuursvergadering die de vragen van een cliëntenraad aan de organisatie beantwoordt: ze staan op de opening, en elk antwoord wordt bewaard in het sessiebestand van de cliëntenraad.",
        ),
        (
            "*.audience",
            "Doelgroep: client-council (cliëntenraad), board (bestuur), team, classroom (klas), relatives (naasten), citizens (buurt), oversight (toezicht).",
        ),
        (
            "*.group",
            "Naam van de groep, bijvoorbeeld \"Cliëntenraad De Linde\".",
        ),
        ("*.facilitator", "Naam van de gespreksleider."),
        ("*.projector", "Thema met veel contrast, voor een beamer."),
        (
            "*.participants",
            "Voornamen of initialen van de deelnemers, voor een rondje: \"Anna,Bert,Cor\".",
        ),
        (
            "*.until",
            "Hoe laat het gesprek klaar moet zijn (UU:MM): de stappen die nog komen worden korter.",
        ),
        (
            "*.prompts",
            "Map met extra afleveringen (*.toml); die vullen de ingebouwde aan of vervangen ze (zelfde id).",
        ),
        (
            "*.sessions",
            "Map voor de sessiebestanden (standaard: uit het configuratiebestand, anders de lokale gegevensmap van het systeem).",
        ),
        (
            "*.lang",
            "Taal van het programma: nl of en (standaard: uit het configuratiebestand, anders van het systeem).",
        ),
        ("*.help", "Deze uitleg tonen."),
        ("*.version", "Versie tonen."),
        (
            "run",
            "Een gesprek houden: opening, citaat, vragen met een klok, afsluiting (het standaardcommando).",
        ),
        (
            "resume",
            "Een sessie voortzetten waar die stopte (standaard: de nieuwste onafgeronde).",
        ),
        (
            "resume.session_file",
            "Een sessie: de naam zoals voer sessions die toont (met of zonder .toml), of een pad.",
        ),
        (
            "room",
            "Het zaalscherm voor de beamer, in een tweede terminal: volgt de sessie die een lopende voer open heeft (of het genoemde bestand), zonder iets te veranderen.",
        ),
        (
            "room.session_file",
            "Een sessie om te volgen: de naam zoals voer sessions die toont, of een pad (standaard: die van een lopende voer).",
        ),
        (
            "list",
            "De afleveringen: nummer, id, titel, spreker, minuten per doelgroep.",
        ),
        (
            "show",
            "Het draaiboek van een aflevering: citaat, vragen met minuten en tips.",
        ),
        (
            "show.audience",
            "Alleen deze doelgroep (standaard: alle zeven).",
        ),
        (
            "show.output",
            "Het draaiboek naar dit bestand schrijven (.html om af te drukken, .docx, .md of .txt).",
        ),
        (
            "*.force",
            "Het uitvoerbestand overschrijven als het al bestaat.",
        ),
        (
            "handout",
            "Het blad voor de deelnemers: het citaat en de vragen in grote letters, om uit te delen.",
        ),
        (
            "handout.audience",
            "De doelgroep van wie de vragen erop staan.",
        ),
        (
            "handout.output",
            "De hand-out naar dit bestand schrijven (.html om af te drukken, .docx); zonder dit komt hij als Markdown op het scherm.",
        ),
        (
            "*.video",
            "Een kopie van de video op deze computer, voor dit gesprek: F5 op de videostap speelt hem af.",
        ),
        (
            "validate",
            "Afleveringsbestanden controleren (standaard: de ingebouwde en de --prompts-map).",
        ),
        ("validate.paths", "Afleveringsbestanden of mappen."),
        ("sessions", "De bewaarde sessies, nieuwste eerst."),
        (
            "actions",
            "De afspraken uit alle sessies, per groep, vroegste datum eerst; `voer actions done ID` zet er een op klaar.",
        ),
        ("actions.group", "Alleen de afspraken van deze groep."),
        ("actions.open", "Alleen de afspraken die nog open staan."),
        (
            "done",
            "Een afspraak op klaar zetten (in het sessiebestand waar hij staat).",
        ),
        (
            "done.id",
            "Het id van de afspraak, zoals voer actions het toont.",
        ),
        ("export", "Notities van sessies als verslag exporteren."),
        (
            "export.files",
            "Een of meer sessies: de naam zoals voer sessions die toont (met of zonder .toml), of een pad; meerdere worden één verslag.",
        ),
        (
            "export.last",
            "De nieuwste sessie, afgerond of niet (nooit het voorbeeld).",
        ),
        (
            "export.group",
            "Alle sessies van deze groep, hoe de naam ook geschreven is (\"clientenraad de linde\").",
        ),
        (
            "export.format",
            "Formaat: md, html, txt, json, csv, docx of letter (de brief met de vragen en adviezen aan de organisatie, .md of .docx) (standaard: uit de extensie van --output, anders md).",
        ),
        (
            "export.output",
            "Naar dit bestand schrijven in plaats van naar het scherm.",
        ),
        (
            "export.force",
            "Het uitvoerbestand overschrijven als het al bestaat.",
        ),
        (
            "export.skip_bad",
            "Onleesbare sessiebestanden overslaan en de andere exporteren.",
        ),
        (
            "export.csv_delimiter",
            "Scheidingsteken voor csv (standaard ';' voor een Nederlands verslag, ',' voor een Engels).",
        ),
        (
            "export.anonymous",
            "Deelnemers, gespreksleider en wie een actie op zich nam vervangen door Deelnemer 1, Deelnemer 2 …, ook in de notities; zonder de regel met de gespreksleider.",
        ),
        (
            "export.with_private",
            "De privénotities van de gespreksleider opnemen, gemarkeerd als privé.",
        ),
        (
            "delete",
            "Sessies verwijderen met wat voer ervoor schreef (slot, aanwezigheidsbestand, reservekopieën, Ctrl+E-verslagen).",
        ),
        (
            "delete.files",
            "De sessies: de naam zoals voer sessions die toont (met of zonder .toml), of een pad.",
        ),
        (
            "delete.last",
            "De nieuwste sessie, afgerond of niet (nooit het voorbeeld).",
        ),
        (
            "delete.group",
            "Alle sessies van deze groep, hoe de naam ook geschreven is.",
        ),
        (
            "delete.expired",
            "Alle sessies ouder dan de bewaartermijn (retention_months in het configuratiebestand).",
        ),
        ("delete.yes", "Verwijderen zonder te vragen (voor scripts)."),
        (
            "privacy",
            "Wat voer bewaart en waar, voor de functionaris gegevensbescherming.",
        ),
        (
            "config",
            "Laten zien waar het configuratiebestand staat en welke instellingen gelden.",
        ),
        (
            "completions",
            "Een script voor het aanvullen van commando's in de shell afdrukken.",
        ),
        (
            "completions.shell",
            "De shell: bash, zsh, fish, powershell of elvish.",
        ),
        ("help", "Uitleg over voer of over een commando tonen."),
        ("help.subcommand", "Het commando waarover u uitleg wilt."),
    ],
    cli_more_info: Tpl::new("Meer uitleg: {}"),
    cli_err_unknown_argument: Tpl::new("onbekende optie of waarde '{}'"),
    cli_err_missing_value: Tpl::new("{} heeft een waarde nodig"),
    cli_err_invalid_value: Tpl::new("ongeldige waarde '{}' voor {}"),
    cli_err_possible_values: Tpl::new("mogelijk: {}"),
    cli_err_missing: Tpl::new("ontbreekt: {}"),
    cli_err_conflict: Tpl::new("{} kan niet samen met {}"),
    cli_err_values: Tpl::new("verkeerd aantal waarden voor {}"),
    cli_err_missing_command: "er ontbreekt een commando",
    cli_err_utf8: "een argument is geen geldige tekst (UTF-8)",
    cli_err_did_you_mean: Tpl::new("bedoelt u '{}'?"),
    cli_run_option_elsewhere: Tpl::new("{} hoort bij een gesprek (voer run), niet bij voer {}"),
    cli_mistyped_command: Tpl::new("Onbekende aflevering '{}'; bedoelt u `voer {}`?"),
    cli_group_and_choice: Tpl::new(
        "--group en nog een keuze (--last, --expired of een naam) samen: geef er één, bijvoorbeeld voer {} --group \"Cliëntenraad De Linde\"",
    ),
    config_file: Tpl::new("Configuratiebestand: {}"),
    config_not_there: "(bestaat nog niet; zie de README voor de velden)",
    config_no_folder: "Geen map voor het configuratiebestand gevonden (er is geen thuismap).",
    config_in_effect: "In gebruik:",
    config_labels: [
        "taal",
        "sessiemap",
        "gespreksleider",
        "thema",
        "deelnemers",
        "bewaartermijn (maanden)",
    ],
    config_sources: [
        "opdrachtregel",
        "configuratiebestand",
        "systeeminstelling",
        "standaard",
    ],
    config_not_set: "(niet ingesteld)",
    config_broken: Tpl::new("Het configuratiebestand is niet te gebruiken: {}"),
    problem_control_character: "bevat een stuurteken (zoals ESC, het begin van een terminalcode); haal het weg",
    time_clamped: Tpl::new("{}: {} = {} is meer dan 24 uur; gelezen als 24 uur"),
    save_as_exists: Tpl::new("{} bestaat al; kies een andere naam"),
    session_linked: Tpl::new(
        "{} heeft meer dan één naam (een harde koppeling); voer opent alleen een sessiebestand met één naam. Kopieer het: cp --no-preserve=links",
    ),
    lock_not_a_file: Tpl::new(
        "{}: het slotbestand is geen gewoon bestand (een koppeling?). Haal het weg als er geen voer meer open is.",
    ),
    export_not_a_file: Tpl::new(
        "{} is geen gewoon bestand (een apparaat, een pijp of een map); voer schrijft er niet in, ook niet met --force.",
    ),
    needs_terminal: Tpl::new(
        "voer {} heeft een terminal nodig, maar de uitvoer gaat naar een bestand of een pijp. Start het zonder > of |.",
    ),
    rescued_to: Tpl::new(
        "De sessiemap kon niet worden geschreven; de notities staan in een reservekopie: {}\nVerdergaan: voer resume {}",
    ),
    rescued: "gered",
    rescue_failed: Tpl::new("Ook een reservekopie kon niet worden geschreven: {}"),
    rescue_heading: Tpl::new("Reservekopieën (de sessiemap was niet te schrijven) in {}:"),
    os_reserved_name: Tpl::new(
        "Windows staat deze naam niet toe: '{}' is de naam van een apparaat (CON, PRN, AUX, NUL, COM1–9, LPT1–9), ook met een extensie. Kies een andere naam",
    ),
    os_trailing_dot: Tpl::new(
        "Windows staat deze naam niet toe: '{}' eindigt op een punt of een spatie. Kies een andere naam",
    ),
    os_bad_character: Tpl::new(
        "Windows staat deze naam niet toe: '{}' bevat '{}', en geen van < > : \" | ? * mag in een naam. Kies een andere naam",
    ),
    os_held_open: "het bestand is in gebruik bij een ander programma, zoals OneDrive of een virusscanner; sluit dat programma of wacht even, en sla dan opnieuw op",
};

pub static EN: Texts = Texts {
    actions: &actions::EN,
    paper: &paper::EN,
    privacy: &privacy::EN,
    series: &series::EN,
    col_number: "No",
    col_id: "Id",
    col_title: "Title",
    col_speaker: "Speaker",
    col_minutes: "Minutes (council/board/team/class/relatives/citizens/oversight)",
    audience: "Audience",
    total: "Total",
    minutes_short: "min",
    tip: "Tip",
    closing_heading: "Closing",
    quote_heading: "Quote",
    context_heading: "Context",
    more_at: "More information",
    unknown_episode: Tpl::new("Unknown episode '{}'. Choose from: {}"),
    unknown_audience: Tpl::new("Unknown audience '{}'. Choose from: {}"),
    no_prompts_for_audience: Tpl::new("Episode {} has no prompts for '{}'. It has: {}"),
    warning: "warning",
    error: "error",
    validate_ok: Tpl::new("{} ok"),
    validate_bad: Tpl::new("{} problem(s) found"),
    col_date: "Date",
    col_episode: "Episode",
    col_group: "Group",
    col_status: "Status",
    col_notes: "Notes",
    col_file: "File",
    in_progress: "in progress",
    finished: "finished",
    notes_empty: "empty",
    unreadable: "unreadable",
    no_sessions: Tpl::new("No sessions yet in {}"),
    sessions_in: Tpl::new("Sessions in {}"),
    saved_at_exit: Tpl::new("Notes saved in {}\nTo continue: voer resume {}"),
    finished_at_exit: Tpl::new(
        "The conversation is finished; the notes are in {}\nTo make a report: voer export {} --output {}\nTo add notes: voer resume {}",
    ),
    pick_keys_first: "↑↓ choose   Enter next   Esc quit",
    pick_keys_field: "Enter start   Tab next field   Esc back   Ctrl+C quit",
    no_unfinished: Tpl::new(
        "No unfinished session in {}. To add to a finished one: voer resume FILE (see voer sessions).",
    ),
    step_opening: "Opening",
    step_quote: "Quote",
    step_video: "Video",
    video_watch: "We watch the video",
    video_no_url: "No web address known: play the video from wherever you have it.",
    video_local_copy: Tpl::new("The video is on this computer: {}. F5 plays it."),
    video_scan: "Scan the code to open the video on a phone.",
    video_code_elsewhere: "QR code: F1 shows it large; also in a larger window and on the room screen (voer room).",
    video_code_keys: "Scan the code to open the video · F1 all keys · Esc back",
    video_code_too_small: Tpl::new("Make the window larger for the QR code: {}×{} is needed"),
    translation: "Translation",
    step_prompt: "Question",
    step_closing: "Closing",
    step_summary: "Summary",
    step_of: Tpl::new("Step {} of {}"),
    ends_at: Tpl::new("ends ± {}"),
    agenda: "Agenda",
    paused: "PAUSED",
    muted: "bell off",
    timer_last_minute: "last minute",
    timer_over: "over time",
    notes: "Notes",
    notes_placeholder: "Start typing to take notes",
    notes_placeholder_typing: "Type the group's notes here",
    typing: "typing",
    planned: "planned",
    actual: "actual",
    lines: "lines",
    saved_to: "Saved in",
    session_finished: "The conversation is finished. Thank you all!",
    session_finished_formal: "The conversation is finished. Thank you all!",
    reopened_finished: "This session was already finished; additions are kept.",
    finished_status: "The conversation is finished and saved · PageUp reopens it",
    reopened_status: "The conversation is open again: no longer finished",
    too_small_kept: Tpl::new("Kept in the notes: {}"),
    group: "Group",
    facilitator: "Facilitator",
    saved: "saved",
    saving_failed: Tpl::new("NOT SAVED: {} — notes are kept in memory, voer keeps retrying"),
    exported_to: Tpl::new("Report written: {}"),
    lock_made_again: "This session's lock file was gone; voer made it again, so that no second voer can open the session.",
    exported_beside: Tpl::new("Report written: {} ({} was changed by hand and is left as it is)"),
    export_failed: Tpl::new("Writing the report failed: {}"),
    key_pause: "pause",
    key_resume: "resume",
    key_more_less: "minute",
    key_type: "notes",
    key_stop_typing: "done typing",
    key_step: "step",
    key_help: "help",
    key_help_code: "QR code",
    key_quit: "quit",
    key_hide_notes: "hide notes",
    key_show_notes: "show notes",
    key_export: "report",
    key_blank: "blank screen",
    key_mute: "bell off",
    key_unmute: "bell on",
    key_close: "close",
    help_title: "Keys",
    key_scroll: "scroll",
    key_space: "Space",
    key_printable: "any letter or sign",
    key_editing: "arrows Home End",
    help_step: "next / previous step",
    help_pause: "pause / resume the timer",
    help_notes: "hide / show the notes",
    help_blank: "blank the screen / bring it back",
    help_mute: "bell on / off",
    help_export: "report (Markdown) beside the session file",
    help_help: "all keys; at the video first its QR code",
    help_quit: "quit (everything is kept)",
    help_minute: "one minute more / less",
    help_type: "type notes",
    help_type_at_once: "starts the notes, with that character",
    help_text: "text; Enter starts a new line",
    help_stop_typing: "done typing",
    help_editing: "move the cursor",
    help_undo: "undo / redo",
    help_scroll: "scroll the help",
    help_close: "close (any other key closes it and does its job)",
    help_save_elsewhere: "save elsewhere",
    help_retry: "retry",
    help_discard: "quit anyway (the notes are lost)",
    help_back: "back",
    help_save_path: "save",
    help_clear_field: "clear the path",
    help_path_field: "type the path",
    where_always: "Always",
    where_not_typing: "Not typing",
    where_not_typing_notes: "Not typing, on a step with notes",
    where_typing: "Typing",
    where_help: "In the help",
    where_unsaved: "When saving fails on quitting",
    where_save_path: "In the save-elsewhere field",
    where_action_form: "In the form of an action",
    where_action_list: "In the list of actions",
    help_record_action: "record an action or a question",
    help_list_actions: "the actions: edit, remove, mark done",
    help_form_field: "next / previous field",
    help_form_save: "save",
    help_form_cancel: "cancel",
    help_form_quit: "save what the form holds, and quit",
    help_text_field: "type in the field; on Kind, Space and ←→ choose action or question",
    help_list_move: "choose",
    help_list_done: "done / open again",
    help_list_edit: "edit, or answer",
    help_list_remove: "remove (press twice)",
    help_list_close: "close",
    help_tips: "hide / show the tips (one screen)",
    help_room_notes: "room screen: show / hide the notes",
    too_small: "Please enlarge the window",
    room_waiting: "Waiting for a session",
    room_waiting_sub: "This screen follows the conversation voer opens.",
    room_following: "room screen following",
    room_notes_on: "notes shown",
    room_notes_off: "notes not shown",
    room_short: "room",
    room_short_notes: "room + notes",
    next_step: "Next",
    key_room_notes_show: "notes to the room",
    key_room_notes_hide: "notes off the room",
    key_show_tips: "show tips",
    key_hide_tips: "hide tips",
    unsaved_title: "Not everything is saved",
    unsaved_body: Tpl::new("The notes could not be saved in {}."),
    save_elsewhere_prompt: "Save as (full path), Enter = save, Esc = back:",
    picker_brand: " · conversations about the videos of Radicale vernieuwing zorg",
    pick_episode: "Choose an episode",
    pick_audience: "Choose the audience",
    pick_group: "Name of the group (optional)",
    pick_group_hint: [
        "for example: Client council De Linde",
        "for example: Board of Zorggroep Oost",
        "for example: District nursing team North",
        "for example: Class Care Assistants 2B",
        "for example: Family council De Linde",
        "for example: Neighbourhood initiative De Groene Wijk",
        "for example: Care office and municipality, region East",
    ],
    pick_keys: "↑↓ choose   Enter next   Esc back   Ctrl+C quit",
    sessions_unwritable: Tpl::new(
        "Cannot save in the folder '{}': {}. Choose another folder with --sessions DIR.",
    ),
    session_in_use: Tpl::new("{} is already open in another voer window. Close that one first."),
    cannot_lock: Tpl::new("Cannot lock the session: {}"),
    sessions_unreadable: Tpl::new("Cannot read the folder '{}': {}"),
    notes_not_saved: Tpl::new("{}: the notes could not be saved: {}"),
    terminal_failed: Tpl::new("Cannot open the terminal: {}"),
    draw_failed: Tpl::new("Cannot draw the screen: {}"),
    report_failed: Tpl::new("The report could not be made ({}: {})"),
    os_not_found: "No such file or folder",
    os_folder_gone: "The folder does not exist (any more)",
    os_permission_denied: "Permission denied",
    os_storage_full: "The disk is full",
    os_quota: "Disk quota exceeded",
    os_read_only: "Read-only file system",
    os_not_a_folder: "Not a folder",
    os_is_a_folder: "A folder, not a file",
    os_not_regular: "Not a regular file (a pipe, a device or a socket); voer does not read it",
    os_too_large: Tpl::new("Larger than {} MiB; voer never makes this file that large"),
    os_folder_link: "A symbolic link, not a folder of its own; voer does not write there",
    os_folder_not_yours: "A folder of another user; voer does not write there",
    os_exists: "Already exists",
    os_other: Tpl::new("{}"),
    os_no_answer: "The disk does not answer",
    saver_stopped: "not written: saving had already stopped",
    not_text: "not a text file (not valid UTF-8)",
    toml_problem: Tpl::new("{}"),
    session_at: Tpl::new("line {}, column {}: {}"),
    session_no_version: "this is not a voer session file (no format_version)",
    session_too_new: Tpl::new(
        "this session file has format version {}; this voer reads up to version {}: update voer",
    ),
    session_version_zero: "format_version 0 is not a valid version",
    session_bad_step: Tpl::new("session.current_step is {}, but the file has {} steps"),
    episode_read: Tpl::new("cannot read: {}"),
    episode_folder: Tpl::new("cannot read the prompts folder: {}"),
    episode_duplicate_id: Tpl::new("duplicate id '{}', already used by {}"),
    episode_duplicate_number: Tpl::new("duplicate number {}, already used by episode '{}'"),
    problem_bad_id: "use lowercase letters, digits and '-' only",
    problem_not_positive: "must be 1 or more",
    problem_empty: "is empty",
    problem_no_quote: "needs at least one quote",
    problem_no_prompt: "needs at least one prompt",
    problem_placeholder: "still holds the template's placeholder: fill it in",
    problem_out_of_range: Tpl::new("must be {} to {}"),
    replan_shrunk: Tpl::new("to end at {}: the steps still to come are {} min shorter in all"),
    replan_impossible: Tpl::new("{} cannot be met: even at 1 min a step, {} min late"),
    replan_no_until: "no end time: start with --until HH:MM",
    replan_fits: "the plan fits already: nothing shortened",
    round_no_participants: "no participants: start with --participants \"Anna,Bert\"",
    pace_ahead: Tpl::new("{} min ahead of {}"),
    pace_on_time: Tpl::new("on time for {}"),
    pace_behind: Tpl::new("{} min behind {}"),
    pace_impossible: Tpl::new("{} cannot be met"),
    round_now: "Now",
    round_next: "next",
    round_open: "Everyone has spoken: open discussion",
    round_passed: "passed",
    round_turns: "round",
    round_open_heading: "Open discussion",
    round_time_up: "time is up",
    round_then_more: Tpl::new("then {} more"),
    round_last: "the last one",
    round_done_count: Tpl::new("{} done"),
    round_more_count: Tpl::new("+{}"),
    phase_of: Tpl::new("Phase {}/{}"),
    col_replanned: "re-planned",
    show_round: Tpl::new("Speaking round: everyone in turn ({}), then open discussion"),
    show_round_default: "half the time shared equally",
    show_round_each: Tpl::new("{} min each"),
    show_phases: "Phases (min)",
    help_next_turn: "in a round: next speaker; in phases: next phase",
    help_pass: "in a round: the speaker passes",
    help_shuffle: "in a round: shuffle who has not spoken yet",
    help_toggle_round: "make this prompt a speaking round (and back)",
    help_take_overrun: "with --until: take the overrun from the steps to come",
    key_next_speaker: "next",
    key_next_phase: "next phase",
    key_pass: "pass",
    pick_facilitator: "Facilitator (optional): goes into the report",
    pick_participants: "Participants for speaking rounds (first names or initials, with commas)",
    pick_until: "Ends at (HH:MM, optional): the steps are shortened to fit",
    pick_until_bad: "Give a time as HH:MM, for example 16:30, or leave it empty",
    cli_bad_until: Tpl::new("--until '{}': give a time as HH:MM, for example 16:30"),
    problem_phases_sum: Tpl::new(
        "the phases add up to {} minutes, the prompt has {}: make them equal (or leave out minutes)",
    ),
    problem_no_closing: Tpl::new("no closing prompt for audience '{}'"),
    problem_two_closings: Tpl::new("more than one closing prompt for '{}'"),
    problem_closing_alone: Tpl::new("closing prompt for '{}', which has no prompts"),
    problem_two_openings: Tpl::new("more than one opening for '{}'"),
    problem_opening_alone: Tpl::new("opening for '{}', which has no prompts"),
    export_report: "Report",
    export_conversations: Tpl::new("{} conversations"),
    episode_number: Tpl::new("Episode {}"),
    export_groups: "Groups",
    export_time: "Time",
    export_minutes: Tpl::new("planned {} · actual {}"),
    export_minutes_replanned: Tpl::new("planned {} · re-planned {} · actual {}"),
    export_no_notes: "No notes.",
    export_closing_sub: "Agreements, actions and questions for the organisation",
    export_quote_notes: "On the quote",
    export_not_finished: "not finished",
    export_unnamed_group: "Unnamed group",
    export_csv_header: [
        "date", "group", "audience", "episode", "step", "question", "note",
    ],
    export_months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    export_exists: Tpl::new(
        "{} already exists. Choose another name, or overwrite it with --force.",
    ),
    export_same_as_input: Tpl::new(
        "{} is one of the session files; a report may not overwrite it.",
    ),
    export_voers_own: Tpl::new(
        "{} is one of voer's own files (a session, its lock or room screen presence, or a rescue copy); a report never replaces it, not even with --force. Choose another name.",
    ),
    export_docx_needs_output: "A Word file (docx) cannot go to the screen. Name a file, for example --output report.docx",
    export_unknown_extension: Tpl::new(
        "Cannot tell the format from '{}'. Choose one with --format md|html|txt|json|csv|docx",
    ),
    export_bad_delimiter: Tpl::new(
        "--csv-delimiter must be one plain character, such as ';' or ',' (not '{}')",
    ),
    export_skipped: Tpl::new("skipped: {}"),
    export_nothing_left: "No readable session file is left to export.",
    export_bad_files: Tpl::new(
        "Session files that could not be read: {}. With --skip-bad the others are exported anyway.",
    ),
    export_unreadable: Tpl::new(
        "Session files that could not be read: {}; there is nothing to export. To see the sessions: voer sessions",
    ),
    export_took_last: Tpl::new("The newest session: {}"),
    export_took_group: Tpl::new("Sessions of the group ‘{}’: {}"),
    cli_usage: "Usage",
    cli_commands: "Commands",
    cli_arguments: "Arguments",
    cli_options: "Options",
    cli_after_help: "Without a command, voer runs a conversation: `voer 4 --audience bestuur` is `voer run 4 --audience bestuur`.",
    cli_help: &[
        (
            "voer",
            "Voer (voor) inspiratiegesprekken: step a group through an episode of 'Radicale vernieuwing zorg': the quote, timed prompts, the group's notes.",
        ),
        (
            "*.episode",
            "Episode number or id (asked on screen when missing).",
        ),
        (
            "voer.episode",
            "Episode number or id, or several in one meeting: 1,4 (asked on screen when missing).",
        ),
        (
            "run.episode",
            "Episode number or id, or several in one meeting: 1,4 (asked on screen when missing).",
        ),
        (
            "*.questions_from",
            "A board's meeting that answers a client council's questions to the organisation: they are on the opening, and each answer is saved in the council's own session file.",
        ),
        (
            "*.audience",
            "Audience: client-council (cliëntenraad), board (bestuur), team, classroom (klas), relatives (naasten), citizens (buurt), oversight (toezicht).",
        ),
        (
            "*.group",
            "Name of the group, e.g. \"Cliëntenraad De Linde\".",
        ),
        ("*.facilitator", "Name of the facilitator."),
        ("*.projector", "High-contrast theme for a projector."),
        (
            "*.participants",
            "First names or initials of the participants, for speaking rounds: \"Anna,Bert,Cor\".",
        ),
        (
            "*.until",
            "When the meeting must end (HH:MM): the steps still to come are shortened to fit.",
        ),
        (
            "*.prompts",
            "Folder with extra episode files (*.toml); they add to or override the built-in ones by id.",
        ),
        (
            "*.sessions",
            "Folder where session files are kept (default: from the config file, else the system's local data folder).",
        ),
        (
            "*.lang",
            "Language of the program: nl or en (default: from the config file, else the system).",
        ),
        ("*.help", "Print help."),
        ("*.version", "Print version."),
        (
            "run",
            "Hold a conversation: opening, quote, timed prompts, closing (the default).",
        ),
        (
            "resume",
            "Continue a session where it stopped (default: the newest unfinished one).",
        ),
        (
            "resume.session_file",
            "A session: its name as voer sessions shows it (with or without .toml), or a path.",
        ),
        (
            "room",
            "The room screen for the projector, in a second terminal: follows the session a running voer holds (or the file named), read-only.",
        ),
        (
            "room.session_file",
            "A session to follow: its name as voer sessions shows it, or a path (default: the one a running voer has open).",
        ),
        (
            "list",
            "List the episodes: number, id, title, speaker, minutes per audience.",
        ),
        (
            "show",
            "Print the plan of an episode: quote, prompts with minutes and tips.",
        ),
        ("show.audience", "Only this audience (default: all seven)."),
        (
            "show.output",
            "Write the plan to this file (.html to print, .docx, .md or .txt).",
        ),
        ("*.force", "Overwrite the output file if it exists."),
        (
            "handout",
            "The participants' sheet: the quote and the questions in large print, to hand out.",
        ),
        (
            "handout.audience",
            "The audience whose questions are on it.",
        ),
        (
            "handout.output",
            "Write the handout to this file (.html to print, .docx); without it, Markdown is printed.",
        ),
        (
            "*.video",
            "A copy of the video on this computer, for this meeting: F5 on the video step plays it.",
        ),
        (
            "validate",
            "Check episode files (default: the built-in episodes and the --prompts folder).",
        ),
        ("validate.paths", "Episode files or folders."),
        ("sessions", "List the saved sessions, newest first."),
        (
            "actions",
            "The actions of every session, per group, earliest date first; `voer actions done ID` marks one done.",
        ),
        ("actions.group", "Only the actions of this group."),
        ("actions.open", "Only the actions still open."),
        (
            "done",
            "Mark an action done (in the session file that holds it).",
        ),
        ("done.id", "The action's id, as voer actions shows it."),
        ("export", "Export session notes as a report."),
        (
            "export.files",
            "One or more sessions: the name as voer sessions shows it (with or without .toml), or a path; several make one report.",
        ),
        (
            "export.last",
            "The newest session, finished or not (never the example).",
        ),
        (
            "export.group",
            "Every session of this group, however its name is spelled (\"clientenraad de linde\").",
        ),
        (
            "export.format",
            "Output format: md, html, txt, json, csv, docx or letter (the letter with the questions and advice to the organisation, .md or .docx) (default: from the --output extension, else md).",
        ),
        (
            "export.output",
            "Write to this file instead of standard output.",
        ),
        ("export.force", "Overwrite the output file if it exists."),
        (
            "export.skip_bad",
            "Skip session files that cannot be read, and export the others.",
        ),
        (
            "export.csv_delimiter",
            "Field separator for csv (default: ';' for a Dutch report, ',' for an English one).",
        ),
        (
            "export.anonymous",
            "Replace the participants, the facilitator and the owners of actions by Participant 1, Participant 2 …, also in the notes; leave out the facilitator line.",
        ),
        (
            "export.with_private",
            "Include the facilitator's private notes, marked as private.",
        ),
        (
            "delete",
            "Delete sessions and what voer wrote for them (lock, presence file, rescue copies, Ctrl+E reports).",
        ),
        (
            "delete.files",
            "The sessions: a name as voer sessions shows it (with or without .toml), or a path.",
        ),
        (
            "delete.last",
            "The newest session, finished or not (never the example).",
        ),
        (
            "delete.group",
            "Every session of this group, however its name is spelled.",
        ),
        (
            "delete.expired",
            "Every session older than the retention period (retention_months in the config file).",
        ),
        ("delete.yes", "Delete without asking (for scripts)."),
        ("privacy", "What voer stores where, for a privacy officer."),
        (
            "config",
            "Show where the config file is and which settings are in effect.",
        ),
        ("completions", "Print a shell completion script."),
        (
            "completions.shell",
            "The shell: bash, zsh, fish, powershell or elvish.",
        ),
        ("help", "Print help for voer or for a command."),
        ("help.subcommand", "The command to explain."),
    ],
    cli_more_info: Tpl::new("For more information: {}"),
    cli_err_unknown_argument: Tpl::new("unexpected argument '{}'"),
    cli_err_missing_value: Tpl::new("{} needs a value"),
    cli_err_invalid_value: Tpl::new("invalid value '{}' for {}"),
    cli_err_possible_values: Tpl::new("possible: {}"),
    cli_err_missing: Tpl::new("missing: {}"),
    cli_err_conflict: Tpl::new("{} cannot be used with {}"),
    cli_err_values: Tpl::new("wrong number of values for {}"),
    cli_err_missing_command: "a command is missing",
    cli_err_utf8: "an argument is not valid text (UTF-8)",
    cli_err_did_you_mean: Tpl::new("did you mean '{}'?"),
    cli_run_option_elsewhere: Tpl::new("{} belongs to a conversation (voer run), not to voer {}"),
    cli_mistyped_command: Tpl::new("Unknown episode '{}'; did you mean `voer {}`?"),
    cli_group_and_choice: Tpl::new(
        "--group and another choice (--last, --expired or a name) together: give one, for example voer {} --group \"Client council De Linde\"",
    ),
    config_file: Tpl::new("Config file: {}"),
    config_not_there: "(does not exist yet; see the README for its fields)",
    config_no_folder: "No folder for the config file was found (there is no home folder).",
    config_in_effect: "In effect:",
    config_labels: [
        "language",
        "sessions folder",
        "facilitator",
        "theme",
        "participants",
        "retention (months)",
    ],
    config_sources: ["command line", "config file", "system setting", "default"],
    config_not_set: "(not set)",
    config_broken: Tpl::new("The config file cannot be used: {}"),
    problem_control_character: "holds a control character (such as ESC, the start of a terminal code); remove it",
    time_clamped: Tpl::new("{}: {} = {} is more than 24 hours; read as 24 hours"),
    save_as_exists: Tpl::new("{} already exists; choose another name"),
    session_linked: Tpl::new(
        "{} has more than one name (a hard link); voer only opens a session file with one name. Copy it: cp",
    ),
    lock_not_a_file: Tpl::new(
        "{}: the lock file is not a regular file (a link?). Remove it when no voer has the session open.",
    ),
    export_not_a_file: Tpl::new(
        "{} is not a regular file (a device, a pipe or a folder); voer does not write to it, not even with --force.",
    ),
    needs_terminal: Tpl::new(
        "voer {} needs a terminal, but its output goes to a file or a pipe. Start it without > or |.",
    ),
    rescued_to: Tpl::new(
        "The sessions folder could not be written; the notes are in a rescue copy: {}\nTo continue: voer resume {}",
    ),
    rescued: "rescued",
    rescue_failed: Tpl::new("A rescue copy could not be written either: {}"),
    rescue_heading: Tpl::new("Rescue copies (the sessions folder could not be written) in {}:"),
    os_reserved_name: Tpl::new(
        "Windows does not allow this name: '{}' is the name of a device (CON, PRN, AUX, NUL, COM1–9, LPT1–9), also with an extension. Choose another name",
    ),
    os_trailing_dot: Tpl::new(
        "Windows does not allow this name: '{}' ends in a dot or a space. Choose another name",
    ),
    os_bad_character: Tpl::new(
        "Windows does not allow this name: '{}' holds '{}', and none of < > : \" | ? * may be in a name. Choose another name",
    ),
    os_held_open: "The file is held open by another program, such as OneDrive or a virus scanner; close that program or wait a moment, then save again",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

impl Texts {
    /// The words at the end of a conversation, to the group as voer addresses it ("Dank u
    /// wel!" to a client council): the same on the facilitator's screen and the room's.
    pub fn session_finished_for(&self, audience: crate::episode::Audience) -> &'static str {
        if audience.is_addressed_formally() {
            self.session_finished_formal
        } else {
            self.session_finished
        }
    }
}

/// A text with `N` places for values: `{}` filled in order, or `{0}`, `{1}` … where another
/// language needs another word order. The number is part of the type, so a call that passes
/// the wrong number of values does not compile, and [`Tpl::new`] refuses, at compile time, a
/// text whose places do not match it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tpl<const N: usize>(&'static str);

impl<const N: usize> Tpl<N> {
    pub const fn new(text: &'static str) -> Tpl<N> {
        assert!(
            places(text) == N,
            "a text's places do not match its number of values"
        );
        Tpl(text)
    }
}

/// How many values a text takes: the number of `{}`, or one more than the highest `{N}`.
/// Mixing the two forms is refused (counts as a mismatch).
const fn places(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut plain, mut numbered, mut i) = (0, 0, 0);
    while i + 1 < b.len() {
        if b[i] == b'{' && b[i + 1] == b'}' {
            plain += 1;
            i += 2;
        } else if b[i] == b'{' && i + 2 < b.len() && b[i + 1].is_ascii_digit() && b[i + 2] == b'}' {
            let n = (b[i + 1] - b'0') as usize + 1;
            if n > numbered {
                numbered = n;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    match (plain, numbered) {
        (p, 0) => p,
        (0, n) => n,
        _ => usize::MAX,
    }
}

/// Fills the places of `template` with `args`.
pub fn fill<const N: usize>(template: Tpl<N>, args: [&dyn std::fmt::Display; N]) -> String {
    let text = template.0;
    let mut out = String::with_capacity(text.len() + 16);
    let mut next = args.iter();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(tail) = after.strip_prefix('}') {
            if let Some(a) = next.next() {
                out.push_str(&a.to_string());
            }
            rest = tail;
        } else if let (Some(d), Some(tail)) = (
            after.chars().next().and_then(|c| c.to_digit(10)),
            after.get(1..).and_then(|t| t.strip_prefix('}')),
        ) {
            if let Some(a) = args.get(d as usize) {
                out.push_str(&a.to_string());
            }
            rest = tail;
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// An error as a person reads it: worded once, in their language, where it is shown.
/// The errors that implement it show English through `Display`, for logs and tests.
pub trait Localize {
    fn render(&self, lang: Lang) -> String;
}

/// `Display` in English for types that implement [`Localize`].
macro_rules! english_display {
    ($($t:ty),+) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::Localize::render(self, $crate::lang::Lang::En))
            }
        }
    )+};
}
pub(crate) use english_display;

/// The operating system's reason for a failed file operation, in words. The kinds a person
/// can do something about are named; for any other the system's own text is shown.
pub fn os_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;

    use crate::platform::{HeldOpen, NameProblem, NotRegular, TooLarge, UnsafeFolder};
    let t = texts(lang);
    // The reasons voer itself puts in an error, on Windows (see `platform`).
    match e.get_ref().and_then(|r| r.downcast_ref::<NameProblem>()) {
        Some(NameProblem::Reserved(name)) => return fill(t.os_reserved_name, [name]),
        Some(NameProblem::TrailingDotOrSpace(name)) => return fill(t.os_trailing_dot, [name]),
        Some(NameProblem::BadCharacter(name, c)) => {
            return fill(t.os_bad_character, [name, &c.escape_default()]);
        }
        None => {}
    }
    if e.get_ref().is_some_and(|r| r.is::<HeldOpen>()) {
        return t.os_held_open.to_string();
    }
    if e.get_ref().is_some_and(|r| r.is::<NotRegular>()) {
        return t.os_not_regular.to_string();
    }
    if let Some(TooLarge { limit }) = e.get_ref().and_then(|r| r.downcast_ref::<TooLarge>()) {
        return fill(t.os_too_large, [&(limit >> 20)]);
    }
    match e.get_ref().and_then(|r| r.downcast_ref::<UnsafeFolder>()) {
        Some(UnsafeFolder::Link) => return t.os_folder_link.to_string(),
        Some(UnsafeFolder::NotYours) => return t.os_folder_not_yours.to_string(),
        None => {}
    }
    let words = match e.kind() {
        K::NotFound => t.os_not_found,
        K::PermissionDenied => t.os_permission_denied,
        K::StorageFull => t.os_storage_full,
        K::QuotaExceeded => t.os_quota,
        K::ReadOnlyFilesystem => t.os_read_only,
        K::NotADirectory => t.os_not_a_folder,
        K::IsADirectory => t.os_is_a_folder,
        K::AlreadyExists => t.os_exists,
        K::TimedOut => t.os_no_answer,
        _ => return fill(t.os_other, [e]),
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_in_order_or_by_number() {
        assert_eq!(fill(Tpl::new("{} van {}"), [&1, &5]), "1 van 5");
        assert_eq!(fill(Tpl::new("geen"), []), "geen");
        // Another language may need the values in another order.
        assert_eq!(
            fill(Tpl::new("{1}, {0}"), [&"Jansen", &"Anna"]),
            "Anna, Jansen"
        );
        assert_eq!(fill(Tpl::new("{x} {}"), [&1]), "{x} 1");
    }

    #[test]
    fn a_texts_places_are_counted_as_the_type_says() {
        assert_eq!(places("Stap {} van {}"), 2);
        assert_eq!(places("{0} en {1} en {0}"), 2);
        assert_eq!(places("geen"), 0);
        assert_eq!(places("{} en {1}"), usize::MAX, "mixed forms never match");
    }

    #[test]
    fn the_systems_common_reasons_have_dutch_words() {
        use std::io::{Error, ErrorKind as K};
        for kind in [
            K::NotFound,
            K::PermissionDenied,
            K::StorageFull,
            K::QuotaExceeded,
            K::ReadOnlyFilesystem,
            K::NotADirectory,
            K::IsADirectory,
            K::AlreadyExists,
            K::TimedOut,
        ] {
            // As the system reports them: with its English text and error number.
            let e = Error::new(kind, format!("{kind} (os error 99)"));
            let nl = os_reason(&e, Lang::Nl);
            assert!(!nl.contains("os error"), "{kind:?}: {nl}");
            assert_ne!(nl, os_reason(&e, Lang::En), "{kind:?}");
        }
        assert_eq!(
            os_reason(&Error::from(K::StorageFull), Lang::Nl),
            "de schijf is vol"
        );
    }

    #[test]
    fn windows_reasons_are_worded_in_both_languages() {
        use std::{io::Error, path::Path};

        use crate::platform::{self, HeldOpen};
        let bad_name = platform::name_check(Path::new(r"C:\Users\jef\con.txt")).unwrap_err();
        let nl = os_reason(&bad_name, Lang::Nl);
        let en = os_reason(&bad_name, Lang::En);
        assert!(
            nl.contains("'con.txt'") && nl.contains("andere naam"),
            "{nl}"
        );
        assert!(
            en.contains("'con.txt'") && en.contains("another name"),
            "{en}"
        );
        let bad_char = platform::name_check(Path::new("wat?.md")).unwrap_err();
        assert!(os_reason(&bad_char, Lang::En).contains("'?'"));
        let held = Error::new(
            std::io::ErrorKind::PermissionDenied,
            HeldOpen(Error::from_raw_os_error(32)),
        );
        assert!(os_reason(&held, Lang::Nl).contains("OneDrive"));
        assert!(os_reason(&held, Lang::En).contains("held open by another program"));
    }

    #[test]
    fn an_unnamed_reason_keeps_the_systems_text_in_brackets() {
        let e = std::io::Error::other("Input/output error (os error 5)");
        assert_eq!(
            os_reason(&e, Lang::Nl),
            "fout van het systeem (Input/output error (os error 5))"
        );
        assert_eq!(os_reason(&e, Lang::En), "Input/output error (os error 5)");
    }
}
