"""Near-duplicate detection over a batch of texts, end to end and without I/O.

texts -> normalized tokens -> word shingles -> MinHash -> loose LSH candidates -> exact
Jaccard + negation check -> complete-linkage clusters (`dedup.linkage`: a text joins a cluster
only if it is a near-duplicate of every member, its representative included; no chaining).
The batch's canonical order is the order of `texts`: the first text of a cluster is its
representative. `warehouse.clusters` runs the same steps incrementally against stored
signatures; the benchmark runs this module on a million texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dedup.arrays import sorted_unique
from dedup.linkage import complete_linkage
from dedup.lsh import BandPlan, band_keys, candidate_pairs, plan_bands
from dedup.minhash import minhash_signatures
from dedup.shingles import ShingleSets, shingle_sets
from dedup.tokens import mix64, tokenize
from dedup.verify import accept_pairs
from evidence.config import DedupSettings

_TEXTS_PER_CHUNK = 100_000  # bounds the temporaries of tokenizing and shingling


@dataclass(frozen=True)
class TextFeatures:
    """Everything the comparison needs per text, in text order."""

    shingles: ShingleSets
    negation: np.ndarray  # uint64 multiset hash of negation cues
    lengths: np.ndarray  # characters of the normalized text

    def __len__(self) -> int:
        return len(self.shingles)


def concat_features(*parts: TextFeatures) -> TextFeatures:
    """Features of several batches as one, texts in the order given."""
    sizes = np.concatenate([p.shingles.sizes for p in parts])
    offsets = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    return TextFeatures(
        shingles=ShingleSets(
            hashes=np.concatenate([p.shingles.hashes for p in parts]), offsets=offsets
        ),
        negation=np.concatenate([p.negation for p in parts]),
        lengths=np.concatenate([p.lengths for p in parts]),
    )


def text_features(texts: Sequence[str], shingle_size: int) -> TextFeatures:
    """Shingle sets, negation fingerprints and lengths, computed in chunks of texts."""
    parts = []
    for lo in range(0, max(len(texts), 1), _TEXTS_PER_CHUNK):
        tokens = tokenize(texts[lo : lo + _TEXTS_PER_CHUNK])
        parts.append(
            TextFeatures(shingle_sets(tokens, shingle_size), tokens.negation, tokens.lengths)
        )
    return concat_features(*parts)


def first_copies(features: TextFeatures) -> np.ndarray:
    """Per text, the first text with the same shingle set and negation cues (itself if none).

    Such texts have Jaccard 1 and the same answer against every other text, so clustering
    treats each group as one: a sentence repeated 10,000 times is not 10,000 members to check.
    """
    sets = features.shingles
    n = len(sets)
    mixed = mix64(sets.hashes.astype(np.uint64))
    fingerprint = np.zeros(n, dtype=np.uint64)
    filled = np.flatnonzero(sets.sizes > 0)
    if filled.size:
        fingerprint[filled] = np.add.reduceat(mixed, sets.offsets[filled])
    fingerprint = mix64(fingerprint ^ mix64(features.negation) ^ sets.sizes.astype(np.uint64))
    order = np.lexsort((np.arange(n), fingerprint))
    ordered = fingerprint[order]
    starts = np.ones(n, dtype=bool)
    if n:
        np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    first = order[np.flatnonzero(starts)[np.cumsum(starts) - 1]]
    out = np.empty(n, dtype=np.int64)
    out[order] = first
    return out


@dataclass(frozen=True)
class NearDuplicates:
    labels: np.ndarray  # per text: its cluster's representative, the cluster's smallest index
    pair_i: np.ndarray  # accepted pairs (i < j), each with Jaccard >= threshold
    pair_j: np.ndarray
    similarity: np.ndarray
    n_candidates: int
    plan: BandPlan


def find_near_duplicates(
    texts: Sequence[str], settings: DedupSettings, workers: int | None = None
) -> NearDuplicates:
    """Cluster `texts`, taken in canonical order (earlier first): every pair of texts inside a
    cluster is a verified near-duplicate pair (see `dedup.linkage`)."""
    features = text_features(texts, settings.shingle_size)
    signatures = minhash_signatures(features.shingles, settings.num_perm, workers)
    plan = plan_bands(settings.num_perm, settings.jaccard_threshold)
    keys = band_keys(signatures, plan)
    del signatures
    i, j = candidate_pairs(keys, usable=features.shingles.sizes > 0)
    del keys
    accepted, similarity = accept_pairs(
        features.shingles, features.negation, i, j, settings.jaccard_threshold
    )
    labels = _cluster(features, settings.jaccard_threshold, i, j, accepted, similarity)
    return NearDuplicates(
        labels=labels,
        pair_i=i[accepted],
        pair_j=j[accepted],
        similarity=similarity[accepted],
        n_candidates=len(i),
        plan=plan,
    )


def _cluster(
    features: TextFeatures,
    threshold: float,
    i: np.ndarray,
    j: np.ndarray,
    accepted: np.ndarray,
    similarity: np.ndarray,
) -> np.ndarray:
    """Complete linkage over the distinct shingle sets; copies follow their first text."""
    n = len(features)
    first = first_copies(features)
    if (first != np.arange(n)).any():
        # Candidate pairs move onto the first copies (deduplicated, self-pairs dropped) and are
        # verified again there: each answer must be that of the two first copies themselves.
        fi, fj = first[i], first[j]
        keep = fi != fj
        width = np.uint64(n)
        codes = sorted_unique(
            np.minimum(fi, fj)[keep].astype(np.uint64) * width
            + np.maximum(fi, fj)[keep].astype(np.uint64)
        )
        i, j = (codes // width).astype(np.int64), (codes % width).astype(np.int64)
        accepted, similarity = accept_pairs(features.shingles, features.negation, i, j, threshold)
    linkage = complete_linkage(
        features.shingles,
        features.negation,
        threshold,
        np.arange(n, dtype=np.int64),
        i,
        j,
        accepted,
        similarity,
    )
    return linkage.cluster[first]
