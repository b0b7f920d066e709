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
//! 4. **according to**: `laut X`/`according to X`/`nach Angaben von X` in the sentence
//!    gives X (a person in the phrase first: `According to White House spokeswoman Karine
//!    Jean-Pierre`).
//!
//! A person mention beats any other kind at the same distance, and the organisation or
//! state of its title (`sagte NATO-Generalsekretär Jens Stoltenberg`, `Kremlin spokesman
//! Dmitry Peskov said`: after the verb the first person, before it the last). A mention
//! after `told`/`der`/`the` before the quote is the addressee (`Rishi Sunak told the House
//! of Commons: "…"`).
//!
//! When a cue has no mention or pronoun, a **role phrase** names the speaker
//! ([`Speaker::noun`]: `sagte ein Sprecher der Staatsanwaltschaft`, `Der Polizeisprecher
//! sagte:`, `"…," the union said`). A definite role whose noun ends like a person's role
//! (`role` rows of `speech.tsv`: `der CSU-Chef`, `the former prime minister`) and has no
//! complement of its own is marked [`Speaker::definite`]: in news it refers back to the
//! person named just before, which the caller resolves. Spokespeople are no such roles.
//!
//! A quote with no cue of its own a few tokens after a quote with a speaker, in the same
//! paragraph, **continues** it (`„…“, sagte Selenskyj. „…“`; also a pronoun speaker there:
//! `Er fügte hinzu: „…“`): [`SpeakerRule::Continued`].
//!
//! # Known limits
//!
//! * Indirect speech (Konjunktiv I, `dass`-clauses) is not marked yet, and a quote's
//!   speaker is carried only to a quote that follows it closely.
//! * `gab … zu` and `as X put it` are not read; of `a spokesman for the prosecutor's
//!   office` only `prosecutor's office` is taken. `hieß es aus X` gives X.
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
    /// No cue in the quote's own sentence: the speaker of the quote just before it in the
    /// same paragraph (`„…“, sagte Selenskyj. „…“`).
    Continued,
}

impl SpeakerRule {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerRule::After => "quote.speaker.after",
            SpeakerRule::Before => "quote.speaker.before",
            SpeakerRule::Within => "quote.speaker.within",
            SpeakerRule::According => "quote.speaker.according",
            SpeakerRule::Continued => "quote.speaker.continued",
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
    /// A noun phrase naming the speaker by role when there is neither mention nor
    /// pronoun (`sagte ein Sprecher der Staatsanwaltschaft`, `The police spokesman said`):
    /// its tokens without a leading article.
    pub noun: Option<Range<usize>>,
    /// The role phrase is definite with no complement of its own (`sagte der
    /// CSU-Chef`, `the former prime minister said`): in news it refers back to the person
    /// named last, for the caller to resolve like a pronoun.
    pub definite: bool,
    /// The verb of saying (or `so`, `laut`, `according`), token index.
    pub cue: Option<usize>,
    pub rule: SpeakerRule,
}

impl Speaker {
    fn mention(m: usize, cue: usize, rule: SpeakerRule) -> Speaker {
        Speaker {
            mention: Some(m),
            pronoun: None,
            noun: None,
            definite: false,
            cue: Some(cue),
            rule,
        }
    }
    fn pronoun(p: usize, cue: usize, rule: SpeakerRule) -> Speaker {
        Speaker {
            mention: None,
            pronoun: Some(p),
            noun: None,
            definite: false,
            cue: Some(cue),
            rule,
        }
    }
    fn noun(np: (Range<usize>, bool), cue: usize, rule: SpeakerRule) -> Speaker {
        Speaker {
            mention: None,
            pronoun: None,
            noun: Some(np.0),
            definite: np.1,
            cue: Some(cue),
            rule,
        }
    }
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
        // `„…“, sagte Selenskyj. „…“`: a quote with no cue of its own, a few words after
        // a quote with a speaker in the same paragraph, goes on with that speaker.
        for k in 1..out.len() {
            let (prev, cur) = (&out[k - 1], &out[k]);
            // `„…“, sagte Nehammer. Er fügte hinzu: „…“`: the pronoun is that speaker
            let pronoun_only = cur
                .speaker
                .as_ref()
                .is_some_and(|sp| sp.mention.is_none() && sp.pronoun.is_some());
            let prev_named = prev.speaker.as_ref().is_some_and(|sp| sp.pronoun.is_none());
            if cur.speaker.is_some() && !(pronoun_only && prev_named)
                || prev.speaker.is_none()
                || prev.kind != QuoteKind::Direct
            {
                continue;
            }
            let (a, b) = (prev.tokens.end + 1, cur.tokens.start.saturating_sub(1));
            let gap = prev.outer.end as usize..cur.outer.start as usize;
            let near = b >= a && b - a <= 12;
            let same_par = s.text.get(gap).is_some_and(|g| !g.contains('\n'));
            let is_name = mentions.iter().any(|&m| {
                let t = &found[m].tokens;
                t.start <= cur.tokens.start && t.end >= cur.tokens.end
            });
            if near && same_par && !is_name {
                let mut sp = prev.speaker.clone().expect("checked");
                sp.rule = SpeakerRule::Continued;
                out[k].speaker = Some(sp);
                out[k].kind = QuoteKind::Direct;
            }
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
    let persons = |r: Range<usize>| {
        cands.iter().copied().filter(move |&k| {
            r.contains(&found[k].tokens.start) && found[k].kind == EntityKind::Person
        })
    };
    // The first person mention starting in r: the name after a title (`sagte
    // NATO-Generalsekretär Jens Stoltenberg`), not a genitive after it (`sagte Juri
    // Uschakow, Berater Putins`).
    let person_in = |r: Range<usize>| persons(r).min_by_key(|&k| found[k].tokens.start);
    // The last one: the subject right before a verb (`Kremlin spokesman Dmitry Peskov
    // said`).
    let person_last = |r: Range<usize>| persons(r).max_by_key(|&k| found[k].tokens.start);
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
            // A pronoun first: `sagte er`. A person beats the organisation or state of
            // its title (`sagte NATO-Generalsekretär Jens Stoltenberg`).
            let m = person_in(k + 1..lim).or_else(|| starting_in(k + 1..lim));
            let p = (k + 1..lim.min(k + 3)).find(|&j| is_pronoun(s, j));
            match (m, p) {
                (Some(m), Some(p)) if p < found[m].tokens.start => {
                    return Some(Speaker::pronoun(p, k, SpeakerRule::After))
                }
                (Some(m), _) => {
                    let mut sp = Speaker::mention(m, k, SpeakerRule::After);
                    // `sagte der CSU-Chef`: the party is in the role, the person named
                    // before is meant (the caller decides; the mention stays)
                    if found[m].kind != EntityKind::Person {
                        match role_after(s, lex, k + 1, lim) {
                            Some((r, true))
                                if r.start <= found[m].tokens.start
                                    && found[m].tokens.end <= r.end =>
                            {
                                sp.noun = Some(r);
                                sp.definite = true;
                            }
                            // `sagte ein Sprecher der Staatsanwaltschaft`: a state body
                            // named by a common noun, with no state known, inside an
                            // indefinite role says less than the role, which is the speaker
                            Some((r, false))
                                if r.start < found[m].tokens.start
                                    && found[m].tokens.end <= r.end
                                    && found[m].rule == sitrep_entities::Rule::Organ
                                    && found[m].code.is_none() =>
                            {
                                return Some(Speaker::noun((r, false), k, SpeakerRule::After));
                            }
                            _ => {}
                        }
                    }
                    return Some(sp);
                }
                (None, Some(p)) => return Some(Speaker::pronoun(p, k, SpeakerRule::After)),
                (None, None) => {
                    // `hieß es aus dem Verteidigungsministerium`: the body after `es aus`
                    let from =
                        if s.lc(k + 1) == "es" && matches!(s.lc(k + 2), "aus" | "von" | "bei") {
                            k + 3
                        } else {
                            k + 1
                        };
                    if let Some(np) = role_after(s, lex, from, lim) {
                        return Some(Speaker::noun(np, k, SpeakerRule::After));
                    }
                }
            }
        }
        // `"…," Biden said` / `"…," he said` / `„…“, Scholz sagte` / `"…," Kremlin
        // spokesman Dmitry Peskov said` (the person before the verb) / `"…," the union
        // said` (a role)
        let lim = (k + 7).min(win.end);
        if let Some(v) = (k..lim).find(|&j| is_say(s, lex, j).is_some()) {
            let m = person_last(k..v)
                .filter(|&m| found[m].tokens.end <= v)
                .or_else(|| starting_in(k..(k + 3).min(v)));
            if let Some(m) = m {
                return Some(Speaker::mention(m, v, SpeakerRule::After));
            }
            if v == k + 1 && is_pronoun(s, k) {
                return Some(Speaker::pronoun(k, v, SpeakerRule::After));
            }
            if let Some(np) = role_before(s, lex, v, k) {
                return Some(Speaker::noun(np, v, SpeakerRule::After));
            }
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
                    let mut b = st;
                    while b > v + 1 && s.is_quote(b - 1) {
                        b -= 1;
                    }
                    let addressee = b > v + 1
                        && matches!(s.lc(b - 1), "to" | "dem" | "der" | "den" | "the")
                        || st == v + 1 && s.lang == sitrep_core::Language::En
                        || s.lemma_lc(v) == "tell";
                    if !addressee {
                        return Some(Speaker::mention(m, v, SpeakerRule::Before));
                    }
                }
                if let Some(m) = ending_before(v, win.start.max(v.saturating_sub(10))) {
                    return Some(Speaker::mention(m, v, SpeakerRule::Before));
                }
                let p = (v.saturating_sub(2).max(win.start)..v + 3)
                    .find(|&j| j != v && j < open && is_pronoun(s, j));
                if let Some(p) = p {
                    return Some(Speaker::pronoun(p, v, SpeakerRule::Before));
                }
                // `Der Polizeisprecher sagte: „…“`
                if let Some(np) = role_before(s, lex, v, win.start) {
                    return Some(Speaker::noun(np, v, SpeakerRule::Before));
                }
            }
        }
    }

    // 3. A verb of saying elsewhere in the sentence; 4. `laut X` / `according to X`.
    for j in win.clone() {
        if (open..=close).contains(&j) {
            continue;
        }
        // `laut X`, `according to X`, `nach Angaben von X`
        let from = match s.lc(j) {
            "laut" => Some(j + 1),
            "according" if s.lc(j + 1) == "to" => Some(j + 2),
            "nach" if s.lc(j + 1) == "angaben" => {
                Some(j + 2 + usize::from(matches!(s.lc(j + 2), "von" | "des" | "der")))
            }
            _ => None,
        };
        if let Some(from) = from {
            if let Some(m) = person_in(from..from + 6).or_else(|| starting_in(from..from + 4)) {
                return Some(Speaker::mention(m, j, SpeakerRule::According));
            }
        }
    }
    for j in win.clone() {
        if (open..=close).contains(&j) || is_say(s, lex, j).is_none() {
            continue;
        }
        let m = ending_before(j, win.start).or_else(|| starting_in(j + 1..win.end));
        if let Some(m) = m {
            return Some(Speaker::mention(m, j, SpeakerRule::Within));
        }
        if let Some(p) =
            (win.start..win.end).find(|&p| !(open..=close).contains(&p) && is_pronoun(s, p))
        {
            return Some(Speaker::pronoun(p, j, SpeakerRule::Within));
        }
        // a role names the speaker of a partial quote, not of a one-word term
        // (`Die Opposition sprach von einer „Provokation“`)
        let words = (open + 1..close).filter(|&i| !s.is_punct(i)).count();
        if words >= 2 && j > win.start && !(open..=close).contains(&(j - 1)) {
            if let Some(np) = role_before(s, lex, j, win.start) {
                return Some(Speaker::noun(np, j, SpeakerRule::Within));
            }
        }
    }
    None
}

/// A word of a role phrase: noun, name or adjective.
fn np_word(s: &Sent<'_>, i: usize) -> bool {
    s.form(i).chars().next().is_some_and(char::is_alphanumeric)
        && (matches!(s.upos(i), Some(Upos::Noun | Upos::Propn | Upos::Adj)) || s.word(i).is_none())
}

fn is_head(s: &Sent<'_>, i: usize) -> bool {
    matches!(s.upos(i), Some(Upos::Noun | Upos::Propn))
        || s.word(i).is_none() && s.form(i).chars().next().is_some_and(char::is_uppercase)
}

fn definite_article(s: &Sent<'_>, i: usize) -> bool {
    matches!(s.lc(i), "der" | "die" | "das" | "the")
}

/// Whether a definite role phrase refers back to a person (see [`Speaker::definite`]).
fn anaphoric(s: &Sent<'_>, lex: &crate::lexicon::LangLex, head: usize, complement: bool) -> bool {
    let h = s.lc(head);
    !complement && lex.roles.iter().any(|r| h.ends_with(r.as_str()))
}

/// A role phrase naming the speaker after the verb (`sagte ein Sprecher der
/// Staatsanwaltschaft`, `antwortete der Minister`): an optional article, adjectives and a
/// noun, and a genitive or `of` complement. Returns its tokens without the article and
/// whether it refers back ([`Speaker::definite`]).
fn role_after(
    s: &Sent<'_>,
    lex: &crate::lexicon::LangLex,
    from: usize,
    lim: usize,
) -> Option<(Range<usize>, bool)> {
    let mut i = from;
    let definite = definite_article(s, i);
    if s.is_det(i) {
        i += 1;
    }
    let start = i;
    let mut head = None;
    while i < lim && i < start + 4 && np_word(s, i) {
        let last = s.compound_end(i);
        if is_head(s, i) || is_head(s, last) {
            head = Some(last);
        }
        i = last + 1;
    }
    let head = head?;
    let mut end = head + 1;
    // `der Staatsanwaltschaft`, `des Ministeriums`, `of the ministry`
    let mut complement = false;
    let mut j = end;
    if s.lc(j) == "of" {
        j += 1;
    }
    if s.is_det(j) || j > end {
        let mut k = j + usize::from(s.is_det(j));
        while k < lim && k < j + 4 && np_word(s, k) {
            if is_head(s, k) {
                end = k + 1;
                complement = true;
            }
            k += 1;
        }
    }
    Some((start..end, definite && anaphoric(s, lex, head, complement)))
}

/// A role phrase as the subject right before the verb `v` (`Der Polizeisprecher sagte`,
/// `the club said`, `Police said`), not before `lo`.
fn role_before(
    s: &Sent<'_>,
    lex: &crate::lexicon::LangLex,
    v: usize,
    lo: usize,
) -> Option<(Range<usize>, bool)> {
    let mut i = v;
    let mut head = None;
    let mut complement = false;
    // words back to the phrase start, over one genitive (`Der Sprecher des Ministeriums`)
    while i > lo && i + 7 > v {
        let j = i - 1;
        // `the prosecutor's office`: a possessive inside the phrase
        let possessive = head.is_some() && s.form(j) == "'s" && j > lo && np_word(s, j - 1);
        if np_word(s, j) || s.form(j) == "-" && s.joined(j) || possessive {
            if head.is_none() && is_head(s, j) {
                head = Some(j);
            }
            i = j;
        } else if head.is_some() && (s.is_det(j) && j > lo && np_word(s, j - 1) || s.lc(j) == "of")
        {
            complement = true;
            i = j;
        } else {
            break;
        }
    }
    let head = head?;
    let definite = i > lo && definite_article(s, i - 1);
    let mut start = i;
    while start < v && (s.is_det(start) || s.lc(start) == "of") {
        start += 1;
    }
    (start < v).then(|| (start..v, definite && anaphoric(s, lex, head, complement)))
}
