//! German morphology accuracy on the hand-written test set `testdata/morph/de.txt`
//! (`sitrep eval-morph`): case of noun-phrase heads, joined verb lemmas and the clause
//! labels (mood, tense, voice, modal, negation).
//!
//! The set's format is documented at the top of the file. [`parse`] reads it and resolves
//! every annotated word to its byte span in the sentence (so a word that does not occur is
//! a parse error). [`score`] runs any analyser over the sentences (a closure from sentence
//! text to [`SentenceAnalysis`]: words with lemma and features, and the clauses of
//! `sitrep-clause`) and compares:
//!
//! * **case**: the system word for an annotated head is the last word overlapping its span
//!   (the head of `UN-Generalsekretär` split as `UN` `-` `Generalsekretär`); missing case
//!   counts as wrong;
//! * **clauses**: a gold clause is matched to the system clause whose verb words
//!   (verbs and particle) overlap most of the gold clause's words; every label of an
//!   unmatched gold clause counts as wrong;
//! * **participle attributes** (`attr`): the system word's lemma.
//!
//! "Joined verb lemma" accuracy pools clause lemmas and participle attributes; the report
//! also gives them apart.

use sitrep_clause::{Clause, ClauseMood, ClauseTense, PassiveAux};
use sitrep_core::{Case, Feats, Span};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The German test set, embedded.
pub const DE_SET: &str = include_str!("../../../testdata/morph/de.txt");

/// A word of the sentence named in an annotation (`Soldaten#2`), resolved to its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordRef {
    pub word: String,
    /// 1-based occurrence.
    pub nth: usize,
    pub span: Span,
}

/// Voice as the set writes it: the state passive apart from the werden-passive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GoldVoice {
    Act,
    Pass,
    StPass,
}

impl GoldVoice {
    pub fn as_str(self) -> &'static str {
        match self {
            GoldVoice::Act => "Act",
            GoldVoice::Pass => "Pass",
            GoldVoice::StPass => "StPass",
        }
    }

    /// The set's voice for a system verb complex.
    pub fn of(passive: Option<PassiveAux>) -> GoldVoice {
        match passive {
            None => GoldVoice::Act,
            Some(PassiveAux::Sein) => GoldVoice::StPass,
            Some(_) => GoldVoice::Pass,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldCase {
    pub word: WordRef,
    pub case: Case,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldClause {
    pub words: Vec<WordRef>,
    pub lemma: String,
    pub mood: Option<ClauseMood>,
    pub tense: Option<ClauseTense>,
    pub voice: GoldVoice,
    pub modal: Option<String>,
    pub neg: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttr {
    pub word: WordRef,
    pub lemma: String,
}

/// One annotated sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// 1-based line of the `sNNN` line.
    pub line: usize,
    pub text: String,
    pub cases: Vec<GoldCase>,
    pub clauses: Vec<GoldClause>,
    pub attrs: Vec<GoldAttr>,
}

/// A malformed line of the test set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

fn err<T>(line: usize, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError {
        line,
        message: message.into(),
    })
}

/// Byte offsets of whole-word occurrences of `w` in `text` (not preceded or followed by
/// a letter or digit).
fn occurrences(text: &str, w: &str) -> Vec<usize> {
    let is_word = |c: char| c.is_alphanumeric();
    text.match_indices(w)
        .filter(|&(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .map(|(i, _)| i)
        .collect()
}

fn word_ref(text: &str, r: &str, line: usize) -> Result<WordRef, ParseError> {
    let (word, nth) = match r.rsplit_once('#') {
        Some((w, n)) => match n.parse::<usize>() {
            Ok(n) if n >= 1 => (w, n),
            _ => return err(line, format!("bad occurrence in {r:?}")),
        },
        None => (r, 1),
    };
    let occ = occurrences(text, word);
    match occ.get(nth - 1) {
        Some(&i) => Ok(WordRef {
            word: word.to_string(),
            nth,
            span: Span::new(i, i + word.len()),
        }),
        None => err(
            line,
            format!("{r:?} does not occur (as a whole word) in the sentence"),
        ),
    }
}

fn parse_case(s: &str) -> Option<Case> {
    s.parse().ok()
}

/// Parses the test-set format (see the top of `testdata/morph/de.txt`).
pub fn parse(src: &str) -> Result<Vec<Item>, ParseError> {
    let mut items: Vec<Item> = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (n, raw) in src.lines().enumerate() {
        let line = n + 1;
        let l = raw.trim_end();
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let (head, rest) = l.split_once(' ').unwrap_or((l, ""));
        if head.len() > 1 && head.starts_with('s') && head[1..].chars().all(|c| c.is_ascii_digit())
        {
            if !ids.insert(head.to_string()) {
                return err(line, format!("duplicate id {head}"));
            }
            if rest.trim().is_empty() {
                return err(line, "empty sentence");
            }
            items.push(Item {
                id: head.to_string(),
                line,
                text: rest.to_string(),
                cases: Vec::new(),
                clauses: Vec::new(),
                attrs: Vec::new(),
            });
            continue;
        }
        let Some(item) = items.last_mut() else {
            return err(line, "annotation before the first sentence");
        };
        match head {
            "case" => {
                for pair in rest.split_whitespace() {
                    let Some((w, c)) = pair.split_once('=') else {
                        return err(line, format!("expected WORD=CASE, got {pair:?}"));
                    };
                    let Some(case) = parse_case(c) else {
                        return err(line, format!("unknown case {c:?}"));
                    };
                    let word = word_ref(&item.text, w, line)?;
                    item.cases.push(GoldCase { word, case });
                }
            }
            "attr" => {
                let Some((w, lemma)) = split_arrow(rest) else {
                    return err(line, "expected `attr WORD → LEMMA`");
                };
                let word = word_ref(&item.text, w.trim(), line)?;
                item.attrs.push(GoldAttr {
                    word,
                    lemma: lemma.trim().to_string(),
                });
            }
            "clause" => {
                let Some((left, labels)) = rest.split_once('|') else {
                    return err(line, "expected `clause WORDS → LEMMA | labels`");
                };
                let Some((ws, lemma)) = split_arrow(left) else {
                    return err(line, "expected `WORDS → LEMMA` before `|`");
                };
                let mut words = Vec::new();
                for w in ws.split_whitespace() {
                    words.push(word_ref(&item.text, w, line)?);
                }
                if words.is_empty() {
                    return err(line, "clause without verb words");
                }
                let mut kv = BTreeMap::new();
                for p in labels.split_whitespace() {
                    let Some((k, v)) = p.split_once('=') else {
                        return err(line, format!("expected KEY=VALUE, got {p:?}"));
                    };
                    kv.insert(k, v);
                }
                let get = |k: &str| -> Result<&'_ str, ParseError> {
                    kv.get(k).copied().ok_or_else(|| ParseError {
                        line,
                        message: format!("missing {k}="),
                    })
                };
                fn opt(v: &str) -> Option<&str> {
                    (v != "-").then_some(v)
                }
                let mood = match opt(get("mood")?) {
                    None => None,
                    Some(v) => Some(
                        v.parse::<ClauseMood>()
                            .map_err(|m| ParseError { line, message: m })?,
                    ),
                };
                let tense = match opt(get("tense")?) {
                    None => None,
                    Some(v) => Some(
                        v.parse::<ClauseTense>()
                            .map_err(|m| ParseError { line, message: m })?,
                    ),
                };
                let voice = match get("voice")? {
                    "Act" => GoldVoice::Act,
                    "Pass" => GoldVoice::Pass,
                    "StPass" => GoldVoice::StPass,
                    v => return err(line, format!("unknown voice {v:?}")),
                };
                let modal = opt(get("modal")?).map(str::to_string);
                let neg = match get("neg")? {
                    "yes" => true,
                    "no" => false,
                    v => return err(line, format!("neg must be yes or no, got {v:?}")),
                };
                if kv.len() != 5 {
                    return err(line, "expected exactly mood, tense, voice, modal, neg");
                }
                if mood.is_none() != tense.is_none() {
                    return err(line, "mood and tense are both `-` or both given");
                }
                item.clauses.push(GoldClause {
                    words,
                    lemma: lemma.trim().to_string(),
                    mood,
                    tense,
                    voice,
                    modal,
                    neg,
                });
            }
            _ => return err(line, format!("unknown line kind {head:?}")),
        }
    }
    Ok(items)
}

fn split_arrow(s: &str) -> Option<(&str, &str)> {
    s.split_once('→').or_else(|| s.split_once("->"))
}

/// A word as the analyser sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SysWord {
    pub span: Span,
    pub lemma: String,
    pub feats: Feats,
}

/// What the analyser says about one sentence. Spans are byte offsets into the sentence
/// text given to it.
#[derive(Debug, Clone, Default)]
pub struct SentenceAnalysis {
    pub words: Vec<SysWord>,
    pub clauses: Vec<Clause>,
}

/// A tagged word as `sitrep-clause` reads it: the tagger's analysis plus its text and span.
#[derive(Debug, Clone, Copy)]
pub struct TaggedWord<'a> {
    pub text: &'a str,
    pub span: Span,
    pub analysis: &'a sitrep_tag::WordAnalysis,
}

impl sitrep_clause::Word for TaggedWord<'_> {
    fn text(&self) -> &str {
        self.text
    }
    fn span(&self) -> Span {
        self.span
    }
    fn upos(&self) -> sitrep_core::Upos {
        self.analysis.upos
    }
    fn xpos(&self) -> sitrep_core::Xpos {
        self.analysis.xpos
    }
    fn lemma(&self) -> &str {
        &self.analysis.lemma
    }
    fn feats(&self) -> Feats {
        self.analysis.feats
    }
}

/// The real pipeline for the set: segmenter, tagger, clause analyser.
pub struct Analyser {
    language: sitrep_core::Language,
    segmenter: sitrep_segment::Segmenter,
    tagger: sitrep_tag::Tagger,
    clauses: sitrep_clause::ClauseAnalyzer,
}

impl Analyser {
    /// Loads the shipped tagger model for `language`.
    pub fn new(language: sitrep_core::Language) -> Result<Analyser, sitrep_tag::ModelError> {
        Ok(Analyser {
            language,
            segmenter: sitrep_segment::Segmenter::new(language),
            tagger: sitrep_tag::Tagger::new(language)?,
            clauses: sitrep_clause::ClauseAnalyzer::new(),
        })
    }

    /// Segments, tags and splits `text` into clauses (each segmenter sentence apart).
    pub fn analyse(&self, text: &str) -> SentenceAnalysis {
        let seg = self.segmenter.segment(text);
        let mut out = SentenceAnalysis::default();
        let mut tags = Vec::new();
        for sent in &seg.sentences {
            let toks = seg.sentence_tokens(sent);
            self.tagger.tag(text, toks, &mut tags);
            let words: Vec<TaggedWord<'_>> = toks
                .iter()
                .zip(&tags)
                .map(|(t, a)| TaggedWord {
                    text: t.span.get(text).unwrap_or(""),
                    span: t.span,
                    analysis: a,
                })
                .collect();
            let base = out.words.len() as u32;
            let mut clauses = self.clauses.analyze(self.language, &words);
            for c in &mut clauses {
                for w in &mut c.words {
                    *w += base;
                }
            }
            out.clauses.extend(clauses);
            out.words.extend(words.iter().map(|w| SysWord {
                span: w.span,
                lemma: w.analysis.lemma.clone(),
                feats: w.analysis.feats,
            }));
        }
        out
    }
}

/// Right / total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Acc {
    pub right: usize,
    pub total: usize,
}

impl Acc {
    pub fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

impl std::fmt::Display for Acc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.3} ({}/{})", self.ratio(), self.right, self.total)
    }
}

/// All scores of one run.
#[derive(Debug, Clone, Default)]
pub struct MorphScore {
    pub sentences: usize,
    pub case: Acc,
    /// Per gold case.
    pub case_by_gold: BTreeMap<&'static str, Acc>,
    /// (gold, system) → count, system `-` for none.
    pub case_confusion: BTreeMap<(&'static str, &'static str), usize>,
    pub clause_found: Acc,
    pub clause_lemma: Acc,
    pub attr_lemma: Acc,
    pub mood: Acc,
    pub tense: Acc,
    pub voice: Acc,
    pub modal: Acc,
    pub neg: Acc,
    /// One line per error, `sNNN what: gold ≠ system`.
    pub errors: Vec<String>,
}

impl MorphScore {
    /// Clause lemmas and participle attributes together: the "joined verb lemma" figure.
    pub fn joined_lemma(&self) -> Acc {
        Acc {
            right: self.clause_lemma.right + self.attr_lemma.right,
            total: self.clause_lemma.total + self.attr_lemma.total,
        }
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn sys_word(a: &SentenceAnalysis, span: Span) -> Option<&SysWord> {
    a.words.iter().rev().find(|w| overlaps(w.span, span))
}

/// Scores an analyser on the items.
pub fn score<F>(items: &[Item], mut analyse: F) -> MorphScore
where
    F: FnMut(&str) -> SentenceAnalysis,
{
    let mut s = MorphScore {
        sentences: items.len(),
        ..MorphScore::default()
    };
    for item in items {
        let a = analyse(&item.text);
        for g in &item.cases {
            let got = sys_word(&a, g.word.span).and_then(|w| w.feats.case);
            let ok = got == Some(g.case);
            s.case.add(ok);
            s.case_by_gold.entry(g.case.as_str()).or_default().add(ok);
            *s.case_confusion
                .entry((g.case.as_str(), got.map_or("-", Case::as_str)))
                .or_default() += 1;
            if !ok {
                s.errors.push(format!(
                    "{} case {}: {} ≠ {}",
                    item.id,
                    g.word.word,
                    g.case,
                    got.map_or("-", Case::as_str)
                ));
            }
        }
        for g in &item.attrs {
            let got = sys_word(&a, g.word.span).map(|w| w.lemma.as_str());
            let ok = got == Some(g.lemma.as_str());
            s.attr_lemma.add(ok);
            if !ok {
                s.errors.push(format!(
                    "{} attr {}: {} ≠ {}",
                    item.id,
                    g.word.word,
                    g.lemma,
                    got.unwrap_or("-")
                ));
            }
        }
        for g in &item.clauses {
            let best = a
                .clauses
                .iter()
                .filter_map(|c| c.verb.as_ref())
                .map(|v| {
                    let spans: Vec<Span> = v
                        .verbs
                        .iter()
                        .chain(v.particle.iter())
                        .map(|x| x.span)
                        .collect();
                    let hits = g
                        .words
                        .iter()
                        .filter(|w| spans.iter().any(|&sp| overlaps(sp, w.span)))
                        .count();
                    (hits, v)
                })
                .filter(|&(h, _)| h > 0)
                .fold(None, |best: Option<(usize, _)>, (h, v)| match best {
                    Some((bh, _)) if bh >= h => best,
                    _ => Some((h, v)),
                })
                .map(|(_, v)| v);
            let words: Vec<&str> = g.words.iter().map(|w| w.word.as_str()).collect();
            let label = words.join(" ");
            s.clause_found.add(best.is_some());
            let Some(v) = best else {
                for acc in [
                    &mut s.clause_lemma,
                    &mut s.mood,
                    &mut s.tense,
                    &mut s.voice,
                    &mut s.modal,
                    &mut s.neg,
                ] {
                    acc.add(false);
                }
                s.errors
                    .push(format!("{} clause {label}: not found", item.id));
                continue;
            };
            let mut check = |what: &str, acc: &mut Acc, gold: String, got: String| {
                let ok = gold == got;
                acc.add(ok);
                if !ok {
                    s.errors
                        .push(format!("{} {what} [{label}]: {gold} ≠ {got}", item.id));
                }
            };
            let dash = |o: Option<&str>| o.unwrap_or("-").to_string();
            check(
                "lemma",
                &mut s.clause_lemma,
                g.lemma.clone(),
                v.lemma.clone(),
            );
            check(
                "mood",
                &mut s.mood,
                dash(g.mood.map(ClauseMood::as_str)),
                dash(v.mood.map(ClauseMood::as_str)),
            );
            check(
                "tense",
                &mut s.tense,
                dash(g.tense.map(ClauseTense::as_str)),
                dash(v.tense.map(ClauseTense::as_str)),
            );
            check(
                "voice",
                &mut s.voice,
                g.voice.as_str().to_string(),
                GoldVoice::of(v.passive).as_str().to_string(),
            );
            check(
                "modal",
                &mut s.modal,
                dash(g.modal.as_deref()),
                dash(v.modal.as_ref().map(|m| m.lemma.as_str())),
            );
            check(
                "neg",
                &mut s.neg,
                if g.neg { "yes" } else { "no" }.to_string(),
                if v.negation.is_some() { "yes" } else { "no" }.to_string(),
            );
        }
    }
    s
}

/// Counts of what the set annotates, for the report.
#[derive(Debug, Clone, Default)]
pub struct SetStats {
    pub sentences: usize,
    pub cases: BTreeMap<&'static str, usize>,
    pub clauses: usize,
    pub attrs: usize,
    pub mood: BTreeMap<String, usize>,
    pub tense: BTreeMap<String, usize>,
    pub voice: BTreeMap<String, usize>,
    pub modal: BTreeMap<String, usize>,
    pub neg: usize,
    /// Clauses whose particle stands apart from the verb (`warf … vor`): the last clause
    /// word is a prefix of the lemma.
    pub separated_particle: usize,
}

pub fn stats(items: &[Item]) -> SetStats {
    let mut st = SetStats {
        sentences: items.len(),
        ..SetStats::default()
    };
    for it in items {
        for c in &it.cases {
            *st.cases.entry(c.case.as_str()).or_default() += 1;
        }
        st.attrs += it.attrs.len();
        for c in &it.clauses {
            st.clauses += 1;
            *st.mood
                .entry(c.mood.map_or("-", ClauseMood::as_str).to_string())
                .or_default() += 1;
            *st.tense
                .entry(c.tense.map_or("-", ClauseTense::as_str).to_string())
                .or_default() += 1;
            *st.voice.entry(c.voice.as_str().to_string()).or_default() += 1;
            *st.modal
                .entry(c.modal.clone().unwrap_or_else(|| "-".to_string()))
                .or_default() += 1;
            st.neg += usize::from(c.neg);
            if c.words.len() >= 2
                && c.words
                    .last()
                    .is_some_and(|w| w.word != c.lemma && c.lemma.starts_with(&w.word))
            {
                st.separated_particle += 1;
            }
        }
    }
    st
}

fn map_line(m: &BTreeMap<impl std::fmt::Display + Ord, usize>) -> String {
    m.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The set's statistics as Markdown.
pub fn stats_markdown(st: &SetStats) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "| what | count |\n|---|---|");
    let _ = writeln!(o, "| sentences | {} |", st.sentences);
    let _ = writeln!(
        o,
        "| case-annotated heads | {} ({}) |",
        st.cases.values().sum::<usize>(),
        map_line(&st.cases)
    );
    let _ = writeln!(o, "| clauses | {} |", st.clauses);
    let _ = writeln!(o, "| by mood | {} |", map_line(&st.mood));
    let _ = writeln!(o, "| by tense | {} |", map_line(&st.tense));
    let _ = writeln!(o, "| by voice | {} |", map_line(&st.voice));
    let _ = writeln!(o, "| by modal | {} |", map_line(&st.modal));
    let _ = writeln!(o, "| negated clauses | {} |", st.neg);
    let _ = writeln!(
        o,
        "| separated particle (`warf … vor`) | {} |",
        st.separated_particle
    );
    let _ = writeln!(o, "| participle attributes | {} |", st.attrs);
    o
}

/// A score as Markdown (figures, case confusions, the first `max_errors` errors).
pub fn score_markdown(s: &MorphScore, max_errors: usize) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "| measure | accuracy |\n|---|---|");
    let _ = writeln!(o, "| case of noun-phrase heads | {} |", s.case);
    for (c, a) in &s.case_by_gold {
        let _ = writeln!(o, "| … gold {c} | {a} |");
    }
    let _ = writeln!(
        o,
        "| joined verb lemma (clauses + attributes) | {} |",
        s.joined_lemma()
    );
    let _ = writeln!(o, "| … clause lemma | {} |", s.clause_lemma);
    let _ = writeln!(o, "| … participle attribute lemma | {} |", s.attr_lemma);
    let _ = writeln!(o, "| clause found | {} |", s.clause_found);
    let _ = writeln!(o, "| mood | {} |", s.mood);
    let _ = writeln!(o, "| tense | {} |", s.tense);
    let _ = writeln!(o, "| voice | {} |", s.voice);
    let _ = writeln!(o, "| modal | {} |", s.modal);
    let _ = writeln!(o, "| negation | {} |", s.neg);
    let _ = writeln!(o, "\nCase confusions (gold → system): {}", {
        let v: Vec<String> = s
            .case_confusion
            .iter()
            .filter(|((g, y), _)| g != y)
            .map(|((g, y), n)| format!("{g}→{y} {n}"))
            .collect();
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    });
    if !s.errors.is_empty() {
        let _ = writeln!(
            o,
            "\nErrors ({} in all, first {}):\n",
            s.errors.len(),
            max_errors.min(s.errors.len())
        );
        for e in s.errors.iter().take(max_errors) {
            let _ = writeln!(o, "* {e}");
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_clause::{At, ClauseKind, VerbComplex};
    use sitrep_core::Voice;

    #[test]
    fn the_set_parses_and_is_large_enough() {
        let items = parse(DE_SET).unwrap_or_else(|e| panic!("testdata/morph/de.txt {e}"));
        assert!(items.len() >= 200, "{} sentences", items.len());
        let st = stats(&items);
        for c in ["Nom", "Acc", "Dat", "Gen"] {
            assert!(
                st.cases.get(c).copied().unwrap_or(0) >= 30,
                "{c}: {:?}",
                st.cases
            );
        }
        for m in ["Ind", "KonjI", "KonjII", "Imp", "-"] {
            assert!(st.mood.contains_key(m), "mood {m}");
        }
        for v in ["Act", "Pass", "StPass"] {
            assert!(st.voice.contains_key(v), "voice {v}");
        }
        for it in &items {
            assert!(!it.clauses.is_empty(), "{} has no clause annotation", it.id);
            // Every annotated word occurs: parse resolved it; check the span's text.
            for w in it
                .cases
                .iter()
                .map(|c| &c.word)
                .chain(it.attrs.iter().map(|a| &a.word))
                .chain(it.clauses.iter().flat_map(|c| c.words.iter()))
            {
                assert_eq!(w.span.text(&it.text), w.word, "{}", it.id);
            }
        }
    }

    #[test]
    fn parse_errors_name_the_line() {
        let e = parse("s001 Er kam.\ncase Sie=Nom\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e =
            parse("s001 Er kam.\nclause kam → kommen | mood=Ind tense=Past voice=Act modal=-\n")
                .unwrap_err();
        assert!(e.message.contains("neg"), "{e}");
        let e = parse("s001 Er kam.\ns001 Er ging.\n").unwrap_err();
        assert!(e.message.contains("duplicate"));
        // Occurrences are whole words, numbered from 1.
        let it = parse("s001 Die Soldaten, die Soldaten helfen.\ncase Soldaten#2=Dat\nclause helfen → helfen | mood=Ind tense=Pres voice=Act modal=- neg=no\n").unwrap();
        assert_eq!(it[0].cases[0].word.span, Span::new(18, 26));
        assert!(parse("s001 US-Soldaten kamen.\ncase Soldaten=Nom\nclause kamen → kommen | mood=Ind tense=Past voice=Act modal=- neg=no\n").is_ok());
        assert!(parse("s001 Soldatenfamilien kamen.\ncase Soldaten=Nom\n").is_err());
    }

    /// A perfect analyser built from the gold itself scores 1.0; an empty one scores 0.
    #[test]
    fn scorer_counts_right_and_wrong() {
        let items = parse(DE_SET).unwrap();
        let by_text: std::collections::HashMap<&str, &Item> =
            items.iter().map(|i| (i.text.as_str(), i)).collect();
        let oracle = |text: &str| {
            let it = by_text[text];
            let mut words: Vec<SysWord> = it
                .cases
                .iter()
                .map(|c| SysWord {
                    span: c.word.span,
                    lemma: c.word.word.clone(),
                    feats: Feats {
                        case: Some(c.case),
                        ..Feats::default()
                    },
                })
                .collect();
            words.extend(it.attrs.iter().map(|a| SysWord {
                span: a.word.span,
                lemma: a.lemma.clone(),
                feats: Feats::default(),
            }));
            let clauses = it
                .clauses
                .iter()
                .map(|g| {
                    let at = |w: &WordRef| At {
                        index: 0,
                        span: w.span,
                    };
                    Clause {
                        kind: ClauseKind::Main,
                        words: vec![],
                        span: g.words[0].span,
                        verb: Some(VerbComplex {
                            finite: None,
                            main: at(&g.words[0]),
                            particle: None,
                            verbs: g.words.iter().map(at).collect(),
                            lemma: g.lemma.clone(),
                            mood: g.mood,
                            tense: g.tense,
                            voice: if g.voice == GoldVoice::Act {
                                Voice::Act
                            } else {
                                Voice::Pass
                            },
                            passive: match g.voice {
                                GoldVoice::Act => None,
                                GoldVoice::Pass => Some(PassiveAux::Werden),
                                GoldVoice::StPass => Some(PassiveAux::Sein),
                            },
                            modal: g.modal.clone().map(|lemma| sitrep_clause::Modal {
                                at: at(&g.words[0]),
                                lemma,
                            }),
                            negation: g.neg.then(|| at(&g.words[0])),
                            shared_finite: false,
                        }),
                    }
                })
                .collect();
            SentenceAnalysis { words, clauses }
        };
        let s = score(&items, oracle);
        assert_eq!(s.case.right, s.case.total);
        assert_eq!(s.joined_lemma().right, s.joined_lemma().total);
        for a in [s.mood, s.tense, s.voice, s.modal, s.neg, s.clause_found] {
            assert_eq!(a.right, a.total);
        }
        assert!(
            s.errors.is_empty(),
            "{:?}",
            &s.errors[..3.min(s.errors.len())]
        );

        let s = score(&items, |_| SentenceAnalysis::default());
        assert_eq!(s.case.right, 0);
        assert_eq!(s.clause_found.right, 0);
        assert_eq!(s.mood.total, s.clause_found.total);
        assert!(score_markdown(&s, 5).contains("Errors"));
    }
}

/// `MORPH_DEBUG="s058 s166" cargo test -p sitrep-eval --lib morph::debug -- --ignored
/// --nocapture` prints the tagged words and clauses of the named sentences.
#[cfg(test)]
mod debug {
    use super::*;

    #[test]
    #[ignore]
    fn debug() {
        let want = std::env::var("MORPH_DEBUG").unwrap_or_default();
        let a = Analyser::new(sitrep_core::Language::De).expect("German tagger model");
        for it in parse(DE_SET).unwrap() {
            if !want.split_whitespace().any(|w| w == it.id) {
                continue;
            }
            println!("{} {}", it.id, it.text);
            let seg = sitrep_segment::Segmenter::new(sitrep_core::Language::De).segment(&it.text);
            let mut tags = Vec::new();
            for s in &seg.sentences {
                let toks = seg.sentence_tokens(s);
                a.tagger.tag(&it.text, toks, &mut tags);
                for (t, w) in toks.iter().zip(&tags) {
                    println!(
                        "  {}/{}/{}/{}",
                        t.span.text(&it.text),
                        w.xpos,
                        w.lemma,
                        w.feats
                    );
                }
            }
            for c in a.analyse(&it.text).clauses {
                println!("  clause {:?} {:?}", c.kind, c.words);
            }
        }
    }
}
