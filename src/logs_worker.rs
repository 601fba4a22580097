//! The request-log worker: a named background thread that reads, clears and exports the request
//! log for the Logs page, so the UI thread never touches the file.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};

use crate::events::{AppEvent, EventSender};
use crate::logs_view::export_entries;
use crate::request_log::{LoadedLog, RequestLog, RequestLogEntry};

/// Capacity of the command queue: a few clicks' worth. A full queue means the disk is stuck, and
/// further clicks are rejected with a message.
const COMMAND_QUEUE_CAPACITY: usize = 8;

/// Default file name offered by the export dialog.
const EXPORT_FILE_NAME: &str = "bai-settings-requests.json";

#[derive(Debug)]
pub enum LogsCommand {
    /// Read the whole log; `refresh` is set when the user asked for it.
    Load { refresh: bool },
    /// Empty the log file for every window.
    Clear,
    /// Ask for a file with the save dialog and write `entries` to it as JSON.
    Export { entries: Vec<RequestLogEntry> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum LogsEvent {
    Loaded {
        result: Result<LoadedLog, String>,
        refresh: bool,
    },
    Cleared(Result<(), String>),
    /// The file written, `None` when the user cancelled the dialog.
    Exported(Result<Option<PathBuf>, String>),
}

/// Handle to the `request-log` thread.
pub struct LogsWorker {
    commands: SyncSender<LogsCommand>,
}

impl LogsWorker {
    pub fn spawn(log: RequestLog, events: EventSender) -> std::io::Result<Self> {
        let (commands, receiver) = std::sync::mpsc::sync_channel(COMMAND_QUEUE_CAPACITY);
        std::thread::Builder::new()
            .name("request-log".to_owned())
            .spawn(move || serve(&receiver, &log, &events))?;
        Ok(Self { commands })
    }

    /// Queues `command`; returns `false` when it could not be queued.
    pub fn try_send(&self, command: LogsCommand) -> bool {
        match self.commands.try_send(command) {
            Ok(()) => true,
            Err(TrySendError::Full(_)) => {
                log::warn!("The request-log worker is busy; rejected a command");
                false
            }
            Err(TrySendError::Disconnected(_)) => {
                log::error!("The request-log worker thread has stopped");
                false
            }
        }
    }
}

fn serve(commands: &Receiver<LogsCommand>, log: &RequestLog, events: &EventSender) {
    while let Ok(command) = commands.recv() {
        let event = match command {
            LogsCommand::Load { refresh } => LogsEvent::Loaded {
                result: log.read().map_err(|error| error.to_string()),
                refresh,
            },
            LogsCommand::Clear => {
                LogsEvent::Cleared(log.clear().map_err(|error| error.to_string()))
            }
            LogsCommand::Export { entries } => LogsEvent::Exported(export(&entries)),
        };
        if let LogsEvent::Loaded {
            result: Err(error), ..
        }
        | LogsEvent::Cleared(Err(error)) = &event
        {
            log::error!("Request log {}: {error}", log.path().display());
        }
        events.send(AppEvent::Logs(event));
    }
}

fn export(entries: &[RequestLogEntry]) -> Result<Option<PathBuf>, String> {
    // NOTE: rfd's blocking dialog runs on this worker thread, which works on Linux and Windows;
    // macOS requires dialogs on the main thread.
    let Some(path) = rfd::FileDialog::new()
        .set_file_name(EXPORT_FILE_NAME)
        .add_filter("JSON", &["json"])
        .save_file()
    else {
        return Ok(None);
    };
    export_entries(&path, entries)
        .map(|()| Some(path.clone()))
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}
