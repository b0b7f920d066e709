//! The store on every backend (SQLite always; PostgreSQL when `SITREP_TEST_POSTGRES` is
//! set, see `sitrep_store::testing`): schema, refusals, idempotence, queries, clusters,
//! reanalysis.

use sitrep_core::{
    ActorCode, Analysis, Date, Document, Entity, EntityKind, Event, EventActor, EventPlace,
    EventType, Mention, Modality, Sector, Span,
};
use sitrep_store::testing::{Backend, TestDb};
use sitrep_store::{
    ClusterSettings, EventRecord, Filter, Incoming, Known, NewDocument, OpenOptions, SqliteStore,
    Store, StoreError, TextHash, SCHEMA_VERSION,
};
use std::time::Duration;

/// Runs `test` on a fresh store of every available backend.
fn each(test: impl Fn(&TestDb)) {
    let dir = tempfile::tempdir().unwrap();
    sitrep_store::testing::each(dir.path(), test);
}

fn actor(code: &str) -> EventActor {
    EventActor {
        code: code.into(),
        entity: None,
        text: code.into(),
        start: 0,
        end: 1,
        inferred: false,
    }
}

/// An event of `ty` from `source` to `target` at `place`, its evidence the whole text.
fn event(
    id: &str,
    ty: EventType,
    source: &str,
    target: &str,
    place: Option<&str>,
    text: &str,
) -> Event {
    let trigger = Mention {
        start: 0,
        end: 1,
        text: text[..1].into(),
    };
    Event {
        source: source.split_whitespace().map(actor).collect(),
        target: target.split_whitespace().map(actor).collect(),
        location: place
            .map(|p| {
                vec![EventPlace {
                    code: Some(p.into()),
                    name: p.into(),
                    text: p.into(),
                    start: 0,
                    end: 1,
                }]
            })
            .unwrap_or_default(),
        rule: "test".into(),
        confidence: 0.5,
        ..Event::new(id, ty, trigger, Span::new(0, text.len()))
    }
}

/// A document with one event per (type, source, target, place).
fn analysis(
    id: &str,
    text: &str,
    published: &str,
    outlet: &str,
    events: &[(EventType, &str, &str, Option<&str>)],
) -> Analysis {
    let mut d = Document::new(id, text);
    d.published = Some(published.parse().unwrap());
    d.outlet = Some(outlet.into());
    let mut a = Analysis::from_document(d);
    for (k, (ty, s, t, p)) in events.iter().enumerate() {
        a.events
            .push(event(&format!("v{}", k + 1), *ty, s, t, *p, text));
    }
    a
}

fn incoming(a: &Analysis) -> Incoming {
    Incoming::Document(NewDocument {
        analysis: a.clone(),
        version: 1,
        hash: TextHash::of(&a.text),
        signature: None,
    })
}

fn write(store: &mut Box<dyn Store>, docs: &[Analysis]) -> sitrep_store::BatchOutcome {
    store
        .write_batch(
            docs.iter().map(incoming).collect(),
            &ClusterSettings::default(),
        )
        .unwrap()
}

fn ids(records: &[EventRecord]) -> Vec<String> {
    records
        .iter()
        .map(|r| format!("{}/{}", r.document, r.event.id))
        .collect()
}

fn open(path: &std::path::Path) -> SqliteStore {
    SqliteStore::open(path.to_str().unwrap(), &OpenOptions::default()).unwrap()
}

#[test]
fn a_new_store_is_migrated_and_reopens() {
    each(|db| {
        drop(db.open());
        assert_eq!(
            db.scalar("SELECT max(version) FROM schema_migrations"),
            i64::from(SCHEMA_VERSION)
        );
        match db.backend {
            Backend::Sqlite => {
                assert_eq!(db.scalar("PRAGMA application_id"), 0x5349_5452);
                let c = rusqlite::Connection::open(&db.location).unwrap();
                let mode: String = c
                    .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(mode, "wal");
            }
            Backend::Postgres => assert_eq!(
                db.scalar("SELECT schema_version FROM sitrep_store WHERE application = 'sitrep'"),
                i64::from(SCHEMA_VERSION)
            ),
        }
        let s = db.open();
        assert_eq!(s.counts().unwrap().documents, 0);
        // one row per migration, each applied once
        assert_eq!(
            db.scalar("SELECT count(*) FROM schema_migrations"),
            i64::from(SCHEMA_VERSION)
        );
    });
}

/// The indexes schema version 2 dropped (`migrations/0002_drop_unused_indexes.sql`).
const DROPPED_IN_2: &str =
    "'entities_actor', 'quotes_speaker', 'citations_name', 'signature_keys_document'";

/// How many of the store's indexes have one of `names` (an SQL list of strings).
fn indexes_named(db: &TestDb, names: &str) -> i64 {
    db.scalar(&format!(
        "{} IN ({names})",
        db.pick(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name",
            "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname",
        )
    ))
}

/// A store that schema version 1 made, with a document in it, goes through migration 2
/// when it is opened for writing: its rows are kept, the unused indexes are gone, and it
/// reads and takes new batches as a new store does. A reader refuses it until then.
#[test]
fn a_version_1_store_is_migrated_to_the_current_schema_with_its_rows() {
    each(|db| {
        // version 1 as that build left it: its migration, then its marks
        let (init, marks) = match db.backend {
            Backend::Sqlite => (
                include_str!("../migrations/0001_init.sql"),
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '0001_init', datetime('now'));
                 PRAGMA user_version = 1; PRAGMA application_id = 1397314642;",
            ),
            Backend::Postgres => (
                include_str!("../migrations/postgres/0001_init.sql"),
                "INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init');
                 UPDATE sitrep_store SET schema_version = 1;",
            ),
        };
        db.execute(init);
        db.execute(marks);
        let mut old = Analysis::from_document(Document::new("old", "Russland droht der Ukraine."));
        old.language = Some(sitrep_core::Language::De);
        let text = std::mem::take(&mut old.text);
        let json = serde_json::to_string(&old).unwrap().replace('\'', "''");
        old.text = text;
        db.execute(&format!(
            "INSERT INTO documents (doc_id, text_hash, signature, text, language, analysis_version, analysis, ingested_at)
             VALUES ('old', '{hash}', {sig}, '{text}', 'de', 1, '{json}', {now});
             INSERT INTO signature_keys (key, document) SELECT 77, id FROM documents;
             INSERT INTO entities (document, entity, kind, name, actor_code)
                 SELECT id, 'e1', 'state', 'Russland', 'RUS' FROM documents;
             INSERT INTO quotes (document, start, \"end\", text, kind, speaker_code)
                 SELECT id, 0, 8, 'Russland', 'direct', 'RUS' FROM documents;",
            hash = TextHash::of(&old.text),
            sig = db.pick("x'0102'", "'\\x0102'::bytea"),
            text = old.text,
            now = db.pick("datetime('now')", "now()"),
        ));
        assert_eq!(indexes_named(db, DROPPED_IN_2), 4);
        let err = sitrep_store::open(
            &db.location,
            &OpenOptions {
                read_only: true,
                ..OpenOptions::default()
            },
        )
        .err()
        .unwrap();
        assert!(err.to_string().contains("needs upgrading"), "{err}");

        let mut store = db.open();
        assert_eq!(SCHEMA_VERSION, 2);
        assert_eq!(
            db.scalar("SELECT max(version) FROM schema_migrations"),
            i64::from(SCHEMA_VERSION)
        );
        assert_eq!(db.scalar("SELECT count(*) FROM schema_migrations"), 2);
        assert_eq!(indexes_named(db, DROPPED_IN_2), 0);
        // the indexes queries use are kept
        assert_eq!(
            indexes_named(
                db,
                "'mentions_document', 'event_actors_code', 'documents_text_hash'"
            ),
            3
        );
        let counts = store.counts().unwrap();
        assert_eq!(
            (counts.documents, counts.entities, counts.quotes),
            (1, 1, 1)
        );
        assert_eq!(store.analysis("old").unwrap(), Some(old.clone()));
        assert_eq!(
            store.near_candidates(&[77]).unwrap(),
            [("old".to_string(), vec![1, 2])]
        );
        assert!(matches!(
            store.known("again", TextHash::of(&old.text)).unwrap(),
            Known::SameText { canonical } if canonical == "old"
        ));
        let new = analysis(
            "new",
            "Die Ukraine weist die Drohung zurück.",
            "2022-02-02",
            "Blatt",
            &[(EventType::Reject, "UKR", "RUS", None)],
        );
        assert_eq!(write(&mut store, &[new]).stored, 1);
        drop(store);
        assert_eq!(db.reader().counts().unwrap().documents, 2);
    });
}

#[test]
fn stores_opened_at_once_are_migrated_once() {
    each(|db| {
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| drop(db.open()));
            }
        });
        assert_eq!(
            db.scalar("SELECT count(*) FROM schema_migrations"),
            i64::from(SCHEMA_VERSION)
        );
        assert_eq!(db.open().counts().unwrap().documents, 0);
    });
}

#[test]
fn a_foreign_database_is_refused_unchanged() {
    each(|db| {
        db.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
        let before = db.snapshot();
        let err = sitrep_store::open(&db.location, &OpenOptions::default())
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
        assert!(err.to_string().contains("not a sitrep store"), "{err}");
        assert_eq!(db.snapshot(), before);
    });
}

#[test]
fn a_file_that_is_not_a_database_is_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("notes.txt");
    std::fs::write(
        &t,
        "Dies ist keine Datenbank, sondern ein Text, lang genug für einen Kopf.\n".repeat(10),
    )
    .unwrap();
    let before = std::fs::read(&t).unwrap();
    let err = SqliteStore::open(t.to_str().unwrap(), &OpenOptions::default())
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert_eq!(std::fs::read(&t).unwrap(), before);
}

#[test]
fn a_newer_schema_is_refused_unchanged() {
    each(|db| {
        drop(db.open());
        db.execute(db.pick(
            "PRAGMA user_version = 99;",
            "UPDATE sitrep_store SET schema_version = 99;",
        ));
        let before = db.snapshot();
        for read_only in [false, true] {
            let opts = OpenOptions {
                read_only,
                ..OpenOptions::default()
            };
            let err = sitrep_store::open(&db.location, &opts).err().unwrap();
            assert!(matches!(err, StoreError::Newer { found: 99, .. }), "{err}");
            assert!(err.to_string().contains("newer"), "{err}");
        }
        assert_eq!(db.snapshot(), before);
    });
}

#[test]
fn read_only_and_missing_stores_are_clear_errors() {
    each(|db| {
        let ro = OpenOptions {
            read_only: true,
            ..OpenOptions::default()
        };
        // Readers never create a store.
        let err = sitrep_store::open(&db.location, &ro).err().unwrap();
        assert!(matches!(err, StoreError::Missing { .. }), "{err}");
        assert!(err.to_string().contains("no store here"), "{err}");
        if db.backend == Backend::Sqlite {
            assert!(!std::path::Path::new(&db.location).exists());
        } else {
            assert_eq!(
                db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"),
                0
            );
        }
        drop(db.open());
        // A reader cannot write, even when asked to.
        let mut r = db.reader();
        let a = analysis("d1", "Text eins.", "2022-02-01", "A", &[]);
        let err = r
            .write_batch(vec![incoming(&a)], &ClusterSettings::default())
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(r.counts().unwrap().documents, 0);
    });
    // A file opened read-only by its URI cannot be written to.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.db");
    drop(open(&p));
    let uri = format!("file:{}?mode=ro", p.display());
    let err = SqliteStore::open(&uri, &OpenOptions::default())
        .err()
        .unwrap();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
}

#[test]
fn a_locked_store_is_a_clear_error_then_works() {
    each(|db| {
        drop(db.open());
        let opts = OpenOptions {
            busy_timeout: Duration::from_millis(100),
            read_only: false,
        };
        let mut s = db.open_with(&opts);
        let a = analysis("d1", "Text eins.", "2022-02-01", "A", &[]);
        // Another writer holds the store's write lock.
        let release: Box<dyn FnOnce()> = match db.backend {
            Backend::Sqlite => {
                let other = rusqlite::Connection::open(&db.location).unwrap();
                other.execute_batch("BEGIN IMMEDIATE;").unwrap();
                Box::new(move || other.execute_batch("COMMIT;").unwrap())
            }
            Backend::Postgres => {
                #[cfg(feature = "postgres")]
                {
                    let mut other =
                        postgres::Client::connect(&db.location, postgres::NoTls).unwrap();
                    other
                        .batch_execute(
                            "SELECT pg_advisory_lock(hashtext('sitrep:' || current_schema()))",
                        )
                        .unwrap();
                    Box::new(move || drop(other))
                }
                #[cfg(not(feature = "postgres"))]
                unreachable!()
            }
        };
        let err = s
            .write_batch(vec![incoming(&a)], &ClusterSettings::default())
            .err()
            .unwrap();
        assert!(
            matches!(err, StoreError::Locked { waited_ms: 100, .. }),
            "{err}"
        );
        assert!(
            err.to_string().contains("locked by another process"),
            "{err}"
        );
        release();
        assert_eq!(
            s.write_batch(vec![incoming(&a)], &ClusterSettings::default())
                .unwrap()
                .stored,
            1
        );
    });
}

#[test]
fn writing_twice_changes_nothing_and_copies_become_reports() {
    each(|db| {
        let mut s = db.open();
        let docs = [
            analysis(
                "d1",
                "Russland droht der Ukraine.",
                "2022-02-01",
                "A",
                &[(EventType::Threaten, "RUS", "UKR", None)],
            ),
            analysis(
                "d2",
                "Berlin liefert Helme.",
                "2022-02-01",
                "B",
                &[(EventType::Aid, "DEU", "UKR", None)],
            ),
        ];
        let first = write(&mut s, &docs);
        assert_eq!((first.stored, first.events, first.already), (2, 2, 0));
        let counts = s.counts().unwrap();
        let again = write(&mut s, &docs);
        assert_eq!((again.stored, again.already), (0, 2));
        assert_eq!(s.counts().unwrap(), counts);

        // The same text under another id (white space aside) is a report, not a document.
        let copy = analysis(
            "copy",
            " Russland  droht der Ukraine.\n",
            "2022-02-02",
            "C",
            &[(EventType::Threaten, "RUS", "UKR", None)],
        );
        assert_eq!(
            s.known("copy", TextHash::of(&copy.text)).unwrap(),
            Known::SameText {
                canonical: "d1".into()
            }
        );
        assert_eq!(
            s.known("d1", TextHash::of("anything")).unwrap(),
            Known::StoredId
        );
        let out = write(&mut s, &[copy]);
        assert_eq!((out.stored, out.exact), (0, 1));
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.reports, c.events), (2, 1, 2));
        // The copy counts as a further report (and outlet) of the event's cluster.
        let cl = s
            .clusters(&Filter {
                event_type: Some(EventType::Threaten),
                ..Filter::default()
            })
            .unwrap();
        assert_eq!((cl.len(), cl[0].documents, cl[0].outlets), (1, 2, 2));
    });
}

#[test]
fn the_analysis_comes_back_whole() {
    each(|db| {
        let mut s = db.open();
        let a = analysis(
            "d1",
            "Russland droht der Ukraine.",
            "2022-02-01",
            "A",
            &[(EventType::Threaten, "RUS", "UKR", Some("UKR"))],
        );
        write(&mut s, std::slice::from_ref(&a));
        assert_eq!(s.analysis("d1").unwrap(), Some(a));
        assert_eq!(s.analysis("nope").unwrap(), None);
    });
}

/// An entity with a sector and no state code (`-/BUS`, issue 5) is stored with a null code
/// column and comes back whole; its event names only the coded actor, in the export too,
/// and clusters never take a sector for an actor.
#[test]
fn a_sector_only_actor_is_stored_and_read_back() {
    each(|db| {
        let mut s = db.open();
        let text = "Bill Kappan criticized NATO.";
        let mut a = analysis(
            "d1",
            text,
            "2022-02-01",
            "A",
            &[(EventType::Accuse, "", "NATO", None)],
        );
        let mention = |start: u32, end: u32| Mention {
            start,
            end,
            text: text[start as usize..end as usize].into(),
        };
        a.entities = vec![
            Entity {
                id: "e1".into(),
                kind: EntityKind::Person,
                name: "Bill Kappan".into(),
                actor: Some(ActorCode::sector_only(Sector::Bus)),
                kb: None,
                mentions: vec![mention(0, 11)],
            },
            Entity {
                id: "e2".into(),
                kind: EntityKind::Organization,
                name: "NATO".into(),
                actor: Some(ActorCode::coded("NATO", Some(Sector::Igo))),
                kb: Some("nato".into()),
                mentions: vec![mention(23, 27)],
            },
        ];
        write(&mut s, std::slice::from_ref(&a));
        assert_eq!(s.analysis("d1").unwrap(), Some(a.clone()));
        let row = |e: &str| {
            db.text(&format!(
                "SELECT COALESCE(actor_code, '-') || '/' || COALESCE(sector, '-') FROM entities WHERE entity = '{e}'"
            ))
        };
        assert_eq!(row("e1"), "-/BUS");
        assert_eq!(row("e2"), "NATO/IGO");
        let records = s.events(&Filter::default()).unwrap();
        assert_eq!(records.len(), 1);
        let csv = sitrep_store::csv_row(&records[0]);
        let col = |name: &str| {
            let k = sitrep_store::csv_header()
                .iter()
                .position(|c| c == name)
                .unwrap();
            csv[k].clone()
        };
        assert_eq!(
            (col("source"), col("target")),
            (String::new(), "NATO".to_string())
        );
        // Two private persons' complaints on one day: a sector is no event actor, so their
        // events name none and no cluster joins them (a code `CVL` would: codes fit by
        // prefix).
        let private = |id: &str, name: &str| {
            let text = format!("{name} criticized the plan.");
            let mut p = analysis(
                id,
                &text,
                "2022-02-01",
                "B",
                &[(EventType::Accuse, "", "", None)],
            );
            p.entities = vec![Entity {
                id: "e1".into(),
                kind: EntityKind::Person,
                name: name.into(),
                actor: Some(ActorCode::sector_only(Sector::Cvl)),
                kb: None,
                mentions: vec![Mention {
                    start: 0,
                    end: name.len() as u32,
                    text: name.into(),
                }],
            }];
            p
        };
        write(
            &mut s,
            &[private("d2", "Anna Berger"), private("d3", "Karl Huber")],
        );
        for c in s.clusters(&Filter::default()).unwrap() {
            assert_eq!(c.events, 1, "{c:#?}");
        }
    });
}

#[test]
fn query_filters_select_the_right_events() {
    each(|db| {
        let mut s = db.open();
        let mut neg = analysis(
            "d3",
            "Paris lehnt Gespräche mit Moskau ab.",
            "2022-03-10",
            "C",
            &[(EventType::Reject, "FRA", "RUS", None)],
        );
        neg.events[0].modality = Modality::Negated;
        write(
            &mut s,
            &[
                analysis(
                    "d1",
                    "Russland droht der Ukraine in Kiew.",
                    "2022-02-01",
                    "A",
                    &[(EventType::Threaten, "RUS", "UKR", Some("UKR"))],
                ),
                analysis(
                    "d2",
                    "Washington hilft Kiew mit Geld.",
                    "2022-02-15",
                    "B",
                    &[
                        (EventType::Aid, "USAGOV", "UKR", None),
                        (EventType::Threaten, "UKR", "RUS", None),
                    ],
                ),
                neg,
            ],
        );
        let q = |f: Filter| ids(&s.events(&f).unwrap());
        assert_eq!(q(Filter::default()), ["d1/v1", "d2/v1", "d2/v2", "d3/v1"]);
        assert_eq!(
            q(Filter {
                actor: Some("RUS".into()),
                ..Filter::default()
            }),
            ["d1/v1", "d2/v2", "d3/v1"]
        );
        assert_eq!(
            q(Filter {
                source: Some("RUS".into()),
                ..Filter::default()
            }),
            ["d1/v1"]
        );
        assert_eq!(
            q(Filter {
                target: Some("RUS".into()),
                ..Filter::default()
            }),
            ["d2/v2", "d3/v1"]
        );
        assert_eq!(
            q(Filter {
                actor: Some("USA".into()),
                ..Filter::default()
            }),
            ["d2/v1"],
            "codes match by prefix"
        );
        assert_eq!(
            q(Filter {
                event_type: Some(EventType::Threaten),
                ..Filter::default()
            }),
            ["d1/v1", "d2/v2"]
        );
        assert_eq!(
            q(Filter {
                modality: Some(Modality::Negated),
                ..Filter::default()
            }),
            ["d3/v1"]
        );
        assert_eq!(
            q(Filter {
                place: Some("UKR".into()),
                ..Filter::default()
            }),
            ["d1/v1"]
        );
        let day = |s: &str| Some(s.parse::<Date>().unwrap());
        assert_eq!(
            q(Filter {
                since: day("2022-02-02"),
                until: day("2022-02-28"),
                ..Filter::default()
            }),
            ["d2/v1", "d2/v2"]
        );
        assert_eq!(
            q(Filter {
                text: vec!["kiew".into(), "Geld".into()],
                ..Filter::default()
            }),
            ["d2/v1", "d2/v2"]
        );
        assert_eq!(
            q(Filter {
                text: vec!["100%".into()],
                ..Filter::default()
            }),
            Vec::<String>::new(),
            "LIKE wildcards are escaped"
        );
        assert_eq!(
            q(Filter {
                limit: Some(1),
                ..Filter::default()
            }),
            ["d1/v1"]
        );
        assert_eq!(
            q(Filter {
                actor: Some("UKR".into()),
                event_type: Some(EventType::Threaten),
                since: day("2022-02-01"),
                until: day("2022-02-28"),
                ..Filter::default()
            }),
            ["d1/v1", "d2/v2"]
        );
        // Events carry their document's metadata and the evidence words.
        let r = &s
            .events(&Filter {
                place: Some("UKR".into()),
                ..Filter::default()
            })
            .unwrap()[0];
        assert_eq!(
            (
                r.outlet.as_deref(),
                r.day.as_deref(),
                r.evidence_text.as_str()
            ),
            (
                Some("A"),
                Some("2022-02-01"),
                "Russland droht der Ukraine in Kiew."
            )
        );
    });
}

#[test]
fn json_records_round_trip() {
    each(|db| {
        let mut s = db.open();
        let a = analysis(
            "d1",
            "Russland droht der Ukraine.",
            "2022-02-01",
            "A",
            &[
                (EventType::Threaten, "RUS", "UKR", Some("UKR")),
                (EventType::Aid, "DEU", "UKR", None),
            ],
        );
        write(&mut s, std::slice::from_ref(&a));
        let records = s.events(&Filter::default()).unwrap();
        let lines: Vec<String> = records
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        let back: Vec<EventRecord> = lines
            .iter()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(back, records);
        assert_eq!(
            back.iter().map(|r| r.event.clone()).collect::<Vec<_>>(),
            a.events
        );
        let v: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
        assert_eq!(
            (v["schema"].as_str(), v["event"]["type"].as_str()),
            (Some("sitrep/1"), Some("THREATEN"))
        );
    });
}

#[test]
fn events_without_a_day_come_first_on_every_backend() {
    each(|db| {
        let mut s = db.open();
        let dated = analysis(
            "d1",
            "Russland droht der Ukraine.",
            "2022-02-01",
            "A",
            &[(EventType::Threaten, "RUS", "UKR", None)],
        );
        let mut undated = analysis(
            "d2",
            "Polen hilft der Ukraine.",
            "2022-02-01",
            "B",
            &[(EventType::Aid, "POL", "UKR", None)],
        );
        undated.published = None;
        write(&mut s, &[dated, undated]);
        let records = s.events(&Filter::default()).unwrap();
        assert_eq!(ids(&records), ["d2/v1", "d1/v1"]);
        assert_eq!(records[0].day, None);
    });
}

#[test]
fn a_large_batch_keeps_every_row_and_clusters_within_it() {
    // PostgreSQL holds a batch's rows back and sends each table at once: rows, ids and
    // clusters formed inside one batch must come out as if written one by one.
    each(|db| {
        let mut s = db.open();
        let docs: Vec<Analysis> = (0..300)
            .map(|i| {
                analysis(
                    &format!("d{i}"),
                    &format!("Russland droht der Ukraine ({i})."),
                    "2022-02-01",
                    if i % 2 == 0 { "A" } else { "B" },
                    &[
                        (EventType::Threaten, "RUS", "UKR", Some("UKR")),
                        (EventType::Aid, &format!("X{i:03}"), "", None),
                    ],
                )
            })
            .collect();
        let out = write(&mut s, &docs);
        assert_eq!((out.stored, out.events), (300, 600));
        let records = s.events(&Filter::default()).unwrap();
        assert_eq!(records.len(), 600);
        let clusters = s.clusters(&Filter::default()).unwrap();
        // one cluster of the 300 threats, reported by two outlets; one per aid event
        assert_eq!(clusters.len(), 301);
        assert_eq!(
            (
                clusters[0].events,
                clusters[0].documents,
                clusters[0].outlets
            ),
            (300, 300, 2)
        );
        let counts = s.counts().unwrap();
        assert_eq!((counts.documents, counts.events), (300, 600));
    });
}

#[test]
fn clusters_merge_one_event_across_documents_and_keep_others_apart() {
    each(|db| {
        let mut s = db.open();
        let t = EventType::Accuse;
        write(
            &mut s,
            &[analysis(
                "a",
                "Moskau beschuldigt Kiew.",
                "2022-02-01",
                "Agentur",
                &[(t, "RUS", "UKR", Some("UKR"))],
            )],
        );
        // Incremental: later batches join the existing cluster.
        write(
            &mut s,
            &[
                analysis(
                    "b",
                    "Russland wirft der Ukraine vor …",
                    "2022-02-03",
                    "Zeitung",
                    &[(t, "RUSGOV", "UKR", None)],
                ),
                analysis(
                    "c",
                    "Washington beschuldigt Kiew.",
                    "2022-02-02",
                    "Zeitung",
                    &[(t, "USA", "UKR", None)],
                ),
                analysis(
                    "d",
                    "Moskau beschuldigt Kiew erneut.",
                    "2022-02-20",
                    "Agentur",
                    &[(t, "RUS", "UKR", None)],
                ),
                analysis(
                    "e",
                    "Moskau droht Kiew.",
                    "2022-02-02",
                    "Agentur",
                    &[(EventType::Threaten, "RUS", "UKR", None)],
                ),
                analysis(
                    "f",
                    "Moskau beschuldigt Kiew in Polen.",
                    "2022-02-02",
                    "Radio",
                    &[(t, "RUS", "UKR", Some("POL"))],
                ),
            ],
        );
        let all = s.clusters(&Filter::default()).unwrap();
        assert_eq!(all.len(), 5, "{all:#?}");
        let big = &all[0];
        assert_eq!(
            big.members,
            [
                ("a".to_string(), "v1".to_string()),
                ("b".into(), "v1".into())
            ]
        );
        assert_eq!((big.events, big.documents, big.outlets), (2, 2, 2));
        assert_eq!(
            (big.first_day.as_str(), big.last_day.as_str()),
            ("2022-02-01", "2022-02-03")
        );
        assert_eq!(big.sources, ["RUS", "RUSGOV"]);
        for c in &all[1..] {
            assert_eq!(c.events, 1, "{c:#?}");
        }
        // A wider window brings the report of the 20th in.
        drop(s);
        db.execute(db.pick(
            "DELETE FROM event_actors; DELETE FROM event_places; DELETE FROM events; DELETE FROM clusters; DELETE FROM documents;",
            "TRUNCATE event_actors, event_places, citations, events, clusters, mentions, entities, quotes, signature_keys, reports, documents;",
        ));
        let mut s2 = db.open();
        assert_eq!(s2.counts().unwrap().events, 0);
        let wide = ClusterSettings { window_days: 30 };
        for (id, day) in [("a", "2022-02-01"), ("d", "2022-02-20")] {
            let a = analysis(
                id,
                &format!("Moskau beschuldigt Kiew ({day})."),
                day,
                "A",
                &[(t, "RUS", "UKR", None)],
            );
            s2.write_batch(vec![incoming(&a)], &wide).unwrap();
        }
        assert_eq!(s2.counts().unwrap().clusters, 1);
    });
}

#[test]
fn reanalysis_replaces_the_rows_of_old_documents() {
    each(|db| {
        let mut s = db.open();
        let a = analysis(
            "d1",
            "Russland droht der Ukraine.",
            "2022-02-01",
            "A",
            &[
                (EventType::Threaten, "RUS", "UKR", None),
                (EventType::Aid, "DEU", "UKR", None),
            ],
        );
        let mut old = incoming(&a);
        if let Incoming::Document(d) = &mut old {
            d.version = 0;
        }
        s.write_batch(vec![old], &ClusterSettings::default())
            .unwrap();
        let outdated = s.outdated(1, 10).unwrap();
        assert_eq!(outdated.len(), 1);
        assert_eq!(
            (outdated[0].document.id.as_str(), outdated[0].version),
            ("d1", 0)
        );
        assert_eq!(outdated[0].document.published, a.published);
        let mut new = a.clone();
        new.events.truncate(1);
        assert_eq!(
            s.replace_analyses(vec![new.clone()], 1, &ClusterSettings::default())
                .unwrap(),
            1
        );
        assert!(s.outdated(1, 10).unwrap().is_empty());
        let c = s.counts().unwrap();
        assert_eq!(
            (c.documents, c.events, c.clusters, c.event_actors),
            (1, 1, 1, 2)
        );
        assert_eq!(s.analysis("d1").unwrap(), Some(new));
    });
}

#[test]
fn stats_count_by_day_type_and_pair() {
    each(|db| {
        let mut s = db.open();
        write(
            &mut s,
            &[
                analysis(
                    "d1",
                    "Eins.",
                    "2022-02-01",
                    "A",
                    &[
                        (EventType::Threaten, "RUS", "UKR", None),
                        (EventType::Threaten, "RUS", "UKR", None),
                    ],
                ),
                analysis(
                    "d2",
                    "Zwei.",
                    "2022-02-02",
                    "A",
                    &[(EventType::Aid, "DEU", "UKR", None)],
                ),
            ],
        );
        let st = s.stats(10).unwrap();
        assert_eq!(
            st.by_day,
            [("2022-02-01".to_string(), 2), ("2022-02-02".to_string(), 1)]
        );
        assert_eq!(
            st.by_type,
            [("THREATEN".to_string(), 2), ("AID".to_string(), 1)]
        );
        assert_eq!(
            st.by_actor_pair[0],
            ("RUS".to_string(), "UKR".to_string(), 2)
        );
        assert_eq!(st.counts.events, 3);
    });
}

#[test]
fn the_documented_csv_columns_are_the_written_ones() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/store.md"))
        .unwrap();
    let table = doc
        .split("| column | meaning |")
        .nth(1)
        .expect("docs/store.md has the column table");
    let documented: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim_matches('|').split('|').next().unwrap().trim())
        .collect();
    let written: Vec<&str> = sitrep_store::CSV_COLUMNS.iter().map(|c| c.0).collect();
    assert_eq!(documented, written);
}

#[test]
fn near_duplicate_signatures_are_found_by_key_and_reports_kept() {
    each(|db| {
        let mut s = db.open();
        use sitrep_store::{NewReport, ReportKind, Signature};
        let a = analysis(
            "d1",
            "Russland droht der Ukraine.",
            "2022-02-01",
            "A",
            &[(EventType::Threaten, "RUS", "UKR", None)],
        );
        let doc = NewDocument {
            analysis: a.clone(),
            version: 1,
            hash: TextHash::of(&a.text),
            signature: Some(Signature {
                bytes: vec![1, 2, 3],
                keys: vec![7, -9],
            }),
        };
        s.write_batch(vec![Incoming::Document(doc)], &ClusterSettings::default())
            .unwrap();
        assert_eq!(
            s.near_candidates(&[-9, 7, 7]).unwrap(),
            [("d1".to_string(), vec![1, 2, 3])]
        );
        assert!(s.near_candidates(&[8]).unwrap().is_empty());
        let mut copy = Document::new("d2", "Russland droht der Ukraine erneut.");
        copy.outlet = Some("B".into());
        let r = NewReport::of(
            &copy,
            TextHash::of(&copy.text),
            "d1".into(),
            ReportKind::Near,
            Some(0.9),
        );
        let out = s
            .write_batch(vec![Incoming::Report(r)], &ClusterSettings::default())
            .unwrap();
        assert_eq!((out.near, out.exact), (1, 0));
        assert_eq!(
            db.scalar(
                "SELECT count(*) FROM reports WHERE doc_id = 'd2' AND kind = 'near' AND similarity > 0.8999 AND similarity < 0.9001"
            ),
            1
        );
        // The copy's own text is known from now on, as a copy of d1.
        assert_eq!(
            s.known("d3", TextHash::of(&copy.text)).unwrap(),
            Known::SameText {
                canonical: "d1".into()
            }
        );
        // A report of a document that is not stored is an error naming it; nothing is written.
        let orphan = NewReport::of(
            &Document::new("d4", "x"),
            TextHash::of("x"),
            "nope".into(),
            ReportKind::Exact,
            None,
        );
        let err = s
            .write_batch(vec![Incoming::Report(orphan)], &ClusterSettings::default())
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("d4") && err.to_string().contains("nope"),
            "{err}"
        );
        assert_eq!(s.counts().unwrap().reports, 1);
    });
}
