"""Starts `lotse serve` on a free loopback port with a throwaway index and data directory (system tests)."""
import json
import os
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
    """`with LotseServer(binary, "--rate-limit", "0") as server:` — stopped (SIGTERM) and cleaned up on exit."""

    def __init__(self, binary, *extra_arguments, articles="articles", environment=None):
        self.binary = os.path.abspath(binary)
        self.articles = os.path.abspath(articles)
        self.extra_arguments = list(extra_arguments)
        self.environment = environment or {}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.directory = None
        self.process = None

    def __enter__(self):
        self.directory = tempfile.mkdtemp(prefix="lotse-system-")
        self.log_path = os.path.join(self.directory, "server.log")
        self.log = open(self.log_path, "w")
        arguments = [self.binary, "serve", "--articles", self.articles,
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

    def request(self, method, path, body=None, headers=None, timeout=30):
        """(status, parsed JSON or text) — never raises for HTTP error statuses."""
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        if data is not None and "Content-Type" not in (headers or {}):
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, _decode(response.read(), response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as error:
            return error.code, _decode(error.read(), error.headers.get("Content-Type", ""))


def _decode(payload, content_type):
    if "json" in content_type and payload:  # HEAD answers carry the type but no body
        return json.loads(payload)
    return payload.decode("utf-8", "replace")
