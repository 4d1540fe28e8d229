#!/bin/bash
# run-chunks.sh CASES OUTDIR [CHUNK]
#
# Runs the bonding kernel oracle (ORACLE_DIR, default /work/shared/oracle) over CASES in chunks
# of CHUNK (default 150) case lines, so that one failed or timed-out boot loses only one chunk
# and partial results survive. For chunk N it writes OUTDIR/chunk-NNN.{cases,jsonl,err}.
# A chunk whose .jsonl already has one line per case is skipped (re-running resumes).
# Afterwards: node scripts/oracle/compact.mjs CASES OUTDIR > test/fixtures/kernel/verdicts.jsonl
# ORACLE_* environment variables are passed through to run-oracle.sh.
set -uo pipefail
CASES=${1:?usage: run-chunks.sh CASES OUTDIR [CHUNK]}
OUT=${2:?usage: run-chunks.sh CASES OUTDIR [CHUNK]}
CHUNK=${3:-150}
ORACLE_DIR=${ORACLE_DIR:-/work/shared/oracle}
mkdir -p "$OUT"
CASES=$(cd "$(dirname "$CASES")" && pwd)/$(basename "$CASES")
OUT=$(cd "$OUT" && pwd)

# case lines only (the oracle ignores '#' lines and empty lines the same way)
grep -vE '^(#|$)' "$CASES" | split -d -a 3 --numeric-suffixes=1 -l "$CHUNK" --additional-suffix=.cases - "$OUT/chunk-"
rc_all=0
for c in "$OUT"/chunk-*.cases; do
    base=${c%.cases}
    want=$(wc -l < "$c")
    if [ -s "$base.jsonl" ] && [ "$(wc -l < "$base.jsonl")" -eq "$want" ]; then
        echo "run-chunks: $(basename "$base") done already ($want cases)" >&2
        continue
    fi
    t0=$(date +%s)
    ( cd "$ORACLE_DIR" && ./run-oracle.sh "$c" ) > "$base.jsonl.part" 2> "$base.err"
    rc=$?
    mv "$base.jsonl.part" "$base.jsonl"
    echo "run-chunks: $(basename "$base") rc=$rc $(wc -l < "$base.jsonl")/$want cases in $(( $(date +%s) - t0 ))s" >&2
    [ $rc -eq 0 ] || rc_all=$rc
done
exit $rc_all
