#!/usr/bin/env bash
# Hot-reload under load: search traffic while the index is rebuilt and swapped underneath the server.
#
#   Benchmarks/load/reload.sh [--corpus articles|10k]     (default: articles)
#
# Starts `lotse serve --rate-limit 0` on the corpus, runs wrk with search.lua (RELOAD_DURATION, default 30s,
# WRK_CONNECTIONS default 50), and meanwhile rebuilds the index RELOAD_COUNT (10) times with
# `lotse index --full --articles … --index …`, one rebuild starting every RELOAD_INTERVAL (2) seconds. The
# server polls the index file every second and logs "index reloaded" on each switch.
#
# Reports total requests, non-2xx responses, socket errors, the rebuilds and the server's reloads.
# Exit status 1 when any request got a non-2xx answer or a socket error (reset/timeout), or the server
# logged fewer reloads than RELOAD_COUNT; 2 when the test itself failed.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HELP_LINES=14 parse_corpus_args "$@"
RELOAD_DURATION="${RELOAD_DURATION:-30s}"
RELOAD_COUNT="${RELOAD_COUNT:-10}"
RELOAD_INTERVAL="${RELOAD_INTERVAL:-2}"  # whole seconds
[[ "$RELOAD_INTERVAL" =~ ^[0-9]+$ && "$RELOAD_COUNT" =~ ^[0-9]+$ ]] || die "RELOAD_INTERVAL and RELOAD_COUNT must be whole numbers"

prepare_run

log "indexing $ARTICLES"
index_corpus "$ARTICLES" "$INDEX" > "$WORK/index-0.log" 2>&1 || { cat "$WORK/index-0.log" >&2; die "lotse index failed"; }
log "$(tail -1 "$WORK/index-0.log")"
start_server "$ARTICLES" "$INDEX"
baseline_reloads="$(grep -c 'index reloaded' "$WORK/server.log" || true)"

seconds="$(duration_seconds "$RELOAD_DURATION")"
log "wrk search: -t$WRK_THREADS -c$WRK_CONNECTIONS -d$RELOAD_DURATION --timeout $WRK_TIMEOUT, $RELOAD_COUNT rebuilds meanwhile"
timeout --kill-after=5 $((seconds + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$RELOAD_DURATION" \
  --timeout "$WRK_TIMEOUT" --latency -s "$LOAD_DIR/search.lua" "http://127.0.0.1:$PORT" > "$WORK/wrk-reload.txt" 2>&1 &
WRK_PID=$!
BACKGROUND_PIDS+=("$WRK_PID")
load_started_ns=$(date +%s%N)
sleep 1

rebuilds_ok=0
rebuild_lines=()
for ((i = 1; i <= RELOAD_COUNT; i++)); do
  started_ns=$(date +%s%N)
  rc=0
  index_corpus "$ARTICLES" "$INDEX" --full > "$WORK/index-$i.log" 2>&1 || rc=$?
  ended_ns=$(date +%s%N)
  ms=$(( (ended_ns - started_ns) / 1000000 ))
  at=$(( (started_ns - load_started_ns) / 1000000 ))
  running=yes; kill -0 "$WRK_PID" 2>/dev/null || running=no
  line="rebuild $i at t=$((at / 1000)).$(printf '%03d' $((at % 1000))) s: exit $rc, $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s, wrk running: $running, $(tail -1 "$WORK/index-$i.log")"
  rebuild_lines+=("$line")
  log "$line"
  [[ $rc == 0 ]] && rebuilds_ok=$((rebuilds_ok + 1))
  # The next rebuild starts RELOAD_INTERVAL seconds after this one started (not after it ended).
  if ((i < RELOAD_COUNT)); then
    left_ms=$(( RELOAD_INTERVAL * 1000 - ms ))
    ((left_ms > 0)) && sleep "$((left_ms / 1000)).$(printf '%03d' $((left_ms % 1000)))"
  fi
done

wrk_rc=0
wait "$WRK_PID" || wrk_rc=$?
BACKGROUND_PIDS=()
sleep 2  # one more poll interval (1 s) so the server picks up the last rebuild
reloads=$(( $(grep -c 'index reloaded' "$WORK/server.log" || true) - baseline_reloads ))
reload_errors="$(grep -c 'could not be opened' "$WORK/server.log" || true)"
health="$(curl -fsS --max-time 5 "http://127.0.0.1:$PORT/healthz" 2>&1 || true)"

out="$WORK/wrk-reload.txt"
[[ $wrk_rc == 0 ]] && grep -q '^LOTSE_RESULT ' "$out" || { cat "$out"; die "wrk failed (exit $wrk_rc)"; }
requests="$(result_field "$out" requests)"
non2xx="$(result_field "$out" non2xx)"
socket="$(result_field "$out" socket_errors)"

echo
echo "## Lotse hot reload under load: corpus \`$CORPUS\`"
echo
machine_info
echo "- corpus: $ARTICLES; server on 127.0.0.1:$PORT; wrk search.lua $RELOAD_DURATION;" \
  "$RELOAD_COUNT × \`lotse index --full\`, one every $RELOAD_INTERVAL s"
echo
echo "| requests | req/s | p50 | p99 | max | non-2xx | socket errors | rebuilds ok | reloads logged | reload errors |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| $requests | $(result_field "$out" rps) | $(result_field "$out" p50_ms) ms | $(result_field "$out" p99_ms) ms |" \
  "$(result_field "$out" max_ms) ms | $non2xx | $socket | $rebuilds_ok/$RELOAD_COUNT | $reloads | $reload_errors |"
echo
echo "Rebuilds:"
printf -- '- %s\n' "${rebuild_lines[@]}"
echo
echo "Server log, reloads:"
echo '```'
grep -E 'index reloaded|could not be opened' "$WORK/server.log" || echo "(none)"
echo '```'
echo "/healthz after the run: $health"
echo
echo "wrk output:"
echo '```'
grep -v '^LOTSE_RESULT ' "$out"
echo '```'
server_report

verdict=PASS
[[ "$non2xx" == 0 ]] || verdict=FAIL
[[ "$socket" == 0 ]] || verdict=FAIL
((reloads >= RELOAD_COUNT)) || verdict=FAIL
echo
echo "**$verdict**: $requests requests, $non2xx non-2xx, $socket socket errors, $reloads reloads logged (need $RELOAD_COUNT)"
[[ $verdict == PASS ]] || exit 1
