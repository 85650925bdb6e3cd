#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring and a throwaway HOME,
# so keychain tests use a real Secret Service and never touch the user's own keyring.
set -euo pipefail
throwaway_home=$(mktemp -d)
trap 'rm -rf "$throwaway_home"' EXIT
export HOME="$throwaway_home"
export ZXE_KEYRING_AVAILABLE=1
dbus-run-session -- bash -c '
  printf "zxe-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec "$@"
' with-keyring "$@" 2> >(grep -v "Failed to set fd limit" >&2)
