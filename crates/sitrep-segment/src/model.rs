//! The learned sentence-boundary model (English): an averaged perceptron scoring whitespace
//! gaps between tokens from the words (two tokens either side) and shapes (two before, three
//! after) around them, a case lexicon learned from train (words usually lower case or
//! usually capitalised inside a sentence),
//! the rule decision, how far the next terminal punctuation is, and how long the sentence
//! is so far (in tokens, and whether it has a word in lower case). The last features make
//! decoding sequential: gaps are decided left to right. In training the sentence so far
//! comes from the gold boundaries (on EWT dev this was as good as, within noise, training
//! on the model's own decisions).
//!
//! Only *candidate* gaps are scored: those the rules call a boundary, those after a token
//! that does not end in a letter or digit, and those before a token that does not start in
//! lower case. A word followed by a lower-case word is never a boundary (in EWT train 1 %
//! of the boundaries are such gaps; scoring them would cost most of the time).
//!
//! Features are strings in the model file (`w0=thanks`, `s0s1=x|Xx`). A feature's hash is
//! built from the hash of its template name and the FNV-1a hashes of its values, so while
//! segmenting each token is lower-cased and shaped once and every feature costs a few
//! multiplications and one probe of an open-addressing table; nothing is allocated per
//! token.
//!
//! Model file: `#` header lines, then the line `sitrep-boundary-model<TAB>2` (magic and
//! format version), then `feature<TAB>weight` lines sorted by feature, weights as integers
//! (thousandths). A feature is `template=value|value…`; values never contain `|` (it is
//! written `¦`). Lines `@lc=word<TAB>1` and `@uc=word<TAB>1` are the case lexicon. A file
//! with only the magic line holds no model (rules decide).

use crate::data::{entries, DataError, FastMap};
use crate::sentence::{decider, gap, is_terminal, starts_lower, Gap};
use crate::Segmenter;
use sitrep_core::{Sentence, Token};

pub(crate) const MAGIC: &str = "sitrep-boundary-model\t2";
const SCALE: f64 = 1000.0;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

#[inline]
const fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

const fn hash_str(s: &str) -> u64 {
    fnv(FNV_OFFSET, s.as_bytes())
}

/// Adds one value hash to a feature hash.
#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Tokens of padding on each side of a document, so that every window position exists.
const PAD: usize = 3;
/// Characters of a token that count for its lower-cased value.
const MAX_CHARS: usize = 24;

/// A feature value: the lower-cased text or the shape of the token at an offset from the
/// token before the gap, or a literal.
#[derive(Clone, Copy)]
enum V {
    L(isize),
    S(isize),
    /// The case class of the token's lower-cased form in the lexicon: `lc`, `uc` or `-`.
    C(isize),
    Lit(&'static str, u64),
}

macro_rules! lit {
    ($s:expr) => {
        V::Lit($s, const { hash_str($s) })
    };
}

/// Receives features: the template's name and hash, and the values.
trait Sink {
    fn feature(&mut self, name: &'static str, h: u64, vals: &[V]);
}

macro_rules! feat {
    ($sink:expr, $name:literal, [$($v:expr),*]) => {
        $sink.feature($name, const { hash_str($name) }, &[$($v),*])
    };
}

/// Calls `f` with the chars of the lower-cased value of `s`.
fn lower_chars(s: &str, mut f: impl FnMut(char)) {
    for c in s.chars().take(MAX_CHARS) {
        if c == '|' {
            f('¦');
        } else if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut f);
        }
    }
}

/// The class of a char in a word shape: `X`, `x`, `d`, `a` (other letters), `?` (for `|`
/// and `=`), else the char itself.
#[inline]
fn shape_class(c: char) -> char {
    if c.is_uppercase() {
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
    }
}

/// Calls `f` with the chars of the shape of `s`: classes, runs collapsed, at most 4.
fn shape_chars(s: &str, mut f: impl FnMut(char)) {
    let mut last = '\0';
    let mut n = 0;
    for c in s.chars() {
        let k = shape_class(c);
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

fn hash_chars(each: impl FnOnce(&mut dyn FnMut(char))) -> u64 {
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    each(&mut |c: char| h = fnv(h, c.encode_utf8(&mut buf).as_bytes()));
    h
}

/// Hash of the lower-cased value of `s` (the same as hashing its string).
#[inline]
fn lower_hash(s: &str) -> u64 {
    if s.is_ascii() {
        let mut h = FNV_OFFSET;
        for &b in s.as_bytes().iter().take(MAX_CHARS) {
            if b == b'|' {
                h = fnv(h, "¦".as_bytes());
            } else {
                h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            }
        }
        h
    } else {
        hash_chars(|f| lower_chars(s, f))
    }
}

/// Hash of the shape of `s`.
#[inline]
fn shape_hash(s: &str) -> u64 {
    if s.is_ascii() {
        let mut h = FNV_OFFSET;
        let mut last = 0u8;
        let mut n = 0;
        for &b in s.as_bytes() {
            let k = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                b'|' | b'=' => b'?',
                _ => b,
            };
            if k != last {
                h = (h ^ u64::from(k)).wrapping_mul(FNV_PRIME);
                last = k;
                n += 1;
                if n == 4 {
                    break;
                }
            }
        }
        h
    } else {
        hash_chars(|f| shape_chars(s, f))
    }
}

fn lower_string(s: &str) -> String {
    let mut o = String::new();
    lower_chars(s, |c| o.push(c));
    o
}

fn shape_string(s: &str) -> String {
    let mut o = String::new();
    shape_chars(s, |c| o.push(c));
    o
}

/// Bucket names for token distances.
const DIST: [&str; 11] = [
    "1", "2", "3", "4-5", "6-8", "9-12", "13-18", "19-27", "28-40", "41+", "none",
];
const DIST_HASH: [u64; 11] = {
    let mut a = [0u64; 11];
    let mut i = 0;
    while i < 11 {
        a[i] = hash_str(DIST[i]);
        i += 1;
    }
    a
};

#[inline]
fn bucket(d: usize) -> usize {
    match d {
        0 | 1 => 0,
        2 => 1,
        3 => 2,
        4..=5 => 3,
        6..=8 => 4,
        9..=12 => 5,
        13..=18 => 6,
        19..=27 => 7,
        28..=40 => 8,
        _ => 9,
    }
}

/// A document prepared for scoring: per-token value hashes (padded by [`PAD`] on each
/// side) and the distance from each token to the next terminal punctuation token.
#[derive(Default)]
struct Doc {
    lower: Vec<u64>,
    shape: Vec<u64>,
    /// Bucket of the distance from token `i` to the next terminal token after it.
    ahead: Vec<u8>,
    /// `lowers[k]`: how many of the tokens before token `k` start in lower case.
    lowers: Vec<u32>,
}

impl Doc {
    /// The hash of feature value `v` for the gap at padded position `base`.
    #[inline]
    fn value(&self, lex: &Table, base: usize, v: &V) -> u64 {
        match *v {
            V::L(o) => self.lower[base.wrapping_add_signed(o)],
            V::S(o) => self.shape[base.wrapping_add_signed(o)],
            V::C(o) => CASE_HASH[case_of(lex, self.lower[base.wrapping_add_signed(o)])],
            V::Lit(_, x) => x,
        }
    }
}

/// Case classes: names and hashes, indexed by the lexicon's value (0 = not listed).
const CASE: [&str; 3] = ["-", "lc", "uc"];
const CASE_HASH: [u64; 3] = [hash_str("-"), hash_str("lc"), hash_str("uc")];
/// Lexicon lines in the model file: `@lc=word` (usually lower case inside a sentence) and
/// `@uc=word` (usually capitalised there).
const LEX_PREFIX: [&str; 3] = ["", "@lc=", "@uc="];

#[inline]
fn case_of(lex: &Table, lower: u64) -> usize {
    (lex.get(lower) as usize).min(2)
}

const BOS: u64 = hash_str("<s>");
const EOS: u64 = hash_str("</s>");
const NO_SHAPE: u64 = hash_str("_");

impl Doc {
    fn new(text: &str, tokens: &[Token]) -> Doc {
        let n = tokens.len();
        let mut d = Doc {
            lower: Vec::with_capacity(n + 2 * PAD),
            shape: Vec::with_capacity(n + 2 * PAD),
            ahead: vec![DIST.len() as u8 - 1; n],
            lowers: Vec::with_capacity(n + 1),
        };
        d.lower.extend([BOS; PAD]);
        d.shape.extend([NO_SHAPE; PAD]);
        let mut next_terminal = usize::MAX;
        for (k, t) in tokens.iter().enumerate().rev() {
            if next_terminal != usize::MAX {
                d.ahead[k] = bucket(next_terminal - k) as u8;
            }
            let w = t.span.text(text);
            if is_terminal(w) {
                next_terminal = k;
            }
        }
        let mut lowers = 0u32;
        for t in tokens {
            let w = t.span.text(text);
            d.lowers.push(lowers);
            lowers += u32::from(starts_lower(w));
            d.lower.push(lower_hash(w));
            d.shape.push(shape_hash(w));
        }
        d.lowers.push(lowers);
        d.lower.extend([EOS; PAD]);
        d.shape.extend([NO_SHAPE; PAD]);
        d
    }
}

/// The end of the line holding byte `at` (its `\n`, or the text's end), and whether that
/// line is a headline: followed by a line break and not ended by sentence punctuation.
fn headline_line(text: &str, at: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let Some(nl) = memchr_newline(&b[at..]).map(|p| at + p) else {
        return (text.len(), false);
    };
    let last = text[at..nl].trim_end().chars().next_back();
    let headline = !matches!(
        last,
        None | Some(
            '.' | '!'
                | '?'
                | ':'
                | ';'
                | '…'
                | '"'
                | '\''
                | '”'
                | '“'
                | '’'
                | '»'
                | '«'
                | ')'
                | ']'
                | ','
        )
    );
    (nl + 1, headline)
}

#[inline]
fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

/// True when the token ends in a letter or digit (not in punctuation).
#[inline]
fn ends_alnum(text: &str, token: &Token) -> bool {
    match token.span.text(text).as_bytes().last() {
        Some(&x) if x < 0x80 => x.is_ascii_alphanumeric(),
        Some(_) => crate::tokenize::char_before(text, token.span.end as usize)
            .0
            .is_alphanumeric(),
        None => false,
    }
}

/// True when the gap (with whitespace) after token `i` may be a boundary; see the module
/// documentation.
#[inline]
fn candidate(text: &str, tokens: &[Token], i: usize, rule: bool) -> bool {
    if rule {
        return true;
    }
    let b = tokens[i + 1].span.text(text).as_bytes();
    let ends_alnum = ends_alnum(text, &tokens[i]);
    let next_lower = match b.first() {
        Some(&x) if x < 0x80 => x.is_ascii_lowercase(),
        Some(_) => crate::tokenize::char_at(text, tokens[i + 1].span.start as usize)
            .0
            .is_lowercase(),
        None => false,
    };
    !(ends_alnum && next_lower)
}

/// The features of the gap after token `i` that do not depend on earlier decisions.
fn static_features(
    seg: &Segmenter,
    text: &str,
    tokens: &[Token],
    doc: &Doc,
    i: usize,
    rule: bool,
    sink: &mut impl Sink,
) {
    use V::{L, S};
    let r = if rule { lit!("1") } else { lit!("0") };
    feat!(sink, "bias", []);
    feat!(sink, "rule", [r]);
    feat!(sink, "w-1", [L(-1)]);
    feat!(sink, "w0", [L(0)]);
    feat!(sink, "w1", [L(1)]);
    feat!(sink, "w2", [L(2)]);
    feat!(sink, "s-2", [S(-2)]);
    feat!(sink, "s-1", [S(-1)]);
    feat!(sink, "s0", [S(0)]);
    feat!(sink, "s1", [S(1)]);
    feat!(sink, "s2", [S(2)]);
    feat!(sink, "s3", [S(3)]);
    feat!(sink, "s0s1", [S(0), S(1)]);
    feat!(sink, "s-1s0s1", [S(-1), S(0), S(1)]);
    feat!(sink, "s0s1s2", [S(0), S(1), S(2)]);
    feat!(sink, "s-2s-1s0", [S(-2), S(-1), S(0)]);
    feat!(sink, "s1s2s3", [S(1), S(2), S(3)]);
    feat!(sink, "w0w1", [L(0), L(1)]);
    feat!(sink, "w0s1", [L(0), S(1)]);
    feat!(sink, "s0w1", [S(0), L(1)]);
    feat!(sink, "w-1w0", [L(-1), L(0)]);
    feat!(sink, "w1w2", [L(1), L(2)]);
    feat!(sink, "w-1w0s1", [L(-1), L(0), S(1)]);
    feat!(sink, "s0w1w2", [S(0), L(1), L(2)]);
    feat!(sink, "rs0s1", [r, S(0), S(1)]);
    feat!(sink, "w1s1", [L(1), S(1)]);
    feat!(sink, "w0s0", [L(0), S(0)]);
    feat!(sink, "w-1s0s1", [L(-1), S(0), S(1)]);
    feat!(sink, "w-2", [L(-2)]);
    feat!(sink, "c1s1", [V::C(1), S(1)]);
    feat!(sink, "s0c1s1", [S(0), V::C(1), S(1)]);
    feat!(sink, "c0s0", [V::C(0), S(0)]);
    feat!(sink, "c0s0c1s1", [V::C(0), S(0), V::C(1), S(1)]);
    feat!(sink, "c-1s-1c0s0", [V::C(-1), S(-1), V::C(0), S(0)]);
    let a = doc.ahead[i] as usize;
    let ahead = V::Lit(DIST[a], DIST_HASH[a]);
    feat!(sink, "ahead", [ahead]);
    feat!(sink, "ahead-s1", [ahead, S(1)]);
    let d = decider(text, tokens, i);
    if d != i && i - d <= PAD {
        feat!(sink, "closed", [L(d as isize - i as isize), S(1)]);
    }
    let w = tokens[i].span.text(text);
    if w.len() > 1 && w.ends_with('.') && !is_terminal(w) && seg.abbreviations.contains(w) {
        feat!(sink, "abbr", [S(1)]);
    }
}

/// The features that depend on the sentence so far: `len` tokens up to and including `i`.
/// `lower`: whether the sentence so far has a word starting in lower case.
fn sequential_features(rule: bool, len: usize, lower: bool, sink: &mut impl Sink) {
    let b = bucket(len);
    let l = V::Lit(DIST[b], DIST_HASH[b]);
    let r = if rule { lit!("1") } else { lit!("0") };
    let lw = if lower { lit!("1") } else { lit!("0") };
    feat!(sink, "len", [l]);
    feat!(sink, "len-s1", [l, V::S(1)]);
    feat!(sink, "len-s0", [l, V::S(0)]);
    feat!(sink, "len-rule", [l, r]);
    feat!(sink, "lower-s0s1", [lw, V::S(0), V::S(1)]);
    feat!(sink, "lower-len-c1", [lw, l, V::C(1)]);
}

/// Open-addressing table from feature hash to weight (linear probing, key 0 = empty).
#[derive(Debug, Clone)]
struct Table {
    slots: Box<[(u64, f32)]>,
    shift: u32,
}

#[inline]
fn key(h: u64) -> u64 {
    h.max(1)
}

impl Table {
    fn new(entries: &[(u64, f32)]) -> Table {
        let mut bits = 4;
        while (1usize << bits) < entries.len() * 2 {
            bits += 1;
        }
        let mut t = Table {
            slots: vec![(0u64, 0f32); 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
        };
        let mask = t.slots.len() - 1;
        for &(h, w) in entries {
            let h = key(h);
            let mut p = (h >> t.shift) as usize;
            loop {
                let s = &mut t.slots[p];
                if s.0 == 0 || s.0 == h {
                    *s = (h, w);
                    break;
                }
                p = (p + 1) & mask;
            }
        }
        t
    }

    #[inline]
    fn get(&self, h: u64) -> f32 {
        let h = key(h);
        let mask = self.slots.len() - 1;
        let mut p = (h >> self.shift) as usize;
        loop {
            let (k, w) = self.slots[p];
            if k == h {
                return w;
            }
            if k == 0 {
                return 0.0;
            }
            p = (p + 1) & mask;
        }
    }
}

struct Scorer<'a> {
    table: &'a Table,
    lex: &'a Table,
    doc: &'a Doc,
    base: usize,
    sum: f32,
}

impl Sink for Scorer<'_> {
    #[inline]
    fn feature(&mut self, _: &'static str, mut h: u64, vals: &[V]) {
        for v in vals {
            h = mix(h, self.doc.value(self.lex, self.base, v));
        }
        self.sum += self.table.get(h);
    }
}

/// The hash of a feature string as written in the model file.
fn feature_string_hash(f: &str) -> Option<u64> {
    let (name, rest) = f.split_once('=')?;
    let mut h = hash_str(name);
    if !rest.is_empty() {
        for v in rest.split('|') {
            h = mix(h, hash_str(v));
        }
    }
    Some(h)
}

#[derive(Debug, Clone)]
pub(crate) struct Model {
    table: Table,
    lex: Table,
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
        let mut weights = Vec::with_capacity(lines.len());
        let mut lex = Vec::new();
        for (line, l) in lines {
            let err = |message: String| DataError {
                file,
                line,
                message,
            };
            let (f, w) = l
                .split_once('\t')
                .ok_or_else(|| err("expected feature<TAB>weight".into()))?;
            if let Some(c) = (1..3).find(|&c| f.starts_with(LEX_PREFIX[c])) {
                lex.push((hash_str(&f[LEX_PREFIX[c].len()..]), c as f32));
                continue;
            }
            let h =
                feature_string_hash(f).ok_or_else(|| err(format!("feature {f:?} has no '='")))?;
            let w: i32 = w.parse().map_err(|_| err(format!("bad weight {w:?}")))?;
            weights.push((h, (f64::from(w) / SCALE) as f32));
        }
        Ok((!weights.is_empty()).then(|| Model {
            table: Table::new(&weights),
            lex: Table::new(&lex),
        }))
    }

    /// Fills `sentences` for `tokens`, deciding the gaps left to right.
    pub(crate) fn split(
        &self,
        seg: &Segmenter,
        text: &str,
        tokens: &[Token],
        sentences: &mut Vec<Sentence>,
    ) {
        let doc = Doc::new(text, tokens);
        let mut first = 0usize;
        // The line of the current token: where it ends, and whether it is a headline.
        let mut line: Option<(usize, bool)> = None;
        for i in 0..tokens.len() {
            let start = tokens[i].span.start as usize;
            let headline = match line {
                Some((end, h)) if start < end => h,
                _ => {
                    let l = headline_line(text, start);
                    line = Some(l);
                    l.1
                }
            };
            let end = i + 1 == tokens.len()
                || self.boundary(seg, text, tokens, &doc, i, Open { first, headline });
            if end {
                sentences.push(Sentence::covering(tokens, first, i + 1));
                first = i + 1;
            }
        }
    }

    #[inline]
    fn boundary(
        &self,
        seg: &Segmenter,
        text: &str,
        tokens: &[Token],
        doc: &Doc,
        i: usize,
        open: Open,
    ) -> bool {
        let Open { first, headline } = open;
        match gap(text, &tokens[i], &tokens[i + 1]) {
            Gap::Joined => return false,
            Gap::Space => {}
            Gap::Newline | Gap::Paragraph => return seg.rule_boundary(text, tokens, i),
        }
        let rule = seg.rule_boundary(text, tokens, i);
        if !candidate(text, tokens, i, rule) {
            return false;
        }
        // After a word (no punctuation), only web text ends sentences; see `SentenceStyle`.
        if !rule && seg.style() == crate::SentenceStyle::News && ends_alnum(text, &tokens[i]) {
            return false;
        }
        // Inside a headline line (a line ended by a line break, not by punctuation) the
        // rules alone decide: `France Expels Dozens of Diplomats` is one unit.
        if headline && !rule {
            return false;
        }
        let mut s = Scorer {
            table: &self.table,
            lex: &self.lex,
            doc,
            base: i + PAD,
            sum: 0.0,
        };
        static_features(seg, text, tokens, doc, i, rule, &mut s);
        let lower = doc.lowers[i + 1] > doc.lowers[first];
        sequential_features(rule, i + 1 - first, lower, &mut s);
        s.sum > 0.0
    }
}

/// The sentence being built when a gap is decided: its first token, and whether the
/// current line is a headline line.
#[derive(Clone, Copy)]
struct Open {
    first: usize,
    headline: bool,
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
    /// Training runs with different shuffles, whose weights are averaged.
    pub runs: usize,
    /// Added to the bias weight after training (positive: more boundaries).
    pub bias_shift: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            min_count: 2,
            min_weight: 0.002,
            seed: 0x5eed,
            runs: 5,
            bias_shift: 0.0,
        }
    }
}

/// Records feature hashes and (the first time each is seen) their strings.
struct Collector<'a> {
    hashes: &'a mut Vec<u64>,
    names: &'a mut FastMap<u64, String>,
    doc: &'a Doc,
    lex: &'a Table,
    lower: &'a [String],
    shape: &'a [String],
    base: usize,
}

impl Sink for Collector<'_> {
    fn feature(&mut self, name: &'static str, mut h: u64, vals: &[V]) {
        for v in vals {
            h = mix(h, self.doc.value(self.lex, self.base, v));
        }
        self.hashes.push(h);
        self.names.entry(h).or_insert_with(|| {
            let mut s = format!("{name}=");
            for (k, v) in vals.iter().enumerate() {
                if k > 0 {
                    s.push('|');
                }
                s.push_str(match *v {
                    V::L(o) => &self.lower[self.base.wrapping_add_signed(o)],
                    V::S(o) => &self.shape[self.base.wrapping_add_signed(o)],
                    V::C(o) => {
                        CASE[case_of(self.lex, self.doc.lower[self.base.wrapping_add_signed(o)])]
                    }
                    V::Lit(l, _) => l,
                });
            }
            s
        });
    }
}

/// One candidate gap in training.
struct Example {
    /// Range of its static feature hashes in `TrainSet::hashes`.
    features: std::ops::Range<usize>,
    /// Range of its sequential feature hashes, one block per length bucket.
    sequential: std::ops::Range<usize>,
    /// Index of the token before the gap.
    i: usize,
    gold: bool,
}

/// Statistics of a training run, for the log.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainReport {
    pub gaps: usize,
    pub candidates: usize,
    pub gold_boundaries: usize,
    /// Gold boundaries at gaps that are not candidates (the model cannot find them).
    pub gold_outside_candidates: usize,
    pub weights: usize,
    /// Entries of the case lexicon.
    pub lexicon: usize,
}

impl Segmenter {
    /// The case lexicon of the training documents: words (lower-cased values) seen at least
    /// `min_count` times inside sentences (not first), listed as `lc` when at least 90 % of
    /// those start in lower case and `uc` when at least 90 % start in upper case. Returns the
    /// model-file lines and the table. (Classing each training document's words from the
    /// other documents only, as for unseen text, scored slightly worse on dev and in
    /// cross-validation.)
    fn case_lexicon(&self, docs: &[TrainingDoc], min_count: u32) -> (Vec<String>, Table) {
        let mut counts: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
        let mut toks = Vec::new();
        for d in docs {
            toks.clear();
            self.tokenize(&d.text, &mut toks);
            for k in 1..toks.len() {
                // Skip sentence starts.
                if d.sentence_ends.binary_search(&toks[k - 1].span.end).is_ok() {
                    continue;
                }
                let w = toks[k].span.text(&d.text);
                let Some(c) = w.chars().next() else { continue };
                if !c.is_alphabetic() {
                    continue;
                }
                let e = counts.entry(lower_string(w)).or_default();
                if c.is_lowercase() {
                    e.0 += 1;
                } else if c.is_uppercase() {
                    e.1 += 1;
                }
            }
        }
        let mut lines = Vec::new();
        let mut table = Vec::new();
        for (w, (lo, up)) in counts {
            let n = lo + up;
            if n < min_count.max(1) {
                continue;
            }
            let c = if lo * 10 >= n * 9 {
                1
            } else if up * 10 >= n * 9 {
                2
            } else {
                continue;
            };
            table.push((hash_str(&w), c as f32));
            lines.push(format!("{}{w}", LEX_PREFIX[c]));
        }
        (lines, Table::new(&table))
    }

    /// Trains the boundary model on `docs` with this segmenter's tokens and rules (the model
    /// it has is not used) and returns the model file body (without header comments). Fully
    /// deterministic: the same documents and options give the same bytes.
    #[doc(hidden)]
    pub fn train_boundary_model(
        &self,
        docs: &[TrainingDoc],
        o: TrainOptions,
    ) -> (String, TrainReport) {
        let mut report = TrainReport::default();
        let mut names: FastMap<u64, String> = FastMap::default();
        let mut counts: FastMap<u64, u32> = FastMap::default();
        let mut hashes: Vec<u64> = Vec::new();
        // Per document: its examples, and the gaps outside candidates decided by rules
        // (token index, boundary) that reset the sentence length.
        let mut per_doc: Vec<Vec<Example>> = Vec::new();
        let mut rule_cuts: Vec<Vec<usize>> = Vec::new();
        let blocks = DIST.len();
        let (lex_lines, lex) = self.case_lexicon(docs, o.min_count);
        let mut docs_lowers: Vec<Vec<u32>> = Vec::new();
        for d in docs {
            let mut toks = Vec::new();
            self.tokenize(&d.text, &mut toks);
            let doc = Doc::new(&d.text, &toks);
            let mut lower = vec!["<s>".to_string(); PAD];
            let mut shape = vec!["_".to_string(); PAD];
            for t in &toks {
                lower.push(lower_string(t.span.text(&d.text)));
                shape.push(shape_string(t.span.text(&d.text)));
            }
            lower.extend(std::iter::repeat_n("</s>".to_string(), PAD));
            shape.extend(std::iter::repeat_n("_".to_string(), PAD));
            let mut examples = Vec::new();
            let mut cuts = Vec::new();
            for i in 0..toks.len().saturating_sub(1) {
                let gold = d.sentence_ends.binary_search(&toks[i].span.end).is_ok();
                match gap(&d.text, &toks[i], &toks[i + 1]) {
                    Gap::Joined => continue,
                    Gap::Space => {}
                    Gap::Newline | Gap::Paragraph => {
                        if self.rule_boundary(&d.text, &toks, i) {
                            cuts.push(i);
                        }
                        continue;
                    }
                }
                report.gaps += 1;
                report.gold_boundaries += usize::from(gold);
                let rule = self.rule_boundary(&d.text, &toks, i);
                if !candidate(&d.text, &toks, i, rule) {
                    report.gold_outside_candidates += usize::from(gold);
                    continue;
                }
                report.candidates += 1;
                let mut c = Collector {
                    hashes: &mut hashes,
                    names: &mut names,
                    doc: &doc,
                    lex: &lex,
                    lower: &lower,
                    shape: &shape,
                    base: i + PAD,
                };
                let start = c.hashes.len();
                static_features(self, &d.text, &toks, &doc, i, rule, &mut c);
                let mid = c.hashes.len();
                for b in 0..blocks - 1 {
                    // A length in bucket `b` (its lowest value).
                    let len = [1, 2, 3, 4, 6, 9, 13, 19, 28, 41][b];
                    sequential_features(rule, len, false, &mut c);
                    sequential_features(rule, len, true, &mut c);
                }
                let end = c.hashes.len();
                for h in &hashes[start..end] {
                    *counts.entry(*h).or_insert(0) += 1;
                }
                examples.push(Example {
                    features: start..mid,
                    sequential: mid..end,
                    i,
                    gold,
                });
            }
            per_doc.push(examples);
            docs_lowers.push(doc.lowers);
            rule_cuts.push(cuts);
        }
        let per_block = per_doc
            .iter()
            .flatten()
            .next()
            .map_or(1, |e| e.sequential.len() / (2 * (blocks - 1)));
        // Averaged perceptron (the lazy-update form): w, total, last-update step. Documents
        // are shuffled each epoch; inside one, gaps are decided left to right and the
        // sentence so far starts after the last gold boundary.
        // Several runs with different shuffles; their averaged weights are averaged.
        let mut avg: FastMap<u64, f64> = FastMap::default();
        let mut active: Vec<u64> = Vec::new();
        for run in 0..o.runs.max(1) {
            let mut w: FastMap<u64, (f64, f64, u64)> = FastMap::default();
            let mut order: Vec<usize> = (0..per_doc.len()).collect();
            let mut rng = o.seed.wrapping_add(run as u64 * 0x9e37_79b9) | 1;
            let mut step = 0u64;
            for _ in 0..o.epochs {
                for k in (1..order.len()).rev() {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    order.swap(k, (rng % (k as u64 + 1)) as usize);
                }
                for &di in &order {
                    let mut first = 0usize;
                    let mut cuts = rule_cuts[di].iter().peekable();
                    for e in &per_doc[di] {
                        while let Some(&&c) = cuts.peek() {
                            if c >= e.i {
                                break;
                            }
                            first = first.max(c + 1);
                            cuts.next();
                        }
                        step += 1;
                        let lower = docs_lowers[di][e.i + 1] > docs_lowers[di][first];
                        let b = 2 * bucket(e.i + 1 - first) + usize::from(lower);
                        let seq = e.sequential.start + b * per_block;
                        active.clear();
                        active.extend_from_slice(&hashes[e.features.clone()]);
                        active.extend_from_slice(&hashes[seq..seq + per_block]);
                        let score: f64 = active.iter().filter_map(|h| w.get(h)).map(|x| x.0).sum();
                        if (score > 0.0) != e.gold {
                            let delta = if e.gold { 1.0 } else { -1.0 };
                            for h in &active {
                                let x = w.entry(*h).or_insert((0.0, 0.0, step));
                                x.1 += x.0 * (step - x.2) as f64;
                                x.2 = step;
                                x.0 += delta;
                            }
                        }
                        if e.gold {
                            first = e.i + 1;
                        }
                    }
                }
            }
            // Sorted so that the floating-point sums do not depend on map order.
            let mut finals: Vec<(u64, f64)> = w
                .iter()
                .map(|(h, x)| (*h, (x.1 + x.0 * (step - x.2) as f64) / step.max(1) as f64))
                .collect();
            finals.sort_by_key(|x| x.0);
            for (h, a) in finals {
                *avg.entry(h).or_insert(0.0) += a / o.runs.max(1) as f64;
            }
        }
        *avg.entry(hash_str("bias")).or_insert(0.0) += o.bias_shift;
        let mut lines: Vec<(String, i64)> = avg
            .iter()
            .filter(|(h, _)| counts.get(*h).copied().unwrap_or(0) >= o.min_count)
            .filter_map(|(h, &a)| {
                let q = (a * SCALE).round() as i64;
                (a.abs() >= o.min_weight && q != 0).then(|| (names[h].clone(), q))
            })
            .collect();
        report.weights = lines.len();
        report.lexicon = lex_lines.len();
        lines.extend(lex_lines.into_iter().map(|l| (l, 1)));
        lines.sort();
        lines.dedup_by(|a, b| a.0 == b.0);
        let mut out = format!("{MAGIC}\n");
        for (f, q) in lines {
            out.push_str(&format!("{f}\t{q}\n"));
        }
        (out, report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_hashes_match_their_strings() {
        for w in [
            "Thanks", "lol", "U.S.", "a|b", "Ärger", "ÉCOLE", "x=1", "…", ":-)", "ΣΑΣ",
        ] {
            assert_eq!(lower_hash(w), hash_str(&lower_string(w)), "{w}");
            assert_eq!(shape_hash(w), hash_str(&shape_string(w)), "{w}");
        }
        let long = "a".repeat(40);
        assert_eq!(lower_hash(&long), hash_str(&lower_string(&long)));
    }

    #[test]
    fn windows_at_edges_and_long_closer_runs_do_not_panic() {
        let seg = Segmenter::new(sitrep_core::Language::En);
        for t in [
            "a",
            "A B",
            ". .",
            "He said \"stop.\"\"\"\"))]] Then we left. ok",
            "thanks John Regards Mary lol I think so",
            "x | y = z ¦ Ärger. Über",
        ] {
            let s = seg.segment(t);
            assert!(!s.sentences.is_empty(), "{t}");
            assert_eq!(
                s.sentences.last().map(|x| x.tokens.end as usize),
                Some(s.tokens.len())
            );
        }
    }

    #[test]
    fn feature_strings_hash_like_features() {
        let h = mix(mix(hash_str("w0w1"), hash_str("thanks")), hash_str("john"));
        assert_eq!(feature_string_hash("w0w1=thanks|john"), Some(h));
        assert_eq!(feature_string_hash("bias="), Some(hash_str("bias")));
        assert_eq!(feature_string_hash("bias"), None);
    }
}
