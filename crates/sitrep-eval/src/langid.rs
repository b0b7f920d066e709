//! Language identification accuracy: readers for the evaluation sets and the scorer behind
//! `sitrep eval-langid`.
//!
//! A set is a list of texts with one expectation: German, English, or rejected (the
//! hand-written sentences in other languages). Per set we report the share identified as
//! expected, how the rest went (other language, unsupported, undetermined), the most common
//! confusions and the time per text.

use sitrep_core::{Language, LanguageError, Problem};
use sitrep_langid::Identification;
#[cfg(test)]
use sitrep_langid::LanguageIdentifier;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Hand-written sentences in languages sitrep does not support (`iso-code<TAB>sentence`).
pub const FOREIGN_SAMPLES: &str = include_str!("../../../testdata/langid/foreign.tsv");

/// What a set's texts should come out as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Lang(Language),
    /// Any error (unsupported or undetermined).
    Rejected,
}

/// An evaluation set.
#[derive(Debug, Clone)]
pub struct Set {
    pub name: String,
    pub expect: Expect,
    pub texts: Vec<String>,
}

/// How one text came out, as a short label (`de`, `en`, `unsupported:fi`, `undetermined`).
fn label(outcome: &Result<Language, Problem>) -> String {
    match outcome {
        Ok(l) => l.code().to_string(),
        Err(Problem::Language(LanguageError::Unsupported { code, .. })) => {
            format!("unsupported:{code}")
        }
        Err(Problem::LanguageUndetermined(_)) => "undetermined".to_string(),
        Err(p) => format!("error:{p}"),
    }
}

/// Texts with at least this many words are the "≥3 words" subset: shorter EWT fragments
/// ("Thanks!", a URL, a name) carry no language a detector could find.
pub const MIN_WORDS: usize = 3;

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// Scores of one set.
#[derive(Debug, Clone, Default)]
pub struct SetScore {
    pub name: String,
    pub n: usize,
    pub correct: usize,
    /// Identified as the other supported language.
    pub other_lang: usize,
    pub unsupported: usize,
    pub undetermined: usize,
    /// Texts with at least [`MIN_WORDS`] words, and how many of them were correct.
    pub n_min_words: usize,
    pub correct_min_words: usize,
    /// Wrong outcome label → count.
    pub confusions: BTreeMap<String, usize>,
    /// Deciding rule (`sitrep_langid::Rule`) → count.
    pub rules: BTreeMap<&'static str, usize>,
    /// Time for one pass over the set (the fastest of the passes).
    pub elapsed: Duration,
    pub bytes: usize,
}

impl SetScore {
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.n)
    }
    pub fn accuracy_min_words(&self) -> f64 {
        ratio(self.correct_min_words, self.n_min_words)
    }
    pub fn micros_per_text(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.elapsed.as_secs_f64() * 1e6 / self.n as f64
        }
    }
    /// The most common wrong outcomes, most frequent first.
    pub fn top_confusions(&self, k: usize) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = self
            .confusions
            .iter()
            .map(|(l, &n)| (l.as_str(), n))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(k);
        v
    }

    /// The three most common wrong outcomes as text: `undetermined 22, en 1`.
    pub fn confusions_summary(&self) -> String {
        let v: Vec<String> = self
            .top_confusions(3)
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        v.join(", ")
    }

    /// How many verdicts each rule gave, as text: `cues 874, detector 3`.
    pub fn rules_summary(&self) -> String {
        let v: Vec<String> = self.rules.iter().map(|(r, n)| format!("{r} {n}")).collect();
        v.join(", ")
    }
}

/// `97.5%`, or `n/a` for an empty subset.
pub fn pct_or_na(a: usize, b: usize) -> String {
    if b == 0 {
        "n/a".to_string()
    } else {
        format!("{:.1}%", 100.0 * ratio(a, b))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Runs the identifier over a set, `passes` times (at least once), and keeps the fastest
/// pass's time: on a shared machine the minimum is the figure that can be reproduced.
/// `on_error` sees each text that came out wrong.
pub fn score(
    identify: impl Fn(&str) -> Identification,
    set: &Set,
    passes: usize,
    mut on_error: impl FnMut(&str, &str),
) -> SetScore {
    let mut s = SetScore {
        name: set.name.clone(),
        n: set.texts.len(),
        ..Default::default()
    };
    let mut results = Vec::new();
    for pass in 0..passes.max(1) {
        let start = Instant::now();
        results = set.texts.iter().map(|t| identify(t)).collect();
        let took = start.elapsed();
        if pass == 0 || took < s.elapsed {
            s.elapsed = took;
        }
    }
    for (text, e) in set.texts.iter().zip(&results) {
        let outcome = &e.outcome;
        *s.rules.entry(e.rule.name()).or_default() += 1;
        s.bytes += text.len();
        let ok = match (set.expect, outcome) {
            (Expect::Lang(l), Ok(got)) => l == *got,
            (Expect::Rejected, r) => r.is_err(),
            (Expect::Lang(_), Err(_)) => false,
        };
        match outcome {
            Ok(_) if !ok => s.other_lang += 1,
            Err(Problem::LanguageUndetermined(_)) => s.undetermined += 1,
            Err(_) => s.unsupported += 1,
            Ok(_) => {}
        }
        let long = word_count(text) >= MIN_WORDS;
        s.n_min_words += usize::from(long);
        if ok {
            s.correct += 1;
            s.correct_min_words += usize::from(long);
        } else {
            let l = label(outcome);
            on_error(text, &l);
            *s.confusions.entry(l).or_default() += 1;
        }
    }
    s
}

/// The `# text = ` lines of a CoNLL-U file.
pub fn conllu_texts(conllu: &str) -> Vec<String> {
    conllu
        .lines()
        .filter_map(|l| l.strip_prefix("# text = "))
        .map(|t| t.trim().to_string())
        .collect()
}

/// Sentences of the GermEval 2014 TSV format (`#` source lines, `index<TAB>token<TAB>...`
/// rows, blank lines between sentences), tokens joined by spaces.
pub fn germeval_sentences(tsv: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in tsv.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(tok) = line.split('\t').nth(1) {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(tok);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The `text` fields of a JSON Lines file (lines that are not objects with a string `text`
/// are skipped and counted).
pub fn jsonl_texts(jsonl: &str) -> (Vec<String>, usize) {
    let mut skipped = 0;
    let mut out = Vec::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => match v.get("text").and_then(|t| t.as_str()) {
                Some(t) => out.push(t.to_string()),
                None => skipped += 1,
            },
            Err(_) => skipped += 1,
        }
    }
    (out, skipped)
}

/// A news article's headline-like opening: up to the first sentence end (`.`, `?`, `!`
/// followed by a space) or a ` – ` dateline, whichever comes first. At a dateline the
/// place before the dash (`Wien –`) is left out too.
pub fn first_sentence(text: &str) -> &str {
    const DATELINE: &str = " – ";
    // (pattern, bytes of it that stay with the sentence)
    let ends = [(". ", 1), ("? ", 1), ("! ", 1), (DATELINE, 0)];
    let Some((cut, pat)) = ends
        .iter()
        .filter_map(|&(e, keep)| text.find(e).map(|i| (i + keep, e)))
        .min()
    else {
        return text.trim();
    };
    let s = text[..cut].trim();
    match s.rsplit_once(char::is_whitespace) {
        Some((before, _place)) if pat == DATELINE => before.trim(),
        _ => s,
    }
}

/// The hand-written foreign samples as one set.
pub fn foreign_set() -> Set {
    let texts = FOREIGN_SAMPLES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t').map(|(_, t)| t.to_string()))
        .collect();
    Set {
        name: "other languages (hand-written)".into(),
        expect: Expect::Rejected,
        texts,
    }
}

/// The foreign samples, one set per language code.
pub fn foreign_sets_by_language() -> Vec<(String, Set)> {
    let mut by: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for l in FOREIGN_SAMPLES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if let Some((code, t)) = l.split_once('\t') {
            by.entry(code).or_default().push(t.to_string());
        }
    }
    by.into_iter()
        .map(|(code, texts)| {
            let name = format!("other: {code}");
            (
                code.to_string(),
                Set {
                    name,
                    expect: Expect::Rejected,
                    texts,
                },
            )
        })
        .collect()
}

/// A Markdown table of the scores.
pub fn markdown_table(scores: &[SetScore]) -> String {
    let mut out = String::from(
        "| set | texts | correct | other of de/en | unsupported | undetermined | correct, ≥3 words (texts) | µs/text | top confusions | decided by |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n",
    );
    for s in scores {
        out.push_str(&format!(
            "| {} | {} | {:.1}% | {} | {} | {} | {} ({}) | {:.1} | {} | {} |\n",
            s.name,
            s.n,
            100.0 * s.accuracy(),
            s.other_lang,
            s.unsupported,
            s.undetermined,
            pct_or_na(s.correct_min_words, s.n_min_words),
            s.n_min_words,
            s.micros_per_text(),
            s.confusions_summary(),
            s.rules_summary(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_cuts_at_sentence_end_or_dateline() {
        assert_eq!(first_sentence("Kurz und gut. Wien – Lang"), "Kurz und gut.");
        assert_eq!(first_sentence("Wer zahlt? Der Bund"), "Wer zahlt?");
        assert_eq!(
            first_sentence("USA schicken 2.000 Soldaten nach Europa"),
            "USA schicken 2.000 Soldaten nach Europa"
        );
        assert_eq!(
            first_sentence("Titel ohne Punkt Wien – Text. Mehr"),
            "Titel ohne Punkt"
        );
        assert_eq!(first_sentence("Wien – Text. Mehr"), "Wien");
    }

    #[test]
    fn germeval_joins_tokens() {
        let tsv = "#\tsrc\n1\tGleich\tO\tO\n2\tdarauf\tO\tO\n\n#\tx\n1\tJa\tO\tO\n";
        assert_eq!(germeval_sentences(tsv), vec!["Gleich darauf", "Ja"]);
    }

    #[test]
    fn scores_count_outcomes() {
        let id = LanguageIdentifier::new();
        let set = Set {
            name: "t".into(),
            expect: Expect::Lang(Language::De),
            texts: vec![
                "Die Regierung hat das Gesetz beschlossen.".into(),
                "12345".into(),
            ],
        };
        let s = score(|t| id.explain(t), &set, 1, |_, _| {});
        assert_eq!(
            (
                s.n,
                s.correct,
                s.undetermined,
                s.n_min_words,
                s.correct_min_words
            ),
            (2, 1, 1, 1, 1)
        );
        assert_eq!(s.top_confusions(5), vec![("undetermined", 1)]);
    }
}
