"""Dictionary matching over token keys: leftmost-longest, non-overlapping, optional nesting."""

from __future__ import annotations

from dataclasses import dataclass

from text_processing.normalize import NUMBER_KEY
from text_processing.vocabulary import Vocabulary


@dataclass(slots=True)
class Match:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    hpo_id: str
    priority: int
    nested: bool = False


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _lookup(
    vocab: Vocabulary,
    keys: list[str],
    masked: list[str] | None,
    a: int,
    b: int,
    text: str,
    starts: list[int],
    ends: list[int],
) -> tuple[str, int] | None:
    key = tuple(keys[a:b])
    hit = vocab.terms.get(key)
    if hit is None and masked is not None:
        key = tuple(masked[a:b])
        hit = vocab.terms.get(key)
    if hit is None:
        return None
    surface = vocab.case_sensitive.get(key)
    if surface and _letters(text[starts[a] : ends[b - 1]]) != surface:
        return None  # "ASD" the abbreviation, not the letters "asd" in ordinary text
    return hit


def find_matches(
    vocab: Vocabulary,
    text: str,
    starts: list[int],
    ends: list[int],
    keys: list[str],
    limits: list[int],
    nested: bool = False,
) -> list[Match]:
    """Leftmost-longest matches; with `nested`, also every term inside each match."""
    n = len(keys)
    masked = None
    if any(k[:1].isdigit() for k in keys):
        masked = [NUMBER_KEY if k[:1].isdigit() else k for k in keys]
    max_len = vocab.max_len
    out: list[Match] = []
    i = 0
    while i < n:
        longest = max_len.get(keys[i], 0)
        if masked is not None and masked[i] == NUMBER_KEY:
            longest = max(longest, max_len.get(NUMBER_KEY, 0))
        found = None
        for length in range(min(longest, limits[i] - i), 0, -1):
            hit = _lookup(vocab, keys, masked, i, i + length, text, starts, ends)
            if hit is not None:
                found = Match(i, i + length, hit[0], hit[1])
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        if nested and found.last - found.first > 1:
            out.extend(_nested_in(vocab, keys, masked, found, text, starts, ends))
        i = found.last
    return out


def _nested_in(
    vocab: Vocabulary,
    keys: list[str],
    masked: list[str] | None,
    outer: Match,
    text: str,
    starts: list[int],
    ends: list[int],
) -> list[Match]:
    inner: list[Match] = []
    for a in range(outer.first, outer.last):
        for b in range(outer.last, a, -1):
            if (a, b) == (outer.first, outer.last):
                continue
            hit = _lookup(vocab, keys, masked, a, b, text, starts, ends)
            if hit is not None and hit[0] != outer.hpo_id:
                inner.append(Match(a, b, hit[0], hit[1], nested=True))
    return inner


_CONJUNCTIONS = frozenset({"and", "or", "and/or"})


def coordinated(
    vocab: Vocabulary, keys: list[str], limits: list[int], matches: list[Match]
) -> list[Match]:
    """Conjuncts sharing a head: 'palmar and plantar pits' also holds 'palmar pits'.

    Each found term spans from its own modifier to the shared head, the way gold corpora mark
    it ("branchial, otic and renal anomalies" is a branchial anomaly).
    """
    out: list[Match] = []
    for m in matches:
        if m.nested or m.last - m.first < 2:
            continue
        tail = tuple(keys[m.first + 1 : m.last])
        i = m.first - 1
        if i < 1 or keys[i] not in _CONJUNCTIONS:
            continue
        i -= 1
        while i >= 0:
            key = (keys[i], *tail)
            hit = vocab.terms.get(key)
            if hit is None or key in vocab.case_sensitive or limits[i] < m.first:
                break
            out.append(Match(i, m.last, hit[0], hit[1], nested=True))
            if i >= 1 and limits[i - 1] == i:  # "A, B and C x": a comma before this conjunct
                i -= 1
            else:
                break
    return out
