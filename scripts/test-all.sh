#!/usr/bin/env bash
# npm test: every test layer, in order of speed. Each layer prints its own "N passed, N failed" line;
# the script stops at the first failing layer and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo; echo "=== $1"; }

step "type check"
npx tsc -p . --noEmit

step "build"
npm run -s build

step "unit tests (pure analysis, node:test)"
node --import tsx --test test/unit/*.test.ts

if [ -f test/grammar/run.sh ]; then
  step "grammar tests (vscode-tmgrammar-test)"
  bash test/grammar/run.sh
fi

step "protocol tests (built server over stdio JSON-RPC)"
node --import tsx --test test/protocol/*.test.ts

step "bondlint CLI (golden text/JSON/SARIF, schema, exit codes, --fix)"
node --import tsx --test test/cli/*.test.ts

step "Neovim (headless) as LSP client"
bash test/nvim/run.sh

step "extension inside real VS Code (code-server + Chromium)"
node test/e2e/run-code-server.mjs

step "packaged .vsix installs into code-server and activates"
npx vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links --out dist/bonding-config.vsix >/dev/null
node test/vsix/run.mjs

echo; echo "=== all test layers passed"
