//! Tags the gold tokens of a CoNLL-U file with the shipped model or a model file and
//! prints tokens per second (a profiling aid; under
//! `valgrind --tool=callgrind` the instruction count is the repeatable measure):
//! `cargo run --release -p sitrep-tag --example speed -- de FILE [MODEL.bin] [PASSES]`.

use sitrep_core::Language;
use sitrep_tag::{corpus, Resources, Tagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let language: Language = args[0].parse().expect("language");
    let gold = corpus::parse(&std::fs::read_to_string(&args[1]).expect("read")).expect("parse");
    let tagger = match args.get(2).filter(|a| a.ends_with(".bin")) {
        Some(p) => Tagger::from_bytes(&std::fs::read(p).expect("model"), Resources::new(language))
            .expect("load"),
        None => Tagger::new(language).expect("model"),
    };
    let passes: usize = args.last().and_then(|a| a.parse().ok()).unwrap_or(1);
    let sents: Vec<(Vec<&str>, Vec<bool>)> = gold
        .iter()
        .map(|s| {
            (
                s.iter().map(|t| t.form.as_str()).collect(),
                s.iter().map(|t| t.joined).collect(),
            )
        })
        .collect();
    let mut out = Vec::new();
    let (mut tokens, mut check) = (0usize, 0usize);
    let t0 = std::time::Instant::now();
    for _ in 0..passes {
        for (w, j) in &sents {
            tagger.tag_words(w, j, &mut out);
            tokens += out.len();
            check += out.iter().map(|a| a.lemma.len()).sum::<usize>();
        }
    }
    let s = t0.elapsed().as_secs_f64();
    println!(
        "{language}: {tokens} tokens in {s:.3} s = {:.0} tokens/s (check {check}), model heap {:.1} MB",
        tokens as f64 / s,
        tagger.heap_bytes() as f64 / 1e6
    );
}
