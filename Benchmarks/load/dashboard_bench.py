#!/usr/bin/env python3
"""Times every dashboard endpoint on a seeded store (issue 20: < 200 ms per request with 1,000,000 query-log rows and
100,000 tickets, on SQLite and PostgreSQL).

    python3 Benchmarks/load/dashboard_bench.py BIN --data DATA.sqlite --index INDEX [--runs 20] [--seed-first]
    scripts/postgres-test-cluster.sh run -- sh -c 'python3 Benchmarks/load/dashboard_bench.py BIN \\
        --database-url "$LOTSE_TEST_DATABASE_URL" --index INDEX --seed-first'

With `--seed-first`, `dashboard_seed.py` fills the store first (its defaults: 90 days, 1,000,000 query-log rows,
100,000 tickets; `--queries`/`--tickets` pass through). Then `lotse serve` starts on the store, and each endpoint is
asked once right after the start ("cold": new process, empty caches and connections, the operating system's file
cache as the seeding left it) and then `--runs` times ("warm"): a Markdown row per endpoint with cold, warm median and
warm worst in ms, the HTTP status, the response size, and the server's CPU time per warm request (user + system, from
/proc: on a shared machine wall times include waiting for a core, CPU time does not). Endpoints that are not there yet (404, 405) are marked n/a.
The server runs `--no-semantic`, as in the measurements so far (the gap report groups its topics by words only).
Exit status 1 when a warm worst or a cold request is 200 ms or more (`/admin/stats`, listed for comparison, aside).
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "system"))
from lotse_server import free_port  # noqa: E402

TOKEN = "dashboard-benchmark-token-0123456789"
ENDPOINTS = [
    "/api/v1/admin/deflection?days=7&bucket=day",
    "/api/v1/admin/deflection?days=30&bucket=day",
    "/api/v1/admin/deflection?days=90&bucket=day",
    "/api/v1/admin/deflection?days=90&bucket=week",
    "/api/v1/admin/deflection?days=90&bucket=week&format=csv",
    "/api/v1/admin/article-stats?days=7",
    "/api/v1/admin/article-stats?days=90",
    "/api/v1/admin/article-stats?days=90&format=csv",
    "/api/v1/admin/gaps?days=7",
    "/api/v1/admin/gaps?days=30",
    "/api/v1/admin/gaps?days=90",
    "/api/v1/admin/tickets",
    "/api/v1/admin/tickets?status=open",
    "/api/v1/admin/tickets?status=closed&page=300",
    "/api/v1/admin/tickets?page=2000",
    "/api/v1/admin/tickets/LT-050000",
    "/api/v1/admin/stats?since=30d",  # not a dashboard panel: for comparison only, not held to the limit
]
LIMIT_MS = 200


def timed(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Bearer {TOKEN}"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return (time.perf_counter() - started) * 1000, status, len(body)


def cpu_ms(pid):
    """User + system CPU time of a process so far, in ms (/proc/PID/stat, clock ticks)."""
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    store = parser.add_mutually_exclusive_group(required=True)
    store.add_argument("--data")
    store.add_argument("--database-url")
    parser.add_argument("--index", required=True)
    parser.add_argument("--articles", default="articles")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed-first", action="store_true")
    parser.add_argument("--queries", default="1000000")
    parser.add_argument("--tickets", default="100000")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    store_arguments = ["--data", options.data] if options.data else ["--database-url", options.database_url]
    if options.seed_first:
        seeder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboard_seed.py")
        subprocess.run([sys.executable, seeder, binary, *store_arguments, "--index", options.index, "--articles", options.articles,
                        "--queries", options.queries, "--tickets", options.tickets], check=True)
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--index", options.index, *store_arguments, "--port", str(port),
                               "--admin-token", TOKEN, "--rate-limit", "0", "--no-semantic"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failed = False
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        print("| endpoint | status | bytes | cold ms | warm median ms | warm worst ms | server CPU ms per warm request |")
        print("|---|---|---|---|---|---|---|")
        # Cold: each endpoint's first request, in a row, before any is repeated.
        cold = {path: timed(port, path) for path in ENDPOINTS}
        for path in ENDPOINTS:
            first_ms, status, size = cold[path]
            if status in (404, 405):
                print(f"| `{path}` | {status} | – | n/a | n/a | n/a | n/a |")
                continue
            cpu_before = cpu_ms(server.pid)
            warm = [timed(port, path)[0] for _ in range(options.runs)]
            cpu = (cpu_ms(server.pid) - cpu_before) / options.runs
            worst = max(warm)
            if "/admin/stats" not in path:
                failed |= status != 200 or first_ms >= LIMIT_MS or worst >= LIMIT_MS
            print(f"| `{path}` | {status} | {size} | {first_ms:.1f} | {statistics.median(warm):.1f} | {worst:.1f} | {cpu:.1f} |",
                  flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
