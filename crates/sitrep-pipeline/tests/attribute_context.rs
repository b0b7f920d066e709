//! Event attributes that come from beyond the event's sentence: the dateline as the
//! default location and cited source, quotes over several sentences, a quote that goes on
//! after another, and a role phrase (`sagte der CSU-Chef`) that refers back to the person
//! named before. Each assertion names what broke.

mod common;

use common::analyze;
use sitrep_core::{Analysis, EventType, Language};

fn speaker_of<'a>(a: &'a Analysis, words: &str) -> &'a str {
    a.quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?} in {:?}", a.quotes))
        .speaker
        .as_ref()
        .map_or("-", |s| s.name.as_str())
}

#[test]
fn dateline_gives_default_location_and_source() {
    let a = analyze(
        Language::De,
        "Polizei nimmt Verdächtige fest\n\nMOSKAU (dpa) – Die Polizei hat am Montag drei Demonstranten festgenommen.",
    );
    let e = a
        .events
        .iter()
        .find(|e| e.event_type == EventType::Coerce)
        .unwrap_or_else(|| panic!("no COERCE in {:?}", a.events));
    assert!(
        e.location.iter().any(|p| p.text == "MOSKAU"),
        "dateline location: {:?}",
        e.location
    );
    assert!(
        e.reported_by.iter().any(|c| c.text.contains("dpa")),
        "dateline source: {:?}",
        e.reported_by
    );
}

#[test]
fn own_place_beats_the_dateline() {
    let a = analyze(
        Language::De,
        "Wien – Die Polizei hat in Graz drei Demonstranten festgenommen.",
    );
    let e = a
        .events
        .iter()
        .find(|e| e.event_type == EventType::Coerce)
        .unwrap_or_else(|| panic!("no COERCE in {:?}", a.events));
    let places: Vec<&str> = e.location.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(places, ["Graz"], "location");
}

#[test]
fn quote_over_two_sentences_has_the_speaker_after_it() {
    let a = analyze(
        Language::De,
        "„Wir haben alles versucht. Doch Moskau will keine Lösung“, sagte Annalena Baerbock.",
    );
    assert_eq!(speaker_of(&a, "alles versucht"), "Annalena Baerbock");
    assert!(
        a.quotes.iter().any(|q| q.text.contains("versucht. Doch")),
        "one quote over both sentences: {:?}",
        a.quotes
    );
}

#[test]
fn a_quote_goes_on_with_the_speaker_before() {
    let a = analyze(
        Language::En,
        "\"We will not retreat,\" Volodymyr Zelensky said. \"Ukraine will defend itself.\"",
    );
    let sp = speaker_of(&a, "defend itself");
    assert!(sp.contains("Zelensk"), "continued speaker: {sp}");
}

#[test]
fn a_definite_role_refers_back_to_the_person_named() {
    let a = analyze(
        Language::De,
        "Markus Söder kritisierte die Regierung scharf. „Diese Regierung hat keinen Plan“, sagte der CSU-Chef.",
    );
    assert_eq!(speaker_of(&a, "keinen Plan"), "Markus Söder");
    // a spokesperson is someone else: the role names the speaker
    let a = analyze(
        Language::De,
        "Markus Söder kritisierte die Regierung. „Die Ermittlungen laufen“, sagte ein Sprecher der Staatsanwaltschaft.",
    );
    assert_eq!(
        speaker_of(&a, "Ermittlungen"),
        "Sprecher der Staatsanwaltschaft"
    );
}
