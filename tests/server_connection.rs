//! The Backend.AI client and sign-in against the real manager and web server (23.09), in both
//! modes: version negotiation, signed calls, every error a real server produces, session login,
//! the official SDK's signatures, the request log and the sign-in dialog.
//!
//! Needs `scripts/backendai-stack.sh start`; fails with that hint when the servers are not there.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bai_settings::api::client::{ApiClient, Auth, ClientOptions, RequestSink};
use bai_settings::api::signing::{SigningInput, iso8601_date, rfc1123_date, sign};
use bai_settings::api::{ApiError, Endpoint, EndpointType, Secret};
use bai_settings::api_worker::SignedIn;
use bai_settings::request_log::{RequestLog, RequestLogEntry};
use bai_settings::state::ConnectionStatus;
use common::backendai::TestServer;
use common::{english_harness, step_until};
use egui::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serde_json::json;

/// A sink that keeps every request-log entry in memory.
fn memory_sink() -> (RequestSink, Arc<Mutex<Vec<RequestLogEntry>>>) {
    let entries = Arc::new(Mutex::new(Vec::new()));
    let sink_entries = Arc::clone(&entries);
    let sink: RequestSink = Box::new(move |entry| sink_entries.lock().unwrap().push(entry));
    (sink, entries)
}

fn keypair_client(
    server: &TestServer,
    access_key: &str,
    secret_key: &str,
    options: ClientOptions,
) -> ApiClient {
    ApiClient::new(
        Endpoint::parse(&server.manager).unwrap(),
        EndpointType::Api,
        Auth::Keypair {
            access_key: access_key.to_owned(),
            secret_key: Secret::new(secret_key),
        },
        options,
    )
}

fn session_client(server: &TestServer) -> ApiClient {
    ApiClient::new(
        Endpoint::parse(&server.webserver).unwrap(),
        EndpointType::Session,
        Auth::Session { cookie: None },
        ClientOptions::default(),
    )
}

/// A dotfile name no other test uses.
fn unique_dotfile(tag: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(".bai-test-{tag}-{}-{nanos}", std::process::id())
}

#[test]
fn version_negotiation_both_modes() {
    let server = TestServer::get();
    let mut api = keypair_client(
        &server,
        &server.access_key,
        &server.secret_key,
        ClientOptions::default(),
    );
    let info = api.negotiate_version().unwrap();
    assert_eq!(info.api_version, server.api_version);
    assert_eq!(info.server_api_version, server.api_version);
    assert_eq!(info.manager_version, "23.09.10");

    let info = session_client(&server).negotiate_version().unwrap();
    assert_eq!(info.api_version, server.api_version);
}

#[test]
fn signed_calls_with_every_method() {
    let server = TestServer::get();
    let mut client = keypair_client(
        &server,
        &server.access_key,
        &server.secret_key,
        ClientOptions::default(),
    );
    let path = unique_dotfile("methods");

    let keypair = client.call("GET", "/auth/ssh-keypair", &[], None).unwrap();
    assert!(keypair.get("ssh_public_key").is_some(), "{keypair}");

    let body = json!({ "path": path, "data": "export A=1\n", "permission": "644" });
    client
        .call("POST", "/user-config/dotfiles", &[], Some(&body))
        .unwrap();

    let body = json!({ "path": path, "data": "export A=2\n", "permission": "644" });
    client
        .call("PATCH", "/user-config/dotfiles", &[], Some(&body))
        .unwrap();

    let stored = client
        .call("GET", "/user-config/dotfiles", &[("path", &path)], None)
        .unwrap();
    assert_eq!(stored["data"], "export A=2\n");

    let deleted = client
        .call("DELETE", "/user-config/dotfiles", &[("path", &path)], None)
        .unwrap();
    assert_eq!(deleted["success"], true);

    let error = client
        .call("GET", "/user-config/dotfiles", &[("path", &path)], None)
        .unwrap_err();
    let ApiError::Problem { status, problem } = &error else {
        panic!("expected a 404 problem, got {error:?}");
    };
    assert_eq!(*status, 404);
    assert_eq!(problem.slug(), "object-not-found");
}

#[test]
fn wrong_secret_key_is_auth_failed() {
    let server = TestServer::get();
    let mut client = keypair_client(
        &server,
        &server.access_key,
        "wrong-secret-key",
        ClientOptions::default(),
    );
    let error = client
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert!(matches!(error, ApiError::AuthFailed { .. }), "{error:?}");
    assert_eq!(error.message().0, "api-error-auth-failed");
}

#[test]
fn unknown_access_key_is_reported() {
    let server = TestServer::get();
    let mut client = keypair_client(
        &server,
        "AKIANOSUCHKEY0000000",
        &server.secret_key,
        ClientOptions::default(),
    );
    let error = client
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert!(
        matches!(error, ApiError::UnknownAccessKey { .. }),
        "{error:?}"
    );
}

#[test]
fn skewed_clock_reports_minutes() {
    let server = TestServer::get();
    let options = ClientOptions {
        clock: Arc::new(|| SystemTime::now() - Duration::from_secs(30 * 60)),
        ..ClientOptions::default()
    };
    let mut client = keypair_client(&server, &server.access_key, &server.secret_key, options);
    let error = client
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    let ApiError::ClockSkew { minutes, .. } = &error else {
        panic!("expected a clock-skew error, got {error:?}");
    };
    let minutes = minutes.expect("the server sends its Date header");
    assert!((29..=31).contains(&minutes), "{minutes} minutes");
    let (text_id, args) = error.message();
    assert_eq!(text_id, "api-error-clock-skew");
    assert_eq!(args, [("minutes", minutes.to_string())]);
}

#[test]
fn unsupported_version_is_reported() {
    let server = TestServer::get();
    let mut client = keypair_client(
        &server,
        &server.access_key,
        &server.secret_key,
        ClientOptions::default(),
    );
    client.force_api_version("v1.20160915");
    let error = client
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert!(
        matches!(&error, ApiError::UnsupportedVersion { version, .. } if version == "v1.20160915"),
        "{error:?}"
    );
}

#[test]
fn stopped_server_is_unreachable() {
    // A port of the loopback interface where no server listens, as after the manager stopped.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = TestServer::get();
    let mut client = ApiClient::new(
        Endpoint::parse(&format!("http://127.0.0.1:{port}")).unwrap(),
        EndpointType::Api,
        Auth::Keypair {
            access_key: server.access_key.clone(),
            secret_key: Secret::new(server.secret_key.clone()),
        },
        ClientOptions::default(),
    );
    let error = client
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert!(matches!(error, ApiError::Unreachable { .. }), "{error:?}");
}

#[test]
fn session_login_check_and_logout() {
    let server = TestServer::get();
    let mut client = session_client(&server);
    let login = client
        .login(&server.email, &Secret::new(server.password.clone()), None)
        .unwrap();
    assert_eq!(login.access_key, server.access_key);
    assert!(client.session_cookie().is_some());
    assert!(client.login_check().unwrap());

    let keypair = client.call("GET", "/auth/ssh-keypair", &[], None).unwrap();
    assert!(keypair.get("ssh_public_key").is_some(), "{keypair}");
    client.verify_credentials().unwrap();

    let cookie = client.session_cookie().unwrap().clone();
    client.logout().unwrap();

    // The old cookie no longer opens a session.
    let mut reused = ApiClient::new(
        Endpoint::parse(&server.webserver).unwrap(),
        EndpointType::Session,
        Auth::Session {
            cookie: Some(cookie),
        },
        ClientOptions::default(),
    );
    assert!(!reused.login_check().unwrap());
    let error = reused
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert_eq!(error, ApiError::SessionExpired);
}

#[test]
fn wrong_password_is_login_failed() {
    let server = TestServer::get();
    let error = session_client(&server)
        .login(&server.email, &Secret::new("not-the-password"), None)
        .unwrap_err();
    let ApiError::LoginFailed { details } = &error else {
        panic!("expected a failed login, got {error:?}");
    };
    assert!(details.contains("mismatch"), "{details}");
}

#[test]
fn repeated_failed_logins_are_throttled() {
    let server = TestServer::get();
    // A user of its own, so the block does not hit the other tests' user.
    let email = format!("throttled-{}@example.com", std::process::id());
    let mut client = session_client(&server);
    let mut last = None;
    for _ in 0..12 {
        last = Some(
            client
                .login(&email, &Secret::new("wrong"), None)
                .unwrap_err(),
        );
        if matches!(last, Some(ApiError::TooManyRequests { .. })) {
            break;
        }
    }
    let error = last.unwrap();
    assert!(
        matches!(error, ApiError::TooManyRequests { .. }),
        "{error:?}"
    );
    assert_eq!(error.message().0, "api-error-too-many-requests");
}

/// Signs like the official Python SDK: `ai.backend.client.auth.generate_signature`.
fn sdk_signature(
    server: &TestServer,
    method: &str,
    endpoint: &str,
    path: &str,
    date_iso: &str,
) -> String {
    let script = r#"
import sys
from datetime import datetime
from yarl import URL
from ai.backend.client.auth import generate_signature
method, endpoint, path, date, version, access_key, secret_key = sys.argv[1:]
_, signature = generate_signature(
    method=method, version=version, endpoint=URL(endpoint), date=datetime.fromisoformat(date),
    rel_url=path, content_type="application/json", access_key=access_key,
    secret_key=secret_key, hash_type="sha256")
print(signature)
"#;
    let output = std::process::Command::new(TestServer::sdk_python())
        .args([
            "-c",
            script,
            method,
            endpoint,
            path,
            date_iso,
            &server.api_version,
        ])
        .args([&server.access_key, &server.secret_key])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[test]
fn signatures_match_official_sdk() {
    let server = TestServer::get();
    let cases = [
        ("GET", "http://127.0.0.1:18081", "/auth/ssh-keypair"),
        ("POST", "http://127.0.0.1:18081", "/user-config/dotfiles"),
        ("PATCH", "http://localhost:8081", "/user-config/dotfiles"),
        (
            "DELETE",
            "http://127.0.0.1:18081",
            "/user-config/dotfiles?path=.bashrc",
        ),
        (
            "GET",
            "https://backend.example.com",
            "/user-config/dotfiles?path=%ED%95%9C&x=1",
        ),
        ("GET", "http://[::1]:8080", "/"),
    ];
    let base = UNIX_EPOCH + Duration::from_secs(1_796_415_300);
    for (index, (method, endpoint, path)) in cases.into_iter().enumerate() {
        let date = base + Duration::from_micros(123_457 * (index as u64 + 1));
        let date_header = iso8601_date(date);
        let ours = sign(
            &SigningInput {
                method,
                path_and_query: path,
                date_header: &date_header,
                date,
                host: Endpoint::parse(endpoint).unwrap().authority(),
                content_type: Some("application/json"),
                api_version: &server.api_version,
            },
            &server.secret_key,
        );
        let theirs = sdk_signature(&server, method, endpoint, path, &date_header);
        assert_eq!(ours, theirs, "{method} {endpoint}{path} at {date_header}");
    }
}

#[test]
fn server_accepts_both_date_formats() {
    let server = TestServer::get();
    let endpoint = Endpoint::parse(&server.manager).unwrap();
    for format in [rfc1123_date, iso8601_date] {
        let now = SystemTime::now();
        let date_header = format(now);
        let signature = sign(
            &SigningInput {
                method: "GET",
                path_and_query: "/auth/ssh-keypair",
                date_header: &date_header,
                date: now,
                host: endpoint.authority(),
                content_type: Some("application/json"),
                api_version: &server.api_version,
            },
            &server.secret_key,
        );
        let response = ureq::get(format!("{}/auth/ssh-keypair", server.manager))
            .header("Date", &date_header)
            .header("Content-Type", "application/json")
            .header("X-BackendAI-Version", &server.api_version)
            .header(
                "Authorization",
                format!(
                    "BackendAI signMethod=HMAC-SHA256, credential={}:{signature}",
                    server.access_key
                ),
            )
            .config()
            .http_status_as_error(false)
            .build()
            .call()
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "Date: {date_header}");
    }
}

#[test]
fn request_log_records_all_without_secrets() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), 2_000);
    let file_sink = |log: &RequestLog| -> RequestSink {
        let log = log.clone();
        Box::new(move |entry| log.append(&entry).unwrap())
    };

    let mut good = keypair_client(
        &server,
        &server.access_key,
        &server.secret_key,
        ClientOptions {
            request_sink: Some(file_sink(&log)),
            ..ClientOptions::default()
        },
    );
    good.call("GET", "/auth/ssh-keypair", &[], None).unwrap();
    let mut bad = keypair_client(
        &server,
        &server.access_key,
        "wrong-secret",
        ClientOptions {
            request_sink: Some(file_sink(&log)),
            ..ClientOptions::default()
        },
    );
    bad.call("GET", "/auth/ssh-keypair", &[], None).unwrap_err();

    let mut session = ApiClient::new(
        Endpoint::parse(&server.webserver).unwrap(),
        EndpointType::Session,
        Auth::Session { cookie: None },
        ClientOptions {
            request_sink: Some(file_sink(&log)),
            ..ClientOptions::default()
        },
    );
    session
        .login(&server.email, &Secret::new(server.password.clone()), None)
        .unwrap();
    let cookie = session.session_cookie().unwrap().expose().to_owned();
    session.logout().unwrap();

    let entries = log.read().unwrap().entries;
    let summary: Vec<(String, String, Option<u16>, bool)> = entries
        .iter()
        .map(|entry| {
            (
                entry.method.clone(),
                entry.url.clone(),
                entry.status,
                entry.is_error,
            )
        })
        .collect();
    // GET / and the call for each keypair client, then the session's login and logout.
    assert_eq!(entries.len(), 6, "{summary:#?}");
    assert!(
        entries
            .iter()
            .any(|entry| !entry.is_error && entry.url.ends_with("/auth/ssh-keypair"))
    );
    let failure = entries
        .iter()
        .find(|entry| entry.is_error)
        .expect("the failed call is logged");
    assert_eq!(failure.status, Some(401));
    assert_eq!(failure.error_type.as_deref(), Some("auth-failed"));
    assert_eq!(failure.error_message.as_deref(), Some("Signature mismatch"));
    let login = entries
        .iter()
        .find(|entry| entry.url.ends_with("/server/login"))
        .unwrap();
    assert_eq!(login.params["body"]["password"], "********");
    assert_eq!(login.params["body"]["username"], server.email.as_str());

    let text = std::fs::read_to_string(log.path()).unwrap();
    for secret in [&server.secret_key, &server.password, &cookie] {
        assert!(
            !text.contains(secret.as_str()),
            "a secret reached the request log"
        );
    }
}

#[test]
fn memory_sink_sees_failures_without_response() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (sink, entries) = memory_sink();
    let mut client = ApiClient::new(
        Endpoint::parse(&format!("http://127.0.0.1:{port}")).unwrap(),
        EndpointType::Api,
        Auth::Session { cookie: None },
        ClientOptions {
            request_sink: Some(sink),
            ..ClientOptions::default()
        },
    );
    client.negotiate_version().unwrap_err();
    let entries = entries.lock().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].status, None);
    assert_eq!(entries[0].error_type.as_deref(), Some("unreachable"));
}

fn signed_in(app: &bai_settings::app::BaiSettingsApp) -> Option<SignedIn> {
    match &app.state.connection {
        ConnectionStatus::SignedIn(signed_in) => Some(signed_in.clone()),
        _ => None,
    }
}

/// Opens the sign-in dialog from the person menu.
fn open_sign_in_dialog(harness: &mut egui_kittest::Harness<'_, bai_settings::app::BaiSettingsApp>) {
    harness.get_by_label("Account").click();
    harness.run_ok();
    // The General page has a "Sign in…" button too; the menu's comes last in the tree.
    harness.get_all_by_label("Sign in…").last().unwrap().click();
    harness.run_ok();
    assert!(harness.query_by_label("Sign in to Backend.AI").is_some());
}

fn type_into(
    harness: &mut egui_kittest::Harness<'_, bai_settings::app::BaiSettingsApp>,
    label: &str,
    text: &str,
) {
    let field = harness.get_by_label(label);
    field.focus();
    field.type_text(text);
    harness.run_ok();
}

#[test]
fn dialog_signs_in_with_keypair() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());
    open_sign_in_dialog(&mut harness);

    type_into(&mut harness, "Endpoint", &server.manager);
    type_into(&mut harness, "Access key", &server.access_key);
    type_into(&mut harness, "Secret key", &server.secret_key);
    harness
        .get_by_role_and_label(Role::Button, "Test connection")
        .click();
    harness.run_ok();
    step_until(&mut harness, "the connection test", |app| {
        app.state.sign_in_form.pending.is_none()
    });
    assert!(
        harness
            .query_by_label_contains("manager 23.09.10")
            .is_some()
    );

    harness
        .get_by_role_and_label(Role::Button, "Sign in")
        .click();
    harness.run_ok();
    step_until(&mut harness, "sign-in", |app| signed_in(app).is_some());

    let signed_in = signed_in(harness.state()).unwrap();
    assert_eq!(signed_in.identity, server.email, "the key owner's e-mail");
    assert!(
        harness.query_by_label("Sign in to Backend.AI").is_none(),
        "the dialog closes"
    );
    assert!(harness.query_by_label_contains("Signed in to").is_some());

    let credentials = dir.path().join("credentials.toml");
    let text = std::fs::read_to_string(&credentials).unwrap();
    assert!(text.contains(&server.access_key));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&credentials)
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "credentials.toml mode {mode:o}");
    }
    let settings = std::fs::read_to_string(dir.path().join("settings.toml")).unwrap_or_default();
    assert!(!settings.contains(&server.secret_key));

    // Signing out removes the app's own credential file and clears the request log.
    harness
        .get_by_role_and_label(Role::Button, "Sign out")
        .click();
    harness.run_ok();
    step_until(&mut harness, "sign-out", |app| {
        app.state.connection == ConnectionStatus::SignedOut
    });
    assert!(!credentials.exists());
    let log = RequestLog::new(dir.path(), 2_000).read().unwrap();
    assert!(log.entries.is_empty());
}

#[test]
fn dialog_signs_in_with_password() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());
    open_sign_in_dialog(&mut harness);

    type_into(&mut harness, "Endpoint", &server.webserver);
    harness.get_by_label("E-mail and password").click();
    harness.run_ok();
    type_into(&mut harness, "E-mail", &server.email);
    type_into(&mut harness, "Password", "wrong password");
    harness
        .get_by_role_and_label(Role::Button, "Sign in")
        .click();
    harness.run_ok();
    step_until(&mut harness, "the failed sign-in", |app| {
        app.state.sign_in_form.pending.is_none()
    });
    assert!(harness.query_by_label_contains("Login failed").is_some());

    let field = harness.get_by_label("Password");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_ok();
    type_into(&mut harness, "Password", &server.password);
    harness
        .get_by_role_and_label(Role::Button, "Sign in")
        .click();
    harness.run_ok();
    step_until(&mut harness, "sign-in", |app| signed_in(app).is_some());
    assert_eq!(signed_in(harness.state()).unwrap().identity, server.email);

    let text = std::fs::read_to_string(dir.path().join("credentials.toml")).unwrap();
    assert!(text.contains("session_cookie"));
    assert!(
        !text.contains(&server.password),
        "the password is never stored"
    );
}

#[test]
fn failed_request_tops_logs_table() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());
    harness.state_mut().state.time_zone = jiff::tz::TimeZone::UTC;
    open_sign_in_dialog(&mut harness);

    let wrong_secret = "wrong-secret-key-for-logs-test";
    type_into(&mut harness, "Endpoint", &server.manager);
    type_into(&mut harness, "Access key", &server.access_key);
    type_into(&mut harness, "Secret key", wrong_secret);
    harness
        .get_by_role_and_label(Role::Button, "Sign in")
        .click();
    harness.run_ok();
    step_until(&mut harness, "the failed sign-in", |app| {
        app.state.sign_in_form.pending.is_none()
    });
    assert!(
        harness
            .query_by_label_contains("secret key (or password) is wrong")
            .is_some()
    );
    type_into(&mut harness, "Secret key", "x");
    assert!(
        harness
            .query_by_label_contains("secret key (or password) is wrong")
            .is_none(),
        "the error goes once a field is edited"
    );
    harness.get_by_label("Cancel").click();
    harness.run_ok();

    harness.get_by_role_and_label(Role::Tab, "Logs").click();
    harness.run_ok();
    step_until(&mut harness, "the request log", |app| app.state.logs.loaded);

    let mut rows: Vec<(f32, String)> = harness
        .query_all_by_role(Role::Label)
        .map(|node| {
            let node_ref = node.accesskit_node();
            (
                node.rect().min.y,
                node_ref
                    .value()
                    .or_else(|| node_ref.label())
                    .unwrap_or_default(),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let texts: Vec<&str> = rows.iter().map(|(_, text)| text.as_str()).collect();
    let first_status = texts
        .iter()
        .position(|text| text.starts_with("401"))
        .expect("a 401 row");
    let first_success = texts
        .iter()
        .position(|text| text.starts_with("200"))
        .expect("a 200 row");
    assert!(
        first_status < first_success,
        "the failure is the newest row: {texts:?}"
    );
    assert!(texts.contains(&"Signature mismatch"), "{texts:?}");
    for text in &texts {
        assert!(
            !text.contains(wrong_secret),
            "the secret key is shown: {text}"
        );
    }
}

/// A reverse proxy on loopback that serves the manager under `/api`, as some sites publish it:
/// it strips the prefix from each request's path and forwards the rest unchanged.
fn prefix_proxy(upstream: &str) -> (u16, std::sync::Arc<std::sync::atomic::AtomicBool>) {
    use std::io::{BufRead as _, BufReader, Read as _, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let stopped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let thread_stopped = std::sync::Arc::clone(&stopped);
    let upstream = upstream.to_owned();
    std::thread::Builder::new()
        .name("test-prefix-proxy".to_owned())
        .spawn(move || {
            while !thread_stopped.load(std::sync::atomic::Ordering::Relaxed) {
                let Ok((client, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(5));
                    continue;
                };
                client.set_nonblocking(false).unwrap();
                let mut reader = BufReader::new(client.try_clone().unwrap());
                let mut head = Vec::new();
                let mut content_length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    if head.is_empty() {
                        line = line
                            .replacen(" /api/", " /", 1)
                            .replacen(" /api ", " / ", 1);
                    }
                    if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        content_length = value.trim().parse().unwrap_or(0);
                    }
                    if line.to_ascii_lowercase().starts_with("connection:") {
                        continue;
                    }
                    let end = line == "\r\n";
                    if end {
                        head.extend_from_slice(b"Connection: close\r\n");
                    }
                    head.extend_from_slice(line.as_bytes());
                    if end {
                        break;
                    }
                }
                let mut body = vec![0; content_length];
                reader.read_exact(&mut body).unwrap();
                let mut server = std::net::TcpStream::connect(&upstream).unwrap();
                server.write_all(&head).unwrap();
                server.write_all(&body).unwrap();
                let mut answer = Vec::new();
                server.read_to_end(&mut answer).unwrap();
                let mut client = client;
                let _ = client.write_all(&answer);
            }
        })
        .unwrap();
    (port, stopped)
}

#[test]
fn endpoint_with_path_prefix_works() {
    let server = TestServer::get();
    let (port, stopped) = prefix_proxy(server.manager.trim_start_matches("http://"));
    let mut client = ApiClient::new(
        Endpoint::parse(&format!("http://127.0.0.1:{port}/api")).unwrap(),
        EndpointType::Api,
        Auth::Keypair {
            access_key: server.access_key.clone(),
            secret_key: Secret::new(server.secret_key.clone()),
        },
        ClientOptions::default(),
    );
    let info = client.negotiate_version().unwrap();
    assert_eq!(info.api_version, server.api_version);
    client.verify_credentials().unwrap();
    let path = unique_dotfile("prefix");
    let body = json!({ "path": path, "data": "x\n", "permission": "644" });
    client
        .call("POST", "/user-config/dotfiles", &[], Some(&body))
        .unwrap();
    client
        .call("DELETE", "/user-config/dotfiles", &[("path", &path)], None)
        .unwrap();
    stopped.store(true, std::sync::atomic::Ordering::Relaxed);
}

#[test]
fn rejected_login_is_logged_as_failure() {
    let server = TestServer::get();
    let (sink, entries) = memory_sink();
    let mut client = ApiClient::new(
        Endpoint::parse(&server.webserver).unwrap(),
        EndpointType::Session,
        Auth::Session { cookie: None },
        ClientOptions {
            request_sink: Some(sink),
            ..ClientOptions::default()
        },
    );
    client
        .login(&server.email, &Secret::new("not-the-password"), None)
        .unwrap_err();
    let entries = entries.lock().unwrap();
    let login = entries
        .iter()
        .find(|entry| entry.url.ends_with("/server/login"))
        .unwrap();
    assert!(login.is_error, "{login:?}");
    assert_eq!(
        login.status,
        Some(200),
        "the web server answers a rejection with 200"
    );
    assert_eq!(login.error_type.as_deref(), Some("login-failed"));
    assert_eq!(login.params["body"]["password"], "********");
}
