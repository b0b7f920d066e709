//! Lower-casing without an allocation where none is needed: the rules of several stages
//! compare many words and lemmas in lower case, once per clause and phrase, and
//! `str::to_lowercase` allocated a string for each (≈ 1 M calls on the German dev set) and
//! looked every non-ASCII character up in the Unicode tables. [`lower`] gives exactly what
//! `str::to_lowercase` gives.

use std::borrow::Cow;

/// `s.to_lowercase()`, borrowed when it equals `s`. An ASCII word (nearly all of them) is
/// checked and lower-cased byte by byte, a word of Latin-1 letters (`Äußerung`, `Président`)
/// character by character without the tables; others take the general mapping.
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else if s.chars().all(|c| c <= '\u{FF}') {
        if s.chars().any(latin1_upper) {
            Cow::Owned(s.chars().map(latin1_lower).collect())
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

/// Whether a character up to U+00FF has another lower case: `A`–`Z`, `À`–`Þ` but `×`
/// (Unicode maps each to the character 32 after it, and no other one of them, see
/// `latin1_as_the_standard_library_lowers_it`).
fn latin1_upper(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Þ') && c != '×'
}

/// The lower case of a character up to U+00FF.
fn latin1_lower(c: char) -> char {
    if latin1_upper(c) {
        char::from_u32(c as u32 + 32).unwrap_or(c)
    } else {
        c
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
            "Äußerung",
            "ÆØÅ×÷ÿµªº",
            "Président",
            "ÄΣ",
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

    /// Every character up to U+00FF, alone and in a word, lowers as the standard library
    /// lowers it.
    #[test]
    fn latin1_as_the_standard_library_lowers_it() {
        for c in (0..=0xFFu32).filter_map(char::from_u32) {
            for w in [c.to_string(), format!("Ä{c}x"), format!("ß{c}")] {
                assert_eq!(lower(&w), w.to_lowercase(), "{w:?}");
            }
        }
    }
}
