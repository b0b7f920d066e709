//! Where startup time goes: each stage's loading, timed alone.
//! `cargo run --release -p sitrep-pipeline --example startup`

use sitrep_core::Language;
use std::time::Instant;

fn time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let x = f();
    println!("{what:<28} {:>7.1} ms", t.elapsed().as_secs_f64() * 1e3);
    x
}

fn main() {
    for l in Language::ALL {
        time(&format!("tagger {l}"), || {
            sitrep_tag::Tagger::new(l).unwrap()
        });
        time(&format!("entities {l}"), || {
            sitrep_entities::EntityRecognizer::new(l).unwrap()
        });
    }
    time(
        "events (frames, sectors)",
        sitrep_events::EventExtractor::new,
    );
    time(
        "language identifier",
        sitrep_langid::LanguageIdentifier::new,
    );
    time("whole pipeline", sitrep_pipeline::Pipeline::new);
    parts();
}

#[allow(dead_code)]
fn parts() {
    time("german lexicon", || {
        sitrep_lexicon::Lexicon::german().unwrap()
    });
    time("first names", || sitrep_kb::names::load().unwrap());
    time("places", || sitrep_kb::places::load().unwrap());
    time("states+orgs+people+media+sectors+national", || {
        (
            sitrep_kb::states::load().unwrap(),
            sitrep_kb::orgs::load().unwrap(),
            sitrep_kb::people::load().unwrap(),
            sitrep_kb::media::load().unwrap(),
            sitrep_kb::sectors::load().unwrap(),
            sitrep_kb::national::load().unwrap(),
        )
    });
    for l in Language::ALL {
        time(&format!("matcher {l}"), || {
            sitrep_kb::matcher::Matcher::new(l).unwrap()
        });
    }
}
