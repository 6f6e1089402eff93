//! The retention period (`retention_months` in the config file): a session held longer ago
//! than that is past it. voer never deletes by itself: `voer sessions` marks such sessions,
//! a run's start counts them, and `voer delete --expired` removes them. Pure: now comes in as
//! a value.
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Months};

use super::{Session, store};

/// Whether a session is past a retention period of `months` on `now` (see [`is_past`]).
pub fn is_expired(session: &Session, months: u32, now: DateTime<FixedOffset>) -> bool {
    let i = &session.session;
    is_past(i.example, i.started_at, months, now)
}

/// Whether a meeting held at `started_at` is past a retention period of `months` on `now`:
/// from the same day `months` later on. Examples (shipped with voer) never are.
pub fn is_past(
    example: bool,
    started_at: DateTime<FixedOffset>,
    months: u32,
    now: DateTime<FixedOffset>,
) -> bool {
    !example
        && started_at
            .date_naive()
            .checked_add_months(Months::new(months))
            .is_some_and(|end| end <= now.date_naive())
}

/// The session files in `dir` past the period, oldest first, read through the folder's cache
/// (every run's start asks). A folder that is not there holds none; unreadable files are not
/// counted (nothing is known of their date).
pub fn expired(
    dir: &Path,
    months: u32,
    now: DateTime<FixedOffset>,
) -> Result<Vec<PathBuf>, store::StoreError> {
    let listed = match store::cache::list(dir) {
        Ok((l, refresh)) => {
            refresh.write();
            l
        }
        Err(e) if e.is_not_found() => Vec::new(),
        Err(e) => return Err(e),
    };
    let mut old: Vec<PathBuf> = listed
        .into_iter()
        .filter(|l| {
            l.session.as_ref().is_ok_and(|s| {
                let i = &s.session;
                is_past(i.example, i.started_at, months, now)
            })
        })
        .map(|l| l.path)
        .collect();
    // Listed newest first.
    old.reverse();
    Ok(old)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::store::fixtures::example;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn past_the_period_from_the_same_day_months_later() {
        let mut s = example();
        s.session.started_at = at("2025-03-31T14:00:00+02:00");
        assert!(!is_expired(&s, 12, at("2026-03-30T23:59:00+02:00")));
        assert!(is_expired(&s, 12, at("2026-03-31T08:00:00+02:00")));
        // 31 March plus one month is the end of April.
        assert!(!is_expired(&s, 1, at("2025-04-29T12:00:00+02:00")));
        assert!(is_expired(&s, 1, at("2025-04-30T12:00:00+02:00")));
        s.session.example = true;
        assert!(!is_expired(&s, 1, at("2030-01-01T12:00:00+01:00")));
    }
}
