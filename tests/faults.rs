//! Fault injection: the settings parser and the request-log reader fed random and mutated input,
//! disk faults (a full disk, a settings file replaced by a directory), servers that misbehave while
//! the window must stay responsive and keep unsaved text, and two processes writing at once.
//!
//! The random cases are few by default so CI stays short; `PROPTEST_CASES=20000` runs more (the
//! benchmark script does).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]
#![allow(
    clippy::print_stdout,
    reason = "child processes report to the parent test on standard output"
)]

mod common;

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bai_settings::account_state::{ScriptEditor, ScriptKind};
use bai_settings::api::credentials::{
    ConnectionSettings, CredentialSource, Credentials, Resolution,
};
use bai_settings::api::{EndpointType, Secret, Timeouts};
use bai_settings::app::BaiSettingsApp;
use bai_settings::request_log::{RequestLog, RequestLogEntry};
use bai_settings::settings::store::SettingsStore;
use bai_settings::settings::{LanguageChoice, SettingChange, parse_settings};
use bai_settings::state::{ConnectionStatus, Dialog};
use common::stub_server::{Behaviour, StubServer, json};
use common::{harness, message_texts, options, step_until};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use proptest::prelude::*;

const VALID_SETTINGS: &str = "\
# comment
desktop_notification = true
compact_sidebar = false
language = \"ko\"
request_log_max_entries = 500

[window]
width = 900
height = 700
x = 10
y = 20
";

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn settings_parser_never_panics(text in "\\PC{0,400}") {
        let _ = parse_settings(&text);
    }

    #[test]
    fn mutated_settings_always_load(flips in proptest::collection::vec((0usize..400, any::<u8>()), 0..8), cut in 0usize..400) {
        let mut bytes = VALID_SETTINGS.as_bytes().to_vec();
        for (index, byte) in flips {
            let index = index % bytes.len();
            bytes[index] = byte;
        }
        bytes.truncate(cut.min(bytes.len()));
        let dir = tempfile::tempdir().unwrap();
        let store = SettingsStore::new(dir.path());
        fs::write(store.path(), &bytes).unwrap();

        let loaded = store.load();
        prop_assert!(loaded.settings.request_log_max_entries >= 100);
        // Whatever was there, the next save leaves a file that parses.
        store.apply(&[SettingChange::CompactSidebar(true)]).unwrap();
        let text = fs::read_to_string(store.path()).unwrap();
        let (settings, _) = parse_settings(&text).unwrap();
        prop_assert!(settings.compact_sidebar);
    }

    #[test]
    fn request_log_reader_never_panics(lines in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..120), 0..30)) {
        let dir = tempfile::tempdir().unwrap();
        let log = RequestLog::new(dir.path(), 2_000);
        let mut bytes = Vec::new();
        for line in &lines {
            bytes.extend(line.iter().filter(|byte| **byte != b'\n'));
            bytes.push(b'\n');
        }
        fs::write(log.path(), &bytes).unwrap();
        let loaded = log.read().unwrap();
        let non_blank = bytes.split(|byte| *byte == b'\n').filter(|line| !line.trim_ascii().is_empty()).count();
        prop_assert_eq!(loaded.entries.len() + loaded.corrupt_lines, non_blank);
        log.append(&RequestLogEntry::default()).unwrap();
        prop_assert_eq!(log.read().unwrap().entries.len(), loaded.entries.len() + 1);
    }
}

/// Re-runs this test binary as a child playing `role`, with `dir` in its environment.
fn child(role: &str, dir: &Path, extra: &[(&str, &str)]) -> std::process::Command {
    let mut command = std::process::Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", "child_process", "--ignored", "--nocapture"])
        .env("BAI_FAULTS_ROLE", role)
        .env("BAI_FAULTS_DIR", dir);
    for (name, value) in extra {
        command.env(name, value);
    }
    command
}

/// Runs the body of the child processes the tests start.
#[test]
#[ignore = "child process of the fault tests"]
fn child_process() {
    let (Ok(role), Ok(dir)) = (
        std::env::var("BAI_FAULTS_ROLE"),
        std::env::var("BAI_FAULTS_DIR"),
    ) else {
        return;
    };
    let dir = Path::new(&dir);
    match role.as_str() {
        "save-large" => {
            // Runs with a file-size limit: the write must fail without harming the old file.
            let store = SettingsStore::new(dir);
            let error = store
                .apply(&[SettingChange::Language(LanguageChoice::English)])
                .unwrap_err();
            println!("save failed as expected: {error}");
        }
        "writer-a" | "writer-b" => {
            let store = SettingsStore::new(dir);
            let log = RequestLog::new(dir, 1_000_000);
            let seconds: u64 = std::env::var("BAI_FAULTS_SECONDS")
                .unwrap()
                .parse()
                .unwrap();
            let deadline = Instant::now() + Duration::from_secs(seconds);
            let mut count = 0_u64;
            while Instant::now() < deadline {
                count += 1;
                let change = if role == "writer-a" {
                    SettingChange::RequestLogMaxEntries(100 + count as usize)
                } else {
                    SettingChange::Window(bai_settings::settings::WindowGeometry {
                        width: 300.0 + (count % 1000) as f32,
                        height: 400.0,
                        x: None,
                        y: None,
                    })
                };
                store.apply(&[change]).unwrap();
                log.append(&RequestLogEntry {
                    url: format!("{role}/{count}"),
                    ..RequestLogEntry::default()
                })
                .unwrap();
            }
            println!("{role} wrote {count}");
        }
        other => panic!("unknown role {other}"),
    }
}

#[test]
fn full_disk_keeps_old_settings() {
    common::require_program("prlimit", "util-linux");
    let dir = tempfile::tempdir().unwrap();
    let store = SettingsStore::new(dir.path());
    let mut original = String::from("language = \"ko\"\n");
    for line in 0..400 {
        original.push_str(&format!(
            "# a long comment line {line} that the save must copy\n"
        ));
    }
    fs::write(store.path(), &original).unwrap();

    // A file-size limit below the file's size plays a full disk; SIGXFSZ is ignored so the
    // write fails with EFBIG instead of killing the process.
    let test_binary = std::env::current_exe().unwrap();
    let script = format!(
        "trap '' XFSZ; exec prlimit --fsize=4096 '{}' --exact child_process --ignored --nocapture",
        test_binary.display()
    );
    let output = std::process::Command::new("sh")
        .args(["-c", &script])
        .env("BAI_FAULTS_ROLE", "save-large")
        .env("BAI_FAULTS_DIR", dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("save failed as expected"), "{stdout}");
    assert!(
        stdout.contains(&store.path().display().to_string()),
        "the error names the file: {stdout}"
    );
    assert_eq!(
        fs::read_to_string(store.path()).unwrap(),
        original,
        "the old file is intact"
    );
}

#[test]
fn settings_directory_in_place_of_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("settings.toml")).unwrap();
    let mut harness = common::english_harness(dir.path());
    let texts = message_texts(harness.state());
    assert!(
        texts.iter().any(|text| text.contains("Could not read")),
        "{texts:?}"
    );

    harness
        .get_by_role_and_label(Role::Switch, "Use compact sidebar by default")
        .click();
    harness.run_ok();
    common::flush_settings(&mut harness);
    assert!(
        harness.state().state.sidebar_compact,
        "the app keeps running with the change"
    );
    let texts = message_texts(harness.state());
    assert!(
        texts
            .iter()
            .any(|text| text.contains("Could not save settings")),
        "{texts:?}"
    );
}

#[test]
fn two_processes_write_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let seconds = std::env::var("BAI_FAULTS_SECONDS").unwrap_or_else(|_| "10".to_owned());
    let children: Vec<_> = ["writer-a", "writer-b"]
        .into_iter()
        .map(|role| {
            child(role, dir.path(), &[("BAI_FAULTS_SECONDS", &seconds)])
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut written = 0_u64;
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success());
        let stdout = String::from_utf8_lossy(&output.stdout);
        let count: u64 = stdout
            .lines()
            .find_map(|line| line.split(" wrote ").nth(1))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        written += count;
    }

    let loaded = RequestLog::new(dir.path(), 1_000_000).read().unwrap();
    assert_eq!(loaded.corrupt_lines, 0);
    assert_eq!(loaded.entries.len() as u64, written, "no entry lost");
    let text = fs::read_to_string(dir.path().join("settings.toml")).unwrap();
    let (settings, warnings) = parse_settings(&text).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        settings.request_log_max_entries > 100,
        "writer A's key survived"
    );
    assert!(settings.window.is_some(), "writer B's key survived");
}

/// A stub Backend.AI manager whose dotfile saves do `save`, everything else responding normally.
fn stub_manager(save: Behaviour) -> StubServer {
    StubServer::start(Behaviour::Route(Arc::new(move |method, path| {
        match (method, path) {
            ("GET", "/") => json(r#"{"version": "v7.20230615", "manager": "23.09.10"}"#),
            ("POST", "/auth") => json(r#"{"authorized": "yes", "echo": "bai-settings"}"#),
            ("GET", "/user-config/dotfiles") => {
                json(r#"[{"path": ".bashrc", "permission": "644", "data": "old\n"}]"#)
            }
            _ => save.clone(),
        }
    })))
}

fn signed_in_to(stub: &StubServer, dir: &Path) -> Harness<'static, BaiSettingsApp> {
    let mut options = options(dir, "en_US.UTF-8");
    options.connection = Resolution::Ready(ConnectionSettings {
        endpoint: stub.base_url.clone(),
        endpoint_type: EndpointType::Api,
        credentials: Credentials::Keypair {
            access_key: "AKIASTUBSTUBSTUBSTUB".to_owned(),
            secret_key: Secret::new("stub-secret"),
        },
        source: CredentialSource::Environment,
        skip_tls_verification: false,
        timeouts: Timeouts {
            connect: Duration::from_secs(2),
            read: Duration::from_secs(1),
        },
    });
    let mut harness = harness(options);
    step_until(&mut harness, "sign-in", |app| {
        matches!(app.state.connection, ConnectionStatus::SignedIn(_))
    });
    harness
}

#[test]
fn failed_saves_keep_unsaved_text() {
    let ten_megabytes = vec![b' '; 10 * 1024 * 1024];
    let cases = [
        (Behaviour::Silent, "did not answer within"),
        (
            Behaviour::Respond {
                status: 500,
                content_type: "text/html",
                body: b"<html><body>Internal Server Error</body></html>".to_vec(),
            },
            "HTTP 500",
        ),
        (
            Behaviour::Respond {
                status: 200,
                content_type: "application/json",
                body: ten_megabytes,
            },
            "larger than",
        ),
        (json("{\"success\": "), "could not be read"),
        (Behaviour::HangUpMidway, "could not be read"),
    ];
    for (save, expected) in cases {
        let description = format!("{save:?}");
        let stub = stub_manager(save);
        let dir = tempfile::tempdir().unwrap();
        let mut harness = signed_in_to(&stub, dir.path());

        let mut editor = ScriptEditor::new(ScriptKind::Dotfiles);
        editor.pending = None;
        harness.state_mut().state.script_editor = Some(editor);
        harness.state_mut().state.dialog = Some(Dialog::ScriptEditor);
        harness.run_ok();
        harness
            .state_mut()
            .state
            .script_editor
            .as_mut()
            .unwrap()
            .text = "typed, not saved\n".to_owned();
        harness.run_ok();
        harness
            .get_by_role_and_label(Role::Button, "Save")
            .click_accesskit();
        harness.run_ok();

        // While the request is pending the window keeps reacting.
        let started = Instant::now();
        harness
            .state_mut()
            .state
            .emit(bai_settings::state::UiCommand::ToggleSidebar);
        harness.run_ok();
        assert!(harness.state().state.sidebar_compact, "{description}");
        assert!(
            started.elapsed() < Duration::from_millis(900),
            "{description}: the UI waited"
        );

        step_until(&mut harness, "the failed save", |app| {
            app.state
                .script_editor
                .as_ref()
                .is_some_and(|editor| editor.pending.is_none())
        });
        let editor = harness.state().state.script_editor.as_ref().unwrap();
        assert_eq!(
            editor.text, "typed, not saved\n",
            "{description}: the text is kept"
        );
        assert!(editor.is_dirty(), "{description}");
        assert!(
            harness.query_by_label_contains(expected).is_some(),
            "{description}: expected a message containing {expected:?}"
        );
    }
}

#[test]
fn skipped_tls_verification_is_shown() {
    let stub = stub_manager(json("{}"));
    let dir = tempfile::tempdir().unwrap();
    let mut options = options(dir.path(), "en_US.UTF-8");
    options.connection = Resolution::Ready(ConnectionSettings {
        endpoint: stub.base_url.clone(),
        endpoint_type: EndpointType::Api,
        credentials: Credentials::Keypair {
            access_key: "AKIASTUBSTUBSTUBSTUB".to_owned(),
            secret_key: Secret::new("stub-secret"),
        },
        source: CredentialSource::Environment,
        skip_tls_verification: true,
        timeouts: Timeouts::default(),
    });
    let mut harness = harness(options);
    step_until(&mut harness, "sign-in", |app| {
        matches!(app.state.connection, ConnectionStatus::SignedIn(_))
    });
    assert!(
        harness
            .query_by_label_contains("TLS certificates are not verified")
            .is_some()
    );
}

#[test]
fn exit_with_pending_request_does_not_hang() {
    let stub = stub_manager(Behaviour::Silent);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = signed_in_to(&stub, dir.path());

    // A save that the server never responds to.
    let mut editor = ScriptEditor::new(ScriptKind::Dotfiles);
    editor.pending = None;
    editor.text = "pending\n".to_owned();
    harness.state_mut().state.script_editor = Some(editor);
    harness.state_mut().state.dialog = Some(Dialog::ScriptEditor);
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::Button, "Save")
        .click_accesskit();
    harness.run_ok();
    assert!(
        harness
            .state()
            .state
            .script_editor
            .as_ref()
            .unwrap()
            .pending
            .is_some()
    );

    let started = Instant::now();
    harness.state_mut().exit();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "exit waited {:?}",
        started.elapsed()
    );
}
