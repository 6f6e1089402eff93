//! Property tests: open-ended input never panics and keeps the model's invariants.
//!
//! - Any sequence of keys (through the real keymap), pastes of random Unicode, actions, time
//!   passing, save outcomes and resizes, drawn after each step on a TestBackend of any size
//!   (0×0 and 1×1 included): no panic; the step index stays in range; a step's elapsed time
//!   never goes back; timed steps keep at least a minute planned; notes change only through
//!   editing or pasting, and only the current step's. In debug builds each edit also checks the
//!   notes editor's incremental screen map against a rebuild (vendor/ratatui-textarea).
//! - The picker, driven the same way, never panics.
//! - Any bytes given to the episode parser or the session parser give an error, not a panic.

use crate::fixture::{fixed_now, model};

use std::{path::Path, time::Duration};

use proptest::prelude::*;
use ratatui::{
    Terminal,
    backend::TestBackend,
    crossterm::event::{KeyCode, KeyEvent, KeyModifiers},
};
use voer::{
    app::{
        App, Effect, Mode, Model, Msg, clock::Now, map_app_key, map_key, picker::Picker, update,
        update_run,
    },
    episode::{Audience, Library, parse_episode},
    lang::Lang,
    session::{
        ReportFile, Session, StepKind,
        store::{SaveOutcome, StoreError, Written},
    },
    ui,
};

#[derive(Debug, Clone)]
enum Op {
    Key(KeyEvent),
    Paste(String),
    Act(Msg),
    /// Time passes; the loop wakes up for it.
    Wait(u64),
    Resize(u16, u16),
    Saved(bool),
    /// Whether the final save when quitting succeeds.
    QuitOutcome(bool),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => any::<char>().prop_map(KeyCode::Char),
        4 => prop::sample::select(vec![
            'a', 'e', 'é', 'ë', '“', '”', '😀', '中', ' ', 'n', 'p', 'q', 'x', 'h', 'b', 'm',
            '?', '+', '-', '=', '_', 'w', 'r', 'd', 'u', 'k', 'y', 'v', '<', '>',
        ])
        .prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Esc,
            KeyCode::F(1),
            KeyCode::F(5),
            KeyCode::Insert,
        ]),
    ]
}

fn key_event() -> impl Strategy<Value = KeyEvent> {
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    ]);
    (key_code(), mods, any::<bool>()).prop_map(|(code, mods, release)| {
        let mut k = KeyEvent::new(code, mods);
        if release {
            // Windows and some terminals report releases too; they must do nothing.
            k.kind = ratatui::crossterm::event::KeyEventKind::Release;
        }
        k
    })
}

/// Keys the notes editor acts on: text, Enter, Backspace, Delete, arrows, Home/End, Tab, with
/// Ctrl or Alt too (word moves and word deletes), undo Ctrl+Z and redo Ctrl+Y; and Ctrl or Alt
/// letters, which the keymap keeps from the editor.
fn editing_key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        3 => prop::sample::select(vec!['a', 'é', '😀', '中', ' ', '\t', '“']).prop_map(KeyCode::Char),
        5 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Tab,
        ]),
    ];
    let mods = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    let undo = prop::sample::select(vec!['z', 'z', 'y', 'k', 'w', 'u', 'v'])
        .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    prop_oneof![8 => (code, mods).prop_map(|(c, m)| KeyEvent::new(c, m)), 2 => undo]
}

fn paste_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zé😀“” \n\r\t]{0,200}",
        prop::collection::vec("[^\n]{0,40}", 0..30).prop_map(|l| l.join("\r\n")),
    ]
}

fn msg() -> impl Strategy<Value = Msg> {
    prop::sample::select(vec![
        Msg::Next,
        Msg::Prev,
        Msg::TogglePause,
        Msg::AddMinute,
        Msg::RemoveMinute,
        Msg::StartTyping,
        Msg::StopTyping,
        Msg::ToggleNotes,
        Msg::ToggleBlank,
        Msg::Unblank,
        Msg::ToggleMute,
        Msg::Help,
        Msg::CloseOverlay,
        Msg::Tick,
        Msg::Export,
        Msg::Quit,
        Msg::StartSaveElsewhere,
        Msg::ConfirmSaveElsewhere,
        Msg::RetrySave,
        Msg::Undo,
        Msg::Redo,
        Msg::ClearField,
    ])
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        prop::sample::select(vec![
            (0, 0),
            (1, 1),
            (80, 24),
            (200, 60),
            (40, 12),
            (39, 11)
        ]),
        (0u16..260, 0u16..90),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        10 => key_event().prop_map(Op::Key),
        2 => paste_text().prop_map(Op::Paste),
        4 => msg().prop_map(Op::Act),
        2 => prop_oneof![0u64..2_000, 0u64..700_000].prop_map(Op::Wait),
        1 => size().prop_map(|(w, h)| Op::Resize(w, h)),
        1 => any::<bool>().prop_map(Op::Saved),
        1 => any::<bool>().prop_map(Op::QuitOutcome),
    ]
}

fn notes(m: &Model) -> Vec<String> {
    (0..m.step_count()).map(|i| m.notes_text(i)).collect()
}

fn elapsed(m: &Model, now: Now) -> Vec<Duration> {
    (0..m.step_count())
        .map(|i| m.elapsed(i, now.mono))
        .collect()
}

/// Every line that holds the group's words is still there, whole: only a bare speaker's name
/// or a heading voer wrote may go.
fn words_kept(before: &str, after: &str) {
    let after: Vec<&str> = after.lines().collect();
    for line in before.lines() {
        let t = line.trim();
        let bare_name = t.ends_with(':');
        let heading = t.starts_with('—') && t.ends_with('—');
        if t.is_empty() || bare_name || heading {
            continue;
        }
        assert!(after.contains(&line), "{line:?} was lost: {after:?}");
    }
}

/// Applies one message as the loop in `src/tui/runtime.rs` does, with the outcomes the test chose for
/// the disk. Returns false when the run has ended.
fn apply(m: &mut Model, msg: Msg, now: Now, quit_ok: bool) -> bool {
    let mut queue = vec![msg];
    while let Some(msg) = queue.pop() {
        let is_edit = matches!(msg, Msg::Edit(_) | Msg::Paste(_) | Msg::Undo | Msg::Redo);
        // These only give the notes structure: a fresh line, a speaker's name, a heading.
        let structures = matches!(
            msg,
            Msg::StartTyping
                | Msg::StopTyping
                | Msg::Next
                | Msg::Prev
                | Msg::NextTurn
                | Msg::Pass
                | Msg::Tick
                | Msg::Quit
                | Msg::Terminate
                | Msg::RetrySave
        );
        let (step, before) = (m.step, notes(m));
        let effects = update_run(m, msg, now);
        let after = notes(m);
        for (i, (b, a)) in before.iter().zip(&after).enumerate() {
            if b != a {
                assert!(
                    is_edit || structures,
                    "the notes of step {i} changed without editing"
                );
                assert_eq!(i, step, "editing changed the notes of another step");
                if !is_edit {
                    words_kept(b, a);
                }
            }
        }
        for fx in effects {
            match fx {
                Effect::Save(s, _) => assert_eq!(s.steps.len(), m.step_count()),
                Effect::SaveAndQuit(_, _) if quit_ok => return false,
                Effect::SaveAndQuit(_, _) => queue.push(Msg::QuitSaveFailed(StoreError::write(
                    Path::new("s.toml"),
                    std::io::ErrorKind::NotFound.into(),
                ))),
                Effect::SaveTo(_, path) => queue.push(Msg::SavedElsewhere(Err(StoreError::write(
                    &path,
                    std::io::ErrorKind::PermissionDenied.into(),
                )))),
                Effect::Export(s) => queue.push(Msg::ExportDone(Ok(Written {
                    path: "/tmp/x.md".into(),
                    record: ReportFile {
                        name: "x.md".into(),
                        sha256: voer::session::store::sha256_hex(b"x"),
                        written_at: s.session.updated_at,
                        ..Default::default()
                    },
                    // Now and then the usual report was edited by hand.
                    kept: s
                        .reports
                        .len()
                        .is_multiple_of(2)
                        .then(|| "/tmp/y.md".into()),
                }))),
                Effect::Bell => {}
                Effect::OpenVideo(target) => queue.push(Msg::VideoOpened(target, Ok(()))),
                Effect::Quit => return false,
                Effect::CreateSession(_) => panic!("a run creates no session"),
                Effect::MarkEarlier { id, done, .. } => {
                    queue.push(Msg::EarlierMarked(Ok((id, done))))
                }
                Effect::AnswerEarlier { .. } => panic!("this run answers no council"),
            }
        }
    }
    true
}

fn check_invariants(m: &Model, now: Now, last: &[Duration]) {
    assert!(
        m.step <= m.step_count(),
        "step {} of {}",
        m.step,
        m.step_count()
    );
    for (i, s) in m.session.steps.iter().enumerate() {
        if s.kind.is_timed() {
            assert!(
                s.planned_seconds >= 60,
                "step {i} planned {}",
                s.planned_seconds
            );
        } else {
            // An opening or a quote keeps the minutes its episode planned.
            assert_eq!(s.planned_seconds, s.episode_seconds, "untimed step {i}");
        }
    }
    for (i, (now_e, then)) in elapsed(m, now).iter().zip(last).enumerate() {
        assert!(
            now_e >= then,
            "step {i} went back from {then:?} to {now_e:?}"
        );
    }
    assert!(m.save.saved <= m.save.revision);
    assert!(m.save.submitted <= m.save.revision);
    if m.on_summary() {
        assert_ne!(m.mode, Mode::Typing, "typing on the summary");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_input_keeps_the_model_sound(
        audience in prop::sample::select(Audience::ALL.to_vec()),
        lang in prop::sample::select(vec![Lang::Nl, Lang::En]),
        (w, h) in size(),
        ops in prop::collection::vec(op(), 0..80),
    ) {
        let mut now = fixed_now();
        let mut m = model(audience, lang, now);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut quit_ok = false;
        let mut last = elapsed(&m, now);
        term.draw(|f| ui::draw_run(&m, &ui::Theme::calm(), now, f)).unwrap();
        for op in ops {
            let action = match op {
                Op::Key(k) => map_key(&m, k),
                Op::Paste(s) => Some(Msg::Paste(s)),
                Op::Act(a) => Some(a),
                Op::Wait(ms) => {
                    now = now.plus(Duration::from_millis(ms));
                    Some(Msg::Tick)
                }
                Op::Resize(w, h) => {
                    term.backend_mut().resize(w, h);
                    None
                }
                Op::Saved(ok) => {
                    let revision = m.save.submitted;
                    Some(Msg::Saved(if ok {
                        SaveOutcome::Saved { revision, took: Duration::ZERO }
                    } else {
                        let full = std::io::ErrorKind::StorageFull.into();
                        SaveOutcome::Failed { revision, error: StoreError::write(Path::new("s.toml"), full) }
                    }))
                }
                Op::QuitOutcome(ok) => {
                    quit_ok = ok;
                    None
                }
            };
            if let Some(action) = action
                && !apply(&mut m, action, now, quit_ok)
            {
                break;
            }
            check_invariants(&m, now, &last);
            last = elapsed(&m, now);
            term.draw(|f| ui::draw_run(&m, &ui::Theme::calm(), now, f)).unwrap();
        }
    }

    /// Mostly editing keys in notes that already hold lines: moving, joining and splitting
    /// lines, undo and redo, cut and yank, in a panel of changing width.
    #[test]
    fn editing_notes_keeps_the_editor_sound(
        first in prop::collection::vec("[a-z é😀“”中]{0,70}", 1..12),
        ops in prop::collection::vec(prop_oneof![
            12 => editing_key().prop_map(Op::Key),
            2 => paste_text().prop_map(Op::Paste),
            1 => size().prop_map(|(w, h)| Op::Resize(w, h)),
        ], 0..120),
    ) {
        let now = fixed_now();
        let mut m = model(Audience::ClientCouncil, Lang::Nl, now);
        update_run(&mut m, Msg::Next, now);
        update_run(&mut m, Msg::Next, now);
        update_run(&mut m, Msg::Paste(first.join("\n")), now);
        prop_assert_eq!(m.notes_text(m.step), first.join("\n"));
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| ui::draw_run(&m, &ui::Theme::calm(), now, f)).unwrap();
        for op in ops {
            let action = match op {
                Op::Key(k) => map_key(&m, k),
                Op::Paste(s) => Some(Msg::Paste(s)),
                Op::Resize(w, h) => {
                    term.backend_mut().resize(w, h);
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                apply(&mut m, action, now, true);
            }
            if m.mode != Mode::Typing && !m.on_summary() {
                update_run(&mut m, Msg::StartTyping, now);
            }
            term.draw(|f| ui::draw_run(&m, &ui::Theme::calm(), now, f)).unwrap();
        }
    }

    #[test]
    fn the_picker_takes_any_input(
        keys in prop::collection::vec(prop_oneof![
            4 => key_event().prop_map(Ok),
            1 => paste_text().prop_map(Err),
        ], 0..60),
        sizes in prop::collection::vec(size(), 1..4),
        lang in prop::sample::select(vec![Lang::Nl, Lang::En]),
    ) {
        let lib = Library::embedded();
        let mut app = App::picker(Picker::new(lib.episodes().to_vec(), lang, None, None, None));
        let theme = ui::Theme::calm();
        let now = fixed_now();
        for (i, input) in keys.into_iter().enumerate() {
            let (w, h) = sizes[i % sizes.len()];
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            let action = match input {
                Ok(k) => map_app_key(&app, k),
                Err(s) => Some(Msg::Paste(s)),
            };
            if let Some(action) = action {
                for fx in update(&mut app, action, now) {
                    // Starting needs the loop (a file on disk); quitting ends the run here.
                    prop_assert!(matches!(fx, Effect::CreateSession(_) | Effect::Quit));
                }
            }
            term.draw(|f| ui::draw(&app, &theme, now, f)).unwrap();
        }
    }

    #[test]
    fn any_bytes_are_an_episode_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_episode("fuzz.toml", &text);
    }

    #[test]
    fn any_bytes_are_a_session_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Session::from_toml(&text);
    }

    /// Valid files with a few bytes changed reach the checks behind the TOML parser.
    #[test]
    fn damaged_episode_files_give_errors(edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..8, "[^\n]{0,12}"), 1..6)) {
        let text = damage(include_str!("../../prompts/jef-mol.toml"), &edits);
        let _ = parse_episode("damaged.toml", &text);
    }

    #[test]
    fn damaged_session_files_give_errors(edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..8, "[^\n]{0,12}"), 1..6)) {
        let text = damage(&session_file(), &edits);
        let _ = Session::from_toml(&text);
    }
}

/// Replaces a few short stretches of `text` (at char boundaries) with other text.
fn damage(text: &str, edits: &[(prop::sample::Index, usize, String)]) -> String {
    let mut s = text.to_string();
    for (at, len, with) in edits {
        let chars: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let start = at.index(chars.len());
        let end = (start + len).min(chars.len() - 1);
        s.replace_range(chars[start]..chars[end], with);
    }
    s
}

fn session_file() -> String {
    let now = fixed_now();
    let mut m = model(Audience::Board, Lang::En, now);
    for _ in 0..3 {
        update_run(&mut m, Msg::Next, now);
    }
    update_run(
        &mut m,
        Msg::Paste("eerste “notitie” 😀\ntweede".into()),
        now,
    );
    let mut s = m.snapshot(now.plus(Duration::from_secs(90)));
    s.steps[0].kind = StepKind::Opening;
    s.to_toml()
}

#[test]
fn a_damaged_file_can_still_be_read_when_undamaged() {
    // The base texts of the damage tests are valid, so the damage is what the tests vary.
    assert!(
        parse_episode(
            "prompts/jef-mol.toml",
            include_str!("../../prompts/jef-mol.toml")
        )
        .is_ok()
    );
    assert!(Session::from_toml(&session_file()).is_ok());
}
