"""Starting real `lotse serve` processes and talking to them over HTTP (standard library only).

Used by the multi-instance test and the ticket load run (Benchmarks/load/tickets.py). Both are about the shared
ticket store, so the index is built and served lexical-only (`--no-semantic`): no encoder to load or run."""
import http.client
import json
import os
import shutil
import signal
import subprocess
import time

ADMIN_TOKEN = "geheimes-admin-token-4711"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTICLES = os.path.join(REPO, "articles")


def build_index(binary, directory):
    """Indexes the repository's articles once; instances get copies of the file, as in production."""
    path = os.path.join(directory, "index.sqlite")
    subprocess.run([binary, "index", "--articles", ARTICLES, "--index", path, "--no-semantic"], check=True, stdout=subprocess.DEVNULL)
    return path


class Instance:
    """One `lotse serve` with its own copy of the index and its own data folder (attachments, SQLite)."""

    def __init__(self, binary, port, index, directory, database_url=None):
        self.port = port
        os.makedirs(directory, exist_ok=True)
        own_index = os.path.join(directory, "index.sqlite")
        shutil.copyfile(index, own_index)
        command = [binary, "serve", "--articles", ARTICLES, "--index", own_index, "--data", os.path.join(directory, "data.sqlite"),
                   "--host", "127.0.0.1", "--port", str(port), "--rate-limit", "0", "--log-level", "warning", "--no-semantic"]
        if database_url:
            command += ["--database-url", database_url]
        environment = dict(os.environ, LOTSE_ADMIN_TOKEN=ADMIN_TOKEN)
        environment.pop("LOTSE_DATABASE_URL", None)
        self.log = open(os.path.join(directory, "serve.log"), "wb")
        self.process = subprocess.Popen(command, env=environment, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_until_ready()

    def _wait_until_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"lotse serve on port {self.port} exited with {self.process.returncode}")
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"lotse serve on port {self.port} did not answer within {seconds} s")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def request(port, method, path, body=None, headers=None, connection=None):
    """(status, decoded JSON or None); `connection` reuses a keep-alive connection."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        data = json.dumps(body).encode() if body is not None else None
        all_headers = {"Content-Type": "application/json"} if data is not None else {}
        all_headers.update(headers or {})
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        payload = response.read()
        return response.status, (json.loads(payload) if payload and response.getheader("Content-Type", "").startswith("application/json") else None)
    finally:
        if own:
            connection.close()


def admin(port, path):
    return request(port, "GET", path, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})


def ticket_body(subject, email="jürgen.müller@beispiel.de"):
    return {"email": email, "name": "Jürgen Müller", "company": "Bäckerei Groß GmbH", "subject": subject,
            "description": "Grüß Gott, die Rechnung für März fehlt im Kundencenter. Können Sie helfen?", "consent": True,
            "customerNumber": "K-4711", "category": "Rechnungen & Zahlungen", "urgent": False}
