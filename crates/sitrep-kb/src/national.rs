//! National organisations (`data/kb/orgs-national.tsv`, by hand): parties, companies,
//! sports clubs and bodies, institutions and universities that belong to one state (or to
//! none, like FIFA), with the actor code and sector their name signals. International
//! bodies are in [`crate::orgs`], state organs in [`crate::states`], media in
//! [`crate::media`].

use crate::tsv::{KbError, Table};
use sitrep_core::{label_enum, Language, Sector};
use std::collections::HashSet;

pub const FILE: &str = "data/kb/orgs-national.tsv";
pub(crate) const TEXT: &str = include_str!("../../../data/kb/orgs-national.tsv");

label_enum! {
    /// What a national organisation is (a closed list).
    NationalKind {
        Party = "party", Company = "company", Club = "club", Institution = "institution",
        University = "university",
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalOrg {
    pub id: &'static str,
    pub kind: NationalKind,
    /// ISO alpha-3 of its state; `None` for bodies of no state.
    pub country: Option<&'static str>,
    pub sector: Option<Sector>,
    pub de: Vec<&'static str>,
    pub en: Vec<&'static str>,
    /// Names that need context (an article, a verb, or the organisation named before).
    pub ambiguous: Vec<&'static str>,
    /// Names that are also words for members (`Sozialdemokraten`): only after the
    /// organisation was named.
    pub context: Vec<&'static str>,
}

impl NationalOrg {
    pub fn names(&self, lang: Language) -> &[&'static str] {
        match lang {
            Language::De => &self.de,
            Language::En => &self.en,
        }
    }
}

/// Parses and checks the embedded file.
pub fn load() -> Result<Vec<NationalOrg>, KbError> {
    let iso = crate::states::generated_codes()?;
    let table = Table::parse(FILE, TEXT)?;
    let mut out = Vec::with_capacity(table.len());
    let mut ids = HashSet::new();
    for row in table.rows() {
        let id = row.require("id")?;
        if !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(row.error(format!("id {id:?} is not a lower-case slug")));
        }
        if !ids.insert(id) {
            return Err(row.error(format!("id {id} twice")));
        }
        let country = match row.get("country") {
            "" => None,
            c if iso.contains(c) => Some(c),
            c => return Err(row.error(format!("country {c} is no ISO 3166-1 code"))),
        };
        let sector = match row.get("sector") {
            "" => None,
            s => Some(s.parse::<Sector>().map_err(|e| row.error(e))?),
        };
        let org = NationalOrg {
            id,
            kind: row.require("kind")?.parse().map_err(|e| row.error(e))?,
            country,
            sector,
            de: row.list("de"),
            en: row.list("en"),
            ambiguous: row.list("ambiguous"),
            context: row.list("context"),
        };
        if org.de.is_empty() || org.en.is_empty() {
            return Err(row.error("a name in each language is required"));
        }
        if let Some(a) = org
            .ambiguous
            .iter()
            .chain(&org.context)
            .find(|a| !org.de.contains(a) && !org.en.contains(a))
        {
            return Err(row.error(format!("ambiguous name {a:?} is none of this row's names")));
        }
        out.push(org);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_does_not_repeat_other_tables() {
        let orgs = load().unwrap_or_else(|e| panic!("{e}"));
        assert!(orgs.len() > 200, "{}", orgs.len());
        let cdu = orgs.iter().find(|o| o.id == "cdu").unwrap();
        assert_eq!((cdu.country, cdu.sector), (Some("DEU"), Some(Sector::Pty)));
        // an organisation lives in one table: no unambiguous name here is a name of an
        // international organisation or an outlet
        let intl = crate::orgs::load().unwrap();
        let media = crate::media::load().unwrap();
        for o in &orgs {
            for lang in Language::ALL {
                for n in o
                    .names(lang)
                    .iter()
                    .filter(|n| !o.ambiguous.contains(n) && !o.context.contains(n))
                {
                    assert!(
                        !intl.iter().any(|i| i.names(lang).iter().any(|x| x == n)),
                        "{n} ({}) is also in orgs.tsv",
                        o.id
                    );
                    assert!(
                        !media.iter().any(|m| m.names().any(|x| x == *n)),
                        "{n} ({}) is also in media.tsv",
                        o.id
                    );
                }
            }
        }
    }
}
