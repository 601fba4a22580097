//! The General page: one row per local option, each applied the moment it changes.

use egui::Ui;

use super::widgets::{option_row_ui, toggle_switch_ui};
use crate::account_state::ScriptKind;
use crate::settings::{LanguageChoice, REQUEST_LOG_MAX_ENTRIES_LIMIT};
use crate::state::{AppState, UiCommand};

pub fn general_page_ui(ui: &mut Ui, state: &mut AppState) {
    ui.heading(state.tr("page-general-title"));
    ui.add_space(8.0);

    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            super::connection::connection_section_ui(ui, state);
            account_rows_ui(ui, state);
            desktop_notification_row_ui(ui, state);
            compact_sidebar_row_ui(ui, state);
            language_row_ui(ui, state);
            request_log_cap_row_ui(ui, state);
            super::update_ui::update_check_row_ui(ui, state);
            super::update_ui::auto_logout_row_ui(ui, state);

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

fn request_log_cap_row_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("option-request-log-size");
    let description = state.tr("option-request-log-size-description");
    let saved = state.settings.request_log_max_entries;
    let mut value = state.request_log_cap_draft.unwrap_or(saved);

    let commit = option_row_ui(ui, &title, &description, |ui| {
        let range = crate::request_log::MIN_MAX_ENTRIES..=REQUEST_LOG_MAX_ENTRIES_LIMIT;
        let response = ui.add(egui::DragValue::new(&mut value).range(range).speed(10.0));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, &title));
        // Dragging changes the value every frame; it is saved once, when the drag or edit ends.
        let finished = response.drag_stopped()
            || response.lost_focus()
            || (response.changed() && !response.dragged() && !response.has_focus());
        (response.changed(), finished)
    });
    let (changed, finished) = commit;
    if changed {
        state.request_log_cap_draft = Some(value);
    }
    if finished
        && let Some(draft) = state.request_log_cap_draft.take()
        && draft != saved
    {
        state.emit(UiCommand::SetRequestLogCap(draft));
    }
}

/// Rows whose buttons open the account dialogs; disabled with the reason while signed out.
fn account_rows_ui(ui: &mut Ui, state: &mut AppState) {
    let signed_in = state.is_signed_in();
    let reason = state.tr("needs-sign-in");
    let rows = [
        (
            "option-ssh-keypair",
            "option-ssh-keypair-description",
            "option-ssh-keypair-button",
            UiCommand::OpenSshDialog,
        ),
        (
            "option-dotfiles",
            "option-dotfiles-description",
            "option-dotfiles-button",
            UiCommand::OpenScriptEditor(ScriptKind::Dotfiles),
        ),
        (
            "option-bootstrap",
            "option-bootstrap-description",
            "option-bootstrap-button",
            UiCommand::OpenScriptEditor(ScriptKind::Bootstrap),
        ),
    ];
    for (title_id, description_id, button_id, command) in rows {
        let title = state.tr(title_id);
        let description = state.tr(description_id);
        let button = state.tr(button_id);
        let clicked = option_row_ui(ui, &title, &description, |ui| {
            ui.add_enabled(signed_in, egui::Button::new(&button))
                .on_disabled_hover_text(&reason)
                .clicked()
        });
        if clicked {
            state.emit(command);
        }
    }
}
