use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language sitrep analyses.
///
/// The set is closed: a new language is a new variant plus its data (lexicons, frames,
/// segmentation rules), never a string that some stage may not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    De,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::De, Language::En];

    /// ISO 639-1 code, as in the output contract.
    pub fn code(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::De => "German",
            Language::En => "English",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that sitrep cannot analyse, or that is not a language code at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LanguageError {
    /// A known language that sitrep has no data for: `unsupported language: fi (Finnish)`.
    #[error("unsupported language: {code} ({name})")]
    Unsupported { code: String, name: String },
    /// Not an ISO 639-1/639-3 code.
    #[error("unknown language code: {0:?} (expected an ISO 639-1 code such as de or en)")]
    Unknown(String),
}

const ISO639: &str = include_str!("../data/iso639-1.tsv");

/// Looks up an ISO 639-1 or 639-3 code; returns `(639-1 code, English name)`.
pub fn iso639_lookup(code: &str) -> Option<(&'static str, &'static str)> {
    let code = code.trim();
    ISO639
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?, f.next()?))
        })
        .find(|(c1, c3, name)| {
            c1.eq_ignore_ascii_case(code)
                || c3.eq_ignore_ascii_case(code)
                || name.eq_ignore_ascii_case(code)
        })
        .map(|(c1, _, name)| (c1, name))
}

impl Language {
    /// The error for a language that was recognised (by code) but is not supported.
    pub fn unsupported(code: &str) -> LanguageError {
        match iso639_lookup(code) {
            Some((c1, name)) => LanguageError::Unsupported {
                code: c1.to_string(),
                name: name.to_string(),
            },
            None => LanguageError::Unknown(code.to_string()),
        }
    }
}

impl FromStr for Language {
    type Err = LanguageError;

    /// Accepts ISO 639-1 (`de`), ISO 639-3 (`deu`), English names and BCP 47 tags whose
    /// primary subtag is one of those (`de-AT`, `en_US`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        // the two supported codes without a scan of the table (data files name a language
        // on every row); the table gives the same answer for them
        for l in Language::ALL {
            if primary.eq_ignore_ascii_case(l.code()) {
                return Ok(l);
            }
        }
        match iso639_lookup(primary) {
            Some(("de", _)) => Ok(Language::De),
            Some(("en", _)) => Ok(Language::En),
            Some(_) => Err(Language::unsupported(primary)),
            None => Err(LanguageError::Unknown(s.trim().to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_tags() {
        for (s, l) in [
            ("de", Language::De),
            ("DE", Language::De),
            ("deu", Language::De),
            ("de-AT", Language::De),
            ("en_US", Language::En),
            ("eng", Language::En),
            ("English", Language::En),
        ] {
            assert_eq!(s.parse::<Language>(), Ok(l), "{s}");
        }
    }

    /// The shortcut for the supported codes answers as the table does.
    #[test]
    fn supported_codes_are_the_tables_answer() {
        for l in Language::ALL {
            for code in [l.code().to_string(), l.code().to_uppercase()] {
                assert_eq!(iso639_lookup(&code).map(|(c1, _)| c1), Some(l.code()));
                assert_eq!(code.parse::<Language>(), Ok(l));
            }
        }
    }

    #[test]
    fn unsupported_names_the_language() {
        let e = "fi".parse::<Language>().unwrap_err();
        assert_eq!(e.to_string(), "unsupported language: fi (Finnish)");
        let e = "xx-YY".parse::<Language>().unwrap_err();
        assert!(matches!(e, LanguageError::Unknown(_)), "{e}");
    }

    #[test]
    fn iso_table_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for line in ISO639
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 3, "bad line {line:?}");
            assert_eq!(f[0].len(), 2, "{line:?}");
            assert_eq!(f[1].len(), 3, "{line:?}");
            assert!(seen.insert(f[0]), "duplicate {line:?}");
        }
        for l in Language::ALL {
            assert_eq!(iso639_lookup(l.code()).map(|x| x.1), Some(l.name()));
        }
    }
}
