//! Linking rules that run after recognition, over all of a document's mentions: state
//! organs named by a common noun (`das Innenministerium`), companies by their descriptor
//! (`Ökostromanbieter Maxenergy`), legal form or group head (`Sailer-Gruppe`), a name that
//! repeats what an earlier mention of it got, persons by the organisation they speak for
//! (`Petra Hauser von media.at`), and same-name parties of two states by the story's
//! states (`die Grünen` in an Austrian story).

use crate::{capitalised, is_acronym, Ctx, EntityRecognizer, Found, Rule};
use sitrep_core::{EntityKind, Language, Sector, Upos};
use sitrep_kb::matcher::FormType;
use std::collections::HashMap;
use std::ops::Range;

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
    "reederei",
    "brauerei",
    "holding",
    "start-up",
    "startup",
];

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
    "Gruppe", "Konzern", "Holding", "Werke", "Konzerns", "Gruppen",
];

/// Prepositions (and articles) between a person and the organisation they speak for.
const DE_FOR: &[&str] = &["von", "vom", "bei", "beim"];
const EN_FOR: &[&str] = &["of", "from", "at"];

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
            self.group_compounds(cx, found, &mut covered);
        }
        self.company_descriptors(cx, found, &mut covered);
        if found.len() != before {
            found.sort_by_key(|f| (f.span.start, f.span.end));
        }
        self.head_sectors(cx, found);
        self.same_name(cx, found, &mut covered);
        self.speaks_for(cx, found);
        self.party_by_state(cx, found);
    }

    /// `das Innenministerium`, `des Bildungsministeriums`: a ministry named by a compound
    /// common noun is the state's organ, sector from the noun (`Außenministerium` DIP,
    /// else GOV), state from a nationality before it (`das italienische
    /// Gesundheitsministerium`) or a state's genitive after it; without either, the
    /// output's home state gives the code. `der Bund` (the federal state) likewise.
    fn organ_nouns(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        const MINISTRY: &str = "ministerium";
        for (k, &w) in cx.strs.iter().enumerate() {
            // (a compound's tail is lower case: no allocation for the test)
            let stem = w
                .strip_suffix("ministeriums")
                .or_else(|| w.strip_suffix(MINISTRY));
            if covered[k] || stem.is_none() && !matches!(w, "Bund" | "Bundes") || !cx.is_noun(k) {
                continue;
            }
            let ministry = stem.is_some_and(|s| s.chars().count() >= 3 && !s.ends_with('-'));
            let federal = matches!(w, "Bund" | "Bundes")
                && k > 0
                && matches!(
                    cx.strs[k - 1].to_lowercase().as_str(),
                    "der" | "des" | "dem" | "den"
                )
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
            });
            covered[k] = true;
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
                tokens: r.clone(),
                span: cx.span(r.clone()),
                kind: EntityKind::Organization,
                code: self.nationality_before(cx, k),
                sector: Some(Sector::Bus),
                kb: None,
                name: cx.span(r.clone()).get(cx.text).unwrap_or("").to_string(),
                rule: Rule::Name,
                country: None,
            });
            covered[r].iter_mut().for_each(|c| *c = true);
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
        let ends_in = |w: &str, n: &str| {
            w.as_bytes().last() == n.as_bytes().last() && w.ends_with(n)
                || w.len() == n.len()
                    && w.chars()
                        .zip(n.chars())
                        .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
        };
        let company_noun = |k: usize| {
            let w = cx.strs[k];
            // (the tagger often calls a rare compound a name: `Mediaagentur` NE)
            (cx.is_noun(k) || cx.is_proper(k) && capitalised(w))
                && {
                    // German compounds end in the noun (`Ökostromanbieter`); an inflected
                    // form ends in it once the tagger's lemma drops the ending
                    // (`Marktforschers`, `Unternehmens`)
                    let l = cx.lemma(k);
                    nouns.iter().any(|n| ends_in(l, n))
                        || l != w && nouns.iter().any(|n| ends_in(w, n))
                }
                // (`Grenzschutzagentur`, `Nachrichtenagentur`: a noun of another sector)
                && self.word_sector(cx, k).is_none_or(|s| s == Sector::Bus)
        };
        let n = cx.strs.len();
        for k in 0..n.saturating_sub(1) {
            if !company_noun(k) {
                continue;
            }
            let start = k + 1;
            if self.is_first_name(cx, start) {
                continue;
            }
            let code = self.nationality_before(cx, k);
            if let Some(f) = found.iter_mut().find(|f| f.tokens.start == start) {
                let unknown = f.kb.is_none() && matches!(f.rule, Rule::Name);
                match f.kind {
                    EntityKind::Organization if f.sector.is_none() => {
                        f.sector = Some(Sector::Bus);
                        f.code = f.code.clone().or(code);
                    }
                    EntityKind::Person if unknown => {
                        f.kind = EntityKind::Organization;
                        f.sector = Some(Sector::Bus);
                        f.code = code;
                    }
                    _ => {}
                }
                continue;
            }
            let Some(r) = self.name_run(cx, start, covered) else {
                continue;
            };
            found.push(self.company(cx, r.clone(), code));
            covered[r].iter_mut().for_each(|c| *c = true);
        }
        // legal forms and appositions after a name
        for f in found.iter_mut() {
            if f.kind != EntityKind::Organization || f.sector.is_some() {
                continue;
            }
            let e = f.tokens.end;
            let legal = cx
                .strs
                .get(e)
                .is_some_and(|w| self.cues.legal_forms.contains(w));
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

    fn company(&self, cx: &Ctx, r: Range<usize>, code: Option<String>) -> Found {
        Found {
            tokens: r.clone(),
            span: cx.span(r.clone()),
            kind: EntityKind::Organization,
            code,
            sector: Some(Sector::Bus),
            kb: None,
            name: cx.span(r).get(cx.text).unwrap_or("").to_string(),
            rule: Rule::Name,
            country: None,
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
    /// `Petra Hauser, Geschäftsführerin der …`).
    fn head_sectors(&self, cx: &Ctx, found: &mut [Found]) {
        let n = cx.strs.len();
        for f in found.iter_mut() {
            if f.sector.is_some() || f.kb.is_some() || f.rule != Rule::Name {
                continue;
            }
            match f.kind {
                EntityKind::Organization => {
                    f.sector = f
                        .tokens
                        .clone()
                        .filter(|&k| capitalised(cx.strs[k]))
                        .find_map(|k| self.word_sector(cx, k));
                }
                EntityKind::Person => {
                    let e = f.tokens.end;
                    if cx.strs.get(e) != Some(&",") {
                        continue;
                    }
                    // the noun right after the comma, past adjectives (`ehemalige`)
                    let mut j = e + 1;
                    while j < n && j < e + 3 && cx.upos(j) == Some(Upos::Adj) {
                        j += 1;
                    }
                    if j < n && (cx.is_noun(j) || cx.is_proper(j) && capitalised(cx.strs[j])) {
                        if let Some(s) = self.word_sector(cx, j) {
                            f.sector = Some(s);
                            if f.code.is_none() {
                                f.code = self.nationality_before(cx, j);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A name repeats what its first coded mention got: `Maxenergy` after `Bestbieter
    /// Maxenergy` is the same company, in any later or earlier sentence. Mentions the
    /// recogniser made of the same words without a code or sector take them; the same
    /// words where no mention is become one (names the cues made only, so a common word
    /// stays common).
    fn same_name(&self, cx: &Ctx, found: &mut Vec<Found>, covered: &mut [bool]) {
        let mut known: HashMap<Vec<&str>, usize> = HashMap::new();
        for (i, f) in found.iter().enumerate() {
            if f.kind == EntityKind::Organization
                && f.kb.is_none()
                && f.sector.is_some()
                && matches!(f.rule, Rule::Name)
            {
                known.entry(cx.strs[f.tokens.clone()].to_vec()).or_insert(i);
            }
        }
        if known.is_empty() {
            return;
        }
        let mut updates: Vec<(usize, usize)> = Vec::new();
        for (i, f) in found.iter().enumerate() {
            if f.kb.is_some() || f.sector.is_some() || f.rule != Rule::Name {
                continue;
            }
            if let Some(&j) = known.get(cx.strs[f.tokens.clone()].as_ref()) {
                updates.push((i, j));
            }
        }
        for (i, j) in updates {
            let src = found[j].clone();
            let f = &mut found[i];
            f.kind = src.kind;
            f.sector = src.sector;
            f.code = f.code.clone().or(src.code);
        }
        let mut added = false;
        for k in 0..cx.strs.len() {
            if covered[k] {
                continue;
            }
            for (words, &j) in &known {
                let r = k..k + words.len();
                if r.end <= cx.strs.len()
                    && cx.strs[r.clone()] == words[..]
                    && !covered[r.clone()].iter().any(|c| *c)
                {
                    let src = &found[j];
                    let mut f = self.company(cx, r.clone(), src.code.clone());
                    f.sector = src.sector;
                    f.name = src.name.clone();
                    found.push(f);
                    covered[r].iter_mut().for_each(|c| *c = true);
                    added = true;
                    break;
                }
            }
        }
        if added {
            found.sort_by_key(|f| (f.span.start, f.span.end));
        }
    }

    /// `Petra Hauser von media.at`, `Joachim Feher von der MediaCom`: a person without a
    /// sector followed by `von`/`bei` (`of`/`from`/`at`) and a coded organisation speaks
    /// for it; a later mention of the surname follows.
    fn speaks_for(&self, cx: &Ctx, found: &mut [Found]) {
        let preps = match self.lang {
            Language::De => DE_FOR,
            Language::En => EN_FOR,
        };
        let mut by_surname: HashMap<&str, (Option<String>, Option<Sector>)> = HashMap::new();
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
            let Some(o) = found[k + 1..].iter().find(|o| o.tokens.start == j) else {
                continue;
            };
            if o.kind != EntityKind::Organization || o.sector.is_none() {
                continue;
            }
            let (code, sector) = (o.code.clone(), o.sector);
            let p = &mut found[k];
            p.sector = sector;
            if p.code.is_none() {
                p.code = code;
            }
            if p.tokens.len() >= 2 {
                by_surname.insert(cx.strs[p.tokens.end - 1], (p.code.clone(), p.sector));
            }
        }
        for f in found.iter_mut() {
            if f.kind == EntityKind::Person && f.tokens.len() == 1 && f.sector.is_none() {
                if let Some((c, s)) = by_surname.get(cx.strs[f.tokens.start]) {
                    f.sector = *s;
                    f.code = f.code.clone().or_else(|| c.clone());
                }
            }
        }
    }

    /// Parties (and other organisations) of two states that share a name (`Grünen`:
    /// Germany's and Austria's): the reading of the state the story names most among its
    /// states and places wins over the knowledge base's first reading.
    fn party_by_state(&self, cx: &Ctx, found: &mut [Found]) {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for f in found
            .iter()
            .filter(|f| matches!(f.kind, EntityKind::State | EntityKind::Place))
        {
            let Some(c) = f.state() else { continue };
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
        }
        let Some(max) = counts.iter().map(|c| c.1).max() else {
            return;
        };
        let best: Vec<&str> = counts
            .iter()
            .filter(|c| c.1 == max)
            .map(|c| c.0.as_str())
            .collect();
        if best.len() != 1 {
            return;
        }
        let home = best[0];
        for f in found.iter_mut() {
            if f.kind != EntityKind::Organization
                || !matches!(f.rule, Rule::Kb(FormType::OrgName))
                || f.code.as_deref() == Some(home)
            {
                continue;
            }
            let Some(m) = self.kb.longest_at(&cx.strs, f.tokens.start) else {
                continue;
            };
            if let Some(e) = self.kb.entries_of(&m).find(|e| {
                e.form == FormType::OrgName && e.kind == EntityKind::Organization && e.code == home
            }) {
                f.code = f.code.as_ref().map(|_| e.code.clone());
                f.kb = Some(e.kb.clone());
                f.name = e.name.clone();
                f.sector = self.kb.org_sector(&e.kb, cx.published).or(e.sector);
            }
        }
    }
}
