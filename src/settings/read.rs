//! Turns the text of `settings.toml` into [`Settings`], field by field.
//!
//! A value that has the wrong type or lies out of range does not stop the rest from loading: the
//! field keeps its default and a [`FieldWarning`] tells the user which key was ignored.

use toml_edit::{DocumentMut, Item, TableLike};

use super::{LanguageChoice, Settings, WindowGeometry};

/// Why a field of the file was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// The value is not of the expected type; `expected` names the type in TOML terms.
    WrongType { expected: &'static str },

    /// The value has the right type but is not one of the accepted values.
    InvalidValue { accepted: &'static str },
}

/// A field of `settings.toml` that was ignored, with the value found and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldWarning {
    /// Dotted key, e.g. `window.width`.
    pub key: String,

    /// The value as written in the file, trimmed.
    pub found: String,

    pub problem: FieldProblem,
}

/// Parses `text` as `settings.toml`.
///
/// Returns the settings and a warning for each ignored field, or the parse error when `text` is
/// not valid TOML.
pub fn parse_settings(text: &str) -> Result<(Settings, Vec<FieldWarning>), toml_edit::TomlError> {
    let document: DocumentMut = text.parse()?;
    let mut settings = Settings::default();
    let mut warnings = Vec::new();
    let root = document.as_table();

    if let Some(on) = read_bool(root, "desktop_notification", "", &mut warnings) {
        settings.desktop_notification = on;
    }
    if let Some(on) = read_bool(root, "compact_sidebar", "", &mut warnings) {
        settings.compact_sidebar = on;
    }
    if let Some(item) = root.get("language") {
        match item.as_str().map(LanguageChoice::from_key) {
            Some(Some(language)) => settings.language = language,
            Some(None) => {
                warnings.push(warning("language", item, invalid("\"os\", \"en\", \"ko\"")))
            }
            None => warnings.push(warning("language", item, wrong_type("string"))),
        }
    }
    if let Some(on) = read_bool(root, "automatic_update_check", "", &mut warnings) {
        settings.automatic_update_check = on;
    }
    if let Some(on) = read_bool(root, "auto_logout", "", &mut warnings) {
        settings.auto_logout = on;
    }
    settings.update_feed_url = read_string(root, "update_feed_url", &mut warnings);
    settings.skipped_update_version = read_string(root, "skipped_update_version", &mut warnings);
    if let Some(item) = root.get("request_log_max_entries") {
        let range = crate::request_log::MIN_MAX_ENTRIES..=super::REQUEST_LOG_MAX_ENTRIES_LIMIT;
        match item.as_integer().map(usize::try_from) {
            Some(Ok(max)) if range.contains(&max) => settings.request_log_max_entries = max,
            Some(_) => warnings.push(warning(
                "request_log_max_entries",
                item,
                invalid("100 to 1000000"),
            )),
            None => warnings.push(warning(
                "request_log_max_entries",
                item,
                wrong_type("integer"),
            )),
        }
    }
    if let Some(item) = root.get("window") {
        match item.as_table_like() {
            Some(table) => settings.window = read_window(table, &mut warnings),
            None => warnings.push(warning("window", item, wrong_type("table"))),
        }
    }

    Ok((settings, warnings))
}

/// Reads the `[window]` table; the geometry is used only when both sizes are valid.
fn read_window(table: &dyn TableLike, warnings: &mut Vec<FieldWarning>) -> Option<WindowGeometry> {
    let size_range = WindowGeometry::MIN_SIZE..=WindowGeometry::MAX_EXTENT;
    let position_range = -WindowGeometry::MAX_EXTENT..=WindowGeometry::MAX_EXTENT;

    let width = read_number(table, "width", &size_range, warnings);
    let height = read_number(table, "height", &size_range, warnings);
    let x = read_number(table, "x", &position_range, warnings);
    let y = read_number(table, "y", &position_range, warnings);

    let (width, height) = (width?, height?);
    let (x, y) = match (x, y) {
        (Some(x), Some(y)) => (Some(x), Some(y)),
        _ => (None, None),
    };
    Some(WindowGeometry {
        width,
        height,
        x,
        y,
    })
}

fn read_bool(
    table: &dyn TableLike,
    key: &str,
    prefix: &str,
    warnings: &mut Vec<FieldWarning>,
) -> Option<bool> {
    let item = table.get(key)?;
    let value = item.as_bool();
    if value.is_none() {
        warnings.push(warning(
            &format!("{prefix}{key}"),
            item,
            wrong_type("true or false"),
        ));
    }
    value
}

/// Reads a non-empty string.
fn read_string(
    table: &dyn TableLike,
    key: &str,
    warnings: &mut Vec<FieldWarning>,
) -> Option<String> {
    let item = table.get(key)?;
    match item.as_str() {
        Some(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Some(_) => None,
        None => {
            warnings.push(warning(key, item, wrong_type("string")));
            None
        }
    }
}

/// Reads an integer or float in `range`, as `f32`.
fn read_number(
    table: &dyn TableLike,
    key: &str,
    range: &std::ops::RangeInclusive<f32>,
    warnings: &mut Vec<FieldWarning>,
) -> Option<f32> {
    let item = table.get(key)?;
    let full_key = format!("window.{key}");

    #[expect(
        clippy::cast_precision_loss,
        reason = "window coordinates are far below 2^24"
    )]
    let number = item
        .as_float()
        .or_else(|| item.as_integer().map(|n| n as f64));
    let Some(number) = number else {
        warnings.push(warning(&full_key, item, wrong_type("number")));
        return None;
    };

    #[expect(
        clippy::cast_possible_truncation,
        reason = "the range check below bounds it"
    )]
    let number = number as f32;
    if !range.contains(&number) {
        let accepted = if *range.start() > 0.0 {
            "200 to 100000"
        } else {
            "-100000 to 100000"
        };
        warnings.push(warning(&full_key, item, invalid(accepted)));
        return None;
    }
    Some(number)
}

fn warning(key: &str, item: &Item, problem: FieldProblem) -> FieldWarning {
    FieldWarning {
        key: key.to_owned(),
        found: item.to_string().trim().to_owned(),
        problem,
    }
}

fn wrong_type(expected: &'static str) -> FieldProblem {
    FieldProblem::WrongType { expected }
}

fn invalid(accepted: &'static str) -> FieldProblem {
    FieldProblem::InvalidValue { accepted }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_gives_defaults() {
        let (settings, warnings) = parse_settings("").unwrap();
        assert_eq!(settings, Settings::default());
        assert!(warnings.is_empty());
    }

    #[test]
    fn every_key_is_read() {
        let text = r#"
desktop_notification = true
compact_sidebar = true
language = "ko"

[window]
width = 1000
height = 700.5
x = -20
y = 40
"#;
        let (settings, warnings) = parse_settings(text).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(settings.desktop_notification);
        assert!(settings.compact_sidebar);
        assert_eq!(settings.language, LanguageChoice::Korean);
        let window = settings.window.unwrap();
        assert_eq!((window.width, window.height), (1000.0, 700.5));
        assert_eq!((window.x, window.y), (Some(-20.0), Some(40.0)));
    }

    #[test]
    fn request_log_cap_bounds() {
        let (settings, warnings) = parse_settings("request_log_max_entries = 500").unwrap();
        assert_eq!(settings.request_log_max_entries, 500);
        assert!(warnings.is_empty());

        for text in [
            "request_log_max_entries = 99",
            "request_log_max_entries = -1",
            "request_log_max_entries = 2.5",
        ] {
            let (settings, warnings) = parse_settings(text).unwrap();
            assert_eq!(settings.request_log_max_entries, 2_000, "{text}");
            assert_eq!(warnings.len(), 1, "{text}");
        }
    }

    #[test]
    fn wrong_types_fall_back_per_field() {
        let text = r#"
desktop_notification = "yes"
compact_sidebar = true
language = "fr"
window = 3
"#;
        let (settings, warnings) = parse_settings(text).unwrap();
        assert!(!settings.desktop_notification);
        assert!(settings.compact_sidebar);
        assert_eq!(settings.language, LanguageChoice::Os);
        assert_eq!(settings.window, None);

        let keys: Vec<&str> = warnings.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["desktop_notification", "language", "window"]);
        assert_eq!(warnings[0].found, "\"yes\"");
        assert_eq!(
            warnings[0].problem,
            FieldProblem::WrongType {
                expected: "true or false"
            }
        );
    }

    #[test]
    fn window_out_of_range_is_dropped() {
        let (settings, warnings) = parse_settings("[window]\nwidth = 10\nheight = 600\n").unwrap();
        assert_eq!(settings.window, None);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].key, "window.width");
    }

    #[test]
    fn window_without_position_keeps_size() {
        let (settings, _) = parse_settings("[window]\nwidth = 800\nheight = 600\nx = 5\n").unwrap();
        let window = settings.window.unwrap();
        assert_eq!((window.x, window.y), (None, None));
        assert_eq!(window.width, 800.0);
    }

    #[test]
    fn invalid_toml_is_an_error() {
        assert!(parse_settings("compact_sidebar = = true").is_err());
    }
}
