//! Linking rules that run after recognition, over all of a document's mentions: state
//! organs named by a common noun (`das Innenministerium`), companies by their descriptor
//! (`Ökostromanbieter Maxenergy`), legal form or group head (`Sailer-Gruppe`), a name that
//! repeats what an earlier mention of it got, persons by the organisation they speak for
//! (`Petra Hauser von media.at`) or hold a post in (`X, Gründer und Geschäftsführer der
//! …`), a full name or a confirmed ambiguous organisation name across the whole story
//! (headlines included), and same-name parties of two states by the story's states (`die
//! Grünen` in an Austrian story).

use crate::{capitalised, is_acronym, Ctx, EntityRecognizer, Found, Rule};
use sitrep_core::{EntityKind, Language, Sector, Span, Upos};
use sitrep_kb::matcher::FormType;
use std::collections::HashMap;
use std::ops::Range;

/// How far (in tokens, either side; about two sentences) a state or place named near a
/// place name of several states decides its reading before the story's state does.
const NEAR_TOKENS: usize = 40;

/// Endings of German nouns that name a company by what it does: before a name they make
/// the name a company (`Energieanbieter Maxenergy`, `der Mediaagentur media.at`). Person
/// nouns (`Manager`, `Unternehmer`) are not here: they describe a person.
const DE_COMPANY_NOUNS: &[&str] = &[
    "unternehmen",
    "konzern",
    "firma",
    "bank",
    "hersteller",
    "anbieter",
    "bestbieter",
    "agentur",
    "marktforscher",
    "meinungsforscher",
    "institut",
    "vermarkter",
    "betreiber",
    "fluglinie",
    "fluggesellschaft",
    "airline",
    "versicherer",
    "händler",
    "kette",
    "discounter",
    "autobauer",
    "zulieferer",
    "entwickler",
    "reederei",
    "brauerei",
    "holding",
    "start-up",
    "startup",
    "portal",
    // a brand is its maker's (`der österreichischen Biermarke Zipfer`), as in the gold's
    // `Adidas-Schuhe`; shopping centres are run as companies (`Einkaufszentrum Foxtown`)
    "marke",
    "einkaufszentrum",
    "outlet",
];

/// Those of [`DE_COMPANY_NOUNS`] that name only firms, never a person: a name after them
/// is the firm's even when it begins with a given name.
const DE_FIRM_ONLY_NOUNS: &[&str] = &["agentur", "unternehmen", "konzern", "firma", "holding"];

/// The same for English, as the noun before the name (`the carmaker Tesla`).
const EN_COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "carmaker",
    "automaker",
    "airline",
    "bank",
    "lender",
    "insurer",
    "retailer",
    "manufacturer",
    "conglomerate",
    "startup",
];

/// Heads of hyphen compounds on a company name (`Sailer-Gruppe`, `Lufthansa-Konzern`).
const DE_GROUP_HEADS: &[&str] = &[
    "Gruppe",
    "Konzern",
    "Holding",
    "Werke",
    "Konzerns",
    "Gruppen",
    "Konsortium",
    "Konsortiums",
];

/// Endings of nouns for a kind of organisation other than a company: before an unknown
/// name they make it an organisation with the noun's sector from `sectors.tsv`
/// (`die Wohltätigkeitsorganisation Glide` NGO, `die Gewerkschaft X`); nouns without a
/// sector there (`Verein`) give none and are skipped.
const DE_ORG_NOUNS: &[&str] = &[
    "organisation",
    "gewerkschaft",
    "verband",
    "verbandes",
    "verbands",
    "verbände",
    "stiftung",
    "partei",
    "behörde",
    // outlets: the name after the noun is the outlet (`der Blog Fortress Europe`)
    "zeitung",
    "zeitschrift",
    "magazin",
    "blog",
];
const EN_ORG_NOUNS: &[&str] = &["organization", "organisation", "charity", "union", "party"];

/// Institution nouns that, followed by a place, name that place's body
/// (`Oberlandesgericht Düsseldorf`, `Landespolizeidirektion Oberösterreich`): the sector is
/// the noun's (these endings keep person nouns such as `Bürgermeister` out).
const DE_INSTITUTION_ENDS: &[&str] = &[
    "gericht",
    "gerichtshof",
    "direktion",
    "polizei",
    "kammer",
    "regierung",
    "anwaltschaft",
    "amt",
    "behörde",
    "ministerium",
    "verwaltung",
    "studio",
    "fahndung",
    "kommando",
    "kommandos",
];

/// Endings of German office and post nouns without a sector of their own: before a
/// person they say the person holds a post (`Staatsoperndirektor`, `Tiergartendirektorin`,
/// `Kardinal`), whatever it is.
const DE_OFFICE_ENDS: &[&str] = &[
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "präsident",
    "präsidentin",
    "vorsitzende",
    "vorsitzender",
    "obmann",
    "obfrau",
    "rektor",
    "rektorin",
    "dekan",
    "dekanin",
    "kardinal",
    "bischof",
    "bischöfin",
    "pfarrer",
    "pfarrerin",
    "generalsekretär",
    "generalsekretärin",
    "intendant",
    "intendantin",
    // scholars (`Staatsrechtler`, `Rechtssoziologe`, `Politikwissenschafterin`, `Professor`):
    // the gold gives researchers no sector, as their universities (a pollster or market
    // researcher, `-forscher`, works for a firm; an economist often for a bank: not listed)
    "professor",
    "professorin",
    "wissenschafter",
    "wissenschafterin",
    "wissenschaftern",
    "wissenschaftler",
    "wissenschaftlerin",
    "wissenschaftlern",
    "politologe",
    "politologin",
    "soziologe",
    "soziologin",
    "historiker",
    "historikerin",
    // (law scholars by their field: `Menschenrechtler`, `Bürgerrechtler` are activists)
    "staatsrechtler",
    "staatsrechtlerin",
    "verfassungsrechtler",
    "verfassungsrechtlerin",
    "völkerrechtler",
    "völkerrechtlerin",
    "europarechtler",
    "europarechtlerin",
    "verwaltungsrechtler",
    "verwaltungsrechtlerin",
];
const EN_OFFICE_ENDS: &[&str] = &[
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "rector",
    "dean",
    "cardinal",
    "bishop",
    "archbishop",
    "secretary-general",
];

/// Endings of German nouns for bodies of research, teaching and culture, which have no
/// sector (the linking gold's rule: a university researcher has its lack of sector).
const SECTORLESS_BODIES: &[&str] = &[
    "universität",
    "hochschule",
    "akademie",
    "museum",
    "bibliothek",
];

/// Endings of post nouns (lower case) that say a person works in an organisation without
/// saying in which sector: in an apposition before `bei`/`der` and an organisation, the
/// organisation gives the sector (`Johanna Holzer, Social-Media-Verantwortliche bei Ikea`).
const POST_ENDS: &[&str] = &[
    "sprecher",
    "sprecherin",
    "experte",
    "expertin",
    "leiter",
    "leiterin",
    "direktor",
    "direktorin",
    "director",
    "manager",
    "managerin",
    "gründer",
    "gründerin",
    "verantwortliche",
    "verantwortlicher",
    "mitarbeiter",
    "mitarbeiterin",
    "chef",
    "chefin",
    "officer",
    "founder",
];

/// The key of a word's ending: its last four bytes, ASCII letters folded to lower case (a
/// capitalised whole word `Bank` and the compound `Zentralbank` share the key of `bank`).
/// Words shorter than four bytes have none; every listed ending is at least that long.
fn ending_key(w: &str) -> Option<u32> {
    let b = w.as_bytes();
    let tail: [u8; 4] = b.get(b.len().checked_sub(4)?..)?.try_into().ok()?;
    Some(u32::from_le_bytes(tail.map(|c| c.to_ascii_lowercase())))
}

/// The keys of a list of endings (a few dozen: a linear scan of `u32`s is cheaper than
/// hashing).
fn ending_keys(endings: &[&str]) -> Vec<u32> {
    endings.iter().filter_map(|e| ending_key(e)).collect()
}

/// The ending keys of one language's company and organisation nouns.
/// A surname chain's code, sector and the strength of its evidence.
type ChainLink = (Option<String>, Option<Sector>, u8);

#[derive(Debug)]
pub(crate) struct NounKeys {
    company: Vec<u32>,
    org: Vec<u32>,
}

impl NounKeys {
    pub(crate) fn new(lang: Language) -> NounKeys {
        let (company, org) = match lang {
            Language::De => (DE_COMPANY_NOUNS, DE_ORG_NOUNS),
            Language::En => (EN_COMPANY_NOUNS, EN_ORG_NOUNS),
        };
        NounKeys {
            company: ending_keys(company),
            org: ending_keys(org),
        }
    }
}

/// Whether `w` may end in one of the endings whose keys these are: `false` is certain,
/// `true` is checked by the caller with the full comparison.
fn may_end_in(keys: &[u32], w: &str) -> bool {
    ending_key(w).is_some_and(|k| keys.contains(&k))
}

/// Prepositions (and articles) between a person and the organisation they speak for.
const DE_FOR: &[&str] = &["von", "vom", "bei", "beim"];
const EN_FOR: &[&str] = &["of", "from", "at"];

/// Words that may stand between the capitalised words of an organisation's long name
/// (`Kuratorium für Verkehrssicherheit`, `Vereinigung für das Gas- und Wasserfach`).
const NAME_LINKS: &[&str] = &[
    "für", "fürs", "der", "des", "die", "das", "und", "von", "vom", "zur", "zum", "im", "&", "-",
    "of", "for", "the", "and", "on",
];

/// Last words besides a legal form (`Porr AG`: the language's `legal_forms` cue) that
/// make a long name a company (`Vienna Insurance Group`).
const COMPANY_LAST: &[&str] = &["Group", "Holding", "Bank", "Versicherung", "Insurance"];

/// Words for a person holding the same office in another state (lower case).
const COUNTERPART_WORDS: &[&str] = &[
    "counterpart",
    "counterparts",
    "amtskollege",
    "amtskollegin",
    "amtskollegen",
];

/// Whether an acronym may abbreviate a name starting with `w`: the same first letter
/// (`IOM` and `Internationale`, `ÖVGW` and `Österreichische`).
fn initial_matches(acronym: &str, w: &str) -> bool {
    match (acronym.chars().next(), w.chars().next()) {
        (Some(a), Some(b)) => a.to_lowercase().eq(b.to_lowercase()),
        _ => false,
    }
}

impl EntityRecognizer {
    /// Runs the rules of this module over the mentions of one document (text order in,
    /// text order out).
    pub(crate) fn link_pass(&self, cx: &Ctx, found: &mut Vec<Found>) {
        let mut covered = vec![false; cx.strs.len()];
        for f in found.iter() {
            covered[f.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        let before = found.len();
        if self.lang == Language::De {
            self.organ_nouns(cx, found, &mut covered);
            self.municipal_departments(cx, found, &mut covered);
            self.group_compounds(cx, found, &mut covered);
            self.named_academies(cx, found, &mut covered);
        }
        self.company_descriptors(cx, found, &mut covered);
        self.org_descriptors(cx, found, &mut covered);
        let replaced = self.coupled_names(cx, found, &mut covered);
        if found.len() != before || replaced {
            found.sort_by_key(|f| (f.span.start, f.span.end));
        }
        if self.lang == Language::De {
            self.institution_places(cx, found, &mut covered);
        }
        self.defined_acronyms(cx, found, &mut covered);
        self.national_subsidiaries(cx, found);
        self.head_sectors(cx, found);
        self.counterparts(cx, found);
        self.place_in_name(cx, found);
        self.same_name(cx, found, &mut covered);
        if self.lang == Language::De {
            self.head_repeats(cx, found, &mut covered);
        }
        // (again for the repeats `same_name` made: `Brandwerk` of `Agentur Brandwerk Wien`
        // before `Wien` once more)
        self.national_subsidiaries(cx, found);
        self.confirmed_names(cx, found, &mut covered);
        self.speaks_for(cx, found);
        self.party_by_state(cx, found);
        self.place_by_state(cx, found);
        if self.lang == Language::De {
            self.land_governments(cx, found);
        }
        self.surname_not_place(cx, found);
        self.post_compounds(cx, found);
        self.full_name_roles(cx, found);
        self.person_chains(cx, found, &mut covered);
        self.predicate_office(cx, found);
        self.organ_in_state(cx, found);
        self.office_holders(cx, found);
        self.undated_roles(cx, found);
        if self.lang == Language::En {
            self.bylines(cx, found);
        }
    }

    /// `(Reporting by Michelle Moats; Editing by Mark Potter)`: the staff a wire story
    /// credits work for the outlet the story names first (its dateline agency): its code,
    /// sector MED.
    fn bylines(&self, cx: &Ctx, found: &mut [Found]) {
        let Some(outlet) = found
            .iter()
            .find(|f| f.kind == EntityKind::Media && f.code.is_some())
            .map(|f| f.code.clone())
        else {
            return;
        };
        for f in found.iter_mut() {
            let k = f.tokens.start;
            let credited = f.kind == EntityKind::Person
                && f.kb.is_none()
                && k >= 2
                && cx.strs[k - 1] == "by"
                && matches!(
                    cx.strs[k - 2].to_ascii_lowercase().as_str(),
                    "reporting" | "editing" | "writing" | "compiled"
                );
            if credited {
                f.code = outlet.clone();
                f.sector = Some(Sector::Med);
            }
        }
    }

    /// A text without a publication date: a known person whose offices differ in sector
    /// has none from the knowledge base ([`sitrep_kb::people::Person::undated_role`]);
    /// where the text described one mention (`Vizekanzler Reinhold Mitterlehner`), the
    /// person's other mentions without a sector take that role (state and sector).
    fn undated_roles(&self, cx: &Ctx, found: &mut [Found]) {
        if cx.published.is_some() {
            return;
        }
        let mut roles: Vec<(String, Option<String>, Sector)> = Vec::new();
        for f in found.iter() {
            if let (EntityKind::Person, Some(kb), Some(s)) = (f.kind, &f.kb, f.sector) {
                if !roles.iter().any(|(k, _, _)| k == kb) {
                    roles.push((kb.clone(), f.code.clone(), s));
                }
            }
        }
        for f in found.iter_mut() {
            if f.kind != EntityKind::Person || f.sector.is_some() {
                continue;
            }
            let Some(kb) = &f.kb else { continue };
            if let Some((_, code, s)) = roles.iter().find(|(k, _, _)| k == kb) {
                f.sector = Some(*s);
                f.code = code.clone().or(f.code.take());
            }
        }
    }

    /// Persons an office describes that gives no sector (`Staatsoperndirektor Dominique
    /// Meyer`, `Kardinal Christoph Schönborn`) or a former office (`der ehemaligen
    /// Höchstrichterin Griss`: the sector was hers, the actor no longer acts in it) are
    /// marked [`Found::office`]: no private persons, so the output gives them no default
    /// CVL. A former office also takes back the sector it gave. All mentions of the same
    /// person (one name, as the surname chains give them) share the mark.
    fn office_holders(&self, cx: &Ctx, found: &mut [Found]) {
        let ends = match self.lang {
            Language::De => DE_OFFICE_ENDS,
            Language::En => EN_OFFICE_ENDS,
        };
        let former = |k: usize| {
            let w = cx.strs[k].to_lowercase();
            ["ehemalig", "früher", "einstig", "vormalig"]
                .iter()
                .any(|p| w.starts_with(p))
                || w == "former"
        };
        let mut marked: Vec<(String, bool)> = Vec::new();
        for f in found.iter() {
            if f.kind != EntityKind::Person || f.kb.is_some() || f.tokens.start == 0 {
                continue;
            }
            let mut noun = f.tokens.start - 1;
            // (a given name the mention left out may stand between: `Staatsoperndirektor
            // Dominique Meyer` found as `Meyer`)
            if noun >= 1 && self.first_names.get(cx.strs[noun]).is_some() {
                noun -= 1;
            }
            if !(cx.is_noun(noun) || cx.is_proper(noun)) || !capitalised(cx.strs[noun]) {
                continue;
            }
            let w = cx.strs[noun].to_lowercase();
            // the office's own part after a hyphen (`Ex-Richterin`, `ORF-Direktor`)
            let (prefix, head) = w.rsplit_once('-').unwrap_or(("", w.as_str()));
            // (`Ex` `-` `Richterin` as three tokens, or an adjective before the noun)
            let was = prefix == "ex"
                || noun >= 2
                    && cx.strs[noun - 1] == "-"
                    && cx.strs[noun - 2].eq_ignore_ascii_case("ex")
                || noun >= 1 && former(noun - 1);
            let office = ends.iter().any(|e| head.ends_with(e));
            if was && (office || self.word_sector(cx, noun).is_some()) {
                marked.push((f.name.clone(), true));
            } else if office && f.sector.is_none() {
                marked.push((f.name.clone(), false));
            }
        }
        for (name, was) in marked {
            for f in found.iter_mut() {
                if f.kind == EntityKind::Person && f.kb.is_none() && f.name == name {
                    f.office = true;
                    if was {
                        f.sector = None;
                    }
                }
            }
        }
    }

    /// `Kuratorium für Verkehrssicherheit (KFV)`, `Bank Austria (BA)`, `ÖVGW (Österreichische
    /// Vereinigung für das Gas- und Wasserfach)`: an acronym defined in parentheses names
    /// the organisation of the long name next to it. The long name becomes one
    /// organisation mention (replacing a state or adjective read inside it), its sector from
    /// its words; the acronym, and every later or earlier use of it in the document (also
    /// as a compound's first part: `KFV-Direktor`), takes the same actor.
    fn defined_acronyms(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let n = cx.strs.len();
        let mut defs: Vec<(usize, Found)> = Vec::new();
        for k in 1..n.saturating_sub(2) {
            if cx.strs[k] != "(" {
                continue;
            }
            let Some(close) = (k + 2..(k + 14).min(n)).find(|&j| cx.strs[j] == ")") else {
                continue;
            };
            let (acr, long) = if close == k + 2
                && (is_acronym(cx.strs[k + 1]) || self.title_acronym(cx, k + 1))
            {
                match self.long_name_before(cx, k, cx.strs[k + 1]) {
                    Some(r) => (k + 1, r),
                    None => continue,
                }
            } else if is_acronym(cx.strs[k - 1])
                && close > k + 2
                && initial_matches(cx.strs[k - 1], cx.strs[k + 1])
                && capitalised(cx.strs[k + 1])
                && (k + 1..close).all(|j| self.long_name_word(cx, j))
            {
                (k - 1, k + 1..close)
            } else {
                continue;
            };
            // a person with a party (`Sebastian Schmidt (SPD)`) is no definition
            if self.is_first_name(cx, long.start)
                || found.iter().any(|f| {
                    f.kind == EntityKind::Person
                        && f.tokens.start < long.end
                        && long.start < f.tokens.end
                })
            {
                continue;
            }
            // a place with an author's initials (`Pfaffenhofen (PK)`), or one common noun
            // with an abbreviation (`Jagdgeschwader (JG)`), defines no organisation
            if found.iter().any(|f| {
                f.tokens == long && matches!(f.kind, EntityKind::Place | EntityKind::State)
            }) || long.len() == 1
                && (!cx.is_proper(long.start) || self.is_common_word(cx, cx.strs[long.start]))
                && !found.iter().any(|f| f.tokens == long)
            {
                continue;
            }
            let acr_found = found.iter().position(|f| f.tokens == (acr..acr + 1));
            // the long name: a mention over all of it, else a new one
            let whole = found.iter().position(|f| {
                f.tokens.start <= long.start
                    && long.end <= f.tokens.end
                    && matches!(f.kind, EntityKind::Organization | EntityKind::Media)
            });
            // the sector the long name's words give (`Kraftfahrt-Bundesamt` GOV,
            // `Versicherungsverband Österreich` BUS, `Vienna Insurance Group` BUS)
            let words_sector = || {
                let last = cx.strs[long.end - 1];
                if COMPANY_LAST.contains(&last) || self.cues.legal_forms.contains(&last) {
                    Some(Sector::Bus)
                } else {
                    long.clone()
                        .filter(|&j| capitalised(cx.strs[j]))
                        .find_map(|j| self.word_sector(cx, j))
                }
            };
            let long_f = match whole {
                Some(i) => {
                    if found[i].sector.is_none() && found[i].kb.is_none() {
                        found[i].sector = words_sector();
                    }
                    found[i].clone()
                }
                None => {
                    let inside: Vec<usize> = (0..found.len())
                        .filter(|&i| {
                            let f = &found[i];
                            long.start <= f.tokens.start && f.tokens.end <= long.end
                        })
                        .collect();
                    // a known acronym (`KFV` in the knowledge base) gives its actor
                    let known = acr_found
                        .filter(|&i| found[i].kb.is_some())
                        .map(|i| found[i].clone());
                    let code = known
                        .as_ref()
                        .and_then(|f| f.code.clone())
                        .or_else(|| inside.iter().find_map(|&i| found[i].state()))
                        .or_else(|| self.nationality_before(cx, long.start));
                    let sector = known.as_ref().and_then(|f| f.sector).or_else(words_sector);
                    for &i in inside.iter().rev() {
                        found.remove(i);
                    }
                    let f = Found {
                        code,
                        sector,
                        kb: known.as_ref().and_then(|f| f.kb.clone()),
                        ..cx.named(long.clone(), EntityKind::Organization)
                    };
                    covered[long.clone()].iter_mut().for_each(|c| *c = true);
                    found.push(f.clone());
                    found.sort_by_key(|f| (f.span.start, f.span.end));
                    f
                }
            };
            defs.push((acr, long_f));
        }
        for (acr, src) in defs {
            let a = cx.strs[acr];
            for (k, &w) in cx.strs.iter().enumerate() {
                // the acronym alone, or as a compound's first part (`KFV-Studie`)
                let prefix =
                    w.len() > a.len() + 1 && w.starts_with(a) && w.as_bytes()[a.len()] == b'-';
                if w != a && !prefix {
                    continue;
                }
                let start = cx.tokens[k].span.start as usize;
                let span = Span::new(start, start + a.len());
                if let Some(f) = found.iter_mut().find(|f| f.tokens.start == k) {
                    // a reading of its own from the knowledge base or a person stays
                    if f.kb.is_some() && f.sector.is_some()
                        || f.kind == EntityKind::Person
                        || f.tokens.len() > 1 && f.span.end > span.end
                    {
                        continue;
                    }
                    f.kind = src.kind;
                    f.code = f.code.clone().or_else(|| src.code.clone());
                    f.sector = src.sector.or(f.sector);
                    f.span = span;
                    continue;
                }
                if covered[k] {
                    continue;
                }
                covered[k] = true;
                found.push(Found {
                    tokens: k..k + 1,
                    span,
                    kind: src.kind,
                    code: src.code.clone(),
                    sector: src.sector,
                    kb: src.kb.clone(),
                    name: src.name.clone(),
                    rule: Rule::Name,
                    country: None,
                    office: false,
                });
            }
        }
        found.sort_by_key(|f| (f.span.start, f.span.end));
    }

    /// A word that may be part of an organisation's long name: capitalised, a link word,
    /// or a first part ending in a hyphen (`Gas-` in `Gas- und Wasserfach`).
    fn long_name_word(&self, cx: &Ctx, j: usize) -> bool {
        let w = cx.strs[j];
        (capitalised(w) && !self.cues.definite.contains(&w) && !cx.is_verb(j))
            || NAME_LINKS.contains(&w)
            || w.len() > 1 && w.ends_with('-')
    }

    /// `Staatssekretariat für Wirtschaft (Seco)`, `Bundesinstitut für Bildungsforschung
    /// (Bifie)`: an acronym written as a word (German papers write longer ones so), in
    /// parentheses: three to six letters, capitalised, the rest lower case, no word of the
    /// lexicon, no given name and no form the knowledge base knows (`(Wien)`, `(Grüne)`).
    /// The long name before it must still begin with its initial (`long_name_before`).
    fn title_acronym(&self, cx: &Ctx, k: usize) -> bool {
        let w = cx.strs[k];
        let mut chars = w.chars();
        (3..=6).contains(&w.chars().count())
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(char::is_lowercase)
            && !self.is_common_word(cx, w)
            && !self.is_first_name(cx, k)
            && self.kb.lookup(w).is_empty()
    }

    /// The long name an acronym in parentheses at `paren + 1` defines: the words before
    /// the parenthesis back to the leftmost capitalised word with the acronym's initial,
    /// with at most as many capitalised words as the acronym has letters plus one.
    fn long_name_before(&self, cx: &Ctx, paren: usize, acronym: &str) -> Option<Range<usize>> {
        let end = paren;
        let mut lo = end;
        while lo > 0 && end - lo < 8 && self.long_name_word(cx, lo - 1) {
            lo -= 1;
        }
        let letters = acronym.chars().count();
        (lo..end)
            .filter(|&j| capitalised(cx.strs[j]) && initial_matches(acronym, cx.strs[j]))
            .find(|&j| (j..end).filter(|&i| capitalised(cx.strs[i])).count() <= letters + 1)
            .map(|j| j..end)
    }

    /// `KFV-Direktor Othmar Thann`, `BA-Chefökonom Stefan Bruckbauer`: a person after a
    /// compound whose first part is an organisation named in the document takes that
    /// organisation's actor when the head is a post in it (`Direktor`, `Chefökonom`, a
    /// head without a sector of its own); a head with its own sector keeps it
    /// (`ORF-Redakteurin` MED). A name the name pass joined to the compound (`BA-Chefökonom
    /// Stefan Bruckbauer` as one organisation) is split.
    fn post_compounds(&self, cx: &Ctx, found: &mut Vec<Found>) {
        let orgs: Vec<(String, Option<String>, Sector)> = found
            .iter()
            .filter(|o| matches!(o.kind, EntityKind::Organization | EntityKind::Media))
            .filter_map(|o| {
                let text = o.span.get(cx.text)?;
                o.sector.map(|s| (text.to_string(), o.code.clone(), s))
            })
            .collect();
        if orgs.is_empty() {
            return;
        }
        let org_named = |w: &str| orgs.iter().find(|o| o.0 == w).map(|o| (o.1.clone(), o.2));
        // the compound ending at token `h`: (the organisation its first part names, its
        // head), one token (`KFV-Direktor`) or joined ones (`KFV` `-` `Direktor`, and a
        // name of several words coupled by hyphens: `Air-France-Chef`)
        let compound = |h: usize| -> Option<((Option<String>, Sector), &str)> {
            if let Some((first, head)) = cx.strs[h].split_once('-') {
                return org_named(first).map(|o| (o, head));
            }
            let mut j = h;
            while j >= 2
                && cx.strs[j - 1] == "-"
                && cx.tokens[j - 2].joined
                && cx.tokens[j - 1].joined
            {
                j -= 2;
                let first = cx.span(j..h - 1).get(cx.text)?;
                if let Some(o) = org_named(first) {
                    return Some((o, cx.strs[h]));
                }
            }
            None
        };
        let mut i = 0;
        while i < found.len() {
            let f = &found[i];
            let k = f.tokens.start;
            // a joined run: `BA` `-` `Chefökonom` `Stefan` `Bruckbauer` as one organisation
            if f.kind == EntityKind::Organization
                && f.kb.is_none()
                && f.rule == Rule::Name
                && f.tokens.end >= k + 5
                && cx.strs[k + 1] == "-"
                && cx.tokens[k].joined
                && self.is_first_name(cx, k + 3)
            {
                if let Some((code, s)) = org_named(cx.strs[k]) {
                    let r = k + 3..f.tokens.end;
                    let person = cx.named(r, EntityKind::Person);
                    let f = &mut found[i];
                    f.tokens = k..k + 1;
                    f.span = cx.span(k..k + 1);
                    f.name = cx.strs[k].to_string();
                    f.code = code;
                    f.sector = Some(s);
                    found.insert(i + 1, person);
                    i += 1;
                    continue;
                }
            }
            if f.kind == EntityKind::Person && f.kb.is_none() && k > 0 {
                // (a given name the name pass left out stands between: `ÖBB-Sprecher
                // Christopher Seif` found as `Seif`; the mention takes it in)
                let given = k >= 2
                    && (k == 1 || !found[..i].iter().any(|o| o.tokens.contains(&(k - 1))))
                    && self.is_first_name(cx, k - 1);
                let post = compound(k - 1)
                    .map(|c| (c, k))
                    .or_else(|| given.then(|| compound(k - 2).map(|c| (c, k - 1))).flatten());
                // (`der neue BR-Fernsehchef und ehemalige ORF-Manager X`: a past post after
                // the current one is not the person's; the descriptor read the current)
                let post = post.filter(|p| self.current_post_before_past(cx, p.1).is_none());
                if let Some((((code, s), head), start)) = post {
                    let own = self.form_sector(cx, head);
                    let sector = if crate::lead_head(head) || own.is_none() {
                        Some(s)
                    } else {
                        own
                    };
                    let f = &mut found[i];
                    f.sector = sector;
                    f.code = f.code.clone().or(code);
                    if start < k {
                        f.tokens.start = start;
                        f.span = cx.span(f.tokens.clone());
                        f.name = f.span.get(cx.text).unwrap_or("").to_string();
                    }
                }
            }
            i += 1;
        }
    }

    /// `Air-France-Chef`, `Deutsche-Bank-Aktie`: a known name of several words written
    /// with hyphens as a compound's first part (German couples every word of a
    /// multiword name in a compound) is a mention of that organisation or outlet. It
    /// replaces the one-word state or place readings of its words (`Deutsche` of
    /// `Deutsche-Bank-Chef`, `Steiermark` of `Energie-Steiermark-Sprecher`); returns
    /// whether it replaced any (the caller sorts again).
    fn coupled_names(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) -> bool {
        let n = cx.strs.len();
        let mut replaced = false;
        // a token no mention covers, or only a one-word state or place reading
        let free = |covered: &[bool], found: &[Found], k: usize| {
            !covered[k]
                || found.iter().any(|f| {
                    f.tokens == (k..k + 1)
                        && matches!(f.kind, EntityKind::State | EntityKind::Place)
                })
        };
        let mut i = 0;
        while i + 2 < n {
            // a run `A` `-` `B` (`-` `C`) of joined capitalised words, not yet covered
            let coupled = |j: usize| {
                j + 2 < n
                    && cx.strs[j + 1] == "-"
                    && cx.tokens[j].joined
                    && cx.tokens[j + 1].joined
                    && capitalised(cx.strs[j + 2])
            };
            if !capitalised(cx.strs[i]) || !coupled(i) || !free(covered, found, i) {
                i += 1;
                continue;
            }
            // the longest known name over two to four of the coupled words
            let mut best = None;
            let mut end = i + 3;
            while free(covered, found, end - 1) {
                let form: Vec<&str> = (i..end).step_by(2).map(|k| cx.strs[k]).collect();
                if let Some(e) = self.kb.lookup(&form.join(" ")).into_iter().find(|e| {
                    matches!(e.form, FormType::OrgName | FormType::Media) && !e.context_only
                }) {
                    best = Some((end, e));
                }
                if end - i >= 7 || !coupled(end - 1) {
                    break;
                }
                end += 2;
            }
            let Some((end, e)) = best else {
                i += 1;
                continue;
            };
            let had = found.len();
            found.retain(|f| f.tokens.start < i || f.tokens.end > end);
            replaced |= found.len() != had;
            found.push(Found {
                code: Some(e.code.clone()).filter(|c| !c.is_empty()),
                sector: self.kb.org_sector(&e.kb, cx.published).or(e.sector),
                kb: Some(e.kb.clone()),
                name: e.name.clone(),
                rule: Rule::Compound(e.form),
                ..cx.named(i..end, e.kind)
            });
            covered[i..end].iter_mut().for_each(|c| *c = true);
            i = end;
        }
        replaced
    }

    /// `Mazda Österreich`, `Microsoft Deutschland`: a known company right before a state's
    /// name is its national subsidiary, one mention with the state's code (it acts there).
    /// Not when a verb follows (`dass Siemens Österreich verlässt`: the state is the object).
    /// An unknown company before a capital is its office there (`Agentur DDB Wien`), also
    /// before a verb in second place (`DDB Wien holte sich den Etat`).
    fn national_subsidiaries(&self, cx: &Ctx, found: &mut Vec<Found>) {
        let mut i = 0;
        while i + 1 < found.len() {
            let (a, b) = (&found[i], &found[i + 1]);
            // a company the knowledge base does not know, before a capital: its office
            // there (`die Agentur DDB Wien holte …`)
            let unknown =
                a.kb.is_none() && a.rule == Rule::Name && a.sector.is_none_or(|s| s == Sector::Bus);
            let subsidiary = a.kind == EntityKind::Organization
                && (a.sector == Some(Sector::Bus)
                    && a.kb.is_some()
                    && matches!(
                        b.rule,
                        Rule::Kb(FormType::StateName) | Rule::Compound(FormType::StateName)
                    )
                    || unknown && b.rule == Rule::Kb(FormType::Capital))
                && b.kind == EntityKind::State
                && b.tokens.start == a.tokens.end
                && b.tokens.len() == 1
                && !cx.tokens[a.tokens.end - 1].joined
                && b.tokens.end < cx.strs.len()
                && (!cx.is_verb(b.tokens.end)
                    // (a capital before a verb in second place, not one ending the clause)
                    || b.rule == Rule::Kb(FormType::Capital)
                        && cx.strs.get(b.tokens.end + 1).is_some_and(|w| {
                            !matches!(*w, "." | "," | ";" | ":" | "?" | "!")
                        }));
            if subsidiary {
                let r = a.tokens.start..b.tokens.end;
                let code = b.code.clone();
                let f = &mut found[i];
                f.tokens = r.clone();
                f.span = cx.span(r);
                f.name = f.span.get(cx.text).unwrap_or("").to_string();
                f.code = code;
                f.kb = None;
                f.rule = Rule::Name;
                found.remove(i + 1);
            }
            i += 1;
        }
    }

    /// `vor dem Obersten Gerichtshof in den USA`, `the Supreme Court of Brazil`: a named
    /// organ the knowledge base files under one state (the Austrian `Oberster Gerichtshof`)
    /// stands for the state named right after it (`in den`, `der`, `of`, `in`).
    fn organ_in_state(&self, cx: &Ctx, found: &mut [Found]) {
        const LINKS: &[&str] = &["in", "der", "des", "of", "den", "dem", "the"];
        for k in 0..found.len().saturating_sub(1) {
            let (a, b) = found.split_at_mut(k + 1);
            let (f, g) = (&mut a[k], &b[0]);
            if f.kind != EntityKind::Organization
                || f.rule != Rule::Kb(FormType::Seat)
                || g.kind != EntityKind::State
                || g.code.is_none()
                || g.code == f.code
            {
                continue;
            }
            let between = &cx.strs[f.tokens.end..g.tokens.start];
            if (1..=2).contains(&between.len()) && between.iter().all(|w| LINKS.contains(w)) {
                f.code = g.code.clone();
                f.kb = None;
            }
        }
    }

    /// `das Innenministerium`, `des Bildungsministeriums`: a ministry (or another body:
    /// `Staatsanwaltschaft`, `Denkmalschutzbehörde`) named by a compound common noun is the
    /// state's organ, sector from the noun (`Außenministerium` DIP,
    /// else GOV), state from a nationality before it (`das italienische
    /// Gesundheitsministerium`) or a state's genitive after it; without either, the
    /// output's home state gives the code. `der Bund` (the federal state) likewise.
    fn organ_nouns(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        const MINISTRY: &str = "ministerium";
        // other state bodies named by a compound institution noun (`die
        // Denkmalschutzbehörde`, `die Staatsanwaltschaft`, `die Kinder- und
        // Jugendanwaltschaft`, `die Bezirkshauptmannschaft`): the same reading
        const BODY_ENDS: &[&str] = &["behörde", "anwaltschaft", "hauptmannschaft"];
        for (k, &w) in cx.strs.iter().enumerate() {
            // (a compound's tail is lower case: no allocation for the test)
            let stem = w
                .strip_suffix("ministeriums")
                .or_else(|| w.strip_suffix(MINISTRY))
                .or_else(|| BODY_ENDS.iter().find_map(|e| w.strip_suffix(e)));
            // `der Mineralölverband`, `des Fachverbands`: an association named by a
            // compound noun whose sector the sector table gives (trade associations BUS,
            // welfare associations NGO) is an organ-like mention too (no name for NER)
            if !covered[k]
                && stem.is_none()
                && cx.is_noun(k)
                && (w.ends_with("verband") || w.ends_with("verbands") || w.ends_with("verbandes"))
                && w.chars().count() > "verband".len() + 3
            {
                if let Some(sector) = self.word_sector(cx, k) {
                    found.push(Found {
                        tokens: k..k + 1,
                        span: cx.span(k..k + 1),
                        kind: EntityKind::Organization,
                        code: self.nationality_before(cx, k),
                        sector: Some(sector),
                        kb: None,
                        name: cx.lemma(k).to_string(),
                        rule: Rule::Organ,
                        country: None,
                        office: false,
                    });
                    covered[k] = true;
                }
                continue;
            }
            if covered[k] || stem.is_none() && !matches!(w, "Bund" | "Bundes") || !cx.is_noun(k) {
                continue;
            }
            // (`Staatsanwaltschaft` is a body by itself; `die Behörde` alone describes)
            let ministry = stem.is_some_and(|s| {
                s.chars().count() >= 3 && !s.ends_with('-') || w.ends_with("staatsanwaltschaft")
            });
            // (`dem deutschen Bund`: a state adjective may stand between)
            let article = |j: usize| {
                matches!(
                    cx.strs[j].to_lowercase().as_str(),
                    "der" | "des" | "dem" | "den"
                )
            };
            let federal = matches!(w, "Bund" | "Bundes")
                && k > 0
                && (article(k - 1)
                    || k > 1
                        && article(k - 2)
                        && self
                            .kb
                            .lookup(cx.strs[k - 1])
                            .iter()
                            .any(|e| e.form == FormType::Adjective))
                // (`der Bund der Steuerzahler`, `den Bund fürs Leben` name something else)
                && cx.strs.get(k + 1).is_none_or(|n| {
                    !capitalised(n) && !matches!(*n, "der" | "für" | "fürs" | "deutscher")
                });
            if !ministry && !federal {
                continue;
            }
            let sector = if ministry {
                self.word_sector(cx, k).or(Some(Sector::Gov))
            } else {
                Some(Sector::Gov)
            };
            let code = self.nationality_before(cx, k).or_else(|| {
                // `das Außenministerium Russlands`
                cx.strs.get(k + 1).and_then(|n| {
                    self.kb
                        .lookup(n)
                        .into_iter()
                        .find(|e| e.form == FormType::StateName && n.ends_with('s'))
                        .map(|e| e.code.clone())
                })
            });
            // `das Innenministerium in Kairo`, `des Außenministeriums in Mexiko-Stadt`: the
            // capital (or state) after it names the state
            let code = code.or_else(|| {
                if cx.strs.get(k + 1) != Some(&"in") || k + 2 >= cx.strs.len() {
                    return None;
                }
                let m = self.kb.longest_at(&cx.strs, k + 2)?;
                self.kb
                    .entries_of(&m)
                    .find(|e| matches!(e.form, FormType::Capital | FormType::StateName))
                    .map(|e| e.code.clone())
            });
            let name = cx.lemma(k).to_string();
            found.push(Found {
                tokens: k..k + 1,
                span: cx.span(k..k + 1),
                kind: EntityKind::Organization,
                code,
                sector,
                kb: None,
                name,
                rule: Rule::Organ,
                country: None,
                office: false,
            });
            covered[k] = true;
        }
    }

    /// `die Magistratsabteilung 19`, `die MA 22`, `MA22`, `der MA-48-Zentrale`: an Austrian
    /// city's department named by its number (Vienna's `Magistratsabteilungen`, written `MA`
    /// and the number) is one organisation, AUT GOV, as a municipal body named by its noun.
    fn municipal_departments(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let number = |j: usize| {
            cx.strs.get(j).is_some_and(|w| {
                !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
            })
        };
        for k in 0..cx.strs.len() {
            let w = cx.strs[k];
            let end = match w {
                "Magistratsabteilung" | "MA" if number(k + 1) => k + 2,
                // `MA-48`: the hyphen joined to both sides
                "MA" if cx.strs.get(k + 1) == Some(&"-")
                    && cx.tokens[k].joined
                    && cx.tokens[k + 1].joined
                    && number(k + 2) =>
                {
                    k + 3
                }
                _ if w.len() > 2
                    && w.len() <= 5
                    && w.starts_with("MA")
                    && w[2..].bytes().all(|b| b.is_ascii_digit()) =>
                {
                    k + 1
                }
                _ => continue,
            };
            if covered[k..end].iter().any(|&c| c) {
                continue;
            }
            // (sorted with the others by `link_pass`)
            found.push(Found {
                code: Some("AUT".to_string()),
                sector: Some(Sector::Gov),
                rule: Rule::Organ,
                ..cx.named(k..end, EntityKind::Organization)
            });
            covered[k..end].iter_mut().for_each(|c| *c = true);
        }
    }

    /// `der deutschen Sailer-Gruppe`, `dem Lufthansa-Konzern`: a hyphen compound of a name
    /// and a group head is a company (BUS); a known organisation as the first part is left
    /// to the knowledge-base pass.
    fn group_compounds(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let n = cx.strs.len();
        for k in 0..n {
            if covered[k] {
                continue;
            }
            // one token `Sailer-Gruppe`, or `Sailer` `-` `Gruppe` joined
            let (r, first) = match cx.strs[k].rsplit_once('-') {
                Some((a, h)) if DE_GROUP_HEADS.contains(&h) && !a.is_empty() => (k..k + 1, a),
                _ if k + 2 < n
                    && cx.strs[k + 1] == "-"
                    && cx.tokens[k].joined
                    && cx.tokens[k + 1].joined
                    && DE_GROUP_HEADS.contains(&cx.strs[k + 2])
                    && !covered[k + 2] =>
                {
                    (k..k + 3, cx.strs[k])
                }
                _ => continue,
            };
            if !capitalised(first)
                || self.is_common_word(cx, first)
                || !self.kb.lookup(first).is_empty()
            {
                continue;
            }
            found.push(Found {
                code: self.nationality_before(cx, k),
                sector: Some(Sector::Bus),
                ..cx.named(r.clone(), EntityKind::Organization)
            });
            covered[r].iter_mut().for_each(|c| *c = true);
        }
    }

    /// `der Sigmund-Freud-Privatuniversität`, `die Max-Reinhardt-Akademie`: a hyphen
    /// compound of capitalised names on a head for a body of research, teaching or culture
    /// (`SECTORLESS_BODIES`) is one organisation without a sector, as the gold's
    /// universities (its staff then have none either: `speaks_for`).
    fn named_academies(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        for h in 2..cx.strs.len() {
            let head = cx.strs[h];
            if covered[h]
                || !capitalised(head)
                || !SECTORLESS_BODIES
                    .iter()
                    .any(|e| head.to_lowercase().ends_with(e))
            {
                continue;
            }
            let mut s = h;
            while s >= 2
                && cx.strs[s - 1] == "-"
                && cx.tokens[s - 2].joined
                && cx.tokens[s - 1].joined
                && capitalised(cx.strs[s - 2])
                && !covered[s - 2]
            {
                s -= 2;
            }
            if s == h {
                continue;
            }
            // (sorted with the others by `link_pass`)
            found.push(Found {
                code: self.nationality_before(cx, s),
                ..cx.named(s..h + 1, EntityKind::Organization)
            });
            covered[s..h + 1].iter_mut().for_each(|c| *c = true);
        }
    }

    /// Companies by their cues: a company noun right before a name (`Bestbieter
    /// Maxenergy`, `des Marktforschers Focus`, `the carmaker Tesla`), a legal form after
    /// it (`Maxenergy GmbH`), or a company noun in an apposition after it (`RMS Austria,
    /// Vermarkter österreichischer Privatradios`). An unknown name becomes a company
    /// (BUS); a known organisation without sector gets BUS; a given name before the
    /// descriptor's name keeps it a person (`Investor Warren Buffett`).
    fn company_descriptors(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let nouns = match self.lang {
            Language::De => DE_COMPANY_NOUNS,
            Language::En => EN_COMPANY_NOUNS,
        };
        // (checked on every token: the ending first, without allocating; a compound's
        // tail is lower case, a whole word is compared ignoring its capital)
        let whole = |w: &str, n: &str| {
            w.len() == n.len()
                && w.chars()
                    .zip(n.chars())
                    .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
        };
        let ends_in = |w: &str, n: &str| {
            w.as_bytes().last() == n.as_bytes().last() && w.ends_with(n) || whole(w, n)
        };
        let keys = &self.noun_keys.company;
        let company_noun = |k: usize| {
            let w = cx.strs[k];
            // (the tagger often calls a rare compound a name: `Mediaagentur` NE)
            (cx.is_noun(k) || cx.is_proper(k) && capitalised(w))
                // most nouns end in none of the endings: one lookup of their last four
                // bytes says so before any string comparison
                && (may_end_in(keys, w) || may_end_in(keys, cx.lemma(k)))
                && {
                    // German compounds end in the noun (`Ökostromanbieter`); an inflected
                    // form ends in it once the tagger's lemma drops the ending
                    // (`Marktforschers`, `Unternehmens`)
                    let l = cx.lemma(k);
                    nouns.iter().any(|n| ends_in(l, n))
                        || l != w && nouns.iter().any(|n| ends_in(w, n))
                        // a hyphen compound's head is capitalised (`Onlinespiele-Entwickler`)
                        || w.rsplit_once('-')
                            .is_some_and(|(_, h)| nouns.iter().any(|n| whole(h, n)))
                }
                // (`Grenzschutzagentur`, `Nachrichtenagentur`: a noun of another sector)
                && self.word_sector(cx, k).is_none_or(|s| s == Sector::Bus)
        };
        let n = cx.strs.len();
        for k in 0..n.saturating_sub(1) {
            if company_noun(k) {
                self.describe_next_name(cx, found, covered, k, Sector::Bus);
            }
        }
        // legal forms and appositions after a name
        for f in found.iter_mut() {
            if f.kind != EntityKind::Organization || f.sector.is_some() {
                continue;
            }
            let e = f.tokens.end;
            // the legal form after the name or as its last word, when the recogniser took
            // it in (`Immigon Portfolio Abbau AG`, `Mediaservice GmbH`)
            let legal = cx.strs[e - 1..]
                .iter()
                .take(2)
                .skip(usize::from(f.tokens.len() < 2))
                .any(|w| self.cues.legal_forms.contains(w));
            let apposition = cx.strs.get(e) == Some(&",")
                && (e + 1..(e + 3).min(n)).any(|j| company_noun(j) && cx.strs[j] != "Bank");
            if legal || apposition {
                f.sector = Some(Sector::Bus);
            }
        }
        for k in 1..n {
            if covered[k] || !self.cues.legal_forms.contains(&cx.strs[k]) {
                continue;
            }
            // the name before the legal form: capitalised words not yet covered, ordinary
            // words included (`Deutsche Bahn AG`, `Velmont Trading GmbH`)
            let mut s = k;
            while s > 0
                && k - s < 4
                && !covered[s - 1]
                && capitalised(cx.strs[s - 1])
                && !matches!(cx.upos(s - 1), Some(Upos::Det | Upos::Pron | Upos::Adp))
            {
                s -= 1;
            }
            if s < k {
                found.push(self.company(cx, s..k + 1, self.nationality_before(cx, s)));
                covered[s..k + 1].iter_mut().for_each(|c| *c = true);
            }
        }
    }

    /// `die Wohltätigkeitsorganisation Glide`, `die Gewerkschaft X`: a noun for a kind of
    /// organisation with a sector of its own, right before a name, makes an unknown name
    /// (or an unknown person reading) an organisation of that sector; a known organisation
    /// without sector takes it. A state adjective before the noun gives the code.
    fn org_descriptors(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let nouns = match self.lang {
            Language::De => DE_ORG_NOUNS,
            Language::En => EN_ORG_NOUNS,
        };
        let keys = &self.noun_keys.org;
        let n = cx.strs.len();
        for k in 0..n.saturating_sub(1) {
            let w = cx.strs[k];
            let lower_end = |e: &str| {
                w.len() >= e.len()
                    && w.is_char_boundary(w.len() - e.len())
                    && w[w.len() - e.len()..].eq_ignore_ascii_case(e)
            };
            if !may_end_in(keys, w)
                || !(cx.is_noun(k) || cx.is_proper(k) && capitalised(w))
                || !nouns.iter().any(|e| lower_end(e))
            {
                continue;
            }
            // (a BUS noun names a company, which `company_descriptors` reads; an
            // association of firms is read here: `des Gläubigerschutzverbandes Creditreform`)
            let association = ["verband", "verbandes", "verbands", "verbände"]
                .iter()
                .any(|e| lower_end(e));
            if let Some(sector) = self
                .word_sector(cx, k)
                .filter(|s| *s != Sector::Bus || association)
            {
                self.describe_next_name(cx, found, covered, k, sector);
            }
        }
    }

    /// A descriptor noun at `k` (`Konzern`, `Gewerkschaft`) gives the name right after it
    /// its sector: an organisation found there without a sector takes it (and the state
    /// of an adjective before the noun), an unknown person reading becomes such an
    /// organisation, and a name run no mention covers becomes a new one.
    fn describe_next_name(
        &self,
        cx: &Ctx,
        found: &mut Vec<Found>,
        covered: &mut [bool],
        k: usize,
        sector: Sector,
    ) {
        let start = k + 1;
        // (a given name may begin a firm's name after a noun only firms are called by,
        // `der Agentur Vienna Digital`; after `Händler` or `Entwickler` it begins a
        // person's)
        let firm_only = sector == Sector::Bus && {
            let l = cx.lemma(k).to_lowercase();
            DE_FIRM_ONLY_NOUNS.iter().any(|e| l.ends_with(e))
        };
        if self.is_first_name(cx, start) && !firm_only {
            return;
        }
        let code = self.nationality_before(cx, k);
        // (a noun for an outlet names an outlet: `der Blog X`, `die Zeitung X`)
        let kind = if sector == Sector::Med {
            EntityKind::Media
        } else {
            EntityKind::Organization
        };
        if let Some(f) = found.iter_mut().find(|f| f.tokens.start == start) {
            let unknown = f.kb.is_none() && matches!(f.rule, Rule::Name);
            match f.kind {
                EntityKind::Organization if f.sector.is_none() => {
                    f.sector = Some(sector);
                    f.code = f.code.clone().or(code);
                }
                EntityKind::Person if unknown => {
                    f.kind = kind;
                    f.sector = Some(sector);
                    f.code = code;
                }
                // a one-word registry place right after the noun is the company's name
                // (`den chinesischen Hersteller Dongfeng`, a town too): the noun says what
                // the name is; a state or capital keeps its reading (`Autobauer in Wien`
                // has a preposition between, and never reaches here)
                // (an outlet named like a place is read by the knowledge base's media
                // aliases: `die Lokalzeitung Trentino`)
                EntityKind::Place
                    if f.rule == Rule::Kb(FormType::Place)
                        && f.tokens.len() == 1
                        && kind != EntityKind::Media =>
                {
                    *f = Found {
                        code,
                        sector: Some(sector),
                        ..cx.named(f.tokens.clone(), kind)
                    };
                }
                _ => {}
            }
            return;
        }
        let Some(r) = self.name_run(cx, start, covered) else {
            return;
        };
        let mut f = self.company(cx, r.clone(), code);
        f.sector = Some(sector);
        f.kind = kind;
        found.push(f);
        covered[r].iter_mut().for_each(|c| *c = true);
    }

    /// `vor dem Oberlandesgericht Düsseldorf`, `die Landespolizeidirektion Oberösterreich`:
    /// an institution noun with a sector, after an article or adjective and followed by a
    /// place, names that place's body: one organisation mention over both, with the noun's
    /// sector and the place's state.
    fn institution_places(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        // `pi` is the place, `pi - 1` the mention before it (if any)
        let mut pi = 0;
        while pi < found.len() {
            let p = &found[pi];
            let prev = pi.checked_sub(1).map(|k| found[k].tokens.clone());
            let at = p.tokens.start;
            // (`Handelskammer von Thessaloniki`: the noun may stand before `von`)
            let von = at >= 3 && cx.strs[at - 1] == "von";
            let noun = if von { at - 2 } else { at.saturating_sub(1) };
            // (the noun may already be a mention of its own: it is taken into this one)
            let noun_mention = prev.as_ref() == Some(&(noun..noun + 1));
            // (a place of up to three tokens: `Zollamt St. Pölten`)
            let is_place = p.kind == EntityKind::Place
                && p.tokens.len() <= 3
                && noun >= 1
                && !cx.tokens[noun].joined
                && (prev.as_ref().is_none_or(|r| r.end <= noun) || noun_mention);
            if !is_place {
                pi += 1;
                continue;
            }
            let w = cx.strs[noun];
            let institution = capitalised(w)
                && cx.is_noun(noun)
                && DE_INSTITUTION_ENDS
                    .iter()
                    .any(|e| w.len() > e.len() && w.ends_with(e) || w.eq_ignore_ascii_case(e))
                // (not after a preposition fused with the article: GermEval reads `vom
                // Amtsgericht Stockholm` as a place, and the rule is kept to its reading)
                && matches!(cx.upos(noun - 1), Some(Upos::Det | Upos::Adj));
            let sector = if institution {
                self.word_sector(cx, noun)
            } else {
                None
            };
            if let Some(sector) = sector {
                let r = noun..p.tokens.end;
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
                let code = p.state();
                let f = &mut found[pi];
                f.tokens = r.clone();
                f.span = cx.span(r);
                f.name = f.span.get(cx.text).unwrap_or("").to_string();
                f.kind = EntityKind::Organization;
                f.code = code;
                f.sector = Some(sector);
                f.kb = None;
                f.country = None;
                f.rule = Rule::Name;
                if noun_mention {
                    found.remove(pi - 1);
                    continue;
                }
            }
            pi += 1;
        }
    }

    /// A person's surname anywhere in the document, before or after the full name, as a
    /// word of its own, a genitive (`Dobrindts`) or a compound's first part
    /// (`Holzmeister-Bau`), is that person; all mentions of one surname share the actor
    /// the best-described of them got (a code and a sector over a code alone, the first
    /// full name first), so a teaser's `Anna Therese Day` takes what `die US-Journalistin
    /// Anna Day` says. A genitive takes the person's actor outright: the noun before it
    /// is the possessed thing, not a title (`laut Medien Dobrindts`).
    fn person_chains(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        // surname → the first full name's mention (a snapshot: `found` is re-sorted below)
        let mut people: Vec<(&str, Found)> = Vec::new();
        for f in found.iter() {
            if f.kind == EntityKind::Person && f.tokens.len() >= 2 {
                let last = cx.strs[f.tokens.end - 1];
                if capitalised(last)
                    && last.chars().count() >= 3
                    && !people.iter().any(|p| p.0 == last)
                {
                    people.push((last, f.clone()));
                }
            }
        }
        if people.is_empty() {
            return;
        }
        // the surname a token names (its index in `people`): itself, its genitive (`true`),
        // a compound's first part (the span shrinks to it)
        let surname_of = |k: usize| -> Option<(usize, Span, bool)> {
            let w = cx.strs[k];
            let t = cx.tokens[k].span;
            people.iter().enumerate().find_map(|(i, &(s, _))| {
                // (each reading begins with the surname: most tokens differ in their first
                // byte, and this runs for every token against every surname)
                if w.as_bytes().first() != s.as_bytes().first() {
                    return None;
                }
                if w == s {
                    return Some((i, t, false));
                }
                if w.len() == s.len() + 1 && w.starts_with(s) && w.ends_with('s') {
                    return Some((i, t, true));
                }
                let rest = w.strip_prefix(s)?.strip_prefix('-')?;
                let start = t.start as usize;
                rest.chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    .then(|| (i, Span::new(start, start + s.len()), false))
            })
        };
        // a surname the knowledge base matched alone (`Yu` → a minister of that surname)
        // is the person the story names in full with it, when that is someone else: the
        // story's own person comes before a namesake of the data. (The full name may put
        // the family name first: `Yu Yongde`.)
        for f in found.iter_mut() {
            if f.rule != Rule::Kb(FormType::Surname) || f.tokens.len() != 1 {
                continue;
            }
            let w = cx.strs[f.tokens.start];
            // (not a title the recogniser took into the name: `Secretary of State Clinton`)
            let Some((_, p)) = people
                .iter()
                .find(|(s, p)| *s == w || cx.strs[p.tokens.start] == w)
                .filter(|(_, p)| {
                    let first = cx.strs[p.tokens.start];
                    !self.cues.titles.contains(&first)
                        && self.word_sector(cx, p.tokens.start).is_none()
                })
            else {
                continue;
            };
            if p.kb != f.kb {
                f.code = p.code.clone();
                f.sector = p.sector;
                f.kb = p.kb.clone();
                f.name = p.name.clone();
                f.office = p.office;
                f.rule = Rule::Surname;
            }
        }
        let mut added = Vec::new();
        for (k, cov) in covered.iter_mut().enumerate().take(cx.strs.len()) {
            if *cov {
                continue;
            }
            // (`in May` after `Theresa May` is a month; asked only of a surname's token, the
            // cheaper test)
            if let Some((i, span, _)) = surname_of(k).filter(|_| !self.month_as_date(cx, k)) {
                let p = &people[i].1;
                added.push(Found {
                    tokens: k..k + 1,
                    span,
                    kind: EntityKind::Person,
                    code: p.code.clone(),
                    sector: p.sector,
                    kb: p.kb.clone(),
                    name: p.name.clone(),
                    rule: Rule::Surname,
                    country: None,
                    office: p.office,
                });
                *cov = true;
            }
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_by_key(|f| (f.span.start, f.span.end));
        }
        // `Days Familie appellierte`: the genitive of a surname the story named in full,
        // taken into a name run with the common nouns after it (the tagger calls them
        // names at a sentence start), is that person alone
        for f in found.iter_mut() {
            if f.kind != EntityKind::Person
                || f.rule != Rule::Name
                || f.kb.is_some()
                || f.tokens.len() < 2
            {
                continue;
            }
            let k = f.tokens.start;
            let Some((i, span, true)) = surname_of(k) else {
                continue;
            };
            if (k + 1..f.tokens.end).all(|j| self.lex(cx, cx.strs[j]) == crate::Lex::Noun) {
                f.tokens = k..k + 1;
                f.span = span;
                f.name = people[i].1.name.clone();
                f.code = None;
                f.sector = None;
                f.rule = Rule::Surname;
            }
        }
        // one actor per surname: the best-described mention's
        // per person: the code and sector the chain gives, and how strong its evidence is
        let mut chain: Vec<Option<ChainLink>> = vec![None; people.len()];
        let person_at = |f: &Found| {
            (f.kind == EntityKind::Person)
                .then(|| surname_of(f.tokens.end - 1))
                .flatten()
        };
        for f in found.iter() {
            let Some((i, _, _)) = person_at(f) else {
                continue;
            };
            // (a mention with a sector but no code yet, `heute-Moderator Ziegler`, still
            // describes the person; the code then comes from another mention)
            if f.code.is_none() && f.sector.is_none() {
                continue;
            }
            let rank = u8::from(f.sector.is_some()) * 2 + u8::from(f.tokens.len() >= 2);
            match &mut chain[i] {
                Some(c) if rank <= c.2 => {
                    if c.0.is_none() {
                        c.0 = f.code.clone();
                    }
                }
                c => {
                    let code = f
                        .code
                        .clone()
                        .or_else(|| c.as_ref().and_then(|c| c.0.clone()));
                    *c = Some((code, f.sector, rank));
                }
            }
        }
        for f in found.iter_mut() {
            let Some((i, _, genitive)) = person_at(f) else {
                continue;
            };
            let Some((code, sector, _)) = chain[i].clone() else {
                continue;
            };
            if genitive && f.tokens.len() == 1 {
                f.code = code;
                f.sector = sector;
            } else {
                if f.code.is_none() {
                    f.code = code.clone();
                }
                if f.sector.is_none() && (f.code == code || code.is_none()) {
                    f.sector = sector;
                }
            }
        }
    }

    fn company(&self, cx: &Ctx, r: Range<usize>, code: Option<String>) -> Found {
        Found {
            code,
            sector: Some(Sector::Bus),
            ..cx.named(r.clone(), EntityKind::Organization)
        }
    }

    /// A name of one to three words at `start` that no mention covers: capitalised or
    /// written like a brand (`media.at`, `iPhone`), not an ordinary word.
    fn name_run(&self, cx: &Ctx, start: usize, covered: &[bool]) -> Option<Range<usize>> {
        let namey = |k: usize| {
            let w = cx.strs[k];
            !covered[k]
                && w.chars().count() >= 2
                && w.chars().next().is_some_and(char::is_alphanumeric)
                && (capitalised(w) && !self.is_common_word(cx, w)
                    || is_acronym(w)
                    || w.chars().skip(1).any(char::is_uppercase)
                    || w.contains('.') && w.chars().last().is_some_and(char::is_alphabetic))
                && !cx.is_verb(k)
        };
        if start >= cx.strs.len() || !namey(start) {
            return None;
        }
        let mut end = start + 1;
        while end < cx.strs.len() && end - start < 3 && namey(end) && !cx.tokens[end - 1].joined {
            end += 1;
        }
        Some(start..end)
    }

    /// Sectors from the words of the mention and its apposition: an unknown organisation
    /// takes the sector of its head noun (`Landesgericht für Strafsachen` JUD, `Bundesamt
    /// für Migration` GOV: the first word with a sector, as German names put the head
    /// before their attributes); a person without a sector takes that of an office noun
    /// right after the name and a comma (`Karl Nehammer, Innenminister, sagte`,
    /// `Petra Hauser, Geschäftsführerin der …`), and so does a known person the knowledge
    /// base gives no sector.
    fn head_sectors(&self, cx: &Ctx, found: &mut [Found]) {
        let n = cx.strs.len();
        // organisations and outlets with a sector, by their first token, for `X, Sprecher
        // der Polizei` (the post's organisation gives the person its actor)
        let orgs: Vec<(usize, Option<String>, Sector)> = found
            .iter()
            .filter(|o| matches!(o.kind, EntityKind::Organization | EntityKind::Media))
            .filter_map(|o| o.sector.map(|s| (o.tokens.start, o.code.clone(), s)))
            .collect();
        for f in found.iter_mut() {
            // (a known person without a sector: no date and offices of several sectors, or
            // out of office on the date; the apposition says the role)
            let known_person = f.kind == EntityKind::Person && f.kb.is_some();
            // (English: a person a title gave a sector but no state, `Col. Scott X, a U.S.
            // air force spokesman`: the apposition may give the state)
            let needs_code = self.lang == Language::En
                && f.kind == EntityKind::Person
                && f.kb.is_none()
                && f.code.is_none();
            if f.sector.is_some() && !needs_code
                || !(known_person || f.kb.is_none() && f.rule == Rule::Name)
            {
                continue;
            }
            match f.kind {
                EntityKind::Organization => {
                    // English puts a name's head last: the sector of the longest listed
                    // head the name ends in (`National Defense and Security Council` GOV
                    // by `security council`), before any word's alone
                    let head = (self.lang == Language::En)
                        .then(|| self.kb.sectors().sector(&f.name))
                        .flatten();
                    f.sector = head.or_else(|| {
                        f.tokens
                            .clone()
                            .filter(|&k| capitalised(cx.strs[k]))
                            .find_map(|k| self.word_sector(cx, k))
                    });
                    // `BMI`, `BMF`, `BMVg`: the abbreviations of federal ministries
                    // (Bundesministerium für/des …) in Germany and Austria
                    let w = cx.strs[f.tokens.start];
                    if f.sector.is_none()
                        && self.lang == Language::De
                        && f.tokens.len() == 1
                        && (3..=6).contains(&w.len())
                        && w.starts_with("BM")
                        && w.as_bytes()[2].is_ascii_uppercase()
                        && w.bytes().all(|b| b.is_ascii_alphabetic())
                    {
                        f.sector = Some(Sector::Gov);
                    }
                }
                EntityKind::Person => {
                    let e = f.tokens.end;
                    if cx.strs.get(e) != Some(&",") {
                        continue;
                    }
                    // the noun right after the comma, past an English article (`Amjad
                    // al-Munqif, a spokesman for …`) and adjectives (`ehemalige`)
                    let mut j = e + 1;
                    if self.lang == Language::En
                        && j < n
                        && matches!(cx.strs[j], "a" | "an" | "the")
                    {
                        j += 1;
                    }
                    while j < n && j < e + 3 && cx.upos(j) == Some(Upos::Adj) {
                        j += 1;
                    }
                    if j >= n {
                        continue; // the comma (or its adjectives) ends the sentence
                    }
                    // `Norbert Hofer, FPÖ-Präsidentschaftskandidat`: a compound on a known
                    // organisation or state, read as the descriptor before a name would be
                    let head = cx.compound_head(j + 1).unwrap_or(j);
                    if head > j || cx.strs[j].contains('-') {
                        if let Some((code, Some(s))) = self.descriptor(cx, head + 1) {
                            f.sector = Some(s);
                            if f.code.is_none() {
                                f.code = code;
                            }
                            continue;
                        }
                    }
                    // English `Scott X, a U.S. air force spokesman`: the post noun ends a
                    // run of modifiers (a state, an organ named by common nouns); read the
                    // run as the descriptor before a name would be
                    if self.lang == Language::En && self.word_sector(cx, j).is_none() {
                        let post = (j..(j + 5).min(n))
                            .take_while(|&p| {
                                (cx.is_noun(p) || cx.is_proper(p) || cx.upos(p) == Some(Upos::Adj))
                                    && !matches!(cx.strs[p], "," | "." | ";" | ":" | "(")
                            })
                            .last()
                            .filter(|&p| p > j && cx.is_noun(p));
                        if let Some((code, Some(s))) =
                            post.and_then(|p| self.descriptor_at(cx, p + 1))
                        {
                            f.sector = f.sector.or(Some(s));
                            if f.code.is_none() {
                                f.code = code;
                            }
                            continue;
                        }
                    }
                    // (a sector the name's own title gave stays: `Mayor Bill de Blasio,
                    // police will …` is no apposition)
                    if f.sector.is_some() {
                        continue;
                    }
                    if j < n && (cx.is_noun(j) || cx.is_proper(j) && capitalised(cx.strs[j])) {
                        let post_org = self
                            .post_phrase_end(cx, j)
                            .and_then(|j| {
                                // `Judith W., Chefin vom Dienst im ORF`: a post, a few
                                // words, and the organisation after a preposition
                                (j + 2..(j + 7).min(n))
                                    .take_while(|&o| {
                                        !cx.is_verb(o)
                                            && !matches!(cx.strs[o], "," | "." | ";" | ":" | "(")
                                    })
                                    .find(|&o| {
                                        // (English: a preposition anywhere before it, `a
                                        // spokesman for the Islamist group Hamas`)
                                        let en = self.lang == Language::En
                                            && (j + 1..o)
                                                .any(|p| matches!(cx.strs[p], "of" | "for" | "at"));
                                        let link = |p: usize| {
                                            matches!(
                                                cx.strs[p],
                                                "der"
                                                    | "des"
                                                    | "von"
                                                    | "vom"
                                                    | "im"
                                                    | "in"
                                                    | "bei"
                                                    | "beim"
                                                    | "am"
                                                    | "of"
                                                    | "at"
                                            )
                                        };
                                        // (also with the organisation's kind between:
                                        // `beim Vermarkter Httpool`)
                                        (en || link(o - 1)
                                            || o >= j + 3
                                                && capitalised(cx.strs[o - 1])
                                                && link(o - 2))
                                            && orgs.iter().any(|g| g.0 == o)
                                    })
                            })
                            .and_then(|o| orgs.iter().find(|g| g.0 == o));
                        if let Some(s) = self.word_sector(cx, j) {
                            f.sector = Some(s);
                            if f.code.is_none() {
                                f.code = self.nationality_before(cx, j);
                            }
                        } else if let Some((_, code, s)) = (j + 2..(j + 4).min(n))
                            .find(|&o| {
                                matches!(cx.strs[j + 1], "der" | "des" | "von" | "vom" | "of")
                                    && (o == j + 2 || cx.upos(o - 1) == Some(Upos::Adj))
                            })
                            .and_then(|o| orgs.iter().find(|g| g.0 == o))
                        {
                            // `Hans Huber, Sprecher der Landespolizeidirektion`: a post
                            // noun without a sector of its own and the organisation after it
                            f.sector = Some(*s);
                            if f.code.is_none() {
                                f.code = code.clone();
                            }
                        } else if let Some((_, code, s)) = post_org {
                            f.sector = Some(*s);
                            if f.code.is_none() {
                                f.code = code.clone();
                            }
                        } else if let Some(s) = self.post_phrase_end(cx, j).and_then(|p| {
                            // `Ulrich Reinhardt, wissenschaftlicher Leiter der Hamburger
                            // Stiftung`: the post's body named by its noun
                            cx.strs
                                .get(p + 1)
                                .is_some_and(|w| matches!(*w, "der" | "des" | "vom" | "beim"))
                                .then(|| self.body_noun_sector(cx, p + 2))
                                .flatten()
                        }) {
                            f.sector = Some(s);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// `Benjamin Ruschin` in a headline, then `Benjamin Ruschin, Gründer und Geschäftsführer
    /// der Agentur …`: the same full name is the same person, so a mention the knowledge base
    /// does not know and the text did not describe takes the role (code and sector) another
    /// mention of the name was given, before or after it. Two roles for one name leave it.
    fn full_name_roles(&self, cx: &Ctx, found: &mut [Found]) {
        let mut roles: HashMap<&[&str], Option<(Option<String>, Sector)>> = HashMap::new();
        for f in found.iter() {
            if f.kind != EntityKind::Person || f.kb.is_some() || f.tokens.len() < 2 {
                continue;
            }
            let Some(s) = f.sector else { continue };
            let role = (f.code.clone(), s);
            roles
                .entry(&cx.strs[f.tokens.clone()])
                .and_modify(|r| {
                    if r.as_ref().is_some_and(|r| r.1 != s) {
                        *r = None;
                    }
                })
                .or_insert(Some(role));
        }
        if roles.is_empty() {
            return;
        }
        for f in found.iter_mut() {
            if f.kind != EntityKind::Person || f.kb.is_some() || f.sector.is_some() || f.office {
                continue;
            }
            if let Some(Some((code, s))) = roles.get(&cx.strs[f.tokens.clone()]) {
                f.sector = Some(*s);
                if f.code.is_none() {
                    f.code = code.clone();
                }
            }
        }
    }

    /// The last word of a post named at `j`, in an apposition after a person's name: a lead
    /// head (`Chefin`, `spokesman`) or a word ending in a post noun, alone or in a phrase
    /// of nouns and names joined by `und` and hyphens, nine tokens at most (`Gründer und
    /// Geschäftsführer`, `Social-Media- und Community-Managerin`, `Client Service
    /// Director`). A noun that is no post (`Kritiker der Regierung`) says nothing about
    /// whom the person works for.
    fn post_phrase_end(&self, cx: &Ctx, j: usize) -> Option<usize> {
        let mut last = None;
        for k in j..(j + 9).min(cx.strs.len()) {
            let w = cx.strs[k];
            if crate::lead_head(w) || POST_ENDS.iter().any(|e| crate::ends_with_ci(w, e)) {
                last = Some(k);
            } else if !(matches!(w, "und" | "and" | "&") && k > j
                || w == "-" && k > j && cx.tokens[k - 1].joined
                || cx.is_noun(k)
                || cx.is_proper(k) && capitalised(w))
            {
                break;
            }
        }
        last
    }

    /// `Fabius and his counterpart, Espen Barthélemy`, `sein Amtskollege X`: a person
    /// named right after the word (and a comma) holds the office of the person named
    /// shortly before, in another state: that person's sector (the state stays the
    /// mention's own).
    fn counterparts(&self, cx: &Ctx, found: &mut [Found]) {
        for i in 1..found.len() {
            let f = &found[i];
            if f.kind != EntityKind::Person || f.sector.is_some() {
                continue;
            }
            let mut k = f.tokens.start;
            if k >= 1 && cx.strs[k - 1] == "," {
                k -= 1;
            }
            let word = k.checked_sub(1).map(|p| cx.strs[p].to_lowercase());
            if !word.is_some_and(|w| COUNTERPART_WORDS.contains(&w.as_str())) {
                continue;
            }
            let sector = found[..i]
                .iter()
                .rev()
                .take_while(|p| p.tokens.end + 12 >= k)
                .find(|p| p.kind == EntityKind::Person && p.name != f.name)
                .and_then(|p| p.sector);
            if let Some(s) = sector {
                found[i].sector = Some(s);
            }
        }
    }

    /// `Landesgericht Linz`, `Bezirkshauptmannschaft Gmünd`: an organisation the knowledge
    /// base does not know, whose name ends in a known place, is that place's state's (not the
    /// home state's: a story about a German couple before an Austrian court).
    fn place_in_name(&self, cx: &Ctx, found: &mut [Found]) {
        for f in found.iter_mut() {
            if f.kind != EntityKind::Organization
                || f.kb.is_some()
                || f.code.is_some()
                || f.tokens.len() < 2
                || f.rule != Rule::Name
            {
                continue;
            }
            let last = cx.strs[f.tokens.end - 1];
            // (an organisation's head that is also a town's name is the head: `Liberal
            // Alliance` is no body of Alliance, Ohio)
            if !capitalised(last) || self.cues.org_heads.contains(&last) {
                continue;
            }
            // (a village is more often a founder's surname: `AVL List` is no place `List`
            // on Sylt; towns of 10,000 and regions, capitals and states count)
            let Some(m) = self
                .kb
                .longest_at(&cx.strs, f.tokens.end - 1)
                .filter(|m| m.end == f.tokens.end)
            else {
                continue;
            };
            f.code = self
                .kb
                .entries_of(&m)
                .find(|e| {
                    e.code.len() == 3
                        && match e.form {
                            FormType::Capital | FormType::StateName => true,
                            FormType::Place => self
                                .kb
                                .place_population(&m, e)
                                .is_none_or(|p| p == 0 || p >= 10_000),
                            _ => false,
                        }
                })
                .map(|e| e.code.clone());
        }
    }

    /// `Schneider ist bisher Chefredakteur der Zeitschrift …`, `Baur wurde alleiniger
    /// Chefredakteur`, `X is the company's chief executive`: a person without a sector, as
    /// the subject of a copula whose predicate is an office or role noun, takes the noun's
    /// sector (the predicate form of an apposition), and so do the other mentions of the
    /// same surname that have none (it runs after `person_chains`, which adds them). A verb
    /// of taking or holding a post does the same with its object (`Claudia Zettel übernimmt
    /// ab 1. Jänner die Chefredaktion` MED).
    fn predicate_office(&self, cx: &Ctx, found: &mut [Found]) {
        const COPULA: &[&str] = &[
            "ist", "war", "wird", "wurde", "bleibt", "blieb", "is", "was", "becomes", "became",
            "remains",
        ];
        // verbs of taking or holding a post: their object names it (`taken_post`)
        const TAKES: &[&str] = &[
            "übernimmt",
            "übernahm",
            "leitet",
            "leitete",
            "heads",
            "headed",
        ];
        // adverbs and determiners that may stand between the copula and the noun
        const BETWEEN: &[&str] = &[
            "bisher", "seit", "nun", "jetzt", "derzeit", "zuvor", "auch", "bereits", "noch",
            "schon", "künftig", "dann", "ein", "eine", "der", "die", "neuer", "neue", "the", "a",
            "an", "now", "also",
        ];
        let n = cx.strs.len();
        let mut named: Vec<(&str, Option<String>, Sector)> = Vec::new();
        for f in found.iter_mut() {
            if f.kind != EntityKind::Person || f.sector.is_some() || f.kb.is_some() {
                continue;
            }
            let mut j = f.tokens.end;
            // (the verb may stand before its subject: `Zunächst leitete Wolfram Weimer das
            // Blatt`, `Seit Montag ist X Chefredakteur`)
            let before = f
                .tokens
                .start
                .checked_sub(1)
                .filter(|_| self.lang == Language::De)
                .map(|b| cx.strs[b]);
            if cx.strs.get(j).is_some_and(|w| TAKES.contains(w)) {
                j = match self.taken_post(cx, j + 1) {
                    Some(p) => p,
                    None => continue,
                };
            } else if before.is_some_and(|w| TAKES.contains(&w)) {
                j = match self.taken_post(cx, j) {
                    Some(p) => p,
                    None => continue,
                };
            } else if cx.strs.get(j).is_some_and(|w| COPULA.contains(w))
                || before.is_some_and(|w| COPULA.contains(&w))
            {
                if cx.strs.get(j).is_some_and(|w| COPULA.contains(w)) {
                    j += 1;
                }
                let lo = j;
                while j < n
                    && j < lo + 4
                    && (BETWEEN.contains(&cx.strs[j]) || cx.upos(j) == Some(Upos::Adj))
                {
                    j += 1;
                }
            } else {
                continue;
            }
            if j < n && cx.is_noun(j) {
                if let Some(s) = self.word_sector(cx, j) {
                    f.sector = Some(s);
                    if f.code.is_none() {
                        f.code = self.nationality_before(cx, j);
                    }
                    named.push((cx.strs[f.tokens.end - 1], f.code.clone(), s));
                }
            }
        }
        Self::same_surname_role(cx, found, &named);
        // `Sie folgt damit auf Gerald Reischl`, `X übernimmt von Ulrich Reitz`: the
        // predecessor held the post the successor takes: the role of the nearest other
        // person before it (within about two sentences), if the text gave that one a role
        let mut named: Vec<(&str, Option<String>, Sector)> = Vec::new();
        for i in 0..found.len() {
            let f = &found[i];
            if f.kind != EntityKind::Person
                || f.sector.is_some()
                || f.kb.is_some()
                || !self.succeeded(cx, f.tokens.clone())
            {
                continue;
            }
            let last = cx.strs[f.tokens.end - 1];
            let Some((code, s)) = found[..i]
                .iter()
                .rev()
                .take_while(|g| g.tokens.end + NEAR_TOKENS >= f.tokens.start)
                .find(|g| {
                    g.kind == EntityKind::Person
                        && g.kb.is_none()
                        && cx.strs[g.tokens.end - 1] != last
                })
                .and_then(|g| g.sector.map(|s| (g.code.clone(), s)))
            else {
                continue;
            };
            let f = &mut found[i];
            f.sector = Some(s);
            f.code = f.code.clone().or(code);
            named.push((last, f.code.clone(), s));
        }
        Self::same_surname_role(cx, found, &named);
    }

    /// The other mentions of a surname `predicate_office` gave a role (`Berger` after
    /// `Anna Berger übernimmt die Chefredaktion`) take it when they have none.
    fn same_surname_role(cx: &Ctx, found: &mut [Found], named: &[(&str, Option<String>, Sector)]) {
        if named.is_empty() {
            return;
        }
        for f in found.iter_mut() {
            if f.kind != EntityKind::Person || f.sector.is_some() || f.kb.is_some() {
                continue;
            }
            let last = cx.strs[f.tokens.end - 1];
            if let Some((_, code, s)) = named
                .iter()
                .find(|p| p.0 == last && p.0.chars().count() >= 3)
            {
                if f.code.is_none() || f.code == *code {
                    f.sector = Some(*s);
                    f.code = f.code.clone().or_else(|| code.clone());
                }
            }
        }
    }

    /// Whether the person at `r` is named as someone's predecessor: `folgt (damit) auf X`,
    /// `Nachfolger(in) von X`, `die Nachfolge von X`, `übernimmt (das Amt) von X`, `wird das
    /// Amt … von X übernehmen`, `löst X ab`, `ersetzt X` (German only).
    fn succeeded(&self, cx: &Ctx, r: Range<usize>) -> bool {
        if self.lang != Language::De || r.start < 2 {
            return false;
        }
        let k = r.start;
        let sentence_word = |j: usize| !matches!(cx.strs[j], "." | "!" | "?" | ";" | ":");
        let lemma_in = |lo: usize, hi: usize, lemma: &str| {
            (lo..hi.min(cx.strs.len()))
                .take_while(|&j| sentence_word(j))
                .any(|j| cx.lemma(j) == lemma)
        };
        match cx.strs[k - 1] {
            // `folgt auf X`, `folgte damit auf X`
            "auf" => (k.saturating_sub(4)..k - 1)
                .rev()
                .take_while(|&j| sentence_word(j))
                .any(|j| cx.lemma(j) == "folgen"),
            "von" => {
                let before = (k.saturating_sub(5)..k - 1)
                    .rev()
                    .take_while(|&j| sentence_word(j))
                    .any(|j| {
                        matches!(
                            cx.lemma(j),
                            "übernehmen" | "Nachfolger" | "Nachfolgerin" | "Nachfolge"
                        )
                    });
                // `… von Ulrich Reitz (55) übernehmen`
                before || lemma_in(r.end, r.end + 5, "übernehmen")
            }
            // `löst (damit) Nick Ferguson ab`, `ersetzt (nun) X`
            _ => {
                let word_before = |words: &[&str]| {
                    (k.saturating_sub(3)..k)
                        .rev()
                        .take_while(|&j| sentence_word(j))
                        .any(|j| words.contains(&cx.strs[j]))
                };
                word_before(&["löst", "löste"])
                    && (r.end..(r.end + 4).min(cx.strs.len()))
                        .take_while(|&j| sentence_word(j))
                        .any(|j| cx.strs[j] == "ab")
                    || word_before(&["ersetzt", "ersetzte"])
            }
        }
    }

    /// The post a verb of taking or holding one names (`übernimmt ab 1. Jänner 2016 die
    /// Chefredaktion der …`, `leitet seit 2010 die Redaktion`, `heads the newsroom`):
    /// the noun of the first object article within six words after the verb (past an
    /// adverbial such as a date), adjectives skipped, when no verb, comma or end of
    /// sentence comes first. An article right after a preposition opens an adverbial, not
    /// the object (`übernimmt in der Krise die Leitung`: `Leitung`).
    fn taken_post(&self, cx: &Ctx, start: usize) -> Option<usize> {
        const OBJECT_ARTICLES: &[&str] = &["die", "den", "das", "the"];
        let n = cx.strs.len();
        let mut k = start;
        while k < n && k < start + 6 {
            let w = cx.strs[k];
            if matches!(w, "," | ";" | ":" | "." | "?" | "!") || cx.is_verb(k) {
                return None;
            }
            let after_prep = k > start && cx.upos(k - 1) == Some(Upos::Adp);
            if OBJECT_ARTICLES.contains(&w) && !after_prep {
                let mut j = k + 1;
                while j < n && j < k + 3 && cx.upos(j) == Some(Upos::Adj) {
                    j += 1;
                }
                return (j < n).then_some(j);
            }
            k += 1;
        }
        None
    }

    /// `Auftraggeber sind Land Salzburg, …`, `mit Stadt und Land Salzburg`, `die Website der
    /// Stadt Wien`: `Land` before a place of Austria or Germany (a federal state, or a city
    /// that is one) names the state's government, and so does `Stadt` before a city that is
    /// a federal state (`Stadt Wien` is the government of Land Wien): one organisation from
    /// `Land`/`Stadt` to the place, GOV, with the place's state. `Stadt` before another
    /// city stays a place (`600 Jahre Stadt Arzberg`, `Ortschaften der Stadt Twistringen`:
    /// GermEval's LOC). After a preposition, also across an article (`im Land Salzburg`,
    /// `in der Stadt Wien`), it stays a place.
    fn land_governments(&self, cx: &Ctx, found: &mut [Found]) {
        const CITY_STATES: &[&str] = &["Wien", "Berlin", "Hamburg", "Bremen"];
        let body = |k: usize, place: &str| {
            cx.strs[k] == "Land" || cx.strs[k] == "Stadt" && CITY_STATES.contains(&place)
        };
        for f in found.iter_mut() {
            if f.kind != EntityKind::Place {
                continue;
            }
            // `Land` before the place, or the first word of a place name (`Land Brandenburg`)
            let k = f.tokens.start;
            let last = cx.strs[f.tokens.end - 1];
            let land = if f.tokens.len() >= 2 && body(k, last) {
                k
            } else if k > 0 && body(k - 1, last) && !cx.tokens[k - 1].joined {
                k - 1
            } else {
                continue;
            };
            let state = f.state().filter(|s| s == "AUT" || s == "DEU");
            let mut before = land.checked_sub(1);
            if let Some(b) = before.filter(|&b| b > 0 && cx.upos(b) == Some(Upos::Det)) {
                before = Some(b - 1);
            }
            // a partner, funder or opponent (`mit dem Land Steiermark`, `vom Land Salzburg
            // gefördert`) is the government; a place preposition (`im Land Salzburg`) keeps
            // the place
            const PARTNER: &[&str] = &["mit", "von", "vom", "für", "gegen", "seitens"];
            let after_prep = before.is_some_and(|b| {
                cx.upos(b) == Some(Upos::Adp)
                    && !PARTNER.contains(&cx.strs[b].to_lowercase().as_str())
            });
            if state.is_none() || after_prep {
                continue;
            }
            let r = land..f.tokens.end;
            *f = Found {
                code: state,
                sector: Some(Sector::Gov),
                ..cx.named(r, EntityKind::Organization)
            };
        }
    }

    /// `Reitz bleibe in der Chefredaktion` after `Ulrich Reitz`: a one-word place reading
    /// that is the surname of a person named in full in the document is that person,
    /// unless a locative preposition stands before it (`in Reitz`); `person_chains` then
    /// gives it the person's actor.
    fn surname_not_place(&self, cx: &Ctx, found: &mut [Found]) {
        let surnames: Vec<&str> = found
            .iter()
            .filter(|f| f.kind == EntityKind::Person && f.tokens.len() >= 2)
            .map(|f| cx.strs[f.tokens.end - 1])
            .collect();
        if surnames.is_empty() {
            return;
        }
        for f in found.iter_mut() {
            if f.kind != EntityKind::Place || f.tokens.len() != 1 {
                continue;
            }
            let k = f.tokens.start;
            let after_prep = k.checked_sub(1).is_some_and(|p| {
                cx.upos(p) == Some(Upos::Adp) || self.cues.locative.contains(&cx.strs[p])
            });
            if after_prep || !surnames.contains(&cx.strs[k]) {
                continue;
            }
            f.kind = EntityKind::Person;
            f.kb = None;
            f.country = None;
            f.code = None;
            f.sector = None;
            f.rule = Rule::Surname;
        }
    }

    /// German: `der Hagelversicherung`, `laut Hagelversicherung` after `der Österreichischen
    /// Hagelversicherung`: an institution's name of an adjective and a long compound head
    /// (`-versicherung`, `-ministerium`, one of the organisation endings) is repeated by the
    /// head alone; the head's other occurrences where no mention is are that organisation.
    /// (A short head, `Bundesamt`, `Bank`, is too often another body of its kind.)
    fn head_repeats(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        const MIN_HEAD: usize = 12;
        let named: Vec<(usize, Found)> = found
            .iter()
            .filter(|f| {
                f.kind == EntityKind::Organization
                    && f.kb.is_none()
                    && f.tokens.len() == 2
                    && capitalised(cx.strs[f.tokens.start])
                    && {
                        let h = cx.strs[f.tokens.start + 1];
                        h.chars().count() >= MIN_HEAD
                            && !h.contains('-')
                            && self
                                .cues
                                .org_suffixes
                                .iter()
                                .any(|e| h.to_lowercase().ends_with(e))
                    }
            })
            .map(|f| (f.tokens.start + 1, f.clone()))
            .collect();
        let before = found.len();
        for (h, f) in named {
            for (k, w) in cx.strs.iter().enumerate() {
                if covered[k] || k == h || *w != cx.strs[h] {
                    continue;
                }
                found.push(Found {
                    tokens: k..k + 1,
                    span: cx.span(k..k + 1),
                    ..f.clone()
                });
                covered[k] = true;
            }
        }
        if found.len() != before {
            found.sort_by_key(|f| (f.span.start, f.span.end));
        }
    }

    /// A name repeats what its first coded mention got: `Maxenergy` after `Bestbieter
    /// Maxenergy` is the same company, in any later or earlier sentence. Mentions the
    /// recogniser made of the same words without a code or sector take them; the same
    /// words where no mention is become one (names the cues made only, so a common word
    /// stays common).
    fn same_name(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let mut known: HashMap<Vec<&str>, usize> = HashMap::new();
        // the first mention with a code wins over an earlier one without (`Kapsch
        // TrafficCom` in a teaser, then `des österreichischen Mautanbieters Kapsch
        // TrafficCom`)
        let mut keys: Vec<(Vec<&str>, usize)> = Vec::new();
        for (i, f) in found.iter().enumerate() {
            if f.kind == EntityKind::Organization
                && f.kb.is_none()
                && f.sector.is_some()
                && matches!(f.rule, Rule::Name)
            {
                keys.push((cx.strs[f.tokens.clone()].to_vec(), i));
                // the first word of a longer name alone (`Kapsch` after `Kapsch
                // TrafficCom`), when it is no word and no other known name
                let w = cx.strs[f.tokens.start];
                if f.tokens.len() >= 2
                    && capitalised(w)
                    && w.chars().count() > 3
                    && !cx.tokens[f.tokens.start].joined
                    && !self.is_common_word(cx, w)
                    && self.kb.lookup(w).is_empty()
                    && self.form_sector(cx, w).is_none()
                {
                    keys.push((vec![w], i));
                }
            }
        }
        for (key, i) in keys {
            match known.get(&key) {
                Some(&j) if found[j].code.is_some() || found[i].code.is_none() => {}
                _ => {
                    known.insert(key, i);
                }
            }
        }
        if known.is_empty() {
            return;
        }
        let mut updates: Vec<(usize, usize)> = Vec::new();
        for (i, f) in found.iter().enumerate() {
            if f.kb.is_some() || f.sector.is_some() && f.code.is_some() || f.rule != Rule::Name {
                continue;
            }
            if let Some(&j) = known.get(cx.strs[f.tokens.clone()].as_ref()) {
                if j != i {
                    updates.push((i, j));
                }
            }
        }
        for (i, j) in updates {
            let src = found[j].clone();
            let f = &mut found[i];
            if f.sector.is_none() {
                f.kind = src.kind;
                f.sector = src.sector;
            }
            f.code = f.code.clone().or(src.code);
        }
        let mut added = false;
        for k in 0..cx.strs.len() {
            if covered[k] {
                continue;
            }
            // the longest name that matches here (the map's order is arbitrary)
            let best = known
                .iter()
                .filter(|(words, _)| {
                    let r = k..k + words.len();
                    r.end <= cx.strs.len()
                        && cx.strs[r.clone()] == words[..]
                        && !covered[r].iter().any(|c| *c)
                })
                .max_by_key(|(words, &j)| (words.len(), std::cmp::Reverse(j)));
            if let Some((words, &j)) = best {
                let r = k..k + words.len();
                let src = &found[j];
                let mut f = self.company(cx, r.clone(), src.code.clone());
                f.sector = src.sector;
                f.name = src.name.clone();
                found.push(f);
                covered[r].iter_mut().for_each(|c| *c = true);
                added = true;
            }
        }
        if added {
            found.sort_by_key(|f| (f.span.start, f.span.end));
        }
    }

    /// `Der Rückzieher von Spar …` in a headline, then `Die Lebensmittelkette Spar hat …`: a
    /// known organisation whose name is also a word (`Spar`, `Merkur`) is matched only
    /// where its context holds, which the recogniser tests in text order; once the story
    /// has named it, the same capitalised words anywhere, earlier ones included, are it.
    fn confirmed_names(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        // (one entry per name: a party named twenty times is tested once per token)
        let mut named: Vec<(&[&str], usize)> = Vec::new();
        for (i, f) in found.iter().enumerate() {
            if f.kind == EntityKind::Organization
                && f.kb.is_some()
                && f.rule == Rule::Kb(FormType::OrgName)
            {
                let words = &cx.strs[f.tokens.clone()];
                if !named.iter().any(|(w, _)| *w == words) {
                    named.push((words, i));
                }
            }
        }
        if named.is_empty() {
            return;
        }
        let mut added = Vec::new();
        for k in 0..cx.strs.len() {
            if covered[k] || !capitalised(cx.strs[k]) {
                continue;
            }
            let Some(&(_, i)) = named.iter().find(|(words, _)| {
                let r = k..k + words.len();
                words[0] == cx.strs[k]
                    && r.end <= cx.strs.len()
                    && cx.strs[r.clone()] == **words
                    && !covered[r.clone()].iter().any(|c| *c)
                    // (not a compound's first part: `Spar-Filiale` is left to the
                    // compound rules)
                    && !(cx.tokens[r.end - 1].joined && cx.strs.get(r.end) == Some(&"-"))
            }) else {
                continue;
            };
            let src = &found[i];
            let r = k..k + src.tokens.len();
            added.push(Found {
                tokens: r.clone(),
                span: cx.span(r.clone()),
                ..src.clone()
            });
            covered[r].iter_mut().for_each(|c| *c = true);
        }
        if !added.is_empty() {
            found.extend(added);
            found.sort_by_key(|f| (f.span.start, f.span.end));
        }
    }

    /// `Petra Hauser von media.at`, `Joachim Feher von der MediaCom`: a person without a
    /// sector followed by `von`/`bei` (`of`/`from`/`at`) and a coded organisation or outlet
    /// speaks for it; a later mention of the surname follows. German also: a university's
    /// staff have no sector (and are no private persons), and a body named by its noun
    /// (`vom Zollamt`) gives its sector.
    fn speaks_for(&self, cx: &Ctx, found: &mut [Found]) {
        let preps = match self.lang {
            Language::De => DE_FOR,
            Language::En => EN_FOR,
        };
        let mut by_surname: HashMap<&str, (Option<String>, Option<Sector>, bool)> = HashMap::new();
        for k in 0..found.len() {
            if found[k].kind != EntityKind::Person || found[k].sector.is_some() {
                continue;
            }
            let mut j = found[k].tokens.end;
            if !cx.strs.get(j).is_some_and(|w| preps.contains(w)) {
                continue;
            }
            j += 1;
            if cx
                .strs
                .get(j)
                .is_some_and(|w| self.cues.definite.contains(w))
            {
                j += 1;
            }
            // (German: past an adjective, which the tagger may call a noun when it is
            // capitalised as part of a name: `von der Tiermedizinischen Hochschule
            // Hannover`)
            let adjective = |a: usize| {
                cx.upos(a) == Some(Upos::Adj)
                    || capitalised(cx.strs[a])
                        && ["e", "en", "er"].iter().any(|e| cx.strs[a].ends_with(e))
            };
            let at = if self.lang == Language::De && j < cx.strs.len() && adjective(j) {
                j + 1
            } else {
                j
            };
            let o = found[k + 1..]
                .iter()
                .find(|o| o.tokens.start == j || o.tokens.start == at);
            let (code, sector) = match o {
                Some(o) if o.kind == EntityKind::Organization && o.sector.is_some() => {
                    (o.code.clone(), o.sector)
                }
                // `X vom ORF`: an outlet's staff
                Some(o) if o.kind == EntityKind::Media && o.sector.is_some() => {
                    (o.code.clone(), o.sector)
                }
                // `Ursula Siebert von der Tiermedizinischen Hochschule Hannover`: a
                // researcher has the sector of a university, which is none; no private
                // person either
                Some(o)
                    if o.kind == EntityKind::Organization
                        && o.code.is_some()
                        && self.sectorless_body(cx, o) =>
                {
                    (o.code.clone(), None)
                }
                Some(_) => continue,
                // `Roland Engel vom Zollamt St. Pölten`: a body named by its noun (which
                // the recogniser leaves to its place) gives the sector
                None => match self.body_noun_sector(cx, j) {
                    Some(s) => (None, Some(s)),
                    None => continue,
                },
            };
            let p = &mut found[k];
            p.sector = sector;
            p.office = sector.is_none();
            if p.code.is_none() {
                p.code = code;
            }
            if p.tokens.len() >= 2 {
                by_surname.insert(
                    cx.strs[p.tokens.end - 1],
                    (p.code.clone(), p.sector, p.office),
                );
            }
        }
        for f in found.iter_mut() {
            if f.kind == EntityKind::Person && f.tokens.len() == 1 && f.sector.is_none() {
                if let Some((c, s, office)) = by_surname.get(cx.strs[f.tokens.start]) {
                    f.sector = *s;
                    f.office |= *office;
                    f.code = f.code.clone().or_else(|| c.clone());
                }
            }
        }
    }

    /// German: an organisation whose name holds a noun for a body of research, teaching
    /// or culture (`Hochschule Hannover`, `Universität Wien`), or a university the
    /// knowledge base knows by a short name (`Boku`): the gold gives such bodies no
    /// sector, and their staff none either.
    fn sectorless_body(&self, cx: &Ctx, o: &Found) -> bool {
        self.lang == Language::De
            && (cx.strs[o.tokens.clone()].iter().any(|w| {
                let w = w.to_lowercase();
                SECTORLESS_BODIES.iter().any(|e| w.ends_with(e))
            }) || o.kb.as_deref().is_some_and(|id| self.kb.is_university(id)))
    }

    /// German `vom Zollamt`, `der Hamburger Stiftung`: at `j`, past up to two adjectives, a
    /// capitalised noun for a body (an institution, organisation or company noun of this
    /// module's lists) with a sector of its own: that sector. Nouns for persons
    /// (`Minister`) are no body.
    fn body_noun_sector(&self, cx: &Ctx, j: usize) -> Option<Sector> {
        if self.lang != Language::De {
            return None;
        }
        let n = cx.strs.len();
        let k = (j..(j + 3).min(n)).find(|&k| cx.upos(k) != Some(Upos::Adj))?;
        let w = cx.strs[k];
        if !capitalised(w) || !cx.is_noun(k) {
            return None;
        }
        let l = cx.lemma(k).to_lowercase();
        let body = DE_INSTITUTION_ENDS
            .iter()
            .chain(DE_ORG_NOUNS)
            .chain(DE_COMPANY_NOUNS)
            .any(|e| l.ends_with(e));
        body.then(|| self.word_sector(cx, k)).flatten()
    }

    /// The state the story names most among its states and places (a tie names none),
    /// leaving out the mentions `skip` says are undecided.
    fn story_state(found: &[Found], skip: impl Fn(usize) -> bool) -> Option<String> {
        let counts = Self::state_counts(found, skip);
        let max = counts.iter().map(|c| c.1).max()?;
        let mut best = counts.into_iter().filter(|c| c.1 == max);
        let home = best.next()?;
        best.next().is_none().then_some(home.0)
    }

    /// A place name of several states (`Cornwall`: the English county and a town in
    /// Ontario; `Richmond`) follows its context: the reading in the state of the nearest
    /// state or place named within [`NEAR_TOKENS`] tokens (`In Österreich … von Gmunden
    /// bis Amstetten`), else in the state the story names most among its other states and
    /// places. Without such a reading, the knowledge
    /// base's first one stands if it is a hand-written feature (regions, islands: the
    /// referent the data chose) or the most populous town holds at least as many people
    /// as all the others of that name together (`Heidelberg`, `Barcelona`: most who live
    /// in a place of that name live there); otherwise (`Richmond`, `Cambridge`) the place
    /// stays unlinked: no registry id, no state.
    fn place_by_state(&self, cx: &Ctx, found: &mut [Found]) {
        // (index, the readings: kb id, name, state, population, hand feature)
        type Reading = (String, String, String, u64, bool);
        let mut several: Vec<(usize, Vec<Reading>)> = Vec::new();
        for (i, f) in found.iter().enumerate() {
            if f.kind != EntityKind::Place || f.rule != Rule::Kb(FormType::Place) {
                continue;
            }
            let Some(m) = self.kb.longest_at(&cx.strs, f.tokens.start) else {
                continue;
            };
            if m.end != f.tokens.end {
                continue;
            }
            let mut readings: Vec<Reading> = Vec::new();
            for e in self.kb.entries_of(&m).filter(|e| e.form == FormType::Place) {
                if e.code.is_empty() || readings.iter().any(|r| r.2 == e.code) {
                    continue;
                }
                let population = self.kb.place_population(&m, e).unwrap_or(0);
                let feature = !e.kb.starts_with("geonames:");
                readings.push((
                    e.kb.clone(),
                    e.name.clone(),
                    e.code.clone(),
                    population,
                    feature,
                ));
            }
            if readings.len() > 1 {
                several.push((i, readings));
            }
        }
        if several.is_empty() {
            return;
        }
        let undecided = |i: usize| several.iter().any(|(k, _)| *k == i);
        let home = Self::story_state(found, undecided);
        // the states named near each mention (`In Österreich … von Gmunden bis Amstetten`
        // in a story about German floods): token position and state; a state as a
        // compound's first part (`US-Preisgeld`) names no location
        let near: Vec<(usize, String)> = found
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                matches!(f.kind, EntityKind::State | EntityKind::Place)
                    && !matches!(f.rule, Rule::Compound(_))
                    && !undecided(*i)
            })
            .filter_map(|(_, f)| f.state().map(|c| (f.tokens.start, c)))
            .collect();
        for (i, readings) in several {
            let at = found[i].tokens.start;
            let local = near
                .iter()
                .filter(|(k, c)| {
                    k.abs_diff(at) <= NEAR_TOKENS && readings.iter().any(|r| r.2 == *c)
                })
                .min_by_key(|(k, _)| k.abs_diff(at))
                .map(|(_, c)| c.as_str());
            let context = local.or(home.as_deref());
            let chosen = match context.and_then(|h| readings.iter().find(|r| r.2 == h)) {
                Some(r) => Some(r),
                None => {
                    let first = &readings[0];
                    let others: u64 = readings[1..].iter().map(|r| r.3).sum();
                    (first.4 || first.3 >= others).then_some(first)
                }
            };
            let f = &mut found[i];
            match chosen {
                Some((kb, name, state, _, _)) => {
                    f.kb = Some(kb.clone());
                    f.name = name.clone();
                    f.country = Some(state.clone());
                }
                None => {
                    f.kb = None;
                    f.country = None;
                }
            }
        }
    }

    /// How often the story names each state among its states and places, in order of
    /// first mention (skipping the entities `skip` names; `story_state` takes the most of them).
    fn state_counts(found: &[Found], skip: impl Fn(usize) -> bool) -> Vec<(String, usize)> {
        crate::tally(
            found
                .iter()
                .enumerate()
                .filter(|&(i, f)| {
                    matches!(f.kind, EntityKind::State | EntityKind::Place) && !skip(i)
                })
                .filter_map(|(_, f)| f.state()),
        )
    }

    /// Parties (and other organisations) of two states that share a name (`Grünen`:
    /// Germany's and Austria's): the reading of the state the story names most among its
    /// states and places wins over the knowledge base's first reading; where the story has
    /// no such state (a tie: `Bozen – … (SVP) kritisierte die Regierung Österreichs`), the
    /// reading whose state the story names more than the other readings' states (Italy
    /// by `Bozen`, the Swiss party's state never named).
    fn party_by_state(&self, cx: &Ctx, found: &mut [Found]) {
        let counts = Self::state_counts(found, |_| false);
        let named = |c: &str| counts.iter().find(|(k, _)| k == c).map_or(0, |(_, n)| *n);
        let story = Self::story_state(found, |_| false);
        let home = story.as_deref().unwrap_or("");
        // a person coded by a compound on such a name (`die Grünen-Politikerin X`)
        for f in found.iter_mut() {
            let k = f.tokens.start;
            if f.kind != EntityKind::Person || f.kb.is_some() || k == 0 {
                continue;
            }
            let Some(code) = f.code.clone().filter(|c| c != home) else {
                continue;
            };
            let first = if k >= 3 && cx.strs[k - 2] == "-" {
                Some(cx.strs[k - 3])
            } else {
                cx.strs[k - 1].split_once('-').map(|(a, _)| a)
            };
            let Some(first) = first.filter(|w| !w.is_empty()) else {
                continue;
            };
            let entries = self.kb.lookup(first);
            let party_of = |c: &str| {
                entries
                    .iter()
                    .any(|e| e.form == FormType::OrgName && e.code == c)
            };
            if party_of(home) && party_of(&code) {
                f.code = Some(home.to_string());
            }
        }
        // (the organisations moved, by index, with the code they had and the new one)
        let mut moved: Vec<(usize, String, String)> = Vec::new();
        for (i, f) in found.iter_mut().enumerate() {
            if f.kind != EntityKind::Organization
                || !matches!(
                    f.rule,
                    Rule::Kb(FormType::OrgName) | Rule::Compound(FormType::OrgName)
                )
                || f.code.as_deref() == Some(home)
            {
                continue;
            }
            let Some(m) = self.kb.longest_at(&cx.strs, f.tokens.start) else {
                continue;
            };
            let readings = || {
                self.kb
                    .entries_of(&m)
                    .filter(|e| e.form == FormType::OrgName && e.kind == EntityKind::Organization)
            };
            let by_home = readings().find(|e| e.code == home);
            // no reading in the story's state: the one reading whose state it names most
            let by_named = || {
                let best = readings()
                    .map(|e| named(&e.code))
                    .max()
                    .filter(|&n| n > 0)?;
                let mut top = readings().filter(|e| named(&e.code) == best);
                let e = top.next()?;
                top.all(|o| o.code == e.code).then_some(e)
            };
            if let Some(e) = by_home.or_else(by_named) {
                if f.code.as_deref() == Some(e.code.as_str()) {
                    continue;
                }
                if let Some(old) = f.code.replace(e.code.clone()) {
                    moved.push((i, old, e.code.clone()));
                }
                f.kb = Some(e.kb.clone());
                f.name = e.name.clone();
                f.sector = self.kb.org_sector(&e.kb, cx.published).or(e.sector);
            } else if !home.is_empty()
                && readings().next().is_some()
                && readings()
                    .all(|e| e.ambiguous && e.sector == Some(Sector::Pty) && named(&e.code) == 0)
            {
                // `the Liberals` in a Norwegian story: a name the knowledge base gives
                // other states' parties only as an ambiguous one, none of them named in
                // the story, is the story's own party of that name (its sector stays)
                f.code = Some(home.to_string());
                f.kb = None;
                f.name = f.span.get(cx.text).unwrap_or("").to_string();
            }
        }
        // `Luis Durnwalder (SVP)` in a South Tyrol story: `affiliations` gave the person
        // the party's first reading; the person moves with the party, and so do the later
        // mentions of the surname (`Durnwalder`, `Durnwalders`) that took it from there
        for (i, old, new) in moved {
            let Some(p) = i.checked_sub(1).map(|j| &found[j]) else {
                continue;
            };
            if p.kind != EntityKind::Person
                || p.code.as_deref() != Some(old.as_str())
                || cx.strs.get(p.tokens.end) != Some(&"(")
                || found[i].tokens.start != p.tokens.end + 1
            {
                continue;
            }
            let surname = cx.strs[p.tokens.end - 1];
            for f in found.iter_mut() {
                if f.kind == EntityKind::Person
                    && f.kb.is_none()
                    && f.code.as_deref() == Some(old.as_str())
                    && cx.strs[f.tokens.end - 1].starts_with(surname)
                {
                    f.code = Some(new.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ending_keys_reject_other_nouns_and_keep_every_listed_ending() {
        for list in [
            DE_COMPANY_NOUNS,
            EN_COMPANY_NOUNS,
            DE_ORG_NOUNS,
            EN_ORG_NOUNS,
        ] {
            let keys = ending_keys(list);
            // every ending is long enough to have a key, so none is skipped silently
            assert_eq!(keys.len(), list.len());
            for e in list {
                assert!(may_end_in(&keys, e), "{e}");
            }
        }
        let keys = ending_keys(DE_COMPANY_NOUNS);
        // a compound, a capitalised whole word and a hyphen compound's head pass
        for w in [
            "Ökostromanbieter",
            "Bank",
            "Onlinespiele-Entwickler",
            "Zentralbank",
        ] {
            assert!(may_end_in(&keys, w), "{w}");
        }
        // ordinary nouns and short words do not
        for w in ["Regierung", "Haus", "Kind", "EU", "Minister"] {
            assert!(!may_end_in(&keys, w), "{w}");
        }
    }
}
