#!/usr/bin/env bash
# HTTP load test of `lotse serve`: /healthz, GET /api/v1/search, POST /api/v1/suggest, one server, one run, with
# distinct traffic: search walks Benchmarks/traffic/queries.txt (28,061 distinct typed queries), suggest distinct
# ~300-word drafts, each wrk thread its own slice, no request repeated until a slice is used up (the report gives
# the repeat share) and the server's result-cache hit rate (from /metrics before and after) beside every figure.
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
# Each endpoint first gets WRK_WARMUP (default 5s; 0 skips it) of unmeasured load with the cached mix (the judged
# queries and drafts of requests.lua in rotation, so the traffic stream stays unused), so the numbers are not a
# fresh engine's first reads of the most common terms (in-process cold numbers: lotse-bench --cold).
# The drafts: TRAFFIC_DRAFTS (default 20000) generated into the work directory by make_traffic.py when the
# XQuAD-de set is there (LOTSE_XQUAD, default ../shared/eval/xquad_de), else the 320 committed ones.
# WRK_CACHED_MIX=1 adds rows for the cached mix (search.lua, suggest.lua: 102 queries, 42 drafts in rotation).
# Environment: WRK_DURATION (default 20s), WRK_WARMUP (5s), WRK_THREADS (2), WRK_CONNECTIONS (50), WRK_TIMEOUT (10s),
# LOTSE_SEARCH_LIMIT (5), TRAFFIC_DRAFTS, WRK_CACHED_MIX, LOTSE_BIN, LOTSE_REBUILD=1, LOTSE_KEEP=1, LOTSE_PORT,
# LOTSE_BENCH_BIN (see lib.sh), LOTSE_INDEX (an index built from the same corpus before: served as a copy instead of
# indexing again, e.g. when compare.sh runs two binaries in turn); LOTSE_INDEX_FLAGS and LOTSE_SERVE_FLAGS add flags
# to `lotse index` and `lotse serve`, LOTSE_SEMANTIC (lib.sh: lexical-only unless "--model DIR" for the hybrid
# ranking), LOTSE_INDEX_SEED (below).
# Exit status: 0 when every request got a 2xx answer, 1 otherwise, 2 when the test itself failed.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HELP_LINES=29 parse_corpus_args "$@"
WRK_DURATION="${WRK_DURATION:-20s}"
WRK_WARMUP="${WRK_WARMUP:-5s}"
TRAFFIC_DRAFTS="${TRAFFIC_DRAFTS:-20000}"
export WRK_THREADS  # the traffic scripts split the stream into WRK_THREADS slices

prepare_run

# The stream: the committed files, or (XQuAD-de at hand) the same queries and TRAFFIC_DRAFTS drafts.
export LOTSE_TRAFFIC_DIR="$ROOT/Benchmarks/traffic"
if python3 "$LOAD_DIR/make_traffic.py" --drafts "$TRAFFIC_DRAFTS" --output-dir "$WORK/traffic" > "$WORK/traffic.log" 2>&1; then
  LOTSE_TRAFFIC_DIR="$WORK/traffic"
fi
log "traffic stream: $LOTSE_TRAFFIC_DIR ($(wc -l < "$LOTSE_TRAFFIC_DIR/queries.txt") queries, $(wc -l < "$LOTSE_TRAFFIC_DIR/drafts.jsonl") drafts)"
ENDPOINTS=(healthz search suggest)
[[ "${WRK_CACHED_MIX:-0}" == 1 ]] && ENDPOINTS+=(search-mix suggest-mix)

started_ns=$(date +%s%N)
if [[ -n "${LOTSE_INDEX:-}" ]]; then
  log "copying $LOTSE_INDEX (built from $ARTICLES before)"
  cp "$LOTSE_INDEX" "$INDEX" || die "cannot copy $LOTSE_INDEX"
  INDEX_SUMMARY="copied from $LOTSE_INDEX"
else
  log "indexing $ARTICLES"
  # LOTSE_INDEX_SEED: an earlier index of the same corpus, copied in first, so the build is incremental (a 10k index
  # with vectors takes minutes to embed).
  [[ -n "${LOTSE_INDEX_SEED:-}" ]] && cp "$LOTSE_INDEX_SEED" "$INDEX"
  # shellcheck disable=SC2086 # LOTSE_INDEX_FLAGS is a list of flags
  INDEX_SUMMARY="$(index_corpus "$ARTICLES" "$INDEX" ${LOTSE_INDEX_FLAGS:-} 2>"$WORK/index.err")" || {
    cat "$WORK/index.err" >&2; die "lotse index failed"; }
fi
INDEX_MS=$(( ($(date +%s%N) - started_ns) / 1000000 ))
INDEX_MB=$(( $(stat -c %s "$INDEX") / 1024 / 1024 ))
log "$INDEX_SUMMARY"

start_server "$ARTICLES" "$INDEX"

# endpoint -> wrk script of the measured run and of its warm-up
declare -A SCRIPT=([healthz]=healthz.lua [search]=search-traffic.lua [suggest]=suggest-traffic.lua
                   [search-mix]=search.lua [suggest-mix]=suggest.lua)
declare -A WARMUP_SCRIPT=([healthz]=healthz.lua [search]=search.lua [suggest]=suggest.lua
                          [search-mix]=search.lua [suggest-mix]=suggest.lua)
declare -A CPU_SECONDS WINDOW_SECONDS CACHE_HITS CACHE_MISSES
for endpoint in "${ENDPOINTS[@]}"; do
  if [[ "$WRK_WARMUP" != 0 ]]; then
    run_wrk "$endpoint (warm-up)" "${WARMUP_SCRIPT[$endpoint]}" "$WRK_WARMUP" "$WORK/warmup-$endpoint.txt"
  fi
  read -r hits_before misses_before <<< "$(result_cache_counts)" || true
  ticks_before="$(server_cpu_ticks)"
  window_started_ns=$(date +%s%N)
  run_wrk "$endpoint" "${SCRIPT[$endpoint]}" "$WRK_DURATION" "$WORK/wrk-$endpoint.txt"
  CPU_SECONDS[$endpoint]="$(awk -v a="$ticks_before" -v b="$(server_cpu_ticks)" -v hz="$CLK_TCK" 'BEGIN { printf "%.1f", (b - a) / hz }')"
  # The CPU window includes wrk's start (the traffic scripts read their stream slice first), so its share is
  # taken over the window, not over wrk's own duration.
  WINDOW_SECONDS[$endpoint]="$(awk -v a="$window_started_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
  read -r hits_after misses_after <<< "$(result_cache_counts)" || true
  if [[ -n "${hits_before:-}" && -n "${hits_after:-}" ]]; then
    CACHE_HITS[$endpoint]=$((hits_after - hits_before))
    CACHE_MISSES[$endpoint]=$((misses_after - misses_before))
  fi
  sleep 1
done

# "12.3% (456 of 3,700)" or "n/a"
cache_rate() {
  local hits="${CACHE_HITS[$1]:-}" misses="${CACHE_MISSES[$1]:-}"
  if [[ -z "$hits" ]]; then echo "n/a (no counters)"; return; fi
  if (( hits + misses == 0 )); then echo "– (no lookups)"; return; fi
  awk -v h="$hits" -v m="$misses" 'BEGIN { printf "%.1f%% (%d of %d)", 100 * h / (h + m), h, h + m }'
}

echo
echo "## Lotse HTTP load test: corpus \`$CORPUS\`"
echo
machine_info
echo "- corpus: $ARTICLES; \`lotse index\`: $INDEX_SUMMARY (wall $((INDEX_MS / 1000)).$(printf '%03d' $((INDEX_MS % 1000))) s), index $INDEX_MB MB"
echo "- server: \`lotse serve --rate-limit 0\` on 127.0.0.1:$PORT; each endpoint $WRK_DURATION after $WRK_WARMUP of unmeasured warm-up"\
  "with the cached mix; traffic from $LOTSE_TRAFFIC_DIR ($(wc -l < "$LOTSE_TRAFFIC_DIR/queries.txt") distinct queries,"\
  "$(wc -l < "$LOTSE_TRAFFIC_DIR/drafts.jsonl") distinct drafts), split into $WRK_THREADS per-thread slices"
echo
echo "| endpoint | req/s | % of healthz | p50 | p99 | result-cache hits | repeated requests | non-2xx | socket errors | server CPU | req per server CPU-s |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
failed=0
healthz_rps=""
for endpoint in "${ENDPOINTS[@]}"; do
  out="$WORK/wrk-$endpoint.txt"
  case "$endpoint" in
    healthz) label='GET /healthz' ;;
    search) label='GET /api/v1/search (distinct typed queries)' ;;
    suggest) label='POST /api/v1/suggest (distinct drafts)' ;;
    search-mix) label='GET /api/v1/search (cached mix: 102 queries in rotation)' ;;
    suggest-mix) label='POST /api/v1/suggest (cached mix: 42 drafts in rotation)' ;;
  esac
  if ! grep -q '^LOTSE_RESULT ' "$out"; then
    echo "| $label | (no result) | | | | | | | | | |"
    failed=1
    continue
  fi
  non2xx="$(result_field "$out" non2xx)"
  socket="$(result_field "$out" socket_errors)"
  cpu="${CPU_SECONDS[$endpoint]}"
  seconds="${WINDOW_SECONDS[$endpoint]}"
  requests="$(result_field "$out" requests)"
  rps="$(result_field "$out" rps)"
  [[ "$endpoint" == healthz ]] && healthz_rps="$rps"
  case "$endpoint" in
    search|suggest) repeats="$(result_field "$out" repeats) ($(result_field "$out" repeat_pct)%)" ;;
    healthz) repeats="–" ;;
    *) repeats="all (rotation)" ;;
  esac
  printf '| %s | %s | %s | %s ms | %s ms | %s | %s | %s | %s | %s | %s |\n' "$label" "$rps" \
    "$(awk -v r="$rps" -v h="${healthz_rps:-0}" 'BEGIN { if (h > 0) printf("%.1f%%", 100 * r / h); else printf("–") }')" \
    "$(result_field "$out" p50_ms)" "$(result_field "$out" p99_ms)" "$(cache_rate "$endpoint")" "$repeats" "$non2xx" "$socket" \
    "$(awk -v c="$cpu" -v s="$seconds" 'BEGIN { printf("%.0f%% (%s s)", (s > 0 ? 100 * c / s : 0), c) }')" \
    "$(awk -v c="$cpu" -v r="$requests" 'BEGIN { printf("%.0f", (c > 0 ? r / c : 0)) }')"
  [[ "$non2xx" == 0 && "$socket" == 0 ]] || failed=1
done
echo
echo "% of healthz: req/s over /healthz's req/s in the same run and wrk settings. result-cache hits: lookups of the"
echo "engine's result cache during the measured run (lotse_result_cache_{hits,misses}_total on /metrics before and"
echo "after; n/a for a binary without them). repeated requests: requests sent after a wrk thread had used up its"
echo "slice of the stream (the share of all requests sent)."
echo "server CPU: user+system CPU time of the lotse process from wrk's start to its end, as a share of that window"
echo "(200% = both cores; requests still in flight when wrk stops are not in it); wrk runs on"
echo "the same 2 cores, so req/s is bounded by what the server gets; req per server CPU-s is less sensitive to"
echo "other load on the machine."
echo
echo "wrk output:"
echo '```'
for endpoint in "${ENDPOINTS[@]}"; do
  grep -v '^LOTSE_RESULT ' "$WORK/wrk-$endpoint.txt"
done
echo '```'
server_report
exit "$failed"
