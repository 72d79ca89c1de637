#!/usr/bin/env python3
"""The architecture as a check (`make check`, part of `make test`):

1. every module a target imports is declared in Package.swift (also when another dependency brings it
   along, which is all SwiftPM's `--explicit-target-dependency-import-check` looks at for other packages);
2. the layers of ARCHITECTURE.md: each library target may depend only on the targets listed for it below,
   and only LotseServer (and tests) may import Hummingbird;
3. imports stand at the top of a file, before any code.

Reads the manifest through `swift package dump-package`. Exits 1 and names each problem.
"""
import json
import os
import re
import subprocess
import sys

# Modules of the toolchain and the system: never declared.
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Darwin", "Dispatch",
          "Synchronization", "Testing", "XCTest", "Swift", "_Concurrency", "_StringProcessing", "RegexBuilder"}

# Which of the package's own targets each production target may depend on (imports point one way).
LAYERS = {
    "CByteSearch": set(),
    "CICUShim": set(),
    "CMemoryRelease": set(),
    "CSentencePiece": set(),
    "CVectorKernels": set(),
    "LotseAnalysis": {"CICUShim", "CStemmer"},
    # The sentence encoder: nothing but its C shims (ARCHITECTURE.md); the index stores vectors, search fuses them.
    "LotseSemantic": {"COpenBLAS", "CVectorKernels"},
    "LotseIndex": {"LotseAnalysis", "LotseSemantic", "CLibXML2", "CCmarkGFM"},
    "LotseSearch": {"LotseAnalysis", "LotseIndex", "LotseSemantic"},
    "LotseEvaluation": {"LotseSearch"},
    "LotseTickets": set(),
    "LotseServer": {"CByteSearch", "CMemoryRelease", "LotseAnalysis", "LotseIndex", "LotseSearch", "LotseSemantic", "LotseTickets"},
    "LotseTestSupport": {"LotseAnalysis", "LotseIndex", "LotseSearch", "LotseSemantic"},
    "lotse": {"LotseAnalysis", "LotseEvaluation", "LotseIndex", "LotseSearch", "LotseSemantic", "LotseServer", "LotseTickets"},
}
# External modules that only the named production targets may import.
RESERVED = {"Hummingbird": {"LotseServer"}}

IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")
DIRECTIVE = re.compile(r"^\s*#(if|elseif|else|endif)\b")


def dependency_names(target):
    names = []
    for dependency in target["dependencies"]:
        for kind in ("byName", "product", "target"):
            if kind in dependency:
                names.append(dependency[kind][0])
    return names


def swift_files(directory):
    for root, _, files in os.walk(directory):
        for name in sorted(files):
            if name.endswith(".swift"):
                yield os.path.join(root, name)


def imports_of(path, problems):
    """The modules a file imports; an import after code is a problem."""
    modules = []
    seen_code = False
    in_comment = False
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            stripped = line.strip()
            if in_comment:
                in_comment = "*/" not in stripped
                continue
            if stripped.startswith("/*"):
                in_comment = "*/" not in stripped
                continue
            if not stripped or stripped.startswith("//") or DIRECTIVE.match(line):
                continue
            match = IMPORT.match(line)
            if match:
                modules.append(match.group(1))
                if seen_code:
                    problems.append(f"{path}:{number}: import {match.group(1)} after code; imports go at the top of the file")
            else:
                seen_code = True
    return modules


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    manifest = json.loads(subprocess.run(["swift", "package", "--package-path", root, "dump-package"],
                                         check=True, capture_output=True, text=True).stdout)
    own = {target["name"] for target in manifest["targets"]}
    problems = []
    for target in manifest["targets"]:
        name = target["name"]
        if target["type"] == "system":
            continue
        declared = set(dependency_names(target))
        is_test = target["type"] == "test"
        if not is_test and name in LAYERS:
            for dependency in sorted((declared & own) - LAYERS[name]):
                problems.append(f"Package.swift: {name} depends on {dependency}, against the layers (scripts/check-imports.py LAYERS)")
        elif not is_test:
            problems.append(f"Package.swift: new target {name}: add its allowed dependencies to LAYERS in scripts/check-imports.py")
        directory = os.path.join(root, target.get("path") or ("Tests" if is_test else "Sources"), "" if target.get("path") else name)
        for path in swift_files(directory):
            relative = os.path.relpath(path, root)
            for module in imports_of(path, problems):
                if module in SYSTEM or module == name:
                    continue
                if module not in declared:
                    problems.append(f"{relative}: import {module}, but {name} does not declare it in Package.swift")
                if not is_test and module in RESERVED and name not in RESERVED[module]:
                    problems.append(f"{relative}: import {module}; only {', '.join(sorted(RESERVED[module]))} may")
    # Paths in messages are relative to the repository.
    problems = [problem.replace(root + os.sep, "") for problem in problems]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check-imports: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-imports: {len(manifest['targets'])} targets, every import declared, layers kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
