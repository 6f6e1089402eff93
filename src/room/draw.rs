//! The room screen: large, centred, nothing for the facilitator's eyes only.
//! Draws from the room's model and the wall clock; never changes anything.
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use ratatui::{
    Frame,
    layout::{Alignment, Constraint, Flex, Layout, Rect},
    style::{Modifier, Style},
    text::{Line, Span},
    widgets::{Block, BorderType, Borders, Cell, Paragraph, Row, Table},
};
use tui_big_text::PixelSize;
use unicode_width::UnicodeWidthStr;

use super::{Room, big, remaining};
use crate::{
    i18n::{self, Texts, fill},
    session::{Session, StepKind, countdown::minutes_seconds, step_name},
    ui::{
        Theme,
        parts::{self, wrap_lines, wrap_url},
        qr,
    },
};

/// Lines of ordinary text stay this short, to be read from the back of the room.
pub const COLUMN: u16 = 60;

pub fn draw(room: &Room, now: DateTime<FixedOffset>, frame: &mut Frame) {
    let area = frame.area();
    let theme = &room.theme;
    let t = i18n::texts(room.lang());
    frame.render_widget(Block::default().style(theme.base), area);
    if parts::is_too_small(area) {
        parts::too_small(t, theme, frame, area);
        return;
    }
    let Some(s) = &room.shown else {
        waiting(t, theme, frame, area);
        return;
    };
    if s.session.blanked {
        // A sensitive moment: the room sees nothing at all.
        return;
    }
    let inner = area.inner(ratatui::layout::Margin::new(2, 1));
    match s.steps.get(s.session.current_step).map(|st| st.kind) {
        None => summary(s, t, theme, frame, inner),
        Some(StepKind::Opening) => opening(s, room, t, theme, now, frame, inner),
        Some(StepKind::Quote) => quote(s, t, theme, frame, inner),
        Some(StepKind::Video) => video(s, t, theme, now, frame, inner),
        Some(StepKind::Prompt | StepKind::Closing) => prompt(s, t, theme, now, frame, inner),
    }
}

/// One part of the screen, stacked from the top and centred as a whole.
enum Piece<'a> {
    Lines(Vec<Line<'a>>),
    Big(Vec<String>, PixelSize, u16, Style),
    Gap(u16),
    Qr(qr::Code, Theme),
    Timer(Vec<String>, PixelSize, u16, Style, Option<Line<'a>>),
    Notes(Block<'a>, Vec<Line<'a>>, u16),
    Table(Box<Table<'a>>, u16, u16),
}

impl Piece<'_> {
    fn height(&self) -> u16 {
        match self {
            Piece::Lines(l) => l.len() as u16,
            Piece::Big(lines, _, h, _) => lines.len() as u16 * h,
            Piece::Gap(h) | Piece::Notes(_, _, h) | Piece::Table(_, _, h) => *h,
            Piece::Qr(c, _) => c.size().1,
            Piece::Timer(_, _, h, _, flag) => h + u16::from(flag.is_some()),
        }
    }
}

fn height_of(pieces: &[Piece]) -> u16 {
    pieces.iter().map(Piece::height).sum()
}

fn render_stack(frame: &mut Frame, area: Rect, pieces: Vec<Piece>) {
    let constraints: Vec<Constraint> = pieces
        .iter()
        .map(|p| Constraint::Length(p.height()))
        .collect();
    let total = height_of(&pieces).min(area.height);
    let [block] = Layout::vertical([Constraint::Length(total)])
        .flex(Flex::Center)
        .areas(area);
    let rects = Layout::vertical(constraints).split(block);
    for (piece, rect) in pieces.into_iter().zip(rects.iter().copied()) {
        match piece {
            Piece::Lines(lines) => frame.render_widget(
                Paragraph::new(lines).alignment(Alignment::Center),
                column(rect, COLUMN + 4),
            ),
            Piece::Big(lines, size, _, style) => {
                big::render(&lines, size, style, rect, frame.buffer_mut())
            }
            Piece::Gap(_) => {}
            Piece::Qr(code, theme) => {
                let (w, h) = code.size();
                if rect.height >= h {
                    let [r] = Layout::horizontal([Constraint::Length(w)])
                        .flex(Flex::Center)
                        .areas(rect);
                    code.draw(&theme, frame.buffer_mut(), r);
                }
            }
            Piece::Timer(lines, size, h, style, flag) => {
                let [big_area, flag_area] =
                    Layout::vertical([Constraint::Length(h), Constraint::Min(0)]).areas(rect);
                if h == 1 {
                    frame.render_widget(
                        Paragraph::new(Line::styled(
                            lines.join(""),
                            style.add_modifier(Modifier::BOLD),
                        ))
                        .alignment(Alignment::Center),
                        big_area,
                    );
                } else {
                    big::render(&lines, size, style, big_area, frame.buffer_mut());
                }
                if let Some(flag) = flag {
                    frame.render_widget(
                        Paragraph::new(flag).alignment(Alignment::Center),
                        flag_area,
                    );
                }
            }
            Piece::Notes(block, lines, _) => {
                let r = column(rect, COLUMN + 4);
                let inner = block.inner(r);
                frame.render_widget(block, r);
                // The newest lines, where the group is writing.
                let skip = lines.len().saturating_sub(usize::from(inner.height));
                frame.render_widget(
                    Paragraph::new(lines.into_iter().skip(skip).collect::<Vec<_>>()),
                    inner,
                );
            }
            Piece::Table(table, width, _) => frame.render_widget(*table, column(rect, width)),
        }
    }
}

/// A centred column at most `width` wide.
fn column(area: Rect, width: u16) -> Rect {
    let [r] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    r
}

fn lines<'a>(text: &str, width: u16, style: Style) -> Vec<Line<'a>> {
    wrap_lines(text, width.min(COLUMN))
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// The text in the largest letters that fit in `width`×`height`; ordinary text when even
/// the smallest big letters do not (cut to the height).
fn largest<'a>(text: &str, width: u16, height: u16, style: Style, smallest: usize) -> Piece<'a> {
    for &(size, lw, lh) in big::SIZES.iter().take(smallest + 1) {
        let l = big::wrap(text, width, lw);
        if !l.is_empty() && l.len() as u16 * lh <= height {
            return Piece::Big(l, size, lh, style);
        }
    }
    let mut l = lines(text, width, style.add_modifier(Modifier::BOLD));
    l.truncate(usize::from(height.max(1)));
    Piece::Lines(l)
}

fn waiting(t: &Texts, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut l = lines(t.room_waiting, area.width, theme.heading);
    l.push(Line::default());
    l.extend(lines(t.room_waiting_sub, area.width, theme.dim));
    render_stack(frame, area, vec![Piece::Lines(l)]);
}

/// The speaker of the current step's episode (the first, on the opening).
fn speaker_line(s: &Session) -> String {
    s.episode_of_step(s.session.current_step).speaker_line()
}

fn opening(
    s: &Session,
    room: &Room,
    t: &Texts,
    theme: &Theme,
    now: DateTime<FixedOffset>,
    frame: &mut Frame,
    area: Rect,
) {
    let info = &s.session;
    if info.is_series() {
        return series_opening(s, room, t, theme, now, frame, area);
    }
    let mut after = vec![Piece::Gap(1)];
    after.push(Piece::Lines(lines(
        &speaker_line(s),
        area.width,
        theme.quote,
    )));
    if !info.group.is_empty() {
        after.push(Piece::Gap(1));
        after.push(Piece::Lines(lines(&info.group, area.width, theme.dim)));
    }
    after.extend(earlier_piece(s, room, t, theme, now, area.width));
    let context = s
        .steps
        .first()
        .map(|st| lines(&st.text, area.width, theme.base))
        .unwrap_or_default();
    let before = Piece::Lines(vec![Line::styled(
        fill(t.episode_number, [&info.episode_number]),
        theme.accent,
    )]);
    let fixed = 1 + 1 + height_of(&after);
    let with_context = fixed + 1 + context.len() as u16;
    let (room_for_title, context) = if !context.is_empty() && area.height >= with_context + 4 {
        (area.height - with_context, Some(context))
    } else {
        (area.height.saturating_sub(fixed), None)
    };
    let title = largest(
        &info.episode_title,
        area.width,
        room_for_title.min(16),
        theme.heading,
        2,
    );
    let mut pieces = vec![before, Piece::Gap(1), title];
    pieces.extend(after);
    if let Some(c) = context {
        pieces.push(Piece::Gap(1));
        pieces.push(Piece::Lines(c));
    }
    render_stack(frame, area, pieces);
}

/// What the group agreed last time and is still open: back on the table; and at a board's
/// meeting that answers them, the council's questions, answered or not.
fn earlier_piece<'a>(
    s: &Session,
    room: &Room,
    t: &Texts,
    theme: &Theme,
    now: DateTime<FixedOffset>,
    width: u16,
) -> Vec<Piece<'a>> {
    let lang = s.session.language;
    let mut out = Vec::new();
    if !room.earlier.is_empty() {
        let mut agreed = vec![Line::styled(t.actions.earlier, theme.heading)];
        for f in &room.earlier {
            // An overdue one in a word and a colour.
            let (line, late) = crate::actions::summary_line_on(&f.action, now.date_naive(), lang);
            let style = if late { theme.late } else { theme.base };
            agreed.extend(lines(&line, width, style));
        }
        out.extend([Piece::Gap(1), Piece::Lines(agreed)]);
    }
    if let Some(c) = room.council.as_ref().filter(|c| !c.questions.is_empty()) {
        let q = t.series;
        let mut asked = vec![Line::styled(
            fill(q.council_heading, [&c.group]),
            theme.heading,
        )];
        for f in &c.questions {
            let a = &f.action;
            let mut line = crate::actions::summary_line(a, lang);
            if let Some(answer) = a.answer.as_deref().filter(|_| a.is_answered()) {
                line = format!("✓ {line} — {}", fill(q.answered, [&answer]));
            }
            let style = if a.is_answered() {
                theme.dim
            } else {
                theme.base
            };
            asked.extend(lines(&line, width, style));
        }
        out.extend([Piece::Gap(1), Piece::Lines(asked)]);
    }
    out
}

/// The opening of a meeting of several: every episode with its speaker, in order, the group,
/// and what it agreed last time.
fn series_opening(
    s: &Session,
    room: &Room,
    t: &Texts,
    theme: &Theme,
    now: DateTime<FixedOffset>,
    frame: &mut Frame,
    area: Rect,
) {
    let info = &s.session;
    let all = info.episode_list();
    let numbers: Vec<String> = all.iter().map(|e| e.number.to_string()).collect();
    let mut list = Vec::new();
    for e in &all {
        list.push(Line::default());
        list.extend(lines(
            &format!("{} · {}", e.number, e.title),
            area.width,
            theme.heading.add_modifier(Modifier::BOLD),
        ));
        list.extend(lines(&e.speaker_line(), area.width, theme.quote));
    }
    let mut pieces = vec![
        Piece::Lines(vec![Line::styled(
            format!("{} {}", t.series.episodes_label, numbers.join(", ")),
            theme.accent,
        )]),
        Piece::Lines(list),
    ];
    if !info.group.is_empty() {
        pieces.push(Piece::Gap(1));
        pieces.push(Piece::Lines(lines(&info.group, area.width, theme.dim)));
    }
    pieces.extend(earlier_piece(s, room, t, theme, now, area.width));
    render_stack(frame, area, pieces);
}

fn quote(s: &Session, t: &Texts, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(step) = s.steps.get(s.session.current_step) else {
        return;
    };
    // The speaker's own words first; a translation under them, marked as one.
    let words = step.original.as_deref().unwrap_or(&step.text);
    let mut after = Vec::new();
    if step.original.is_some() {
        after.push(Piece::Gap(1));
        after.push(Piece::Lines(lines(
            &format!("{}: “{}”", t.translation, step.text),
            area.width,
            theme.dim.add_modifier(Modifier::ITALIC),
        )));
    }
    after.push(Piece::Gap(1));
    after.push(Piece::Lines(lines(
        &format!("— {}", speaker_line(s)),
        area.width,
        theme.accent,
    )));
    let room = area.height.saturating_sub(height_of(&after));
    let mut pieces = vec![largest(
        &format!("“{words}”"),
        area.width,
        room,
        theme.quote,
        2,
    )];
    pieces.extend(after);
    render_stack(frame, area, pieces);
}

/// The timer as on the facilitator's screen: counting down, the warning colour in the last
/// minute, the overrun as `+m:ss`, and a pause marked.
fn timer<'a>(
    s: &Session,
    t: &Texts,
    theme: &Theme,
    now: DateTime<FixedOffset>,
    height: u16,
) -> Option<Piece<'a>> {
    let r = remaining(s, now)?;
    let style = theme.countdown(r, theme.timer);
    // The pause, and the warning colour said in a word too.
    let mut flags = Vec::new();
    if s.session.paused {
        flags.push(Span::styled(format!(" ⏸ {} ", t.paused), theme.paused));
    }
    if let Some(alert) = r.alert() {
        if !flags.is_empty() {
            flags.push(Span::raw("  "));
        }
        flags.push(Span::styled(parts::alert_flag(t, alert), style));
    }
    let flag = (!flags.is_empty()).then(|| Line::from(flags));
    let (size, h) = match height {
        8.. => (PixelSize::Full, 8),
        4..=7 => (PixelSize::HalfHeight, 4),
        _ => (PixelSize::Full, 1),
    };
    Some(Piece::Timer(vec![r.display()], size, h, style, flag))
}

/// Whether the timer has a line of flags under it: paused, in its last minute, or over.
fn has_timer_flag(s: &Session, now: DateTime<FixedOffset>) -> bool {
    s.session.paused || remaining(s, now).is_some_and(|r| r.alert().is_some())
}

/// The group's notes, when the facilitator shows them to the room.
fn notes<'a>(s: &Session, t: &Texts, theme: &Theme, width: u16, height: u16) -> Option<Piece<'a>> {
    if !s.session.room_notes {
        return None;
    }
    let step = s.steps.get(s.session.current_step)?;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Line::styled(format!(" {} ", t.notes), theme.heading))
        .style(theme.base);
    let inner = width.min(COLUMN + 4).saturating_sub(2);
    let l = wrap_lines(&step.notes, inner)
        .into_iter()
        .map(|l| Line::styled(l, theme.base))
        .collect::<Vec<_>>();
    Some(Piece::Notes(block, l, height))
}

fn prompt(
    s: &Session,
    t: &Texts,
    theme: &Theme,
    now: DateTime<FixedOffset>,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(step) = s.steps.get(s.session.current_step) else {
        return;
    };
    let head = Piece::Lines(vec![Line::styled(
        step_name(s, s.session.current_step, t),
        theme.accent,
    )]);
    let notes_height = if s.session.room_notes {
        (area.height / 3).clamp(5, 14)
    } else {
        0
    };
    // A round's speaker and a phase: what the room needs to know whose turn it is.
    let turns = turn_lines(s, t, theme, now);
    let flag = u16::from(has_timer_flag(s, now)) + turns.len() as u16;
    // The question in the largest letters that leave a big timer; else smaller, else plain.
    let mut choice = None;
    'sizes: for (i, _) in big::SIZES.iter().enumerate() {
        for timer_h in [8, 4] {
            let room = area.height.saturating_sub(
                1 + 1 + 1 + timer_h + flag + notes_height + u16::from(notes_height > 0),
            );
            if let q @ Piece::Big(..) = largest_exact(&step.text, area.width, room, theme.quote, i)
            {
                choice = Some((q, timer_h));
                break 'sizes;
            }
        }
    }
    let (question, timer_h) = choice.unwrap_or_else(|| {
        let timer_h = if area.height >= 30 {
            8
        } else if area.height >= 18 {
            4
        } else {
            1
        };
        let room = area.height.saturating_sub(
            1 + 1 + 1 + timer_h + flag + notes_height + u16::from(notes_height > 0),
        );
        (
            largest(&step.text, area.width, room, theme.quote, 2),
            timer_h,
        )
    });
    let mut pieces = vec![head, Piece::Gap(1), question, Piece::Gap(1)];
    if !turns.is_empty() {
        pieces.push(Piece::Lines(turns));
    }
    pieces.extend(timer(s, t, theme, now, timer_h));
    if let Some(n) = notes(s, t, theme, area.width, notes_height) {
        pieces.push(Piece::Gap(1));
        pieces.push(n);
    }
    render_stack(frame, area, pieces);
}

/// Who speaks now and who is next in a round, and the current phase, each with its countdown.
fn turn_lines<'a>(
    s: &Session,
    t: &Texts,
    theme: &Theme,
    now: DateTime<FixedOffset>,
) -> Vec<Line<'a>> {
    let Some(step) = s.steps.get(s.session.current_step) else {
        return Vec::new();
    };
    let at = super::elapsed(s, now);
    let mut out = Vec::new();
    if let Some(r) = &step.round {
        match (r.speaker(), step.turn_remaining(at)) {
            (Some(name), Some(left)) => {
                let mut now_line = format!("▶ {}: {name}  {}", t.round_now, left.display());
                if left.is_over() {
                    now_line.push_str(&format!(" · {}", t.round_time_up));
                }
                let next = crate::ui::round::next_words(r, t, None);
                let one = format!("{now_line}   · {next}");
                // Whole names: who is next goes on a line of its own when both do not fit.
                if one.width() <= usize::from(COLUMN) {
                    out.push(Line::styled(one, theme.heading));
                } else {
                    out.push(Line::styled(now_line, theme.heading));
                    out.push(Line::styled(next, theme.heading));
                }
            }
            _ => out.push(Line::styled(t.round_open, theme.heading)),
        }
    }
    if let Some((i, left)) = step.phase_remaining(at) {
        let p = &step.phases[i];
        out.push(Line::styled(
            format!(
                "{}: {}  {}",
                fill(t.phase_of, [&(i + 1), &step.phases.len()]),
                p.label,
                left.display()
            ),
            theme.heading,
        ));
    }
    out.into_iter()
        .map(|l| l.alignment(Alignment::Center))
        .collect()
}

/// Big letters at exactly size `i`, or plain text when they do not fit.
fn largest_exact<'a>(text: &str, width: u16, height: u16, style: Style, i: usize) -> Piece<'a> {
    let (size, lw, lh) = big::SIZES[i];
    let l = big::wrap(text, width, lw);
    if !l.is_empty() && l.len() as u16 * lh <= height {
        Piece::Big(l, size, lh, style)
    } else {
        Piece::Lines(Vec::new())
    }
}

fn video(
    s: &Session,
    t: &Texts,
    theme: &Theme,
    now: DateTime<FixedOffset>,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(step) = s.steps.get(s.session.current_step) else {
        return;
    };
    let url = step.url.as_deref().filter(|u| !u.trim().is_empty());
    let mut pieces = Vec::new();
    // In a meeting of several, the video starts its episode's part: which one.
    if s.session.is_series() {
        let e = s.episode_of_step(s.session.current_step);
        pieces.push(Piece::Lines(lines(
            &format!("{} · {}", fill(t.episode_number, [&e.number]), e.title),
            area.width,
            theme.heading,
        )));
    }
    pieces.push(Piece::Lines(vec![Line::styled(t.video_watch, theme.quote)]));
    // Where the facilitator finds a video without an address is not the room's business.
    if let Some(u) = url {
        pieces.push(Piece::Lines(
            wrap_url(u, area.width.min(COLUMN))
                .into_iter()
                .map(|l| Line::styled(l, theme.accent))
                .collect(),
        ));
    }
    // The facilitator opened it (F5): the room knows to look at the other screen or window.
    if step.playing {
        pieces.push(Piece::Gap(1));
        pieces.push(Piece::Lines(lines(
            &format!("▶ {}", t.paper.room_playing),
            area.width,
            theme.heading,
        )));
    }
    let code = url
        .and_then(qr::Code::new)
        .filter(|c| c.size().0 <= area.width);
    let mut timer_h = [8, 4, 1].into_iter().find(|h| {
        height_of(&pieces)
            + 1
            + h
            + u16::from(has_timer_flag(s, now))
            + code.as_ref().map_or(0, |c| c.size().1 + 2)
            <= area.height
    });
    let code = match (code, timer_h) {
        (Some(c), Some(_)) => Some(c),
        _ => {
            timer_h = Some(if area.height >= 24 { 8 } else { 4 });
            None
        }
    };
    if let Some(c) = code {
        pieces.push(Piece::Gap(1));
        pieces.push(Piece::Qr(c, *theme));
        pieces.push(Piece::Lines(lines(t.video_scan, area.width, theme.dim)));
    }
    pieces.push(Piece::Gap(1));
    pieces.extend(timer(s, t, theme, now, timer_h.unwrap_or(1)));
    render_stack(frame, area, pieces);
}

fn summary(s: &Session, t: &Texts, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut rows = Vec::new();
    let (mut planned, mut actual) = (0u64, 0u64);
    for (i, st) in s.steps.iter().enumerate() {
        planned += st.planned_seconds;
        actual += st.elapsed_seconds;
        rows.push(Row::new(vec![
            Cell::from(step_name(s, i, t)),
            Cell::from(if st.is_planned() {
                minutes_seconds(Duration::from_secs(st.planned_seconds))
            } else {
                "–".into()
            }),
            Cell::from(minutes_seconds(Duration::from_secs(st.elapsed_seconds))),
        ]));
    }
    rows.push(
        Row::new(vec![
            Cell::from(t.total),
            Cell::from(minutes_seconds(Duration::from_secs(planned))),
            Cell::from(minutes_seconds(Duration::from_secs(actual))),
        ])
        .style(theme.heading),
    );
    let height = rows.len() as u16 + 1;
    let table = Table::new(
        rows,
        [
            Constraint::Length(16),
            Constraint::Length(10),
            Constraint::Length(10),
        ],
    )
    .header(Row::new(vec!["", t.planned, t.actual]).style(theme.accent))
    .style(theme.base);
    let mut head = lines(t.step_summary, area.width, theme.heading);
    head.push(Line::default());
    head.extend(lines(
        t.session_finished_for(s.session.audience),
        area.width,
        theme.quote,
    ));
    let pieces = vec![
        Piece::Lines(head),
        Piece::Gap(1),
        Piece::Table(Box::new(table), 36, height),
    ];
    render_stack(frame, area, pieces);
}
