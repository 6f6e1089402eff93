//! Text from files and people, made safe for every output: the terminal and each report.
//!
//! A group name, a file name, an episode's title or a line of notes can hold control
//! characters: ESC starts a sequence that sets the window title, clears the screen or worse,
//! BEL rings, a carriage return overwrites what was printed. It can also hold bidirectional
//! controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C), which make a terminal, an editor or a
//! browser show the text around them in another order than it is written ("Trojan Source").
//! None of them reaches any output as itself; this module is where that is decided:
//!
//! - [`printable`] and [`one_line`]: a visible sign for each (␛, ␍, `⟨U+202E⟩`), for the
//!   terminal and the text reports (md, txt, csv);
//! - [`json_escaped`]: a JSON text with each as a `\uXXXX` escape, which any reader of JSON
//!   turns back into the character itself;
//! - [`isolated`]: for html and docx, where the words are read rather than printed: control
//!   characters as signs, and the bidirectional controls kept but shut in, so that they cannot
//!   reorder the text around them.
use std::{borrow::Cow, path::Path};

/// `text` with every control character except line feed and tab made visible (see [`sign`]).
/// Text without them is returned as is.
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

/// Whether `c` is a bidirectional control: an embedding, override or isolate, its end, or a
/// mark (left-to-right, right-to-left, Arabic letter).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// Whether `c` may never reach an output as itself: [`is_unprintable`] or a bidirectional
/// control.
pub fn is_unsafe(c: char) -> bool {
    is_unprintable(c) || is_bidi_control(c)
}

/// A path as one word a shell takes as is: quoted when it holds anything but plain characters;
/// a line end or a control character in it is a visible sign.
pub fn shell_word(path: &Path) -> String {
    let s = one_line(&path.display().to_string()).into_owned();
    if s.chars()
        .all(|c| c.is_alphanumeric() || "/\\._-:+".contains(c))
    {
        s
    } else {
        format!("\"{s}\"")
    }
}

/// A path as it appears in a message: on one line, whatever its name holds.
pub fn path(path: &Path) -> String {
    one_line(&path.display().to_string()).into_owned()
}

/// A JSON text with every character [`is_unsafe`] that it holds raw (serde_json escapes C0
/// itself, not DEL, C1 or the bidirectional controls) written as a `\uXXXX` escape. Outside
/// strings JSON is ASCII, so every such character is inside a string, where the escape means
/// the same.
pub fn json_escaped(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            // All of them are in the Basic Multilingual Plane: one escape each.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// For html and docx: control characters but line feed and tab as visible signs (as in
/// [`printable`]; a line may end in "\r\n"), and on each line whose text holds bidirectional controls, those controls
/// shut in: every embedding, override and isolate it opens is closed at the line's end, an
/// end that closes nothing of its own is left out, and the whole line is one isolate (U+2068
/// … U+2069), so the text around it keeps its order.
pub fn isolated(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_bidi_control(c) || is_unprintable(c))
    {
        return Cow::Borrowed(text);
    }
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            // A carriage return before the line feed is part of the line end, not a control.
            let (line, end) = match line.strip_suffix('\r') {
                Some(l) => (l, "\r"),
                None => (line, ""),
            };
            let line = visible(line, |c| c == '\t' || is_bidi_control(c));
            isolate_line(&line) + end
        })
        .collect();
    Cow::Owned(lines.join("\n"))
}

fn isolate_line(line: &str) -> String {
    const PDF: char = '\u{202c}';
    const FSI: char = '\u{2068}';
    const PDI: char = '\u{2069}';
    if !line.chars().any(is_bidi_control) {
        return line.to_string();
    }
    // What is open, innermost last: an embedding or override (closed by PDF) or an isolate
    // (closed by PDI, which also closes the embeddings opened inside it).
    let mut open: Vec<char> = Vec::new();
    let mut out = String::with_capacity(line.len() + 8);
    out.push(FSI);
    for c in line.chars() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => open.push(PDF),
            '\u{2066}'..='\u{2068}' => open.push(PDI),
            PDF if open.last() == Some(&PDF) => {
                open.pop();
            }
            PDI if open.contains(&PDI) => while open.pop().is_some_and(|o| o != PDI) {},
            // Closes nothing opened on this line: it would close the line's own isolate.
            PDF | PDI => continue,
            _ => {}
        }
        out.push(c);
    }
    while let Some(close) = open.pop() {
        out.push(close);
    }
    out.push(PDI);
    out
}

/// The visible sign of a character that may not be shown as itself: a C0 character as its
/// Unicode control picture (ESC shows as ␛, BEL as ␇, a line feed as ␊), DEL as ␡, a C1
/// character or a bidirectional control as its code point, `⟨U+009B⟩`, `⟨U+202E⟩`.
pub fn sign(c: char) -> String {
    match u32::from(c) {
        // U+2400 CONTROL PICTURE FOR NULL and the 31 after it.
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}').to_string(),
        0x7f => '\u{2421}'.to_string(),
        n => format!("⟨U+{n:04X}⟩"),
    }
}

fn visible(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let hide = |c: char| is_unsafe(c) && !keep(c) || matches!(c, '\n' | '\t') && !keep(c);
    if !text.chars().any(hide) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hide(c) {
            out.push_str(&sign(c));
        } else {
            out.push(c);
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
        assert_eq!(printable("a\0b\rc\x7f\u{9b}d"), "a␀b␍c␡⟨U+009B⟩d");
        assert_eq!(printable("regel 1\n\tregel 2"), "regel 1\n\tregel 2");
        assert_eq!(one_line("regel 1\n\tregel 2"), "regel 1␊␉regel 2");
        assert!(matches!(printable("Cliëntenraad 😀"), Cow::Borrowed(_)));
        for c in printable("\x1b\x07\x00\r\x7f\u{85}").chars() {
            assert!(!c.is_control(), "{c:?}");
        }
    }

    #[test]
    fn bidirectional_controls_are_shown_not_obeyed() {
        assert_eq!(
            printable("naam\u{202e}gnp.exe\u{2066}x\u{2069}\u{200f}\u{61c}"),
            "naam⟨U+202E⟩gnp.exe⟨U+2066⟩x⟨U+2069⟩⟨U+200F⟩⟨U+061C⟩"
        );
        assert_eq!(one_line("a\u{202d}b"), "a⟨U+202D⟩b");
    }

    #[test]
    fn json_gets_escapes_that_mean_the_same() {
        let json = serde_json::to_string("a\u{9b}2J\u{7f}\u{202e}b\rc").unwrap();
        let safe = json_escaped(json);
        assert_eq!(safe, "\"a\\u009b2J\\u007f\\u202eb\\rc\"");
        assert!(!safe.chars().any(is_unsafe));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{9b}2J\u{7f}\u{202e}b\rc");
    }

    #[test]
    fn bidirectional_controls_are_shut_in_per_line() {
        // An override left open is closed, the line is an isolate of its own.
        assert_eq!(
            isolated("Groep X\u{202e}kcab"),
            "\u{2068}Groep X\u{202e}kcab\u{202c}\u{2069}"
        );
        // An end that closes nothing of the line's own is left out; an isolate is closed.
        assert_eq!(
            isolated("a\u{2069}\u{202c}b\u{2067}c"),
            "\u{2068}ab\u{2067}c\u{2069}\u{2069}"
        );
        // Each line on its own; a line without them stays as it is.
        assert_eq!(
            isolated("een\n\u{202b}twee\u{202c}\ndrie\u{1b}"),
            "een\n\u{2068}\u{202b}twee\u{202c}\u{2069}\ndrie␛"
        );
        assert!(matches!(isolated("gewoon"), Cow::Borrowed(_)));
        assert_eq!(isolated("a\r\nb\rc"), "a\r\nb␍c");
    }
}
