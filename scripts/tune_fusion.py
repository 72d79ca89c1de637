#!/usr/bin/env python3
"""Tunes the hybrid ranking (FusionParameters) and its answer decision (AnswerDecision's veto) together, per query
mode (search box, draft), on `lotse evaluate --semantic --fusion-features` dumps of the TUNING parts only:

    lotse index --semantic --articles articles --index /tmp/fu/a.sqlite
    lotse index --semantic --articles ../shared/eval/xquad_de/articles --index /tmp/fu/x.sqlite
    lotse evaluate --semantic --index /tmp/fu/a.sqlite J.json --fusion-features judged.jsonl   # judged-queries.json,
        # then the odd ids of heldout-queries.json (hoodd), tuning2-queries.json (tuning2) and the odd ids of
        # paraphrase-queries.json (paodd), each its own file
    lotse evaluate --semantic --index /tmp/fu/x.sqlite /tmp/xq/xquad-tune.json --fusion-features xq.jsonl
    lotse evaluate --semantic --index /tmp/fu/x.sqlite J.json --fusion-features judged-on-x.jsonl     # out of scope
    lotse evaluate --semantic --index /tmp/fu/a.sqlite /tmp/xq/xquad-tune.json --fusion-features xq-on-a.jsonl
    python3 scripts/tune_fusion.py --help-center judged.jsonl hoodd.jsonl tuning2.jsonl --paraphrase paodd.jsonl \
        --xquad xq.jsonl --negative judged-on-x.jsonl xq-on-a.jsonl

Each fusion grid point re-ranks every query as SemanticRanking.fuse does (normalised lexical score and cosine above
a floor, the semantic weight shrinking as the best lexical score grows); each veto point then answers or stays
silent as AnswerDecision does: the lexical decision (LEXICAL_RULE), vetoed where the lexical score is below `weak`
and the cosine of the fused first below `veto` (or below a second bar where the best article matches a share of the
query only through corrections of misspelt words: MISSPELT). A query's ranking and decision depend only on its mode's parameters
(evidence.draft: a ticket draft, or search-box text with many concepts), so every file's measures are the sums of
its two modes' counts: each mode's grid is measured alone, its points dominated in every file's counts dropped,
and the two modes' remaining points combined, exactly.
Kept: points where no help-center file loses against lexical-only with its answer decision in Recall@1, @3, @10
or MRR@10, no xquad file (--xquad takes several: the typo'd and umlaut-less copies of spelling_variants.py, too)
loses Recall@1 or Recall@10, the paraphrases gain >= 10 points Recall@1, and at most
--max-out-of-scope of each help-center file's "none" queries are answered (files named by --lenient: no more than
lexical-only answers; issue 17's goal of at most 2 of 10 is stated for judged-queries.json and heldout-queries.json). Ranked by the help-center files' gains
(the four measures) + half the paraphrases' − half the out-of-scope rates (their "none" queries, and the
negative files' queries). `--current-fusion` grids the decision alone at CURRENT's fusions; `--no-more-out-of-scope`
keeps only points that answer no help-center file's "none" queries more often than CURRENT. `--report FILE… --point POINT`
prints lexical-only against one point on other dumps (the held-out parts: measured once a point is chosen, never
tuned on); POINT is "{'short': (FUSION, WEAK, VETO[, MISSPELT, MISSPELT_BAR[, ALONE]]), 'draft': (…)}", FUSION ("norm",
weight, floor, confidence) or ("standout", weight, floor, confidence, margin[, agreement rank, disagreement factor]).
"""
import argparse
import itertools
import json
import os

POOL = 30
LEXICAL_RULE = (0.21, 0.015, 0.025)  # wordCoverage, score (search box), score (drafts): tune_answers.py
# Drafts, hybrid: the draft bar where the lexical and the semantic ranking agree, each one's first among the other's
# first AGREEMENT[0] (SemanticRanking.agreementDepth, AnswerDecision.agreedDraftScore); --agreement sets it.
AGREEMENT = (3, 0.01)
MODES = ("short", "draft")
FUSIONS = ([("norm", w, floor, confidence) for w in (0.3, 0.4, 0.5, 0.6, 0.7) for floor in (0.0, 0.1, 0.2, 0.3)
            for confidence in (0.6, 1.0, 2.0, 4.0)]
           + [("standout", w, floor, confidence, margin) for w in (0.6, 0.7, 0.8, 0.9) for floor in (0.0, 0.1)
              for confidence in (1.0, 2.0, 4.0) for margin in (0.1, 0.2, 0.3)])
# The veto: (weak, bar, misspelt, misspelt bar): vetoed below score `weak` where the fused first's cosine is below
# `bar`, or below `misspelt bar` where the best article matches at least `misspelt` of the query's weight only through
# corrections of misspelt words (evidence.misspeltCoverage; AnswerDecision.misspeltShare, -9: no veto).
MISSPELT = [(9, -9)] + [(share, bar) for share in (0.2, 0.3, 0.4, 0.5) for bar in (-9, 0, 0.025, 0.04, 0.05)]
# Answered by meaning alone (AnswerDecision.semanticAnswerSimilarity): a query the lexical decision does not answer
# whose fused first has at least this cosine (9: never).
ALONE = (9, 0.3, 0.325, 0.35, 0.4, 0.45)
VETOES = [(weak, veto) + c + (alone,) for weak in (0.05, 0.1, 0.15, 0.2, 0.3) for veto in (-9, 0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2)
          for c in MISSPELT for alone in ALONE]
# AnswerDecision's point (its fusion: FusionParameters).
CURRENT = {"short": (("standout", 0.9, 0.0, 1.0, 0.2), 0.2, 0.075, 0.3, -9, 0.35),
           "draft": (("standout", 0.7, 0.1, 1.0, 0.2), 0.05, 0.15, 9, -9, 9)}
LEXICAL = ("lexical",)
NO_VETO = (0, -9, 9, -9, 9)


def load(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        features = row["features"] or {"lexical": {}, "lexicalOrder": [], "similarity": {}, "evidence": None}
        row.update(features)
        row.setdefault("evidence", None)
        similarity = row["similarity"]
        row["semanticOrder"] = sorted(similarity, key=lambda d: -similarity[d])[:POOL]
        # Without lexical evidence (answered by meaning alone or not at all) a ticket draft is in draft mode.
        evidence = row["evidence"]
        row["mode"] = "draft" if (evidence["draft"] if evidence else row["kind"] in ("draft", "drafttext")) else "short"
        rows.append(row)
    return rows


def ranking(row, fusion):
    """SemanticRanking.fuse: normalised lexical score and cosine above the floor, the semantic weight shrinking as
    the best lexical score grows; "standout" also scales it by how far the best cosine stands above the mean cosine of
    the candidates (up to `margin`): a query whose meaning picks out no candidate keeps its lexical ranking; and by a
    factor where the article closest in meaning is not among the lexical first few (the two disagree on the topic)."""
    lexical, similarity, order = row["lexical"], row["similarity"], row["lexicalOrder"]
    if fusion == LEXICAL or not similarity:
        return order
    form, weight, floor, confidence = fusion[:4]
    pool = set(order[:POOL]) | set(row["semanticOrder"])
    best = lexical[order[0]] if order else 0
    w = weight * (1 - min(1, best / confidence)) if best > 0 else 1
    best_similarity = max(similarity[d] for d in pool)
    if form == "standout":
        w *= min(1, max(0, best_similarity - sum(similarity[d] for d in pool) / len(pool)) / fusion[4])
    if len(fusion) > 5 and best > 0:
        # (…, agreement rank, disagreement factor): the semantic first not among the lexical first `rank`
        first = min(pool, key=lambda d: (-similarity[d], d))
        if first not in order[:fusion[5]]:
            w *= fusion[6]

    def score(d):
        lexical_part = lexical.get(d, 0) / best if best > 0 else 0
        semantic_part = max(similarity[d] - floor, 0) / (best_similarity - floor) if best_similarity > floor else 0
        return (1 - w) * lexical_part + w * semantic_part
    return sorted(pool, key=lambda d: (-score(d), d))


def agrees(row):
    """SemanticRanking.fuse's agreement: the lexical first among the semantic first few and the other way round."""
    lexical, semantic, depth = row["lexicalOrder"], row["semanticOrder"], AGREEMENT[0]
    return bool(lexical and semantic) and lexical[0] in semantic[:depth] and semantic[0] in lexical[:depth]


def answers_lexically(evidence, agreement=False):
    """AnswerDecision.answersLexically (`agreement`: hybrid, the two rankings agree)."""
    coverage, minimum, minimum_draft = LEXICAL_RULE
    if evidence is None:
        return False
    if evidence["draft"]:
        return evidence["score"] >= (AGREEMENT[1] if agreement else minimum_draft)
    return evidence["wordCoverage"] >= coverage and evidence["score"] >= minimum


def outcomes(rows, fusion, negative=False):
    """Per query: (mode, rank of the first right article in the top 10 or None, answered lexically, lexical score,
    cosine of the fused first or None, out of scope, share matched only through corrections of misspelt words)."""
    result = []
    for row in rows:
        ranked = ranking(row, fusion)
        relevant = [] if negative else row["relevant"]
        rank = next((i + 1 for i, d in enumerate(ranked[:10]) if d in relevant), None)
        cosine = row["similarity"][ranked[0]] if ranked and row["similarity"] else None
        evidence = row["evidence"]
        agreement = fusion != LEXICAL and bool(row["similarity"]) and agrees(row)
        result.append((row["mode"], rank, bool(ranked) and answers_lexically(evidence, agreement), evidence["score"] if evidence else 0,
                       cosine, not relevant, evidence.get("misspeltCoverage", 0) if evidence else 0))
    return result


def counts(outcome, mode, veto):
    """AnswerDecision.answers over one mode's queries: [found at 1, at 3, at 10, reciprocal ranks, answerable,
    out of scope answered, out of scope]."""
    weak, bar, misspelt_share, misspelt_bar, alone = veto
    total = [0, 0, 0, 0.0, 0, 0, 0]
    for query_mode, rank, lexically, score, cosine, out_of_scope, misspelt in outcome:
        if query_mode != mode:
            continue
        minimum = misspelt_bar if misspelt >= misspelt_share else bar
        answered = (lexically and (cosine is None or score >= weak or cosine >= minimum)
                    or not lexically and cosine is not None and cosine >= alone)
        if out_of_scope:
            total[5] += answered
            total[6] += 1
            continue
        total[4] += 1
        if answered and rank:
            total[0] += rank == 1
            total[1] += rank <= 3
            total[2] += 1
            total[3] += 1 / rank
    return total


def measures(parts):
    """Recall@1, @3, @10, MRR@10, out of scope answered, out of scope: from the modes' summed counts."""
    total = [sum(part[i] for part in parts) for i in range(7)]
    return tuple(x / max(1, total[4]) for x in total[:4]) + (total[5], total[6])


def show(result):
    return " / ".join(f"{x:.3f}" for x in result[:4]) + (f", out of scope {result[4]} of {result[5]}" if result[5] else "")


def name(path):
    return os.path.basename(path).removesuffix(".jsonl")


def dominated(points, key):
    """The points no other point matches or beats in every entry of key(point)."""
    vectors = {}
    for point in points:
        vectors.setdefault(tuple(key(point)), point)
    items = list(vectors.items())
    return [point for vector, point in items
            if not any(other != vector and all(a >= b for a, b in zip(other, vector)) for other, _ in items)]


def veto(point):
    """The decision of a point (FUSION, WEAK, VETO[, MISSPELT, MISSPELT_BAR[, ALONE]]): older points ignore
    misspellings and answer nothing by meaning alone."""
    return tuple(point[1:]) + NO_VETO[len(point) - 1:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--help-center", nargs="+", required=True)
    parser.add_argument("--paraphrase", nargs="+", default=[])
    parser.add_argument("--xquad", nargs="+", required=True)
    parser.add_argument("--negative", nargs="+", default=[])
    parser.add_argument("--max-out-of-scope", type=float, default=0.2, help="share of a file's none queries answered")
    parser.add_argument("--lenient", nargs="+", default=[], help="help-center files whose out-of-scope cap is lexical-only's")
    parser.add_argument("--report", nargs="+", default=[], help="dumps to measure the chosen point on (held-out parts)")
    parser.add_argument("--point", help="per mode (fusion, weak, veto), for --report")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--agreement", help="DEPTH,BAR: the drafts' agreement rule (DEPTH 0: none)")
    parser.add_argument("--current-fusion", action="store_true", help="grid the decision only, at the CURRENT fusions")
    parser.add_argument("--no-more-out-of-scope", action="store_true",
                        help="no help-center file's none queries answered more often than at the CURRENT point")
    args = parser.parse_args()
    if args.agreement:
        global AGREEMENT
        depth, bar = args.agreement.split(",")
        AGREEMENT = (int(depth), float(bar))
    if args.report:
        point = eval(args.point)
        for path in args.report:
            rows = load(path)
            lexical = measures([counts(outcomes(rows, LEXICAL), mode, NO_VETO) for mode in MODES])
            hybrid = measures([counts(outcomes(rows, point[mode][0]), mode, veto(point[mode])) for mode in MODES])
            print(f"{path}: lexical {show(lexical)}\n{' ' * len(path)}  hybrid  {show(hybrid)}")
        return
    files = {p: (load(p), False) for p in args.help_center + args.paraphrase + args.xquad}
    files.update({p: (load(p), True) for p in args.negative})
    lexical_outcomes = {p: outcomes(rows, LEXICAL, negative) for p, (rows, negative) in files.items()}
    lexical = {p: [counts(lexical_outcomes[p], mode, NO_VETO) for mode in MODES] for p in files}
    print("lexical-only with its answer decision:")
    for p in files:
        print(f"    {name(p)}: {show(measures(lexical[p]))}")
    # Per mode: every (fusion, veto) point's counts per file, then the points no other one beats in every file.
    current = {p: measures([counts(outcomes(rows, CURRENT[mode][0], negative), mode, veto(CURRENT[mode])) for mode in MODES])
               for p, (rows, negative) in files.items()}
    points = {mode: [] for mode in MODES}
    for fusion in (sorted({CURRENT[mode][0] for mode in MODES}) if args.current_fusion else FUSIONS):
        outcome = {p: outcomes(rows, fusion, negative) for p, (rows, negative) in files.items()}
        for mode in MODES:
            points[mode] += [((fusion,) + veto, {p: counts(outcome[p], mode, veto) for p in files}) for veto in VETOES]
    candidates = {}
    for index, mode in enumerate(MODES):

        def key(point):
            found = [point[1][p][i] - lexical[p][index][i] for p in files if p not in args.negative for i in range(4)]
            return found + [-point[1][p][5] for p in files]
        candidates[mode] = dominated(points[mode], key)
    results = []
    for combination in itertools.product(*(candidates[mode] for mode in MODES)):
        result = {p: measures([point[1][p] for point in combination]) for p in files}
        base = {p: measures(lexical[p]) for p in files}
        gains = {p: [result[p][i] - base[p][i] for i in range(4)] for p in files}
        if (min(min(gains[p]) for p in args.help_center) < -1e-9
                or any(gains[p][0] < -1e-9 or gains[p][2] < -1e-9 for p in args.xquad)
                or any(gains[p][0] < 0.1 - 1e-9 for p in args.paraphrase)
                or (args.no_more_out_of_scope and any(result[p][4] > current[p][4] for p in args.help_center))
                or any(result[p][4] > args.max_out_of_scope * result[p][5] for p in args.help_center if p not in args.lenient)
                or any(result[p][4] > base[p][4] for p in args.lenient)):
            continue
        answered_none = sum(result[p][4] for p in args.help_center) / max(1, sum(result[p][5] for p in args.help_center))
        answered_negative = sum(result[p][4] / max(1, result[p][5]) for p in args.negative) / max(1, len(args.negative))
        objective = (sum(sum(gains[p]) for p in args.help_center) + 0.5 * sum(sum(gains[p]) for p in args.paraphrase)
                     - 0.5 * answered_none - 0.5 * answered_negative)
        point = {mode: p[0] for mode, p in zip(MODES, combination)}
        results.append((objective, point, result))
    results.sort(key=lambda r: -r[0])
    for objective, point, result in results[:args.top]:
        print(f"{objective:.3f} " + "; ".join(f"{mode}: fusion={p[0]} weak/veto/misspelt/bar/alone={p[1:]}" for mode, p in point.items()))
        for p, r in result.items():
            print(f"    {name(p)}: {show(r)}")


if __name__ == "__main__":
    main()
