#!/usr/bin/env bash
# Two lotse binaries under the same HTTP load, in turn: run.sh with OLD, then NEW, ROUNDS times (default 2), on one
# index built once (by OLD), so the machine's load hits both alike. Prints each run's table rows, labelled, then
# every run's full report.
#
#   Benchmarks/load/compare.sh OLD_BIN NEW_BIN [--corpus articles|10k] [--rounds N]
#
# Environment: as run.sh (WRK_DURATION, WRK_WARMUP, WRK_CONNECTIONS, …); LOTSE_INDEX skips the one indexing.

set -euo pipefail
LOAD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OLD="${1:?usage: compare.sh OLD_BIN NEW_BIN [--corpus articles|10k] [--rounds N]}"
NEW="${2:?usage: compare.sh OLD_BIN NEW_BIN [--corpus articles|10k] [--rounds N]}"
shift 2
CORPUS=articles ROUNDS=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) CORPUS="${2:?}"; shift 2 ;;
    --rounds) ROUNDS="${2:?}"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

OUT="$(mktemp -d "${TMPDIR:-/tmp}/lotse-compare.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
if [[ -z "${LOTSE_INDEX:-}" ]]; then
  articles="$(source "$LOAD_DIR/lib.sh"; LOTSE_BIN="$OLD" corpus_dir "$CORPUS")"
  echo "[$(date +%H:%M:%S)] indexing $articles once with $OLD" >&2
  # shellcheck disable=SC2086 # LOTSE_SEMANTIC (lib.sh) is a list of flags
  "$OLD" index --articles "$articles" --index "$OUT/index.sqlite" ${LOTSE_SEMANTIC:---no-semantic} > /dev/null
  export LOTSE_INDEX="$OUT/index.sqlite"
fi

status=0
for ((round = 1; round <= ROUNDS; round++)); do
  for side in old new; do
    bin="$OLD"; [[ "$side" == new ]] && bin="$NEW"
    echo "[$(date +%H:%M:%S)] round $round: $side ($bin)" >&2
    LOTSE_BIN="$bin" "$LOAD_DIR/run.sh" --corpus "$CORPUS" > "$OUT/$round-$side.md" || status=1
  done
done

echo "| run | endpoint | req/s | % of healthz | p50 | p99 | result-cache hits | repeated requests | non-2xx | socket errors | server CPU | req per server CPU-s |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for ((round = 1; round <= ROUNDS; round++)); do
  for side in old new; do
    grep -E '^\| (GET|POST) ' "$OUT/$round-$side.md" | sed "s/^| /| $side $round | /" || true
  done
done
for ((round = 1; round <= ROUNDS; round++)); do
  for side in old new; do
    echo
    echo "### $side, round $round"
    cat "$OUT/$round-$side.md"
  done
done
exit "$status"
