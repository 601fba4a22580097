//! The sign-in dialog: endpoint, mode, the fields of that mode, *Test connection* and *Sign in*.

use egui::{RichText, Ui};

use super::widgets::error_text_ui;
use crate::api::EndpointType;
use crate::state::{AppState, PendingSignIn, UiCommand};

/// Width of the text fields, in points.
const FIELD_WIDTH: f32 = 320.0;

pub fn sign_in_dialog_ui(ctx: &egui::Context, state: &mut AppState) {
    let labels = Labels::new(state);
    let modal = super::widgets::top_anchored_modal("sign_in_dialog").show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading(&labels.title);
        ui.add_space(6.0);
        let submitted = form_ui(ui, state, &labels);
        ui.add_space(6.0);
        feedback_ui(ui, state);
        ui.add_space(6.0);
        buttons_ui(ui, state, &labels, submitted)
    });
    if modal.inner || (modal.should_close() && state.sign_in_form.pending.is_none()) {
        state.emit(UiCommand::CloseDialog);
    }
}

/// The dialog's texts in the active language, gathered once per frame.
struct Labels {
    title: String,
    endpoint: String,
    mode: String,
    mode_api: String,
    mode_session: String,
    access_key: String,
    secret_key: String,
    email: String,
    password: String,
    otp: String,
    test: String,
    sign_in: String,
    cancel: String,
}

impl Labels {
    fn new(state: &AppState) -> Self {
        Self {
            title: state.tr("sign-in-title"),
            endpoint: state.tr("sign-in-endpoint"),
            mode: state.tr("sign-in-mode"),
            mode_api: state.tr("sign-in-mode-api"),
            mode_session: state.tr("sign-in-mode-session"),
            access_key: state.tr("sign-in-access-key"),
            secret_key: state.tr("sign-in-secret-key"),
            email: state.tr("sign-in-email"),
            password: state.tr("sign-in-password"),
            otp: state.tr("sign-in-otp"),
            test: state.tr("sign-in-test"),
            sign_in: state.tr("sign-in-submit"),
            cancel: state.tr("dialog-cancel"),
        }
    }
}

/// Draws the fields; returns whether Enter was pressed in one of them.
fn form_ui(ui: &mut Ui, state: &mut AppState, labels: &Labels) -> bool {
    let form = &mut state.sign_in_form;
    let enabled = form.pending.is_none();
    let mut submitted = false;
    let mut changed = false;

    ui.add_enabled_ui(enabled, |ui| {
        egui::Grid::new("sign_in_fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                submitted |= text_field_ui(
                    ui,
                    &labels.endpoint,
                    &mut form.endpoint,
                    false,
                    "https://backend.example.com",
                    &mut changed,
                );
                ui.end_row();

                ui.label(&labels.mode);
                ui.horizontal(|ui| {
                    changed |= ui
                        .radio_value(&mut form.endpoint_type, EndpointType::Api, &labels.mode_api)
                        .changed();
                    changed |= ui
                        .radio_value(
                            &mut form.endpoint_type,
                            EndpointType::Session,
                            &labels.mode_session,
                        )
                        .changed();
                });
                ui.end_row();

                match form.endpoint_type {
                    EndpointType::Api => {
                        submitted |= text_field_ui(
                            ui,
                            &labels.access_key,
                            &mut form.access_key,
                            false,
                            "",
                            &mut changed,
                        );
                        ui.end_row();
                        submitted |= text_field_ui(
                            ui,
                            &labels.secret_key,
                            &mut form.secret_key,
                            true,
                            "",
                            &mut changed,
                        );
                        ui.end_row();
                    }
                    EndpointType::Session => {
                        submitted |= text_field_ui(
                            ui,
                            &labels.email,
                            &mut form.email,
                            false,
                            "user@example.com",
                            &mut changed,
                        );
                        ui.end_row();
                        submitted |= text_field_ui(
                            ui,
                            &labels.password,
                            &mut form.password,
                            true,
                            "",
                            &mut changed,
                        );
                        ui.end_row();
                        if form.otp_required {
                            submitted |= text_field_ui(
                                ui,
                                &labels.otp,
                                &mut form.otp,
                                false,
                                "123456",
                                &mut changed,
                            );
                            ui.end_row();
                        }
                    }
                }
            });
    });

    // What went wrong, or what the test found, was about the values before this change.
    if changed {
        form.error = None;
        form.test_result = None;
    }
    submitted
}

/// A labelled single-line field; returns whether Enter was pressed in it, and sets `changed` when
/// its text changed.
fn text_field_ui(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    is_secret: bool,
    hint: &str,
    changed: &mut bool,
) -> bool {
    let label_response = ui.label(label);
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .password(is_secret)
            .hint_text(hint)
            .desired_width(FIELD_WIDTH),
    );
    let response = response.labelled_by(label_response.id);
    *changed |= response.changed();
    response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter))
}

/// Shows progress, the test result, or what went wrong.
fn feedback_ui(ui: &mut Ui, state: &AppState) {
    let form = &state.sign_in_form;
    if let Some(pending) = form.pending {
        ui.horizontal(|ui| {
            ui.spinner();
            let text_id = match pending {
                PendingSignIn::Test => "sign-in-testing",
                PendingSignIn::SignIn => "sign-in-signing-in",
            };
            ui.label(state.tr(text_id));
        });
        return;
    }
    let error_color = ui.visuals().error_fg_color;
    if let Some(text_id) = form.invalid_input {
        ui.label(RichText::new(state.tr(text_id)).color(error_color));
    }
    if let Some(error) = &form.error {
        let (text_id, args) = error.message();
        error_text_ui(ui, state, text_id, &args);
    }
    match &form.test_result {
        Some(Ok(server)) => {
            ui.label(state.tr_args(
                "sign-in-test-ok",
                &[
                    ("manager", &server.manager_version),
                    ("api", &server.api_version),
                ],
            ));
        }
        Some(Err(error)) => {
            let (text_id, args) = error.message();
            error_text_ui(ui, state, text_id, &args);
        }
        None => {}
    }
    if form.skip_tls_verification {
        ui.label(
            RichText::new(state.tr("connection-tls-unverified")).color(ui.visuals().warn_fg_color),
        );
    }
}

/// Draws the buttons; returns whether the dialog should close.
fn buttons_ui(ui: &mut Ui, state: &mut AppState, labels: &Labels, submitted: bool) -> bool {
    let idle = state.sign_in_form.pending.is_none();
    ui.horizontal(|ui| {
        let sign_in = ui.add_enabled(idle, egui::Button::new(&labels.sign_in));
        if sign_in.clicked() || (submitted && idle) {
            state.emit(UiCommand::SubmitSignIn);
        }
        if ui
            .add_enabled(idle, egui::Button::new(&labels.test))
            .clicked()
        {
            state.emit(UiCommand::TestConnection);
        }
        ui.add_enabled(idle, egui::Button::new(&labels.cancel))
            .clicked()
    })
    .inner
}
