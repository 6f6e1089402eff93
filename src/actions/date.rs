//! When an action is due, as a facilitator types it during a meeting: `1-12`, `1/12`,
//! `1 december`, `1 dec`, `volgende week`, `vrijdag`, `morgen`, in Dutch or English.
//! Pure: today comes in as a value.
//!
//! Day and month are read in that order (`1/12` is 1 December), as in Dutch and British use;
//! the date that was read is shown back, so a misreading is seen at once. A date without a
//! year is the next one to come (today counts); a weekday is the next one after today.
//! Anything else is not a date: the caller keeps the text as typed.
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// What a typed "when" is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// Nothing typed.
    None,
    Date(NaiveDate),
    /// Not a date; the text is kept as typed.
    NotADate(NotADate),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotADate {
    /// Words or numbers that name no date (`na de zomer`, `1-12 of 8-12`).
    Unknown,
    /// A day and month that no calendar has (`31-2`, `0 mei`, `32/1`).
    NoSuchDay,
}

pub fn parse(text: &str, today: NaiveDate) -> Due {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] => Due::None,
        ["vandaag" | "today"] => Due::Date(today),
        ["morgen" | "tomorrow"] => after(today, 1),
        ["overmorgen"] | ["day", "after", "tomorrow"] => after(today, 2),
        ["volgende" | "next", "week"] | ["over" | "in", "een" | "a", "week"] => after(today, 7),
        [day] | ["volgende" | "next" | "aanstaande" | "komende" | "this", day]
            if weekday(day).is_some() =>
        {
            weekday(day).map_or(Due::NotADate(NotADate::Unknown), |w| {
                // The next one to come: on a Friday, "vrijdag" is a week from now.
                let ahead =
                    (7 + w.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
                after(today, if ahead == 0 { 7 } else { u64::from(ahead) })
            })
        }
        [one] => numeric(one, today),
        [d, m] | ["op" | "on", d, m] => named(d, m, None, today),
        [d, m, y] => named(d, m, Some(y), today),
        _ => Due::NotADate(NotADate::Unknown),
    }
}

fn after(today: NaiveDate, days: u64) -> Due {
    today
        .checked_add_days(Days::new(days))
        .map_or(Due::NotADate(NotADate::NoSuchDay), Due::Date)
}

/// `1-12`, `1/12`, `1.12`, `1-12-2026`, `1/12/26`, `2026-12-01`.
fn numeric(word: &str, today: NaiveDate) -> Due {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Due::NotADate(NotADate::Unknown);
    }
    let n = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => exact(n(y), n(m), n(d)),
        [d, m] => next_to_come(n(d), n(m), today),
        [d, m, y] if y.len() == 4 => exact(n(y), n(m), n(d)),
        [d, m, y] if y.len() == 2 => exact(n(y).map(|y| 2000 + y), n(m), n(d)),
        _ => Due::NotADate(NotADate::Unknown),
    }
}

/// `1 december`, `1 dec 2026`, `december 1`, `dec 1st, 2026`.
fn named(a: &str, b: &str, year: Option<&str>, today: NaiveDate) -> Due {
    let (day, month) = match (day_number(a), month(b), month(a), day_number(b)) {
        (Some(d), Some(m), _, _) => (d, m),
        (_, _, Some(m), Some(d)) => (d, m),
        _ => return Due::NotADate(NotADate::Unknown),
    };
    match year {
        None => next_to_come(Some(day), Some(month), today),
        Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            exact(y.parse().ok(), Some(month), Some(day))
        }
        Some(_) => Due::NotADate(NotADate::Unknown),
    }
}

/// A day of the month as written: `1`, `01`, `1st`, `2nd`, `3rd`, `4th`, `1e`.
fn day_number(w: &str) -> Option<u32> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    match &w[digits..] {
        "" | "st" | "nd" | "rd" | "th" | "e" | "ste" | "de" => w[..digits].parse().ok(),
        _ => None,
    }
}

fn exact(y: Option<u32>, m: Option<u32>, d: Option<u32>) -> Due {
    match (y.and_then(|y| i32::try_from(y).ok()), m, d) {
        (Some(y), Some(m), Some(d)) => {
            NaiveDate::from_ymd_opt(y, m, d).map_or(Due::NotADate(NotADate::NoSuchDay), Due::Date)
        }
        _ => Due::NotADate(NotADate::Unknown),
    }
}

/// The next day and month to come, today included; 29 February waits for a leap year.
fn next_to_come(d: Option<u32>, m: Option<u32>, today: NaiveDate) -> Due {
    let (Some(d), Some(m)) = (d, m) else {
        return Due::NotADate(NotADate::Unknown);
    };
    if NaiveDate::from_ymd_opt(2024, m, d).is_none() {
        return Due::NotADate(NotADate::NoSuchDay);
    }
    (today.year()..today.year() + 9)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|date| *date >= today)
        .map_or(Due::NotADate(NotADate::NoSuchDay), Due::Date)
}

fn month(w: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["januari", "january", "jan"],
        &["februari", "february", "feb"],
        &["maart", "march", "mrt", "maa", "mar"],
        &["april", "apr"],
        &["mei", "may"],
        &["juni", "june", "jun"],
        &["juli", "july", "jul"],
        &["augustus", "august", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "october", "okt", "oct"],
        &["november", "nov"],
        &["december", "dec"],
    ];
    NAMES
        .iter()
        .position(|names| names.contains(&w))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "maandag" | "ma" | "monday" | "mon" => Weekday::Mon,
        "dinsdag" | "di" | "tuesday" | "tue" | "tues" => Weekday::Tue,
        "woensdag" | "wo" | "wednesday" | "wed" => Weekday::Wed,
        "donderdag" | "do" | "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "vrijdag" | "vr" | "friday" | "fri" => Weekday::Fri,
        "zaterdag" | "za" | "saturday" | "sat" => Weekday::Sat,
        "zondag" | "zo" | "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wednesday 25 November 2026.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> Due {
        Due::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn day_and_month_in_both_languages_are_the_next_to_come() {
        for typed in [
            "1-12",
            "1/12",
            "1.12",
            "01-12",
            "1 december",
            "1 dec",
            "1 December",
            "december 1",
            "Dec 1st",
            "1e december",
            "op 1 december",
            "on 1 dec",
        ] {
            assert_eq!(parse(typed, today()), date(2026, 12, 1), "{typed}");
        }
        // Already past this year: next year's.
        assert_eq!(parse("1-11", today()), date(2027, 11, 1));
        assert_eq!(parse("3 mrt", today()), date(2027, 3, 3));
        assert_eq!(parse("3 march", today()), date(2027, 3, 3));
        assert_eq!(parse("12 mei", today()), date(2027, 5, 12));
        assert_eq!(parse("12 may", today()), date(2027, 5, 12));
        assert_eq!(parse("15 okt", today()), date(2027, 10, 15));
        assert_eq!(parse("15 oct", today()), date(2027, 10, 15));
        // Today is still to come.
        assert_eq!(parse("25-11", today()), date(2026, 11, 25));
        // 29 February waits for the next leap year.
        assert_eq!(parse("29-2", today()), date(2028, 2, 29));
    }

    #[test]
    fn a_year_given_is_kept() {
        assert_eq!(parse("1-12-2027", today()), date(2027, 12, 1));
        assert_eq!(parse("1/12/27", today()), date(2027, 12, 1));
        assert_eq!(parse("2027-01-05", today()), date(2027, 1, 5));
        assert_eq!(parse("1 december 2027", today()), date(2027, 12, 1));
        assert_eq!(parse("December 1st, 2027", today()), date(2027, 12, 1));
    }

    #[test]
    fn words_for_days() {
        assert_eq!(parse("vandaag", today()), date(2026, 11, 25));
        assert_eq!(parse("today", today()), date(2026, 11, 25));
        assert_eq!(parse("morgen", today()), date(2026, 11, 26));
        assert_eq!(parse("Tomorrow", today()), date(2026, 11, 26));
        assert_eq!(parse("overmorgen", today()), date(2026, 11, 27));
        assert_eq!(parse("volgende week", today()), date(2026, 12, 2));
        assert_eq!(parse("next week", today()), date(2026, 12, 2));
    }

    #[test]
    fn a_weekday_is_the_next_one_after_today() {
        assert_eq!(parse("vrijdag", today()), date(2026, 11, 27));
        assert_eq!(parse("friday", today()), date(2026, 11, 27));
        assert_eq!(parse("maandag", today()), date(2026, 11, 30));
        assert_eq!(parse("Monday", today()), date(2026, 11, 30));
        assert_eq!(parse("volgende dinsdag", today()), date(2026, 12, 1));
        // Today is Wednesday: "woensdag" is next week's.
        assert_eq!(parse("woensdag", today()), date(2026, 12, 2));
        assert_eq!(parse("wednesday", today()), date(2026, 12, 2));
    }

    #[test]
    fn anything_else_is_not_a_date() {
        for typed in [
            "na de zomer",
            "after the summer",
            "1-12 of 8-12",
            "december",
            "12",
            "asap",
            "1-2-3-4",
            "1 decembre",
            "volgende maand",
            "1 dec 27",
        ] {
            assert_eq!(
                parse(typed, today()),
                Due::NotADate(NotADate::Unknown),
                "{typed}"
            );
        }
        for typed in ["31-2", "32/1", "0 mei", "1-13", "31 april", "29-2-2027"] {
            assert_eq!(
                parse(typed, today()),
                Due::NotADate(NotADate::NoSuchDay),
                "{typed}"
            );
        }
        assert_eq!(parse("   ", today()), Due::None);
    }
}
