//! A run in a folder with years of meetings (benches/lived_in): its opening still shows what
//! its own group agreed at earlier meetings, whether the folder's cache is missing, up to
//! date, or behind a change the run itself made.
use std::{fs, time::SystemTime};

use crate::{
    common::*,
    lived_in::{self, FIRST_GROUP},
};
use voer::session::{Action, Session};

const CTRL_L: &str = "\x0c";

/// An open agreement of another group, in a meeting older than any of this group's: were
/// the group's filter lost, it would be the first on the opening.
const FOREIGN: &str = "Alleen voor het andere team";

/// The first line under "Vorige keer afgesproken" on the run's opening, right of the agenda.
fn first_agreed(screen: &str) -> Option<String> {
    let mut lines = screen.lines();
    lines.find(|l| l.contains("Vorige keer afgesproken"))?;
    let next = lines.next()?;
    Some(next.rsplit('│').next()?.trim().to_string())
}

/// Adds a session of `group` that started before `before`, with one open agreement, `text`.
fn older_meeting_of(
    dir: &std::path::Path,
    group: &str,
    before: chrono::DateTime<chrono::FixedOffset>,
    text: &str,
) {
    let example = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("voorbeeld_"))
        .expect("the example session");
    let mut s = Session::from_toml(&fs::read_to_string(example.path()).unwrap()).unwrap();
    s.session.example = false;
    s.session.group = group.to_string();
    s.session.started_at = before - chrono::Duration::days(30);
    s.session.updated_at = s.session.started_at;
    s.actions = vec![Action {
        id: "ander1".into(),
        text: text.into(),
        owner: Some("Iemand".into()),
        created_at: s.session.started_at,
        ..Action::default()
    }];
    let path = dir.join(s.file_name());
    fs::write(&path, s.to_toml()).unwrap();
    let f = fs::File::options().write(true).open(&path).unwrap();
    f.set_modified(SystemTime::from(s.session.started_at))
        .unwrap();
}

#[test]
fn a_run_in_a_folder_with_history_shows_its_own_groups_open_actions() {
    let sb = Sandbox::new();
    let dir = sb.sessions();
    let made = lived_in::generate(&dir, &lived_in::Spec::new(150, 24)).expect("a lived-in folder");
    let oldest_own = made
        .sessions
        .iter()
        .filter(|m| m.group == FIRST_GROUP)
        .map(|m| m.started_at)
        .min()
        .expect("meetings of the first group");
    let other = made
        .groups
        .iter()
        .find(|g| *g != FIRST_GROUP)
        .expect("another group");
    older_meeting_of(&dir, other, oldest_own, FOREIGN);
    let open = made.open_actions(FIRST_GROUP);
    assert!(
        open.len() >= 2,
        "the group has open agreements: {}",
        open.len()
    );
    let line = |a: &Action| format!("[ ] {} · {}", a.text, a.owner.as_deref().unwrap_or(""));
    assert_ne!(
        line(open[0]),
        line(open[1]),
        "the first two tell apart on the screen"
    );
    let cache = dir.join(".voer-cache.json");
    assert!(!cache.exists());

    // Without a cache (read from the files), then with the one the first run left behind.
    for with_cache in [false, true] {
        assert_eq!(cache.exists(), with_cache);
        let mut run = start_run(&sb, FIRST_GROUP);
        run.wait_for_text("Vorige keer afgesproken", WAIT);
        run.wait_for(WAIT, "the group's oldest open agreement first", |s| {
            first_agreed(s).is_some_and(|l| l.starts_with(&line(open[0])))
        });
        assert!(!run.screen().contains(FOREIGN), "{}", run.screen());
        if with_cache {
            // Marked done, in its own file: a file the cache holds as it was.
            run.send(CTRL_L);
            run.wait_for_text("Afspraken van dit gesprek", WAIT);
            run.send(" ");
            run.wait_for_text("Bewaard in", WAIT);
            let owner = made
                .sessions
                .iter()
                .find(|m| m.actions.iter().any(|a| a.id == open[0].id))
                .expect("the file of the oldest agreement");
            wait_for_file(
                &owner.path,
                WAIT,
                "the agreement done in its own file",
                |s| s.actions.iter().any(|a| a.id == open[0].id && a.done),
            );
            run.send(ESC);
            run.wait_for_no_text("Afspraken van dit gesprek", WAIT);
        }
        run.send(CTRL_C);
        assert!(run.wait_exit(WAIT).success());
        assert!(cache.exists(), "the run leaves the folder's cache behind");
    }

    // The next meetings: the one marked done is no longer there (its file changed after the
    // cache was made), the next one is first; still none of another group.
    for _ in 0..2 {
        let mut run = start_run(&sb, FIRST_GROUP);
        run.wait_for_text("Vorige keer afgesproken", WAIT);
        run.wait_for(WAIT, "the next open agreement first", |s| {
            first_agreed(s).is_some_and(|l| l.starts_with(&line(open[1])))
        });
        assert!(!run.screen().contains(FOREIGN), "{}", run.screen());
        run.send(CTRL_C);
        assert!(run.wait_exit(WAIT).success());
    }
}
