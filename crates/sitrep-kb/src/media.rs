//! Media outlets and news agencies with their country and language, for "according to the
//! Washington Post" / "nach Angaben der dpa".
//!
//! Source: `data/kb/media.tsv`. Names come in two kinds: `name` and `aliases` are
//! distinctive enough to match on their own (`Wall Street Journal`, `WSJ`, `dpa`), while
//! `context_aliases` are ordinary words or short forms (`Welt`, `Bild`, `Standard`,
//! `Times`, `Mirror`) that a matcher should accept only with media context: in quotes
//! (`die „Welt“`), after a citing phrase (`berichtet die Welt`, `told the Times`), or
//! once the full name has appeared in the document.

use std::collections::HashSet;

use crate::{KbError, Table};

sitrep_core::label_enum! {
    /// What kind of outlet (a closed list).
    MediaKind {
        Agency = "agency", Newspaper = "newspaper", Broadcaster = "broadcaster",
        Magazine = "magazine", Online = "online",
    }
}

/// One outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// Slug, e.g. `wall-street-journal`; the entity's kb id is `media/<id>`.
    pub id: &'static str,
    pub name: &'static str,
    /// Names safe to match alone.
    pub aliases: Vec<&'static str>,
    /// Names that need media context (quotes, citing verb, or the full name earlier).
    pub context_aliases: Vec<&'static str>,
    pub kind: MediaKind,
    /// ISO 3166-1 alpha-3 of the country the outlet is based in.
    pub country: &'static str,
    /// ISO 639-1 codes of its main languages.
    pub languages: Vec<&'static str>,
    pub note: &'static str,
    pub line: usize,
}

impl Outlet {
    /// The names safe to match alone: `name` then `aliases`, minus any that is also listed
    /// as a context alias (`Bild` is the paper's name and a common noun).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name)
            .chain(self.aliases.iter().copied())
            .filter(|n| !self.context_aliases.contains(n))
    }
}

pub const FILE: &str = "data/kb/media.tsv";
pub(crate) const TEXT: &str = include_str!("../../../data/kb/media.tsv");

/// Parses and checks the embedded media file.
pub fn load() -> Result<Vec<Outlet>, KbError> {
    let table = Table::parse(FILE, TEXT)?;
    let mut out = Vec::with_capacity(table.len());
    let mut ids = HashSet::new();
    for row in table.rows() {
        let id = row.require("id")?;
        if !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(row.error(format!("id {id:?} is not a lowercase slug")));
        }
        if !ids.insert(id) {
            return Err(row.error(format!("duplicate id {id}")));
        }
        let country = row.require("country")?;
        if !(country.len() == 3 && country.bytes().all(|b| b.is_ascii_uppercase())) {
            return Err(row.error(format!("country {country:?} is not ISO alpha-3")));
        }
        let languages = row.list("languages");
        if languages.is_empty() {
            return Err(row.error("missing languages"));
        }
        if let Some(l) = languages
            .iter()
            .find(|l| !(l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase())))
        {
            return Err(row.error(format!("language {l:?} is not ISO 639-1")));
        }
        out.push(Outlet {
            id,
            name: row.require("name")?,
            aliases: row.list("aliases"),
            context_aliases: row.list("context_aliases"),
            kind: row.require("kind")?.parse().map_err(|e| row.error(e))?,
            country,
            languages,
            note: row.get("note"),
            line: row.line,
        });
    }
    Ok(out)
}

/// The outlets a name may refer to: exact match on a name or alias (context aliases only
/// when `with_context`), case-sensitive, as the text writes it.
pub fn lookup<'a>(outlets: &'a [Outlet], name: &str, with_context: bool) -> Vec<&'a Outlet> {
    outlets
        .iter()
        .filter(|o| {
            o.names().any(|n| n == name) || (with_context && o.context_aliases.contains(&name))
        })
        .collect()
}

/// Outlets per kind, and per country (most first).
pub type Coverage = (Vec<(MediaKind, usize)>, Vec<(&'static str, usize)>);

/// Outlets per kind and per country, for the coverage report.
pub fn coverage(outlets: &[Outlet]) -> Coverage {
    let kinds = MediaKind::ALL
        .iter()
        .map(|&k| (k, outlets.iter().filter(|o| o.kind == k).count()))
        .collect();
    let mut countries: Vec<(&'static str, usize)> = Vec::new();
    for o in outlets {
        match countries.iter_mut().find(|(c, _)| *c == o.country) {
            Some((_, n)) => *n += 1,
            None => countries.push((o.country, 1)),
        }
    }
    countries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    (kinds, countries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlets() -> Vec<Outlet> {
        load().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn file_parses_with_enough_outlets() {
        let o = outlets();
        assert!(o.len() >= 150, "{} outlets", o.len());
    }

    #[test]
    fn known_outlets() {
        let o = outlets();
        let one = |name: &str| {
            let hits = lookup(&o, name, false);
            assert_eq!(
                hits.len(),
                1,
                "{name}: {:?}",
                hits.iter().map(|h| h.id).collect::<Vec<_>>()
            );
            (hits[0].country, hits[0].kind)
        };
        assert_eq!(one("Wall Street Journal"), ("USA", MediaKind::Newspaper));
        assert_eq!(one("WSJ"), ("USA", MediaKind::Newspaper));
        assert_eq!(one("dpa"), ("DEU", MediaKind::Agency));
        assert_eq!(one("Deutsche Presse-Agentur"), ("DEU", MediaKind::Agency));
        assert_eq!(one("AP"), ("USA", MediaKind::Agency));
        assert_eq!(one("RIA Nowosti"), ("RUS", MediaKind::Agency));
        assert_eq!(one("RIA Novosti"), ("RUS", MediaKind::Agency));
        assert_eq!(one("El Pais"), ("ESP", MediaKind::Newspaper));
        assert_eq!(one("El País"), ("ESP", MediaKind::Newspaper));
        assert_eq!(one("Al Jazeera"), ("QAT", MediaKind::Broadcaster));
        assert_eq!(one("Neue Zürcher Zeitung"), ("CHE", MediaKind::Newspaper));
        assert_eq!(one("Der Standard"), ("AUT", MediaKind::Newspaper));
        // Common words are never matched without context.
        for word in [
            "Welt",
            "Bild",
            "Standard",
            "Presse",
            "Kurier",
            "Mirror",
            "Times",
            "Post",
            "Sun",
            "Zeit",
            "Spiegel",
            "Stern",
            "Krone",
            "Blick",
            "Mehr",
            "AA",
            "The Times",
            "Guardian",
            "Time",
        ] {
            assert!(
                lookup(&o, word, false).is_empty(),
                "{word} matches without context"
            );
        }
        assert_eq!(lookup(&o, "Welt", true).len(), 1);
    }

    #[test]
    fn safe_names_are_not_ambiguous() {
        let o = outlets();
        let mut seen = std::collections::HashMap::new();
        for x in &o {
            for n in x.names() {
                if let Some(prev) = seen.insert(n, x.id) {
                    panic!("{n} names both {prev} and {}", x.id);
                }
            }
        }
    }

    #[test]
    fn print_coverage() {
        let o = outlets();
        let (kinds, countries) = coverage(&o);
        println!("outlets: {}", o.len());
        for (k, n) in kinds {
            println!("kind {k}: {n}");
        }
        let line: Vec<String> = countries.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!("per country: {}", line.join(", "));
    }
}
