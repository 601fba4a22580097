//! The automatic update check: fetching the release feed on the `update-check` thread and
//! comparing its version with the app's own, by semantic versioning.
//!
//! Two feed formats are read: the Backend.AI desktop app's `{"package": "x.y.z", "build": …,
//! "revision": …}` and a GitHub "latest release" object (`tag_name`, `html_url`).

use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::time::{Duration, SystemTime};

use semver::Version;
use serde_json::Value;

use crate::events::{AppEvent, EventSender};

/// Where the project publishes releases: the GitHub API's latest release of bai-settings.
pub const DEFAULT_FEED_URL: &str =
    "https://api.github.com/repos/lablup/bai-settings/releases/latest";

/// The release page opened when a feed names no page of its own.
pub const DEFAULT_RELEASE_PAGE: &str = "https://github.com/lablup/bai-settings/releases";

/// Environment variable that replaces the feed URL, for tests and mirrors.
pub const FEED_URL_VARIABLE: &str = "BAI_SETTINGS_UPDATE_FEED_URL";

/// Time between automatic checks while the app runs.
pub const CHECK_INTERVAL: Duration = Duration::from_secs(24 * 60 * 60);

/// Largest feed read, in bytes; a release object is a few KiB.
const MAX_FEED_BYTES: u64 = 1024 * 1024;

/// A release newer than the running app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRelease {
    pub version: String,
    pub page_url: String,
}

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckOutcome {
    UpToDate,
    Newer(NewRelease),
}

/// Reason a check failed, for the line under the switch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckFailure {
    Unreachable(String),
    Timeout,
    Http(u16),
    Malformed(String),
}

impl CheckFailure {
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Self::Unreachable(detail) => (
                "update-failed-unreachable",
                vec![("detail", detail.clone())],
            ),
            Self::Timeout => ("update-failed-timeout", Vec::new()),
            Self::Http(status) => ("update-failed-http", vec![("status", status.to_string())]),
            Self::Malformed(detail) => {
                ("update-failed-malformed", vec![("detail", detail.clone())])
            }
        }
    }
}

/// One finished check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    pub finished_at: SystemTime,
    pub outcome: Result<CheckOutcome, CheckFailure>,
    /// `true` when the user pressed *Check now*.
    pub manual: bool,
}

#[derive(Debug)]
pub enum UpdateCommand {
    /// Check at once (*Check now*).
    CheckNow,
    /// Turn the automatic checks on or off; turning on checks at once.
    SetEnabled(bool),
}

/// Handle to the `update-check` thread.
pub struct UpdateChecker {
    commands: SyncSender<UpdateCommand>,
}

impl UpdateChecker {
    /// Starts the thread; when `enabled`, it checks at once and then every [`CHECK_INTERVAL`].
    pub fn spawn(feed_url: String, enabled: bool, events: EventSender) -> std::io::Result<Self> {
        // A few clicks' worth; the thread takes each at once unless a check is running.
        let (commands, receiver) = std::sync::mpsc::sync_channel(4);
        std::thread::Builder::new()
            .name("update-check".to_owned())
            .spawn(move || run(&receiver, &feed_url, enabled, &events))?;
        Ok(Self { commands })
    }

    pub fn try_send(&self, command: UpdateCommand) {
        if let Err(TrySendError::Full(command)) = self.commands.try_send(command) {
            log::warn!("The update checker is busy; dropped {command:?}");
        }
    }
}

fn run(
    commands: &Receiver<UpdateCommand>,
    feed_url: &str,
    mut enabled: bool,
    events: &EventSender,
) {
    let mut check_now = enabled;
    loop {
        if check_now {
            let outcome = check(feed_url, env!("CARGO_PKG_VERSION"));
            match &outcome {
                Ok(CheckOutcome::UpToDate) => {
                    log::info!("Update check: {} is up to date", env!("CARGO_PKG_VERSION"))
                }
                Ok(CheckOutcome::Newer(release)) => {
                    log::info!("Update check: {} is available", release.version)
                }
                Err(failure) => log::warn!("Update check of {feed_url} failed: {failure:?}"),
            }
            events.send(AppEvent::UpdateChecked(CheckResult {
                finished_at: SystemTime::now(),
                outcome,
                manual: false,
            }));
        }
        let wait = if enabled {
            CHECK_INTERVAL
        } else {
            Duration::MAX
        };
        check_now = match commands.recv_timeout(wait) {
            Ok(UpdateCommand::CheckNow) => {
                let outcome = check(feed_url, env!("CARGO_PKG_VERSION"));
                if let Err(failure) = &outcome {
                    log::warn!("Update check of {feed_url} failed: {failure:?}");
                }
                events.send(AppEvent::UpdateChecked(CheckResult {
                    finished_at: SystemTime::now(),
                    outcome,
                    manual: true,
                }));
                false
            }
            Ok(UpdateCommand::SetEnabled(on)) => {
                let turned_on = on && !enabled;
                enabled = on;
                turned_on
            }
            Err(RecvTimeoutError::Timeout) => enabled,
            Err(RecvTimeoutError::Disconnected) => return,
        };
    }
}

/// Fetches the feed and compares its version with `current`. Blocks on the network.
pub fn check(feed_url: &str, current: &str) -> Result<CheckOutcome, CheckFailure> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(5)))
        .timeout_recv_response(Some(Duration::from_secs(10)))
        .timeout_recv_body(Some(Duration::from_secs(10)))
        .user_agent(concat!("bai-settings/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(feed_url).call().map_err(|error| match error {
        ureq::Error::Timeout(_) => CheckFailure::Timeout,
        other => CheckFailure::Unreachable(other.to_string()),
    })?;
    let status = response.status().as_u16();
    if status >= 400 {
        return Err(CheckFailure::Http(status));
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_FEED_BYTES)
        .read_to_vec()
        .map_err(|error| match error {
            ureq::Error::Timeout(_) => CheckFailure::Timeout,
            other => CheckFailure::Unreachable(other.to_string()),
        })?;
    let feed: Value = serde_json::from_slice(&body)
        .map_err(|error| CheckFailure::Malformed(error.to_string()))?;
    compare(&feed, current)
}

/// Reads the feed's version and page and compares the version with `current`.
pub fn compare(feed: &Value, current: &str) -> Result<CheckOutcome, CheckFailure> {
    let (version_text, page_url) = if let Some(package) = feed["package"].as_str() {
        (package, DEFAULT_RELEASE_PAGE.to_owned())
    } else if let Some(tag) = feed["tag_name"].as_str() {
        let page = feed["html_url"]
            .as_str()
            .unwrap_or(DEFAULT_RELEASE_PAGE)
            .to_owned();
        (tag, page)
    } else {
        return Err(CheckFailure::Malformed(
            "no \"package\" or \"tag_name\" field".to_owned(),
        ));
    };
    let remote = parse_version(version_text).ok_or_else(|| {
        CheckFailure::Malformed(format!("{version_text:?} is not a semantic version"))
    })?;
    let local = parse_version(current).ok_or_else(|| {
        CheckFailure::Malformed(format!("the app's own version {current:?} is invalid"))
    })?;
    if remote > local {
        Ok(CheckOutcome::Newer(NewRelease {
            version: remote.to_string(),
            page_url,
        }))
    } else {
        Ok(CheckOutcome::UpToDate)
    }
}

/// Parses `1.2.3`, `v1.2.3` or `1.2.3-rc.1`.
fn parse_version(text: &str) -> Option<Version> {
    Version::parse(text.trim().trim_start_matches(['v', 'V'])).ok()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn both_feed_formats() {
        let desktop = json!({ "package": "9.0.0", "build": "x", "revision": "y" });
        assert!(
            matches!(compare(&desktop, "0.1.0"), Ok(CheckOutcome::Newer(release)) if release.version == "9.0.0")
        );
        let github = json!({ "tag_name": "v0.1.0", "html_url": "https://example.invalid/r" });
        assert_eq!(compare(&github, "0.1.0"), Ok(CheckOutcome::UpToDate));
    }

    #[test]
    fn pre_releases_order() {
        let rc = json!({ "package": "1.0.0-rc.2" });
        assert!(matches!(
            compare(&rc, "1.0.0-rc.1"),
            Ok(CheckOutcome::Newer(_))
        ));
        assert_eq!(compare(&rc, "1.0.0"), Ok(CheckOutcome::UpToDate));
        let release = json!({ "package": "1.0.0" });
        assert!(matches!(
            compare(&release, "1.0.0-rc.2"),
            Ok(CheckOutcome::Newer(_))
        ));
    }

    #[test]
    fn malformed_feeds() {
        assert!(matches!(
            compare(&json!({}), "0.1.0"),
            Err(CheckFailure::Malformed(_))
        ));
        assert!(matches!(
            compare(&json!({ "package": "soon" }), "0.1.0"),
            Err(CheckFailure::Malformed(_))
        ));
    }
}
