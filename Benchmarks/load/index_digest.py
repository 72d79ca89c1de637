#!/usr/bin/env python3
"""Digests of an index file's contents, to show that two builds made the same index (issue 18: a cheaper
learning step must learn exactly the same).

    python3 Benchmarks/load/index_digest.py INDEX.sqlite [OTHER.sqlite]

What was learned is compared as sorted (article, word, weight, sessions) rows, whether the file has the one-row-per-
article `learned_words` table or the older per-word `learned`; the articles' columns (authors' and learned), the
term statistics and FTS5's own tables (data, idx, docsize) row for row. `meta` is left out (it holds the build time).
With two files, prints which parts differ and exits 1 if any does.
"""
import hashlib
import sqlite3
import sys


def learned_rows(db):
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "learned_words" in tables:
        rows = []
        for article, words in db.execute("SELECT article_id, words FROM learned_words"):
            for line in words.split("\n"):
                sessions, weight, word = line.split(" ", 2)
                rows.append((article, word, int(weight), int(sessions)))
        return sorted(rows)  # code point order, the byte order of SQLite's BINARY collation over UTF-8
    if "learned" in tables:
        return list(db.execute("SELECT article_id, word, weight, sessions FROM learned ORDER BY article_id, word"))
    return []


PARTS = {
    "articles (authors' columns)": "SELECT rowid, id, path, hash, lang, title, headings, tags, body, category, url, updated, "
                                   "ticket_only, html FROM articles ORDER BY rowid",
    "articles.learned": "SELECT rowid, learned FROM articles ORDER BY rowid",
    "terms": "SELECT term, df, cf FROM terms ORDER BY term",
    "compounds": "SELECT word, frequency FROM compounds ORDER BY word",
    "fts_data": "SELECT id, block FROM fts_data ORDER BY id",
    "fts_idx": "SELECT segid, term, pgno FROM fts_idx ORDER BY segid, term",
    "fts_docsize": "SELECT id, sz FROM fts_docsize ORDER BY id",
}


def digests(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    result = {}
    for name, sql in PARTS.items():
        digest = hashlib.md5()
        for row in db.execute(sql):
            digest.update(repr(row).encode())
        result[name] = digest.hexdigest()
    learned = learned_rows(db)
    result[f"learned words ({len(learned)} rows)"] = hashlib.md5(repr(learned).encode()).hexdigest()
    return result


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    first = digests(sys.argv[1])
    if len(sys.argv) == 2:
        for name, digest in first.items():
            print(f"{digest}  {name}")
        return
    second = digests(sys.argv[2])
    different = [name for name in first if first[name] != second.get(name)]
    for name in first:
        print(f"{'DIFFERENT' if name in different else 'same':9}  {name}")
    sys.exit(1 if different or first.keys() != second.keys() else 0)


if __name__ == "__main__":
    main()
