#!/usr/bin/env python3
"""What learning from a deflection log adds to a full `lotse index` build, for two binaries alternately (issue 18).

    python3 Benchmarks/load/learning_build.py OLD_BIN NEW_BIN ARTICLES DATA.sqlite [--pairs 4] [--scratch DIR]

DATA.sqlite comes from `Benchmarks/load/deflection_log.py`. Each round runs, per binary in turn (old first in odd
rounds, new first in even ones): `lotse index --full --no-semantic --no-learning`, then the same with `--data DATA`, each
into that binary's own index file under --scratch. CPU is user + sys of the child (wait4), so other processes'
load counts less than in wall time. Per binary: each round's extra CPU of the learning build over the
`--no-learning` one, in seconds and percent, then median and range over the rounds. A first build per binary (not
counted) writes its word-list cache beside the index and brings the files into the page cache.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def timed(command):
    """(CPU seconds user + sys, wall seconds) of one run; exits on failure."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    output, errors = process.stdout.read().decode(), process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output}{errors}")
    return usage.ru_utime + usage.ru_stime, wall, output.strip().splitlines()[-1]


def build(binary, articles, index, data):
    learning = ["--data", data] if data else ["--no-learning"]
    # Lexical-only, wherever it runs: in a checkout `.lotse/model` would add the vectors (~100 s a build).
    return timed([binary, "index", "--full", "--no-semantic", "--articles", articles, "--index", index] + learning)


def load():
    return os.getloadavg()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("articles")
    parser.add_argument("data")
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--scratch", default="/tmp/lotse-learning-build")
    options = parser.parse_args()
    os.makedirs(options.scratch, exist_ok=True)
    binaries = {"old": os.path.abspath(options.old), "new": os.path.abspath(options.new)}
    extra = {"old": [], "new": []}
    print(f"started {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, load {load():.1f}", flush=True)
    for name, binary in binaries.items():
        build(binary, options.articles, os.path.join(options.scratch, name + ".sqlite"), options.data)
    for round_number in range(options.pairs):
        order = ["old", "new"] if round_number % 2 == 0 else ["new", "old"]
        for name in order:
            index = os.path.join(options.scratch, name + ".sqlite")
            before = load()
            off, off_wall, _ = build(binaries[name], options.articles, index, None)
            on, on_wall, learned = build(binaries[name], options.articles, index, options.data)
            extra[name].append((off, on))
            print(f"round {round_number + 1} {name}: --no-learning {off:.2f} s CPU ({off_wall:.1f} s wall), --data {on:.2f} s CPU "
                  f"({on_wall:.1f} s wall): +{on - off:.2f} s (+{100 * (on - off) / off:.1f} %), load {before:.1f}-{load():.1f}; {learned}",
                  flush=True)
    print(f"finished {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, load {load():.1f}")
    for name in ("old", "new"):
        percents = [100 * (on - off) / off for off, on in extra[name]]
        seconds = [on - off for off, on in extra[name]]
        offs, ons = [off for off, _ in extra[name]], [on for _, on in extra[name]]
        print(f"{name} ({binaries[name]}): --no-learning median {statistics.median(offs):.2f} s, --data median "
              f"{statistics.median(ons):.2f} s; extra median "
              f"+{statistics.median(seconds):.2f} s (+{statistics.median(percents):.1f} %), range +{min(percents):.1f} to "
              f"+{max(percents):.1f} %")


if __name__ == "__main__":
    main()
