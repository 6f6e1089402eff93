use crate::cursor::{DataCursor, ScreenCursor};
use crate::textarea::TextArea;
use crate::util::{char_width, num_digits};
use crate::wrap::{WrapMode, WrappedLine, effective_wrap_width, line_ranges};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScreenLine {
    pub wrapped: WrappedLine,
    pub screen_width: usize,
    pub cursor_max_col: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DataLine {
    pub first_screen_line: usize,
    pub screen_line_count: usize,
    pub pure_ascii: bool,
}

fn is_pure_ascii(line: &str) -> bool {
    line.is_ascii() && !line.contains('\t')
}

fn char_display_width(c: char, col: usize, tab_len: u8, mask: Option<char>) -> usize {
    // A masked line is drawn as one mask character per char, so each char is as wide as the mask.
    if let Some(mask) = mask {
        char_width(mask)
    } else if c == '\t' {
        let tab = tab_len.max(1) as usize;
        let pad = tab - (col % tab);
        pad.max(1)
    } else {
        char_width(c)
    }
}

fn display_width(text: &str, tab_len: u8, mask: Option<char>) -> usize {
    let mut col = 0usize;
    for c in text.chars() {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn screen_col_for_char_offset(
    text: &str,
    char_offset: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    for c in text.chars().take(char_offset) {
        col += char_display_width(c, col, tab_len, mask);
    }
    col
}

fn char_offset_for_screen_col(
    text: &str,
    screen_col: usize,
    tab_len: u8,
    mask: Option<char>,
) -> usize {
    let mut col = 0usize;
    let mut chars = 0usize;
    for c in text.chars() {
        if col >= screen_col {
            break;
        }
        let width = char_display_width(c, col, tab_len, mask);
        if col + width > screen_col {
            break;
        }
        col += width;
        chars += 1;
    }
    chars
}

impl TextArea<'_> {
    /// The width the lines are wrapped to, or `None` when they are not wrapped.
    fn screen_map_wrap_width(&self) -> Option<usize> {
        if self.wrap_mode() == WrapMode::None {
            return None;
        }
        let width = self.area.get().width;
        if width == 0 {
            return None;
        }
        let line_number_len = self
            .line_number_style()
            .map(|_| num_digits(self.lines.len()));
        Some(effective_wrap_width(width, line_number_len))
    }

    /// The screen lines of one data line. A line's screen lines depend on that line alone (and
    /// on the wrap width, tab length and mask), which is what makes updating the map for the
    /// edited lines only exact.
    fn push_screen_lines(&self, row: usize, wrap_width: Option<usize>, out: &mut Vec<ScreenLine>) {
        let line = &self.lines[row];
        let ranges = match wrap_width {
            Some(width) => line_ranges(
                line,
                self.wrap_mode(),
                width,
                self.tab_length(),
                self.mask_char(),
            ),
            None => vec![(0, line.len())],
        };
        let mut start_col = 0usize;
        let count = ranges.len();
        for (i, (start_byte, end_byte)) in ranges.into_iter().enumerate() {
            let fragment = &line[start_byte..end_byte];
            let char_count = fragment.chars().count();
            let end_col = start_col + char_count;
            let wrapped = WrappedLine {
                row,
                start_byte,
                end_byte,
                start_col,
                end_col,
                first_in_row: i == 0,
                last_in_row: i + 1 == count,
            };
            let screen_width = display_width(fragment, self.tab_length(), self.mask_char());
            let cursor_max_col = if wrapped.last_in_row {
                screen_width
            } else {
                screen_col_for_char_offset(
                    fragment,
                    char_count.saturating_sub(1),
                    self.tab_length(),
                    self.mask_char(),
                )
            };
            out.push(ScreenLine {
                wrapped,
                screen_width,
                cursor_max_col,
            });
            start_col = end_col;
        }
    }

    fn data_line(
        &self,
        row: usize,
        first_screen_line: usize,
        screen_line_count: usize,
    ) -> DataLine {
        DataLine {
            first_screen_line,
            screen_line_count,
            pure_ascii: is_pure_ascii(&self.lines[row]),
        }
    }

    /// Builds the screen map of the whole text.
    pub(crate) fn screen_map_load(&self) {
        let (screen_lines, data_pointers) = self.screen_map_build();
        *self.screen_lines.borrow_mut() = screen_lines;
        *self.data_pointers.borrow_mut() = data_pointers;
        self.screen_map_stale.set(false);
    }

    /// Marks the screen map to be built again before it is next used (voer's patch: a text
    /// of many megabytes is wrapped once, at the first draw, not also for each setting made
    /// before it).
    pub(crate) fn screen_map_invalidate(&self) {
        self.screen_map_stale.set(true);
    }

    /// Builds the screen map if it is to be built.
    pub(crate) fn screen_map_ensure(&self) {
        if self.screen_map_stale.get() {
            self.screen_map_load();
        }
    }

    fn screen_map_build(&self) -> (Vec<ScreenLine>, Vec<DataLine>) {
        let wrap_width = self.screen_map_wrap_width();
        self.screen_map_width.set(wrap_width);
        let mut screen_lines = Vec::with_capacity(self.lines.len());
        let mut data_pointers = Vec::with_capacity(self.lines.len());
        for row in 0..self.lines.len() {
            let first = screen_lines.len();
            self.push_screen_lines(row, wrap_width, &mut screen_lines);
            data_pointers.push(self.data_line(row, first, screen_lines.len() - first));
        }
        (screen_lines, data_pointers)
    }

    /// Updates the screen map after an edit that replaced a run of lines starting at `first_row`
    /// (every edit does: a char or a string within a line, a newline inserted or deleted, a
    /// chunk of lines inserted or deleted, and their undo and redo). Only the lines of that run
    /// are wrapped again; the lines after it keep their screen lines and are renumbered.
    /// (voer's patch: rebuilding the map of the whole text made every keystroke cost time in
    /// proportion to the size of the text.)
    pub(crate) fn screen_map_update(&self, first_row: usize) {
        // Not built yet: it will be, for the text as it is then.
        if self.screen_map_stale.get() {
            return;
        }
        let wrap_width = self.screen_map_wrap_width();
        let old_len = self.data_pointers.borrow().len();
        let new_len = self.lines.len();
        let grown = new_len.saturating_sub(old_len);
        let shrunk = old_len.saturating_sub(new_len);
        // The run in the old map and in the new text.
        let old_last = first_row + shrunk;
        let new_last = first_row + grown;
        if wrap_width != self.screen_map_width.get() || old_last >= old_len || new_last >= new_len {
            self.screen_map_load();
            return;
        }
        {
            let mut screen_lines = self.screen_lines.borrow_mut();
            let mut data_pointers = self.data_pointers.borrow_mut();
            let old_start = data_pointers[first_row].first_screen_line;
            let old_end = data_pointers[old_last].first_screen_line
                + data_pointers[old_last].screen_line_count;

            let mut fresh = Vec::new();
            let mut fresh_data = Vec::with_capacity(new_last + 1 - first_row);
            for row in first_row..=new_last {
                let first = old_start + fresh.len();
                let before = fresh.len();
                self.push_screen_lines(row, wrap_width, &mut fresh);
                fresh_data.push(self.data_line(row, first, fresh.len() - before));
            }
            let fresh_count = fresh.len();
            let removed = old_end - old_start;

            screen_lines.splice(old_start..old_end, fresh);
            if grown != shrunk {
                for line in &mut screen_lines[old_start + fresh_count..] {
                    line.wrapped.row = line.wrapped.row + grown - shrunk;
                }
            }
            data_pointers.splice(first_row..=old_last, fresh_data);
            if fresh_count != removed {
                for data in &mut data_pointers[new_last + 1..] {
                    data.first_screen_line = data.first_screen_line + fresh_count - removed;
                }
            }
        }
        // Every update checked against a full rebuild, in this crate's tests and with the
        // `check-screen-map` feature in debug builds.
        #[cfg(any(test, all(debug_assertions, feature = "check-screen-map")))]
        {
            let (screen_lines, data_pointers) = self.screen_map_build();
            assert_eq!(
                *self.data_pointers.borrow(),
                data_pointers,
                "screen map update from row {first_row} differs from a rebuild"
            );
            assert_eq!(
                *self.screen_lines.borrow(),
                screen_lines,
                "screen map update from row {first_row} differs from a rebuild"
            );
        }
    }

    pub(crate) fn screen_lines_count(&self) -> usize {
        self.screen_map_ensure();
        self.screen_lines.borrow().len()
    }

    pub(crate) fn screen_line_width(&self, row: usize) -> usize {
        self.screen_map_ensure();
        self.screen_lines.borrow()[row].screen_width
    }

    pub(crate) fn screen_line_max_cursor_col(&self, row: usize) -> usize {
        self.screen_map_ensure();
        self.screen_lines.borrow()[row].cursor_max_col
    }

    pub(crate) fn screen_line(&self, row: usize) -> ScreenLine {
        self.screen_map_ensure();
        self.screen_lines.borrow()[row]
    }

    pub(crate) fn screen_to_array(&self, screen: ScreenCursor) -> DataCursor {
        if let Some(dc) = screen.dc {
            return dc;
        }

        let line = self.screen_line(screen.row);
        let fragment =
            &self.lines[line.wrapped.row][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset =
            char_offset_for_screen_col(fragment, screen.col, self.tab_length(), self.mask_char());
        DataCursor(line.wrapped.row, line.wrapped.start_col + char_offset)
    }

    pub(crate) fn array_to_screen(&self, array: DataCursor) -> ScreenCursor {
        self.screen_map_ensure();
        let data_line = &self.data_pointers.borrow()[array.0];
        let screen_lines = self.screen_lines.borrow();

        let mut screen_idx = data_line.first_screen_line;
        for idx in
            data_line.first_screen_line..data_line.first_screen_line + data_line.screen_line_count
        {
            let line = screen_lines[idx];
            let contains = if line.wrapped.last_in_row {
                line.wrapped.start_col <= array.1 && array.1 <= line.wrapped.end_col
            } else {
                line.wrapped.start_col <= array.1 && array.1 < line.wrapped.end_col
            };
            if contains {
                screen_idx = idx;
                break;
            }
        }

        let line = screen_lines[screen_idx];
        let fragment = &self.lines[array.0][line.wrapped.start_byte..line.wrapped.end_byte];
        let char_offset = array.1.saturating_sub(line.wrapped.start_col);
        let col =
            screen_col_for_char_offset(fragment, char_offset, self.tab_length(), self.mask_char());

        ScreenCursor {
            row: screen_idx,
            col,
            char: self.lines[array.0].chars().nth(array.1),
            dc: Some(array),
        }
    }

    pub(crate) fn data_cursor(&self, screen: ScreenCursor) -> DataCursor {
        screen.to_array_cursor(self)
    }

    pub(crate) fn increment_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 + 1))
    }

    pub(crate) fn decrement_screen_cursor(&self, screen: ScreenCursor) -> ScreenCursor {
        let dc = self.data_cursor(screen);
        self.array_to_screen(DataCursor(dc.0, dc.1 - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_core::layout::Rect;

    fn make_textarea(lines: &[&str], wrap_mode: WrapMode, width: u16) -> TextArea<'static> {
        let mut textarea = TextArea::from(lines.iter().copied());
        textarea.set_wrap_mode(wrap_mode);
        textarea.area.set(Rect {
            x: 0,
            y: 0,
            width,
            height: 40,
        });
        textarea.screen_map_load();
        textarea
    }

    fn assert_round_trips(textarea: &TextArea<'_>) {
        for (row, line) in textarea.lines.iter().enumerate() {
            for col in 0..=line.chars().count() {
                let dc = DataCursor(row, col);
                let sc = textarea.array_to_screen(dc);
                assert_eq!(textarea.screen_to_array(sc), dc);

                let detached = ScreenCursor { dc: None, ..sc };
                assert_eq!(textarea.screen_to_array(detached), dc);
                assert_eq!(
                    textarea.array_to_screen(textarea.screen_to_array(detached)),
                    sc
                );
            }
        }
    }

    #[test]
    fn screen_map_round_trips_ascii_word_wrap() {
        let textarea = make_textarea(
            &[
                "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                "Sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
            ],
            WrapMode::Word,
            24,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_cjk_glyph_wrap() {
        let textarea = make_textarea(
            &["混合中文字符和ASCIIabc来验证屏幕坐标与数据坐标的往返转换。"],
            WrapMode::Glyph,
            12,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    #[test]
    fn screen_map_round_trips_multilingual_word_or_glyph_wrap() {
        let textarea = make_textarea(
            &[
                "ASCII and русский текст can share one buffer.",
                "第二行 mixed-width 内容 with English words.",
            ],
            WrapMode::WordOrGlyph,
            18,
        );

        assert!(textarea.screen_lines_count() > textarea.lines.len());
        assert_round_trips(&textarea);
    }

    // An edit updates the map of the lines it touched; the result must equal a rebuild.
    #[test]
    fn screen_map_update_matches_a_rebuild() {
        use crate::CursorMove;

        for wrap in [
            WrapMode::None,
            WrapMode::Word,
            WrapMode::Glyph,
            WrapMode::WordOrGlyph,
        ] {
            let mut t = make_textarea(
                &[
                    "short",
                    "a longer line that wraps at twelve",
                    "",
                    "第二行 wide 内容",
                ],
                wrap,
                12,
            );
            let check = |t: &TextArea<'_>, step: &str| {
                let (screen_lines, data_pointers) = t.screen_map_build();
                assert_eq!(
                    *t.screen_lines.borrow(),
                    screen_lines,
                    "{wrap:?} after {step}"
                );
                assert_eq!(
                    *t.data_pointers.borrow(),
                    data_pointers,
                    "{wrap:?} after {step}"
                );
            };
            t.move_cursor(CursorMove::Jump(1, 7));
            t.insert_char('x');
            check(&t, "a char");
            t.insert_newline();
            check(&t, "a newline");
            t.delete_char();
            check(&t, "joining two lines");
            t.insert_str("pasted\nover three\nlines with more words");
            check(&t, "a pasted chunk");
            t.move_cursor(CursorMove::Top);
            t.delete_line_by_end();
            t.delete_next_char();
            check(&t, "deleting a line");
            t.move_cursor(CursorMove::Bottom);
            t.insert_newline();
            t.insert_str("内容内容内容内容");
            check(&t, "a new last line");
            while t.undo() {
                check(&t, "undo");
            }
            while t.redo() {
                check(&t, "redo");
            }
        }
    }
}
