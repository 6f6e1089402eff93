//! The sessions folder: atomic saves off the UI thread, a lock per session, listing.
//!
//! - `error`: what can go wrong, as one value worded where it is shown ([`StoreError`]).
//! - `folder`: the sessions folder made owner-only and proven writable.
//! - `atomic`: writing a file so that no one ever sees half of it.
//! - `session_file`: one session file read, saved, created under a free name, rescued.
//! - `lock`: the lock that keeps a second voer off an open session.
//! - `saver`: the thread that does every write of a run.
//! - `list`: the session files in a folder, and the one to resume.
//! - `cache`: what the folder-wide commands need of each file, kept in `.voer-cache.json`.
//! - `reports`: the reports `Ctrl+E` writes beside a session, recorded in its file.
//! - `delete`: a session file and what voer wrote for it removed (`voer delete`).
mod atomic;
pub mod cache;
mod delete;
mod error;
mod folder;
mod list;
mod lock;
mod reports;
mod saver;
mod session_file;

pub use atomic::{write_atomic, write_atomic_ending, write_new_file};
pub use delete::{DeleteError, Doomed, prepare as prepare_delete};
pub use error::StoreError;
pub use folder::{check_writable, ensure_writable};
pub use list::{Listed, list, newest_unfinished, newest_unfinished_of, newest_unfinished_with};
pub use lock::{LockError, SessionLock, check_held, lock_path, real_path};
pub use reports::{Written, sha256_hex, unchanged_reports, write_report};
pub use saver::{SaveOutcome, Saver};
pub use session_file::{
    CreateError, TimeClamped, create, is_voers_own, load, load_checked, rescue, save,
};

#[cfg(test)]
pub(crate) mod fixtures {
    use crate::session::Session;

    /// The example session in `sessions/`, as shipped.
    pub(super) const EXAMPLE: &str = include_str!(
        "../../../sessions/voorbeeld_2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
    );

    /// The example as a session of one's own (not marked as the example).
    pub(crate) fn example() -> Session {
        let mut s = Session::from_toml(EXAMPLE).unwrap();
        s.session.example = false;
        s
    }
}
