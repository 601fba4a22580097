//! The request log on disk: one JSON object per line in `requests.jsonl`, one line for each HTTP
//! request the app sent to a Backend.AI server, and the masking of secrets before they reach it.
//!
//! Several windows of the app may write at the same time. Every append and clear takes an
//! exclusive advisory lock on `requests.jsonl.lock`, so each entry lands as one whole line and no
//! entry is lost. Reading takes a shared lock on the same file when the file exists, so it does not
//! see a line that is still being written.
//!
//! The log keeps the newest `max_entries` entries. Readers see only those, but the file may grow a
//! tenth past the limit before it is trimmed, so that a busy log is rewritten once every
//! `max_entries / 10` requests instead of on every one. Trimming rewrites the file atomically: the
//! kept lines and the new one go to a temporary file in the same directory, which is flushed to
//! disk and then renamed over the log.
//!
//! URLs and error messages are the user's private data, so on Unix the log and its temporary files
//! are created with mode 0600.
//!
//! The methods of [`RequestLog`] block on file I/O: call them from a background thread, never
//! from the UI thread while it draws.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead as _, BufReader, BufWriter, Seek as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::atomic_file::{self, Access, TempFile};
use crate::time_format::civil_from_days;

/// Number of entries kept when the user has not chosen another limit.
pub const DEFAULT_MAX_ENTRIES: usize = 2_000;

/// Smallest accepted limit. Smaller values are raised to it.
pub const MIN_MAX_ENTRIES: usize = 100;

/// Replacement for the value of a secret in [`RequestLogEntry::params`].
pub const MASK: &str = "********";

/// The file is trimmed back to `max_entries` lines once it contains more than `max_entries` plus
/// `max_entries / TRIM_SLACK_DIVISOR` of them.
const TRIM_SLACK_DIVISOR: usize = 10;

/// Name of the log file inside the directory given to [`RequestLog::new`].
const LOG_FILE_NAME: &str = "requests.jsonl";

/// Keys whose values are replaced by [`MASK`], lowercase and with '-' written as '_'.
const SECRET_KEYS: &[&str] = &[
    "password",
    "passwd",
    "secret_key",
    "secretkey",
    "secret",
    "privkey",
    "private_key",
    "ssh_private_key",
    "otp",
    "totp",
    "token",
    "authorization",
    "cookie",
    "api_key",
];

/// Keys whose string values (dotfile contents, bootstrap scripts) are replaced by their length,
/// because they may contain credentials.
const CONTENT_KEYS: &[&str] = &["data", "script"];

/// One request to a Backend.AI server.
///
/// Every field has a default, so lines written by older versions or with missing fields still load.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RequestLogEntry {
    /// UTC time the request started, RFC 3339 with milliseconds and `Z`, e.g.
    /// `2026-12-04T20:15:00.123Z` (see [`now_timestamp`]).
    pub timestamp: String,

    /// HTTP method: `GET`, `POST`, …
    pub method: String,

    /// Full URL as sent, query included.
    pub url: String,

    /// HTTP status code, or `None` when no response arrived (unreachable server, timeout, TLS
    /// failure).
    pub status: Option<u16>,

    /// Reason phrase such as `OK` or `Unauthorized`, or empty when no response arrived.
    pub status_text: String,

    /// Time from sending the request to the end of the response or the failure, in milliseconds.
    pub duration_ms: u64,

    /// The `type` of an `application/problem+json` response, or a client-side kind such as
    /// `timeout`.
    pub error_type: Option<String>,

    /// The `title` of a problem response, or a short client-side description.
    pub error_title: Option<String>,

    /// The detailed error message.
    pub error_message: Option<String>,

    /// Request parameters (query and JSON body), with secrets already masked by [`mask_secrets`].
    pub params: Value,

    /// Whether the request failed, by HTTP status or on the client side.
    pub is_error: bool,
}

/// The entries of the log file, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadedLog {
    pub entries: Vec<RequestLogEntry>,

    /// Number of non-blank lines that were not a valid entry (invalid JSON, invalid UTF-8, or a
    /// line cut short by a writer that was killed) and were skipped.
    pub corrupt_lines: usize,
}

/// An error while reading or writing the request log. Each variant names the path involved.
#[derive(Debug, thiserror::Error)]
pub enum RequestLogError {
    #[error(
        "cannot create the request log directory {path}: {source}. Check that its parent exists \
         and is writable"
    )]
    CreateDir { path: PathBuf, source: io::Error },

    #[error("cannot lock {path}: {source}. Check that the file and its directory are writable")]
    Lock { path: PathBuf, source: io::Error },

    #[error(
        "cannot read the request log {path}: {source}. Check its permissions, or delete it to \
         start an empty log"
    )]
    Read { path: PathBuf, source: io::Error },

    #[error(
        "cannot write the request log {path}: {source}. Check the permissions of its directory \
         and the free disk space"
    )]
    Write { path: PathBuf, source: io::Error },
}

impl RequestLogError {
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

/// The request log file of one directory, with its entry limit.
#[derive(Clone, Debug)]
pub struct RequestLog {
    dir: PathBuf,
    max_entries: usize,
}

impl RequestLog {
    /// Creates a handle for `dir/requests.jsonl` without touching the disk. A `max_entries` below
    /// [`MIN_MAX_ENTRIES`] is raised to it.
    pub fn new(dir: impl Into<PathBuf>, max_entries: usize) -> Self {
        Self {
            dir: dir.into(),
            max_entries: max_entries.max(MIN_MAX_ENTRIES),
        }
    }

    /// Returns the path of the log file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(LOG_FILE_NAME)
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("{LOG_FILE_NAME}.lock"))
    }

    /// Sets the number of entries to keep, raised to at least [`MIN_MAX_ENTRIES`]. The file is
    /// trimmed at the next append.
    pub fn set_max_entries(&mut self, max_entries: usize) {
        self.max_entries = max_entries.max(MIN_MAX_ENTRIES);
    }

    /// Returns the number of entries the log keeps.
    pub fn max_entries(&self) -> usize {
        self.max_entries
    }

    /// Appends one entry. When the file then contains more lines than the limit allows with its
    /// slack, it is rewritten with only the newest `max_entries` entries.
    ///
    /// Blocks on file I/O and while another window holds the lock.
    pub fn append(&self, entry: &RequestLogEntry) -> Result<(), RequestLogError> {
        let path = self.path();

        // serde_json escapes control characters inside strings, so the line contains no '\n'.
        let mut line = serde_json::to_string(entry).map_err(|error| RequestLogError::Write {
            path: path.clone(),
            source: io::Error::from(error),
        })?;
        line.push('\n');

        self.create_dir()?;
        self.with_exclusive_lock(|| {
            let file = atomic_file::open_with_access(
                OpenOptions::new().read(true).append(true).create(true),
                &path,
                Access::OwnerOnly,
            )
            .map_err(|source| RequestLogError::Write {
                path: path.clone(),
                source,
            })?;

            let mut existing_lines = 0;
            let ends_with_newline = for_each_line(&file, &path, |content| {
                if !is_blank(content) {
                    existing_lines += 1;
                }
                Ok(())
            })?;

            if existing_lines + 1 > self.trim_threshold() {
                let dropped_lines = existing_lines + 1 - self.max_entries;
                return self.replace_keeping_newest(&file, dropped_lines, line.as_bytes());
            }

            // A writer killed mid-line leaves no '\n' at the end, so a separator goes first to put
            // the new entry on a line of its own. One write call keeps the two together.
            let mut bytes = Vec::with_capacity(line.len() + 1);
            if !ends_with_newline {
                bytes.push(b'\n');
            }
            bytes.extend_from_slice(line.as_bytes());
            (&file)
                .write_all(&bytes)
                .map_err(|source| RequestLogError::Write { path, source })
        })?
    }

    /// Reads the newest `max_entries` entries, oldest first. Corrupt lines are skipped and
    /// counted, so the content of the file never makes this fail.
    ///
    /// A missing file is an empty log. Blocks on file I/O and while a writer holds the lock.
    pub fn read(&self) -> Result<LoadedLog, RequestLogError> {
        let path = self.path();

        // Dropping the lock file at the end of this function releases the shared lock.
        let _lock_file = self.lock_shared();

        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(LoadedLog::default());
            }
            Err(source) => return Err(RequestLogError::Read { path, source }),
        };
        let mut loaded = parse_lines(&bytes);
        let surplus = loaded.entries.len().saturating_sub(self.max_entries);
        loaded.entries.drain(..surplus);
        Ok(loaded)
    }

    /// Empties the log for every window: the file is truncated to zero length and kept.
    ///
    /// Blocks on file I/O and while another window holds the lock.
    pub fn clear(&self) -> Result<(), RequestLogError> {
        let path = self.path();
        self.create_dir()?;
        self.with_exclusive_lock(|| {
            // Temporary files left by a killed writer contain log entries too.
            atomic_file::remove_stale_temp_files(&path);

            atomic_file::open_with_access(
                OpenOptions::new().write(true).create(true).truncate(true),
                &path,
                Access::OwnerOnly,
            )
            .map(drop)
            .map_err(|source| RequestLogError::Write { path, source })
        })?
    }

    /// Number of lines past which an append trims the file back to `max_entries`.
    fn trim_threshold(&self) -> usize {
        self.max_entries + self.max_entries / TRIM_SLACK_DIVISOR
    }

    fn create_dir(&self) -> Result<(), RequestLogError> {
        fs::create_dir_all(&self.dir).map_err(|source| RequestLogError::CreateDir {
            path: self.dir.clone(),
            source,
        })
    }

    /// Runs `work` while holding the exclusive advisory lock of this directory.
    fn with_exclusive_lock<T>(&self, work: impl FnOnce() -> T) -> Result<T, RequestLogError> {
        let lock_path = self.lock_path();
        let lock_error = |source| RequestLogError::Lock {
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

    /// Takes the shared lock of this directory and returns the file that holds it.
    ///
    /// Returns `None` when no writer has created the lock file yet or the lock cannot be taken.
    /// Reading then goes ahead without the lock, and at worst counts a line that is being written
    /// as corrupt.
    fn lock_shared(&self) -> Option<File> {
        let lock_path = self.lock_path();
        let lock_file = match File::open(&lock_path) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return None,
            Err(error) => {
                log::debug!(
                    "Reading the request log without a lock: cannot open {}: {error}",
                    lock_path.display()
                );
                return None;
            }
        };
        if let Err(error) = lock_file.lock_shared() {
            log::debug!(
                "Reading the request log without a lock: cannot lock {}: {error}",
                lock_path.display()
            );
            return None;
        }
        Some(lock_file)
    }

    /// Replaces the log with its newest lines and `new_line`, leaving out the first
    /// `dropped_lines` non-blank lines of `file`. Blank lines are left out, and a last line
    /// without '\n' gets one. Must run under the exclusive lock.
    fn replace_keeping_newest(
        &self,
        file: &File,
        dropped_lines: usize,
        new_line: &[u8],
    ) -> Result<(), RequestLogError> {
        let path = self.path();
        let write_error = |source| RequestLogError::Write {
            path: path.clone(),
            source,
        };
        atomic_file::remove_stale_temp_files(&path);

        let temp = TempFile::beside(&path, Access::OwnerOnly).map_err(write_error)?;
        let mut writer = BufWriter::new(temp.file());
        let mut seen_lines = 0;
        for_each_line(file, &path, |content| {
            if is_blank(content) {
                return Ok(());
            }
            seen_lines += 1;
            if seen_lines <= dropped_lines {
                return Ok(());
            }
            writer
                .write_all(content)
                .and_then(|()| writer.write_all(b"\n"))
                .map_err(write_error)
        })?;
        writer.write_all(new_line).map_err(write_error)?;
        writer.flush().map_err(write_error)?;
        drop(writer);

        temp.commit(&path).map_err(write_error)
    }
}

/// Calls `visit` with each line of `file` from its start, without the '\n'.
///
/// Returns whether the file is empty or ends with '\n'. `false` means the last line was cut short.
fn for_each_line(
    file: &File,
    path: &Path,
    mut visit: impl FnMut(&[u8]) -> Result<(), RequestLogError>,
) -> Result<bool, RequestLogError> {
    let read_error = |source| RequestLogError::Read {
        path: path.to_path_buf(),
        source,
    };

    // The file may have been read before through the same handle.
    let mut file = file;
    file.rewind().map_err(read_error)?;

    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    let mut ends_with_newline = true;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(read_error)? == 0 {
            return Ok(ends_with_newline);
        }
        ends_with_newline = line.last() == Some(&b'\n');
        visit(line.strip_suffix(b"\n").unwrap_or(&line))?;
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.trim_ascii().is_empty()
}

/// Parses the content of a log file, skipping blank lines and counting the ones that are not an
/// entry.
fn parse_lines(bytes: &[u8]) -> LoadedLog {
    let mut loaded = LoadedLog::default();
    for line in bytes.split(|&byte| byte == b'\n') {
        if is_blank(line) {
            continue;
        }
        let entry = std::str::from_utf8(line)
            .ok()
            .and_then(|text| serde_json::from_str::<RequestLogEntry>(text).ok());
        match entry {
            Some(entry) => loaded.entries.push(entry),
            None => loaded.corrupt_lines += 1,
        }
    }
    loaded
}

/// Copies `params`, replacing the value of every key that names a secret by [`MASK`] at any depth
/// (objects inside objects and arrays).
///
/// Keys are compared case-insensitively, with '-' treated as '_'. The secret keys are `password`,
/// `passwd`, `secret_key`, `secretkey`, `secret`, `privkey`, `private_key`, `ssh_private_key`,
/// `otp`, `totp`, `token`, `authorization`, `cookie` and `api_key`. A string under the key `data`
/// or `script` (dotfile contents, bootstrap scripts) becomes `<N characters>`, where N counts
/// Unicode scalar values, because it may contain credentials.
pub fn mask_secrets(params: &Value) -> Value {
    match params {
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(key, value)| (key.clone(), mask_field(key, value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(mask_secrets).collect()),
        other => other.clone(),
    }
}

/// Masks the value stored under `key`.
fn mask_field(key: &str, value: &Value) -> Value {
    let key = key.to_ascii_lowercase().replace('-', "_");

    if SECRET_KEYS.contains(&key.as_str()) {
        return Value::String(MASK.to_owned());
    }
    if let Value::String(text) = value
        && CONTENT_KEYS.contains(&key.as_str())
    {
        return Value::String(format!("<{} characters>", text.chars().count()));
    }
    mask_secrets(value)
}

/// Formats the current UTC time as RFC 3339 with milliseconds and `Z`, e.g.
/// `2026-12-04T20:15:00.123Z`, the format of [`RequestLogEntry::timestamp`].
pub fn now_timestamp() -> String {
    format_timestamp(SystemTime::now())
}

/// Formats `time` like [`now_timestamp`]. Times before 1970 are written as the epoch.
fn format_timestamp(time: SystemTime) -> String {
    let since_epoch = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let seconds = since_epoch.as_secs();
    let second_of_day = seconds % 86_400;
    let (year, month, day) = civil_from_days(seconds / 86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
        since_epoch.subsec_millis()
    )
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn timestamp_known_instants() {
        let cases = [
            (Duration::ZERO, "1970-01-01T00:00:00.000Z"),
            (
                Duration::from_millis(951_782_400_007),
                "2000-02-29T00:00:00.007Z",
            ),
            (
                Duration::from_millis(1_796_415_300_123),
                "2026-12-04T20:15:00.123Z",
            ),
            (
                Duration::from_millis(4_102_444_799_999),
                "2099-12-31T23:59:59.999Z",
            ),
            // Sub-millisecond parts are cut off, not rounded up to the next second.
            (
                Duration::from_nanos(1_796_415_300_999_999_999),
                "2026-12-04T20:15:00.999Z",
            ),
        ];
        for (since_epoch, expected) in cases {
            let time = UNIX_EPOCH + since_epoch;
            assert_eq!(
                format_timestamp(time),
                expected,
                "{since_epoch:?} after the epoch"
            );
        }
    }

    #[test]
    fn timestamp_before_epoch_is_epoch() {
        let time = UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(format_timestamp(time), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn now_timestamp_shape() {
        let stamp = now_timestamp();
        let bytes = stamp.as_bytes();

        assert_eq!(stamp.len(), 24, "{stamp}");
        assert!(stamp.ends_with('Z'), "{stamp}");
        for (index, separator) in [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'.'),
        ] {
            assert_eq!(bytes[index], separator, "byte {index} of {stamp}");
        }

        let number = |range: std::ops::Range<usize>| -> u32 {
            stamp[range.clone()]
                .parse()
                .unwrap_or_else(|error| panic!("{stamp}[{range:?}] is not a number: {error}"))
        };
        assert!(number(0..4) >= 1970, "year of {stamp}");
        assert!((1..=12).contains(&number(5..7)), "month of {stamp}");
        assert!((1..=31).contains(&number(8..10)), "day of {stamp}");
        assert!(number(11..13) <= 23, "hour of {stamp}");
        assert!(number(14..16) <= 59, "minute of {stamp}");
        assert!(number(17..19) <= 60, "second of {stamp}");
        assert!(number(20..23) <= 999, "millisecond of {stamp}");
    }
}
