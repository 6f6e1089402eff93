//! What `voer --version` says: the version and the commit it was built from.
//!
//! Shared with `build.rs` (included there by path), which asks git for the commit; it is here
//! so that the wording is unit-tested like any other code. No dependencies: build.rs has none.

/// The commit a build came from, as git reported it at build time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The abbreviated hash, e.g. `abc1234`.
    pub hash: String,
    /// The commit date, `YYYY-MM-DD`.
    pub date: String,
}

/// `0.1.0 (abc1234 2026-11-25)`, or, built from a source archive without git,
/// `0.1.0 (built without git: commit unknown)`. clap puts the program name before it.
pub fn describe(version: &str, commit: Option<&Commit>) -> String {
    match commit {
        Some(c) => format!("{version} ({} {})", c.hash, c.date),
        None => format!("{version} (built without git: commit unknown)"),
    }
}

/// Reads the output of `git log -1 --format='%h %cs'`: the hash and the date, or None when it
/// is not two such words.
pub fn parse_git_log(output: &str) -> Option<Commit> {
    let mut words = output.split_whitespace();
    let (hash, date) = (words.next()?, words.next()?);
    let hex = !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit());
    let dated = date.len() == 10 && date.chars().all(|c| c.is_ascii_digit() || c == '-');
    (hex && dated && words.next().is_none()).then(|| Commit {
        hash: hash.to_string(),
        date: date.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_commit_and_its_date() {
        let c = parse_git_log("abc1234 2026-11-25\n").expect("parses");
        assert_eq!(describe("0.1.0", Some(&c)), "0.1.0 (abc1234 2026-11-25)");
    }

    #[test]
    fn says_plainly_when_built_without_git() {
        assert_eq!(
            describe("0.1.0", None),
            "0.1.0 (built without git: commit unknown)"
        );
    }

    #[test]
    fn anything_but_a_hash_and_a_date_is_no_commit() {
        for bad in [
            "",
            "abc1234",
            "fatal: not a git repository",
            "xyz1234 2026-11-25",
            "abc1234 2026-11-25 extra",
        ] {
            assert_eq!(parse_git_log(bad), None, "{bad:?}");
        }
    }
}
