//! Agreement between two codings of the same documents (`sitrep eval-agreement`).
//!
//! The second coding's events become predictions and are scored against the first with
//! [`events::score`], the matcher of `sitrep eval`, so an agreement figure reads exactly
//! like a system's score on the same gold.
//!
//! A coded event becomes a prediction with its type, its `source` and `target` codes (not
//! the `_also` lists: those say what the coder would accept from others, not what the
//! coder coded), its modality and attributes, and as evidence the sentence(s) the
//! segmenter finds around its `sentence` substring. GOLD_FORMAT.md rule 2 accepts any
//! evidence inside the gold sentence, and the system's evidence is a whole sentence or
//! clause; the bare substring would fail two coders who quote different words of the
//! same sentence.
//!
//! Whether the predicting coder's `optional` events become predictions is a choice
//! ([`OptionalEvents`]). A system has no optional flag and every prediction counts:
//! predicting the required events only is the analogue of a system that outputs what it
//! would insist on, predicting the optional ones too that of a high-recall system; the two
//! figures bracket a careful coder's score as a system.

use crate::events::{self, actors_agree, GoldDoc, GoldEvent, Miss, Report};
use serde::Serialize;
use sitrep_core::{
    Analysis, Citation, Document, Event, EventDate, EventPlace, EventQuantity, EventType, Language,
    Mention, Modality, Span, Speaker,
};
use sitrep_segment::Segmenter;
use std::collections::HashMap;

/// Which of the predicting coder's events become predictions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionalEvents {
    /// Required events only: a system that outputs what it would insist on.
    Exclude,
    /// Required and optional events: a high-recall system.
    Include,
}

/// Sentence segmenters for the languages of the documents.
pub struct Segmenters {
    de: Segmenter,
    en: Segmenter,
}

impl Segmenters {
    pub fn new() -> Self {
        Segmenters {
            de: Segmenter::new(Language::De),
            en: Segmenter::new(Language::En),
        }
    }

    fn get(&self, language: Option<Language>) -> &Segmenter {
        match language {
            Some(Language::En) => &self.en,
            // the gold sets without a language are German (GOLD_FORMAT's examples)
            Some(Language::De) | None => &self.de,
        }
    }
}

impl Default for Segmenters {
    fn default() -> Self {
        Self::new()
    }
}

/// Two codings that cannot be compared: the document and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{doc}: {message}")]
pub struct AgreementError {
    pub doc: String,
    pub message: String,
}

/// Why a gold event or a prediction went unmatched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// Same sentence, agreeing actors, another type.
    TypeDiffers,
    /// Same sentence and type, actors that do not agree.
    ActorsDiffer,
    /// Same sentence, another type and actors that do not agree.
    TypeAndActorsDiffer,
    /// A required gold event that the predicting coder recorded as optional (only when
    /// optional events are excluded from the predictions).
    OptionalInPrediction,
    /// A required gold event with nothing of the predicting coder's in its sentence.
    OnlyGold,
    /// A prediction with nothing of the gold coder's in its sentence.
    OnlyPredicted,
}

impl Cause {
    pub const ALL: [Cause; 6] = [
        Cause::TypeDiffers,
        Cause::ActorsDiffer,
        Cause::TypeAndActorsDiffer,
        Cause::OptionalInPrediction,
        Cause::OnlyGold,
        Cause::OnlyPredicted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Cause::TypeDiffers => "type differs",
            Cause::ActorsDiffer => "actor codes differ",
            Cause::TypeAndActorsDiffer => "type and actor codes differ",
            Cause::OptionalInPrediction => "required in gold, optional in prediction",
            Cause::OnlyGold => "only the gold coder coded it",
            Cause::OnlyPredicted => "only the predicting coder coded it",
        }
    }
}

/// One disagreement: the unmatched gold event, the unmatched prediction, or both when
/// they were read from the same sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement {
    pub cause: Cause,
    pub doc: String,
    pub gold: Option<Miss>,
    pub predicted: Option<Miss>,
}

/// The score of one coding against another, with its disagreements by cause.
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub optional: OptionalEvents,
    pub report: Report,
    /// Counts by cause. A pair of a gold event and a prediction from one sentence counts
    /// once. Predictions that matched only an optional gold event are `report.overall.optional`.
    pub causes: Vec<(Cause, usize)>,
    pub disagreements: Vec<Disagreement>,
}

/// Scores `predicting` against `gold`: both codings of the same documents (paired by id;
/// each must hold the same documents with the same texts).
pub fn score(
    gold: &[GoldDoc],
    predicting: &[GoldDoc],
    optional: OptionalEvents,
    segmenters: &Segmenters,
) -> Result<Agreement, AgreementError> {
    let others = pair(gold, predicting)?;
    let analyses: Vec<Analysis> = gold
        .iter()
        .zip(&others)
        .map(|(g, o)| as_analysis(g, o, optional, segmenters))
        .collect();
    let report = events::score(gold, &analyses);
    let disagreements = classify(gold, &others, &analyses, &report, optional, segmenters);
    let causes = Cause::ALL
        .iter()
        .map(|&c| (c, disagreements.iter().filter(|d| d.cause == c).count()))
        .collect();
    Ok(Agreement {
        optional,
        report,
        causes,
        disagreements,
    })
}

/// The predicting coding's document for each gold document, in gold order.
fn pair<'a>(gold: &[GoldDoc], other: &'a [GoldDoc]) -> Result<Vec<&'a GoldDoc>, AgreementError> {
    let mut by_id: HashMap<&str, &GoldDoc> = HashMap::new();
    for o in other {
        if by_id.insert(o.id.as_str(), o).is_some() {
            return Err(AgreementError {
                doc: o.id.clone(),
                message: "coded twice in the second file".into(),
            });
        }
    }
    if other.len() != gold.len() {
        if let Some(o) = other.iter().find(|o| !gold.iter().any(|g| g.id == o.id)) {
            return Err(AgreementError {
                doc: o.id.clone(),
                message: "in the second file but not in the first".into(),
            });
        }
    }
    gold.iter()
        .map(|g| {
            let o = by_id.get(g.id.as_str()).ok_or_else(|| AgreementError {
                doc: g.id.clone(),
                message: "in the first file but not in the second".into(),
            })?;
            if o.text() != g.text() {
                return Err(AgreementError {
                    doc: g.id.clone(),
                    message: "the two files give different texts".into(),
                });
            }
            Ok(*o)
        })
        .collect()
}

/// The sentence spans of a text, by the segmenter.
fn sentences(text: &str, seg: &Segmenter) -> Vec<Span> {
    seg.segment(text).sentences.iter().map(|x| x.span).collect()
}

/// The sentences that the byte range touches, as one span; the range itself where there
/// are none.
fn sentence_around(sents: &[Span], (s, e): (usize, usize)) -> Span {
    let touching: Vec<&Span> = sents
        .iter()
        .filter(|x| (x.start as usize) < e.max(s + 1) && s < x.end as usize)
        .collect();
    match (touching.first(), touching.last()) {
        (Some(a), Some(b)) => Span::new(a.start as usize, b.end as usize),
        _ => Span::new(s, e),
    }
}

/// The byte range of a gold sentence substring (its first occurrence, as the scorer
/// reads it).
fn locate(text: &str, sentence: &str) -> (usize, usize) {
    let s = text.find(sentence).unwrap_or(0);
    (s, s + sentence.len())
}

/// One coding's events of a document as an analysis (predictions). The rule of each
/// prediction is `#k`, `k` its index among the document's events.
fn as_analysis(
    gold: &GoldDoc,
    other: &GoldDoc,
    optional: OptionalEvents,
    segmenters: &Segmenters,
) -> Analysis {
    let text = other.text();
    let sents = sentences(text, segmenters.get(other.language().or(gold.language())));
    let mut doc = Document::new(other.id.clone(), text.to_string());
    doc.language = other.language();
    let mut a = Analysis::from_document(doc);
    for (k, g) in other.events.iter().flatten().enumerate() {
        if g.optional && optional == OptionalEvents::Exclude {
            continue;
        }
        // `load` has checked the type and that the sentence occurs in the text
        let Ok(ty) = g.event.parse::<EventType>() else {
            continue;
        };
        let (s, e) = locate(text, &g.sentence);
        let evidence = sentence_around(&sents, (s, e));
        let trigger = Mention {
            start: s as u32,
            end: e as u32,
            text: g.sentence.clone(),
        };
        a.events.push(as_event(k, ty, g, trigger, evidence));
    }
    a
}

fn as_event(k: usize, ty: EventType, g: &GoldEvent, trigger: Mention, evidence: Span) -> Event {
    let actor = |code: &String| sitrep_core::EventActor {
        code: code.clone(),
        entity: None,
        text: code.clone(),
        start: trigger.start,
        end: trigger.end,
        inferred: false,
    };
    let place = |p: &String| EventPlace {
        code: Some(p.clone()),
        name: p.clone(),
        text: p.clone(),
        start: 0,
        end: 0,
    };
    let mut e = Event::new(format!("e{k}"), ty, trigger.clone(), evidence);
    e.rule = format!("#{k}");
    e.mode = g.mode.clone();
    e.source = g.source.iter().map(actor).collect();
    e.target = g.target.iter().map(actor).collect();
    e.modality = g
        .modality
        .as_deref()
        .and_then(|m| m.parse::<Modality>().ok())
        .unwrap_or(Modality::Asserted);
    e.quantity = g.quantity.as_ref().map(|q| EventQuantity {
        value: q.value,
        unit: None,
        text: q.text.clone().unwrap_or_default(),
        start: 0,
        end: 0,
    });
    e.origin = g.origin.iter().map(place).collect();
    e.destination = g.destination.iter().map(place).collect();
    e.location = g.location.iter().map(place).collect();
    e.date = g.date.as_ref().map(|d| EventDate {
        value: Some(d.clone()),
        granularity: String::new(),
        text: d.clone(),
        start: 0,
        end: 0,
    });
    e.speaker = g.speaker.as_ref().map(|s| Speaker {
        entity: None,
        name: s.clone(),
        code: None,
    });
    e.reported_by = g
        .reported_by
        .iter()
        .map(|r| Citation {
            name: Some(r.clone()),
            kind: None,
            entity: None,
            text: r.clone(),
            start: 0,
            end: 0,
        })
        .collect();
    e
}

/// Sorts the unmatched events of a scoring into causes. First a miss and a false alarm
/// from one sentence are paired (same type: actors differ; other types: type differs,
/// with or without the actors). A miss left over is the predicting coder's optional event
/// of its type, or else is classified by what that coder coded in the sentence instead
/// (an event matched elsewhere or optional: another type, or other actors), or else was
/// coded by the gold coder only; a false alarm left over likewise against the gold
/// coder's events in its sentence.
fn classify(
    gold: &[GoldDoc],
    others: &[&GoldDoc],
    analyses: &[Analysis],
    report: &Report,
    optional: OptionalEvents,
    segmenters: &Segmenters,
) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for ((g, o), a) in gold.iter().zip(others).zip(analyses) {
        let text = g.text();
        let sents = sentences(text, segmenters.get(g.language().or(o.language())));
        let gev: &[GoldEvent] = g.events.as_deref().unwrap_or(&[]);
        let oev: &[GoldEvent] = o.events.as_deref().unwrap_or(&[]);
        // misses with the gold event they stand for and its sentence span
        let misses: Vec<(&Miss, &GoldEvent, Span)> = report
            .misses
            .iter()
            .filter(|m| m.doc == g.id)
            .filter_map(|m| {
                let e = gev.iter().find(|e| {
                    !e.optional
                        && e.event == m.event
                        && e.sentence == m.sentence
                        && e.source == m.source
                        && e.target == m.target
                })?;
                Some((m, e, sentence_around(&sents, locate(text, &e.sentence))))
            })
            .collect();
        // false alarms with their prediction (found by its rule `#k`)
        let alarms: Vec<(&Miss, &Event)> = report
            .false_alarms
            .iter()
            .filter(|m| m.doc == g.id)
            .filter_map(|m| {
                let k = m.rule.as_deref()?.strip_prefix('#')?;
                let p = a.events.iter().find(|e| e.rule == format!("#{k}"))?;
                Some((m, p))
            })
            .collect();
        let overlap = |a: Span, b: Span| a.start < b.end && b.start < a.end;
        let mut miss_done = vec![false; misses.len()];
        let mut alarm_done = vec![false; alarms.len()];
        let codes = |p: &[sitrep_core::EventActor]| -> Vec<String> {
            p.iter().map(|x| x.code.clone()).collect()
        };
        for same_type in [true, false] {
            for (i, (m, ge, span)) in misses.iter().enumerate() {
                if miss_done[i] {
                    continue;
                }
                let found = alarms.iter().enumerate().find(|(j, (_, p))| {
                    !alarm_done[*j]
                        && overlap(*span, p.evidence)
                        && (p.event_type.as_str() == ge.event) == same_type
                });
                if let Some((j, (_, p))) = found {
                    miss_done[i] = true;
                    alarm_done[j] = true;
                    let actors = event_agrees(&codes(&p.source), &codes(&p.target), ge);
                    let cause = match (same_type, actors) {
                        (true, _) => Cause::ActorsDiffer,
                        (false, true) => Cause::TypeDiffers,
                        (false, false) => Cause::TypeAndActorsDiffer,
                    };
                    out.push(Disagreement {
                        cause,
                        doc: g.id.clone(),
                        gold: Some((*m).clone()),
                        predicted: Some(coded(&alarms[j])),
                    });
                }
            }
        }
        for (i, (m, ge, span)) in misses.iter().enumerate() {
            if miss_done[i] {
                continue;
            }
            let near =
                |e: &GoldEvent| overlap(*span, sentence_around(&sents, locate(text, &e.sentence)));
            let had_optional = optional == OptionalEvents::Exclude
                && oev
                    .iter()
                    .any(|e| e.optional && e.event == ge.event && near(e));
            // what the predicting coder coded in the sentence instead (an event that was
            // matched elsewhere, or an optional one)
            let instead = || {
                coded_instead(oev, &ge.event, near, |e| {
                    event_agrees(&e.source, &e.target, ge)
                })
            };
            let (cause, predicted) = if had_optional {
                (Cause::OptionalInPrediction, None)
            } else if let Some((cause, e)) = instead() {
                (cause, Some(as_miss(&g.id, e)))
            } else {
                (Cause::OnlyGold, None)
            };
            out.push(Disagreement {
                cause,
                doc: g.id.clone(),
                gold: Some((*m).clone()),
                predicted,
            });
        }
        for (j, alarm) in alarms.iter().enumerate() {
            if alarm_done[j] {
                continue;
            }
            let p = alarm.1;
            let (src, tgt) = (codes(&p.source), codes(&p.target));
            let near = |e: &GoldEvent| {
                overlap(
                    p.evidence,
                    sentence_around(&sents, locate(text, &e.sentence)),
                )
            };
            // what the gold coder coded in the sentence instead
            let instead = coded_instead(gev, p.event_type.as_str(), near, |e| {
                event_agrees(&src, &tgt, e)
            });
            let (cause, gold) = match instead {
                Some((cause, e)) => (cause, Some(as_miss(&g.id, e))),
                None => (Cause::OnlyPredicted, None),
            };
            out.push(Disagreement {
                cause,
                doc: g.id.clone(),
                gold,
                predicted: Some(coded(alarm)),
            });
        }
    }
    out
}

/// What a coder coded in a sentence (`near`) instead of the other coder's event of type
/// `ty`: first an event of another type (with the same actors by `agrees`, or not), then
/// one of the same type with other actors.
fn coded_instead<'a>(
    events: &'a [GoldEvent],
    ty: &str,
    near: impl Fn(&GoldEvent) -> bool,
    agrees: impl Fn(&GoldEvent) -> bool,
) -> Option<(Cause, &'a GoldEvent)> {
    if let Some(e) = events.iter().find(|e| e.event != ty && near(e)) {
        let cause = if agrees(e) {
            Cause::TypeDiffers
        } else {
            Cause::TypeAndActorsDiffer
        };
        return Some((cause, e));
    }
    events
        .iter()
        .find(|e| e.event == ty && near(e) && !agrees(e))
        .map(|e| (Cause::ActorsDiffer, e))
}

/// Whether codes (as a prediction) agree with a gold event's actors.
fn event_agrees(source: &[String], target: &[String], g: &GoldEvent) -> bool {
    actors_agree(source, &g.source, &g.source_also)
        && actors_agree(target, &g.target, &g.target_also)
}

/// A coded event for the disagreement list.
fn as_miss(doc: &str, e: &GoldEvent) -> Miss {
    Miss {
        doc: doc.to_string(),
        event: e.event.clone(),
        source: e.source.clone(),
        target: e.target.clone(),
        sentence: e.sentence.clone(),
        rule: e.optional.then(|| "optional".to_string()),
    }
}

/// A false alarm as the predicting coder coded it: its `sentence` substring rather than
/// the whole sentence used as evidence.
fn coded((fa, p): &(&Miss, &Event)) -> Miss {
    Miss {
        sentence: p.trigger.text.clone(),
        ..(*fa).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Russland griff die Ukraine an. Die Nato traf sich in Brüssel. \
                        Polen forderte Hilfe von der EU.";

    fn doc(events: &str) -> GoldDoc {
        serde_json::from_str(&format!(
            r#"{{"id":"d1","language":"de","text":{TEXT:?},"events":[{events}]}}"#
        ))
        .unwrap()
    }

    const CODING: &str = r#"
        {"event":"ASSAULT","sentence":"griff die Ukraine an","source":["RUS"],"target":["UKR"]},
        {"event":"CONSULT","sentence":"Die Nato traf sich","source":["NATO"],"target":[],"location":["Brüssel"]},
        {"event":"REQUEST","sentence":"Polen forderte","source":["POL"],"target":["EU"],"optional":true}"#;

    fn run(a: &GoldDoc, b: &GoldDoc, opt: OptionalEvents) -> Agreement {
        score(
            std::slice::from_ref(a),
            std::slice::from_ref(b),
            opt,
            &Segmenters::new(),
        )
        .unwrap()
    }

    #[test]
    fn a_coding_agrees_fully_with_itself() {
        let a = doc(CODING);
        for opt in [OptionalEvents::Exclude, OptionalEvents::Include] {
            let r = run(&a, &a, opt);
            let o = &r.report.overall;
            assert_eq!(
                (o.precision(), o.recall(), o.f1()),
                (1.0, 1.0, 1.0),
                "{opt:?}"
            );
            assert!(r.disagreements.is_empty());
            assert_eq!(r.report.attributes["location"].accuracy(), 1.0);
        }
        // the optional event, predicted, matches only an optional gold event
        assert_eq!(
            run(&a, &a, OptionalEvents::Include).report.overall.optional,
            1
        );
    }

    #[test]
    fn a_changed_type_loses_exactly_that_match() {
        let a = doc(CODING);
        let b = doc(&CODING.replacen("\"ASSAULT\"", "\"COERCE\"", 1));
        let r = run(&a, &b, OptionalEvents::Exclude);
        let o = &r.report.overall;
        assert_eq!((o.tp, o.fp, o.fn_), (1, 1, 1));
        assert_eq!(r.disagreements.len(), 1);
        let d = &r.disagreements[0];
        assert_eq!(d.cause, Cause::TypeDiffers);
        assert_eq!(d.gold.as_ref().unwrap().event, "ASSAULT");
        assert_eq!(d.predicted.as_ref().unwrap().event, "COERCE");
    }

    #[test]
    fn other_words_of_the_same_sentence_still_match() {
        let a = doc(CODING);
        let b = doc(&CODING.replacen("griff die Ukraine an", "Russland griff", 1));
        assert_eq!(
            run(&a, &b, OptionalEvents::Exclude).report.overall.f1(),
            1.0
        );
    }

    #[test]
    fn disagreements_are_sorted_by_cause() {
        let a = doc(CODING);
        let b = doc(r#"
            {"event":"ASSAULT","sentence":"griff die Ukraine an","source":["RUS"],"target":["POL"]},
            {"event":"REQUEST","sentence":"Polen forderte","source":["POL"],"target":["EU"]}"#);
        let r = run(&a, &b, OptionalEvents::Exclude);
        let count = |c: Cause| r.causes.iter().find(|x| x.0 == c).unwrap().1;
        assert_eq!(count(Cause::ActorsDiffer), 1, "{:?}", r.disagreements);
        assert_eq!(count(Cause::OnlyGold), 1, "the CONSULT");
        assert_eq!(
            r.report.overall.optional, 1,
            "REQUEST is optional in the gold"
        );
        // the other direction: b's REQUEST is required, a had it as optional
        let back = run(&b, &a, OptionalEvents::Exclude);
        let count = |c: Cause| back.causes.iter().find(|x| x.0 == c).unwrap().1;
        assert_eq!(
            count(Cause::OptionalInPrediction),
            1,
            "{:?}",
            back.disagreements
        );
        assert_eq!(count(Cause::OnlyPredicted), 1, "the CONSULT");
    }

    #[test]
    fn a_miss_is_classified_by_what_the_other_coder_read_in_its_sentence() {
        // the gold coder has a required ACCUSE and an optional REQUEST in one sentence;
        // the predicting coder only the REQUEST, which matches the optional gold event
        let a = doc(r#"
            {"event":"ACCUSE","sentence":"Polen forderte","source":["POL"],"target":["EU"]},
            {"event":"REQUEST","sentence":"Hilfe von der EU","source":["POL"],"target":["EU"],"optional":true}"#);
        let b = doc(
            r#"{"event":"REQUEST","sentence":"Polen forderte Hilfe","source":["POL"],"target":["EU"]}"#,
        );
        let r = run(&a, &b, OptionalEvents::Exclude);
        assert_eq!((r.report.overall.fn_, r.report.overall.optional), (1, 1));
        assert_eq!(r.disagreements.len(), 1);
        let d = &r.disagreements[0];
        assert_eq!(d.cause, Cause::TypeDiffers);
        assert_eq!(d.predicted.as_ref().unwrap().event, "REQUEST");
        // and the other way round: b's REQUEST is matched, a's ACCUSE is a false alarm
        let back = run(&b, &a, OptionalEvents::Exclude);
        assert_eq!(back.disagreements.len(), 1);
        assert_eq!(back.disagreements[0].cause, Cause::TypeDiffers);
        assert_eq!(
            back.disagreements[0].gold.as_ref().unwrap().event,
            "REQUEST"
        );
    }

    #[test]
    fn mismatched_files_are_refused_with_the_document() {
        let a = doc(CODING);
        let mut b = doc(CODING);
        b.id = "d2".into();
        let e = score(
            std::slice::from_ref(&a),
            &[b],
            OptionalEvents::Exclude,
            &Segmenters::new(),
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("d1: in the first file but not"),
            "{e}"
        );
        let mut c = doc(CODING);
        c.text = Some("anders".into());
        let e = score(&[a], &[c], OptionalEvents::Exclude, &Segmenters::new()).unwrap_err();
        assert!(
            e.to_string()
                .contains("d1: the two files give different texts"),
            "{e}"
        );
    }
}
