//! Error analysis for `sitrep eval-ner`: prints the GermEval sentences that contain any of
//! the given phrases, with the gold chunks, sitrep's mentions (kind and rule) and the tags.
//!
//! `cargo run --release -p sitrep-eval --example ner_debug -- FILE PHRASE...`

use sitrep_core::Language;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: ner_debug GERMEVAL.tsv PHRASE...")?;
    let needles: Vec<String> = args.collect();
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let gold = sitrep_eval::ner::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    let rec = sitrep_entities::EntityRecognizer::new(Language::De).map_err(|e| e.to_string())?;
    let seg = sitrep_segment::Segmenter::new(Language::De);
    let tagger = sitrep_tag::Tagger::new(Language::De).map_err(|e| e.to_string())?;
    for s in &gold {
        let text = s.tokens.join(" ");
        if !needles.iter().any(|n| text.contains(n.as_str())) {
            continue;
        }
        let segm = seg.segment(&text);
        let mut words = Vec::new();
        let mut buf = Vec::new();
        for sent in &segm.sentences {
            let toks = &segm.tokens[sent.tokens.start as usize..sent.tokens.end as usize];
            tagger.tag(&text, toks, &mut buf);
            words.append(&mut buf);
        }
        println!("{text}");
        let g: Vec<String> = sitrep_eval::ner::chunks(&s.outer)
            .iter()
            .map(|c| {
                format!(
                    "{}[{}{}]",
                    s.tokens[c.start..c.end].join(" "),
                    c.ty,
                    c.class
                )
            })
            .collect();
        println!("  gold: {}", g.join("; "));
        let found = rec.mentions(&text, &segm.tokens, &words, s.date);
        let p: Vec<String> = found
            .iter()
            .map(|f| {
                format!(
                    "{}[{:?} {:?}]",
                    f.span.get(&text).unwrap_or(""),
                    f.kind,
                    f.rule
                )
            })
            .collect();
        println!("  pred: {}", p.join("; "));
        let tags: Vec<String> = segm
            .tokens
            .iter()
            .zip(&words)
            .map(|(t, w)| format!("{}/{:?}", t.span.get(&text).unwrap_or(""), w.upos))
            .collect();
        println!("  tags: {}", tags.join(" "));
    }
    Ok(())
}
