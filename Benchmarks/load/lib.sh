# Shared by run.sh and reload.sh (sourced, not run). Bash.
#
# Environment (all optional):
#   LOTSE_BIN          lotse binary (default: <repo>/.build-load/release/lotse, built when missing)
#   LOTSE_REBUILD=1    build even when the binary exists
#   WRK_THREADS        wrk threads (default 2)
#   WRK_CONNECTIONS    wrk connections (default 50)
#   WRK_TIMEOUT        wrk per-request timeout (default 10s; wrk's own default of 2s would turn slow answers
#                      into "timeout" socket errors without a latency sample)
#   SERVER_START_TIMEOUT  seconds to wait for /healthz (default 120)
#   LOTSE_KEEP=1       keep the temporary directory (index, server log, wrk output) and print its path
#   LOTSE_PORT         the server port (default: a free one)
#   LOTSE_BENCH_BIN    lotse-bench binary that generates/checks the 10k corpus (default:
#                      Benchmarks/.build/release/lotse-bench, else `swift run` builds one)

set -euo pipefail

LOAD_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$LOAD_DIR/../.." && pwd)"
SCRATCH_PATH="${LOTSE_SCRATCH_PATH:-$ROOT/.build-load}"
LOTSE_BIN="${LOTSE_BIN:-$SCRATCH_PATH/release/lotse}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-50}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"
SERVER_START_TIMEOUT="${SERVER_START_TIMEOUT:-120}"
TMP_BASE="${TMPDIR:-/tmp}"
TMP_BASE="${TMP_BASE%/}"
# Where lotse-bench (Benchmarks/Sources/BenchmarkFixtures) caches the 10k corpus: $TMPDIR/lotse-bench-corpus-…
CORPUS_10K="$TMP_BASE/lotse-bench-corpus-10000x5000-s42"

WORK=""
SERVER_PID=""
PORT=""
BACKGROUND_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 2; }

# "20s" / "2m" / "20" -> seconds
duration_seconds() {
  local value="$1"
  case "$value" in
    *s) echo "${value%s}" ;;
    *m) echo $(( ${value%m} * 60 )) ;;
    *h) echo $(( ${value%h} * 3600 )) ;;
    *) echo "$value" ;;
  esac
}

ensure_binary() {
  if [[ -x "$LOTSE_BIN" && "${LOTSE_REBUILD:-0}" != 1 ]]; then
    log "using $LOTSE_BIN (built $(date -r "$LOTSE_BIN" '+%Y-%m-%d %H:%M:%S'))"
    return
  fi
  command -v swift >/dev/null || die "swift not found and $LOTSE_BIN missing"
  local attempt
  for attempt in 1 2 3; do
    log "building lotse (release, scratch path $SCRATCH_PATH), attempt $attempt"
    # Other people edit the checkout while this builds: SwiftPM then fails with "modified during the build"; retry.
    if (cd "$ROOT" && timeout 3600 swift build -c release --product lotse --scratch-path "$SCRATCH_PATH" >&2); then
      [[ -x "$LOTSE_BIN" ]] || die "build succeeded but $LOTSE_BIN is missing (set LOTSE_BIN)"
      return
    fi
  done
  die "swift build failed 3 times"
}

# The article directory for a corpus name.
corpus_dir() {
  case "$1" in
    articles) echo "$ROOT/articles" ;;
    10k)
      # `lotse-bench corpus` generates the corpus, or only checks its fingerprint (a second) when it is current.
      local bench="${LOTSE_BENCH_BIN:-$ROOT/Benchmarks/.build/release/lotse-bench}"
      if [[ -x "$bench" ]]; then
        log "checking/generating the 10k corpus with $bench corpus"
        timeout 1800 "$bench" corpus > /dev/null || die "could not generate the 10k corpus"
      elif [[ ! -f "$CORPUS_10K/.complete" ]]; then
        log "generating the 10k corpus into $CORPUS_10K (swift run lotse-bench corpus: a release build first)"
        (cd "$ROOT/Benchmarks" && timeout 3600 swift run -c release --scratch-path "$LOAD_DIR/.build-bench" \
          lotse-bench corpus >&2) || die "could not generate the 10k corpus"
      else
        log "using $CORPUS_10K as it is (no lotse-bench binary to check it is current: set LOTSE_BENCH_BIN)"
      fi
      [[ -f "$CORPUS_10K/.complete" ]] || die "10k corpus not found at $CORPUS_10K after generating it"
      echo "$CORPUS_10K" ;;
    *) die "unknown corpus '$1' (articles or 10k)" ;;
  esac
}

make_workdir() {
  WORK="$(mktemp -d "$TMP_BASE/lotse-load.XXXXXX")"
}

cleanup() {
  local status=$?
  local pid
  for pid in "${BACKGROUND_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true
  done
  stop_server || true
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if [[ "${LOTSE_KEEP:-0}" == 1 ]]; then
      log "kept $WORK"
    else
      rm -rf "$WORK"
    fi
  fi
  return $status
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The ranking of `lotse index` and `lotse serve` here: lexical-only unless LOTSE_SEMANTIC names the model
# (LOTSE_SEMANTIC="--model /abs/.lotse/model"), so both find the same one, wherever they run from.
# shellcheck disable=SC2034 # used by the scripts that source this file
LOTSE_SEMANTIC="${LOTSE_SEMANTIC:---no-semantic}"

# index_corpus DIR INDEX [extra lotse index flags]: prints lotse's summary line.
index_corpus() {
  local dir="$1" index="$2"
  shift 2
  # shellcheck disable=SC2086 # LOTSE_SEMANTIC is a list of flags
  timeout 1800 "$LOTSE_BIN" index --articles "$dir" --index "$index" $LOTSE_SEMANTIC "$@"
}

# start_server ARTICLES INDEX: starts `lotse serve` on a free loopback port, waits for /healthz.
start_server() {
  local articles="$1" index="$2" attempt waited
  for attempt in 1 2 3; do
    PORT="${LOTSE_PORT:-$(free_port)}"
    : > "$WORK/server.log"
    # cwd = the work dir, so nothing (e.g. a default .lotse/) is created in the checkout.
    (cd "$WORK" && exec "$LOTSE_BIN" serve --articles "$articles" --index "$index" --data "$WORK/data.sqlite" \
      --host 127.0.0.1 --port "$PORT" --rate-limit 0 --log-level info $LOTSE_SEMANTIC ${LOTSE_SERVE_FLAGS:-} >> "$WORK/server.log" 2>&1) &
    SERVER_PID=$!
    for ((waited = 0; waited < SERVER_START_TIMEOUT * 10; waited++)); do
      if curl -fsS --max-time 2 "http://127.0.0.1:$PORT/healthz" > "$WORK/healthz.json" 2>/dev/null; then
        log "server pid $SERVER_PID listening on 127.0.0.1:$PORT: $(cat "$WORK/healthz.json")"
        return 0
      fi
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    log "server did not come up (attempt $attempt); log:"
    sed 's/^/    /' "$WORK/server.log" >&2
    stop_server || true
  done
  die "lotse serve did not answer /healthz"
}

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  local pid="$SERVER_PID" i status
  SERVER_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "server pid $pid ignored SIGTERM for 15 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  status=0
  wait "$pid" 2>/dev/null || status=$?
  log "server pid $pid stopped (exit status $status)"
}

# run_wrk NAME SCRIPT DURATION OUTFILE: wrk against the server, bounded by `timeout`; prints its output.
run_wrk() {
  local name="$1" script="$2" duration="$3" out="$4" seconds
  seconds="$(duration_seconds "$duration")"
  log "wrk $name: -t$WRK_THREADS -c$WRK_CONNECTIONS -d$duration --timeout $WRK_TIMEOUT"
  # In the background + wait, so a SIGTERM to this script runs the cleanup trap at once (bash defers traps
  # until a foreground child exits).
  timeout --kill-after=5 $((seconds + 30)) wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$duration" \
    --timeout "$WRK_TIMEOUT" --latency -s "$LOAD_DIR/$script" "http://127.0.0.1:$PORT" > "$out" 2>&1 &
  local pid=$! rc=0
  BACKGROUND_PIDS+=("$pid")
  wait "$pid" || rc=$?
  BACKGROUND_PIDS=()
  if [[ $rc != 0 ]]; then
    cat "$out"
    die "wrk $name failed (exit $rc)"
  fi
}

# result_field FILE KEY: a value from wrk's LOTSE_RESULT line (printed by common.lua's done()).
result_field() {
  grep -m1 '^LOTSE_RESULT ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# CPU time (user + system) the server process has used so far, in clock ticks.
server_cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0
}
CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
UPTIME_BEFORE="$(uptime)"

machine_info() {
  local cpu
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
  [[ -n "$cpu" ]] || cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- machine: $(nproc) CPUs (nproc), ${cpu:-unknown CPU}, $(uname -srm)"
  echo "- uptime before: $UPTIME_BEFORE"
  echo "- uptime after:  $(uptime)"
  echo "- busiest other processes at the end: $(ps -eo pid=,pcpu=,comm= --sort=-pcpu 2>/dev/null | awk -v me="$SERVER_PID" '$1 != me && $2 > 5 { printf "%s%s %s%%", sep, $3, $2; sep = ", " }' | cut -c1-200)"
  echo "- lotse: $LOTSE_BIN (built $(date -r "$LOTSE_BIN" '+%Y-%m-%d %H:%M:%S') from the working tree as it was then; checkout HEAD now: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown))"
  echo "- wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), -t$WRK_THREADS -c$WRK_CONNECTIONS --timeout $WRK_TIMEOUT, client and server on the same machine"
}

# "HITS MISSES" of the server's result cache from /metrics; empty when the binary has no such counters. A long
# timeout: right after a wrk run the server may still be busy with the requests wrk left in flight.
result_cache_counts() {
  curl -fsS --max-time 120 "http://127.0.0.1:$PORT/metrics" 2>/dev/null | awk '
    $1 == "lotse_result_cache_hits_total" { hits = $2 } $1 == "lotse_result_cache_misses_total" { misses = $2 }
    END { if (hits != "" && misses != "") print hits, misses }'
}

# Server-side view: request counters per route/status from /metrics, and the log's warnings/errors.
server_report() {
  echo
  echo "Server /metrics (requests by route and status; searches/suggestions with and without results):"
  echo '```'
  curl -fsS --max-time 5 "http://127.0.0.1:$PORT/metrics" 2>/dev/null \
    | grep -E '^lotse_(http_requests|suggestions|result_cache_hits|result_cache_misses)_total' | sort || echo "(unavailable)"
  echo '```'
  local rss
  rss="$(ps -o rss= -p "$SERVER_PID" 2>/dev/null | tr -d ' ')"
  [[ -n "$rss" ]] && echo "Server RSS: $((rss / 1024)) MB"
  local problems
  problems="$(grep -ciE ' (warning|error|critical) ' "$WORK/server.log" || true)"
  echo "Server log: $(wc -l < "$WORK/server.log") lines, ${problems:-0} warning/error lines"
  if [[ "${problems:-0}" -gt 0 ]]; then
    echo '```'
    grep -iE ' (warning|error|critical) ' "$WORK/server.log" | cut -d' ' -f2- | sort | uniq -c | sort -rn | head -20
    echo '```'
  fi
}

# Parses [--corpus articles|10k] into CORPUS; --help prints the script's header (lines 2..HELP_LINES).
parse_corpus_args() {
  CORPUS=articles
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --corpus) CORPUS="${2:?--corpus needs articles or 10k}"; shift 2 ;;
      --corpus=*) CORPUS="${1#--corpus=}"; shift ;;
      -h|--help) sed -n "2,${HELP_LINES:-14}p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument $1 (usage: $(basename "$0") [--corpus articles|10k])" ;;
    esac
  done
}

# Common start of a run: cleanup traps, the lotse binary, ARTICLES for CORPUS, a work dir and INDEX in it.
prepare_run() {
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  ensure_binary
  ARTICLES="$(corpus_dir "$CORPUS")"
  make_workdir
  INDEX="$WORK/index.sqlite"
}
