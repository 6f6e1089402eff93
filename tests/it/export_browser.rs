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
    let out = Command::new("pdfinfo")
        .arg("-url")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    assert!(out.status.success(), "pdfinfo failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text without any whitespace: the browser wraps lines where it likes.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn html_prints_with_the_notes_in_chromium() {
    for program in ["chromium", "pdftotext", "pdfinfo"] {
        if !installed(program) {
            if std::env::var_os("CI").is_some() {
                panic!("{program} is not installed, and CI needs this test to run");
            }
            // Straight to stderr, past the test harness's capture, so that it is seen.
            let _ = writeln!(std::io::stderr(), "skipped: {program} not installed");
            return;
        }
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
