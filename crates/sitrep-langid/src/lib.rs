//! Language identification for documents without a declared language.
//!
//! sitrep analyses German and English. Everything else is a per-document error that names
//! the language (`unsupported language: fi (Finnish)`), and text without enough letters is
//! [`Problem::LanguageUndetermined`].
//!
//! How it decides (see [`Rule`] for the names):
//! 1. Only a bounded prefix ([`SAMPLE_BYTES`]) is read, so the cost per document is small
//!    and fixed. URLs, e-mail addresses, digits and punctuation are dropped.
//! 2. Hand-written German/English word cues (`data/cues.tsv`: function words and very common
//!    words) are counted. When they are overwhelming (many distinctive words, a high share of
//!    the text, next to nothing for the other language) that settles it: most news prose
//!    ends here, on its first 512 bytes, without the costlier detector.
//! 3. Otherwise a broad detector (the `whatlang` crate: trigram and alphabet models for
//!    about 70 languages) names the language and says how sure it is. German or English:
//!    accepted, unless on short text a clear cue lead says it is the other one. Another
//!    script (Cyrillic, Han, Arabic, ...): unsupported.
//! 4. Another Latin-script language: adequate German/English cues still win (short German
//!    or English text is often given to a close relative: Dutch, Danish, Afrikaans, Latin,
//!    Tagalog); otherwise the language is reported when the detector is sure enough, and
//!    the text is undetermined (with the detector's guess in the reason) when it is not.
//!
//! [`LanguageIdentifier::identify`] gives the verdict; [`LanguageIdentifier::explain`] also
//! gives the evidence and the rule that decided, for evaluation and debugging.

mod cues;

pub use cues::Cues;
use sitrep_core::{Language, Problem};
use whatlang::{Detector, Lang, Script};

/// Bytes of a document that identification reads (the first 2 KiB: the headline and lead of
/// a news article, which is plenty for these two languages and keeps the cost per document
/// independent of its length).
pub const SAMPLE_BYTES: usize = 2048;
/// Bytes read first: when the cues there are overwhelming, the rest of the sample is skipped.
const HEAD_BYTES: usize = 512;

/// Below this broad-detector confidence a non-German, non-English guess on Latin-script
/// text is not reported as that language (too often a German or English fragment).
const MIN_FOREIGN_CONFIDENCE: f64 = 0.5;
/// Cue weight per word at or above which German/English cues count as adequate against an
/// unsure other-language guess ...
const MIN_CUE_SHARE: f32 = 0.12;
/// ... and against a sure one, which also needs two distinctive words: real German or
/// English has far more function words than this, a Dutch or Polish sentence with one or
/// two look-alikes (`worden`, `alle`, `to`) far fewer.
const MIN_CUE_SHARE_SURE_FOREIGN: f32 = 0.2;
/// The cue-only fast path needs this many distinctive words ...
const FAST_MIN_STRONG: u32 = 4;
/// ... and this much weight in them per word.
const FAST_MIN_SHARE: f32 = 0.3;

/// Which rule produced the verdict. Closed, so that an evaluation can break results down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// No words at all: digits, URLs, punctuation, symbols.
    NoWords,
    /// Mostly a script that German and English do not use (Cyrillic, Han, Arabic, ...).
    OtherScript,
    /// The broad detector said German or English and the cues did not overrule it.
    Detector,
    /// German/English cues decided: between the two, or against a related language that the
    /// detector was not sure of.
    Cues,
    /// The broad detector was sure enough (confidence at least 0.5) of another Latin-script
    /// language, and the cues did not make a case for German or English.
    ForeignDetector,
    /// Neither the detector nor the cues were sure enough.
    Unclear,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::NoWords => "no-words",
            Rule::OtherScript => "other-script",
            Rule::Detector => "detector",
            Rule::Cues => "cues",
            Rule::ForeignDetector => "foreign-detector",
            Rule::Unclear => "unclear",
        }
    }
}

/// The broad detector's best guess.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    /// ISO 639-3 code as in sitrep's ISO table (`deu`, `fin`, `zho`, ...).
    pub code: &'static str,
    /// 0..=1; whatlang calls a guess reliable above 0.9.
    pub confidence: f64,
    pub reliable: bool,
}

/// A verdict with the evidence behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Identification {
    pub outcome: Result<Language, Problem>,
    pub rule: Rule,
    pub guess: Option<Guess>,
    pub cues: Cues,
}

/// Identifies the language of a document. Build once and share: it is `Send + Sync` and
/// holds only immutable tables.
#[derive(Debug, Clone)]
pub struct LanguageIdentifier {
    broad: Detector,
    de_en: Detector,
    cues: cues::CueTable,
}

impl Default for LanguageIdentifier {
    fn default() -> Self {
        Self::new()
    }
}

/// whatlang reports some macrolanguages by an individual language; sitrep's ISO table keeps
/// the macrolanguage code (which is also the ISO 639-2/T code).
fn iso639_3(lang: Lang) -> &'static str {
    match lang {
        Lang::Cmn => "zho",
        Lang::Pes => "fas",
        other => other.code(),
    }
}

impl LanguageIdentifier {
    pub fn new() -> Self {
        LanguageIdentifier {
            broad: Detector::new(),
            de_en: Detector::with_allowlist(vec![Lang::Deu, Lang::Eng]),
            cues: cues::CueTable::new(),
        }
    }

    /// The document's language, or why it cannot be analysed
    /// (`Problem::Language(LanguageError::Unsupported{..})` for e.g. Finnish,
    /// `Problem::LanguageUndetermined` for text without enough letters).
    pub fn identify(&self, text: &str) -> Result<Language, Problem> {
        self.explain(text).outcome
    }

    /// [`identify`](Self::identify) with the evidence and the rule that decided.
    pub fn explain(&self, text: &str) -> Identification {
        // A long text whose opening is plainly German or English is settled on its first
        // few hundred bytes.
        if text.len() > HEAD_BYTES {
            let head = self.cues.sample(cues::prefix(text, HEAD_BYTES)).cues;
            if let Some(l) = overwhelming_cues(&head) {
                return Identification {
                    outcome: Ok(l),
                    rule: Rule::Cues,
                    guess: None,
                    cues: head,
                };
            }
        }
        let sample = self.cues.sample(cues::prefix(text, SAMPLE_BYTES));
        let cues = sample.cues;
        let done = |outcome, rule, guess| Identification {
            outcome,
            rule,
            guess,
            cues,
        };
        if cues.words == 0 {
            let why = "no words, only digits, URLs or punctuation".to_string();
            return done(Err(Problem::LanguageUndetermined(why)), Rule::NoWords, None);
        }
        // The trigram detector costs several times more than the cues: it runs only when the
        // cues are not overwhelming.
        if let Some(l) = overwhelming_cues(&cues) {
            return done(Ok(l), Rule::Cues, None);
        }
        let info = self.broad.detect(&sample.text);
        let guess = info.as_ref().map(|i| Guess {
            code: iso639_3(i.lang()),
            confidence: i.confidence(),
            reliable: i.is_reliable(),
        });
        let Some(info) = info else {
            return match adequate_cues(&cues, None) {
                Some(l) => done(Ok(l), Rule::Cues, guess),
                None => done(Err(undetermined(None)), Rule::Unclear, guess),
            };
        };
        if info.script() != Script::Latin {
            let e = Language::unsupported(iso639_3(info.lang()));
            return done(Err(e.into()), Rule::OtherScript, guess);
        }
        let detected = match info.lang() {
            Lang::Deu => Some(Language::De),
            Lang::Eng => Some(Language::En),
            _ => None,
        };
        if let Some(detected) = detected {
            // On short text the detector's German/English choice is weaker than a clear lead
            // in function words ("Putin and Xi to meet in Beijing").
            return match decisive_cues(&cues) {
                Some(l) if l != detected && !info.is_reliable() => done(Ok(l), Rule::Cues, guess),
                _ => done(Ok(detected), Rule::Detector, guess),
            };
        }
        if let Some(l) = adequate_cues(&cues, guess.as_ref()) {
            return done(Ok(l), Rule::Cues, guess);
        }
        if info.confidence() >= MIN_FOREIGN_CONFIDENCE {
            let e = Language::unsupported(iso639_3(info.lang()));
            return done(Err(e.into()), Rule::ForeignDetector, guess);
        }
        // The detector has only a weak foreign guess. A few cue words for one language and
        // none for the other, confirmed by the letter trigrams of German vs English, keep
        // fragments such as "Wo bleibt der Bus?" or "I am not so sure."
        if let Some(l) = cues.leader() {
            let restricted = self.de_en.detect(&sample.text).map(|i| i.lang());
            let agrees = restricted
                == Some(if l == Language::De {
                    Lang::Deu
                } else {
                    Lang::Eng
                });
            if agrees && cues.weight(l) >= 2.0 && cues.weight(other_of(l)) == 0.0 {
                return done(Ok(l), Rule::Cues, guess);
            }
        }
        done(Err(undetermined(guess.as_ref())), Rule::Unclear, guess)
    }

    /// The broad detector alone on the same sample, without the cues and thresholds: German
    /// or English when it says so, its language otherwise, whatever its confidence. Only a
    /// baseline for `sitrep eval-langid --baseline`, to show what the cues add.
    pub fn explain_detector_only(&self, text: &str) -> Identification {
        let sample = self.cues.sample(cues::prefix(text, SAMPLE_BYTES));
        let cues = sample.cues;
        let done = |outcome, rule, guess| Identification {
            outcome,
            rule,
            guess,
            cues,
        };
        let Some(info) = self.broad.detect(&sample.text) else {
            return done(Err(undetermined(None)), Rule::NoWords, None);
        };
        let guess = Some(Guess {
            code: iso639_3(info.lang()),
            confidence: info.confidence(),
            reliable: info.is_reliable(),
        });
        match info.lang() {
            Lang::Deu => done(Ok(Language::De), Rule::Detector, guess),
            Lang::Eng => done(Ok(Language::En), Rule::Detector, guess),
            other => {
                let e = Language::unsupported(iso639_3(other));
                done(Err(e.into()), Rule::ForeignDetector, guess)
            }
        }
    }
}

/// German or English without asking the detector: many distinctive cue words, a high share
/// of them, and next to nothing for the other language. Real German or English prose passes
/// this easily (a quarter or more of its words are listed); a text in another language
/// does not, as only a few look-alikes of weight 1 are listed.
fn overwhelming_cues(cues: &Cues) -> Option<Language> {
    let lead = cues.leader()?;
    let strong = cues.strong(lead);
    let share = 2.0 * strong as f32 / cues.words as f32;
    (strong >= FAST_MIN_STRONG
        && share >= FAST_MIN_SHARE
        && cues.weight(other_of(lead)) * 4.0 <= cues.weight(lead))
    .then_some(lead)
}

/// German or English when the cues alone make a case for it against the detector's
/// other-language guess: enough cue weight per word, at least one distinctive word, and
/// clearly ahead of the other language.
fn adequate_cues(cues: &Cues, guess: Option<&Guess>) -> Option<Language> {
    let lead = cues.leader()?;
    let (best, other) = (cues.weight(lead), cues.weight(other_of(lead)));
    let share = best / cues.words.max(1) as f32;
    let (min_strong, min_share) = match guess {
        Some(g) if g.reliable => (2, MIN_CUE_SHARE_SURE_FOREIGN),
        _ => (1, MIN_CUE_SHARE),
    };
    (cues.strong(lead) >= min_strong && share >= min_share && best >= 2.0 * other).then_some(lead)
}

/// A clear German/English lead in cues (used to overrule the detector's choice between the
/// two): at least one distinctive word and two weight points ahead.
fn decisive_cues(cues: &Cues) -> Option<Language> {
    let lead = cues.leader()?;
    let margin = cues.weight(lead) - cues.weight(other_of(lead));
    (cues.strong(lead) >= 1 && margin >= 2.0).then_some(lead)
}

fn other_of(l: Language) -> Language {
    match l {
        Language::De => Language::En,
        Language::En => Language::De,
    }
}

fn undetermined(guess: Option<&Guess>) -> Problem {
    let why = match guess {
        Some(g) => {
            let name = sitrep_core::iso639_lookup(g.code).map_or(g.code, |(_, n)| n);
            format!(
                "too little evidence (closest guess {name}, confidence {:.2})",
                g.confidence
            )
        }
        None => "too little evidence".to_string(),
    };
    Problem::LanguageUndetermined(why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shareable_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<LanguageIdentifier>();
    }

    /// Every language the broad detector can name has an entry in the ISO table, so an
    /// unsupported language is always `unsupported language: xx (Name)`, never `unknown code`.
    #[test]
    fn every_detector_language_is_in_the_iso_table() {
        for &l in Lang::all() {
            assert!(
                sitrep_core::iso639_lookup(iso639_3(l)).is_some(),
                "{l:?} → {}",
                iso639_3(l)
            );
        }
    }
}
