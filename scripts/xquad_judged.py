#!/usr/bin/env python3
"""Writes ../shared/eval/xquad_de as Lotse judged-query files, split by paragraph into a tuning part
and a held-out part (odd paragraph numbers tune, even ones are held out and never tuned on).

    python3 scripts/xquad_judged.py OUT_DIR [--set ../shared/eval/xquad_de]

Writes OUT_DIR/xquad-tune.json, OUT_DIR/xquad-heldout.json and the same for the questions typed without
umlauts (xquad-folded-tune.json, xquad-folded-heldout.json), in the format of
Tests/LotseSearchTests/Fixtures/judged-queries.json (kind "xquad"), for `lotse evaluate`.
"""
import argparse
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def part(relevant):
    return "tune" if int(relevant[0].rsplit("-", 1)[1]) % 2 == 1 else "heldout"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--set", default=str(ROOT.parent / "shared" / "eval" / "xquad_de"))
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for source, prefix in (("queries.jsonl", "xquad"), ("queries_folded.jsonl", "xquad-folded")):
        parts = {"tune": [], "heldout": []}
        for line in (pathlib.Path(args.set) / source).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            parts[part(row["relevant"])].append(
                {"id": row["qid"], "kind": "xquad", "query": row["query"], "relevant": row["relevant"]})
        for name, queries in parts.items():
            (out / f"{prefix}-{name}.json").write_text(json.dumps(queries, ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"{prefix}-{name}.json: {len(queries)} queries")


if __name__ == "__main__":
    main()
