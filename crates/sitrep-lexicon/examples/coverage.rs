//! Coverage, load time and lookup speed of the German lexicon on a CoNLL-U file.
//!
//! ```text
//! cargo run --release -p sitrep-lexicon --example coverage -- ../shared/data/ud/de_gsd-ud-dev.conllu
//! ```
//!
//! Counts word tokens (syntactic words, not multiword-token lines) whose UPOS is not
//! PUNCT, NUM or SYM, and reports the share whose gold (lemma, UPOS), and separately gold
//! STTS, is among the analyses of `lookup_any_case` (without compounds) and `analyze`
//! (with compound, separable-verb and suffix fallbacks).

use sitrep_lexicon::Lexicon;
use std::collections::HashMap;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: coverage FILE.conllu");
    let text = std::fs::read_to_string(&path).expect("read the CoNLL-U file");

    let t = Instant::now();
    let lex = Lexicon::german().expect("lexicon loads");
    let load = t.elapsed();

    let mut words: Vec<[&str; 4]> = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        if matches!(cols[3], "PUNCT" | "NUM" | "SYM") {
            continue;
        }
        words.push([cols[1], cols[2], cols[3], cols[4]]);
    }

    // Lookup speed: stts_set (allocation-free) and lookup_any_case (entries) over all tokens.
    let reps = 5;
    let t = Instant::now();
    let mut sink = 0usize;
    for _ in 0..reps {
        for w in &words {
            sink += lex.stts_set(w[0]).len();
        }
    }
    let set_rate = (reps * words.len()) as f64 / t.elapsed().as_secs_f64();
    let t = Instant::now();
    for _ in 0..reps {
        for w in &words {
            sink += lex.lookup_any_case(w[0]).len();
        }
    }
    let lookup_rate = (reps * words.len()) as f64 / t.elapsed().as_secs_f64();
    let t = Instant::now();
    for w in &words {
        sink += lex.analyze(w[0]).len();
    }
    let analyze_rate = words.len() as f64 / t.elapsed().as_secs_f64();

    let (mut lu_plain, mut lu_full, mut x_plain, mut x_full, mut found_plain, mut found_full) =
        (0, 0, 0, 0, 0, 0);
    let mut misses: HashMap<String, usize> = HashMap::new();
    let mut miss_upos: HashMap<&str, usize> = HashMap::new();
    for w in &words {
        let [form, lemma, upos, xpos] = *w;
        let plain = lex.lookup_any_case(form);
        let full = if plain.is_empty() {
            lex.analyze(form)
        } else {
            plain.clone()
        };
        let lu = |es: &[sitrep_lexicon::Entry]| {
            es.iter()
                .any(|e| e.lemma == lemma && e.upos.as_str() == upos)
        };
        let xp = |es: &[sitrep_lexicon::Entry]| es.iter().any(|e| e.xpos.as_str() == xpos);
        lu_plain += usize::from(lu(&plain));
        lu_full += usize::from(lu(&full));
        x_plain += usize::from(xp(&plain));
        x_full += usize::from(xp(&full));
        found_plain += usize::from(!plain.is_empty());
        found_full += usize::from(!full.is_empty());
        if !lu(&full) {
            *misses
                .entry(format!(
                    "{form}\t{lemma}\t{upos}\t{xpos}\t{}",
                    if full.is_empty() {
                        "unknown"
                    } else {
                        "other analyses"
                    }
                ))
                .or_default() += 1;
            *miss_upos.entry(upos).or_default() += 1;
        }
    }
    let n = words.len() as f64;
    let pct = |k: usize| 100.0 * k as f64 / n;
    println!("file: {path}");
    println!("word tokens (not PUNCT/NUM/SYM): {}", words.len());
    println!("artifact forms: {}", lex.artifact_forms());
    println!(
        "load (artifact + closed classes): {:.1} ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "stts_set: {:.2} M lookups/s; lookup_any_case: {:.2} M/s; analyze: {:.2} M/s (sink {sink})",
        set_rate / 1e6,
        lookup_rate / 1e6,
        analyze_rate / 1e6
    );
    println!();
    println!("| | lookup_any_case | analyze (with compounds, fallbacks) |");
    println!("|---|---|---|");
    println!(
        "| any analysis | {:.1}% | {:.1}% |",
        pct(found_plain),
        pct(found_full)
    );
    println!(
        "| gold (lemma, UPOS) among analyses | {:.1}% | {:.1}% |",
        pct(lu_plain),
        pct(lu_full)
    );
    println!(
        "| gold STTS among analyses | {:.1}% | {:.1}% |",
        pct(x_plain),
        pct(x_full)
    );
    println!();
    let mut by_upos: Vec<_> = miss_upos.into_iter().collect();
    by_upos.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!(
        "(lemma, UPOS) misses by gold UPOS: {}",
        by_upos
            .iter()
            .map(|(u, k)| format!("{u} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut m: Vec<_> = misses.into_iter().collect();
    m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("\nmost common (lemma, UPOS) misses: count, form, gold lemma, UPOS, STTS, what the lexicon had");
    for (k, c) in m.iter().take(40) {
        println!("{c}\t{k}");
    }
}
