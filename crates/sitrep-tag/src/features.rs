//! Feature extraction, shared by training and tagging so the two can never disagree.
//!
//! Each token's strings are hashed once ([`TokInfo`]); feature hashes then combine those
//! hashes with a template number, so extracting a token's features allocates nothing.

use crate::hash;

/// Hashes of one token's strings and its surface flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    pub lower: u64,
    /// Suffixes of 1..=5 characters of the lower-cased form (0 when the word is shorter).
    pub suf: [u64; 5],
    pub pre1: u64,
    pub pre3: u64,
    pub shape: u64,
    pub flags: u32,
    /// Lexicon ambiguity class (0 when the word is not in the lexicon).
    pub lex: u64,
    /// The lexicon's STTS set as a bit set (German), 0 when unknown.
    pub lexset: u64,
    /// Ambiguity class learned from the treebank (0 for rare or unseen words).
    pub amb: u64,
    /// Ambiguity class of the compound head (German), else 0.
    pub head: u64,
    /// Last 3 characters of the compound head (German), else 0.
    pub head_suf: u64,
    /// English, capitalised words: the ambiguity class of the form's lower-case spelling
    /// among the treebank's lower-case occurrences only ([`lower_amb_key`]; 0 when
    /// unknown): `Housing` that is a noun when written `housing`.
    pub lower_amb: u64,
    /// English: the sentence's capitalisation ([`sentence_caps`]), 0 for German. Set per
    /// sentence, not per form.
    pub sent: u64,
}

/// The key of a lower-case form's ambiguity class over its lower-case occurrences, in the
/// model's ambiguity table (beside the keys of all occurrences, [`hash::str`] with seed 1).
pub fn lower_amb_key(lower: &str) -> u64 {
    hash::str(2, lower)
}

/// How capitalised an English sentence is, as a small code (1..=13, never 0): over its
/// words of two letters or more after the first, the share starting with a capital in
/// fifths (1..=5), plus 8 when more than half are written in capitals. In a title-case
/// headline (`Hungary Gives Into Demands`) or a shouted line a capital says little about
/// a name; in running text it says much.
pub fn sentence_caps<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    sentence_caps_of(words.map(word_caps))
}

/// [`sentence_caps`] from each word's [`word_caps`] (the tagger keeps those per form).
pub fn sentence_caps_of(codes: impl Iterator<Item = u8>) -> u64 {
    let (mut n, mut caps, mut shouted) = (0u64, 0u64, 0u64);
    for c in codes.skip(1) {
        n += (c & WORD) as u64;
        caps += (c & CAPITAL != 0) as u64;
        shouted += (c & SHOUTED != 0) as u64;
    }
    if n == 0 {
        return 1;
    }
    1 + (caps * 5 / n).min(4) + 8 * (shouted * 2 > n) as u64
}

const WORD: u8 = 1;
const CAPITAL: u8 = 2;
const SHOUTED: u8 = 4;

/// What a word adds to [`sentence_caps`]: 0 unless it starts with a letter and has two or
/// more; then a word, capitalised or not, all in capitals or not.
pub fn word_caps(w: &str) -> u8 {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else {
        return 0;
    };
    if letters.clone().nth(1).is_none() {
        return 0;
    }
    WORD | if first.is_uppercase() { CAPITAL } else { 0 }
        | if letters.all(char::is_uppercase) {
            SHOUTED
        } else {
            0
        }
}

pub const F_UPPER_FIRST: u32 = 1;
pub const F_ALL_UPPER: u32 = 1 << 1;
pub const F_DIGIT: u32 = 1 << 2;
pub const F_HYPHEN: u32 = 1 << 3;
pub const F_UMLAUT: u32 = 1 << 4;
pub const F_INITIAL: u32 = 1 << 5;
pub const F_JOINED_NEXT: u32 = 1 << 6;
pub const F_JOINED_PREV: u32 = 1 << 7;
pub const F_PERIOD: u32 = 1 << 8;
pub const F_ALPHA: u32 = 1 << 9;
pub const F_LONG: u32 = 1 << 10;
pub const F_SHORT: u32 = 1 << 11;
pub const F_NON_ASCII: u32 = 1 << 12;
pub const F_APOSTROPHE: u32 = 1 << 13;
const N_FLAGS: u32 = 14;

/// Lower-cases `s` into `buf` (cleared first).
pub fn lower_into(s: &str, buf: &mut String) {
    buf.clear();
    for c in s.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

impl TokInfo {
    /// `lower` is `form` lower-cased (see [`lower_into`]).
    pub fn new(
        form: &str,
        lower: &str,
        initial: bool,
        joined_prev: bool,
        joined_next: bool,
    ) -> TokInfo {
        let mut t = TokInfo {
            lower: hash::str(1, lower),
            ..Default::default()
        };
        // Suffixes of 1..=5 characters, shorter than the word itself.
        let n = lower.chars().count();
        let mut ends = lower.char_indices().rev();
        for k in 0..5 {
            if k + 1 >= n {
                break;
            }
            let Some((i, _)) = ends.next() else { break };
            t.suf[k] = hash::str(10 + k as u64, &lower[i..]);
        }
        let mut chars = form.chars();
        let first = chars.next().unwrap_or(' ');
        t.pre1 = hash::feat(20, first as u64, 0);
        let p3: usize = lower.char_indices().nth(3).map_or(lower.len(), |(i, _)| i);
        t.pre3 = hash::str(21, &lower[..p3]);
        // Shape: X x d or the character itself, runs collapsed, at most 8 symbols.
        let mut shape = [0u8; 8];
        let (mut n, mut last) = (0usize, 0u8);
        let mut flags = 0u32;
        let (mut upper, mut letters, mut nchars) = (0usize, 0usize, 0usize);
        for c in form.chars() {
            nchars += 1;
            let s = if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                    b'X'
                } else {
                    b'x'
                }
            } else if c.is_ascii_digit() {
                flags |= F_DIGIT;
                b'd'
            } else if c.is_ascii() {
                match c {
                    '-' => flags |= F_HYPHEN,
                    '.' => flags |= F_PERIOD,
                    '\'' => flags |= F_APOSTROPHE,
                    _ => {}
                }
                c as u8
            } else {
                if matches!(c, '’' | '‘') {
                    flags |= F_APOSTROPHE;
                }
                b'o'
            };
            if matches!(c, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | 'ß') {
                flags |= F_UMLAUT;
            }
            if !c.is_ascii() {
                flags |= F_NON_ASCII;
            }
            if s != last && n < shape.len() {
                shape[n] = s;
                n += 1;
                last = s;
            }
        }
        t.shape = hash::bytes(22, &shape[..n]);
        if first.is_uppercase() {
            flags |= F_UPPER_FIRST;
        }
        if upper > 1 && upper == letters {
            flags |= F_ALL_UPPER;
        }
        if letters == nchars {
            flags |= F_ALPHA;
        }
        if nchars > 12 {
            flags |= F_LONG;
        }
        if nchars <= 3 {
            flags |= F_SHORT;
        }
        if initial {
            flags |= F_INITIAL;
        }
        if joined_prev {
            flags |= F_JOINED_PREV;
        }
        if joined_next {
            flags |= F_JOINED_NEXT;
        }
        t.flags = flags;
        t
    }
}

const BOS: TokInfo = TokInfo {
    lower: 0xB05,
    suf: [0xB05; 5],
    pre1: 0xB05,
    pre3: 0xB05,
    shape: 0xB05,
    flags: 0,
    lex: 0xB05,
    lexset: 0,
    amb: 0xB05,
    head: 0,
    head_suf: 0,
    lower_amb: 0,
    sent: 0,
};
const EOS: TokInfo = TokInfo {
    lower: 0xE05,
    suf: [0xE05; 5],
    pre1: 0xE05,
    pre3: 0xE05,
    shape: 0xE05,
    flags: 0,
    lex: 0xE05,
    lexset: 0,
    amb: 0xE05,
    head: 0,
    head_suf: 0,
    lower_amb: 0,
    sent: 0,
};

#[inline]
fn at(toks: &[TokInfo], i: isize) -> &TokInfo {
    if i < 0 {
        &BOS
    } else {
        toks.get(i as usize).unwrap_or(&EOS)
    }
}

/// Features of token `i` for the tag model; `p1`, `p2` are the two previous predicted
/// classes (`u64::MAX` before the sentence).
///
/// The union of [`local_tag_features`] (the word alone, cacheable per form),
/// [`positional_tag_features`] and [`context_tag_features`]; the tagger sums the three
/// parts separately, training uses this function, so they never disagree.
pub fn tag_features(toks: &[TokInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    local_tag_features(&toks[i], out);
    positional_tag_features(&toks[i], out);
    context_tag_features(toks, i, p1, p2, out);
}

/// Flags that depend on the token's position, not its form.
pub const POSITIONAL_FLAGS: u32 = F_INITIAL | F_JOINED_NEXT | F_JOINED_PREV;

/// Tag features of the word itself, independent of its position and neighbours
/// (appended to `out`). `t.flags` must not matter beyond the non-positional bits.
pub fn local_tag_features(t: &TokInfo, out: &mut Vec<u64>) {
    let f = hash::feat;
    out.push(f(1, 0, 0));
    out.push(f(2, t.lower, 0));
    for (k, &s) in t.suf.iter().enumerate() {
        if s != 0 {
            out.push(f(3 + k as u64, s, 0));
        }
    }
    out.push(f(8, t.pre1, 0));
    out.push(f(9, t.pre3, 0));
    out.push(f(10, t.shape, 0));
    for b in 0..N_FLAGS {
        if t.flags & !POSITIONAL_FLAGS & (1 << b) != 0 {
            out.push(f(11, b as u64, 0));
        }
    }
    out.push(f(60, t.amb, 0));
    if t.lex != 0 {
        out.push(f(50, t.lex, 0));
    }
    if t.head != 0 {
        out.push(f(57, t.head, 0));
        out.push(f(58, t.head_suf, 0));
    }
}

/// Tag features of the word that depend on its position flags (appended to `out`).
pub fn positional_tag_features(t: &TokInfo, out: &mut Vec<u64>) {
    let f = hash::feat;
    for b in 0..N_FLAGS {
        if t.flags & POSITIONAL_FLAGS & (1 << b) != 0 {
            out.push(f(11, b as u64, 0));
        }
    }
    out.push(f(
        12,
        (t.flags & (F_UPPER_FIRST | F_INITIAL | F_ALL_UPPER)) as u64,
        0,
    ));
    if t.sent != 0 && t.flags & F_UPPER_FIRST != 0 {
        // (English capitalised words only: the rest of the text costs nothing more)
        let cap = (t.flags & (F_INITIAL | F_ALL_UPPER)) as u64;
        out.push(f(70, t.sent, cap));
        out.push(f(71, t.sent, t.amb));
        out.push(f(72, t.lower_amb, cap));
        out.push(f(73, t.lower_amb, t.sent));
    }
    if t.lex != 0 {
        out.push(f(
            53,
            t.lex,
            t.flags as u64 & (F_UPPER_FIRST | F_INITIAL) as u64,
        ));
    } else {
        out.push(f(
            54,
            0,
            t.flags as u64 & (F_UPPER_FIRST | F_INITIAL) as u64,
        ));
    }
}

/// Tag features of token `i` that involve its neighbours or the previous tags (appended
/// to `out`): the neighbours' own parts ([`left1_features`] …) and the pairs.
pub fn context_tag_features(toks: &[TokInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let ii = i as isize;
    left1_features(at(toks, ii - 1), out);
    right1_features(at(toks, ii + 1), out);
    left2_features(at(toks, ii - 2), out);
    right2_features(at(toks, ii + 2), out);
    prev_tag_features(p1, p2, out);
    pair_tag_features(toks, i, p1, out);
}

/// The features a word contributes as the left neighbour of the tagged word.
pub fn left1_features(m1: &TokInfo, out: &mut Vec<u64>) {
    let f = hash::feat;
    out.push(f(30, m1.lower, 0));
    out.push(f(34, m1.suf[2], 0));
    out.push(f(56, m1.lex, 0));
}

/// The features a word contributes as the right neighbour of the tagged word.
pub fn right1_features(n1: &TokInfo, out: &mut Vec<u64>) {
    let f = hash::feat;
    out.push(f(31, n1.lower, 0));
    out.push(f(35, n1.suf[2], 0));
    out.push(f(42, n1.shape, 0));
    out.push(f(44, n1.suf[1], 0));
    out.push(f(55, n1.lex, 0));
    out.push(f(61, n1.amb, 0));
}

/// The features a word contributes two to the left of the tagged word.
pub fn left2_features(m2: &TokInfo, out: &mut Vec<u64>) {
    out.push(hash::feat(32, m2.lower, 0));
}

/// The features a word contributes two to the right of the tagged word.
pub fn right2_features(n2: &TokInfo, out: &mut Vec<u64>) {
    let f = hash::feat;
    out.push(f(33, n2.lower, 0));
    out.push(f(64, n2.amb, 0));
    out.push(f(67, n2.lex, 0));
    out.push(f(68, n2.shape, 0));
    out.push(f(69, n2.suf[2], 0));
}

/// The sentence-boundary stand-ins for neighbours outside the sentence.
pub fn boundary(i: isize, n: usize) -> Option<&'static TokInfo> {
    if i < 0 {
        Some(&BOS)
    } else if i as usize >= n {
        Some(&EOS)
    } else {
        None
    }
}

/// Tag features of the two previous tags alone.
pub fn prev_tag_features(p1: u64, p2: u64, out: &mut Vec<u64>) {
    let f = hash::feat;
    out.push(f(36, p1, 0));
    out.push(f(37, p2, 0));
    out.push(f(38, p1, p2));
}

/// Tag features combining token `i` with a neighbour or the previous tags (besides
/// [`prev_tag_features`]).
pub fn pair_tag_features(toks: &[TokInfo], i: usize, p1: u64, out: &mut Vec<u64>) {
    let ii = i as isize;
    let t = &toks[i];
    let (m1, n1) = (at(toks, ii - 1), at(toks, ii + 1));
    let f = hash::feat;
    out.push(f(39, p1, t.lower));
    out.push(f(40, m1.lower, t.lower));
    out.push(f(41, t.lower, n1.lower));
    out.push(f(43, p1, t.suf[2]));
    out.push(f(45, m1.flags as u64 & F_JOINED_NEXT as u64, t.shape));
    if t.lex != 0 {
        out.push(f(51, t.lex, p1));
        out.push(f(52, t.lex, n1.lex));
    }
    out.push(f(62, t.amb, n1.amb));
    out.push(f(63, p1, t.amb));
    out.push(f(65, m1.amb, t.amb));
    out.push(f(66, t.amb, n1.lower));
    out.push(f(90, t.lower, n1.amb));
    out.push(f(91, t.lower, at(toks, ii + 2).amb));
    if t.lexset & AUX_BITS.0 != 0 {
        let (l, r) = clause_predicates(toks, i);
        out.push(f(86, t.lower, r));
        out.push(f(87, t.lower, l * 16 + r));
        out.push(f(88, l * 16 + r, 0));
    }
}

/// STTS bits of auxiliary forms (German): `sein`, `haben`, `werden` as finite verbs or
/// infinitives.
const AUX_BITS: sitrep_lexicon::SttsSet = {
    use sitrep_core::Stts;
    let mut b = 0u64;
    b |= 1 << Stts::Vafin as u64;
    b |= 1 << Stts::Vainf as u64;
    sitrep_lexicon::SttsSet(b)
};

/// What the clause around token `i` holds that an auxiliary could govern, left and right of
/// it up to the nearest punctuation (at most 12 words): bit 0 a possible participle, bit 1
/// an infinitive, bit 2 a predicative adjective/adverb (`ADJD`), bit 3 `zu`-infinitive or
/// separable particle. From the lexicon's tag sets (German).
fn clause_predicates(toks: &[TokInfo], i: usize) -> (u64, u64) {
    use sitrep_core::Stts;
    let bit = |t: Stts| 1u64 << t as u64;
    let pp = bit(Stts::Vvpp) | bit(Stts::Vapp) | bit(Stts::Vmpp);
    let inf = bit(Stts::Vvinf) | bit(Stts::Vainf) | bit(Stts::Vminf);
    let adjd = bit(Stts::Adjd);
    let zu = bit(Stts::Vvizu) | bit(Stts::Ptkvz);
    let kind = |t: &TokInfo| -> Option<u64> {
        if PUNCT_SHAPES.contains(&t.shape) {
            return None;
        }
        let s = t.lexset;
        Some(
            (s & pp != 0) as u64
                | ((s & inf != 0) as u64) << 1
                | ((s & adjd != 0) as u64) << 2
                | ((s & zu != 0) as u64) << 3,
        )
    };
    let mut r = 0;
    for t in toks.iter().skip(i + 1).take(12) {
        match kind(t) {
            Some(k) => r |= k,
            None => break,
        }
    }
    let mut l = 0;
    for t in toks[..i].iter().rev().take(12) {
        match kind(t) {
            Some(k) => l |= k,
            None => break,
        }
    }
    (l, r)
}

/// Shape hashes of clause-ending punctuation.
static PUNCT_SHAPES: std::sync::LazyLock<[u64; 6]> = std::sync::LazyLock::new(|| {
    [",", ".", "!", "?", ":", ";"].map(|p| hash::bytes(22, p.as_bytes()))
});

/// Features of token `i` for the morphology model, given each token's predicted class
/// (`classes`) and the bundles already chosen to its left (`bundles`, `u64::MAX` unknown).
/// `np_left` is the index of the nearest determiner/preposition to the left in the same
/// phrase, `np_right` the nearest noun to the right, if any.
#[allow(clippy::too_many_arguments)]
pub fn morph_features(
    toks: &[TokInfo],
    classes: &[u64],
    bundles: &[u64],
    i: usize,
    np_left: Option<usize>,
    np_right: Option<usize>,
    out: &mut Vec<u64>,
) {
    out.clear();
    morph_local_features(&toks[i], classes[i], out);
    morph_context_features(toks, classes, bundles, i, np_left, np_right, out);
}

/// Morphology features of the word itself under class `c` (appended to `out`).
pub fn morph_local_features(t: &TokInfo, c: u64, out: &mut Vec<u64>) {
    let f = hash::feat;
    out.push(f(100, c, 0));
    out.push(f(101, c, t.lower));
    out.push(f(102, c, t.suf[1]));
    out.push(f(103, c, t.suf[2]));
    out.push(f(110, c, t.suf[0]));
    out.push(f(121, c, t.amb));
    if t.lex != 0 {
        out.push(f(119, c, t.lex));
    }
    if t.head != 0 {
        out.push(f(120, c, t.head_suf));
    }
}

/// Morphology features of token `i` that involve its context (appended to `out`).
#[allow(clippy::too_many_arguments)]
pub fn morph_context_features(
    toks: &[TokInfo],
    classes: &[u64],
    bundles: &[u64],
    i: usize,
    np_left: Option<usize>,
    np_right: Option<usize>,
    out: &mut Vec<u64>,
) {
    let f = hash::feat;
    let c = classes[i];
    let cls = |j: isize| -> u64 {
        if j < 0 {
            0xB05
        } else {
            classes.get(j as usize).copied().unwrap_or(0xE05)
        }
    };
    let ii = i as isize;
    let pb = if i > 0 { bundles[i - 1] } else { 0xB05 };
    out.push(f(104, c, cls(ii - 1)));
    out.push(f(105, c, cls(ii + 1)));
    out.push(f(106, c, pb));
    out.push(f(107, cls(ii - 1), pb));
    out.push(f(108, c, at(toks, ii - 1).lower));
    out.push(f(109, c, at(toks, ii + 1).lower));
    out.push(f(111, c, mix2(cls(ii - 1), cls(ii - 2))));
    if let Some(j) = np_left {
        out.push(f(112, c, toks[j].lower));
        out.push(f(113, c, mix2(classes[j], bundles[j])));
        out.push(f(114, c, (i - j) as u64));
    } else {
        out.push(f(115, c, 0));
    }
    if let Some(j) = np_right {
        out.push(f(116, c, toks[j].suf[1]));
        out.push(f(117, c, toks[j].lower));
        out.push(f(118, c, toks[j].lex));
    }
}

#[inline]
fn mix2(a: u64, b: u64) -> u64 {
    hash::mix(hash::mix(7, a), b)
}

/// `s` lower-cased, as a new string.
pub fn lowered(s: &str) -> String {
    let mut b = String::with_capacity(s.len());
    lower_into(s, &mut b);
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(s: &str) -> u64 {
        sentence_caps(s.split(' '))
    }

    /// Running text, a title-case headline and a shouted line get different codes; the
    /// first word, one-letter words and tokens without letters do not count.
    #[test]
    fn sentence_capitalisation_codes() {
        let running = caps("The minister met Putin in Moscow on Friday , officials said .");
        let title = caps("Hungary Gives Into Demands Made By Iran After Long Talks");
        let shouted = caps("PLEASE READ THE ATTACHED MEMO BEFORE MONDAY 'S MEETING !");
        assert_eq!(running, 1 + 1, "3 of 9 words capitalised: second fifth");
        assert_eq!(title, 1 + 4, "all capitalised: top fifth");
        assert_eq!(shouted, 1 + 4 + 8, "capitalised and shouted");
        // (`I`, `,` and `42` are not words of two letters; `Today` is the first word)
        assert_eq!(caps("Today I saw 42 cats , and dogs"), 1);
        assert_eq!(caps("Hello"), 1, "no word after the first");
        assert_ne!(running, 0, "0 is kept for German");
    }
}
