//! Documents from request bodies, their analysis, and storing them the way `sitrep ingest`
//! does: the same record reader (`sitrep_ingest::jsonl`), the same pipeline options, the
//! same triage (`sitrep_store::triage`: stored id → skipped; stored or same-batch text →
//! exact report; near copy by the same MinHash detector → near report) and one transaction
//! per request.

use crate::filter::clip;
use crate::ApiError;
use axum::http::StatusCode;
use serde::Serialize;
use sitrep_core::{Analysis, Document, Limits, Problem};
use sitrep_pipeline::{AnalyzeOptions, Pipeline, ANALYSIS_VERSION};
use sitrep_store::{
    triage, BatchOutcome, ClusterSettings, DedupConfig, Incoming, MinHash, NewDocument, Seen,
    Store, Triage,
};

/// The fields of a JSON document; any other is refused (a misspelt `published` would
/// otherwise be lost without a word).
pub const DOCUMENT_FIELDS: &[&str] = &[
    "text",
    "id",
    "language",
    "published",
    "title",
    "url",
    "outlet",
];

/// What `sitrep ingest` and `sitrep extract --events` compute.
pub const ANALYZE: AnalyzeOptions = AnalyzeOptions {
    tokens: false,
    entities: true,
    events: true,
};

/// One JSON document (an object with [`DOCUMENT_FIELDS`]); `fallback_id` names one
/// without `id`.
pub fn parse_json_document(
    line: &str,
    fallback_id: &str,
    limits: &Limits,
) -> Result<Document, ApiError> {
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| ApiError::bad_request(format!("invalid JSON: {e}")))?;
    let Some(obj) = value.as_object() else {
        return Err(ApiError::bad_request(
            "invalid JSON document: expected an object with a \"text\" field",
        ));
    };
    if let Some(k) = obj.keys().find(|k| !DOCUMENT_FIELDS.contains(&k.as_str())) {
        return Err(ApiError::bad_request(format!(
            "unknown field {:?} (a document has: {})",
            clip(k),
            DOCUMENT_FIELDS.join(", ")
        )));
    }
    sitrep_ingest::jsonl::parse_record(line, fallback_id, limits).map_err(problem)
}

/// The status of a document's problem: unsupported or unknown language 422, too large
/// 413, a sitrep defect 500, the rest 400.
pub fn problem(p: Problem) -> ApiError {
    let status = match &p {
        Problem::Language(_) | Problem::LanguageUndetermined(_) => StatusCode::UNPROCESSABLE_ENTITY,
        Problem::TooLarge { .. } | Problem::LineTooLong { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        Problem::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    };
    ApiError::new(status, p.to_string())
}

/// The `sitrep/1` analysis of `doc`, as `sitrep extract --events` writes it.
pub fn analyse(pipeline: &Pipeline, doc: Document) -> Result<Analysis, ApiError> {
    pipeline.analyze(doc, &ANALYZE).map_err(problem)
}

/// A line of a batch that could not be stored.
#[derive(Debug, Clone, Serialize)]
pub struct LineError {
    /// 1-based line of the body.
    pub line: usize,
    pub id: Option<String>,
    pub status: u16,
    pub message: String,
}

/// What `POST /v1/documents` answers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    /// Documents read from the body.
    pub read: usize,
    /// Stored with their analysis.
    pub stored: usize,
    /// Events stored.
    pub events: usize,
    /// Stored as reports of an identical text.
    pub exact: usize,
    /// Stored as reports of a near-identical text.
    pub near: usize,
    /// Skipped: their id was already stored.
    pub already: usize,
    pub errors: Vec<LineError>,
}

/// Stores the documents of `lines` ((line number, document)) through `store`, as `sitrep
/// ingest` would: already stored ids are skipped, copies become reports, the rest is
/// analysed and written in one transaction.
pub fn ingest(
    store: &mut dyn Store,
    pipeline: &Pipeline,
    lines: Vec<(usize, Document)>,
    mut report: IngestReport,
) -> Result<IngestReport, ApiError> {
    let near = MinHash::new(DedupConfig::default())
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let (previous, mut seen) = (Seen::default(), Seen::default());
    let mut batch: Vec<(usize, Incoming)> = Vec::new();
    for (line, doc) in lines {
        let (doc, hash, signature) =
            match triage(store, &near, doc, &previous, &mut seen).map_err(ApiError::store)? {
                Triage::Already => {
                    report.already += 1;
                    continue;
                }
                Triage::Report(r) => {
                    batch.push((line, Incoming::Report(r)));
                    continue;
                }
                Triage::Analyse {
                    doc,
                    hash,
                    signature,
                } => (doc, hash, signature),
            };
        let id = doc.id.clone();
        match analyse(pipeline, doc) {
            Ok(analysis) => batch.push((
                line,
                Incoming::Document(NewDocument {
                    analysis,
                    version: ANALYSIS_VERSION,
                    hash,
                    signature,
                }),
            )),
            Err(e) => report.errors.push(LineError {
                line,
                id: Some(id),
                status: e.status.as_u16(),
                message: format!("line {line}: {}", e.message),
            }),
        }
    }
    // A copy of a document that failed is not stored either: its original is not.
    let failed: Vec<String> = report.errors.iter().filter_map(|e| e.id.clone()).collect();
    let mut kept = Vec::with_capacity(batch.len());
    for (line, item) in batch {
        match &item {
            Incoming::Report(r) if failed.contains(&r.canonical) => report.errors.push(LineError {
                line,
                id: Some(r.doc_id.clone()),
                status: StatusCode::UNPROCESSABLE_ENTITY.as_u16(),
                message: format!(
                    "line {line}: {}: a copy of {}, which failed",
                    r.doc_id, r.canonical
                ),
            }),
            _ => kept.push(item),
        }
    }
    let batch = kept;
    if !batch.is_empty() {
        let out: BatchOutcome = store
            .write_batch(batch, &ClusterSettings::default())
            .map_err(ApiError::store)?;
        report.stored += out.stored;
        report.events += out.events;
        report.exact += out.exact;
        report.near += out.near;
        report.already += out.already;
    }
    Ok(report)
}
