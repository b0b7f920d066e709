//! Lower-casing without an allocation where none is needed: the event rules compare many
//! words and lemmas in lower case, once per clause and phrase, and `str::to_lowercase`
//! allocated a string for each (≈ 1 M calls on the German dev set). [`lower`] gives exactly
//! what `str::to_lowercase` gives.

use std::borrow::Cow;

/// `s.to_lowercase()`, borrowed when it equals `s`; an ASCII word (nearly all of them) is
/// checked and lower-cased byte by byte.
pub(crate) fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        // (the general mapping: characters that grow, shrink, or depend on their
        // neighbours, as `Σ` does)
        let l = s.to_lowercase();
        if l == s {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(l)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lower`] answers what `str::to_lowercase` answers, also for the characters whose
    /// lower case is longer, shorter or depends on context.
    #[test]
    fn lower_case_as_the_standard_library_gives_it() {
        let words = [
            "",
            "angriff",
            "Angriff",
            "USA",
            "EU-Parlamentarier",
            "Großteil",
            "Hälfte",
            "HÄLFTE",
            "ẞ",
            "İstanbul",
            "ΟΔΟΣ",
            "Σ",
            "ǅemal",
            "\u{212A}elvin",
            "a-very-long-ascii-word-of-more-than-thirty-two-bytes",
            "A-VERY-LONG-ASCII-WORD-OF-MORE-THAN-THIRTY-TWO-BYTES",
            "abcdefghijklmnopqrstuvwxyzABCDEF",
            "abcdefghijklmnopqrstuvwxyzABCDEFG",
            "123 & Co.",
        ];
        for w in words {
            let expected = w.to_lowercase();
            assert_eq!(lower(w), expected, "lower({w:?})");
            // borrowed exactly when nothing changes
            assert_eq!(
                matches!(lower(w), Cow::Borrowed(_)),
                expected == w,
                "lower({w:?}) borrows"
            );
        }
    }
}
