//! A request log like the app's, for the benchmark examples: mostly successful reads, some
//! rejected saves and some timeouts. `frame_bench` and `log_bench` both use it, so their figures
//! describe the same kind of log.

use std::path::Path;

use bai_settings::request_log::RequestLogEntry;

/// Replaces `dir/requests.jsonl` with `count` entries, oldest first, in the app's own format.
pub fn write_request_log(dir: &Path, count: usize) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    let mut lines = String::with_capacity(count * 400);
    for index in 0..count {
        let line = serde_json::to_string(&sample_entry(index))
            .map_err(|error| format!("cannot serialise an entry: {error}"))?;
        lines.push_str(&line);
        lines.push('\n');
    }
    let path = dir.join("requests.jsonl");
    std::fs::write(&path, lines)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// Returns entry `index` of a log like the app's: mostly successful reads, some rejected saves
/// and some timeouts, seven seconds apart.
pub fn sample_entry(index: usize) -> RequestLogEntry {
    let endpoint = "http://127.0.0.1:18081";
    let millisecond = 1_796_415_300_000 + index as i64 * 7_000;
    let timestamp = jiff::Timestamp::from_millisecond(millisecond)
        .map(|instant| instant.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_default();
    let mut entry = RequestLogEntry {
        timestamp,
        method: "GET".to_owned(),
        url: format!("{endpoint}/auth/ssh-keypair"),
        status: Some(200),
        status_text: "OK".to_owned(),
        duration_ms: 8 + (index % 23) as u64,
        params: serde_json::json!({}),
        ..RequestLogEntry::default()
    };
    match index % 10 {
        0 => {
            entry.method = "POST".to_owned();
            entry.url = format!("{endpoint}/auth");
            entry.params = serde_json::json!({ "echo": "bai-settings" });
        }
        1 => entry.url = format!("{endpoint}/user-config/dotfiles"),
        2 => {
            entry.method = "POST".to_owned();
            entry.url = format!("{endpoint}/user-config/dotfiles");
            entry.status = Some(400);
            entry.status_text = "Bad Request".to_owned();
            entry.error_type = Some("https://api.backend.ai/probs/invalid-api-params".to_owned());
            entry.error_title = Some("Invalid API parameters.".to_owned());
            entry.error_message = Some("dotfile path is reserved for internal operations.".into());
            entry.params = serde_json::json!({
                "path": ".ssh/authorized_keys", "permission": "644", "data": "<120 characters>"
            });
            entry.is_error = true;
        }
        3 => entry.url = format!("{endpoint}/user-config/bootstrap-script"),
        4 => {
            entry.url = format!("{endpoint}/");
            entry.status = None;
            entry.status_text = String::new();
            entry.duration_ms = 10_000;
            entry.error_type = Some("timeout".to_owned());
            entry.error_title = Some("The server did not respond in time.".to_owned());
            entry.error_message = Some("timed out after 10 s connecting to 127.0.0.1:18081".into());
            entry.is_error = true;
        }
        _ => {}
    }
    entry
}
