//! The About dialog: version, where the settings live, and the licenses of the bundled font and
//! the libraries.

use egui::Ui;

use crate::state::{AppState, UiCommand};

const FONT_LICENSE: &str = include_str!("../../assets/fonts/OFL.txt");

pub fn about_dialog_ui(ctx: &egui::Context, state: &mut AppState) {
    let modal = egui::Modal::new(egui::Id::unique("about_dialog")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(state.tr("about-title"));
        ui.label(state.tr_args("about-version", &[("version", env!("CARGO_PKG_VERSION"))]));
        ui.add_space(8.0);

        section_ui(ui, &state.tr("about-settings-file"), |ui| {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(state.settings_path.display().to_string()).monospace(),
                )
                .selectable(true),
            );
        });
        section_ui(ui, &state.tr("about-font"), |ui| {
            ui.label(state.tr("about-font-text"));
            egui::CollapsingHeader::new(state.tr("about-font-license"))
                .id_salt("font_license")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(180.0)
                        .show(ui, |ui| {
                            ui.add(
                                egui::Label::new(egui::RichText::new(FONT_LICENSE).small())
                                    .selectable(true),
                            );
                        });
                });
        });
        section_ui(ui, &state.tr("about-libraries"), |ui| {
            ui.label(state.tr("about-libraries-text"));
        });

        ui.add_space(8.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            ui.button(state.tr("dialog-close")).clicked()
        })
        .inner
    });
    if modal.inner || modal.should_close() {
        state.emit(UiCommand::CloseDialog);
    }
}

fn section_ui(ui: &mut Ui, title: &str, add_contents: impl FnOnce(&mut Ui)) {
    ui.label(egui::RichText::new(title).strong());
    add_contents(ui);
    ui.add_space(6.0);
}
