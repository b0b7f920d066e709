//! Entity recognition and linking: tokens and word analyses in, `entities` out (the
//! `sitrep/1` contract: kind, name, actor `{code, sector}` (`code` null when the text
//! gives a sector and no state: `-/CVL`, `-/BUS`), knowledge-base id, mentions with byte
//! spans).
//!
//! Rules, in order (all written for the language, never for one text):
//!
//! 1. **Knowledge-base matches** ([`sitrep_kb::matcher`]): whole-token, leftmost-longest,
//!    inflected forms included. Inside hyphen compounds (`US` `-` `Soldaten`, also an
//!    unsplit `US-Soldaten`) the name is the mention and the head gives the sector
//!    (`Soldaten` → MIL; `Kreml-Angaben` keeps the seat's GOV). A state adjective takes
//!    its sector from the noun it modifies (`die russische Regierung` → RUS GOV).
//!    Context-only forms need their context: an organisation's coreference noun needs a
//!    definite article and the organisation named before (`die Allianz` → NATO); a media
//!    alias that is an ordinary word needs quotes, a citing word before it, or the outlet
//!    named before. A surname alone links to a known person when that person was named in
//!    full before, holds an office on the publication date, or (no date) is tagged as a
//!    proper name.
//! 2. **Place or actor**: a capital after a preposition is a place (`in Washington`);
//!    before a verb, or in a compound whose head names a sector, it stands for the
//!    government (`Washington kritisierte` → USA GOV). Otherwise a place. A dateline's
//!    word in capitals is a place (`MOSCOW (Reuters) -`, `OTTAWA –`), known or not.
//! 3. **Roles by date**: a known person's code and sector come from the office they act
//!    in on the publication date (`Person::role_on`: a state office before a party's
//!    leadership); out of office, the sector is left empty. Without a date (GNAD has
//!    none), the knowledge base gives the state of the person's terms and a sector only
//!    if every term has the same one (`Person::undated_role`); a descriptor or apposition
//!    in the text then says the role, and the person's other mentions take it.
//! 4. **Unknown names**: runs of capitalised proper-name tokens (PROPN / NE / NNP) the
//!    knowledge base does not know. A run is a person after a title or office word or next
//!    to a verb of saying, or when it starts with a given name or holds an initial; one of
//!    several words holding a German word is an organisation; an organisation when it ends in
//!    an organisation head (`AG`, `Partei`, `University`) or is an acronym; an outlet when
//!    it ends in an outlet's word (English `Morning Herald`, `National Radio`); English
//!    `Ministry of <Portfolio>` is one organisation with the portfolio ministry's sector; a
//!    known organisation's name at the end of a longer name is not that organisation
//!    (`National Security Council`); a place after a
//!    locative preposition, with a place-name ending or first word (`-straße`, `Bad`), or
//!    when the German lexicon knows it only as a name. Descriptors before a person, or an
//!    apposition before a comma, give its code and sector (`der russische UNO-Diplomat
//!    Dmitri Poljanski` → RUS DIP). The German lexicon vetoes common nouns the tagger took
//!    for names (`im Juni`). One word (or two) the lexicon cannot analyse
//!    at all, next to a verb, is a surname (`sagte Pfister`, `verlässt Åke Walleborn`); other
//!    single unknown words, and runs of unknown words without a given name or an initial, are
//!    left out. A name in the genitive ends the name (`Heidi Klums Modelsuche`); a compound
//!    descriptor (`FPÖ-Chef X`) or a party in parentheses (`X (ÖVP)`) codes a person.
//!    A month name next to a day or year, or after a date preposition or modifier (`in
//!    May`, `May 5`, `3 May`, `last May`), is no surname (Theresa May); office words
//!    before a rank's abbreviation (`Chief Supt. John Smith`) are no name.
//! 5. **Coreference** in the document: a surname alone refers to the earlier person with
//!    that last name (`Johnson` after `Boris Johnson`).
//! 6. **Places registry** (GeoNames towns, exonyms, regions, rivers): a town is a place
//!    alone unless its name is also an ordinary word (the lexicon's common nouns, the data's
//!    `ambiguous` flag, one-word towns under 5,000 inhabitants), a given name (`David`), or
//!    stands next to another name (`Thomas Stein`, `Chicago Bulls`); those need a
//!    preposition without article (`in Essen`; `im Mai` is none). Districts joined by a
//!    hyphen are one place (`Berlin-Mitte`).
//! 7. **Given names** start persons (`Laura Schmidt`; a given name that is also a word,
//!    `August`, only before an unknown name); the word after a given name is its surname
//!    whatever else the knowledge base knows by it (`Wolfgang Wagner`).
//! 8. **German name phrases** the tagger calls common nouns: streets and roads
//!    (`Schwanitzstraße`, `A 7`), capitalised adjectives before an institution or place
//!    noun (`Bayerischen Staatsministerium für Unterricht und Kultus`, `Bayerischen Wald`),
//!    `Bundes-`/`Landes-` institutions; national organisations (`CDU`, `Audi AG`, clubs)
//!    from the knowledge base, joined with their legal form and town (`Universität
//!    Gießen`).
//!
//! 9. **Home state** ([`shown_home`], [`with_home_country`]): in the `entities` output, a
//!    person or organisation the knowledge base does not know and the context did not code
//!    belongs to the document's dateline state (else the state most named, else the state
//!    its headline begins with as the subject). The mentions
//!    ([`EntityRecognizer::mentions`]) keep no such code: the event stage infers it itself.
//! 10. **Attribution pronouns** ([`EntityRecognizer::attribution_pronouns`]): `sagte er`,
//!     `he said` join the last person named (output only, like the home state).
//!
//! Entities are grouped by referent and role: `Russland` and `der Kreml` are two entities
//! (RUS without sector, RUS GOV). A place reading of a capital is a `place` entity without
//! actor, with the state's code as `kb`.

mod cues;
pub mod dateline;
mod linking;

use cues::{cues, Cues};
use sitrep_core::fnv::FnvSet;
use sitrep_core::lower::lower;
use sitrep_core::{
    ActorCode, Date, Entity, EntityKind, Language, Mention, Sector, Segmentation, Span, Token,
    TokenKind, Upos,
};
use sitrep_kb::matcher::{Entry, FormType, Matcher};
use sitrep_kb::KbError;
use sitrep_lexicon::SttsSet;
use sitrep_tag::WordAnalysis;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// a knowledge-base form of this type
    Kb(FormType),
    /// a knowledge-base form as the first part of a hyphen compound
    Compound(FormType),
    /// an unknown name with a cue
    Name,
    /// a surname referring to an earlier person
    Surname,
    /// a personal pronoun next to a verb of saying referring to the last person named
    /// (`sagte er`); made by [`EntityRecognizer::attribution_pronouns`] for the output only
    Pronoun,
    /// a state organ named by a common noun (`das Innenministerium`, `der Bund`): an
    /// actor, but no name in GermEval's sense
    Organ,
}

/// One recognised mention, before grouping into entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Token indices of the mention.
    pub tokens: Range<usize>,
    /// Byte span in the text.
    pub span: Span,
    pub kind: EntityKind,
    pub code: Option<String>,
    pub sector: Option<Sector>,
    pub kb: Option<String>,
    pub name: String,
    pub rule: Rule,
    /// The state a place lies in (places have no actor `code`).
    pub country: Option<String>,
    /// A person an office or post describes, one without a sector of its own
    /// (`Staatsoperndirektor`, `Kardinal`) or a former one (`die ehemalige Richterin`):
    /// no private person, so the output's default sector CVL is not given.
    pub office: bool,
}

impl Found {
    /// The state this mention stands for or lies in: its actor code, a place's state, or
    /// the state a capital's place reading names in `kb`.
    pub fn state(&self) -> Option<String> {
        self.code
            .clone()
            .or_else(|| self.country.clone())
            .or_else(|| {
                (self.kind == EntityKind::Place)
                    .then(|| {
                        self.kb
                            .clone()
                            .filter(|k| k.len() == 3 && k.bytes().all(|b| b.is_ascii_uppercase()))
                    })
                    .flatten()
            })
    }

    /// An adjective or demonym: GermEval's `deriv` class.
    pub fn is_derived(&self) -> bool {
        matches!(
            self.rule,
            Rule::Kb(FormType::Adjective | FormType::Demonym)
                | Rule::Compound(FormType::Adjective | FormType::Demonym)
        )
    }
}

/// The recogniser for one language. Build once (≈ 20 ms), share across threads.
pub struct EntityRecognizer {
    lang: Language,
    kb: Matcher,
    cues: &'static Cues,
    /// German: tells common nouns the tagger called proper names (`Form`, `Juni`) from
    /// names, and knows many place names (`Stuttgart`: NE only).
    lexicon: Option<Arc<sitrep_lexicon::Lexicon>>,
    /// Given names: a run of names that starts with one is a person (`Laura Schmidt`).
    first_names: sitrep_kb::names::FirstNames,
    /// The ending keys of the company and organisation nouns of `linking` (computed once,
    /// not per document).
    noun_keys: linking::NounKeys,
    /// See [`calendar_words`].
    calendar: FnvSet<String>,
    /// See [`DateCues`].
    date_cues: DateCues,
    /// What the lexicon and the knowledge base say of words seen in earlier documents
    /// ([`WordMemo`]): their two tag sets ([`EntityRecognizer::lexicon_sets`]), whether
    /// they have a name's shape ([`EntityRecognizer::no_word_shape`]), the sector their
    /// form signals ([`EntityRecognizer::form_sector`]).
    lex_memo: WordMemo<(SttsSet, SttsSet)>,
    shape_memo: WordMemo<bool>,
    sector_memo: WordMemo<Option<Sector>>,
}

/// Answers about single words kept across documents and shared by the threads of a
/// batch: each depends on the word and the recogniser's own data only (the lexicon's tag
/// sets cost an FST walk of about 3,000 instructions). A cache only: results are the same
/// without it. A thread that finds it locked computes instead of waiting; it stops growing
/// at [`MEMO_WORDS`] words (a few MB).
struct WordMemo<V>(std::sync::Mutex<sitrep_core::fnv::FnvMap<Box<str>, V>>);

impl<V> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo(Default::default())
    }
}

/// Words a [`WordMemo`] keeps at most (GNAD dev's 877 articles ask the lexicon about
/// 16,000).
const MEMO_WORDS: usize = 100_000;

impl<V: Copy> WordMemo<V> {
    fn get(&self, word: &str) -> Option<V> {
        self.0.try_lock().ok()?.get(word).copied()
    }

    fn put(&self, word: &str, v: V) {
        if let Ok(mut m) = self.0.try_lock() {
            if m.len() < MEMO_WORDS {
                m.insert(word.into(), v);
            }
        }
    }

    /// The answer kept for `word`, or `f()` (then kept).
    fn get_or(&self, word: &str, f: impl FnOnce() -> V) -> V {
        self.get(word).unwrap_or_else(|| {
            let v = f();
            self.put(word, v);
            v
        })
    }
}

impl std::fmt::Debug for EntityRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityRecognizer")
            .field("lang", &self.lang)
            .field("kb", &self.kb.size())
            .field("lexicon", &self.lexicon.is_some())
            .finish()
    }
}

/// What the lexicon says a capitalised word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Unknown,
    /// a common noun only
    Noun,
    /// a proper name only (in the German lexicon: mostly places)
    Name,
    Both,
}

impl Lex {
    /// The class of a word's tag set.
    fn of(set: SttsSet) -> Lex {
        let nn = set.contains(sitrep_core::Stts::Nn);
        let ne = set.contains(sitrep_core::Stts::Ne);
        match (nn, ne) {
            (true, true) => Lex::Both,
            (true, false) => Lex::Noun,
            (false, true) => Lex::Name,
            (false, false) => Lex::Unknown,
        }
    }
}

struct Ctx<'a> {
    /// The lexicon's tag sets per word (as written, in any case), for this document.
    lex_cache: std::cell::RefCell<sitrep_core::fnv::FnvMap<String, (SttsSet, SttsSet)>>,
    /// Whether a word has no analysis and no common-noun head ([`EntityRecognizer::
    /// no_word_shape`]), for this document.
    shape_cache: std::cell::RefCell<sitrep_core::fnv::FnvMap<String, bool>>,
    /// The sector a word form signals ([`EntityRecognizer::form_sector`]), for this
    /// document: the lookup lower-cases and tries every suffix, and names repeat.
    sector_cache: std::cell::RefCell<sitrep_core::fnv::FnvMap<String, Option<Sector>>>,
    text: &'a str,
    tokens: &'a [Token],
    words: &'a [WordAnalysis],
    strs: Vec<&'a str>,
    published: Option<Date>,
    /// The words of datelines in capitals (`MOSCOW (Reuters) -`), see [`dateline_words`]:
    /// `strs` holds them capitalised as in running text (`Moscow`), so the knowledge base
    /// knows them, and they are read as places.
    dateline: Vec<Range<usize>>,
}

impl Ctx<'_> {
    /// A name of `kind` over tokens `r`, found by its form (rule `Name`): no code, sector
    /// or knowledge-base entry until a rule gives them.
    fn named(&self, r: Range<usize>, kind: EntityKind) -> Found {
        Found {
            tokens: r.clone(),
            span: self.span(r.clone()),
            kind,
            code: None,
            sector: None,
            kb: None,
            name: self.span(r).get(self.text).unwrap_or("").to_string(),
            rule: Rule::Name,
            country: None,
            office: false,
        }
    }

    fn in_dateline(&self, i: usize) -> bool {
        self.dateline.iter().any(|r| r.contains(&i))
    }

    /// Whether a blank line lies between token `j - 1` and token `j`: a paragraph ends
    /// there, and no name runs on into the next (`… by Australia Broadcasting Corp.` and
    /// a paragraph beginning `Allende said`).
    fn paragraph_break(&self, j: usize) -> bool {
        let (Some(a), Some(b)) = (
            j.checked_sub(1).and_then(|i| self.tokens.get(i)),
            self.tokens.get(j),
        ) else {
            return false;
        };
        self.text
            .get(a.span.end as usize..b.span.start as usize)
            .is_some_and(|gap| gap.matches('\n').count() >= 2)
    }

    fn upos(&self, i: usize) -> Option<Upos> {
        self.words.get(i).map(|w| w.upos)
    }
    fn lemma(&self, i: usize) -> &str {
        match self.words.get(i) {
            Some(w) if !w.lemma.is_empty() && w.lemma != "_" => &w.lemma,
            _ => self.strs[i],
        }
    }
    fn is_proper(&self, i: usize) -> bool {
        match self.words.get(i) {
            Some(w) => w.upos == Upos::Propn || matches!(w.xpos.as_str(), "NE" | "NNP" | "NNPS"),
            None => false,
        }
    }
    /// A common noun by its tag, or a lower-case word the tagger called a proper name.
    fn is_noun(&self, i: usize) -> bool {
        match self.upos(i) {
            Some(Upos::Noun) => true,
            Some(Upos::Propn) => self.strs[i].chars().next().is_some_and(char::is_lowercase),
            _ => false,
        }
    }

    /// A verb by its tag, or (the tagger may call a rare finite verb an adjective) a
    /// lower-case word whose lemma is a verb infinitive and whose form is a finite one.
    fn is_verb(&self, i: usize) -> bool {
        let Some(w) = self.words.get(i) else {
            return false;
        };
        if matches!(w.upos, Upos::Verb | Upos::Aux) || w.xpos.as_str().starts_with('V') {
            return true;
        }
        let form = self.strs[i];
        form.chars().next().is_some_and(char::is_lowercase)
            && w.lemma != form
            && (w.lemma.ends_with("ieren") || w.lemma.ends_with("en") && w.lemma.len() > 5)
            && (form.ends_with("te") || form.ends_with("ten") || form.ends_with("iert"))
            && self.words.get(i).is_some_and(|w| w.upos != Upos::Noun)
            && !form.ends_with("ete") // `bewaffnete`: participles used as adjectives
    }
    fn span(&self, r: Range<usize>) -> Span {
        Span::new(
            self.tokens[r.start].span.start as usize,
            self.tokens[r.end - 1].span.end as usize,
        )
    }
    /// `i` is followed by a hyphen that joins it to the next word: the head's index.
    fn compound_head(&self, end: usize) -> Option<usize> {
        // Callers pass the end of a phrase that may reach the sentence's end: every index
        // is checked.
        let last = end.checked_sub(1)?;
        let joined = |i: usize| self.tokens.get(i).is_some_and(|t| t.joined);
        if joined(last)
            && self.strs.get(end) == Some(&"-")
            && joined(end)
            && self
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && end + 1 < self.strs.len()
        {
            Some(end + 1)
        } else {
            None
        }
    }
}

/// Prepositions that make the next name a place; without the contractions with an article
/// (`im Mai`, `am Hof` are common nouns).
const LOCATIVE_NO_ARTICLE: &[&str] = &[
    "in",
    "nach",
    "aus",
    "bei",
    "nahe",
    "nördlich",
    "südlich",
    "östlich",
    "westlich",
    "Richtung",
    "durch",
    "von",
    "zwischen",
    "In",
    "Nach",
    "Aus",
    "Bei",
    "Von",
    "at",
    "from",
    "near",
    "to",
    "At",
    "From",
    "Near",
];

/// A word for a medium (`Wochenzeitung`, `Onlinemedien`), by [`MEDIA_NOUNS`].
fn media_word(w: &str) -> bool {
    let w = w.to_lowercase();
    MEDIA_NOUNS.iter().any(|m| w.ends_with(m))
}

/// Heads of a compound on an organisation that name a post inside it, not an office of
/// their own: the organisation gives the sector (`Wirtschaftskammer-Präsident` BUS,
/// `Caritas-Sprecherin` NGO, `Bundesbank-Vorstand` GOV), where an office head keeps its own
/// (`SPÖ-Bürgermeister` GOV, `ÖVP-Abgeordnete` LEG, `FPÖ-Minister` GOV).
const LEAD_HEADS: &[&str] = &[
    "Präsident",
    "Präsidentin",
    "Präsidenten",
    "Vizepräsident",
    "Vizepräsidentin",
    "Chef",
    "Chefin",
    "Chefs",
    "Generalsekretär",
    "Generalsekretärin",
    "Sprecher",
    "Sprecherin",
    "Vorsitzende",
    "Vorsitzender",
    "Vorsitzenden",
    "Direktor",
    "Direktorin",
    "Generaldirektor",
    "Generaldirektorin",
    "Obmann",
    "Obfrau",
    "Vorstand",
    "Leiter",
    "Leiterin",
    "Funktionär",
    "Funktionärin",
    "Vertreter",
    "Vertreterin",
    "Boss",
    "Spitze",
    "Experte",
    "Expertin",
    "president",
    "chief",
    "head",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "director",
    "representative",
    "chairman",
    "chairwoman",
    "adviser",
    "advisor",
    "member",
];

/// `w` ends in `suffix` (given in lower case), ignoring the case of ASCII letters: the
/// per-token tests compare without making a lower-case copy of every word.
fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// `w` begins with `prefix` (given in lower case), ignoring the case of ASCII letters.
fn starts_with_ci(w: &str, prefix: &str) -> bool {
    w.len() >= prefix.len() && w.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn lead_head(w: &str) -> bool {
    LEAD_HEADS.contains(&w)
}

/// Heads of hyphen compounds whose first part is an outlet (`Heute-Plattformen`,
/// `Kurier-Redaktion`): they let a title that is also a common word (`Heute`) be the outlet.
const MEDIA_COMPOUND_HEADS: &[&str] = &[
    "Plattform",
    "Plattformen",
    "Redaktion",
    "Redakteur",
    "Redakteurin",
    "Chefredakteur",
    "Chefredakteurin",
    "Herausgeber",
    "Herausgeberin",
    "Leser",
    "Leserinnen",
    "Website",
    "Umfrage",
    "Interview",
];

/// Compound heads (lemmas) about a company's shops or group: an ambiguous company name
/// before one is the company (`Merkur-Märkten`, `Spar-Filiale`).
const SHOP_HEADS: &[&str] = &[
    "Markt",
    "Märkte",
    "Supermarkt",
    "Filiale",
    "Filialen",
    "Kette",
    "Konzern",
    "Gruppe",
    "Zentrale",
];

/// A compound head about a medium: one of `MEDIA_COMPOUND_HEADS`, or a compound ending in
/// one (`Kurier-Technologieplattform`, `Online-Chefredaktion`).
fn media_compound_head(h: &str) -> bool {
    MEDIA_COMPOUND_HEADS.iter().any(|m| {
        h == *m
            || h.len() > m.len()
                && h.is_char_boundary(h.len() - m.len())
                && h[h.len() - m.len()..].eq_ignore_ascii_case(m)
                && h[..h.len() - m.len()]
                    .chars()
                    .last()
                    .is_some_and(char::is_lowercase)
    })
}

/// Endings of words for a medium: a title after one is the outlet (`der Wochenzeitung Die
/// Zeit`, `the newspaper Times`).
const MEDIA_NOUNS: &[&str] = &[
    "zeitung",
    "blatt",
    "magazin",
    "sender",
    "agentur",
    "journal",
    "medien",
    "newspaper",
    "magazine",
    "paper",
    "daily",
    "weekly",
    "broadcaster",
];

/// Endings of German common nouns (suffixes and plural endings) that surnames seldom
/// have: an unknown word with one is no lone surname (`Retroviren`, `Metallurgie`).
const NOUN_ENDINGS: &[&str] = &[
    "en", "ern", "ie", "ion", "ung", "heit", "keit", "schaft", "ismus", "ität", "oxid", "ik", "ur",
    "nis", "tum", "ment", "ts", "isch", "fähig", "lich", "bar", "sam",
];

/// Sectors of a state's own organs (government, forces, diplomacy, parliament, courts,
/// police, services): a state named in a compound with such a head acts through them.
fn state_sector(s: Sector) -> bool {
    matches!(
        s,
        Sector::Gov
            | Sector::Mil
            | Sector::Dip
            | Sector::Leg
            | Sector::Jud
            | Sector::Cop
            | Sector::Spy
    )
}

/// `CDU`, `SPD`, `BBC`: two to six capitals (digits allowed after the first).
fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=6).contains(&n)
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The weekday and month words of the date lexicon (`data/attrs/time.tsv`, read by
/// `sitrep-attrs` for dates): a tagger may call them proper nouns (`On Wednesday guerrillas
/// …`), but they never start or continue a person's or organisation's name.
const TIME_WORDS: &str = include_str!("../../../data/attrs/time.tsv");

/// Month names that are also given names (`April Ryan`, `June Carter`, `August Diehl`,
/// `March` as a surname): they stay possible names. Names of three letters or fewer (`Mai`,
/// `May`, `Jan`) and abbreviations are left out by [`calendar_words`] as well.
const CALENDAR_NAMES: &[&str] = &["march", "april", "june", "august"];

/// The calendar words of both languages, capitalised as in running text (`Monday`,
/// `Jänner`).
fn calendar_words() -> FnvSet<String> {
    TIME_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (_, word, kind) = (f.next()?, f.next()?, f.next()?);
            (matches!(kind, "month" | "weekday")
                && word.chars().count() > 3
                && !word.ends_with('.')
                && !CALENDAR_NAMES.contains(&word))
            .then(|| {
                let mut c = word.chars();
                c.next()
                    .map(|first| first.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
        })
        .collect()
}

/// The words of the date lexicon (`data/attrs/time.tsv`, the one `sitrep-attrs` reads
/// dates with) that show a month name is a date: the months themselves, abbreviations and
/// three-letter names included (`May`, `Mai`), and the modifiers and part words before a
/// month (`last May`, `early May`, `Anfang Mai`). Lower case.
#[derive(Debug, Default)]
struct DateCues {
    months: FnvSet<String>,
    before: FnvSet<String>,
}

/// Prepositions before a month that make it a date (`in May`, `since May`, `until May`,
/// `by May`; German `im`, `seit`, `bis`, `ab`), as the date stage reads them; prepositions
/// that as often govern a person (`for May`, `after May`) are not among them.
const DATE_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "im", "seit", "bis", "ab", "vom", "zum",
];

impl DateCues {
    fn new(lang: Language) -> DateCues {
        let mut c = DateCues::default();
        let code = match lang {
            Language::De => "de",
            Language::En => "en",
        };
        for l in TIME_WORDS.lines().filter(|l| !l.starts_with('#')) {
            let mut f = l.split('\t');
            let (Some(lg), Some(word), Some(kind)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            if lg != code {
                continue;
            }
            match kind {
                "month" => c.months.insert(word.to_string()),
                "rel" | "part" => c.before.insert(word.to_string()),
                _ => false,
            };
        }
        c.before
            .extend(DATE_PREPOSITIONS.iter().map(|w| w.to_string()));
        c
    }
}

/// A day of the month (`3`, `3.`, `3rd`): its number.
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(['.']);
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| digits.strip_suffix(s))
        .unwrap_or(digits);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year (`2019`).
fn year_number(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && w.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// The place words of datelines written in capitals ([`dateline::datelines`] whose words
/// are one to three words in capitals: `MOSCOW (Reuters) -`, `NEW YORK –`, `WASHINGTON, May
/// 3 (AP) —`). (A dateline in running case, `Wien –`, is read like any other place.)
fn dateline_words(text: &str, tokens: &[Token], strs: &[&str]) -> Vec<Range<usize>> {
    // (three letters or more: `AP -` is an agency's credit)
    let caps = |w: &str| {
        w.chars().count() >= 3
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && w.chars().all(|c| !c.is_lowercase())
            && w.chars().any(char::is_alphabetic)
    };
    dateline::datelines(text, tokens)
        .into_iter()
        .map(|d| d.words)
        .filter(|r| {
            r.len() <= 3
                && r.clone()
                    .all(|i| caps(strs[i]) && tokens[i].kind == TokenKind::Word)
        })
        .collect()
}

/// `MOSCOW` → `Moscow`, `NEW-YORK` → `New-York`: a word in capitals as running text writes
/// it.
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == '-';
    }
    out
}

fn is_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "„" | "“" | "”" | "«" | "»" | "‚" | "‘" | "'" | "›" | "‹"
    )
}

impl EntityRecognizer {
    /// `sagte er`, `Er betonte`, `so sie`, `he said`, `said she`: a singular personal pronoun
    /// right after or before a verb of saying refers to the last person named in the three
    /// sentences before it (or earlier in its own). Returns one mention per such pronoun,
    /// with the person's kind, code, sector, id and name, for the `entities` output; the
    /// event stage resolves pronouns itself, so the mentions ([`Self::mentions`]) hold none.
    /// `sentence_of` gives each token's sentence number.
    pub fn attribution_pronouns(
        &self,
        text: &str,
        tokens: &[Token],
        sentence_of: &[usize],
        found: &[Found],
    ) -> Vec<Found> {
        let strs: Vec<&str> = tokens
            .iter()
            .map(|t| t.span.get(text).unwrap_or(""))
            .collect();
        let (he, she): (&[&str], &[&str]) = match self.lang {
            Language::De => (&["er", "Er"], &["sie", "Sie"]),
            Language::En => (&["he", "He"], &["she", "She"]),
        };
        let singular = |v: &str| self.lang == Language::En || !v.ends_with("en");
        let mut out = Vec::new();
        for (i, w) in strs.iter().enumerate() {
            if !he.contains(w) && !she.contains(w) {
                continue;
            }
            // the verb of saying next to it, in the singular (`sagten sie` are several)
            let verb = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|k| strs.get(k).map(|v| (k, *v)))
                .find(|(_, v)| self.cues.saying.contains(v));
            let Some((_, v)) = verb else { continue };
            if !singular(v) {
                continue;
            }
            let Some(&sent) = sentence_of.get(i) else {
                continue;
            };
            let Some(p) = found.iter().rev().find(|f| {
                f.kind == EntityKind::Person
                    && f.tokens.end <= i
                    && sentence_of
                        .get(f.tokens.start)
                        .is_some_and(|&s| s + 3 >= sent)
            }) else {
                continue;
            };
            out.push(Found {
                tokens: i..i + 1,
                span: tokens[i].span,
                rule: Rule::Pronoun,
                ..p.clone()
            });
        }
        out
    }

    /// Loads and compiles the knowledge base for `language`.
    pub fn new(language: Language) -> Result<EntityRecognizer, KbError> {
        let lexicon = sitrep_lexicon::Lexicon::shipped(language);
        let kb = Matcher::new(language)?;
        Ok(EntityRecognizer::from_parts(
            kb,
            sitrep_kb::names::load()?,
            lexicon,
        ))
    }

    /// The recogniser over parts already loaded: the compiled knowledge base (its
    /// language is the recogniser's), the given names and the German lexicon (`None`:
    /// without one; ignored for English). [`EntityRecognizer::new`] loads them one after
    /// the other; the pipeline loads them in parallel and shares the lexicon with its
    /// tagger.
    pub fn from_parts(
        kb: Matcher,
        first_names: sitrep_kb::names::FirstNames,
        lexicon: Option<Arc<sitrep_lexicon::Lexicon>>,
    ) -> EntityRecognizer {
        let language = kb.language();
        EntityRecognizer {
            lang: language,
            kb,
            cues: cues(language),
            lexicon: lexicon.filter(|_| language == Language::De),
            first_names,
            noun_keys: linking::NounKeys::new(language),
            calendar: calendar_words(),
            date_cues: DateCues::new(language),
            lex_memo: WordMemo::default(),
            shape_memo: WordMemo::default(),
            sector_memo: WordMemo::default(),
        }
    }

    /// The German lexicon the recogniser uses, if any.
    pub fn lexicon(&self) -> Option<&Arc<sitrep_lexicon::Lexicon>> {
        self.lexicon.as_ref()
    }

    pub fn language(&self) -> Language {
        self.lang
    }

    pub fn matcher(&self) -> &Matcher {
        &self.kb
    }

    /// The entities of one document: `tokens` are the document's tokens (spans into
    /// `text`), `words` their analyses (same length; may be empty, then only knowledge-base
    /// forms are found), `published` the publication date for roles by date.
    pub fn recognize(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[WordAnalysis],
        published: Option<Date>,
    ) -> Vec<Entity> {
        let found = self.mentions(text, tokens, words, published);
        group(text, &found)
    }

    /// The mentions of one document in text order, before grouping (for evaluation and
    /// debugging).
    pub fn mentions(
        &self,
        text: &str,
        tokens: &[Token],
        words: &[WordAnalysis],
        published: Option<Date>,
    ) -> Vec<Found> {
        let mut strs: Vec<&str> = tokens
            .iter()
            .map(|t| t.span.get(text).unwrap_or(""))
            .collect();
        // (a word the knowledge base knows in capitals is read as it is: `AP -`, `USA
        // (Reuters) -`)
        let dateline: Vec<Range<usize>> = dateline_words(text, tokens, &strs)
            .into_iter()
            .filter(|r| strs[r.clone()].iter().all(|w| self.kb.lookup(w).is_empty()))
            .collect();
        let titled: Vec<(usize, String)> = dateline
            .iter()
            .flat_map(|r| r.clone())
            .map(|i| (i, title_case(strs[i])))
            .collect();
        for (i, w) in &titled {
            strs[*i] = w;
        }
        let cx = Ctx {
            lex_cache: Default::default(),
            shape_cache: Default::default(),
            sector_cache: Default::default(),
            text,
            tokens,
            words,
            strs,
            published,
            dateline,
        };
        let mut found = Vec::new();
        let mut covered = vec![false; tokens.len()];
        self.kb_pass(&cx, &mut found, &mut covered);
        // a dateline's word the knowledge base does not know is a place all the same
        // (not an acronym's organisation)
        for r in &cx.dateline {
            if !covered[r.clone()].iter().any(|&c| c) {
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
                found.push(cx.named(r.clone(), EntityKind::Place));
            }
        }
        self.street_pass(&cx, &mut found, &mut covered);
        self.phrase_pass(&cx, &mut found, &mut covered);
        self.name_pass(&cx, &mut found, &mut covered);
        if self.lang == Language::En {
            self.ministries_of(&cx, &mut found);
        }
        found.sort_by_key(|f| (f.span.start, f.span.end));
        self.merge(&cx, &mut found);
        self.affiliations(&cx, &mut found);
        self.link_pass(&cx, &mut found);
        found
    }

    /// `Thomas Stelzer (ÖVP)`, `Wolfgang Katzian (SPÖ)`: an organisation in parentheses
    /// right after a person without a code gives the person its code (and its sector
    /// when the person has none).
    fn affiliations(&self, cx: &Ctx, found: &mut [Found]) {
        for k in 1..found.len() {
            let (before, after) = found.split_at_mut(k);
            let p = &mut before[k - 1];
            let o = &after[0];
            if p.kind == EntityKind::Person
                && p.code.is_none()
                && o.kind == EntityKind::Organization
                && o.code.is_some()
                && o.tokens.start == p.tokens.end + 1
                && cx.strs.get(p.tokens.end) == Some(&"(")
                && cx.strs.get(o.tokens.end) == Some(&")")
            {
                p.code = o.code.clone();
                p.sector = p.sector.or(o.sector);
            }
        }
        // a later surname takes what its full name got (`Stelzer` after `Thomas Stelzer
        // (ÖVP)`)
        let mut by_surname: HashMap<&str, (Option<String>, Option<Sector>)> = HashMap::new();
        for f in found.iter_mut() {
            if f.kind != EntityKind::Person {
                continue;
            }
            let last = cx.strs[f.tokens.end - 1];
            if f.tokens.len() >= 2 && f.code.is_some() {
                by_surname.insert(last, (f.code.clone(), f.sector));
            } else if f.tokens.len() == 1 && f.code.is_none() {
                if let Some((c, s)) = by_surname.get(last) {
                    f.code = c.clone();
                    f.sector = f.sector.or(*s);
                }
            }
        }
    }

    fn kb_pass(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let n = cx.strs.len();
        // ids named so far (full names, not coreference nouns or context aliases)
        let mut named: Vec<String> = Vec::new();
        let mut i = 0;
        while i < n {
            if let Some(m) = self.kb.longest_at(&cx.strs, i) {
                let cands: Vec<&Entry> = self.kb.entries_of(&m).collect();
                let head = cx.compound_head(m.end);
                if let Some(f) = self.choose(cx, &m, &cands, head, &named) {
                    if let Some(kb) = &f.kb {
                        if !matches!(
                            f.rule,
                            Rule::Kb(FormType::OrgCoref | FormType::MediaContext)
                        ) {
                            named.push(kb.clone());
                        }
                    }
                    covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
                    found.push(f);
                    i = m.end;
                    continue;
                }
            }
            // an unsplit hyphen compound (`US-Soldaten` as one token)
            let s = cx.strs[i];
            if let Some(pos) = s.find('-').filter(|&p| p > 0 && p + 1 < s.len()) {
                let prefix = &s[..pos];
                let cands = self.kb.lookup(prefix);
                if !cands.is_empty() {
                    let head_lemma = &s[pos + 1..];
                    let start = cx.tokens[i].span.start as usize;
                    if let Some(mut f) =
                        self.choose_with_head(cx, i..i + 1, &cands, Some(head_lemma), &named)
                    {
                        f.span = Span::new(start, start + pos);
                        if let Some(kb) = &f.kb {
                            named.push(kb.clone());
                        }
                        covered[i] = true;
                        found.push(f);
                    }
                }
            }
            i += 1;
        }
    }

    fn choose(
        &self,
        cx: &Ctx,
        m: &sitrep_kb::matcher::Match,
        cands: &[&Entry],
        head: Option<usize>,
        named: &[String],
    ) -> Option<Found> {
        let head_word = head.map(|h| cx.lemma(h));
        let population = |e: &Entry| self.kb.place_population(m, e).unwrap_or(0);
        self.choose_inner(cx, m.start..m.end, cands, head_word, named, &population)
    }

    fn choose_with_head(
        &self,
        cx: &Ctx,
        r: Range<usize>,
        cands: &[&Entry],
        head: Option<&str>,
        named: &[String],
    ) -> Option<Found> {
        self.choose_inner(cx, r, cands, head, named, &|_| 0)
    }

    fn choose_inner(
        &self,
        cx: &Ctx,
        r: Range<usize>,
        cands: &[&Entry],
        head: Option<&str>,
        named: &[String],
        population: &dyn Fn(&Entry) -> u64,
    ) -> Option<Found> {
        let prev = r.start.checked_sub(1).map(|p| cx.strs[p]);
        let is_named = |kb: &str| named.iter().any(|k| k == kb);
        let in_compound = head.is_some();
        let head_sector = head.and_then(|h| self.form_sector(cx, h));
        let actor_reading = !in_compound && self.actor_reading(cx, r.clone());
        // (a dateline names where the story was filed: `MOSCOW (Reuters) -`)
        let dateline = cx.in_dateline(r.start);
        let place_reading = prev.is_some_and(|p| self.cues.locative.contains(&p)) || dateline;

        // `Wolfgang Wagner`, `Peter Stein`: one word right after a given name is its
        // surname, whatever else the knowledge base knows by that word
        let given_at = |k: usize| {
            !cx.tokens[k].joined
                && (self.is_first_name(cx, k) || self.first_name_before_name(cx, k))
        };
        // (also across a particle: `Patrick von Brunn`)
        let after_first_name = r.len() == 1
            && r.start > 0
            && (given_at(r.start - 1)
                || r.start > 1
                    && self.cues.particles.contains(&cx.strs[r.start - 1])
                    && given_at(r.start - 2));
        // keep the candidates whose context holds
        let mut ok: Vec<&Entry> = cands
            .iter()
            .copied()
            // `in May`, `May 5`: a month, not Theresa May
            .filter(|e| {
                !(e.kind == EntityKind::Person && r.len() == 1 && self.month_as_date(cx, r.start))
            })
            .filter(|e| !after_first_name || e.form == FormType::PersonName)
            .filter(|e| match e.form {
                // `the Kenyan National Security Council`: a known organisation's name of
                // several words right after a capitalised name word that the knowledge
                // base reads as no actor or place is the end of a longer, unknown name
                FormType::OrgName
                    if self.lang == Language::En
                        && r.len() >= 2
                        && r.start > 0
                        && capitalised(cx.strs[r.start - 1])
                        // (the tagger may call a name's adjective one: `National` JJ)
                        && matches!(cx.upos(r.start - 1), Some(Upos::Propn | Upos::Adj))
                        && !cx.tokens[r.start - 1].joined
                        && !self.kb.lookup(cx.strs[r.start - 1]).iter().any(|x| {
                            !matches!(x.form, FormType::MediaContext | FormType::OrgCoref)
                        }) =>
                {
                    false
                }
                // `the People's Republic of Botswana`: a state's short name followed by
                // `of` and a name is the start of another state's long name
                FormType::StateName
                    if self.lang == Language::En
                        && r.len() >= 2
                        && cx.strs.get(r.end) == Some(&"of")
                        && cx.strs.get(r.end + 1).is_some_and(|w| capitalised(w)) =>
                {
                    false
                }
                FormType::OrgCoref => {
                    !in_compound
                        && prev.is_some_and(|p| self.cues.definite.contains(&p))
                        && is_named(&e.kb)
                }
                FormType::MediaContext => {
                    is_named(&e.kb)
                        || prev.is_some_and(is_quote)
                        // `der Wochenzeitung Die Zeit`: after a word for a medium, also
                        // with a genitive article between (`die Onlinemedien des Kurier`)
                        || prev.is_some_and(media_word)
                        || matches!(prev, Some("des" | "der"))
                            && r.start >= 2
                            && media_word(cx.strs[r.start - 2])
                        // `die Heute-Plattformen`: a compound whose head is about a medium
                        || head.is_some_and(media_compound_head)
                        || (r.start.saturating_sub(3)..r.start)
                            .any(|k| self.cues.citing.contains(&cx.strs[k]))
                }
                // `Elisabeth Stadler`: a one-word alias of a known person (`Elisabeth`
                // for Elizabeth II) before another name is an unknown person's given name
                FormType::PersonName | FormType::Surname
                    if r.len() == 1
                        && r.end < cx.strs.len()
                        && !cx.tokens[r.start].joined
                        && self.is_first_name(cx, r.start)
                        && (self.is_name_token(cx, r.end) || self.may_be_surname(cx, r.end)) =>
                {
                    false
                }
                // `Harald Beckmann`, `Birgit Fischer`: a surname (or one-word name) next
                // to another name is part of an unknown person's name
                FormType::Surname
                    if r.len() == 1
                        && (r.end < cx.strs.len()
                            && !cx.tokens[r.start].joined
                            && self.is_name_token(cx, r.end)
                            || r.start > 0
                                && !cx.tokens[r.start - 1].joined
                                && self.is_name_token(cx, r.start - 1)
                                // (an English title is capitalised: `President Obama`)
                                && !(self.lang == Language::En
                                    && (self.cues.titles.contains(&cx.strs[r.start - 1])
                                        || self.form_sector(cx, cx.strs[r.start - 1]).is_some()))) =>
                {
                    false
                }
                FormType::Surname => {
                    is_named(&e.kb)
                        || !self.other_bearer(cx, r.clone()) && match cx.published {
                            Some(d) => self.kb.person_role(&e.kb, d).is_some(),
                            None => r.len() == 1 && cx.is_proper(r.start),
                        }
                }
                // `die Sozialdemokraten` are the party's members unless the party was named
                FormType::OrgName if e.context_only => in_compound || is_named(&e.kb),
                // `Westen` in `im Westen` is a direction: an ambiguous organisation name
                // needs an article, a verb after it, or an earlier mention
                FormType::OrgName if e.ambiguous => {
                    in_compound
                        || is_named(&e.kb)
                        || actor_reading
                        // `verrät Apple die …`, `blieb Chelsea`: the subject after a
                        // finite verb
                        || r.len() == 1
                            && r.start > 0
                            && cx.words.get(r.start - 1).is_some_and(|w| {
                                matches!(w.xpos.as_str(), "VVFIN" | "VAFIN" | "VMFIN" | "VBD" | "VBZ" | "VBP")
                            })
                            && !cx.is_proper(r.end)
                        || prev.is_some_and(|p| self.cues.definite.contains(&p))
                        || self.listed_with_peer(cx, r.clone(), e)
                        || self.party_after_name(cx, r.clone(), e)
                }
                // (German: a compound's head is a capitalised noun; a place name before a
                // lower-case word, `Mitte-rechts`, is no compound and needs its cue)
                FormType::Place => {
                    in_compound
                        && (self.lang != Language::De
                            || head.is_some_and(|h| h.starts_with(char::is_uppercase)))
                        || self.place_ok(cx, r.clone(), e, population(e))
                }
                _ => true,
            })
            .collect();
        // `Stanley Bruce`, `Victoria Beckham`: a capital that is also a given name, before
        // a capitalised word that may be a surname, is the person's given name
        if r.len() == 1
            && !in_compound
            && r.end < cx.strs.len()
            && !cx.tokens[r.start].joined
            && ok.iter().any(|e| e.form == FormType::Capital)
            && self.is_first_name(cx, r.start)
            && self.may_be_surname(cx, r.end)
            && self.surname_reading_ok(cx, r.end)
            && !cx.is_verb(r.end)
        {
            ok.retain(|e| e.form != FormType::Capital);
        }
        // the registry row of a capital (`Peking` → GeoNames `Beijing`) names the
        // capital's place reading, so a place reads the same in both languages
        let capital_place = ok
            .iter()
            .find(|p| {
                p.form == FormType::Place
                    && ok
                        .iter()
                        .any(|c| c.form == FormType::Capital && c.code == p.code)
            })
            .map(|p| (p.name.clone(), p.kb.clone()));
        // a dateline's word is a place or a state, no organisation or person
        if dateline
            && ok.iter().any(|e| {
                matches!(
                    e.form,
                    FormType::Capital | FormType::Place | FormType::StateName
                )
            })
        {
            ok.retain(|e| {
                matches!(
                    e.form,
                    FormType::Capital | FormType::Place | FormType::StateName
                )
            });
        }
        // a registry place yields to any other reading (`Moskau` the capital, a party)
        if ok.iter().any(|e| e.form != FormType::Place) {
            ok.retain(|e| e.form != FormType::Place);
        }
        if ok.is_empty() {
            return None;
        }
        // several readings (`Brüssel`: Belgium's capital, the EU): the actor reading
        // prefers an organisation, a place reading the capital; else the first.
        let pick = if ok.len() > 1 && actor_reading {
            ok.iter()
                .find(|e| e.kind == EntityKind::Organization)
                .unwrap_or(&ok[0])
        } else if ok.len() > 1 {
            ok.iter()
                .find(|e| e.form == FormType::Capital || e.form == FormType::StateName)
                .unwrap_or(&ok[0])
        } else {
            &ok[0]
        };
        let e: &Entry = pick;
        let rule = if in_compound {
            Rule::Compound(e.form)
        } else {
            Rule::Kb(e.form)
        };
        // `der USA`, `der Vereinigten Staaten`: the article is no part of the mention
        // (a place's name may start with one: `Den Haag`, `Le Havre`)
        let mut r = r;
        // (a newspaper's title keeps its capitalised article: `Der Tagesspiegel`)
        if r.len() > 1
            && self.cues.definite.contains(&cx.strs[r.start])
            && !matches!(e.form, FormType::Place | FormType::Capital)
            && !(e.kind == EntityKind::Media && capitalised(cx.strs[r.start]))
        {
            r.start += 1;
        }
        let mut f = Found {
            tokens: r.clone(),
            span: cx.span(r.clone()),
            kind: e.kind,
            code: Some(e.code.clone()),
            sector: e.sector,
            kb: Some(e.kb.clone()),
            name: e.name.clone(),
            rule,
            country: None,
            office: false,
        };
        match e.form {
            FormType::Capital => {
                let actor = if in_compound {
                    head_sector.is_some()
                } else {
                    actor_reading && !place_reading
                };
                if actor {
                    f.kind = EntityKind::State;
                    f.sector = head_sector.or(Some(Sector::Gov));
                } else {
                    f.kind = EntityKind::Place;
                    match capital_place {
                        Some((name, kb)) => {
                            f.name = name;
                            f.kb = Some(kb);
                            f.country = Some(e.code.clone());
                        }
                        None => f.name = cx.strs[r.start..r.end].join(" "),
                    }
                    f.code = None;
                    f.sector = None;
                }
            }
            FormType::StateName | FormType::Demonym => {
                // `US-Soldaten`, `US-Außenministerium`: the state acts through its organ
                // (USA MIL). `US-Konzern`, `US-Zeitung`, `US-Bürger` name a company, outlet
                // or person of the state, not the state: the mention stays the state's
                // without a sector (the compound's own entity, if any, has its own).
                if in_compound {
                    f.sector = head_sector.filter(|s| state_sector(*s)).or(f.sector);
                } else if self.lang == Language::En && e.form == FormType::StateName {
                    // English names a state's organ with the state's name as a modifier
                    // or in the genitive (`U.S. officials`, `Botswana's military`, `Kenya
                    // Passport Authority`): the state acts through it, as after an
                    // adjective (`Syrian troops`)
                    let from = match cx.strs.get(r.end) {
                        Some(&"'s") | Some(&"'") | Some(&"’s") => r.end + 1,
                        _ => r.end,
                    };
                    // (an office held by one person names the person, who is annotated
                    // on his own: `Botswana's president`, `Chile's vice president`)
                    f.sector = self
                        .noun_sector_at(cx, from)
                        .filter(|&(_, h)| {
                            // (nor does a noun before a name: `DPRK state news agency
                            // KCNA`, `DPRK deputy UN representative Kim Hyong Chol`)
                            let named = h + 1 < cx.strs.len()
                                && capitalised(cx.strs[h + 1])
                                && cx.is_proper(h + 1)
                                && self.word_sector(cx, h + 1).is_none();
                            !named
                                && !self
                                    .cues
                                    .titles
                                    .iter()
                                    .any(|t| t.eq_ignore_ascii_case(cx.strs[h]))
                        })
                        .map(|(s, _)| s)
                        .or(f.sector);
                }
            }
            FormType::Adjective => {
                f.sector = head_sector
                    .or_else(|| self.noun_sector(cx, r.end))
                    // `Chinese and Mongolian leaders`, `the French and Libyan forces`: an
                    // adjective coordinated with another state's shares its noun
                    .or_else(|| {
                        let next = r.end + 1;
                        (self.lang == Language::En
                            && !in_compound
                            && matches!(cx.strs.get(r.end), Some(&"and") | Some(&"or"))
                            && next < cx.strs.len()
                            && self
                                .kb
                                .lookup(cx.strs[next])
                                .iter()
                                .any(|e| e.form == FormType::Adjective))
                        .then(|| self.noun_sector(cx, next + 1))
                        .flatten()
                    })
                    // `the Chinese people`, `Paraguayan people` are the state's civilians
                    // (as `Kenyan citizens`); only in lower case, as a capitalised
                    // `People's` begins a name (`Chinese People's Liberation Army`), and
                    // not as a sector word, which would also match that `People`
                    .or_else(|| {
                        (self.lang == Language::En
                            && !in_compound
                            && cx.strs.get(r.end) == Some(&"people"))
                        .then_some(Sector::Cvl)
                    });
            }
            FormType::Seat => {
                if in_compound {
                    f.sector = f.sector.or(head_sector);
                }
            }
            FormType::OrgName | FormType::OrgCoref => {
                f.sector = self.kb.org_sector(&e.kb, cx.published).or(e.sector);
            }
            FormType::PersonName | FormType::Surname => {
                if let Some(d) = cx.published {
                    match self.kb.person_role(&e.kb, d) {
                        Some((code, sector)) => {
                            f.code = Some(code);
                            f.sector = Some(sector);
                        }
                        None => f.sector = None,
                    }
                }
                // out of office on the date, or no date and offices of several sectors
                // (`FPÖ-Kandidat Norbert Hofer`, a parliament's president running for
                // head of state): the text's own descriptor says the role
                // (`EU-Ratspräsident Donald Tusk` in a text without a date: the state or
                // body of the descriptor too, as the terms lie in several)
                if f.sector.is_none() && !in_compound {
                    if let Some((code, Some(s))) = self.descriptor(cx, r.start) {
                        f.sector = Some(s);
                        // (no state in the descriptor: that of the person's terms in its
                        // sector, `Prime Minister Jens Stoltenberg` NOR, not NATO)
                        f.code = code
                            .or_else(|| self.kb.person_state_in(&e.kb, s))
                            .or(f.code.take());
                    }
                }
            }
            FormType::Media | FormType::MediaContext => {}
            FormType::Place => {
                // a place is no actor (like a capital's place reading): no code or sector;
                // the GeoNames id in `kb` links it, and the data give its state
                f.country = Some(e.code.clone()).filter(|c| !c.is_empty());
                f.code = None;
                f.sector = None;
            }
        }
        // bodies of no state (FIFA) have no actor code
        if f.code.as_deref() == Some("") {
            f.code = None;
        }
        // an ambiguous form is linked only when its referent is named elsewhere or the
        // reading is clear from the context: a list of its peers (`CDU, SPD, Grünen`), or
        // a head about a company's shops (`Merkur-Märkten`, `Penny-Filialen`; `Spar-Paket`
        // keeps the word)
        let listed = || {
            e.form == FormType::OrgName
                && (self.listed_with_peer(cx, r.clone(), e)
                    || self.party_after_name(cx, r.clone(), e))
        };
        let shops =
            || e.sector == Some(Sector::Bus) && head.is_some_and(|h| SHOP_HEADS.contains(&h));
        if e.ambiguous
            && !matches!(
                e.form,
                FormType::OrgCoref | FormType::MediaContext | FormType::Surname
            )
            && !is_named(&e.kb)
            && !actor_reading
            && f.kind != EntityKind::Place
            && !listed()
            && !shops()
            // `der Westen`, `dem Westen` (not `im Westen`): a bloc with its article
            && !(e.form == FormType::OrgName
                && !place_reading
                && prev.is_some_and(|p| self.cues.definite.contains(&p)))
        {
            f.code = None;
        }
        Some(f)
    }

    /// `Stefan Wenzel (Grüne)`: an ambiguous party name alone in parentheses right after a
    /// name is the affiliation of the person named (`affiliations` then gives it to the
    /// person), not the colour.
    fn party_after_name(&self, cx: &Ctx, r: Range<usize>, e: &Entry) -> bool {
        e.sector == Some(Sector::Pty)
            && r.start >= 2
            && cx.strs[r.start - 1] == "("
            && cx.strs.get(r.end) == Some(&")")
            && cx.is_proper(r.start - 2)
    }

    /// `von CDU, SPD, Grünen, der Linken`: an ambiguous organisation name in a list (after
    /// or before a comma, `und`, `oder`, `sowie`) next to an unambiguous name of the same
    /// sector (another party) is that organisation.
    fn listed_with_peer(&self, cx: &Ctx, r: Range<usize>, e: &Entry) -> bool {
        let Some(sector) = e.sector else {
            return false;
        };
        let link = |k: usize| matches!(cx.strs[k], "," | "und" | "oder" | "sowie" | "and" | "or");
        let peer = |k: usize| {
            self.kb.lookup(cx.strs[k]).iter().any(|p| {
                p.form == FormType::OrgName
                    && !p.ambiguous
                    && !p.context_only
                    && p.sector == Some(sector)
                    && p.kb != e.kb
            })
        };
        r.start >= 2 && link(r.start - 1) && peer(r.start - 2)
            || r.end + 1 < cx.strs.len() && link(r.end) && peer(r.end + 1)
    }

    /// Whether a registry place is one here. Ambiguous names (data flag, small towns)
    /// need a locative preposition without article (`in Barth`; `im Mai` is no cue). One
    /// word the lexicon knows as an ordinary word (`Essen`, `Hof`, `Halle`; the lexicon
    /// lists many town names as common nouns) needs such a preposition, or no article
    /// before it and 100,000 inhabitants; hand-written regions and features (`das Elsass`,
    /// `Harz`) are taken as they are. A one-word place next to another name is left to the
    /// name pass (`Thomas Stein`, `Chicago Bulls`, `Panathinaikos Athen`).
    fn place_ok(&self, cx: &Ctx, r: Range<usize>, e: &Entry, population: u64) -> bool {
        let prev = r.start.checked_sub(1).map(|p| cx.strs[p]);
        let locative = prev.is_some_and(|p| LOCATIVE_NO_ARTICLE.contains(&p));
        if e.ambiguous {
            return locative;
        }
        if r.len() > 1 {
            return true;
        }
        let w = cx.strs[r.start];
        // `Lars Müller`, `Martin Stoll`: a place that is also a given name, before a
        // capitalised word
        if (self.is_first_name(cx, r.start) || self.is_weak_first_name(cx, r.start))
            && r.end < cx.strs.len()
            && !cx.tokens[r.start].joined
            && self.may_be_surname(cx, r.end)
            && self.surname_reading_ok(cx, r.end)
        {
            return false;
        }
        let feature = !e.kb.starts_with("geonames:");
        // `hatte sich Röttgen darauf berufen`: a small town right next to a verb, with no
        // preposition, is most often a person of that name (a capital or large town next
        // to a verb stands for its government or is a place)
        let finite = |k: usize| {
            cx.words
                .get(k)
                .is_some_and(|w| matches!(w.xpos.as_str(), "VVFIN" | "VAFIN" | "VMFIN"))
        };
        if !feature
            && !locative
            && population < 20_000
            && !r.start.checked_sub(1).is_some_and(|p| {
                matches!(
                    cx.upos(p),
                    Some(Upos::Adp | Upos::Noun | Upos::Det | Upos::Adj)
                )
            })
            && (r.start > 0 && finite(r.start - 1)
                || r.start > 1 && cx.strs[r.start - 1] == "sich" && finite(r.start - 2)
                || finite(r.end))
        {
            return false;
        }
        // `David`, `George`, `Harrison`: a town that shares its name with a given name is
        // the person unless a preposition says otherwise or the town is a large city
        if !feature && !locative && population < 500_000 && self.first_names.get(w).is_some() {
            return false;
        }
        let word = matches!(self.lex(cx, w), Lex::Noun | Lex::Both) || self.is_common_word(cx, w);
        if word && !feature && !locative {
            let article = r.start > 0
                && (matches!(
                    cx.upos(r.start - 1),
                    Some(Upos::Det | Upos::Pron | Upos::Adj)
                ) || self.cues.definite.contains(&cx.strs[r.start - 1])
                    || prev.is_some_and(|p| self.cues.locative.contains(&p)));
            // an ordinary word written capitalised (`Man` at a sentence start, `Mitte
            // Juni`): only a name-tagged word of a large town counts
            if article || population < 100_000 || !cx.is_proper(r.start) {
                return false;
            }
        }
        if locative {
            return true;
        }
        // `einem einzigen Wisch`: a word after an article or a lower-case adjective is a
        // common noun, not a town (regions and features take articles: `das Elsass`)
        if !feature
            && r.start > 0
            && (matches!(cx.upos(r.start - 1), Some(Upos::Det))
                || cx.upos(r.start - 1) == Some(Upos::Adj)
                    && cx.strs[r.start - 1]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase))
        {
            return false;
        }
        // a neighbouring name: a given name or title before (`Thomas Stein`), an unknown
        // name after (`Chicago Bulls`); words that describe a place (`Residenzstadt
        // Mannheim`) or name an office (`Tirols Landeshauptmann`, tagged as a name) are no
        // names
        let name_like = |i: usize| {
            let s = cx.strs[i];
            self.is_name_token(cx, i)
                && self.kb.longest_at(&cx.strs, i).is_none()
                && !self.is_common_word(cx, s)
                && !self.lex_knows(cx, s)
                && self.word_sector(cx, i).is_none()
                && !self
                    .cues
                    .place_suffixes
                    .iter()
                    .any(|suf| s.len() > suf.len() && s.to_lowercase().ends_with(suf))
        };
        let name_before = r.start > 0
            && !cx.tokens[r.start - 1].joined
            && (self.is_first_name(cx, r.start - 1)
                || prev.is_some_and(|p| self.cues.titles.contains(&p))
                || name_like(r.start - 1));
        let name_after = r.end < cx.strs.len() && !cx.tokens[r.start].joined && name_like(r.end);
        !(name_before || name_after)
    }

    /// A state adjective or name in the few words before an office noun (`der russische
    /// UNO-Diplomat`): a nationality wins over the organisation in the compound.
    fn nationality_before(&self, cx: &Ctx, noun: usize) -> Option<String> {
        (noun.saturating_sub(5)..noun)
            .rev()
            .take_while(|&k| !matches!(cx.strs[k], "," | "." | ";" | ":" | "(" | ")"))
            .find_map(|k| {
                self.kb
                    .lookup(cx.strs[k])
                    .into_iter()
                    .find(|e| matches!(e.form, FormType::Adjective | FormType::StateName))
                    .map(|e| e.code.clone())
            })
    }

    /// The word at `k` may be a surname as far as the knowledge base goes: unknown to it,
    /// or known only as a one-word place or a person (`Donna Leon`), not as a state,
    /// capital or organisation.
    fn surname_reading_ok(&self, cx: &Ctx, k: usize) -> bool {
        match self.kb.longest_at(&cx.strs, k) {
            None => true,
            Some(m) => {
                m.end == k + 1
                    && self.kb.entries_of(&m).all(|e| {
                        matches!(
                            e.form,
                            FormType::Place | FormType::Surname | FormType::PersonName
                        )
                    })
            }
        }
    }

    /// The lexicon knows the word at all.
    fn lex_knows(&self, cx: &Ctx, w: &str) -> bool {
        self.lex(cx, w) != Lex::Unknown
    }

    /// A name standing for an actor: followed by a verb (`Washington kritisierte`,
    /// `Moscow said`) and not after a preposition.
    fn actor_reading(&self, cx: &Ctx, r: Range<usize>) -> bool {
        let prev_adp = r.start.checked_sub(1).is_some_and(|p| {
            cx.upos(p) == Some(Upos::Adp) || self.cues.locative.contains(&cx.strs[p])
        });
        !prev_adp && r.end < cx.strs.len() && cx.is_verb(r.end)
    }

    /// The sector of the noun an adjective modifies: the next noun within three tokens
    /// (skipping adjectives and hyphen compounds' first parts).
    fn noun_sector(&self, cx: &Ctx, from: usize) -> Option<Sector> {
        self.noun_sector_at(cx, from).map(|(s, _)| s)
    }

    /// [`Self::noun_sector`] with the position of the word that gave the sector.
    fn noun_sector_at(&self, cx: &Ctx, from: usize) -> Option<(Sector, usize)> {
        let n = cx.strs.len();
        let mut k = from;
        while k < n && k < from + 4 {
            if self.lang == Language::En && capitalised(cx.strs[k]) && cx.is_proper(k) {
                // English capitalises the words of an organ's name (`Australian Navy`,
                // `Icelandic Defense Forces`, `Kenya Passport Authority`): the sector of
                // the first such word or pair that has one; an office right before a
                // person's name describes the person, not the state (`U.S. President
                // Donald Trump`)
                let two = (k + 1 < n && capitalised(cx.strs[k + 1]))
                    .then(|| {
                        let t = format!("{} {}", cx.strs[k], cx.strs[k + 1]);
                        self.kb.sectors().sector(&t)
                    })
                    .flatten();
                let before_name = |next: usize| {
                    next < n
                        && (self.is_first_name(cx, next)
                            || self.kb.lookup(cx.strs[next]).iter().any(|e| {
                                matches!(e.form, FormType::PersonName | FormType::Surname)
                            }))
                };
                // (the pair is a title before a name, the first word an organ of its own:
                // `Australian Navy Commander Paul Casteel`)
                let one = self.word_sector(cx, k);
                match two {
                    Some(s) if !before_name(k + 2) => return Some((s, k + 1)),
                    Some(_) => return one.filter(|_| !before_name(k + 1)).map(|s| (s, k)),
                    None => {
                        if let Some(s) = one {
                            return (!before_name(k + 1)).then_some((s, k));
                        }
                    }
                }
                k += 1;
                continue;
            }
            match cx.upos(k) {
                Some(Upos::Adj) => {
                    // English: a listed adjective and noun (`foreign ministry`), also
                    // capitalised as a name, which the tagger may call one (`Peru's
                    // Foreign Ministry`)
                    let next_noun = k + 1 < n
                        && (cx.is_noun(k + 1)
                            || capitalised(cx.strs[k + 1]) && cx.is_proper(k + 1));
                    if self.lang == Language::En && next_noun {
                        let two = format!("{} {}", cx.strs[k], cx.lemma(k + 1));
                        if let Some(s) = self.kb.sectors().sector(&two) {
                            return Some((s, k + 1));
                        }
                    }
                    k += 1
                }
                _ if cx.is_noun(k) => {
                    // `a U.S. coal and copper company`: nouns coordinated before the head
                    // (`government and leftist guerrillas` are two groups)
                    if self.lang == Language::En
                        && k + 2 < n
                        && matches!(cx.strs[k + 1], "and" | "or")
                        && cx.is_noun(k + 2)
                        && self.word_sector(cx, k).is_none()
                    {
                        k += 2;
                        continue;
                    }
                    if self.lang == Language::En && k + 1 < n && cx.is_noun(k + 1) {
                        let two = format!("{} {}", cx.lemma(k), cx.lemma(k + 1));
                        if let Some(s) = self.kb.sectors().sector(&two) {
                            return Some((s, k + 1));
                        }
                        k += 1;
                        continue;
                    }
                    if let Some(h) = cx.compound_head(k + 1) {
                        k = h;
                        continue;
                    }
                    return self.word_sector(cx, k).map(|s| (s, k));
                }
                _ if cx.strs[k] == "-" => k += 1,
                Some(Upos::Propn) => {
                    if let Some(h) = cx.compound_head(k + 1) {
                        k = h;
                        continue;
                    }
                    return None;
                }
                _ => return None,
            }
        }
        None
    }

    /// `SectorIndex::sector_of_form`, cached per document.
    fn form_sector(&self, cx: &Ctx, w: &str) -> Option<Sector> {
        if let Some(&s) = cx.sector_cache.borrow().get(w) {
            return s;
        }
        let s = self.memo_sector_of_form(w);
        cx.sector_cache.borrow_mut().insert(w.to_string(), s);
        s
    }

    /// The knowledge base's sector of a word form, through the recogniser's [`WordMemo`].
    fn memo_sector_of_form(&self, w: &str) -> Option<Sector> {
        self.sector_memo
            .get_or(w, || self.kb.sectors().sector_of_form(w))
    }

    fn word_sector(&self, cx: &Ctx, k: usize) -> Option<Sector> {
        let s = self.kb.sectors();
        s.sector(cx.lemma(k))
            .or_else(|| s.sector_of_form(cx.strs[k]))
            .or_else(|| {
                // a hyphen compound is read by its last part (`heute-Moderator`,
                // `Kraftfahrt-Bundesamt`, `ORF-NÖ-Redakteurin`)
                let (_, last) = cx.strs[k].rsplit_once('-')?;
                (last.chars().next()?.is_uppercase())
                    .then(|| s.sector_of_form(last))
                    .flatten()
            })
    }

    fn lex(&self, cx: &Ctx, word: &str) -> Lex {
        self.lex_entry(cx, word).0
    }

    /// What the lexicon says of a word (its [`Lex`] class, and whether it is an ordinary
    /// word in any case), cached per document: the rules ask about the same words often.
    /// Whether the document names someone else by this one-word surname in full: a given
    /// name right before another occurrence (`Die Schriftstellerin Maria Oberhauser …
    /// Oberhauser sagte`). The lone surname then means that person, not a known office
    /// holder of the same name whom the text never named.
    fn other_bearer(&self, cx: &Ctx, r: Range<usize>) -> bool {
        let w = cx.strs[r.start];
        r.len() == 1
            && (1..cx.strs.len()).any(|k| {
                k != r.start
                    && cx.strs[k] == w
                    && !cx.tokens[k - 1].joined
                    && self.is_first_name(cx, k - 1)
            })
    }

    fn lex_entry(&self, cx: &Ctx, word: &str) -> (Lex, bool) {
        let (own, any) = self.lex_sets(cx, word);
        (
            Lex::of(own),
            !any.is_empty() && !any.contains(sitrep_core::Stts::Ne),
        )
    }

    /// The lexicon's `stts_set` and `stts_set_any_case` of a word
    /// (both empty without a lexicon), from one walk and cached per document.
    fn lex_sets(&self, cx: &Ctx, word: &str) -> (SttsSet, SttsSet) {
        if let Some(&v) = cx.lex_cache.borrow().get(word) {
            return v;
        }
        let v = self.lexicon_sets(word);
        cx.lex_cache.borrow_mut().insert(word.to_string(), v);
        v
    }

    /// The lexicon's `stts_sets` of a word (both empty without a lexicon), through the
    /// recogniser's [`WordMemo`].
    fn lexicon_sets(&self, word: &str) -> (SttsSet, SttsSet) {
        let Some(l) = &self.lexicon else {
            return Default::default();
        };
        self.lex_memo.get_or(word, || l.stts_sets(word))
    }

    /// The lexicon's `stts_set_any_case` of a word, cached per document.
    fn any_case(&self, cx: &Ctx, word: &str) -> SttsSet {
        self.lex_sets(cx, word).1
    }

    /// `in May`, `May 5`, `on 3 May`, `May 2019`, `last May`, `the end of May`: a month
    /// name next to a day number or a year, or after a date preposition, modifier or part
    /// word ([`DateCues`]), is a date, whatever person the knowledge base or the story knows
    /// by that word (`Mrs May said`, `May's cabinet` stay names).
    fn month_as_date(&self, cx: &Ctx, i: usize) -> bool {
        let w = cx.strs[i];
        // (no month name is longer than ten bytes: most words need no lower-casing)
        if w.len() > 10 || !capitalised(w) || !self.date_cues.months.contains(lower(w).as_ref()) {
            return false;
        }
        let at = |k: usize| cx.strs.get(k).copied().unwrap_or("");
        let next = at(i + 1);
        if matches!(next, "'s" | "’s" | "'" | "’") {
            return false;
        }
        if day_number(next).is_some() || year_number(next) {
            return true;
        }
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let prev = at(p);
        // (`3. Mai` may come as `3` `.`)
        let day_before = |k: usize| day_number(at(k)).is_some();
        if day_before(p) || prev == "." && p > 0 && cx.tokens[p - 1].joined && day_before(p - 1) {
            return true;
        }
        if self.date_cues.before.contains(lower(prev).as_ref()) {
            return true;
        }
        // `the end of May`, `the 5th of May`
        p > 0
            && prev.eq_ignore_ascii_case("of")
            && (day_before(p - 1) || self.date_cues.before.contains(&at(p - 1).to_lowercase()))
    }

    fn is_name_token(&self, cx: &Ctx, i: usize) -> bool {
        let s = cx.strs[i];
        // An abbreviation (`Mio.`, `Nr.`) is no part of a name; an initial (`J.`) is.
        let abbreviation = s.ends_with('.') && s.chars().count() > 2;
        cx.tokens[i].kind == TokenKind::Word
            && capitalised(s)
            && !abbreviation
            && !self.calendar.contains(s)
            && cx.is_proper(i)
    }

    /// A name run does not start with an office or institution word (`Ministerin Claire
    /// Dubois`, `Außenministerium`): the tagger often takes those for names. Inside a run
    /// they stay (`Dieter Richter`).
    fn starts_name(&self, cx: &Ctx, i: usize) -> bool {
        (self.is_name_token(cx, i)
            || cx.tokens[i].kind == TokenKind::Word
                && is_acronym(cx.strs[i])
                && !self.cues.not_org_acronyms.contains(&cx.strs[i])
            || self.cues.org_heads.contains(&cx.strs[i])
                && i + 1 < cx.strs.len()
                && capitalised(cx.strs[i + 1])
            || self.first_name_before_name(cx, i)
            || self.is_first_name(cx, i)
            || self.lone_surname(cx, i))
            && !self.calendar.contains(cx.strs[i])
            && !self.month_as_date(cx, i)
            && self.form_sector(cx, cx.strs[i]).is_none()
    }

    /// A given name (`Laura`, `Hans`) as a whole word.
    fn is_first_name(&self, cx: &Ctx, i: usize) -> bool {
        let w = cx.strs[i];
        cx.tokens[i].kind == TokenKind::Word
            && capitalised(w)
            && self.first_names.get(w).is_some()
            && self.first_name_tag_ok(cx, i)
            // the lists hold words of other languages that are German words (`Ein`, `Alle`);
            // a word the lexicon knows only as an adjective is a name when capitalised
            // before a name (`Christopher`, an adjective in `Christopher Street Day`)
            && (!self.is_common_word(cx, w) || i + 1 < cx.strs.len() && self.is_name_token(cx, i + 1) && self.adjective_only(cx, w))
            // `1,5 Mio Euro`
            && !(i > 0 && cx.strs[i - 1].chars().any(|c| c.is_ascii_digit()))
    }

    /// The lexicon knows `w` (in any case) only as an attributive or predicative adjective.
    fn adjective_only(&self, cx: &Ctx, w: &str) -> bool {
        use sitrep_core::Stts;
        let set = self.any_case(cx, w);
        !set.is_empty() && set.iter().all(|t| matches!(t, Stts::Adja | Stts::Adjd))
    }

    /// The tag allows a given name: never a function word (`The`, `Die` are in the lists
    /// of other languages); in English, where no lexicon screens the lists, a name tag.
    fn first_name_tag_ok(&self, cx: &Ctx, i: usize) -> bool {
        match cx.upos(i) {
            Some(Upos::Propn) => true,
            Some(
                Upos::Det
                | Upos::Adp
                | Upos::Pron
                | Upos::Cconj
                | Upos::Sconj
                | Upos::Aux
                | Upos::Part
                | Upos::Num
                | Upos::Punct,
            ) => false,
            _ => self.lang == Language::De,
        }
    }

    /// A given name followed by a capitalised word that may be a surname: the tagger often
    /// calls rare surnames common nouns (`Birgit Fischer`, `Jan Ullrich`).
    fn first_name_before_name(&self, cx: &Ctx, i: usize) -> bool {
        if i + 1 >= cx.strs.len() || cx.tokens[i].joined {
            return false;
        }
        if self.is_first_name(cx, i) {
            return self.may_be_surname(cx, i + 1);
        }
        // a given name that is also a word (`August`, `Ernst`, `Anders`, `Dick`) only
        // before a name the lexicon does not know (`August Kopff`)
        self.is_weak_first_name(cx, i)
            && self.is_name_token(cx, i + 1)
            && !self.lex_knows(cx, cx.strs[i + 1])
            && self.kb.longest_at(&cx.strs, i + 1).is_none()
    }

    fn is_weak_first_name(&self, cx: &Ctx, i: usize) -> bool {
        let w = cx.strs[i];
        cx.tokens[i].kind == TokenKind::Word
            && capitalised(w)
            && w.chars().count() > 2
            && self.first_names.get(w).is_some()
            && self.first_name_tag_ok(cx, i)
            && !(i > 0 && cx.strs[i - 1].chars().any(|c| c.is_ascii_digit()))
    }

    /// A capitalised word after a given name that can be its surname: a name token, or any
    /// capitalised word that is no office word and no abbreviation.
    fn may_be_surname(&self, cx: &Ctx, j: usize) -> bool {
        let s = cx.strs[j];
        self.is_name_token(cx, j)
            || cx.tokens[j].kind == TokenKind::Word
                && capitalised(s)
                && !s.ends_with('.')
                && !is_acronym(s)
                && self.form_sector(cx, s).is_none()
    }

    /// Streets, squares and motorways: `Schwanitzstraße`, `Gubener Straße`, `A 7`, `B 27`.
    /// The tagger often calls these common nouns, so they are found before the name pass.
    fn street_pass(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let n = cx.strs.len();
        let mk = |r: Range<usize>| cx.named(r, EntityKind::Place);
        let mut i = 0;
        while i < n {
            let w = cx.strs[i];
            if covered[i] || cx.tokens[i].kind != TokenKind::Word || !capitalised(w) {
                i += 1;
                continue;
            }
            // `Gubener Straße`, `Friedberger Landstraße`: a capitalised word before a street
            // word (not an article or a sentence-initial function word)
            if i + 1 < n
                && !covered[i + 1]
                && self.cues.street_words.contains(&cx.strs[i + 1])
                && !self.cues.definite.contains(&w)
                && matches!(cx.upos(i), Some(Upos::Adj | Upos::Propn | Upos::Noun))
            {
                covered[i..i + 2].iter_mut().for_each(|c| *c = true);
                found.push(mk(i..i + 2));
                i += 2;
                continue;
            }
            // `St . Moritz`, `St. Goar` written apart: a place name
            if matches!(w, "St" | "Sankt")
                && i + 2 < n
                && cx.strs[i + 1] == "."
                && !covered[i + 2]
                && capitalised(cx.strs[i + 2])
                && cx.tokens[i + 2].kind == TokenKind::Word
            {
                let mut end = i + 3;
                while end < n && !covered[end] && self.is_name_token(cx, end) {
                    end += 1;
                }
                covered[i..end].iter_mut().for_each(|c| *c = true);
                found.push(mk(i..end));
                i = end;
                continue;
            }
            // (no lower-case copy per token: the suffixes are compared ignoring ASCII case)
            let street = self
                .cues
                .street_suffixes
                .iter()
                .any(|suf| w.len() > suf.len() + 3 && ends_with_ci(w, suf))
                && self.form_sector(cx, w).is_none()
                && self.lex(cx, w) != Lex::Noun;
            // German motorways and federal roads: `A 7`, `A1`, `B 27` (not `DIN A4`)
            let road = self.lang == Language::De
                && (matches!(w, "A" | "B")
                    && cx
                        .strs
                        .get(i + 1)
                        .is_some_and(|d| d.len() <= 3 && d.chars().all(|c| c.is_ascii_digit()))
                    || w.len() <= 4
                        && w.starts_with(['A', 'B'])
                        && w.len() >= 2
                        && w[1..].chars().all(|c| c.is_ascii_digit()))
                && !(i > 0 && cx.strs[i - 1] == "DIN");
            // `Schwielowsee`, `Inzigkofen`: an unknown word with a strong place ending; and
            // `Nordafrikas`, `Oberitaliens`: a compass prefix glued to a known place
            // (tagged as a name, or built on a first part that is no word: `Stüdlhütte`,
            // `Marbachsee`, `Pustertal`, but not `Seitental`, `Wallberg`)
            let strong_place = || {
                w.chars().count() > 6
                    && self
                        .cues
                        .strong_place_suffixes
                        .iter()
                        .find(|suf| ends_with_ci(w, suf))
                        .is_some_and(|suf| {
                            // (`Kunstspringen`: a verb, not a place in `-ingen`)
                            let lower = w.to_lowercase();
                            let verb_tail = *suf == "ingen"
                                && self.lexicon.as_ref().is_some_and(|l| {
                                    lower.char_indices().any(|(k, _)| {
                                        lower.len() - k >= 6
                                            && lower.len() - k < lower.len()
                                            && l.is_verb_lemma(&lower[k..])
                                    })
                                });
                            !verb_tail
                                && (cx.is_proper(i)
                                    || w.len() >= suf.len() + 4
                                        && w.is_char_boundary(w.len() - suf.len())
                                        && self.name_like_stem(cx, &w[..w.len() - suf.len()]))
                        })
                    && self.lex(cx, w) == Lex::Unknown
                    && !self.is_common_word(cx, w)
                    && self.form_sector(cx, w).is_none()
                    && !(i > 0 && (self.is_first_name(cx, i - 1) || self.is_name_token(cx, i - 1)))
            };
            let prefixed_place = || {
                self.cues.place_prefixes.iter().any(|p| {
                    w.strip_prefix(p).is_some_and(|rest| {
                        let mut cs = rest.chars();
                        let cap: String = cs
                            .next()
                            .map(|c| c.to_uppercase().chain(cs).collect())
                            .unwrap_or_default();
                        cap.chars().count() > 3
                            && self.kb.lookup(&cap).iter().any(|e| {
                                matches!(e.form, FormType::StateName | FormType::Capital)
                                    || e.form == FormType::Place && e.kb.starts_with("place:")
                            })
                    })
                })
            };
            if street || strong_place() || prefixed_place() {
                covered[i] = true;
                found.push(mk(i..i + 1));
            } else if road {
                let end = if w.len() == 1 { i + 2 } else { i + 1 };
                covered[i..end].iter_mut().for_each(|c| *c = true);
                found.push(mk(i..end));
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// German names built from common words: a capitalised adjective inside a sentence
    /// before an institution or place noun (`Bayerischen Staatsministerium`, `Hessischen
    /// Rundfunks`, `Bayerischen Wald`, `Frankfurter Hauptbahnhof`), and institution nouns
    /// with `Bundes-`/`Landes-` (`Bundesärztekammer`, `Umweltbundesamt`), each with a
    /// following `für …`/`der …` complement of capitalised words (`Bundesamt für
    /// Gesundheit`, `Hochschule für Technik und Wirtschaft`). The tagger calls these common
    /// nouns, so the name pass does not see them.
    fn phrase_pass(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        if self.cues.org_suffixes.is_empty() {
            return;
        }
        let n = cx.strs.len();
        let ends_in = |w: &str, list: &[&str]| {
            let l = w.trim_end_matches("es").trim_end_matches('s');
            list.iter().any(|suf| ends_with_ci(l, suf))
        };
        let noun_at = |covered: &[bool], k: usize| {
            k < n
                && !covered[k]
                && cx.tokens[k].kind == TokenKind::Word
                && capitalised(cx.strs[k])
                && matches!(cx.upos(k), Some(Upos::Noun | Upos::Propn))
        };
        let mut i = 1;
        while i < n {
            // `der Österreichischen Hagelversicherung`, `die Amerikanische Handelskammer`: a
            // capitalised state adjective inside a sentence (a name's first word, which the
            // knowledge base read as the state) before an institution noun is one name, an
            // organisation of that state
            if covered[i] && i + 1 < n && noun_at(covered, i + 1) {
                let state_adj = found.iter().position(|f| {
                    f.tokens == (i..i + 1)
                        && f.kind == EntityKind::State
                        && f.rule == Rule::Kb(FormType::Adjective)
                });
                if let Some(a) = state_adj.filter(|_| {
                    capitalised(cx.strs[i])
                        && !matches!(cx.strs[i - 1], "." | "!" | "?" | ":" | "\"" | "„")
                        && ends_in(cx.strs[i + 1], self.cues.org_suffixes)
                }) {
                    let code = found[a].code.clone();
                    found[a] = Found {
                        code,
                        sector: self.word_sector(cx, i + 1),
                        ..cx.named(i..i + 2, EntityKind::Organization)
                    };
                    covered[i + 1] = true;
                    i += 2;
                    continue;
                }
            }
            if covered[i] || !capitalised(cx.strs[i]) || cx.tokens[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            // (an opening quote inside a sentence starts no sentence: `der " Passauer Neuen
            // Presse "`)
            let after_sentence_start = matches!(cx.strs[i - 1], "." | "!" | "?" | ":")
                || matches!(cx.strs[i - 1], "\"" | "„")
                    && !(i >= 2
                        && cx.tokens[i - 2].kind == TokenKind::Word
                        && cx.strs[i - 2]
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase));
            // `Bayerischen Staatsministerium`, `Hinteren Bayerischen Wald`
            let mut j = i;
            while j + 1 < n
                && !covered[j]
                && capitalised(cx.strs[j])
                && capitalised(cx.strs[j + 1])
                && self.is_name_adjective(cx, j)
            {
                j += 1;
            }
            let (start, head, kind) = if j > i && !after_sentence_start && noun_at(covered, j) {
                let h = cx.strs[j];
                if ends_in(h, self.cues.org_suffixes) {
                    (i, j, EntityKind::Organization)
                } else if ends_in(h, self.cues.place_heads) {
                    (i, j, EntityKind::Place)
                } else {
                    i = j.max(i + 1);
                    continue;
                }
            } else if noun_at(covered, i)
                && self
                    .cues
                    .institution_prefixes
                    .iter()
                    .any(|p| starts_with_ci(cx.strs[i], p))
                && ends_in(cx.strs[i], self.cues.org_suffixes)
                && cx.strs[i].chars().count() >= 9
            {
                (i, i, EntityKind::Organization)
            } else {
                i += 1;
                continue;
            };
            let mut end = head + 1;
            if kind == EntityKind::Organization
                && end + 1 < n
                && cx.upos(end) == Some(Upos::Adj)
                && cx.strs[end].chars().next().is_some_and(char::is_lowercase)
                && noun_at(covered, end + 1)
            {
                end += 2;
            }
            // `für Gesundheit`, `zur Aufarbeitung der SED-Diktatur`, `für Technik und Wirtschaft`
            if kind == EntityKind::Organization
                && end + 1 < n
                && matches!(cx.strs[end], "für" | "zur" | "zum" | "der" | "des")
                && noun_at(covered, end + 1)
            {
                end += 2;
                loop {
                    if end + 1 < n
                        && matches!(cx.strs[end], "und" | "der" | "des")
                        && noun_at(covered, end + 1)
                    {
                        end += 2;
                    } else if noun_at(covered, end) && cx.upos(end) == Some(Upos::Propn) {
                        end += 1;
                    } else {
                        break;
                    }
                }
            }
            let r = start..end;
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
            found.push(Found {
                sector: if kind == EntityKind::Organization {
                    self.word_sector(cx, head)
                } else {
                    None
                },
                ..cx.named(r, kind)
            });
            i = end;
        }
    }

    /// A capitalised adjective inside a name: tagged as one, known to the lexicon as one in
    /// lower case (`Bayerischen`, which the tagger may call a name), or a place adjective
    /// in `-er` (`Passauer`, `Frankfurter`).
    fn is_name_adjective(&self, cx: &Ctx, j: usize) -> bool {
        let w = cx.strs[j];
        if cx.upos(j) == Some(Upos::Adj) {
            return true;
        }
        if self.any_case(cx, w).contains(sitrep_core::Stts::Adja) {
            return true;
        }
        w.len() > 4
            && w.ends_with("er")
            && cx.is_proper(j)
            && j + 1 < cx.strs.len()
            && capitalised(cx.strs[j + 1])
    }

    /// Joins mentions that German writes as one name (in text order):
    /// * a known organisation and its legal form: `Audi AG`, `Google Inc.`;
    /// * a capitalised state adjective and an organisation: `Deutschen Bundestag`;
    /// * an organisation and the town it is named with: `FC Chelsea London`, `Universität
    ///   Hamburg`;
    /// * a place and a district joined by a hyphen: `Berlin-Mitte`, `Bremen-Vegesack`.
    fn merge(&self, cx: &Ctx, found: &mut Vec<Found>) {
        let n = cx.strs.len();
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        for f in found.drain(..) {
            let mut f = f;
            // legal form right after an organisation
            if matches!(f.kind, EntityKind::Organization)
                && f.tokens.end < n
                && self.cues.legal_forms.contains(&cx.strs[f.tokens.end])
            {
                f.tokens.end += 1;
                f.span = cx.span(f.tokens.clone());
                f.name = f.span.get(cx.text).unwrap_or("").to_string();
            }
            // place-district compounds: `Berlin` `-` `Mitte`
            if f.kind == EntityKind::Place
                && matches!(f.rule, Rule::Compound(_))
                && f.tokens.end + 1 < n
            {
                let h = f.tokens.end + 1;
                let head = cx.strs[h];
                let district = || {
                    self.kb
                        .lookup(head)
                        .iter()
                        .any(|e| e.form == FormType::Place)
                };
                if capitalised(head)
                    && (self.lex(cx, head) != Lex::Noun && !self.is_common_word(cx, head)
                        || district())
                    && self.form_sector(cx, head).is_none()
                {
                    f.tokens.end = h + 1;
                    f.span = cx.span(f.tokens.clone());
                    f.name = f.span.get(cx.text).unwrap_or("").to_string();
                    f.rule = Rule::Name;
                }
            }
            if let Some(prev) = out.last_mut() {
                // (no name runs on past a paragraph's end)
                let adjacent =
                    prev.tokens.end == f.tokens.start && !cx.paragraph_break(f.tokens.start);
                let adj_org = adjacent
                    && prev.rule == Rule::Kb(FormType::Adjective)
                    && capitalised(cx.strs[prev.tokens.start])
                    && prev.tokens.start > 0
                    && !cx.tokens[prev.tokens.start - 1].kind.eq(&TokenKind::Punct)
                    && f.kind == EntityKind::Organization
                    && matches!(f.rule, Rule::Kb(FormType::Seat | FormType::OrgName));
                let org_town = adjacent
                    && prev.kind == EntityKind::Organization
                    && !matches!(prev.rule, Rule::Kb(FormType::Adjective))
                    && f.kind == EntityKind::Place
                    && f.tokens.len() == 1
                    && matches!(f.rule, Rule::Kb(FormType::Place | FormType::Capital));
                // `Fraunhofer IAO`, `Mitsubishi UFJ`, `Red Bull Air Race`, `NATO Response
                // Force`, `Kuwait National Airways`: a known organisation (or a state's
                // name) followed directly by an acronym or by a name run that is no
                // person's, is one organisation's name
                let known_org =
                    matches!(
                        prev.rule,
                        Rule::Kb(FormType::OrgName) | Rule::Kb(FormType::StateName)
                    ) && matches!(prev.kind, EntityKind::Organization | EntityKind::State);
                let acronym_next = || f.tokens.len() == 1 && is_acronym(cx.strs[f.tokens.start]);
                let run_next = || {
                    f.rule == Rule::Name
                        && (f.tokens.len() > 1
                            || self.cues.org_heads.contains(&cx.strs[f.tokens.start]))
                        // (an outlet's name may begin with a word of the given-name list:
                        // `Morning Herald`)
                        && (f.kind == EntityKind::Media || !self.is_first_name(cx, f.tokens.start))
                };
                if adjacent
                    && known_org
                    && !cx.tokens[prev.tokens.end - 1].joined
                    && (acronym_next() && prev.kind == EntityKind::Organization || run_next())
                    && matches!(
                        f.kind,
                        EntityKind::Organization | EntityKind::Person | EntityKind::Media
                    )
                {
                    let r = prev.tokens.start..f.tokens.end;
                    // (an outlet's name holding a state, `Brunei Malay Mail`, stays an
                    // outlet)
                    let outlet = f.kind == EntityKind::Media;
                    *prev = Found {
                        code: prev.code.clone(),
                        sector: if outlet { f.sector } else { prev.sector },
                        kb: if prev.kind == EntityKind::Organization {
                            prev.kb.clone()
                        } else {
                            None
                        },
                        ..cx.named(
                            r.clone(),
                            if outlet {
                                EntityKind::Media
                            } else {
                                EntityKind::Organization
                            },
                        )
                    };
                    continue;
                }
                // `Freiburg im Breisgau`, `Frankfurt am Main`: a place, `am`/`im` and the
                // region or river that tells it from others of its name
                if prev.kind == EntityKind::Place
                    && matches!(prev.rule, Rule::Kb(FormType::Place | FormType::Capital))
                    && f.tokens.start == prev.tokens.end + 1
                    && f.tokens.len() == 1
                    && f.kind == EntityKind::Place
                    && matches!(cx.strs[prev.tokens.end], "am" | "im")
                {
                    let r = prev.tokens.start..f.tokens.end;
                    prev.tokens = r.clone();
                    prev.span = cx.span(r);
                    prev.name = prev.span.get(cx.text).unwrap_or("").to_string();
                    continue;
                }
                // `Preußen Münster`, `Bayern München`: two known places side by side
                // name a club (a place is named once; districts come with a hyphen)
                let kb_place = |x: &Found| {
                    x.kind == EntityKind::Place
                        && x.tokens.len() == 1
                        && matches!(x.rule, Rule::Kb(FormType::Place | FormType::Capital))
                };
                let club = adjacent
                    && kb_place(prev)
                    && kb_place(&f)
                    && !cx.tokens[prev.tokens.start].joined
                    && !prev.tokens.start.checked_sub(1).is_some_and(|p| {
                        self.cues.locative.contains(&cx.strs[p])
                            || LOCATIVE_NO_ARTICLE.contains(&cx.strs[p])
                    });
                if club {
                    *prev = Found {
                        tokens: prev.tokens.start..f.tokens.end,
                        span: cx.span(prev.tokens.start..f.tokens.end),
                        kind: EntityKind::Organization,
                        code: None,
                        sector: None,
                        kb: None,
                        name: cx
                            .span(prev.tokens.start..f.tokens.end)
                            .get(cx.text)
                            .unwrap_or("")
                            .to_string(),
                        rule: Rule::Name,
                        country: f.country.clone(),
                        office: false,
                    };
                    continue;
                }
                if adj_org || org_town {
                    let keep = if adj_org { &f } else { &*prev };
                    // `Jamaican Democratic Party`: another state's adjective before a
                    // state's organisation names that state's body of the same name
                    let other = adj_org
                        && self.lang == Language::En
                        && f.code.as_ref().is_some_and(|c| c.len() == 3)
                        && prev.code.is_some()
                        && prev.code != f.code;
                    let r = prev.tokens.start..f.tokens.end;
                    let merged = if other {
                        Found {
                            code: prev.code.clone(),
                            sector: f.sector,
                            ..cx.named(r, EntityKind::Organization)
                        }
                    } else {
                        Found {
                            tokens: r.clone(),
                            span: cx.span(r),
                            kind: EntityKind::Organization,
                            code: keep.code.clone(),
                            sector: keep.sector,
                            kb: keep.kb.clone(),
                            name: keep.name.clone(),
                            rule: keep.rule,
                            country: None,
                            office: false,
                        }
                    };
                    *prev = merged;
                    continue;
                }
            }
            out.push(f);
        }
        *found = out;
    }

    /// `the Ministry of Foreign Affairs`, `Department of Defense`: an English ministry
    /// named by its portfolio is one organisation, with the sector of the ministry the
    /// sector words name by the portfolio (`foreign affairs ministry` DIP, `defence
    /// ministry` MIL; any other ministry or department GOV), whatever the portfolio's
    /// words are alone (`Foreign Affairs` a magazine, `Defence` an unknown name). A state
    /// right before (`Peru's Ministry of …`) gives the code and joins the name; a known
    /// organ's whole name (`Department of State`) stays the knowledge base's.
    fn ministries_of(&self, cx: &Ctx, found: &mut Vec<Found>) {
        let n = cx.strs.len();
        for k in 0..n.saturating_sub(2) {
            let head = cx.strs[k];
            if !matches!(head, "Ministry" | "Department")
                || cx.strs[k + 1] != "of"
                || found
                    .iter()
                    .any(|f| f.tokens.start <= k && f.tokens.end > k)
            {
                continue;
            }
            let topic = if cx.strs[k + 2] == "the" {
                k + 3
            } else {
                k + 2
            };
            let mut end = topic;
            while end < n && end - topic < 5 && !cx.paragraph_break(end) {
                let w = cx.strs[end];
                let coordinated = end > topic
                    && matches!(w, "and" | "&")
                    && cx.strs.get(end + 1).is_some_and(|x| capitalised(x));
                if capitalised(w) && w.chars().all(|c| c.is_alphabetic()) || coordinated {
                    end += 1;
                } else {
                    break;
                }
            }
            if end == topic {
                continue;
            }
            let portfolio = cx.strs[topic..end].join(" ").to_lowercase();
            let sectors = self.kb.sectors();
            let sector = sectors
                .sector(&format!("{portfolio} {}", head.to_lowercase()))
                .unwrap_or(Sector::Gov);
            // the state before it, in the genitive or as a modifier
            let at = if k >= 1 && matches!(cx.strs[k - 1], "'s" | "’s") {
                k - 1
            } else {
                k
            };
            let state = found
                .iter()
                .position(|f| f.tokens.end == at && f.kind == EntityKind::State)
                .map(|i| found.remove(i));
            let start = state.as_ref().map_or(k, |s| s.tokens.start);
            found.retain(|f| f.tokens.end <= start || f.tokens.start >= end);
            found.push(Found {
                code: state.and_then(|s| s.code),
                sector: Some(sector),
                ..cx.named(start..end, EntityKind::Organization)
            });
        }
    }

    fn name_pass(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let n = cx.strs.len();
        // last name → (kind, code, sector, kb, name) of persons seen so far
        let mut surnames: HashMap<String, Found> = HashMap::new();
        for f in found.iter() {
            if f.kind == EntityKind::Person && f.tokens.len() >= 2 {
                surnames.insert(cx.strs[f.tokens.end - 1].to_string(), f.clone());
            }
        }
        let capital = |w: &str| {
            w.as_bytes()
                .first()
                .is_some_and(|&b| b >= 0x80 || b.is_ascii_uppercase())
        };
        // the few organisation heads without a capital (`e.V.`): the test below runs on
        // every lower-case word and punctuation mark, the whole list would cost a scan each
        let lower_heads: Vec<&str> = self
            .cues
            .org_heads
            .iter()
            .copied()
            .filter(|h| !capital(h))
            .collect();
        let mut i = 0;
        while i < n {
            // (every test in `starts_name` wants a capital first, but an organisation head
            // such as `e.V.`: lower-case words and punctuation are passed over cheaply)
            if covered[i]
                || !capital(cx.strs[i]) && !lower_heads.contains(&cx.strs[i])
                || !self.starts_name(cx, i)
            {
                i += 1;
                continue;
            }
            // the run of name tokens, particles allowed inside
            let mut j = i + 1;
            let first_name = self.is_first_name(cx, i) || self.first_name_before_name(cx, i);
            let place_head =
                !first_name && matches!(self.lex(cx, cx.strs[i]), Lex::Name | Lex::Both);
            while j < n && !covered[j] && !cx.paragraph_break(j) {
                // `Hans Fischer`: after a given name, the next capitalised word is its
                // surname whatever its tag
                if first_name
                    && j == i + 1
                    && !cx.tokens[j - 1].joined
                    && self.may_be_surname(cx, j)
                {
                    j += 1;
                    continue;
                }
                // `Janet Branagan Bemerkungen`: after a given name and a surname, a common
                // noun is no third name part (`Hans Peter Müller` has two given names)
                if first_name
                    && j == i + 2
                    && (self.lex(cx, cx.strs[j]) == Lex::Noun
                        || self.lex(cx, cx.strs[j]) == Lex::Unknown
                            && cx.strs[j].chars().count() > 8
                            && !self.unanalysable(cx.strs[j]))
                    && !self.is_first_name(cx, i + 1)
                {
                    break;
                }
                // `Müller-Sönksen`, `Carl-Ludwig`: a hyphen joining two name parts (not
                // `Merkel-Regierung`, whose head is a common noun)
                if cx.tokens[j - 1].joined
                    && cx.strs[j] == "-"
                    && cx.tokens[j].joined
                    && j + 1 < n
                    && !covered[j + 1]
                    && self.is_name_token(cx, j + 1)
                    && self.lex(cx, cx.strs[j + 1]) != Lex::Noun
                    && !self.is_common_word(cx, cx.strs[j + 1])
                    && self.form_sector(cx, cx.strs[j + 1]).is_none()
                {
                    j += 2;
                    continue;
                }
                // `Elisabeth II.`, `Bernhard IV.`
                let roman = cx.strs[j].trim_end_matches('.');
                if !roman.is_empty()
                    && roman.len() <= 5
                    && roman.chars().all(|c| "IVX".contains(c))
                    && !cx.tokens[j - 1].joined
                {
                    j += 1;
                    // `IV.` with its period, when the sentence goes on
                    if cx.tokens[j - 1].joined
                        && cx.strs.get(j) == Some(&".")
                        && cx
                            .strs
                            .get(j + 1)
                            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                    {
                        j += 1;
                    }
                    break;
                }
                // a name in the genitive ends the name before a common noun or a place
                // (`Heidi Klums Modelsuche`, `auf Druck Napoleons Regensburg`)
                if !cx.tokens[j - 1].joined
                    && self.is_genitive_name(cx, j - 1)
                    && (self.is_common_noun_at(cx, j)
                        || self.kb.lookup(cx.strs[j]).iter().any(|e| {
                            matches!(
                                e.form,
                                FormType::Place | FormType::Capital | FormType::StateName
                            )
                        }))
                {
                    break;
                }
                // after a place name, a common noun the tagger took for a name ends the
                // run (`bei Genf Atomkerne`); surnames that are nouns (`Müller`) do not
                if self.is_name_token(cx, j)
                    && !cx.tokens[j - 1].joined
                    && !(place_head && self.lex(cx, cx.strs[j]) == Lex::Noun)
                {
                    j += 1;
                } else if place_head
                    && j == i + 1
                    && matches!(cx.strs[j], "am" | "im" | "an" | "ob" | "upon")
                    && j + 1 < n
                    && !covered[j + 1]
                    && self.is_name_token(cx, j + 1)
                {
                    // `Frankfurt am Main`, `Freiburg im Breisgau`
                    j += 2;
                } else if self.cues.particles.contains(&cx.strs[j])
                    && j + 1 < n
                    && !covered[j + 1]
                    && self.is_name_token(cx, j + 1)
                {
                    j += 2;
                } else if matches!(cx.strs[j], "of" | "and" | "for" | "on" | "&")
                    && j + 1 < n
                    && !covered[j + 1]
                    && self.is_name_token(cx, j + 1)
                {
                    // English organisation names inside German text: `Institute of
                    // Technology`, `Council on Security and Development`
                    j += 2;
                } else if self.cues.particles.contains(&cx.strs[j])
                    && cx.tokens[j].joined
                    && cx.strs.get(j + 1) == Some(&"-")
                    && cx.tokens[j + 1].joined
                    && j + 2 < n
                    && !covered[j + 2]
                    && capitalised(cx.strs[j + 2])
                {
                    // `al-Araji`, `bin-Salman`
                    j += 3;
                } else {
                    break;
                }
            }
            // a name glued to a hyphen compound (`Merkel-Regierung`) is left alone
            if cx.tokens[j - 1].joined && cx.strs.get(j) == Some(&"-") {
                i = j;
                continue;
            }
            // `Chief Supt. John Smith`, `Detective Chief Insp. Jane Doe`: office words
            // before a rank's abbreviation are part of the rank, no name
            if self.lang == Language::En
                && cx
                    .strs
                    .get(j)
                    .is_some_and(|w| w.ends_with('.') && self.cues.titles.contains(w))
                && cx.strs[i..j].iter().all(|w| {
                    self.cues.titles.iter().any(|t| t.eq_ignore_ascii_case(w))
                        || self.form_sector(cx, w).is_some()
                })
            {
                i = j;
                continue;
            }
            // `Leichtathlet Heinrich Popow`, `CEO Rick Dudley`: words before a given name
            // that the lexicon knows as common nouns, or acronyms, are no part of the name
            let mut start = i;
            // (also a given name alone at the end: `Hardeknuts Halbbruder Sven`)
            let last_k = if j >= i + 2 && self.is_first_name(cx, j - 1) {
                j
            } else {
                j.saturating_sub(1)
            };
            if let Some(k) = (i + 1..last_k).find(|&k| self.is_first_name(cx, k)) {
                if (i..k).all(|m| {
                    let w = cx.strs[m];
                    // (a given name the lexicon also lists as a noun stays: `Friedrich
                    // Wilhelm Gubitz`)
                    self.lex(cx, w) == Lex::Noun && self.first_names.get(w).is_none()
                        // (a club's prefix stays: `FC Carl Zeiss Jena`)
                        || is_acronym(w) && !self.cues.org_heads.contains(&w)
                        || self.cues.titles.contains(&w)
                        // an unknown compound noun (`Leichtathlet`, `Musikvideos`)
                        || self.lex(cx, w) == Lex::Unknown && w.chars().count() > 8
                }) {
                    start = k;
                }
            }
            // English capitalises an office before a name (`Vice Foreign Minister Tong
            // Il`, `Health Minister Khaled Shetty`, `Press Secretary Jay Carney`): the run
            // up to its last office word is the title, read by the descriptor, not the
            // name; the name left must be two words or start with a given name
            // (`General Motors` stays)
            if self.lang == Language::En && start == i {
                if let Some(k) = (i..j.saturating_sub(1)).rev().find(|&k| {
                    let w = cx.strs[k];
                    self.cues.titles.contains(&w) || self.form_sector(cx, w).is_some()
                }) {
                    let rest = k + 1..j;
                    let name_only = rest.clone().all(|m| {
                        capitalised(cx.strs[m])
                            && self.form_sector(cx, cx.strs[m]).is_none()
                            && !self.cues.org_heads.contains(&cx.strs[m])
                    });
                    if name_only && (rest.len() >= 2 || self.is_first_name(cx, k + 1)) {
                        start = k + 1;
                    }
                }
            }
            // `Franzis Verlag`, `JFE Holdings`: an organisation head after the run (the
            // tagger calls it a common noun) belongs to the name
            if j < n
                && !covered[j]
                && !cx.tokens[j - 1].joined
                && !cx.paragraph_break(j)
                && cx.strs[j].chars().count() > 3
                && self.cues.org_heads.contains(&cx.strs[j])
            {
                j += 1;
            }
            let r = start..j;
            if let Some(mut f) = self.classify(cx, r.clone(), &surnames) {
                // `Universität Gießen`, `VfL Osnabrück`: an organisation and its town
                if f.kind == EntityKind::Organization
                    && j < n
                    && !covered[j]
                    && !cx.tokens[j - 1].joined
                    && !cx.paragraph_break(j)
                    && capitalised(cx.strs[j])
                    && self
                        .kb
                        .lookup(cx.strs[j])
                        .iter()
                        .any(|e| matches!(e.form, FormType::Place | FormType::Capital))
                {
                    f.tokens.end = j + 1;
                    f.span = cx.span(f.tokens.clone());
                    f.name = f.span.get(cx.text).unwrap_or("").to_string();
                }
                let (r, j) = (f.tokens.clone(), f.tokens.end);
                if f.kind == EntityKind::Person && r.len() >= 2 {
                    surnames.insert(cx.strs[j - 1].to_string(), f.clone());
                }
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
                found.push(f);
            }
            i = j;
        }
    }

    fn classify(
        &self,
        cx: &Ctx,
        r: Range<usize>,
        surnames: &HashMap<String, Found>,
    ) -> Option<Found> {
        let words = &cx.strs[r.clone()];
        let span = cx.span(r.clone());
        let name = span.get(cx.text).unwrap_or("").to_string();
        let mk =
            |kind, code: Option<String>, sector, kb: Option<String>, name: String, rule| Found {
                tokens: r.clone(),
                span,
                kind,
                code,
                sector,
                kb,
                name,
                rule,
                country: None,
                office: false,
            };
        let prev_idx = r.start.checked_sub(1);
        let prev = prev_idx.map(|p| cx.strs[p]);
        let last = *words.last()?;
        if r.len() == 1 && last.chars().count() < 2 {
            return None;
        }
        // coreference: a surname alone after the full name (its own office noun may
        // describe the person when the full name had none: `heute-Moderator Ziegler`)
        if r.len() == 1 {
            if let Some(p) = surnames.get(last) {
                let own = if p.sector.is_none() && p.kb.is_none() {
                    self.descriptor(cx, r.start).and_then(|d| d.1)
                } else {
                    None
                };
                return Some(mk(
                    p.kind,
                    p.code.clone(),
                    p.sector.or(own),
                    p.kb.clone(),
                    p.name.clone(),
                    Rule::Surname,
                ));
            }
        }
        // the same full name again (`Tong Il` after `Vice Foreign Minister Tong Il`): the
        // person this pass named before, unless a descriptor of its own says otherwise
        // (English: German names are found by the given-name list and rarely need it)
        if r.len() >= 2 && self.lang == Language::En {
            if let Some(p) = surnames.get(last).filter(|p| {
                p.kind == EntityKind::Person
                    && p.rule == Rule::Name
                    && p.kb.is_none()
                    && p.name == name
                    && p.sector.is_some()
            }) {
                if self.descriptor(cx, r.start).is_none() && self.apposition(cx, r.start).is_none()
                {
                    return Some(mk(
                        p.kind,
                        p.code.clone(),
                        p.sector,
                        p.kb.clone(),
                        p.name.clone(),
                        Rule::Surname,
                    ));
                }
            }
        }
        // (`SA`, `KB`, `Q2`, `U12`: two letters or digits are too often a code or an
        // abbreviation; known ones come from the knowledge base)
        let acronym = r.len() == 1
            && is_acronym(last)
            && last.chars().count() > 2
            && !last.chars().any(|c| c.is_ascii_digit())
            && !self.cues.not_org_acronyms.contains(&last)
            && !last.chars().all(|c| "IVXLCDM".contains(c));
        if r.len() == 1 && is_acronym(last) && !acronym {
            return None;
        }
        // `ESV Lok`, `JR West`, `PKN Orlen`: a run led by an acronym
        let acronym_led =
            r.len() > 1 && is_acronym(words[0]) && !self.cues.not_org_acronyms.contains(&words[0]);
        let connected = words
            .iter()
            .any(|w| matches!(*w, "of" | "and" | "for" | "on" | "&"));
        // (a head alone, `Club`, `Schule`, is a common noun)
        let town_after = || {
            r.end < cx.strs.len()
                && self
                    .kb
                    .lookup(cx.strs[r.end])
                    .iter()
                    .any(|e| matches!(e.form, FormType::Place | FormType::Capital))
        };
        // `Brunei Malay Mail`, `Mongol National Radio`, `Australia Broadcasting Corp.`: an
        // outlet by its last word, a broadcaster by any (the merge with a state's name
        // before it keeps the outlet)
        if r.len() > 1
            && (self.cues.outlet_heads.contains(&last)
                || self.lang == Language::En && words.contains(&"Broadcasting"))
        {
            return Some(mk(
                EntityKind::Media,
                None,
                Some(Sector::Med),
                None,
                name,
                Rule::Name,
            ));
        }
        if self.cues.org_heads.contains(&last) && (r.len() > 1 || is_acronym(last) || town_after())
            || (r.len() > 1 && self.cues.org_heads.contains(&words[0]))
            || (connected && words.iter().any(|w| self.cues.org_heads.contains(w)))
            || acronym
            || acronym_led
        {
            return Some(mk(
                EntityKind::Organization,
                None,
                None,
                None,
                name,
                Rule::Name,
            ));
        }
        // `Laura Schmidt`, `Giovanni Giacomo Dotti`: a run that starts with a given name; a
        // given name alone when the lexicon knows it as nothing else (`Laura`, not `Mark`)
        let first_name = self.is_first_name(cx, r.start)
            || r.len() >= 2 && self.first_name_before_name(cx, r.start);
        if first_name
            && (r.len() >= 2
                || !self.is_common_word(cx, words[0]) && self.lex(cx, words[0]) != Lex::Noun)
        {
            let (code, sector) = self
                .descriptor(cx, r.start)
                .or_else(|| self.apposition(cx, r.start))
                .unwrap_or((None, None));
            return Some(mk(EntityKind::Person, code, sector, None, name, Rule::Name));
        }
        // `Chicago Bulls`, `Eintracht Frankfurt`, `Panathinaikos Athen`: a name run that
        // starts or ends with a known town (the knowledge-base pass left it to this pass
        // because another name stands next to it) is an organisation named after its seat,
        // unless its last word makes it a place (`Norderstedt Mitte`, `Hudson River`)
        if r.len() >= 2 && !first_name {
            let is_place = |w: &str| {
                self.kb
                    .lookup(w)
                    .iter()
                    .any(|e| matches!(e.form, FormType::Place | FormType::Capital))
            };
            let place_word = self.cues.place_last.contains(&last)
                || self.cues.street_words.contains(&last)
                || self
                    .cues
                    .place_suffixes
                    .iter()
                    .any(|suf| last.len() > suf.len() + 2 && last.ends_with(suf));
            // (a run ending in a town is a club only when its first word is no given
            // name or unknown name: `Eintracht Frankfurt`, `VfL Bochum`, not `Enner
            // Valencia`)
            let club_word = self.lex(cx, words[0]) != Lex::Unknown
                || is_acronym(words[0])
                || self.cues.org_heads.contains(&words[0]);
            if !place_word && (is_place(words[0]) || is_place(last) && club_word) {
                return Some(mk(
                    EntityKind::Organization,
                    None,
                    None,
                    None,
                    name,
                    Rule::Name,
                ));
            }
        }
        // `Blatter kritisierte …`, `Berlusconi hat …`: one name-tagged word the lexicon does
        // not know, as the subject before a finite verb, is most often a surname (towns
        // and organisations the knowledge base knows are matched before this pass)
        let clause_start = r.start == 0
            || matches!(
                cx.strs[r.start - 1],
                "." | "," | ";" | ":" | "\"" | "„" | "“" | "(" | "–" | "-"
            );
        let subject = r.len() == 1
            && clause_start
            && cx.is_proper(r.start)
            && self.lex(cx, last) == Lex::Unknown
            && !self.is_common_word(cx, last)
            && !is_acronym(last)
            && last.chars().count() > 2
            && r.end < cx.strs.len()
            && matches!(cx.upos(r.end), Some(Upos::Verb | Upos::Aux))
            // `Zudem verkündete er`: a pronoun after the verb is the subject, and the word
            // before it an adverb
            && cx.upos(r.end + 1) != Some(Upos::Pron)
            && !self
                .cues
                .place_suffixes
                .iter()
                .any(|suf| last.len() > suf.len() + 2 && last.ends_with(suf));
        // `Merkels Politik`, `Luthers Thesen`: an unknown name in the genitive before a noun
        let genitive = r.len() == 1
            && cx.is_proper(r.start)
            && last.ends_with('s')
            && !last.ends_with("ss")
            && last.chars().count() > 4
            && self.lex(cx, last) == Lex::Unknown
            && !self.is_common_word(cx, last)
            && !is_acronym(last)
            && r.end < cx.strs.len()
            && self.is_common_noun_at(cx, r.end);
        // `verlässt Åke Walleborn die Band`, `und Teemu Tainio spielt`: two words the
        // lexicon cannot analyse, next to a finite verb, are a person's names
        let finite = |k: usize| {
            cx.words
                .get(k)
                .is_some_and(|w| matches!(w.xpos.as_str(), "VVFIN" | "VAFIN" | "VMFIN"))
        };
        let two_names = r.len() == 2
            && words.iter().all(|w| {
                (3..=14).contains(&w.chars().count())
                    && w.chars().all(char::is_alphabetic)
                    && self.lex(cx, w) == Lex::Unknown
                    && self.no_word_shape(cx, w)
            })
            && !prev_idx.is_some_and(|p| matches!(cx.upos(p), Some(Upos::Det | Upos::Adj)))
            && (prev_idx.is_some_and(finite) || finite(r.end));
        let descriptor = self
            .descriptor(cx, r.start)
            .or_else(|| self.apposition(cx, r.start));
        if subject || genitive || two_names {
            // (a foreign given name the list lacks: `der ukrainische Botschafter Andrij
            // Melnyk protestierte` still takes its descriptor)
            let (code, sector) = descriptor.unwrap_or((None, None));
            return Some(mk(EntityKind::Person, code, sector, None, name, Rule::Name));
        }
        let titled = prev.is_some_and(|p| self.cues.titles.contains(&p));
        let saying = self.saying_next_to(cx, r.clone());
        if descriptor.is_some() || titled || saying {
            let (code, sector) = descriptor.unwrap_or((None, None));
            return Some(mk(EntityKind::Person, code, sector, None, name, Rule::Name));
        }
        let first_lex = self.lex(cx, words[0]);
        // a common noun the tagger took for a name (`in Form`, `im Juni`)
        if r.len() == 1 && first_lex == Lex::Noun {
            return None;
        }
        let placey = self.cues.place_first.contains(&words[0])
            || self.cues.place_last.contains(&last)
            || self
                .cues
                .place_suffixes
                .iter()
                .any(|suf| last.len() > suf.len() + 2 && last.ends_with(suf))
            || (matches!(first_lex, Lex::Name | Lex::Both) && (r.len() == 1 || words.len() <= 3));
        // (one word the lexicon knows as an ordinary word, `in Ihrem`, `in Zivil`, `im
        // Bundesland`, or cannot analyse after `in` and no name tag, `in Bälde`, is none)
        let ordinary = r.len() == 1
            && (self.is_common_word(cx, last)
                || !cx.is_proper(r.start) && first_lex == Lex::Unknown && !placey);
        if !ordinary && (placey || prev.is_some_and(|p| self.cues.locative.contains(&p))) {
            return Some(mk(EntityKind::Place, None, None, None, name, Rule::Name));
        }
        // two or more names: a person, unless the first word is an ordinary German word
        // the tagger took for a name (`Demografische Daten`, `Thema Nummer`); first names
        // are not in the lexicon
        if r.len() >= 2 && !self.is_common_word(cx, words[0]) {
            // without a given name, a run holding a German word is an organisation's name
            // (`Hamburgische Sezession`, `Franzis Verlag`); one of unknown words a person's
            // (`Hamburgische Sezession`, `Franzis Verlag`); unknown words with an initial a
            // person's (`A. Korsakow`); other runs of unknown words are as often works,
            // teams and foreign places (`Dime Novels`, `Red Devils`, `Kurd Dagh`) as
            // persons, and are left out
            if words.iter().any(|w| self.lex(cx, w) != Lex::Unknown) {
                return Some(mk(
                    EntityKind::Organization,
                    None,
                    None,
                    None,
                    name,
                    Rule::Name,
                ));
            }
            let initial = |w: &&str| w.chars().count() == 2 && w.ends_with('.') && capitalised(w);
            if words.iter().any(initial) {
                return Some(mk(EntityKind::Person, None, None, None, name, Rule::Name));
            }
            return None;
        }
        if r.len() == 1 && self.lone_surname(cx, r.start) {
            return Some(mk(EntityKind::Person, None, None, None, name, Rule::Name));
        }
        None
    }

    /// The first part of a compound that is no German word (nor a word with a linking `s`):
    /// `Stüdl`, `Puster`, `Marbach`, not `Seiten`, `Wall`, `Gebirgs`.
    fn name_like_stem(&self, cx: &Ctx, stem: &str) -> bool {
        let Some(lex) = &self.lexicon else {
            return false;
        };
        let known = |w: &str| self.is_common_word(cx, w) || !lex.compound(w).is_empty();
        stem.chars().count() >= 3
            && stem.chars().next().is_some_and(char::is_uppercase)
            && !known(stem)
            && !stem
                .strip_suffix('s')
                .is_some_and(|b| known(b) || known(&format!("{b}e")))
            && !stem.strip_suffix('n').is_some_and(known)
            && !stem.strip_suffix("en").is_some_and(known)
    }

    /// `will Laukötter schon`, `Marchoux beschäftigte sich`, `sagte Pfister`, `so
    /// Ketterer.`: one capitalised word that the lexicon cannot analyse at all (no form,
    /// compound or ending it knows) and that has no common-noun ending, not after an
    /// article, adjective, number or quote, next to a verb, is most often a surname (the
    /// tagger calls many of them common nouns).
    fn lone_surname(&self, cx: &Ctx, i: usize) -> bool {
        let w = cx.strs[i];
        let prev = i.checked_sub(1);
        // the cheap tests on the word and its neighbours first, the lexicon last
        cx.tokens[i].kind == TokenKind::Word
            && capitalised(w)
            && (cx.is_proper(i) || matches!(cx.upos(i), Some(Upos::Noun | Upos::Adv | Upos::X)))
            && (prev.is_some_and(|p| matches!(cx.upos(p), Some(Upos::Verb | Upos::Aux)))
                || matches!(cx.upos(i + 1), Some(Upos::Verb | Upos::Aux))
                || prev.is_some_and(|p| cx.strs[p] == "so")
                    && cx.upos(i + 1) == Some(Upos::Punct))
            // (after a common noun, `Atomkraftwerk Krümmel`, or a place preposition, `von
            // Karlstein`, the word names a thing or a place as often)
            && !prev.is_some_and(|p| {
                cx.tokens[p].joined
                    || matches!(
                        cx.upos(p),
                        Some(Upos::Det | Upos::Adj | Upos::Num | Upos::Pron | Upos::Noun)
                    )
                    || is_quote(cx.strs[p])
                    || LOCATIVE_NO_ARTICLE.contains(&cx.strs[p])
                    || cx.strs[p].chars().any(|c| c.is_ascii_digit())
            })
            && !cx.tokens[i].joined
            && !is_acronym(w)
            && (3..=12).contains(&w.chars().count())
            && w.chars().all(char::is_alphabetic)
            && !NOUN_ENDINGS.iter().any(|e| w.ends_with(e))
            && self.lex(cx, w) == Lex::Unknown
            && self.form_sector(cx, w).is_none()
            // (a known organisation or outlet the context did not confirm is no surname)
            && !self.kb.lookup(w).iter().any(|e| {
                matches!(e.kind, EntityKind::Organization | EntityKind::Media)
            })
            && self.no_word_shape(cx, w)
    }

    /// Neither an analysis nor a common-noun head (cached per document): the shape of a
    /// name, not of a German word.
    fn no_word_shape(&self, cx: &Ctx, w: &str) -> bool {
        if let Some(&v) = cx.shape_cache.borrow().get(w) {
            return v;
        }
        let v = self.memo_word_shape(w);
        cx.shape_cache.borrow_mut().insert(w.to_string(), v);
        v
    }

    /// Neither an analysis nor a common-noun head, through the recogniser's [`WordMemo`].
    fn memo_word_shape(&self, w: &str) -> bool {
        self.shape_memo
            .get_or(w, || self.unanalysable(w) && !self.has_noun_head(w))
    }

    /// The word ends in a common noun of four letters or more after a first part of three
    /// or more, whatever that first part is (`Mindestsumme`, `Rapgeschäft`): a compound
    /// noun, not a surname.
    fn has_noun_head(&self, w: &str) -> bool {
        let Some(lex) = &self.lexicon else {
            return false;
        };
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        (3..chars.len().saturating_sub(3)).any(|k| {
            let head = &w[chars[k].0..];
            let mut cs = head.chars();
            let cap: String = cs
                .next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default();
            let set = lex.stts_set(&cap);
            set.contains(sitrep_core::Stts::Nn) && !set.contains(sitrep_core::Stts::Ne)
        })
    }

    /// The lexicon can say nothing about the word: no form, compound or ending it knows.
    fn unanalysable(&self, word: &str) -> bool {
        self.lexicon
            .as_ref()
            .is_some_and(|l| l.analyze(word).is_empty())
    }

    /// A capitalised common noun at `k`: tagged as one, or known to the lexicon as one
    /// (also as a compound: `Modelsuche`).
    fn is_common_noun_at(&self, cx: &Ctx, k: usize) -> bool {
        let w = cx.strs[k];
        capitalised(w)
            && cx.tokens[k].kind == TokenKind::Word
            && (cx.upos(k) == Some(Upos::Noun)
                || matches!(self.lex(cx, w), Lex::Noun | Lex::Both)
                || self.lex(cx, w) == Lex::Unknown
                    && self
                        .lexicon
                        .as_ref()
                        .is_some_and(|l| !l.compound(w).is_empty()))
    }

    /// A name in the genitive (`Napoleons`, `Klums`, `Melanies`), which ends a name: no
    /// given name in the nominative (`Jens`, `Thomas`), not a word the lexicon knows.
    fn is_genitive_name(&self, cx: &Ctx, k: usize) -> bool {
        let w = cx.strs[k];
        w.chars().count() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !self.is_first_name(cx, k)
            && !self.is_weak_first_name(cx, k)
            && matches!(self.lex(cx, w), Lex::Unknown | Lex::Name)
            && !self.is_common_word(cx, w)
    }

    /// The lexicon knows the word (as written or in lower case) and never as a name.
    fn is_common_word(&self, cx: &Ctx, word: &str) -> bool {
        self.lex_entry(cx, word).1
    }

    /// A verb of saying right after the name (`Merkel sagte`, `Merkel, die ... sagte` is
    /// not covered) or right before it (`sagte Merkel`).
    fn saying_next_to(&self, cx: &Ctx, r: Range<usize>) -> bool {
        let after = cx.strs.get(r.end).copied();
        let before = r.start.checked_sub(1).map(|p| cx.strs[p]);
        after.is_some_and(|w| self.cues.saying.contains(&w))
            || before.is_some_and(|w| self.cues.saying.contains(&w))
    }

    /// `Der Sprecher des Auswärtigen Amtes, Martin Schäfer, …`: a name after a comma, with
    /// an office noun in the five tokens before the comma and no verb between.
    fn apposition(&self, cx: &Ctx, start: usize) -> Option<(Option<String>, Option<Sector>)> {
        let comma = start.checked_sub(1)?;
        if cx.strs[comma] != "," {
            return None;
        }
        let mut k = comma;
        let lo = comma.saturating_sub(8);
        while k > lo {
            k -= 1;
            if cx.is_verb(k) || matches!(cx.strs[k], "," | "." | ";" | ":") {
                return None;
            }
            let sector = self.word_sector(cx, k);
            // (English capitalises an office, which the tagger may call a name: `the
            // Faroe Islands' Minister of Economic Development, Svein Romsund`)
            let noun = cx.is_noun(k)
                || self.lang == Language::En && cx.is_proper(k) && capitalised(cx.strs[k]);
            if noun && (sector.is_some() || self.cues.titles.contains(&cx.strs[k])) {
                // a code (and sector) from a knowledge-base form between the noun and the
                // comma, or just before the noun
                let entry = (k.saturating_sub(3)..comma)
                    .flat_map(|i| self.kb.longest_at(&cx.strs, i))
                    .flat_map(|m| self.kb.entries_of(&m).next())
                    .find(|e| !matches!(e.form, FormType::OrgCoref | FormType::MediaContext));
                let code = entry.map(|e| e.code.clone());
                return Some((code, sector.or(entry.and_then(|e| e.sector))));
            }
        }
        None
    }

    /// Words before a name that describe a person: an office or role noun, possibly a
    /// compound (`UNO-Diplomat`, `US-Präsident`), preceded by adjectives (`russische`).
    /// Returns the code (from a state adjective or name, or an organisation, in the
    /// descriptor) and the sector (from the office noun); `None` when the word before the
    /// name is no office noun.
    fn descriptor(&self, cx: &Ctx, start: usize) -> Option<(Option<String>, Option<Sector>)> {
        let noun = start.checked_sub(1)?;
        // `Gouverneur Alejandro Garcia Padilla` where the name run began after the given
        // name: the descriptor stands before the given name (one step only)
        if noun >= 1
            && capitalised(cx.strs[noun])
            && !cx.tokens[noun].joined
            && !cx.tokens[noun - 1].joined
            && self.is_first_name(cx, noun)
            && !self.is_first_name(cx, noun - 1)
        {
            if let Some(d) = self.descriptor_at(cx, noun) {
                return Some(d);
            }
        }
        let d = self.descriptor_at(cx, start);
        if d.is_some() {
            if let Some(current) = self.current_post_before_past(cx, start) {
                return Some(current);
            }
        }
        d.or_else(|| self.descriptor_past_complement(cx, start))
    }

    /// English `Chinese ambassador to Eritrea Yu Yongde`, `envoy to the UN X`: an office
    /// noun, its complement (`to`/`in`/`at`, a state or organisation the knowledge base
    /// knows), then the name. The office describes the person; the complement is where the
    /// office is held, not whom the person acts for, so the code comes only from before
    /// the noun (`Chinese`), as in [`Self::descriptor_at`].
    fn descriptor_past_complement(
        &self,
        cx: &Ctx,
        start: usize,
    ) -> Option<(Option<String>, Option<Sector>)> {
        if self.lang != Language::En {
            return None;
        }
        let m = (start.saturating_sub(4)..start)
            .filter_map(|k| self.kb.longest_at(&cx.strs, k))
            .find(|m| m.end == start)?;
        self.kb.entries_of(&m).find(|e| {
            matches!(
                e.form,
                FormType::StateName | FormType::OrgName | FormType::Seat | FormType::Capital
            )
        })?;
        let mut prep = m.start.checked_sub(1)?;
        if cx.strs[prep] == "the" {
            prep = prep.checked_sub(1)?;
        }
        if prep == 0 || !matches!(cx.strs[prep], "to" | "in" | "at") {
            return None;
        }
        self.descriptor_at(cx, prep).filter(|d| d.1.is_some())
    }

    /// `der neue BR-Fernsehchef und ehemalige ORF-Manager Reinhard Scolik`, `the new
    /// chairman and former chief executive X`: the post before the name is a past one
    /// coordinated after another; the other, current one describes the person.
    fn current_post_before_past(
        &self,
        cx: &Ctx,
        start: usize,
    ) -> Option<(Option<String>, Option<Sector>)> {
        const PAST: &[&str] = &["ehemalig", "früher", "einstig", "vormalig", "former"];
        // the descriptor's first token (`ORF` of `ORF - Manager`)
        let mut first = start.checked_sub(1)?;
        while first >= 2
            && cx.strs[first - 1] == "-"
            && cx.tokens[first - 2].joined
            && cx.tokens[first - 1].joined
        {
            first -= 2;
        }
        let adj = first.checked_sub(1)?;
        let and = adj.checked_sub(1)?;
        let past = cx.strs[adj].to_lowercase();
        if !PAST.iter().any(|p| past.starts_with(p)) || !matches!(cx.strs[and], "und" | "and") {
            return None;
        }
        self.descriptor_at(cx, and).filter(|d| d.1.is_some())
    }

    fn descriptor_at(&self, cx: &Ctx, start: usize) -> Option<(Option<String>, Option<Sector>)> {
        let noun = start.checked_sub(1)?;
        // `FPÖ-Chef Heinz-Christian Strache`, `Bundesbank-Vorstand Carl-Ludwig Thiele`,
        // `Oceana-Direktor X`: a compound whose first part is a known organisation, state or
        // outlet gives its code; the sector is the head's, else the organisation's
        if noun >= 2
            // (the tagger may call the head of such a compound a name: `SPÖ-Klubobmann` NE)
            && (cx.is_noun(noun) || cx.is_proper(noun) && capitalised(cx.strs[noun]))
            && cx.strs[noun - 1] == "-"
            && cx.tokens[noun - 2].joined
            && cx.tokens[noun - 1].joined
        {
            let m = (noun.saturating_sub(4)..noun - 1)
                .filter_map(|k| self.kb.longest_at(&cx.strs, k))
                .find(|m| m.end == noun - 1);
            if let Some(e) = m.as_ref().and_then(|m| {
                self.kb.entries_of(m).find(|e| {
                    matches!(
                        e.form,
                        FormType::OrgName | FormType::StateName | FormType::Seat | FormType::Media
                    )
                })
            }) {
                let org = self.kb.org_sector(&e.kb, cx.published).or(e.sector);
                // (a lead head on an organisation without a sector, `ÖFB-Präsident`, is
                // no state office: no sector, not the head's GOV)
                let body = matches!(e.form, FormType::OrgName | FormType::Media);
                let sector = if lead_head(cx.strs[noun]) {
                    org.or_else(|| (!body).then(|| self.word_sector(cx, noun)).flatten())
                } else {
                    self.word_sector(cx, noun).or(org)
                };
                let code = self
                    .nationality_before(cx, noun)
                    .or_else(|| Some(e.code.clone()).filter(|c| !c.is_empty()));
                return Some((code, sector));
            }
        }
        // the same compound written as one token (`FPÖ-Chef`)
        if let Some((first, head)) = cx.strs[noun]
            .split_once('-')
            .filter(|(a, b)| !a.is_empty() && b.chars().next().is_some_and(char::is_uppercase))
        {
            if let Some(e) = self.kb.lookup(first).into_iter().find(|e| {
                matches!(
                    e.form,
                    FormType::OrgName | FormType::StateName | FormType::Seat | FormType::Media
                ) && !e.context_only
            }) {
                let org = self.kb.org_sector(&e.kb, cx.published).or(e.sector);
                let body = matches!(e.form, FormType::OrgName | FormType::Media);
                let sector = if lead_head(head) {
                    org.or_else(|| (!body).then(|| self.form_sector(cx, head)).flatten())
                } else {
                    self.form_sector(cx, head).or(org)
                };
                let code = self
                    .nationality_before(cx, noun)
                    .or_else(|| Some(e.code.clone()).filter(|c| !c.is_empty()));
                return Some((code, sector));
            }
        }
        // (the tagger may call an office noun before a name a name: `Innenministerin`
        // NE in `legte Innenministerin Johanna Mikl-Leitner`)
        // (English: also one it calls an adjective: `Chief Superintendent Ricardo
        // Beltran` JJ JJ)
        let office_propn = || {
            (cx.is_proper(noun) || self.lang == Language::En && cx.upos(noun) == Some(Upos::Adj))
                && capitalised(cx.strs[noun])
                && self.word_sector(cx, noun).is_some()
        };
        if !cx.is_noun(noun) && !self.cues.titles.contains(&cx.strs[noun]) && !office_propn() {
            return None;
        }
        let mut sector = self.word_sector(cx, noun);
        // English: "interior minister", also capitalised as a title ("Foreign Minister",
        // "Foreign Affairs Minister")
        if self.lang == Language::En
            && noun >= 1
            && (cx.is_noun(noun - 1) || capitalised(cx.strs[noun - 1]))
        {
            let two = format!("{} {}", cx.strs[noun - 1], cx.lemma(noun));
            let three =
                (noun >= 2 && capitalised(cx.strs[noun - 2]) && capitalised(cx.strs[noun - 1]))
                    .then(|| format!("{} {two}", cx.strs[noun - 2]));
            if let Some(s) = three
                .and_then(|t| self.kb.sectors().sector(&t))
                .or_else(|| self.kb.sectors().sector(&two))
            {
                sector = Some(s);
            }
        }
        if sector.is_none() && !self.cues.titles.contains(&cx.strs[noun]) {
            return None;
        }
        // look left for a code: a state adjective, a compound's first part, an org
        // a nationality (state adjective or name) wins over an organisation
        // (`der russische UNO-Diplomat` → RUS)
        let mut state_code = None;
        let mut org_code = None;
        let mut k = noun;
        let lo = noun.saturating_sub(5);
        while k > lo {
            k -= 1;
            let w = cx.strs[k];
            if matches!(w, "," | "." | ";" | ":" | "(" | ")") || cx.is_verb(k) {
                break;
            }
            // (English: an organ's name of several words, `State Department spokesman
            // John Kirby`; German writes such descriptors as one compound)
            // (not the end of a longer name: `National Security Council` is no UN
            // Security Council; `U.S. Security Council` would be read as before)
            let inside_name = || {
                k >= 1
                    && capitalised(cx.strs[k - 1])
                    && cx.is_proper(k - 1)
                    && !self.kb.lookup(cx.strs[k - 1]).iter().any(|e| {
                        matches!(
                            e.form,
                            FormType::StateName
                                | FormType::Adjective
                                | FormType::OrgName
                                | FormType::Seat
                        )
                    })
            };
            let long = (self.lang == Language::En)
                .then(|| self.kb.longest_at(&cx.strs, k))
                .flatten()
                .filter(|m| m.end <= noun && m.end > k + 1 && !inside_name());
            let single = if long.is_none() {
                self.kb.lookup(w)
            } else {
                Vec::new()
            };
            for e in long
                .iter()
                .flat_map(|m| self.kb.entries_of(m))
                .chain(single)
            {
                match e.form {
                    FormType::Adjective | FormType::StateName | FormType::Seat
                        if state_code.is_none() =>
                    {
                        state_code = Some(e.code.clone());
                        // a spokesman speaks for the organ (`Pentagon spokesman`)
                        if e.form == FormType::Seat && sector.is_none() {
                            sector = e.sector;
                        }
                    }
                    FormType::OrgName if org_code.is_none() => {
                        org_code = Some(e.code.clone());
                        if sector.is_none() {
                            sector = e.sector;
                        }
                    }
                    _ => {}
                }
            }
        }
        // English: a post without a sector of its own after an organ the text names by
        // common nouns (`a U.S. air force spokesman`, `Chief Supt.` has its own): the
        // organ's sector
        if sector.is_none() && self.lang == Language::En {
            sector = (noun.saturating_sub(3)..noun)
                .filter_map(|k| self.noun_sector_at(cx, k))
                .find(|&(_, h)| h < noun)
                .map(|(s, _)| s);
        }
        Some((state_code.or(org_code), sector))
    }
}

/// Each code with the number of times it occurs, in order of first occurrence (ties are
/// then decided by order, as the state-counting rules want).
pub fn tally<S: PartialEq>(codes: impl IntoIterator<Item = S>) -> Vec<(S, usize)> {
    let mut counts: Vec<(S, usize)> = Vec::new();
    for c in codes {
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts
}

/// The document's home state: the place or state of a dateline ([`dateline::datelines`]
/// whose words are places: `Wien – …`, `ROME (Reuters) -`), else the state named in at
/// least half of the place and state mentions (three or more, or the only one named).
pub fn home_country(text: &str, seg: &Segmentation, found: &[Found]) -> Option<String> {
    let code_of = Found::state;
    let named = |c: &str| {
        found
            .iter()
            .filter(|f| matches!(f.kind, EntityKind::Place | EntityKind::State))
            .filter(|f| code_of(f).as_deref() == Some(c))
            .count()
    };
    for d in dateline::datelines(text, &seg.tokens) {
        // `Wien –`, and `Vatikanstadt/Wien –` (several places: the state the story names
        // most, the last on a tie, as the paper's own city is usually added last)
        let mut codes: Vec<String> = Vec::new();
        let mut t = d.words.start;
        while let Some(f) = found.iter().find(|f| {
            f.tokens.start == t && matches!(f.kind, EntityKind::Place | EntityKind::State)
        }) {
            let Some(c) = code_of(f) else { break };
            codes.push(c);
            if f.tokens.end >= d.words.end {
                // (`max_by_key` keeps the last of equal elements)
                return codes.iter().max_by_key(|c| named(c.as_str())).cloned();
            }
            match seg.tokens.get(f.tokens.end).and_then(|t| t.span.get(text)) {
                Some("/") if codes.len() < 4 => t = f.tokens.end + 1,
                _ => break,
            }
        }
    }
    let mut counts = tally(
        found
            .iter()
            .filter(|f| matches!(f.kind, EntityKind::Place | EntityKind::State))
            .filter_map(code_of)
            .filter(|c| c.len() == 3),
    );
    // a story that names no state or place (a commentary on `Hofer` and the `FPÖ`, a
    // media story on `ARD` and `NDR`): the states of the national organisations and
    // outlets the knowledge base knows
    if counts.is_empty() {
        counts = tally(
            found
                .iter()
                .filter(|f| {
                    matches!(f.kind, EntityKind::Organization | EntityKind::Media)
                        && f.kb.is_some()
                        && matches!(f.rule, Rule::Kb(_) | Rule::Compound(_))
                })
                .filter_map(|f| f.code.clone().filter(|c| c.len() == 3)),
        );
    }
    let total: usize = counts.iter().map(|c| c.1).sum();
    let max = counts.iter().map(|c| c.1).max()?;
    if counts.len() > 1 && (max * 2 < total || max < 3) {
        return None;
    }
    counts.into_iter().find(|c| c.1 == max).map(|c| c.0)
}

/// The home state the `entities` output gives unknown persons and organisations:
/// [`home_country`], else the state a story's headline begins with as its subject
/// ([`headline_subject`]). (The event stage keeps to [`home_country`]: the headline's
/// state would make actors of mentions it weighs on their own.)
pub fn shown_home(text: &str, seg: &Segmentation, found: &[Found]) -> Option<String> {
    home_country(text, seg, found)
        .or_else(|| headline_subject(text, seg, found))
        .or_else(|| capital_state(found))
}

/// A story whose states are named about equally and whose headline names none is at home
/// where its one named capital lies (`… in Manila, the Interior Ministry said`, with
/// suspects arrested `in China` and `in the United States`): a capital is where a
/// government speaks from. Several states' capitals name no one state.
fn capital_state(found: &[Found]) -> Option<String> {
    let mut codes = found
        .iter()
        .filter(|f| matches!(f.rule, Rule::Kb(FormType::Capital)))
        .filter_map(Found::state)
        .filter(|c| c.len() == 3);
    let first = codes.next()?;
    codes.all(|c| c == first).then_some(first)
}

/// A story that names several states about equally is about the one its headline begins
/// with as the subject (`Swaziland commends China's handling …`, `Österreich verschärft
/// …`): the first sentence's first word is a state's name, not coordinated with another
/// (`Malta and Gambia establish ties` names no one state).
fn headline_subject(text: &str, seg: &Segmentation, found: &[Found]) -> Option<String> {
    let first = seg.sentences.first()?;
    let t = first.tokens.start as usize;
    let f = found.iter().find(|f| f.tokens.start == t)?;
    if f.kind != EntityKind::State || !matches!(f.rule, Rule::Kb(FormType::StateName)) {
        return None;
    }
    let next = seg.tokens.get(f.tokens.end).and_then(|t| t.span.get(text));
    if matches!(
        next,
        Some("and" | "und" | "," | "&" | "/" | "-" | "–" | ":") | None
    ) {
        return None;
    }
    Found::state(f).filter(|c| c.len() == 3)
}

/// The mentions as the `entities` output shows them: a person, organisation or outlet
/// named by its noun (`die Lokalzeitung X`) the knowledge base does not know and that got
/// no code from its context (`Maxenergy`, `Landesrat Max Huber`) belongs to the
/// document's home state ([`home_country`]), as a human coder reads a domestic story.
/// The event stage makes the same inference on its own (and keeps it weaker than a named
/// affiliation), so it reads the mentions before this step.
///
/// A named person the knowledge base does not know and whom nothing in the text gives an
/// office, role or organisation is a private person: sector CVL (civilians), as a coder
/// reads `Maria Großbauer` in a story about a ball; the event stage does not see this
/// default either. A person an office describes ([`Found::office`]) is no private person
/// and keeps no sector. With no home state a mention keeps its sector alone (`-/CVL`, a
/// sector-only actor in [`group`]).
pub fn with_home_country(found: &[Found], home: Option<&str>) -> Vec<Found> {
    let mut out = found.to_vec();
    for f in &mut out {
        // (an outlet the knowledge base does not know, named by its noun, is read the same
        // way: `berichtete die Lokalzeitung X`)
        let outlet = f.kind == EntityKind::Media && f.rule == Rule::Name;
        if f.kb.is_some()
            || !(matches!(f.kind, EntityKind::Person | EntityKind::Organization) || outlet)
        {
            continue;
        }
        if f.code.is_none() {
            f.code = home.map(str::to_string);
        }
        if f.kind == EntityKind::Person && f.sector.is_none() && !f.office {
            f.sector = Some(Sector::Cvl);
        }
    }
    out
}

/// Groups mentions into entities: one per (kind, knowledge-base id or name, code,
/// sector), ids `e1`, `e2`, … in order of first mention.
pub fn group(text: &str, found: &[Found]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut index: HashMap<(EntityKind, String, Option<String>, Option<Sector>), usize> =
        HashMap::new();
    for f in found {
        let key_name = f.kb.clone().unwrap_or_else(|| f.name.clone());
        let key = (f.kind, key_name, f.code.clone(), f.sector);
        let mention = Mention {
            start: f.span.start,
            end: f.span.end,
            text: f.span.get(text).unwrap_or("").to_string(),
        };
        match index.get(&key) {
            Some(&e) => out[e].mentions.push(mention),
            None => {
                index.insert(key, out.len());
                out.push(Entity {
                    id: format!("e{}", out.len() + 1),
                    kind: f.kind,
                    name: f.name.clone(),
                    // a sector with no state is kept (`-/CVL`, `-/BUS`)
                    actor: ActorCode::new(f.code.clone(), f.sector),
                    kb: f.kb.clone(),
                    mentions: vec![mention],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's sets, shape and form sector through the memos, asked for the first time
    /// and again, are what the lexicon and the knowledge base give.
    #[test]
    fn memoised_sets_are_the_lexicons() {
        let rec = EntityRecognizer::new(Language::De).unwrap();
        let lexicon = rec.lexicon().unwrap().clone();
        let words = [
            "Haus",
            "haus",
            "Berlin",
            "Stuttgart",
            "Form",
            "Juni",
            "Laufen",
            "laufen",
            "Scholz",
            "Kleinmann",
            "schloss",
            "Grüne",
            "Xyzzq",
            "EU",
            "",
        ];
        for w in words {
            assert_eq!(rec.lex_memo.get(w), None, "{w}");
        }
        for _ in 0..2 {
            for w in words {
                assert_eq!(rec.lexicon_sets(w), lexicon.stts_sets(w), "{w}");
            }
        }
        for w in words {
            assert_eq!(rec.lex_memo.get(w), Some(lexicon.stts_sets(w)), "{w}");
        }
        // the other two memos, the same way
        let sectors = [
            "Polizei",
            "Armee",
            "Regierung",
            "Haus",
            "Bundeswehr",
            "Xyzzq",
        ];
        for _ in 0..2 {
            for w in words {
                let shape = rec.unanalysable(w) && !rec.has_noun_head(w);
                assert_eq!(rec.memo_word_shape(w), shape, "{w}");
            }
            for w in words.iter().chain(&sectors) {
                let sector = rec.kb.sectors().sector_of_form(w);
                assert_eq!(rec.memo_sector_of_form(w), sector, "{w}");
            }
        }
        let shapes: std::collections::BTreeSet<bool> =
            words.iter().map(|w| rec.memo_word_shape(w)).collect();
        assert_eq!(shapes.len(), 2);
        let found: std::collections::BTreeSet<_> =
            sectors.iter().map(|w| rec.memo_sector_of_form(w)).collect();
        assert!(found.len() >= 3, "{found:?}");
        // the sets differ among these words: a memo keyed or filled wrongly shows
        let distinct: std::collections::BTreeSet<_> =
            words.iter().map(|w| lexicon.stts_sets(w)).collect();
        assert!(distinct.len() >= 5, "{distinct:?}");
        assert!(words.iter().any(|w| {
            let (own, any) = lexicon.stts_sets(w);
            own != any
        }));
    }

    /// The memo gives back what was put, stops growing at its bound, and neither waits
    /// nor answers while another thread holds it.
    #[test]
    fn word_memo_keeps_answers_up_to_its_bound_and_never_waits() {
        let memo = WordMemo::default();
        let noun: SttsSet = [sitrep_core::Stts::Nn].into_iter().collect();
        let name: SttsSet = [sitrep_core::Stts::Ne].into_iter().collect();
        assert_eq!(memo.get("Haus"), None);
        memo.put("Haus", (noun, noun));
        memo.put("Berlin", (SttsSet::default(), name));
        assert_eq!(memo.get("Haus"), Some((noun, noun)));
        assert_eq!(memo.get("Berlin"), Some((SttsSet::default(), name)));
        {
            let _held = memo.0.lock().unwrap();
            assert_eq!(memo.get("Haus"), None);
            memo.put("Ort", (noun, noun));
        }
        assert_eq!(memo.get("Ort"), None);
        for k in 0..MEMO_WORDS {
            memo.put(&format!("w{k}"), (noun, name));
        }
        assert_eq!(memo.0.lock().unwrap().len(), MEMO_WORDS);
        assert_eq!(memo.get("w0"), Some((noun, name)));
        assert_eq!(memo.get(&format!("w{}", MEMO_WORDS - 1)), None);
    }

    #[test]
    fn calendar_words_come_from_the_date_lexicon_without_given_names() {
        let c = calendar_words();
        for w in [
            "Monday",
            "Sonnabend",
            "Jänner",
            "März",
            "December",
            "Oktober",
        ] {
            assert!(c.contains(w), "{w}");
        }
        // given names, short names, abbreviations, other kinds of time word
        for w in [
            "April", "August", "June", "March", "Mai", "May", "Jan", "Sept.", "Heute",
        ] {
            assert!(!c.contains(w), "{w}");
        }
    }
}
