//! Auto logout against the real web server: signing out when the last window closes through the
//! app's own exit path, only then, and at the next start after a kill or a failed request.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::fs;
use std::path::Path;

use bai_settings::api::client::{ApiClient, Auth, ClientOptions};
use bai_settings::api::credentials::{CredentialStore, Credentials, StoredCredentials};
use bai_settings::api::{Endpoint, EndpointType, Secret};
use bai_settings::app::{AppOptions, BaiSettingsApp};
use bai_settings::instances::InstanceRegistry;
use common::backendai::TestServer;
use common::stub_server::Forwarder;
use common::{harness, options};
use egui_kittest::Harness;

/// Logs the fixture user in to the web server at `endpoint` and returns the session cookie.
fn fresh_session(server: &TestServer, endpoint: &str) -> Secret {
    let mut client = ApiClient::new(
        Endpoint::parse(endpoint).unwrap(),
        EndpointType::Session,
        Auth::Session { cookie: None },
        ClientOptions::default(),
    );
    client
        .login(&server.email, &Secret::new(server.password.clone()), None)
        .unwrap();
    client.session_cookie().unwrap().clone()
}

fn is_signed_in(server: &TestServer, cookie: &Secret) -> bool {
    ApiClient::new(
        Endpoint::parse(&server.webserver).unwrap(),
        EndpointType::Session,
        Auth::Session {
            cookie: Some(cookie.clone()),
        },
        ClientOptions::default(),
    )
    .login_check()
    .unwrap()
}

/// Stores a web session in `dir` as the sign-in dialog does, and turns auto logout on or off.
fn prepare(dir: &Path, endpoint: &str, cookie: &Secret, auto_logout: bool) {
    CredentialStore::new(dir)
        .save(&StoredCredentials {
            endpoint: endpoint.to_owned(),
            endpoint_type: EndpointType::Session,
            credentials: Credentials::Session {
                email: "user@lablup.com".to_owned(),
                cookie: cookie.clone(),
            },
        })
        .unwrap();
    fs::write(
        dir.join("settings.toml"),
        format!("auto_logout = {auto_logout}\n"),
    )
    .unwrap();
}

/// A window on `dir`, registered among the running windows like `main` does.
fn window(dir: &Path) -> Harness<'static, BaiSettingsApp> {
    let mut options: AppOptions = options(dir, "en_US.UTF-8");
    let registry = InstanceRegistry::new(dir);
    let (lock, _census) = registry.register().unwrap();
    options.instance = Some((registry, lock));
    harness(options)
}

fn credentials_file(dir: &Path) -> std::path::PathBuf {
    dir.join("credentials.toml")
}

#[test]
fn last_window_close_signs_out() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let cookie = fresh_session(&server, &server.webserver);
    prepare(dir.path(), &server.webserver, &cookie, true);

    let mut harness = window(dir.path());
    harness.state_mut().exit();

    assert!(
        !is_signed_in(&server, &cookie),
        "login-check reports signed out"
    );
    assert!(
        !credentials_file(dir.path()).exists(),
        "the cookie file is gone"
    );
    let log = fs::read_to_string(dir.path().join("requests.jsonl")).unwrap();
    assert!(log.contains("/server/logout"));
    assert!(
        !log.contains(cookie.expose()),
        "the cookie reached the request log"
    );
}

#[test]
fn option_off_stays_signed_in() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let cookie = fresh_session(&server, &server.webserver);
    prepare(dir.path(), &server.webserver, &cookie, false);

    let mut harness = window(dir.path());
    harness.state_mut().exit();

    assert!(is_signed_in(&server, &cookie));
    assert!(credentials_file(dir.path()).exists());
}

#[test]
fn only_second_of_two_windows_signs_out() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let cookie = fresh_session(&server, &server.webserver);
    prepare(dir.path(), &server.webserver, &cookie, true);

    let mut first = window(dir.path());
    let mut second = window(dir.path());
    first.state_mut().exit();
    assert!(
        is_signed_in(&server, &cookie),
        "another window is still open"
    );
    assert!(credentials_file(dir.path()).exists());

    second.state_mut().exit();
    assert!(!is_signed_in(&server, &cookie));
    assert!(!credentials_file(dir.path()).exists());
}

#[test]
fn killed_instance_signs_out_at_next_start() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let cookie = fresh_session(&server, &server.webserver);
    prepare(dir.path(), &server.webserver, &cookie, true);

    // A real app process that registers itself, then dies by SIGKILL without its exit path.
    let xvfb = common::Xvfb::start();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bai-settings"))
        .args(["--config-dir", dir.path().to_str().unwrap()])
        .env("DISPLAY", &xvfb.display)
        .env(
            "BAI_SETTINGS_UPDATE_FEED_URL",
            "http://127.0.0.1:9/feed.json",
        )
        .env_remove("BACKEND_ENDPOINT")
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let instances = dir.path().join("instances");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while fs::read_dir(&instances)
        .map(|entries| entries.count())
        .unwrap_or(0)
        == 0
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the app did not register"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(is_signed_in(&server, &cookie), "killed before any sign-out");

    // The next start finds the dead registration and signs out before connecting.
    let registry = InstanceRegistry::new(dir.path());
    let (_lock, census) = registry.register().unwrap();
    assert_eq!(census.stale_removed, 1);
    assert!(bai_settings::auto_logout::complete_at_start(
        dir.path(),
        true,
        census,
        None
    ));
    assert!(!is_signed_in(&server, &cookie));
    assert!(!credentials_file(dir.path()).exists());

    // And the window tells the user.
    let mut options = options(dir.path(), "en_US.UTF-8");
    options.startup_notice = Some("auto-logout-completed");
    let harness = harness(options);
    let texts = common::message_texts(harness.state());
    assert!(
        texts
            .iter()
            .any(|text| text.contains("signed out automatically")),
        "{texts:?}"
    );
}

#[test]
fn failed_logout_finishes_at_next_start() {
    let server = TestServer::get();
    let upstream = server.webserver.trim_start_matches("http://").to_owned();
    let dir = tempfile::tempdir().unwrap();

    // The app reaches the web server through a forwarder that goes down before the exit.
    let forwarder = Forwarder::start(&upstream, None);
    let port = forwarder.port;
    let endpoint = format!("http://127.0.0.1:{port}");
    let cookie = fresh_session(&server, &endpoint);
    prepare(dir.path(), &endpoint, &cookie, true);
    drop(forwarder);

    let mut harness = window(dir.path());
    harness.state_mut().exit();
    assert!(
        is_signed_in(&server, &cookie),
        "the server could not be told"
    );
    assert!(
        !credentials_file(dir.path()).exists(),
        "the cookie is deleted at once"
    );
    assert!(bai_settings::auto_logout::has_pending(dir.path()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(dir.path().join("pending-logout.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Back online: the next start ends the session before anything else.
    let _forwarder = Forwarder::start(&upstream, Some(port));
    let registry = InstanceRegistry::new(dir.path());
    let (_lock, census) = registry.register().unwrap();
    assert!(bai_settings::auto_logout::complete_at_start(
        dir.path(),
        true,
        census,
        None
    ));
    assert!(!is_signed_in(&server, &cookie));
    assert!(!bai_settings::auto_logout::has_pending(dir.path()));
}

#[test]
fn api_mode_removes_only_own_file() {
    let dir = tempfile::tempdir().unwrap();
    let cli_dir = dir.path().join("cli");
    fs::create_dir(&cli_dir).unwrap();
    let cli_file = cli_dir.join("credentials.toml");
    fs::write(
        &cli_file,
        "[backend-ai]\naccess_key = \"AKIACLI\"\nsecret_key = \"s\"\n",
    )
    .unwrap();
    CredentialStore::new(dir.path())
        .save(&StoredCredentials {
            endpoint: "http://127.0.0.1:9".to_owned(),
            endpoint_type: EndpointType::Api,
            credentials: Credentials::Keypair {
                access_key: "AKIADIALOG".to_owned(),
                secret_key: Secret::new("dialog-secret"),
            },
        })
        .unwrap();
    fs::write(dir.path().join("settings.toml"), "auto_logout = true\n").unwrap();

    let mut harness = window(dir.path());
    harness.state_mut().exit();
    assert!(!credentials_file(dir.path()).exists());
    assert!(cli_file.exists(), "the CLI's file is never touched");
}
