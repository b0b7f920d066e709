//! HTML extraction with a small depth limit: never panics (nor overflows the stack, nor runs
//! away), and the text is blank-line-separated blocks whose lines are trimmed and non-empty.

use sitrep_core::Limits;
use sitrep_ingest::html::extract;

/// Checks one fuzz input.
pub fn check(data: &[u8]) {
    let limits = Limits {
        max_html_depth: 64,
        ..Default::default()
    };
    let Ok(doc) = extract(data, &limits) else {
        return;
    };
    let text = &doc.text;
    assert!(
        !text.contains("\n\n\n"),
        "more than one blank line between blocks: {text:?}"
    );
    for block in text.split("\n\n").filter(|_| !text.is_empty()) {
        assert!(!block.is_empty(), "empty block: {text:?}");
        for line in block.split('\n') {
            assert!(
                !line.is_empty() && line.trim() == line,
                "blank or untrimmed line {line:?} in {text:?}"
            );
        }
    }
    for f in [&doc.title, &doc.url, &doc.outlet].into_iter().flatten() {
        assert!(!f.trim().is_empty(), "blank metadata {doc:?}");
    }
}
