//! After an end-to-end run against the real server (sign in with a keypair and with a password,
//! generate and upload SSH keys, edit scripts, fail requests), no file the app wrote and nothing
//! it printed contains the secret key, the password, a private key or the session cookie, except
//! the 0600 credential files.

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
use std::path::{Path, PathBuf};

use bai_settings::account_state::SshStep;
use bai_settings::api::credentials::Resolution;
use bai_settings::app::BaiSettingsApp;
use bai_settings::state::ConnectionStatus;
use common::backendai::TestServer;
use common::{harness, options, step_until};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Files that may hold secrets: the credential files, mode 0600.
const CREDENTIAL_FILES: [&str; 2] = ["credentials.toml", "pending-logout.toml"];

fn type_into(harness: &mut Harness<'_, BaiSettingsApp>, label: &str, text: &str) {
    let field = harness.get_by_label(label);
    field.focus();
    field.type_text(text);
    harness.run_ok();
}

/// The end-to-end run, in a child process so its standard output and error can be searched.
#[test]
#[ignore = "child process of secrets_stay_out_of_files_and_output"]
fn end_to_end_child() {
    let (Ok(dir), Ok(private_key_out)) = (
        std::env::var("BAI_SECRETS_DIR"),
        std::env::var("BAI_SECRETS_KEY_OUT"),
    ) else {
        return;
    };
    let dir = Path::new(&dir);
    // Every log record of the app goes to standard error, where the parent searches it.
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("debug"))
        .try_init();
    let server = TestServer::get();
    server.reset_user_config();

    // Keypair mode, from the environment-like settings.
    let mut options = options(dir, "en_US.UTF-8");
    options.connection = Resolution::Ready(server.keypair_settings());
    let mut harness = harness(options);
    step_until(&mut harness, "sign-in", |app| {
        matches!(app.state.connection, ConnectionStatus::SignedIn(_))
    });

    // Generate a keypair locally and upload it.
    harness.get_by_label("Manage…").click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the keypair", |app| {
        app.state.ssh_dialog.as_ref().is_some_and(|d| !d.loading)
    });
    harness.get_by_label("Generate…").click_accesskit();
    harness.run_ok();
    harness.get_by_label("Continue").click_accesskit();
    harness.run_ok();
    harness
        .get_by_label("On this computer, then uploaded")
        .click_accesskit();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::Button, "Generate")
        .click_accesskit();
    harness.run_ok();
    step_until(
        &mut harness,
        "the new keypair",
        |app| matches!(&app.state.ssh_dialog, Some(dialog) if matches!(dialog.step, SshStep::Created(_)) && !dialog.loading),
    );
    if let Some(dialog) = &harness.state().state.ssh_dialog
        && let SshStep::Created(created) = &dialog.step
    {
        fs::write(&private_key_out, created.private_key.expose()).unwrap();
    }
    harness.get_by_label("Copy private key").click_accesskit();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::Button, "Close")
        .click_accesskit();
    harness.run_ok();

    // Edit a script.
    harness
        .get_by_label("Edit user config script…")
        .click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the editor", |app| {
        app.state
            .script_editor
            .as_ref()
            .is_some_and(|e| e.pending.is_none())
    });
    harness
        .state_mut()
        .state
        .script_editor
        .as_mut()
        .unwrap()
        .text = "export TOKEN_NAME=demo\n".to_owned();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::Button, "Save and close")
        .click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the save", |app| {
        app.state.script_editor.is_none()
    });

    // Fail a request: sign in with a wrong secret key, then with the password in session mode.
    harness.get_by_label("Sign out").click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "sign-out", |app| {
        app.state.connection == ConnectionStatus::SignedOut
    });
    harness
        .get_all_by_label("Sign in…")
        .next()
        .unwrap()
        .click_accesskit();
    harness.run_ok();
    type_into(&mut harness, "Endpoint", &server.manager);
    type_into(&mut harness, "Access key", &server.access_key);
    type_into(
        &mut harness,
        "Secret key",
        &format!("{}-wrong", server.secret_key),
    );
    harness
        .get_by_role_and_label(Role::Button, "Sign in")
        .click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the failed sign-in", |app| {
        app.state.sign_in_form.pending.is_none()
    });

    let endpoint = harness.get_by_label("Endpoint");
    endpoint.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_ok();
    type_into(&mut harness, "Endpoint", &server.webserver);
    harness
        .get_by_label("E-mail and password")
        .click_accesskit();
    harness.run_ok();
    type_into(&mut harness, "E-mail", &server.email);
    type_into(&mut harness, "Password", &server.password);
    harness
        .get_by_role_and_label(Role::Button, "Sign in")
        .click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "session sign-in", |app| {
        matches!(app.state.connection, ConnectionStatus::SignedIn(_))
    });
    assert!(
        harness
            .state()
            .settings_writer()
            .flush_blocking(common::WORKER_TIMEOUT)
    );
    println!("end-to-end run finished");
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[test]
fn secrets_stay_out_of_files_and_output() {
    let server = TestServer::get();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    fs::create_dir(&config).unwrap();
    let key_out = dir.path().join("private-key-for-the-check");

    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "end_to_end_child", "--ignored", "--nocapture"])
        .env("BAI_SECRETS_DIR", &config)
        .env("BAI_SECRETS_KEY_OUT", &key_out)
        .env("RUST_LOG", "debug")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "the end-to-end run failed:\n{stdout}\n{stderr}"
    );

    let private_key = fs::read_to_string(&key_out).unwrap();
    let credentials = fs::read_to_string(config.join("credentials.toml")).unwrap();
    let cookie = credentials
        .lines()
        .find_map(|line| line.strip_prefix("session_cookie = "))
        .map(|value| value.trim_matches('"').to_owned())
        .expect("the session cookie is stored");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(config.join("credentials.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let private_key_line = private_key.lines().nth(1).unwrap().to_owned();
    let secrets = [
        ("secret key", server.secret_key.clone()),
        ("password", server.password.clone()),
        ("private key", private_key_line),
        ("session cookie", cookie),
    ];
    let mut files = Vec::new();
    files_under(&config, &mut files);
    assert!(
        files.iter().any(|path| path.ends_with("requests.jsonl")),
        "{files:?}"
    );
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if CREDENTIAL_FILES.contains(&name.as_str()) {
            continue;
        }
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        for (what, secret) in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "the {what} is in {}",
                path.display()
            );
        }
    }
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        for (what, secret) in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "the {what} is in the app's {stream}"
            );
        }
    }
    assert!(stdout.contains("end-to-end run finished"), "{stdout}");
    assert!(
        stderr.contains("bai_settings"),
        "the app's debug log was captured"
    );
}
