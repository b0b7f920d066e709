//! The LSH index: planted copies are found, other documents are not.

use sitrep_dedup::{ConfigError, DedupConfig, Index, MatchKind, MinHasher, SignatureError};

/// Distinct news-like texts: every sentence mixes the document number into its words.
fn doc(n: usize) -> String {
    let places = [
        "Wien",
        "Graz",
        "Linz",
        "Bregenz",
        "Eisenstadt",
        "Sankt Pölten",
        "Villach",
        "Wels",
    ];
    let verbs = [
        "meldete",
        "bestätigte",
        "dementierte",
        "kritisierte",
        "forderte",
        "begrüßte",
    ];
    (0..14)
        .map(|i| {
            let p = places[(n * 3 + i) % places.len()];
            let v = verbs[(n + i * 5) % verbs.len()];
            format!(
                "In {p} {v} die Behörde am Tag {} insgesamt {} Fälle der Gruppe {}. ",
                n * 31 + i,
                n * 97 + i * 13,
                n + i
            )
        })
        .collect()
}

#[test]
fn the_planted_copy_is_found_and_nothing_else() {
    let mut index: Index<String> = Index::new(DedupConfig::default()).unwrap();
    let n = 300;
    for i in 0..n {
        let sig = index.signature(&doc(i));
        index.insert(format!("doc-{i}"), sig).unwrap();
    }
    assert_eq!(index.len(), n);
    // A copy of document 123 with a new headline, a footer and one sentence dropped.
    let original = doc(123);
    let body: Vec<&str> = original.split_inclusive(". ").collect();
    let copy = format!(
        "Behörden melden neue Zahlen. {}{}\n\n(APA, 3.2.2016)",
        body[..6].concat(),
        body[7..].concat()
    );
    let matches = index.matches(&index.signature(&copy)).unwrap();
    assert_eq!(matches.len(), 1, "{matches:?}");
    assert_eq!(matches[0].id, "doc-123");
    assert_eq!(matches[0].kind, MatchKind::NearDuplicate);
    // Every stored document finds itself and only itself.
    for i in (0..n).step_by(37) {
        let m = index.matches(&index.signature(&doc(i))).unwrap();
        let ids: Vec<&String> = m.iter().map(|m| m.id).collect();
        assert_eq!(ids, [&format!("doc-{i}")], "document {i}");
        assert_eq!(m[0].similarity.jaccard, 1.0);
    }
    // A new, unrelated text matches nothing.
    let fresh = index.signature("Ganz andere Nachricht: Der Bürgermeister eröffnete am Sonntag das neue Hallenbad mit einer Rede über Sport und Gesundheit, und viele Familien kamen zum Fest mit Musik bis in den späten Abend hinein.");
    assert!(index.matches(&fresh).unwrap().is_empty());
}

#[test]
fn the_index_grows_one_document_at_a_time() {
    let mut index: Index<u64> = Index::new(DedupConfig::default()).unwrap();
    let a = index.signature(&doc(1));
    assert!(index.candidates(&a).unwrap().is_empty());
    index.insert(7, a.clone()).unwrap();
    assert_eq!(index.candidates(&a).unwrap(), [&7]);
    index.insert(8, index.signature(&doc(2))).unwrap();
    assert_eq!(index.candidates(&a).unwrap(), [&7]);
}

#[test]
fn empty_texts_are_kept_but_never_match() {
    let mut index: Index<u32> = Index::new(DedupConfig::default()).unwrap();
    index.insert(1, index.signature("")).unwrap();
    index.insert(2, index.signature("…")).unwrap();
    assert_eq!(index.len(), 2);
    assert!(index.candidates(&index.signature("")).unwrap().is_empty());
    assert!(index.matches(&index.signature("")).unwrap().is_empty());
}

#[test]
fn signatures_of_other_settings_are_refused() {
    let mut index: Index<u32> = Index::new(DedupConfig::default()).unwrap();
    let other = MinHasher::new(5, 128).signature(&doc(1));
    assert!(matches!(
        index.insert(1, other.clone()),
        Err(SignatureError::Incompatible { .. })
    ));
    assert!(matches!(
        index.matches(&other),
        Err(SignatureError::Incompatible { .. })
    ));
    assert!(index.is_empty());
}

#[test]
fn bad_settings_are_errors() {
    let d = DedupConfig::default();
    assert!(matches!(
        Index::<u32>::new(DedupConfig { shingle: 0, ..d }),
        Err(ConfigError::Shingle(0))
    ));
    assert!(matches!(
        Index::<u32>::new(DedupConfig {
            threshold: 1.5,
            ..d
        }),
        Err(ConfigError::Threshold(_))
    ));
    assert!(matches!(
        Index::<u32>::new(DedupConfig {
            threshold: f64::NAN,
            ..d
        }),
        Err(ConfigError::Threshold(_))
    ));
    assert!(matches!(
        Index::<u32>::new(DedupConfig { bands: 0, ..d }),
        Err(ConfigError::Banding { .. })
    ));
    assert!(matches!(
        Index::<u32>::new(DedupConfig {
            bands: 1000,
            rows: 1000,
            ..d
        }),
        Err(ConfigError::Banding { .. })
    ));
    let msg = DedupConfig { shingle: 300, ..d }
        .validate()
        .unwrap_err()
        .to_string();
    assert!(msg.contains("300"), "{msg}");
}
