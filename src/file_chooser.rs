//! The native save dialog (rfd), with a clear answer when the desktop offers none.
//!
//! On Linux rfd asks the desktop portal over D-Bus and reports a failure the same way as a
//! cancel. So a save dialog is not even tried without a session bus, and a dialog that "was
//! cancelled" faster than a person can react counts as unavailable, so the window can point the
//! user to the path field instead of doing nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Shortest time in which a person can cancel a dialog. A quicker "cancel" means no dialog
/// appeared.
const FASTEST_HUMAN_CANCEL: Duration = Duration::from_millis(300);

/// Result of the save dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Chosen(PathBuf),
    Cancelled,
    /// No file chooser could be shown.
    Unavailable,
}

/// Shows the native save dialog on this thread, starting at `suggested`. Blocks until the user
/// answers: call it from a worker thread.
// NOTE: rfd's blocking dialog works on worker threads on Linux and Windows; macOS requires
// dialogs on the main thread.
pub fn choose_save_path(suggested: &Path, filter: Option<(&str, &[&str])>) -> Choice {
    if !desktop_bus_available() {
        log::warn!("No file chooser: no D-Bus session bus for the desktop portal");
        return Choice::Unavailable;
    }
    let mut dialog = rfd::FileDialog::new();
    if let Some((name, extensions)) = filter {
        dialog = dialog.add_filter(name, extensions);
    }
    if let Some(dir) = suggested.parent().filter(|dir| dir.is_dir()) {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }

    let started = Instant::now();
    match dialog.save_file() {
        Some(path) => Choice::Chosen(path),
        None if started.elapsed() < FASTEST_HUMAN_CANCEL => {
            log::warn!("The file chooser closed at once; treating it as unavailable");
            Choice::Unavailable
        }
        None => Choice::Cancelled,
    }
}

/// Returns whether a D-Bus session bus exists for the desktop portal (always true off Linux).
fn desktop_bus_available() -> bool {
    if !cfg!(all(unix, not(target_os = "macos"))) {
        return true;
    }
    let address_set =
        std::env::var("DBUS_SESSION_BUS_ADDRESS").is_ok_and(|address| !address.trim().is_empty());
    let default_socket = std::env::var_os("XDG_RUNTIME_DIR")
        .map(|dir| PathBuf::from(dir).join("bus"))
        .is_some_and(|socket| socket.exists());
    address_set || default_socket
}
