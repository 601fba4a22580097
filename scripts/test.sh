#!/usr/bin/env bash
# The test command: installs what the tests need, then checks formatting, lints and runs every
# test. The tests start their own Xvfb, D-Bus session bus and dunst; nothing is left running.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh test

cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test
