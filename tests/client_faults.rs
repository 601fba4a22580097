//! The API client against loopback stub servers that misbehave in ways a real Backend.AI server
//! does not: every failure becomes a typed error with a message, within the timeouts.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::time::{Duration, Instant};

use bai_settings::api::client::{ApiClient, Auth, ClientOptions, Timeouts};
use bai_settings::api::{ApiError, Endpoint, EndpointType, Secret};
use common::stub_server::{Behaviour, StubServer};

fn keypair_client(base_url: &str, timeouts: Timeouts) -> ApiClient {
    let mut client = ApiClient::new(
        Endpoint::parse(base_url).unwrap(),
        EndpointType::Api,
        Auth::Keypair {
            access_key: "AKIATESTTESTTESTTEST".to_owned(),
            secret_key: Secret::new("not-a-real-secret"),
        },
        ClientOptions {
            timeouts,
            ..ClientOptions::default()
        },
    );
    client.force_api_version("v7.20230615");
    client
}

fn respond(status: u16, content_type: &'static str, body: &[u8]) -> StubServer {
    StubServer::start(Behaviour::Respond {
        status,
        content_type,
        body: body.to_vec(),
    })
}

#[test]
fn html_server_error_is_http_error() {
    let stub = respond(
        502,
        "text/html",
        b"<html><body><h1>502 Bad Gateway</h1>\n</body></html>",
    );
    let error = keypair_client(&stub.base_url, Timeouts::default())
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    let ApiError::Http {
        status, excerpt, ..
    } = &error
    else {
        panic!("expected an HTTP error, got {error:?}");
    };
    assert_eq!(*status, 502);
    assert!(excerpt.contains("502 Bad Gateway"), "{excerpt}");
    assert_eq!(error.message().0, "api-error-http");
}

#[test]
fn silent_server_times_out() {
    let stub = StubServer::start(Behaviour::Silent);
    let timeouts = Timeouts {
        connect: Duration::from_secs(2),
        read: Duration::from_secs(1),
    };
    let started = Instant::now();
    let error = keypair_client(&stub.base_url, timeouts)
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert!(
        matches!(error, ApiError::Timeout { seconds: 1, .. }),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn refused_connection_is_unreachable() {
    // Bind and drop a listener to find a port where nothing listens.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let error = keypair_client(&format!("http://127.0.0.1:{port}"), Timeouts::default())
        .negotiate_version()
        .unwrap_err();
    assert!(matches!(error, ApiError::Unreachable { .. }), "{error:?}");
    let (text_id, args) = error.message();
    assert_eq!(text_id, "api-error-unreachable");
    assert!(args[0].1.contains(&port.to_string()));
}

#[test]
fn huge_response_is_refused() {
    let body = vec![b' '; 10 * 1024 * 1024];
    let stub = respond(200, "application/json", &body);
    let error = keypair_client(&stub.base_url, Timeouts::default())
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert!(
        matches!(error, ApiError::ResponseTooLarge { .. }),
        "{error:?}"
    );
}

#[test]
fn malformed_json_is_invalid_response() {
    let stub = respond(200, "application/json", b"{\"ssh_public_key\": ");
    let error = keypair_client(&stub.base_url, Timeouts::default())
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    let ApiError::InvalidResponse { detail, .. } = &error else {
        panic!("expected an invalid response, got {error:?}");
    };
    assert!(detail.contains("not JSON"), "{detail}");
}

#[test]
fn broken_connection_is_reported() {
    let stub = StubServer::start(Behaviour::HangUpMidway);
    let error = keypair_client(&stub.base_url, Timeouts::default())
        .call("GET", "/auth/ssh-keypair", &[], None)
        .unwrap_err();
    assert!(
        matches!(
            error,
            ApiError::InvalidResponse { .. } | ApiError::Unreachable { .. }
        ),
        "{error:?}"
    );
}

#[test]
fn otp_not_provided_requires_otp() {
    let answer = br#"{"authenticated": false, "data": {"type": "https://api.backend.ai/probs/auth-failed", "title": "Credential/signature mismatch.", "details": "OTP not provided"}}"#;
    let stub = respond(200, "application/json", answer);
    let mut client = ApiClient::new(
        Endpoint::parse(&stub.base_url).unwrap(),
        EndpointType::Session,
        Auth::Session { cookie: None },
        ClientOptions::default(),
    );
    let error = client
        .login("user@example.com", &Secret::new("pw"), None)
        .unwrap_err();
    assert_eq!(error, ApiError::OtpRequired);
}

#[test]
fn problem_json_keeps_every_field() {
    let body = br#"{"type": "https://api.backend.ai/probs/invalid-api-params", "title": "Missing or invalid API parameters.", "msg": "Input validation error", "data": {"echo": "is required"}}"#;
    let stub = respond(400, "application/problem+json", body);
    let error = keypair_client(&stub.base_url, Timeouts::default())
        .call("GET", "/auth", &[], None)
        .unwrap_err();
    let problem = error.problem().expect("a problem body");
    assert_eq!(problem.slug(), "invalid-api-params");
    assert_eq!(problem.msg.as_deref(), Some("Input validation error"));
    assert_eq!(problem.data.as_ref().unwrap()["echo"], "is required");
    assert_eq!(error.kind(), "invalid-api-params");
}

#[test]
fn https_to_plain_server_is_tls_error() {
    // A server that answers in plain HTTP at once, whatever the client sends.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let https_url = format!("https://{}", listener.local_addr().unwrap());
    std::thread::Builder::new()
        .name("plain-http-server".to_owned())
        .spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                use std::io::Write as _;
                let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                std::thread::sleep(Duration::from_millis(200));
            }
        })
        .unwrap();
    let error = keypair_client(&https_url, Timeouts::default())
        .negotiate_version()
        .unwrap_err();
    assert!(matches!(error, ApiError::Tls { .. }), "{error:?}");
    assert_eq!(error.message().0, "api-error-tls");
}
