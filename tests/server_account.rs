//! The SSH keypair dialog and the script editor against the real Backend.AI server, driven
//! through egui_kittest by labels. The tests share the fixture user's keypair and scripts, so
//! they run one at a time and reset the user first.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use bai_settings::account_state::SshStep;
use bai_settings::api::client::{ApiClient, Auth, ClientOptions};
use bai_settings::api::credentials::Resolution;
use bai_settings::api::{Endpoint, EndpointType, Secret};
use bai_settings::app::BaiSettingsApp;
use bai_settings::request_log::RequestLog;
use bai_settings::ssh_keys::{self, KeyAlgorithm};
use bai_settings::state::ConnectionStatus;
use common::backendai::TestServer;
use common::{harness, options, step_until};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

static SERVER_USER: Mutex<()> = Mutex::new(());

/// Takes the fixture user for one test and resets its settings on the server.
fn take_user(server: &TestServer) -> MutexGuard<'static, ()> {
    let guard = SERVER_USER.lock().unwrap_or_else(PoisonError::into_inner);
    server.reset_user_config();
    guard
}

/// A window on `dir`, signed in as the fixture user.
fn signed_in_harness(server: &TestServer, dir: &Path) -> Harness<'static, BaiSettingsApp> {
    let mut options = options(dir, "en_US.UTF-8");
    options.connection = Resolution::Ready(server.keypair_settings());
    let mut harness = harness(options);
    step_until(&mut harness, "sign-in", |app| {
        matches!(app.state.connection, ConnectionStatus::SignedIn(_))
    });
    harness
}

fn direct_client(server: &TestServer) -> ApiClient {
    ApiClient::new(
        Endpoint::parse(&server.manager).unwrap(),
        EndpointType::Api,
        Auth::Keypair {
            access_key: server.access_key.clone(),
            secret_key: Secret::new(server.secret_key.clone()),
        },
        ClientOptions::default(),
    )
}

fn stored_public_key(server: &TestServer) -> Option<String> {
    bai_settings::api::account::ssh_public_key(&mut direct_client(server)).unwrap()
}

fn open_ssh_dialog(harness: &mut Harness<'_, BaiSettingsApp>) {
    harness.get_by_label("Manage…").click();
    harness.run_ok();
    step_until(harness, "the stored keypair", |app| {
        app.state
            .ssh_dialog
            .as_ref()
            .is_some_and(|dialog| !dialog.loading)
    });
}

fn dialog_fingerprint(app: &BaiSettingsApp) -> Option<String> {
    let dialog = app.state.ssh_dialog.as_ref()?;
    match &dialog.step {
        SshStep::Created(created) => created.info.as_ref().map(|info| info.fingerprint.clone()),
        _ => None,
    }
}

/// Generates a keypair through the dialog, on the server or locally with `algorithm`.
fn generate_through_dialog(harness: &mut Harness<'_, BaiSettingsApp>, local: Option<&str>) {
    harness.get_by_label("Generate…").click();
    harness.run_ok();
    harness.get_by_label("Continue").click();
    harness.run_ok();
    if let Some(algorithm_label) = local {
        harness
            .get_by_label("On this computer, then uploaded")
            .click();
        harness.run_ok();
        harness.get_by_label(algorithm_label).click();
        harness.run_ok();
    }
    harness
        .get_by_role_and_label(Role::Button, "Generate")
        .click();
    harness.run_ok();
    step_until(harness, "the new keypair", |app| {
        dialog_fingerprint(app).is_some()
            && app
                .state
                .ssh_dialog
                .as_ref()
                .is_some_and(|dialog| !dialog.loading)
    });
}

#[test]
fn no_keypair_shows_empty_state() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_ssh_dialog(&mut harness);

    assert!(harness.query_by_label_contains("No keypair yet").is_some());
    let copy = harness.get_by_label("Copy");
    assert!(
        copy.accesskit_node().is_disabled(),
        "Copy is disabled without a key"
    );
}

#[test]
fn generate_on_server_matches_stored_key() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_ssh_dialog(&mut harness);
    generate_through_dialog(&mut harness, None);

    let shown = dialog_fingerprint(harness.state()).unwrap();
    let stored = ssh_keys::public_key_info(&stored_public_key(&server).unwrap()).unwrap();
    assert_eq!(shown, stored.fingerprint);
    assert_eq!(stored.bits, Some(2048));

    // The private key's Copy button copies the private key, not the public one.
    harness.get_by_label("Copy private key").click();
    let mut copied = Vec::new();
    for _ in 0..3 {
        harness.step();
        copied.extend(
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .filter_map(|command| match command {
                    egui::OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                }),
        );
    }
    assert_eq!(copied.len(), 1);
    assert!(
        copied[0].contains("PRIVATE KEY-----"),
        "copied the private key"
    );

    let log = std::fs::read_to_string(dir.path().join("requests.jsonl")).unwrap();
    assert!(
        !log.contains("PRIVATE KEY"),
        "a private key reached the request log"
    );
}

#[test]
fn generate_locally_both_algorithms() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());

    for (label, algorithm_name) in [
        ("Ed25519 (recommended)", "ssh-ed25519"),
        ("RSA 4096", "ssh-rsa"),
    ] {
        open_ssh_dialog(&mut harness);
        generate_through_dialog(&mut harness, Some(label));
        let shown = dialog_fingerprint(harness.state()).unwrap();
        let stored = ssh_keys::public_key_info(&stored_public_key(&server).unwrap()).unwrap();
        assert_eq!(shown, stored.fingerprint, "{label}");
        assert_eq!(stored.algorithm, algorithm_name);

        harness.get_by_label("Copy private key").click();
        harness.run_ok();
        harness.get_by_role_and_label(Role::Button, "Close").click();
        harness.run_ok();
        assert!(
            harness.state().state.ssh_dialog.is_none(),
            "closes once the key was copied"
        );
    }
    let log = std::fs::read_to_string(dir.path().join("requests.jsonl")).unwrap();
    assert!(
        !log.contains("PRIVATE KEY"),
        "a private key reached the request log"
    );
    assert!(
        log.contains("\"privkey\":\"********\""),
        "the upload is logged masked"
    );
}

#[test]
fn cancel_at_confirmation_keeps_keypair() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let before =
        bai_settings::api::account::generate_ssh_keypair_on_server(&mut direct_client(&server))
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_ssh_dialog(&mut harness);

    harness.get_by_label("Generate…").click();
    harness.run_ok();
    let fingerprint = ssh_keys::public_key_info(&before.public_key)
        .unwrap()
        .fingerprint;
    assert!(
        harness.query_by_label_contains(&fingerprint).is_some(),
        "the old fingerprint is named"
    );
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert_eq!(
        stored_public_key(&server).as_deref(),
        Some(before.public_key.as_str())
    );
}

#[test]
fn unsaved_private_key_asks_before_close() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_ssh_dialog(&mut harness);
    generate_through_dialog(&mut harness, None);

    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("neither copied nor saved")
            .is_some()
    );
    harness.get_by_label("Keep the dialog open").click();
    harness.run_ok();
    assert!(harness.state().state.ssh_dialog.is_some());

    // Saving through the path field counts as keeping it.
    let key_path = dir.path().join("id_test");
    if let Some(dialog) = harness.state_mut().state.ssh_dialog.as_mut()
        && let SshStep::Created(created) = &mut dialog.step
    {
        created.save_path = key_path.display().to_string();
    }
    harness.get_by_label("Save private key…").click();
    harness.run_ok();
    step_until(
        &mut harness,
        "the saved key",
        |app| matches!(&app.state.ssh_dialog, Some(dialog) if matches!(&dialog.step, SshStep::Created(created) if created.saved_to.is_some())),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&key_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run_ok();
    assert!(harness.state().state.ssh_dialog.is_none());
}

#[test]
fn manual_entry_checked_before_sending() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_ssh_dialog(&mut harness);
    let first = ssh_keys::generate(KeyAlgorithm::Ed25519, "first").unwrap();
    let second = ssh_keys::generate(KeyAlgorithm::Ed25519, "second").unwrap();

    let log_entries = |dir: &Path| RequestLog::new(dir, 2_000).read().unwrap().entries.len();
    let logged_before = log_entries(dir.path());
    let cases = [
        (
            first.public_key.as_str(),
            second.private_key.as_str(),
            "does not belong to the private key",
        ),
        (
            "garbage",
            first.private_key.as_str(),
            "public key is invalid",
        ),
        (
            first.public_key.as_str(),
            "garbage",
            "private key is invalid",
        ),
        ("", "", "public key is invalid"),
    ];
    for (public_key, private_key, expected) in cases {
        harness.get_by_label("Enter manually…").click();
        harness.run_ok();
        harness.get_by_label("Public key").focus();
        harness.get_by_label("Public key").type_text(public_key);
        harness.get_by_label("Private key").focus();
        harness.get_by_label("Private key").type_text(private_key);
        harness.run_ok();
        harness.get_by_label("Check and upload").click();
        harness.run_ok();
        assert!(
            harness.query_by_label_contains(expected).is_some(),
            "expected {expected:?}"
        );
        harness.get_by_label("Cancel").click();
        harness.run_ok();
    }
    assert_eq!(log_entries(dir.path()), logged_before, "nothing was sent");
    assert_eq!(stored_public_key(&server), None);

    // A sound pair goes through.
    harness.get_by_label("Enter manually…").click();
    harness.run_ok();
    harness.get_by_label("Public key").focus();
    harness
        .get_by_label("Public key")
        .type_text(&first.public_key);
    harness.get_by_label("Private key").focus();
    harness
        .get_by_label("Private key")
        .type_text(&first.private_key);
    harness.get_by_label("Check and upload").click();
    harness.run_ok();
    step_until(&mut harness, "the upload", |app| {
        dialog_fingerprint(app).is_some()
    });
    assert_eq!(
        stored_public_key(&server).unwrap().trim(),
        first.public_key.trim()
    );
    let log = std::fs::read_to_string(dir.path().join("requests.jsonl")).unwrap();
    assert!(
        !log.contains("PRIVATE KEY"),
        "a private key reached the request log"
    );
}
