//! Entry point: parses the command line, sets up logging and opens the window.

use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};

use bai_settings::api::credentials;
use bai_settings::app::{AppOptions, BaiSettingsApp};
use bai_settings::cli::Cli;
use bai_settings::instances::InstanceRegistry;
use bai_settings::request_log::RequestLog;
use bai_settings::settings::store::SettingsStore;
use bai_settings::update_check;
use clap::Parser as _;

/// Default inner size of the window in points, used until the user resizes it.
const DEFAULT_WINDOW_SIZE: [f32; 2] = [960.0, 680.0];
const MIN_WINDOW_SIZE: [f32; 2] = [640.0, 420.0];

fn main() -> ExitCode {
    let cli = Cli::parse();
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,bai_settings=info"),
    )
    .init();

    let Some(config_dir) = cli.config_dir.clone().or_else(SettingsStore::default_dir) else {
        eprintln!("error: no home directory found for the settings; pass --config-dir DIR");
        return ExitCode::FAILURE;
    };
    let mut options = AppOptions::load(config_dir.clone());
    options.language_override = cli.lang.map(Into::into);
    options.page = cli.page.into();

    // With --config-dir everything the app writes stays in that directory.
    if cli.config_dir.is_none()
        && let Some(data_dir) = default_data_dir()
    {
        options.request_log_dir = data_dir;
    }
    // Auto logout: register this window and finish a sign-out the last run could not, before
    // anything talks to the server.
    let registry = InstanceRegistry::new(&options.request_log_dir);
    match registry.register() {
        Ok((lock, census)) => {
            let log = RequestLog::new(
                options.request_log_dir.clone(),
                options.loaded.settings.request_log_max_entries,
            );
            let auto_logout = options.loaded.settings.auto_logout;
            if bai_settings::auto_logout::complete_at_start(
                &config_dir,
                auto_logout,
                census,
                Some(&log),
            ) {
                options.startup_notice = Some("auto-logout-completed");
            }
            options.instance = Some((registry, lock));
        }
        Err(error) => log::warn!("Cannot register this window for auto logout: {error}"),
    }

    // A --screenshot run renders one frame and exits; it has no reason to go on the network.
    options.update_feed_url = cli.screenshot.is_none().then(|| {
        std::env::var(update_check::FEED_URL_VARIABLE)
            .ok()
            .filter(|url| !url.trim().is_empty())
            .or_else(|| options.loaded.settings.update_feed_url.clone())
            .unwrap_or_else(|| update_check::DEFAULT_FEED_URL.to_owned())
    });

    let environment = |name: &str| std::env::var(name).ok();
    options.connection = credentials::resolve(
        &environment,
        credentials::default_cli_dir().as_deref(),
        &credentials::CredentialStore::new(&config_dir),
    );

    let screenshot_outcome = Arc::new(Mutex::new(None));
    if let Some(path) = &cli.screenshot {
        options.screenshot = Some((path.clone(), Arc::clone(&screenshot_outcome)));
    }

    let mut viewport = egui::ViewportBuilder::default()
        .with_app_id("bai-settings")
        .with_title("Backend.AI settings")
        .with_inner_size(DEFAULT_WINDOW_SIZE)
        .with_min_inner_size(MIN_WINDOW_SIZE);
    if let Some(window) = options.loaded.settings.window {
        viewport = viewport.with_inner_size([window.width, window.height]);
        if let (Some(x), Some(y)) = (window.x, window.y) {
            viewport = viewport.with_position([x, y]);
        }
    }
    let native_options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };

    let result = eframe::run_native(
        "bai-settings",
        native_options,
        Box::new(|cc| Ok(Box::new(BaiSettingsApp::new(&cc.egui_ctx, options)?))),
    );
    if let Err(error) = result {
        eprintln!("error: cannot open the window: {error}");
        return ExitCode::FAILURE;
    }

    if cli.screenshot.is_some() {
        let outcome = screenshot_outcome
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        return match outcome {
            Some(Ok(())) => ExitCode::SUCCESS,
            Some(Err(error)) => {
                eprintln!("error: {error}");
                ExitCode::FAILURE
            }
            None => {
                eprintln!("error: the window closed before the screenshot was taken");
                ExitCode::FAILURE
            }
        };
    }
    ExitCode::SUCCESS
}

/// The platform's data directory for the app (`~/.local/share/bai-settings` on Linux).
fn default_data_dir() -> Option<std::path::PathBuf> {
    directories::ProjectDirs::from("ai", "Lablup", "bai-settings")
        .map(|dirs| dirs.data_dir().to_path_buf())
}
