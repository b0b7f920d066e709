//! Event attributes through the whole pipeline: quantity, origin and destination, a date
//! resolved against the publication date, cited sources, speaker and quote, and the
//! analysis's quotes. One case per language; each assertion names the attribute.

use sitrep_core::{Date, Document, EventType, Language};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};

fn analyze(lang: Language, published: &str, text: &str) -> sitrep_core::Analysis {
    let mut d = Document::new("t", text);
    d.language = Some(lang);
    d.published = Some(Date::parse_published(published).unwrap());
    let opts = AnalyzeOptions {
        events: true,
        ..Default::default()
    };
    Pipeline::new().analyze(d, &opts).unwrap()
}

#[test]
fn german_movement_has_quantity_places_date_and_source() {
    // 2022-02-02 is a Wednesday: `am Freitag` in a planned movement is 2022-02-04
    let a = analyze(
        Language::De,
        "2022-02-02",
        "Die USA sollen am Freitag 2.000 Soldaten aus Deutschland nach Polen verlegen, wie die Nachrichtenagentur Reuters berichtete.",
    );
    let e = a
        .events
        .iter()
        .find(|e| e.event_type == EventType::Mobilize)
        .unwrap_or_else(|| panic!("no MOBILIZE in {:?}", a.events));
    let q = e.quantity.as_ref().expect("quantity");
    assert_eq!(q.value, Some(2000.0));
    assert_eq!(q.unit.as_deref(), Some("Soldat"));
    let codes =
        |p: &[sitrep_core::EventPlace]| p.iter().filter_map(|x| x.code.clone()).collect::<Vec<_>>();
    assert_eq!(codes(&e.origin), ["DEU"], "origin");
    assert_eq!(codes(&e.destination), ["POL"], "destination");
    assert_eq!(
        e.date.as_ref().and_then(|d| d.value.as_deref()),
        Some("2022-02-04"),
        "date"
    );
    assert!(
        e.reported_by.iter().any(|c| c.text.contains("Reuters")),
        "reported_by: {:?}",
        e.reported_by
    );
    // the quantity's words are in the text at its span
    assert_eq!(&a.text[q.start as usize..q.end as usize], q.text);
}

#[test]
fn english_accusation_has_speaker_and_quote() {
    let a = analyze(
        Language::En,
        "2024-03-01",
        "Russian Foreign Minister Sergei Lavrov accused Britain of \"open hostility\" on Friday.",
    );
    let e = a
        .events
        .iter()
        .find(|e| e.event_type == EventType::Accuse)
        .unwrap_or_else(|| panic!("no ACCUSE in {:?}", a.events));
    let sp = e.speaker.as_ref().expect("speaker");
    assert!(sp.name.contains("Lavrov"), "speaker {sp:?}");
    assert_eq!(
        e.quote.as_ref().map(|q| q.text.as_str()),
        Some("open hostility")
    );
    assert_eq!(
        e.date.as_ref().and_then(|d| d.value.as_deref()),
        Some("2024-03-01"),
        "on Friday = publication day"
    );
    assert!(
        a.quotes.iter().any(|q| q.text == "open hostility"),
        "quotes: {:?}",
        a.quotes
    );
}

/// A place adjective names the event's place on a noun of territory (`an der ukrainischen
/// Grenze`), and no place on any other noun (`vor einer russischen Besetzung`).
#[test]
fn place_adjectives_name_a_location_only_on_territory_nouns() {
    let cases: &[(Language, &str, EventType, &[&str])] = &[
        (
            Language::De,
            "Russland hat an der ukrainischen Grenze 100.000 Soldaten zusammengezogen.",
            EventType::Mobilize,
            &["UKR"],
        ),
        (
            Language::En,
            "Russia has massed 100,000 troops on the Ukrainian border.",
            EventType::Mobilize,
            &["UKR"],
        ),
        (
            Language::En,
            "Russia deployed tanks along the Belarusian border on Monday.",
            EventType::Mobilize,
            &["BLR"],
        ),
    ];
    for &(lang, text, ty, want) in cases {
        let a = analyze(lang, "2022-01-10", text);
        let e = a
            .events
            .iter()
            .find(|e| e.event_type == ty)
            .unwrap_or_else(|| panic!("no {ty:?} in {text}: {:?}", a.events));
        let got: Vec<_> = e
            .location
            .iter()
            .filter_map(|p| p.code.as_deref())
            .collect();
        assert_eq!(got, want, "{text}");
    }
    // no territory noun: the adjective names no place
    let a = analyze(
        Language::En,
        "2022-01-10",
        "Lawmakers warned of a Russian occupation in a statement on Monday.",
    );
    for e in &a.events {
        assert!(
            e.location.is_empty(),
            "{text:?}: {:?}",
            e.location,
            text = a.text
        );
    }
}
