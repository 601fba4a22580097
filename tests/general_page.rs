//! The General page driven through egui_kittest, by labels and roles, on real settings files in a
//! temporary config directory.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

mod common;

use std::fs;

use bai_settings::app::BaiSettingsApp;
use bai_settings::settings::{LanguageChoice, Settings};
use common::{english_harness, flush_settings, harness, message_texts, options};
use egui::Role;
use egui_kittest::kittest::Queryable as _;

const COMPACT_TITLE: &str = "Use compact sidebar by default";

/// Returns whether any widget is labelled `label`. Option titles label both their text and their
/// switch, so a plain `get_by_label` would find two nodes.
fn has_label(harness: &egui_kittest::Harness<'_, BaiSettingsApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

fn settings_text(dir: &std::path::Path) -> String {
    fs::read_to_string(dir.join("settings.toml")).unwrap_or_default()
}

#[test]
fn compact_sidebar_switch_saves_and_previews() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());
    assert!(has_label(&harness, "Collapse sidebar"));

    harness
        .get_by_role_and_label(Role::Switch, COMPACT_TITLE)
        .click();
    harness.run_ok();

    let app = harness.state();
    assert!(app.state.settings.compact_sidebar);
    assert!(app.state.sidebar_compact, "the default applies at once");
    assert!(has_label(&harness, "Expand sidebar"));

    flush_settings(&mut harness);
    assert!(settings_text(dir.path()).contains("compact_sidebar = true"));

    harness
        .get_by_role_and_label(Role::Switch, COMPACT_TITLE)
        .click();
    harness.run_ok();
    flush_settings(&mut harness);
    assert!(!harness.state().state.sidebar_compact);
    assert!(settings_text(dir.path()).contains("compact_sidebar = false"));
}

#[test]
fn sidebar_icon_leaves_default_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());

    harness.get_by_label("Collapse sidebar").click();
    harness.run_ok();
    assert!(harness.state().state.sidebar_compact);
    assert!(!harness.state().state.settings.compact_sidebar);

    harness.get_by_label("Expand sidebar").click();
    harness.run_ok();
    flush_settings(&mut harness);
    assert!(!harness.state().state.sidebar_compact);
    assert!(
        !dir.path().join("settings.toml").exists(),
        "the sidebar icon must not write the settings file"
    );
}

#[test]
fn compact_default_starts_compact() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("settings.toml"), "compact_sidebar = true\n").unwrap();
    let harness = english_harness(dir.path());
    assert!(harness.state().state.sidebar_compact);
    assert!(has_label(&harness, "Expand sidebar"));
    assert!(!has_label(&harness, "Collapse sidebar"));
}

/// Opens the language drop-down, named `combo_label` in the current language, and picks `wanted`.
fn choose_language(
    harness: &mut egui_kittest::Harness<'_, BaiSettingsApp>,
    combo_label: &str,
    wanted: &str,
) {
    harness
        .get_by_role_and_label(Role::ComboBox, combo_label)
        .click();
    harness.run_ok();
    harness.get_by_label(wanted).click();
    harness.run_ok();
}

#[test]
fn choosing_korean_translates_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());
    assert!(has_label(&harness, "Desktop notification"));

    choose_language(&mut harness, "Language", "한국어");

    for label in [
        "데스크톱 알림",
        "기본으로 좁은 사이드바 사용",
        "언어",
        "사이드바 접기",
        "일반",
    ] {
        assert!(has_label(&harness, label), "missing Korean label {label:?}");
    }
    assert!(!has_label(&harness, "Desktop notification"));

    flush_settings(&mut harness);
    assert!(settings_text(dir.path()).contains("language = \"ko\""));
}

#[test]
fn os_default_follows_system_locale() {
    let dir = tempfile::tempdir().unwrap();
    let korean = harness(options(dir.path(), "ko_KR.UTF-8"));
    assert!(has_label(&korean, "데스크톱 알림"));
    drop(korean);

    let english = harness(options(dir.path(), "en_US.UTF-8"));
    assert!(has_label(&english, "Desktop notification"));
}

#[test]
fn back_to_os_default_reapplies_system_language() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("settings.toml"), "language = \"en\"\n").unwrap();
    let mut harness = harness(options(dir.path(), "ko_KR.UTF-8"));
    assert!(has_label(&harness, "Desktop notification"));

    // OS default is named in the language in effect: English here.
    choose_language(&mut harness, "Language", "OS default");
    assert!(has_label(&harness, "데스크톱 알림"));
    assert_eq!(harness.state().state.settings.language, LanguageChoice::Os);
}

#[test]
fn lang_override_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("settings.toml"), "language = \"en\"\n").unwrap();
    let mut options = options(dir.path(), "en_US.UTF-8");
    options.language_override = Some(LanguageChoice::Korean);
    let mut harness = harness(options);

    assert!(has_label(&harness, "데스크톱 알림"));
    assert!(
        harness.query_by_label_contains("--lang").is_some(),
        "the override is explained"
    );
    flush_settings(&mut harness);
    assert_eq!(settings_text(dir.path()), "language = \"en\"\n");
}

#[test]
fn restart_restores_every_option() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = english_harness(dir.path());
        harness
            .get_by_role_and_label(Role::Switch, COMPACT_TITLE)
            .click();
        harness.run_ok();
        choose_language(&mut harness, "Language", "한국어");
        flush_settings(&mut harness);
    }

    let harness = english_harness(dir.path());
    let expected = Settings {
        compact_sidebar: true,
        language: LanguageChoice::Korean,
        ..Settings::default()
    };
    assert_eq!(harness.state().state.settings, expected);
    assert!(harness.state().state.sidebar_compact);
    assert!(has_label(&harness, "사이드바 펼치기"));
}

#[test]
fn corrupt_file_is_reported_in_window() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("settings.toml"),
        "compact_sidebar = = true\n",
    )
    .unwrap();
    let harness = english_harness(dir.path());

    let texts = message_texts(harness.state());
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(
        texts[0].contains("is not a valid settings file"),
        "{}",
        texts[0]
    );
    assert!(texts[0].contains("settings.toml.corrupt-"), "{}", texts[0]);
    assert!(
        harness
            .query_by_label_contains("is not a valid settings file")
            .is_some()
    );
    assert_eq!(harness.state().state.settings, Settings::default());
}

#[test]
fn wrong_type_is_reported_in_window() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("settings.toml"),
        "compact_sidebar = \"yes\"\nlanguage = \"ko\"\n",
    )
    .unwrap();
    let harness = english_harness(dir.path());

    assert_eq!(
        harness.state().state.settings.language,
        LanguageChoice::Korean
    );
    let texts = message_texts(harness.state());
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("compact_sidebar"), "{}", texts[0]);
    assert!(
        texts[0].contains("true 또는 false"),
        "shown in Korean: {}",
        texts[0]
    );
}

#[test]
fn unwritable_directory_keeps_settings_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    // A config directory beneath a regular file cannot be created, even by root.
    let blocker = dir.path().join("not-a-directory");
    fs::write(&blocker, "").unwrap();
    let config_dir = blocker.join("bai-settings");
    let mut harness = english_harness(&config_dir);

    harness
        .get_by_role_and_label(Role::Switch, COMPACT_TITLE)
        .click();
    harness.run_ok();
    flush_settings(&mut harness);

    assert!(harness.state().state.settings.compact_sidebar);
    let texts = message_texts(harness.state());
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("Could not save settings"), "{}", texts[0]);
    assert!(
        texts[0].contains(&config_dir.display().to_string()),
        "{}",
        texts[0]
    );

    // The error stays until dismissed.
    harness.get_by_label("Dismiss").click();
    harness.run_ok();
    assert!(message_texts(harness.state()).is_empty());
}

#[test]
fn about_dialog_opens_from_person_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());

    harness.get_by_label("Account").click();
    harness.run_ok();
    harness.get_by_label("About…").click();
    harness.run_ok();
    assert!(has_label(&harness, "About Backend.AI settings"));
    assert!(
        harness
            .query_by_label_contains(env!("CARGO_PKG_VERSION"))
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("SIL Open Font License")
            .is_some()
    );

    harness.key_press(egui::Key::Escape);
    harness.run_ok();
    assert!(!has_label(&harness, "About Backend.AI settings"));
}

#[test]
fn keyboard_toggles_focused_switch() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = english_harness(dir.path());

    harness
        .get_by_role_and_label(Role::Switch, COMPACT_TITLE)
        .focus();
    harness.run_ok();
    harness.key_press(egui::Key::Space);
    harness.run_ok();
    assert!(harness.state().state.settings.compact_sidebar);
}
