//! Where the connection settings come from, in the official SDK's order: environment variables,
//! then the official CLI's `~/.backend.ai/credentials.toml` and `config.toml`, then what the user
//! entered in this app's sign-in dialog, which the app keeps in files of its own (mode 0600).
//!
//! Reading and writing these files blocks on I/O: it runs at start-up and on the API worker.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, value};

use super::client::Timeouts;
use super::{EndpointType, Secret};
use crate::atomic_file::{self, Access};

/// Table name used by the official CLI's files and by ours.
const TABLE: &str = "backend-ai";

/// Source of the active credentials, shown in the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CredentialSource {
    /// `BACKEND_*` environment variables.
    Environment,
    /// The official CLI's files in `~/.backend.ai`.
    CliFiles,
    /// This app's sign-in dialog.
    SignInDialog,
}

/// Everything needed to connect.
#[derive(Clone, Debug, PartialEq)]
pub struct ConnectionSettings {
    pub endpoint: String,
    pub endpoint_type: EndpointType,
    pub credentials: Credentials,
    pub source: CredentialSource,
    pub skip_tls_verification: bool,
    pub timeouts: Timeouts,
}

/// The secret part of a connection.
#[derive(Clone, Debug, PartialEq)]
pub enum Credentials {
    Keypair {
        access_key: String,
        secret_key: Secret,
    },
    /// A web-server session that this app signed in earlier; `email` is for display.
    Session { email: String, cookie: Secret },
}

/// The outcome of looking for credentials at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolution {
    Ready(ConnectionSettings),

    /// Nothing complete was found; the sign-in dialog starts from these values.
    NeedsSignIn {
        endpoint: Option<String>,
        endpoint_type: EndpointType,
        skip_tls_verification: bool,
        timeouts: Timeouts,
    },
}

/// One source's values, each optional.
#[derive(Clone, Debug, Default)]
struct Partial {
    endpoint: Option<String>,
    endpoint_type: Option<EndpointType>,
    access_key: Option<String>,
    secret_key: Option<String>,
    skip_tls_verification: Option<bool>,
}

impl Partial {
    /// Fills every value still missing from `lower`.
    fn or(self, lower: Self) -> Self {
        Self {
            endpoint: self.endpoint.or(lower.endpoint),
            endpoint_type: self.endpoint_type.or(lower.endpoint_type),
            access_key: self.access_key.or(lower.access_key),
            secret_key: self.secret_key.or(lower.secret_key),
            skip_tls_verification: self.skip_tls_verification.or(lower.skip_tls_verification),
        }
    }
}

/// Finds the credentials to start with.
///
/// `env` looks up environment variables, `cli_dir` is the official CLI's directory
/// (`~/.backend.ai`), and `store` contains what this app's sign-in dialog saved.
pub fn resolve(
    env: &dyn Fn(&str) -> Option<String>,
    cli_dir: Option<&Path>,
    store: &CredentialStore,
) -> Resolution {
    let non_empty = |name: &str| {
        env(name)
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    };
    let from_env = Partial {
        endpoint: non_empty("BACKEND_ENDPOINT"),
        endpoint_type: non_empty("BACKEND_ENDPOINT_TYPE")
            .and_then(|value| EndpointType::from_key(&value)),
        access_key: non_empty("BACKEND_ACCESS_KEY"),
        secret_key: non_empty("BACKEND_SECRET_KEY"),
        skip_tls_verification: non_empty("BACKEND_SKIP_SSLCERT_VALIDATION")
            .map(|value| is_truthy(&value)),
    };
    let (from_credentials, from_config) = match cli_dir {
        Some(dir) => (
            read_cli_file(&dir.join("credentials.toml")),
            read_cli_file(&dir.join("config.toml")),
        ),
        None => (Partial::default(), Partial::default()),
    };
    let env_has_keys = from_env.access_key.is_some();
    let official = from_env.or(from_credentials).or(from_config);
    let timeouts = Timeouts::from_env(|name| env(name));
    let skip_tls_verification = official.skip_tls_verification.unwrap_or(false);
    let endpoint_type = official.endpoint_type.unwrap_or_default();

    if endpoint_type == EndpointType::Api
        && let (Some(endpoint), Some(access_key), Some(secret_key)) = (
            official.endpoint.clone(),
            official.access_key.clone(),
            official.secret_key.clone(),
        )
    {
        let source = if env_has_keys {
            CredentialSource::Environment
        } else {
            CredentialSource::CliFiles
        };
        return Resolution::Ready(ConnectionSettings {
            endpoint,
            endpoint_type,
            credentials: Credentials::Keypair {
                access_key,
                secret_key: Secret::new(secret_key),
            },
            source,
            skip_tls_verification,
            timeouts,
        });
    }

    if let Some(stored) = store.load() {
        return Resolution::Ready(ConnectionSettings {
            endpoint: stored.endpoint,
            endpoint_type: stored.endpoint_type,
            credentials: stored.credentials,
            source: CredentialSource::SignInDialog,
            skip_tls_verification,
            timeouts,
        });
    }

    Resolution::NeedsSignIn {
        endpoint: official.endpoint,
        endpoint_type,
        skip_tls_verification,
        timeouts,
    }
}

/// Returns the official CLI's directory, `~/.backend.ai`.
pub fn default_cli_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.home_dir().join(".backend.ai"))
}

fn is_truthy(value: &str) -> bool {
    matches!(
        value.trim().to_lowercase().as_str(),
        "1" | "true" | "yes" | "on"
    )
}

/// Reads one of the official CLI's TOML files: keys in a `[backend-ai]` table or at top level.
/// A missing or unreadable file gives nothing; a broken one is logged.
fn read_cli_file(path: &Path) -> Partial {
    let Ok(text) = fs::read_to_string(path) else {
        return Partial::default();
    };
    let document: DocumentMut = match text.parse() {
        Ok(document) => document,
        Err(error) => {
            log::warn!("Ignoring {}: not valid TOML ({error})", path.display());
            return Partial::default();
        }
    };
    let table = document
        .get(TABLE)
        .and_then(Item::as_table_like)
        .unwrap_or_else(|| document.as_table());
    let text_of = |key: &str| {
        table
            .get(key)
            .and_then(Item::as_str)
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    };
    Partial {
        endpoint: text_of("endpoint"),
        endpoint_type: text_of("endpoint_type").and_then(|value| EndpointType::from_key(&value)),
        access_key: text_of("access_key"),
        secret_key: text_of("secret_key"),
        skip_tls_verification: table.get("skip_ssl_verification").and_then(Item::as_bool),
    }
}

/// Credentials this app saved from its sign-in dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredCredentials {
    pub endpoint: String,
    pub endpoint_type: EndpointType,
    pub credentials: Credentials,
}

/// This app's credential file, `credentials.toml` in the config directory, mode 0600. It contains
/// either an access key and secret key, or a web-server session (e-mail and session cookie); a
/// password is never stored.
#[derive(Clone, Debug)]
pub struct CredentialStore {
    path: PathBuf,
}

impl CredentialStore {
    pub fn new(config_dir: &Path) -> Self {
        Self {
            path: config_dir.join("credentials.toml"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the saved credentials; `None` when there are none or the file is unusable (logged).
    pub fn load(&self) -> Option<StoredCredentials> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return None,
            Err(error) => {
                log::warn!("Cannot read {}: {error}", self.path.display());
                return None;
            }
        };
        let document: DocumentMut = text
            .parse()
            .inspect_err(|error| {
                log::warn!("Ignoring {}: not valid TOML ({error})", self.path.display())
            })
            .ok()?;
        let table = document.get(TABLE)?.as_table_like()?;
        let text_of = |key: &str| table.get(key).and_then(Item::as_str).map(str::to_owned);

        let endpoint = text_of("endpoint")?;
        let endpoint_type = EndpointType::from_key(&text_of("endpoint_type")?)?;
        let credentials = match endpoint_type {
            EndpointType::Api => Credentials::Keypair {
                access_key: text_of("access_key")?,
                secret_key: Secret::new(text_of("secret_key")?),
            },
            EndpointType::Session => Credentials::Session {
                email: text_of("email").unwrap_or_default(),
                cookie: Secret::new(text_of("session_cookie")?),
            },
        };
        Some(StoredCredentials {
            endpoint,
            endpoint_type,
            credentials,
        })
    }

    /// Replaces the file with `stored`, created with mode 0600. Blocks on file I/O.
    pub fn save(&self, stored: &StoredCredentials) -> io::Result<()> {
        let mut table = Table::new();
        table.insert("endpoint", value(stored.endpoint.as_str()));
        table.insert("endpoint_type", value(stored.endpoint_type.key()));
        match &stored.credentials {
            Credentials::Keypair {
                access_key,
                secret_key,
            } => {
                table.insert("access_key", value(access_key.as_str()));
                table.insert("secret_key", value(secret_key.expose()));
            }
            Credentials::Session { email, cookie } => {
                table.insert("email", value(email.as_str()));
                table.insert("session_cookie", value(cookie.expose()));
            }
        }
        let mut document = DocumentMut::new();
        document.insert(TABLE, Item::Table(table));
        let text = format!(
            "# Saved by bai-settings from its sign-in dialog. Sign out in the app to remove it.\n{document}"
        );
        write_private_file(&self.path, text.as_bytes())
    }

    /// Deletes the file; a missing file is not an error. Blocks on file I/O.
    pub fn delete(&self) -> io::Result<()> {
        match fs::remove_file(&self.path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }
}

/// Writes `contents` to `path` atomically, readable and writable by the owner only (0600 on
/// Unix), creating the directory when needed.
pub fn write_private_file(path: &Path, contents: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    atomic_file::replace(path, contents, Access::OwnerOnly)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truthy_values() {
        for value in ["1", "true", "YES", " on "] {
            assert!(is_truthy(value), "{value}");
        }
        for value in ["0", "false", "", "no"] {
            assert!(!is_truthy(value), "{value}");
        }
    }
}
