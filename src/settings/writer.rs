//! The settings writer: a background thread that owns every write to `settings.toml`.
//!
//! The UI hands it changes with [`SettingsWriter::submit`], which never blocks on I/O. Pending
//! changes are kept one per key, newest wins, so the queue is bounded by the number of keys
//! however fast the user clicks and however slow the disk is. Each batch is written once, and the
//! outcome comes back as an [`AppEvent`] followed by a repaint request.

use std::collections::BTreeMap;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::SettingChange;
use super::store::SettingsStore;
use crate::events::{AppEvent, EventSender};

/// Changes waiting to be written, and the counters that let callers wait for them.
#[derive(Default)]
struct Pending {
    changes: BTreeMap<&'static str, SettingChange>,

    /// Number of [`SettingsWriter::submit`] calls so far.
    submitted: u64,

    /// Value of `submitted` covered by the last finished write.
    written: u64,

    shutting_down: bool,
}

struct Shared {
    pending: Mutex<Pending>,

    /// Signalled when changes arrive, when a write finishes and on shutdown.
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Pending> {
        // A panic while holding the lock leaves plain data behind, still consistent enough to use.
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Handle to the settings writer thread.
pub struct SettingsWriter {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    finished: Receiver<()>,
}

impl SettingsWriter {
    /// Starts the `settings-writer` thread for `store`.
    pub fn spawn(store: SettingsStore, events: EventSender) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            pending: Mutex::new(Pending::default()),
            changed: Condvar::new(),
        });
        let (finished_sender, finished) = std::sync::mpsc::sync_channel(1);
        let thread_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("settings-writer".to_owned())
            .spawn(move || {
                write_loop(&thread_shared, &store, &events);
                let _ = finished_sender.send(());
            })?;
        Ok(Self {
            shared,
            thread: Some(thread),
            finished,
        })
    }

    /// Queues `change` for writing. Replaces a queued change of the same key. Never blocks on I/O.
    pub fn submit(&self, change: SettingChange) {
        let mut pending = self.shared.lock();
        pending.changes.insert(change.key(), change);
        pending.submitted += 1;
        drop(pending);
        self.shared.changed.notify_all();
    }

    /// Waits until every change submitted so far has been written or has failed, at most
    /// `timeout`. Returns whether it finished in time.
    ///
    /// Blocks: for tests and for exit, never for the UI thread while it draws.
    pub fn flush_blocking(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut pending = self.shared.lock();
        let target = pending.submitted;
        while pending.written < target {
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            pending = self
                .shared
                .changed
                .wait_timeout(pending, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        true
    }

    /// Writes what is still queued and stops the thread, waiting at most `timeout`.
    ///
    /// Blocks: called once, when the app exits. A thread still stuck on a hung disk after the
    /// timeout is left behind and ends with the process.
    pub fn shutdown_blocking(&mut self, timeout: Duration) {
        self.shared.lock().shutting_down = true;
        self.shared.changed.notify_all();

        match self.finished.recv_timeout(timeout) {
            Ok(()) => {
                if let Some(thread) = self.thread.take()
                    && thread.join().is_err()
                {
                    log::error!("The settings writer thread panicked");
                }
            }
            Err(_) => log::error!(
                "The settings writer did not finish within {} ms; unsaved changes may be lost",
                timeout.as_millis()
            ),
        }
    }
}

impl Drop for SettingsWriter {
    fn drop(&mut self) {
        if self.thread.is_some() {
            self.shutdown_blocking(Duration::from_secs(2));
        }
    }
}

fn write_loop(shared: &Shared, store: &SettingsStore, events: &EventSender) {
    loop {
        let mut pending = shared.lock();
        while pending.changes.is_empty() && !pending.shutting_down {
            pending = shared
                .changed
                .wait(pending)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if pending.changes.is_empty() {
            return; // Shutting down with nothing left to write.
        }
        let batch: Vec<SettingChange> =
            std::mem::take(&mut pending.changes).into_values().collect();
        let covered = pending.submitted;
        drop(pending);

        let result = store.apply(&batch);
        match &result {
            Ok(_) => log::debug!(
                "Wrote {} setting(s) to {}",
                batch.len(),
                store.path().display()
            ),
            Err(error) => log::error!("Failed to save settings: {error}"),
        }
        events.send(AppEvent::SettingsSaved(result));

        let mut pending = shared.lock();
        pending.written = covered;
        drop(pending);
        shared.changed.notify_all();
    }
}
