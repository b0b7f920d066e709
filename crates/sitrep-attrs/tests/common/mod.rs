//! The real segmenter, tagger and entity recogniser, built once per language, and a
//! renderer of every attribute as one line per item (`text=details`), for case tables.

#![allow(dead_code)]

use sitrep_attrs::{Attrs, Sent, TenseHint};
use sitrep_core::{Date, Language, Segmentation};
use sitrep_entities::{EntityRecognizer, Found};
use sitrep_segment::Segmenter;
use sitrep_tag::{Tagger, WordAnalysis};
use std::sync::OnceLock;

pub struct Lang {
    pub seg: Segmenter,
    pub tagger: Tagger,
    pub rec: EntityRecognizer,
}

pub fn lang(l: Language) -> &'static Lang {
    static DE: OnceLock<Lang> = OnceLock::new();
    static EN: OnceLock<Lang> = OnceLock::new();
    let cell = match l {
        Language::De => &DE,
        Language::En => &EN,
    };
    cell.get_or_init(|| Lang {
        seg: Segmenter::new(l),
        tagger: Tagger::new(l).unwrap(),
        rec: EntityRecognizer::new(l).unwrap(),
    })
}

pub fn attrs() -> &'static Attrs {
    static A: OnceLock<Attrs> = OnceLock::new();
    A.get_or_init(|| Attrs::new().unwrap())
}

/// A document run through segmentation, tagging and entity recognition.
pub struct Doc {
    pub lang: Language,
    pub text: String,
    pub seg: Segmentation,
    pub words: Vec<WordAnalysis>,
    pub found: Vec<Found>,
}

pub fn analyse(l: Language, text: &str, published: Option<Date>) -> Doc {
    let x = lang(l);
    let seg = x.seg.segment(text);
    let mut words = Vec::new();
    let mut buf = Vec::new();
    for s in &seg.sentences {
        let toks = &seg.tokens[s.tokens.start as usize..s.tokens.end as usize];
        x.tagger.tag(text, toks, &mut buf);
        words.append(&mut buf);
    }
    let found = x.rec.mentions(text, &seg.tokens, &words, published);
    Doc {
        lang: l,
        text: text.to_string(),
        seg,
        words,
        found,
    }
}

impl Doc {
    /// The whole document as one view (cases are one sentence, or a short paragraph).
    pub fn sent(&self) -> Sent<'_> {
        Sent::whole(self.lang, &self.text, &self.seg.tokens, &self.words)
    }
}

fn num(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
        None => "-".into(),
    }
}

pub fn render_quantities(d: &Doc) -> Vec<String> {
    attrs()
        .quantities(&d.sent())
        .iter()
        .map(|q| {
            let mut v = num(q.value);
            if let Some(u) = q.upper {
                v = format!("{v}..{}", num(Some(u)));
            }
            format!(
                "{}={}/{}/{}",
                q.text(&d.text),
                v,
                q.bound.as_str(),
                q.unit.as_deref().unwrap_or("-")
            )
        })
        .collect()
}

pub fn render_dates(d: &Doc, published: Option<Date>, hint: TenseHint) -> Vec<String> {
    attrs()
        .dates(&d.sent(), published, hint)
        .iter()
        .map(|t| {
            let part = t.part.map_or(String::new(), |p| format!("/{}", p.as_str()));
            format!(
                "{}={}/{}{}",
                t.text(&d.text),
                t.value.as_deref().unwrap_or("-"),
                t.granularity.as_str(),
                part
            )
        })
        .collect()
}

pub fn render_quotes(d: &Doc) -> Vec<String> {
    let s = d.sent();
    attrs()
        .quotes(&s, &d.found)
        .iter()
        .map(|q| {
            let who = match &q.speaker {
                None => "-".to_string(),
                Some(sp) => {
                    let who = match (sp.mention, sp.pronoun, &sp.noun) {
                        (Some(m), _, _) => d.found[m].span.get(&d.text).unwrap_or("?").to_string(),
                        (None, Some(p), _) => {
                            format!("pron:{}", d.seg.tokens[p].span.get(&d.text).unwrap_or("?"))
                        }
                        (None, None, Some(r)) => format!(
                            "role:{}",
                            d.text
                                .get(
                                    d.seg.tokens[r.start].span.start as usize
                                        ..d.seg.tokens[r.end - 1].span.end as usize
                                )
                                .unwrap_or("?")
                        ),
                        (None, None, None) => "?".into(),
                    };
                    // a definite role that refers back to the person named before
                    if sp.definite {
                        format!("{who}+ref")
                    } else {
                        who
                    }
                }
            };
            format!("{}={}/{}", q.text(&d.text), q.kind.as_str(), who)
        })
        .collect()
}

pub fn render_sources(d: &Doc) -> Vec<String> {
    attrs()
        .sources(&d.sent(), &d.found)
        .iter()
        .map(|x| {
            if x.rule == sitrep_attrs::SourceRule::Anaphor {
                return "anaphor".to_string();
            }
            let name = x.name_span.and_then(|sp| sp.get(&d.text)).unwrap_or("-");
            format!("{}={}", name, x.kind.map_or("-", |k| k.as_str()))
        })
        .collect()
}

/// Tokens with tags, for debugging a failing case.
pub fn dump(d: &Doc) -> String {
    let mut s = String::new();
    for (i, t) in d.seg.tokens.iter().enumerate() {
        let w = &d.words[i];
        s.push_str(&format!(
            "{i}:{}/{}/{} ",
            t.span.get(&d.text).unwrap_or(""),
            w.upos.as_str(),
            w.lemma
        ));
    }
    for f in &d.found {
        s.push_str(&format!(
            "\n  mention {:?} {:?} {:?} {}",
            f.tokens,
            f.span.get(&d.text),
            f.kind,
            f.name
        ));
    }
    s
}
