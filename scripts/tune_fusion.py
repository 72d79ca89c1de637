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

Each fusion grid point re-ranks every query as SemanticRanking.fuse does (normalised scores; reciprocal-rank
fusion as the comparison); each decision grid point then answers or stays silent as AnswerDecision does: the
lexical decision (LEXICAL_RULE), vetoed where the lexical score is weak and the semantic support low. The support
is one of SUPPORTS: the cosine of the fused first article (what AnswerDecision uses), or, tried and not kept
(BENCHMARKS.md), the best cosine among the first three shown or the lexical first three, each optionally above the
mean cosine of all articles (how far the answer stands out).
Kept: points where no help-center file loses against lexical-only with its answer decision in Recall@1, @3, @10
or MRR@10, xquad loses neither Recall@1 nor Recall@10, the paraphrases gain >= 10 points Recall@1, and at most
--max-out-of-scope of each help-center file's "none" queries are answered. Ranked by the help-center files' gains
(the four measures) + half the paraphrases' − half the out-of-scope rates (their "none" queries, and the
negative files' queries). `--report FILE… --point "FUSION;SUPPORT;RULE"` prints lexical-only against one point
on other dumps (the held-out parts: measured once a point is chosen, never tuned on).
"""
import argparse
import json

POOL = 30
LEXICAL_RULE = (0.21, 0.015, 0.02)  # wordCoverage, score (search box), score (drafts): tune_answers.py
SUPPORTS = [(kind, relative) for kind in ("fused1", "shown3", "lexical3") for relative in (False, True)]
FUSIONS = ([("norm", w, floor, confidence) for w in (0.3, 0.5, 0.7) for floor in (0.1, 0.2, 0.3) for confidence in (0.6, 1.0, 2.0)]
           + [("rrf", w, k, confidence) for w in (0.3, 0.5, 0.7) for k in (3, 10, 30) for confidence in (0.6, 1.0, 2.0)])
RULES = [(weak, veto, weak_draft, veto_draft) for weak in (0.1, 0.15, 0.2, 0.3)
         for veto in (-9, 0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15) for weak_draft in (0.1,) for veto_draft in (-9, 0.05, 0.1, 0.15)]
LEXICAL = ("lexical",)


def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        features = row["features"] or {"lexical": {}, "lexicalOrder": [], "similarity": {}, "evidence": None}
        row.update(features)
        similarity = row["similarity"]
        row["semanticOrder"] = sorted(similarity, key=lambda d: -similarity[d])[:POOL]
        row["mean"] = sum(similarity.values()) / len(similarity) if similarity else 0
        row["fused"] = {}
        rows.append(row)
    return rows


def fuse(row, fusion):
    """SemanticRanking.fuse (form "norm"): normalised lexical score and cosine above the floor, the semantic weight
    shrinking as the best lexical score grows; "rrf": reciprocal ranks (k) with the same weight."""
    if fusion not in row["fused"]:
        row["fused"][fusion] = ranking(row, fusion)
    return row["fused"][fusion]


def ranking(row, fusion):
    lexical, similarity, order = row["lexical"], row["similarity"], row["lexicalOrder"]
    if fusion == LEXICAL or not similarity:
        return order
    form, weight, parameter, confidence = fusion
    pool = set(order[:POOL]) | set(row["semanticOrder"])
    best = lexical[order[0]] if order else 0
    w = weight * (1 - min(1, best / confidence)) if best > 0 else 1
    if form == "rrf":
        lexical_rank = {d: i for i, d in enumerate(order)}
        semantic_rank = {d: i for i, d in enumerate(sorted(pool, key=lambda d: -similarity[d]))}
        return sorted(pool, key=lambda d: (-((1 - w) / (parameter + lexical_rank.get(d, 1000)) + w / (parameter + semantic_rank[d])), d))
    floor, best_similarity = parameter, max(similarity[d] for d in pool)

    def score(d):
        lexical_part = lexical.get(d, 0) / best if best > 0 else 0
        semantic_part = max(similarity[d] - floor, 0) / (best_similarity - floor) if best_similarity > floor else 0
        return (1 - w) * lexical_part + w * semantic_part
    return sorted(pool, key=lambda d: (-score(d), d))


def support(row, ranked, measure):
    """The semantic support of an answer (None: lexical-only, no veto)."""
    similarity = row["similarity"]
    if not similarity or not ranked:
        return None
    kind, relative = measure
    shown = {"fused1": ranked[:1], "shown3": ranked[:3], "lexical3": (row["lexicalOrder"] or ranked)[:3]}[kind]
    value = max(similarity[d] for d in shown)
    return value - row["mean"] if relative else value


def answers_lexically(evidence):
    """AnswerDecision.answersLexically."""
    coverage, minimum, minimum_draft = LEXICAL_RULE
    if evidence is None:
        return False
    if evidence["draft"]:
        return evidence["score"] >= minimum_draft
    return evidence["wordCoverage"] >= coverage and evidence["score"] >= minimum


def answers(evidence, value, rule):
    """AnswerDecision: the lexical decision, which the semantic half may only veto for a weak lexical answer with
    low semantic support."""
    weak, veto, weak_draft, veto_draft = rule
    if not answers_lexically(evidence):
        return False
    if value is None:
        return True
    if evidence["draft"]:
        return evidence["score"] >= weak_draft or value >= veto_draft
    return evidence["score"] >= weak or value >= veto


def measure(rows, fusion, kind, rule, negative=False):
    """(Recall@1, @3, @10, MRR@10 over the answerable queries, out-of-scope answered, out-of-scope queries)."""
    found = [0.0] * 4
    answerable = silent_answered = silent = 0
    for row in rows:
        ranked = fuse(row, fusion)
        answered = bool(ranked) and answers(row.get("evidence"), support(row, ranked, kind) if kind else None, rule)
        relevant = [] if negative else row["relevant"]
        if not relevant:
            silent += 1
            silent_answered += answered
            continue
        answerable += 1
        rank = next((i + 1 for i, d in enumerate(ranked[:10]) if d in relevant), None) if answered else None
        if rank:
            found = [found[0] + (rank == 1), found[1] + (rank <= 3), found[2] + 1, found[3] + 1 / rank]
    return tuple(x / max(1, answerable) for x in found) + (silent_answered, silent)


def acceptable(result, lexical, args, out_of_scope=False):
    """No help-center measure and neither xquad Recall@1 nor @10 below lexical-only, +10 points Recall@1 on the
    paraphrases, and (out_of_scope) at most --max-out-of-scope of each help-center file's none queries answered."""
    gains = {p: [result[p][i] - lexical[p][i] for i in range(4)] for p in result}
    return (min(min(gains[p]) for p in args.help_center) >= -1e-9
            and gains[args.xquad][0] >= -1e-9 and gains[args.xquad][2] >= -1e-9
            and all(gains[p][0] >= 0.1 - 1e-9 for p in args.paraphrase)
            and not (out_of_scope and any(result[p][4] > args.max_out_of_scope * result[p][5] for p in args.help_center)))


def show(result):
    return " / ".join(f"{x:.3f}" for x in result[:4]) + (f", out of scope {result[4]} of {result[5]}" if result[5] else "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--help-center", nargs="+", required=True)
    parser.add_argument("--paraphrase", nargs="+", default=[])
    parser.add_argument("--xquad", required=True)
    parser.add_argument("--negative", nargs="+", default=[])
    parser.add_argument("--max-out-of-scope", type=float, default=0.2, help="share of a file's none queries answered")
    parser.add_argument("--report", nargs="+", default=[], help="dumps to measure the chosen point on (held-out parts)")
    parser.add_argument("--point", help="fusion;support;rule as Python tuples, for --report")
    args = parser.parse_args()
    files = {p: load(p) for p in args.help_center + args.paraphrase + [args.xquad]}
    negatives = {p: load(p) for p in args.negative}
    if args.report:
        fusion, kind, rule = (eval(part) for part in args.point.split(";"))
        for path in args.report:
            rows = load(path)
            print(f"{path}: lexical {show(measure(rows, LEXICAL, None, (0, 0, 0, 0)))}")
            print(f"{' ' * len(path)}  hybrid  {show(measure(rows, fusion, kind, rule))}")
        return
    lexical = {p: measure(rows, LEXICAL, None, (0, 0, 0, 0)) for p, rows in files.items()}
    print("lexical-only with its answer decision:", {p: show(r) for p, r in lexical.items()})
    results = []
    for fusion in FUSIONS:
        # The veto only takes answers away: a fusion that loses without it loses with every rule.
        if not acceptable({p: measure(rows, fusion, None, (0, 0, 0, 0)) for p, rows in files.items()}, lexical, args):
            continue
        for kind in SUPPORTS:
            for rule in RULES:
                result = {p: measure(rows, fusion, kind, rule) for p, rows in files.items()}
                if not acceptable(result, lexical, args, out_of_scope=True):
                    continue
                gains = {p: [result[p][i] - lexical[p][i] for i in range(4)] for p in files}
                negative = [measure(rows, fusion, kind, rule, negative=True) for rows in negatives.values()]
                answered_none = sum(result[p][4] for p in args.help_center) / max(1, sum(result[p][5] for p in args.help_center))
                answered_negative = sum(n[4] / max(1, n[5]) for n in negative) / max(1, len(negative))
                objective = (sum(sum(gains[p]) for p in args.help_center) + 0.5 * sum(sum(gains[p]) for p in args.paraphrase)
                             - 0.5 * answered_none - 0.5 * answered_negative)
                results.append((objective, fusion, kind, rule, result, [n[4] for n in negative]))
    results.sort(key=lambda r: -r[0])
    for objective, fusion, kind, rule, result, negative in results[:15]:
        print(f"{objective:.3f} fusion={fusion} support={kind} weak/veto/weakDraft/vetoDraft={rule}")
        print("    ", {p: show(r) for p, r in result.items()}, "negatives answered", negative)


if __name__ == "__main__":
    main()
