//! Language resources beside the trained model: hand-written English irregular forms and
//! (German) the lexicon. They give the tagger an ambiguity-class feature, constrain tags,
//! and supply lemmas for words the treebank never showed.

use crate::features::TokInfo;
use crate::hash;
use sitrep_core::{Feats, Language, Penn, Stts, Upos, Xpos};
use sitrep_lexicon::Lexicon;
use std::collections::HashMap;
use std::sync::Arc;

static IRREGULAR_VERBS: &str = include_str!("../../../data/en/irregular-verbs.tsv");
static IRREGULAR_NOUNS: &str = include_str!("../../../data/en/irregular-nouns.tsv");
static LEMMA_OVERRIDES: &str = include_str!("../../../data/en/lemma-overrides.tsv");

/// Participle forms used as adjectives in their own right (`bekannt` is not "confessed"):
/// their attributive forms keep the adjective lemma.
const LEXICALISED_PARTICIPLES: &[&str] = &[
    "angemessen",
    "aufgeregt",
    "ausgeprägt",
    "ausgezeichnet",
    "begabt",
    "bekannt",
    "beliebt",
    "berechtigt",
    "beschränkt",
    "besessen",
    "bestimmt",
    "betagt",
    "bewusst",
    "entschieden",
    "erfahren",
    "erwachsen",
    "gebildet",
    "geeignet",
    "gefasst",
    "gelegen",
    "gelungen",
    "gespannt",
    "geschickt",
    "gewandt",
    "gewohnt",
    "verlegen",
    "vermessen",
    "verrückt",
    "verschieden",
    "verwandt",
    "vollkommen",
    "zufrieden",
];

const ROLE_BASE: u8 = 1;
const ROLE_PAST: u8 = 2;
const ROLE_PART: u8 = 4;
const ROLE_PLURAL: u8 = 8;

#[derive(Default)]
struct English {
    /// form → (roles, lemma for the past/participle/plural role)
    forms: HashMap<String, (u8, String)>,
    /// (lower form, Penn tag) → lemma, before the treebank table.
    overrides: HashMap<(String, String), String>,
}

/// Language resources used with a model. Cheap to clone (shared).
#[derive(Clone)]
pub struct Resources {
    language: Language,
    en: Arc<English>,
    de: Option<Arc<Lexicon>>,
}

impl std::fmt::Debug for Resources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resources")
            .field("language", &self.language)
            .field("en", &self.en)
            .field("de_lexicon", &self.de.is_some())
            .finish()
    }
}

impl std::fmt::Debug for English {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "English({} irregular forms)", self.forms.len())
    }
}

/// Parses a hand-written TSV table: `#` comments, a header line, then rows of `cols`
/// columns. Panics with the line on a malformed row (the tables are embedded, so a test
/// catches this before any release).
fn table(text: &str, cols: usize) -> Vec<Vec<&str>> {
    let mut rows = Vec::new();
    let mut header = true;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if header {
            header = false;
            continue;
        }
        let r: Vec<&str> = line.split('\t').collect();
        assert!(
            r.len() == cols,
            "line {}: expected {cols} columns: {line:?}",
            n + 1
        );
        rows.push(r);
    }
    rows
}

impl English {
    fn load() -> English {
        let mut e = English::default();
        let mut add = |form: &str, role: u8, lemma: &str| {
            let ent = e
                .forms
                .entry(form.to_string())
                .or_insert((0, String::new()));
            ent.0 |= role;
            if role != ROLE_BASE && ent.1.is_empty() {
                ent.1 = lemma.to_string();
            }
        };
        for r in table(IRREGULAR_VERBS, 3) {
            add(r[0], ROLE_BASE, r[0]);
            for f in r[1].split('|') {
                add(f, ROLE_PAST, r[0]);
            }
            for f in r[2].split('|') {
                add(f, ROLE_PART, r[0]);
            }
        }
        for r in table(IRREGULAR_NOUNS, 2) {
            add(r[0], ROLE_PLURAL, r[1]);
        }
        for r in table(LEMMA_OVERRIDES, 3) {
            e.overrides
                .insert((r[0].to_string(), r[1].to_string()), r[2].to_string());
        }
        e
    }
}

impl Resources {
    /// The shipped resources: English irregular tables, or the German lexicon (if it fails
    /// to load, German runs without it and `lexicon_error` says why).
    pub fn new(language: Language) -> Resources {
        Resources {
            language,
            en: Arc::new(match language {
                Language::En => English::load(),
                Language::De => English::default(),
            }),
            de: match language {
                Language::De => Lexicon::german().ok().map(Arc::new),
                Language::En => None,
            },
        }
    }

    /// Resources without any lexicon (German: treebank-only model, for comparison).
    pub fn without_lexicon(language: Language) -> Resources {
        Resources {
            language,
            en: Arc::new(match language {
                Language::En => English::load(),
                Language::De => English::default(),
            }),
            de: None,
        }
    }

    /// Whether the German lexicon knows `form` with the tag `t` (false without a lexicon).
    pub fn has_stts(&self, form: &str, t: Stts) -> bool {
        self.de
            .as_ref()
            .is_some_and(|lex| lex.lookup(form).iter().any(|e| e.xpos == t))
    }

    pub fn has_lexicon(&self) -> bool {
        self.de.is_some() || !self.en.forms.is_empty()
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Fills the lexicon fields of a token's features.
    pub fn annotate(&self, form: &str, lower: &str, t: &mut TokInfo) {
        if let Some(lex) = &self.de {
            let set = lex.stts_set_any_case(form);
            if !set.is_empty() {
                t.lex = hash::feat(401, set.0, 0);
                t.lexset = set.0;
            } else if form.chars().next().is_some_and(char::is_uppercase) && form.len() > 5 {
                let head: sitrep_lexicon::SttsSet =
                    lex.compound(form).iter().map(|e| e.xpos).collect();
                if !head.is_empty() {
                    t.head = hash::feat(402, head.0, 0);
                    let p = lower.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
                    t.head_suf = hash::str(403, &lower[p..]);
                }
            }
            return;
        }
        if let Some((roles, _)) = self.en.forms.get(lower) {
            t.lex = hash::feat(400, *roles as u64, 0);
        }
    }

    /// Lowers the scores of tag classes the lexicon rules out for this word.
    /// Only for words the treebank did not teach (`t.amb == 0`): classes whose STTS tag the
    /// lexicon does not list are ruled out, except proper nouns for capitalised words.
    pub fn restrict(&self, classes: &[(Upos, Xpos)], t: &TokInfo, scores: &mut [f32]) {
        if t.amb != 0 || t.lexset == 0 || self.de.is_none() {
            return;
        }
        let set = sitrep_lexicon::SttsSet(t.lexset);
        let capital = t.flags & crate::features::F_UPPER_FIRST != 0;
        for (s, (_, x)) in scores.iter_mut().zip(classes) {
            if let Xpos::Stts(x) = *x {
                if !(set.contains(x) || capital && x == sitrep_core::Stts::Ne) {
                    *s = f32::NEG_INFINITY;
                }
            }
        }
    }

    /// The case/number/gender masks of a form's lexicon analyses, per STTS tag (German;
    /// empty without a lexicon).
    pub(crate) fn agreement_masks(&self, form: &str) -> crate::agree::FormMasks {
        let Some(lex) = &self.de else {
            return Box::new([]);
        };
        let mut v: Vec<(sitrep_core::Stts, crate::agree::Mask)> = Vec::new();
        for e in lex.analyze(form) {
            let m = crate::agree::mask_of(&e.feats);
            match v.iter_mut().find(|(x, _)| *x == e.xpos) {
                Some((_, mm)) => *mm |= m,
                None => v.push((e.xpos, m)),
            }
        }
        v.into_boxed_slice()
    }

    /// The verb lemma of an attributive participle (`eingefrorenen` → `einfrieren`,
    /// `andauernden` → `andauern`), if the lexicon knows the verb: its participle analysis
    /// of the form, else the form without its adjective ending as a past participle
    /// (`eingefroren`) or a present participle in `-end` of a known verb.
    pub(crate) fn participle_lemma(&self, form: &str) -> Option<String> {
        use sitrep_core::{Stts, VerbForm};
        let lex = self.de.as_ref()?;
        let lower = crate::features::lowered(form);
        let lexicalised = ["en", "em", "er", "es", "e"].iter().any(|end| {
            lower
                .strip_suffix(end)
                .is_some_and(|stem| LEXICALISED_PARTICIPLES.contains(&stem))
        });
        if lexicalised {
            return None;
        }
        let entries = lex.analyze(form);
        if let Some(e) = entries.iter().find(|e| {
            e.xpos == Stts::Adja
                && e.feats.verb_form == Some(VerbForm::Part)
                && lex.is_verb_lemma(&e.lemma)
        }) {
            return Some(e.lemma.clone());
        }
        // Only words the lexicon does not know as plain adjectives.
        if entries.iter().any(|e| e.xpos == Stts::Adja) {
            return None;
        }
        for end in ["en", "em", "er", "es", "e"] {
            let Some(stem) = lower.strip_suffix(end) else {
                continue;
            };
            if stem.chars().count() < 4 {
                continue;
            }
            if let Some(verb) = stem.strip_suffix('d').filter(|v| v.ends_with('n')) {
                if lex.is_verb_lemma(verb) {
                    return Some(verb.to_string());
                }
            }
            if let Some(e) = lex
                .lookup(stem)
                .into_iter()
                .find(|e| e.xpos == Stts::Vvpp && lex.is_verb_lemma(&e.lemma))
            {
                return Some(e.lemma);
            }
        }
        None
    }

    /// A hand-written lemma that overrides the treebank's convention.
    pub fn lemma_override(&self, lower: &str, xpos: Xpos) -> Option<String> {
        if self.en.overrides.is_empty() {
            return None;
        }
        self.en
            .overrides
            .get(&(lower.to_string(), xpos.as_str().to_string()))
            .cloned()
    }

    /// A lemma from the hand-written tables or lexicon, for words the treebank tables miss.
    pub fn lemma(
        &self,
        form: &str,
        lower: &str,
        upos: Upos,
        xpos: Xpos,
        feats: &Feats,
    ) -> Option<String> {
        match xpos {
            Xpos::Penn(p) => {
                let (roles, lemma) = self.en.forms.get(lower)?;
                let want = match p {
                    Penn::Vbd => ROLE_PAST,
                    Penn::Vbn => ROLE_PART,
                    Penn::Nns => ROLE_PLURAL,
                    _ => return None,
                };
                (roles & want != 0).then(|| lemma.clone())
            }
            Xpos::Stts(t) => {
                let lex = self.de.as_ref()?;
                let entries = lex.analyze(form);
                let best = entries
                    .iter()
                    .filter(|e| e.xpos == t)
                    .max_by_key(|e| (e.feats == *feats) as u8 * 2 + (e.upos == upos) as u8)
                    .or_else(|| {
                        // Same word class under another tag (NN vs NE, VVFIN vs VVINF).
                        entries.iter().find(|e| e.upos == upos)
                    })?;
                Some(best.lemma.clone())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_tables_parse() {
        let r = Resources::new(Language::En);
        assert_eq!(
            r.lemma(
                "went",
                "went",
                Upos::Verb,
                Xpos::Penn(Penn::Vbd),
                &Feats::default()
            )
            .as_deref(),
            Some("go")
        );
        assert_eq!(
            r.lemma(
                "children",
                "children",
                Upos::Noun,
                Xpos::Penn(Penn::Nns),
                &Feats::default()
            )
            .as_deref(),
            Some("child")
        );
        assert_eq!(
            r.lemma(
                "went",
                "went",
                Upos::Noun,
                Xpos::Penn(Penn::Nn),
                &Feats::default()
            ),
            None
        );
    }
}
