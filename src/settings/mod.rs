//! The user's local preferences: their in-memory form, how they are read from `settings.toml`, and
//! how changes are written back to it.
//!
//! Reading never fails outright: a value of the wrong type falls back to its default with a
//! [`FieldWarning`], and a file that is not TOML at all is kept aside and replaced by defaults (see
//! [`store`]). Writing goes through [`writer::SettingsWriter`], a background thread, because the UI
//! thread does no file I/O.

mod read;
pub mod store;
pub mod writer;

pub use read::{FieldProblem, FieldWarning, parse_settings};

/// File name of the settings file inside the config directory.
pub const SETTINGS_FILE_NAME: &str = "settings.toml";

/// The language the user chose on the General page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LanguageChoice {
    /// Follow the operating system's locale.
    #[default]
    Os,
    English,
    Korean,
}

impl LanguageChoice {
    pub const ALL: [Self; 3] = [Self::Os, Self::English, Self::Korean];

    /// Returns the value stored under `language` in `settings.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Os => "os",
            Self::English => "en",
            Self::Korean => "ko",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|choice| choice.key() == key)
    }
}

/// Window size and position in logical points, restored at the next start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindowGeometry {
    pub width: f32,
    pub height: f32,

    /// Position of the outer top-left corner; `None` where the platform does not report it
    /// (Wayland).
    pub x: Option<f32>,
    pub y: Option<f32>,
}

impl WindowGeometry {
    /// Smallest size that is restored; anything smaller is treated as invalid.
    pub const MIN_SIZE: f32 = 200.0;

    /// Largest size or coordinate that is restored, far beyond any real screen.
    pub const MAX_EXTENT: f32 = 100_000.0;
}

/// Largest accepted `request_log_max_entries`: far more than anyone reads, small enough that the
/// log file stays below a few hundred MiB.
pub const REQUEST_LOG_MAX_ENTRIES_LIMIT: usize = 1_000_000;

/// Every option stored in `settings.toml`. The file's key for each field is given on the field.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// `desktop_notification`: also show completion and error messages as OS notifications.
    pub desktop_notification: bool,

    /// `compact_sidebar`: start with the sidebar showing icons only.
    pub compact_sidebar: bool,

    /// `language`: `"os"`, `"en"` or `"ko"`.
    pub language: LanguageChoice,

    /// `[window]` table with `width`, `height`, `x`, `y`.
    pub window: Option<WindowGeometry>,

    /// `request_log_max_entries`: how many requests the request log keeps, newest first.
    pub request_log_max_entries: usize,

    /// `automatic_update_check`: look for a newer release at start-up and once a day.
    pub automatic_update_check: bool,

    /// `update_feed_url`: where releases are announced; `None` means the default feed.
    pub update_feed_url: Option<String>,

    /// `skipped_update_version`: a release the user chose to skip.
    pub skipped_update_version: Option<String>,

    /// `auto_logout`: sign out when the last window of the app closes.
    pub auto_logout: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            desktop_notification: false,
            compact_sidebar: false,
            language: LanguageChoice::Os,
            window: None,
            request_log_max_entries: crate::request_log::DEFAULT_MAX_ENTRIES,
            automatic_update_check: true,
            update_feed_url: None,
            skipped_update_version: None,
            auto_logout: false,
        }
    }
}

/// One option set to a new value: the unit of change sent to the settings writer.
///
/// A change names one key, so writing it merges into whatever another window of the app wrote in
/// the meantime instead of replacing the whole file.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingChange {
    DesktopNotification(bool),
    CompactSidebar(bool),
    Language(LanguageChoice),
    Window(WindowGeometry),
    RequestLogMaxEntries(usize),
    AutomaticUpdateCheck(bool),
    SkippedUpdateVersion(String),
    AutoLogout(bool),
}

impl SettingChange {
    /// Returns the top-level key this change writes. Queued changes with the same key replace each
    /// other.
    pub fn key(&self) -> &'static str {
        match self {
            Self::DesktopNotification(_) => "desktop_notification",
            Self::CompactSidebar(_) => "compact_sidebar",
            Self::Language(_) => "language",
            Self::Window(_) => "window",
            Self::RequestLogMaxEntries(_) => "request_log_max_entries",
            Self::AutomaticUpdateCheck(_) => "automatic_update_check",
            Self::SkippedUpdateVersion(_) => "skipped_update_version",
            Self::AutoLogout(_) => "auto_logout",
        }
    }

    /// Applies the change to the in-memory settings.
    pub fn apply_to(&self, settings: &mut Settings) {
        match *self {
            Self::DesktopNotification(on) => settings.desktop_notification = on,
            Self::CompactSidebar(on) => settings.compact_sidebar = on,
            Self::Language(language) => settings.language = language,
            Self::Window(geometry) => settings.window = Some(geometry),
            Self::RequestLogMaxEntries(max) => settings.request_log_max_entries = max,
            Self::AutomaticUpdateCheck(on) => settings.automatic_update_check = on,
            Self::SkippedUpdateVersion(ref version) => {
                settings.skipped_update_version = Some(version.clone())
            }
            Self::AutoLogout(on) => settings.auto_logout = on,
        }
    }
}
