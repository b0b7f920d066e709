//! CAMEO-style dyadic records: one event per directed (source, target) pair, as PETRARCH
//! and GDELT code them.
//!
//! sitrep's own records keep coordinated actors together: `USA und NATO lehnen die
//! Vorschläge ab` is one REJECT with two sources, and a meeting of three states is one
//! CONSULT whose sources and targets are the three. Users who count dyads, and gold files
//! coded that way (the PETRARCH-2 validation records), ask for this expansion:
//!
//! * every source paired with every target, by distinct actor code, in the record's order;
//! * a pair of an actor with itself is dropped when the record has any other pair (the
//!   parties of a meeting do not meet themselves), and kept when it is the only one (a
//!   domestic event, `AUT` against `AUT`);
//! * a side without actors stays empty (`USA` with no target gives one record);
//! * a record that yields one pair keeps its id; several get `ID.1`, `ID.2`, … and share
//!   everything but their actors (trigger, evidence, attributes).

use sitrep_core::{Event, EventActor};

/// The events as one record per directed dyad (see the module docs).
pub fn dyadic(events: &[Event]) -> Vec<Event> {
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let sources = distinct(&e.source);
        let targets = distinct(&e.target);
        let mut pairs: Vec<(Option<&EventActor>, Option<&EventActor>)> = Vec::new();
        for s in side(&sources) {
            for t in side(&targets) {
                pairs.push((s, t));
            }
        }
        let is_self = |p: &(Option<&EventActor>, Option<&EventActor>)| matches!(p, (Some(s), Some(t)) if s.code == t.code);
        if pairs.iter().any(|p| !is_self(p)) {
            pairs.retain(|p| !is_self(p));
        }
        if pairs.len() == 1 {
            out.push(e.clone());
            continue;
        }
        for (k, (s, t)) in pairs.into_iter().enumerate() {
            let mut d = e.clone();
            d.id = format!("{}.{}", e.id, k + 1);
            d.source = s.into_iter().cloned().collect();
            d.target = t.into_iter().cloned().collect();
            out.push(d);
        }
    }
    out
}

/// The actors with distinct codes, first mention first.
fn distinct(actors: &[EventActor]) -> Vec<&EventActor> {
    let mut out: Vec<&EventActor> = Vec::with_capacity(actors.len());
    for a in actors {
        if !out.iter().any(|b| b.code == a.code) {
            out.push(a);
        }
    }
    out
}

/// One side's choices: each actor, or "none" for an empty side.
fn side<'a>(actors: &[&'a EventActor]) -> Vec<Option<&'a EventActor>> {
    if actors.is_empty() {
        vec![None]
    } else {
        actors.iter().map(|&a| Some(a)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{EventType, Mention, Span};

    fn actor(code: &str) -> EventActor {
        EventActor {
            code: code.into(),
            entity: None,
            text: code.into(),
            start: 0,
            end: 0,
            inferred: false,
        }
    }

    fn event(id: &str, source: &[&str], target: &[&str]) -> Event {
        let trigger = Mention {
            start: 0,
            end: 0,
            text: "met".into(),
        };
        Event {
            source: source.iter().map(|c| actor(c)).collect(),
            target: target.iter().map(|c| actor(c)).collect(),
            ..Event::new(id, EventType::Consult, trigger, Span::default())
        }
    }

    fn pairs(events: &[Event]) -> Vec<(String, String, String)> {
        let codes = |a: &[EventActor]| {
            a.iter()
                .map(|a| a.code.as_str())
                .collect::<Vec<_>>()
                .join("+")
        };
        events
            .iter()
            .map(|e| (e.id.clone(), codes(&e.source), codes(&e.target)))
            .collect()
    }

    fn p(id: &str, s: &str, t: &str) -> (String, String, String) {
        (id.into(), s.into(), t.into())
    }

    #[test]
    fn a_meeting_of_three_is_six_directed_dyads() {
        let parties = ["USA", "RUS", "CHE"];
        let got = pairs(&dyadic(&[event("e1", &parties, &parties)]));
        assert_eq!(
            got,
            [
                p("e1.1", "USA", "RUS"),
                p("e1.2", "USA", "CHE"),
                p("e1.3", "RUS", "USA"),
                p("e1.4", "RUS", "CHE"),
                p("e1.5", "CHE", "USA"),
                p("e1.6", "CHE", "RUS"),
            ]
        );
    }

    #[test]
    fn coordinated_sources_each_get_the_target() {
        let got = pairs(&dyadic(&[event("e2", &["USA", "NATO"], &["RUS"])]));
        assert_eq!(got, [p("e2.1", "USA", "RUS"), p("e2.2", "NATO", "RUS")]);
    }

    #[test]
    fn single_pairs_domestic_events_and_empty_sides_are_kept_whole() {
        let input = [
            event("e1", &["USA"], &["RUS"]),
            event("e2", &["AUT"], &["AUT"]),
            event("e3", &["USA"], &[]),
            event("e4", &[], &[]),
            // the same code twice is one actor: one pair, so the record stays whole
            event("e5", &["RUS", "RUS"], &["UKR"]),
        ];
        let got = pairs(&dyadic(&input));
        assert_eq!(
            got,
            [
                p("e1", "USA", "RUS"),
                p("e2", "AUT", "AUT"),
                p("e3", "USA", ""),
                p("e4", "", ""),
                p("e5", "RUS+RUS", "UKR"),
            ]
        );
        // a record kept whole is unchanged, duplicate actor included
        assert_eq!(dyadic(&input)[4], input[4]);
    }

    #[test]
    fn copies_share_everything_but_their_actors() {
        let mut e = event("e7", &["USA", "GBR"], &["IRN"]);
        e.rule = "frame:42".into();
        e.evidence = Span::new(3, 9);
        let out = dyadic(&[e.clone()]);
        assert_eq!(out.len(), 2);
        for d in &out {
            assert_eq!((d.rule.as_str(), d.evidence), ("frame:42", e.evidence));
            assert_eq!(d.target, e.target);
        }
    }
}
