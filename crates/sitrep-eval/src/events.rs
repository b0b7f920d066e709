//! Gold event files and their scoring, exactly as `../shared/eval/GOLD_FORMAT.md` defines:
//! event-level precision, recall and F1 (type, evidence in the gold sentence, agreeing
//! sources and targets; one-to-one, greedy in document order; optional gold events neither
//! rewarded nor punished), attribute accuracy over matched pairs, and document-level
//! labels (`doc_event`) scored apart.
//!
//! Reading is separate from scoring: [`load`] parses a gold file and fills in texts given by
//! `text_from` from the data folder; [`score`] compares analyses (from any extractor) with
//! the gold documents.

use serde::{Deserialize, Serialize};
use sitrep_core::{Analysis, Event, EventType, Language};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
pub struct TextFrom {
    pub corpus: String,
    pub id: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DocEvent {
    pub event: String,
    #[serde(default)]
    pub mode: Option<String>,
}

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub text_from: Option<TextFrom>,
    #[serde(default)]
    pub events: Option<Vec<GoldEvent>>,
    #[serde(default)]
    pub doc_event: Option<DocEvent>,
}

/// One gold event (the fields the scorer reads; others are kept as JSON).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub event: String,
    pub sentence: String,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
    #[serde(default)]
    pub source_also: Vec<String>,
    #[serde(default)]
    pub target_also: Vec<String>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub modality: Option<String>,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub quantity: Option<GoldQuantity>,
    #[serde(default)]
    pub origin: Vec<String>,
    #[serde(default)]
    pub destination: Vec<String>,
    #[serde(default)]
    pub location: Vec<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub reported_by: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuantity {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
}

/// A problem with a gold file: the file, the line and what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GoldError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Reads a gold file; texts given by `text_from` are read from `data_dir`, and every
/// event's `sentence` must occur in its document's text.
pub fn load(path: &Path, data_dir: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let file = path.display().to_string();
    let err = |line: usize, message: String| GoldError {
        file: file.clone(),
        line,
        message,
    };
    let src = std::fs::read_to_string(path).map_err(|e| err(0, format!("cannot read: {e}")))?;
    let mut corpora: HashMap<PathBuf, HashMap<String, String>> = HashMap::new();
    let mut docs = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut d: GoldDoc =
            serde_json::from_str(line).map_err(|e| err(n, format!("not a gold document: {e}")))?;
        if d.text.is_none() {
            let Some(tf) = &d.text_from else {
                return Err(err(n, format!("{}: neither `text` nor `text_from`", d.id)));
            };
            let cpath = data_dir.join(&tf.corpus);
            if !corpora.contains_key(&cpath) {
                let texts = read_corpus(&cpath).map_err(|m| err(n, m))?;
                corpora.insert(cpath.clone(), texts);
            }
            let text = corpora[&cpath].get(&tf.id).ok_or_else(|| {
                err(
                    n,
                    format!("{}: no document `{}` in {}", d.id, tf.id, cpath.display()),
                )
            })?;
            d.text = Some(text.clone());
        }
        let text = d.text.as_deref().unwrap_or("");
        if let Some(ev) = &d.events {
            for e in ev {
                if e.event.parse::<EventType>().is_err() {
                    return Err(err(
                        n,
                        format!("{}: unknown event type `{}`", d.id, e.event),
                    ));
                }
                if !text.contains(&e.sentence) {
                    return Err(err(
                        n,
                        format!("{}: sentence not in the text: {:?}", d.id, e.sentence),
                    ));
                }
            }
        }
        docs.push(d);
    }
    Ok(docs)
}

/// The texts of a corpus by id: JSON Lines (`id`, `text`) or CoNLL-U (`# sent_id`,
/// `# text`).
pub(crate) fn read_corpus(path: &Path) -> Result<HashMap<String, String>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read corpus {} (set SITREP_DATA to the data folder): {e}",
            path.display()
        )
    })?;
    let mut out = HashMap::new();
    if path.extension().is_some_and(|e| e == "conllu") {
        // sentences by `sent_id`, and whole documents by `newdoc id`: their sentences
        // joined by a space, paragraphs (`newpar`) by a blank line
        let mut id: Option<String> = None;
        let mut doc: Option<(String, String)> = None;
        let mut new_par = false;
        for l in src.lines() {
            if let Some(v) = l.strip_prefix("# newdoc id = ") {
                if let Some((d, t)) = doc.take() {
                    out.insert(d, t);
                }
                doc = Some((v.trim().to_string(), String::new()));
                new_par = false;
            } else if l.starts_with("# newpar") {
                new_par = true;
            } else if let Some(v) = l.strip_prefix("# sent_id = ") {
                id = Some(v.trim().to_string());
            } else if let Some(v) = l.strip_prefix("# text = ") {
                if let Some((_, t)) = doc.as_mut() {
                    if !t.is_empty() {
                        t.push_str(if new_par { "\n\n" } else { " " });
                    }
                    t.push_str(v);
                    new_par = false;
                }
                if let Some(i) = id.take() {
                    out.insert(i, v.to_string());
                }
            }
        }
        if let Some((d, t)) = doc.take() {
            out.insert(d, t);
        }
    } else {
        #[derive(Deserialize)]
        struct Row {
            id: serde_json::Value,
            text: String,
        }
        for (i, l) in src.lines().enumerate() {
            if l.trim().is_empty() {
                continue;
            }
            let r: Row = serde_json::from_str(l)
                .map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
            let id = match r.id {
                serde_json::Value::String(s) => s,
                v => v.to_string(),
            };
            out.insert(id, r.text);
        }
    }
    Ok(out)
}

impl GoldDoc {
    pub fn language(&self) -> Option<Language> {
        self.language.as_deref().and_then(|l| l.parse().ok())
    }

    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }
}

/// Counts for one type (or overall).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// matched predictions
    pub tp: usize,
    /// predictions that matched nothing
    pub fp: usize,
    /// required gold events not matched
    pub fn_: usize,
    /// predictions that matched only an optional gold event
    pub optional: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// An unmatched event, for error analysis.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub doc: String,
    pub event: String,
    pub source: Vec<String>,
    pub target: Vec<String>,
    /// The sentence (gold) or the evidence text (prediction).
    pub sentence: String,
    /// The frame for predictions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Attribute {
    pub hits: usize,
    pub total: usize,
}

impl Attribute {
    pub fn accuracy(&self) -> f64 {
        ratio(self.hits, self.total)
    }
}

/// Document-level label scores.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocLevel {
    pub documents: usize,
    pub hits: usize,
    /// per labelled type: (documents, hits)
    pub per_type: BTreeMap<String, (usize, usize)>,
    /// the mean number of distinct predicted types per document
    pub mean_types: f64,
    /// documents whose labelled type was not found (the first line of the text)
    pub misses: Vec<Miss>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub documents: usize,
    pub gold_required: usize,
    pub gold_optional: usize,
    pub predictions: usize,
    pub overall: Counts,
    pub per_type: BTreeMap<String, Counts>,
    pub modality: Attribute,
    /// Attribute accuracy over matched pairs, by GOLD_FORMAT's rules: quantity, origin,
    /// destination, location, date, speaker, reported_by.
    pub attributes: BTreeMap<String, Attribute>,
    pub misses: Vec<Miss>,
    pub false_alarms: Vec<Miss>,
    pub doc_level: Option<DocLevel>,
}

/// Two strings share a word when, lower-cased and split at spaces, hyphens and
/// punctuation, a word of at least four letters of one is a prefix of a word of the other
/// (`Kreml-Angaben` and `Kremlin`).
pub fn share_word(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let long = |w: &&String| w.chars().count() >= 4;
    wa.iter()
        .filter(long)
        .any(|x| wb.iter().any(|y| y.starts_with(x.as_str())))
        || wb
            .iter()
            .filter(long)
            .any(|y| wa.iter().any(|x| x.starts_with(y.as_str())))
}

fn tally(attrs: &mut BTreeMap<String, Attribute>, name: &str, hit: bool) {
    let a = attrs.entry(name.to_string()).or_default();
    a.total += 1;
    if hit {
        a.hits += 1;
    }
}

/// Attribute accuracy of one matched pair, as GOLD_FORMAT.md defines it.
fn score_attributes(p: &Event, g: &GoldEvent, attrs: &mut BTreeMap<String, Attribute>) {
    if let Some(q) = &g.quantity {
        let hit = match (q.value, &p.quantity) {
            (_, None) => false,
            (Some(v), Some(pq)) => pq.value.is_some_and(|x| (x - v).abs() < 1e-9),
            (None, Some(pq)) => q.text.as_ref().is_some_and(|t| {
                let (a, b) = (t.to_lowercase(), pq.text.to_lowercase());
                a.contains(&b) || b.contains(&a)
            }),
        };
        tally(attrs, "quantity", hit);
    }
    for (name, gold, pred) in [
        ("origin", &g.origin, &p.origin),
        ("destination", &g.destination, &p.destination),
        ("location", &g.location, &p.location),
    ] {
        for item in gold {
            let hit = pred.iter().any(|x| {
                x.code
                    .as_ref()
                    .is_some_and(|c| c.eq_ignore_ascii_case(item))
                    || share_word(item, &x.text)
                    || share_word(item, &x.name)
            });
            tally(attrs, name, hit);
        }
    }
    if let Some(d) = &g.date {
        let hit = p
            .date
            .as_ref()
            .and_then(|x| x.value.as_ref())
            .is_some_and(|v| v.starts_with(d.as_str()));
        tally(attrs, "date", hit);
    }
    if let Some(sp) = &g.speaker {
        let hit = p
            .speaker
            .as_ref()
            .is_some_and(|x| share_word(sp, &x.name) || x.code.as_deref() == Some(sp.as_str()));
        tally(attrs, "speaker", hit);
    }
    for item in &g.reported_by {
        let media = item == "media reports";
        let hit = p.reported_by.iter().any(|c| {
            share_word(item, &c.text)
                || c.name.as_deref().is_some_and(|n| share_word(item, n))
                || media
                    && (c.kind == Some(sitrep_core::EntityKind::Media) && c.name.is_none() || {
                        let t = c.text.to_lowercase();
                        t.contains("medien") || t.contains("media")
                    })
        });
        tally(attrs, "reported_by", hit);
    }
}

/// Whether predicted codes agree with a gold actor list under GOLD_FORMAT's rules.
pub fn actors_agree(pred: &[String], gold: &[String], also: &[String]) -> bool {
    let any = also.iter().any(|c| c == "*");
    if any {
        return true;
    }
    if pred.is_empty() {
        return gold.is_empty() || also.iter().any(|c| c.is_empty());
    }
    let accept = |p: &str| {
        gold.iter()
            .chain(also)
            .any(|g| g == p || matches!(g.as_str(), "IGO" | "NGO") && is_international(p))
    };
    pred.iter().any(|p| accept(p))
}

/// An international organisation's code: not a state's three letters, not the West, not a
/// transnational armed group.
fn is_international(code: &str) -> bool {
    let state = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
    !state && !matches!(code, "IS" | "AL_QAEDA" | "WST")
}

fn codes(a: &[sitrep_core::EventActor]) -> Vec<String> {
    a.iter().map(|x| x.code.clone()).collect()
}

/// Byte span of the gold sentence in the text (first occurrence).
fn sentence_span(text: &str, sentence: &str) -> Option<(u32, u32)> {
    text.find(sentence)
        .map(|s| (s as u32, (s + sentence.len()) as u32))
}

fn matches(text: &str, p: &Event, g: &GoldEvent) -> bool {
    if p.event_type.as_str() != g.event {
        return false;
    }
    let Some((gs, ge)) = sentence_span(text, &g.sentence) else {
        return false;
    };
    let (ps, pe) = (p.evidence.start, p.evidence.end);
    let overlaps = ps < ge && gs < pe;
    overlaps
        && actors_agree(&codes(&p.source), &g.source, &g.source_also)
        && actors_agree(&codes(&p.target), &g.target, &g.target_also)
}

/// Scores analyses against gold documents (paired by position).
pub fn score(gold: &[GoldDoc], predicted: &[Analysis]) -> Report {
    let mut r = Report::default();
    let mut doc_level = DocLevel::default();
    let mut type_sum = 0usize;
    for (g, a) in gold.iter().zip(predicted) {
        r.documents += 1;
        let text = g.text();
        if let (Some(de), None) = (&g.doc_event, &g.events) {
            doc_level.documents += 1;
            let mut types: Vec<EventType> = a.events.iter().map(|e| e.event_type).collect();
            types.sort();
            types.dedup();
            type_sum += types.len();
            let hit = types.iter().any(|t| t.as_str() == de.event);
            let e = doc_level.per_type.entry(de.event.clone()).or_default();
            e.0 += 1;
            if hit {
                e.1 += 1;
                doc_level.hits += 1;
            } else {
                doc_level.misses.push(Miss {
                    doc: g.id.clone(),
                    event: de.event.clone(),
                    source: Vec::new(),
                    target: types.iter().map(|t| t.as_str().to_string()).collect(),
                    sentence: text
                        .lines()
                        .next()
                        .unwrap_or("")
                        .chars()
                        .take(200)
                        .collect(),
                    rule: None,
                });
            }
            continue;
        }
        let Some(gev) = &g.events else { continue };
        for e in gev {
            if e.optional {
                r.gold_optional += 1;
            } else {
                r.gold_required += 1;
            }
        }
        let mut preds: Vec<&Event> = a.events.iter().collect();
        preds.sort_by_key(|e| (e.evidence.start, e.trigger.start));
        r.predictions += preds.len();
        let mut used = vec![false; gev.len()];
        for p in preds {
            let ty = p.event_type.as_str().to_string();
            let find = |optional: bool, used: &[bool]| {
                (0..gev.len())
                    .find(|&k| !used[k] && gev[k].optional == optional && matches(text, p, &gev[k]))
            };
            if let Some(k) = find(false, &used) {
                used[k] = true;
                r.per_type.entry(ty).or_default().tp += 1;
                r.overall.tp += 1;
                r.modality.total += 1;
                let gm = gev[k].modality.as_deref().unwrap_or("asserted");
                if p.modality.as_str() == gm {
                    r.modality.hits += 1;
                }
                score_attributes(p, &gev[k], &mut r.attributes);
            } else if let Some(k) = find(true, &used) {
                used[k] = true;
                r.per_type.entry(ty).or_default().optional += 1;
                r.overall.optional += 1;
            } else {
                r.per_type.entry(ty.clone()).or_default().fp += 1;
                r.overall.fp += 1;
                r.false_alarms.push(Miss {
                    doc: g.id.clone(),
                    event: ty,
                    source: codes(&p.source),
                    target: codes(&p.target),
                    sentence: p.evidence.get(text).unwrap_or("").to_string(),
                    rule: Some(p.rule.clone()),
                });
            }
        }
        for (k, e) in gev.iter().enumerate() {
            if !used[k] && !e.optional {
                r.per_type.entry(e.event.clone()).or_default().fn_ += 1;
                r.overall.fn_ += 1;
                r.misses.push(Miss {
                    doc: g.id.clone(),
                    event: e.event.clone(),
                    source: e.source.clone(),
                    target: e.target.clone(),
                    sentence: e.sentence.clone(),
                    rule: None,
                });
            }
        }
    }
    if doc_level.documents > 0 {
        doc_level.mean_types = type_sum as f64 / doc_level.documents as f64;
        r.doc_level = Some(doc_level);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{EventActor, Mention, Span};

    fn actor(c: &str) -> EventActor {
        EventActor {
            code: c.into(),
            entity: None,
            text: c.into(),
            start: 0,
            end: 0,
            inferred: false,
        }
    }

    fn event(ty: EventType, src: &[&str], tgt: &[&str], ev: (usize, usize)) -> Event {
        let trigger = Mention {
            start: ev.0 as u32,
            end: ev.0 as u32,
            text: String::new(),
        };
        Event {
            source: src.iter().map(|c| actor(c)).collect(),
            target: tgt.iter().map(|c| actor(c)).collect(),
            rule: "test".into(),
            ..Event::new("v", ty, trigger, Span::new(ev.0, ev.1))
        }
    }

    fn gold(line: &str) -> GoldDoc {
        serde_json::from_str(line).unwrap()
    }

    fn analysis(text: &str, events: Vec<Event>) -> Analysis {
        let mut a = Analysis::from_document(sitrep_core::Document::new("d", text));
        a.events = events;
        a
    }

    #[test]
    fn words_are_shared_by_four_letter_prefixes() {
        assert!(share_word("Kreml-Angaben", "Kremlin"));
        assert!(share_word("EU-Abgeordnete", "die EU-Abgeordneten"));
        assert!(
            !share_word("EU", "EU"),
            "words under four letters never count"
        );
        assert!(!share_word("Washington Post", "Wall Street Journal"));
    }

    #[test]
    fn attributes_are_scored_over_matched_pairs() {
        let text = "Die USA schicken 2.000 Soldaten nach Polen.";
        let g = gold(&format!(
            r#"{{"id":"d","text":{text:?},"events":[{{"event":"MOBILIZE","sentence":"Die USA","source":["USA"],"target":[],
              "quantity":{{"text":"2.000","value":2000,"unit":"Soldaten"}},"destination":["POL","Polen"],"origin":["USA"],"date":"2022-02"}}]}}"#
        ));
        let mut e = event(EventType::Mobilize, &["USA"], &[], (0, 44));
        e.quantity = Some(sitrep_core::EventQuantity {
            value: Some(2000.0),
            unit: Some("Soldat".into()),
            text: "2.000 Soldaten".into(),
            start: 17,
            end: 31,
        });
        e.destination = vec![sitrep_core::EventPlace {
            code: Some("POL".into()),
            name: "Polen".into(),
            text: "Polen".into(),
            start: 37,
            end: 42,
        }];
        e.date = Some(sitrep_core::EventDate {
            value: Some("2022-02-02".into()),
            granularity: "day".into(),
            text: "heute".into(),
            start: 0,
            end: 0,
        });
        let r = score(&[g], &[analysis(text, vec![e])]);
        let a = |n: &str| (r.attributes[n].hits, r.attributes[n].total);
        assert_eq!(a("quantity"), (1, 1));
        assert_eq!(a("destination"), (2, 2), "by code and by shared word");
        assert_eq!(a("origin"), (0, 1));
        assert_eq!(a("date"), (1, 1), "a day within the gold month");
    }

    #[test]
    fn actor_agreement_follows_the_gold_rules() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(actors_agree(&s(&["USA", "NATO"]), &s(&["NATO"]), &[]));
        assert!(!actors_agree(&s(&["RUS"]), &s(&["NATO"]), &[]));
        assert!(actors_agree(&s(&["GBR"]), &s(&["WST"]), &s(&["GBR"])));
        assert!(actors_agree(&[], &[], &[]));
        assert!(!actors_agree(&[], &s(&["USA"]), &[]));
        assert!(actors_agree(&[], &s(&["USA"]), &s(&[""])));
        assert!(actors_agree(&s(&["CHN"]), &[], &s(&["*"])));
        assert!(actors_agree(&s(&["OSCE"]), &s(&["IGO"]), &[]));
        assert!(!actors_agree(&s(&["FRA"]), &s(&["IGO"]), &[]));
    }

    #[test]
    fn scores_one_to_one_with_optional_events_neutral() {
        let text = "Russia attacked Ukraine. NATO met. Nothing here.";
        let g = gold(&format!(
            r#"{{"id":"d","text":{text:?},"events":[
            {{"event":"ASSAULT","sentence":"Russia attacked Ukraine.","source":["RUS"],"target":["UKR"]}},
            {{"event":"CONSULT","sentence":"NATO met.","source":["NATO"],"target":[],"optional":true}}]}}"#
        ));
        let preds = analysis(
            text,
            vec![
                event(EventType::Assault, &["RUS"], &["UKR"], (0, 24)),
                // a second prediction of the same gold event is a false alarm
                event(EventType::Assault, &["RUS"], &["UKR"], (0, 24)),
                // matches only the optional event: left out of precision
                event(EventType::Consult, &["NATO"], &[], (25, 34)),
                // wrong target
                event(EventType::Assault, &["RUS"], &["POL"], (35, 48)),
            ],
        );
        let r = score(&[g], &[preds]);
        assert_eq!(
            (
                r.overall.tp,
                r.overall.fp,
                r.overall.fn_,
                r.overall.optional
            ),
            (1, 2, 0, 1)
        );
        assert!((r.overall.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(r.overall.recall(), 1.0);
        assert_eq!(r.false_alarms.len(), 2);
        assert_eq!(r.modality.total, 1);
    }

    #[test]
    fn evidence_outside_the_gold_sentence_does_not_match() {
        let text = "Russia attacked Ukraine. Later Russia attacked Ukraine again.";
        let g = gold(&format!(
            r#"{{"id":"d","text":{text:?},"events":[{{"event":"ASSAULT","sentence":"Later Russia","source":["RUS"],"target":["UKR"]}}]}}"#
        ));
        let r = score(
            &[g],
            &[analysis(
                text,
                vec![event(EventType::Assault, &["RUS"], &["UKR"], (0, 24))],
            )],
        );
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (0, 1, 1));
        assert_eq!(r.misses[0].sentence, "Later Russia");
    }

    #[test]
    fn document_labels_are_scored_apart() {
        let g1 = gold(r#"{"id":"a","text":"x","doc_event":{"event":"PROTEST","mode":null}}"#);
        let g2 = gold(r#"{"id":"b","text":"y","doc_event":{"event":"AID"}}"#);
        let p1 = analysis(
            "x",
            vec![
                event(EventType::Protest, &[], &[], (0, 1)),
                event(EventType::Accuse, &[], &[], (0, 1)),
            ],
        );
        let p2 = analysis("y", vec![]);
        let r = score(&[g1, g2], &[p1, p2]);
        let d = r.doc_level.unwrap();
        assert_eq!((d.documents, d.hits), (2, 1));
        assert!((d.mean_types - 1.0).abs() < 1e-9);
        assert_eq!(
            r.overall.tp + r.overall.fp,
            0,
            "document labels stay out of event figures"
        );
    }

    #[test]
    fn text_from_reads_jsonl_and_conllu_corpora() {
        let dir = std::env::temp_dir().join(format!("sitrep-gold-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("c")).unwrap();
        std::fs::write(
            dir.join("c/news.jsonl"),
            "{\"id\":\"n1\",\"text\":\"Paris protestiert.\"}\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("c/t.conllu"),
            "# newdoc id = d1\n# newpar id = p1\n# sent_id = s1\n# text = They met.\n1\tThey\n\n\
             # sent_id = s2\n# text = Talks went on.\n1\tTalks\n\n\
             # newpar id = p2\n# sent_id = s3\n# text = Later.\n1\tLater\n\n",
        )
        .unwrap();
        let gold_path = dir.join("g.jsonl");
        std::fs::write(
            &gold_path,
            "{\"id\":\"a\",\"text_from\":{\"corpus\":\"c/news.jsonl\",\"id\":\"n1\"},\"events\":[{\"event\":\"PROTEST\",\"sentence\":\"Paris\",\"source\":[\"FRA\"],\"target\":[]}]}\n\
             {\"id\":\"b\",\"text_from\":{\"corpus\":\"c/t.conllu\",\"id\":\"s1\"},\"events\":[]}\n\
             {\"id\":\"c\",\"text_from\":{\"corpus\":\"c/t.conllu\",\"id\":\"d1\"},\"events\":[]}\n",
        )
        .unwrap();
        let docs = load(&gold_path, &dir).unwrap();
        assert_eq!(docs[0].text(), "Paris protestiert.");
        assert_eq!(docs[1].text(), "They met.");
        assert_eq!(
            docs[2].text(),
            "They met. Talks went on.\n\nLater.",
            "a whole document by its newdoc id"
        );
        std::fs::write(
            &gold_path,
            "{\"id\":\"a\",\"text_from\":{\"corpus\":\"c/news.jsonl\",\"id\":\"n1\"},\"events\":[{\"event\":\"PROTEST\",\"sentence\":\"Berlin\",\"source\":[],\"target\":[]}]}\n",
        )
        .unwrap();
        let e = load(&gold_path, &dir).unwrap_err();
        assert!(e.to_string().contains("sentence not in the text"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
