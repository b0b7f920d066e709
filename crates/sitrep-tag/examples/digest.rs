//! Tags the gold tokens of CoNLL-U files and prints, per file, a digest (64-bit FNV-1a) of
//! every token's UPOS, XPOS, lemma and features: the check that a speed change left the
//! output alone (run before and after, compare the lines). The file is tagged twice (cold
//! and warm per-thread memo) and both passes must agree.
//! `cargo run --release -p sitrep-tag --example digest -- de FILE… [--dump OUT.tsv]`
//! (`--dump` writes the analyses of the last file, one token a line, for `diff`).

use sitrep_core::Language;
use sitrep_tag::{corpus, Tagger, WordAnalysis};

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= b as u64;
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().position(|a| a == "--dump").map(|k| {
        let p = args.get(k + 1).cloned().expect("--dump needs a path");
        args.drain(k..k + 2);
        p
    });
    let language: Language = args.first().expect("language").parse().expect("language");
    let tagger = Tagger::new(language).expect("model");
    for file in &args[1..] {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let gold = corpus::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut out: Vec<WordAnalysis> = Vec::new();
        let mut lines = String::new();
        let mut digests = [0u64; 2];
        let mut tokens = 0usize;
        for (pass, digest) in digests.iter_mut().enumerate() {
            *digest = 0xcbf2_9ce4_8422_2325;
            for s in &gold {
                let words: Vec<&str> = s.iter().map(|t| t.form.as_str()).collect();
                let joined: Vec<bool> = s.iter().map(|t| t.joined).collect();
                tagger.tag_words(&words, &joined, &mut out);
                for (w, a) in words.iter().zip(&out) {
                    let line = format!(
                        "{w}\t{}\t{}\t{}\t{}\n",
                        a.upos,
                        a.xpos,
                        a.lemma,
                        tagger.feats_string(&a.feats)
                    );
                    fnv(digest, line.as_bytes());
                    if pass == 0 {
                        tokens += 1;
                        if dump.is_some() {
                            lines.push_str(&line);
                        }
                    }
                }
                if pass == 0 && dump.is_some() {
                    lines.push('\n');
                }
            }
        }
        assert_eq!(
            digests[0], digests[1],
            "{file}: a second pass (warm memo) gave other analyses"
        );
        println!("{file}: {tokens} tokens, digest {:016x}", digests[0]);
        if let Some(p) = &dump {
            std::fs::write(p, &lines).unwrap_or_else(|e| panic!("{p}: {e}"));
        }
    }
}
