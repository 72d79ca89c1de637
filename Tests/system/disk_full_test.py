#!/usr/bin/env python3
"""Fault test: the ticket data directory runs out of space while customers submit tickets.

The data directory is a 3 MB tmpfs (needs root or CAP_SYS_ADMIN for `mount`; fails loudly otherwise). Tickets with
attachments are submitted until the disk is full. Passes when: no answer is a 5xx other than 503
`storage_unavailable`; search keeps answering 200 while the disk is full; every ticket answered 201 is in the
queue afterwards; the database passes `PRAGMA integrity_check`; and once space is added (remount), tickets are
accepted again without a restart. Lexical-only (`--no-semantic`): the ticket store is what is tested. Usage: disk_full_test.py --binary .build/debug/lotse
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import uuid

from lotse_server import LotseServer

BOUNDARY = "lotse-grenze"


def multipart_ticket(number):
    fields = {"email": f"kunde{number}@beispiel.de", "name": "Jürgen Groß", "subject": f"Störung Nr. {number}",
              "description": "Seit heute früh kommt keine E-Mail mehr an. " * 40, "consent": "true"}
    body = b"".join(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
                    for name, value in fields.items())
    log = ("Fehlerprotokoll %d: Zustellung fehlgeschlagen, Postfach voll.\n" % number).encode() * 4000  # ~240 KB
    body += (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="attachments"; filename="protokoll.txt"\r\n'
             f'Content-Type: text/plain\r\n\r\n').encode() + log + f"\r\n--{BOUNDARY}--\r\n".encode()
    return body


def submit(server, number):
    return server.request("POST", "/api/v1/tickets", multipart_ticket(number),
                          {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
                           "Idempotency-Key": str(uuid.uuid4())})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    arguments = parser.parse_args()
    mount_point = tempfile.mkdtemp(prefix="lotse-full-")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount_point], capture_output=True, text=True)
    if mounted.returncode != 0:
        print(f"FAIL: cannot mount a small tmpfs for the disk-full test (needs root): {mounted.stderr.strip()}", file=sys.stderr)
        return 1
    failures, acknowledged, statuses, found = [], [], {}, 0
    data = os.path.join(mount_point, "data.sqlite")
    try:
        with LotseServer(arguments.binary, "--rate-limit", "0", "--data", data, "--no-semantic") as server:
            for number in range(60):
                status, body = submit(server, number)
                statuses[status] = statuses.get(status, 0) + 1
                if status == 201:
                    acknowledged.append(body["id"])
                elif status == 503:
                    if body["error"]["code"] != "storage_unavailable":
                        failures.append(f"503 with code {body['error']['code']}")
                elif status >= 500:
                    failures.append(f"ticket {number}: {status} {body}")
            if 503 not in statuses:
                failures.append(f"the 3 MB disk never filled up: {statuses}")
            status, results = server.request("GET", "/api/v1/search?q=Passwort%20vergessen")
            if status != 200 or not results["results"]:
                failures.append(f"search while the disk is full: {status}")
            subprocess.run(["mount", "-o", "remount,size=64m", mount_point], check=True)
            status, body = submit(server, 1000)
            if status != 201:
                failures.append(f"after space was added a ticket got {status} {body}")
            else:
                acknowledged.append(body["id"])
            status, queue = server.request("GET", "/api/v1/admin/tickets?page=1", admin=True)
            stored = {ticket["id"] for ticket in queue.get("tickets", [])}
            missing = [ticket for ticket in acknowledged if ticket not in stored]
            found = len(acknowledged) - len(missing)
            if status != 200 or missing or queue["total"] != len(acknowledged):
                failures.append(f"acknowledged {len(acknowledged)}, stored {queue.get('total')}, missing {missing}")
        database = sqlite3.connect(data)
        check = database.execute("PRAGMA integrity_check").fetchone()[0]
        database.close()
        if check != "ok":
            failures.append(f"integrity_check after the disk-full run: {check}")
    finally:
        subprocess.run(["umount", mount_point])
        os.rmdir(mount_point)
    print(f"disk full: answers {dict(sorted(statuses.items()))}, tickets acknowledged {len(acknowledged)}, found {found}")
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
