//! Nouns that name part of a state's territory (`data/events/place-nouns.tsv`): a place
//! adjective on one of them names that state as the event's place (`an der ukrainischen
//! Grenze`, `on Ukrainian soil`); on any other noun it names none (`vor einer russischen
//! Besetzung`).

use sitrep_core::fnv::FnvSet;
use sitrep_core::Language;

const SHIPPED: &str = include_str!("../../../data/events/place-nouns.tsv");

/// The lemmas per language (indexed by `Language as usize`).
pub(crate) type PlaceNouns = [FnvSet<String>; 2];

/// Parses the file: `lang<TAB>lemma` rows after comments and a header; an error names the
/// line.
pub(crate) fn parse(src: &str) -> Result<PlaceNouns, String> {
    let mut out: PlaceNouns = Default::default();
    let mut header = false;
    for (i, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !header {
            header = true;
            continue;
        }
        let bad = |why: &str| format!("place-nouns.tsv:{}: {why}", i + 1);
        let mut f = line.split('\t');
        let (Some(lang), Some(lemma), None) = (f.next(), f.next(), f.next()) else {
            return Err(bad("expected two columns: lang, lemma"));
        };
        let lang: Language = lang.parse().map_err(|_| bad("unknown language"))?;
        if lemma.is_empty() || lemma != lemma.to_lowercase() {
            return Err(bad("lemmas are written in lower case"));
        }
        out[lang as usize].insert(lemma.to_string());
    }
    Ok(out)
}

pub(crate) fn shipped() -> PlaceNouns {
    parse(SHIPPED).unwrap_or_else(|e| panic!("shipped place nouns: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_loads_for_both_languages() {
        let p = shipped();
        assert!(p[Language::De as usize].contains("grenze"));
        assert!(p[Language::En as usize].contains("border"));
    }

    #[test]
    fn malformed_rows_are_errors_with_their_line() {
        let e = parse("lang\tlemma\nde\tGrenze\n").unwrap_err();
        assert!(e.contains(":2:"), "{e}");
        let e = parse("lang\tlemma\nxx\tgrenze\n").unwrap_err();
        assert!(e.contains("language"), "{e}");
        let e = parse("lang\tlemma\nde\n").unwrap_err();
        assert!(e.contains("two columns"), "{e}");
    }
}
