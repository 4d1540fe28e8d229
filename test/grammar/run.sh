#!/usr/bin/env bash
# Runs every TextMate grammar test; exits non-zero on the first failing step.
#
#   bash test/grammar/run.sh              # all steps
#   bash test/grammar/run.sh --no-redos   # skip the (slower, ~10-20 s) ReDoS test
#
# Steps:
#   1. syntaxes/*.tmLanguage.json are up to date with syntaxes/src/build-grammars.mjs
#   2. scope assertions in test/grammar/{ifcfg,modprobe}/*.test.* (vscode-tmgrammar-test)
#   3. test/grammar/redos.test.ts (100k-character hostile lines, node:test)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

run_redos=1
for arg in "$@"; do
  case "$arg" in
    --no-redos) run_redos=0 ;;
    *) echo "usage: $0 [--no-redos]" >&2; exit 2 ;;
  esac
done

bin=node_modules/.bin/vscode-tmgrammar-test
if [[ ! -x "$bin" ]]; then
  echo "grammar tests: $bin not found (run npm ci)" >&2
  exit 1
fi

# vscode-tmgrammar-test 0.1.3 parses assertion lines with a regex that
# backtracks exponentially when a line has more than one " - " separator (the
# run then appears to hang).  List every excluded scope after a single "-".
if grep -nE '^#[[:space:]]*(\^|<~*-+).* - .* - ' test/grammar/ifcfg/*.test.ifcfg test/grammar/modprobe/*.test.modprobe; then
  echo 'grammar tests: the assertion lines above have several " - "; write "^^ a b - c d" instead' >&2
  exit 1
fi

echo '== grammar sources are up to date'
node syntaxes/src/build-grammars.mjs --check

echo '== scope assertions (vscode-tmgrammar-test)'
# -g registers the grammars directly, so this works whether or not
# package.json lists them under contributes.grammars yet.  source.shell (for
# install/remove commands) is a small stub: VS Code ships the real one.
timeout_cmd=()
if command -v timeout >/dev/null 2>&1; then timeout_cmd=(timeout 300); fi
"${timeout_cmd[@]}" "$bin" \
  -g syntaxes/ifcfg.tmLanguage.json \
  -g syntaxes/modprobe.tmLanguage.json \
  -g test/grammar/fixtures/shell-stub.tmLanguage.json \
  'test/grammar/ifcfg/**/*.test.ifcfg' \
  'test/grammar/modprobe/**/*.test.modprobe'

if [[ $run_redos == 1 ]]; then
  echo '== ReDoS / long-line performance'
  node --import tsx --test test/grammar/redos.test.ts
fi

echo 'grammar tests passed'
