#!/usr/bin/env python3
"""Fills a ticket store with 90 days of realistic help-center traffic, for timing the dashboard's endpoints (issue 20).

    python3 Benchmarks/load/dashboard_seed.py BIN (--data DATA.sqlite | --database-url postgres://…) --index INDEX
        [--articles articles] [--queries 1000000] [--tickets 100000] [--days 90] [--end 2026-12-05] [--seed 7]

`lotse index` builds INDEX from ARTICLES when it is missing (the article ids come from it); `lotse serve` creates the
store (its own migrations), then the rows are written directly (sqlite3 module / psql COPY): posting a million
searches through HTTP would time the server, not the dashboard. Every seeded table is emptied first.

Sessions spread over the days (fewer at weekends, growing towards the end). A session types a search or a ticket draft
(as-you-type: several query-log rows per session, shown 3–5 articles, Zipf-like popularity); 8 % of them ask for a
topic without an article (German texts, some with an e-mail address, URL or customer number); some open a shown
article, some of those mark it "gelöst", some vote; tickets come from draft sessions (with the articles shown) and
without suggestions (no session). The rollups (`session_stages`, `stage_counts`) are computed here from the same
events, as the stores maintain them on write. The last line of output is JSON with the seeded totals.
"""
import argparse
import datetime
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "system"))
from lotse_server import free_port  # noqa: E402

DAY = 86_400
STATUSES = ["open", "in_progress", "waiting_for_customer", "information", "answered", "closed"]
# Topics the example help center has no article for: what "Themen ohne Artikel" should find.
GAP_TOPICS = [
    ("Rechnung stornieren", ["Rechnung für Kundennummer K-{n} stornieren", "Bitte die Rechnung {n} stornieren, doppelt gebucht",
                             "rechnung storno wie"]),
    ("Domain nach Österreich umziehen", ["Domain .at Transfer nach Österreich", "at-Domain umziehen von anderem Anbieter",
                                         "Domain zu nic.at übertragen"]),
    ("Webspace Ordner Rechte", ["Ordnerrechte auf dem Webspace ändern chmod", "Zugriffsrechte Ordner 755 setzen",
                                "Berechtigung Ordner Webspace verweigert"]),
    ("Newsletter Versand Limit", ["Wie viele Newsletter darf ich pro Stunde versenden", "Versandlimit für Newsletter erhöhen",
                                  "Newsletter an 5000 Empfänger blockiert, Mail an info@beispiel-{n}.de"]),
    ("Rechenzentrum Standort", ["Wo steht das Rechenzentrum, DSGVO Nachweis", "Serverstandort Deutschland Zertifikat ISO 27001",
                                "Rechenzentrum Standort Frankfurt?"]),
    ("Telefon Support Zeiten", ["Wann ist die Hotline erreichbar, Tel. +49 30 {n}", "Telefonsupport am Wochenende",
                                "Hotline Zeiten Feiertag"]),
]
WORDS = ("Hallo ich habe ein Problem mit meinem Vertrag Paket Server Domain E-Mail Postfach Passwort Rechnung Zahlung "
         "Kündigung SSL Zertifikat Datenbank Backup Weiterleitung DNS Eintrag seit gestern funktioniert nicht mehr bitte "
         "schnell helfen danke Grüße").split()


def article_ids(binary, articles, index):
    if not os.path.exists(index):
        subprocess.run([binary, "index", "--articles", articles, "--index", index, "--no-learning", "--no-semantic"], check=True, capture_output=True)
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as database:
        return [row[0] for row in database.execute("SELECT id FROM articles ORDER BY id")]


def create_schema(binary, index, store_arguments, article):
    """Starts `lotse serve` on the store until it answers a deflection (PostgreSQL migrates on first use), then stops it."""
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--index", index, "--port", str(port), "--no-semantic"] + store_arguments,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        body = json.dumps({"session": "seed-schema", "articleId": article}).encode()
        for _ in range(600):
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/deflections", data=body,
                                                 headers={"Content-Type": "application/json"}, method="POST")
                urllib.request.urlopen(request, timeout=30).close()
                return
            except OSError:
                time.sleep(0.1)
        sys.exit("lotse serve did not answer")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


class Seed:
    """The generated rows, per table, times as seconds since 1970."""

    def __init__(self, ids, options):
        self.random = random.Random(options.seed)
        self.ids = ids
        # Zipf-like popularity: the first articles of a shuffled list are suggested far more often.
        order = ids[:]
        self.random.shuffle(order)
        self.popular = order
        self.weights = [1 / (rank + 1) for rank in range(len(order))]
        end = datetime.datetime.fromisoformat(options.end).replace(tzinfo=datetime.timezone.utc).timestamp() if options.end \
            else time.time()
        self.last_day = int(end // DAY)
        self.days = options.days
        self.query_log, self.suggestions, self.views, self.deflections, self.feedback, self.tickets = [], {}, {}, [], [], []
        self.stages = {}  # (session, article, stage) -> first time

    def day_weights(self):
        weights = []
        for offset in range(self.days):
            day = self.last_day - self.days + 1 + offset
            weekend = datetime.date.fromtimestamp(day * DAY).weekday() >= 5
            weights.append((0.4 if weekend else 1.0) * (0.8 + 0.4 * offset / self.days))
        return weights

    def reach(self, session, article, stage, at):
        for key in ((session, article, stage), (session, "", stage)):
            if key not in self.stages or at < self.stages[key]:
                self.stages[key] = at

    def gap_text(self, number):
        label, texts = self.random.choice(GAP_TOPICS)
        return self.random.choice(texts).format(n=100000 + number)

    def session(self, number, day, draft):
        rnd = self.random
        session = f"seed-{number:07d}"
        at = day * DAY + rnd.uniform(6 * 3600, 22 * 3600)
        gap = rnd.random() < 0.08
        text = self.gap_text(number) if gap else " ".join(rnd.choices(WORDS, k=rnd.randint(2, 9)))
        steps = rnd.randint(3, 12) if draft else rnd.randint(1, 4)
        shown = [] if gap and rnd.random() < 0.7 else list(dict.fromkeys(rnd.choices(self.popular, self.weights, k=rnd.randint(3, 5))))
        endpoint = "suggest" if draft else "search"
        for step in range(steps):
            prefix = text[: max(3, len(text) * (step + 1) // steps)]
            articles = shown if (shown and step >= steps // 3) else []
            self.query_log.append((endpoint, prefix, len(articles), at, session))
            for article in articles:
                key = (session, article, day)
                first, _ = self.suggestions.get(key, (at, at))
                self.suggestions[key] = (first, at)
                self.reach(session, article, "shown", at)
            at += rnd.uniform(1, 20)
        solved = False
        if shown and rnd.random() < 0.4:
            article = rnd.choice(shown)
            at += rnd.uniform(5, 60)
            self.views.setdefault((session, article, day), [at, at])[1] = at
            self.reach(session, article, "opened", at)
            if rnd.random() < 0.35:
                solved = True
                at += rnd.uniform(20, 300)
                self.deflections.append((session, article, text[:200], text, at))
                self.reach(session, article, "solved", at)
            if rnd.random() < 0.3:
                self.feedback.append((article, solved or rnd.random() < 0.3, session, at + 1))
        return session, at, shown, solved, text, gap

    def ticket(self, number, at, session, shown, text):
        rnd = self.random
        email = f"kunde{number}@beispiel-{number % 997}.de"
        subject = text[:120] or "Frage zu meinem Vertrag"
        description = f"Guten Tag, {text}. Kundennummer K-{200000 + number}. Viele Grüße"
        updated = at + rnd.uniform(0, 5 * DAY)
        self.tickets.append((rnd.choice(STATUSES), email, email, f"Kunde {number}", None, subject, description,
                             f"K-{200000 + number}", None, rnd.random() < 0.1, rnd.random() < 0.5, session, "{}", "[]",
                             json.dumps(shown), at, updated))

    def generate(self, queries, tickets):
        days = list(range(self.last_day - self.days + 1, self.last_day + 1))
        weights = self.day_weights()
        number = 0
        # Roughly: draft sessions give ~7.5 rows, searches ~2.5; tickets come from 70 % of draft sessions.
        ticket_budget = tickets
        while len(self.query_log) < queries:
            draft = self.random.random() < 0.6
            session, at, shown, solved, text, gap = self.session(number, self.random.choices(days, weights)[0], draft)
            if draft and not solved and ticket_budget > 0 and self.random.random() < 0.75:
                self.ticket(number, at + 30, session, shown, text)
                ticket_budget -= 1
            number += 1
        del self.query_log[queries:]
        # The rest: tickets submitted without suggestions (no session).
        while ticket_budget > 0:
            day = self.random.choices(days, weights)[0]
            self.ticket(number, day * DAY + self.random.uniform(0, DAY), None, [], " ".join(self.random.choices(WORDS, k=8)))
            ticket_budget -= 1
            number += 1
        self.sessions = number

    def tables(self):
        stage_rows = [(s, a, stage, int(at // DAY), at) for (s, a, stage), at in self.stages.items()]
        counts = {}
        for _, article, stage, day, _ in stage_rows:
            counts[(day, stage, article)] = counts.get((day, stage, article), 0) + 1
        for ticket in self.tickets:
            if ticket[14] != "[]":
                key = (int(ticket[15] // DAY), "ticket", "")
                counts[key] = counts.get(key, 0) + 1
        return {
            "query_log": (["endpoint", "query", "result_count", "created_at", "session"], self.query_log, {3}),
            "suggestions": (["session", "article_id", "day", "first_at", "last_at"],
                            [(s, a, d, f, last) for (s, a, d), (f, last) in self.suggestions.items()], {3, 4}),
            "article_views": (["session", "article_id", "day", "first_at", "last_at"],
                              [(s, a, d, f, last) for (s, a, d), (f, last) in self.views.items()], {3, 4}),
            "deflections": (["session", "article_id", "subject", "description", "created_at"], self.deflections, {4}),
            "feedback": (["article_id", "helpful", "session", "created_at"], self.feedback, {3}),
            "tickets": (["status", "email", "email_key", "name", "company", "subject", "description", "customer_number", "category",
                         "urgent", "verified", "session", "custom_fields", "attachments", "suggested_articles", "created_at",
                         "updated_at"], self.tickets, {15, 16}),
            "session_stages": (["session", "article_id", "stage", "day", "reached_at"], stage_rows, {4}),
            "stage_counts": (["day", "stage", "article_id", "sessions"], [(d, s, a, n) for (d, s, a), n in counts.items()], set()),
        }


def write_sqlite(path, tables):
    with sqlite3.connect(path) as database:
        for table in tables:
            database.execute(f"DELETE FROM {table}")
        for table, (columns, rows, _) in tables.items():
            marks = ", ".join("?" * len(columns))
            database.executemany(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({marks})", rows)
        database.execute("DELETE FROM idempotency_keys")
        database.execute("DELETE FROM outbox")
    with sqlite3.connect(path) as database:
        database.execute("ANALYZE")


def copy_value(value, is_time):
    if value is None:
        return "\\N"
    if is_time:
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc).isoformat()
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def write_postgres(url, tables):
    parts = urllib.parse.urlsplit(url)
    schema = dict(urllib.parse.parse_qsl(parts.query)).get("schema")
    plain = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    environment = dict(os.environ, PGOPTIONS=f"-c search_path={schema}") if schema else dict(os.environ)

    def psql(*arguments, data=None):
        subprocess.run(["psql", plain, "-v", "ON_ERROR_STOP=1", "-q", *arguments], input=data, check=True, env=environment,
                       stdout=subprocess.DEVNULL)

    # ticket_activity (migration v3) refers to tickets: emptied with them.
    psql("-c", f"TRUNCATE {', '.join(tables)}, ticket_activity, idempotency_keys, outbox")
    for table, (columns, rows, times) in tables.items():
        text = "".join("\t".join(copy_value(value, index in times) for index, value in enumerate(row)) + "\n" for row in rows)
        psql("-c", f"\\copy {table}({', '.join(columns)}) FROM STDIN", data=text.encode())
    psql("-c", "VACUUM ANALYZE")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    store = parser.add_mutually_exclusive_group(required=True)
    store.add_argument("--data")
    store.add_argument("--database-url")
    parser.add_argument("--index", required=True)
    parser.add_argument("--articles", default="articles")
    parser.add_argument("--queries", type=int, default=1_000_000)
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--end", help="last day (YYYY-MM-DD, UTC); default today")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    ids = article_ids(binary, options.articles, options.index)
    store_arguments = ["--data", options.data] if options.data else ["--database-url", options.database_url]
    started = time.monotonic()
    create_schema(binary, options.index, store_arguments, ids[0])
    seed = Seed(ids, options)
    seed.generate(options.queries, options.tickets)
    tables = seed.tables()
    print(f"generated {seed.sessions} sessions in {time.monotonic() - started:.0f} s; writing", file=sys.stderr)
    if options.data:
        write_sqlite(options.data, tables)
    else:
        write_postgres(options.database_url, tables)
    print(json.dumps({"sessions": seed.sessions, "queryLog": len(seed.query_log), "tickets": len(seed.tickets),
                      "ticketsAfterSuggestions": sum(1 for row in seed.tickets if row[14] != "[]"),
                      "suggestions": len(seed.suggestions), "views": len(seed.views), "deflections": len(seed.deflections),
                      "feedback": len(seed.feedback), "lastDay": seed.last_day, "seconds": round(time.monotonic() - started)}))


if __name__ == "__main__":
    main()
