//! Routes, handlers and the middleware around them (log line, time limit, concurrency).

use crate::docs::{self, IngestReport, LineError};
use crate::filter::{clip, encode_cursor, Params};
use crate::{ApiError, App};
use axum::body::{Body, Bytes};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Serialize;
use sitrep_core::{Document, Language};
use sitrep_store::{csv_header, csv_row, write_csv_field, EventRecord, Store};
use std::sync::Arc;
use std::time::Instant;

type AppState = State<Arc<App>>;
type QueryPairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Every route: (method, path as in `openapi.json`). The router is built from the same
/// handlers; a test checks both against each other.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/openapi.json"),
    ("POST", "/v1/extract"),
    ("POST", "/v1/documents"),
    ("GET", "/v1/documents/{id}"),
    ("GET", "/v1/events"),
    ("GET", "/v1/events/{id}"),
    ("GET", "/v1/actors"),
    ("GET", "/v1/stats/timeline"),
    ("GET", "/v1/stats/places"),
    ("GET", "/v1/network"),
];

/// Largest page of events (and of actors and edges).
const MAX_PAGE: usize = 1000;
const DEFAULT_PAGE: usize = 100;

/// The API's router over `app`.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/openapi.json", get(openapi))
        .route("/v1/extract", post(extract))
        .route("/v1/documents", post(post_documents))
        .route("/v1/documents/{id}", get(get_document))
        .route("/v1/events", get(events))
        .route("/v1/events/{id}", get(event))
        .route("/v1/actors", get(actors))
        .route("/v1/stats/timeline", get(timeline))
        .route("/v1/stats/places", get(places))
        .route("/v1/network", get(network))
        .merge(crate::page::routes())
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn_with_state(app.clone(), limits))
        .layer(middleware::from_fn_with_state(app.clone(), log))
        .with_state(app)
}

async fn no_route(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no such endpoint: {} (see /openapi.json)",
        clip(uri.path())
    ))
}

async fn wrong_method(method: Method, uri: axum::http::Uri) -> ApiError {
    let allowed: Vec<&str> = ROUTES
        .iter()
        .filter(|(_, p)| matches(p, uri.path()))
        .map(|(m, _)| *m)
        .collect();
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{method} is not allowed on {} (allowed: {})",
            clip(uri.path()),
            allowed.join(", ")
        ),
    )
}

/// Does `path` match the route `pattern` (`{x}` is one segment)?
fn matches(pattern: &str, path: &str) -> bool {
    let (p, q): (Vec<&str>, Vec<&str>) = (pattern.split('/').collect(), path.split('/').collect());
    p.len() == q.len() && p.iter().zip(&q).all(|(a, b)| a.starts_with('{') || a == b)
}

/// One line per request on stderr: time, method, path (no query, no body), status and
/// duration; JSON so that log tools can read it.
async fn log(State(app): AppState, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let resp = next.run(req).await;
    if app.config.log {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        let line = serde_json::json!({
            "ts": (now * 1000.0).round() / 1000.0,
            "method": method.as_str(),
            "path": clip(&path),
            "status": resp.status().as_u16(),
            "ms": (start.elapsed().as_secs_f64() * 1e4).round() / 10.0,
        });
        eprintln!("{line}");
    }
    resp
}

/// The request's time limit (covering a body trickled in slowly) and a slot among
/// `max_concurrency`.
async fn limits(State(app): AppState, req: Request, next: Next) -> Response {
    let timeout = app.config.request_timeout;
    let ms = timeout.as_millis();
    let work = async {
        let Ok(_slot) = app.slots.acquire().await else {
            return ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping")
                .into_response();
        };
        next.run(req).await
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(resp) => resp,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!("the request took longer than {ms} ms (see --request-timeout-ms)"),
        )
        .into_response(),
    }
}

/// Runs store or analysis work on a blocking thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|e| {
        Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("internal error (a bug in sitrep): {e}"),
        ))
    })
}

/// A read on one of the pool's connections.
async fn read<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let app = app.clone();
    blocking(move || app.readers.with(f)).await
}

fn params(q: QueryPairs, filters: bool, extra: &[&str]) -> Result<Params, ApiError> {
    let Query(pairs) =
        q.map_err(|e| ApiError::bad_request(format!("bad query string: {}", e.body_text())))?;
    Params::new(pairs, filters, extra)
}

/// The whole body, at most `max_body_bytes` (413 beyond).
async fn body_bytes(app: &App, headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    let max = app.config.max_body_bytes;
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body larger than {max} bytes (see --max-body-bytes)"),
        )
    };
    if let Some(n) = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
    {
        if n > max as u64 {
            return Err(too_large());
        }
    }
    axum::body::to_bytes(body, max).await.map_err(|e| {
        let mut src: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(s) = src {
            if s.to_string().contains("length limit exceeded") {
                return too_large();
            }
            src = s.source();
        }
        ApiError::bad_request(format!("cannot read the request body: {e}"))
    })
}

fn path_id(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    let id = path
        .map(|Path(id)| id)
        .map_err(|e| ApiError::bad_request(format!("bad path: {}", e.body_text())))?;
    if id.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "bad path: an id with a control character",
        ));
    }
    Ok(id)
}

fn utf8(bytes: &Bytes) -> Result<&str, ApiError> {
    std::str::from_utf8(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "the body is not valid UTF-8 (first invalid byte at offset {})",
            e.valid_up_to()
        ))
    })
}

/// The media type of the body, lower case, without parameters; none when absent.
fn media_type(headers: &HeaderMap) -> Option<String> {
    headers.get(header::CONTENT_TYPE).map(|v| {
        v.to_str()
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    })
}

fn json_response<T: Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

async fn healthz(State(app): AppState) -> Result<Response, ApiError> {
    let counts = read(&app, |s| s.counts().map_err(ApiError::store)).await?;
    Ok(json_response(&serde_json::json!({
        "status": "ok",
        "documents": counts.documents,
        "events": counts.events,
    })))
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI).into_response()
}

/// `POST /v1/extract`: the analysis of a text (`text/plain`, with `id`, `language` and
/// `published` as parameters), an HTML page (`text/html`) or a JSON document. Nothing is
/// stored, so no token is needed (it is a read: the same as running `sitrep extract`).
async fn extract(
    State(app): AppState,
    q: QueryPairs,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let kind = media_type(&headers);
    let p = match kind.as_deref() {
        Some("text/plain") | Some("text/html") => {
            params(q, false, &["id", "language", "published"])?
        }
        _ => params(q, false, &[])?,
    };
    if !matches!(
        kind.as_deref(),
        Some("text/plain" | "text/html" | "application/json")
    ) {
        return Err(unsupported_media(
            &kind,
            "text/plain, text/html or application/json",
        ));
    }
    let bytes = body_bytes(&app, &headers, body).await?;
    let limits = sitrep_core::Limits::default();
    let mut doc = match kind.as_deref() {
        Some("application/json") => docs::parse_json_document(utf8(&bytes)?, "request", &limits)?,
        Some("text/html") => sitrep_ingest::html::extract(&bytes, &limits)
            .map_err(docs::problem)?
            .into_document("request".into()),
        // a byte order mark is not text (`sitrep extract` drops it too)
        _ => {
            let text = utf8(&bytes)?;
            Document::new("request", text.strip_prefix('\u{feff}').unwrap_or(text))
        }
    };
    if let Some(id) = p.get("id") {
        if id.trim().is_empty() {
            return Err(ApiError::bad_request("parameter \"id\": empty"));
        }
        doc.id = id.to_string();
    }
    if let Some(l) = p.get("language").filter(|l| *l != "auto") {
        doc.language = Some(l.parse::<Language>().map_err(|e| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("parameter \"language\": {e}"),
            )
        })?);
    }
    if let Some(d) = p.get("published") {
        doc.published = Some(
            sitrep_core::Date::parse_published(d)
                .map_err(|e| ApiError::bad_request(format!("parameter \"published\": {e}")))?,
        );
    }
    if doc.text.len() > limits.document_bytes() {
        return Err(docs::problem(sitrep_core::Problem::TooLarge {
            size: doc.text.len() as u64,
            limit: limits.document_bytes() as u64,
        }));
    }
    let pipeline = app.pipeline.clone();
    let analysis = blocking(move || docs::analyse(&pipeline, doc)).await?;
    Ok(json_response(&analysis))
}

fn unsupported_media(kind: &Option<String>, expected: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        format!(
            "Content-Type {}: expected {expected}",
            kind.as_deref()
                .map_or("missing".to_string(), |k| format!("{:?}", clip(k)))
        ),
    )
}

/// Is the request's bearer token the configured one? (Compared in constant time.)
fn authorised(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &app.config.token else {
        return Ok(());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let (a, b) = (given.as_bytes(), token.as_bytes());
    let same = a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0;
    if same {
        Ok(())
    } else {
        let mut e = ApiError::new(
            StatusCode::UNAUTHORIZED,
            "this endpoint needs the server's token: Authorization: Bearer TOKEN",
        );
        if !given.is_empty() {
            e.message = "wrong token".into();
        }
        Err(e)
    }
}

/// `POST /v1/documents`: one JSON document (`application/json`) or JSON Lines
/// (`application/x-ndjson`, `application/jsonl`), stored as `sitrep ingest` stores them.
/// Every document needs an `id`: it is what makes posting the same body twice harmless.
async fn post_documents(
    State(app): AppState,
    q: QueryPairs,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    authorised(&app, &headers)?;
    params(q, false, &[])?;
    let kind = media_type(&headers);
    let single = match kind.as_deref() {
        Some("application/json") => true,
        Some("application/x-ndjson" | "application/jsonl" | "application/jsonlines") => false,
        _ => {
            return Err(unsupported_media(
                &kind,
                "application/json (one document) or application/x-ndjson (JSON Lines)",
            ))
        }
    };
    let bytes = body_bytes(&app, &headers, body).await?;
    let text = utf8(&bytes)?;
    let limits = sitrep_core::Limits::default();
    let mut report = IngestReport::default();
    let mut docs = Vec::new();
    let lines: Vec<(usize, &str)> = if single {
        vec![(1, text)]
    } else {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .filter(|(_, l)| !l.trim().is_empty())
            .collect()
    };
    if lines.is_empty() {
        return Err(ApiError::bad_request("no documents in the body"));
    }
    for (line, l) in lines {
        report.read += 1;
        let parsed = docs::parse_json_document(l, "", &limits).and_then(|d| {
            if d.id.is_empty() {
                Err(ApiError::bad_request(
                    "missing \"id\": a stored document needs one (it makes a repeated post harmless)",
                ))
            } else {
                Ok(d)
            }
        });
        match parsed {
            Ok(d) => docs.push((line, d)),
            Err(e) if single => return Err(e),
            Err(e) => report.errors.push(LineError {
                line,
                id: None,
                status: e.status.as_u16(),
                message: format!("line {line}: {}", e.message),
            }),
        }
    }
    let app2 = app.clone();
    let report = blocking(move || {
        let mut writer = app2.writer.lock().unwrap_or_else(|p| p.into_inner());
        docs::ingest(writer.as_mut(), &app2.pipeline, docs, report)
    })
    .await?;
    if single {
        if let Some(e) = report.errors.first() {
            let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
            return Err(ApiError::new(status, e.message.clone()));
        }
    }
    let status = if report.errors.len() == report.read {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, json_response(&report)).into_response())
}

async fn get_document(
    State(app): AppState,
    q: QueryPairs,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    params(q, false, &[])?;
    let id = path_id(path)?;
    let analysis = read(&app, {
        let id = id.clone();
        move |s| s.analysis(&id).map_err(ApiError::store)
    })
    .await?;
    match analysis {
        Some(a) => Ok(json_response(&a)),
        None => Err(ApiError::not_found(format!(
            "no stored document {:?}",
            clip(&id)
        ))),
    }
}

/// An event as the API lists it: its id (`DOCUMENT:EVENT`) and the export's record.
#[derive(Serialize)]
struct ApiEvent<'a> {
    id: String,
    #[serde(flatten)]
    record: &'a EventRecord,
}

fn api_event(r: &EventRecord) -> ApiEvent<'_> {
    ApiEvent {
        id: format!("{}:{}", r.document, r.event.id),
        record: r,
    }
}

fn wants_csv(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|t| {
                t.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .eq_ignore_ascii_case("text/csv")
            })
        })
}

/// `GET /v1/events`: matching events in the export's order, a page at a time. JSON:
/// `{events, next_cursor}`; with `Accept: text/csv`, the export's CSV (every matching
/// event unless `limit` is given; the next cursor in the `Sitrep-Next-Cursor` header).
async fn events(
    State(app): AppState,
    q: QueryPairs,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let p = params(q, true, &["limit", "cursor"])?;
    let filter = p.filter()?;
    let after = p.cursor()?;
    let csv = wants_csv(&headers);
    let limit = if csv && p.get("limit").is_none() {
        usize::MAX - 1
    } else {
        p.number("limit", DEFAULT_PAGE, MAX_PAGE)?
    };
    // one more than asked: whether there is a next page
    let mut page = read(&app, move |s| {
        s.events_page(&filter, after.as_ref(), limit + 1)
            .map_err(ApiError::store)
    })
    .await?;
    let next = if page.len() > limit {
        page.truncate(limit);
        page.last().map(|(k, _)| encode_cursor(k))
    } else {
        None
    };
    if csv {
        let mut out = String::new();
        let mut line = |fields: &[String]| {
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_csv_field(&mut out, f);
            }
            out.push('\n');
        };
        line(&csv_header());
        for (_, r) in &page {
            line(&csv_row(r));
        }
        let mut resp = ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], out).into_response();
        if let Some(c) = next.and_then(|c| HeaderValue::from_str(&c).ok()) {
            resp.headers_mut().insert("sitrep-next-cursor", c);
        }
        return Ok(resp);
    }
    // Serialised directly (not through `serde_json::Value`), so that numbers read exactly
    // as `sitrep export` writes them.
    #[derive(Serialize)]
    struct Page<'a> {
        events: Vec<ApiEvent<'a>>,
        next_cursor: Option<String>,
    }
    Ok(json_response(&Page {
        events: page.iter().map(|(_, r)| api_event(r)).collect(),
        next_cursor: next,
    }))
}

/// `GET /v1/events/{id}`: one event by its id `DOCUMENT:EVENT` (as listed).
async fn event(
    State(app): AppState,
    q: QueryPairs,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    params(q, false, &[])?;
    let id = path_id(path)?;
    let Some((doc, ev)) = id
        .rsplit_once(':')
        .filter(|(d, e)| !d.is_empty() && !e.is_empty())
    else {
        return Err(ApiError::bad_request(format!(
            "event id {:?}: expected DOCUMENT:EVENT as /v1/events lists it",
            clip(&id)
        )));
    };
    let (doc, ev) = (doc.to_string(), ev.to_string());
    let found = read(&app, move |s| s.event(&doc, &ev).map_err(ApiError::store)).await?;
    match found {
        Some(r) => Ok(json_response(&api_event(&r))),
        None => Err(ApiError::not_found(format!(
            "no stored event {:?}",
            clip(&id)
        ))),
    }
}

async fn actors(State(app): AppState, q: QueryPairs) -> Result<Response, ApiError> {
    let p = params(q, true, &["limit"])?;
    let (filter, limit) = (p.filter()?, p.number("limit", DEFAULT_PAGE, MAX_PAGE)?);
    let actors = read(&app, move |s| {
        s.actors(&filter, limit).map_err(ApiError::store)
    })
    .await?;
    Ok(json_response(&serde_json::json!({ "actors": actors })))
}

async fn timeline(State(app): AppState, q: QueryPairs) -> Result<Response, ApiError> {
    let filter = params(q, true, &[])?.filter()?;
    let days = read(&app, move |s| s.timeline(&filter).map_err(ApiError::store)).await?;
    Ok(json_response(&serde_json::json!({ "days": days })))
}

async fn network(State(app): AppState, q: QueryPairs) -> Result<Response, ApiError> {
    let p = params(q, true, &["limit"])?;
    let (filter, limit) = (p.filter()?, p.number("limit", 200, MAX_PAGE)?);
    let edges = read(&app, move |s| {
        s.network(&filter, limit).map_err(ApiError::store)
    })
    .await?;
    Ok(json_response(&serde_json::json!({ "edges": edges })))
}

async fn places(State(app): AppState, q: QueryPairs) -> Result<Response, ApiError> {
    let filter = params(q, true, &[])?.filter()?;
    let stats = read(&app, move |s| s.places(&filter).map_err(ApiError::store)).await?;
    Ok(json_response(&stats))
}

#[cfg(test)]
mod tests {
    #[test]
    fn route_patterns_match_one_segment_per_parameter() {
        assert!(super::matches("/v1/events/{id}", "/v1/events/a:v1"));
        assert!(!super::matches("/v1/events/{id}", "/v1/events/a/b"));
        assert!(super::matches("/v1/events", "/v1/events"));
    }
}
