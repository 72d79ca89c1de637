"""Ticket submission load: N tickets over 50 keep-alive connections spread over the instances, then the rows are
counted in the database itself: every 201 must have its row (0 lost) and no submission may have two (0 duplicated).

  python3 Benchmarks/load/tickets.py --store sqlite   LOTSE_BIN        # one instance, SQLite file
  scripts/postgres-test-cluster.sh run -- python3 Benchmarks/load/tickets.py --store postgres LOTSE_BIN  # two instances

Each request carries a unique subject and Idempotency-Key; nothing is retried. Prints one Markdown table row.
Ports 18480.. (PORT_BASE overrides). Exit status 1 when a ticket was lost or duplicated or a request failed."""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "Tests", "system"))
from lotse_instances import Instance, build_index, request, ticket_body  # noqa: E402
import http.client  # noqa: E402


def submit(ports, total, connections, run):
    """Returns ({subject: ticket id} of every 201, [failures], seconds)."""
    acknowledged, failures, lock = {}, [], threading.Lock()
    counter = iter(range(total))

    def client(number):
        port = ports[number % len(ports)]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            subject = f"Lastlauf {run} Nr. {n}"
            try:
                status, body = request(port, "POST", "/api/v1/tickets", ticket_body(subject, f"kunde{n}@beispiel.de"),
                                       {"Idempotency-Key": f"{run}-{n}"}, connection)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status, body = f"{type(error).__name__}", None
            with lock:
                if status == 201:
                    acknowledged[subject] = body["id"]
                else:
                    failures.append((subject, status))
        connection.close()

    threads = [threading.Thread(target=client, args=(number,)) for number in range(connections)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return acknowledged, failures, time.monotonic() - start


def stored_sqlite(directory):
    with sqlite3.connect(os.path.join(directory, "instance-0", "data.sqlite")) as database:
        return database.execute("SELECT number, subject FROM tickets").fetchall()


def stored_postgres(url, schema):
    parts = urllib.parse.urlsplit(url)
    plain = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    output = subprocess.run(["psql", plain, "-At", "-F", "\t", "-c", "SELECT number, subject FROM tickets"], check=True,
                            capture_output=True, text=True, env=dict(os.environ, PGOPTIONS=f"-c search_path={schema}")).stdout
    return [(int(number), subject) for number, subject in (line.split("\t", 1) for line in output.splitlines() if line)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--store", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--instances", type=int, help="default: 1 for sqlite, 2 for postgres")
    parser.add_argument("--tickets", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=50)
    arguments = parser.parse_args()
    instances_count = arguments.instances or (2 if arguments.store == "postgres" else 1)
    run = uuid.uuid4().hex[:10]
    url = schema = None
    if arguments.store == "postgres":
        schema = "load_" + run
        base = os.environ["LOTSE_TEST_DATABASE_URL"]
        url = base + ("&" if "?" in base else "?") + "schema=" + schema
    port_base = int(os.environ.get("PORT_BASE", "18480"))
    with tempfile.TemporaryDirectory(prefix="lotse-ticket-load-") as directory:
        index = build_index(arguments.binary, directory)
        instances = []
        try:
            instances = [Instance(arguments.binary, port_base + n, index, os.path.join(directory, f"instance-{n}"), url)
                         for n in range(instances_count)]
            acknowledged, failures, seconds = submit([i.port for i in instances], arguments.tickets, arguments.connections, run)
        finally:
            for instance in instances:
                instance.stop()
        rows = stored_postgres(url, schema) if url else stored_sqlite(directory)
    subjects = [subject for _, subject in rows]
    stored_ids = {f"LT-{number:06d}" for number, _ in rows}
    lost = [subject for subject, ticket in acknowledged.items() if ticket not in stored_ids]
    duplicated = len(subjects) - len(set(subjects))
    print(f"| {arguments.store} | {instances_count} | {arguments.connections} | {arguments.tickets} | {len(acknowledged)} | {len(failures)} "
          f"| {len(rows)} | {len(lost)} | {duplicated} | {seconds:.1f} | {len(acknowledged) / seconds:.0f} |")
    if failures:
        print(f"first failures: {failures[:5]}", file=sys.stderr)
    sys.exit(1 if lost or duplicated or failures else 0)


if __name__ == "__main__":
    main()
