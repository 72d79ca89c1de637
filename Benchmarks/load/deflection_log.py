#!/usr/bin/env python3
"""A ticket database with N solved drafts over an articles folder, for timing `lotse index --data` (issue 18).

    python3 Benchmarks/load/deflection_log.py BIN ARTICLES DATA.sqlite [--count 100000] [--seed 7]

`lotse serve` creates DATA.sqlite (its own migrations, then stopped); the deflections are then inserted directly
(posting 100,000 through HTTP measures the server, not the build). Each draft is one customer's words for a
random article: a subject of 3–8 of the article's words, a description of 15–40 words mixing the article's
words with other articles' words, and in one draft of five a greeting with a name, an e-mail address, a customer
number and a phone number (what the privacy filter must drop). Sessions are distinct per draft, each with the
suggest request a portal session makes first (learning counts no session the server never saw search).
"""
import argparse
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "system"))
from lotse_server import free_port  # noqa: E402

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")


def article_words(folder):
    """id → words of the article (front matter `id:` or the file name)."""
    articles = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            text = file.read()
        match = re.search(r"^id:\s*(\S+)", text, re.M)
        articles[match.group(1) if match else name[:-3]] = WORD.findall(text.split("---", 2)[-1])
    return articles


def create_schema(binary, articles, data):
    """Starts `lotse serve` on DATA until it answers, so its migrations create the tables, then stops it."""
    index = os.path.join(tempfile.mkdtemp(prefix="lotse-deflection-log-"), "index.sqlite")
    subprocess.run([binary, "index", "--articles", articles, "--index", index, "--no-learning", "--no-semantic"], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--index", index, "--data", data, "--port", str(port), "--no-semantic"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/ticket-form", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        body = b'{"session":"schema","articleId":"%s"}' % next(iter(article_words(articles))).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/deflections", data=body,
                                         headers={"Content-Type": "application/json"}, method="POST")
        urllib.request.urlopen(request, timeout=30).close()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("articles")
    parser.add_argument("data")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    if os.path.exists(options.data):
        sys.exit(f"{options.data} exists; give a new path")
    create_schema(os.path.abspath(options.binary), options.articles, options.data)
    articles = article_words(options.articles)
    ids = list(articles)
    random.seed(options.seed)
    rows = []
    for number in range(options.count):
        article = random.choice(ids)
        own, other = articles[article], articles[random.choice(ids)]
        subject = " ".join(random.choices(own, k=random.randint(3, 8)))
        description = " ".join(random.choices(own + other, k=random.randint(15, 40)))
        if number % 5 == 0:
            description = (f"Hallo, hier Jana Kowalczyk{number} (jana{number}@beispiel-mail.de), Kundennummer K-{200000 + number}, "
                           f"Tel. +49 30 {5550000 + number}. " + description)
        rows.append((f"log-{number}", article, subject, description, time.time()))
    with sqlite3.connect(options.data) as database:
        # Each customer asked for suggestions first, as the portal does: learning counts only sessions the server saw search.
        database.executemany("INSERT INTO query_log(endpoint, query, result_count, session, created_at) VALUES ('suggest', ?, 1, ?, ?)",
                             [(subject, session, created - 1) for session, _, subject, _, created in rows])
        database.executemany("INSERT INTO deflections(session, article_id, subject, description, created_at) VALUES (?, ?, ?, ?, ?)", rows)
    print(f"{options.count} deflections over {len(ids)} articles in {options.data}")


if __name__ == "__main__":
    main()
