//! Recognition on short general sentences, through the real segmenter and tagger.

use sitrep_core::{Date, Entity, EntityKind, Language, Sector};
use sitrep_entities::EntityRecognizer;
use sitrep_segment::Segmenter;
use sitrep_tag::Tagger;
use std::sync::OnceLock;

struct Lang {
    seg: Segmenter,
    tagger: Tagger,
    rec: EntityRecognizer,
}

fn lang(l: Language) -> &'static Lang {
    static DE: OnceLock<Lang> = OnceLock::new();
    static EN: OnceLock<Lang> = OnceLock::new();
    let cell = match l {
        Language::De => &DE,
        Language::En => &EN,
    };
    cell.get_or_init(|| Lang {
        seg: Segmenter::new(l),
        tagger: Tagger::new(l).unwrap(),
        rec: EntityRecognizer::new(l).unwrap(),
    })
}

fn run(l: Language, text: &str, published: Option<Date>) -> Vec<Entity> {
    let x = lang(l);
    let seg = x.seg.segment(text);
    let mut words = Vec::new();
    let mut buf = Vec::new();
    for s in &seg.sentences {
        let toks = &seg.tokens[s.tokens.start as usize..s.tokens.end as usize];
        x.tagger.tag(text, toks, &mut buf);
        words.append(&mut buf);
    }
    x.rec.recognize(text, &seg.tokens, &words, published)
}

/// The entity with a mention whose text is `m`.
fn by_mention<'a>(es: &'a [Entity], m: &str) -> &'a Entity {
    es.iter()
        .find(|e| e.mentions.iter().any(|x| x.text == m))
        .unwrap_or_else(|| panic!("no mention {m:?} in {es:#?}"))
}

fn code(e: &Entity) -> (Option<&str>, Option<Sector>) {
    (
        e.actor.as_ref().map(|a| a.code.as_str()),
        e.actor.as_ref().and_then(|a| a.sector),
    )
}

#[test]
fn german_compounds_give_code_and_head_sector() {
    let es = run(
        Language::De,
        "Die US-Soldaten verließen das Land. Nach Kreml-Angaben war der NATO-Generalsekretär \
         nicht eingeladen. Die Ukraine-Krise dauert an.",
        None,
    );
    assert_eq!(
        code(by_mention(&es, "US")),
        (Some("USA"), Some(Sector::Mil))
    );
    assert_eq!(
        code(by_mention(&es, "Kreml")),
        (Some("RUS"), Some(Sector::Gov))
    );
    assert_eq!(code(by_mention(&es, "NATO")).0, Some("NATO"));
    assert_eq!(code(by_mention(&es, "Ukraine")).0, Some("UKR"));
}

#[test]
fn unknown_person_takes_code_and_sector_from_descriptor() {
    let es = run(
        Language::De,
        "Der russische UNO-Diplomat Dmitri Poljanski wies die Vorwürfe zurück.",
        None,
    );
    let p = by_mention(&es, "Dmitri Poljanski");
    assert_eq!(p.kind, EntityKind::Person);
    assert_eq!(code(p), (Some("RUS"), Some(Sector::Dip)));
}

#[test]
fn capital_is_a_place_after_a_preposition_and_an_actor_before_a_verb() {
    let es = run(
        Language::De,
        "Washington kritisierte Moskau scharf. Die Gespräche finden in Washington statt.",
        None,
    );
    let actor = es
        .iter()
        .find(|e| e.kind == EntityKind::State && e.mentions.iter().any(|m| m.text == "Washington"))
        .expect("actor reading");
    assert_eq!(code(actor), (Some("USA"), Some(Sector::Gov)));
    let place = es
        .iter()
        .find(|e| e.kind == EntityKind::Place && e.mentions.iter().any(|m| m.text == "Washington"))
        .expect("place reading");
    assert!(place.actor.is_none());

    let es = run(
        Language::En,
        "Moscow said the talks in Moscow had failed.",
        None,
    );
    assert!(es
        .iter()
        .any(|e| e.kind == EntityKind::State && code(e) == (Some("RUS"), Some(Sector::Gov))));
    assert!(es.iter().any(|e| e.kind == EntityKind::Place));
}

#[test]
fn surname_refers_back_to_the_full_name() {
    let es = run(
        Language::En,
        "Prime Minister Boris Johnson met the delegation on Monday. Johnson said the deal was close.",
        Some(Date::new(2020, 6, 1).unwrap()),
    );
    let p = by_mention(&es, "Boris Johnson");
    assert!(p.mentions.iter().any(|m| m.text == "Johnson"), "{p:#?}");
    assert_eq!(code(p), (Some("GBR"), Some(Sector::Gov)));

    let es = run(
        Language::De,
        "Die Schriftstellerin Maria Oberhauser las in Graz. Oberhauser sagte, sie komme wieder.",
        None,
    );
    let p = by_mention(&es, "Maria Oberhauser");
    assert_eq!(p.mentions.len(), 2, "{p:#?}");
}

#[test]
fn role_depends_on_the_publication_date() {
    let text = "Boris Johnson traf am Montag Vertreter der Industrie.";
    let in_office = run(Language::De, text, Some(Date::new(2020, 6, 1).unwrap()));
    assert_eq!(
        code(by_mention(&in_office, "Boris Johnson")).1,
        Some(Sector::Gov)
    );
    let later = run(Language::De, text, Some(Date::new(2024, 6, 1).unwrap()));
    assert_eq!(code(by_mention(&later, "Boris Johnson")).1, None);
}

#[test]
fn definite_description_refers_to_a_named_organisation() {
    let es = run(
        Language::De,
        "Die NATO verstärkt ihre Präsenz im Osten. Die Allianz will zudem mehr Geld ausgeben.",
        None,
    );
    let nato = by_mention(&es, "NATO");
    assert!(
        nato.mentions.iter().any(|m| m.text == "Allianz"),
        "{nato:#?}"
    );
    // without the organisation named before, the noun is no mention
    let es = run(
        Language::De,
        "Die Allianz meldete einen höheren Gewinn.",
        None,
    );
    assert!(
        es.iter()
            .all(|e| e.mentions.iter().all(|m| m.text != "Allianz")),
        "{es:#?}"
    );
}

#[test]
fn adjective_takes_the_sector_of_its_noun() {
    let es = run(
        Language::De,
        "Die russische Regierung wies den Bericht zurück.",
        None,
    );
    assert_eq!(
        code(by_mention(&es, "russische")),
        (Some("RUS"), Some(Sector::Gov))
    );
    let es = run(
        Language::En,
        "The Iraqi interior minister resigned on Tuesday.",
        None,
    );
    assert_eq!(code(by_mention(&es, "Iraqi")).0, Some("IRQ"));
}

#[test]
fn media_context_aliases_need_context() {
    let es = run(
        Language::De,
        "Die Welt ist groß. Das berichtet die „Welt“ am Sonntag.",
        None,
    );
    let media: Vec<&Entity> = es.iter().filter(|e| e.kind == EntityKind::Media).collect();
    assert_eq!(media.len(), 1, "{es:#?}");
    assert_eq!(media[0].mentions.len(), 1);
    let es = run(
        Language::En,
        "The agency said, according to Reuters, that talks continued.",
        None,
    );
    assert!(
        es.iter()
            .any(|e| e.kind == EntityKind::Media && e.kb.as_deref() == Some("reuters")),
        "{es:#?}"
    );
}

#[test]
fn office_words_and_abbreviations_are_not_names() {
    let es = run(
        Language::De,
        "Ministerin Anna Berger besuchte am Montag Wien. Das Außenministerium lieferte 1,5 Mio. Schuss Munition.",
        None,
    );
    let persons: Vec<&str> =
        es.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
    assert!(persons.contains(&"Anna Berger"), "{persons:?}");
    for bad in ["Außenministerium", "Mio. Schuss", "Ministerin Anna Berger"] {
        assert!(!persons.contains(&bad), "{bad} taken for a person: {persons:?}");
    }
}
