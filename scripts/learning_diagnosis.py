"""Why a scored paraphrase's article is not first after learning (`learning_replay.py --diagnose`).

Per Recall@1 miss of the learned index: each query word's status for the wanted article and the article ranked
first, and one class for the miss. Words are compared the way the index roughly compares them: folded (case,
diacritics, ae/oe/ue) and stemmed with Snowball's German stemmer (Debian's libstemmer, as `lotse` uses it), stop
words read from the analyzer's own list; compound parts are not split, so a few matches are missed.

Word marks: A the wanted article's own text has it, Ln the wanted article learned it (n articles learned it), F:reason it is in the wanted
article's solved drafts but was not learned (personal piece, stop word, unknown to the articles and dictionaries,
capitalised dictionary word from one session, or beyond the 64-word cap), W the first article learned it.
An "outweighed" miss is "specific" when the wanted article learned a query word that fewer than a tenth of the learning
articles learned and the first article neither has nor learned; else "common only": what speaks for it is a word many
articles learned or one the first article matches as well, which a weight on learned words cannot tell apart.
"""
import collections
import ctypes
import json
import os
import re
import sqlite3
import subprocess
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The order of the classes is the order they are tested in: a miss gets the first that applies.
CLASSES = {
    "lost": "lexical-only had it first; learned words moved another article above it",
    "filtered": "a query word is in its drafts but was not learned",
    "outweighed": "it learned a query word, another article still ranks first",
    "not in log": "no query word is in its drafts (nor learned)",
}


def _stop_words():
    source = open(os.path.join(ROOT, "Sources", "LotseAnalysis", "Filters", "StopWords.swift"), encoding="utf-8").read()
    words = set()
    for name in ("german", "english"):
        block = re.search(name + r': Set<String> = Set\("""(.*?)"""', source, re.S).group(1)
        words |= set(block.replace("\\", " ").split())
    return words


STOP_WORDS = _stop_words()
_stemmer_library = ctypes.CDLL("libstemmer.so.0d")
_stemmer_library.sb_stemmer_new.restype = ctypes.c_void_p
_stemmer_library.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
_stemmer_library.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
_stemmer_library.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
_stemmer_library.sb_stemmer_length.argtypes = [ctypes.c_void_p]
_german = _stemmer_library.sb_stemmer_new(b"german", b"UTF_8")


def stem(word):
    if len(word) <= 2:
        return word
    data = word.encode()
    stemmed = _stemmer_library.sb_stemmer_stem(_german, data, len(data))
    return bytes(stemmed[:_stemmer_library.sb_stemmer_length(_german)]).decode()


def fold(word):
    """`Analyzer.fold`: case folding without diacritics, then ae/oe/ue → a/o/u (GermanNormalization's rule)."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = unicodedata.normalize("NFC", "".join(c for c in folded if not unicodedata.combining(c)))
    return re.sub(r"([aou])e", lambda m: m.group(1) if _is_umlaut(folded, m.start()) else m.group(0), folded)


def _is_umlaut(word, index):
    """GermanNormalization.isUmlautSpelling: "ue" not after a vowel or q, nor before "ll"; "oe" not before "ff"/"nz"."""
    if index == 0:
        return True
    previous, vowel, rest = word[index - 1], word[index], word[index + 2:]
    if previous in "aeiouy" or (vowel == "u" and (previous == "q" or rest.startswith("ll"))):
        return False
    return not (vowel == "o" and rest.startswith(("ff", "nz")))


def words(text):
    return [fold(word) for word in re.findall(r"[^\W_]+", text)]


def _draft_words(text):
    """(status, folded word) of each word of a solved draft, as `PrivacyFilter` sees it."""
    for piece in text.split():
        personal = any(c.isdigit() or c in "@/\\" or (p == "." and c.isalpha()) for p, c in zip(" " + piece, piece))
        for word in words(piece):
            if personal:
                yield "personal piece", word
            elif len(word) < 3 or not word.isalpha() or word in STOP_WORDS:
                yield "stop word", word
            else:
                yield "ok", word


def _rankings(lotse, index, judged, path):
    subprocess.run([lotse, "evaluate", "--index", index, judged, "--features", path], check=True, capture_output=True, cwd=ROOT)
    with open(path, encoding="utf-8") as file:
        return {line["id"]: line for line in map(json.loads, file)}


def _rank(line, article):
    return line["results"].index(article) + 1 if line["answered"] and article in line["results"] else None


def diagnose(lotse, lexical, learned, data, judged, directory):
    """(printable lines, Counter of classes and word marks) for the Recall@1 misses of `learned`."""
    before = _rankings(lotse, lexical, judged, os.path.join(directory, "lexical.jsonl"))
    after = _rankings(lotse, learned, judged, os.path.join(directory, "learned.jsonl"))
    index = sqlite3.connect(learned)
    corpus = {row[0] for row in index.execute("SELECT term FROM terms")}
    own = {}
    for article, *columns in index.execute("SELECT id, title, headings, tags, body FROM articles"):
        own[article] = {stem(word) for word in words(" ".join(columns))}
    learned_words = collections.defaultdict(set)
    # `learned_words`: one row per article, its words as lines `sessions weight word` (LearnedTable).
    for article, lines in index.execute("SELECT article_id, words FROM learned_words"):
        for line in lines.split("\n"):
            learned_words[article].add(stem(fold(line.split(" ", 2)[2])))
    # A word at least a tenth of the learning articles learned ("bekommen", "neu") tells them apart from nothing.
    learned_by = collections.Counter(word for article in learned_words for word in learned_words[article])
    common = max(2, len(learned_words) / 10)
    lowercase, capitalised = set(), set()
    if os.path.exists(learned + ".wordlists"):
        lines = open(learned + ".wordlists", encoding="utf-8").read().split("\n")
        split = lines.index("", 1)
        lowercase, capitalised = set(lines[1:split]), set(lines[split + 1:])
    drafts = collections.defaultdict(lambda: collections.defaultdict(set))
    for session, article, subject, description in sqlite3.connect(data).execute(
            "SELECT session, article_id, subject, description FROM deflections"):
        for status, word in _draft_words(f"{subject or ''} {description or ''}"):
            drafts[article][stem(word)].add((status, word, session))

    def why(article, stemmed):
        """Why a draft word of `article` was not learned."""
        uses = drafts[article][stemmed]
        statuses = {status for status, _, _ in uses}
        if "ok" not in statuses:
            return statuses.pop()
        word = next(word for status, word, _ in uses if status == "ok")
        sessions = len({session for _, _, session in uses})
        if word in corpus or word in lowercase or (word in capitalised and sessions >= 2):
            return "beyond the word cap"
        return "capitalised, 1 session" if word in capitalised else "unknown word"

    counts, lines = collections.Counter(), []
    queries = {query["id"]: query for query in json.load(open(judged, encoding="utf-8"))}
    for query_id, line in after.items():
        want = line["relevant"][0]
        rank, lexical_rank = _rank(line, want), _rank(before[query_id], want)
        counts["scored"] += 1
        if rank == 1:
            counts["first"] += 1
            continue
        first = line["results"][0] if line["results"] else None
        text = queries[query_id].get("query") or queries[query_id].get("subject", "")
        marks, found = [], collections.Counter()
        for word in dict.fromkeys(w for w in words(text) if w not in STOP_WORDS and len(w) >= 2):
            stemmed, mark = stem(word), []
            if stemmed in own[want]:
                mark.append("A")
            if stemmed in learned_words[want]:
                mark.append(f"L{learned_by[stemmed]}")
                found["learned"] += 1
                if learned_by[stemmed] < common and not (first and (stemmed in own[first] or stemmed in learned_words[first])):
                    found["specific"] += 1
            elif drafts[want].get(stemmed):
                reason = why(want, stemmed)
                mark.append("F:" + reason)
                found["filtered"] += 1
                counts["word filtered: " + reason] += 1
            if first and stemmed in learned_words[first]:
                mark.append("W")
                found["winner"] += 1
            marks.append(f"{word}[{','.join(mark) or '-'}]")
        kind = ("lost" if lexical_rank == 1 else "filtered" if found["filtered"] else "outweighed" if found["learned"] else "not in log")
        counts["miss: " + kind] += 1
        if kind == "outweighed":
            counts["outweighed, specific" if found["specific"] else "outweighed, common only"] += 1
        if found["winner"]:
            counts["first article learned a query word"] += 1
        lines.append(f"{query_id} {kind}: rank lexical {lexical_rank or '>10'} → learned {rank or '>10'}, first {first}, "
                     f"want {want}\n    {text[:100]}\n    {' '.join(marks)}")
    return lines, counts
