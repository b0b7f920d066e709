//! Hand-written closed-class files (`data/de/closed/*.tsv`).
//!
//! Format: UTF-8, `#` starts a comment line (the header names the source and format),
//! one analysis per line with five tab-separated columns:
//!
//! ```text
//! form<TAB>lemma<TAB>UPOS<TAB>STTS<TAB>FEATS
//! dem<TAB>der<TAB>DET<TAB>ART<TAB>Case=Dat|Definite=Def|Gender=Masc|Number=Sing|PronType=Art
//! ```
//!
//! FEATS is a UD feature string (`_` if none) with single values only (write one row per
//! gender rather than `Gender=Masc,Neut`). Rows are sorted (byte order of the whole line)
//! and unique; the loader refuses files that are not.

use crate::LexiconError;
use sitrep_core::{Feats, Stts, Upos};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    pub form: &'a str,
    pub lemma: &'a str,
    pub upos: Upos,
    pub xpos: Stts,
    pub feats: Feats,
}

pub(crate) fn parse<'a>(file: &str, text: &'a str) -> Result<Vec<Row<'a>>, LexiconError> {
    let err = |line: usize, message: String| LexiconError::ClosedClass {
        file: file.to_string(),
        line,
        message,
    };
    let mut rows = Vec::new();
    let mut prev: Option<&str> = None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [form, lemma, upos, xpos, feats] = cols[..] else {
            return Err(err(
                n,
                format!("expected 5 tab-separated columns, found {}", cols.len()),
            ));
        };
        if form.is_empty() || lemma.is_empty() || form.contains(' ') {
            return Err(err(n, "empty form or lemma, or a space in the form".into()));
        }
        let upos: Upos = upos.parse().map_err(|e| err(n, e))?;
        let xpos: Stts = xpos.parse().map_err(|e| err(n, e))?;
        let parsed = Feats::parse_ud(feats);
        if parsed.to_string() != feats {
            return Err(err(
                n,
                format!("features {feats:?} are not in canonical UD form (expected {parsed})"),
            ));
        }
        if let Some(p) = prev {
            if p >= line {
                return Err(err(
                    n,
                    format!("rows not sorted or duplicated: {line:?} after {p:?}"),
                ));
            }
        }
        prev = Some(line);
        rows.push(Row {
            form,
            lemma,
            upos,
            xpos,
            feats: parsed,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_files_parse_sorted_and_unique() {
        for (name, text) in crate::GERMAN_CLOSED {
            let rows = parse(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!rows.is_empty(), "{name}");
            assert!(text.starts_with('#'), "{name} needs a header");
            assert!(
                text.contains("written by hand for sitrep"),
                "{name} header names the source"
            );
        }
    }

    #[test]
    fn unsorted_duplicate_and_malformed_rows_are_refused() {
        let dup = "# h\nab\tab\tADP\tAPPR\tCase=Dat\nab\tab\tADP\tAPPR\tCase=Dat\n";
        assert!(parse("t", dup).is_err());
        let unsorted = "# h\nzu\tzu\tADP\tAPPR\t_\nab\tab\tADP\tAPPR\t_\n";
        assert!(parse("t", unsorted).is_err());
        assert!(parse("t", "ab\tab\tADP\tAPPR\n").is_err());
        assert!(parse("t", "ab\tab\tADP\tXX\t_\n").is_err());
        assert!(parse("t", "ab\tab\tADP\tAPPR\tGender=Masc,Neut\n").is_err());
        assert_eq!(
            parse("t", "# h\nab\tab\tADP\tAPPR\tCase=Dat\n")
                .unwrap()
                .len(),
            1
        );
    }
}
