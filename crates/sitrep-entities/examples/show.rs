//! Prints the mentions of a text: `cargo run -p sitrep-entities --example show -- de "Text"`.
use sitrep_core::Language;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang: Language = args[1].parse().expect("de or en");
    let text = &args[2];
    let seg = sitrep_segment::Segmenter::new(lang).segment(text);
    let tagger = sitrep_tag::Tagger::new(lang).unwrap();
    let mut words = Vec::new();
    let mut buf = Vec::new();
    for s in &seg.sentences {
        tagger.tag(
            text,
            &seg.tokens[s.tokens.start as usize..s.tokens.end as usize],
            &mut buf,
        );
        words.append(&mut buf);
    }
    for (t, w) in seg.tokens.iter().zip(&words) {
        eprint!("{}/{}/{} ", t.span.get(text).unwrap(), w.upos, w.lemma);
    }
    eprintln!();
    let rec = sitrep_entities::EntityRecognizer::new(lang).unwrap();
    for f in rec.mentions(text, &seg.tokens, &words, None) {
        println!(
            "{:?} {:?} {:?} {:?} {:?} {:?}",
            f.span.get(text).unwrap(),
            f.kind,
            f.code,
            f.sector,
            f.kb,
            f.rule
        );
    }
}
