//! The Logs page: every request the app sent to the Backend.AI server, newest first, with search,
//! an *Errors only* switch, a details panel, refresh, export and clear.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::logs_view::{EntryLabels, entry_as_text};
use crate::request_log::RequestLogEntry;
use crate::state::{AppState, Dialog, UiCommand};

/// Height of a table row in points.
const ROW_HEIGHT: f32 = 20.0;

pub fn logs_page_ui(ui: &mut Ui, state: &mut AppState) {
    state.logs.refresh_filter();
    toolbar_ui(ui, state);
    ui.add_space(4.0);

    if state.logs.corrupt_lines > 0 {
        let count = state.logs.corrupt_lines.to_string();
        ui.label(
            RichText::new(state.tr_args("logs-corrupt-lines", &[("count", &count)]))
                .small()
                .color(ui.visuals().warn_fg_color),
        );
    }

    if !state.logs.loaded {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(state.tr("logs-loading"));
        });
        return;
    }
    if state.logs.is_empty() {
        empty_state_ui(ui, &state.tr("logs-empty"));
        return;
    }
    if state.logs.visible().is_empty() {
        empty_state_ui(ui, &state.tr("logs-no-match"));
        return;
    }

    if let Some(index) = state.logs.selected
        && let Some(entry) = state.logs.entry(index).cloned()
    {
        egui::Panel::bottom("log_details")
            .resizable(true)
            .default_size(220.0)
            .show(ui, |ui| details_ui(ui, state, &entry));
    }
    // Columns dragged wider than the page scroll sideways, and the table stays inside the space
    // above the details panel.
    let table_rect = ui.available_rect_before_wrap();
    ui.scope_builder(egui::UiBuilder::new().max_rect(table_rect), |ui| {
        ui.set_clip_rect(table_rect);
        egui::ScrollArea::horizontal()
            .auto_shrink(false)
            .show(ui, |ui| table_ui(ui, state));
    });
}

fn empty_state_ui(ui: &mut Ui, text: &str) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("📋").size(32.0).weak());
        ui.label(RichText::new(text).weak());
    });
}

fn toolbar_ui(ui: &mut Ui, state: &mut AppState) {
    let search_label = state.tr("logs-search");
    let errors_only_label = state.tr("logs-errors-only");
    ui.horizontal_wrapped(|ui| {
        let search = ui.add(
            egui::TextEdit::singleline(&mut state.logs.search)
                .hint_text(&search_label)
                .desired_width(220.0),
        );
        search.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::SearchInput, true, &search_label)
        });
        ui.checkbox(&mut state.logs.errors_only, errors_only_label);

        ui.separator();
        let shown = state.logs.visible().len().to_string();
        let stored = state.logs.len().to_string();
        ui.label(state.tr_args("logs-count", &[("shown", &shown), ("stored", &stored)]));
        let cap = state.settings.request_log_max_entries.to_string();
        ui.label(RichText::new(state.tr_args("logs-cap", &[("max", &cap)])).weak());
    });
    ui.horizontal(|ui| {
        let idle = !state.logs.busy;
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("logs-refresh")))
            .clicked()
        {
            state.emit(UiCommand::RefreshLogs);
        }
        let has_rows = !state.logs.visible().is_empty();
        if ui
            .add_enabled(idle && has_rows, egui::Button::new(state.tr("logs-export")))
            .clicked()
        {
            state.emit(UiCommand::OpenDialog(Dialog::ExportLogs));
        }
        if ui
            .add_enabled(
                idle && !state.logs.is_empty(),
                egui::Button::new(state.tr("logs-clear")),
            )
            .clicked()
        {
            state.emit(UiCommand::OpenDialog(Dialog::ClearLogs));
        }
        if state.logs.busy {
            ui.spinner();
        }
    });
}

fn table_ui(ui: &mut Ui, state: &mut AppState) {
    if let Some(index) = rows_table_ui(ui, state) {
        state.logs.selected = if state.logs.selected == Some(index) {
            None
        } else {
            Some(index)
        };
    }
}

/// Draws the virtualised table of the visible entries and returns the index of a clicked row.
/// It only borrows the state, because copying 100,000 row indices every frame showed up in the
/// frame-cost benchmark.
fn rows_table_ui(ui: &mut Ui, state: &AppState) -> Option<usize> {
    let headers = [
        state.tr("logs-column-time"),
        state.tr("logs-column-status"),
        state.tr("logs-column-method"),
        state.tr("logs-column-url"),
        state.tr("logs-column-error-title"),
        state.tr("logs-column-error-message"),
        state.tr("logs-column-duration"),
    ];
    let no_response = state.tr("logs-no-response");
    let error_color = ui.visuals().error_fg_color;
    let visible = state.logs.visible();
    let mut clicked = None;

    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        // Initial widths fit the default window; every column can be dragged wider.
        .column(Column::initial(125.0).at_least(60.0).clip(true))
        .column(Column::initial(70.0).at_least(40.0).clip(true))
        .column(Column::initial(50.0).at_least(40.0).clip(true))
        .column(Column::initial(210.0).at_least(60.0).clip(true))
        .column(Column::initial(95.0).at_least(40.0).clip(true))
        .column(Column::initial(105.0).at_least(40.0).clip(true))
        .column(Column::remainder().at_least(55.0).clip(true))
        .header(ROW_HEIGHT, |mut header| {
            for title in &headers {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, visible.len(), |mut row| {
                let index = visible[row.index()];
                let Some(entry) = state.logs.entry(index) else {
                    return;
                };
                let selected = state.logs.selected == Some(index);
                row.set_selected(selected);
                // A selected row takes the selection's text colour: red on the selection's blue is
                // hard to read.
                let color = (entry.is_error && !selected).then_some(error_color);
                let (local, utc) = format_time(&entry.timestamp, &state.time_zone);
                let status = match entry.status {
                    Some(status) => format!("{status} {}", entry.status_text),
                    None => no_response.clone(),
                };
                let cells = [
                    local,
                    status,
                    entry.method.clone(),
                    entry.url.clone(),
                    entry.error_title.clone().unwrap_or_default(),
                    entry.error_message.clone().unwrap_or_default(),
                    format!("{} ms", entry.duration_ms),
                ];
                for (column, text) in cells.into_iter().enumerate() {
                    row.col(|ui| {
                        let mut rich = RichText::new(&text);
                        if let Some(color) = color {
                            rich = rich.color(color);
                        }
                        // A truncated label shows its whole text on hover by itself; the time
                        // adds the full UTC timestamp.
                        let response = ui.add(egui::Label::new(rich).truncate().selectable(false));
                        if column == 0 {
                            response.on_hover_text(&utc);
                        }
                    });
                }
                if row.response().clicked() {
                    clicked = Some(index);
                }
            });
        });
    clicked
}

/// The detail field names in the active language.
fn entry_labels(state: &AppState) -> EntryLabels {
    EntryLabels {
        time: state.tr("logs-field-time"),
        request: state.tr("logs-field-request"),
        status: state.tr("logs-column-status"),
        no_response: state.tr("logs-no-response"),
        duration: state.tr("logs-column-duration"),
        error_type: state.tr("logs-field-error-type"),
        error_title: state.tr("logs-column-error-title"),
        error_message: state.tr("logs-column-error-message"),
        parameters: state.tr("logs-field-parameters"),
    }
}

fn details_ui(ui: &mut Ui, state: &mut AppState, entry: &RequestLogEntry) {
    let text = entry_as_text(entry, &entry_labels(state));
    ui.horizontal(|ui| {
        ui.strong(state.tr("logs-details"));
        if ui.button(state.tr("logs-copy-as-text")).clicked() {
            state.emit(UiCommand::CopyText(text.clone()));
        }
        if ui.button(state.tr("logs-close-details")).clicked() {
            state.logs.selected = None;
        }
    });
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(&text).monospace()).selectable(true));
        });
}

/// Formats an RFC 3339 UTC timestamp in `time_zone` as `YYYY-MM-DD HH:MM:SS`, and the full UTC
/// form for the tooltip. An unparsable timestamp is shown as it is.
pub fn format_time(timestamp: &str, time_zone: &jiff::tz::TimeZone) -> (String, String) {
    match timestamp.parse::<jiff::Timestamp>() {
        Ok(instant) => {
            let local = instant
                .to_zoned(time_zone.clone())
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string();
            (local, format!("{timestamp} (UTC)"))
        }
        Err(_) => (timestamp.to_owned(), timestamp.to_owned()),
    }
}

pub fn clear_logs_dialog_ui(ctx: &egui::Context, state: &mut AppState) {
    let count = state.logs.len().to_string();
    let modal = egui::Modal::new(egui::Id::unique("clear_logs_dialog")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading(state.tr("logs-clear-title"));
        ui.label(state.tr_args("logs-clear-question", &[("count", &count)]));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(state.tr("logs-clear-confirm")).clicked() {
                state.emit(UiCommand::ClearLogs);
            }
            ui.button(state.tr("dialog-cancel")).clicked()
        })
        .inner
    });
    if modal.inner || modal.should_close() {
        state.emit(UiCommand::CloseDialog);
    }
}

pub fn export_dialog_ui(ctx: &egui::Context, state: &mut AppState) {
    let count = state.logs.visible().len().to_string();
    let path_label = state.tr("logs-export-path");
    let modal = egui::Modal::new(egui::Id::unique("export_logs_dialog")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(state.tr("logs-export-title"));
        ui.label(state.tr_args("logs-export-question", &[("count", &count)]));
        let idle = !state.logs.busy;
        ui.horizontal(|ui| {
            let label = ui.label(&path_label);
            ui.add(egui::TextEdit::singleline(&mut state.logs.export_path).desired_width(320.0))
                .labelled_by(label.id);
            if ui
                .add_enabled(idle, egui::Button::new(state.tr("ssh-choose-file")))
                .clicked()
            {
                state.emit(UiCommand::ChooseExportPath);
            }
        });
        ui.add_space(8.0);
        if state.logs.export_confirm_overwrite {
            let path = state.logs.export_path.clone();
            ui.label(
                RichText::new(state.tr_args("ssh-confirm-overwrite", &[("path", &path)]))
                    .color(ui.visuals().warn_fg_color),
            );
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(idle, egui::Button::new(state.tr("ssh-overwrite")))
                    .clicked()
                {
                    state.emit(UiCommand::ExportLogs { overwrite: true });
                }
                ui.button(state.tr("dialog-cancel")).clicked()
            })
            .inner
        } else {
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(idle, egui::Button::new(state.tr("logs-export-confirm")))
                    .clicked()
                {
                    state.emit(UiCommand::ExportLogs { overwrite: false });
                }
                ui.button(state.tr("dialog-cancel")).clicked()
            })
            .inner
        }
    });
    if modal.inner || modal.should_close() {
        state.logs.export_confirm_overwrite = false;
        state.emit(UiCommand::CloseDialog);
    }
}
