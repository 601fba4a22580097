//! The left sidebar: the compact/wide toggle at the top, one entry per page, and the gear that
//! opens the settings at the bottom.

use egui::{RichText, Ui, WidgetInfo};

use crate::state::{AppState, Page, UiCommand};

/// Width of the sidebar in points when it shows icons only, and when it also shows labels.
const COMPACT_WIDTH: f32 = 52.0;
const WIDE_WIDTH: f32 = 184.0;

const TOGGLE_ICON: &str = "☰";
const GENERAL_ICON: &str = "🔧";
const SETTINGS_ICON: &str = "⚙";
const LOGS_ICON: &str = "📋";

pub fn sidebar_ui(ui: &mut Ui, state: &mut AppState) {
    let width = if state.sidebar_compact {
        COMPACT_WIDTH
    } else {
        WIDE_WIDTH
    };
    egui::Panel::left("sidebar")
        .resizable(false)
        .exact_size(width)
        .show(ui, |ui| {
            ui.add_space(6.0);
            let toggle_label = if state.sidebar_compact {
                state.tr("sidebar-expand")
            } else {
                state.tr("sidebar-collapse")
            };
            let toggle = ui
                .button(RichText::new(TOGGLE_ICON).size(18.0))
                .on_hover_text(&toggle_label);
            toggle.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &toggle_label));
            if toggle.clicked() {
                state.emit(UiCommand::ToggleSidebar);
            }
            ui.separator();

            for (page, icon, text_id) in [
                (Page::General, GENERAL_ICON, "nav-general"),
                (Page::Logs, LOGS_ICON, "nav-logs"),
            ] {
                let label = state.tr(text_id);
                if nav_entry_ui(ui, state, icon, &label, state.page == page).clicked() {
                    state.emit(UiCommand::ShowPage(page));
                }
            }

            ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                ui.add_space(6.0);
                let label = state.tr("nav-settings");
                if nav_entry_ui(ui, state, SETTINGS_ICON, &label, false).clicked() {
                    state.emit(UiCommand::ShowPage(Page::General));
                }
            });
        });
}

/// Adds a page entry: icon and label when wide, the icon with the label as tooltip when compact.
/// Either way the label is the entry's accessible name.
fn nav_entry_ui(
    ui: &mut Ui,
    state: &AppState,
    icon: &str,
    label: &str,
    selected: bool,
) -> egui::Response {
    let text = if state.sidebar_compact {
        RichText::new(icon).size(18.0)
    } else {
        RichText::new(format!("{icon}  {label}"))
    };
    let response = ui.selectable_label(selected, text);
    response.widget_info(|| WidgetInfo::selected(egui::Role::Button, true, selected, label));
    if state.sidebar_compact {
        response.on_hover_text(label)
    } else {
        response
    }
}
