"""Two `lotse serve` processes share one PostgreSQL database: tickets, deflections and the query log submitted to
either appear in the admin statistics of both (and in `lotse stats`), an Idempotency-Key holds across them, and an
`/admin` session started on one instance is accepted by the other until sign-out on either ends it (issue 20).

usage: LOTSE_TEST_DATABASE_URL=postgres://… python3 Tests/system/multi_instance_test.py PATH/TO/lotse
(`make test` runs it inside scripts/postgres-test-cluster.sh.) Ports: 18470, 18471 (PORT_BASE overrides)."""
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lotse_instances import ADMIN_TOKEN, Instance, admin, build_index, request, ticket_body  # noqa: E402

ARTICLE = "anmeldeprobleme-konto-gesperrt"
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def stats(port):
    status, body = admin(port, "/api/v1/admin/stats?since=1d")
    assert status == 200, f"stats on {port}: HTTP {status}"
    return body


def raw(port, method, path, body=None, headers=None):
    """(status, headers, text) without following redirects: the sign-in answers 303 with the cookie."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        connection.close()


def shared_admin_session(a, b):
    """Signs in on A, uses the session on B, signs out on B: the cookie then no longer works on A either."""
    form = urllib.parse.urlencode({"token": ADMIN_TOKEN, "name": "Operatorin Zwei Instanzen"})
    status, headers, _ = raw(a, "POST", "/admin/anmelden", form, {"Content-Type": "application/x-www-form-urlencoded"})
    cookies = [value.split(";")[0] for name, value in headers if name.lower() == "set-cookie" and value.startswith("lotse_admin=")]
    check(status == 303 and len(cookies) == 1 and len(cookies[0]) > len("lotse_admin="),
          f"sign-in on port {a}: 303 with a session cookie (got {status}, {cookies})")
    if not cookies:
        return
    cookie = {"Cookie": cookies[0]}
    status, _, page = raw(b, "GET", "/admin", headers=cookie)
    csrf = re.search(r'<meta name="lotse-csrf" content="([0-9a-f]+)">', page)
    check(status == 200 and csrf is not None and "Operatorin Zwei Instanzen" in page,
          f"dashboard on port {b} with the cookie from {a}: signed in as the operator (got {status})")
    status, _, _ = raw(b, "GET", "/api/v1/admin/tickets", headers=cookie)
    check(status == 200, f"ticket queue on port {b} with the cookie from {a}: 200 (got {status})")
    status, _, _ = raw(b, "POST", "/admin/abmelden", headers=dict(cookie, **{"X-CSRF-Token": csrf.group(1) if csrf else ""}))
    check(status == 303, f"sign-out on port {b}: 303 (got {status})")
    for port in (a, b):
        status, _, _ = raw(port, "GET", "/api/v1/admin/tickets", headers=cookie)
        check(status == 401, f"ticket queue on port {port} after sign-out on {b}: 401 (got {status})")
        status, _, page = raw(port, "GET", "/admin", headers=cookie)
        check(status == 200 and 'name="lotse-csrf"' not in page, f"/admin on port {port} after sign-out: the sign-in form again")


def main():
    binary = sys.argv[1]
    base_url = os.environ["LOTSE_TEST_DATABASE_URL"]
    # A fresh schema per run, so the counts below start from zero.
    url = base_url + ("&" if "?" in base_url else "?") + "schema=multi_" + uuid.uuid4().hex[:12]
    port_base = int(os.environ.get("PORT_BASE", "18470"))
    with tempfile.TemporaryDirectory(prefix="lotse-multi-") as directory:
        index = build_index(binary, directory)
        instances = [Instance(binary, port_base + n, index, os.path.join(directory, f"instance-{n}"), url) for n in range(2)]
        try:
            a, b = (instance.port for instance in instances)
            created = []
            for port, subject in [(a, "Rechnung fehlt (A)"), (b, "Passwort vergessen (B)"), (a, "Größe überschritten (A)")]:
                status, body = request(port, "POST", "/api/v1/tickets", ticket_body(subject))
                check(status == 201, f"ticket '{subject}' on port {port}: 201 (got {status})")
                created.append(body["id"])
            check(len(set(created)) == 3, f"three distinct ticket numbers across both instances: {created}")
            for port in (a, b):
                status, _ = request(port, "POST", "/api/v1/deflections", {"session": f"sitzung-{port}", "articleId": ARTICLE, "subject": "Gelöst"})
                check(status == 201, f"deflection on port {port}: 201 (got {status})")
            status, _ = request(a, "GET", "/api/v1/search?q=" + urllib.parse.quote("Quxzyklöppel"))
            check(status == 200, f"search on port {a}: 200 (got {status})")

            key = "schlüssel-" + uuid.uuid4().hex
            status_a, first = request(a, "POST", "/api/v1/tickets", ticket_body("Einmal bitte"), {"Idempotency-Key": key})
            status_b, retry = request(b, "POST", "/api/v1/tickets", ticket_body("Einmal bitte"), {"Idempotency-Key": key})
            check(status_a == 201 and status_b == 201, f"same Idempotency-Key on A then B: 201 both (got {status_a}, {status_b})")
            check(first.get("id") == retry.get("id"), f"same Idempotency-Key on A then B: same ticket ({first} / {retry})")
            # The key is tied to its request (issue 15): a changed ticket under it is refused on the other instance too.
            status_c, reused = request(b, "POST", "/api/v1/tickets", ticket_body("Einmal bitte, geändert"), {"Idempotency-Key": key})
            code = reused.get("error", {}).get("code") if isinstance(reused, dict) else None
            check(status_c == 422 and code == "idempotency_key_reused",
                  f"same Idempotency-Key, changed ticket on B: 422 idempotency_key_reused (got {status_c}, {code})")

            for port in (a, b):
                numbers = stats(port)
                check(numbers["submitted"] == 4, f"stats on port {port}: 4 tickets submitted (got {numbers['submitted']})")
                check(numbers["deflected"] == 2, f"stats on port {port}: 2 deflections (got {numbers['deflected']})")
                queries = [entry["query"] for entry in numbers["zeroResultQueries"]]
                check("quxzyklöppel" in queries, f"stats on port {port}: the zero-result query logged on A ({queries})")
                status, page = admin(port, "/api/v1/admin/tickets")
                check(status == 200 and page["total"] == 4, f"ticket queue on port {port}: 4 tickets (got {page and page.get('total')})")
            shared_admin_session(a, b)
            printed = subprocess.run([binary, "stats", "--since", "1d", "--json", "--index", index], check=True, capture_output=True,
                                     text=True, env=dict(os.environ, LOTSE_DATABASE_URL=url)).stdout
            report = json.loads(printed)
            check((report["submitted"], report["deflected"]) == (4, 2),
                  f"lotse stats with LOTSE_DATABASE_URL: 4 submitted, 2 deflected (got {report['submitted']}, {report['deflected']})")
        finally:
            for instance in instances:
                instance.stop()
    if failures:
        print(f"{len(failures)} multi-instance check(s) failed")
        sys.exit(1)
    print("multi-instance test passed")


if __name__ == "__main__":
    main()
