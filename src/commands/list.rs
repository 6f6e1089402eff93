//! `voer list`: the episodes at a glance.
use std::process::ExitCode;

use super::{Context, print};
use crate::{
    episode::{Audience, Library},
    error::UserError,
    i18n::Texts,
    lang::Lang,
};

pub fn exec(cx: &Context) -> Result<ExitCode, UserError> {
    print(&render(&cx.library()?, cx.lang, cx.t));
    Ok(ExitCode::SUCCESS)
}

pub fn render(lib: &Library, lang: Lang, t: &Texts) -> String {
    let mut rows = vec![vec![
        t.col_number.to_string(),
        t.col_id.to_string(),
        t.col_title.to_string(),
        t.col_speaker.to_string(),
        t.col_minutes.to_string(),
    ]];
    for ep in lib.episodes() {
        let minutes: Vec<String> = Audience::ALL
            .iter()
            .map(|a| match ep.total_minutes(*a) {
                0 => "-".to_string(),
                m => m.to_string(),
            })
            .collect();
        rows.push(vec![
            format!("{:>2}", ep.number),
            ep.id.clone(),
            ep.title.get(lang).to_string(),
            ep.speaker.clone(),
            minutes.join("/"),
        ]);
    }
    super::table(&rows)
}
