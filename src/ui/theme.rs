//! Colours for a calm screen, a projector, or none at all (`NO_COLOR`).
use ratatui::style::{Color, Modifier, Style};

/// Colours for a calm screen, a projector, or none at all (`NO_COLOR`).
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub accent: Style,
    pub heading: Style,
    pub quote: Style,
    pub timer: Style,
    pub timer_warning: Style,
    pub timer_over: Style,
    pub paused: Style,
    pub current: Style,
    pub done: Style,
    pub keybar: Style,
    pub key: Style,
    pub error: Style,
    /// An open action whose date has passed (with "TE LAAT" beside it).
    pub late: Style,
    pub border: Style,
    pub border_active: Style,
    /// The colours of a QR code's dark and light modules; `None`: drawn with the text colour.
    pub qr: Option<(Color, Color)>,
}

impl Theme {
    /// The style of a countdown: `normal`, the warning colour in the last minute, then the
    /// overrun colour.
    pub fn countdown(&self, left: crate::session::countdown::Remaining, normal: Style) -> Style {
        if left.is_over() {
            self.timer_over
        } else if left.is_last_minute() {
            self.timer_warning
        } else {
            normal
        }
    }

    pub fn calm() -> Theme {
        let base = Style::default();
        Theme {
            base,
            dim: Style::default().fg(Color::Gray),
            accent: Style::default().fg(Color::Cyan),
            heading: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            quote: Style::default()
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            timer: Style::default().fg(Color::Green),
            timer_warning: Style::default().fg(Color::Yellow),
            timer_over: Style::default().fg(Color::LightRed),
            paused: Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            current: Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            done: Style::default().fg(Color::Gray),
            keybar: Style::default().fg(Color::White).bg(Color::DarkGray),
            key: Style::default()
                .fg(Color::Yellow)
                .bg(Color::DarkGray)
                .add_modifier(Modifier::BOLD),
            error: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            late: Style::default().fg(Color::LightRed),
            border: Style::default().fg(Color::DarkGray),
            border_active: Style::default().fg(Color::Yellow),
            qr: Some((Color::Black, Color::White)),
        }
    }

    /// Black on white, bold where it matters: reads best on a washed-out projector.
    pub fn projector() -> Theme {
        let base = Style::default().fg(Color::Black).bg(Color::White);
        Theme {
            base,
            dim: base,
            accent: base.fg(Color::Blue),
            heading: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            quote: base.add_modifier(Modifier::BOLD),
            timer: base.fg(Color::Black),
            timer_warning: base.fg(Color::Rgb(170, 85, 0)),
            timer_over: base.fg(Color::Red),
            paused: Style::default()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
            current: Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            done: base,
            keybar: Style::default().fg(Color::White).bg(Color::Black),
            key: Style::default()
                .fg(Color::Yellow)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
            error: Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            late: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            border: base,
            border_active: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            qr: Some((Color::Black, Color::White)),
        }
    }

    /// No colours at all: structure from bold and reverse video only.
    pub fn no_color() -> Theme {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let rev = plain.add_modifier(Modifier::REVERSED);
        Theme {
            base: plain,
            dim: plain,
            accent: plain,
            heading: bold,
            quote: bold,
            timer: plain,
            timer_warning: bold,
            timer_over: bold,
            paused: rev.add_modifier(Modifier::BOLD),
            current: rev,
            done: plain,
            keybar: rev,
            key: rev.add_modifier(Modifier::BOLD),
            error: rev.add_modifier(Modifier::BOLD),
            late: bold,
            border: plain,
            border_active: bold,
            qr: None,
        }
    }

    /// The theme for the flags and environment: `NO_COLOR` wins over `--projector`.
    pub fn choose(projector: bool, no_color: bool) -> Theme {
        match (no_color, projector) {
            (true, _) => Theme::no_color(),
            (false, true) => Theme::projector(),
            (false, false) => Theme::calm(),
        }
    }
}
