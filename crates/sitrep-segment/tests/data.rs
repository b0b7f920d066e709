//! The shipped data files parse, are sorted and have no duplicates; malformed data is
//! refused with the file and line.

use sitrep_core::Language;
use sitrep_segment::{SegmentData, Segmenter};

#[test]
fn builtin_data_parses_sorted_and_unique() {
    for lang in Language::ALL {
        if let Err(e) = Segmenter::from_data(lang, SegmentData::builtin(lang)) {
            panic!("{lang:?}: {e}");
        }
    }
}

#[test]
fn data_files_have_a_header_naming_their_source() {
    for lang in Language::ALL {
        let d = SegmentData::builtin(lang);
        for f in [
            d.abbreviations,
            d.sentence_final_abbreviations,
            d.sentence_starters,
            d.months,
            d.hyphen_prefixes,
            d.contractions,
            d.boundary_model,
        ] {
            if f.is_empty() {
                continue;
            }
            let header: String = f
                .lines()
                .take_while(|l| l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                header.contains("Source:") && header.contains("Format"),
                "{lang:?}: header missing in {:?}",
                &f[..f.len().min(80)]
            );
        }
    }
}

#[test]
fn unsorted_duplicate_and_malformed_data_is_refused() {
    let bad = [
        SegmentData {
            abbreviations: "# h\nb.\na.\n",
            ..SegmentData::default()
        },
        SegmentData {
            abbreviations: "a.\na.\n",
            ..SegmentData::default()
        },
        SegmentData {
            abbreviations: "a b\n",
            ..SegmentData::default()
        },
        SegmentData {
            contractions: "cannot\tca not\n",
            ..SegmentData::default()
        },
        SegmentData {
            contractions: "cannot\n",
            ..SegmentData::default()
        },
        SegmentData {
            boundary_model: "not-a-model\n",
            ..SegmentData::default()
        },
        SegmentData {
            boundary_model: "sitrep-boundary-model\t2\nw0=a\tx\n",
            ..SegmentData::default()
        },
    ];
    for d in bad {
        assert!(
            Segmenter::from_data(Language::En, d).is_err(),
            "{d:?} was accepted"
        );
    }
    let good = SegmentData {
        abbreviations: "# h\nDr.\nNr.\n",
        contractions: "cannot\tcan not\n",
        ..SegmentData::default()
    };
    let seg = Segmenter::from_data(Language::En, good).expect("valid data");
    let text = "Dr. X cannot.";
    let toks: Vec<&str> = seg
        .segment(text)
        .tokens
        .iter()
        .map(|t| &text[t.span.range()])
        .collect();
    assert_eq!(toks, ["Dr.", "X", "can", "not", "."]);
}
