//! `sitrep serve` (the HTTP API over a store, optionally seeded with the example articles:
//! `--demo`) and `sitrep bench-serve` (load on 127.0.0.1: throughput, latency, memory).

use anyhow::Context;
use clap::Args;
use sitrep_ingest::{IngestOptions, Input, Reader};
use sitrep_pipeline::Pipeline;
use sitrep_server::client::Client;
use sitrep_server::{App, Config, Running};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// The store: a SQLite file (created when missing) or a PostgreSQL URL (see `sitrep
    /// ingest --help`). With --demo and no --db, a fresh file in a temporary folder.
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Address to listen on (port 0: any free port; the chosen one is printed).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: SocketAddr,
    /// File holding the bearer token that `POST /v1/documents` requires (else the
    /// SITREP_TOKEN environment variable; neither: writes are open).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = Config::default().max_body_bytes, value_name = "N")]
    pub max_body_bytes: usize,
    /// Longest a request may take (headers, body and answer), in milliseconds.
    #[arg(long, default_value_t = Config::default().request_timeout.as_millis() as u64, value_name = "MS")]
    pub request_timeout_ms: u64,
    /// Requests handled at once; more wait for a slot.
    #[arg(long, default_value_t = Config::default().max_concurrency, value_name = "N")]
    pub max_concurrency: usize,
    /// Read-only store connections.
    #[arg(long, default_value_t = Config::default().readers, value_name = "N")]
    pub readers: usize,
    /// Runtime threads answering requests (default: one per core).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// First store the example articles (examples/, and the news corpus in $SITREP_DATA
    /// when present); already stored ones are skipped.
    #[arg(long)]
    pub demo: bool,
    /// No log line per request.
    #[arg(long)]
    pub quiet: bool,
}

impl ServeArgs {
    fn config(&self, db: String) -> anyhow::Result<Config> {
        let token = match &self.token_file {
            Some(f) => Some(
                std::fs::read_to_string(f)
                    .with_context(|| format!("--token-file {}", f.display()))?
                    .trim()
                    .to_string(),
            ),
            None => std::env::var("SITREP_TOKEN").ok(),
        };
        if token.as_deref().is_some_and(str::is_empty) {
            anyhow::bail!("the token (--token-file or SITREP_TOKEN) is empty");
        }
        if self.max_body_bytes == 0 || self.request_timeout_ms == 0 || self.max_concurrency == 0 {
            anyhow::bail!(
                "--max-body-bytes, --request-timeout-ms and --max-concurrency must be at least 1"
            );
        }
        Ok(Config {
            db,
            token,
            max_body_bytes: self.max_body_bytes,
            request_timeout: Duration::from_millis(self.request_timeout_ms),
            max_concurrency: self.max_concurrency,
            readers: self.readers.max(1),
            busy_timeout: Config::default().busy_timeout,
            log: !self.quiet,
        })
    }
}

/// The examples and, when present, the news corpus: what `--demo` stores.
fn demo_inputs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    // From the repository's root (as README runs it) the ids read `examples/NAME.txt`;
    // elsewhere the checkout the binary was built from.
    let built_from = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples"));
    if std::path::Path::new("examples/de-truppen.txt").is_file() {
        out.push(PathBuf::from("examples"));
    } else if built_from.is_dir() {
        out.push(built_from.canonicalize().unwrap_or(built_from));
    }
    let news = crate::paths::data_dir().join("news");
    if news.is_dir() {
        out.push(news);
    }
    out
}

/// Stores the documents of `inputs` through the server's own ingest path, in batches.
pub fn seed(app: &App, inputs: &[PathBuf]) -> anyhow::Result<sitrep_server::IngestReport> {
    let reader = Reader::new(
        inputs.iter().map(|p| Input::Path(p.clone())).collect(),
        IngestOptions::default(),
    );
    let mut total = sitrep_server::IngestReport::default();
    let mut batch = Vec::new();
    let flush = |batch: &mut Vec<(usize, sitrep_core::Document)>,
                 total: &mut sitrep_server::IngestReport|
     -> anyhow::Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let r = app
            .ingest(std::mem::take(batch))
            .map_err(|e| anyhow::anyhow!("{}", e.message))?;
        total.read += r.read;
        total.stored += r.stored;
        total.events += r.events;
        total.exact += r.exact;
        total.near += r.near;
        total.already += r.already;
        total.errors.extend(r.errors);
        Ok(())
    };
    for (i, item) in reader.enumerate() {
        match item {
            Ok(ing) => batch.push((i + 1, ing.doc)),
            Err(e) => eprintln!("sitrep: {e}"),
        }
        if batch.len() >= 256 {
            flush(&mut batch, &mut total)?;
        }
    }
    flush(&mut batch, &mut total)?;
    Ok(total)
}

pub fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut _tmp = None;
    let db = match (&args.db, args.demo) {
        (Some(db), _) => db.clone(),
        (None, true) => {
            let dir = std::env::temp_dir().join(format!("sitrep-demo-{}", std::process::id()));
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let db = dir.join("demo.db").to_string_lossy().into_owned();
            _tmp = Some(dir);
            db
        }
        (None, false) => "sitrep.db".into(),
    };
    let config = args.config(db)?;
    let pipeline = Arc::new(Pipeline::new());
    pipeline.preload(&[sitrep_core::Language::De, sitrep_core::Language::En]);
    let app = App::new(config, pipeline)?;
    if args.demo {
        let inputs = demo_inputs();
        let start = Instant::now();
        let r = seed(&app, &inputs)?;
        eprintln!(
            "sitrep: demo store {}: {} documents read in {:.1} s, {} stored ({} events), {} copies, {} already stored, {} failed",
            app.config.db,
            r.read,
            start.elapsed().as_secs_f64(),
            r.stored,
            r.events,
            r.exact + r.near,
            r.already,
            r.errors.len()
        );
    }
    let workers = args
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let running = Running::start(app, args.addr, workers)
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    eprintln!(
        "sitrep: serving on http://{} (API: /openapi.json)",
        running.addr
    );
    running.wait()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug, Clone)]
pub struct BenchServeArgs {
    /// The store to serve (SQLite). Seeded with examples/ and the news corpus when it has
    /// no documents.
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// Requests in all.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub requests: usize,
    /// Concurrent connections (one client thread each, keep-alive).
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub connections: usize,
    /// Sequential `/v1/extract` requests timed on one article.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub extract_requests: usize,
    /// Runtime threads of the server (default: one per core).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Measured rounds of `--requests` each (memory is read after every round).
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub rounds: usize,
}

/// The news corpus's article of median length as a JSON document (`$SITREP_DATA/news`),
/// named `FILE:LINE`.
fn median_news_article() -> Option<(String, Vec<u8>)> {
    let path = crate::paths::data_dir().join("news/gnad-de-dev.jsonl");
    let text = std::fs::read_to_string(&path).ok()?;
    let mut lines: Vec<(usize, usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (l.len(), i + 1, l))
        .collect();
    lines.sort();
    let (_, n, line) = *lines.get(lines.len() / 2)?;
    // only the fields a document has (the corpus may carry others)
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let doc: serde_json::Map<String, serde_json::Value> = v
        .as_object()?
        .iter()
        .filter(|(k, _)| sitrep_server::DOCUMENT_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Some((
        format!("news/gnad-de-dev.jsonl:{n}"),
        serde_json::to_vec(&doc).ok()?,
    ))
}

/// The resident set of this process, in KiB (Linux; 0 elsewhere).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The mixed requests of the load: event pages under several filters, timeline, network,
/// places, actors and extraction of one article (one in ten).
fn mixed_request(
    i: usize,
    article: &[u8],
) -> (
    &'static str,
    String,
    &'static [(&'static str, &'static str)],
    Vec<u8>,
) {
    const JSON: &[(&str, &str)] = &[];
    const TEXT: &[(&str, &str)] = &[("Content-Type", "text/plain")];
    match i % 10 {
        0 => (
            "POST",
            "/v1/extract?language=de".into(),
            TEXT,
            article.to_vec(),
        ),
        1 => ("GET", "/v1/events?limit=50".into(), JSON, vec![]),
        2 => (
            "GET",
            "/v1/events?type=CONSULT&limit=20".into(),
            JSON,
            vec![],
        ),
        3 => ("GET", "/v1/events?actor=DEU&limit=20".into(), JSON, vec![]),
        4 => (
            "GET",
            "/v1/events?text=Polizei&limit=20".into(),
            JSON,
            vec![],
        ),
        5 => ("GET", "/v1/stats/timeline".into(), JSON, vec![]),
        6 => ("GET", "/v1/network".into(), JSON, vec![]),
        7 => ("GET", "/v1/stats/places".into(), JSON, vec![]),
        8 => ("GET", "/v1/actors?limit=50".into(), JSON, vec![]),
        _ => (
            "GET",
            "/v1/stats/timeline?type=MOBILIZE".into(),
            JSON,
            vec![],
        ),
    }
}

pub fn bench(args: BenchServeArgs) -> anyhow::Result<ExitCode> {
    let config = Config {
        db: args.db.to_string_lossy().into_owned(),
        log: false,
        ..Config::default()
    };
    let pipeline = Arc::new(Pipeline::new());
    pipeline.preload(&[sitrep_core::Language::De, sitrep_core::Language::En]);
    let app = App::new(config, pipeline)?;
    let seeded = if app.stored_documents()? == 0 {
        let r = seed(&app, &demo_inputs())?;
        format!("seeded {} documents, {} events", r.stored, r.events)
    } else {
        "already seeded".to_string()
    };
    let (documents, events) = (app.stored_documents()?, app.stored_events()?);
    let article = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/de-truppen.txt"),
    )
    .context("examples/de-truppen.txt")?;
    let workers = args
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let running = Running::start(app, "127.0.0.1:0".parse()?, workers)?;
    let addr = running.addr;

    // extraction latency, sequentially (after one warm-up request each): the example
    // article and the news corpus's article of median length
    let mut articles: Vec<(String, &str, Vec<u8>)> = vec![(
        "examples/de-truppen.txt".into(),
        "text/plain",
        article.clone(),
    )];
    if let Some((name, body)) = median_news_article() {
        articles.push((name, "application/json", body));
    }
    let mut extract = Vec::new();
    let mut c = Client::new(addr);
    for (name, kind, body) in &articles {
        let mut lat = Vec::new();
        for i in 0..=args.extract_requests {
            let t = Instant::now();
            let r = c.request("POST", "/v1/extract", &[("Content-Type", kind)], body)?;
            anyhow::ensure!(r.status == 200, "extract {name}: {} {}", r.status, r.text());
            if i > 0 {
                lat.push(t.elapsed().as_secs_f64() * 1e3);
            }
        }
        lat.sort_by(f64::total_cmp);
        extract.push(serde_json::json!({
            "article": name,
            "bytes": body.len(),
            "requests": lat.len(),
            "p50_ms": (percentile(&lat, 0.5) * 100.0).round() / 100.0,
            "p99_ms": (percentile(&lat, 0.99) * 100.0).round() / 100.0,
        }));
    }

    // warm-up round of the mixed load, then the measured one
    let run = |n: usize| -> anyhow::Result<(Vec<f64>, usize, f64)> {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let start = Instant::now();
        let results: Vec<anyhow::Result<(Vec<f64>, usize)>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..args.connections.max(1))
                .map(|_| {
                    s.spawn(|| {
                        let mut c = Client::new(addr);
                        let (mut lat, mut errors) = (Vec::new(), 0);
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            if i >= n {
                                break;
                            }
                            let (m, p, h, b) = mixed_request(i, &article);
                            let t = Instant::now();
                            match c.request(m, &p, h, &b) {
                                Ok(r) if r.status == 200 => {}
                                _ => errors += 1,
                            }
                            lat.push(t.elapsed().as_secs_f64() * 1e3);
                        }
                        Ok((lat, errors))
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("a client thread panicked")))
                })
                .collect()
        });
        let secs = start.elapsed().as_secs_f64();
        let (mut all, mut errors) = (Vec::new(), 0);
        for r in results {
            let (l, e) = r?;
            all.extend(l);
            errors += e;
        }
        all.sort_by(f64::total_cmp);
        Ok((all, errors, secs))
    };
    // a warm-up round (threads, caches, allocator pools), then measured rounds with the
    // resident set after each: flat when nothing grows with the number of requests
    run(args.requests / 5)?;
    let rss_start = rss_kib();
    let mut rounds = Vec::new();
    let mut errors_total = 0;
    for _ in 0..args.rounds.max(1) {
        let (all, errors, secs) = run(args.requests)?;
        errors_total += errors;
        rounds.push(serde_json::json!({
            "requests": all.len(),
            "seconds": (secs * 1000.0).round() / 1000.0,
            "requests_per_s": (all.len() as f64 / secs).round(),
            "p50_ms": (percentile(&all, 0.5) * 100.0).round() / 100.0,
            "p99_ms": (percentile(&all, 0.99) * 100.0).round() / 100.0,
            "errors": errors,
            "rss_kib_after": rss_kib(),
        }));
    }
    running.stop()?;
    let out = serde_json::json!({
        "store": {"documents": documents, "events": events, "note": seeded},
        "connections": args.connections,
        "server_workers": workers,
        "rss_kib_after_warmup": rss_start,
        "rounds": rounds,
        "extract": extract,
    });
    outln!("{out}");
    Ok(if errors_total == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
