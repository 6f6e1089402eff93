//! The HTML export in a real browser: headless Chromium prints it to PDF, and pdftotext must
//! find the notes in it, escaped markup shown as text. Without Chromium or pdftotext the test
//! is skipped, unless CI is set: there it must run (`.ci/run` installs both).

use std::{
    io::Write,
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use crate::export_support::*;
use voer::export::{self, Format, Options};

const TIMEOUT: Duration = Duration::from_secs(120);

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Runs a command to its end, or kills it after [`TIMEOUT`]; a hung browser fails the test
/// instead of hanging it.
fn run(cmd: &mut Command) -> bool {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waits") {
            return status.success();
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish in {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn print_to_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let ok = run(Command::new("chromium").args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        &format!("--user-data-dir={}", profile.display()),
        &format!("--print-to-pdf={}", pdf.display()),
        &format!("file://{}", html.display()),
    ]));
    assert!(ok && pdf.exists(), "chromium made no PDF");
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The addresses of the links in a PDF (its link annotations), one a line.
fn pdf_links(pdf: &Path) -> String {
    pdf_info(pdf, &["-url"])
}

/// What pdfinfo says about a PDF (pages, page size), or with `args` (its links).
fn pdf_info(pdf: &Path, args: &[&str]) -> String {
    let out = Command::new("pdfinfo")
        .args(args)
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    assert!(out.status.success(), "pdfinfo failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every line of text in a PDF with its font size in points, as pdftohtml reads them.
fn pdf_text_sizes(pdf: &Path) -> Vec<(String, f32)> {
    let out = Command::new("pdftohtml")
        .args(["-xml", "-zoom", "1", "-i", "-stdout"])
        .arg(pdf)
        .output()
        .expect("pdftohtml runs");
    assert!(out.status.success(), "pdftohtml failed");
    let xml = String::from_utf8_lossy(&out.stdout);
    let attr = |line: &str, name: &str| -> Option<String> {
        let (_, rest) = line.split_once(&format!(" {name}=\""))?;
        Some(rest.split('"').next()?.to_string())
    };
    let sizes: Vec<(String, f32)> = xml
        .lines()
        .filter(|l| l.trim_start().starts_with("<fontspec "))
        .filter_map(|l| Some((attr(l, "id")?, attr(l, "size")?.parse().ok()?)))
        .collect();
    xml.lines()
        .filter(|l| l.starts_with("<text "))
        .filter_map(|l| {
            let font = attr(l, "font")?;
            let size = sizes.iter().find(|(id, _)| *id == font)?.1;
            let inner = l.split_once('>')?.1.rsplit_once("</text>")?.0;
            let text: String = inner
                .split('<')
                .map(|piece| piece.split_once('>').map_or(piece, |(_, t)| t))
                .collect();
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            Some((text, size))
        })
        .collect()
}

/// Text without any whitespace: the browser wraps lines where it likes.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the programs are there; without them a test is skipped, except on CI.
fn tools(programs: &[&str]) -> bool {
    for program in programs {
        if !installed(program) {
            if std::env::var_os("CI").is_some() {
                panic!("{program} is not installed, and CI needs this test to run");
            }
            // Straight to stderr, past the test harness's capture, so that it is seen.
            let _ = writeln!(std::io::stderr(), "skipped: {program} not installed");
            return false;
        }
    }
    true
}

#[test]
fn html_prints_with_the_notes_in_chromium() {
    if !tools(&["chromium", "pdftotext", "pdfinfo"]) {
        return;
    }
    // The example session, plus a second group whose notes are markup that must show as text.
    let mut hostile = second_council();
    hostile.steps[3].notes =
        "<script>document.title='gehackt'</script> <b>niet vet</b> & &amp;\n# geen kop\n| geen | tabel |\n\
         Zie https://example.org/verslag?jaar=2026&groep=anker voor de stukken."
            .into();
    let sessions = [fixture(), hostile];
    let html = export::render(Format::Html, &sessions, &Options::default()).expect("html");

    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("verslag.html");
    let pdf = dir.path().join("verslag.pdf");
    std::fs::write(&page, html).expect("write html");
    print_to_pdf(&page, &pdf, &dir.path().join("profile"));
    let text = squeeze(&pdf_text(&pdf));
    // The addresses are links in the printed page too: the one typed in the notes, and the
    // video's.
    let links = pdf_links(&pdf);
    for url in [
        "https://example.org/verslag?jaar=2026&groep=anker",
        "https://www.radicalevernieuwing.nl/praktijkvoorbeelden/clienten-met-professionals-aan-het-stuur/",
    ] {
        assert!(
            links.lines().any(|l| l.trim_end().ends_with(url)),
            "no link to {url} in the PDF: {links}"
        );
    }

    for s in &sessions {
        for st in &s.steps {
            for line in voer::export::lines(&st.notes).filter(|l| !l.trim().is_empty()) {
                assert!(text.contains(&squeeze(line)), "not in the PDF: {line:?}");
            }
        }
    }
    for fact in [
        "Verslag: Cliënten met professionals aan het stuur",
        "Niet vanuit een probleem gedacht",
        "Afsluiting",
        "Cliëntenraad Het Anker",
    ] {
        assert!(text.contains(&squeeze(fact)), "not in the PDF: {fact:?}");
    }
}

#[test]
fn the_councils_handout_prints_on_one_a4_page_in_large_print() {
    if !tools(&["chromium", "pdftotext", "pdfinfo", "pdftohtml"]) {
        return;
    }
    let lib = voer::episode::Library::embedded();
    let ep = lib.find("jef-mol").expect("episode 4");
    let audience = voer::episode::Audience::ClientCouncil;
    let lang = voer::lang::Lang::Nl;
    let elements = export::handout::outline(ep, audience, lang);
    let html = export::paper(
        &elements,
        export::Paper::Html,
        lang,
        export::Look::Handout,
        "2026-11-19T16:00:00Z",
    )
    .expect("html");

    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("hand-out.html");
    let pdf = dir.path().join("hand-out.pdf");
    std::fs::write(&page, html).expect("write html");
    print_to_pdf(&page, &pdf, &dir.path().join("profile"));
    let info = pdf_info(&pdf, &[]);
    assert!(info.contains("Pages:           1\n"), "one page: {info}");
    assert!(info.contains("(A4)"), "A4: {info}");

    let text = squeeze(&pdf_text(&pdf));
    let lines = pdf_text_sizes(&pdf);
    assert!(!lines.is_empty(), "no text in the PDF");
    // Nothing under 16 pt, the questions (and their numbers) at 20 pt or more.
    for (line, size) in &lines {
        assert!(*size >= 16.0, "{size} pt: {line:?}");
    }
    let questions: Vec<&str> = ep.prompts_for(audience).map(|p| p.text.get(lang)).collect();
    assert_eq!(questions.len(), 3, "the council's three questions");
    for (i, q) in questions.iter().enumerate() {
        assert!(
            text.contains(&squeeze(&format!("{}. {q}", i + 1))),
            "not in the PDF: {q:?}"
        );
        let q = squeeze(q);
        let printed: Vec<_> = lines
            .iter()
            .filter(|(l, _)| {
                let l = squeeze(l.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'));
                !l.is_empty() && q.contains(&l)
            })
            .collect();
        assert!(!printed.is_empty(), "no line of {q:?}");
        for (line, size) in printed {
            assert!(*size >= 20.0, "{size} pt for the question: {line:?}");
        }
    }
    assert!(text.contains(&squeeze(&ep.main_quote().nl)), "the quote");
}
