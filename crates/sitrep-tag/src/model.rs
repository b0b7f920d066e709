//! The trained model: classes, perceptron weights, morphology candidates and lemma rules,
//! and its binary artifact (magic, format version, payload, checksum).

use crate::bin_io::{Reader, Writer};
use crate::hash::{self, U64Map};
use crate::ModelError;
use sitrep_core::{Feats, Language, Penn, Stts, Upos, Xpos};

pub const MAGIC: &[u8; 8] = b"SITRTAG\0";
/// Bump when the layout or the meaning of any feature hash changes.
/// 2: weights stored as 16-bit integers with one scale per table, classes in one byte when
/// there are at most 256 (6.6 → 4.6 MB for English; loaded back into `f32`).
pub const FORMAT_VERSION: u32 = 2;

/// Perceptron weights: feature hash → the feature's weight per class.
///
/// Laid out for one cache miss per probe and few per row: open addressing over slots that
/// hold the key and the row's place together. A row that has a weight for at least a
/// quarter of the classes is stored dense (one `f32` per class, at most twice the bytes of
/// its (class, weight) pairs) and summed in a loop the compiler vectorises; other rows are
/// interleaved (class, weight) pairs sorted by class. Absent classes weigh 0.0 in a dense row, and
/// adding 0.0 leaves a sum unchanged, so both layouts give the same scores to the bit.
#[derive(Debug, Clone)]
pub struct Weights {
    slots: Vec<Slot>,
    shift: u32,
    cells: Vec<Cell>,
    /// Dense rows, `n_classes` floats each.
    dense: Vec<f32>,
    n_classes: usize,
}

/// A row with at least `n_classes / DENSE_FROM` weights is stored dense. (Dense only from
/// half the classes: 3 % more instructions per token, model memory within 0.1 MB.)
const DENSE_FROM: usize = 4;

/// `Slot::len` of a dense row (`start` is then its offset in `Weights::dense`).
const DENSE: u32 = u32::MAX;

/// Score buffers of at least this many entries (a power of two) take the unchecked
/// scatter of sparse rows ([`Weights::scatter`]) for tables of at most this many classes.
pub const SCATTER: usize = 512;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    class: u16,
    value: f32,
}

/// A row as found by a probe.
enum Row<'a> {
    Sparse(&'a [Cell]),
    Dense(&'a [f32]),
}

impl Weights {
    fn with_capacity(rows: usize, cells: usize, n_classes: usize) -> Weights {
        let cap = (rows.max(4) * 2).next_power_of_two();
        Weights {
            slots: vec![Slot::default(); cap],
            shift: 64 - cap.trailing_zeros(),
            cells: Vec::with_capacity(cells),
            dense: Vec::new(),
            n_classes,
        }
    }

    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        (key.wrapping_mul(0x51_7c_c1_b7_27_22_0a_95) >> self.shift) as usize
    }

    /// Appends a row (classes ascending, each below `n_classes`) under `key`; a repeated key
    /// replaces the row.
    fn push_row(&mut self, key: u64, row: &[(u16, f32)]) {
        let key = key | 1;
        // (`scatter` masks classes into a fixed-size buffer: none may reach `n_classes`)
        assert!(
            row.iter().all(|&(c, _)| (c as usize) < self.n_classes),
            "weight class out of range"
        );
        let (start, len) = if row.len() * DENSE_FROM >= self.n_classes && self.n_classes > 0 {
            let start = self.dense.len();
            self.dense.resize(start + self.n_classes, 0.0);
            for &(class, value) in row {
                self.dense[start + class as usize] = value;
            }
            (start, DENSE)
        } else {
            let start = self.cells.len();
            self.cells
                .extend(row.iter().map(|&(class, value)| Cell { class, value }));
            (start, row.len() as u32)
        };
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        while self.slots[i].key != 0 && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot {
            key,
            start: start as u32,
            len,
        };
    }

    /// From rows sorted by key, each row sorted by class (all below `n_classes`).
    pub fn from_rows(rows: &[(u64, Vec<(u16, f32)>)], n_classes: usize) -> Weights {
        let n: usize = rows.iter().map(|(_, r)| r.len()).sum();
        let mut w = Weights::with_capacity(rows.len(), n, n_classes);
        for (k, row) in rows {
            w.push_row(*k, row);
        }
        w
    }

    #[inline]
    fn get(&self, key: u64) -> Option<Row<'_>> {
        let key = key | 1;
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return self.resolve(s.start, s.len);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn resolve(&self, start: u32, len: u32) -> Option<Row<'_>> {
        let start = start as usize;
        if len == DENSE {
            self.dense
                .get(start..start + self.n_classes)
                .map(Row::Dense)
        } else {
            self.cells.get(start..start + len as usize).map(Row::Sparse)
        }
    }

    /// The classes and non-zero weights of a feature's row.
    pub fn row(&self, key: u64) -> Option<(Vec<u16>, Vec<f32>)> {
        Some(match self.get(key)? {
            Row::Sparse(c) => (
                c.iter().map(|c| c.class).collect(),
                c.iter().map(|c| c.value).collect(),
            ),
            Row::Dense(d) => d
                .iter()
                .enumerate()
                .filter(|(_, v)| **v != 0.0)
                .map(|(c, v)| (c as u16, *v))
                .unzip(),
        })
    }

    /// Adds every feature's weights into `scores` (indexed by class).
    #[inline]
    pub fn add_all(&self, feats: &[u64], scores: &mut [f32]) {
        self.add_all_after(&[], false, feats, scores);
    }

    /// Adds the vectors `pre` (with `set`, `scores` start as `pre[0]` instead), then every
    /// feature's weights into `scores` (indexed by class), in that order.
    ///
    /// In three passes over each 64 features so the memory reads of different features
    /// overlap: touch every feature's first slot, resolve the rows (touching each row's first
    /// cell), then add. Consecutive dense rows (and the vectors `pre`) are added in one pass over `scores`
    /// ([`add_rows`]); a sparse row ends such a run, so every class still takes its
    /// features' weights in the features' order, and the sums are the same to the bit as
    /// adding row after row.
    #[inline]
    pub fn add_all_after(&self, pre: &[&[f32]], set: bool, feats: &[u64], scores: &mut [f32]) {
        let mut run = Run {
            rows: [&[]; RUN],
            len: 0,
            set: set && !pre.is_empty(),
        };
        for &p in pre {
            run.push(p, scores);
        }
        let mask = self.slots.len() - 1;
        let mut rows = [(0u32, 0u32); 64];
        for chunk in feats.chunks(rows.len()) {
            let mut touched = 0u64;
            for &f in chunk {
                touched ^= self.slots[self.slot_of(f | 1)].key;
            }
            std::hint::black_box(touched);
            let mut n = 0;
            let mut first = 0u32;
            for &f in chunk {
                let key = f | 1;
                let mut i = self.slot_of(key);
                loop {
                    let s = &self.slots[i];
                    if s.key == key {
                        rows[n] = (s.start, s.len);
                        n += 1;
                        first ^= if s.len == DENSE {
                            self.dense.get(s.start as usize).map_or(0, |v| v.to_bits())
                        } else {
                            self.cells
                                .get(s.start as usize)
                                .map_or(0, |c| c.class as u32)
                        };
                        break;
                    }
                    if s.key == 0 {
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            std::hint::black_box(first);
            for &(start, len) in &rows[..n] {
                match self.resolve(start, len) {
                    Some(Row::Dense(d)) => run.push(d, scores),
                    Some(Row::Sparse(cs)) => {
                        run.flush(scores);
                        self.scatter(cs, scores);
                    }
                    None => {}
                }
            }
        }
        run.flush(scores);
    }

    /// Adds a sparse row's weights into `scores` (indexed by class; entries past
    /// `n_classes` are left alone).
    ///
    /// A buffer of [`SCATTER`] or more scores takes a loop without a bounds check per cell
    /// (the class is masked into the fixed-size array instead; every stored class is below
    /// `n_classes` ≤ `SCATTER`, checked by [`Weights::push_row`], so the mask changes
    /// nothing), four cells per step: 8.5 → about 6 instructions per cell, the tagger's
    /// most repeated loop. The cells of a row have distinct classes and are added in order
    /// either way, so the sums are the same to the bit.
    #[inline]
    fn scatter(&self, cells: &[Cell], scores: &mut [f32]) {
        match scores.first_chunk_mut::<SCATTER>() {
            Some(wide) if self.n_classes <= SCATTER => {
                let mut quads = cells.chunks_exact(4);
                for q in &mut quads {
                    for c in q {
                        wide[c.class as usize & (SCATTER - 1)] += c.value;
                    }
                }
                for c in quads.remainder() {
                    wide[c.class as usize & (SCATTER - 1)] += c.value;
                }
            }
            _ => {
                for c in cells {
                    if let Some(x) = scores.get_mut(c.class as usize) {
                        *x += c.value;
                    }
                }
            }
        }
    }

    /// [`Weights::best_of`] scoring every class at once into `dense` (the table's
    /// `n_classes` scores, in a buffer of at least [`SCATTER`]): one pass over each
    /// feature's row instead of a search per candidate. Same answer, same float sums.
    pub fn best_of_dense(
        &self,
        feats: &[u64],
        cands: &[u16],
        n_classes: usize,
        dense: &mut Vec<f32>,
    ) -> u16 {
        if cands.len() <= 2 {
            return self.best_of(feats, cands);
        }
        // (at least `SCATTER` zeros for the fast scatter, which writes below the table's
        // `n_classes` only; asked for fewer classes, exactly those, the checked loop)
        let len = if n_classes >= self.n_classes {
            n_classes.max(SCATTER)
        } else {
            n_classes
        };
        dense.clear();
        dense.resize(len, 0.0);
        self.add_all(feats, dense);
        let mut best = cands[0];
        let mut best_s = dense.get(best as usize).copied().unwrap_or(0.0);
        for &c in &cands[1..] {
            let s = dense.get(c as usize).copied().unwrap_or(0.0);
            if s > best_s {
                best = c;
                best_s = s;
            }
        }
        best
    }

    /// Adds every feature's weights of the classes `cands` only: `scores[k]` (one per
    /// candidate) gets the weights of class `cands[k]`. `pos[class]` is the class's index
    /// in `cands`, `u16::MAX` for the other classes (`pos` has an entry per class, faster
    /// with [`SCATTER`] or more; a class beyond it counts as no candidate). Each
    /// candidate's sum takes the same additions in the same order as in
    /// [`Weights::add_all`] (absent classes of dense rows add 0.0 there and here), so the
    /// sums agree to the bit, without touching the other classes.
    pub fn add_cands(&self, feats: &[u64], cands: &[u16], pos: &[u16], scores: &mut [f32]) {
        for &f in feats {
            match self.get(f) {
                // A long row is searched for each candidate (cells are sorted by class),
                // a short one walked.
                Some(Row::Sparse(cs)) if cs.len() > 6 * cands.len() => {
                    for (x, &c) in scores.iter_mut().zip(cands) {
                        if let Ok(p) = cs.binary_search_by_key(&c, |x| x.class) {
                            *x += cs[p].value;
                        }
                    }
                }
                // (with `pos` of `SCATTER` entries or more, the class indexes it unchecked,
                // as in `scatter`)
                Some(Row::Sparse(cs)) => match pos.first_chunk::<SCATTER>() {
                    Some(wide) if self.n_classes <= SCATTER => {
                        for c in cs {
                            let k = wide[c.class as usize & (SCATTER - 1)];
                            if let Some(x) = scores.get_mut(k as usize) {
                                *x += c.value;
                            }
                        }
                    }
                    _ => {
                        for c in cs {
                            let k = pos.get(c.class as usize).copied().unwrap_or(u16::MAX);
                            if let Some(x) = scores.get_mut(k as usize) {
                                *x += c.value;
                            }
                        }
                    }
                },
                Some(Row::Dense(d)) => {
                    for (x, &c) in scores.iter_mut().zip(cands) {
                        *x += d.get(c as usize).copied().unwrap_or(0.0);
                    }
                }
                None => {}
            }
        }
    }

    /// The best of `cands` (first on ties) given the features.
    pub fn best_of(&self, feats: &[u64], cands: &[u16]) -> u16 {
        let mut scores = [0f32; 64];
        let cands = &cands[..cands.len().min(scores.len())];
        for &f in feats {
            match self.get(f) {
                Some(Row::Sparse(cs)) => {
                    for (k, &c) in cands.iter().enumerate() {
                        if let Ok(p) = cs.binary_search_by_key(&c, |x| x.class) {
                            scores[k] += cs[p].value;
                        }
                    }
                }
                Some(Row::Dense(d)) => {
                    for (k, &c) in cands.iter().enumerate() {
                        scores[k] += d.get(c as usize).copied().unwrap_or(0.0);
                    }
                }
                None => {}
            }
        }
        let mut best = 0;
        for k in 1..cands.len() {
            if scores[k] > scores[best] {
                best = k;
            }
        }
        cands[best]
    }

    /// Writes the rows quantised: `value ≈ q × scale` with `q` an `i16` and one `scale`
    /// per table (its largest weight maps to ±32767). The rounding error (≤ scale / 2, about
    /// 0.001 for weights up to ~60) is far below the perceptron's margins; cells that round
    /// to 0 and rows left empty are dropped. Classes (and row lengths) take one byte when the
    /// table has at most 256 classes.
    fn write(rows: &[(u64, Vec<(u16, f32)>)], n_classes: usize, w: &mut Writer) {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, v)| v.abs()))
            .fold(0f32, f32::max);
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let narrow = n_classes <= 256;
        let quantised: Vec<(u64, Vec<(u16, i16)>)> = rows
            .iter()
            .map(|(k, r)| {
                let cells = r
                    .iter()
                    .map(|&(c, v)| (c, quantise(v, scale)))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                (*k, cells)
            })
            .filter(|(_, r): &(u64, Vec<_>)| !r.is_empty())
            .collect();
        w.f32(scale);
        w.len(quantised.len());
        for (k, row) in &quantised {
            w.u64(*k);
            if narrow {
                w.u8(row.len() as u8 - 1);
            } else {
                w.u16(row.len() as u16);
            }
            for &(c, q) in row {
                if narrow {
                    w.u8(c as u8);
                } else {
                    w.u16(c);
                }
                w.u16(q as u16);
            }
        }
    }

    fn read(r: &mut Reader, n_classes: usize) -> Result<Weights, ModelError> {
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(ModelError::Corrupt("weight scale"));
        }
        let narrow = n_classes <= 256;
        let n = r.len(if narrow { 12 } else { 14 })?;
        let mut w = Weights::with_capacity(n, n * 3, n_classes);
        let mut row = Vec::new();
        for _ in 0..n {
            let k = r.u64()?;
            let m = if narrow {
                r.u8()? as usize + 1
            } else {
                r.u16()? as usize
            };
            row.clear();
            let mut last = None;
            for _ in 0..m {
                let c = if narrow { r.u8()? as u16 } else { r.u16()? };
                if c as usize >= n_classes || last.is_some_and(|l| l >= c) {
                    return Err(ModelError::Corrupt("weight class out of range or order"));
                }
                last = Some(c);
                row.push((c, r.u16()? as i16 as f32 * scale));
            }
            w.push_row(k, &row);
        }
        Ok(w)
    }

    pub fn heap_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<Slot>()
            + self.cells.len() * std::mem::size_of::<Cell>()
            + self.dense.len() * std::mem::size_of::<f32>()
    }
}

/// Dense rows held back to be added in one pass ([`Weights::add_all_after`]).
struct Run<'a> {
    rows: [&'a [f32]; RUN],
    len: usize,
    /// The first row replaces the scores instead of being added to them.
    set: bool,
}

/// Rows per [`Run`] (more are added in several passes).
const RUN: usize = 8;

impl<'a> Run<'a> {
    #[inline]
    fn push(&mut self, row: &'a [f32], scores: &mut [f32]) {
        if self.len == RUN {
            self.flush(scores);
        }
        self.rows[self.len] = row;
        self.len += 1;
    }

    #[inline]
    fn flush(&mut self, scores: &mut [f32]) {
        if self.len > 0 {
            add_rows(scores, &self.rows[..self.len], self.set);
            self.len = 0;
            self.set = false;
        }
    }
}

/// Adds `rows` into `x` (over the shortest length, as a `zip` does), up to four rows per
/// pass: every value becomes `((x + a) + b) + …` in the rows' order, so the sums are the
/// same to the bit as adding the rows one by one, with fewer loads and stores of `x`.
/// With `set`, `x` starts as `rows[0]` (copied, not added to `x`).
pub(crate) fn add_rows(x: &mut [f32], rows: &[&[f32]], set: bool) {
    let mut set = set;
    for g in rows.chunks(4) {
        // (plain zips: the compiler vectorises them over contiguous values)
        match (g, set) {
            ([a], false) => x.iter_mut().zip(*a).for_each(|(x, a)| *x += *a),
            ([a], true) => x.iter_mut().zip(*a).for_each(|(x, a)| *x = *a),
            ([a, b], false) => {
                for ((x, a), b) in x.iter_mut().zip(*a).zip(*b) {
                    *x = *x + *a + *b;
                }
            }
            ([a, b], true) => {
                for ((x, a), b) in x.iter_mut().zip(*a).zip(*b) {
                    *x = *a + *b;
                }
            }
            ([a, b, c], false) => {
                for (((x, a), b), c) in x.iter_mut().zip(*a).zip(*b).zip(*c) {
                    *x = *x + *a + *b + *c;
                }
            }
            ([a, b, c], true) => {
                for (((x, a), b), c) in x.iter_mut().zip(*a).zip(*b).zip(*c) {
                    *x = *a + *b + *c;
                }
            }
            ([a, b, c, d], false) => {
                for ((((x, a), b), c), d) in x.iter_mut().zip(*a).zip(*b).zip(*c).zip(*d) {
                    *x = *x + *a + *b + *c + *d;
                }
            }
            ([a, b, c, d], true) => {
                for ((((x, a), b), c), d) in x.iter_mut().zip(*a).zip(*b).zip(*c).zip(*d) {
                    *x = *a + *b + *c + *d;
                }
            }
            _ => {}
        }
        set = false;
    }
}

/// A lemma edit: optionally lower-case the form, cut characters at both ends, append.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Script {
    pub lower: bool,
    pub cut_pre: u8,
    pub cut: u8,
    pub add: String,
}

impl Script {
    /// The script turning `form` into `lemma` (its `lower` flag generalises: a lower-case
    /// form's script lower-cases, so a capitalised variant gets the same lemma).
    /// `prefer_lower` decides for forms already lower-case (where both readings fit): true
    /// for tags whose capitalised forms usually have lower-case lemmas (`The` → `the`),
    /// false for names.
    pub fn learn(form: &str, lemma: &str, prefer_lower: bool) -> Script {
        let lower: String = crate::features::lowered(form);
        let keep_cp = common_prefix(form, lemma);
        let lower_cp = common_prefix(&lower, lemma);
        let use_lower = if form == lower {
            prefer_lower
        } else {
            lower_cp > keep_cp
        };
        let src = if use_lower { lower.as_str() } else { form };
        let n = src.chars().count();
        let (mut best_p, mut best_cp) = (0usize, common_prefix(src, lemma));
        for p in 1..=3.min(n) {
            let start = src.char_indices().nth(p).map_or(src.len(), |(i, _)| i);
            let cp = common_prefix(&src[start..], lemma);
            if cp > best_cp + 1 {
                best_p = p;
                best_cp = cp;
            }
        }
        let add_start = lemma
            .char_indices()
            .nth(best_cp)
            .map_or(lemma.len(), |(i, _)| i);
        let cut = n - best_p - best_cp;
        if cut > 255 {
            return Script {
                lower: use_lower,
                cut_pre: 0,
                cut: 0,
                add: String::new(),
            };
        }
        Script {
            lower: use_lower,
            cut_pre: best_p as u8,
            cut: cut as u8,
            add: lemma[add_start..].to_string(),
        }
    }

    /// Applies the script, or returns `None` when the form is too short for it.
    pub fn apply(&self, form: &str, lower: &str) -> Option<String> {
        let src = if self.lower { lower } else { form };
        let n = src.chars().count();
        let (p, c) = (self.cut_pre as usize, self.cut as usize);
        if p + c > n || (p + c == n && self.add.is_empty()) {
            return if p + c == 0 {
                Some(src.to_string())
            } else {
                None
            };
        }
        let start = src.char_indices().nth(p).map_or(src.len(), |(i, _)| i);
        let end = src.char_indices().nth(n - c).map_or(src.len(), |(i, _)| i);
        let mut s = String::with_capacity(end - start + self.add.len());
        s.push_str(&src[start..end]);
        s.push_str(&self.add);
        Some(s)
    }
}

/// `v / scale` rounded to the nearest `i16` (the scale makes the largest |v| 32767).
fn quantise(v: f32, scale: f32) -> i16 {
    (v / scale)
        .round()
        .clamp(-(i16::MAX as f32), i16::MAX as f32) as i16
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Everything the tagger needs, as loaded from an artifact.
#[derive(Debug, Clone)]
pub struct Model {
    pub language: Language,
    pub classes: Vec<(Upos, Xpos)>,
    pub tag_weights: Weights,
    /// Exact-form hash → class, for frequent unambiguous words.
    pub tagdict: U64Map<u16>,
    pub bundles: Vec<Feats>,
    pub morph_weights: Weights,
    /// `cands[start]` = n, then n bundle ids, most frequent first.
    pub cands: Vec<u16>,
    /// (lower form, class) → start in `cands`.
    pub form_cands: U64Map<u32>,
    /// class → start in `cands`.
    pub class_cands: Vec<u32>,
    pub scripts: Vec<Script>,
    /// (exact form, class) and (lower form, class) → script.
    pub form_lemma: U64Map<u32>,
    /// lower form → ambiguity class (hash of the tags it had in training).
    pub amb: U64Map<u64>,
    /// (class, suffix of k chars) → script, k = 0..=MAX_LEMMA_SUFFIX.
    pub suffix_lemma: U64Map<u32>,
}

pub const MAX_LEMMA_SUFFIX: usize = 7;

pub fn form_class_key(lower: u64, class: u16) -> u64 {
    hash::feat(300, lower, class as u64)
}

pub fn suffix_key(class: u16, suffix: &str) -> u64 {
    hash::feat(301, class as u64, hash::str(302, suffix))
}

pub fn exact_class_key(form: &str, class: u16) -> u64 {
    hash::feat(304, hash::str(305, form), class as u64)
}

pub fn tagdict_key(form: &str) -> u64 {
    hash::str(303, form)
}

/// The serialisable content of a model, as produced by training.
#[derive(Debug, Clone, Default)]
pub struct ModelData {
    pub language_code: String,
    pub note: String,
    pub classes: Vec<(String, String)>,
    pub tag_rows: Vec<(u64, Vec<(u16, f32)>)>,
    pub tagdict: Vec<(u64, u16)>,
    pub bundles: Vec<String>,
    pub morph_rows: Vec<(u64, Vec<(u16, f32)>)>,
    pub form_cands: Vec<(u64, Vec<u16>)>,
    pub class_cands: Vec<Vec<u16>>,
    pub scripts: Vec<Script>,
    pub form_lemma: Vec<(u64, u32)>,
    pub suffix_lemma: Vec<(u64, u32)>,
    pub amb: Vec<(u64, u64)>,
}

impl ModelData {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.str(&self.language_code);
        w.str(&self.note);
        w.len(self.classes.len());
        for (u, x) in &self.classes {
            w.str(u);
            w.str(x);
        }
        Weights::write(&self.tag_rows, self.classes.len(), &mut w);
        w.len(self.tagdict.len());
        for &(k, c) in &self.tagdict {
            w.u64(k);
            w.u16(c);
        }
        w.len(self.bundles.len());
        for b in &self.bundles {
            w.str(b);
        }
        Weights::write(&self.morph_rows, self.bundles.len(), &mut w);
        w.len(self.form_cands.len());
        for (k, cs) in &self.form_cands {
            w.u64(*k);
            w.u16(cs.len() as u16);
            for &c in cs {
                w.u16(c);
            }
        }
        w.len(self.class_cands.len());
        for cs in &self.class_cands {
            w.u16(cs.len() as u16);
            for &c in cs {
                w.u16(c);
            }
        }
        w.len(self.scripts.len());
        for s in &self.scripts {
            w.u8(s.lower as u8);
            w.u8(s.cut_pre);
            w.u8(s.cut);
            w.str(&s.add);
        }
        for table in [&self.form_lemma, &self.suffix_lemma] {
            w.len(table.len());
            for &(k, v) in table {
                w.u64(k);
                w.u32(v);
            }
        }
        w.len(self.amb.len());
        for &(k, v) in &self.amb {
            w.u64(k);
            w.u64(v);
        }
        let sum = hash::bytes(0xC5, &w.buf[12..]);
        w.u64(sum);
        w.buf
    }
}

impl Model {
    /// Parses an artifact, refusing a wrong magic, another format version, a bad checksum
    /// or any out-of-range reference.
    pub fn from_bytes(bytes: &[u8]) -> Result<(Model, String), ModelError> {
        if bytes.len() < 20 || &bytes[..8] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = u32::from_le_bytes(bytes[8..12].try_into().expect("4"));
        if version != FORMAT_VERSION {
            return Err(ModelError::Version {
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if hash::bytes(0xC5, &body[12..]) != u64::from_le_bytes(sum.try_into().expect("8")) {
            return Err(ModelError::Corrupt("checksum mismatch"));
        }
        let mut r = Reader::new(&body[12..]);
        let language: Language = r
            .str()?
            .parse()
            .map_err(|_| ModelError::Corrupt("unknown language"))?;
        let note = r.str()?.to_string();
        let nc = r.len(8)?;
        let mut classes = Vec::with_capacity(nc);
        for _ in 0..nc {
            let u: Upos = r
                .str()?
                .parse()
                .map_err(|_| ModelError::Corrupt("bad UPOS"))?;
            let x = r.str()?;
            let x = match language {
                Language::De => Xpos::Stts(
                    x.parse::<Stts>()
                        .map_err(|_| ModelError::Corrupt("bad STTS"))?,
                ),
                Language::En => Xpos::Penn(
                    x.parse::<Penn>()
                        .map_err(|_| ModelError::Corrupt("bad Penn tag"))?,
                ),
            };
            classes.push((u, x));
        }
        if classes.is_empty() || classes.len() > crate::MAX_CLASSES {
            return Err(ModelError::Corrupt("class count"));
        }
        let tag_weights = Weights::read(&mut r, nc)?;
        let n = r.len(10)?;
        let mut tagdict = U64Map::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u16()?;
            if c as usize >= nc {
                return Err(ModelError::Corrupt("tag dictionary class"));
            }
            tagdict.insert(k, c);
        }
        let nb = r.len(4)?;
        let mut bundles = Vec::with_capacity(nb);
        for _ in 0..nb {
            bundles.push(Feats::parse_ud(r.str()?));
        }
        if nb == 0 {
            return Err(ModelError::Corrupt("no feature bundles"));
        }
        let morph_weights = Weights::read(&mut r, nb)?;
        let mut cands = Vec::new();
        let read_list = |r: &mut Reader, cands: &mut Vec<u16>| -> Result<u32, ModelError> {
            let start = cands.len() as u32;
            let m = r.u16()?;
            if m == 0 {
                return Err(ModelError::Corrupt("empty candidate list"));
            }
            cands.push(m);
            for _ in 0..m {
                let b = r.u16()?;
                if b as usize >= nb {
                    return Err(ModelError::Corrupt("candidate out of range"));
                }
                cands.push(b);
            }
            Ok(start)
        };
        let n = r.len(10)?;
        let mut form_cands = U64Map::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            let s = read_list(&mut r, &mut cands)?;
            form_cands.insert(k, s);
        }
        let n = r.len(4)?;
        if n != nc {
            return Err(ModelError::Corrupt("class candidate count"));
        }
        let mut class_cands = Vec::with_capacity(n);
        for _ in 0..n {
            class_cands.push(read_list(&mut r, &mut cands)?);
        }
        let n = r.len(7)?;
        let mut scripts = Vec::with_capacity(n);
        for _ in 0..n {
            scripts.push(Script {
                lower: r.u8()? != 0,
                cut_pre: r.u8()?,
                cut: r.u8()?,
                add: r.str()?.to_string(),
            });
        }
        let mut tables = [U64Map::with_capacity(0), U64Map::with_capacity(0)];
        for t in &mut tables {
            let n = r.len(12)?;
            *t = U64Map::with_capacity(n);
            for _ in 0..n {
                let k = r.u64()?;
                let v = r.u32()?;
                if v as usize >= scripts.len() {
                    return Err(ModelError::Corrupt("script out of range"));
                }
                t.insert(k, v);
            }
        }
        let n = r.len(16)?;
        let mut amb = U64Map::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            amb.insert(k, r.u64()?);
        }
        if !r.at_end() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        let [form_lemma, suffix_lemma] = tables;
        Ok((
            Model {
                language,
                classes,
                tag_weights,
                tagdict,
                bundles,
                morph_weights,
                cands,
                form_cands,
                class_cands,
                scripts,
                form_lemma,
                suffix_lemma,
                amb,
            },
            note,
        ))
    }

    pub fn cand_list(&self, start: u32) -> &[u16] {
        let s = start as usize;
        let n = self.cands[s] as usize;
        &self.cands[s + 1..s + 1 + n]
    }

    pub fn heap_bytes(&self) -> usize {
        self.tag_weights.heap_bytes()
            + self.morph_weights.heap_bytes()
            + self.tagdict.heap_bytes()
            + self.form_cands.heap_bytes()
            + self.form_lemma.heap_bytes()
            + self.suffix_lemma.heap_bytes()
            + self.amb.heap_bytes()
            + self.cands.len() * 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quantised weights come back within half a step, tiny ones are dropped, and both
    /// class widths (≤ 256 classes: one byte; more: two) read back what was written.
    #[test]
    fn weights_round_trip_quantised() {
        for n_classes in [40usize, 300] {
            let top = (n_classes - 1) as u16;
            let rows = vec![
                (7u64, vec![(0u16, 1.5f32), (3, -0.25), (top, 40.0)]),
                (9, vec![(1, 1e-6)]),
                (11, vec![(2, -40.0), (5, 1e-6), (6, 0.7)]),
            ];
            let mut w = Writer::default();
            Weights::write(&rows, n_classes, &mut w);
            let mut r = Reader::new(&w.buf);
            let back = Weights::read(&mut r, n_classes).expect("read");
            assert!(r.at_end());
            let step = 40.0 / i16::MAX as f32;
            let (cs, vs) = back.row(7).expect("row 7");
            assert_eq!(cs, vec![0, 3, top]);
            for (got, want) in vs.iter().zip([1.5f32, -0.25, 40.0]) {
                assert!((got - want).abs() <= step / 2.0 + 1e-6, "{got} vs {want}");
            }
            assert!(
                back.row(9).is_none(),
                "a row of only tiny weights is dropped"
            );
            assert_eq!(back.row(11).expect("row 11").0, vec![2, 6]);
        }
    }

    /// Dense rows (at least half the classes) and sparse rows score exactly as the plain
    /// sum over the (class, weight) pairs, feature by feature in order, in `add_all`,
    /// `best_of` and `best_of_dense`; `row` gives back what was stored; `add_cands` gives
    /// the candidates' values of the full sums.
    /// `n` random sparse rows over `nc` classes (keys `1..=n` times `mul`): each a random
    /// subset of the classes, sorted, with nonzero weights.
    fn random_rows(
        next: &mut impl FnMut() -> u64,
        n: u64,
        nc: usize,
        mul: u64,
    ) -> Vec<(u64, Vec<(u16, f32)>)> {
        (1..=n)
            .map(|key| {
                let len = (next() % (nc as u64 + 1)) as usize; // 0..=nc classes
                let mut classes: Vec<u16> = (0..nc as u16).collect();
                for k in (1..classes.len()).rev() {
                    classes.swap(k, (next() % (k as u64 + 1)) as usize);
                }
                classes.truncate(len);
                classes.sort_unstable();
                let row: Vec<(u16, f32)> = classes
                    .iter()
                    .map(|&c| (c, (next() % 2001) as f32 / 37.0 - 27.0))
                    .filter(|&(_, v)| v != 0.0)
                    .collect();
                (key * mul, row)
            })
            .collect()
    }

    #[test]
    fn dense_and_sparse_rows_score_alike() {
        let nc = 10usize;
        // A small deterministic generator, so the test needs no dependency.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let rows = random_rows(&mut next, 40, nc, 0x1234_5678_9abc);
        let w = Weights::from_rows(&rows, nc);
        assert!(
            !w.dense.is_empty() && !w.cells.is_empty(),
            "both layouts used"
        );
        let feats: Vec<u64> = rows.iter().map(|(k, _)| *k).chain([77, 99]).collect();
        for take in [1, 3, 7, feats.len()] {
            let fs = &feats[..take];
            let mut want = vec![0f32; nc];
            for f in fs {
                if let Some((_, row)) = rows.iter().find(|(k, _)| k == f) {
                    for &(c, v) in row {
                        want[c as usize] += v;
                    }
                }
            }
            let mut got = vec![0f32; nc];
            w.add_all(fs, &mut got);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "{take} features");
            let all: Vec<u16> = (0..nc as u16).collect();
            let best = all[crate::argmax(&want)];
            let mut scratch = Vec::new();
            assert_eq!(w.best_of_dense(fs, &all, nc, &mut scratch), best);
            assert_eq!(w.best_of(fs, &all), best);
        }
        for (k, row) in &rows {
            match w.row(*k) {
                Some((cs, vs)) => {
                    assert_eq!(cs, row.iter().map(|r| r.0).collect::<Vec<_>>());
                    assert_eq!(vs, row.iter().map(|r| r.1).collect::<Vec<_>>());
                }
                None => panic!("row {k} missing"),
            }
        }
        // Candidate sums: the full sums' values, bit for bit, for candidate lists of every
        // size in any order (short lists take the binary search of long sparse rows),
        // starting from zero and from earlier partial sums.
        let nc = 64usize;
        let rows64 = random_rows(&mut next, 60, nc, 0x7654_3210_fedc);
        let w = Weights::from_rows(&rows64, nc);
        let long_sparse = rows64
            .iter()
            .filter(|(_, r)| r.len() > 6 && r.len() * DENSE_FROM < nc)
            .count();
        assert!(long_sparse > 0, "the search path is used");
        let feats: Vec<u64> = rows64.iter().map(|(k, _)| *k).chain([77, 99]).collect();
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        for n_cands in [1, 2, 3, 9, nc] {
            let mut cands: Vec<u16> = (0..nc as u16).collect();
            for k in (1..cands.len()).rev() {
                cands.swap(k, (next() % (k as u64 + 1)) as usize);
            }
            cands.truncate(n_cands);
            let mut pos = vec![u16::MAX; nc];
            for (k, &c) in cands.iter().enumerate() {
                pos[c as usize] = k as u16;
            }
            let (first, rest) = feats.split_at(feats.len() / 3);
            let mut full = vec![0f32; nc];
            w.add_all(first, &mut full);
            let mut got = vec![0f32; n_cands];
            w.add_cands(first, &cands, &pos, &mut got);
            let pick = |full: &[f32]| cands.iter().map(|&c| full[c as usize]).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&pick(&full)), "{n_cands} candidates, part");
            w.add_all(rest, &mut full);
            w.add_cands(rest, &cands, &pos, &mut got);
            assert_eq!(bits(&got), bits(&pick(&full)), "{n_cands} candidates");
            // (a `pos` of `SCATTER` entries takes the unchecked walk: the same sums)
            let mut wide_pos = pos.clone();
            wide_pos.resize(SCATTER, u16::MAX);
            let mut wide = vec![0f32; n_cands];
            w.add_cands(&feats, &cands, &wide_pos, &mut wide);
            assert_eq!(
                bits(&wide),
                bits(&pick(&full)),
                "{n_cands} candidates, wide"
            );
            let mut scratch = Vec::new();
            assert_eq!(
                cands[crate::argmax(&got)],
                w.best_of_dense(&feats, &cands, nc, &mut scratch)
            );
        }
    }

    /// `add_all_after` adds the vectors `pre` (the first copied with `set`) and then every
    /// feature's row in order, the same to the bit as adding them one by one: runs of dense
    /// rows longer than a pass (four) and than a `Run` (eight), sparse rows between them, a
    /// length that is no multiple of four and more than 64 features (two probing chunks).
    /// The weights span eight orders of magnitude, so another order of the additions gives
    /// other bits (checked on the reversed order).
    #[test]
    fn fused_dense_runs_add_in_order() {
        let nc = 37usize;
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let value = |next: &mut dyn FnMut() -> u64| {
            let m = (next() % 2001) as f32 / 1000.0 - 1.0;
            m * 10f32.powi((next() % 9) as i32 - 4)
        };
        // Mostly dense rows (long runs), some sparse ones.
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = Vec::new();
        for r in 0..150u64 {
            let dense = next() % 5 != 0;
            let mut row: Vec<(u16, f32)> = Vec::new();
            for c in 0..nc as u16 {
                let v = value(&mut next);
                if (dense || next() % 6 == 0) && v != 0.0 {
                    row.push((c, v));
                }
            }
            rows.push(((r + 1) * 0x9e37_79b9, row));
        }
        rows.sort_by_key(|(k, _)| *k);
        let w = Weights::from_rows(&rows, nc);
        let feats: Vec<u64> = rows.iter().map(|(k, _)| *k).chain([5, 11]).collect();
        let pre: Vec<Vec<f32>> = (0..7)
            .map(|_| (0..nc).map(|_| value(&mut next)).collect())
            .collect();
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        let reference = |pre: &[Vec<f32>], set: bool, feats: &[u64], start: &[f32]| {
            let mut want = start.to_vec();
            for (k, p) in pre.iter().enumerate() {
                for (x, v) in want.iter_mut().zip(p) {
                    *x = if set && k == 0 { *v } else { *x + *v };
                }
            }
            for f in feats {
                if let Some((_, row)) = rows.iter().find(|(k, _)| k == f) {
                    for &(c, v) in row {
                        want[c as usize] += v;
                    }
                }
            }
            want
        };
        let start: Vec<f32> = (0..nc).map(|_| value(&mut next)).collect();
        for n_pre in [0, 1, 2, 5, 7] {
            for set in [false, true] {
                for take in [3, 40, feats.len()] {
                    let fs = &feats[..take];
                    let want = reference(&pre[..n_pre], set, fs, &start);
                    let refs: Vec<&[f32]> = pre[..n_pre].iter().map(Vec::as_slice).collect();
                    let mut got = start.clone();
                    w.add_all_after(&refs, set, fs, &mut got);
                    assert_eq!(
                        bits(&got),
                        bits(&want),
                        "{n_pre} vectors, set {set}, {take} features"
                    );
                }
            }
        }
        // The test can tell orders apart.
        let mut reversed = feats.clone();
        reversed.reverse();
        assert_ne!(
            bits(&reference(&[], false, &feats, &start)),
            bits(&reference(&[], false, &reversed, &start))
        );
        // Dense runs longer than a `Run` occur.
        let dense: Vec<bool> = rows
            .iter()
            .map(|(_, r)| r.len() * DENSE_FROM >= nc)
            .collect();
        let longest = dense.split(|d| !d).map(<[bool]>::len).max().unwrap_or(0);
        assert!(longest > RUN, "longest dense run {longest}");
    }

    /// The unchecked scatter into a buffer of `SCATTER` or more scores adds what the
    /// checked loop adds into a buffer of exactly `n_classes`, to the bit, for tables of
    /// few classes, of 330 (the German bundles), of exactly `SCATTER` and of more (which
    /// must take the checked loop: a masked class would land in the wrong place); entries
    /// past `n_classes` stay zero; `best_of_dense` still chooses as `best_of`.
    #[test]
    fn fast_scatter_adds_as_the_checked_loop() {
        let mut x = 0x51_7c_c1_b7_27_22_0a_95u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        for nc in [10usize, 91, 330, SCATTER, 700] {
            // Sparse rows only (under a quarter of the classes), high classes included.
            let rows: Vec<(u64, Vec<(u16, f32)>)> = (1..=80u64)
                .map(|key| {
                    let mut cs: Vec<u16> = (0..nc / 8)
                        .map(|_| (next() % nc as u64) as u16)
                        .chain([(nc - 1) as u16])
                        .collect();
                    cs.sort_unstable();
                    cs.dedup();
                    let row = cs
                        .into_iter()
                        .map(|c| (c, (next() % 4001) as f32 / 97.0 - 20.0))
                        .collect();
                    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15), row)
                })
                .collect();
            let w = Weights::from_rows(&rows, nc);
            assert!(w.dense.is_empty(), "sparse rows only");
            let feats: Vec<u64> = rows.iter().map(|(k, _)| *k).chain([3, 5]).collect();
            let mut exact = vec![0f32; nc];
            w.add_all(&feats, &mut exact);
            let mut wide = vec![0f32; nc.max(SCATTER) + 8];
            w.add_all(&feats, &mut wide);
            assert_eq!(bits(&wide[..nc]), bits(&exact), "{nc} classes");
            assert!(wide[nc..].iter().all(|v| v.to_bits() == 0), "{nc} classes");
            let mut want = vec![0f32; nc];
            for (_, row) in &rows {
                for &(c, v) in row {
                    want[c as usize] += v;
                }
            }
            assert_eq!(bits(&exact), bits(&want), "{nc} classes");
            // (`best_of` looks at 64 candidates at most)
            let cands: Vec<u16> = (0..nc as u16).rev().step_by(nc / 40 + 1).collect();
            let mut scratch = vec![7.0; 3];
            assert_eq!(
                w.best_of_dense(&feats, &cands, nc, &mut scratch),
                w.best_of(&feats, &cands),
                "{nc} classes"
            );
        }
    }

    #[test]
    fn scripts_round_trip() {
        for (f, l) in [
            ("warf", "werfen"),
            ("Soldaten", "Soldat"),
            ("Die", "der"),
            ("troops", "troop"),
            ("went", "go"),
            ("n't", "not"),
            ("gemacht", "machen"),
            ("US", "US"),
            ("The", "the"),
            ("Häuser", "Haus"),
        ] {
            let s = Script::learn(f, l, true);
            let lower = crate::features::lowered(f);
            assert_eq!(s.apply(f, &lower).as_deref(), Some(l), "{f} {s:?}");
        }
        let s = Script::learn("gemacht", "machen", true);
        assert_eq!(s.apply("gesagt", "gesagt").as_deref(), Some("sagen"));
        let s = Script::learn("the", "the", true);
        assert_eq!(s.apply("The", "the").as_deref(), Some("the"));
    }
}
