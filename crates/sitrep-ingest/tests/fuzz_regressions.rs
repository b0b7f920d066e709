//! Inputs found by the cargo-fuzz targets in `fuzz/` (see `fuzz/README.md`), minimised, each
//! with the bug it showed. The same inputs are kept as files in `fuzz/regressions/<target>/`.

use sitrep_ingest::decode_text;

/// Found by `ingest_text`: a UTF-8 BOM followed by a UTF-16LE BOM (`EF BB BF FF FE`). After
/// the UTF-8 BOM was removed, the rest is not UTF-8, so the Windows-1252 fallback ran, but
/// through `Encoding::decode`, which sniffs BOMs again: `FF FE` was taken for a UTF-16LE BOM
/// and the text came out empty (and longer inputs as UTF-16 garbage) under a warning saying
/// "decoded as Windows-1252". The fallback must map every byte to one character.
#[test]
fn fuzz_ingest_text_utf8_bom_then_utf16_bom() {
    let d = decode_text(b"\xEF\xBB\xBF\xFF\xFE").unwrap();
    assert_eq!(d.text, "\u{FF}\u{FE}");
    assert!(d.warning.unwrap().contains("Windows-1252"));

    // A second UTF-8 BOM before invalid bytes is likewise text, not a BOM to strip again.
    let d = decode_text(b"\xEF\xBB\xBF\xEF\xBB\xBFGr\xFC\xDFe").unwrap();
    assert_eq!(d.text, "\u{EF}\u{BB}\u{BF}Grüße");
}
