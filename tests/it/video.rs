//! `F5` on the video step, in `update`: what it asks the loop to open, what the status line
//! says, and the session file's `playing` for the room screen. The opener itself is run in
//! `tests/pty/video.rs`, through a fake one on PATH.

use std::sync::Arc;

use crate::fixture::{drawn, fixed_now, model};
use voer::{
    app::{Effect, Model, Msg, VideoError, VideoTarget, clock::Now, update_run},
    episode::Audience,
    lang::Lang,
    platform::open::OpenError,
};

const VIDEO: usize = 1;
const PAGE: &str = "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/";

fn on_video(lang: Lang) -> (Model, Now) {
    let now = fixed_now();
    let mut m = model(Audience::Team, lang, now);
    update_run(&mut m, Msg::Next, now);
    (m, now)
}

fn opened(fx: &[Effect]) -> Vec<VideoTarget> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::OpenVideo(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

fn status(m: &Model) -> &str {
    m.status.as_ref().map_or("", |s| s.text.as_str())
}

#[test]
fn f5_opens_the_file_else_the_address_else_the_episodes_page() {
    // Episode 4 knows no address of its video: its page.
    let (mut m, now) = on_video(Lang::Nl);
    let fx = update_run(&mut m, Msg::OpenVideo, now);
    assert_eq!(opened(&fx), [VideoTarget::Page(PAGE.into())]);
    // An address of the video itself.
    m.session.steps[VIDEO].url = Some("https://example.org/jef.mp4".into());
    let fx = update_run(&mut m, Msg::OpenVideo, now);
    assert_eq!(
        opened(&fx),
        [VideoTarget::Video("https://example.org/jef.mp4".into())]
    );
    // A copy on this computer comes first.
    m.session.steps[VIDEO].file = Some("/home/anna/films/jef.mp4".into());
    let fx = update_run(&mut m, Msg::OpenVideo, now);
    assert_eq!(
        opened(&fx),
        [VideoTarget::File("/home/anna/films/jef.mp4".into())]
    );
}

#[test]
fn f5_opens_nothing_but_web_addresses_and_only_on_the_video_step() {
    let (mut m, now) = on_video(Lang::En);
    for url in ["file:///etc/passwd", "javascript:alert(1)", "--help"] {
        m.session.steps[VIDEO].url = Some(url.into());
        let fx = update_run(&mut m, Msg::OpenVideo, now);
        assert!(opened(&fx).is_empty(), "{url}");
        assert!(
            status(&m).contains("is not a web address"),
            "{}",
            status(&m)
        );
    }
    // Without an address or a page: say where the video may come from.
    m.session.steps[VIDEO].url = None;
    m.episode.url = None;
    let fx = update_run(&mut m, Msg::OpenVideo, now);
    assert!(opened(&fx).is_empty());
    assert!(status(&m).contains("--video FILE"), "{}", status(&m));
    update_run(&mut m, Msg::Next, now);
    m.status = None;
    let fx = update_run(&mut m, Msg::OpenVideo, now);
    assert!(
        opened(&fx).is_empty() && m.status.is_none(),
        "the quote has no video"
    );
}

#[test]
fn the_room_hears_the_video_plays_until_the_step_is_left_and_a_failure_is_told() {
    let (mut m, now) = on_video(Lang::Nl);
    let page = VideoTarget::Page(PAGE.into());
    let fx = update_run(&mut m, Msg::VideoOpened(page.clone(), Ok(())), now);
    assert!(m.session.steps[VIDEO].playing);
    let saved = fx
        .iter()
        .any(|e| matches!(e, Effect::Save(s, _) if s.steps[VIDEO].playing));
    assert!(saved, "the room reads it from the file at once");
    assert!(status(&m).starts_with("Geen webadres van de video; de pagina van de aflevering"));
    // The opener ended badly after all.
    let failed = Arc::new(VideoError::Open(OpenError::Exit("xdg-open", Some(4))));
    update_run(&mut m, Msg::VideoOpened(page.clone(), Err(failed)), now);
    assert!(!m.session.steps[VIDEO].playing);
    assert_eq!(
        status(&m),
        "De video openen lukte niet: xdg-open stopte met code 4"
    );
    update_run(&mut m, Msg::VideoOpened(page, Ok(())), now);
    let fx = update_run(&mut m, Msg::Next, now);
    assert!(!m.session.steps[VIDEO].playing, "the next step: it is over");
    assert!(
        fx.iter()
            .any(|e| matches!(e, Effect::Save(s, _) if !s.steps[VIDEO].playing))
    );
}

#[test]
fn the_room_screen_says_the_video_is_playing_while_it_is() {
    use ratatui::{Terminal, backend::TestBackend};
    use voer::{
        room::{Room, draw},
        ui::Theme,
    };
    for (lang, words) in [
        (Lang::Nl, "De video wordt afgespeeld"),
        (Lang::En, "The video is playing"),
    ] {
        let (mut m, now) = on_video(lang);
        let screen = |m: &Model| {
            let mut room = Room::new(lang, Theme::no_color());
            room.shown = Some(m.snapshot(now));
            let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
            term.draw(|f| draw::draw(&room, now.wall, f)).unwrap();
            format!("{}", term.backend())
        };
        assert!(!screen(&m).contains(words));
        update_run(
            &mut m,
            Msg::VideoOpened(VideoTarget::Page(PAGE.into()), Ok(())),
            now,
        );
        let text = screen(&m);
        assert!(text.contains(&format!("▶ {words}")), "{text}");
        insta::assert_snapshot!(format!("room_video_playing_{}_80x24", lang.code()), text);
    }
}

/// With a copy on this computer and no address, the console says where the copy is (F5 plays
/// it), not that the video has to be found; the room screen says neither.
#[test]
fn the_console_names_the_copy_on_this_computer_and_the_room_no_instruction() {
    let (mut m, now) = on_video(Lang::Nl);
    m.session.steps[VIDEO].url = None;
    let screen = drawn(&m, now, (100, 30));
    assert!(screen.contains("Geen webadres bekend"), "{screen}");
    m.session.steps[VIDEO].file = Some("/home/anna/films/jef.mp4".into());
    let screen = drawn(&m, now, (100, 30));
    assert!(
        screen.contains("De video staat op deze computer: /home/anna/films/jef.mp4."),
        "{screen}"
    );
    assert!(!screen.contains("Geen webadres bekend"), "{screen}");
}
