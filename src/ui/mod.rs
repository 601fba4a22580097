//! Drawing: one function per panel or dialog, each reading [`AppState`] and emitting
//! [`crate::state::UiCommand`]s. Nothing here does I/O or changes state directly.

mod about_dialog;
mod connection;
mod general_page;
pub mod ime;
mod logs_page;
mod message_area;
mod script_editor;
mod sidebar;
mod sign_in_dialog;
mod ssh_dialog;
mod top_bar;
mod update_ui;
pub mod widgets;

pub use connection::source_name;
pub use logs_page::format_time;

use crate::state::{AppState, Dialog, Page};

/// Draws the whole window for one frame.
pub fn root_ui(ui: &mut egui::Ui, state: &mut AppState) {
    top_bar::top_bar_ui(ui, state);
    sidebar::sidebar_ui(ui, state);
    egui::CentralPanel::default().show(ui, |ui| {
        page_tabs_ui(ui, state);
        match state.page {
            Page::General => general_page::general_page_ui(ui, state),
            Page::Logs => logs_page::logs_page_ui(ui, state),
        }
    });

    let ctx = ui.ctx().clone();
    // Messages go below dialogs: an open dialog shows its own errors, and a message area on top
    // of a modal dialog would take the dialog's clicks.
    message_area::message_area_ui(&ctx, state);
    match state.dialog {
        Some(Dialog::About) => about_dialog::about_dialog_ui(&ctx, state),
        Some(Dialog::SignIn) => sign_in_dialog::sign_in_dialog_ui(&ctx, state),
        Some(Dialog::ClearLogs) => logs_page::clear_logs_dialog_ui(&ctx, state),
        Some(Dialog::SshKeypair) => ssh_dialog::ssh_dialog_ui(&ctx, state),
        Some(Dialog::ScriptEditor) => script_editor::script_editor_ui(&ctx, state),
        Some(Dialog::UpdateAvailable) => update_ui::update_available_dialog_ui(&ctx, state),
        Some(Dialog::ExportLogs) => logs_page::export_dialog_ui(&ctx, state),
        None => {}
    }
}

/// The settings' tabs: *General* and *Logs*.
fn page_tabs_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        for (page, text_id) in [(Page::General, "nav-general"), (Page::Logs, "nav-logs")] {
            let label = state.tr(text_id);
            let selected = state.page == page;
            let tab = ui.selectable_label(selected, egui::RichText::new(&label).strong());
            tab.widget_info(|| egui::WidgetInfo::selected(egui::Role::Tab, true, selected, &label));
            if tab.clicked() {
                state.emit(crate::state::UiCommand::ShowPage(page));
            }
        }
    });
    ui.separator();
}
