"""Starts `lotse serve` on a free loopback port with a throwaway index and data directory (system tests)."""
import hashlib
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


def seeded_index(binary, articles, arguments, environment, directory):
    """A copy in `directory` of an index of `articles` that `lotse index` keeps in a shared temporary folder, one per
    binary, folder and semantic flags (incremental: up to date in about a second). `lotse serve --articles` on the
    copy then embeds only what differs, a test's extra articles, not every article again (~30 s in a debug build)."""
    semantic = [argument for position, argument in enumerate(arguments)
                if argument in ("--semantic", "--model") or (position > 0 and arguments[position - 1] == "--model")]
    key = hashlib.sha256("\0".join([binary, articles, *semantic]).encode()).hexdigest()[:16]
    seed = os.path.join(tempfile.gettempdir(), "lotse-system-seed", key, "index.sqlite")
    subprocess.run([binary, "index", "--articles", articles, "--index", seed, "--no-learning", *semantic], check=True,
                   stdout=subprocess.DEVNULL, env=environment)
    copy = os.path.join(directory, "index.sqlite")
    shutil.copyfile(seed, copy)
    return copy


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LotseServer:
    """`with LotseServer(binary, "--rate-limit", "0") as server:` — stopped (SIGTERM, then SIGKILL) and cleaned
    up on exit. The admin API is on with a random `token`; `extra_articles` (file name → text) are added to a
    temporary copy of `articles`. With `index`, that file is served as it is (no `--articles`); `cwd` is the
    server's working directory (default: this one, where `lotse` finds the repository's `.lotse/model`). In this
    one and with semantic search on, the index starts as a copy of a `seeded_index`."""

    def __init__(self, binary, *extra_arguments, articles="articles", extra_articles=None, environment=None, port=0,
                 index=None, cwd=None):
        self.binary = os.path.abspath(binary)
        self.articles = os.path.abspath(articles)
        self.index = index
        self.cwd = cwd
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
        environment = {**os.environ, **self.environment}
        if self.index:
            index = ["--index", self.index]
        else:
            index = ["--articles", articles, "--index", os.path.join(self.directory, "index.sqlite")]
            if self.cwd is None and "--no-semantic" not in self.extra_arguments:
                seeded_index(self.binary, self.articles, self.extra_arguments, environment, self.directory)
        arguments = [self.binary, "serve", *index, "--data", os.path.join(self.directory, "data.sqlite"),
                     "--port", str(self.port), *self.extra_arguments]
        self.process = subprocess.Popen(arguments, stdout=self.log, stderr=subprocess.STDOUT, env=environment, cwd=self.cwd)
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
