//! The General page: one row per local option, each applied the moment it changes.

use egui::Ui;

use super::widgets::{option_row_ui, toggle_switch_ui};
use crate::settings::LanguageChoice;
use crate::state::{AppState, UiCommand};

pub fn general_page_ui(ui: &mut Ui, state: &mut AppState) {
    ui.heading(state.tr("page-general-title"));
    ui.add_space(8.0);

    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            super::connection::connection_section_ui(ui, state);
            desktop_notification_row_ui(ui, state);
            compact_sidebar_row_ui(ui, state);
            language_row_ui(ui, state);

            ui.add_space(8.0);
            let path = state.settings_path.display().to_string();
            ui.label(
                egui::RichText::new(state.tr_args("settings-file-location", &[("path", &path)]))
                    .small()
                    .weak(),
            );
        });
}

fn desktop_notification_row_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("option-desktop-notification");
    let description = state.tr("option-desktop-notification-description");
    let pending = state.notification_check_pending;
    let checking = state.tr("option-desktop-notification-checking");

    // While the check runs the switch shows "on" and cannot be changed.
    let mut on = state.settings.desktop_notification || pending;
    let changed = option_row_ui(ui, &title, &description, |ui| {
        let changed = toggle_switch_ui(ui, &mut on, !pending, &title).changed();
        if pending {
            ui.spinner().on_hover_text(&checking);
            ui.label(egui::RichText::new(&checking).weak());
        }
        changed
    });
    if changed {
        state.emit(UiCommand::SetDesktopNotification(on));
    }
}

fn compact_sidebar_row_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("option-compact-sidebar");
    let description = state.tr("option-compact-sidebar-description");
    let mut on = state.settings.compact_sidebar;
    let changed = option_row_ui(ui, &title, &description, |ui| {
        toggle_switch_ui(ui, &mut on, true, &title).changed()
    });
    if changed {
        state.emit(UiCommand::SetCompactSidebarDefault(on));
    }
}

fn language_row_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("option-language");
    let mut description = state.tr("option-language-description");
    if let Some(language) = state.language_override {
        let name = language_name(state, language);
        description.push('\n');
        description.push_str(&state.tr_args("language-override-note", &[("language", &name)]));
    }

    let current = state.effective_language();
    let mut chosen = current;
    let names: Vec<(LanguageChoice, String)> = LanguageChoice::ALL
        .into_iter()
        .map(|language| (language, language_name(state, language)))
        .collect();
    let selected_name = language_name(state, current);

    option_row_ui(ui, &title, &description, |ui| {
        let combo = egui::ComboBox::from_id_salt("language")
            .selected_text(selected_name)
            .width(140.0)
            .show_ui(ui, |ui| {
                for (language, name) in &names {
                    ui.selectable_value(&mut chosen, *language, name);
                }
            });
        combo
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &title));
    });
    if chosen != current {
        state.emit(UiCommand::SetLanguage(chosen));
    }
}

/// Names each language in itself, so users find theirs whatever the current language is.
fn language_name(state: &AppState, language: LanguageChoice) -> String {
    match language {
        LanguageChoice::Os => state.tr("language-os"),
        LanguageChoice::English => "English".to_owned(),
        LanguageChoice::Korean => "한국어".to_owned(),
    }
}
