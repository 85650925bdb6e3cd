#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need, if any are missing:
# Chromium (end-to-end tests, browser mode), Xvfb (Electron under test), gnome-keyring + dbus +
# libsecret (the OS keychain keytar talks to), CJK fonts (Chinese UI and invoice fixtures), and the
# toolchain native modules build with; and the SDK toolchains (Python + requests, JDK + Jackson, PHP +
# curl + PHPUnit) that scripts/test-sdks.sh runs the SDKs' tests with.
set -euo pipefail

packages=(chromium xvfb xauth gnome-keyring dbus dbus-x11 libsecret-1-dev libsecret-tools fonts-noto-cjk
  python3 make g++ pkg-config
  python3-requests default-jdk-headless libjackson2-databind-java php-cli php-curl phpunit)
# `--bench`: also the journal tools the statement benchmark compares against.
if [ "${1:-}" = "--bench" ]; then packages+=(hledger ledger); fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[setup] 系统依赖已齐全"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[setup] 缺少系统依赖：${missing[*]}；本脚本只支持 Debian/Ubuntu（apt-get），请手动安装。" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "[setup] 安装系统依赖：${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "[setup] 系统依赖安装完成"
