//! Signatures: similarity estimates, the byte format, stability and odd input.

use sitrep_dedup::{
    DedupConfig, MatchKind, MinHasher, Signature, SignatureError, FORMAT_VERSION, PERMUTATION_SEED,
};

/// A news-like text of `n` sentences whose words all depend on `topic`.
fn article(topic: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "Am {i}. Tag meldete {topic} {} neue Fälle in Bezirk {}, sagte ein Sprecher von {topic}-{} in der Hauptstadt. ",
                i * 17 + 3,
                i * 7 + 1,
                i * 3
            )
        })
        .collect()
}

fn hasher() -> MinHasher {
    DedupConfig::default().hasher()
}

#[test]
fn identical_texts_have_similarity_one() {
    let h = hasher();
    let a = h.signature(&article("Graz", 10));
    let s = a.similarity(&h.signature(&article("Graz", 10))).unwrap();
    assert_eq!(s.jaccard, 1.0);
    assert_eq!(s.first_in_second, 1.0);
    assert_eq!(s.second_in_first, 1.0);
}

#[test]
fn disjoint_texts_have_similarity_near_zero() {
    let h = hasher();
    let a = h.signature("Der Nationalrat beschloss gestern in Wien das neue Budget für das kommende Jahr nach langer Debatte.");
    let b = h.signature("Manchester United lost at home against Liverpool after a late goal in the second half of the match.");
    let s = a.similarity(&b).unwrap();
    assert!(s.jaccard < 0.05, "{s:?}");
    assert_eq!(DedupConfig::default().compare(&a, &b).unwrap(), None);
}

#[test]
fn punctuation_case_and_layout_do_not_matter() {
    let h = hasher();
    let a = h.signature(
        "„Wir bleiben“, sagte Kanzler Faymann – und ging. 2.000 Menschen protestierten.",
    );
    let b = h.signature(
        "\"WIR BLEIBEN\" sagte Kanzler Faymann - und ging.\n\n2.000   Menschen protestierten",
    );
    assert_eq!(a, b);
}

#[test]
fn a_changed_headline_stays_above_the_threshold() {
    let config = DedupConfig::default();
    let h = config.hasher();
    let body = article("Linz", 12);
    let a = h.signature(&format!("Stadt meldet Rekord bei Neuinfektionen. {body}"));
    let b = h.signature(&format!("Neue Höchstwerte: Behörde schlägt Alarm. {body}"));
    let s = a.similarity(&b).unwrap();
    assert!(s.jaccard >= config.threshold, "{s:?}");
    assert_eq!(
        config.compare(&a, &b).unwrap(),
        Some(MatchKind::NearDuplicate)
    );
}

#[test]
fn a_truncated_copy_is_contained_in_the_whole() {
    let config = DedupConfig::default();
    let h = config.hasher();
    let whole = article("Salzburg", 20);
    // `article` writes sentence after sentence, so 9 sentences are a prefix of 20.
    let half = article("Salzburg", 9);
    assert!(whole.starts_with(&half));
    let (short, long) = (h.signature(&half), h.signature(&whole));
    let s = short.similarity(&long).unwrap();
    assert!(
        s.jaccard < config.threshold,
        "a 45 % prefix should need the containment check: {s:?}"
    );
    assert_eq!(
        config.compare(&short, &long).unwrap(),
        Some(MatchKind::ContainedInStored)
    );
    assert_eq!(
        config.compare(&long, &short).unwrap(),
        Some(MatchKind::ContainsStored)
    );
    let no_containment = DedupConfig {
        containment: None,
        ..config
    };
    assert_eq!(no_containment.compare(&short, &long).unwrap(), None);
}

#[test]
fn shared_boilerplate_alone_is_not_a_duplicate() {
    let config = DedupConfig::default();
    let h = config.hasher();
    let plate = "Der vollständige Text dieser Meldung ist aus rechtlichen Gründen leider nicht mehr verfügbar.";
    let a = h.signature(&format!("Regierung einigt sich auf Reform. {plate}"));
    let b = h.signature(&format!("Streik legt Flughafen lahm. {plate}"));
    assert!(a.similarity(&b).unwrap().jaccard >= 0.4);
    assert_eq!(config.compare(&a, &b).unwrap(), None);
}

#[test]
fn bytes_round_trip() {
    let h = hasher();
    let sig = h.signature(&article("Wien", 5));
    let bytes = sig.to_bytes();
    assert_eq!(bytes.len(), 12 + 4 * 128);
    assert_eq!(&bytes[..4], b"SRMH");
    assert_eq!(bytes[4], FORMAT_VERSION);
    assert_eq!(Signature::from_bytes(&bytes).unwrap(), sig);
    let empty = h.signature("");
    assert_eq!(Signature::from_bytes(&empty.to_bytes()).unwrap(), empty);
}

#[test]
fn corrupt_bytes_are_errors() {
    let bytes = hasher().signature(&article("Wien", 5)).to_bytes();
    assert_eq!(
        Signature::from_bytes(&[]),
        Err(SignatureError::Truncated { len: 0 })
    );
    assert_eq!(
        Signature::from_bytes(&bytes[..11]),
        Err(SignatureError::Truncated { len: 11 })
    );
    let mut magic = bytes.clone();
    magic[0] = b'X';
    assert_eq!(Signature::from_bytes(&magic), Err(SignatureError::BadMagic));
    let mut version = bytes.clone();
    version[4] = FORMAT_VERSION + 1;
    assert_eq!(
        Signature::from_bytes(&version),
        Err(SignatureError::UnsupportedVersion {
            found: FORMAT_VERSION + 1
        })
    );
    assert_eq!(
        Signature::from_bytes(&bytes[..bytes.len() - 1]),
        Err(SignatureError::Length {
            expected: 524,
            found: 523
        })
    );
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        Signature::from_bytes(&longer),
        Err(SignatureError::Length { .. })
    ));
    let mut zero = bytes.clone();
    zero[5] = 0;
    assert_eq!(
        Signature::from_bytes(&zero),
        Err(SignatureError::ZeroParameter)
    );
    let err = Signature::from_bytes(&version).unwrap_err().to_string();
    assert!(
        err.contains("version 2") && err.contains("recompute"),
        "{err}"
    );
}

#[test]
fn signatures_of_other_settings_are_not_compared() {
    let text = article("Wien", 5);
    let a = MinHasher::new(3, 128).signature(&text);
    let b = MinHasher::new(4, 128).signature(&text);
    let c = MinHasher::new(3, 64).signature(&text);
    assert!(matches!(
        a.similarity(&b),
        Err(SignatureError::Incompatible { .. })
    ));
    assert!(matches!(
        a.similarity(&c),
        Err(SignatureError::Incompatible { .. })
    ));
}

/// Format 1 from its definition, written out independently of the crate: FNV-1a 64 and
/// MurmurHash3's fmix64 with their published constants, SplitMix64 for the permutation
/// parameters.
mod first_principles {
    pub fn fnv1a64(s: &str) -> u64 {
        s.bytes().fold(14_695_981_039_346_656_037u64, |h, b| {
            (h ^ b as u64).wrapping_mul(1_099_511_628_211)
        })
    }

    pub fn fmix64(mut k: u64) -> u64 {
        k = (k ^ (k >> 33)).wrapping_mul(0xff51afd7ed558ccd);
        k = (k ^ (k >> 33)).wrapping_mul(0xc4ceb9fe1a85ec53);
        k ^ (k >> 33)
    }

    pub fn splitmix(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9e3779b97f4a7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
        z ^ (z >> 31)
    }

    /// The signature of a text given as its normalised shingles.
    pub fn signature(shingles: &[&str], hashes: usize, seed: u64) -> Vec<u32> {
        let mut state = seed;
        let xs: Vec<u64> = shingles.iter().map(|s| fmix64(fnv1a64(s))).collect();
        (0..hashes)
            .map(|_| {
                let a = splitmix(&mut state) | 1;
                let b = splitmix(&mut state);
                xs.iter()
                    .map(|&x| (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32)
                    .min()
                    .unwrap_or(u32::MAX)
            })
            .collect()
    }
}

#[test]
fn a_signature_equals_its_definition() {
    assert_eq!(PERMUTATION_SEED, u64::from_be_bytes(*b"SITREPMH"));
    let h = MinHasher::new(3, 128);
    // Five words, three-word shingles; punctuation and case do not reach the hash.
    let sig = h.signature("Die UNO-Truppen, sagte er.");
    let expected = first_principles::signature(
        &["die uno truppen", "uno truppen sagte", "truppen sagte er"],
        128,
        PERMUTATION_SEED,
    );
    assert_eq!(sig.hashes(), expected.as_slice());
    assert_eq!(sig.shingles(), 3);
    assert_eq!(sig.shingle(), 3);
    // Fewer words than the shingle size: one shingle of all of them.
    let one = MinHasher::new(3, 16).signature("Wien!");
    assert_eq!(
        one.hashes(),
        first_principles::signature(&["wien"], 16, PERMUTATION_SEED).as_slice()
    );
    // A repeated shingle counts once.
    let rep = MinHasher::new(1, 8).signature("ja ja ja nein");
    assert_eq!(rep.shingles(), 2);
    assert_eq!(
        rep.hashes(),
        first_principles::signature(&["ja", "nein"], 8, PERMUTATION_SEED).as_slice()
    );
}

#[test]
fn empty_and_one_word_texts_do_not_panic() {
    let config = DedupConfig::default();
    let h = config.hasher();
    for text in [
        "",
        " ",
        "…",
        "\u{00AD}",
        "Wien",
        "ß",
        "42",
        "\u{0301}a",
        "😀 🙂",
    ] {
        let sig = h.signature(text);
        let back = Signature::from_bytes(&sig.to_bytes()).unwrap();
        assert_eq!(back, sig);
        let other = h.signature("Wien");
        let s = sig.similarity(&other).unwrap();
        assert!((0.0..=1.0).contains(&s.jaccard));
        // Texts this short share fewer than `min_shared` shingles: never near-duplicates.
        assert_eq!(config.compare(&sig, &other).unwrap(), None, "{text:?}");
    }
    let empty = h.signature("");
    assert!(empty.is_empty());
    assert_eq!(
        empty.similarity(&empty).unwrap().jaccard,
        0.0,
        "empty texts match nothing, not even each other"
    );
}

/// Random strings over a mixed alphabet never panic and always round-trip.
#[test]
fn random_texts_never_panic() {
    let alphabet: Vec<char> = "aäßZ0 9.,;–„“\"'\n\t\u{00AD}\u{200B}\u{0308}İΣς😀-"
        .chars()
        .collect();
    let mut state = 99u64;
    let h = MinHasher::new(2, 32);
    for _ in 0..500 {
        let len = (first_principles::splitmix(&mut state) % 60) as usize;
        let text: String = (0..len)
            .map(|_| {
                alphabet[(first_principles::splitmix(&mut state) % alphabet.len() as u64) as usize]
            })
            .collect();
        let sig = h.signature(&text);
        assert_eq!(Signature::from_bytes(&sig.to_bytes()).unwrap(), sig);
        assert_eq!(
            sig.shingles() == 0,
            sitrep_dedup::normalize(&text).is_empty()
        );
    }
}

/// Random bytes, with and without a valid header in front, are an error or a signature,
/// never a panic.
#[test]
fn random_bytes_never_panic() {
    let valid = hasher().signature("Ein kurzer Text.").to_bytes();
    let mut state = 7u64;
    for round in 0..2000 {
        let len = (first_principles::splitmix(&mut state) % 600) as usize;
        let mut bytes: Vec<u8> = (0..len)
            .map(|_| first_principles::splitmix(&mut state) as u8)
            .collect();
        if round % 2 == 0 {
            let keep = len.min(valid.len()).min(8 + round % 5);
            bytes[..keep].copy_from_slice(&valid[..keep]);
        }
        if let Ok(sig) = Signature::from_bytes(&bytes) {
            assert_eq!(sig.to_bytes(), bytes);
        }
    }
}
