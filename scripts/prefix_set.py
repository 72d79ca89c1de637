#!/usr/bin/env python3
"""A judged set of typed prefixes: every query of a judged set cut at its word ends (from the second word on, the
whole query left out), each prefix judged by the query's relevant articles, for `lotse evaluate`.

    python3 scripts/prefix_set.py SET [--part heldout|tuning|all] > prefixes.json

SET is a judged-set JSON array (Tests/LotseSearchTests/Fixtures/*.json: `heldout` keeps even ids) or xquad_de's
queries.jsonl (`heldout` keeps even paragraphs). Kinds are w2 … w6 (six words or more). Queries without a relevant
article are left out (a prefix of an out-of-scope query says nothing about it), and drafts (subject and
description: `lotse evaluate` replays their typing itself).
"""
import argparse
import json
import re


def load(path):
    with open(path, encoding="utf-8") as handle:
        if path.endswith(".jsonl"):
            return [json.loads(line) for line in handle if line.strip()]
        return json.load(handle)


def number(query):
    """The id's number: the paragraph's for xquad_de (its relevant article), else the query id's."""
    if "qid" in query:
        return int(query["relevant"][0].rsplit("-", 1)[1])
    return int(re.sub(r"\D", "", query["id"]) or 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("set")
    parser.add_argument("--part", choices=["heldout", "tuning", "all"], default="heldout")
    arguments = parser.parse_args()
    prefixes = []
    for query in load(arguments.set):
        if not query.get("relevant") or "query" not in query:
            continue
        if arguments.part != "all" and (number(query) % 2 == 0) != (arguments.part == "heldout"):
            continue
        words = query["query"].rstrip("?!. ").split()
        for count in range(2, len(words)):
            prefixes.append({"id": f"{query.get('id', query.get('qid'))}-{count}", "kind": f"w{min(count, 6)}",
                             "query": " ".join(words[:count]), "relevant": query["relevant"]})
    json.dump(prefixes, fp=__import__("sys").stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
