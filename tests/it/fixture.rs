//! The model the unit-level tests and benches start from: episode 4 for a client council,
//! at a fixed wall-clock time, so screens and saved files are the same on every run.

use chrono::{FixedOffset, TimeZone};
use voer::{
    app::{EpisodeView, Model, Msg, clock::Now, update_run},
    episode::{Audience, Library},
    lang::Lang,
    session::{Meta, Session},
};

/// 20 November 2026, 14:00 (+01:00), and the monotonic clock as it is now.
pub fn fixed_now() -> Now {
    Now {
        mono: std::time::Instant::now(),
        wall: FixedOffset::east_opt(3600)
            .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 20, 14, 0, 0).single())
            .expect("a valid fixed time"),
    }
}

/// A fresh run of episode 4 (Jef Mol) for `audience`, with a group and a facilitator.
pub fn model(audience: Audience, lang: Lang, now: Now) -> Model {
    model_of(session(audience, lang, now), now)
}

/// The session of [`model`], to change before making the model with [`model_of`].
pub fn session(audience: Audience, lang: Lang, now: Now) -> Session {
    let lib = Library::embedded();
    let ep = lib.find("jef-mol").expect("episode 4 is embedded");
    let meta = Meta {
        group: "Cliëntenraad De Linde".into(),
        facilitator: "Anna de Vries".into(),
        ..Default::default()
    };
    Session::new(ep, audience, &meta, lang, now.wall)
}

/// The model of a session of episode 4, as voer opens it.
pub fn model_of(session: Session, now: Now) -> Model {
    let lib = Library::embedded();
    let ep = lib.find("jef-mol").expect("episode 4 is embedded");
    let lang = session.session.language;
    let mut m = Model::new(
        session,
        "/home/anna/sessions/2026-11-20_1400_jef-mol_client-council_clientenraad-de-linde.toml"
            .into(),
        EpisodeView::new(ep, lang),
    );
    update_run(&mut m, Msg::Start, now);
    m
}

/// The run drawn at `w`×`h`, as the lines of text on the screen.
pub fn drawn(m: &Model, now: Now, (w, h): (u16, u16)) -> String {
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("a test terminal");
    term.draw(|f| voer::ui::draw_run(m, &voer::ui::Theme::calm(), now, f))
        .expect("drawn");
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}
