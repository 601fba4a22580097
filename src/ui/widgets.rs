//! Small widgets shared by the pages: the on/off switch and the option row.

use egui::{Response, Sense, Ui, WidgetInfo};

/// Adds an on/off switch. The switch shows no text, so `label` (the option's title) is its
/// accessible name for screen readers and tests. Space and Enter toggle it when it has focus.
pub fn toggle_switch_ui(ui: &mut Ui, on: &mut bool, enabled: bool, label: &str) -> Response {
    let height = ui.spacing().interact_size.y;
    let size = egui::vec2(2.0 * height, height);
    let sense = if enabled {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, mut response) = ui.allocate_exact_size(size, sense);

    if response.clicked() {
        *on = !*on;
        response.mark_changed();
    }
    let selected = *on;
    response.widget_info(|| WidgetInfo::selected(egui::Role::Switch, enabled, selected, label));

    if ui.is_rect_visible(rect) {
        let progress = ui.ctx().animate_bool_responsive(response.id, selected);
        let visuals = ui.style().interact_selectable(&response, selected);
        let radius = 0.5 * rect.height();
        let track_fill = if selected {
            ui.visuals().selection.bg_fill
        } else {
            visuals.bg_fill
        };
        ui.painter().rect(
            rect,
            radius,
            track_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let knob_x = egui::lerp((rect.left() + radius)..=(rect.right() - radius), progress);
        let knob_center = egui::pos2(knob_x, rect.center().y);
        ui.painter().circle(
            knob_center,
            0.75 * radius,
            visuals.fg_stroke.color,
            egui::Stroke::NONE,
        );
    }
    response
}

/// Adds one option row of a settings page: the title and a one-line description on the left, and
/// the control that `control_ui` adds on the right.
pub fn option_row_ui<R>(
    ui: &mut Ui,
    title: &str,
    description: &str,
    control_ui: impl FnOnce(&mut Ui) -> R,
) -> R {
    let inner = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::Sides::new()
                .shrink_left()
                .show(
                    ui,
                    |ui| {
                        ui.vertical(|ui| {
                            ui.label(egui::RichText::new(title).strong());
                            ui.label(egui::RichText::new(description).weak());
                        });
                    },
                    control_ui,
                )
                .1
        })
        .inner;
    ui.add_space(4.0);
    inner
}

/// Returns a modal dialog whose top edge stays in place, below the top bar, while its content
/// grows or shrinks. egui centres a modal by default, so a row that appears (an error, the
/// *Other path* field) would move every button under the pointer.
pub fn top_anchored_modal(id_salt: &str) -> egui::Modal {
    let id = egui::Id::unique(id_salt);
    egui::Modal::new(id)
        .area(egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, 48.0]))
}

/// Shows a translated message in the error colour, wrapped to the available width.
pub fn error_text_ui(
    ui: &mut Ui,
    state: &crate::state::AppState,
    text_id: &str,
    args: &[(&'static str, String)],
) {
    let color = ui.visuals().error_fg_color;
    let text = state.tr_message(text_id, args);
    ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
}
