//! The content of the current step: opening, quote, or a timed prompt with timer and notes.
use ratatui::{
    Frame,
    layout::{Alignment, Constraint, Flex, Layout, Rect},
    style::Modifier,
    text::{Line, Span},
    widgets::Paragraph,
};
use unicode_width::UnicodeWidthStr;

use super::{
    Theme, notes,
    parts::{wrap_lines, wrap_url},
    qr, timer,
};
use crate::{
    app::{Mode, Model, clock::Now},
    session::{StepKind, step_label},
};

pub fn draw(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let Some(step) = m.current() else { return };
    match step.kind {
        StepKind::Opening => opening(m, theme, now, frame, area),
        StepKind::Video => video(m, theme, now, frame, area),
        StepKind::Quote => quote(m, theme, frame, area),
        StepKind::Prompt | StepKind::Closing => prompt(m, theme, now, frame, area),
    }
}

/// Whether the notes panel shows on an untimed step: only when it has notes or is being typed in.
fn untimed_notes_visible(m: &Model) -> bool {
    !m.notes_hidden
        && (m.mode == Mode::Typing || m.notes.get(m.step).is_some_and(|n| !n.is_empty()))
}

/// The speaker and the role on one line where they fit, else the role under the speaker.
fn speaker_lines(
    e: &crate::app::EpisodeView,
    theme: &Theme,
    width: u16,
    indent: &str,
) -> Vec<Line<'static>> {
    let role = format!(", {}", e.role);
    let speaker = format!("{indent}{}", e.speaker);
    if speaker.width() + role.width() <= usize::from(width) {
        return vec![Line::from(vec![
            Span::styled(speaker, theme.quote),
            Span::styled(role, theme.base),
        ])];
    }
    let mut lines = vec![Line::styled(speaker, theme.quote)];
    for l in wrap_lines(&e.role, width.saturating_sub(indent.width() as u16)) {
        lines.push(Line::styled(format!("{indent}{l}"), theme.base));
    }
    lines
}

fn opening(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let t = m.texts();
    let e = &m.episode;
    let info = &m.session.session;
    let (content, notes_area) = split_notes(area, untimed_notes_visible(m));
    let width = content.width;
    let mut lines = vec![Line::default()];
    if m.is_series() {
        // A meeting of several: every episode, in order, with its speaker.
        let all: Vec<&crate::app::EpisodeView> =
            std::iter::once(e).chain(&m.more_episodes).collect();
        let numbers: Vec<String> = all.iter().map(|e| e.number.to_string()).collect();
        lines.push(Line::styled(
            format!("{} {}", t.series.episodes_label, numbers.join(", ")),
            theme.accent,
        ));
        for e in all {
            for l in wrap_lines(&format!("{} · {}", e.number, e.title), width) {
                lines.push(Line::styled(l, theme.heading));
            }
            lines.extend(speaker_lines(e, theme, width, "    "));
        }
    } else {
        lines.push(Line::styled(
            crate::i18n::fill(m.texts().episode_number, [&e.number]),
            theme.accent,
        ));
        for l in wrap_lines(&e.title, width) {
            lines.push(Line::styled(l, theme.heading));
        }
        lines.push(Line::default());
        lines.extend(speaker_lines(e, theme, width, ""));
    }
    let mut who = Vec::new();
    if !info.group.is_empty() {
        who.push(format!("{}: {}", t.group, info.group));
    }
    if !info.facilitator.is_empty() {
        who.push(format!("{}: {}", t.facilitator, info.facilitator));
    }
    if !who.is_empty() {
        for l in wrap_lines(&who.join(" · "), width) {
            lines.push(Line::styled(l, theme.dim));
        }
    }
    lines.push(Line::default());
    // What the group agreed last time, and a council's questions to answer, come before the
    // episode's context (a meeting of several has its episodes above instead).
    lines.extend(super::actions::earlier_lines(m, theme, now, width));
    lines.extend(super::actions::council_lines(m, theme, now, width));
    if !m.is_series() {
        for l in wrap_lines(&e.context, width) {
            lines.push(Line::styled(l, theme.base));
        }
    }
    if let Some(url) = e.url.as_ref().filter(|_| !m.is_series()) {
        lines.push(Line::default());
        for l in wrap_lines(url, width) {
            lines.push(Line::styled(l, theme.dim));
        }
    }
    lines.push(Line::default());
    if m.reopened_finished {
        lines.push(Line::styled(t.reopened_finished, theme.accent));
    }
    let tip = tip_lines(m, width);
    if !tip.is_empty() {
        lines.extend(tip.into_iter().map(|l| Line::styled(l, tip_style(theme))));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), content);
    if let Some(n) = notes_area {
        notes::draw(m, theme, frame, n);
    }
}

fn quote(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (content, notes_area) = split_notes(area, untimed_notes_visible(m));
    // Generous margins: a quote reads best in a narrow column.
    // A quote reads best in a narrow column: at most about 64 characters a line.
    let column = (content.width.saturating_sub(content.width / 4)).clamp(20.min(content.width), 64);
    let [inner] = Layout::horizontal([Constraint::Length(column)])
        .flex(Flex::Center)
        .areas(content);
    let step = m.current();
    let text = step.map(|s| s.text.as_str()).unwrap_or_default();
    // The speaker's own words stand first; a translation goes under them, marked as one.
    let original = step.and_then(|s| s.original.as_deref());
    let quoted = format!("“{}”", original.unwrap_or(text));
    let mut lines: Vec<Line> = wrap_lines(&quoted, inner.width)
        .into_iter()
        .map(|l| Line::styled(l, theme.quote))
        .collect();
    lines.push(Line::default());
    if original.is_some() {
        let translation = format!("{}: “{text}”", m.texts().translation);
        for l in wrap_lines(&translation, inner.width) {
            lines.push(Line::styled(l, theme.dim.add_modifier(Modifier::ITALIC)));
        }
        lines.push(Line::default());
    }
    let e = m.episode_at(m.step);
    let who = if e.role.is_empty() {
        format!("— {}", e.speaker)
    } else {
        format!("— {}, {}", e.speaker, e.role)
    };
    for l in wrap_lines(&who, inner.width) {
        lines.push(Line::styled(l, theme.accent));
    }
    let tip = tip_lines(m, inner.width);
    if !tip.is_empty() {
        lines.push(Line::default());
        lines.extend(tip.into_iter().map(|l| Line::styled(l, tip_style(theme))));
    }
    let height = (lines.len() as u16).min(inner.height);
    let [mid] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(inner);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .style(theme.base),
        mid,
    );
    if let Some(n) = notes_area {
        notes::draw(m, theme, frame, n);
    }
}

/// The current step's tip for the facilitator, wrapped, when tips are shown.
fn tip_lines(m: &Model, width: u16) -> Vec<String> {
    m.current()
        .and_then(|s| s.tip.as_ref())
        .filter(|_| m.shows_tips())
        .map(|tip| wrap_lines(&format!("{}: {tip}", m.texts().tip), width))
        .unwrap_or_default()
}

fn tip_style(theme: &Theme) -> ratatui::style::Style {
    theme.dim.add_modifier(Modifier::ITALIC)
}

/// Splits off the lower part of the area for the notes panel, when it shows.
fn split_notes(area: Rect, show: bool) -> (Rect, Option<Rect>) {
    if !show || area.height < 8 {
        return (area, None);
    }
    let notes_height = (area.height * 2 / 5).max(4);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(notes_height)]).areas(area);
    (top, Some(bottom))
}

/// The video step: its link, a QR code of it when there is room, the timer and the notes.
/// The address and the code come before an empty notes panel: the panel shows once there are
/// notes or they are being typed. Where the code cannot stand whole, a line says where it is.
fn video(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    /// The text beside the code needs at least this many columns.
    const TEXT_BESIDE: u16 = 24;
    let t = m.texts();
    let url = m.video_url();
    let code = url.and_then(qr::Code::new);
    // The code stands to the right of the text, at full size or not at all.
    let beside = code.as_ref().filter(|c| {
        let (w, h) = c.size();
        area.width >= w + 2 + TEXT_BESIDE && area.height >= h
    });
    let (text_area, code_area) = match beside {
        Some(c) => {
            let (w, h) = c.size();
            let [left, _, right] = Layout::horizontal([
                Constraint::Min(0),
                Constraint::Length(2),
                Constraint::Length(w),
            ])
            .areas(area);
            let [code_area] = Layout::vertical([Constraint::Length(h)])
                .flex(Flex::Center)
                .areas(right);
            (left, Some(code_area))
        }
        None => (area, None),
    };
    let width = text_area.width;
    let mut body = Vec::new();
    // In a meeting of several, the video starts its episode's part: which one.
    if m.is_series() {
        let e = m.episode_at(m.step);
        let title = format!(
            "{} · {}",
            crate::i18n::fill(t.episode_number, [&e.number]),
            e.title
        );
        for l in wrap_lines(&title, width) {
            body.push(Line::styled(l, theme.heading));
        }
    }
    body.push(Line::styled(t.video_watch, theme.quote));
    match url {
        Some(url) => {
            for l in wrap_url(url, width) {
                body.push(Line::styled(l, theme.accent));
            }
        }
        None => {
            // A copy on this computer (`--video`, `[video] file`) is what F5 plays.
            let file = m.current().and_then(|s| s.file.as_deref());
            let said = match file {
                Some(f) => crate::i18n::fill(t.video_local_copy, [&crate::printable::one_line(f)]),
                None => t.video_no_url.to_string(),
            };
            for l in wrap_lines(&said, width) {
                body.push(Line::styled(l, theme.base));
            }
        }
    }
    if code.is_some() && code_area.is_none() {
        for l in wrap_lines(t.video_code_elsewhere, width) {
            body.push(Line::styled(l, theme.dim));
        }
    }
    let mut hint = if code_area.is_some() {
        wrap_lines(t.video_scan, width)
    } else {
        Vec::new()
    };
    hint.extend(tip_lines(m, width));
    let notes = untimed_notes_visible(m);
    let content = Content {
        text: body,
        tip: hint,
        notes,
    };
    timed(m, theme, now, frame, text_area, content);
    if let (Some(c), Some(code_area)) = (beside, code_area) {
        c.draw(theme, frame.buffer_mut(), code_area);
    }
}

fn prompt(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect) {
    let Some(step) = m.current() else { return };
    let t = m.texts();
    let width = area.width;
    let mut body: Vec<Line<'static>> = wrap_lines(&step.text, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.quote))
        .collect();
    let extra = super::round::lines(m, theme, now, width);
    if !extra.is_empty() {
        body.push(Line::raw(""));
        body.extend(extra);
    }
    let mut tip_lines = tip_lines(m, width);
    // With a room screen following, this screen is the console: it also shows what comes next.
    if m.room_following
        && let Some(next) = m.session.steps.get(m.step + 1)
    {
        tip_lines.extend(wrap_lines(
            &format!("{}: {}", t.next_step, next.text),
            width,
        ));
    }
    let content = Content {
        text: body,
        tip: tip_lines,
        notes: !m.notes_hidden,
    };
    timed(m, theme, now, frame, area, content);
}

/// What a timed step shows under its label.
struct Content {
    /// The question or the address: kept whole as far as the screen allows.
    text: Vec<Line<'static>>,
    /// Lines that give way when space is short (the tip).
    tip: Vec<String>,
    /// Whether the notes panel shows.
    notes: bool,
}

/// A timed step: its label, the content, the timer and the notes.
fn timed(m: &Model, theme: &Theme, now: Now, frame: &mut Frame, area: Rect, content: Content) {
    let Content {
        text: text_lines,
        tip: tip_lines,
        notes: show_notes,
    } = content;
    let Some(step) = m.current() else { return };
    let t = m.texts();
    let label = format!(
        "{} · {} {}",
        step_label(&m.session.steps, m.step, t),
        step.planned_seconds / 60,
        t.minutes_short
    );
    let timer_height = timer::height(area, show_notes);
    // The question gets the room it needs, but leaves the timer and a few note lines.
    let reserved = timer_height + if show_notes { 5 } else { 0 } + 1;
    let text_height = (text_lines.len() as u16).min(area.height.saturating_sub(reserved).max(1));
    let tip_height = if area.height > reserved + text_height + tip_lines.len() as u16 {
        tip_lines.len() as u16
    } else {
        0
    };
    // On a large screen (a projector) the question and timer stand centred in the upper part
    // and the notes take at most 40 %; with the notes hidden, they stand in the middle.
    let large = area.height >= 30;
    let gap = u16::from(large);
    let top_height = 1 + gap + text_height + tip_height + gap + timer_height;
    let (upper, notes_area) = if !show_notes {
        (area, None)
    } else if large {
        let notes_height = (area.height * 2 / 5).max(area.height.saturating_sub(top_height + 2));
        let [upper, notes] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(notes_height.min(area.height * 3 / 5)),
        ])
        .areas(area);
        (upper, Some(notes))
    } else {
        let [upper, notes] =
            Layout::vertical([Constraint::Length(top_height), Constraint::Min(3)]).areas(area);
        (upper, Some(notes))
    };
    let [block] = Layout::vertical([Constraint::Length(top_height.min(upper.height))])
        .flex(if large || !show_notes {
            Flex::Center
        } else {
            Flex::Start
        })
        .areas(upper);
    let [label_area, _, text_area, tip_area, _, timer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(text_height),
        Constraint::Length(tip_height),
        Constraint::Length(gap),
        Constraint::Length(timer_height),
    ])
    .areas(block);
    frame.render_widget(
        Paragraph::new(Line::styled(label, theme.accent)).style(theme.base),
        label_area,
    );
    frame.render_widget(Paragraph::new(text_lines).style(theme.base), text_area);
    let tip = tip_lines
        .into_iter()
        .map(|l| Line::styled(l, tip_style(theme)))
        .collect::<Vec<_>>();
    frame.render_widget(Paragraph::new(tip).style(theme.base), tip_area);
    timer::draw(m, theme, now, frame, timer_area);
    if let Some(notes_area) = notes_area {
        notes::draw(m, theme, frame, notes_area);
    }
}
