//! Words that signal an actor's sector (`Regierung` → GOV, `Streitkräfte` → MIL), in German
//! and English (`data/kb/sectors.tsv`, by hand), and how compounds inherit them.
//!
//! [`resolve`] finds the sector of a lemma: the word itself if listed; else the longest
//! listed head it ends in (`Finanzminister` ← `Minister`, `finance minister` ← `minister`),
//! where an *office* head (`Präsident`, `Minister`, `officer`) yields to a first part with a
//! sector of its own (`Polizeipräsident` → COP); else the longest listed first part
//! (`Militärsprecher` → MIL, `rebel commander` → REB).

use crate::tsv::{KbError, Table};
use sitrep_core::{label_enum, Language, Sector};
use std::collections::HashMap;

pub(crate) const SECTORS_FILE: &str = "data/kb/sectors.tsv";
pub(crate) const SECTORS: &str = include_str!("../../../data/kb/sectors.tsv");

label_enum! {
    /// How words built on a sector word inherit its sector.
    Compound {
        /// only the word itself
        No = "no",
        /// words ending in it (`Verteidigungsminister` ← `Minister`)
        Head = "head",
        /// like head, but a first part with a sector wins (`Polizeipräsident` → COP)
        Office = "office",
        /// words beginning with one of its first forms (`Regierungssprecher` ← `Regierungs`)
        First = "first",
        /// head and first
        Both = "both",
    }
}

impl Compound {
    fn is_head(self) -> bool {
        matches!(self, Compound::Head | Compound::Office | Compound::Both)
    }
    fn is_first(self) -> bool {
        matches!(self, Compound::First | Compound::Both)
    }
}

/// One sector word.
#[derive(Debug, Clone)]
pub struct SectorWord {
    pub lang: Language,
    pub lemma: String,
    pub sector: Sector,
    pub compound: Compound,
    /// Its forms as a first part (`Regierungs`) or, in English, as a modifier.
    pub first_forms: Vec<String>,
    /// Other lemma forms (`Ministerin`, `troops`).
    pub variants: Vec<String>,
    pub note: String,
}

impl SectorWord {
    /// The lemma and its variants.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.lemma.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// How [`resolve`] found a sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// the word is listed
    Word,
    /// the word ends in a listed head
    Head,
    /// the word begins with a listed first part
    First,
}

/// The sector of `word` (a lemma; compounds and multiword terms allowed), the entry that
/// gave it, and how.
pub fn resolve<'a>(
    words: &'a [SectorWord],
    lang: Language,
    word: &str,
) -> Option<(Sector, Via, &'a SectorWord)> {
    let w = word.trim().to_lowercase();
    let of_lang = || words.iter().filter(move |e| e.lang == lang);
    if let Some(e) = of_lang().find(|e| e.forms().any(|f| f.to_lowercase() == w)) {
        return Some((e.sector, Via::Word, e));
    }
    // the longest head the word ends in
    let mut head: Option<(usize, &SectorWord)> = None;
    for e in of_lang().filter(|e| e.compound.is_head()) {
        for f in e.forms() {
            let f = f.to_lowercase();
            if ends_with_head(lang, &w, &f) && head.is_none_or(|(len, _)| f.len() > len) {
                head = Some((f.len(), e));
            }
        }
    }
    let first = || {
        let mut best: Option<(usize, &SectorWord)> = None;
        for e in of_lang().filter(|e| e.compound.is_first()) {
            for f in &e.first_forms {
                let f = f.to_lowercase();
                if starts_with_first(lang, &w, &f) && best.is_none_or(|(len, _)| f.len() > len) {
                    best = Some((f.len(), e));
                }
            }
        }
        best.map(|(_, e)| (e.sector, Via::First, e))
    };
    match head {
        Some((_, e)) if e.compound == Compound::Office => first()
            .filter(|(s, _, _)| *s != e.sector)
            .or(Some((e.sector, Via::Head, e))),
        Some((_, e)) => Some((e.sector, Via::Head, e)),
        None => first(),
    }
}

/// German: any proper suffix (`finanzminister` ends in `minister`, `nato-truppe` in
/// `truppe`); English: the last words after a space or hyphen.
fn ends_with_head(lang: Language, w: &str, head: &str) -> bool {
    if w.len() <= head.len() || !w.ends_with(head) {
        return false;
    }
    match lang {
        Language::De => true,
        Language::En => matches!(w.as_bytes()[w.len() - head.len() - 1], b' ' | b'-'),
    }
}

fn starts_with_first(lang: Language, w: &str, first: &str) -> bool {
    if w.len() <= first.len() || !w.starts_with(first) {
        return false;
    }
    match lang {
        Language::De => true,
        Language::En => matches!(w.as_bytes()[first.len()], b' ' | b'-'),
    }
}

/// Parses and checks `data/kb/sectors.tsv`: known languages, sectors and compound kinds;
/// first forms exactly where the word works as a first part; no form listed twice in a
/// language.
pub fn load() -> Result<Vec<SectorWord>, KbError> {
    let table = Table::parse(SECTORS_FILE, SECTORS)?;
    let mut out: Vec<SectorWord> = Vec::new();
    let mut seen: HashMap<(Language, String), usize> = HashMap::new();
    for row in table.rows() {
        let lang = match row.require("lang")? {
            "de" => Language::De,
            "en" => Language::En,
            l => return Err(row.error(format!("language {l:?} (de or en)"))),
        };
        let sector: Sector = row.require("sector")?.parse().map_err(|e| row.error(e))?;
        let compound: Compound = row.require("compound")?.parse().map_err(|e| row.error(e))?;
        let list = |c: &str| {
            row.list(c)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let word = SectorWord {
            lang,
            lemma: row.require("lemma")?.to_string(),
            sector,
            compound,
            first_forms: list("first_forms"),
            variants: list("variants"),
            note: row.get("note").to_string(),
        };
        if compound.is_first() && word.first_forms.is_empty() {
            return Err(row.error(format!("compound {compound} needs first_forms")));
        }
        for f in word.forms() {
            if let Some(line) = seen.insert((lang, f.to_lowercase()), row.line) {
                return Err(row.error(format!("{f:?} is listed already on line {line}")));
            }
        }
        out.push(word);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{De, En};
    use Sector::*;

    fn words() -> Vec<SectorWord> {
        load().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_sector_has_words_in_both_languages() {
        let w = words();
        for lang in Language::ALL {
            for s in Sector::ALL {
                assert!(
                    w.iter().any(|e| e.lang == lang && e.sector == *s),
                    "{lang} {s}"
                );
            }
        }
    }

    #[test]
    fn resolves_words_and_compounds() {
        let w = words();
        let cases = [
            (De, "Regierung", Gov),
            (De, "Präsidentin", Gov),
            (De, "Bundeskanzler", Gov),
            (De, "Finanzminister", Gov),
            (De, "Verteidigungsminister", Mil),
            (De, "Verteidigungsministerium", Mil),
            (De, "Außenministerin", Dip),
            (De, "Regierungstruppe", Mil),
            (De, "NATO-Truppe", Mil),
            (De, "US-Soldat", Mil),
            (De, "Militärsprecher", Mil),
            (De, "Regierungssprecher", Gov),
            (De, "Polizeipräsident", Cop),
            (De, "Parlamentspräsident", Leg),
            (De, "Rebellenkommandeur", Reb),
            (De, "Oppositionsführer", Opp),
            (De, "Geheimdienstchef", Spy),
            (De, "UN-Botschafter", Dip),
            (De, "Justizminister", Gov),
            (De, "Abgeordnete", Leg),
            (De, "Aufständische", Reb),
            (De, "Demonstrant", Cvl),
            (De, "Staatsmedien", Med),
            (De, "Rüstungskonzern", Bus),
            (En, "government", Gov),
            (En, "finance minister", Gov),
            (En, "defense minister", Mil),
            (En, "foreign minister", Dip),
            (En, "troops", Mil),
            (En, "police chief", Cop),
            (En, "police officer", Cop),
            (En, "intelligence officer", Spy),
            (En, "rebel commander", Reb),
            (En, "rebel forces", Reb),
            (En, "security forces", Cop),
            (En, "opposition leader", Opp),
            (En, "supreme court", Jud),
            (En, "state media", Med),
            (En, "aid group", Ngo),
        ];
        for (lang, word, sector) in cases {
            let got = resolve(&w, lang, word).map(|(s, _, _)| s);
            assert_eq!(got, Some(sector), "{lang} {word}");
        }
        assert!(resolve(&w, De, "Sprecher").is_none());
        assert!(resolve(&w, De, "Generalsekretär").is_none());
        assert!(resolve(&w, En, "spokesman").is_none());
        assert_eq!(
            resolve(&w, De, "Finanzminister").map(|r| r.1),
            Some(Via::Head)
        );
    }
}
