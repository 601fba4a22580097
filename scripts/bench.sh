#!/usr/bin/env bash
# The benchmark command. It builds the release binary and the benchmark examples and opens the
# windows on a private Xvfb display. It compares bai-settings with a blank eframe window, with
# itself at a small and a large load, and with the official Backend.AI Python SDK.
# docs/BENCHMARKS.md explains each figure and records the last results.
#
#   bash scripts/bench.sh            # every benchmark, 5 or 7 runs each (3 minutes once built)
#   bash scripts/bench.sh --quick    # fewer and shorter runs, a smoke check (under a minute)
#   bash scripts/bench.sh --with-web-console   # also the Backend.AI web console in Chromium
#
# --with-web-console installs Debian's chromium (as root) and playwright-core from npm into
# $CARGO_TARGET_DIR/bench-node when they are missing; it never downloads a browser build.
#
# Results go to $BENCH_OUT (default: $CARGO_TARGET_DIR/bench/DATE-TIME): results.jsonl with
# every measurement, report.md with the tables, and summary.txt. The last line printed is
#
#   startup_ratio=R rss_ratio=R idle_repaints=N logs_100k_vs_2k=R editor_64k_vs_1k=R api_vs_sdk=R
#
# Last, it runs the random-input tests of tests/faults.rs with 20,000 cases each (1,000 with
# --quick) instead of the 64 that CI runs.
#
# The API benchmark needs the Backend.AI manager of scripts/backendai-stack.sh on 127.0.0.1. If
# none responds, this script installs and starts one (which resets its data directory) and stops it
# again at the end. A manager that is already running is used as it is and left running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=()
web_console=0
for argument in "$@"; do
  case $argument in
    --quick) quick=(--quick) ;;
    --with-web-console) web_console=1 ;;
    -h | --help) sed -n '2,/^set -euo/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *)
      echo "error: unknown argument $argument;" \
        "usage: bash scripts/bench.sh [--quick] [--with-web-console]" >&2
      exit 2
      ;;
  esac
done

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
# Any window opened here checks for updates against a loopback port where nothing listens.
export BAI_SETTINGS_UPDATE_FEED_URL=http://127.0.0.1:9/feed.json
out=${BENCH_OUT:-$CARGO_TARGET_DIR/bench/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
manager_url=http://127.0.0.1:${MANAGER_PORT:-18081}/
sdk_python=${BAI_DIR:-/tmp/bai-stack}/venv/bin/python

log() { echo "[bench $(date +%T)] $*" >&2; }

xvfb_pid=
started_stack=0
cleanup() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=
  fi
  if [ "$started_stack" = 1 ]; then
    log "stopping the Backend.AI stack this script started"
    bash scripts/backendai-stack.sh stop >>"$out/stack.log" 2>&1 || true
    started_stack=0
  fi
}
trap cleanup EXIT

for tool in Xvfb python3 curl; do
  command -v "$tool" >/dev/null || {
    echo "error: $tool is missing; run: bash scripts/install-deps.sh test" >&2
    exit 1
  }
done

log "building the release binary and the benchmark examples into $CARGO_TARGET_DIR"
# Two commands, so that the binary is the one `cargo build --release` makes: built together with
# the examples, its dependencies would get the features that the dev-dependencies turn on.
cargo build --release --bin bai-settings
cargo build --release --example blank --example frame_bench --example api_bench --example log_bench

if curl -s -o /dev/null "$manager_url"; then
  log "using the Backend.AI manager already running at $manager_url"
else
  log "no manager at $manager_url: installing and starting scripts/backendai-stack.sh"
  bash scripts/backendai-stack.sh install >>"$out/stack.log" 2>&1
  started_stack=1
  bash scripts/backendai-stack.sh start >>"$out/stack.log" 2>&1
fi
eval "$(bash scripts/backendai-stack.sh env)"

web_console_args=()
if [ "$web_console" = 1 ]; then
  # Pinned so that the driver script in bench.py keeps working.
  playwright_version=1.65.2
  node_dir=$CARGO_TARGET_DIR/bench-node
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's chromium"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
      >>"$out/apt.log" 2>&1; then
      echo "error: cannot install chromium (it needs root); see $out/apt.log" >&2
      exit 1
    fi
  fi
  if [ ! -d "$node_dir/node_modules/playwright-core" ]; then
    log "installing playwright-core $playwright_version into $node_dir"
    mkdir -p "$node_dir"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$node_dir" --no-audit --no-fund \
      --silent "playwright-core@$playwright_version"
  fi
  web_console_args=(--web-console-modules "$node_dir/node_modules")
fi

# Xvfb picks a free display number and writes it to the file behind descriptor 5.
display_file=$out/xvfb-display
: >"$display_file"
Xvfb -displayfd 5 -screen 0 1280x1024x24 -nolisten tcp 5>"$display_file" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$display_file" ] && break
  sleep 0.1
done
[ -s "$display_file" ] || { echo "error: Xvfb did not start; see $out/xvfb.log" >&2; exit 1; }
display=:$(tr -d '[:space:]' <"$display_file")
log "Xvfb on display $display"

python3 scripts/bench/bench.py run --bin-dir "$CARGO_TARGET_DIR/release" --out "$out" \
  --display "$display" --sdk-python "$sdk_python" "${quick[@]}" "${web_console_args[@]}" \
  >"$out/report.txt"

cleanup
trap - EXIT

# The long run of the random-input tests that CI runs with 64 cases each. Default profile, like
# every other test run.
if [ ${#quick[@]} -eq 0 ]; then fuzz_cases=20000; else fuzz_cases=1000; fi
log "random-input tests: $fuzz_cases cases each (tests/faults.rs)"
PROPTEST_CASES=$fuzz_cases cargo test --test faults -- \
  settings_parser_never_panics mutated_settings_always_load request_log_reader_never_panics \
  >"$out/fuzz.log" 2>&1 || { echo "error: random-input tests failed; see $out/fuzz.log" >&2; exit 1; }
grep "test result" "$out/fuzz.log" >&2

log "report: $out/report.md"
cat "$out/report.md"
tail -n 1 "$out/summary.txt"
