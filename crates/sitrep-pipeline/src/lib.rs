//! The sitrep pipeline: a short runner over the stages.
//!
//! A [`Pipeline`] owns the loaded data of every stage (built once, shared by all threads:
//! it is `Sync`) and turns a [`Document`] into an [`Analysis`]:
//!
//! ```text
//! Document ─▶ language (declared, default or identified) ─▶ segment ─▶ tag ─▶ entities
//!          ─▶ Analysis
//! ```
//!
//! Tagging runs when tokens or entities are asked for; entity recognition is a first version
//! and opt-in ([`AnalyzeOptions::entities`]) until it meets its accuracy target. Later stages
//! (events) are added here; front-ends (CLI, server, Python) only call
//! [`Pipeline::analyze`].

use sitrep_core::Problem;
use sitrep_core::{Analysis, Document, Language, Segmentation, Span, TokenOut};
use sitrep_entities::EntityRecognizer;
use sitrep_events::{EventExtractor, Input};
use sitrep_kb::matcher::Matcher;
use sitrep_langid::LanguageIdentifier;
use sitrep_lexicon::Lexicon;
use sitrep_segment::Segmenter;
use sitrep_tag::{Resources, Tagger, WordAnalysis};
use std::sync::OnceLock;

/// The version of what the stages produce. Bump it when a change to any stage (rules,
/// frames, lexicons, models) changes analyses: a store records it per document, and
/// `sitrep reanalyze` re-runs documents stored with an older one.
pub const ANALYSIS_VERSION: u32 = 3;

/// What to include in each analysis.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnalyzeOptions {
    /// Include the `tokens` array.
    pub tokens: bool,
    /// Recognise and link entities (fills `entities`).
    pub entities: bool,
    /// Extract events (fills `events`; implies `entities`).
    pub events: bool,
}

/// The loaded pipeline. Build it once; it is cheap to share across threads.
///
/// Each language's stages (segmenter, tagger, knowledge base) are loaded on first use, so
/// a German-only batch never pays for the English data (the knowledge bases are most of
/// the start-up cost, see evaluation/reports/speed.md). [`Pipeline::preload`] loads them
/// up front.
pub struct Pipeline {
    identifier: LanguageIdentifier,
    parts: [OnceLock<Part>; 2],
    /// Built on first use or by [`Pipeline::load_events`], not by [`Pipeline::new`], so
    /// that a caller's start-up work overlaps it.
    events: OnceLock<EventExtractor>,
}

/// The stages of one language.
struct Part {
    segmenter: Segmenter,
    tagger: Tagger,
    recognizer: EntityRecognizer,
}

impl Part {
    /// Loads one language. Panics if a shipped model is malformed (the tests load every
    /// one, so a release cannot ship a broken model).
    fn load(l: Language) -> Part {
        // The knowledge base takes the longest to compile: build it on its own thread
        // while this one loads the rest of the language (one German lexicon for the tagger
        // and the recogniser) and the given names. The same parts as `Tagger::new` and
        // `EntityRecognizer::new` load.
        std::thread::scope(|scope| {
            let kb = scope.spawn(move || {
                Matcher::new(l).unwrap_or_else(|e| panic!("shipped {l} knowledge base: {e}"))
            });
            let lexicon = Lexicon::shipped(l);
            let tagger = Tagger::with_resources(l, Resources::with_lexicon(l, lexicon.clone()))
                .unwrap_or_else(|e| panic!("shipped {l} tagger model: {e}"));
            let segmenter = Segmenter::new(l);
            let first_names = sitrep_kb::names::load()
                .unwrap_or_else(|e| panic!("shipped {l} knowledge base: {e}"));
            let kb = match kb.join() {
                Ok(m) => m,
                Err(p) => std::panic::resume_unwind(p),
            };
            let recognizer = EntityRecognizer::from_parts(kb, first_names, lexicon);
            Part {
                segmenter,
                tagger,
                recognizer,
            }
        })
    }
}

impl Pipeline {
    /// The pipeline with the data shipped in the repository. Languages load on first use
    /// (see [`Pipeline::preload`]); a malformed shipped model panics then.
    pub fn new() -> Pipeline {
        Pipeline {
            identifier: LanguageIdentifier::new(),
            parts: [OnceLock::new(), OnceLock::new()],
            events: OnceLock::new(),
        }
    }

    /// Loads the stages of `languages` now (in parallel, a thread each) and the event
    /// extractor (on this thread meanwhile) rather than on first use.
    pub fn preload(&self, languages: &[Language]) {
        std::thread::scope(|scope| {
            for &l in languages {
                scope.spawn(move || self.load(l));
            }
            self.load_events(languages);
        });
    }

    /// Loads the stages of `language` on this thread now (what its first use does).
    pub fn load(&self, language: Language) {
        self.part(language);
    }

    /// Builds the event extractor and its parts for `languages` on this thread now (what
    /// their first use does; the parts of other languages still load on first use). Build
    /// it on a thread that lives on: with mimalloc, memory a loader frees on a thread that
    /// then ends stays resident until the purge delay (sitting 12 measured the ingest's
    /// peak RSS +18 MB with the frames built on a thread of their own).
    pub fn load_events(&self, languages: &[Language]) {
        let events = self.events();
        for &l in languages {
            events.load(l);
        }
    }

    /// Whether the stages of `language` are loaded.
    pub fn is_loaded(&self, language: Language) -> bool {
        self.parts[language as usize].get().is_some()
    }

    fn part(&self, language: Language) -> &Part {
        self.parts[language as usize].get_or_init(|| Part::load(language))
    }

    /// The event extractor (built on first use).
    fn events(&self) -> &EventExtractor {
        self.events.get_or_init(EventExtractor::new)
    }

    pub fn tagger(&self, language: Language) -> &Tagger {
        &self.part(language).tagger
    }

    pub fn segmenter(&self, language: Language) -> &Segmenter {
        &self.part(language).segmenter
    }

    pub fn identifier(&self) -> &LanguageIdentifier {
        &self.identifier
    }

    /// The document's language: declared (or defaulted by ingest), else identified.
    /// Text with nothing to analyse (empty or blank) needs none.
    pub fn language_of(&self, doc: &Document) -> Result<Option<Language>, Problem> {
        if let Some(l) = doc.language {
            return Ok(Some(l));
        }
        if doc.text.trim().is_empty() {
            return Ok(None);
        }
        self.identifier.identify(&doc.text).map(Some)
    }

    /// Analyses one document.
    pub fn analyze(&self, doc: Document, opts: &AnalyzeOptions) -> Result<Analysis, Problem> {
        let mut seg = Segmentation::default();
        self.analyze_with(doc, opts, &mut seg)
    }

    /// [`Pipeline::analyze`] with a caller-owned scratch buffer, reused across documents.
    ///
    /// A defect met on one document costs that document, not the batch: a panic in any
    /// stage is caught and returned as [`Problem::Internal`].
    pub fn analyze_with(
        &self,
        doc: Document,
        opts: &AnalyzeOptions,
        seg: &mut Segmentation,
    ) -> Result<Analysis, Problem> {
        guarded(seg, |seg| self.analyze_unguarded(doc, opts, seg))
    }

    fn analyze_unguarded(
        &self,
        mut doc: Document,
        opts: &AnalyzeOptions,
        seg: &mut Segmentation,
    ) -> Result<Analysis, Problem> {
        doc.language = self.language_of(&doc)?;
        let language = doc.language;
        let mut analysis = Analysis::from_document(doc);
        seg.clear();
        if let Some(language) = language {
            self.segmenter(language).segment_into(&analysis.text, seg);
        }
        analysis.sentences = seg.sentences.iter().map(|s| s.span).collect();
        if let (Some(language), true) = (language, opts.tokens || opts.entities || opts.events) {
            let tagger = self.tagger(language);
            let mut words: Vec<WordAnalysis> = Vec::with_capacity(seg.tokens.len());
            let mut sentence_words = Vec::new();
            for s in &seg.sentences {
                tagger.tag(&analysis.text, seg.sentence_tokens(s), &mut sentence_words);
                words.append(&mut sentence_words);
            }
            if opts.entities || opts.events {
                let found = self.part(language).recognizer.mentions(
                    &analysis.text,
                    &seg.tokens,
                    &words,
                    analysis.published,
                );
                let home = sitrep_entities::shown_home(&analysis.text, seg, &found);
                let mut shown = sitrep_entities::with_home_country(&found, home.as_deref());
                // `sagte er`: pronouns that carry attribution join their person
                let mut sentence_of = vec![0; seg.tokens.len()];
                for (k, s) in seg.sentences.iter().enumerate() {
                    for t in s.tokens.start as usize..(s.tokens.end as usize).min(sentence_of.len())
                    {
                        sentence_of[t] = k;
                    }
                }
                let pronouns = self.part(language).recognizer.attribution_pronouns(
                    &analysis.text,
                    &seg.tokens,
                    &sentence_of,
                    &shown,
                );
                shown.extend(pronouns);
                shown.sort_by_key(|f| (f.span.start, f.span.end));
                analysis.entities = sitrep_entities::group(&analysis.text, &shown);
                if opts.events {
                    let x = self.events().extract_all(&Input {
                        language,
                        text: &analysis.text,
                        seg,
                        words: &words,
                        found: &found,
                        entities: &analysis.entities,
                        published: analysis.published,
                    });
                    analysis.events = x.events;
                    analysis.quotes = x.quotes;
                }
            }
            if opts.tokens {
                analysis.tokens = Some(
                    seg.tokens
                        .iter()
                        .zip(words)
                        .map(|(t, w)| TokenOut {
                            start: t.span.start,
                            end: t.span.end,
                            upos: Some(w.upos),
                            xpos: Some(w.xpos.as_str().to_string()),
                            feats: Some(tagger.feats_string(&w.feats)),
                            lemma: Some(w.lemma),
                        })
                        .collect(),
                );
            }
        } else if opts.tokens {
            // No language (blank text): tokens without analysis.
            analysis.tokens = Some(
                seg.tokens
                    .iter()
                    .map(|t| TokenOut {
                        start: t.span.start,
                        end: t.span.end,
                        upos: None,
                        xpos: None,
                        lemma: None,
                        feats: None,
                    })
                    .collect(),
            );
        }
        debug_assert!(analysis
            .sentences
            .iter()
            .all(|s: &Span| s.get(&analysis.text).is_some()));
        Ok(analysis)
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

/// Runs `f`, turning a panic into [`Problem::Internal`] with its message. The scratch
/// buffer and this thread's tagger memos, which the panic may have left half-updated, are
/// cleared so the next document starts clean.
fn guarded<T>(
    seg: &mut Segmentation,
    f: impl FnOnce(&mut Segmentation) -> Result<T, Problem>,
) -> Result<T, Problem> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *seg))) {
        Ok(r) => r,
        Err(payload) => {
            seg.clear();
            sitrep_tag::forget_thread_memos();
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic without a message".to_string());
            Err(Problem::Internal(msg))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_language_is_kept_and_spans_point_into_text() {
        let p = Pipeline::new();
        let mut doc = Document::new("t", "Die NATO begrüßte die Verlegung. Moskau schwieg.");
        doc.language = Some(Language::De);
        let a = p
            .analyze(
                doc,
                &AnalyzeOptions {
                    tokens: true,
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(a.language, Some(Language::De));
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.sentences[1].text(&a.text), "Moskau schwieg.");
        let toks = a.tokens.unwrap();
        let lemmas: Vec<&str> = toks.iter().map(|t| t.lemma.as_deref().unwrap()).collect();
        assert_eq!(lemmas[..3], ["der", "NATO", "begrüßen"]);
        assert_eq!(toks[2].upos, Some(sitrep_core::Upos::Verb));
        assert_eq!(toks[2].xpos.as_deref(), Some("VVFIN"));
        assert!(toks
            .iter()
            .all(|t| a.text.get(t.start as usize..t.end as usize).is_some()));
    }

    #[test]
    fn a_panic_costs_one_document_and_the_next_is_analysed_as_before() {
        let p = Pipeline::new();
        let opts = AnalyzeOptions {
            tokens: true,
            entities: true,
            events: true,
        };
        let doc = || {
            let mut d = Document::new("d", "Russland kritisierte die NATO scharf.");
            d.language = Some(Language::De);
            d
        };
        let before = p.analyze(doc(), &opts).unwrap();
        let mut seg = Segmentation::default();
        // a stage that fails half-way, after the tagger filled this thread's memo
        let r: Result<(), Problem> = guarded(&mut seg, |seg| {
            p.analyze_with(doc(), &opts, seg)?;
            panic!("index out of bounds: the len is 3 but the index is 3");
        });
        match r {
            Err(Problem::Internal(m)) => assert!(m.contains("index out of bounds"), "{m}"),
            other => panic!("expected an internal error, got {other:?}"),
        }
        assert!(seg.tokens.is_empty(), "the scratch buffer is cleared");
        let after = p.analyze_with(doc(), &opts, &mut seg).unwrap();
        assert_eq!(
            serde_json::to_string(&after).unwrap(),
            serde_json::to_string(&before).unwrap()
        );
    }

    #[test]
    fn a_language_loads_on_first_use_only() {
        let p = Pipeline::new();
        assert!(!p.is_loaded(Language::De) && !p.is_loaded(Language::En));
        let mut doc = Document::new("d", "Russland kritisierte die NATO scharf.");
        doc.language = Some(Language::De);
        let opts = AnalyzeOptions {
            events: true,
            ..Default::default()
        };
        let a = p.analyze(doc.clone(), &opts).unwrap();
        assert!(p.is_loaded(Language::De));
        assert!(!p.is_loaded(Language::En), "German text loaded English");
        // preloading gives the same analysis as loading on first use
        let q = Pipeline::new();
        q.preload(&Language::ALL);
        assert!(q.is_loaded(Language::De) && q.is_loaded(Language::En));
        assert_eq!(
            serde_json::to_string(&q.analyze(doc, &opts).unwrap()).unwrap(),
            serde_json::to_string(&a).unwrap()
        );
    }

    /// The parallel load builds what `Tagger::new` and `EntityRecognizer::new` build, with
    /// one German lexicon for both; the event extractor is built by `preload` or on first
    /// use, not by `new`.
    #[test]
    fn a_language_loads_its_parts_once_and_as_the_stages_do() {
        let p = Pipeline::new();
        assert!(p.events.get().is_none(), "events built by new");
        p.load(Language::De);
        assert!(p.events.get().is_none(), "events built with a language");
        p.preload(&[Language::De]);
        assert!(p.events.get().is_some());
        let part = p.part(Language::De);
        let (a, b) = (
            part.tagger
                .resources()
                .lexicon()
                .expect("the tagger's lexicon"),
            part.recognizer.lexicon().expect("the recogniser's lexicon"),
        );
        assert!(std::sync::Arc::ptr_eq(a, b), "two German lexicons loaded");
        let en = p.part(Language::En);
        assert!(en.tagger.resources().lexicon().is_none() && en.recognizer.lexicon().is_none());
        // the same analyses as stages built one by one
        let (tagger, recognizer) = (
            Tagger::new(Language::De).unwrap(),
            EntityRecognizer::new(Language::De).unwrap(),
        );
        let text = "Bundeskanzler Olaf Scholz traf am Montag in Paris Emmanuel Macron. \
                    Laura Schmidt aus Halle kritisierte die Pläne der Regierung im Juni.";
        let mut seg = Segmentation::default();
        part.segmenter.segment_into(text, &mut seg);
        let tag = |t: &Tagger| {
            let mut words = Vec::new();
            for s in &seg.sentences {
                let mut w = Vec::new();
                t.tag(text, seg.sentence_tokens(s), &mut w);
                words.append(&mut w);
            }
            words
        };
        let words = tag(&part.tagger);
        assert_eq!(format!("{words:?}"), format!("{:?}", tag(&tagger)));
        let found = part.recognizer.mentions(text, &seg.tokens, &words, None);
        assert!(!found.is_empty());
        assert_eq!(
            format!("{found:?}"),
            format!("{:?}", recognizer.mentions(text, &seg.tokens, &words, None))
        );
    }

    #[test]
    fn blank_text_needs_no_language() {
        let p = Pipeline::new();
        let a = p
            .analyze(Document::new("e", " \n"), &AnalyzeOptions::default())
            .unwrap();
        assert_eq!(a.language, None);
        assert!(a.sentences.is_empty());
    }

    #[test]
    fn entities_only_when_asked() {
        let p = Pipeline::new();
        let mut doc = Document::new("e", "Russland kritisierte die NATO scharf.");
        doc.language = Some(Language::De);
        let plain = p.analyze(doc.clone(), &AnalyzeOptions::default()).unwrap();
        assert!(plain.entities.is_empty() && plain.tokens.is_none());
        let opts = AnalyzeOptions {
            entities: true,
            ..Default::default()
        };
        let a = p.analyze(doc, &opts).unwrap();
        let codes: Vec<&str> = a
            .entities
            .iter()
            .filter_map(|e| e.actor.as_ref().and_then(|c| c.code()))
            .collect();
        assert!(
            codes.contains(&"RUS") && codes.contains(&"NATO"),
            "{:?}",
            a.entities
        );
        for e in &a.entities {
            for m in &e.mentions {
                assert_eq!(
                    a.text.get(m.start as usize..m.end as usize),
                    Some(m.text.as_str())
                );
            }
        }
    }
}
