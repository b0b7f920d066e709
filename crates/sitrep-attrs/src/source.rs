//! Cited sources (`reported_by`): the media and bodies a sentence cites.
//!
//! # Rules (phrases in `data/attrs/sources.tsv`, verbs in `data/attrs/speech.tsv`)
//!
//! 1. **Before**: a citing phrase, then the source: `laut Reuters`, `laut Angaben des
//!    Ministeriums`, `nach Angaben von X`, `nach Informationen der X`, `unter Berufung auf
//!    X`, `according to X`, `citing X`. The source is the first entity mention within six
//!    tokens (only articles, adjectives, nouns and quotation marks before it), else the
//!    noun phrase's nouns as a name without entity (`laut Polizei`). German `nach
//!    russischen Angaben`: the adjective's state.
//! 2. **After**: `X zufolge`: the mention (or noun phrase) right before.
//! 3. **Compound**: `nach Kreml-Angaben`, `aus Regierungs-Kreisen`, `nach SZ-Informationen`:
//!    the mention before the hyphen; `nach Polizeiangaben`, `laut Behördenangaben`: the
//!    compound's first part as the name.
//! 4. **Unnamed media**: `Medienberichten zufolge`, `laut Berichten`, `according to media
//!    reports`: kind media, no name.
//! 5. **Report verbs**: `wie das „Wall Street Journal“ berichtete`, `berichtete die
//!    „Washington Post“`, `meldete die Agentur Reuters`, `Reuters reported`, `as CNN
//!    reported`: the mention before the verb (within six tokens, nothing but quotation
//!    marks and words of the name phrase between), and the mentions joined to it by
//!    `und`/`and`/commas (`das „Wall Street Journal“ und die „Washington Post“
//!    berichteten`); else the one after it (inverted order); else a noun phrase between
//!    `wie`/`as` and the verb (`wie die Polizei mitteilte`); else, in German, an article
//!    and a noun right after it (`teilte die Polizei mit`).
//! 6. **Told media**: a verb of saying with a media mention as its addressee within five
//!    tokens after it: `told Reuters`, `sagte er dem „Spiegel“`.
//! 7. **Datelines**: a media mention in parentheses or joined by slashes inside them:
//!    `WASHINGTON (Reuters) -`, `(dpa/AFP)`.
//! 8. **Told**: a phrase of talking to someone, then a medium: `gegenüber dem ORF`, `im
//!    Gespräch mit der „Zeit“`, `in an interview with CNN` (any other name is no source).
//! 9. **Anaphor**: `demnach`, `nach ersten Erkenntnissen`, `according to the report`: the
//!    sentence goes on with what was cited before; returned without a name (rule
//!    `Anaphor`) for the caller, which knows the sources cited earlier.
//!
//! The kind is the mention's entity kind (media for outlets and agencies); without a
//! mention it is `None`, except unnamed media reports (media).
//!
//! # Known limits
//!
//! * The scope of a citation (which events it covers) is the caller's: the sentence, the
//!   reported speech that follows it, or the document for datelines.
//! * `X said` is a speaker, not a source; `heißt es aus X` and `in X-Kreisen` without a
//!   hyphen (`Regierungskreisen`) are not read.

use crate::lexicon::{LangLex, SourceCue, SpeechKind};
use crate::quote::is_say;
use crate::{Attrs, Sent};
use sitrep_core::{EntityKind, Span, Upos};
use sitrep_entities::Found;
use std::ops::Range;

/// How a source was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceRule {
    Before,
    After,
    Compound,
    Unnamed,
    ReportVerb,
    ToldMedia,
    Dateline,
    /// `demnach`, `nach ersten Erkenntnissen`: no source of its own; the caller carries
    /// the one cited before.
    Anaphor,
}

impl SourceRule {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceRule::Before => "source.before",
            SourceRule::After => "source.after",
            SourceRule::Compound => "source.compound",
            SourceRule::Unnamed => "source.unnamed",
            SourceRule::ReportVerb => "source.report_verb",
            SourceRule::ToldMedia => "source.told_media",
            SourceRule::Dateline => "source.dateline",
            SourceRule::Anaphor => "source.anaphor",
        }
    }
}

/// One cited source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The whole citation (`laut Reuters`, `wie das „Wall Street Journal“ berichtete`).
    pub span: Span,
    pub tokens: Range<usize>,
    /// The words naming the source (`das „Wall Street Journal“`); `None` for unnamed
    /// media.
    pub name_span: Option<Span>,
    /// The mention's name, or the noun phrase's nouns; `None` for unnamed media.
    pub name: Option<String>,
    /// The mention's kind; media for unnamed media reports; `None` for a noun phrase.
    pub kind: Option<EntityKind>,
    /// Index into the `found` slice given to [`Attrs::sources`].
    pub mention: Option<usize>,
    pub rule: SourceRule,
}

impl Attrs {
    /// The sources one sentence cites; `found` are the document's entity mentions in text
    /// order.
    pub fn sources(&self, s: &Sent<'_>, found: &[Found]) -> Vec<Source> {
        let lex = self.lex(s.lang);
        let cands: Vec<usize> = found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.tokens.start >= s.start() && f.tokens.end <= s.end())
            .filter(|(_, f)| f.kind != EntityKind::Place)
            .map(|(k, _)| k)
            .collect();
        let mut out: Vec<Source> = Vec::new();
        let mut i = s.start();
        let mut phrase = String::new();
        while i < s.end() {
            // The longest citing phrase at i.
            let mut hit = None;
            let first_ok = lex.src_first.contains(s.lc(i));
            for len in (1..=lex.src_max_len).rev().filter(|_| first_ok) {
                if i + len > s.end() {
                    continue;
                }
                phrase.clear();
                for j in i..i + len {
                    if !phrase.is_empty() {
                        phrase.push(' ');
                    }
                    phrase.push_str(s.lc(j));
                }
                if let Some(c) = lex.sources.get(phrase.as_str()) {
                    hit = Some((len, *c));
                    break;
                }
            }
            // `nach Polizeiangaben`, `laut Behördenangaben`: the body is the compound's
            // first part
            if matches!(s.lc(i), "nach" | "laut") {
                let w = s.lc(i + 1);
                if let Some(body) = w.strip_suffix("angaben").filter(|b| b.chars().count() >= 3) {
                    let f = s.form(i + 1);
                    let name = f.get(..body.len()).unwrap_or(body).to_string();
                    push(
                        &mut out,
                        Source {
                            span: s.span(i..i + 2),
                            tokens: i..i + 2,
                            name_span: Some(s.span(i + 1..i + 2)),
                            name: Some(name),
                            kind: None,
                            mention: None,
                            rule: SourceRule::Compound,
                        },
                    );
                    i += 2;
                    continue;
                }
            }
            // `nach russischen Angaben`: an adjective mention between `nach` and the noun.
            if s.lc(i) == "nach" {
                let adj = cands.iter().copied().find(|&k| {
                    let t = &found[k].tokens;
                    t.start == i + 1
                        && found[k].is_derived()
                        && matches!(s.lc(t.end), "angaben" | "informationen" | "darstellung")
                });
                if let Some(m) = adj {
                    let r = found[m].tokens.clone();
                    push(
                        &mut out,
                        make(
                            s,
                            found,
                            i..r.end + 1,
                            r.clone(),
                            Some(m),
                            SourceRule::Before,
                        ),
                    );
                    i = r.end + 1;
                    continue;
                }
            }
            let Some((len, cue)) = hit else {
                i += 1;
                continue;
            };
            let e = i + len;
            let src = match cue {
                SourceCue::Unnamed => Some(Source {
                    span: s.span(i..e),
                    tokens: i..e,
                    name_span: None,
                    name: None,
                    kind: Some(EntityKind::Media),
                    mention: None,
                    rule: SourceRule::Unnamed,
                }),
                SourceCue::Before => np_after(s, found, &cands, e).map(|(r, m)| {
                    if m.is_none() && unnamed_np(s, lex, r.clone()) {
                        Source {
                            span: s.span(i..r.end),
                            tokens: i..r.end,
                            name_span: None,
                            name: None,
                            kind: Some(EntityKind::Media),
                            mention: None,
                            rule: SourceRule::Unnamed,
                        }
                    } else {
                        make(s, found, i..r.end, r, m, SourceRule::Before)
                    }
                }),
                // `gegenüber dem ORF`: only a medium (`gegenüber Russland` cites nobody)
                SourceCue::Told => np_after(s, found, &cands, e).and_then(|(r, m)| {
                    let m = m.filter(|&m| found[m].kind == EntityKind::Media)?;
                    Some(make(s, found, i..r.end, r, Some(m), SourceRule::ToldMedia))
                }),
                SourceCue::Anaphor => Some(Source {
                    span: s.span(i..e),
                    tokens: i..e,
                    name_span: None,
                    name: None,
                    kind: None,
                    mention: None,
                    rule: SourceRule::Anaphor,
                }),
                SourceCue::After if i > s.start() => np_before(s, found, &cands, i)
                    .map(|(r, m)| make(s, found, r.start..e, r, m, SourceRule::After)),
                SourceCue::Compound
                    if i >= s.start() + 2 && s.form(i - 1) == "-" && s.joined(i - 2) =>
                {
                    cands
                        .iter()
                        .copied()
                        .find(|&k| found[k].tokens.end == i - 1)
                        .map(|m| {
                            let r = found[m].tokens.clone();
                            let start = if r.start > s.start() && s.lc(r.start - 1) == "nach" {
                                r.start - 1
                            } else {
                                r.start
                            };
                            make(s, found, start..e, r, Some(m), SourceRule::Compound)
                        })
                }
                _ => None,
            };
            match src {
                Some(x) => {
                    let next = x.tokens.end.max(i + 1);
                    push(&mut out, x);
                    i = next;
                }
                None => i += 1,
            }
        }
        self.verb_sources(s, lex, found, &cands, &mut out);
        // Datelines: `(Reuters)`, `(dpa/AFP)`.
        for &k in &cands {
            let f = &found[k];
            if f.kind != EntityKind::Media || f.tokens.start <= s.start() {
                continue;
            }
            let before = s.form(f.tokens.start - 1);
            let after = s.form(f.tokens.end);
            if matches!(before, "(" | "/") && matches!(after, ")" | "/") {
                let r = f.tokens.clone();
                push(
                    &mut out,
                    make(s, found, r.clone(), r, Some(k), SourceRule::Dateline),
                );
            }
        }
        out.sort_by_key(|x| (x.span.start, x.span.end));
        out
    }

    fn verb_sources(
        &self,
        s: &Sent<'_>,
        lex: &LangLex,
        found: &[Found],
        cands: &[usize],
        out: &mut Vec<Source>,
    ) {
        for j in s.range.clone() {
            let Some(kind) = is_say(s, lex, j) else {
                continue;
            };
            match kind {
                SpeechKind::Report => {
                    // Before: `wie das „Wall Street Journal“ berichtete`, `Reuters reported`.
                    let before = cands
                        .iter()
                        .copied()
                        .filter(|&k| {
                            let t = &found[k].tokens;
                            t.end <= j
                                && t.end + 3 >= j
                                && (t.end..j).all(|x| {
                                    s.is_quote(x)
                                        || s.form(x) == "-"
                                        || s.upos(x) == Some(Upos::Noun)
                                })
                        })
                        .max_by_key(|&k| found[k].tokens.end);
                    let after = || {
                        cands
                            .iter()
                            .copied()
                            .filter(|&k| {
                                let t = &found[k].tokens;
                                t.start > j
                                    && t.start <= j + 4
                                    && (j + 1..t.start).all(|x| {
                                        s.is_quote(x)
                                            || s.is_det(x)
                                            || matches!(s.upos(x), Some(Upos::Noun | Upos::Adj))
                                    })
                            })
                            .min_by_key(|&k| found[k].tokens.start)
                    };
                    if let Some(m) = before {
                        let mut r = found[m].tokens.clone();
                        // the article and quotes before the name
                        while r.start > s.start()
                            && (s.is_det(r.start - 1) || s.is_quote(r.start - 1))
                        {
                            r.start -= 1;
                        }
                        if s.is_quote(r.end) && r.end < j {
                            r.end += 1;
                        }
                        let start =
                            if r.start > s.start() && matches!(s.lc(r.start - 1), "wie" | "as") {
                                r.start - 1
                            } else {
                                r.start
                            };
                        let first = r.start;
                        push(
                            out,
                            make(s, found, start..j + 1, r, Some(m), SourceRule::ReportVerb),
                        );
                        // `das „Wall Street Journal“ und die „Washington Post“ berichteten`:
                        // the mentions joined to it by `und`/`and`/commas report too
                        let mut left = first;
                        while let Some(m2) = cands
                            .iter()
                            .copied()
                            .filter(|&k| {
                                let t = &found[k].tokens;
                                t.end <= left
                                    && t.end + 4 >= left
                                    && (t.end..left)
                                        .any(|x| matches!(s.lc(x), "und" | "and" | "sowie" | ","))
                                    && (t.end..left).all(|x| {
                                        s.is_quote(x)
                                            || s.is_det(x)
                                            || matches!(s.lc(x), "und" | "and" | "sowie" | ",")
                                    })
                            })
                            .max_by_key(|&k| found[k].tokens.end)
                        {
                            let mut r2 = found[m2].tokens.clone();
                            while r2.start > s.start()
                                && (s.is_det(r2.start - 1) || s.is_quote(r2.start - 1))
                            {
                                r2.start -= 1;
                            }
                            if s.is_quote(r2.end) {
                                r2.end += 1;
                            }
                            left = r2.start;
                            push(
                                out,
                                make(s, found, r2.clone(), r2, Some(m2), SourceRule::ReportVerb),
                            );
                        }
                    } else if let Some(m) = after() {
                        let t = found[m].tokens.clone();
                        let mut end = t.end;
                        if s.is_quote(end) {
                            end += 1;
                        }
                        let r = j + 1..end;
                        push(
                            out,
                            make_named(s, found, j..end, r, m, SourceRule::ReportVerb),
                        );
                    } else if let Some(k) = (j.saturating_sub(5).max(s.start())..j)
                        .rev()
                        .find(|&k| matches!(s.lc(k), "wie" | "as"))
                        .filter(|&k| {
                            // `wie die Polizei mitteilte`, `as the ministry reported`: a
                            // body named by a noun between the subordinator and the verb
                            let noun =
                                |x: usize| matches!(s.upos(x), Some(Upos::Noun | Upos::Propn));
                            (k + 1..j).any(noun)
                                && (k + 1..j)
                                    .all(|x| s.is_det(x) || noun(x) || s.upos(x) == Some(Upos::Adj))
                        })
                    {
                        push(
                            out,
                            make(s, found, k..j + 1, k + 1..j, None, SourceRule::ReportVerb),
                        );
                    } else if s.is_det(j + 1) && s.lang == sitrep_core::Language::De {
                        // `teilte die Polizei mit`, `meldete das Ministerium`: a body
                        // named by a noun (the caller treats it as a name without entity)
                        if let Some((r, m)) = np_after(s, found, cands, j + 1) {
                            if r.end <= j + 4 {
                                push(out, make(s, found, j..r.end, r, m, SourceRule::ReportVerb));
                            }
                        }
                    }
                }
                SpeechKind::Say => {
                    // `told Reuters`, `sagte er dem „Spiegel“`.
                    if let Some(m) = cands
                        .iter()
                        .copied()
                        .filter(|&k| {
                            found[k].kind == EntityKind::Media
                                && found[k].tokens.start > j
                                && found[k].tokens.start <= j + 5
                        })
                        .min_by_key(|&k| found[k].tokens.start)
                    {
                        let r = found[m].tokens.clone();
                        push(
                            out,
                            make(s, found, j..r.end, r, Some(m), SourceRule::ToldMedia),
                        );
                    }
                }
            }
        }
    }
}

/// Adds `x` unless a source with the same mention (or an overlapping span) is there.
fn push(out: &mut Vec<Source>, x: Source) {
    let dup = out.iter().any(|y| {
        (x.mention.is_some() && y.mention == x.mention)
            || (y.span.start < x.span.end && x.span.start < y.span.end)
    });
    if !dup {
        out.push(x);
    }
}

fn make(
    s: &Sent<'_>,
    found: &[Found],
    whole: Range<usize>,
    name: Range<usize>,
    mention: Option<usize>,
    rule: SourceRule,
) -> Source {
    let (nm, kind) = match mention {
        Some(m) => (Some(found[m].name.clone()), Some(found[m].kind)),
        None => {
            // The nouns after the last `des`/`von`/`of` (`Angaben des Ministeriums` →
            // `Ministeriums`), else all nouns.
            let from = name
                .clone()
                .rev()
                .find(|&x| matches!(s.lc(x), "des" | "der" | "von" | "vom" | "of"))
                .map_or(name.start, |x| x + 1);
            let words: Vec<&str> = (from..name.end)
                .filter(|&x| {
                    matches!(s.upos(x), Some(Upos::Noun | Upos::Propn))
                        || s.upos(x).is_none() && !s.is_punct(x) && !s.is_det(x)
                })
                .map(|x| s.form(x))
                .collect();
            (Some(words.join(" ")), None)
        }
    };
    Source {
        span: s.span(whole.clone()),
        tokens: whole,
        name_span: Some(s.span(name)),
        name: nm,
        kind,
        mention,
        rule,
    }
}

fn make_named(
    s: &Sent<'_>,
    found: &[Found],
    whole: Range<usize>,
    name: Range<usize>,
    m: usize,
    rule: SourceRule,
) -> Source {
    make(s, found, whole, name, Some(m), rule)
}

/// Tokens that may stand between a citing phrase and the source's name.
fn np_filler(s: &Sent<'_>, x: usize) -> bool {
    s.is_quote(x)
        || s.is_det(x)
        || matches!(s.upos(x), Some(Upos::Adj | Upos::Noun))
        || matches!(s.lc(x), "von" | "of" | "des" | "der" | "-")
}

/// The source after a citing phrase ending before `e`: (name tokens, mention).
fn np_after(
    s: &Sent<'_>,
    found: &[Found],
    cands: &[usize],
    e: usize,
) -> Option<(Range<usize>, Option<usize>)> {
    let lim = (e + 7).min(s.end());
    let m = cands
        .iter()
        .copied()
        .filter(|&k| {
            let t = &found[k].tokens;
            t.start >= e && t.start < lim && (e..t.start).all(|x| np_filler(s, x))
        })
        .filter(|&k| {
            !found[k].is_derived() || matches!(s.upos(found[k].tokens.end), Some(Upos::Noun))
        })
        .min_by_key(|&k| found[k].tokens.start);
    if let Some(m) = m {
        let mut end = found[m].tokens.end;
        if s.is_quote(end) {
            end += 1;
        }
        // A broadcaster's regional studio: `ORF Salzburg`, `BBC Scotland`.
        if found[m].kind == EntityKind::Media {
            if let Some(p) = found
                .iter()
                .find(|p| p.tokens.start == end && p.kind == EntityKind::Place && end < s.end())
            {
                end = p.tokens.end.min(s.end());
            }
        }
        // The mention modifies a head noun: `a senior U.S. official`.
        while end < s.end() && s.upos(end) == Some(Upos::Noun) {
            end = s.compound_end(end) + 1;
        }
        return Some((e..end, Some(m)));
    }
    // A noun phrase: articles and adjectives, then nouns (`laut Polizei`, `according to
    // the ministry`); a cue noun (`Angaben`) and its `des`/`von` are skipped.
    let mut j = e;
    while j < lim && (s.is_det(j) || s.upos(j) == Some(Upos::Adj) || s.is_quote(j)) {
        j += 1;
    }
    let start = e;
    let mut end = j;
    while end < lim && matches!(s.upos(end), Some(Upos::Noun | Upos::Propn)) {
        end = s.compound_end(end) + 1;
    }
    if end == j {
        return None;
    }
    // A genitive or `von`/`of` phrase after a cue noun: `Angaben des Innenministeriums`.
    if matches!(s.lc(end), "des" | "der" | "von" | "vom" | "of") {
        let mut k = end + 1;
        while k < s.end() && (s.is_det(k) || s.upos(k) == Some(Upos::Adj)) {
            k += 1;
        }
        let mut g = k;
        while g < s.end() && matches!(s.upos(g), Some(Upos::Noun | Upos::Propn)) {
            g = s.compound_end(g) + 1;
        }
        if g > k {
            end = g;
        }
    }
    Some((start..end, None))
}

/// The source before `X zufolge` at `i`.
fn np_before(
    s: &Sent<'_>,
    found: &[Found],
    cands: &[usize],
    i: usize,
) -> Option<(Range<usize>, Option<usize>)> {
    let mut end = i;
    if end > s.start() && s.is_quote(end - 1) {
        end -= 1;
    }
    if let Some(m) = cands.iter().copied().find(|&k| found[k].tokens.end == end) {
        let mut r = found[m].tokens.clone();
        while r.start > s.start() && (s.is_det(r.start - 1) || s.is_quote(r.start - 1)) {
            r.start -= 1;
        }
        return Some((r.start..i, Some(m)));
    }
    let mut j = end;
    while j > s.start() && matches!(s.upos(j - 1), Some(Upos::Noun | Upos::Propn)) && j + 4 > end {
        j -= 1;
    }
    if j == end {
        return None;
    }
    let mut start = j;
    while start > s.start() && (s.is_det(start - 1) || s.upos(start - 1) == Some(Upos::Adj)) {
        start -= 1;
    }
    Some((start..end, None))
}

/// A noun phrase that ends in an unnamed media phrase: `local media reports`.
fn unnamed_np(s: &Sent<'_>, lex: &LangLex, r: Range<usize>) -> bool {
    (1..=2).any(|n| {
        r.end >= r.start + n && {
            let words: Vec<&str> = (r.end - n..r.end).map(|x| s.lc(x)).collect();
            lex.sources.get(words.join(" ").as_str()) == Some(&SourceCue::Unnamed)
        }
    })
}
