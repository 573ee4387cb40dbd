"""LSH banding, set looser than the threshold, to find candidate pairs cheaply.

A signature is cut into `bands` bands of `rows` values; two texts are candidates when any band
is identical. The probability of that is 1 - (1 - s**rows)**bands for Jaccard s. A plan tuned
*at* the threshold (datasketch's MinHashLSH) misses many pairs just above it; here the plan is
chosen so that a pair exactly at the threshold is missed with probability <= `max_miss`, and
every candidate is then checked by exact Jaccard (see `verify`), which removes the extra false
candidates the loose plan lets in. Precision comes from verification, recall from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedup.arrays import sorted_unique
from dedup.tokens import mix64

_ROW_MULTIPLIER = np.uint64(0xC2B2AE3D27D4EB4F)


@dataclass(frozen=True)
class BandPlan:
    bands: int
    rows: int

    def candidate_probability(self, similarity: float) -> float:
        """Chance that a pair with this Jaccard shares at least one band."""
        return 1.0 - (1.0 - similarity**self.rows) ** self.bands


def plan_bands(num_perm: int, threshold: float, max_miss: float = 1e-3) -> BandPlan:
    """The most selective plan (most rows per band) that still misses a pair at the threshold
    with probability at most `max_miss`; 128 permutations at 0.8 give 25 bands of 5 rows."""
    best = BandPlan(bands=num_perm, rows=1)
    for rows in range(1, num_perm + 1):
        plan = BandPlan(bands=num_perm // rows, rows=rows)
        if 1.0 - plan.candidate_probability(threshold) <= max_miss:
            best = plan
    return best


def band_keys(signatures: np.ndarray, plan: BandPlan) -> np.ndarray:
    """(texts, bands) uint64: each band's rows hashed together, with the band number mixed in
    so that keys of different bands never meet in a shared index."""
    n = signatures.shape[0]
    keys = np.empty((n, plan.bands), dtype=np.uint64)
    for band in range(plan.bands):
        seed = ((band + 1) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        h = np.full(n, seed, dtype=np.uint64)
        for column in range(band * plan.rows, (band + 1) * plan.rows):
            h = (h ^ signatures[:, column].astype(np.uint64)) * _ROW_MULTIPLIER
        keys[:, band] = mix64(h)
    return keys


def bucket_pairs(keys: np.ndarray, max_span: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of rows sharing a value in `keys` (1-D), each pair once.

    Inside one bucket every member is paired with its next `max_span` members (in row order),
    so buckets up to `max_span + 1` members give all their pairs and a huge bucket (boilerplate
    repeated thousands of times) gives a connected chain instead of a quadratic blow-up.
    """
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts_run = np.empty(len(ordered), dtype=bool)
    if len(ordered):
        starts_run[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=starts_run[1:])
    run_id = np.cumsum(starts_run)
    left, right = [], []
    for step in range(1, max_span + 1):
        same = run_id[step:] == run_id[:-step]
        if not same.any():
            break
        at = np.flatnonzero(same)
        left.append(order[at])
        right.append(order[at + step])
    if not left:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    i = np.concatenate(left).astype(np.int64)
    j = np.concatenate(right).astype(np.int64)
    return np.minimum(i, j), np.maximum(i, j)


def candidate_pairs(
    keys: np.ndarray, usable: np.ndarray | None = None, max_span: int = 32
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs (i < j) of texts sharing any band; `usable` masks texts to leave out."""
    n = keys.shape[0]
    rows = np.arange(n, dtype=np.int64) if usable is None else np.flatnonzero(usable)
    codes = []
    for band in range(keys.shape[1]):
        i, j = bucket_pairs(keys[rows, band], max_span)
        codes.append(rows[i].astype(np.uint64) * np.uint64(n) + rows[j].astype(np.uint64))
    if not codes:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    unique = sorted_unique(np.concatenate(codes))
    return (unique // np.uint64(n)).astype(np.int64), (unique % np.uint64(n)).astype(np.int64)
