//! The fields the event stage relies on, beyond the rendered case tables.

mod common;

use common::*;
use sitrep_attrs::{Bound, Granularity, Part, QuoteKind, SourceRule, SpeakerRule, TenseHint};
use sitrep_core::{Date, EntityKind, Language};

#[test]
fn quantity_token_ranges_tie_to_phrases() {
    let d = analyse(
        Language::De,
        "Washington schickt 1.000 bereits in Deutschland stationierte US-Soldaten nach Rumänien.",
        None,
    );
    let q = attrs().quantities(&d.sent());
    assert_eq!(q.len(), 1);
    let q = &q[0];
    assert_eq!(q.value, Some(1000.0));
    assert_eq!(q.bound, Bound::Exact);
    let u = q.unit_tokens.clone().unwrap();
    let unit_text = d.text
        [d.seg.tokens[u.start].span.start as usize..d.seg.tokens[u.end - 1].span.end as usize]
        .to_string();
    assert_eq!(unit_text, "US-Soldaten");
    assert_eq!(
        &d.text[q.span.range()],
        "1.000 bereits in Deutschland stationierte US-Soldaten"
    );
    assert!(q.tokens.contains(&q.number.start) && q.tokens.end == u.end);
}

#[test]
fn date_intervals_and_relativity() {
    let d = analyse(
        Language::De,
        "Ende nächster Woche und im Februar 2024.",
        None,
    );
    let p = Date::new(2022, 2, 2);
    let t = attrs().dates(&d.sent(), p, TenseHint::Unknown);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[0].granularity, Granularity::Week);
    assert_eq!(t[0].part, Some(Part::End));
    assert_eq!(t[0].first, Date::new(2022, 2, 7));
    assert_eq!(t[0].last, Date::new(2022, 2, 13));
    assert!(t[0].relative);
    assert_eq!(t[1].value.as_deref(), Some("2024-02"));
    assert_eq!(t[1].last, Date::new(2024, 2, 29));
    assert!(!t[1].relative);
    // Without a publication date the relative one keeps its span but has no value.
    let t = attrs().dates(&d.sent(), None, TenseHint::Unknown);
    assert_eq!(t[0].value, None);
    assert_eq!(&d.text[t[0].span.range()], "Ende nächster Woche");
    assert_eq!(t[1].value.as_deref(), Some("2024-02"));
}

#[test]
fn tense_hint_from_the_sentence() {
    for (l, text, want) in [
        (
            Language::De,
            "Biden wird die Truppen verlegen.",
            TenseHint::Future,
        ),
        (
            Language::De,
            "Biden hat die Truppen verlegt.",
            TenseHint::Past,
        ),
        (Language::De, "Biden verlegte die Truppen.", TenseHint::Past),
        (
            Language::De,
            "Biden verlegt die Truppen.",
            TenseHint::Present,
        ),
        (
            Language::En,
            "Biden will send the troops.",
            TenseHint::Future,
        ),
        (Language::En, "Biden sent the troops.", TenseHint::Past),
        (Language::En, "Biden has sent the troops.", TenseHint::Past),
    ] {
        let d = analyse(l, text, None);
        assert_eq!(TenseHint::of(&d.sent()), want, "{text}");
    }
}

#[test]
fn speaker_points_at_mention_and_cue() {
    let d = analyse(
        Language::De,
        "„Das ist inakzeptabel“, sagte Olaf Scholz.",
        None,
    );
    let q = attrs().quotes(&d.sent(), &d.found);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Direct);
    let sp = q[0].speaker.as_ref().unwrap();
    assert_eq!(sp.rule, SpeakerRule::After);
    assert_eq!(d.found[sp.mention.unwrap()].kind, EntityKind::Person);
    assert_eq!(&d.text[d.seg.tokens[sp.cue.unwrap()].span.range()], "sagte");
    assert_eq!(&d.text[q[0].outer.range()], "„Das ist inakzeptabel“");
}

#[test]
fn source_names_and_entities() {
    let d = analyse(
        Language::De,
        "Wie das „Wall Street Journal“ berichtete, kommen Truppen.",
        None,
    );
    let s = attrs().sources(&d.sent(), &d.found);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].rule, SourceRule::ReportVerb);
    assert_eq!(s[0].kind, Some(EntityKind::Media));
    assert!(s[0].mention.is_some());
    assert_eq!(
        &d.text[s[0].span.range()],
        "Wie das „Wall Street Journal“ berichtete"
    );

    let d = analyse(
        Language::De,
        "Laut Angaben des Innenministeriums gab es Tote.",
        None,
    );
    let s = attrs().sources(&d.sent(), &d.found);
    // a ministry named by a common noun is an organ mention (issue 5), so the source
    // links to it and takes its name
    assert_eq!(s[0].name.as_deref(), Some("Innenministerium"));
    assert!(s[0].mention.is_some());

    let d = analyse(
        Language::En,
        "Several people died, according to media reports.",
        None,
    );
    let s = attrs().sources(&d.sent(), &d.found);
    assert_eq!(
        (s[0].rule, s[0].kind, s[0].name.clone()),
        (SourceRule::Unnamed, Some(EntityKind::Media), None)
    );
}
