//! What the attribute tests share: one pipeline per test binary, and the analysis of a
//! text with events, its language given and published on 2023-06-15.

use sitrep_core::{Analysis, Date, Document, Language};
use sitrep_pipeline::{AnalyzeOptions, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::new)
}

pub fn analyze(lang: Language, text: &str) -> Analysis {
    let mut d = Document::new("t", text);
    d.language = Some(lang);
    d.published = Date::new(2023, 6, 15);
    let opts = AnalyzeOptions {
        events: true,
        ..Default::default()
    };
    pipeline().analyze(d, &opts).unwrap()
}
