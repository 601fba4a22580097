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
