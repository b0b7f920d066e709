//! Tagging, lemma and morphology scores with gold tokens (`sitrep eval-tag`).
//!
//! Each gold sentence's tokens (CoNLL-U convention of [`sitrep_tag::corpus`]: `do` `n't`
//! as words, `zum` as one token) go to the tagger with their `SpaceAfter=No` adjacency;
//! every token is scored. Features are compared on the set sitrep analyses
//! ([`sitrep_core::Feats`]): `Typo`, `Abbr`, `Foreign`, `[psor]` features and
//! multi-valued features are dropped from gold before comparing.

use serde::Serialize;
use sitrep_core::{Feats, Language};
use sitrep_tag::corpus::GoldSentence;
use sitrep_tag::train::{train, TrainConfig};
use sitrep_tag::{Resources, Tagger, WordAnalysis};
use std::time::Instant;

/// Per-feature names scored separately.
pub const FEATURES: [&str; 6] = ["Case", "Number", "Gender", "Mood", "Tense", "VerbForm"];

#[derive(Debug, Clone, Default, Serialize)]
pub struct FeatureScore {
    pub feature: &'static str,
    /// Tokens where gold or prediction has the feature.
    pub tokens: usize,
    pub correct: usize,
    pub accuracy: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct TagScores {
    pub sentences: usize,
    pub tokens: usize,
    pub upos: f64,
    pub xpos: f64,
    pub upos_xpos: f64,
    pub lemma: f64,
    pub lemma_ci: f64,
    pub feats: f64,
    pub per_feature: Vec<FeatureScore>,
    pub tokens_per_s: f64,
    #[serde(skip)]
    counts: Counts,
}

#[derive(Debug, Clone, Default)]
struct Counts {
    upos: usize,
    xpos: usize,
    both: usize,
    lemma: usize,
    lemma_ci: usize,
    feats: usize,
    feature: [(usize, usize); 6],
    seconds: f64,
}

fn get(f: &Feats, name: &str) -> Option<&'static str> {
    match name {
        "Case" => f.case.map(|v| v.as_str()),
        "Number" => f.number.map(|v| v.as_str()),
        "Gender" => f.gender.map(|v| v.as_str()),
        "Mood" => f.mood.map(|v| v.as_str()),
        "Tense" => f.tense.map(|v| v.as_str()),
        "VerbForm" => f.verb_form.map(|v| v.as_str()),
        _ => None,
    }
}

impl TagScores {
    fn add(&mut self, other: &TagScores) {
        self.sentences += other.sentences;
        self.tokens += other.tokens;
        let (a, b) = (&mut self.counts, &other.counts);
        a.upos += b.upos;
        a.xpos += b.xpos;
        a.both += b.both;
        a.lemma += b.lemma;
        a.lemma_ci += b.lemma_ci;
        a.feats += b.feats;
        for k in 0..6 {
            a.feature[k].0 += b.feature[k].0;
            a.feature[k].1 += b.feature[k].1;
        }
        a.seconds += b.seconds;
        self.finish();
    }

    fn finish(&mut self) {
        let n = self.tokens.max(1) as f64;
        let c = &self.counts;
        self.upos = c.upos as f64 / n;
        self.xpos = c.xpos as f64 / n;
        self.upos_xpos = c.both as f64 / n;
        self.lemma = c.lemma as f64 / n;
        self.lemma_ci = c.lemma_ci as f64 / n;
        self.feats = c.feats as f64 / n;
        self.per_feature = FEATURES
            .iter()
            .zip(c.feature)
            .map(|(&feature, (tokens, correct))| FeatureScore {
                feature,
                tokens,
                correct,
                accuracy: correct as f64 / tokens.max(1) as f64,
            })
            .collect();
        self.tokens_per_s = if c.seconds > 0.0 {
            self.tokens as f64 / c.seconds
        } else {
            0.0
        };
    }
}

/// Tags `gold` with `tagger` and scores it.
pub fn score(tagger: &Tagger, gold: &[GoldSentence]) -> TagScores {
    let mut s = TagScores {
        sentences: gold.len(),
        ..Default::default()
    };
    let mut out: Vec<WordAnalysis> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut joined: Vec<bool> = Vec::new();
    let mut predicted: Vec<Vec<WordAnalysis>> = Vec::with_capacity(gold.len());
    let t = Instant::now();
    for sent in gold {
        words.clear();
        joined.clear();
        words.extend(sent.iter().map(|t| t.form.as_str()));
        joined.extend(sent.iter().map(|t| t.joined));
        tagger.tag_words(&words, &joined, &mut out);
        predicted.push(std::mem::take(&mut out));
    }
    s.counts.seconds = t.elapsed().as_secs_f64();
    for (sent, pred) in gold.iter().zip(&predicted) {
        for (g, p) in sent.iter().zip(pred) {
            s.tokens += 1;
            let c = &mut s.counts;
            let u = p.upos.as_str() == g.upos;
            let x = p.xpos.as_str() == g.xpos;
            c.upos += u as usize;
            c.xpos += x as usize;
            c.both += (u && x) as usize;
            c.lemma += (p.lemma == g.lemma) as usize;
            c.lemma_ci += (p.lemma.to_lowercase() == g.lemma.to_lowercase()) as usize;
            let gf = Feats::parse_ud(&g.feats);
            c.feats += (gf == p.feats) as usize;
            for (k, name) in FEATURES.iter().enumerate() {
                let (a, b) = (get(&gf, name), get(&p.feats, name));
                if a.is_some() || b.is_some() {
                    c.feature[k].0 += 1;
                    c.feature[k].1 += (a == b) as usize;
                }
            }
        }
    }
    s.finish();
    s
}

/// One kind of lemma error: the same form, gold and predicted lemma and tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LemmaError {
    pub form: String,
    pub gold_lemma: String,
    pub lemma: String,
    pub gold_upos: String,
    pub upos: String,
    pub count: usize,
}

/// The lemma errors of `tagger` on `gold`, most frequent first (ties by form), for error
/// analysis: a lemma wrong only in case is usually a `NOUN`/`PROPN` tag error.
pub fn lemma_errors(tagger: &Tagger, gold: &[GoldSentence]) -> Vec<LemmaError> {
    let mut counts: std::collections::HashMap<[String; 5], usize> = Default::default();
    let mut out: Vec<WordAnalysis> = Vec::new();
    for sent in gold {
        let words: Vec<&str> = sent.iter().map(|t| t.form.as_str()).collect();
        let joined: Vec<bool> = sent.iter().map(|t| t.joined).collect();
        tagger.tag_words(&words, &joined, &mut out);
        for (g, p) in sent.iter().zip(&out) {
            if p.lemma != g.lemma {
                let key = [
                    g.form.clone(),
                    g.lemma.clone(),
                    p.lemma.clone(),
                    g.upos.clone(),
                    p.upos.as_str().to_string(),
                ];
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let mut errors: Vec<LemmaError> = counts
        .into_iter()
        .map(
            |([form, gold_lemma, lemma, gold_upos, upos], count)| LemmaError {
                form,
                gold_lemma,
                lemma,
                gold_upos,
                upos,
                count,
            },
        )
        .collect();
    errors.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.form.cmp(&b.form)));
    errors
}

/// K-fold cross-validation: sentence `i` is in fold `i % k`; each fold is scored by a
/// model trained on the others (with the shipped lexicon resources, or without them). Returns the pooled scores and each fold's.
pub fn cross_validate(
    language: Language,
    gold: &[GoldSentence],
    k: usize,
    use_lexicon: bool,
) -> Result<(TagScores, Vec<TagScores>), String> {
    let k = k.max(2);
    let cfg = TrainConfig::for_language(language);
    let mut total = TagScores::default();
    let mut folds = Vec::with_capacity(k);
    for fold in 0..k {
        let (mut train_set, mut test_set) = (Vec::new(), Vec::new());
        for (i, s) in gold.iter().enumerate() {
            if i % k == fold {
                test_set.push(s.clone());
            } else {
                train_set.push(s.clone());
            }
        }
        let res = if use_lexicon {
            Resources::new(language)
        } else {
            Resources::without_lexicon(language)
        };
        let bytes = train(language, &train_set, &cfg, &res, "cross-validation fold")?;
        let tagger = Tagger::from_bytes(&bytes, res).map_err(|e| e.to_string())?;
        let s = score(&tagger, &test_set);
        total.add(&s);
        folds.push(s);
    }
    Ok((total, folds))
}
