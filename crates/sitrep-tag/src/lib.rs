//! Part-of-speech tagging, lemmatisation and UD morphological features for German and
//! English.
//!
//! One model per language, trained by `cargo run --release -p sitrep-tag --example train`
//! and embedded in the binary ([`Tagger::new`]). Per token:
//!
//! 1. **Tag**: a greedy left-to-right averaged perceptron predicts a joint UPOS + XPOS
//!    class (STTS or Penn) from the word, its suffixes, shape, neighbours, the two previous
//!    predicted tags, `Token.joined` adjacency and, for German, the lexicon's ambiguity
//!    class and compound head. Frequent unambiguous words skip the model (tag dictionary).
//! 2. **Features**: the candidate UD feature bundles for (word, tag) — seen in training or
//!    given by the lexicon, else the tag's common bundles — and a second perceptron that
//!    chooses among them with phrase context (the determiner or preposition to the left,
//!    the noun to the right, the bundle chosen for the previous word).
//! 3. **Lemma**: the (word, tag) table learned from the treebank, then hand-written
//!    irregular forms (English) or the lexicon (German), then suffix edit rules by tag.
//!
//! The artifact starts with [`model::MAGIC`] and [`model::FORMAT_VERSION`]; anything else
//! is refused when loading.

mod bin_io;
pub mod corpus;
pub mod features;
mod hash;
pub mod model;
mod resources;
pub mod train;

use features::TokInfo;
use model::Model;
pub use resources::Resources;
use sitrep_core::{Feats, Language, Token, Upos, Xpos};

/// At most this many joint tag classes (UPOS + XPOS pairs) in a model.
pub const MAX_CLASSES: usize = 512;

/// The shipped English model (CC BY-SA 4.0, from UD English EWT; see its NOTICE).
static MODEL_EN: &[u8] = include_bytes!("../../../data/en/cc-by-sa/tagger-en.bin");
/// The shipped German model (CC BY-SA 4.0, from UD German GSD; see its NOTICE-tagger).
static MODEL_DE: &[u8] = include_bytes!("../../../data/de/cc-by-sa/tagger-de.bin");

/// Why a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("not a sitrep tagger model (bad magic)")]
    BadMagic,
    #[error("tagger model format version {found}, this build reads version {expected}; retrain the model")]
    Version { found: u32, expected: u32 },
    #[error("tagger model truncated")]
    Truncated,
    #[error("tagger model corrupt: {0}")]
    Corrupt(&'static str),
    #[error("tagger model is for {found}, not {expected}")]
    Language { found: Language, expected: Language },
}

/// The analysis of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordAnalysis {
    pub upos: Upos,
    pub xpos: Xpos,
    pub lemma: String,
    pub feats: Feats,
}

/// A loaded tagger for one language. Immutable and `Send + Sync`: share one per process.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    res: Resources,
    note: String,
}

/// Upper bound on a sentence's length the tagger looks at as one unit; longer "sentences"
/// (tables, lists without punctuation) are tagged in windows of this many tokens.
const WINDOW: usize = 400;

impl Tagger {
    /// The shipped model for `language`.
    pub fn new(language: Language) -> Result<Tagger, ModelError> {
        let bytes = match language {
            Language::De => MODEL_DE,
            Language::En => MODEL_EN,
        };
        let t = Tagger::from_bytes(bytes, Resources::new(language))?;
        if t.model.language != language {
            return Err(ModelError::Language {
                found: t.model.language,
                expected: language,
            });
        }
        Ok(t)
    }

    /// A tagger from artifact bytes (as written by [`train::train`]).
    pub fn from_bytes(bytes: &[u8], res: Resources) -> Result<Tagger, ModelError> {
        let (model, note) = Model::from_bytes(bytes)?;
        Ok(Tagger { model, res, note })
    }

    pub fn language(&self) -> Language {
        self.model.language
    }

    /// The model's note: training data, command and licence.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// Approximate heap memory of the loaded model, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.model.heap_bytes()
    }

    /// Analyses one sentence's tokens (spans into `text`), replacing `out`'s content with one
    /// analysis per token.
    pub fn tag(&self, text: &str, tokens: &[Token], out: &mut Vec<WordAnalysis>) {
        let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
        let mut joined: Vec<bool> = Vec::with_capacity(tokens.len());
        for t in tokens {
            words.push(t.span.get(text).unwrap_or(""));
            joined.push(t.joined);
        }
        self.tag_words(&words, &joined, out);
    }

    /// Analyses one sentence given as words and their `joined` flags (no space before the
    /// next word).
    pub fn tag_words(&self, words: &[&str], joined: &[bool], out: &mut Vec<WordAnalysis>) {
        out.clear();
        let mut s = Scratch::default();
        let mut start = 0;
        while start < words.len() {
            let end = (start + WINDOW).min(words.len());
            let j = &joined[start.min(joined.len())..end.min(joined.len())];
            self.tag_window(&words[start..end], j, start == 0, &mut s, out);
            start = end;
        }
    }

    fn tag_window(
        &self,
        words: &[&str],
        joined: &[bool],
        first_window: bool,
        s: &mut Scratch,
        out: &mut Vec<WordAnalysis>,
    ) {
        let m = &self.model;
        s.toks.clear();
        s.lowers.clear();
        let mut lower = String::new();
        for (i, w) in words.iter().enumerate() {
            features::lower_into(w, &mut lower);
            let jp = i > 0 && joined.get(i - 1).copied().unwrap_or(false);
            let jn = joined.get(i).copied().unwrap_or(false);
            let mut t = TokInfo::new(w, &lower, i == 0 && first_window, jp, jn);
            self.res.annotate(w, &lower, &mut t);
            t.amb = m.amb.get(t.lower).unwrap_or(0);
            s.toks.push(t);
            s.lowers.push(lower.clone());
        }
        // 1. Tags.
        s.classes.clear();
        let nc = m.classes.len();
        let mut scores = vec![0f32; nc];
        let (mut p1, mut p2) = (u64::MAX, u64::MAX);
        for (i, w) in words.iter().enumerate() {
            let c = match m.tagdict.get(model::tagdict_key(w)) {
                Some(c) => c,
                None => {
                    features::tag_features(&s.toks, i, p1, p2, &mut s.feats);
                    scores.iter_mut().for_each(|x| *x = 0.0);
                    m.tag_weights.add_all(&s.feats, &mut scores);
                    self.res.restrict(&m.classes, &s.toks[i], &mut scores);
                    argmax(&scores) as u16
                }
            };
            s.classes.push(c);
            p2 = p1;
            p1 = c as u64;
        }
        // 2. Features.
        s.class_h.clear();
        s.class_h.extend(s.classes.iter().map(|&c| c as u64));
        s.bundles.clear();
        for i in 0..words.len() {
            let c = s.classes[i];
            let cands = self.candidates(&s.toks[i], c);
            let b = if cands.len() == 1 {
                cands[0]
            } else {
                let (l, r) = np_context(&m.classes, &s.classes, i);
                features::morph_features(&s.toks, &s.class_h, &s.bundles, i, l, r, &mut s.feats);
                m.morph_weights.best_of(&s.feats, cands)
            };
            s.bundles.push(b as u64);
        }
        // 3. Lemmas.
        for (i, w) in words.iter().enumerate() {
            let c = s.classes[i];
            let (upos, xpos) = m.classes[c as usize];
            let feats = m.bundles[s.bundles[i] as usize];
            let lemma = self.lemma(w, &s.lowers[i], s.toks[i].lower, c, upos, xpos, &feats);
            out.push(WordAnalysis {
                upos,
                xpos,
                lemma,
                feats,
            });
        }
    }

    fn candidates(&self, t: &TokInfo, class: u16) -> &[u16] {
        let m = &self.model;
        match m.form_cands.get(model::form_class_key(t.lower, class)) {
            Some(s) => m.cand_list(s),
            None => m.cand_list(m.class_cands[class as usize]),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn lemma(
        &self,
        form: &str,
        lower: &str,
        lower_h: u64,
        class: u16,
        upos: Upos,
        xpos: Xpos,
        feats: &Feats,
    ) -> String {
        let m = &self.model;
        if let Some(l) = self.res.lemma_override(lower, xpos) {
            return l;
        }
        let known = m
            .form_lemma
            .get(model::exact_class_key(form, class))
            .or_else(|| m.form_lemma.get(model::form_class_key(lower_h, class)));
        if let Some(sc) = known {
            if let Some(l) = m.scripts[sc as usize].apply(form, lower) {
                return l;
            }
        }
        if let Some(l) = self.res.lemma(form, lower, upos, xpos, feats) {
            return l;
        }
        let n = lower.chars().count();
        let mut ends: Vec<usize> = Vec::new();
        ends.extend(
            lower
                .char_indices()
                .rev()
                .map(|(i, _)| i)
                .take(model::MAX_LEMMA_SUFFIX),
        );
        for k in (0..=model::MAX_LEMMA_SUFFIX.min(n.saturating_sub(1))).rev() {
            let suffix = if k == 0 { "" } else { &lower[ends[k - 1]..] };
            if let Some(sc) = m.suffix_lemma.get(model::suffix_key(class, suffix)) {
                if let Some(l) = m.scripts[sc as usize].apply(form, lower) {
                    return l;
                }
            }
        }
        form.to_string()
    }
}

#[derive(Default)]
struct Scratch {
    toks: Vec<TokInfo>,
    lowers: Vec<String>,
    classes: Vec<u16>,
    class_h: Vec<u64>,
    bundles: Vec<u64>,
    feats: Vec<u64>,
}

pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (k, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = k;
        }
    }
    best
}

/// The nearest determiner/preposition to the left of `i` within its phrase, and the
/// nearest noun to the right.
pub(crate) fn np_context(
    classes: &[(Upos, Xpos)],
    tags: &[u16],
    i: usize,
) -> (Option<usize>, Option<usize>) {
    let up = |j: usize| classes[tags[j] as usize].0;
    let mut left = None;
    for j in (i.saturating_sub(5)..i).rev() {
        match up(j) {
            Upos::Det | Upos::Adp => {
                left = Some(j);
                break;
            }
            Upos::Adj | Upos::Adv | Upos::Num => {}
            _ => break,
        }
    }
    let mut right = None;
    if matches!(
        up(i),
        Upos::Det | Upos::Adj | Upos::Adp | Upos::Num | Upos::Pron
    ) {
        for j in i + 1..(i + 6).min(tags.len()) {
            match up(j) {
                Upos::Noun | Upos::Propn => {
                    right = Some(j);
                    break;
                }
                Upos::Adj | Upos::Adv | Upos::Num | Upos::Det => {}
                _ => break,
            }
        }
    }
    (left, right)
}
