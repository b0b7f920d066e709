//! Language identification never panics, and `explain` agrees with `identify`.

use sitrep_langid::LanguageIdentifier;
use std::sync::OnceLock;

static ID: OnceLock<LanguageIdentifier> = OnceLock::new();

/// Checks one fuzz input.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let id = ID.get_or_init(LanguageIdentifier::new);
    let verdict = id.identify(&text);
    let explained = id.explain(&text);
    assert_eq!(
        verdict.as_ref().map_err(ToString::to_string),
        explained.outcome.as_ref().map_err(ToString::to_string),
        "identify and explain disagree on {text:?}"
    );
}
