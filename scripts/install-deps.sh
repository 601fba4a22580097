#!/usr/bin/env bash
# Installs the Debian packages bai-settings needs, skipping those already present.
#
#   bash scripts/install-deps.sh run    # libraries the window loads at run time
#   bash scripts/install-deps.sh test   # the above plus Xvfb, D-Bus and dunst for the tests
#
# Needs root (or sudo) only when something is missing.
set -euo pipefail

run_packages=(libgl1 libegl1 libgl1-mesa-dri libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0)
test_packages=(xvfb xauth dbus-daemon dunst openssh-client ibus ibus-hangul xdotool)

case "${1:-}" in
  run) wanted=("${run_packages[@]}") ;;
  test) wanted=("${run_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "missing Debian packages: ${missing[*]}; install them as root with apt-get install" >&2
  exit 1
fi

echo "installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
