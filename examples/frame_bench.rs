//! Frame cost of `BaiSettingsApp` on the CPU, without a window or GPU: each frame is one
//! `egui::Context::run_ui` pass that calls `App::logic` and `App::ui`, as eframe does, followed by
//! `Context::tessellate`, the last CPU step before eframe hands the triangles to OpenGL.
//!
//! ```text
//! frame_bench [--runs N] [--frames N] [--only SCENARIO]
//! ```
//!
//! Scenarios: `blank` (an empty `CentralPanel`, the baseline), `general`, `logs-2k` and
//! `logs-100k` (the Logs page with that many entries in `requests.jsonl`), `editor-1k` and
//! `editor-64k` (the dotfile editor open with that much text). Each run measures every scenario
//! once, in that order, so slow drift of the machine hits all of them alike. Each measurement is
//! printed as one JSON line on standard output; `scripts/bench/bench.py` takes the medians.
//!
//! Every frame gets the same input: 960 × 680 points, 1 pixel per point, the clock moved on by
//! 1/60 s and no events. That is the cost of a repaint without user input, for example when a
//! worker thread wakes the UI.

#![allow(
    clippy::print_stdout,
    reason = "a benchmark writes its results to standard output"
)]

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use bai_settings::account_state::{ScriptEditor, ScriptKind};
use bai_settings::app::{AppOptions, BaiSettingsApp};
use bai_settings::i18n::SystemLocale;
use bai_settings::scripts::Dotfile;
use bai_settings::state::{Dialog, Page};
use eframe::App as _;
use sample_log::write_request_log;

mod sample_log;

const SCREEN_SIZE: egui::Vec2 = egui::vec2(960.0, 680.0);
const FRAME_INTERVAL: f64 = 1.0 / 60.0;

/// How long a scenario may take to load its request log before the benchmark gives up.
const LOAD_TIMEOUT: Duration = Duration::from_secs(300);

/// Frames drawn before measuring, so that caches (glyphs, galleys, table widths) are filled.
const WARMUP_FRAMES: usize = 30;

const SCENARIOS: [&str; 6] = [
    "blank",
    "general",
    "logs-2k",
    "logs-100k",
    "editor-1k",
    "editor-64k",
];

struct Arguments {
    runs: usize,
    frames: usize,
    only: Option<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let arguments = parse_arguments()?;
    let scratch =
        tempfile::tempdir().map_err(|error| format!("cannot make a temp dir: {error}"))?;

    let mut drivers = Vec::new();
    for name in SCENARIOS {
        if arguments.only.as_deref().is_some_and(|only| only != name) {
            continue;
        }
        let started = Instant::now();
        let driver = Driver::new(name, &scratch.path().join(name))?;
        eprintln!(
            "frame_bench: {name} ready in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        drivers.push(driver);
    }
    if drivers.is_empty() {
        return Err(format!(
            "no scenario named {:?}; choose one of {SCENARIOS:?}",
            arguments.only.unwrap_or_default()
        ));
    }

    for run in 0..arguments.runs {
        for driver in &mut drivers {
            let mut ui_time = Duration::ZERO;
            let mut tessellate_time = Duration::ZERO;
            for _ in 0..arguments.frames {
                let (ui, tessellate) = driver.frame();
                ui_time += ui;
                tessellate_time += tessellate;
            }
            let per_frame = |total: Duration| total.as_secs_f64() * 1e6 / arguments.frames as f64;
            println!(
                "{{\"bench\":\"frame\",\"scenario\":\"{}\",\"run\":{run},\"frames\":{},\
                 \"us_per_frame\":{:.2},\"ui_us\":{:.2},\"tessellate_us\":{:.2}}}",
                driver.name,
                arguments.frames,
                per_frame(ui_time + tessellate_time),
                per_frame(ui_time),
                per_frame(tessellate_time),
            );
        }
    }
    Ok(())
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut arguments = Arguments {
        runs: 7,
        frames: 300,
        only: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--runs" => arguments.runs = parse_count(&flag, &value()?)?,
            "--frames" => arguments.frames = parse_count(&flag, &value()?)?,
            "--only" => arguments.only = Some(value()?),
            _ => {
                return Err(format!(
                    "unknown argument {flag:?}; usage: frame_bench [--runs N] [--frames N] \
                     [--only SCENARIO]"
                ));
            }
        }
    }
    Ok(arguments)
}

fn parse_count(flag: &str, text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(count) if count > 0 => Ok(count),
        _ => Err(format!("{flag} expects a positive integer, got {text:?}")),
    }
}

/// One egui context and what it draws.
struct Driver {
    name: &'static str,
    ctx: egui::Context,
    time: f64,
    app: Option<(Box<BaiSettingsApp>, eframe::Frame)>,
}

impl Driver {
    /// Builds scenario `name` on the config directory `dir` and draws frames until its content
    /// is loaded and laid out.
    fn new(name: &'static str, dir: &Path) -> Result<Self, String> {
        std::fs::create_dir_all(dir)
            .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
        let ctx = egui::Context::default();
        let mut driver = Self {
            name,
            ctx: ctx.clone(),
            time: 0.0,
            app: None,
        };
        if name == "blank" {
            driver.warm_up();
            return Ok(driver);
        }

        let mut options = AppOptions::load(dir.to_path_buf());
        options.system_locale = SystemLocale::named("en_US.UTF-8");
        let log_entries = match name {
            "logs-2k" => 2_000,
            "logs-100k" => 100_000,
            _ => 0,
        };
        if log_entries > 0 {
            write_request_log(dir, log_entries)?;
            options.loaded.settings.request_log_max_entries = log_entries;
            options.page = Page::Logs;
        }
        let app = BaiSettingsApp::new(&ctx, options)
            .map_err(|error| format!("cannot start the app's worker threads: {error}"))?;
        driver.app = Some((Box::new(app), eframe::Frame::_new_kittest()));

        let text_size = match name {
            "editor-1k" => 1024,
            "editor-64k" => 64 * 1024,
            _ => 0,
        };
        if text_size > 0 {
            driver.open_script_editor(&script_text(text_size));
        }

        let deadline = Instant::now() + LOAD_TIMEOUT;
        while log_entries > 0 && driver.loaded_entries() != Some(log_entries) {
            if Instant::now() > deadline {
                return Err(format!(
                    "{name}: the Logs page did not show {log_entries} entries within \
                     {LOAD_TIMEOUT:?}"
                ));
            }
            std::thread::sleep(Duration::from_millis(5));
            driver.frame();
        }
        driver.warm_up();
        Ok(driver)
    }

    fn warm_up(&mut self) {
        for _ in 0..WARMUP_FRAMES {
            self.frame();
        }
    }

    /// Number of entries on the Logs page once it has loaded them.
    fn loaded_entries(&self) -> Option<usize> {
        let (app, _) = self.app.as_ref()?;
        app.state.logs.loaded.then(|| app.state.logs.len())
    }

    /// Opens the dotfile editor on `.bashrc` as if the server had returned `text` for it.
    fn open_script_editor(&mut self, text: &str) {
        let Some((app, _)) = &mut self.app else {
            return;
        };
        let mut editor = ScriptEditor::new(ScriptKind::Dotfiles);
        editor.pending = None;
        editor.dotfiles = vec![Dotfile {
            path: editor.path.clone(),
            permission: "644".to_owned(),
            data: text.to_owned(),
        }];
        editor.text = text.to_owned();
        editor.original = Some(text.to_owned());
        app.state.script_editor = Some(editor);
        app.state.dialog = Some(Dialog::ScriptEditor);
    }

    /// Draws one frame; returns the time spent in `run_ui` and in `tessellate`.
    fn frame(&mut self) -> (Duration, Duration) {
        self.time += FRAME_INTERVAL;
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN_SIZE)),
            time: Some(self.time),
            predicted_dt: FRAME_INTERVAL as f32,
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(1.0);
        }

        let started = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| match &mut self.app {
            Some((app, frame)) => {
                app.logic(ui.ctx(), frame);
                app.ui(ui, frame);
            }
            None => {
                egui::CentralPanel::default().show(ui, |_ui| {});
            }
        });
        let ui_done = Instant::now();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let tessellated = Instant::now();
        std::hint::black_box(primitives);
        // No renderer uploads the font atlas here, and epaint asserts in debug builds that one did.
        output.textures_delta.clear();
        (ui_done - started, tessellated - ui_done)
    }
}

/// About `size` bytes of shell configuration, in lines of 20 to 60 characters.
fn script_text(size: usize) -> String {
    let lines = [
        "export PATH=\"$HOME/.local/bin:$PATH\"",
        "alias ll='ls -alF'",
        "if [ -f ~/.bash_aliases ]; then . ~/.bash_aliases; fi",
        "export HISTSIZE=10000 HISTFILESIZE=20000",
        "# Load the project's virtual environment when present.",
        "[ -d \"$HOME/venv\" ] && source \"$HOME/venv/bin/activate\"",
    ];
    let mut text = String::with_capacity(size + 64);
    let mut index = 0;
    while text.len() < size {
        text.push_str(lines[index % lines.len()]);
        text.push('\n');
        index += 1;
    }
    text.truncate(size - 1);
    text.push('\n');
    text
}
