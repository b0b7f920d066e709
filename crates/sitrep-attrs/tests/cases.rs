//! Behaviour cases as data: `testdata/attrs/{quantities,dates,quotes,sources}.tsv`, run
//! through the real segmenter, tagger and entity recogniser.
//!
//! Each row is `lang<TAB>[published<TAB>hint<TAB>]text<TAB>expected`, where `expected`
//! lists the items found in text order as `words=details`, separated by ` ; `, or `-` for
//! none. Details: quantities `value/bound/unit` (a range `10..20`, no value `-`); dates
//! `value/granularity[/part]`; quotes `kind/speaker` (the speaker's mention, `pron:er`, or
//! `-`); sources `kind` after the source's words (`-` for unnamed media's words or a
//! kind-less noun phrase; `anaphor` for a phrase that points back, `demnach`).
//! `SITREP_ATTRS_SHOW=1` prints what every row gives.

mod common;

use common::*;
use sitrep_attrs::TenseHint;
use sitrep_core::{Date, Language};

const QUANTITIES: &str = include_str!("../../../testdata/attrs/quantities.tsv");
const DATES: &str = include_str!("../../../testdata/attrs/dates.tsv");
const QUOTES: &str = include_str!("../../../testdata/attrs/quotes.tsv");
const SOURCES: &str = include_str!("../../../testdata/attrs/sources.tsv");

fn rows(src: &str, cols: usize) -> Vec<(usize, Vec<&str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                f.len(),
                cols,
                "line {}: {} columns, expected {cols}: {l}",
                i + 1,
                f.len()
            );
            (i + 1, f)
        })
        .collect()
}

fn expected(s: &str) -> Vec<String> {
    if s == "-" {
        return Vec::new();
    }
    s.split(" ; ").map(|x| x.trim().to_string()).collect()
}

fn lang(s: &str) -> Language {
    s.parse().unwrap()
}

/// Runs every row, prints the failures, and fails when any row does.
/// One row's outcome: line, text, expected, got, the tokens and mentions for debugging.
type Outcome = (usize, String, Vec<String>, Vec<String>, String);

fn check(file: &str, results: Vec<Outcome>) {
    let show = std::env::var_os("SITREP_ATTRS_SHOW").is_some();
    let mut bad = 0;
    let n = results.len();
    for (line, text, want, got, dump) in results {
        if show {
            println!(
                "{file}:{line}\t{text}\t{}",
                if got.is_empty() {
                    "-".into()
                } else {
                    got.join(" ; ")
                }
            );
        }
        if want != got {
            bad += 1;
            eprintln!(
                "{file}:{line}: {text}\n  want: {}\n  got:  {}\n  {dump}\n",
                want.join(" ; "),
                got.join(" ; ")
            );
        }
    }
    assert_eq!(bad, 0, "{bad} of {n} cases in {file} fail (see above)");
    assert!(n >= 20, "{file}: only {n} cases");
}

#[test]
fn quantity_cases() {
    let res = rows(QUANTITIES, 3)
        .into_iter()
        .map(|(line, f)| {
            let d = analyse(lang(f[0]), f[1], None);
            (
                line,
                f[1].to_string(),
                expected(f[2]),
                render_quantities(&d),
                dump(&d),
            )
        })
        .collect();
    check("quantities.tsv", res);
}

fn hint(s: &str) -> Option<TenseHint> {
    Some(match s {
        "past" => TenseHint::Past,
        "future" => TenseHint::Future,
        "present" => TenseHint::Present,
        "unknown" => TenseHint::Unknown,
        "auto" => return None,
        _ => panic!("bad hint {s}"),
    })
}

#[test]
fn date_cases() {
    let res = rows(DATES, 5)
        .into_iter()
        .map(|(line, f)| {
            let published: Option<Date> = (f[1] != "-").then(|| f[1].parse().unwrap());
            let d = analyse(lang(f[0]), f[3], published);
            let h = hint(f[2]).unwrap_or_else(|| TenseHint::of(&d.sent()));
            (
                line,
                f[3].to_string(),
                expected(f[4]),
                render_dates(&d, published, h),
                dump(&d),
            )
        })
        .collect();
    check("dates.tsv", res);
}

#[test]
fn quote_cases() {
    let res = rows(QUOTES, 3)
        .into_iter()
        .map(|(line, f)| {
            let d = analyse(lang(f[0]), f[1], None);
            (
                line,
                f[1].to_string(),
                expected(f[2]),
                render_quotes(&d),
                dump(&d),
            )
        })
        .collect();
    check("quotes.tsv", res);
}

#[test]
fn source_cases() {
    let res = rows(SOURCES, 3)
        .into_iter()
        .map(|(line, f)| {
            let d = analyse(lang(f[0]), f[1], None);
            (
                line,
                f[1].to_string(),
                expected(f[2]),
                render_sources(&d),
                dump(&d),
            )
        })
        .collect();
    check("sources.tsv", res);
}
