#!/usr/bin/env bash
# Lotse's SentencePiece tokenizer (Sources/LotseSemantic/UnigramTokenizer.swift) against libsentencepiece, in one
# run: both built alone (-O / -O2), the same texts (texts.py), output compared id for id, then CPU time with
# `perf stat` for loading the model alone (no text) and for loading plus encoding every text.
#   Benchmarks/tokenizer/compare.sh [MODEL_DIR]   (default .lotse/model; needs g++, libsentencepiece-dev, perf)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
model="${1:-$root/.lotse/model}/sp.model"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
g++ -O2 -o "$work/library" "$here/library.cpp" $(pkg-config --cflags --libs sentencepiece)
swiftc -O -o "$work/swift" "$root/Sources/LotseSemantic/UnigramTokenizer.swift" "$root/Sources/LotseSemantic/ProtobufReader.swift" \
  "$here/errors.swift" "$here/main.swift"
python3 "$here/texts.py" > "$work/texts"
: > "$work/empty"
"$work/library" "$model" < "$work/texts" > "$work/library.ids"
"$work/swift" "$model" < "$work/texts" > "$work/swift.ids"
echo "texts: $(wc -l < "$work/library.ids"), $(wc -c < "$work/texts") bytes"
if cmp -s "$work/library.ids" "$work/swift.ids"; then echo "ids: identical"; else echo "ids: DIFFERENT"; exit 1; fi
for input in empty texts; do
  for tool in library swift; do
    printf '%-8s %-6s ' "$tool" "$input"
    perf stat -r 10 -x, -e task-clock sh -c "'$work/$tool' '$model' < '$work/$input' > /dev/null" 2>&1 | awk -F, '/task-clock/ {printf "%.1f ms CPU\n", $1}'
  done
done
