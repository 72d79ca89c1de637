#!/usr/bin/env bash
# Runs each fuzz target for SECONDS seconds from the committed seeds plus the corpus kept in .fuzz-corpus/.
# Exits non-zero (and names the crash file) when a target finds an input that breaks a property.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
status=0
for target in analyzer query; do
    corpus=.fuzz-corpus/$target
    mkdir -p "$corpus" .fuzz-crashes
    dict=()
    [ -f "Fuzz/$target.dict" ] && dict=(-dict="Fuzz/$target.dict")
    log=$(mktemp)
    if LOTSE_FUZZ_ARTICLES=articles "Fuzz/.build/release/fuzz-$target" "$corpus" "Fuzz/Corpus/$target" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix=.fuzz-crashes/ >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz-$target: $runs executions in ${seconds} s, no property violated"
    else
        echo "fuzz-$target FAILED:"; grep -v -E "^#|NEW_FUNC" "$log" | tail -25
        status=1
    fi
    rm -f "$log"
done
exit $status
