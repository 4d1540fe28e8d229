#!/usr/bin/env bash
# Drives bonding-language-server from headless Neovim on an ifcfg and a modprobe file.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v nvim >/dev/null || { echo "nvim not installed (apt-get install neovim)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/test/e2e/workspace/." "$tmp/"
export BONDING_SERVER="$root/bin/bonding-language-server"
fail=0
run() {
  echo "== nvim: $1"
  (cd "$tmp" && timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $root/test/nvim/lsp-test.lua" "$1") || fail=1
}
EXPECT_CODE=spaces-around-equals EXPECT_LINE=4 COMPLETE_LINE=9 COMPLETE_LABEL=MTU run host-a/etc/sysconfig/network-scripts/ifcfg-bond0
EXPECT_CODE=modprobe-indented-comment EXPECT_LINE=1 COMPLETE_LINE=2 COMPLETE_LABEL=options run host-a/etc/modprobe.d/bonding.conf
# The language core through Neovim: BONDING_OPTS completion (mode-aware) and the hover of a mode.
printf 'DEVICE=bond9\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS="mode=802.3ad miimon=100 "\nONBOOT = yes\n' > "$tmp/host-a/etc/sysconfig/network-scripts/ifcfg-bond9"
EXPECT_CODE=spaces-around-equals EXPECT_LINE=4 COMPLETE_LINE=3 COMPLETE_CHAR=39 COMPLETE_LABEL=lacp_rate HOVER_LINE=3 HOVER_CHAR=21 HOVER_EXPECT='LACP' run host-a/etc/sysconfig/network-scripts/ifcfg-bond9
exit $fail
