#!/usr/bin/env python3
"""Copies of a judged set as customers misspell it, for `lotse evaluate` (issue 17: what the encoder reads):

    python3 scripts/spelling_variants.py SET --variant VARIANT [--part tuning|heldout|all] [--seed N] > out.json

VARIANT: `original` (the part as it is), `stripped` (ä → a, ö → o, ü → u, ß → ss), `digraph` (ä → ae, ö → oe,
ü → ue, ß → ss) or `typo` (one edit in one word of at least 6 letters: two neighbours swapped, a letter dropped,
doubled or replaced by a keyboard neighbour, never the first letter; drafts get theirs in the subject when it has
such a word). The typo is chosen by a generator seeded with the seed and the query's id: the same arguments
always give the same file. SET is a judged-set JSON array (Tests/LotseSearchTests/Fixtures/*.json) or xquad_de's
queries.jsonl. Parts: judged-queries.json (q…), tuning2-queries.json (t…) and tuning3-drafts.json (d…) are tuning
sets, fresh-, fresh2- and fresh3-queries.json (f…, g…, k…) are held out, heldout- and paraphrase-queries.json
(h…, p…) tune on odd ids, xquad_de on odd paragraphs.
Queries the variant leaves unchanged are kept, so a variant's figures compare with its original's.
"""
import argparse
import json
import random
import re
import sys

from prefix_set import load

UMLAUTS = {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"}
DIGRAPHS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
KEYBOARD = ["qwertzuiopü", "asdfghjklöä", "yxcvbnm"]  # German layout: a typo hits a neighbour on the same row


def identifier(query):
    return query.get("id") or query["qid"]


def is_tuning(query):
    """Whether the query belongs to a tuning part (module docstring)."""
    if "qid" in query:
        return int(query["relevant"][0].rsplit("-", 1)[1]) % 2 == 1
    prefix, number = query["id"][0], int(re.sub(r"\D", "", query["id"]))
    if prefix in "qtd":
        return True
    if prefix in "fgk":
        return False
    return number % 2 == 1


def neighbour(letter, rng):
    for row in KEYBOARD:
        index = row.find(letter.lower())
        if index >= 0:
            choices = [row[i] for i in (index - 1, index + 1) if 0 <= i < len(row)]
            found = rng.choice(choices)
            return found.upper() if letter.isupper() else found
    return letter


def misspell(word, rng):
    """One edit of `word` (never its first letter), different from it."""
    for _ in range(10):
        kind = rng.choice(["swap", "drop", "double", "neighbour"])
        at = rng.randrange(1, len(word) - 1 if kind == "swap" else len(word))
        if kind == "swap":
            edited = word[:at] + word[at + 1] + word[at] + word[at + 2:]
        elif kind == "drop":
            edited = word[:at] + word[at + 1:]
        elif kind == "double":
            edited = word[:at] + word[at] + word[at:]
        else:
            edited = word[:at] + neighbour(word[at], rng) + word[at + 1:]
        if edited != word:
            return edited
    return word


def with_typo(text, rng):
    """`text` with one edit in one of its words of at least 6 letters (None: it has none)."""
    words = [match for match in re.finditer(r"[^\W\d_]{6,}", text)]
    if not words:
        return None
    match = rng.choice(words)
    return text[:match.start()] + misspell(match.group(), rng) + text[match.end():]


def variant(query, kind, seed):
    query = dict(query)
    fields = [field for field in ("query", "subject", "description") if field in query]
    if kind in ("stripped", "digraph"):
        table = UMLAUTS if kind == "stripped" else DIGRAPHS
        for field in fields:
            query[field] = "".join(table.get(character, character) for character in query[field])
    elif kind == "typo":
        rng = random.Random(f"{seed}:{identifier(query)}")
        for field in fields:
            edited = with_typo(query[field], rng)
            if edited is not None:
                query[field] = edited
                break
    return query


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("set")
    parser.add_argument("--variant", choices=["original", "stripped", "digraph", "typo"], required=True)
    parser.add_argument("--part", choices=["tuning", "heldout", "all"], default="tuning")
    parser.add_argument("--seed", type=int, default=17)
    arguments = parser.parse_args()
    queries = [query for query in load(arguments.set)
               if arguments.part == "all" or is_tuning(query) == (arguments.part == "tuning")]
    out = [variant(query, arguments.variant, arguments.seed) for query in queries]
    for query in out:
        query.setdefault("id", query.pop("qid", None))
        query.setdefault("kind", "xquad")
    json.dump(out, fp=sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
