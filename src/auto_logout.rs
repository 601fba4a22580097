//! Auto logout: signing out when the last window of the app closes, and finishing a sign-out that
//! a crash, a kill or a network failure interrupted, at the next start.
//!
//! Only what this app itself stored is removed: its `credentials.toml` (an access key from its
//! sign-in dialog, or a web session's cookie), after ending the web session on the server.
//! Environment variables and the official CLI's files are never touched. A sign-out that could
//! not reach the server leaves `pending-logout.toml` (mode 0600) with the session to end, and the
//! next start ends it before anything else talks to the server.
//!
//! These functions block on file and network I/O, at most [`LOGOUT_TIMEOUT`] on the network.
//! They run before the window opens and after it closed.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use toml_edit::{DocumentMut, Item, Table, value};

use crate::api::client::{ApiClient, Auth, ClientOptions, Timeouts};
use crate::api::credentials::{CredentialStore, Credentials, write_private_file};
use crate::api::{Endpoint, EndpointType, Secret};
use crate::request_log::RequestLog;

/// Maximum wait for the web server's response to a logout.
pub const LOGOUT_TIMEOUT: Duration = Duration::from_secs(2);

const PENDING_FILE_NAME: &str = "pending-logout.toml";

/// Summary of what a sign-out did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogoutReport {
    /// The app's stored credentials were deleted.
    pub credentials_deleted: bool,
    /// A web session was ended on the server.
    pub session_ended: bool,
    /// The server could not be reached; the sign-out is finished at the next start.
    pub left_pending: bool,
}

fn pending_path(config_dir: &Path) -> PathBuf {
    config_dir.join(PENDING_FILE_NAME)
}

/// Signs out what this app stored: deletes its credentials and ends their web session.
pub fn log_out(config_dir: &Path, request_log: Option<&RequestLog>) -> LogoutReport {
    let store = CredentialStore::new(config_dir);
    let mut report = LogoutReport::default();
    let Some(stored) = store.load() else {
        return report;
    };

    if let Credentials::Session { cookie, .. } = &stored.credentials {
        // Recorded first, so a kill during the request still leaves the session to end.
        if let Err(error) = write_pending(config_dir, &stored.endpoint, cookie) {
            log::error!("Failed to record the pending sign-out: {error}");
        }
    }
    match store.delete() {
        Ok(()) => report.credentials_deleted = true,
        Err(error) => log::error!("Failed to delete {}: {error}", store.path().display()),
    }
    if matches!(stored.credentials, Credentials::Session { .. }) {
        let finished = finish_pending(config_dir, request_log);
        report.session_ended = finished.session_ended;
        report.left_pending = finished.left_pending;
    }
    report
}

/// Ends the web session recorded in `pending-logout.toml`, if any, and removes the record once the
/// server confirmed or the session no longer exists.
pub fn finish_pending(config_dir: &Path, request_log: Option<&RequestLog>) -> LogoutReport {
    let mut report = LogoutReport::default();
    let Some((endpoint, cookie)) = read_pending(config_dir) else {
        return report;
    };
    let Ok(endpoint_parsed) = Endpoint::parse(&endpoint) else {
        log::warn!("Dropping a pending sign-out for the invalid endpoint {endpoint:?}");
        let _ = fs::remove_file(pending_path(config_dir));
        return report;
    };
    let request_sink = request_log
        .cloned()
        .map(|log| -> crate::api::client::RequestSink {
            Box::new(move |entry| {
                if let Err(error) = log.append(&entry) {
                    log::warn!("Failed to log the sign-out request: {error}");
                }
            })
        });
    let mut client = ApiClient::new(
        endpoint_parsed,
        EndpointType::Session,
        Auth::Session {
            cookie: Some(cookie),
        },
        ClientOptions {
            timeouts: Timeouts {
                connect: LOGOUT_TIMEOUT,
                read: LOGOUT_TIMEOUT,
            },
            request_sink,
            ..ClientOptions::default()
        },
    );
    match client.logout() {
        Ok(()) => {
            log::info!("Ended the web session at {endpoint}");
            report.session_ended = true;
            let _ = fs::remove_file(pending_path(config_dir));
        }
        Err(error)
            if error.problem().is_some()
                || matches!(error, crate::api::ApiError::SessionExpired) =>
        {
            // The server responded, so the session is gone either way.
            log::info!("The web session at {endpoint} had already ended ({error})");
            report.session_ended = true;
            let _ = fs::remove_file(pending_path(config_dir));
        }
        Err(error) => {
            log::warn!(
                "Failed to end the web session at {endpoint}, will retry at the next start: {error}"
            );
            report.left_pending = true;
        }
    }
    report
}

/// Finishes at start-up what the last window could not: a recorded sign-out, or the whole
/// sign-out when the last process of the app ended without closing normally (`census`).
/// Returns whether anything was signed out, so the window can show a message.
pub fn complete_at_start(
    config_dir: &Path,
    auto_logout: bool,
    census: crate::instances::Census,
    request_log: Option<&RequestLog>,
) -> bool {
    let mut signed_out = false;
    if auto_logout && census.stale_removed > 0 && census.others_alive == 0 {
        log::info!("The app last ended without signing out; signing out now");
        let report = log_out(config_dir, request_log);
        signed_out |= report.credentials_deleted || report.session_ended;
    }
    if has_pending(config_dir) {
        let report = finish_pending(config_dir, request_log);
        signed_out |= report.session_ended;
    }
    signed_out
}

/// Returns whether a sign-out is waiting to be finished.
pub fn has_pending(config_dir: &Path) -> bool {
    pending_path(config_dir).exists()
}

fn write_pending(config_dir: &Path, endpoint: &str, cookie: &Secret) -> std::io::Result<()> {
    let mut table = Table::new();
    table.insert("endpoint", value(endpoint));
    table.insert("session_cookie", value(cookie.expose()));
    let mut document = DocumentMut::new();
    document.insert("pending-logout", Item::Table(table));
    write_private_file(&pending_path(config_dir), document.to_string().as_bytes())
}

fn read_pending(config_dir: &Path) -> Option<(String, Secret)> {
    let text = fs::read_to_string(pending_path(config_dir)).ok()?;
    let document: DocumentMut = text.parse().ok()?;
    let table = document.get("pending-logout")?.as_table_like()?;
    let endpoint = table.get("endpoint")?.as_str()?.to_owned();
    let cookie = table.get("session_cookie")?.as_str()?.to_owned();
    Some((endpoint, Secret::new(cookie)))
}
