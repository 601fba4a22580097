//! The script editor: dotfiles (`.bashrc`, `.zshrc`, …) or the bootstrap script, with line
//! numbers, the size and the space left, and questions before anything typed could be lost.

use egui::{RichText, Ui};

use super::widgets::error_text_ui;
use crate::account_state::{AfterUnsaved, ScriptConfirm, ScriptEditor, ScriptKind, ScriptPending};
use crate::scripts::{MAX_PACKED_BYTES, MAX_SCRIPT_CHARS, packed_size_with, validate_path};
use crate::state::{AppState, UiCommand};

/// Width of the line-number gutter, in points.
const GUTTER_WIDTH: f32 = 44.0;

/// Space between the line numbers and the text, in points.
const GUTTER_PADDING: f32 = 6.0;

pub fn script_editor_ui(ctx: &egui::Context, state: &mut AppState) {
    let Some(mut editor) = state.script_editor.take() else {
        return;
    };
    let modal = super::widgets::top_anchored_modal("script_editor").show(ctx, |ui| {
        ui.set_width(760.0);
        let title = match editor.kind {
            ScriptKind::Dotfiles => state.tr("scripts-title-dotfiles"),
            ScriptKind::Bootstrap => state.tr("scripts-title-bootstrap"),
        };
        ui.heading(title);
        ui.add_space(4.0);

        if editor.kind == ScriptKind::Dotfiles {
            file_chooser_ui(ui, state, &mut editor);
        } else {
            ui.label(RichText::new(state.tr("scripts-bootstrap-description")).weak());
        }
        if let Some(error) = &editor.load_error {
            let (text_id, args) = error.message();
            error_text_ui(ui, state, text_id, &args);
        }
        if editor.pending == Some(ScriptPending::Loading) {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(state.tr("scripts-loading"));
            });
            return;
        }

        status_line_ui(ui, state, &editor);
        text_area_ui(ui, state, &mut editor);
        if let Some((text_id, args)) = &editor.problem {
            error_text_ui(ui, state, text_id, args);
        }
        if editor.newline_added {
            ui.label(RichText::new(state.tr("scripts-newline-added")).weak());
        }
        ui.add_space(6.0);
        match editor.confirm.clone() {
            Some(confirm) => confirm_ui(ui, state, &editor, &confirm),
            None => buttons_ui(ui, state, &editor),
        }
    });
    if modal.should_close() && editor.pending.is_none() && editor.confirm.is_none() {
        state.emit(UiCommand::ScriptRequestClose);
    }
    state.script_editor = Some(editor);
}

fn file_chooser_ui(ui: &mut Ui, state: &mut AppState, editor: &mut ScriptEditor) {
    let file_label = state.tr("scripts-file");
    let other_label = state.tr("scripts-other-path");
    ui.horizontal(|ui| {
        ui.label(&file_label);
        let combo = egui::ComboBox::from_id_salt("dotfile_choice")
            .selected_text(&editor.path)
            .width(220.0)
            .show_ui(ui, |ui| {
                for path in editor.choices() {
                    let exists = editor.dotfiles.iter().any(|dotfile| dotfile.path == path);
                    let text = if exists {
                        path.clone()
                    } else {
                        format!("{path}  ·  {}", state.tr("scripts-new-file"))
                    };
                    if ui.selectable_label(path == editor.path, text).clicked()
                        && path != editor.path
                    {
                        state.emit(UiCommand::ScriptSwitchTo(path));
                    }
                }
                if ui
                    .selectable_label(false, format!("{other_label}…"))
                    .clicked()
                {
                    editor.other_path = Some(String::new());
                }
            });
        combo
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &file_label));
    });

    let mut chosen = None;
    let mut cancelled = false;
    if let Some(other_path) = &mut editor.other_path {
        ui.horizontal(|ui| {
            let label = ui.label(&other_label);
            let field = ui
                .add(
                    egui::TextEdit::singleline(other_path)
                        .hint_text(".config/starship.toml")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            let entered =
                field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if ui.button(state.tr("scripts-open")).clicked() || entered {
                chosen = Some(other_path.trim().to_owned());
            }
            if ui.button(state.tr("dialog-cancel")).clicked() {
                cancelled = true;
            }
        });
    }
    if let Some(path) = chosen {
        match validate_path(&path) {
            Ok(()) => {
                editor.other_path = None;
                editor.other_path_problem = None;
                state.emit(UiCommand::ScriptSwitchTo(path));
            }
            Err(problem) => editor.other_path_problem = Some(problem),
        }
    }
    if cancelled {
        editor.other_path = None;
        editor.other_path_problem = None;
    }
    if let Some(problem) = editor.other_path_problem {
        error_text_ui(ui, state, problem.message_id(), &[]);
    }
}

/// Size of the text and the space left for dotfiles.
fn status_line_ui(ui: &mut Ui, state: &AppState, editor: &ScriptEditor) {
    let chars = editor.text.chars().count();
    let mut parts = vec![state.tr_args(
        "scripts-size",
        &[
            ("chars", &chars.to_string()),
            ("max", &MAX_SCRIPT_CHARS.to_string()),
        ],
    )];
    if editor.kind == ScriptKind::Dotfiles {
        let used = packed_size_with(&editor.dotfiles, &editor.path, &editor.text);
        let left = MAX_PACKED_BYTES.saturating_sub(used);
        let count = editor.dotfiles.len().to_string();
        parts.push(state.tr_args(
            "scripts-space-left",
            &[("bytes", &left.to_string()), ("count", &count)],
        ));
    }
    if editor.is_dirty() {
        parts.push(state.tr("scripts-unsaved"));
    }
    ui.label(RichText::new(parts.join("  ·  ")).small().weak());
}

fn text_area_ui(ui: &mut Ui, state: &AppState, editor: &mut ScriptEditor) {
    let editable = editor.pending.is_none() && editor.confirm.is_none();
    let label = state.tr("scripts-editor");

    egui::ScrollArea::vertical()
        .max_height(360.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                let gutter_right = ui.cursor().min.x + GUTTER_WIDTH - GUTTER_PADDING;
                ui.add_space(GUTTER_WIDTH);
                let output = ui
                    .add_enabled_ui(editable, |ui| {
                        egui::TextEdit::multiline(&mut editor.text)
                            .code_editor()
                            .desired_rows(18)
                            .desired_width(f32::INFINITY)
                            .lock_focus(true)
                            .show(ui)
                    })
                    .inner;
                paint_line_numbers(ui, gutter_right, &output.galley, output.galley_pos);
                // A problem or note from the last save is about the text before this edit.
                if output.response.changed() {
                    editor.problem = None;
                    editor.newline_added = false;
                }
                output.response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, editable, &label)
                });
            });
        });
}

/// Paints the number of each line beside the first screen row of that line, so a long line that
/// wraps onto several rows keeps one number. Only rows inside the visible area are painted.
fn paint_line_numbers(ui: &Ui, right_x: f32, galley: &egui::Galley, galley_pos: egui::Pos2) {
    let font = egui::TextStyle::Monospace.resolve(ui.style());
    let color = ui.visuals().weak_text_color();
    let painter = ui.painter();
    for (line, top) in visible_line_starts(galley, galley_pos, ui.clip_rect()) {
        painter.text(
            egui::pos2(right_x, top),
            egui::Align2::RIGHT_TOP,
            line.to_string(),
            font.clone(),
            color,
        );
    }
}

/// Returns the number (from 1) and screen top of each line whose first row lies in `visible`.
/// A line that wraps has rows after its first one that start no line.
fn visible_line_starts(
    galley: &egui::Galley,
    galley_pos: egui::Pos2,
    visible: egui::Rect,
) -> Vec<(usize, f32)> {
    let mut starts = Vec::new();
    let mut line = 1;
    let mut starts_line = true;
    for row in &galley.rows {
        let rect = row.rect().translate(galley_pos.to_vec2());
        if rect.min.y > visible.max.y {
            break;
        }
        if starts_line && rect.max.y >= visible.min.y {
            starts.push((line, rect.min.y));
        }
        starts_line = row.ends_with_newline;
        if starts_line {
            line += 1;
        }
    }
    starts
}

fn buttons_ui(ui: &mut Ui, state: &mut AppState, editor: &ScriptEditor) {
    let idle = editor.pending.is_none();
    let save_shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
    let pressed_save = idle && ui.input_mut(|input| input.consume_shortcut(&save_shortcut));
    ui.horizontal(|ui| {
        let save = ui
            .add_enabled(idle, egui::Button::new(state.tr("scripts-save")))
            .on_hover_text(ui.ctx().format_shortcut(&save_shortcut));
        if save.clicked() || pressed_save {
            state.emit(UiCommand::ScriptSave { then: None });
        }
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("scripts-save-close")))
            .clicked()
        {
            state.emit(UiCommand::ScriptSave {
                then: Some(AfterUnsaved::CloseEditor),
            });
        }
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("scripts-delete")))
            .clicked()
        {
            state.emit(UiCommand::ScriptDelete { confirmed: false });
        }
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("dialog-cancel")))
            .clicked()
        {
            state.emit(UiCommand::ScriptRequestClose);
        }
        if let Some(pending) = &editor.pending {
            ui.spinner();
            let text_id = match pending {
                ScriptPending::Deleting => "scripts-deleting",
                _ => "scripts-saving",
            };
            ui.label(state.tr(text_id));
        }
    });
    ui.label(
        RichText::new(state.tr("scripts-applies-later"))
            .small()
            .weak(),
    );
}

fn confirm_ui(ui: &mut Ui, state: &mut AppState, editor: &ScriptEditor, confirm: &ScriptConfirm) {
    let name = match editor.kind {
        ScriptKind::Dotfiles => editor.path.clone(),
        ScriptKind::Bootstrap => state.tr("scripts-bootstrap-name"),
    };
    let warn = ui.visuals().warn_fg_color;
    match confirm {
        ScriptConfirm::Unsaved(after) => {
            ui.label(
                RichText::new(state.tr_args("scripts-unsaved-question", &[("name", &name)]))
                    .color(warn),
            );
            ui.horizontal(|ui| {
                if ui.button(state.tr("scripts-save")).clicked() {
                    state.emit(UiCommand::ScriptSave {
                        then: Some(after.clone()),
                    });
                }
                if ui.button(state.tr("scripts-discard")).clicked() {
                    state.emit(UiCommand::ScriptDiscard(after.clone()));
                }
                if ui.button(state.tr("dialog-cancel")).clicked() {
                    state.emit(UiCommand::ScriptCancelConfirm);
                }
            });
        }
        ScriptConfirm::Delete => {
            let text_id = match editor.kind {
                ScriptKind::Dotfiles => "scripts-delete-question",
                ScriptKind::Bootstrap => "scripts-delete-bootstrap-question",
            };
            ui.label(RichText::new(state.tr_args(text_id, &[("name", &name)])).color(warn));
            ui.horizontal(|ui| {
                if ui.button(state.tr("scripts-delete")).clicked() {
                    state.emit(UiCommand::ScriptDelete { confirmed: true });
                }
                if ui.button(state.tr("dialog-cancel")).clicked() {
                    state.emit(UiCommand::ScriptCancelConfirm);
                }
            });
        }
        ScriptConfirm::EmptyOffersDelete => {
            ui.label(
                RichText::new(state.tr_args("scripts-empty-offer-delete", &[("name", &name)]))
                    .color(warn),
            );
            ui.horizontal(|ui| {
                if ui.button(state.tr("scripts-delete")).clicked() {
                    state.emit(UiCommand::ScriptDelete { confirmed: true });
                }
                if ui.button(state.tr("dialog-cancel")).clicked() {
                    state.emit(UiCommand::ScriptCancelConfirm);
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lays out `text` in the monospace font, wrapped at `wrap_width` points.
    fn galley(text: &str, wrap_width: f32) -> std::sync::Arc<egui::Galley> {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        // No renderer takes the font atlas here, and epaint asserts that someone does.
        output.textures_delta.clear();
        ctx.fonts_mut(|fonts| {
            fonts.layout(
                text.to_owned(),
                egui::FontId::monospace(12.0),
                egui::Color32::WHITE,
                wrap_width,
            )
        })
    }

    #[test]
    fn wrapped_line_keeps_one_number() {
        let long_line = "x".repeat(200);
        let galley = galley(&format!("a\n{long_line}\nb"), 300.0);
        assert!(galley.rows.len() > 3, "the long line wraps");

        let everything = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1e4, 1e4));
        let starts = visible_line_starts(&galley, egui::Pos2::ZERO, everything);

        let numbers: Vec<usize> = starts.iter().map(|(line, _)| *line).collect();
        assert_eq!(numbers, [1, 2, 3]);
        let last_row_top = galley.rows.last().map(|row| row.rect().min.y);
        assert_eq!(starts.last().map(|(_, top)| *top), last_row_top);
    }

    #[test]
    fn only_visible_lines_are_listed() {
        let text: String = (1..=100).map(|line| format!("line {line}\n")).collect();
        let galley = galley(&text, 1e4);
        let row_height = galley.rows[0].rect().height();

        let visible = egui::Rect::from_min_max(
            egui::pos2(0.0, row_height * 10.5),
            egui::pos2(100.0, row_height * 20.5),
        );
        let starts = visible_line_starts(&galley, egui::Pos2::ZERO, visible);

        let numbers: Vec<usize> = starts.iter().map(|(line, _)| *line).collect();
        assert_eq!(numbers, (11..=21).collect::<Vec<_>>());
    }
}
