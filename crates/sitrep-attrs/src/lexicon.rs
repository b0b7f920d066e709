//! The word lists of `data/attrs/*.tsv`, parsed once into hash maps keyed by lower-cased
//! words (or phrases of lower-cased words joined by one space).

use crate::DataError;
use sitrep_core::fnv::FnvMap;
use sitrep_core::Language;

/// The shipped TSV sources, embedded at compile time.
pub(crate) const NUMBERS: &str = include_str!("../../../data/attrs/numbers.tsv");
pub(crate) const MODIFIERS: &str = include_str!("../../../data/attrs/modifiers.tsv");
pub(crate) const TIME: &str = include_str!("../../../data/attrs/time.tsv");
pub(crate) const SPEECH: &str = include_str!("../../../data/attrs/speech.tsv");
pub(crate) const SOURCES: &str = include_str!("../../../data/attrs/sources.tsv");

/// What a number word is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    Card(f64),
    Mult(f64),
    /// A plural multiplier: scales a number before it, vague alone (`Millionen`).
    MultPl(f64),
    /// A word after a number that makes it no quantity (`Uhr`).
    Skip,
    /// A word before a number that makes it a label (`Nr.`, `Artikel`).
    Label,
    /// A plural amount without value; the magnitude.
    Vague(f64),
    /// An indefinite article (one, before a multiplier).
    Art,
}

/// How a modifier bounds a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ModKind {
    Approx,
    Min,
    Max,
}

/// What a time word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeWord {
    Month(u32),
    Weekday(u32),
    Day(i32),
    Period(Period),
    Rel(i32),
    Part(Part),
    Daypart,
    Year,
}

/// A calendar period a relative modifier counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    Week,
    Weekend,
    Month,
    Year,
    /// A period word with no resolution of its own (`Jahreswechsel`).
    Other,
}

/// A part of a period: `Anfang`, `Mitte`, `Ende`; `early`, `mid`, `late`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Start,
    Mid,
    End,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Start => "start",
            Part::Mid => "mid",
            Part::End => "end",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeechKind {
    Say,
    Report,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceCue {
    Before,
    After,
    Compound,
    Unnamed,
    ReportVerb,
    /// `gegenüber X`, `im Gespräch mit X`: a medium the speaker talked to.
    Told,
    /// `demnach`, `nach ersten Erkenntnissen`: the source cited before goes on.
    Anaphor,
}

/// One language's lists.
#[derive(Debug, Default, Clone)]
pub(crate) struct LangLex {
    pub numbers: FnvMap<String, NumWord>,
    pub units: FnvMap<String, String>,
    /// Phrase → kind; `mod_max_len` is the longest phrase in words.
    pub modifiers: FnvMap<String, ModKind>,
    pub mod_max_len: usize,
    /// A word may be several kinds (`morgen`: day and daypart; `jahr`: period and year).
    pub time: FnvMap<String, Vec<TimeWord>>,
    pub speech: FnvMap<String, SpeechKind>,
    /// Endings of role nouns that name a person (`kanzler`, `-chef`, `minister`): a
    /// definite role phrase as a speaker refers back to the person named last.
    pub roles: Vec<String>,
    pub sources: FnvMap<String, SourceCue>,
    /// Nouns of a text or medium that a definite citation uses to point back at the
    /// source named before (`den Schriftstücken zufolge`, `laut der Zeitung`).
    pub back_nouns: sitrep_core::fnv::FnvSet<String>,
    /// The first words of the source phrases (a cheap test before building phrases).
    pub src_first: sitrep_core::fnv::FnvSet<String>,
    pub src_max_len: usize,
}

/// Both languages' lists.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub langs: [LangLex; 2],
}

/// The rows of a TSV file: comment lines (`#`) and the column header skipped, each row
/// split into exactly `cols` fields, with the file name and line number for errors.
fn rows<'a>(
    file: &'static str,
    src: &'a str,
    cols: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), DataError>> + 'a {
    let mut header_seen = false;
    src.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        if !header_seen {
            header_seen = true;
            return None;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != cols {
            return Some(Err(DataError::new(
                file,
                i + 1,
                format!("{} columns, expected {cols}", f.len()),
            )));
        }
        Some(Ok((i + 1, f)))
    })
}

fn lang_of(file: &'static str, line: usize, s: &str) -> Result<usize, DataError> {
    match s {
        "de" => Ok(Language::De as usize),
        "en" => Ok(Language::En as usize),
        _ => Err(DataError::new(
            file,
            line,
            format!("unknown language {s:?}"),
        )),
    }
}

fn check_key(file: &'static str, line: usize, key: &str) -> Result<(), DataError> {
    if key.is_empty() || key != key.to_lowercase() || key.contains("  ") || key.trim() != key {
        return Err(DataError::new(
            file,
            line,
            format!("{key:?} must be lower case, words separated by one space"),
        ));
    }
    Ok(())
}

fn dup(file: &'static str, line: usize, key: &str) -> DataError {
    DataError::new(file, line, format!("{key:?} listed twice"))
}

impl Lexicon {
    /// Parses the five sources (in the order of the shipped files).
    pub fn parse(
        numbers: &str,
        modifiers: &str,
        time: &str,
        speech: &str,
        sources: &str,
    ) -> Result<Lexicon, DataError> {
        let mut langs: [LangLex; 2] = Default::default();

        const N: &str = "numbers.tsv";
        for r in rows(N, numbers, 4) {
            let (line, f) = r?;
            let l = lang_of(N, line, f[0])?;
            check_key(N, line, f[1])?;
            let num = |s: &str| -> Result<f64, DataError> {
                s.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v > 0.0)
                    .ok_or_else(|| DataError::new(N, line, format!("bad value {s:?}")))
            };
            let w = match f[2] {
                "card" => NumWord::Card(num(f[3])?),
                "mult" => NumWord::Mult(num(f[3])?),
                "vague" => NumWord::Vague(num(f[3])?),
                "multpl" => NumWord::MultPl(num(f[3])?),
                "art" => NumWord::Art,
                "skip" => NumWord::Skip,
                "label" => NumWord::Label,
                "sym" => {
                    if langs[l]
                        .units
                        .insert(f[1].to_string(), f[3].to_string())
                        .is_some()
                    {
                        return Err(dup(N, line, f[1]));
                    }
                    continue;
                }
                k => return Err(DataError::new(N, line, format!("unknown kind {k:?}"))),
            };
            if langs[l].numbers.insert(f[1].to_string(), w).is_some() {
                return Err(dup(N, line, f[1]));
            }
        }

        const M: &str = "modifiers.tsv";
        for r in rows(M, modifiers, 3) {
            let (line, f) = r?;
            let l = lang_of(M, line, f[0])?;
            check_key(M, line, f[1])?;
            let k = match f[2] {
                "approx" => ModKind::Approx,
                "min" => ModKind::Min,
                "max" => ModKind::Max,
                k => return Err(DataError::new(M, line, format!("unknown kind {k:?}"))),
            };
            let lx = &mut langs[l];
            lx.mod_max_len = lx.mod_max_len.max(f[1].split(' ').count());
            if lx.modifiers.insert(f[1].to_string(), k).is_some() {
                return Err(dup(M, line, f[1]));
            }
        }

        const T: &str = "time.tsv";
        for r in rows(T, time, 4) {
            let (line, f) = r?;
            let l = lang_of(T, line, f[0])?;
            check_key(T, line, f[1])?;
            let bad = || DataError::new(T, line, format!("bad value {:?}", f[3]));
            let int = |lo: i32, hi: i32| -> Result<i32, DataError> {
                f[3].parse::<i32>()
                    .ok()
                    .filter(|v| (lo..=hi).contains(v))
                    .ok_or_else(bad)
            };
            let w = match f[2] {
                "month" => TimeWord::Month(int(1, 12)? as u32),
                "weekday" => TimeWord::Weekday(int(1, 7)? as u32),
                "day" => TimeWord::Day(int(-7, 7)?),
                "rel" => TimeWord::Rel(int(-1, 1)?),
                "period" => TimeWord::Period(match f[3] {
                    "week" => Period::Week,
                    "weekend" => Period::Weekend,
                    "month" => Period::Month,
                    "year" => Period::Year,
                    "-" => Period::Other,
                    _ => return Err(bad()),
                }),
                "part" => TimeWord::Part(match f[3] {
                    "start" => Part::Start,
                    "mid" => Part::Mid,
                    "end" => Part::End,
                    _ => return Err(bad()),
                }),
                "daypart" => TimeWord::Daypart,
                "year" => TimeWord::Year,
                k => return Err(DataError::new(T, line, format!("unknown kind {k:?}"))),
            };
            let e = langs[l].time.entry(f[1].to_string()).or_default();
            if e.contains(&w) {
                return Err(dup(T, line, f[1]));
            }
            e.push(w);
        }

        const S: &str = "speech.tsv";
        for r in rows(S, speech, 3) {
            let (line, f) = r?;
            let l = lang_of(S, line, f[0])?;
            check_key(S, line, f[1])?;
            let k = match f[2] {
                "say" => SpeechKind::Say,
                "report" => SpeechKind::Report,
                "role" => {
                    if langs[l].roles.iter().any(|r| r == f[1]) {
                        return Err(dup(S, line, f[1]));
                    }
                    langs[l].roles.push(f[1].to_string());
                    continue;
                }
                k => return Err(DataError::new(S, line, format!("unknown kind {k:?}"))),
            };
            if langs[l].speech.insert(f[1].to_string(), k).is_some() {
                return Err(dup(S, line, f[1]));
            }
        }

        const C: &str = "sources.tsv";
        for r in rows(C, sources, 3) {
            let (line, f) = r?;
            let l = lang_of(C, line, f[0])?;
            check_key(C, line, f[1])?;
            let k = match f[2] {
                "before" => SourceCue::Before,
                "after" => SourceCue::After,
                "compound" => SourceCue::Compound,
                "unnamed" => SourceCue::Unnamed,
                "reportverb" => SourceCue::ReportVerb,
                "told" => SourceCue::Told,
                "anaphor" => SourceCue::Anaphor,
                "backnoun" => {
                    if !langs[l].back_nouns.insert(f[1].to_string()) {
                        return Err(dup(C, line, f[1]));
                    }
                    continue;
                }
                k => return Err(DataError::new(C, line, format!("unknown kind {k:?}"))),
            };
            let lx = &mut langs[l];
            lx.src_max_len = lx.src_max_len.max(f[1].split(' ').count());
            lx.src_first
                .insert(f[1].split(' ').next().unwrap_or_default().to_string());
            if lx.sources.insert(f[1].to_string(), k).is_some() {
                return Err(dup(C, line, f[1]));
            }
        }
        Ok(Lexicon { langs })
    }

    pub fn shipped() -> Result<Lexicon, DataError> {
        Lexicon::parse(NUMBERS, MODIFIERS, TIME, SPEECH, SOURCES)
    }
}
