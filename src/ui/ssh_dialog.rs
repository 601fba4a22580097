//! The SSH keypair dialog: the stored public key with its fingerprint, generating a new keypair on
//! the server or on this computer, entering one by hand, and keeping the private key that is shown
//! only once.

use egui::{RichText, Ui};

use super::widgets::error_text_ui;
use crate::account_state::{CreatedKeypair, SshDialog, SshStep};
use crate::api_worker::{KeypairFailure, PrivateKeySaveFailure};
use crate::ssh_keys::{KeyAlgorithm, PublicKeyInfo};
use crate::state::{AppState, UiCommand};

pub fn ssh_dialog_ui(ctx: &egui::Context, state: &mut AppState) {
    let Some(mut dialog) = state.ssh_dialog.take() else {
        return;
    };
    let modal = super::widgets::top_anchored_modal("ssh_dialog").show(ctx, |ui| {
        ui.set_width(620.0);
        ui.heading(state.tr("ssh-title"));
        ui.add_space(6.0);
        let stored_fingerprint = dialog
            .stored
            .as_ref()
            .and_then(|stored| stored.info.as_ref().ok())
            .map(|info| info.fingerprint.clone());
        match &mut dialog.step {
            SshStep::Overview => overview_ui(ui, state, &dialog),
            SshStep::ConfirmGenerate => confirm_generate_ui(ui, state, &dialog),
            SshStep::ChooseWhere { local, algorithm } => {
                choose_where_ui(ui, state, local, algorithm, dialog.pending);
            }
            SshStep::Manual {
                public_key,
                private_key,
                problem,
            } => {
                manual_ui(
                    ui,
                    state,
                    ManualEntry {
                        public_key,
                        private_key,
                        problem,
                        replaces: stored_fingerprint.as_deref(),
                    },
                    dialog.pending,
                );
            }
            SshStep::Created(created) => created_ui(ui, state, created),
        }
        error_ui(ui, state, dialog.error.as_ref());
    });
    if modal.should_close() && !dialog.pending {
        state.emit(UiCommand::SshClose { force: false });
    }
    state.ssh_dialog = Some(dialog);
}

fn key_info_ui(ui: &mut Ui, state: &AppState, info: &PublicKeyInfo) {
    let bits = info.bits.map(|bits| format!(" {bits}")).unwrap_or_default();
    let kind = format!("{}{bits}", info.algorithm);
    ui.label(state.tr_args("ssh-key-type", &[("type", &kind)]));
    ui.add(egui::Label::new(RichText::new(&info.fingerprint).monospace()).selectable(true));
}

fn key_text_ui(ui: &mut Ui, text: &str, rows: usize) {
    let mut shown = text.to_owned();
    ui.add(
        egui::TextEdit::multiline(&mut shown)
            .font(egui::TextStyle::Monospace)
            .desired_rows(rows)
            .desired_width(f32::INFINITY)
            .interactive(false),
    );
}

fn overview_ui(ui: &mut Ui, state: &mut AppState, dialog: &SshDialog) {
    if dialog.loading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(state.tr("ssh-loading"));
        });
    } else if let Some(error) = &dialog.load_error {
        let (text_id, args) = error.message();
        error_text_ui(ui, state, text_id, &args);
    }
    let public_key = dialog
        .stored
        .as_ref()
        .map(|stored| stored.public_key.clone());
    match &dialog.stored {
        Some(stored) => {
            ui.label(RichText::new(state.tr("ssh-public-key")).strong());
            match &stored.info {
                Ok(info) => key_info_ui(ui, state, info),
                Err(error) => {
                    let (text_id, args) = error.message();
                    error_text_ui(ui, state, text_id, &args);
                }
            }
            key_text_ui(ui, &stored.public_key, 3);
        }
        None if !dialog.loading && dialog.load_error.is_none() => {
            ui.label(RichText::new(state.tr("ssh-no-keypair")).weak());
        }
        None => {}
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let copy = ui.add_enabled(
            public_key.is_some(),
            egui::Button::new(state.tr("ssh-copy-public")),
        );
        if copy.clicked()
            && let Some(public_key) = public_key
        {
            state.emit(UiCommand::CopyText(public_key));
        }
        let idle = !dialog.loading;
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("ssh-generate")))
            .clicked()
        {
            state.emit(UiCommand::SshStartGenerate);
        }
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("ssh-enter-manually")))
            .clicked()
        {
            state.emit(UiCommand::SshStartManual);
        }
        if ui.button(state.tr("dialog-close")).clicked() {
            state.emit(UiCommand::SshClose { force: false });
        }
    });
}

fn confirm_generate_ui(ui: &mut Ui, state: &mut AppState, dialog: &SshDialog) {
    let fingerprint = dialog
        .stored
        .as_ref()
        .and_then(|stored| stored.info.as_ref().ok())
        .map(|info| info.fingerprint.clone());
    match fingerprint {
        Some(fingerprint) => {
            ui.label(state.tr_args("ssh-confirm-replace", &[("fingerprint", &fingerprint)]));
        }
        None => {
            ui.label(state.tr("ssh-confirm-new"));
        }
    }
    ui.label(RichText::new(state.tr("ssh-confirm-later-sessions")).weak());
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(state.tr("ssh-continue")).clicked() {
            state.emit(UiCommand::SshChooseWhere);
        }
        if ui.button(state.tr("dialog-cancel")).clicked() {
            state.emit(UiCommand::SshBackToOverview);
        }
    });
}

fn choose_where_ui(
    ui: &mut Ui,
    state: &mut AppState,
    local: &mut bool,
    algorithm: &mut KeyAlgorithm,
    pending: bool,
) {
    ui.label(RichText::new(state.tr("ssh-where")).strong());
    ui.add_enabled_ui(!pending, |ui| {
        ui.radio_value(local, false, state.tr("ssh-where-server"));
        ui.radio_value(local, true, state.tr("ssh-where-local"));
        if *local {
            ui.indent("algorithm", |ui| {
                ui.radio_value(
                    algorithm,
                    KeyAlgorithm::Ed25519,
                    state.tr("ssh-algorithm-ed25519"),
                );
                ui.radio_value(
                    algorithm,
                    KeyAlgorithm::Rsa4096,
                    state.tr("ssh-algorithm-rsa4096"),
                );
            });
        }
    });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!pending, egui::Button::new(state.tr("ssh-generate-now")))
            .clicked()
        {
            state.emit(UiCommand::SshGenerate {
                local: *local,
                algorithm: *algorithm,
            });
        }
        if ui
            .add_enabled(!pending, egui::Button::new(state.tr("dialog-cancel")))
            .clicked()
        {
            state.emit(UiCommand::SshBackToOverview);
        }
        if pending {
            ui.spinner();
            ui.label(state.tr("ssh-generating"));
        }
    });
}

/// The fields of the manual entry step, and the fingerprint of the keypair an upload replaces.
struct ManualEntry<'a> {
    public_key: &'a mut String,
    private_key: &'a mut String,
    problem: &'a mut Option<crate::ssh_keys::KeyError>,
    replaces: Option<&'a str>,
}

fn manual_ui(ui: &mut Ui, state: &mut AppState, entry: ManualEntry<'_>, pending: bool) {
    let ManualEntry {
        public_key,
        private_key,
        problem,
        replaces,
    } = entry;
    if let Some(fingerprint) = replaces {
        ui.label(state.tr_args("ssh-manual-replaces", &[("fingerprint", fingerprint)]));
        ui.label(RichText::new(state.tr("ssh-confirm-later-sessions")).weak());
        ui.add_space(4.0);
    }
    let public_label = state.tr("ssh-public-key");
    let private_label = state.tr("ssh-private-key");
    // A pasted RSA key has dozens of lines: the fields scroll, so the dialog's buttons stay on
    // the screen.
    let mut changed = false;
    ui.add_enabled_ui(!pending, |ui| {
        let label = ui.label(&public_label);
        egui::ScrollArea::vertical()
            .id_salt("manual_public_key")
            .max_height(90.0)
            .show(ui, |ui| {
                let response = ui.add(
                    egui::TextEdit::multiline(public_key)
                        .font(egui::TextStyle::Monospace)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .hint_text("ssh-ed25519 AAAA… user@host"),
                );
                changed |= response.labelled_by(label.id).changed();
            });
        let label = ui.label(&private_label);
        egui::ScrollArea::vertical()
            .id_salt("manual_private_key")
            .max_height(200.0)
            .show(ui, |ui| {
                let response = ui.add(
                    egui::TextEdit::multiline(private_key)
                        .font(egui::TextStyle::Monospace)
                        .desired_rows(8)
                        .desired_width(f32::INFINITY)
                        .hint_text("-----BEGIN OPENSSH PRIVATE KEY-----"),
                );
                changed |= response.labelled_by(label.id).changed();
            });
    });
    // The last check was about the keys before this edit.
    if changed {
        *problem = None;
    }
    if let Some(problem) = problem {
        let (text_id, args) = problem.message();
        error_text_ui(ui, state, text_id, &args);
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!pending, egui::Button::new(state.tr("ssh-upload")))
            .clicked()
        {
            state.emit(UiCommand::SshUploadManual);
        }
        if ui
            .add_enabled(!pending, egui::Button::new(state.tr("dialog-cancel")))
            .clicked()
        {
            state.emit(UiCommand::SshBackToOverview);
        }
        if pending {
            ui.spinner();
        }
    });
}

fn created_ui(ui: &mut Ui, state: &mut AppState, created: &mut CreatedKeypair) {
    ui.label(
        RichText::new(state.tr("ssh-private-key-once"))
            .strong()
            .color(ui.visuals().warn_fg_color),
    );
    if let Some(info) = &created.info {
        key_info_ui(ui, state, info);
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(state.tr("ssh-public-key")).strong());
        if ui.button(state.tr("ssh-copy-public")).clicked() {
            state.emit(UiCommand::CopyText(created.public_key.clone()));
        }
    });
    key_text_ui(ui, &created.public_key, 2);
    ui.horizontal(|ui| {
        ui.label(RichText::new(state.tr("ssh-private-key")).strong());
        if ui.button(state.tr("ssh-copy-private")).clicked() {
            state.emit(UiCommand::SshCopyPrivateKey);
        }
    });
    egui::ScrollArea::vertical()
        .max_height(160.0)
        .show(ui, |ui| {
            key_text_ui(ui, created.private_key.expose(), 6);
        });

    ui.add_space(6.0);
    let path_label = state.tr("ssh-save-path");
    ui.horizontal(|ui| {
        let label = ui.label(&path_label);
        ui.add(egui::TextEdit::singleline(&mut created.save_path).desired_width(300.0))
            .labelled_by(label.id);
        let idle = !created.save_pending;
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("ssh-choose-file")))
            .clicked()
        {
            state.emit(UiCommand::SshChooseSavePath);
        }
        if ui
            .add_enabled(idle, egui::Button::new(state.tr("ssh-save-private")))
            .clicked()
        {
            state.emit(UiCommand::SshSavePrivateKey { overwrite: false });
        }
    });
    if let Some(path) = &created.saved_to {
        ui.label(state.tr_args("ssh-saved-to", &[("path", &path.display().to_string())]));
    }
    if let Some(path) = created.confirm_overwrite.clone() {
        ui.label(state.tr_args(
            "ssh-confirm-overwrite",
            &[("path", &path.display().to_string())],
        ));
        ui.horizontal(|ui| {
            if ui.button(state.tr("ssh-overwrite")).clicked() {
                state.emit(UiCommand::SshSavePrivateKey { overwrite: true });
            }
            if ui.button(state.tr("dialog-cancel")).clicked() {
                created.confirm_overwrite = None;
            }
        });
    }
    if let Some(PrivateKeySaveFailure::Io { path, detail }) = &created.save_error {
        let path = path.display().to_string();
        error_text_ui(
            ui,
            state,
            "ssh-save-failed",
            &[("path", path), ("error", detail.clone())],
        );
    }

    ui.add_space(8.0);
    if created.confirm_close {
        ui.label(RichText::new(state.tr("ssh-confirm-close")).color(ui.visuals().warn_fg_color));
        ui.horizontal(|ui| {
            if ui.button(state.tr("ssh-close-anyway")).clicked() {
                state.emit(UiCommand::SshClose { force: true });
            }
            if ui.button(state.tr("ssh-keep-open")).clicked() {
                created.confirm_close = false;
            }
        });
    } else if ui.button(state.tr("dialog-close")).clicked() {
        state.emit(UiCommand::SshClose { force: false });
    }
}

fn error_ui(ui: &mut Ui, state: &AppState, error: Option<&KeypairFailure>) {
    let Some(error) = error else {
        return;
    };
    let (text_id, args) = match error {
        KeypairFailure::Api(error) => ssh_api_error_message(error),
        KeypairFailure::Key(error) => error.message(),
    };
    error_text_ui(ui, state, text_id, &args);
}

/// Server errors of newer servers about the uploaded keys get messages of their own.
fn ssh_api_error_message(
    error: &crate::api::ApiError,
) -> (&'static str, Vec<(&'static str, String)>) {
    match error.problem().map(crate::api::Problem::slug) {
        Some("invalid-ssh-private-key") => ("ssh-server-invalid-private", Vec::new()),
        Some("invalid-ssh-public-key") => ("ssh-server-invalid-public", Vec::new()),
        Some("ssh-keypair-mismatch") => ("ssh-server-mismatch", Vec::new()),
        _ => error.message(),
    }
}
