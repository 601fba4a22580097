//! The General page's rows for the automatic update check and auto logout, and the window that
//! announces a newer release.

use egui::{RichText, Ui};

use super::widgets::{option_row_ui, toggle_switch_ui};
use crate::state::{AppState, UiCommand};
use crate::update_check::CheckOutcome;

pub fn update_check_row_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("option-update-check");
    let mut description = state.tr("option-update-check-description");
    description.push('\n');
    description.push_str(&last_check_text(state));

    let mut on = state.settings.automatic_update_check;
    let available = state.update_checks_available;
    let pending = state.update_check_pending;
    let check_now = state.tr("update-check-now");
    let (changed, clicked) = option_row_ui(ui, &title, &description, |ui| {
        let changed = toggle_switch_ui(ui, &mut on, true, &title).changed();
        let clicked = ui
            .add_enabled(available && !pending, egui::Button::new(&check_now))
            .clicked();
        if pending {
            ui.spinner();
        }
        (changed, clicked)
    });
    if changed {
        state.emit(UiCommand::SetAutomaticUpdateCheck(on));
    }
    if clicked {
        state.emit(UiCommand::CheckForUpdatesNow);
    }
}

/// "Checked at 21:05: up to date", or why the last check failed.
fn last_check_text(state: &AppState) -> String {
    let Some(result) = &state.last_update_check else {
        return if state.update_check_pending {
            state.tr("update-checking")
        } else {
            state.tr("update-never-checked")
        };
    };
    let timestamp = jiff::Timestamp::try_from(result.finished_at)
        .map(|instant| {
            instant
                .to_zoned(state.time_zone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    match &result.outcome {
        Ok(CheckOutcome::UpToDate) => state.tr_args("update-up-to-date", &[("time", &timestamp)]),
        Ok(CheckOutcome::Newer(release)) => state.tr_args(
            "update-newer",
            &[("time", &timestamp), ("version", &release.version)],
        ),
        Err(failure) => {
            let (text_id, args) = failure.message();
            let reason = state.tr_message(text_id, &args);
            state.tr_args(
                "update-failed",
                &[("time", &timestamp), ("reason", &reason)],
            )
        }
    }
}

pub fn auto_logout_row_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("option-auto-logout");
    let description = state.tr("option-auto-logout-description");
    let mut on = state.settings.auto_logout;
    let changed = option_row_ui(ui, &title, &description, |ui| {
        toggle_switch_ui(ui, &mut on, true, &title).changed()
    });
    if changed {
        state.emit(UiCommand::SetAutoLogout(on));
    }
}

pub fn update_available_dialog_ui(ctx: &egui::Context, state: &mut AppState) {
    let Some(release) = state.available_release.clone() else {
        state.emit(UiCommand::RemindLater);
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("update_dialog")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(state.tr("update-available-title"));
        ui.label(state.tr_args(
            "update-available-text",
            &[
                ("version", &release.version),
                ("current", env!("CARGO_PKG_VERSION")),
            ],
        ));
        ui.add_space(8.0);
        if ui
            .link(RichText::new(state.tr("update-open-page")))
            .clicked()
        {
            state.emit(UiCommand::OpenUrl(release.page_url.clone()));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(state.tr("update-remind-later")).clicked() {
                state.emit(UiCommand::RemindLater);
            }
            if ui.button(state.tr("update-skip-version")).clicked() {
                state.emit(UiCommand::SkipUpdateVersion(release.version.clone()));
            }
        });
    });
    if modal.should_close() {
        state.emit(UiCommand::RemindLater);
    }
}
