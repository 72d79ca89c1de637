#!/usr/bin/env python3
"""NUL-separated texts for compare.sh: the judged sets, articles, XQuAD-de questions and paragraphs, the traffic
drafts and 3,000 seeded hostile strings."""
import glob
import json
import os
import random
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
texts = []
xquad = os.path.join(root, "..", "shared", "eval", "xquad_de")
if os.path.isdir(xquad):
    texts += [json.loads(line)["query"] for line in open(os.path.join(xquad, "queries.jsonl"), encoding="utf-8")]
    for line in open(os.path.join(xquad, "docs.jsonl"), encoding="utf-8"):
        document = json.loads(line)
        texts.append(document.get("text", document.get("body", ""))[:3000])
for path in glob.glob(os.path.join(root, "Tests/LotseSearchTests/Fixtures/*-queries.json")):
    for query in json.load(open(path, encoding="utf-8")):
        texts += [query[key] for key in ("query", "subject", "description") if query.get(key)]
texts += [open(path, encoding="utf-8").read() for path in glob.glob(os.path.join(root, "articles/*.md"))]
for line in open(os.path.join(root, "Benchmarks/traffic/drafts.jsonl"), encoding="utf-8"):
    draft = json.loads(line)
    texts.append(draft.get("subject", "") + "\n" + draft.get("description", ""))
random.seed(7)
alphabet = list("aäoöuüßAÄÖÜ eE\t\n  \u3000\u00a0\u2028ﬁ①Ⅻ½ｶﾞ가é\u0301\u200b\ufeff😀🇩🇪中文日本語АБВ،؟x9-_.,!?'\"\\/<>&%$§")
texts += ["".join(random.choice(alphabet) for _ in range(random.randint(0, 60))) for _ in range(3000)]
sys.stdout.buffer.write(b"".join(text.replace("\0", "").encode("utf-8") + b"\0" for text in texts))
