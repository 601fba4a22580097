//! The request log on real files in temporary directories: round trips, the entry limit, recovery
//! from corrupt lines, appends from several threads and processes, clearing, masking of secrets
//! and file permissions.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a panic fails the test with its location"
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use bai_settings::request_log::{
    DEFAULT_MAX_ENTRIES, MASK, MIN_MAX_ENTRIES, RequestLog, RequestLogEntry, RequestLogError,
    mask_secrets, now_timestamp,
};
use serde_json::json;

/// Environment variable that turns `child_process_appender` into a writer on the named directory.
const CHILD_DIR_VAR: &str = "BAI_SETTINGS_REQUEST_LOG_CHILD_DIR";

/// Number of entries each process writes in `appends_from_processes_lose_nothing`.
const APPENDS_PER_PROCESS: usize = 200;

/// Builds a successful request whose URL records who wrote it and in which order.
fn entry(writer: &str, index: usize) -> RequestLogEntry {
    RequestLogEntry {
        timestamp: now_timestamp(),
        method: "GET".to_owned(),
        url: format!("https://api.example.test/{writer}/{index}?page=1"),
        status: Some(200),
        status_text: "OK".to_owned(),
        duration_ms: 12,
        params: json!({ "page": 1 }),
        ..RequestLogEntry::default()
    }
}

/// Parses the writer and index that `entry` put into the URL.
fn writer_and_index(entry: &RequestLogEntry) -> (String, usize) {
    let path = entry
        .url
        .strip_prefix("https://api.example.test/")
        .and_then(|rest| rest.strip_suffix("?page=1"))
        .unwrap_or_else(|| panic!("unexpected URL {}", entry.url));
    let (writer, index) = path.split_once('/').unwrap();
    (writer.to_owned(), index.parse().unwrap())
}

/// Groups the indices of `entries` by writer, in file order.
fn indices_by_writer(entries: &[RequestLogEntry]) -> BTreeMap<String, Vec<usize>> {
    let mut by_writer: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for entry in entries {
        let (writer, index) = writer_and_index(entry);
        by_writer.entry(writer).or_default().push(index);
    }
    by_writer
}

fn append_many(log: &RequestLog, writer: &str, count: usize) {
    for index in 0..count {
        log.append(&entry(writer, index))
            .unwrap_or_else(|error| panic!("{writer}: append {index} failed: {error}"));
    }
}

#[test]
fn append_then_read_keeps_order_and_fields() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    let failed = RequestLogEntry {
        timestamp: "2026-12-04T20:15:00.123Z".to_owned(),
        method: "POST".to_owned(),
        url: "https://api.example.test/folders?group=default&owner=me".to_owned(),
        status: Some(401),
        status_text: "Unauthorized".to_owned(),
        duration_ms: 87,
        error_type: Some("https://api.backend.ai/probs/auth-failed".to_owned()),
        error_title: Some("Authentication failed".to_owned()),
        error_message: Some("액세스 키가 올바르지 않습니다.\n다시 로그인하세요.".to_owned()),
        params: json!({ "name": "데이터", "tags": ["a", "b"], "options": { "quota": null } }),
        is_error: true,
    };
    let unreachable = RequestLogEntry {
        timestamp: "2026-12-04T20:15:01.000Z".to_owned(),
        method: "GET".to_owned(),
        url: "https://unreachable.example.test/server/version".to_owned(),
        status: None,
        status_text: String::new(),
        duration_ms: 10_000,
        error_type: Some("timeout".to_owned()),
        error_title: None,
        error_message: Some("timed out after 10 s".to_owned()),
        params: json!(null),
        is_error: true,
    };
    let written = [entry("first", 0), failed, unreachable];

    for entry in &written {
        log.append(entry).unwrap();
    }
    let loaded = log.read().unwrap();

    assert_eq!(loaded.entries, written);
    assert_eq!(loaded.corrupt_lines, 0);
    let text = fs::read_to_string(log.path()).unwrap();
    assert_eq!(text.lines().count(), 3, "one line per entry:\n{text}");
}

#[test]
fn partial_lines_load_with_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    fs::write(
        log.path(),
        "{\"url\":\"https://api.example.test/old\",\"status\":200}\n{}\n",
    )
    .unwrap();

    let loaded = log.read().unwrap();

    assert_eq!(loaded.corrupt_lines, 0);
    assert_eq!(
        loaded.entries,
        [
            RequestLogEntry {
                url: "https://api.example.test/old".to_owned(),
                status: Some(200),
                ..RequestLogEntry::default()
            },
            RequestLogEntry::default(),
        ]
    );
}

#[test]
fn cap_keeps_newest_entries() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), 100);

    append_many(&log, "w", 250);
    let loaded = log.read().unwrap();

    assert_eq!(loaded.entries.len(), 100);
    assert_eq!(loaded.corrupt_lines, 0);
    assert_eq!(writer_and_index(&loaded.entries[0]).1, 150);
    assert_eq!(writer_and_index(&loaded.entries[99]).1, 249);
    let indices = indices_by_writer(&loaded.entries);
    assert_eq!(indices["w"], (150..250).collect::<Vec<_>>());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn trim_waits_for_tenth_over_cap() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), 100);
    let lines_on_disk = || {
        fs::read_to_string(log.path())
            .unwrap()
            .lines()
            .filter(|line| !line.trim().is_empty())
            .count()
    };

    append_many(&log, "w", 110);
    assert_eq!(lines_on_disk(), 110, "appends within the slack only append");
    let loaded = log.read().unwrap();
    assert_eq!(loaded.entries.len(), 100);
    assert_eq!(writer_and_index(&loaded.entries[0]).1, 10);

    log.append(&entry("w", 110)).unwrap();
    assert_eq!(
        lines_on_disk(),
        100,
        "the append past the slack trims to the cap"
    );
    let loaded = log.read().unwrap();
    assert_eq!(loaded.entries.len(), 100);
    assert_eq!(writer_and_index(&loaded.entries[0]).1, 11);
    assert_eq!(writer_and_index(&loaded.entries[99]).1, 110);
}

#[test]
fn lower_max_trims_at_next_append() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    append_many(&log, "w", 150);

    log.set_max_entries(100);
    log.append(&entry("w", 150)).unwrap();
    let loaded = log.read().unwrap();

    assert_eq!(loaded.entries.len(), 100);
    assert_eq!(writer_and_index(&loaded.entries[0]).1, 51);
    assert_eq!(writer_and_index(&loaded.entries[99]).1, 150);
}

#[test]
fn max_entries_raised_to_minimum() {
    let dir = tempfile::tempdir().unwrap();

    let mut log = RequestLog::new(dir.path(), 5);
    assert_eq!(log.max_entries(), MIN_MAX_ENTRIES);

    log.set_max_entries(0);
    assert_eq!(log.max_entries(), MIN_MAX_ENTRIES);

    log.set_max_entries(500);
    assert_eq!(log.max_entries(), 500);
}

#[test]
fn corrupt_lines_skipped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    let first = entry("good", 0);
    let last = entry("good", 1);
    let first_line = serde_json::to_string(&first).unwrap();
    let last_line = serde_json::to_string(&last).unwrap();
    let truncated = &first_line[..first_line.len() / 2];

    let mut bytes = Vec::new();
    bytes.extend_from_slice(first_line.as_bytes());
    bytes.extend_from_slice(b"\nnot json at all\n");
    bytes.extend_from_slice(truncated.as_bytes());
    bytes.extend_from_slice(b"\n\xff\xfe{\"url\":\"\xc3\"}\n");
    bytes.extend_from_slice(b"[1, 2, 3]\n");
    bytes.extend_from_slice(b"\n   \n\r\n");
    bytes.extend_from_slice(last_line.as_bytes());
    bytes.push(b'\n');
    fs::write(log.path(), bytes).unwrap();

    let loaded = log.read().unwrap();

    assert_eq!(loaded.entries, [first, last]);
    assert_eq!(
        loaded.corrupt_lines, 4,
        "garbage, truncated, invalid UTF-8, array"
    );
}

#[test]
fn partial_last_line_stays_separate() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    log.append(&entry("w", 0)).unwrap();
    let mut text = fs::read_to_string(log.path()).unwrap();
    // What a writer killed in the middle of its line leaves behind.
    text.push_str("{\"timestamp\":\"2026-12-04T20:15:00.123Z\",\"meth");
    fs::write(log.path(), &text).unwrap();

    log.append(&entry("w", 1)).unwrap();
    let loaded = log.read().unwrap();

    let indices = indices_by_writer(&loaded.entries);
    assert_eq!(indices["w"], [0, 1]);
    assert_eq!(loaded.corrupt_lines, 1);
    let text = fs::read_to_string(log.path()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[1].ends_with("\"meth"),
        "partial line changed: {}",
        lines[1]
    );
    assert!(lines[2].starts_with('{'), "new entry glued: {}", lines[2]);
}

#[test]
fn partial_last_line_survives_cap_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), 100);
    append_many(&log, "w", 109);
    let mut text = fs::read_to_string(log.path()).unwrap();
    text.push_str("{\"url\":\"https://cut");
    fs::write(log.path(), &text).unwrap();

    // 110 lines exist, the most a limit of 100 allows, so this append trims the file: the 11
    // oldest lines make room for the new entry and the cut line is among the 100 kept.
    log.append(&entry("w", 109)).unwrap();
    let loaded = log.read().unwrap();

    assert_eq!(loaded.entries.len(), 99);
    assert_eq!(loaded.corrupt_lines, 1);
    assert_eq!(writer_and_index(&loaded.entries[0]).1, 11);
    assert_eq!(writer_and_index(&loaded.entries[98]).1, 109);
    let text = fs::read_to_string(log.path()).unwrap();
    assert!(text.ends_with("}\n"), "file must end with a whole line");
}

#[test]
fn appends_from_threads_lose_nothing() {
    const THREADS: usize = 4;
    const APPENDS_PER_THREAD: usize = 100;

    let dir = tempfile::tempdir().unwrap();
    let writers: Vec<_> = (0..THREADS)
        .map(|thread_index| {
            let dir = dir.path().to_path_buf();
            std::thread::Builder::new()
                .name(format!("request-log-writer-{thread_index}"))
                .spawn(move || {
                    let log = RequestLog::new(dir, DEFAULT_MAX_ENTRIES);
                    append_many(&log, &format!("thread{thread_index}"), APPENDS_PER_THREAD);
                })
                .unwrap()
        })
        .collect();

    // Reads while the writers run must not count a line that is being written as corrupt.
    let reader_log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    while !writers.iter().all(std::thread::JoinHandle::is_finished) {
        let loaded = reader_log.read().unwrap();
        assert_eq!(
            loaded.corrupt_lines,
            0,
            "after {} entries",
            loaded.entries.len()
        );
    }
    for writer in writers {
        writer.join().unwrap();
    }
    let loaded = reader_log.read().unwrap();

    assert_eq!(loaded.entries.len(), THREADS * APPENDS_PER_THREAD);
    assert_eq!(loaded.corrupt_lines, 0);
    let indices = indices_by_writer(&loaded.entries);
    assert_eq!(indices.len(), THREADS);
    for (writer, indices) in &indices {
        assert_eq!(
            *indices,
            (0..APPENDS_PER_THREAD).collect::<Vec<_>>(),
            "entries of {writer} missing or out of order"
        );
    }
}

#[test]
fn appends_from_threads_respect_cap() {
    const THREADS: usize = 4;
    const APPENDS_PER_THREAD: usize = 150;

    let dir = tempfile::tempdir().unwrap();
    let writers: Vec<_> = (0..THREADS)
        .map(|thread_index| {
            let dir = dir.path().to_path_buf();
            std::thread::Builder::new()
                .name(format!("request-log-capped-writer-{thread_index}"))
                .spawn(move || {
                    let log = RequestLog::new(dir, MIN_MAX_ENTRIES);
                    append_many(&log, &format!("thread{thread_index}"), APPENDS_PER_THREAD);
                })
                .unwrap()
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let loaded = RequestLog::new(dir.path(), MIN_MAX_ENTRIES).read().unwrap();

    assert_eq!(loaded.entries.len(), MIN_MAX_ENTRIES);
    assert_eq!(loaded.corrupt_lines, 0);
    // The log contains the last appends overall, so each writer's entries in it are the newest of
    // that writer, with no gap.
    for (writer, indices) in &indices_by_writer(&loaded.entries) {
        let oldest = APPENDS_PER_THREAD - indices.len();
        assert_eq!(
            *indices,
            (oldest..APPENDS_PER_THREAD).collect::<Vec<_>>(),
            "entries of {writer} missing or out of order"
        );
    }
}

#[test]
fn appends_from_processes_lose_nothing() {
    const CHILDREN: usize = 2;

    let dir = tempfile::tempdir().unwrap();
    let test_binary = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..CHILDREN)
        .map(|_| {
            Command::new(&test_binary)
                .args([
                    "--exact",
                    "child_process_appender",
                    "--ignored",
                    "--nocapture",
                ])
                .env(CHILD_DIR_VAR, dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();

    let log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    append_many(&log, "parent", APPENDS_PER_PROCESS);
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "child failed with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let loaded = log.read().unwrap();

    assert_eq!(loaded.entries.len(), (CHILDREN + 1) * APPENDS_PER_PROCESS);
    assert_eq!(loaded.corrupt_lines, 0);
    let indices = indices_by_writer(&loaded.entries);
    assert_eq!(indices.len(), CHILDREN + 1, "writers: {:?}", indices.keys());
    for (writer, indices) in &indices {
        assert_eq!(
            *indices,
            (0..APPENDS_PER_PROCESS).collect::<Vec<_>>(),
            "entries of {writer} missing or out of order"
        );
    }
}

#[test]
#[ignore = "child process of appends_from_processes_lose_nothing"]
fn child_process_appender() {
    let Some(dir) = std::env::var_os(CHILD_DIR_VAR) else {
        return;
    };
    let log = RequestLog::new(Path::new(&dir), DEFAULT_MAX_ENTRIES);
    append_many(
        &log,
        &format!("process{}", std::process::id()),
        APPENDS_PER_PROCESS,
    );
}

#[test]
fn clear_empties_log_then_append_works() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), DEFAULT_MAX_ENTRIES);
    append_many(&log, "before", 10);
    let stale_temp = dir.path().join(".requests.jsonl.tmp-4242");
    fs::write(&stale_temp, "{}\n").unwrap();

    log.clear().unwrap();

    assert_eq!(log.read().unwrap().entries, []);
    assert_eq!(
        fs::metadata(log.path()).unwrap().len(),
        0,
        "file kept, empty"
    );
    assert!(
        !stale_temp.exists(),
        "a leftover temporary file holds entries too"
    );

    log.append(&entry("after", 0)).unwrap();
    let loaded = log.read().unwrap();
    assert_eq!(indices_by_writer(&loaded.entries)["after"], [0]);
    assert_eq!(loaded.entries.len(), 1);
}

#[test]
fn clear_on_missing_directory_works() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path().join("new"), DEFAULT_MAX_ENTRIES);

    log.clear().unwrap();

    assert_eq!(log.read().unwrap().entries, []);
}

#[test]
fn missing_file_reads_empty() {
    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path().join("absent"), DEFAULT_MAX_ENTRIES);

    let loaded = log.read().unwrap();

    assert_eq!(loaded.entries, []);
    assert_eq!(loaded.corrupt_lines, 0);
    assert!(
        !dir.path().join("absent").exists(),
        "reading created the directory"
    );
}

#[test]
fn blocked_directory_error_names_path() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "not a directory").unwrap();
    let log = RequestLog::new(blocker.join("logs"), DEFAULT_MAX_ENTRIES);

    let error = log.append(&entry("w", 0)).unwrap_err();

    assert!(
        matches!(error, RequestLogError::CreateDir { .. }),
        "{error:?}"
    );
    assert_eq!(error.path(), blocker.join("logs"));
    assert!(
        error.to_string().contains(&blocker.display().to_string()),
        "{error}"
    );
}

#[cfg(unix)]
#[test]
fn file_mode_is_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;

    let dir = tempfile::tempdir().unwrap();
    let log = RequestLog::new(dir.path(), 100);
    let mode = || fs::metadata(log.path()).unwrap().permissions().mode() & 0o777;

    log.append(&entry("w", 0)).unwrap();
    assert_eq!(mode(), 0o600, "after the first append: {:o}", mode());

    // Past the limit the file is replaced by a new one.
    append_many(&log, "w", 150);
    assert_eq!(mode(), 0o600, "after a rewrite: {:o}", mode());

    log.clear().unwrap();
    assert_eq!(mode(), 0o600, "after clear: {:o}", mode());
}

#[test]
fn mask_secrets_nested_and_case_variants() {
    let params = json!({
        "Password": "hunter2",
        "secret-key": "abc",
        "SECRET_KEY": "abc",
        "access_key": "AKIAIOSFODNN7EXAMPLE",
        "user": {
            "email": "user@example.test",
            "otp": 123_456,
            "Api-Key": { "nested": "object" },
        },
        "keypairs": [
            { "ssh_private_key": "-----BEGIN", "name": "main" },
            { "TOKEN": null },
            "password",
        ],
        "headers": { "Authorization": "BackendAI signMethod=HMAC-SHA256", "Cookie": "sid=1" },
        "limit": 10,
    });

    let masked = mask_secrets(&params);

    assert_eq!(
        masked,
        json!({
            "Password": MASK,
            "secret-key": MASK,
            "SECRET_KEY": MASK,
            "access_key": "AKIAIOSFODNN7EXAMPLE",
            "user": {
                "email": "user@example.test",
                "otp": MASK,
                "Api-Key": MASK,
            },
            "keypairs": [
                { "ssh_private_key": MASK, "name": "main" },
                { "TOKEN": MASK },
                "password",
            ],
            "headers": { "Authorization": MASK, "Cookie": MASK },
            "limit": 10,
        })
    );
}

#[test]
fn mask_secrets_every_secret_key() {
    let keys = [
        "password",
        "passwd",
        "secret_key",
        "secretkey",
        "secret",
        "privkey",
        "private_key",
        "ssh_private_key",
        "otp",
        "totp",
        "token",
        "authorization",
        "cookie",
        "api_key",
    ];
    for key in keys {
        let masked = mask_secrets(&json!({ key: "value", "kept": "value" }));
        assert_eq!(masked[key], MASK, "key {key}");
        assert_eq!(masked["kept"], "value", "next to {key}");
    }
}

#[test]
fn mask_secrets_replaces_contents_by_length() {
    let params = json!({
        "path": ".bashrc",
        "data": "export PATH=~/bin:$PATH\n",
        "Script": "echo 안녕",
        "bootstrap": { "script": "" },
        "files": [{ "DATA": "한글" }],
        "options": { "data": { "password": "x", "size": 3 } },
    });

    let masked = mask_secrets(&params);

    assert_eq!(
        masked,
        json!({
            "path": ".bashrc",
            "data": "<24 characters>",
            "Script": "<7 characters>",
            "bootstrap": { "script": "<0 characters>" },
            "files": [{ "DATA": "<2 characters>" }],
            "options": { "data": { "password": MASK, "size": 3 } },
        })
    );
}

#[test]
fn mask_secrets_leaves_plain_values() {
    for params in [
        json!(null),
        json!("password"),
        json!(42),
        json!([1, "token"]),
    ] {
        assert_eq!(mask_secrets(&params), params);
    }
}
