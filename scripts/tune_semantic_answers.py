#!/usr/bin/env python3
"""Tunes the semantic inputs of AnswerDecision (hybrid ranking) on feature dumps of the TUNING parts only.

The lexical thresholds stay as scripts/tune_answers.py chose them; this adds, for an index with vectors and
`lotse evaluate` with the model loaded (evidence carries `similarity`, the best article's cosine):
search-box queries answer when (lexical rule and similarity >= s) or similarity >= a; drafts when
(score >= 0.02 and similarity >= d) or similarity >= a. Files as for tune_answers.py (positive: the tuning
parts of the judged sets, the paraphrase set's odd ids and xquad_de's odd paragraphs; negative: each set's
questions asked of the other corpus):

    python3 scripts/tune_semantic_answers.py --positive f-judged.jsonl f-para.jsonl f-xq.jsonl \
        --negative f-j-on-x.jsonl f-x-on-a.jsonl --xquad f-xq.jsonl
"""
import argparse
import itertools

from tune_answers import load, measure

COVERAGE, SCORE, DRAFT_SCORE = 0.21, 0.015, 0.02


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--positive", nargs="+", required=True)
    parser.add_argument("--negative", nargs="+", default=[])
    parser.add_argument("--xquad", required=True)
    parser.add_argument("--max-xquad-loss", type=float, default=0.006)
    args = parser.parse_args()
    files = {path: list(load(path, False)) for path in args.positive}
    files.update({path: list(load(path, True)) for path in args.negative})
    grid = [x / 100 for x in range(0, 61, 2)]
    results = []
    for s, d, a in itertools.product(grid, grid, grid + [2.0]):
        def answers(e):
            if e is None:
                return False
            lexical = e["score"] >= DRAFT_SCORE if e["draft"] else e["wordCoverage"] >= COVERAGE and e["score"] >= SCORE
            similarity = e.get("similarity", 0) or 0
            return (lexical and similarity >= (d if e["draft"] else s)) or similarity >= a
        measured = measure(files, args, answers)
        if measured is not None:
            results.append((measured[0], s, d, a, measured[1]))
    results.sort(key=lambda r: r[0])
    for cost, s, d, a, counts in results[:10]:
        print(f"similarity>={s:.2f} draftSimilarity>={d:.2f} semanticAnswer>={a:.2f}  cost {cost:.3f}  " +
              "  ".join(f"{p.split('/')[-1]}: hidden {h}/{n} answered-out-of-scope {f}/{m}" for p, (h, n, f, m) in counts.items()))


if __name__ == "__main__":
    main()
