//! The terminal: raw mode, the alternate screen and bracketed paste, given back when the
//! guard drops, on an error, and (through the panic hook) on a panic.
use std::{io, mem::ManuallyDrop};

use ratatui::{
    DefaultTerminal, Frame,
    crossterm::{
        event::{DisableBracketedPaste, EnableBracketedPaste},
        execute,
        terminal::{self, LeaveAlternateScreen},
    },
};

use crate::error::UserError;

/// The terminal in raw mode with bracketed paste; restored when dropped, also on error.
/// `ratatui::init` installs a panic hook that restores it on a panic.
pub struct Screen {
    /// Never dropped: its drop only shows the cursor, which `Screen::drop` does, and when the
    /// window was closed it would report the failure on stderr, which is gone too: a panic.
    terminal: ManuallyDrop<DefaultTerminal>,
}

impl Screen {
    pub fn open() -> Result<Screen, UserError> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // ratatui's hook leaves the screen and raw mode; the cursor and paste are ours.
            let _ = execute!(
                io::stdout(),
                DisableBracketedPaste,
                ratatui::crossterm::cursor::Show
            );
            hook(info);
        }));
        let terminal = ratatui::try_init().map_err(UserError::Terminal)?;
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(Screen {
            terminal: ManuallyDrop::new(terminal),
        })
    }

    pub fn draw(&mut self, f: impl FnOnce(&mut Frame)) -> Result<(), UserError> {
        self.terminal.draw(f).map(|_| ()).map_err(UserError::Draw)
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        // Step by step, errors ignored: after the window is closed there is nothing to restore,
        // and `ratatui::restore` would print to the closed stderr, which panics.
        // The screen is cleared before it is left: a terminal that kept the drawing on its main
        // screen (after a resize, or without an alternate screen) then shows none of it.
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            terminal::Clear(terminal::ClearType::All)
        );
        let _ = terminal::disable_raw_mode();
        let _ = execute!(io::stdout(), LeaveAlternateScreen);
        let _ = self.terminal.show_cursor();
    }
}
