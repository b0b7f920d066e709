//! Errors as the API answers them: `{"error": {"status": N, "message": "…"}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A failed request: its status and a message saying what was wrong and, where the
/// client can fix it, which parameter, line or field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }
    /// A store failure: the message names the store, never a password (the store's
    /// messages use redacted locations).
    pub fn store(e: sitrep_store::StoreError) -> ApiError {
        use sitrep_store::StoreError as E;
        let status = match e {
            E::Locked { .. } => StatusCode::SERVICE_UNAVAILABLE,
            E::ReadOnly { .. } => StatusCode::FORBIDDEN,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, e.to_string())
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": {"status": self.status.as_u16(), "message": self.message}
        });
        (self.status, axum::Json(body)).into_response()
    }
}
