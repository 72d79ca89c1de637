#!/usr/bin/env python3
"""The format check of `make check` (part of `make test`), configured by `.swift-format`:

- no line of a tracked Swift file is longer than its `lineLength` (characters);
- no trailing whitespace;
- `swift-format lint` finds nothing for the rules `.swift-format` enables.

swift-format's own layout diagnostics (Indentation, AddLines, RemoveLine, Spacing, and LineLength, which it
also reports for short lines it would lay out differently) cannot be switched off in its configuration, and the
tree was not written in its layout; so only the categories above fail the check. To shorten a long line with
the formatter, format just that line's byte range: `swift format -i --offsets START:END FILE`.
Exits 1 and names each problem as FILE:LINE.
"""
import json
import os
import re
import subprocess
import sys

DIAGNOSTIC = re.compile(r"^(?P<place>[^:]+:\d+):\d+: (?:warning|error): \[(?P<rule>\w+)\] (?P<message>.*)$")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.chdir(root)
    configuration = json.load(open(".swift-format", encoding="utf-8"))
    limit = configuration["lineLength"]
    enabled = {rule for rule, on in configuration["rules"].items() if on}
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "*.swift"], check=True,
                           capture_output=True, text=True).stdout.split()
    files = [name for name in files if os.path.exists(name)]
    problems = []
    for name in files:
        with open(name, encoding="utf-8") as file:
            for number, line in enumerate(file, 1):
                text = line.rstrip("\n")
                if len(text) > limit:
                    problems.append(f"{name}:{number}: {len(text)} characters, over the {limit} of .swift-format")
                if text != text.rstrip():
                    problems.append(f"{name}:{number}: trailing whitespace")
    lint = subprocess.run(["swift-format", "lint", "--configuration", ".swift-format", "--parallel", *files],
                          capture_output=True, text=True)
    for line in (lint.stdout + lint.stderr).splitlines():
        match = DIAGNOSTIC.match(line)
        if match and match["rule"] in enabled:
            problems.append(f"{match['place']}: [{match['rule']}] {match['message']}")
        elif not match and line.strip():
            problems.append(f"swift-format: {line}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check-format: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-format: {len(files)} files, lines within {limit} characters, {len(enabled)} swift-format rules clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
