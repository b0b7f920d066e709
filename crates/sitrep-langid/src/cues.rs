//! Hand-written German/English word cues (`data/cues.tsv`) and the bounded text sample they
//! are counted on.

use sitrep_core::fnv::FnvMap;
use sitrep_core::Language;

const CUES_TSV: &str = include_str!("../data/cues.tsv");

/// Word → (language, weight). Built once; lookups are by lowercased word.
#[derive(Debug, Clone)]
pub(crate) struct CueTable {
    words: FnvMap<Box<str>, (Language, u8)>,
    /// Bytes of the longest listed word: longer words are not looked up.
    max_len: usize,
}

/// A line of `cues.tsv` that does not parse (the unit test keeps the file clean; at run time
/// such a line is skipped rather than failing construction).
fn parse_line(line: &str) -> Option<(&str, Language, u8)> {
    let mut f = line.split('\t');
    let lang = match f.next()? {
        "de" => Language::De,
        "en" => Language::En,
        _ => return None,
    };
    let word = f.next()?;
    let weight: u8 = f.next()?.trim().parse().ok()?;
    if f.next().is_some() || word.is_empty() || !(1..=2).contains(&weight) {
        return None;
    }
    Some((word, lang, weight))
}

fn data_lines() -> impl Iterator<Item = &'static str> {
    CUES_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

impl CueTable {
    pub(crate) fn new() -> Self {
        let words: FnvMap<Box<str>, (Language, u8)> = data_lines()
            .filter_map(parse_line)
            .map(|(w, l, n)| (Box::from(w), (l, n)))
            .collect();
        let max_len = words.keys().map(|w| str::len(w)).max().unwrap_or(0);
        CueTable { words, max_len }
    }

    fn get(&self, lower: &str) -> Option<(Language, u8)> {
        self.words.get(lower).copied()
    }
}

/// German and English evidence counted over the words of a sample.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cues {
    /// Words (letter runs) in the sample, URLs and e-mail addresses left out.
    pub words: u32,
    /// Weighted German cues: listed words (weight 1 or 2), words with `ß` (2), words with
    /// `ä`/`ö`/`ü` (0.5: Finnish, Swedish, Turkish, Hungarian have them too).
    pub de: f32,
    /// Weighted English cues: listed words.
    pub en: f32,
    /// German cues of weight 2 (distinctive words, `ß`).
    pub de_strong: u32,
    /// English cues of weight 2.
    pub en_strong: u32,
}

impl Cues {
    pub(crate) fn weight(&self, l: Language) -> f32 {
        match l {
            Language::De => self.de,
            Language::En => self.en,
        }
    }

    pub(crate) fn strong(&self, l: Language) -> u32 {
        match l {
            Language::De => self.de_strong,
            Language::En => self.en_strong,
        }
    }

    /// The language with more cue weight, if any.
    pub(crate) fn leader(&self) -> Option<Language> {
        if self.de > self.en {
            Some(Language::De)
        } else if self.en > self.de {
            Some(Language::En)
        } else {
            None
        }
    }
}

/// The words of a document's bounded prefix, as fed to the detectors.
pub(crate) struct Sample {
    /// The words joined by single spaces (no digits, punctuation, URLs).
    pub text: String,
    pub cues: Cues,
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// URLs, e-mail addresses and bare domains say nothing about the language around them
/// (`www.beispiel-rechner.at` would count as German-ish trigrams, `http` as English).
fn is_address(chunk: &str) -> bool {
    if chunk.contains("://") || chunk.contains('@') {
        return true;
    }
    let c = chunk.trim_matches(|c: char| !c.is_alphanumeric());
    if c.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) {
        return true;
    }
    // A bare domain: `example.com`, `orf.at/news` (but not `z.B.`, `U.S.` or `2.000`).
    let host = c.split('/').next().unwrap_or("");
    let mut parts = host.split('.');
    let first = parts.next().unwrap_or("");
    let last = host.rsplit('.').next().unwrap_or("");
    host.contains('.')
        && first.len() >= 2
        && (2..=4).contains(&last.len())
        && last.bytes().all(|b| b.is_ascii_lowercase())
        && first.chars().any(|c| c.is_alphabetic())
}

impl CueTable {
    /// Collects the words of `text` (already bounded) and counts their cues.
    pub(crate) fn sample(&self, text: &str) -> Sample {
        let mut out = String::with_capacity(text.len());
        let mut cues = Cues::default();
        let mut lower = String::new();
        for chunk in text.split_whitespace() {
            if is_address(chunk) {
                continue;
            }
            for word in chunk
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
            {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
                cues.words += 1;
                // English "I"; a lowercase `i` is a word in too many other languages. Words
                // longer than any listed one are not looked up (lowercasing changes the length
                // of only a few rare letters such as `ẞ` and `İ`).
                let found = if word == "I" {
                    Some((Language::En, 1))
                } else if word.len() <= self.max_len + 2 {
                    lower.clear();
                    if word.is_ascii() {
                        lower.push_str(word);
                        lower.make_ascii_lowercase();
                    } else {
                        lower.extend(word.chars().flat_map(char::to_lowercase));
                    }
                    self.get(&lower)
                } else {
                    None
                };
                match found {
                    Some((Language::De, n)) => {
                        cues.de += f32::from(n);
                        cues.de_strong += u32::from(n == 2);
                    }
                    Some((Language::En, n)) => {
                        cues.en += f32::from(n);
                        cues.en_strong += u32::from(n == 2);
                    }
                    None if word.is_ascii() => {}
                    None if word.contains(['ß', 'ẞ']) => {
                        cues.de += 2.0;
                        cues.de_strong += 1;
                    }
                    None if word.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) => cues.de += 0.5,
                    None => {}
                }
            }
        }
        Sample { text: out, cues }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_file_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for line in data_lines() {
            let (w, _, _) = parse_line(line).unwrap_or_else(|| panic!("bad line {line:?}"));
            assert_eq!(w, w.to_lowercase(), "cue words are lowercase: {line:?}");
            assert!(
                w.chars().all(char::is_alphabetic),
                "one word per line: {line:?}"
            );
            // A word listed for both languages would cancel itself out.
            assert!(seen.insert(w), "listed twice: {line:?}");
        }
        assert!(
            seen.len() > 250,
            "cue table looks truncated: {}",
            seen.len()
        );
    }

    #[test]
    fn addresses_are_not_words() {
        for a in [
            "https://example.org/x",
            "www.beispiel-rechner.at",
            "news@orf.at",
            "orf.at/news",
            "(derstandard.at)",
            "WWW.ORF.AT",
        ] {
            assert!(is_address(a), "{a}");
        }
        for w in [
            "z.B.", "U.S.", "2.000", "Abs.", "end.Next", "Hello", "gehört", "ö.ü", "wwwä",
        ] {
            assert!(!is_address(w), "{w}");
        }
    }

    #[test]
    fn prefix_respects_char_boundaries() {
        assert_eq!(prefix("äöü", 3), "ä");
        assert_eq!(prefix("abc", 10), "abc");
        assert_eq!(prefix("", 0), "");
    }
}
