"""Adjectives joined by a comma before a term describe the same thing: "loose, redundant skin"
is one redundant skin, "soft, velvety skin" one velvety skin.

Our helpers' gold sets span such a phrase from its first adjective (61 of the 63 phrases
where a describing adjective and a comma come before a marked term); the scan found only the
term at its end. Where the comma-joined adjective forms another term with the same head, the
stacked-modifier reading in `matcher` has it already; this covers the adjective that forms
none, or the same one ("lax, redundant skin folds", "thin, sparse scalp hair").
"""

from __future__ import annotations

from collections.abc import Callable

from text_processing.matcher import _NOT_STACKED, Match, _is_comma, _term
from text_processing.vocabulary import Vocabulary
from text_processing.word_formation import DEGREE_WORDS, FUNCTION_WORDS, PLAIN_ADJECTIVES

# "the skin was thin, soft ...": an adjective after a copula ends a clause, it describes
# nothing after the comma
_COPULAS = frozenset("is are was were be been being remained became appeared seemed".split())
_MAX_JOINED = 2  # "large, dark, plate-like scales"
# Endings of describing adjectives. Not the classifying "-al", "-ar", "-ary", nor "-ing" and
# "-ed": before a comma those are mostly nouns, verbs and the participle that ends a clause
# ("at five years, delayed puberty", "canal, short", "in all children examined, wormian bones",
# "if untreated, ventricular flutter").
_DESCRIBING_ENDINGS = ("ous", "ive", "ic")
_NUMBERS = frozenset({"five"})  # "at five, cleft palate": the one number word with such an end


def _describing(word: str) -> bool:
    return word in PLAIN_ADJECTIVES or (word.endswith(_DESCRIBING_ENDINGS) and word not in _NUMBERS)


def comma_adjective_spans(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    matches: list[Match],
    gap: Callable[[int], str],
) -> list[tuple[Match, Match]]:
    """(term, the term spanning its comma-joined adjectives) pairs, for `_replaced`."""
    covered: set[int] | None = None
    out: list[tuple[Match, Match]] = []
    for m in matches:
        if (
            m.nested
            or m.last - m.first < 2
            or not FUNCTION_WORDS.isdisjoint(keys[m.first : m.last])
        ):
            continue  # a noun phrase, not "protruding the tongue"
        first = m.first
        for _ in range(_MAX_JOINED):
            p = first - 1
            if p < 0 or not _joins(vocab, keys, limits, gap, p, first, m):
                break
            if covered is None:
                covered = {i for x in matches for i in range(x.first, x.last)}
            if p in covered:
                break
            first = p
        if first < m.first and (first == 0 or keys[first - 1] not in _COPULAS):
            out.append((m, Match(first, m.last, m.hpo_id, m.priority)))
    return out


def _joins(
    vocab: Vocabulary,
    keys: list[str],
    limits: list[int],
    gap: Callable[[int], str],
    p: int,
    nxt: int,
    m: Match,
) -> bool:
    """Whether word p is an adjective joined by a comma to the words at `nxt`, forming no
    term of its own, and none with the term's later words but the term itself ("thin, sparse
    scalp hair"; "large, posteriorly rotated ears" holds large ears, the stacked reading)."""
    word = keys[p]
    if not (
        gap(p) != "-"  # the end of a hyphenated word: "high-pitched, cat-like cry"
        and limits[p] == nxt
        and _is_comma(gap(nxt))
        and _describing(word)
        and word not in _NOT_STACKED
        and word not in DEGREE_WORDS
        and word not in FUNCTION_WORDS
        and (word,) not in vocab.terms
    ):
        return False
    for k in range(m.first + 1, m.last):  # the longest term it forms with the later words
        hit = _term(vocab, (word, *keys[k : m.last]))
        if hit is not None:
            return hit[0] == m.hpo_id
    return True
