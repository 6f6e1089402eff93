use crate::util::char_width;
#[cfg(feature = "arbitrary")]
use arbitrary::Arbitrary;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Specify how logical lines are soft-wrapped at render time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "arbitrary", derive(Arbitrary))]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum WrapMode {
    /// Disable soft wrapping and keep horizontal scrolling behavior.
    None,
    /// Wrap only at word boundaries. Words wider than viewport are not split.
    Word,
    /// Wrap at grapheme boundaries.
    Glyph,
    /// Wrap at word boundaries, and fall back to grapheme wrapping for long words.
    WordOrGlyph,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WrappedLine {
    pub row: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_col: usize,
    pub end_col: usize,
    pub first_in_row: bool,
    pub last_in_row: bool,
}

#[derive(Clone, Copy)]
pub(crate) struct Chunk {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

pub(crate) fn effective_wrap_width(total_width: u16, line_number_len: Option<u8>) -> usize {
    let total_width = total_width as usize;
    let reserved = line_number_len.map(|len| len as usize + 2).unwrap_or(0);
    if total_width > reserved {
        total_width - reserved
    } else {
        1
    }
}

pub(crate) fn line_ranges(
    line: &str,
    mode: WrapMode,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
) -> Vec<(usize, usize)> {
    if mode == WrapMode::None {
        return vec![(0, line.len())];
    }

    let width = width.max(1);
    let mut out = match mode {
        WrapMode::None => vec![(0, line.len())],
        WrapMode::Glyph => {
            let mut chunks = Vec::new();
            split_range_by_grapheme_width(line, 0, line.len(), width, tab_len, mask, &mut chunks);
            chunks
        }
        WrapMode::Word => wrap_word_chunks(line, width, tab_len, mask, false),
        WrapMode::WordOrGlyph => wrap_word_chunks(line, width, tab_len, mask, true),
    };

    if out.is_empty() {
        out.push((0, 0));
    }
    out
}

fn wrap_word_chunks(
    line: &str,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    fallback_to_glyph: bool,
) -> Vec<(usize, usize)> {
    // The quick path knows each chunk's width (voer's patch): no need to measure it again.
    let (chunks, widths): (Vec<_>, Option<Vec<usize>>) = match quick::word_bounds(line) {
        Some(bounds) if mask.is_none() => {
            let (chunks, widths) = bounds.into_iter().unzip();
            (chunks, Some(widths))
        }
        _ => (
            UnicodeSegmentation::split_word_bound_indices(line)
                .map(|(start, text)| Chunk {
                    start,
                    end: start + text.len(),
                })
                .collect(),
            None,
        ),
    };

    if chunks.is_empty() {
        return vec![(0, 0)];
    }

    let mut out = Vec::new();
    let mut i = 0usize;
    let mut seg_start = chunks[0].start;
    let mut seg_end = seg_start;
    let mut seg_width = 0usize;

    while i < chunks.len() {
        let chunk = chunks[i];
        if seg_end == seg_start {
            seg_start = chunk.start;
        }

        let chunk_width = match &widths {
            Some(w) => w[i],
            None => display_width_from(chunk_text(line, chunk), seg_width, tab_len, mask),
        };
        if seg_width + chunk_width <= width {
            seg_end = chunk.end;
            seg_width += chunk_width;
            i += 1;
            continue;
        }

        if seg_end > seg_start {
            out.push((seg_start, seg_end));
            seg_start = seg_end;
            seg_width = 0;
            continue;
        }

        if fallback_to_glyph {
            split_range_by_grapheme_width(
                line,
                chunk.start,
                chunk.end,
                width,
                tab_len,
                mask,
                &mut out,
            );
        } else {
            out.push((chunk.start, chunk.end));
        }

        i += 1;
        seg_start = chunk.end;
        seg_end = chunk.end;
        seg_width = 0;
    }

    if seg_end > seg_start {
        out.push((seg_start, seg_end));
    }

    out
}

fn split_range_by_grapheme_width(
    line: &str,
    start: usize,
    end: usize,
    width: usize,
    tab_len: u8,
    mask: Option<char>,
    out: &mut Vec<(usize, usize)>,
) {
    let mut segment_start = start;
    while segment_start < end {
        let mut segment_end = segment_start;
        let mut segment_width = 0usize;

        for (offset, grapheme) in
            UnicodeSegmentation::grapheme_indices(&line[segment_start..end], true)
        {
            let grapheme_start = segment_start + offset;
            let grapheme_end = grapheme_start + grapheme.len();
            let next_width = display_width_to(grapheme, segment_width, tab_len, mask);
            let grapheme_width = next_width.saturating_sub(segment_width);

            if segment_end != segment_start && segment_width + grapheme_width > width {
                break;
            }

            segment_end = grapheme_end;
            segment_width = next_width;
            if segment_width > width {
                break;
            }
        }

        if segment_end == segment_start {
            if let Some(ch) = line[segment_start..end].chars().next() {
                segment_end = segment_start + ch.len_utf8();
            } else {
                break;
            }
        }

        out.push((segment_start, segment_end));
        segment_start = segment_end;
    }
}

#[inline]
fn chunk_text(line: &str, chunk: Chunk) -> &str {
    &line[chunk.start..chunk.end]
}

fn display_width_from(text: &str, start_width: usize, tab_len: u8, mask: Option<char>) -> usize {
    display_width_to(text, start_width, tab_len, mask).saturating_sub(start_width)
}

fn display_width_to(text: &str, mut width: usize, tab_len: u8, mask: Option<char>) -> usize {
    for c in text.chars() {
        // A masked line is drawn as one mask character per char,
        // so each char is as wide as the mask.
        if let Some(mask) = mask {
            width += char_width(mask);
        } else if c == '\t' {
            if tab_len > 0 {
                let tab = tab_len as usize;
                let pad = tab - (width % tab);
                width += pad;
            }
        } else {
            width += char_width(c);
        }
    }
    width
}

/// voer's patch: the word bounds of the text most notes are made of, found the quick way.
///
/// Wrapping at words needs the line's word bounds (UAX #29), which unicode-segmentation finds by
/// looking up each char's Word_Break property in its tables: most of the time it takes to wrap
/// megabytes of notes. For a line of only Latin letters, digits, spaces and common punctuation
/// (`class` says which), the rules reduce to the few below, and each char's property is known
/// from the char itself. The bounds are the same as unicode-segmentation's (the tests compare
/// them on random lines of these chars); a line with any other char is left to it.
pub(crate) mod quick {
    use super::Chunk;

    /// The Word_Break property of the chars this path takes (as unicode-segmentation's
    /// tables give it). `"` (Double_Quote) acts as any other char without Hebrew letters.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub(crate) enum Class {
        Letter,
        Digit,
        MidLetter,
        MidNum,
        MidNumLet,
        SingleQuote,
        ExtendNumLet,
        Space,
        Other,
    }

    /// The class of each ASCII char (`None`: control chars, tabs among them).
    const ASCII: [Option<Class>; 128] = {
        let mut table = [None; 128];
        let mut b = 0x20;
        while b < 0x7f {
            table[b] = Some(match b as u8 {
                b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
                b'0'..=b'9' => Class::Digit,
                b' ' => Class::Space,
                b'.' => Class::MidNumLet,
                b':' => Class::MidLetter,
                b',' | b';' => Class::MidNum,
                b'\'' => Class::SingleQuote,
                b'_' => Class::ExtendNumLet,
                _ => Class::Other,
            });
            b += 1;
        }
        table
    };

    /// The class of `c`, or `None` for a char this path does not take (control chars and tabs,
    /// combining marks and format chars, other scripts, emoji, …).
    #[inline]
    pub(crate) fn class(c: char) -> Option<Class> {
        use Class::*;
        if c.is_ascii() {
            return ASCII[c as usize];
        }
        Some(match c {
            '\u{b7}' => MidLetter,
            '\u{2018}' | '\u{2019}' => MidNumLet,
            '\u{aa}' | '\u{b5}' | '\u{b8}' | '\u{ba}' => Letter,
            '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{24f}' => Letter,
            // The soft hyphen is a format char: not taken.
            '\u{a0}'..='\u{ff}' if c != '\u{ad}' => Other,
            '\u{2013}' | '\u{2014}' | '\u{201c}' | '\u{201d}' | '\u{2026}' | '\u{20ac}' => Other,
            _ => return None,
        })
    }

    /// The word bounds of `line` as `split_word_bound_indices` gives them, each with its width
    /// (every char these are made of is one cell wide), or `None` when the line holds a char
    /// this path does not take.
    pub(crate) fn word_bounds(line: &str) -> Option<Vec<(Chunk, usize)>> {
        let mut out = Vec::new();
        let mut chars = line.char_indices();
        let Some((_, first)) = chars.next() else {
            return Some(out);
        };
        // The two chars before the bound looked at, the char after it, and the one after that.
        let mut before_before = None;
        let mut before = class(first)?;
        let mut next = match chars.next() {
            Some((at, c)) => Some((at, class(c)?)),
            None => None,
        };
        let (mut start, mut width) = (0, 1);
        while let Some((at, after)) = next {
            next = match chars.next() {
                Some((at, c)) => Some((at, class(c)?)),
                None => None,
            };
            if !joined(before_before, before, after, next.map(|n| n.1)) {
                out.push((Chunk { start, end: at }, width));
                start = at;
                width = 0;
            }
            width += 1;
            before_before = Some(before);
            before = after;
        }
        out.push((
            Chunk {
                start,
                end: line.len(),
            },
            width,
        ));
        Some(out)
    }

    /// Whether there is no word bound between `before` and `after` (with the chars around
    /// them): UAX #29's rules WB3d and WB5 to WB13b, the only ones these chars meet; WB999
    /// breaks everywhere else.
    fn joined(
        before_before: Option<Class>,
        before: Class,
        after: Class,
        after_after: Option<Class>,
    ) -> bool {
        use Class::*;
        let mid_letter = |c: Class| matches!(c, MidLetter | MidNumLet | SingleQuote);
        let mid_num = |c: Class| matches!(c, MidNum | MidNumLet | SingleQuote);
        match (before, after) {
            (Space, Space) => true,
            (Letter, Letter) | (Digit, Digit) | (Letter, Digit) | (Digit, Letter) => true,
            (Letter | Digit | ExtendNumLet, ExtendNumLet) => true,
            (ExtendNumLet, Letter | Digit) => true,
            (Letter, m) if mid_letter(m) && after_after == Some(Letter) => true,
            (m, Letter) if mid_letter(m) && before_before == Some(Letter) => true,
            (Digit, m) if mid_num(m) && after_after == Some(Digit) => true,
            (m, Digit) if mid_num(m) && before_before == Some(Digit) => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(line: &str, mode: WrapMode, width: usize) -> Vec<&str> {
        line_ranges(line, mode, width, 4, None)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    fn masked_segments(line: &str, mode: WrapMode, width: usize, mask: char) -> Vec<&str> {
        line_ranges(line, mode, width, 4, Some(mask))
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn word_wrap_keeps_long_word() {
        let have = segments("helloworld", WrapMode::Word, 4);
        assert_eq!(have, vec!["helloworld"]);
    }

    #[test]
    fn word_or_glyph_wrap_splits_long_word() {
        let have = segments("helloworld", WrapMode::WordOrGlyph, 4);
        assert_eq!(have, vec!["hell", "owor", "ld"]);
    }

    #[test]
    fn glyph_wrap_handles_wide_chars() {
        let have = segments("ab犬猫", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["ab犬", "猫"]);
    }

    #[test]
    fn glyph_wrap_keeps_combining_grapheme_cluster() {
        let have = segments("e\u{301}x", WrapMode::Glyph, 1);
        assert_eq!(have, vec!["e\u{301}", "x"]);
    }

    #[test]
    fn tab_width_is_accounted_for_in_wrap() {
        let have = segments("\tX", WrapMode::WordOrGlyph, 2);
        assert_eq!(have, vec!["\t", "X"]);
    }

    #[test]
    fn glyph_wrap_preserves_full_mixed_width_row_capacity() {
        let have = segments("a中bcde", WrapMode::Glyph, 4);
        assert_eq!(have, vec!["a中b", "cde"]);
    }

    #[test]
    fn mask_wraps_by_the_mask_width() {
        let have = masked_segments("a中\tcde", WrapMode::Glyph, 4, '*');
        assert_eq!(have, vec!["a中\tc", "de"]);
        let have = masked_segments("abcd", WrapMode::WordOrGlyph, 4, '＊');
        assert_eq!(have, vec!["ab", "cd"]);
    }

    /// The chars the quick path takes, and some it does not, in the mix a line of notes has.
    const QUICK_CHARS: &[char] = &[
        'a', 'z', 'Q', '0', '7', ' ', ' ', ' ', '.', ':', ',', ';', '\'', '_', '"', '-', '!', '?',
        '(', ')', '/', '@', '#', '%', '+', '=', '\u{b7}', '\u{aa}', '\u{b5}', '\u{b8}', 'é', 'ë',
        'Ü', 'ß', 'ø', 'Ĳ', 'ł', 'ǅ', '\u{24f}', '\u{a0}', '«', '»', '×', '÷', '€', '–', '—', '‘',
        '’', '“', '”', '…',
    ];
    const OTHER_CHARS: &[char] = &[
        '\t', '\u{ad}', '\u{301}', '犬', 'ｶ', '😀', '\u{200d}', 'ש', '\r',
    ];

    /// A small random generator, the same on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn quick_word_bounds_are_unicode_segmentations() {
        // Every char the quick path takes, now and then; mostly the mix of a line of notes.
        let all: Vec<char> = (0..0x2100)
            .filter_map(char::from_u32)
            .filter(|c| quick::class(*c).is_some())
            .collect();
        let mut rng = Rng(0x5eed_1234_abcd_0001);
        for case in 0..20_000 {
            let len = rng.below(24);
            let mut line: String = (0..len)
                .map(|_| match rng.below(4) {
                    0 => all[rng.below(all.len())],
                    _ => QUICK_CHARS[rng.below(QUICK_CHARS.len())],
                })
                .collect();
            // Now and then a char the quick path leaves alone.
            if case % 5 == 0 && len > 0 {
                line.push(OTHER_CHARS[rng.below(OTHER_CHARS.len())]);
            }
            let expected: Vec<(usize, usize)> =
                UnicodeSegmentation::split_word_bound_indices(line.as_str())
                    .map(|(s, t)| (s, s + t.len()))
                    .collect();
            match quick::word_bounds(&line) {
                Some(got) => {
                    for (chunk, width) in &got {
                        let text = &line[chunk.start..chunk.end];
                        assert_eq!(*width, display_width_from(text, 0, 4, None), "{line:?}");
                    }
                    let got: Vec<(usize, usize)> =
                        got.iter().map(|(c, _)| (c.start, c.end)).collect();
                    assert_eq!(got, expected, "{line:?}");
                }
                None => assert!(line.chars().any(|c| quick::class(c).is_none()), "{line:?}"),
            }
        }
    }

    #[test]
    fn the_quick_paths_chars_are_one_cell_wide() {
        for &c in QUICK_CHARS {
            assert!(quick::class(c).is_some(), "{c:?}");
            assert_eq!(crate::util::drawn_width(c), 1, "{c:?}");
        }
        for &c in OTHER_CHARS {
            assert!(quick::class(c).is_none(), "{c:?}");
        }
        // Every char the quick path takes, not only those above.
        for c in (0..0x2100).filter_map(char::from_u32) {
            if quick::class(c).is_some() {
                assert_eq!(crate::util::drawn_width(c), 1, "{c:?}");
            }
        }
    }

    #[test]
    fn halfwidth_sound_marks_take_a_cell() {
        let have = segments("ｶﾞﾊﾟ", WrapMode::Glyph, 2);
        assert_eq!(have, vec!["ｶﾞ", "ﾊﾟ"]);
    }
}
