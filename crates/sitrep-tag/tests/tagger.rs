//! Behaviour of the shipped models and of the artifact format.

use sitrep_core::{Language, Upos};
use sitrep_tag::model::{FORMAT_VERSION, MAGIC};
use sitrep_tag::train::{train, TrainConfig};
use sitrep_tag::{corpus, ModelError, Resources, Tagger, WordAnalysis};

/// Tags a sentence given as space-separated words (`_` before a word joins it to the
/// previous one) and returns (word, analysis) pairs.
fn tag(t: &Tagger, s: &str) -> Vec<(String, WordAnalysis)> {
    let mut words = Vec::new();
    let mut joined = Vec::new();
    for w in s.split(' ') {
        if let Some(w) = w.strip_prefix('_') {
            if let Some(j) = joined.last_mut() {
                *j = true;
            }
            words.push(w);
        } else {
            words.push(w);
        }
        joined.push(false);
    }
    let mut out = Vec::new();
    t.tag_words(&words, &joined, &mut out);
    assert_eq!(out.len(), words.len());
    words.iter().map(|w| w.to_string()).zip(out).collect()
}

fn find<'a>(r: &'a [(String, WordAnalysis)], w: &str) -> &'a WordAnalysis {
    &r.iter()
        .find(|(x, _)| x == w)
        .unwrap_or_else(|| panic!("{w} not in sentence"))
        .1
}

#[test]
fn german_key_words() {
    let t = Tagger::new(Language::De).unwrap();
    let r = tag(
        &t,
        "Der Demonstrant warf einen Stein auf die US _- _Soldaten _.",
    );
    let warf = find(&r, "warf");
    assert_eq!((warf.upos, warf.lemma.as_str()), (Upos::Verb, "werfen"));
    assert_eq!(warf.xpos.as_str(), "VVFIN");
    let s = find(&r, "Soldaten");
    assert_eq!((s.upos, s.lemma.as_str()), (Upos::Noun, "Soldat"));
    let der = find(&r, "Der");
    assert_eq!((der.upos, der.lemma.as_str()), (Upos::Det, "der"));
    assert_eq!(
        find(&r, "Stein").feats.to_string(),
        "Case=Acc|Gender=Masc|Number=Sing"
    );
    let r = tag(&t, "Die Regierung hat die Sanktionen verschärft _.");
    assert_eq!(find(&r, "hat").upos, Upos::Aux);
    assert_eq!(find(&r, "hat").lemma, "haben");
    assert_eq!(find(&r, "Sanktionen").lemma, "Sanktion");
}

#[test]
fn english_key_words() {
    let t = Tagger::new(Language::En).unwrap();
    let r = tag(
        &t,
        "The troops went home because they did _n't want to fight _.",
    );
    assert_eq!(find(&r, "went").lemma, "go");
    assert_eq!(find(&r, "went").upos, Upos::Verb);
    let f = find(&r, "went").feats.to_string();
    assert!(
        f.contains("Mood=Ind") && f.contains("Tense=Past|VerbForm=Fin"),
        "{f}"
    );
    assert_eq!(find(&r, "n't").lemma, "not");
    assert_eq!(find(&r, "n't").upos, Upos::Part);
    assert_eq!(find(&r, "troops").lemma, "troop");
    assert_eq!(find(&r, "troops").upos, Upos::Noun);
    assert_eq!(find(&r, "The").lemma, "the");
    let r = tag(&t, "NATO said it has withdrawn 500 soldiers from Kabul _.");
    assert_eq!(find(&r, "withdrawn").lemma, "withdraw");
    assert_eq!(find(&r, "Kabul").upos, Upos::Propn);
    assert_eq!(find(&r, "said").lemma, "say");
    assert_eq!(find(&r, "soldiers").lemma, "soldier");
    assert_eq!(find(&r, "soldiers").feats.to_string(), "Number=Plur");
}

#[test]
fn odd_tokens_never_panic() {
    let long = "a".repeat(5000);
    let umlauts = "ä".repeat(300);
    for lang in [Language::De, Language::En] {
        let t = Tagger::new(lang).unwrap();
        let odd = [
            "😀",
            "https://example.com/a?b=c",
            "@user",
            "#tag",
            "İ",
            "ǅ",
            "\u{200b}",
            "ﬁ",
            "ß",
            long.as_str(),
            umlauts.as_str(),
            "-",
            "",
            "123.456,78",
            "’s",
            "'",
        ];
        let joined = vec![true; odd.len()];
        let mut out = Vec::new();
        t.tag_words(&odd, &joined, &mut out);
        assert_eq!(out.len(), odd.len());
        // A very long sentence is tagged in windows, one analysis per word.
        let many: Vec<&str> = std::iter::repeat_n("word", 2000).collect();
        t.tag_words(&many, &[], &mut out);
        assert_eq!(out.len(), 2000);
    }
}

#[test]
fn the_pipeline_api_uses_token_spans() {
    let t = Tagger::new(Language::En).unwrap();
    let text = "They don't.";
    let seg = sitrep_core::Token {
        span: sitrep_core::Span::new(0, 4),
        kind: sitrep_core::TokenKind::Word,
        joined: false,
    };
    let mut out = Vec::new();
    t.tag(text, &[seg], &mut out);
    assert_eq!(out[0].lemma, "they");
}

const TINY: &str = "1\tDie\tder\tDET\tART\tCase=Nom|Number=Plur\t_\t_\t_\t_\n2\tSoldaten\tSoldat\tNOUN\tNN\tCase=Nom|Number=Plur\t_\t_\t_\t_\n3\twarfen\twerfen\tVERB\tVVFIN\tMood=Ind|Tense=Past\t_\t_\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t$.\t_\t_\t_\t_\t_\n\n1\tEr\ter\tPRON\tPPER\tCase=Nom\t_\t_\t_\t_\n2\twarf\twerfen\tVERB\tVVFIN\tMood=Ind|Tense=Past\t_\t_\t_\t_\n3\tSteine\tStein\tNOUN\tNN\tCase=Acc|Number=Plur\t_\t_\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t$.\t_\t_\t_\t_\t_\n\n";

fn tiny_model() -> Vec<u8> {
    let sents = corpus::parse(TINY).unwrap();
    let cfg = TrainConfig {
        min_class_count: 1,
        tagdict_min: 1,
        ..TrainConfig::for_language(Language::De)
    };
    train(
        Language::De,
        &sents,
        &cfg,
        &Resources::without_lexicon(Language::De),
        "tiny",
    )
    .unwrap()
}

#[test]
fn training_is_reproducible_bit_for_bit() {
    let a = tiny_model();
    let b = tiny_model();
    assert_eq!(a, b);
    let t = Tagger::from_bytes(&a, Resources::without_lexicon(Language::De)).unwrap();
    assert_eq!(t.note(), "tiny");
    let mut out = Vec::new();
    t.tag_words(
        &["Er", "warf", "Steine", "."],
        &[false, false, true, false],
        &mut out,
    );
    assert_eq!(out[1].lemma, "werfen");
    assert_eq!(out[2].upos, Upos::Noun);
}

#[test]
fn artifacts_with_wrong_magic_version_or_bytes_are_refused() {
    let good = tiny_model();
    let res = || Resources::without_lexicon(Language::De);
    assert!(Tagger::from_bytes(&good, res()).is_ok());
    assert_eq!(&good[..8], MAGIC);

    let mut bad = good.clone();
    bad[0] = b'X';
    assert_eq!(
        Tagger::from_bytes(&bad, res()).unwrap_err(),
        ModelError::BadMagic
    );

    let mut old = good.clone();
    old[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert!(matches!(
        Tagger::from_bytes(&old, res()).unwrap_err(),
        ModelError::Version { found, .. } if found == FORMAT_VERSION + 1
    ));

    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x40;
    assert!(Tagger::from_bytes(&flipped, res()).is_err());
    assert!(Tagger::from_bytes(&good[..good.len() - 9], res()).is_err());
    assert!(Tagger::from_bytes(&[], res()).is_err());
}

#[test]
fn shipped_models_load_fast_and_say_where_they_come_from() {
    for lang in [Language::De, Language::En] {
        let t0 = std::time::Instant::now();
        let t = Tagger::new(lang).unwrap();
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        assert!(t.note().contains("CC BY-SA 4.0"), "{}", t.note());
        // Generous: debug builds and busy machines; release loads are reported in the docs.
        assert!(ms < 2000.0, "{lang} model took {ms:.0} ms to load");
    }
}

fn case_of(r: &[(String, WordAnalysis)], w: &str) -> String {
    find(r, w)
        .feats
        .case
        .map_or("-", |c| c.as_str())
        .to_string()
}

#[test]
fn german_noun_phrases_agree_and_prepositions_govern() {
    let t = Tagger::new(Language::De).unwrap();
    // Case visible only from the article; the finite verb's subject is the nominative.
    let r = tag(&t, "Den Minister lobte der Kanzler _.");
    assert_eq!(case_of(&r, "Minister"), "Acc");
    assert_eq!(case_of(&r, "Kanzler"), "Nom");
    assert_eq!(case_of(&r, "Den"), "Acc");
    // Prepositions: `mit` + Dat, `für` + Acc; two-way `in` decided by the article.
    let r = tag(
        &t,
        "Er sprach mit dem Botschafter über die Lage in der Hauptstadt _.",
    );
    assert_eq!(case_of(&r, "Botschafter"), "Dat");
    assert_eq!(case_of(&r, "Lage"), "Acc");
    assert_eq!(case_of(&r, "Hauptstadt"), "Dat");
    let r = tag(&t, "Die Truppen zogen in die Stadt _.");
    assert_eq!(case_of(&r, "Stadt"), "Acc");
    assert_eq!(case_of(&r, "Truppen"), "Nom");
    // Every member of the phrase carries the same case, number and gender.
    let r = tag(&t, "Die Regierung verurteilte den schweren Angriff _.");
    for w in ["den", "schweren", "Angriff"] {
        let f = find(&r, w).feats;
        assert_eq!(f.case.map(|c| c.as_str()), Some("Acc"), "{w}");
        assert_eq!(f.number.map(|n| n.as_str()), Some("Sing"), "{w}");
    }
    assert_eq!(
        find(&r, "Angriff").feats.gender.map(|g| g.as_str()),
        Some("Masc")
    );
    // A determined phrase right after a noun is a genitive attribute.
    let r = tag(&t, "Der Sprecher des Ministeriums widersprach _.");
    assert_eq!(case_of(&r, "Ministeriums"), "Gen");
}

#[test]
fn attributive_participles_get_the_verb_lemma() {
    let t = Tagger::new(Language::De).unwrap();
    let r = tag(&t, "Die Behörden gaben die eingefrorenen Konten frei _.");
    assert_eq!(find(&r, "eingefrorenen").lemma, "einfrieren");
    // Lexicalised participles keep the adjective.
    let r = tag(&t, "Der bekannte Autor schrieb ein Buch _.");
    assert_eq!(find(&r, "bekannte").lemma, "bekannt");
}

#[test]
fn repeated_and_odd_input_is_stable() {
    // The per-thread memo must not change answers: tag the same text twice, and
    // interleave the languages.
    let de = Tagger::new(Language::De).unwrap();
    let en = Tagger::new(Language::En).unwrap();
    let s = "Die Außenministerin warf Moskau vor _, die Gespräche zu blockieren _.";
    let a = tag(&de, s);
    let _ = tag(&en, "The minister said talks had stalled .");
    let b = tag(&de, s);
    assert_eq!(a, b);
    // Long "sentences" (windows), empty words, symbols and odd capitals never panic.
    let long: Vec<String> = (0..1000).map(|i| format!("Wort{i}")).collect();
    let long = long.join(" ");
    for t in [&de, &en] {
        for s in [
            long.as_str(),
            "",
            "  ",
            "ÄÖÜ ß _. _- «» 😀 in in in der der der",
            "mit",
            "des",
        ] {
            let words: Vec<&str> = s.split(' ').collect();
            let joined = vec![false; words.len()];
            let mut out = Vec::new();
            t.tag_words(&words, &joined, &mut out);
            assert_eq!(out.len(), words.len());
        }
    }
}

/// German relative clauses: the pronoun after the comma is a relative pronoun (not an
/// article), its clause-final verb finite, and the clause's subject nominative.
#[test]
fn german_relative_clauses() {
    let t = Tagger::new(Language::De).unwrap();
    // (sentence, relative pronoun, the clause-final verb, a noun phrase head and its case)
    let cases = [
        (
            "Der Minister _, dem Untreue vorgeworfen wird _, trat gestern zurück _.",
            "dem",
            "wird",
            ("Untreue", "Nom"),
        ),
        (
            "Das Gesetz _, über das der Bundestag morgen abstimmt _, bleibt umstritten _.",
            "das",
            "abstimmt",
            ("Bundestag", "Nom"),
        ),
        (
            "Die Bauern _, deren Felder an die Front grenzen _, fliehen _.",
            "deren",
            "grenzen",
            ("Felder", "Nom"),
        ),
    ];
    for (s, pron, verb, (head, case)) in cases {
        let r = tag(&t, s);
        let p = find(&r, pron);
        assert!(
            matches!(p.xpos.as_str(), "PRELS" | "PRELAT"),
            "{s}: {pron} tagged {}",
            p.xpos.as_str()
        );
        assert!(
            find(&r, verb).xpos.as_str().ends_with("FIN"),
            "{s}: {verb} tagged {}",
            find(&r, verb).xpos.as_str()
        );
        assert_eq!(
            find(&r, head).feats.case.map(|c| c.as_str()),
            Some(case),
            "{s}: case of {head}"
        );
    }
    // An article before a finite verb is a demonstrative pronoun.
    let r = tag(&t, "Das ist nicht akzeptabel _, sagte der Sprecher _.");
    assert_eq!(find(&r, "Das").upos, Upos::Pron);
    assert_eq!(find(&r, "der").upos, Upos::Det);
}

/// English inflected forms the treebank never showed get WordNet-checked base forms.
#[test]
fn english_unknown_regular_forms() {
    let t = Tagger::new(Language::En).unwrap();
    let r = tag(
        &t,
        "Israeli jets bombed the depot and Macron telephoned Putin _.",
    );
    assert_eq!(find(&r, "bombed").lemma, "bomb");
    assert_eq!(find(&r, "telephoned").lemma, "telephone");
    let r = tag(&t, "The army said 200,000 people had been displaced _.");
    assert_eq!(find(&r, "200,000").lemma, "200000");
}

/// Names written in lower case or all capitals take the spelling the treebank showed for
/// the name as their lemma (EWT: `asia` NNP → `Asia`); common nouns stay lower case.
#[test]
fn english_proper_name_lemmas_take_the_name_spelling() {
    let t = Tagger::new(Language::En).unwrap();
    let r = tag(
        &t,
        "we flew from london to mexico and then to TEHRAN with the kids _.",
    );
    for (w, lemma) in [
        ("london", "London"),
        ("mexico", "Mexico"),
        ("TEHRAN", "Tehran"),
    ] {
        let a = find(&r, w);
        assert_eq!(a.upos, Upos::Propn, "{w}");
        assert_eq!(a.lemma, lemma, "{w}");
    }
    assert_eq!(find(&r, "kids").lemma, "kid");
}

/// Forms the treebank never showed get lemmas by their shape, as EWT writes them: a
/// shouted name of six letters or more in title case (or in the spelling the tables know
/// for the word), an acronym and a code with digits as written.
#[test]
fn english_lemmas_by_shape() {
    let t = Tagger::new(Language::En).unwrap();
    let r = tag(
        &t,
        "Senator MCALLISTER met Judge HALVORSEN and the NATO envoy in Brussels _.",
    );
    for (w, lemma) in [
        ("MCALLISTER", "McAllister"),
        ("HALVORSEN", "Halvorsen"),
        ("NATO", "NATO"),
    ] {
        let a = find(&r, w);
        assert_eq!(a.upos, Upos::Propn, "{w}");
        assert_eq!(a.lemma, lemma, "{w}");
    }
    let r = tag(&t, "Part XK4471 costs 3200 dollars _.");
    assert_eq!(find(&r, "XK4471").lemma, "XK4471");
    assert_eq!(find(&r, "3200").lemma, "3200");
}

/// Informal spellings that stretch a letter take the lemma of the word (`sooooo` → `so`,
/// `VERYYY` → `very`); a file name is lower-cased as EWT does; a name tagged singular
/// that is the plural of a common noun is lemmatised as a plural (`Hills` → `Hill`).
#[test]
fn english_lemmas_of_stretched_words_file_names_and_plural_names() {
    let t = Tagger::new(Language::En).unwrap();
    let r = tag(
        &t,
        "The staff was sooooo nice and VERYYY helpful _, I will commment again _.",
    );
    assert_eq!(find(&r, "sooooo").lemma, "so");
    assert_eq!(find(&r, "VERYYY").lemma, "very");
    assert_eq!(find(&r, "commment").lemma, "comment");
    let r = tag(&t, "See attached file _: BUDGET.xls and Notes.pdf");
    assert_eq!(find(&r, "BUDGET.xls").lemma, "budget.xls");
    assert_eq!(find(&r, "Notes.pdf").lemma, "notes.pdf");
    let r = tag(&t, "We stayed near Forest Hills in Queens _.");
    let a = find(&r, "Hills");
    assert_eq!(a.upos, Upos::Propn);
    assert_eq!(a.lemma, "Hill");
    // Not a word stretched, but one letter repeated or a Roman numeral: as before.
    let r = tag(&t, "Chapter XIII is zzz _.");
    assert_eq!(find(&r, "XIII").lemma, "XIII");
    assert_eq!(find(&r, "zzz").lemma, "zzz");
}

/// `'s` before `been`/`got` is `have`, before anything else `be`.
#[test]
fn english_s_is_have_before_been_and_got() {
    let t = Tagger::new(Language::En).unwrap();
    let r = tag(
        &t,
        "It _'s been a long day and she _'s got a plan , but it _'s cold _.",
    );
    let s: Vec<&str> = r
        .iter()
        .filter(|(w, _)| w == "'s")
        .map(|(_, a)| a.lemma.as_str())
        .collect();
    assert_eq!(s, ["have", "have", "be"]);
}

/// Punctuation marks the treebanks never show (the en dash of a dateline, typographic
/// quotes, an ellipsis character) are punctuation, not a guess from their neighbours.
#[test]
fn unseen_punctuation_marks_are_punctuation() {
    let de = Tagger::new(Language::De).unwrap();
    let en = Tagger::new(Language::En).unwrap();
    for (t, s) in [
        (&de, "Neue Preise _. Wien – Die Firma hat ihn entlassen _."),
        (&de, "Er sagte „ nein “ und ging … _."),
        (&en, "Paris — The minister resigned ― again … _."),
    ] {
        let r = tag(t, s);
        for (w, a) in &r {
            if w.chars().all(|c| "–—―„“…".contains(c)) {
                assert_eq!(a.upos, Upos::Punct, "{s}: {w} tagged {}", a.upos.as_str());
                // (EWT writes some dashes' lemma as `-`)
                assert!(
                    !a.lemma.is_empty() && !a.lemma.chars().any(char::is_alphanumeric),
                    "{s}: lemma of {w} is {}",
                    a.lemma
                );
            }
        }
    }
}
