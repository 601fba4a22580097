//! Request-log costs: reading `requests.jsonl` (2,000 and 100,000 entries), handing the entries to
//! the Logs page's model, and appending while other writers append to the same file.
//!
//! ```text
//! log_bench [--runs N] [--appends N]
//! ```
//!
//! Each run measures every case once, in the order below, and prints one JSON line per case on
//! standard output; `scripts/bench/bench.py` takes the medians. Cases:
//!
//! - `load-2k`, `load-100k`: [`RequestLog::read`], as the request-log worker does.
//! - `prepare-2k`, `prepare-100k`: [`PreparedLog::new`], which the request-log worker runs after
//!   reading.
//! - `view-2k`, `view-100k`: [`LogsView::set_loaded`] and [`LogsView::refresh_filter`], which
//!   run on the UI thread when the Logs page receives the entries.
//! - `append-1w-2k-full`, `append-4w-2k-full`: one or four threads, each with its own
//!   [`RequestLog`] handle as separate windows would have, appending `--appends` entries in all to
//!   a log of 2,000 entries, its default limit. The file is trimmed once it contains a tenth
//!   more than the limit, so with more than 200 appends one of them rewrites the file.
//! - `append-1w-2k-below-limit`: one writer on 2,000 entries with a limit of 1,000,000.
//! - `append-1w-100k-full`: one writer on a full 100,000-entry log (the limit raised to 100,000).
//!
//! The files live in a temporary directory under `$TMPDIR` (or `/tmp`), so the append figures
//! include that file system's `fsync`.

#![allow(
    clippy::print_stdout,
    reason = "a benchmark writes its results to standard output"
)]

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use bai_settings::logs_view::{LogsView, PreparedLog};
use bai_settings::request_log::RequestLog;
use sample_log::{sample_entry, write_request_log};

mod sample_log;

struct Arguments {
    runs: usize,
    appends: usize,
}

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
    let arguments = parse_arguments()?;
    let scratch =
        tempfile::tempdir().map_err(|error| format!("cannot make a temp dir: {error}"))?;
    let small_dir = scratch.path().join("log-2k");
    let large_dir = scratch.path().join("log-100k");
    let append_dir = scratch.path().join("append");
    write_request_log(&small_dir, 2_000)?;
    write_request_log(&large_dir, 100_000)?;

    for run in 0..arguments.runs {
        for (case, dir, count) in [("2k", &small_dir, 2_000), ("100k", &large_dir, 100_000)] {
            let log = RequestLog::new(dir.as_path(), count);
            let started = Instant::now();
            let loaded = log
                .read()
                .map_err(|error| format!("load-{case}: {error}"))?;
            let elapsed = started.elapsed();
            if loaded.entries.len() != count {
                return Err(format!(
                    "load-{case}: read {} entries, expected {count}",
                    loaded.entries.len()
                ));
            }
            print_duration(&format!("load-{case}"), run, elapsed);

            let started = Instant::now();
            let prepared = PreparedLog::new(loaded);
            print_duration(&format!("prepare-{case}"), run, started.elapsed());

            let mut view = LogsView::default();
            let started = Instant::now();
            view.set_loaded(prepared);
            view.refresh_filter();
            print_duration(&format!("view-{case}"), run, started.elapsed());
        }

        for (case, entries, limit, writers, appends) in [
            ("append-1w-2k-full", 2_000, 2_000, 1, arguments.appends),
            (
                "append-4w-2k-full",
                2_000,
                2_000,
                4,
                arguments.appends.div_ceil(4),
            ),
            (
                "append-1w-2k-below-limit",
                2_000,
                1_000_000,
                1,
                arguments.appends,
            ),
            (
                "append-1w-100k-full",
                100_000,
                100_000,
                1,
                arguments.appends.div_ceil(8),
            ),
        ] {
            write_request_log(&append_dir, entries)?;
            let (wall, mut calls) = append_concurrently(&append_dir, limit, writers, appends)
                .map_err(|error| format!("{case}: {error}"))?;
            calls.sort();
            let total = writers * appends;
            println!(
                "{{\"bench\":\"log\",\"case\":\"{case}\",\"run\":{run},\"writers\":{writers},\
                 \"appends\":{total},\"us_per_append_wall\":{:.1},\"us_median_call\":{:.1},\
                 \"us_max_call\":{:.1}}}",
                wall.as_secs_f64() * 1e6 / total as f64,
                micros(calls[calls.len() / 2]),
                micros(calls[calls.len() - 1]),
            );
        }
    }
    Ok(())
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut arguments = Arguments {
        runs: 7,
        appends: 40,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let count = match value.parse::<usize>() {
            Ok(count) if count > 0 => count,
            _ => return Err(format!("{flag} expects a positive integer, got {value:?}")),
        };
        match flag.as_str() {
            "--runs" => arguments.runs = count,
            "--appends" => arguments.appends = count,
            _ => {
                return Err(format!(
                    "unknown argument {flag:?}; usage: log_bench [--runs N] [--appends N]"
                ));
            }
        }
    }
    Ok(arguments)
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

fn print_duration(case: &str, run: usize, elapsed: Duration) {
    println!(
        "{{\"bench\":\"log\",\"case\":\"{case}\",\"run\":{run},\"ms\":{:.3}}}",
        elapsed.as_secs_f64() * 1e3
    );
}

/// Starts `writers` threads that each append `appends` entries to the log in `dir`. Returns the
/// wall time from the first start to the last finish, and the duration of every call.
fn append_concurrently(
    dir: &Path,
    limit: usize,
    writers: usize,
    appends: usize,
) -> Result<(Duration, Vec<Duration>), String> {
    let started = Instant::now();
    let results = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for writer in 0..writers {
            let spawned = std::thread::Builder::new()
                .name(format!("log-writer-{writer}"))
                .spawn_scoped(scope, move || {
                    let log = RequestLog::new(dir, limit);
                    let mut calls = Vec::with_capacity(appends);
                    for index in 0..appends {
                        let entry = sample_entry(writer * appends + index);
                        let call_started = Instant::now();
                        log.append(&entry).map_err(|error| error.to_string())?;
                        calls.push(call_started.elapsed());
                    }
                    Ok::<_, String>(calls)
                })
                .map_err(|error| format!("cannot start a writer thread: {error}"))?;
            handles.push(spawned);
        }
        let mut calls = Vec::new();
        for handle in handles {
            let writer_calls = handle
                .join()
                .map_err(|_| "a writer thread panicked".to_owned())??;
            calls.extend(writer_calls);
        }
        Ok::<_, String>(calls)
    })?;
    Ok((started.elapsed(), results))
}
