//! Text from files and people, made safe to show on a terminal.
//!
//! A group name, a file name, an episode's title or a line of notes can hold control
//! characters: ESC starts a sequence that sets the window title, clears the screen or worse,
//! BEL rings, a carriage return overwrites what was printed. Everything voer prints that came
//! from outside passes through [`printable`]; a control character is shown as a sign instead.
use std::{borrow::Cow, path::Path};

/// `text` with every control character except line feed and tab made visible: the C0
/// characters as their Unicode control pictures (ESC shows as ␛, BEL as ␇), DEL as ␡, the
/// C1 characters as `\u{9b}`. Text without them is returned as is.
pub fn printable(text: &str) -> Cow<'_, str> {
    visible(text, |c| matches!(c, '\n' | '\t'))
}

/// For one line or one cell of a table: line feeds and tabs are made visible too, so a
/// name cannot break a table in two.
pub fn one_line(text: &str) -> Cow<'_, str> {
    visible(text, |_| false)
}

/// Whether `c` is a control character that [`printable`] makes visible.
pub fn is_unprintable(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t')
}

/// A path as one word a shell takes as is: quoted when it holds anything but plain characters.
pub fn shell_word(path: &Path) -> String {
    let s = path.display().to_string();
    if s.chars()
        .all(|c| c.is_alphanumeric() || "/\\._-:+".contains(c))
    {
        s
    } else {
        format!("\"{s}\"")
    }
}

fn visible(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let hide = |c: char| c.is_control() && !keep(c);
    if !text.chars().any(hide) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !hide(c) {
            out.push(c);
            continue;
        }
        match u32::from(c) {
            // U+2400 CONTROL PICTURE FOR NULL and the 31 after it.
            n @ 0..=0x1f => out.push(char::from_u32(0x2400 + n).unwrap_or('\u{fffd}')),
            0x7f => out.push('\u{2421}'),
            n => out.push_str(&format!("\\u{{{n:x}}}")),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_codes_are_shown_not_obeyed() {
        assert_eq!(
            printable("esc\x1b]0;TITLE\x07\x1b[2Jx"),
            "esc␛]0;TITLE␇␛[2Jx"
        );
        assert_eq!(printable("a\0b\rc\x7f\u{9b}d"), "a␀b␍c␡\\u{9b}d");
        assert_eq!(printable("regel 1\n\tregel 2"), "regel 1\n\tregel 2");
        assert_eq!(one_line("regel 1\n\tregel 2"), "regel 1␊␉regel 2");
        assert!(matches!(printable("Cliëntenraad 😀"), Cow::Borrowed(_)));
        for c in printable("\x1b\x07\x00\r\x7f\u{85}").chars() {
            assert!(!c.is_control(), "{c:?}");
        }
    }
}
