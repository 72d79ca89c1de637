#!/usr/bin/env python3
"""Schema-driven fuzzing: schemathesis generates requests from /openapi.yaml against a running `lotse serve` and
checks every response (no 5xx, status codes, content types, headers and bodies as documented).
Usage (from the repo root, with schemathesis installed by `make system-test`):
  .venv-test/bin/python schema_test.py --binary .build/debug/lotse [--examples 100] [--seed 1]
"""
import argparse
import os
import subprocess
import sys

from lotse_server import LotseServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--examples", type=int, default=100, help="test cases per operation and phase")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    # Schemathesis sends wrong and missing tokens on purpose: without the failure limit, so the admin routes stay tested.
    with LotseServer(arguments.binary, "--rate-limit", "0", "--admin-failure-limit", "0", "--ticket-fields", "config/ticket-fields.json") as server:
        here = os.path.dirname(os.path.abspath(__file__))
        command = [sys.executable, os.path.join(here, "run_schemathesis.py"), "--config-file",
                   os.path.join(here, "schemathesis.toml"), "run", server.base + "/openapi.yaml", "--url", server.base,
                   "--checks", "all", "--max-examples", str(arguments.examples), "--seed", str(arguments.seed),
                   "--workers", "2", "--header", f"Authorization: Bearer {server.token}", "--no-color"]
        result = subprocess.run(command)
        if not server.alive():
            print("FAIL: the server died during schema fuzzing:\n" + server.log_text(), file=sys.stderr)
            return 1
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
