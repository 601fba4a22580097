//! `settings.toml` on disk: loading with recovery, and writing changes so that nothing is lost.
//!
//! Every write takes an advisory lock on `settings.toml.lock`, reads the file as it is on disk,
//! changes only the keys it was given and replaces the file atomically: the new text goes to a
//! temporary file in the same directory, is flushed to disk and then renamed over the old file.
//! So two windows of the app never overwrite each other's changes, a crash or `kill -9` never
//! leaves a truncated file, and the user's comments and unknown keys survive (`toml_edit` keeps
//! them).
//!
//! These functions block on file I/O: call them from the settings writer thread or from start-up,
//! never from the UI thread while it draws.

use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, value};

use super::{FieldWarning, SETTINGS_FILE_NAME, SettingChange, Settings, parse_settings};
use crate::atomic_file::{self, Access};
use crate::time_format::utc_timestamp_compact;

/// An error while reading or writing the settings file; each names the path involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the config directory {path}: {source}")]
    CreateDir { path: PathBuf, source: io::Error },

    #[error("cannot lock {path}: {source}")]
    Lock { path: PathBuf, source: io::Error },

    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },

    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
}

impl StoreError {
    /// Returns the file or directory the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::CreateDir { path, .. }
            | Self::Lock { path, .. }
            | Self::Read { path, .. }
            | Self::Write { path, .. } => path,
        }
    }

    /// Returns the operating system's description of the failure.
    pub fn io_error(&self) -> &io::Error {
        match self {
            Self::CreateDir { source, .. }
            | Self::Lock { source, .. }
            | Self::Read { source, .. }
            | Self::Write { source, .. } => source,
        }
    }
}

/// A settings file that was not valid TOML and has been moved aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorruptFile {
    /// Path the unparsable file was moved to: `settings.toml.corrupt-<UTC timestamp>`.
    pub backup_path: PathBuf,

    /// The parser's message, with line and column.
    pub parse_error: String,
}

/// Result of [`SettingsStore::load`].
#[derive(Debug, Default)]
pub struct LoadOutcome {
    pub settings: Settings,
    pub warnings: Vec<FieldWarning>,
    pub corrupt: Option<CorruptFile>,

    /// The file exists but could not be read; defaults are in use and the file is left alone.
    pub read_error: Option<StoreError>,
}

/// Side effects of a successful [`SettingsStore::apply`] besides writing the changes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ApplyOutcome {
    /// Set when the file on disk had become unparsable since start-up and was moved aside.
    pub corrupt: Option<CorruptFile>,
}

/// The settings file of one config directory.
#[derive(Clone, Debug)]
pub struct SettingsStore {
    dir: PathBuf,
}

impl SettingsStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// Returns the platform's config directory for the app (`~/.config/bai-settings` on Linux), or `None`
    /// when no home directory is known.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("ai", "Lablup", "bai-settings")
            .map(|dirs| dirs.config_dir().to_path_buf())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(SETTINGS_FILE_NAME)
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("{SETTINGS_FILE_NAME}.lock"))
    }

    /// Reads the settings, recovering from every problem the file can have.
    ///
    /// A missing file gives defaults. A file that is not valid TOML is renamed to
    /// `settings.toml.corrupt-<UTC timestamp>` and defaults are used. Blocks on file I/O.
    pub fn load(&self) -> LoadOutcome {
        let path = self.path();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            // Bytes that are not UTF-8 cannot be TOML; the parser's message would be the same.
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                return self.recover_unparsable(&error.to_string());
            }
            // A config directory that does not exist yet, or whose path is blocked by a file,
            // holds no settings; saving will report the blocked path.
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return LoadOutcome::default();
            }
            Err(source) => {
                return LoadOutcome {
                    read_error: Some(StoreError::Read { path, source }),
                    ..LoadOutcome::default()
                };
            }
        };

        match parse_settings(&text) {
            Ok((settings, warnings)) => LoadOutcome {
                settings,
                warnings,
                ..LoadOutcome::default()
            },
            Err(parse_error) => self.recover_unparsable(&parse_error.to_string()),
        }
    }

    /// Moves an unparsable settings file aside and returns defaults.
    fn recover_unparsable(&self, parse_error: &str) -> LoadOutcome {
        // Moving the file under the lock keeps a concurrent writer from replacing it between our
        // read and the rename.
        let moved = self
            .with_lock(|| self.move_aside_if_unparsable(parse_error))
            .and_then(|moved| moved);
        match moved {
            Ok(corrupt) => LoadOutcome {
                corrupt,
                ..LoadOutcome::default()
            },
            Err(error) => LoadOutcome {
                read_error: Some(error),
                ..LoadOutcome::default()
            },
        }
    }

    /// Writes `changes` into the file as it is on disk now, leaving every other key, comment and
    /// table as it was. Blocks on file I/O and on other processes holding the lock.
    pub fn apply(&self, changes: &[SettingChange]) -> Result<ApplyOutcome, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|source| StoreError::CreateDir {
            path: self.dir.clone(),
            source,
        })?;

        self.with_lock(|| {
            // A killed writer may have left temporary files. Under the lock none can be in use.
            atomic_file::remove_stale_temp_files(&self.path());

            let path = self.path();
            let mut outcome = ApplyOutcome::default();
            let mut document = match fs::read_to_string(&path) {
                Ok(text) => match text.parse::<DocumentMut>() {
                    Ok(document) => document,
                    Err(parse_error) => {
                        outcome.corrupt =
                            self.move_aside_if_unparsable(&parse_error.to_string())?;
                        DocumentMut::new()
                    }
                },
                Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                    outcome.corrupt = self.move_aside_if_unparsable(&error.to_string())?;
                    DocumentMut::new()
                }
                Err(error) if error.kind() == io::ErrorKind::NotFound => DocumentMut::new(),
                Err(source) => return Err(StoreError::Read { path, source }),
            };

            for change in changes {
                write_change(&mut document, change);
            }
            self.replace_file(document.to_string().as_bytes())?;
            Ok(outcome)
        })?
    }

    /// Runs `work` while holding the exclusive advisory lock of this directory.
    fn with_lock<T>(&self, work: impl FnOnce() -> T) -> Result<T, StoreError> {
        let lock_path = self.lock_path();
        let lock_error = |source| StoreError::Lock {
            path: lock_path.clone(),
            source,
        };
        let lock_file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(lock_error)?;
        lock_file.lock().map_err(lock_error)?;

        let result = work();

        // Closing the file releases the lock as well; unlocking first just makes it explicit.
        if let Err(error) = lock_file.unlock() {
            log::warn!("Failed to unlock {}: {error}", lock_path.display());
        }
        Ok(result)
    }

    /// Renames an unparsable `settings.toml` to `settings.toml.corrupt-<UTC timestamp>`.
    ///
    /// Must run under the lock. Returns `None` when the file has meanwhile been replaced by one
    /// that parses or removed.
    fn move_aside_if_unparsable(
        &self,
        parse_error: &str,
    ) -> Result<Option<CorruptFile>, StoreError> {
        let path = self.path();
        match fs::read_to_string(&path) {
            Ok(text) if text.parse::<DocumentMut>().is_ok() => return Ok(None),
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            // Not UTF-8 is as corrupt as bad TOML.
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {}
            Err(source) => return Err(StoreError::Read { path, source }),
        }

        let stamp = utc_timestamp_compact(std::time::SystemTime::now());
        let mut backup_path = self
            .dir
            .join(format!("{SETTINGS_FILE_NAME}.corrupt-{stamp}"));
        let mut suffix = 1;
        while backup_path.exists() {
            suffix += 1;
            backup_path = self
                .dir
                .join(format!("{SETTINGS_FILE_NAME}.corrupt-{stamp}-{suffix}"));
        }
        fs::rename(&path, &backup_path).map_err(|source| StoreError::Write {
            path: backup_path.clone(),
            source,
        })?;
        log::warn!(
            "{} is not valid TOML ({parse_error}); moved it to {}",
            path.display(),
            backup_path.display()
        );
        Ok(Some(CorruptFile {
            backup_path,
            parse_error: parse_error.to_owned(),
        }))
    }

    /// Replaces `settings.toml` with `contents` atomically. Must run under the lock.
    fn replace_file(&self, contents: &[u8]) -> Result<(), StoreError> {
        let path = self.path();
        atomic_file::replace(&path, contents, Access::Default)
            .map_err(|source| StoreError::Write { path, source })
    }
}

/// Sets one key in `document`, keeping the decoration (comments, spacing) around it.
fn write_change(document: &mut DocumentMut, change: &SettingChange) {
    let key = change.key();
    match *change {
        SettingChange::DesktopNotification(on)
        | SettingChange::CompactSidebar(on)
        | SettingChange::AutomaticUpdateCheck(on)
        | SettingChange::AutoLogout(on) => {
            set_keeping_decor(document.as_table_mut(), key, value(on));
        }
        SettingChange::Language(language) => {
            set_keeping_decor(document.as_table_mut(), key, value(language.key()));
        }
        SettingChange::SkippedUpdateVersion(ref version) => {
            set_keeping_decor(document.as_table_mut(), key, value(version.as_str()));
        }
        SettingChange::RequestLogMaxEntries(max) => {
            let max = i64::try_from(max).unwrap_or(i64::MAX);
            set_keeping_decor(document.as_table_mut(), key, value(max));
        }
        SettingChange::Window(geometry) => {
            if !document.get(key).is_some_and(Item::is_table) {
                document.insert(key, Item::Table(Table::new()));
            }
            let Some(table) = document.get_mut(key).and_then(Item::as_table_mut) else {
                return;
            };
            set_keeping_decor(table, "width", value(f64::from(geometry.width.round())));
            set_keeping_decor(table, "height", value(f64::from(geometry.height.round())));
            match (geometry.x, geometry.y) {
                (Some(x), Some(y)) => {
                    set_keeping_decor(table, "x", value(f64::from(x.round())));
                    set_keeping_decor(table, "y", value(f64::from(y.round())));
                }
                _ => {
                    table.remove("x");
                    table.remove("y");
                }
            }
        }
    }
}

/// Replaces the value of `key` in place, so the comments before the key (stored with the key) and
/// after the value on the same line (stored with the value) stay where they are.
fn set_keeping_decor(table: &mut Table, key: &str, new_item: Item) {
    if let Some(old) = table.get_mut(key).and_then(Item::as_value_mut)
        && let Item::Value(mut new_value) = new_item.clone()
    {
        *new_value.decor_mut() = old.decor().clone();
        *old = new_value;
        return;
    }
    table.insert(key, new_item);
}
