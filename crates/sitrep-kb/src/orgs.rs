//! International organisations, blocs, non-governmental organisations and armed groups
//! (`data/kb/orgs.tsv`, by hand).
//!
//! Each row has a knowledge-base id (`EU_COMMISSION`) and the actor code an event gets
//! (`EU`): organs act for their organisation, agencies and transnational groups keep their
//! own code, armed groups rooted in one country take its ISO code (the decisions are in the
//! file's header). Besides names, a row lists the nouns that refer back to it once it was
//! named (`die Allianz` → NATO): those are for coreference only and never a first mention.

use crate::states::{self, is_alpha3, State};
use crate::tsv::{KbError, Table};
use sitrep_core::{label_enum, Date, Language, Sector};
use std::collections::{BTreeSet, HashMap};

pub(crate) const ORGS_FILE: &str = "data/kb/orgs.tsv";
pub(crate) const ORGS: &str = include_str!("../../../data/kb/orgs.tsv");

label_enum! {
    /// What an organisation is.
    OrgKind {
        /// an intergovernmental organisation (NATO, UN, OSCE)
        Igo = "igo",
        /// an organ or agency of one (UN Security Council, UNHCR, European Commission)
        Body = "body",
        /// a group of states without a treaty body (G7, BRICS, the West)
        Bloc = "bloc",
        /// a non-governmental organisation (Red Cross, Amnesty International)
        Ngo = "ngo",
        /// an armed group (IS, Hamas, the Wagner group)
        Armed = "armed",
        /// a political movement that is not armed (Fatah, PLO)
        Movement = "movement",
    }
}

/// An organisation of the knowledge base.
#[derive(Debug, Clone)]
pub struct Org {
    /// The knowledge-base id (unique; never an ISO alpha-3 code).
    pub id: String,
    pub kind: OrgKind,
    /// The actor code events get: an org id (`UN`, `IS`) or an ISO alpha-3 (`PSE`).
    pub actor: String,
    /// The sector its name signals by itself (none for the West).
    pub sector: Option<Sector>,
    /// The organisation it belongs to (`UNSC` → `UN`).
    pub parent: Option<String>,
    pub de_names: Vec<String>,
    pub en_names: Vec<String>,
    /// Nouns that refer back to it once named, without article (`Allianz`).
    pub de_coref: Vec<String>,
    pub en_coref: Vec<String>,
    /// Names that may also mean something else.
    pub ambiguous: Vec<String>,
    /// Later sectors, from a date on (`TALIBAN`: GOV from 2021-08-15), in date order.
    pub sector_since: Vec<(Date, Sector)>,
    pub note: String,
}

/// How a text refers to an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// one of its names: a mention on its own
    Name,
    /// a noun that refers back to it once it was named (coreference only)
    Coref,
}

impl Org {
    pub fn names(&self, lang: Language) -> &[String] {
        match lang {
            Language::De => &self.de_names,
            Language::En => &self.en_names,
        }
    }

    pub fn coref(&self, lang: Language) -> &[String] {
        match lang {
            Language::De => &self.de_coref,
            Language::En => &self.en_coref,
        }
    }

    pub fn is_ambiguous(&self, name: &str) -> bool {
        self.ambiguous.iter().any(|a| a == name)
    }

    /// The sector valid on `date` (the row's sector when no date is known).
    pub fn sector_on(&self, date: Option<Date>) -> Option<Sector> {
        let Some(date) = date else { return self.sector };
        self.sector_since
            .iter()
            .rev()
            .find(|(since, _)| *since <= date)
            .map(|(_, s)| Some(*s))
            .unwrap_or(self.sector)
    }
}

const ARTICLES_DE: &[&str] = &["der ", "die ", "das ", "des ", "dem ", "den "];
const ARTICLES_EN: &[&str] = &["the ", "The "];

/// Organisations that `text` names in `lang`, and how. A text with a definite article
/// (`die Allianz`, `the alliance`) is looked up as a coreference noun without it; a bare
/// text as a name and as a coreference noun.
pub fn lookup<'a>(orgs: &'a [Org], lang: Language, text: &str) -> Vec<(&'a Org, Role)> {
    let articles = match lang {
        Language::De => ARTICLES_DE,
        Language::En => ARTICLES_EN,
    };
    let bare = articles.iter().find_map(|a| text.strip_prefix(a));
    let mut out = Vec::new();
    for o in orgs {
        if o.names(lang)
            .iter()
            .any(|n| n == text || Some(n.as_str()) == bare)
        {
            out.push((o, Role::Name));
        } else if o
            .coref(lang)
            .iter()
            .any(|n| n == text || Some(n.as_str()) == bare)
        {
            out.push((o, Role::Coref));
        }
    }
    out
}

/// Parses and checks `data/kb/orgs.tsv`.
pub fn load() -> Result<Vec<Org>, KbError> {
    let iso = states::generated_codes()?;
    let table = Table::parse(ORGS_FILE, ORGS)?;
    let mut orgs: Vec<Org> = Vec::new();
    let mut lines = HashMap::new();
    for row in table.rows() {
        let id = row.require("code")?;
        if !id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(row.error(format!("code {id:?}: capitals, digits and _ only")));
        }
        if iso.contains(id) {
            return Err(row.error(format!("code {id} is an ISO 3166-1 code")));
        }
        if lines.insert(id.to_string(), row.line).is_some() {
            return Err(row.error(format!("{id} twice")));
        }
        let kind: OrgKind = row.require("kind")?.parse().map_err(|e| row.error(e))?;
        let sector = match row.get("sector") {
            "" => None,
            s => Some(s.parse::<Sector>().map_err(|e| row.error(e))?),
        };
        let mut sector_since = Vec::new();
        for item in row.list("sector_since") {
            let (d, s) = item
                .split_once(':')
                .ok_or_else(|| row.error(format!("sector_since {item:?}: YYYY-MM-DD:SECTOR")))?;
            let date: Date = d
                .parse()
                .map_err(|e| row.error(format!("sector_since: {e}")))?;
            let s: Sector = s.parse().map_err(|e| row.error(e))?;
            if sector_since.last().is_some_and(|(last, _)| *last >= date) {
                return Err(row.error("sector_since: dates out of order"));
            }
            sector_since.push((date, s));
        }
        let list = |c: &str| {
            row.list(c)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let org = Org {
            id: id.to_string(),
            kind,
            actor: row.require("actor")?.to_string(),
            sector,
            parent: match row.get("parent") {
                "" => None,
                p => Some(p.to_string()),
            },
            de_names: list("de_names"),
            en_names: list("en_names"),
            de_coref: list("de_coref"),
            en_coref: list("en_coref"),
            ambiguous: list("ambiguous"),
            sector_since,
            note: row.get("note").to_string(),
        };
        if org.de_names.is_empty() || org.en_names.is_empty() {
            return Err(row.error("a name in each language is required"));
        }
        for a in &org.ambiguous {
            if !org.de_names.contains(a) && !org.en_names.contains(a) {
                return Err(row.error(format!("ambiguous name {a:?} is none of this row's names")));
            }
        }
        orgs.push(org);
    }
    let ids: BTreeSet<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
    for o in &orgs {
        let err = |reason: String| KbError {
            file: ORGS_FILE,
            line: lines[&o.id],
            reason,
        };
        if !(ids.contains(o.actor.as_str()) || is_alpha3(&o.actor) && iso.contains(&o.actor)) {
            return Err(err(format!(
                "actor {} is neither an id here nor an ISO code",
                o.actor
            )));
        }
        if let Some(p) = &o.parent {
            if !ids.contains(p.as_str()) {
                return Err(err(format!("parent {p} is not an id here")));
            }
        }
        if (o.kind == OrgKind::Body) && o.parent.is_none() {
            return Err(err("a body names its parent".into()));
        }
    }
    check_shared_names(&orgs, &lines)?;
    Ok(orgs)
}

/// No name may belong to two organisations unless both mark it ambiguous.
fn check_shared_names(orgs: &[Org], lines: &HashMap<String, usize>) -> Result<(), KbError> {
    let mut seen: HashMap<(Language, &str), &Org> = HashMap::new();
    for o in orgs {
        for lang in Language::ALL {
            for n in o.names(lang) {
                match seen.get(&(lang, n.as_str())) {
                    Some(other) if !(o.is_ambiguous(n) && other.is_ambiguous(n)) => {
                        return Err(KbError {
                            file: ORGS_FILE,
                            line: lines[&o.id],
                            reason: format!(
                                "{lang} name {n:?} of {} is also a name of {}; mark it ambiguous in both rows",
                                o.id, other.id
                            ),
                        })
                    }
                    Some(_) => {}
                    None => {
                        seen.insert((lang, n.as_str()), o);
                    }
                }
            }
        }
    }
    Ok(())
}

/// No organisation name may be a form of a state unless both mark it ambiguous
/// (`Brüssel` is Belgium's capital and stands for the EU).
pub fn check_against_states(orgs: &[Org], states: &[State]) -> Result<(), KbError> {
    let mut forms: HashMap<(Language, &str), (&State, bool)> = HashMap::new();
    for s in states {
        for f in &s.forms {
            let e = forms
                .entry((f.lang, f.text.as_str()))
                .or_insert((s, f.ambiguous));
            e.1 &= f.ambiguous;
        }
    }
    for o in orgs {
        for lang in Language::ALL {
            for n in o.names(lang) {
                if let Some((s, ambiguous)) = forms.get(&(lang, n.as_str())) {
                    if !(*ambiguous && o.is_ambiguous(n)) {
                        return Err(KbError {
                            file: ORGS_FILE,
                            line: 0,
                            reason: format!(
                                "{lang} name {n:?} of {} is also a form of {}; mark it ambiguous in both",
                                o.id, s.code
                            ),
                        });
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{De, En};

    fn orgs() -> Vec<Org> {
        load().unwrap_or_else(|e| panic!("{e}"))
    }

    fn found(orgs: &[Org], lang: Language, text: &str) -> Vec<(String, String, Role)> {
        lookup(orgs, lang, text)
            .into_iter()
            .map(|(o, r)| (o.id.clone(), o.actor.clone(), r))
            .collect()
    }

    #[test]
    fn parses_with_unique_codes_and_no_clash_with_states() {
        let o = orgs();
        assert!(o.len() >= 90, "{}", o.len());
        let states = crate::states::load().unwrap();
        check_against_states(&o, &states).unwrap_or_else(|e| panic!("{e}"));
        for id in [
            "NATO",
            "EU",
            "UN",
            "UNSC",
            "UNGA",
            "UNHCR",
            "UNICEF",
            "WFP",
            "OSCE",
            "AU",
            "ARAB_LEAGUE",
            "ASEAN",
            "G7",
            "G20",
            "IAEA",
            "OPCW",
            "ICC",
            "ICJ",
            "IMF",
            "WORLD_BANK",
            "WHO",
            "WTO",
            "OPEC",
            "RED_CROSS",
            "MSF",
            "AMNESTY",
            "HRW",
            "CSTO",
            "SCO",
            "BRICS",
            "GCC",
            "ECOWAS",
            "MERCOSUR",
            "COE",
            "EU_COMMISSION",
            "EU_PARLIAMENT",
            "EU_COUNCIL",
            "WST",
            "IS",
            "AL_QAEDA",
            "AL_SHABAAB",
            "BOKO_HARAM",
            "HEZBOLLAH",
            "HAMAS",
            "TALIBAN",
            "WAGNER",
            "HOUTHIS",
        ] {
            assert!(o.iter().any(|x| x.id == id), "{id} missing");
        }
    }

    #[test]
    fn lookups() {
        let o = orgs();
        // a coreference noun may fit several organisations (Opec+ is an alliance too): the
        // entity stage takes the one named last; it is never a mention on its own
        let allianz = found(&o, De, "die Allianz");
        assert!(
            allianz.contains(&("NATO".into(), "NATO".into(), Role::Coref)),
            "{allianz:?}"
        );
        assert!(allianz.iter().all(|(_, _, r)| *r == Role::Coref));
        assert!(found(&o, En, "the alliance").contains(&(
            "NATO".into(),
            "NATO".into(),
            Role::Coref
        )));
        assert_eq!(
            found(&o, De, "Nato"),
            [("NATO".into(), "NATO".into(), Role::Name)]
        );
        assert_eq!(
            found(&o, En, "Daesh"),
            [("IS".into(), "IS".into(), Role::Name)]
        );
        assert_eq!(
            found(&o, De, "Daesh"),
            [("IS".into(), "IS".into(), Role::Name)]
        );
        assert_eq!(
            found(&o, De, "UNO"),
            [("UN".into(), "UN".into(), Role::Name)]
        );
        assert_eq!(found(&o, De, "die Vereinten Nationen")[0].0, "UN");
        assert_eq!(
            found(&o, De, "Weltsicherheitsrat"),
            [("UNSC".into(), "UN".into(), Role::Name)]
        );
        assert_eq!(
            found(&o, De, "der Westen"),
            [("WST".into(), "WST".into(), Role::Name)]
        );
        assert_eq!(
            found(&o, En, "the West"),
            [("WST".into(), "WST".into(), Role::Name)]
        );
        assert_eq!(found(&o, De, "Hamas")[0].1, "PSE");
        assert_eq!(found(&o, De, "Hisbollah")[0].1, "LBN");
        assert_eq!(found(&o, En, "Houthis")[0].1, "YEM");
        assert_eq!(found(&o, En, "Wagner Group")[0].1, "RUS");
        assert_eq!(found(&o, De, "EU-Kommission")[0].1, "EU");
        assert_eq!(found(&o, De, "IWF")[0].0, "IMF");
        assert_eq!(found(&o, En, "ICRC")[0].1, "RED_CROSS");
        let rsf = found(&o, En, "RSF");
        assert_eq!(rsf.len(), 2);
        assert!(lookup(&o, En, "RSF")
            .iter()
            .all(|(o, _)| o.is_ambiguous("RSF")));
    }

    #[test]
    fn sectors_and_dates() {
        let o = orgs();
        let get = |id: &str| o.iter().find(|x| x.id == id).unwrap();
        assert_eq!(get("ICC").sector, Some(Sector::Jud));
        assert_eq!(get("EU_PARLIAMENT").sector, Some(Sector::Leg));
        assert_eq!(get("WAGNER").sector, Some(Sector::Mil));
        assert_eq!(get("WST").sector, None);
        let taliban = get("TALIBAN");
        assert_eq!(taliban.sector_on(Date::new(2020, 1, 1)), Some(Sector::Reb));
        assert_eq!(taliban.sector_on(Date::new(2021, 8, 15)), Some(Sector::Gov));
        assert_eq!(taliban.sector_on(None), Some(Sector::Reb));
    }
}
