#!/usr/bin/env bash
# The test command: installs what the tests need, starts a real Backend.AI manager and web server
# on 127.0.0.1, checks formatting and lints, and runs every test, the server tests included. The
# servers are stopped again on exit; the tests start their own Xvfb, D-Bus session bus and dunst.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh test

# The test build takes about 3 GiB. A disk that fills up while linking crashes the linker with
# "Bus error", which does not name the cause.
target_dir="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target_dir"
free_kib=$(df -Pk "$target_dir" | awk 'NR == 2 { print $4 }')
needed_kib=$((4 * 1024 * 1024))
if [ "$free_kib" -lt "$needed_kib" ]; then
  echo "only $((free_kib / 1024)) MiB free for $target_dir; the test build needs about 4 GiB." >&2
  echo "Free some space (for example 'cargo clean' in other checkouts) and run again." >&2
  exit 1
fi

# Any window a test opens checks for updates against a loopback port where nothing listens.
export BAI_SETTINGS_UPDATE_FEED_URL=http://127.0.0.1:9/feed.json

cargo fmt --check
cargo clippy --all-targets --features server-tests -- -D warnings

bash scripts/backendai-stack.sh install
trap 'bash scripts/backendai-stack.sh stop' EXIT
bash scripts/backendai-stack.sh start >/dev/null

cargo test --features server-tests

# Korean typing through a real input method (ibus-hangul under Xvfb). ibus forwards keys with
# timing of its own, so a failed run is tried once more before it counts.
cargo test --test ime_real -- --ignored || cargo test --test ime_real -- --ignored
