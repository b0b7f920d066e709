//! Datelines: where and through whom a story was filed (`Wien –`, `Vatikanstadt/Wien –`,
//! `MOSKAU (dpa) –`, `WASHINGTON (Reuters) -`, `WASHINGTON, May 3 (AP) —`). One reading of
//! the shape serves the entity stage (place names written in capitals) and the event stage
//! (the default location and the agency that filed the story).

use sitrep_core::Token;
use std::ops::Range;

/// How far into a document (tokens) a dateline is looked for: GNAD puts a sub-headline and
/// a teaser before it.
pub const REACH: usize = 300;

/// The lower-case words inside place names (`Santiago de Chile`, `Frankfurt am Main`,
/// `Halle an der Saale`, `Stratford upon Avon`).
const NAME_PARTICLES: [&str; 21] = [
    "de", "del", "della", "di", "da", "do", "dos", "du", "des", "van", "von", "am", "an", "der",
    "ob", "upon", "sur", "la", "le", "el", "al",
];

/// A run of words with a dateline's shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place words (`Vatikanstadt / Wien`, `WASHINGTON`): capitalised words, or `/`
    /// between two places.
    pub words: Range<usize>,
    /// From the first place word to the dash, date and agency included (`MOSKAU (dpa)`).
    pub head: Range<usize>,
}

/// Every run of dateline shape within the first [`REACH`] tokens, in text order: at the
/// start of the text, of a line or after a sentence's end (`.`, `!`, `?`, `:`), one to six
/// capitalised words (places joined by `/`), maybe a date (`, May 3`), maybe an agency in
/// parentheses, then a dash with space around it. Which of them is a dateline is the
/// caller's to decide (a place among the words, words in capitals).
pub fn datelines(text: &str, tokens: &[Token]) -> Vec<Dateline> {
    let word = |i: usize| tokens[i].span.get(text).unwrap_or("");
    let boundary = |i: usize| {
        i == 0
            || {
                // (`..` and `…` end sentences too)
                let w = word(i - 1);
                !w.is_empty() && w.chars().all(|c| matches!(c, '.' | '!' | '?' | ':' | '…'))
            }
            || text
                .get(tokens[i - 1].span.end as usize..tokens[i].span.start as usize)
                .is_some_and(|g| g.contains('\n'))
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for j in 1..tokens.len().min(REACH) {
        let dash = matches!(word(j), "–" | "—") || word(j) == "-" && !tokens[j - 1].joined;
        if !dash || tokens[j].joined {
            continue;
        }
        // an agency in parentheses right before the dash
        let mut k = j;
        if word(k - 1) == ")" {
            match (k.saturating_sub(6)..k - 1).rev().find(|&i| word(i) == "(") {
                Some(o) => k = o,
                None => continue,
            }
        }
        // a date after the place (`WASHINGTON, May 3 (AP) —`)
        if k >= 4
            && word(k - 3) == ","
            && capitalised(word(k - 2))
            && word(k - 1).bytes().all(|b| b.is_ascii_digit())
        {
            k -= 3;
        }
        // the place words back to a boundary
        let mut b = k;
        while b > 0 && k - b < 6 && !boundary(b) {
            let w = word(b - 1);
            if w != "/" && !capitalised(w) && !NAME_PARTICLES.contains(&w) {
                break;
            }
            b -= 1;
        }
        if b < k && boundary(b) && capitalised(word(b)) {
            out.push(Dateline {
                words: b..k,
                head: b..j,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::Language;

    fn shapes(text: &str) -> Vec<String> {
        let seg = sitrep_segment::Segmenter::new(Language::De).segment(text);
        let w = |r: Range<usize>| {
            let (a, b) = (
                seg.tokens[r.start].span.start,
                seg.tokens[r.end - 1].span.end,
            );
            text[a as usize..b as usize].to_string()
        };
        datelines(text, &seg.tokens)
            .into_iter()
            .map(|d| format!("{} | {}", w(d.words), w(d.head)))
            .collect()
    }

    #[test]
    fn the_shapes_datelines_take() {
        assert_eq!(shapes("Wien – Der Kanzler sagte."), ["Wien | Wien"]);
        assert_eq!(
            shapes("Vatikanstadt/Wien – Der Papst sagte."),
            ["Vatikanstadt/Wien | Vatikanstadt/Wien"]
        );
        assert_eq!(
            shapes("MOSKAU (dpa) – Putin sagte."),
            ["MOSKAU | MOSKAU (dpa)"]
        );
        assert_eq!(
            shapes("Titel\nWASHINGTON, May 3 (AP) — Biden said."),
            ["WASHINGTON | WASHINGTON, May 3 (AP)"]
        );
    }

    #[test]
    fn dashes_inside_sentences_and_words_are_not_datelines() {
        // after a lower-case word, a hyphen joined to its word, no boundary before the name
        assert!(shapes("Der Streit geht – so hieß es – weiter.").is_empty());
        assert!(shapes("Die US-Soldaten kommen.").is_empty());
        assert!(shapes("Titel\n(AFP) -- New Zealand-based writer Tom said.").is_empty());
        assert!(shapes("Er sagte, Wien – nicht Graz – sei schön.").is_empty());
        // a name particle neither begins a dateline nor joins words that are no name
        assert!(shapes("Titel. von Bonn – Der Kanzler sagte.").is_empty());
        assert!(shapes("Der Streit um die USA – Merkel sagt.").is_empty());
    }
}
