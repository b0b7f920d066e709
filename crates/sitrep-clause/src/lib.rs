//! Clauses and their verb complexes over a tagged sentence.
//!
//! Given the words of one sentence with their part-of-speech tags, lemmas and UD features
//! (anything implementing [`Word`]), [`ClauseAnalyzer::analyze`] splits the sentence into
//! [`Clause`]s and gives each its [`VerbComplex`]:
//!
//! * the finite verb, the main (lexical) verb, every verb word of the complex and the
//!   separated particle, each as an [`At`] (word index and byte span);
//! * the **joined lemma**: German `warf … vor` → `vorwerfen`, English `pulled … out` →
//!   `pull out`; for `zu`-infinitives (`abzuziehen`) and participles the lemma is the
//!   tagger's;
//! * [`ClauseMood`], [`ClauseTense`], voice (core's [`Voice`] plus the [`PassiveAux`]),
//!   the modal verb and the negation word.
//!
//! The stage is rule-based and reads only tags, lemmas and features: it never looks words
//! up except in one list (the German verbs whose perfect takes `sein`, in
//! `data/sein-perfect.de.txt`). The rules and their known limits are documented in
//! [`de`] and [`en`]; the labels' conventions (Duden's names for German tenses, how
//! `würde` and `möchte` are read) on the enums.
//!
//! ```
//! # use sitrep_clause::*;
//! # use sitrep_core::*;
//! // Any tagger output works through the `Word` trait; here, the test helper's words.
//! let words = testing::tagged("Poljanski/NE warf/VVFIN/werfen/Mood=Ind|Tense=Past \
//!     dem/ART Westen/NN Hysterie/NN vor/PTKVZ ./$.");
//! let clauses = ClauseAnalyzer::new().analyze(Language::De, &words);
//! let v = clauses[0].verb.as_ref().unwrap();
//! assert_eq!(v.lemma, "vorwerfen");
//! assert_eq!((v.mood, v.tense), (Some(ClauseMood::Ind), Some(ClauseTense::Past)));
//! ```

pub mod de;
pub mod en;
mod labels;
pub mod testing;

pub use labels::{ClauseKind, ClauseMood, ClauseTense, PassiveAux};
use serde::Serialize;
use sitrep_core::{Feats, Language, Span, Upos, Voice, Xpos};
use std::collections::HashSet;

/// One analysed word, as the clause stage needs it. Implement it for the tagger's output
/// type (or a CoNLL-U row) to plug that in.
pub trait Word {
    /// The word as written.
    fn text(&self) -> &str;
    /// Byte span in the document text.
    fn span(&self) -> Span;
    fn upos(&self) -> Upos;
    /// STTS for German, Penn for English.
    fn xpos(&self) -> Xpos;
    /// The lemma (for verbs: the infinitive, `werfen`, `abziehen`).
    fn lemma(&self) -> &str;
    fn feats(&self) -> Feats;
}

/// A word of the sentence: its index in the slice given to [`ClauseAnalyzer::analyze`]
/// and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct At {
    pub index: u32,
    pub span: Span,
}

impl At {
    pub(crate) fn of<W: Word>(words: &[W], i: usize) -> At {
        At {
            index: i as u32,
            span: words[i].span(),
        }
    }
}

/// A modal verb in the verb complex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Modal {
    pub at: At,
    /// Lower-case lemma: `sollen`, `wollen`, `mögen` (for `möchte`), `can`, `must`.
    pub lemma: String,
}

/// The verbs of one clause and what they say together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerbComplex {
    /// The finite verb: the clause's own, or, in a coordinated clause without one
    /// (`… wurden festgenommen und verhört`), the one it shares (then `shared_finite`).
    pub finite: Option<At>,
    /// The lexical verb (the most deeply embedded verb of the chain): `verlegt` in `sollen
    /// nach Polen verlegt werden`; a copula or auxiliary when there is no other verb.
    pub main: At,
    /// The separated particle (`vor` in `warf … vor`; English `out` in `pulled … out`).
    pub particle: Option<At>,
    /// Every verb word of the complex (auxiliaries, modals, main verb) in text order,
    /// including a shared finite verb.
    pub verbs: Vec<At>,
    /// The main verb's lemma, joined with a separated particle.
    pub lemma: String,
    /// `None` in clauses without a finite verb (`zu`-infinitives).
    pub mood: Option<ClauseMood>,
    /// `None` in clauses without a finite verb.
    pub tense: Option<ClauseTense>,
    pub voice: Voice,
    /// Which auxiliary makes the passive; `Some` exactly when `voice` is `Pass`.
    pub passive: Option<PassiveAux>,
    pub modal: Option<Modal>,
    /// The first negating word of the clause (`nicht`, `kein…`, `nie`, `not`, `n't`, …).
    pub negation: Option<At>,
    /// The finite verb is shared with a coordinated clause, not this clause's own.
    pub shared_finite: bool,
}

/// The parts of a verb complex as word indices, as the language modules find them; turned
/// into a [`VerbComplex`] the same way for every language.
pub(crate) struct Parts<'c> {
    pub finite: Option<usize>,
    pub main: usize,
    pub particle: Option<usize>,
    /// The verb chain, in any order.
    pub chain: &'c [usize],
    /// The clause's words, searched for a negation.
    pub clause: &'c [usize],
    pub lemma: String,
    pub mood: Option<ClauseMood>,
    pub tense: Option<ClauseTense>,
    pub passive: Option<PassiveAux>,
    pub modal: Option<Modal>,
    pub shared_finite: bool,
}

impl Parts<'_> {
    pub(crate) fn build<W: Word>(self, words: &[W], is_negation: fn(&W) -> bool) -> VerbComplex {
        let mut verbs: Vec<At> = self.chain.iter().map(|&j| At::of(words, j)).collect();
        verbs.sort_by_key(|v| v.index);
        VerbComplex {
            finite: self.finite.map(|f| At::of(words, f)),
            main: At::of(words, self.main),
            particle: self.particle.map(|p| At::of(words, p)),
            verbs,
            lemma: self.lemma,
            mood: self.mood,
            tense: self.tense,
            voice: if self.passive.is_some() {
                Voice::Pass
            } else {
                Voice::Act
            },
            passive: self.passive,
            modal: self.modal,
            negation: self
                .clause
                .iter()
                .copied()
                .find(|&j| is_negation(&words[j]))
                .map(|j| At::of(words, j)),
            shared_finite: self.shared_finite,
        }
    }
}

/// A clause: its words (possibly discontinuous, when another clause is embedded) and its
/// verb complex.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    pub kind: ClauseKind,
    /// Indices of the clause's words, ascending; punctuation that separates clauses is in
    /// no clause.
    pub words: Vec<u32>,
    /// From the first word's start to the last word's end.
    pub span: Span,
    /// `None` for a verbless clause (a heading, a fragment).
    pub verb: Option<VerbComplex>,
}

/// Splits sentences into clauses and analyses verb complexes. Build it once and share it:
/// it holds only the German `sein`-perfect list.
#[derive(Debug, Clone)]
pub struct ClauseAnalyzer {
    sein_verbs: HashSet<String>,
    sein_bases: Vec<String>,
}

/// The German verbs whose perfect takes `sein`.
pub const SEIN_PERFECT_DE: &str = include_str!("../data/sein-perfect.de.txt");

impl Default for ClauseAnalyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl ClauseAnalyzer {
    /// The analyser with the built-in German `sein`-perfect list.
    pub fn new() -> Self {
        let mut sein_verbs = HashSet::new();
        let mut sein_bases = Vec::new();
        for line in SEIN_PERFECT_DE.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.strip_prefix("base:") {
                Some(b) => sein_bases.push(b.to_string()),
                None => {
                    sein_verbs.insert(line.to_string());
                }
            }
        }
        ClauseAnalyzer {
            sein_verbs,
            sein_bases,
        }
    }

    /// The clauses of one sentence, in the order of their first word.
    pub fn analyze<W: Word>(&self, language: Language, words: &[W]) -> Vec<Clause> {
        match language {
            Language::De => de::analyze(self, words),
            Language::En => en::analyze(words),
        }
    }

    /// Whether the German verb `lemma` forms its perfect with `sein` (so `sein` + its
    /// participle is a perfect, not a state passive).
    pub fn takes_sein(&self, lemma: &str) -> bool {
        if self.sein_verbs.contains(lemma) || self.sein_bases.iter().any(|b| b == lemma) {
            return true;
        }
        // A separable particle before a motion base: `ankommen`, `zurückkehren`. Only
        // separable particles: `bekommen`, `vertreten`, `erfahren` take `haben`.
        de::SEPARABLE_PARTICLES.iter().any(|p| {
            lemma.strip_prefix(p).is_some_and(|rest| {
                self.sein_bases.iter().any(|b| b == rest) || self.sein_verbs.contains(rest)
            })
        })
    }
}

/// Builds a clause's span and sorts its words.
pub(crate) fn make_clause<W: Word>(
    words: &[W],
    kind: ClauseKind,
    mut ix: Vec<u32>,
    verb: Option<VerbComplex>,
) -> Clause {
    ix.sort_unstable();
    ix.dedup();
    let span = match (ix.first(), ix.last()) {
        (Some(&a), Some(&b)) => Span {
            start: words[a as usize].span().start,
            end: words[b as usize].span().end,
        },
        _ => Span { start: 0, end: 0 },
    };
    Clause {
        kind,
        words: ix,
        span,
        verb,
    }
}

/// Tense steps found along the auxiliary chain, folded with the finite verb's tense.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Steps {
    pub perfect: bool,
    pub future: bool,
}

/// The clause tense from the finite verb's morphological tense (`past`) and the steps.
pub(crate) fn fold_tense(past: bool, s: Steps) -> ClauseTense {
    match (s.future, s.perfect, past) {
        (true, true, _) => ClauseTense::FutPerf,
        (true, false, _) => ClauseTense::Fut,
        (false, true, true) => ClauseTense::Pqp,
        (false, true, false) => ClauseTense::Perf,
        (false, false, true) => ClauseTense::Past,
        (false, false, false) => ClauseTense::Pres,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sein_list_parses_and_answers() {
        let a = ClauseAnalyzer::new();
        for v in [
            "sterben",
            "ankommen",
            "zurückkehren",
            "abziehen",
            "eskalieren",
        ] {
            assert!(a.takes_sein(v), "{v}");
        }
        for v in [
            "bekommen",
            "vertreten",
            "verlegen",
            "schließen",
            "stärken",
            "abbrechen",
        ] {
            assert!(!a.takes_sein(v), "{v}");
        }
    }
}
