//! The eframe app: owns [`AppState`] and the background workers, turns worker events and UI
//! commands into state changes, and hands the state to [`crate::ui`] to draw.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::events::{AppEvent, EventSender, event_channel};
use crate::fonts::install_fonts;
use crate::i18n::{Locale, SystemLocale};
use crate::messages::MessageKind;
use crate::notifier::{DesktopNotifier, NotifierEvent, NotifierRequest, Undeliverable};
use crate::screenshot::{FRAMES_BEFORE_CAPTURE, ScreenshotJob, ScreenshotOutcome};
use crate::settings::store::{ApplyOutcome, CorruptFile, LoadOutcome, SettingsStore, StoreError};
use crate::settings::writer::SettingsWriter;
use crate::settings::{FieldProblem, FieldWarning, LanguageChoice, SettingChange, WindowGeometry};
use crate::state::{AppState, Page, UiCommand};

/// How long closing the window waits for the last settings write.
const EXIT_WRITE_TIMEOUT: Duration = Duration::from_secs(3);

/// Everything the app needs to start, gathered before the window opens.
pub struct AppOptions {
    pub store: SettingsStore,
    pub loaded: LoadOutcome,
    pub language_override: Option<LanguageChoice>,
    pub page: Page,
    pub system_locale: SystemLocale,
    pub screenshot: Option<(PathBuf, ScreenshotOutcome)>,
}

impl AppOptions {
    /// Reads the settings of `config_dir` and the system locale. Blocks on file I/O, so it runs
    /// before the window opens.
    pub fn load(config_dir: PathBuf) -> Self {
        let store = SettingsStore::new(config_dir);
        let loaded = store.load();
        Self {
            store,
            loaded,
            language_override: None,
            page: Page::General,
            system_locale: SystemLocale::from_process(),
            screenshot: None,
        }
    }
}

pub struct BaiSettingsApp {
    pub state: AppState,
    writer: SettingsWriter,
    notifier: DesktopNotifier,
    events: Receiver<AppEvent>,
    event_sender: EventSender,
    screenshot: Option<ScreenshotJob>,
    frames_drawn: u64,

    /// The locale the window title was last set in.
    title_locale: Option<Locale>,
}

impl BaiSettingsApp {
    /// Creates the app and starts its worker threads. Fails only when a thread cannot be started.
    pub fn new(ctx: &egui::Context, options: AppOptions) -> std::io::Result<Self> {
        install_fonts(ctx);

        let (event_sender, events) = event_channel(Some(ctx.clone()));
        let writer = SettingsWriter::spawn(options.store.clone(), event_sender.clone())?;
        let notifier = DesktopNotifier::spawn(event_sender.clone())?;

        let LoadOutcome {
            settings,
            warnings,
            corrupt,
            read_error,
        } = options.loaded;
        let mut state = AppState::new(
            settings,
            options.language_override,
            options.system_locale,
            options.store.path(),
        );
        state.page = options.page;

        let mut app = Self {
            state,
            writer,
            notifier,
            events,
            event_sender,
            screenshot: options
                .screenshot
                .map(|(path, outcome)| ScreenshotJob::new(path, outcome)),
            frames_drawn: 0,
            title_locale: None,
        };

        let now = ctx.input(|input| input.time);
        if let Some(corrupt) = corrupt {
            app.report_corrupt_file(&corrupt, now);
        }
        if let Some(error) = read_error {
            app.report_store_error("settings-read-failed", &error, now);
        }
        for warning in warnings {
            app.report_field_warning(&warning, now);
        }
        Ok(app)
    }

    /// Returns the settings writer, so tests can wait for writes with
    /// [`SettingsWriter::flush_blocking`].
    pub fn settings_writer(&self) -> &SettingsWriter {
        &self.writer
    }

    /// Shows a message in the window and, when the option is on and the kind calls for it, as a
    /// desktop notification.
    fn show_message(
        &mut self,
        kind: MessageKind,
        text_id: &'static str,
        args: Vec<(&'static str, String)>,
        now: f64,
    ) {
        let Some(text) = self.state.show_message(kind, text_id, args, now) else {
            return;
        };
        if self.state.settings.desktop_notification && kind.goes_to_desktop() {
            self.notifier.try_send(NotifierRequest::Show {
                summary: self.state.tr("app-title"),
                body: text,
            });
        }
    }

    fn report_corrupt_file(&mut self, corrupt: &CorruptFile, now: f64) {
        let args = vec![
            ("path", self.state.settings_path.display().to_string()),
            ("error", corrupt.parse_error.clone()),
            ("backup", corrupt.backup_path.display().to_string()),
        ];
        self.show_message(MessageKind::Error, "settings-corrupt", args, now);
    }

    fn report_store_error(&mut self, text_id: &'static str, error: &StoreError, now: f64) {
        let args = vec![
            ("path", error.path().display().to_string()),
            ("error", error.io_error().to_string()),
        ];
        self.show_message(MessageKind::Error, text_id, args, now);
    }

    fn report_field_warning(&mut self, warning: &FieldWarning, now: f64) {
        let expected = match &warning.problem {
            FieldProblem::WrongType { expected } => match *expected {
                "true or false" => self.state.tr("expected-bool"),
                "string" => self.state.tr("expected-string"),
                "number" => self.state.tr("expected-number"),
                "table" => self.state.tr("expected-table"),
                other => other.to_owned(),
            },
            FieldProblem::InvalidValue { accepted } => (*accepted).to_owned(),
        };
        let args = vec![
            ("path", self.state.settings_path.display().to_string()),
            ("key", warning.key.clone()),
            ("found", warning.found.clone()),
            ("expected", expected),
        ];
        self.show_message(MessageKind::Warning, "settings-field-invalid", args, now);
    }

    fn handle_events(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        while let Ok(event) = self.events.try_recv() {
            match event {
                AppEvent::SettingsSaved(Ok(ApplyOutcome { corrupt })) => {
                    if let Some(corrupt) = corrupt {
                        self.report_corrupt_file(&corrupt, now);
                    }
                }
                AppEvent::SettingsSaved(Err(error)) => {
                    self.report_store_error("settings-save-failed", &error, now);
                }
                AppEvent::Notifier(event) => self.handle_notifier_event(event, now),
                AppEvent::ScreenshotWritten(result) => {
                    if let Err(error) = &result {
                        log::error!("Screenshot failed: {error}");
                    }
                    if let Some(job) = &self.screenshot {
                        job.finish(result);
                    }
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    fn handle_notifier_event(&mut self, event: NotifierEvent, now: f64) {
        match event {
            NotifierEvent::Probed(Ok(_server)) => {
                if !self.state.notification_check_pending {
                    return; // The user switched off again while the check ran.
                }
                self.state.notification_check_pending = false;
                self.change_setting(SettingChange::DesktopNotification(true));
                self.show_message(
                    MessageKind::Success,
                    "notification-enabled",
                    Vec::new(),
                    now,
                );
            }
            NotifierEvent::Probed(Err(reason)) => {
                self.state.notification_check_pending = false;
                self.show_undeliverable(&reason, now);
            }
            NotifierEvent::DeliveryFailed(reason) => {
                if self.state.settings.desktop_notification {
                    self.change_setting(SettingChange::DesktopNotification(false));
                    self.show_message(
                        MessageKind::Error,
                        "notification-switched-off",
                        Vec::new(),
                        now,
                    );
                    self.show_undeliverable(&reason, now);
                }
            }
        }
    }

    fn show_undeliverable(&mut self, reason: &Undeliverable, now: f64) {
        let (text_id, detail) = match reason {
            Undeliverable::NoSessionBus { detail } => ("notification-no-bus", detail),
            Undeliverable::NoService { detail } => ("notification-no-service", detail),
        };
        self.show_message(
            MessageKind::Error,
            text_id,
            vec![("detail", detail.clone())],
            now,
        );
    }

    /// Applies `change` in memory at once and queues it for the settings file.
    fn change_setting(&mut self, change: SettingChange) {
        change.apply_to(&mut self.state.settings);
        self.writer.submit(change);
    }

    fn apply_commands(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        for command in std::mem::take(&mut self.state.commands) {
            match command {
                UiCommand::SetDesktopNotification(true) => {
                    self.state.notification_check_pending = true;
                    self.notifier.try_send(NotifierRequest::Probe);
                }
                UiCommand::SetDesktopNotification(false) => {
                    self.state.notification_check_pending = false;
                    self.change_setting(SettingChange::DesktopNotification(false));
                }
                UiCommand::SetCompactSidebarDefault(on) => {
                    // Live preview: the default also applies to the sidebar shown now.
                    self.state.sidebar_compact = on;
                    self.change_setting(SettingChange::CompactSidebar(on));
                }
                UiCommand::SetLanguage(language) => {
                    self.state.language_override = None;
                    self.change_setting(SettingChange::Language(language));
                    self.state.apply_language();
                    // The rest of this frame was drawn in the old language.
                    ctx.request_discard("the UI language changed");
                }
                UiCommand::ToggleSidebar => {
                    self.state.sidebar_compact = !self.state.sidebar_compact
                }
                UiCommand::ShowPage(page) => self.state.page = page,
                UiCommand::OpenDialog(dialog) => self.state.dialog = Some(dialog),
                UiCommand::CloseDialog => self.state.dialog = None,
                UiCommand::DismissMessage(id) => self.state.messages.dismiss(id),
            }
        }
        if let Some(seconds) = self.state.messages.expire(now) {
            ctx.request_repaint_after(Duration::from_secs_f64(seconds.max(0.0)));
        }
    }

    /// Keeps the window title in the UI language.
    fn update_title(&mut self, ctx: &egui::Context) {
        let locale = self.state.i18n.locale();
        if self.title_locale != Some(locale) {
            self.title_locale = Some(locale);
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.state.tr("app-title")));
        }
    }

    /// Records the window's size and position as the platform reports them, in points.
    fn track_window_geometry(&mut self, ctx: &egui::Context) {
        let (inner, outer) =
            ctx.input(|input| (input.viewport().inner_rect, input.viewport().outer_rect));
        if let Some(inner) = inner {
            self.state.window_geometry = Some(WindowGeometry {
                width: inner.width(),
                height: inner.height(),
                x: outer.map(|rect| rect.min.x),
                y: outer.map(|rect| rect.min.y),
            });
        }
    }

    fn save_window_geometry(&mut self) {
        if let Some(geometry) = self.state.window_geometry
            && self.state.settings.window != Some(geometry)
            && geometry.width >= WindowGeometry::MIN_SIZE
            && geometry.height >= WindowGeometry::MIN_SIZE
        {
            self.change_setting(SettingChange::Window(geometry));
        }
    }

    fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        if job.requested {
            return;
        }
        if self.frames_drawn >= FRAMES_BEFORE_CAPTURE {
            job.request(ctx, self.event_sender.clone());
        }
        ctx.request_repaint();
    }
}

impl eframe::App for BaiSettingsApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_events(ctx);
        self.track_window_geometry(ctx);
        if ctx.input(|input| input.viewport().close_requested()) {
            self.save_window_geometry();
        }
        self.drive_screenshot(ctx);
        self.update_title(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::root_ui(ui, &mut self.state);
        self.apply_commands(ui.ctx());
        self.frames_drawn += 1;
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.writer.shutdown_blocking(EXIT_WRITE_TIMEOUT);
    }
}
