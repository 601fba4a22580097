//! Replacing a file in one step, so that a reader, another window or a crash finds either the old
//! content or the new one, never a mix.
//!
//! The new content goes to a temporary file in the target's directory, is flushed to disk and then
//! renamed over the target. Flushing the directory afterwards makes the rename itself survive a
//! power loss. Temporary files are named `.<target name>.tmp-<process id>-<counter>`, so a writer
//! that holds the target's lock can delete the ones a killed process left behind
//! ([`remove_stale_temp_files`]).
//!
//! Every function here blocks on file I/O: call them from a background thread.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Permissions of the files written here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Permissions from the umask, as for any new file of the user's.
    Default,

    /// Readable and writable by the owner only (mode 0600 on Unix), for files holding secrets or
    /// the user's private data.
    OwnerOnly,
}

/// Number of names that [`TempFile::beside`] tries before giving up, when files left by other processes
/// take the first ones.
const NAME_ATTEMPTS: u32 = 10;

/// Distinguishes the temporary files of concurrent writes within this process.
static TEMP_FILE_COUNTER: AtomicU32 = AtomicU32::new(0);

/// A new file beside a target, deleted again unless [`TempFile::commit`] renames it over the
/// target.
#[derive(Debug)]
pub struct TempFile {
    path: PathBuf,
    file: File,
    committed: bool,
}

impl TempFile {
    /// Creates an empty temporary file in the directory of `target`.
    pub fn beside(target: &Path, access: Access) -> io::Result<Self> {
        let dir = parent_dir(target);
        let prefix = temp_prefix(target)?;

        let mut attempt = 0;
        loop {
            let counter = TEMP_FILE_COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!("{prefix}{}-{counter}", std::process::id()));
            match open_with_access(
                OpenOptions::new().write(true).create_new(true),
                &path,
                access,
            ) {
                Ok(file) => {
                    return Ok(Self {
                        path,
                        file,
                        committed: false,
                    });
                }
                Err(error)
                    if error.kind() == io::ErrorKind::AlreadyExists
                        && attempt + 1 < NAME_ATTEMPTS =>
                {
                    attempt += 1;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Returns the open file, to write the new content to.
    pub fn file(&self) -> &File {
        &self.file
    }

    /// Flushes the content to disk and renames the file over `target`.
    pub fn commit(mut self, target: &Path) -> io::Result<()> {
        self.file.sync_all()?;
        fs::rename(&self.path, target)?;
        self.committed = true;

        if let Ok(dir) = File::open(parent_dir(target))
            && let Err(error) = dir.sync_all()
        {
            log::debug!(
                "Failed to flush directory {}: {error}",
                parent_dir(target).display()
            );
        }
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Replaces `target` with `contents` in one step. The directory must exist.
pub fn replace(target: &Path, contents: &[u8], access: Access) -> io::Result<()> {
    let temp = TempFile::beside(target, access)?;
    temp.file().write_all(contents)?;
    temp.commit(target)
}

/// Deletes the temporary files that writes to `target` left behind when their process was killed.
///
/// Must run under a lock that every writer of `target` takes, when no other writer can be between
/// creating and renaming its temporary file.
pub fn remove_stale_temp_files(target: &Path) {
    let Ok(prefix) = temp_prefix(target) else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent_dir(target)) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Opens `path` with `options`. With [`Access::OwnerOnly`], a file that is created gets mode 0600
/// and an existing file with wider permissions (left by an older version, or created under
/// another umask) is narrowed to 0600.
pub fn open_with_access(
    options: &mut OpenOptions,
    path: &Path,
    access: Access,
) -> io::Result<File> {
    #[cfg(unix)]
    if access == Access::OwnerOnly {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }

    let file = options.open(path)?;

    #[cfg(unix)]
    if access == Access::OwnerOnly {
        use std::os::unix::fs::PermissionsExt as _;
        if file.metadata()?.permissions().mode() & 0o077 != 0 {
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(file)
}

fn parent_dir(target: &Path) -> &Path {
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `.<file name>.tmp-`: the start of every temporary file name for `target`.
fn temp_prefix(target: &Path) -> io::Result<String> {
    let name = target.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not end with a file name", target.display()),
        )
    })?;
    Ok(format!(".{}.tmp-", name.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        reason = "a panic fails the test with its location"
    )]

    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replace_writes_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("settings.toml");
        fs::write(&target, "old").unwrap();

        replace(&target, b"new", Access::Default).unwrap();

        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names_in(dir.path()), ["settings.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn owner_only_files_get_mode_0600() {
        use std::os::unix::fs::PermissionsExt as _;

        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("credentials.toml");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();

        replace(&target, b"secret", Access::OwnerOnly).unwrap();

        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn dropped_temp_file_is_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("requests.jsonl");

        let temp = TempFile::beside(&target, Access::OwnerOnly).unwrap();
        temp.file().write_all(b"half").unwrap();
        drop(temp);

        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn stale_temp_files_removed_per_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("requests.jsonl");
        fs::write(dir.path().join(".requests.jsonl.tmp-4242-0"), "stale").unwrap();
        fs::write(dir.path().join(".settings.toml.tmp-4242-0"), "other").unwrap();
        fs::write(&target, "kept").unwrap();

        remove_stale_temp_files(&target);

        assert_eq!(
            names_in(dir.path()),
            [".settings.toml.tmp-4242-0", "requests.jsonl"]
        );
    }
}
