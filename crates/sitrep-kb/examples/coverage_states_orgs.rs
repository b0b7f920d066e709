//! Coverage of the knowledge base's states, organisations and sector words.
//!
//! `cargo run -p sitrep-kb --example coverage_states_orgs` (figures go to
//! `evaluation/reports/kb-coverage.md`).

use sitrep_core::Language;
use sitrep_kb::states::{FormKind, Status};
use sitrep_kb::{orgs, sectors, states};

fn main() -> Result<(), sitrep_kb::KbError> {
    let states = states::load()?;
    let orgs = orgs::load()?;
    orgs::check_against_states(&orgs, &states)?;
    let words = sectors::load()?;

    let by_status = |s: Status| states.iter().filter(|x| x.status == s).count();
    println!("## States and territories\n");
    println!("| | count |\n|---|---|");
    println!("| ISO 3166-1 entries | {} |", states.len());
    for s in Status::ALL {
        println!("| status {s} | {} |", by_status(*s));
    }
    println!("\n| forms | de | en |\n|---|---|---|");
    for kind in FormKind::ALL {
        let n = |lang| states.iter().flat_map(|s| s.forms_of(lang, *kind)).count();
        println!("| {kind} | {} | {} |", n(Language::De), n(Language::En));
    }
    println!("\n| states with ... | de | en |\n|---|---|---|");
    for kind in [
        FormKind::Adjective,
        FormKind::Demonym,
        FormKind::Capital,
        FormKind::Seat,
        FormKind::Organ,
    ] {
        let n = |lang| states.iter().filter(|s| s.has(lang, kind)).count();
        println!("| a {kind} | {} | {} |", n(Language::De), n(Language::En));
    }
    let stems: usize = states.iter().map(|s| s.de_adjective_stems.len()).sum();
    println!("\nGerman adjective stems: {stems}");
    let ambiguous = states
        .iter()
        .flat_map(|s| &s.forms)
        .filter(|f| f.ambiguous)
        .count();
    println!("forms marked ambiguous: {ambiguous}");

    println!("\n## Organisations\n");
    println!("| kind | count |\n|---|---|");
    for k in orgs::OrgKind::ALL {
        println!("| {k} | {} |", orgs.iter().filter(|o| o.kind == *k).count());
    }
    println!("| all | {} |", orgs.len());
    let names = |lang| orgs.iter().map(|o| o.names(lang).len()).sum::<usize>();
    let coref = |lang| orgs.iter().map(|o| o.coref(lang).len()).sum::<usize>();
    println!("\n| | de | en |\n|---|---|---|");
    println!(
        "| names | {} | {} |",
        names(Language::De),
        names(Language::En)
    );
    println!(
        "| coreference nouns | {} | {} |",
        coref(Language::De),
        coref(Language::En)
    );

    println!("\n## Sector words\n");
    println!("| sector | de | en |\n|---|---|---|");
    for s in sitrep_core::Sector::ALL {
        let n = |lang| {
            words
                .iter()
                .filter(|w| w.lang == lang && w.sector == *s)
                .count()
        };
        println!("| {s} | {} | {} |", n(Language::De), n(Language::En));
    }
    let n = |lang| words.iter().filter(|w| w.lang == lang).count();
    let forms = |lang| {
        words
            .iter()
            .filter(|w| w.lang == lang)
            .map(|w| w.forms().count())
            .sum::<usize>()
    };
    println!(
        "| all (lemmas) | {} | {} |",
        n(Language::De),
        n(Language::En)
    );
    println!(
        "| all (lemmas and variants) | {} | {} |",
        forms(Language::De),
        forms(Language::En)
    );
    Ok(())
}
