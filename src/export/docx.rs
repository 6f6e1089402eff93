//! Word (.docx) through docx-rs: real heading styles (so Word's navigation pane and a table of
//! contents work), the quote in a Quote style, the notes with their line breaks. A4 pages.
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, LineSpacingType, PageMargin, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading,
    SpecialIndentType, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::{Look, outline::Element};
use crate::printable;

/// Twentieths of a point: 2 cm.
const MARGIN: i32 = 1134;
const ACCENT: &str = "1F4E5A";

/// `created` and `modified` are RFC 3339 times for the document's properties; taking them from
/// the sessions keeps the file the same for the same input. `look` chooses the sizes: a
/// report's, or a handout's large print.
pub fn render(
    elements: &[Element],
    look: Look,
    created: &str,
    modified: &str,
) -> Result<Vec<u8>, super::RenderError> {
    let mut paras: Vec<Piece> = Vec::new();
    let mut in_closing = false;
    // docx-rs numbers paragraphs from a per-thread counter; numbering them here makes the
    // same input give the same file.
    let mut next_id = 0u32;
    let mut id = || {
        next_id += 1;
        format!("{next_id:08X}")
    };
    for e in elements {
        match e {
            Element::Heading { level, text } => {
                let level = (*level).clamp(1, 4);
                let mut run = Run::new().add_text(clean(text));
                if in_closing {
                    run = run.shading(Shading::new().fill("E3ECEE"));
                }
                push(
                    &mut paras,
                    &mut id,
                    Paragraph::new()
                        .style(&format!("Heading{level}"))
                        .keep_next(true)
                        .add_run(run),
                );
            }
            Element::Facts(facts) => {
                for (label, value) in facts {
                    push(
                        &mut paras,
                        &mut id,
                        Paragraph::new()
                            .line_spacing(LineSpacing::new().after(40))
                            .add_run(Run::new().bold().add_text(format!("{}: ", clean(label))))
                            .add_run(Run::new().add_text(clean(value))),
                    );
                }
            }
            Element::Quote(q) => {
                push(
                    &mut paras,
                    &mut id,
                    lines_paragraph(q.trim()).style("Quote"),
                );
            }
            Element::List(items) => {
                for item in items {
                    push(
                        &mut paras,
                        &mut id,
                        Paragraph::new()
                            .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
                            .add_run(Run::new().add_text(format!("•\t{}", clean(item)))),
                    );
                }
            }
            Element::Prompt(text) => {
                push(
                    &mut paras,
                    &mut id,
                    lines_paragraph(text.trim()).style("Prompt"),
                );
            }
            Element::Aside(text) => {
                push(
                    &mut paras,
                    &mut id,
                    Paragraph::new()
                        .style("Aside")
                        .add_run(Run::new().add_text(clean(text))),
                );
            }
            Element::Notes(text) => {
                for para in super::paragraphs(text) {
                    let para = para.iter().map(|l| l.trim_end()).collect::<Vec<_>>();
                    push(
                        &mut paras,
                        &mut id,
                        lines_paragraph(&para.join("\n")).style("Notes"),
                    );
                }
            }
            Element::NoNotes(text) => {
                push(
                    &mut paras,
                    &mut id,
                    Paragraph::new()
                        .style("Aside")
                        .add_run(Run::new().add_text(clean(text))),
                );
            }
            Element::Paragraph(text) => {
                push(&mut paras, &mut id, lines_paragraph(text.trim()));
            }
            Element::Question {
                number,
                text,
                lines,
            } => {
                // The number hangs in the margin of the question's text; the question stays
                // on a page with the lines under it.
                push(
                    &mut paras,
                    &mut id,
                    Paragraph::new()
                        .style("Question")
                        .keep_next(*lines > 0)
                        .add_run(Run::new().add_text(format!("{number}.")))
                        .add_run(Run::new().add_tab())
                        .add_run(Run::new().add_text(clean(text.trim()))),
                );
                for i in 0..*lines {
                    push(
                        &mut paras,
                        &mut id,
                        Paragraph::new()
                            .style("WriteLine")
                            .keep_next(i + 1 < *lines),
                    );
                }
            }
            Element::Table { head, rows } => {
                let cell = |text: &str, bold: bool, id: &mut dyn FnMut() -> String| {
                    let mut run = Run::new().add_text(clean(text.trim()));
                    if bold {
                        run = run.bold();
                    }
                    TableCell::new().add_paragraph(Paragraph::new().id(id()).add_run(run))
                };
                let mut table_rows = vec![TableRow::new(
                    head.iter().map(|h| cell(h, true, &mut id)).collect(),
                )];
                for r in rows {
                    table_rows.push(TableRow::new(
                        r.iter().map(|c| cell(c, false, &mut id)).collect(),
                    ));
                }
                let table = Table::new(table_rows)
                    .set_grid(grid(rows))
                    .width(9638, WidthType::Dxa);
                paras.push(Piece::Table(Box::new(table)));
                // Word glues two tables together; a paragraph between keeps them apart.
                push(&mut paras, &mut id, Paragraph::new());
            }
            Element::BeginClosing => in_closing = true,
            Element::EndClosing => in_closing = false,
        }
    }
    let mut doc = styled(Docx::new(), look)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .created_at(created)
        .updated_at(modified);
    for p in paras {
        doc = match p {
            Piece::Paragraph(p) => doc.add_paragraph(*p),
            Piece::Table(t) => doc.add_table(*t),
        };
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| super::RenderError::Docx(Box::new(e)))?;
    Ok(buf.into_inner())
}

enum Piece {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// A table's columns in twentieths of a point over the page's width between the margins. The
/// actions: what gets most, then who, when and done. The questions for the organisation: the
/// question, to whom, by when, and once one has its answer, room for the answers.
fn grid(rows: &[Vec<String>]) -> Vec<usize> {
    let last = |r: &Vec<String>| r.get(3).map_or(0, |c| c.chars().count());
    if rows.iter().map(last).max().unwrap_or(0) > 12 {
        vec![3400, 1700, 1500, 3038]
    } else {
        vec![4800, 2000, 1900, 938]
    }
}

fn push(pieces: &mut Vec<Piece>, id: &mut dyn FnMut() -> String, p: Paragraph) {
    pieces.push(Piece::Paragraph(Box::new(p.id(id()))));
}

/// Sizes in half points, per look: a report's, and a handout's large print (16 pt text,
/// 20 pt questions, nothing smaller).
struct Sizes {
    normal: usize,
    headings: [usize; 4],
    quote: usize,
    aside: usize,
    question: usize,
}

const REPORT: Sizes = Sizes {
    normal: 22,
    headings: [36, 30, 26, 23],
    quote: 26,
    aside: 20,
    question: 26,
};

const HANDOUT: Sizes = Sizes {
    normal: 32,
    headings: [48, 40, 36, 32],
    quote: 32,
    aside: 32,
    question: 40,
};

fn styled(doc: Docx, look: Look) -> Docx {
    let sizes = match look {
        Look::Report => &REPORT,
        Look::Handout => &HANDOUT,
    };
    let fonts = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri");
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level - 1)
            .size(size)
            .bold()
            .color(ACCENT)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    // A ruled line to write on: an empty paragraph with a line under it, a line's height apart.
    let mut write_line = Style::new("WriteLine", StyleType::Paragraph)
        .name("Write line")
        .based_on("Normal")
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(640)
                .line_rule(LineSpacingType::Exact),
        );
    write_line.paragraph_property = write_line.paragraph_property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .size(6)
                .color("6F6F6B"),
        ),
    );
    let [h1, h2, h3, h4] = sizes.headings;
    doc.default_fonts(fonts)
        .default_size(sizes.normal)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
        .add_style(heading(1, h1))
        .add_style(heading(2, h2))
        .add_style(heading(3, h3))
        .add_style(heading(4, h4))
        .add_style(
            // A handout's question is a heading to Word too (the navigation pane lists it).
            Style::new("Question", StyleType::Paragraph)
                .name("Question")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .outline_lvl(1)
                .size(sizes.question)
                .bold()
                .indent(Some(567), Some(SpecialIndentType::Hanging(567)), None, None)
                .line_spacing(LineSpacing::new().before(360).after(120)),
        )
        .add_style(write_line)
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .italic()
                .size(sizes.quote)
                .indent(Some(567), None, Some(567), None)
                .line_spacing(LineSpacing::new().before(160).after(200)),
        )
        .add_style(
            Style::new("Prompt", StyleType::Paragraph)
                .name("Prompt")
                .based_on("Normal")
                .bold()
                .line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            Style::new("Aside", StyleType::Paragraph)
                .name("Aside")
                .based_on("Normal")
                .italic()
                .color("5B5B58")
                .size(sizes.aside)
                .line_spacing(LineSpacing::new().after(80)),
        )
        .add_style(
            Style::new("Notes", StyleType::Paragraph)
                .name("Notes")
                .based_on("Normal")
                .indent(Some(284), None, None, None)
                .align(AlignmentType::Left)
                .line_spacing(LineSpacing::new().after(120)),
        )
}

/// One paragraph whose lines are joined by line breaks; tabs stay tabs.
fn lines_paragraph(text: &str) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in super::lines(text).enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(clean(piece));
            }
        }
    }
    Paragraph::new().add_run(run)
}

/// Text XML 1.0 allows: the control characters it forbids (one of them would make Word refuse
/// the whole file) as visible signs, bidirectional controls shut in (see
/// [`printable::isolated`]), U+FFFE and U+FFFF dropped. docx-rs escapes `<`, `&` and quotes
/// itself. Line ends and tabs have their own elements, so here they are spaces.
fn clean(text: &str) -> String {
    printable::isolated(text)
        .chars()
        .filter(|&c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}
