//! The Backend.AI HTTP client: one signed (API-keypair mode) or cookie-based (session mode)
//! connection to a server, with version negotiation, typed errors and a record of every request.
//!
//! All calls block on the network. They run on the API worker thread, never on the UI thread.

use std::io::ErrorKind;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use serde_json::{Value, json};
use ureq::http;

use super::error::{ApiError, Problem};
use super::signing::{SigningInput, authorization_header, parse_rfc1123_date, rfc1123_date, sign};
use super::{Endpoint, EndpointType, Secret};
use crate::request_log::{RequestLogEntry, mask_secrets};

/// Largest response body read, in bytes. The largest real response is a dotfile list, all of whose
/// files share 64 KiB on the server.
pub const MAX_RESPONSE_BYTES: u64 = 4 * 1024 * 1024;

/// API versions the app speaks, oldest and newest. Every call the app makes exists unchanged in
/// this range.
// NOTE: only v7.20230615 (manager 23.09) has been checked against a real server.
pub const OLDEST_API_VERSION: &str = "v4.20190615";
pub const NEWEST_API_VERSION: &str = "v8.20240915";

/// Name of the web server's session cookie.
pub const SESSION_COOKIE_NAME: &str = "AIOHTTP_SESSION";

/// The clock used for the `Date` header; tests move it to provoke clock-skew errors.
pub type Clock = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// Returns the system clock.
pub fn system_clock() -> Clock {
    Arc::new(SystemTime::now)
}

/// Connect and read timeouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub read: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(30),
        }
    }
}

impl Timeouts {
    /// Reads `BACKEND_CONNECTION_TIMEOUT` and `BACKEND_READ_TIMEOUT` (seconds, as the official
    /// SDK does) through `env`; unset, empty or invalid values keep the defaults.
    pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Self {
        let seconds = |name: &str| {
            let value = env(name)?;
            match value.trim().parse::<f64>() {
                Ok(seconds) if seconds.is_finite() && seconds > 0.0 => {
                    Some(Duration::from_secs_f64(seconds))
                }
                _ => {
                    log::warn!("Ignoring {name}={value:?}: expected a positive number of seconds");
                    None
                }
            }
        };
        let defaults = Self::default();
        Self {
            connect: seconds("BACKEND_CONNECTION_TIMEOUT").unwrap_or(defaults.connect),
            read: seconds("BACKEND_READ_TIMEOUT").unwrap_or(defaults.read),
        }
    }
}

/// Credentials the client authenticates with.
#[derive(Clone, Debug)]
pub enum Auth {
    /// API-keypair mode: every request is signed.
    Keypair {
        access_key: String,
        secret_key: Secret,
    },

    /// Session mode: the web server's cookie, once logged in.
    Session { cookie: Option<Secret> },
}

/// Versions that `GET /` reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerInfo {
    /// The manager's release, e.g. `23.09.10`.
    pub manager_version: String,
    /// The newest API version the server speaks.
    pub server_api_version: String,
    /// The version this client uses: the newest both sides speak.
    pub api_version: String,
}

/// A successful session-mode login.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginInfo {
    pub access_key: String,
    pub role: String,
}

/// Receives one entry per request sent, already masked.
pub type RequestSink = Box<dyn Fn(RequestLogEntry) + Send>;

/// Options of a client besides the endpoint and credentials.
pub struct ClientOptions {
    pub timeouts: Timeouts,
    pub skip_tls_verification: bool,
    pub clock: Clock,
    pub request_sink: Option<RequestSink>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            timeouts: Timeouts::default(),
            skip_tls_verification: false,
            clock: system_clock(),
            request_sink: None,
        }
    }
}

/// A connection to one Backend.AI server.
pub struct ApiClient {
    agent: ureq::Agent,
    endpoint: Endpoint,
    endpoint_type: EndpointType,
    auth: Auth,
    api_version: Option<String>,
    timeouts: Timeouts,
    clock: Clock,
    request_sink: Option<RequestSink>,
}

/// An HTTP response read in full.
struct RawResponse {
    status: u16,
    date: Option<SystemTime>,
    cookie: Option<Secret>,
    body: Vec<u8>,
}

impl ApiClient {
    pub fn new(
        endpoint: Endpoint,
        endpoint_type: EndpointType,
        auth: Auth,
        options: ClientOptions,
    ) -> Self {
        let tls = ureq::tls::TlsConfig::builder()
            .disable_verification(options.skip_tls_verification)
            .build();
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(options.timeouts.connect))
            .timeout_recv_response(Some(options.timeouts.read))
            .timeout_recv_body(Some(options.timeouts.read))
            .max_redirects(0)
            .user_agent(concat!("bai-settings/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls)
            .build();
        Self {
            agent: ureq::Agent::new_with_config(config),
            endpoint,
            endpoint_type,
            auth,
            api_version: None,
            timeouts: options.timeouts,
            clock: options.clock,
            request_sink: options.request_sink,
        }
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    pub fn endpoint_type(&self) -> EndpointType {
        self.endpoint_type
    }

    /// Returns the session cookie, in session mode once logged in.
    pub fn session_cookie(&self) -> Option<&Secret> {
        match &self.auth {
            Auth::Session { cookie } => cookie.as_ref(),
            Auth::Keypair { .. } => None,
        }
    }

    /// Reads the server's versions and picks the API version to use.
    pub fn negotiate_version(&mut self) -> Result<ServerInfo, ApiError> {
        let path = match self.endpoint_type {
            EndpointType::Api => "/",
            EndpointType::Session => "/func/",
        };
        let url = self.endpoint.url(path);
        let response = self.exchange("GET", &url, path, &[], None, false)?;
        let body: Value = parse_json(&url, &response.body)?;
        let server_api_version = body["version"].as_str().unwrap_or_default().to_owned();
        let manager_version = body["manager"].as_str().unwrap_or_default().to_owned();
        if parse_api_version(&server_api_version).is_none() {
            return Err(ApiError::InvalidResponse {
                url,
                detail: format!("no API version in {}", excerpt(&response.body)),
            });
        }

        let api_version = choose_api_version(&server_api_version).ok_or_else(|| {
            ApiError::UnsupportedVersion {
                version: server_api_version.clone(),
                server_version: Some(manager_version.clone()),
            }
        })?;
        self.api_version = Some(api_version.clone());
        Ok(ServerInfo {
            manager_version,
            server_api_version,
            api_version,
        })
    }

    /// Uses `version` instead of the negotiated one; for tests of version errors.
    pub fn force_api_version(&mut self, version: &str) {
        self.api_version = Some(version.to_owned());
    }

    /// Sends an API call and returns its JSON body (`null` for an empty body).
    ///
    /// `path` is the API path, e.g. `/auth/ssh-keypair`; in session mode it is sent to the web
    /// server under `/func`. Negotiates the API version on first use.
    pub fn call(
        &mut self,
        method: &str,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Value, ApiError> {
        if self.api_version.is_none() {
            self.negotiate_version()?;
        }
        let path_and_query = with_query(path, query);
        let (url, signed_path) = match self.endpoint_type {
            EndpointType::Api => (self.endpoint.url(&path_and_query), path_and_query),
            EndpointType::Session => {
                let func_path = format!("/func{path_and_query}");
                (self.endpoint.url(&func_path), func_path)
            }
        };
        let response = self.exchange(method, &url, &signed_path, query, body, true)?;
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Null);
        }
        parse_json(&url, &response.body)
    }

    /// Checks the credentials with the server's echo call: `POST /auth`.
    pub fn verify_credentials(&mut self) -> Result<(), ApiError> {
        let echo = "bai-settings";
        let answer = self.call("POST", "/auth", &[], Some(&json!({ "echo": echo })))?;
        if answer["authorized"] == "yes" {
            Ok(())
        } else {
            Err(ApiError::InvalidResponse {
                url: self.endpoint.url("/auth"),
                detail: format!("unexpected answer {answer}"),
            })
        }
    }

    /// Session mode: logs in to the web server and keeps its cookie.
    pub fn login(
        &mut self,
        email: &str,
        password: &Secret,
        otp: Option<&Secret>,
    ) -> Result<LoginInfo, ApiError> {
        let mut body = json!({ "username": email, "password": password.expose() });
        if let Some(otp) = otp {
            body["otp"] = Value::from(otp.expose());
        }
        let url = self.endpoint.url("/server/login");
        self.auth = Auth::Session { cookie: None };
        // The web server returns HTTP 200 for a rejected login too, and the check turns it into an
        // error, so the request log records the failure.
        let response =
            self.exchange_checked("POST", &url, "/server/login", Some(&body), |raw| {
                let answer: Value = parse_json(&url, &raw.body)?;
                match login_rejection(&answer) {
                    Some(error) => Err(error),
                    None => Ok(()),
                }
            })?;
        let answer: Value = parse_json(&url, &response.body)?;

        if answer["authenticated"] == true {
            let cookie = response.cookie.ok_or_else(|| ApiError::InvalidResponse {
                url: url.clone(),
                detail: format!("login succeeded but no {SESSION_COOKIE_NAME} cookie was set"),
            })?;
            self.auth = Auth::Session {
                cookie: Some(cookie),
            };
            return Ok(LoginInfo {
                access_key: answer["data"]["access_key"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                role: answer["data"]["role"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            });
        }

        Err(
            login_rejection(&answer).unwrap_or_else(|| ApiError::LoginFailed {
                details: "login rejected".to_owned(),
            }),
        )
    }

    /// Session mode: checks with the web server whether the session cookie is still signed in.
    pub fn login_check(&mut self) -> Result<bool, ApiError> {
        let url = self.endpoint.url("/server/login-check");
        let response = self.exchange("POST", &url, "/server/login-check", &[], None, true)?;
        let answer: Value = parse_json(&url, &response.body)?;
        Ok(answer["authenticated"] == true)
    }

    /// Session mode: ends the web session and drops the cookie.
    pub fn logout(&mut self) -> Result<(), ApiError> {
        let url = self.endpoint.url("/server/logout");
        let result = self.exchange("POST", &url, "/server/logout", &[], None, true);
        self.auth = Auth::Session { cookie: None };
        result.map(|_| ())
    }

    /// Sends one request and reads the whole response, turning error statuses into [`ApiError`]s.
    /// `signed_path` is the path and query the signature covers; `authenticated` adds the
    /// signature or the session cookie.
    fn exchange(
        &mut self,
        method: &str,
        url: &str,
        signed_path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
        authenticated: bool,
    ) -> Result<RawResponse, ApiError> {
        let started = Instant::now();
        let started_at = crate::request_log::now_timestamp();
        let result = self.send(method, url, signed_path, body, authenticated);
        let duration = started.elapsed();

        let entry = log_entry(started_at, method, url, query, body, duration, &result);
        if let Some(sink) = &self.request_sink {
            sink(entry);
        }
        result
    }

    /// Like [`Self::exchange`] for unauthenticated requests whose success also depends on the
    /// body: `check` turns a successful response into an error before the request is logged.
    fn exchange_checked(
        &mut self,
        method: &str,
        url: &str,
        path: &str,
        body: Option<&Value>,
        check: impl FnOnce(&RawResponse) -> Result<(), ApiError>,
    ) -> Result<RawResponse, ApiError> {
        let started = Instant::now();
        let started_at = crate::request_log::now_timestamp();
        let result = self
            .send(method, url, path, body, false)
            .and_then(|raw| check(&raw).map(|()| raw));
        let duration = started.elapsed();

        let entry = log_entry(started_at, method, url, &[], body, duration, &result);
        if let Some(sink) = &self.request_sink {
            sink(entry);
        }
        result
    }

    fn send(
        &mut self,
        method: &str,
        url: &str,
        signed_path: &str,
        body: Option<&Value>,
        authenticated: bool,
    ) -> Result<RawResponse, ApiError> {
        let body_bytes = body
            .map(|value| value.to_string().into_bytes())
            .unwrap_or_default();
        let content_type = "application/json";
        let mut request = http::Request::builder()
            .method(method)
            .uri(url)
            .header("Host", self.endpoint.authority())
            .header("Accept", "application/json, application/problem+json")
            .header("Content-Type", content_type);

        if authenticated {
            match &self.auth {
                Auth::Keypair {
                    access_key,
                    secret_key,
                } => {
                    let now = (self.clock)();
                    let date_header = rfc1123_date(now);
                    let api_version = self
                        .api_version
                        .clone()
                        .unwrap_or_else(|| NEWEST_API_VERSION.to_owned());
                    let signature = sign(
                        &SigningInput {
                            method,
                            path_and_query: signed_path,
                            date_header: &date_header,
                            date: now,
                            host: self.endpoint.authority(),
                            content_type: Some(content_type),
                            api_version: &api_version,
                        },
                        secret_key.expose(),
                    );
                    request = request
                        .header("Date", date_header)
                        .header("X-BackendAI-Version", api_version)
                        .header(
                            "Authorization",
                            authorization_header(access_key, &signature),
                        );
                }
                Auth::Session {
                    cookie: Some(cookie),
                } => {
                    request = request.header(
                        "Cookie",
                        format!("{SESSION_COOKIE_NAME}={}", cookie.expose()),
                    );
                }
                Auth::Session { cookie: None } => return Err(ApiError::SessionExpired),
            }
        }

        let request = request
            .body(body_bytes)
            .map_err(|error| ApiError::InvalidEndpoint {
                endpoint: url.to_owned(),
                reason: error.to_string(),
            })?;
        let mut response = self
            .agent
            .run(request)
            .map_err(|error| self.transport_error(url, error))?;

        let status = response.status().as_u16();
        let headers = response.headers();
        let date = headers
            .get("Date")
            .and_then(|value| value.to_str().ok())
            .and_then(parse_rfc1123_date);
        let cookie = headers
            .get_all("Set-Cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(session_cookie_value);
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES)
            .read_to_vec()
            .map_err(|error| self.transport_error(url, error))?;

        let raw = RawResponse {
            status,
            date,
            cookie,
            body,
        };
        if status >= 400 {
            return Err(self.status_error(url, &raw));
        }
        Ok(raw)
    }

    fn transport_error(&self, url: &str, error: ureq::Error) -> ApiError {
        let url = url.to_owned();
        match error {
            ureq::Error::Timeout(timeout) => {
                let limit = if matches!(timeout, ureq::Timeout::Connect | ureq::Timeout::Resolve) {
                    self.timeouts.connect
                } else {
                    self.timeouts.read
                };
                ApiError::Timeout {
                    url,
                    seconds: limit.as_secs().max(1),
                }
            }
            ureq::Error::BodyExceedsLimit(limit) => ApiError::ResponseTooLarge {
                url,
                limit_bytes: limit,
            },
            ureq::Error::Tls(detail) => ApiError::Tls {
                url,
                detail: detail.to_owned(),
            },
            ureq::Error::Rustls(error) => ApiError::Tls {
                url,
                detail: error.to_string(),
            },
            ureq::Error::HostNotFound => ApiError::Unreachable {
                url,
                detail: "host not found".to_owned(),
            },
            ureq::Error::ConnectionFailed => ApiError::Unreachable {
                url,
                detail: "connection failed".to_owned(),
            },
            ureq::Error::BadUri(detail) => ApiError::InvalidEndpoint {
                endpoint: url,
                reason: detail,
            },
            ureq::Error::Io(error) => match error.kind() {
                ErrorKind::ConnectionRefused
                | ErrorKind::NotFound
                | ErrorKind::AddrNotAvailable
                | ErrorKind::NetworkUnreachable
                | ErrorKind::HostUnreachable => ApiError::Unreachable {
                    url,
                    detail: error.to_string(),
                },
                // rustls reports handshake and certificate failures as invalid data.
                ErrorKind::InvalidData if self.endpoint.is_https() => ApiError::Tls {
                    url,
                    detail: error.to_string(),
                },
                ErrorKind::TimedOut | ErrorKind::WouldBlock => ApiError::Timeout {
                    url,
                    seconds: self.timeouts.read.as_secs().max(1),
                },
                _ => ApiError::InvalidResponse {
                    url,
                    detail: format!("the connection broke off: {error}"),
                },
            },
            other => ApiError::InvalidResponse {
                url,
                detail: other.to_string(),
            },
        }
    }

    fn status_error(&self, url: &str, response: &RawResponse) -> ApiError {
        let status = response.status;
        let Some(problem) = parse_problem(&response.body) else {
            return ApiError::Http {
                status,
                status_text: status_text(status).to_owned(),
                excerpt: excerpt(&response.body),
            };
        };
        let msg = problem.msg.clone().unwrap_or_default();
        let session_mode = self.endpoint_type == EndpointType::Session;

        if status == 429 {
            return ApiError::TooManyRequests { problem };
        }
        if status == 401 && session_mode {
            return ApiError::SessionExpired;
        }
        if status == 401 && msg.contains("Access key not found") {
            return ApiError::UnknownAccessKey { problem };
        }
        if status == 401 && problem.slug() == "auth-failed" {
            return ApiError::AuthFailed { problem };
        }
        if msg.contains("Date/time sync error") {
            let minutes = response.date.map(|server_now| {
                let ours = (self.clock)();
                let difference = match server_now.duration_since(ours) {
                    Ok(ahead) => i64::try_from(ahead.as_secs()).unwrap_or(i64::MAX),
                    Err(behind) => -i64::try_from(behind.duration().as_secs()).unwrap_or(i64::MAX),
                };
                difference / 60
            });
            return ApiError::ClockSkew { minutes, problem };
        }
        if msg.contains("Unsupported API version") {
            return ApiError::UnsupportedVersion {
                version: self.api_version.clone().unwrap_or_default(),
                server_version: None,
            };
        }
        let _ = url;
        ApiError::Problem { status, problem }
    }
}

/// Returns the error a web server's login response reports, or `None` when it authenticated.
fn login_rejection(answer: &Value) -> Option<ApiError> {
    if answer["authenticated"] == true {
        return None;
    }
    let details = answer["data"]["details"]
        .as_str()
        .or_else(|| answer["data"]["title"].as_str())
        .unwrap_or("login rejected")
        .to_owned();
    if details.contains("OTP not provided") {
        Some(ApiError::OtpRequired)
    } else {
        Some(ApiError::LoginFailed { details })
    }
}

/// Builds the request-log entry for one exchange; secrets in `query` and `body` are masked.
fn log_entry(
    timestamp: String,
    method: &str,
    url: &str,
    query: &[(&str, &str)],
    body: Option<&Value>,
    duration: Duration,
    result: &Result<RawResponse, ApiError>,
) -> RequestLogEntry {
    let query_object: serde_json::Map<String, Value> = query
        .iter()
        .map(|(name, value)| ((*name).to_owned(), Value::from(*value)))
        .collect();
    let mut params = serde_json::Map::new();
    if !query_object.is_empty() {
        params.insert("query".to_owned(), Value::Object(query_object));
    }
    if let Some(body) = body {
        params.insert("body".to_owned(), body.clone());
    }
    let (status, error) = match result {
        Ok(response) => (Some(response.status), None),
        Err(error) => (error_status(error), Some(error)),
    };

    RequestLogEntry {
        timestamp,
        method: method.to_owned(),
        url: url.to_owned(),
        status,
        status_text: status.map(status_text).unwrap_or_default().to_owned(),
        duration_ms: u64::try_from(duration.as_millis()).unwrap_or(u64::MAX),
        error_type: error.map(ApiError::kind),
        error_title: error.map(|error| {
            error
                .problem()
                .map_or_else(|| error.to_string(), |problem| problem.title.clone())
        }),
        error_message: error.map(|error| match error.problem() {
            Some(problem) => problem.msg.clone().unwrap_or_else(|| error.to_string()),
            None => error.to_string(),
        }),
        params: mask_secrets(&Value::Object(params)),
        is_error: error.is_some(),
    }
}

/// Returns the HTTP status behind an error, when a response arrived.
fn error_status(error: &ApiError) -> Option<u16> {
    match error {
        ApiError::AuthFailed { .. }
        | ApiError::UnknownAccessKey { .. }
        | ApiError::SessionExpired => Some(401),
        ApiError::ClockSkew { .. } | ApiError::UnsupportedVersion { .. } => Some(400),
        ApiError::TooManyRequests { .. } => Some(429),
        ApiError::Problem { status, .. } | ApiError::Http { status, .. } => Some(*status),
        ApiError::LoginFailed { .. } | ApiError::OtpRequired => Some(200),
        _ => None,
    }
}

/// Parses a problem body; any JSON object with a `title` or `type` counts.
fn parse_problem(body: &[u8]) -> Option<Problem> {
    let problem: Problem = serde_json::from_slice(body).ok()?;
    (!problem.title.is_empty() || !problem.problem_type.is_empty()).then_some(problem)
}

fn parse_json(url: &str, body: &[u8]) -> Result<Value, ApiError> {
    serde_json::from_slice(body).map_err(|error| ApiError::InvalidResponse {
        url: url.to_owned(),
        detail: format!("not JSON ({error}): {}", excerpt(body)),
    })
}

/// Returns the start of a body as one line of text, at most 200 characters, for error messages.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = one_line.chars().take(200).collect();
    if one_line.chars().count() > 200 {
        short.push('…');
    }
    short
}

/// Appends `query` to `path`, percent-encoding each name and value.
fn with_query(path: &str, query: &[(&str, &str)]) -> String {
    if query.is_empty() {
        return path.to_owned();
    }
    let pairs: Vec<String> = query
        .iter()
        .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

/// Percent-encodes everything except RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Extracts the session cookie's value from one `Set-Cookie` header.
fn session_cookie_value(header: &str) -> Option<Secret> {
    let pair = header.split(';').next()?;
    let (name, value) = pair.split_once('=')?;
    (name.trim() == SESSION_COOKIE_NAME && !value.trim().is_empty())
        .then(|| Secret::new(value.trim().to_owned()))
}

/// Splits `vN.YYYYMMDD` into its two numbers, which order versions.
pub fn parse_api_version(version: &str) -> Option<(u32, u32)> {
    let (major, date) = version.strip_prefix('v')?.split_once('.')?;
    Some((major.parse().ok()?, date.parse().ok()?))
}

/// Picks the newest API version that both the server (which speaks every version up to its own)
/// and this app speak, or `None` when the server is older than the oldest the app speaks.
pub fn choose_api_version(server_version: &str) -> Option<String> {
    let server = parse_api_version(server_version)?;
    let oldest = parse_api_version(OLDEST_API_VERSION)?;
    let newest = parse_api_version(NEWEST_API_VERSION)?;
    if server < oldest {
        None
    } else if server > newest {
        Some(NEWEST_API_VERSION.to_owned())
    } else {
        Some(server_version.to_owned())
    }
}

/// Returns the standard reason phrase of an HTTP status.
pub fn status_text(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_choice() {
        assert_eq!(
            choose_api_version("v7.20230615").as_deref(),
            Some("v7.20230615")
        );
        assert_eq!(
            choose_api_version("v9.20991231").as_deref(),
            Some(NEWEST_API_VERSION)
        );
        assert_eq!(choose_api_version("v3.20170615"), None);
        assert_eq!(choose_api_version("garbage"), None);
    }

    #[test]
    fn query_is_encoded() {
        assert_eq!(with_query("/x", &[]), "/x");
        assert_eq!(
            with_query("/user-config/dotfiles", &[("path", ".config/한 a&b")]),
            "/user-config/dotfiles?path=.config%2F%ED%95%9C%20a%26b"
        );
    }

    #[test]
    fn session_cookie_is_found() {
        let header =
            "AIOHTTP_SESSION=abc123; expires=Fri, 04-Dec-2026 21:29:08 GMT; HttpOnly; Path=/";
        assert_eq!(
            session_cookie_value(header)
                .map(|c| c.expose().to_owned())
                .as_deref(),
            Some("abc123")
        );
        assert!(session_cookie_value("OTHER=1; Path=/").is_none());
    }

    #[test]
    fn excerpt_is_one_short_line() {
        let html = format!("<html>\n  <body>{}</body></html>", "x".repeat(500));
        let text = excerpt(html.as_bytes());
        assert!(!text.contains('\n'));
        assert_eq!(text.chars().count(), 201);
    }
}
