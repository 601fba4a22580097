//! Drawing: one function per panel or dialog, each reading [`AppState`] and emitting
//! [`crate::state::UiCommand`]s. Nothing here does I/O or changes state directly.

mod about_dialog;
mod connection;
mod general_page;
mod message_area;
mod sidebar;
mod sign_in_dialog;
mod top_bar;
pub mod widgets;

pub use connection::source_name;

use crate::state::{AppState, Dialog, Page};

/// Draws the whole window for one frame.
pub fn root_ui(ui: &mut egui::Ui, state: &mut AppState) {
    top_bar::top_bar_ui(ui, state);
    sidebar::sidebar_ui(ui, state);
    egui::CentralPanel::default().show(ui, |ui| match state.page {
        Page::General => general_page::general_page_ui(ui, state),
    });

    let ctx = ui.ctx().clone();
    match state.dialog {
        Some(Dialog::About) => about_dialog::about_dialog_ui(&ctx, state),
        Some(Dialog::SignIn) => sign_in_dialog::sign_in_dialog_ui(&ctx, state),
        None => {}
    }
    message_area::message_area_ui(&ctx, state);
}
