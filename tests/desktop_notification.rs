//! The desktop notification switch against real D-Bus: no session bus, a bus without a
//! notification service, and a bus with dunst, whose history shows what was delivered.
//!
//! Each case runs the app in a child process of this test binary, so that the D-Bus address can be
//! set through the child's environment instead of changing this process's environment while
//! other threads run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{
    ChildGuard, Xvfb, english_harness, flush_settings, message_texts, require_program, step_until,
};
use egui::Role;
use egui_kittest::kittest::Queryable as _;

const SWITCH_LABEL: &str = "Desktop notification";

/// Environment variable that selects the case a child run plays, and its expected outcome.
const CASE_VAR: &str = "BAI_SETTINGS_TEST_NOTIFICATION_CASE";

/// Runs `notification_case_child` in a child process with `envs`, failing with its output.
fn run_case(case: &str, envs: &[(&str, &str)]) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--exact",
            "notification_case_child",
            "--ignored",
            "--nocapture",
        ])
        .env(CASE_VAR, case);
    for (name, value) in envs {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "case {case} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Starts a private session bus in `dir` and returns it with its address.
fn start_session_bus(dir: &Path) -> (ChildGuard, String) {
    require_program("dbus-daemon", "dbus-daemon");
    let mut child = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .arg(format!("--address=unix:path={}", dir.join("bus").display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut address = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    let address = address.trim().to_owned();
    assert!(!address.is_empty(), "dbus-daemon printed no address");
    (ChildGuard(child), address)
}

fn dunstctl(display: &str, bus: &str, args: &[&str]) -> Option<String> {
    let output = Command::new("dunstctl")
        .args(args)
        .env("DISPLAY", display)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn desktop_notification_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let runtime_dir = dir.path().join("runtime");
    std::fs::create_dir(&runtime_dir).unwrap();
    let runtime_dir = runtime_dir.display().to_string();

    // No bus at the given address, and none at the default place in XDG_RUNTIME_DIR.
    let missing_bus = format!("unix:path={}/no-such-bus", dir.path().display());
    run_case(
        "no-bus",
        &[
            ("DBUS_SESSION_BUS_ADDRESS", &missing_bus),
            ("XDG_RUNTIME_DIR", &runtime_dir),
        ],
    );

    let (_bus, address) = start_session_bus(dir.path());
    run_case(
        "no-service",
        &[
            ("DBUS_SESSION_BUS_ADDRESS", &address),
            ("XDG_RUNTIME_DIR", &runtime_dir),
        ],
    );

    require_program("dunst", "dunst");
    require_program("dunstctl", "dunst");
    let xvfb = Xvfb::start();
    let _dunst = ChildGuard(
        Command::new("dunst")
            .env("DISPLAY", &xvfb.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while dunstctl(&xvfb.display, &address, &["is-paused"]).is_none() {
        assert!(
            Instant::now() < deadline,
            "dunst did not come up on the session bus"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    run_case(
        "delivered",
        &[
            ("DBUS_SESSION_BUS_ADDRESS", &address),
            ("XDG_RUNTIME_DIR", &runtime_dir),
        ],
    );

    // Closed notifications move to dunst's history, where their text can be read.
    dunstctl(&xvfb.display, &address, &["close-all"]);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let history = dunstctl(&xvfb.display, &address, &["history"]).unwrap_or_default();
        if history.contains("Desktop notifications are on.") {
            assert!(history.contains("Backend.AI settings"), "{history}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "notification not in dunst's history:\n{history}"
        );
        std::thread::sleep(Duration::from_millis(100));
        dunstctl(&xvfb.display, &address, &["close-all"]);
    }
}

/// Plays one case of `desktop_notification_end_to_end`, in a child process.
#[test]
#[ignore = "child process of desktop_notification_end_to_end"]
fn notification_case_child() {
    let Ok(case) = std::env::var(CASE_VAR) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());

    harness
        .get_by_role_and_label(Role::Switch, SWITCH_LABEL)
        .click();
    harness.run_ok();
    step_until(&mut harness, "the notification check", |app| {
        !app.state.notification_check_pending
    });
    flush_settings(&mut harness);

    let texts = message_texts(harness.state());
    let saved = std::fs::read_to_string(dir.path().join("settings.toml")).unwrap_or_default();
    match case.as_str() {
        "no-bus" | "no-service" => {
            let expected = if case == "no-bus" {
                "no D-Bus session bus was found"
            } else {
                "no notification service runs"
            };
            assert!(
                !harness.state().state.settings.desktop_notification,
                "the switch goes back off"
            );
            assert_eq!(texts.len(), 1, "{texts:?}");
            assert!(texts[0].contains(expected), "{}", texts[0]);
            assert!(!saved.contains("desktop_notification = true"), "{saved}");
        }
        "delivered" => {
            assert!(harness.state().state.settings.desktop_notification);
            assert_eq!(texts, ["Desktop notifications are on."]);
            assert!(saved.contains("desktop_notification = true"), "{saved}");
            // Give the notifier thread time to hand the notification to dunst before exiting.
            std::thread::sleep(Duration::from_millis(500));
        }
        other => panic!("unknown case {other}"),
    }
}
