//! Entity linking against hand-annotated mentions (`evaluation/gold/linking/*.jsonl`).
//!
//! A gold file holds one document per line: `id`, `language`, `text_from` (the corpus and id
//! the text is read from, as in the event gold files; the text itself is never stored),
//! `text_fnv` (FNV-1a 64 of the text, hex: a changed corpus is an error, not a silent
//! shift of offsets) and `mentions`, each with UTF-8 byte offsets `start`/`end`, the
//! annotated `kind` (person, organization, state, media), actor `code` and `sector` (`null`
//! when the text gives none) and `check` (the first 8 hex digits of the FNV-1a 64 of the
//! mention's bytes).
//!
//! [`score`] compares any extractor's entities with the gold mentions: a gold mention is
//! *found* when a predicted entity mention overlaps it (the largest overlap wins); its code
//! is right when the predicted entity's actor code equals the gold code (`null` = no actor,
//! or a sector-only actor `{"code": null, "sector": "CVL"}`),
//! its sector when the sector equals the gold sector (also `null` = none). A mention that
//! is not found counts as wrong in the headline accuracies; accuracies over found mentions
//! are printed beside them.

use crate::events::{read_corpus, TextFrom};
pub use crate::Tally;
use serde::{Deserialize, Serialize};
use sitrep_core::{Analysis, EntityKind, Language, Sector};
use std::collections::HashMap;
use std::hash::Hasher;
use std::path::Path;

/// One annotated mention.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub code: Option<String>,
    pub sector: Option<Sector>,
    /// First 8 hex digits of the FNV-1a 64 of the mention's bytes.
    #[serde(default)]
    pub check: Option<String>,
}

/// One annotated document with its text.
#[derive(Debug, Clone, Deserialize)]
pub struct LinkDoc {
    pub id: String,
    #[serde(default)]
    pub language: Option<Language>,
    pub text_from: TextFrom,
    #[serde(default)]
    pub text_fnv: Option<String>,
    pub mentions: Vec<GoldMention>,
    #[serde(skip)]
    pub text: String,
}

/// FNV-1a 64 of `bytes` as 16 hex digits.
pub fn fnv_hex(bytes: &[u8]) -> String {
    let mut h = sitrep_core::fnv::Fnv::default();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// Reads a linking gold file; texts come from `data_dir`. Every offset is checked against
/// the text (inside it, on character boundaries, and the `check` digits agree).
pub fn load(path: &Path, data_dir: &Path) -> Result<Vec<LinkDoc>, String> {
    let src = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut corpora: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut docs = Vec::new();
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |m: String| format!("{}:{}: {m}", path.display(), i + 1);
        let mut d: LinkDoc = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        if !corpora.contains_key(&d.text_from.corpus) {
            let c = read_corpus(&data_dir.join(&d.text_from.corpus)).map_err(at)?;
            corpora.insert(d.text_from.corpus.clone(), c);
        }
        d.text = corpora[&d.text_from.corpus]
            .get(&d.text_from.id)
            .cloned()
            .ok_or_else(|| {
                at(format!(
                    "{}: no such document in the corpus",
                    d.text_from.id
                ))
            })?;
        if let Some(h) = &d.text_fnv {
            if *h != fnv_hex(d.text.as_bytes()) {
                return Err(at(format!("{}: the corpus text has changed", d.id)));
            }
        }
        for m in &d.mentions {
            let Some(s) = d.text.get(m.start..m.end).filter(|s| !s.is_empty()) else {
                return Err(at(format!(
                    "{}: mention {}..{} is not a span of the text",
                    d.id, m.start, m.end
                )));
            };
            if let Some(c) = &m.check {
                if !fnv_hex(s.as_bytes()).starts_with(c.as_str()) {
                    return Err(at(format!(
                        "{}: mention {}..{} does not match its check digits",
                        d.id, m.start, m.end
                    )));
                }
            }
        }
        docs.push(d);
    }
    Ok(docs)
}

/// A gold mention the system got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct LinkError {
    pub doc: String,
    pub text: String,
    pub gold: String,
    /// What the system said (`-` when it found nothing).
    pub predicted: String,
}

/// Scores per gold kind and overall.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LinkScores {
    /// Found at all (a predicted mention overlaps).
    pub found: Tally,
    /// Code right, over all gold mentions (not found = wrong).
    pub code: Tally,
    /// Sector right, over all gold mentions (not found = wrong).
    pub sector: Tally,
    /// Code right, over found mentions.
    pub code_found: Tally,
    /// Sector right, over found mentions whose code is right.
    pub sector_coded: Tally,
    /// Kind right, over found mentions.
    pub kind_found: Tally,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LinkReport {
    pub documents: usize,
    pub overall: LinkScores,
    pub per_kind: Vec<(String, LinkScores)>,
    pub errors: Vec<LinkError>,
}

fn show(kind: EntityKind, code: Option<&str>, sector: Option<Sector>) -> String {
    format!(
        "{kind} {}/{}",
        code.unwrap_or("-"),
        sector.map(|s| s.to_string()).unwrap_or_else(|| "-".into())
    )
}

/// A predicted mention: start, end, kind, actor code, sector.
type Pred<'a> = (usize, usize, EntityKind, Option<&'a str>, Option<Sector>);

/// Compares the entities of `predicted` (one analysis per gold document, same order or
/// any order: they are matched by id) with the gold mentions.
pub fn score(gold: &[LinkDoc], predicted: &[Analysis]) -> LinkReport {
    let by_id: HashMap<&str, &Analysis> = predicted.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut report = LinkReport {
        documents: gold.len(),
        ..Default::default()
    };
    let mut kinds: HashMap<EntityKind, LinkScores> = HashMap::new();
    for d in gold {
        // (start, end, kind, code, sector) of every predicted mention
        let mut preds: Vec<Pred> = Vec::new();
        if let Some(a) = by_id.get(d.id.as_str()) {
            for e in &a.entities {
                for m in &e.mentions {
                    preds.push((
                        m.start as usize,
                        m.end as usize,
                        e.kind,
                        e.actor.as_ref().and_then(|a| a.code()),
                        e.actor.as_ref().and_then(|a| a.sector()),
                    ));
                }
            }
        }
        for g in &d.mentions {
            let best = preds
                .iter()
                .filter(|p| p.0 < g.end && g.start < p.1)
                .max_by_key(|p| p.1.min(g.end) - p.0.max(g.start));
            let code_ok = best.is_some_and(|p| p.3 == g.code.as_deref());
            let sector_ok = best.is_some_and(|p| p.4 == g.sector);
            for s in [&mut report.overall, kinds.entry(g.kind).or_default()] {
                s.found.add(best.is_some());
                s.code.add(code_ok);
                s.sector.add(sector_ok);
                if let Some(p) = best {
                    s.code_found.add(code_ok);
                    s.kind_found.add(p.2 == g.kind);
                    if code_ok {
                        s.sector_coded.add(sector_ok);
                    }
                }
            }
            if !(code_ok && sector_ok) {
                report.errors.push(LinkError {
                    doc: d.id.clone(),
                    text: d.text.get(g.start..g.end).unwrap_or("").to_string(),
                    gold: show(g.kind, g.code.as_deref(), g.sector),
                    predicted: best
                        .map(|p| show(p.2, p.3, p.4))
                        .unwrap_or_else(|| "-".into()),
                });
            }
        }
    }
    let mut per: Vec<(String, LinkScores)> =
        kinds.into_iter().map(|(k, s)| (k.to_string(), s)).collect();
    per.sort_by(|a, b| a.0.cmp(&b.0));
    report.per_kind = per;
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_core::{ActorCode, Entity, Mention};

    fn doc(text: &str, mentions: Vec<GoldMention>) -> LinkDoc {
        LinkDoc {
            id: "d".into(),
            language: Some(Language::De),
            text_from: TextFrom {
                corpus: "c.jsonl".into(),
                id: "d".into(),
            },
            text_fnv: None,
            mentions,
            text: text.into(),
        }
    }

    fn gm(
        start: usize,
        end: usize,
        kind: EntityKind,
        code: Option<&str>,
        sector: Option<Sector>,
    ) -> GoldMention {
        GoldMention {
            start,
            end,
            kind,
            code: code.map(str::to_string),
            sector,
            check: None,
        }
    }

    fn entity(
        kind: EntityKind,
        code: Option<&str>,
        sector: Option<Sector>,
        spans: &[(usize, usize)],
    ) -> Entity {
        Entity {
            id: "e".into(),
            kind,
            name: String::new(),
            actor: ActorCode::new(code.map(str::to_string), sector),
            kb: None,
            mentions: spans
                .iter()
                .map(|&(start, end)| Mention {
                    start: start as u32,
                    end: end as u32,
                    text: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn scores_code_and_sector_with_misses_counted_wrong() {
        // "Die SPÖ und Wolfgang Schäuble und Kaiser"
        let text = "Die SPÖ und Wolfgang Schäuble und Kaiser";
        let gold = vec![doc(
            text,
            vec![
                gm(
                    4,
                    8,
                    EntityKind::Organization,
                    Some("AUT"),
                    Some(Sector::Pty),
                ),
                gm(13, 31, EntityKind::Person, Some("DEU"), Some(Sector::Gov)),
                gm(36, 42, EntityKind::Person, Some("AUT"), Some(Sector::Gov)),
            ],
        )];
        let mut a = Analysis::from_document(sitrep_core::Document::new("d", text));
        a.entities = vec![
            entity(
                EntityKind::Organization,
                Some("AUT"),
                Some(Sector::Pty),
                &[(4, 8)],
            ),
            // found with the right code, the sector missing
            entity(EntityKind::Person, Some("DEU"), None, &[(22, 31)]),
        ];
        let r = score(&gold, &[a]);
        assert_eq!(r.overall.found, Tally { right: 2, total: 3 });
        assert_eq!(r.overall.code, Tally { right: 2, total: 3 });
        assert_eq!(r.overall.sector, Tally { right: 1, total: 3 });
        assert_eq!(r.overall.code_found, Tally { right: 2, total: 2 });
        assert_eq!(r.errors.len(), 2);
        assert_eq!(r.errors[1].predicted, "-");
    }

    #[test]
    fn no_code_in_the_gold_needs_no_actor() {
        let text = "Oceana kritisierte";
        let gold = vec![doc(
            text,
            vec![gm(0, 6, EntityKind::Organization, None, None)],
        )];
        let mut a = Analysis::from_document(sitrep_core::Document::new("d", text));
        a.entities = vec![entity(EntityKind::Organization, None, None, &[(0, 6)])];
        assert_eq!(score(&gold, &[a.clone()]).overall.code.right, 1);
        a.entities = vec![entity(
            EntityKind::Organization,
            Some("USA"),
            None,
            &[(0, 6)],
        )];
        assert_eq!(score(&gold, &[a]).overall.code.right, 0);
    }

    #[test]
    fn a_sector_without_a_code_is_scored_on_both() {
        // a private person of unstated nationality: `null` / CVL in the gold
        let text = "sagte Karl";
        let gold = vec![doc(
            text,
            vec![gm(6, 10, EntityKind::Person, None, Some(Sector::Cvl))],
        )];
        let mut a = Analysis::from_document(sitrep_core::Document::new("d", text));
        a.entities = vec![entity(
            EntityKind::Person,
            None,
            Some(Sector::Cvl),
            &[(6, 10)],
        )];
        let r = score(&gold, &[a.clone()]);
        assert_eq!((r.overall.code.right, r.overall.sector.right), (1, 1));
        assert!(r.errors.is_empty());
        // the home state's code is wrong on code, right on sector
        a.entities = vec![entity(
            EntityKind::Person,
            Some("AUT"),
            Some(Sector::Cvl),
            &[(6, 10)],
        )];
        let r = score(&gold, &[a]);
        assert_eq!((r.overall.code.right, r.overall.sector.right), (0, 1));
        assert_eq!(r.errors[0].predicted, "person AUT/CVL");
        assert_eq!(r.errors[0].gold, "person -/CVL");
    }

    #[test]
    fn load_checks_offsets_against_the_text() {
        let dir = std::env::temp_dir().join(format!("sitrep-linking-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("c.jsonl"),
            "{\"id\":\"n1\",\"text\":\"Die SPÖ sagt\"}\n",
        )
        .unwrap();
        let check = &fnv_hex("SPÖ".as_bytes())[..8];
        let good = format!(
            "{{\"id\":\"n1\",\"text_from\":{{\"corpus\":\"c.jsonl\",\"id\":\"n1\"}},\"mentions\":[{{\"start\":4,\"end\":8,\"kind\":\"organization\",\"code\":\"AUT\",\"sector\":\"PTY\",\"check\":\"{check}\"}}]}}\n"
        );
        std::fs::write(dir.join("g.jsonl"), &good).unwrap();
        let docs = load(&dir.join("g.jsonl"), &dir).unwrap();
        assert_eq!(docs[0].text.get(4..8), Some("SPÖ"));
        // a shifted span fails its check digits; a span inside a character is refused
        std::fs::write(
            dir.join("g.jsonl"),
            good.replace("\"start\":4,\"end\":8", "\"start\":0,\"end\":3"),
        )
        .unwrap();
        assert!(load(&dir.join("g.jsonl"), &dir)
            .unwrap_err()
            .contains("check digits"));
        std::fs::write(dir.join("g.jsonl"), good.replace("\"end\":8", "\"end\":7")).unwrap();
        assert!(load(&dir.join("g.jsonl"), &dir)
            .unwrap_err()
            .contains("not a span"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
