//! What a session file holds that this voer does not know: the fields and tables a newer voer
//! of the same `format_version` added. They are read as they are and written back unchanged,
//! so that an older voer that resumes a meeting or marks an action done loses none of them.
//!
//! Each level of the file keeps its own: the top level, `[session]` (and each of its
//! `more_episodes`), every `[[steps]]` (with its `round` and `phases`) and every `[[actions]]`. A field added to this voer's structs is
//! known from then on and leaves this map by itself: adding one stays a one-line change.
use serde::{Deserialize, Serialize};

/// The unknown fields of one table of a session file, by name, as the file held them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Unknown(toml::Table);

impl Unknown {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of an unknown field.
    pub fn get(&self, name: &str) -> Option<&toml::Value> {
        self.0.get(name)
    }

    /// Sets an unknown field (for tests, and a field a later voer reads as its own).
    pub fn insert(&mut self, name: impl Into<String>, value: toml::Value) {
        self.0.insert(name.into(), value);
    }
}
