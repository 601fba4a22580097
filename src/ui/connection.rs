//! The Backend.AI connection on screen: the status section at the top of the General page and
//! helpers that name the connection in the user's language.

use egui::{RichText, Ui};

use crate::api::credentials::CredentialSource;
use crate::state::{AppState, ConnectionStatus, Dialog, UiCommand};

/// Names where the credentials came from, in the user's language.
pub fn source_name(state: &AppState, source: CredentialSource) -> String {
    match source {
        CredentialSource::Environment => state.tr("source-environment"),
        CredentialSource::CliFiles => state.tr("source-cli-files"),
        CredentialSource::SignInDialog => state.tr("source-sign-in-dialog"),
    }
}

/// Draws the connection status with its buttons.
pub fn connection_section_ui(ui: &mut Ui, state: &mut AppState) {
    let title = state.tr("connection-title");
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong());
            match state.connection.clone() {
                ConnectionStatus::SignedOut => {
                    ui.label(state.tr("connection-signed-out"));
                    if ui.button(state.tr("sign-in-button")).clicked() {
                        state.emit(UiCommand::OpenDialog(Dialog::SignIn));
                    }
                }
                ConnectionStatus::Connecting { endpoint } => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(
                            state.tr_args("connection-connecting", &[("endpoint", &endpoint)]),
                        );
                    });
                }
                ConnectionStatus::SignedIn(signed_in) => {
                    let source = source_name(state, signed_in.source);
                    ui.label(state.tr_args(
                        "connection-signed-in",
                        &[
                            ("endpoint", &signed_in.endpoint),
                            ("identity", &signed_in.identity),
                        ],
                    ));
                    ui.label(
                        RichText::new(state.tr_args(
                            "connection-details",
                            &[
                                ("source", &source),
                                ("manager", &signed_in.server.manager_version),
                                ("api", &signed_in.server.api_version),
                            ],
                        ))
                        .weak(),
                    );
                    if signed_in.skip_tls_verification {
                        ui.label(
                            RichText::new(state.tr("connection-tls-unverified"))
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                    if signed_in.source != CredentialSource::SignInDialog {
                        ui.label(
                            RichText::new(state.tr("sign-out-external-note"))
                                .weak()
                                .small(),
                        );
                    }
                    if ui.button(state.tr("sign-out-button")).clicked() {
                        state.emit(UiCommand::SignOut);
                    }
                }
                ConnectionStatus::Failed {
                    endpoint,
                    source,
                    error,
                } => {
                    let (text_id, args) = error.message();
                    let source = source_name(state, source);
                    ui.label(state.tr_args(
                        "connection-failed",
                        &[("endpoint", &endpoint), ("source", &source)],
                    ));
                    ui.label(
                        RichText::new(state.tr_message(text_id, &args))
                            .color(ui.visuals().error_fg_color),
                    );
                    if ui.button(state.tr("sign-in-button")).clicked() {
                        state.emit(UiCommand::OpenDialog(Dialog::SignIn));
                    }
                }
            }
        });
    ui.add_space(4.0);
}
