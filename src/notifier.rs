//! Desktop (OS) notifications, sent from the `desktop-notifier` thread.
//!
//! Talking to the notification service goes over D-Bus on Linux and may block, so the UI only
//! queues requests here. The queue is small and [`DesktopNotifier::try_send`] drops a request when
//! it is full: an OS notification is a copy of a message the window already shows, so losing one
//! under a flood is better than stalling the UI.

use std::sync::mpsc::{Receiver, SyncSender, TrySendError};

use crate::events::{AppEvent, EventSender};

/// Capacity of the request queue; see the module documentation for what happens when it is full.
const REQUEST_QUEUE_CAPACITY: usize = 16;

/// Application name the notification service shows beside each notification.
const APP_NAME: &str = "bai-settings";

/// A request to the notifier thread.
#[derive(Debug)]
pub enum NotifierRequest {
    /// Check that notifications can be delivered; the result comes back as
    /// [`NotifierEvent::Probed`].
    Probe,

    /// Show one notification.
    Show { summary: String, body: String },
}

/// Why notifications cannot be delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undeliverable {
    /// No D-Bus session bus: `DBUS_SESSION_BUS_ADDRESS` is unset and the default socket is absent,
    /// or the bus refused the connection.
    NoSessionBus { detail: String },

    /// The session bus works but no notification service replies on it.
    NoService { detail: String },
}

/// What the notifier thread reports back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotifierEvent {
    /// The result of a [`NotifierRequest::Probe`]; on success, the service's name.
    Probed(Result<String, Undeliverable>),

    /// A notification could not be shown.
    DeliveryFailed(Undeliverable),
}

/// Handle to the notifier thread. Dropping it ends the thread once the queue is empty.
pub struct DesktopNotifier {
    requests: SyncSender<NotifierRequest>,
}

impl DesktopNotifier {
    /// Starts the `desktop-notifier` thread.
    pub fn spawn(events: EventSender) -> std::io::Result<Self> {
        let (requests, receiver) = std::sync::mpsc::sync_channel(REQUEST_QUEUE_CAPACITY);
        std::thread::Builder::new()
            .name("desktop-notifier".to_owned())
            .spawn(move || serve(&receiver, &events))?;
        Ok(Self { requests })
    }

    /// Queues `request` without blocking; drops it with a warning when the queue is full.
    pub fn try_send(&self, request: NotifierRequest) {
        match self.requests.try_send(request) {
            Ok(()) => {}
            Err(TrySendError::Full(request)) => {
                log::warn!("Desktop notification queue is full; dropped {request:?}");
            }
            Err(TrySendError::Disconnected(_)) => {
                log::error!("The desktop notifier thread has stopped");
            }
        }
    }
}

fn serve(requests: &Receiver<NotifierRequest>, events: &EventSender) {
    while let Ok(request) = requests.recv() {
        match request {
            NotifierRequest::Probe => {
                let result = probe();
                match &result {
                    Ok(server) => log::info!("Desktop notifications go to {server}"),
                    Err(reason) => log::warn!("Desktop notifications unavailable: {reason:?}"),
                }
                events.send(AppEvent::Notifier(NotifierEvent::Probed(result)));
            }
            NotifierRequest::Show { summary, body } => {
                if let Err(reason) = show(&summary, &body) {
                    log::warn!("Failed to show a desktop notification: {reason:?}");
                    events.send(AppEvent::Notifier(NotifierEvent::DeliveryFailed(reason)));
                }
            }
        }
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn probe() -> Result<String, Undeliverable> {
    notify_rust::get_server_information()
        .map(|info| format!("{} {} ({})", info.name, info.version, info.vendor))
        .map_err(|error| classify(&error.to_string()))
}

/// Other platforms have no service to probe: the OS notification centre is always there.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn probe() -> Result<String, Undeliverable> {
    Ok("the system notification centre".to_owned())
}

fn show(summary: &str, body: &str) -> Result<(), Undeliverable> {
    notify_rust::Notification::new()
        .appname(APP_NAME)
        .summary(summary)
        .body(body)
        .show()
        .map(|_| ())
        .map_err(|error| classify(&error.to_string()))
}

/// Sorts a D-Bus failure into "no bus at all" and "no service on the bus". Any error named by
/// the bus (`org.freedesktop.DBus.Error.*`: ServiceUnknown, Spawn.* when activating the service
/// failed, NoReply, ...) means the bus itself replied, while failures to connect carry no such name.
/// The text is kept for the log and the details line.
fn classify(detail: &str) -> Undeliverable {
    let answered_by_bus = detail.contains("org.freedesktop.DBus.Error.")
        || detail.to_lowercase().contains("serviceunknown");
    if answered_by_bus {
        Undeliverable::NoService {
            detail: detail.to_owned(),
        }
    } else {
        Undeliverable::NoSessionBus {
            detail: detail.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_service_unknown() {
        let reason =
            classify("org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable");
        assert!(matches!(reason, Undeliverable::NoService { .. }));
    }

    #[test]
    fn classify_failed_activation() {
        let reason = classify(
            "org.freedesktop.DBus.Error.Spawn.ChildSignaled: Process org.freedesktop.Notifications received signal 5",
        );
        assert!(matches!(reason, Undeliverable::NoService { .. }));
    }

    #[test]
    fn classify_missing_bus() {
        let reason = classify("I/O error: No such file or directory (os error 2)");
        assert!(matches!(reason, Undeliverable::NoSessionBus { .. }));
    }
}
