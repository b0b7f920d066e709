//! `Segmentation::check` holds, and nothing panics, on random, Unicode and garbage input.

use sitrep_core::Language;
use sitrep_segment::Segmenter;

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// Pieces that exercise every rule: abbreviations, clitics, quotes, numbers, URLs,
/// emoticons, combining marks, emoji with modifiers, invisible and control characters.
const PIECES: &[&str] = &[
    "Dr.",
    "z.",
    "B.",
    "21.",
    "2.000",
    "1,5",
    "10:30",
    "U.S.",
    "don't",
    "I'm",
    "cannot",
    "gonna",
    "'s",
    "n't",
    "US-Soldaten",
    "Ein-",
    "e-mail",
    "-",
    "--",
    "—",
    "...",
    "…",
    "!!",
    "?!",
    ".",
    ",",
    ":",
    ";",
    "„",
    "“",
    "”",
    "\"",
    "'",
    "''",
    "``",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "http://x.y/z?a=(b)",
    "www.",
    "a@b.c",
    "@",
    "#",
    "@x",
    "#tag",
    ":-)",
    ":)",
    ";D",
    "<3",
    "^^",
    "😀",
    "👍🏽",
    "👩\u{200D}💻",
    "\u{FE0F}",
    "e\u{0301}",
    "\u{0301}",
    "\u{00AD}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2028}",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\u{3000}",
    "\0",
    "\x7f",
    "Straße",
    "İstanbul",
    "ǅ",
    "Ⅻ",
    "٣",
    "中文",
    "ÄÖÜ",
    "ſ",
    "x",
    "A",
    "usw.",
    "Inc.",
    "etc.",
    "1.",
    "a.m.",
    "'90s",
    "O'Brien",
    "students'",
    "’s",
    "n’t",
    "$5",
    "50%",
    "&",
    "AT&T",
    "b/c",
    "9/11",
    "_",
    "*",
    "\\",
];

fn check_all(text: &str, segs: &[Segmenter]) {
    for s in segs {
        let out = s.segment(text);
        if let Err(e) = out.check(text) {
            panic!("{:?} on {text:?}: {e}", s.language());
        }
        for w in out.tokens.windows(2) {
            assert_eq!(w[0].joined, w[0].span.end == w[1].span.start, "{text:?}");
        }
    }
}

#[test]
fn invariants_hold_on_random_pieces() {
    let segs = Language::ALL.map(Segmenter::new);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let n = (rng.next() % 12) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            if rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        check_all(&text, &segs);
    }
}

#[test]
fn invariants_hold_on_random_chars() {
    let segs = Language::ALL.map(Segmenter::new);
    let mut rng = Rng(42);
    for _ in 0..20_000 {
        let n = (rng.next() % 24) as usize;
        let text: String = (0..n)
            .filter_map(|_| {
                let r = rng.next();
                // Mostly ASCII, some Latin-1, some anywhere in Unicode.
                let c = match r % 4 {
                    0 | 1 => (r >> 8) as u32 % 0x80,
                    2 => (r >> 8) as u32 % 0x300,
                    _ => (r >> 8) as u32 % 0x110000,
                };
                char::from_u32(c)
            })
            .collect();
        check_all(&text, &segs);
    }
}

#[test]
fn edge_inputs() {
    let segs = Language::ALL.map(Segmenter::new);
    for t in [
        "",
        " ",
        "\n\n\n",
        ".",
        "...",
        "a",
        "'",
        "''",
        "-",
        "\u{FE0F}",
        "\u{0301}a",
        "::::",
        "@",
        "#",
        "http://",
        "www.",
    ] {
        check_all(t, &segs);
    }
    check_all(&"a.".repeat(5000), &segs);
    check_all(&"!".repeat(5000), &segs);
}
