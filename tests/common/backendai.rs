//! The real Backend.AI manager and web server started by `scripts/backendai-stack.sh`: where they
//! listen, the fixture user's credentials, and a way to reset that user's settings.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// How to start the servers, for failure messages.
const START_HINT: &str = "start them with `bash scripts/backendai-stack.sh install && \
     bash scripts/backendai-stack.sh start` (or run `bash scripts/test.sh`, which does both)";

/// The servers and the fixture accounts, as `backendai-stack.sh env` prints them.
#[derive(Clone, Debug)]
pub struct TestServer {
    pub manager: String,
    pub webserver: String,
    pub access_key: String,
    pub secret_key: String,
    pub admin_access_key: String,
    pub email: String,
    pub password: String,
    pub api_version: String,
}

impl TestServer {
    /// Reads the stack's settings and checks that both servers answer; fails with instructions
    /// when they do not.
    pub fn get() -> Self {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/backendai-stack.sh");
        let output = Command::new("bash")
            .arg(&script)
            .arg("env")
            .output()
            .unwrap();
        assert!(output.status.success(), "{} env failed", script.display());
        let mut values = HashMap::new();
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            for assignment in line.trim_start_matches("export ").split_whitespace() {
                if let Some((name, value)) = assignment.split_once('=') {
                    values.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        let value = |name: &str| values.get(name).cloned().unwrap_or_default();
        let server = Self {
            manager: value("BACKEND_ENDPOINT"),
            webserver: value("BAI_WEBSERVER"),
            access_key: value("BACKEND_ACCESS_KEY"),
            secret_key: value("BACKEND_SECRET_KEY"),
            admin_access_key: value("BAI_ADMIN_ACCESS_KEY"),
            email: value("BAI_USER_EMAIL"),
            password: value("BAI_USER_PASSWORD"),
            api_version: value("BAI_API_VERSION"),
        };
        for url in [&server.manager, &server.webserver] {
            assert!(
                answers(url),
                "the Backend.AI test server at {url} is not reachable: {START_HINT}"
            );
        }
        server
    }

    /// The official Python SDK's interpreter, from the stack's virtual environment.
    pub fn sdk_python() -> String {
        let dir = std::env::var("BAI_DIR").unwrap_or_else(|_| "/tmp/bai-stack".to_owned());
        let python = format!("{dir}/venv/bin/python");
        assert!(
            Path::new(&python).exists(),
            "the official Python SDK is missing at {python}: {START_HINT}"
        );
        python
    }
}

/// Whether `GET /` of `base_url` answers at all, within 3 seconds.
fn answers(base_url: &str) -> bool {
    let Some(address) = base_url.strip_prefix("http://") else {
        return false;
    };
    let Ok(mut addresses) = std::net::ToSocketAddrs::to_socket_addrs(address) else {
        return false;
    };
    addresses.any(|address| {
        std::net::TcpStream::connect_timeout(&address, Duration::from_secs(3)).is_ok()
    })
}

impl TestServer {
    /// Connection settings for the fixture user in API-keypair mode.
    pub fn keypair_settings(&self) -> bai_settings::api::credentials::ConnectionSettings {
        bai_settings::api::credentials::ConnectionSettings {
            endpoint: self.manager.clone(),
            endpoint_type: bai_settings::api::EndpointType::Api,
            credentials: bai_settings::api::credentials::Credentials::Keypair {
                access_key: self.access_key.clone(),
                secret_key: bai_settings::api::Secret::new(self.secret_key.clone()),
            },
            source: bai_settings::api::credentials::CredentialSource::Environment,
            skip_tls_verification: false,
            timeouts: bai_settings::api::Timeouts::default(),
        }
    }

    /// Clears the fixture user's SSH keypair, dotfiles and bootstrap script with one SQL
    /// statement on the `keypairs` table.
    pub fn reset_user_config(&self) {
        let psql = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| {
                versions
                    .flatten()
                    .map(|entry| entry.path().join("bin/psql"))
                    .find(|path| path.exists())
            })
            .expect("psql from Debian's postgresql package");
        let port = std::env::var("PG_PORT").unwrap_or_else(|_| "15432".to_owned());
        let statement = format!(
            "UPDATE keypairs SET ssh_public_key = NULL, ssh_private_key = NULL, \
             dotfiles = '\\x90'::bytea, bootstrap_script = '' WHERE access_key = '{}'",
            self.access_key
        );
        let output = Command::new(psql)
            .args([
                "-q",
                "-h",
                "127.0.0.1",
                "-p",
                &port,
                "-U",
                "postgres",
                "-d",
                "backend",
                "-c",
                &statement,
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "reset failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
