//! Temporal expressions resolved against the publication date.
//!
//! # Expressions read (words from `data/attrs/time.tsv`)
//!
//! * relative days: `heute`, `gestern`, `morgen`, `vorgestern`, `übermorgen`, `today`,
//!   `yesterday`, `tomorrow`, `tonight`, with a part of the day (`heute Abend`, `yesterday
//!   morning`); `last night`, `this morning`; German `am heutigen Montag`, `gestrigen`;
//! * weekdays: `am Freitag`, `Freitagabend`, `on Friday`, `Monday night`, with a modifier
//!   (`letzten Dienstag`, `kommenden Montag`, `last Tuesday`, `next Friday`, `this Friday`),
//!   and followed by a date (`Freitag, 21. August 2015`: the date wins);
//! * dates: `21. August [2015]`, `21.08.2015`, `2015-08-21`, `August 21[, 2015]`, `Aug. 21`,
//!   `21st`, `21 August 2015`, `06/30/2023` (English: month first unless the first number
//!   exceeds 12; German: day first);
//! * months: `im Mai`, `in May 2014`, `Mai 2014`, `seit März`, `last May`; a month alone
//!   needs a cue (a preposition before it, a part word, or a year after it), so `August
//!   Diehl` or `you may` are no dates;
//! * years: `im Jahr 2015`, `in 2015`, `seit 2015`, `Ende 2015`, and a bare year between
//!   verbs (`war 2019 zurückgetreten`; a number before a noun counts things);
//! * periods: `nächste Woche`, `vergangene Woche`, `kommenden Monat`, `des vergangenen
//!   Jahres`, `am Wochenende`, `over the weekend`, `next week`, `last year`, `this month`; a
//!   bare period word needs a cue or an article and never follows a number or adjective
//!   (`their second week`);
//! * parts of periods: `Anfang Februar`, `Mitte März`, `Ende 2015`, `Ende nächster Woche`,
//!   `Ende des Monats`, `early May`, `mid-2015`, `mid-December`, `late last year`, `the end
//!   of May`.
//!
//! A leading `am`, `an`, `im`, `on`, `in`, `at` (and `in der`/`the` before a modifier)
//! belongs to the expression's span.
//!
//! # Resolution
//!
//! Values are ISO 8601: `2022-02-04` (day), `2022-W05` (week), `2022-02` (month), `2022`
//! (year), with [`TimeExpr::first`]..=[`TimeExpr::last`] the days the expression covers. A
//! part (`Anfang`, `late`) keeps the period's value and sets [`TimeExpr::part`]. The
//! weekend is its Saturday at day granularity (covering Saturday and Sunday).
//!
//! * Without a publication date, only absolute expressions (with a year) get a value;
//!   relative ones keep their span and `value: None`.
//! * A weekday without modifier is resolved by the [`TenseHint`]: `Past` → the latest such
//!   day on or before the publication date (agency copy says `am Freitag` for the day it
//!   is published), `Future` → the first on or after it, otherwise the nearest (within
//!   three days either side). `letzten`/`vergangenen`/`last` → strictly before; `nächsten`/
//!   `kommenden`/`next` → strictly after; `diesen`/`this` → in the publication date's ISO
//!   week (Monday to Sunday).
//! * A month or a day and month without a year: the publication year, moved one year back
//!   when the hint is `Past` and the date lies after the publication date, one forward when
//!   the hint is `Future` and it lies before; otherwise (no hint, present tense) the
//!   occurrence nearest to the publication date.
//!
//! # Known limits
//!
//! * Durations and offsets (`vor zwei Wochen`, `in three days`, `seit Jahren`), seasons
//!   (`im Sommer`), holidays, clock times and intervals (`vom 1. bis 3. März`, which gives
//!   two expressions) are not resolved.
//! * `next Friday` is always the first Friday strictly after the publication date, though
//!   some writers mean the one in the following week.
//! * Tense comes from the caller; [`TenseHint::of`] reads a sentence-level fallback.

use crate::lexicon::{LangLex, Part, Period, TimeWord};
use crate::{Attrs, Sent};
use sitrep_core::{Date, Language, Mood, Span, Tense, TokenKind, Upos, VerbForm};
use std::ops::Range;

/// How precise a resolved value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

impl Granularity {
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// The tense of the clause a date belongs to: it decides which Friday `am Freitag` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TenseHint {
    Past,
    Present,
    Future,
    #[default]
    Unknown,
}

impl TenseHint {
    /// A sentence-level hint from the word analyses: `Future` when the sentence has a
    /// future or planning construction (`werden` + infinitive, `soll`/`will` + infinitive,
    /// `will`, `shall`, `going to`), else `Past` when a finite verb is in the past tense or
    /// a perfect (`hat … verlegt`, `has sent`), else `Present` when there is a finite
    /// verb, else `Unknown`. The clause's own tense (sitrep-clause) is better when known.
    pub fn of(s: &Sent<'_>) -> TenseHint {
        let mut fut_aux = false;
        let mut perfect_aux = false;
        let (mut fut, mut past, mut pres) = (false, false, false);
        for i in s.range.clone() {
            let Some(w) = s.word(i) else {
                return TenseHint::Unknown;
            };
            let lemma = s.lemma(i);
            let finite = w.feats.verb_form == Some(VerbForm::Fin)
                || matches!(
                    w.xpos.as_str(),
                    "VVFIN" | "VAFIN" | "VMFIN" | "VBD" | "VBZ" | "VBP" | "MD"
                );
            match s.lang {
                Language::De => {
                    if finite
                        && matches!(lemma, "werden" | "sollen" | "wollen")
                        && w.feats.tense != Some(Tense::Past)
                    {
                        fut_aux = true;
                    }
                    if finite
                        && matches!(lemma, "haben" | "sein")
                        && w.feats.tense != Some(Tense::Past)
                    {
                        perfect_aux = true;
                    }
                    if fut_aux
                        && (w.feats.verb_form == Some(VerbForm::Inf)
                            || matches!(w.xpos.as_str(), "VVINF" | "VAINF"))
                    {
                        fut = true;
                    }
                    if perfect_aux && matches!(w.xpos.as_str(), "VVPP" | "VAPP" | "VMPP") {
                        past = true;
                    }
                }
                Language::En => {
                    let lc = s.lc(i);
                    if matches!(lc, "will" | "'ll" | "shall" | "wo")
                        || lc == "going" && s.lc(i + 1) == "to"
                    {
                        fut = true;
                    }
                    if matches!(lc, "has" | "have" | "had") {
                        perfect_aux = true;
                    }
                    if perfect_aux && w.xpos.as_str() == "VBN" {
                        past = true;
                    }
                }
            }
            if finite && w.feats.tense == Some(Tense::Past) && w.feats.mood != Some(Mood::Sub) {
                past = true;
            }
            if finite && matches!(w.upos, Upos::Verb | Upos::Aux) {
                pres = true;
            }
        }
        if fut {
            TenseHint::Future
        } else if past {
            TenseHint::Past
        } else if pres {
            TenseHint::Present
        } else {
            TenseHint::Unknown
        }
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    pub span: Span,
    pub tokens: Range<usize>,
    /// ISO 8601 (`2022-02-04`, `2022-W05`, `2022-02`, `2022`); `None` when relative and
    /// no publication date was given, or when the date does not exist (`30. Februar`).
    pub value: Option<String>,
    pub granularity: Granularity,
    /// `Anfang`/`Mitte`/`Ende`, `early`/`mid`/`late` of the period.
    pub part: Option<Part>,
    /// The first and last day the value covers.
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// The expression needs the publication date (`gestern`, `am Freitag`, `im Mai`).
    pub relative: bool,
}

impl TimeExpr {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.get(text).unwrap_or("")
    }
}

/// What an expression says before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Spec {
    DayRel(i32),
    Weekday {
        wd: u32,
        rel: Option<i32>,
    },
    Date {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    Month {
        y: Option<i32>,
        m: u32,
        rel: Option<i32>,
    },
    Year(i32),
    RelPeriod {
        period: Period,
        rel: Option<i32>,
    },
}

impl Attrs {
    /// The temporal expressions of one sentence, resolved against `published` with the
    /// tense `hint` (see the module documentation).
    pub fn dates(&self, s: &Sent<'_>, published: Option<Date>, hint: TenseHint) -> Vec<TimeExpr> {
        let lex = self.lex(s.lang);
        let mut out = Vec::new();
        let mut i = s.start();
        while i < s.end() {
            match parse_at(s, lex, i) {
                Some((r, spec, part)) => {
                    let next = r.end;
                    out.push(resolve(s, r, spec, part, published, hint));
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }
}

fn time_words<'l>(lex: &'l LangLex, w: &str) -> &'l [TimeWord] {
    lex.time.get(w).map_or(&[], |v| v.as_slice())
}

fn month_of(lex: &LangLex, w: &str) -> Option<u32> {
    time_words(lex, w).iter().find_map(|t| match t {
        TimeWord::Month(m) => Some(*m),
        _ => None,
    })
}

fn rel_of(lex: &LangLex, w: &str) -> Option<i32> {
    time_words(lex, w).iter().find_map(|t| match t {
        TimeWord::Rel(r) => Some(*r),
        _ => None,
    })
}

fn period_of(lex: &LangLex, w: &str) -> Option<Period> {
    time_words(lex, w).iter().find_map(|t| match t {
        TimeWord::Period(p) => Some(*p),
        _ => None,
    })
}

fn part_of(lex: &LangLex, w: &str) -> Option<Part> {
    time_words(lex, w).iter().find_map(|t| match t {
        TimeWord::Part(p) => Some(*p),
        _ => None,
    })
}

fn is_daypart(lex: &LangLex, w: &str) -> bool {
    time_words(lex, w).contains(&TimeWord::Daypart)
}

/// A weekday, also as the first part of a German compound with a part of the day
/// (`Freitagabend`, `Montagmorgen`).
fn weekday_of(s: &Sent<'_>, lex: &LangLex, i: usize) -> Option<u32> {
    let w = s.lc(i);
    if let Some(d) = time_words(lex, w).iter().find_map(|t| match t {
        TimeWord::Weekday(d) => Some(*d),
        _ => None,
    }) {
        return Some(d);
    }
    if s.lang == Language::De {
        for (day, rest) in [
            ("montag", 1),
            ("dienstag", 2),
            ("mittwoch", 3),
            ("donnerstag", 4),
            ("freitag", 5),
            ("samstag", 6),
            ("sonnabend", 6),
            ("sonntag", 7),
        ]
        .map(|(d, n)| (n, w.strip_prefix(d)))
        {
            if let Some(rest) = rest {
                if is_daypart(lex, rest) {
                    return Some(day);
                }
            }
        }
    }
    None
}

/// A year: four digits 1000–2100 (or `'15`-style is not read).
fn year_at(s: &Sent<'_>, i: usize) -> Option<i32> {
    let f = s.form(i);
    if f.len() == 4 && f.bytes().all(|c| c.is_ascii_digit()) {
        let y: i32 = f.parse().ok()?;
        return (1000..=2100).contains(&y).then_some(y);
    }
    None
}

/// A day of the month: `21`, `21.` (German), `21st`; with the tokens it takes.
fn day_at(s: &Sent<'_>, i: usize) -> Option<(u32, usize)> {
    let f = s.form(i);
    let digits: &str = if s.lang == Language::De {
        f.strip_suffix('.').unwrap_or(f)
    } else {
        f.trim_end_matches(|c: char| c.is_ascii_alphabetic())
    };
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if s.lang == Language::En && digits.len() != f.len() {
        let suf = &f[digits.len()..].to_ascii_lowercase();
        if !matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
            return None;
        }
    }
    let d: u32 = digits.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    // German `21 .` split by the segmenter.
    let mut used = 1;
    if s.lang == Language::De && !f.ends_with('.') && s.form(i + 1) == "." && s.joined(i) {
        used = 2;
    }
    Some((d, used))
}

/// A date in one token: `21.08.2015`, `2015-08-21`.
fn numeric_date(s: &Sent<'_>, i: usize) -> Option<(i32, u32, u32)> {
    let f = s.form(i);
    if f.len() > 10
        || !matches!(
            s.kind(i),
            Some(TokenKind::Number | TokenKind::Other | TokenKind::Word)
        )
    {
        return None;
    }
    let parts: Vec<&str> = f.split(['.', '-', '/']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<i32>().ok();
    if f.contains('-') && parts[0].len() == 4 {
        let (y, m, d) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
        return Some((y, m as u32, d as u32));
    }
    if f.contains('.') && parts[2].len() == 4 && s.lang == Language::De {
        let (d, m, y) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
        return Some((y, m as u32, d as u32));
    }
    // `06/30/2023`: month first in English unless the first number cannot be a month
    // (`30/06/2023`); day first in German.
    if f.matches('/').count() == 2 && parts[2].len() == 4 {
        let (a, b, y) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
        let (m, d) = if s.lang == Language::En && a <= 12 {
            (a, b)
        } else {
            (b, a)
        };
        return Some((y, m as u32, d as u32));
    }
    None
}

/// Words that may lead an expression and belong to its span.
fn leading(w: &str) -> bool {
    matches!(w, "am" | "an" | "im" | "on" | "in" | "at")
}

/// Words before a month or year that show it is one (not part of the span).
fn cue_before(w: &str) -> bool {
    matches!(
        w,
        "im" | "in"
            | "seit"
            | "since"
            | "bis"
            | "until"
            | "till"
            | "ab"
            | "by"
            | "from"
            | "vom"
            | "zum"
            | "of"
            | "during"
            | "für"
            | "for"
            | "before"
            | "after"
            | "vor"
            | "nach"
            | "monat"
            | "month"
            | "anfang"
            | "mitte"
            | "ende"
            | "early"
            | "mid"
            | "late"
    )
}

type Parsed = (Range<usize>, Spec, Option<Part>);

fn parse_at(s: &Sent<'_>, lex: &LangLex, i: usize) -> Option<Parsed> {
    // `am`, `on`, `in der`, `the`: try with the leading words, then without.
    let mut p = i;
    if leading(s.lc(p)) {
        p += 1;
    }
    if matches!(s.lc(p), "der" | "die" | "dem" | "den" | "the")
        && (rel_of(lex, s.lc(p + 1)).is_some() || part_of(lex, s.lc(p + 1)).is_some())
    {
        p += 1;
    }
    if p > i {
        if let Some((r, spec, part)) = parse_core_or_part(s, lex, p, true) {
            return Some((i..r.end, spec, part));
        }
    }
    parse_core_or_part(s, lex, i, false)
}

fn parse_core_or_part(s: &Sent<'_>, lex: &LangLex, p: usize, led: bool) -> Option<Parsed> {
    // One token `mid-2015`, `Mitte-2015`, `mid-December`: a part word, a hyphen and a
    // year or month.
    if let Some((a, b)) = s.lc(p).split_once('-') {
        if let Some(part) = part_of(lex, a) {
            if let Ok(y) = b.parse::<i32>() {
                if b.len() == 4 && (1000..=2100).contains(&y) {
                    return Some((p..p + 1, Spec::Year(y), Some(part)));
                }
            }
            if let Some(m) = month_of(lex, b) {
                let spec = Spec::Month {
                    y: None,
                    m,
                    rel: None,
                };
                return Some((p..p + 1, spec, Some(part)));
            }
        }
    }
    if let Some(part) = part_of(lex, s.lc(p)) {
        // `Anfang Februar`, `Ende des Monats`, `mid-2015`, `the end of May`.
        let mut q = p + 1;
        if s.form(q) == "-" && s.joined(p) {
            q += 1;
        }
        if s.lc(q) == "of" {
            q += 1;
        }
        let mut this = false;
        if matches!(s.lc(q), "des" | "der" | "the") && period_of(lex, s.lc(q + 1)).is_some() {
            q += 1;
            this = true;
        }
        if let Some((r, spec)) = parse_core(s, lex, q, true) {
            let spec = match spec {
                Spec::RelPeriod { period, rel: None } if this => Spec::RelPeriod {
                    period,
                    rel: Some(0),
                },
                x => x,
            };
            // A bare period word after a part needs `des`/`the` or a modifier.
            if matches!(spec, Spec::RelPeriod { rel: None, .. }) {
                return None;
            }
            return Some((p..r.end, spec, Some(part)));
        }
        return None;
    }
    parse_core(s, lex, p, led).map(|(r, spec)| (r, spec, None))
}

/// The core expression at `p`; `cued` when a preposition or part word precedes it.
fn parse_core(s: &Sent<'_>, lex: &LangLex, p: usize, cued: bool) -> Option<(Range<usize>, Spec)> {
    if !s.has(p) {
        return None;
    }
    let w = s.lc(p);
    let prev = if p > s.start() { s.lc(p - 1) } else { "" };
    let cued = cued || cue_before(prev);

    // Relative days: `heute`, `gestern Abend`, `am heutigen Montag`.
    if let Some(n) = time_words(lex, w).iter().find_map(|t| match t {
        TimeWord::Day(n) => Some(*n),
        _ => None,
    }) {
        // German `Morgen` as a noun is the morning (`am Morgen`), not tomorrow.
        let noun_morgen = s.lang == Language::De
            && w == "morgen"
            && s.form(p).starts_with('M')
            && (p > s.start()
                && (s.is_det(p - 1)
                    || matches!(prev, "am" | "jeden" | "diesen" | "heute" | "gestern"))
                || s.upos(p) == Some(Upos::Noun) && p > s.start());
        if !noun_morgen {
            let mut end = p + 1;
            if is_daypart(lex, s.lc(end)) {
                end += 1;
            } else if weekday_of(s, lex, end).is_some() && s.lc(p).ends_with("en") {
                end += 1; // `am heutigen Montag`
            }
            return Some((p..end, Spec::DayRel(n)));
        }
    }

    // A modifier: `letzten Freitag`, `nächste Woche`, `last May`, `last night`.
    if let Some(rel) = rel_of(lex, w) {
        let q = p + 1;
        if let Some(wd) = weekday_of(s, lex, q) {
            let mut end = q + 1;
            if is_daypart(lex, s.lc(end)) {
                end += 1;
            }
            return Some((p..end, Spec::Weekday { wd, rel: Some(rel) }));
        }
        if let Some(period) = period_of(lex, s.lc(q)) {
            if period != Period::Other {
                return Some((
                    p..q + 1,
                    Spec::RelPeriod {
                        period,
                        rel: Some(rel),
                    },
                ));
            }
        }
        if let Some(m) = month_of(lex, s.lc(q)) {
            if s.form(q).chars().next().is_some_and(char::is_uppercase) {
                // `last August 21`: the day, resolved by the tense like `August 21`
                if s.lang == Language::En && rel != 0 {
                    if let Some((d, used)) = day_at(s, q + 1) {
                        if year_at(s, q + 1).is_none() {
                            return Some((p..q + 1 + used, Spec::Date { y: None, m, d }));
                        }
                    }
                }
                return Some((
                    p..q + 1,
                    Spec::Month {
                        y: None,
                        m,
                        rel: Some(rel),
                    },
                ));
            }
        }
        if s.lang == Language::En && rel <= 0 && is_daypart(lex, s.lc(q)) {
            // `last night` is yesterday's; `this morning` today's.
            let n = if rel < 0 && s.lc(q) == "night" { -1 } else { 0 };
            if rel == 0 || n == -1 {
                return Some((p..q + 1, Spec::DayRel(n)));
            }
        }
        return None;
    }

    // `im Jahr 2015`: the year, not this year.
    if time_words(lex, w).contains(&TimeWord::Year) {
        let q = if s.lc(p + 1) == "of" { p + 2 } else { p + 1 };
        if let Some(y) = year_at(s, q) {
            return Some((p..q + 1, Spec::Year(y)));
        }
    }

    // A bare period word: `am Wochenende`, `over the weekend`, `in der Woche`, `Ende des
    // Monats` (through the part rule); not after a number or adjective (`their second
    // week`, `die zweite Woche`).
    if let Some(period) = period_of(lex, w) {
        let after_article = matches!(prev, "der" | "die" | "dem" | "das" | "the");
        let counted = p > s.start()
            && (matches!(s.upos(p - 1), Some(Upos::Adj | Upos::Num))
                || s.kind(p - 1) == Some(TokenKind::Number));
        if period != Period::Other && (cued || after_article) && !counted {
            return Some((p..p + 1, Spec::RelPeriod { period, rel: None }));
        }
        return None;
    }

    // Weekdays, maybe followed by a date.
    if let Some(wd) = weekday_of(s, lex, p) {
        let capital = s.form(p).chars().next().is_some_and(char::is_uppercase);
        if !capital {
            return None;
        }
        let mut end = p + 1;
        if is_daypart(lex, s.lc(end)) {
            end += 1;
        }
        let mut q = end;
        if s.form(q) == "," {
            q += 1;
        }
        if matches!(s.lc(q), "den" | "dem" | "the") {
            q += 1;
        }
        if let Some((r, spec @ Spec::Date { .. })) = parse_core(s, lex, q, true) {
            return Some((p..r.end, spec));
        }
        return Some((p..end, Spec::Weekday { wd, rel: None }));
    }

    // One-token dates.
    if let Some((y, m, d)) = numeric_date(s, p) {
        return Some((p..p + 1, Spec::Date { y: Some(y), m, d }));
    }

    // Day before month: `21. August 2015`, `21 August`.
    if let Some((d, used)) = day_at(s, p) {
        let q = p + used;
        if let Some(m) = month_of(lex, s.lc(q)) {
            let mut end = q + 1;
            let mut y = None;
            if let Some(yy) = year_at(s, end) {
                y = Some(yy);
                end += 1;
            }
            return Some((p..end, Spec::Date { y, m, d }));
        }
        return None;
    }

    // Month first: `August 21, 2015`, `Mai 2014`, `im Mai`.
    if let Some(m) = month_of(lex, w) {
        let capital = s.form(p).chars().next().is_some_and(char::is_uppercase);
        if !capital {
            return None;
        }
        let mut q = p + 1;
        if s.lang == Language::En {
            if let Some((d, used)) = day_at(s, q) {
                if year_at(s, q).is_none() {
                    q += used;
                    let mut y = None;
                    let mut r = q;
                    if s.form(r) == "," {
                        r += 1;
                    }
                    if let Some(yy) = year_at(s, r) {
                        y = Some(yy);
                        q = r + 1;
                    }
                    return Some((p..q, Spec::Date { y, m, d }));
                }
            }
        }
        if s.form(q) == "," && s.lang == Language::En {
            q += 1;
        }
        if let Some(y) = year_at(s, q) {
            return Some((
                p..q + 1,
                Spec::Month {
                    y: Some(y),
                    m,
                    rel: None,
                },
            ));
        }
        if cued {
            return Some((
                p..p + 1,
                Spec::Month {
                    y: None,
                    m,
                    rel: None,
                },
            ));
        }
        return None;
    }

    // Years: `im Jahr 2015`, `in 2015`, `seit 2015`, `Ende 2015`.
    if time_words(lex, w).contains(&TimeWord::Year) {
        let q = if s.lc(p + 1) == "of" { p + 2 } else { p + 1 };
        if let Some(y) = year_at(s, q) {
            return Some((p..q + 1, Spec::Year(y)));
        }
        return None;
    }
    if let Some(y) = year_at(s, p) {
        // Not a quantity: `in 2015 Soldaten` is rare, `2015 Soldaten` has no cue.
        if cued && !matches!(s.upos(p + 1), Some(Upos::Noun)) {
            return Some((p..p + 1, Spec::Year(y)));
        }
        // Without a cue, only between verbs (`war 2019 zurückgetreten`, `soll 2029
        // fertig sein`): a number before a noun or after a preposition counts things.
        let after_verb = p > s.start() && matches!(s.upos(p - 1), Some(Upos::Verb | Upos::Aux));
        let before_verb = matches!(
            s.upos(p + 1),
            Some(Upos::Verb | Upos::Aux | Upos::Adv | Upos::Adj)
        ) || matches!(s.form(p + 1), "." | ",");
        if after_verb && before_verb && (1900..=2100).contains(&y) {
            return Some((p..p + 1, Spec::Year(y)));
        }
    }
    None
}

// ---- calendar arithmetic (proleptic Gregorian, days since 1970-01-01) ----

fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> Option<Date> {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date::new(i32::try_from(y).ok()?, m as u32, d as u32)
}

fn day_number(d: Date) -> i64 {
    days_from_civil(d.year(), d.month(), d.day())
}

/// Monday = 1 … Sunday = 7.
fn weekday(d: Date) -> u32 {
    ((day_number(d) + 3).rem_euclid(7) + 1) as u32
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    civil_from_days(day_number(d) + n)
}

/// ISO week: (week-year, week).
fn iso_week(d: Date) -> Option<(i32, u32)> {
    let thursday = add_days(d, 4 - weekday(d) as i64)?;
    let jan1 = Date::new(thursday.year(), 1, 1)?;
    let week = (day_number(thursday) - day_number(jan1)) / 7 + 1;
    Some((thursday.year(), week as u32))
}

fn last_of_month(y: i32, m: u32) -> Option<Date> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    add_days(Date::new(ny, nm, 1)?, -1)
}

/// Shifts month `m` of year `y` by `n` months.
fn shift_month(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The year for a month (and day) without one, by the rule in the module docs.
fn year_for(pub_: Date, m: u32, d: Option<u32>, hint: TenseHint) -> i32 {
    let y = pub_.year();
    let key = |m: u32, d: u32| m * 40 + d;
    let target = key(
        m,
        d.unwrap_or(if m == pub_.month() { pub_.day() } else { 1 }),
    );
    let now = key(pub_.month(), pub_.day());
    match hint {
        TenseHint::Past if target > now => y - 1,
        TenseHint::Future if target < now => y + 1,
        TenseHint::Past | TenseHint::Future => y,
        _ => {
            let diff = m as i32 - pub_.month() as i32;
            if diff > 6 {
                y - 1
            } else if diff < -6 {
                y + 1
            } else {
                y
            }
        }
    }
}

fn day_value(d: Date) -> (Option<String>, Granularity, Option<Date>, Option<Date>) {
    (Some(d.to_string()), Granularity::Day, Some(d), Some(d))
}

fn resolve(
    s: &Sent<'_>,
    tokens: Range<usize>,
    spec: Spec,
    part: Option<Part>,
    published: Option<Date>,
    hint: TenseHint,
) -> TimeExpr {
    let relative = !matches!(
        spec,
        Spec::Date { y: Some(_), .. } | Spec::Month { y: Some(_), .. } | Spec::Year(_)
    );
    let none = |g| (None, g, None, None);
    let (value, granularity, first, last) = match (spec, published) {
        (Spec::Year(y), _) => match (Date::new(y, 1, 1), Date::new(y, 12, 31)) {
            (Some(a), Some(b)) => (Some(format!("{y:04}")), Granularity::Year, Some(a), Some(b)),
            _ => none(Granularity::Year),
        },
        (Spec::Date { y: Some(y), m, d }, _) => match Date::new(y, m, d) {
            Some(x) => day_value(x),
            None => none(Granularity::Day),
        },
        (Spec::Month { y: Some(y), m, .. }, _) => month_value(y, m),
        (Spec::Date { d, .. }, None) => {
            let _ = d;
            none(Granularity::Day)
        }
        (Spec::Month { .. }, None) => none(Granularity::Month),
        (Spec::DayRel(_) | Spec::Weekday { .. }, None) => none(Granularity::Day),
        (Spec::RelPeriod { period, .. }, None) => none(period_granularity(period)),
        (Spec::Date { y: None, m, d }, Some(p)) => {
            // `last August 21` / `next August 21`: the modifier decides, not the tense
            let hint = match s.lc(tokens.start) {
                "last" => TenseHint::Past,
                "next" => TenseHint::Future,
                _ => hint,
            };
            match Date::new(year_for(p, m, Some(d), hint), m, d) {
                Some(x) => day_value(x),
                None => none(Granularity::Day),
            }
        }
        (Spec::Month { y: None, m, rel }, Some(p)) => {
            let y = match rel {
                Some(r) if r < 0 => {
                    if m < p.month() {
                        p.year()
                    } else {
                        p.year() - 1
                    }
                }
                Some(r) if r > 0 => {
                    if m > p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    }
                }
                Some(_) => p.year(),
                None => year_for(p, m, None, hint),
            };
            month_value(y, m)
        }
        (Spec::DayRel(n), Some(p)) => match add_days(p, n as i64) {
            Some(x) => day_value(x),
            None => none(Granularity::Day),
        },
        (Spec::Weekday { wd, rel }, Some(p)) => match add_days(p, weekday_offset(p, wd, rel, hint))
        {
            Some(x) => day_value(x),
            None => none(Granularity::Day),
        },
        (Spec::RelPeriod { period, rel }, Some(p)) => period_value(p, period, rel, hint),
    };
    TimeExpr {
        span: s.span(tokens.clone()),
        tokens,
        value,
        granularity,
        part,
        first,
        last,
        relative,
    }
}

fn period_granularity(p: Period) -> Granularity {
    match p {
        Period::Week => Granularity::Week,
        Period::Month => Granularity::Month,
        Period::Year | Period::Other => Granularity::Year,
        Period::Weekend => Granularity::Day,
    }
}

fn month_value(y: i32, m: u32) -> (Option<String>, Granularity, Option<Date>, Option<Date>) {
    match (Date::new(y, m, 1), last_of_month(y, m)) {
        (Some(a), Some(b)) => (
            Some(format!("{y:04}-{m:02}")),
            Granularity::Month,
            Some(a),
            Some(b),
        ),
        _ => (None, Granularity::Month, None, None),
    }
}

/// Days from the publication date to the weekday meant.
fn weekday_offset(p: Date, wd: u32, rel: Option<i32>, hint: TenseHint) -> i64 {
    let today = weekday(p) as i64;
    let fwd = (wd as i64 - today).rem_euclid(7); // 0..6
    let back = (today - wd as i64).rem_euclid(7);
    match rel {
        Some(r) if r < 0 => -(if back == 0 { 7 } else { back }),
        Some(r) if r > 0 => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Some(_) => wd as i64 - today, // this week's
        None => match hint {
            TenseHint::Past => -back,
            TenseHint::Future => fwd,
            _ => {
                if fwd <= 3 {
                    fwd
                } else {
                    fwd - 7
                }
            }
        },
    }
}

fn period_value(
    p: Date,
    period: Period,
    rel: Option<i32>,
    hint: TenseHint,
) -> (Option<String>, Granularity, Option<Date>, Option<Date>) {
    let r = rel.unwrap_or(0) as i64;
    match period {
        Period::Week => {
            let Some(monday) = add_days(p, 7 * r - (weekday(p) as i64 - 1)) else {
                return (None, Granularity::Week, None, None);
            };
            match (iso_week(monday), add_days(monday, 6)) {
                (Some((y, w)), Some(sunday)) => (
                    Some(format!("{y:04}-W{w:02}")),
                    Granularity::Week,
                    Some(monday),
                    Some(sunday),
                ),
                _ => (None, Granularity::Week, None, None),
            }
        }
        Period::Weekend => {
            let off = match rel {
                Some(_) => 7 * r + (6 - weekday(p) as i64),
                None => weekday_offset(p, 6, None, hint),
            };
            match add_days(p, off) {
                Some(sat) => (
                    Some(sat.to_string()),
                    Granularity::Day,
                    Some(sat),
                    add_days(sat, 1),
                ),
                None => (None, Granularity::Day, None, None),
            }
        }
        Period::Month => {
            let (y, m) = shift_month(p.year(), p.month(), r as i32);
            month_value(y, m)
        }
        Period::Year | Period::Other => {
            let y = p.year() + r as i32;
            match (Date::new(y, 1, 1), Date::new(y, 12, 31)) {
                (Some(a), Some(b)) => {
                    (Some(format!("{y:04}")), Granularity::Year, Some(a), Some(b))
                }
                _ => (None, Granularity::Year, None, None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(weekday(d("2022-02-02")), 3); // a Wednesday
        assert_eq!(weekday(d("1970-01-01")), 4);
        assert_eq!(add_days(d("2020-02-28"), 1), Some(d("2020-02-29")));
        assert_eq!(add_days(d("2022-12-31"), 1), Some(d("2023-01-01")));
        assert_eq!(iso_week(d("2022-02-02")), Some((2022, 5)));
        assert_eq!(iso_week(d("2021-01-03")), Some((2020, 53)));
        assert_eq!(iso_week(d("2024-12-30")), Some((2025, 1)));
        assert_eq!(shift_month(2022, 1, -1), (2021, 12));
        assert_eq!(shift_month(2022, 12, 1), (2023, 1));
        assert_eq!(last_of_month(2024, 2), Some(d("2024-02-29")));
        // Every day of 400 years round-trips.
        let start = day_number(d("1900-01-01"));
        for n in start..start + 146_097 {
            let x = civil_from_days(n).unwrap();
            assert_eq!(day_number(x), n);
        }
        assert_eq!(add_days(d("0001-01-01"), -1), None);
    }

    #[test]
    fn weekday_rules() {
        let wed = d("2022-02-02");
        // Friday: past → 2022-01-28, future → 2022-02-04, nearest → 2022-02-04.
        assert_eq!(weekday_offset(wed, 5, None, TenseHint::Past), -5);
        assert_eq!(weekday_offset(wed, 5, None, TenseHint::Future), 2);
        assert_eq!(weekday_offset(wed, 5, None, TenseHint::Unknown), 2);
        // Monday nearest: two days back.
        assert_eq!(weekday_offset(wed, 1, None, TenseHint::Unknown), -2);
        // The same weekday: today, unless `last`/`next`.
        assert_eq!(weekday_offset(wed, 3, None, TenseHint::Past), 0);
        assert_eq!(weekday_offset(wed, 3, Some(-1), TenseHint::Past), -7);
        assert_eq!(weekday_offset(wed, 3, Some(1), TenseHint::Past), 7);
        assert_eq!(weekday_offset(wed, 7, Some(0), TenseHint::Past), 4);
    }
}
