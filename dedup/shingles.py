"""Word shingles: overlapping runs of `size` tokens, hashed to 32 bits, as a set per text.

Two texts are near-duplicates when their shingle sets overlap (Jaccard) above the threshold.
A text shorter than `size` tokens has one shingle made of all its tokens, so short texts still
compare (equal short texts match, different ones do not). Shingle hashes are 32-bit because
MinHash's multiply-shift family is exactly universal on 32-bit keys; a collision between two
distinct shingles of a compared pair has odds around 1e-7 per pair.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedup.arrays import sorted_unique
from dedup.tokens import TokenStreams, mix64

_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd constant: position-dependent token mixing


@dataclass(frozen=True)
class ShingleSets:
    """Shingle hash sets back to back, each sorted and free of repeats."""

    hashes: np.ndarray  # uint32
    offsets: np.ndarray  # int64, len(texts) + 1

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @property
    def sizes(self) -> np.ndarray:
        return np.diff(self.offsets)

    def of(self, k: int) -> set[int]:
        """The shingle set of text `k`, for tests and debugging."""
        return set(self.hashes[self.offsets[k] : self.offsets[k + 1]].tolist())


def shingle_sets(tokens: TokenStreams, size: int) -> ShingleSets:
    """Hash every window of `size` tokens of every text; keep each text's distinct hashes."""
    if size < 1:
        raise ValueError("shingle size must be at least 1")
    n_texts = len(tokens)
    offsets = tokens.offsets
    n_tokens = int(offsets[-1])
    lengths = np.diff(offsets)
    owner = np.repeat(np.arange(n_texts, dtype=np.int64), lengths)
    position = np.arange(n_tokens, dtype=np.int64)
    end = offsets[1:][owner]
    short = lengths[owner] < size
    starts_window = (position + size <= end) | (short & (position == offsets[:-1][owner]))

    first = position[starts_window]
    window_owner = owner[starts_window]
    window_end = end[starts_window]
    padded = np.concatenate([tokens.hashes, np.zeros(size, dtype=np.uint64)])
    combined = np.zeros(first.size, dtype=np.uint64)
    for step in range(size):
        at = first + step
        token = np.where(at < window_end, padded[at], np.uint64(0))
        combined = combined * _MULTIPLIER + token
    shingle32 = mix64(combined) >> np.uint64(32)

    keyed = sorted_unique((window_owner.astype(np.uint64) << np.uint64(32)) | shingle32)
    text_of = (keyed >> np.uint64(32)).astype(np.int64)
    counts = np.bincount(text_of, minlength=n_texts)
    new_offsets = np.zeros(n_texts + 1, dtype=np.int64)
    np.cumsum(counts, out=new_offsets[1:])
    hashes = (keyed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return ShingleSets(hashes=hashes, offsets=new_offsets)
