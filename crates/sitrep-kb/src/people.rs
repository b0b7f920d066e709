//! Office holders with dates: heads of state and government, foreign and defence ministers,
//! the leaders of international bodies, and (`people-domestic.tsv`) other ministers,
//! regional heads, parliaments' presidents, party leaders and officials of the states the
//! corpus names most, so that "a minister is a minister only in office".
//!
//! Sources: `data/kb/people-*.tsv`, one row per (person, office term). The name columns
//! (`name_de`, `aliases`, `surnames`) may be left blank on all but one of a person's rows:
//! they are taken from the row that gives them; a row that repeats them must repeat them
//! exactly. `name_en` is on every row so that each row reads on its own.
//!
//! Dates are `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where only that precision is known
//! ([`PartialDate`]). A term with an empty `end` is current as far as the data knows.
//! [`Term::covers`] treats an imprecise date as the whole month or year (a term *may* cover
//! the day); [`Term::surely_covers`] only counts days the term certainly covers.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use sitrep_core::{Date, Sector};

use crate::{KbError, Table};

sitrep_core::label_enum! {
    /// The offices the knowledge base records (a closed list).
    Office {
        HeadOfState = "head_of_state",
        HeadOfGovernment = "head_of_government",
        ForeignMinister = "foreign_minister",
        DefenceMinister = "defence_minister",
        /// Any other cabinet post (interior, finance, social affairs, …; a vice-chancellor
        /// holds one too): GOV.
        Minister = "minister",
        /// The head of a federal state's or province's government (Landeshauptmann,
        /// Ministerpräsident, Vienna's and Hamburg's mayors): GOV.
        RegionalHead = "regional_head",
        /// President (or one of the presidents) of a national parliament: LEG.
        ParliamentPresident = "parliament_president",
        /// A party's federal leader: PTY.
        PartyLeader = "party_leader",
        /// Another public post whose sector the row states (a chamber's or union's
        /// president: BUS, NGO; a central bank's governor: GOV).
        Official = "official",
        /// UN and NATO secretaries-general.
        SecretaryGeneral = "secretary_general",
        EuCommissionPresident = "eu_commission_president",
        EuCouncilPresident = "eu_council_president",
        EuParliamentPresident = "eu_parliament_president",
        EuHighRepresentative = "eu_high_representative",
        AuCommissionChairperson = "au_commission_chairperson",
    }
}

impl Office {
    /// The sector an office holder acts for unless the row says otherwise (see the data
    /// header): the executive is GOV, defence ministers MIL, parliaments' presidents LEG,
    /// party leaders PTY, officials of international bodies IGO. `None` for
    /// [`Office::Official`], whose row must give the sector.
    pub fn default_sector(self) -> Option<Sector> {
        Some(match self {
            Office::HeadOfState
            | Office::HeadOfGovernment
            | Office::Minister
            | Office::RegionalHead => Sector::Gov,
            // (foreign ministries and ministers are diplomacy: docs/issues/005, Decisions)
            Office::ForeignMinister => Sector::Dip,
            Office::DefenceMinister => Sector::Mil,
            Office::ParliamentPresident => Sector::Leg,
            Office::PartyLeader => Sector::Pty,
            Office::Official => return None,
            Office::SecretaryGeneral
            | Office::EuCommissionPresident
            | Office::EuCouncilPresident
            | Office::EuParliamentPresident
            | Office::EuHighRepresentative
            | Office::AuCommissionChairperson => Sector::Igo,
        })
    }

    /// Which of several offices held on one day a person acts in, lowest first: a state
    /// office before a parliament's chair, a public post, then a party's leadership (a
    /// vice-chancellor who leads his party acts for the government).
    pub fn precedence(self) -> u8 {
        match self {
            Office::HeadOfState | Office::HeadOfGovernment => 0,
            Office::ForeignMinister | Office::DefenceMinister | Office::Minister => 1,
            Office::SecretaryGeneral
            | Office::EuCommissionPresident
            | Office::EuCouncilPresident
            | Office::EuParliamentPresident
            | Office::EuHighRepresentative
            | Office::AuCommissionChairperson => 1,
            Office::RegionalHead => 2,
            Office::ParliamentPresident => 3,
            Office::Official => 4,
            Office::PartyLeader => 5,
        }
    }
}

/// International bodies whose officials are listed under the body's code instead of a state.
pub const BODIES: &[&str] = &["UN", "NATO", "EU", "AU"];

/// A date known to the day, the month or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The first day the date can mean.
    pub fn earliest(self) -> Date {
        let d = Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        d.expect("checked when parsed")
    }

    /// The last day the date can mean.
    pub fn latest(self) -> Date {
        let month = self.month.unwrap_or(12);
        let day = match self.day {
            Some(d) => d,
            None => (28..=31)
                .rev()
                .find(|&d| Date::new(self.year, month, d).is_some())
                .unwrap_or(28),
        };
        Date::new(self.year, month, day).expect("checked when parsed")
    }

    /// Whether the date is known to the day.
    pub fn is_exact(self) -> bool {
        self.day.is_some()
    }
}

impl FromStr for PartialDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("invalid date {s:?} (expected YYYY-MM-DD, YYYY-MM or YYYY)");
        let parts: Vec<&str> = s.split('-').collect();
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        if !matches!(lens.as_slice(), [4] | [4, 2] | [4, 2, 2])
            || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let num = |i: usize| parts.get(i).map(|p| p.parse::<u32>().expect("digits"));
        let year = num(0).expect("one part") as i32;
        let (month, day) = (num(1), num(2));
        if Date::new(year, month.unwrap_or(1), day.unwrap_or(1)).is_none() {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// One term in one office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// ISO 3166-1 alpha-3, or one of [`BODIES`].
    pub country: &'static str,
    pub office: Office,
    pub sector: Sector,
    pub start: PartialDate,
    /// `None`: in office as far as the data knows.
    pub end: Option<PartialDate>,
    /// `acting` in the note: a caretaker or acting holder.
    pub acting: bool,
    /// The source and any caveat, as written in the file (`gk` expanded).
    pub note: String,
    pub file: &'static str,
    pub line: usize,
}

impl Term {
    /// Whether the term may cover `date` (imprecise dates count as their whole month/year).
    ///
    /// An exact `end` is the day the successor took over, so it is not covered
    /// (`start <= date < end`); an imprecise end counts as its whole month or year.
    pub fn covers(&self, date: Date) -> bool {
        self.start.earliest() <= date
            && self.end.is_none_or(|e| {
                if e.is_exact() {
                    date < e.earliest()
                } else {
                    date <= e.latest()
                }
            })
    }

    /// Whether the term certainly covers `date`.
    pub fn surely_covers(&self, date: Date) -> bool {
        self.start.latest() <= date && self.end.is_none_or(|e| date < e.earliest())
    }
}

/// A person with every office term the knowledge base records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Slug, e.g. `vladimir-putin`; the entity's kb id is `person/<id>`.
    pub id: &'static str,
    pub name_en: &'static str,
    /// The German spelling (equal to `name_en` where they do not differ).
    pub name_de: &'static str,
    /// Other spellings and forms (`Zelenskyy`, `Selensky`).
    pub aliases: Vec<&'static str>,
    /// Surnames usable alone for in-document coreference (`Putin`, `Selenskyj`).
    pub surnames: Vec<&'static str>,
    pub terms: Vec<Term>,
}

impl Person {
    /// Every name the person goes by: English, German, aliases (no duplicates).
    pub fn names(&self) -> Vec<&'static str> {
        let mut out = vec![self.name_en];
        for n in std::iter::once(self.name_de).chain(self.aliases.iter().copied()) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    /// The terms that may cover `date`.
    pub fn offices_on(&self, date: Date) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.covers(date))
    }

    /// The role a person acts in on `date`: of the terms that may cover it, the office of
    /// highest [`Office::precedence`] (the first listed among equals).
    pub fn role_on(&self, date: Date) -> Option<&Term> {
        self.offices_on(date).min_by_key(|t| t.office.precedence())
    }

    /// The role in a text without a date: the state of every term if they agree, else
    /// that of the latest term; the sector of every term if they agree, else none. Which
    /// of several offices a text means depends on its date (`Christian Kern`: railway
    /// chief, then chancellor), so no date gives no office-dependent sector.
    pub fn undated_role(&self) -> (Option<&'static str>, Option<Sector>) {
        let Some(last) = self.terms.iter().max_by_key(|t| t.start.earliest()) else {
            return (None, None);
        };
        let sector = self
            .terms
            .iter()
            .all(|t| t.sector == last.sector)
            .then_some(last.sector);
        (Some(last.country), sector)
    }
}

/// The data files, in load order.
pub const SOURCES: &[(&str, &str)] = &[
    (
        "data/kb/people-g20.tsv",
        include_str!("../../../data/kb/people-g20.tsv"),
    ),
    (
        "data/kb/people-news.tsv",
        include_str!("../../../data/kb/people-news.tsv"),
    ),
    (
        "data/kb/people-bodies.tsv",
        include_str!("../../../data/kb/people-bodies.tsv"),
    ),
    (
        "data/kb/people-domestic.tsv",
        include_str!("../../../data/kb/people-domestic.tsv"),
    ),
];

const GK: &str = "from general knowledge; verify";

/// Parses and checks the embedded people files.
pub fn load() -> Result<Vec<Person>, KbError> {
    load_from(SOURCES)
}

/// Parses and checks people files given as (file name, text).
pub fn load_from(sources: &[(&'static str, &'static str)]) -> Result<Vec<Person>, KbError> {
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for &(file, text) in sources {
        let table = Table::parse(file, text)?;
        for row in table.rows() {
            let id = row.require("id")?;
            if !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(row.error(format!("id {id:?} is not a lowercase slug")));
            }
            let name_en = row.require("name_en")?;
            let country = row.require("country")?;
            if !(BODIES.contains(&country)
                || (country.len() == 3 && country.bytes().all(|b| b.is_ascii_uppercase())))
            {
                return Err(row.error(format!(
                    "country {country:?} is neither ISO alpha-3 nor a body"
                )));
            }
            let offices = row
                .list("office")
                .into_iter()
                .map(|o| o.parse::<Office>().map_err(|e| row.error(e)))
                .collect::<Result<Vec<_>, _>>()?;
            if offices.is_empty() {
                return Err(row.error("missing office"));
            }
            let sector = match row.get("sector") {
                "" => None,
                s => Some(s.parse::<Sector>().map_err(|e| row.error(e))?),
            };
            let start: PartialDate = row.require("start")?.parse().map_err(|e| row.error(e))?;
            let end = match row.get("end") {
                "" => None,
                s => Some(s.parse::<PartialDate>().map_err(|e| row.error(e))?),
            };
            if let Some(e) = end {
                if e.latest() < start.earliest() {
                    return Err(row.error(format!("term ends ({e}) before it starts ({start})")));
                }
            }
            let raw_note = row.require("note")?;
            let note = raw_note
                .split(';')
                .map(str::trim)
                .map(|p| if p == "gk" { GK } else { p })
                .collect::<Vec<_>>()
                .join("; ");
            let acting = raw_note
                .split(';')
                .any(|p| p.trim() == "acting" || p.trim().starts_with("acting,"));
            let mut terms = Vec::with_capacity(offices.len());
            for &office in &offices {
                let Some(sector) = sector.or(office.default_sector()) else {
                    return Err(row.error(format!("office {office} needs a sector")));
                };
                terms.push(Term {
                    country,
                    office,
                    sector,
                    start,
                    end,
                    acting,
                    note: note.clone(),
                    file,
                    line: row.line,
                });
            }
            let (name_de, aliases, surnames) = (
                row.get("name_de"),
                row.list("aliases"),
                row.list("surnames"),
            );
            match index.get(id) {
                None => {
                    index.insert(id, people.len());
                    people.push(Person {
                        id,
                        name_en,
                        name_de,
                        aliases,
                        surnames,
                        terms,
                    });
                }
                Some(&i) => {
                    let p = &mut people[i];
                    let mut same = name_en == p.name_en;
                    if !name_de.is_empty() {
                        same &= p.name_de.is_empty() || p.name_de == name_de;
                        p.name_de = name_de;
                    }
                    if !aliases.is_empty() {
                        same &= p.aliases.is_empty() || p.aliases == aliases;
                        p.aliases = aliases;
                    }
                    if !surnames.is_empty() {
                        same &= p.surnames.is_empty() || p.surnames == surnames;
                        p.surnames = surnames;
                    }
                    if !same {
                        return Err(row.error(format!("names of {id} differ from an earlier row")));
                    }
                    p.terms.extend(terms);
                }
            }
        }
    }
    for p in &mut people {
        if p.surnames.is_empty() {
            let t = &p.terms[0];
            return Err(KbError {
                file: t.file,
                line: t.line,
                reason: format!("no row of {} gives surnames", p.id),
            });
        }
        if p.name_de.is_empty() {
            p.name_de = p.name_en;
        }
        for (i, a) in p.terms.iter().enumerate() {
            for b in &p.terms[i + 1..] {
                if a.country == b.country && a.office == b.office && a.start == b.start {
                    return Err(KbError {
                        file: b.file,
                        line: b.line,
                        reason: format!(
                            "{} has two {} terms in {} from {}",
                            p.id, a.office, a.country, a.start
                        ),
                    });
                }
            }
        }
    }
    Ok(people)
}

/// Who may hold `office` for `country` on `date` (imprecise dates count as their whole
/// month or year, so a succession month can give two holders; acting holders included).
pub fn holders<'a>(
    people: &'a [Person],
    country: &str,
    office: Office,
    date: Date,
) -> Vec<(&'a Person, &'a Term)> {
    people
        .iter()
        .flat_map(|p| p.terms.iter().map(move |t| (p, t)))
        .filter(|(_, t)| t.country == country && t.office == office && t.covers(date))
        .collect()
}

/// The offices `person` (an id) may hold on `date`.
pub fn office_of<'a>(people: &'a [Person], person: &str, date: Date) -> Vec<&'a Term> {
    people
        .iter()
        .filter(|p| p.id == person)
        .flat_map(|p| p.offices_on(date))
        .collect()
}

/// Days since an arbitrary epoch (civil-from-days inverse), for differences between dates.
pub fn day_number(d: Date) -> i64 {
    let (y, m, dd) = (d.year() as i64, d.month() as i64, d.day() as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// Counts for the coverage report: people, terms, terms per office and per country.
#[derive(Debug, Default)]
pub struct Coverage {
    pub people: usize,
    pub terms: usize,
    pub per_office: Vec<(Office, usize)>,
    pub per_country: Vec<(&'static str, usize)>,
    pub exact_dates: usize,
    pub current: usize,
}

pub fn coverage(people: &[Person]) -> Coverage {
    let terms: Vec<&Term> = people.iter().flat_map(|p| &p.terms).collect();
    let per_office = Office::ALL
        .iter()
        .map(|&o| (o, terms.iter().filter(|t| t.office == o).count()))
        .collect();
    let mut per_country: HashMap<&'static str, usize> = HashMap::new();
    for t in &terms {
        *per_country.entry(t.country).or_default() += 1;
    }
    let mut per_country: Vec<_> = per_country.into_iter().collect();
    per_country.sort();
    Coverage {
        people: people.len(),
        terms: terms.len(),
        per_office,
        per_country,
        exact_dates: terms
            .iter()
            .filter(|t| t.start.is_exact() && t.end.is_none_or(|e| e.is_exact()))
            .count(),
        current: terms.iter().filter(|t| t.end.is_none()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn people() -> Vec<Person> {
        load().unwrap_or_else(|e| panic!("{e}"))
    }

    fn holder_ids(p: &[Person], c: &str, o: Office, date: &str) -> Vec<&'static str> {
        holders(p, c, o, d(date))
            .iter()
            .map(|(p, _)| p.id)
            .collect()
    }

    #[test]
    fn partial_dates() {
        let p: PartialDate = "2014-10".parse().unwrap();
        assert_eq!(p.earliest(), d("2014-10-01"));
        assert_eq!(p.latest(), d("2014-10-31"));
        let p: PartialDate = "2024".parse().unwrap();
        assert_eq!(p.latest(), d("2024-12-31"));
        let p: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(p.latest(), d("2024-02-29"));
        assert_eq!(p.to_string(), "2024-02");
        for bad in [
            "2024-13",
            "2023-02-29",
            "24-01-01",
            "2024-1-1",
            "",
            "2024-01-01-01",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn files_parse_and_ids_are_slugs() {
        let p = people();
        assert!(p.len() > 300, "{} people", p.len());
        for person in &p {
            assert!(!person.surnames.is_empty());
            for s in &person.surnames {
                assert!(
                    person.names().iter().any(|n| n.contains(s)),
                    "{}: surname {s} in no name",
                    person.id
                );
            }
        }
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        const H: &str = "id\tname_en\tsurnames\tcountry\toffice\tstart\tend\tnote\n";
        let bad = [
            ("x\tX\tX\tRUS\tczar\t2020\t\tgk\n", "unknown Office"),
            ("x\tX\tX\tRU\thead_of_state\t2020\t\tgk\n", "neither ISO"),
            ("x\tX\tX\tRUS\thead_of_state\t2020\t2019\tgk\n", "ends"),
            ("x\tX\tX\tRUS\thead_of_state\t2020-02-30\t\tgk\n", "invalid date"),
            ("x\tX\tX\tRUS\thead_of_state\t2020\t\t\n", "missing note"),
            ("x\tX\t\tRUS\thead_of_state\t2020\t\tgk\n", "surnames"),
            ("X Y\tX\tX\tRUS\thead_of_state\t2020\t\tgk\n", "slug"),
            ("x\tX\tX\tRUS\thead_of_state\t2020\t\tgk\nx\tX\tX\tRUS\thead_of_state\t2020\t\tgk\n", "two"),
            ("x\tX\tX\tRUS\thead_of_state\t2020\t\tgk\nx\tY\tX\tRUS\thead_of_state\t2021\t\tgk\n", "differ"),
            ("x\tX\tX\tAUT\tofficial\t2020\t\tgk\n", "needs a sector"),
        ];
        for (rows, reason) in bad {
            let text: &'static str = Box::leak(format!("{H}{rows}").into_boxed_str());
            let e = load_from(&[("t.tsv", text)]).unwrap_err();
            assert_eq!(e.file, "t.tsv");
            assert!(e.line >= 2, "{e}");
            assert!(e.reason.contains(reason), "{e} (expected {reason})");
        }
        let ok = "x\tX\tX\tRUS\thead_of_state|head_of_government\t2020\t\tgk; acting, as prime minister\n";
        let text: &'static str = Box::leak(format!("{H}{ok}").into_boxed_str());
        let p = load_from(&[("t.tsv", text)]).unwrap();
        assert_eq!(p[0].terms.len(), 2);
        assert!(p[0].terms[0].acting);
        assert_eq!(p[0].terms[1].sector, Sector::Gov);
        assert_eq!(p[0].name_de, "X");
    }

    /// Terms of the same office and country overlap by at most a few days (a handover),
    /// except the deliberate exceptions listed here: co-heads, rival governments and
    /// acting holders who served alongside a titular one.
    #[test]
    fn same_office_terms_do_not_overlap() {
        // (earlier holder, later holder) pairs allowed to overlap. Rival claimants (Guaidó)
        // and interim leaders are marked `acting` in the data instead, and co-heads would be
        // marked `co-head`; none needs an entry today.
        const ALLOWED: &[(&str, &str)] = &[];
        let p = people();
        let mut terms: Vec<(&Person, &Term)> = p
            .iter()
            .flat_map(|x| x.terms.iter().map(move |t| (x, t)))
            .collect();
        terms.sort_by_key(|(_, t)| (t.country, t.office.as_str(), t.start.earliest()));
        let mut problems = Vec::new();
        let pairs = terms
            .iter()
            .enumerate()
            .flat_map(|(i, &a)| terms[i + 1..].iter().map(move |&b| (a, b)));
        for ((pa, a), (pb, b)) in pairs {
            if a.country != b.country || a.office != b.office || a.acting || b.acting {
                continue;
            }
            // several ministers, regional heads, party leaders and officials serve at once
            if matches!(
                a.office,
                Office::Minister
                    | Office::RegionalHead
                    | Office::ParliamentPresident
                    | Office::PartyLeader
                    | Office::Official
            ) {
                continue;
            }
            if a.note.contains("co-head") && b.note.contains("co-head") {
                continue;
            }
            // Certain overlap: a surely still in office after b surely started.
            let Some(a_end) = a.end else {
                problems.push(format!(
                    "{} {} {} has no end but {} follows",
                    a.country, a.office, pa.id, pb.id
                ));
                continue;
            };
            let overlap = day_number(b.start.latest()) - day_number(a_end.earliest());
            if overlap < -7 && !ALLOWED.contains(&(pa.id, pb.id)) {
                problems.push(format!(
                    "{} {}: {} until {} overlaps {} from {} ({} days)",
                    a.country, a.office, pa.id, a_end, pb.id, b.start, -overlap
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn known_facts() {
        let p = people();
        assert_eq!(
            holder_ids(&p, "RUS", Office::HeadOfState, "2022-02-02"),
            ["vladimir-putin"]
        );
        assert_eq!(
            holder_ids(&p, "GBR", Office::HeadOfGovernment, "2022-02-02"),
            ["boris-johnson"]
        );
        assert!(
            !holder_ids(&p, "GBR", Office::HeadOfGovernment, "2023-01-01")
                .contains(&"boris-johnson")
        );
        assert_eq!(
            holder_ids(&p, "GBR", Office::HeadOfGovernment, "2023-01-01"),
            ["rishi-sunak"]
        );
        assert_eq!(
            holder_ids(&p, "NATO", Office::SecretaryGeneral, "2014-10-01"),
            ["jens-stoltenberg"]
        );
        assert_eq!(
            holder_ids(&p, "NATO", Office::SecretaryGeneral, "2024-09-30"),
            ["jens-stoltenberg"]
        );
        assert_eq!(
            holder_ids(&p, "NATO", Office::SecretaryGeneral, "2024-10-02"),
            ["mark-rutte"]
        );
        assert_eq!(
            holder_ids(&p, "NATO", Office::SecretaryGeneral, "2014-09-30"),
            ["anders-fogh-rasmussen"]
        );
        assert_eq!(
            holder_ids(&p, "DEU", Office::HeadOfGovernment, "2021-12-08"),
            ["olaf-scholz"]
        );
        assert_eq!(
            holder_ids(&p, "DEU", Office::HeadOfGovernment, "2021-12-07"),
            ["angela-merkel"]
        );
        assert_eq!(
            holder_ids(&p, "USA", Office::HeadOfState, "2022-02-02"),
            ["joe-biden"]
        );
        assert_eq!(
            holder_ids(&p, "UKR", Office::HeadOfState, "2022-02-24"),
            ["volodymyr-zelenskyy"]
        );
        assert_eq!(
            holder_ids(&p, "RUS", Office::ForeignMinister, "2022-02-02"),
            ["sergey-lavrov"]
        );
        assert_eq!(
            holder_ids(&p, "RUS", Office::HeadOfGovernment, "2011-01-01"),
            ["vladimir-putin"]
        );

        let putin = p.iter().find(|x| x.id == "vladimir-putin").unwrap();
        assert_eq!(putin.name_de, "Wladimir Putin");
        let z = p.iter().find(|x| x.id == "volodymyr-zelenskyy").unwrap();
        assert!(z.names().contains(&"Wolodymyr Selenskyj"));
        assert!(z.surnames.contains(&"Selenskyj") && z.surnames.contains(&"Zelensky"));

        let o: Vec<_> = office_of(&p, "ursula-von-der-leyen", d("2015-06-01"))
            .iter()
            .map(|t| (t.country, t.office))
            .collect();
        assert_eq!(o, [("DEU", Office::DefenceMinister)]);
        let o: Vec<_> = office_of(&p, "ursula-von-der-leyen", d("2022-06-01"))
            .iter()
            .map(|t| (t.country, t.office))
            .collect();
        assert_eq!(o, [("EU", Office::EuCommissionPresident)]);
        assert!(office_of(&p, "boris-johnson", d("2023-06-01")).is_empty());

        // offices below the head of government (people-domestic.tsv), by date
        let role = |id: &str, date: &str| {
            let x = p.iter().find(|x| x.id == id).unwrap();
            x.role_on(d(date)).map(|t| (t.country, t.office, t.sector))
        };
        assert_eq!(
            role("christian-kern", "2015-06-01"),
            Some(("AUT", Office::Official, Sector::Bus))
        );
        assert_eq!(
            role("christian-kern", "2016-06-01"),
            Some(("AUT", Office::HeadOfGovernment, Sector::Gov))
        );
        assert_eq!(
            role("johanna-mikl-leitner", "2015-06-01"),
            Some(("AUT", Office::Minister, Sector::Gov))
        );
        assert_eq!(role("johanna-mikl-leitner", "2016-06-01"), None);
        assert_eq!(
            role("heinz-christian-strache", "2015-06-01"),
            Some(("AUT", Office::PartyLeader, Sector::Pty))
        );
        assert_eq!(
            role("heinz-christian-strache", "2018-06-01"),
            Some(("AUT", Office::Minister, Sector::Gov))
        );
    }

    #[test]
    fn sectors_follow_the_office() {
        let p = people();
        for t in p.iter().flat_map(|x| &x.terms) {
            // an official's row states the sector; every other office has its default
            if let Some(d) = t.office.default_sector() {
                assert_eq!(t.sector, d, "{}:{}", t.file, t.line);
            }
        }
    }

    /// On a date, a person with several offices acts in the state office; without a date
    /// only what every term agrees on is given.
    #[test]
    fn roles_by_precedence_and_without_a_date() {
        const H: &str = "id\tname_en\tsurnames\tcountry\toffice\tsector\tstart\tend\tnote\n";
        let rows = "a\tA B\tB\tAUT\tparty_leader\t\t2014-09\t2017-05\tgk\n\
                    a\tA B\tB\tAUT\tminister\t\t2013-12\t2017-05\tgk\n\
                    c\tC D\tD\tAUT\tofficial\tBUS\t2010\t2016-05-17\tgk\n\
                    c\tC D\tD\tAUT\thead_of_government\t\t2016-05-17\t2017-12-18\tgk\n\
                    e\tE F\tF\tAUT\tminister\t\t2011\t2016\tgk\n\
                    e\tE F\tF\tAUT\tregional_head\t\t2017\t\tgk\n";
        let text: &'static str = Box::leak(format!("{H}{rows}").into_boxed_str());
        let p = load_from(&[("t.tsv", text)]).unwrap_or_else(|e| panic!("{e}"));
        let role = |i: usize, date: &str| p[i].role_on(d(date)).map(|t| (t.office, t.sector));
        assert_eq!(role(0, "2015-06-01"), Some((Office::Minister, Sector::Gov)));
        assert_eq!(role(0, "2014-01-01"), Some((Office::Minister, Sector::Gov)));
        assert_eq!(role(1, "2015-06-01"), Some((Office::Official, Sector::Bus)));
        assert_eq!(
            role(1, "2016-06-01"),
            Some((Office::HeadOfGovernment, Sector::Gov))
        );
        // no date: the party leader and minister, the railway chief and chancellor have no
        // one sector; a minister who became a governor is GOV either way
        assert_eq!(p[0].undated_role(), (Some("AUT"), None));
        assert_eq!(p[1].undated_role(), (Some("AUT"), None));
        assert_eq!(p[2].undated_role(), (Some("AUT"), Some(Sector::Gov)));
    }

    /// Prints the coverage table (run with `--nocapture`; the report quotes it).
    #[test]
    fn print_coverage() {
        let p = people();
        let c = coverage(&p);
        println!(
            "people: {}  terms: {}  exact-dated terms: {}  current: {}",
            c.people, c.terms, c.exact_dates, c.current
        );
        for (o, n) in &c.per_office {
            println!("office {o}: {n}");
        }
        let line: Vec<String> = c
            .per_country
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        println!("per country: {}", line.join(", "));
    }
}
