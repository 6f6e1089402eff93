//! The picker screen: the episode (or several), the audience, the group name.
use ratatui::{
    Frame,
    layout::{Constraint, Layout, Margin, Rect},
    style::Style,
    text::{Line, Span},
    widgets::{Block, Borders, List, ListItem, ListState, Paragraph},
};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::{
    app::picker::{Field, Picker, Stage},
    episode::Audience,
    i18n::{self, Texts, fill},
};

pub fn draw(p: &Picker, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let t = i18n::texts(p.lang);
    frame.render_widget(Block::default().style(theme.base), area);
    if super::parts::is_too_small(area) {
        super::parts::too_small(t, theme, frame, area);
        return;
    }
    let [title, body, bar] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area.inner(Margin::new(2, 1)));
    let heading = match p.stage {
        Stage::Episode => t.pick_episode,
        Stage::Audience => t.pick_audience,
        Stage::Group => t.pick_group,
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("voer", theme.accent),
                Span::styled(t.picker_brand, theme.dim),
            ]),
            Line::styled(heading, theme.heading),
        ]),
        title,
    );
    let body = body.inner(Margin::new(0, 1));
    match p.stage {
        Stage::Episode => episodes(p, t, theme, frame, body),
        Stage::Audience => audiences(p, t, theme, frame, body),
        Stage::Group => group(p, t, theme, frame, body),
    }
    let keys = if p.stage == Stage::Group {
        t.pick_keys_field
    } else if p.stage == Stage::Episode {
        t.series.pick_keys_episodes
    } else if p.on_first_stage() {
        t.pick_keys_first
    } else {
        t.pick_keys
    };
    frame.render_widget(Paragraph::new(Line::styled(keys, theme.keybar)), bar);
}

/// The first question: which episode, with its speaker and minutes; Space chooses several, in
/// order, and the line under the list says which.
fn episodes(p: &Picker, t: &Texts, theme: &Theme, frame: &mut Frame, body: Rect) {
    let items: Vec<ListItem> = p
        .episodes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let minutes: Vec<u32> = e.audiences().iter().map(|a| e.total_minutes(*a)).collect();
            let minutes = span(&minutes);
            // Chosen for a meeting of several: its place in the meeting.
            let mark = match p.chosen.iter().position(|&c| c == i) {
                Some(at) => format!("[{}] ", at + 1),
                None if p.chosen.is_empty() => String::new(),
                None => "[ ] ".to_string(),
            };
            let indent = " ".repeat(4 + mark.width());
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(mark, theme.heading),
                    Span::styled(format!("{:>2}  ", e.number), theme.accent),
                    Span::styled(e.title.get(p.lang).to_string(), theme.heading),
                ]),
                Line::styled(
                    format!("{indent}{} · {minutes} {}", e.speaker, t.minutes_short),
                    theme.dim,
                ),
            ])
        })
        .collect();
    let [list_area, chosen_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(body);
    list(frame, list_area, items, p.episode, theme);
    if !p.chosen.is_empty() {
        // The whole meeting's minutes: for the audience the command line gave, else for each
        // audience the chosen episodes have.
        let minutes: Vec<u32> = match p.given_audience().filter(|a| p.audiences().contains(a)) {
            Some(a) => vec![p.minutes_for(a)],
            None => p.audiences().iter().map(|a| p.minutes_for(*a)).collect(),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                fill(t.series.pick_chosen, [&chosen_numbers(p), &span(&minutes)]),
                theme.accent,
            )),
            chosen_area,
        );
    }
}

/// "43–57", or "87" when all are the same: the fewest and the most minutes.
fn span(minutes: &[u32]) -> String {
    let lo = minutes.iter().min().copied().unwrap_or(0);
    let hi = minutes.iter().max().copied().unwrap_or(0);
    if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}–{hi}")
    }
}

/// "1, 4": the numbers of the meeting's episodes, in order.
fn chosen_numbers(p: &Picker) -> String {
    p.selected_episodes()
        .iter()
        .map(|e| e.number.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which group is in the room, with the minutes the episode takes for it.
/// With several episodes, the line above the list names them and the minutes are the whole
/// meeting's.
fn audiences(p: &Picker, t: &Texts, theme: &Theme, frame: &mut Frame, body: Rect) {
    let body = if p.selected_episodes().len() > 1 {
        let [head, _, rest] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(body);
        let names: Vec<String> = p
            .selected_episodes()
            .iter()
            .map(|e| format!("{} · {}", e.number, e.title.get(p.lang)))
            .collect();
        frame.render_widget(
            Paragraph::new(Line::styled(
                fill(t.series.pick_together, [&names.join(" + ")]),
                theme.accent,
            )),
            head,
        );
        rest
    } else {
        body
    };
    let items: Vec<ListItem> = p
        .audiences()
        .iter()
        .map(|a: &Audience| {
            let minutes = p.minutes_for(*a);
            let other = match p.lang {
                crate::lang::Lang::Nl => crate::lang::Lang::En,
                crate::lang::Lang::En => crate::lang::Lang::Nl,
            };
            ListItem::new(Line::from(vec![
                Span::styled(a.name(p.lang).to_string(), theme.heading),
                Span::styled(
                    format!(
                        "  ({} · {}) · {minutes} {}",
                        a.name(other),
                        a.id(),
                        t.minutes_short
                    ),
                    theme.dim,
                ),
            ]))
        })
        .collect();
    list(frame, body, items, p.audience, theme);
}

/// The group's name, and who leads the conversation, the participants (for speaking rounds)
/// and the end time; Tab moves between the fields.
fn group(p: &Picker, t: &Texts, theme: &Theme, frame: &mut Frame, body: Rect) {
    let [
        field,
        hint,
        label1,
        field1,
        label2,
        field2,
        label3,
        field3,
        error,
    ] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(body);
    let boxed = |frame: &mut Frame, area, ta, focused: bool| {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if focused {
                theme.border_active
            } else {
                theme.border
            });
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(ta, inner);
    };
    boxed(frame, field, &p.group, p.field == Field::GROUP);
    frame.render_widget(
        Paragraph::new(Line::styled(
            group_hint(t, p.selected_audience()),
            theme.dim,
        )),
        hint,
    );
    let label = |frame: &mut Frame, text: &'static str, area| {
        frame.render_widget(Paragraph::new(Line::styled(text, theme.heading)), area);
    };
    label(frame, t.pick_facilitator, label1);
    boxed(frame, field1, &p.facilitator, p.field == Field::FACILITATOR);
    label(frame, t.pick_participants, label2);
    boxed(
        frame,
        field2,
        &p.participants,
        p.field == Field::PARTICIPANTS,
    );
    label(frame, t.pick_until, label3);
    boxed(frame, field3, &p.until, p.field == Field::UNTIL);
    let under = if p.until_error {
        Line::styled(t.pick_until_bad, theme.error)
    } else {
        // What the end time is to fit: the plan as the episodes give it.
        let planned = p.selected_audience().map_or(0, |a| p.minutes_for(a));
        let said = match p.until_time() {
            Some(until) => fill(
                t.series.pick_plan_until,
                [&planned.to_string(), &until.format("%H:%M").to_string()],
            ),
            None => fill(t.series.pick_plan, [&planned]),
        };
        Line::styled(said, theme.dim)
    };
    frame.render_widget(Paragraph::new(under), error);
}

fn list(frame: &mut Frame, area: Rect, items: Vec<ListItem>, selected: usize, theme: &Theme) {
    let mut state = ListState::default().with_selected(Some(selected));
    let list = List::new(items)
        .highlight_style(Style::default().patch(theme.current))
        .highlight_symbol("▶ ")
        .style(theme.base);
    frame.render_stateful_widget(list, area, &mut state);
}

/// An example group name that fits the chosen audience.
fn group_hint(t: &Texts, audience: Option<crate::episode::Audience>) -> &'static str {
    let i = audience
        .and_then(|a| crate::episode::Audience::ALL.iter().position(|x| *x == a))
        .unwrap_or(0);
    t.pick_group_hint[i]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::Audience;

    #[test]
    fn the_group_example_fits_the_audience() {
        let t = i18n::texts(crate::lang::Lang::Nl);
        let hints: Vec<&str> = Audience::ALL
            .iter()
            .map(|a| group_hint(t, Some(*a)))
            .collect();
        assert!(hints[0].contains("Cliëntenraad"));
        assert!(hints[2].contains("Team"));
        assert!(hints[3].contains("Klas"));
        assert!(hints[4].contains("Familieraad"));
        assert!(hints[5].contains("Buurt"));
        assert!(hints[6].contains("Zorgkantoor"));
        let unique: std::collections::BTreeSet<&str> = hints.iter().copied().collect();
        assert_eq!(unique.len(), Audience::ALL.len());
    }
}
