//! Behaviour cases for both languages, read from `tests/cases/<lang>.txt`.
//!
//! Format: cases are separated by blank lines; `#` lines are comments. A case is one or
//! more input lines (joined with `\n`, so a case can test line breaks; an input line that
//! is a lone `~` stands for an empty line) followed by one `= ` line per expected sentence,
//! giving its tokens separated by single spaces.

use sitrep_core::Language;
use sitrep_segment::Segmenter;

fn run(language: Language, file: &str, cases: &str) {
    let seg = Segmenter::new(language);
    let mut failures = Vec::new();
    let mut n = 0;
    for block in cases.split("\n\n") {
        let lines: Vec<&str> = block.lines().filter(|l| !l.starts_with('#')).collect();
        if lines.is_empty() {
            continue;
        }
        let input: Vec<&str> = lines
            .iter()
            .take_while(|l| !l.starts_with("= "))
            .map(|l| if *l == "~" { "" } else { *l })
            .collect();
        let expected: Vec<&str> = lines[input.len()..]
            .iter()
            .map(|l| l.trim_start_matches("= "))
            .collect();
        assert!(
            !input.is_empty() && !expected.is_empty(),
            "{file}: malformed case {block:?}"
        );
        let text = input.join("\n");
        let out = seg.segment(&text);
        out.check(&text)
            .unwrap_or_else(|e| panic!("{file}: {text:?}: {e}"));
        let got: Vec<String> = out
            .sentences
            .iter()
            .map(|s| {
                out.sentence_tokens(s)
                    .iter()
                    .map(|t| &text[t.span.range()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        if got != expected {
            failures.push(format!(
                "{text:?}\n  expected {expected:#?}\n  got      {got:#?}"
            ));
        }
        n += 1;
    }
    assert!(n > 0, "{file}: no cases");
    assert!(
        failures.is_empty(),
        "{file}: {} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn german_cases() {
    run(Language::De, "cases/de.txt", include_str!("cases/de.txt"));
}

#[test]
fn english_cases() {
    run(Language::En, "cases/en.txt", include_str!("cases/en.txt"));
}

#[test]
fn joined_marks_tokens_without_whitespace_after() {
    let text = "US-Soldaten don't.";
    for lang in Language::ALL {
        let out = Segmenter::new(lang).segment(text);
        for w in out.tokens.windows(2) {
            assert_eq!(w[0].joined, w[0].span.end == w[1].span.start, "{lang:?}");
        }
        assert!(out.tokens[0].joined, "{lang:?}: `US` is joined to `-`");
    }
}
