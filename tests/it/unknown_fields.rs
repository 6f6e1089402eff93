//! Fields and tables a newer voer (of the same `format_version`) wrote in a session file are
//! kept when this voer writes the file again: at the top level, in `[session]` (and each of its
//! `more_episodes`), in every step (its round and phases too) and in every action.
use std::fs;

use proptest::prelude::*;
use toml::Value;
use voer::session::{EpisodeFacts, Phase, Session, store};

use crate::bin::voer_in;

const EXAMPLE: &str = include_str!(
    "../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
);

/// The example as a session of one's own, with a step in timed phases and a second episode:
/// every kind of table.
fn session() -> Session {
    let mut s = Session::from_toml(EXAMPLE).expect("the example reads");
    s.session.example = false;
    s.session.episodes = vec!["jef-mol".into(), "vera-jansweijer".into()];
    s.session.more_episodes = vec![EpisodeFacts {
        id: "vera-jansweijer".into(),
        number: 1,
        title: "Ruimte voor de cliënt".into(),
        speaker: "Vera Jansweijer".into(),
        ..Default::default()
    }];
    s.steps[4].phases = vec![
        Phase {
            label: "Alleen".into(),
            minutes: 1,
            ..Default::default()
        },
        Phase {
            label: "Samen".into(),
            minutes: 3,
            ..Default::default()
        },
    ];
    s
}

/// Where a table of a session file is: keys and indices from the top.
type At = Vec<Step>;

#[derive(Debug, Clone)]
enum Step {
    Key(&'static str),
    Index(usize),
}

/// Every table of a session file that holds fields: where a newer voer may add its own.
fn tables(doc: &toml::Table) -> Vec<At> {
    use Step::{Index, Key};
    let mut out = vec![vec![], vec![Key("session")]];
    let len = |v: Option<&Value>| v.and_then(Value::as_array).map_or(0, Vec::len);
    let info = doc.get("session").and_then(Value::as_table);
    for i in 0..len(info.and_then(|t| t.get("more_episodes"))) {
        out.push(vec![Key("session"), Key("more_episodes"), Index(i)]);
    }
    for list in ["steps", "actions"] {
        for i in 0..len(doc.get(list)) {
            out.push(vec![Key(list), Index(i)]);
        }
    }
    let steps = doc
        .get("steps")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, step) in steps.iter().enumerate() {
        if step.get("round").is_some() {
            out.push(vec![Key("steps"), Index(i), Key("round")]);
        }
        for j in 0..len(step.get("phases")) {
            out.push(vec![Key("steps"), Index(i), Key("phases"), Index(j)]);
        }
    }
    out
}

fn table_at<'a>(doc: &'a mut toml::Table, at: &At) -> &'a mut toml::Table {
    let mut t = doc;
    let mut i = 0;
    while i < at.len() {
        let Step::Key(k) = at[i] else { unreachable!() };
        let v = t.get_mut(k).expect("there");
        t = match at.get(i + 1) {
            Some(Step::Index(n)) => {
                i += 1;
                v.as_array_mut().expect("a list")[*n]
                    .as_table_mut()
                    .expect("a table")
            }
            _ => v.as_table_mut().expect("a table"),
        };
        i += 1;
    }
    t
}

fn datetime() -> impl Strategy<Value = Value> {
    (
        1u32..9999,
        1u32..13,
        1u32..29,
        0u32..24,
        0u32..60,
        0u32..60,
        0u8..4,
    )
        .prop_map(|(y, mo, d, h, mi, s, form)| {
            let text = match form {
                0 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"),
                1 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}+02:00"),
                2 => format!("{y:04}-{mo:02}-{d:02}"),
                _ => format!("{h:02}:{mi:02}:{s:02}"),
            };
            Value::Datetime(text.parse().expect("a TOML date-time"))
        })
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any::<String>().prop_map(Value::String),
        any::<i64>().prop_map(Value::Integer),
        (-1e300f64..1e300).prop_map(Value::Float),
        any::<bool>().prop_map(Value::Boolean),
        datetime(),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..4)
                .prop_map(|m| Value::Table(m.into_iter().collect())),
        ]
    })
}

/// A name no voer of format version 2 knows (this one's fields are plain snake case).
fn unknown_name() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z][a-z0-9_]{0,10}", ".{0,6}"].prop_map(|n| format!("nieuw_{n}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn unknown_fields_at_every_level_survive_a_rewrite(
        added in prop::collection::vec(
            (any::<prop::sample::Index>(), unknown_name(), value()),
            1..12,
        )
    ) {
        let mut doc: toml::Table = toml::from_str(&session().to_toml()).unwrap();
        let tables = tables(&doc);
        // The top, [session], a second episode, 7 steps, 3 actions and 2 questions, a round
        // and 2 phases.
        prop_assert_eq!(tables.len(), 1 + 1 + 1 + 7 + 5 + 1 + 2);
        for (at, name, value) in &added {
            let at = &tables[at.index(tables.len())];
            table_at(&mut doc, at).insert(name.clone(), value.clone());
        }
        let text = toml::to_string(&doc).unwrap();
        let read = Session::from_toml(&text).unwrap();
        let written: toml::Table = toml::from_str(&read.to_toml()).unwrap();
        prop_assert_eq!(&written, &doc);
        // And what this voer knows of it is what it knew without them.
        let mut plain = read.clone();
        strip(&mut plain);
        prop_assert_eq!(plain, session());
    }
}

/// `s` without what this voer does not know.
fn strip(s: &mut Session) {
    s.unknown = Default::default();
    s.session.unknown = Default::default();
    for e in &mut s.session.more_episodes {
        e.unknown = Default::default();
    }
    for st in &mut s.steps {
        st.unknown = Default::default();
        if let Some(r) = &mut st.round {
            r.unknown = Default::default();
        }
        for p in &mut st.phases {
            p.unknown = Default::default();
        }
    }
    for a in &mut s.actions {
        a.unknown = Default::default();
    }
}

/// The file of the issue: `voer actions done` kept neither the field nor the table.
#[test]
fn marking_an_action_done_keeps_a_newer_voers_field_and_table() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    let path = dir.join("2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml");
    let s = session();
    let id = s.actions[0].id.clone();
    let text = s
        .to_toml()
        .replacen(
            "[session]\n",
            "my_private_field = \"van een nieuwere voer\"\n\n[session]\nwallpaper = \"hoog contrast\"\n",
            1,
        )
        .replacen(
            "[[steps]]\n",
            "[[steps]]\nprivate_notes = \"alleen voor de gespreksleider\"\n",
            1,
        )
        .replacen(
            "[[actions]]\n",
            "[[actions]]\npriority = \"hoog\"\nseen_by = [\"Truus\"]\n",
            1,
        )
        + "\n[extra_table]\nwaarde = 3\nlijst = [1, 2]\n\n[extra_table.dieper]\nwanneer = 2026-11-20T14:00:00+01:00\n";
    fs::write(&path, &text).unwrap();
    let before: toml::Table = toml::from_str(&text).unwrap();

    let ran = voer_in(home.path(), &["actions", "done", &id]);
    assert_eq!(ran.code, 0, "{}", ran.err);

    let after: toml::Table = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let field = |t: &toml::Table, path: &[&str]| -> Option<Value> {
        let mut v = t.get(path[0])?.clone();
        for p in &path[1..] {
            v = match p.parse::<usize>() {
                Ok(i) => v.as_array()?.get(i)?.clone(),
                Err(_) => v.as_table()?.get(*p)?.clone(),
            };
        }
        Some(v)
    };
    for kept in [
        &["my_private_field"][..],
        &["extra_table"],
        &["session", "wallpaper"],
        &["steps", "0", "private_notes"],
        &["actions", "0", "priority"],
        &["actions", "0", "seen_by"],
    ] {
        assert!(field(&after, kept).is_some(), "{kept:?} was dropped");
        assert_eq!(
            field(&after, kept),
            field(&before, kept),
            "{kept:?} changed"
        );
    }
    assert_eq!(
        field(&after, &["actions", "0", "done"]),
        Some(Value::Boolean(true))
    );
    assert!(store::load(&path).unwrap().actions[0].done);
}
