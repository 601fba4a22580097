//! Counting the running windows (processes) of the app, so that only the last one to close signs
//! out. Each process holds an exclusive advisory lock on a file of its own in `instances/`; a file
//! that nobody holds locked belongs to a process that crashed or was killed, and is removed.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// This process's registration; dropping it releases the lock and removes the file.
#[derive(Debug)]
pub struct InstanceLock {
    path: PathBuf,
    _file: File,
}

impl Drop for InstanceLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Count of other processes found while registering.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Census {
    /// Other processes of the app running now.
    pub others_alive: usize,
    /// Registrations left by processes that ended without closing normally, now removed.
    pub stale_removed: usize,
}

/// The `instances/` directory of one data directory.
#[derive(Clone, Debug)]
pub struct InstanceRegistry {
    dir: PathBuf,
}

impl InstanceRegistry {
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("instances"),
        }
    }

    /// Registers this process and counts the others. Blocks on file I/O.
    pub fn register(&self) -> io::Result<(InstanceLock, Census)> {
        fs::create_dir_all(&self.dir)?;
        let census = self.census(None)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or(0);
        let path = self
            .dir
            .join(format!("{}-{nanos}.lock", std::process::id()));
        let file = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .open(&path)?;
        file.lock()?;
        Ok((InstanceLock { path, _file: file }, census))
    }

    /// Counts the other running processes, removing stale registrations. Blocks on file I/O.
    pub fn others_alive(&self, own: &InstanceLock) -> io::Result<usize> {
        Ok(self.census(Some(&own.path))?.others_alive)
    }

    fn census(&self, own: Option<&Path>) -> io::Result<Census> {
        let mut census = Census::default();
        for entry in fs::read_dir(&self.dir)?.flatten() {
            let path = entry.path();
            if Some(path.as_path()) == own || path.extension().is_none_or(|ext| ext != "lock") {
                continue;
            }
            let Ok(file) = OpenOptions::new().write(true).open(&path) else {
                continue;
            };
            match file.try_lock() {
                Ok(()) => {
                    // Nobody holds it: its process is gone.
                    drop(file);
                    if fs::remove_file(&path).is_ok() {
                        census.stale_removed += 1;
                    }
                }
                Err(TryLockError::WouldBlock) => census.others_alive += 1,
                Err(TryLockError::Error(error)) => {
                    log::warn!("Cannot check the instance file {}: {error}", path.display());
                }
            }
        }
        Ok(census)
    }
}
