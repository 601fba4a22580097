# English (en-US) messages of bai-settings. Every id here must also exist in ko-KR/main.ftl.

app-title = Backend.AI settings

## Sidebar and top bar

sidebar-collapse = Collapse sidebar
sidebar-expand = Expand sidebar
nav-general = General
nav-settings = Settings
account-menu = Account
menu-preferences = Preferences
menu-about = About

## General page

page-general-title = General
option-desktop-notification = Desktop notification
option-desktop-notification-description = Also show completion and error messages as notifications of your desktop.
option-desktop-notification-checking = Checking the notification service…
option-compact-sidebar = Use compact sidebar by default
option-compact-sidebar-description = Start with a narrow sidebar that shows icons only.
option-language = Language
option-language-description = Language of this window. OS default follows your system's locale.
language-os = OS default
language-override-note = Set to { $language } by --lang for this run only.
settings-file-location = Settings file: { $path }

## Desktop notifications

notification-enabled = Desktop notifications are on.
notification-no-bus = Desktop notifications cannot be delivered: no D-Bus session bus was found. Start a desktop session (or dbus-daemon --session) and switch the option on again. Details: { $detail }
notification-no-service = Desktop notifications cannot be delivered: no notification service runs on the D-Bus session bus. Start one (for example dunst) and switch the option on again. Details: { $detail }
notification-switched-off = Desktop notifications were switched off because one could not be shown.

## Settings file

settings-corrupt = { $path } is not a valid settings file ({ $error }). The app started with default settings and kept the old file as { $backup }.
settings-field-invalid = In { $path }, { $key } = { $found } is invalid (expected { $expected }); the default is used.
settings-read-failed = Could not read { $path }: { $error }. The app uses default settings for now.
settings-save-failed = Could not save settings to { $path }: { $error }. Your changes stay in effect until the app closes.
expected-bool = true or false
expected-string = a string
expected-number = a number
expected-table = a table
expected-integer = a whole number

## Notification area

toast-dismiss = Dismiss

## About dialog

about-title = About Backend.AI settings
about-version = Version { $version }
about-settings-file = Settings file
about-font = Korean font
about-font-text = Bai Hangul, a subset of NanumGothic by NAVER Corporation, under the SIL Open Font License 1.1.
about-font-license = Font license
about-libraries = Libraries
about-libraries-text = Built with egui and eframe, Fluent, toml_edit, clap, notify-rust, directories and other Rust crates, each under the MIT or Apache-2.0 license. The Cargo.lock file in the app's source lists them all.
dialog-close = Close
dialog-cancel = Cancel

## Backend.AI connection

connection-title = Backend.AI server
connection-signed-out = Not signed in. Sign in with an API keypair or with your e-mail and password.
connection-connecting = Connecting to { $endpoint }…
connection-signed-in = Signed in to { $endpoint } as { $identity }.
connection-details = Credentials from { $source } · manager { $manager } · API { $api }
connection-failed = Could not sign in to { $endpoint } with the credentials from { $source }.
connection-tls-unverified = TLS certificates are not verified (BACKEND_SKIP_SSLCERT_VALIDATION is set). Anyone between you and the server could read your requests.
source-environment = environment variables
source-cli-files = the Backend.AI CLI's files in ~/.backend.ai
source-sign-in-dialog = this app's sign-in dialog
sign-in-button = Sign in…
sign-out-button = Sign out
sign-out-external-note = Signing out here ends this run's connection only; the environment variables or CLI files stay as they are.
menu-connecting = Connecting…
menu-not-signed-in = Not signed in
signed-in = Signed in as { $identity }.
signed-out = Signed out.
signed-out-locally = Signed out in this app, but the server could not be told to end the web session.
api-worker-busy = The app is still waiting for the server. Try again when the current request has finished.

## Sign-in dialog

sign-in-title = Sign in to Backend.AI
sign-in-endpoint = Endpoint
sign-in-mode = Sign in with
sign-in-mode-api = API keypair
sign-in-mode-session = E-mail and password
sign-in-access-key = Access key
sign-in-secret-key = Secret key
sign-in-email = E-mail
sign-in-password = Password
sign-in-otp = One-time password
sign-in-test = Test connection
sign-in-submit = Sign in
sign-in-testing = Testing the connection…
sign-in-signing-in = Signing in…
sign-in-test-ok = The server answers: manager { $manager }, API { $api }.
sign-in-missing-endpoint = Enter the endpoint, for example https://backend.example.com.
sign-in-invalid-endpoint = The endpoint must be a URL starting with http:// or https://, such as https://backend.example.com or http://10.0.0.5:8090.
sign-in-missing-access-key = Enter your access key.
sign-in-missing-secret-key = Enter your secret key.
sign-in-missing-email = Enter your e-mail address.
sign-in-missing-password = Enter your password.
sign-in-missing-otp = Enter the one-time password from your authenticator app.

## Server errors

api-error-invalid-endpoint = The endpoint { $endpoint } is invalid: { $reason }.
api-error-unreachable = Cannot reach { $url } ({ $detail }). Check the endpoint and your network, and that the server is running.
api-error-timeout = { $url } did not answer within { $seconds } seconds. The server may be overloaded; try again later, or raise BACKEND_READ_TIMEOUT.
api-error-tls = The secure connection to { $url } failed ({ $detail }). Check the endpoint's certificate; for a test server only, set BACKEND_SKIP_SSLCERT_VALIDATION=1.
api-error-auth-failed = The server rejected the credentials: the secret key (or password) is wrong. Check it and sign in again.
api-error-unknown-access-key = The server does not know this access key. Check it, or ask your administrator whether it was deleted or deactivated.
api-error-clock-skew = Your computer's clock differs from the server's by { $minutes } minutes; the server accepts at most 15. Set your clock (turn on automatic time) and try again.
api-error-clock-skew-unknown = Your computer's clock differs from the server's by more than 15 minutes. Set your clock (turn on automatic time) and try again.
api-error-unsupported-version = The server (manager { $server }) does not support API version { $version }, which this app needs. Ask your administrator which version of bai-settings fits the server.
api-error-too-many-requests = Too many attempts. Wait a few minutes (login attempts are blocked for up to 20 minutes) and try again.
api-error-session-expired = Your web session has ended. Sign in again.
api-error-login-failed = Login failed: { $details } Check your e-mail and password.
api-error-otp-required = This account uses two-factor authentication. Enter the one-time password from your authenticator app.
api-error-problem = The server answered HTTP { $status }: { $summary }
api-error-http = The server answered HTTP { $status } without an explanation: { $excerpt }
api-error-response-too-large = The answer of { $url } is larger than { $limit } MiB, so it was not read.
api-error-invalid-response = The server's answer could not be read ({ $url }): { $detail }

## Logs page

nav-logs = Logs
option-request-log-size = Request log size
option-request-log-size-description = How many requests the Logs page keeps, newest first (at least 100).
logs-search = Search
logs-errors-only = Errors only
logs-count = Showing { $shown } of { $stored ->
    [one] 1 request
   *[other] { $stored } requests
}
logs-cap = (keeps the newest { $max } requests)
logs-refresh = Refresh
logs-export = Export…
logs-clear = Clear logs
logs-loading = Reading the request log…
logs-empty = No requests yet. Every request this app sends to the Backend.AI server appears here.
logs-no-match = No request matches the search and filter.
logs-corrupt-lines = { $count ->
    [one] 1 damaged line of the log file could not be read and was skipped.
   *[other] { $count } damaged lines of the log file could not be read and were skipped.
}
logs-column-time = Time
logs-column-status = Status
logs-column-method = Method
logs-column-url = URL
logs-column-error-title = Error
logs-column-error-message = Message
logs-column-duration = Duration
logs-no-response = no response
logs-details = Request details
logs-copy-as-text = Copy as text
logs-close-details = Close
logs-refresh-nothing-new = No new requests: no other window of the app has sent one since the log was read.
logs-read-failed = Could not read the request log: { $error }
logs-cleared = The request log is empty now.
logs-clear-failed = Could not clear the request log: { $error }
logs-exported = Saved the shown requests to { $path }.
logs-export-failed = Could not export the requests: { $error }
logs-worker-busy = The request log is still busy with the previous action. Try again in a moment.
logs-clear-title = Clear the request log?
logs-clear-question = { $count ->
    [one] The request is
   *[other] All { $count } requests are
} deleted, for every window of the app. This cannot be undone.
logs-clear-confirm = Clear logs
api-error-not-signed-in = You are not signed in to a Backend.AI server. Sign in first (person menu → Sign in…).

## Account rows on the General page

needs-sign-in = Sign in to a Backend.AI server first.
option-ssh-keypair = SSH keypair management
option-ssh-keypair-description = The keypair your compute sessions accept for SSH connections.
option-ssh-keypair-button = Manage…
option-dotfiles = User config scripts
option-dotfiles-description = Dotfiles such as .bashrc that are written into every new compute session.
option-dotfiles-button = Edit user config script…
option-bootstrap = Bootstrap script
option-bootstrap-description = A script that runs once when a compute session starts.
option-bootstrap-button = Edit bootstrap script…

## SSH keypair dialog

ssh-title = SSH keypair
ssh-loading = Loading the stored keypair…
ssh-no-keypair = No keypair yet. Generate one or enter your own.
ssh-public-key = Public key
ssh-private-key = Private key
ssh-key-type = Type: { $type }
ssh-copy-public = Copy
ssh-copy-private = Copy private key
ssh-generate = Generate…
ssh-enter-manually = Enter manually…
ssh-confirm-replace = A new keypair replaces the one stored now (fingerprint { $fingerprint }).
ssh-confirm-new = A new keypair will be stored in your account.
ssh-manual-replaces = The pair you upload replaces the one stored now (fingerprint { $fingerprint }).
ssh-confirm-later-sessions = Compute sessions started from now on use the new key; running sessions keep the old one.
ssh-continue = Continue
ssh-where = Where should the keypair be made?
ssh-where-server = On the server (RSA 2048; works with every server version)
ssh-where-local = On this computer, then uploaded
ssh-algorithm-ed25519 = Ed25519 (recommended)
ssh-algorithm-rsa4096 = RSA 4096
ssh-generate-now = Generate
ssh-generating = Making the keypair…
ssh-upload = Check and upload
ssh-private-key-once = Keep the private key now: it is shown only this once and cannot be retrieved later.
ssh-save-path = Save to
ssh-choose-file = Choose…
ssh-save-private = Save private key…
ssh-saved-to = Saved to { $path } (readable by you only).
ssh-confirm-overwrite = { $path } exists already. Replace it?
ssh-overwrite = Replace
ssh-save-failed = Could not save the private key to { $path }: { $error }
ssh-confirm-close = You have neither copied nor saved the private key, and it cannot be shown again. Close anyway?
ssh-close-anyway = Close anyway
ssh-keep-open = Keep the dialog open
ssh-private-key-saved = Saved the private key to { $path }.
ssh-keypair-replaced = Your SSH keypair was replaced. New compute sessions use the new key.
ssh-key-invalid-public = The public key is invalid ({ $reason }). Paste one line such as "ssh-ed25519 AAAA… user@host".
ssh-key-ecdsa-pem = ECDSA private keys in the PEM format are not supported. Convert the key to the OpenSSH format with "ssh-keygen -p -f FILE" and paste it again.
ssh-key-invalid-private = The private key is invalid ({ $reason }). Paste the whole key, from the BEGIN line to the END line.
ssh-key-encrypted = The private key is protected by a passphrase. Remove it first (ssh-keygen -p -f FILE) and paste the key again.
ssh-key-mismatch = The public key does not belong to the private key. Paste the two halves of the same keypair.
ssh-key-generation-failed = The keypair could not be made: { $reason }
ssh-server-invalid-private = The server rejected the private key as invalid.
ssh-server-invalid-public = The server rejected the public key as invalid.
ssh-server-mismatch = The server found that the public key does not belong to the private key.

## Script editor

scripts-title-dotfiles = User config scripts
scripts-title-bootstrap = Bootstrap script
scripts-bootstrap-description = Runs once when a compute session starts. Surrounding blank lines and spaces are removed by the server.
scripts-bootstrap-name = the bootstrap script
scripts-file = File
scripts-new-file = new
scripts-other-path = Other path
scripts-open = Open
scripts-loading = Loading from the server…
scripts-editor = Script text
scripts-size = { $chars } of { $max } characters
scripts-space-left = { $bytes } bytes left of the 64 KiB for all dotfiles ({ $count ->
    [one] 1 file
   *[other] { $count } files
} stored)
scripts-unsaved = unsaved changes
scripts-save = Save
scripts-save-close = Save and close
scripts-delete = Delete
scripts-discard = Discard
scripts-saving = Saving…
scripts-deleting = Deleting…
scripts-applies-later = Changes apply to compute sessions started from now on.
scripts-saved = Saved { $path }. Compute sessions started from now on use it.
scripts-saved-after-retry = Saved { $path } after all: another client had changed it meanwhile, so it was saved the other way. Compute sessions started from now on use it.
scripts-bootstrap-saved = Saved the bootstrap script. Compute sessions started from now on run it.
scripts-bootstrap-deleted = Deleted the bootstrap script. Compute sessions started from now on start without one.
scripts-deleted = Deleted { $path }. Compute sessions started from now on no longer get it.
scripts-newline-added = A final line break was added, so lines a bootstrap script appends to this file do not join its last line.
scripts-unsaved-question = { $name } has unsaved changes. Save them?
scripts-delete-question = Delete { $name } from the server? Compute sessions started from now on no longer get it.
scripts-delete-bootstrap-question = Delete the bootstrap script? Compute sessions started from now on start without one.
scripts-empty-offer-delete = The server cannot store an empty file. Delete { $name } instead?
scripts-empty-not-on-server = The server cannot store an empty file, and { $path } is not on the server yet. Type its content, or choose another file.
scripts-empty = The server cannot store an empty file.
scripts-too-long = The text has { $chars } characters; the server accepts at most { $max }. Shorten it before saving.
scripts-too-long-with-newline = With the final line break that every dotfile gets, the text has { $chars } characters; the server accepts at most { $max }. Shorten it before saving.
scripts-no-space = All dotfiles together would take { $needed } bytes, more than the { $max } bytes the server keeps per access key. Shorten or delete a dotfile first.
scripts-too-many = You have { $max } dotfiles, the most the server keeps. Delete one before creating another.
scripts-path-blank = Enter a path, such as .config/starship.toml.
scripts-path-reserved = This path is reserved by Backend.AI for its own files. Choose another one.
scripts-path-parent = The path must not contain "..". Give a path inside your home directory.

## Update check and auto logout

option-update-check = Automatic update check
option-update-check-description = Looks for a newer release of this app at start-up and once a day.
update-check-now = Check now
update-checking = Checking for a newer release…
update-never-checked = Not checked yet.
update-up-to-date = Checked { $time }: up to date.
update-newer = Checked { $time }: version { $version } is available.
update-failed = Last check failed ({ $time }): { $reason }
update-now-up-to-date = This is the newest release of Backend.AI settings.
update-now-failed = The update check failed: { $reason }.
update-failed-unreachable = the release feed could not be reached ({ $detail })
update-failed-timeout = the release feed did not answer in time
update-failed-http = the release feed answered HTTP { $status }
update-failed-malformed = the release feed could not be read ({ $detail })
update-available-title = A new version is available
update-available-text = Version { $version } of Backend.AI settings is available; you have { $current }.
update-open-page = Open the release page
update-remind-later = Remind me later
update-skip-version = Skip this version
option-auto-logout = Auto logout
option-auto-logout-description = When the last window of this app closes, sign out: a web-session sign-in is ended on the server and its cookie deleted; credentials saved by this app's sign-in dialog are deleted. Environment variables and the Backend.AI CLI's files are never changed.
auto-logout-completed = You were signed out automatically: the app last closed before its sign-out could finish.
logs-export-title = Export requests
logs-export-question = Save { $count ->
    [one] the request
   *[other] the { $count } requests
} shown now as a JSON file.
logs-export-path = File
logs-export-confirm = Export
file-chooser-unavailable = No file chooser is available on this desktop. Type the file's path in the field instead.
copied = Copied to the clipboard.
logs-field-time = Time (UTC)
logs-field-request = Request
logs-field-error-type = Error type
logs-field-parameters = Parameters
