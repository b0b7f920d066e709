//! Word classes that event rules test by lemma (`data/events/word-classes.tsv`): nouns of
//! territory, acts of force done to a territory, counted people, event packaging, accidents,
//! the press, words that refer back to a company, adjectives of attitude, the motives and
//! collective forms that make violence political, force a private person can use, and verbs
//! whose `dass` clause is a text's content. The words are data; the rule that reads
//! each class stays in code, named in the file's header.

use sitrep_core::fnv::FnvSet;
use sitrep_core::lower::with_lower;
use sitrep_core::Language;

const SHIPPED: &str = include_str!("../../../data/events/word-classes.tsv");

/// The format this reader understands (the file's `# format N` line).
const FORMAT: u32 = 1;

/// The classes of the file, a closed set: a row with any other name is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    Territory,
    TerritorialAct,
    People,
    Package,
    Accident,
    Press,
    CompanyRef,
    Attitude,
    ViolenceMotive,
    CollectiveViolence,
    Restraint,
    Provision,
    ArmedAct,
    Measure,
    MeasureAct,
    Untruth,
    Claim,
    State,
    RatingVerb,
}

impl WordClass {
    const ALL: [WordClass; 19] = [
        WordClass::Territory,
        WordClass::TerritorialAct,
        WordClass::People,
        WordClass::Package,
        WordClass::Accident,
        WordClass::Press,
        WordClass::CompanyRef,
        WordClass::Attitude,
        WordClass::ViolenceMotive,
        WordClass::CollectiveViolence,
        WordClass::Restraint,
        WordClass::Provision,
        WordClass::ArmedAct,
        WordClass::Measure,
        WordClass::MeasureAct,
        WordClass::Untruth,
        WordClass::Claim,
        WordClass::State,
        WordClass::RatingVerb,
    ];

    fn name(self) -> &'static str {
        match self {
            WordClass::Territory => "territory",
            WordClass::TerritorialAct => "territorial-act",
            WordClass::People => "people",
            WordClass::Package => "package",
            WordClass::Accident => "accident",
            WordClass::Press => "press",
            WordClass::CompanyRef => "company-ref",
            WordClass::Attitude => "attitude",
            WordClass::ViolenceMotive => "violence-motive",
            WordClass::CollectiveViolence => "collective-violence",
            WordClass::Restraint => "restraint",
            WordClass::Provision => "provision",
            WordClass::ArmedAct => "armed-act",
            WordClass::Measure => "measure",
            WordClass::MeasureAct => "measure-act",
            WordClass::Untruth => "untruth",
            WordClass::Claim => "claim",
            WordClass::State => "state",
            WordClass::RatingVerb => "rating-verb",
        }
    }
}

/// Lower-case lemmas per class and language.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordClasses {
    sets: [[FnvSet<String>; 2]; WordClass::ALL.len()],
    /// The byte length of each set's longest lemma: no longer part of a word is looked up.
    longest: [[usize; 2]; WordClass::ALL.len()],
}

impl WordClasses {
    /// Parses the file: a `# format N` line, comments, a header, then `class<TAB>lang<TAB>
    /// lemma` rows; an error names the line.
    pub(crate) fn parse(src: &str) -> Result<WordClasses, String> {
        let mut out = WordClasses::default();
        let mut format = None;
        let mut header = false;
        for (i, line) in src.lines().enumerate() {
            let bad = |why: &str| format!("word-classes.tsv:{}: {why}", i + 1);
            if let Some(v) = line.strip_prefix("# format ") {
                let v: u32 = v
                    .trim()
                    .parse()
                    .map_err(|_| bad("unreadable format line"))?;
                if v != FORMAT {
                    return Err(bad(&format!("format {v}, this reader knows {FORMAT}")));
                }
                format = Some(v);
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if format.is_none() {
                return Err(bad("the file must start with a `# format N` line"));
            }
            if !header {
                header = true;
                continue;
            }
            let mut f = line.split('\t');
            let (Some(class), Some(lang), Some(lemma), None) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                return Err(bad("expected three columns: class, lang, lemma"));
            };
            let class = WordClass::ALL
                .into_iter()
                .find(|c| c.name() == class)
                .ok_or_else(|| bad(&format!("unknown class `{class}`")))?;
            let lang: Language = lang.parse().map_err(|_| bad("unknown language"))?;
            if lemma.is_empty() || lemma != lemma.to_lowercase() {
                return Err(bad("lemmas are written in lower case"));
            }
            out.sets[class as usize][lang as usize].insert(lemma.to_string());
            let longest = &mut out.longest[class as usize][lang as usize];
            *longest = (*longest).max(lemma.len());
        }
        Ok(out)
    }

    pub(crate) fn shipped() -> WordClasses {
        Self::parse(SHIPPED).unwrap_or_else(|e| panic!("shipped word classes: {e}"))
    }

    /// Whether `lemma` (any case) is of `class` in `lang`.
    pub(crate) fn has(&self, class: WordClass, lang: Language, lemma: &str) -> bool {
        let set = &self.sets[class as usize][lang as usize];
        if lemma.chars().any(char::is_uppercase) {
            with_lower(lemma, |l| set.contains(l))
        } else {
            set.contains(lemma)
        }
    }

    /// Whether a counted noun names people: its lower-cased end is a `people` row longer
    /// than four letters (German compounds: `EU-Parlamentarier`), or it is a shorter row
    /// whole (`Rahmen` ends in `men`).
    pub(crate) fn counts_people(&self, lang: Language, unit: &str) -> bool {
        self.ends_in(WordClass::People, lang, unit)
    }

    /// Whether `word` (any case) is of `class` or ends in a row of it longer than four
    /// letters (German compounds: `Arbeitsunfall` ends in `unfall`).
    pub(crate) fn ends_in(&self, class: WordClass, lang: Language, word: &str) -> bool {
        let set = &self.sets[class as usize][lang as usize];
        let longest = self.longest[class as usize][lang as usize];
        with_lower(word, |u| {
            if set.contains(u) {
                return true;
            }
            // The word's own proper suffixes of five letters or more, looked up in the set:
            // a handful of hash lookups instead of a scan of every row of the class (those
            // longer than the longest row are not hashed).
            let letters = u.chars().count();
            u.char_indices()
                .skip(1)
                .take(letters.saturating_sub(5))
                .any(|(i, _)| u.len() - i <= longest && set.contains(&u[i..]))
        })
    }

    /// Whether `word` (any case) is of `class`, ends in a row of it longer than four
    /// letters, or begins with one (German compounds name a motive in either part:
    /// `Terroranschlag`, `Staatsterror`, `rechtsextremistisch`).
    pub(crate) fn in_compound(&self, class: WordClass, lang: Language, word: &str) -> bool {
        if self.ends_in(class, lang, word) {
            return true;
        }
        let set = &self.sets[class as usize][lang as usize];
        let longest = self.longest[class as usize][lang as usize];
        // the word's own proper prefixes of five letters or more, up to the longest row
        with_lower(word, |u| {
            u.char_indices()
                .skip(5)
                .take_while(|&(i, _)| i <= longest)
                .any(|(i, _)| set.contains(&u[..i]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_shipped_rows() {
        let w = WordClasses::shipped();
        for c in WordClass::ALL {
            assert!(
                Language::ALL
                    .iter()
                    .any(|&l| !w.sets[c as usize][l as usize].is_empty()),
                "class {} is empty",
                c.name()
            );
        }
        assert!(w.has(WordClass::Territory, Language::De, "Grenze"));
        assert!(w.has(WordClass::Territory, Language::En, "border"));
        assert!(!w.has(WordClass::Territory, Language::En, "grenze"));
        assert!(w.has(WordClass::TerritorialAct, Language::De, "Besetzung"));
        // a measure's compounds are measures; a word that only begins with one is not
        assert!(w.ends_in(WordClass::Measure, Language::De, "Asylgesetz"));
        assert!(w.ends_in(WordClass::Measure, Language::De, "Gesundheitsreform"));
        assert!(!w.ends_in(WordClass::Measure, Language::De, "Gesetzgeber"));
        assert!(w.has(WordClass::MeasureAct, Language::De, "ankündigen"));
    }

    #[test]
    fn people_match_compound_ends_but_short_rows_only_whole() {
        let w = WordClasses::shipped();
        assert!(w.counts_people(Language::De, "EU-Parlamentarier"));
        assert!(w.counts_people(Language::De, "Männer"));
        assert!(!w.counts_people(Language::En, "Rahmen"));
        assert!(w.counts_people(Language::En, "men"));
        assert!(!w.counts_people(Language::De, "Panzer"));
        assert!(w.ends_in(WordClass::Accident, Language::De, "Arbeitsunfall"));
        assert!(w.ends_in(WordClass::Accident, Language::De, "Blitzeinschlag"));
        assert!(!w.ends_in(WordClass::Accident, Language::De, "Anschlag"));
    }

    #[test]
    fn motives_match_either_part_of_a_compound() {
        let w = WordClasses::shipped();
        let motive = |word| w.in_compound(WordClass::ViolenceMotive, Language::De, word);
        assert!(motive("fremdenfeindlich"));
        assert!(motive("Terroranschlag"));
        assert!(motive("Staatsterror"));
        assert!(motive("rechtsextremistisch"));
        assert!(motive("Flüchtlingsheim"));
        assert!(!motive("Ex-Freundin"));
        // a row of four letters or fewer only whole, at either end
        assert!(w.in_compound(WordClass::CollectiveViolence, Language::De, "Mob"));
        assert!(!w.in_compound(WordClass::CollectiveViolence, Language::De, "Mobilität"));
        assert!(w.in_compound(
            WordClass::CollectiveViolence,
            Language::De,
            "Massenschlägerei"
        ));
        assert!(!w.in_compound(WordClass::CollectiveViolence, Language::De, "Schlägerei"));
    }

    /// `ends_in` looks the word's suffixes up; it must answer as the definition reads
    /// (a row of four letters or fewer whole, a longer one as the word's end).
    #[test]
    fn ends_in_agrees_with_a_scan_of_the_rows() {
        let w = WordClasses::shipped();
        let scan = |class: WordClass, lang: Language, word: &str| {
            let u = word.to_lowercase();
            w.sets[class as usize][lang as usize].iter().any(|p| {
                if p.chars().count() <= 4 {
                    u == *p
                } else {
                    u.ends_with(p.as_str())
                }
            })
        };
        let mut checked = 0;
        for class in WordClass::ALL {
            for lang in Language::ALL {
                let rows: Vec<String> = w.sets[class as usize][lang as usize]
                    .iter()
                    .cloned()
                    .collect();
                for row in &rows {
                    let tail: String = row.chars().skip(1).collect();
                    let cap: String = row
                        .chars()
                        .enumerate()
                        .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
                        .collect();
                    for word in [
                        row.clone(),
                        cap.clone(),
                        format!("Über{row}"),
                        format!("x{row}"),
                        tail,
                        format!("{row}s"),
                    ] {
                        assert_eq!(
                            w.ends_in(class, lang, &word),
                            scan(class, lang, &word),
                            "{} {lang:?} {word}",
                            class.name()
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn malformed_files_are_errors_with_their_line() {
        let ok = "# format 1\nclass\tlang\tlemma\n";
        let e = WordClasses::parse(&format!("{ok}territory\tde\tGrenze\n")).unwrap_err();
        assert!(e.contains(":3:") && e.contains("lower case"), "{e}");
        let e = WordClasses::parse(&format!("{ok}territory\txx\tgrenze\n")).unwrap_err();
        assert!(e.contains("language"), "{e}");
        let e = WordClasses::parse(&format!("{ok}territory\tde\n")).unwrap_err();
        assert!(e.contains("three columns"), "{e}");
        let e = WordClasses::parse(&format!("{ok}terrain\tde\tgrenze\n")).unwrap_err();
        assert!(e.contains("unknown class `terrain`"), "{e}");
        let e = WordClasses::parse("class\tlang\tlemma\n").unwrap_err();
        assert!(e.contains("format"), "{e}");
        let e = WordClasses::parse("# format 2\n").unwrap_err();
        assert!(e.contains("format 2"), "{e}");
    }
}
