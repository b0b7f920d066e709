//! `cargo xtask kb-first-names`: given names with the languages that list them, from the
//! npm package `gender-detection-from-name` (MIT).
//!
//! Output: `data/kb/first-names.generated.tsv` with the columns `name` (capitalised as a
//! name is written: `jean-pierre` → `Jean-Pierre`), `langs` (`|`-separated ISO 639-1 codes
//! of the package's lists that hold it: de, en, es, fr, it, tr) and `gender` (`m`, `f`, or
//! `mf` when the lists disagree or say unisex). The package's lists are lower case, one
//! `['name', 'male']` pair a line, in `names/<lang>.js`.
//!
//! Needs `npm` and `tar`. The output is byte-identical from run to run for a pinned version.

use anyhow::{bail, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const PACKAGE: &str = "gender-detection-from-name";
const VERSION: &str = "1.11.5";
const LICENCE: &str = "MIT";
const LANGS: &[&str] = &["de", "en", "es", "fr", "it", "tr"];

pub fn run() -> Result<()> {
    crate::with_scratch("kb-first-names", |tmp, root| {
        generate(tmp, &root.join("data/kb/first-names.generated.tsv"))
    })
}

/// `jean-pierre` → `Jean-Pierre`; `None` for anything but letters, one hyphen or apostrophe
/// between them.
fn capitalise(name: &str) -> Option<String> {
    let ok = name.chars().count() >= 2
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && name.chars().next().is_some_and(char::is_alphabetic)
        && name.chars().last().is_some_and(char::is_alphabetic);
    if !ok {
        return None;
    }
    let mut out = String::new();
    let mut up = true;
    for c in name.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == '-';
    }
    Some(out)
}

/// The `['name', 'gender']` pairs of one list file.
fn pairs(js: &str) -> Vec<(&str, &str)> {
    js.lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("['")?;
            let (name, rest) = l.split_once("', '")?;
            let (gender, _) = rest.split_once('\'')?;
            Some((name, gender))
        })
        .collect()
}

fn generate(tmp: &Path, out: &Path) -> Result<()> {
    let packed = crate::npm::pack(tmp, PACKAGE, VERSION)?;
    let pkg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(packed.dir.join("package.json"))?)?;
    if pkg["license"].as_str() != Some(LICENCE) {
        bail!(
            "{PACKAGE}@{VERSION}: licence is {}, expected {LICENCE}",
            pkg["license"]
        );
    }
    // name → (langs, genders)
    let mut names: BTreeMap<String, (Vec<&str>, String)> = BTreeMap::new();
    for lang in LANGS {
        let js = std::fs::read_to_string(packed.dir.join(format!("names/{lang}.js")))?;
        let list = pairs(&js);
        if list.len() < 100 {
            bail!(
                "names/{lang}.js: only {} names; has the format changed?",
                list.len()
            );
        }
        for (raw, gender) in list {
            let Some(name) = capitalise(raw) else {
                continue;
            };
            let g = match gender {
                "male" => "m",
                "female" => "f",
                _ => "mf",
            };
            let e = names
                .entry(name)
                .or_insert_with(|| (Vec::new(), String::new()));
            if !e.0.contains(lang) {
                e.0.push(lang);
            }
            e.1 = match (e.1.as_str(), g) {
                ("", g) => g.to_string(),
                (a, b) if a == b => a.to_string(),
                _ => "mf".to_string(),
            };
        }
    }
    let mut text = format!(
        "# Given names with the languages whose lists hold them.\n\
         # GENERATED, do not edit: regenerate with `cargo xtask kb-first-names`\n\
         # (xtask/src/kb_first_names.rs).\n\
         # source: npm {PACKAGE}@{VERSION} (integrity {}), files names/{{{}}}.js;\n\
         #   licence: {LICENCE} (Copyright (c) 2019 Davide Violante; this file holds facts\n\
         #   (names, languages, genders) taken from it).\n\
         # columns: name, langs (|-separated), gender (m, f, mf).\n\
         name\tlangs\tgender\n",
        packed.integrity,
        LANGS.join(",")
    );
    for (name, (langs, g)) in &names {
        writeln!(text, "{name}\t{}\t{g}", langs.join("|"))?;
    }
    std::fs::write(out, &text)?;
    eprintln!("wrote {}: {} names", out.display(), names.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_capitalised_and_pairs_read() {
        assert_eq!(capitalise("jean-pierre").as_deref(), Some("Jean-Pierre"));
        assert_eq!(capitalise("özlem").as_deref(), Some("Özlem"));
        assert_eq!(capitalise("a"), None);
        assert_eq!(capitalise("x.y"), None);
        assert_eq!(
            pairs("  ['anna', 'female'],\n  ['kim', 'unisex'],\n"),
            vec![("anna", "female"), ("kim", "unisex")]
        );
    }
}
