//! The top bar: the window's title on the left and the person menu on the right.

use egui::{RichText, Ui, WidgetInfo};

use crate::state::{AppState, ConnectionStatus, Dialog, Page, UiCommand};

const PERSON_ICON: &str = "👤";

pub fn top_bar_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("app-title");
    egui::Panel::top("top_bar").show(ui, |ui| {
        egui::Sides::new().show(
            ui,
            |ui| {
                ui.heading(title);
            },
            |ui| {
                let account_label = state.tr("account-menu");
                let menu = ui.menu_button(RichText::new(PERSON_ICON).size(18.0), |ui| {
                    account_items_ui(ui, state);
                    ui.separator();
                    if ui.button(state.tr("menu-preferences")).clicked() {
                        state.emit(UiCommand::ShowPage(Page::General));
                        ui.close();
                    }
                    if ui.button(format!("{}…", state.tr("menu-about"))).clicked() {
                        state.emit(UiCommand::OpenDialog(Dialog::About));
                        ui.close();
                    }
                });
                menu.response
                    .widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &account_label));
                menu.response.on_hover_text(account_label);
            },
        );
    });
}

/// Who is signed in, with *Sign out*; or *Sign in…* when nobody is.
fn account_items_ui(ui: &mut Ui, state: &mut AppState) {
    match &state.connection {
        ConnectionStatus::SignedIn(signed_in) => {
            ui.label(RichText::new(&signed_in.identity).strong());
            ui.label(RichText::new(&signed_in.endpoint).weak().small());
            if ui.button(state.tr("sign-out-button")).clicked() {
                state.emit(UiCommand::SignOut);
                ui.close();
            }
        }
        ConnectionStatus::Connecting { .. } => {
            ui.label(state.tr("menu-connecting"));
        }
        ConnectionStatus::SignedOut | ConnectionStatus::Failed { .. } => {
            ui.label(RichText::new(state.tr("menu-not-signed-in")).weak());
            if ui.button(state.tr("sign-in-button")).clicked() {
                state.emit(UiCommand::OpenDialog(Dialog::SignIn));
                ui.close();
            }
        }
    }
}
