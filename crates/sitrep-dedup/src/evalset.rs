//! The near-duplicate evaluation set: seeded copies of real articles, and the scoring.
//!
//! Recipe (deterministic for a given corpus, sample size and seed): `sample` source
//! articles are drawn without replacement by a SplitMix64-driven shuffle. Each source gets
//! one copy per [`Edit`] that applies to it, made with a generator seeded by
//! `(seed, source, edit)` so one edit's copies do not depend on the others. Texts are cut
//! into sentences at `.`, `?` or `!` followed by white space and an upper-case letter,
//! digit or opening quote (crude, but only the copies' shape depends on it); a
//! *paragraph* here is a run of `unit = min(3, max(1, n / 4))` sentences for a text of `n`
//! sentences, so a paragraph edit touches at most a quarter of a text. Replacement text
//! comes from other articles of the same section (same topic vocabulary). The negatives
//! are all other articles of the corpus, same-section ones being the hard negatives.
//!
//! Scoring ([`run`], [`Run::score`]): the index holds every article of the corpus. Each
//! copy is queried: a match with its source is a true positive, any other match a false
//! positive, no match with the source a false negative. Each article is also queried
//! (without itself): every match there is a false positive between two different articles.
//! Besides the corpus, the index holds [`Stub`]s: an article's first sentence followed by
//! one of two boilerplate notices written for this evaluation; stubs of different articles
//! share only the boilerplate and must not match each other.

use std::collections::HashMap;
use std::fmt;

use crate::hash::{fmix64, SplitMix64};
use crate::{DedupConfig, Index, Signature, Similarity};

/// One corpus article.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    /// Section or topic (hard negatives share it).
    pub label: String,
    pub text: String,
}

/// How a copy differs from its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Edit {
    /// The first sentence (GNAD: the sub-headline) replaced by another article's first
    /// sentence; for a one-sentence text that headline is put in front.
    Headline,
    /// One paragraph replaced by as many sentences of a same-section article.
    ParagraphChanged,
    /// A paragraph of a same-section article inserted at a paragraph boundary.
    ParagraphAdded,
    /// One paragraph dropped (texts of two sentences or more).
    ParagraphRemoved,
    /// Quote marks, dashes and apostrophes restyled, a third of the commas dropped, some
    /// sentence gaps turned into line breaks, some spaces doubled.
    Punctuation,
    /// An agency and date line and a "more on this" line appended.
    Footer,
    /// Only the first 50–90 % of the sentences kept (texts of two sentences or more).
    Truncated,
    /// About 5 % of the words replaced by words of a same-section article.
    Reworded,
    /// Headline, punctuation and footer together: a typical agency copy in another outlet.
    AgencyCopy,
}

impl Edit {
    pub const ALL: [Edit; 9] = [
        Edit::Headline,
        Edit::ParagraphChanged,
        Edit::ParagraphAdded,
        Edit::ParagraphRemoved,
        Edit::Punctuation,
        Edit::Footer,
        Edit::Truncated,
        Edit::Reworded,
        Edit::AgencyCopy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Edit::Headline => "headline",
            Edit::ParagraphChanged => "paragraph-changed",
            Edit::ParagraphAdded => "paragraph-added",
            Edit::ParagraphRemoved => "paragraph-removed",
            Edit::Punctuation => "punctuation",
            Edit::Footer => "footer",
            Edit::Truncated => "truncated",
            Edit::Reworded => "reworded",
            Edit::AgencyCopy => "agency-copy",
        }
    }
}

impl fmt::Display for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A generated near-duplicate of `articles[source]`.
#[derive(Debug, Clone)]
pub struct Copy {
    pub source: usize,
    pub edit: Edit,
    pub text: String,
}

/// Sentences of a text as byte ranges covering it without gaps.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            // Skip closing quotes and brackets after the mark, then require white space
            // and a sentence-opening character.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '“' | '”' | '«' | '»' | ')' | '\'')
            {
                j += 1;
            }
            let ws = j;
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
            if j > ws && j < chars.len() {
                let n = chars[j].1;
                if n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '„' | '“' | '«' | '»')
                {
                    out.push(&text[start..chars[j].0]);
                    start = chars[j].0;
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn join(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

struct Maker<'a> {
    articles: &'a [Article],
    by_label: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Maker<'a> {
    /// Another article, of the same section when there is one.
    fn other(&self, rng: &mut SplitMix64, source: usize) -> usize {
        let same = &self.by_label[self.articles[source].label.as_str()];
        let pool: Vec<usize> = if same.len() > 1 {
            same.clone()
        } else {
            (0..self.articles.len()).collect()
        };
        loop {
            let o = pool[rng.below(pool.len())];
            if o != source || pool.len() == 1 {
                return o;
            }
        }
    }

    /// `n` consecutive sentences of another article (fewer if it is shorter).
    fn foreign_sentences(&self, rng: &mut SplitMix64, source: usize, n: usize) -> Vec<String> {
        let o = self.other(rng, source);
        let s = sentences(&self.articles[o].text);
        let n = n.min(s.len());
        let at = rng.below(s.len() - n + 1);
        s[at..at + n].iter().map(|x| x.to_string()).collect()
    }

    fn make(&self, source: usize, edit: Edit, rng: &mut SplitMix64) -> Option<String> {
        let text = &self.articles[source].text;
        let mut sents: Vec<String> = sentences(text).iter().map(|s| s.to_string()).collect();
        let n = sents.len();
        let unit = (n / 4).clamp(1, 3);
        match edit {
            Edit::Headline => {
                let head = self.headline(rng, source);
                if n >= 2 {
                    sents[0] = head;
                } else {
                    sents.insert(0, head);
                }
                Some(join(&sents))
            }
            Edit::ParagraphChanged => {
                if n < 2 {
                    return None;
                }
                // Any paragraph but one starting at the first sentence when that would
                // replace everything.
                let at = 1 + rng.below(n - unit.min(n - 1));
                let end = (at + unit).min(n);
                let new = self.foreign_sentences(rng, source, end - at);
                sents.splice(at..end, new);
                Some(join(&sents))
            }
            Edit::ParagraphAdded => {
                let at = 1 + rng.below(n.max(1));
                let new = self.foreign_sentences(rng, source, unit);
                let at = at.min(sents.len());
                sents.splice(at..at, new);
                Some(join(&sents))
            }
            Edit::ParagraphRemoved => {
                if n < 2 {
                    return None;
                }
                let len = unit.min(n - 1);
                let at = rng.below(n - len + 1);
                sents.drain(at..at + len);
                Some(join(&sents))
            }
            Edit::Punctuation => Some(restyle(text, rng)),
            Edit::Footer => Some(format!("{text}{}", self.footer(rng, source))),
            Edit::Truncated => {
                if n < 2 {
                    return None;
                }
                let keep = ((n as f64 * (0.5 + 0.4 * rng.unit())).ceil() as usize).clamp(1, n - 1);
                sents.truncate(keep);
                Some(join(&sents))
            }
            Edit::Reworded => {
                let donor = self.articles[self.other(rng, source)]
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>();
                let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
                if words.is_empty() || donor.is_empty() {
                    return None;
                }
                let k = (words.len() / 20).max(1);
                for _ in 0..k {
                    let at = rng.below(words.len());
                    words[at] = donor[rng.below(donor.len())].to_string();
                }
                Some(words.join(" "))
            }
            Edit::AgencyCopy => {
                let head = self.headline(rng, source);
                if n >= 2 {
                    sents[0] = head;
                } else {
                    sents.insert(0, head);
                }
                let body = restyle(&join(&sents), rng);
                Some(format!("{body}{}", self.footer(rng, source)))
            }
        }
    }

    fn headline(&self, rng: &mut SplitMix64, source: usize) -> String {
        let o = self.other(rng, source);
        sentences(&self.articles[o].text)
            .first()
            .map_or_else(String::new, |s| s.trim().to_string())
    }

    fn footer(&self, rng: &mut SplitMix64, source: usize) -> String {
        const AGENCIES: [&str; 6] = [
            "APA",
            "red, APA",
            "APA, dpa",
            "Reuters",
            "AFP",
            "APA/Reuters",
        ];
        let agency = AGENCIES[rng.below(AGENCIES.len())];
        let (day, month) = (1 + rng.below(28), 1 + rng.below(12));
        let more = self.headline(rng, source);
        format!("\n\n({agency}, {day}.{month}.2016)\n\nMehr zum Thema: {more}")
    }
}

/// Restyles punctuation and spacing without touching a word.
fn restyle(text: &str, rng: &mut SplitMix64) -> String {
    const QUOTES: [(&str, &str); 4] = [("\"", "\""), ("„", "“"), ("»", "«"), ("«", "»")];
    let (open, close) = QUOTES[rng.below(QUOTES.len())];
    let dash = if rng.below(2) == 0 { "-" } else { "—" };
    let mut out = String::with_capacity(text.len() + 16);
    let mut open_next = true;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        match c {
            '"' | '„' | '“' | '”' | '»' | '«' => {
                out.push_str(if open_next { open } else { close });
                open_next = !open_next;
            }
            '–' | '—' => out.push_str(dash),
            '\'' => out.push('’'),
            '’' => out.push('\''),
            // Only a comma before a space: `1,5` is a number, not punctuation.
            ',' if next.is_whitespace() && rng.below(3) == 0 => {}
            ' ' if matches!(prev, '.' | '?' | '!') && rng.below(3) == 0 => out.push('\n'),
            ' ' if rng.below(10) == 0 => out.push_str("  "),
            c => out.push(c),
        }
        prev = c;
    }
    out
}

/// Draws `sample` sources (all articles if fewer) and makes their copies.
pub fn generate(articles: &[Article], sample: usize, seed: u64) -> Vec<Copy> {
    let mut by_label: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        by_label.entry(a.label.as_str()).or_default().push(i);
    }
    let maker = Maker { articles, by_label };
    let mut order: Vec<usize> = (0..articles.len()).collect();
    let mut rng = SplitMix64::new(seed);
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order.truncate(sample);
    order.sort_unstable();
    let mut copies = Vec::new();
    for &source in &order {
        for (e, &edit) in Edit::ALL.iter().enumerate() {
            let mut rng = SplitMix64::new(seed ^ fmix64(((source as u64) << 8) | e as u64));
            if let Some(text) = maker.make(source, edit, &mut rng) {
                copies.push(Copy { source, edit, text });
            }
        }
    }
    copies
}

/// Boilerplate sentences for the stub negatives, written for this evaluation (generic
/// German paywall and take-down notices).
const BOILERPLATE: [&str; 2] = [
    "Der vollständige Text dieser Agenturmeldung ist aus lizenzrechtlichen Gründen nur für Abonnentinnen und Abonnenten verfügbar.",
    "Dieser Beitrag ist leider nicht mehr abrufbar. Weitere Meldungen aus diesem Ressort finden Sie auf unserer Startseite und in unserer App.",
];

/// A short stub: an article's first sentence followed by boilerplate. Stubs of different
/// articles share only the boilerplate, so they are negatives of each other (and of every
/// article but their own source, which is neither a positive nor a negative).
#[derive(Debug, Clone)]
pub struct Stub {
    pub source: usize,
    /// Which boilerplate notice it ends with.
    pub plate: usize,
    pub text: String,
}

/// Makes `count` stubs of articles drawn with `seed` (a shuffle of its own).
pub fn stubs(articles: &[Article], count: usize, seed: u64) -> Vec<Stub> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    let mut rng = SplitMix64::new(seed ^ 0x5354_5542); // "STUB"
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order.truncate(count);
    order.sort_unstable();
    order
        .into_iter()
        .filter_map(|source| {
            let first = sentences(&articles[source].text)
                .first()?
                .trim()
                .to_string();
            let plate = rng.below(BOILERPLATE.len());
            Some(Stub {
                source,
                plate,
                text: format!("{first} {}", BOILERPLATE[plate]),
            })
        })
        .collect()
}

/// The evaluation set: corpus articles, their copies (positives) and stubs (negatives).
pub struct EvalSet<'a> {
    pub articles: &'a [Article],
    pub copies: Vec<Copy>,
    pub stubs: Vec<Stub>,
}

impl<'a> EvalSet<'a> {
    /// Copies of `sample` sources and `stub_count` stubs, all from `seed`.
    pub fn build(
        articles: &'a [Article],
        sample: usize,
        stub_count: usize,
        seed: u64,
    ) -> EvalSet<'a> {
        EvalSet {
            articles,
            copies: generate(articles, sample, seed),
            stubs: stubs(articles, stub_count, seed),
        }
    }

    /// Pairs of stubs that end with the same boilerplate (the hardest negatives).
    pub fn stub_pairs(&self) -> usize {
        (0..BOILERPLATE.len())
            .map(|p| {
                let n = self.stubs.iter().filter(|s| s.plate == p).count();
                n * n.saturating_sub(1) / 2
            })
            .sum()
    }

    /// A stored document: articles first, then stubs.
    fn doc(&self, i: usize) -> Doc {
        if i < self.articles.len() {
            Doc::Article(i)
        } else {
            Doc::Stub(i - self.articles.len())
        }
    }

    fn name(&self, i: usize) -> String {
        match self.doc(i) {
            Doc::Article(a) => self.articles[a].id.clone(),
            Doc::Stub(s) => format!("stub of {}", self.articles[self.stubs[s].source].id),
        }
    }

    fn relation(&self, query: Query, stored: usize) -> Relation {
        let stub_source = |s: usize| self.stubs[s].source;
        match (query, self.doc(stored)) {
            (Query::Copy(c), Doc::Article(a)) if self.copies[c].source == a => Relation::Positive,
            (Query::Copy(_), Doc::Article(_)) => Relation::Negative(Negative::Copy),
            (Query::Copy(c), Doc::Stub(s)) if self.copies[c].source == stub_source(s) => {
                Relation::Ignore
            }
            (Query::Copy(_), Doc::Stub(_)) => Relation::Negative(Negative::Stub),
            (Query::Stored(x), _) if x >= stored => Relation::Ignore,
            (Query::Stored(x), y) => match (self.doc(x), y) {
                (Doc::Article(a), Doc::Article(b))
                    if self.articles[a].label == self.articles[b].label =>
                {
                    Relation::Negative(Negative::SameSection)
                }
                (Doc::Article(_), Doc::Article(_)) => Relation::Negative(Negative::OtherSection),
                (Doc::Article(a), Doc::Stub(s)) | (Doc::Stub(s), Doc::Article(a))
                    if stub_source(s) == a =>
                {
                    Relation::Ignore
                }
                (Doc::Stub(_), Doc::Stub(_)) => Relation::Negative(Negative::StubPair),
                _ => Relation::Negative(Negative::Stub),
            },
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Doc {
    Article(usize),
    Stub(usize),
}

#[derive(Debug, Clone, Copy)]
enum Query {
    Copy(usize),
    /// A stored document queried against the others.
    Stored(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Positive,
    Negative(Negative),
    /// Not scored: a document with itself, a pair already seen the other way round, or a
    /// stub with its own source.
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Negative {
    Copy,
    SameSection,
    OtherSection,
    /// A stub and an article or copy not of its source.
    Stub,
    /// Two stubs.
    StubPair,
}

/// One compared pair: a query against a stored document the index returned as a candidate.
#[derive(Debug, Clone)]
struct Pair {
    query: Query,
    stored: usize,
    relation: Relation,
    similarity: Similarity,
}

/// Precision and recall at one setting.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub true_positives: usize,
    pub false_negatives: usize,
    /// Copy matched with an article that is not its source.
    pub false_positives_copies: usize,
    /// Two different corpus articles matched, same section.
    pub false_positives_same_label: usize,
    /// Two different corpus articles matched, other sections.
    pub false_positives_other_label: usize,
    /// A stub matched with another stub, or with an article or copy not of its source.
    pub false_positives_stubs: usize,
    /// Of those, pairs of two stubs.
    pub stub_pairs_matched: usize,
    /// Recall per edit: (edit, found, copies).
    pub by_edit: Vec<(Edit, usize, usize)>,
    /// Recall per source length in words: (bucket name, found, copies).
    pub by_length: Vec<(&'static str, usize, usize)>,
    /// Stored documents matched with each other (names and Jaccard estimate): every one is
    /// a false positive.
    pub matched_stored: Vec<(String, String, f64)>,
}

impl Score {
    pub fn false_positives(&self) -> usize {
        self.false_positives_copies
            + self.false_positives_same_label
            + self.false_positives_other_label
            + self.false_positives_stubs
    }

    /// Precision over copies and corpus articles, leaving out matches that involve stubs.
    pub fn precision_corpus(&self) -> f64 {
        let p = self.true_positives + self.false_positives() - self.false_positives_stubs;
        if p == 0 {
            1.0
        } else {
            self.true_positives as f64 / p as f64
        }
    }

    /// Precision over everything, stubs included.
    pub fn precision(&self) -> f64 {
        let p = self.true_positives + self.false_positives();
        if p == 0 {
            1.0
        } else {
            self.true_positives as f64 / p as f64
        }
    }

    pub fn recall(&self) -> f64 {
        let p = self.true_positives + self.false_negatives;
        if p == 0 {
            1.0
        } else {
            self.true_positives as f64 / p as f64
        }
    }
}

/// Signatures and candidates of one index setting, scored at any threshold afterwards.
pub struct Run {
    config: DedupConfig,
    pairs: Vec<Pair>,
    stored_sigs: Vec<Signature>,
    copy_sigs: Vec<Signature>,
    /// Share of the copies whose source was among the LSH candidates.
    pub candidate_recall: f64,
    /// Mean number of candidates per query (copies and stored documents).
    pub candidates_per_query: f64,
}

/// Signs every document under `config`, indexes articles and stubs, and collects each
/// query's candidates.
pub fn run(set: &EvalSet<'_>, config: DedupConfig) -> Result<Run, String> {
    let mut index: Index<usize> = Index::new(config).map_err(|e| e.to_string())?;
    let stored_texts = set
        .articles
        .iter()
        .map(|a| a.text.as_str())
        .chain(set.stubs.iter().map(|s| s.text.as_str()));
    let stored_sigs: Vec<Signature> = stored_texts.map(|t| index.signature(t)).collect();
    let copy_sigs: Vec<Signature> = set
        .copies
        .iter()
        .map(|c| index.signature(&c.text))
        .collect();
    for (i, s) in stored_sigs.iter().enumerate() {
        index.insert(i, s.clone()).map_err(|e| e.to_string())?;
    }
    let mut pairs = Vec::new();
    let mut found = 0;
    let mut total_candidates = 0usize;
    let queries = (0..copy_sigs.len())
        .map(|i| (Query::Copy(i), &copy_sigs[i]))
        .chain((0..stored_sigs.len()).map(|i| (Query::Stored(i), &stored_sigs[i])));
    for (query, sig) in queries {
        let candidates = index.candidates(sig).map_err(|e| e.to_string())?;
        total_candidates +=
            candidates.len() - usize::from(matches!(query, Query::Stored(_)) && !sig.is_empty());
        for &stored in candidates {
            let relation = set.relation(query, stored);
            if relation == Relation::Positive {
                found += 1;
            }
            if relation == Relation::Ignore {
                continue;
            }
            let similarity = sig
                .similarity(&stored_sigs[stored])
                .map_err(|e| e.to_string())?;
            pairs.push(Pair {
                query,
                stored,
                relation,
                similarity,
            });
        }
    }
    let queries = copy_sigs.len() + stored_sigs.len();
    Ok(Run {
        config,
        pairs,
        candidate_recall: if copy_sigs.is_empty() {
            1.0
        } else {
            found as f64 / copy_sigs.len() as f64
        },
        candidates_per_query: total_candidates as f64 / queries.max(1) as f64,
        stored_sigs,
        copy_sigs,
    })
}

const LENGTHS: [(&str, usize); 3] = [
    ("< 50 words", 50),
    ("50–199 words", 200),
    ("≥ 200 words", usize::MAX),
];

impl Run {
    fn query_sig(&self, q: Query) -> &Signature {
        match q {
            Query::Copy(i) => &self.copy_sigs[i],
            Query::Stored(i) => &self.stored_sigs[i],
        }
    }

    /// Scores the run's candidates under `config`, which must have the run's shingle size
    /// and banding (thresholds, containment and `min_shared` may differ).
    pub fn score(&self, set: &EvalSet<'_>, config: &DedupConfig) -> Score {
        assert_eq!(
            (config.shingle, config.bands, config.rows),
            (self.config.shingle, self.config.bands, self.config.rows),
            "a run is scored with its own shingles and banding"
        );
        let mut s = Score::default();
        let mut hit = vec![false; set.copies.len()];
        for p in &self.pairs {
            if config
                .judge(
                    &p.similarity,
                    self.query_sig(p.query),
                    &self.stored_sigs[p.stored],
                )
                .is_none()
            {
                continue;
            }
            match (p.relation, p.query) {
                (Relation::Positive, Query::Copy(i)) => {
                    s.true_positives += 1;
                    hit[i] = true;
                }
                (Relation::Positive, Query::Stored(_)) | (Relation::Ignore, _) => {}
                (Relation::Negative(kind), query) => {
                    match kind {
                        Negative::Copy => s.false_positives_copies += 1,
                        Negative::SameSection => s.false_positives_same_label += 1,
                        Negative::OtherSection => s.false_positives_other_label += 1,
                        Negative::Stub => s.false_positives_stubs += 1,
                        Negative::StubPair => {
                            s.false_positives_stubs += 1;
                            s.stub_pairs_matched += 1;
                        }
                    }
                    if let Query::Stored(x) = query {
                        s.matched_stored.push((
                            set.name(x),
                            set.name(p.stored),
                            p.similarity.jaccard,
                        ));
                    }
                }
            }
        }
        s.false_negatives = hit.iter().filter(|h| !**h).count();
        for edit in Edit::ALL {
            let of: Vec<usize> = (0..set.copies.len())
                .filter(|&i| set.copies[i].edit == edit)
                .collect();
            s.by_edit
                .push((edit, of.iter().filter(|&&i| hit[i]).count(), of.len()));
        }
        let mut lo = 0;
        for (name, hi) in LENGTHS {
            let of: Vec<usize> = (0..set.copies.len())
                .filter(|&i| {
                    (lo..hi).contains(
                        &set.articles[set.copies[i].source]
                            .text
                            .split_whitespace()
                            .count(),
                    )
                })
                .collect();
            s.by_length
                .push((name, of.iter().filter(|&&i| hit[i]).count(), of.len()));
            lo = hi;
        }
        s
    }

    /// Jaccard estimates of every copy with its source, by edit: (edit, min, median).
    pub fn copy_similarity(&self, set: &EvalSet<'_>) -> Vec<(Edit, f64, f64)> {
        Edit::ALL
            .iter()
            .map(|&edit| {
                let mut js: Vec<f64> = (0..set.copies.len())
                    .filter(|&i| set.copies[i].edit == edit)
                    .filter_map(|i| {
                        self.copy_sigs[i]
                            .similarity(&self.stored_sigs[set.copies[i].source])
                            .ok()
                    })
                    .map(|s| s.jaccard)
                    .collect();
                js.sort_by(f64::total_cmp);
                let min = js.first().copied().unwrap_or(f64::NAN);
                let median = js.get(js.len() / 2).copied().unwrap_or(f64::NAN);
                (edit, min, median)
            })
            .collect()
    }

    /// The `n` most similar pairs of different stored documents among the candidates,
    /// either two corpus articles (`stubs` false) or pairs involving a stub: names,
    /// Jaccard estimate, estimated shared shingles.
    pub fn closest_negatives(
        &self,
        set: &EvalSet<'_>,
        n: usize,
        stubs: bool,
    ) -> Vec<(String, String, f64, f64)> {
        let is_stub = |i: usize| matches!(set.doc(i), Doc::Stub(_));
        let mut v: Vec<&Pair> = self
            .pairs
            .iter()
            .filter(|p| match p.query {
                Query::Stored(x) => (is_stub(x) || is_stub(p.stored)) == stubs,
                Query::Copy(_) => false,
            })
            .collect();
        v.sort_by(|a, b| b.similarity.jaccard.total_cmp(&a.similarity.jaccard));
        v.truncate(n);
        v.into_iter()
            .map(|p| {
                let (q, st) = (self.query_sig(p.query), &self.stored_sigs[p.stored]);
                let j = p.similarity.jaccard;
                let shared = j * f64::from(q.shingles() + st.shingles()) / (1.0 + j);
                let Query::Stored(x) = p.query else {
                    unreachable!("filtered above")
                };
                (set.name(x), set.name(p.stored), j, shared)
            })
            .collect()
    }

    /// The highest Jaccard estimate between two different corpus articles among the
    /// candidates: (same section, other sections).
    pub fn max_negative(&self) -> (f64, f64) {
        let (mut same, mut other) = (0.0f64, 0.0f64);
        for p in &self.pairs {
            match p.relation {
                Relation::Negative(Negative::SameSection) => same = same.max(p.similarity.jaccard),
                Relation::Negative(Negative::OtherSection) => {
                    other = other.max(p.similarity.jaccard)
                }
                _ => {}
            }
        }
        (same, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Article> {
        let topics = [
            "Wien",
            "Graz",
            "Linz",
            "Salzburg",
            "Innsbruck",
            "Klagenfurt",
        ];
        topics
            .iter()
            .enumerate()
            .map(|(i, t)| Article {
                id: format!("a{i}"),
                label: if i % 2 == 0 { "Inland" } else { "Sport" }.to_string(),
                text: (0..12)
                    .map(|s| {
                        format!(
                            "In {t} meldete die Stelle {s} am Tag {} neue Zahlen, „{},5 Prozent“ – zu Fall {}. ",
                            i * 7 + s,
                            s + 2,
                            s * 13 + i
                        )
                    })
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn sentences_cover_the_text() {
        let t = "Wien – Er kam. Sie sagte: „Nein.“ Dann 3 Tage. z.B. so? Ja!";
        let s = sentences(t);
        assert_eq!(s.concat(), t);
        // No cut before a lower-case word (`Tage. z.B.`).
        assert_eq!(
            s,
            [
                "Wien – Er kam. ",
                "Sie sagte: „Nein.“ ",
                "Dann 3 Tage. z.B. so? ",
                "Ja!"
            ]
        );
        assert!(sentences("").is_empty());
    }

    #[test]
    fn generation_is_deterministic_and_seeded() {
        let c = corpus();
        let a = generate(&c, 4, 7);
        let b = generate(&c, 4, 7);
        assert_eq!(a.len(), b.len());
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.text == y.text && x.source == y.source && x.edit == y.edit));
        let other = generate(&c, 4, 8);
        assert!(a
            .iter()
            .zip(&other)
            .any(|(x, y)| x.text != y.text || x.source != y.source));
        // Every edit applies to a 12-sentence text, and changes it.
        assert_eq!(a.len(), 4 * Edit::ALL.len());
        assert!(
            a.iter().all(|x| x.text != c[x.source].text),
            "an edit left a copy unchanged"
        );
    }

    #[test]
    fn punctuation_edit_keeps_the_words() {
        let c = corpus();
        for copy in generate(&c, 6, 1)
            .iter()
            .filter(|x| x.edit == Edit::Punctuation)
        {
            assert_eq!(
                crate::normalize(&copy.text),
                crate::normalize(&c[copy.source].text)
            );
        }
    }

    #[test]
    fn copies_of_a_small_corpus_are_found_and_stubs_kept_apart() {
        let c = corpus();
        let set = EvalSet::build(&c, 6, 6, 3);
        assert_eq!(set.stubs.len(), 6);
        let config = DedupConfig::default();
        let run = run(&set, config).unwrap();
        let s = run.score(&set, &config);
        assert_eq!(s.false_positives(), 0, "{:?}", s.matched_stored);
        assert!(s.recall() > 0.9, "recall {}", s.recall());
        // Jaccard alone at a low threshold merges stubs that share only boilerplate; the
        // scorer must count that.
        let loose = DedupConfig {
            threshold: 0.1,
            min_shared: 0,
            containment: None,
            ..config
        };
        let s = run.score(&set, &loose);
        assert!(
            s.false_positives_stubs > 0,
            "stubs sharing boilerplate never matched at J ≥ 0.1"
        );
    }
}
