//! Knowledge-base coverage in one report (`sitrep kb stats`): states, organisations,
//! people with dates, media, places, given names and sector words, per language.
//!
//! Every count is computed from the loaded tables (nothing is cached or hard-coded), so
//! the report changes with the data.

use crate::{media, names, national, orgs, people, places, sectors, states, KbError};
use sitrep_core::Language;
use std::fmt::Write as _;

/// The coverage report as Markdown tables.
pub fn report() -> Result<String, KbError> {
    let states = states::load()?;
    let orgs = orgs::load()?;
    let national = national::load()?;
    let people = people::load()?;
    let outlets = media::load()?;
    let places = places::load()?;
    let first = names::load()?;
    let words = sectors::load()?;
    let mut out = String::new();
    let w = &mut out;
    // writing to a String cannot fail
    let _ = (|| -> std::fmt::Result {
        writeln!(w, "## States and territories (ISO 3166-1)\n")?;
        writeln!(w, "| | count |\n|---|---:|")?;
        writeln!(w, "| entries | {} |", states.len())?;
        for s in states::Status::ALL {
            let n = states.iter().filter(|x| x.status == *s).count();
            writeln!(w, "| status {s} | {n} |")?;
        }
        writeln!(w, "\n| forms | de | en |\n|---|---:|---:|")?;
        for kind in states::FormKind::ALL {
            let n = |lang| states.iter().flat_map(|s| s.forms_of(lang, *kind)).count();
            writeln!(w, "| {kind} | {} | {} |", n(Language::De), n(Language::En))?;
        }

        writeln!(w, "\n| states with ... | de | en |\n|---|---:|---:|")?;
        for kind in [
            states::FormKind::Adjective,
            states::FormKind::Demonym,
            states::FormKind::Capital,
            states::FormKind::Seat,
            states::FormKind::Organ,
        ] {
            let n = |lang| states.iter().filter(|s| s.has(lang, kind)).count();
            writeln!(
                w,
                "| a {kind} | {} | {} |",
                n(Language::De),
                n(Language::En)
            )?;
        }
        let ambiguous = states
            .iter()
            .flat_map(|s| &s.forms)
            .filter(|f| f.ambiguous)
            .count();
        writeln!(w, "\nforms marked ambiguous: {ambiguous}")?;

        writeln!(w, "\n## Organisations\n")?;
        writeln!(w, "| table | kind | count |\n|---|---|---:|")?;
        for k in orgs::OrgKind::ALL {
            let n = orgs.iter().filter(|o| o.kind == *k).count();
            writeln!(w, "| international | {k} | {n} |")?;
        }
        for k in national::NationalKind::ALL {
            let n = national.iter().filter(|o| o.kind == *k).count();
            writeln!(w, "| national | {k} | {n} |")?;
        }
        writeln!(w, "| all | | {} |", orgs.len() + national.len())?;
        writeln!(w, "\n| names | de | en |\n|---|---:|---:|")?;
        let n_intl = |lang| orgs.iter().map(|o| o.names(lang).len()).sum::<usize>();
        let n_nat = |lang| national.iter().map(|o| o.names(lang).len()).sum::<usize>();
        let n_coref = |lang| orgs.iter().map(|o| o.coref(lang).len()).sum::<usize>();
        writeln!(
            w,
            "| international names | {} | {} |",
            n_intl(Language::De),
            n_intl(Language::En)
        )?;
        writeln!(
            w,
            "| coreference nouns | {} | {} |",
            n_coref(Language::De),
            n_coref(Language::En)
        )?;
        writeln!(
            w,
            "| national names | {} | {} |",
            n_nat(Language::De),
            n_nat(Language::En)
        )?;

        let c = people::coverage(&people);
        writeln!(w, "\n## People with dates\n")?;
        writeln!(w, "| | count |\n|---|---:|")?;
        writeln!(w, "| people | {} |", c.people)?;
        writeln!(w, "| office terms | {} |", c.terms)?;
        writeln!(w, "| terms with exact dates | {} |", c.exact_dates)?;
        writeln!(w, "| terms still running | {} |", c.current)?;
        writeln!(
            w,
            "| states with office holders | {} |",
            c.per_country.len()
        )?;
        let de_spelling = people.iter().filter(|p| p.name_de != p.name_en).count();
        writeln!(
            w,
            "| people with a German spelling of their own | {de_spelling} |"
        )?;
        for (o, n) in &c.per_office {
            writeln!(w, "| office {o} | {n} |")?;
        }

        let (kinds, countries) = media::coverage(&outlets);
        writeln!(w, "\n## Media\n")?;
        writeln!(w, "| | count |\n|---|---:|")?;
        writeln!(w, "| outlets | {} |", outlets.len())?;
        for (k, n) in kinds {
            writeln!(w, "| {k} | {n} |")?;
        }
        writeln!(w, "| countries | {} |", countries.len())?;
        for code in ["de", "en"] {
            let n = outlets
                .iter()
                .filter(|o| o.languages.contains(&code))
                .count();
            writeln!(w, "| publishing in {code} | {n} |")?;
        }

        writeln!(w, "\n## Places\n")?;
        writeln!(w, "| | count |\n|---|---:|")?;
        writeln!(w, "| places | {} |", places.len())?;
        let generated = places.iter().filter(|p| !p.name.is_empty()).count();
        writeln!(
            w,
            "| from GeoNames (`places.generated.tsv`) | {generated} |"
        )?;
        writeln!(
            w,
            "| features by hand (`places.tsv`) | {} |",
            places.len() - generated
        )?;
        let exonyms = places
            .iter()
            .filter(|p| !p.name.is_empty() && (!p.de.is_empty() || !p.en.is_empty()))
            .count();
        writeln!(
            w,
            "| generated places with hand names (exonyms) | {exonyms} |"
        )?;
        let countries: std::collections::BTreeSet<_> =
            places.iter().filter_map(|p| p.country).collect();
        writeln!(w, "| states with places | {} |", countries.len())?;
        for (label, n) in places::coverage(&places) {
            writeln!(w, "| {label} | {n} |")?;
        }

        writeln!(w, "\n## Given names\n")?;
        writeln!(w, "| list | names |\n|---|---:|")?;
        for (l, n) in first.per_lang() {
            writeln!(w, "| {l} | {n} |")?;
        }
        writeln!(w, "| all (distinct) | {} |", first.len())?;

        writeln!(w, "\n## Sector words\n")?;
        writeln!(w, "| sector | de | en |\n|---|---:|---:|")?;
        for s in sitrep_core::Sector::ALL {
            let n = |lang| {
                words
                    .iter()
                    .filter(|x| x.lang == lang && x.sector == *s)
                    .count()
            };
            writeln!(w, "| {s} | {} | {} |", n(Language::De), n(Language::En))?;
        }
        let n = |lang| words.iter().filter(|x| x.lang == lang).count();
        writeln!(w, "| all | {} | {} |", n(Language::De), n(Language::En))?;
        Ok(())
    })();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_counts_every_table() {
        let r = report().unwrap_or_else(|e| panic!("{e}"));
        for heading in [
            "## States",
            "## Organisations",
            "## People with dates",
            "## Media",
            "## Places",
            "## Given names",
            "## Sector words",
        ] {
            assert!(r.contains(heading), "{heading} missing");
        }
        // the counts come from the data: the places line equals the loader's count
        let places = places::load().unwrap();
        assert!(r.contains(&format!("| places | {} |", places.len())));
    }
}
