#!/usr/bin/env python3
"""Writes the traffic stream of the benchmarks: distinct typed search queries and distinct ticket drafts.

    python3 Benchmarks/load/make_traffic.py            # writes Benchmarks/traffic/queries.txt and drafts.jsonl
    python3 Benchmarks/load/make_traffic.py --check    # exit 1 if the committed files are out of date
    python3 Benchmarks/load/make_traffic.py --xquad DIR --drafts N --output-dir DIR

Inputs: the 1,190 XQuAD-de questions and 240 paragraphs (`--xquad`, default $LOTSE_XQUAD or
../shared/eval/xquad_de beside the repository; CC BY-SA 4.0, see Benchmarks/traffic/README.md) and the judged
queries of Tests/LotseSearchTests/Fixtures/judged-queries.json.

queries.txt (one query a line, UTF-8): every question and judged query as a customer types it into the search
box: the prefixes cut every 3 characters and at every word end (trailing spaces dropped, at least 2
characters), the whole query last, without duplicates (a prefix already in the stream is not repeated, so the
stream has no two equal lines). Questions are in a fixed shuffled order (seed 14), each one's prefixes in
typing order, so a slice of the stream is a sequence of customers typing.

drafts.jsonl (one JSON object a line, {"subject", "description"}): `--drafts` ticket drafts of about 300 words:
greeting, a sentence naming the topic, the sentences of one paragraph, then of a second paragraph (a different
one for every draft number) and if needed of the one after it, until 300 words, a second question, sign-off, name and a customer number; the
subject is one of the paragraph's questions. All bodies are distinct.

Deterministic: the same inputs give byte-identical files.
"""
import argparse
import json
import pathlib
import random
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
JUDGED = ROOT / "Tests" / "LotseSearchTests" / "Fixtures" / "judged-queries.json"
OUTPUT_DIR = ROOT / "Benchmarks" / "traffic"
DEFAULT_XQUAD = ROOT.parent / "shared" / "eval" / "xquad_de"
DRAFT_WORDS = 300

GREETINGS = ["Hallo Support-Team,", "Sehr geehrte Damen und Herren,", "Guten Tag,", "Liebes Lindenhost-Team,", "Hallo,",
             "Guten Morgen,", "Hallo zusammen,"]
OPENERS = ["ich habe eine Frage zu {t}.", "ich komme bei {t} nicht weiter.", "mir ist bei {t} etwas unklar.",
           "es geht um {t}.", "ich brauche Hilfe bei {t}."]
BRIDGES = ["Dazu habe ich Folgendes gelesen:", "In der Beschreibung steht:", "Hier der Text, um den es geht:",
           "Zur Einordnung:", "Das habe ich bisher gefunden:"]
SECOND = ["Außerdem frage ich mich:", "Und noch eine Frage:", "Zusätzlich wüsste ich gern:", "Dann noch:"]
SIGN_OFFS = ["Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "Danke im Voraus und viele Grüße", "Gruß"]
NAMES = ["Anna Schneider", "Jürgen Weiß", "Mehmet Yılmaz", "Sabine Köhler", "Thomas Müller", "Lea Hoffmann",
         "Jan Becker", "Fatma Demir", "Olga Nowak", "Peter Schulz", "Marie Fischer"]


def normalize(text: str) -> str:
    return " ".join(text.split())


def typed_prefixes(query: str):
    """The prefixes of `query` as typed: every 3 characters and at each word end; the whole query last."""
    cuts = set(range(3, len(query), 3))
    cuts.update(match.end() for match in re.finditer(r"\S+", query))
    cuts.add(len(query))
    for cut in sorted(cuts):
        prefix = query[:cut].rstrip()
        if len(prefix) >= 2:
            yield prefix


def read_jsonl(path: pathlib.Path):
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def make_queries(questions, judged):
    order = list(questions)
    random.Random(14).shuffle(order)
    stream, seen = [], set()
    for query in order + judged:
        for prefix in typed_prefixes(query):
            if prefix not in seen:
                seen.add(prefix)
                stream.append(prefix)
    return stream


def sentences(text: str):
    return [s for s in re.split(r"(?<=[.!?])\s+", normalize(text)) if s]


def make_drafts(docs, questions_by_doc, count: int):
    drafts, seen = [], set()
    n_docs = len(docs)
    for number in range(count):
        main = number % n_docs
        round_ = number // n_docs
        # A different second paragraph per round: (main + 1 + 37 * round) mod n, never the main one.
        other = (main + 1 + 37 * round_) % n_docs
        if other == main:
            other = (other + 1) % n_docs
        doc, extra = docs[main], docs[other]
        questions = questions_by_doc.get(doc["id"]) or [doc["title"]]
        subject = questions[round_ % len(questions)]
        follow_up = questions[(round_ + 1) % len(questions)] if len(questions) > 1 else extra["title"] + "?"
        topic = re.sub(r"\s*\(\d+\)$", "", doc["title"])
        head = [GREETINGS[number % len(GREETINGS)], "", OPENERS[number % len(OPENERS)].format(t=topic)
                + " " + BRIDGES[number % len(BRIDGES)]]
        tail = ["", SECOND[number % len(SECOND)] + " " + follow_up, "",
                SIGN_OFFS[number % len(SIGN_OFFS)], NAMES[number % len(NAMES)],
                "Kundennummer " + str(100_000 + (number * 7_919) % 900_000)]
        budget = DRAFT_WORDS - len(subject.split()) - sum(len(line.split()) for line in head + tail)
        body = []
        third = docs[(other + 1) % n_docs] if (other + 1) % n_docs != main else docs[(other + 2) % n_docs]
        for sentence in sentences(doc["body"]) + sentences(extra["body"]) + sentences(third["body"]):
            words = sentence.split()
            if budget <= 0:
                break
            body.append(" ".join(words[:budget]))
            budget -= min(budget, len(words))
        description = "\n".join(head) + "\n\n" + " ".join(body) + "\n" + "\n".join(tail)
        key = (subject, description)
        if key in seen:
            sys.exit(f"draft {number} repeats an earlier one")
        seen.add(key)
        drafts.append({"subject": subject, "description": description})
    return drafts


def render(args):
    xquad = args.xquad
    questions = [normalize(q["query"]) for q in read_jsonl(xquad / "queries.jsonl")]
    docs = read_jsonl(xquad / "docs.jsonl")
    questions_by_doc = {}
    for q in read_jsonl(xquad / "queries.jsonl"):
        for doc_id in q["relevant"]:
            questions_by_doc.setdefault(doc_id, []).append(normalize(q["query"]))
    judged = [normalize(e["query"]) for e in json.loads(JUDGED.read_text(encoding="utf-8")) if "query" in e]
    queries = make_queries(questions, judged)
    drafts = make_drafts(docs, questions_by_doc, args.drafts)
    queries_text = "".join(q + "\n" for q in queries)
    drafts_text = "".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n" for d in drafts)
    stats = (f"{len(queries)} distinct queries from {len(questions)} questions and {len(judged)} judged queries; "
             f"{len(drafts)} distinct drafts of {min(len((d['subject'] + ' ' + d['description']).split()) for d in drafts)}–"
             f"{max(len((d['subject'] + ' ' + d['description']).split()) for d in drafts)} words")
    return {"queries.txt": queries_text, "drafts.jsonl": drafts_text}, stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    import os
    parser.add_argument("--xquad", type=pathlib.Path,
                        default=pathlib.Path(os.environ.get("LOTSE_XQUAD") or DEFAULT_XQUAD))
    parser.add_argument("--drafts", type=int, default=320)
    parser.add_argument("--output-dir", type=pathlib.Path, default=OUTPUT_DIR)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when an output would change")
    args = parser.parse_args()
    if not (args.xquad / "queries.jsonl").exists():
        sys.exit(f"{args.xquad}/queries.jsonl not found (--xquad or LOTSE_XQUAD)")
    files, stats = render(args)
    if args.check:
        stale = [name for name, text in files.items()
                 if not (args.output_dir / name).exists() or (args.output_dir / name).read_text(encoding="utf-8") != text]
        if stale:
            print(f"out of date: {', '.join(stale)}; run {pathlib.Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.output_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.output_dir / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.output_dir}: {stats}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
