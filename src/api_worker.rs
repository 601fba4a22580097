//! The API worker: a named background thread that owns the connection to the Backend.AI server.
//!
//! The UI sends [`ApiCommand`]s through a bounded queue and gets [`ApiEvent`]s back through the
//! app's event queue, which wakes the UI. Commands run one at a time, so a server that never
//! answers delays later commands (up to the read timeout) but never the window. The thread is not
//! joined on exit: a request still pending ends with the process.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};

use crate::api::client::{
    ApiClient, Auth, ClientOptions, Clock, ServerInfo, Timeouts, system_clock,
};
use crate::api::credentials::{
    ConnectionSettings, CredentialSource, CredentialStore, Credentials, StoredCredentials,
};
use crate::api::{ApiError, Endpoint, EndpointType, Secret};
use crate::events::{AppEvent, EventSender};
use crate::request_log::RequestLog;

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

/// What the user entered to sign in.
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

    /// Read the server's versions without signing in; answered by [`ApiEvent::Tested`].
    TestConnection(ServerAddress),

    /// Sign in with what the dialog received and save it in the app's credential file.
    SignIn {
        address: ServerAddress,
        secrets: SignInSecrets,
    },

    /// Forget the connection: log out of a web session, delete the app's credential file and
    /// clear the request log.
    SignOut,
}

/// A signed-in connection, as the UI shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignedIn {
    pub endpoint: String,
    pub endpoint_type: EndpointType,
    /// E-mail (session mode) or access key (API mode).
    pub identity: String,
    pub source: CredentialSource,
    pub server: ServerInfo,
    pub skip_tls_verification: bool,
}

/// What the API worker reports.
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
    RequestLogged,
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
    }
}

struct Worker {
    config: ApiWorkerConfig,
    events: EventSender,
    request_log: RequestLog,
    client: Option<ApiClient>,
    source: Option<CredentialSource>,
}

impl Worker {
    fn new(config: ApiWorkerConfig, events: EventSender) -> Self {
        let request_log = RequestLog::new(
            config.request_log_dir.clone(),
            config.request_log_max_entries,
        );
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
            };
            self.events.send(AppEvent::Api(event));
        }
    }

    /// Builds a client for `address` whose requests go to the request log.
    fn client(&self, address: &ServerAddress, auth: Auth) -> Result<ApiClient, ApiError> {
        let endpoint = Endpoint::parse(&address.endpoint)?;
        let request_log = self.request_log.clone();
        let events = self.events.clone();
        let sink = Box::new(move |entry| {
            if let Err(error) = request_log.append(&entry) {
                log::warn!(
                    "Failed to add a request to {}: {error}",
                    request_log.path().display()
                );
            }
            events.send(AppEvent::Api(ApiEvent::RequestLogged));
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
        match address.endpoint_type {
            EndpointType::Api => client.verify_credentials()?,
            EndpointType::Session => {
                if !client.login_check()? {
                    return Err(ApiError::SessionExpired);
                }
            }
        }
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
        if let Err(error) = self.request_log.clear() {
            log::warn!(
                "Failed to clear {}: {error}",
                self.request_log.path().display()
            );
        }
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
