//! `sitrep bench-store`: writes synthetic events into a fresh store and times queries by
//! actor, type and month. Prints one JSON line. Not run in CI.

use crate::ingest::DbArgs;
use clap::Args;
use sitrep_core::{
    Analysis, Date, Document, Event, EventActor, EventPlace, EventType, Mention, Span,
};
use sitrep_store::{ClusterSettings, Filter, Incoming, NewDocument, TextHash};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct BenchStoreArgs {
    /// A store file that does not exist yet, or a PostgreSQL URL of an empty store (it is
    /// filled and left for inspection).
    #[arg(long, value_name = "PATH|URL")]
    pub db: String,
    /// Also time a Parquet export of every event to this file (needs `--features parquet`).
    #[arg(long, value_name = "FILE")]
    pub parquet: Option<std::path::PathBuf>,
    /// How many events to write.
    #[arg(long, default_value_t = 1_000_000, value_name = "N")]
    pub events: usize,
    /// Events per synthetic document.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub per_document: usize,
    /// How many queries to time.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub queries: usize,
}

/// Actor codes the synthetic events draw from (states, a few organisations).
const CODES: &[&str] = &[
    "DEU", "USA", "RUS", "UKR", "FRA", "GBR", "POL", "CHN", "TUR", "ISR", "PSE", "IRN", "SYR",
    "IRQ", "AFG", "ITA", "ESP", "NLD", "BEL", "AUT", "CHE", "SWE", "NOR", "FIN", "DNK", "GRC",
    "HUN", "CZE", "SVK", "ROU", "BGR", "SRB", "BLR", "MDA", "GEO", "ARM", "AZE", "KAZ", "IND",
    "PAK", "JPN", "KOR", "PRK", "BRA", "ARG", "MEX", "CAN", "AUS", "EGY", "SAU", "QAT", "ARE",
    "LBN", "JOR", "LBY", "NGA", "ZAF", "ETH", "NATO", "EU",
];

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn actor(code: &str) -> EventActor {
    EventActor {
        code: code.into(),
        entity: None,
        text: code.into(),
        start: 0,
        end: 3,
        inferred: false,
    }
}

fn synthetic(rng: &mut Rng, n: usize, per_doc: usize) -> Analysis {
    let day = Date::new(
        2022 + rng.below(2) as i32,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    )
    .expect("a valid day");
    let mut doc = Document::new(format!("synthetic-{n}"), format!("Synthetic document {n}."));
    doc.published = Some(day);
    doc.outlet = Some(format!("outlet-{}", rng.below(40)));
    let mut a = Analysis::from_document(doc);
    for k in 0..per_doc {
        let event_type = EventType::ALL[rng.below(EventType::ALL.len())];
        let place = CODES[rng.below(CODES.len())];
        let trigger = Mention {
            start: 0,
            end: 9,
            text: "Synthetic".into(),
        };
        let evidence = Span::new(0, a.text.len());
        a.events.push(Event {
            source: vec![actor(CODES[rng.below(CODES.len())])],
            target: vec![actor(CODES[rng.below(CODES.len())])],
            location: vec![EventPlace {
                code: Some(place.into()),
                name: place.into(),
                text: place.into(),
                start: 0,
                end: 3,
            }],
            rule: "synthetic".into(),
            confidence: 0.5,
            ..Event::new(format!("v{}", k + 1), event_type, trigger, evidence)
        });
    }
    a
}

pub fn run(args: BenchStoreArgs) -> anyhow::Result<ExitCode> {
    let postgres = sitrep_store::is_postgres_url(&args.db);
    if !postgres && std::path::Path::new(&args.db).exists() {
        anyhow::bail!("{}: exists; the benchmark writes a fresh store", args.db);
    }
    if args.parquet.is_some() && !cfg!(feature = "parquet") {
        anyhow::bail!(
            "--parquet: this sitrep was built without Parquet support (--features parquet)"
        );
    }
    let per_doc = args.per_document.max(1);
    let mut store = DbArgs {
        db: args.db.clone(),
        busy_timeout: 10_000,
    }
    .open(false)?;
    if store.counts()?.documents > 0 {
        anyhow::bail!(
            "{}: holds documents; the benchmark writes a fresh store",
            store.location()
        );
    }
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let settings = ClusterSettings::default();
    let start = Instant::now();
    let docs = args.events.div_ceil(per_doc);
    let mut n = 0;
    while n < docs {
        let batch: Vec<Incoming> = (n..(n + 1000).min(docs))
            .map(|i| {
                let analysis = synthetic(&mut rng, i, per_doc);
                Incoming::Document(NewDocument {
                    hash: TextHash::of(&analysis.text),
                    analysis,
                    version: 1,
                    signature: None,
                })
            })
            .collect();
        n += batch.len();
        store.write_batch(batch, &settings)?;
    }
    let write_s = start.elapsed().as_secs_f64();
    let mut times = Vec::with_capacity(args.queries);
    let mut hits = 0;
    for _ in 0..args.queries {
        let year = 2022 + rng.below(2) as i32;
        let month = 1 + rng.below(12) as u32;
        let filter = Filter {
            actor: Some(CODES[rng.below(CODES.len())].to_string()),
            event_type: Some(EventType::ALL[rng.below(EventType::ALL.len())]),
            since: Date::new(year, month, 1),
            until: Date::new(year, month, 28),
            ..Filter::default()
        };
        let t = Instant::now();
        hits += store.events(&filter)?.len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let counts = store.counts()?;
    let export_s = match &args.parquet {
        Some(path) => Some(parquet_export(store.as_ref(), path)?),
        None => None,
    };
    outln!(
        "{}",
        serde_json::json!({
            "bench": "store",
            "events": counts.events,
            "documents": counts.documents,
            "clusters": counts.clusters,
            "write_s": (write_s * 10.0).round() / 10.0,
            "write_events_per_s": (counts.events as f64 / write_s).round(),
            "queries": times.len(),
            "mean_hits": hits as f64 / times.len().max(1) as f64,
            "query_ms_median": times.get(times.len() / 2).copied().unwrap_or(0.0),
            "query_ms_max": times.last().copied().unwrap_or(0.0),
            "parquet_export_s": export_s.map(|s| (s * 100.0).round() / 100.0),
        })
    );
    Ok(ExitCode::SUCCESS)
}

/// Seconds to export every event as Parquet to `path`.
#[cfg(feature = "parquet")]
fn parquet_export(store: &dyn sitrep_store::Store, path: &std::path::Path) -> anyhow::Result<f64> {
    use anyhow::Context;
    let start = Instant::now();
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut w = sitrep_store::ParquetWriter::new(&mut out)?;
    store.each_event(&Filter::default(), &mut |r| {
        w.push(&r).map_err(std::io::Error::other)
    })?;
    w.finish()?;
    std::io::Write::flush(&mut out)?;
    Ok(start.elapsed().as_secs_f64())
}

#[cfg(not(feature = "parquet"))]
fn parquet_export(_: &dyn sitrep_store::Store, _: &std::path::Path) -> anyhow::Result<f64> {
    unreachable!("refused before writing")
}
