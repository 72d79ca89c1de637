#!/usr/bin/env python3
"""Fits the answer decision as one logistic model over all its evidence, per ranking and query kind (search box /
draft), and compares it with the engine's own decision, cross-validated by set on the TUNING parts only:

    lotse evaluate [--no-semantic] --index A SET-VARIANT.json --features DIR/SET-VARIANT.jsonl
    lotse evaluate [--no-semantic] --index X SET-VARIANT.json --features DIR/SET-VARIANT-on-x.jsonl
    python3 scripts/fit_answers.py DIR…

DIR (one per ranking) holds `lotse evaluate --features` dumps named SET-VARIANT[-on-a|-on-x].jsonl: SET one of judged,
hoodd (heldout odd ids), tuning2, paodd (paraphrase odd ids), tuning3 (tuning3-drafts.json), xqodd (xquad_de odd
paragraphs, `scripts/xquad_judged.py`); VARIANT original, typo or stripped (`scripts/spelling_variants.py --part
tuning`, tuning3 `--part all`); `-on-a` / `-on-x`: asked of the other corpus's index, every query out of scope there.
Labels: "answer" where a relevant article is in the ranking's top 3 (the suggestions a customer reads; top 1 would
teach the model to silence the many right answers shown second or third), "silence" for "none" queries and every
cross-corpus query; a right article ranked 4th to 10th is not fitted on but counts in recall (answered of the queries
whose right article is in the top 10, as `answer_table.py`).

Each SET with its variants and cross-corpus copies is one fold: the model, and its bar (where the fitted folds'
help-center recall equals the engine's there), are fitted on the other folds and scored on it, so no query nor a copy of it is
both fitted and scored. Printed per ranking and kind: recall (xquad apart), help-center "none" queries answered and
cross-corpus queries answered, the engine's decision against the model's, summed over the folds (`--verbose`: each
fold); the pooled out-of-fold margins at the engine's help-center recall and at 2 of 10 "none" answered; then the
model fitted on every fold with its bar at the engine's help-center recall, as raw coefficients (its margin is
intercept + Σ coefficient × column, answered at ≥ 0). Tried and not kept (BENCHMARKS.md "Tried and not kept"): it won
across the folds only for hybrid drafts, and on the held-out parts those hid more right answers than they silenced.
"""
import argparse
import collections
import json
import math
import pathlib

import numpy as np

SETS = ["judged", "hoodd", "tuning2", "paodd", "tuning3", "xqodd"]
# More of these never turns an answer into silence: a coefficient fitted below zero is held at zero.
MONOTONE = {"log score", "coverage", "cosine", "standout"}


def columns(hybrid, draft, concepts):
    return (["log score", "coverage", "misspelt", "unknown"] + (["log concepts"] if concepts else [])
            + (["cosine", "no lexical match"] if hybrid else []) + (["standout"] if hybrid and draft else []))


def features(evidence, names):
    """The evidence as the model reads it (`AnswerModel.margin` computes the same)."""
    e = evidence or {}
    score = e.get("score", 0.0)
    value = {"log score": math.log(score + 1e-3), "coverage": e.get("wordCoverage", 0.0),
             "misspelt": e.get("misspeltCoverage", 0.0), "unknown": e.get("unknownShare", 0.0),
             "log concepts": math.log(1 + e.get("concepts", 0)), "cosine": e.get("similarity") or 0.0,
             "no lexical match": 1.0 if score == 0 else 0.0, "standout": e.get("standout") or 0.0}
    return [value[name] for name in names]


def load(directory):
    """One row per query and dump: its fold, evidence, the engine's decision, label and what it counts in."""
    rows = []
    for path in sorted(pathlib.Path(directory).glob("*.jsonl")):
        fold = path.stem.split("-")[0]
        if fold not in SETS:
            continue
        cross = path.stem.endswith(("-on-a", "-on-x"))
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            relevant = set() if cross else set(row["relevant"])
            evidence = row.get("evidence")
            rows.append(dict(fold=fold, evidence=evidence, engine=row["answered"], draft=bool(evidence and evidence["draft"]),
                             label=1 if relevant & set(row["results"][:3]) else (None if relevant else 0),
                             findable=bool(relevant & set(row["results"][:10])), none=not relevant and not cross,
                             cross=cross, matched=bool(row["results"])))
    return rows


def fit_free(x, y, weight, l2):
    """Weighted L2 logistic regression by Newton steps on standardized columns: (mean, scale, coefficients)."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    beta = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * l2
    penalty[0, 0] = 0
    for _ in range(100):
        p = 1 / (1 + np.exp(-z @ beta))
        step = np.linalg.solve((z * (weight * p * (1 - p))[:, None]).T @ z + penalty, z.T @ (weight * (p - y)) + penalty @ beta)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return beta[0] - (beta[1:] * mean / scale).sum(), beta[1:] / scale


def fit(rows, names, none_weight, l2):
    """Raw (intercept, coefficients) on the labelled rows; MONOTONE's coefficients at zero or above."""
    labelled = [r for r in rows if r["label"] is not None and r["matched"]]
    x = np.array([features(r["evidence"], names) for r in labelled])
    y = np.array([r["label"] for r in labelled], dtype=float)
    weight = np.array([none_weight if r["none"] else 1.0 for r in labelled])
    # Each class weighs as much in total: the cross-corpus questions outnumber the right answers.
    for value in (0, 1):
        weight[y == value] *= len(y) / 2 / weight[y == value].sum()
    keep = np.ones(len(names), dtype=bool)
    while True:
        intercept, kept = fit_free(x[:, keep], y, weight, l2)
        coefficients = np.zeros(len(names))
        coefficients[keep] = kept
        wrong = [i for i, name in enumerate(names) if name in MONOTONE and keep[i] and coefficients[i] < 0]
        if not wrong:
            return intercept, coefficients
        keep[wrong] = False


def margins(model, rows, names):
    intercept, coefficients = model
    return intercept + np.array([features(r["evidence"], names) for r in rows]) @ coefficients


def counts(rows, answered):
    c = collections.Counter()
    for r, a in zip(rows, answered):
        a = bool(a and r["matched"])
        if r["findable"]:
            c["found"], c["found answered"] = c["found"] + 1, c["found answered"] + a
            if r["fold"].startswith("xq"):
                c["xquad found"], c["xquad answered"] = c["xquad found"] + 1, c["xquad answered"] + a
        for kind in ("none", "cross"):
            if r[kind]:
                c[kind], c[kind + " answered"] = c[kind] + 1, c[kind + " answered"] + a
    return c


def describe(c):
    return (f"recall {c['found answered']}/{c['found']} (xquad {c['xquad answered']}/{c['xquad found']})  "
            f"none answered {c['none answered']}/{c['none']}  cross-corpus answered {c['cross answered']}/{c['cross']}")


def help_center_findable(r):
    return r["findable"] and r["matched"] and not r["fold"].startswith("xq")


def bar_at_recall(values, rows, recall):
    """The highest bar on `values` that answers at least `recall` of the help-center findable rows (xquad_de's are
    many more, and the model keeps more of them than the bars: at equal recall overall it hid help-center answers)."""
    found = np.sort(values[np.array([help_center_findable(r) for r in rows])])[::-1]
    if len(found) == 0:
        return 0.0
    needed = math.ceil(recall * len(found) - 1e-9)
    return found[max(0, min(len(found), needed) - 1)]


def engine_recall(rows):
    """The engine's help-center recall."""
    found = [r for r in rows if help_center_findable(r)]
    return sum(r["engine"] for r in found) / max(1, len(found))


def cross_validate(rows, names, none_weight, l2, verbose):
    """Per fold: fit and place the bar on the others, score the fold. Summed counts, and the out-of-fold margins."""
    engine, model, pooled = collections.Counter(), collections.Counter(), np.full(len(rows), np.inf)
    for fold in sorted({r["fold"] for r in rows}):
        fitted = [r for r in rows if r["fold"] != fold]
        index = [i for i, r in enumerate(rows) if r["fold"] == fold]
        scored = [rows[i] for i in index]
        if len({r["label"] for r in fitted} - {None}) < 2:
            continue
        m = fit(fitted, names, none_weight, l2)
        bar = bar_at_recall(margins(m, fitted, names), fitted, engine_recall(fitted))
        pooled[index] = margins(m, scored, names) - bar
        e, o = counts(scored, [r["engine"] for r in scored]), counts(scored, list(pooled[index] >= 0))
        if verbose:
            print(f"    fold {fold:8s} engine {describe(e)}\n    {'':13s} model  {describe(o)}")
        engine, model = engine + e, model + o
    return engine, model, pooled


def at_none_rate(rows, values, share):
    """Counts where the bar on `values` answers at most `share` of the "none" queries."""
    none = np.sort(values[np.array([r["none"] and r["matched"] for r in rows])])[::-1]
    allowed = int(math.floor(share * sum(r["none"] for r in rows) + 1e-9))
    bar = none[allowed] + 1e-12 if allowed < len(none) else -np.inf
    return counts(rows, list(values >= bar))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dumps", nargs="+", help="folders of dumps, one per ranking")
    parser.add_argument("--none-weight", type=float, default=5, help="a help-center none query's weight against a cross-corpus one")
    parser.add_argument("--l2", type=float, default=1e-2)
    parser.add_argument("--without", nargs="*", default=[], help="columns left out")
    parser.add_argument("--concepts", action="store_true", help="add the query's concept count (AnswerEvidence.concepts)")
    parser.add_argument("--verbose", action="store_true", help="each fold's counts")
    args = parser.parse_args()
    for directory in args.dumps:
        rows = load(directory)
        hybrid = any(r["evidence"] and "similarity" in r["evidence"] for r in rows)
        for draft in (False, True):
            part = [r for r in rows if r["draft"] == draft]
            names = [n for n in columns(hybrid, draft, args.concepts) if n not in args.without]
            print(f"== {directory}: {'hybrid' if hybrid else 'lexical'}, {'drafts' if draft else 'search box'}, {len(part)} rows")
            engine, model, pooled = cross_validate(part, names, args.none_weight, args.l2, args.verbose)
            print(f"  folds  engine {describe(engine)}\n         model  {describe(model)}")
            bar = bar_at_recall(pooled, part, engine_recall(part))
            print(f"  pooled out of fold at the engine's help-center recall: {describe(counts(part, list(pooled >= bar)))}")
            print(f"  pooled out of fold at 2 of 10 none:                    {describe(at_none_rate(part, pooled, 0.2))}")
            m = fit(part, names, args.none_weight, args.l2)
            bar = bar_at_recall(margins(m, part, names), part, engine_recall(part))
            # 2e-4 above the bar: the coefficients are printed to four places, and the bar sits on a right answer's margin.
            print(f"  every fold, bar at the engine's help-center recall: intercept {m[0] - bar + 2e-4:.4f}  " +
                  "  ".join(f"{n} {c:.4f}" for n, c in zip(names, m[1])))
            print(f"         on the rows it was fitted on: {describe(counts(part, list(margins(m, part, names) >= bar)))}")


if __name__ == "__main__":
    main()
