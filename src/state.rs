//! `AppState`: everything the window shows, read by the UI code every frame, and the commands the
//! UI emits to change it.

use std::path::PathBuf;

use crate::api::EndpointType;
use crate::api::client::Timeouts;
use crate::api::credentials::CredentialSource;
use crate::api::{ApiError, ServerInfo};
use crate::api_worker::SignedIn;
use crate::i18n::{Locale, Localizer, SystemLocale};
use crate::messages::{MessageKind, MessageList};
use crate::settings::{LanguageChoice, Settings, WindowGeometry};

/// A page of the window, chosen in the sidebar or with `--page`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    General,
    Logs,
}

/// A dialog drawn over the window; at most one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    About,
    SignIn,
    /// Confirmation before the request log is emptied.
    ClearLogs,
    SshKeypair,
    ScriptEditor,
    /// A newer release was found.
    UpdateAvailable,
    /// File choice for exporting the shown requests.
    ExportLogs,
}

/// The connection to the Backend.AI server, as the window shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum ConnectionStatus {
    SignedOut,
    /// Credentials found at start-up are being checked.
    Connecting {
        endpoint: String,
    },
    SignedIn(SignedIn),
    /// The credentials found at start-up did not work.
    Failed {
        endpoint: String,
        source: CredentialSource,
        error: ApiError,
    },
}

/// Action of the sign-in dialog that waits for the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PendingSignIn {
    Test,
    SignIn,
}

/// The sign-in dialog's fields and progress. Kept while the dialog is closed, except the secrets,
/// which are cleared once sent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignInForm {
    pub endpoint: String,
    pub endpoint_type: EndpointType,
    pub access_key: String,
    pub secret_key: String,
    pub email: String,
    pub password: String,
    pub otp: String,

    /// Set once the server asked for a one-time password.
    pub otp_required: bool,

    pub skip_tls_verification: bool,
    pub timeouts: Timeouts,
    pub pending: Option<PendingSignIn>,
    pub test_result: Option<Result<ServerInfo, ApiError>>,
    pub error: Option<ApiError>,

    /// A problem with the input found before sending, as a message id.
    pub invalid_input: Option<&'static str>,
}

/// A change the UI requests. UI code only emits these; the app applies them after the frame is
/// drawn, so no state changes halfway through drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum UiCommand {
    SetDesktopNotification(bool),
    SetCompactSidebarDefault(bool),
    SetLanguage(LanguageChoice),
    ToggleSidebar,
    ShowPage(Page),
    OpenDialog(Dialog),
    CloseDialog,
    DismissMessage(u64),
    /// Checks the sign-in dialog's endpoint without signing in.
    TestConnection,
    /// Signs in with the sign-in dialog's fields.
    SubmitSignIn,
    SignOut,
    SetRequestLogCap(usize),
    RefreshLogs,
    /// Empties the request log, after the UI got a confirmation.
    ClearLogs,
    /// Writes the shown requests to the export dialog's file.
    ExportLogs {
        overwrite: bool,
    },
    ChooseExportPath,
    CopyText(String),

    SetAutomaticUpdateCheck(bool),
    CheckForUpdatesNow,
    OpenUrl(String),
    /// Closes the update window until the next check.
    RemindLater,
    SkipUpdateVersion(String),
    SetAutoLogout(bool),

    OpenSshDialog,
    /// Leaves the overview for the confirmation before a new keypair is made.
    SshStartGenerate,
    SshStartManual,
    /// Goes on from the confirmation to the choice of where the keypair is made.
    SshChooseWhere,
    SshBackToOverview,
    SshGenerate {
        local: bool,
        algorithm: crate::ssh_keys::KeyAlgorithm,
    },
    SshUploadManual,
    SshCopyPrivateKey,
    SshChooseSavePath,
    SshSavePrivateKey {
        overwrite: bool,
    },
    /// Closes the SSH dialog; `force` skips the question about an unsaved private key.
    SshClose {
        force: bool,
    },

    OpenScriptEditor(crate::account_state::ScriptKind),
    ScriptSwitchTo(String),
    ScriptSave {
        then: Option<crate::account_state::AfterUnsaved>,
    },
    ScriptDiscard(crate::account_state::AfterUnsaved),
    /// Asks before deleting, or deletes after the user confirmed.
    ScriptDelete {
        confirmed: bool,
    },
    ScriptRequestClose,
    /// Answers *Cancel* to the editor's question.
    ScriptCancelConfirm,
}

/// The state of one window.
pub struct AppState {
    /// The settings as the user chose them; what the settings file contains once saved.
    pub settings: Settings,

    /// `--lang`: overrides `settings.language` until the user picks a language in the window.
    pub language_override: Option<LanguageChoice>,

    pub system_locale: SystemLocale,
    pub i18n: Localizer,

    /// Whether the sidebar is compact now. Starts as `settings.compact_sidebar`; the sidebar icon
    /// changes only this.
    pub sidebar_compact: bool,

    pub page: Page,
    pub dialog: Option<Dialog>,
    pub messages: MessageList,

    /// Set while the notifier checks the notification service after the user switched on.
    pub notification_check_pending: bool,

    pub settings_path: PathBuf,

    pub connection: ConnectionStatus,
    pub sign_in_form: SignInForm,

    pub logs: crate::logs_view::LogsView,

    /// The last update check, if any ran.
    pub last_update_check: Option<crate::update_check::CheckResult>,
    pub update_check_pending: bool,
    /// Whether update checks can run at all (a feed is configured).
    pub update_checks_available: bool,
    /// The release the update window shows.
    pub available_release: Option<crate::update_check::NewRelease>,

    pub ssh_dialog: Option<crate::account_state::SshDialog>,
    pub script_editor: Option<crate::account_state::ScriptEditor>,

    /// The request-log size while the user drags or types it, before it is saved.
    pub request_log_cap_draft: Option<usize>,

    /// The time zone the Logs page shows times in.
    pub time_zone: jiff::tz::TimeZone,

    /// The window's size and position as last reported by the platform.
    pub window_geometry: Option<WindowGeometry>,

    /// Commands emitted while drawing the current frame.
    pub commands: Vec<UiCommand>,
}

impl AppState {
    pub fn new(
        settings: Settings,
        language_override: Option<LanguageChoice>,
        system_locale: SystemLocale,
        settings_path: PathBuf,
    ) -> Self {
        let choice = language_override.unwrap_or(settings.language);
        let locale = Locale::resolve(choice, &system_locale);
        Self {
            sidebar_compact: settings.compact_sidebar,
            window_geometry: settings.window,
            settings,
            language_override,
            system_locale,
            i18n: Localizer::new(locale),
            page: Page::default(),
            dialog: None,
            messages: MessageList::default(),
            notification_check_pending: false,
            settings_path,
            connection: ConnectionStatus::SignedOut,
            sign_in_form: SignInForm::default(),
            logs: crate::logs_view::LogsView::default(),
            last_update_check: None,
            update_check_pending: false,
            update_checks_available: false,
            available_release: None,
            ssh_dialog: None,
            script_editor: None,
            request_log_cap_draft: None,
            time_zone: jiff::tz::TimeZone::system(),
            commands: Vec::new(),
        }
    }

    /// Returns the language in effect: the `--lang` override if any, else the saved choice.
    pub fn effective_language(&self) -> LanguageChoice {
        self.language_override.unwrap_or(self.settings.language)
    }

    /// Re-resolves the UI language after the choice or the override changed.
    pub fn apply_language(&mut self) {
        let locale = Locale::resolve(self.effective_language(), &self.system_locale);
        self.i18n.set_locale(locale);
    }

    /// Returns the translated text of `text_id`, for UI code.
    pub fn tr(&self, text_id: &str) -> String {
        self.i18n.tr(text_id)
    }

    pub fn tr_args(&self, text_id: &str, args: &[(&str, &str)]) -> String {
        self.i18n.tr_args(text_id, args)
    }

    /// Returns the translated text of a message id and owned arguments, the form in which error
    /// types describe themselves (`message()`).
    pub fn tr_message(&self, text_id: &str, args: &[(&'static str, String)]) -> String {
        let args: Vec<(&str, &str)> = args
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        self.i18n.tr_args(text_id, &args)
    }

    /// Returns whether a server connection is up, for controls that need one.
    pub fn is_signed_in(&self) -> bool {
        matches!(self.connection, ConnectionStatus::SignedIn(_))
    }

    /// Emits `command`, to be applied after this frame.
    pub fn emit(&mut self, command: UiCommand) {
        self.commands.push(command);
    }

    /// Shows a message; returns its text when it is new, for the desktop notifier.
    pub fn show_message(
        &mut self,
        kind: MessageKind,
        text_id: &'static str,
        args: Vec<(&'static str, String)>,
        now: f64,
    ) -> Option<String> {
        let message = self.messages.push(kind, text_id, args, now)?;
        Some(self.i18n.tr_args(message.text_id, &message.arg_refs()))
    }
}
