//! The arguments of a clause: noun phrases (with coordination and genitive attachments)
//! and prepositional phrases, each with its grammatical role.
//!
//! A rule-based chunker over tags and features, one pass per clause:
//!
//! * **German**: a noun phrase is determiners, numbers and attributive adjectives up to its
//!   head (noun, name, pronoun); title plus name runs are one head (`Präsident Wladimir
//!   Putin`); a prenominal genitive name (`Russlands Präsident`) and a following genitive
//!   phrase (`die Unterstützung Chinas`) are attached to it. Its role comes from case
//!   (nominative → subject, accusative → object, dative → dative object); when no phrase
//!   is nominative, the first phrase before the finite verb of a main clause is the
//!   subject.
//! * **English**: a noun phrase is determiners, numbers, adjectives and nouns up to the last
//!   noun; `'s` makes what precedes a possessor. Role by position: the last phrase before
//!   the verb complex is the subject, the first after it the object (with two, the first
//!   is the indirect object).
//! * Both: a preposition and its noun phrase are a prepositional phrase named by the
//!   preposition (`pp:mit`, `pp:against`; German contractions by their preposition: `am` →
//!   `an`); phrases joined by `und`/`oder`/`sowie`/`and`/`or` are one argument with several
//!   conjuncts.

use crate::frames::Role;
use sitrep_core::lower::{lower, with_lower};
use sitrep_core::{Case, Gender, Language, Number, Penn, Span, Stts, Upos, Xpos};
use sitrep_tag::WordAnalysis;
use std::ops::Range;

/// One word of the sentence as the event stage reads it.
#[derive(Debug, Clone, Copy)]
pub struct W<'a> {
    pub text: &'a str,
    pub span: Span,
    pub a: &'a WordAnalysis,
    /// The next word follows without a space (`US` `-` `Soldaten`).
    pub joined: bool,
    /// An English proper noun that names a weekday (`Wednesday`; from the attribute
    /// lexicon's time words): it dates a clause and compounds with no noun.
    pub weekday: bool,
}

impl<'a> W<'a> {
    /// A word of `lang`; `attrs` tells English weekday names (see [`W::weekday`]).
    pub fn new(
        lang: Language,
        text: &'a str,
        span: Span,
        a: &'a WordAnalysis,
        joined: bool,
        attrs: &sitrep_attrs::Attrs,
    ) -> W<'a> {
        W {
            text,
            span,
            a,
            joined,
            weekday: lang == Language::En && a.upos == Upos::Propn && attrs.is_weekday(lang, text),
        }
    }
}

impl W<'_> {
    fn stts(&self) -> Option<Stts> {
        match self.a.xpos {
            Xpos::Stts(s) => Some(s),
            Xpos::Penn(_) => None,
        }
    }

    fn penn(&self) -> Option<Penn> {
        match self.a.xpos {
            Xpos::Penn(p) => Some(p),
            Xpos::Stts(_) => None,
        }
    }

    pub fn is_quote(&self) -> bool {
        matches!(
            self.text,
            "\"" | "„"
                | "“"
                | "”"
                | "«"
                | "»"
                | "‚"
                | "‘"
                | "’"
                | "'"
                | "›"
                | "‹"
                | "``"
                | "''"
        )
    }

    /// A head of a noun phrase.
    fn is_head(&self, lang: Language) -> bool {
        if self.is_quote() {
            return false;
        }
        match lang {
            Language::De => matches!(
                self.stts(),
                Some(
                    Stts::Nn
                        | Stts::Ne
                        | Stts::Pper
                        | Stts::Pis
                        | Stts::Pds
                        | Stts::Fm
                        | Stts::Prels
                )
            ),
            Language::En => {
                matches!(self.a.upos, Upos::Noun | Upos::Propn)
                    || matches!(self.penn(), Some(Penn::Prp | Penn::Wp | Penn::Wdt))
                        && self.a.upos == Upos::Pron
            }
        }
    }

    /// A word that may stand before the head of a noun phrase.
    fn is_premodifier(&self, lang: Language) -> bool {
        match lang {
            Language::De => {
                matches!(
                    self.stts(),
                    Some(
                        Stts::Art
                            | Stts::Pdat
                            | Stts::Piat
                            | Stts::Pidat
                            | Stts::Pposat
                            | Stts::Pwat
                            | Stts::Card
                            | Stts::Adja
                            | Stts::Trunc
                    )
                ) && !self.is_quote()
            }
            Language::En => {
                matches!(self.a.upos, Upos::Det | Upos::Adj | Upos::Num)
                    || matches!(self.penn(), Some(Penn::PrpS | Penn::WpS))
            }
        }
    }

    fn is_conj(&self) -> bool {
        (self.a.upos == Upos::Cconj)
            && matches!(
                &*lower(self.text),
                "und" | "oder" | "sowie" | "and" | "or" | "&"
            )
    }

    fn is_prep(&self, lang: Language) -> bool {
        match lang {
            Language::De => matches!(self.stts(), Some(Stts::Appr | Stts::Apprart)),
            // the tagger reads some prepositions as SCONJ (`protest in Beijing`): an IN
            // word that is no pure subordinator is a preposition
            Language::En => {
                self.penn() == Some(Penn::In)
                    && (self.a.upos == Upos::Adp
                        || self.a.upos == Upos::Sconj
                            && !matches!(
                                &*lower(self.text),
                                "that"
                                    | "if"
                                    | "whether"
                                    | "because"
                                    | "although"
                                    | "though"
                                    | "while"
                                    | "whereas"
                                    | "unless"
                                    | "once"
                                    | "so"
                                    | "lest"
                            ))
            }
        }
    }

    fn is_postposition(&self) -> bool {
        self.stts() == Some(Stts::Appo)
    }

    fn case(&self) -> Option<Case> {
        self.a.feats.case
    }
}

/// A German demonstrative `dieser`/`jener` that may stand for a noun phrase by itself.
pub(crate) fn is_lone_demonstrative(w: &W<'_>) -> bool {
    matches!(w.stts(), Some(Stts::Pdat | Stts::Pds))
        && matches!(w.a.lemma.as_str(), "dieser" | "jener")
}

/// German contracted prepositions and their preposition.
fn preposition(lang: Language, w: &str) -> String {
    let l = w.to_lowercase();
    if lang == Language::De {
        let p = match l.as_str() {
            "am" | "ans" => "an",
            "im" | "ins" => "in",
            "zum" | "zur" => "zu",
            "vom" => "von",
            "beim" => "bei",
            "aufs" => "auf",
            "übers" => "über",
            "fürs" => "für",
            "ums" => "um",
            "durchs" => "durch",
            "hinterm" | "hinters" => "hinter",
            "unterm" | "unters" => "unter",
            "vorm" | "vors" => "vor",
            _ => return l,
        };
        return p.to_string();
    }
    l
}

/// A noun phrase (or the noun phrase of a prepositional phrase), possibly coordinated.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The role in the clause (for noun phrases from case or position; for prepositional
    /// phrases `Pp`); `None` when it could not be told (a predicative or an extra phrase).
    pub role: Option<Role>,
    /// Sentence-local word indices of the whole phrase (preposition included).
    pub words: Range<usize>,
    /// One word range per conjunct (without the preposition and the conjunction).
    pub conjuncts: Vec<Range<usize>>,
    /// The head word of each conjunct.
    pub heads: Vec<usize>,
    /// Genitive or possessor attachments: word ranges inside `words`.
    pub genitives: Vec<Range<usize>>,
    pub case: Option<Case>,
}

impl Phrase {
    /// A prepositional phrase written as one word at `i`, headed by it: a pronominal
    /// adverb (`dafür`) or a univerbated phrase (`infrage`).
    fn one_word_pp(prep: &str, i: usize) -> Phrase {
        #[allow(clippy::single_range_in_vec_init)] // one conjunct, not a range
        Phrase {
            role: Some(Role::Pp(prep.to_string())),
            words: i..i + 1,
            conjuncts: vec![i..i + 1],
            heads: vec![i],
            genitives: Vec::new(),
            case: None,
        }
    }

    pub fn head(&self) -> usize {
        self.heads[0]
    }
}

/// Chunks the clause's words (sentence-local indices, ascending) into phrases and gives
/// each a role. `finite` is the clause's finite verb, `first_verb`/`last_verb` the span of
/// its verb complex (English roles by position).
pub fn phrases(
    lang: Language,
    words: &[W<'_>],
    clause: &[usize],
    verbs: Option<(usize, usize)>,
    finite: Option<usize>,
    main_clause: bool,
) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::new();
    let mut p = 0;
    while p < clause.len() {
        let i = clause[p];
        let w = &words[i];
        // German `als` (KOKOM) with a noun phrase or a predicative adjective: `bezeichnete
        // die Lage als „völlig unklar“`. (English `as` is a preposition already.)
        if lang == Language::De && w.stts() == Some(Stts::Kokom) && w.text == "als" {
            let mut q = p + 1;
            while q < clause.len()
                && (words[clause[q]].is_quote() || words[clause[q]].stts() == Some(Stts::Adv))
            {
                q += 1;
            }
            if let Some(&j) = clause.get(q) {
                if words[j].stts() == Some(Stts::Adjd) {
                    #[allow(clippy::single_range_in_vec_init)] // one conjunct, not a range
                    out.push(Phrase {
                        role: Some(Role::Pp("als".into())),
                        words: i..j + 1,
                        conjuncts: vec![j..j + 1],
                        heads: vec![j],
                        genitives: Vec::new(),
                        case: None,
                    });
                    p = q + 1;
                    continue;
                }
                if let Some((mut np, next)) = noun_phrase(lang, words, clause, p + 1) {
                    np.words.start = i;
                    np.role = Some(Role::Pp("als".into()));
                    out.push(np);
                    p = next;
                    continue;
                }
            }
        }
        // German pronominal adverbs stand for a prepositional phrase: `sprach sich dafür
        // aus`, `warnte davor` (pp:für, pp:vor; no actor of their own).
        if lang == Language::De && w.stts() == Some(Stts::Pav) {
            if let Some(prep) = pronominal_preposition(w.text) {
                out.push(Phrase::one_word_pp(prep, i));
                p += 1;
                continue;
            }
        }
        // `infrage`, `zustande`: a prepositional phrase written as one word (the spelling
        // rules allow both `in Frage` and `infrage`) is that phrase, headed by the word
        // (`ClauseCx::head_in` reads its noun); as a separated particle it is part of the
        // verb's lemma (`zugrundeliegen`)
        if lang == Language::De && w.stts() != Some(Stts::Ptkvz) {
            if let Some((prep, _)) = univerbated_pp(w.text) {
                out.push(Phrase::one_word_pp(prep, i));
                p += 1;
                continue;
            }
        }
        // `gegenüber` is a preposition or a postposition: before a noun phrase it is the
        // preposition (`Restriktionen gegenüber Russland`), whatever the tagger says
        let gegenueber_before_np = |k: usize| {
            lang == Language::De
                && words[clause[k]].text.eq_ignore_ascii_case("gegenüber")
                && clause
                    .get(k + 1)
                    .is_some_and(|&j| words[j].is_premodifier(lang) || words[j].is_head(lang))
        };
        if w.is_prep(lang) || gegenueber_before_np(p) {
            // `von über 200 Abgeordneten`, `mit unter 5 Prozent`: `über`/`unter` between a
            // preposition and a number measures the number; the first preposition governs
            // (`with both Kumaratunga and Prabhakaran`: an English `both`/`either` before
            // a coordination belongs to no phrase)
            let skip = usize::from(
                lang == Language::De
                    && clause.get(p + 1).is_some_and(|&j| {
                        matches!(words[j].text, "über" | "unter")
                            && clause
                                .get(p + 2)
                                .is_some_and(|&k| words[k].stts() == Some(Stts::Card))
                    })
                    || lang == Language::En
                        && clause.get(p + 1).is_some_and(|&j| {
                            matches!(&*lower(words[j].text), "both" | "either")
                                && words[j].a.upos == Upos::Cconj
                        }),
            );
            if let Some((np, next)) = noun_phrase(lang, words, clause, p + 1 + skip) {
                let mut np = np;
                np.words.start = i;
                np.role = Some(Role::Pp(preposition(lang, w.text)));
                out.push(np);
                p = next;
                continue;
            }
        } else if w.is_premodifier(lang) || w.is_head(lang) || w.is_quote() {
            if let Some((mut np, next)) = noun_phrase(lang, words, clause, p) {
                // A postposition after the phrase makes it prepositional (`den Angaben
                // zufolge`).
                if let Some(&j) = clause.get(next) {
                    if words[j].is_postposition() && !gegenueber_before_np(next) {
                        np.role = Some(Role::Pp(preposition(lang, words[j].text)));
                        np.words.end = j + 1;
                        out.push(np);
                        p = next + 1;
                        continue;
                    }
                }
                out.push(np);
                p = next;
                continue;
            }
        }
        p += 1;
    }
    if lang == Language::De {
        out.retain(|ph| ph.role.is_some() || !is_time_adverbial(words, ph));
    }
    assign_roles(lang, words, &mut out, verbs, finite, main_clause);
    // A German `zu` infinitive has no subject of its own: a phrase read as nominative
    // there is the object (`Dutzende Menschen zu retten`); its doer comes from the
    // governing clause.
    let zu_infinitive = lang == Language::De
        && finite.is_none()
        && clause
            .iter()
            .any(|&i| matches!(words[i].stts(), Some(Stts::Ptkzu | Stts::Vvizu)));
    if zu_infinitive && !out.iter().any(|p| p.role == Some(Role::Obj)) {
        if let Some(ph) = out.iter_mut().find(|p| p.role == Some(Role::Subj)) {
            ph.role = Some(Role::Obj);
        }
    }
    out
}

/// The noun phrase starting at clause position `p`: the phrase and the next position.
fn noun_phrase(
    lang: Language,
    words: &[W<'_>],
    clause: &[usize],
    p: usize,
) -> Option<(Phrase, usize)> {
    let (first, mut next) = simple_np(lang, words, clause, p)?;
    let mut phrase = Phrase {
        role: None,
        words: first.words.clone(),
        conjuncts: vec![first.words.clone()],
        heads: vec![first.head],
        genitives: first.genitives,
        case: first.case,
    };
    // An English list: `the US, Russia(,) and Switzerland`, only when a conjunction closes
    // it (`the US commander, General Petraeus, said` is an apposition). Punctuation is
    // not among the clause's words: the comma is the word before an item.
    if lang == Language::En {
        let comma_before = |q: usize| {
            clause
                .get(q)
                .is_some_and(|&c| c > 0 && words[c - 1].text == ",")
        };
        let mut items: Vec<(Simple, usize)> = Vec::new();
        let mut q = next;
        while comma_before(q) && clause.get(q).is_some_and(|&c| !words[c].is_conj()) {
            let Some((more, after)) = simple_np(lang, words, clause, q) else {
                break;
            };
            items.push((more, after));
            q = after;
        }
        let closed = !items.is_empty()
            && clause.get(q).is_some_and(|&c| words[c].is_conj())
            && simple_np(lang, words, clause, q + 1).is_some();
        if closed {
            for (more, _) in items {
                phrase.words.end = more.words.end;
                phrase.conjuncts.push(more.words.clone());
                phrase.heads.push(more.head);
                phrase.genitives.extend(more.genitives);
            }
            next = q;
        }
    }
    // Coordination: `USA und NATO`, `nach Deutschland und Polen`.
    while let (Some(&c), Some(&c2)) = (clause.get(next), clause.get(next + 1)) {
        // German `sowohl X als auch Y`: a two-word conjunction
        let both = lang == Language::De
            && words[c].text.eq_ignore_ascii_case("als")
            && words[c2].text.eq_ignore_ascii_case("auch")
            && c2 == c + 1;
        if !words[c].is_conj() && !both {
            break;
        }
        let skip = if both { 2 } else { 1 };
        // English `and` followed by a preposition or verb ends the phrase.
        let Some((more, after)) = simple_np(lang, words, clause, next + skip) else {
            break;
        };
        phrase.words.end = more.words.end;
        phrase.conjuncts.push(more.words.clone());
        phrase.heads.push(more.head);
        phrase.genitives.extend(more.genitives);
        next = after;
    }
    Some((phrase, next))
}

struct Simple {
    words: Range<usize>,
    head: usize,
    genitives: Vec<Range<usize>>,
    case: Option<Case>,
}

/// One noun phrase without coordination, with its genitive attachments.
fn simple_np(
    lang: Language,
    words: &[W<'_>],
    clause: &[usize],
    p0: usize,
) -> Option<(Simple, usize)> {
    let mut p = p0;
    let mut head: Option<usize> = None;
    let mut case: Option<Case> = None;
    let mut genitives: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut last = 0;
    // contiguous words only: a gap in `clause` (an embedded clause) ends the phrase
    let contiguous = |p: usize| p == p0 || clause[p] == clause[p - 1] + 1;
    let mut open_quotes = 0usize;
    // a number stands before the head (`15.000 Euro`, `drei Jahre`)
    let mut counted = false;
    while p < clause.len() && contiguous(p) {
        let i = clause[p];
        let w = &words[i];
        // A hyphen compound is one word with the last part's tag: `NATO-Generalsekretär`,
        // `US-Soldaten`.
        if w.joined
            && clause.get(p + 2).is_some_and(|&k| k == i + 2)
            && words[i + 1].text == "-"
            && words[i + 1].joined
            && !words[i + 2].is_quote()
            && words[i + 2].a.upos != Upos::Punct
        {
            start.get_or_insert(i);
            p += 2;
            continue;
        }
        if w.is_quote() {
            if head.is_some() && open_quotes == 0 {
                break;
            }
            if matches!(w.text, "„" | "“" | "«" | "‚" | "``") && head.is_none() {
                open_quotes += 1;
            } else {
                open_quotes = open_quotes.saturating_sub(1);
            }
            start.get_or_insert(i);
            last = i;
            p += 1;
            continue;
        }
        // `the moderate and cautious Grand Ayatollah`: adjectives coordinated before the
        // head are one premodifier (English)
        if lang == Language::En
            && head.is_none()
            && start.is_some()
            && w.is_conj()
            && words[clause[p - 1]].a.upos == Upos::Adj
            && clause
                .get(p + 1)
                .is_some_and(|&j| contiguous(p + 1) && words[j].a.upos == Upos::Adj)
        {
            last = i;
            p += 1;
            continue;
        }
        if head.is_none() && (w.is_premodifier(lang) || w.is_quote()) {
            // A prenominal German genitive name: `Russlands Präsident`.
            start.get_or_insert(i);
            counted |= w.stts() == Some(Stts::Card);
            if w.is_premodifier(lang) && case.is_none() && lang == Language::De {
                case = w.case();
            }
            last = i;
            p += 1;
            continue;
        }
        // German place adjectives in -er are capitalised and indeclinable: `die Schwechater
        // Stadtführung`, `der Grazer Bürgermeister`; after an article and before a noun
        // they modify it (two bare nouns in a row are no German phrase otherwise). So do
        // the capitalised adjectives of names, which the tagger reads as nouns: `der
        // Burgenländische Landesrechnungshof`, `der Deutsche Gewerkschaftsbund`
        if lang == Language::De
            && head.is_none()
            && start.is_some()
            && matches!(w.stts(), Some(Stts::Nn | Stts::Ne))
            && w.text.len() > 3
            && (w.text.ends_with("er") || name_adjective(w.text))
            && w.text.chars().next().is_some_and(char::is_uppercase)
            && clause.get(p + 1).is_some_and(|&j| {
                contiguous(p + 1) && words[j].stts() == Some(Stts::Nn) && !words[j].is_quote()
            })
        {
            last = i;
            p += 1;
            continue;
        }
        if w.is_head(lang) {
            if lang == Language::De
                && head.is_none()
                && w.stts() == Some(Stts::Ne)
                && w.case() == Some(Case::Gen)
                && clause.get(p + 1).is_some_and(|&j| {
                    contiguous(p + 1)
                        && (words[j].is_head(lang) || words[j].is_premodifier(lang))
                        && words[j].stts() != Some(Stts::Pper)
                        // no article after a prenominal genitive: `der Plan Deutschlands
                        // ein Skandal` is two phrases
                        && words[j].stts() != Some(Stts::Art)
                })
            {
                genitives.push(i..i + 1);
                start.get_or_insert(i);
                last = i;
                p += 1;
                continue;
            }
            match head {
                None => {
                    head = Some(i);
                    start.get_or_insert(i);
                    if case.is_none() || lang == Language::De && case.is_none() {
                        case = w.case();
                    }
                }
                Some(h) => {
                    // German: a title or noun followed by a name (`Präsident Putin`), or
                    // names in a row; English: noun compounds and name runs.
                    let ok = match lang {
                        // (a genitive name after a noun is an attachment: `die
                        // Unterstützung Chinas`)
                        Language::De => {
                            w.stts() == Some(Stts::Ne)
                                && matches!(words[h].stts(), Some(Stts::Nn | Stts::Ne))
                                && (w.case() != Some(Case::Gen)
                                    || words[h].case() == Some(Case::Gen))
                        }
                        // (`On Wednesday guerrillas kidnapped …`: a weekday after `on`
                        // dates the clause and compounds with no noun)
                        Language::En => {
                            matches!(w.a.upos, Upos::Noun | Upos::Propn)
                                && matches!(words[h].a.upos, Upos::Noun | Upos::Propn)
                                && !(h > 0
                                    && words[h - 1].text.eq_ignore_ascii_case("on")
                                    && words[h].weekday)
                        }
                    };
                    if !ok {
                        break;
                    }
                    if lang == Language::En {
                        head = Some(i);
                    }
                }
            }
            last = i;
            p += 1;
            // A pronoun is a phrase by itself.
            if matches!(w.a.upos, Upos::Pron) {
                break;
            }
            continue;
        }
        // A bracketed apposition right after the head belongs to the phrase: `Niessl
        // (SPÖ)`, `Andrä Rupprechter (ÖVP)`.
        // English possessive: what precedes is the possessor of the following phrase.
        if lang == Language::En && head.is_some() && w.penn() == Some(Penn::Pos) {
            if let Some((rest, after)) = simple_np(lang, words, clause, p + 1) {
                genitives.push(start.unwrap_or(i)..i + 1);
                genitives.extend(rest.genitives);
                return Some((
                    Simple {
                        words: start.unwrap_or(i)..rest.words.end,
                        head: rest.head,
                        genitives,
                        case: None,
                    },
                    after,
                ));
            }
            last = i;
            p += 1;
            break;
        }
        break;
    }
    // A German demonstrative determiner with no noun after it stands for one: `der …
    // diesen mehrfach kritisiert hatte`, `jenem vorwerfen` (the tagger reads the form as
    // PDAT whether a noun follows or not; a lone word only, not `die neuen`)
    if head.is_none()
        && lang == Language::De
        && start.is_some_and(|s| s == last)
        && is_lone_demonstrative(&words[last])
    {
        head = Some(last);
    }
    let mut head = head?;
    // A quantity noun counts what follows: `Tausende Soldaten`, `Hunderte Demonstranten`
    // (the counted noun is the head; German adds it without a genitive).
    if lang == Language::De && is_quantity_noun(&words[head].a.lemma) {
        if let Some((q, after)) = clause
            .get(p)
            .filter(|_| contiguous(p))
            .and_then(|&j| {
                (words[j].is_premodifier(lang) || words[j].stts() == Some(Stts::Nn)).then_some(())
            })
            .and_then(|_| simple_np(lang, words, clause, p))
        {
            head = q.head;
            last = q.words.end - 1;
            genitives.extend(q.genitives);
            p = after;
        }
    }
    // A number with a unit measures the bare noun after it: `15.000 Euro Strafe`, `drei
    // Jahre Haft` (German adds it without a genitive or article).
    if lang == Language::De && counted && is_unit_noun(&words[head].a.lemma) {
        if let Some(&j) = clause.get(p).filter(|_| contiguous(p)) {
            if words[j].stts() == Some(Stts::Nn) && !words[j].is_quote() {
                head = j;
                last = j;
                // the measured noun's case is the phrase's (`Euro` shows none)
                case = words[j].case().or(case);
                p += 1;
            }
        }
    }
    // A bracketed apposition right after the phrase belongs to it: `Niessl (SPÖ)`,
    // `Andrä Rupprechter (ÖVP)` (the brackets themselves are in no clause).
    if words.get(last + 1).is_some_and(|w| w.text == "(") {
        if let Some(close) = (last + 2..words.len().min(last + 9)).find(|&k| words[k].text == ")") {
            while p < clause.len() && clause[p] < close {
                p += 1;
            }
            last = close;
        }
    }
    let mut end = last + 1;
    // German postnominal genitive: `die Unterstützung Chinas`, `Ende der Truppenaufmärsche`.
    if lang == Language::De {
        while let Some(&j) = clause.get(p) {
            if !contiguous(p) {
                break;
            }
            let w = &words[j];
            let gen_start = (w.is_premodifier(lang) || w.is_head(lang))
                && w.case() == Some(Case::Gen)
                && w.stts() != Some(Stts::Pper);
            if !gen_start {
                break;
            }
            let Some((g, after)) = simple_np(lang, words, clause, p) else {
                break;
            };
            genitives.push(g.words.start..g.words.end);
            end = g.words.end;
            p = after;
        }
    }
    // English `of`: `the deployment of troops`, `the president of Russia`.
    if lang == Language::En {
        while let (Some(&j), true) = (clause.get(p), p < clause.len()) {
            if !contiguous(p) || !words[j].text.eq_ignore_ascii_case("of") {
                break;
            }
            let Some((g, after)) = simple_np(lang, words, clause, p + 1) else {
                break;
            };
            genitives.push(j..g.words.end);
            end = g.words.end;
            p = after;
        }
    }
    // `dozens of diplomats`, `Tausende der Demonstranten`: the counted noun is the head
    if is_quantity_noun(&words[head].a.lemma) {
        if let Some(g) = genitives.first().filter(|g| g.start <= head + 2).cloned() {
            if let Some(h) = (g.start..g.end).rev().find(|&k| words[k].is_head(lang)) {
                head = h;
                genitives.remove(0);
            }
        }
    }
    Some((
        Simple {
            words: start.unwrap_or(head)..end,
            head,
            genitives,
            case,
        },
        p,
    ))
}

/// German units after a number that measure a following bare noun (`15.000 Euro Strafe`).
fn is_unit_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "Euro"
            | "Dollar"
            | "Franken"
            | "Pfund"
            | "Jahr"
            | "Monat"
            | "Woche"
            | "Tag"
            | "Stunde"
            | "Prozent"
            | "Tonne"
    )
}

/// A German noun phrase that dates the clause and is none of its arguments: `Vergangene
/// Woche`, `nächsten Monat`, `diesen Sommer`, `Anfang Dezember`, `jeden Tag`.
fn is_time_adverbial(words: &[W<'_>], ph: &Phrase) -> bool {
    if ph.heads.len() != 1 || ph.words.len() > 3 {
        return false;
    }
    let first = &words[ph.words.start];
    let head = &words[ph.head()];
    // `Wenig später`, `wenig zuvor`: the pronoun measures a time adverb
    if ph.words.len() == 1
        && first.text.eq_ignore_ascii_case("wenig")
        && words
            .get(ph.words.end)
            .is_some_and(|n| matches!(n.text, "später" | "früher" | "danach" | "zuvor" | "darauf"))
    {
        return true;
    }
    let month = |l: &str| {
        matches!(
            l,
            "Januar"
                | "Jänner"
                | "Februar"
                | "März"
                | "April"
                | "Mai"
                | "Juni"
                | "Juli"
                | "August"
                | "September"
                | "Oktober"
                | "November"
                | "Dezember"
        )
    };
    // `Anfang Dezember`, `Ende Mai`, `Mitte Juni`
    if ph.words.len() == 2 && matches!(first.text, "Anfang" | "Ende" | "Mitte") && month(head.text)
    {
        return true;
    }
    let unit = matches!(
        head.a.lemma.as_str(),
        "Woche"
            | "Monat"
            | "Jahr"
            | "Tag"
            | "Wochenende"
            | "Nacht"
            | "Abend"
            | "Morgen"
            | "Vormittag"
            | "Nachmittag"
            | "Quartal"
            | "Sommer"
            | "Herbst"
            | "Winter"
            | "Frühjahr"
            | "Frühling"
    ) || month(head.text);
    unit && ph.words.start < ph.head()
        && matches!(
            &*lower(&first.a.lemma),
            "vergangen"
                | "letzt"
                | "nächst"
                | "kommend"
                | "dies"
                | "vorig"
                | "jed"
                | "heurig"
                | "selb"
                | "gleich"
                | "ganz"
        )
}

/// Nouns that count: `Tausende`, `Dutzend`, `Millionen`, `dozens`, `hundreds`, `a number`,
/// `a bunch`.
pub(crate) fn is_quantity_noun(lemma: &str) -> bool {
    with_lower(lemma, |l| {
        matches!(
            l,
            "tausend"
                | "tausende"
                | "hundert"
                | "hunderte"
                | "dutzend"
                | "dutzende"
                | "million"
                | "millionen"
                | "milliarde"
                | "milliarden"
                | "hunderttausend"
                | "zehntausend"
                | "reihe"
                | "vielzahl"
                | "großteil"
                | "mehrheit"
                | "hälfte"
                | "anzahl"
                | "zahl"
                | "dozen"
                | "dozens"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "millions"
                | "number"
                | "score"
                | "scores"
                | "majority"
                | "half"
                | "group"
                | "handful"
                | "couple"
                | "bunch"
                | "batch"
        )
    })
}

fn assign_roles(
    lang: Language,
    words: &[W<'_>],
    out: &mut [Phrase],
    verbs: Option<(usize, usize)>,
    finite: Option<usize>,
    main_clause: bool,
) {
    match lang {
        Language::De => {
            for ph in out.iter_mut().filter(|p| p.role.is_none()) {
                if masculine_der(words, ph) {
                    ph.case = Some(Case::Nom);
                }
                ph.role = match ph.case.or_else(|| words[ph.head()].case()) {
                    Some(Case::Nom) => Some(Role::Subj),
                    Some(Case::Acc) => Some(Role::Obj),
                    Some(Case::Dat) => Some(Role::Dat),
                    Some(Case::Gen) => Some(Role::Gen),
                    None => None,
                };
            }
            // `warf der Türkei vor`: `der` + a feminine singular is genitive or dative; a
            // genitive that follows no noun attaches to nothing (verbs that govern a
            // genitive are rare), so it is the dative object.
            for ph in out.iter_mut().filter(|p| p.role == Some(Role::Gen)) {
                let head = &words[ph.head()];
                let article = &words[ph.words.start];
                let after_noun = ph.words.start > 0
                    && matches!(words[ph.words.start - 1].a.upos, Upos::Noun | Upos::Propn);
                if !after_noun
                    && article.text.eq_ignore_ascii_case("der")
                    && head.a.feats.number != Some(Number::Plur)
                    && head.a.feats.gender.is_none_or(|g| g == Gender::Fem)
                {
                    ph.role = Some(Role::Dat);
                }
            }
            // One subject: a second nominative is a predicative or a misread object.
            let mut subj_seen = false;
            for ph in out.iter_mut() {
                if ph.role == Some(Role::Subj) {
                    if subj_seen {
                        ph.role = Some(Role::Obj);
                    }
                    subj_seen = true;
                }
            }
            let verb_number = finite.and_then(|f| words[f].a.feats.number);
            let number = |ph: &Phrase| {
                if ph.heads.len() > 1 {
                    Some(Number::Plur)
                } else {
                    words[ph.head()].a.feats.number
                }
            };
            let agrees = |ph: &Phrase| match (number(ph), verb_number) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let bare =
                |r: &Option<Role>| matches!(r, None | Some(Role::Obj | Role::Dat | Role::Subj));
            // a bare phrase that could be the subject by its number
            let could_agree = |p: &Phrase| {
                bare(&p.role)
                    && number(p).is_some()
                    && agrees(p)
                    && !is_oblique_pronoun(&words[p.head()])
            };
            // A nominative that disagrees in number with the finite verb, while another
            // bare phrase agrees, is a misread case: `Ähnliches forderten die Abgeordneten`.
            if let Some(k) = out.iter().position(|p| p.role == Some(Role::Subj)) {
                if verb_number.is_some() && number(&out[k]).is_some() && !agrees(&out[k]) {
                    if let Some(j) = out
                        .iter()
                        .position(|p| p.role != Some(Role::Subj) && could_agree(p))
                    {
                        out[k].role = Some(Role::Obj);
                        out[j].role = Some(Role::Subj);
                    }
                }
            } else if let (Some(f), true) = (finite, main_clause) {
                // No nominative: the first bare phrase before the finite verb of a main
                // clause (the Vorfeld) is the subject, whatever case the tagger gave it
                // (`Der russische Diplomat` misread as dative; as genitive when it opens
                // the clause after a dateline, `Helsinki – Der Finanzminister …`: a genitive
                // with no noun before it attaches to nothing)
                let opening_gen = |k: usize, p: &Phrase| {
                    k == 0
                        && p.role == Some(Role::Gen)
                        && (p.words.start == 0
                            || !matches!(words[p.words.start - 1].a.upos, Upos::Noun | Upos::Propn))
                };
                if let Some((_, ph)) = out.iter_mut().enumerate().find(|(k, p)| {
                    p.words.end <= f
                        && (bare(&p.role) || opening_gen(*k, p))
                        && !is_oblique_pronoun(&words[p.head()])
                }) {
                    ph.role = Some(Role::Subj);
                } else if let Some(ph) = out.iter_mut().find(|p| could_agree(p)) {
                    // the Vorfeld holds no phrase (`Vergangene Woche hatte die Polizei das
                    // Lager geräumt`): the first agreeing bare phrase after the verb
                    ph.role = Some(Role::Subj);
                }
            } else if let Some(ph) = out.iter_mut().find(|p| could_agree(p)) {
                // verb-first or verb-final clause: the first agreeing bare phrase
                ph.role = Some(Role::Subj);
            }
        }
        Language::En => {
            let Some((first, last)) = verbs else { return };
            // subject: the last plain phrase before the verbs
            if let Some(ph) = out
                .iter_mut()
                .filter(|p| p.role.is_none() && p.words.end <= first)
                .last()
            {
                ph.role = Some(Role::Subj);
            }
            let after: Vec<usize> = out
                .iter()
                .enumerate()
                .filter(|(_, p)| p.role.is_none() && p.words.start > last)
                .map(|(k, _)| k)
                .collect();
            // two bare objects in a row: indirect then direct (`gave Ukraine weapons`)
            if after.len() >= 2 && out[after[0]].words.end == out[after[1]].words.start {
                out[after[0]].role = Some(Role::Dat);
                out[after[1]].role = Some(Role::Obj);
            } else if let Some(&k) = after.first() {
                out[k].role = Some(Role::Obj);
            }
        }
    }
}

/// A capitalised German word whose ending is an adjective's suffix with its inflection
/// (`Burgenländische`, `Europäischen`, `Staatliche`, `Oberste`): in a name before a noun it is
/// the noun's adjective. Not `-schen` (`den Menschen Hilfe`: two phrases) nor `-sten`
/// (`den Kosten`).
fn name_adjective(w: &str) -> bool {
    const ENDINGS: [&str; 7] = ["sche", "ischen", "liche", "lichen", "ige", "igen", "ste"];
    ENDINGS
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

/// `der Unabhängige Parteien-Transparenz-Senat`: the article `der` before one masculine
/// singular noun is nominative whatever case the tagger gave it (misled here by
/// `Parteien`): the genitive and dative of the masculine are `des` and `dem`, and `der` as
/// a genitive or dative is feminine or plural.
fn masculine_der(words: &[W<'_>], ph: &Phrase) -> bool {
    let article = &words[ph.words.start];
    let head = &words[ph.head()];
    ph.heads.len() == 1
        && matches!(ph.case, Some(Case::Gen | Case::Dat))
        && article.stts() == Some(Stts::Art)
        && article.text.eq_ignore_ascii_case("der")
        && head.stts() == Some(Stts::Nn)
        && head.a.feats.gender == Some(Gender::Masc)
        && head.a.feats.number == Some(Number::Sing)
}

/// `ihm`, `ihn`, `uns`, `him`, `them`: pronouns that are never subjects.
fn is_oblique_pronoun(w: &W<'_>) -> bool {
    w.a.upos == Upos::Pron
        && matches!(
            &*lower(w.text),
            "ihm"
                | "ihn"
                | "ihnen"
                | "ihr"
                | "mir"
                | "mich"
                | "dir"
                | "dich"
                | "uns"
                | "euch"
                | "sich"
                | "him"
                | "them"
                | "us"
                | "me"
        )
}

/// A German adverb that is a prepositional phrase written as one word, as its preposition
/// and its noun's lower-case lemma: `infrage` → (`in`, `frage`). The adverbs of the spelling
/// rules that may be written either way (Amtliche Regelung § 39 E3: `in Frage`/`infrage`,
/// `zu Stande`/`zustande`, …); the prepositions among them (`aufgrund`, `anstelle`) are
/// tagged as prepositions and stay so.
pub(crate) fn univerbated_pp(w: &str) -> Option<(&'static str, &'static str)> {
    const WORDS: [(&str, &str, &str); 11] = [
        ("infrage", "in", "frage"),
        ("instand", "in", "stand"),
        ("zugrunde", "zu", "grund"),
        ("zuleide", "zu", "leid"),
        ("zumute", "zu", "mut"),
        ("zunutze", "zu", "nutzen"),
        ("zurate", "zu", "rat"),
        ("zuschulden", "zu", "schuld"),
        ("zustande", "zu", "stand"),
        ("zutage", "zu", "tag"),
        ("zuwege", "zu", "weg"),
    ];
    with_lower(w, |l| {
        WORDS
            .iter()
            .find(|(form, _, _)| *form == l)
            .map(|&(_, prep, noun)| (prep, noun))
    })
}

/// `dafür` → `für`, `darauf` → `auf`, `damit` → `mit`, `hierüber` → `über`.
fn pronominal_preposition(w: &str) -> Option<&'static str> {
    let l = lower(w);
    let rest = l
        .strip_prefix("dar")
        .or_else(|| l.strip_prefix("da"))
        .or_else(|| l.strip_prefix("hier"))
        .or_else(|| l.strip_prefix("wor"))
        .or_else(|| l.strip_prefix("wo"))?;
    const PREPS: [&str; 18] = [
        "an", "auf", "aus", "bei", "durch", "für", "gegen", "hinter", "in", "mit", "nach", "neben",
        "über", "um", "unter", "von", "vor", "zu",
    ];
    PREPS.iter().copied().find(|p| *p == rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The adjectives of names are told by suffix and inflection; nouns that end alike and
    /// often stand before a second phrase (`den Menschen Hilfe`, `den Kosten Rechnung`,
    /// `der Familie Geld`) are not.
    #[test]
    fn name_adjectives_by_their_endings() {
        for w in [
            "Burgenländische",
            "Deutsche",
            "Europäischen",
            "Staatliche",
            "Oberste",
        ] {
            assert!(name_adjective(w), "{w}");
        }
        for w in ["Menschen", "Kosten", "Familie", "Partei", "Ische"] {
            assert!(!name_adjective(w), "{w}");
        }
    }

    /// A one-word prepositional phrase is its preposition and noun, in any capitalisation;
    /// a preposition that merely starts a word is none.
    #[test]
    fn univerbated_phrases_name_preposition_and_noun() {
        assert_eq!(univerbated_pp("infrage"), Some(("in", "frage")));
        assert_eq!(univerbated_pp("Zustande"), Some(("zu", "stand")));
        assert_eq!(univerbated_pp("Infrastruktur"), None);
        assert_eq!(univerbated_pp("in"), None);
    }
}
