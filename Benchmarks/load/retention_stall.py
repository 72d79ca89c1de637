#!/usr/bin/env python3
"""How long ticket submissions wait while retention purges a store for the first time.

    python3 Benchmarks/load/dashboard_seed.py BIN --data SEED.sqlite --index INDEX --end TODAY   # 90 days of traffic
    python3 Benchmarks/load/retention_stall.py BIN SEED.sqlite INDEX [--days 30]                 # or a postgres:// URL

Starts `lotse serve --retention-days DAYS` on a copy of SEED (a PostgreSQL URL is used as it is: seed it again before
each run) — the server purges at start — and submits a ticket every 50 ms for 40 s from one client. Prints the
submissions' median, p99 and worst ms, and the median / worst per 2 s, so the purge's stretch shows.
"""
import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "system"))
from lotse_instances import ticket_body  # noqa: E402
from lotse_server import free_port  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("store", help="a seeded SQLite file (copied) or a postgres:// URL")
    parser.add_argument("index")
    parser.add_argument("--days", default="30")
    parser.add_argument("--seconds", type=float, default=40)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        if arguments.store.startswith("postgres"):
            store = ["--database-url", arguments.store]
        else:
            store = ["--data", os.path.join(directory, "data.sqlite")]
            shutil.copy(arguments.store, store[1])
        port = free_port()
        with open(os.path.join(directory, "serve.log"), "w") as log:
            server = subprocess.Popen([arguments.binary, "serve", "--index", arguments.index, *store, "--port", str(port),
                                       "--retention-days", arguments.days, "--no-semantic"], stdout=log, stderr=subprocess.STDOUT)
            try:
                times = submit(port, arguments.seconds)
            finally:
                server.terminate()
                server.wait()
        with open(os.path.join(directory, "serve.log")) as log:
            purged = [line.strip() for line in log if "retention" in line]
    report(times, purged)


def submit(port, seconds):
    """(seconds since start, ms, status) of each submission; the first waits for the server to listen."""
    start, times, connection, number = time.time(), [], None, 0
    while time.time() - start < seconds:
        try:
            connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            body = json.dumps(ticket_body(f"Aufbewahrung {number}", f"kunde{number}@beispiel.de"))
            sent = time.time()
            connection.request("POST", "/api/v1/tickets", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            times.append((sent - start, (time.time() - sent) * 1000, response.status))
            number += 1
        except OSError:
            connection = None
            time.sleep(0.05)
        time.sleep(0.05)
    return times


def report(times, purged):
    created = [(at, ms) for at, ms, status in times if status == 201]
    if not created:
        sys.exit(f"no ticket was created; statuses {sorted({status for _, _, status in times})}")
    latencies = sorted(ms for _, ms in created)
    print(f"{len(times)} submissions, {len(created)} created (others: rate limit); ms median {statistics.median(latencies):.1f}, "
          f"p99 {latencies[max(0, int(len(latencies) * 0.99) - 1)]:.1f}, worst {latencies[-1]:.1f}")
    buckets = {}
    for at, ms in created:
        buckets.setdefault(int(at // 2) * 2, []).append(ms)
    print("per 2 s, median/worst: " + " ".join(f"{at}s {statistics.median(v):.0f}/{max(v):.0f}" for at, v in sorted(buckets.items())))
    print("\n".join(purged) or "no purge logged")


if __name__ == "__main__":
    main()
