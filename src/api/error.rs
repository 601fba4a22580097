//! Errors of the Backend.AI client, one variant for each situation the user must handle
//! differently, each with a translated message that tells the user what to do.

use serde::Deserialize;

/// The body of an `application/problem+json` error response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Problem {
    /// `https://api.backend.ai/probs/<slug>`.
    #[serde(default, rename = "type")]
    pub problem_type: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub msg: Option<String>,
    /// Per-field validation messages, as the server sent them.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
}

impl Problem {
    /// Returns the last path segment of `type`, e.g. `auth-failed`.
    pub fn slug(&self) -> &str {
        self.problem_type.rsplit('/').next().unwrap_or_default()
    }

    /// `title`, then `msg` when present: the server's own explanation.
    pub fn summary(&self) -> String {
        match &self.msg {
            Some(msg) if !msg.is_empty() && *msg != self.title => format!("{} ({msg})", self.title),
            _ => self.title.clone(),
        }
    }
}

/// A failed call to a Backend.AI server.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApiError {
    #[error("invalid endpoint {endpoint:?}: {reason}")]
    InvalidEndpoint { endpoint: String, reason: String },

    #[error("cannot reach {url}: {detail}")]
    Unreachable { url: String, detail: String },

    #[error("{url} did not answer within {seconds} s")]
    Timeout { url: String, seconds: u64 },

    #[error("TLS failure talking to {url}: {detail}")]
    Tls { url: String, detail: String },

    /// The secret key does not match the access key (`Signature mismatch`), or a password is
    /// wrong; the server does not say which of the two.
    #[error("authentication failed: {}", .problem.summary())]
    AuthFailed { problem: Problem },

    #[error("the server does not know this access key")]
    UnknownAccessKey { problem: Problem },

    /// The server rejected the request's `Date`: the clocks differ by more than 15 minutes.
    /// `minutes` is the server's time minus ours, when the server sent a `Date` header.
    #[error("the computer's clock differs from the server's (by {minutes:?} minutes)")]
    ClockSkew {
        minutes: Option<i64>,
        problem: Problem,
    },

    #[error("the server does not support API version {version}")]
    UnsupportedVersion {
        version: String,
        server_version: Option<String>,
    },

    #[error("too many requests or login attempts: {}", .problem.summary())]
    TooManyRequests { problem: Problem },

    /// No server connection; the user must sign in first.
    #[error("not signed in to a Backend.AI server")]
    NotSignedIn,

    /// Session mode: the cookie is missing or the server no longer accepts it.
    #[error("not signed in (the web session has ended)")]
    SessionExpired,

    /// Session mode: wrong e-mail or password; `details` is the server's text.
    #[error("login failed: {details}")]
    LoginFailed { details: String },

    /// Session mode: the account uses two-factor authentication and no OTP was sent.
    #[error("a one-time password (OTP) is required")]
    OtpRequired,

    /// Any other `application/problem+json` error.
    #[error("HTTP {status}: {}", .problem.summary())]
    Problem { status: u16, problem: Problem },

    /// An error status without a problem body, e.g. a proxy's HTML error page.
    #[error("HTTP {status} {status_text}: {excerpt}")]
    Http {
        status: u16,
        status_text: String,
        excerpt: String,
    },

    #[error("the response of {url} is larger than {limit_bytes} bytes")]
    ResponseTooLarge { url: String, limit_bytes: u64 },

    #[error("invalid response from {url}: {detail}")]
    InvalidResponse { url: String, detail: String },
}

impl ApiError {
    /// Returns a short machine-readable kind for the request log, e.g. `timeout` or the problem slug.
    pub fn kind(&self) -> String {
        let kind = match self {
            Self::InvalidEndpoint { .. } => "invalid-endpoint",
            Self::Unreachable { .. } => "unreachable",
            Self::Timeout { .. } => "timeout",
            Self::Tls { .. } => "tls",
            Self::AuthFailed { .. } => "auth-failed",
            Self::UnknownAccessKey { .. } => "unknown-access-key",
            Self::ClockSkew { .. } => "clock-skew",
            Self::UnsupportedVersion { .. } => "unsupported-version",
            Self::TooManyRequests { .. } => "too-many-requests",
            Self::NotSignedIn => "not-signed-in",
            Self::SessionExpired => "session-expired",
            Self::LoginFailed { .. } => "login-failed",
            Self::OtpRequired => "otp-required",
            Self::Problem { problem, .. } => return problem.slug().to_owned(),
            Self::Http { .. } => "http-error",
            Self::ResponseTooLarge { .. } => "response-too-large",
            Self::InvalidResponse { .. } => "invalid-response",
        };
        kind.to_owned()
    }

    /// Returns the problem the server sent, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Self::AuthFailed { problem }
            | Self::UnknownAccessKey { problem }
            | Self::ClockSkew { problem, .. }
            | Self::TooManyRequests { problem }
            | Self::Problem { problem, .. } => Some(problem),
            _ => None,
        }
    }

    /// Returns the Fluent message id and arguments that explain this error to the user.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Self::InvalidEndpoint { endpoint, reason } => (
                "api-error-invalid-endpoint",
                vec![("endpoint", endpoint.clone()), ("reason", reason.clone())],
            ),
            Self::Unreachable { url, detail } => (
                "api-error-unreachable",
                vec![("url", url.clone()), ("detail", detail.clone())],
            ),
            Self::Timeout { url, seconds } => (
                "api-error-timeout",
                vec![("url", url.clone()), ("seconds", seconds.to_string())],
            ),
            Self::Tls { url, detail } => (
                "api-error-tls",
                vec![("url", url.clone()), ("detail", detail.clone())],
            ),
            Self::AuthFailed { .. } => ("api-error-auth-failed", Vec::new()),
            Self::UnknownAccessKey { .. } => ("api-error-unknown-access-key", Vec::new()),
            Self::ClockSkew {
                minutes: Some(minutes),
                ..
            } => (
                "api-error-clock-skew",
                vec![("minutes", minutes.unsigned_abs().to_string())],
            ),
            Self::ClockSkew { minutes: None, .. } => ("api-error-clock-skew-unknown", Vec::new()),
            Self::UnsupportedVersion {
                version,
                server_version,
            } => (
                "api-error-unsupported-version",
                vec![
                    ("version", version.clone()),
                    (
                        "server",
                        server_version.clone().unwrap_or_else(|| "?".to_owned()),
                    ),
                ],
            ),
            Self::TooManyRequests { .. } => ("api-error-too-many-requests", Vec::new()),
            Self::NotSignedIn => ("api-error-not-signed-in", Vec::new()),
            Self::SessionExpired => ("api-error-session-expired", Vec::new()),
            Self::LoginFailed { details } => {
                ("api-error-login-failed", vec![("details", details.clone())])
            }
            Self::OtpRequired => ("api-error-otp-required", Vec::new()),
            Self::Problem { status, problem } => (
                "api-error-problem",
                vec![
                    ("status", status.to_string()),
                    ("summary", problem.summary()),
                ],
            ),
            Self::Http {
                status,
                status_text,
                excerpt,
            } => (
                "api-error-http",
                vec![
                    (
                        "status",
                        format!("{status} {status_text}").trim().to_owned(),
                    ),
                    ("excerpt", excerpt.clone()),
                ],
            ),
            Self::ResponseTooLarge { url, limit_bytes } => (
                "api-error-response-too-large",
                vec![
                    ("url", url.clone()),
                    ("limit", (limit_bytes / 1024 / 1024).to_string()),
                ],
            ),
            Self::InvalidResponse { url, detail } => (
                "api-error-invalid-response",
                vec![("url", url.clone()), ("detail", detail.clone())],
            ),
        }
    }
}
