//! The Logs page driven through egui_kittest on a request log file of known entries.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::fs;
use std::path::Path;

use bai_settings::app::BaiSettingsApp;
use bai_settings::logs_view::export_entries;
use bai_settings::request_log::{RequestLog, RequestLogEntry};
use bai_settings::state::Page;
use common::{harness, options, step_until};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serde_json::json;

fn entry(index: usize, status: u16) -> RequestLogEntry {
    let is_error = status >= 400;
    RequestLogEntry {
        timestamp: format!("2026-12-04T20:{index:02}:00.000Z"),
        method: if index.is_multiple_of(2) {
            "GET"
        } else {
            "POST"
        }
        .to_owned(),
        url: format!("http://127.0.0.1:18081/item-{index}"),
        status: Some(status),
        status_text: if is_error { "Unauthorized" } else { "OK" }.to_owned(),
        duration_ms: 10 + index as u64,
        error_type: is_error.then(|| "auth-failed".to_owned()),
        error_title: is_error.then(|| "Credential/signature mismatch.".to_owned()),
        error_message: is_error.then(|| format!("Signature mismatch {index}")),
        params: json!({ "body": { "password": "********", "path": format!(".file-{index}") } }),
        is_error,
    }
}

/// Writes entries 0..count to the request log of `dir`, every third one a failure.
fn write_log(dir: &Path, count: usize) -> Vec<RequestLogEntry> {
    let log = RequestLog::new(dir, 2_000);
    let entries: Vec<RequestLogEntry> = (0..count)
        .map(|index| entry(index, if index % 3 == 2 { 401 } else { 200 }))
        .collect();
    for entry in &entries {
        log.append(entry).unwrap();
    }
    entries
}

fn logs_harness(dir: &Path) -> Harness<'static, BaiSettingsApp> {
    let mut options = options(dir, "en_US.UTF-8");
    options.page = Page::Logs;
    let mut harness = harness(options);
    harness.state_mut().state.time_zone = jiff::tz::TimeZone::UTC;
    step_until(&mut harness, "the request log", |app| app.state.logs.loaded);
    harness
}

/// Returns the text of a label node, which egui puts in the AccessKit value.
fn text_of(node: &egui_kittest::Node<'_>) -> String {
    let node = node.accesskit_node();
    node.value().or_else(|| node.label()).unwrap_or_default()
}

/// URLs of the rows on screen, top to bottom.
fn shown_urls(harness: &Harness<'_, BaiSettingsApp>) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = harness
        .query_all_by_label_contains("/item-")
        .filter(|node| node.accesskit_node().role() == Role::Label)
        .map(|node| (node.rect().min.y, text_of(&node)))
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter()
        .map(|(_, label)| label.rsplit('/').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn rows_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 5);
    let harness = logs_harness(dir.path());
    assert_eq!(
        shown_urls(&harness),
        ["item-4", "item-3", "item-2", "item-1", "item-0"]
    );
    assert!(harness.query_by_label("Showing 5 of 5 requests").is_some());
    assert!(
        harness
            .query_by_label("(keeps the newest 2,000 requests)")
            .is_some()
    );
    assert!(
        harness.query_by_label("2026-12-04 20:04:00").is_some(),
        "local time, UTC here"
    );
}

#[test]
fn search_and_errors_only_narrow_rows() {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 6);
    let mut harness = logs_harness(dir.path());

    harness.get_by_label("Search").focus();
    harness.run_ok();
    harness.get_by_label("Search").type_text("MISMATCH 5");
    harness.run_ok();
    assert_eq!(shown_urls(&harness), ["item-5"]);

    harness.get_by_label("Search").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run_ok();
    assert_eq!(shown_urls(&harness).len(), 6);

    harness.get_by_label("Errors only").click();
    harness.run_ok();
    assert_eq!(shown_urls(&harness), ["item-5", "item-2"]);
}

#[test]
fn clear_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 3);
    let mut harness = logs_harness(dir.path());

    harness.get_by_label("Clear logs").click();
    harness.run_ok();
    assert!(
        harness
            .query_by_label_contains("cannot be undone")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run_ok();
    assert_eq!(shown_urls(&harness).len(), 3);
    assert_eq!(
        RequestLog::new(dir.path(), 2_000)
            .read()
            .unwrap()
            .entries
            .len(),
        3
    );

    harness.get_by_label("Clear logs").click();
    harness.run_ok();
    // The dialog's confirm button comes after the toolbar's button in the tree.
    harness
        .get_all_by_label("Clear logs")
        .last()
        .unwrap()
        .click();
    harness.run_ok();
    step_until(&mut harness, "the clear", |app| {
        app.state.logs.is_empty() && !app.state.logs.busy
    });
    assert!(
        RequestLog::new(dir.path(), 2_000)
            .read()
            .unwrap()
            .entries
            .is_empty()
    );
    assert!(harness.query_by_label_contains("No requests yet").is_some());
}

#[test]
fn details_show_masked_params_and_copy() {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 3);
    let mut harness = logs_harness(dir.path());

    harness
        .get_by_label("http://127.0.0.1:18081/item-2")
        .click();
    harness.run_ok();
    let details = harness.get_by_label_contains("Parameters:");
    let text = text_of(&details);
    assert!(text.contains("\"password\": \"********\""), "{text}");
    assert!(text.contains("Message: Signature mismatch 2"), "{text}");

    harness.get_by_label("Copy as text").click();
    // The copy is in the output of the frame that handles the click.
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1);
    assert!(
        copied[0].contains("Request: GET http://127.0.0.1:18081/item-2"),
        "{}",
        copied[0]
    );
}

#[test]
fn refresh_shows_other_process_entries() {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 2);
    let mut harness = logs_harness(dir.path());

    // Another process appends a line to the file.
    let line = serde_json::to_string(&entry(7, 200)).unwrap();
    let file = dir.path().join("requests.jsonl");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("printf '%s\\n' '{line}' >> '{}'", file.display()))
        .status()
        .unwrap();
    assert!(status.success());
    harness.run_ok();
    assert_eq!(
        shown_urls(&harness),
        ["item-1", "item-0"],
        "not before Refresh"
    );

    harness.get_by_label("Refresh").click();
    harness.run_ok();
    step_until(&mut harness, "the refresh", |app| !app.state.logs.busy);
    assert_eq!(shown_urls(&harness), ["item-7", "item-1", "item-0"]);

    // A second refresh finds nothing new and says so.
    harness.get_by_label("Refresh").click();
    harness.run_ok();
    step_until(&mut harness, "the refresh", |app| !app.state.logs.busy);
    assert!(harness.query_by_label_contains("No new requests").is_some());
}

#[test]
fn corrupt_lines_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 2);
    let file = dir.path().join("requests.jsonl");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("{not json\n\u{1}garbage\n");
    fs::write(&file, text).unwrap();

    let harness = logs_harness(dir.path());
    assert_eq!(shown_urls(&harness).len(), 2);
    assert!(harness.query_by_label_contains("2 damaged lines").is_some());
}

#[test]
fn export_writes_shown_entries() {
    let dir = tempfile::tempdir().unwrap();
    let entries = write_log(dir.path(), 4);
    let mut harness = logs_harness(dir.path());
    harness.get_by_label("Errors only").click();
    harness.run_ok();

    let shown = harness.state().state.logs.visible_entries();
    let path = dir.path().join("export.json");
    export_entries(&path, &shown).unwrap();
    let exported: Vec<RequestLogEntry> = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(exported, vec![entries[2].clone()]);
}

#[test]
fn export_dialog_writes_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let entries = write_log(dir.path(), 3);
    let mut harness = logs_harness(dir.path());
    let target = dir.path().join("exported.json");

    harness.get_by_label("Export…").click();
    harness.run_ok();
    harness.state_mut().state.logs.export_path = target.display().to_string();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the export", |app| {
        !app.state.logs.busy && app.state.dialog.is_none()
    });
    let exported: Vec<RequestLogEntry> =
        serde_json::from_slice(&fs::read(&target).unwrap()).unwrap();
    let newest_first: Vec<RequestLogEntry> = entries.iter().rev().cloned().collect();
    assert_eq!(exported, newest_first);

    // A second export to the same file asks first.
    fs::write(&target, "keep me").unwrap();
    harness.get_by_label("Export…").click();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the check", |app| {
        app.state.logs.export_confirm_overwrite
    });
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
    harness
        .get_by_role_and_label(Role::Button, "Replace")
        .click_accesskit();
    harness.run_ok();
    step_until(&mut harness, "the export", |app| {
        !app.state.logs.busy && app.state.dialog.is_none()
    });
    assert_ne!(fs::read_to_string(&target).unwrap(), "keep me");
}

#[test]
fn empty_log_has_friendly_state() {
    let dir = tempfile::tempdir().unwrap();
    let harness = logs_harness(dir.path());
    assert!(harness.query_by_label_contains("No requests yet").is_some());
}

#[test]
fn logs_tab_and_sidebar_entry() {
    let dir = tempfile::tempdir().unwrap();
    write_log(dir.path(), 1);
    let mut harness = common::english_harness(dir.path());
    harness.get_by_role_and_label(Role::Tab, "Logs").click();
    harness.run_ok();
    step_until(&mut harness, "the request log", |app| app.state.logs.loaded);
    assert_eq!(shown_urls(&harness), ["item-0"]);

    harness.get_by_role_and_label(Role::Tab, "General").click();
    harness.run_ok();
    assert_eq!(harness.state().state.page, Page::General);
}
