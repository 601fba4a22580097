//! The API worker: a named background thread that owns the connection to the Backend.AI server.
//!
//! The UI sends [`ApiCommand`]s through a bounded queue and gets [`ApiEvent`]s back through the
//! app's event queue, which wakes the UI. Commands run one at a time, so a server that never
//! answers delays later commands (up to the read timeout) but never the window. The thread is not
//! joined on exit: a request still pending ends with the process.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::api::account::{self, DotfileSaved, NewKeypair};
use crate::api::client::{
    ApiClient, Auth, ClientOptions, Clock, ServerInfo, Timeouts, system_clock,
};
use crate::api::credentials::{
    ConnectionSettings, CredentialSource, CredentialStore, Credentials, StoredCredentials,
};
use crate::api::{ApiError, Endpoint, EndpointType, Secret};
use crate::events::{AppEvent, EventSender};
use crate::request_log::{RequestLog, RequestLogEntry};
use crate::scripts::Dotfile;
use crate::ssh_keys::{self, KeyAlgorithm, KeyError, SaveError};

/// Capacity of the command queue. Commands come from clicks, so a full queue means the worker is
/// stuck on a slow server; further clicks are then refused with a message instead of piling up.
const COMMAND_QUEUE_CAPACITY: usize = 16;

/// How to reach a server, as entered in the sign-in dialog or found at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerAddress {
    pub endpoint: String,
    pub endpoint_type: EndpointType,
    pub skip_tls_verification: bool,
    pub timeouts: Timeouts,
}

/// Secrets the user entered to sign in.
#[derive(Clone, Debug, PartialEq)]
pub enum SignInSecrets {
    Keypair {
        access_key: String,
        secret_key: Secret,
    },
    Password {
        email: String,
        password: Secret,
        otp: Option<Secret>,
    },
}

/// A request to the API worker.
#[derive(Debug)]
pub enum ApiCommand {
    /// Connect with credentials found at start-up, and check that they work.
    Connect(ConnectionSettings),

    /// Read the server's versions without signing in. The result comes back as
    /// [`ApiEvent::Tested`].
    TestConnection(ServerAddress),

    /// Sign in with what the dialog received and save it in the app's credential file.
    SignIn {
        address: ServerAddress,
        secrets: SignInSecrets,
    },

    /// Forget the connection: log out of a web session, delete the app's credential file and
    /// clear the request log.
    SignOut,

    /// Keep this many entries in the request log from now on.
    SetRequestLogCap(usize),

    /// Read the stored SSH public key.
    LoadSshKeypair,
    /// Replace the SSH keypair with one the server makes.
    GenerateSshKeypairOnServer,
    /// Make a keypair here and upload it.
    GenerateSshKeypairLocally(KeyAlgorithm),
    /// Upload a keypair the user entered; it was checked locally first.
    UploadSshKeypair {
        public_key: String,
        private_key: Secret,
    },
    /// Ask for a file with the save dialog, starting at `suggested`.
    ChoosePrivateKeyPath {
        suggested: PathBuf,
    },
    /// Write the private key to a file with mode 0600.
    SavePrivateKey {
        path: PathBuf,
        private_key: Secret,
        overwrite: bool,
    },

    LoadDotfiles,
    /// `exists`: whether the file existed on the server when it was loaded.
    SaveDotfile {
        path: String,
        data: String,
        exists: bool,
    },
    DeleteDotfile {
        path: String,
    },
    LoadBootstrapScript,
    SaveBootstrapScript {
        script: String,
    },
}

/// Reason a new SSH keypair could not be made or stored.
#[derive(Clone, Debug, PartialEq)]
pub enum KeypairFailure {
    Api(ApiError),
    Key(KeyError),
}

/// Reason the private key file could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrivateKeySaveFailure {
    /// The file exists; the user must confirm to replace it.
    Exists(PathBuf),
    Io {
        path: PathBuf,
        detail: String,
    },
}

/// A signed-in connection, as the UI shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignedIn {
    pub endpoint: String,
    pub endpoint_type: EndpointType,
    /// E-mail address, or in API mode the access key when the server does not tell the address.
    pub identity: String,
    pub source: CredentialSource,
    pub server: ServerInfo,
    pub skip_tls_verification: bool,
}

/// Result the API worker sends back.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiEvent {
    Tested(Result<ServerInfo, ApiError>),
    SignedIn(SignedIn),
    SignInFailed(ApiError),
    /// The credentials found at start-up did not work.
    ConnectFailed {
        endpoint: String,
        source: CredentialSource,
        error: ApiError,
    },
    /// `logout_error` is set when a web session could not be ended on the server.
    SignedOut {
        logout_error: Option<ApiError>,
    },
    /// A request was added to the request log.
    RequestLogged(Box<RequestLogEntry>),

    SshKeypairLoaded(Result<Option<String>, ApiError>),
    SshKeypairCreated(Result<NewKeypair, KeypairFailure>),
    PrivateKeyPathChosen(crate::file_chooser::Choice),
    PrivateKeySaved(Result<PathBuf, PrivateKeySaveFailure>),

    DotfilesLoaded(Result<Vec<Dotfile>, ApiError>),
    DotfileSaved {
        path: String,
        result: Result<DotfileSaved, ApiError>,
    },
    DotfileDeleted {
        path: String,
        result: Result<(), ApiError>,
    },
    BootstrapScriptLoaded(Result<String, ApiError>),
    /// On success, what the server stored.
    BootstrapScriptSaved(Result<String, ApiError>),
}

/// Handle to the API worker thread.
pub struct ApiWorker {
    commands: SyncSender<ApiCommand>,
}

/// Files and clock the worker uses.
pub struct ApiWorkerConfig {
    pub credential_store: CredentialStore,
    pub request_log_dir: PathBuf,
    pub request_log_max_entries: usize,
    pub clock: Clock,
}

impl ApiWorkerConfig {
    pub fn new(config_dir: PathBuf, request_log_dir: PathBuf) -> Self {
        Self {
            credential_store: CredentialStore::new(&config_dir),
            request_log_dir,
            request_log_max_entries: crate::request_log::DEFAULT_MAX_ENTRIES,
            clock: system_clock(),
        }
    }
}

impl ApiWorker {
    /// Starts the `api-worker` thread.
    pub fn spawn(config: ApiWorkerConfig, events: EventSender) -> std::io::Result<Self> {
        let (commands, receiver) = std::sync::mpsc::sync_channel(COMMAND_QUEUE_CAPACITY);
        std::thread::Builder::new()
            .name("api-worker".to_owned())
            .spawn(move || Worker::new(config, events).serve(&receiver))?;
        Ok(Self { commands })
    }

    /// Queues `command` without blocking. Returns `false` when the queue is full or the worker
    /// has stopped, so the caller can tell the user.
    pub fn try_send(&self, command: ApiCommand) -> bool {
        match self.commands.try_send(command) {
            Ok(()) => true,
            Err(TrySendError::Full(command)) => {
                log::warn!(
                    "The API worker is busy; rejected the {} command",
                    command_name(&command)
                );
                false
            }
            Err(TrySendError::Disconnected(_)) => {
                log::error!("The API worker thread has stopped");
                false
            }
        }
    }
}

fn command_name(command: &ApiCommand) -> &'static str {
    match command {
        ApiCommand::Connect(_) => "connect",
        ApiCommand::TestConnection(_) => "test connection",
        ApiCommand::SignIn { .. } => "sign in",
        ApiCommand::SignOut => "sign out",
        ApiCommand::SetRequestLogCap(_) => "set request log cap",
        ApiCommand::LoadSshKeypair => "load SSH keypair",
        ApiCommand::GenerateSshKeypairOnServer | ApiCommand::GenerateSshKeypairLocally(_) => {
            "generate SSH keypair"
        }
        ApiCommand::UploadSshKeypair { .. } => "upload SSH keypair",
        ApiCommand::ChoosePrivateKeyPath { .. } => "choose private key file",
        ApiCommand::SavePrivateKey { .. } => "save private key",
        ApiCommand::LoadDotfiles => "load dotfiles",
        ApiCommand::SaveDotfile { .. } => "save dotfile",
        ApiCommand::DeleteDotfile { .. } => "delete dotfile",
        ApiCommand::LoadBootstrapScript => "load bootstrap script",
        ApiCommand::SaveBootstrapScript { .. } => "save bootstrap script",
    }
}

struct Worker {
    config: ApiWorkerConfig,
    events: EventSender,
    /// Shared with the active client's request sink, so a new cap applies at once.
    request_log: Arc<Mutex<RequestLog>>,
    client: Option<ApiClient>,
    source: Option<CredentialSource>,
}

impl Worker {
    fn new(config: ApiWorkerConfig, events: EventSender) -> Self {
        let request_log = Arc::new(Mutex::new(RequestLog::new(
            config.request_log_dir.clone(),
            config.request_log_max_entries,
        )));
        Self {
            config,
            events,
            request_log,
            client: None,
            source: None,
        }
    }

    fn serve(mut self, commands: &Receiver<ApiCommand>) {
        while let Ok(command) = commands.recv() {
            let event = match command {
                ApiCommand::Connect(settings) => self.connect(settings),
                ApiCommand::TestConnection(address) => {
                    ApiEvent::Tested(self.test_connection(&address))
                }
                ApiCommand::SignIn { address, secrets } => match self.sign_in(&address, secrets) {
                    Ok(signed_in) => ApiEvent::SignedIn(signed_in),
                    Err(error) => ApiEvent::SignInFailed(error),
                },
                ApiCommand::SignOut => self.sign_out(),
                ApiCommand::SetRequestLogCap(max_entries) => {
                    lock(&self.request_log).set_max_entries(max_entries);
                    continue;
                }
                ApiCommand::LoadSshKeypair => {
                    ApiEvent::SshKeypairLoaded(self.with_client(account::ssh_public_key))
                }
                ApiCommand::GenerateSshKeypairOnServer => ApiEvent::SshKeypairCreated(
                    self.with_client(account::generate_ssh_keypair_on_server)
                        .map_err(KeypairFailure::Api),
                ),
                ApiCommand::GenerateSshKeypairLocally(algorithm) => {
                    ApiEvent::SshKeypairCreated(self.generate_locally(algorithm))
                }
                ApiCommand::UploadSshKeypair {
                    public_key,
                    private_key,
                } => ApiEvent::SshKeypairCreated(
                    self.with_client(|client| {
                        account::upload_ssh_keypair(client, &public_key, &private_key)
                    })
                    .map_err(KeypairFailure::Api),
                ),
                ApiCommand::ChoosePrivateKeyPath { suggested } => ApiEvent::PrivateKeyPathChosen(
                    crate::file_chooser::choose_save_path(&suggested, None),
                ),
                ApiCommand::SavePrivateKey {
                    path,
                    private_key,
                    overwrite,
                } => ApiEvent::PrivateKeySaved(save_private_key(path, &private_key, overwrite)),
                ApiCommand::LoadDotfiles => {
                    ApiEvent::DotfilesLoaded(self.with_client(account::list_dotfiles))
                }
                ApiCommand::SaveDotfile { path, data, exists } => {
                    let result = self
                        .with_client(|client| account::save_dotfile(client, &path, &data, exists));
                    ApiEvent::DotfileSaved { path, result }
                }
                ApiCommand::DeleteDotfile { path } => {
                    let result = self.with_client(|client| account::delete_dotfile(client, &path));
                    ApiEvent::DotfileDeleted { path, result }
                }
                ApiCommand::LoadBootstrapScript => {
                    ApiEvent::BootstrapScriptLoaded(self.with_client(account::bootstrap_script))
                }
                ApiCommand::SaveBootstrapScript { script } => ApiEvent::BootstrapScriptSaved(
                    self.with_client(|client| account::save_bootstrap_script(client, &script)),
                ),
            };
            self.events.send(AppEvent::Api(event));
        }
    }

    /// Runs `call` on the signed-in client.
    fn with_client<T>(
        &mut self,
        call: impl FnOnce(&mut ApiClient) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let client = self.client.as_mut().ok_or(ApiError::NotSignedIn)?;
        call(client)
    }

    /// Makes a keypair here, then stores it on the server.
    fn generate_locally(&mut self, algorithm: KeyAlgorithm) -> Result<NewKeypair, KeypairFailure> {
        if self.client.is_none() {
            return Err(KeypairFailure::Api(ApiError::NotSignedIn));
        }
        let comment = "bai-settings";
        let generated = ssh_keys::generate(algorithm, comment).map_err(KeypairFailure::Key)?;
        let private_key = Secret::new(generated.private_key.clone());
        self.with_client(|client| {
            account::upload_ssh_keypair(client, &generated.public_key, &private_key)
        })
        .map_err(KeypairFailure::Api)
    }

    /// Builds a client for `address` whose requests go to the request log.
    fn client(&self, address: &ServerAddress, auth: Auth) -> Result<ApiClient, ApiError> {
        let endpoint = Endpoint::parse(&address.endpoint)?;
        let request_log = Arc::clone(&self.request_log);
        let events = self.events.clone();
        let sink = Box::new(move |entry: RequestLogEntry| {
            let request_log = lock(&request_log);
            if let Err(error) = request_log.append(&entry) {
                log::warn!(
                    "Failed to add a request to {}: {error}",
                    request_log.path().display()
                );
            }
            drop(request_log);
            events.send(AppEvent::Api(ApiEvent::RequestLogged(Box::new(entry))));
        });
        Ok(ApiClient::new(
            endpoint,
            address.endpoint_type,
            auth,
            ClientOptions {
                timeouts: address.timeouts,
                skip_tls_verification: address.skip_tls_verification,
                clock: self.config.clock.clone(),
                request_sink: Some(sink),
            },
        ))
    }

    fn connect(&mut self, settings: ConnectionSettings) -> ApiEvent {
        let address = ServerAddress {
            endpoint: settings.endpoint.clone(),
            endpoint_type: settings.endpoint_type,
            skip_tls_verification: settings.skip_tls_verification,
            timeouts: settings.timeouts,
        };
        let result = self.connect_with(&address, &settings.credentials, settings.source);
        match result {
            Ok(signed_in) => ApiEvent::SignedIn(signed_in),
            Err(error) => {
                log::warn!("Failed to connect to {}: {error}", settings.endpoint);
                // A web session that has ended cannot be reused; keeping its cookie would fail
                // the same way at every start.
                if matches!(error, ApiError::SessionExpired)
                    && settings.source == CredentialSource::SignInDialog
                {
                    self.delete_stored_credentials();
                }
                ApiEvent::ConnectFailed {
                    endpoint: settings.endpoint,
                    source: settings.source,
                    error,
                }
            }
        }
    }

    fn connect_with(
        &mut self,
        address: &ServerAddress,
        credentials: &Credentials,
        source: CredentialSource,
    ) -> Result<SignedIn, ApiError> {
        let (auth, identity) = match credentials {
            Credentials::Keypair {
                access_key,
                secret_key,
            } => (
                Auth::Keypair {
                    access_key: access_key.clone(),
                    secret_key: secret_key.clone(),
                },
                access_key.clone(),
            ),
            Credentials::Session { email, cookie } => (
                Auth::Session {
                    cookie: Some(cookie.clone()),
                },
                email.clone(),
            ),
        };
        let mut client = self.client(address, auth)?;
        let server = client.negotiate_version()?;
        let identity = match address.endpoint_type {
            EndpointType::Api => {
                client.verify_credentials()?;
                api_mode_identity(&mut client, identity)
            }
            EndpointType::Session => {
                if !client.login_check()? {
                    return Err(ApiError::SessionExpired);
                }
                identity
            }
        };
        Ok(self.finish_sign_in(client, address, identity, source, server))
    }

    fn finish_sign_in(
        &mut self,
        client: ApiClient,
        address: &ServerAddress,
        identity: String,
        source: CredentialSource,
        server: ServerInfo,
    ) -> SignedIn {
        log::info!(
            "Signed in to {} as {identity} (manager {}, API {})",
            address.endpoint,
            server.manager_version,
            server.api_version
        );
        self.client = Some(client);
        self.source = Some(source);
        SignedIn {
            endpoint: address.endpoint.clone(),
            endpoint_type: address.endpoint_type,
            identity,
            source,
            server,
            skip_tls_verification: address.skip_tls_verification,
        }
    }

    fn test_connection(&self, address: &ServerAddress) -> Result<ServerInfo, ApiError> {
        let auth = Auth::Session { cookie: None };
        self.client(address, auth)?.negotiate_version()
    }

    fn sign_in(
        &mut self,
        address: &ServerAddress,
        secrets: SignInSecrets,
    ) -> Result<SignedIn, ApiError> {
        let (stored, signed_in) = match secrets {
            SignInSecrets::Keypair {
                access_key,
                secret_key,
            } => {
                let credentials = Credentials::Keypair {
                    access_key: access_key.clone(),
                    secret_key,
                };
                let signed_in =
                    self.connect_with(address, &credentials, CredentialSource::SignInDialog)?;
                (credentials, signed_in)
            }
            SignInSecrets::Password {
                email,
                password,
                otp,
            } => {
                let mut client = self.client(address, Auth::Session { cookie: None })?;
                let server = client.negotiate_version()?;
                client.login(&email, &password, otp.as_ref())?;
                let cookie = client
                    .session_cookie()
                    .cloned()
                    .ok_or(ApiError::SessionExpired)?;
                let signed_in = self.finish_sign_in(
                    client,
                    address,
                    email.clone(),
                    CredentialSource::SignInDialog,
                    server,
                );
                (Credentials::Session { email, cookie }, signed_in)
            }
        };

        let stored = StoredCredentials {
            endpoint: address.endpoint.clone(),
            endpoint_type: address.endpoint_type,
            credentials: stored,
        };
        if let Err(error) = self.config.credential_store.save(&stored) {
            // Signed in for this run all the same; the next start asks again.
            log::error!(
                "Failed to save credentials to {}: {error}",
                self.config.credential_store.path().display()
            );
        }
        Ok(signed_in)
    }

    fn sign_out(&mut self) -> ApiEvent {
        let mut logout_error = None;
        if let Some(mut client) = self.client.take()
            && client.endpoint_type() == EndpointType::Session
            && let Err(error) = client.logout()
        {
            log::warn!(
                "Failed to end the web session at {}: {error}",
                client.endpoint()
            );
            logout_error = Some(error);
        }
        if self.source.take() == Some(CredentialSource::SignInDialog) {
            self.delete_stored_credentials();
        }
        let request_log = lock(&self.request_log);
        if let Err(error) = request_log.clear() {
            log::warn!("Failed to clear {}: {error}", request_log.path().display());
        }
        drop(request_log);
        ApiEvent::SignedOut { logout_error }
    }

    fn delete_stored_credentials(&self) {
        if let Err(error) = self.config.credential_store.delete() {
            log::error!(
                "Failed to delete {}: {error}",
                self.config.credential_store.path().display()
            );
        }
    }
}

/// Returns the e-mail address of the access key's owner, or `access_key` when the server does not
/// tell it. The sign-in has succeeded by then, so a failure here only changes what is shown.
fn api_mode_identity(client: &mut ApiClient, access_key: String) -> String {
    match account::user_email(client) {
        Ok(Some(email)) => email,
        Ok(None) => access_key,
        Err(error) => {
            log::info!("Showing the access key, because the user's e-mail is unknown: {error}");
            access_key
        }
    }
}

/// Locks the shared request log; a panic while it was held leaves nothing inconsistent in it.
fn lock(request_log: &Mutex<RequestLog>) -> MutexGuard<'_, RequestLog> {
    request_log.lock().unwrap_or_else(PoisonError::into_inner)
}

fn save_private_key(
    path: PathBuf,
    private_key: &Secret,
    overwrite: bool,
) -> Result<PathBuf, PrivateKeySaveFailure> {
    match ssh_keys::save_private_key(&path, private_key.expose(), overwrite) {
        Ok(()) => {
            log::info!("Saved a private key to {}", path.display());
            Ok(path)
        }
        Err(SaveError::Exists { path }) => Err(PrivateKeySaveFailure::Exists(path)),
        Err(SaveError::Io { path, source }) => {
            log::error!(
                "Failed to save a private key to {}: {source}",
                path.display()
            );
            Err(PrivateKeySaveFailure::Io {
                path,
                detail: source.to_string(),
            })
        }
    }
}
