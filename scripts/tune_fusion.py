#!/usr/bin/env python3
"""Tunes the hybrid ranking (FusionParameters) and its answer decision (AnswerDecision's veto) together,
on `lotse evaluate --semantic --fusion-features` dumps of the TUNING parts only:

    lotse index --semantic --articles articles --index /tmp/fu/a.sqlite
    lotse index --semantic --articles ../shared/eval/xquad_de/articles --index /tmp/fu/x.sqlite
    lotse evaluate --semantic --index /tmp/fu/a.sqlite J.json --fusion-features judged.jsonl   # judged-queries.json,
        # then the odd ids of heldout-queries.json (hoodd) and of paraphrase-queries.json (paodd), each its own file
    lotse evaluate --semantic --index /tmp/fu/x.sqlite /tmp/xq/xquad-tune.json --fusion-features xq.jsonl
    lotse evaluate --semantic --index /tmp/fu/x.sqlite J.json --fusion-features judged-on-x.jsonl     # out of scope
    lotse evaluate --semantic --index /tmp/fu/a.sqlite /tmp/xq/xquad-tune.json --fusion-features xq-on-a.jsonl
    python3 scripts/tune_fusion.py --help-center judged.jsonl hoodd.jsonl --paraphrase paodd.jsonl --xquad xq.jsonl \
        --negative judged-on-x.jsonl xq-on-a.jsonl

Each fusion grid point re-ranks every query as SemanticRanking.fuse does; each decision grid point then answers
or stays silent as AnswerDecision does: the lexical decision (LEXICAL_RULE), vetoed where the lexical score is weak
and the best article's cosine low. Kept: points where no file loses against lexical-only with its answer
decision (xquad: Recall@1 no lower than the lexical ranking's with every match shown), the paraphrases gain ≥ 10
points Recall@1, and at most 2 "none" queries per help-center file are answered. Ranked first by the queries the
help-center files lose against lexical-only with its decision (Recall@1 or Recall@3, the larger; 0 is the goal),
then by Recall@1 + Recall@3 (answered; the portal shows three suggestions, so silence costs both) on the
help-center files + half of those on the paraphrases − half the out-of-scope rates (their "none" queries, and
the negative files' queries).
"""
import argparse
import itertools
import json

POOL = 30
LEXICAL_RULE = (0.21, 0.015, 0.02)  # wordCoverage, score (search box), score (drafts): tune_answers.py


def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        features = row["features"] or {"lexical": {}, "lexicalOrder": [], "similarity": {}, "evidence": None}
        similarity = features["similarity"]
        row["semanticOrder"] = sorted(similarity, key=lambda d: -similarity[d])[:POOL]
        row.update(features)
        rows.append(row)
    return rows


def fuse(row, weight, floor, confidence):
    """SemanticRanking.fuse: normalised lexical score and cosine above the floor, the semantic weight shrinking
    as the best lexical score grows."""
    lexical, similarity, order = row["lexical"], row["similarity"], row["lexicalOrder"]
    if not similarity:
        return order
    pool = set(order[:POOL]) | set(row["semanticOrder"])
    best = lexical[order[0]] if order else 0
    best_similarity = max(similarity[d] for d in pool)
    w = weight * (1 - min(1, best / confidence)) if best > 0 else 1

    def score(d):
        lexical_part = lexical.get(d, 0) / best if best > 0 else 0
        semantic_part = max(similarity[d] - floor, 0) / (best_similarity - floor) if best_similarity > floor else 0
        return (1 - w) * lexical_part + w * semantic_part
    return sorted(pool, key=lambda d: -score(d))


def answers_lexically(evidence):
    """AnswerDecision.answersLexically."""
    coverage, minimum, minimum_draft = LEXICAL_RULE
    if evidence is None:
        return False
    if evidence["draft"]:
        return evidence["score"] >= minimum_draft
    return evidence["wordCoverage"] >= coverage and evidence["score"] >= minimum


def answers(evidence, similarity, rule):
    """AnswerDecision: the lexical decision, which the semantic half may only veto for a weak lexical answer whose
    best article is far from the query."""
    weak, veto, weak_draft, veto_draft = rule
    if not answers_lexically(evidence):
        return False
    if similarity is None:
        return True
    if evidence["draft"]:
        return evidence["score"] >= weak_draft or similarity >= veto_draft
    return evidence["score"] >= weak or similarity >= veto


def outcomes(rows, fusion):
    """(relevant, top 3, evidence, cosine of the first) per query."""
    result = []
    for row in rows:
        ranked = fuse(row, *fusion) if fusion else row["lexicalOrder"]
        similarity = row["similarity"].get(ranked[0]) if (fusion and ranked) else None
        result.append((row["relevant"], ranked[:3], row.get("evidence"), similarity))
    return result


def measure(ranked, rule):
    """Recall@1 and Recall@3 (answered, right article first / in the top 3) and (out-of-scope answered,
    out-of-scope) per file of `ranked` (outcomes)."""
    recall, silent = {}, {}
    for path, rows in ranked.items():
        answered = [(rel, top) for rel, top, ev, sim in rows if top and (rule is None or answers(ev, sim, rule))]
        relevant = max(1, sum(1 for rel, *_ in rows if rel))
        recall[path] = (sum(1 for rel, top in answered if top[0] in rel) / relevant,
                        sum(1 for rel, top in answered if set(top) & set(rel)) / relevant)
        silent[path] = (sum(1 for rel, _ in answered if not rel), len(rows) - sum(1 for rel, *_ in rows if rel))
    return recall, silent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--help-center", nargs="+", required=True)
    parser.add_argument("--paraphrase", nargs="+", default=[])
    parser.add_argument("--xquad", required=True)
    parser.add_argument("--negative", nargs="+", default=[])
    args = parser.parse_args()
    files = {p: load(p) for p in args.help_center + args.paraphrase + [args.xquad]}
    negatives = {p: [dict(r, relevant=[]) for r in load(p)] for p in args.negative}
    lexical = {p: outcomes(rows, None) for p, rows in files.items()}
    lexical_recall, _ = measure(lexical, None)
    print("lexical ranking, every match shown (Recall@1, @3):", {p: tuple(round(x, 3) for x in r) for p, r in lexical_recall.items()})
    # Without a cosine (lexical-only outcomes) the rule is the lexical decision.
    lexical_decided, _ = measure(lexical, (0, 0, 0, 0))
    print("lexical-only, answer decision (Recall@1, @3):", {p: tuple(round(x, 3) for x in r) for p, r in lexical_decided.items()})

    fusions = itertools.product([0.2, 0.3, 0.5, 0.7], [0.1, 0.2, 0.3], [0.15, 0.3, 0.6, 1.2, 2.0])
    rules = list(itertools.product([0.1, 0.2, 0.35], [0, 0.05, 0.1, 0.15], [0.05, 0.1, 9], [0, 0.1, 0.15, 0.2]))
    results = []
    for fusion in fusions:
        ranked = {p: outcomes(rows, fusion) for p, rows in {**files, **negatives}.items()}
        for rule in rules:
            recall, silent = measure(ranked, rule)
            if (recall[args.xquad][0] < lexical_recall[args.xquad][0]
                    or any(recall[p][0] < lexical_decided[p][0] + 0.1 for p in args.paraphrase)
                    or any(silent[p][0] > 2 for p in args.help_center)):
                continue
            relevant = {p: len(files[p]) - silent[p][1] for p in args.help_center}
            lost = max(round((lexical_decided[p][i] - recall[p][i]) * relevant[p]) for p in args.help_center for i in (0, 1))
            answered_none = sum(silent[p][0] for p in args.help_center) / max(1, sum(silent[p][1] for p in args.help_center))
            answered_negative = sum(silent[p][0] / max(1, silent[p][1]) for p in negatives) / max(1, len(negatives))
            objective = (sum(sum(recall[p]) for p in args.help_center) + 0.5 * sum(sum(recall[p]) for p in args.paraphrase)
                         - 0.5 * answered_none - 0.5 * answered_negative)
            results.append((max(lost, 0), objective, fusion, rule, recall, silent))
    results.sort(key=lambda r: (r[0], -r[1]))
    for lost, objective, fusion, rule, recall, silent in results[:10]:
        print(f"{lost} lost, {objective:.3f} fusion weight/floor/confidence={fusion} weak/veto/weakDraft/vetoDraft={rule}")
        print("    Recall@1, @3", {p: tuple(round(x, 3) for x in r) for p, r in recall.items() if p in files},
              "out of scope answered", {p: s for p, s in silent.items() if s[1]})


if __name__ == "__main__":
    main()
