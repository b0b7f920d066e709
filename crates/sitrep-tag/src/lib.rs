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
//!    Between 1 and 2, rules of clause structure repair the commonest confusions (German
//!    preterite vs participial adjective, relative pronoun vs article and its clause's
//!    finite verb; English headline verbs).
//! 3. **Lemma**: the (word, tag) table learned from the treebank, then hand-written
//!    irregular forms (English) or the lexicon (German), then suffix edit rules by tag;
//!    English guesses for inflected forms are checked against WordNet's lemmas
//!    (`bombed` → `bomb`, not `bom`), and numbers lose their thousands separators.
//!
//! The artifact starts with [`model::MAGIC`] and [`model::FORMAT_VERSION`]; anything else
//! is refused when loading.

mod agree;
mod bin_io;
pub mod corpus;
pub mod features;
mod hash;
mod memo;
pub mod model;
mod resources;
pub mod train;

use features::TokInfo;
pub use memo::forget_thread_memos;
use model::Model;
pub use resources::Resources;
use sitrep_core::{Feats, Language, Stts, Token, Upos, Xpos};

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
    /// Identifies the tagger's per-thread memo (see `memo`); clones share it.
    id: u64,
    model: Model,
    res: Resources,
    note: String,
    /// Summed weights of the previous-tags features per (p1, p2), `nc + 1` values each
    /// (index `nc`: before the sentence), `nc` scores per pair.
    prev_tags: std::sync::Arc<[f32]>,
    /// The classes of each STTS tag (`resources::class_stts_bits`).
    class_stts: std::sync::Arc<resources::ClassStts>,
    /// The UD string of each feature bundle the model knows.
    feats_text: std::sync::Arc<std::collections::HashMap<Feats, Box<str>, memo::FastHash>>,
    /// The classes the clause-structure repairs write.
    repair: RepairClasses,
}

/// The classes the clause-structure repairs ([`repair_finite`], [`repair_relative`],
/// [`repair_finite_en`]) write, found once per model instead of by a search of the class
/// list per sentence and rule. `None` where the model lacks the class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct RepairClasses {
    /// `repair_finite`: the classes of exactly these (UPOS, STTS) pairs.
    adja: Option<u16>,
    vvfin: Option<u16>,
    /// `repair_relative`: the class with the UD part of speech the treebank gives the tag,
    /// else any class of the tag.
    prels: Option<u16>,
    prelat: Option<u16>,
    pds: Option<u16>,
    rel_vvfin: Option<u16>,
    vafin: Option<u16>,
    vmfin: Option<u16>,
    /// `repair_finite_en`: (VERB, VBZ).
    vbz: Option<u16>,
}

impl RepairClasses {
    fn of(classes: &[(Upos, Xpos)]) -> RepairClasses {
        use sitrep_core::{Penn, Stts as S};
        let exact = |c: (Upos, Xpos)| classes.iter().position(|k| *k == c).map(|k| k as u16);
        let of_tag = |u: Upos, t: S| {
            exact((u, Xpos::Stts(t))).or_else(|| {
                classes
                    .iter()
                    .position(|c| c.1 == Xpos::Stts(t))
                    .map(|k| k as u16)
            })
        };
        RepairClasses {
            adja: exact((Upos::Adj, Xpos::Stts(S::Adja))),
            vvfin: exact((Upos::Verb, Xpos::Stts(S::Vvfin))),
            prels: of_tag(Upos::Pron, S::Prels),
            prelat: of_tag(Upos::Pron, S::Prelat),
            pds: of_tag(Upos::Pron, S::Pds),
            rel_vvfin: of_tag(Upos::Verb, S::Vvfin),
            vafin: of_tag(Upos::Aux, S::Vafin),
            vmfin: of_tag(Upos::Aux, S::Vmfin),
            vbz: exact((Upos::Verb, Xpos::Penn(Penn::Vbz))),
        }
    }
}

/// Candidate bundle lists up to this long are scored candidate by candidate
/// (`Tagger::best_bundle`).
const MAX_FEW_CANDIDATES: usize = 16;

/// Upper bound on a sentence's length the tagger looks at as one unit; longer "sentences"
/// (tables, lists without punctuation) are tagged in windows of this many tokens.
const WINDOW: usize = 400;

impl Tagger {
    /// The shipped model for `language`.
    pub fn new(language: Language) -> Result<Tagger, ModelError> {
        Tagger::with_resources(language, Resources::new(language))
    }

    /// The resources the tagger reads (lexicons, irregular forms).
    pub fn resources(&self) -> &Resources {
        &self.res
    }

    /// The shipped model of `language` over the given resources (see
    /// [`Resources::with_lexicon`]).
    pub fn with_resources(language: Language, res: Resources) -> Result<Tagger, ModelError> {
        let bytes = match language {
            Language::De => MODEL_DE,
            Language::En => MODEL_EN,
        };
        let t = Tagger::from_bytes(bytes, res)?;
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
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let feats_text = model
            .bundles
            .iter()
            .map(|b| (*b, b.to_string().into_boxed_str()))
            .collect();
        let nc = model.classes.len();
        let mut prev_tags = vec![0f32; (nc + 1) * (nc + 1) * nc];
        let mut feats = Vec::with_capacity(3);
        let code = |k: usize| if k == nc { u64::MAX } else { k as u64 };
        for a in 0..=nc {
            for b in 0..=nc {
                feats.clear();
                features::prev_tag_features(code(a), code(b), &mut feats);
                let start = (a * (nc + 1) + b) * nc;
                model
                    .tag_weights
                    .add_all(&feats, &mut prev_tags[start..start + nc]);
            }
        }
        let class_stts = std::sync::Arc::new(resources::class_stts_bits(&model.classes));
        let repair = RepairClasses::of(&model.classes);
        Ok(Tagger {
            id,
            model,
            res,
            note,
            prev_tags: prev_tags.into(),
            class_stts,
            feats_text: std::sync::Arc::new(feats_text),
            repair,
        })
    }

    pub fn language(&self) -> Language {
        self.model.language
    }

    /// The model's note: training data, command and licence.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// `feats` in UD notation (`Case=Nom|Number=Sing`), as `feats.to_string()` but from a
    /// table for the bundles the model knows.
    pub fn feats_string(&self, feats: &Feats) -> String {
        match self.feats_text.get(feats) {
            Some(s) => s.to_string(),
            None => feats.to_string(),
        }
    }

    /// Approximate heap memory of the loaded model, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.model.heap_bytes()
    }

    /// Analyses one sentence's tokens (spans into `text`), replacing `out`'s content with one
    /// analysis per token.
    pub fn tag(&self, text: &str, tokens: &[Token], out: &mut Vec<WordAnalysis>) {
        if self.model.language == Language::En {
            let words: Vec<&str> = tokens
                .iter()
                .map(|t| t.span.get(text).unwrap_or(""))
                .collect();
            if is_title_case(&words) {
                // `Hungary Gives Into Demands Made By Iran`: a headline in title case is
                // tagged as if written in sentence case, or every word becomes a name.
                let lowered: Vec<String> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let acronym = w
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase);
                        if i == 0 || acronym {
                            (*w).to_string()
                        } else {
                            w.to_lowercase()
                        }
                    })
                    .collect();
                let refs: Vec<&str> = lowered.iter().map(String::as_str).collect();
                let joined: Vec<bool> = tokens.iter().map(|t| t.joined).collect();
                self.tag_words(&refs, &joined, out);
                for (w, a) in words.iter().zip(out.iter_mut()) {
                    if a.upos == Upos::Propn && a.lemma == w.to_lowercase() {
                        a.lemma = (*w).to_string();
                    }
                }
                return;
            }
        }
        memo::with_memo(self.id, |memo| {
            memo.trim();
            let mut start = 0;
            while start < tokens.len() {
                let end = (start + WINDOW).min(tokens.len());
                let toks = &tokens[start..end];
                self.tag_window(
                    toks.len(),
                    |i| toks[i].span.get(text).unwrap_or(""),
                    |i| toks[i].joined,
                    start,
                    memo,
                    out,
                );
                start = end;
            }
        });
        out.truncate(tokens.len());
    }

    /// Analyses one sentence given as words and their `joined` flags (no space before the
    /// next word).
    pub fn tag_words(&self, words: &[&str], joined: &[bool], out: &mut Vec<WordAnalysis>) {
        memo::with_memo(self.id, |memo| {
            memo.trim();
            let mut start = 0;
            while start < words.len() {
                let end = (start + WINDOW).min(words.len());
                let w = &words[start..end];
                self.tag_window(
                    w.len(),
                    |i| w[i],
                    |i| joined.get(start + i).copied().unwrap_or(false),
                    start,
                    memo,
                    out,
                );
                start = end;
            }
        });
        out.truncate(words.len());
    }

    /// The memo entry of a form not yet seen by this thread.
    fn build_entry(
        &self,
        form: &str,
        lower_buf: &mut String,
        arena: Option<&mut Vec<f32>>,
    ) -> memo::FormEntry {
        let (lower, mut info) = memo::new_entry(form, lower_buf);
        let (analyses, walks) = self.res.annotate_keep(form, &lower, &mut info);
        info.amb = self.model.amb.get(info.lower).unwrap_or(0);
        if self.model.language == Language::En && info.flags & features::F_UPPER_FIRST != 0 {
            info.lower_amb = self
                .model
                .amb
                .get(features::lower_amb_key(&lower))
                .unwrap_or(0);
        }
        let tagdict = self.model.tagdict.get(model::tagdict_key(form));
        let punct_only = info.amb == 0 && tagdict.is_none() && punctuation_only(form);
        let Some(arena) = arena else {
            return memo::FormEntry {
                form: form.into(),
                lower,
                info,
                tagdict,
                punct_only,
                caps: features::word_caps(form),
                vecs: u32::MAX,
                lemmas: Vec::new(),
                morph: u32::MAX,
                masks: None,
                analyses,
                walks,
            };
        };
        // The form's score vectors: its own features, then as each kind of neighbour.
        let nc = self.model.classes.len();
        let start = arena.len();
        arena.resize(start + 5 * nc, 0.0);
        type Part = fn(&TokInfo, &mut Vec<u64>);
        let parts: [Part; 5] = [
            features::local_tag_features,
            features::left1_features,
            features::right1_features,
            features::left2_features,
            features::right2_features,
        ];
        let mut feats = Vec::with_capacity(24);
        for (k, part) in parts.iter().enumerate() {
            feats.clear();
            part(&info, &mut feats);
            let a = start + k * nc;
            self.model
                .tag_weights
                .add_all(&feats, &mut arena[a..a + nc]);
        }
        memo::FormEntry {
            form: form.into(),
            lower,
            info,
            tagdict,
            punct_only,
            caps: features::word_caps(form),
            vecs: start as u32,
            lemmas: Vec::new(),
            morph: u32::MAX,
            masks: None,
            analyses,
            walks,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn tag_window<'w>(
        &self,
        n: usize,
        word: impl Fn(usize) -> &'w str,
        joined: impl Fn(usize) -> bool,
        base: usize,
        s: &mut memo::Memo,
        out: &mut Vec<WordAnalysis>,
    ) {
        let first_window = base == 0;
        let m = &self.model;
        let nc = m.classes.len();
        s.toks.clear();
        s.ids.clear();
        for i in 0..n {
            let w = word(i);
            let id = s.id(w, |f, buf, arena| self.build_entry(f, buf, arena));
            let mut t = s.entries[id as usize].info;
            if i == 0 && first_window {
                t.flags |= features::F_INITIAL;
            }
            if i > 0 && joined(i - 1) {
                t.flags |= features::F_JOINED_PREV;
            }
            if joined(i) {
                t.flags |= features::F_JOINED_NEXT;
            }
            s.toks.push(t);
            s.ids.push(id);
        }
        if m.language == Language::En {
            let ids = &s.ids;
            let sent =
                features::sentence_caps_of(ids.iter().map(|&id| s.entries[id as usize].caps));
            s.toks.iter_mut().for_each(|t| t.sent = sent);
        }
        // 1. Tags.
        s.classes.clear();
        // (at least `SCATTER` entries: the tag model's fast scatter; only `nc` are scores)
        s.scores.clear();
        s.scores.resize(nc.max(model::SCATTER), 0.0);
        let (mut p1, mut p2) = (u64::MAX, u64::MAX);
        for i in 0..n {
            let id = s.ids[i] as usize;
            let c = match s.entries[id].tagdict {
                Some(c) => c,
                None => {
                    // A word the lexicon restricts is scored for its allowed classes only
                    // (each sum as in the full scoring, so the same to the bit): the
                    // others would be `-inf`, below every finite score.
                    let subset =
                        self.res
                            .allowed_classes(&self.class_stts, &s.toks[i], &mut s.allowed);
                    let punct =
                        s.entries[id].punct_only && m.classes.iter().any(|c| c.0 == Upos::Punct);
                    if subset && punct {
                        s.allowed
                            .retain(|&c| m.classes[c as usize].0 == Upos::Punct);
                    }
                    self.tag_scores(s, i, n, p1, p2, subset);
                    if subset {
                        // (every class ruled out: all `-inf`, the first wins)
                        s.allowed.get(argmax(&s.sub)).copied().unwrap_or(0)
                    } else {
                        if punct {
                            for (x, c) in s.scores.iter_mut().zip(&m.classes) {
                                if c.0 != Upos::Punct {
                                    *x = f32::NEG_INFINITY;
                                }
                            }
                        }
                        argmax(&s.scores[..nc]) as u16
                    }
                }
            };
            s.classes.push(c);
            p2 = p1;
            p1 = c as u64;
        }
        // 1b. German finite verb or participial adjective: the perceptron's window is too
        // narrow for clause structure, so two rules repair the commonest confusion.
        if m.language == Language::De {
            let forms: Vec<&str> = (0..n)
                .map(|i| &*s.entries[s.ids[i] as usize].form)
                .collect();
            repair_finite(&m.classes, &self.repair, &mut s.classes, &forms, |f, t| {
                self.res.has_stts(f, t)
                    || t == sitrep_core::Stts::Adja && self.res.participle_lemma(f).is_some()
            });
            if self.res.has_lexicon() {
                let mask = |f: &str, t: sitrep_core::Stts| {
                    self.res
                        .agreement_masks(f)
                        .iter()
                        .filter(|(x, _)| *x == t)
                        .fold(0, |a, (_, m)| a | m)
                };
                repair_relative(
                    &m.classes,
                    &self.repair,
                    &mut s.classes,
                    &forms,
                    mask,
                    |f, t| self.res.has_stts(f, t),
                );
            }
        }
        if m.language == Language::En {
            let forms: Vec<&str> = (0..n)
                .map(|i| &*s.entries[s.ids[i] as usize].form)
                .collect();
            repair_finite_en(&m.classes, &self.repair, &mut s.classes, &forms);
        }
        // 2. Features.
        s.class_h.clear();
        s.class_h.extend(s.classes.iter().map(|&c| c as u64));
        s.bundles.clear();
        for i in 0..n {
            let c = s.classes[i];
            let cands = self.candidates(&s.toks[i], c);
            let b = if cands.len() == 1 {
                cands[0]
            } else {
                let (l, r) = np_context(&m.classes, &s.classes, i);
                self.best_bundle(s, i, cands, l, r)
            };
            s.bundles.push(b as u64);
        }
        // 3. Lemmas.
        for i in 0..n {
            let c = s.classes[i];
            let b = s.bundles[i] as u16;
            let (upos, xpos) = m.classes[c as usize];
            let feats = m.bundles[b as usize];
            let e = &mut s.entries[s.ids[i] as usize];
            // The analyses of the caller's previous sentence are overwritten in place, so
            // a memoised lemma is copied into an existing `String` (no allocation).
            let k = base + i;
            if k >= out.len() {
                out.push(WordAnalysis {
                    upos,
                    xpos,
                    lemma: String::new(),
                    feats,
                });
            }
            let w = &mut out[k];
            w.upos = upos;
            w.xpos = xpos;
            w.feats = feats;
            match e.lemmas.iter().find(|(lc, lb, _)| *lc == c && *lb == b) {
                Some((_, _, l)) => {
                    w.lemma.clear();
                    w.lemma.push_str(l);
                }
                None => {
                    let l = self.lemma(
                        &e.form,
                        &e.lower,
                        e.info.lower,
                        c,
                        upos,
                        xpos,
                        &feats,
                        &mut e.analyses,
                        e.walks.as_ref(),
                    );
                    if e.lemmas.len() < 8 {
                        e.lemmas.push((c, b, l.as_str().into()));
                    }
                    w.lemma = l;
                }
            }
        }
        if m.language == Language::En {
            have_before_participle(
                |i| &s.entries[s.ids[i] as usize].lower,
                &mut out[base..base + n],
            );
        }
        // 4. German noun-phrase agreement over the lexicon's analyses.
        if self.model.language == Language::De && self.res.has_lexicon() {
            for (i, w) in out[base..base + n].iter().enumerate() {
                let e = &mut s.entries[s.ids[i] as usize];
                if e.masks.is_none() && agree::takes_part(w.xpos) {
                    let a = e
                        .analyses
                        .get_or_insert_with(|| self.res.analyses_walked(&e.form, e.walks.as_ref()));
                    e.masks = Some(resources::agreement_masks_of(a));
                }
            }
            let words: Vec<&str> = (0..n)
                .map(|i| &*s.entries[s.ids[i] as usize].form)
                .collect();
            let mut masks = |i: usize, t: sitrep_core::Stts| -> agree::Mask {
                let e = &s.entries[s.ids[i] as usize];
                let of = |ms: &agree::FormMasks| {
                    ms.iter()
                        .filter(|(x, _)| *x == t)
                        .fold(0, |a, (_, m)| a | m)
                };
                match &e.masks {
                    Some(ms) => of(ms),
                    None => match &e.analyses {
                        Some(a) => of(&resources::agreement_masks_of(a)),
                        None => of(&resources::agreement_masks_of(
                            &self.res.analyses_walked(&e.form, e.walks.as_ref()),
                        )),
                    },
                }
            };
            agree::agree(&words, &mut out[base..base + n], &mut masks);
        }
    }

    fn candidates(&self, t: &TokInfo, class: u16) -> &[u16] {
        let m = &self.model;
        match m.form_cands.get(model::form_class_key(t.lower, class)) {
            Some(s) => m.cand_list(s),
            None => m.cand_list(m.class_cands[class as usize]),
        }
    }

    /// The tag model's scores of token `i` given the two previous classes: into
    /// `s.scores` (every class) or, with `subset`, into `s.sub` for the classes
    /// `s.allowed` only. The form's memoised parts (its own, and its neighbours' as
    /// neighbours) are added as vectors first, then the previous-tags row, then the
    /// features one by one; a class's sum is the same either way.
    fn tag_scores(&self, s: &mut memo::Memo, i: usize, n: usize, p1: u64, p2: u64, subset: bool) {
        let m = &self.model;
        let nc = m.classes.len();
        let id = s.ids[i] as usize;
        s.feats.clear();
        // The memoised vectors to add, in order (arena offsets): the form's own, then its
        // neighbours' as neighbours.
        let mut vecs = [0usize; 5];
        let mut nv = 0;
        let own = s.entries[id].vecs != u32::MAX;
        if own {
            vecs[0] = s.entries[id].vecs as usize;
            nv = 1;
        } else {
            features::local_tag_features(&s.toks[i], &mut s.feats);
        }
        // Neighbours: (offset, part index, boundary features).
        type Part = fn(&TokInfo, &mut Vec<u64>);
        let parts: [(isize, usize, Part); 4] = [
            (-1, 1, features::left1_features),
            (1, 2, features::right1_features),
            (-2, 3, features::left2_features),
            (2, 4, features::right2_features),
        ];
        for (off, k, part) in parts {
            let j = i as isize + off;
            match features::boundary(j, n) {
                Some(b) => part(b, &mut s.feats),
                None if s.entries[s.ids[j as usize] as usize].vecs == u32::MAX => {
                    part(&s.toks[j as usize], &mut s.feats)
                }
                None => {
                    vecs[nv] = s.entries[s.ids[j as usize] as usize].vecs as usize + k * nc;
                    nv += 1;
                }
            }
        }
        features::positional_tag_features(&s.toks[i], &mut s.feats);
        features::pair_tag_features(&s.toks, i, p1, &mut s.feats);
        let idx = |p: u64| if p == u64::MAX { nc } else { p as usize };
        let pt = (idx(p1) * (nc + 1) + idx(p2)) * nc;
        let prev = self.prev_tags.get(pt..pt + nc);
        if subset {
            s.sub.clear();
            s.sub.resize(s.allowed.len(), 0.0);
            let mut first = own;
            for &a in &vecs[..nv] {
                let v = &s.arena[a..a + nc];
                for (x, &c) in s.sub.iter_mut().zip(&s.allowed) {
                    // (the own vector is copied, as `scores` would be)
                    *x = if first {
                        v[c as usize]
                    } else {
                        *x + v[c as usize]
                    };
                }
                first = false;
            }
            if let Some(v) = prev {
                for (x, &c) in s.sub.iter_mut().zip(&s.allowed) {
                    *x += v[c as usize];
                }
            }
            // (`SCATTER` entries or more: the unchecked walk of sparse rows)
            if s.class_pos.len() < nc.max(model::SCATTER) {
                s.class_pos.clear();
                s.class_pos.resize(nc.max(model::SCATTER), u16::MAX);
            }
            for (k, &c) in s.allowed.iter().enumerate() {
                s.class_pos[c as usize] = k as u16;
            }
            m.tag_weights
                .add_cands(&s.feats, &s.allowed, &s.class_pos, &mut s.sub);
            for &c in &s.allowed {
                s.class_pos[c as usize] = u16::MAX;
            }
        } else {
            if !own {
                s.scores[..nc].fill(0.0);
            }
            let mut pre: [&[f32]; 6] = [&[]; 6];
            for (p, &a) in pre.iter_mut().zip(&vecs[..nv]) {
                *p = &s.arena[a..a + nc];
            }
            let mut np = nv;
            if let Some(v) = prev {
                pre[np] = v;
                np += 1;
            }
            // (with its own vector, the scores start as a copy of it)
            m.tag_weights
                .add_all_after(&pre[..np], own, &s.feats, &mut s.scores);
        }
    }

    /// The feature bundle of token `i` (class `s.classes[i]`) among `cands` (two or more),
    /// given the bundles chosen to its left and its phrase context `np_left`, `np_right`.
    ///
    /// A short list (the form's own candidates from training, at most 16) is scored for
    /// its candidates only, starting from the memoised sums of the form's own features
    /// under the class: they come first in [`features::morph_features`], so adding the
    /// context features to them repeats the additions of a full scoring in the same order
    /// (the same sums to the bit). A long list (a class's, up to 40 of the 330 German
    /// bundles, for words training did not show) costs as much that way as scoring every
    /// bundle with the vectorised dense rows, so it is scored in full.
    fn best_bundle(
        &self,
        s: &mut memo::Memo,
        i: usize,
        cands: &[u16],
        np_left: Option<usize>,
        np_right: Option<usize>,
    ) -> u16 {
        let m = &self.model;
        let nb = m.bundles.len();
        if s.cand_pos.len() < nb.max(model::SCATTER) {
            s.cand_pos.clear();
            s.cand_pos.resize(nb.max(model::SCATTER), u16::MAX);
        }
        // (a repeated or unknown bundle id, not in a model `train` writes, is scored in
        // full too)
        let mut few = cands.len() <= MAX_FEW_CANDIDATES;
        if few {
            for (k, &b) in cands.iter().enumerate() {
                match s.cand_pos.get_mut(b as usize) {
                    Some(p) if *p == u16::MAX => *p = k as u16,
                    _ => {
                        few = false;
                        break;
                    }
                }
            }
        }
        if !few {
            for &b in cands {
                if let Some(p) = s.cand_pos.get_mut(b as usize) {
                    *p = u16::MAX;
                }
            }
            features::morph_features(
                &s.toks,
                &s.class_h,
                &s.bundles,
                i,
                np_left,
                np_right,
                &mut s.feats,
            );
            return m
                .morph_weights
                .best_of_dense(&s.feats, cands, nb, &mut s.dense);
        }
        let c = s.classes[i];
        let id = s.ids[i];
        s.cand_scores.clear();
        let kept = s.morph_sums(id, c);
        match kept.and_then(|a| s.morph_arena.get(a..a + cands.len())) {
            Some(v) => s.cand_scores.extend_from_slice(v),
            None => {
                s.cand_scores.resize(cands.len(), 0.0);
                s.feats.clear();
                features::morph_local_features(&s.toks[i], c as u64, &mut s.feats);
                m.morph_weights
                    .add_cands(&s.feats, cands, &s.cand_pos, &mut s.cand_scores);
                s.keep_morph_sums(id, c);
            }
        }
        s.feats.clear();
        features::morph_context_features(
            &s.toks,
            &s.class_h,
            &s.bundles,
            i,
            np_left,
            np_right,
            &mut s.feats,
        );
        m.morph_weights
            .add_cands(&s.feats, cands, &s.cand_pos, &mut s.cand_scores);
        for &b in cands {
            s.cand_pos[b as usize] = u16::MAX;
        }
        cands[argmax(&s.cand_scores)]
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
        analyses: &mut Option<Box<[sitrep_lexicon::Entry]>>,
        walks: Option<&sitrep_lexicon::Walks>,
    ) -> String {
        use std::borrow::Cow;
        let m = &self.model;
        if let Some(l) = self.res.lemma_override(lower, xpos) {
            return l;
        }
        if matches!(xpos, Xpos::Penn(_)) && is_file_name(form) {
            // EWT lower-cases file names whatever their tag (`ENRON.XLS` → `enron.xls`,
            // `API.pdf` → `api.pdf`); names with digits are split (`Em-enro2.doc` kept) and
            // left to the rules below.
            return lower.to_string();
        }
        // German strong preterites written by hand beat the treebank's table, whose
        // lemmas of rare strong forms are suffix guesses (GSD: `schalt` → `schalen`)
        if xpos == Xpos::Stts(sitrep_core::Stts::Vvfin) {
            if let Some(l) = self.res.closed_verb_lemma(form) {
                return l;
            }
        }
        let exact = m.form_lemma.get(model::exact_class_key(form, class));
        if exact.is_none() {
            if matches!(xpos, Xpos::Penn(_)) && m.amb.get(lower_h).is_none() {
                if let Some(w) = self.elongated_word(lower) {
                    let h = hash::str(1, &w);
                    return self.lemma(&w, &w, h, class, upos, xpos, feats, &mut None, None);
                }
            }
            if let Some(l) = self.proper_name_spelling(form, lower, class, xpos) {
                return l;
            }
            if let Xpos::Penn(p) = xpos {
                if let Some(l) = self.unseen_shape_lemma(form, lower, lower_h, class, p) {
                    return l;
                }
                if p == sitrep_core::Penn::Nnp {
                    if let Some(l) = self.proper_plural_lemma(form, lower, lower_h) {
                        return l;
                    }
                }
            }
        }
        let known = exact.or_else(|| m.form_lemma.get(model::form_class_key(lower_h, class)));
        if let Some(sc) = known {
            if let Some(l) = m.scripts[sc as usize].apply(form, lower) {
                return l;
            }
        }
        // Attributive participles the treebank did not show take their verb's lemma
        // (`eingefrorenen` → `einfrieren`); the treebank's own (lexicalised `bekannten`
        // → `bekannt`, GSD's convention) come first.
        if xpos == Xpos::Stts(sitrep_core::Stts::Adja) {
            let a = &mut *analyses;
            let l = self.res.participle_lemma_with(form, || {
                Cow::Borrowed(&**a.get_or_insert_with(|| self.res.analyses_walked(form, walks)))
            });
            if let Some(l) = l {
                return l;
            }
        }
        let l = self.res.lemma_of(lower, upos, xpos, feats, || {
            Cow::Borrowed(&**analyses.get_or_insert_with(|| self.res.analyses_walked(form, walks)))
        });
        if let Some(l) = l {
            return l;
        }
        if let Xpos::Penn(p) = xpos {
            if p == sitrep_core::Penn::Cd {
                if let Some(l) = digit_groups_joined(form) {
                    return l;
                }
            }
            let guess = self.suffix_lemma(form, lower, class);
            return self
                .res
                .english_base_form(form, lower, p, &guess)
                .unwrap_or(guess);
        }
        self.suffix_lemma(form, lower, class)
    }

    /// English proper nouns written in lower case or shouted (`asia`, `san francisco`,
    /// `TEHRAN`): EWT's lemma is the name's usual spelling, which the treebank tables know when they saw the
    /// capitalised form with this tag (`Asia` NNP). `None` for other words and tags.
    fn proper_name_spelling(
        &self,
        form: &str,
        lower: &str,
        class: u16,
        xpos: Xpos,
    ) -> Option<String> {
        use sitrep_core::Penn;
        if !matches!(xpos, Xpos::Penn(Penn::Nnp | Penn::Nnps)) {
            return None;
        }
        let shouted = form.chars().count() > 2 && form.chars().all(char::is_uppercase);
        if form != lower && !shouted {
            return None;
        }
        let mut chars = lower.chars();
        let first = chars.next().filter(|c| c.is_alphabetic())?;
        let title: String = first.to_uppercase().chain(chars).collect();
        let sc = self
            .model
            .form_lemma
            .get(model::exact_class_key(&title, class))?;
        let title_lower = title.to_lowercase();
        self.model.scripts[sc as usize].apply(&title, &title_lower)
    }

    /// EWT's lemmas of English forms the treebank tables did not show, decided by their
    /// shape (counts over EWT train in `docs/issues/004-word-analysis.md`, twelfth sitting):
    ///
    /// * a form with a digit is its own lemma (`EB3326`, `X940`, not `3200` → `200` by a
    ///   suffix rule; `200,000` → `200000`), except for common nouns, where EWT is split
    ///   (46 kept, 35 lower-cased in train and dev) and the suffix rules stay (`12's` →
    ///   `12`);
    /// * a shouted proper noun (`NNP`/`NNPS`, letters only, all capitals) takes the
    ///   spelling the tables know for its lower-case form; else it is a name in capitals,
    ///   title-cased, when it has six letters or more (train: 108 title-cased, 9
    ///   kept: `ARCHIBALD` → `Archibald`) or five and is a given name (21 to 0: `LAURA`);
    ///   other short ones are mostly acronyms and stay (`NASA`, `NYMEX`);
    /// * a shouted form of two or three letters tagged as a plural is an acronym ending in
    ///   `S` (`CES`, `AMS`), not a plural to stem: lower case for `NNS` (EWT lower-cases
    ///   common-noun acronyms), as written for `NNPS`.
    fn unseen_shape_lemma(
        &self,
        form: &str,
        lower: &str,
        lower_h: u64,
        class: u16,
        tag: sitrep_core::Penn,
    ) -> Option<String> {
        use sitrep_core::Penn;
        if form.bytes().any(|b| b.is_ascii_digit()) && !matches!(tag, Penn::Nn | Penn::Nns) {
            return Some(digit_groups_joined(form).unwrap_or_else(|| form.to_string()));
        }
        let letters = form.chars().count();
        let shouted = letters >= 2 && form.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
        if !shouted {
            return None;
        }
        match tag {
            Penn::Nnp | Penn::Nnps => {
                // A spelling the tables know for the word comes first (`MCALLISTER` →
                // `McAllister`).
                let m = &self.model;
                let known = m
                    .form_lemma
                    .get(model::form_class_key(lower_h, class))
                    .and_then(|sc| m.scripts[sc as usize].apply(form, lower));
                if let Some(l) = known.filter(|l| l != form) {
                    return Some(l);
                }
                let title = upper_first(lower)?;
                (letters >= 6 || letters == 5 && self.res.is_given_name(&title)).then_some(title)
            }
            Penn::Nns if letters <= 3 => Some(lower.to_string()),
            _ => None,
        }
    }

    /// A title-case name tagged singular (`NNP`) that is the plural of a common noun
    /// (`Hills`, `Keys`): EWT tags such names `NNPS` and lemmatises them as plurals,
    /// keeping the capital (`Hill`). In EWT train, capitalised proper nouns in `-s` whose
    /// lower-case form is a plural noun of the treebank are lemmatised as plurals 203
    /// times and kept 36 times. The treebank's plurals come first, then WordNet's. Forms
    /// the tables saw with this tag are not asked (`Times`).
    fn proper_plural_lemma(&self, form: &str, lower: &str, lower_h: u64) -> Option<String> {
        use sitrep_core::Penn;
        let mut chars = form.chars();
        let first = chars.next()?;
        if !first.is_uppercase() || !chars.all(char::is_lowercase) || !lower.ends_with('s') {
            return None;
        }
        let m = &self.model;
        let nns = m
            .classes
            .iter()
            .position(|c| *c == (Upos::Noun, Xpos::Penn(Penn::Nns)))?;
        let l = m
            .form_lemma
            .get(model::form_class_key(lower_h, nns as u16))
            .and_then(|sc| m.scripts[sc as usize].apply(lower, lower));
        let l = match l {
            Some(l) => l,
            // Else WordNet's plurals (`Cabs`), but not a surname made of a given name
            // (`Peters` is not `Peter`).
            None => {
                let l = self.res.english_base_form(form, lower, Penn::Nnps, lower)?;
                if self.res.is_given_name(&l) {
                    return None;
                }
                l.to_lowercase()
            }
        };
        if l == lower {
            return None;
        }
        upper_first(&l)
    }

    /// Informal spellings that stretch a letter (`sooooo`, `VERYYY`, `commment`): the
    /// word with every run of three or more equal letters cut to two, else to one, when
    /// the treebank knows that word (an ambiguity class: seen three times or more). Forms
    /// of one repeated letter (`zzz`, `III`) and Roman numerals (`XIII`) are left alone.
    fn elongated_word(&self, lower: &str) -> Option<String> {
        let mut runs: Vec<(char, usize)> = Vec::new();
        for c in lower.chars() {
            if !c.is_alphabetic() {
                return None;
            }
            match runs.last_mut() {
                Some((p, n)) if *p == c => *n += 1,
                _ => runs.push((c, 1)),
            }
        }
        if runs.len() < 2
            || runs.iter().all(|&(_, n)| n < 3)
            || runs.iter().all(|&(c, _)| "ivxlcdm".contains(c))
        {
            return None;
        }
        [2, 1].into_iter().find_map(|keep| {
            let w: String = runs
                .iter()
                .flat_map(|&(c, n)| std::iter::repeat_n(c, if n >= 3 { keep } else { n }))
                .collect();
            self.model.amb.get(hash::str(1, &w)).map(|_| w)
        })
    }

    /// The lemma by the learned suffix edit rules of the class (the form if none applies).
    fn suffix_lemma(&self, form: &str, lower: &str, class: u16) -> String {
        let m = &self.model;
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

/// True for a token of punctuation marks only: sentence and clause marks, brackets,
/// quotes, dashes and ellipses (ASCII and typographic). Symbols (`%`, `€`, `&`, `+`) are
/// not punctuation in UD and stay with the model.
fn punctuation_only(form: &str) -> bool {
    !form.is_empty()
        && form.chars().all(|c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '"'
                    | '\'' | '-' | '‐'..='―' | '‘'..='‟' | '…' | '«' | '»' | '‹' | '›' | '¿' | '¡'
            )
        })
}

/// UD English writes numbers with thousands separators without them (`200,000` →
/// `200000`): the form if it is digit groups of three after a comma.
fn digit_groups_joined(form: &str) -> Option<String> {
    let (int, frac) = match form.split_once('.') {
        Some((i, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (i, Some(f)),
        Some(_) => return None,
        None => (form, None),
    };
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = first.to_string();
    let mut any = false;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(g);
        any = true;
    }
    if !any {
        return None;
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// German `-te`/`-ten` forms are both preterite verbs and participial adjectives
/// (`kritisierten`, `stationierte`). Over one sentence's classes:
///
/// * an adjective after the end of a noun phrase (a noun, name or pronoun) in a sentence
///   without a finite verb is the finite verb (`Israelische Jets bombardierten Stellungen`);
/// * a finite verb right before a noun or adjective, in a stretch (no comma, conjunction or
///   bracket between) that has another finite verb, is an attributive participle (`1.000 in
///   Deutschland stationierte Soldaten sollen …`).
///
/// Only forms the lexicon knows with the new tag are changed.
fn repair_finite(
    classes: &[(Upos, Xpos)],
    repair: &RepairClasses,
    tags: &mut [u16],
    forms: &[&str],
    lexicon_has: impl Fn(&str, Stts) -> bool,
) {
    use sitrep_core::Stts as S;
    let (Some(adja), Some(vvfin)) = (repair.adja, repair.vvfin) else {
        return;
    };
    let stts = |tags: &[u16], j: usize| match classes[tags[j] as usize].1 {
        Xpos::Stts(t) => Some(t),
        Xpos::Penn(_) => None,
    };
    let is_finite = |t: Option<S>| matches!(t, Some(S::Vvfin | S::Vafin | S::Vmfin));
    let te = |f: &str| {
        ["te", "ten", "tes", "tem", "ter"]
            .iter()
            .any(|e| f.ends_with(e))
    };
    let n = tags.len();
    let any_finite = (0..n).any(|j| is_finite(stts(tags, j)));
    for i in 1..n {
        let t = stts(tags, i);
        let prev = stts(tags, i - 1);
        let next = if i + 1 < n { stts(tags, i + 1) } else { None };
        if t == Some(S::Adja)
            && !any_finite
            && te(forms[i])
            && matches!(prev, Some(S::Nn | S::Ne | S::Pper | S::Pis))
            && lexicon_has(forms[i], S::Vvfin)
        {
            tags[i] = vvfin;
        } else if t == Some(S::Vvfin) && te(forms[i]) && matches!(next, Some(S::Nn | S::Adja)) {
            // (a hyphen inside `US-Soldaten` is no barrier)
            let barrier = |j: usize| {
                matches!(
                    stts(tags, j),
                    Some(S::Comma | S::Kon | S::Other | S::Period)
                ) && forms[j] != "-"
            };
            let other_finite = (i + 1..n)
                .take_while(|&j| !barrier(j))
                .any(|j| is_finite(stts(tags, j)))
                || (0..i)
                    .rev()
                    .take_while(|&j| !barrier(j))
                    .any(|j| is_finite(stts(tags, j)));
            if other_finite && lexicon_has(forms[i], S::Adja) {
                tags[i] = adja;
            }
        }
    }
}

/// German relative clauses the perceptron reads as main clauses (`, dem Korruption
/// vorgeworfen wird,`: `dem` as an article, the verb as a participle). Over one sentence:
///
/// * `der`/`die`/`das`/`dem`/`den`/`denen` tagged as an article right after a comma (or a
///   comma and a preposition: `, mit der`) is the relative pronoun when what follows cannot
///   continue its noun phrase (a preposition, another determiner, pronoun or possessive, a verb:
///   `, den die Behörden …`, `, der seit 1994 …`) or is a noun the article does not agree
///   with in the lexicon (`dem Korruption`); so is a demonstrative after a comma and a
///   preposition (`, über das …`), and `deren`/`dessen` there;
/// * a relative clause (from such a pronoun to the next comma or the end) without a finite
///   verb ends in one: its last verb, a participle or infinitive the lexicon also knows as
///   finite (`, mit der das Ministerium verhandelt,` `, deren Grenzen an Russland stoßen,`),
///   becomes finite.
///
/// `mask(form, tag)` gives the lexicon's case/number/gender mask of the form under the tag
/// (0: unknown), `lexicon_has(form, tag)` whether the lexicon lists it.
fn repair_relative(
    classes: &[(Upos, Xpos)],
    repair: &RepairClasses,
    tags: &mut [u16],
    forms: &[&str],
    mask: impl Fn(&str, Stts) -> agree::Mask,
    lexicon_has: impl Fn(&str, Stts) -> bool,
) {
    use sitrep_core::Stts as S;
    let Some(prels) = repair.prels else {
        return;
    };
    // (a model that never saw PRELAT marks `deren Felder` with PRELS: still relative)
    let prelat = repair.prelat.or(Some(prels));
    let (pds, vvfin, vafin, vmfin) = (repair.pds, repair.rel_vvfin, repair.vafin, repair.vmfin);
    let stts = |tags: &[u16], j: usize| match classes[tags[j] as usize].1 {
        Xpos::Stts(t) => Some(t),
        Xpos::Penn(_) => None,
    };
    let n = tags.len();
    let mut i = 1;
    while i < n {
        let Some(lower) = [
            "der", "die", "das", "dem", "den", "denen", "deren", "dessen",
        ]
        .into_iter()
        .find(|w| forms[i].eq_ignore_ascii_case(w)) else {
            i += 1;
            continue;
        };
        let after_prep =
            i >= 2 && forms[i - 2] == "," && matches!(stts(tags, i - 1), Some(S::Appr));
        let after_comma = forms[i - 1] == "," || after_prep;
        let t = stts(tags, i);
        let next = (i + 1 < n).then(|| stts(tags, i + 1)).flatten();
        let relative = after_comma
            && match lower {
                "der" | "die" | "das" | "dem" | "den" | "denen" => {
                    t == Some(S::Prels)
                        || t == Some(S::Pds) && after_prep
                        // (`das` as a misspelt `dass`, KOUS in GSD, cannot follow a
                        // preposition)
                        || t == Some(S::Kous) && after_prep
                        || t == Some(S::Art)
                            && match next {
                                Some(S::Nn | S::Ne) => {
                                    let a = mask(forms[i], S::Art);
                                    let b = mask(forms[i + 1], next.unwrap_or(S::Nn));
                                    a != 0 && b != 0 && a & b == 0
                                }
                                Some(
                                    S::Adja
                                    | S::Adjd
                                    | S::Adv
                                    | S::Card
                                    | S::Piat
                                    | S::Pidat
                                    | S::Trunc
                                    | S::Fm
                                    | S::Xy
                                    | S::Other,
                                )
                                | None => false,
                                Some(_) => true,
                            }
                }
                "deren" | "dessen" => true,
                _ => false,
            };
        if !relative {
            // An article before a finite verb or punctuation is a demonstrative
            // (`Das ist …`, `der war`).
            let demonstrative = t == Some(S::Art)
                && matches!(lower, "der" | "die" | "das" | "dem" | "den")
                && matches!(
                    next,
                    Some(S::Vvfin | S::Vafin | S::Vmfin | S::Comma | S::Period)
                );
            if let Some(c) = pds.filter(|_| demonstrative) {
                tags[i] = c;
            }
            i += 1;
            continue;
        }
        if lower == "deren" || lower == "dessen" {
            if let Some(c) = prelat.filter(|_| matches!(next, Some(S::Nn | S::Ne | S::Adja))) {
                tags[i] = c;
            }
        } else if t != Some(S::Prels) {
            tags[i] = prels;
        }
        // The clause up to the next comma, bracket or sentence end.
        let end = (i + 1..n)
            .find(|&j| {
                matches!(stts(tags, j), Some(S::Comma | S::Period | S::Other)) && forms[j] != "-"
            })
            .unwrap_or(n);
        let finite =
            (i + 1..end).any(|j| matches!(stts(tags, j), Some(S::Vvfin | S::Vafin | S::Vmfin)));
        if !finite {
            if let Some(v) = (i + 1..end).rev().find(|&j| {
                matches!(
                    stts(tags, j),
                    Some(S::Vvpp | S::Vvinf | S::Vainf | S::Vminf | S::Vapp | S::Vmpp)
                )
            }) {
                let (t, c) = match stts(tags, v) {
                    Some(S::Vainf | S::Vapp) => (S::Vafin, vafin),
                    Some(S::Vminf | S::Vmpp) => (S::Vmfin, vmfin),
                    _ => (S::Vvfin, vvfin),
                };
                if let Some(c) = c.filter(|_| v + 1 == end && lexicon_has(forms[v], t)) {
                    tags[v] = c;
                }
            }
        }
        i = end.max(i + 1);
    }
}

/// `s` with its first letter in upper case (`hill` → `Hill`); `None` when empty.
fn upper_first(s: &str) -> Option<String> {
    let mut chars = s.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// A file name without digits: letters, `_` and `-`, a dot and a common document or
/// media extension (`API.pdf`, `ENRON.XLS`); not a web address or e-mail address.
fn is_file_name(form: &str) -> bool {
    const EXTENSIONS: [&str; 18] = [
        "doc", "docx", "pdf", "xls", "xlsx", "ppt", "pptx", "htm", "html", "txt", "rtf", "csv",
        "wpd", "jpg", "jpeg", "gif", "png", "zip",
    ];
    let Some((name, ext)) = form.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == '_' || c == '-')
        && EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
}

/// A title-case headline: at least four words of four letters or more, three quarters of
/// them capitalised, and a capitalised function word (`Into`, `With`, `From`) or verb is
/// what sets it apart from a run of names.
fn is_title_case(words: &[&str]) -> bool {
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    if long.len() < 4 {
        return false;
    }
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 4 >= long.len() * 3
}

/// English `'s` is `have`, not `be`, before `been`, `got`, `gotten` or `had` (adverbs and
/// `not` between): `it's been`, `she's got` (EWT train 11 of 11). The lemma table cannot
/// see the next word. `lower(i)` is word `i` in lower case.
fn have_before_participle<'a>(lower: impl Fn(usize) -> &'a str, out: &mut [WordAnalysis]) {
    for i in 0..out.len() {
        if !matches!(lower(i), "'s" | "’s") || out[i].upos != Upos::Aux {
            continue;
        }
        let next = (i + 1..out.len()).find(|&j| !matches!(out[j].upos, Upos::Adv | Upos::Part));
        if next.is_some_and(|j| matches!(lower(j), "been" | "got" | "gotten" | "had")) {
            out[i].lemma.clear();
            out[i].lemma.push_str("have");
        }
    }
}

/// English headline-style sentences (`Macron telephones Putin`, `Russia plans to deploy
/// troops`) often lose their only verb to a plural-noun reading. In a sentence without a
/// finite verb, the first plural noun in `-s` right after a name or pronoun and before an
/// object or `to` is the verb (third person singular present).
fn repair_finite_en(
    classes: &[(Upos, Xpos)],
    repair: &RepairClasses,
    tags: &mut [u16],
    forms: &[&str],
) {
    use sitrep_core::Penn as P;
    let penn = |tags: &[u16], j: usize| match classes[tags[j] as usize].1 {
        Xpos::Penn(p) => Some(p),
        Xpos::Stts(_) => None,
    };
    let Some(vbz) = repair.vbz else {
        return;
    };
    let n = tags.len();
    if (0..n).any(|j| matches!(penn(tags, j), Some(P::Vbz | P::Vbd | P::Vbp | P::Md))) {
        return;
    }
    for i in 1..n.saturating_sub(1) {
        let f = forms[i];
        if penn(tags, i) == Some(P::Nns)
            && f.ends_with('s')
            && !f.ends_with("ss")
            && f.chars().next().is_some_and(char::is_lowercase)
            && matches!(penn(tags, i - 1), Some(P::Nnp | P::Nnps | P::Prp))
            && matches!(
                penn(tags, i + 1),
                Some(P::To | P::Dt | P::Nnp | P::Nnps | P::Nns | P::Prp | P::PrpS | P::Cd | P::Jj)
            )
        {
            tags[i] = vbz;
            return;
        }
    }
}

/// The index of the highest score, the first on ties (0 for an empty slice).
///
/// As a scan that keeps the first strictly greater score (a NaN first score wins, later
/// NaNs are passed over), in two vectorisable passes: the maximum, eight lanes at a time,
/// then the first score equal to it (signed zeros are equal, as they are to `>`).
pub(crate) fn argmax(scores: &[f32]) -> usize {
    let Some(&first) = scores.first() else {
        return 0;
    };
    if first.is_nan() {
        return 0;
    }
    let (chunks, tail) = scores.as_chunks::<8>();
    let mut lanes = [f32::NEG_INFINITY; 8];
    for c in chunks {
        for k in 0..8 {
            // (`maxps`: NaN never replaces the lane)
            lanes[k] = if c[k] > lanes[k] { c[k] } else { lanes[k] };
        }
    }
    let mut max = f32::NEG_INFINITY;
    for v in lanes {
        if v > max {
            max = v;
        }
    }
    for &v in tail {
        if v > max {
            max = v;
        }
    }
    // (the first chunk holding the maximum by a vectorised compare, then the lane)
    let has_max = |c: &[f32; 8]| c.iter().fold(false, |any, &v| any | (v == max));
    match chunks.iter().position(has_max) {
        Some(k) => k * 8 + chunks[k].iter().position(|&v| v == max).unwrap_or(0),
        None => tail
            .iter()
            .position(|&v| v == max)
            .map_or(0, |k| chunks.len() * 8 + k),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `argmax` is the first index of the maximum (the first on ties, signed zeros equal),
    /// `-inf` included, for short and long score vectors.
    #[test]
    fn argmax_is_the_first_maximum() {
        let plain = |v: &[f32]| {
            let mut best = 0;
            for k in 1..v.len() {
                if v[k] > v[best] {
                    best = k;
                }
            }
            best
        };
        let mut x = 12345u32;
        for n in (0..40).chain([91, 330]) {
            for _ in 0..20 {
                let v: Vec<f32> = (0..n)
                    .map(|_| {
                        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                        match (x >> 16) % 8 {
                            0 => f32::NEG_INFINITY,
                            1 => -0.0,
                            2 => 0.0,
                            7 => f32::NAN,
                            k => k as f32 - 4.0, // few values: many ties
                        }
                    })
                    .collect();
                assert_eq!(argmax(&v), plain(&v), "{v:?}");
            }
        }
    }

    /// The feature bundle chosen from the candidates' sums (with the memoised sums of the
    /// form's own features, cold and warm) is the one of the full scoring over every
    /// bundle, and the candidates' sums are the full sums to the bit; long candidate
    /// lists (unknown words) choose as the full scoring too.
    #[test]
    fn candidate_scoring_matches_full_scoring() {
        let t = Tagger::new(Language::De).expect("model");
        let m = &t.model;
        let nb = m.bundles.len();
        let sentences = [
            "Die neuen Minister der Regierung trafen sich am Montag in der Hauptstadt .",
            "Bei den schweren Kämpfen im Norden des Landes starben nach Angaben der Armee drei Soldaten .",
            "Der Präsident sagte , er werde mit den Vertretern der Opposition sprechen .",
            "Die Polizei nahm einen Mann fest , dem die Staatsanwaltschaft Betrug vorwirft .",
        ];
        let (mut checked, mut long) = (0, 0);
        for pass in 0..2 {
            for text in sentences {
                let words: Vec<&str> = text.split(' ').collect();
                let joined = vec![false; words.len()];
                let mut out = Vec::new();
                t.tag_words(&words, &joined, &mut out);
                memo::with_memo(t.id, |s| {
                    for i in 0..words.len() {
                        let c = s.classes[i];
                        let cands = t.candidates(&s.toks[i], c);
                        if cands.len() < 2 {
                            continue;
                        }
                        let (l, r) = np_context(&m.classes, &s.classes, i);
                        let mut feats = Vec::new();
                        features::morph_features(
                            &s.toks, &s.class_h, &s.bundles, i, l, r, &mut feats,
                        );
                        let mut full = vec![0f32; nb];
                        m.morph_weights.add_all(&feats, &mut full);
                        let mut dense = Vec::new();
                        let want = m.morph_weights.best_of_dense(&feats, cands, nb, &mut dense);
                        assert_eq!(
                            t.best_bundle(s, i, cands, l, r),
                            want,
                            "{text} [{i}] pass {pass}"
                        );
                        assert_eq!(s.bundles[i] as u16, want, "{text} [{i}]");
                        if cands.len() > MAX_FEW_CANDIDATES {
                            long += 1;
                            continue;
                        }
                        let got: Vec<u32> = s.cand_scores.iter().map(|x| x.to_bits()).collect();
                        let full: Vec<u32> =
                            cands.iter().map(|&b| full[b as usize].to_bits()).collect();
                        assert_eq!(got, full, "{text} [{i}]");
                        checked += 1;
                    }
                });
            }
        }
        assert!(checked > 20, "{checked} tokens with a few candidates");
        assert!(long > 0, "no token with a class's candidates");
        memo::with_memo(t.id, |s| {
            assert!(!s.morph_arena.is_empty(), "sums memoised")
        });
    }

    /// Words the lexicon restricts are scored for their allowed classes only: those sums
    /// are the full scoring's to the bit, and the best of them is the full scoring's best
    /// once the other classes are ruled out.
    #[test]
    fn restricted_words_score_as_in_full() {
        let t = Tagger::new(Language::De).expect("model");
        let nc = t.model.classes.len();
        let sentences = [
            "Die Bundeswehr verlegt Panzerhaubitzen und Drohnenabwehrsysteme an die Ostflanke .",
            "Nach dem Erdrutsch suchten Rettungskräfte in den verschütteten Bergdörfern nach Überlebenden .",
            "Der Innenminister kündigte schärfere Grenzkontrollen und beschleunigte Abschiebungen an .",
        ];
        let mut checked = 0;
        for text in sentences {
            let words: Vec<&str> = text.split(' ').collect();
            let mut out = Vec::new();
            t.tag_words(&words, &vec![false; words.len()], &mut out);
            memo::with_memo(t.id, |s| {
                let n = words.len();
                for i in 0..n {
                    let id = s.ids[i] as usize;
                    if s.entries[id].tagdict.is_some()
                        || !t
                            .res
                            .allowed_classes(&t.class_stts, &s.toks[i], &mut s.allowed)
                    {
                        continue;
                    }
                    let prev =
                        |k: usize| i.checked_sub(k).map_or(u64::MAX, |j| s.classes[j] as u64);
                    let (p1, p2) = (prev(1), prev(2));
                    t.tag_scores(s, i, n, p1, p2, false);
                    t.tag_scores(s, i, n, p1, p2, true);
                    let full: Vec<u32> = s
                        .allowed
                        .iter()
                        .map(|&c| s.scores[c as usize].to_bits())
                        .collect();
                    let sub: Vec<u32> = s.sub.iter().map(|x| x.to_bits()).collect();
                    assert_eq!(sub, full, "{text} [{i}]");
                    let mut ruled = s.scores[..nc].to_vec();
                    for (c, x) in ruled.iter_mut().enumerate() {
                        if !s.allowed.contains(&(c as u16)) {
                            *x = f32::NEG_INFINITY;
                        }
                    }
                    assert_eq!(
                        s.allowed[argmax(&s.sub)] as usize,
                        argmax(&ruled),
                        "{text} [{i}]"
                    );
                    assert!(s.allowed.len() < nc);
                    checked += 1;
                }
            });
        }
        assert!(checked >= 5, "{checked} restricted words");
    }

    /// The classes the repairs write, found once per model, are those the rules searched
    /// the class list for: exact (UPOS, tag) pairs for `repair_finite` and English, the
    /// treebank's UPOS else any for `repair_relative` (a list whose PRELS class has another
    /// UPOS, and one without it).
    #[test]
    fn repair_classes_are_found_as_the_rules_searched_them() {
        use sitrep_core::{Penn, Stts as S};
        let search = |classes: &[(Upos, Xpos)], u: Upos, t: S, fallback: bool| {
            classes
                .iter()
                .position(|c| *c == (u, Xpos::Stts(t)))
                .or_else(|| {
                    fallback
                        .then(|| classes.iter().position(|c| c.1 == Xpos::Stts(t)))
                        .flatten()
                })
                .map(|k| k as u16)
        };
        let de = Tagger::new(Language::De).expect("model").model.classes;
        let en = Tagger::new(Language::En).expect("model").model.classes;
        let other_upos: Vec<(Upos, Xpos)> = de
            .iter()
            .map(|&(u, x)| match x {
                Xpos::Stts(S::Prels | S::Vvfin) => (Upos::X, x),
                _ => (u, x),
            })
            .collect();
        let without: Vec<(Upos, Xpos)> = de
            .iter()
            .copied()
            .filter(|c| !matches!(c.1, Xpos::Stts(S::Prels | S::Adja)))
            .collect();
        for classes in [&de, &en, &other_upos, &without] {
            let r = RepairClasses::of(classes);
            assert_eq!(r.adja, search(classes, Upos::Adj, S::Adja, false));
            assert_eq!(r.vvfin, search(classes, Upos::Verb, S::Vvfin, false));
            assert_eq!(r.prels, search(classes, Upos::Pron, S::Prels, true));
            assert_eq!(r.prelat, search(classes, Upos::Pron, S::Prelat, true));
            assert_eq!(r.pds, search(classes, Upos::Pron, S::Pds, true));
            assert_eq!(r.rel_vvfin, search(classes, Upos::Verb, S::Vvfin, true));
            assert_eq!(r.vafin, search(classes, Upos::Aux, S::Vafin, true));
            assert_eq!(r.vmfin, search(classes, Upos::Aux, S::Vmfin, true));
            let vbz = classes
                .iter()
                .position(|c| *c == (Upos::Verb, Xpos::Penn(Penn::Vbz)))
                .map(|k| k as u16);
            assert_eq!(r.vbz, vbz);
        }
        let d = RepairClasses::of(&de);
        assert!(d.adja.is_some() && d.prels.is_some() && d.vbz.is_none());
        assert!(RepairClasses::of(&en).vbz.is_some());
        let o = RepairClasses::of(&other_upos);
        assert!(o.prels.is_some() && o.vvfin.is_none() && o.rel_vvfin.is_some());
        assert!(RepairClasses::of(&without).prels.is_none());
    }

    /// `feats_string` (a table lookup, hashed one mix per field) writes what `to_string`
    /// writes, for every bundle of both models and for bundles they lack; the table holds
    /// every bundle (its hashes do not collide into one entry).
    #[test]
    fn feature_strings_come_from_the_table() {
        use sitrep_core::{Case, Number, Person};
        for lang in [Language::De, Language::En] {
            let t = Tagger::new(lang).expect("model");
            assert_eq!(t.feats_text.len(), t.model.bundles.len(), "{lang:?}");
            for b in &t.model.bundles {
                assert_eq!(t.feats_string(b), b.to_string(), "{lang:?}");
                assert!(t.feats_text.contains_key(b), "{lang:?} {b}");
            }
            let odd = Feats {
                case: Some(Case::Gen),
                number: Some(Number::Plur),
                person: Some(Person::First),
                reflex: true,
                poss: true,
                ..Feats::default()
            };
            assert!(!t.feats_text.contains_key(&odd));
            assert_eq!(t.feats_string(&odd), odd.to_string());
        }
    }

    #[test]
    fn thousands_separators_are_dropped_from_number_lemmas() {
        for (form, want) in [
            ("200,000", Some("200000")),
            ("1,234,567.89", Some("1234567.89")),
            ("6,606", Some("6606")),
            ("3,40", None),
            ("1234", None),
            ("12,34,567", None),
            (",000", None),
        ] {
            assert_eq!(digit_groups_joined(form).as_deref(), want, "{form}");
        }
    }
}
