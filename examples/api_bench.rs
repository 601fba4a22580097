//! Wall time and CPU time of sequential `GET /auth/ssh-keypair` calls through the app's
//! [`ApiClient`] in API-keypair mode, for comparison with the official Python SDK
//! (`scripts/bench/bench.py sdk-keypair`).
//!
//! ```text
//! api_bench [--requests N] [--request-log DIR]
//! ```
//!
//! The endpoint and keypair come from `BACKEND_ENDPOINT`, `BACKEND_ACCESS_KEY` and
//! `BACKEND_SECRET_KEY`, as for the SDK. Like the SDK's `Session`, the client negotiates the API
//! version first. One untimed call then opens the kept-alive connection, and only the `N` calls
//! after it are timed.
//!
//! With `--request-log DIR`, `DIR/requests.jsonl` is first filled to its default limit of 2,000
//! entries, and every request is then appended to it as the app's API worker does. Without it
//! nothing is logged, as with the SDK.
//!
//! Prints one JSON line: the wall time of the timed calls and the CPU time all threads of this
//! process spent in them, summed from `/proc/self/task/*/schedstat` (nanoseconds), the same source
//! the SDK side reads.

#![allow(
    clippy::print_stdout,
    reason = "a benchmark writes its results to standard output"
)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use bai_settings::api::account::ssh_public_key;
use bai_settings::api::client::{ApiClient, Auth, ClientOptions, RequestSink};
use bai_settings::api::{Endpoint, EndpointType, Secret};
use bai_settings::request_log::{DEFAULT_MAX_ENTRIES, RequestLog, RequestLogEntry};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut requests = 200_usize;
    let mut request_log_dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--requests" => {
                requests = value
                    .parse()
                    .ok()
                    .filter(|count| *count > 0)
                    .ok_or_else(|| {
                        format!("--requests expects a positive integer, got {value:?}")
                    })?
            }
            "--request-log" => request_log_dir = Some(PathBuf::from(value)),
            _ => {
                return Err(format!(
                    "unknown argument {flag:?}; usage: api_bench [--requests N] \
                     [--request-log DIR]"
                ));
            }
        }
    }

    let variable = |name: &str| {
        std::env::var(name).map_err(|_| format!("{name} is not set; see backendai-stack.sh env"))
    };
    let endpoint = Endpoint::parse(&variable("BACKEND_ENDPOINT")?)
        .map_err(|error| format!("invalid BACKEND_ENDPOINT: {error}"))?;
    let auth = Auth::Keypair {
        access_key: variable("BACKEND_ACCESS_KEY")?,
        secret_key: Secret::new(variable("BACKEND_SECRET_KEY")?),
    };
    if let Some(dir) = &request_log_dir {
        fill_request_log(dir)?;
    }
    let request_sink = request_log_dir.as_ref().map(|dir| {
        let log = RequestLog::new(dir.as_path(), DEFAULT_MAX_ENTRIES);
        let sink: RequestSink = Box::new(move |entry| {
            if let Err(error) = log.append(&entry) {
                eprintln!("warning: cannot append to the request log: {error}");
            }
        });
        sink
    });
    let mut client = ApiClient::new(
        endpoint,
        EndpointType::Api,
        auth,
        ClientOptions {
            request_sink,
            ..ClientOptions::default()
        },
    );
    client
        .negotiate_version()
        .map_err(|error| format!("version negotiation failed: {error}"))?;
    ssh_public_key(&mut client).map_err(|error| format!("warm-up call failed: {error}"))?;

    let cpu_before = process_cpu_seconds()?;
    let started = Instant::now();
    for _ in 0..requests {
        ssh_public_key(&mut client).map_err(|error| format!("GET /auth/ssh-keypair: {error}"))?;
    }
    let wall = started.elapsed().as_secs_f64();
    let cpu = process_cpu_seconds()? - cpu_before;

    let client_name = if request_log_dir.is_some() {
        "app-client-with-log"
    } else {
        "app-client"
    };
    println!(
        "{{\"bench\":\"api\",\"client\":\"{client_name}\",\"requests\":{requests},\
         \"wall_s\":{wall:.4},\"cpu_s\":{cpu:.4}}}"
    );
    Ok(())
}

/// Fills the request log in `dir` up to its default limit with copies of a logged
/// `GET /auth/ssh-keypair`, so that every timed append finds a full log, as in an app that has
/// been in use for a while.
fn fill_request_log(dir: &Path) -> Result<(), String> {
    let log = RequestLog::new(dir, DEFAULT_MAX_ENTRIES);
    let stored = log.read().map_err(|error| error.to_string())?.entries.len();
    if stored >= DEFAULT_MAX_ENTRIES {
        return Ok(());
    }
    let entry = RequestLogEntry {
        timestamp: "2026-12-04T20:15:00.123Z".to_owned(),
        method: "GET".to_owned(),
        url: "http://127.0.0.1:18081/auth/ssh-keypair".to_owned(),
        status: Some(200),
        status_text: "OK".to_owned(),
        duration_ms: 9,
        params: serde_json::json!({}),
        ..RequestLogEntry::default()
    };
    let mut line = serde_json::to_string(&entry).map_err(|error| error.to_string())?;
    line.push('\n');
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log.path())
        .map_err(|error| format!("cannot open {}: {error}", log.path().display()))?;
    file.write_all(line.repeat(DEFAULT_MAX_ENTRIES - stored).as_bytes())
        .map_err(|error| format!("cannot write {}: {error}", log.path().display()))
}

/// CPU time of all threads of this process so far, in seconds, from the first field of each
/// `/proc/self/task/TID/schedstat`.
fn process_cpu_seconds() -> Result<f64, String> {
    let tasks = std::fs::read_dir("/proc/self/task")
        .map_err(|error| format!("cannot list /proc/self/task: {error}"))?;
    let mut nanoseconds: u64 = 0;
    for task in tasks.flatten() {
        let path = task.path().join("schedstat");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // The thread ended after the directory was listed.
        };
        let running: u64 = text
            .split_whitespace()
            .next()
            .and_then(|field| field.parse().ok())
            .ok_or_else(|| format!("unexpected content in {}: {text:?}", path.display()))?;
        nanoseconds += running;
    }
    Ok(nanoseconds as f64 / 1e9)
}
