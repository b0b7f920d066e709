//! The stable text hash that identifies exact duplicates.
//!
//! FNV-1a, 128-bit (offset basis 0x6c62272e07bb014262b821756295c58d, prime
//! 2^88 + 2^8 + 0x3b), over the UTF-8 bytes of the text with every run of white space
//! replaced by one space and the ends trimmed: copies that differ only in line breaks or
//! indentation are the same text. Written as 32 lower-case hex digits. The definition is
//! part of the store format: changing it needs a schema migration that rehashes.

use std::fmt;

const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// A document's text hash (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextHash(pub u128);

impl TextHash {
    pub fn of(text: &str) -> TextHash {
        let mut h = OFFSET;
        let mut feed = |b: u8| {
            h ^= u128::from(b);
            h = h.wrapping_mul(PRIME);
        };
        let mut pending_space = false;
        let mut started = false;
        for word in text.split(char::is_whitespace) {
            if word.is_empty() {
                pending_space = started;
                continue;
            }
            if pending_space || started {
                feed(b' ');
            }
            for &b in word.as_bytes() {
                feed(b);
            }
            started = true;
            pending_space = false;
        }
        TextHash(h)
    }

    pub fn parse(s: &str) -> Option<TextHash> {
        if s.len() != 32 {
            return None;
        }
        u128::from_str_radix(s, 16).ok().map(TextHash)
    }
}

impl fmt::Display for TextHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_never_change() {
        // FNV-1a 128 of the empty string is the offset basis; of "a" the published value.
        assert_eq!(
            TextHash::of("").to_string(),
            "6c62272e07bb014262b821756295c58d"
        );
        assert_eq!(
            TextHash::of("a").to_string(),
            "d228cb696f1a8caf78912b704e4a8964"
        );
    }

    #[test]
    fn white_space_runs_do_not_matter_words_do() {
        let a = TextHash::of("Berlin  schickt\nPanzer.");
        assert_eq!(a, TextHash::of("  Berlin schickt Panzer.\n"));
        assert_ne!(a, TextHash::of("Berlin schickt Panzer!"));
        assert_ne!(a, TextHash::of("Berlinschickt Panzer."));
        assert_eq!(TextHash::parse(&a.to_string()), Some(a));
    }

    /// The hash is the definition's: the text split at every `char::is_whitespace`, the
    /// words joined by single spaces.
    #[test]
    fn the_hash_is_of_the_words_joined_by_single_spaces() {
        let defined = |text: &str| {
            let joined: Vec<&str> = text
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .collect();
            let mut h = OFFSET;
            for &b in joined.join(" ").as_bytes() {
                h ^= u128::from(b);
                h = h.wrapping_mul(PRIME);
            }
            TextHash(h)
        };
        for text in [
            "",
            " ",
            "\u{3000}\u{a0}",
            "Wien\u{a0}– Die GPA\u{2009}sagt:\r\n\t„Nein“\u{0b}\u{0c}x\u{85}y ",
            "\u{2028}Straße\u{202f}5\u{200b}a\u{feff}b\u{1680}c\u{205f}",
            " ein  Text\n\nmit Absätzen\n",
        ] {
            assert_eq!(TextHash::of(text), defined(text), "{text:?}");
        }
        // every character of the planes white space is found in, between words and at the end
        for c in (0..=0x3100u32).filter_map(char::from_u32) {
            let text = format!("a{c}b {c}");
            assert_eq!(TextHash::of(&text), defined(&text), "{c:?}");
        }
    }
}
