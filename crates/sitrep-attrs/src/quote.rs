//! Direct quotes and their speakers.
//!
//! # Quotation marks
//!
//! Marks are tokens of their own (the segmenter splits them). They pair on a stack:
//!
//! * `„` opens and is closed by `“` (or `”`); `“` opens where no `„` is open and is closed
//!   by `”`; `»` opens and is closed by `«`, `«` opens and is closed by `»`; a straight
//!   `"` closes an open straight quote, else opens one.
//! * A closer pops the nearest opener that accepts it; openers above it are dropped as
//!   unbalanced. A closer that matches nothing is ignored; an opener never closed (also at
//!   a paragraph break, a newline in the text between two tokens) is dropped. A second
//!   opener of the same mark while one is open replaces it (nested quotes use single marks,
//!   so a repeated `„` means the first was never closed).
//! * Only outermost quotes are reported; single marks (`‚‘`, `‹›`, `'`) are never
//!   quotation marks here (they are too often apostrophes).
//!
//! # Kind
//!
//! [`QuoteKind::Direct`] when a speaker or a verb of saying is found, or when the quoted
//! words are four or more or end in sentence punctuation; [`QuoteKind::Term`] for a
//! quoted name (the whole quote is an entity mention: `das „Wall Street Journal“`) or a
//! short term without any cue (scare quotes, titles).
//!
//! # Speaker (verbs of saying in `data/attrs/speech.tsv`)
//!
//! Searched within the quote's sentence (bounded by `.`/`!`/`?` outside the quote, or the
//! [`Sent`] range), entity mentions inside the quote excluded, state adjectives
//! (`russische`) excluded:
//!
//! 1. **after** the quote: `„…“, sagte Scholz` / `"…," said Biden` / `„…“, so Scholz`:
//!    a verb of saying (or German `so`) right after the closing mark (and a comma), then
//!    the first mention within eight tokens; or a mention right after the quote followed
//!    by a verb of saying (`"…," Biden said`). A personal pronoun in place of the mention
//!    (`sagte er`, `he said`) gives [`Speaker::pronoun`] for the caller to resolve.
//! 2. **before** the quote: `Scholz sagte: „…“`, `Dazu sagte Scholz: „…“`, `Biden told
//!    reporters: "…"`: a verb of saying before the opening mark (only a colon, a comma or
//!    an addressee between), and its subject: a mention between verb and quote (inverted
//!    order), else the nearest mention before the verb.
//! 3. **within** the sentence: a verb of saying anywhere else in it (`bezeichnete … als
//!    „völlig wertlos“`): the nearest mention before the verb, else after it.
//! 4. **according to**: `laut X`/`according to X` in the sentence gives X.
//!
//! A person mention beats any other kind at the same distance.
//!
//! # Known limits
//!
//! * Indirect speech (Konjunktiv I, `dass`-clauses) is not marked yet, and a quote's
//!   speaker is not carried to the following sentences.
//! * A quote spanning several sentences is found only when the caller passes a range that
//!   covers them (a paragraph); then the speaker is searched in the sentences around its
//!   ends.
//! * Multi-paragraph quotes that leave the closing mark off at the paragraph's end are not
//!   reported.

use crate::lexicon::SpeechKind;
use crate::{Attrs, Sent};
use sitrep_core::{EntityKind, PronType, Span, Upos};
use sitrep_entities::Found;
use std::ops::Range;

/// Quotation-mark characters (double marks only; see the module docs).
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '«' | '»')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Someone's words.
    Direct,
    /// A quoted name, title or term (scare quotes).
    Term,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Term => "term",
        }
    }
}

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerRule {
    /// `„…“, sagte X`, `"…," X said`, `„…“, so X`
    After,
    /// `X sagte: „…“`
    Before,
    /// a verb of saying elsewhere in the sentence
    Within,
    /// `laut X`, `according to X`
    According,
}

impl SpeakerRule {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerRule::After => "quote.speaker.after",
            SpeakerRule::Before => "quote.speaker.before",
            SpeakerRule::Within => "quote.speaker.within",
            SpeakerRule::According => "quote.speaker.according",
        }
    }
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's mention: an index into the `found` slice given to
    /// [`Attrs::quotes`].
    pub mention: Option<usize>,
    /// A personal pronoun standing for the speaker (`sagte er`), token index, when no
    /// mention was found: the caller resolves it.
    pub pronoun: Option<usize>,
    /// The verb of saying (or `so`, `laut`, `according`), token index.
    pub cue: Option<usize>,
    pub rule: SpeakerRule,
}

/// One direct quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFound {
    /// The quoted words, without the marks (`völlig wertlos`).
    pub span: Span,
    /// With the marks.
    pub outer: Span,
    /// The tokens inside the marks (document indices).
    pub tokens: Range<usize>,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
}

impl QuoteFound {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.get(text).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `„`: closed by `“` or `”`.
    Low,
    /// `“` as an opener: closed by `”`.
    Curly,
    /// `»`: closed by `«`.
    GuilR,
    /// `«`: closed by `»`.
    GuilL,
    Straight,
}

impl Attrs {
    /// The direct quotes in `s` (a sentence, or a paragraph for quotes over several
    /// sentences), with speakers read from `found` (the document's entity mentions, in
    /// text order).
    pub fn quotes(&self, s: &Sent<'_>, found: &[Found]) -> Vec<QuoteFound> {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut stack: Vec<(Mark, usize)> = Vec::new();
        for i in s.range.clone() {
            // A paragraph break drops whatever is open.
            if i > s.start() {
                let gap = s.tokens[i - 1].span.end as usize..s.tokens[i].span.start as usize;
                if s.text.get(gap).is_some_and(|g| g.contains('\n')) {
                    stack.clear();
                }
            }
            if !s.is_quote(i) {
                continue;
            }
            let c = s.form(i).chars().next().unwrap_or(' ');
            let closes = |m: Mark| match c {
                '“' => m == Mark::Low,
                '”' => matches!(m, Mark::Low | Mark::Curly),
                '«' => m == Mark::GuilR,
                '»' => m == Mark::GuilL,
                '"' => m == Mark::Straight,
                _ => false,
            };
            if let Some(pos) = stack.iter().rposition(|&(m, _)| closes(m)) {
                let (_, open) = stack[pos];
                stack.truncate(pos);
                if stack.is_empty() && i > open + 1 {
                    pairs.push((open, i));
                }
                continue;
            }
            let opener = match c {
                '„' => Some(Mark::Low),
                '“' => Some(Mark::Curly),
                '»' => Some(Mark::GuilR),
                '«' => Some(Mark::GuilL),
                '"' => Some(Mark::Straight),
                _ => None, // a stray `”`
            };
            if let Some(m) = opener {
                if stack.last().is_some_and(|&(top, _)| top == m) {
                    stack.pop();
                }
                stack.push((m, i));
            }
        }
        let lex = self.lex(s.lang);
        let mentions: Vec<usize> = found
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.tokens.start >= s.start() && f.tokens.end <= s.end() && !f.is_derived()
            })
            .map(|(k, _)| k)
            .collect();
        let mut out = Vec::with_capacity(pairs.len());
        for (open, close) in pairs {
            let inner = open + 1..close;
            let is_name = mentions.iter().any(|&k| {
                let t = &found[k].tokens;
                t.start <= inner.start && t.end >= inner.end
                    || t.start == inner.start && t.end + 1 == inner.end && s.form(t.end) == "-"
            });
            let speaker = if is_name {
                None
            } else {
                find_speaker(s, lex, found, &mentions, open, close)
            };
            let words = inner.clone().filter(|&i| !s.is_punct(i)).count();
            let sentence_end = s.is_final(close - 1) || s.form(close - 1) == ",";
            let kind = if is_name {
                QuoteKind::Term
            } else if speaker.is_some() || words >= 4 || sentence_end && words >= 2 {
                QuoteKind::Direct
            } else {
                QuoteKind::Term
            };
            out.push(QuoteFound {
                span: s.span(inner.clone()),
                outer: s.span(open..close + 1),
                tokens: inner,
                kind,
                speaker,
            });
        }
        out
    }
}

/// A verb of saying (or reporting) at `i`.
pub(crate) fn is_say(s: &Sent<'_>, lex: &crate::lexicon::LangLex, i: usize) -> Option<SpeechKind> {
    if !s.has(i) {
        return None;
    }
    // Nouns (`Bericht`, `Angaben`), names and function words are no verbs; the tagger may
    // call a rare past form an adjective, which is let through.
    if matches!(
        s.upos(i),
        Some(
            Upos::Noun
                | Upos::Propn
                | Upos::Det
                | Upos::Adp
                | Upos::Pron
                | Upos::Punct
                | Upos::Num
                | Upos::Cconj
                | Upos::Sconj
        )
    ) {
        return None;
    }
    lex.speech
        .get(s.lemma_lc(i).as_ref())
        .or_else(|| lex.speech.get(s.lc(i)))
        .copied()
}

/// A third-person personal pronoun that can stand for a speaker.
fn is_pronoun(s: &Sent<'_>, i: usize) -> bool {
    let personal = s.word(i).is_none_or(|w| {
        w.upos == Upos::Pron && w.feats.pron_type.is_none_or(|p| p == PronType::Prs)
    });
    personal && matches!(s.lc(i), "er" | "sie" | "he" | "she" | "they")
}

fn speaker_kind_ok(f: &Found) -> bool {
    matches!(
        f.kind,
        EntityKind::Person | EntityKind::Organization | EntityKind::State | EntityKind::Media
    )
}

/// The sentence around tokens `open..=close`: bounded by sentence punctuation outside
/// quotes, or by the view's range.
fn window(s: &Sent<'_>, open: usize, close: usize) -> Range<usize> {
    let mut a = open;
    while a > s.start() && !s.is_final(a - 1) {
        a -= 1;
    }
    let mut b = close + 1;
    while b < s.end() && !s.is_final(b) {
        b += 1;
    }
    a..b
}

fn find_speaker(
    s: &Sent<'_>,
    lex: &crate::lexicon::LangLex,
    found: &[Found],
    mentions: &[usize],
    open: usize,
    close: usize,
) -> Option<Speaker> {
    let win = window(s, open, close);
    // Mentions in the window, outside the quote.
    let cands: Vec<usize> = mentions
        .iter()
        .copied()
        .filter(|&k| {
            let t = &found[k].tokens;
            t.start >= win.start && t.end <= win.end && (t.end <= open || t.start > close)
        })
        .filter(|&k| speaker_kind_ok(&found[k]))
        .collect();
    let starting_in = |r: Range<usize>| -> Option<usize> {
        // The first mention starting in r (persons first when two start together).
        cands
            .iter()
            .copied()
            .filter(|&k| r.contains(&found[k].tokens.start))
            .min_by_key(|&k| (found[k].tokens.start, found[k].kind != EntityKind::Person))
    };
    let ending_before = |end: usize, lo: usize| -> Option<usize> {
        // The nearest mention ending at or before `end` and starting at or after `lo`.
        cands
            .iter()
            .copied()
            .filter(|&k| found[k].tokens.end <= end && found[k].tokens.start >= lo)
            .max_by_key(|&k| (found[k].tokens.end, found[k].kind == EntityKind::Person))
    };

    // 1. After the quote.
    let mut k = close + 1;
    if s.form(k) == "," {
        k += 1;
    }
    if k < win.end {
        let is_so = s.lc(k) == "so" && s.lang == sitrep_core::Language::De;
        if is_say(s, lex, k).is_some() || is_so {
            let lim = (k + 9).min(win.end);
            // A pronoun first: `sagte er`.
            let m = starting_in(k + 1..lim);
            let p = (k + 1..lim.min(k + 3)).find(|&j| is_pronoun(s, j));
            match (m, p) {
                (Some(m), Some(p)) if p < found[m].tokens.start => {
                    return Some(Speaker {
                        mention: None,
                        pronoun: Some(p),
                        cue: Some(k),
                        rule: SpeakerRule::After,
                    })
                }
                (Some(m), _) => {
                    return Some(Speaker {
                        mention: Some(m),
                        pronoun: None,
                        cue: Some(k),
                        rule: SpeakerRule::After,
                    })
                }
                (None, Some(p)) => {
                    return Some(Speaker {
                        mention: None,
                        pronoun: Some(p),
                        cue: Some(k),
                        rule: SpeakerRule::After,
                    })
                }
                (None, None) => {}
            }
        }
        // `"…," Biden said` / `"…," he said` / `„…“, Scholz sagte`
        let lim = (k + 7).min(win.end);
        if let Some(m) = starting_in(k..k + 3) {
            let after = found[m].tokens.end;
            if let Some(v) = (after..lim.max(after)).find(|&j| is_say(s, lex, j).is_some()) {
                return Some(Speaker {
                    mention: Some(m),
                    pronoun: None,
                    cue: Some(v),
                    rule: SpeakerRule::After,
                });
            }
        }
        if is_pronoun(s, k) && is_say(s, lex, k + 1).is_some() {
            return Some(Speaker {
                mention: None,
                pronoun: Some(k),
                cue: Some(k + 1),
                rule: SpeakerRule::After,
            });
        }
    }

    // 2. Before the quote: a verb of saying, then only an addressee and `:`/`,`.
    if open > win.start {
        let lo = open.saturating_sub(12).max(win.start);
        let mut v = None;
        for j in (lo..open).rev() {
            if is_say(s, lex, j).is_some() {
                v = Some(j);
                break;
            }
            // Stop at clause punctuation other than the `:`/`,` before the quote.
            if j + 1 < open && matches!(s.form(j), "." | ";" | "!" | "?") {
                break;
            }
        }
        if let Some(v) = v {
            let between_ok = open == v + 1 || matches!(s.form(open - 1), ":" | ",");
            if between_ok {
                if let Some(m) = starting_in(v + 1..open) {
                    // Inverted: `Dazu sagte Scholz: „…“` (but not the addressee `told
                    // Reuters`: a mention after `to`/`dem`/`der` is one).
                    let st = found[m].tokens.start;
                    let addressee = st > v + 1
                        && matches!(s.lc(st - 1), "to" | "dem" | "der" | "den")
                        || st == v + 1 && s.lang == sitrep_core::Language::En;
                    if !addressee {
                        return Some(Speaker {
                            mention: Some(m),
                            pronoun: None,
                            cue: Some(v),
                            rule: SpeakerRule::Before,
                        });
                    }
                }
                if let Some(m) = ending_before(v, win.start.max(v.saturating_sub(10))) {
                    return Some(Speaker {
                        mention: Some(m),
                        pronoun: None,
                        cue: Some(v),
                        rule: SpeakerRule::Before,
                    });
                }
                let p = (v.saturating_sub(2).max(win.start)..v + 3)
                    .find(|&j| j != v && j < open && is_pronoun(s, j));
                if let Some(p) = p {
                    return Some(Speaker {
                        mention: None,
                        pronoun: Some(p),
                        cue: Some(v),
                        rule: SpeakerRule::Before,
                    });
                }
            }
        }
    }

    // 3. A verb of saying elsewhere in the sentence; 4. `laut X` / `according to X`.
    for j in win.clone() {
        if (open..=close).contains(&j) {
            continue;
        }
        let according = matches!(s.lc(j), "laut") || s.lc(j) == "according" && s.lc(j + 1) == "to";
        if according {
            let from = if s.lc(j) == "according" { j + 2 } else { j + 1 };
            if let Some(m) = starting_in(from..from + 4) {
                return Some(Speaker {
                    mention: Some(m),
                    pronoun: None,
                    cue: Some(j),
                    rule: SpeakerRule::According,
                });
            }
        }
    }
    for j in win.clone() {
        if (open..=close).contains(&j) || is_say(s, lex, j).is_none() {
            continue;
        }
        let m = ending_before(j, win.start).or_else(|| starting_in(j + 1..win.end));
        if let Some(m) = m {
            return Some(Speaker {
                mention: Some(m),
                pronoun: None,
                cue: Some(j),
                rule: SpeakerRule::Within,
            });
        }
        if let Some(p) =
            (win.start..win.end).find(|&p| !(open..=close).contains(&p) && is_pronoun(s, p))
        {
            return Some(Speaker {
                mention: None,
                pronoun: Some(p),
                cue: Some(j),
                rule: SpeakerRule::Within,
            });
        }
    }
    None
}
