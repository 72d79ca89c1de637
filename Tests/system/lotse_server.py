"""Starts `lotse serve` on a free loopback port with a throwaway index and data directory (system tests)."""
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LotseServer:
    """`with LotseServer(binary, "--rate-limit", "0") as server:` — stopped (SIGTERM, then SIGKILL) and cleaned
    up on exit. The admin API is on with a random `token`; `extra_articles` (file name → text) are added to a
    temporary copy of `articles`."""

    def __init__(self, binary, *extra_arguments, articles="articles", extra_articles=None, environment=None, port=0):
        self.binary = os.path.abspath(binary)
        self.articles = os.path.abspath(articles)
        self.extra_articles = extra_articles or {}
        self.extra_arguments = list(extra_arguments)
        self.token = secrets.token_hex(16)
        self.environment = {"LOTSE_ADMIN_TOKEN": self.token, **(environment or {})}
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.directory = self.process = self.log = None

    def __enter__(self):
        self.directory = tempfile.mkdtemp(prefix="lotse-system-")
        self.log_path = os.path.join(self.directory, "server.log")
        self.log = open(self.log_path, "w")
        articles = self.articles
        if self.extra_articles:
            articles = os.path.join(self.directory, "articles")
            shutil.copytree(self.articles, articles)
            for name, text in self.extra_articles.items():
                with open(os.path.join(articles, name), "w", encoding="utf-8") as file:
                    file.write(text)
        arguments = [self.binary, "serve", "--articles", articles,
                     "--index", os.path.join(self.directory, "index.sqlite"),
                     "--data", os.path.join(self.directory, "data.sqlite"),
                     "--port", str(self.port), *self.extra_arguments]
        self.process = subprocess.Popen(arguments, stdout=self.log, stderr=subprocess.STDOUT,
                                        env={**os.environ, **self.environment})
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"lotse serve exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("lotse serve did not become healthy within 120 s:\n" + self.log_text())

    def __exit__(self, *_):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log:
            self.log.close()
        shutil.rmtree(self.directory, ignore_errors=True)

    def alive(self):
        return self.process.poll() is None

    def rss_megabytes(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def log_text(self):
        self.log.flush()
        with open(self.log_path, errors="replace") as log:
            return log.read()[-4000:]

    def request(self, method, path, body=None, headers=None, timeout=30, admin=False):
        """(status, parsed JSON or text) — never raises for HTTP error statuses."""
        status, _, payload = self.fetch(method, path, body, headers, timeout, admin)
        return status, payload

    def get(self, path, admin=False):
        """(status, headers, parsed JSON or text)."""
        return self.fetch("GET", path, admin=admin)

    def fetch(self, method, path, body=None, headers=None, timeout=30, admin=False):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        headers = dict(headers or {})
        if admin:
            headers["Authorization"] = f"Bearer {self.token}"
        if data is not None:
            headers.setdefault("Content-Type", "application/json")
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers, _decode(response.read(), response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as error:
            return error.code, error.headers, _decode(error.read(), error.headers.get("Content-Type", ""))


def _decode(payload, content_type):
    if "json" in content_type and payload:  # HEAD answers carry the type but no body
        return json.loads(payload)
    return payload.decode("utf-8", "replace")
