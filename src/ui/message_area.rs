//! The in-window notification area in the bottom right corner.

use egui::{RichText, WidgetInfo};

use crate::messages::MessageKind;
use crate::state::{AppState, UiCommand};

/// Width of the message area in points. It is fixed: an area whose width follows its wrapping
/// text changes size from frame to frame, and egui then discards those frames with their clicks.
const MESSAGE_WIDTH: f32 = 380.0;

pub fn message_area_ui(ctx: &egui::Context, state: &mut AppState) {
    if state.messages.is_empty() {
        return;
    }
    let dismiss_label = state.tr("toast-dismiss");
    let mut dismissed = Vec::new();

    egui::Area::new(egui::Id::unique("message_area"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -12.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_width(MESSAGE_WIDTH);
            for message in state.messages.iter() {
                let visuals = ui.visuals();
                let (icon, color) = match message.kind {
                    MessageKind::Progress => ("…", visuals.text_color()),
                    MessageKind::Info => ("ℹ", visuals.text_color()),
                    MessageKind::Success => ("✔", visuals.text_color()),
                    MessageKind::Warning => ("⚠", visuals.warn_fg_color),
                    MessageKind::Error => ("⚠", visuals.error_fg_color),
                };
                let text = state.i18n.tr_args(message.text_id, &message.arg_refs());
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(icon).color(color));
                        let close = ui.small_button("🗙").on_hover_text(&dismiss_label);
                        close.widget_info(|| {
                            WidgetInfo::labeled(egui::Role::Button, true, &dismiss_label)
                        });
                        if close.clicked() {
                            dismissed.push(message.id);
                        }
                        ui.add(egui::Label::new(RichText::new(text).color(color)).wrap());
                    });
                });
                ui.add_space(4.0);
            }
        });

    for id in dismissed {
        state.emit(UiCommand::DismissMessage(id));
    }
}
