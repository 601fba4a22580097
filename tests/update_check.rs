//! The automatic update check against release feeds served on loopback by the test.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use bai_settings::app::BaiSettingsApp;
use bai_settings::state::Dialog;
use common::stub_server::{Behaviour, StubServer};
use common::{harness, options, step_until};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn feed(body: &str) -> StubServer {
    StubServer::start(Behaviour::Respond {
        status: 200,
        content_type: "application/json",
        body: body.as_bytes().to_vec(),
    })
}

fn update_harness(dir: &Path, feed_url: &str) -> Harness<'static, BaiSettingsApp> {
    let mut options = options(dir, "en_US.UTF-8");
    options.update_feed_url = Some(feed_url.to_owned());
    let mut harness = harness(options);
    harness.state_mut().state.time_zone = jiff::tz::TimeZone::UTC;
    step_until(&mut harness, "the update check", |app| {
        !app.state.update_check_pending
    });
    harness
}

#[test]
fn newer_release_opens_window() {
    let server = feed(r#"{"tag_name": "v99.0.0", "html_url": "http://127.0.0.1:1/release"}"#);
    let dir = tempfile::tempdir().unwrap();
    let harness = update_harness(dir.path(), &format!("{}/latest", server.base_url));
    assert_eq!(harness.state().state.dialog, Some(Dialog::UpdateAvailable));
    assert!(
        harness
            .query_by_label_contains("Version 99.0.0 of Backend.AI settings")
            .is_some()
    );
    assert!(harness.query_by_label("Open the release page").is_some());
}

#[test]
fn equal_or_older_release_is_quiet() {
    for version in [env!("CARGO_PKG_VERSION"), "0.0.1", "0.1.0-rc.1"] {
        let server = feed(&format!(
            r#"{{"package": "{version}", "build": "1", "revision": "abc"}}"#
        ));
        let dir = tempfile::tempdir().unwrap();
        let harness = update_harness(dir.path(), &server.base_url);
        assert_eq!(harness.state().state.dialog, None, "{version}");
        assert!(
            harness.query_by_label_contains("up to date").is_some(),
            "{version}"
        );
    }
}

#[test]
fn pre_release_after_release_is_newer() {
    let server = feed(r#"{"package": "0.1.1-rc.1"}"#);
    let dir = tempfile::tempdir().unwrap();
    let harness = update_harness(dir.path(), &server.base_url);
    assert_eq!(harness.state().state.dialog, Some(Dialog::UpdateAvailable));
}

#[test]
fn failures_show_text_without_window() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let malformed = feed("{\"package\": ");
    let server_error = StubServer::start(Behaviour::Respond {
        status: 500,
        content_type: "text/html",
        body: b"<h1>500</h1>".to_vec(),
    });
    let cases = [
        (malformed.base_url.clone(), "could not be read"),
        (server_error.base_url.clone(), "HTTP 500"),
        (
            format!("http://127.0.0.1:{port}/feed"),
            "could not be reached",
        ),
    ];
    for (url, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let harness = update_harness(dir.path(), &url);
        assert_eq!(harness.state().state.dialog, None, "{url}");
        assert!(
            harness.query_by_label_contains(expected).is_some(),
            "{url}: expected {expected:?}"
        );
        assert!(
            harness
                .query_by_label_contains("Last check failed")
                .is_some()
        );
    }
}

#[test]
fn check_now_always_answers() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let current = feed(&format!(
        r#"{{"package": "{}"}}"#,
        env!("CARGO_PKG_VERSION")
    ));
    let cases = [
        (current.base_url.clone(), "This is the newest release"),
        (
            format!("http://127.0.0.1:{port}/feed"),
            "The update check failed: the release feed could not be reached",
        ),
    ];
    for (url, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = update_harness(dir.path(), &url);
        assert!(
            harness.query_by_label_contains(expected).is_none(),
            "{url}: the automatic check stays quiet"
        );

        harness
            .get_by_role_and_label(Role::Button, "Check now")
            .click();
        harness.run_ok();
        step_until(&mut harness, "the check", |app| {
            !app.state.update_check_pending
        });
        assert!(
            harness.query_by_label_contains(expected).is_some(),
            "{url}: expected {expected:?}"
        );
    }
}

#[test]
fn silent_feed_keeps_ui_responsive() {
    let silent = StubServer::start(Behaviour::Silent);
    let dir = tempfile::tempdir().unwrap();
    let mut options = options(dir.path(), "en_US.UTF-8");
    options.update_feed_url = Some(silent.base_url.clone());
    let mut harness = harness(options);

    // While the check hangs, the window still reacts at once.
    let started = Instant::now();
    harness.get_by_label("Collapse sidebar").click();
    harness.run_ok();
    assert!(harness.state().state.sidebar_compact);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(harness.state().state.update_check_pending);

    step_until(&mut harness, "the timed-out check", |app| {
        !app.state.update_check_pending
    });
    assert!(
        harness
            .query_by_label_contains("did not answer in time")
            .is_some()
    );
}

#[test]
fn skipped_version_is_remembered() {
    let server = feed(r#"{"package": "99.1.0"}"#);
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = update_harness(dir.path(), &server.base_url);
        harness.get_by_label("Skip this version").click();
        harness.run_ok();
        assert_eq!(harness.state().state.dialog, None);
        common::flush_settings(&mut harness);
    }
    let settings = std::fs::read_to_string(dir.path().join("settings.toml")).unwrap();
    assert!(
        settings.contains("skipped_update_version = \"99.1.0\""),
        "{settings}"
    );

    let mut harness = update_harness(dir.path(), &server.base_url);
    assert_eq!(
        harness.state().state.dialog,
        None,
        "the skipped version stays quiet"
    );

    // Check now shows it anyway.
    harness
        .get_by_role_and_label(Role::Button, "Check now")
        .click();
    harness.run_ok();
    step_until(&mut harness, "the manual check", |app| {
        !app.state.update_check_pending
    });
    assert_eq!(harness.state().state.dialog, Some(Dialog::UpdateAvailable));
    harness.get_by_label("Remind me later").click();
    harness.run_ok();
    assert_eq!(harness.state().state.dialog, None);
}

#[test]
fn switch_off_is_saved() {
    let server = feed(r#"{"package": "0.0.1"}"#);
    let dir = tempfile::tempdir().unwrap();
    let mut harness = update_harness(dir.path(), &server.base_url);
    harness
        .get_by_role_and_label(Role::Switch, "Automatic update check")
        .click();
    harness.run_ok();
    common::flush_settings(&mut harness);
    let settings = std::fs::read_to_string(dir.path().join("settings.toml")).unwrap();
    assert!(
        settings.contains("automatic_update_check = false"),
        "{settings}"
    );
}
