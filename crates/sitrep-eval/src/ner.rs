//! Named-entity scores against GermEval 2014 (`sitrep eval-ner`).
//!
//! File format: one token per line, tab-separated `index  token  outer  inner`, sentences
//! separated by blank lines, each preceded by a `#` line naming the source and its date
//! (`#`, a URL and `[2010-07-04]`, tab-separated). Only the outer column is scored.
//!
//! How a sentence is run: its tokens joined by single spaces are the text; sitrep's own
//! segmenter, tagger and [`EntityRecognizer`] run on it (the date of the `#` line is the
//! publication date), and every predicted mention is mapped to the gold tokens it overlaps.
//! A prediction covering only part of a gold token (`US` in `US-Soldaten`) is a `part`
//! prediction.
//!
//! Types: PER, LOC, ORG; `OTH` is ignored (neither gold nor a false positive). Predicted
//! kinds map person → PER, state and place → LOC, organisation and media → ORG.
//! `deriv` (`russischen`) and `part` (`US-Soldaten`) classes are scored two ways:
//!
//! * **excluded** (the headline figure): gold `*deriv`/`*part` spans are dropped, and
//!   predictions that are derived forms or parts, or that overlap a dropped gold span,
//!   are not counted;
//! * **merged**: `LOCderiv`/`LOCpart` count as LOC (etc.), and derived or part predictions
//!   count with their type.
//!
//! Spans match exactly (same first and last token, same type).

use serde::Serialize;
use sitrep_core::{Date, EntityKind, Language, Span, Token};
use sitrep_entities::EntityRecognizer;
use sitrep_segment::Segmenter;
use sitrep_tag::{Tagger, WordAnalysis};
use std::collections::HashSet;
use std::time::Instant;

pub const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];

/// One gold sentence.
#[derive(Debug, Clone)]
pub struct NerSentence {
    pub tokens: Vec<String>,
    /// Outer BIO tags as written (`B-LOCderiv`).
    pub outer: Vec<String>,
    pub date: Option<Date>,
}

/// Reads a GermEval 2014 file; errors name the line.
pub fn parse(text: &str) -> Result<Vec<NerSentence>, String> {
    let mut out = Vec::new();
    let mut cur = NerSentence {
        tokens: Vec::new(),
        outer: Vec::new(),
        date: None,
    };
    let flush = |cur: &mut NerSentence, out: &mut Vec<NerSentence>| {
        if !cur.tokens.is_empty() {
            let date = cur.date;
            out.push(std::mem::replace(
                cur,
                NerSentence {
                    tokens: Vec::new(),
                    outer: Vec::new(),
                    date,
                },
            ));
        }
    };
    for (no, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut out);
            cur.date = None;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0] == "#" {
            flush(&mut cur, &mut out);
            cur.date = cols
                .iter()
                .find_map(|c| c.strip_prefix('[').and_then(|c| c.strip_suffix(']')))
                .and_then(|d| d.parse().ok());
            continue;
        }
        if cols.len() < 3 {
            return Err(format!("line {}: expected index, token, outer tag", no + 1));
        }
        cur.tokens.push(cols[1].to_string());
        cur.outer.push(cols[2].to_string());
    }
    flush(&mut cur, &mut out);
    Ok(out)
}

/// A span of gold tokens with its type and class (`""`, `"deriv"`, `"part"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub ty: String,
    pub class: String,
}

/// BIO tags → chunks (an `I-` without a matching `B-` starts a chunk).
pub fn chunks(tags: &[String]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, t) in tags.iter().enumerate() {
        let (bio, label) = t.split_once('-').unwrap_or((t.as_str(), ""));
        let (ty, class) = split_label(label);
        let continues = bio == "I"
            && open
                .as_ref()
                .is_some_and(|c| c.ty == ty && c.class == class && c.end == i);
        if continues {
            if let Some(c) = open.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        if let Some(c) = open.take() {
            out.push(c);
        }
        if bio == "B" || bio == "I" {
            open = Some(Chunk {
                start: i,
                end: i + 1,
                ty: ty.to_string(),
                class: class.to_string(),
            });
        }
    }
    out.extend(open);
    out
}

fn split_label(l: &str) -> (&str, &str) {
    for class in ["deriv", "part"] {
        if let Some(ty) = l.strip_suffix(class) {
            return (ty, class);
        }
    }
    (l, "")
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn finish(&mut self) {
        self.precision = ratio(self.correct, self.predicted);
        self.recall = ratio(self.correct, self.gold);
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores under one mapping: per type (PER, LOC, ORG) and micro-averaged.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Mapping {
    pub per_type: Vec<(String, Prf)>,
    pub micro: Prf,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct NerScores {
    pub sentences: usize,
    pub tokens: usize,
    /// deriv and part excluded.
    pub excluded: Mapping,
    /// deriv and part counted as their type.
    pub merged: Mapping,
    /// Segmentation + tagging + recognition, tokens per second (one thread).
    pub tokens_per_s: f64,
    /// Recognition alone (matching and linking), tokens per second.
    pub recognize_tokens_per_s: f64,
    /// Time to compile the knowledge base ([`EntityRecognizer::new`]), when measured.
    pub kb_load_ms: Option<f64>,
    /// Error samples: (kind, gold or predicted type, text), for the report.
    #[serde(skip)]
    pub errors: Vec<(String, String, String)>,
}

fn type_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::State | EntityKind::Place => "LOC",
        EntityKind::Organization | EntityKind::Media => "ORG",
    }
}

/// A prediction mapped to gold tokens.
#[derive(Debug, Clone)]
struct Pred {
    chunk: Chunk,
}

/// Runs segmentation, tagging and recognition on every sentence and scores the result.
pub fn evaluate(
    gold: &[NerSentence],
    seg: &Segmenter,
    tagger: &Tagger,
    rec: &EntityRecognizer,
) -> NerScores {
    let mut scores = NerScores {
        sentences: gold.len(),
        ..Default::default()
    };
    let mut ex = Counts::default();
    let mut mg = Counts::default();
    let mut words: Vec<WordAnalysis> = Vec::new();
    let mut buf = Vec::new();
    let mut rec_secs = 0.0;
    let t_all = Instant::now();
    for s in gold {
        scores.tokens += s.tokens.len();
        // text and gold token offsets
        let mut text = String::new();
        let mut offs = Vec::with_capacity(s.tokens.len());
        for t in &s.tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            offs.push((text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        let segm = seg.segment(&text);
        words.clear();
        for sent in &segm.sentences {
            let toks: &[Token] = &segm.tokens[sent.tokens.start as usize..sent.tokens.end as usize];
            tagger.tag(&text, toks, &mut buf);
            words.append(&mut buf);
        }
        let t = Instant::now();
        let found = rec.mentions(&text, &segm.tokens, &words, s.date);
        rec_secs += t.elapsed().as_secs_f64();

        let gold_chunks = chunks(&s.outer);
        let mut preds = Vec::new();
        // (state organs named by a common noun, `das Innenministerium`, are actors for
        // linking but no names in GermEval's sense)
        for f in found
            .iter()
            .filter(|f| f.rule != sitrep_entities::Rule::Organ)
        {
            if let Some((chunk, part)) = map_span(f.span, &offs, type_of(f.kind)) {
                let class = if f.is_derived() {
                    "deriv"
                } else if part {
                    "part"
                } else {
                    ""
                };
                preds.push(Pred {
                    chunk: Chunk {
                        class: class.to_string(),
                        ..chunk
                    },
                });
            }
        }
        // excluded mapping
        let excluded_gold: Vec<&Chunk> = gold_chunks
            .iter()
            .filter(|c| TYPES.contains(&c.ty.as_str()) && !c.class.is_empty())
            .collect();
        let g_ex: HashSet<(usize, usize, String)> = gold_chunks
            .iter()
            .filter(|c| TYPES.contains(&c.ty.as_str()) && c.class.is_empty())
            .map(|c| (c.start, c.end, c.ty.clone()))
            .collect();
        let oth: Vec<&Chunk> = gold_chunks.iter().filter(|c| c.ty == "OTH").collect();
        let overlaps = |p: &Chunk, g: &Chunk| p.start < g.end && g.start < p.end;
        let p_ex: HashSet<(usize, usize, String)> = preds
            .iter()
            .filter(|p| p.chunk.class.is_empty())
            .filter(|p| !excluded_gold.iter().any(|g| overlaps(&p.chunk, g)))
            .filter(|p| !oth.iter().any(|g| overlaps(&p.chunk, g)))
            .map(|p| (p.chunk.start, p.chunk.end, p.chunk.ty.clone()))
            .collect();
        ex.add(&g_ex, &p_ex);
        // errors for the report (excluded mapping)
        for g in g_ex.difference(&p_ex) {
            let txt = s.tokens[g.0..g.1].join(" ");
            let predicted_as = p_ex
                .iter()
                .find(|p| p.0 == g.0 && p.1 == g.1)
                .map(|p| format!("typed {}", p.2))
                .unwrap_or_else(|| {
                    if p_ex.iter().any(|p| p.0 < g.1 && g.0 < p.1) {
                        "boundary".to_string()
                    } else {
                        "missed".to_string()
                    }
                });
            scores.errors.push((predicted_as, g.2.clone(), txt));
        }
        for p in p_ex.difference(&g_ex) {
            if g_ex.iter().any(|g| g.0 < p.1 && p.0 < g.1) {
                continue; // counted as a boundary or type error above
            }
            let txt = s.tokens[p.0..p.1].join(" ");
            scores
                .errors
                .push(("spurious".to_string(), p.2.clone(), txt));
        }
        // merged mapping
        let g_mg: HashSet<(usize, usize, String)> = gold_chunks
            .iter()
            .filter(|c| TYPES.contains(&c.ty.as_str()))
            .map(|c| (c.start, c.end, c.ty.clone()))
            .collect();
        let p_mg: HashSet<(usize, usize, String)> = preds
            .iter()
            .filter(|p| !oth.iter().any(|g| overlaps(&p.chunk, g)))
            .map(|p| (p.chunk.start, p.chunk.end, p.chunk.ty.clone()))
            .collect();
        mg.add(&g_mg, &p_mg);
    }
    let secs = t_all.elapsed().as_secs_f64();
    scores.tokens_per_s = ratio_f(scores.tokens as f64, secs);
    scores.recognize_tokens_per_s = ratio_f(scores.tokens as f64, rec_secs);
    scores.excluded = ex.finish();
    scores.merged = mg.finish();
    scores
}

fn ratio_f(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

/// The gold tokens a byte span overlaps, and whether it covers them only in part.
fn map_span(span: Span, offs: &[(usize, usize)], ty: &str) -> Option<(Chunk, bool)> {
    let (s, e) = (span.start as usize, span.end as usize);
    let first = offs.iter().position(|&(a, b)| s < b && a < e)?;
    let last = offs.iter().rposition(|&(a, b)| s < b && a < e)?;
    let part = s > offs[first].0 || e < offs[last].1;
    Some((
        Chunk {
            start: first,
            end: last + 1,
            ty: ty.to_string(),
            class: String::new(),
        },
        part,
    ))
}

#[derive(Default)]
struct Counts {
    per: [Prf; 3],
}

impl Counts {
    fn add(
        &mut self,
        gold: &HashSet<(usize, usize, String)>,
        pred: &HashSet<(usize, usize, String)>,
    ) {
        for (i, ty) in TYPES.iter().enumerate() {
            let c = &mut self.per[i];
            c.gold += gold.iter().filter(|g| g.2 == *ty).count();
            c.predicted += pred.iter().filter(|p| p.2 == *ty).count();
            c.correct += pred
                .iter()
                .filter(|p| p.2 == *ty && gold.contains(*p))
                .count();
        }
    }

    fn finish(mut self) -> Mapping {
        let mut micro = Prf::default();
        for c in &mut self.per {
            micro.gold += c.gold;
            micro.predicted += c.predicted;
            micro.correct += c.correct;
            c.finish();
        }
        micro.finish();
        Mapping {
            per_type: TYPES
                .iter()
                .zip(self.per)
                .map(|(t, p)| (t.to_string(), p))
                .collect(),
            micro,
        }
    }
}

/// Loads the German pipeline pieces and scores `gold`.
pub fn evaluate_german(gold: &[NerSentence]) -> Result<NerScores, String> {
    let t = Instant::now();
    let rec = EntityRecognizer::new(Language::De).map_err(|e| e.to_string())?;
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let seg = Segmenter::new(Language::De);
    let tagger = Tagger::new(Language::De).map_err(|e| e.to_string())?;
    let mut scores = evaluate(gold, &seg, &tagger, &rec);
    scores.kb_load_ms = Some(load_ms);
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_germeval_and_builds_chunks() {
        let text = "#\thttp://example.invalid\t[2010-07-04]\n\
                    1\tDie\tO\tO\n2\tUS-Soldaten\tB-LOCpart\tO\n3\tin\tO\tO\n\
                    4\tNew\tB-LOC\tO\n5\tYork\tI-LOC\tO\n6\tund\tO\tO\n7\tAnna\tB-PER\tO\n\
                    8\tSchmidt\tI-PER\tO\n\n";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].date, Date::new(2010, 7, 4));
        let c = chunks(&s[0].outer);
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].ty.as_str(), c[0].class.as_str()), ("LOC", "part"));
        assert_eq!((c[1].start, c[1].end, c[1].ty.as_str()), (3, 5, "LOC"));
        assert_eq!((c[2].start, c[2].end, c[2].ty.as_str()), (6, 8, "PER"));
    }

    #[test]
    fn part_of_a_token_is_a_part_prediction() {
        let offs = [(0, 3), (4, 15)];
        let (c, part) = map_span(Span::new(4, 6), &offs, "LOC").unwrap();
        assert_eq!((c.start, c.end), (1, 2));
        assert!(part);
    }
}
