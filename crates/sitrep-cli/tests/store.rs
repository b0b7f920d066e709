//! `sitrep ingest`, `query`, `export`, `stats`, `reanalyze` through the real binary:
//! idempotence, `kill -9` and resumption, two writers on one file, export round trip.

use serde_json::Value;
use sitrep_store::testing::{Backend, TestDb};
use sitrep_store::OpenOptions;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn run(args: &[&str]) -> Output {
    sitrep().args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `test` with a scratch folder and a fresh store of every available backend
/// (SQLite; PostgreSQL when `SITREP_TEST_POSTGRES` is set).
fn each(test: impl Fn(&Path, &TestDb)) {
    let dir = tempfile::tempdir().unwrap();
    sitrep_store::testing::each(dir.path(), |db| test(dir.path(), db));
}

const PLACES: &[(&str, &str)] = &[
    ("Estland", "Frankreich"),
    ("Litauen", "Deutschland"),
    ("Polen", "Italien"),
    ("Rumänien", "Spanien"),
];

/// `n` distinct short German news documents as JSON Lines.
fn corpus(dir: &Path, name: &str, n: usize) -> PathBuf {
    let mut s = String::new();
    for i in 0..n {
        let (to, from) = PLACES[i % PLACES.len()];
        let text = format!(
            "{from} schickt {} Soldaten nach {to}. Die Regierung in Moskau kritisierte den Schritt am Montag scharf. Meldung {i}.",
            100 + i
        );
        let day = 1 + i % 28;
        s.push_str(&serde_json::json!({"id": format!("n{i}"), "language": "de", "published": format!("2022-02-{day:02}"), "outlet": format!("outlet{}", i % 3), "text": text}).to_string());
        s.push('\n');
    }
    let p = dir.join(name);
    std::fs::write(&p, s).unwrap();
    p
}

/// Every document's rows match its stored analysis: nothing partial.
fn assert_whole(db: &TestDb) {
    let bad = db.scalar(db.pick(
        "SELECT count(*) FROM documents d WHERE json_array_length(d.analysis, '$.events')
             != (SELECT count(*) FROM events e WHERE e.document = d.id)",
        "SELECT count(*) FROM documents d WHERE json_array_length(d.analysis::json -> 'events')
             <> (SELECT count(*) FROM events e WHERE e.document = d.id)",
    ));
    assert_eq!(
        bad, 0,
        "documents whose event rows do not match their analysis"
    );
    if db.backend == Backend::Sqlite {
        assert_eq!(db.text("PRAGMA integrity_check"), "ok");
    }
}

fn stored_ids(db: &TestDb) -> usize {
    let c = db.reader().counts().unwrap();
    (c.documents + c.reports) as usize
}

#[test]
fn ingest_twice_stores_nothing_twice_and_copies_are_reports() {
    each(|dir, db| {
        let input = corpus(dir, "a.jsonl", 12);
        // Two agency copies under other ids: one exact, one with other line breaks.
        let mut text = std::fs::read_to_string(&input).unwrap();
        let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        let t = first["text"].as_str().unwrap();
        text.push_str(
            &serde_json::json!({"id": "copy1", "language": "de", "outlet": "other", "text": t})
                .to_string(),
        );
        text.push('\n');
        text.push_str(
            &serde_json::json!({"id": "copy2", "language": "de", "text": t.replace(". ", ".\n\n")})
                .to_string(),
        );
        text.push('\n');
        std::fs::write(&input, text).unwrap();
        let db_s = db.location.as_str();
        let out = run(&[
            "ingest",
            "--db",
            db_s,
            "--threads",
            "2",
            "--batch",
            "5",
            input.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("14 documents"), "{}", stderr(&out));
        assert!(stderr(&out).contains("12 stored"), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("2 duplicates stored as reports (2 exact, 0 near)"),
            "{}",
            stderr(&out)
        );
        let counts = db.reader().counts().unwrap();
        assert_eq!((counts.documents, counts.reports), (12, 2));
        assert!(counts.events >= 12, "{counts:?}");
        let again = run(&["ingest", "--db", db_s, input.to_str().unwrap()]);
        assert!(again.status.success(), "{}", stderr(&again));
        assert!(
            stderr(&again).contains("0 stored (0 events)")
                && stderr(&again).contains("14 already stored"),
            "{}",
            stderr(&again)
        );
        assert_eq!(db.reader().counts().unwrap(), counts);
        assert_whole(db);
    });
}

/// Batch boundaries change nothing stored: ingest's first batches grow from 16 documents
/// and its last is split in pieces, so `--batch 256` must store what `--batch 1` (one
/// transaction per document) and `--batch 7` do, copies, clusters and all.
#[test]
fn batch_sizes_change_nothing_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), "in.jsonl", 60);
    let export = |batch: &str| {
        let db = dir.path().join(format!("b{batch}.db"));
        let db = db.to_str().unwrap();
        let args = ["ingest", "--db", db, "--threads", "2", "--batch", batch];
        let out = run(&[&args[..], &[input.to_str().unwrap()]].concat());
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("60 documents"), "{}", stderr(&out));
        let file = dir.path().join(format!("b{batch}.jsonl"));
        let file = file.to_str().unwrap();
        let out = run(&["export", "--db", db, "--format", "jsonl", "--output", file]);
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read_to_string(file).unwrap()
    };
    let one = export("1");
    assert!(one.lines().count() >= 60, "{one}");
    assert_eq!(export("256"), one);
    assert_eq!(export("7"), one);
}

/// A long article of its own words: `seed` varies every sentence.
fn article(seed: usize, headline: &str) -> String {
    let mut t = format!("{headline}\n\n");
    for k in 0..40 {
        let (to, from) = PLACES[(seed + k) % PLACES.len()];
        t.push_str(&format!(
            "Die Regierung in {from} beriet am Tag {} über {} Vorschläge aus {to} und Fall {}. ",
            k + 1,
            seed * 1000 + k * 7,
            seed * 31 + k
        ));
        if k % 10 == 9 {
            t.push_str("\n\n");
        }
    }
    t
}

#[test]
fn a_near_copy_with_another_headline_is_a_report_not_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let original = article(1, "Regierung berät Vorschläge");
    // the agency copy: another headline and a paragraph more
    let copy = format!(
        "Beratungen über neue Vorschläge{}\n\nAm Ende gab es keine Einigung, sagte ein Sprecher am Abend.",
        &original["Regierung berät Vorschläge".len()..]
    );
    let other = article(2, "Regierung berät Vorschläge");
    let mut s = String::new();
    for (id, text) in [("a", &original), ("b", &other), ("a-copy", &copy)] {
        s.push_str(&serde_json::json!({"id": id, "language": "de", "text": text}).to_string());
        s.push('\n');
    }
    let input = dir.path().join("near.jsonl");
    std::fs::write(&input, s).unwrap();
    each(|_, db| {
        let out = run(&["ingest", "--db", &db.location, input.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("1 duplicates stored as reports (0 exact, 1 near)"),
            "{}",
            stderr(&out)
        );
        let counts = db.reader().counts().unwrap();
        assert_eq!((counts.documents, counts.reports), (2, 1));
    });
    // under a strict threshold the copy, which extends the original, is a document
    each(|_, db| {
        let out = run(&[
            "ingest",
            "--db",
            &db.location,
            "--near-threshold",
            "1",
            input.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let counts = db.reader().counts().unwrap();
        assert_eq!(
            (counts.documents, counts.reports),
            (3, 0),
            "{}",
            stderr(&out)
        );
    });
}

#[test]
fn a_bad_near_threshold_is_a_usage_error_and_creates_no_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), "a.jsonl", 2);
    let db = dir.path().join("s.db");
    for bad in ["0", "1.5", "nan"] {
        let out = run(&[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            "--near-threshold",
            bad,
            input.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("--near-threshold"),
            "{}",
            stderr(&out)
        );
        assert!(!db.exists(), "{bad}: a store was created");
    }
}

#[test]
fn kill_9_loses_at_most_a_batch_and_a_rerun_completes_exactly_once() {
    each(|dir, db| {
        let n = 3000;
        let input = corpus(dir, "big.jsonl", n);
        let args = [
            "ingest",
            "--db",
            db.location.as_str(),
            "--threads",
            "1",
            "--batch",
            "3",
            input.to_str().unwrap(),
        ];
        let mut child = sitrep().args(args).stderr(Stdio::null()).spawn().unwrap();
        let start = Instant::now();
        // Kill as soon as the first batch is committed.
        let at_kill = loop {
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "no batch committed in two minutes"
            );
            let ro = OpenOptions {
                read_only: true,
                ..OpenOptions::default()
            };
            // Until the first batch, there may be no store to read.
            if let Ok(s) = sitrep_store::open(&db.location, &ro) {
                if let Ok(c) = s.counts() {
                    if c.documents > 0 {
                        break c.documents as usize;
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let after_kill = stored_ids(db);
        assert!(
            after_kill >= at_kill && after_kill < n,
            "killed too late to test anything: {after_kill} of {n} stored"
        );
        assert_whole(db);
        let out = run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("{after_kill} already stored")),
            "{}",
            stderr(&out)
        );
        assert_eq!(stored_ids(db), n);
        assert_eq!(db.reader().counts().unwrap().reports, 0);
        assert_whole(db);
    });
}

#[test]
fn two_ingest_processes_on_one_store_do_not_corrupt_it() {
    each(|dir, db| {
        let n = 300;
        let input = corpus(dir, "c.jsonl", n);
        let args = [
            "ingest",
            "--db",
            db.location.as_str(),
            "--threads",
            "1",
            "--batch",
            "7",
            "--busy-timeout",
            "60000",
            input.to_str().unwrap(),
        ];
        let a = sitrep().args(args).stderr(Stdio::piped()).spawn().unwrap();
        let b = sitrep().args(args).stderr(Stdio::piped()).spawn().unwrap();
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        for o in [&a, &b] {
            // Each either finished or gave up cleanly on the lock.
            assert!(
                o.status.success() || stderr(o).contains("locked by another process"),
                "{}",
                stderr(o)
            );
        }
        assert_eq!(stored_ids(db), n);
        assert_eq!(db.reader().counts().unwrap().documents as usize, n);
        assert_whole(db);
    });
}

#[test]
fn query_export_and_stats_read_what_ingest_stored() {
    each(|dir, db| {
        let input = corpus(dir, "q.jsonl", 8);
        let db_s = db.location.as_str();
        let out = run(&["ingest", "--db", db_s, input.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let store = db.reader();

        // JSON Lines export, read back, equals the stored analyses' events.
        let file = dir.join("events.jsonl");
        let out = run(&[
            "export",
            "--db",
            db_s,
            "--format",
            "jsonl",
            "--output",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = std::fs::read_to_string(&file).unwrap();
        let records: Vec<sitrep_store::EventRecord> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(records.len() as u64, store.counts().unwrap().events);
        assert!(!records.is_empty());
        for r in &records {
            let a = store
                .analysis(&r.document)
                .unwrap()
                .expect("the event's document is stored");
            assert!(a.events.contains(&r.event), "{} {}", r.document, r.event.id);
            assert_eq!(r.outlet, a.outlet);
            assert_eq!(
                &a.text[r.event.evidence.start as usize..r.event.evidence.end as usize],
                r.evidence_text
            );
        }

        // CSV: a header with the documented columns and one row per event.
        let csv = dir.join("events.csv");
        let out = run(&[
            "export",
            "--db",
            db_s,
            "--format",
            "csv",
            "--output",
            csv.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let csv = std::fs::read_to_string(&csv).unwrap();
        assert!(
            csv.starts_with("document,event,published,outlet,url,type,"),
            "{csv}"
        );
        assert_eq!(csv.lines().count(), records.len() + 1);

        // Query filters reach the store: the events of one type, as JSON Lines.
        let ty = records[0].event.event_type.to_string();
        let out = run(&["query", "--db", db_s, "--type", &ty, "--format", "jsonl"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let got: Vec<Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let want = records
            .iter()
            .filter(|r| r.event.event_type.to_string() == ty)
            .count();
        assert_eq!(got.len(), want);
        assert!(got.iter().all(|v| v["event"]["type"] == ty.as_str()));
        let out = run(&["query", "--db", db_s, "--clusters", "--format", "table"]);
        assert!(
            out.status.success() && String::from_utf8_lossy(&out.stdout).contains("clusters"),
            "{}",
            stderr(&out)
        );
        let out = run(&["query", "--db", db_s, "--type", "NOSUCH"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("--type"), "{}", stderr(&out));

        let out = run(&["stats", "--db", db_s, "--format", "json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["counts"]["documents"], 8);
    });
}

#[test]
fn reanalyze_brings_old_documents_to_the_current_version() {
    each(|dir, db| {
        let input = corpus(dir, "r.jsonl", 6);
        let db_s = db.location.as_str();
        assert!(run(&["ingest", "--db", db_s, input.to_str().unwrap()])
            .status
            .success());
        let before = db.reader().counts().unwrap();
        db.execute("UPDATE documents SET analysis_version = 0");
        assert_eq!(
            db.scalar("SELECT count(*) FROM documents WHERE analysis_version = 0"),
            6
        );
        let out = run(&["reanalyze", "--db", db_s]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("6 documents brought to analysis version"),
            "{}",
            stderr(&out)
        );
        let s = db.reader();
        assert!(s
            .outdated(u32::MAX, 100)
            .unwrap()
            .iter()
            .all(|o| o.version >= 1));
        assert_eq!(s.counts().unwrap(), before);
        assert_whole(db);
        let out = run(&["reanalyze", "--db", db_s]);
        assert!(stderr(&out).contains(": 0 documents"), "{}", stderr(&out));
    });
}

#[test]
fn a_foreign_store_is_refused_unchanged_with_a_clear_message() {
    each(|dir, db| {
        let input = corpus(dir, "f.jsonl", 2);
        match db.backend {
            Backend::Sqlite => std::fs::write(
                &db.location,
                "not a database at all, just some text that is long enough\n".repeat(20),
            )
            .unwrap(),
            Backend::Postgres => {
                db.execute("CREATE TABLE notes (line TEXT); INSERT INTO notes VALUES ('mine');")
            }
        }
        let before = db.snapshot();
        let out = run(&["ingest", "--db", &db.location, input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("not a sitrep store"),
            "{}",
            stderr(&out)
        );
        assert_eq!(db.snapshot(), before);
    });
    each(|_, db| {
        let out = run(&["query", "--db", &db.location]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("no store here"), "{}", stderr(&out));
    });
}

#[test]
fn a_postgres_url_needs_the_feature_or_a_server_and_says_so() {
    // Port 1 on loopback: nothing listens there.
    let url = "postgres://sitrep:secret@127.0.0.1:1/none";
    let out = run(&["stats", "--db", url]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    if cfg!(feature = "postgres") {
        assert!(err.contains("cannot connect"), "{err}");
    } else {
        assert!(err.contains("--features postgres"), "{err}");
    }
    assert!(!err.contains("secret"), "the password is shown: {err}");
}

#[test]
fn parquet_export_writes_a_file_or_says_it_is_not_built_in() {
    each(|dir, db| {
        let input = corpus(dir, "p.jsonl", 3);
        let db_s = db.location.as_str();
        assert!(run(&["ingest", "--db", db_s, input.to_str().unwrap()])
            .status
            .success());
        let file = dir.join("e.parquet");
        let out = run(&[
            "export",
            "--db",
            db_s,
            "--format",
            "parquet",
            "--output",
            file.to_str().unwrap(),
        ]);
        if cfg!(feature = "parquet") {
            assert!(out.status.success(), "{}", stderr(&out));
            let bytes = std::fs::read(&file).unwrap();
            assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
        } else {
            assert_eq!(out.status.code(), Some(2));
            assert!(
                stderr(&out).contains("without Parquet support"),
                "{}",
                stderr(&out)
            );
            assert!(!file.exists());
        }
    });
}
