"""Texts to numeric token streams: the one Python-speed step of near-duplicate detection.

Each text is normalized with `normalize_text` (the same rules as `text_key`), split on spaces,
and every distinct token is hashed once with BLAKE2b, so token ids are stable across runs and
processes (Python's `hash` is salted per process and would break stored signatures). The
per-token work is done by Arrow and numpy, not in a Python loop over tokens.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dedup.negation import is_negation_cue
from dedup.normalize import normalize_text


@dataclass(frozen=True)
class TokenStreams:
    """All tokens of many texts back to back; text `k` owns `hashes[offsets[k]:offsets[k+1]]`."""

    hashes: np.ndarray  # uint64 token hashes
    offsets: np.ndarray  # int64, len(texts) + 1
    negation: np.ndarray  # uint64 per text: multiset hash of its negation cues, 0 when none
    lengths: np.ndarray  # int64 per text: characters of the normalized text

    def __len__(self) -> int:
        return len(self.offsets) - 1


def stable_hash64(token: str) -> int:
    """A 64-bit hash of a token that is the same in every process and on every machine."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def mix64(values: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer: spreads every input bit over the whole 64-bit output."""
    z = values.astype(np.uint64, copy=True)
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


def tokenize(texts: Sequence[str]) -> TokenStreams:
    """Normalize and tokenize `texts` into hashed token streams with negation fingerprints."""
    normalized = [normalize_text(t) for t in texts]
    n = len(normalized)
    lengths = np.fromiter((len(t) for t in normalized), dtype=np.int64, count=n)
    # An empty string would split into one empty token; a null splits into no tokens at all.
    split = pc.utf8_split_whitespace(
        pa.array([t or None for t in normalized], type=pa.large_string())
    )
    offsets = split.offsets.to_numpy().astype(np.int64)
    encoded = pc.dictionary_encode(split.flatten())
    vocabulary = encoded.dictionary.to_pylist()
    vocab_hashes = np.fromiter(
        (stable_hash64(t) for t in vocabulary), dtype=np.uint64, count=len(vocabulary)
    )
    token_ids = encoded.indices.to_numpy(zero_copy_only=False)
    hashes = vocab_hashes[token_ids]

    negation = np.zeros(n, dtype=np.uint64)
    cue_vocab = np.fromiter((is_negation_cue(t) for t in vocabulary), dtype=bool)
    if cue_vocab.any():
        cue_tokens = np.flatnonzero(cue_vocab[token_ids])
        if cue_tokens.size:
            owner = np.searchsorted(offsets, cue_tokens, side="right") - 1
            # A sum of mixed hashes is a multiset hash: order-free, counts repeated cues.
            np.add.at(negation, owner, mix64(hashes[cue_tokens]))
    return TokenStreams(hashes=hashes, offsets=offsets, negation=negation, lengths=lengths)
