"""Issue 15 over HTTP against a running `lotse serve` (called by abuse_test.py): the rate limit on `//api/`, failed
admin authentications, `--trusted-proxy`, short admin tokens (item 1); a normal search beside four worst-case drafts
(item 2); control characters (item 3); the mutation-XSS corpus in served article HTML (item 4)."""
import os
import random
import re
import socket
import string
import subprocess
import tempfile
import threading
import time
from html.parser import HTMLParser

from lotse_server import LotseServer

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "mutation-xss.txt")
ALLOWED_ELEMENTS = set("""p br hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code kbd samp var em strong b i u s del ins
sub sup small mark abbr cite q span div section article figure figcaption img a table caption thead tbody tfoot tr th td
colgroup col details summary time""".split())
FORBIDDEN_ATTRIBUTES = {"id", "name", "form", "style", "formaction", "srcset", "action"}
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


def payloads():
    with open(FIXTURES, encoding="utf-8") as file:
        return [line.rstrip("\n") for line in file if line.strip() and not line.startswith("#")]


def probe_article(index, payload):
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>XSS-Probe {index}</title>'
            f'<meta name="lotse:category" content="Sicherheit"></head><body><article><h1>XSS-Probe {index}</h1>'
            f"<p>Diese Seite prüft den Bereiniger mit einer bekannten Nutzlast.</p>{payload}<p>Ende der Probe.</p>"
            "</article></body></html>")


class TagCollector(HTMLParser):
    """What a browser-like tokenizer sees in the served HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attributes):
        if tag not in ALLOWED_ELEMENTS:
            self.problems.append(f"<{tag}>")
        for key, value in attributes:
            if key.startswith("on") or key in FORBIDDEN_ATTRIBUTES:
                self.problems.append(f"{tag} {key}=")
            if key in ("href", "src") and value and ":" in value.split("/")[0].split("?")[0].split("#")[0]:
                compact = "".join(ch for ch in value if ord(ch) > 0x20 and ord(ch) != 0x7F).lower()
                if not compact.startswith(SAFE_SCHEMES):
                    self.problems.append(f"{tag} {key}={value}")

    def handle_comment(self, data):
        self.problems.append("<!--comment-->")

    def handle_decl(self, decl):
        self.problems.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.problems.append(f"<![{data}]>")


def worst_case_draft(rng, characters=20_000):
    words = []
    while (len(words) + 1) * 11 <= characters:
        words.append("".join(rng.choice(string.ascii_lowercase) for _ in range(10)))
    return " ".join(words)


def rate_limits(server, failures):
    """Item 1 on a server with `--rate-limit 20 --trusted-proxy 127.0.0.1`: each check forwards its own client address."""
    statuses = [server.request("GET", "//api/v1/search?q=x", headers={"X-Forwarded-For": "198.51.100.1"})[0] for _ in range(21)]
    if statuses[-1] != 429 or 429 in statuses[:20]:
        failures.append(f"//api/ is not rate limited like /api/: {statuses}")
    mixed = [server.request("GET", path, headers={"X-Forwarded-For": "198.51.100.2"})[0]
             for path in ["/api/v1/search?q=x", "//api/v1/search?q=x", "/api//v1/search?q=x"] * 7]
    if mixed.count(429) != 1:
        failures.append(f"/api/, //api/ and /api// do not share one budget: {mixed}")
    guesses = [server.request("GET", "//api/v1/admin/tickets", headers={"Authorization": f"Bearer falsch-{n}",
                                                                        "X-Forwarded-For": "198.51.100.3"})[0] for n in range(11)]
    if guesses[:10] != [401] * 10 or guesses[10] != 429:
        failures.append(f"failed admin authentications are not limited (10, then 429): {guesses}")
    right = server.request("GET", "/api/v1/admin/tickets", headers={"Authorization": f"Bearer {server.token}",
                                                                    "X-Forwarded-For": "198.51.100.4"})[0]
    if right != 200:
        failures.append(f"another client's failures blocked the admin: {right}")
    spoofed = [server.request("GET", "/api/v1/categories", headers={"X-Forwarded-For": f"203.0.113.{n}, 198.51.100.5"})[0]
               for n in range(21)]
    if spoofed[-1] != 429:
        failures.append(f"a forged left-most X-Forwarded-For hop got a fresh budget: {spoofed[-3:]}")


def upload_slots(server, failures):
    """Multipart ticket bodies are read into memory: two uploads of one client stalled halfway hold its slots, so its
    third is 503 uploads_busy while another client's goes through; once they end, the client's slots are free again."""
    boundary = "grenze"
    fields = {"email": "a@beispiel.de", "name": "A", "subject": "Hallo", "description": "Test", "consent": "true"}
    body = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                   for name, value in fields.items()).encode() + f"--{boundary}--\r\n".encode()

    def ticket(client):
        return server.request("POST", "/api/v1/tickets", body, headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}", "X-Forwarded-For": client})

    stalled = []
    for _ in range(2):
        connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        connection.sendall(f"POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 198.51.100.9\r\nContent-Length: 100000\r\n"
                           f"Content-Type: multipart/form-data; boundary={boundary}\r\n\r\n".encode() + b"a" * 50_000)
        stalled.append(connection)
    time.sleep(0.5)
    busy, other = ticket("198.51.100.9"), ticket("198.51.100.10")
    for connection in stalled:
        connection.close()
    if busy[0] != 503 or not isinstance(busy[1], dict) or busy[1]["error"]["code"] != "uploads_busy":
        failures.append(f"a client's third multipart upload beside two stalled ones was not 503 uploads_busy: {busy[0]}")
    if other[0] != 201:
        failures.append(f"another client's upload was refused while one client held its slots: {other[0]}")
    deadline = time.monotonic() + 10
    while ticket("198.51.100.9")[0] == 503 and time.monotonic() < deadline:
        time.sleep(0.2)
    if time.monotonic() >= deadline:
        failures.append("the upload slots stayed taken after the stalled uploads ended")


def short_token(binary, failures):
    environment = dict(os.environ, LOTSE_ADMIN_TOKEN="kurz")
    result = subprocess.run([binary, "serve", "--index", "/nonexistent/index.sqlite", "--port", "1"], env=environment,
                            capture_output=True, text=True, timeout=60)
    if result.returncode == 0 or "16 bytes" not in result.stderr:
        failures.append(f"a 4-byte admin token was not refused at start: {result.returncode} {result.stderr[-300:]}")


def draft_flood(server, failures, report):
    """Item 2: four worst-case drafts at once, then a normal search; it must answer within 100 ms."""
    rng = random.Random(15)
    drafts = [worst_case_draft(rng) for _ in range(4)]
    statuses = []

    def send(number, draft):
        status, _ = server.request("POST", "/api/v1/suggest", {"subject": "Hilfe", "description": draft},
                                   headers={"X-Forwarded-For": f"192.0.2.{number}"}, timeout=120)
        statuses.append(status)

    server.request("GET", "/api/v1/search?q=rechnung", headers={"X-Forwarded-For": "192.0.2.100"})  # warm
    threads = [threading.Thread(target=send, args=(number, draft)) for number, draft in enumerate(drafts)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    status, _ = server.request("GET", "/api/v1/search?q=passwort", headers={"X-Forwarded-For": "192.0.2.101"})
    took = (time.monotonic() - started) * 1000
    for thread in threads:
        thread.join()
    report.append(f"search beside 4 worst-case drafts: {status} in {took:.0f} ms (drafts: {sorted(statuses)})")
    if status != 200 or took >= 100:
        failures.append(f"a normal search took {took:.0f} ms (status {status}) while four worst-case drafts ran")
    if any(code not in (200, 503) for code in statuses):
        failures.append(f"worst-case drafts answered {statuses}")


def control_characters(server, failures):
    """Item 3: NUL and other controls are refused, naming the field."""
    headers = {"X-Forwarded-For": "192.0.2.200"}
    ticket = {"email": "anna@beispiel.de", "name": "\u0000M", "subject": "\u0000", "description": "Teil1\u0000Teil2", "consent": True}
    status, body = server.request("POST", "/api/v1/tickets", ticket, headers=headers)
    fields = set((body.get("error", {}).get("fields") or {}).keys()) if isinstance(body, dict) else set()
    if status != 422 or fields != {"name", "subject", "description"}:
        failures.append(f"a ticket with NUL bytes was answered {status} {body}")
    for method, path, payload, expected in [
            ("GET", "/api/v1/search?q=%00", None, 400),
            ("POST", "/api/v1/suggest", {"subject": "Pass\u0000wort"}, 422),
            ("POST", "/api/v1/deflections", {"articleId": "backup-wiederherstellen", "description": "a\u0001b"}, 422),
            ("POST", "/api/v1/articles/backup-wiederherstellen/feedback", {"helpful": True, "session": "\u0000"}, 422)]:
        status, body = server.request(method, path, payload, headers=headers)
        if status != expected or not (isinstance(body, dict) and body.get("error", {}).get("fields")):
            failures.append(f"{method} {path} with a control character: {status} {body}")


def refused_probes(binary, articles, failures):
    """The probe articles `lotse index --keep-going` refuses; each must be refused for an element left open (the page
    would lose the text after it), naming the file and its line."""
    with tempfile.TemporaryDirectory() as directory:
        folder = os.path.join(directory, "articles")
        os.mkdir(folder)
        for name, text in articles.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
                file.write(text)
        build = subprocess.run([binary, "index", "--keep-going", "--no-semantic", "--no-learning", "--articles", folder,
                                "--index", os.path.join(directory, "index.sqlite")], capture_output=True, text=True, timeout=120)
    refused = set()
    for line in build.stderr.splitlines() + build.stdout.splitlines():
        match = re.match(r"rejected .*/(xss-probe-\d+\.html):(\d+): (.*)", line)
        if not match:
            continue
        refused.add(match.group(1))
        if "is never closed" not in match.group(3):
            failures.append(f"probe {match.group(1)} refused for another reason: {line}")
    return refused


def served_article_html(server, probes, failures):
    """Item 4: every fixture payload, indexed as an article, comes back as allowlisted HTML only."""
    for index in probes:
        status, body = server.request("GET", f"/api/v1/articles/xss-probe-{index}", headers={"X-Forwarded-For": f"100.64.0.{index % 250}"})
        if status != 200:
            failures.append(f"probe article {index} not served: {status}")
            continue
        collector = TagCollector()
        collector.feed(body["html"])
        collector.close()
        if collector.problems:
            failures.append(f"payload {index} survived the sanitiser: {collector.problems} in {body['html'][:300]!r}")
        if re.search(r"<(img|input|div)\b", body["html"]) and index == 0:
            failures.append(f"the issue's payload kept an img, input or div: {body['html'][:300]!r}")


def run(binary):
    """Returns (failures, report lines)."""
    failures, report = [], []
    corpus = payloads()
    articles = {f"xss-probe-{index}.html": probe_article(index, payload) for index, payload in enumerate(corpus)}
    refused = refused_probes(binary, articles, failures)
    served = [index for index in range(len(corpus)) if f"xss-probe-{index}.html" not in refused]
    short_token(binary, failures)
    with LotseServer(binary, "--rate-limit", "20", "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "::1",
                     extra_articles={f"xss-probe-{index}.html": articles[f"xss-probe-{index}.html"] for index in served}) as server:
        rate_limits(server, failures)
        upload_slots(server, failures)
        draft_flood(server, failures, report)
        control_characters(server, failures)
        served_article_html(server, served, failures)
        report.append(f"{len(served)} mutation-XSS payloads served as allowlisted HTML, {len(refused)} refused as never closed")
    return failures, report
