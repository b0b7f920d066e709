//! Golden snapshots: the example articles in `examples/`, segmented and rendered one token
//! per line (`surface  start..end  kind`, `+` when joined to the next token, a blank line
//! between sentences). A change in segmentation shows up as a reviewable diff.
//!
//! Update after an intended change:
//!     SITREP_UPDATE_SNAPSHOTS=1 cargo test -p sitrep-segment --test golden

use sitrep_core::Language;
use sitrep_segment::Segmenter;
use std::fmt::Write;
use std::path::Path;

fn render(text: &str, language: Language) -> String {
    let seg = Segmenter::new(language).segment(text);
    seg.check(text).expect("segmentation invariants");
    let mut out = String::new();
    for (i, s) in seg.sentences.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for t in seg.sentence_tokens(s) {
            let kind = format!("{:?}", t.kind).to_lowercase();
            let joined = if t.joined { " +" } else { "" };
            writeln!(
                out,
                "{}\t{}..{}\t{kind}{joined}",
                t.span.text(text),
                t.span.start,
                t.span.end
            )
            .unwrap();
        }
    }
    out
}

fn check(example: &str, language: Language) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("../../examples").join(example)).unwrap();
    let got = render(&text, language);
    let snap = root
        .join("tests/snapshots")
        .join(format!("{example}.tokens"));
    if std::env::var_os("SITREP_UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(snap.parent().unwrap()).unwrap();
        std::fs::write(&snap, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&snap).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with SITREP_UPDATE_SNAPSHOTS=1",
            snap.display()
        )
    });
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .enumerate()
            .filter(|(_, (w, g))| w != g)
            .take(10)
            .map(|(i, (w, g))| format!("line {}: want {w:?}\n         got  {g:?}", i + 1))
            .collect();
        panic!(
            "{example}: segmentation changed ({} vs {} lines)\n{}\nhelp: if intended, run \
             SITREP_UPDATE_SNAPSHOTS=1 cargo test -p sitrep-segment --test golden and review the diff",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn german_example() {
    check("de-truppen.txt", Language::De);
}

#[test]
fn english_example() {
    check("en-talks.txt", Language::En);
}
