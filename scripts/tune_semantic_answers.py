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
import itertools

from tune_answers import measure, report, tuning_files

COVERAGE, SCORE, DRAFT_SCORE = 0.21, 0.015, 0.02


def main():
    args, files = tuning_files()
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
            results.append((measured[0], (s, d, a), measured[1]))
    report(results, lambda p: f"similarity>={p[0]:.2f} draftSimilarity>={p[1]:.2f} semanticAnswer>={p[2]:.2f}")


if __name__ == "__main__":
    main()
