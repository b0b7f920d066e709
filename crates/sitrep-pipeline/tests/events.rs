//! Event extraction cases shared by both languages (`testdata/events/{de,en}.tsv`): each
//! line is a sentence and the events it must yield (type, source and target codes, and
//! optionally the modality; `not TYPE SOURCE>TARGET` for an event that must not be found).
//! Other events may be found as well; the cases test the argument analysis rules, one per
//! line.

use sitrep_core::{Document, Language};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};

fn codes(a: &[sitrep_core::EventActor]) -> String {
    let mut c: Vec<&str> = a.iter().map(|x| x.code.as_str()).collect();
    c.sort();
    c.dedup();
    if c.is_empty() {
        "-".into()
    } else {
        c.join("+")
    }
}

#[test]
fn event_cases() {
    let p = Pipeline::new();
    let opts = AnalyzeOptions {
        events: true,
        ..Default::default()
    };
    let mut failures = Vec::new();
    let mut n = 0;
    for lang in Language::ALL {
        let path = format!(
            "{}/../../testdata/events/{}.tsv",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let src = std::fs::read_to_string(&path).unwrap();
        for (i, line) in src.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (text, want) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{path}:{}: no tab", i + 1));
            let mut d = Document::new(format!("{path}:{}", i + 1), text);
            d.language = Some(lang);
            let a = p.analyze(d, &opts).unwrap();
            let got: Vec<String> = a
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{} {}>{} {}",
                        e.event_type,
                        codes(&e.source),
                        codes(&e.target),
                        e.modality
                    )
                })
                .collect();
            // one event per type, actors and sentence
            let mut keys: Vec<(String, u32)> = a
                .events
                .iter()
                .zip(&got)
                .map(|(e, g)| (g.clone(), e.evidence.start))
                .collect();
            let all = keys.len();
            keys.sort();
            keys.dedup();
            if keys.len() != all {
                failures.push(format!(
                    "{lang} line {}: {text:?}: the same event twice in {got:?}",
                    i + 1
                ));
            }
            // `-` alone: the sentence yields no event at all
            if want.trim() == "-" {
                n += 1;
                if !got.is_empty() {
                    failures.push(format!(
                        "{lang} line {}: {text:?}: want no event, got {got:?}",
                        i + 1
                    ));
                }
                continue;
            }
            for w in want.split(" ; ") {
                n += 1;
                // `not TYPE S>T`: no such event may be found
                let (absent, spec) = match w.strip_prefix("not ") {
                    Some(rest) => (true, rest),
                    None => (false, w),
                };
                let parts: Vec<&str> = spec.split_whitespace().collect();
                let found = got.iter().any(|g| {
                    let gp: Vec<&str> = g.split_whitespace().collect();
                    gp[0] == parts[0]
                        && gp[1] == parts[1]
                        && parts.get(2).is_none_or(|m| gp[2] == *m)
                });
                let ok = found != absent;
                if !ok {
                    failures.push(format!(
                        "{lang} line {}: {text:?}: want {w}, got {got:?}",
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// German reported speech goes on with its speaker in the next sentence, but not across a
/// paragraph break (a line break between the sentences; the TSV cases are one line each).
#[test]
fn reported_speech_keeps_its_speaker_within_a_paragraph_only() {
    let p = Pipeline::new();
    let opts = AnalyzeOptions {
        events: true,
        ..Default::default()
    };
    let said =
        "Wien – Die Regierung Ungarns müsse die Grenze schließen, sagte Bundeskanzler Faymann.";
    let more = "Die Regierung Serbiens müsse die Grenze schließen.";
    let requests_of_serbia = |sep: &str| {
        let mut d = Document::new("paragraph", format!("{said}{sep}{more}"));
        d.language = Some(Language::De);
        let a = p.analyze(d, &opts).unwrap();
        a.events
            .iter()
            .filter(|e| {
                e.event_type == sitrep_core::EventType::Request
                    && codes(&e.source) == "AUT"
                    && codes(&e.target) == "SRB"
            })
            .count()
    };
    assert_eq!(requests_of_serbia(" "), 1);
    assert_eq!(requests_of_serbia("\n\n"), 0);
}

/// A German legal step told in the past and dated by a year before the story's own is
/// background (no event); the same year in a story of that year is news.
#[test]
fn a_year_dates_a_legal_step_back_only_before_the_storys_year() {
    let p = Pipeline::new();
    let opts = AnalyzeOptions {
        events: true,
        ..Default::default()
    };
    let suits = |published: Option<&str>| {
        let mut d = Document::new(
            "dated",
            "Wien – 2011 klagte die Regierung Ungarns gegen die Regierung Österreichs.",
        );
        d.language = Some(Language::De);
        d.published = published.map(|p| p.parse().unwrap());
        let a = p.analyze(d, &opts).unwrap();
        a.events
            .iter()
            .filter(|e| {
                e.event_type == sitrep_core::EventType::Accuse
                    && codes(&e.source) == "HUN"
                    && codes(&e.target) == "AUT"
            })
            .count()
    };
    assert_eq!(suits(None), 0);
    assert_eq!(suits(Some("2015-03-01")), 0);
    assert_eq!(suits(Some("2011-06-01")), 1);
}
