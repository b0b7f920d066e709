//! German prior polarity of words, for ratings that no frame row names.
//!
//! A speaker's predicate that says something negative of an actor or of an actor's act is
//! ACCUSE (rule 3 of `evaluation/gold/README.md`). The frame file lists such words one by
//! one (`unpassend`, `Farce`: the `A` rows with `cop`); unseen text brings its own words of
//! criticism, so an adjective without a row of its own takes its polarity from a lexicon,
//! and a negative one the rating frame ([`PolarityLexicon::rating`]). A noun is read only
//! where the clause makes it a rating, as a copula's predicate (`sei eine Zumutung`) or a
//! rating verb's complement (`hält das für einen Wermutstropfen`); anywhere else its prior
//! polarity (`Leichen … gefunden`) says nothing of a rating. On GNAD a positive adjective
//! after a copula (`wichtig`, `sicher`, `hoch`) described more often than it praised, so
//! praise stays with the frame rows. The lexicon is two files:
//!
//! * `data/de/apache-2.0/polarity-de.tsv`, generated (`cargo xtask polarity-de`) from the
//!   German Polarity Lexicon of Klenner et al. (Apache-2.0, see the NOTICE there);
//! * `data/events/polarity-de.tsv`, by hand: rows that override a generated word (`none`
//!   removes it: words that rate a situation or a person's state rather than an act), and
//!   word-formation rules written as affixes (`un-` turns the polarity of a listed base
//!   round, `-widrig` is negative).
//!
//! Both have format 1, a header line `word pos polarity …` and tab-separated columns;
//! a malformed line is an error naming the file and the line.

use crate::frames::{Flags, Frame, Pos, Require, Role};
use sitrep_core::fnv::FnvMap;
use sitrep_core::lower::lower;
use sitrep_core::{EventType, Language};
use std::fmt;

/// The sign of a word's prior polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    Neg,
    Pos,
}

impl Polarity {
    fn opposite(self) -> Polarity {
        match self {
            Polarity::Neg => Polarity::Pos,
            Polarity::Pos => Polarity::Neg,
        }
    }
}

/// A malformed polarity file: which file, which line, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolarityError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for PolarityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for PolarityError {}

pub const GENERATED: &str = "data/de/apache-2.0/polarity-de.tsv";
pub const HAND: &str = "data/events/polarity-de.tsv";

/// What a hand row says of a word or an affix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Is(Polarity),
    /// No polarity (removes a generated row).
    None,
    /// Prefix rows only: the opposite of the base's polarity (`un-`).
    Flip,
}

/// A word-formation rule: a prefix or suffix of an adjective.
#[derive(Debug, Clone)]
struct Affix {
    /// Lower case, without the hyphen.
    text: String,
    prefix: bool,
    value: Value,
}

/// The shortest rest of a word beside an affix (`un` + `fair`, `verfassungs` + `widrig`).
const MIN_BASE: usize = 4;

#[derive(Debug, Clone)]
pub struct PolarityLexicon {
    /// Lower-case adjective → its polarity (`None`: removed by a hand row).
    words: FnvMap<String, Option<Polarity>>,
    /// Lower-case noun → its polarity (`None`: removed by a hand row); no affix rules.
    nouns: FnvMap<String, Option<Polarity>>,
    affixes: Vec<Affix>,
    /// The rating frame of a negative word ([`rating_frame`]).
    neg: Frame,
}

impl PolarityLexicon {
    /// The shipped German lexicon (generated rows, then the hand rows over them).
    pub fn new() -> Result<PolarityLexicon, PolarityError> {
        PolarityLexicon::parse(
            include_str!("../../../data/de/apache-2.0/polarity-de.tsv"),
            include_str!("../../../data/events/polarity-de.tsv"),
        )
    }

    pub fn parse(generated: &str, hand: &str) -> Result<PolarityLexicon, PolarityError> {
        let mut lex = PolarityLexicon {
            words: FnvMap::default(),
            nouns: FnvMap::default(),
            affixes: Vec::new(),
            neg: rating_frame(),
        };
        for (file, src) in [(GENERATED, generated), (HAND, hand)] {
            for row in rows(file, src)? {
                let Row {
                    line,
                    word,
                    pos,
                    value,
                } = row;
                let err = |message: String| PolarityError {
                    file,
                    line,
                    message,
                };
                if pos == Pos::Verb {
                    // (verbs are listed by the source; no rule reads them)
                    continue;
                }
                let affix = word
                    .strip_suffix('-')
                    .map(|w| (w, true))
                    .or_else(|| word.strip_prefix('-').map(|w| (w, false)));
                if let Some((text, prefix)) = affix {
                    if file == GENERATED || text.is_empty() || pos != Pos::Adj {
                        return Err(err(format!("an affix row {word:?} here")));
                    }
                    if value == Value::Flip && !prefix {
                        return Err(err(format!("`flip` is for prefixes, not {word:?}")));
                    }
                    lex.affixes.push(Affix {
                        text: lower(text).into_owned(),
                        prefix,
                        value,
                    });
                    continue;
                }
                let v = match value {
                    Value::Is(p) => Some(p),
                    Value::None => None,
                    Value::Flip => return Err(err(format!("`flip` on the word {word:?}"))),
                };
                let map = if pos == Pos::Noun {
                    &mut lex.nouns
                } else {
                    &mut lex.words
                };
                map.insert(lower(word).into_owned(), v);
            }
        }
        Ok(lex)
    }

    /// The prior polarity of adjective `word` (any case): listed, else by the first affix
    /// rule that fits.
    pub fn of(&self, word: &str) -> Option<Polarity> {
        let w = lower(word);
        if let Some(&listed) = self.words.get(&*w) {
            return listed;
        }
        for a in &self.affixes {
            let base = if a.prefix {
                w.strip_prefix(a.text.as_str())
            } else {
                w.strip_suffix(a.text.as_str())
            };
            let Some(base) = base.filter(|b| b.chars().count() >= MIN_BASE) else {
                continue;
            };
            match a.value {
                Value::Is(p) => return Some(p),
                Value::None => return None,
                Value::Flip => {
                    if let Some(&Some(p)) = self.words.get(base) {
                        return Some(p.opposite());
                    }
                }
            }
        }
        None
    }

    /// The rating frame for adjective `word`: ACCUSE disapprove for a negative word, with
    /// the conditions and roles of the frame file's rating rows (`cop`, the speaker rates
    /// the subject, `react`); none for a positive one. Praise is left to the frame file's
    /// rows: read on GNAD, the positive words of a copula describe far more often than they
    /// praise (`wichtig`, `sicher`, `hoch`), and negated they disapprove as seldom (`war
    /// sich nicht sicher`).
    pub fn rating(&self, word: &str) -> Option<&Frame> {
        match self.of(word)? {
            Polarity::Neg => Some(&self.neg),
            Polarity::Pos => None,
        }
    }

    /// The rating frame for noun `word` as a predicate or a rating verb's complement
    /// (`sei eine Zumutung`, `für einen Wermutstropfen`): as [`Self::rating`], for listed
    /// nouns only (no word formation: a compound's polarity is not its head's,
    /// `Abfallwirtschaft`).
    pub fn noun_rating(&self, word: &str) -> Option<&Frame> {
        match self.nouns.get(&*lower(word)).copied().flatten()? {
            Polarity::Neg => Some(&self.neg),
            Polarity::Pos => None,
        }
    }

    /// Whether `f` is this lexicon's rating frame (a rating by polarity alone).
    pub fn is_rating(&self, f: &Frame) -> bool {
        std::ptr::eq(f, &self.neg)
    }
}

/// The frame of a rating by polarity: the frame file's rating rows (`unpassend A cop ACCUSE
/// disapprove 111 spk subj react`) as one frame. Rule id `de.polarity.neg`.
fn rating_frame() -> Frame {
    Frame {
        id: format!("{}.polarity.neg", Language::De.code()),
        lemma: String::new(),
        pos: Pos::Adj,
        requires: vec![Require::Copula],
        event: Some(EventType::Accuse),
        mode: Some("disapprove".into()),
        cameo: Some("111".into()),
        source: vec![Role::Spk],
        target: vec![Role::Subj],
        flags: Flags {
            react: true,
            ..Flags::default()
        },
        example: String::new(),
        line: 0,
    }
}

struct Row<'a> {
    line: usize,
    word: &'a str,
    pos: Pos,
    value: Value,
}

fn rows<'a>(file: &'static str, src: &'a str) -> Result<Vec<Row<'a>>, PolarityError> {
    let err = |line: usize, message: String| PolarityError {
        file,
        line,
        message,
    };
    let mut lines = src.lines().enumerate().map(|(i, l)| (i + 1, l));
    match lines.next() {
        Some((_, "# format 1")) => {}
        _ => return Err(err(1, "the first line must be `# format 1`".into())),
    }
    let mut out = Vec::new();
    let mut header = false;
    for (n, line) in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !header {
            if cols.get(..3) != Some(&["word", "pos", "polarity"][..]) {
                return Err(err(n, "the header must start `word pos polarity`".into()));
            }
            header = true;
            continue;
        }
        if cols.len() < 3 || cols[0].is_empty() {
            return Err(err(n, format!("expected word, pos, polarity: {line:?}")));
        }
        let pos = match cols[1] {
            "A" => Pos::Adj,
            "N" => Pos::Noun,
            "V" => Pos::Verb,
            other => return Err(err(n, format!("unknown pos {other:?} (A, N or V)"))),
        };
        let value = match cols[2] {
            "neg" => Value::Is(Polarity::Neg),
            "pos" => Value::Is(Polarity::Pos),
            "none" => Value::None,
            "flip" => Value::Flip,
            other => {
                return Err(err(
                    n,
                    format!("unknown polarity {other:?} (neg, pos, none, flip)"),
                ))
            }
        };
        out.push(Row {
            line: n,
            word: cols[0],
            pos,
            value,
        });
    }
    if !header {
        return Err(err(1, "no header line".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEN: &str = "# format 1\nword\tpos\tpolarity\tstrength\torigin\n\
        fair\tA\tpos\t1.0\tx\nlächerlich\tA\tneg\t1.0\tx\nSkandal\tN\tneg\t1.0\tx\n\
        Abbau\tN\tneg\t1.0\tx\nschwierig\tA\tneg\t0.7\tx\n";
    const HAND_SRC: &str = "# format 1\nword\tpos\tpolarity\torigin\n\
        schwierig\tA\tnone\tsituation\nAbbau\tN\tnone\tx\nun-\tA\tflip\tformation\n-widrig\tA\tneg\tformation\n";

    #[test]
    fn listed_removed_and_formed() {
        let p = PolarityLexicon::parse(GEN, HAND_SRC).unwrap();
        assert_eq!(p.of("Lächerlich"), Some(Polarity::Neg));
        assert_eq!(p.of("fair"), Some(Polarity::Pos));
        // a hand row removes a generated word
        assert_eq!(p.of("schwierig"), None);
        // `un-` turns a listed base round; an unlisted base stays unknown
        assert_eq!(p.of("unfair"), Some(Polarity::Neg));
        assert_eq!(p.of("unbekannt"), None);
        assert_eq!(p.of("verfassungswidrig"), Some(Polarity::Neg));
        // the affix needs a base of four letters: `widrig` alone is not `-widrig`
        assert_eq!(p.of("widrig"), None);
        // nouns are kept apart: not adjectives, and rated only by `noun_rating`
        assert_eq!(p.of("Skandal"), None);
        assert!(p.rating("Skandal").is_none());
        assert!(p.is_rating(p.noun_rating("skandal").unwrap()));
        assert!(p.noun_rating("lächerlich").is_none());
        // a hand row removes a generated noun
        assert!(p.noun_rating("Abbau").is_none());
        let r = p.rating("unfair").unwrap();
        assert_eq!(
            (r.event, r.id.as_str()),
            (Some(EventType::Accuse), "de.polarity.neg")
        );
        assert!(p.is_rating(r));
        // praise is left to the frame rows
        assert!(p.rating("fair").is_none());
    }

    #[test]
    fn malformed_files_name_file_and_line() {
        let e = PolarityLexicon::parse(GEN, "# format 1\nword\tpos\tpolarity\nfoo\tA\tbad\n")
            .unwrap_err();
        assert_eq!((e.file, e.line), (HAND, 3));
        let e = PolarityLexicon::parse("word\tpos\tpolarity\n", HAND_SRC).unwrap_err();
        assert_eq!((e.file, e.line), (GENERATED, 1));
        let e = PolarityLexicon::parse(GEN, "# format 1\nword\tpos\tpolarity\n-los\tA\tflip\n")
            .unwrap_err();
        assert!(e.message.contains("prefixes"), "{e}");
        // word formation is for adjectives
        let e = PolarityLexicon::parse(GEN, "# format 1\nword\tpos\tpolarity\n-los\tN\tneg\n")
            .unwrap_err();
        assert_eq!((e.file, e.line), (HAND, 3));
    }

    #[test]
    fn shipped_files_load() {
        let p = PolarityLexicon::new().unwrap_or_else(|e| panic!("{e}"));
        assert!(p.words.len() > 2000);
        assert_eq!(p.of("säumig"), Some(Polarity::Neg));
        assert!(p.nouns.len() > 1000);
        assert!(p.noun_rating("Wermutstropfen").is_some());
    }
}
