//! bai-settings: a native settings window for Backend.AI users.
//!
//! `main.rs` parses the command line and opens the window; everything else lives here so that
//! integration tests can drive the same code.

pub mod account_state;
pub mod api;
pub mod api_worker;
pub mod app;
pub mod atomic_file;
pub mod auto_logout;
pub mod cli;
pub mod events;
pub mod file_chooser;
pub mod fonts;
pub mod i18n;
pub mod instances;
pub mod logs_view;
pub mod logs_worker;
pub mod messages;
pub mod notifier;
pub mod request_log;
pub mod screenshot;
pub mod scripts;
pub mod settings;
pub mod ssh_keys;
pub mod state;
pub mod time_format;
pub mod ui;
pub mod update_check;
