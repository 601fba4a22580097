//! The Fluent message files: both locales define the same ids with the same placeholders, and
//! every id the code uses is defined.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use bai_settings::i18n::{ENGLISH_FTL, KOREAN_FTL, Locale, Localizer, NUMBER_ARGS};

/// Message ids and their `{ $placeholder }` names, read from the `id = value` lines and the
/// indented lines that continue them (plural variants).
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with(' ') {
            if let Some(id) = &current {
                values.entry(id.clone()).or_default().push_str(line);
            }
            continue;
        }
        current = None;
        let Some((id, value)) = line
            .split_once(" = ")
            .or_else(|| line.strip_suffix(" =").map(|id| (id, "")))
        else {
            continue;
        };
        let is_id = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if is_id {
            values.insert(id.to_owned(), value.to_owned());
            current = Some(id.to_owned());
        }
    }
    values
        .into_iter()
        .map(|(id, value)| {
            let placeholders = value
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split([' ', '}']).next().map(str::to_owned))
                .collect();
            (id, placeholders)
        })
        .collect()
}

/// String literals in `src/` that are not message ids although they look like one: thread names,
/// file and table names, and error kinds for the request log.
const NOT_MESSAGE_IDS: &[&str] = &[
    "api-worker",
    "auth-failed",
    "backend-ai",
    "bai-hangul",
    "bai-settings",
    "invalid-ssh-private-key",
    "invalid-ssh-public-key",
    "not-signed-in",
    "object-not-found",
    "pending-logout",
    "request-log",
    "ssh-keypair-mismatch",
    "clock-skew",
    "desktop-notifier",
    "http-error",
    "invalid-endpoint",
    "invalid-response",
    "login-failed",
    "otp-required",
    "response-too-large",
    "screenshot-writer",
    "session-expired",
    "settings-writer",
    "too-many-requests",
    "unknown-access-key",
    "unsupported-version",
    "update-check",
];

/// Every string literal in `src/` shaped like a message id (lower-case words joined by `-`),
/// outside unit tests and [`NOT_MESSAGE_IDS`].
fn ids_used_in_code() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut sources = Vec::new();
    collect_rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests at the end of a module use made-up ids on purpose.
        let text = text
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        for literal in text.split('"').skip(1).step_by(2) {
            let words: Vec<&str> = literal.split('-').collect();
            let is_id_shaped = words.len() >= 2
                && words.iter().all(|word| {
                    !word.is_empty()
                        && word
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
                })
                && words[0].starts_with(|c: char| c.is_ascii_lowercase());
            if is_id_shaped && !NOT_MESSAGE_IDS.contains(&literal) {
                ids.insert(literal.to_owned());
            }
        }
    }
    ids
}

fn collect_rust_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn locales_define_the_same_ids() {
    let english = messages(ENGLISH_FTL);
    let korean = messages(KOREAN_FTL);
    let english_ids: BTreeSet<_> = english.keys().collect();
    let korean_ids: BTreeSet<_> = korean.keys().collect();
    let only_english: Vec<_> = english_ids.difference(&korean_ids).collect();
    let only_korean: Vec<_> = korean_ids.difference(&english_ids).collect();
    assert!(
        only_english.is_empty(),
        "ids missing in ko-KR: {only_english:?}"
    );
    assert!(
        only_korean.is_empty(),
        "ids missing in en-US: {only_korean:?}"
    );
}

#[test]
fn locales_use_the_same_placeholders() {
    let english = messages(ENGLISH_FTL);
    let korean = messages(KOREAN_FTL);
    for (id, placeholders) in &english {
        assert_eq!(Some(placeholders), korean.get(id), "placeholders of {id}");
    }
}

#[test]
fn every_used_id_is_defined() {
    let english = messages(ENGLISH_FTL);
    let used = ids_used_in_code();
    assert!(used.len() > 20, "the scan found too few ids: {used:?}");
    let undefined: Vec<_> = used
        .iter()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        undefined.is_empty(),
        "ids used in src/ but defined in no locale: {undefined:?}"
    );
}

#[test]
fn files_parse_without_errors() {
    for (name, source) in [("en-US", ENGLISH_FTL), ("ko-KR", KOREAN_FTL)] {
        let result = fluent_bundle::FluentResource::try_new(source.to_owned());
        assert!(
            result.is_ok(),
            "{name} has syntax errors: {:?}",
            result.err().map(|e| e.1)
        );
    }
}

#[test]
fn korean_text_differs_from_english() {
    let english = Localizer::new(Locale::English);
    let korean = Localizer::new(Locale::Korean);
    // Proper names that read the same in both languages.
    let same_in_both = ["ssh-algorithm-rsa4096"];
    for id in messages(ENGLISH_FTL)
        .keys()
        .filter(|id| !same_in_both.contains(&id.as_str()))
    {
        assert_ne!(english.tr(id), korean.tr(id), "{id} is not translated");
    }
}

#[test]
fn plural_selectors_use_number_args() {
    for (locale, source) in [("en-US", ENGLISH_FTL), ("ko-KR", KOREAN_FTL)] {
        for line in source.lines() {
            let Some(arrow) = line.find("->") else {
                continue;
            };
            let Some(dollar) = line[..arrow].rfind('$') else {
                continue;
            };
            let name = line[dollar + 1..arrow].trim();
            assert!(
                NUMBER_ARGS.contains(&name),
                "{locale}: `${name}` chooses a plural form but is not in NUMBER_ARGS, so it \
                 reaches Fluent as text and always takes the default variant: {line}"
            );
        }
    }
}
