//! Numbers written in digits (German `2.000`, `1,5`; English `2,000`, `1.5`) and German
//! number words written as one word (`zweihundertfünfzig`, `einundzwanzig`).

use crate::lexicon::{LangLex, NumWord};
use sitrep_core::Language;

/// The value of a digit token, by the language's convention: German groups thousands with
/// `.` and writes decimals with `,`; English the other way round. A separator counts as a
/// thousands separator only when every group after it has three digits (`2.000`,
/// `1.250.000`); otherwise the other separator is the decimal one (`1,5` in German). A
/// German `1.5` (single group, not three digits) is read as 1.5; an English `2,5` as
/// nothing. Trailing periods (German ordinals), signs and other characters: `None`.
pub(crate) fn parse_digits(s: &str, lang: Language) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    if !b
        .iter()
        .all(|c| c.is_ascii_digit() || *c == b'.' || *c == b',')
    {
        return None;
    }
    let (thou, dec) = match lang {
        Language::De => (b'.', b','),
        Language::En => (b',', b'.'),
    };
    let mut int_part = s;
    let mut frac_part = "";
    if let Some(p) = s.bytes().position(|c| c == dec) {
        int_part = &s[..p];
        frac_part = &s[p + 1..];
        if frac_part.bytes().any(|c| !c.is_ascii_digit()) || frac_part.is_empty() {
            return None;
        }
    }
    let groups: Vec<&str> = int_part.split(thou as char).collect();
    let grouped = groups.len() > 1;
    if grouped {
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            // German `1.5`: a decimal point after all, when nothing else is in the way.
            if lang == Language::De && groups.len() == 2 && frac_part.is_empty() {
                return format!("{}.{}", groups[0], groups[1]).parse().ok();
            }
            return None;
        }
    }
    let mut digits = String::with_capacity(s.len());
    for g in &groups {
        if g.bytes().any(|c| !c.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    if !frac_part.is_empty() {
        digits.push('.');
        digits.push_str(frac_part);
    }
    // Cap the length so that absurd digit strings give no infinities.
    if digits.len() > 18 {
        return None;
    }
    digits.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A German number written as one word from the lexicon's cardinals and multipliers
/// (`einundzwanzig` 21, `zweihundertfünfzig` 250, `dreitausend` 3000), parsed by longest
/// match of its parts: `ein`, the cardinals, `und`, `hundert`, `tausend`. A word that
/// does not split completely into two or more such parts is no number.
pub(crate) fn parse_de_compound(w: &str, lex: &LangLex) -> Option<f64> {
    if w.len() < 6 || w.len() > 60 {
        return None;
    }
    // Cheap filter first: almost every word fails it.
    const ENDS: [&str; 17] = [
        "zig", "ßig", "ssig", "hundert", "tausend", "zehn", "elf", "zwölf", "eins", "zwei", "drei",
        "vier", "fünf", "sechs", "sieben", "acht", "neun",
    ];
    if !ENDS.iter().any(|e| w.ends_with(e)) {
        return None;
    }
    let mut parts: Vec<f64> = Vec::new(); // values; 0.0 marks `und`
    let mut rest = w;
    while !rest.is_empty() {
        // Longest prefix that is a part.
        let mut best: Option<(usize, f64)> = None;
        for (end, _) in rest.char_indices().skip(1).chain([(rest.len(), ' ')]) {
            if end > 10 {
                break; // no part is longer (`dreißig` is 8 bytes, `siebzehn` 8)
            }
            let p = &rest[..end];
            let v = match p {
                "ein" => Some(1.0),
                "und" => Some(0.0),
                _ => match lex.numbers.get(p) {
                    Some(NumWord::Card(v)) => Some(*v),
                    Some(NumWord::Mult(v)) if *v == 100.0 || *v == 1000.0 => Some(*v),
                    _ => None,
                },
            };
            if let Some(v) = v {
                best = Some((end, v));
            }
        }
        let (end, v) = best?;
        parts.push(v);
        rest = &rest[end..];
    }
    if parts.len() < 2 || parts[0] == 0.0 || parts[parts.len() - 1] == 0.0 {
        return None;
    }
    let (mut total, mut cur) = (0.0, 0.0);
    let mut prev_und = false;
    for &v in &parts {
        if v == 0.0 {
            // `und` joins units and tens only: `einundzwanzig`.
            if prev_und || !(1.0..10.0).contains(&cur_units(cur)) {
                return None;
            }
            prev_und = true;
            continue;
        }
        if v == 100.0 {
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
        } else if v == 1000.0 {
            total += if cur == 0.0 { 1000.0 } else { cur * 1000.0 };
            cur = 0.0;
        } else {
            if prev_und && !(20.0..100.0).contains(&v) {
                return None;
            }
            cur += v;
        }
        prev_und = false;
    }
    Some(total + cur)
}

fn cur_units(cur: f64) -> f64 {
    cur % 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Attrs;

    #[test]
    fn digits_by_language() {
        let de = Language::De;
        let en = Language::En;
        for (s, l, v) in [
            ("2.000", de, Some(2000.0)),
            ("1.250.000", de, Some(1_250_000.0)),
            ("1,5", de, Some(1.5)),
            ("2.000,75", de, Some(2000.75)),
            ("1.5", de, Some(1.5)),
            ("30", de, Some(30.0)),
            ("2,000", en, Some(2000.0)),
            ("1.5", en, Some(1.5)),
            ("1,250,000.5", en, Some(1_250_000.5)),
            ("2,5", en, None),
            ("21.", de, None),
            ("3/4", en, None),
            ("1.2.3", de, None),
            ("99999999999999999999999", en, None),
            ("", en, None),
        ] {
            assert_eq!(parse_digits(s, l), v, "{s} {l}");
        }
    }

    #[test]
    fn german_compound_number_words() {
        let a = Attrs::new().unwrap();
        let lex = a.lex(Language::De);
        for (w, v) in [
            ("einundzwanzig", Some(21.0)),
            ("zweihundertfünfzig", Some(250.0)),
            ("dreitausend", Some(3000.0)),
            ("zweitausendfünfhundert", Some(2500.0)),
            ("einhundert", Some(100.0)),
            ("siebzehn", None), // a plain cardinal: looked up directly, not here
            ("achtundneunzig", Some(98.0)),
            ("undzwanzig", None),
            ("zweiund", None),
            ("einundein", None),
            ("dreier", None),
            ("einheit", None),
        ] {
            assert_eq!(parse_de_compound(w, lex), v, "{w}");
        }
    }
}
