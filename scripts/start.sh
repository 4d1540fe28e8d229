#!/usr/bin/env bash
# npm start: installs what is missing, builds and packages the extension, installs it into a private
# code-server profile and serves VS Code in the browser on 127.0.0.1 with examples/ open.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${PORT:-8080}
bash scripts/setup.sh
npm run -s package
profile="$root/.vscode-test/playground"
mkdir -p "$profile"
node .vscode-test/code-server/node_modules/code-server/out/node/entry.js \
  --extensions-dir "$profile/extensions" --install-extension dist/bonding-config.vsix --force >/dev/null
echo
echo "  VS Code with the bonding extension: http://127.0.0.1:$port/?folder=$root/examples"
echo "  (Ctrl+C stops it)"
echo
EXTENSIONS_GALLERY='{"serviceUrl":""}' exec node .vscode-test/code-server/node_modules/code-server/out/node/entry.js \
  --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-getting-started-override --user-data-dir "$profile/user" --extensions-dir "$profile/extensions" \
  "$root/examples"
