//! Trains a tagger model from a CoNLL-U file and writes the artifact.
//!
//! ```text
//! cargo run --release -p sitrep-tag --example train -- en \
//!     ../shared/data/ud/en_ewt-ud-train.conllu data/en/cc-by-sa/tagger-en.bin
//! cargo run --release -p sitrep-tag --example train -- de \
//!     ../shared/data/ud/de_gsd-ud-dev.conllu data/de/cc-by-sa/tagger-de.bin
//! ```
//!
//! Bit-for-bit reproducible: the same input gives the same bytes.

use sitrep_core::Language;
use sitrep_tag::train::{train, TrainConfig};
use sitrep_tag::{corpus, Resources};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lang, input, output] = args.as_slice() else {
        eprintln!("usage: train de|en INPUT.conllu OUTPUT.bin");
        return ExitCode::from(2);
    };
    let run = || -> Result<(), String> {
        let language: Language = lang.parse().map_err(|e| format!("{e}"))?;
        let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
        let sents = corpus::parse(&text).map_err(|e| format!("{input}: {e}"))?;
        let name = std::path::Path::new(input)
            .file_name()
            .map_or(input.clone(), |n| n.to_string_lossy().into_owned());
        let tokens: usize = sents.iter().map(Vec::len).sum();
        let note = format!(
            "sitrep-tag {language} model; trained on {name} ({} sentences, {tokens} tokens) by `cargo run --release -p sitrep-tag --example train -- {language} {name} OUT`; CC BY-SA 4.0 (Universal Dependencies)",
            sents.len()
        );
        let t = std::time::Instant::now();
        let bytes = train(
            language,
            &sents,
            &TrainConfig::for_language(language),
            &Resources::new(language),
            &note,
        )?;
        std::fs::write(output, &bytes).map_err(|e| format!("{output}: {e}"))?;
        eprintln!(
            "{output}: {} bytes, {} sentences, {tokens} tokens, {:.1} s",
            bytes.len(),
            sents.len(),
            t.elapsed().as_secs_f64()
        );
        Ok(())
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::FAILURE
        }
    }
}
