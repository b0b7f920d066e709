//! Entity recognition and linking: tokens and word analyses in, `entities` out (the
//! `sitrep/1` contract: kind, name, actor `{code, sector}`, knowledge-base id, mentions
//! with byte spans).
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
//!    government (`Washington kritisierte` → USA GOV). Otherwise a place.
//! 3. **Roles by date**: a known person's code and sector come from the office they hold
//!    on the publication date (`people::office_of`); out of office, the sector is left
//!    empty.
//! 4. **Unknown names**: runs of capitalised proper-name tokens (PROPN / NE / NNP) the
//!    knowledge base does not know. A run is a person after a title or office word or next
//!    to a verb of saying, or when it has two or more words; an organisation when it ends in
//!    an organisation head (`AG`, `Partei`, `University`) or is an acronym; a place after a
//!    locative preposition, with a place-name ending or first word (`-straße`, `Bad`), or
//!    when the German lexicon knows it only as a name. Descriptors before a person, or an
//!    apposition before a comma, give its code and sector (`der russische UNO-Diplomat
//!    Dmitri Poljanski` → RUS DIP). The German lexicon vetoes common nouns the tagger took
//!    for names (`im Juni`). Single unknown words without a cue are left out.
//! 5. **Coreference** in the document: a surname alone refers to the earlier person with
//!    that last name (`Johnson` after `Boris Johnson`).
//!
//! Entities are grouped by referent and role: `Russland` and `der Kreml` are two entities
//! (RUS without sector, RUS GOV). A place reading of a capital is a `place` entity without
//! actor, with the state's code as `kb`.

mod cues;

use cues::{cues, Cues};
use sitrep_core::{
    ActorCode, Date, Entity, EntityKind, Language, Mention, Sector, Span, Token, TokenKind, Upos,
};
use sitrep_kb::matcher::{Entry, FormType, Matcher};
use sitrep_kb::KbError;
use sitrep_tag::WordAnalysis;
use std::collections::HashMap;
use std::ops::Range;

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
}

impl Found {
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
    lexicon: Option<sitrep_lexicon::Lexicon>,
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

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    words: &'a [WordAnalysis],
    strs: Vec<&'a str>,
    published: Option<Date>,
}

impl Ctx<'_> {
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
        let last = end.checked_sub(1)?;
        if self.tokens[last].joined
            && self.strs.get(end) == Some(&"-")
            && self.tokens[end].joined
            && end + 1 < self.strs.len()
            && self.tokens[end + 1].kind == TokenKind::Word
        {
            Some(end + 1)
        } else {
            None
        }
    }
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

fn is_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "„" | "“" | "”" | "«" | "»" | "‚" | "‘" | "'" | "›" | "‹"
    )
}

impl EntityRecognizer {
    /// Loads and compiles the knowledge base for `language`.
    pub fn new(language: Language) -> Result<EntityRecognizer, KbError> {
        let lexicon = match language {
            Language::De => sitrep_lexicon::Lexicon::german().ok(),
            Language::En => None,
        };
        Ok(EntityRecognizer {
            lang: language,
            kb: Matcher::new(language)?,
            cues: cues(language),
            lexicon,
        })
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
        let strs: Vec<&str> = tokens
            .iter()
            .map(|t| t.span.get(text).unwrap_or(""))
            .collect();
        let cx = Ctx {
            text,
            tokens,
            words,
            strs,
            published,
        };
        let mut found = Vec::new();
        let mut covered = vec![false; tokens.len()];
        self.kb_pass(&cx, &mut found, &mut covered);
        self.name_pass(&cx, &mut found, &mut covered);
        found.sort_by_key(|f| (f.span.start, f.span.end));
        found
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
                if let Some(f) = self.choose(cx, m.start..m.end, &cands, head, &named) {
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
        r: Range<usize>,
        cands: &[&Entry],
        head: Option<usize>,
        named: &[String],
    ) -> Option<Found> {
        let head_word = head.map(|h| cx.lemma(h));
        self.choose_with_head(cx, r, cands, head_word, named)
    }

    fn choose_with_head(
        &self,
        cx: &Ctx,
        r: Range<usize>,
        cands: &[&Entry],
        head: Option<&str>,
        named: &[String],
    ) -> Option<Found> {
        let prev = r.start.checked_sub(1).map(|p| cx.strs[p]);
        let is_named = |kb: &str| named.iter().any(|k| k == kb);
        let in_compound = head.is_some();
        let head_sector = head.and_then(|h| self.kb.sectors().sector_of_form(h));
        let actor_reading = !in_compound && self.actor_reading(cx, r.clone());
        let place_reading = prev.is_some_and(|p| self.cues.locative.contains(&p));

        // keep the candidates whose context holds
        let ok: Vec<&Entry> = cands
            .iter()
            .copied()
            .filter(|e| match e.form {
                FormType::OrgCoref => {
                    !in_compound
                        && prev.is_some_and(|p| self.cues.definite.contains(&p))
                        && is_named(&e.kb)
                }
                FormType::MediaContext => {
                    is_named(&e.kb)
                        || prev.is_some_and(is_quote)
                        || (r.start.saturating_sub(3)..r.start)
                            .any(|k| self.cues.citing.contains(&cx.strs[k]))
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
                                && self.is_name_token(cx, r.start - 1)) =>
                {
                    false
                }
                FormType::Surname => {
                    is_named(&e.kb)
                        || match cx.published {
                            Some(d) => self.kb.person_role(&e.kb, d).is_some(),
                            None => r.len() == 1 && cx.is_proper(r.start),
                        }
                }
                // `Westen` in `im Westen` is a direction: an ambiguous organisation name
                // needs an article, a verb after it, or an earlier mention
                FormType::OrgName if e.ambiguous => {
                    in_compound
                        || is_named(&e.kb)
                        || actor_reading
                        || prev.is_some_and(|p| self.cues.definite.contains(&p))
                }
                _ => true,
            })
            .collect();
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
        let mut r = r;
        if r.len() > 1 && self.cues.definite.contains(&cx.strs[r.start]) {
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
                    f.name = cx.strs[r.start..r.end].join(" ");
                    f.code = None;
                    f.sector = None;
                }
            }
            FormType::StateName | FormType::Demonym => {
                if in_compound {
                    f.sector = head_sector.or(f.sector);
                }
            }
            FormType::Adjective => {
                f.sector = head_sector.or_else(|| self.noun_sector(cx, r.end));
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
            }
            FormType::Media | FormType::MediaContext => {}
        }
        // an ambiguous form is linked only when its referent is named elsewhere or the
        // reading is clear from the context
        if e.ambiguous
            && !matches!(
                e.form,
                FormType::OrgCoref | FormType::MediaContext | FormType::Surname
            )
            && !is_named(&e.kb)
            && !actor_reading
            && f.kind != EntityKind::Place
            // `der Westen`, `dem Westen` (not `im Westen`): a bloc with its article
            && !(e.form == FormType::OrgName
                && !place_reading
                && prev.is_some_and(|p| self.cues.definite.contains(&p)))
        {
            f.code = None;
        }
        Some(f)
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
        let n = cx.strs.len();
        let mut k = from;
        while k < n && k < from + 4 {
            match cx.upos(k) {
                Some(Upos::Adj) => k += 1,
                _ if cx.is_noun(k) => {
                    if self.lang == Language::En && k + 1 < n && cx.is_noun(k + 1) {
                        let two = format!("{} {}", cx.lemma(k), cx.lemma(k + 1));
                        if let Some(s) = self.kb.sectors().sector(&two) {
                            return Some(s);
                        }
                        k += 1;
                        continue;
                    }
                    if let Some(h) = cx.compound_head(k + 1) {
                        k = h;
                        continue;
                    }
                    return self.word_sector(cx, k);
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

    fn word_sector(&self, cx: &Ctx, k: usize) -> Option<Sector> {
        let s = self.kb.sectors();
        s.sector(cx.lemma(k))
            .or_else(|| s.sector_of_form(cx.strs[k]))
    }

    fn lex(&self, word: &str) -> Lex {
        let Some(lex) = &self.lexicon else {
            return Lex::Unknown;
        };
        let set = lex.stts_set(word);
        let nn = set.contains(sitrep_core::Stts::Nn);
        let ne = set.contains(sitrep_core::Stts::Ne);
        match (nn, ne) {
            (true, true) => Lex::Both,
            (true, false) => Lex::Noun,
            (false, true) => Lex::Name,
            (false, false) => Lex::Unknown,
        }
    }

    fn is_name_token(&self, cx: &Ctx, i: usize) -> bool {
        let s = cx.strs[i];
        // An abbreviation (`Mio.`, `Nr.`) is no part of a name; an initial (`J.`) is.
        let abbreviation = s.ends_with('.') && s.chars().count() > 2;
        cx.tokens[i].kind == TokenKind::Word && capitalised(s) && !abbreviation && cx.is_proper(i)
    }

    /// A name run does not start with an office or institution word (`Ministerin Claire
    /// Dubois`, `Außenministerium`): the tagger often takes those for names. Inside a run
    /// they stay (`Dieter Richter`).
    fn starts_name(&self, cx: &Ctx, i: usize) -> bool {
        self.is_name_token(cx, i) && self.kb.sectors().sector_of_form(cx.strs[i]).is_none()
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
        let mut i = 0;
        while i < n {
            if covered[i] || !self.starts_name(cx, i) {
                i += 1;
                continue;
            }
            // the run of name tokens, particles allowed inside
            let mut j = i + 1;
            let place_head = matches!(self.lex(cx.strs[i]), Lex::Name | Lex::Both);
            while j < n && !covered[j] {
                // after a place name, a common noun the tagger took for a name ends the
                // run (`bei Genf Atomkerne`); surnames that are nouns (`Müller`) do not
                if self.is_name_token(cx, j)
                    && !cx.tokens[j - 1].joined
                    && !(place_head && self.lex(cx.strs[j]) == Lex::Noun)
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
            let r = i..j;
            if let Some(f) = self.classify(cx, r.clone(), &surnames) {
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
            };
        let prev = r.start.checked_sub(1).map(|p| cx.strs[p]);
        let last = *words.last()?;
        // coreference: a surname alone after the full name
        if r.len() == 1 {
            if let Some(p) = surnames.get(last) {
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
        if self.cues.org_heads.contains(&last)
            || self.cues.org_heads.contains(&words[0])
            || (r.len() == 1 && is_acronym(last))
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
        let descriptor = self
            .descriptor(cx, r.start)
            .or_else(|| self.apposition(cx, r.start));
        let titled = prev.is_some_and(|p| self.cues.titles.contains(&p));
        let saying = self.saying_next_to(cx, r.clone());
        if descriptor.is_some() || titled || saying {
            let (code, sector) = descriptor.unwrap_or((None, None));
            return Some(mk(EntityKind::Person, code, sector, None, name, Rule::Name));
        }
        let first_lex = self.lex(words[0]);
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
        if placey || prev.is_some_and(|p| self.cues.locative.contains(&p)) {
            return Some(mk(EntityKind::Place, None, None, None, name, Rule::Name));
        }
        // two or more names: a person, unless the first word is an ordinary German word
        // the tagger took for a name (`Demografische Daten`, `Thema Nummer`); first names
        // are not in the lexicon
        if r.len() >= 2 && !self.is_common_word(words[0]) {
            return Some(mk(EntityKind::Person, None, None, None, name, Rule::Name));
        }
        None
    }

    /// The lexicon knows the word (as written or in lower case) and never as a name.
    fn is_common_word(&self, word: &str) -> bool {
        let Some(lex) = &self.lexicon else {
            return false;
        };
        let set = lex.stts_set_any_case(word);
        !set.is_empty() && !set.contains(sitrep_core::Stts::Ne)
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
        let lo = comma.saturating_sub(6);
        while k > lo {
            k -= 1;
            if cx.is_verb(k) || matches!(cx.strs[k], "," | "." | ";" | ":") {
                return None;
            }
            let sector = self.word_sector(cx, k);
            if cx.is_noun(k) && (sector.is_some() || self.cues.titles.contains(&cx.strs[k])) {
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
        if !cx.is_noun(noun) && !self.cues.titles.contains(&cx.strs[noun]) {
            return None;
        }
        let mut sector = self.word_sector(cx, noun);
        // English: "interior minister"
        if self.lang == Language::En && noun >= 1 && cx.is_noun(noun - 1) {
            let two = format!("{} {}", cx.lemma(noun - 1), cx.lemma(noun));
            if let Some(s) = self.kb.sectors().sector(&two) {
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
            for e in self.kb.lookup(w) {
                match e.form {
                    FormType::Adjective | FormType::StateName | FormType::Seat
                        if state_code.is_none() =>
                    {
                        state_code = Some(e.code.clone())
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
        Some((state_code.or(org_code), sector))
    }
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
                    actor: f.code.clone().map(|code| ActorCode {
                        code,
                        sector: f.sector,
                    }),
                    kb: f.kb.clone(),
                    mentions: vec![mention],
                });
            }
        }
    }
    out
}
