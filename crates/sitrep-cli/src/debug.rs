//! `sitrep debug`: what the stages see, for one text. Tokens one per line (span, tags,
//! lemma, features), then each clause with its verb complex. For looking inside, not for
//! parsing: the format may change.

use clap::Args;
use sitrep_clause::ClauseAnalyzer;
use sitrep_core::{Language, Segmentation};
use sitrep_eval::morph::TaggedWord;
use sitrep_events::args::{phrases, W};
use sitrep_pipeline::Pipeline;
use std::fmt::Write as _;
use std::io::Read;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct DebugArgs {
    /// The text, or `-` for standard input.
    pub text: String,
    /// de, en, or auto (identify).
    #[arg(long, default_value = "auto", value_name = "de|en|auto")]
    pub language: String,
}

pub fn run(args: DebugArgs) -> anyhow::Result<ExitCode> {
    let text = if args.text == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    } else {
        args.text
    };
    let pipeline = Pipeline::new();
    let attrs =
        sitrep_attrs::Attrs::new().map_err(|e| anyhow::anyhow!("shipped attribute data: {e}"))?;
    let language = match args.language.as_str() {
        "auto" => pipeline
            .identifier()
            .identify(&text)
            .map_err(|p| anyhow::anyhow!("{p}"))?,
        s => s
            .parse::<Language>()
            .map_err(|e| anyhow::anyhow!("--language: {e}"))?,
    };
    out!(
        "{}",
        render(&pipeline, &ClauseAnalyzer::new(), &attrs, language, &text)
    );
    Ok(ExitCode::SUCCESS)
}

fn render(
    pipeline: &Pipeline,
    clauses: &ClauseAnalyzer,
    attrs: &sitrep_attrs::Attrs,
    language: Language,
    text: &str,
) -> String {
    let mut seg = Segmentation::default();
    pipeline.segmenter(language).segment_into(text, &mut seg);
    let mut out = String::new();
    let mut tags = Vec::new();
    for (n, s) in seg.sentences.iter().enumerate() {
        let toks = seg.sentence_tokens(s);
        pipeline.tagger(language).tag(text, toks, &mut tags);
        let _ = writeln!(
            out,
            "# sentence {} {}..{} ({language})",
            n + 1,
            s.span.start,
            s.span.end
        );
        let words: Vec<TaggedWord<'_>> = toks
            .iter()
            .zip(&tags)
            .map(|(t, a)| TaggedWord {
                text: t.span.text(text),
                span: t.span,
                analysis: a,
            })
            .collect();
        for w in &words {
            let a = w.analysis;
            let _ = writeln!(
                out,
                "{}\t{}..{}\t{}\t{}\t{}\t{}",
                w.text, w.span.start, w.span.end, a.upos, a.xpos, a.lemma, a.feats
            );
        }
        let ws: Vec<W<'_>> = words
            .iter()
            .zip(toks)
            .map(|(w, t)| W::new(language, w.text, w.span, w.analysis, t.joined, attrs))
            .collect();
        for c in clauses.analyze(language, &words) {
            let _ = write!(out, "clause {} {:?}", c.kind.as_str(), c.span.text(text));
            let cw: Vec<usize> = c.words.iter().map(|&i| i as usize).collect();
            let verbs = c.verb.as_ref().map(|v| {
                let first = v.verbs.first().map_or(v.main.index, |a| a.index);
                (first as usize, v.main.index as usize)
            });
            let finite = c
                .verb
                .as_ref()
                .and_then(|v| v.finite)
                .map(|a| a.index as usize);
            let main = c.kind == sitrep_clause::ClauseKind::Main;
            for ph in phrases(language, &ws, &cw, verbs, finite, main) {
                let role = ph.role.map_or("?".to_string(), |r| r.to_string());
                let first = ws[ph.words.start].span;
                let last = ws[ph.words.end - 1].span;
                let _ = write!(out, " [{role} {:?}]", first.cover(last).text(text));
            }
            match &c.verb {
                None => out.push_str(" (no verb)\n"),
                Some(v) => {
                    let opt = |x: Option<&str>| x.unwrap_or("-").to_string();
                    let _ = writeln!(
                        out,
                        " → {} | mood={} tense={} voice={} modal={} neg={}",
                        v.lemma,
                        opt(v.mood.map(|m| m.as_str())),
                        opt(v.tense.map(|t| t.as_str())),
                        v.voice,
                        opt(v.modal.as_ref().map(|m| m.lemma.as_str())),
                        if v.negation.is_some() { "yes" } else { "no" },
                    );
                }
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_joined_separable_verb_and_reported_speech() {
        let p = Pipeline::new();
        let out = render(
            &p,
            &ClauseAnalyzer::new(),
            &sitrep_attrs::Attrs::new().unwrap(),
            Language::De,
            "Der Minister warf der Regierung Untätigkeit vor. Es gebe keine Einigung, sagte er.",
        );
        assert!(out.contains("# sentence 2"), "{out}");
        assert!(out.contains("→ vorwerfen | mood=Ind tense=Past"), "{out}");
        assert!(out.contains("→ geben | mood=KonjI"), "{out}");
        assert!(out.contains("warf\t"), "{out}");
    }
}
