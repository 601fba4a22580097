//! The app's handling of the SSH keypair dialog and the script editor: their commands, and the
//! worker events that answer them.

use super::BaiSettingsApp;
use crate::account_state::{
    AfterUnsaved, CreatedKeypair, ScriptConfirm, ScriptEditor, ScriptKind, ScriptPending,
    SshDialog, SshStep, StoredKey,
};
use crate::api::account::NewKeypair;
use crate::api::{ApiError, Secret};
use crate::api_worker::{ApiCommand, ApiEvent, KeypairFailure, PrivateKeySaveFailure};
use crate::file_chooser::Choice;
use crate::messages::MessageKind;
use crate::scripts::{self, with_trailing_newline};
use crate::ssh_keys::{self, public_key_info};
use crate::state::{Dialog, UiCommand};

impl BaiSettingsApp {
    /// Applies one account command; returns it back when it is not one.
    pub(super) fn apply_account_command(
        &mut self,
        ctx: &egui::Context,
        command: UiCommand,
        now: f64,
    ) -> Option<UiCommand> {
        match command {
            UiCommand::OpenSshDialog => {
                self.state.ssh_dialog = Some(SshDialog {
                    loading: true,
                    ..SshDialog::default()
                });
                self.state.dialog = Some(Dialog::SshKeypair);
                self.send_api(ApiCommand::LoadSshKeypair, now);
            }
            UiCommand::SshStartGenerate => self.set_ssh_step(SshStep::ConfirmGenerate),
            UiCommand::SshStartManual => self.set_ssh_step(SshStep::Manual {
                public_key: String::new(),
                private_key: String::new(),
                problem: None,
            }),
            UiCommand::SshBackToOverview => self.set_ssh_step(SshStep::Overview),
            UiCommand::SshChooseWhere => self.set_ssh_step(SshStep::ChooseWhere {
                local: false,
                algorithm: ssh_keys::KeyAlgorithm::Ed25519,
            }),
            UiCommand::SshGenerate { local, algorithm } => {
                let command = if local {
                    ApiCommand::GenerateSshKeypairLocally(algorithm)
                } else {
                    ApiCommand::GenerateSshKeypairOnServer
                };
                self.start_ssh_change(command, now);
            }
            UiCommand::SshUploadManual => self.upload_manual_keypair(now),
            UiCommand::SshCopyPrivateKey => {
                if let Some(created) = self.created_keypair() {
                    created.copied = true;
                    let text = created.private_key.expose().to_owned();
                    ctx.copy_text(text);
                    self.show_message(MessageKind::Info, "copied", Vec::new(), now);
                }
            }
            UiCommand::SshChooseSavePath => {
                if let Some(created) = self.created_keypair() {
                    let suggested = std::path::PathBuf::from(created.save_path.clone());
                    self.send_api(ApiCommand::ChoosePrivateKeyPath { suggested }, now);
                }
            }
            UiCommand::SshSavePrivateKey { overwrite } => self.save_private_key(overwrite, now),
            UiCommand::SshClose { force } => {
                let unsaved = self
                    .created_keypair()
                    .is_some_and(|created| !created.is_kept());
                if unsaved && !force {
                    if let Some(created) = self.created_keypair() {
                        created.confirm_close = true;
                    }
                } else {
                    // Dropping the dialog drops the private key with it.
                    self.state.ssh_dialog = None;
                    self.state.dialog = None;
                }
            }
            UiCommand::OpenScriptEditor(kind) => {
                self.state.script_editor = Some(ScriptEditor::new(kind));
                self.state.dialog = Some(Dialog::ScriptEditor);
                let command = match kind {
                    ScriptKind::Dotfiles => ApiCommand::LoadDotfiles,
                    ScriptKind::Bootstrap => ApiCommand::LoadBootstrapScript,
                };
                self.send_api(command, now);
            }
            UiCommand::ScriptSwitchTo(path) => {
                if let Some(editor) = &mut self.state.script_editor {
                    if editor.is_dirty() {
                        editor.confirm = Some(ScriptConfirm::Unsaved(AfterUnsaved::SwitchTo(path)));
                    } else {
                        editor.select_dotfile(&path);
                    }
                }
            }
            UiCommand::ScriptSave { then } => self.save_script(then, now),
            UiCommand::ScriptDiscard(after) => {
                if let Some(editor) = &mut self.state.script_editor {
                    editor.confirm = None;
                    editor.text = editor.original.clone().unwrap_or_default();
                }
                self.after_unsaved(ctx, after);
            }
            UiCommand::ScriptDelete { confirmed } => self.delete_script(confirmed, now),
            UiCommand::ScriptCancelConfirm => {
                if let Some(editor) = &mut self.state.script_editor {
                    editor.confirm = None;
                }
                self.close_confirmed = false;
            }
            UiCommand::ScriptRequestClose => {
                if let Some(editor) = &mut self.state.script_editor {
                    if editor.is_dirty() {
                        editor.confirm = Some(ScriptConfirm::Unsaved(AfterUnsaved::CloseEditor));
                    } else {
                        self.after_unsaved(ctx, AfterUnsaved::CloseEditor);
                    }
                }
            }
            other => return Some(other),
        }
        None
    }

    fn set_ssh_step(&mut self, step: SshStep) {
        if let Some(dialog) = &mut self.state.ssh_dialog {
            dialog.step = step;
            dialog.error = None;
        }
    }

    fn created_keypair(&mut self) -> Option<&mut CreatedKeypair> {
        match &mut self.state.ssh_dialog.as_mut()?.step {
            SshStep::Created(created) => Some(created),
            _ => None,
        }
    }

    fn start_ssh_change(&mut self, command: ApiCommand, now: f64) {
        if self.send_api(command, now)
            && let Some(dialog) = &mut self.state.ssh_dialog
        {
            dialog.pending = true;
            dialog.error = None;
        }
    }

    /// Checks the pasted pair locally and uploads it only when it is sound.
    fn upload_manual_keypair(&mut self, now: f64) {
        let Some(SshDialog {
            step:
                SshStep::Manual {
                    public_key,
                    private_key,
                    problem,
                },
            ..
        }) = &mut self.state.ssh_dialog
        else {
            return;
        };
        match ssh_keys::check_pair(public_key, private_key) {
            Err(error) => *problem = Some(error),
            Ok(_info) => {
                *problem = None;
                let command = ApiCommand::UploadSshKeypair {
                    public_key: public_key.trim().to_owned(),
                    private_key: Secret::new(private_key.trim().to_owned()),
                };
                self.start_ssh_change(command, now);
            }
        }
    }

    fn save_private_key(&mut self, overwrite: bool, now: f64) {
        let Some(created) = self.created_keypair() else {
            return;
        };
        let path = std::path::PathBuf::from(created.save_path.trim());
        created.confirm_overwrite = None;
        created.save_error = None;
        created.save_pending = true;
        let command = ApiCommand::SavePrivateKey {
            path,
            private_key: created.private_key.clone(),
            overwrite,
        };
        if !self.send_api(command, now)
            && let Some(created) = self.created_keypair()
        {
            created.save_pending = false;
        }
    }

    pub(super) fn handle_account_event(&mut self, event: ApiEvent, now: f64) {
        match event {
            ApiEvent::SshKeypairLoaded(result) => {
                if let Some(dialog) = &mut self.state.ssh_dialog {
                    dialog.loading = false;
                    match result {
                        Ok(public_key) => {
                            dialog.stored = public_key.map(|public_key| StoredKey {
                                info: public_key_info(&public_key),
                                public_key,
                            });
                            dialog.load_error = None;
                        }
                        Err(error) => dialog.load_error = Some(error),
                    }
                }
            }
            ApiEvent::SshKeypairCreated(result) => self.keypair_created(result, now),
            ApiEvent::PrivateKeyPathChosen(Choice::Chosen(path)) => {
                if let Some(created) = self.created_keypair() {
                    created.save_path = path.display().to_string();
                    self.save_private_key(false, now);
                }
            }
            ApiEvent::PrivateKeyPathChosen(Choice::Cancelled) => {}
            ApiEvent::PrivateKeyPathChosen(Choice::Unavailable) => {
                self.show_message(
                    MessageKind::Warning,
                    "file-chooser-unavailable",
                    Vec::new(),
                    now,
                );
            }
            ApiEvent::PrivateKeySaved(result) => {
                if let Some(created) = self.created_keypair() {
                    created.save_pending = false;
                    match result {
                        Ok(path) => {
                            created.saved_to = Some(path.clone());
                            let args = vec![("path", path.display().to_string())];
                            self.show_message(
                                MessageKind::Success,
                                "ssh-private-key-saved",
                                args,
                                now,
                            );
                        }
                        Err(PrivateKeySaveFailure::Exists(path)) => {
                            created.confirm_overwrite = Some(path)
                        }
                        Err(failure) => created.save_error = Some(failure),
                    }
                }
            }
            ApiEvent::DotfilesLoaded(result) => {
                if let Some(editor) = &mut self.state.script_editor {
                    editor.pending = None;
                    match result {
                        Ok(dotfiles) => {
                            editor.dotfiles = dotfiles;
                            let path = editor.path.clone();
                            editor.select_dotfile(&path);
                            editor.load_error = None;
                        }
                        Err(error) => editor.load_error = Some(error),
                    }
                }
            }
            ApiEvent::BootstrapScriptLoaded(result) => {
                if let Some(editor) = &mut self.state.script_editor {
                    editor.pending = None;
                    match result {
                        Ok(script) => {
                            editor.original = Some(script.clone());
                            editor.text = script;
                            editor.load_error = None;
                        }
                        Err(error) => editor.load_error = Some(error),
                    }
                }
            }
            ApiEvent::DotfileSaved { path, result } => self.dotfile_saved(&path, result, now),
            ApiEvent::BootstrapScriptSaved(result) => self.bootstrap_saved(result, now),
            ApiEvent::DotfileDeleted { path, result } => self.dotfile_deleted(&path, result, now),
            _ => {}
        }
    }

    fn keypair_created(&mut self, result: Result<NewKeypair, KeypairFailure>, now: f64) {
        let Some(dialog) = &mut self.state.ssh_dialog else {
            return;
        };
        dialog.pending = false;
        match result {
            // The user already has the private key they pasted, so there is nothing to keep.
            Ok(keypair) if matches!(dialog.step, SshStep::Manual { .. }) => {
                dialog.stored = Some(StoredKey {
                    info: public_key_info(&keypair.public_key),
                    public_key: keypair.public_key,
                });
                dialog.step = SshStep::Overview;
                dialog.loading = true;
                self.show_message(
                    MessageKind::Success,
                    "ssh-keypair-replaced",
                    Vec::new(),
                    now,
                );
                self.send_api(ApiCommand::LoadSshKeypair, now);
            }
            Ok(keypair) => {
                let info = public_key_info(&keypair.public_key).ok();
                dialog.stored = Some(StoredKey {
                    info: public_key_info(&keypair.public_key),
                    public_key: keypair.public_key.clone(),
                });
                let save_path = ssh_keys::default_private_key_path()
                    .map(|path| path.display().to_string())
                    .unwrap_or_default();
                dialog.step = SshStep::Created(Box::new(CreatedKeypair {
                    public_key: keypair.public_key,
                    info,
                    private_key: keypair.private_key,
                    copied: false,
                    saved_to: None,
                    save_path,
                    save_pending: false,
                    save_error: None,
                    confirm_overwrite: None,
                    confirm_close: false,
                }));
                // Reload, so the dialog shows what the server now stores.
                dialog.loading = true;
                self.show_message(
                    MessageKind::Success,
                    "ssh-keypair-replaced",
                    Vec::new(),
                    now,
                );
                self.send_api(ApiCommand::LoadSshKeypair, now);
            }
            Err(failure) => dialog.error = Some(failure),
        }
    }

    /// Checks the editor's text against the server's rules and sends it.
    fn save_script(&mut self, then: Option<AfterUnsaved>, now: f64) {
        let Some(editor) = &mut self.state.script_editor else {
            return;
        };
        editor.confirm = None;
        editor.problem = None;
        let (text, newline_added) = match editor.kind {
            ScriptKind::Dotfiles => with_trailing_newline(&editor.text),
            ScriptKind::Bootstrap => (editor.text.clone(), false),
        };
        let checked = match editor.kind {
            ScriptKind::Dotfiles => scripts::check_dotfile(&editor.dotfiles, &editor.path, &text),
            ScriptKind::Bootstrap => scripts::check_bootstrap(&text),
        };
        match checked {
            // Only dotfiles can be empty here: an empty bootstrap script is how the server
            // stores none. A dotfile not on the server has nothing to delete either.
            Err(scripts::ContentProblem::Empty) => {
                if editor.original.is_some() {
                    editor.confirm = Some(ScriptConfirm::EmptyOffersDelete);
                } else {
                    editor.problem = Some((
                        "scripts-empty-not-on-server",
                        vec![("path", editor.path.clone())],
                    ));
                }
                return;
            }
            // The status line counts the text as typed, so the message explains where the extra
            // character comes from.
            Err(scripts::ContentProblem::TooLong { chars }) if newline_added => {
                editor.problem = Some((
                    "scripts-too-long-with-newline",
                    vec![
                        ("chars", chars.to_string()),
                        ("max", scripts::MAX_SCRIPT_CHARS.to_string()),
                    ],
                ));
                return;
            }
            Err(problem) => {
                editor.problem = Some(problem.message());
                return;
            }
            Ok(()) => {}
        }
        editor.text = text.clone();
        editor.newline_added = newline_added;
        let command = match editor.kind {
            ScriptKind::Dotfiles => ApiCommand::SaveDotfile {
                path: editor.path.clone(),
                data: text,
                exists: editor.original.is_some(),
            },
            ScriptKind::Bootstrap => ApiCommand::SaveBootstrapScript { script: text },
        };
        editor.pending = Some(ScriptPending::Saving { then });
        if !self.send_api(command, now)
            && let Some(editor) = &mut self.state.script_editor
        {
            editor.pending = None;
        }
    }

    fn delete_script(&mut self, confirmed: bool, now: f64) {
        let Some(editor) = &mut self.state.script_editor else {
            return;
        };
        if !confirmed {
            editor.confirm = Some(ScriptConfirm::Delete);
            return;
        }
        editor.confirm = None;
        editor.problem = None;
        editor.newline_added = false;
        let command = match editor.kind {
            ScriptKind::Dotfiles if editor.original.is_none() => {
                // Nothing on the server: deleting only empties the editor.
                editor.text.clear();
                return;
            }
            ScriptKind::Dotfiles => ApiCommand::DeleteDotfile {
                path: editor.path.clone(),
            },
            // The server keeps no "deleted" state for the bootstrap script: an empty one is none.
            ScriptKind::Bootstrap => ApiCommand::SaveBootstrapScript {
                script: String::new(),
            },
        };
        editor.pending = Some(match editor.kind {
            ScriptKind::Dotfiles => ScriptPending::Deleting,
            ScriptKind::Bootstrap => ScriptPending::Saving { then: None },
        });
        if !self.send_api(command, now)
            && let Some(editor) = &mut self.state.script_editor
        {
            editor.pending = None;
        }
    }

    fn dotfile_saved(
        &mut self,
        path: &str,
        result: Result<crate::api::account::DotfileSaved, ApiError>,
        now: f64,
    ) {
        let Some(editor) = &mut self.state.script_editor else {
            return;
        };
        let then = match editor.pending.take() {
            Some(ScriptPending::Saving { then }) => then,
            _ => None,
        };
        match result {
            Ok(saved) => {
                let data = editor.text.clone();
                match editor
                    .dotfiles
                    .iter_mut()
                    .find(|dotfile| dotfile.path == path)
                {
                    Some(dotfile) => dotfile.data = data.clone(),
                    None => editor.dotfiles.push(scripts::Dotfile {
                        path: path.to_owned(),
                        permission: scripts::DOTFILE_PERMISSION.to_owned(),
                        data: data.clone(),
                    }),
                }
                if editor.path == path {
                    editor.original = Some(data);
                }
                let args = vec![("path", path.to_owned())];
                let text_id = if saved.retried {
                    "scripts-saved-after-retry"
                } else {
                    "scripts-saved"
                };
                self.show_message(MessageKind::Success, text_id, args, now);
                if let Some(after) = then {
                    let ctx = self.ctx.clone();
                    self.after_unsaved(&ctx, after);
                }
            }
            Err(error) => editor.problem = Some(error.message()),
        }
    }

    fn bootstrap_saved(&mut self, result: Result<String, ApiError>, now: f64) {
        let Some(editor) = &mut self.state.script_editor else {
            return;
        };
        let then = match editor.pending.take() {
            Some(ScriptPending::Saving { then }) => then,
            _ => None,
        };
        match result {
            Ok(stored) => {
                // Deleting the bootstrap script stores an empty one.
                let message_id = if stored.trim().is_empty() {
                    "scripts-bootstrap-deleted"
                } else {
                    "scripts-bootstrap-saved"
                };
                editor.original = Some(stored.clone());
                editor.text = stored;
                self.show_message(MessageKind::Success, message_id, Vec::new(), now);
                if let Some(after) = then {
                    let ctx = self.ctx.clone();
                    self.after_unsaved(&ctx, after);
                }
            }
            Err(error) => editor.problem = Some(error.message()),
        }
    }

    fn dotfile_deleted(&mut self, path: &str, result: Result<(), ApiError>, now: f64) {
        let Some(editor) = &mut self.state.script_editor else {
            return;
        };
        editor.pending = None;
        match result {
            Ok(()) => {
                editor.dotfiles.retain(|dotfile| dotfile.path != path);
                if editor.path == path {
                    editor.select_dotfile(path);
                }
                self.show_message(
                    MessageKind::Success,
                    "scripts-deleted",
                    vec![("path", path.to_owned())],
                    now,
                );
            }
            Err(error) => editor.problem = Some(error.message()),
        }
    }

    /// Carries out what the user asked for once the unsaved text was saved or discarded.
    fn after_unsaved(&mut self, ctx: &egui::Context, after: AfterUnsaved) {
        match after {
            AfterUnsaved::SwitchTo(path) => {
                if let Some(editor) = &mut self.state.script_editor {
                    editor.select_dotfile(&path);
                }
            }
            AfterUnsaved::CloseEditor => {
                self.state.script_editor = None;
                self.state.dialog = None;
            }
            AfterUnsaved::CloseWindow => {
                self.state.script_editor = None;
                self.state.dialog = None;
                self.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}
