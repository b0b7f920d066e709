//! Attribute test sets (`evaluation/gold/attrs/`): date expressions with publication dates
//! and direct quotes with their speakers (`sitrep eval-attrs`).
//!
//! A set is a TSV file whose header comment names its format (`# format:
//! sitrep-attrs-dates 1` or `# format: sitrep-attrs-quotes 1`); the columns are described in
//! each file. A text is written in the file, or read by `@CORPUS#ID` from the data folder
//! (a GNAD document or a UD sentence, as [`crate::events`] reads `text_from`), so no
//! third-party text is stored. Each expected item names words of the text (their first
//! occurrence, or the one at a byte offset with `words@N`); a missing or misplaced word is
//! a load error naming file, line and item.
//!
//! Scoring ([`score_dates`], [`score_quotes`]) is per expected item:
//! * **dates**: *found* when a predicted expression overlaps the words, *right* when the
//!   overlapping expression's value equals the expected one (day, ISO week, month or
//!   year). Predicted expressions that overlap nothing expected are false alarms, counted
//!   in written texts only (corpus texts are annotated only where listed).
//! * **quotes**: *found* when a predicted direct quote covers the words; *right* when its
//!   speaker (name or code) shares a word with the expected speaker by GOLD_FORMAT's rule
//!   ([`crate::events::share_word`]). A quote not found counts as a wrong speaker.

use crate::events::{read_corpus, share_word};
pub use crate::Tally;
use serde::Serialize;
use sitrep_attrs::{Attrs, Sent, TenseHint};
use sitrep_core::{Date, Language, Quote, Span};
use sitrep_segment::Segmenter;
use sitrep_tag::Tagger;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// What a set holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SetKind {
    Dates,
    Quotes,
}

impl SetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SetKind::Dates => "dates",
            SetKind::Quotes => "quotes",
        }
    }
}

/// One expected date or quote: the words that locate it and the expected value (an ISO
/// date value, or the speaker).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub words: String,
    /// Byte span of the words in the item's text.
    pub span: Span,
    pub value: String,
}

/// One text with its expected items.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub lang: Language,
    pub published: Option<Date>,
    pub text: String,
    /// Read from a corpus: annotated only where listed (no false alarms counted).
    pub from_corpus: bool,
    pub expected: Vec<Expected>,
}

/// A loaded test set.
#[derive(Debug, Clone)]
pub struct AttrSet {
    pub kind: SetKind,
    pub items: Vec<Item>,
}

/// Reads a test set; corpus texts come from `data_dir`.
pub fn load(path: &Path, data_dir: &Path) -> Result<AttrSet, String> {
    let src = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&src, &path.display().to_string(), data_dir)
}

/// [`load`] from a string; `name` is used in error messages.
pub fn parse(src: &str, name: &str, data_dir: &Path) -> Result<AttrSet, String> {
    let mut kind = None;
    let mut corpora: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    let mut header_seen = false;
    for (n, line) in src.lines().enumerate() {
        let at = |m: String| format!("{name}:{}: {m}", n + 1);
        if let Some(c) = line.strip_prefix('#') {
            if let Some(f) = c.trim().strip_prefix("format:") {
                kind = Some(match f.trim() {
                    "sitrep-attrs-dates 1" => SetKind::Dates,
                    "sitrep-attrs-quotes 1" => SetKind::Quotes,
                    other => return Err(at(format!("unknown format `{other}`"))),
                });
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let Some(kind) = kind else {
            return Err(at(
                "no `# format: sitrep-attrs-dates 1` or `sitrep-attrs-quotes 1` line before the rows".into(),
            ));
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if !header_seen && cols.first() == Some(&"id") {
            header_seen = true;
            continue;
        }
        let (id, lang, published, text, expected) = match (kind, cols.as_slice()) {
            (SetKind::Dates, [id, lang, p, t, e]) => (*id, *lang, Some(*p), *t, *e),
            (SetKind::Quotes, [id, lang, t, e]) => (*id, *lang, None, *t, *e),
            _ => {
                return Err(at(format!(
                    "expected {} tab-separated columns, found {}",
                    if kind == SetKind::Dates { 5 } else { 4 },
                    cols.len()
                )))
            }
        };
        let at = |m: String| at(format!("{id}: {m}"));
        if items.iter().any(|i| i.id == id) {
            return Err(at("duplicate id".into()));
        }
        let lang: Language = lang
            .parse()
            .map_err(|_| at(format!("unknown language `{lang}`")))?;
        let published = match published {
            None | Some("-") => None,
            Some(p) => Some(
                Date::parse_published(p)
                    .map_err(|e| at(format!("bad publication date `{p}`: {e}")))?,
            ),
        };
        let (text, from_corpus) = match text.strip_prefix('@') {
            Some(r) => {
                let (corpus, doc) = r
                    .split_once('#')
                    .ok_or_else(|| at(format!("`@{r}`: expected @CORPUS#ID")))?;
                if !corpora.contains_key(corpus) {
                    let c = read_corpus(&data_dir.join(corpus)).map_err(&at)?;
                    corpora.insert(corpus.to_string(), c);
                }
                let t = corpora[corpus]
                    .get(doc)
                    .ok_or_else(|| at(format!("{doc}: no such document in {corpus}")))?;
                (t.clone(), true)
            }
            None => (text.replace("\\n", "\n"), false),
        };
        let mut exp = Vec::new();
        if expected != "-" {
            for part in expected.split(" ; ") {
                let (words, value) = part
                    .rsplit_once('=')
                    .ok_or_else(|| at(format!("`{part}`: expected WORDS=VALUE")))?;
                let (words, offset) = match words.rsplit_once('@') {
                    Some((w, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                        (w, Some(n.parse::<usize>().map_err(|e| at(e.to_string()))?))
                    }
                    _ => (words, None),
                };
                let start = match offset {
                    Some(o) => (text.get(o..).is_some_and(|t| t.starts_with(words)))
                        .then_some(o)
                        .ok_or_else(|| at(format!("`{words}` is not at byte {o}")))?,
                    None => text
                        .find(words)
                        .ok_or_else(|| at(format!("`{words}` does not occur in the text")))?,
                };
                if words.is_empty() || value.is_empty() {
                    return Err(at(format!("`{part}`: empty words or value")));
                }
                if kind == SetKind::Dates && !valid_date_value(value) {
                    return Err(at(format!(
                        "`{value}` is not YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY"
                    )));
                }
                exp.push(Expected {
                    words: words.to_string(),
                    span: Span::new(start, start + words.len()),
                    value: value.to_string(),
                });
            }
        }
        items.push(Item {
            id: id.to_string(),
            lang,
            published,
            text,
            from_corpus,
            expected: exp,
        });
    }
    let kind = kind.ok_or_else(|| format!("{name}: no `# format:` line"))?;
    Ok(AttrSet { kind, items })
}

fn valid_date_value(v: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = v.split('-').collect();
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, w] if w.starts_with('W') => digits(y, 4) && digits(&w[1..], 2),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && digits(d, 2) && Date::parse_published(v).is_ok()
        }
        _ => false,
    }
}

/// The date expressions `attrs` finds in an item's text: segmented and tagged as the
/// pipeline does, each sentence read with its own tense hint ([`TenseHint::of`]).
pub fn predict_dates(
    segmenter: &Segmenter,
    tagger: &Tagger,
    attrs: &Attrs,
    item: &Item,
) -> Vec<PredDate> {
    let seg = segmenter.segment(&item.text);
    let mut words = Vec::with_capacity(seg.tokens.len());
    let mut buf = Vec::new();
    for s in &seg.sentences {
        tagger.tag(&item.text, seg.sentence_tokens(s), &mut buf);
        words.append(&mut buf);
    }
    let mut out = Vec::new();
    for s in &seg.sentences {
        let sent = Sent::new(
            item.lang,
            &item.text,
            &seg.tokens,
            &words,
            s.tokens.start as usize..s.tokens.end as usize,
        );
        let hint = TenseHint::of(&sent);
        out.extend(
            attrs
                .dates(&sent, item.published, hint)
                .into_iter()
                .map(|d| PredDate {
                    span: d.span,
                    value: d.value,
                }),
        );
    }
    out
}

/// A date expression the system found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredDate {
    pub span: Span,
    pub value: Option<String>,
}

/// Scores of one language.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Scores {
    pub items: usize,
    /// Expected items with an overlapping prediction.
    pub found: Tally,
    /// Expected items with the right value (dates) or speaker (quotes): the headline.
    pub right: Tally,
    /// Predictions in written texts that overlap nothing expected.
    pub false_alarms: usize,
}

/// One wrong item, for the error list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Wrong {
    pub id: String,
    pub words: String,
    pub expected: String,
    /// What the system gave (`-` for nothing).
    pub predicted: String,
}

/// A scored set.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttrReport {
    pub kind: SetKind,
    pub per_language: BTreeMap<String, Scores>,
    pub errors: Vec<Wrong>,
    pub false_alarms: Vec<Wrong>,
}

fn overlap(a: Span, b: Span) -> u32 {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Scores date predictions, one list per item of `set` (in order).
pub fn score_dates(set: &AttrSet, predicted: &[Vec<PredDate>]) -> AttrReport {
    let mut r = AttrReport {
        kind: SetKind::Dates,
        per_language: BTreeMap::new(),
        errors: Vec::new(),
        false_alarms: Vec::new(),
    };
    for (item, preds) in set.items.iter().zip(predicted) {
        let s = r
            .per_language
            .entry(item.lang.code().to_string())
            .or_default();
        s.items += 1;
        for e in &item.expected {
            let best = preds
                .iter()
                .filter(|p| overlap(p.span, e.span) > 0)
                .max_by_key(|p| overlap(p.span, e.span));
            let right = best.is_some_and(|p| p.value.as_deref() == Some(e.value.as_str()));
            s.found.add(best.is_some());
            s.right.add(right);
            if !right {
                r.errors.push(Wrong {
                    id: item.id.clone(),
                    words: e.words.clone(),
                    expected: e.value.clone(),
                    predicted: best.map_or("-".into(), |p| {
                        format!(
                            "{}={}",
                            p.span.get(&item.text).unwrap_or("?"),
                            p.value.as_deref().unwrap_or("(none)")
                        )
                    }),
                });
            }
        }
        if !item.from_corpus {
            for p in preds {
                if !item.expected.iter().any(|e| overlap(p.span, e.span) > 0) {
                    s.false_alarms += 1;
                    r.false_alarms.push(Wrong {
                        id: item.id.clone(),
                        words: p.span.get(&item.text).unwrap_or("?").to_string(),
                        expected: "-".into(),
                        predicted: p.value.clone().unwrap_or_else(|| "(none)".into()),
                    });
                }
            }
        }
    }
    r
}

/// Scores the quotes of each item's analysis (`Analysis.quotes`, in order of `set`).
/// Quotes of kind `term` (quoted names, scare quotes) are not speech and never match.
pub fn score_quotes(set: &AttrSet, predicted: &[Vec<Quote>]) -> AttrReport {
    let mut r = AttrReport {
        kind: SetKind::Quotes,
        per_language: BTreeMap::new(),
        errors: Vec::new(),
        false_alarms: Vec::new(),
    };
    for (item, quotes) in set.items.iter().zip(predicted) {
        let s = r
            .per_language
            .entry(item.lang.code().to_string())
            .or_default();
        s.items += 1;
        let direct: Vec<&Quote> = quotes.iter().filter(|q| q.kind == "direct").collect();
        let span = |q: &Quote| Span {
            start: q.start,
            end: q.end,
        };
        for e in &item.expected {
            let q = direct
                .iter()
                .filter(|q| overlap(span(q), e.span) > 0)
                .max_by_key(|q| overlap(span(q), e.span));
            let right = q.and_then(|q| q.speaker.as_ref()).is_some_and(|sp| {
                share_word(&e.value, &sp.name) || sp.code.as_deref() == Some(e.value.as_str())
            });
            s.found.add(q.is_some());
            s.right.add(right);
            if !right {
                r.errors.push(Wrong {
                    id: item.id.clone(),
                    words: e.words.clone(),
                    expected: e.value.clone(),
                    predicted: match q {
                        None => "- (quote not found)".into(),
                        Some(q) => q.speaker.as_ref().map_or("- (no speaker)".into(), |sp| {
                            format!("{} ({})", sp.name, sp.code.as_deref().unwrap_or("-"))
                        }),
                    },
                });
            }
        }
        if !item.from_corpus {
            for q in &direct {
                if !item.expected.iter().any(|e| overlap(span(q), e.span) > 0) {
                    s.false_alarms += 1;
                    r.false_alarms.push(Wrong {
                        id: item.id.clone(),
                        words: q.text.clone(),
                        expected: "-".into(),
                        predicted: q.speaker.as_ref().map_or("-".into(), |sp| sp.name.clone()),
                    });
                }
            }
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATES: &str = "# format: sitrep-attrs-dates 1\n\
        id\tlang\tpublished\ttext\texpected\n\
        a\tde\t2022-02-02\tAm Freitag kam er. Am Freitag ging er.\tFreitag@22=2022-01-28\n\
        b\ten\t-\tNothing here.\t-\n";

    fn set(src: &str) -> Result<AttrSet, String> {
        parse(src, "t.tsv", Path::new("/nonexistent"))
    }

    #[test]
    fn loads_items_with_offsets() {
        let s = set(DATES).unwrap();
        assert_eq!(s.kind, SetKind::Dates);
        assert_eq!(s.items.len(), 2);
        let e = &s.items[0].expected[0];
        assert_eq!(e.span, Span::new(22, 29));
        assert_eq!(e.span.get(&s.items[0].text), Some("Freitag"));
        assert_eq!(s.items[0].published, Date::new(2022, 2, 2));
        assert!(s.items[1].expected.is_empty() && s.items[1].published.is_none());
    }

    #[test]
    fn bad_rows_name_line_and_item() {
        let e = set(&DATES.replace("Freitag@22", "Samstag")).unwrap_err();
        assert!(
            e.starts_with("t.tsv:3: a:") && e.contains("does not occur"),
            "{e}"
        );
        let e = set(&DATES.replace("Freitag@22", "Freitag@4")).unwrap_err();
        assert!(e.contains("not at byte 4"), "{e}");
        let e = set(&DATES.replace("2022-01-28", "28.01.2022")).unwrap_err();
        assert!(e.contains("is not YYYY-MM-DD"), "{e}");
        let e = set(&DATES.replace("\nb\ten", "\na\ten")).unwrap_err();
        assert!(e.contains("duplicate id"), "{e}");
        let e = set(&DATES.replace("dates 1", "dates 9")).unwrap_err();
        assert!(e.contains("unknown format"), "{e}");
        let e = set("a\tde\tx\n").unwrap_err();
        assert!(e.contains("no `# format:"), "{e}");
        let e = set(&format!("{DATES}c\tde\t-\t@x.jsonl\t-\n")).unwrap_err();
        assert!(e.contains("@CORPUS#ID"), "{e}");
    }

    #[test]
    fn dates_score_value_on_overlap_and_count_false_alarms() {
        let s = set(DATES).unwrap();
        let hit = PredDate {
            span: Span::new(19, 29),
            value: Some("2022-01-28".into()),
        };
        let other = PredDate {
            span: Span::new(0, 10),
            value: Some("2022-01-28".into()),
        };
        let r = score_dates(&s, &[vec![other.clone(), hit], vec![]]);
        let de = &r.per_language["de"];
        assert_eq!((de.right.right, de.right.total, de.false_alarms), (1, 1, 1));
        // the right value at the wrong place is a miss
        let r = score_dates(&s, &[vec![other], vec![]]);
        assert_eq!(r.per_language["de"].found.right, 0);
        assert_eq!(r.errors[0].predicted, "-");
    }

    #[test]
    fn quotes_score_speakers_by_shared_word() {
        let src = "# format: sitrep-attrs-quotes 1\n\
            q\tde\t„Wir sind bereit“, sagte Olaf Scholz.\tsind bereit=Olaf Scholz\n";
        let s = set(src).unwrap();
        let q = |kind: &str, name: &str| Quote {
            start: 3,
            end: 18,
            text: "Wir sind bereit".into(),
            kind: kind.into(),
            speaker: Some(sitrep_core::Speaker {
                entity: None,
                name: name.into(),
                code: Some("DEU".into()),
            }),
        };
        let r = score_quotes(&s, &[vec![q("direct", "Scholz")]]);
        assert_eq!(r.per_language["de"].right.right, 1);
        let r = score_quotes(&s, &[vec![q("direct", "Annalena Baerbock")]]);
        assert_eq!(r.per_language["de"].right.right, 0);
        assert_eq!(r.errors[0].predicted, "Annalena Baerbock (DEU)");
        // a term is not speech
        let r = score_quotes(&s, &[vec![q("term", "Scholz")]]);
        assert_eq!(r.per_language["de"].found.right, 0);
    }
}
