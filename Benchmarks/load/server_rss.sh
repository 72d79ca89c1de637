#!/bin/bash
# Resident memory of `lotse serve` at start (after warming) and after N distinct typed queries over HTTP, one client
# (BENCHMARKS.md "Memory"). Run from the repository root (the model is read from .lotse/model).
#   Benchmarks/load/server_rss.sh BIN INDEX semantic|lexical PORT N [more `lotse serve` options]
set -euo pipefail
bin=$1 index=$2 mode=$3 port=$4 n=$5
shift 5
flag=--no-semantic
[ "$mode" = semantic ] && flag=--semantic
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
"$bin" serve --index "$index" $flag --data "$dir/data.sqlite" --port "$port" --rate-limit 0 "$@" >"$dir/log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
for _ in $(seq 1 120); do grep -q "index warmed" "$dir/log" && break; sleep 1; done
rss() { grep -E "^(Rss|Anonymous|Pss_File)" "/proc/$pid/smaps_rollup" | awk '{printf "%s %d MB  ", $1, $2 / 1024}'; }
start=$(rss)
started=$(date +%s.%N)
python3 - "$port" "$n" <<'PY'
import sys, urllib.parse, urllib.request
port, n = sys.argv[1], int(sys.argv[2])
queries = open("Benchmarks/traffic/queries.txt", encoding="utf-8").read().split("\n")[4000:4000 + n]
for query in queries:
    urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/search?" + urllib.parse.urlencode({"q": query})).read()
PY
ended=$(date +%s.%N)
echo "$(basename "$bin") $mode $* $(curl -s "http://127.0.0.1:$port/healthz" | grep -o '"semantic":[a-z]*') | start: $start| after $n: $(rss)| wall $(echo "$ended - $started" | bc) s"
