//! German clauses over STTS tags.
//!
//! **Splitting.** The sentence is cut at commas, `;`, `:`, dashes and brackets into
//! segments. A segment opened by a subordinating conjunction (`KOUS`: *dass*, *weil*, *ob*;
//! `KOUI`: *um*, *ohne*, *statt*), a relative pronoun (`PRELS`, `PRELAT`, also after a
//! preposition: *mit dem*, *in deren*), or, after a comma, an interrogative (*was*, *wie*,
//! *wo*, *womit*) starts a subordinate or relative clause; a segment with a `zu`-infinitive
//! and no finite verb starts an infinitive clause. Any other segment continues the open
//! clause when that clause still lacks its finite verb (*Die Soldaten, [die …], sollen
//! abziehen*) or when the segment has only non-finite verbs or none (the right bracket:
//! *hat die Truppen, [die dort standen], abgezogen*); otherwise it starts a main clause.
//! One exception: a verbless opening before the first comma followed by a segment that
//! opens with a full finite verb and names its subject (*Ein Wahnsinn, sagt der
//! Bürgermeister*) is a quoted fragment and stays a verbless clause of its own.
//! Finally a clause is split at a coordinating conjunction (`KON`) when the part before it
//! has a verb and the part after it (up to the next `KON`) has a finite verb, or both
//! parts have a non-finite verb (*wurden festgenommen und verhört*); a part without a
//! finite verb then shares its neighbour's finite verb and auxiliaries.
//!
//! **Verb complex.** The governing chain is the finite verb followed by the clause's
//! non-finite verbs in reverse text order (German verb clusters put the most deeply
//! embedded verb first: *verlegt werden soll*, *abziehen müssen*). Walking the chain:
//! *haben* + participle (or Ersatzinfinitiv) → perfect; *sein* + *worden* → perfect;
//! *sein* + participle → perfect when the verb takes *sein* (`data/sein-perfect.de.txt`),
//! else the state passive; *werden* + infinitive → future; *werden* + participle →
//! passive; a modal + infinitive → the modal. Steps below a modal change the voice but not
//! the tense. The last verb of the chain is the main verb; a separated particle (`PTKVZ`)
//! is joined to it when the main verb is the finite verb.
//!
//! **Known limits.** Without a parser, a relative clause or a comma-less insertion can
//! still confuse the split; `sein` + participle of a verb that takes either auxiliary
//! (*ist gefahren* / *hat gefahren*) is read as a perfect; the mood is only as good as the
//! tagger's `Mood` feature (*sie haben* is indicative or Konjunktiv I by form).

use crate::{
    fold_tense, make_clause, At, Clause, ClauseAnalyzer, ClauseKind, ClauseMood, Modal, PassiveAux,
    Steps, VerbComplex, Word,
};
use sitrep_core::lower::lower;
use sitrep_core::{Degree, Mood, Stts, Tense, VerbForm, Xpos};

/// Separable verb particles (for the `sein` list's prefix rule only; joining uses the
/// tagger's `PTKVZ`).
pub const SEPARABLE_PARTICLES: &[&str] = &[
    "zurück", "zusammen", "hinaus", "heraus", "hinein", "herein", "heran", "herbei", "voran",
    "vorbei", "weiter", "davon", "entgegen", "fort", "nach", "ab", "an", "auf", "aus", "bei",
    "ein", "los", "mit", "vor", "weg", "zu", "um", "durch", "über",
];

const MODALS: &[&str] = &[
    "können", "müssen", "sollen", "wollen", "dürfen", "mögen", "möchten",
];

/// The word's STTS tag, with one repair: a separable particle word the tagger read as a
/// verb or predicative adjective (`über/VVINF`, `über/ADJD`) is a particle; no verb form is
/// spelled like one.
fn repaired_stts<W: Word>(w: &W) -> Option<Stts> {
    match w.xpos() {
        Xpos::Stts(t)
            if (t.is_verb() || t == Stts::Adjd) && SEPARABLE_PARTICLES.contains(&w.text()) =>
        {
            Some(Stts::Ptkvz)
        }
        Xpos::Stts(t) => Some(t),
        Xpos::Penn(_) => None,
    }
}

/// A word whose repaired tag ([`repaired_stts`]) is known. The rules ask for the tag of the
/// same words many times per sentence (every segment, coordination part and chain step), so
/// [`analyze`] computes it once per word ([`Cached`]).
trait Tagged: Word {
    fn stts(&self) -> Option<Stts>;
}

/// The word's repaired tag, as the rules read it.
fn stts<W: Tagged>(w: &W) -> Option<Stts> {
    w.stts()
}

/// A word with its repaired tag computed once.
struct Cached<'w, W> {
    word: &'w W,
    stts: Option<Stts>,
}

fn cached<W: Word>(words: &[W]) -> Vec<Cached<'_, W>> {
    words
        .iter()
        .map(|word| Cached {
            word,
            stts: repaired_stts(word),
        })
        .collect()
}

impl<W: Word> Tagged for Cached<'_, W> {
    fn stts(&self) -> Option<Stts> {
        self.stts
    }
}

impl<W: Word> Word for Cached<'_, W> {
    fn text(&self) -> &str {
        self.word.text()
    }
    fn span(&self) -> sitrep_core::Span {
        self.word.span()
    }
    fn upos(&self) -> sitrep_core::Upos {
        self.word.upos()
    }
    fn xpos(&self) -> Xpos {
        self.word.xpos()
    }
    fn lemma(&self) -> &str {
        self.word.lemma()
    }
    fn feats(&self) -> sitrep_core::Feats {
        self.word.feats()
    }
}

fn is_finite(t: Stts) -> bool {
    matches!(
        t,
        Stts::Vvfin | Stts::Vafin | Stts::Vmfin | Stts::Vvimp | Stts::Vaimp
    )
}

fn is_participle<W: Tagged>(w: &W) -> bool {
    matches!(stts(w), Some(Stts::Vvpp | Stts::Vapp | Stts::Vmpp))
        || (w.feats().verb_form == Some(VerbForm::Part) && stts(w).is_some_and(Stts::is_verb))
}

fn is_infinitive<W: Tagged>(w: &W) -> bool {
    matches!(
        stts(w),
        Some(Stts::Vvinf | Stts::Vainf | Stts::Vminf | Stts::Vvizu)
    )
}

fn lemma_lc<W: Word>(w: &W) -> String {
    lemma_lower(w).into_owned()
}

/// The lemma (the word when it has none) in lower case.
fn lemma_lower<W: Word>(w: &W) -> std::borrow::Cow<'_, str> {
    let l = w.lemma();
    lower(if l.is_empty() || l == "_" {
        w.text()
    } else {
        l
    })
}

fn is_modal<W: Tagged>(w: &W) -> bool {
    matches!(stts(w), Some(Stts::Vmfin | Stts::Vminf | Stts::Vmpp))
        || MODALS.contains(&lemma_lower(w).as_ref())
}

/// Negating words: `nicht`, `kein…`, `nie`, `niemals`, `nichts`, `niemand`, `nirgends`,
/// `keinerlei`, `weder`.
pub fn is_negation<W: Word>(w: &W) -> bool {
    // (`repaired_stts` never yields PTKNEG, so the tagger's tag is read directly)
    if matches!(w.xpos(), Xpos::Stts(Stts::Ptkneg)) {
        return true;
    }
    const NEGATING: &[&str] = &[
        "nicht",
        "nie",
        "niemals",
        "nichts",
        "niemand",
        "niemanden",
        "niemandem",
        "nirgends",
        "nirgendwo",
        "weder",
    ];
    // Asked of every word of every clause: an ASCII word is compared ignoring case instead
    // of being lower-cased into a new string (the same answer; other words lower-case, as
    // a non-ASCII letter may lower-case to an ASCII one).
    let t = w.text();
    if t.is_ascii() {
        return match t.as_bytes().first().map(u8::to_ascii_lowercase) {
            Some(b'k') => t.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("kein")),
            Some(b'n' | b'w') => NEGATING.iter().any(|n| t.eq_ignore_ascii_case(n)),
            _ => false,
        };
    }
    let t = lower(t);
    t.starts_with("kein") || NEGATING.contains(&t.as_ref())
}

fn is_boundary<W: Tagged>(w: &W) -> bool {
    match stts(w) {
        Some(Stts::Comma | Stts::Period) => true,
        Some(Stts::Other) => matches!(w.text(), "–" | "—" | "(" | ")" | "[" | "]" | "--"),
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    None,
    Sub,
    Rel,
    Inf,
}

/// How a segment (words between boundaries) opens.
fn opener<W: Tagged>(words: &[W], seg: &[usize], after_comma: bool) -> Opener {
    let Some(&first) = seg.first() else {
        return Opener::None;
    };
    // "und dass", "aber weil": look past one coordinating conjunction.
    let start = if stts(&words[first]) == Some(Stts::Kon) && seg.len() > 1 {
        1
    } else {
        0
    };
    let Some(&f) = seg.get(start) else {
        return Opener::None;
    };
    let has_zu = seg
        .iter()
        .any(|&j| matches!(stts(&words[j]), Some(Stts::Vvizu | Stts::Ptkzu)));
    // `um/ohne/statt … zu`, whatever the tagger made of the conjunction.
    if has_zu
        && matches!(
            lower(words[f].text()).as_ref(),
            "um" | "ohne" | "statt" | "anstatt"
        )
    {
        return Opener::Inf;
    }
    match stts(&words[f]) {
        Some(Stts::Kous) => return Opener::Sub,
        Some(Stts::Koui) => return Opener::Inf,
        Some(Stts::Prels | Stts::Prelat) => return Opener::Rel,
        Some(Stts::Pws | Stts::Pwav | Stts::Pwat) if after_comma => return Opener::Sub,
        Some(Stts::Appr | Stts::Apprart) => {
            // `Während die Streitigkeiten weitergehen`: `während` (and `seit`, `bis`)
            // opening a segment that ends in a finite verb (or a plural present the
            // tagger read as an infinitive) is the subordinator, whatever the tagger says
            if matches!(lower(words[f].text()).as_ref(), "während" | "seit" | "bis")
                && seg.len() > start + 2
                && seg.last().is_some_and(|&l| {
                    stts(&words[l]).is_some_and(|t| is_finite(t) || t == Stts::Vvinf)
                })
            {
                return Opener::Sub;
            }
            // "mit dem", "in deren Hauptstadt", "gegen wen".
            for &j in seg.iter().skip(start + 1).take(2) {
                match stts(&words[j]) {
                    Some(Stts::Prels | Stts::Prelat) => return Opener::Rel,
                    Some(Stts::Pws | Stts::Pwat) if after_comma => return Opener::Sub,
                    _ => {}
                }
            }
        }
        _ => {}
    }
    let has_finite = seg.iter().any(|&j| stts(&words[j]).is_some_and(is_finite));
    if has_zu && !has_finite && after_comma {
        return Opener::Inf;
    }
    Opener::None
}

struct Open {
    kind: ClauseKind,
    words: Vec<usize>,
}

fn has_finite<W: Tagged>(words: &[W], ix: &[usize]) -> bool {
    ix.iter().any(|&j| stts(&words[j]).is_some_and(is_finite))
}

fn has_verb<W: Tagged>(words: &[W], ix: &[usize]) -> bool {
    ix.iter()
        .any(|&j| stts(&words[j]).is_some_and(Stts::is_verb))
}

fn has_nonfinite<W: Tagged>(words: &[W], ix: &[usize]) -> bool {
    ix.iter()
        .any(|&j| stts(&words[j]).is_some_and(|t| t.is_verb() && !is_finite(t)))
}

/// A segment that starts with a (non-participle) verb and has a noun or pronoun after it.
fn verb_first_clause<W: Tagged>(words: &[W], seg: &[usize]) -> bool {
    let Some(&f) = seg.first() else {
        return false;
    };
    stts(&words[f]).is_some_and(Stts::is_verb)
        && !is_participle(&words[f])
        && seg[1..].iter().any(|&j| {
            matches!(
                stts(&words[j]),
                Some(Stts::Nn | Stts::Ne | Stts::Pper | Stts::Pis | Stts::Pds)
            )
        })
}

/// Is the open clause still waiting for material (its finite verb)?
fn incomplete<W: Tagged>(words: &[W], c: &Open) -> bool {
    c.kind != ClauseKind::Infinitive && !has_finite(words, &c.words)
}

pub(crate) fn analyze<W: Word>(a: &ClauseAnalyzer, words: &[W]) -> Vec<Clause> {
    analyze_tagged(a, &cached(words))
}

fn analyze_tagged<W: Tagged>(a: &ClauseAnalyzer, words: &[W]) -> Vec<Clause> {
    // 1. Segments between boundaries: the runs of other words (each collected from its
    // range at once, not grown word by word).
    let mut segments: Vec<Vec<usize>> = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if is_boundary(w) {
            if start < i {
                segments.push((start..i).collect());
            }
            start = i + 1;
        }
    }
    if start < words.len() {
        segments.push((start..words.len()).collect());
    }

    // 2. Segments → clauses with a stack of open clauses.
    let mut done: Vec<Open> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (n, seg) in segments.into_iter().enumerate() {
        let op = opener(words, &seg, n > 0);
        let kind = match op {
            Opener::Sub => Some(ClauseKind::Subordinate),
            Opener::Rel => Some(ClauseKind::Relative),
            Opener::Inf => Some(ClauseKind::Infinitive),
            Opener::None => None,
        };
        if let Some(kind) = kind {
            stack.push(Open { kind, words: seg });
            continue;
        }
        // A continuation: close finished embedded clauses first.
        while stack.len() > 1 && stack.last().is_some_and(|c| !incomplete(words, c)) {
            if let Some(c) = stack.pop() {
                done.push(c);
            }
        }
        let seg_finite = has_finite(words, &seg);
        // `Ein Wahnsinn, sagt der Bürgermeister`: a verbless opening and a segment that
        // starts with a full finite verb and names its subject after it are a quoted
        // fragment and its reporting clause, not one clause (a Vorfeld is never cut off by
        // a comma; `Die Soldaten, [die …], sollen abziehen` has a clause between)
        let fragment = |top: &Open| {
            // (one comma, right before the segment, and none earlier: a dateline dash may
            // stand before the fragment, an apposition in commas may not: `Der Präsident,
            // Joe Biden, sagte`; nor a bracket: `Brandt (54.), Bellarabi (56.) und X (60.)
            // trafen`)
            let from = top.words.first().copied().unwrap_or(0);
            let to = seg.first().copied().unwrap_or(0);
            let commas = words[from..to].iter().filter(|w| w.text() == ",").count();
            commas == 1
                && words[to - 1].text() == ","
                && stack.len() == 1
                && top.kind == ClauseKind::Main
                && !has_verb(words, &top.words)
                && seg
                    .first()
                    .is_some_and(|&f| stts(&words[f]) == Some(Stts::Vvfin))
                && verb_first_clause(words, &seg)
        };
        let attach = match stack.last() {
            None => false,
            Some(top) if fragment(top) => false,
            // `…, sagen Kritiker`: a verb-first segment with its own subject is a new
            // (reporting) clause even when the tagger missed the finite verb.
            Some(top) => incomplete(words, top) || (!seg_finite && !verb_first_clause(words, &seg)),
        };
        if attach {
            if let Some(top) = stack.last_mut() {
                top.words.extend(seg);
            }
        } else {
            done.append(&mut stack);
            stack.push(Open {
                kind: ClauseKind::Main,
                words: seg,
            });
        }
    }
    done.extend(stack);

    // 3. Coordination inside each clause, then the verb complexes.
    let mut out = Vec::new();
    for c in done {
        let parts = split_coordination(words, &c.words);
        let n = parts.len();
        let chains: Vec<(Vec<usize>, bool)> =
            parts.iter().map(|p| chain(words, p, c.kind)).collect();
        for (k, part) in parts.iter().enumerate() {
            let (mut ch, mut has_finite) = chains[k].clone();
            let mut shared = false;
            if !has_finite && !ch.is_empty() && n > 1 && c.kind != ClauseKind::Infinitive {
                // Borrow the finite verb and auxiliaries of the nearest sibling that has
                // them: previous first, else the next.
                let donor = (0..k)
                    .rev()
                    .chain(k + 1..n)
                    .find(|&d| chains[d].0.len() > 1 && chains[d].1);
                if let Some(d) = donor {
                    let prefix = &chains[d].0[..chains[d].0.len() - 1];
                    let mut borrowed = prefix.to_vec();
                    borrowed.extend(ch);
                    ch = borrowed;
                    shared = true;
                    has_finite = true;
                }
            }
            if !has_finite {
                if let Some(p) = promote_finite(words, part, c.kind) {
                    ch = p;
                    has_finite = true;
                }
            }
            let verb = complex(a, words, part, &ch, has_finite, shared);
            out.push(make_clause(
                words,
                c.kind,
                part.iter().map(|&j| j as u32).collect(),
                verb,
            ));
        }
    }
    out.sort_by_key(|c| c.words.first().copied().unwrap_or(0));
    out
}

/// Splits a clause's words at coordinating conjunctions that join two verbal parts.
fn split_coordination<W: Tagged>(words: &[W], ix: &[usize]) -> Vec<Vec<usize>> {
    let mut parts = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < ix.len() {
        let j = ix[k];
        if stts(&words[j]) == Some(Stts::Kon) && !cur.is_empty() {
            // The right part: up to the next KON.
            let right: Vec<usize> = ix[k + 1..]
                .iter()
                .copied()
                .take_while(|&r| stts(&words[r]) != Some(Stts::Kon))
                .collect();
            let split = has_verb(words, &cur)
                && (has_finite(words, &right)
                    || (has_nonfinite(words, &cur) && has_nonfinite(words, &right)));
            if split {
                parts.push(std::mem::take(&mut cur));
            }
        }
        cur.push(j);
        k += 1;
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

/// The governing chain: finite verb first, then the non-finite verbs most-governing first
/// (reverse text order). The finite verb is the first finite-tagged verb (the last in a
/// verb-final clause); other finite-tagged verbs are read as non-finite (`können` in
/// `hätte … unterschreiben können` is a finite form too). Returns the chain and whether its
/// head is the finite verb.
fn chain<W: Tagged>(words: &[W], ix: &[usize], kind: ClauseKind) -> (Vec<usize>, bool) {
    let finite: Vec<usize> = ix
        .iter()
        .copied()
        .filter(|&j| stts(&words[j]).is_some_and(is_finite))
        .collect();
    let head = match kind {
        ClauseKind::Main => finite.first().copied(),
        _ => finite.last().copied(),
    };
    // `Vereinzelt haben sich … angeschlossen`: a participle before the finite verb of a
    // main clause is an adverb when a full verb follows in the right bracket (a fronted
    // participle that is the clause's verb stands alone: `Gewählt werden soll im Herbst`)
    let bracket = |h: usize| {
        ix.iter().any(|&j| {
            j > h
                && matches!(
                    stts(&words[j]),
                    Some(Stts::Vvpp | Stts::Vvinf | Stts::Vvizu)
                )
        })
    };
    let fronted = |j: usize| {
        kind == ClauseKind::Main
            && head.is_some_and(|h| j < h && bracket(h))
            && is_participle(&words[j])
    };
    let mut ch: Vec<usize> = head.into_iter().collect();
    ch.extend(
        ix.iter().rev().copied().filter(|&j| {
            Some(j) != head && stts(&words[j]).is_some_and(Stts::is_verb) && !fronted(j)
        }),
    );
    (ch, head.is_some())
}

/// A clause without a finite-tagged verb (the tagger read `dauern`, `sagen`,
/// `zurückkehren` as infinitives): promote the first verb of a main clause, or the last
/// verb of a subordinate or relative clause, unless it is a participle or `zu`-infinitive.
fn promote_finite<W: Tagged>(words: &[W], ix: &[usize], kind: ClauseKind) -> Option<Vec<usize>> {
    let verbs: Vec<usize> = ix
        .iter()
        .copied()
        .filter(|&j| stts(&words[j]).is_some_and(Stts::is_verb))
        .collect();
    let cand = match kind {
        ClauseKind::Main => verbs.first().copied(),
        ClauseKind::Subordinate | ClauseKind::Relative => verbs.last().copied(),
        ClauseKind::Infinitive => None,
    }?;
    if is_participle(&words[cand]) || stts(&words[cand]) == Some(Stts::Vvizu) {
        return None;
    }
    let mut ch = vec![cand];
    ch.extend(verbs.iter().rev().copied().filter(|&j| j != cand));
    Some(ch)
}

/// Konjunktiv forms that are unambiguous by spelling, overriding the tagger: `hätte`,
/// `wäre`, `würde`, `könnte`, `müsste`, `dürfte`, `möchte` (Konjunktiv II) and `sei`,
/// `seien` and the singular modals `müsse`, `dürfe`, `könne`, `solle`, `wolle`, `möge`
/// (Konjunktiv I: the indicative is `muss`, `darf`, …; the tagger reads some as past
/// tense), the modals' past indicative `musste`, `durfte`, `konnte` (no umlaut; the tagger
/// reads some as Konjunktiv II), and a third person singular present ending in `-e` (`werde`,
/// `habe`, `gebe`: the indicative ends in `-t` or is a modal, `ist`, `hat`, `wird`).
/// Returns the mood and whether the form counts as past (Konjunktiv II).
fn mood_by_form<W: Tagged>(w: &W) -> Option<(ClauseMood, bool)> {
    let t = lower(w.text());
    const K2: &[&str] = &["hätt", "wär", "würd", "könnt", "müsst", "dürft", "möcht"];
    if K2.iter().any(|p| t.starts_with(p)) {
        return Some((ClauseMood::KonjII, true));
    }
    if matches!(
        t.as_ref(),
        "sei" | "seien" | "seiest" | "müsse" | "dürfe" | "könne" | "solle" | "wolle" | "möge"
    ) {
        return Some((ClauseMood::KonjI, false));
    }
    // the past indicative of a modal has no umlaut (`mussten`; `müssten` is Konjunktiv II)
    if matches!(
        t.as_ref(),
        "musste" | "mussten" | "durfte" | "durften" | "konnte" | "konnten"
    ) {
        return Some((ClauseMood::Ind, true));
    }
    let f = w.feats();
    if f.person == Some(sitrep_core::Person::Third)
        && f.number == Some(sitrep_core::Number::Sing)
        && f.tense != Some(Tense::Past)
        && t.ends_with('e')
        && stts(w).is_some_and(is_finite)
    {
        return Some((ClauseMood::KonjI, false));
    }
    None
}

fn finite_mood<W: Tagged>(w: &W) -> ClauseMood {
    let f = w.feats();
    match (f.mood, f.tense) {
        (Some(Mood::Imp), _) => ClauseMood::Imp,
        (Some(Mood::Sub), Some(Tense::Past)) | (Some(Mood::Cnd), _) => ClauseMood::KonjII,
        (Some(Mood::Sub), _) => ClauseMood::KonjI,
        (Some(Mood::Ind), _) => ClauseMood::Ind,
        (None, _) => match stts(w) {
            Some(Stts::Vvimp | Stts::Vaimp) => ClauseMood::Imp,
            _ => ClauseMood::Ind,
        },
    }
}

fn complex<W: Tagged>(
    a: &ClauseAnalyzer,
    words: &[W],
    clause: &[usize],
    ch: &[usize],
    has_finite: bool,
    shared: bool,
) -> Option<VerbComplex> {
    let &main = ch.last()?;
    let finite = ch.first().copied().filter(|_| has_finite);
    // Below the head, a finite-tagged verb is read by its form: `-n` infinitive, `-t`
    // participle (`werde überprüft` tagged `VVFIN`).
    let inf = |j: usize| {
        is_infinitive(&words[j])
            || (stts(&words[j]).is_some_and(is_finite) && words[j].text().ends_with('n'))
    };
    let part = |j: usize| {
        is_participle(&words[j])
            || (stts(&words[j]).is_some_and(is_finite) && words[j].text().ends_with('t'))
    };
    let mut steps = Steps::default();
    let mut modal: Option<Modal> = None;
    let mut passive: Option<PassiveAux> = None;
    for pair in ch.windows(2) {
        let (g, d) = (&words[pair[0]], &words[pair[1]]);
        let (d_inf, d_part) = (inf(pair[1]), part(pair[1]));
        let gl = lemma_lc(g);
        let counts = modal.is_none();
        if is_modal(g) && d_inf {
            if modal.is_none() {
                modal = Some(Modal {
                    at: At::of(words, pair[0]),
                    lemma: gl,
                });
            }
            continue;
        }
        match gl.as_str() {
            // After `haben`/`sein` a finite-tagged verb can only be a participle
            // (`umgangen/VVFIN`); a modal there is an Ersatzinfinitiv.
            "haben" if d_part || is_modal(d) || stts(d).is_some_and(is_finite) => {
                steps.perfect |= counts
            }
            "sein" if d_part || (stts(d).is_some_and(is_finite) && !is_modal(d)) => {
                let dl = lemma_lc(d);
                if dl == "werden" || a.takes_sein(&dl) {
                    steps.perfect |= counts;
                } else {
                    passive = Some(PassiveAux::Sein);
                }
            }
            "werden" if d_part => passive = Some(PassiveAux::Werden),
            "werden" if d_inf && stts(d) != Some(Stts::Vvizu) => {
                steps.future |= counts;
            }
            _ => {}
        }
    }
    // Joined lemma: a separated particle belongs to a finite main verb and stands in the
    // right bracket (last in the clause, or followed only by verbs). A particle word the
    // tagger read as a preposition or adverb counts there too (`liefen zur Armee über`);
    // `sein` and `werden` take no particle (`bereit sein`).
    let base = lemma_lc(&words[main]);
    let in_bracket = |p: usize| {
        clause
            .iter()
            .filter(|&&j| j > p)
            .all(|&j| stts(&words[j]).is_some_and(Stts::is_verb))
    };
    let particle = clause
        .iter()
        .rev()
        .copied()
        .find(|&j| {
            stts(&words[j]) == Some(Stts::Ptkvz)
                || (matches!(stts(&words[j]), Some(Stts::Appr | Stts::Adv))
                    && SEPARABLE_PARTICLES.contains(&words[j].text()))
        })
        .filter(|&p| {
            Some(main) == finite && p > main && in_bracket(p) && base != "sein" && base != "werden"
        });
    let lemma = match particle {
        Some(p) => {
            let pt = words[p].text().to_lowercase();
            if base.starts_with(&pt) {
                base
            } else {
                format!("{pt}{base}")
            }
        }
        None => {
            // `sprach den Angeklagten schuldig`, `bekennt sich für schuldig`: a verdict or
            // plea joins its predicative adjective (`schuldigsprechen`), the way a
            // separable verb joins its particle; the verb alone means something else
            let verdict = matches!(
                base.as_str(),
                "sprechen" | "bekennen" | "befinden" | "erklären"
            );
            match clause.iter().find(|&&j| {
                verdict
                    && stts(&words[j]) == Some(Stts::Adjd)
                    && matches!(lemma_lc(&words[j]).as_str(), "schuldig" | "unschuldig")
            }) {
                Some(&j) => format!("{}{base}", lemma_lc(&words[j])),
                None => base,
            }
        }
    };
    let (mood, tense) = match finite {
        Some(f) => {
            let fw = &words[f];
            let (mood, past) = match mood_by_form(fw) {
                Some((m, past)) => (m, past),
                None => (finite_mood(fw), fw.feats().tense == Some(Tense::Past)),
            };
            // A verb-first sentence ending in `!` is an imperative (`Zieht eure Truppen ab!`).
            let imperative = f == 0 && words.last().is_some_and(|w| w.text() == "!");
            let mood = if imperative { ClauseMood::Imp } else { mood };
            (Some(mood), Some(fold_tense(past, steps)))
        }
        None => (None, None),
    };
    Some(
        crate::Parts {
            finite,
            main,
            particle,
            chain: ch,
            clause,
            lemma,
            mood,
            tense,
            passive,
            modal,
            shared_finite: shared,
        }
        .build(words, is_negation::<W>),
    )
    .map(|mut v| {
        // `nicht nur X, sondern auch Y` adds; it negates nothing
        if let Some(n) = v.negation {
            let i = n.index as usize;
            let only = words.get(i + 1).is_some_and(|w| {
                matches!(
                    lower(w.text()).as_ref(),
                    "nur" | "bloß" | "allein" | "lediglich" | "einzig"
                )
            });
            if only && words[i].text().eq_ignore_ascii_case("nicht") {
                v.negation = clause
                    .iter()
                    .copied()
                    .filter(|&j| j > i + 1)
                    .find(|&j| is_negation(&words[j]))
                    .map(|j| At::of(words, j));
            }
        }
        // `reagierten wenig erfreut`, `zeigte sich wenig begeistert`: `wenig` before the
        // participle that is the clause's verb, or before a predicative adjective in the
        // positive degree (not `wenig später`), denies it; so does `weniger` before the
        // predicate of `sein`, `bleiben` or `sich zeigen` with no `als` after it (`Weniger
        // zufrieden ist man bei …`: less pleased is displeased; not `kritisierte weniger
        // scharf als …`)
        let predicate = matches!(
            words[v.main.index as usize].lemma(),
            "sein" | "bleiben" | "zeigen" | "geben"
        ) && !clause.iter().any(|&j| words[j].text() == "als");
        if v.negation.is_none() {
            v.negation = clause
                .iter()
                .copied()
                .find(|&i| {
                    (words[i].text().eq_ignore_ascii_case("wenig")
                        || predicate && words[i].text().eq_ignore_ascii_case("weniger"))
                        && words.get(i + 1).is_some_and(|n| {
                            i + 1 == v.main.index as usize && stts(n) == Some(Stts::Vvpp)
                                || stts(n) == Some(Stts::Adjd)
                                    && n.feats().degree.is_none_or(|d| d == Degree::Pos)
                        })
                })
                .map(|i| At::of(words, i));
        }
        v
    })
}

#[cfg(test)]
mod tests {
    use super::Tagged;
    use crate::testing::tagged;
    use crate::*;
    use sitrep_core::{Language, Stts, Xpos};

    const IND_PAST: &str = "Mood=Ind|Tense=Past|VerbForm=Fin";
    const IND_PRES: &str = "Mood=Ind|Tense=Pres|VerbForm=Fin";

    fn expand(s: &str) -> String {
        s.replace("{IP}", IND_PAST)
            .replace("{IPR}", IND_PRES)
            .replace("{K1}", "Mood=Sub|Tense=Pres|VerbForm=Fin")
            .replace("{K2}", "Mood=Sub|Tense=Past|VerbForm=Fin")
    }

    fn run(s: &str) -> Vec<Clause> {
        ClauseAnalyzer::new().analyze(Language::De, &tagged(&expand(s)))
    }

    /// The uncached reading: the repaired tag computed on every call, as before the cache.
    impl super::Tagged for crate::testing::TestWord {
        fn stts(&self) -> Option<Stts> {
            super::repaired_stts(self)
        }
    }

    /// The tags cached once per sentence are the computed ones (the particle repair
    /// included), the cached words answer every other question as the words do, and the
    /// analysis over the cache equals the analysis computing each tag on every call.
    #[test]
    fn cached_tags_are_the_computed_ones() {
        let a = ClauseAnalyzer::new();
        let mut repaired = 0;
        for s in [
            "Die/ART Rebellen/NN liefen/VVFIN/laufen/{IP} zur/APPRART Armee/NN über/VVINF ./$.",
            "Die/ART Rebellen/NN liefen/VVFIN/laufen/{IP} zur/APPRART Armee/NN über/ADJD ./$.",
            "Die/ART KPÖ/NE lehnte/VVFIN/ablehnen/{IP} Kurzmann/NE nicht/PTKNEG ab/VVFIN ./$.",
            "Die/ART Kämpfe/NN dauern/VVINF/dauern an/PTKVZ ,/$, weil/KOUS niemand/PIS nachgibt/VVFIN/nachgeben/{IPR} ./$.",
            "Die/ART Soldaten/NN ,/$, die/PRELS an/APPR der/ART Grenze/NN standen/VVFIN/stehen/{IP} ,/$, sollen/VMFIN/sollen/{IPR} abziehen/VVINF/abziehen ./$.",
            "Die/ART EU/NE forderte/VVFIN/fordern/{IP} Russland/NE auf/ADJD ,/$, die/ART Truppen/NN abzuziehen/VVIZU/abziehen ./$.",
            "Er/PPER hätte/VAFIN/haben/{K2} den/ART Angriff/NN verhindern/VVINF/verhindern können/VMINF/können und/KON wurde/VAFIN/werden/{IP} festgenommen/VVPP/festnehmen ./$.",
            "Moskau/NE protestierte/VVFIN/protestieren/{IP} und/KON zog/VVFIN/ziehen/{IP} nicht/PTKNEG zurück/VVPP ./$.",
            "Damit/PAV werde/VAFIN/werden/{K1} die/ART Abschreckung/NN gestärkt/VVPP/stärken ,/$, sagen/VVINF/sagen Kritiker/NN ./$.",
        ] {
            let s = expand(s);
            let words = tagged(&s);
            let cached = super::cached(&words);
            assert_eq!(cached.len(), words.len());
            for (w, c) in words.iter().zip(&cached) {
                assert_eq!(c.stts(), super::repaired_stts(w), "{} in {s}", w.text);
                let repairs = matches!(w.xpos, Xpos::Stts(t) if t != Stts::Ptkvz)
                    && c.stts() == Some(Stts::Ptkvz);
                repaired += usize::from(repairs);
                assert_eq!(
                    (c.text(), c.span(), c.upos(), c.xpos(), c.lemma(), c.feats()),
                    (w.text(), w.span(), w.upos(), w.xpos(), w.lemma(), w.feats())
                );
            }
            assert_eq!(super::analyze(&a, &words), super::analyze_tagged(&a, &words), "{s}");
        }
        // über/VVINF, über/ADJD, ab/VVFIN, auf/ADJD, zurück/VVPP
        assert_eq!(repaired, 5);
    }

    /// Negating words in any case, ASCII or not; words that only begin like one are not.
    #[test]
    fn negation_is_read_in_any_case() {
        let words = tagged(
            "nicht/ADV NICHT/ADV Niemals/ADV keinerlei/PIAT Keine/PIAT KEINEM/PIAT \
             weder/KON nichtig/ADJD Nie/ADV Nieder/ADJA nie/PTKNEG kei/ADV \
             Übernicht/ADV keinesfalls/ADV Niemandem/PIS net/PTKNEG Wetter/NN",
        );
        let negating: Vec<&str> = words
            .iter()
            .filter(|w| super::is_negation(*w))
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(
            negating,
            [
                "nicht",
                "NICHT",
                "Niemals",
                "keinerlei",
                "Keine",
                "KEINEM",
                "weder",
                "Nie",
                "nie",
                "keinesfalls",
                "Niemandem",
                "net"
            ]
        );
    }

    /// `lemma mood tense voice modal neg` per clause, for compact assertions.
    fn summary(cs: &[Clause]) -> Vec<String> {
        cs.iter()
            .filter_map(|c| c.verb.as_ref())
            .map(|v| {
                format!(
                    "{} {} {} {} {} {}",
                    v.lemma,
                    v.mood.map_or("-", |m| m.as_str()),
                    v.tense.map_or("-", |t| t.as_str()),
                    match v.passive {
                        None => "Act",
                        Some(PassiveAux::Sein) => "StPass",
                        Some(_) => "Pass",
                    },
                    v.modal.as_ref().map_or("-", |m| m.lemma.as_str()),
                    if v.negation.is_some() { "neg" } else { "pos" }
                )
            })
            .collect()
    }

    #[test]
    fn separable_verb_in_main_clause() {
        let cs =
            run("Poljanski/NE warf/VVFIN/werfen/{IP} dem/ART Westen/NN Hysterie/NN vor/PTKVZ ./$.");
        assert_eq!(summary(&cs), ["vorwerfen Ind Past Act - pos"]);
        let v = cs[0].verb.as_ref().unwrap();
        assert_eq!(v.particle.unwrap().index, 5);
        assert_eq!(v.finite.unwrap().span, sitrep_core::Span::new(10, 14));
        assert_eq!(cs[0].kind, ClauseKind::Main);
    }

    #[test]
    fn verbless_opening_before_a_reporting_verb_is_its_own_clause() {
        let cs =
            run("Ein/ART Wahnsinn/NN ,/$, sagt/VVFIN/sagen/{IP} der/ART Bürgermeister/NN ./$.");
        assert_eq!(cs.len(), 2);
        assert!(cs[0].verb.is_none());
        assert_eq!(summary(&cs), ["sagen Ind Past Act - pos"]);
        let cs = run("Wien/NE –/$( Ein/ART Wahnsinn/NN ,/$, sagt/VVFIN/sagen/{IP} der/ART Bürgermeister/NN ./$.");
        assert_eq!(cs.len(), 2);
        // … but an apposition in commas stays with its subject, and so does a list that
        // ends in a bracket
        let cs = run("Brandt/NE (/$( 54/CARD )/$( ,/$, Bellarabi/NE (/$( 56/CARD )/$( trafen/VVFIN/treffen/{IP} für/APPR Bayer/NE ./$.");
        assert_eq!(cs.len(), 1);
        let cs = run("Der/ART Präsident/NN ,/$, Karl/NE Huber/NE ,/$, sagte/VVFIN/sagen/{IP} am/APPRART Montag/NN ./$.");
        assert_eq!(cs.len(), 1);
        // a subject before a comma still waits for its verb when a clause stands between
        let cs = run("Die/ART Soldaten/NN ,/$, die/PRELS dort/ADV standen/VVFIN/stehen/{IP} ,/$, ziehen/VVFIN/ziehen/{IP} ab/PTKVZ ./$.");
        assert_eq!(
            summary(&cs),
            ["abziehen Ind Past Act - pos", "stehen Ind Past Act - pos"]
        );
    }

    #[test]
    fn verdict_joins_its_adjective() {
        let cs =
            run("Das/ART Gericht/NN sprach/VVFIN/sprechen/{IP} den/ART Mann/NN schuldig/ADJD ./$.");
        assert_eq!(summary(&cs), ["schuldigsprechen Ind Past Act - pos"]);
        let cs =
            run("Er/PPER bekannte/VVFIN/bekennen/{IP} sich/PRF nicht/PTKNEG schuldig/ADJD ./$.");
        assert_eq!(summary(&cs), ["schuldigbekennen Ind Past Act - neg"]);
        // not across clauses: `erklärte, er sei schuldig`
        let cs = run("Er/PPER erklärte/VVFIN/erklären/{IP} ,/$, er/PPER sei/VAFIN/sein/{K1} schuldig/ADJD ./$.");
        assert_eq!(summary(&cs)[0], "erklären Ind Past Act - pos");
    }

    #[test]
    fn fronted_participle_before_a_right_bracket_is_an_adverb() {
        let cs = run("Vereinzelt/VVPP/vereinzeln haben/VAFIN/haben/{IPR} sich/PRF Vertreter/NN der/ART Initiative/NN angeschlossen/VVPP/anschließen ./$.");
        assert_eq!(summary(&cs), ["anschließen Ind Perf Act - pos"]);
        let cs = run("Gewählt/VVPP/wählen wird/VAFIN/werden/{IPR} im/APPRART Herbst/NN ./$.");
        assert_eq!(summary(&cs), ["wählen Ind Pres Pass - pos"]);
    }

    #[test]
    fn wenig_before_the_participle_negates() {
        let cs = run("Die/ART Partner/NN reagierten/VVFIN/reagieren/{IP} wenig/PIS erfreut/VVPP/erfreuen ./$.");
        assert!(summary(&cs)[0].ends_with("neg"));
        let cs = run("Wenig/PIS später/ADJD/spät/Degree=Cmp kritisierte/VVFIN/kritisieren/{IP} die/ART Regierung/NN Polen/NE ./$.");
        assert_eq!(summary(&cs), ["kritisieren Ind Past Act - pos"]);
        // `weniger` before a predicative adjective: less pleased is displeased; less
        // sharply than another is still criticism
        let cs = run("Weniger/PIS zufrieden/ADJD/zufrieden/Degree=Pos ist/VAFIN/sein/{IPR} die/ART Regierung/NN ./$.");
        assert!(summary(&cs)[0].ends_with("neg"));
        let cs = run("Polen/NE kritisierte/VVFIN/kritisieren/{IP} weniger/PIS scharf/ADJD/scharf/Degree=Pos ./$.");
        assert_eq!(summary(&cs), ["kritisieren Ind Past Act - pos"]);
    }

    #[test]
    fn waehrend_opening_a_verb_final_segment_subordinates() {
        let cs = run("Während/APPR die/ART Gespräche/NN weitergehen/VVINF ,/$, droht/VVFIN/drohen/{IPR} Polen/NE ./$.");
        assert_eq!(cs[0].kind, ClauseKind::Subordinate);
        let cs = run("Während/APPR des/ART Gipfels/NN drohte/VVFIN/drohen/{IP} Polen/NE ./$.");
        assert_eq!(cs[0].kind, ClauseKind::Main);
    }

    #[test]
    fn nicht_nur_is_no_negation() {
        let cs = run("Die/ART KPÖ/NE lehnte/VVFIN/ablehnen/{IP} nicht/PTKNEG nur/ADV Kurzmann/NE ,/$, sondern/KON auch/ADV Vollath/NE ab/PTKVZ ./$.");
        assert_eq!(summary(&cs), ["ablehnen Ind Past Act - pos"]);
        let cs =
            run("Die/ART KPÖ/NE lehnte/VVFIN/ablehnen/{IP} Kurzmann/NE nicht/PTKNEG ab/PTKVZ ./$.");
        assert_eq!(summary(&cs), ["ablehnen Ind Past Act - neg"]);
    }

    #[test]
    fn modal_wollen() {
        let cs = run("Johnson/NE will/VMFIN/wollen/{IPR} heute/ADV mit/APPR Putin/NE telefonieren/VVINF ./$.");
        assert_eq!(summary(&cs), ["telefonieren Ind Pres Act wollen pos"]);
    }

    #[test]
    fn modal_passive() {
        let cs = run("2.000/CARD Soldaten/NN sollen/VMFIN/sollen/{IPR} nach/APPR Polen/NE verlegt/VVPP/verlegen werden/VAINF/werden ./$.");
        assert_eq!(summary(&cs), ["verlegen Ind Pres Pass sollen pos"]);
    }

    #[test]
    fn reported_speech_konjunktiv_i() {
        let cs = run("Er/PPER sagte/VVFIN/sagen/{IP} ,/$, es/PPER gebe/VVFIN/geben/{K1} Übertreibungen/NN ./$.");
        assert_eq!(
            summary(&cs),
            ["sagen Ind Past Act - pos", "geben KonjI Pres Act - pos"]
        );
        let cs = run(
            "Damit/PAV werde/VAFIN/werden/{K1} die/ART Abschreckung/NN gestärkt/VVPP/stärken ./$.",
        );
        assert_eq!(summary(&cs), ["stärken KonjI Pres Pass - pos"]);
    }

    #[test]
    fn subordinate_clause_keeps_particle_attached() {
        let cs = run("Moskau/NE protestierte/VVFIN/protestieren/{IP} ,/$, weil/KOUS Kiew/NE die/ART Truppen/NN nicht/PTKNEG abzog/VVFIN/abziehen/{IP} ./$.");
        assert_eq!(
            summary(&cs),
            [
                "protestieren Ind Past Act - pos",
                "abziehen Ind Past Act - neg"
            ]
        );
        assert_eq!(cs[1].kind, ClauseKind::Subordinate);
    }

    #[test]
    fn embedded_relative_clause_and_zu_infinitive() {
        let cs = run("Die/ART Soldaten/NN ,/$, die/PRELS an/APPR der/ART Grenze/NN standen/VVFIN/stehen/{IP} ,/$, sollen/VMFIN/sollen/{IPR} abziehen/VVINF/abziehen ./$.");
        assert_eq!(
            summary(&cs),
            [
                "abziehen Ind Pres Act sollen pos",
                "stehen Ind Past Act - pos"
            ]
        );
        assert_eq!(cs[0].words, [0, 1, 9, 10]);
        assert_eq!(cs[1].kind, ClauseKind::Relative);
        let cs = run("Die/ART EU/NE forderte/VVFIN/fordern/{IP} Russland/NE auf/PTKVZ ,/$, die/ART Truppen/NN abzuziehen/VVIZU/abziehen ./$.");
        assert_eq!(
            summary(&cs),
            ["auffordern Ind Past Act - pos", "abziehen - - Act - pos"]
        );
        assert_eq!(cs[1].kind, ClauseKind::Infinitive);
    }

    #[test]
    fn right_bracket_after_embedded_clause() {
        let cs = run("Russland/NE hat/VAFIN/haben/{IPR} die/ART Panzer/NN ,/$, die/PRELS dort/ADV standen/VVFIN/stehen/{IP} ,/$, abgezogen/VVPP/abziehen ./$.");
        assert_eq!(
            summary(&cs),
            ["abziehen Ind Perf Act - pos", "stehen Ind Past Act - pos"]
        );
    }

    #[test]
    fn tenses_and_passives() {
        let cases = [
            ("Die/ART Truppen/NN sind/VAFIN/sein/{IPR} abgezogen/VVPP/abziehen ./$.", "abziehen Ind Perf Act - pos"),
            ("Die/ART Grenze/NN ist/VAFIN/sein/{IPR} geschlossen/VVPP/schließen ./$.", "schließen Ind Pres StPass - pos"),
            ("Die/ART Grenze/NN war/VAFIN/sein/{IP} geschlossen/VVPP/schließen worden/VAPP/werden ./$.", "schließen Ind Pqp Pass - pos"),
            ("Die/ART Brücke/NN wird/VAFIN/werden/{IPR} repariert/VVPP/reparieren werden/VAINF/werden ./$.", "reparieren Ind Fut Pass - pos"),
            ("Er/PPER wird/VAFIN/werden/{IPR} nie/ADV zurücktreten/VVINF/zurücktreten ./$.", "zurücktreten Ind Fut Act - neg"),
            ("Er/PPER wird/VAFIN/werden/{IPR} abgereist/VVPP/abreisen sein/VAINF/sein ./$.", "abreisen Ind FutPerf Act - pos"),
            ("Er/PPER hätte/VAFIN/haben/{K2} den/ART Angriff/NN verhindern/VVINF/verhindern können/VMINF/können ./$.", "verhindern KonjII Pqp Act können pos"),
            ("Er/PPER hat/VAFIN/haben/{IPR} abziehen/VVINF/abziehen müssen/VMINF/müssen ./$.", "abziehen Ind Perf Act müssen pos"),
            ("Das/PDS würde/VAFIN/werden/{K2} keinen/PIAT/kein Frieden/NN bringen/VVINF/bringen ./$.", "bringen KonjII Fut Act - neg"),
            ("Der/ART Angriff/NN hätte/VAFIN/haben/{K2} verhindert/VVPP/verhindern werden/VAINF/werden können/VMINF/können ./$.", "verhindern KonjII Pqp Pass können pos"),
            ("Zieht/VVIMP/ziehen/Mood=Imp eure/PPOSAT Truppen/NN ab/PTKVZ !/$.", "abziehen Imp Pres Act - pos"),
            ("Die/ART Soldaten/NN sind/VAFIN/sein/{IPR} verlegt/VVPP/verlegen worden/VAPP/werden ./$.", "verlegen Ind Perf Pass - pos"),
        ];
        for (s, want) in cases {
            assert_eq!(summary(&run(s)), [want], "{s}");
        }
    }

    /// Tagger slips the stage absorbs: a second finite-tagged verb in the cluster, no
    /// finite tag at all, a particle tagged as a preposition, a Konjunktiv tagged
    /// indicative.
    #[test]
    fn robust_to_tagger_slips() {
        let cases = [
            ("Er/PPER hätte/VAFIN/haben/{IP} den/ART Vertrag/NN unterschreiben/VVINF/unterschreiben können/VMFIN/können/{IPR} ./$.", "unterschreiben KonjII Pqp Act können pos"),
            ("Die/ART Anlage/NN werde/VAFIN/werden/Mood=Ind|Number=Sing|Person=3|Tense=Pres überprüft/VVFIN/überprüfen/{IPR} ./$.", "überprüfen KonjI Pres Pass - pos"),
            ("Die/ART Kämpfe/NN dauern/VVINF/dauern an/PTKVZ ./$.", "andauern Ind Pres Act - pos"),
            ("Die/ART Rebellen/NN liefen/VVFIN/laufen/{IP} zur/APPRART Armee/NN über/APPR ./$.", "überlaufen Ind Past Act - pos"),
            ("Deutschland/NE stehe/VVFIN/stehen/{K1} fest/PTKVZ an/APPR der/ART Seite/NN ./$.", "stehen KonjI Pres Act - pos"),
            ("Man/PIS sei/VAFIN/sein/{IPR} bereit/PTKVZ ./$.", "sein KonjI Pres Act - pos"),
            ("Die/ART Zeit/NN dürfe/VMFIN/dürfen/{IP} nicht/PTKNEG eingerechnet/VVPP/einrechnen werden/VAINF/werden ./$.", "einrechnen KonjI Pres Pass dürfen neg"),
            ("Die/ART Mittel/NN mussten/VMFIN/müssen/{K2} erhöht/VVPP/erhöhen werden/VAINF/werden ./$.", "erhöhen Ind Past Pass müssen pos"),
            ("Die/ART Truppen/NN sind/VAFIN/sein/{IPR} geflohen/VVPP/fliehen ./$.", "fliehen Ind Perf Act - pos"),
            ("Zieht/VVFIN/ziehen/{IPR} eure/PPOSAT Truppen/NN ab/PTKVZ !/$.", "abziehen Imp Pres Act - pos"),
        ];
        for (s, want) in cases {
            assert_eq!(summary(&run(s)), [want], "{s}");
        }
        let cs = run("Er/PPER hat/VAFIN/haben/{IPR} es/PPER umgangen/VVPP/umgehen ,/$, sagen/VVINF/sagen Kritiker/NN ./$.");
        assert_eq!(
            summary(&cs),
            ["umgehen Ind Perf Act - pos", "sagen Ind Pres Act - pos"]
        );
    }

    #[test]
    fn coordination_shares_the_finite_verb() {
        let cs = run("Die/ART Männer/NN wurden/VAFIN/werden/{IP} festgenommen/VVPP/festnehmen und/KON verhört/VVPP/verhören ./$.");
        assert_eq!(
            summary(&cs),
            [
                "festnehmen Ind Past Pass - pos",
                "verhören Ind Past Pass - pos"
            ]
        );
        assert!(cs[1].verb.as_ref().unwrap().shared_finite);
        let cs = run("Russland/NE zog/VVFIN/ziehen/{IP} Truppen/NN ab/PTKVZ und/KON verlegte/VVFIN/verlegen/{IP} Panzer/NN nach/APPR Belarus/NE ./$.");
        assert_eq!(
            summary(&cs),
            ["abziehen Ind Past Act - pos", "verlegen Ind Past Act - pos"]
        );
        // Coordinated nouns do not split: "Er hat Truppen und Panzer verlegt".
        let cs = run(
            "Er/PPER hat/VAFIN/haben/{IPR} Truppen/NN und/KON Panzer/NN verlegt/VVPP/verlegen ./$.",
        );
        assert_eq!(summary(&cs), ["verlegen Ind Perf Act - pos"]);
        // Verb-final: the left part borrows from the right.
        let cs = run("Er/PPER sagte/VVFIN/sagen/{IP} ,/$, dass/KOUS die/ART Männer/NN festgenommen/VVPP/festnehmen und/KON verhört/VVPP/verhören wurden/VAFIN/werden/{IP} ./$.");
        assert_eq!(
            summary(&cs),
            [
                "sagen Ind Past Act - pos",
                "festnehmen Ind Past Pass - pos",
                "verhören Ind Past Pass - pos"
            ]
        );
    }
}
