//! Results that background threads send to the UI thread.
//!
//! Every worker gets an [`EventSender`]: sending an event also asks egui for a repaint, so the UI
//! sleeps until something happens instead of polling every frame.

use std::sync::mpsc::{Receiver, SyncSender, TrySendError};

use crate::api_worker::ApiEvent;
use crate::logs_worker::LogsEvent;
use crate::notifier::NotifierEvent;
use crate::settings::store::{ApplyOutcome, StoreError};

/// Capacity of the worker-to-UI queue. Workers produce at most a few events per user action, so a
/// full queue means the UI thread is stuck; the sending worker then waits instead of growing the
/// queue without bound.
const EVENT_QUEUE_CAPACITY: usize = 256;

/// One message from a background thread to the UI.
#[derive(Debug)]
pub enum AppEvent {
    /// The settings writer finished a write.
    SettingsSaved(Result<ApplyOutcome, StoreError>),

    /// The API worker finished a command or logged a request.
    Api(ApiEvent),

    /// The request-log worker read, cleared or exported the log.
    Logs(LogsEvent),

    /// The desktop notifier checked the notification service or failed to deliver.
    Notifier(NotifierEvent),

    /// The update checker finished a check.
    UpdateChecked(crate::update_check::CheckResult),

    /// The screenshot requested with `--screenshot` was written, or failed with a message.
    ScreenshotWritten(Result<(), String>),
}

/// The sending half of the event queue, cloned into each worker.
#[derive(Clone)]
pub struct EventSender {
    sender: SyncSender<AppEvent>,
    repaint: Option<egui::Context>,
}

impl EventSender {
    /// Sends `event` and wakes the UI. Waits while the queue is full; does nothing once the UI
    /// has gone away.
    pub fn send(&self, event: AppEvent) {
        let sent = match self.sender.try_send(event) {
            Ok(()) => true,
            Err(TrySendError::Full(event)) => {
                log::warn!("The UI event queue is full; waiting for the UI thread");
                self.sender.send(event).is_ok()
            }
            Err(TrySendError::Disconnected(_)) => false,
        };
        if sent && let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }
}

/// Creates the event queue. `repaint` is the context to wake; `None` only in tests without a UI.
pub fn event_channel(repaint: Option<egui::Context>) -> (EventSender, Receiver<AppEvent>) {
    let (sender, receiver) = std::sync::mpsc::sync_channel(EVENT_QUEUE_CAPACITY);
    (EventSender { sender, repaint }, receiver)
}
