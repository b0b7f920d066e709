//! Quantities: how many of what (`2.000 Soldaten`, `rund 30 Panzer`, `three battalions`,
//! `Tausende Menschen`, `zwischen 10 und 20 Toten`).
//!
//! # Rules
//!
//! 1. **Numbers.** Digit tokens by the language's convention (German `2.000` = 2000 and
//!    `1,5` = 1.5; English `2,000` and `1.5`; see `number::parse_digits`), followed by any
//!    multipliers (`1,5 Millionen`, `2 Mio.`, `1.5 million`). Number words from
//!    `data/attrs/numbers.tsv`: cardinals and multipliers combined over several tokens
//!    (`two hundred and fifty`, `twenty-five`, `zwei Dutzend`, `drei Millionen`), German
//!    one-word compounds (`zweihundertfünfzig`), an article before a multiplier (`eine
//!    Million`, `a dozen`). Vague amounts (`Tausende`, `Hunderttausende`, `dozens`,
//!    `tens of thousands`, `Millionen` alone) have no value, only a magnitude.
//! 2. **Bounds.** A modifier phrase directly before the number (`rund`, `etwa`, `mehr
//!    als`, `bis zu`, `about`, `more than`, `at least`, `up to`; `data/attrs/
//!    modifiers.tsv`) makes it approximate, a lower or an upper bound. Two numbers joined by
//!    `bis`/`to`/a dash, or by `und`/`and` after `zwischen`/`between`, make a range: the
//!    value is the lower bound, `upper` the higher.
//! 3. **Unit.** The counted noun: the first noun after the number, skipping adjectives,
//!    adverbs and (German) a prepositional phrase inside a participle phrase (`1.000
//!    bereits in Deutschland stationierte US-Soldaten` → `Soldat`); the head of a hyphen
//!    compound (`US-Soldaten`); the last of an English noun-noun run (`army troops`); after
//!    `of`/`von` for vague and multiplied amounts (`thousands of people`). A unit symbol
//!    after or before the number (`30 %`, `$5 million`) names its unit. The unit is the
//!    noun's lemma as the tagger gives it (German lemmas keep their capital).
//! 4. **Not quantities.** Times (`10:30`, `10 Uhr`), German ordinals (`21.`), day numbers
//!    next to a month (`21 August`, `August 21`), years (a four-digit number 1000–2100
//!    after a temporal word or preposition, or followed by no noun), labels (`Nr. 5`,
//!    `Artikel 5`), numbers in hyphen compounds (`30-jährige`, `12-year-old`), `one of`,
//!    and a bare article (`ein Soldat`).
//!
//! # Known limits
//!
//! * Fractions (`3/4`, `ein Drittel`), ordinals as amounts and percentages written as
//!   `Prozentpunkte` are not read; `Hälfte`/`half` neither.
//! * A number whose counted noun comes before it (`Soldaten: 2.000`) has no unit.
//! * An English `2,5` (German style in English text) is no number; a German `1.5` is 1.5.

use crate::lexicon::{LangLex, ModKind, NumWord, TimeWord};
use crate::{Attrs, Sent};
use sitrep_core::{Language, Span, TokenKind, Upos, VerbForm};
use std::ops::Range;

/// How exact a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    Exact,
    /// `rund`, `etwa`, `about`
    Approx,
    /// a lower bound: `mehr als`, `mindestens`, `at least`
    Min,
    /// an upper bound: `bis zu`, `up to`
    Max,
    /// `zwischen 10 und 20`, `10 to 20`: `value` and `upper`
    Range,
    /// no value: `Tausende`, `dozens` (see `magnitude`)
    Vague,
}

impl Bound {
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approx => "approx",
            Bound::Min => "min",
            Bound::Max => "max",
            Bound::Range => "range",
            Bound::Vague => "vague",
        }
    }
}

/// One quantity in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The whole phrase: modifier, number and unit (`rund 2.000 US-Soldaten`).
    pub span: Span,
    /// Its tokens (document indices).
    pub tokens: Range<usize>,
    /// The number's own tokens (`2.000`; `1,5 Millionen`; `zwischen 10 und 20` → `10 und
    /// 20`).
    pub number: Range<usize>,
    /// The value (the lower bound of a range); `None` for vague amounts.
    pub value: Option<f64>,
    /// The upper bound of a range.
    pub upper: Option<f64>,
    /// The order of magnitude of a vague amount (`Tausende` 1000).
    pub magnitude: Option<f64>,
    pub bound: Bound,
    /// The counted noun's lemma (`Soldat`, `troop`), or a unit symbol's unit (`Prozent`).
    pub unit: Option<String>,
    /// The counted noun's tokens (a hyphen compound whole: `US` `-` `Soldaten`), or the
    /// symbol's.
    pub unit_tokens: Option<Range<usize>>,
}

impl Quantity {
    /// The phrase's text (`""` if the span does not fit `text`).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.get(text).unwrap_or("")
    }
}

/// A number read at some token.
#[derive(Debug, Clone, Copy)]
struct Num {
    /// One past its last token.
    end: usize,
    value: Option<f64>,
    magnitude: Option<f64>,
    /// It ends in a multiplier or vague word (`Millionen`, `thousands`): `of` may follow.
    scaled: bool,
    /// Four plain digits 1000–2100.
    year_like: bool,
}

impl Attrs {
    /// The quantities of one sentence, in text order.
    pub fn quantities(&self, s: &Sent<'_>) -> Vec<Quantity> {
        let lex = self.lex(s.lang);
        let mut out = Vec::new();
        let mut i = s.start();
        while i < s.end() {
            match self.quantity_at(s, lex, i) {
                Some((q, next)) => {
                    out.push(q);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    fn quantity_at(&self, s: &Sent<'_>, lex: &LangLex, i: usize) -> Option<(Quantity, usize)> {
        if matches!(s.kind(i), Some(TokenKind::Time)) {
            return None;
        }
        let n = number_at(s, lex, i)?;
        let mut num_end = n.end;
        // Not amounts: compounds, times, labels, day numbers and years.
        if s.joined(n.end - 1) && s.form(n.end) == "-" && s.joined(n.end) {
            return None;
        }
        if matches!(lex.numbers.get(s.lc(n.end)), Some(NumWord::Skip)) {
            return None;
        }
        if i > s.start() && matches!(lex.numbers.get(s.lc(i - 1)), Some(NumWord::Label)) {
            return None;
        }
        if s.lc(n.end) == "." && is_month(lex, s.lc(n.end + 1)) || is_month(lex, s.lc(n.end)) {
            return None;
        }
        if i > s.start() && is_month(lex, s.lc(i - 1)) && s.kind(i) == Some(TokenKind::Number) {
            return None;
        }
        if matches!(s.lc(i), "one" | "eins") && n.end == i + 1 && matches!(s.lc(n.end), "of") {
            return None;
        }

        let mut value = n.value;
        let mut upper = None;
        let mut bound = if n.value.is_none() {
            Bound::Vague
        } else {
            Bound::Exact
        };
        // A range: `10 bis 20`, `10 to 20`, `10-20`, `zwischen 10 und 20`.
        let between = i > s.start() && matches!(s.lc(i - 1), "zwischen" | "between");
        let joiner = s.lc(n.end);
        let joins = matches!(joiner, "bis" | "to" | "-" | "–")
            || between && matches!(joiner, "und" | "and");
        if n.value.is_some() && joins {
            if let Some(m) = number_at(s, lex, n.end + 1) {
                if let (Some(a), Some(b)) = (n.value, m.value) {
                    if b > a {
                        upper = Some(b);
                        bound = Bound::Range;
                        num_end = m.end;
                    }
                }
            }
        }
        let n = Num { end: num_end, ..n };

        // Modifiers before the number.
        let mut first = i;
        if bound == Bound::Range && between {
            first = i - 1;
        } else {
            if let Some((len, k)) = modifier_before(s, lex, i) {
                first = i - len;
                if !matches!(bound, Bound::Vague | Bound::Range) {
                    bound = match k {
                        ModKind::Approx => Bound::Approx,
                        ModKind::Min => Bound::Min,
                        ModKind::Max => Bound::Max,
                    };
                }
            }
        }
        // A unit symbol before the number: `$5 million`.
        let mut unit: Option<(String, Range<usize>)> = None;
        if first == i && i > s.start() && s.joined(i - 1) {
            if let Some(u) = lex.units.get(s.lc(i - 1)) {
                unit = Some((u.clone(), i - 1..i));
                first = i - 1;
            }
        }
        let mut last = n.end;
        if unit.is_none() {
            if let Some(u) = lex.units.get(s.lc(n.end)) {
                unit = Some((u.clone(), n.end..n.end + 1));
            } else if let Some((r, head)) = unit_after(s, n) {
                unit = Some((s.lemma(head).to_string(), r));
            }
        }
        if let Some((_, r)) = &unit {
            last = last.max(r.end);
        }

        // Years: `im Jahr 2015`, `2015 kam es`, but `2000 Soldaten`.
        if n.year_like {
            let prev = if i > s.start() { s.lc(i - 1) } else { "" };
            let temporal = matches!(
                prev,
                "im" | "in"
                    | "seit"
                    | "since"
                    | "bis"
                    | "until"
                    | "von"
                    | "from"
                    | "by"
                    | "of"
                    | "ab"
                    | "vor"
                    | "nach"
                    | "before"
                    | "after"
                    | "during"
                    | "for"
            ) || lex.time.contains_key(prev);
            if temporal || unit.is_none() {
                return None;
            }
        }
        // A bare article or pronoun-like `ein` is no quantity: the number words need a
        // unit or a value other than one, unless written in digits.
        if value == Some(1.0) && s.kind(i) != Some(TokenKind::Number) && unit.is_none() {
            return None;
        }
        if bound == Bound::Vague {
            value = None;
        }
        let tokens = first..last;
        Some((
            Quantity {
                span: s.span(tokens.clone()),
                tokens,
                number: i..n.end,
                value,
                upper,
                magnitude: n.magnitude,
                bound,
                unit: unit.as_ref().map(|u| u.0.clone()),
                unit_tokens: unit.map(|u| u.1),
            },
            n.end,
        ))
    }
}

fn is_month(lex: &LangLex, w: &str) -> bool {
    lex.time
        .get(w)
        .is_some_and(|v| v.iter().any(|t| matches!(t, TimeWord::Month(_))))
}

/// The longest modifier phrase that ends right before token `i`: (its length, kind).
fn modifier_before(s: &Sent<'_>, lex: &LangLex, i: usize) -> Option<(usize, ModKind)> {
    let mut phrase = String::new();
    for len in (1..=lex.mod_max_len).rev() {
        if i < s.start() + len {
            continue;
        }
        phrase.clear();
        for j in i - len..i {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(s.lc(j));
        }
        if let Some(k) = lex.modifiers.get(phrase.as_str()) {
            return Some((len, *k));
        }
    }
    None
}

/// The number that starts at token `i`, if any.
fn number_at(s: &Sent<'_>, lex: &LangLex, i: usize) -> Option<Num> {
    if !s.has(i) {
        return None;
    }
    if s.kind(i) == Some(TokenKind::Number) {
        let f = s.form(i);
        let mut v = crate::number::parse_digits(f, s.lang)?;
        let year_like =
            f.len() == 4 && (1000.0..=2100.0).contains(&v) && f.bytes().all(|c| c.is_ascii_digit());
        let mut end = i + 1;
        let mut scaled = false;
        while let Some(NumWord::Mult(m) | NumWord::MultPl(m)) = lex.numbers.get(s.lc(end)) {
            v *= m;
            end += 1;
            scaled = true;
        }
        return Some(Num {
            end,
            value: Some(v),
            magnitude: None,
            scaled,
            year_like: year_like && !scaled,
        });
    }
    let w = s.lc(i);
    let first = match lex.numbers.get(w) {
        Some(x) => *x,
        None if s.lang == Language::De => {
            let v = crate::number::parse_de_compound(w, lex)?;
            NumWord::Card(v)
        }
        None => return None,
    };
    match first {
        NumWord::Skip | NumWord::Label => None,
        NumWord::Vague(mag) => {
            // `tens of thousands`, `hundreds of thousands`.
            let mut mag = mag;
            let mut end = i + 1;
            if s.lc(end) == "of" {
                if let Some(NumWord::Vague(m) | NumWord::Mult(m)) = lex.numbers.get(s.lc(end + 1)) {
                    mag *= m;
                    end += 2;
                }
            }
            Some(Num {
                end,
                value: None,
                magnitude: Some(mag),
                scaled: true,
                year_like: false,
            })
        }
        NumWord::MultPl(m) if !matches!(lex.numbers.get(s.lc(i + 1)), Some(NumWord::Mult(_))) => {
            Some(Num {
                end: i + 1,
                value: None,
                magnitude: Some(m),
                scaled: true,
                year_like: false,
            })
        }
        NumWord::Art => match lex.numbers.get(s.lc(i + 1)) {
            Some(NumWord::Mult(_)) => words_number(s, lex, i + 1, Some(1.0)),
            _ => None,
        },
        _ => words_number(s, lex, i, None),
    }
}

/// A number of cardinal and multiplier words from `i` (`two hundred and fifty thousand`,
/// `twenty-five`, `zwei Dutzend`); `lead` is a value already read (an article's one).
fn words_number(s: &Sent<'_>, lex: &LangLex, i: usize, lead: Option<f64>) -> Option<Num> {
    #[derive(PartialEq)]
    enum Last {
        Start,
        Tens,
        Small,
        Mult,
    }
    let (mut total, mut cur) = (0.0f64, lead.unwrap_or(0.0));
    let mut last = if lead.is_some() {
        Last::Small
    } else {
        Last::Start
    };
    let mut j = i;
    let mut any = false;
    while s.has(j) && j < i + 12 {
        let w = s.lc(j);
        let x = match lex.numbers.get(w) {
            Some(x) => Some(*x),
            None if s.lang == Language::De && !any => {
                crate::number::parse_de_compound(w, lex).map(NumWord::Card)
            }
            None => None,
        };
        match x {
            Some(NumWord::Card(v)) => {
                // `twenty five` and `hundred fifty` go on; `zwei drei` does not.
                let ok = match last {
                    Last::Start | Last::Mult => true,
                    Last::Tens => v < 10.0,
                    Last::Small => false,
                };
                if !ok {
                    break;
                }
                cur += v;
                last = if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
                    Last::Tens
                } else {
                    Last::Small
                };
            }
            Some(NumWord::Mult(m) | NumWord::MultPl(m)) => {
                if m >= 1000.0 {
                    total += if cur == 0.0 { m } else { cur * m };
                    cur = 0.0;
                } else {
                    cur = if cur == 0.0 { m } else { cur * m };
                }
                last = Last::Mult;
            }
            _ => {
                // `and` and joined hyphens inside a number: `two hundred and five`,
                // `twenty-five`.
                let inner = (w == "and" && any && last == Last::Mult)
                    || (w == "-" && last == Last::Tens && s.joined(j - 1) && s.joined(j));
                let next_card = matches!(lex.numbers.get(s.lc(j + 1)), Some(NumWord::Card(_)));
                if inner && next_card {
                    j += 1;
                    continue;
                }
                break;
            }
        }
        any = true;
        j += 1;
    }
    if !any {
        return None;
    }
    let v = total + cur;
    (v > 0.0 && v.is_finite()).then_some(Num {
        end: j,
        value: Some(v),
        magnitude: None,
        scaled: last == Last::Mult,
        year_like: false,
    })
}

/// The counted noun after a number ending before `n.end`: (its tokens, its head token).
fn unit_after(s: &Sent<'_>, n: Num) -> Option<(Range<usize>, usize)> {
    let mut j = n.end;
    if n.scaled && matches!(s.lc(j), "of" | "von") {
        j += 1;
        if matches!(s.lc(j), "the" | "these" | "those" | "their") {
            j += 1;
        }
    }
    let lim = (j + 10).min(s.end());
    let no_words = s.words.len() != s.tokens.len();
    while j < lim {
        if no_words {
            // Without analyses: the next word, if it looks like a noun.
            let f = s.form(j);
            let first = f.chars().next()?;
            let nounish = first.is_alphabetic() && (s.lang == Language::En || first.is_uppercase());
            return nounish.then(|| {
                let h = s.compound_end(j);
                (j..h + 1, h)
            });
        }
        match s.upos(j)? {
            Upos::Noun => {
                let mut h = s.compound_end(j);
                if s.lang == Language::En {
                    while s.upos(h + 1) == Some(Upos::Noun) && h + 1 < lim {
                        h = s.compound_end(h + 1);
                    }
                }
                return Some((j..h + 1, h));
            }
            Upos::Propn => {
                let h = s.compound_end(j);
                if h > j && s.upos(h) == Some(Upos::Noun) {
                    return Some((j..h + 1, h));
                }
                if matches!(s.upos(h + 1), Some(Upos::Noun | Upos::Propn | Upos::Adj)) {
                    j = h + 1;
                    continue;
                }
                return None;
            }
            Upos::Adj | Upos::Adv => j = s.compound_end(j) + 1,
            Upos::Adp if s.lang == Language::De => {
                // A prepositional phrase inside a participle phrase: `in Deutschland
                // stationierte`.
                let mut k = j + 1;
                while k < lim
                    && (matches!(
                        s.upos(k),
                        Some(Upos::Det | Upos::Noun | Upos::Propn | Upos::Num)
                    ) || s.form(k) == "-")
                {
                    k += 1;
                }
                let participle = matches!(s.upos(k), Some(Upos::Adj))
                    || s.upos(k) == Some(Upos::Verb) && s.upos(k + 1) == Some(Upos::Noun);
                if k > j + 1 && participle {
                    j = k;
                } else {
                    return None;
                }
            }
            Upos::Verb
                if s.lang == Language::De
                    && s.upos(j + 1) == Some(Upos::Noun)
                    && s.word(j).is_some_and(|w| {
                        w.feats.verb_form == Some(VerbForm::Part) || s.lc(j).ends_with('e')
                    }) =>
            {
                // An attributive participle the tagger took for a verb.
                j += 1
            }
            _ => return None,
        }
    }
    None
}
