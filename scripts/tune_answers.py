#!/usr/bin/env python3
"""Tunes AnswerDecision's lexical thresholds on feature dumps of the TUNING parts only (`--no-semantic`: semantic
search is on by default where `lotse` finds the model).

    python3 scripts/xquad_judged.py /tmp/xq                  # xquad_de as judged files, split by paragraph
    lotse index --no-semantic --articles articles --index /tmp/xq/a.sqlite
    lotse index --no-semantic --articles ../shared/eval/xquad_de/articles --index /tmp/xq/x.sqlite
    lotse evaluate --no-semantic --index /tmp/xq/a.sqlite J.json --features f-judged.jsonl      # J = judged-queries.json and
                                                                                 # the odd ids of heldout-queries.json
    lotse evaluate --no-semantic --index /tmp/xq/x.sqlite /tmp/xq/xquad-tune.json --features f-xq.jsonl
    lotse evaluate --no-semantic --index /tmp/xq/x.sqlite J.json --features f-j-on-x.jsonl     # out of scope there
    lotse evaluate --no-semantic --index /tmp/xq/a.sqlite /tmp/xq/xquad-tune.json --features f-x-on-a.jsonl
    python3 scripts/tune_answers.py --positive f-judged.jsonl f-xq.jsonl --negative f-j-on-x.jsonl f-x-on-a.jsonl \
        --xquad f-xq.jsonl

Answerable queries of the positive files whose right article is in the top 10 count as "should answer"; their
unanswerable ("none") queries and every query of the negative files as "should stay silent". Search-box queries
answer when wordCoverage >= c and score >= s, drafts when score >= d. Among the grid points that hide at most
--max-xquad-loss of the xquad answers, the best few by (out-of-scope answered + right answers hidden) on the
help-center files are printed.
"""
import argparse
import itertools
import json


def load(path, negative):
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        should = bool(row["relevant"]) and not negative
        if should and not any(r in row["relevant"] for r in row["results"][:10]):
            continue
        yield row.get("evidence"), should


def measure(files, args, answers):
    """(out-of-scope answered rate + right answers hidden rate on the help-center files, counts per file), or
    None when the rule hides more than --max-xquad-loss of the xquad answers."""
    counts = {}
    for path, rows in files.items():
        hidden = sum(1 for e, should in rows if should and not answers(e))
        false = sum(1 for e, should in rows if not should and answers(e))
        counts[path] = (hidden, sum(1 for _, should in rows if should), false, sum(1 for _, should in rows if not should))
    xq = counts[args.xquad]
    if xq[0] > args.max_xquad_loss * xq[1]:
        return None
    own = [counts[p] for p in args.positive if p != args.xquad]
    hidden = sum(x[0] for x in own) / max(1, sum(x[1] for x in own))
    false = sum(x[2] for x in own) / max(1, sum(x[3] for x in own))
    return false + hidden, counts


def tuning_files():
    """The command line both tuning scripts take, and its files' rows: (args, {path: [(evidence, should)]})."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--positive", nargs="+", required=True)
    parser.add_argument("--negative", nargs="+", default=[])
    parser.add_argument("--xquad", required=True, help="the positive file of xquad_de's tuning part")
    parser.add_argument("--max-xquad-loss", type=float, default=0.006)
    args = parser.parse_args()
    files = {path: list(load(path, False)) for path in args.positive}
    files.update({path: list(load(path, True)) for path in args.negative})
    return args, files


def report(results, describe):
    """The ten cheapest grid points; `results` holds (cost, parameters, counts), `describe(parameters)` names them."""
    for cost, parameters, counts in sorted(results, key=lambda r: r[0])[:10]:
        print(f"{describe(parameters)}  cost {cost:.3f}  " +
              "  ".join(f"{p.split('/')[-1]}: hidden {h}/{n} answered-out-of-scope {f}/{m}" for p, (h, n, f, m) in counts.items()))


def main():
    args, files = tuning_files()
    results = []
    for c, s, d in itertools.product([x / 100 for x in range(0, 40, 3)], [0, .005, .01, .015, .02, .03],
                                     [0, .005, .01, .015, .02, .03, .05]):
        def answers(e):
            return e is not None and (e["score"] >= d if e["draft"] else e["wordCoverage"] >= c and e["score"] >= s)
        measured = measure(files, args, answers)
        if measured is not None:
            results.append((measured[0], (c, s, d), measured[1]))
    report(results, lambda p: f"wordCoverage>={p[0]:.2f} score>={p[1]:.3f} draftScore>={p[2]:.3f}")


if __name__ == "__main__":
    main()
