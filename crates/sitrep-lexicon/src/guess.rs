//! Fallback analyses for forms missing from the lexicon: compounds, verb forms in the
//! reformed spelling, separable-verb forms, comparatives and superlatives. Each entry says
//! which fallback made it ([`Source::Compound`], [`Source::OldSpelling`],
//! [`Source::Separable`], [`Source::Suffix`]).

use crate::{lower_variant, Entry, Lexicon, Source};
use sitrep_core::{Degree, Feats, Stts, Upos};

/// Minimum length (chars) of a compound's modifier and head.
const MIN_MODIFIER: usize = 3;
const MIN_HEAD: usize = 3;
/// Linking elements (Fugenelemente) allowed between modifier and head, longest first.
const LINKERS: &[&str] = &["es", "en", "er", "s", "n", "e", ""];

pub(crate) fn fallbacks(lex: &Lexicon, form: &str) -> Vec<Entry> {
    fallbacks_after(lex, form, compound(lex, form))
}

/// [`fallbacks`] given the form's [`compound`] analyses.
pub(crate) fn fallbacks_after(lex: &Lexicon, form: &str, compound: Vec<Entry>) -> Vec<Entry> {
    let out = compound;
    if !out.is_empty() {
        return out;
    }
    let out = old_spelling_verb(lex, form);
    if !out.is_empty() {
        return out;
    }
    let lower = lower_variant(form);
    let forms = std::iter::once(form).chain(lower.as_deref());
    for f in forms {
        let out = separable(lex, f);
        if !out.is_empty() {
            return out;
        }
        let out = degree(lex, f);
        if !out.is_empty() {
            return out;
        }
    }
    Vec::new()
}

/// Verb analyses of the pre-1996 spelling of a form the lexicon lacks. The reform writes
/// `ss` for `ß` after a short vowel at the end of a syllable (`schloß` → `schloss`,
/// `wußte` → `wusste`), and the generated paradigms of several strong verbs keep those
/// preterites only in the old spelling (`schlossen` is there, `schloss` is not), so
/// `beschloss`, `erschoss`, `riss` would get suffix guesses (`beschlosen`). Only the last
/// `ss` before a consonant or the word's end is respelled (between vowels both spellings
/// have `ss`), and only verb analyses are taken: their lemmas are infinitives, which the
/// reform did not change in these verbs (`schließen`, `wissen`).
fn old_spelling_verb(lex: &Lexicon, form: &str) -> Vec<Entry> {
    let Some(old) = old_spelling(form) else {
        return Vec::new();
    };
    let mut out = lex.lookup_any_case(&old);
    out.retain(|e| matches!(e.upos, Upos::Verb | Upos::Aux));
    for e in &mut out {
        e.source = Source::OldSpelling;
    }
    out
}

/// The pre-1996 spelling of `form`: its last `ss` before a consonant or the word's end
/// written `ß` (`schloss` → `schloß`, `wusste` → `wußte`); `None` without such an `ss`,
/// and for capitalised forms, which are mostly nouns (`Riss` is no `riß`).
pub(crate) fn old_spelling(form: &str) -> Option<String> {
    if form.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let at = form.rfind("ss")?;
    let next = form[at + 2..].chars().next();
    if next.is_some_and(|c| "aeiouäöüy".contains(c.to_ascii_lowercase())) {
        return None;
    }
    Some(format!("{}ß{}", &form[..at], &form[at + 2..]))
}

/// Longest known noun head from the right, with a known modifier on the left.
pub(crate) fn compound(lex: &Lexicon, form: &str) -> Vec<Entry> {
    compound_depth(lex, form, 2)
}

fn compound_depth(lex: &Lexicon, form: &str, depth: u8) -> Vec<Entry> {
    let mut out = Vec::new();
    if depth == 0 || !form.chars().next().is_some_and(char::is_uppercase) || form.contains('-') {
        return out;
    }
    let bounds: Vec<usize> = form.char_indices().map(|(i, _)| i).collect();
    let n = bounds.len();
    if n < MIN_MODIFIER + MIN_HEAD {
        return out;
    }
    for &b in &bounds[MIN_MODIFIER..=n - MIN_HEAD] {
        let (modifier, head) = form.split_at(b);
        let Some(head_cap) = capitalise(head) else {
            continue;
        };
        let mut heads = Vec::new();
        lex.lookup_filtered_into(&head_cap, Source::Compound, Some(Stts::Nn), &mut heads);
        if heads.is_empty() || !modifier_known(lex, modifier, depth) {
            continue;
        }
        for h in heads {
            let Some(rest) = lower_first(&h.lemma) else {
                continue;
            };
            let lemma = format!("{modifier}{rest}");
            let e = Entry {
                lemma,
                source: Source::Compound,
                ..h
            };
            if !out.contains(&e) {
                out.push(e);
            }
        }
        return out;
    }
    out
}

fn modifier_known(lex: &Lexicon, modifier: &str, depth: u8) -> bool {
    for linker in LINKERS {
        let Some(stem) = modifier.strip_suffix(linker) else {
            continue;
        };
        if stem.chars().count() < MIN_MODIFIER {
            continue;
        }
        let known = |f: &str| {
            let s = lex.stts_set_any_case(f);
            s.contains(Stts::Nn) || s.contains(Stts::Ne) || s.contains(Stts::Adjd)
        };
        if known(stem) {
            return true;
        }
        // Verb stems (`Fahr|zeug`) and lower-case noun stems after a hyphen-less join.
        if linker.is_empty() {
            if let Some(l) = lower_variant(stem) {
                if lex.is_verb_lemma(&format!("{l}en")) || lex.is_verb_lemma(&format!("{l}n")) {
                    return true;
                }
            }
        }
        if !compound_depth(lex, stem, depth - 1).is_empty() {
            return true;
        }
    }
    false
}

/// Separable-verb forms missing from the data: a particle, then `zu` + infinitive, a
/// participle or a finite form of a known verb (`wiederaufzubauen`).
fn separable(lex: &Lexicon, form: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for p in lex.closed_particles() {
        let p: &str = p;
        let Some(rest) = form.strip_prefix(p) else {
            continue;
        };
        if rest.chars().count() < 3 {
            continue;
        }
        let mut base = Vec::new();
        if let Some(inf) = rest.strip_prefix("zu") {
            lex.lookup_into(inf, Source::Separable, &mut base);
            base.retain(|e| e.xpos == Stts::Vvinf);
            for e in &mut base {
                e.xpos = Stts::Vvizu;
            }
        }
        let mut more = Vec::new();
        lex.lookup_into(rest, Source::Separable, &mut more);
        more.retain(|e| {
            matches!(e.xpos, Stts::Vvfin | Stts::Vvpp | Stts::Vvinf)
                || (matches!(e.xpos, Stts::Adja | Stts::Adjd) && e.feats.verb_form.is_some())
        });
        base.extend(more);
        for e in base {
            if e.particle_len != 0 {
                continue;
            }
            let lemma = format!("{p}{}", e.lemma);
            let particle_len = u8::try_from(p.len()).unwrap_or(0);
            let e = Entry {
                lemma,
                particle_len,
                source: Source::Separable,
                ..e
            };
            if !out.contains(&e) {
                out.push(e);
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    out
}

/// Comparatives and superlatives of known adjectives (`kompetenteren`, `kürzester`).
fn degree(lex: &Lexicon, form: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for ending in ["en", "em", "er", "es", "e", ""] {
        let Some(s) = form.strip_suffix(ending) else {
            continue;
        };
        for (suffix, degree) in [
            ("er", Degree::Cmp),
            ("est", Degree::Sup),
            ("st", Degree::Sup),
        ] {
            let Some(stem) = s.strip_suffix(suffix) else {
                continue;
            };
            if stem.chars().count() < 2 {
                continue;
            }
            for lemma in [Some(stem.to_string()), de_umlaut(stem)]
                .into_iter()
                .flatten()
            {
                if !lex.stts_set(&lemma).contains(Stts::Adjd) {
                    continue;
                }
                let xpos = if ending.is_empty() {
                    Stts::Adjd
                } else {
                    Stts::Adja
                };
                if ending.is_empty() && degree == Degree::Sup {
                    continue;
                }
                let feats = Feats {
                    degree: Some(degree),
                    ..Feats::default()
                };
                let e = Entry {
                    lemma,
                    upos: Upos::Adj,
                    xpos,
                    feats,
                    particle_len: 0,
                    source: Source::Suffix,
                };
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        if !out.is_empty() {
            return out;
        }
    }
    out
}

/// The stem with its last umlaut undone (`läng` → `lang`), if it has one.
fn de_umlaut(stem: &str) -> Option<String> {
    let (i, c) = stem
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, 'ä' | 'ö' | 'ü'))?;
    let plain = match c {
        'ä' => 'a',
        'ö' => 'o',
        _ => 'u',
    };
    let mut s = String::with_capacity(stem.len());
    s.push_str(&stem[..i]);
    s.push(plain);
    s.push_str(&stem[i + c.len_utf8()..]);
    Some(s)
}

fn capitalise(s: &str) -> Option<String> {
    let first = s.chars().next()?;
    let mut out = String::with_capacity(s.len() + 2);
    out.extend(first.to_uppercase());
    out.push_str(&s[first.len_utf8()..]);
    Some(out)
}

fn lower_first(s: &str) -> Option<String> {
    let first = s.chars().next()?;
    let mut out = String::with_capacity(s.len());
    out.extend(first.to_lowercase());
    out.push_str(&s[first.len_utf8()..]);
    Some(out)
}
