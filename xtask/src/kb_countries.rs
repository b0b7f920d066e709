//! `cargo xtask kb-countries`: the base names of every ISO 3166-1 entry, in English and
//! German, from the npm package `i18n-iso-countries` (MIT licence).
//!
//! Output: `data/kb/states.generated.tsv` with the columns `alpha3`, `alpha2`, `numeric`,
//! `en`, `de` (`|`-separated name lists, the package's preferred name first) and a header
//! naming package, version, integrity hash, licence and this command. The output is
//! byte-identical from run to run for a pinned version.
//!
//! Clean-up of the package's names (their lists are written for forms and menus, not for
//! running text):
//!
//! * index forms `X, Y` are turned round into `Y X` (`Korea, Republic of` → `Republic of
//!   Korea`, `Syrien, Arabische Republik` → `Arabische Republik Syrien`, `Virgin Islands,
//!   British` → `British Virgin Islands`); two names are not index forms and are kept or
//!   dropped as listed in [`COMMA_NAMES`];
//! * a parenthesised addition is cut out (`Holy See (Vatican City State)` → `Holy See`,
//!   `Cocos (Keeling) Islands` → `Cocos Islands`); hand-written variants live in
//!   `data/kb/states.tsv`;
//! * duplicates within one language are dropped, keeping the first.
//!
//! Needs `npm` and `tar`.

use anyhow::{bail, Context, Result};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const PACKAGE: &str = "i18n-iso-countries";
const VERSION: &str = "7.14.0";
const LICENCE: &str = "MIT";

/// Names with a comma that are not index forms: `(name, keep?)`.
const COMMA_NAMES: &[(&str, bool)] = &[
    // a list of three islands, not an inversion
    ("Bonaire, Sint Eustatius and Saba", true),
    // turned round it reads "Province of China Taiwan"; `Taiwan` is in the same list
    ("Taiwan, Province of China", false),
];

pub fn run() -> Result<()> {
    crate::with_scratch("kb-countries", |tmp, root| {
        generate(tmp, &root.join("data/kb/states.generated.tsv"))
    })
}

fn generate(tmp: &Path, out: &Path) -> Result<()> {
    let spec = format!("{PACKAGE}@{VERSION}");
    let packed = crate::npm::pack(tmp, PACKAGE, VERSION)?;
    let integrity = packed.integrity;
    let pkg = packed.dir;
    let licence: Value = serde_json::from_slice(&std::fs::read(pkg.join("package.json"))?)?;
    if licence["license"].as_str() != Some(LICENCE) {
        bail!(
            "{spec}: licence is {}, expected {LICENCE}",
            licence["license"]
        );
    }
    let read = |f: &str| -> Result<Value> {
        serde_json::from_slice(&std::fs::read(pkg.join(f))?).with_context(|| format!("parsing {f}"))
    };
    let codes = read("codes.json")?;
    let en = read("langs/en.json")?;
    let de = read("langs/de.json")?;

    // alpha-3 → (alpha-2, numeric), sorted by alpha-3
    let mut rows: BTreeMap<String, (String, String)> = BTreeMap::new();
    for c in codes.as_array().context("codes.json is not a list")? {
        let f = |i: usize| c.get(i).and_then(Value::as_str).map(str::to_string);
        let (Some(a2), Some(a3), Some(num)) = (f(0), f(1), f(2)) else {
            bail!("codes.json: bad entry {c}");
        };
        if rows.insert(a3.clone(), (a2, num)).is_some() {
            bail!("codes.json: {a3} twice");
        }
    }

    let mut text = format!(
        "# ISO 3166-1 states and territories: codes and base names in English and German.\n\
         # GENERATED, do not edit: regenerate with `cargo xtask kb-countries`\n\
         # (xtask/src/kb_countries.rs documents the clean-up of the names).\n\
         # source: npm {PACKAGE}@{VERSION} (integrity {integrity}), files codes.json,\n\
         #   langs/en.json, langs/de.json; licence: {LICENCE} (Copyright (c) 2016 widdix GmbH;\n\
         #   the MIT licence asks that its notice travel with copies of the package; this\n\
         #   file holds facts (codes and names) taken from it).\n\
         # columns: alpha3, alpha2, numeric (ISO 3166-1), en and de (`|`-separated names,\n\
         #   the package's preferred name first). Everything else about a state is written\n\
         #   by hand in data/kb/states.tsv and data/kb/states-organs.tsv.\n\
         alpha3\talpha2\tnumeric\ten\tde\n"
    );
    let mut counts = [0usize; 2];
    for (a3, (a2, num)) in &rows {
        let mut cols = Vec::new();
        for (i, lang) in [&en, &de].into_iter().enumerate() {
            let names = names(&lang["countries"][a2.as_str()])
                .with_context(|| format!("{a3} ({a2}): no names"))?;
            counts[i] += names.len();
            cols.push(names.join("|"));
        }
        writeln!(text, "{a3}\t{a2}\t{num}\t{}\t{}", cols[0], cols[1])?;
    }
    std::fs::write(out, &text)?;
    eprintln!(
        "wrote {}: {} entries, {} English and {} German names",
        out.display(),
        rows.len(),
        counts[0],
        counts[1]
    );
    Ok(())
}

/// The cleaned, de-duplicated names of one entry (a string or a list in the package).
fn names(v: &Value) -> Result<Vec<String>> {
    let raw: Vec<&str> = match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => bail!("not a name or a list of names"),
    };
    let mut out: Vec<String> = Vec::new();
    for name in raw {
        let Some(name) = clean(name) else { continue };
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    if out.is_empty() {
        bail!("no usable names");
    }
    Ok(out)
}

fn clean(name: &str) -> Option<String> {
    if let Some((_, keep)) = COMMA_NAMES.iter().find(|(n, _)| *n == name) {
        return keep.then(|| name.to_string());
    }
    // `Cocos (Keeling) Islands` → `Cocos Islands`; `Holy See (Vatican City State)` → `Holy See`
    let name = match (name.find(" ("), name.find(')')) {
        (Some(i), Some(j)) if j > i => format!("{}{}", &name[..i], &name[j + 1..]),
        _ => name.to_string(),
    };
    let name = match name.split_once(", ") {
        Some((head, designation)) => format!("{designation} {head}"),
        None => name.to_string(),
    };
    Some(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn names_are_cleaned_for_running_text() {
        assert_eq!(
            clean("Korea, Republic of").as_deref(),
            Some("Republic of Korea")
        );
        assert_eq!(
            clean("Syrien, Arabische Republik").as_deref(),
            Some("Arabische Republik Syrien")
        );
        assert_eq!(
            clean("Virgin Islands, British").as_deref(),
            Some("British Virgin Islands")
        );
        assert_eq!(
            clean("Holy See (Vatican City State)").as_deref(),
            Some("Holy See")
        );
        assert_eq!(
            clean("Cocos (Keeling) Islands").as_deref(),
            Some("Cocos Islands")
        );
        assert_eq!(clean("Taiwan, Province of China"), None);
        assert_eq!(
            clean("Bonaire, Sint Eustatius and Saba").as_deref(),
            Some("Bonaire, Sint Eustatius and Saba")
        );
        assert_eq!(clean("Deutschland").as_deref(), Some("Deutschland"));
    }
}
