//! Training: a reproducible function from gold sentences to model bytes.
//!
//! Bit-for-bit reproducible: sentence order per epoch comes from a fixed-seed generator,
//! every table is built from sorted keys, and float sums run in a fixed order.

use crate::corpus::GoldSentence;
use crate::features::{self, TokInfo};
use crate::model::{self, ModelData, Script};
use crate::{np_context, Resources, MAX_CLASSES};
use sitrep_core::{Feats, Language, Penn, Stts, Upos, Xpos};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Perceptron epochs for tags and for features.
    pub iterations: usize,
    pub seed: u64,
    /// Words seen at least this often with one tag at least `tagdict_ratio` of the time
    /// skip the tag model.
    pub tagdict_min: usize,
    pub tagdict_ratio: f64,
    /// Tag classes (UPOS + XPOS pairs) seen fewer times are folded into the most frequent
    /// class with the same XPOS.
    pub min_class_count: usize,
    /// Averaged weights smaller than this are dropped from the artifact.
    pub prune: f32,
    /// Tag perceptrons trained on differently shuffled epochs whose averaged weights are
    /// averaged into the one shipped model: less dependence on one shuffle order, the same
    /// cost at run time (one weight table).
    pub tag_members: usize,
    /// With more than one member, the ensemble's averaged tag weights smaller than this are
    /// dropped (mostly features only one or two members learned; keeps rows as sparse as a
    /// single perceptron's, so tagging costs the same, and English under 5 MB).
    pub tag_prune: f32,
    /// English: the lower-case ambiguity class a training sentence's capitalised words see
    /// is learned from the other sentences only (sentence `i` in fold `i % k`), as at
    /// tagging time, where the text was not in the table; 0 learns it from all.
    pub lower_amb_folds: usize,
}

impl TrainConfig {
    pub fn for_language(language: Language) -> TrainConfig {
        TrainConfig {
            iterations: match language {
                Language::En => 12,
                Language::De => 12,
            },
            seed: 0x5172_4e50,
            tagdict_min: 20,
            tagdict_ratio: 0.97,
            min_class_count: 2,
            prune: 1e-3,
            tag_members: 8,
            tag_prune: match language {
                Language::En => 0.3,
                Language::De => 0.2,
            },
            // (10 folds: EWT dev UPOS 0.9516 → 0.9521 but 2, 5 and 20 folds score
            // 0.9514–0.9519: shuffle noise, not a gain; issue 4, thirteenth sitting)
            lower_amb_folds: 0,
        }
    }
}

#[derive(Default)]
struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}
type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy)]
struct Cell {
    class: u16,
    w: f32,
    total: f64,
    stamp: u64,
}

/// An averaged perceptron under training.
#[derive(Default)]
struct Perceptron {
    rows: IdMap<Vec<Cell>>,
    step: u64,
}

impl Perceptron {
    fn scores(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for c in row {
                    scores[c.class as usize] += c.w;
                }
            }
        }
    }

    fn best_of(&self, feats: &[u64], cands: &[u16]) -> u16 {
        let mut scores = vec![0f32; cands.len()];
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for (k, c) in cands.iter().enumerate() {
                    if let Ok(p) = row.binary_search_by_key(c, |x| x.class) {
                        scores[k] += row[p].w;
                    }
                }
            }
        }
        cands[crate::argmax(&scores)]
    }

    fn tick(&mut self) {
        self.step += 1;
    }

    fn update(&mut self, feats: &[u64], truth: u16, guess: u16) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for f in feats {
            let row = self.rows.entry(*f).or_default();
            for (class, d) in [(truth, 1.0f32), (guess, -1.0)] {
                let p = match row.binary_search_by_key(&class, |x| x.class) {
                    Ok(p) => p,
                    Err(p) => {
                        row.insert(
                            p,
                            Cell {
                                class,
                                w: 0.0,
                                total: 0.0,
                                stamp: step,
                            },
                        );
                        p
                    }
                };
                let c = &mut row[p];
                c.total += (step - c.stamp) as f64 * c.w as f64;
                c.stamp = step;
                c.w += d;
            }
        }
    }

    /// Averaged weights, rows sorted by key, small weights dropped.
    fn export(&self, prune: f32) -> Vec<(u64, Vec<(u16, f32)>)> {
        let step = self.step.max(1);
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let row: Vec<(u16, f32)> = self.rows[&k]
                .iter()
                .map(|c| {
                    let total = c.total + (step - c.stamp) as f64 * c.w as f64;
                    (c.class, (total / step as f64) as f32)
                })
                .filter(|(_, w)| w.abs() >= prune)
                .collect();
            if !row.is_empty() {
                out.push((k, row));
            }
        }
        out
    }
}

/// The sum of two weight tables (rows sorted by key, cells by class), sorted the same way.
fn merge_rows(
    a: &[(u64, Vec<(u16, f32)>)],
    b: &[(u64, Vec<(u16, f32)>)],
) -> Vec<(u64, Vec<(u16, f32)>)> {
    let mut out: BTreeMap<u64, BTreeMap<u16, f32>> = BTreeMap::new();
    for (k, row) in a.iter().chain(b) {
        let r = out.entry(*k).or_default();
        for &(c, w) in row {
            *r.entry(c).or_default() += w;
        }
    }
    out.into_iter()
        .map(|(k, r)| (k, r.into_iter().collect()))
        .collect()
}

/// The ambiguity class of a word from its tag counts: a hash (started from `seed`) of
/// the classes with at least 10 % of its uses; `None` for words seen under 3 times.
fn ambiguity_class(counts: &BTreeMap<u16, usize>, seed: u64) -> Option<u64> {
    let total: usize = counts.values().sum();
    if total < 3 {
        return None;
    }
    let mut h = seed;
    for (&c, &n) in counts {
        if n * 10 >= total {
            h = crate::hash::mix(h, c as u64 + 1);
        }
    }
    Some(crate::hash::finish(h))
}

/// xorshift64*: a fixed, portable generator for the epoch shuffles.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

fn parse_xpos(language: Language, s: &str) -> Option<Xpos> {
    match language {
        Language::De => s.parse::<Stts>().ok().map(Xpos::Stts),
        Language::En => s.parse::<Penn>().ok().map(Xpos::Penn),
    }
}

/// One training token with ids resolved.
struct Tok {
    class: u16,
    bundle: u16,
    script: u32,
}

/// Trains a model on `sentences`; returns the artifact bytes. `note` is stored in the
/// artifact (data, command, licence).
pub fn train(
    language: Language,
    sentences: &[GoldSentence],
    cfg: &TrainConfig,
    res: &Resources,
    note: &str,
) -> Result<Vec<u8>, String> {
    // Classes.
    // Xpos has no order: classes are keyed by (UPOS, XPOS string).
    let mut class_counts: BTreeMap<(Upos, &'static str), usize> = BTreeMap::new();
    for s in sentences {
        for t in s {
            let (Ok(u), Some(x)) = (t.upos.parse::<Upos>(), parse_xpos(language, &t.xpos)) else {
                continue;
            };
            *class_counts.entry((u, x.as_str())).or_default() += 1;
        }
    }
    let classes: Vec<(Upos, &'static str)> = class_counts
        .iter()
        .filter(|(_, &n)| n >= cfg.min_class_count)
        .map(|(&k, _)| k)
        .collect();
    if classes.is_empty() {
        return Err("no taggable tokens in the training data".into());
    }
    if classes.len() > MAX_CLASSES {
        return Err(format!(
            "{} tag classes, at most {MAX_CLASSES}",
            classes.len()
        ));
    }
    let class_id = |u: Upos, x: Xpos| -> u16 {
        let x = x.as_str();
        if let Ok(p) = classes.binary_search(&(u, x)) {
            return p as u16;
        }
        // Fold a rare or unparsable pair into the most frequent class with its XPOS, else
        // its UPOS, else the most frequent class.
        let best = |f: &dyn Fn(&(Upos, &'static str)) -> bool| {
            classes
                .iter()
                .enumerate()
                .filter(|(_, c)| f(c))
                .max_by_key(|(i, c)| (class_counts[c], usize::MAX - i))
                .map(|(i, _)| i as u16)
        };
        best(&|c| c.1 == x)
            .or_else(|| best(&|c| c.0 == u))
            .or_else(|| best(&|_| true))
            .expect("classes not empty")
    };
    let fallback_xpos = match language {
        Language::De => Xpos::Stts(Stts::Xy),
        Language::En => Xpos::Penn(Penn::Fw),
    };

    let class_of = |t: &crate::corpus::GoldToken| {
        class_id(
            t.upos.parse::<Upos>().unwrap_or(Upos::X),
            parse_xpos(language, &t.xpos).unwrap_or(fallback_xpos),
        )
    };
    // Per class: do capitalised forms mostly get lower-case lemmas?
    let mut case_votes = vec![(0usize, 0usize); classes.len()];
    for s in sentences {
        for t in s {
            let (Some(f), Some(l)) = (t.form.chars().next(), t.lemma.chars().next()) else {
                continue;
            };
            if f.is_uppercase() {
                let v = &mut case_votes[class_of(t) as usize];
                if l.is_lowercase() {
                    v.0 += 1;
                } else {
                    v.1 += 1;
                }
            }
        }
    }
    let prefer_lower: Vec<bool> = case_votes.iter().map(|&(lo, keep)| lo > keep).collect();
    let script_of = |t: &crate::corpus::GoldToken| {
        Script::learn(&t.form, &t.lemma, prefer_lower[class_of(t) as usize])
    };

    // Bundles and scripts, interned in sorted order.
    let mut bundle_set: BTreeMap<String, u16> = BTreeMap::new();
    bundle_set.insert("_".into(), 0);
    let mut script_set: BTreeMap<Script, u32> = BTreeMap::new();
    for s in sentences {
        for t in s {
            bundle_set.insert(Feats::parse_ud(&t.feats).to_string(), 0);
            script_set.insert(script_of(t), 0);
        }
    }
    if bundle_set.len() > u16::MAX as usize {
        return Err("too many feature bundles".into());
    }
    for (i, v) in bundle_set.values_mut().enumerate() {
        *v = i as u16;
    }
    for (i, v) in script_set.values_mut().enumerate() {
        *v = i as u32;
    }

    // Resolved tokens and per-token features.
    let mut gold: Vec<Vec<Tok>> = Vec::with_capacity(sentences.len());
    let mut infos: Vec<Vec<TokInfo>> = Vec::with_capacity(sentences.len());
    let mut lowers: Vec<Vec<String>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut g = Vec::with_capacity(s.len());
        let mut inf = Vec::with_capacity(s.len());
        let mut low = Vec::with_capacity(s.len());
        let sent = match language {
            Language::En => features::sentence_caps(s.iter().map(|t| t.form.as_str())),
            Language::De => 0,
        };
        for (i, t) in s.iter().enumerate() {
            g.push(Tok {
                class: class_of(t),
                bundle: bundle_set[&Feats::parse_ud(&t.feats).to_string()],
                script: script_set[&script_of(t)],
            });
            let lower = features::lowered(&t.form);
            let jp = i > 0 && s[i - 1].joined;
            let mut ti = TokInfo::new(&t.form, &lower, i == 0, jp, t.joined);
            res.annotate(&t.form, &lower, &mut ti);
            ti.sent = sent;
            inf.push(ti);
            low.push(lower);
        }
        gold.push(g);
        infos.push(inf);
        lowers.push(low);
    }

    // Ambiguity classes of words seen at least 3 times: the tags with >= 10% of uses.
    let mut amb_counts: BTreeMap<&str, BTreeMap<u16, usize>> = BTreeMap::new();
    for (low, g) in lowers.iter().zip(&gold) {
        for (l, t) in low.iter().zip(g) {
            *amb_counts
                .entry(l.as_str())
                .or_default()
                .entry(t.class)
                .or_default() += 1;
        }
    }
    let mut amb: Vec<(u64, u64)> = amb_counts
        .iter()
        .filter_map(|(l, m)| Some((crate::hash::str(1, l), ambiguity_class(m, 0xA3B)?)))
        .collect();
    // English: the same over the occurrences written in lower case only, for the
    // capitalised spellings of those words (`Housing`: `housing` is a noun).
    let mut lower_amb: BTreeMap<u64, u64> = BTreeMap::new();
    let folds = if language == Language::En {
        cfg.lower_amb_folds
    } else {
        0
    };
    let mut fold_counts: Vec<BTreeMap<&str, BTreeMap<u16, usize>>> = vec![BTreeMap::new(); folds];
    let mut counts: BTreeMap<&str, BTreeMap<u16, usize>> = BTreeMap::new();
    if language == Language::En {
        for (i, (s, g)) in sentences.iter().zip(&gold).enumerate() {
            for (t, gt) in s.iter().zip(g) {
                if !t.form.chars().any(char::is_uppercase) {
                    *counts
                        .entry(t.form.as_str())
                        .or_default()
                        .entry(gt.class)
                        .or_default() += 1;
                    if folds > 0 {
                        *fold_counts[i % folds]
                            .entry(t.form.as_str())
                            .or_default()
                            .entry(gt.class)
                            .or_default() += 1;
                    }
                }
            }
        }
        lower_amb.extend(
            counts.iter().filter_map(|(l, m)| {
                Some((features::lower_amb_key(l), ambiguity_class(m, 0x10A3B)?))
            }),
        );
        amb.extend(lower_amb.iter().map(|(&k, &v)| (k, v)));
    }
    amb.sort_unstable();
    let amb_map: HashMap<u64, u64> = amb.iter().copied().collect();
    for (i, (inf, low)) in infos.iter_mut().zip(&lowers).enumerate() {
        for (t, l) in inf.iter_mut().zip(low) {
            t.amb = amb_map.get(&t.lower).copied().unwrap_or(0);
            if t.flags & features::F_UPPER_FIRST == 0 {
                continue;
            }
            t.lower_amb = if folds > 0 {
                // The counts of the other folds: all minus this sentence's fold.
                let own = fold_counts[i % folds].get(l.as_str());
                let rest: BTreeMap<u16, usize> = counts
                    .get(l.as_str())
                    .into_iter()
                    .flatten()
                    .map(|(&c, &n)| (c, n - own.and_then(|o| o.get(&c)).copied().unwrap_or(0)))
                    .filter(|&(_, n)| n > 0)
                    .collect();
                ambiguity_class(&rest, 0x10A3B).unwrap_or(0)
            } else {
                lower_amb
                    .get(&features::lower_amb_key(l))
                    .copied()
                    .unwrap_or(0)
            };
        }
    }

    let typed: Vec<(Upos, Xpos)> = classes
        .iter()
        .map(|&(u, x)| (u, parse_xpos(language, x).expect("parsed above")))
        .collect();

    // Tag dictionary.
    let mut form_counts: BTreeMap<&str, BTreeMap<u16, usize>> = BTreeMap::new();
    for (s, g) in sentences.iter().zip(&gold) {
        for (t, gt) in s.iter().zip(g) {
            *form_counts
                .entry(&t.form)
                .or_default()
                .entry(gt.class)
                .or_default() += 1;
        }
    }
    let mut tagdict: Vec<(u64, u16)> = Vec::new();
    for (form, counts) in &form_counts {
        let total: usize = counts.values().sum();
        let (&c, &n) = counts
            .iter()
            .max_by_key(|(c, n)| (**n, u16::MAX - **c))
            .expect("non-empty");
        if total >= cfg.tagdict_min && n as f64 >= cfg.tagdict_ratio * total as f64 {
            tagdict.push((model::tagdict_key(form), c));
        }
    }
    tagdict.sort_unstable();
    let td: HashMap<u64, u16> = tagdict.iter().copied().collect();

    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng(cfg.seed | 1);

    // Tag model: member 0 continues the main generator (so one member is the plain
    // perceptron), the others shuffle with their own seeds.
    let nc = classes.len();
    let mut scores = vec![0f32; nc];
    let mut feats = Vec::new();
    let members = cfg.tag_members.max(1);
    let mut tag_rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
    for member in 0..members {
        let mut own = Rng((cfg.seed ^ (member as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1);
        let mut tagger = Perceptron::default();
        for _ in 0..cfg.iterations {
            let rng = if member == 0 { &mut rng } else { &mut own };
            rng.shuffle(&mut order);
            for &si in &order {
                let (s, g, inf) = (&sentences[si], &gold[si], &infos[si]);
                let (mut p1, mut p2) = (u64::MAX, u64::MAX);
                for i in 0..s.len() {
                    let guess = match td.get(&model::tagdict_key(&s[i].form)) {
                        Some(&c) => c,
                        None => {
                            features::tag_features(inf, i, p1, p2, &mut feats);
                            tagger.scores(&feats, &mut scores);
                            let guess = crate::argmax(&scores) as u16;
                            tagger.tick();
                            tagger.update(&feats, g[i].class, guess);
                            guess
                        }
                    };
                    p2 = p1;
                    p1 = guess as u64;
                }
            }
        }
        if members == 1 {
            tag_rows = tagger.export(cfg.prune);
        } else {
            tag_rows = merge_rows(&tag_rows, &tagger.export(0.0));
        }
    }
    if members > 1 {
        let k = members as f32;
        for (_, row) in &mut tag_rows {
            row.iter_mut().for_each(|(_, w)| *w /= k);
            row.retain(|(_, w)| w.abs() >= cfg.tag_prune);
        }
        tag_rows.retain(|(_, row)| !row.is_empty());
    }

    // Morphology candidates.
    let mut fc: BTreeMap<u64, BTreeMap<u16, usize>> = BTreeMap::new();
    let mut cc: Vec<BTreeMap<u16, usize>> = vec![BTreeMap::new(); nc];
    let mut lower_freq: HashMap<&str, usize> = HashMap::new();
    for (low, (g, inf)) in lowers.iter().zip(gold.iter().zip(&infos)) {
        for (l, (gt, ti)) in low.iter().zip(g.iter().zip(inf)) {
            *fc.entry(model::form_class_key(ti.lower, gt.class))
                .or_default()
                .entry(gt.bundle)
                .or_default() += 1;
            *cc[gt.class as usize].entry(gt.bundle).or_default() += 1;
            *lower_freq.entry(l.as_str()).or_default() += 1;
        }
    }
    let ranked = |m: &BTreeMap<u16, usize>, cap: usize| -> Vec<u16> {
        let mut v: Vec<(usize, u16)> = m.iter().map(|(&b, &n)| (n, b)).collect();
        v.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        v.into_iter().take(cap).map(|(_, b)| b).collect()
    };
    let form_cands: Vec<(u64, Vec<u16>)> = fc.iter().map(|(&k, m)| (k, ranked(m, 16))).collect();
    let class_cands: Vec<Vec<u16>> = cc
        .iter()
        .map(|m| {
            let v = ranked(m, 40);
            if v.is_empty() {
                vec![0]
            } else {
                v
            }
        })
        .collect();
    let fcm: HashMap<u64, &Vec<u16>> = form_cands.iter().map(|(k, v)| (*k, v)).collect();

    // Morphology model (gold tags; rare words use the class candidates, as unseen words do
    // at run time).
    let mut morph = Perceptron::default();
    let mut bundles_h: Vec<u64> = Vec::new();
    let mut class_h: Vec<u64> = Vec::new();
    let mut tags: Vec<u16> = Vec::new();
    for _ in 0..cfg.iterations {
        rng.shuffle(&mut order);
        for &si in &order {
            let (g, inf, low) = (&gold[si], &infos[si], &lowers[si]);
            tags.clear();
            tags.extend(g.iter().map(|t| t.class));
            class_h.clear();
            class_h.extend(g.iter().map(|t| t.class as u64));
            bundles_h.clear();
            for i in 0..g.len() {
                let key = model::form_class_key(inf[i].lower, g[i].class);
                let cands: &[u16] = match fcm.get(&key) {
                    Some(v) if lower_freq[low[i].as_str()] > 1 => v,
                    _ => &class_cands[g[i].class as usize],
                };
                let b = if cands.len() == 1 {
                    cands[0]
                } else {
                    let (l, r) = np_context(&typed, &tags, i);
                    features::morph_features(inf, &class_h, &bundles_h, i, l, r, &mut feats);
                    let guess = morph.best_of(&feats, cands);
                    morph.tick();
                    if cands.contains(&g[i].bundle) {
                        morph.update(&feats, g[i].bundle, guess);
                    }
                    guess
                };
                bundles_h.push(b as u64);
            }
        }
    }

    // Lemma tables.
    let mut fl: BTreeMap<u64, BTreeMap<u32, usize>> = BTreeMap::new();
    let mut types: BTreeMap<(u16, &str, u32), ()> = BTreeMap::new();
    for (s, (low, (g, inf))) in sentences
        .iter()
        .zip(lowers.iter().zip(gold.iter().zip(&infos)))
    {
        for (t, (l, (gt, ti))) in s.iter().zip(low.iter().zip(g.iter().zip(inf))) {
            *fl.entry(model::exact_class_key(&t.form, gt.class))
                .or_default()
                .entry(gt.script)
                .or_default() += 1;
            *fl.entry(model::form_class_key(ti.lower, gt.class))
                .or_default()
                .entry(gt.script)
                .or_default() += 1;
            types.insert((gt.class, l.as_str(), gt.script), ());
        }
    }
    let best_script = |m: &BTreeMap<u32, usize>| -> u32 {
        m.iter()
            .max_by_key(|(s, n)| (**n, u32::MAX - **s))
            .map(|(s, _)| *s)
            .expect("non-empty")
    };
    let form_lemma: Vec<(u64, u32)> = fl.iter().map(|(&k, m)| (k, best_script(m))).collect();
    // Suffix rules over word types: (class, suffix) → script counts.
    let mut sl: BTreeMap<(u16, String), BTreeMap<u32, usize>> = BTreeMap::new();
    for &(class, lower, script) in types.keys() {
        let n = lower.chars().count();
        let starts: Vec<usize> = lower.char_indices().rev().map(|(i, _)| i).collect();
        for k in 0..=model::MAX_LEMMA_SUFFIX.min(n.saturating_sub(1)) {
            let suffix = if k == 0 { "" } else { &lower[starts[k - 1]..] };
            *sl.entry((class, suffix.to_string()))
                .or_default()
                .entry(script)
                .or_default() += 1;
        }
    }
    let mut suffix_lemma: Vec<(u64, u32)> = Vec::new();
    for ((class, suffix), m) in &sl {
        let best = best_script(m);
        if !suffix.is_empty() && m[&best] < 2 {
            continue;
        }
        // Drop an entry that agrees with its one-shorter suffix: lookup backs off to it.
        let parent = suffix.char_indices().nth(1).map(|(i, _)| &suffix[i..]);
        let same_as_parent = match parent {
            Some(p) => sl.get(&(*class, p.to_string())).map(best_script) == Some(best),
            None => {
                suffix.chars().count() == 1
                    && sl.get(&(*class, String::new())).map(best_script) == Some(best)
            }
        };
        if !same_as_parent {
            suffix_lemma.push((model::suffix_key(*class, suffix), best));
        }
    }
    suffix_lemma.sort_unstable();

    let data = ModelData {
        language_code: language.to_string(),
        note: note.to_string(),
        classes: classes
            .iter()
            .map(|(u, x)| (u.as_str().to_string(), x.to_string()))
            .collect(),
        tag_rows,
        tagdict,
        bundles: bundle_set.keys().cloned().collect(),
        morph_rows: morph.export(cfg.prune),
        form_cands,
        class_cands,
        scripts: script_set.keys().cloned().collect(),
        form_lemma,
        suffix_lemma,
        amb,
    };
    Ok(data.to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ensemble sums members' rows: shared cells add, the others are kept, and the
    /// result stays sorted by key and class (what the artifact writer requires).
    #[test]
    fn member_rows_are_summed_in_order() {
        let a = vec![(3u64, vec![(0u16, 1.0f32), (4, -2.0)]), (9, vec![(1, 0.5)])];
        let b = vec![(1u64, vec![(2u16, 3.0f32)]), (3, vec![(1, 1.0), (4, 2.5)])];
        assert_eq!(
            merge_rows(&a, &b),
            vec![
                (1, vec![(2, 3.0)]),
                (3, vec![(0, 1.0), (1, 1.0), (4, 0.5)]),
                (9, vec![(1, 0.5)]),
            ]
        );
    }
}
