#!/usr/bin/env python3
"""Issue 14's out-of-scope signals, tried and not kept (BENCHMARKS.md "Tried and not kept"): bars on the share of the
query's weight in words no article has (`unknownShare`) and, for drafts, on how far the hybrid's best cosine stands
above every article's (`standout`), replayed on `lotse evaluate --features` dumps. Tuned on the TUNING parts only;
the held-out parts' dumps, replayed once, lost as many right answers as they silenced. Dumps of both modes, each
part its own file:

    lotse evaluate [--no-semantic] --index A SET.json --features DIR/SET.jsonl     # judged, hoodd, tuning2, paodd and
        # their typo / umlaut-less copies (spelling_variants.py --part tuning) on articles/, xquad odd on xquad_de
    lotse evaluate [--no-semantic] --index X SET.json --features DIR/SET-on-x.jsonl   # each corpus's questions
    lotse evaluate [--no-semantic] --index A XQ.json --features DIR/XQ-on-a.jsonl     # asked of the other's index
    python3 scripts/unknown_words.py DIR...        # a grid per rule, then each help-center file chosen on the others

A file named *-on-* is out of scope throughout; elsewhere "none" queries are. The dumps' rankings do not depend on
the decision, so old (the rule's parameters off) and new are replayed from the same rows. A rule is scored by the
out-of-scope answers it silences against the right answers (right article in the top 10) it hides.
"""
import itertools
import json
import os
import sys

LEXICAL = dict(coverage=0.21, score=0.015, draft=0.02)
HYBRID = dict(weak=0.2, veto=0.075, weak_draft=0.05, veto_draft=0.15, misspelt=0.3, alone=0.35)
OFF = dict(share=9, score=0, veto_score=0, factor=0, draft_share=9, standout=-9)
TRIED = dict(share=0.6, score=0.03, veto_score=0.05, factor=0.3, draft_share=0.4, standout=1.0)


def answers(e, p):
    """AnswerDecision.answers with the out-of-scope parameters `p`."""
    if e is None:
        return False
    similarity, unknown = e.get("similarity"), e.get("unknownShare", 0)
    if e["draft"]:
        lexical = e["score"] >= LEXICAL["draft"]
    else:
        lexical = e["wordCoverage"] >= LEXICAL["coverage"] and e["score"] >= LEXICAL["score"] \
            and not (unknown >= p["share"] and e["score"] < p["score"])
    if not lexical:
        return not e["draft"] and (similarity if similarity is not None else -1) >= HYBRID["alone"]
    if similarity is None:
        return True
    if e["draft"]:
        if e["score"] < HYBRID["weak_draft"] and unknown >= p["draft_share"] and e.get("standout", 9) < p["standout"]:
            return False
        return e["score"] >= HYBRID["weak_draft"] or similarity >= HYBRID["veto_draft"]
    misspelt = e.get("misspeltCoverage", 0) >= HYBRID["misspelt"]
    if e["score"] < p["veto_score"] and not misspelt and similarity < p["factor"] * unknown:
        return False
    return e["score"] >= HYBRID["weak"] or similarity >= HYBRID["veto"] or misspelt


def load(directories):
    files = {}
    for directory in directories:
        for name in sorted(os.listdir(directory)):
            if name.endswith(".jsonl"):
                files[f"{directory}/{name}"] = [json.loads(line) for line in open(f"{directory}/{name}", encoding="utf-8")]
    return files


def changes(files, p, names=None):
    """(right answers hidden, out-of-scope answers silenced, cross-corpus answers silenced, hidden ids) against OFF."""
    hidden, silenced, cross, ids = 0, 0, 0, []
    for path in files if names is None else names:
        for row in files[path]:
            if not row["results"] or not answers(row["evidence"], OFF) or answers(row["evidence"], p):
                continue
            if "-on-" in path:
                cross += 1
            elif not row["relevant"]:
                silenced += 1
            elif set(row["relevant"]) & set(row["results"][:10]):
                hidden += 1
                ids.append(f"{os.path.basename(path)[:-6]}:{row['id']}")
    return hidden, silenced, cross, ids


def value(counts):
    hidden, silenced, cross, _ = counts
    return silenced + 0.02 * cross - 2 * hidden


def main():
    files = load(sys.argv[1:])
    grids = {
        "search box, lexical": [dict(OFF, share=s, score=c) for s in (0.4, 0.5, 0.6, 0.7) for c in (0.02, 0.03, 0.05)],
        "search box, hybrid veto": [dict(OFF, veto_score=s, factor=f) for s in (0.05, 0.1, 0.15, 0.2)
                                    for f in (0.2, 0.3, 0.4, 0.5, 0.6)],
        "drafts, hybrid": [dict(OFF, draft_share=u, standout=z) for u in (0.2, 0.3, 0.4, 0.5) for z in (0.5, 1.0, 1.5, 2.0)],
    }
    for rule, grid in grids.items():
        print(rule)
        for p in sorted(grid, key=lambda p: -value(changes(files, p)))[:5]:
            hidden, silenced, cross, ids = changes(files, p)
            shown = {k: v for k, v in p.items() if v != OFF[k]}
            print(f"  {shown}: out of scope silenced {silenced}, cross-corpus {cross}, right answers hidden {hidden} {ids}")
    print("tried", TRIED, changes(files, TRIED))
    combined = [dict(TRIED, veto_score=s, factor=f, draft_share=u, standout=z) for s in (0.05, 0.1, 0.15, 0.2)
                for f in (0.2, 0.3, 0.4, 0.5) for u in (0.3, 0.4, 0.5) for z in (0.5, 1.0, 1.5)]
    for held in ("judged", "hoodd", "tuning2"):
        test = [path for path in files if os.path.basename(path).startswith(held)]
        train = [path for path in files if path not in test]
        best = max(combined, key=lambda p: value(changes(files, p, train)))
        print(f"chosen without {held}: {best} -> on {held}: hidden, silenced, cross {changes(files, best, test)[:3]}"
              f" (the tried point: {changes(files, TRIED, test)[:3]})")


if __name__ == "__main__":
    main()
