//! The request-log worker: a named background thread that reads, clears and exports the request
//! log for the Logs page, so the UI thread never touches the file.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};

use crate::events::{AppEvent, EventSender};
use crate::logs_view::{PreparedLog, export_entries};
use crate::request_log::{RequestLog, RequestLogEntry};

/// Capacity of the command queue: a few clicks' worth. A full queue means the disk is stuck, and
/// further clicks are rejected with a message.
const COMMAND_QUEUE_CAPACITY: usize = 8;

/// Default file name offered by the export dialog.
pub const EXPORT_FILE_NAME: &str = "bai-settings-requests.json";

#[derive(Debug)]
pub enum LogsCommand {
    /// Read the whole log; `refresh` is set when the user asked for it.
    Load { refresh: bool },
    /// Empty the log file for every window.
    Clear,
    /// Show the native save dialog, starting at `suggested`.
    ChooseExportPath { suggested: PathBuf },
    /// Write `entries` to `path` as JSON; an existing file is replaced only with `overwrite`.
    Export {
        entries: Vec<RequestLogEntry>,
        path: PathBuf,
        overwrite: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum LogsEvent {
    Loaded {
        result: Result<PreparedLog, String>,
        refresh: bool,
    },
    Cleared(Result<(), String>),
    /// What the save dialog gave.
    ExportPathChosen(crate::file_chooser::Choice),
    /// The file written.
    Exported(Result<PathBuf, String>),
    /// The file exists; the user must confirm to replace it.
    ExportTargetExists(PathBuf),
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
                result: log
                    .read()
                    .map(PreparedLog::new)
                    .map_err(|error| error.to_string()),
                refresh,
            },
            LogsCommand::Clear => {
                LogsEvent::Cleared(log.clear().map_err(|error| error.to_string()))
            }
            LogsCommand::ChooseExportPath { suggested } => LogsEvent::ExportPathChosen(
                crate::file_chooser::choose_save_path(&suggested, Some(("JSON", &["json"]))),
            ),
            LogsCommand::Export {
                entries,
                path,
                overwrite,
            } => {
                if path.exists() && !overwrite {
                    LogsEvent::ExportTargetExists(path)
                } else {
                    LogsEvent::Exported(
                        export_entries(&path, &entries)
                            .map(|()| path.clone())
                            .map_err(|error| format!("cannot write {}: {error}", path.display())),
                    )
                }
            }
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
