#!/usr/bin/env bash
# Installs everything the project needs on Debian, skipping what is already there:
# apt packages (chromium, neovim, ripgrep, libkrb5-dev), npm dependencies, and code-server into
# .vscode-test/code-server (git-ignored). Used by .ci/run and by `npm start`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive npm_config_fund=false npm_config_audit=false

need=()
for pkg in chromium neovim ripgrep libkrb5-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: apt-get install ${need[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

lock_hash=$(sha1sum package-lock.json | cut -d' ' -f1)
if [ "${SETUP_FORCE_NPM_CI:-}" = 1 ] || [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi

bash scripts/install-code-server.sh .vscode-test/code-server 4.100.3
