//! How far an attribute reaches beyond the words of its own clause: a cited source over
//! the reported speech after it (and not over the author's own sentences), a speaker for
//! events a clause reports or whose subject is a role phrase or a pronoun, a reporting
//! clause after the content, the sentence's only place, an addressee that is no place, and
//! what follows from a condition. Each assertion names what broke.

mod common;

use common::analyze;
use sitrep_core::{Analysis, Event, EventType, Language, Modality};

fn event(a: &Analysis, ty: EventType) -> &Event {
    a.events
        .iter()
        .find(|e| e.event_type == ty)
        .unwrap_or_else(|| panic!("no {ty:?} in {:?}", a.events))
}

fn cited(e: &Event) -> Vec<&str> {
    e.reported_by.iter().map(|c| c.text.as_str()).collect()
}

fn speaker(e: &Event) -> &str {
    e.speaker.as_ref().map_or("-", |s| s.name.as_str())
}

#[test]
fn a_citation_covers_the_sentence_that_points_back_to_it() {
    // `nach ersten Erkenntnissen` goes on with what the police said
    let a = analyze(
        Language::De,
        "Wie die Polizei mitteilte, wurden am Samstag drei Männer festgenommen. Nach ersten Erkenntnissen griffen Rechtsextreme die Männer an.",
    );
    let e = event(&a, EventType::Assault);
    assert_eq!(cited(e), ["die Polizei"], "anaphor carries the police");
    // `den Schriftstücken zufolge`: the documents the paper published
    let a = analyze(
        Language::De,
        "Die spanische Zeitung „El País“ veröffentlichte die Antworten. Den Schriftstücken zufolge lehnen die USA die Vorschläge Russlands ab.",
    );
    let e = event(&a, EventType::Reject);
    assert!(
        cited(e).iter().any(|c| c.contains("El País")),
        "back-reference to the paper: {:?}",
        cited(e)
    );
    // English `according to the report`
    let a = analyze(
        Language::En,
        "According to Reuters, the ministers met in Geneva. According to the report, Russia also attacked Ukraine.",
    );
    let e = event(&a, EventType::Assault);
    assert_eq!(cited(e), ["Reuters"], "anaphor carries Reuters (English)");
}

#[test]
fn a_citation_covers_reported_speech_but_not_the_authors_sentences() {
    let a = analyze(
        Language::De,
        "Laut Reuters trafen sich die Außenminister in Genf. Die Ukraine sei von Russland angegriffen worden.",
    );
    let e = event(&a, EventType::Assault);
    assert_eq!(
        cited(e),
        ["Reuters"],
        "Konjunktiv I goes on with the source"
    );
    let a = analyze(
        Language::De,
        "Laut Reuters trafen sich die Außenminister in Genf. Russland hat die Ukraine angegriffen.",
    );
    let e = event(&a, EventType::Assault);
    assert!(
        cited(e).is_empty(),
        "the author's indicative: {:?}",
        cited(e)
    );
    // a new paragraph ends the citation's reach
    let a = analyze(
        Language::De,
        "Laut Reuters trafen sich die Außenminister in Genf.\n\nDie Ukraine sei von Russland angegriffen worden.",
    );
    let e = event(&a, EventType::Assault);
    assert!(cited(e).is_empty(), "across a paragraph: {:?}", cited(e));
}

#[test]
fn told_a_medium_cites_it() {
    let a = analyze(
        Language::De,
        "Der Minister hat gegenüber dem ORF Salzburg die Universität kritisiert.",
    );
    let e = event(&a, EventType::Accuse);
    assert_eq!(
        cited(e),
        ["dem ORF Salzburg"],
        "gegenüber + medium and its studio"
    );
}

#[test]
fn the_sentences_speaker_says_what_its_content_reports() {
    // a verbal event in the content is the speaker's, not its source person's
    let a = analyze(
        Language::De,
        "Die Italiener müssen Innenminister Angelino Alfano dankbar sein, sagte Maurizio Lupi.",
    );
    assert_eq!(speaker(event(&a, EventType::Support)), "Maurizio Lupi");
    // a reporting clause with any verb after the content
    let a = analyze(
        Language::De,
        "Wenn es nötig ist, werden wir weitere Grenzzäune errichten, wich Johanna Mikl-Leitner nicht vom Kurs ab.",
    );
    let e = event(&a, EventType::Coerce);
    assert_eq!(
        speaker(e),
        "Johanna Mikl-Leitner",
        "trailing reporting clause"
    );
    assert_eq!(
        e.modality,
        Modality::Conditional,
        "what follows from `wenn`"
    );
}

#[test]
fn a_role_phrase_or_pronoun_subject_names_the_speaker() {
    // the role word names the person it titled before, not the last person named
    let a = analyze(
        Language::De,
        "Bundeskanzler Olaf Scholz traf am Montag Emmanuel Macron. Am Abend kritisierte der Bundeskanzler die Regierung Ungarns.",
    );
    assert_eq!(speaker(event(&a, EventType::Accuse)), "Olaf Scholz");
    // a name in the subject's role phrase
    let a = analyze(
        Language::De,
        "Vizekanzler und ÖVP-Obmann Reinhold Mitterlehner will auf gute Zusammenarbeit mit der SPÖ setzen.",
    );
    assert_eq!(
        speaker(event(&a, EventType::Agree)),
        "Reinhold Mitterlehner"
    );
    // `sie`: the last speaker, not the last person named
    let a = analyze(
        Language::De,
        "Das sei inakzeptabel, sagte Annalena Baerbock nach einem Treffen mit Péter Szijjártó. Sie kritisierte die Regierung Ungarns scharf.",
    );
    assert_eq!(speaker(event(&a, EventType::Accuse)), "Annalena Baerbock");
}

#[test]
fn places_beyond_the_clause_and_addressees() {
    // the place of the infinitive clause is the sentence's only one; `an Russland` after a
    // noun is an addressee
    let a = analyze(
        Language::De,
        "So sind die USA ihrer Antwort an Russland zufolge bereit, eine Stationierung von Raketen in der Ukraine auszuschließen.",
    );
    let e = event(&a, EventType::Agree);
    let places: Vec<&str> = e.location.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(places, ["Ukraine"], "location");
    let a = analyze(
        Language::De,
        "Die EU kritisierte in einem Brief an Russland die Truppenbewegungen.",
    );
    let e = event(&a, EventType::Accuse);
    assert!(
        e.location.is_empty(),
        "addressee as place: {:?}",
        e.location
    );
    // a place after a noun is still where (`Kontrollen am Brenner`)
    let a = analyze(
        Language::De,
        "Nach dem Verzicht auf Kontrollen am Brenner begrüßte Angelino Alfano die Einigung mit Österreich.",
    );
    let e = event(&a, EventType::Support);
    assert!(
        e.location.iter().any(|p| p.text == "Brenner"),
        "place after a noun: {:?}",
        e.location
    );
}

#[test]
fn english_conditions_make_what_follows_conditional() {
    let a = analyze(
        Language::En,
        "If Russia attacks, NATO will impose sanctions on Moscow.",
    );
    assert_eq!(
        event(&a, EventType::Sanction).modality,
        Modality::Conditional
    );
}

#[test]
fn the_territory_of_an_act_of_force_is_the_place() {
    // `Besetzung von X`, `the bombing of X`: the state an act of force is done to is where
    // it happens; `von` after another noun names no place
    let a = analyze(
        Language::De,
        "Die Abgeordneten der EU warnten vor einer russischen Besetzung von Belarus.",
    );
    let e = event(&a, EventType::Accuse);
    let places: Vec<&str> = e.location.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(places, ["Belarus"], "location of Besetzung von");
    let a = analyze(Language::En, "France condemned the bombing of Syria.");
    let e = event(&a, EventType::Accuse);
    let places: Vec<&str> = e.location.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(places, ["Syria"], "location of the bombing of");
    let a = analyze(Language::De, "Die EU kritisierte den Bericht von Russland.");
    let e = event(&a, EventType::Accuse);
    assert!(
        e.location.is_empty(),
        "von after a plain noun: {:?}",
        e.location
    );
}

#[test]
fn a_verbal_event_counts_only_its_people() {
    // a number of people in a trial's or a motion's clause counts its participants; other
    // numbers there count nothing of a verbal event
    let a = analyze(
        Language::De,
        "Drei Männer müssen sich vor einem Gericht in Wien wegen Betrugs verantworten.",
    );
    let e = event(&a, EventType::Accuse);
    assert_eq!(
        e.quantity.as_ref().and_then(|q| q.value),
        Some(3.0),
        "people on trial: {:?}",
        e.quantity
    );
    let a = analyze(
        Language::De,
        "Die Regierung Ungarns kritisierte die Kosten von 30 Millionen Euro scharf.",
    );
    let e = event(&a, EventType::Accuse);
    assert!(e.quantity.is_none(), "money counted: {:?}", e.quantity);
}
