#!/usr/bin/env python3
"""The semantic switch of the `lotse` command line, in both modes (issue 17).

Semantic search is on by default when the sentence encoder is found (`--model`, else LOTSE_MODEL, else `model` beside
the index, else `.lotse/model` in the working directory); `--no-semantic` turns it off. Without a model `lotse index`
and `lotse serve` run lexical-only and say so once; a model missing where the user named it, or unusable files, are
an error. An index built in one mode is served in the other: lexical-only (with a warning) until `lotse index` adds
the vectors, which the running server then picks up.

Usage: semantic_modes_test.py --binary .build/debug/lotse [--model .lotse/model]  (run from the repository root)
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import shutil
import tempfile
import time
import urllib.parse

from lotse_server import LotseServer

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTICLES = os.path.join(REPO, "articles")
QUERY = "Passwort vergessen"
EXPECTED_ARTICLE = "passwort-zuruecksetzen"
# The cases about where the model is found and about re-indexing embed these only: a debug build embeds the whole
# help center in ~30 s, a few articles in about a second.
FEW_ARTICLES = ["passwort-zuruecksetzen.md", "kundennummer-finden.md", "vertrag-kuendigen.md"]
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def lotse(binary, *arguments, cwd=REPO, environment=None):
    """(exit status, stdout + stderr) of one `lotse` command."""
    result = subprocess.run([binary, *arguments], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **(environment or {})}, timeout=600)
    return result.returncode, result.stdout + result.stderr


def has_vectors(index):
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as database:
        return database.execute("SELECT count(*) FROM sqlite_master WHERE name = 'vectors'").fetchone()[0] == 1


def semantic(server):
    status, body = server.request("GET", "/healthz")
    return body.get("semantic") if status == 200 else f"HTTP {status}"


def finds_expected(server):
    status, body = server.request("GET", "/api/v1/search?q=" + urllib.parse.quote(QUERY))
    return status == 200 and EXPECTED_ARTICLE in [result["id"] for result in body["results"]]


def server_log(server):
    server.log.flush()
    with open(server.log_path, errors="replace") as log:
        return log.read()


def index_command(binary, index, *flags, cwd=REPO, environment=None, articles=ARTICLES):
    return lotse(binary, "index", "--articles", articles, "--index", index, "--no-learning", *flags, cwd=cwd, environment=environment)


def few_articles(work):
    folder = os.path.join(work, "few-articles")
    os.makedirs(folder)
    for name in FEW_ARTICLES:
        shutil.copy(os.path.join(ARTICLES, name), folder)
    return folder


def default_on(binary, model, work, few):
    """The model is found in the working directory, beside the index, and through LOTSE_MODEL; `serve` is hybrid."""
    hybrid = os.path.join(work, "hybrid", "index.sqlite")
    status, output = index_command(binary, hybrid)
    check(status == 0 and "semantic search on" in output and has_vectors(hybrid),
          f"`lotse index` in the repository embeds with .lotse/model by default (exit {status}): {output.strip()[-300:]}")
    beside = os.path.join(work, "beside")
    os.makedirs(beside)
    os.symlink(model, os.path.join(beside, "model"))
    status, output = index_command(binary, os.path.join(beside, "index.sqlite"), cwd=work, articles=few)
    check(status == 0 and "semantic search on" in output,
          f"started elsewhere, `lotse index` finds the model beside the index: {output.strip()[-300:]}")
    status, output = index_command(binary, os.path.join(work, "environment", "index.sqlite"), cwd=work,
                                   environment={"LOTSE_MODEL": model}, articles=few)
    check(status == 0 and "semantic search on" in output, f"LOTSE_MODEL names the model: {output.strip()[-300:]}")
    with LotseServer(binary, "--rate-limit", "0", index=hybrid) as server:
        check(semantic(server) is True, f"`lotse serve` is hybrid by default: /healthz semantic = {semantic(server)}")
        check(finds_expected(server), f"hybrid: {QUERY!r} finds {EXPECTED_ARTICLE}")
    return hybrid


def without_model(binary, work):
    """No model anywhere it is looked for: lexical-only, said once, not an error; `search` still answers."""
    elsewhere = os.path.join(work, "elsewhere")
    os.makedirs(elsewhere)
    index = os.path.join(elsewhere, "index.sqlite")
    status, output = index_command(binary, index, cwd=elsewhere)
    check(status == 0 and output.count("semantic search off: no sentence encoder in") == 1 and not has_vectors(index),
          f"no model: `lotse index` builds lexical-only and says so once (exit {status}): {output.strip()[-300:]}")
    status, output = lotse(binary, "search", "--index", index, QUERY, cwd=elsewhere)
    check(status == 0 and "Passwort zurücksetzen" in output and output.count("semantic search off") == 1,
          f"no model: `lotse search` answers lexical-only and says why: {output.strip()[-300:]}")
    with LotseServer(binary, "--rate-limit", "0", cwd=elsewhere) as server:
        check(semantic(server) is False, f"no model: /healthz semantic = {semantic(server)}")
        check(finds_expected(server), f"no model: {QUERY!r} finds {EXPECTED_ARTICLE}")
        log = server_log(server)
        check(log.count("semantic search off") == 1 and "no sentence encoder in" in log,
              f"no model: `lotse serve` says so once: {log.strip()[-600:]}")


def turned_off(binary, hybrid, work, few):
    """--no-semantic: nothing embedded, and an index with vectors is served lexical-only."""
    index = os.path.join(work, "off", "index.sqlite")
    status, output = index_command(binary, index, "--no-semantic", articles=few)
    check(status == 0 and "semantic search off: turned off (--no-semantic)" in output and not has_vectors(index),
          f"--no-semantic: `lotse index` embeds nothing: {output.strip()[-300:]}")
    with LotseServer(binary, "--rate-limit", "0", "--no-semantic", index=hybrid) as server:
        check(semantic(server) is False, f"an index with vectors served with --no-semantic: /healthz semantic = {semantic(server)}")
        check(finds_expected(server), f"--no-semantic: {QUERY!r} finds {EXPECTED_ARTICLE}")
    status, output = index_command(binary, hybrid, "--no-semantic")
    check(status == 0 and not has_vectors(hybrid), f"`lotse index --no-semantic` drops an index's vectors: {output.strip()[-300:]}")
    return index


def lexical_index_served_hybrid(binary, lexical, few):
    """An index without vectors served with the model: lexical-only with a warning, hybrid once `lotse index` adds them."""
    with LotseServer(binary, "--rate-limit", "0", index=lexical) as server:
        check(semantic(server) is False, f"an index without vectors served with the model: /healthz semantic = {semantic(server)}")
        check(finds_expected(server), f"index without vectors: {QUERY!r} finds {EXPECTED_ARTICLE}")
        check("the index has no vectors of this model" in server_log(server),
              f"the server says the index has no vectors: {server_log(server).strip()[-600:]}")
        status, output = index_command(binary, lexical, articles=few)
        check(status == 0 and "semantic search on" in output, f"`lotse index` adds the vectors: {output.strip()[-300:]}")
        deadline = time.monotonic() + 60
        while semantic(server) is not True and time.monotonic() < deadline:
            time.sleep(0.5)
        check(semantic(server) is True, f"the running server reloads the index with vectors: /healthz semantic = {semantic(server)}")
        check(finds_expected(server), f"after the reload: {QUERY!r} finds {EXPECTED_ARTICLE}")


def errors(binary, work):
    """A model missing where the user named it, or unusable files: an error, not a quiet lexical fallback."""
    nothing = os.path.join(work, "nothing")
    index = os.path.join(work, "errors", "index.sqlite")
    for label, flags, environment, cwd in [
        ("--model naming an empty folder", ["--model", nothing], None, REPO),
        ("LOTSE_MODEL naming an empty folder", [], {"LOTSE_MODEL": nothing}, REPO),
        ("--semantic without a model", ["--semantic"], None, work),
    ]:
        status, output = index_command(binary, index, *flags, cwd=cwd, environment=environment)
        check(status != 0 and "error: no sentence encoder in" in output and not os.path.exists(index),
              f"{label}: `lotse index` fails and names the folder (exit {status}): {output.strip()[-300:]}")
    broken = os.path.join(work, "broken")
    os.makedirs(broken)
    for name in ["use-m3.json", "use-m3.weights", "sp.model"]:
        with open(os.path.join(broken, name), "w") as file:
            file.write("{")
    status, output = index_command(binary, index, "--model", broken)
    check(status != 0 and "cannot be used" in output, f"unusable model files: `lotse index` fails (exit {status}): {output.strip()[-300:]}")
    status, output = lotse(binary, "serve", "--index", index, "--model", broken, "--port", "1")
    check(status != 0 and "cannot be used" in output, f"unusable model files: `lotse serve` fails (exit {status}): {output.strip()[-300:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--model", default=os.path.join(REPO, ".lotse", "model"))
    arguments = parser.parse_args()
    binary, model = os.path.abspath(arguments.binary), os.path.abspath(arguments.model)
    os.environ.pop("LOTSE_MODEL", None)
    if not os.path.exists(os.path.join(model, "use-m3.json")):
        print(f"FAIL: no model in {model} (make deps)", file=sys.stderr)
        return 1
    if os.path.abspath(os.getcwd()) != REPO:
        print(f"FAIL: run from the repository root {REPO} (the default model is looked for in .lotse/model)", file=sys.stderr)
        return 1
    work = tempfile.mkdtemp(prefix="lotse-semantic-modes-")
    try:
        few = few_articles(work)
        hybrid = default_on(binary, model, work, few)
        without_model(binary, work)
        lexical = turned_off(binary, hybrid, work, few)
        lexical_index_served_hybrid(binary, lexical, few)
        errors(binary, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"semantic modes: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
