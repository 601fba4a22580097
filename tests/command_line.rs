//! The `bai-settings` binary as a user runs it: `--help`, `--version`, argument errors, and
//! `--screenshot` in a real window under Xvfb.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::Xvfb;

const BINARY: &str = env!("CARGO_BIN_EXE_bai-settings");

fn run(args: &[&str], display: Option<&str>) -> Output {
    let mut command = Command::new(BINARY);
    // The update check goes to a loopback port where nothing listens, never to the real feed.
    command.args(args).env("RUST_LOG", "warn").env(
        "BAI_SETTINGS_UPDATE_FEED_URL",
        "http://127.0.0.1:9/feed.json",
    );
    if let Some(display) = display {
        command
            .env("DISPLAY", display)
            .env_remove("WAYLAND_DISPLAY");
    }
    command.output().unwrap()
}

/// Width and height from the IHDR chunk of a PNG file.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        path.display()
    );
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (width, height)
}

#[test]
fn help_lists_every_option() {
    let output = run(&["--help"], None);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for option in [
        "--config-dir",
        "--lang",
        "--page",
        "--screenshot",
        "--version",
    ] {
        assert!(help.contains(option), "--help lacks {option}:\n{help}");
    }
}

#[test]
fn version_prints_package_version() {
    let output = run(&["--version"], None);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("bai-settings {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn invalid_language_is_rejected() {
    let output = run(&["--lang", "fr"], None);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid value 'fr'"), "{stderr}");
    assert!(
        stderr.contains("ko"),
        "the accepted values are listed: {stderr}"
    );
}

#[test]
fn screenshot_in_both_languages() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("config");
    let config = config_dir.to_str().unwrap();

    for lang in ["en", "ko"] {
        let png = dir.path().join(format!("{lang}.png"));
        let output = run(
            &[
                "--config-dir",
                config,
                "--lang",
                lang,
                "--screenshot",
                png.to_str().unwrap(),
            ],
            Some(&xvfb.display),
        );
        assert!(
            output.status.success(),
            "--screenshot failed for {lang}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(png_size(&png), (960, 680), "default window size for {lang}");
    }

    // --lang applies to one run only.
    let saved = std::fs::read_to_string(config_dir.join("settings.toml")).unwrap();
    assert!(!saved.contains("language"), "{saved}");
}

#[test]
fn saved_window_size_is_restored() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("settings.toml"),
        "[window]\nwidth = 800\nheight = 500\n",
    )
    .unwrap();
    let png = dir.path().join("shot.png");
    let output = run(
        &[
            "--config-dir",
            dir.path().to_str().unwrap(),
            "--screenshot",
            png.to_str().unwrap(),
        ],
        Some(&xvfb.display),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(png_size(&png), (800, 500));
}

#[test]
fn screenshot_to_missing_directory_fails() {
    let xvfb = Xvfb::start();
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("no-such-dir").join("shot.png");
    let output = run(
        &[
            "--config-dir",
            dir.path().to_str().unwrap(),
            "--screenshot",
            png.to_str().unwrap(),
        ],
        Some(&xvfb.display),
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(stderr.contains("shot.png"), "{stderr}");
}

#[test]
fn no_display_fails_with_message() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(BINARY)
        .args(["--config-dir", dir.path().to_str().unwrap()])
        .env(
            "BAI_SETTINGS_UPDATE_FEED_URL",
            "http://127.0.0.1:9/feed.json",
        )
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot open the window"), "{stderr}");
}
