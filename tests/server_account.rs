//! The SSH keypair dialog and the script editor against the real Backend.AI server, driven
//! through egui_kittest by labels. The tests share the fixture user's keypair and scripts, so
//! they run one at a time and reset the user first.
//!
//! Buttons are pressed through AccessKit, as a screen reader does: a dialog whose content changes
//! size is re-centred a frame later, so a pointer click aimed from the previous frame can miss.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use bai_settings::account_state::{ScriptEditor, SshStep};
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
    harness.get_by_label("Manage…").click_accesskit();
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
        // After a manual upload the dialog goes back to the stored key, reloaded from the server.
        SshStep::Overview if !dialog.loading && !dialog.pending => dialog
            .stored
            .as_ref()
            .and_then(|stored| stored.info.as_ref().ok())
            .map(|info| info.fingerprint.clone()),
        _ => None,
    }
}

/// Generates a keypair through the dialog, on the server or locally with `algorithm`.
fn generate_through_dialog(harness: &mut Harness<'_, BaiSettingsApp>, local: Option<&str>) {
    harness.get_by_label("Generate…").click_accesskit();
    harness.run_ok();
    harness.get_by_label("Continue").click_accesskit();
    harness.run_ok();
    if let Some(algorithm_label) = local {
        harness
            .get_by_label("On this computer, then uploaded")
            .click_accesskit();
        harness.run_ok();
        harness.get_by_label(algorithm_label).click_accesskit();
        harness.run_ok();
    }
    harness
        .get_by_role_and_label(Role::Button, "Generate")
        .click_accesskit();
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
    harness.get_by_label("Copy private key").click_accesskit();
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

        harness.get_by_label("Copy private key").click_accesskit();
        harness.run_ok();
        harness
            .get_by_role_and_label(Role::Button, "Close")
            .click_accesskit();
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

    harness.get_by_label("Generate…").click_accesskit();
    harness.run_ok();
    let fingerprint = ssh_keys::public_key_info(&before.public_key)
        .unwrap()
        .fingerprint;
    assert!(
        harness.query_by_label_contains(&fingerprint).is_some(),
        "the old fingerprint is named"
    );
    harness.get_by_label("Cancel").click_accesskit();
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

    harness
        .get_by_role_and_label(Role::Button, "Close")
        .click_accesskit();
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("neither copied nor saved")
            .is_some()
    );
    harness
        .get_by_label("Keep the dialog open")
        .click_accesskit();
    harness.run_ok();
    assert!(harness.state().state.ssh_dialog.is_some());

    // Saving through the path field counts as keeping it.
    let key_path = dir.path().join("id_test");
    if let Some(dialog) = harness.state_mut().state.ssh_dialog.as_mut()
        && let SshStep::Created(created) = &mut dialog.step
    {
        created.save_path = key_path.display().to_string();
    }
    harness.get_by_label("Save private key…").click_accesskit();
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
    harness
        .get_by_role_and_label(Role::Button, "Close")
        .click_accesskit();
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
        harness.get_by_label("Enter manually…").click_accesskit();
        harness.run_ok();
        harness.get_by_label("Public key").focus();
        harness.get_by_label("Public key").type_text(public_key);
        harness.get_by_label("Private key").focus();
        harness.get_by_label("Private key").type_text(private_key);
        harness.run_ok();
        harness.get_by_label("Check and upload").click_accesskit();
        harness.run_ok();
        assert!(
            harness.query_by_label_contains(expected).is_some(),
            "expected {expected:?}"
        );
        harness.get_by_label("Public key").focus();
        harness.get_by_label("Public key").type_text("x");
        harness.run_ok();
        assert!(
            harness.query_by_label_contains(expected).is_none(),
            "{expected:?} goes once a key is edited"
        );
        harness.get_by_label("Cancel").click_accesskit();
        harness.run_ok();
    }
    assert_eq!(log_entries(dir.path()), logged_before, "nothing was sent");
    assert_eq!(stored_public_key(&server), None);

    // A sound pair goes through.
    harness.get_by_label("Enter manually…").click_accesskit();
    harness.run_ok();
    harness.get_by_label("Public key").focus();
    harness
        .get_by_label("Public key")
        .type_text(&first.public_key);
    harness.get_by_label("Private key").focus();
    harness
        .get_by_label("Private key")
        .type_text(&first.private_key);
    harness.get_by_label("Check and upload").click_accesskit();
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

#[test]
fn manual_entry_uploads_ecdsa_pair() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let key_path = dir.path().join("id_ecdsa");
    let output = std::process::Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ecdsa",
            "-b",
            "256",
            "-N",
            "",
            "-C",
            "ecdsa@test",
            "-f",
        ])
        .arg(&key_path)
        .output()
        .expect("ssh-keygen runs (apt-get install openssh-client)");
    assert!(output.status.success(), "{output:?}");
    let public_key = std::fs::read_to_string(key_path.with_extension("pub")).unwrap();
    let private_key = std::fs::read_to_string(&key_path).unwrap();
    let expected_fingerprint = ssh_keys::public_key_info(&public_key).unwrap().fingerprint;

    let mut harness = signed_in_harness(&server, dir.path());
    open_ssh_dialog(&mut harness);
    harness.get_by_label("Enter manually…").click_accesskit();
    harness.run_ok();
    harness.get_by_label("Public key").focus();
    harness.get_by_label("Public key").type_text(&public_key);
    harness.get_by_label("Private key").focus();
    harness.get_by_label("Private key").type_text(&private_key);
    harness.get_by_label("Check and upload").click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the upload", |app| {
        dialog_fingerprint(app).is_some()
    });

    assert_eq!(
        dialog_fingerprint(harness.state()).as_deref(),
        Some(expected_fingerprint.as_str())
    );
    assert_eq!(
        stored_public_key(&server).unwrap().trim(),
        public_key.trim()
    );

    // The user pasted the private key, so the dialog does not warn that it is shown only once,
    // and closes without asking.
    assert!(
        harness
            .query_by_label_contains("shown only this once")
            .is_none()
    );
    harness.get_by_label("Close").click_accesskit();
    harness.run_ok();
    assert!(harness.state().state.ssh_dialog.is_none());
}

#[test]
fn long_pasted_key_keeps_buttons_on_screen() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let long_key = ssh_keys::generate(KeyAlgorithm::Rsa4096, "long@test").unwrap();
    assert!(long_key.private_key.lines().count() > 40);

    let mut harness = signed_in_harness(&server, dir.path());
    open_ssh_dialog(&mut harness);
    harness.get_by_label("Enter manually…").click_accesskit();
    harness.run_ok();
    harness.get_by_label("Public key").focus();
    harness
        .get_by_label("Public key")
        .type_text(&long_key.public_key);
    harness.get_by_label("Private key").focus();
    harness
        .get_by_label("Private key")
        .type_text(&long_key.private_key);
    harness.run_ok();

    let window_height = 680.0;
    for button in ["Check and upload", "Cancel"] {
        let rect = harness.get_by_role_and_label(Role::Button, button).rect();
        assert!(
            rect.max.y <= window_height,
            "{button} is drawn at {rect:?}, below the window"
        );
    }
}

fn open_editor(harness: &mut Harness<'_, BaiSettingsApp>, button: &str) {
    harness.get_by_label(button).click_accesskit();
    harness.run_ok();
    step_until(harness, "the script editor to load", |app| {
        app.state
            .script_editor
            .as_ref()
            .is_some_and(|editor| editor.pending.is_none())
    });
}

fn editor(app: &BaiSettingsApp) -> &ScriptEditor {
    app.state
        .script_editor
        .as_ref()
        .expect("the script editor is open")
}

/// Replaces the editor's text as if typed, and lets the dialog settle to its new layout.
fn set_editor_text(harness: &mut Harness<'_, BaiSettingsApp>, text: &str) {
    harness
        .state_mut()
        .state
        .script_editor
        .as_mut()
        .unwrap()
        .text = text.to_owned();
    harness.run_ok();
    harness.step();
    harness.run_ok();
}

/// Clicks `button` in the editor and waits until the server answered.
fn click_and_wait(harness: &mut Harness<'_, BaiSettingsApp>, button: &str) {
    harness
        .get_by_role_and_label(Role::Button, button)
        .click_accesskit();
    harness.run_ok();
    step_until(harness, button, |app| {
        app.state
            .script_editor
            .as_ref()
            .is_none_or(|editor| editor.pending.is_none())
    });
}

fn server_dotfile(server: &TestServer, path: &str) -> Option<String> {
    let dotfiles = bai_settings::api::account::list_dotfiles(&mut direct_client(server)).unwrap();
    dotfiles
        .into_iter()
        .find(|dotfile| dotfile.path == path)
        .map(|dotfile| dotfile.data)
}

fn choose_dotfile(harness: &mut Harness<'_, BaiSettingsApp>, current: &str, wanted: &str) {
    // The drop-down opens on a pointer click; its popup is not reachable through AccessKit.
    harness
        .get_by_role_and_label(Role::ComboBox, "File")
        .click();
    harness.run_ok();
    let label = harness
        .query_all_by_label_contains(wanted)
        .map(|node| {
            node.accesskit_node()
                .value()
                .or_else(|| node.accesskit_node().label())
                .unwrap_or_default()
        })
        .find(|text| text == wanted || text.starts_with(&format!("{wanted}  ·")))
        .unwrap_or_else(|| panic!("{wanted} is not in the drop-down (current {current})"));
    harness.get_by_label(&label).click();
    harness.run_ok();
}

#[test]
fn file_drop_down_opens_after_other_path() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_editor(&mut harness, "Edit user config script…");
    // Aim only once the drop-down has stopped moving while the editor appears.
    let mut last_rect = None;
    for _ in 0..10 {
        harness.step();
        let rect = harness.get_by_role_and_label(Role::ComboBox, "File").rect();
        if last_rect == Some(rect) {
            break;
        }
        last_rect = Some(rect);
    }

    harness
        .get_by_role_and_label(Role::ComboBox, "File")
        .click();
    harness.run_ok();
    harness.get_by_label("Other path…").click();
    harness.run_ok();
    assert!(editor(harness.state()).other_path.is_some());

    harness
        .get_by_role_and_label(Role::ComboBox, "File")
        .click();
    harness.run_ok();
    assert!(
        egui::Popup::is_any_open(&harness.ctx),
        "the drop-down opens a second time"
    );
    harness.get_by_label(".zshrc  ·  new").click();
    harness.run_ok();
    step_until(&mut harness, "the switch to .zshrc", |app| {
        app.state
            .script_editor
            .as_ref()
            .is_some_and(|editor| editor.path == ".zshrc" && editor.pending.is_none())
    });
}

#[test]
fn dotfiles_create_update_delete() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_editor(&mut harness, "Edit user config script…");
    assert_eq!(
        editor(harness.state()).path,
        ".bashrc",
        ".bashrc is the default"
    );

    for path in [".bashrc", ".zshrc", ".Renviron"] {
        if editor(harness.state()).path != path {
            let current = editor(harness.state()).path.clone();
            choose_dotfile(&mut harness, &current, path);
        }
        assert_eq!(editor(harness.state()).path, path);

        set_editor_text(&mut harness, &format!("# {path}\nexport A=1"));
        click_and_wait(&mut harness, "Save");
        let expected = format!("# {path}\nexport A=1\n");
        assert_eq!(
            server_dotfile(&server, path).as_deref(),
            Some(expected.as_str()),
            "created {path}"
        );
        assert!(
            harness
                .query_by_label_contains("final line break was added")
                .is_some()
        );

        set_editor_text(&mut harness, "export A=2\n");
        click_and_wait(&mut harness, "Save");
        assert_eq!(
            server_dotfile(&server, path).as_deref(),
            Some("export A=2\n"),
            "updated {path}"
        );

        click_and_wait(&mut harness, "Delete");
        assert!(
            harness
                .query_by_label_contains(&format!("Delete {path} from the server?"))
                .is_some()
        );
        click_and_wait(&mut harness, "Delete");
        assert_eq!(server_dotfile(&server, path), None, "deleted {path}");
    }

    // Other path…: a reserved path is rejected before anything is sent, a good one opens.
    let logged_before = RequestLog::new(dir.path(), 2_000)
        .read()
        .unwrap()
        .entries
        .len();
    harness
        .get_by_role_and_label(Role::ComboBox, "File")
        .click();
    harness.run_ok();
    harness.get_by_label("Other path…").click();
    harness.run_ok();
    harness.get_by_label("Other path").focus();
    harness
        .get_by_label("Other path")
        .type_text(".ssh/authorized_keys");
    harness.get_by_label("Open").click_accesskit();
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("reserved by Backend.AI")
            .is_some()
    );
    assert_eq!(
        RequestLog::new(dir.path(), 2_000)
            .read()
            .unwrap()
            .entries
            .len(),
        logged_before
    );

    harness.get_by_label("Other path").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Other path")
        .type_text(".config/bai-test.conf");
    harness.get_by_label("Open").click_accesskit();
    harness.run_ok();
    assert_eq!(editor(harness.state()).path, ".config/bai-test.conf");
    set_editor_text(&mut harness, "key = \"value\"\n");
    click_and_wait(&mut harness, "Save");
    assert_eq!(
        server_dotfile(&server, ".config/bai-test.conf").as_deref(),
        Some("key = \"value\"\n")
    );
    click_and_wait(&mut harness, "Delete");
    click_and_wait(&mut harness, "Delete");
    assert_eq!(server_dotfile(&server, ".config/bai-test.conf"), None);

    let log = RequestLog::new(dir.path(), 2_000).read().unwrap().entries;
    let saves = log
        .iter()
        .filter(|entry| entry.url.ends_with("/user-config/dotfiles") && entry.method != "GET")
        .count();
    assert_eq!(
        saves, 7,
        "three POSTs, three PATCHes... and the other path's POST are logged"
    );
}

#[test]
fn content_round_trips_unchanged() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_editor(&mut harness, "Edit user config script…");

    let long: String = (0..6_000)
        .map(|line| format!("# {line:08}\n"))
        .collect::<String>()[..60_000]
        .to_owned();
    let cases = [
        "# 한국어 주석\nexport 인사=\"안녕하세요\"\n".to_owned(),
        "if true; then\n\techo tab\nfi\n".to_owned(),
        "line one\r\nline two\r\n".to_owned(),
        long,
    ];
    for text in cases {
        set_editor_text(&mut harness, &text);
        click_and_wait(&mut harness, "Save");
        let (expected, _) = bai_settings::scripts::with_trailing_newline(&text);
        let stored = server_dotfile(&server, ".bashrc").unwrap_or_default();
        assert!(
            stored == expected,
            "stored {} chars, expected {}",
            stored.len(),
            expected.len()
        );

        // Load again in a fresh editor and compare what it shows.
        harness
            .get_by_role_and_label(Role::Button, "Cancel")
            .click_accesskit();
        harness.run_ok();
        open_editor(&mut harness, "Edit user config script…");
        let shown = &editor(harness.state()).text;
        assert!(
            *shown == expected,
            "shown {} chars, expected {}",
            shown.len(),
            expected.len()
        );
    }
}

#[test]
fn unsaved_changes_are_never_lost() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_editor(&mut harness, "Edit user config script…");

    // Switching files: Cancel keeps the text, Discard drops it, Save stores it first.
    set_editor_text(&mut harness, "typed text\n");
    choose_dotfile(&mut harness, ".bashrc", ".zshrc");
    assert!(
        harness
            .query_by_label_contains(".bashrc has unsaved changes")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click_accesskit();
    harness.run_ok();
    assert_eq!(editor(harness.state()).path, ".bashrc");
    assert_eq!(editor(harness.state()).text, "typed text\n");

    choose_dotfile(&mut harness, ".bashrc", ".zshrc");
    harness
        .get_by_role_and_label(Role::Button, "Discard")
        .click_accesskit();
    harness.run_ok();
    assert_eq!(editor(harness.state()).path, ".zshrc");
    assert_eq!(server_dotfile(&server, ".bashrc"), None);

    set_editor_text(&mut harness, "zsh text\n");
    choose_dotfile(&mut harness, ".zshrc", ".bashrc");
    click_and_wait(&mut harness, "Save");
    assert_eq!(editor(harness.state()).path, ".bashrc");
    assert_eq!(
        server_dotfile(&server, ".zshrc").as_deref(),
        Some("zsh text\n")
    );

    // Closing the editor: Cancel keeps it open, Save stores and closes.
    set_editor_text(&mut harness, "bash text\n");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click_accesskit();
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains(".bashrc has unsaved changes")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click_accesskit();
    harness.run_ok();
    assert_eq!(editor(harness.state()).text, "bash text\n");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click_accesskit();
    harness.run_ok();
    click_and_wait(&mut harness, "Save");
    assert!(
        harness.state().state.script_editor.is_none(),
        "saved and closed"
    );
    assert_eq!(
        server_dotfile(&server, ".bashrc").as_deref(),
        Some("bash text\n")
    );

    // Closing the window asks too, and Discard lets it close.
    open_editor(&mut harness, "Edit user config script…");
    set_editor_text(&mut harness, "unsaved at exit\n");
    harness.event(egui::Event::WindowFocused(true));
    harness.state_mut().state.commands.clear();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains(".bashrc has unsaved changes")
            .is_some()
    );
    assert_eq!(editor(harness.state()).text, "unsaved at exit\n");
}

#[test]
fn server_rules_explained_before_sending() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_editor(&mut harness, "Edit user config script…");
    let logged = |dir: &Path| RequestLog::new(dir, 2_000).read().unwrap().entries.len();
    let before = logged(dir.path());

    // .bashrc is not on the server, so an empty one can be neither saved nor deleted.
    set_editor_text(&mut harness, "");
    click_and_wait(&mut harness, "Save");
    assert!(
        harness
            .query_by_label_contains("cannot store an empty file, and .bashrc is not on the server")
            .is_some()
    );
    assert!(
        editor(harness.state()).confirm.is_none(),
        "no offer to delete"
    );
    assert_eq!(logged(dir.path()), before, "nothing was sent");
    harness.get_by_label("Script text").focus();
    harness.get_by_label("Script text").type_text("x");
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("cannot store an empty file")
            .is_none(),
        "the message goes once the text is edited"
    );

    set_editor_text(&mut harness, &"x".repeat(65_537));
    click_and_wait(&mut harness, "Save");
    assert!(
        harness
            .query_by_label_contains(
                "With the final line break that every dotfile gets, the text has 65,538 characters"
            )
            .is_some(),
        "with the final newline"
    );
    assert_eq!(logged(dir.path()), before, "nothing was sent");

    // Another client fills the shared space after the editor loaded: the server refuses.
    let filler = "y".repeat(60_000);
    bai_settings::api::account::save_dotfile(
        &mut direct_client(&server),
        ".filler",
        &filler,
        false,
    )
    .unwrap();
    set_editor_text(&mut harness, &"z".repeat(10_000));
    click_and_wait(&mut harness, "Save");
    assert!(
        harness
            .query_by_label_contains("No leftover space")
            .is_some()
    );
}

#[test]
fn other_client_changes_are_retried() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_editor(&mut harness, "Edit user config script…");

    // Created elsewhere after the editor loaded: POST fails, PATCH succeeds.
    bai_settings::api::account::save_dotfile(
        &mut direct_client(&server),
        ".bashrc",
        "other\n",
        false,
    )
    .unwrap();
    set_editor_text(&mut harness, "mine\n");
    click_and_wait(&mut harness, "Save");
    assert!(
        harness
            .query_by_label_contains("another client had changed it")
            .is_some()
    );
    assert_eq!(
        server_dotfile(&server, ".bashrc").as_deref(),
        Some("mine\n")
    );

    // Deleted elsewhere: PATCH fails, POST succeeds.
    bai_settings::api::account::delete_dotfile(&mut direct_client(&server), ".bashrc").unwrap();
    set_editor_text(&mut harness, "mine again\n");
    click_and_wait(&mut harness, "Save");
    assert_eq!(
        server_dotfile(&server, ".bashrc").as_deref(),
        Some("mine again\n")
    );
}

#[test]
fn bootstrap_script_shows_stored_text() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_harness(&server, dir.path());
    open_editor(&mut harness, "Edit bootstrap script…");

    set_editor_text(&mut harness, "\n\n  pip install --user rich\n\n");
    click_and_wait(&mut harness, "Save");
    assert_eq!(editor(harness.state()).text, "pip install --user rich");
    assert!(!editor(harness.state()).is_dirty());

    click_and_wait(&mut harness, "Delete");
    click_and_wait(&mut harness, "Delete");
    assert_eq!(editor(harness.state()).text, "");
    let stored = bai_settings::api::account::bootstrap_script(&mut direct_client(&server)).unwrap();
    assert_eq!(stored, "");
    assert!(
        harness
            .query_by_label_contains("Deleted the bootstrap script")
            .is_some()
    );
}

#[test]
fn empty_save_of_stored_scripts_deletes() {
    let server = TestServer::get();
    let _user = take_user(&server);
    let dir = tempfile::tempdir().unwrap();
    let mut client = direct_client(&server);
    bai_settings::api::account::save_dotfile(&mut client, ".bashrc", "# stored\n", false).unwrap();
    bai_settings::api::account::save_bootstrap_script(&mut client, "echo stored\n").unwrap();
    let mut harness = signed_in_harness(&server, dir.path());

    open_editor(&mut harness, "Edit user config script…");
    set_editor_text(&mut harness, "");
    click_and_wait(&mut harness, "Save");
    assert!(
        harness
            .query_by_label_contains("Delete .bashrc instead?")
            .is_some()
    );
    click_and_wait(&mut harness, "Delete");
    assert_eq!(server_dotfile(&server, ".bashrc"), None);
    click_and_wait(&mut harness, "Cancel");

    // An empty bootstrap script is how the server stores none, so saving one deletes it.
    open_editor(&mut harness, "Edit bootstrap script…");
    set_editor_text(&mut harness, "");
    click_and_wait(&mut harness, "Save");
    let stored = bai_settings::api::account::bootstrap_script(&mut direct_client(&server)).unwrap();
    assert_eq!(stored, "");
    assert!(
        harness
            .query_by_label_contains("Deleted the bootstrap script")
            .is_some()
    );
}
