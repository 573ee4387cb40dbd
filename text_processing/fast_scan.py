"""Fast path for `normalize.tokenize` + `matcher.find_matches` (non-nested): same output.

The reference code (normalize.py, matcher.py) loops over every token in Python and tries every
term length up to the longest term that starts with that word. This module produces exactly the
same tokens and matches with the per-token work pushed into C: one `re.split` yields words and
separators (offsets by cumulative lengths), keys come from one `map`, punctuation breaks are
found by one regex over the text, and matching walks a table of term prefixes, so it stops as
soon as no term continues (usually after one or two lookups) instead of trying every length.

`tests/text_processing/test_fast_scan.py` asserts identical output on the gold sets and the
benchmark text; when the reference changes, that test says so. Rare inputs (a joining prefix
hyphen, "pre-auricular") go through the reference tokenizer itself.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress
from operator import itemgetter, not_, or_

from text_processing.matcher import Match
from text_processing.normalize import (
    _BREAK_CHARS,
    GAP_WORDS,
    JOINING_PREFIXES,
    NUMBER_KEY,
    TOKEN_RE,
    Lemmatizer,
    tokenize,
)
from text_processing.vocabulary import Vocabulary

try:  # the word loops compiled (setup.py); same output, see _scan.c
    from text_processing import _scan
except ImportError:  # no C compiler at install time: the Python loops below
    _scan = None

SPLIT_PATTERN = "(" + TOKEN_RE.pattern + ")"
_SPLIT_RE = re.compile(SPLIT_PATTERN)
# "pre-" as a whole word before a word: the only case where the reference joins two words.
# Over-matches on purpose, a hit only sends the text to the reference.
_HYPHEN_RE = re.compile(r"-(?=[^\W_])")
_PREFIX_END_RE = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(JOINING_PREFIXES)) + ")$", re.IGNORECASE
)
_BREAK_STRING = "".join(sorted(_BREAK_CHARS))
_DIGIT_RE = re.compile(r"\d")
_HEAD = itemgetter(slice(0, 1))  # k[:1]
_TERM, _PREFIX = 1, 2


class _KeyCache(dict):
    """word -> matching key; a dict lookup in C for every word seen before."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        super().__init__()
        self._key = lemmatizer.key

    def __missing__(self, word: str) -> str:
        k = self._key(word)
        if len(self) < 500_000:
            self[word] = k
        return k


def split_words(text: str) -> list[str]:
    """Separators and words alternating, separator first: one split shared by all stages."""
    return _SPLIT_RE.split(text)


if _scan is not None:
    split_words = _scan.split_words  # noqa: F811 - the same list, built without the regex engine


Tokens = tuple[list[int], list[int], list[str], list[int]]


class FastScanner:
    """Tokens and leftmost-longest matches for one vocabulary; build once per tagger."""

    def __init__(self, vocab: Vocabulary, lemmatizer: Lemmatizer) -> None:
        self.vocab = vocab
        self.lemmatizer = lemmatizer
        # tuple of keys -> _TERM if a term, | _PREFIX if some longer term starts with it
        walk: dict[tuple[str, ...], int] = {}
        for key in vocab.terms:
            walk[key] = walk.get(key, 0) | _TERM
            for n in range(1, len(key)):
                p = key[:n]
                walk[p] = walk.get(p, 0) | _PREFIX
        self._walk = walk
        self._single_terms = frozenset(k[0] for k, f in walk.items() if len(k) == 1 and f & _TERM)
        # first word -> the words that follow it in some term: most word pairs are settled by
        # two small lookups instead of a new tuple looked up in the large `walk` table
        following: dict[str, set[str]] = {}
        for k in walk:
            if len(k) == 2:
                following.setdefault(k[0], set()).add(k[1])
        self._pairs = {first: frozenset(seconds) for first, seconds in following.items()}
        self._keys = _KeyCache(lemmatizer)
        self.compiled = _scan is not None

    # -- tokens ------------------------------------------------------------------------------
    def tokenize(self, text: str, parts: list[str] | None = None) -> Tokens:
        """Exactly `normalize.tokenize(text, lemmatizer)`; `parts` = `split_words(text)`."""
        if parts is None:
            parts = _SPLIT_RE.split(text)
        if self.compiled:  # joins "pre-auricular" itself
            return _scan.tokenize(parts, self._keys, GAP_WORDS, _BREAK_STRING, JOINING_PREFIXES)
        if "-" in text:
            for m in _HYPHEN_RE.finditer(text):
                p = m.start()
                if _PREFIX_END_RE.search(text, max(0, p - 8), p):
                    return tokenize(text, self.lemmatizer)  # rare: the reference handles it
        return self._tokenize_python(text, parts)

    def _tokenize_python(self, text: str, parts: list[str]) -> Tokens:
        words = parts[1::2]
        if not words:
            return [], [], [], []
        pos = list(accumulate(map(len, parts)))
        starts = pos[0:-1:2]
        ends = pos[1::2]
        keys = list(map(self._keys.__getitem__, words))
        # seps[k] precedes word k; a break char in it ends the segment before word k.
        brk = list(
            compress(range(len(words)), map(not_, map(_BREAK_CHARS.isdisjoint, parts[0::2])))
        )
        if not GAP_WORDS.isdisjoint(keys):
            keep = list(map(not_, map(GAP_WORDS.__contains__, keys)))
            starts = list(compress(starts, keep))
            ends = list(compress(ends, keep))
            keys = list(compress(keys, keep))
            if brk:  # raw index -> index of the first kept token at or after it
                before = list(accumulate(keep, initial=0))
                brk = [before[r] for r in brk]
        n = len(keys)
        if not n:
            return [], [], [], []
        limits: list[int] = []
        prev = 0
        for b in brk:
            if prev < b < n:
                limits.extend([b] * (b - prev))
                prev = b
        limits.extend([n] * (n - prev))
        return starts, ends, keys, limits

    # -- matches -----------------------------------------------------------------------------
    def find_matches(self, text: str, tokens: Tokens) -> list[Match]:
        """Exactly `matcher.find_matches(vocab, text, *tokens, nested=False)`."""
        if self.compiled:
            starts, ends, keys, limits = tokens
            return _scan.find_matches(
                keys,
                limits,
                starts,
                ends,
                text,
                self._walk,
                self._pairs,
                self._single_terms,
                self.vocab.terms,
                self.vocab.case_sensitive,
                NUMBER_KEY,
                _letters,
                Match,
            )
        return self._find_matches_python(text, tokens)

    def _find_matches_python(self, text: str, tokens: Tokens) -> list[Match]:
        starts, ends, keys, limits = tokens
        kt = tuple(keys)
        mt = None
        if (_DIGIT_RE.search(text) or not text.isascii()) and any(map(str.isdigit, map(_HEAD, kt))):
            mt = tuple(NUMBER_KEY if k[:1].isdigit() else k for k in kt)
        walk = self._walk
        walk_get = walk.get
        single_terms = self._single_terms
        terms_get = self.vocab.terms.get
        case_sensitive = self.vocab.case_sensitive
        n = len(kt)
        # Candidate starts, found in C: one-word terms, and word pairs that begin a term.
        pair = list(map(walk.__contains__, zip(kt, kt[1:], strict=False)))
        pair.append(False)
        cand = {*compress(range(n), pair), *compress(range(n), map(single_terms.__contains__, kt))}
        if mt is not None:
            mpair = list(map(walk.__contains__, zip(mt, mt[1:], strict=False)))
            mpair.append(False)
            cand.update(compress(range(n), mpair))
            cand.update(compress(range(n), map(single_terms.__contains__, mt)))
            pair = list(map(or_, pair, mpair))
        out: list[Match] = []
        nxt = 0
        for i in sorted(cand):
            if i < nxt:
                continue
            lim = limits[i]
            hits = [i + 1]  # checked below like every other length
            if pair[i] and i + 2 <= lim:
                for seq in (kt,) if mt is None else (kt, mt):
                    j = i + 2
                    while j <= lim:
                        g = walk_get(seq[i:j])
                        if g is None:
                            break
                        if g & _TERM:
                            hits.append(j)
                        if not g & _PREFIX:
                            break
                        j += 1
                if mt is not None:
                    hits = sorted(set(hits))
            for j in reversed(hits):
                if mt is None:
                    key = kt[i:j]
                    hit = terms_get(key)
                    if hit is None or (
                        key in case_sensitive
                        and _letters(text[starts[i] : ends[j - 1]]) != case_sensitive[key]
                    ):
                        continue
                else:
                    hit = self._lookup(kt, mt, i, j, text, starts, ends)
                    if hit is None:
                        continue
                out.append(Match(i, j, hit[0], hit[1]))
                nxt = j
                break
        return out

    def _lookup(
        self,
        kt: tuple[str, ...],
        mt: tuple[str, ...] | None,
        a: int,
        b: int,
        text: str,
        starts: list[int],
        ends: list[int],
    ) -> tuple[str, int] | None:
        terms = self.vocab.terms
        key = kt[a:b]
        hit = terms.get(key)
        if hit is None and mt is not None:
            key = mt[a:b]
            hit = terms.get(key)
        if hit is None:
            return None
        surface = self.vocab.case_sensitive.get(key)
        if surface and _letters(text[starts[a] : ends[b - 1]]) != surface:
            return None
        return hit


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())
