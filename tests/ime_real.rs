//! The sign-in dialog's E-mail field, typed into through a real input method. ibus with
//! ibus-hangul runs over XIM under Xvfb and `xdotool` sends the keys. The test reads the e-mail
//! back from the login request that the app sends to a recording HTTP server on 127.0.0.1.
//!
//! Each round types 안녕하세요 and presses Enter while 요 is still composed. ibus sometimes forwards
//! that Enter before it commits 요 (see `tests/ime.rs`), and the app then sends 안녕하세. Here the
//! test failed that way in 4 of 4 runs without the repair in `src/ui/ime.rs`, and passed 4 of 4
//! runs in a copy of the tree whose `raw_input_hook` calls `ime::repair_raw_input`.
//!
//! Needs Debian's `xvfb`, `xdotool`, `dbus-daemon`, `ibus` and `ibus-hangul` (`scripts/install-deps.sh
//! test` installs them) and takes over a minute, so plain `cargo test` skips it;
//! `scripts/test.sh` runs it with `cargo test --test ime_real -- --ignored`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{ChildGuard, Xvfb, require_program};
use egui::Pos2;
use egui_kittest::kittest::Queryable as _;

/// How many times the app is started and the e-mail typed.
const ROUNDS: usize = 5;

/// How long to wait for a window, the input method or the login request.
const WAIT: Duration = Duration::from_secs(20);

/// Time between two keystrokes, like a fast typist.
const KEY_DELAY_MS: &str = "120";

/// How long Latin keys may still be on their way through ibus after xdotool has sent them. With
/// half a second, keys landed in the next field in runs here, so this is an estimate with margin.
const LATIN_SETTLE: Duration = Duration::from_secs(3);

/// The 2-set (dubeolsik) keys of 안녕하세요.
const GREETING_KEYS: [&str; 12] = ["d", "k", "s", "s", "u", "d", "g", "k", "t", "p", "d", "y"];

/// Centres of the widgets the test clicks, in window pixels.
struct DialogLayout {
    sign_in: Pos2,
    email_mode: Pos2,
    endpoint: Pos2,
    email: Pos2,
    password: Pos2,
}

/// Reads the widget positions from the same app under kittest, at the default window size and a
/// scale of 1, which is what the app gets under Xvfb.
fn dialog_layout() -> DialogLayout {
    let dir = quiet_config_dir();
    let mut harness = common::english_harness(dir.path());
    // The General page's "Sign in…" button, which opens the same dialog as the person menu.
    let sign_in = harness.get_by_label("Sign in…");
    let sign_in_pos = sign_in.rect().center();
    sign_in.click();
    harness.run_ok();
    let email_mode = harness.get_by_label("E-mail and password").rect().center();
    harness.get_by_label("E-mail and password").click();
    harness.run_ok();
    DialogLayout {
        sign_in: sign_in_pos,
        email_mode,
        endpoint: harness.get_by_label("Endpoint").rect().center(),
        email: harness.get_by_label("E-mail").rect().center(),
        password: harness.get_by_label("Password").rect().center(),
    }
}

/// Creates a config directory whose settings turn off the update check, so that the app sends
/// nothing beyond the login request to the recorder.
fn quiet_config_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("settings.toml"),
        "automatic_update_check = false\n",
    )
    .unwrap();
    dir
}

/// A D-Bus session bus and an ibus daemon with the XIM frontend and the Hangul engine selected.
struct Ibus {
    bus_address: String,
    // Dropped in this order: ibus first, then its bus.
    _daemon: ChildGuard,
    _bus: ChildGuard,
}

impl Ibus {
    fn start(display: &str) -> Self {
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts");
        let mut bus_address = String::new();
        BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut bus_address)
            .unwrap();
        let bus_address = bus_address.trim().to_owned();
        let bus = ChildGuard(bus);

        let daemon = Command::new("ibus-daemon")
            .args(["--xim", "--panel=disable", "--replace", "--daemonize=false"])
            .env("DISPLAY", display)
            .env("DBUS_SESSION_BUS_ADDRESS", &bus_address)
            .env("GSETTINGS_BACKEND", "memory")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("ibus-daemon starts");
        let ibus = Self {
            bus_address,
            _daemon: ChildGuard(daemon),
            _bus: bus,
        };

        let deadline = Instant::now() + WAIT;
        while !ibus.select_hangul(display) {
            assert!(
                Instant::now() < deadline,
                "ibus did not accept the hangul engine within {WAIT:?}: is ibus-hangul installed?"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        // ibus-x11, the XIM server, registers shortly after the daemon accepts the engine.
        std::thread::sleep(Duration::from_secs(1));
        ibus
    }

    fn select_hangul(&self, display: &str) -> bool {
        Command::new("ibus")
            .args(["engine", "hangul"])
            .env("DISPLAY", display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.bus_address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    }
}

/// An HTTP server on 127.0.0.1 that stores every request body. It responds to every request with
/// one body that serves as the version check (`/func/`) and as a failed login (`/server/login`).
struct Recorder {
    base_url: String,
    bodies: Arc<Mutex<Vec<String>>>,
}

impl Recorder {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let thread_bodies = Arc::clone(&bodies);
        std::thread::Builder::new()
            .name("login-recorder".to_owned())
            .spawn(move || {
                for stream in listener.incoming().flatten() {
                    // One thread per connection, so that an idle connection blocks no other.
                    let bodies = Arc::clone(&thread_bodies);
                    std::thread::Builder::new()
                        .name("login-recorder-connection".to_owned())
                        .spawn(move || {
                            if let Some(body) = answer(stream) {
                                bodies.lock().unwrap().push(body);
                            }
                        })
                        .unwrap();
                }
            })
            .unwrap();
        Self { base_url, bodies }
    }

    /// Waits for a login request and returns the `username` it sent, or `None` after [`WAIT`].
    fn wait_for_username(&self) -> Option<String> {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            let username = self.bodies.lock().unwrap().iter().find_map(|body| {
                let json: serde_json::Value = serde_json::from_str(body).ok()?;
                json["username"].as_str().map(str::to_owned)
            });
            if username.is_some() {
                return username;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }
}

/// Reads one request from `stream`, responds to it and returns its body.
fn answer(stream: TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(WAIT)).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut content_length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            content_length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body).ok()?;

    let reply = r#"{"version":"v7.20230615","manager":"23.09.10","authenticated":false,"data":{"details":"recorded by the test"}}"#;
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{reply}",
        reply.len()
    );
    String::from_utf8(body).ok()
}

/// Runs `xdotool` on `display` and returns what it printed.
fn xdotool(display: &str, args: &[&str]) -> String {
    let output = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("xdotool runs");
    assert!(
        output.status.success(),
        "xdotool {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Waits for a visible window whose title contains `title` and returns its id.
fn wait_for_window(display: &str, title: &str) -> String {
    let deadline = Instant::now() + WAIT;
    loop {
        let output = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .env("DISPLAY", display)
            .output()
            .expect("xdotool runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        if let Some(window) = stdout.lines().next() {
            return window.to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "no window titled {title:?} within {WAIT:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Clicks `pos` in `window` and waits a moment for the frame to follow.
fn click(display: &str, window: &str, pos: Pos2) {
    let x = format!("{}", pos.x.round());
    let y = format!("{}", pos.y.round());
    xdotool(
        display,
        &["mousemove", "--window", window, &x, &y, "click", "1"],
    );
    std::thread::sleep(Duration::from_millis(500));
}

/// Types `text` with the input method in Latin mode, then waits for the keys to land.
///
/// ibus forwards each key back to the app some time after xdotool sent it, and the debug build
/// draws a frame per key, so keys sent just before a click would go to the next field.
fn type_latin(display: &str, text: &str) {
    xdotool(display, &["type", "--delay", KEY_DELAY_MS, text]);
    std::thread::sleep(LATIN_SETTLE);
}

/// Starts the app on `display` with ibus as its input method.
fn start_app(display: &str, ibus: &Ibus, config_dir: &Path) -> ChildGuard {
    let child = Command::new(env!("CARGO_BIN_EXE_bai-settings"))
        .args(["--config-dir", config_dir.to_str().unwrap(), "--lang", "en"])
        .env("DISPLAY", display)
        .env("DBUS_SESSION_BUS_ADDRESS", &ibus.bus_address)
        .env("XMODIFIERS", "@im=ibus")
        .env("LANG", "C.UTF-8")
        .env("RUST_LOG", "warn")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app starts");
    ChildGuard(child)
}

#[test]
#[ignore = "needs ibus, ibus-hangul, xdotool and Xvfb; run with --ignored"]
fn sign_in_email_typed_through_ibus_hangul() {
    require_program("xdotool", "xdotool");
    require_program("dbus-daemon", "dbus-daemon");
    require_program("ibus-daemon", "ibus ibus-hangul");

    let layout = dialog_layout();
    let xvfb = Xvfb::start();
    let display = xvfb.display.as_str();
    let recorder = Recorder::start();
    // A fresh ibus-hangul starts in Latin mode. It keeps its mode across input contexts, so each
    // round switches back to Latin at its end.
    let ibus = Ibus::start(display);

    for round in 1..=ROUNDS {
        let config_dir = quiet_config_dir();
        let app = start_app(display, &ibus, config_dir.path());
        let window = wait_for_window(display, "Backend.AI settings");
        xdotool(display, &["windowfocus", "--sync", &window]);
        std::thread::sleep(Duration::from_secs(1));

        click(display, &window, layout.sign_in);
        click(display, &window, layout.email_mode);
        click(display, &window, layout.endpoint);
        type_latin(display, &recorder.base_url);
        click(display, &window, layout.password);
        type_latin(display, "secret");
        click(display, &window, layout.email);
        xdotool(display, &["key", "shift+space"]);
        let mut keys = vec!["key", "--delay", KEY_DELAY_MS];
        keys.extend(GREETING_KEYS);
        keys.push("Return");
        xdotool(display, &keys);

        let Some(username) = recorder.wait_for_username() else {
            let png = std::env::temp_dir().join(format!("bai-settings-ime-real-{round}.png"));
            let saved = Command::new("import")
                .args(["-window", "root", png.to_str().unwrap()])
                .env("DISPLAY", display)
                .status()
                .is_ok_and(|status| status.success());
            let shown = if saved {
                format!("The screen is in {}.", png.display())
            } else {
                "Install imagemagick to get a screenshot.".to_owned()
            };
            panic!("round {round}: no login request within {WAIT:?}. {shown}");
        };
        assert_eq!(
            username, "안녕하세요",
            "round {round}: the e-mail that was sent"
        );
        recorder.bodies.lock().unwrap().clear();

        click(display, &window, layout.email);
        xdotool(display, &["key", "shift+space"]);
        std::thread::sleep(Duration::from_millis(500));
        drop(app);
    }
}
