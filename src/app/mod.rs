//! The eframe app: owns [`AppState`] and the background workers, turns worker events and UI
//! commands into state changes, and hands the state to [`crate::ui`] to draw.

mod account;

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::account_state::{AfterUnsaved, ScriptConfirm};
use crate::api::ApiError;
use crate::api::client::{Clock, system_clock};
use crate::api::credentials::{ConnectionSettings, Resolution};
use crate::api::{EndpointType, Secret};
use crate::api_worker::{
    ApiCommand, ApiEvent, ApiWorker, ApiWorkerConfig, ServerAddress, SignInSecrets,
};
use crate::events::{AppEvent, EventSender, event_channel};
use crate::file_chooser::Choice;
use crate::fonts::install_fonts;
use crate::i18n::{Locale, SystemLocale};
use crate::instances::{InstanceLock, InstanceRegistry};
use crate::logs_worker::{EXPORT_FILE_NAME, LogsCommand, LogsEvent, LogsWorker};
use crate::messages::MessageKind;
use crate::notifier::{DesktopNotifier, NotifierEvent, NotifierRequest, Undeliverable};
use crate::request_log::RequestLog;
use crate::screenshot::{FRAMES_BEFORE_CAPTURE, ScreenshotJob, ScreenshotOutcome};
use crate::settings::store::{ApplyOutcome, CorruptFile, LoadOutcome, SettingsStore, StoreError};
use crate::settings::writer::SettingsWriter;
use crate::settings::{FieldProblem, FieldWarning, LanguageChoice, SettingChange, WindowGeometry};
use crate::state::{
    AppState, ConnectionStatus, Dialog, Page, PendingSignIn, SignInForm, UiCommand,
};
use crate::update_check::{CheckOutcome, CheckResult, UpdateChecker, UpdateCommand};

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

    /// The credentials to connect with at start-up, or the values to start the sign-in dialog
    /// from.
    pub connection: Resolution,

    /// Directory of the request log, `requests.jsonl`.
    pub request_log_dir: PathBuf,

    /// Clock for signing requests; tests move it.
    pub clock: Clock,

    /// The release feed to check; `None` turns update checks off (tests that do not test them).
    pub update_feed_url: Option<String>,

    /// This process's registration among the running windows, for auto logout.
    pub instance: Option<(InstanceRegistry, InstanceLock)>,

    /// A message to show at start, such as a sign-out finished on behalf of the last run.
    pub startup_notice: Option<&'static str>,
}

impl AppOptions {
    /// Reads the settings of `config_dir` and the system locale. Blocks on file I/O, so it runs
    /// before the window opens.
    ///
    /// The request log goes to `config_dir` as well, and no credentials are looked up: `main`
    /// sets [`Self::connection`] and [`Self::request_log_dir`] for a real start.
    pub fn load(config_dir: PathBuf) -> Self {
        let store = SettingsStore::new(config_dir.clone());
        let loaded = store.load();
        Self {
            store,
            loaded,
            language_override: None,
            page: Page::General,
            system_locale: SystemLocale::from_process(),
            screenshot: None,
            connection: Resolution::NeedsSignIn {
                endpoint: None,
                endpoint_type: EndpointType::Api,
                skip_tls_verification: false,
                timeouts: crate::api::Timeouts::default(),
            },
            request_log_dir: config_dir,
            clock: system_clock(),
            update_feed_url: None,
            instance: None,
            startup_notice: None,
        }
    }
}

pub struct BaiSettingsApp {
    pub state: AppState,
    writer: SettingsWriter,
    notifier: DesktopNotifier,
    api: ApiWorker,
    logs_worker: LogsWorker,
    update_checker: Option<UpdateChecker>,
    events: Receiver<AppEvent>,
    event_sender: EventSender,
    screenshot: Option<ScreenshotJob>,
    frames_drawn: u64,

    /// The locale the window title was last set in.
    title_locale: Option<Locale>,

    ctx: egui::Context,
    instance: Option<(InstanceRegistry, InstanceLock)>,
    config_dir: PathBuf,
    request_log_dir: PathBuf,

    /// Set once the user agreed to close the window despite unsaved script text.
    close_confirmed: bool,
}

impl BaiSettingsApp {
    /// Creates the app and starts its worker threads. Fails only when a thread cannot be started.
    pub fn new(ctx: &egui::Context, options: AppOptions) -> std::io::Result<Self> {
        install_fonts(ctx);

        let (event_sender, events) = event_channel(Some(ctx.clone()));
        let writer = SettingsWriter::spawn(options.store.clone(), event_sender.clone())?;
        let notifier = DesktopNotifier::spawn(event_sender.clone())?;
        let max_entries = options.loaded.settings.request_log_max_entries;
        let request_log_dir = options.request_log_dir.clone();
        let logs_worker = LogsWorker::spawn(
            RequestLog::new(options.request_log_dir.clone(), max_entries),
            event_sender.clone(),
        )?;
        let api = ApiWorker::spawn(
            ApiWorkerConfig {
                clock: options.clock,
                request_log_max_entries: max_entries,
                ..ApiWorkerConfig::new(options.store.dir().to_path_buf(), options.request_log_dir)
            },
            event_sender.clone(),
        )?;

        let update_checker = match &options.update_feed_url {
            Some(url) => Some(UpdateChecker::spawn(
                url.clone(),
                options.loaded.settings.automatic_update_check,
                event_sender.clone(),
            )?),
            None => None,
        };
        let automatic_check =
            options.loaded.settings.automatic_update_check && update_checker.is_some();

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
        state.update_check_pending = automatic_check;
        let opens_logs = options.page == Page::Logs;

        let mut app = Self {
            state,
            writer,
            notifier,
            api,
            logs_worker,
            update_checker,
            events,
            event_sender,
            screenshot: options
                .screenshot
                .map(|(path, outcome)| ScreenshotJob::new(path, outcome)),
            frames_drawn: 0,
            title_locale: None,
            ctx: ctx.clone(),
            instance: options.instance,
            config_dir: options.store.dir().to_path_buf(),
            request_log_dir: request_log_dir.clone(),
            close_confirmed: false,
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
        if let Some(notice) = options.startup_notice {
            app.show_message(MessageKind::Warning, notice, Vec::new(), now);
        }
        app.start_connection(options.connection, now);
        if opens_logs {
            app.load_logs(false, now);
        }
        app.state.update_checks_available = app.update_checker.is_some();
        app.state.logs.export_path = directories::UserDirs::new()
            .map(|dirs| dirs.home_dir().join(EXPORT_FILE_NAME).display().to_string())
            .unwrap_or_else(|| EXPORT_FILE_NAME.to_owned());
        Ok(app)
    }

    /// Connects with the credentials found at start-up, or prepares the sign-in dialog.
    fn start_connection(&mut self, connection: Resolution, now: f64) {
        match connection {
            Resolution::Ready(settings) => {
                let ConnectionSettings {
                    endpoint,
                    endpoint_type,
                    skip_tls_verification,
                    timeouts,
                    ..
                } = settings.clone();
                self.state.sign_in_form = SignInForm {
                    endpoint: endpoint.clone(),
                    endpoint_type,
                    skip_tls_verification,
                    timeouts,
                    ..SignInForm::default()
                };
                self.state.connection = ConnectionStatus::Connecting { endpoint };
                self.send_api(ApiCommand::Connect(settings), now);
            }
            Resolution::NeedsSignIn {
                endpoint,
                endpoint_type,
                skip_tls_verification,
                timeouts,
            } => {
                self.state.sign_in_form = SignInForm {
                    endpoint: endpoint.unwrap_or_default(),
                    endpoint_type,
                    skip_tls_verification,
                    timeouts,
                    ..SignInForm::default()
                };
            }
        }
    }

    /// Reads the request log on the log worker; `refresh` when the user asked for it.
    fn load_logs(&mut self, refresh: bool, now: f64) {
        self.send_logs_command(LogsCommand::Load { refresh }, now);
    }

    /// Queues `command` for the log worker, one at a time.
    fn send_logs_command(&mut self, command: LogsCommand, now: f64) {
        if self.state.logs.busy {
            return;
        }
        if self.logs_worker.try_send(command) {
            self.state.logs.busy = true;
        } else {
            self.show_message(MessageKind::Error, "logs-worker-busy", Vec::new(), now);
        }
    }

    fn handle_logs_event(&mut self, event: LogsEvent, now: f64) {
        self.state.logs.busy = false;
        match event {
            LogsEvent::Loaded {
                result: Ok(loaded),
                refresh,
            } => {
                let unchanged = self.state.logs.loaded && self.state.logs.same_as(&loaded);
                self.state.logs.set_loaded(loaded);
                if refresh && unchanged {
                    self.show_message(
                        MessageKind::Success,
                        "logs-refresh-nothing-new",
                        Vec::new(),
                        now,
                    );
                }
            }
            LogsEvent::Loaded {
                result: Err(error), ..
            } => {
                self.show_message(
                    MessageKind::Error,
                    "logs-read-failed",
                    vec![("error", error)],
                    now,
                );
            }
            LogsEvent::Cleared(Ok(())) => {
                self.state.logs.clear();
                self.show_message(MessageKind::Success, "logs-cleared", Vec::new(), now);
            }
            LogsEvent::Cleared(Err(error)) => {
                self.show_message(
                    MessageKind::Error,
                    "logs-clear-failed",
                    vec![("error", error)],
                    now,
                );
            }
            LogsEvent::ExportPathChosen(Choice::Chosen(path)) => {
                self.state.logs.export_path = path.display().to_string();
                self.state.logs.export_confirm_overwrite = false;
            }
            LogsEvent::ExportPathChosen(Choice::Cancelled) => {}
            LogsEvent::ExportPathChosen(Choice::Unavailable) => {
                self.show_message(
                    MessageKind::Warning,
                    "file-chooser-unavailable",
                    Vec::new(),
                    now,
                );
            }
            LogsEvent::ExportTargetExists(_) => self.state.logs.export_confirm_overwrite = true,
            LogsEvent::Exported(Ok(path)) => {
                if self.state.dialog == Some(Dialog::ExportLogs) {
                    self.state.dialog = None;
                }
                let args = vec![("path", path.display().to_string())];
                self.show_message(MessageKind::Success, "logs-exported", args, now);
            }
            LogsEvent::Exported(Err(error)) => {
                self.show_message(
                    MessageKind::Error,
                    "logs-export-failed",
                    vec![("error", error)],
                    now,
                );
            }
        }
    }

    fn handle_update_checked(&mut self, result: CheckResult, now: f64) {
        self.state.update_check_pending = false;

        // *Check now* also reports its result in the notification area, so a click never seems to do
        // nothing. Automatic checks stay quiet but for a newer release.
        if result.manual {
            match &result.outcome {
                Ok(CheckOutcome::UpToDate) => {
                    self.show_message(
                        MessageKind::Success,
                        "update-now-up-to-date",
                        Vec::new(),
                        now,
                    );
                }
                Ok(CheckOutcome::Newer(_)) => {}
                Err(failure) => {
                    let (text_id, args) = failure.message();
                    let reason = self.state.tr_message(text_id, &args);
                    self.show_message(
                        MessageKind::Error,
                        "update-now-failed",
                        vec![("reason", reason)],
                        now,
                    );
                }
            }
        }

        if let Ok(CheckOutcome::Newer(release)) = &result.outcome {
            let skipped = self.state.settings.skipped_update_version.as_deref()
                == Some(release.version.as_str());
            if result.manual || !skipped {
                self.state.available_release = Some(release.clone());
                if self.state.dialog.is_none() {
                    self.state.dialog = Some(Dialog::UpdateAvailable);
                }
            }
        }
        self.state.last_update_check = Some(result);
    }

    fn send_update_command(&mut self, command: UpdateCommand) {
        if let Some(checker) = &self.update_checker {
            let starts_check = matches!(
                command,
                UpdateCommand::CheckNow | UpdateCommand::SetEnabled(true)
            );
            checker.try_send(command);
            if starts_check {
                self.state.update_check_pending = true;
            }
        }
    }

    /// Queues `command` for the API worker, with a message to the user when the worker is too busy.
    fn send_api(&mut self, command: ApiCommand, now: f64) -> bool {
        let sent = self.api.try_send(command);
        if !sent {
            self.show_message(MessageKind::Error, "api-worker-busy", Vec::new(), now);
        }
        sent
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
            ("error", one_line(&corrupt.parse_error)),
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
                "integer" => self.state.tr("expected-integer"),
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
                AppEvent::Api(event) => self.handle_api_event(event, now),
                AppEvent::Logs(event) => self.handle_logs_event(event, now),
                AppEvent::UpdateChecked(result) => self.handle_update_checked(result, now),
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

    fn handle_api_event(&mut self, event: ApiEvent, now: f64) {
        let form = &mut self.state.sign_in_form;
        match event {
            ApiEvent::Tested(result) => {
                form.pending = None;
                form.test_result = Some(result);
            }
            ApiEvent::SignedIn(signed_in) => {
                let identity = signed_in.identity.clone();
                form.pending = None;
                form.error = None;
                form.otp_required = false;
                form.secret_key.clear();
                form.password.clear();
                form.otp.clear();
                if self.state.dialog == Some(Dialog::SignIn) {
                    self.state.dialog = None;
                }
                self.state.connection = ConnectionStatus::SignedIn(signed_in);
                self.show_message(
                    MessageKind::Success,
                    "signed-in",
                    vec![("identity", identity)],
                    now,
                );
            }
            ApiEvent::SignInFailed(error) => {
                form.pending = None;
                if matches!(error, ApiError::OtpRequired) {
                    form.otp_required = true;
                }
                form.error = Some(error);
            }
            ApiEvent::ConnectFailed {
                endpoint,
                source,
                error,
            } => {
                let (text_id, args) = error.message();
                self.state.connection = ConnectionStatus::Failed {
                    endpoint,
                    source,
                    error,
                };
                self.show_message(MessageKind::Error, text_id, args, now);
            }
            ApiEvent::SignedOut { logout_error } => {
                self.state.connection = ConnectionStatus::SignedOut;
                self.state.logs.clear();
                match logout_error {
                    None => self.show_message(MessageKind::Success, "signed-out", Vec::new(), now),
                    Some(error) => {
                        let (text_id, args) = error.message();
                        self.show_message(
                            MessageKind::Warning,
                            "signed-out-locally",
                            Vec::new(),
                            now,
                        );
                        self.show_message(MessageKind::Error, text_id, args, now);
                    }
                }
            }
            account_event @ (ApiEvent::SshKeypairLoaded(_)
            | ApiEvent::SshKeypairCreated(_)
            | ApiEvent::PrivateKeyPathChosen(_)
            | ApiEvent::PrivateKeySaved(_)
            | ApiEvent::DotfilesLoaded(_)
            | ApiEvent::DotfileSaved { .. }
            | ApiEvent::DotfileDeleted { .. }
            | ApiEvent::BootstrapScriptLoaded(_)
            | ApiEvent::BootstrapScriptSaved(_)) => self.handle_account_event(account_event, now),
            ApiEvent::RequestLogged(entry) => {
                if self.state.logs.loaded {
                    let max_entries = self.state.settings.request_log_max_entries;
                    self.state.logs.push_newest(*entry, max_entries);
                }
            }
        }
    }

    /// Sends the sign-in dialog's test or sign-in request, after checking the input locally.
    fn submit_sign_in_form(&mut self, action: PendingSignIn, now: f64) {
        let form = &mut self.state.sign_in_form;
        form.error = None;
        form.test_result = None;
        form.invalid_input = validate_sign_in_form(form, action);
        if form.invalid_input.is_some() || form.pending.is_some() {
            return;
        }
        let address = ServerAddress {
            endpoint: form.endpoint.trim().to_owned(),
            endpoint_type: form.endpoint_type,
            skip_tls_verification: form.skip_tls_verification,
            timeouts: form.timeouts,
        };
        let command = match action {
            PendingSignIn::Test => ApiCommand::TestConnection(address),
            PendingSignIn::SignIn => {
                let secrets = match form.endpoint_type {
                    EndpointType::Api => SignInSecrets::Keypair {
                        access_key: form.access_key.trim().to_owned(),
                        secret_key: Secret::new(form.secret_key.trim()),
                    },
                    EndpointType::Session => SignInSecrets::Password {
                        email: form.email.trim().to_owned(),
                        password: Secret::new(form.password.clone()),
                        otp: (!form.otp.trim().is_empty()).then(|| Secret::new(form.otp.trim())),
                    },
                };
                ApiCommand::SignIn { address, secrets }
            }
        };
        form.pending = Some(action);
        if !self.send_api(command, now) {
            self.state.sign_in_form.pending = None;
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
            if changes_dialog(&command) {
                // A focused text field that disappears with its dialog would keep the keyboard
                // focus, and egui then spends the next click on taking the focus back.
                ctx.memory_mut(|memory| {
                    if let Some(id) = memory.focused() {
                        memory.surrender_focus(id);
                    }
                });
            }
            let Some(command) = self.apply_account_command(ctx, command, now) else {
                continue;
            };
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
                UiCommand::ShowPage(page) => {
                    self.state.page = page;
                    if page == Page::Logs && !self.state.logs.loaded {
                        self.load_logs(false, now);
                    }
                }
                UiCommand::OpenDialog(dialog) => {
                    if dialog == Dialog::SignIn {
                        let form = &mut self.state.sign_in_form;
                        form.error = None;
                        form.test_result = None;
                        form.invalid_input = None;
                    }
                    self.state.dialog = Some(dialog);
                }
                UiCommand::CloseDialog => self.state.dialog = None,
                UiCommand::DismissMessage(id) => self.state.messages.dismiss(id),
                UiCommand::TestConnection => self.submit_sign_in_form(PendingSignIn::Test, now),
                UiCommand::SubmitSignIn => self.submit_sign_in_form(PendingSignIn::SignIn, now),
                UiCommand::SignOut => {
                    self.send_api(ApiCommand::SignOut, now);
                }
                UiCommand::SetRequestLogCap(max_entries) => {
                    self.change_setting(SettingChange::RequestLogMaxEntries(max_entries));
                    self.send_api(ApiCommand::SetRequestLogCap(max_entries), now);
                }
                UiCommand::RefreshLogs => self.load_logs(true, now),
                UiCommand::ClearLogs => {
                    self.state.dialog = None;
                    self.send_logs_command(LogsCommand::Clear, now);
                }
                UiCommand::ExportLogs { overwrite } => {
                    self.state.logs.export_confirm_overwrite = false;
                    let entries = self.state.logs.visible_entries();
                    let path = PathBuf::from(self.state.logs.export_path.trim());
                    self.send_logs_command(
                        LogsCommand::Export {
                            entries,
                            path,
                            overwrite,
                        },
                        now,
                    );
                }
                UiCommand::ChooseExportPath => {
                    let suggested = PathBuf::from(self.state.logs.export_path.trim());
                    self.send_logs_command(LogsCommand::ChooseExportPath { suggested }, now);
                }
                UiCommand::CopyText(text) => {
                    ctx.copy_text(text);
                    self.show_message(MessageKind::Info, "copied", Vec::new(), now);
                }
                UiCommand::SetAutomaticUpdateCheck(on) => {
                    self.change_setting(SettingChange::AutomaticUpdateCheck(on));
                    self.send_update_command(UpdateCommand::SetEnabled(on));
                }
                UiCommand::CheckForUpdatesNow => self.send_update_command(UpdateCommand::CheckNow),
                UiCommand::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
                UiCommand::RemindLater => {
                    self.state.dialog = None;
                    self.state.available_release = None;
                }
                UiCommand::SkipUpdateVersion(version) => {
                    self.change_setting(SettingChange::SkippedUpdateVersion(version));
                    self.state.dialog = None;
                    self.state.available_release = None;
                }
                UiCommand::SetAutoLogout(on) => self.change_setting(SettingChange::AutoLogout(on)),
                // Handled by `apply_account_command`.
                _ => {}
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

impl BaiSettingsApp {
    /// Runs the app's exit path: writes pending settings and, when auto logout is on and no other
    /// window of the app is open, signs out. Blocks on file I/O and up to
    /// [`crate::auto_logout::LOGOUT_TIMEOUT`] on the network; runs once, after the window closed.
    pub fn exit(&mut self) {
        self.writer.shutdown_blocking(EXIT_WRITE_TIMEOUT);
        let Some((registry, own)) = self.instance.take() else {
            return;
        };
        if self.state.settings.auto_logout {
            match registry.others_alive(&own) {
                Ok(0) => {
                    let log = RequestLog::new(
                        self.request_log_dir.clone(),
                        self.state.settings.request_log_max_entries,
                    );
                    let report = crate::auto_logout::log_out(&self.config_dir, Some(&log));
                    log::info!("Auto logout at exit: {report:?}");
                }
                Ok(others) => {
                    log::info!("Auto logout skipped: {others} other window(s) of the app are open")
                }
                Err(error) => {
                    log::warn!("Auto logout skipped: cannot count the app's windows: {error}")
                }
            }
        }
        drop(own);
    }
}

impl eframe::App for BaiSettingsApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_events(ctx);
        self.track_window_geometry(ctx);
        if ctx.input(|input| input.viewport().close_requested()) {
            let unsaved = self
                .state
                .script_editor
                .as_ref()
                .is_some_and(|editor| editor.is_dirty());
            if unsaved && !self.close_confirmed {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                if let Some(editor) = &mut self.state.script_editor {
                    editor.confirm = Some(ScriptConfirm::Unsaved(AfterUnsaved::CloseWindow));
                }
            } else {
                self.save_window_geometry();
            }
        }
        self.drive_screenshot(ctx);
        self.update_title(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::root_ui(ui, &mut self.state);
        self.apply_commands(ui.ctx());
        self.frames_drawn += 1;
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        crate::ui::ime::repair_raw_input(ctx, raw_input);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.exit();
    }
}

/// Checks the sign-in dialog's fields before anything is sent; returns the message id of the
/// first problem.
fn validate_sign_in_form(form: &SignInForm, action: PendingSignIn) -> Option<&'static str> {
    if form.endpoint.trim().is_empty() {
        return Some("sign-in-missing-endpoint");
    }
    if let Err(_invalid) = crate::api::Endpoint::parse(&form.endpoint) {
        return Some("sign-in-invalid-endpoint");
    }
    if action == PendingSignIn::Test {
        return None;
    }
    match form.endpoint_type {
        EndpointType::Api if form.access_key.trim().is_empty() => {
            Some("sign-in-missing-access-key")
        }
        EndpointType::Api if form.secret_key.trim().is_empty() => {
            Some("sign-in-missing-secret-key")
        }
        EndpointType::Session if form.email.trim().is_empty() => Some("sign-in-missing-email"),
        EndpointType::Session if form.password.is_empty() => Some("sign-in-missing-password"),
        EndpointType::Session if form.otp_required && form.otp.trim().is_empty() => {
            Some("sign-in-missing-otp")
        }
        _ => None,
    }
}

/// Returns whether `command` opens, closes or changes the content of a dialog.
fn changes_dialog(command: &UiCommand) -> bool {
    matches!(
        command,
        UiCommand::OpenDialog(_)
            | UiCommand::CloseDialog
            | UiCommand::SshStartGenerate
            | UiCommand::SshStartManual
            | UiCommand::SshChooseWhere
            | UiCommand::SshBackToOverview
            | UiCommand::SshClose { .. }
            | UiCommand::ScriptRequestClose
            | UiCommand::ScriptDiscard(_)
            | UiCommand::RemindLater
    )
}

/// Shortens a multi-line parser message (position, source excerpt with carets, reason) to its
/// first and last lines, which fit a notification.
fn one_line(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [first, .., last] => format!("{first}: {last}"),
    }
}
