//! The HTTP API (`sitrep serve`) against the command line: the store's new reads agree
//! with the event listing on every backend, the API's CSV is the export's, storing through
//! the API stores what `sitrep ingest` stores, and `/v1/extract` answers what `sitrep
//! extract --events` writes.
#![cfg(feature = "server")]

use serde_json::Value;
use sitrep_pipeline::Pipeline;
use sitrep_server::client::Client;
use sitrep_server::{App, Config, Running};
use sitrep_store::testing::{backends, Backend, TestDb};
use sitrep_store::{EventRecord, Filter};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, OnceLock};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn run(args: &[&str]) -> Output {
    let o = sitrep().args(args).output().expect("the binary runs");
    assert!(
        o.status.success(),
        "sitrep {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Arc::new(Pipeline::new())).clone()
}

fn start(db: &str) -> Running {
    let app = App::new(
        Config {
            db: db.to_string(),
            log: false,
            ..Config::default()
        },
        pipeline(),
    )
    .unwrap();
    Running::start(app, "127.0.0.1:0".parse().unwrap(), 2).unwrap()
}

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

/// `n` short German reports as JSON Lines, with an exact copy under another id and a
/// repeated id at the end (what ingest stores as a report and skips).
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let mut lines = Vec::new();
    for i in 0..n {
        let (to, from) = PLACES[i % PLACES.len()];
        let text = format!(
            "{from} schickt {} Soldaten nach {to}. Die Regierung in Moskau kritisierte den Schritt am Montag scharf. Meldung {i}.",
            100 + i
        );
        lines.push(serde_json::json!({"id": format!("n{i}"), "language": "de", "published": format!("2022-02-{:02}", 1 + i % 9), "outlet": format!("outlet{}", i % 3), "text": text}));
    }
    let mut copy = lines[0].clone();
    copy["id"] = "copy-of-n0".into();
    lines.push(copy);
    lines.push(lines[1].clone());
    let p = dir.join(format!("corpus-{n}.jsonl"));
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&p, body).unwrap();
    p
}

fn codes(v: &[sitrep_core::EventActor]) -> BTreeSet<String> {
    v.iter().map(|a| a.code.clone()).collect()
}

#[test]
fn the_store_reads_for_the_api_agree_with_the_event_listing() {
    each(|dir, db| {
        let input = corpus(dir, 14);
        run(&["ingest", "--db", &db.location, input.to_str().unwrap()]);
        let store = sitrep_store::open(&db.location, &Default::default()).unwrap();
        let all: Vec<EventRecord> = store.events(&Filter::default()).unwrap();
        assert!(all.len() >= 14, "{}", all.len());

        // pages of every size give the listing, each event once
        for size in [1, 3, 50] {
            let mut seen = Vec::new();
            let mut after = None;
            loop {
                let page = store
                    .events_page(&Filter::default(), after.as_ref(), size)
                    .unwrap();
                assert!(page.len() <= size);
                let Some((last, _)) = page.last() else { break };
                after = Some(last.clone());
                seen.extend(page.into_iter().map(|(_, r)| r));
            }
            assert_eq!(seen, all, "pages of {size}");
        }
        for r in &all {
            assert_eq!(
                store.event(&r.document, &r.event.id).unwrap().as_ref(),
                Some(r)
            );
        }
        assert_eq!(store.event("n0", "v999").unwrap(), None);

        // per day and type
        let mut days: BTreeMap<(String, String), u64> = BTreeMap::new();
        for r in all.iter().filter(|r| r.day.is_some()) {
            *days
                .entry((r.day.clone().unwrap(), r.event.event_type.to_string()))
                .or_default() += 1;
        }
        let got: BTreeMap<(String, String), u64> = store
            .timeline(&Filter::default())
            .unwrap()
            .into_iter()
            .map(|d| ((d.day, d.event_type), d.events))
            .collect();
        assert_eq!(got, days);

        // source→target pairs with their prevailing type
        let network_agrees = |filter: &Filter| {
            let mut pairs: BTreeMap<(String, String), BTreeMap<String, u64>> = BTreeMap::new();
            for r in store.events(filter).unwrap() {
                for s in codes(&r.event.source) {
                    for t in codes(&r.event.target) {
                        *pairs
                            .entry((s.clone(), t))
                            .or_default()
                            .entry(r.event.event_type.to_string())
                            .or_default() += 1;
                    }
                }
            }
            let edges = store.network(filter, 1000).unwrap();
            assert_eq!(edges.len(), pairs.len());
            for e in &edges {
                let types = &pairs[&(e.source.clone(), e.target.clone())];
                assert_eq!(e.events, types.values().sum::<u64>(), "{e:?}");
                let top = types.values().max().unwrap();
                assert_eq!(types[&e.prevailing_type], *top, "{e:?}");
            }
        };
        network_agrees(&Filter::default());

        // actors and places
        let mut actors: BTreeMap<String, u64> = BTreeMap::new();
        let mut places: BTreeMap<String, u64> = BTreeMap::new();
        let mut moves: BTreeMap<(String, String), u64> = BTreeMap::new();
        for r in &all {
            let e = &r.event;
            for c in codes(&e.source).union(&codes(&e.target)) {
                *actors.entry(c.clone()).or_default() += 1;
            }
            let ps: BTreeSet<&String> = e
                .origin
                .iter()
                .chain(&e.destination)
                .chain(&e.location)
                .filter_map(|p| p.code.as_ref())
                .collect();
            for p in ps {
                *places.entry(p.clone()).or_default() += 1;
            }
            if e.event_type == sitrep_core::EventType::Mobilize {
                let os: BTreeSet<_> = e.origin.iter().filter_map(|p| p.code.clone()).collect();
                let ds: BTreeSet<_> = e
                    .destination
                    .iter()
                    .filter_map(|p| p.code.clone())
                    .collect();
                for o in &os {
                    for d in ds.iter().filter(|d| *d != o) {
                        *moves.entry((o.clone(), d.clone())).or_default() += 1;
                    }
                }
            }
        }
        let got: BTreeMap<String, u64> = store
            .actors(&Filter::default(), 1000)
            .unwrap()
            .into_iter()
            .map(|a| (a.code, a.events))
            .collect();
        assert_eq!(got, actors);
        let p = store.places(&Filter::default()).unwrap();
        assert_eq!(p.places.into_iter().collect::<BTreeMap<_, _>>(), places);
        let got: BTreeMap<(String, String), u64> = p
            .movements
            .into_iter()
            .map(|(o, d, n)| ((o, d), n))
            .collect();
        assert_eq!(got, moves);

        // a filter narrows them alike
        let f = Filter {
            event_type: Some(sitrep_core::EventType::Mobilize),
            ..Filter::default()
        };
        let n = store.events(&f).unwrap().len() as u64;
        let t: u64 = store.timeline(&f).unwrap().iter().map(|d| d.events).sum();
        assert_eq!(t, n);
        assert!(store
            .network(&f, 1000)
            .unwrap()
            .iter()
            .all(|e| e.prevailing_type == "MOBILIZE"));
        network_agrees(&f);
        network_agrees(&Filter {
            actor: all[0].event.source.first().map(|a| a.code.clone()),
            ..Filter::default()
        });
    });
}

#[test]
fn the_api_csv_equals_the_export_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("csv.db").to_string_lossy().into_owned();
    let input = corpus(dir.path(), 10);
    run(&["ingest", "--db", &db, input.to_str().unwrap()]);
    let server = start(&db);
    for (flags, query) in [
        (vec![], ""),
        (vec!["--type", "MOBILIZE"], "type=MOBILIZE"),
        (
            vec!["--actor", "DEU", "--since", "2022-02-02"],
            "actor=DEU&since=2022-02-02",
        ),
        (
            vec!["--text", "Regierung Moskau"],
            "text=Regierung%20Moskau",
        ),
    ] {
        let out = dir.path().join("out.csv");
        let mut args = vec![
            "export",
            "--db",
            &db,
            "--format",
            "csv",
            "--output",
            out.to_str().unwrap(),
        ];
        args.extend(flags.iter().copied());
        run(&args);
        let want = std::fs::read_to_string(&out).unwrap();
        let r = Client::new(server.addr)
            .request(
                "GET",
                &format!("/v1/events?{query}"),
                &[("Accept", "text/csv")],
                b"",
            )
            .unwrap();
        assert_eq!(r.status, 200);
        assert!(r.header("content-type").unwrap().starts_with("text/csv"));
        assert_eq!(r.text(), want, "filter {query:?}");
        assert!(want.lines().count() > 1, "filter {query:?} matched nothing");
    }
}

#[test]
fn storing_through_the_api_stores_what_sitrep_ingest_stores() {
    each(|dir, db| {
        let input = corpus(dir, 12);
        // the same corpus into a second store of the same backend, through the API
        // (a PostgreSQL schema lives as long as its TestDb)
        let second = backends(dir);
        let api_db = match db.backend {
            Backend::Sqlite => dir.join("api.db").to_string_lossy().into_owned(),
            Backend::Postgres => second
                .iter()
                .find(|d| d.backend == Backend::Postgres)
                .unwrap()
                .location
                .clone(),
        };
        run(&["ingest", "--db", &db.location, input.to_str().unwrap()]);
        let server = start(&api_db);
        let body = std::fs::read(&input).unwrap();
        let r = Client::new(server.addr)
            .request(
                "POST",
                "/v1/documents",
                &[("Content-Type", "application/x-ndjson")],
                &body,
            )
            .unwrap();
        assert_eq!(r.status, 200, "{}", r.text());
        let j = r.json();
        assert_eq!(
            (
                j["stored"].as_u64(),
                j["exact"].as_u64(),
                j["already"].as_u64()
            ),
            (Some(12), Some(1), Some(1)),
            "{j}"
        );
        // posting again changes nothing
        let again = Client::new(server.addr)
            .request(
                "POST",
                "/v1/documents",
                &[("Content-Type", "application/x-ndjson")],
                &body,
            )
            .unwrap();
        assert_eq!(again.json()["already"], 14, "{}", again.text());
        drop(server);
        let export = |loc: &str, name: &str| {
            let out = dir.join(name);
            run(&[
                "export",
                "--db",
                loc,
                "--format",
                "jsonl",
                "--output",
                out.to_str().unwrap(),
            ]);
            std::fs::read_to_string(out).unwrap()
        };
        let (cli, api) = (
            export(&db.location, "cli.jsonl"),
            export(&api_db, "api.jsonl"),
        );
        assert!(cli.lines().count() >= 12);
        assert_eq!(api, cli);
        let stats = |loc: &str| {
            String::from_utf8(run(&["stats", "--db", loc, "--format", "json"]).stdout).unwrap()
        };
        assert_eq!(stats(&api_db), stats(&db.location));
    });
}

/// The workspace root: where `examples/` is.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn extract_through_the_api_equals_sitrep_extract_events() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("x.db").to_string_lossy());
    let mut c = Client::new(server.addr);
    for (file, kind) in [
        ("examples/de-truppen.txt", "text/plain"),
        ("examples/en-talks.txt", "text/plain"),
        ("examples/en-article.html", "text/html"),
    ] {
        let o = sitrep()
            .current_dir(root())
            .args(["extract", "--events", file])
            .output()
            .unwrap();
        assert!(o.status.success());
        let want = String::from_utf8(o.stdout).unwrap();
        let body = std::fs::read(root().join(file)).unwrap();
        let r = c
            .request(
                "POST",
                &format!("/v1/extract?id={file}"),
                &[("Content-Type", kind)],
                &body,
            )
            .unwrap();
        assert_eq!(r.status, 200, "{file}: {}", r.text());
        assert_eq!(format!("{}\n", r.text()), want, "{file}");
    }
    // JSON documents: each line of the example, as `sitrep extract` reads it
    let o = sitrep()
        .current_dir(root())
        .args(["extract", "--events", "examples/mixed.jsonl"])
        .output()
        .unwrap();
    let want: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let lines = std::fs::read_to_string(root().join("examples/mixed.jsonl")).unwrap();
    let lines: Vec<&str> = lines.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(want.len(), lines.len());
    for (line, want) in lines.iter().zip(&want) {
        let r = c
            .request(
                "POST",
                "/v1/extract",
                &[("Content-Type", "application/json")],
                line.as_bytes(),
            )
            .unwrap();
        assert_eq!(r.status, 200, "{line}: {}", r.text());
        let mut got = r.json();
        if !line.contains("\"id\"") {
            // the command line names a document without id by FILE:LINE
            got["id"] = want["id"].clone();
        }
        assert_eq!(&got, want, "{line}");
    }
}
