#!/usr/bin/env bash
# Installs the Debian packages arreport's build, tests and benchmark need, if missing.
# Runs apt-get only when something is missing; needs root (or sudo) then.
set -euo pipefail
packages=(time libcairo2-dev fonts-dejavu-core poppler-utils pkg-config libsqlite3-dev sqlite3 openssl)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "please install: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 1
fi
