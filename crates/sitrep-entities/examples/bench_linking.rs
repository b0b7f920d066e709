//! Matching and linking speed: `EntityRecognizer::mentions` alone, one thread, over a news
//! corpus (JSON Lines), with the tagger left out of the timing.
//!
//! ```sh
//! cargo run --release -p sitrep-entities --example bench_linking -- \
//!     [CORPUS.jsonl] [--repeat N] [--expect-mentions N]
//! ```
//!
//! The corpus defaults to `$SITREP_DATA/news/gnad-de-dev.jsonl`. Every document is segmented
//! and tagged once, untimed; then each pass runs the recogniser (knowledge-base matching,
//! unknown names, descriptors, coreference and the linking pass) over every document. The
//! fastest pass and the median are printed as one JSON line. The output is checked while
//! timing: every pass must find the same mentions (count and a hash of spans, kinds, codes,
//! sectors and kb ids), so a fast wrong answer fails. On a loaded machine the wall clock
//! is noisy; `valgrind --tool=callgrind --toggle-collect='*EntityRecognizer*mentions*'`
//! with `--repeat 1` counts the instructions per token instead.

use sitrep_core::{Language, Segmentation, Token};
use sitrep_entities::{EntityRecognizer, Found};
use sitrep_ingest::{IngestOptions, Input, InputFormat, Reader};
use sitrep_tag::WordAnalysis;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

struct Doc {
    text: String,
    tokens: Vec<Token>,
    words: Vec<WordAnalysis>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_linking: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut corpus: Option<PathBuf> = None;
    let mut repeat = 5usize;
    let mut expect: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a number"))
        };
        match a.as_str() {
            "--repeat" => repeat = number("--repeat")?.max(1),
            "--expect-mentions" => expect = Some(number("--expect-mentions")?),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => corpus = Some(PathBuf::from(a)),
        }
    }
    let corpus = corpus.unwrap_or_else(|| {
        let data = std::env::var_os("SITREP_DATA").unwrap_or_else(|| "../shared/data".into());
        PathBuf::from(data).join("news/gnad-de-dev.jsonl")
    });

    // read, segment and tag once (German documents only: the recogniser is per language)
    let opts = IngestOptions {
        format: Some(InputFormat::Jsonl),
        default_language: Some(Language::De),
        ..Default::default()
    };
    let segmenter = sitrep_segment::Segmenter::new(Language::De);
    let tagger = sitrep_tag::Tagger::new(Language::De).map_err(|e| e.to_string())?;
    let mut docs = Vec::new();
    let mut seg = Segmentation::default();
    let mut buf = Vec::new();
    for item in Reader::new(vec![Input::Path(corpus.clone())], opts) {
        let doc = item.map_err(|e| e.to_string())?.doc;
        if doc.language != Some(Language::De) {
            continue;
        }
        segmenter.segment_into(&doc.text, &mut seg);
        let mut words = Vec::with_capacity(seg.tokens.len());
        for s in &seg.sentences {
            tagger.tag(&doc.text, seg.sentence_tokens(s), &mut buf);
            words.append(&mut buf);
        }
        docs.push(Doc {
            text: doc.text,
            tokens: seg.tokens.clone(),
            words,
        });
    }
    if docs.is_empty() {
        return Err(format!("{}: no German documents", corpus.display()));
    }
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();

    let t = Instant::now();
    let rec = EntityRecognizer::new(Language::De).map_err(|e| e.to_string())?;
    let load_ms = t.elapsed().as_secs_f64() * 1e3;

    let mut secs = Vec::with_capacity(repeat);
    let mut seen: Option<(usize, u64)> = None;
    for _ in 0..repeat {
        let mut n = 0usize;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let t = Instant::now();
        for d in &docs {
            // no publication date: GNAD has none, as in `eval-linking`
            let found = rec.mentions(&d.text, &d.tokens, &d.words, None);
            n += found.len();
            found.iter().for_each(|f| fingerprint(f, &mut h));
        }
        secs.push(t.elapsed().as_secs_f64());
        let now = (n, h.finish());
        match seen {
            Some(prev) if prev != now => {
                return Err(format!("passes disagree: {prev:?} vs {now:?}"));
            }
            _ => seen = Some(now),
        }
    }
    let (mentions, hash) = seen.expect("at least one pass");
    if let Some(want) = expect {
        if want != mentions {
            return Err(format!("expected {want} mentions, got {mentions}"));
        }
    }
    secs.sort_by(f64::total_cmp);
    let best = secs[0];
    let median = secs[secs.len() / 2];
    println!(
        "{{\"bench\":\"matching+linking\",\"corpus\":\"{}\",\"documents\":{},\"tokens\":{tokens},\
         \"mentions\":{mentions},\"output_hash\":\"{hash:016x}\",\"kb_load_ms\":{load_ms:.1},\
         \"passes\":{repeat},\"tokens_per_s_per_thread_best\":{:.0},\
         \"tokens_per_s_per_thread_median\":{:.0}}}",
        corpus
            .display()
            .to_string()
            .replace('\\', "\\\\")
            .replace('"', "\\\""),
        docs.len(),
        tokens as f64 / best,
        tokens as f64 / median,
    );
    Ok(())
}

/// What a mention says: span, kind, code, sector and kb id (enough for equal passes).
fn fingerprint(f: &Found, h: &mut impl Hasher) {
    (f.span.start, f.span.end).hash(h);
    format!("{:?}{:?}{:?}{:?}", f.kind, f.code, f.sector, f.kb).hash(h);
}
