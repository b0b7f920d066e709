//! The learned sentence-boundary model (English): an averaged perceptron scoring each
//! whitespace gap between tokens from the words and shapes around it and the rule decision.
//!
//! Features are strings (`w0=thanks`, `s0s1=x|Xx`) hashed with FNV-1a as they are built, so
//! scoring allocates nothing; the model file stores the strings (reviewable) and their
//! weights, and is hashed the same way when loaded.
//!
//! Model file: `#` header lines, then the line `sitrep-boundary-model<TAB>1` (magic and
//! format version), then `feature<TAB>weight` lines sorted by feature, weights as integers
//! (thousandths). A file with only the magic line holds no model (rules decide).

use crate::data::{entries, DataError, FastMap};
use crate::sentence::{decider, gap, is_terminal, Gap};
use crate::Segmenter;
use sitrep_core::Token;

pub(crate) const MAGIC: &str = "sitrep-boundary-model\t1";
const SCALE: f64 = 1000.0;

#[derive(Debug, Clone)]
pub(crate) struct Model {
    weights: FastMap<u64, f32>,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A feature value, normalised while hashing.
#[derive(Clone, Copy)]
enum Val<'a> {
    /// Lower-cased token text.
    Lower(&'a str),
    /// Word shape: `Xx`, `x`, `X`, `d`, punctuation kept, runs collapsed, at most 4 chars.
    Shape(&'a str),
    Lit(&'static str),
}

/// Receives features: `hash` is the FNV-1a hash of the feature string.
trait Sink {
    fn feature(&mut self, template: &'static str, vals: &[Val<'_>]);
}

fn for_each_normalised(v: Val<'_>, mut f: impl FnMut(char)) {
    match v {
        Val::Lit(s) => s.chars().for_each(f),
        Val::Lower(s) => {
            for c in s.chars().take(24) {
                if c.is_ascii() {
                    f(c.to_ascii_lowercase());
                } else {
                    c.to_lowercase().for_each(&mut f);
                }
            }
        }
        Val::Shape(s) => {
            let mut last = '\0';
            let mut n = 0;
            for c in s.chars() {
                let k = if c.is_uppercase() {
                    'X'
                } else if c.is_lowercase() {
                    'x'
                } else if c.is_numeric() {
                    'd'
                } else if c.is_alphabetic() {
                    'a'
                } else if matches!(c, '|' | '=') {
                    '?'
                } else {
                    c
                };
                if k != last {
                    f(k);
                    last = k;
                    n += 1;
                    if n == 4 {
                        break;
                    }
                }
            }
        }
    }
}

/// Hash of `template=v1|v2…`, streamed.
fn feature_hash(template: &str, vals: &[Val<'_>]) -> u64 {
    let mut h = fnv(FNV_OFFSET, template.as_bytes());
    h = fnv(h, b"=");
    let mut buf = [0u8; 4];
    for (i, v) in vals.iter().enumerate() {
        if i > 0 {
            h = fnv(h, b"|");
        }
        for_each_normalised(*v, |c| h = fnv(h, c.encode_utf8(&mut buf).as_bytes()));
    }
    h
}

fn feature_string(template: &str, vals: &[Val<'_>]) -> String {
    let mut s = format!("{template}=");
    for (i, v) in vals.iter().enumerate() {
        if i > 0 {
            s.push('|');
        }
        for_each_normalised(*v, |c| s.push(c));
    }
    s
}

/// The features of the gap after token `i`.
fn features(
    seg: &Segmenter,
    text: &str,
    tokens: &[Token],
    i: usize,
    rule: bool,
    sink: &mut impl Sink,
) {
    let tok = |k: isize| -> Option<&str> {
        usize::try_from(k)
            .ok()
            .and_then(|k| tokens.get(k))
            .map(|t| t.span.text(text))
    };
    let i = i as isize;
    let lower = |k: isize| tok(k).map_or(Val::Lit(if k < 0 { "<s>" } else { "</s>" }), Val::Lower);
    let shape = |k: isize| tok(k).map_or(Val::Lit("_"), Val::Shape);
    let (w_1, w0, w1, w2) = (lower(i - 1), lower(i), lower(i + 1), lower(i + 2));
    let (s_1, s0, s1, s2) = (shape(i - 1), shape(i), shape(i + 1), shape(i + 2));
    sink.feature("bias", &[]);
    sink.feature("rule", &[Val::Lit(if rule { "1" } else { "0" })]);
    sink.feature("w0", &[w0]);
    sink.feature("w1", &[w1]);
    sink.feature("w-1", &[w_1]);
    sink.feature("w2", &[w2]);
    sink.feature("s0", &[s0]);
    sink.feature("s1", &[s1]);
    sink.feature("s0s1", &[s0, s1]);
    sink.feature("s-1s0s1", &[s_1, s0, s1]);
    sink.feature("s0s1s2", &[s0, s1, s2]);
    sink.feature("w0w1", &[w0, w1]);
    sink.feature("w0s1", &[w0, s1]);
    sink.feature("s0w1", &[s0, w1]);
    sink.feature("w-1w0", &[w_1, w0]);
    sink.feature("w1w2", &[w1, w2]);
    let d = decider(text, tokens, i as usize);
    if d != i as usize {
        sink.feature("closed", &[Val::Lower(tokens[d].span.text(text)), s1]);
    }
    let abbr = tok(i).is_some_and(|w| {
        w.len() > 1 && w.ends_with('.') && !is_terminal(w) && seg.abbreviations.contains(w)
    });
    if abbr {
        sink.feature("abbr", &[s1]);
    }
}

struct Scorer<'m> {
    weights: &'m FastMap<u64, f32>,
    sum: f32,
}

impl Sink for Scorer<'_> {
    #[inline]
    fn feature(&mut self, template: &'static str, vals: &[Val<'_>]) {
        if let Some(w) = self.weights.get(&feature_hash(template, vals)) {
            self.sum += *w;
        }
    }
}

impl Model {
    /// Parses the model file; `None` when it holds no weights.
    pub(crate) fn parse(
        file: &'static str,
        text: &'static str,
    ) -> Result<Option<Model>, DataError> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        // The magic line comes first; the feature lines after it are sorted on their own.
        let mut offset = 0;
        let mut first = None;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            offset += line.len();
            let l = line.trim_end_matches(['\n', '\r']);
            if !l.is_empty() && !l.starts_with('#') {
                first = Some((n + 1, l));
                break;
            }
        }
        match first {
            Some((_, l)) if l == MAGIC => {}
            Some((line, l)) => {
                return Err(DataError {
                    file,
                    line,
                    message: format!("expected {MAGIC:?}, found {l:?}"),
                })
            }
            None => return Ok(None),
        }
        let lines = entries(file, &text[offset..])?;
        let mut weights = FastMap::default();
        for (line, l) in lines {
            let err = |message: String| DataError {
                file,
                line,
                message,
            };
            let (f, w) = l
                .split_once('\t')
                .ok_or_else(|| err("expected feature<TAB>weight".into()))?;
            let w: i32 = w.parse().map_err(|_| err(format!("bad weight {w:?}")))?;
            weights.insert(fnv(FNV_OFFSET, f.as_bytes()), (f64::from(w) / SCALE) as f32);
        }
        Ok((!weights.is_empty()).then_some(Model { weights }))
    }

    pub(crate) fn boundary(&self, seg: &Segmenter, text: &str, tokens: &[Token], i: usize) -> bool {
        let rule = seg.rule_boundary(text, tokens, i);
        if gap(text, &tokens[i], &tokens[i + 1]) != Gap::Space {
            return rule;
        }
        let mut s = Scorer {
            weights: &self.weights,
            sum: 0.0,
        };
        features(seg, text, tokens, i, rule, &mut s);
        s.sum > 0.0
    }
}

/// A training document: text and the byte offsets where gold sentences end.
pub struct TrainingDoc {
    pub text: String,
    pub sentence_ends: Vec<u32>,
}

/// Options for [`Segmenter::train_boundary_model`].
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub epochs: usize,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Averaged weights smaller than this (absolute) are dropped.
    pub min_weight: f64,
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            min_count: 2,
            min_weight: 0.002,
            seed: 0x5eed,
        }
    }
}

struct Collector<'a> {
    hashes: &'a mut Vec<u64>,
    names: Option<&'a mut FastMap<u64, String>>,
}

impl Sink for Collector<'_> {
    fn feature(&mut self, template: &'static str, vals: &[Val<'_>]) {
        let h = feature_hash(template, vals);
        self.hashes.push(h);
        if let Some(n) = self.names.as_deref_mut() {
            n.entry(h).or_insert_with(|| feature_string(template, vals));
        }
    }
}

impl Segmenter {
    /// Trains the boundary model on `docs` with this segmenter's tokens and rules (the model
    /// it has is not used) and returns the model file body (without header comments). Fully
    /// deterministic: the same documents and options give the same bytes.
    #[doc(hidden)]
    pub fn train_boundary_model(&self, docs: &[TrainingDoc], o: TrainOptions) -> String {
        // Examples: (feature hashes, gold label), for every whitespace gap.
        let mut names: FastMap<u64, String> = FastMap::default();
        let mut counts: FastMap<u64, u32> = FastMap::default();
        let mut examples: Vec<(Vec<u64>, bool)> = Vec::new();
        let mut toks = Vec::new();
        for d in docs {
            toks.clear();
            self.tokenize(&d.text, &mut toks);
            for i in 0..toks.len().saturating_sub(1) {
                if gap(&d.text, &toks[i], &toks[i + 1]) != Gap::Space {
                    continue;
                }
                let rule = self.rule_boundary(&d.text, &toks, i);
                let mut hashes = Vec::new();
                features(
                    self,
                    &d.text,
                    &toks,
                    i,
                    rule,
                    &mut Collector {
                        hashes: &mut hashes,
                        names: Some(&mut names),
                    },
                );
                for h in &hashes {
                    *counts.entry(*h).or_insert(0) += 1;
                }
                let gold = d.sentence_ends.binary_search(&toks[i].span.end).is_ok();
                examples.push((hashes, gold));
            }
        }
        // Averaged perceptron (the lazy-update form): w, total, last-update step.
        let mut w: FastMap<u64, (f64, f64, u64)> = FastMap::default();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = o.seed | 1;
        let mut step = 0u64;
        for _ in 0..o.epochs {
            for k in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(k, (rng % (k as u64 + 1)) as usize);
            }
            for &e in &order {
                step += 1;
                let (hashes, gold) = &examples[e];
                let score: f64 = hashes.iter().filter_map(|h| w.get(h)).map(|x| x.0).sum();
                if (score > 0.0) != *gold {
                    let delta = if *gold { 1.0 } else { -1.0 };
                    for h in hashes {
                        let x = w.entry(*h).or_insert((0.0, 0.0, step));
                        x.1 += x.0 * (step - x.2) as f64;
                        x.2 = step;
                        x.0 += delta;
                    }
                }
            }
        }
        let mut lines: Vec<(String, i64)> = w
            .iter()
            .filter(|(h, _)| counts.get(*h).copied().unwrap_or(0) >= o.min_count)
            .filter_map(|(h, x)| {
                let total = x.1 + x.0 * (step - x.2) as f64;
                let avg = total / step.max(1) as f64;
                let q = (avg * SCALE).round() as i64;
                (avg.abs() >= o.min_weight && q != 0).then(|| (names[h].clone(), q))
            })
            .collect();
        lines.sort();
        let mut out = format!("{MAGIC}\n");
        for (f, q) in lines {
            out.push_str(&format!("{f}\t{q}\n"));
        }
        out
    }
}
