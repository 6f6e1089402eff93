//! `voer room` (`voer zaal`): the room screen, for the projector. The folder or file is checked
//! before the screen opens; the loop itself is `crate::room::run`.
use std::path::{Path, PathBuf};

use super::UserError;
use crate::{
    lang::Lang,
    room::{self, Room, follow},
    session::store,
    tui::{self, Screen},
    ui::Theme,
};

pub struct RoomOptions {
    pub file: Option<PathBuf>,
    pub sessions_dir: PathBuf,
    pub lang: Lang,
    pub projector: bool,
}

pub fn run(opts: RoomOptions) -> Result<(), UserError> {
    let file = opts
        .file
        .as_ref()
        .map(|f| std::path::absolute(f).unwrap_or_else(|_| f.clone()));
    let dir = match &file {
        Some(f) => f
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => opts.sessions_dir.clone(),
    };
    follow::check_dir(&dir)?;
    // A file the room cannot show (from a newer voer, not a session, a pipe) is said now,
    // rather than shown as "waiting" without a reason; one still to be made is waited for.
    if let Some(f) = &file {
        match store::load(f) {
            Err(e) if !e.is_not_found() => return Err(e.into()),
            _ => {}
        }
    }
    // A room screen drawn into a file shows no one anything.
    super::need_terminal("room")?;
    let room = Room::new(opts.lang, Theme::choose(opts.projector, tui::no_color()));
    let mut screen = Screen::open()?;
    room::run::run(&mut screen, room, &dir, file);
    drop(screen);
    Ok(())
}
