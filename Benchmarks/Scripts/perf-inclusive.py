#!/usr/bin/env python3
"""Inclusive and self CPU shares per symbol from `perf script` output (dwarf call graphs).

    perf record -e cpu-clock -F 1000 --call-graph dwarf,32768 -o search.data /tmp/lotse-bench-nodebug search ...
    perf script -i search.data --no-demangle -F comm,tid,ip,sym,dso > search.script
    Scripts/perf-inclusive.py search.script [--min 1.0] [--under REGEX]

Every sample counts once per symbol on its stack (so recursion is not double-counted). With --under, only the
samples whose stack has a frame matching REGEX (mangled name) count, and only the frames it called; shares stay
relative to all samples. Unnamed libsqlite3 frames (the Debian build has no symbols for its static functions;
addresses between sqlite3Fts3Optimize and sqlite3Fts5Init are FTS5) are shown as ?ADDRESS. Names are
demangled with `swift demangle --simplified`.
"""
import argparse, collections, re, signal, subprocess

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head

parser = argparse.ArgumentParser()
parser.add_argument("script")
parser.add_argument("--min", type=float, default=1.0, help="smallest inclusive share to print, in percent")
parser.add_argument("--under", help="regex on mangled frame names: only what those frames called")
args = parser.parse_args()
under = re.compile(args.under) if args.under else None

inclusive, own = collections.Counter(), collections.Counter()
total = matched = 0
frames = []

def flush():
    global total, matched
    if not frames:
        return
    total += 1
    stack = frames
    if under:
        hits = [i for i, frame in enumerate(frames) if under.search(frame)]
        if not hits:
            return
        stack = frames[:max(hits)]
    matched += 1
    if stack:
        own[stack[0]] += 1
    for frame in set(stack):
        inclusive[frame] += 1

for line in open(args.script, errors="replace"):
    if not line.strip():
        flush()
        frames = []
        continue
    match = re.match(r"\s+([0-9a-f]+)\s+(.*?)\s+\((.*)\)\s*$", line)
    if match:
        symbol = match.group(2) if match.group(2) != "[unknown]" else "?" + match.group(1)
        frames.append(f"{symbol} [{match.group(3).split('/')[-1]}]")
flush()

names = [name for name, count in inclusive.most_common() if 100.0 * count / max(total, 1) >= args.min]
demangled = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names),
                           capture_output=True, text=True).stdout.split("\n")
print(f"{total} samples" + (f", {matched} ({100.0 * matched / max(total, 1):.1f} %) under {args.under}" if under else ""))
print("  incl    self  symbol")
for name, readable in zip(names, demangled):
    print(f"{100.0 * inclusive[name] / total:6.2f}% {100.0 * own[name] / total:6.2f}%  {readable[:200]}")
