//! Text normalisation for comparison. Part of signature format 1.
//!
//! A word is a maximal run of alphanumeric characters (`char::is_alphanumeric`: letters and
//! digits of every script; digits are kept, so `2.000 Soldaten` and `3.000 Soldaten`
//! differ). Everything else — punctuation, symbols, quotes of any style, dashes, every
//! Unicode space and line break — only separates words, so copies that differ in quote
//! marks, dashes, commas or line layout normalise to the same words. Words are case-folded:
//! `char::to_lowercase`, then the full folds `ß → ss` (so `STRASSE`, `Straße` and `strasse`
//! agree) and final `ς → σ`. Characters that never break a word are dropped: the soft
//! hyphen and zero-width characters (hyphenation points in web copies) and combining
//! diacritical marks (U+0300–U+036F; a decomposed `u` + `¨` then becomes `u`, which differs
//! from a precomposed `ü` — text is expected in NFC, as decoders produce it).

/// The normalised words of a text, kept in one buffer separated by single spaces, so a
/// shingle of consecutive words is one contiguous slice.
#[derive(Debug, Default, Clone)]
pub(crate) struct Words {
    pub buf: String,
    /// `(start, end)` byte offsets of each word in `buf`.
    pub spans: Vec<(usize, usize)>,
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{0300}'..='\u{036F}')
}

/// For each ASCII byte, its lower-case form when it is alphanumeric, else 0.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

impl Words {
    pub fn of(text: &str) -> Words {
        let mut w = Words {
            buf: String::with_capacity(text.len()),
            spans: Vec::new(),
        };
        let mut start: Option<usize> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII, most of a text: read byte by byte, folded by a table (the same tests
            // and folds as the Unicode ones, see `ascii_follows_the_unicode_rules`)
            if let Some(&folded) = ASCII_WORD.get(usize::from(bytes[i])) {
                i += 1;
                if folded != 0 {
                    if start.is_none() {
                        if !w.buf.is_empty() {
                            w.buf.push(' ');
                        }
                        start = Some(w.buf.len());
                    }
                    w.buf.push(char::from(folded));
                } else if let Some(s) = start.take() {
                    w.spans.push((s, w.buf.len()));
                }
                continue;
            }
            // `i` is on a character boundary: it only moves by whole characters
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if is_invisible(c) {
                continue;
            }
            if c.is_alphanumeric() {
                if start.is_none() {
                    if !w.buf.is_empty() {
                        w.buf.push(' ');
                    }
                    start = Some(w.buf.len());
                }
                for l in c.to_lowercase() {
                    match l {
                        'ß' => w.buf.push_str("ss"),
                        'ς' => w.buf.push('σ'),
                        l => w.buf.push(l),
                    }
                }
            } else if let Some(s) = start.take() {
                w.spans.push((s, w.buf.len()));
            }
        }
        if let Some(s) = start {
            w.spans.push((s, w.buf.len()));
        }
        w
    }
}

/// The text as it is compared: its normalised words joined by single spaces.
///
/// ```
/// assert_eq!(sitrep_dedup::normalize("„Wien – Die GPA-djp,\n sagt: STRASSE!“"), "wien die gpa djp sagt strasse");
/// ```
pub fn normalize(text: &str) -> String {
    Words::of(text).buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_quotes_and_spaces_only_separate_words() {
        let a = normalize("„Das ist – so sagte er – genug“, erklärte Müller.");
        let b = normalize("\"Das ist - so sagte er - genug\" erklärte  Müller\n");
        assert_eq!(a, b);
        assert_eq!(a, "das ist so sagte er genug erklärte müller");
    }

    #[test]
    fn digits_are_kept_and_case_is_folded() {
        assert_eq!(normalize("2.000 US-Soldaten"), "2 000 us soldaten");
        assert_ne!(normalize("2.000 Soldaten"), normalize("3.000 Soldaten"));
        assert_eq!(normalize("GROSSE Straße"), normalize("große strasse"));
        assert_eq!(normalize("ΟΔΟΣ"), normalize("οδος"));
    }

    /// The ASCII shortcut folds and splits exactly as the Unicode definitions do.
    #[test]
    fn ascii_follows_the_unicode_rules() {
        for c in (0u8..128).map(char::from) {
            let want = if c.is_alphanumeric() {
                format!("x{}y", c.to_lowercase())
            } else {
                "x y".to_string()
            };
            assert_eq!(normalize(&format!("x{c}y")), want, "{c:?}");
        }
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(normalize("Bundes\u{00AD}regierung"), "bundesregierung");
        assert_eq!(
            normalize("Bundes\u{200B}regierung\u{FEFF}"),
            "bundesregierung"
        );
    }

    #[test]
    fn spans_point_at_the_words() {
        let w = Words::of(" ¡Hola, señor 42! ");
        let words: Vec<&str> = w.spans.iter().map(|&(s, e)| &w.buf[s..e]).collect();
        assert_eq!(words, ["hola", "señor", "42"]);
        assert!(Words::of("").spans.is_empty());
        assert!(Words::of(" ,.;– ").spans.is_empty());
    }
}
