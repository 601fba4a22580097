#!/usr/bin/env bash
# The run command: installs the libraries the window needs, builds an optimised binary and opens
# the window. Arguments go to bai-settings (try --help).
#
#   bash scripts/run.sh [--lang ko] [--config-dir DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh run
exec cargo run --release -- "$@"
