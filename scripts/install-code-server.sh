#!/usr/bin/env bash
# Installs code-server (VS Code's server + web workbench) from the npm registry into a folder of its
# own, with no other downloads. Idempotent: does nothing when the wanted version is already there.
#   usage: scripts/install-code-server.sh DIR [VERSION]
# Needs: node 20, python3, make, g++ (native modules), libkrb5-dev (kerberos) and ripgrep (rg).
# 4.100.x is the newest code-server line whose engines accept Node 20.
set -euo pipefail
dir=${1:?usage: install-code-server.sh DIR [VERSION]}
version=${2:-4.100.3}
entry="$dir/node_modules/code-server/out/node/entry.js"

installed=$(node -p 'require(require("path").resolve(process.argv[1])).version' "$dir/node_modules/code-server/package.json" 2>/dev/null || true)
if [ -f "$entry" ] && [ "$installed" = "$version" ]; then
  echo "code-server $version already installed in $dir"
  exit 0
fi
for tool in rg g++ make python3; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (apt-get install ripgrep g++ make python3 libkrb5-dev)" >&2; exit 1; }
done

mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || printf '{ "name": "code-server-host", "private": true }\n' > package.json

# 1. The package and its dependencies, without running any install script yet.
npm install --no-save --no-audit --no-fund --ignore-scripts "code-server@$version"

# 2. @vscode/ripgrep's install script downloads rg from GitHub, which is unreachable here. It first
#    looks in a cache folder for the archive it would download: put Debian's rg there, packed the same way.
rg_version=$(node -p "(require('./node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'] || {}).version || ''")
if [ -n "$rg_version" ]; then
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null && tar xzf ./*.tgz)
  asset=$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$work/package/lib/postinstall.js")
  cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$rg_version"
  mkdir -p "$cache"
  cp "$(command -v rg)" "$work/rg"
  tar czf "$cache/ripgrep-$asset-x86_64-unknown-linux-musl.tar.gz" -C "$work" rg
  rm -rf "$work"
fi

# 3. Now the install scripts (native modules are built from source). code-server's own script refuses
#    to run as root unless unsafe-perm is set, and node-pty's runs `npx node-gyp`, which must not prompt.
npm_config_unsafe_perm=true npm_config_yes=true npm rebuild --foreground-scripts
node "node_modules/code-server/out/node/entry.js" --version
