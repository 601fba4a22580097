//! Translated UI text: Fluent message files for English and Korean, the choice between them, and
//! lookup by message id.
//!
//! The `.ftl` files under `i18n/` are embedded at build time. A message id missing from the active
//! language falls back to English; an id missing from both is logged once and shown as the id
//! itself, so a gap is visible without breaking the window.

use std::cell::RefCell;
use std::collections::HashSet;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::settings::LanguageChoice;

/// Names of the message arguments that are counts or sizes. Their values go to Fluent as numbers,
/// so messages can choose plural forms, and are shown with thousands separators (2,000). Every
/// other argument is shown exactly as given, so a file named `2024` stays `2024`.
pub const NUMBER_ARGS: &[&str] = &[
    "bytes", "chars", "count", "limit", "max", "minutes", "needed", "seconds", "shown", "stored",
];

/// The Fluent sources, by locale, as embedded in the binary.
pub const ENGLISH_FTL: &str = include_str!("../i18n/en-US/main.ftl");
pub const KOREAN_FTL: &str = include_str!("../i18n/ko-KR/main.ftl");

/// A language the UI is translated into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    English,
    Korean,
}

impl Locale {
    /// Chooses the UI language for `choice`, reading the system locale only for
    /// [`LanguageChoice::Os`].
    pub fn resolve(choice: LanguageChoice, system: &SystemLocale) -> Self {
        match choice {
            LanguageChoice::English => Self::English,
            LanguageChoice::Korean => Self::Korean,
            LanguageChoice::Os => system.locale(),
        }
    }
}

/// The operating system's locale as found at start-up, e.g. `ko_KR.UTF-8` or `en-US`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SystemLocale {
    pub name: Option<String>,
}

impl SystemLocale {
    /// Reads the locale of this process.
    ///
    /// On Linux and the BSDs this is the first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`,
    /// the order in which the C library picks the language of messages. Elsewhere `sys-locale`
    /// queries the OS.
    pub fn from_process() -> Self {
        Self::from_env_and_os(|name| std::env::var(name).ok(), sys_locale::get_locale)
    }

    /// Like [`Self::from_process`], with the environment lookup and the OS query passed in.
    pub fn from_env_and_os(
        env: impl Fn(&str) -> Option<String>,
        os: impl FnOnce() -> Option<String>,
    ) -> Self {
        let from_env = if cfg!(all(unix, not(target_os = "macos"))) {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(|name| env(name).filter(|value| !value.is_empty()))
        } else {
            None
        };
        Self {
            name: from_env.or_else(os),
        }
    }

    /// Creates a locale with this exact name, for tests.
    pub fn named(name: &str) -> Self {
        Self {
            name: Some(name.to_owned()),
        }
    }

    /// Korean for `ko` and `ko-*` / `ko_*`, English for everything else (including `C`).
    pub fn locale(&self) -> Locale {
        let primary = self
            .name
            .as_deref()
            .and_then(|name| name.split(['_', '-', '.', '@']).next())
            .unwrap_or_default();
        if primary.eq_ignore_ascii_case("ko") {
            Locale::Korean
        } else {
            Locale::English
        }
    }
}

/// Looks up UI text in the active language.
pub struct Localizer {
    english: FluentBundle<FluentResource>,
    korean: FluentBundle<FluentResource>,
    locale: Locale,

    /// Ids already reported missing, so each is logged once.
    reported_missing: RefCell<HashSet<String>>,
}

impl Localizer {
    pub fn new(locale: Locale) -> Self {
        Self {
            english: build_bundle("en-US", ENGLISH_FTL),
            korean: build_bundle("ko-KR", KOREAN_FTL),
            locale,
            reported_missing: RefCell::default(),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn set_locale(&mut self, locale: Locale) {
        self.locale = locale;
    }

    /// Returns the message `id` in the active language.
    pub fn tr(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// Returns the message `id` with its `{ $name }` placeholders filled from `args`.
    pub fn tr_args(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value.parse::<i64>() {
                Ok(number) if NUMBER_ARGS.contains(name) => {
                    fluent_args.set(*name, FluentValue::from(number));
                }
                _ => fluent_args.set(*name, FluentValue::from(*value)),
            }
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let active = match self.locale {
            Locale::English => &self.english,
            Locale::Korean => &self.korean,
        };
        for bundle in [active, &self.english] {
            let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                self.report_once(id, &format!("formatting failed: {errors:?}"));
            }
            return text.into_owned();
        }
        self.report_once(id, "no such message id in any language");
        id.to_owned()
    }

    fn report_once(&self, id: &str, problem: &str) {
        if self.reported_missing.borrow_mut().insert(id.to_owned()) {
            log::error!("Translation problem with message id {id:?}: {problem}");
        }
    }
}

/// Builds the bundle for one locale. The embedded files are checked by tests, so a syntax error
/// here is a build defect: it is logged and the entries that did parse are still used.
fn build_bundle(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let language: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![language]);

    // Unicode isolation marks around placeholders would show up as boxes in egui.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));

    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, errors)| {
            log::error!("Syntax errors in the {tag} messages: {errors:?}");
            resource
        });
    if let Err(errors) = bundle.add_resource(resource) {
        log::error!("Duplicate messages in the {tag} messages: {errors:?}");
    }
    bundle
}

/// Writes whole numbers with a comma between groups of three digits, as English and Korean both
/// do (2,000). Returns `None` for other values, which Fluent then formats itself.
fn format_number<M>(value: &FluentValue<'_>, _memoizer: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    if number.value.fract() != 0.0 || number.value.abs() < 1_000.0 || number.value.abs() > 1e15 {
        return None;
    }

    // The checks above make the conversion exact.
    let whole = number.value as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if whole < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    Some(grouped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn korean_variants_are_korean() {
        for name in ["ko", "ko_KR.UTF-8", "ko-KR", "KO_kr"] {
            assert_eq!(SystemLocale::named(name).locale(), Locale::Korean, "{name}");
        }
    }

    #[test]
    fn other_locales_are_english() {
        for name in ["en_US.UTF-8", "C", "POSIX", "kok_IN", "de-DE", ""] {
            assert_eq!(
                SystemLocale::named(name).locale(),
                Locale::English,
                "{name}"
            );
        }
        assert_eq!(SystemLocale::default().locale(), Locale::English);
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn env_order_is_lc_all_lc_messages_lang() {
        let os = || Some("en-US".to_owned());
        let all = SystemLocale::from_env_and_os(
            env_of(&[
                ("LC_ALL", "ko_KR.UTF-8"),
                ("LC_MESSAGES", "en_US"),
                ("LANG", "en_US"),
            ]),
            os,
        );
        assert_eq!(all.locale(), Locale::Korean);

        let messages = SystemLocale::from_env_and_os(
            env_of(&[("LC_ALL", ""), ("LC_MESSAGES", "ko_KR"), ("LANG", "en_US")]),
            os,
        );
        assert_eq!(messages.locale(), Locale::Korean);

        let lang = SystemLocale::from_env_and_os(env_of(&[("LANG", "ko_KR.UTF-8")]), os);
        assert_eq!(lang.locale(), Locale::Korean);

        let none = SystemLocale::from_env_and_os(env_of(&[]), || Some("ko-KR".to_owned()));
        assert_eq!(none.locale(), Locale::Korean);
    }

    #[test]
    fn missing_id_shows_the_id() {
        let localizer = Localizer::new(Locale::Korean);
        assert_eq!(localizer.tr("no-such-message-id"), "no-such-message-id");
    }

    #[test]
    fn counts_get_thousands_separators() {
        for locale in [Locale::English, Locale::Korean] {
            let localizer = Localizer::new(locale);
            let text = localizer.tr_args("logs-cap", &[("max", "2000")]);
            assert!(text.contains("2,000"), "{locale:?}: {text}");
            let text = localizer.tr_args("logs-cap", &[("max", "1234567")]);
            assert!(text.contains("1,234,567"), "{locale:?}: {text}");
            let text = localizer.tr_args("logs-cap", &[("max", "100")]);
            assert!(text.contains("100"), "{locale:?}: {text}");
        }
    }

    #[test]
    fn names_that_look_like_numbers_stay_as_given() {
        let localizer = Localizer::new(Locale::English);
        let text = localizer.tr_args("scripts-unsaved-question", &[("name", "20241204")]);
        assert!(text.starts_with("20241204 has"), "{text}");
    }

    #[test]
    fn arguments_are_filled_in() {
        let localizer = Localizer::new(Locale::English);
        let text = localizer.tr_args(
            "settings-save-failed",
            &[("path", "/x/settings.toml"), ("error", "denied")],
        );
        assert!(text.contains("/x/settings.toml"), "{text}");
        assert!(text.contains("denied"), "{text}");
    }
}
