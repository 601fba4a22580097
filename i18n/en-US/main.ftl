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
about-libraries-text = Built with egui and eframe, Fluent, toml_edit, clap, notify-rust, directories and other Rust crates, each under the MIT or Apache-2.0 license. Cargo.lock lists them all.
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
