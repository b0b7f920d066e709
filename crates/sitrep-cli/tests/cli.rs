//! End-to-end tests of the `sitrep` binary: formats, ordering, exit codes, and every
//! bad-input case of the foundation issue (each one a test).

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(args: &[&str]) -> Output {
    sitrep().args(args).output().expect("run sitrep")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = sitrep()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sitrep");
    // Feed stdin from another thread: the child may fill its stdout pipe before it has read
    // all of its input.
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

/// Checks the output contract: schema, spans inside the text on char boundaries.
fn check_contract(a: &Value) {
    assert_eq!(a["schema"], "sitrep/1");
    let text = a["text"].as_str().unwrap();
    for key in ["sentences", "tokens"] {
        for s in a[key].as_array().into_iter().flatten() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(
                start < end && text.get(start..end).is_some(),
                "{key} {s} off the text"
            );
        }
    }
    for key in ["entities", "events", "quotes"] {
        assert!(a[key].is_array(), "{key} missing");
    }
}

#[test]
fn extracts_the_examples_in_both_languages() {
    let ex = examples();
    let out = run(&[
        "extract",
        "--tokens",
        ex.join("de-truppen.txt").to_str().unwrap(),
        ex.join("en-talks.txt").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["language"], "de");
    assert_eq!(docs[1]["language"], "en");
    for d in &docs {
        check_contract(d);
        assert!(d["sentences"].as_array().unwrap().len() >= 5, "{}", d["id"]);
        // Word analysis runs with --tokens: every token has a tag, lemma and features.
        for t in d["tokens"].as_array().unwrap() {
            assert!(t["upos"].is_string() && t["xpos"].is_string(), "{t}");
            assert!(t["lemma"].is_string() && t["feats"].is_string(), "{t}");
        }
    }
    assert!(docs[0]["id"].as_str().unwrap().ends_with("de-truppen.txt"));
}

#[test]
fn entities_when_asked() {
    let ex = examples();
    let out = run(&[
        "extract",
        "--entities",
        ex.join("de-truppen.txt").to_str().unwrap(),
        ex.join("en-talks.txt").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    for (d, want) in docs.iter().zip([["FRA", "EST"], ["TUR", "GRC"]]) {
        let codes: Vec<&str> = d["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["actor"]["code"].as_str())
            .collect();
        for c in want {
            assert!(codes.contains(&c), "{c} not in {codes:?}");
        }
        let text = d["text"].as_str().unwrap();
        for e in d["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                let (s, t) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(text.get(s..t), m["text"].as_str(), "{m}");
            }
        }
    }
}

/// An actor the text gives a sector and no state for is written `"code": null` with its
/// sector (issue 5); the event stage leaves it out of the event's actors (the gold event
/// format scores codes, and a sector is no code two reports could share).
#[test]
fn a_sector_without_a_state_is_a_null_code() {
    let out = run_stdin(
        &["extract", "--events", "--language", "en", "-"],
        b"The businessman Bill Kappan criticized NATO on Monday.\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let d = &lines(&out)[0];
    check_contract(d);
    let entities = d["entities"].as_array().unwrap();
    let kappan = entities
        .iter()
        .find(|e| e["name"] == "Bill Kappan")
        .unwrap_or_else(|| panic!("{entities:?}"));
    assert_eq!(
        kappan["actor"],
        serde_json::json!({"code": null, "sector": "BUS"})
    );
    let nato = entities.iter().find(|e| e["name"] == "NATO").unwrap();
    assert_eq!(nato["actor"]["code"], "NATO");
    let events = d["events"].as_array().unwrap();
    assert!(!events.is_empty(), "{d}");
    for v in events {
        for a in v["source"]
            .as_array()
            .unwrap()
            .iter()
            .chain(v["target"].as_array().unwrap())
        {
            assert!(a["code"].is_string() && a["entity"] != kappan["id"], "{a}");
        }
    }
}

/// `--dyads` gives one record per directed source-target pair; every pair of the plain
/// output is there, and no record has more than one source or target.
#[test]
fn dyads_split_events_into_directed_pairs() {
    let text =
        "Die USA und Frankreich kritisierten Russland scharf. Bundeskanzler Olaf Scholz traf \
        den polnischen Präsidenten Andrzej Duda und den französischen Präsidenten Emmanuel \
        Macron in Berlin."
            .as_bytes();
    let args = [
        "extract",
        "--events",
        "--language",
        "de",
        "--published",
        "2023-01-10",
        "-",
    ];
    let plain = lines(&run_stdin(&args, text));
    let out = run_stdin(&[&args[..4], &["--dyads"], &args[4..]].concat(), text);
    assert!(out.status.success(), "{}", stderr(&out));
    let dyads = lines(&out);
    let codes = |side: &Value| -> Vec<String> {
        side.as_array()
            .unwrap()
            .iter()
            .map(|a| a["code"].as_str().unwrap().to_string())
            .collect()
    };
    let mut want = std::collections::BTreeSet::new();
    for e in plain[0]["events"].as_array().unwrap() {
        let (src, tgt) = (codes(&e["source"]), codes(&e["target"]));
        for s in &src {
            for t in &tgt {
                if s != t {
                    want.insert((e["type"].to_string(), s.clone(), t.clone()));
                }
            }
        }
    }
    // two critics of one target, and a meeting of three (six directed pairs)
    assert!(want.len() >= 8, "the text has several dyads: {want:?}");
    let mut got = std::collections::BTreeSet::new();
    for e in dyads[0]["events"].as_array().unwrap() {
        let (src, tgt) = (codes(&e["source"]), codes(&e["target"]));
        assert!(src.len() <= 1 && tgt.len() <= 1, "{e}");
        if let (Some(s), Some(t)) = (src.first(), tgt.first()) {
            got.insert((e["type"].to_string(), s.clone(), t.clone()));
        }
    }
    assert!(want.is_subset(&got), "{want:?} not all in {got:?}");
    // --dyads needs --events
    let out = run_stdin(&["extract", "--dyads", "-"], text);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn tokens_only_when_asked() {
    let out = run(&["extract", examples().join("en-talks.txt").to_str().unwrap()]);
    assert!(out.status.success());
    assert!(lines(&out)[0].get("tokens").is_none());
}

#[test]
fn jsonl_metadata_defaults_and_ids() {
    let out = run(&[
        "extract",
        "--published",
        "2024-01-01",
        examples().join("mixed.jsonl").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 3);
    assert_eq!(
        (docs[0]["id"].as_str(), docs[0]["published"].as_str()),
        (Some("de-1"), Some("2024-03-04"))
    );
    assert_eq!(docs[0]["title"], "Scholz telefoniert mit Macron");
    // RFC 3339 timestamps keep the publisher's calendar day.
    assert_eq!(docs[1]["published"], "2024-03-05");
    // Missing id → FILE:LINE; missing date → --published.
    assert!(
        docs[2]["id"].as_str().unwrap().ends_with("mixed.jsonl:3"),
        "{}",
        docs[2]["id"]
    );
    assert_eq!(docs[2]["published"], "2024-01-01");
}

#[test]
fn language_flag_is_a_default_not_an_override() {
    let input = b"{\"id\":\"a\",\"language\":\"en\",\"text\":\"Hello there.\"}\n{\"id\":\"b\",\"text\":\"Hallo.\"}\n";
    let out = run_stdin(&["extract", "--language", "de", "-"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(
        (docs[0]["language"].as_str(), docs[1]["language"].as_str()),
        (Some("en"), Some("de"))
    );
}

#[test]
fn directories_are_walked_in_order_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(
        dir.path(),
        "b.txt",
        b"Die Regierung trat am Montag zurueck. Das ist nicht der Fall.",
    );
    write(
        dir.path(),
        "a.jsonl",
        b"{\"id\":\"j1\",\"language\":\"en\",\"text\":\"One.\"}\n",
    );
    write(dir.path(), "notes.md", b"# not read");
    std::fs::copy(
        examples().join("en-article.html"),
        dir.path().join("sub/c.html"),
    )
    .unwrap();
    let out = run(&["extract", "--language", "de", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids[0], "j1");
    assert!(
        ids[1].ends_with("b.txt") && ids[2].ends_with("c.html"),
        "{ids:?}"
    );
}

#[test]
fn html_yields_main_text_not_markup() {
    let out = run(&[
        "extract",
        examples().join("en-article.html").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let d = &lines(&out)[0];
    let text = d["text"].as_str().unwrap();
    assert!(text.contains("Negotiators from both sides"), "{text}");
    assert!(
        !text.contains("window.tracking") && !text.contains('<'),
        "{text}"
    );
}

#[test]
fn output_keeps_input_order_across_threads() {
    let mut input = String::new();
    for i in 0..600 {
        let words = "Die Armee zog sich zurück. ".repeat(1 + (i * 7919) % 40);
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"language\":\"de\",\"text\":\"{words}\"}}\n"
        ));
    }
    let out = run_stdin(&["extract", "--threads", "2", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..600).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want);
}

// ---- bad input -------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "latin1.txt",
        b"Die Bundesregierung begr\xFC\xDFte die Entscheidung der Regierung.",
    );
    let out = run(&["extract", &f]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("latin1.txt: not valid UTF-8"),
        "{}",
        stderr(&out)
    );
    assert!(lines(&out)[0]["text"]
        .as_str()
        .unwrap()
        .contains("begrüßte"));
}

#[test]
fn binary_file_is_not_text_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    let ok = examples().join("en-talks.txt");
    let out = run(&["extract", &bin, ok.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("image.txt: not text: binary data"), "{err}");
    assert!(err.contains("1 of 2 documents skipped"), "{err}");
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn empty_file_gives_an_empty_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "empty.txt", b"");
    let out = run(&["extract", &f]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = &lines(&out)[0];
    assert_eq!(d["text"], "");
    assert_eq!(d["sentences"], serde_json::json!([]));
}

#[test]
fn broken_jsonl_line_is_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "batch.jsonl",
        concat!(
            "{\"id\":\"one\",\"language\":\"en\",\"text\":\"First.\"}\n",
            "{\"id\":\"two\",\"text\":\"Second.\"\n",
            "{\"id\":\"three\",\"language\":\"en\",\"text\":\"Third.\"}\n"
        )
        .as_bytes(),
    );
    let out = run(&["extract", &f]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("batch.jsonl:2: invalid JSON"), "{err}");
    let ids: Vec<_> = lines(&out).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["one", "three"]);
}

#[test]
fn overlong_jsonl_line_is_named_and_skipped() {
    let input = format!(
        "{{\"text\":\"{}\",\"language\":\"de\"}}\n{{\"text\":\"Kurz.\",\"language\":\"de\"}}\n",
        "a".repeat(5000)
    );
    let out = run_stdin(
        &["extract", "--max-line-bytes", "1000", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("-:1: line too long"),
        "{}",
        stderr(&out)
    );
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn too_large_document_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "big.txt", "Wort ".repeat(1000).as_bytes());
    let out = run(&[
        "extract",
        "--language",
        "de",
        "--max-document-bytes",
        "4096",
        &f,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("big.txt: document too large: 5000 bytes (limit 4096"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn finnish_is_an_unsupported_language() {
    let text = "Suomen hallitus kokoontui tiistaina keskustelemaan uudesta budjetista. \
        Pääministerin mukaan neuvottelut jatkuvat ensi viikolla Helsingissä, ja oppositio \
        vaatii lisää rahaa kouluille ja terveydenhuoltoon.";
    let out = run_stdin(&["extract", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("-: unsupported language: fi (Finnish)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn deeply_nested_html_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 200_000;
    let mut html = String::with_capacity(depth * 12);
    html.push_str("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str("<p>Die Regierung in Wien hat am Montag neue Maßnahmen beschlossen.</p>");
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    let f = write(dir.path(), "deep.html", html.as_bytes());
    let t = Instant::now();
    let out = run(&["extract", "--language", "de", &f]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        t.elapsed() < Duration::from_secs(30),
        "took {:?}",
        t.elapsed()
    );
    assert!(lines(&out)[0]["text"]
        .as_str()
        .unwrap()
        .contains("neue Maßnahmen"));
}

#[test]
fn thirty_megabytes_in_under_a_minute_and_two_gigabytes() {
    let dir = tempfile::tempdir().unwrap();
    let para = "Der britische Premier will heute mit dem russischen Präsidenten telefonieren. \
        Die USA schicken nach Medienberichten 2.000 Soldaten nach Polen, u. a. Fallschirmjäger.\n\n";
    let text = para.repeat(30_000_000 / para.len() + 1);
    let f = write(dir.path(), "huge.txt", text.as_bytes());
    let t = Instant::now();
    let mut child = sitrep()
        // Without --tokens: this is the foundation's limit on reading and segmenting; word
        // analysis has its own throughput benchmark (`sitrep bench`).
        .args(["extract", &f])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).unwrap();
        buf
    });
    // VmHWM (peak resident memory) only grows; sample it until the process exits.
    let mut peak_kib = 0u64;
    while child.try_wait().unwrap().is_none() {
        if let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kib) = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            {
                peak_kib = peak_kib.max(kib);
            }
        }
        std::thread::sleep(Duration::from_millis(5));
        assert!(
            t.elapsed() < Duration::from_secs(120),
            "still running after 2 minutes"
        );
    }
    let out = reader.join().unwrap();
    let elapsed = t.elapsed();
    assert!(child.wait().unwrap().success());
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["text"].as_str().unwrap().len(), text.len());
    assert!(v["sentences"].as_array().unwrap().len() >= 60_000);
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
    assert!(
        peak_kib > 0,
        "could not read the peak memory of the process"
    );
    assert!(
        peak_kib < 2 * 1024 * 1024,
        "peak memory {} MiB",
        peak_kib / 1024
    );
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &["extract", "--language", "xx"][..],
        &["extract", "--language", "fi"][..],
        &["extract", "--published", "2024-02-30"][..],
        &["extract", "--input-format", "pdf"][..],
        &["frobnicate"][..],
    ] {
        let out = run_stdin(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let out = run(&["extract", "--help"]);
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("--input-format")
    );
}

#[test]
fn missing_file_is_named_and_the_batch_goes_on() {
    let out = run(&[
        "extract",
        "/nonexistent/file.txt",
        examples().join("en-talks.txt").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/file.txt: cannot read"),
        "{}",
        stderr(&out)
    );
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn eval_tag_lists_lemma_errors_with_their_counts() {
    let dir = tempfile::tempdir().unwrap();
    // the gold lemma of `ran` is deliberately wrong, twice: the tagger says `run`
    let sentence = "1\tThe\tthe\tDET\tDT\t_\t_\t_\t_\t_\n\
                    2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t_\t_\t_\t_\n\
                    3\tran\tzzz\tVERB\tVBD\t_\t_\t_\t_\tSpaceAfter=No\n\
                    4\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n\n";
    let f = write(dir.path(), "en_tiny.conllu", sentence.repeat(2).as_bytes());
    let out = run(&["eval-tag", &f, "--lemma-errors", "5"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l == "2\tran\tzzz\trun\tVERB\tVERB"),
        "{text}"
    );
    assert!(text.contains("lemma errors 2 (case only 0)"), "{text}");
}

#[test]
fn a_report_into_a_closed_pipe_ends_quietly() {
    // `sitrep kb stats | head -0`: the pipe's reader is gone before the first write, so
    // that write fails with EPIPE every time (Rust ignores SIGPIPE; `println!` would panic).
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = sitrep()
        .args(["kb", "stats"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run sitrep");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
