//! A blank eframe window: the baseline that `scripts/bench.sh` compares bai-settings with.
//!
//! It uses the same eframe build (the features of the package's `eframe` dependency), the glow
//! renderer and the same window size as `bai-settings`, and it initialises env_logger the same
//! way, so `RUST_LOG=eframe::native::run=trace` counts its repaints as it does the app's.
//!
//! ```text
//! blank [--screenshot FILE.png]
//! ```
//!
//! With `--screenshot` it takes the same path as `bai-settings --screenshot`: it draws
//! [`FRAMES_BEFORE_CAPTURE`] frames, requests a screenshot from the renderer, writes the PNG on a
//! separate thread with the app's encoder, then closes the window and exits. Without it, the
//! window stays open until it is closed.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, SyncSender};

use bai_settings::screenshot::{FRAMES_BEFORE_CAPTURE, write_png};

/// The inner size of `bai-settings`' window at its first start, in points.
const WINDOW_SIZE: [f32; 2] = [960.0, 680.0];
const MIN_WINDOW_SIZE: [f32; 2] = [640.0, 420.0];

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();

    let screenshot = match parse_screenshot_path(std::env::args().skip(1)) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };

    let viewport = egui::ViewportBuilder::default()
        .with_app_id("bai-settings-blank")
        .with_title("Blank window")
        .with_inner_size(WINDOW_SIZE)
        .with_min_inner_size(MIN_WINDOW_SIZE);
    let native_options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };

    let (outcome_sender, outcome) = std::sync::mpsc::sync_channel(1);
    let wants_screenshot = screenshot.is_some();
    let result = eframe::run_native(
        "bai-settings-blank",
        native_options,
        Box::new(move |_cc| {
            Ok(Box::new(BlankApp {
                frames_drawn: 0,
                screenshot,
                requested: false,
                written: None,
                outcome_sender,
            }))
        }),
    );
    if let Err(error) = result {
        eprintln!("error: cannot open the window: {error}");
        return ExitCode::FAILURE;
    }
    if !wants_screenshot {
        return ExitCode::SUCCESS;
    }
    match outcome.try_recv() {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("error: the window closed before the screenshot was taken");
            ExitCode::FAILURE
        }
    }
}

/// Reads `--screenshot FILE.png`, the only argument.
fn parse_screenshot_path(
    mut args: impl Iterator<Item = String>,
) -> Result<Option<PathBuf>, String> {
    let Some(first) = args.next() else {
        return Ok(None);
    };
    if first != "--screenshot" {
        return Err(format!(
            "unknown argument {first:?}; usage: blank [--screenshot FILE.png]"
        ));
    }
    let path = args
        .next()
        .ok_or("--screenshot needs a file name, e.g. --screenshot blank.png")?;
    if let Some(extra) = args.next() {
        return Err(format!("unexpected argument {extra:?} after the file name"));
    }
    Ok(Some(PathBuf::from(path)))
}

struct BlankApp {
    frames_drawn: u64,
    screenshot: Option<PathBuf>,
    requested: bool,

    /// Receives the result of the PNG writer thread.
    written: Option<Receiver<Result<(), String>>>,

    /// Passes the screenshot's result to `main` for the exit status.
    outcome_sender: SyncSender<Result<(), String>>,
}

impl BlankApp {
    /// Asks the renderer for a screenshot once the first frames are laid out, as
    /// `bai-settings --screenshot` does.
    fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let Some(path) = &self.screenshot else {
            return;
        };
        if self.requested {
            if let Some(written) = &self.written
                && let Ok(result) = written.try_recv()
            {
                let _ = self.outcome_sender.try_send(result);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            return;
        }
        if self.frames_drawn >= FRAMES_BEFORE_CAPTURE {
            self.requested = true;
            let (sender, receiver) = std::sync::mpsc::sync_channel(1);
            self.written = Some(receiver);
            let path = path.clone();
            let repaint = ctx.clone();
            let callback = egui::ScreenshotCallback::new(move |image| {
                let spawned = std::thread::Builder::new()
                    .name("screenshot-writer".to_owned())
                    .spawn({
                        let sender = sender.clone();
                        let repaint = repaint.clone();
                        move || {
                            let _ = sender.send(write_png(&path, &image));
                            repaint.request_repaint();
                        }
                    });
                if let Err(error) = spawned {
                    let _ = sender.send(Err(format!(
                        "cannot start the screenshot writer thread: {error}"
                    )));
                    repaint.request_repaint();
                }
            });
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        }
        ctx.request_repaint();
    }
}

impl eframe::App for BlankApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drive_screenshot(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |_ui| {});
        self.frames_drawn += 1;
    }
}
