#!/usr/bin/env bash
# HTTP load test of `lotse serve`: /healthz, GET /api/v1/search, POST /api/v1/suggest, one server, one run.
#
#   Benchmarks/load/run.sh [--corpus articles|10k]
#
#   articles  the 51 help-center articles in ./articles (default)
#   10k       the 10,000-article synthetic corpus of lotse-bench ($TMPDIR/lotse-bench-corpus-10000x5000-s42,
#             generated with `lotse-bench index-full --runs 1` when missing)
#
# Builds the release binary when missing (.build-load), indexes the corpus into a temporary directory, starts
# the server on a free 127.0.0.1 port with --rate-limit 0, waits for /healthz, runs wrk against each endpoint
# and prints a Markdown report; the server is stopped with SIGTERM and the temporary directory removed on exit
# (also on failure or Ctrl-C). Every step is bounded by a timeout.
#
# Each endpoint first gets WRK_WARMUP (default 5s; 0 skips it) of unmeasured load, so the numbers are the steady
# state and not a fresh engine's first reads of each term (in-process cold numbers: lotse-bench --cold).
# Environment: WRK_DURATION (default 20s), WRK_WARMUP (5s), WRK_THREADS (2), WRK_CONNECTIONS (50), WRK_TIMEOUT (10s),
# LOTSE_SEARCH_LIMIT (5), LOTSE_BIN, LOTSE_REBUILD=1, LOTSE_KEEP=1, LOTSE_PORT (see lib.sh).
# Exit status: 0 when every request got a 2xx answer, 1 otherwise, 2 when the test itself failed.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HELP_LINES=20 parse_corpus_args "$@"
WRK_DURATION="${WRK_DURATION:-20s}"
WRK_WARMUP="${WRK_WARMUP:-5s}"

prepare_run

log "indexing $ARTICLES"
started_ns=$(date +%s%N)
INDEX_SUMMARY="$(index_corpus "$ARTICLES" "$INDEX" 2>"$WORK/index.err")" || { cat "$WORK/index.err" >&2; die "lotse index failed"; }
INDEX_MS=$(( ($(date +%s%N) - started_ns) / 1000000 ))
INDEX_MB=$(( $(stat -c %s "$INDEX") / 1024 / 1024 ))
log "$INDEX_SUMMARY"

start_server "$ARTICLES" "$INDEX"

declare -A CPU_SECONDS
for endpoint in healthz search suggest; do
  if [[ "$WRK_WARMUP" != 0 ]]; then
    run_wrk "$endpoint (warm-up)" "$endpoint.lua" "$WRK_WARMUP" "$WORK/warmup-$endpoint.txt"
  fi
  ticks_before="$(server_cpu_ticks)"
  run_wrk "$endpoint" "$endpoint.lua" "$WRK_DURATION" "$WORK/wrk-$endpoint.txt"
  CPU_SECONDS[$endpoint]="$(awk -v a="$ticks_before" -v b="$(server_cpu_ticks)" -v hz="$CLK_TCK" 'BEGIN { printf "%.1f", (b - a) / hz }')"
  sleep 1
done

echo
echo "## Lotse HTTP load test: corpus \`$CORPUS\`"
echo
machine_info
echo "- corpus: $ARTICLES; \`lotse index\`: $INDEX_SUMMARY (wall $((INDEX_MS / 1000)).$(printf '%03d' $((INDEX_MS % 1000))) s), index $INDEX_MB MB"
echo "- server: \`lotse serve --rate-limit 0\` on 127.0.0.1:$PORT; each endpoint $WRK_DURATION after $WRK_WARMUP of unmeasured warm-up, requests from" \
  "Benchmarks/load/requests.lua ($(sed -n '2s/^-- //p' "$LOAD_DIR/requests.lua" | tr -d .))"
echo
echo "| endpoint | req/s | p50 | p99 | non-2xx | socket errors | server CPU | req per server CPU-s |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
failed=0
for endpoint in healthz search suggest; do
  out="$WORK/wrk-$endpoint.txt"
  case "$endpoint" in
    healthz) label='GET /healthz' ;;
    search) label='GET /api/v1/search' ;;
    suggest) label='POST /api/v1/suggest' ;;
  esac
  if ! grep -q '^LOTSE_RESULT ' "$out"; then
    echo "| $label | (no result) | | | | | | |"
    failed=1
    continue
  fi
  non2xx="$(result_field "$out" non2xx)"
  socket="$(result_field "$out" socket_errors)"
  cpu="${CPU_SECONDS[$endpoint]}"
  seconds="$(result_field "$out" seconds)"
  requests="$(result_field "$out" requests)"
  printf '| %s | %s | %s ms | %s ms | %s | %s | %s | %s |\n' "$label" "$(result_field "$out" rps)" \
    "$(result_field "$out" p50_ms)" "$(result_field "$out" p99_ms)" "$non2xx" "$socket" \
    "$(awk -v c="$cpu" -v s="$seconds" 'BEGIN { printf("%.0f%% (%s s)", (s > 0 ? 100 * c / s : 0), c) }')" \
    "$(awk -v c="$cpu" -v r="$requests" 'BEGIN { printf("%.0f", (c > 0 ? r / c : 0)) }')"
  [[ "$non2xx" == 0 && "$socket" == 0 ]] || failed=1
done
echo
echo "server CPU: user+system CPU time of the lotse process during the wrk run (200% = both cores); wrk runs on"
echo "the same 2 cores, so req/s is bounded by what the server gets; req per server CPU-s is less sensitive to"
echo "other load on the machine."
echo
echo "wrk output:"
echo '```'
for endpoint in healthz search suggest; do
  grep -v '^LOTSE_RESULT ' "$WORK/wrk-$endpoint.txt"
done
echo '```'
server_report
exit "$failed"
