//! Where credentials come from: environment variables, then the official CLI's files, then this
//! app's sign-in dialog; and the app's own credential file (mode 0600).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use bai_settings::api::credentials::{
    CredentialSource, CredentialStore, Credentials, Resolution, StoredCredentials, resolve,
};
use bai_settings::api::{EndpointType, Secret};

fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |name| map.get(name).cloned()
}

fn dialog_credentials(config_dir: &Path) -> CredentialStore {
    let store = CredentialStore::new(config_dir);
    store
        .save(&StoredCredentials {
            endpoint: "http://dialog.example:8081".to_owned(),
            endpoint_type: EndpointType::Api,
            credentials: Credentials::Keypair {
                access_key: "AKIADIALOG".to_owned(),
                secret_key: Secret::new("dialog-secret"),
            },
        })
        .unwrap();
    store
}

fn write_cli_files(cli_dir: &Path, credentials: &str, config: &str) {
    fs::create_dir_all(cli_dir).unwrap();
    fs::write(cli_dir.join("credentials.toml"), credentials).unwrap();
    fs::write(cli_dir.join("config.toml"), config).unwrap();
}

fn ready(resolution: Resolution) -> bai_settings::api::credentials::ConnectionSettings {
    match resolution {
        Resolution::Ready(settings) => settings,
        other => panic!("expected credentials, got {other:?}"),
    }
}

fn access_key(credentials: &Credentials) -> &str {
    match credentials {
        Credentials::Keypair { access_key, .. } => access_key,
        Credentials::Session { .. } => panic!("expected a keypair"),
    }
}

#[test]
fn environment_comes_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = dialog_credentials(&dir.path().join("config"));
    let cli_dir = dir.path().join("cli");
    write_cli_files(
        &cli_dir,
        "[backend-ai]\naccess_key = \"AKIACLI\"\nsecret_key = \"cli-secret\"\n",
        "[backend-ai]\nendpoint = \"http://cli.example:8081\"\n",
    );
    let env = env_of(&[
        ("BACKEND_ENDPOINT", "http://env.example:8081"),
        ("BACKEND_ACCESS_KEY", "AKIAENV"),
        ("BACKEND_SECRET_KEY", "env-secret"),
        ("BACKEND_READ_TIMEOUT", "5"),
    ]);
    let settings = ready(resolve(&env, Some(&cli_dir), &store));
    assert_eq!(settings.source, CredentialSource::Environment);
    assert_eq!(settings.endpoint, "http://env.example:8081");
    assert_eq!(access_key(&settings.credentials), "AKIAENV");
    assert_eq!(settings.timeouts.read.as_secs(), 5);
    assert_eq!(settings.timeouts.connect.as_secs(), 10);
}

#[test]
fn cli_files_come_before_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let store = dialog_credentials(&dir.path().join("config"));
    let cli_dir = dir.path().join("cli");
    write_cli_files(
        &cli_dir,
        "[backend-ai]\naccess_key = \"AKIACLI\"\nsecret_key = \"cli-secret\"\n",
        "[backend-ai]\nendpoint = \"http://cli.example:8081\"\nendpoint_type = \"api\"\nskip_ssl_verification = true\n",
    );
    let settings = ready(resolve(&env_of(&[]), Some(&cli_dir), &store));
    assert_eq!(settings.source, CredentialSource::CliFiles);
    assert_eq!(settings.endpoint, "http://cli.example:8081");
    assert_eq!(access_key(&settings.credentials), "AKIACLI");
    assert!(settings.skip_tls_verification);
}

#[test]
fn credentials_file_overrides_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = CredentialStore::new(&dir.path().join("config"));
    let cli_dir = dir.path().join("cli");
    write_cli_files(
        &cli_dir,
        "[backend-ai]\nendpoint = \"http://credentials.example\"\naccess_key = \"AKIAONE\"\nsecret_key = \"s\"\n",
        "[backend-ai]\nendpoint = \"http://config.example\"\naccess_key = \"AKIATWO\"\n",
    );
    let settings = ready(resolve(&env_of(&[]), Some(&cli_dir), &store));
    assert_eq!(settings.endpoint, "http://credentials.example");
    assert_eq!(access_key(&settings.credentials), "AKIAONE");
}

#[test]
fn environment_mixes_with_cli_files_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let store = CredentialStore::new(&dir.path().join("config"));
    let cli_dir = dir.path().join("cli");
    write_cli_files(
        &cli_dir,
        "access_key = \"AKIACLI\"\nsecret_key = \"cli-secret\"\n",
        "",
    );
    let env = env_of(&[("BACKEND_ENDPOINT", "http://env.example")]);
    let settings = ready(resolve(&env, Some(&cli_dir), &store));
    assert_eq!(settings.endpoint, "http://env.example");
    assert_eq!(access_key(&settings.credentials), "AKIACLI");
    assert_eq!(settings.source, CredentialSource::CliFiles);
}

#[test]
fn dialog_credentials_come_last() {
    let dir = tempfile::tempdir().unwrap();
    let store = dialog_credentials(&dir.path().join("config"));
    let settings = ready(resolve(
        &env_of(&[]),
        Some(&dir.path().join("no-cli")),
        &store,
    ));
    assert_eq!(settings.source, CredentialSource::SignInDialog);
    assert_eq!(access_key(&settings.credentials), "AKIADIALOG");
}

#[test]
fn session_endpoint_without_sign_in_prefills_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let store = CredentialStore::new(&dir.path().join("config"));
    let env = env_of(&[
        ("BACKEND_ENDPOINT", "http://web.example:8090"),
        ("BACKEND_ENDPOINT_TYPE", "session"),
        ("BACKEND_SKIP_SSLCERT_VALIDATION", "true"),
    ]);
    let resolution = resolve(&env, None, &store);
    let Resolution::NeedsSignIn {
        endpoint,
        endpoint_type,
        skip_tls_verification,
        ..
    } = resolution
    else {
        panic!("expected the sign-in dialog, got {resolution:?}");
    };
    assert_eq!(endpoint.as_deref(), Some("http://web.example:8090"));
    assert_eq!(endpoint_type, EndpointType::Session);
    assert!(skip_tls_verification);
}

#[test]
fn broken_cli_file_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let store = CredentialStore::new(&dir.path().join("config"));
    let cli_dir = dir.path().join("cli");
    write_cli_files(&cli_dir, "access_key = = broken", "endpoint = \"http://x\"");
    let resolution = resolve(&env_of(&[]), Some(&cli_dir), &store);
    assert!(
        matches!(resolution, Resolution::NeedsSignIn { .. }),
        "{resolution:?}"
    );
}

#[test]
fn store_round_trip_with_mode_0600() {
    let dir = tempfile::tempdir().unwrap();
    let store = CredentialStore::new(&dir.path().join("new-config-dir"));
    let stored = StoredCredentials {
        endpoint: "http://127.0.0.1:18090".to_owned(),
        endpoint_type: EndpointType::Session,
        credentials: Credentials::Session {
            email: "user@lablup.com".to_owned(),
            cookie: Secret::new("cookie-value"),
        },
    };
    store.save(&stored).unwrap();
    assert_eq!(store.load(), Some(stored));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(store.path()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "mode {mode:o}");
    }

    store.delete().unwrap();
    assert!(!store.path().exists());
    store.delete().unwrap();
}
