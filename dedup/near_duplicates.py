"""Near-duplicate detection over a batch of texts, end to end and without I/O.

texts -> normalized tokens -> word shingles -> MinHash -> loose LSH candidates -> exact
Jaccard + negation check -> union-find clusters. `warehouse.clusters` runs the same steps
incrementally against stored signatures; the benchmark runs this module on a million texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dedup.lsh import BandPlan, band_keys, candidate_pairs, plan_bands
from dedup.minhash import minhash_signatures
from dedup.shingles import ShingleSets, shingle_sets
from dedup.tokens import tokenize
from dedup.unionfind import components
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


@dataclass(frozen=True)
class NearDuplicates:
    labels: np.ndarray  # per text: smallest text index of its cluster
    pair_i: np.ndarray  # accepted pairs (i < j), each with Jaccard >= threshold
    pair_j: np.ndarray
    similarity: np.ndarray
    n_candidates: int
    plan: BandPlan


def find_near_duplicates(
    texts: Sequence[str], settings: DedupSettings, workers: int | None = None
) -> NearDuplicates:
    """Cluster `texts`: two texts share a cluster when a chain of accepted pairs links them."""
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
    labels = components(len(texts), i[accepted], j[accepted])
    return NearDuplicates(
        labels=labels,
        pair_i=i[accepted],
        pair_j=j[accepted],
        similarity=similarity[accepted],
        n_candidates=len(i),
        plan=plan,
    )
