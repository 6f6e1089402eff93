//! `F5` on the video step: the video opens with the system's opener (an effect the loop carries
//! out off the UI thread); the status line says what opened, the room screen that it plays.
use super::time::{STATUS_FOR, save_at_once};
use crate::{
    app::{
        clock::Now,
        model::{Model, StatusLine},
        msg::{Effect, Msg},
        video::VideoTarget,
    },
    i18n::{Localize, fill},
    session::StepKind,
};

pub(super) fn update(m: &mut Model, msg: Msg, now: Now, fx: &mut Vec<Effect>) {
    match msg {
        Msg::OpenVideo if m.current().is_some_and(|s| s.kind == StepKind::Video) => {
            match target(m) {
                Ok(target) => fx.push(Effect::OpenVideo(target)),
                Err(why) => m.status = Some(StatusLine::new(why, now.mono + STATUS_FOR)),
            }
        }
        Msg::VideoOpened(target, result) => {
            let playing = result.is_ok();
            let said = match result {
                Ok(()) => target.opening(m.lang),
                Err(e) => fill(m.texts().paper.open_failed, [&e.render(m.lang)]),
            };
            m.status = Some(StatusLine::new(said, now.mono + STATUS_FOR));
            // The room screen hears of it from the file, while the video step is still on.
            let step = m.step;
            if let Some(s) = m
                .session
                .steps
                .get_mut(step)
                .filter(|s| s.kind == StepKind::Video)
                && s.playing != playing
            {
                s.playing = playing;
                save_at_once(m, now, fx);
            }
        }
        _ => {}
    }
}

/// What `F5` opens: the copy on this computer, else the video's address, else the episode's
/// page; or what to say when there is none. Only web addresses go to the browser.
fn target(m: &Model) -> Result<VideoTarget, String> {
    let p = m.texts().paper;
    let present = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
    let step = m.current();
    if let Some(file) = step.and_then(|s| present(&s.file)) {
        return Ok(VideoTarget::File(file));
    }
    // In a meeting of several, the page of this video's own episode.
    let page = present(&m.episode_at(m.step).url);
    let target = match step.and_then(|s| present(&s.url)) {
        Some(url) if Some(&url) == page.as_ref() => VideoTarget::Page(url),
        Some(url) => VideoTarget::Video(url),
        None => VideoTarget::Page(page.ok_or_else(|| p.nothing_to_open.to_string())?),
    };
    let address = target.address().trim().to_ascii_lowercase();
    if address.starts_with("https://") || address.starts_with("http://") {
        Ok(target)
    } else {
        Err(fill(p.open_failed, [&fill(p.not_web, [&target.address()])]))
    }
}
