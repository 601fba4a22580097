//! UI state of the two account dialogs: the SSH keypair dialog and the script editor.

use std::path::PathBuf;

use crate::api::{ApiError, Secret};
use crate::api_worker::{KeypairFailure, PrivateKeySaveFailure};
use crate::scripts::{Dotfile, PathProblem, SUGGESTED_DOTFILES};
use crate::ssh_keys::{KeyAlgorithm, KeyError, PublicKeyInfo};

/// The SSH keypair dialog.
#[derive(Debug, Default)]
pub struct SshDialog {
    pub loading: bool,
    /// The stored public key and what it is, once loaded.
    pub stored: Option<StoredKey>,
    pub load_error: Option<ApiError>,
    pub step: SshStep,
    /// Set while a keypair is being made or uploaded.
    pub pending: bool,
    pub error: Option<KeypairFailure>,
}

/// The account's stored public key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredKey {
    pub public_key: String,
    /// `Err` when the server stores something that does not parse as a public key.
    pub info: Result<PublicKeyInfo, KeyError>,
}

/// Step the dialog is at.
#[derive(Debug, Default)]
pub enum SshStep {
    #[default]
    Overview,
    /// "Replace the keypair?", naming the old fingerprint.
    ConfirmGenerate,
    /// Choice of where the new keypair is made.
    ChooseWhere {
        local: bool,
        algorithm: KeyAlgorithm,
    },
    Manual {
        public_key: String,
        private_key: String,
        problem: Option<KeyError>,
    },
    /// A new keypair, whose private key is shown this once.
    Created(Box<CreatedKeypair>),
}

/// A keypair just made or stored, and what the user did with its private key.
#[derive(Debug)]
pub struct CreatedKeypair {
    pub public_key: String,
    pub info: Option<PublicKeyInfo>,
    pub private_key: Secret,
    pub copied: bool,
    pub saved_to: Option<PathBuf>,
    pub save_path: String,
    pub save_pending: bool,
    pub save_error: Option<PrivateKeySaveFailure>,
    /// Asking whether to replace an existing file.
    pub confirm_overwrite: Option<PathBuf>,
    /// Asking whether to close without having copied or saved the private key.
    pub confirm_close: bool,
}

impl CreatedKeypair {
    /// Returns whether the private key has been copied or saved, so closing loses nothing.
    pub fn is_kept(&self) -> bool {
        self.copied || self.saved_to.is_some()
    }
}

/// Script the editor edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptKind {
    Dotfiles,
    Bootstrap,
}

/// Action to take once unsaved text is saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterUnsaved {
    SwitchTo(String),
    CloseEditor,
    CloseWindow,
}

/// A question the editor is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptConfirm {
    /// Save / Discard / Cancel before `AfterUnsaved`.
    Unsaved(AfterUnsaved),
    Delete,
    /// Empty content cannot be stored; offer to delete the file instead.
    EmptyOffersDelete,
}

/// The server call the editor waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptPending {
    Loading,
    Saving { then: Option<AfterUnsaved> },
    Deleting,
}

/// The script editor dialog.
#[derive(Debug)]
pub struct ScriptEditor {
    pub kind: ScriptKind,
    /// Dotfiles on the server, as last loaded or saved.
    pub dotfiles: Vec<Dotfile>,
    /// The chosen dotfile's path (unused for the bootstrap script).
    pub path: String,
    pub text: String,
    /// The text as stored on the server; `None` when the file does not exist there.
    pub original: Option<String>,
    pub pending: Option<ScriptPending>,
    pub confirm: Option<ScriptConfirm>,
    /// The *Other path…* field while it is open.
    pub other_path: Option<String>,
    pub other_path_problem: Option<PathProblem>,
    /// A rule the text breaks, or the server's error, as a message id and arguments.
    pub problem: Option<(&'static str, Vec<(&'static str, String)>)>,
    /// Set when the last save added a final newline.
    pub newline_added: bool,
    pub load_error: Option<ApiError>,
}

impl ScriptEditor {
    pub fn new(kind: ScriptKind) -> Self {
        Self {
            kind,
            dotfiles: Vec::new(),
            path: SUGGESTED_DOTFILES[0].to_owned(),
            text: String::new(),
            original: None,
            pending: Some(ScriptPending::Loading),
            confirm: None,
            other_path: None,
            other_path_problem: None,
            problem: None,
            newline_added: false,
            load_error: None,
        }
    }

    /// Returns whether the text differs from what the server stores.
    pub fn is_dirty(&self) -> bool {
        match &self.original {
            Some(original) => *original != self.text,
            None => !self.text.is_empty(),
        }
    }

    /// Shows the dotfile at `path` as the server stores it, or an empty new file.
    pub fn select_dotfile(&mut self, path: &str) {
        let stored = self.dotfiles.iter().find(|dotfile| dotfile.path == path);
        self.path = path.to_owned();
        self.original = stored.map(|dotfile| dotfile.data.clone());
        self.text = self.original.clone().unwrap_or_default();
        self.problem = None;
        self.newline_added = false;
    }

    /// Paths for the drop-down: the suggested ones, then every other dotfile on the server.
    pub fn choices(&self) -> Vec<String> {
        let mut choices: Vec<String> = SUGGESTED_DOTFILES
            .iter()
            .map(|path| (*path).to_owned())
            .collect();
        for dotfile in &self.dotfiles {
            if !choices.contains(&dotfile.path) {
                choices.push(dotfile.path.clone());
            }
        }
        if !choices.contains(&self.path) {
            choices.push(self.path.clone());
        }
        choices
    }
}
