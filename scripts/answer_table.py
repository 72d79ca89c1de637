#!/usr/bin/env python3
"""Precision and recall of the answer / no-answer decision (BENCHMARKS.md, "Answer decision"), from
`lotse evaluate --features` dumps, which carry the engine's own decision per query ("answered"):

    lotse evaluate [--no-semantic] --index A J.json --features judged.jsonl       # and so on for each part
    python3 scripts/answer_table.py "tuning help center" judged.jsonl hoodd.jsonl -- judged-on-x.jsonl hoodd-on-x.jsonl

Files before `--` are judged sets (queries with relevant articles should be answered, "none" queries not); files
after it are cross-corpus dumps (every query asked of the other corpus's index should stay silent).
precision = answered queries that should be answered / answered queries;
recall = answered / answerable queries whose right article is in the ranking's top 10 (every match shown).
"""
import json
import sys


def rows(path, cross):
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        yield (bool(row["relevant"]) and not cross, row["answered"],
               bool(set(row["relevant"]) & set(row["results"][:10])) and not cross)


def main():
    name, paths = sys.argv[1], sys.argv[2:]
    split = paths.index("--") if "--" in paths else len(paths)
    data = [r for p in paths[:split] for r in rows(p, False)] + [r for p in paths[split + 1:] for r in rows(p, True)]
    answered = [r for r in data if r[1]]
    findable = [r for r in data if r[2]]
    silent_total = sum(1 for r in data if not r[0])
    silent_answered = sum(1 for r in answered if not r[0])
    precision = sum(1 for r in answered if r[0]) / max(1, len(answered))
    recall = sum(1 for r in findable if r[1]) / max(1, len(findable))
    print(f"| {name} | {precision:.3f} | {recall:.3f} | {silent_answered} of {silent_total} |")


if __name__ == "__main__":
    main()
