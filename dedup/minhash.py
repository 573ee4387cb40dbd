"""MinHash signatures for many shingle sets at once, in numpy.

Permutation `p` is the multiply-shift hash h_p(x) = ((a_p * x + b_p) mod 2**64) >> 32 over
32-bit shingle hashes x, with random 64-bit a_p (odd) and b_p: a strongly universal family, so
P[min h_p(A) == min h_p(B)] is Jaccard(A, B) up to 2**-32. Each permutation is applied to
every shingle of a chunk as one vector operation and reduced per text with `minimum.reduceat`,
instead of one Python call per shingle (datasketch's `update`). numpy releases the GIL in these
loops, so chunks run on threads, one per core.

The parameters come from a fixed seed: signatures are stored in the warehouse and compared with
signatures computed in later runs, so `SIGNATURE_VERSION` must change if this scheme changes.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from dedup.shingles import ShingleSets

SIGNATURE_VERSION = "mh1-multiply-shift-blake2b"
_SEED = 20_240_611
EMPTY = np.uint32(0xFFFFFFFF)  # signature value of a text without shingles
_CHUNK_SHINGLES = 1 << 20  # shingles per work unit: temporaries stay ~8 MB per thread


def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    top = np.iinfo(np.uint64).max
    a = rng.integers(0, top, size=num_perm, dtype=np.uint64, endpoint=True) | np.uint64(1)
    b = rng.integers(0, top, size=num_perm, dtype=np.uint64, endpoint=True)
    return a, b


def _chunks(offsets: np.ndarray, target: int) -> list[tuple[int, int]]:
    """Split texts into runs of about `target` shingles (a text is never split)."""
    bounds = [0]
    n = len(offsets) - 1
    while bounds[-1] < n:
        start = bounds[-1]
        stop = int(np.searchsorted(offsets, offsets[start] + target, side="right")) - 1
        bounds.append(min(n, max(stop, start + 1)))
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def minhash_signatures(sets: ShingleSets, num_perm: int, workers: int | None = None) -> np.ndarray:
    """One row of `num_perm` uint32 minima per text; texts without shingles get all `EMPTY`."""
    n = len(sets)
    signatures = np.full((n, num_perm), EMPTY, dtype=np.uint32)
    a, b = _permutations(num_perm)
    sizes = sets.sizes

    def work(span: tuple[int, int]) -> None:
        lo, hi = span
        filled = lo + np.flatnonzero(sizes[lo:hi] > 0)
        if filled.size == 0:
            return
        base = sets.offsets[lo]
        x = sets.hashes[base : sets.offsets[hi]].astype(np.uint64)
        starts = sets.offsets[filled] - base
        tmp = np.empty_like(x)
        out = np.empty((num_perm, filled.size), dtype=np.uint64)
        for p in range(num_perm):
            np.multiply(x, a[p], out=tmp)
            np.add(tmp, b[p], out=tmp)
            np.right_shift(tmp, np.uint64(32), out=tmp)
            np.minimum.reduceat(tmp, starts, out=out[p])
        signatures[filled] = out.T

    spans = _chunks(sets.offsets, _CHUNK_SHINGLES)
    workers = workers or min(4, os.cpu_count() or 1)
    if workers == 1 or len(spans) == 1:
        for span in spans:
            work(span)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(work, spans))
    return signatures
