//! The model behind the Logs page: the request-log entries newest first, the search and
//! *Errors only* filter with its cached result, the selected entry, and the text and JSON forms
//! of entries for copying and export.
//!
//! Filtering touches every entry, so its result is cached and recomputed only when the entries or
//! the filter change, never just because a frame is drawn. Each entry's searchable text is built
//! once, in lower case, by [`PreparedLog::new`] on the request-log thread, so a large log does not
//! stall the frame in which it arrives.

use std::sync::{Arc, OnceLock};

use crate::i18n::{Locale, Localizer};
use crate::request_log::{LoadedLog, RequestLogEntry};

/// The entries of the request log as the Logs page shows them.
#[derive(Default)]
pub struct LogsView {
    /// Newest first.
    entries: Arc<Vec<RequestLogEntry>>,

    /// Lower-case text of every field of each entry, for case-insensitive search.
    haystacks: Vec<String>,

    pub corrupt_lines: usize,

    /// Indices into `entries` of the rows shown, in order.
    visible: Vec<usize>,

    /// The filter `visible` was computed for.
    applied: Option<Filter>,

    pub search: String,
    pub errors_only: bool,

    /// Index into `entries` of the entry whose details are shown.
    pub selected: Option<usize>,

    /// Whether the file has been read at least once.
    pub loaded: bool,

    /// Set while the log worker reads, clears or exports.
    pub busy: bool,

    /// The export dialog's target file.
    pub export_path: String,

    /// Set when the export target exists and the user must confirm replacing it.
    pub export_confirm_overwrite: bool,
}

/// The request log made ready for [`LogsView`] off the UI thread: entries newest first, each with
/// its lower-case search text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PreparedLog {
    /// Newest first.
    entries: Vec<RequestLogEntry>,

    /// Lower-case text of every field of each entry, in the order of `entries`.
    haystacks: Vec<String>,

    pub corrupt_lines: usize,
}

impl PreparedLog {
    /// Reverses the entries read from the file (oldest first, as stored) and builds their search
    /// text. It touches every entry, so call it from a background thread.
    pub fn new(loaded: LoadedLog) -> Self {
        let mut entries = loaded.entries;
        entries.reverse();
        let haystacks = entries.iter().map(haystack).collect();
        Self {
            entries,
            haystacks,
            corrupt_lines: loaded.corrupt_lines,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Filter {
    search: String,
    errors_only: bool,
}

impl LogsView {
    /// Replaces the entries with those read from the file.
    pub fn set_loaded(&mut self, prepared: PreparedLog) {
        self.haystacks = prepared.haystacks;
        self.entries = Arc::new(prepared.entries);
        self.corrupt_lines = prepared.corrupt_lines;
        self.selected = None;
        self.applied = None;
        self.loaded = true;
    }

    /// Adds an entry this window just logged at the top, without reading the file.
    pub fn push_newest(&mut self, entry: RequestLogEntry, max_entries: usize) {
        let entries = Arc::make_mut(&mut self.entries);
        self.haystacks.insert(0, haystack(&entry));
        entries.insert(0, entry);
        entries.truncate(max_entries);
        self.haystacks.truncate(max_entries);
        self.selected = self
            .selected
            .map(|index| index + 1)
            .filter(|index| *index < entries.len());
        self.applied = None;
    }

    pub fn clear(&mut self) {
        self.set_loaded(PreparedLog::default());
    }

    /// Number of entries stored.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, index: usize) -> Option<&RequestLogEntry> {
        self.entries.get(index)
    }

    /// Recomputes the visible rows if the filter or the entries changed since the last call.
    pub fn refresh_filter(&mut self) {
        let filter = Filter {
            search: self.search.trim().to_lowercase(),
            errors_only: self.errors_only,
        };
        if self.applied.as_ref() == Some(&filter) {
            return;
        }
        self.visible = self
            .haystacks
            .iter()
            .enumerate()
            .filter(|(index, text)| {
                (!filter.errors_only || self.entries[*index].is_error)
                    && (filter.search.is_empty() || text.contains(&filter.search))
            })
            .map(|(index, _)| index)
            .collect();
        self.applied = Some(filter);
    }

    /// Indices of the visible entries, newest first; call [`Self::refresh_filter`] first.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The visible entries, for export.
    pub fn visible_entries(&self) -> Vec<RequestLogEntry> {
        self.visible
            .iter()
            .map(|index| self.entries[*index].clone())
            .collect()
    }

    /// Returns whether `prepared` contains exactly the entries shown.
    pub fn same_as(&self, prepared: &PreparedLog) -> bool {
        prepared.entries == *self.entries
    }
}

/// Builds the lower-case search text of `entry`: its stored fields, and the status as the table
/// shows it (`404 Not Found`, or "no response" in every UI language), so whatever the user sees
/// in a row can be searched for.
fn haystack(entry: &RequestLogEntry) -> String {
    let status = match entry.status {
        Some(status) => format!("{status} {}", entry.status_text),
        None => no_response_labels().join("\u{1f}"),
    };
    [
        entry.timestamp.as_str(),
        entry.method.as_str(),
        entry.url.as_str(),
        status.as_str(),
        entry.error_type.as_deref().unwrap_or_default(),
        entry.error_title.as_deref().unwrap_or_default(),
        entry.error_message.as_deref().unwrap_or_default(),
        &entry.params.to_string(),
    ]
    .join("\u{1f}")
    .to_lowercase()
}

/// Returns the Logs table's text for a request that got no response, in every UI language.
fn no_response_labels() -> &'static [String] {
    static LABELS: OnceLock<Vec<String>> = OnceLock::new();
    LABELS.get_or_init(|| {
        [Locale::English, Locale::Korean]
            .into_iter()
            .map(|locale| Localizer::new(locale).tr("logs-no-response"))
            .collect()
    })
}

/// The field names [`entry_as_text`] writes, in the user's language.
#[derive(Clone, Debug)]
pub struct EntryLabels {
    pub time: String,
    pub request: String,
    pub status: String,
    pub no_response: String,
    pub duration: String,
    pub error_type: String,
    pub error_title: String,
    pub error_message: String,
    pub parameters: String,
}

impl EntryLabels {
    /// English names, for logs and tests.
    pub fn english() -> Self {
        Self {
            time: "Time (UTC)".to_owned(),
            request: "Request".to_owned(),
            status: "Status".to_owned(),
            no_response: "no response".to_owned(),
            duration: "Duration".to_owned(),
            error_type: "Error type".to_owned(),
            error_title: "Error title".to_owned(),
            error_message: "Error message".to_owned(),
            parameters: "Parameters".to_owned(),
        }
    }
}

/// Formats one entry as plain text for an administrator: one field a line, then the parameters
/// as indented JSON. The parameters were masked when the entry was logged.
pub fn entry_as_text(entry: &RequestLogEntry, labels: &EntryLabels) -> String {
    let status = match entry.status {
        Some(status) => format!("{status} {}", entry.status_text).trim().to_owned(),
        None => labels.no_response.clone(),
    };
    let mut lines = vec![
        format!("{}: {}", labels.time, entry.timestamp),
        format!("{}: {} {}", labels.request, entry.method, entry.url),
        format!("{}: {status}", labels.status),
        format!("{}: {} ms", labels.duration, entry.duration_ms),
    ];
    if let Some(kind) = &entry.error_type {
        lines.push(format!("{}: {kind}", labels.error_type));
    }
    if let Some(title) = &entry.error_title {
        lines.push(format!("{}: {title}", labels.error_title));
    }
    if let Some(message) = &entry.error_message {
        lines.push(format!("{}: {message}", labels.error_message));
    }
    let params = serde_json::to_string_pretty(&entry.params).unwrap_or_default();
    lines.push(format!("{}: {params}", labels.parameters));
    lines.join("\n")
}

/// Writes `entries` to `path` as a pretty-printed JSON array. Blocks on file I/O.
pub fn export_entries(path: &std::path::Path, entries: &[RequestLogEntry]) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(entries).map_err(std::io::Error::other)?;
    crate::api::credentials::write_private_file(path, &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str, is_error: bool) -> RequestLogEntry {
        RequestLogEntry {
            url: url.to_owned(),
            method: "GET".to_owned(),
            is_error,
            ..RequestLogEntry::default()
        }
    }

    fn loaded(urls: &[(&str, bool)]) -> PreparedLog {
        PreparedLog::new(LoadedLog {
            entries: urls.iter().map(|(url, error)| entry(url, *error)).collect(),
            corrupt_lines: 0,
        })
    }

    #[test]
    fn newest_first_and_filters() {
        let mut view = LogsView::default();
        view.set_loaded(loaded(&[("/a", false), ("/B-thing", true), ("/c", false)]));
        view.refresh_filter();
        let urls: Vec<&str> = view
            .visible()
            .iter()
            .map(|i| view.entry(*i).unwrap().url.as_str())
            .collect();
        assert_eq!(urls, ["/c", "/B-thing", "/a"]);

        view.search = "b-THING".to_owned();
        view.refresh_filter();
        assert_eq!(view.visible(), [1]);

        view.search.clear();
        view.errors_only = true;
        view.refresh_filter();
        assert_eq!(view.visible(), [1]);
    }

    #[test]
    fn search_finds_status_as_shown() {
        let mut failed = entry("/down", true);
        failed.status = None;
        let mut not_found = entry("/missing", true);
        not_found.status = Some(404);
        not_found.status_text = "Not Found".to_owned();
        let mut view = LogsView::default();
        view.set_loaded(PreparedLog::new(LoadedLog {
            entries: vec![failed, not_found],
            corrupt_lines: 0,
        }));

        for (search, expected) in [
            ("응답 없음", "/down"),
            ("no response", "/down"),
            ("404 not", "/missing"),
        ] {
            view.search = search.to_owned();
            view.refresh_filter();
            let urls: Vec<&str> = view
                .visible()
                .iter()
                .map(|index| view.entry(*index).unwrap().url.as_str())
                .collect();
            assert_eq!(urls, [expected], "search {search:?}");
        }
    }

    #[test]
    fn pushed_entry_goes_on_top_within_cap() {
        let mut view = LogsView::default();
        view.set_loaded(loaded(&[("/a", false), ("/b", false)]));
        view.selected = Some(0);
        view.push_newest(entry("/new", false), 2);
        view.refresh_filter();
        assert_eq!(view.len(), 2);
        assert_eq!(view.entry(0).unwrap().url, "/new");
        assert_eq!(view.selected, Some(1));
    }
}
