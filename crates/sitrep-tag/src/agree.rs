//! German noun-phrase agreement: case, number and gender chosen among the lexicon's
//! analyses (`Lexicon::analyze`, entries of the predicted STTS tag) so that preposition
//! (its governed cases from `data/de/closed/prepositions.tsv`), determiners, adjectives and
//! noun agree. Then, per phrase, rules of German clause structure pick one case:
//!
//! * a phrase with a determiner right after a common noun is a genitive attribute;
//! * `X und Y`, lists and bracketed appositions share their case;
//! * a clause (cut at punctuation, conjunctions and subordinators; a verbless part joins
//!   the next main-clause part) has one nominative, the first phrase that can be
//!   nominative and agrees in number with the finite verb (copulas allow more; coordinated
//!   subjects take a plural verb; fragments without any verb are nominative);
//! * of the remaining bare phrases the last that can be accusative is the accusative
//!   object;
//! * what is still open is decided by the perceptron's own case, number and gender for the
//!   head, then by a fixed order (Dat before Acc after a preposition, else Acc, Dat).
//!
//! Runs after the perceptron's feature bundles and keeps them wherever no rule decides.
//! Phrases whose members cannot agree (a lexicon gap, a tagging error) fall back to the
//! noun's own analyses, or are left as the model said.

use sitrep_core::{Case, Feats, Gender, Number, Stts, Xpos};

/// A set of (case, number, gender) combinations: bit `case * 6 + number * 3 + gender`.
pub type Mask = u32;
pub const ALL: Mask = (1 << 24) - 1;

const CASES: [Case; 4] = [Case::Nom, Case::Acc, Case::Dat, Case::Gen];
const NUMBERS: [Number; 2] = [Number::Sing, Number::Plur];
const GENDERS: [Gender; 3] = [Gender::Masc, Gender::Fem, Gender::Neut];

fn idx<T: PartialEq>(all: &[T], x: &T) -> usize {
    all.iter().position(|y| y == x).unwrap_or(0)
}

/// The combinations one analysis allows (a missing feature allows every value).
pub fn mask_of(f: &Feats) -> Mask {
    let mut m = 0;
    for (c, case) in CASES.iter().enumerate() {
        if f.case.is_some_and(|x| x != *case) {
            continue;
        }
        for (n, num) in NUMBERS.iter().enumerate() {
            if f.number.is_some_and(|x| x != *num) {
                continue;
            }
            for (g, gen) in GENDERS.iter().enumerate() {
                if f.gender.is_some_and(|x| x != *gen) {
                    continue;
                }
                m |= 1 << (c * 6 + n * 3 + g);
            }
        }
    }
    m
}

fn case_mask(c: usize) -> Mask {
    0b11_1111 << (c * 6)
}

fn number_mask(n: usize) -> Mask {
    let mut m = 0;
    for c in 0..4 {
        m |= 0b111 << (c * 6 + n * 3);
    }
    m
}

fn gender_mask(g: usize) -> Mask {
    let mut m = 0;
    for c in 0..4 {
        for n in 0..2 {
            m |= 1 << (c * 6 + n * 3 + g);
        }
    }
    m
}

/// The cases of `m`, with every number and gender.
fn prep_only(m: Mask) -> Mask {
    cases_in(m).fold(0, |acc, c| acc | case_mask(c))
}

fn cases_in(m: Mask) -> impl Iterator<Item = usize> {
    (0..4).filter(move |&c| m & case_mask(c) != 0)
}

/// Whether a token with this tag can be part of a noun phrase the pass looks at.
pub fn takes_part(x: Xpos) -> bool {
    match x {
        Xpos::Stts(t) => {
            is_det(t)
                || is_pron_head(t)
                || is_finite(t)
                || matches!(
                    t,
                    Stts::Appr
                        | Stts::Apprart
                        | Stts::Adja
                        | Stts::Nn
                        | Stts::Ne
                        | Stts::Vvinf
                        | Stts::Vainf
                        | Stts::Vminf
                )
        }
        Xpos::Penn(_) => false,
    }
}

/// The masks a form's lexicon analyses give per STTS tag.
pub type FormMasks = Box<[(Stts, Mask)]>;

fn is_det(t: Stts) -> bool {
    matches!(
        t,
        Stts::Art | Stts::Pdat | Stts::Piat | Stts::Pidat | Stts::Pposat | Stts::Pwat
    )
}

fn is_pron_head(t: Stts) -> bool {
    matches!(
        t,
        Stts::Pper | Stts::Pds | Stts::Pis | Stts::Prels | Stts::Pws | Stts::Pposs
    )
}

fn is_clause_end(t: Stts) -> bool {
    matches!(
        t,
        Stts::Comma | Stts::Period | Stts::Other | Stts::Kous | Stts::Kon
    )
}

fn is_finite(t: Stts) -> bool {
    matches!(t, Stts::Vvfin | Stts::Vafin | Stts::Vmfin)
}

struct Phrase {
    /// Token indices of the members that take the phrase's features (article, adjectives,
    /// nouns, a fused preposition).
    /// Range of `pool`.
    members: std::ops::Range<usize>,
    head: usize,
    prep: bool,
    has_det: bool,
    mask: Mask,
}

/// Adjusts `out[i].feats` (case, number, gender) of German noun phrases. `masks(i, t)`
/// gives the union of the lexicon's masks of token `i`'s form under tag `t` (0: none);
/// `words` are the forms.
pub fn agree(
    words: &[&str],
    out: &mut [crate::WordAnalysis],
    masks: &mut dyn FnMut(usize, Stts) -> Mask,
) {
    let n = out.len();
    let stts = |out: &[crate::WordAnalysis], i: usize| match out[i].xpos {
        Xpos::Stts(t) => Some(t),
        Xpos::Penn(_) => None,
    };
    let mask_for = |masks: &mut dyn FnMut(usize, Stts) -> Mask, i: usize, t: Stts| -> Mask {
        let m = masks(i, t);
        if m == 0 {
            ALL
        } else {
            m
        }
    };
    // 1. Phrases.
    let mut phrases: Vec<Phrase> = Vec::new();
    let mut pool: Vec<usize> = Vec::with_capacity(n);
    let mut members: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(t) = stts(out, i) else { return };
        let mut j = i;
        let mut mask = ALL;
        let mut prep = false;
        members.clear();
        if t == Stts::Appr {
            let cm = masks(i, Stts::Appr);
            // A preposition without a case (`als`) or unknown: no constraint.
            if cm != 0 && cm != ALL {
                mask &= cm;
            }
            prep = true;
            j += 1;
        } else if t == Stts::Apprart {
            mask &= mask_for(masks, i, Stts::Apprart);
            members.push(i);
            prep = true;
            j += 1;
        }
        let mut has_det = false;
        let mut plural = false;
        let mut head = None;
        let mut loose = ALL; // adjectives' constraint, dropped first on conflict
        while j < n {
            let Some(tj) = stts(out, j) else { return };
            if is_det(tj)
                && head.is_none()
                && members
                    .iter()
                    .all(|&k| stts(out, k).is_some_and(|x| is_det(x) || x == Stts::Apprart))
            {
                mask &= mask_for(masks, j, tj);
                members.push(j);
                has_det = true;
            } else if tj == Stts::Adja {
                loose &= mask_for(masks, j, tj);
                members.push(j);
            } else if matches!(tj, Stts::Adv | Stts::Card | Stts::Adjd) && j + 1 < n {
                // `sehr`, `drei`: inside the phrase, no features; a number other than
                // one makes the phrase plural.
                if tj == Stts::Card {
                    let w = words[j].to_lowercase();
                    if !matches!(w.as_str(), "1" | "ein" | "eins" | "einer" | "eine") {
                        plural = true;
                    }
                }
            } else if matches!(tj, Stts::Nn | Stts::Ne) {
                mask &= mask_for(masks, j, tj);
                members.push(j);
                head = Some(j);
                // Names after a title or first name: `Präsident Putin`, `Sergej Lawrow`;
                // not a genitive name (`Russlands`).
                while j + 1 < n
                    && stts(out, j + 1) == Some(Stts::Ne)
                    && (!words[j + 1].ends_with('s')
                        || stts(out, (j + 2).min(n - 1)) == Some(Stts::Ne) && j + 2 < n)
                {
                    j += 1;
                    members.push(j);
                    head = Some(j);
                }
                j += 1;
                break;
            } else if is_pron_head(tj) && members.is_empty() {
                mask &= mask_for(masks, j, tj);
                members.push(j);
                head = Some(j);
                j += 1;
                break;
            } else {
                break;
            }
            j += 1;
        }
        match head {
            Some(h) => {
                if plural {
                    // The lexicon may lack the plural of a nominalised adjective
                    // (`drei Verdächtige`): the number wins over it.
                    let pm = number_mask(1);
                    mask = if mask & pm != 0 {
                        mask & pm
                    } else {
                        pm & prep_only(mask)
                    };
                    loose = if loose & pm != 0 { loose & pm } else { ALL };
                }
                let mut m = mask & loose;
                if m == 0 {
                    m = mask;
                }
                if m == 0 {
                    // Determiner and noun disagree (a mistagged relative pronoun, a
                    // lexicon gap): trust the noun alone.
                    members.retain(|&k| {
                        stts(out, k).is_some_and(|t| matches!(t, Stts::Nn | Stts::Ne))
                    });
                    has_det = false;
                    m = members.iter().fold(ALL, |acc, &k| {
                        acc & stts(out, k).map_or(ALL, |t| mask_for(masks, k, t))
                    });
                }
                if m != 0 && !members.is_empty() {
                    let start = pool.len();
                    pool.extend_from_slice(&members);
                    phrases.push(Phrase {
                        members: start..pool.len(),
                        head: h,
                        prep: prep && m != 0,
                        has_det,
                        mask: m,
                    });
                }
                i = j;
            }
            None => i += 1,
        }
    }
    // 2. Genitive attributes: a phrase with a determiner right after a common noun.
    for k in 1..phrases.len() {
        let (a, b) = (&phrases[k - 1], &phrases[k]);
        let first = pool[b.members.start];
        if !b.prep
            && b.has_det
            && first == a.head + 1
            && stts(out, a.head) == Some(Stts::Nn)
            && b.mask & case_mask(3) != 0
        {
            phrases[k].mask &= case_mask(3);
        }
    }
    // 3. Coordination: `X und Y` share their case.
    let mut conj_of: Vec<Option<usize>> = vec![None; phrases.len()];
    for k in 1..phrases.len() {
        let (a, b) = (&phrases[k - 1], &phrases[k]);
        let gap = pool[b.members.start] == a.head + 2;
        // `X und Y`, and a bracketed apposition `Kohl (CDU)`.
        let kon = gap && stts(out, a.head + 1) == Some(Stts::Kon) && b.prep == a.prep;
        let bracket = gap && !b.prep && words[a.head + 1] == "(";
        // A list `A, B und C`: B between commas or before the conjunction.
        let after = b.head + 1;
        let list = gap
            && !b.prep
            && words[a.head + 1] == ","
            && after < n
            && (words[after] == "," || stts(out, after) == Some(Stts::Kon));
        if kon || bracket || list {
            conj_of[k] = Some(conj_of[k - 1].unwrap_or(k - 1));
        }
    }
    // 4. Clauses: as many nominatives as finite verbs (agreeing in number), the rest
    //    objects. Segments are cut at punctuation and subordinators; a segment without a
    //    finite verb that is not itself embedded joins the next such segment (`Die Stadt,
    //    deren …, steht …`).
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && !stts(out, end).is_some_and(is_clause_end) {
            end += 1;
        }
        segs.push((start, end));
        start = end;
    }
    let embedded = |out: &[crate::WordAnalysis], (a, b): (usize, usize)| {
        (a..b.min(a + 3)).any(|k| {
            stts(out, k).is_some_and(|t| {
                matches!(
                    t,
                    Stts::Prels | Stts::Prelat | Stts::Kous | Stts::Pwav | Stts::Pws
                )
            })
        })
    };
    let has_verb = |out: &[crate::WordAnalysis], (a, b): (usize, usize)| {
        (a..b).any(|k| stts(out, k).is_some_and(is_finite))
    };
    // Clauses as lists of segments.
    let mut clauses: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut pending: Vec<(usize, usize)> = Vec::new();
    for &sg in &segs {
        if embedded(out, sg) {
            clauses.push(vec![sg]);
            continue;
        }
        pending.push(sg);
        if has_verb(out, sg) {
            clauses.push(std::mem::take(&mut pending));
        }
    }
    if !pending.is_empty() {
        clauses.push(pending);
    }
    let mut decided = vec![false; phrases.len()];
    for clause in &clauses {
        let inside = |k: usize| clause.iter().any(|&(a, b)| k >= a && k < b);
        // The clause's tokens in order (its segments are ascending and disjoint).
        let tokens = || clause.iter().flat_map(|&(a, b)| a..b);
        // One subject per clause: further finite verbs in the same segment are a verb
        // cluster (`hat … abziehen wollen`) or coordinated without a new subject.
        let mut verbs: Vec<usize> = tokens()
            .find(|&v| stts(out, v).is_some_and(is_finite))
            .into_iter()
            .collect();
        let mut plural_verbs: Vec<usize> = Vec::new();
        if verbs.is_empty() && !tokens().any(|v| stts(out, v) == Some(Stts::Ptkzu)) {
            // No finite verb: an infinitive that is also a finite plural form (`gehen`,
            // `sinken`) was most likely mistagged.
            for v in tokens() {
                let finite_too =
                    matches!(stts(out, v), Some(Stts::Vvinf | Stts::Vainf | Stts::Vminf))
                        && [Stts::Vvfin, Stts::Vafin, Stts::Vmfin]
                            .iter()
                            .any(|&t| masks(v, t) != 0);
                if finite_too {
                    verbs.push(v);
                    plural_verbs.push(v);
                    break;
                }
            }
        }
        let nonfinite = tokens().any(|v| {
            stts(out, v).is_some_and(|t| {
                matches!(
                    t,
                    Stts::Vvpp | Stts::Vvinf | Stts::Vvizu | Stts::Vapp | Stts::Vainf
                )
            })
        });
        let copula = !nonfinite
            && verbs.iter().any(|&v| {
                matches!(
                    words[v].to_lowercase().as_str(),
                    "ist"
                        | "sind"
                        | "war"
                        | "waren"
                        | "sei"
                        | "seien"
                        | "wäre"
                        | "wären"
                        | "bleibt"
                        | "blieb"
                        | "bleiben"
                        | "wird"
                        | "werden"
                        | "wurde"
                        | "wurden"
                        | "bin"
                        | "bist"
                        | "seid"
                        | "warst"
                )
            });
        // Numbers each finite verb allows (lexicon, narrowed by the model's choice).
        let mut slots: Vec<Mask> = verbs
            .iter()
            .map(|&v| {
                let t = stts(out, v).unwrap_or(Stts::Vvfin);
                let lm = mask_for(masks, v, t);
                let mut nm = 0;
                for num in 0..2 {
                    if lm & number_mask(num) != 0 {
                        nm |= number_mask(num);
                    }
                }
                if plural_verbs.contains(&v) {
                    return number_mask(1);
                }
                // The model's number, where the lexicon allows it.
                if let Some(x) = out[v].feats.number {
                    let mm = nm & number_mask(idx(&NUMBERS, &x));
                    if mm != 0 {
                        nm = mm;
                    }
                }
                nm
            })
            .collect();
        // No verb at all (headlines, lists, appositions): the first phrase is nominative.
        // A clause with only non-finite verbs (`die Gespräche zu blockieren`) has no
        // subject of its own.
        let verbless = verbs.is_empty()
            && !tokens().any(|v| {
                out[v].upos == sitrep_core::Upos::Verb
                    || out[v].upos == sitrep_core::Upos::Aux
                    || stts(out, v) == Some(Stts::Ptkzu)
            });
        let in_clause: Vec<usize> = (0..phrases.len())
            .filter(|&k| inside(phrases[k].head) && !phrases[k].prep && conj_of[k].is_none())
            .collect();
        // Phrases that can only be nominative fill a slot first.
        let mut verbless_nom = verbless;
        for &k in &in_clause {
            if phrases[k].mask & !case_mask(0) == 0 {
                verbless_nom = false;
                if let Some(p) = slots.iter().position(|&nm| nm & phrases[k].mask != 0) {
                    if !copula {
                        slots.remove(p);
                    }
                }
                decided[k] = true;
            }
        }
        for &k in &in_clause {
            if decided[k] {
                continue;
            }
            // Coordinated subjects take a plural verb.
            let coordinated = conj_of.contains(&Some(k))
                && (0..phrases.len()).any(|j| {
                    conj_of[j] == Some(k)
                        && stts(out, pool[phrases[j].members.start].saturating_sub(1))
                            == Some(Stts::Kon)
                });
            let p = &mut phrases[k];
            if p.mask & case_mask(0) == 0 {
                continue;
            }
            let want = if coordinated {
                case_mask(0)
            } else {
                p.mask & case_mask(0)
            };
            let slot = slots.iter().position(|&nm| want & nm != 0);
            if let Some(si) = slot {
                p.mask &= case_mask(0);
                if !coordinated && p.mask & slots[si] != 0 {
                    p.mask &= slots[si];
                }
                if !copula {
                    slots.remove(si);
                }
            } else if verbless_nom {
                // Fragments without a verb (headlines, lists, captions) name things in
                // the nominative.
                p.mask &= case_mask(0);
            } else if p.mask & !case_mask(0) != 0 {
                p.mask &= !case_mask(0);
            }
            decided[k] = true;
        }
    }
    // 4b. Objects: a clause with a finite verb has at most one accusative object among
    //     its bare phrases; when none is certain, the last phrase that can be accusative
    //     is (the direct object follows the indirect one), and the others are not.
    {
        for clause in &clauses {
            let inside = |k: usize| clause.iter().any(|&(a, b)| k >= a && k < b);
            let mut tokens = clause.iter().flat_map(|&(a, b)| a..b);
            if !tokens.any(|v| stts(out, v).is_some_and(is_finite)) {
                continue;
            }
            let objs: Vec<usize> = (0..phrases.len())
                .filter(|&k| {
                    inside(phrases[k].head)
                        && !phrases[k].prep
                        && conj_of[k].is_none()
                        && phrases[k].mask & case_mask(0) == 0
                        && phrases[k].mask & case_mask(1) != 0
                })
                .collect();
            if objs.iter().any(|&k| phrases[k].mask & !case_mask(1) == 0) {
                continue;
            }
            if let Some(&last) = objs.last() {
                phrases[last].mask &= case_mask(1);
                for &k in &objs[..objs.len() - 1] {
                    if phrases[k].mask & case_mask(2) != 0 {
                        phrases[k].mask &= !case_mask(1);
                    }
                }
            }
        }
    }
    for k in 0..phrases.len() {
        if let Some(a) = conj_of[k] {
            let shared = phrases[a].mask;
            let mut cm = 0;
            for c in cases_in(shared) {
                cm |= case_mask(c);
            }
            if phrases[k].mask & cm != 0 {
                phrases[k].mask &= cm;
            }
        }
    }
    // 5. One combination per phrase, closest to the model's own choice for the head
    //    (case, number and gender each count), then by a fixed preference of cases.
    for p in &phrases {
        let hf = out[p.head].feats;
        let order: [usize; 4] = if p.prep { [2, 1, 3, 0] } else { [1, 2, 0, 3] };
        let mut best: Option<(i32, usize)> = None;
        // The combinations of the mask, lowest bit first.
        let mut rest = p.mask & ALL;
        while rest != 0 {
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let (c, num, g) = (bit / 6, (bit % 6) / 3, bit % 3);
            let mut score = 0i32;
            if hf.case.is_some_and(|x| idx(&CASES, &x) == c) {
                score += 4;
            }
            if hf.number.is_some_and(|x| idx(&NUMBERS, &x) == num) {
                score += 4;
            }
            if hf.gender.is_some_and(|x| idx(&GENDERS, &x) == g) {
                score += 2;
            }
            score -= order.iter().position(|&o| o == c).unwrap_or(3) as i32;
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, bit));
            }
        }
        let Some((_, bit)) = best else { continue };
        let (c, num) = (bit / 6, (bit % 6) / 3);
        let m = p.mask & case_mask(c) & number_mask(num);
        let genders: Vec<usize> = (0..3).filter(|&g| m & gender_mask(g) != 0).collect();
        let gender = if genders.len() == 1 {
            Some(genders[0])
        } else {
            Some(bit % 3).filter(|_| hf.gender.is_some())
        };
        for &k in &pool[p.members.clone()] {
            let Some(t) = stts(out, k) else { continue };
            let f = &mut out[k].feats;
            f.case = Some(CASES[c]);
            f.number = Some(NUMBERS[num]);
            let plural_det = num == 1 && (is_det(t) || t == Stts::Apprart);
            f.gender = if plural_det || is_pron_head(t) && num == 1 {
                None
            } else {
                gender.map(|g| GENDERS[g]).or(f.gender)
            };
        }
    }
}
