//! Language facts read from the text files in `data/segment/<lang>/`, parsed once when a
//! [`Segmenter`](crate::Segmenter) is built.
//!
//! Every file has the same shape: `#` comment lines (the header names the source and the
//! format), then one entry per line, sorted in byte order and free of duplicates. A file
//! that breaks this is refused with a [`DataError`] naming the file and line, so a bad edit
//! fails the data test instead of silently changing the output.

/// What is wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

pub(crate) type FastMap<K, V> = sitrep_core::fnv::FnvMap<K, V>;
pub(crate) type WordSet = sitrep_core::fnv::FnvSet<Box<str>>;

/// The raw text of every data file a segmenter reads. [`SegmentData::builtin`] is the
/// shipped data; tests build their own.
#[derive(Debug, Clone, Copy, Default)]
pub struct SegmentData {
    /// Words kept whole with their final period (`Dr.`).
    pub abbreviations: &'static str,
    /// Abbreviations after which a capitalised sentence starter begins a new sentence.
    pub sentence_final_abbreviations: &'static str,
    /// Capitalised words that usually begin a sentence (German).
    pub sentence_starters: &'static str,
    /// Month names: a number with a period before one is an ordinal (German).
    pub months: &'static str,
    /// Prefixes kept inside their word across a hyphen (English).
    pub hyphen_prefixes: &'static str,
    /// `word<TAB>part part`: words split without an apostrophe (English).
    pub contractions: &'static str,
    /// The learned sentence-boundary model, if the language has one (English).
    pub boundary_model: &'static str,
}

impl SegmentData {
    /// The data shipped in `data/segment/<lang>/`.
    pub fn builtin(language: sitrep_core::Language) -> SegmentData {
        match language {
            sitrep_core::Language::De => SegmentData {
                abbreviations: include_str!("../../../data/segment/de/abbreviations.txt"),
                sentence_final_abbreviations: include_str!(
                    "../../../data/segment/de/sentence-final-abbreviations.txt"
                ),
                sentence_starters: include_str!("../../../data/segment/de/sentence-starters.txt"),
                months: include_str!("../../../data/segment/de/months.txt"),
                ..SegmentData::default()
            },
            sitrep_core::Language::En => SegmentData {
                abbreviations: include_str!("../../../data/segment/en/abbreviations.txt"),
                sentence_final_abbreviations: include_str!(
                    "../../../data/segment/en/sentence-final-abbreviations.txt"
                ),
                hyphen_prefixes: include_str!("../../../data/segment/en/hyphen-prefixes.txt"),
                contractions: include_str!("../../../data/segment/en/contractions.txt"),
                boundary_model: include_str!(
                    "../../../data/segment/en/cc-by-sa/boundary-model.txt"
                ),
                ..SegmentData::default()
            },
        }
    }
}

/// The entry lines of a data file with their 1-based line numbers, checked to be sorted
/// (byte order of the first field) and unique.
pub(crate) fn entries(
    file: &'static str,
    text: &'static str,
) -> Result<Vec<(usize, &'static str)>, DataError> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| DataError {
            file,
            line: n + 1,
            message,
        };
        if line.trim() != line {
            return Err(err(format!("entry {line:?} has surrounding whitespace")));
        }
        let key = line.split('\t').next().unwrap_or(line);
        if let Some(&(_, prev)) = out.last() {
            let prev_key = prev.split('\t').next().unwrap_or(prev);
            match prev_key.as_bytes().cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => return Err(err(format!("duplicate entry {key:?}"))),
                std::cmp::Ordering::Greater => {
                    return Err(err(format!("{key:?} is out of order (after {prev_key:?})")))
                }
            }
        }
        out.push((n + 1, line));
    }
    Ok(out)
}

/// A one-word-per-line list as a set.
pub(crate) fn word_set(file: &'static str, text: &'static str) -> Result<WordSet, DataError> {
    let mut set = WordSet::default();
    for (line, e) in entries(file, text)? {
        if e.contains(char::is_whitespace) {
            return Err(DataError {
                file,
                line,
                message: format!("entry {e:?} contains whitespace"),
            });
        }
        set.insert(e.into());
    }
    Ok(set)
}

/// `word<TAB>part part …` lines as word → byte lengths of the parts.
pub(crate) fn splits(
    file: &'static str,
    text: &'static str,
) -> Result<FastMap<Box<str>, Box<[u8]>>, DataError> {
    let mut map = FastMap::default();
    for (line, e) in entries(file, text)? {
        let err = |message: String| DataError {
            file,
            line,
            message,
        };
        let (word, parts) = e
            .split_once('\t')
            .ok_or_else(|| err("expected word<TAB>parts".into()))?;
        let parts: Vec<&str> = parts.split(' ').collect();
        if parts.concat() != word || parts.iter().any(|p| p.is_empty() || p.len() > 255) {
            return Err(err(format!(
                "parts {parts:?} do not concatenate to {word:?}"
            )));
        }
        if word.to_lowercase() != word {
            return Err(err(format!("{word:?} is not lower case")));
        }
        map.insert(word.into(), parts.iter().map(|p| p.len() as u8).collect());
    }
    Ok(map)
}
