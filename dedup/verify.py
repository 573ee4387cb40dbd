"""Exact checks of candidate pairs: Jaccard of shingle sets, and the negation guard.

Candidates from loose LSH include pairs below the threshold; computing the true Jaccard of each
one (vectorized: both sets of every pair tagged with the pair number, sorted, and adjacent equal
values counted) makes the accepted pairs exact, so precision does not depend on MinHash noise.
"""

from __future__ import annotations

import numpy as np

from dedup.shingles import ShingleSets

_PAIRS_PER_BATCH = 200_000


def _gather(sets: ShingleSets, texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Concatenated shingles of `texts` and, for each one, its position in `texts`."""
    starts = sets.offsets[texts]
    sizes = sets.offsets[texts + 1] - starts
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    first = np.repeat(starts - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    index = first + np.arange(int(sizes.sum()), dtype=np.int64)
    return sets.hashes[index], owner


def pair_jaccard(sets: ShingleSets, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Exact Jaccard similarity of the shingle sets of texts i[k] and j[k], for every k."""
    i = np.asarray(i, dtype=np.int64)
    j = np.asarray(j, dtype=np.int64)
    result = np.zeros(len(i), dtype=np.float64)
    sizes = sets.sizes
    for lo in range(0, len(i), _PAIRS_PER_BATCH):
        bi, bj = i[lo : lo + _PAIRS_PER_BATCH], j[lo : lo + _PAIRS_PER_BATCH]
        hashes_i, pair_i = _gather(sets, bi)
        hashes_j, pair_j = _gather(sets, bj)
        tagged = np.concatenate(
            [
                (pair_i.astype(np.uint64) << np.uint64(32)) | hashes_i.astype(np.uint64),
                (pair_j.astype(np.uint64) << np.uint64(32)) | hashes_j.astype(np.uint64),
            ]
        )
        tagged.sort()
        shared = tagged[1:][tagged[1:] == tagged[:-1]] >> np.uint64(32)
        inter = np.bincount(shared.astype(np.int64), minlength=len(bi))
        union = sizes[bi] + sizes[bj] - inter
        with np.errstate(invalid="ignore", divide="ignore"):
            result[lo : lo + len(bi)] = np.where(union > 0, inter / np.maximum(union, 1), 0.0)
    return result


def accept_pairs(
    sets: ShingleSets,
    negation: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    threshold: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Mask of pairs that are near-duplicates, and their Jaccard.

    A pair is accepted when Jaccard >= threshold and both texts carry the same negation cues;
    empty texts (no shingles) never match anything.
    """
    similarity = pair_jaccard(sets, i, j)
    same_negation = negation[i] == negation[j]
    return (similarity >= threshold) & same_negation, similarity
