//! Helpers shared by the integration tests: building the app in a kittest harness on a temporary
//! config directory, waiting for background work, and starting helper processes.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use bai_settings::app::{AppOptions, BaiSettingsApp};
use bai_settings::i18n::SystemLocale;
use egui_kittest::Harness;

/// How long a test waits for a background thread before failing.
/// RSA 4096 generation on a busy 2-core machine takes most of it.
pub const WORKER_TIMEOUT: Duration = Duration::from_secs(60);

/// Options for a window on `config_dir`, with the system locale pinned to `system_locale`.
pub fn options(config_dir: &Path, system_locale: &str) -> AppOptions {
    let mut options = AppOptions::load(config_dir.to_path_buf());
    options.system_locale = SystemLocale::named(system_locale);
    options
}

/// Builds a harness running the real app, sized like the default window.
pub fn harness(options: AppOptions) -> Harness<'static, BaiSettingsApp> {
    let mut harness = Harness::builder()
        .with_size([960.0, 680.0])
        .build_eframe(|cc| {
            BaiSettingsApp::new(&cc.egui_ctx, options).expect("worker threads start")
        });
    harness.run_ok();
    harness
}

/// Builds a harness for `config_dir` with an English system locale.
pub fn english_harness(config_dir: &Path) -> Harness<'static, BaiSettingsApp> {
    harness(options(config_dir, "en_US.UTF-8"))
}

/// Steps the harness until `done` holds, failing after [`WORKER_TIMEOUT`] with `what`.
pub fn step_until(
    harness: &mut Harness<'_, BaiSettingsApp>,
    what: &str,
    mut done: impl FnMut(&BaiSettingsApp) -> bool,
) {
    let deadline = Instant::now() + WORKER_TIMEOUT;
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run_ok();
    // A dialog whose content changed size is centred again one frame later, and widget positions
    // used for clicks come from the frame before.
    harness.step();
    harness.run_ok();
}

/// Waits until every settings change so far is on disk, then lets the UI take the result.
pub fn flush_settings(harness: &mut Harness<'_, BaiSettingsApp>) {
    assert!(
        harness
            .state()
            .settings_writer()
            .flush_blocking(WORKER_TIMEOUT),
        "the settings writer did not finish within {WORKER_TIMEOUT:?}"
    );
    harness.run_ok();
}

/// Texts of all messages in the notification area, in the active language.
pub fn message_texts(app: &BaiSettingsApp) -> Vec<String> {
    app.state
        .messages
        .iter()
        .map(|message| app.state.i18n.tr_args(message.text_id, &message.arg_refs()))
        .collect()
}

/// Fails with an install hint when `program` is not on the PATH.
pub fn require_program(program: &str, debian_package: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        found,
        "{program} is missing: install it with `apt-get install {debian_package}` \
         (scripts/test.sh does this), then run the tests again"
    );
}

/// A child process that is killed when dropped.
pub struct ChildGuard(pub Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// An Xvfb server on a free display number, stopped when dropped.
pub struct Xvfb {
    _child: ChildGuard,
    pub display: String,
}

impl Xvfb {
    pub fn start() -> Self {
        require_program("Xvfb", "xvfb");
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("Xvfb prints its display number");
        let number = line.trim();
        assert!(
            !number.is_empty(),
            "Xvfb exited without printing a display number"
        );
        Self {
            _child: ChildGuard(child),
            display: format!(":{number}"),
        }
    }
}
pub mod backendai;
pub mod stub_server;
