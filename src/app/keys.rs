//! Every key of a run, defined once. The keymap (`keymap.rs`), the key bar, the help screen and
//! the README's key table are all made from [`BINDINGS`].
//!
//! The plan: on a step with notes (every step but the summary) a printable key without Ctrl
//! starts the notes and is kept, and once typing, everything printable is text. So commands use
//! keys that never start a sentence: arrows, PageUp/PageDown, Enter, Esc, F1 and Ctrl+letters.
//! Never Ctrl+S/Q (flow control), Ctrl+Z/Y (undo/redo in the notes), Ctrl+H/I/J/M/[ (Backspace,
//! Tab, Enter, Esc in some terminals); no Alt (unreliable in macOS Terminal). On the summary,
//! where nothing can be typed, a sentence typed anyway changes nothing either: there, too, the
//! commands are only the keys above.
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{
    mode::{Mode, Overlay, UnsavedView},
    model::Model,
    msg::Msg,
    rounds,
};
use crate::{
    i18n::{self, Texts},
    lang::Lang,
};

/// A key, or a class of keys, as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The key without Ctrl or Alt.
    Plain(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// Any printable character typed without Ctrl or Alt (AltGr counts as printable). Space is
    /// one too; outside the notes its own binding comes first.
    Printable,
    /// The editor's keys that move the cursor: arrows, Home, End.
    Editing,
}

/// Where a binding works. Over the help or the blank screen, a key that is not theirs first
/// closes them and then does what it does underneath.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// During the whole run: typing or not, on the summary too.
    Always,
    /// Not typing, on any step.
    NotTyping,
    /// Not typing, on a step with notes (every step but the summary).
    NotTypingNotes,
    /// While typing notes.
    Typing,
    /// In the help.
    Help,
    /// In the dialog after a failed last save.
    Unsaved,
    /// In that dialog's path field.
    SavePath,
    /// In the form that records or edits an action.
    ActionForm,
    /// In the list of actions.
    ActionList,
}

/// What a key does.
#[derive(Debug, Clone)]
pub enum Do {
    Act(Msg),
    /// The notes editor (or the path field) takes the key.
    Edit,
}

/// When a binding is shown in the key bar, besides where it works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Always,
    /// Only on a timed step.
    Timed,
    /// Only on a step with notes: not on the summary.
    NotSummary,
    /// Only during a round's turns, or on a phased prompt before its last phase.
    Turns,
    /// Only during a round's turns.
    Round,
    /// Only while a room screen follows the session.
    RoomFollowing,
    /// Only on a step with a tip, while no room screen follows (one projected screen).
    TipsHere,
    /// Only on the video step.
    Video,
}

/// One line of the help: keys, where they work, what they do.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [(Key, Do)],
    pub at: Where,
    /// Its line in the help, the dialog and the README.
    pub help: fn(&Texts) -> &'static str,
    /// How it shows in the key bar; `None`: in the help only.
    pub bar: Option<Bar>,
}

/// A binding's place in the key bar.
#[derive(Debug, Clone, Copy)]
pub struct Bar {
    /// Lower first; a narrow bar drops from the end.
    pub place: u8,
    pub show: Show,
    /// Its word in the bar; it may depend on the state (pause / resume).
    pub label: fn(&Model) -> &'static str,
}

/// The keys of a binding, kept for the whole program: a `const` block, because a list made in
/// a call would end with it (the table is built at compile time).
macro_rules! keys {
    ($($key:expr),+ $(,)?) => {
        const { &[$($key),+] }
    };
}

/// A binding: where it works, its keys, and its line in the help (and in a dialog's line of
/// keys); `.bar(…)` puts it in the key bar too.
const fn on(at: Where, keys: &'static [(Key, Do)], help: fn(&Texts) -> &'static str) -> Binding {
    Binding {
        keys,
        at,
        help,
        bar: None,
    }
}

impl Binding {
    /// Shown in the key bar at `place` (lower first), when `show` holds, as `label` says.
    const fn bar(self, place: u8, show: Show, label: fn(&Model) -> &'static str) -> Binding {
        Binding {
            bar: Some(Bar { place, show, label }),
            ..self
        }
    }
}

/// A key without Ctrl or Alt.
const fn plain(code: KeyCode, msg: Msg) -> (Key, Do) {
    (Key::Plain(code), Do::Act(msg))
}

/// Ctrl and a letter.
const fn ctrl(letter: char, msg: Msg) -> (Key, Do) {
    (Key::Ctrl(letter), Do::Act(msg))
}

/// Keys the notes editor (or a field) takes.
const fn edit(key: Key) -> (Key, Do) {
    (key, Do::Edit)
}

/// All keys of a run, in the order of the help.
#[rustfmt::skip] // A table: one binding a line (and its place in the key bar under it).
pub const BINDINGS: &[Binding] = {
    use KeyCode::{BackTab, Backspace, Char, Delete, Down, Enter, Esc, F, Left, PageDown, PageUp};
    use KeyCode::{Right, Tab, Up};
    use Where::*;
    &[
        // Always.
        on(Always, keys![plain(PageDown, Msg::Next), plain(PageUp, Msg::Prev)], |t| t.help_step)
            .bar(2, Show::Always, |m| m.texts().key_step),
        on(Always, keys![ctrl('p', Msg::TogglePause)], |t| t.help_pause)
            .bar(6, Show::Timed, pause_label),
        on(Always, keys![ctrl('n', Msg::ToggleNotes)], |t| t.help_notes)
            .bar(10, Show::NotSummary, notes_label),
        on(Always, keys![ctrl('b', Msg::ToggleBlank)], |t| t.help_blank)
            .bar(11, Show::Always, |m| m.texts().key_blank),
        on(Always, keys![ctrl('t', Msg::ToggleTips)], |t| t.help_tips)
            .bar(9, Show::TipsHere, tips_label),
        on(Always, keys![ctrl('r', Msg::ToggleRoomNotes)], |t| t.help_room_notes)
            .bar(9, Show::RoomFollowing, room_notes_label),
        on(Always, keys![ctrl('g', Msg::ToggleMute)], |t| t.help_mute)
            .bar(12, Show::Timed, mute_label),
        on(Always, keys![ctrl('e', Msg::Export)], |t| t.help_export)
            .bar(8, Show::Always, |m| m.texts().key_export),
        on(Always, keys![plain(F(1), Msg::Help)], |t| t.help_help)
            .bar(7, Show::Always, help_label),
        // As a slide show starts: the video opens in the browser or the player.
        on(Always, keys![plain(F(5), Msg::OpenVideo)], |t| t.paper.help_video)
            .bar(3, Show::Video, |m| m.texts().paper.key_video),
        // Rounds, phases and ending on time (Ctrl+U clears the path field in the unsaved dialog,
        // where no round is).
        on(Always, keys![plain(Tab, Msg::NextTurn)], |t| t.help_next_turn)
            .bar(1, Show::Turns, next_turn_label),
        on(Always, keys![ctrl('k', Msg::Pass)], |t| t.help_pass)
            .bar(2, Show::Round, |m| m.texts().key_pass),
        on(Always, keys![ctrl('u', Msg::Shuffle)], |t| t.help_shuffle),
        on(Always, keys![ctrl('w', Msg::ToggleRound)], |t| t.help_toggle_round),
        on(Always, keys![ctrl('o', Msg::TakeOverrun)], |t| t.help_take_overrun),
        on(Always, keys![ctrl('c', Msg::Quit)], |t| t.help_quit)
            .bar(5, Show::Always, |m| m.texts().key_quit),
        // The facilitator's own notes: never on the room screen, nor in a report unless asked.
        on(Always, keys![ctrl('f', Msg::TogglePrivate)], |t| t.privacy.help_private)
            .bar(7, Show::NotSummary, private_label),
        on(Always, keys![ctrl('a', Msg::RecordAction)], |t| t.help_record_action)
            .bar(13, Show::Always, |m| m.texts().actions.key_record),
        on(Always, keys![ctrl('l', Msg::ListActions)], |t| t.help_list_actions)
            .bar(14, Show::Always, |m| m.texts().actions.key_list),
        // Not typing.
        on(NotTyping, keys![plain(Right, Msg::Next), plain(Left, Msg::Prev)], |t| t.help_step)
            .bar(1, Show::Always, |m| m.texts().key_step),
        on(NotTyping, keys![plain(Char(' '), Msg::TogglePause)], |t| t.help_pause)
            .bar(3, Show::Timed, pause_label),
        on(NotTyping, keys![plain(Up, Msg::AddMinute), plain(Down, Msg::RemoveMinute)],
           |t| t.help_minute)
            .bar(9, Show::Timed, |m| m.texts().key_more_less),
        on(NotTypingNotes, keys![plain(Enter, Msg::StartTyping)], |t| t.help_type)
            .bar(4, Show::Always, |m| m.texts().key_type),
        on(NotTypingNotes, keys![edit(Key::Printable)], |t| t.help_type_at_once),
        // Typing.
        on(Typing, keys![plain(Esc, Msg::StopTyping)], |t| t.help_stop_typing)
            .bar(0, Show::Always, |m| m.texts().key_stop_typing),
        on(Typing, keys![edit(Key::Printable)], |t| t.help_text),
        on(Typing, keys![edit(Key::Editing)], |t| t.help_editing),
        on(Typing, keys![ctrl('z', Msg::Undo), ctrl('y', Msg::Redo)], |t| t.help_undo),
        // The help.
        on(Help, keys![plain(Up, Msg::ScrollHelp(-1)), plain(Down, Msg::ScrollHelp(1))],
           |t| t.help_scroll)
            .bar(1, Show::Always, |m| m.texts().key_scroll),
        on(Help, keys![plain(Esc, Msg::CloseOverlay), plain(F(1), Msg::CloseOverlay)],
           |t| t.help_close)
            .bar(0, Show::Always, |m| m.texts().key_close),
        // The dialog after a failed last save: it lists its own keys.
        on(Unsaved, keys![plain(Char('w'), Msg::StartSaveElsewhere)], |t| t.help_save_elsewhere),
        on(Unsaved, keys![plain(Char('r'), Msg::RetrySave)], |t| t.help_retry),
        on(Unsaved, keys![plain(Char('d'), Msg::DiscardAndQuit)], |t| t.help_discard),
        on(Unsaved, keys![plain(Esc, Msg::CloseOverlay)], |t| t.help_back),
        on(SavePath, keys![plain(Enter, Msg::ConfirmSaveElsewhere)], |t| t.help_save_path),
        on(SavePath, keys![ctrl('u', Msg::ClearField)], |t| t.help_clear_field),
        on(SavePath, keys![plain(Esc, Msg::CloseOverlay)], |t| t.help_back),
        on(SavePath, keys![edit(Key::Printable), edit(Key::Editing)], |t| t.help_path_field),
        // The form of an action: what, who, when.
        on(ActionForm, keys![plain(Tab, Msg::NextField), plain(BackTab, Msg::PrevField)],
           |t| t.help_form_field)
            .bar(0, Show::Always, |m| m.texts().actions.form_what_next),
        on(ActionForm, keys![plain(Enter, Msg::SaveAction)], |t| t.help_form_save)
            .bar(1, Show::Always, |m| m.texts().actions.form_save),
        on(ActionForm, keys![plain(Esc, Msg::CloseOverlay)], |t| t.help_form_cancel)
            .bar(2, Show::Always, |m| m.texts().actions.form_cancel),
        on(ActionForm, keys![ctrl('c', Msg::Quit)], |t| t.help_form_quit),
        on(ActionForm, keys![edit(Key::Printable), edit(Key::Editing)], |t| t.help_text_field),
        // The list of actions.
        on(ActionList, keys![plain(Up, Msg::MoveInList(-1)), plain(Down, Msg::MoveInList(1))],
           |t| t.help_list_move)
            .bar(0, Show::Always, |m| m.texts().actions.list_choose),
        on(ActionList, keys![plain(Char(' '), Msg::ToggleActionDone)], |t| t.help_list_done)
            .bar(1, Show::Always, |m| m.texts().actions.list_done),
        on(ActionList, keys![plain(Enter, Msg::EditAction)], |t| t.help_list_edit)
            .bar(2, Show::Always, |m| m.texts().actions.list_edit),
        on(ActionList, keys![plain(Delete, Msg::RemoveAction), plain(Backspace, Msg::RemoveAction)],
           |t| t.help_list_remove)
            .bar(3, Show::Always, |m| m.texts().actions.list_remove),
        on(ActionList, keys![ctrl('a', Msg::RecordAction)], |t| t.help_record_action)
            .bar(4, Show::Always, |m| m.texts().actions.key_record),
        on(ActionList, keys![plain(Esc, Msg::CloseOverlay)], |t| t.help_list_close)
            .bar(5, Show::Always, |m| m.texts().key_close),
        on(ActionList, keys![ctrl('c', Msg::Quit)], |t| t.help_quit),
    ]
};

/// The word for a state that a key turns on and off: `on` while `state` holds, else `off`.
fn toggle(state: bool, on: &'static str, off: &'static str) -> &'static str {
    if state { on } else { off }
}

fn pause_label(m: &Model) -> &'static str {
    let t = m.texts();
    toggle(m.paused, t.key_resume, t.key_pause)
}

fn notes_label(m: &Model) -> &'static str {
    let t = m.texts();
    toggle(m.notes_hidden, t.key_show_notes, t.key_hide_notes)
}

fn private_label(m: &Model) -> &'static str {
    let t = m.texts().privacy;
    toggle(m.private_open, t.key_group_notes, t.key_private)
}

fn tips_label(m: &Model) -> &'static str {
    let t = m.texts();
    toggle(m.tips_hidden, t.key_show_tips, t.key_hide_tips)
}

fn room_notes_label(m: &Model) -> &'static str {
    let t = m.texts();
    toggle(
        m.session.session.room_notes,
        t.key_room_notes_hide,
        t.key_room_notes_show,
    )
}

fn mute_label(m: &Model) -> &'static str {
    let t = m.texts();
    toggle(m.muted, t.key_unmute, t.key_mute)
}

/// On the video step F1 first shows the video's code.
fn help_label(m: &Model) -> &'static str {
    let t = m.texts();
    toggle(m.video_url().is_some(), t.key_help_code, t.key_help)
}

fn next_turn_label(m: &Model) -> &'static str {
    let t = m.texts();
    let speakers = rounds::round(m).is_some_and(|r| !r.is_open());
    toggle(speakers, t.key_next_speaker, t.key_next_phase)
}

impl Key {
    /// Whether `k` is this key.
    pub fn matches(self, k: &KeyEvent) -> bool {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Plain(code) => !ctrl && !alt && code == k.code,
            Key::Ctrl(c) => {
                ctrl && !alt && matches!(k.code, KeyCode::Char(x) if x.eq_ignore_ascii_case(&c))
            }
            Key::Printable => is_printable(k),
            Key::Editing => matches!(
                k.code,
                KeyCode::Left
                    | KeyCode::Right
                    | KeyCode::Up
                    | KeyCode::Down
                    | KeyCode::Home
                    | KeyCode::End
            ),
        }
    }

    /// The key's name in the help and the README.
    pub fn name(self, lang: Lang) -> String {
        let t = i18n::texts(lang);
        match self {
            Key::Plain(KeyCode::Char(' ')) => t.key_space.to_string(),
            Key::Plain(KeyCode::Char(c)) => c.to_string(),
            Key::Plain(KeyCode::PageDown) => "PageDown".into(),
            Key::Plain(KeyCode::PageUp) => "PageUp".into(),
            Key::Plain(KeyCode::Right) => "→".into(),
            Key::Plain(KeyCode::Left) => "←".into(),
            Key::Plain(KeyCode::Up) => "↑".into(),
            Key::Plain(KeyCode::Down) => "↓".into(),
            Key::Plain(KeyCode::F(n)) => format!("F{n}"),
            Key::Plain(KeyCode::BackTab) => "Shift+Tab".into(),
            Key::Plain(code) => code.to_string(),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Printable => t.key_printable.to_string(),
            Key::Editing => t.key_editing.to_string(),
        }
    }

    /// The key's name in the key bar, where room is short.
    pub fn short_name(self, lang: Lang) -> String {
        match self {
            Key::Plain(KeyCode::PageDown) => "PgDn".into(),
            Key::Plain(KeyCode::PageUp) => "PgUp".into(),
            k => k.name(lang),
        }
    }
}

/// A character to type: without Ctrl or Alt, or with both (AltGr on Windows sends them).
pub fn is_printable(k: &KeyEvent) -> bool {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    matches!(k.code, KeyCode::Char(c) if !c.is_control()) && ctrl == alt
}

impl Binding {
    /// The keys as the help shows them: "PageDown / PageUp".
    pub fn key_names(&self, lang: Lang) -> String {
        self.keys
            .iter()
            .map(|(k, _)| k.name(lang))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// The keys as the key bar shows them: "PgDn/PgUp".
    pub fn short_key_names(&self, lang: Lang) -> String {
        self.keys
            .iter()
            .map(|(k, _)| k.short_name(lang))
            .collect::<Vec<_>>()
            .join("/")
    }
}

impl Where {
    /// Its heading in the help and its words in the README.
    pub fn title(self, t: &Texts) -> &'static str {
        match self {
            Where::Always => t.where_always,
            Where::NotTyping => t.where_not_typing,
            Where::NotTypingNotes => t.where_not_typing_notes,
            Where::Typing => t.where_typing,
            Where::Help => t.where_help,
            Where::Unsaved => t.where_unsaved,
            Where::SavePath => t.where_save_path,
            Where::ActionForm => t.where_action_form,
            Where::ActionList => t.where_action_list,
        }
    }
}

/// What `key` does where the run is now (`at`, in order of precedence), if anything.
pub fn lookup(at: &[Where], key: &KeyEvent) -> Option<Do> {
    at.iter().find_map(|w| {
        BINDINGS
            .iter()
            .filter(|b| b.at == *w)
            .flat_map(|b| b.keys)
            .find(|(k, _)| k.matches(key))
            .map(|(_, d)| d.clone())
    })
}

/// The key table of the README (English), made from [`BINDINGS`].
pub fn readme_table() -> String {
    let t = i18n::texts(Lang::En);
    let mut out = String::from("| key | where | what it does |\n|---|---|---|\n");
    for b in BINDINGS {
        let keys = b
            .keys
            .iter()
            .map(|(k, _)| match k {
                Key::Printable | Key::Editing => k.name(Lang::En),
                _ => format!("`{}`", k.name(Lang::En)),
            })
            .collect::<Vec<_>>()
            .join(" / ");
        out.push_str(&format!(
            "| {keys} | {} | {} |\n",
            b.at.title(t).to_lowercase(),
            (b.help)(t)
        ));
    }
    out
}

/// Where the run is, for the keys: the places whose bindings count, in order of precedence.
/// Over the help its own keys come first; over the blank screen the keys underneath count.
pub fn places(m: &Model) -> Vec<Where> {
    let mut at = Vec::new();
    if m.overlay == Some(Overlay::Help) {
        at.push(Where::Help);
    }
    match &m.mode {
        Mode::Unsaved {
            view: UnsavedView::Choices,
            ..
        } => return vec![Where::Unsaved],
        Mode::Unsaved {
            view: UnsavedView::SavePath,
            ..
        } => return vec![Where::SavePath],
        // The form and the list have the keys to themselves: nothing steps or blanks under them.
        Mode::ActionForm => return vec![Where::ActionForm],
        Mode::ActionList => return vec![Where::ActionList],
        Mode::Typing => at.extend([Where::Always, Where::Typing]),
        Mode::Navigate => {
            at.extend([Where::Always, Where::NotTyping]);
            if !m.on_summary() {
                at.push(Where::NotTypingNotes);
            }
        }
    }
    at
}

/// The key bar: the keys that matter now, most needed first, as (keys, word).
pub fn bar(m: &Model) -> Vec<(String, &'static str)> {
    if m.overlay == Some(Overlay::Blank) {
        return Vec::new();
    }
    let at = places(m);
    let at = match m.overlay {
        Some(Overlay::Help) => &at[..1],
        _ => &at[..],
    };
    let mut rows: Vec<(&Binding, Bar)> = BINDINGS
        .iter()
        .filter(|b| at.contains(&b.at))
        .filter_map(|b| b.bar.map(|bar| (b, bar)))
        .filter(|(_, bar)| match bar.show {
            Show::Always => true,
            Show::Timed => m.is_timed(),
            Show::NotSummary => !m.on_summary(),
            Show::Turns => rounds::has_turns(m),
            Show::Round => rounds::round(m).is_some_and(|r| !r.is_open()),
            Show::RoomFollowing => m.room_following,
            Show::TipsHere => !m.room_following && m.has_tip(),
            Show::Video => m
                .current()
                .is_some_and(|s| s.kind == crate::session::StepKind::Video),
        })
        .collect();
    rows.sort_by_key(|(_, bar)| bar.place);
    // Two bindings for the same thing (→ and PageDown): the bar shows the first.
    let mut shown: Vec<std::mem::Discriminant<Msg>> = Vec::new();
    let mut out = Vec::new();
    for (b, bar) in rows {
        let actions: Vec<_> = b
            .keys
            .iter()
            .filter_map(|(_, d)| match d {
                Do::Act(a) => Some(std::mem::discriminant(a)),
                Do::Edit => None,
            })
            .collect();
        if !actions.is_empty() && actions.iter().all(|a| shown.contains(a)) {
            continue;
        }
        shown.extend(actions);
        out.push((b.short_key_names(m.lang), (bar.label)(m)));
    }
    out
}

/// One line of the help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Row(String, &'static str),
    Gap,
}

/// The help screen: every binding of a run, by where it works (the dialog lists its own).
pub fn help_lines(lang: Lang) -> Vec<HelpLine> {
    let t = i18n::texts(lang);
    let mut lines = Vec::new();
    // Three headings, so that it fits 80×24: the keys that start the notes say so themselves;
    // the help's own keys are in the key bar under it.
    for section in [
        &[Where::Always][..],
        &[Where::NotTyping, Where::NotTypingNotes],
        &[Where::Typing],
    ] {
        if !lines.is_empty() {
            lines.push(HelpLine::Gap);
        }
        lines.push(HelpLine::Heading(section[0].title(t)));
        for b in BINDINGS.iter().filter(|b| section.contains(&b.at)) {
            lines.push(HelpLine::Row(b.key_names(lang), (b.help)(t)));
        }
    }
    lines
}

/// The keys a dialog lists on its own line: "w = save elsewhere   r = retry …".
pub fn dialog_keys(at: Where, lang: Lang) -> String {
    let t = i18n::texts(lang);
    BINDINGS
        .iter()
        .filter(|b| b.at == at && b.keys.iter().all(|(_, d)| matches!(d, Do::Act(_))))
        .map(|b| format!("{} = {}", b.key_names(lang), (b.help)(t)))
        .collect::<Vec<_>>()
        .join("   ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_key_table_is_the_binding_table() {
        let readme = include_str!("../../README.md");
        let table = readme_table();
        assert!(
            readme.contains(&table),
            "README.md must hold this key table, made from BINDINGS:\n{table}"
        );
    }

    #[test]
    fn no_two_bindings_share_a_key_in_one_place() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                for (ka, _) in a.keys {
                    let same_place = a.at == b.at;
                    assert!(
                        !(same_place && b.keys.iter().any(|(kb, _)| kb == ka)),
                        "{ka:?} twice in {:?}",
                        a.at
                    );
                }
            }
        }
    }

    #[test]
    fn no_command_is_a_key_that_starts_a_sentence_on_a_step_with_notes() {
        // Outside the notes, only Space may be a plain printable key: no sentence starts
        // with it, and once typing it is a space.
        for b in BINDINGS.iter().filter(|b| {
            matches!(
                b.at,
                Where::Always | Where::NotTyping | Where::NotTypingNotes | Where::Typing
            )
        }) {
            for (k, d) in b.keys {
                if let (Key::Plain(KeyCode::Char(c)), Do::Act(_)) = (k, d) {
                    assert_eq!(*c, ' ', "{c:?} would eat the first letter of a sentence");
                }
            }
        }
    }

    #[test]
    fn no_binding_uses_the_terminals_own_control_keys() {
        // Ctrl+S/Q: flow control; Ctrl+H/I/J/M/[: Backspace, Tab, Enter, Esc in some terminals.
        for b in BINDINGS {
            for (k, _) in b.keys {
                if let Key::Ctrl(c) = k {
                    assert!(!"sqhijm[".contains(*c), "Ctrl+{c}");
                }
            }
        }
    }

    #[test]
    fn both_languages_name_every_key_and_place() {
        for lang in [Lang::Nl, Lang::En] {
            let t = i18n::texts(lang);
            for b in BINDINGS {
                assert!(!(b.help)(t).is_empty());
                assert!(!b.at.title(t).is_empty());
            }
        }
    }
}
