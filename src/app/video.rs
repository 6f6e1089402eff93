//! What `F5` opens on the video step (the video's address, else the episode's page; a copy on
//! this computer first when there is one), and why it may not open. The loop hands the target
//! to the system's opener (`platform::open`) off the UI thread.
use std::path::PathBuf;

use crate::{
    i18n::{self, Localize, fill, os_reason},
    lang::Lang,
    platform::open::OpenError,
};

/// What `F5` opens, and with what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VideoTarget {
    /// The video's own web address, in the browser.
    Video(String),
    /// The episode's page (no address of the video is known), in the browser.
    Page(String),
    /// A copy of the video on this computer (an absolute path), in the player.
    File(String),
}

impl VideoTarget {
    /// The address or path handed to the system's opener.
    pub fn address(&self) -> &str {
        match self {
            VideoTarget::Video(a) | VideoTarget::Page(a) | VideoTarget::File(a) => a,
        }
    }

    /// The status line while it opens: which of the three it is.
    pub fn opening(&self, lang: Lang) -> String {
        let p = i18n::texts(lang).paper;
        let template = match self {
            VideoTarget::Video(_) => p.opening_url,
            VideoTarget::Page(_) => p.opening_page,
            VideoTarget::File(_) => p.opening_file,
        };
        fill(template, [&self.address()])
    }
}

/// Why the video did not open.
#[derive(Debug)]
pub enum VideoError {
    /// The video file is not there (any more).
    FileGone(PathBuf),
    /// The system's opener could not open it.
    Open(OpenError),
}

impl Localize for VideoError {
    fn render(&self, lang: Lang) -> String {
        let p = i18n::texts(lang).paper;
        match self {
            VideoError::FileGone(path) => fill(p.file_gone, [&path.display()]),
            VideoError::Open(OpenError::NoOpener(program)) => fill(p.no_opener, [program]),
            VideoError::Open(OpenError::Start(program, e)) => {
                fill(p.opener_start, [program, &os_reason(e, lang)])
            }
            VideoError::Open(OpenError::Exit(program, Some(code))) => {
                fill(p.opener_exit, [program, code])
            }
            VideoError::Open(OpenError::Exit(program, None)) => fill(p.opener_stopped, [program]),
            VideoError::Open(OpenError::Windows(code)) => fill(p.opener_windows, [code]),
        }
    }
}

i18n::english_display!(VideoError);
