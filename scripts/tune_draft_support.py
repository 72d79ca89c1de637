#!/usr/bin/env python3
"""Chooses AnswerDecision's hybrid draft bars on feature dumps of the TUNING parts only (hybrid ranking).

    lotse evaluate --index A --semantic J.json --features f-J.jsonl      # J: each tuning part (judged-queries.json,
                                                                          # tuning2, tuning3-drafts, the odd ids of
                                                                          # heldout, paraphrase and drafts5)
    lotse evaluate --index X --semantic J.json --features f-J-on-x.jsonl # the same asked of xquad_de: out of scope
    python3 scripts/tune_draft_support.py --positive f-*.jsonl --negative f-*-on-x.jsonl

A draft answers when score >= s1, or score >= a where both rankings agree, or score >= s2 where the best article's
cosine is >= v; a weak answer (score < 0.05) whose cosine is under 0.15 is vetoed. Drafts whose right article is in
the top 10 should answer, out-of-scope drafts (and every draft of the negative files) should not; the grid points
with the fewest of both errors are printed, with each file's counts for the best.
"""
import argparse
import itertools
import json


def drafts(path, negative):
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        evidence = row.get("evidence")
        if not evidence or not evidence["draft"]:
            continue
        if negative or not row["relevant"]:
            yield evidence, False
        elif any(r in row["relevant"] for r in row["results"][:10]):
            yield evidence, True


def rule(s1, a, s2, v):
    def answers(e):
        similarity = e.get("similarity", -1)
        lexical = e["score"] >= s1 or (e.get("agreement") and e["score"] >= a) or (e["score"] >= s2 and similarity >= v)
        return lexical and (e["score"] >= 0.05 or similarity >= 0.15)
    return answers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--positive", nargs="+", required=True)
    parser.add_argument("--negative", nargs="*", default=[])
    args = parser.parse_args()
    files = {p: list(drafts(p, False)) for p in args.positive}
    files.update({p: list(drafts(p, True)) for p in args.negative})
    rows = [row for file in files.values() for row in file]
    results = []
    for s1, a, s2, v in itertools.product([0.025, 0.03, 0.035], [0.005, 0.01, 0.015], [0.005, 0.008, 0.01, 0.012, 0.015],
                                          [0.25, 0.3, 0.35, 0.4, 0.45, 1.1]):
        answers = rule(s1, a, s2, v)
        hidden = sum(1 for e, should in rows if should and not answers(e))
        answered = sum(1 for e, should in rows if not should and answers(e))
        results.append((hidden + answered, hidden, answered, (s1, a, s2, v)))
    results.sort()
    for cost, hidden, answered, point in results[:12]:
        print(f"s1={point[0]} agreed={point[1]} s2={point[2]} cosine>={point[3]}: right answers hidden {hidden}, "
              f"out of scope answered {answered}")
    best = rule(*results[0][3])
    for path, file in files.items():
        print(f"  {path}: hidden {sum(1 for e, s in file if s and not best(e))} of {sum(1 for _, s in file if s)}, "
              f"answered {sum(1 for e, s in file if not s and best(e))} of {sum(1 for _, s in file if not s)}")


if __name__ == "__main__":
    main()
