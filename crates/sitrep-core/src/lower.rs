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

/// Words up to this many bytes are lowered by [`with_lower`] on the stack.
const INLINE: usize = 48;

/// `f(&lower(s))` without allocating for a word of ASCII or Latin-1 letters of up to
/// [`INLINE`] bytes: the rules compare capitalised nouns and lemmas (`Tausende`, `Hälfte`)
/// in lower case hundreds of thousands of times, and [`lower`] must build a string for
/// each. Both keep the byte length of such words (each letter maps to one of the same
/// UTF-8 length), so the lower case is written into a buffer of the same size.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; INLINE];
    if s.is_ascii() {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(s);
        }
        if let Some(out) = buf.get_mut(..s.len()) {
            out.copy_from_slice(s.as_bytes());
            out.make_ascii_lowercase();
            if let Ok(l) = std::str::from_utf8(out) {
                return f(l);
            }
        }
    } else if s.len() <= INLINE && s.chars().all(|c| c <= '\u{FF}') {
        if !s.chars().any(latin1_upper) {
            return f(s);
        }
        let mut at = 0;
        for c in s.chars() {
            at += latin1_lower(c).encode_utf8(&mut buf[at..]).len();
        }
        // (always valid: the letters were written whole)
        if let Ok(l) = std::str::from_utf8(&buf[..at]) {
            return f(l);
        }
    }
    f(&lower(s))
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

    /// [`with_lower`] hands over what [`lower`] gives: ASCII, Latin-1 and other words,
    /// short and longer than its buffer.
    #[test]
    fn with_lower_gives_the_lower_case() {
        let long_de = "Ä".repeat(INLINE / 2);
        let longer_de = "Ä".repeat(INLINE / 2 + 1);
        let long = "A".repeat(INLINE);
        let longer = "A".repeat(INLINE + 1);
        let mut words = vec![
            "",
            "Tausende",
            "tausende",
            "HÄLFTE",
            "Großteil",
            "ẞ",
            "ΟΔΟΣ",
        ];
        words.extend([
            long_de.as_str(),
            longer_de.as_str(),
            long.as_str(),
            longer.as_str(),
        ]);
        for w in words {
            assert_eq!(with_lower(w, str::to_string), w.to_lowercase(), "{w:?}");
        }
        for c in (0..=0xFFu32).filter_map(char::from_u32) {
            let w = format!("Ä{c}X");
            assert_eq!(with_lower(&w, str::to_string), w.to_lowercase(), "{w:?}");
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
