//! Segmentation scoring against UD treebanks.
//!
//! Documents are made by joining each `per_doc` consecutive sentences' `# text` with one
//! space, so sentence boundaries must be found inside running text. Gold token spans come
//! from aligning the gold token forms ([`Sentence::tokens`]: multiword tokens follow the
//! words-if-they-concatenate rule) to that text. Tokens and sentences are scored as exact
//! byte spans (as in the CoNLL 2018 shared task); sentence boundaries are also scored as
//! positions inside documents (a document's end is not counted).

use crate::conllu::Sentence;
use serde::Serialize;
use sitrep_core::{Segmentation, Span};
use sitrep_segment::Segmenter;

/// A document built from gold sentences.
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    pub text: String,
    pub tokens: Vec<Span>,
    /// Gold UPOS and lemma of each token, parallel to `tokens`.
    pub labels: Vec<(String, String)>,
    pub sentences: Vec<Span>,
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, gold: &[Span], predicted: &[Span]) -> usize {
        self.gold += gold.len();
        self.predicted += predicted.len();
        let c = count_common(gold, predicted);
        self.correct += c;
        c
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Spans present in both sorted lists.
fn count_common(a: &[Span], b: &[Span]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Builds documents of `per_doc` sentences (at least 1). Returns the documents and the
/// number of gold tokens whose form did not match the text (aligned by length instead).
pub fn documents(sentences: &[Sentence], per_doc: usize) -> (Vec<GoldDoc>, usize) {
    let mut docs = Vec::new();
    let mut misaligned = 0;
    for group in sentences.chunks(per_doc.max(1)) {
        let mut d = GoldDoc::default();
        for s in group {
            if !d.text.is_empty() {
                d.text.push(' ');
            }
            let start = d.text.len();
            match &s.text {
                Some(t) => d.text.push_str(t),
                None => d.text.push_str(&rebuild_text(s)),
            }
            let first_tok = d.tokens.len();
            let rows = s.token_rows();
            let forms: Vec<&str> = rows.iter().map(|(f, _)| *f).collect();
            misaligned += align(&d.text, start, &forms, &mut d.tokens);
            d.labels
                .extend(rows.iter().map(|(_, r)| (r.upos.clone(), r.lemma.clone())));
            if let (Some(a), Some(b)) = (d.tokens.get(first_tok), d.tokens.last()) {
                d.sentences.push(Span {
                    start: a.start,
                    end: b.end,
                });
            }
        }
        docs.push(d);
    }
    (docs, misaligned)
}

/// Sentence text from forms and `SpaceAfter=No`, for files without `# text`.
fn rebuild_text(s: &Sentence) -> String {
    let mut t = String::new();
    let mut inside_until = 0;
    for r in &s.rows {
        if r.ids.start < inside_until {
            continue;
        }
        if r.is_multiword() {
            inside_until = r.ids.end;
        }
        t.push_str(&r.form);
        if !r.no_space_after {
            t.push(' ');
        }
    }
    t.trim_end().to_string()
}

/// Appends the spans of `forms` found in `text` from byte `from`; returns how many forms
/// did not match the text character for character.
fn align(text: &str, from: usize, forms: &[&str], out: &mut Vec<Span>) -> usize {
    let mut p = from;
    let mut bad = 0;
    for form in forms {
        let rest = &text[p..];
        let skipped = rest.len() - rest.trim_start().len();
        p += skipped;
        let start = p;
        let mut ok = true;
        for fc in form.chars().filter(|c| !c.is_whitespace()) {
            // Skip whitespace inside the text (forms occasionally drop it).
            while let Some(tc) = text[p..].chars().next() {
                if tc.is_whitespace() && !fc.is_whitespace() {
                    p += tc.len_utf8();
                } else {
                    break;
                }
            }
            match text[p..].chars().next() {
                Some(tc) => {
                    ok &= tc == fc;
                    p += tc.len_utf8();
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            bad += 1;
        }
        if p > start {
            out.push(Span {
                start: start as u32,
                end: p as u32,
            });
        }
    }
    bad
}

/// Scores of one evaluation run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UdScores {
    pub documents: usize,
    pub tokens: Prf,
    /// Sentences as exact spans.
    pub sentences: Prf,
    /// Sentence ends inside documents.
    pub boundaries: Prf,
    /// End to end (predicted tokens, tagged): a token counts when its span and UPOS match
    /// gold. Empty unless a tagger was given.
    pub upos: Prf,
    /// The same for lemmas (compared case-insensitively).
    pub lemma: Prf,
    pub misaligned_gold_tokens: usize,
}

/// One mismatch, for error analysis.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    pub kind: &'static str,
    pub context: String,
}

/// How sentences are cut for scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sentencer {
    /// The segmenter's own sentences.
    #[default]
    Segmenter,
    /// A calibration baseline: the segmenter's tokens, cut after every token made only of
    /// `.`, `!`, `?` or `…` (and the closing quotes and brackets that touch it), as a
    /// punctuation-only sentencizer (spaCy's, for instance) does.
    PunctuationBaseline,
}

/// Re-cuts `seg`'s sentences after sentence-final punctuation only.
pub fn punctuation_sentences(text: &str, seg: &mut Segmentation) {
    let is_final = |t: &str| !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'));
    let is_closer = |t: &str| {
        t.chars()
            .all(|c| matches!(c, '"' | '\'' | '”' | '’' | '“' | '«' | '»' | ')' | ']'))
    };
    seg.sentences.clear();
    let n = seg.tokens.len();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let mut end = i + 1;
        if is_final(seg.tokens[i].span.text(text)) {
            // Only quotes and brackets that touch the punctuation close the sentence.
            while end < n
                && seg.tokens[end - 1].joined
                && is_closer(seg.tokens[end].span.text(text))
            {
                end += 1;
            }
        } else if end < n {
            i += 1;
            continue;
        }
        let sentence = sitrep_core::Sentence::covering(&seg.tokens, start, end);
        seg.sentences.push(sentence);
        start = end;
        i = end;
    }
}

/// Segments every document with `segmenter` and scores it. Up to `max_errors` examples of
/// token and sentence mismatches are collected.
pub fn score(
    segmenter: &Segmenter,
    docs: &[GoldDoc],
    max_errors: usize,
) -> (UdScores, Vec<Mismatch>) {
    score_with(segmenter, Sentencer::Segmenter, docs, max_errors)
}

/// [`score`] with a choice of sentence cutter.
pub fn score_with(
    segmenter: &Segmenter,
    sentencer: Sentencer,
    docs: &[GoldDoc],
    max_errors: usize,
) -> (UdScores, Vec<Mismatch>) {
    score_full(segmenter, None, sentencer, docs, max_errors)
}

/// [`score_with`], and with a tagger also UPOS and lemma end to end: the predicted tokens of
/// each predicted sentence are tagged, and a token scores when its span equals a gold
/// token's and its label equals that token's (CoNLL 2018 style: precision over predicted
/// tokens, recall over gold tokens).
pub fn score_full(
    segmenter: &Segmenter,
    tagger: Option<&sitrep_tag::Tagger>,
    sentencer: Sentencer,
    docs: &[GoldDoc],
    max_errors: usize,
) -> (UdScores, Vec<Mismatch>) {
    let mut words = Vec::new();
    let mut sc = UdScores {
        documents: docs.len(),
        ..Default::default()
    };
    let mut errors = Vec::new();
    let mut seg = Segmentation::default();
    let mut pred_tok = Vec::new();
    let mut pred_sent = Vec::new();
    for d in docs {
        segmenter.segment_into(&d.text, &mut seg);
        if sentencer == Sentencer::PunctuationBaseline {
            punctuation_sentences(&d.text, &mut seg);
        }
        pred_tok.clear();
        pred_tok.extend(seg.tokens.iter().map(|t| t.span));
        pred_sent.clear();
        pred_sent.extend(seg.sentences.iter().map(|s| s.span));
        let c = sc.tokens.add(&d.tokens, &pred_tok);
        if c < d.tokens.len().max(pred_tok.len()) && errors.len() < max_errors {
            token_errors(&d.text, &d.tokens, &pred_tok, max_errors, &mut errors);
        }
        if let Some(tagger) = tagger {
            let (mut upos_ok, mut lemma_ok) = (0, 0);
            for sent in &seg.sentences {
                let toks = seg.sentence_tokens(sent);
                tagger.tag(&d.text, toks, &mut words);
                for (t, w) in toks.iter().zip(&words) {
                    if let Ok(g) = d.tokens.binary_search_by(|g| g.start.cmp(&t.span.start)) {
                        if d.tokens[g] == t.span {
                            let (gu, gl) = &d.labels[g];
                            upos_ok += usize::from(w.upos.as_str() == gu);
                            lemma_ok += usize::from(w.lemma.to_lowercase() == gl.to_lowercase());
                        }
                    }
                }
            }
            for (p, ok) in [(&mut sc.upos, upos_ok), (&mut sc.lemma, lemma_ok)] {
                p.gold += d.tokens.len();
                p.predicted += pred_tok.len();
                p.correct += ok;
            }
        }
        sc.sentences.add(&d.sentences, &pred_sent);
        let ends = |v: &[Span]| -> Vec<Span> {
            v.iter()
                .take(v.len().saturating_sub(1))
                .map(|s| Span {
                    start: s.end,
                    end: s.end,
                })
                .collect()
        };
        let (g, p) = (ends(&d.sentences), ends(&pred_sent));
        let c = sc.boundaries.add(&g, &p);
        if (c < g.len() || c < p.len()) && errors.len() < max_errors {
            for b in g.iter().filter(|b| !p.contains(b)) {
                errors.push(Mismatch {
                    kind: "missed boundary",
                    context: context(&d.text, b.end as usize),
                });
            }
            for b in p.iter().filter(|b| !g.contains(b)) {
                errors.push(Mismatch {
                    kind: "false boundary",
                    context: context(&d.text, b.end as usize),
                });
            }
        }
    }
    (sc, errors)
}

fn token_errors(text: &str, gold: &[Span], pred: &[Span], max: usize, out: &mut Vec<Mismatch>) {
    let show = |v: &[Span], from: u32, to: u32| -> String {
        v.iter()
            .filter(|s| s.start >= from && s.end <= to)
            .map(|s| &text[s.range()])
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for g in gold {
        if out.len() >= max {
            return;
        }
        if pred.binary_search(g).is_err() {
            // The smallest stretch covering the disagreement, padded to whole gold tokens.
            let from = g.start;
            let to = pred
                .iter()
                .find(|p| p.end >= g.end)
                .map_or(g.end, |p| p.end.max(g.end));
            out.push(Mismatch {
                kind: "token",
                context: format!(
                    "gold [{}] vs ours [{}]",
                    show(gold, from.min(to), to),
                    show(pred, from, to)
                ),
            });
        }
    }
}

fn context(text: &str, at: usize) -> String {
    let mut a = at.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}⟂{}", &text[a..at], &text[at..b])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse;

    #[test]
    fn perfect_segmentation_scores_one() {
        let f = "# text = Er kam.\n1\tEr\t_\t_\t_\t_\t_\t_\t_\t_\n2\tkam\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n# text = Sie ging.\n1\tSie\t_\t_\t_\t_\t_\t_\t_\t_\n2\tging\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let (docs, bad) = documents(&parse(f).unwrap(), 8);
        assert_eq!(bad, 0);
        assert_eq!(docs[0].text, "Er kam. Sie ging.");
        assert_eq!(
            docs[0].sentences,
            [Span { start: 0, end: 7 }, Span { start: 8, end: 17 }]
        );
        let (s, _) = score(&Segmenter::new(sitrep_core::Language::De), &docs, 0);
        assert_eq!(
            (s.tokens.f1(), s.sentences.f1(), s.boundaries.f1()),
            (1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn end_to_end_tags_score_only_matching_spans() {
        // `zum` is fused (scored with its first word's labels); UPOS and lemmas are gold.
        let f = "# text = Er ging zum Bahnhof.\n1\tEr\ter\tPRON\t_\t_\t_\t_\t_\t_\n2\tging\tgehen\tVERB\t_\t_\t_\t_\t_\t_\n3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n3\tzu\tzu\tADP\t_\t_\t_\t_\t_\t_\n4\tdem\tder\tDET\t_\t_\t_\t_\t_\t_\n5\tBahnhof\tBahnhof\tNOUN\t_\t_\t_\t_\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t_\t_\t_\t_\t_\t_\n";
        let (docs, _) = documents(&parse(f).unwrap(), 8);
        assert_eq!(docs[0].labels[2], ("ADP".to_string(), "zu".to_string()));
        let seg = Segmenter::new(sitrep_core::Language::De);
        let tagger = sitrep_tag::Tagger::new(sitrep_core::Language::De).unwrap();
        let (s, _) = score_full(&seg, Some(&tagger), Sentencer::Segmenter, &docs, 0);
        assert_eq!((s.upos.gold, s.upos.predicted), (5, 5));
        // `ging` → VERB `gehen` and `.` → PUNCT are beyond doubt for any sane tagger.
        assert!(
            s.upos.correct >= 2 && s.lemma.correct >= 2,
            "{:?} {:?}",
            s.upos,
            s.lemma
        );
        let (plain, _) = score(&seg, &docs, 0);
        assert_eq!(plain.upos, Prf::default());
    }

    #[test]
    fn punctuation_baseline_cuts_only_at_final_punctuation() {
        let seg = Segmenter::new(sitrep_core::Language::En);
        let text = "He left. \"Why?\" she asked Thanks John";
        let mut out = seg.segment(text);
        punctuation_sentences(text, &mut out);
        let got: Vec<&str> = out.sentences.iter().map(|s| s.span.text(text)).collect();
        assert_eq!(got, ["He left.", "\"Why?\"", "she asked Thanks John"]);
        out.check(text).unwrap();
    }
}
