//! The sitrep HTTP API (`sitrep serve`): the analysis of posted text, ingest into the
//! store, and the reads an analyst's page needs (events with cursors, one event, one
//! document with its spans, actors, events per day and type, the actor network, places).
//!
//! * [`App`] holds the stores and the pipeline; [`router`] maps the routes of [`ROUTES`]
//!   (described by `openapi.json`) to handlers; [`serve`] runs the accept loop on a
//!   listener, with a header read timeout so a client trickling its headers is cut off.
//! * The store is not shared between threads: reads take one of a few read-only
//!   connections from a [`pool`](pool::Pool) on a blocking thread; writes go through the
//!   single writer connection, one batch at a time (SQLite allows one writer anyway, and
//!   the triage of a batch must see the batches written before it).
//! * The web page (`web/dist/`, see `web/README.md`) is embedded and served at `/`.
//! * Every failure is JSON `{"error": {"status": N, "message": "…"}}`; every request
//!   is logged as one line on stderr (method, path, status, duration; never bodies).

mod api;
pub mod client;
mod docs;
mod error;
mod filter;
mod page;
mod pool;

pub use api::{router, ROUTES};
pub use docs::{IngestReport, LineError, DOCUMENT_FIELDS};
pub use error::ApiError;

use sitrep_pipeline::Pipeline;
use sitrep_store::{OpenOptions, Store, StoreError};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The OpenAPI description served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store (a SQLite path or a PostgreSQL URL), as `sitrep ingest --db` takes it.
    pub db: String,
    /// Bearer token required by `POST /v1/documents`; none: writes are open.
    pub token: Option<String>,
    /// Largest request body, in bytes.
    pub max_body_bytes: usize,
    /// Longest a request may take, from its first header byte to its response.
    pub request_timeout: Duration,
    /// Requests handled at once; more wait for a slot (up to the request timeout).
    pub max_concurrency: usize,
    /// Read-only store connections.
    pub readers: usize,
    /// How long a store operation waits for another writer.
    pub busy_timeout: Duration,
    /// One line per request on stderr.
    pub log: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            db: "sitrep.db".into(),
            token: None,
            max_body_bytes: 8 << 20,
            request_timeout: Duration::from_secs(30),
            max_concurrency: 64,
            readers: 4,
            busy_timeout: Duration::from_secs(10),
            log: true,
        }
    }
}

/// What the handlers share.
pub struct App {
    pub config: Config,
    pub(crate) readers: pool::Pool,
    pub(crate) writer: Mutex<Box<dyn Store + Send>>,
    pub(crate) pipeline: Arc<Pipeline>,
    pub(crate) slots: tokio::sync::Semaphore,
}

impl App {
    /// Opens (creating it when missing) the store of `config` for writing and its readers.
    pub fn new(config: Config, pipeline: Arc<Pipeline>) -> Result<App, StoreError> {
        let open = |read_only| {
            let opts = OpenOptions {
                busy_timeout: config.busy_timeout,
                read_only,
            };
            sitrep_store::open_send(&config.db, &opts)
        };
        // the writer first: it creates the store that the readers then open
        let writer = open(false)?;
        let readers = (0..config.readers.max(1))
            .map(|_| open(true))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(App {
            readers: pool::Pool::new(readers),
            writer: Mutex::new(writer),
            pipeline,
            slots: tokio::sync::Semaphore::new(config.max_concurrency.max(1)),
            config,
        })
    }
}

impl App {
    /// Stores `docs` ((line or position, document)) as `POST /v1/documents` does, through
    /// the writer: what seeds the demo. Call on a blocking thread.
    pub fn ingest(
        &self,
        docs: Vec<(usize, sitrep_core::Document)>,
    ) -> Result<IngestReport, ApiError> {
        let mut writer = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let report = IngestReport {
            read: docs.len(),
            ..IngestReport::default()
        };
        docs::ingest(writer.as_mut(), &self.pipeline, docs, report)
    }

    /// Documents in the store.
    pub fn stored_documents(&self) -> Result<u64, StoreError> {
        self.readers.with(|s| s.counts()).map(|c| c.documents)
    }

    /// Events in the store.
    pub fn stored_events(&self) -> Result<u64, StoreError> {
        self.readers.with(|s| s.counts()).map(|c| c.events)
    }
}

/// Serves `app` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let service = router(app.clone());
    let header_timeout = app.config.request_timeout;
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // out of file descriptors and the like: wait a little, keep serving
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = &mut shutdown => return Ok(()),
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(service.clone());
        tokio::spawn(async move {
            // A connection that errs (a client gone, headers too slow) just ends.
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A server running on its own thread (tests, `sitrep bench-serve`, the demo).
pub struct Running {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Running {
    /// Starts `app` on `addr` (port 0: any free port) with `workers` runtime threads.
    pub fn start(app: App, addr: SocketAddr, workers: usize) -> std::io::Result<Running> {
        // Blocking work (store reads, analysis) runs one task per request slot at most:
        // more threads would only add per-thread allocator caches.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers.max(1))
            .max_blocking_threads(app.config.max_concurrency.max(1))
            .enable_all()
            .build()?;
        let listener = runtime.block_on(tokio::net::TcpListener::bind(addr))?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let app = Arc::new(app);
        let thread = std::thread::Builder::new()
            .name("sitrep-serve".into())
            .spawn(move || {
                let keep = app.clone();
                let r = runtime.block_on(serve(listener, app, async {
                    let _ = stopped.await;
                }));
                // The last reference to the stores goes outside the runtime: a PostgreSQL
                // client closes its connection on a runtime of its own, which cannot
                // start inside this one.
                drop(runtime);
                drop(keep);
                r
            })?;
        Ok(Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Waits for the server thread (it runs until the process ends).
    pub fn wait(mut self) -> std::io::Result<()> {
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(std::io::Error::other("the server thread panicked")),
            None => Ok(()),
        }
    }

    /// Stops accepting and waits for the server thread.
    pub fn stop(mut self) -> std::io::Result<()> {
        self.shutdown()
    }

    fn shutdown(&mut self) -> std::io::Result<()> {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(std::io::Error::other("the server thread panicked")),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.shutdown();
    }
}
