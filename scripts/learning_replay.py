#!/usr/bin/env python3
"""Replays solved drafts through the real HTTP API and measures what the learned field gains (issue 18).

For each seed: starts `lotse serve` (Tests/system/lotse_server.py) on a throwaway index and ticket database,
POSTs one deflection per query of the training split to /api/v1/deflections (a session each, after the
suggest request the portal makes with the same draft), runs
`lotse index --data` on that database (the running server reloads the new index), and scores the scored split
with `lotse evaluate`, beside an index built `--no-learning` from the same articles (lexical-only).

Splits of the judged sets in Tests/LotseSearchTests/Fixtures/ (never tune on a held-out part):
  --part heldout  scores the paraphrase set's even ids; the log draws from every other judged query
                  (judged-queries.json, heldout-queries.json, the paraphrase set's odd ids).
  --part tuning   scores the paraphrase set's odd ids; the log draws from judged-queries.json and the odd ids of
                  heldout-queries.json only (the held-out parts stay out of tuning).
  --part tuning2, tuning3  score tuning2-queries.json (every kind) or tuning3-drafts.json (long ticket drafts)
                  against a log of the tuning queries above and the paraphrase set's odd ids.
  --part tuning-a, tuning-b  score the odd ids ≡ 1 (a) or ≡ 3 (b) mod 4; the log also draws from the other odd ids,
                  so it holds paraphrase-style drafts as the held-out part's log does (run both, average).
--log-share of the drawn queries (answerable ones, seeded shuffle) go into the log.

    python3 scripts/learning_replay.py --lotse .build/release/lotse --part tuning \\
        --weights 0.5,1,2,3,4 --min-dictionary-sessions 1,2,3 --seeds 1,2,3,4,5
    python3 scripts/learning_replay.py --lotse .build/release/lotse --part heldout --weights W --seeds 1,2,3,4,5
    python3 scripts/learning_replay.py --lotse .build/release/lotse --part heldout --semantic .lotse/model

`--semantic MODEL` builds every index with the sentence encoder's vectors (and, with learning, the learned
vectors) and scores each one twice: lexical (`lotse evaluate --no-semantic`) and hybrid (`lotse evaluate --model
MODEL`), so a semantic gain and a learning gain are told apart (hybrid without learning is the hybrid baseline).
Without it every command runs `--no-semantic` (semantic search is on by default wherever `lotse` finds a model).

`--diagnose` prints, per Recall@1 miss of the learned index (first --min-dictionary-sessions value, built-in weight),
why the paraphrase's article is not first: each query word's status for that article and the first one, and a class
per miss (scripts/learning_diagnosis.py), then the counts over the seeds.

    python3 scripts/learning_replay.py --lotse .build/release/lotse --part tuning --diagnose

`--baseline OTHER_LOTSE` also builds the learned index with another binary (main's) and scores it with that binary,
in the same run on the same log: old and new side by side.

`--noise SHARE` adds SHARE × the log's size deflections of help-desk filler (FILLER), each to a random article of
the pool: a noisy log, whose common words many articles learn.

`--keep DIR` saves each seed's ticket database (PART-SEED.sqlite) and scored split (PART-SEED.json), so an idea
can be studied with `lotse index --data DIR/tuning-1.sqlite` and `lotse evaluate … DIR/tuning-1.json --misses`
without replaying the log again.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "system"))
from lotse_server import LotseServer  # noqa: E402
from learning_diagnosis import CLASSES, diagnose  # noqa: E402

FIXTURES = os.path.join(ROOT, "Tests", "LotseSearchTests", "Fixtures")


def load(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as file:
        return json.load(file)


def number(query):
    return int(re.sub(r"\D", "", query["id"]))


def splits(part):
    """(scored queries, pool the log draws from)."""
    judged, heldout, paraphrases = load("judged-queries.json"), load("heldout-queries.json"), load("paraphrase-queries.json")
    odd = [q for q in paraphrases if number(q) % 2 == 1]
    even = [q for q in paraphrases if number(q) % 2 == 0]
    if part == "heldout":
        return even, judged + heldout + odd
    tuning = judged + [q for q in heldout if number(q) % 2 == 1]
    if part == "tuning":
        return odd, tuning
    if part in ("tuning2", "tuning3"):
        # Other tuning sets (tuning2: every kind of query, 130 answerable; tuning3: 80 long ticket drafts) scored
        # against a log of the tuning queries above.
        name = "tuning2-queries.json" if part == "tuning2" else "tuning3-drafts.json"
        return [q for q in load(name) if q["relevant"]], tuning + odd
    # tuning-a / tuning-b: half of the odd paraphrases scored, the other half in the pool, as the held-out part's
    # log holds the odd ones (the plain tuning log has no paraphrase-style drafts at all).
    remainder = 1 if part == "tuning-a" else 3
    return [q for q in odd if number(q) % 4 == remainder], tuning + [q for q in odd if number(q) % 4 != remainder]


def deflection(query, session):
    """What the portal posts when this customer says "Ja, Problem gelöst" on the query's first relevant article."""
    subject = query.get("subject", query.get("query", ""))
    return {"session": session, "articleId": query["relevant"][0], "subject": subject, "description": query.get("description", "")}


def send(server, path, body):
    request = urllib.request.Request(server.base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"},
                                     method="POST")
    return urllib.request.urlopen(request, timeout=30)


def post(server, body):
    """True when stored; False when refused with 422 for the article (a `ticket_only` topic, where the portal
    never offers "Ja, Problem gelöst", so no customer's words reach it). The customer's draft asks for suggestions
    first, as the portal does: learning counts only sessions the server saw search."""
    draft = {"session": body["session"], "subject": body["subject"][:200], "description": body["description"][:20_000]}
    if (draft["subject"] + draft["description"]).strip():
        send(server, "/api/v1/suggest", draft).close()
    try:
        with send(server, "/api/v1/deflections", body) as response:
            return response.status == 201
    except urllib.error.HTTPError as error:
        fields = json.loads(error.read()).get("error", {}).get("fields", {})
        if error.code == 422 and list(fields) == ["articleId"]:
            return False
        raise


def wait_for_query_log(data, sessions, timeout=30):
    """Until the server has written a suggest request of every stored deflection's session (a draft no article
    matched is held back for 5 s while its session may still be typing it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(f"file:{data}?mode=ro", uri=True) as database:
            written = database.execute("""SELECT COUNT(DISTINCT d.session) FROM deflections d
                                          WHERE EXISTS (SELECT 1 FROM query_log q WHERE q.session = d.session)""").fetchone()[0]
        if written >= sessions:
            return
        time.sleep(0.5)


# What a noisy log adds (--noise): drafts of nothing but help-desk filler, each solved by a random article, so the
# filler's words are learned by many articles; a word many articles learned says little about any of them.
FILLER = ["Hallo, ich habe ein Problem und brauche dringend Hilfe.", "Es funktioniert leider nicht mehr, was kann ich tun?",
          "Bitte um schnelle Rückmeldung, vielen Dank im Voraus.", "Ich komme einfach nicht weiter, können Sie mir helfen?",
          "Seit gestern geht gar nichts mehr, obwohl alles stimmt.", "Wie bekomme ich das wieder hin? Ich habe schon alles versucht.",
          "Das ist sehr wichtig für unsere Firma, bitte melden Sie sich.", "Ich verstehe nicht, was ich falsch mache.",
          "Leider klappt es immer noch nicht, ich bin ratlos.", "Können Sie mir sagen, wo ich das finde?"]


def noise(pool, count, seed):
    generator = random.Random(f"noise-{seed}")
    articles = sorted({q["relevant"][0] for q in pool if q["relevant"]})
    return [{"session": f"noise-{seed}-{index}", "articleId": generator.choice(articles), "subject": "",
             "description": " ".join(generator.sample(FILLER, 3))} for index in range(count)]


def run(arguments, **kwargs):
    return subprocess.run(arguments, check=True, capture_output=True, text=True, **kwargs).stdout


def recall_at_1(lotse, index, judged, weight=None, model=None):
    extra = ["--learned-weight", str(weight)] if weight is not None else []
    extra += ["--model", model] if model else ["--no-semantic"]
    output = run([lotse, "evaluate", "--index", index, judged, *extra], cwd=ROOT)
    match = re.search(r"^lotse\s+Recall@1 ([0-9.]+)\s+Recall@3 ([0-9.]+)", output, re.M)
    return float(match.group(1)), float(match.group(2))


def scores(lotse, index, judged, model, weight=None):
    """{mode: (R@1, R@3)}: lexical, and hybrid with a model."""
    found = {"lexical": recall_at_1(lotse, index, judged, weight)}
    if model:
        found["hybrid"] = recall_at_1(lotse, index, judged, weight, model)
    return found


def replay(lotse, part, share, seed, weights, dictionary_sessions, minimum_sessions, keep=None, model=None, diagnosis=None,
           baseline=None, noise_share=0.0):
    scored, pool = splits(part)
    answerable = [q for q in pool if q["relevant"]]
    random.Random(seed).shuffle(answerable)
    logged = answerable[:round(len(answerable) * share)]
    results = {}
    with LotseServer(lotse, "--rate-limit", "1000000", "--no-semantic") as server:
        stored = sum(post(server, deflection(query, f"replay-{seed}-{index}")) for index, query in enumerate(logged))
        stored += sum(post(server, body) for body in noise(pool, round(len(logged) * noise_share), seed))
        directory = server.directory
        wait_for_query_log(os.path.join(directory, "data.sqlite"), stored)
        judged = os.path.join(directory, "scored.json")
        with open(judged, "w", encoding="utf-8") as file:
            json.dump(scored, file, ensure_ascii=False)
        if keep:
            # The log and the scored split, to study one idea with `lotse index --data` without a server.
            os.makedirs(keep, exist_ok=True)
            # SQLite's backup, not a file copy: the running server's recent writes may still be in the WAL.
            with sqlite3.connect(os.path.join(directory, "data.sqlite")) as source, \
                    sqlite3.connect(os.path.join(keep, f"{part}-{seed}.sqlite")) as target:
                source.backup(target)
            shutil.copy(judged, os.path.join(keep, f"{part}-{seed}.json"))
        articles = os.path.join(ROOT, "articles")
        lexical = os.path.join(directory, "lexical.sqlite")
        semantic = ["--model", model] if model else ["--no-semantic"]
        run([lotse, "index", "--articles", articles, "--index", lexical, "--no-learning", *semantic], cwd=ROOT)
        results["lexical"] = scores(lotse, lexical, judged, model)
        for sessions in dictionary_sessions:
            learned = os.path.join(directory, f"learned-{sessions}.sqlite")
            run([lotse, "index", "--articles", articles, "--index", learned, "--data", os.path.join(directory, "data.sqlite"),
                 "--min-dictionary-sessions", str(sessions), "--min-sessions", str(minimum_sessions), *semantic], cwd=ROOT)
            for weight in weights:
                results[(sessions, weight)] = scores(lotse, learned, judged, model, weight)
            if baseline:
                # The same log through the other binary's build and ranking, in the same run.
                other = os.path.join(directory, f"baseline-{sessions}.sqlite")
                run([baseline, "index", "--articles", articles, "--index", other, "--data", os.path.join(directory, "data.sqlite"),
                     "--min-dictionary-sessions", str(sessions), "--min-sessions", str(minimum_sessions), *semantic], cwd=ROOT)
                results[("baseline", sessions)] = scores(baseline, other, judged, model)
            if diagnosis is not None and sessions == dictionary_sessions[0]:
                lines, counts = diagnose(lotse, lexical, learned, os.path.join(directory, "data.sqlite"), judged, directory)
                diagnosis["lines"] += [f"seed {seed} {line}" for line in lines]
                diagnosis["counts"].update(counts)
    return stored, len(scored), results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lotse", default=os.path.join(ROOT, ".build", "release", "lotse"))
    parser.add_argument("--part", choices=["tuning", "tuning-a", "tuning-b", "tuning2", "tuning3", "heldout"], default="heldout")
    parser.add_argument("--log-share", type=float, default=0.75)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--weights", default="", help="learned-field weights to score (default: the built-in one)")
    parser.add_argument("--min-dictionary-sessions", default="2")
    parser.add_argument("--min-sessions", type=int, default=1)
    parser.add_argument("--keep", help="directory to keep each seed's ticket database and scored split in")
    parser.add_argument("--semantic", metavar="MODEL", help="also score hybrid, with the sentence encoder in MODEL")
    parser.add_argument("--noise", type=float, default=0.0, help="add this share of filler deflections to random articles")
    parser.add_argument("--baseline", metavar="LOTSE", help="also build and score the learned index with this binary (old vs new)")
    parser.add_argument("--diagnose", action="store_true", help="print why each Recall@1 miss of the learned index misses")
    options = parser.parse_args()
    seeds = [int(s) for s in options.seeds.split(",")]
    weights = [float(w) for w in options.weights.split(",")] if options.weights else [None]
    dictionary_sessions = [int(s) for s in options.min_dictionary_sessions.split(",")]
    runs = []
    diagnosis = {"lines": [], "counts": collections.Counter()} if options.diagnose else None
    for seed in seeds:
        logged, scored, results = replay(options.lotse, options.part, options.log_share, seed, weights, dictionary_sessions,
                                         options.min_sessions, options.keep, options.semantic, diagnosis, options.baseline,
                                         options.noise)
        runs.append(results)
        print(f"seed {seed}: {logged} deflections stored (ticket-only articles refuse theirs), {scored} {options.part} queries scored; "
              f"lexical-only R@1 {results['lexical']['lexical'][0]:.3f}", flush=True)
    print(f"\n{options.part} queries, log share {options.log_share}, seeds {options.seeds}: mean Recall@1 (Recall@3)")
    lexical = statistics.mean(r["lexical"]["lexical"][0] for r in runs)
    for mode in (["lexical", "hybrid"] if options.semantic else ["lexical"]):
        base = statistics.mean(r["lexical"][mode][0] for r in runs)
        print(f"{mode}, no learning (--no-learning){'':<58} {base:.3f} ({statistics.mean(r['lexical'][mode][1] for r in runs):.3f})")
        for sessions in dictionary_sessions:
            for weight in weights:
                ones = [r[(sessions, weight)][mode][0] for r in runs]
                threes = [r[(sessions, weight)][mode][1] for r in runs]
                label = (f"{mode}, learned, weight {weight if weight is not None else 'default'}, every word from {options.min_sessions}, "
                         f"capitalised dictionary words from {sessions} sessions")
                print(f"{label:<90} {statistics.mean(ones):.3f} ({statistics.mean(threes):.3f})  "
                      f"range {min(ones):.3f}–{max(ones):.3f}  ×{statistics.mean(ones) / max(base, 1e-9):.2f} of {mode} without learning, "
                      f"×{statistics.mean(ones) / max(lexical, 1e-9):.2f} of lexical-only")
                if options.baseline:
                    ones = [r[("baseline", sessions)][mode][0] for r in runs]
                    threes = [r[("baseline", sessions)][mode][1] for r in runs]
                    label = f"{mode}, learned, --baseline {options.baseline}"
                    print(f"{label:<90} {statistics.mean(ones):.3f} ({statistics.mean(threes):.3f})  "
                          f"range {min(ones):.3f}–{max(ones):.3f}  ×{statistics.mean(ones) / max(base, 1e-9):.2f} of {mode} without learning, "
                          f"×{statistics.mean(ones) / max(lexical, 1e-9):.2f} of lexical-only")

    if diagnosis:
        print_diagnosis(diagnosis)


def print_diagnosis(diagnosis):
    print("\nRecall@1 misses of the learned index (marks: scripts/learning_diagnosis.py)")
    for line in diagnosis["lines"]:
        print(line)
    counts = diagnosis["counts"]
    misses = counts["scored"] - counts["first"]
    print(f"\n{counts['scored']} scored, {counts['first']} first, {misses} misses:")
    for kind, meaning in CLASSES.items():
        print(f"  {counts['miss: ' + kind]:4d} {kind}: {meaning}")
    for kind in ("specific", "common only"):
        print(f"  {counts['outweighed, ' + kind]:4d} of the outweighed: {kind} (scripts/learning_diagnosis.py)")
    print(f"  {counts['first article learned a query word']:4d} of the misses: the article ranked first learned a query word")
    for key in sorted(k for k in counts if k.startswith("word filtered: ")):
        print(f"  {counts[key]:4d} query words {key[5:]}")


if __name__ == "__main__":
    main()
